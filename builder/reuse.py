"""Pages a new `digest build` takes from the site it replaces, instead of rendering them.

Every build writes a whole new folder and swaps it in (output.py). Most of it is usually
what the last build wrote: after an edit to today's digest, a ten-year site changes in a
few dozen of its 18,000 files. So a build leaves, beside its record in .digest-cache/, the
key of every page and feed it wrote (incremental.InputKeys: everything the file is made
from, as a digest) with the file's size, time and inode. The next build into the same
folder computes each key again; where it is unchanged and the old file is still the one
that build wrote, the old file is hard-linked into the new folder, not rendered and
written again. The keys are the preview's, which tests/test_incremental.py holds to the
bytes of a fresh build; their digests also cover digest's own code.

The site a build replaces is not deleted but parked in .digest-cache/ (when on the same
file system, and when the build linked most of its files: then it costs little room), with
the record of its files: the next build adopts it as its build folder (output.py), keeps
the files still right where they are, and links or writes only the rest.

Nothing here can put a wrong file in the site: an unreadable or foreign record, a folder
that is not the one recorded, a file whose metadata changed, or a failed link all mean
"render it". `digest build --force` renders everything.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import operator
import os
import pickle
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import __version__
from .cache import CACHE_FOLDER, write_pickle
from .output import folder_identity

_FORMAT = f"pages-2-{__version__}"
_CODE = Path(__file__).resolve().parent

FileStat = tuple[int, int, int]  # size, modification time (ns), inode


@dataclass(frozen=True)
class Previous:
    """The site a build replaces: its folder and, by output path, each file's key and
    metadata when the last build wrote it."""

    folder: Path
    files: dict[str, tuple[str, FileStat]]
    # The files found as recorded when they were last looked at (`checked`): then
    # `unchanged_mask` takes that look, not one of its own.
    intact: frozenset[str] | None = None

    def unchanged(self, output_path: str, key: str) -> str | None:
        """Return the old file for `output_path` (its path, a string: a build asks for
        18,000) if it was made from `key` and has not been touched since; else None."""
        known = self.files.get(output_path)
        if known is None or known[0] != key:
            return None
        source = os.path.join(self.folder, output_path)
        try:
            info = os.lstat(source)
        except OSError:
            return None
        return source if _stat(info) == known[1] else None

    def unchanged_mask(
        self, paths: list[str], keys: list[str]
    ) -> tuple[list[bool], list[FileStat]]:
        """`unchanged` for each of `paths` (made from `keys`), at once, as whether there is
        such a file, with the metadata it was recorded with (_GONE where none is): a build
        asks for 21,700 on ten years, `digest watch` on every save. One lstat each is most
        of it (none if `checked` looked); the rest goes at C speed."""
        known = list(map(self.files.get, paths, itertools.repeat(_NO_RECORD)))
        stats = list(map(_STAT_OF, known))
        same = map(operator.eq, map(_KEY_OF, known), keys)
        if self.intact is not None:
            return list(map(operator.and_, same, map(self.intact.__contains__, paths))), stats
        found = list(same)
        candidates = list(itertools.compress(range(len(paths)), found))
        folder = os.fspath(self.folder) + "/"
        full = [folder + paths[index] for index in candidates]
        for index, stat in zip(candidates, _stats(full), strict=True):
            found[index] = stat == stats[index]
        return found, stats

    def checked(self) -> Previous:
        """Return this record with `intact`: the files whose size, time and inode are still
        the recorded ones now (one lstat each, what `unchanged_mask` would do later)."""
        folder = os.fspath(self.folder) + "/"
        paths = list(self.files)
        now = _stats([folder + path for path in paths])
        files = self.files
        intact = frozenset(
            path for path, stat in zip(paths, now, strict=True) if stat == files[path][1]
        )
        return replace(self, intact=intact)


def _stats(paths: list[str]) -> list[FileStat]:
    """Return each file's FileStat (_GONE where there is none)."""
    try:
        infos: list[os.stat_result | None] = list(map(os.lstat, paths))
    except OSError:  # one is gone: each is looked at on its own
        infos = list(map(_lstat, paths))
    return [_GONE if info is None else _stat(info) for info in infos]


