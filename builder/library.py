"""The in-memory index of a checked digest: days in order and headlines by key.

Built once per build from checked days; every page and feed reads from it. Collections are
in a fixed order (oldest first), so everything downstream is deterministic.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Day, Headline, Place, SiteConfig, Source, Story, Tag
from .reader import Config
from .urls import slugify


@dataclass(frozen=True)
class Library:
    """Everything the pages and feeds need, indexed."""

    site: SiteConfig
    sources: dict[str, Source]
    tags: dict[str, Tag]
    days: tuple[Day, ...]  # oldest first
    by_tag: dict[str, tuple[Headline, ...]]  # each oldest first
    by_source: dict[str, tuple[Headline, ...]]
    by_place: dict[str, tuple[Headline, ...]]  # key: place slug
    places: dict[str, Place]  # slug -> place, sorted by name
    stories: dict[str, Story]
    months: dict[tuple[int, int], tuple[Day, ...]]
    years: dict[int, tuple[Day, ...]]
    day_index: dict[dt.date, int]

    def previous_day(self, day: Day) -> Day | None:
        index = self.day_index[day.date]
        return self.days[index - 1] if index > 0 else None

    def next_day(self, day: Day) -> Day | None:
        index = self.day_index[day.date]
        return self.days[index + 1] if index + 1 < len(self.days) else None

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
        places=dict(sorted(places.items(), key=lambda item: (item[1].name.casefold(), item[0]))),
        stories={key: Story(key, tuple(value)) for key, value in sorted(by_story.items())},
        months={key: tuple(value) for key, value in sorted(months.items())},
        years={key: tuple(value) for key, value in sorted(years.items())},
        day_index={day.date: index for index, day in enumerate(ordered)},
    )


def _frozen(table: dict[str, list[Headline]]) -> dict[str, tuple[Headline, ...]]:
    return {key: tuple(value) for key, value in sorted(table.items())}
