"""What reading a listing makes: entries, days, dropped lines, and the state of the walk.

Frozen values for what `parse_listing` returns (`Entry`, `ImportedDay`, `Dropped`,
`Listing`), the `Line` every kind of input is made into before it is walked, and `State`,
what the walk has seen so far, which the date readers consult and update (a year line
waiting for its day, notes for the editor).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    """One headline found in a listing, with the line it was on."""

    line: int
    title: str
    url: str  # "" when the listing gave none
    source: str  # a sources.yaml id; "" when none matched
    time: dt.time | None = None
    language: str | None = None  # of the title, when not the site's (importdays.title_language)


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
class State:
    """What parsing has seen so far: the day being filled and a time waiting for its line."""

    date: dt.date
    anchor: dt.date  # the date a year-less day line is put nearest to
    today: dt.date  # the day the listing is imported for: "today" in it
    now: dt.datetime | None = None  # when it was copied: "3 hours ago" in it
    timezone: str | None = None  # the site's: times given with their offset are read in it
    assumed: str | None = None  # the zone of the page's country: its times without one
    year: int | None = None  # from a "2024, Saturday" line, for the next day line
    weekday: tuple[int, int, str] | None = None  # (line, weekday, text) of that line
    time: dt.time | None = None
    days: dict[dt.date, list[Entry]] = field(default_factory=dict)
    dropped: list[Dropped] = field(default_factory=list)
    notes: list[Dropped] = field(default_factory=list)
    last: Entry | None = None  # the previous line's entry, which a bare URL line completes
    below: set[int] = field(default_factory=set)  # entries' lines under their links' lines
    anchored: set[int] = field(default_factory=set)  # entries' lines, "Title <https://…>"
    advert: int = 0  # the line of an advertisement's label ("Реклама"): the next is the ad
    # Lines under such a label in a listing whose times follow their headlines: an ad, unless
    # a time follows it (an empty ad slot's label, then a headline)
    under_advert: set[int] = field(default_factory=set)
    dated_items: set[int] = field(default_factory=set)  # items that give their date or time
    # The item's date is its time's, moved across midnight from the page's zone: not a day
    # the items after it are of ("23:15" in Zagreb under "15. srpnja" is 00:15 on the 16th)
    moved_day: bool = False
    # The day of `time` where its zone moved it past midnight (a time alone on its line,
    # "23:41 Uhr" in Berlin), for the headline under it alone.
    time_day: dt.date | None = None
    yesterday_evening: bool = False  # the day being filled is yesterday's, by its evening
    stamp_line: int = 0  # the last line whose time went to the headline above it
    moments: list[tuple[dt.date, dt.time]] = field(default_factory=list)  # lines' own, in order
    trailing: bool | None = None  # whether times follow their headlines (None: none seen)
    # What the blocks of a copy's lines say of that (importpasses.stamp_direction), taken
    # at its first time.
    blocks_trailing: bool | None = None
    dates_follow: bool = False  # a date alone after each headline (alternating_stamps)
    time_line: int = 0  # the line of the time alone that the next headline takes, if any
    age_over: bool = False  # an age heads the next headline (no time: counted from --date)
    source_over: str = ""  # the source a heading moment's line names, for the next headline
    timed_blocks: set[int] = field(default_factory=set)  # their first lines' numbers
    under_titles: set[int] = field(default_factory=set)  # lines under a timed block's title
    stamped: set[int] = field(default_factory=set)  # entries' lines dated by a line of theirs
    credited: bool = False  # a byline followed the last entry ("BY TOM BALMFORTH")
    preview: Entry | None = None  # the entry whose link's preview (its site's name) came last
    # Lines that are a link's site under its preview's title and description, above the
    # words the link was shared with and the link (a WhatsApp channel's post copied), and the
    # entry of such a preview's title while those words come.
    sites_above: frozenset[int] = frozenset()
    shared: Entry | None = None
    # Lines whose outlet named after their headline gave their source, as written: a link
    # below to another outlet's article keeps the name ("Title – Bloomberg" on epravda's).
    named: dict[int, str] = field(default_factory=dict)
    header: int = 0  # the line of the last handle or "·" of a post's header (X, Bluesky)
    side: int = 0  # the line of a side block's heading, in a page copied as text
    day_line: int = 0  # the line of the last date or time alone
    outline_block: bool = False  # inside an outliner's "#+BEGIN_QUERY" … "#+END_QUERY"
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


@dataclass(frozen=True)
class Line:
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
    date_text: str = ""  # a feed item's date in no standard form (`feed_date_text`)
    dropped: str = ""  # why the line is no headline, when its page says so
