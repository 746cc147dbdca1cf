"""`digest share`: exact messages for the sample day, escaping, splitting, and a MarkdownV2
reader that proves every special character is escaped and every link well formed."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from builder.cli import main
from builder.model import Day, Headline, SiteConfig, Source, Update
from builder.share import (
    TELEGRAM_LIMIT,
    markdown_escape,
    share_day,
    telegram_escape,
    telegram_escape_url,
    visible_length,
)

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = Path(__file__).parent / "share"
SITE = SiteConfig(
    "War Digest", "d", "https://digest.example.org/", "en", "Europe/Kyiv", "The editors"
)
SOURCES = {"espreso": Source("espreso", "Espreso Global", "https://global.espreso.tv/", "en")}
SPECIAL = "_*[]()~`>#+-=|{}.!"
DATE = dt.date(2024, 6, 22)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


# A MarkdownV2 reader, strict where Telegram is: an unescaped special character is only
# allowed as the mark of an entity we write (*bold*, _italic_, [text](url)).


def read_markdown_v2(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Return the visible text and the (text, url) links of a MarkdownV2 message."""
    out: list[str] = []
    links: list[tuple[str, str]] = []
    open_marks: list[str] = []
    link_start: int | None = None
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            assert i + 1 < len(text) and 1 <= ord(text[i + 1]) <= 126, f"bad escape at {i}"
            out.append(text[i + 1])
            i += 2
            continue
        if char in "*_":
            if open_marks and open_marks[-1] == char:
                open_marks.pop()
            else:
                open_marks.append(char)
        elif char == "[":
            assert link_start is None, f"nested link at {i}"
            link_start = len(out)
        elif char == "]":
            assert link_start is not None and text[i + 1] == "(", f"stray ']' at {i}"
            url, i = read_url(text, i + 2)
            links.append(("".join(out[link_start:]), url))
            link_start = None
            continue
        else:
            assert char not in SPECIAL + "\\", (
                f"unescaped {char!r} at {i}: {text[i - 20 : i + 20]!r}"
            )
            out.append(char)
        i += 1
    assert not open_marks and link_start is None, "an entity is not closed"
    return "".join(out), links


def read_url(text: str, i: int) -> tuple[str, int]:
    """Read a link's address up to its unescaped ')'; only ')' and '\\' may be escaped."""
    url: list[str] = []
    while text[i] != ")":
        if text[i] == "\\":
            assert text[i + 1] in ")\\", f"needless escape in a URL at {i}"
            i += 1
        url.append(text[i])
        i += 1
    return "".join(url), i + 1


def headline(title: str, url: str, note: str = "", **more: object) -> Headline:
    fields: dict[str, object] = dict(
        date=DATE,
        title=title,
        url=url,
        source="espreso",
        tags=(),
        places=(),
        time=None,
        note=note,
        note_html="",
        label=None,
        story=None,
        language=None,
    )
    fields.update(more)
    return Headline(**fields)  # type: ignore[arg-type]


def make_day(*headlines: Headline, commentary: str = "", title: str | None = "T") -> Day:
    return Day(DATE, "content/digests/2024/2024-06-22.md", title, None, headlines, commentary, "")


# The sample day ------------------------------------------------------------------------


@pytest.mark.parametrize("format_name", ["telegram", "markdown", "text"])
def test_sample_day_prints_exactly(capsys: pytest.CaptureFixture[str], format_name: str) -> None:
    code, out, err = run(capsys, "share", "2024-06-21", "--format", format_name, "--project", ROOT)
    assert (code, err) == (0, "")
    assert out == (EXPECTED / f"2024-06-21.{format_name}.txt").read_text(encoding="utf-8")


def test_sample_day_in_telegram_reads_back_as_intended(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "share", "2024-06-21", "--project", ROOT)
    plain, links = read_markdown_v2(out)
    assert plain.startswith(
        "June 21, 2024: Second Peace Summit plans, a Patriot from the Netherlands\n"
    )
    assert (
        "6. Russia launches assaults on Chasiv Yar from Toretsk direction - Khortytsia troop "
        "grouping — Censor.NET\n" in plain
    )
    assert len(links) == 9
    assert links[-1] == ("War Digest", "https://digest.example.org/2024/06/21/")
    assert links[0][1].endswith(
        "the_po_is_set_to_hold_the_second_peace_summit_by_the_end_of_the_year"
    )


