"""Turning a pasted listing of headlines into days: pure functions on strings.

Editors paste what outlets show: the "Read also" footer of a page (a `2024, Saturday` line,
a `22 June` line, then one headline a line), a Telegram channel, a newsletter, a Markdown
list, HTML copied from a page, or an outlet's RSS or Atom feed. `parse_listing` reads any
of these into dated entries and says which lines it dropped and why; `render_day` writes a
new day file's text and `merge_day` appends entries to an existing day's text without
touching what is there.
Headline text is kept as pasted; only the white space around it is trimmed, and the
outlet's name after it when its link is on that outlet's site (the source says it).
"""

from __future__ import annotations

import base64
import binascii
import collections
import contextlib
import copy
import csv
import datetime as dt
import email.utils
import io
import itertools
import json
import re
import urllib.parse
import zoneinfo
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from html import unescape as html_unescape
from typing import Any

from . import yamlio
from .i18n import month_numbers, normalise_word, weekday_numbers
from .links import clean_url
from .reader import normalise_text, split_front_matter

# Month and weekday names read in listings: English, Ukrainian, and Russian (the language
# of many outlets an editor of a war digest follows, on both sides of the front), and
# German, French and Polish, of the European outlets that cover the war (tagesschau.de,
# lefigaro.fr, rp.pl).
LANGUAGES = ("en", "uk", "ru", "de", "fr", "pl")

# A line's bullet or number: "•", "-", "1.", "1.3." (an outline's), "#" (Markdown's), "1️⃣" (a
# keycap's), HN's "▲".
_BULLET = re.compile(
    r"^(?:(?:[•·▪●◦‣∙►▶➤→\-*–—+▲]|\d{1,3}[.)](?:\d{1,3}\.)*|#{1,6}|\*\*)\s+"
    r"|(?:\d\ufe0f?\u20e3|\U0001f51f)\s*)"
)
# An arrow after a headline, to its link: "Title ➡️ https://...", "Title 👇".
_END_ARROW = re.compile(r"\s*(?:➡️?|👇|👉|⬇️?|→|>>)\s*$")
_NUMBERED = re.compile(r"\d{1,3}[.)]\s")
# A to-do list's box after its bullet (Markdown, Notion, Obsidian): "- [x] Title".
_CHECKBOX = re.compile(r"^(?:\[[ xX]\]|[☐☑☒✅✔✓])\s*")  # and Keep's and Apple Notes' boxes
# Tags an editor's note puts after a headline (Obsidian, Bear): "Title #політика #нбу".
_END_TAGS = re.compile(r"(?:\s+#[^\W\d][\w-]*)+\s*$")
# Markdown's strong emphasis around words of a line copied as text: "**Title**".
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")  # a picture in Markdown: no headline
# A whole line in italics ("*Note from the author*"), and a label in bold before a link
# ("**Diplomacy:** [Title](…)": a kicker, no part of the headline).
_EMPHASISED = re.compile(r"^([*_])(?![*_])(\S(?:.*\S)?)(?<![*_])\1$")
_BOLD_LABEL = re.compile(r"^\*\*[^*\n]{1,40}?(?::\*\*|\*\*:)\s*(?=\[)")
_LEAD_TIME = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}\s*[-–—]?\s*)?")  # nothing, or a time
_LINKED_WORDS = "a link that is words of a sentence around it, not a headline"
_LEAD_IN = re.compile(r"([^\[\]:\n]{2,40}):\s*")  # "Read also: " before a link
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_TIME = re.compile(r"(\d{1,2})[:.h](\d{2})(?:\s*([AaPp])\.?\s?[Mm]\.?)?")  # "08h47": French
_TIME_LINE = re.compile(_TIME.pattern + r"\s*[-–—|:•·]?")
# "19:02 Title", "09:17 - Title", "14:30 · Title", and "21:40Title" (a page's time and title
# copied as text with nothing between them).
_TIME_PREFIX = re.compile(r"^" + _TIME.pattern + r"(?:\s*[-–—|•·]\s*|\s+|(?=[^\W\d_]))(?=\S)")
_URL = r"https?://[^\s<>()\[\]\"]+(?:\([^\s()]*\)[^\s<>()\[\]\"]*)*"
_URL_LINE = re.compile(r"[<\"«]?(" + _URL + r")[>\"»]?")
_URL_AT_END = re.compile(r"\s*(?:[-–—|:•]\s*)?[(<\"«]?(" + _URL + r")[)>\"»]?$")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*\)")
_WORD = re.compile(r"\w")
# Lines outlets put around their lists: section headings, navigation, calls to action.
BOILERPLATE = frozenset(
    {
        "read also",
        "read more",
        "copy link",
        "скопіювати посилання",
        "копировать ссылку",
        "read the full story",
        "read the full article",
        "continue reading",
        "детальніше",
        "детальніше тут",
        "детальніше – тут",
        "детальніше — тут",
        "читати тут",
        "подробнее тут",
        "подробнее – тут",
        "more here",
        "докладніше",
        "читати далі",
        "читайте далі",
        "читати повністю",
        "подробиці",
        "подробнее",
        "читать далее",
        "читать полностью",
        "skip to main content",
        "skip to content",
        "skip to navigation",
        "перейти до основного вмісту",
        "перейти к основному содержанию",
        "see also",
        "also read",
        "more news",
        "all news",
        "latest news",
        "news",
        "top news",
        "related",
        "related news",
        "related articles",
        "show more",
        "load more",
        "older",
        "newer",
        "oldest",
        "newest",
        "older posts",
        "newer posts",
        "next page",
        "previous page",
        "show more news",
        "load more news",
        "more stories",
        "advertisement",
        "ad",
        "ads",
        "sponsored",
        "promoted",
        "subscribe",
        "share",
        "most read",
        "most popular",
        "popular",
        "trending",
        "найпопулярніше",
        "популярне",
        "найчитаніше",
        "популярное",
        "самое читаемое",
        "самое популярное",
        "читайте також",
        "читайте також на",
        "дивіться також",
        "більше новин",
        "всі новини",
        "усі новини",
        "останні новини",
        "новини",
        "головне",
        "реклама",
        "показати більше",
        "показати більше новин",
        "завантажити більше",
        "підписатися",
        "поділитися",
        "стрічка новин",
        "читайте также",
        "смотрите также",
        "больше новостей",
        "все новости",
        "последние новости",
        "новости",
        "главное",
        "показать больше",
        "показать больше новостей",
        "подписаться",
        "поделиться",
        "лента новостей",
    }
)


@dataclass(frozen=True)
class Entry:
    """One headline found in a listing, with the line it was on."""

    line: int
    title: str
    url: str  # "" when the listing gave none
    source: str  # a sources.yaml id; "" when none matched
    time: dt.time | None = None


