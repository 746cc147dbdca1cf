"""Markdown: raw HTML is text, only http(s) and in-site links survive, headings move down."""

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import markup


def test_raw_html_is_shown_as_text() -> None:
    html, bad = markup.render_block("<script>alert(1)</script>\n\nHi <b>x</b>")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>" not in html
    assert bad == []


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "vbscript:msgbox",
        "data:text/html;base64,PHNjcmlwdD4=",
        "//evil.example/x",
        "file:///etc/passwd",
    ],
)
def test_hostile_links_are_dropped_and_reported(url: str) -> None:
    html, bad = markup.render_block(f"Text [click]({url}) more")
    assert len(bad) == 1
    assert "href" not in html
    assert "click" in html


def test_hostile_image_keeps_only_its_alt_text() -> None:
    html, bad = markup.render_block("![a map](javascript:alert(1))")
    assert "<img" not in html and "a map" in html
    assert len(bad) == 1


def test_an_image_loads_when_scrolled_to_and_sends_no_referrer() -> None:
    """A picture in a commentary is another site's: a phone fetches it only when it comes
    into view, and its site is not told which page of the digest it is on."""
    html, bad = markup.render_block("![a map](https://maps.example/m.png)", "/2024/06/22/")
    assert bad == []
    assert html == (
        '<p><img src="https://maps.example/m.png" alt="a map" loading="lazy" '
        'referrerpolicy="no-referrer" /></p>\n'
    )


@pytest.mark.parametrize("url", ["https://example.org/a?b=1", "http://x.org", "/2024/06/", "#h1"])
def test_safe_links_are_kept(url: str) -> None:
    html, bad = markup.render_inline(f"[x]({url})")
    assert bad == []
    assert 'href="' in html


def test_bad_link_line_is_reported_within_the_markdown() -> None:
    _, bad = markup.render_block("one\n\ntwo\nthree [x](javascript:1)\n")
    assert [b.line for b in bad] == [3]


def test_commentary_headings_start_below_the_page_title() -> None:
    html, _ = markup.render_block("# Big\n\n## Less\n\n###### Small")
    assert "<h2>Big</h2>" in html and "<h3>Less</h3>" in html and "<h6>Small</h6>" in html


def test_commentary_headings_never_skip_a_level_after_the_title() -> None:
    html, _ = markup.render_block("### Context\n\n#### Detail")
    assert "<h2>Context</h2>" in html and "<h3>Detail</h3>" in html


# Notes without Markdown skip markdown-it (markup._INLINE_SYNTAX); the result must be what
# markdown-it makes of them, for any text: plain words, punctuation of every kind, spaces
# and tabs, Cyrillic, emoji, and the characters that do start Markdown.
_NOTE_ALPHABET = st.sampled_from(
    [
        *"abc XYZ\t.,;:?!-+=#$%^&*()[]{}<>/\\|'\"`~_@0123456789",
        *("Київ", "ї", "ґ", "😀", "\u00a0", "\u2028", "  ", "\n", "&amp;", "**", "http://x.y"),
    ]
)


@settings(max_examples=int(os.environ.get("NOTE_EXAMPLES", "500")), deadline=None)
@given(st.lists(_NOTE_ALPHABET, max_size=12).map("".join))
def test_plain_notes_skip_markdown_it_with_the_same_html(text: str) -> None:
    assert markup.render_inline(text) == markup.parse_inline(text)


# Notes whose only Markdown is emphasis (`*words*`, `**words**`) skip markdown-it as well
# (markup._EMPHASIS): the same HTML for any mix of stars, words, spaces and punctuation,
# including the stars that open or close nothing, sit inside words or run three together.
_EMPHASIS_ALPHABET = st.sampled_from(
    [
        *"ab Я1 .,;:?)(\"'-*\t_!#",
        *("**", "***", "*a*", "**b b**", " *", "* ", "*Київ*", "\u00a0", "😀", "  ", "ґ\u0301"),
    ]
)


@settings(max_examples=int(os.environ.get("NOTE_EXAMPLES", "500")) * 2, deadline=None)
@given(st.lists(_EMPHASIS_ALPHABET, max_size=14).map("".join))
def test_emphasised_notes_skip_markdown_it_with_the_same_html(text: str) -> None:
    assert markup.render_inline(text) == markup.parse_inline(text)


def test_a_note_with_emphasis_alone_is_rendered_without_markdown_it() -> None:
    note = 'Context: *offensive "near" Київ* and **2 more**, (see *x*).'
    assert markup._emphasis_only(note) == (
        "Context: <em>offensive &quot;near&quot; Київ</em> and <strong>2 more</strong>, "
        "(see <em>x</em>)."
    )
    assert markup._emphasis_only(note) == markup.parse_inline(note)[0]
    for other in ("*a*b", "x*a*", "*a *", "**a*", "*a* [b](https://x.org)", "*a_b*"):
        assert markup._emphasis_only(other) is None, other


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u00a0", "\u2060", "\u202e", "\ufeff"])
def test_a_link_holding_an_invisible_character_is_refused_not_encoded(invisible: str) -> None:
    """Pasted text brings characters of no width; percent-encoded, a link holding one looks
    like any other and leads nowhere. It is refused (the reader reports it) and shown as
    text; an address in Cyrillic is encoded as before."""
    url = f"https://example.org/news/{invisible}1"
    html, bad = markup.render_inline(f"[the report]({url}) and [Київ](https://uk.example.org/Київ)")
    assert bad == [markup.BadLink(0, url)]
    assert (
        html == 'the report and <a href="https://uk.example.org/%D0%9A%D0%B8%D1%97%D0%B2">Київ</a>'
    )


def test_a_table_is_put_in_a_box_that_scrolls_and_can_be_focused() -> None:
    """The theme lets `.wide` scroll sideways; a reader with a keyboard scrolls it once it
    has the focus (axe-core: a scrollable region must be reachable)."""
    html, bad = markup.render_block("Losses:\n\n| Month | Tanks |\n|---|--:|\n| June | 2,345 |\n")
    assert bad == []
    assert html.startswith('<p>Losses:</p>\n<div class="wide" tabindex="0">\n<table>\n<thead>')
    assert html.endswith("</tbody>\n</table>\n</div>\n")
    assert '<td style="text-align:right">2,345</td>' in html
