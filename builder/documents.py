"""The files editors import listings from, read into the text `digest import` reads.

Text in any encoding: a byte order mark's (UTF-8; UTF-16, as Windows Notepad's "Unicode" and
Excel's "Unicode text" write it; UTF-32), else UTF-8, else the charset the page, feed or mail
declares (`<meta charset>`, `<?xml encoding>`, `charset=`), else a guess (charset-normalizer:
Windows in Ukrainian saves text as windows-1251), which a note names. Documents, told by their
first bytes, not their names (stdin has none): a Word document (.docx, as Word, Google Docs
and LibreOffice write it) through mammoth, as HTML with its links, headings and lists; a
spreadsheet (.xlsx) through openpyxl, its active sheet's rows as tab-separated cells with a
linked cell's address beside them; LibreOffice's own text documents and spreadsheets (.odt,
.ods: XML, read with the standard library) alike; a page saved as one file (MHTML, Safari's
.webarchive); a PDF through pdfminer.six, its lines with their links where they are on the
page. RTF and the old Office formats are refused with how to save them so they can be read.

The only importer of mammoth, openpyxl, pdfminer and charset_normalizer.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import html.parser
import io
import re
import zipfile
from dataclasses import dataclass, replace
from typing import Any

from .errors import DigestError


@dataclass(frozen=True)
class ListingFile:
    """A listing file's text, as the importer reads it."""

    text: str
    base: str = ""  # the address a saved page was saved from: its relative links' base
    note: str = ""  # how the file was read, when it was not text in UTF-8


def read_listing_file(data: bytes, name: str, charset: str | None = None) -> ListingFile:
    """Read a listing file's bytes (`name` for messages; `charset`: the one a server sent)."""
    if data.startswith(b"PK\x03\x04"):
        return _read_zipped(data, name)
    if data.startswith(b"bplist00"):
        return _read_webarchive(data, name)
    if _MBOX_SEPARATOR.match(data.replace(b"\r\n", b"\n", 1)):
        return _read_mailbox(data)
    if _saved_page(data):
        return _read_saved_page(data, name)
    if data.startswith(b"%PDF-"):
        return _read_pdf(data, name)
    for magic, kind, how in _REFUSED:
        if data.lstrip()[: len(magic)] == magic:
            raise DigestError(f"{name} is {kind}, which digest import cannot read; {how}")
    text, note = decode_text(data, charset)
    return ListingFile(text, note=note)


_REFUSED = (
    (b"{\\rtf", "an RTF document", "save it as a Word document (.docx) or as a web page"),
    (
        b"\xd0\xcf\x11\xe0",
        "a document in an old Office format (.doc, .xls)",
        "save it as .docx or .xlsx",
    ),
)


