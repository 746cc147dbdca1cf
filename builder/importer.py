"""Turning a pasted listing of headlines into days: pure functions on strings.

Editors paste what outlets show: the "Read also" footer of a page (a `2024, Saturday` line,
a `22 June` line, then one headline a line), a Telegram channel, a newsletter, a Markdown
list or HTML copied from a page. `parse_listing` reads any of these into dated entries and
says which lines it dropped and why; `render_day` writes a new day file's text and
`merge_day` appends entries to an existing day's text without touching what is there.
Headline text is kept exactly as pasted; only the white space around it is trimmed.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser

from . import yamlio
from .i18n import month_numbers, normalise_word, weekday_numbers
from .reader import normalise_text, split_front_matter

LANGUAGES = ("en", "uk")

_BULLET = re.compile(r"^(?:[•·▪●◦‣∙►▶➤→\-*–—+]|\d{1,3}[.)]|#{1,6})\s+")
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?:\s*([AaPp])\.?\s?[Mm]\.?)?")
_TIME_LINE = re.compile(_TIME.pattern + r"\s*[-–—|:•]?")
_TIME_PREFIX = re.compile(r"^" + _TIME.pattern + r"(?:\s*[-–—|•]\s*|\s+)(?=\S)")
_URL = r"https?://[^\s<>()\[\]]+(?:\([^\s()]*\)[^\s<>()\[\]]*)*"
_URL_LINE = re.compile(r"<?(" + _URL + r")>?")
_URL_AT_END = re.compile(r"\s*(?:[-–—|:•]\s*)?[(<]?(" + _URL + r")[)>]?$")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*\)")
_WORD = re.compile(r"\w")
# Lines outlets put around their lists: section headings, navigation, calls to action.
BOILERPLATE = frozenset(
    {
        "read also",
        "read more",
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
        "advertisement",
        "subscribe",
        "share",
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
        "підписатися",
        "поділитися",
        "стрічка новин",
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
    year: int | None = None  # from a "2024, Saturday" line, for the next day line
    weekday: tuple[int, int, str] | None = None  # (line, weekday, text) of that line
    time: dt.time | None = None
    days: dict[dt.date, list[Entry]] = field(default_factory=dict)
    dropped: list[Dropped] = field(default_factory=list)
    notes: list[Dropped] = field(default_factory=list)
    last: Entry | None = None  # the previous line's entry, which a bare URL line completes


def parse_listing(
    text: str,
    default_date: dt.date,
    sources: Mapping[str, str] | None = None,
    default_source: str = "",
    languages: tuple[str, ...] = LANGUAGES,
) -> Listing:
    """Read a pasted listing; headlines before any date line go to `default_date`.

    `sources` maps source ids to their home page URLs: an entry's source is the one whose
    host its URL is on, else `default_source`.
    """
    months = month_numbers(languages)
    weekdays = weekday_numbers(languages)
    state = _State(date=default_date, anchor=default_date)
    for number, line, url in _lines(text):
        _take_line(state, number, line, url, months, weekdays, sources or {}, default_source)
    days = tuple(ImportedDay(date, tuple(entries)) for date, entries in state.days.items())
    return Listing(days, tuple(state.dropped), tuple(state.notes))


def _take_line(
    state: _State,
    number: int,
    raw: str,
    link: str | None,
    months: dict[str, int],
    weekdays: dict[str, int],
    sources: Mapping[str, str],
    default_source: str,
) -> None:
    line = raw.strip()
    if not line:
        return
    line = _BULLET.sub("", line, count=1).strip()
    simple = " ".join(line.split())
    last, state.last = state.last, None
    date_line = _date_line(simple, months, weekdays, state, number)
    if date_line is not None:
        state.date, state.anchor, state.time = date_line, date_line, None
        state.days.setdefault(date_line, [])
        return
    year_line = _year_line(simple, weekdays)
    if year_line is not None:
        state.year = year_line[0]
        state.weekday = (number, year_line[1], simple) if year_line[1] >= 0 else None
        return
    if _TIME_LINE.fullmatch(simple):
        state.time = _time(simple)
        return
    prefix = _TIME_PREFIX.match(line)
    time = state.time
    if prefix:
        time = _time(prefix.group())
        line = line[prefix.end() :].strip()
    url = link or ""
    if not url:
        line, url = _split_link(line)
    if not line:
        if url and last is not None and not last.url:
            _complete(state, last, url, sources, default_source)
            state.time = None
            return
        state.dropped.append(Dropped(number, raw.strip(), "a link with no headline before it"))
        return
    reason = _boilerplate(line)
    if reason:
        state.dropped.append(Dropped(number, raw.strip(), reason))
        return
    entries = state.days.setdefault(state.date, [])
    for other in entries:
        if (url and other.url == url) or other.title.casefold() == line.casefold():
            what = "link" if url and other.url == url else "headline"
            state.dropped.append(
                Dropped(number, raw.strip(), f"the same {what} as line {other.line}")
            )
            return
    entry = Entry(number, line, url, match_source(url, sources) or default_source, time)
    entries.append(entry)
    state.time = None
    state.last = entry


def _complete(
    state: _State, entry: Entry, url: str, sources: Mapping[str, str], default_source: str
) -> None:
    """Give the entry on the line before a bare URL line that URL."""
    entries = state.days[state.date]
    index = entries.index(entry)
    source = match_source(url, sources) or entry.source or default_source
    entries[index] = Entry(entry.line, entry.title, url, source, entry.time)


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
        return "", bare.group(1)
    end = _URL_AT_END.search(line)
    if end:
        return line[: end.start()].strip(), end.group(1)
    return line, ""


def _boilerplate(line: str) -> str:
    """Say why a line is not a headline, or return ""."""
    if not _WORD.search(line):
        return "no words: not a headline"
    key = " ".join(normalise_word(line).rstrip(":.…>»→ ").split())
    if key in BOILERPLATE:
        return "a section or navigation line, not a headline"
    words = line.split()
    letters = [c for c in line if c.isalpha()]
    if len(words) <= 3 and len(letters) >= 2 and all(c.isupper() for c in letters):
        return "a rubric line in capitals, not a headline"
    if line.endswith(":") and len(words) <= 4:
        return "a heading ending in ':', not a headline"
    return ""


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

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})(?: ?р(?:оку|\.)?)?")
_DAY_MONTH = re.compile(r"(\d{1,2}) ([^\W\d]+\.?)(?:,? (\d{4}))?(?: ?р(?:оку|\.)?)?")
_MONTH_DAY = re.compile(r"([^\W\d]+\.?) (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?")
_YEAR_WEEKDAY = re.compile(r"(\d{4}),? ([^\W\d][\w']*)")


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
    parts = _date_parts(text, months)
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
        return int(match[1]), int(match[2]), int(match[3])
    if match := _NUMERIC.fullmatch(text):
        first, second = int(match[1]), int(match[3])
        if match[2] == "/" and second > 12:  # 06/21/2024, as US pages write it
            first, second = second, first
        return int(match[4]), second, first
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


def _host(url: str) -> str:
    try:
        host = urllib.parse.urlsplit(url).hostname or ""
    except ValueError:
        return ""
    for prefix in ("www.", "m.", "amp.", "mobile."):
        host = host.removeprefix(prefix)
    return host


def match_source(url: str, sources: Mapping[str, str]) -> str:
    """Return the id of the source whose home page's host `url` is on, or ""."""
    host = _host(url)
    if not host:
        return ""
    best = ""
    best_host = ""
    for source_id, home in sorted(sources.items()):
        home_host = _host(home)
        on_site = home_host and (host == home_host or host.endswith("." + home_host))
        if on_site and len(home_host) > len(best_host):
            best, best_host = source_id, home_host
    return best


