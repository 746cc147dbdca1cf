"""Parsed day files kept between builds, in memory and in .digest-cache/ on disk.

A day file is parsed again only when its bytes (or the site's base URL, which its links are
resolved against) change: entries are keyed by a hash of both. The disk copy is a pickle in
the project's .digest-cache/ folder (git-ignored by a .gitignore inside it); it is only
ever read from there, and a cache that cannot be read is simply rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:  # the reader uses this module; its types are only named here
    from .errors import Problem
    from .reader import DayFile

CACHE_FOLDER = ".digest-cache"
_FORMAT = f"days-1-{__version__}"

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

    def store(self, path: str, key: str, result: ParseResult) -> None:
        self.entries[path] = (key, result)

    def keep_only(self, paths: set[str]) -> None:
        """Forget files that no longer exist."""
        for gone in set(self.entries) - paths:
            del self.entries[gone]
        for gone in set(self.stats) - paths:
            del self.stats[gone]


def _stat_key(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def load_cache(project_root: Path) -> ParseCache:
    """Read the cache from disk; an absent, old or unreadable cache gives an empty one."""
    path = project_root / CACHE_FOLDER / "days.pickle"
    try:
        with path.open("rb") as stream:
            stored = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return ParseCache()
    if not isinstance(stored, tuple) or len(stored) != 2 or stored[0] != _FORMAT:
        return ParseCache()
    return ParseCache(stored[1])


def save_cache(project_root: Path, cache: ParseCache) -> None:
    """Write the cache to disk atomically; failing to write it never fails a build."""
    folder = project_root / CACHE_FOLDER
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# digest's cache of parsed day files; safe to delete\n*\n")
        temporary = folder / f"days.pickle.{os.getpid()}.tmp"
        with temporary.open("wb") as stream:
            pickle.dump((_FORMAT, cache.entries), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, folder / "days.pickle")
    except OSError:
        return
