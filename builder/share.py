"""A day as messages to paste: Telegram (MarkdownV2), a newsletter's Markdown, or plain text.

Pure: `share_day` takes a checked day and returns message strings; nothing is read or
printed here. Each format escapes by its own rules: Telegram's MarkdownV2 (every one of
_*[]()~`>#+-=|{}.! and the backslash escaped in text; only ')' and '\\' inside a link's
address) and CommonMark's backslash escapes. A Telegram message holds 4096 characters (UTF-16
code units) of visible text, so a long day is split into several messages, only ever between
blocks (the title, a paragraph of commentary, a headline with its note), never inside one and
so never inside an escape; every message after the first starts with the date and "(2/3)".
Commentary is reduced to plain text and links; dates and times are in the site's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from . import i18n, urls
from .errors import DigestError
from .markup import Run, plain_blocks, plain_inline
from .model import Day, Headline, SiteConfig, Source, Update

FORMATS = ("telegram", "markdown", "text")
TELEGRAM_LIMIT = 4096
# Each label's sign and name, and a correction's: the names are the pages' (msgids of the
# interface's catalogue), in the site's language as its pages write them.
LABELS = {
    "disinformation": ("⚠️", "Disinformation"),
    "opinion": ("💬", "Opinion"),
    "unconfirmed": ("❓", "Unconfirmed"),
    "analysis": ("🔎", "Analysis"),
}
CORRECTION = ("✏️", "Correction")
BLOCK_SEPARATOR = "\n\n"

_TELEGRAM_SPECIAL = re.compile(r"([_*\[\]()~`>#+\-=|{}.!\\])")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MARKDOWN_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+(?=[.)]))")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Piece:
    """Text in a format (`markup`) and what a reader sees of it (`plain`)."""

    markup: str
    plain: str
    href: str | None = None  # a link's address (the text format puts it on its own line)


@dataclass(frozen=True)
class Block:
    """A unit a message is never split inside; `what` names it in errors."""

    markup: str
    plain: str
    what: str

    @property
    def length(self) -> int:
        return visible_length(self.plain)


def visible_length(text: str) -> int:
    """Return the length Telegram counts: UTF-16 code units (an emoji may count 2)."""
    return len(text.encode("utf-16-le")) // 2


# Escaping ------------------------------------------------------------------------------


def telegram_escape(text: str) -> str:
    """Escape text for Telegram's MarkdownV2, outside entities' special parts."""
    return _TELEGRAM_SPECIAL.sub(r"\\\1", text)


def telegram_escape_url(url: str) -> str:
    """Escape the address of a MarkdownV2 inline link: only ')' and '\\'."""
    return url.replace("\\", "\\\\").replace(")", "\\)")


def markdown_escape(text: str, line_start: bool = False) -> str:
    """Escape text for CommonMark so it shows as written (`line_start`: at a line's start)."""
    escaped = _MARKDOWN_ENTITY.sub(r"\\&", _MARKDOWN_SPECIAL.sub(r"\\\1", text))
    if line_start:
        escaped = _MARKDOWN_LINE_START.sub(_escape_marker, escaped)
    return escaped


def _escape_marker(match: re.Match[str]) -> str:
    space, marker = match[1], match[2]
    if marker.isdigit():  # "1. " or "1) " would start an ordered list: escape the dot
        return space + marker + "\\"
    return space + "\\" + marker


def markdown_escape_url(url: str) -> str:
    """Escape a CommonMark link destination: backslashes and parentheses."""
    return re.sub(r"([\\()])", r"\\\1", url)


# Formats -------------------------------------------------------------------------------


class Style:
    """How one format writes text, emphasis, links and list numbers."""

    urls_apart = False  # the text format: a link's address on its own line
    line_break = "\n"

    def text(self, text: str, line_start: bool = False) -> Piece:
        return Piece(text, text)

    def strong(self, text: str) -> Piece:
        return Piece(text, text)

    def emphasis(self, text: str) -> Piece:
        return Piece(text, text)

    def link(self, text: str, href: str) -> Piece:
        return Piece(text, text, href)

    def heading(self, text: str) -> Piece:
        return self.text(text)

    def number(self, number: int) -> Piece:
        return Piece(f"{number}. ", f"{number}. ")

    def indent(self, number: int) -> str:
        return " " * len(f"{number}. ")


class TelegramStyle(Style):
    def text(self, text: str, line_start: bool = False) -> Piece:
        return Piece(telegram_escape(text), text)

    def strong(self, text: str) -> Piece:
        return Piece(f"*{telegram_escape(text)}*", text)

    def emphasis(self, text: str) -> Piece:
        return Piece(f"_{telegram_escape(text)}_", text)

    def link(self, text: str, href: str) -> Piece:
        return Piece(f"[{telegram_escape(text)}]({telegram_escape_url(href)})", text)

    def heading(self, text: str) -> Piece:
        return self.strong(text)

    def number(self, number: int) -> Piece:
        return Piece(f"{number}\\. ", f"{number}. ")

    def indent(self, number: int) -> str:
        return ""


class MarkdownStyle(Style):
    line_break = "\\\n"  # a hard line break inside a list item

    def text(self, text: str, line_start: bool = False) -> Piece:
        return Piece(markdown_escape(text, line_start), text)

    def strong(self, text: str) -> Piece:
        return Piece(f"**{markdown_escape(text)}**", text)

    def emphasis(self, text: str) -> Piece:
        return Piece(f"*{markdown_escape(text)}*", text)

    def link(self, text: str, href: str) -> Piece:
        return Piece(f"[{markdown_escape(text)}]({markdown_escape_url(href)})", text)

    def heading(self, text: str) -> Piece:
        return Piece("## " + markdown_escape(text), text)


class TextStyle(Style):
    urls_apart = True


STYLES: dict[str, Style] = {
    "telegram": TelegramStyle(),
    "markdown": MarkdownStyle(),
    "text": TextStyle(),
}


# The day as blocks -----------------------------------------------------------------------


@dataclass(frozen=True)
class Sharer:
    """Writes the blocks of a day in one format, with the site's language and names."""

    site: SiteConfig
    sources: Mapping[str, Source]
    style: Style

    def long_date(self, day: Day) -> str:
        return i18n.long_date(day.date, self.site.language)

    def mark(self, sign_and_name: tuple[str, str]) -> str:
        """Return a label's or correction's sign and name in the site's language: "🔎 Analysis"."""
        sign, name = sign_and_name
        return f"{sign} {i18n.translations(self.site.language).gettext(name)}"

    def when(self, update: Update) -> str:
        date = i18n.long_date(update.date, self.site.language)
        if update.time is None:
            return date
        return f"{date}, {i18n.short_time(update.time, self.site.language)}"

    def runs(self, runs: Sequence[Run], line_start: bool = True) -> list[Piece]:
        """Write runs of plain text and links; the first may be at the start of a line."""
        return [
            self.style.link(run.text, run.href)
            if run.href
            else self.style.text(run.text, line_start=line_start and index == 0)
            for index, run in enumerate(runs)
        ]

    def line(self, pieces: Sequence[Piece], indent: str = "", url_indent: str = "") -> Piece:
        """Join pieces into a line; the text format puts link addresses on lines of their own."""
        markup = indent + "".join(p.markup for p in pieces)
        plain = indent + "".join(p.plain for p in pieces)
        if self.style.urls_apart:
            for href in (p.href for p in pieces if p.href and p.href != p.plain):
                markup += f"\n{indent or url_indent}{href}"
                plain += f"\n{indent or url_indent}{href}"
        return Piece(markup, plain)

    def header(self, day: Day) -> Block:
        title = self.long_date(day) + (f": {_one_line(day.title)}" if day.title else "")
        piece = self.style.heading(title)
        return Block(piece.markup, piece.plain, "the day's title")

    def continuation(self, day: Day, number: int, count: int) -> Block:
        piece = self.style.heading(f"{self.long_date(day)} ({number}/{count})")
        return Block(piece.markup, piece.plain, "the date")

    def correction(self, update: Update, page: str, indent: str = "") -> Piece:
        """Return the line "✏️ Correction, June 23, 2024, 14:30: ..." (links resolved at `page`)."""
        pieces = [
            self.style.emphasis(f"{self.mark(CORRECTION)}, {self.when(update)}:"),
            Piece(" ", " "),
        ]
        pieces += self.runs(plain_inline(update.correction, page), line_start=False)
        return self.line(pieces, indent)

    def body(self, day: Day) -> list[Block]:
        """Return the blocks after the title: the day's correction, commentary, headlines, link."""
        page = self.site.base_url + urls.day(day.date)
        blocks: list[Block] = []
        if day.update and day.update.correction:
            piece = self.correction(day.update, page)
            blocks.append(Block(piece.markup, piece.plain, "the day's correction"))
        paragraphs = plain_blocks(day.commentary, page) if day.commentary else []
        if not paragraphs and day.summary:
            paragraphs = [(Run(day.summary),)]
        for number, runs in enumerate(paragraphs, start=1):
            piece = self.line(self.runs(runs))
            blocks.append(Block(piece.markup, piece.plain, f"paragraph {number} of the commentary"))
        for number, headline in enumerate(day.headlines, start=1):
            blocks.append(self.headline(number, headline, page))
        footer = self.line([self.style.link(self.site.title, page)])
        blocks.append(Block(footer.markup, footer.plain, "the link to the day"))
        return blocks

    def headline(self, number: int, h: Headline, page: str) -> Block:
        """Return "1. Label: Title — Source (in Ukrainian), 09:15", then its note and
        correction."""
        style = self.style
        pieces = [style.number(number)]
        if h.label:
            pieces += [style.strong(self.mark(LABELS[h.label]) + ":"), Piece(" ", " ")]
        pieces.append(style.link(_one_line(h.title), h.url))
        outlet = self.sources[h.source]
        source = outlet.name
        code = i18n.article_language(h.url, h.language, outlet.language)
        language = i18n.other_language(code, self.site.language)
        if language:  # the article's, as the pages say it: "Censor.NET (in Ukrainian)"
            words = i18n.translations(self.site.language).gettext("in %(language)s")
            source += f" ({words % {'language': language}})"
        if h.time:
            source += ", " + i18n.short_time(h.time, self.site.language)
        pieces.append(style.text(f" — {source}"))
        indent = style.indent(number)
        first = self.line(pieces, url_indent=indent)
        rest: list[Piece] = []
        if h.note:
            rest.append(self.line(self.runs(plain_inline(h.note, page)), indent))
        if h.update and h.update.correction:
            rest.append(self.correction(h.update, page, indent))
        markup = style.line_break.join([first.markup, *(p.markup for p in rest)])
        plain = "\n".join([first.plain, *(p.plain for p in rest)])
        return Block(markup, plain, f"headlines[{number - 1}] ({_shorten(h.title)})")


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _shorten(text: str) -> str:
    text = _one_line(text)
    return f"'{text}'" if len(text) <= 40 else f"'{text[:39]}…'"


# Messages ------------------------------------------------------------------------------


def share_day(
    day: Day,
    site: SiteConfig,
    sources: Mapping[str, Source],
    format_name: str,
    limit: int | None = None,
) -> list[str]:
    """Return the day as messages in `format_name`; Telegram's are split to fit 4096.

    `limit` overrides the length of a message (Telegram's by default; none for the others).
    """
    sharer = Sharer(site, sources, STYLES[format_name])
    if limit is None and format_name == "telegram":
        limit = TELEGRAM_LIMIT
    header = sharer.header(day)
    body = sharer.body(day)
    if limit is None:
        return [BLOCK_SEPARATOR.join(b.markup for b in [header, *body]) + "\n"]
    groups = pack(header, body, limit, lambda n, of: sharer.continuation(day, n, of))
    return [BLOCK_SEPARATOR.join(b.markup for b in group) + "\n" for group in groups]


def pack(
    header: Block, body: Sequence[Block], limit: int, continuation: Callable[[int, int], Block]
) -> list[list[Block]]:
    """Fill messages with whole blocks, in order; every message after the first is headed.

    The continuation header is sized for the largest possible count, so the true one fits.
    """
    separator = visible_length(BLOCK_SEPARATOR)
    widest = continuation(len(body) + 1, len(body) + 1).length
    if header.length > limit:
        raise _too_long(header, limit)
    groups: list[list[Block]] = [[header]]
    size = header.length
    for block in body:
        if size + separator + block.length <= limit:
            groups[-1].append(block)
            size += separator + block.length
        elif widest + separator + block.length > limit:
            raise _too_long(block, limit)
        else:
            groups.append([block])
            size = widest + separator + block.length
    count = len(groups)
    if count == 1:
        return groups
    return [groups[0]] + [
        [continuation(number, count), *group] for number, group in enumerate(groups[1:], start=2)
    ]


def _too_long(block: Block, limit: int) -> DigestError:
    return DigestError(
        f"{block.what} is {block.length} characters long, more than one message holds "
        f"({limit}); shorten it"
    )