def test_unknown_date_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "share", "2024-06-23", "--project", ROOT) == (
        1,
        "",
        "digest: error: no day file for 2024-06-23\n",
    )


def test_draft_is_refused_unless_asked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    day = tmp_path / "content/digests/2024/2024-06-22.md"
    day.write_text(
        day.read_text(encoding="utf-8").replace("---\n", "---\ndraft: true\n", 1), encoding="utf-8"
    )
    code, out, err = run(capsys, "share", "2024-06-22", "--project", tmp_path)
    assert (code, out) == (1, "")
    assert err == (
        "digest: error: 2024-06-22 is a draft (draft: true in content/digests/2024/2024-06-22.md); "
        "publish it first, or share it anyway with --drafts\n"
    )
    code, out, _ = run(capsys, "share", "2024-06-22", "--drafts", "--project", tmp_path)
    assert code == 0 and out.startswith("*June 22, 2024: A second tanker")


def test_several_messages_are_marked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "share", "2024-06-22", "--max-length", "700", "--project", ROOT)
    assert code == 0
    assert err == "--- message 1 of 2 ---\n--- message 2 of 2 ---\n"
    code, out, err = run(
        capsys,
        "share",
        "2024-06-22",
        "--max-length",
        "700",
        "--split-marker",
        "@@",
        "--project",
        ROOT,
    )
    _, second = out.split("\n@@\n")
    assert err == ""
    assert second.startswith("*June 22, 2024 \\(2/2\\)*\n\n3\\. *🔎 Analysis:* [Putin")


# Escaping ------------------------------------------------------------------------------


@pytest.mark.parametrize("char", list(SPECIAL + "\\"))
def test_telegram_escapes_every_special_character(char: str) -> None:
    assert telegram_escape(f"a{char}b") == f"a\\{char}b"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Putin: no talks", "Putin: no talks"),
        ("Q&A", "Q&A"),
        ("&amp; stays", "\\&amp; stays"),
        (
            "*not bold* _nor_ `code` [x](y) <b> a|b ~s~",
            "\\*not bold\\* \\_nor\\_ \\`code\\` \\[x\\](y) \\<b\\> a\\|b \\~s\\~",
        ),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_markdown_escapes_inline(text: str, escaped: str) -> None:
    assert markdown_escape(text) == escaped


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("# not a heading", "\\# not a heading"),
        ("- no item", "\\- no item"),
        ("1. no list", "1\\. no list"),
        ("2024) no", "2024\\) no"),
    ],
)
def test_markdown_escapes_block_markers_at_line_start(text: str, escaped: str) -> None:
    assert markdown_escape(text, line_start=True) == escaped


def test_link_addresses_escape_only_parenthesis_and_backslash() -> None:
    assert telegram_escape_url("https://x.org/a_(b)*c\\d") == "https://x.org/a_(b\\)*c\\\\d"


TRICKY_TITLE = 'Zelensky: "1+1=2!" [sic] (live) #war *hot* _new_ ~old~ `x` >quote | {a} a.b-c\\d'
TRICKY_URL = "https://example.org/wiki/Battle_(2024)?a=1&b=[2]"
TRICKY_NOTE = "See *this* and [that (one)](https://example.org/p_(x)) - 50% off."


def test_every_special_character_reads_back_in_telegram() -> None:
    day = make_day(
        headline(TRICKY_TITLE, TRICKY_URL, TRICKY_NOTE, label="disinformation"),
        commentary="Para *one* with [a link](/2024/06/21/) and 1.5 + 2 = 3.5!\n\n- item (b)\n",
        title="Title (with) #marks!",
    )
    [message] = share_day(day, SITE, SOURCES, "telegram")
    plain, links = read_markdown_v2(message)
    assert plain == (
        "June 22, 2024: Title (with) #marks!\n\n"
        "Para one with a link and 1.5 + 2 = 3.5!\n\n"
        "• item (b)\n\n"
        f"1. ⚠️ Disinformation: {TRICKY_TITLE} — Espreso Global\n"
        "See this and that (one) - 50% off.\n\n"
        "War Digest\n"
    )
    assert links == [
        ("a link", "https://digest.example.org/2024/06/21/"),
        (TRICKY_TITLE, TRICKY_URL),
        ("that (one)", "https://example.org/p_(x)"),
        ("War Digest", "https://digest.example.org/2024/06/22/"),
    ]


