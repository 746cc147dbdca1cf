"""Reading content: site.yaml, sources.yaml, tags.yaml and the day files.

`parse_day` and `parse_config` work on strings and know no disk; `read_project` is the only
content I/O. What one file can tell about itself (syntax, fields, types, URLs, the date in
its name) is checked here; what needs several files (unknown sources and tags, one date in
two files, a URL on two days) is checked in `validate`.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import multiprocessing
import os
import re
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import markup, parallel, urls, yamlio
from .cache import ParseCache, ParseResult, content_key
from .dayfiles import DAY_FILE_NAME, link_problem, list_day_files, mended_listing
from .errors import Location, Problem, Severity, merge_conflicts, sort_problems
from .i18n import is_known_locale
from .model import Day, Headline, SiteConfig, Source, Tag, Update, headline_anchor_sizes
from .project import Project
from .schema import (
    DAY_FIELDS,
    DRAFT_HEADLINE_FIELDS,
    HEADLINE_FIELDS,
    NONCHARACTERS,
    SITE_FIELDS,
    SOURCE_FIELDS,
    TAG_FIELDS,
    Checker,
    character_kind,
)
from .urls import is_valid_id, slugify

_FORBIDDEN_IN_BODY = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{NONCHARACTERS}]")


@dataclass(frozen=True, slots=True)
class Reference:
    """A value that other files must agree with: a source or tag id, a place, a URL."""

    # "source", "tag", "place", "url", "title", "time" ("HH:MM") or "updated" (with a time
    # of day: "YYYY-MM-DD HH:MM")
    kind: str
    value: str
    field: str  # e.g. "headlines[2].tags[0]"
    location: Location


@dataclass(frozen=True)
class DayFile:
    """A parsed day, with what checks across files need: its references and their places.

    References include those of headlines that had other errors, so that one run reports
    an unknown tag even on a headline whose URL is also wrong.
    """

    day: Day
    date_location: Location
    references: tuple[Reference, ...] = field(compare=False)
    exact: bool = True  # False: read by the fast loader, so locations are not known

    def all_references(
        self, doubtful: Callable[[Headline], bool] | None = None
    ) -> tuple[Reference, ...]:
        """Return the references; a fast-read file keeps none and makes them from its day,
        with `doubtful`, only those of the headlines it says are in doubt (a tag renamed
        before its days are puts thousands of days in doubt, not all of their headlines)."""
        if self.exact:
            return self.references
        where = Location(self.day.source_path)
        found: list[Reference] = []
        for index, h in enumerate(self.day.headlines):  # a clean file: all valid, in order
            if doubtful is not None and not doubtful(h):
                continue
            item = f"headlines[{index}]"
            found.append(Reference("source", h.source, f"{item}.source", where))
            found.append(Reference("url", h.url, f"{item}.url", where))
            found.append(Reference("title", h.title, f"{item}.title", where))
            found.extend(
                Reference("tag", tag, f"{item}.tags[{n}]", where) for n, tag in enumerate(h.tags)
            )
            found.extend(
                Reference("place", place, f"{item}.places[{n}]", where)
                for n, place in enumerate(h.places)
            )
        return tuple(found)


@dataclass(frozen=True)
class Config:
    """site.yaml, sources.yaml and tags.yaml, checked."""

    site: SiteConfig
    sources: dict[str, Source]
    tags: dict[str, Tag]


# Day files -----------------------------------------------------------------------------


def split_front_matter(path: str, text: str) -> tuple[str, str, int] | Problem:
    """Split a day file into (YAML text, Markdown body, line number of the body's first line)."""
    lines = text.split("\n")
    if not text.strip():
        return Problem(
            Location(path, 1, 1),
            "front matter",
            "the file is empty: a day file starts with a line '---', then its fields "
            "(date, headlines, ...), then another '---' line; `digest new` writes one",
        )
    if lines[0].rstrip() != "---":
        return Problem(
            Location(path, 1, 1),
            "front matter",
            "missing front matter: a day file starts with a line '---', then its fields "
            "(date, headlines, ...), then another '---' line, then the commentary",
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            if lines[index].rstrip() == "...":
                fields = _fields_after(lines, index)
                if fields is not None:
                    return Problem(
                        Location(path, index + 1, 1),
                        "front matter",
                        "this line '...' ends the front matter, but the lines under it up "
                        f"to the '---' at line {fields + 1} are fields, not commentary: "
                        "delete the '...' line",
                    )
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return Problem(
        Location(path, 1, 1),
        "front matter",
        "the front matter is never closed: add a line '---' after the last field",
    )


# A field of a day or headline on a line of its own ("  - title: …", "    url: …").
_FIELD_NAMES = "|".join(sorted({f.name for f in DAY_FIELDS + HEADLINE_FIELDS}))
_FIELD_LINE = re.compile(rf"\s*(?:-\s+)?(?:{_FIELD_NAMES}):(?:\s|$)")


def _fields_after(lines: list[str], end: int) -> int | None:
    """The index of a '---' line below the line `end` ("...", YAML's end of a document)
    where fields stand between them: "..." typed in the front matter (a placeholder), which
    would make the headlines under it commentary, and the '---' a rule. None else."""
    fields = False
    for index in range(end + 1, len(lines)):
        line = lines[index]
        if line.rstrip() == "---":
            return index if fields else None
        fields = fields or _FIELD_LINE.match(line) is not None
    return None


def conflict_problems(path: str, text: str) -> list[Problem]:
    """Return a problem for each merge conflict git left unresolved in a file's text (a
    `git pull` or `git merge` of two editors' changes to one file)."""
    return [
        Problem(Location(path, line, 1), "", message) for line, message in merge_conflicts(text)
    ]


def normalise_text(text: str) -> str:
    """Drop a UTF-8 byte order mark and turn Windows and old Mac line ends into '\\n'."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_day(
    path: str, text: str, base_url: str = "/", fast: bool = False
) -> tuple[DayFile | None, list[Problem]]:
    """Parse one day file's text; `path` is relative to the project and named in problems.

    Relative links in notes and commentary are resolved against the day page's address
    under `base_url` (the site's), so they work on every page and in feeds. With `fast`,
    a clean file may be read by the fast loader (its DayFile is then not `exact`: its
    references have no positions); a file with any problem is always read exactly.
    """
    surrogate = yamlio.surrogate_problem(path, text)
    if surrogate is not None:
        return None, [surrogate]
    version = content_key(text.encode("utf-8"), base_url)
    text = normalise_text(text)
    conflicts = conflict_problems(path, text)
    if conflicts:  # its YAML would fail confusingly, its commentary be published as it is
        return None, conflicts
    split = split_front_matter(path, text)
    if isinstance(split, Problem):
        return None, [split]
    yaml_text, body, body_line = split
    quick = yamlio.load_fast(path, yaml_text, line_offset=1) if fast else None
    if quick is not None:
        day_file, problems = _parse_document(quick, path, body, body_line, base_url, version)
        if not problems:
            return day_file, problems
    # The exact loader: every position, every YAML 1.1 subtlety, every message.
    doc, problems = yamlio.load(path, yaml_text, line_offset=1)
    if doc is None:
        return None, problems
    day_file, more = _parse_document(doc, path, body, body_line, base_url, version)
    return day_file, problems + more


def _parse_document(
    doc: yamlio.Document, path: str, body: str, body_line: int, base_url: str, version: str
) -> tuple[DayFile | None, list[Problem]]:
    """Check a loaded front matter and the commentary; build the day."""
    problems: list[Problem] = []
    checker = Checker(doc, problems)
    if doc.value is None:
        problems.append(
            Problem(
                Location(path, 2, 1),
                "front matter",
                "the front matter is empty; write at least date: YYYY-MM-DD and headlines:",
            )
        )
        return None, problems
    fields = checker.record(doc.value, (), DAY_FIELDS, "the day's front matter")
    date = fields.get("date")
    name_match = DAY_FILE_NAME.fullmatch(path.rsplit("/", 1)[-1])
    if date is not None and name_match and name_match[1] != date.isoformat():
        checker.problem(
            ("date",),
            f"the date {date} does not match the file name {name_match[1]}.md; "
            "fix the date or rename the file",
        )
        date = None
    if date is None:
        return None, problems

    page_url = base_url + urls.day(date)
    references: list[Reference] = []
    headlines: list[Headline] = []
    first_url: dict[str, int] = {}
    draft = fields.get("draft", False)
    item_fields = DRAFT_HEADLINE_FIELDS if draft else HEADLINE_FIELDS
    for index, raw in enumerate(fields.get("headlines", [])):
        item_path: yamlio.Path = ("headlines", index)
        values = checker.record(raw, item_path, item_fields, f"headline {index + 1}")
        if doc.exact:  # a fast-read file makes its references when asked (all_references)
            references.extend(_references(doc, item_path, values))
        if draft and isinstance(raw, dict):
            problems.extend(_draft_notes(doc, item_path, raw))
        if not all(f.name in values for f in HEADLINE_FIELDS if f.required):
            continue
        url = values["url"]
        if url in first_url:
            checker.problem(
                (*item_path, "url"),
                f"the same URL as headlines[{first_url[url]}] (line "
                f"{doc.where(('headlines', first_url[url], 'url')).line}); remove one of them",
            )
            continue
        first_url[url] = index
        note_html = ""
        if values.get("note"):
            note_html, bad_links = markup.render_inline(values["note"], page_url)
            for bad in bad_links:
                checker.problem((*item_path, "note"), _bad_link_message(bad.url))
        headlines.append(
            Headline(
                date=date,
                title=values["title"],
                url=url,
                source=values["source"],
                tags=values.get("tags", ()),
                places=values.get("places", ()),
                time=values.get("time"),
                note=values.get("note", ""),
                note_html=note_html,
                label=values.get("label"),
                story=values.get("story"),
                language=values.get("language"),
                archive_url=values.get("archive_url"),
                update=_update(checker, raw, item_path, values, date, page_url),
            )
        )

    if len({h.anchor for h in headlines}) < len(headlines):  # two URLs' hashes start alike
        sizes = headline_anchor_sizes([h.url for h in headlines])
        headlines = [replace(h, anchor_size=size) for h, size in zip(headlines, sizes, strict=True)]
    if doc.exact:
        references.extend(_updated_reference(doc, (), fields))
    commentary_html, body_problems = _parse_body(path, body, body_line, page_url)
    problems.extend(body_problems)
    day = Day(
        date=date,
        source_path=path,
        title=fields.get("title"),
        summary=fields.get("summary"),
        headlines=tuple(headlines),
        commentary=body.strip(),
        commentary_html=commentary_html,
        version=version,
        draft=draft,
        update=_update(checker, doc.value, (), fields, date, page_url),
    )
    return DayFile(day, doc.where(("date",)), tuple(references), doc.exact), problems


def _update(
    checker: Checker,
    raw: Any,
    path: yamlio.Path,
    values: dict[str, Any],
    date: dt.date,
    page_url: str,
) -> Update | None:
    """Make the update of a day or headline from its `updated` and `correction` fields."""
    correction = values.get("correction", "")
    updated = values.get("updated")
    if updated is None:
        if correction and "updated" not in raw:
            checker.problem(
                (*path, "correction"),
                "a correction needs the date it was made; add updated: YYYY-MM-DD or "
                'updated: "YYYY-MM-DD HH:MM" beside it',
            )
        return None
    when, time = updated
    shown = f"{when} {time:%H:%M}" if time else str(when)
    headline_time = values.get("time") if path else None
    if when < date:
        checker.problem(
            (*path, "updated"),
            f"{shown} is before the day's date {date}; an update comes on or after its day",
        )
        return None
    if when == date and time and headline_time and time < headline_time:
        checker.problem(
            (*path, "updated"),
            f"{shown} is before the headline's time {headline_time:%H:%M}; "
            "an update comes after what it updates",
        )
        return None
    html = ""
    if correction:
        html, bad_links = markup.render_inline(correction, page_url)
        for bad in bad_links:
            checker.problem((*path, "correction"), _bad_link_message(bad.url))
    return Update(when, time, correction, html)


def _draft_notes(
    doc: yamlio.Document, item_path: yamlio.Path, raw: dict[str, Any]
) -> list[Problem]:
    """List what a draft's headline still misses; it is left out of --drafts builds until then."""
    notes: list[Problem] = []
    for name, what in (("url", "the article's link"), ("source", "a source id")):
        if raw.get(name) in (None, ""):
            path = (*item_path, name) if name in raw else item_path
            notes.append(
                Problem(
                    doc.where(path),
                    yamlio.dotted((*item_path, name)),
                    f"missing in this draft; add {what} before publishing the day",
                    Severity.NOTE,
                )
            )
    return notes


def _references(
    doc: yamlio.Document, item_path: yamlio.Path, values: dict[str, Any]
) -> list[Reference]:
    """List the values of a headline that other files must agree with, and where they are."""
    found = [
        Reference(kind, values[name], yamlio.dotted(path), doc.where(path))
        for kind, name in (("source", "source"), ("url", "url"), ("title", "title"))
        if name in values
        for path in [(*item_path, name)]
    ]
    if values.get("time") is not None:
        path = (*item_path, "time")
        found.append(
            Reference("time", f"{values['time']:%H:%M}", yamlio.dotted(path), doc.where(path))
        )
    found.extend(_updated_reference(doc, item_path, values))
    for kind, name in (("tag", "tags"), ("place", "places")):
        items = values.get(name, ())
        raw = doc.value_at((*item_path, name)) if items else None
        raw_items = raw if isinstance(raw, list) else []
        for number, value in enumerate(items):
            # Point at the item as written: invalid items were dropped from `values`.
            position = raw_items.index(value) if value in raw_items else number
            path = (*item_path, name, position)
            found.append(Reference(kind, value, yamlio.dotted(path), doc.where(path)))
    return found


def _updated_reference(
    doc: yamlio.Document, item_path: yamlio.Path, values: dict[str, Any]
) -> list[Reference]:
    """An `updated` with a time of day, as "YYYY-MM-DD HH:MM", and where it is: the clocks
    may have skipped it (validate.clock_problems)."""
    updated = values.get("updated")
    if updated is None or updated[1] is None:
        return []
    path = (*item_path, "updated")
    value = f"{updated[0]} {updated[1]:%H:%M}"
    return [Reference("updated", value, yamlio.dotted(path), doc.where(path))]


def _parse_body(path: str, body: str, first_line: int, page_url: str) -> tuple[str, list[Problem]]:
    problems: list[Problem] = []
    for number, line in enumerate(body.split("\n")):
        bad = _FORBIDDEN_IN_BODY.search(line)
        if bad:
            problems.append(
                Problem(
                    Location(path, first_line + number, bad.start() + 1),
                    "commentary",
                    f"contains {character_kind(bad.group())} U+{ord(bad.group()):04X}, "
                    "which cannot go into a web page or feed; delete it",
                )
            )
    if problems:
        return "", problems
    html, bad_links = markup.render_block(body, page_url)
    for link in bad_links:
        problems.append(
            Problem(
                Location(path, first_line + link.line), "commentary", _bad_link_message(link.url)
            )
        )
    return html, problems


def _bad_link_message(url: str) -> str:
    unseen = urls.unseen_in(url)
    if unseen is not None:
        return f"the link {unseen}"
    scheme, colon, rest = url.strip().partition(":")
    if colon and scheme.lower() in ("http", "https"):  # "http:evil.example", "https:/x"
        whole = f"{scheme.lower()}://{rest.lstrip('/')}"
        return (
            f"the link '{url}' has no '//' after '{scheme}:': a browser would guess where it "
            f"leads; write the whole address, '{whole}', or a path within the site"
        )
    return (
        f"the link '{url}' is not allowed: links must be absolute http(s) URLs or paths "
        "within the site; write an https:// address or remove the link"
    )


# Configuration -------------------------------------------------------------------------


def parse_config(texts: dict[str, tuple[str, str | None]]) -> tuple[Config | None, list[Problem]]:
    """Check site.yaml, sources.yaml and tags.yaml, given as name -> (path, text or None)."""
    problems: list[Problem] = []
    docs: dict[str, yamlio.Document] = {}
    for name, (path, text) in texts.items():
        if text is None:
            problems.append(
                Problem(
                    Location(path),
                    "",
                    "the file is missing; create it (docs/content-format.md lists its fields)",
                )
            )
            continue
        doc, found = yamlio.load(path, normalise_text(text))
        problems.extend(found)
        if doc is not None:
            docs[name] = doc
    if any(problem.is_error for problem in problems) or len(docs) < len(texts):
        return None, problems

    site_doc = docs["site.yaml"]
    site_checker = Checker(site_doc, problems)
    site_values = site_checker.record(site_doc.value, (), SITE_FIELDS, "site.yaml")
    if "language" in site_values and not is_known_locale(site_values["language"]):
        site_checker.problem(
            ("language",),
            f"no month and day names are known for '{site_values['language']}'; "
            "use a language code such as en or uk",
        )
    sources = _registry(docs["sources.yaml"], problems, SOURCE_FIELDS, "source", Source)
    tags = _registry(docs["tags.yaml"], problems, TAG_FIELDS, "tag", Tag)
    if any(problem.is_error for problem in problems):  # a warning fails only --strict
        return None, problems
    return Config(SiteConfig(**site_values), sources, tags), problems


def _registry(
    doc: yamlio.Document, problems: list[Problem], fields: Any, what: str, make: Any
) -> dict[str, Any]:
    """Check a file that maps ids to records (sources.yaml, tags.yaml)."""
    checker = Checker(doc, problems)
    value = {} if doc.value is None else doc.value
    if not isinstance(value, dict):
        example = (
            "'espreso:', then '  name: Espreso'"
            if what == "source"
            else "'frontline:', then '  name: Frontline'"
        )
        checker.problem(
            (),
            f"must map {what} ids to their fields: each id on a line of its own, its fields "
            f"indented under it ({example}), not a list",
        )
        return {}
    result: dict[str, Any] = {}
    for key, raw in value.items():
        if not is_valid_id(str(key)):
            hint = slugify(str(key))
            checker.problem(
                (key,),
                f"'{key}' is not a valid {what} id: use lowercase letters, digits and single "
                f"hyphens" + (f", e.g. '{hint}'" if hint else ""),
                at_key=True,
            )
            continue
        values = checker.record(raw, (key,), fields, f"{what} '{key}'")
        if all(f.name in values for f in fields if f.required):
            result[key] = make(id=key, **values)
    return result


# Disk ----------------------------------------------------------------------------------


def read_text(project: Project, path: Path) -> tuple[str | None, Problem | None]:
    """Read a UTF-8 file; report undecodable bytes at their line and column."""
    data, problem = read_bytes(project, path)
    if problem:
        return None, problem
    return decode(project, path, data)


# A day of 100 headlines with notes is about 40 KB. Far bigger files are mistakes (a pasted
# dump, a file saved into the wrong folder), and reading one would take minutes.
MAX_FILE_BYTES = 2 * 1024 * 1024
# How binary files start, for a message that says what the file is.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word or OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel document"),
    (b"RIFF", "a WebP image or a sound file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xff\xfe", "UTF-16 text"),
    (b"\xfe\xff", "UTF-16 text"),
)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def read_bytes(project: Project, path: Path) -> tuple[bytes, Problem | None]:
    """Read a file's bytes, or say why it cannot be read (or is too big to be content)."""
    rel = project.relative(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return b"", Problem(
                Location(rel),
                "",
                f"the file is {size / 1024 / 1024:.1f} MB, more than content may be "
                f"({MAX_FILE_BYTES // 1024 // 1024} MB; a day of 100 headlines is about 40 KB): "
                "split it, or move what is not content out of content/",
            )
        return path.read_bytes(), None
    except OSError as exc:
        return b"", Problem(Location(rel), "", f"cannot read the file: {exc.strerror}")


def decode(project: Project, path: Path, data: bytes) -> tuple[str, Problem | None]:
    """Decode UTF-8; report undecodable bytes at their line and column (in characters)."""
    kind = next((what for magic, what in _MAGIC if data.startswith(magic)), None)
    if kind is None and data[:8192].count(b"\x00") >= 8:  # one stray NUL is a typo
        kind = "binary data"
    if kind is not None:
        return "", Problem(
            Location(project.relative(path), 1, 1),
            "",
            f"the file is {kind}, not UTF-8 text: save it as UTF-8 text, or move it out of "
            "content/ if it is not content",
        )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before[before.rfind(b"\n") + 1 :]
        column = len(line_start.decode("utf-8", errors="replace")) + 1  # in characters
        return "", Problem(
            Location(project.relative(path), line, column),
            "",
            f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02X}); save it as UTF-8",
        )


def read_config(
    project: Project, cache: ParseCache | None = None
) -> tuple[Config | None, list[Problem]]:
    """Read and check the three configuration files of a project; with a cache (the
    preview's), files read as they were last time give the same Config (parsing them
    again took 5 ms of every save)."""
    texts: dict[str, tuple[str, str | None]] = {}
    problems: list[Problem] = []
    for name in ("site.yaml", "sources.yaml", "tags.yaml"):
        path = project.content_dir / name
        rel = project.relative(path)
        problem = link_problem(project, path) if path.is_symlink() else None
        if problem:
            problems.append(problem)
            continue
        if path.is_dir():  # (a folder made where the file should be)
            problems.append(
                Problem(Location(rel), "", f"is a folder, not a file: remove it and write {name}")
            )
            continue
        if not path.is_file():
            texts[name] = (rel, None)
            continue
        text, problem = read_text(project, path)
        if problem:
            problems.append(problem)
        elif text is not None:
            problems += conflict_problems(rel, normalise_text(text))
        texts[name] = (rel, text)
    if problems:
        return None, problems
    if cache is not None and cache.config is not None and cache.config[0] == texts:
        config, found = cache.config[1]
        return config, list(found)
    config, problems = parse_config(texts)
    if cache is not None:
        cache.config = (texts, (config, tuple(problems)))
    return config, problems


def read_days(
    project: Project,
    base_url: str = "/",
    only: set[str] | None = None,
    exact: bool = False,
    cache: ParseCache | None = None,
    changed: Collection[str] | None = None,
    fork: bool = False,
) -> tuple[list[DayFile], list[Problem]]:
    """Read and parse every day file of a project (or those in `only`), in path order.

    With a cache, only files whose bytes changed are parsed again; many misses are parsed
    on every core. `exact` parses with the exact loader, bypassing the cache. `changed`
    (with a cache) is every path relative to the project that may have changed since the
    last call, as the preview's watcher saw them: the other day files are not looked at.
    `fork`: the caller runs no threads, so many misses may be parsed in a forked process.
    """
    use_cache = cache is not None and not exact
    listing = None
    if (
        changed is not None
        and cache is not None
        and cache.listing is not None
        and cache.listed_with == base_url  # the results depend on it (content_key)
        and use_cache
        and only is None
    ):
        listing = mended_listing(project, cache.listing, changed)
    hinted = changed if listing is not None else None  # the watcher's word is taken
    if listing is None:
        listing = list_day_files(project)
    if cache is not None and use_cache and only is None:
        cache.listing = None  # kept again below, once every file is read
    files, problems = listing.files, list(listing.problems)
    if only is not None:
        files = {rel: path for rel, path in files.items() if rel in only}
        problems = []
    results: dict[str, ParseResult] = {}
    misses: list[tuple[str, str, str]] = []  # (relative path, text, key)
    for rel, path in files.items():
        if hinted is not None and rel not in hinted and cache is not None:  # as last read
            last = cache.last_result(rel)
            if last is not None:
                results[rel] = last
                continue
        info = _stat(path) if cache is not None and use_cache else None
        if cache is not None and info is not None and (hinted is None or rel not in hinted):
            known = cache.known_key(rel, info, base_url)  # unchanged since read: not read
            hit = cache.lookup(rel, known) if known else None
            if hit is not None:
                results[rel] = hit
                continue
        read_at = time.time_ns()
        data, problem = read_bytes(project, path)
        if problem:
            problems.append(problem)
            continue
        key = content_key(data, base_url)
        if cache is not None and info is not None:
            cache.remember(rel, info, base_url, key, read_at)
        hit = cache.lookup(rel, key) if cache is not None and use_cache else None
        if hit is not None:
            results[rel] = hit
            continue
        text, problem = decode(project, path, data)
        if problem:
            problems.append(problem)
        else:
            misses.append((rel, text, key))
    parsed = parse_many(misses, base_url, exact, fork)
    for (rel, _, key), result in zip(misses, parsed, strict=True):
        if cache is not None and not exact:
            result = cache.store(rel, key, result)
        results[rel] = result
    if cache is not None and only is None:
        cache.keep_only(set(results))  # a file that could not be read is read again next time
    if cache is not None and use_cache and only is None:
        cache.listing, cache.listed_with = listing, base_url
    days: list[DayFile] = []
    for rel in sorted(results):
        day_file, found = results[rel]
        problems.extend(found)
        if day_file is not None:
            days.append(day_file)
    return days, problems


def check_exactly(
    project: Project,
    base_url: str,
    day_files: list[DayFile],
    check: Callable[[list[DayFile]], list[Problem]],
    placed: int | None = None,
    fork: bool = False,
) -> tuple[list[DayFile], list[Problem]]:
    """Run a check across day files; files it blames that the fast loader read (which knows
    no lines) are read again exactly and the check runs again, so every problem is placed.

    A file is blamed when a problem is in it or points at it (the first day of a repeated
    URL). With `placed`, only the first `placed` problems in file order are placed (those
    reported in full, errors.SHOWN): a tag renamed before its days are blamed 3,359 files
    of ten years, 20 s of reading again. Returns the day files, exact where it mattered,
    and the problems. `fork`: the caller runs no threads (reading may fork).
    """
    problems = check(day_files)
    inexact = {f.day.source_path for f in day_files if not f.exact}
    if not inexact or not problems:
        return day_files, problems
    shown = problems if placed is None else sort_problems(problems)[:placed]
    blamed = _blamed(inexact, shown)
    if not blamed:
        return day_files, problems
    exact_files, _ = read_days(project, base_url, only=blamed, exact=True, fork=fork)
    by_path = {f.day.source_path: f for f in exact_files}
    day_files = [by_path.get(f.day.source_path, f) for f in day_files]
    return day_files, check(day_files)


def _blamed(paths: set[str], problems: list[Problem]) -> set[str]:
    """Return those of `paths` (day files) that a problem is in or names in its message."""
    blamed = {p.location.path for p in problems} & paths
    by_name: dict[str, list[str]] = {}
    for path in paths:
        by_name.setdefault(path.rsplit("/", 1)[-1], []).append(path)
    for message in {p.message for p in problems}:
        for name in _DAY_FILE_NAME_IN.findall(message):
            blamed.update(path for path in by_name.get(name, ()) if path in message)
    return blamed


_DAY_FILE_NAME_IN = re.compile(r"\d{4}-\d{2}-\d{2}\.md")


# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 200


def parse_many(
    jobs: list[tuple[str, str, str]], base_url: str, exact: bool, fork: bool = False
) -> list[ParseResult]:
    """Parse day files, on every core when there are many; results in the order of `jobs`.

    With `fork` (the caller runs no threads) and two cores, this process parses beside one
    forked from it, which inherits the texts and sends its results back as it goes
    (parallel.shared_map): reading ten years took 3.3-3.75 s so, against 3.95-4.3 s with
    a pool of fresh workers that this process fed and waited for.
    """
    fast = not exact
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_THRESHOLD or workers < 2:
        return [_parse_job(rel, text, base_url, fast) for rel, text, _ in jobs]
    if fork and workers == 2 and parallel.can_fork():
        return parallel.shared_map(lambda job: _parse_job(job[0], job[1], base_url, fast), jobs)
    # A fresh interpreter per worker (forkserver/spawn), never fork: the caller may have
    # threads running (the file watcher), which fork does not survive safely.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    chunk = max(1, len(jobs) // (workers * 4))
    try:
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
            return list(
                pool.map(
                    _parse_job,
                    [rel for rel, _, _ in jobs],
                    [text for _, text, _ in jobs],
                    [base_url] * len(jobs),
                    [fast] * len(jobs),
                    chunksize=chunk,
                )
            )
    except (OSError, concurrent.futures.process.BrokenProcessPool):
        # No worker processes here (a sandbox, an embedding interpreter): parse in this one.
        return [_parse_job(rel, text, base_url, fast) for rel, text, _ in jobs]


def _parse_job(rel: str, text: str, base_url: str, fast: bool) -> ParseResult:
    day_file, problems = parse_day(rel, text, base_url, fast=fast)
    return day_file, tuple(problems)


def warn(location: Location, field_name: str, message: str) -> Problem:
    """Make a warning: it fails the build only with --strict."""
    return Problem(location, field_name, message, Severity.WARNING)
