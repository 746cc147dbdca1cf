"""Checks that need more than one file: references, one file per date, repeated links,
headline times against the site's time zone.

Takes the parsed configuration and day files, returns problems; changes nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from .errors import Location, Problem, did_you_mean
from .model import Headline, Source, Tag, Update
from .reader import Config, DayFile, Reference, warn
from .schema import written_for_id
from .urls import listing, slugify


def check_days(config: Config, day_files: Iterable[DayFile]) -> list[Problem]:
    """Check every day's references against the registries and against the other days."""
    problems: list[Problem] = []
    by_date: dict[str, DayFile] = {}
    first_url: dict[str, tuple[str, Location]] = {}
    place_by_slug: dict[str, str] = {}
    for day_file in sorted(day_files, key=lambda f: (f.day.date, f.day.source_path)):
        day = day_file.day
        key = day.date.isoformat()
        if key in by_date:
            problems.append(
                Problem(
                    day_file.date_location,
                    "date",
                    f"{key} is also the date of {by_date[key].day.source_path}: keep one file "
                    "per day and move these headlines into it",
                )
            )
            continue
        by_date[key] = day_file
        where = Location(day.source_path)
        if not day_file.exact and all(
            _headline_fine(h, config, key, where, first_url, place_by_slug) for h in day.headlines
        ):
            continue  # the common case, checked without making a Reference per value

        def in_doubt(h: Headline, key: str = key, where: Location = where) -> bool:
            return not _headline_fine(h, config, key, where, first_url, place_by_slug)

        for ref in day_file.all_references(in_doubt):
            if ref.kind == "source" and ref.value not in config.sources:
                problems.append(_unknown(ref, config.sources, "content/sources.yaml"))
            elif ref.kind == "tag" and ref.value not in config.tags:
                problems.append(_unknown(ref, config.tags, "content/tags.yaml"))
            elif ref.kind == "place":
                slug = slugify(ref.value)
                known = place_by_slug.setdefault(slug, ref.value)
                if known != ref.value:
                    problems.append(
                        Problem(
                            ref.location,
                            ref.field,
                            f"'{ref.value}' and '{known}' would share the page "
                            f"{listing('places', slug)}; "
                            f"spell the place one way ('{known}') everywhere",
                        )
                    )
            elif ref.kind == "url":
                seen = first_url.setdefault(ref.value, (key, ref.location))
                if seen[0] != key:
                    problems.append(
                        warn(
                            ref.location,
                            ref.field,
                            f"the same URL is already on {seen[0]} ({_short(seen[1])}); "
                            "is it the same article twice?",
                        )
                    )
    return problems + clock_problems(config, by_date.values())


def clock_problems(
    config: Config,
    day_files: Iterable[DayFile],
    timed: Callable[[DayFile], bool] | None = None,
) -> list[Problem]:
    """Report the times that the clocks of the site's zone skipped: a headline's on its
    day, an `updated` on its date; in the order of the days' dates. Only the day or two a
    year when the clocks go forward, and the days with a timed update, are looked at
    (`timed` says which have one, where that is known: CrossCheck's facts)."""
    zone = config.site.timezone
    timed = timed or _timed_updates
    chosen = [f for f in day_files if clock_gap(zone, f.day.date) or timed(f)]
    problems: list[Problem] = []
    for day_file in sorted(chosen, key=lambda f: f.day.date):
        for ref, date in _clock_references(day_file):
            gap = clock_gap(zone, date)
            time = ref.value[-5:]  # "HH:MM", or the end of "YYYY-MM-DD HH:MM"
            if gap is not None and gap[0] <= time < gap[1]:
                problems.append(_skipped_time(ref, date, time, zone, gap))
    return problems


def _timed_updates(day_file: DayFile) -> bool:
    """Whether the day or one of its headlines has an `updated` with a time of day."""
    day = day_file.day
    if day_file.exact:
        return any(ref.kind == "updated" for ref in day_file.references)
    updates = (day.update, *(h.update for h in day.headlines))
    return any(u is not None and u.time is not None for u in updates)


def _clock_references(day_file: DayFile) -> list[tuple[Reference, dt.date]]:
    """The times of a day file, each with the date it is on: its headlines' times (the
    day's date) and its updates' (their own)."""
    day = day_file.day
    if day_file.exact:  # its references include those of headlines left out for errors
        return [
            (ref, dt.date.fromisoformat(ref.value[:10]) if ref.kind == "updated" else day.date)
            for ref in day_file.references
            if ref.kind in ("time", "updated")
        ]
    where = Location(day.source_path)  # a clean file: its headlines are all there
    found: list[tuple[Reference, dt.date]] = []
    if day.update is not None and day.update.time is not None:
        found.append((_update_reference(day.update, "updated", where), day.update.date))
    for index, h in enumerate(day.headlines):
        if h.time is not None:
            ref = Reference("time", f"{h.time:%H:%M}", f"headlines[{index}].time", where)
            found.append((ref, day.date))
        if h.update is not None and h.update.time is not None:
            field = f"headlines[{index}].updated"
            found.append((_update_reference(h.update, field, where), h.update.date))
    return found


