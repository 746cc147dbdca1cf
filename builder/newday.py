"""Writing day files for editors: `digest new` and `digest import`.

The text of a day comes from `importer` (pure); this module finds where a day's file is or
goes (content/digests/YYYY/YYYY-MM-DD.md), refuses to overwrite, and writes. Never prints.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from pathlib import Path

from . import __version__
from .dayfiles import day_file_paths
from .documents import ListingFile, read_listing_file
from .errors import ContentErrors, DigestError, Problem, Severity, UsageError
from .importdates import LANGUAGES
from .importdays import MergeError, is_incomplete, merge_day, render_day, title_language
from .importer import declared_language, parse_listing
from .importmodel import Dropped, Entry, Listing
from .links import clean_url
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
#     source: {source}
#     tags: [{tag}]
#     time: "09:15"
headlines: []
---
"""


def day_path(project: Project, date: dt.date, paths: list[Path] | None = None) -> tuple[Path, bool]:
    """Return the day's file and whether it exists; a new one goes in digests/YYYY/.
    `paths`: the day files, when the caller has listed them already."""
    if paths is None:
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
    # The example names a source and a tag of this digest: copied as it is, it checks.
    config, _ = read_config(project)
    source = next(iter(config.sources), "espreso") if config else "espreso"
    tag = next(iter(config.tags), "frontline") if config else "frontline"
    write_text(path, NEW_DAY_TEMPLATE.format(date=date.isoformat(), source=source, tag=tag))
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
    skipped: tuple[Dropped, ...]  # already on the day, or its link on another
    draft: bool  # a new day, made a draft because an entry lacks its link or source


@dataclass(frozen=True)
class ImportResult:
    listing: Listing
    days: tuple[DayImport, ...]
    # What the check finds in the day files written (a title's word typed in two
    # alphabets, an HTML entity, a day that was wrong before), but a draft's missing links.
    problems: tuple[Problem, ...] = ()


FETCH_LIMIT = 20_000_000  # bytes: listing pages and feeds are rarely over 2 MB
FETCH_TIMEOUT = 30.0  # seconds without a byte


def fetch_listing(url: str) -> tuple[ListingFile, str]:
    """Fetch an outlet's page or feed for `digest import URL`: it as a listing file (in
    the charset the server, a byte order mark or the page declares) and its address (after
    redirects), which its relative links are relative to."""
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"digest/{__version__} (digest import)",
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
            "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data = response.read(FETCH_LIMIT + 1)
            final = response.geturl()
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise DigestError(
            f"cannot fetch {url}: the server answered {exc.code} {exc.reason}"
        ) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise DigestError(f"cannot fetch {url}: {reason}") from None
    if not final.startswith(("http://", "https://")):  # redirected elsewhere (ftp:)
        raise DigestError(f"cannot fetch {url}: it leads to {final}, which is not http(s)")
    if len(data) > FETCH_LIMIT:
        raise DigestError(f"cannot fetch {url}: it is over {FETCH_LIMIT // 1_000_000} MB")
    return read_listing_file(data, url, charset), final


_URL_LINE = re.compile(r"""^[ \t]*(?:-[ \t]+)?url:[ \t]*(["']?)(\S+?)\1[ \t]*(?:#.*)?$""", re.M)


def _links_on_days(paths: list[Path], but: set[dt.date]) -> dict[str, Path]:
    """Each headline link on the day files `paths` of other dates than `but`, without
    tracking parameters, with the first file it is on. Read as text, not YAML: an import
    need not parse ten years of days to know their links."""
    skipped = {f"{date.isoformat()}.md" for date in but}
    found: dict[str, Path] = {}
    for path in sorted(paths):
        if path.name in skipped:
            continue
        try:
            text = path.read_text("utf-8", errors="replace")
        except OSError:
            continue
        for match in _URL_LINE.finditer(text):
            url = match[2]
            found.setdefault(clean_url(url) if "?" in url else url, path)
    return found


def _day_of(path: Path) -> str:
    return path.name.removesuffix(".md")


def _with_languages(listing: Listing, text: str, config: Config) -> Listing:
    """Give each entry the language of its title where it is not the site's (see
    importdays.title_language): pages mark it so, and set it right to left where it is."""
    declared = declared_language(text)
    site = config.site.language
    languages = {key: source.language for key, source in config.sources.items()}

    def marked(entry: Entry) -> Entry:
        said = title_language(entry.title, site, declared, languages.get(entry.source))
        return replace(entry, language=said)

    days = tuple(replace(day, entries=tuple(map(marked, day.entries))) for day in listing.days)
    return replace(listing, days=days)


def import_listing(
    project: Project,
    text: str,
    default_date: dt.date,
    default_source: str = "",
    write: bool = True,
    page_url: str = "",
    now: dt.datetime | None = None,
) -> ImportResult:
    """Parse a pasted listing and create or merge the day files; with `write` False, only
    plan. `page_url`: where the listing was fetched from (its relative links are to it);
    `now`: when it was copied, in the site's time zone ("3 hours ago" in it)."""
    config = read_checked_config(project)
    if default_source and default_source not in config.sources:
        raise UsageError(
            f"--source {default_source}: no such source in content/sources.yaml; "
            f"the sources are: {', '.join(sorted(config.sources))}"
        )
    sources = {key: source.url for key, source in config.sources.items()}
    languages = tuple(dict.fromkeys((*LANGUAGES, config.site.language)))
    listing = parse_listing(
        text,
        default_date,
        sources,
        default_source,
        languages,
        config.site.timezone,
        page_url,
        now,
        {key: source.name for key, source in config.sources.items()},
    )
    listing = _with_languages(listing, text, config)
    paths, _ = day_file_paths(project)  # listed once: ten years take 25 ms a listing
    elsewhere: dict[str, Path] = {}
    if any(entry.url for day in listing.days for entry in day.entries):
        elsewhere = _links_on_days(paths, {day.date for day in listing.days})
    planned: list[tuple[Path, str, DayImport]] = []
    for day in listing.days:
        if not day.entries:
            continue
        path, exists = day_path(project, day.date, paths)
        rel = project.relative(path)
        entries = tuple(entry for entry in day.entries if entry.url not in elsewhere)
        repeated = tuple(
            Dropped(
                entry.line, entry.title, f"its link is already on {_day_of(elsewhere[entry.url])}"
            )
            for entry in day.entries
            if entry.url in elsewhere
        )
        if exists:
            old, problem = read_text(project, path)
            if problem or old is None:
                raise ContentErrors([problem] if problem else [])
            try:
                merge = merge_day(old, entries)
            except MergeError as exc:
                raise DigestError(f"{rel}: cannot merge into this day: {exc}") from None
            skipped = repeated + merge.skipped
            new_text = merge.text if merge.added else ""
            done = DayImport(rel, day.date, False, merge.added, skipped, False)
            planned.append((path, new_text, done))
        else:
            draft = any(is_incomplete(entry) for entry in entries)
            new_text = render_day(day.date, entries, draft)
            planned.append(
                (path, new_text, DayImport(rel, day.date, True, entries, repeated, draft))
            )
    problems: list[Problem] = []
    if write:
        for path, new_text, done in planned:
            if done.added:
                write_text(path, new_text)
                found = parse_day(done.path, new_text, config.site.base_url)[1]
                problems += [p for p in found if p.severity is not Severity.NOTE]
    return ImportResult(listing, tuple(done for _, _, done in planned), tuple(problems))
