"""Plan the site: which pages and feeds exist, at which paths, with which data. Pure.

`plan_site(library)` returns page specs (url path, template, context) and feed specs
(url path, title, items); rendering and writing happen elsewhere. The URL of everything
comes from `urls`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import gettext
import itertools
import operator
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from . import charts, i18n, urls
from .collation import OTHER_INITIAL, initials, name_key
from .corrections import CorrectionEntry, list_corrections, sort_corrections
from .library import Library
from .model import Day, Headline, Story
from .planmemo import PlanMemo


def _n(msgid: str) -> str:
    """Mark a text for the catalogue (pybabel extract), to be translated where it is used."""
    return msgid


T = TypeVar("T")

# How many items the feeds carry: readers poll the newest; the site keeps the rest.
DAY_FEED_ITEMS = 20
HEADLINE_FEED_ITEMS = 100
LISTING_FEED_ITEMS = 50


@dataclass(frozen=True)
class FeedLink:
    """A feed a page links with <link rel="alternate">."""

    title: str
    url_path: str
    kind: str  # "rss", "atom" or "json"

    @property
    def media_type(self) -> str:
        return _MEDIA_TYPES[self.kind]


_MEDIA_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}


@dataclass(frozen=True)
class Pager:
    """Where a page stands in a paginated list."""

    number: int
    count: int
    previous_path: str | None
    next_path: str | None
    first_path: str


@dataclass(frozen=True)
class PageSpec:
    """One HTML (or text) page to render."""

    url_path: str
    template: str
    title: str
    description: str
    feeds: tuple[FeedLink, ...] = ()
    context: dict[str, Any] = field(default_factory=dict)
    in_sitemap: bool = True
    # The date the page last changed in what it says, where the plan knows it: the
    # sitemap's lastmod (a day's page: `last_modified`; a home or listing page: its newest
    # day's or headline's); None for the others.
    modified: dt.date | None = None


@dataclass(frozen=True)
class FeedSpec:
    """One feed, in both formats: its folder, what it is about and its items (newest first)."""

    id: str  # stable, independent of the URL scheme: "days", "tag:frontline", ...
    feed_folder: str  # where rss.xml and atom.xml go
    listing_path: str  # the page the feed follows (its rel="alternate")
    title: str
    description: str
    days: tuple[Day, ...] = ()
    headlines: tuple[Headline, ...] = ()

    def link(self, kind: str) -> FeedLink:
        name = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}[kind]
        path = (
            urls.json_feed(self.feed_folder)
            if kind == "json"
            else urls.feed(self.feed_folder, kind)
        )
        return FeedLink(f"{self.title} ({name})", path, kind)

    @property
    def links(self) -> tuple[FeedLink, ...]:
        """The feed in each format, as a page's <link rel="alternate"> names it."""
        return tuple(self.link(kind) for kind in (*urls.FEED_FORMATS, "json"))


def let_go_of_items(uses: dict[int, int], kept: dict[int, Any], feed: FeedSpec) -> None:
    """Count a feed's headlines off `uses` (how many feeds still to be written list each,
    by identity), and drop from `kept` (a feed writer's items, by the same identity) those
    of the headlines no feed still to be written lists."""
    for headline in feed.headlines:
        left = uses.get(id(headline), 1) - 1
        uses[id(headline)] = left
        if left <= 0:
            kept.pop(id(headline), None)


@dataclass(frozen=True)
class FeedRef:
    """A listing page's own feed, as the page names it (not its items: a page does not
    change when only its feed's items do)."""

    id: str
    feed_folder: str
    title: str


class DayGroup(NamedTuple):
    """Headlines of one day on a listing page (a tuple: a listing has thousands of them)."""

    day: Day
    headlines: tuple[Headline, ...]


@dataclass(frozen=True)
class ListingKind:
    folder: str  # "tags", "sources", "places", "stories"
    template: str
    index_template: str
    newest_first: bool


TAGS = ListingKind("tags", "tag.html", "tags.html", True)
SOURCES = ListingKind("sources", "source.html", "sources.html", True)
PLACES = ListingKind("places", "place.html", "places.html", True)
STORIES = ListingKind("stories", "story.html", "stories.html", False)


