"""The files `digest import` reads besides UTF-8 text: other encodings, Word documents,
spreadsheets and pages saved by a browser (builder/documents.py), made by the programs
that make them where this machine has them (openpyxl's writer, Python's plistlib for
Safari's property lists; the Word documents in tests/listings were written by LibreOffice)."""

from __future__ import annotations

import datetime as dt
import io
import plistlib
import shutil
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.hyperlink import Hyperlink

from builder.cli import main
from builder.documents import ListingFile, decode_text, read_listing_file
from builder.errors import DigestError
from builder.importer import parse_listing

ROOT = Path(__file__).resolve().parent.parent
LISTINGS = ROOT / "tests" / "listings"
UK = "Генштаб: за добу 143 бойові зіткнення, найгарячіше – на Покровському напрямку"
RU = "Зеленский подписал закон о множественном гражданстве"


def headlines(data: bytes, name: str = "listing") -> list[tuple[str, str, str, str]]:
    """What the importer gives for a file's bytes: (day, time, title, link)."""
    listing = read_listing_file(data, name)
    result = parse_listing(
        listing.text, dt.date(2024, 7, 16), timezone="Europe/Kyiv", page_url=listing.base
    )
    return [
        (str(day.date), f"{e.time:%H:%M}" if e.time else "-", e.title, e.url)
        for day in result.days
        for e in day.entries
    ]


LIST = f"16.07.2024\n09:14 {UK}\nhttps://www.pravda.com.ua/news/2024/07/16/7466213/\n"
WANT = [("2024-07-16", "09:14", UK, "https://www.pravda.com.ua/news/2024/07/16/7466213/")]


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (LIST.encode("utf-8"), ""),
        (b"\xef\xbb\xbf" + LIST.encode("utf-8"), ""),  # Notepad's "UTF-8 with BOM"
        (b"\xff\xfe" + LIST.replace("\n", "\r\n").encode("utf-16-le"), ""),  # Notepad "Unicode"
        (b"\xfe\xff" + LIST.encode("utf-16-be"), ""),
        (b"\xff\xfe\x00\x00" + LIST.encode("utf-32-le"), ""),
        # Notepad's "ANSI" on a Ukrainian Windows: no charset named anywhere
        (
            LIST.encode("cp1251"),
            "read as windows-1251: it is not UTF-8 and names no charset, so that is a guess; "
            "if the headlines read wrong, save the listing as UTF-8",
        ),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le", "cp1251-guessed"],
)
def test_reads_text_in_the_encodings_editors_save_it_in(data: bytes, note: str) -> None:
    assert read_listing_file(data, "listing.txt").note == note
    assert headlines(data) == WANT


def test_a_page_is_read_in_the_charset_it_declares_unless_it_is_utf8() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        f'</head><body><ul><li><a href="https://censor.net/ru/news/1">{RU}</a></li>'
        f'<li><a href="https://censor.net/ru/news/2">{RU}!</a></li></ul></body></html>'
    )
    assert decode_text(page.encode("koi8-r")) == (page, "read as koi8-r, which it declares")
    # A page saved in UTF-8 that still says windows-1251 (a browser's "Save as" re-encodes
    # the page and leaves its <meta> as it was): the bytes are UTF-8.
    stale = page.replace("koi8-r", "windows-1251")
    assert decode_text(stale.encode("utf-8")) == (stale, "")
    feed = f'<?xml version="1.0" encoding="windows-1251"?><rss><title>{RU}</title></rss>'
    assert decode_text(feed.encode("cp1251")) == (feed, "read as windows-1251, which it declares")
    # What a server says comes first, as in a browser.
    assert decode_text(RU.encode("cp1251"), "windows-1251") == (RU, "")


