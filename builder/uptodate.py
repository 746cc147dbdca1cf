"""Whether `digest build` has anything to do: nothing changed since the last build.

A build leaves a record in .digest-cache/: a stamp of everything the site is made from (the
name and bytes of every file under content/, the digest's templates/ and the bundled theme;
digest's own code and version; the options), the date it was in the site's time zone
(which decides what is published) and which folder it wrote, identified by its inode and
its marker file. When the next build finds the same stamp, date and folder, the site is up
to date and the build ends there, repeating the warnings the last one found. Anything
else, or `--force`, builds as usual. Only a build that succeeded leaves a record.

The stamp hashes the files' bytes, not their times: an edit is seen however quickly it
follows the last one, and a ten-year digest (some 30 MB) is hashed in well under a second.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import stat
from dataclasses import dataclass
from pathlib import Path

from . import __version__, clock
from .cache import CACHE_FOLDER, write_pickle
from .errors import Problem
from .output import folder_identity
from .project import Project, template_dirs
from .reuse import code_key

_FORMAT = f"last-build-1-{__version__}"


@dataclass(frozen=True)
class BuildRecord:
    """What the last successful build into one folder was made from, and what it made."""

    stamp: str
    timezone: str  # the site's, to tell today's date without reading site.yaml
    today: dt.date  # the date in that zone when it was built: what was published
    folder: tuple[int, int, int]  # the output folder's device and inode, its marker's inode
    pages: int
    feeds: int
    files: int
    warnings: tuple[Problem, ...]


def current(
    project: Project, out_dir: Path, inputs: str, now: dt.datetime, strict: bool
) -> BuildRecord | None:
    """Return the last build's record if the site in `out_dir` is up to date: the same
    `inputs` (a `stamp`), the same date in the site's zone, the same folder; else None.
    A strict build is never skipped when the last build had warnings (it must fail)."""
    last = load_record(project.root, out_dir)
    if (
        last is None
        or last.stamp != inputs
        or last.today != clock.local_date(now, last.timezone)
        or last.folder != folder_identity(out_dir)
        or (strict and last.warnings)
    ):
        return None
    return last


def stamp(project: Project, out_dir: Path, drafts: bool) -> str:
    """Return a hash of what a build of `project` into `out_dir` is made from: the names
    and bytes of the files under content/, the template folders and digest's own code, and
    the options."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr((_FORMAT, str(out_dir.absolute()), drafts, code_key())).encode())
    for folder in (project.content_dir, *template_dirs(project)):
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d not in (CACHE_FOLDER, "__pycache__"))
            for name in sorted(files):
                path = os.path.join(root, name)
                try:
                    # Only files: a named pipe would be waited on for ever, a link to
                    # /dev/zero read until memory runs out (the day files' walk reports
                    # such a day file; anything else in content/ is no part of the site).
                    if not stat.S_ISREG(os.stat(path).st_mode):
                        continue
                    with open(path, "rb") as stream:
                        data = stream.read()
                except OSError:
                    continue
                digest.update(f"{path}\0{len(data)}\0".encode())
                digest.update(data)
    return digest.hexdigest()


def _record_path(project_root: Path, out_dir: Path) -> Path:
    name = hashlib.blake2b(str(out_dir.absolute()).encode(), digest_size=8).hexdigest()
    return project_root / CACHE_FOLDER / f"last-build-{name}.pickle"


def load_record(project_root: Path, out_dir: Path) -> BuildRecord | None:
    """Read the record of the last build into `out_dir`; None if there is none to trust."""
    try:
        with _record_path(project_root, out_dir).open("rb") as stream:
            stored = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
    if not isinstance(stored, tuple) or len(stored) != 2 or stored[0] != _FORMAT:
        return None
    record = stored[1]
    return record if isinstance(record, BuildRecord) else None


def save_record(project_root: Path, out_dir: Path, record: BuildRecord) -> None:
    """Write the record atomically; failing to write it never fails a build."""
    path = _record_path(project_root, out_dir)
    try:
        path.parent.mkdir(exist_ok=True)
        write_pickle(path, (_FORMAT, record))
    except OSError:
        return


def forget(project_root: Path, out_dir: Path) -> None:
    """Remove the record (a build into `out_dir` started: until it succeeds, none holds)."""
    try:
        _record_path(project_root, out_dir).unlink()
    except OSError:
        return