class Entry(NamedTuple):
    """One tag, source, place or story as its listing shows it."""

    slug: str
    subject: Any  # the Tag, Source, Place or Story
    title: str
    description: str
    headlines: tuple[Headline, ...]  # oldest first


@dataclass(frozen=True)
class SitePlan:
    pages: tuple[PageSpec, ...]
    feeds: tuple[FeedSpec, ...]


def chunk(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Split items into pages of `size`; an empty list still makes one (empty) page."""
    return [items[start : start + size] for start in range(0, len(items), size)] or [items[:0]]


def chunk_newest_first(newest: Sequence[T], size: int) -> list[Sequence[T]]:
    """Split a newest-first list into pages counted from its oldest end: every page but
    the first holds exactly `size` items, the first the newest `size` to `2 * size - 1`
    (or all, when there are fewer). So a new item changes the first page only, until it
    is twice the size and a page splits off: a digest grows at its newest end, and its
    older pages stay as they are (for readers' links and for incremental builds)."""
    count = max(1, len(newest) // size)
    first = len(newest) - (count - 1) * size
    return [
        newest[:first],
        *(newest[start : start + size] for start in range(first, len(newest), size)),
    ]


def plan_site(library: Library, memo: PlanMemo | None = None) -> SitePlan:
    """Plan every page and feed of the site (with `memo`, reusing what did not change)."""
    memo = memo or PlanMemo()
    memo.start(library.days)
    site = library.site
    _ = _words(site).gettext
    newest_days = tuple(reversed(library.days))
    site_feed = FeedSpec(
        "days", "", urls.home(), site.title, site.description, days=newest_days[:DAY_FEED_ITEMS]
    )
    all_headlines = tuple(
        itertools.islice((h for day in newest_days for h in day.headlines), HEADLINE_FEED_ITEMS)
    )
    headline_feed = FeedSpec(
        "headlines",
        urls.headlines_home(),
        urls.home(),
        _("%(site)s: all headlines") % {"site": site.title},
        _("Every headline picked for %(site)s, as it is added") % {"site": site.title},
        headlines=all_headlines[:HEADLINE_FEED_ITEMS],
    )
    main_feeds = (*site_feed.links, *headline_feed.links)
    pages: list[PageSpec] = []
    feeds: list[FeedSpec] = [site_feed, headline_feed]

    home_pages = chunk_newest_first(newest_days, site.days_per_page)
    for number, days in enumerate(home_pages, start=1):
        home_key = ("home", number, len(home_pages), tuple(map(id, days)))
        count = len(home_pages)
        pages.append(memo.get(home_key, _home_page, site, main_feeds, number, count, days))
    pages.extend(_day_pages(library, main_feeds, memo))

    pages.extend(_archive_pages(library, main_feeds, memo))
    for kind in (TAGS, SOURCES, PLACES, STORIES):
        listing_pages, listing_feeds = _listing_pages(library, kind, site_feed, memo)
        pages.extend(listing_pages)
        feeds.extend(listing_feeds)

    pages.append(_corrections_page(library, main_feeds, memo))
    pages.append(
        PageSpec(
            urls.not_found(),
            "404.html",
            _("Page not found"),
            site.description,
            main_feeds,
            in_sitemap=False,
        )
    )
    pages.append(
        PageSpec(
            urls.offline(),
            "offline.html",
            _("You are offline"),
            site.description,
            main_feeds,
            in_sitemap=False,
        )
    )
    return SitePlan(tuple(pages), tuple(feeds))


def _day_pages(library: Library, feeds: tuple[FeedLink, ...], memo: PlanMemo) -> list[PageSpec]:
    """Plan each day's page (a day's page shows its neighbours as lists show them). When
    no day was added or removed since the last plan, only the changed days and their
    neighbours are looked at: the others keep their specs and memo keys in one step."""
    days, index_of = library.days, library.day_index

    def planned(index: int) -> tuple[Hashable, PageSpec]:
        day = days[index]
        previous = days[index - 1] if index > 0 else None
        following = days[index + 1] if index + 1 < len(days) else None
        key = ("day", id(day), id(previous), id(following))
        return key, memo.get(key, _day_page, library.site, feeds, day, previous, following)

    record = ("day pages",)
    before: tuple[dict[dt.date, int], list[Hashable], list[PageSpec]] | None
    before = memo.previous(record)
    if before is not None and before[0] is index_of and memo.changed is not None:
        # The same dates in the same order (library.update_library keeps its day_index).
        keys, specs = list(before[1]), list(before[2])
        memo.carry(keys, specs)
        for date in memo.changed:
            for index in range(max(index_of[date] - 1, 0), min(index_of[date] + 2, len(days))):
                keys[index], specs[index] = planned(index)
    else:
        keys, specs = [], []
        for index in range(len(days)):
            key, spec = planned(index)
            keys.append(key)
            specs.append(spec)
    memo.put(record, (index_of, keys, specs))
    return specs


def _corrections_page(library: Library, feeds: tuple[FeedLink, ...], memo: PlanMemo) -> PageSpec:
    """Plan the corrections page; after an edit, only the changed days are looked at (every
    headline of ten years took 5 ms a save), and the page is kept if its entries are."""
    record = ("corrections",)
    before: tuple[tuple[CorrectionEntry, ...], PageSpec] | None = memo.previous(record)
    changed = memo.changed
    if before is None or changed is None:
        entries = list_corrections(library.days)
    else:
        gone = set(changed)
        kept = [entry for entry in before[0] if entry.day.date not in gone]
        index = library.day_index
        days = [library.days[index[date]] for date in changed if date in index]
        entries = sort_corrections([*kept, *list_corrections(days)])
    if before is not None and before[0] == entries:
        spec = before[1]
    else:
        _ = _words(library.site).gettext
        spec = PageSpec(
            urls.corrections(),
            "corrections.html",
            _("Corrections"),
            _("Every correction made to %(site)s, newest first") % {"site": library.site.title},
            feeds,
            {"entries": entries},
        )
    memo.put(record, (entries, spec))
    return spec


def _home_page(
    site: Any, feeds: tuple[FeedLink, ...], number: int, count: int, days: Sequence[Day]
) -> PageSpec:
    return PageSpec(
        urls.home(number),
        "index.html",
        site.title if number == 1 else _numbered(site, site.title, number),
        site.description,
        feeds,
        {"days": tuple(days), "pager": _pager(urls.home, number, count)},
        modified=max(map(last_modified, days), default=None),
    )


def _day_page(
    site: Any,
    feeds: tuple[FeedLink, ...],
    day: Day,
    previous: Day | None,
    following: Day | None,
) -> PageSpec:
    """Plan a day's page (its spec holds the three days: their ids are its memo key)."""
    return PageSpec(
        urls.day(day.date),
        "day.html",
        day.title or "",
        day.summary or _describe(day, site),
        feeds,
        {"day": day, "previous": previous, "next": following},
        modified=last_modified(day),
    )


def last_modified(day: Day) -> dt.date:
    """Return the date a day's page last changed in what it says: the day's, or its latest
    update's (`updated:` of the day or of one of its headlines)."""
    update = day.last_update
    return max(day.date, update.date) if update is not None else day.date


def _newest_change(headlines: Sequence[Headline]) -> dt.date | None:
    """The date the newest of `headlines` came or was updated (None for none): mapped at C
    speed, as a listing page's 50 headlines are (ten years' plan took 0.11 s more with a
    call a headline)."""
    if not headlines:
        return None
    newest: dt.date = max(map(_date_of, headlines))
    if any(map(_update_of, headlines)):  # a corrected headline: seldom
        updates = (u.date for u in map(_update_of, headlines) if u is not None)
        newest = max(newest, *updates)
    return newest


def _pager(path_of: Any, number: int, count: int, *args: Any) -> Pager:
    return Pager(
        number=number,
        count=count,
        previous_path=path_of(*args, number - 1) if number > 1 else None,
        next_path=path_of(*args, number + 1) if number < count else None,
        first_path=path_of(*args, 1),
    )


def _archive_pages(library: Library, feeds: tuple[FeedLink, ...], memo: PlanMemo) -> list[PageSpec]:
    """Plan the archive, year and month pages (each kept while its days are the same
    objects)."""
    site = library.site
    words = _words(site)
    _, ngettext = words.gettext, words.ngettext
    pages = [
        memo.get(
            ("archive", tuple(map(id, library.days))),
            PageSpec,
            urls.archive(),
            "archive.html",
            _("Archive"),
            _("Every day of %(site)s, by year and month") % {"site": site.title},
            feeds,
            {"years": library.years, "months": library.months},
        )
    ]
    for year, days in library.years.items():
        months = {key: value for key, value in library.months.items() if key[0] == year}
        pages.append(
            memo.get(
                ("year", year, tuple(map(id, days))),
                PageSpec,
                urls.year(year),
                "year.html",
                str(year),
                ngettext(
                    "%(site)s in %(year)s: %(num)d day",
                    "%(site)s in %(year)s: %(num)d days",
                    len(days),
                )
                % {"site": site.title, "year": year, "num": len(days)},
                feeds,
                {"year": year, "months": months, "days": days},
            )
        )
    for (year, month), days in library.months.items():
        pages.append(
            memo.get(
                ("month", year, month, tuple(map(id, days))),
                PageSpec,
                urls.month(year, month),
                "month.html",
                f"{year}-{month:02d}",
                f"{site.title}, {i18n.month_name(year, month, site.language)}: "
                + ngettext("%(num)d day", "%(num)d days", len(days)) % {"num": len(days)},
                feeds,
                {"year": year, "month": month, "days": days},
            )
        )
    return pages


def _listing_pages(
    library: Library, kind: ListingKind, site_feed: FeedSpec, memo: PlanMemo
) -> tuple[list[PageSpec], list[FeedSpec]]:
    pages: list[PageSpec] = []
    feeds: list[FeedSpec] = []
    index_rows = []
    for entry in _listing_entries(library, kind):
        # A subject whose headlines are the same tuple as last time has none of a changed
        # day (library.update_library): its pages and feed are as they were.
        slug, subject, title, description, headlines = entry
        # A story is its id and headlines (whose tuple is in the key by identity): hashing
        # it would hash every headline of it, on every save.
        shown = ("story", subject.id) if isinstance(subject, Story) else subject
        subject_pages, feed = memo.get_group(
            (kind.folder, slug, shown, title, description, id(headlines), site_feed.links),
            headlines,
            _subject_pages,
            library,
            kind,
            site_feed,
            entry,
            memo,
        )
        pages.extend(subject_pages)
        feeds.append(feed)
        index_rows.append((subject, urls.listing(kind.folder, slug), len(headlines)))
    pages.append(
        PageSpec(
            urls.index(kind.folder),
            kind.index_template,
            _words(library.site).gettext(_INDEX_TITLES[kind.folder]),
            _words(library.site).gettext(_INDEX_DESCRIPTIONS[kind.folder])
            % {"site": library.site.title},
            (*site_feed.links,),
            {
                "rows": tuple(index_rows),
                "kind": kind.folder,
                "letters": _by_letter(kind, index_rows),
            },
        )
    )
    return pages, feeds


# The titles and descriptions of the indexes of tags, sources, places and stories (msgids of
# the interface's catalogue, as the templates' are).
_INDEX_TITLES = {"tags": "Tags", "sources": "Sources", "places": "Places", "stories": "Stories"}
_INDEX_DESCRIPTIONS = {
    "tags": _n("All tags of %(site)s"),
    "sources": _n("All sources of %(site)s"),
    "places": _n("All places of %(site)s"),
    "stories": _n("All stories of %(site)s"),
}


def _words(site: Any) -> gettext.NullTranslations:
    """Return the interface text of the site's language (i18n.translations) for the titles
    and descriptions planned here: they are every feed's, and a page's where its template
    makes none of its own (the corrections page, the indexes' descriptions)."""
    return i18n.translations(site.language)


def _numbered(site: Any, title: str, number: int) -> str:
    """Return the title of a listing's page after its first: "Frontline (page 2)"."""
    written = i18n.number(number, site.language)
    page = _words(site).gettext("page %(number)s") % {"number": written}
    return f"{title} ({page})"


# An index of this many names or more is split under their first letters, with a row of
# links to each letter above it: a digest that cites every village it reports on lists
# thousands, which a reader on a phone would otherwise scroll through.
LETTERS_FROM = 40


def _by_letter(kind: ListingKind, rows: list[tuple[Any, str, int]]) -> tuple[Any, ...]:
    """Return an index's rows under their first letters: (letter, its anchor, its rows)
    for each, in order; none for a short index or for stories (ordered by id)."""
    if len(rows) < LETTERS_FROM or kind is STORIES:
        return ()
    letters: list[tuple[str, str, list[tuple[Any, str, int]]]] = []
    for row, letter in zip(rows, initials([row[0].name for row in rows]), strict=True):
        if not letters or letters[-1][0] != letter:
            anchor = "letter-other" if letter == OTHER_INITIAL else f"letter-{letter}"
            letters.append((letter, anchor, []))
        letters[-1][2].append(row)
    return tuple((letter, anchor, tuple(group)) for letter, anchor, group in letters)


def _subject_pages(
    library: Library, kind: ListingKind, site_feed: FeedSpec, entry: Entry, memo: PlanMemo
) -> tuple[list[PageSpec], FeedSpec]:
    """Plan the pages and the feed of one tag, source, place or story.

    Each page (and the feed) is reused from the memo when what it shows is made of the same
    objects: an edit to one day re-plans only the pages that list that day's headlines,
    and the first pages when the subject's facts (count, dates, chart) change.
    """
    site = library.site
    slug, subject, title, description, headlines = entry
    first_path = urls.listing(kind.folder, slug)
    # The subject's pages as last planned (None if it had none): a page whose facts, number,
    # count of pages and headlines are the same (compared item by item, by identity first),
    # and none of whose days changed, is kept; so are the order and the chart, which depend
    # on the headlines alone.
    record = ("listing pages", kind.folder, slug)
    before: _Planned | None = memo.previous(record)
    if before is not None and before.headlines == headlines:
        newest, chart, per_day = before.newest, before.chart, before.per_day
    elif before is not None and memo.changed:
        newest, per_day, changes = _mended_order(before, headlines, memo.changed)
        span = (headlines[0].date, headlines[-1].date) if headlines else None
        chart = charts.chart_mended(before.chart, per_day, changes, span)
    else:
        newest = _newest_first(headlines)
        per_day = Counter(map(_date_of, headlines))
        chart = charts.chart_of(per_day)
    if before is not None and chart is not before.chart and chart == before.chart:
        chart = before.chart  # by its identity in the keys below: hashing it hashes every bar
    latest = newest[:LISTING_FEED_ITEMS]
    feed = memo.get(
        ("feed", kind.folder, slug, title, description, tuple(map(id, latest))),
        FeedSpec,
        f"{kind.folder}:{slug}",
        first_path,
        first_path,
        f"{site.title}: {title}",
        description,
        (),
        latest,
    )
    ordered = newest if kind.newest_first else headlines
    first = headlines[0] if headlines else None
    last = headlines[-1] if headlines else None
    ref = FeedRef(feed.id, feed.feed_folder, feed.title)
    facts = (kind.folder, slug, subject, title, description, len(headlines), id(chart), id(first))
    # What every page of the subject shows, as one object kept from build to build while
    # it is equal: each page's key holds it, and is hashed and compared by its identity.
    # (It keeps the chart alive, whose id its memo key holds.)
    links = feed.links
    shared = memo.get(("facts", *facts, id(last), ref, links), _Shared, chart)
    # A newest-first listing grows on its first page; its older pages show none of the facts
    # that change as it grows (count, dates, chart), so they stay as they are.
    plain = memo.get(("plain", *facts[:5], ref, links), _Shared)
    with_facts = (chart, first, last, ref, links)
    without = (None, None, None, ref, links)
    later = plain if kind.newest_first else shared  # the token of pages after the first
    if (
        before is not None
        and before.tokens[0] is shared
        and (before.total < 2 or before.tokens[1] is later)
        and before.headlines == headlines
    ):
        # The same headlines on the same pages, showing the same facts: only a page with a
        # day read again (its date within the page's span) is planned again.
        pages = list(before.pages)
        for index in _pages_spanning(before.spans, memo.changed):
            if memo.days_of(before.items[index]):
                page = (index + 1, before.total, before.items[index])
                shown = with_facts if index == 0 or not kind.newest_first else without
                pages[index] = _listing_page(library, kind, site_feed, entry, page, shown)
        memo.put(record, before._replace(headlines=headlines, pages=tuple(pages)))
        return pages, feed
    per_page = site.headlines_per_page
    chunks = (
        chunk_newest_first(ordered, per_page) if kind.newest_first else chunk(ordered, per_page)
    )
    pages = []
    for number, items in enumerate(chunks, start=1):
        facts_shown = number == 1 or not kind.newest_first
        token = shared if facts_shown else plain
        if (
            before is not None
            and before.total == len(chunks)
            and before.tokens[number - 1] is token
            and before.items[number - 1] == items
            and not memo.days_of(items)
        ):
            pages.append(before.pages[number - 1])
            continue
        pages.append(
            _listing_page(
                library,
                kind,
                site_feed,
                entry,
                (number, len(chunks), items),
                with_facts if facts_shown else without,
            )
        )
    tokens = tuple(shared if n == 0 or not kind.newest_first else plain for n in range(len(chunks)))
    spans = tuple(_span(items) for items in chunks)
    planned = _Planned(
        headlines, newest, chart, per_day, len(chunks), tokens, tuple(chunks), tuple(pages), spans
    )
    memo.put(record, planned)
    return pages, feed


def _span(items: Sequence[Headline]) -> tuple[dt.date, dt.date] | None:
    """The first and last date of a page's headlines (in date order, either way)."""
    if not items:
        return None
    low, high = items[0].date, items[-1].date
    return (low, high) if low <= high else (high, low)


def _pages_spanning(
    spans: tuple[tuple[dt.date, dt.date] | None, ...], dates: list[dt.date] | None
) -> list[int]:
    """Return the index of each page whose span holds one of `dates` (sorted)."""
    if not dates:
        return []
    found = []
    for index, span in enumerate(spans):
        if span is not None:
            at = bisect.bisect_left(dates, span[0])
            if at < len(dates) and dates[at] <= span[1]:
                found.append(index)
    return found


class _Shared:
    """A token standing for a subject's shared facts in its pages' memo keys."""

    def __init__(self, chart: charts.Chart | None = None) -> None:
        self.chart = chart


class _Planned(NamedTuple):
    """A subject's pages as planned, with what each was made from."""

    headlines: tuple[Headline, ...]  # the subject's, oldest first
    newest: tuple[Headline, ...]
    chart: charts.Chart | None
    per_day: Counter[dt.date]  # headlines by date, for the chart
    total: int  # pages
    tokens: tuple[_Shared, ...]  # the facts each page shows
    items: tuple[Sequence[Headline], ...]
    pages: tuple[PageSpec, ...]
    spans: tuple[tuple[dt.date, dt.date] | None, ...]  # each page's first and last date


def _mended_order(
    before: _Planned, headlines: tuple[Headline, ...], changed: list[dt.date]
) -> tuple[tuple[Headline, ...], Counter[dt.date], dict[dt.date, int]]:
    """Return a subject's headlines newest first and counted by date, from those of its
    last plan, and the count of headlines each date gained (or lost, if negative): only
    the headlines dated from the first changed date to the last differ (the days of other
    dates are the same objects, so are their headlines)."""
    old = before.headlines
    low, high = changed[0], changed[-1]
    start = bisect.bisect_left(old, low, key=_date_of)
    stop = bisect.bisect_right(old, high, lo=start, key=_date_of)
    new_stop = bisect.bisect_right(headlines, high, lo=start, key=_date_of)
    middle = headlines[start:new_stop]
    newer = len(old) - stop  # headlines after the changed dates: first in the newest order
    newest = (*before.newest[:newer], *_newest_first(middle), *before.newest[len(old) - start :])
    gained = Counter(map(_date_of, middle))
    gained.subtract(map(_date_of, old[start:stop]))
    changes = {date: change for date, change in gained.items() if change}
    per_day = before.per_day.copy()  # of ten years: only the changed dates are looked at
    for date, change in changes.items():
        count = per_day.get(date, 0) + change
        if count:
            per_day[date] = count
        else:
            del per_day[date]
    return newest, per_day, changes


def _listing_page(
    library: Library,
    kind: ListingKind,
    site_feed: FeedSpec,
    entry: Entry,
    page: tuple[int, int, Sequence[Headline]],
    facts: tuple[
        charts.Chart | None, Headline | None, Headline | None, FeedRef, tuple[FeedLink, ...]
    ],
) -> PageSpec:
    """Plan one page of a listing (its spec holds its headlines, first, last and feed:
    their ids are its memo key). Older pages of a newest-first listing get no count, first,
    last or chart: they stay as they are while the listing grows."""
    slug, subject, title, description, headlines = entry
    number, count, items = page
    chart, first, last, feed, links = facts
    return PageSpec(
        urls.listing(kind.folder, slug, number),
        kind.template,
        title if number == 1 else _numbered(library.site, title, number),
        description,
        (*links, *site_feed.links),
        {
            "subject": subject,
            "kind": kind.folder,
            "count": len(headlines) if number == 1 or not kind.newest_first else None,
            "chart": chart,  # made once per subject; small, so cheap to key
            "first": first,
            "last": last,
            "groups": _group_by_day(library, items),
            "pager": _pager(urls.listing, number, count, kind.folder, slug),
            "feed": feed,
        },
        # Its newest headline's date (or update's): a first page changes as headlines come.
        modified=_newest_change(items),
    )


def _listing_entries(library: Library, kind: ListingKind) -> list[Entry]:
    """Return the listing entry of every tag, source, place or story."""
    words = _words(library.site)
    _, ngettext = words.gettext, words.ngettext
    first = i18n.own_letters_first(library.site.language)
    if kind is TAGS:
        return [
            Entry(
                tag.id,
                tag,
                tag.name,
                tag.description or _("Headlines tagged %(tag)s") % {"tag": tag.name},
                library.by_tag.get(tag.id, ()),
            )
            for tag in sorted(library.tags.values(), key=lambda t: (name_key(t.name, first), t.id))
        ]
    if kind is SOURCES:
        return [
            Entry(
                source.id,
                source,
                source.name,
                _("Headlines from %(source)s") % {"source": source.name},
                library.by_source.get(source.id, ()),
            )
            for source in sorted(
                library.sources.values(), key=lambda s: (name_key(s.name, first), s.id)
            )
        ]
    if kind is PLACES:
        return [
            Entry(
                place.slug,
                place,
                place.name,
                _("Headlines about %(place)s") % {"place": place.name},
                library.by_place[place.slug],
            )
            for place in sorted(
                library.places.values(), key=lambda p: (name_key(p.name, first), p.slug)
            )
        ]
    return [
        Entry(
            story.id,
            story,
            story.title,
            ngettext(
                "A story told in %(num)d headline",
                "A story told across %(num)d headlines",
                len(story.headlines),
            )
            % {"num": len(story.headlines)},
            story.headlines,
        )
        for story in library.stories.values()
    ]


def _group_by_day(library: Library, headlines: Sequence[Headline]) -> tuple[DayGroup, ...]:
    """Split a run of headlines into groups of consecutive headlines of one day."""
    days, index = library.days, library.day_index
    return tuple(
        _day_group((days[index[date]], tuple(group)))
        for date, group in itertools.groupby(headlines, key=_date_of)
    )


# DayGroup(day, headlines) without the named tuple's __new__, a Python function: a plan of
# ten years makes some 300,000 groups.
_day_group = functools.partial(tuple.__new__, DayGroup)


_date_of = operator.attrgetter("date")
_update_of = operator.attrgetter("update")


def _describe(day: Day, site: Any) -> str:
    """Describe a day without a summary by its first headlines, for previews and search."""
    titles = [h.title for h in day.headlines[:3]]
    more = len(day.headlines) - len(titles)
    text = "; ".join(titles)
    if more <= 0:
        return text
    return _words(site).ngettext(
        "%(titles)s; and %(num)d more", "%(titles)s; and %(num)d more", more
    ) % {"titles": text, "num": more}


def _newest_first(headlines: Sequence[Headline]) -> tuple[Headline, ...]:
    """Order headlines by day, newest day first, keeping the editor's order within a day.

    `headlines` are in library order (oldest day first, editor's order within a day): a
    stable sort by date, newest first (Python's keeps equal dates in their order even in
    reverse), is the runs of each day reversed, at C speed.
    """
    return tuple(sorted(headlines, key=_date_of, reverse=True))