@functools.cache  # the code a process runs does not change while it runs
def code_key() -> str:
    """Return a hash of digest's own code and data files: output depends on them too."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    for root, dirs, files in os.walk(_CODE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            path = os.path.join(root, name)
            with open(path, "rb") as stream:
                digest.update(f"{os.path.relpath(path, _CODE)}\0".encode() + stream.read())
    return digest.hexdigest()


def load(project_root: Path, out_dir: Path, folder: tuple[int, int, int] | None) -> Previous | None:
    """Return what the last build into `out_dir` wrote, if `folder` (uptodate's identity
    of the output folder now) is the folder it wrote; else None."""
    return load_both(project_root, out_dir, folder)[0]


def load_both(
    project_root: Path, out_dir: Path, folder: tuple[int, int, int] | None
) -> tuple[Previous | None, Previous | None]:
    """Return what `load` returns, and the site the last build into `out_dir` parked
    (`parked_folder`) if it is there as the record says (else None), from one reading of
    the record."""
    stored = _stored(project_root, out_dir)
    if stored is None:
        return None, None
    previous = None
    if folder is not None and stored[1] == folder and isinstance(stored[2], dict):
        previous = Previous(out_dir.absolute(), stored[2])
    parked = None
    place = parked_folder(project_root, out_dir)
    if isinstance(stored[3], tuple) and len(stored[3]) == 2:
        identity, files = stored[3]
        if identity is not None and identity == folder_identity(place) and isinstance(files, dict):
            parked = Previous(place, files)
    return previous, parked


def parked_folder(project_root: Path, out_dir: Path) -> Path:
    """Where a build into `out_dir` parks the site it replaced, for the next to adopt."""
    return _path(project_root, out_dir).with_suffix(".parked")


def save(
    project_root: Path,
    out_dir: Path,
    folder: tuple[int, int, int] | None,
    record: Previous,
    parked: Previous | None = None,
) -> None:
    """Record, for the next build into `out_dir` (now in place, as `folder`), the key and
    metadata of each file a build put there (`written`), and those of the site it parked;
    failing to record them never fails a build."""
    path = _path(project_root, out_dir)
    try:
        path.unlink(missing_ok=True)
        if folder is None:
            return
        kept = None if parked is None else (folder_identity(parked.folder), parked.files)
        write_pickle(path, (_FORMAT, folder, record.files, kept))
    except OSError:
        return


def forget(project_root: Path, out_dir: Path) -> None:
    """Remove the record of the files in `out_dir` (a build replaced them unrecorded)."""
    with contextlib.suppress(OSError):
        _path(project_root, out_dir).unlink(missing_ok=True)


def _stored(project_root: Path, out_dir: Path) -> tuple[Any, ...] | None:
    try:
        with _path(project_root, out_dir).open("rb") as stream:
            stored = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 4 and stored[0] == _FORMAT):
        return None
    return stored


def written(
    out_dir: Path, keys: dict[str, str], reused: dict[str, FileStat] | None = None
) -> Previous:
    """Return what a build has just put in place in `out_dir`: the key and metadata of
    each file it wrote (`keys`: output path -> key), for the next build to take from.
    `reused`: the metadata of files taken from an earlier build, checked as they were
    taken (a hard link shares it); where it is not the file's now (copied where a link
    failed, or changed since), the file is made again next time, as a changed one is."""
    files = {}
    folder = os.fspath(out_dir)
    reused = reused or {}
    for output_path, key in keys.items():
        known = reused.get(output_path)
        if known is not None:
            files[output_path] = (key, known)
            continue
        try:
            files[output_path] = (key, _stat(os.lstat(os.path.join(folder, output_path))))
        except OSError:
            continue
    return Previous(out_dir.absolute(), files)


_GONE = (-1, -1, -1)  # the FileStat of no file
_NO_RECORD = (None, _GONE)  # of a file not recorded: no key is None
_KEY_OF = operator.itemgetter(0)
_STAT_OF = operator.itemgetter(1)


def _lstat(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None


def _stat(info: os.stat_result) -> FileStat:
    """What tells a file as a build left it: its size, modification time and inode."""
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def _path(project_root: Path, out_dir: Path) -> Path:
    name = hashlib.blake2b(str(out_dir.absolute()).encode(), digest_size=8).hexdigest()
    return project_root / CACHE_FOLDER / f"pages-{name}.pickle"
