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


@dataclass
class ParseCache:
    """Parse results by source path, each with the content key it was made from."""

    entries: dict[str, tuple[str, ParseResult]] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0

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