def decode_text(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Return a text file's text, and a note when it was read in another charset than UTF-8
    (a byte order mark's, else `charset`, else UTF-8, else the one it declares, else a guess).
    Bytes the charset lacks are read as U+FFFD."""
    for mark, codec in _BOMS:
        if data.startswith(mark):
            return data[len(mark) :].decode(codec, errors="replace"), ""
    if charset is not None and _known(charset):
        return data.decode(charset, errors="replace"), ""
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    declared = _DECLARED.search(data[:65536])
    if declared:
        named = (declared[1] or declared[2] or declared[3]).decode("ascii")
        if _known(named) and codecs.lookup(named).name != "utf-8":
            return data.decode(named, errors="replace"), f"read as {named}, which it declares"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:  # no charset reads it: UTF-8, with its bad bytes shown as such
        return data.decode("utf-8", errors="replace"), _NOT_TEXT
    return (
        str(best),
        f"read as {_WINDOWS.sub(_windows, best.encoding)}: it is not UTF-8 and names no "
        "charset, so that is a guess; "
        "if the headlines read wrong, save the listing as UTF-8",
    )


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16's: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A page's, feed's or mail's charset: <meta charset>, <meta content="text/html; charset=...">,
# <?xml encoding="...">, a mail part's Content-Type.
_DECLARED = re.compile(
    rb"""<meta[^>]+charset=["']?([\w.:-]+)|<\?xml[^>]+encoding=["']([\w.:-]+)"""
    rb"""|^content-type:[^\n]*charset="?([\w.:-]+)""",
    re.IGNORECASE | re.MULTILINE,
)
_WINDOWS = re.compile(r"^cp(125\d)$")  # Python's name of Windows' code pages: cp1251


def _windows(code_page: re.Match[str]) -> str:
    """Return a Windows code page's common name (windows-1251 for Python's cp1251)."""
    return f"windows-{code_page[1]}"


_NOT_TEXT = "it is in no charset known: read as UTF-8, its bad bytes shown as \ufffd"


def _known(charset: str) -> bool:
    """Whether Python has a codec of this name."""
    try:
        codecs.lookup(charset)
    except LookupError:
        return False
    return True


def _read_zipped(data: bytes, name: str) -> ListingFile:
    """A Word document or a spreadsheet (both are zip files of XML)."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        raise DigestError(f"{name} is a damaged zip file; digest import cannot read it") from None
    if "word/document.xml" in names:
        return _read_word(data, name)
    if "xl/workbook.xml" in names:
        return _read_workbook(data, name)
    if "content.xml" in names:
        return _read_open_document(data, name)
    raise DigestError(f"{name} is a zip file, not a listing; unpack it and import the listing")


def _read_word(data: bytes, name: str) -> ListingFile:
    """A Word document as the text of an editor's list: a paragraph, heading or list item a
    line (`- ` or `1. ` before an item), a link as Markdown's `[title](address)`, or its
    address alone where that is its text."""
    import mammoth

    try:
        result = mammoth.convert_to_html(io.BytesIO(data))
    except Exception as exc:  # mammoth raises what its XML and zip readers raise
        raise DigestError(f"{name}: the Word document cannot be read ({exc})") from None
    text = _WordText()
    text.feed(result.value)
    text.close()
    return ListingFile("".join(text.out).strip("\n") + "\n", note=_WORD)


_WORD = "a Word document: its text and links were read; line numbers are its paragraphs'"


class _WordText(html.parser.HTMLParser):
    """The text of the HTML mammoth makes of a Word document (paragraphs, headings, lists,
    tables, links, emphasis: nothing else)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.link: str | None = None  # the address of the link being read
        self.link_text: list[str] = []
        self.lists: list[list[Any]] = []  # [tag, items so far] of each list open
        self.cells = 0  # table cells open: their paragraphs stay on their row's line

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _LINE_TAGS and not (self.cells and tag != "tr"):
            self.out.append("\n")
        elif tag in _LINE_TAGS:
            self.out.append(" ")  # a cell's second paragraph: on its row's line
        if tag in ("ul", "ol"):
            self.lists.append([tag, 0])
        elif tag == "li" and self.lists:
            self.lists[-1][1] += 1
            kind, count = self.lists[-1]
            self.out.append("- " if kind == "ul" else f"{count}. ")
        elif tag in ("td", "th"):
            self.cells += 1
            self.out.append("\t")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            if href and not href.startswith("#"):  # not a bookmark within the document
                self.link, self.link_text = href, []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cells:
            self.cells -= 1
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "a" and self.link is not None:
            self.out.append(_linked("".join(self.link_text), self.link))
            self.link = None

    def handle_data(self, data: str) -> None:
        (self.link_text if self.link is not None else self.out).append(data)


_LINE_TAGS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br"))


def _linked(text: str, link: str) -> str:
    """A document's link as the text reader takes it: `[words](address)`, or the address
    alone where it is its own text (the words before it where they hold brackets)."""
    words = " ".join(text.split())
    if not words or words == link:
        return link
    if "[" in words or "]" in words:
        return f"{words} {link}"
    return f"[{words}]({link})"


def _read_open_document(data: bytes, name: str) -> ListingFile:
    """A LibreOffice text document (.odt): its paragraphs, headings, list items and table
    rows a line each, as a Word document's; a LibreOffice spreadsheet (.ods) as an Excel
    one."""
    import xml.etree.ElementTree as ElementTree

    try:
        root = ElementTree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("content.xml"))
        body = root.find(f"{{{_OFFICE}}}body/{{{_OFFICE}}}text")
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise DigestError(f"{name}: the document cannot be read ({exc})") from None
    if body is None:
        sheets = root.find(f"{{{_OFFICE}}}body/{{{_OFFICE}}}spreadsheet")
        if sheets is None:
            raise DigestError(
                f"{name} is an OpenDocument file of neither text nor a spreadsheet; "
                "digest import cannot read it"
            )
        return _read_open_sheets(sheets)
    lines: list[str] = []
    _odf_blocks(body, lines, "")
    return ListingFile("\n".join(lines).strip("\n") + "\n", note=_ODT)


_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_XLINK = "http://www.w3.org/1999/xlink"
_ODT = "a LibreOffice document: its text and links were read; line numbers are its paragraphs'"


def _read_open_sheets(sheets: Any) -> ListingFile:
    """A LibreOffice spreadsheet's first sheet with cells as an Excel sheet's."""
    tables = sheets.findall(f"{{{_TABLE}}}table")
    sheet = next(
        (t for t in tables if "".join(t.itertext()).strip()), tables[0] if tables else None
    )
    if sheet is None:
        return ListingFile("", note="a spreadsheet without sheets")
    rows: list[list[str]] = []
    for row in sheet.iter(f"{{{_TABLE}}}table-row"):
        cells, link = [], ""
        for cell in row:
            text, target = _ods_cell(cell)
            repeat = int(cell.get(f"{{{_TABLE}}}number-columns-repeated") or 1)
            cells.extend([text] * (repeat if text or repeat < _REPEATS else 1))
            link = link or target or (text if _ADDRESS.fullmatch(text) else "")
        while cells and not cells[-1]:
            cells.pop()
        repeat = int(row.get(f"{{{_TABLE}}}number-rows-repeated") or 1)
        if repeat >= _REPEATS and not cells:  # the sheet's empty rest, as LibreOffice saves it
            break
        rows.extend([link, *cells] for _ in range(repeat))
    title = sheet.get(f"{{{_TABLE}}}name") or ""
    others = [
        t.get(f"{{{_TABLE}}}name") or ""
        for t in tables
        if t is not sheet and "".join(t.itertext()).strip()
    ]
    return _sheet_text(rows, title, others)


_REPEATS = 1000  # so many empty rows or cells repeated: the rest of the sheet, not read


def _ods_cell(cell: Any) -> tuple[str, str]:
    """A LibreOffice cell's text as an Excel cell's reads (dates, times), and its link."""
    kind = cell.get(f"{{{_OFFICE}}}value-type")
    if kind == "date":
        value = cell.get(f"{{{_OFFICE}}}date-value") or ""
        text = value[:16].replace("T", " ")
        return (text[:10] if text.endswith("00:00") or len(text) == 10 else text), ""
    if kind == "time":
        clock = re.fullmatch(r"PT(\d+)H(\d+)M.*", cell.get(f"{{{_OFFICE}}}time-value") or "")
        if clock:
            return f"{int(clock[1]):02}:{int(clock[2]):02}", ""
    link = next((a.get(f"{{{_XLINK}}}href") or "" for a in cell.iter(f"{{{_TEXT}}}a")), "")
    called = _HYPERLINK.match((cell.get(f"{{{_TABLE}}}formula") or "").removeprefix("of:"))
    if called and not link:
        link = _formula_text(called[1])
    text = " ".join("".join(cell.itertext()).split())
    return text, link


def _odf_blocks(element: Any, lines: list[str], bullet: str) -> None:
    """Add the lines of an OpenDocument element's paragraphs, lists and tables."""
    for child in element:
        tag = child.tag
        if tag in (f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"):
            lines.extend((bullet + _odf_inline(child)).split("\n"))
            bullet = ""
        elif tag == f"{{{_TEXT}}}list-item":
            _odf_blocks(child, lines, "- ")
        elif tag == f"{{{_TABLE}}}table-row":
            cells = [" ".join(_odf_inline(p) for p in cell) for cell in child]
            lines.append("\t".join(cells))
        else:  # lists, sections, tables and their headers: what they hold
            _odf_blocks(child, lines, bullet)


def _odf_inline(element: Any) -> str:
    """The text of an OpenDocument paragraph: spans, links, spaces, tabs and line breaks."""
    out = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == f"{{{_TEXT}}}a":
            out.append(_linked(_odf_inline(child), child.get(f"{{{_XLINK}}}href") or ""))
        elif tag == f"{{{_TEXT}}}s":
            out.append(" " * int(child.get(f"{{{_TEXT}}}c") or 1))
        elif tag == f"{{{_TEXT}}}tab":
            out.append("\t")
        elif tag == f"{{{_TEXT}}}line-break":
            out.append("\n")
        elif not tag.startswith(f"{{{_OFFICE}}}"):  # not an annotation (a comment)
            out.append(_odf_inline(child))
        out.append(child.tail or "")
    return "".join(out)


def _read_workbook(data: bytes, name: str) -> ListingFile:
    """A spreadsheet's active sheet as tab-separated rows, a row a line (the sheet's row
    numbers), each with a first column `URL` holding its link: a linked cell's (Excel's
    links, Google Sheets' =HYPERLINK formulas), else a cell that is an address."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data))
    except Exception as exc:  # openpyxl raises what its XML and zip readers raise
        raise DigestError(f"{name}: the spreadsheet cannot be read ({exc})") from None
    sheet = book.active
    values: Any = None  # the formulas' last results, read once a formula needs them
    rows: list[list[str]] = []
    for row in sheet.iter_rows():
        cells, link = [], ""
        for cell in row:
            value, target = cell.value, ""
            if cell.hyperlink is not None and cell.hyperlink.target:
                target = cell.hyperlink.target
            if isinstance(value, str) and value.startswith("="):
                called = _HYPERLINK.match(value)
                if called:
                    target = target or _formula_text(called[1])
                    value = _formula_text(called[2]) if called[2] is not None else None
                if value is None or (isinstance(value, str) and value.startswith("=")):
                    if values is None:
                        values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
                    value = values[sheet.title][cell.coordinate].value
                    if value is None and called:
                        value = target
            text = _cell_text(value)
            link = link or target or (text if _ADDRESS.fullmatch(text) else "")
            cells.append(text)
        rows.append([link, *cells])
    others = [s.title for s in book.worksheets if s is not sheet and s.max_row > 1]
    return _sheet_text(rows, sheet.title, others)


def _sheet_text(rows: list[list[str]], title: str, others: list[str]) -> ListingFile:
    """A sheet's rows (each its link, then its cells) as tab-separated text, a row a line,
    the links' column headed `URL`, with a note naming the sheet (and those not read)."""
    if any(row[0] for row in rows):
        first = next((i for i, row in enumerate(rows) if any(row[1:])), None)
        if first is not None and not rows[first][0]:
            rows[first][0] = "URL"  # the header's name for the links' column
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for row in rows:
        writer.writerow(row if any(row) else [])
    note = f"a spreadsheet: the rows of its sheet {title!r} were read"
    if others:
        note += f" (not of {', '.join(repr(t) for t in others)}: make the one to import active)"
    return ListingFile(out.getvalue(), note=note)


# =HYPERLINK("https://...", "Title") (a semicolon between them in some locales)
_HYPERLINK = re.compile(
    r'=\s*HYPERLINK\(\s*("(?:[^"]|"")*")\s*(?:[,;]\s*("(?:[^"]|"")*")\s*)?\)\s*$', re.I
)
_ADDRESS = re.compile(r"https?://\S+")


def _formula_text(literal: str) -> str:
    """Return the text of a formula's string literal (a doubled quote in it is one)."""
    return literal[1:-1].replace('""', '"')


def _cell_text(value: object) -> str:
    """Return a cell's value as the importer reads dates, times and numbers."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())  # a line break within a cell: a space


def _read_pdf(data: bytes, name: str) -> ListingFile:
    """A PDF's lines of text in reading order (pdfminer's layout), a line that the one
    before it wrapped onto joined to it, its links where they are on the page: a link's text
    as Markdown's `[title](address)`, a link whose text is its address (or the start of it)
    as the address."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTChar, LTPage, LTTextContainer, LTTextLine
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    lines: list[_PdfLine] = []
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        resources = PDFResourceManager()
        device = PDFPageAggregator(resources, laparams=LAParams())
        interpreter = PDFPageInterpreter(resources, device)
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            layout = device.get_result()
            assert isinstance(layout, LTPage)
            links = _pdf_links(resolve1(page.annots) or [], resolve1)
            found = [
                _pdf_line(line, links, LTChar)
                for box in layout
                if isinstance(box, LTTextContainer)
                for line in box
                if isinstance(line, LTTextLine)
            ]
            margin = max((line.x1 for line in found), default=0.0)
            lines.extend(replace(line, margin=margin) for line in found)
    except Exception as exc:  # pdfminer raises what its parsers and decoders raise
        raise DigestError(f"{name}: the PDF cannot be read ({exc})") from None
    if not any(text.strip() for line in lines for text, _ in line.pieces):
        raise DigestError(
            f"{name} is a PDF without text (pages scanned as pictures?); digest import reads "
            "a PDF's text, not its pictures"
        )
    return ListingFile(_pdf_text(lines), note=_PDF)


_PDF = "a PDF: its text and links were read; line numbers are its lines' in reading order"
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class _PdfLine:
    """A line of a PDF page: its pieces of text with their links, and where it is."""

    pieces: tuple[tuple[str, str], ...]
    x0: float
    x1: float
    y0: float
    y1: float
    first_word: float  # the width of its first word
    margin: float = 0.0  # the right edge of its page's text


def _pdf_line(line: Any, links: list[tuple[Box, str]], char_type: type[Any]) -> _PdfLine:
    """A line of pdfminer's layout: its pieces of text, each with the link over it."""
    pieces: list[tuple[str, str]] = []
    word_end = line.x0  # where the line's first word ends
    started = ended = False  # its first word
    for char in line:
        text = char.get_text()
        box = char.bbox if isinstance(char, char_type) else None  # (a space pdfminer put in)
        link = _link_at(box, links) if box is not None else ""
        if text.isspace():
            ended = ended or started
        elif not ended and box is not None:
            started, word_end = True, box[2]
        if pieces and pieces[-1][1] == link:
            pieces[-1] = (pieces[-1][0] + text, link)
        else:
            pieces.append((text, link))
    return _PdfLine(tuple(pieces), line.x0, line.x1, line.y0, line.y1, word_end - line.x0)


def _pdf_links(annotations: list[Any], resolve: Any) -> list[tuple[Box, str]]:
    """The web links of a PDF page's annotations, with the boxes they cover."""
    found = []
    for annotation in annotations:
        annotation = resolve(annotation)
        action = resolve(annotation.get("A")) if isinstance(annotation, dict) else None
        uri = resolve(action.get("URI")) if isinstance(action, dict) else None
        rect = resolve(annotation.get("Rect")) if isinstance(annotation, dict) else None
        if isinstance(uri, bytes):
            uri = uri.decode("utf-8", errors="replace")
        if isinstance(uri, str) and _ADDRESS.match(uri) and rect and len(rect) == 4:
            x0, y0, x1, y1 = (float(resolve(v)) for v in rect)
            found.append(((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)), uri.strip()))
    return found


