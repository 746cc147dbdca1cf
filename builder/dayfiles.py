"""Which files are day files: the walk of content/digests/ and, for the preview, the walk's
result mended from the paths its watcher saw change (a save need not look at ten years of
files to find the one that changed)."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Location, Problem
from .project import Project

DAY_FILE_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})\.md")
_DIGESTS = "content/digests/"


@dataclass(frozen=True)
class DayListing:
    """The day files found under content/digests/, by path relative to the project (in path
    order), with the problems of badly named files, every folder walked, and whether only
    a walk can tell what a change changed (a symbolic link was met, or a folder could not
    be read)."""

    files: dict[str, Path]
    problems: tuple[Problem, ...]
    folders: frozenset[str]
    walk_only: bool


# The copies `git mergetool` writes beside a file in conflict: name_BACKUP_1234.md, ...
_MERGETOOL = re.compile(r"_(?:BACKUP|BASE|LOCAL|REMOTE)_\d+\.[^.]+$")


def mended_listing(
    project: Project, before: DayListing, changed: Collection[str]
) -> DayListing | None:
    """Return `before` with the day files among `changed` (paths relative to the project,
    as a watcher saw them change) added or removed; None when only a new walk can tell:
    a folder made, moved or removed, a badly named .md file, a symbolic link, anything
    above content/digests/, or a listing that met links."""
    if before.walk_only:
        return None
    files = before.files
    added = False
    for rel in changed:
        if not rel.startswith(_DIGESTS):
            if _DIGESTS.startswith(rel.rstrip("/") + "/") or rel in ("", "."):
                return None  # content/ or digests/ itself
            continue  # the configuration, templates: not day files
        folder, _, name = rel.rpartition("/")
        if folder not in before.folders:
            return None  # in a folder not walked yet
        try:
            info: os.stat_result | None = os.lstat(project.root / rel)
        except FileNotFoundError:
            info = None
        except OSError:
            return None
        if info is not None and not stat.S_ISREG(info.st_mode):
            return None  # a folder, a link, ...
        if info is None and rel in before.folders:
            return None  # a folder removed
        kind = _name_kind(name)
        if kind == "other":
            continue
        if kind == "misnamed":
            return None  # reported (or no longer) by the walk
        if files is before.files:
            files = dict(before.files)
        if info is None:
            files.pop(rel, None)
        elif rel not in files:
            files[rel] = project.root / rel
            added = True
    if added:
        files = dict(sorted(files.items(), key=lambda item: item[1].parts))
    return DayListing(files, before.problems, before.folders, False)


def _name_kind(name: str) -> str:
    """Return "day" for a day file's name, "misnamed" for a .md file that is not one (the
    walk reports it), "other" for names the walk passes over (a folder's README is not a
    day)."""
    if not name.lower().endswith(".md") or name.startswith(".") or name.lower() == "readme.md":
        return "other"
    if DAY_FILE_NAME.fullmatch(name) and _is_date(name[:10]):
        return "day"
    return "misnamed"


def day_file_paths(project: Project) -> tuple[list[Path], list[Problem]]:
    """List the day files under content/digests/, and report .md files badly named."""
    listing = list_day_files(project)
    return list(listing.files.values()), list(listing.problems)


def list_day_files(project: Project) -> DayListing:
    """Walk content/digests/ for its day files, and report .md files badly named."""
    paths: list[Path] = []
    problems: list[Problem] = []
    walked = _Walked()
    if not project.digests_dir.is_dir():
        return DayListing(
            {},
            (
                Problem(
                    Location(project.relative(project.digests_dir)),
                    "",
                    "there is no content/digests/ folder; create it and add day files "
                    "named YYYY-MM-DD.md",
                ),
            ),
            frozenset(),
            walk_only=True,
        )
    for path in _walk(project, project.digests_dir, problems, walked):
        name = path.name
        kind = _name_kind(name)
        if kind == "other":
            continue
        if kind == "day":
            paths.append(path)
            continue
        if DAY_FILE_NAME.fullmatch(name):
            message = f"'{name[:10]}' in the file name '{name}' is not a date; fix the name"
        elif _MERGETOOL.search(name):
            message = (
                f"'{name}' is a copy git mergetool makes while a conflict is resolved: finish "
                "the merge (it deletes it), or delete it"
            )
        else:
            message = (
                f"'{name}' is not a day file name: name it YYYY-MM-DD.md after its date, "
                "or move it out of content/digests/"
            )
        problems.append(Problem(Location(project.relative(path)), "", message))
    files = {project.relative(path): path for path in paths}
    return DayListing(files, tuple(problems), frozenset(walked.folders), walked.walk_only)


@dataclass
class _Walked:
    folders: set[str] = field(default_factory=set)  # relative to the project
    walk_only: bool = False  # a symbolic link met, or a folder that could not be read


def _walk(project: Project, folder: Path, problems: list[Problem], seen: _Walked) -> list[Path]:
    """List the files below `folder`, in path order, following only links that stay inside.

    A symbolic link (to a day file or a folder) that leads out of content/ is reported and
    not followed: a link could publish any file of the machine, or a folder that is not
    the digest's. A link to a folder inside content/ is followed, once: a link back into
    digests/ (which is read anyway) or into a folder already walked is reported.
    """
    digests = project.digests_dir.resolve()
    files: list[Path] = []
    walked = {digests}
    pending = [folder]
    while pending:
        current = pending.pop()
        seen.folders.add(project.relative(current))
        try:
            # scandir, not Path.iterdir: an entry's type comes with it (no call per file),
            # which makes the preview's look for changes five times faster on ten years.
            with os.scandir(current) as scan:
                entries = sorted((item.name, item) for item in scan)
        except OSError as exc:
            problems.append(
                Problem(Location(project.relative(current)), "", f"cannot read: {exc.strerror}")
            )
            seen.walk_only = True
            continue
        for name, item in entries:
            link = item.is_symlink()
            is_dir = _is_dir(item)
            read = is_dir or (name.lower().endswith(".md") and not name.startswith("."))
            entry = current / name
            seen.walk_only |= link
            if link and read:
                problem = link_problem(project, entry)
                real = entry.resolve() if problem is None else None
                if real is not None and is_dir and any(real.is_relative_to(p) for p in walked):
                    problem = Problem(
                        Location(project.relative(entry)),
                        "",
                        f"is a symbolic link to {project.relative(real)}, whose files are "
                        "already read; remove the link",
                    )
                if problem is not None:
                    problems.append(problem)
                    continue
            if is_dir:
                if link:
                    walked.add(entry.resolve())
                pending.append(entry)
            elif link or _is_file(item):
                files.append(entry)
            elif read:  # a named pipe, a socket, a device: reading it would wait for ever
                problems.append(
                    Problem(
                        Location(project.relative(entry)),
                        "",
                        f"is not a file but {_kind_of(entry)}; remove it, and save the day "
                        "as a file",
                    )
                )
    return sorted(files, key=_path_parts)  # as Paths sort, without their slow comparisons


def _path_parts(path: Path) -> tuple[str, ...]:
    return path.parts


def _kind_of(path: Path) -> str:
    """Name what a path is that is neither a file nor a folder."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return "something that cannot be read"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "no file"


def _is_dir(item: os.DirEntry[str]) -> bool:
    try:
        return item.is_dir()
    except OSError:
        return False


def _is_file(item: os.DirEntry[str]) -> bool:
    try:
        return item.is_file()
    except OSError:
        return False


def link_problem(project: Project, path: Path) -> Problem | None:
    """Refuse a path that leads out of content/ through symbolic links; None when it stays."""
    rel = project.relative(path)
    try:
        target = path.resolve(strict=False)
    except (OSError, RuntimeError):  # RuntimeError: a loop of links (Python < 3.13)
        return Problem(Location(rel), "", "is a symbolic link that leads in a loop; remove it")
    if target.is_relative_to(project.content_dir.resolve()):
        return None
    return Problem(
        Location(rel),
        "",
        f"is a symbolic link to {target}, outside content/; digest reads only files inside "
        "content/ (a link could publish any file of this machine): copy the file into "
        "content/ instead of linking to it",
    )


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