def test_import_reads_a_windows_1251_file_and_says_how(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    listing = tmp_path / "listing.txt"
    listing.write_bytes(
        f"16 июля 2024\n{RU}\nhttps://censor.net/ru/news/3495986/x\n".encode("cp1251")
    )
    code = main(["import", str(listing), "--date", "2024-07-16", "--project", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 0
    assert f"{listing}: note: read as windows-1251: it is not UTF-8" in err
    day = tmp_path / "content/digests/2024/2024-07-16.md"
    assert f"title: {RU}" in day.read_text("utf-8") or f'title: "{RU}"' in day.read_text("utf-8")


def workbook_bytes(book: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_reads_a_spreadsheets_linked_cells_formulas_dates_and_times() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Липень"
    sheet.append(["Дата", "Час", "Заголовок", "Примітка"])
    # Excel's Ctrl+K: the cell shows the title, its hyperlink holds the address.
    sheet.append([dt.datetime(2024, 7, 15), dt.time(21, 40), "Росія вдарила по Одесі", ""])
    sheet["C2"].hyperlink = Hyperlink(
        ref="C2", target="https://www.pravda.com.ua/news/2024/07/15/7466102/"
    )
    # Google Sheets' export: =HYPERLINK("address";"title"), quotes doubled in the title.
    sheet.append(
        [
            dt.datetime(2024, 7, 16, 9, 14),
            None,
            '=HYPERLINK("https://www.radiosvoboda.org/a/33036512.html";'
            '"ООН: ракета в ""Охматдит""")',
            "перевірити",
        ]
    )
    sheet.append(["16.07.2024", "11:02", "Healey visits Odesa", "https://kyivindependent.com/a/"])
    sheet.append([dt.date(2024, 7, 16), dt.time(18, 30), "Орбан надіслав лист", "посилання нема"])
    book.create_sheet("Червень").append(["Дата", "Заголовок"])
    book["Червень"].append(["2024-06-01", "Not this sheet's"])
    data = workbook_bytes(book)
    assert read_listing_file(data, "x.xlsx").note == (
        "a spreadsheet: the rows of its sheet 'Липень' were read "
        "(not of 'Червень': make the one to import active)"
    )
    assert headlines(data) == [
        (
            "2024-07-15",
            "21:40",
            "Росія вдарила по Одесі",
            "https://www.pravda.com.ua/news/2024/07/15/7466102/",
        ),
        (
            "2024-07-16",
            "09:14",
            'ООН: ракета в "Охматдит"',
            "https://www.radiosvoboda.org/a/33036512.html",
        ),
        ("2024-07-16", "11:02", "Healey visits Odesa", "https://kyivindependent.com/a/"),
        ("2024-07-16", "18:30", "Орбан надіслав лист", ""),  # a draft: no link yet
    ]


def test_reads_a_page_safari_saved_with_the_address_it_came_from() -> None:
    page = (
        '<html><head><meta charset="windows-1251"></head><body><ul>'
        f'<li><a href="/ru/news/3495986/x">{RU}</a> <time>16.07.2024 09:14</time></li>'
        f'<li><a href="/ru/news/3495987/y">{RU} снова</a> <time>16.07.2024 10:20</time></li>'
        "</ul></body></html>"
    )
    archive = plistlib.dumps(
        {
            "WebMainResource": {
                "WebResourceData": page.encode("cp1251"),
                "WebResourceFrameName": "",
                "WebResourceMIMEType": "text/html",
                "WebResourceTextEncodingName": "windows-1251",
                "WebResourceURL": "https://censor.net/ru/news/all",
            },
            "WebSubresources": [],
        },
        fmt=plistlib.FMT_BINARY,
    )
    listing = read_listing_file(archive, "page.webarchive")
    assert listing.base == "https://censor.net/ru/news/all"
    assert headlines(archive) == [
        ("2024-07-16", "09:14", RU, "https://censor.net/ru/news/3495986/x"),
        ("2024-07-16", "10:20", f"{RU} снова", "https://censor.net/ru/news/3495987/y"),
    ]


def test_reads_a_page_chromium_saved_as_one_file() -> None:
    # Chromium's MHTML (DevTools' Page.captureSnapshot, as "Webpage, single file" saves it):
    # its HTML part is quoted-printable, its charset only in its <meta>.
    data = (LISTINGS / "f12-chrome-saved-dumskaya-origin.mhtml").read_bytes()
    listing = read_listing_file(data, "news.mhtml")
    assert listing.base == "https://dumskaya.net/news/"
    assert listing.note == (
        "a page saved as one file (MHTML): its HTML was read; line numbers are its HTML's"
    )
    assert headlines(data)[0] == (
        "2024-07-16",
        "19:40",
        "В Одессе после атаки дронов повреждены портовые склады",
        "https://dumskaya.net/news/v-odesse-posle-ataki-dronov-povrezhdeny-portovye-180311/",
    )
    # A mail is no saved page: the importer reads it as a mail.
    mail = (LISTINGS / "r10b-convertkit-brief.eml").read_bytes()
    assert read_listing_file(mail, "x.eml") == ListingFile(mail.decode("utf-8"))


def test_reads_a_pdfs_lines_with_the_links_over_them() -> None:
    # LibreOffice's PDF of a press review: titles under link annotations, two wrapped onto a
    # second line; an address printed as a link, broken at a '-' in it.
    text = read_listing_file((LISTINGS / "f12-press-review.pdf").read_bytes(), "r.pdf").text
    lines = text.splitlines()
    assert (
        "1.3. [Генштаб: за добу 143 бойові зіткнення, найгарячіше – на Покровському напрямку, "
        "де ворог атакував 48 разів]"
        "(https://www.unian.ua/war/genshtab-za-dobu-vidbulosya-143-boyovi-zitknennya-12701456.html)"
    ) in lines
    assert "УНІАН, 16.07.2024, 09:14" in lines  # after a line break: a line of its own
    assert (
        "https://www.euronews.com/my-europe/2024/07/15/borrell-eu-will-not-recognise-orbans-peace-mission"
        in lines
    )


def test_a_mail_with_pictures_is_a_mail_not_a_saved_page() -> None:
    # multipart/related around an HTML part with its pictures, as Outlook sends a newsletter:
    # its root is multipart/alternative, not text/html. (Told by reading the headers alone: a
    # pattern over the whole message took minutes on a mail of a few hundred kilobytes.)
    mail = (
        b"From: desk@example.org\nSubject: Digest\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/related;\n\tboundary="xyz";\n\ttype="multipart/alternative"\n\n'
        + b"a line of the body, with words and more words in it\n"
        * 5000
    )
    assert read_listing_file(mail, "digest.eml") == ListingFile(mail.decode("utf-8"))


def zipped(*names: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
            "review.pdf: the PDF cannot be read (No /Root object! - Is this really a PDF?)",
        ),
        (
            b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
            b"2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
            b"3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj\n"
            b"trailer <</Root 1 0 R>>\n%%EOF\n",
            "review.pdf is a PDF without text (pages scanned as pictures?); digest import "
            "reads a PDF's text, not its pictures",
        ),
        (
            b"{\\rtf1\\ansi\\deff0 {\\fonttbl}}",
            "review.pdf is an RTF document, which digest import cannot read; save it as a "
            "Word document (.docx) or as a web page",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
            "review.pdf is a document in an old Office format (.doc, .xls), which digest "
            "import cannot read; save it as .docx or .xlsx",
        ),
        (
            zipped("mimetype", "content.xml"),  # neither text nor a spreadsheet: a drawing
            "review.pdf is an OpenDocument file of neither text nor a spreadsheet; digest "
            "import cannot read it",
        ),
        (
            zipped("photos/1.jpg"),
            "review.pdf is a zip file, not a listing; unpack it and import the listing",
        ),
        (
            zipped("word/document.xml")[:-30],  # cut short
            "review.pdf is a damaged zip file; digest import cannot read it",
        ),
    ],
    ids=["pdf", "pdf-scan", "rtf", "ole2", "odt", "zip", "damaged"],
)
def test_refuses_what_it_cannot_read_saying_how_to_save_it(data: bytes, message: str) -> None:
    with pytest.raises(DigestError) as raised:
        read_listing_file(data, "review.pdf")  # told by its bytes, not its name
    assert raised.value.message == message


def test_import_of_a_word_document_reads_its_paragraphs_and_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    document = (LISTINGS / "f12-editor-draft.docx").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(document)))
    code = main(["import", "-", "--dry-run", "--date", "2024-07-16", "--project", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 0
    assert err.splitlines()[0] == (
        "stdin: note: a Word document: its text and links were read; "
        "line numbers are its paragraphs'"
    )
    # The lines the document's editor wrote for herself are no headlines.
    assert "stdin:1: dropped 'ДАЙДЖЕСТ НОВИН — робоча чернетка': no link" in err
    assert "stdin:10: dropped 'Примітка: звірити цифри з вечірнім зведенням о 16:00'" in err
    assert "Генштаб: за добу 143 бойові зіткнення" in out


def test_a_word_tables_rows_are_read_as_a_spreadsheets_with_its_linked_words() -> None:
    # An editor's list kept as a Word table: Час | Заголовок | Посилання, the last cell a
    # linked word ("посилання"); each cell's paragraph stays on its row's line.
    found = headlines((LISTINGS / "r18b-word-table-link-column-docx.docx").read_bytes())
    assert found[:2] == [
        (
            "2024-07-16",
            "07:55",
            "Повітряні сили: вночі збили 22 з 24 «шахедів»",
            "https://www.ukrinform.ua/rubric-ato/3888012-povitrani-sili-vnoci-zbili-22-z-24-sahediv.html",
        ),
        (
            "2024-07-16",
            "08:40",
            "Генштаб: за добу відбулося 143 бойові зіткнення, найбільше — на Покровському напрямку",
            "https://www.pravda.com.ua/news/2024/07/16/7466198/",
        ),
    ]
    assert len(found) == 10