def _update_reference(update: Update, field: str, where: Location) -> Reference:
    assert update.time is not None
    return Reference("updated", f"{update.date} {update.time:%H:%M}", field, where)


# The local times a day lacks when its clocks go forward, [start, end) as "HH:MM" (text
# compares as time does), and the offsets before and after.
_Gap = tuple[str, str, dt.timedelta, dt.timedelta]


@functools.cache
def clock_gap(zone_name: str, date: dt.date) -> _Gap | None:
    """Return the times of day that did not happen on `date` in the zone (its clocks went
    forward: "03:00" to "04:00" in Kyiv on the last Sunday of March), or None."""
    zone = zoneinfo.ZoneInfo(zone_name)
    before = dt.datetime.combine(date, dt.time(), zone).utcoffset()
    after = dt.datetime.combine(date + dt.timedelta(days=1), dt.time(), zone).utcoffset()
    if before is None or after is None or after <= before:
        return None
    for minute in range(24 * 60):  # a day or two a year: the first minute that never was
        local = dt.datetime.combine(date, dt.time(minute // 60, minute % 60), zone)
        if local.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) != (
            local.replace(tzinfo=None)
        ):
            end = local.replace(tzinfo=None) + (after - before)
            shown = f"{end:%H:%M}" if end.date() == date else "24:00"  # Apia, 2011-12-30
            return f"{local:%H:%M}", shown, before, after
    return None


def _skipped_time(ref: Reference, date: dt.date, time: str, zone: str, gap: _Gap) -> Problem:
    start, end, before, after = gap
    hours, minutes = map(int, time.split(":"))
    as_read = dt.datetime.combine(date, dt.time(hours, minutes)) + (after - before)
    read = f"{as_read:%H:%M}" if as_read.date() == date else f"{as_read:%Y-%m-%d %H:%M}"
    on = "" if ref.kind == "updated" else f" on {date}"  # an update's value has its date
    return warn(
        ref.location,
        ref.field,
        f"{ref.value} did not happen{on} in {zone}: the clocks went forward from {start} to "
        f"{end}, so feeds read it as {read}; write the time the clocks showed",
    )


def named_ids(config: Config, problems: list[Problem]) -> list[Problem]:
    """Say which id a source's or tag's name stands for where a day file has the name in
    place of the id (`source: Censor.NET`, whose id is `censor`): the check of one file
    could only say that it is not an id."""
    meant = {id(problem): rest for problem, *rest in meant_ids(config, problems)}
    if not meant:
        return problems  # nearly always
    mended: list[Problem] = []
    for problem in problems:
        if id(problem) in meant:
            written, registry, key = meant[id(problem)]
            kind = "source" if registry.endswith("sources.yaml") else "tag"
            problem = replace(
                problem,
                message=f"'{written}' is the name of the {kind} '{key}' in {registry}; "
                f"write its id, {key}",
            )
        mended.append(problem)
    return mended


def meant_ids(config: Config, problems: list[Problem]) -> list[tuple[Problem, str, str, str]]:
    """Of the problems of a name written where a source's or tag's id goes (Checker.id's),
    those whose name is in the registry, each with the name as written, the registry's
    path and the id meant (`digest check --fix` writes it)."""
    found: list[tuple[Problem, str, str, str]] = []
    names: dict[str, dict[str, str]] = {}
    for problem in problems:
        written = written_for_id(problem.message)
        if written is None:
            continue
        value, registry = written
        if not names:
            names = {
                "content/sources.yaml": {s.name.casefold(): s.id for s in config.sources.values()},
                "content/tags.yaml": {t.name.casefold(): t.id for t in config.tags.values()},
            }
        key = names.get(registry, {}).get(value.strip().lstrip("#").casefold())
        if key is not None:
            found.append((problem, value, registry, key))
    return found


def _headline_fine(
    h: Headline,
    config: Config,
    key: str,
    where: Location,
    first_url: dict[str, tuple[str, Location]],
    place_by_slug: dict[str, str],
) -> bool:
    """Check one headline of a fast-read day quickly, recording its URL and places: True
    when the full check would find nothing in it. Recording is idempotent, so the full
    check can run after a False on the same headline."""
    if h.source not in config.sources or not all(t in config.tags for t in h.tags):
        return False
    for place in h.places:
        if place_by_slug.setdefault(slugify(place), place) != place:
            return False
    return first_url.setdefault(h.url, (key, where))[0] == key


def _unknown(ref: Reference, known: Mapping[str, Source | Tag], registry: str) -> Problem:
    """An unknown id: "did you mean" the id whose name it is the slug of ('espreso-global'
    for Espreso Global, whose id is 'espreso'), else the nearest id."""
    named = _ids_by_name_slug(tuple((key, item.name) for key, item in known.items()))
    meant = (
        f" (did you mean '{named[ref.value]}'?)"
        if ref.value in named
        else did_you_mean(ref.value, known)
    )
    if not known:  # (an empty file, or one emptied by mistake)
        return Problem(
            ref.location,
            ref.field,
            f"unknown {ref.kind} '{ref.value}': {registry} lists none; add it there",
        )
    return Problem(
        ref.location,
        ref.field,
        f"unknown {ref.kind} '{ref.value}'{meant}; "
        f"use one of the ids in {registry} or add it there",
    )


@functools.lru_cache(maxsize=4)
def _ids_by_name_slug(names: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Each id by the slug of its name; made once for the thousands of references to one
    unknown id that a tag renamed before its days leaves."""
    return {slugify(name): key for key, name in names}


def _short(location: Location) -> str:
    return f"{location.path}:{location.line}" if location.line else location.path


@dataclass(frozen=True)
class _Facts:
    """What check_days looks at in one day file."""

    date: str
    sources: frozenset[str]
    tags: frozenset[str]
    places: frozenset[tuple[str, str]]  # (slug, name as written)
    urls: frozenset[str]
    timed_updates: bool  # an `updated` with a time of day (clock_problems)


class CrossCheck:
    """check_days for a process that checks again after every save (the preview).

    It keeps, for the days it last checked, how often each date, URL and place spelling
    occurs, and mends those counts by the day files that changed (by identity: the parse
    cache hands back the same object for an unchanged file). When no date or URL repeats,
    no place is spelled two ways and every source and tag is known, the only problems
    can be times the clocks skipped (clock_problems, which looks at a day or two a year),
    which is all it can tell: otherwise check_days runs, for its messages. Its answer is
    always check_days's own.
    """

    def __init__(self) -> None:
        self.files: dict[int, tuple[DayFile, _Facts]] = {}
        self.dates: Counter[str] = Counter()
        self.urls: Counter[str] = Counter()
        self.spellings: dict[str, Counter[str]] = {}  # place slug -> names as written
        self.sources: Counter[str] = Counter()
        self.tags: Counter[str] = Counter()
        self.repeated = 0  # dates and URLs in more than one day file
        self.spelled_apart = 0  # place slugs written in more than one way

    def __call__(self, config: Config, day_files: list[DayFile]) -> list[Problem]:
        now = {id(f): f for f in day_files}
        for key in self.files.keys() - now.keys():
            self._count(self.files.pop(key)[1], -1)
        self.take(now.values())
        fine = (
            not self.repeated
            and not self.spelled_apart
            and self.sources.keys() <= config.sources.keys()
            and self.tags.keys() <= config.tags.keys()
        )  # then check_days would say only what clock_problems says, at a glance
        if not fine:
            return check_days(config, day_files)
        return clock_problems(config, day_files, lambda f: self.files[id(f)][1].timed_updates)

    def take(self, day_files: Iterable[DayFile]) -> None:
        """Count the facts of the day files not counted yet. Ahead of a check (digest
        watch, when idle: on ten years, counting every file took 0.27 s of the first save),
        it leaves the check those changed since; one no longer checked is let go then."""
        for day_file in day_files:
            if id(day_file) not in self.files:
                facts = _facts_of(day_file)
                self.files[id(day_file)] = (day_file, facts)
                self._count(facts, 1)

    def _count(self, facts: _Facts, step: int) -> None:
        for counter, values in ((self.dates, (facts.date,)), (self.urls, facts.urls)):
            for value in values:
                before = counter[value]
                counter[value] = after = before + step
                self.repeated += (after > 1) - (before > 1)
                if not after:
                    del counter[value]
        for counter, values in ((self.sources, facts.sources), (self.tags, facts.tags)):
            for value in values:
                counter[value] += step
                if not counter[value]:
                    del counter[value]
        for slug, name in facts.places:
            names = self.spellings.setdefault(slug, Counter())
            before = len(names)
            names[name] += step
            if not names[name]:
                del names[name]
            self.spelled_apart += (len(names) > 1) - (before > 1)
            if not names:
                del self.spellings[slug]


def _facts_of(day_file: DayFile) -> _Facts:
    by_kind: dict[str, set[str]] = {"source": set(), "tag": set(), "place": set(), "url": set()}
    if day_file.exact:  # its references include those of headlines left out for errors
        for ref in day_file.references:
            if ref.kind in by_kind:
                by_kind[ref.kind].add(ref.value)
    else:  # a clean file: its headlines hold every reference (DayFile.all_references)
        for h in day_file.day.headlines:
            by_kind["source"].add(h.source)
            by_kind["url"].add(h.url)
            by_kind["tag"].update(h.tags)
            by_kind["place"].update(h.places)
    return _Facts(
        date=day_file.day.date.isoformat(),
        sources=frozenset(by_kind["source"]),
        tags=frozenset(by_kind["tag"]),
        places=frozenset((slugify(name), name) for name in by_kind["place"]),
        urls=frozenset(by_kind["url"]),
        timed_updates=_timed_updates(day_file),
    )