def _link_at(box: Box, links: list[tuple[Box, str]]) -> str:
    """The link whose box holds the middle of a character's."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return next((uri for (x0, y0, x1, y1), uri in links if x0 <= x <= x1 and y0 <= y <= y1), "")


def _wrapped(before: _PdfLine, line: _PdfLine) -> bool:
    """Whether `line` is the rest of the line before it, wrapped: it is just below it, not
    left of it but for a bullet's indent, its first word would not have fitted after it, and
    it starts no item, address or link of its own (a link ending with the line before it and
    none going on: a line break after a linked headline)."""
    height = before.y1 - before.y0
    text = "".join(t for t, _ in line.pieces).lstrip()
    last = next((link for t, link in reversed(before.pieces) if t.strip()), "")
    first = next((link for t, link in line.pieces if t.strip()), "")
    return (
        before.margin == line.margin
        and 0 <= before.y0 - line.y1 < height
        and line.x0 >= before.x0 - 1
        and before.x1 + height / 4 + line.first_word > line.margin
        and not _NEW_ITEM.match(text)
        and first == last
    )


_NEW_ITEM = re.compile(r"[•▪◦·‣–—-]\s|\d{1,2}[:.]\d{2}\b|\d+[.)]\s|https?://")
_URL_END = re.compile(r"https?://\S+$")


def _pdf_text(lines: list[_PdfLine]) -> str:
    """The text of a PDF's lines with their links, a wrapped line joined to the one before
    it (a word hyphenated at the break put together again)."""
    joined: list[list[tuple[str, str]]] = []
    before = None
    for line in lines:
        pieces = [(text.replace("\n", ""), link) for text, link in line.pieces]
        pieces = [(text, link) for text, link in pieces if text]
        if joined and before is not None and pieces and _wrapped(before, line):
            last = joined[-1]
            end, start = last[-1][0].rstrip(), pieces[0][0].lstrip()
            hyphenated = end[-1:] == "-" and end[-2:-1].isalpha() and start[:1].islower()
            if _URL_END.search(end):  # an address broken where it has a '-' or '/'
                hyphenated = False
                glued = end + start
            else:
                glued = end[:-1] + start if hyphenated else f"{end} {start}"
            if last[-1][1] == pieces[0][1]:
                last[-1] = (glued, pieces[0][1])
            else:
                last[-1] = (end[:-1] if hyphenated else end + " ", last[-1][1])
                last.append((start, pieces[0][1]))
            last.extend(pieces[1:])
        elif pieces:
            joined.append(pieces)
        before = line
    out = []
    for pieces in joined:
        line_text = ""
        for text, link in pieces:
            words = " ".join(text.split())
            shown = words.rstrip(".…")
            if not link or not words:
                line_text += text
                continue
            lead = " " if text[:1].isspace() else ""
            trail = " " if text[-1:].isspace() else ""
            if link.startswith(shown) or "[" in words or "]" in words:
                line_text += lead + (link if link.startswith(shown) else f"{words} {link}") + trail
            else:
                line_text += f"{lead}[{words}]({link}){trail}"
        out.append(line_text.rstrip())
    return "\n".join(out) + "\n"


# A page saved as one file (MHTML: Chrome's and Edge's "Webpage, single file"): a MIME
# message whose top part is multipart/related with an HTML root (RFC 2557).
def _saved_page(data: bytes) -> bool:
    """Whether a file is a page saved as one file: a MIME message (its headers first)
    whose Content-Type is multipart/related with an HTML root."""
    head = data[:_HEAD].replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    if not _HEADER_START.match(head):
        return False
    unfolded = re.sub(rb"\n[ \t]+", b" ", head).lower()  # a header over several lines: one
    kind = next((line for line in unfolded.split(b"\n") if line.startswith(b"content-type:")), b"")
    return b"multipart/related" in kind and _HTML_ROOT.search(kind) is not None


_HEAD = 16384  # bytes: where a message's headers end, at the most
_HEADER_START = re.compile(rb"[\w-]+:[ \t]")  # "From: <Saved by Blink>"
_HTML_ROOT = re.compile(rb"type=\"?text/html")


_SAVED_NOTE = "a page saved {}: its HTML was read; line numbers are its HTML's"

# A mailbox (mbox: Thunderbird's folders, Gmail's Takeout): each message after a line "From
# sender date" at the start or after a blank line, its headers under it.
_MBOX_SEPARATOR = re.compile(rb"(?:\A|(?<=\n\n))From \S+ [^\n]*\d{4}\n(?=[A-Za-z][\w-]*:)")
_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)  # a body's "From " line (mboxo/rd)


def _read_mailbox(data: bytes) -> ListingFile:
    """A mailbox: its messages, each read from its bytes in its own charset (one mailbox
    holds mails in many), as a mailbox again in UTF-8: each message its Date and the part
    a mail is read by (HTML, else text), decoded. Line numbers are those of that text."""
    import email
    import email.policy

    data = data.replace(b"\r\n", b"\n")
    starts = [found.start() for found in _MBOX_SEPARATOR.finditer(data)]
    out = []
    for start, end in zip(starts, [*starts[1:], len(data)], strict=True):
        separator, _, raw = data[start:end].partition(b"\n")
        message = email.message_from_bytes(
            _ESCAPED_FROM.sub(rb"\1", raw), policy=email.policy.default
        )
        body = message.get_body(preferencelist=("html", "plain"))
        try:
            content = body.get_content() if body is not None else None
        except (LookupError, ValueError):  # an unknown charset, a broken part
            content = None
        if body is None or not isinstance(content, str):
            continue
        kind = body.get_content_type()
        flowed = "".join(  # (format=flowed text is joined again by the importer)
            f"; {param}={body.get_param(param)}"
            for param in ("format", "delsp")
            if isinstance(body.get_param(param), str)
        )
        date = str(message.get("Date", "")).replace("\n", " ")
        escaped = re.sub(r"^(>*From )", r">\1", content.replace("\r\n", "\n"), flags=re.MULTILINE)
        out.append(
            f"{separator.decode('latin-1')}\nDate: {date}\nMIME-Version: 1.0\n"
            f"Content-Type: {kind}; charset=utf-8{flowed}\nContent-Transfer-Encoding: 8bit\n\n"
            f"{escaped}\n"
        )
    return ListingFile("\n".join(out))


def _read_saved_page(data: bytes, name: str) -> ListingFile:
    """A page saved as one file (MHTML): its HTML part, in its charset (the part's, else its
    <meta>), with the address it was saved from."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    body = part.get_payload(decode=True) if part is not None else None
    if not isinstance(body, bytes):
        raise DigestError(f"{name} is a page saved as one file (MHTML) without its HTML")
    text, _ = decode_text(body, part.get_content_charset() if part is not None else None)
    url = (part or message).get("Content-Location") or message.get("Snapshot-Content-Location")
    base = url if isinstance(url, str) and url.startswith(("http://", "https://")) else ""
    return ListingFile(text, base, _SAVED_NOTE.format("as one file (MHTML)"))


def _read_webarchive(data: bytes, name: str) -> ListingFile:
    """A page Safari saved (.webarchive, a property list): its main resource's text, in its
    charset, with the address it was saved from."""
    import plistlib

    try:
        archive = plistlib.loads(data)
        main = archive["WebMainResource"]
        body = main["WebResourceData"]
    except (plistlib.InvalidFileException, KeyError, TypeError, ValueError):
        raise DigestError(f"{name} is a property list, not a page Safari saved") from None
    charset = main.get("WebResourceTextEncodingName")
    text, _ = decode_text(bytes(body), charset if isinstance(charset, str) else None)
    url = main.get("WebResourceURL")
    base = url if isinstance(url, str) and url.startswith(("http://", "https://")) else ""
    return ListingFile(text, base, _SAVED_NOTE.format("by Safari (.webarchive)"))
