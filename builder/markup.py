"""Markdown to safe HTML: the only module that imports markdown_it.

Raw HTML in Markdown is off (it is shown as text). Links and images may point at http(s)
addresses or within the site (relative paths and #fragments); any other scheme
(`javascript:`, `data:`, protocol-relative `//host`) is dropped from the output and reported
with its line, so an editor learns about it instead of shipping a dead or hostile link. An
image loads when scrolled to, and sends no referrer.
Relative links are resolved against the address of the page the text belongs to (its day),
so they keep working wherever the text is shown: on other pages and in feeds.
Headings in commentary are renumbered so the highest one is an h2 and levels keep their
order: the page's own title is the only h1, and no level is skipped after it. A table is put
in a <div class="wide">, which the theme lets scroll sideways on a narrow screen.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .urls import unseen_in


@dataclass(frozen=True)
class BadLink:
    """A link or image address that was refused; line is 0-based within the Markdown."""

    line: int
    url: str


def _make_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    # Accept every address at parse time; `_sanitise` decides, so refusals can be reported.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    # An address holding a character of no width (pasted text brings them) is kept as it
    # is, not percent-encoded, so that `_sanitise` sees it and refuses it: encoded, it is
    # a link that leads nowhere, and looks like any other.
    normalize = md.normalizeLink
    md.normalizeLink = lambda url: url if unseen_in(url) else normalize(url)  # type: ignore[method-assign]
    # A table sits in a box of its own that scrolls sideways: a table of a month's losses
    # has a dozen columns, wider than a phone, and made the whole page scroll so.
    md.add_render_rule("table_open", _table_open)
    md.add_render_rule("table_close", _table_close)
    return md


def _table_open(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    return f'<div class="{WIDE}" tabindex="0">\n{self.renderToken(tokens, idx, options, env)}'


def _table_close(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    return f"{self.renderToken(tokens, idx, options, env)}</div>\n"


WIDE = "wide"  # the class of a box that scrolls sideways (the theme's stylesheet has it)


_MD = _make_parser()  # stateless once configured; parse() keeps its state in `env`


def is_allowed_url(url: str) -> bool:
    """Tell whether a link may appear: http(s), or a path within the site."""
    url = url.strip()
    if url.startswith(("//", "\\\\", "/\\", "\\/")) or unseen_in(url):
        return False
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return False
    if parts.scheme.lower() in ("http", "https"):
        # "http:evil.example" has no host: a browser makes it an address of its own guess
        # (http://evil.example/ on an https site, or a path of the page's site)
        return bool(parts.netloc) and url[len(parts.scheme) :].startswith("://")
    return not parts.scheme


def render_block(text: str, base: str = "/") -> tuple[str, list[BadLink]]:
    """Render commentary Markdown to HTML; returns the HTML and the refused links.

    `base` is the URL of the text's own page; relative links are resolved against it.
    """
    tokens = _MD.parse(text, {})
    bad = _sanitise(tokens, base, shift_headings=True)
    return _MD.renderer.render(tokens, _MD.options, {}), bad


# What can start inline Markdown, an entity or a line break; also NUL, which markdown-it
# replaces. A note with none of these is plain text: markdown-it would give the text back
# with only '"' escaped (it has no & < or >), so that is done without parsing it.
_INLINE_SYNTAX = re.compile(r"[\\`*_~\[\]!<>&\n\r\x00]|  ")


# Emphasis as most notes write it: `*words*` or `**words**`, opening at the start or after a
# space, closing at the end or before a space or common punctuation, with a letter or digit
# at both ends inside and nothing that starts Markdown in between. Such a `*` can only open
# (or only close) emphasis, so each pairs with its own: markdown-it makes <em> or <strong>
# of it, and of the text around it what it makes of a note without Markdown.
_EMPHASIS = re.compile(
    r"(?:(?<= )|^)(\*\*?)([^\W_](?:[^\\`*_~\[\]!<>&\n\r\x00]*[^\W_])?)\1(?=[ .,;:?)]|$)"
)


def render_inline(text: str, base: str = "/") -> tuple[str, list[BadLink]]:
    """Render one line of inline Markdown (a note) to HTML without a <p> around it."""
    if not _INLINE_SYNTAX.search(text):
        return text.replace('"', "&quot;"), []
    if "*" in text:  # a third of ten years' notes: markdown-it took a fifth of reading them
        html = _emphasis_only(text)
        if html is not None:
            return html, []
    return parse_inline(text, base)


def _emphasis_only(text: str) -> str | None:
    """Return the HTML of a note whose only Markdown is _EMPHASIS; None for any other."""
    parts = _EMPHASIS.split(text)  # text, "*" or "**", the words, text...
    if len(parts) == 1:
        return None
    out = []
    for index in range(0, len(parts) - 1, 3):
        words = parts[index + 2]
        if _INLINE_SYNTAX.search(parts[index]) or "  " in words:
            return None
        tag = "em" if parts[index + 1] == "*" else "strong"
        out.append(f"{parts[index]}<{tag}>{words}</{tag}>")
    if _INLINE_SYNTAX.search(parts[-1]):
        return None
    out.append(parts[-1])
    return "".join(out).replace('"', "&quot;")


def parse_inline(text: str, base: str = "/") -> tuple[str, list[BadLink]]:
    """render_inline, always through markdown-it (the tests compare the two)."""
    tokens = _MD.parseInline(text, {})
    bad = _sanitise(tokens, base, shift_headings=False)
    return _MD.renderer.render(tokens, _MD.options, {}), bad


@dataclass(frozen=True)
class Run:
    """A piece of plain text; `href` is the absolute address when the piece is a link's text."""

    text: str
    href: str | None = None


