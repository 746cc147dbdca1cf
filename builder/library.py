"""The in-memory index of a checked digest: days in order and headlines by key.

Built once per build from checked days; every page and feed reads from it. Collections are
in a fixed order (oldest first), so everything downstream is deterministic.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from .model import Day, Headline, Place, SiteConfig, Source, Story, Tag
from .reader import Config
from .urls import slugify


@dataclass(frozen=True)
class Library:
    """Everything the pages and feeds need, indexed.

    Made again after an edit (`update_library`), a tag's, source's, place's or story's
    tuple of headlines is the same object as before only if no day with headlines in it
    changed: what is made from such a tuple (the plan of its pages) is kept by its identity.
    """

    site: SiteConfig
    sources: dict[str, Source]
    tags: dict[str, Tag]
    days: tuple[Day, ...]  # oldest first
    by_tag: dict[str, tuple[Headline, ...]]  # each oldest first
    by_source: dict[str, tuple[Headline, ...]]
    by_place: dict[str, tuple[Headline, ...]]  # key: place slug
    # slug -> place, by slug (pages.py lists them in readers' order: collation's, whose
    # table, read on first use, took 0.3 s of every `digest check`, which lists none)
    places: dict[str, Place]
    stories: dict[str, Story]
    months: dict[tuple[int, int], tuple[Day, ...]]
    years: dict[int, tuple[Day, ...]]
    day_index: dict[dt.date, int]

    @property
    def latest_date(self) -> dt.date | None:
        return self.days[-1].date if self.days else None


def build_library(config: Config, days: Iterable[Day]) -> Library:
    """Index checked days (references already known to be valid)."""
    ordered = tuple(sorted(days, key=lambda d: d.date))
    by_tag: dict[str, list[Headline]] = defaultdict(list)
    by_source: dict[str, list[Headline]] = defaultdict(list)
    by_place: dict[str, list[Headline]] = defaultdict(list)
    by_story: dict[str, list[Headline]] = defaultdict(list)
    places: dict[str, Place] = {}
    months: dict[tuple[int, int], list[Day]] = defaultdict(list)
    years: dict[int, list[Day]] = defaultdict(list)
    for day in ordered:
        months[(day.date.year, day.date.month)].append(day)
        years[day.date.year].append(day)
        for headline in day.headlines:
            by_source[headline.source].append(headline)
            for tag in headline.tags:
                by_tag[tag].append(headline)
            for name in headline.places:
                slug = slugify(name)
                places.setdefault(slug, Place(name, slug))
                by_place[slug].append(headline)
            if headline.story:
                by_story[headline.story].append(headline)
    return Library(
        site=config.site,
        sources=config.sources,
        tags=config.tags,
        days=ordered,
        by_tag=_frozen(by_tag),
        by_source=_frozen(by_source),
        by_place=_frozen(by_place),
        places=dict(sorted(places.items())),
        stories={key: Story(key, tuple(value)) for key, value in sorted(by_story.items())},
        months={key: tuple(value) for key, value in sorted(months.items())},
        years={key: tuple(value) for key, value in sorted(years.items())},
        day_index={day.date: index for index, day in enumerate(ordered)},
    )


# Past this many changed days, indexing everything again is as quick as mending.
MEND_LIMIT = 64


def update_library(previous: Library | None, config: Config, days: Iterable[Day]) -> Library:
    """Return the library of `days`, equal to what build_library makes, mending `previous`
    where only a few days changed (the preview, after a save): tables that no changed day
    touches are kept, objects and all (so are the tuples of days of untouched months and
    years). Finding the changed days of ten years is done at C speed: it runs every save."""
    ordered = tuple(sorted(days, key=_date_of))
    if previous is None:
        return build_library(config, ordered)
    before = previous.days
    same_dates = len(ordered) == len(before) and list(map(_date_of, ordered)) == list(
        map(_date_of, before)
    )
    changed: list[tuple[Day | None, Day | None]]
    if same_dates:
        at = itertools.compress(range(len(ordered)), map(operator.is_not, ordered, before))
        changed = [(before[index], ordered[index]) for index in at]
    else:
        old = dict(zip(map(_date_of, before), before, strict=True))
        new = dict(zip(map(_date_of, ordered), ordered, strict=True))
        dates = sorted(d for d in old.keys() | new.keys() if old.get(d) is not new.get(d))
        changed = [(old.get(d), new.get(d)) for d in dates]
    if len(changed) > MEND_LIMIT:
        return build_library(config, ordered)
    by_tag = _mended(previous.by_tag, changed, lambda h: h.tags)
    by_source = _mended(previous.by_source, changed, lambda h: (h.source,))
    by_place = _mended(previous.by_place, changed, lambda h: map(slugify, h.places))
    by_story = _mended(
        {key: story.headlines for key, story in previous.stories.items()},
        changed,
        lambda h: (h.story,) if h.story else (),
    )
    places = {}
    for slug, headlines in by_place.items():
        known = previous.places.get(slug)
        if known is None or headlines is not previous.by_place.get(slug):
            place = _place(slug, headlines)  # a changed day may spell it anew
            known = known if known == place else place
        places[slug] = known
    dates = [(old_day or new_day).date for old_day, new_day in changed]  # type: ignore[union-attr]
    months = _periods(previous.months, ordered, {(d.year, d.month) for d in dates}, _month_span)
    years = _periods(previous.years, ordered, {d.year for d in dates}, _year_span)
    return Library(
        site=config.site,
        sources=config.sources,
        tags=config.tags,
        days=ordered,
        by_tag=by_tag,
        by_source=by_source,
        by_place=by_place,
        places=dict(sorted(places.items())),
        stories={
            key: story
            if (story := previous.stories.get(key)) is not None and story.headlines is value
            else Story(key, value)
            for key, value in by_story.items()
        },
        months=months,
        years=years,
        day_index=previous.day_index
        if same_dates
        else {day.date: index for index, day in enumerate(ordered)},
    )


P = TypeVar("P", int, tuple[int, int])


def _periods(
    table: dict[P, tuple[Day, ...]],
    ordered: tuple[Day, ...],
    touched: set[P],
    span: Callable[[P], tuple[dt.date, dt.date]],
) -> dict[P, tuple[Day, ...]]:
    """Return the days of each month or year (`table` as it was), with the periods a
    changed day is in made again from `ordered`; the others keep their tuples."""
    if not touched:
        return table
    result = dict(table)
    for period in touched:
        first, last = span(period)
        start = bisect.bisect_left(ordered, first, key=_date_of)
        stop = bisect.bisect_right(ordered, last, lo=start, key=_date_of)
        if start == stop:
            result.pop(period, None)
        else:
            result[period] = ordered[start:stop]
    if result.keys() == table.keys():
        return result
    return dict(sorted(result.items()))


def _month_span(period: tuple[int, int]) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    year, month = period
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_span(year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a year."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _mended(
    table: dict[str, tuple[Headline, ...]],
    changed: list[tuple[Day | None, Day | None]],
    keys_of: Callable[[Headline], Iterable[str]],
) -> dict[str, tuple[Headline, ...]]:
    """Return `table` (headlines by key, each oldest first) with the headlines of each
    changed day replaced by those of its new version; every key a changed day touches
    gets a new tuple, the others keep theirs."""
    if not changed:
        return table
    result = dict(table)
    for old_day, new_day in changed:
        date = (new_day or old_day).date  # type: ignore[union-attr]
        added: dict[str, list[Headline]] = defaultdict(list)
        for headline in new_day.headlines if new_day else ():
            for key in keys_of(headline):
                added[key].append(headline)
        touched = set(added)
        for headline in old_day.headlines if old_day else ():
            touched.update(keys_of(headline))
        for key in touched:
            items = result.get(key, ())
            start = bisect.bisect_left(items, date, key=_date_of)
            stop = bisect.bisect_right(items, date, lo=start, key=_date_of)
            mended = (*items[:start], *added.get(key, ()), *items[stop:])
            if mended:
                result[key] = mended
            else:
                result.pop(key, None)
    if result.keys() == table.keys():
        return result
    return dict(sorted(result.items()))


def _place(slug: str, headlines: tuple[Headline, ...]) -> Place:
    """Return a place as build_library names it: as its oldest headline spells it."""
    name = next(name for name in headlines[0].places if slugify(name) == slug)
    return Place(name, slug)


_date_of = operator.attrgetter("date")


def _frozen(table: dict[str, list[Headline]]) -> dict[str, tuple[Headline, ...]]:
    return {key: tuple(value) for key, value in sorted(table.items())}