def test_headline_block_in_each_format() -> None:
    update = Update(DATE, dt.time(14, 30), "It said *three*.", "")
    day = make_day(
        headline("A (b) c.", "https://x.org/a_(b)", "Note.", label="analysis", update=update),
        title=None,
    )
    telegram, markdown, text = (
        share_day(day, SITE, SOURCES, f)[0] for f in ("telegram", "markdown", "text")
    )
    assert telegram == (
        "*June 22, 2024*\n\n"
        "1\\. *🔎 Analysis:* [A \\(b\\) c\\.](https://x.org/a_(b\\)) — Espreso Global\n"
        "Note\\.\n"
        "_✏️ Correction, June 22, 2024, 2:30\u202fPM:_ It said three\\.\n\n"
        "[War Digest](https://digest.example.org/2024/06/22/)\n"
    )
    assert markdown == (
        "## June 22, 2024\n\n"
        "1. **🔎 Analysis:** [A (b) c.](https://x.org/a_\\(b\\)) — Espreso Global\\\n"
        "   Note.\\\n"
        "   *✏️ Correction, June 22, 2024, 2:30\u202fPM:* It said three.\n\n"
        "[War Digest](https://digest.example.org/2024/06/22/)\n"
    )
    assert text == (
        "June 22, 2024\n\n"
        "1. 🔎 Analysis: A (b) c. — Espreso Global\n"
        "   https://x.org/a_(b)\n"
        "   Note.\n"
        "   ✏️ Correction, June 22, 2024, 2:30\u202fPM: It said three.\n\n"
        "War Digest\n"
        "https://digest.example.org/2024/06/22/\n"
    )


def test_a_ukrainian_sites_labels_and_corrections_are_in_ukrainian() -> None:
    """As its pages write them: the labels and the word before a correction were English."""
    update = Update(DATE, dt.time(14, 30), "Виправлено *назву*.", "")
    site = SiteConfig("Дайджест", "д", "https://digest.example.org/", "uk", "Europe/Kyiv", "Р")
    day = make_day(headline("Заголовок", "https://x.org/a", label="unconfirmed", update=update))
    text = share_day(day, site, SOURCES, "text")[0]
    # Espreso Global publishes in English: as the pages say it
    assert (
        "1. ❓ Не підтверджено: Заголовок — Espreso Global (мова оригіналу: англійська)\n" in text
    )
    assert "   ✏️ Виправлення, 22 червня 2024\u202fр., 14:30: Виправлено назву.\n" in text


# Splitting -----------------------------------------------------------------------------


def test_a_long_day_splits_between_headlines_in_order() -> None:
    titles = [f"Headline {n:03d}: " + "shelling (again) of Kharkiv. " * 6 for n in range(120)]
    day = make_day(
        *(
            headline(title, f"https://example.org/news/{n}_(x)", "A note! " * 20)
            for n, title in enumerate(titles)
        ),
        commentary="The day in brief.",
    )
    messages = share_day(day, SITE, SOURCES, "telegram")
    assert len(messages) > 3
    seen: list[str] = []
    for number, message in enumerate(messages, start=1):
        plain, links = read_markdown_v2(message)
        assert visible_length(plain.rstrip("\n")) <= TELEGRAM_LIMIT
        if number > 1:
            assert plain.startswith(f"June 22, 2024 ({number}/{len(messages)})\n\n")
        seen += [text for text, _ in links if text.startswith("Headline")]
    assert seen == [t.strip() for t in titles]


def test_a_headline_too_long_for_a_message_is_an_error() -> None:
    day = make_day(headline("Short", "https://example.org/1", "x" * 5000))
    with pytest.raises(Exception, match=r"^headlines\[0\] \('Short'\) is 50\d\d characters long"):
        share_day(day, SITE, SOURCES, "telegram")


def test_the_commands_share_formats_are_the_sharers() -> None:
    from builder import cli, share

    assert cli.SHARE_FORMATS == share.FORMATS
