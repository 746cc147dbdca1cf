"""Parsed day files kept between builds, in memory and in .digest-cache/ on disk.

A day file is parsed again only when its bytes (or the site's base URL, which its links are
resolved against) change: entries are keyed by a hash of both. The disk copy is in the
project's .digest-cache/days/ folder (git-ignored by a .gitignore in .digest-cache/), one
pickle per folder of day files (a year: content/digests/2024/), so that a build after an
edit to today's digest rewrites one year's entries, not ten years'. It is only ever read
from there; a file that cannot be read is ignored and its days are parsed again.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import hashlib
import os
import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from . import __version__

if TYPE_CHECKING:  # the reader uses this module; its types are only named here
    from .dayfiles import DayListing
    from .errors import Problem
    from .reader import Config, DayFile

CACHE_FOLDER = ".digest-cache"


def write_replacing(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write the file `path` through a temporary file beside it, put in its place once
    whole: all of it or nothing, and no temporary file left when writing fails (a full
    disk left one each build, never removed)."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as stream:
            write(stream)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_pickle(path: Path, value: object) -> None:
    """Write `value` pickled into the file `path`, whole or not at all (`write_replacing`)."""
    write_replacing(path, functools.partial(pickle.dump, value, protocol=pickle.HIGHEST_PROTOCOL))


def ignored_by_git(folder: Path, what: str) -> None:
    """Make sure `folder` holds the .gitignore that keeps it out of git ("# {what}; safe to
    delete", "*"): written whole, or again where a full disk left it empty."""
    ignore = folder / ".gitignore"
    text = f"# {what}; safe to delete\n*\n".encode()
    try:
        if ignore.read_bytes().endswith(b"*\n"):
            return
    except OSError:
        pass
    write_replacing(ignore, lambda stream: stream.write(text))


_FORMAT = f"days-17-{__version__}"
_SHARDS = "days"  # .digest-cache/days/<shard>.pickle

ParseResult = tuple["DayFile | None", tuple["Problem", ...]]


def content_key(data: bytes, base_url: str) -> str:
    """Return the cache key of a day file's bytes read under a base URL."""
    return hashlib.blake2b(base_url.encode() + b"\0" + data, digest_size=16).hexdigest()


# A file whose time is this close to when it was read may change again within the same tick
# of the file system's clock without its time changing: its bytes are read again next time.
RACY_NS = 2_000_000_000


@dataclass
class ParseCache:
    """Parse results by source path, each with the content key it was made from.

    In memory, it also remembers each file's metadata when its bytes were last read (size,
    times, inode, device), so a process that builds again and again (the preview) reads
    only the files whose metadata changed. A file modified less than RACY_NS before it was
    read is read again regardless, as git does with "racily clean" files: an edit that
    keeps its size within the same clock tick would otherwise go unseen.
    """

    entries: dict[str, tuple[str, ParseResult]] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    stats: dict[str, tuple[tuple[int, ...], str, str]] = field(default_factory=dict)
    dirty: set[str] = field(default_factory=set)  # shards changed since read from disk
    # The day files found by the last read of every day (in memory only), and the base URL
    # they were read with: the preview's watcher tells which of them changed since.
    listing: DayListing | None = None
    listed_with: str | None = None
    # The configuration files' texts as last read, and what parsing them gave.
    config: tuple[dict[str, Any], tuple[Config | None, tuple[Problem, ...]]] | None = None

    def known_key(self, path: str, info: os.stat_result, base_url: str) -> str | None:
        """Return the content key `path` had when last read under `base_url`, if its
        metadata is the same now."""
        known = self.stats.get(path)
        if known is None or known[0] != _stat_key(info) or known[1] != base_url:
            return None
        return known[2]

    def remember(
        self, path: str, info: os.stat_result, base_url: str, key: str, read_at_ns: int
    ) -> None:
        """Note the metadata a file had when it was read and its content key computed."""
        if read_at_ns - max(info.st_mtime_ns, info.st_ctime_ns) > RACY_NS:
            self.stats[path] = (_stat_key(info), base_url, key)
        else:
            self.stats.pop(path, None)

    def lookup(self, path: str, key: str) -> ParseResult | None:
        found = self.entries.get(path)
        if found is not None and found[0] == key:
            self.hits += 1
            return found[1]
        self.misses += 1
        return None

    def last_result(self, path: str) -> ParseResult | None:
        """Return the result of the last read of `path`, whatever its key (the caller
        knows the file has not changed since)."""
        found = self.entries.get(path)
        if found is None:
            return None
        self.hits += 1
        return found[1]

    def store(self, path: str, key: str, result: ParseResult) -> ParseResult:
        """Keep the result of parsing a file again, and return it with each headline that is
        equal to one the file had before replaced by that one: what was made from a headline
        (by its identity) stays valid while it is unchanged, whatever else changed in the
        day (its commentary, another headline)."""
        known = self.entries.get(path)
        if known is not None:
            result = _reusing(result, known[1])
        self.entries[path] = (key, result)
        self.dirty.add(shard_of(path))
        return result

    def keep_only(self, paths: set[str]) -> None:
        """Forget files that no longer exist."""
        for gone in set(self.entries) - paths:
            del self.entries[gone]
            self.dirty.add(shard_of(gone))
        for gone in set(self.stats) - paths:
            del self.stats[gone]


def _reusing(result: ParseResult, old: ParseResult) -> ParseResult:
    day_file, problems = result
    if day_file is None or old[0] is None:
        return result
    before = {h.version: h for h in old[0].day.headlines}  # a version covers every field
    headlines = tuple(before.get(h.version, h) for h in day_file.day.headlines)
    if all(new is kept for new, kept in zip(day_file.day.headlines, headlines, strict=True)):
        return result
    day = dataclasses.replace(day_file.day, headlines=headlines)
    return dataclasses.replace(day_file, day=day), problems


def _stat_key(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def shard_of(path: str) -> str:
    """Return the name of the disk shard that holds a day file's entry: its folder's."""
    return hashlib.blake2b(path.rpartition("/")[0].encode(), digest_size=8).hexdigest()


def load_cache(project_root: Path) -> ParseCache:
    """Read the cache from disk; absent, old or unreadable shards are left out.

    Python's cycle collector does not run meanwhile: unpickling ten years of days makes
    millions of objects, none of them garbage, and it scanned them again and again (0.4 s
    became 0.7-1.6 s)."""
    cache = ParseCache()
    folder = project_root / CACHE_FOLDER / _SHARDS
    try:
        names = sorted(path for path in folder.iterdir() if path.suffix == ".pickle")
    except OSError:
        return cache
    collecting = gc.isenabled()
    gc.disable()
    try:
        for path in names:
            _load_shard(cache, path)
    finally:
        if collecting:
            gc.enable()
    return cache


def _load_shard(cache: ParseCache, path: Path) -> None:
    try:
        with path.open("rb") as stream:
            stored = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _FORMAT):
        return
    entries = stored[1]
    if isinstance(entries, dict) and all(shard_of(p) == path.stem for p in entries):
        cache.entries.update(entries)


def save_cache(project_root: Path, cache: ParseCache) -> None:
    """Write the shards that changed since they were read, each atomically, and remove
    those of folders with no day file left; failing to write never fails a build."""
    root = project_root / CACHE_FOLDER
    folder = root / _SHARDS
    shards: dict[str, dict[str, tuple[str, ParseResult]]] = {}
    for path, entry in cache.entries.items():
        shards.setdefault(shard_of(path), {})[path] = entry
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignored_by_git(root, "digest's cache of parsed day files")
        (root / "days.pickle").unlink(missing_ok=True)  # the one-file cache of version 1
        for left in folder.glob("*.tmp"):  # of a killed build: no build takes an hour
            if time.time() - left.stat().st_mtime > 3600:
                left.unlink(missing_ok=True)
        on_disk = {path.stem for path in folder.glob("*.pickle")}
        for name in sorted(cache.dirty | (on_disk ^ set(shards))):
            target = folder / f"{name}.pickle"
            if name not in shards:
                target.unlink(missing_ok=True)
                continue
            write_pickle(target, (_FORMAT, shards[name]))
        cache.dirty.clear()
    except OSError:
        return
