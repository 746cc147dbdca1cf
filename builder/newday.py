"""Writing day files for editors: `digest new` and `digest import`.

The text of a day comes from `importer` (pure); this module finds where a day's file is or
goes (content/digests/YYYY/YYYY-MM-DD.md), refuses to overwrite, and writes. Never prints.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .dayfiles import day_file_paths
from .errors import ContentErrors, DigestError, UsageError
from .importer import (
    Dropped,
    Entry,
    Listing,
    MergeError,
    is_incomplete,
    merge_day,
    parse_listing,
    render_day,
)
from .model import Day
from .project import Project
from .reader import Config, parse_day, read_config, read_text
from .validate import check_days

NEW_DAY_TEMPLATE = """\
---
date: {date}
draft: true
title: ""
summary: ""
# The headlines, in the order readers should see them; remove 'draft: true' to publish.
#   - title: "The headline as the outlet wrote it"
#     url: "https://example.org/news/1"
#     source: espreso
#     tags: [frontline]
#     time: "09:15"
headlines: []
---
"""


def day_path(project: Project, date: dt.date) -> tuple[Path, bool]:
    """Return the day's file and whether it exists; a new one goes in digests/YYYY/."""
    paths, _ = day_file_paths(project)
    name = f"{date.isoformat()}.md"
    for path in paths:
        if path.name == name:
            return path, True
    return project.digests_dir / f"{date:%Y}" / name, False


def read_checked_config(project: Project) -> Config:
    """Read site.yaml, sources.yaml and tags.yaml; raise ContentErrors when they are wrong."""
    config, problems = read_config(project)
    if config is None:
        raise ContentErrors(problems)
    return config


def read_day(project: Project, date: dt.date, drafts: bool = False) -> tuple[Config, Day]:
    """Read and check one day (and the configuration); refuse a draft unless `drafts`."""
    config = read_checked_config(project)
    path, exists = day_path(project, date)
    if not exists:
        raise DigestError(f"no day file for {date.isoformat()}")
    rel = project.relative(path)
    text, problem = read_text(project, path)
    if problem or text is None:
        raise ContentErrors([problem] if problem else [])
    day_file, problems = parse_day(rel, text, config.site.base_url)
    if day_file is not None:
        problems += check_days(config, [day_file])
    errors = [p for p in problems if p.is_error]
    if errors or day_file is None:
        raise ContentErrors(errors)
    if day_file.day.draft and not drafts:
        raise DigestError(
            f"{date.isoformat()} is a draft (draft: true in {rel}); publish it first, "
            "or share it anyway with --drafts"
        )
    return config, day_file.day


def create_day(project: Project, date: dt.date) -> Path:
    """Create an empty draft day file for `date`; refuse when the day exists."""
    path, exists = day_path(project, date)
    if exists:
        raise DigestError(
            f"{project.relative(path)} already exists; edit it, or import into it with "
            f"digest import --date {date.isoformat()}"
        )
    write_text(path, NEW_DAY_TEMPLATE.format(date=date.isoformat()))
    return path


def write_text(path: Path, text: str) -> None:
    """Write a file whole or not at all (a temporary file beside it, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class DayImport:
    """What importing did to one day's file."""

    path: str  # relative to the project
    date: dt.date
    created: bool
    added: tuple[Entry, ...]
    skipped: tuple[Dropped, ...]  # already on the day
    draft: bool  # a new day, made a draft because an entry lacks its link or source


@dataclass(frozen=True)
class ImportResult:
    listing: Listing
    days: tuple[DayImport, ...]


def import_listing(
    project: Project,
    text: str,
    default_date: dt.date,
    default_source: str = "",
    write: bool = True,
) -> ImportResult:
    """Parse a pasted listing and create or merge the day files; with `write` False, only plan."""
    config = read_checked_config(project)
    if default_source and default_source not in config.sources:
        raise UsageError(
            f"--source {default_source}: no such source in content/sources.yaml; "
            f"the sources are: {', '.join(sorted(config.sources))}"
        )
    sources = {key: source.url for key, source in config.sources.items()}
    languages = tuple(dict.fromkeys(("en", "uk", config.site.language)))
    listing = parse_listing(
        text, default_date, sources, default_source, languages, config.site.timezone
    )
    planned: list[tuple[Path, str, DayImport]] = []
    for day in listing.days:
        if not day.entries:
            continue
        path, exists = day_path(project, day.date)
        rel = project.relative(path)
        if exists:
            old, problem = read_text(project, path)
            if problem or old is None:
                raise ContentErrors([problem] if problem else [])
            try:
                merge = merge_day(old, day.entries)
            except MergeError as exc:
                raise DigestError(f"{rel}: cannot merge into this day: {exc}") from None
            if merge.added:
                planned.append(
                    (
                        path,
                        merge.text,
                        DayImport(rel, day.date, False, merge.added, merge.skipped, False),
                    )
                )
            else:
                planned.append(
                    (path, "", DayImport(rel, day.date, False, (), merge.skipped, False))
                )
        else:
            draft = any(is_incomplete(entry) for entry in day.entries)
            new_text = render_day(day.date, day.entries, draft)
            planned.append((path, new_text, DayImport(rel, day.date, True, day.entries, (), draft)))
    if write:
        for path, new_text, done in planned:
            if done.added:
                write_text(path, new_text)
    return ImportResult(listing, tuple(done for _, _, done in planned))
