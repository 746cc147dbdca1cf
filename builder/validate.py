"""Checks that need more than one file: references, one file per date, repeated links.

Takes the parsed configuration and days, returns problems; changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import Problem, did_you_mean
from .reader import Config, DayFile, warn
from .urls import slugify


def check_days(config: Config, day_files: Iterable[DayFile]) -> list[Problem]:
    """Check every day against the registries and against the other days."""
    problems: list[Problem] = []
    by_date: dict[str, DayFile] = {}
    url_first_seen: dict[str, tuple[DayFile, str]] = {}
    place_by_slug: dict[str, str] = {}
    for day_file in sorted(day_files, key=lambda f: (f.day.date, f.day.source_path)):
        day = day_file.day
        key = day.date.isoformat()
        if key in by_date:
            problems.append(
                Problem(
                    day_file.where("date"),
                    "date",
                    f"{key} is also the date of {by_date[key].day.source_path}: keep one file "
                    "per day and move these headlines into it",
                )
            )
            continue
        by_date[key] = day_file
        for index, headline in enumerate(day.headlines):
            prefix = f"headlines[{index}]"
            if headline.source not in config.sources:
                problems.append(
                    Problem(
                        day_file.where(f"{prefix}.source"),
                        f"{prefix}.source",
                        f"unknown source '{headline.source}'"
                        f"{did_you_mean(headline.source, config.sources)}; "
                        "add it to content/sources.yaml or use one of its ids",
                    )
                )
            for number, tag in enumerate(headline.tags):
                if tag not in config.tags:
                    problems.append(
                        Problem(
                            day_file.where(f"{prefix}.tags[{number}]"),
                            f"{prefix}.tags[{number}]",
                            f"unknown tag '{tag}'{did_you_mean(tag, config.tags)}; "
                            "add it to content/tags.yaml or use one of its ids",
                        )
                    )
            for number, place in enumerate(headline.places):
                slug = slugify(place)
                known = place_by_slug.setdefault(slug, place)
                if known != place:
                    problems.append(
                        Problem(
                            day_file.where(f"{prefix}.places[{number}]"),
                            f"{prefix}.places[{number}]",
                            f"'{place}' and '{known}' would share the page places/{slug}/; "
                            f"spell the place one way ('{known}') everywhere",
                        )
                    )
            seen = url_first_seen.get(headline.url)
            if seen is None:
                url_first_seen[headline.url] = (day_file, f"{prefix}.url")
            else:
                other, other_field = seen
                problems.append(
                    warn(
                        day_file.where(f"{prefix}.url"),
                        f"{prefix}.url",
                        f"the same URL is already on {other.day.date} "
                        f"({other.where(other_field)}); is it the same article twice?",
                    )
                )
    return problems