@dataclass(frozen=True)
class ImportedDay:
    date: dt.date
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Dropped:
    """A line that did not become a headline, and why; `line` counts from 1."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Listing:
    days: tuple[ImportedDay, ...]  # in the listing's order
    dropped: tuple[Dropped, ...]
    notes: tuple[Dropped, ...] = ()  # lines used, with something the editor should check


@dataclass
class _State:
    """What parsing has seen so far: the day being filled and a time waiting for its line."""

    date: dt.date
    anchor: dt.date  # the date a year-less day line is put nearest to
    today: dt.date  # the day the listing is imported for: "today" in it
    now: dt.datetime | None = None  # when it was copied: "3 hours ago" in it
    timezone: str | None = None  # the site's: times given with their offset are read in it
    year: int | None = None  # from a "2024, Saturday" line, for the next day line
    weekday: tuple[int, int, str] | None = None  # (line, weekday, text) of that line
    time: dt.time | None = None
    days: dict[dt.date, list[Entry]] = field(default_factory=dict)
    dropped: list[Dropped] = field(default_factory=list)
    notes: list[Dropped] = field(default_factory=list)
    last: Entry | None = None  # the previous line's entry, which a bare URL line completes
    trailing: bool | None = None  # whether times follow their headlines (None: none seen)
    stamped: set[int] = field(default_factory=set)  # entries' lines dated by a line of theirs
    credited: bool = False  # a byline followed the last entry ("BY TOM BALMFORTH")
    preview: Entry | None = None  # the entry whose link's preview (its site's name) came last
    header: int = 0  # the line of the last handle or "·" of a post's header (X, Bluesky)
    copied: bool = False  # the listing is text (a page or a chat copied): no markup
    chat_times: int = 0  # lines that are only a time (a chat's messages' times)
    # Messages copied from Telegram ("Channel, [16.07.2024 21:15]" before each): whether
    # one is being read, and its headline (its first line) once taken.
    in_message: bool = False
    message: Entry | None = None
    # Each day's links and titles: the first entry that has each, in the order they came.
    seen: dict[dt.date, dict[tuple[str, str], tuple[int, str, int]]] = field(default_factory=dict)
    order: int = 0
    page_copy: bool = False  # a whole page copied as text (PAGE_COPY_LINES)
    pending: tuple[int, str, str] | None = None  # a link line with no headline above: its own
    heading_entry: bool = False  # the last headline was a page's heading (<h2>), not an item
    names: dict[str, str] = field(default_factory=dict)  # the sources' names, by id


def parse_listing(
    text: str,
    default_date: dt.date,
    sources: Mapping[str, str] | None = None,
    default_source: str = "",
    languages: tuple[str, ...] = LANGUAGES,
    timezone: str | None = None,
    page_url: str = "",
    now: dt.datetime | None = None,
    names: Mapping[str, str] | None = None,
) -> Listing:
    """Read a pasted listing; headlines before any date line go to `default_date`.

    `sources` maps source ids to their home page URLs: an entry's source is the one whose
    host its URL is on, else `default_source`. Links relative to the page the listing
    came from are completed against the address the page names (<base>, canonical), else
    `page_url` (where it was fetched), else the default source's home page. Times a page
    gives with their offset are read in `timezone` (the site's). `now`, the moment the
    listing was copied (in that time zone), dates "3 hours ago" and the like. `names`, the
    sources' names by id: a headline's outlet named after it ("— Українська правда") is left
    out, as the source says it.
    """
    months = month_numbers(languages)
    weekdays = weekday_numbers(languages)
    state = _State(
        date=default_date,
        anchor=default_date,
        today=default_date,
        now=now,
        timezone=timezone,
        names=dict(names or {}),
    )
    sources = sources or {}
    lines, notes = _lines(text, page_url or sources.get(default_source, ""), timezone)
    state.notes.extend(notes)
    # A whole page copied as text has menus and buttons: many lines of a word or two, with
    # no figure (not a date). Then lines of two words are no headlines either.
    short = (line for line in lines if not line.item and not line.link)
    state.page_copy = (
        sum(
            1
            for line in short
            if 1 <= len(_WORD_RUN.findall(line.text)) <= 2 and not _DIGIT.search(line.text)
        )
        >= PAGE_COPY_LINES
    )
    state.copied = not any(line.item or line.link is not None for line in lines)
    if state.copied:
        state.chat_times = sum(1 for line in lines if _CHAT_TIME.fullmatch(line.text.strip()))
    for line in lines:
        _take_line(state, line, months, weekdays, sources, default_source)
    _drop_pending(state)
    _drop_unlinked(state, timed=not state.copied)
    if state.copied:
        _drop_unstamped(state)
    days = tuple(ImportedDay(date, tuple(entries)) for date, entries in state.days.items())
    return Listing(days, tuple(state.dropped), tuple(state.notes))


_NO_HEADLINE = "a link with no headline before it"


def _drop_pending(state: _State) -> None:
    """Drop the link line that waited for a headline below it and got none."""
    if state.pending is not None:
        state.dropped.append(Dropped(state.pending[0], state.pending[1], _NO_HEADLINE))
        state.pending = None


def _drop_unlinked(state: _State, timed: bool) -> None:
    """In a listing whose headlines mostly have their links (an editor's list in Markdown or
    Word, a chat's shared links), a line without one is a note, a heading or a property, not
    a headline: drop it, and say so. Text without links (a page copied) keeps its lines; a
    page's or spreadsheet's (`timed`) keeps those with a time of their own: drafts."""
    entries = [entry for entries in state.days.values() for entry in entries]
    linked = sum(1 for entry in entries if entry.url)
    share = UNLINKED_SHARE / 2 if state.chat_times >= CHAT_TIMES else UNLINKED_SHARE
    unlinked = len({entry.title.casefold() for entry in entries if not entry.url})  # (a line
    # repeated under each day, "Add an item", counts once)
    if linked < LINKED_LIST or linked < share * unlinked:
        return  # (a chat, its messages timed, has more talk than links: half as many will do)
    for entries in state.days.values():
        for entry in [e for e in entries if not e.url and not (timed and e.time is not None)]:
            entries.remove(entry)
            state.dropped.append(Dropped(entry.line, entry.title, _UNLINKED))


def _drop_unstamped(state: _State) -> None:
    """In a page copied as text (its links lost) whose headlines have a date or time of
    their own (a line before or after each), a line without one before the first of them or
    after the last is a menu's, a heading's, a side column's or a footer's ("Популярне",
    "Most Popular" and their titles), and so is one among them where most have theirs: drop
    it."""
    entries = [entry for entries in state.days.values() for entry in entries]
    lines = sorted(entry.line for entry in entries if entry.line in state.stamped)
    if len(lines) < STAMPED_LIST or sum(1 for entry in entries if entry.url) * 2 > len(entries):
        return  # (an editor's list of links, some of them timed, is no page's copy)
    among = len(lines) >= STAMPED_SHARE * len(entries)  # then none without, anywhere
    inside = sum(1 for entry in entries if lines[0] <= entry.line <= lines[-1])
    if not among and len(lines) < STAMPED_RUN * inside:
        return  # dated here and there (a social network's posts): no dated listing
    for entries in state.days.values():
        for entry in [
            e
            for e in entries
            if e.line not in state.stamped and (among or not lines[0] < e.line < lines[-1])
        ]:  # (else those before the first dated headline and after the last: menus, footer)
            entries.remove(entry)
            state.dropped.append(Dropped(entry.line, entry.title, _UNSTAMPED))


STAMPED_LIST = 4  # headlines with a date or time of their own, at least,
STAMPED_SHARE = 0.6  # and this share of them, that make a copy a dated listing
STAMPED_RUN = 0.75  # and of those from the first to the last of them, at least
_UNSTAMPED = (
    "no date or time of its own, in a listing whose headlines have theirs: a menu's, a "
    "heading's, a side column's or a footer's line"
)


LINKED_LIST = 3  # headlines with links, at least, that make text a list of links
CHAT_TIMES = 4  # times alone on their lines, at least, that make a copy a chat's
UNLINKED_SHARE = 1  # and as many as lines without, at least
_UNLINKED = "no link, in a list whose headlines have theirs: a note, a heading or a property"


def _take_line(
    state: _State,
    given: _Line,
    months: dict[str, int],
    weekdays: dict[str, int],
    sources: Mapping[str, str],
    default_source: str,
) -> None:
    number, raw = given.number, given.text
    line = raw.strip()
    if not line:
        return
    if given.dropped:
        state.dropped.append(Dropped(number, line, given.dropped))
        return
    line = _BULLET.sub("", _BULLET.sub("", line, count=1).strip(), count=1).strip()  # "1. ▲ …"
    if given.link is None:  # copied as text: a to-do list's box, Markdown's emphasis, tags
        line = _MD_IMAGE.sub("", line).strip()
        line = _EMPHASISED.sub(r"\2", line)
        line = _BOLD_LABEL.sub("", _CHECKBOX.sub("", line, count=1), count=1)
        line = _STRONG.sub(r"\1", line).strip()
        line = _END_TAGS.sub("", line) or line
        linked = _MD_LINK.search(line)
        if (
            linked is not None
            and _LEAD_TIME.fullmatch(line[: linked.start()])
            and line[linked.end() :].lstrip().startswith(",")
        ):
            line = line[: linked.end()]  # "[Title](…), according to a letter": a remark
        if (
            linked is not None
            and linked[1][:1].islower()
            and len(_WORD_RUN.findall(_MD_LINK.sub(" ", line))) >= 3
        ):  # "… Governor Syniehubov [reported](https://t.me/…)."
            state.dropped.append(Dropped(number, raw.strip(), _LINKED_WORDS))
            return
        lead = _LEAD_IN.match(line)  # "Read also: [Title](https://...)": the label is none
        if (
            lead is not None
            and _boilerplate(lead[1]) == _NAVIGATION
            and _MD_LINK.match(line, lead.end())
        ):
            line = line[lead.end() :]
    simple = " ".join(line.split())
    last, state.last = state.last, None
    chat = _CHAT_LINE.match(simple) if not given.item and given.link is None else None
    if chat is not None:  # "16.07.24, 09:40 - Олена Коваль: Title https://..." (WhatsApp)
        _take_chat_line(state, given, chat, months, weekdays, sources, default_source)
        return
    if not given.item and given.link is None:
        reason = _mail_header_or_struck(simple)
        if reason:
            state.dropped.append(Dropped(number, raw.strip(), reason))
            return
        sender = _SENDER_TIME.fullmatch(line)  # "Фронт і тил | Новини  08:01": Viber's message
        if sender is not None:
            state.time = _time(sender[1])
            state.dropped.append(Dropped(number, raw.strip(), _CHAT_NOTICE))
            return
        day = _day_month_line(simple, state)  # "15.07", "16.07 (вівторок)": a day's heading
        if day is not None:
            state.date, state.anchor, state.time = day, day, None
            state.days.setdefault(day, [])
            return
    if not given.item:
        moment = _message_header(simple, months, weekdays, state, number)
        if moment is not None:
            _drop_pending(state)
            state.date, state.anchor, state.time = moment[0], moment[0], moment[1]
            state.days.setdefault(moment[0], [])
            state.in_message, state.message = True, None
            return
        if state.message is not None:  # the message's headline is taken: this is its body
            link = _link_line(line)
            if link and not state.message.url:
                _complete(state, state.message, link, sources, default_source)
                state.message = state.last
            else:
                state.dropped.append(Dropped(number, raw.strip(), _MESSAGE_BODY))
            return
        if last is not None and _DURATION.fullmatch(simple) and _VIDEO.match(last.title):
            state.dropped.append(Dropped(number, raw.strip(), _VIDEO_LENGTH))
            state.last = last  # "WATCH: Sea drones chase a patrol boat", "1:12": its length
            return
        date_time = _said_date_time(simple, months, weekdays, state, number)
        if date_time is None and _NUMBERED.match(line) is None and _NUMBERED.match(raw.strip()):
            whole = " ".join(raw.split())  # "16. Juli 2024" is a date, not a numbered line
            date_time = _said_date_time(whole, months, weekdays, state, number)
        if date_time is not None:
            date, time = date_time
            leading = state.header == number - 1  # "@KyivIndependent", "·", "1h": a post's
            aged = _age(normalise_word(simple).rstrip(".:,")) is not None
            if last is not None and aged and not leading:
                state.last = _restamp(state, last, date, last.time)  # "Title" then "3 hrs ago"
                state.trailing = True if state.trailing is None else state.trailing
                return
            if time is not None and state.trailing is None:  # the listing's first time
                state.trailing = last is not None and last.time is None
            if time is not None and state.trailing and last is not None and last.time is None:
                state.last = _restamp(state, last, date, time)  # "Title" then "Jul 16, 9:15 PM"
                return
            if time is None and state.trailing is None and last is not None and state.credited:
                state.trailing = True  # "Title", "BY OLENA HARMASH", "Jul 16, 2024": its date
            if (
                time is None
                and date is not None
                and state.trailing
                and not leading
                and last is not None
                and last.line not in state.stamped
            ):  # "Title", "2 hours ago", …, "Title", "July 15": a date after its headline
                state.last = _restamp(state, last, date, None)
                return
            if date is not None:
                state.date, state.anchor = date, date
                state.days.setdefault(date, [])
            state.time = time
            return
        year_line = _year_line(simple, weekdays)
        if year_line is not None:
            state.year = year_line[0]
            state.weekday = (number, year_line[1], simple) if year_line[1] >= 0 else None
            return
    date, time = _item_date_and_time(state, given, months, weekdays)
    if date is None and not given.item:
        date, time, line = _dated_line(line, months, weekdays, state, number) or (None, time, line)
    if date is None and not given.item and given.link is None:
        date, time, line = _glued_date_line(line, months, weekdays, state, number) or (
            None,
            time,
            line,
        )
    credited = _CREDIT_STAMP.search(line) if date is None and not given.item else None
    if credited is not None:  # "Title (Українська правда, 16.07 07:12)": its outlet and moment
        said = _said_date_time(credited[2], months, weekdays, state, number)
        if said is not None:
            date, time = said[0], said[1] or time
            title = line[: credited.start()].rstrip()
            attributed = f"{title} ({credited[1].strip()})"  # (kept where it names a source)
            line = attributed if _named_source(attributed, state.names, sources) else title
    if date is not None:
        state.date, state.anchor = date, date
    prefix = _TIME_PREFIX.match(line)
    time = time or (state.time if not given.item else None)  # an item's own, not the page's
    if prefix:
        time = time if given.stamp[1] else _time(prefix.group())
        line = line[prefix.end() :].strip()
        zone = _NAMED_ZONE.match(line)  # "19.05 BST Germany to send ...": the time's zone
        if zone is not None and len(line) > zone.end() and line[zone.end()].isspace():
            if not given.stamp[1] and time is not None and state.timezone:
                time = _from_zone(None, time, zone, state)[1]
            line = line[zone.end() :].strip()
    url = given.link or ""
    if not url:
        label_only = _link_line(line) if not given.item else None  # "Детальніше: https://"
        line, url = _split_link(line)
        line = _END_ARROW.sub("", line) or line  # "Title ➡️ https://...": the arrow to its link
        if label_only:
            line, url = "", label_only
    elif not given.item and _link_line(line) == url:  # the link shown as its address
        line = ""  # "Details: https://...": the link of the headline before it
    url = _unwrapped(url) if url else url
    if not line:
        if url and last is not None and not last.url:
            _complete(state, last, url, sources, default_source)
            state.time = None
            return
        if (
            url
            and given.link is None
            and _URL_LINE.fullmatch(_BULLET.sub("", raw.strip(), count=1))
        ):
            _drop_pending(state)  # copied as text: "URL", then its title (Slack, a list)
            state.pending = (number, raw.strip(), url)
            return
        state.dropped.append(Dropped(number, raw.strip(), _NO_HEADLINE))
        return
    preview, state.preview = state.preview, None
    if (
        state.copied
        and not url
        and state.pending is not None
        and _names_site(line, state.pending[2], state.names)
    ):  # "https://…" alone, then its preview: "Kyiv Post", then the title, which takes it
        state.dropped.append(Dropped(number, raw.strip(), _PREVIEW_SITE))
        return
    if state.copied and not url and last is not None:
        if preview is last and _headline_like(line) and not _boilerplate(line):
            # "https://…", "The Kyiv Independent", "Japan transfers $1.9 billion …": the
            # title of the link's preview in a chat is the article's headline
            _retitle(state, last, line)
            state.dropped.append(Dropped(number, raw.strip(), _PREVIEW_TITLE))
            return
        before = _entry_before(state, last) if not last.url else None
        if (
            before is not None
            and before.url
            and _names_site(line, before.url, {})  # (its own site's, not any source's)
            and _headline_like(last.title)
        ):  # Teams': the link, its preview's title, its description, then its site
            _retitle(state, before, last.title)
            _remove(state, last)
            state.dropped.append(Dropped(last.line, last.title, _PREVIEW_TITLE))
            state.dropped.append(Dropped(number, raw.strip(), _PREVIEW_SITE))
            state.last = state.last if state.last is not None else before
            return
        if preview is None and (
            _names_site(line, last.url, state.names)
            if last.url
            else _SITE_NAME.fullmatch(line.strip().lower()) is not None  # Bluesky's card
        ):
            state.preview, state.last = last, last
            state.dropped.append(Dropped(number, raw.strip(), _PREVIEW_SITE))
            return
    reason = _boilerplate(line)
    if reason == _NAVIGATION and url and last is not None and not last.url:
        _complete(state, last, url, sources, default_source)  # "Read more" after a headline
        state.time = None
        return
    if not reason and url and _profile(url):
        reason = _PROFILE
    if not reason and url and given.link is None and (_home_page(url) or _index_page(url)):
        reason = _INDEX  # copied as text: "The Kyiv Independent (https://kyivindependent.com/)"
    words = len(_WORD_RUN.findall(line))
    if not reason and not url and not given.item and _is_a_source_name(line, state.names):
        reason = _OUTLET_NAME  # "The Kyiv Independent" over its posts, copied
    staff = _STAFF.search(line) if not reason and not url and not given.item else None
    if staff is not None and _is_a_source_name(line[: staff.start()], state.names):
        reason = _CREDIT  # "The Kyiv Independent news desk": a byline
    if not reason and not url and not given.item and words < (3 if state.page_copy else 2):
        reason = _SHORT  # copied as text: a menu's, a section's or a button's line
    if not reason and given.outside:
        reason = _OUTSIDE
    if not reason and not given.item and _COPYRIGHT.match(line):
        reason = "a copyright line, not a headline"
    if not reason and not given.item and _PRIVACY.search(normalise_word(line)):
        reason = "a cookie or privacy notice, not a headline"
    if (
        not reason
        and not url
        and not given.item
        and last is not None
        and line.rstrip("'’\"”»").endswith(".")
        and not line.rstrip("'’\"”»").endswith("..")
        and not last.title.endswith(".")
        and (words >= SUMMARY_WORDS or (state.heading_entry and not given.heading))
    ):
        # "Title", then a sentence: copied as text, an item's summary; under a heading that
        # is a headline, any sentence (a round-up's "<h2>Title</h2><p>Sentence.</p>")
        reason = _SUMMARY
    if (
        not reason
        and not url
        and not given.item
        and line.rstrip("'’\"”»").endswith(".")
        and words >= SENTENCE_WORDS
    ):
        reason = _SENTENCE  # an article's paragraph copied with the listing below it
    if reason:
        state.dropped.append(Dropped(number, raw.strip(), reason))
        if reason in (_SOCIAL_LINE, _NO_WORDS) or (reason == _PROFILE and not url):
            state.header = number  # a post's header: its author's handle, "·", then its date
        if reason in _BETWEEN:  # "Title", "By Kyiv Post", "Jul. 16, 17:01": its time
            state.last = last
            byline = reason == _CREDIT or _BYLINE.fullmatch(" ".join(line.split())) is not None
            state.credited = state.credited or (byline and last is not None)
        return
    if url and _host(url) == "":
        url = ""  # no address ("https://[censor.net/..."): a headline without a link
    if not given.item:  # "Title [посилання ще шукаю – Politico?]": an editor's note to self
        line = _EDITOR_NOTE.sub("", line) or line
    if not url and state.pending is not None and given.link is None:
        url = state.pending[2]  # the link on the line above, which had no headline
        state.pending = None
    source = match_source(url, sources) or default_source
    named = _named_source(line, state.names, sources) if not url else None
    if named is not None:  # "Title (Суспільне)" copied from an aggregator: its outlet
        line, source = named
    line = _without_outlet(line, url, state.names.get(source, ""))
    url = clean_url(url) if url else url
    if not given.item and not given.link:  # copied as text: "... постраждала дитина ФОТО"
        line = _MEDIA_END.sub("", line) or line
    entries = state.days.setdefault(state.date, [])
    seen = state.seen.setdefault(state.date, {})
    found = [seen[key] for key in (("link", url), ("headline", line.casefold())) if key in seen]
    if found:  # (no entry is indexed by an empty link)
        _, what, other = min(found)  # the first of them in the day
        state.dropped.append(Dropped(number, raw.strip(), f"the same {what} as line {other}"))
        kept = next((e for e in entries if e.line == other), None)
        if kept is not None and kept.time is None and time is not None:
            # A page's top story, untimed, then the same story in its feed with its time.
            entries[entries.index(kept)] = replace(kept, time=time)
        return
    # A link on two days is one story twice (titles may recur: "Ukraine war latest").
    taken = next(
        ((day, e) for day, others in state.days.items() for e in others if url and e.url == url),
        None,
    )
    if taken is not None:  # a page's side column repeating a story of another day
        where = f"the same link as line {taken[1].line}, on {taken[0].isoformat()}"
        state.dropped.append(Dropped(number, raw.strip(), where))
        if taken[1].time is None and time is not None:  # a sticky story, then its dated row
            _restamp(state, taken[1], state.date, time)
        return
    state.heading_entry = given.heading and not given.item
    entry = Entry(number, line, url, source, time)
    if time is not None or given.item:
        state.stamped.add(number)
    entries.append(entry)
    _seen(state, state.date, entry)
    state.time = None
    state.last = entry
    state.credited = False
    if state.in_message:
        state.message = entry


# An e-mail's header copied with its text: "From: ...", "Sent: Tuesday, July 16, 2024 7:02 PM".
_MAIL_HEADER = re.compile(
    r"(?:from|to|cc|bcc|sent|date|subject|reply-to|від|кому|копія|надіслано|тема|от|отправлено)"
    r"\s*:\s+\S",
    re.IGNORECASE,
)
_STRUCK = "struck out (~~...~~): left out"
_MAIL = "an e-mail's header line (From:, To:, Sent:, Subject:), not a headline"


def _mail_header_or_struck(simple: str) -> str:
    """Say why a line copied as text is no headline whatever else it holds (a date, a
    link): a struck-out item of an editor's list, an e-mail's header line; else ""."""
    if simple.startswith("~~") and "~~" in simple[2:]:
        return _STRUCK
    if _MAIL_HEADER.match(simple) and len(simple.split()) <= 12:
        return _MAIL
    if _FORWARD_LINE.fullmatch(simple):  # "Fwd: …", "Oleh Kravets <oleh@…>", "---- Forwarded"
        return _MAIL
    return ""


_FORWARD_LINE = re.compile(
    r"(?:fwd?|re|пересл|перес|відп|отв)\s?:\s.+|[^<>]{1,60}<[\w.+-]+@[\w.-]+>"
    r"|-{3,}\s*(?:forwarded message|пересланное сообщение|переслане повідомлення)\s*-{3,}",
    re.IGNORECASE,
)


def _day_month_line(simple: str, state: _State) -> dt.date | None:
    """Read "15.07", "15.07." or "16.07 (вівторок)", alone on a line, as a day of the weeks
    around the day imported for (an editor's heading); a time ("15.07" is also 15:07)
    otherwise, or where the day is far from it."""
    match = _DAY_MONTH_DOTS.fullmatch(simple)
    if match is None:
        return None
    day, month = int(match[1]), int(match[2])
    try:
        date = dt.date(_nearest_year(month, day, state.today), month, day)
    except ValueError:
        return None
    return date if -DAY_HEADING_BEFORE <= (date - state.today).days <= 1 else None


# (after a weekday or a part of the day: "пн 15.07 (вечір)", "Вечір 15.07", "Tue 16.07")
_DAY_MONTH_DOTS = re.compile(
    r"(?:(?:пн|вт|ср|чт|пт|сб|нд|вс|mon|tue|wed|thu|fri|sat|sun|ранок|вечір|ніч|день|утро"
    r"|вечер|ночь|morning|evening|night)\.?,?\s+)?"
    r"(\d{1,2})\.(\d{1,2})\.?(?:\s*\([^()]{1,30}\))?",
    re.IGNORECASE,
)
# A headline's outlet and moment in parentheses after it, as a monitoring mail lists them.
_CREDIT_STAMP = re.compile(r"\s+\(([^(),]{2,40}),\s*([^()]{3,30})\)\s*$")
_DAY_MONTH_TIME = re.compile(r"(\d{1,2}\.\d{1,2})\.?,?\s+(\d{1,2}:\d{2})")
DAY_HEADING_BEFORE = 45  # days: how far back "15.07" alone on a line is read as a day


# A message of a chat exported as text (WhatsApp: "16.07.24, 09:40 - Name: text" from
# Android, "[16.07.24, 09:40:12] Name: text" from an iPhone, "7/16/24, 9:40 AM - Name: text").
_CHAT_LINE = re.compile(
    r"\[?(\d{1,2})([./])(\d{1,2})\2(\d{2}|\d{4}),? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
    r"(?:\] | - )(?:([^:]{1,60}): )?"
)


def _take_chat_line(
    state: _State,
    given: _Line,
    chat: re.Match[str],
    months: dict[str, int],
    weekdays: dict[str, int],
    sources: Mapping[str, str],
    default_source: str,
) -> None:
    """A chat's message: its day (not its time, when it was shared, not published), then its
    first line as any line, its other lines its body (`_take_line`'s message)."""
    _drop_pending(state)  # a message's link is no other message's
    first, second = int(chat[1]), int(chat[3])
    if chat[2] == "/" and second > 12:  # 7/16/24: as US phones write it
        first, second = second, first
    year = int(chat[4]) + (2000 if len(chat[4]) == 2 else 0)
    with contextlib.suppress(ValueError):
        date = dt.date(year, second, first)
        state.date, state.anchor, state.time = date, date, None
        state.days.setdefault(date, [])
    state.in_message, state.message, state.last = True, None, None
    text = given.text.strip()[chat.end() :] if given.text.strip().startswith(chat[0]) else ""
    if chat[5] is None:  # "... - Олена Коваль створює групу": the chat's own
        state.dropped.append(Dropped(given.number, given.text.strip(), _CHAT_NOTICE))
        return
    if not text.strip() or _CHAT_PLACEHOLDER.fullmatch(text.strip()):
        state.dropped.append(Dropped(given.number, given.text.strip(), _CHAT_NOTICE))
        return
    _take_line(state, replace(given, text=text), months, weekdays, sources, default_source)


_CHAT_NOTICE = "a chat's notice, its sender or a message without text, not a headline"
# A community's or channel's name over a message copied from Viber, with its time.
_SENDER_TIME = re.compile(r"[^|\n]{1,40} \| [^|\n]{1,40}?\s{2,}(\d{1,2}:\d{2})\s*")
_CHAT_PLACEHOLDER = re.compile(
    r"<[^<>]{1,40}>|(?:це повідомлення видалено|this message was deleted|это сообщение удалено"
    r"|you deleted this message|ви видалили це повідомлення)",
    re.IGNORECASE,
)


def _link_line(line: str) -> str | None:
    """The link of a line that is only a link, shown as its address, after nothing or a
    label ("https://...", "Details: https://...", "Read more: https://...")."""
    end = _URL_AT_END.search(line)
    if end is None:
        return None
    label, url = line[: end.start()].strip(), _url_end(end.group(1))
    if not label:
        return url
    colon = ":" in line[end.start() : end.start(1)] or label.endswith(":")
    if normalise_word(label) in _LINK_LABELS:  # OneNote's "From <https://…>" under a paste
        return url
    return url if (colon and len(label.split()) <= 3) or _boilerplate(label) else None


_LINK_LABELS = frozenset({"from", "source", "via", "link", "джерело", "источник", "посилання"})


# Telegram Desktop copies each message after a line naming its channel and its moment.
_MESSAGE_HEAD = re.compile(
    r"\S.*?,?\s*\[(\d{1,2}[./]\d{1,2}[./])(\d{2}|\d{4})[ ,]+"
    r"(\d{1,2}:\d{2})(?::\d{2})?(\s*[AaPp]\.?[Mm]\.?)?\]"
)
_MESSAGE_BODY = "the rest of a message, whose first line is its headline"


def _message_header(
    simple: str, months: dict[str, int], weekdays: dict[str, int], state: _State, number: int
) -> tuple[dt.date, dt.time] | None:
    """Read "Суспільне Харків, [16.07.2024 21:15]": the moment of the message after it."""
    match = _MESSAGE_HEAD.fullmatch(simple)
    if match is None:
        return None
    year = match[2] if len(match[2]) == 4 else "20" + match[2]
    date = _date_line(match[1] + year, months, weekdays, state, number)
    time = _time(match[3] + (match[4] or ""))
    return (date, time) if date is not None and time is not None else None


def _seen(state: _State, date: dt.date, entry: Entry) -> None:
    """Index an entry of a day by its link and its title, for the duplicates that follow."""
    seen = state.seen.setdefault(date, {})
    state.order += 1
    for key in (("link", entry.url), ("headline", entry.title.casefold())):
        if key[1] and key not in seen:
            seen[key] = (state.order, key[0], entry.line)


def _item_date_and_time(
    state: _State, given: _Line, months: dict[str, int], weekdays: dict[str, int]
) -> tuple[dt.date | None, dt.time | None]:
    """An item's date and time: its markup's, else lines of it that are only a date or a
    time (before or after its headline); its other lines are dropped, and said so."""
    date, time = given.stamp
    if date is None and given.date_text:
        date, time = _feed_date_text(state, given, months, weekdays)
    for number, text in given.beside:
        simple = " ".join(_BULLET.sub("", text.strip(), count=1).split())
        whole = " ".join(text.split())  # "16. Juli 2024": no numbered line's "16."
        found = _said_date_time(whole, months, weekdays, state, number)
        if found is None and whole != simple:
            found = _said_date_time(simple, months, weekdays, state, number)
        glued = _GLUED_DATE.search(whole) if found is None else None
        if glued is not None:  # "oprac. Jędrzej Winiecki15 lipca 2024 | 17:32": beside lines
            found = _said_date_time(whole[glued.end() :], months, weekdays, state, number)
        if found is None:  # "Backgrounder - ISW Press - 07/16/2024 - 21:49 - 0 comments"
            found = _date_among_parts(whole, months, weekdays, state, number)
        if found is not None:
            date = date or found[0]
            time = time or found[1]
            continue
        state.dropped.append(Dropped(number, text, _boilerplate(simple) or _BESIDE))
    if date is None and given.beside:  # "16", "лип.", "2024": a date in stacked blocks
        short = [" ".join(text.split()) for _, text in given.beside if len(text.split()) <= 2]
        found = _date_time_line(" ".join(short), months, weekdays, state, given.number)
        if found is not None and found[0] is not None:
            date, time = found[0], time or found[1]
    return date, time


def _date_among_parts(
    text: str, months: dict[str, int], weekdays: dict[str, int], state: _State, number: int
) -> tuple[dt.date | None, dt.time | None] | None:
    """The date (and the time after it) among the parts of an item's line that a separator
    (` - `, ` | `, ` · `) splits: its kind, author, date, time and comments' count."""
    parts = [part for part in _SEPARATED.split(text) if part.strip()]
    for i, part in enumerate(parts if len(parts) > 1 else ()):
        for candidate in (f"{part} {parts[i + 1]}" if i + 1 < len(parts) else "", part):
            found = (
                _said_date_time(candidate, months, weekdays, state, number) if candidate else None
            )
            if found is not None and found[0] is not None:
                return found
    return None


_SEPARATED = re.compile(r"(?:^|\s)[-–—](?:\s|$)|\s*[|·•]\s*")  # "Newsweek•2 days ago" too


def _complete(
    state: _State, entry: Entry, url: str, sources: Mapping[str, str], default_source: str
) -> None:
    """Give the entry on the line before a bare URL line that URL."""
    url = _unwrapped(url)
    if not _host(url):
        return  # no address ("https://[censor.net/..."): nothing to give
    date, entries = next((d, e) for d, e in state.days.items() if entry in e)
    source = match_source(url, sources) or entry.source or default_source
    title, url = _without_outlet(entry.title, url, state.names.get(source, "")), clean_url(url)
    entries[entries.index(entry)] = state.last = replace(entry, title=title, url=url, source=source)
    _seen(state, date, state.last)


def _restamp(state: _State, entry: Entry, date: dt.date | None, time: dt.time | None) -> Entry:
    """Give an entry the time (and date) on the line after it: in a listing whose times
    follow their headlines, as pages copied as text show them."""
    was, entries = next((d, e) for d, e in state.days.items() if entry in e)
    new = replace(entry, time=time)
    state.stamped.add(entry.line)
    if date is None or date == was:
        entries[entries.index(entry)] = new
    else:
        entries.remove(entry)
        seen = state.seen.get(was, {})
        for key in [key for key, (_, _, line) in seen.items() if line == entry.line]:
            del seen[key]
        state.days.setdefault(date, []).append(new)
        _seen(state, date, new)
        state.date, state.anchor = date, date
    return new


def _split_link(line: str) -> tuple[str, str]:
    """Split "[title](url)" or "title — url" into the title and the URL."""
    links = _MD_LINK.findall(line)
    if links:
        title = _MD_LINK.sub(lambda m: m.group(1), line).strip()
        url = next((u for _, u in links if u.startswith(("http://", "https://"))), "")
        rest = _URL_AT_END.search(title)
        if rest and not url:
            return title[: rest.start()].strip(), rest.group(1)
        return title, url
    bare = _URL_LINE.fullmatch(line)
    if bare:
        return "", _url_end(bare.group(1))
    end = _URL_AT_END.search(line)
    if end:
        return line[: end.start()].strip(), _url_end(end.group(1))
    found = list(_URL_IN_TEXT.finditer(line))
    if len(found) == 1:  # "Title https://... (edited)", "16:20 https://... — Title"
        before = line[: found[0].start()].rstrip(' —–-|:•·(<"«')
        after = line[found[0].end() :].lstrip(' —–-|:•·)>"»')
        if before and (len(after.split()) <= 2 or _SHARED_FROM.fullmatch(after)):
            return before, _url_end(found[0].group())  # ("… Shared via Feedly": a share's)
        if not before or _TIME_LINE.fullmatch(before):
            title = f"{before} {after}" if before else after
            return title.strip(), _url_end(found[0].group())  # (a U+2028 after the link too)
    return line, ""


_SHARED_FROM = re.compile(r"(?:shared|sent|saved) (?:via|from|with) .{1,30}", re.IGNORECASE)


def _url_end(url: str) -> str:
    """A link written in text without the stop of the sentence it ends ("... 716433/.")."""
    return url.rstrip(".,;:!?")


# "Title — Reuters", "Title (Euronews)": the outlet's name after a headline.
_ATTRIBUTION = re.compile(r"\s+(?:[-–—|]\s*([^-–—|()\[\]]{2,40})|\(([^()]{2,40})\))\s*$")


def _without_outlet(title: str, url: str, source_name: str = "") -> str:
    """Drop the name of the link's outlet after a headline ("— Reuters" on reuters.com,
    "| Суспільне Новини" from the source named "Суспільне"): the source says it. Any other
    ending ("- ISW", "(video)") is part of the headline. A page's title kept by a read-later
    app or a share loses its site's name before it ("BBC News - …"), its site and date after
    it (DW's "… – DW – 07/15/2024") and a share's "via @dwnews"."""
    title = _SHARED_VIA.sub("", title)
    if url:
        before = _SITE_BEFORE.match(title)
        if before is not None and _names_site(before[1], url, {}):
            title = title[before.end() :]
        dated = _SITE_AND_DATE_AFTER.search(title)
        if dated is not None and _names_site(dated[1], url, {}):
            title = title[: dated.start()]
    match = _ATTRIBUTION.search(title)
    if not match:
        return title
    name = _squash(match[1] or match[2])
    rest = title[: match.start()].rstrip(" -–—|:")
    if len(rest.split()) < 2:
        return title
    # A page's title as a bookmark keeps it: "Title | Russia-Ukraine war News | Al Jazeera".
    section = _SECTION_END.search(rest) if match[0].lstrip().startswith("|") else None
    if section is not None and len(rest[: section.start()].split()) >= 2:
        rest = rest[: section.start()]
    label = _squash(_outlet_label(url)) if url else ""
    if len(label) >= 3 and (
        name == label or (len(label) >= 4 and label in name) or (len(name) >= 4 and name in label)
    ):
        return rest
    shown = match[1] or match[2] or ""
    if url and _names_site(shown, url, {}):  # "| The New York Times" on nytimes.com
        return rest
    initials = _initials(shown)
    if len(initials) >= 3 and initials == _latin(source_name):  # "| Institute for the Study…"
        return rest
    own = _squash(_SOURCE_REMARK.sub("", source_name))  # "Суспільне Новини (YouTube)"
    for shown, known in ((name, own), (_latin(name), _latin(own))):  # "(Укрінформ)": Ukrinform
        # "| Суспільне Новини" from "Суспільне"; not "(Kyiv)" from "Kyiv Independent"
        if (len(known) >= 2 and shown == known) or (len(known) >= 4 and shown.startswith(known)):
            return rest
    return title


_SECTION_END = re.compile(r"\s+\|\s*[^|]{2,40}$")
_SOURCE_REMARK = re.compile(r"\s*\([^()]*\)\s*$")  # a source's name's remark: "(YouTube)"
_SHARED_VIA = re.compile(r"\s+via\s+@[\w.]+$")  # "… via @dwnews", as a share writes it
_SITE_BEFORE = re.compile(r"([^-–—|:]{2,30}?)\s+[-–—|]\s+(?=\S.{12,})")  # "BBC News - Title"
_SITE_AND_DATE_AFTER = re.compile(  # "… – DW – 07/15/2024"
    r"\s+[-–—|]\s+([^-–—|]{2,30}?)\s+[-–—|]\s+\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$"
)


def _latin(name: str) -> str:
    """A squashed name in Latin letters, to match a name written in another script."""
    return "".join(_latin_words(name))


_OUTLET_NAME = "an outlet's name, over its posts or in its page's header, not a headline"


def _is_a_source_name(line: str, names: Mapping[str, str]) -> bool:
    """Whether a line is only the name of one of the digest's sources."""
    shown = _squash(line)
    return len(shown) >= 3 and any(shown == _squash(name) for name in names.values())


def _named_source(
    title: str, names: Mapping[str, str], homes: Mapping[str, str]
) -> tuple[str, str] | None:
    """A headline without a link whose outlet is named after it, as aggregators show it
    ("Title (УНІАН)", "Title - Суспільне Новини", "Title (theguardian.com)"): the headline
    without it, and the id of the source of that name or site; None when no source has it."""
    match = _ATTRIBUTION.search(title)
    if match is None:
        return None
    shown = (match[1] or match[2] or "").strip()
    if _SITE_NAME.fullmatch(shown):  # a site's name, as Hacker News shows it
        source = match_source("https://" + shown.lower() + "/", homes)
        rest = title[: match.start()].rstrip(" -–—|:")
        if source and len(rest.split()) >= 2:
            return rest, source
    for key, name in names.items():
        rest = _without_outlet(title, "", name)
        if rest != title:
            return rest, key
    return None


def _squash(name: str) -> str:
    return re.sub(r"\W|_", "", normalise_word(name).removeprefix("the "))


def _names_site(line: str, url: str, names: Mapping[str, str]) -> bool:
    """Whether a line is only the name of the link's site ("The Kyiv Independent" under a
    kyivindependent.com link, "Reuters", a source's name), as a chat's link preview shows it."""
    shown, label = _squash(line), _outlet_label(url).replace("-", "")
    if len(shown) < 2 or len(line.split()) > 6 or _NOT_A_NAME.search(line):
        return False
    initials = _initials(line)
    return (
        _is_a_source_name(line, names)
        or shown == label
        or (
            len(label) >= 3
            and (
                label in shown
                or label in _latin(line)  # "Радио Свобода" for radiosvoboda.org
                or (len(initials) >= 3 and label.startswith(initials))  # "The New York Times"
            )
        )
    )


def _latin_words(name: str) -> list[str]:
    """A name's words in Latin letters, in lower case."""
    from anyascii import anyascii

    return re.findall(r"[a-z0-9]+", anyascii(name).lower())


def _initials(name: str) -> str:
    """A name's initials but for its small words: "nyt" for "The New York Times"."""
    return "".join(word[0] for word in _latin_words(name) if word not in _NAME_SMALL_WORDS)


_NAME_SMALL_WORDS = frozenset({"the", "of", "for", "and", "a", "an", "de", "la", "le"})


_CHAT_TIME = re.compile(r"\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?")  # "09:04", "8:12 AM": a message's
_NOT_A_NAME = re.compile(r"[|·•:]|\s[-–—]\s")  # "Суспільне Новини | Підписатися": more


def _retitle(state: _State, entry: Entry, title: str) -> None:
    """Give an entry another headline (its link's preview's title)."""
    for date, entries in state.days.items():
        if entry in entries:
            new = replace(entry, title=title)
            entries[entries.index(entry)] = state.last = new
            _seen(state, date, new)
            return


def _entry_before(state: _State, entry: Entry) -> Entry | None:
    """The entry taken just before this one on its day, if any."""
    for entries in state.days.values():
        if entry in entries:
            at = entries.index(entry)
            return entries[at - 1] if at > 0 else None
    return None


def _remove(state: _State, entry: Entry) -> None:
    """Take an entry back (it was a preview's title, not a headline of its own)."""
    for date, entries in state.days.items():
        if entry in entries:
            entries.remove(entry)
            seen = state.seen.get(date, {})
            for key in [key for key, (_, _, line) in seen.items() if line == entry.line]:
                del seen[key]
            return


_PREVIEW_SITE = "the site's name in the preview of the link above, not a headline"
_PREVIEW_TITLE = "the title in the preview of the link above: that link's headline"


def _outlet_label(url: str) -> str:
    """The outlet's part of a link's host: reuters.com -> reuters, pravda.com.ua -> pravda."""
    parts = _host(url).split(".")
    if len(parts) >= 3 and parts[-2] in ("com", "co", "org", "net", "gov", "in", "ac"):
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else ""


_NAVIGATION = "a section or navigation line, not a headline"
PARAGRAPH_WORDS = 40  # the longest headlines have 25 or so; an article's paragraphs, more


# Emoji and marks before a line's words ("⚡️ Підписатися на канал"): not part of what it says.
_LEADING_SYMBOLS = re.compile(r"^[^\w\d\s«\"'(\[@#]+\s*")


def _boilerplate(line: str) -> str:
    """Say why a line is not a headline, or return ""."""
    if not _WORD.search(line):
        return _NO_WORDS
    key = " ".join(_LEADING_SYMBOLS.sub("", normalise_word(line)).rstrip(":.…>»→ ").split())
    if (
        key in BOILERPLATE
        or _CALL_TO_ACTION.match(key)
        or _MORE_BUTTON.fullmatch(key)
        or _SUBSCRIBE.search(key)
        or _MORE_LIKE_IT.fullmatch(key)
    ):
        return _NAVIGATION
    if _MORE_ELSEWHERE.match(key):
        return _READ_MORE
    if _NEWSLETTER.search(key):
        return "a newsletter's own line (its web version, its settings), not a headline"
    if _FORWARDED.match(key):
        return "the header of a forwarded message (its channel's name), not a headline"
    if _SOCIAL_CHROME.fullmatch(key) or _SHORTENED.fullmatch(line.strip()):
        return _SOCIAL_LINE
    words = line.split()
    letters = [c for c in line if c.isalpha()]
    shown = len(_WORD_RUN.findall(line))  # words of letters: "ASIA PACIFIC / POLITICS" is 3
    if shown <= 3 and len(letters) >= 2 and all(c.isupper() for c in letters):
        return _CAPITALS
    if line.endswith(":") and len(words) <= 6:
        return "a heading ending in ':', not a headline"
    if _BYLINE.fullmatch(" ".join(words)):
        return _CREDIT
    if _age(key) is not None:
        return _AGE
    if len(words) > PARAGRAPH_WORDS:
        return _PARAGRAPH
    return ""


# A page's own lines, copied with it as text: "© 2024 POLITICO SRL", "We value your privacy".
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_PRIVACY = re.compile(
    r"\bcookies?\b|\bcookie-|^we (?:value|care about|respect) your privacy"
    r"|^we and our \d+ partners|^ми цінуємо вашу конфіденційність|^мы ценим вашу конфиденциальность"
)


# What a social network's page shows around its posts, copied with them: "@handle",
# "Reposted by ...", "Пошук у Facebook", "1,6 млн уподобань • 2,1 млн читачів", "Переглянути ще
# 57 коментарів", "Last reply today at 11:20 AM", "kyivindependent.com/ukraines-parl...".
_COUNTED = (
    r"(?:likes?|followers?|following|reposts?|replies|comments?|shares?|reactions?|views?"
    r"|уподобан\w*|вподобан\w*|читач\w*|підписник\w*|коментар\w*|поширен\w*|реакц\w*"
    r"|перегляд\w*|лайк\w*|подписчик\w*|комментари\w*|просмотр\w*)"
)
# A site's name as pages show it beside a link: "pravda.com.ua".
_SITE_NAME = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.IGNORECASE)
_SOCIAL_CHROME = re.compile(
    r"@[\w.-]+"
    r"|(?:reposted by|поширив|поширила|поширено|переслав|репост)\b.*"
    r"|(?:пошук у|search) (?:facebook|x|twitter|bluesky|linkedin)"
    rf"|[\d.,]+\s*(?:k|m|тис\.?|млн|тыс\.?)?\s*{_COUNTED}(?:\s*[•·]\s*[\d.,]+\s*(?:k|m|тис\.?|млн|тыс\.?)?\s*{_COUNTED})*"
    rf"|(?:переглянути|показати|view|see|show) (?:ще |all |more )?\d+ (?:more )?{_COUNTED}"
    r"|(?:last reply|остання відповідь).*"
    # X's own: its link card's "From site.com", "… reposted", the profile's "Joined …", menus
    r"|from (?:www\.)?[\w-]+(?:\.[\w-]+)+|.{1,60} (?:reposted|поширив\w*|репостнул\w*)"
    r"|(?:.* )?joined \w+ \d{4}|(?:to )?view keyboard shortcuts.*|see new posts"
    # a chat's notices: "Mariia Bondar joined the party.", "… pinned a message", "… left"
    r"|.{1,60} (?:joined|left) (?:the )?(?:party|server|channel|room|chat|group|space|team)\b.*"
    r"|.{1,60} (?:pinned a message|changed the (?:topic|channel name)|added .{1,60} to the .*)"
    r"|.{1,60} (?:приєднав(?:ся|ла?ся)|приєдналися|покинув|покинула|закріпив|закріпила)\b.*"
    # LinkedIn's own: "Try Premium for UAH0", "Report this article", "Load more comments"
    r"|try premium.*|report this (?:article|post|comment)|load more comments"
    r"|terms of use|search the web|see (?:the )?full forecast|feedback"
    r"|more articles by .{1,60}|see more comments|add a comment…?"
    r"|who to follow|terms of service|privacy policy|cookie policy|show more|show replies"
    r"|read more: (?:www\.)?[\w-]+(?:\.[\w-]+)+/\S*"  # (its "…" is gone from the key)
    r"|r/\w+(?: • .*)?|(?:go to comments|upvote|downvote|share|save|hide|reply)"  # Reddit's
    r"|\d+ points? by \S+ .*|submitted .* by \S+.*"  # a news aggregator's row (Hacker News)
    r"|" + _SITE_NAME.pattern  # a link's site alone (the key is in lower case)
)
_EDITOR_NOTE = re.compile(r"\s+\[[^\[\]]{2,80}\]$")
_SHORTENED = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+/\S*(?:…|\.\.\.)")  # a link as shown
_SOCIAL_LINE = (
    "a social network's own line (a handle, a repost, counts, a search box), not a headline"
)
# Telegram's line over a forwarded message: "Forwarded from Повітряні сили ЗСУ".
_FORWARDED = re.compile(r"(?:forwarded from|переслано від|переслано из|пересланное сообщение)\b")
# An aggregator's count of a story's other reports: "Ще 24 схожих новини", "+5 more".
_MORE_LIKE_IT = re.compile(
    r"(?:ще|еще|and|\+)\s*\d+\s*(?:схож\w*|похож\w*|інш\w*|друг\w*|similar|related|more|other)"
    r"(?: (?:новин\w*|новост\w*|публікац\w*|stories|articles|reports|sources|джерел\w*"
    r"|источник\w*))?"
)
# What a newsletter says of itself: "View this email in your browser", "unsubscribe from this
# list", "update your preferences", "Переглянути в браузері", "Відписатися".
_NEWSLETTER = re.compile(
    r"\b(?:view (?:this|it|the) (?:email|e-mail|newsletter|message)? ?(?:in|on) (?:your|a|the)"
    r" (?:web )?browser|unsubscribe|update (?:your )?(?:subscription )?preferences"
    r"|change how you receive|you are receiving this|you received this (?:email|e-mail)"
    r"|відписатис[ья]|переглянути (?:в|у) браузері|отписаться|открыть в браузере"
    r"|відкрийте (?:його )?(?:в|у) браузері|откройте (?:его )?в браузере"
    r"|(?:слухайте|дивіться|слушайте|смотрите|listen to|watch) (?:нас |us )?.{0,40}"
    r"(?:застосунку|приложении|youtube|app|podcast))"
)


# A call to follow a channel, wherever it stands: "Новини від NV в Telegram. Підписуйтесь на наш
# канал", "Українська правда у Telegram!" (with its "!": "calls on WhatsApp" is news).
_SUBSCRIBE = re.compile(
    r"\b(?:підписуйтесь|підписуйтеся|подписывайтесь|подпишитесь на|subscribe to our)\b"
    r"|\b(?:у|в|in|on) (?:telegram|viber|whatsapp)\s*!\s*$"
)

# A button that loads more of a listing: "Load more", "Завантажити ще новини", "Показать еще".
_MORE_BUTTON = re.compile(
    r"(?:load|show|see|view|завантажити|показати|дивитися|загрузить|показать|смотреть)"
    r" (?:more|all|ще|більше|усі|всі|еще|больше|все)(?: (?:news|stories|articles|новини|новин"
    r"|публікації|новости|новостей|публикации|материалы))?(?: from \S.*)?"  # "See all from X"
    # German, French, Spanish, Italian, Polish: "Weitere Artikel laden", "Voir plus"
    r"|(?:weitere (?:artikel|beiträge|meldungen) (?:laden|anzeigen)|mehr (?:laden|anzeigen)"
    r"|charger plus(?: d'articles)?|voir plus(?: d'articles)?|cargar más(?: noticias)?"
    r"|ver más(?: noticias)?|carica altri(?: articoli)?|mostra altri|załaduj więcej"
    r"|pokaż więcej|więcej artykułów)"
)

# Where to read more, as a post ends (its time may follow): "Подробнее — на сайте «Медузы».",
# "Детальніше: на сайті", "Read more on our website".
_READ_MORE = "where to read more of the headline above, not a headline"
_MORE_ELSEWHERE = re.compile(
    r"(?:подробнее|детальніше|докладніше|більше|read more|more)\s*[—–:-]?\s*"
    r"(?:на (?:сайте|сайті|нашому сайті|нашем сайте)|в (?:материале|статье)|у (?:матеріалі|статті)"
    r"|on (?:our|the) (?:website|site)|in our \w+)\b"
)

# A page's call to subscribe, sign in or give, never a headline: "Subscribe for €1 a week."
_CALL_TO_ACTION = re.compile(
    r"(?:subscribe|sign up|sign in|log in|donate|support us|become a (?:member|patron)"
    r"|join us|підпишіться|підписатися|стати (?:членом|учасником)|долучитися"
    r"|увійти|підтримати|подпишитесь|подписаться|войти|поддержать)\b"
)


# What pages print around a headline, copied with it: "By Jane Doe", "Photo: Reuters",
# "3 min read", "12 comments", "1.2K views".
_NAME = r"[A-ZА-ЯІЇЄҐ][\w'’.-]*"
_BYLINE = re.compile(
    rf"(?:by|von|par|przez|автор(?:ка)?:?)\s+{_NAME}(?:\s+{_NAME}){{0,3}}(?:\s*(?:,|and|та|і|и)\s*{_NAME}(?:\s+{_NAME}){{0,3}})*"
    r"|(?:photo|фото|video|відео|видео|image|illustration|ілюстрація|иллюстрация)\s*(?:credit)?"
    r"\s*[:|©]\s*\S+(?:\s+\S+){0,3}"  # "Photo: Reuters", not "Video: Drone destroys a boat ..."
    r"|\d+\s*(?:min(?:ute)?s?|хв(?:илин[аи]?)?|мин(?:ут[аы]?)?)\.?(?:\s+(?:read|читання|чтения))?"
    r"|[\d.,]+\s*[KkMmКкТт]?\s*(?:comments?|views?|shares?|коментар\w*|перегляд\w*"
    r"|комментари\w*|просмотр\w*)",
    re.IGNORECASE,
)


# A time of day with a colon ("9:47 PM", "21:47"), not "21.06", a date's day and month.
_CLOCK = re.compile(r"(?<![\d.:])\d{1,2}:\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?![\d:])")


def _time(text: str) -> dt.time | None:
    match = _TIME.search(text)
    if not match:
        return None
    hour, minute = int(match[1]), int(match[2])
    if match[3]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match[3] in "Pp" else 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


# Dates --------------------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})([-./])(\d{1,2})\2(\d{1,2})")  # and "2024.07.16", "2024/07/16"
_MONTH_DAY_DASHED = re.compile(r"(\d{2})-(\d{2})")  # "07-16 17:40": Yonhap's, month first
_MONTH_DAY_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?: ?р(?:оку|\.)?)?")
_DAY_MONTH = re.compile(
    r"(\d{1,2})\.? ([^\W\d]+\.?)(?:,? (\d{4}))?(?: ?(?:р(?:оку|\.)?|г(?:ода|\.)?))?"
)
_MONTH_DAY = re.compile(r"([^\W\d]+\.?) (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?")
_YEAR_WEEKDAY = re.compile(r"(\d{4}),? ([^\W\d][\w']*)")


_BESIDE = "beside the headline in its item: a summary, a byline or a rubric"
_CREDIT = "a byline, a credit or a count, not a headline"
# What an item's date or time line says with it: "Published On 15 Jul 2024", "Updated:
# 16 липня", and a zone after a time ("12:47 PM GMT+3", "21:15 EEST"): the time is taken as
# written.
_STAMP_WORDS = re.compile(
    r"(?:first )?(?:published|updated|posted|опубліковано|оновлено|опубликовано|обновлено"
    r"|publié|mis à jour|stand|veröffentlicht|aktualisiert|opublikowano|aktualizacja)"
    # "Updated at 19.07 BST"; "Published14 July": a hidden word glued to the date
    r"(?: on| at| le| am)?:?(?:\s+|(?=\d))",
    re.IGNORECASE,
)
_STAMP_ZONE = re.compile(
    r"\s*(?:(?:GMT|UTC)(?:\s*[+−-]\s*\d{1,2}(?::?\d{2})?)?|[A-Z]{3,4}|Uhr)$"  # "23:54 Uhr"
)


def _said_date_time(
    text: str, months: dict[str, int], weekdays: dict[str, int], state: _State, number: int
) -> tuple[dt.date | None, dt.time | None] | None:
    """Read a date or time line (`_date_time_line`), also as pages and copies write one
    around it: in parentheses, with a zone the page names (moved into the site's), after
    "Published On" or the like, after its author's name or its outlet's, run together with
    its neighbours' text, before a reading time or an editor's remark. The first reading that
    gives one wins; the rest are not tried."""
    if text.startswith("(") and text.endswith(")"):  # "(19:21 GMT)", a live blog's
        text = text[1:-1].strip()
    text = text.rstrip(" ·•|–—-") or text  # "Учора о 21:40 · ": Facebook's, before its icon
    text = _YEAR_COLON.sub(" ", _SPACE_BEFORE_COMMA.sub(", ", text))  # "16 July ,2024: 02:35"
    if _ISO_TEXT.fullmatch(text):  # "2024-07-15T17:22:00.0000000", as DuckDuckGo shows it
        moment = _read_stamp(text, state.timezone)
        if moment is not None:
            return moment[0], moment[1] if moment[1] != dt.time() else None
    zone = _NAMED_ZONE.search(text)
    if zone is not None:  # "5:31 p.m. ET, July 15, 2024": read without it, then moved
        plain = _SPACE_BEFORE_COMMA.sub(", ", text[: zone.start()] + " " + text[zone.end() :])
        found = _said_date_time(" ".join(plain.split()), months, weekdays, state, number)
        if found is not None and found[1] is not None and state.timezone:
            return _from_zone(found[0], found[1], zone, state)
        if found is not None:
            return found

    def read(line: str) -> tuple[dt.date | None, dt.time | None] | None:
        return _date_time_line(line, months, weekdays, state, number)

    def said(line: str) -> tuple[dt.date | None, dt.time | None] | None:
        return _said_date_time(line, months, weekdays, state, number)

    found = read(text)
    if found is not None:
        return found
    bare = _STAMP_ZONE.sub("", _STAMP_WORDS.sub("", text, count=1), count=1)
    if bare != text and (found := read(bare)) is not None:
        return found
    # "Роман Петренко — Понеділок, 15 липня 2024, 14:52", a chat's "Oleh Kravets — Today at
    # 8:20 AM" (Discord), "Oleh Kravets 7/15 9:14 AM" (Teams): a name, then its moment
    signed = _SIGNED.match(text) or _NAMED_MOMENT.match(text)
    if signed is not None and (found := said(text[signed.end() :])) is not None:
        return found
    # "yesterday at 8:47 pm", "16 липня 2024 о 21:49", "Архів новин за 15 липня"
    plain = _DATE_PREFIX.sub("", _AT_TIME.sub(", ", bare), count=1)
    if plain != text and (found := read(plain)) is not None:
        return found
    credited = _CREDITED.match(text)  # "УНІАН, 16.07.2024, 09:14": the outlet, then its date
    if credited is not None and len(credited[0].split()) <= 3:
        found = read(text[credited.end() :])
        if found is not None and found[0] is not None and found[1] is not None:
            return found  # (a date and a time: "Horoscope for tomorrow, 22 June" is a headline)
    stamp = _STAMP_WORDS.search(text)
    if stamp is not None:  # "Par AFPPublié le 16/07/2024 à 20h41Mis à jour il y a …"
        rest = text[stamp.end() :]
        following = _STAMP_WORDS.search(rest)
        rest = rest[: following.start()] if following is not None else rest
        if rest.strip() and rest != text and (found := said(rest.strip())) is not None:
            return found
    reading = _READING_TIME.search(text)  # "Jul 16 · 9 min read": a date, then a credit
    if (
        reading is not None
        and reading.start() > 0
        and (found := said(text[: reading.start()])) is not None
    ):
        return found
    glued = _GLUED_NAME.match(text)  # "Paweł Pieniążek16 lipca 2024 | 12:05": a byline's
    # (a name's words are capitalised: "…закон16 липня" is a headline's text)
    if (
        glued is not None
        and all(word[0].isupper() for word in glued[0].split())
        and (found := said(text[glued.end() :])) is not None
    ):
        return found
    spaced = _RUN_TOGETHER.sub(" ", text)  # "16Липня2024": a date's spans with no space
    if spaced != text and (found := read(spaced)) is not None:
        return found
    remark = _REMARK.search(text)  # "15 липня (вечір)": an editor's heading with a remark
    if remark is not None and remark.start() > 0:
        found = read(text[: remark.start()])
        if found is not None and found[0] is not None:
            return found
    viewed = _VIEWS.match(text)  # "298K 22:41", "356K edited 19:27": a Telegram post's foot
    if viewed is not None and (found := read(text[viewed.end() :])) is not None:
        return found
    relative = _LAST_DAY_WORD.search(text)  # "The Telegraph yesterday": a stream's label line
    if relative is not None and _SOURCE_LABEL.fullmatch(text[: relative.start()]):
        return read(relative[1])
    return None


_ISO_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_SOURCE_LABEL = re.compile(rf"{_NAME}(?:\s+{_NAME}){{0,3}}")  # "The Telegraph", "Reuters"
_LAST_DAY_WORD = re.compile(
    r"\s?(yesterday|today|вчора|учора|сьогодні|вчера|сегодня)$",
    re.IGNORECASE,  # glued too
)
# A post's views before its time, as Telegram shows them, and its mark if edited.
_VIEWS = re.compile(
    r"(?:\d+(?:[.,]\d+)?\s?[KkMmКкМм]|\d{3,})\s+(?:(?:edited|изменено|змінено|ред\.)\s+)?"
    r"(?=\d{1,2}:\d{2}$)"
)


# A time zone a page names beside its time, in capitals: US, British and European ones,
# Moscow's, the Gulf's and East Asia's and Australia's that news sites print, and UTC or GMT
# with an offset ("GMT+3"). Others are left as they are (the time as written); so are names
# that stand for several zones (IST, AST).
_NAMED_ZONE = re.compile(
    r"(?<![\w+-])(GMT|UTC|BST|CEST|CET|EEST|EET|MSK|МСК|мск|EDT|EST|ET|CDT|CST|CT|PDT|PST|PT"
    r"|GST|TRT|JST|KST|HKT|SGT|AEST|AEDT)"
    r"(?:\s*([+−-])\s*(\d{1,2})(?::?(\d{2}))?)?(?!\w)"
)
# Each as the civil time of its region (summer or not): pages label loosely, and POLITICO
# Europe prints "CET" all summer for Brussels' time (CEST); GMT is UTC.
_ZONES = {
    "GMT": "UTC",
    "UTC": "UTC",
    "BST": "Europe/London",
    "CET": "Europe/Brussels",
    "CEST": "Europe/Brussels",
    "EET": "Europe/Kyiv",
    "EEST": "Europe/Kyiv",
    "MSK": "Europe/Moscow",
    "МСК": "Europe/Moscow",
    "мск": "Europe/Moscow",
    "GST": "Asia/Dubai",  # Gulf Standard Time (Al Arabiya, Gulf News)
    "TRT": "Europe/Istanbul",
    "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul",
    "HKT": "Asia/Hong_Kong",
    "SGT": "Asia/Singapore",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "ET": "America/New_York",
    "EDT": "America/New_York",
    "EST": "America/New_York",
    "CT": "America/Chicago",
    "CDT": "America/Chicago",
    "CST": "America/Chicago",
    "PT": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
}
_SPACE_BEFORE_COMMA = re.compile(r"\s+,\s*")
_YEAR_COLON = re.compile(r"(?<=\b\d{4}):\s+(?=\d)")


def _from_zone(
    date: dt.date | None, time: dt.time, zone: re.Match[str], state: _State
) -> tuple[dt.date | None, dt.time]:
    """A date and time given in a named zone, in the site's: its date when the line gave
    one or the move changed the day (from the day being filled)."""
    name = _ZONES[zone[1]]
    tzinfo: dt.tzinfo
    if name == "UTC":  # "GMT", "GMT+3", "UTC-5"
        minutes = int(zone[3] or 0) * 60 + int(zone[4] or 0)
        tzinfo = dt.timezone(dt.timedelta(minutes=-minutes if zone[2] in ("-", "−") else minutes))
    elif zone[2]:  # "ET+1": no zone anyone writes
        return date, time
    else:
        try:
            tzinfo = zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return date, time
    day = date or state.date
    moved = _local(dt.datetime.combine(day, time, tzinfo=tzinfo), state.timezone)
    return (moved[0] if date is not None or moved[0] != day else None), moved[1]


# A time that says when a page or an item was last changed, not published.
_UPDATED = re.compile(
    r"(?:updated|last updated|оновлено|обновлено|mis à jour|aktualisiert|zaktualizowano)\b",
    re.IGNORECASE,
)
# A name of a few words glued to the date after it, as two spans' texts run together.
_GLUED_DATE = re.compile(r"(?<=[^\W\d])(?=\d)")  # where a line's text runs into a figure
_GLUED_NAME = re.compile(r"[^\W\d][\w.'’-]*(?: [^\W\d][\w.'’-]*){0,3}(?<=[^\W\d])(?=\d)")
_CREDITED = re.compile(r"[^,\d]{2,40},\s*(?=\d)")
_RUN_TOGETHER = re.compile(r"(?<=\d)(?=[^\W\d])|(?<=[^\W\d])(?=\d)")
_READING_TIME = re.compile(
    r"\s*[·•|,–—-]?\s*\d+\s*(?:min(?:ute)?s?|хв(?:илин[аи]?)?|мин(?:ут[аы]?)?)\.?"
    r"\s*(?:read|читання|чтения)$",
    re.IGNORECASE,
)
_REMARK = re.compile(r"\s*\([^()]{1,30}\)$")


# The word before a time in a date ("July 14, 2024 at 6:15 pm", "в 21:49", "о 21:49").
_AT_TIME = re.compile(r",?\s+(?:at|в|о|об|um|à)\s+(?=\d{1,2}[:.h]\d{2})", re.IGNORECASE)
# What an archive's heading says before its day: "News for", "Новости за", "Архів новин за",
# "Архив:".
_DATE_PREFIX = re.compile(
    r"^(?:archive|архів|архив|news|новини|новости|all news|усі новини|все новости)"
    r"(?: [^\W\d][\w'’]*){0,2}(?::| (?:for|of|за|від|от))\s+(?=\d)",
    re.IGNORECASE,
)


# An author's name before the date of their article, copied with it: "Jane Doe — 15 July".
_SIGNED = re.compile(rf"{_NAME}(?:\s+{_NAME}){{1,3}}\s+[—–-]\s+")
_NAMED_MOMENT = re.compile(rf"{_NAME}(?:\s+{_NAME}){{1,3}}\s+(?=\d{{1,2}}[/.:]\d)")


_OUTSIDE = "outside the items of the listing: a heading, a menu, a sidebar or a footer"
_RELATIVE_DAYS = {"today": 0, "сьогодні": 0, "сегодня": 0}
_RELATIVE_DAYS |= {"yesterday": -1, "вчора": -1, "учора": -1, "вчера": -1}
# "3 hrs ago", "an hour ago", "15 хв тому", "2 години тому", "5 минут назад", "1 day ago"
# (casefolded).
_AGO = re.compile(
    r"(?:(\d+)|an?|one)?\s*(?:(m|mins?|minutes?|хв\.?|хвилин[аиу]?|мин\.?|минут[аы]?)"
    r"|(h|hrs?|hours?|год\.?|годин[аиу]?|ч\.?|час(?:а|ов)?)"
    r"|(d|days?|дн\.?|дні|днів|день|дня|дней))\s+(?:ago|тому|назад)"
)
# An age as social networks write it, alone on its line: "1h", "15m", "2d", "3 год".
_SHORT_AGE = re.compile(r"(\d+)\s?(?:(m|min|хв|мин)|(h|hr|год|ч)|(d|дн|д))")


def _age(text: str) -> tuple[int, str] | None:
    """An age line's count and unit ("3 hrs ago": 3, "hours"; "1h": 1, "hours"), else None."""
    ago = _AGO.fullmatch(text) or _SHORT_AGE.fullmatch(text)
    if ago is None:
        return None
    return (int(ago[1]) if ago[1] else 1), "minutes" if ago[2] else "hours" if ago[3] else "days"


_SEPARATORS = " ,|•·–—-"


def _date_time_line(
    simple: str, months: dict[str, int], weekdays: dict[str, int], state: _State, number: int
) -> tuple[dt.date | None, dt.time | None] | None:
    """Read a line that is only a date, a time, or both ("Jul 16, 2024, 9:15 PM",
    "21:15, 16 липня", "Today, 14:30"): (date or None, time or None); else None."""
    if _TIME_LINE.fullmatch(simple):
        return None, _time(simple)
    dotted = _DAY_MONTH_TIME.fullmatch(simple)  # "16.07 07:12": a day, then its time
    if dotted is not None:
        day = _day_month_line(dotted[1], state)
        return (day, _time(dotted[2])) if day is not None else None
    date = _day_line(simple, months, weekdays, state, number)
    if date is not None:
        return date, None
    for match in _TIME.finditer(simple):
        if match.end() == len(simple):
            rest = simple[: match.start()].rstrip(_SEPARATORS)
        elif match.start() == 0:
            rest = simple[match.end() :].lstrip(_SEPARATORS)
        else:
            continue
        time = _time(match.group())
        date = _day_line(rest, months, weekdays, state, number) if rest else None
        if date is not None and time is not None:
            return date, time
    return None


def _dated_line(
    line: str, months: dict[str, int], weekdays: dict[str, int], state: _State, number: int
) -> tuple[dt.date, dt.time, str] | None:
    """Read "16.07.2024 21:15 Title" or "July 16, 2024, 9:15 PM — Title": a date and a
    time before a headline on its line (both: "22 June 2024 is the day" is a headline)."""
    for match in _TIME.finditer(line, 0, 40):
        rest = line[match.end() :].lstrip(_SEPARATORS)
        before = " ".join(line[: match.start()].rstrip(_SEPARATORS).split())
        if not before or not rest or not _WORD.search(rest):
            continue
        date = _day_line(before, months, weekdays, state, number)
        time = _time(match.group())
        if date is not None and time is not None:
            return date, time, rest
    return None


def _glued_date_line(
    line: str, months: dict[str, int], weekdays: dict[str, int], state: _State, number: int
) -> tuple[dt.date, dt.time | None, str] | None:
    """Read "Title16 липня, 14:30", a card's title and date run together as copied as text:
    the date (and time), and the title."""
    for glued in _GLUED_DATE.finditer(line):
        head = line[: glued.start()].rstrip()
        if not _headline_like(head):
            continue
        found = _said_date_time(line[glued.end() :], months, weekdays, state, number)
        if found is not None and found[0] is not None:
            return found[0], found[1], head
    return None


def _day_line(
    simple: str, months: dict[str, int], weekdays: dict[str, int], state: _State, number: int
) -> dt.date | None:
    """A date line, or "today" / "yesterday" (of the day the listing is imported for)."""
    word = normalise_word(simple).rstrip(".:,")
    shift = _RELATIVE_DAYS.get(word)
    if shift is not None:
        return state.today + dt.timedelta(days=shift)
    ago = _age(word)
    if ago is not None:  # its day; the hour would be a guess
        if state.now is not None:
            return (state.now - dt.timedelta(**{ago[1]: ago[0]})).date()
        # Imported for a day (--date): the listing was copied on it, late in it.
        return state.today - dt.timedelta(days=ago[0] if ago[1] == "days" else 0)
    return _date_line(simple, months, weekdays, state, number)


def _date_line(
    simple: str,
    months: dict[str, int],
    weekdays: dict[str, int],
    state: _State,
    number: int,
) -> dt.date | None:
    """Read a line that is only a date ("Friday, June 21, 2024", "21 червня"), else None."""
    text = normalise_word(simple).rstrip(".:")
    weekday: int | None = None
    if "," in text:
        head, rest = text.split(",", 1)
        found = _weekday(head.split()[-1] if head.split() else "", weekdays)
        if found is not None and len(head.split()) <= 2:
            weekday, text = found, rest.strip()
        elif head.strip() in _RELATIVE_DAYS:  # "Вчора, 15 липня": the date it names
            text = rest.strip()
    parts = _date_parts(text, months)
    words = text.split()
    if parts is None and weekday is None and len(words) >= 3:  # "14 June, 2024 Friday"
        for found, others in (
            (_weekday(words[-1].strip(","), weekdays), words[:-1]),
            (_weekday(words[0].strip(","), weekdays), words[1:]),
        ):
            if found is not None and (parts := _date_parts(" ".join(others).strip(","), months)):
                weekday = found
                break
    if parts is None:
        return None
    year, month, day = parts
    if year is None:
        year = state.year if state.year is not None else _nearest_year(month, day, state.anchor)
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if weekday is None and state.weekday and state.year == year:
        line, weekday, shown = state.weekday
    else:
        line, shown = number, simple
    if weekday is not None and weekday != date.weekday():
        state.notes.append(
            Dropped(
                line,
                shown,
                f"the weekday does not match {date.isoformat()}, a {date:%A}; "
                "the date was used: check it",
            )
        )
    state.year, state.weekday = None, None
    return date


def _date_parts(text: str, months: dict[str, int]) -> tuple[int | None, int, int] | None:
    if match := _ISO.fullmatch(text):
        return int(match[1]), int(match[3]), int(match[4])
    if match := _MONTH_DAY_SLASHED.fullmatch(text):  # Teams' "7/15": a month first, mostly
        first, second = int(match[1]), int(match[2])
        return (None, first, second) if first <= 12 else (None, second, first)
    if match := _MONTH_DAY_DASHED.fullmatch(text):
        first, second = int(match[1]), int(match[2])
        return (None, first, second) if first <= 12 else (None, second, first)
    if match := _NUMERIC.fullmatch(text):
        first, second = int(match[1]), int(match[3])
        if match[2] == "/" and second > 12:  # 06/21/2024, as US pages write it
            first, second = second, first
        year = int(match[4]) + (2000 if len(match[4]) == 2 else 0)  # "15.07.24"
        return year, second, first
    if match := _DAY_MONTH.fullmatch(text):
        month = months.get(match[2].rstrip("."))
        if month:
            return (int(match[3]) if match[3] else None), month, int(match[1])
    if match := _MONTH_DAY.fullmatch(text):
        month = months.get(match[1].rstrip("."))
        if month:
            return (int(match[3]) if match[3] else None), month, int(match[2])
    return None


def _nearest_year(month: int, day: int, anchor: dt.date) -> int:
    """Pick the year that puts the day nearest to `anchor` (31 December near 2 January)."""
    best = anchor.year
    distance: int | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            gap = abs((dt.date(year, month, day) - anchor).days)
        except ValueError:
            continue
        if distance is None or gap < distance:
            best, distance = year, gap
    return best


def _year_line(simple: str, weekdays: dict[str, int]) -> tuple[int, int] | None:
    """Read "2024, Saturday" (the seed's shape) as (year, weekday), else None."""
    match = _YEAR_WEEKDAY.fullmatch(normalise_word(simple).rstrip(".:"))
    if not match:
        return None
    weekday = _weekday(match[2], weekdays)
    if weekday is None:
        return None
    return int(match[1]), weekday


def _weekday(word: str, weekdays: dict[str, int]) -> int | None:
    """Find a weekday by name, also in other grammatical cases ("у п'ятницю")."""
    word = normalise_word(word).rstrip(".")
    if word in weekdays:
        return weekdays[word]
    if len(word) >= 5:
        for name, number in weekdays.items():
            if len(name) >= 5 and name[:4] == word[:4]:
                return number
    return None


# Sources ------------------------------------------------------------------------------


_PROFILE = "a link to an outlet's channel or profile, not to an article"
_SHORT = "too few words, without a link: a menu, section or button line, not a headline"
PAGE_COPY_LINES = 5  # lines of a word or two, no figures: a page's menus copied as text
_SUMMARY = "a sentence after a headline that ends without one: its summary, not a headline"
_CAPITALS = "a rubric line in capitals, not a headline"
_SENTENCE = "a sentence of an article, not a headline"
SENTENCE_WORDS = 16  # a line ending with "." this long is prose: headlines are shorter
# hAtom's and hCalendar's dates: <abbr class="published" title="2024-07-16T14:03:00+02:00">.
_MICROFORMAT_DATE = re.compile(r"(?<![\w-])(?:published|updated|dtstart|dtposted)(?![\w-])")
# An outlet's desk as a byline: "The Kyiv Independent news desk", "Суспільне Новини редакція".
_STAFF = re.compile(
    r"\s+(?:news ?desk|newsroom|staff|editors|editorial (?:team|board)|редакція|редакция"
    r"|ньюзрум|відділ новин)$",
    re.IGNORECASE,
)
# A video's length under its headline, as a page copied as text shows it.
_DURATION = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_VIDEO = re.compile(r"(?:watch|video|відео|видео)\b", re.IGNORECASE)
_VIDEO_LENGTH = "a video's length, not a time"
_AGE = "an age ('3 hrs ago'), not a headline"
# Lines between a headline and the time or link after it, which leave it the last one: its
# byline or count, its summary, a badge ("ВІДЕО"), an author's bare name, a kicker.
_NO_WORDS = "no words: not a headline"
_PARAGRAPH = f"a paragraph (over {PARAGRAPH_WORDS} words), not a headline"
# Lines between a headline and what completes it (its time, its link: "Read more (https://..."
_BETWEEN = frozenset(
    {
        _CREDIT,
        _SUMMARY,
        _SHORT,
        _CAPITALS,
        _SENTENCE,
        _NO_WORDS,
        _PARAGRAPH,
        _SOCIAL_LINE,
        _OUTLET_NAME,
        _READ_MORE,
    }
)
SUMMARY_WORDS = 8
_DIGIT = re.compile(r"\d")
_WORD_RUN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # a word of letters: "Zelensky's"
_SOCIAL = frozenset(
    {"t.me", "telegram.me", "facebook.com", "instagram.com", "twitter.com", "x.com"}
    | {"tiktok.com", "threads.net", "youtube.com", "linkedin.com", "viber.com", "whatsapp.com"}
)


# The first part of the path of a page that lists articles: an author's, a tag's, a topic's.
# A document attached to a page (a decision, a report), not an article: "st12002-en24.pdf".
_ATTACHMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|zip|rar)(?:$|[?#])", re.IGNORECASE)
_TAXONOMIES = frozenset({"taxonomy", "category", "categories", "programs", "program"})
_SEARCH_PATHS = frozenset({"search", "suche", "recherche", "buscar", "szukaj", "poisk", "пошук"})
_TAXONOMY_NAMED = re.compile(
    r"(?:location|organization|organisation|category|person|keyword|tag|topic|theme|product"
    r"|event)_\w"
)
_INDEX_PATHS = frozenset(
    {"author", "authors", "by", "people", "person", "profile", "profiles", "contributor"}
    | {"contributors", "journalist", "journalists", "tag", "tags", "topic", "topics"}
    | {"category", "categories", "rubric", "section", "sections", "theme", "themes"}
    | {"avtor", "avtory", "teg", "tegi", "tema", "temy", "rubryka", "rubrika"}
    | {"autor", "autores", "autoren", "auteur", "auteurs", "autore", "autori", "autorzy"}
    | {"thema", "themen", "schlagwort", "tematy", "argomenti"}
    | {"organization", "organizations", "organisation", "organisations", "source", "sources"}
)


# A link to a tag's, a category's or an author's page, as WordPress marks them.
_TAG_REL = re.compile(r"(?<![\w-])(?:tag|category|author)(?![\w-])", re.IGNORECASE)
# A link classed as a name, not a headline: a post's author or the channel it was forwarded
# from (Telegram's "tgme_widget_message_forwarded_from_name"), a byline's.
_NAME_LINK = re.compile(
    r"(?:^|[-_\s])(?:author|owner|byline|forwarded)(?:_from)?(?:_name)?(?:$|[-_\s])"
)


def _time_only(text: str) -> bool:
    """Whether a line is only a time of day, with its zone ("19.05 BST"), or an age."""
    bare = _STAMP_ZONE.sub("", _NAMED_ZONE.sub("", text)).strip()
    return bool(_TIME_LINE.fullmatch(bare) or _age(normalise_word(bare)))


def _promotion(url: str) -> bool:
    """Whether a link asks the reader to give, subscribe or join ("support.theguardian.com/
    contribute", "/donate", "/pidtrymaty"), by its host's first label or its path's first
    part after a language's."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").split(".")
    segments = [part for part in parts.path.lower().split("/") if part]
    if segments and len(segments[0]) == 2 and segments[0].isalpha():  # /uk/, /en/
        segments = segments[1:]
    if ".".join(host[-2:]) in _GIVING_SITES:  # "Buy me a coffee", Patreon, Ko-fi
        return True
    return host[0] in _PROMOTIONS or (1 <= len(segments) <= 2 and segments[0] in _PROMOTIONS)


_GIVING_SITES = frozenset({"buymeacoffee.com", "patreon.com", "ko-fi.com", "liqpay.ua"})


_PROMOTIONS = frozenset(
    {"support", "donate", "contribute", "subscribe", "subscription", "subscriptions"}
    | {"membership", "join", "pidtrymaty", "pidtrymka", "donat", "podderzhat"}
)


def _advert(url: str) -> bool:
    """Whether a link goes through an advertising network (its click tracker: ads.adfox.ru,
    ad.adriver.ru, doubleclick.net), not to an article."""
    host = _host(url).removeprefix("www.")
    labels = host.split(".")
    return labels[0] in ("ad", "ads", "adserver", "adclick", "clk") or any(
        host == network or host.endswith("." + network) for network in _AD_NETWORKS
    )


_AD_NETWORKS = (
    "doubleclick.net",
    "googleadservices.com",
    "adfox.ru",
    "adriver.ru",
    "adnxs.com",
    "criteo.com",
    "mgid.com",
    "smi2.net",
    "redtram.com",
    "taboola.com",
    "outbrain.com",
    "gemini.yahoo.com",  # Yahoo's native ads in its stream (beap.gemini.yahoo.com)
    "zemanta.com",
    "revcontent.com",
)


def _in_a_sentence(link: Any, text: str) -> bool:
    """Whether a link is words of a sentence around it, not a headline: its text begins in
    lower case and its paragraph holds three words or more besides it."""
    parent = link.getparent()
    if not text[:1].islower() or parent is None or parent.tag not in ("p", "li", "span", "div"):
        return False
    around = _collapse(parent.text_content()).replace(text, " ", 1)
    return len(_WORD_RUN.findall(around)) >= 3


def _same_page(url: str, page: str) -> bool:
    """Whether a link goes to a place on the page itself (a live blog's post: "#post-2",
    "?page=with:block-B1#block-B1", Al Jazeera's "?update=3041399"): its path, with a
    fragment or a query."""
    if not ("#" in url or "?" in url) or not page:
        return False
    try:
        link, here = urllib.parse.urlsplit(url), urllib.parse.urlsplit(page)
    except ValueError:
        return False
    return (link.hostname, link.path.rstrip("/")) == (here.hostname, here.path.rstrip("/"))


def _share_link(url: str) -> bool:
    """Whether a link shares the article somewhere (Jetpack's "?share=telegram", a social
    network's share dialog), not the article itself."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return False
    segments = parts.path.lower().split("/")  # "/share", "/sharer.php", "/intent/tweet"
    shares = any(part in _SHARE_PATHS for part in segments)
    return shares or "share" in urllib.parse.parse_qs(parts.query)


_SHARE_PATHS = frozenset(
    {"share", "sharer", "sharer.php", "intent", "share-post.g", "sharearticle"}
)


def _index_page(url: str) -> bool:
    """Whether a link goes to a page listing articles (an author's, a tag's: /author/jane-doe,
    /tag/war/), not to an article, by the first part of its path after a language's."""
    try:
        segments = [part for part in urllib.parse.urlsplit(url).path.lower().split("/") if part]
    except ValueError:
        return False
    if segments and len(segments[0]) == 2 and segments[0].isalpha():  # /uk/, /en/, /ru/
        segments = segments[1:]
    if segments and segments[0] in _TAXONOMIES:  # /taxonomy/term/20, /category/blogs/report/
        return len(segments) <= 3
    if len(segments) == 1 and _TAXONOMY_NAMED.match(segments[0]):  # RIA's /location_Kharkov/
        return True
    if any(part in _SEARCH_PATHS for part in segments):  # a search's results: Bing's own links
        return True
    if segments and segments[0] in ("polls", "poll", "survey", "surveys"):  # beehiiv's votes
        return True
    return 1 <= len(segments) <= 2 and segments[0] in _INDEX_PATHS


def _sections(keys: Iterable[str]) -> set[str]:
    """The links among `keys` to a section of their site: of one or two parts of a path that
    begins others on the page (NBC's kicker "NBC News NOW", /now, over /now/video/…)."""
    paths: dict[tuple[str, tuple[str, ...]], str] = {}
    for key in keys:
        try:
            parts = urllib.parse.urlsplit(key)
        except ValueError:
            continue
        segments = tuple(part for part in parts.path.split("/") if part)
        if parts.hostname and segments:
            paths.setdefault((parts.hostname, segments), key)
    prefixes = {(host, segments[:n]) for host, segments in paths for n in range(1, len(segments))}
    return {
        key
        for (host, segments), key in paths.items()
        if len(segments) <= 2 and (host, segments) in prefixes
    }


SECTION_WORDS = 4  # a section's name, at most: "NBC News NOW", "2024 Election"
REPEATED_WORDS = 5  # an author's or a section's name shown on every item, at most


def _home_page(url: str) -> bool:
    """Whether a link goes to a site's home page (whatever its query says)."""
    try:
        return urllib.parse.urlsplit(url).path in ("", "/")
    except ValueError:
        return False


_INDEX = "a link to an outlet's home page or to a list of its articles, not to an article"


def _profile(url: str) -> bool:
    """Whether a link goes to a channel or profile on a social network ("t.me/liganet",
    "youtube.com/@hromadske"), not to one post of it ("t.me/liganet/41234")."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    segments = [segment for segment in parts.path.split("/") if segment]
    if len(segments) == 1 and segments[0].startswith("@"):  # medium.com/@name, any @handle
        return True
    if host not in _SOCIAL and not host.endswith(".whatsapp.com"):
        return False
    if segments[:1] in (["s"], ["channel"], ["c"], ["user"], ["company"], ["invite"]):
        segments = segments[1:]  # t.me/s/name, youtube.com/channel/id, linkedin.com/company/x
    return len(segments) <= 1 and not (host == "youtube.com" and parts.path == "/watch")


def _host(url: str) -> str:
    try:
        host = urllib.parse.urlsplit(url).hostname or ""
    except ValueError:
        return ""
    for prefix in ("www.", "m.", "amp.", "mobile."):
        host = host.removeprefix(prefix)
    return host


def match_source(url: str, sources: Mapping[str, str]) -> str:
    """Return the id of the source whose home page's host `url` is on, or "". Failing that,
    the one source on the same site (edition.cnn.com's for www.cnn.com), if only one is."""
    host = _host(url)
    if not host:
        return ""
    best = ""
    best_fit = (0, 0)  # the longest host, then the longest path of the home page it is under
    path = urllib.parse.urlsplit(url).path
    for source_id, home in sorted(sources.items()):
        home_host = _host(home)
        on_site = home_host and (host == home_host or host.endswith("." + home_host))
        home_path = urllib.parse.urlsplit(home).path.rstrip("/")
        under = not home_path or path == home_path or path.startswith(home_path + "/")
        fit = (len(home_host), len(home_path) if under else -1)
        if on_site and fit > best_fit:
            best, best_fit = source_id, fit
    if not best:
        site = _site(host)
        same = [source_id for source_id, home in sources.items() if _site(_host(home)) == site]
        best = same[0] if len(same) == 1 else ""
    return best


# Second-level labels under which a country's sites are registered: bbc.co.uk, pravda.com.ua.
_UNDER_COUNTRY = frozenset({"co", "com", "org", "net", "gov", "edu", "ac", "in", "kiev", "kyiv"})


def _site(host: str) -> str:
    """The domain a host's site is registered as: "cnn.com" of "edition.cnn.com"."""
    labels = host.split(".")
    size = 3 if len(labels) >= 3 and labels[-2] in _UNDER_COUNTRY and len(labels[-1]) == 2 else 2
    return ".".join(labels[-size:])


# HTML ---------------------------------------------------------------------------------
#
# A page's listing is a run of items (cards): an <article>, <li> or <div> holding one
# headline's link (often wrapped around its heading), and around it the headline's time,
# a summary, a byline, a picture. An item is found from its headline link upwards: the
# largest element that holds no other headline's link and is not one of a run of like
# siblings. Its headline, and its date and time (a <time datetime>, or a line that is
# only a date or a time), make one entry; its other text is dropped and said so. Where a
# listing has two items or more, text outside them (menus, section headings, footers)
# is not taken for headlines; date lines between them still date what follows.

_BLOCKS = frozenset(
    {"p", "li", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "dt", "dd"}
    | {"ul", "ol", "dl", "table", "article", "section", "header", "footer", "aside", "main"}
    | {"blockquote", "figure", "figcaption", "time", "hr", "details", "summary", "address"}
)
# Never text of a listing: code, styles, menus, controls.
_SKIPPED = frozenset(
    {"script", "style", "template", "noscript", "svg", "head", "nav", "button", "select"}
    | {"iframe", "object", "canvas", "audio", "video", "map"}
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A page's own header and footer: outside the items of a listing, even their links are not
# headlines (the outlet's logo, "Privacy policy and cookies").
_CHROME = frozenset({"header", "footer"})
_SECTIONS = frozenset({"article", "aside", "nav", "section", "main"})
# What stands beside a page's listing: a sidebar (an <aside>, a block classed "sidebar",
# "most-read", "popular", "trending", WordPress's "widget-area", or headed "Most read",
# "Популярне"), a newsletter box, sponsored content, a donation or cookie banner. While a page has
# headlines outside them, those are the listing and their links are not headlines (a
# sidebar pasted alone is a listing, and read as one).
_SIDEBAR_CLASS = re.compile(
    r"sidebar|most-?read|most-?popular|most-?viewed|trending|widget-area"
    r"|(?<![a-z])(?:popular|side|aside|rail|promo|partners?|advert|ad)(?![a-z])"
    r"|newsletter|sponsored|donate|cookie|consent|didomi|onetrust|gdpr|outbrain|taboola"
    r"|(?<![a-z])ob-widget|membership|paywall"
    r"|(?<![a-z])(?:banner|alert-?(?:bar|line|strip)|breaking-?bar|live-?bar|ticker)(?![a-z])",
    re.IGNORECASE,
)
# A page's right-hand column, by its class: "container_sub_right", "right-column", "col-right".
_RIGHT_COLUMN = re.compile(  # and a left-hand one, the menu of old table layouts ("leftcol")
    r"(?<![a-z])(?:(?:right|left)[-_]?(?:col|column|side|part|block|menu)"
    r"|(?:col|column|sub)[-_]?(?:right|left))(?![a-z])",
    re.IGNORECASE,
)
_SIDEBAR_TITLE = re.compile(
    r"(?:the )?(?:most (?:read|popular|viewed|shared)|popular(?: now)?|trending(?: now)?"
    r"|найпопулярніше|популярне|найчитаніше|самое (?:читаемое|популярное)|популярное"
    r"|editor'?s'? (?:choice|picks)|вибір редакції|выбор редакции"
    r"|partner (?:news|content)|новини партнерів|новости партнеров|from our partners"
    r"|meistgelesen|meistgesehen|les plus lus|najczęściej czytane|najpopularniejsze"
    # a newsletter's own other issues under its post: Substack's, beehiiv's, LinkedIn's
    r"|ready for more\??|keep reading|read next|you (?:might|may) "
    r"also like|recommended(?: for you)?|related (?:posts|articles|stories)"
    r"|читайте також у розсилці|більше випусків|ещё выпуски|еще выпуски)"
    r"(?: [\w&-]+){0,2}\W*",  # "Most Read World", "Most read in Europe"
    re.IGNORECASE,
)
# A box of one link set in a listing: "ЧИТАЙТЕ ТАКОЖ" and one article (many under that
# title are the listing: the "Read also" footer of an outlet's page).
_ALSO_TITLE = re.compile(
    r"(?:read|see) also|also read|читайте також|дивіться також|читайте также|смотрите также",
    re.IGNORECASE,
)
_INLINE = frozenset(
    {"a", "span", "strong", "em", "b", "i", "u", "small", "mark", "font", "abbr", "cite", "q"}
)
_HTML = re.compile(r"<(a\s[^>]*href|li|p|div|ul|ol|br|h[1-6]|table|article)\b", re.IGNORECASE)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_PUBLISHED = ("datePublished", "dateCreated", "uploadDate")
# A class that marks an item's headline: "fc-item__headline", "card-title", "news__title".
_HEADLINE_CLASS = re.compile(
    r"(?i:(?<![a-z])(?:headline|title)(?![a-z])|(?:headline|title)-?text)"
    r"|[a-z](?:Headline|Title)$"  # "ssrcss-17zglt8-PromoHeadline"
)


@dataclass(frozen=True)
class _Line:
    """A line of a listing; from HTML, with what its page says of it."""

    number: int
    text: str
    link: str | None = None  # the URL the line's main link goes to ("": relative, no base)
    # Of an item (card): its date and time from the page's markup, its other lines.
    stamp: tuple[dt.date | None, dt.time | None] = (None, None)
    beside: tuple[tuple[int, str], ...] = ()
    item: bool = False
    outside: bool = False  # text outside the items of a listing of items
    heading: bool = False  # in a heading (<h1>-<h6>)
    date_text: str = ""  # a feed item's date in no standard form (`_feed_date_text`)
    dropped: str = ""  # why the line is no headline, when its page says so


def _lines(
    text: str, base: str = "", timezone: str | None = None
) -> tuple[list[_Line], list[Dropped]]:
    """Return the lines of a listing, and notes on what could not be read from its HTML."""
    text = normalise_text(text)
    if _SAVED_MAIL.match(text):  # a mail saved as a file (.eml): its HTML part, else its text
        body = _mail_body(text)
        if body is not None:
            lines, notes = _lines(body, base, timezone)
            return lines, [Dropped(1, "MIME-Version", _MAIL_PART), *notes]
    if _FEED.match(text):
        return _feed_lines(text, base, timezone)
    if text.lstrip().startswith(("{", "[")):
        found = _json_lines(text, base, timezone)
        if found is not None:
            return found
    if not _HTML.search(text):
        table = _table_lines(text)
        if table is not None:
            return table, []
        return _text_lines(text), []
    import lxml.html  # a tolerant HTML parser (libxml2): only imports take pasted pages
    from lxml import etree

    text = _XML_DECLARATION.sub("", _CONTROL.sub("", text.replace("\x0c", " ")), count=1)
    start = _CONTENT_START.search(text) if not _BODY.search(text) else None
    if start is not None:
        # No <body> (HTML5 lets it go unwritten; a fragment starting with a <style>): libxml2
        # would keep <header>, <main> and <article> in the <head>, which is never read.
        text = text[: start.start()] + "<body>" + text[start.start() :]
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):  # nothing but white space or comments
        return [], []
    if _is_telegram_export(root):
        return _telegram_lines(root, timezone)
    if "NETSCAPE-Bookmark-file" in text[:200]:
        return _bookmark_lines(root, base, timezone), []
    saved = _SAVED_FROM.search(text[:2000])  # "<!-- saved from url=(0046)https://… -->"
    base = _page_base(root) or base or (saved[1] if saved else "")
    _link_round_up(root)
    _link_attributed(root, base)
    reader = _HTMLListing(root, base, timezone)
    reader.read()
    listed = _structured_list(root, base, timezone)
    shown = {line.link for line in reader.lines if line.link}
    if len(listed) >= 2 and sum(line.link in shown for line in listed) * 2 < len(listed):
        # The page's list is only in its structured data (built in the browser): read that.
        note = Dropped(
            listed[0].number,
            '<script type="application/ld+json">',
            f"{len(listed)} headlines read from the page's structured data (its ItemList): "
            "the page as saved does not show its list",
        )
        return listed, [note]
    reader.notes.extend(_unrendered(root, reader.lines))
    firsts = {note.reason: note for note in reversed(reader.notes)}  # one of each kind
    return reader.lines, sorted(firsts.values(), key=reader.notes.index)


def _structured_list(root: Any, base: str, timezone: str | None) -> list[_Line]:
    """The articles of the page's schema.org ItemList in JSON-LD, as lines: each item's
    headline (or name), address and datePublished."""
    lines: list[_Line] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        graph = data if isinstance(data, list) else data.get("@graph", [data])
        for thing in graph if isinstance(graph, list) else []:
            if not isinstance(thing, dict) or thing.get("@type") != "ItemList":
                continue
            for element in thing.get("itemListElement") or []:
                item = element.get("item") if isinstance(element, dict) else None
                article = item if isinstance(item, dict) else element
                if not isinstance(article, dict):
                    continue
                title = article.get("headline") or article.get("name")
                address = article.get("url") or (item if isinstance(item, str) else None)
                if not isinstance(title, str) or not isinstance(address, str):
                    continue
                published = article.get("datePublished")
                stamp = _read_stamp(published, timezone) if isinstance(published, str) else None
                url = _absolute(address, base) or ""
                number = script.sourceline or 0
                lines.append(_Line(number, _collapse(title), url, stamp or (None, None), item=True))
    return lines


# The data a page's script builds its list from, in the browser (Next.js, Nuxt, a store).
_PAGE_DATA = (
    "__NEXT_DATA__",
    "__NUXT__",
    "__NUXT_DATA__",
    "__INITIAL_STATE__",
    "__PRELOADED_STATE__",
)
# An article's address in such data: a path of two parts or more, its last a slug or a number.
_DATA_ARTICLE = re.compile(
    r'"((?:https?:)?(?://[^/"\s]+)?/(?:[^"\s/]+/)+[^"\s/]*(?:\d|-[^"\s/]*-)[^"\s/]*/?)"'
)
_STATIC = re.compile(r"\.(?:js|css|png|jpe?g|gif|svg|webp|avif|woff2?|ico|json|mp4)(?:$|\?)", re.I)


def _unrendered(root: Any, lines: list[_Line]) -> list[Dropped]:
    """A note when a page's script data holds links to articles that its HTML, as saved,
    does not show: the page builds part of its list in the browser (a Next.js site saved
    before its list loaded), and those headlines are not imported."""
    shown = {urllib.parse.urlsplit(line.link).path.rstrip("/") for line in lines if line.link}
    for script in root.iter("script"):
        text = script.text or ""
        if script.get("id") not in _PAGE_DATA and not any(
            name in text[:200] for name in _PAGE_DATA
        ):
            continue
        paths = {
            urllib.parse.urlsplit(found).path.rstrip("/")
            for found in _DATA_ARTICLE.findall(text)
            if not _STATIC.search(found)
        }
        missing = paths - shown
        if len(missing) >= 2:
            return [
                Dropped(
                    script.sourceline or 0,
                    script.get("id") or "<script>",
                    f"{len(missing)} more links to articles are in the page's script data, "
                    "not in the page as saved (it builds its list in the browser): save the "
                    "page once its list has loaded, or import the outlet's feed",
                )
            ]
    return []


_BODY = re.compile(r"<body[\s>]", re.IGNORECASE)
_CONTENT_START = re.compile(
    r"<(?:header|main|article|section|div|ul|ol|nav|footer|aside|h[1-6]|p|table|a)[\s>]",
    re.IGNORECASE,
)


# The address a browser saved a page from, in the comment Chrome and Edge write at its top.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+)\s*-->")


def _page_base(root: Any) -> str:
    """The page's own address, when the paste holds it: <base>, canonical link, og:url."""
    for element, attribute in (
        *((e, "href") for e in root.iter("base")),
        *((e, "href") for e in root.iter("link") if "canonical" in (e.get("rel") or "").split()),
        *((e, "content") for e in root.iter("meta") if e.get("property") == "og:url"),
    ):
        value = (element.get(attribute) or "").strip()
        if value.startswith(("http://", "https://")):
            return value
    return ""


def _absolute(href: str, base: str) -> str | None:
    """The link's absolute http(s) URL; "" when it is relative and there is no base; None
    when it leads nowhere a reader could follow (#, mailto:, javascript:)."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    if href.startswith("//"):
        href = "https:" + href
    try:
        scheme = urllib.parse.urlsplit(href).scheme.lower()
        if scheme in ("http", "https"):
            return href if urllib.parse.urlsplit(href).hostname else None
        if scheme:
            return None
        if not base:
            return ""
        joined = urllib.parse.urljoin(base, href)
    except ValueError:  # "https://[::1": no address at all
        return None
    return joined if joined.startswith(("http://", "https://")) else None


def _collapse(text: str) -> str:
    # HTML collapses runs of ASCII white space; a non-breaking space stays as written.
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip(" ")


def _link_text(link: Any) -> str:
    """A link's text; for one with none, its label: a card's link laid over it, its
    headline shown beside (<a href="..." aria-label="Poland says it could..."></a>)."""
    return _collapse(link.text_content()) or _collapse(link.get("aria-label") or "")


# A date alone, as a day's heading shows it: "16 July 2024", "July 16, 2024", "Tuesday 16 July
# 2024", "16.07.2024".
_DATE_TEXT = re.compile(
    r"(?:[^\W\d]+,? )?(?:\d{1,2}(?:st|nd|rd|th)? [^\W\d]+\.?,? \d{4}"
    r"|[^\W\d]+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?: (?:р(?:оку|\.)?|г(?:ода|\.)?))?"  # "16 июля 2024 года"
)


# A link to a day's archive, named by its day: "Новини за 15 липня", "News for 14 July".
_ARCHIVE_LINK = re.compile(
    rf"(?:{_DATE_PREFIX.pattern}|[^\W\d]+, )"  # "Новини за 15 липня", "Вівторок, 16 липня"
    r"\d{1,2} [^\W\d]+\.?(?:,? \d{4})?(?: (?:р(?:оку|\.)?|г(?:ода|\.)?))?",
    re.IGNORECASE,
)


def _headline_like(text: str) -> bool:
    """Whether a link's text reads as a headline: three words or more ("&" is none), not
    "Read more"."""
    return sum(1 for word in text.split() if _WORD.search(word)) >= 3 and not _boilerplate(text)


class _HTMLListing:
    """Flatten a page into lines of text, each with its main link, items kept whole."""

    def __init__(
        self, root: Any, base: str, timezone: str | None, hidden: frozenset[str] | None = None
    ) -> None:
        self.root = root
        self.base = base
        self.timezone = timezone
        self.lines: list[_Line] = []
        self.notes: list[Dropped] = []
        self._pieces: list[tuple[str, str | None]] = []  # text, the link it is in
        self._number = 0  # the line the current line starts on
        self._started = False  # whether the current line has a word yet
        self._position = 1  # the source line reached so far
        self._link: str | None = None  # the link being read, when inside one
        self._heading = 0
        self._in_item = 0
        self._chrome = 0  # inside a page's header or footer
        self._sidebars: set[Any] = set()  # those beside the listing (`_find_sidebars`)
        self._aside = 0  # inside one of them: never the listing's, items or not
        self._in_card = False  # reading one item
        self._stamped: Any = None  # the item's element that gave its date and time
        self.cards: dict[Any, str] = {}  # item element -> its headline's link (a key)
        self.items: set[Any] = set()  # elements like the items beside them, without a link
        self.keys: set[str] = set()  # the links of headlines
        self._key_of: dict[Any, str] = {}  # each link's
        self._repeated: set[str] = set()  # links shown alike in many places: no headlines
        # classes a screen reader reads, nobody sees (an item's: its page's)
        self._hidden = _hidden_classes(root) if hidden is None else hidden
        # (left out of a headline's link; elsewhere read: Al Jazeera's date is only there)

    def read(self) -> None:
        self._find_sidebars()
        self._find_items()
        self._walk(self.root)
        self._flush()

    # Items ---------------------------------------------------------------------------

    def _skipped(self, element: Any) -> bool:
        tag = element.tag if isinstance(element.tag, str) else ""
        return (
            not tag
            or tag.lower() in _SKIPPED
            or element.get("hidden") is not None
            or element.get("aria-hidden") == "true"
            or _INVISIBLE.search((element.get("style") or "").replace(" ", "")) is not None
            or element.get("role") == "navigation"
            or any("duration" in (value or "").lower() for value in element.attrib.values())
        )

    def _chromed(self, element: Any) -> bool:
        """Whether the element is the page's own header or footer, or a sidebar beside its
        listing: outside the listing, even its links are not headlines."""
        return _page_chrome(element) or element in self._sidebars

    def _find_sidebars(self) -> None:
        """Find the page's sidebars, while headlines stand outside them."""
        sidebars = [element for element in self.root.iter() if _sidebar(element)]
        # Parts of the listing's cards are no sidebars, whatever their class says (BBC's
        # "promo-text" in each): a class on three of them or more is a card's.
        classes = collections.Counter((e.tag, e.get("class")) for e in sidebars)
        sidebars = [e for e in sidebars if e.tag == "aside" or classes[e.tag, e.get("class")] < 3]
        if not sidebars:
            return
        # A block that holds more than half the page's headlines is its listing, whatever its
        # class says ("layout-with-rail": the page's columns, the rail beside the listing).
        headlines = [link for link, _ in self._visible_links() if _headline_like(_link_text(link))]
        held = collections.Counter(
            ancestor for link in headlines for ancestor in link.iterancestors()
        )
        # (An <aside> is one by its tag, whatever it holds: a blog's archive of every post.)
        sidebars = [
            element
            for element in sidebars
            if element.tag == "aside" or 2 * held[element] <= len(headlines)
        ]
        self._sidebars = set(sidebars)
        outside = [
            link
            for link in headlines
            if not any(e in self._sidebars for e in (link, *link.iterancestors()))
        ]
        if len(outside) < 2:
            self._sidebars = set()  # the sidebar is the listing

    def _visible_links(self) -> list[tuple[Any, str]]:
        found = []
        for link in self.root.iter("a"):
            if any(self._skipped(e) or self._chromed(e) for e in (link, *link.iterancestors())):
                continue
            url = _absolute(link.get("href") or "", self.base)
            if url is None:
                continue
            # The article's address: its "#comments" and "#more-412733" are the article too.
            key = url.partition("#")[0] or "relative:" + (link.get("href") or "").strip()
            if url != key and _same_page(url, self.base):  # a post of this page: a live
                key = url  # blog's ("#post-2", Guardian's "?page=with:block-B1#block-B1")
            found.append((link, key))
        return found

    def _find_items(self) -> None:
        headlines = []
        links = self._visible_links()
        self._key_of = dict(links)
        sections = _sections(key for _, key in links)
        for link, key in links:
            url = _unwrapped(key) if not key.startswith("relative:") else ""
            if url and (
                _ARCHIVE_HOST.match(url) is not None  # the archive's own pages, not its copies
                or _SERVICE_PAGE.match(url) is not None  # Google Alerts' "Змінити це сповіщення"
                or (key in sections and len(_link_text(link).split()) <= SECTION_WORDS)
                or _home_page(url)
                or _profile(url)
                or _index_page(url)
                or _share_link(url)
                or _promotion(url)
                or _advert(url)
                or _ATTACHMENT.search(url) is not None
                or _TAG_REL.search(link.get("rel") or "")
                or _NAME_LINK.search(link.get("class") or "")
            ):
                self._repeated.add(key)  # like an author's link on every item: no article
                continue  # an outlet's home page, channel, author or tag: a name, no headline
            text = _link_text(link).strip("«»‹›<>←→ ")
            if _BYLINE.fullmatch(text):  # "Von Christoph Reuter": an author's page
                continue
            if _in_a_sentence(link, text):  # "…розповіли про <a>наслідки удару</a>."
                continue
            if ("#" in key and not _boilerplate(text)) or (
                _headline_like(text)
                and not _DATE_TEXT.fullmatch(text)
                and not _ARCHIVE_LINK.fullmatch(text)
            ):
                # (a day's heading linked to its page: no headline; a post's permalink, a
                # live blog's, is one whatever it shows: its time)
                headlines.append((link, key))
        headlines = self._without_links_in_posts(headlines)
        # A link of the same words to the same page in three places or more is an author's
        # or a section's ("Phillips P. OBrien" on every post of a Substack), not a headline.
        shown = collections.Counter((key, _link_text(link)) for link, key in headlines)
        self._repeated |= {
            key
            for (key, text), count in shown.items()
            if count >= 3 and len(text.split()) <= REPEATED_WORDS  # (a story shown thrice: one)
        }
        headlines = [(link, key) for link, key in headlines if key not in self._repeated]
        self.keys = {key for _, key in headlines}
        under: dict[Any, set[str]] = {}
        for link, key in headlines:
            for ancestor in link.iterancestors():
                under.setdefault(ancestor, set()).add(key)
        for link, key in headlines:
            node = link
            while True:
                parent = node.getparent()
                if parent is None or parent.tag in ("body", "html") or under[parent] != {key}:
                    break
                if self._one_of_a_run(node, key):
                    break
                node = parent
            if node.tag not in _INLINE or _holds_blocks(node):  # a card may be one <a>
                self.cards[node] = key
        if len(self.cards) < 2:
            self.cards.clear()  # one item is no listing of items: every line counts
            return
        # Each parent of items: the kinds of its items, a tag and its classes. A sibling of
        # that tag is an item too (one without a link: its text is the item's), unless both
        # are classed with no class in common: a block's heading above its items
        # (<div class="section_title"> over <div class="pub">s) is no item.
        kinds: dict[Any, list[tuple[str, set[str]]]] = {}
        for card in self.cards:
            kind = (card.tag, set((card.get("class") or "").split()))
            kinds.setdefault(card.getparent(), []).append(kind)
        for parent, seen in kinds.items():
            for child in parent:
                if child in self.cards:
                    continue
                classes = set((child.get("class") or "").split())
                linked = [self._key_of.get(link) for link in child.iter("a")]
                if linked and all(key in self._repeated for key in linked):
                    continue  # its links are an advert's, a promotion's, a name's
                if any(
                    tag == child.tag and (not (classes or others) or classes & others)
                    for tag, others in seen
                ):
                    self.items.add(child)

    def _without_links_in_posts(self, headlines: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
        """The headline links but those in a live blog's posts' text ("Read more: <a>", an
        article a post cites): a post is the largest element around its permalink (a link
        to a place on this page) that holds no other; a page of two posts or more."""
        permalinks = [(link, key) for link, key in headlines if _same_page(key, self.base)]
        if len({key for _, key in permalinks}) < 2:
            return headlines
        around: dict[Any, set[str]] = {}
        for link, key in permalinks:
            for ancestor in link.iterancestors():
                around.setdefault(ancestor, set()).add(key)
        posts = set()
        for link, key in permalinks:
            post = None
            for ancestor in link.iterancestors():
                if around[ancestor] != {key} or ancestor.tag in ("body", "html"):
                    break
                post = ancestor
            if post is not None:
                posts.add(post)
        return [
            (link, key)
            for link, key in headlines
            if (link, key) in permalinks or not any(a in posts for a in link.iterancestors())
        ]

    def _one_of_a_run(self, element: Any, key: str) -> bool:
        """Whether siblings of the same kind with text stand beside it, as items of a list
        do: the same element, of a class in common if classed (not an item's time and title
        in two <div>s), and not links to the same article (its picture, its "Read more").
        Siblings without a link are items of the run only beside one that links elsewhere:
        alone, they are the fields of one item (Drupal's <div class="views-field">s: its
        title, author, date and teaser)."""
        classes = set((element.get("class") or "").split())
        siblings = itertools.chain(element.itersiblings(preceding=True), element.itersiblings())
        for sibling in siblings:
            if sibling.tag != element.tag or not _WORD.search(sibling.text_content() or ""):
                continue
            others = set((sibling.get("class") or "").split())
            if (classes or others) and not classes & others:
                continue
            links = [sibling] if sibling.tag == "a" else list(sibling.iter("a"))
            if any(self._key_of.get(link, key) not in (key, *self._repeated) for link in links):
                return True
        return False

    # Walking -------------------------------------------------------------------------

    def _walk(self, element: Any) -> None:
        if self._link is not None and not self._hidden.isdisjoint(
            (element.get("class") or "").split() if isinstance(element.tag, str) else ()
        ):  # "<span class=visually-hidden>Відео, </span>" in a headline's link: no words of it
            self._add_tail(element)
            return
        if self._skipped(element) or element is self._stamped or _badge(element):
            if isinstance(element.tag, str) and self._skipped(element) and element.text_content():
                self._add(" ")  # "Jul 15<span aria-hidden>·</span>6 min read": two pieces
            self._add_tail(element)
            return
        if element in self.cards:
            self._flush()
            self._card(element, self.cards[element])
            self._add_tail(element)
            return
        tag = element.tag.lower()
        if tag == "br" and self._link is not None and self._continued(element):
            self._add(" ")  # "Title: <br>відео удару": one headline in its link
            self._add_tail(element)
            return
        if element.sourceline:
            self._position = element.sourceline
        # In an item, a link is a line, and so is an element classed as its date or time
        # (NV's <span class="date"> between the rubric and the count, with no space).
        block = tag in _BLOCKS or (self._in_card and (tag == "a" or _dated(element)))
        item = element in self.items
        if block or item:
            self._flush()
        self._heading += tag in _HEADINGS
        self._in_item += item
        chrome = _page_chrome(element)
        self._chrome += chrome
        aside = element in self._sidebars
        self._aside += aside
        outer = self._link
        if tag == "a":
            link = _absolute(element.get("href") or "", self.base)
            if self._key_of.get(element) in self._repeated:  # a name's link (an author's)
                link = None
            if not block and self._ends_a_headline(link, element):
                self._flush()  # links side by side, each a headline: a line each
            self._link = link
            if self._link == "" and _headline_like(_collapse(element.text_content())):
                self._relative_note(element.get("href") or "")
        self._add(element.text)
        for child in element:
            self._walk(child)
        self._link = outer
        if block or item:
            self._flush()
        self._heading -= tag in _HEADINGS
        self._in_item -= item
        self._chrome -= chrome
        self._aside -= aside
        self._add_tail(element)

    def _ends_a_headline(self, link: str | None, element: Any) -> bool:
        """Whether a link that reads as a headline follows another such link on the line
        (written side by side, they would be read as one headline with one of the links)."""
        if not link or not _headline_like(_collapse(element.text_content())):
            return False
        texts: dict[str, str] = {}
        for text, piece_link in self._pieces:
            if piece_link:
                texts[piece_link] = texts.get(piece_link, "") + text
        return link not in texts and any(_headline_like(_collapse(t)) for t in texts.values())

    def _add_tail(self, element: Any) -> None:
        self._add(element.tail)

    def _continued(self, br: Any) -> bool:
        """Whether a line break in a link splits one sentence (after ":", ",", a dash, or
        before a word in lower case), not a headline from its summary."""
        before = "".join(text for text, _ in self._pieces).rstrip()
        after = (br.tail or "").lstrip()
        if not after and br.getnext() is not None:
            after = _collapse(br.getnext().text_content())
        return bool(before) and (before[-1] in ":,–—-" or after[:1].islower())

    def _add(self, text: str | None) -> None:
        if not text:
            return
        if not self._started and text.strip():  # the line starts where its first word is
            self._number = self._position + text[: len(text) - len(text.lstrip())].count("\n")
            self._started = True
        self._position += text.count("\n")
        self._pieces.append((text, self._link or None))

    def _flush(self) -> None:
        """End the line: a line with a link ends where that link's text ends (what follows
        it on a page is the outlet's name or a rubric, not part of the headline)."""
        pieces, self._pieces, self._started = self._pieces, [], False
        weights: dict[str, int] = {}
        for text, link in pieces:
            if link:
                weights[link] = weights.get(link, 0) + len(text.strip())
        link = max(weights, key=lambda k: weights[k]) if weights else None  # first of equals
        if link is not None:
            last = max(i for i, (_, piece_link) in enumerate(pieces) if piece_link == link)
            pieces = pieces[: last + 1]
        text = _collapse("".join(text for text, _ in pieces))
        if not text.strip():
            return
        outside = self._aside > 0 or (
            bool(self.cards) and not self._in_item and (link not in self.keys or self._chrome > 0)
        )
        self.lines.append(
            _Line(self._number, text, link, outside=outside, heading=self._heading > 0)
        )

    def _card(self, element: Any, key: str) -> None:
        """Read one item: its headline line, its date and time, the rest of its text."""
        stamp, stamped = self._stamp(element)
        inner = _HTMLListing(element, self.base, self.timezone, self._hidden)
        inner._position = self._position
        inner._in_card, inner._stamped = True, stamped  # its text is the stamp's
        if element.tag == "a":  # an item that is one link: every line of it is in it
            inner._link = _absolute(element.get("href") or "", self.base)
        inner._walk_children(element)
        inner._flush()
        self._position = inner._position
        self.notes.extend(inner.notes)
        url = "" if key.startswith("relative:") else key
        candidates = [i for i, line in enumerate(inner.lines) if (line.link or "") == url]
        if url == "":
            candidates = [i for i in candidates if _headline_like(inner.lines[i].text)]
        # A permalink around its post's time ("19.05 BST", "1h ago") shows no headline.
        candidates = [i for i in candidates if not _time_only(inner.lines[i].text)]
        # Nor does the outlet's name over its title in one link (Google News: "The Guardian").
        site = _unwrapped(url)
        named = [i for i in candidates if _names_site(inner.lines[i].text, site, {})]
        candidates = [i for i in candidates if i not in named] or candidates
        if not candidates:
            self._hidden_link_item(element, inner.lines, url, stamp)
            return
        # The item's headline: the line holding its element classed as a headline or title
        # (not a kicker above it: "The Debate"), else a heading that reads as a headline, a
        # heading, a line of two words or more, the first.
        marked = self._marked_texts(element)
        preferences: tuple[Callable[[_Line], bool], ...] = (
            lambda line: any(text in line.text for text in marked),
            lambda line: line.heading and _headline_like(line.text),
            lambda line: line.heading,
            lambda line: len(line.text.split()) >= 2,
        )
        title = next(
            (i for prefer in preferences for i in candidates if prefer(inner.lines[i])),
            candidates[0],
        )
        line = inner.lines[title]
        beside = tuple((other.number, other.text) for other in inner.lines if other is not line)
        text = self._marked_headline(element, line.text) or line.text
        titled = _collapse(self._link_of(element, url).get("title") or "")
        if titled != text and text.endswith(titled) and _headline_like(titled):
            text = titled  # "CharkiwRussische Rakete ...": a kicker glued before the link's title
        self.lines.append(_Line(line.number, text, url, stamp, beside, item=True))

    def _hidden_link_item(
        self,
        element: Any,
        lines: list[_Line],
        url: str,
        stamp: tuple[dt.date | None, dt.time | None],
    ) -> None:
        """Read an item whose link shows no headline: a link laid over its card, its label
        naming the headline shown beside it; a live blog's permalink around its time, its
        heading beside it. Else (an image's link) each line of it for itself."""
        label = _collapse(self._link_of(element, url).get("aria-label") or "") if url else ""
        if _headline_like(label):
            marked = self._marked_texts(element)
            shown = next((i for i, line in enumerate(lines) if line.text == label), None)
            if shown is None:
                shown = next((i for i, line in enumerate(lines) if line.text in marked), None)
        else:
            shown = next(
                (
                    i
                    for i, line in enumerate(lines)
                    if line.heading and line.link in (None, url) and _headline_like(line.text)
                ),
                None,
            )
            if shown is None and _same_page(url, self.base):  # a live blog's untitled post
                reason = "a live blog's post without a heading of its own, not a headline"
                self.lines.extend(replace(line, outside=False, dropped=reason) for line in lines)
                return
            if shown is None:
                self.lines.extend(replace(line, outside=False) for line in lines)
                return
        number = lines[shown].number if shown is not None else self._position
        text = lines[shown].text if shown is not None else label
        beside = tuple((o.number, o.text) for i, o in enumerate(lines) if i != shown)
        self.lines.append(_Line(number, text, url, stamp, beside, item=True))

    def _link_of(self, element: Any, url: str) -> Any:
        """The item's link to its headline's article (the element itself if none is found)."""
        for link in element.iter("a"):
            if self._key_of.get(link) == url:
                return link
        return element

    def _marked_texts(self, element: Any) -> list[str]:
        """The texts of the item's elements classed as its headline or title that read as
        a headline."""
        texts = []
        for marked in element.iter():
            if not isinstance(marked.tag, str) or self._skipped(marked):
                continue
            if any(_HEADLINE_CLASS.search(name) for name in (marked.get("class") or "").split()):
                text = _collapse(marked.text_content())
                if _headline_like(text):
                    texts.append(text)
        return texts

    def _marked_headline(self, element: Any, line: str) -> str | None:
        """The text of the item's innermost element classed as its headline or title, when
        the line holds it with more (a kicker in the link: "Live", "Exclusive")."""
        found = None
        for text in self._marked_texts(element):
            if text in line and (found is None or text in found):
                found = text  # a later (inner) one within the earlier
        return found if found != line else None

    def _walk_children(self, element: Any) -> None:
        if element.sourceline:
            self._position = element.sourceline
        self._heading += element.tag.lower() in _HEADINGS
        self._add(element.text)
        for child in element:
            self._walk(child)

    def _stamp(self, element: Any) -> tuple[tuple[dt.date | None, dt.time | None], Any]:
        """The item's date and time as its markup gives them, in the site's time zone, and
        the element that gives them (None when none does); a time that says it is an
        update's only when the item has no other."""
        updated: tuple[tuple[dt.date | None, dt.time | None], Any] | None = None
        for found in element.iter():
            if not isinstance(found.tag, str) or self._skipped(found):
                continue
            if found.tag == "time" and (found.get("datetime") or not _epoch_of(found)):
                value = found.get("datetime")
            elif found.get("itemprop") in _PUBLISHED or (
                found.tag == "abbr" and _MICROFORMAT_DATE.search(found.get("class") or "")
            ):  # (Blogger's <abbr class="published" title="2024-07-16T14:03:00+02:00">)
                value = found.get("content") or found.get("datetime")
                value = value or (found.get("title") if found.tag == "abbr" else None)
            elif _epoch_of(found):
                value = _epoch_stamp(next(found.get(n) for n in _EPOCH_STAMPS if found.get(n)))
                stamp = _read_stamp(value, self.timezone)
                if stamp is not None:  # an attribute, of an element that may hold the item
                    return stamp, None
                continue
            else:
                continue
            stamp = _read_stamp(value or "", self.timezone)
            if stamp is not None:
                if stamp[1] is None:  # a date alone: its text may say the time, "Jul 16, 9:47 PM"
                    clock = _CLOCK.search(_collapse(found.text_content()))
                    stamp = (stamp[0], _time(clock.group()) if clock else None)
                if _UPDATED.match(_collapse(found.text_content())):
                    updated = updated or (stamp, found)  # "Updated July 16, 6:41 p.m."
                    continue
                return stamp, found
        return updated or ((None, None), None)

    def _relative_note(self, href: str) -> None:
        self.notes.append(
            Dropped(
                self._position,
                href.strip(),
                "links relative to the page they were copied from are left out: give "
                "--source with the id of the outlet whose page it is to complete them",
            )
        )


_INVISIBLE = re.compile(r"display:none|visibility:hidden", re.IGNORECASE)


def _hidden_classes(root: Any) -> frozenset[str]:
    """The classes that hide an element from sight: the usual names of text for screen
    readers alone ("visually-hidden", "sr-only"), and those the page's own style sheets
    hide (display: none, or clipped to a pixel: BBC's "Відео, " before a title)."""
    hidden = set(_SCREEN_READER_CLASSES)
    for style in root.iter("style"):
        for selectors, rules in _CSS_RULE.findall(style.text or ""):
            rules = rules.replace(" ", "").lower()
            if _INVISIBLE.search(rules) or _CLIPPED.search(rules):
                hidden.update(_CLASS_SELECTOR.findall(selectors))
    return frozenset(hidden)


_SCREEN_READER_CLASSES = (
    "visually-hidden",
    "visuallyhidden",
    "sr-only",
    "screen-reader-text",
    "screen-reader-only",
    "element-invisible",
    "a11y-hidden",
    "u-visually-hidden",
    "is-visually-hidden",
)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLIPPED = re.compile(r"clip:rect\(|clip-path:inset\(")
_CLASS_SELECTOR = re.compile(r"(?:^|,)\s*\.([\w-]+)\s*(?=,|$)")  # ".vh", not ".a .b" or ".a:hover"

# An element that holds an item's date or time, by its class: "date", "news__time",
# "Timestamp-template", "published".
_DATE_CLASS = re.compile(
    r"(?:^|[-_])(?:date|time|datetime|timestamp|published|pubdate)(?:$|[-_])", re.IGNORECASE
)


def _dated(element: Any) -> bool:
    return any(_DATE_CLASS.search(name) for name in (element.get("class") or "").split())


# A badge in a headline: <span class="newsfeed__label">ВІДЕО</span>, "nv-premium-badge".
_BADGE_CLASS = re.compile(
    r"(?i:(?:^|[-_])(?:label|badge|kicker|flag|mark)(?:$|[-_]))|[a-z](?:Label|Badge|Kicker|Flag)$"
)  # "newsfeed__label", "nv-premium-badge", "fig-live-mark", CSS modules' "...-LiveLabel"


def _badge(element: Any) -> bool:
    """Whether the element is a badge of a few words beside a headline in its link ("ФОТО",
    "Premium", "Ексклюзив NV"): not part of the headline. (One outside the link is a line
    of its own, and dropped as one.)"""
    if not isinstance(element.tag, str) or element.tag not in _INLINE or element.tag == "a":
        return False
    if not any(ancestor.tag == "a" for ancestor in element.iterancestors()):
        return False
    text = _collapse(element.text_content())
    classed = any(_BADGE_CLASS.search(name) for name in (element.get("class") or "").split())
    if not classed and not (_MEDIA_MARK.fullmatch(text) and _ends_its_link(element)):
        return False
    parent = element.getparent()
    if parent is None or not text or len(text.split()) > 3:
        return False
    rest = _collapse(parent.text_content()).replace(text, "", 1)
    return _headline_like(rest)


# What a headline's link may end with, unclassed, to say what the article holds:
# <a>Title <em>ФОТО</em></a>. In capitals only; one or two, "ФОТО, ВІДЕО".
_MEDIA_WORD = (
    r"(?:ФОТО|ВІДЕО|ВИДЕО|АУДІО|АУДИО|ІНФОГРАФІКА|ИНФОГРАФИКА|ОНОВЛЕНО|ОБНОВЛЕНО|ОНЛАЙН"
    r"|ДОКУМЕНТ|КАРТА|PHOTOS?|VIDEO|AUDIO|INFOGRAPHIC|UPDATED|LIVE|MAP)"
)
_MEDIA_MARK = re.compile(rf"\(?{_MEDIA_WORD}(?:\s*(?:[,/+&]|І|И|ТА|AND)?\s*{_MEDIA_WORD})?\)?")


_MEDIA_END = re.compile(rf"(?:\s+[-–—|:])?\s+{_MEDIA_MARK.pattern}$")  # "Title – LIVE" too


def _ends_its_link(element: Any) -> bool:
    """Whether nothing but white space follows the element in the link it is in."""
    for node in (element, *element.iterancestors()):
        if node.tag == "a":
            return True
        if (node.tail or "").strip() or any(isinstance(e.tag, str) for e in node.itersiblings()):
            return False
    return False


def _sidebar(element: Any) -> bool:
    """Whether the element is a sidebar of a page (_SIDEBAR_CLASS, _SIDEBAR_TITLE)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "aside":
        return True
    # The page itself is none, whatever its classes say (Drupal's <body class="one-sidebar
    # sidebar-second">: a page that has a sidebar).
    if not tag or tag in _INLINE or tag in _HEADINGS or tag in ("html", "body", "main"):
        return False
    names = (
        f"{element.get('class') or ''} {element.get('id') or ''} {element.get('aria-label') or ''}"
        f" {element.get('data-area') or ''}"  # Spiegel's data-area="newsletter_box"
    )
    if _SIDEBAR_CLASS.search(names) or _RIGHT_COLUMN.search(names):
        return True
    first = _first_child(element)
    if first is not None and first.tag not in _HEADINGS and len(first) == 1:
        first = _first_child(first)  # a heading in a wrapper: <div class="title"><h2>
    if first is None or not (
        first.tag in _HEADINGS or _TITLE_CLASS.search(first.get("class") or "")
    ):
        return False  # a heading, or a block classed as a title: "side-block__title"
    title = _collapse(first.text_content()).rstrip(":").strip()
    if _SIDEBAR_TITLE.fullmatch(title):
        return True
    links = [link for link in element.iter("a") if _headline_like(_collapse(link.text_content()))]
    return _ALSO_TITLE.fullmatch(title) is not None and len(links) == 1


# A block's title by its class: "side-block__title", "read-also__title", "section-heading".
_TITLE_CLASS = re.compile(r"(?:^|[-_\s])(?:title|heading|header|head)(?:$|[-_\s])", re.IGNORECASE)


def _holds_blocks(element: Any) -> bool:
    """Whether an inline element holds block elements (a link around a whole card)."""
    return any(isinstance(e.tag, str) and e.tag in _BLOCKS for e in element.iterdescendants())


def _first_child(element: Any) -> Any:
    """The element's first child element, if any."""
    return next((child for child in element if isinstance(child.tag, str)), None)


def _page_chrome(element: Any) -> bool:
    """Whether the element is the page's own header or footer (not an article's): a
    <header> or <footer>, or a block classed as the page's footer ("footer", "site-footer",
    "footer_menu")."""
    footer = element.tag in _BLOCKS and any(
        _FOOTER_CLASS.match(name) for name in (element.get("class") or "").split()
    )
    return (element.tag in _CHROME or footer) and not any(
        ancestor.tag in _SECTIONS for ancestor in element.iterancestors()
    )


_FOOTER_CLASS = re.compile(r"(?:(?:site|page|main|global|l)[-_]+)?footer(?:$|[-_])", re.I)


# Attributes in which pages give an item's moment as seconds or milliseconds since 1970
# (AP News: <bsp-timestamp data-timestamp="1721123232000">).
_EPOCH_STAMPS = (
    "data-timestamp",
    "data-posted-date-timestamp",
    "data-published-timestamp",
    "data-time",  # Bloomberg's <time data-time="1721160720">
    "data-time-ms",
    "data-published",
    "data-date",
    "add_date",  # a browser's bookmarks file (Raindrop, Firefox, Chrome): when it was saved
    "time_added",  # Pocket's export
)


def _epoch_of(element: Any) -> bool:
    """Whether an element gives a moment as seconds or milliseconds (_EPOCH_STAMPS)."""
    return any(element.get(name) for name in _EPOCH_STAMPS)


def _epoch_stamp(value: str) -> str:
    """An epoch time in seconds or milliseconds as ISO 8601 in UTC ("" if it is none)."""
    value = value.strip()
    if not value.isdigit() or len(value) not in (10, 13):  # 2001 to 2286
        return ""
    seconds = int(value) / (1000 if len(value) == 13 else 1)
    return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat()


def _read_stamp(value: str, timezone: str | None) -> tuple[dt.date, dt.time | None] | None:
    """Read an ISO 8601 date or date and time (a <time datetime>): the date, and the time
    when given, in `timezone` when the value says its offset."""
    value = value.strip()
    if not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return None
    value = re.sub(r"(\.\d{6})\d+", r"\1", value)  # "17:22:00.0000000" (.NET's seven digits)
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(value) <= 10:
        return moment.date(), None
    return _local(moment, timezone)


def _local(moment: dt.datetime, timezone: str | None) -> tuple[dt.date, dt.time]:
    """A moment's date and time (to the minute) in `timezone`, when it says its offset."""
    if moment.tzinfo is not None and timezone:
        with contextlib.suppress(zoneinfo.ZoneInfoNotFoundError, ValueError):
            moment = moment.astimezone(zoneinfo.ZoneInfo(timezone))
    return moment.date(), moment.time().replace(second=0, microsecond=0, tzinfo=None)


# Telegram ------------------------------------------------------------------------------
#
# A channel's history as Telegram Desktop exports it ("Export chat history", HTML): each
# message a <div class="message default">, its moment in the title of its date
# ("16.07.2024 21:15:07 UTC+03:00"), its text in <div class="text">: the first line is its
# headline, the first link to an article in it is the headline's link.

_TELEGRAM_MOMENT = re.compile(
    r"(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})(?::\d{2})?(?: UTC([+-])(\d{2}):(\d{2}))?"
)


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def _is_telegram_export(root: Any) -> bool:
    """Whether the page is a chat history exported by Telegram Desktop."""
    return next(_messages(root), None) is not None


def _telegram_lines(root: Any, timezone: str | None) -> tuple[list[_Line], list[Dropped]]:
    """One line a message with a link to an article: its first line, that link and its
    moment; a note of the messages without one (alerts, announcements, forwards)."""
    lines: list[_Line] = []
    unlinked: list[Dropped] = []
    for message in _messages(root):
        body = next((e for e in message if "body" in _classes(e)), None)
        text = _message_text(body) if body is not None else None
        headline = _first_line(text) if text is not None else ""
        if text is None or not headline:
            continue  # a photo or sticker alone
        number = text.sourceline or message.sourceline or 0
        link = next((href for href in map(_href, text.iter("a")) if _article_link(href)), None)
        if link is None:
            reason = "a message with no link to an article: left out"
            unlinked.append(Dropped(number, headline, reason))
            continue
        lines.append(_Line(number, headline, link, _message_moment(body, timezone), item=True))
    return lines, unlinked[:1]


def _messages(root: Any) -> Iterator[Any]:
    """The messages of an exported chat history, oldest first (not its day lines)."""
    for history in root.find_class("history"):
        for message in history:
            if isinstance(message.tag, str) and {"message", "default"} <= _classes(message):
                yield message


def _href(link: Any) -> str:
    return (link.get("href") or "").strip()


def _article_link(href: str) -> bool:
    """Whether a message's link may be its article's: on the web, not Telegram's, nor a
    channel's or profile's."""
    if not href.startswith(("http://", "https://")) or _profile(href):
        return False
    return _host(href) not in ("t.me", "telegram.me")


def _message_moment(body: Any, timezone: str | None) -> tuple[dt.date | None, dt.time | None]:
    """A message's date and time, from the title of its date ("16.07.2024 21:15:07
    UTC+03:00"), in `timezone`."""
    dated = next((e for e in body if {"date", "details"} <= _classes(e)), None)
    found = (
        _TELEGRAM_MOMENT.match((dated.get("title") or "").strip()) if dated is not None else None
    )
    if found is None:
        return None, None
    day, month, year, hour, minute = (int(found[i]) for i in range(1, 6))
    offset = None
    if found[6]:
        minutes = int(found[7]) * 60 + int(found[8])
        offset = dt.timezone(dt.timedelta(minutes=minutes if found[6] == "+" else -minutes))
    try:
        return _local(dt.datetime(year, month, day, hour, minute, tzinfo=offset), timezone)
    except ValueError:
        return None, None


def _message_text(body: Any) -> Any:
    """A message's text: its own, else that of the message it forwards."""
    for part in body:
        if "text" in _classes(part):
            return part
    forwarded = next((part for part in body if "forwarded" in _classes(part)), None)
    return _message_text(forwarded) if forwarded is not None else None


def _first_line(element: Any) -> str:
    """The first line of a message's text, up to its first line break (<br>)."""
    marked = copy.deepcopy(element)
    for br in marked.iter("br"):
        br.tail = "\ue000" + (br.tail or "")  # a private-use character: no text has it
    lines = (_collapse(line) for line in marked.text_content().split("\ue000"))
    return next((line for line in lines if line), "")


# Feeds --------------------------------------------------------------------------------
#
# An outlet's RSS or Atom feed, saved, piped in or fetched (`digest import URL`): each
# item is a headline with its link and its time, read as XML that can reach nothing
# outside itself (no entities resolved, no network).

_FEED = re.compile(
    r"\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>|<\?[^>]*\?>)\s*)*"
    r"<(?:rss|feed|rdf:RDF|urlset)[\s>]",  # (and a news sitemap)
    re.DOTALL,
)


def _feed_lines(text: str, base: str, timezone: str | None) -> tuple[list[_Line], list[Dropped]]:
    """One line a feed item: its title, link, and date and time; a note of items with none."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, recover=True, remove_comments=True
    )
    data = _XML_DECLARATION.sub("", _CONTROL.sub("", text), count=1).encode("utf-8")
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return [], []
    if root is None:
        return [], []
    if etree.QName(root).localname == "urlset":
        return _sitemap_lines(root, timezone)
    lines, untitled = [], []
    for item in root.iter():
        if not isinstance(item.tag, str) or etree.QName(item).localname not in ("item", "entry"):
            continue
        parts = {  # the first of each name
            etree.QName(child).localname: child
            for child in reversed(item)
            if isinstance(child.tag, str)
        }
        title = parts.get("title")
        text = _feed_text(title) if title is not None else ""
        line = item.sourceline or 0
        permalink = None if text else _feed_link(item, base)
        post = _untitled_post(parts, permalink, base) if permalink else None
        if post is not None:  # a Mastodon or Bluesky account's feed: posts without titles
            text = post[0]
        if text:
            stamp, unread = _feed_stamp(parts, timezone)
            link = post[1] if post is not None else _feed_link(item, base)
            outlet = parts.get("source")  # an aggregator's item (Google News): its outlet
            if outlet is not None:
                text = _without_name(text, _collapse("".join(outlet.itertext())))
                link = _aggregated_article(link) if link else link
            lines.append(_Line(line, text, link, stamp, item=True, date_text=unread))
        else:
            name = etree.QName(item).localname
            untitled.append(Dropped(line, f"<{name}>", "a feed item with no title: left out"))
    return lines, untitled[:1]


def _sitemap_lines(root: Any, timezone: str | None) -> tuple[list[_Line], list[Dropped]]:
    """A news sitemap's articles (Google News's sitemap-news.xml): each <url>'s <loc>, its
    <news:title> and <news:publication_date>; a sitemap without titles gives none."""
    from lxml import etree

    lines, untitled = [], []
    for url in root:
        if not isinstance(url.tag, str) or etree.QName(url).localname != "url":
            continue
        found: dict[str, str] = {}  # the first of each name (not its picture's <image:loc>)
        for e in url.iter():
            if isinstance(e.tag, str):
                found.setdefault(etree.QName(e).localname, _collapse("".join(e.itertext())))
        loc, title = found.get("loc", ""), found.get("title", "")
        if not title or not _absolute(loc, ""):
            untitled.append(Dropped(url.sourceline or 0, loc or "<url>", _NO_TITLE_IN_SITEMAP))
            continue
        published = found.get("publication_date") or found.get("lastmod") or ""
        stamp = _read_stamp(published, timezone) if published else None
        lines.append(_Line(url.sourceline or 0, title, loc, stamp or (None, None), item=True))
    return lines, untitled[:1]


_NO_TITLE_IN_SITEMAP = "a sitemap's address without a title (no <news:title>): left out"


def _json_lines(
    text: str, base: str, timezone: str | None
) -> tuple[list[_Line], list[Dropped]] | None:
    """The lines of a JSON Feed (each item a headline: its title, url, date_published) or of
    a channel's history as Telegram Desktop exports it as JSON (result.json: each message
    with a link to an article a headline, as in its HTML export); None for other JSON."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    unknown = [Dropped(1, text.lstrip()[:1], _UNKNOWN_JSON)]
    if not isinstance(data, dict):
        return [], unknown
    lines: list[_Line] = []
    left: list[Dropped] = []
    at = _Positions(text)
    if str(data.get("version", "")).startswith("https://jsonfeed.org/version/"):
        home = data.get("home_page_url")
        page = home if isinstance(home, str) and _absolute(home, "") else base
        for item in data.get("items") or []:
            if not isinstance(item, dict):
                continue
            title = _collapse(str(item.get("title") or ""))
            number = at.line(str(item.get("id") or title))
            if not title:
                left.append(Dropped(number, "{item}", "a feed item with no title: left out"))
                continue
            link = next(
                (str(item[k]) for k in ("url", "external_url") if isinstance(item.get(k), str)),
                "",
            )
            published = item.get("date_published") or item.get("date_modified") or ""
            stamp = _read_stamp(published, timezone) if isinstance(published, str) else None
            address = _absolute(link, page) or ""
            lines.append(_Line(number, title, address, stamp or (None, None), item=True))
        return lines, left[:1]
    reader_items = data.get("items")
    if isinstance(reader_items, list) and str(data.get("id", "")).startswith(("user/", "feed/")):
        return _reader_lines(
            reader_items, at, timezone
        ), []  # Inoreader's, Feedly's (Google Reader's)
    messages = data.get("messages")
    if not isinstance(messages, list) or "type" not in data:
        return [], unknown
    for message in messages:
        if not isinstance(message, dict) or message.get("type") != "message":
            continue
        parts = message.get("text")
        parts = parts if isinstance(parts, list) else [parts or ""]
        words = "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in parts)
        headline = next((_collapse(line) for line in words.split("\n") if line.strip()), "")
        if not headline:
            continue  # a photo or sticker alone
        number = at.line(f'"id": {message.get("id")}')
        links = (
            str(p.get("href") or p.get("text") or "")
            for p in parts
            if isinstance(p, dict) and p.get("type") in ("link", "text_link")
        )
        article = next((href.strip() for href in links if _article_link(href.strip())), None)
        if article is None:
            reason = "a message with no link to an article: left out"
            left.append(Dropped(number, headline, reason))
            continue
        moment = _epoch_stamp(str(message.get("date_unixtime") or ""))
        stamp = _read_stamp(moment or str(message.get("date") or ""), timezone)
        lines.append(_Line(number, headline, article, stamp or (None, None), item=True))
    return lines, left[:1]


def _reader_lines(items: list[Any], at: _Positions, timezone: str | None) -> list[_Line]:
    """A feed reader's items in Google Reader's JSON (Inoreader's and Feedly's exports of
    starred or saved articles): each a headline, its canonical address, its publication."""
    lines = []
    for item in items:
        if not isinstance(item, dict):
            continue
        title = _collapse(html_unescape(str(item.get("title") or "")))
        links = [*(item.get("canonical") or []), *(item.get("alternate") or [])]
        url = next((str(k["href"]) for k in links if isinstance(k, dict) and k.get("href")), "")
        if not title or not url:
            continue
        moment = _epoch_stamp(str(item.get("published") or ""))
        stamp = _read_stamp(moment, timezone) if moment else None
        lines.append(_Line(at.line(title), title, url, stamp or (None, None), item=True))
    return lines


_UNKNOWN_JSON = (
    "JSON that is neither a JSON Feed, a feed reader's export nor a Telegram export "
    "(result.json): nothing was read; "
    "import the page, the feed or a copy of the list as text"
)


# A mail's headers, as a mail client saves a message (.eml): "From: ...", "Received: ...".
_SAVED_MAIL = re.compile(r"(?:[A-Za-z][\w-]*:[^\n]*\n(?:[ \t][^\n]*\n)*){2,}", re.ASCII)
_MAIL_PART = "a mail: its HTML part (else its text) was read, decoded; line numbers are that part's"


def _mail_body(text: str) -> str | None:
    """The HTML part of a saved mail (else its plain text), decoded (quoted-printable,
    base64, its charset); None for text that is no mail (no MIME-Version or Content-Type)."""
    import email
    import email.policy

    head = text.split("\n\n", 1)[0].lower()
    if "\nmime-version:" not in "\n" + head and "\ncontent-type:" not in "\n" + head:
        return None
    message = email.message_from_string(text, policy=email.policy.default)
    body = message.get_body(preferencelist=("html", "plain"))
    if body is None:
        return None
    try:
        content = body.get_content()
    except (LookupError, ValueError):  # an unknown charset, a broken part
        return None
    return content if isinstance(content, str) else None


def _link_round_up(root: Any) -> None:
    """Give each heading of a round-up the link of the short paragraph under it that sends
    the reader to the story ("Детальніше – <a>тут</a>.", "Read more <a>in our report</a>"),
    as if the heading were that link: where two headings or more of one article are so."""
    found = []
    for heading in root.iter("h2", "h3", "h4"):
        if heading.find(".//a") is not None or len(heading.text_content().split()) < 3:
            continue
        for sibling in heading.itersiblings():
            if not isinstance(sibling.tag, str) or sibling.tag in ("h1", "h2", "h3", "h4"):
                break
            links = sibling.findall(".//a[@href]")
            words = " ".join(sibling.text_content().split())
            if len(links) == 1 and len(words.split()) <= 15 and _MORE_AT.search(words):
                found.append((heading, links[0]))
                break
    parents = collections.Counter(heading.getparent() for heading, _ in found)
    for heading, link in found:
        if parents[heading.getparent()] < 2:
            continue
        anchor = heading.makeelement("a", {"href": link.get("href")})
        anchor.text, heading.text = heading.text, None
        anchor.extend(list(heading))
        heading.append(anchor)
        link.drop_tag()  # its words ("тут") stay, as text: no headline of their own


def _link_attributed(root: Any, base: str) -> None:
    """Give a headline written before its outlet's linked name ("Title — <a>The Insider</a>",
    as a newsletter credits its items) that link, as if the headline were linked."""
    for link in list(root.iter("a")):
        parent, text = link.getparent(), _collapse(link.text_content())
        url = _absolute(link.get("href") or "", base)
        if parent is None or not url or not _names_site(text, url, {}):
            continue
        before = _collapse(
            (link.getprevious().tail if link.getprevious() is not None else parent.text) or ""
        )
        words = _ATTRIBUTED.fullmatch(before)
        if words is None or not _headline_like(words[1]) or len(parent) > 1:
            continue  # (the headline's text alone before it, in its block: no other links)
        link.text, link.tail = words[1], (link.tail or "")
        for child in list(link):
            link.remove(child)
        if link.getprevious() is not None:
            link.getprevious().tail = ""
        else:
            parent.text = ""


_ATTRIBUTED = re.compile(r"(.+?)\s+[—–-]\s*")  # "Title — ", before the outlet's linked name


# Where a round-up sends its reader to the story.
_MORE_AT = re.compile(
    r"\b(?:детальніше|докладніше|подробнее|подробности|читайте|читати|дивіться|read more|"
    r"more details|full story|find out more)\b",
    re.IGNORECASE,
)


def _text_lines(text: str) -> list[_Line]:
    """The lines of a listing in text; a word a copied PDF hyphenated at a line's end is put
    together again ("на Покров-" / "ському напрямку"), on the first line's number."""
    lines: list[_Line] = []
    raw = text.split("\n")
    broken = any(  # whether lines were broken as a PDF's are (a word or a link across two)
        (_HYPHENATED.search(before) and after[:1].islower())
        or (_BROKEN_URL.search(before) and _URL_REST.fullmatch(after.strip()))
        for before, after in itertools.pairwise(raw)
    )
    for number, line in enumerate(raw, 1):
        last = lines[-1].text.rstrip() if lines else ""
        if _HYPHENATED.search(last) and not _URL_IN_TEXT.search(last) and line[:1].islower():
            lines[-1] = replace(lines[-1], text=last[:-1] + line)
            continue
        if (
            _BROKEN_URL.search(last)
            and _URL_REST.fullmatch(line.strip())
            and (last.endswith("-") or _PATH_REST.search(line.strip()))
        ):
            lines[-1] = replace(lines[-1], text=last + line.strip())  # "…zitknen-" / "nya-1.html"
            continue
        if broken and _WRAPPED_END.search(last) and _WRAPPED_REST.fullmatch(line.strip()):
            # "…зросла кількість поранених до" / "17": a title the PDF wrapped, no hyphen
            lines[-1] = replace(lines[-1], text=f"{last} {line.strip()}")
            continue
        lines.append(_Line(number, line))
    return lines


_HYPHENATED = re.compile(r"[^\W\d]-\s*$")  # "Покров-": a word broken at the line's end
_BROKEN_URL = re.compile(r"https?://\S+[-/]$")  # a link broken where it has a '-' or '/'
_PATH_REST = re.compile(r"/|\.(?:html?|php|aspx?)$|^[\d-]+$")  # "7465948/", not "Censor.NET"
# A line a PDF wrapped, in a copy whose lines were broken so: long, ending in a word (no stop),
# and the rest of it short, in lower case or a number ("до" / "17", "a Russian" / "missile").
_WRAPPED_END = re.compile(r"^(?!.*https?://).{45,}[^\W\d]$")
_WRAPPED_REST = re.compile(r"(?:\d+|[^\W\d_A-ZА-ЯЇІЄҐ][\w'’-]*)(?: [\w'’-]+){0,2}[.!?]?")
_URL_REST = re.compile(r"[A-Za-z0-9%._~/?#=&+-]*[./-][A-Za-z0-9%._~/?#=&+-]*")


def _bookmark_lines(root: Any, base: str, timezone: str | None) -> list[_Line]:
    """A browser's bookmarks file (Netscape's format, as Chrome, Firefox, Raindrop and Pocket
    export it): each bookmark a headline, on the day it was saved (ADD_DATE)."""
    lines = []
    for link in root.iter("a"):
        url = _absolute(link.get("href") or "", base)
        title = _collapse(link.text_content())
        if not url or not title:
            continue
        moment = _epoch_stamp(link.get("add_date") or link.get("time_added") or "")
        stamp = _read_stamp(moment, timezone) if moment else None  # its day, not its time:
        day = (stamp[0], None) if stamp else (None, None)  # when it was saved, not published
        lines.append(_Line(link.sourceline or 0, title, url, day, item=True))
    return lines


def _table_lines(text: str) -> list[_Line] | None:
    """A spreadsheet's rows, exported as CSV (commas, or semicolons as Excel writes them in
    Ukrainian) or copied as cells (tabs): each row with a link to an article a headline, its
    title the row's title column (by its header, else its longest text), its date and time
    those of the columns that hold them; None for text that is no such table."""
    rows_text = [line for line in text.split("\n") if line.strip()]
    if len(rows_text) < 2:
        return None
    delimiter = max("\t;,", key=lambda d: sum(line.count(d) for line in rows_text))
    if delimiter == "\t":  # cells copied or saved as TSV: a quote only around a whole cell
        rows = [[_unquoted(cell) for cell in line.split("\t")] for line in text.split("\n")]
    else:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    numbered = [(n, row) for n, row in enumerate(rows, 1) if any(cell.strip() for cell in row)]
    widths = collections.Counter(len(row) for _, row in numbered)
    width, count = widths.most_common(1)[0]
    linked = [n for n, row in numbered if any(_URL_IN_TEXT.fullmatch(c.strip()) for c in row)]
    if width < 2 or count * 5 < len(numbered) * 3 or len(linked) < 2:
        return None  # text, not a table of links
    header = numbered[0][1] if numbered[0][0] not in linked else []
    names = [normalise_word(cell).strip() for cell in header]
    body = [(n, row + [""] * (width - len(row))) for n, row in numbered if n in linked]

    def column(words: tuple[str, ...], test: Callable[[str], bool]) -> int | None:
        named = next((i for i, name in enumerate(names) if name.startswith(words)), None)
        if named is not None:
            return named
        scores = [sum(1 for _, row in body if test(row[i].strip())) for i in range(width)]
        best = max(range(width), key=lambda i: scores[i])
        return best if scores[best] * 2 > len(body) else None

    url = column(
        ("url", "link", "посилання", "ссылка", "лінк"), lambda c: bool(_URL_IN_TEXT.fullmatch(c))
    )
    date = column(_DATE_NAMES, lambda c: bool(_DATE_CELL.match(c)))
    # When it was saved, where the sheet has no publication date (or a row lacks it):
    # Raindrop's "created", Instapaper's "Timestamp", Airtable's "Created".
    saved = next(
        (i for i, name in enumerate(names) if name.startswith(_SAVED_NAMES) and i != date), None
    )
    date = date if date is not None or saved is None else saved
    time = column(("time", "час", "время"), lambda c: bool(_TIME_LINE.fullmatch(c)))
    taken = {url, date, time}
    title = next(
        (i for i, name in enumerate(names) if name.startswith(_TITLE_NAMES) and i not in taken),
        None,
    )
    if title is None:  # the longest text of the other columns
        others = [i for i in range(width) if i not in taken]
        title = max(others, key=lambda i: sum(len(row[i]) for _, row in body), default=None)
    if url is None or title is None:
        return None
    us = date is not None and any(  # 7/16/2024: a US sheet writes the month first
        (m := _US_DATE.match(row[date].strip())) and int(m[2]) > 12 for _, row in body
    )
    lines = []
    for number, row in numbered:
        row = row + [""] * (width - len(row))
        dated = date is not None and bool(row[date].strip())  # a row without a link: a draft
        first = bool(header) and number == numbered[0][0]
        if number not in linked and (first or not dated):
            # the header, a day's row ("ВІВТОРОК, 16 ЛИПНЯ"), a total ("Всього: 12")
            text = " ".join(cell.strip() for cell in row if cell.strip())
            lines.append(_Line(number, text, outside=True))
            continue
        stamp = row[date].strip() if date is not None else ""
        if not stamp and saved is not None:
            stamp = row[saved].strip()
        if _EPOCH_CELL.fullmatch(stamp):  # Unix seconds: 1721126472
            moment = dt.datetime.fromtimestamp(float(stamp), tz=dt.UTC)
            stamp = moment.isoformat()
        if us and (m := _US_DATE.match(stamp)):
            stamp = f"{m[3]}-{int(m[1]):02}-{int(m[2]):02}{stamp[m.end() :]}"
        clock = row[time].strip() if time is not None and time != date else ""
        link, headline = row[url].strip(), _collapse(row[title])  # (a row without one: a draft)
        link = link if _URL_IN_TEXT.fullmatch(link) else ""
        if stamp:
            lines.append(_Line(number, headline, link, item=True, date_text=f"{stamp} {clock}"))
        else:  # a time alone: on the day of the row above that names one
            lines.append(_Line(number, headline, link, (None, _time(clock)), item=True))
    return lines


_DATE_CELL = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")
_DATE_NAMES = ("date", "дата", "published", "опубліковано", "опубликовано", "pubdate")
_SAVED_NAMES = ("created", "timestamp", "time_added", "saved", "added", "створено", "создано")
_EPOCH_CELL = re.compile(r"1[5-9]\d{8}(?:\.\d+)?")  # seconds since 1970: 2017 to 2033


def _unquoted(cell: str) -> str:
    """A tab-separated cell's text: without the quotes around it, if it is quoted whole."""
    if len(cell) >= 2 and cell[0] == cell[-1] == '"' and '"' not in cell[1:-1].replace('""', ""):
        return cell[1:-1].replace('""', '"')
    return cell


_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_TITLE_NAMES = ("title", "headline", "заголовок", "назва", "name", "тема")


class _Positions:
    """Line numbers of strings in a text, found in order (JSON keeps none of its own)."""

    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0

    def line(self, value: str) -> int:
        found = -1
        for written in (
            value,
            json.dumps(value)[1:-1],
            json.dumps(value, ensure_ascii=False)[1:-1],
        ):
            found = self.text.find(written, self.at) if written else -1
            if found >= 0:
                break
        if found < 0:
            return 0
        self.at = found + 1
        return self.text.count("\n", 0, found) + 1


def _without_name(title: str, name: str) -> str:
    """A title without the outlet's name an aggregator ends it with ("... - Укрінформ")."""
    for separator in (" - ", " – ", " — ", " | "):
        if name and title.endswith(separator + name) and len(title) > len(separator + name):
            return title[: -len(separator + name)].rstrip()
    return title


def _unwrapped(url: str) -> str:
    """The address a mail's or a network's redirect link goes to: Outlook's Safe Links
    (`…safelinks.protection.outlook.com/?url=`), Google's (`google.com/url?q=`),
    Facebook's (`l.facebook.com/l.php?u=`), VK's (`away.php?to=`), Telegram's instant view
    (`t.me/iv?url=`); else the link as it is."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return url
    host = (parts.hostname or "").removeprefix("www.")
    names: tuple[str, ...]
    if encoded := _encoded_target(url):
        return encoded
    archived = _ARCHIVED.match(url)  # the Wayback Machine's, archive.today's copy of a page
    if archived is not None:
        return re.sub(r"^(https?:)/+", r"\1//", archived[1])
    if host == "substack.com" and parts.path.startswith("/redirect/"):
        return _token_target(parts.path.rsplit("/", 1)[-1]) or url
    if host == "r.search.yahoo.com" and "/RU=" in parts.path:
        target = urllib.parse.unquote(parts.path.split("/RU=", 1)[1].split("/", 1)[0])
        return target if _URL_IN_TEXT.fullmatch(target) else url
    if host == "duckduckgo.com" and parts.path.rstrip("/") == "/l":
        names = ("uddg",)
    elif host.endswith("safelinks.protection.outlook.com"):
        names = ("url",)
    elif re.fullmatch(r"google\.[a-z]{2,3}(?:\.[a-z]{2})?", host) and parts.path == "/url":
        names = ("q", "url")
    elif host in ("l.facebook.com", "lm.facebook.com", "l.instagram.com"):
        names = ("u",)
    elif host in ("vk.com", "away.vk.com", "m.vk.com") and parts.path == "/away.php":
        names = ("to",)
    elif host == "t.me" and parts.path == "/iv":
        names = ("url",)
    else:
        return url
    query = urllib.parse.parse_qs(parts.query)
    target = next((query[name][0] for name in names if query.get(name)), "")
    return target if target.startswith(("http://", "https://")) else url


# A mail service's own pages under what it sends: Google Alerts' settings and feedback.
_SERVICE_PAGE = re.compile(
    r"https?://(?:www\.)?google\.[a-z.]{2,6}/(?:alerts|preferences|settings)\b"
    r"|https?://(?:accounts|myaccount|support|policies)\.google\.[a-z.]{2,6}(?:[/?#]|$)",
    re.IGNORECASE,
)
_ARCHIVE_HOST = re.compile(
    r"https?://(?:web\.archive\.org|archive\.(?:ph|today|is|li|vn|md|fo)|archive\.org)(?:[/?#]|$)",
    re.IGNORECASE,
)
# A page's copy in a web archive, its links rewritten: web.archive.org/web/20240716183012/
# https://…, …/web/20240716183012id_/https://…, archive.ph/o/Xq7Lm/https://….
_ARCHIVED = re.compile(
    r"https?://(?:web\.archive\.org/web/\d{4,14}[a-z_]*|"
    r"archive\.(?:ph|today|is|li|vn|md|fo)/o/\w+)/(https?:/+\S+)",
    re.IGNORECASE,
)


def _token_target(token: str) -> str:
    """The address a signed token holds (Substack's redirect: a JWT whose payload's "e" is
    the link); "" if none."""
    parts = token.split(".")
    if len(parts) != 3:
        return ""
    try:
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return ""
    target = payload.get("e") or payload.get("url") if isinstance(payload, dict) else None
    return target if isinstance(target, str) and _URL_IN_TEXT.fullmatch(target) else ""


def _encoded_target(url: str) -> str:
    """The address a newsletter's click tracker holds, base64-encoded, as its link's last
    part (ConvertKit's click.convertkit-mail2.com/.../aHR0cHM6Ly9...); "" if none."""
    last = url.rstrip("/").rsplit("/", 1)[-1].split("?", 1)[0]
    if len(last) < 16 or not last.startswith("aHR0c"):  # base64 of "http"
        return ""
    try:
        target = base64.urlsafe_b64decode(last + "=" * (-len(last) % 4)).decode("utf-8")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return ""
    return target if _URL_IN_TEXT.fullmatch(target) else ""


def _aggregated_article(url: str) -> str:
    """The article a Google News link stands for, when its id holds the article's address
    (news.google.com/rss/articles/CBMi...: base64 of a record whose first field is the
    address); else the link as it is."""
    parts = urllib.parse.urlsplit(url)
    if parts.hostname != "news.google.com" or "/articles/" not in parts.path:
        return url
    token = parts.path.rsplit("/", 1)[-1]
    try:
        data = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (ValueError, binascii.Error):
        return url
    if not data.startswith(b"\x08\x13\x22"):
        return url
    size, at, shift = 0, 3, 0
    while at < len(data) and shift <= 14:  # a varint of one or two bytes: the length
        size |= (data[at] & 0x7F) << shift
        at, shift = at + 1, shift + 7
        if not data[at - 1] & 0x80:
            break
    try:
        article = data[at : at + size].decode("utf-8")
    except UnicodeDecodeError:
        return url
    found = _absolute(article, "")
    return found if found and len(article) == size and found == article else url


# Markup an RSS title may carry, escaped or in CDATA; other angle brackets are text ("<3").
_INLINE_TAG = re.compile(
    r"</?(?:a|b|i|u|em|strong|span|br|p|sup|sub|small|mark|q|cite|abbr|font)\b[^<>]*>",
    re.IGNORECASE,
)


def _feed_text(element: Any) -> str:
    """A feed title as text: Atom's type="html" (and RSS titles holding tags) unescaped."""
    text = "".join(element.itertext())
    if element.get("type") in ("html", "xhtml") or _INLINE_TAG.search(text):
        import lxml.html
        from lxml import etree

        with contextlib.suppress(etree.ParserError, ValueError):  # not HTML: the text as is
            text = lxml.html.fragment_fromstring(text, create_parent="div").text_content()
    return _collapse(html_unescape(text) if "&" in text else text)


def _untitled_post(parts: dict[str, Any], permalink: str, base: str) -> tuple[str, str] | None:
    """A feed item without a title, as social networks' feeds give their posts (Mastodon,
    Bluesky): its text's first paragraph as its headline, and the first link in it to an
    article elsewhere (else the post's own) as its link; None when it has no text."""
    body = next(
        (parts[k] for k in ("description", "encoded", "content", "summary") if k in parts), None
    )
    if body is None:
        return None
    import lxml.html
    from lxml import etree

    text = "".join(body.itertext())
    try:
        root = lxml.html.fragment_fromstring(text, create_parent="div")
    except (etree.ParserError, ValueError):
        return None
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = [child for child in root if isinstance(child.tag, str) and child.tag in _BLOCKS]
    lines = (
        _collapse(line) for block in blocks or [root] for line in block.text_content().split("\n")
    )
    headline = next((line for line in lines if line), "")
    headline = _split_link(headline)[0] or headline  # "Title https://...": the title
    if not headline:
        return None
    home = _host(permalink)
    links = (_absolute(_href(a), base) or "" for a in root.iter("a"))
    links = (
        url for url in links if _article_link(url) and _host(url) != home and not _index_page(url)
    )
    found = next(links, None)
    if found is None and root.find(".//a") is None:  # plain text (Bluesky): a link written in it
        found = next(iter(_URL_IN_TEXT.findall(text)), None)
    return headline, _url_end(found) if found else permalink


_URL_IN_TEXT = re.compile(_URL)


def _feed_link(item: Any, base: str) -> str | None:
    """An item's link: RSS <link> or permalink <guid>, Atom's alternate <link href>."""
    from lxml import etree

    for child in item:  # FeedBurner's own link goes through its (dead) proxy: its origLink
        if isinstance(child.tag, str) and etree.QName(child).localname == "origLink":
            original = _absolute((child.text or "").strip(), base)
            if original:
                return original
    for child in item:
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        if name == "link":
            href = child.get("href") if child.get("href") is not None else child.text
            if child.get("rel", "alternate") != "alternate" or not href:
                continue
        elif name == "guid" and child.get("isPermaLink", "true") != "false":
            href = child.text
        else:
            continue
        url = _absolute(href or "", child.base or base)
        if url:
            return url
    # RSS 1.0 names each item by its address (rdf:about), which is its link when it has none.
    about = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about") or ""
    return _absolute(about, base) if about.startswith(("http://", "https://")) else None


def _feed_stamp(
    parts: dict[str, Any], timezone: str | None
) -> tuple[tuple[dt.date | None, dt.time | None], str]:
    """An item's date and time: RSS <pubDate>, Dublin Core <dc:date>, Atom <published>
    or <updated>, in the site's time zone; with the first such text that is neither ISO
    8601 nor RFC 822 when none is ("Вт, 16 лип 2024 21:15:00 +0300": a feed made with its
    site's language), for the listing's own reading of dates (`_feed_date_text`)."""
    unread = ""
    for name in ("pubDate", "date", "published", "updated", "issued"):
        element = parts.get(name)
        value = (element.text or "").strip() if element is not None else ""
        if not value:
            continue
        stamp = _read_stamp(value, timezone)
        if stamp is not None:
            return stamp, ""
        with contextlib.suppress(TypeError, ValueError, IndexError):
            return _local(email.utils.parsedate_to_datetime(value), timezone), ""
        unread = unread or value
    return (None, None), unread


# The end of a feed's date that the listing's reading of dates does not take: seconds, and
# a numeric offset or a zone's letters after a time ("21:15:00 +0300", "21:15 EEST").
_FEED_DATE_END = re.compile(
    r"(?P<time>\d{1,2}:\d{2})(?::\d{2})?(?:\s*(?:(?P<sign>[+-])(?P<hours>\d{2}):?"
    r"(?P<minutes>\d{2})|(?P<zone>(?!AM\b|PM\b)[A-Z]{1,5})))?\s*$"
)


def _feed_date_text(
    state: _State, given: _Line, months: dict[str, int], weekdays: dict[str, int]
) -> tuple[dt.date | None, dt.time | None]:
    """Read a feed item's date as a listing's date line is read (other languages' months
    and weekdays); in the site's time zone when it gives an offset. A date that cannot be
    read leaves the item on the day it would go to, and is said so."""
    text = " ".join(given.date_text.split())
    if _ISO_TEXT.fullmatch(text):  # a spreadsheet's "2024-07-15T18:20:44.101Z" (Raindrop's)
        moment = _read_stamp(text, state.timezone)
        if moment is not None:
            return moment
    offset: dt.timezone | None = None
    end = _FEED_DATE_END.search(text)
    if end is not None:
        # Other zones' letters (EEST, MSK) and offsets of a day or more: the time as written.
        if end["sign"] and int(end["hours"]) < 24 and int(end["minutes"]) < 60:
            minutes = int(end["hours"]) * 60 + int(end["minutes"])
            offset = dt.timezone(dt.timedelta(minutes=minutes if end["sign"] == "+" else -minutes))
        elif end["zone"] in _UTC:
            offset = dt.UTC
        text = text[: end.start()] + end["time"]
    date, time = _date_time_line(text, months, weekdays, state, given.number) or (None, None)
    if date is not None:
        if time is not None and offset is not None:
            return _local(dt.datetime.combine(date, time, offset), state.timezone)
        return date, time
    if state.date == state.today:  # no item before it was dated
        where = f"goes to {state.date.isoformat()}, the day imported for (--date sets it)"
    else:
        where = f"goes with the item before it, to {state.date.isoformat()}"
    reason = f"a date that could not be read: the headline {where}"
    state.notes.append(Dropped(given.number, given.date_text, reason))
    return None, None


_UTC = frozenset({"GMT", "UTC", "UT", "Z"})


# Writing day files --------------------------------------------------------------------


def entry_yaml(entry: Entry, indent: str = "  ") -> list[str]:
    """Return the lines of one headline item, every string quoted so it reads back exactly."""
    lines = [
        f"{indent}- title: {yamlio.quote(entry.title)}",
        f"{indent}  url: {yamlio.quote(entry.url)}",
        f"{indent}  source: {_id(entry.source)}",
    ]
    if entry.time is not None:
        lines.append(f'{indent}  time: "{entry.time:%H:%M}"')
    return lines


def _id(value: str) -> str:
    """Write a source id as editors do (`source: espreso`), quoting what YAML would misread."""
    plain = re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", value)
    if plain and value not in ("yes", "no", "on", "off", "true", "false", "null", "y", "n"):
        return value
    return yamlio.quote(value)


def is_incomplete(entry: Entry) -> bool:
    """Tell whether an entry lacks its URL or source, which makes its day a draft."""
    return not entry.url or not entry.source


def render_day(date: dt.date, entries: tuple[Entry, ...], draft: bool) -> str:
    """Return the text of a new day file holding `entries`."""
    lines = ["---", f"date: {date.isoformat()}"]
    if draft:
        lines.append("draft: true")
    if entries:
        lines.append("headlines:")
        for entry in entries:
            lines.extend(entry_yaml(entry))
    else:
        lines.append("headlines: []")
    lines.append("---")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Merge:
    """What merging into an existing day did: its new text and what it skipped."""

    text: str
    added: tuple[Entry, ...]
    skipped: tuple[Dropped, ...]


_NOT_IN_PUBLISHED = (
    "it has no {lacks} and the day is not a draft, so it was not added; "
    "put its link in the listing, or mark the day draft: true and import again"
)
_NO_SOURCE_IN_PUBLISHED = (
    "its link is to {host}, the site of no source in content/sources.yaml, and the day is "
    "not a draft, so it was not added; add the outlet there (an id, with name: and url: "
    "https://{host}/) or give --source, and import again"
)


def site_of(url: str) -> str:
    """The host of a link."""
    try:
        return urllib.parse.urlsplit(url).hostname or url
    except ValueError:
        return url


class MergeError(ValueError):
    """The existing day's text cannot take new entries without being rewritten."""


def known_headlines(text: str) -> tuple[set[str], set[str], bool]:
    """Return the URLs, casefolded titles and the draft flag of an existing day's text."""
    split = split_front_matter("", normalise_text(text))
    if not isinstance(split, tuple):
        raise MergeError("it has no front matter between '---' lines")
    doc, _ = yamlio.load("", split[0])
    value = doc.value if doc is not None else None
    if not isinstance(value, dict):
        raise MergeError("its front matter could not be read; run digest check and fix it")
    urls: set[str] = set()
    titles: set[str] = set()
    items = value.get("headlines")
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            urls.add(str(item.get("url") or "").strip())
            titles.add(str(item.get("title") or "").strip().casefold())
    urls.discard("")
    return urls, titles, value.get("draft") is True


def merge_day(text: str, entries: tuple[Entry, ...]) -> Merge:
    """Append the entries that are new to an existing day's text, changing nothing else.

    New items go at the end of the `headlines:` list, as text, so the editor's comments,
    quoting and order stay as they were. A day that is not a draft takes no entry without
    a URL or source: that would either break it or, made a draft, unpublish it.
    """
    urls, titles, is_draft = known_headlines(text)
    added: list[Entry] = []
    skipped: list[Dropped] = []
    for entry in entries:
        if entry.url and entry.url in urls:
            skipped.append(Dropped(entry.line, entry.title, "its link is already on the day"))
        elif entry.title.casefold() in titles:
            skipped.append(Dropped(entry.line, entry.title, "its headline is already on the day"))
        elif not is_draft and is_incomplete(entry):
            if entry.url:  # its site is no source's
                reason = _NO_SOURCE_IN_PUBLISHED.format(host=site_of(entry.url))
            else:
                reason = _NOT_IN_PUBLISHED.format(
                    lacks="link" if entry.source else "link or source"
                )
            skipped.append(Dropped(entry.line, entry.title, reason))
        else:
            added.append(entry)
            urls.add(entry.url)
            titles.add(entry.title.casefold())
    if not added:
        return Merge(text, (), tuple(skipped))
    # CRLF only when every line ends so; in a file of mixed endings a line keeps its "\r".
    newline = "\r\n" if text.count("\r\n") == text.count("\n") > 0 else "\n"
    lines = text.split(newline)
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if close is None:
        raise MergeError("its front matter has no closing '---' line")
    start = next(
        (i for i in range(1, close) if re.match(r"headlines\s*:", lines[i])),
        None,
    )
    if start is None:
        raise MergeError("it has no 'headlines:' line in its front matter")
    after = lines[start].split(":", 1)[1].strip()
    if after.startswith("[") and after.rstrip().rstrip("]").strip("[ ") == "":
        lines[start] = "headlines:"
        end, indent = start, "  "
    elif after and not after.startswith("#"):
        raise MergeError(
            "its headlines are written as a flow list on one line; "
            "write them as a block list ('- title: ...' lines) to merge into it"
        )
    else:
        end, indent = start, ""
        for i in range(start + 1, close):
            line = lines[i]
            if line.strip() and not line[0].isspace() and not line.startswith("-"):
                break  # the next top-level key
            if line.strip() and not line.lstrip().startswith("#"):
                end = i
                if not indent and line.lstrip().startswith("- "):
                    indent = line[: len(line) - len(line.lstrip())] or "\0"
        indent = "" if indent == "\0" else indent or "  "
    new_lines = [line for entry in added for line in entry_yaml(entry, indent)]
    lines[end + 1 : end + 1] = new_lines
    return Merge(newline.join(lines), tuple(added), tuple(skipped))