def plain_blocks(text: str, base: str = "/") -> list[tuple[Run, ...]]:
    """Reduce commentary Markdown to paragraphs of plain text and links, for messages.

    Emphasis is dropped, list items become paragraphs starting "• " or "1. ", table rows
    paragraphs of cells joined by " · ", code its text, images their alt text; refused links
    keep only their text. Relative links are resolved against `base`, the text's page.
    """
    blocks: list[tuple[Run, ...]] = []
    counters: list[int | None] = []  # one per open list: the next number, None for bullets
    prefix = ""
    row: list[Run] = []
    in_cell = False
    for token in _MD.parse(text, {}):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start")
            counters.append(None if token.type == "bullet_list_open" else int(start or 1))
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            counters.pop()
        elif token.type == "list_item_open" and counters:
            number = counters[-1]
            prefix = "• " if number is None else f"{number}. "
            if number is not None:
                counters[-1] = number + 1
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open", "th_close", "td_close"):
            in_cell = token.type.endswith("_open")
        elif token.type == "tr_close":
            blocks.append(_merge(row))
        elif token.type == "inline":
            runs = _plain_runs(token.children or [], base)
            if in_cell:
                row.extend([Run(" · ")] if row else [])
                row.extend(runs)
            else:
                blocks.append(_merge([Run(prefix), *runs]))
                prefix = ""
        elif token.type in ("fence", "code_block"):
            blocks.append((Run(prefix + token.content.rstrip("\n")),))
            prefix = ""
    return [block for block in blocks if "".join(r.text for r in block).strip()]


def plain_inline(text: str, base: str = "/") -> tuple[Run, ...]:
    """Reduce one line of inline Markdown (a note) to plain text and links."""
    runs: list[Run] = []
    for token in _MD.parseInline(text, {}):
        runs.extend(_plain_runs(token.children or [], base))
    return _merge(runs)


def _plain_runs(children: list[Token], base: str) -> list[Run]:
    runs: list[Run] = []
    hrefs: list[str | None] = []
    for child in children:
        href = hrefs[-1] if hrefs else None
        if child.type in ("text", "code_inline", "html_inline"):
            runs.append(Run(child.content, href))
        elif child.type == "softbreak":
            runs.append(Run(" ", href))
        elif child.type == "hardbreak":
            runs.append(Run("\n", href))
        elif child.type == "image":
            runs.append(Run("".join(c.content for c in child.children or []), href))
        elif child.type == "link_open":
            target = str(child.attrGet("href") or "")
            hrefs.append(urllib.parse.urljoin(base, target) if is_allowed_url(target) else None)
        elif child.type == "link_close" and hrefs:
            hrefs.pop()
    return runs


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    """Join neighbouring runs with the same link; drop empty ones."""
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and merged[-1].href == run.href:
            merged[-1] = Run(merged[-1].text + run.text, run.href)
        else:
            merged.append(run)
    return tuple(merged)


def _sanitise(tokens: list[Token], base: str, shift_headings: bool) -> list[BadLink]:
    bad: list[BadLink] = []
    headings = [t for t in tokens if t.type in ("heading_open", "heading_close")]
    shift = 2 - min((int(t.tag[1]) for t in headings), default=2) if shift_headings else 0
    for token in headings:
        token.tag = f"h{min(int(token.tag[1]) + shift, 6)}"
    for token in tokens:
        if token.children:
            line = token.map[0] if token.map else 0
            bad.extend(_sanitise_inline(token.children, line, base))
    return bad


def _sanitise_inline(children: list[Token], line: int, base: str) -> list[BadLink]:
    bad: list[BadLink] = []
    open_links: list[bool] = []
    for index, child in enumerate(children):
        if child.type == "link_open":
            href = str(child.attrGet("href") or "")
            allowed = is_allowed_url(href)
            open_links.append(allowed)
            if not allowed:
                bad.append(BadLink(line, href))
                children[index] = Token("text", "", 0, content="")
            else:
                child.attrSet("href", urllib.parse.urljoin(base, href))
        elif child.type == "link_close":
            if open_links and not open_links.pop():
                children[index] = Token("text", "", 0, content="")
        elif child.type == "image":
            src = str(child.attrGet("src") or "")
            if not is_allowed_url(src):
                bad.append(BadLink(line, src))
                alt = "".join(c.content for c in child.children or [])
                children[index] = Token("text", "", 0, content=alt)
            else:
                child.attrSet("src", urllib.parse.urljoin(base, src))
                # Another site's picture: fetched only when scrolled to (a phone's data),
                # and told nothing of the page it is on.
                child.attrSet("loading", "lazy")
                child.attrSet("referrerpolicy", "no-referrer")
        if child.type == "softbreak":
            line += 1
    return bad