# HTML ---------------------------------------------------------------------------------

_BLOCKS = frozenset(
    {"p", "li", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "ul", "ol"}
    | {"table", "article", "section", "header", "footer", "blockquote", "figure", "time"}
)


class _HTMLLines(HTMLParser):
    """Flatten HTML into lines of text, each with its main (longest) absolute link.

    A line with a link ends where that link's text ends: what follows it on a page is the
    outlet's name or a rubric, not part of the headline.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str, str | None]] = []
        self._text: list[str] = []
        self._line = 0
        self._links: list[tuple[str, str, int, int]] = []  # (href, text, start, end)
        self._href: str | None = None
        self._anchor: list[str] = []
        self._start = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._skip += 1
        elif tag in _BLOCKS:
            self.flush()
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self._href = href.strip() if href.strip().startswith(("http://", "https://")) else ""
            self._anchor = []
            self._start = sum(len(part) for part in self._text)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.flush()
        elif tag == "a" and self._href is not None:
            if self._href:
                end = sum(len(part) for part in self._text)
                self._links.append((self._href, "".join(self._anchor), self._start, end))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if not self._text and data.strip():
            self._line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self._text.append(data)
        if self._href is not None:
            self._anchor.append(data)

    def flush(self) -> None:
        # HTML collapses runs of ASCII white space; a non-breaking space stays as written.
        raw = "".join(self._text)
        links = sorted(self._links, key=lambda link: -len(link[1].strip()))
        if links:
            raw = raw[: links[0][3]]
        text = re.sub(r"[ \t\n\r\f]+", " ", raw).strip(" ")
        if text.strip():
            self.lines.append((self._line, text, links[0][0] if links else None))
        self._text, self._links = [], []


_HTML = re.compile(r"<(a\s[^>]*href|li|p|div|ul|ol|br|h[1-6]|table)\b", re.IGNORECASE)


def _lines(text: str) -> list[tuple[int, str, str | None]]:
    """Return (line number, text, link or None) for each line of a listing."""
    text = normalise_text(text)
    if _HTML.search(text):
        parser = _HTMLLines()
        parser.feed(text)
        parser.close()
        parser.flush()
        return parser.lines
    return [(number, line, None) for number, line in enumerate(text.split("\n"), 1)]


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
    "it has no link or source and the day is not a draft, so it was not added; "
    "put its link in the listing, or mark the day draft: true and import again"
)


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
            skipped.append(Dropped(entry.line, entry.title, _NOT_IN_PUBLISHED))
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
