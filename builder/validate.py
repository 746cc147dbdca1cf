"""Checks that need more than one file: references, one file per date, repeated links.

Takes the parsed configuration and day files, returns problems; changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import Location, Problem, did_you_mean
from .model import Day
from .reader import Config, DayFile, Reference, warn
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
        if not day_file.exact and _plainly_fine(day, config, key, first_url, place_by_slug):
            continue  # the common case, checked without making a Reference per value
        for ref in day_file.all_references():
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
    return problems


def _plainly_fine(
    day: Day,
    config: Config,
    key: str,
    first_url: dict[str, tuple[str, Location]],
    place_by_slug: dict[str, str],
) -> bool:
    """Check a day's values quickly, recording its URLs and places; False at any doubt.

    Recording is idempotent, so the full check can run after a False on the same day.
    """
    where = Location(day.source_path)
    for h in day.headlines:
        if h.source not in config.sources or not all(t in config.tags for t in h.tags):
            return False
        for place in h.places:
            if place_by_slug.setdefault(slugify(place), place) != place:
                return False
        if first_url.setdefault(h.url, (key, where))[0] != key:
            return False
    return True


def _unknown(ref: Reference, known: Iterable[str], registry: str) -> Problem:
    return Problem(
        ref.location,
        ref.field,
        f"unknown {ref.kind} '{ref.value}'{did_you_mean(ref.value, known)}; "
        f"use one of the ids in {registry} or add it there",
    )


def _short(location: Location) -> str:
    return f"{location.path}:{location.line}" if location.line else location.path
