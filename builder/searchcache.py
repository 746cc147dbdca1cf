"""Search bundles kept between builds, in .digest-cache/search/.

Pagefind takes seconds to index a large digest, and most builds change only the newest
year's days: each bundle of the search (reading.search_bundles) is kept here, keyed by a
hash of everything it is made from (reading.bundle_key), and taken from here instead of
indexing again while its key holds.

A bundle is one file, `<key>.bundle`: a line naming the format, a line of JSON (the key,
each file's path within the bundle and size, and a hash of what follows), then the files'
bytes one after another. It is written to a temporary file and renamed into place, so a
build killed while writing leaves no entry, only a temporary file that a later build
removes; a file whose bytes do not match its hash, or that is not what its name says, is
not used, and the bundle is indexed again. Only the bundles of the last build are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .cache import ignored_by_git

FORMAT = b"digest-search-bundle-1\n"
SUFFIX = ".bundle"
# Each day's search record, by key ("20240622"): what it was made from and its HTML, in one
# file a year, records-2024.pickle, so that a build that makes the newest year's bundle anew
# reads and writes that year's alone (ten years' records are 32 MB).
RECORDS = "records-{year}.pickle"
RECORDS_FORMAT = "digest-search-records-2"
_RECORDS_FILE = re.compile(r"records-(\d{4})\.pickle")
LEFTOVER_AGE = 3600  # seconds: a temporary file this old belongs to no running build
# A path within a bundle, as Pagefind names its files: "index/en_1a2b.pf_index".
_SAFE_PATH = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*")
_KEY = re.compile(r"[0-9a-f]{16,64}")


def _digest(data: bytes | memoryview) -> str:
    return hashlib.blake2b(data, digest_size=32).hexdigest()


class BundleStore:
    """The folder of kept bundles: `load`, `save` and `keep_only`, by key.

    Failing to read or write it never fails a build: the bundle is indexed again.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load(self, key: str, output_folder: str) -> dict[str, bytes] | None:
        """Return the kept bundle's files by output path under `output_folder`, or None
        when there is none or it is not whole."""
        if not _KEY.fullmatch(key):
            return None
        try:
            data = (self.folder / f"{key}{SUFFIX}").read_bytes()
        except OSError:
            return None
        return _unpack(data, key, output_folder)

    def save(self, key: str, files: dict[str, bytes], output_folder: str) -> None:
        """Keep a bundle's files (by output path, each under `output_folder`) for `key`."""
        if not _KEY.fullmatch(key):
            return
        self._write(f"{key}{SUFFIX}", _pack(key, files, output_folder))

    def load_records(self, years: Iterable[str]) -> dict[str, tuple[str, str]]:
        """Return the search records kept for days of these years (by record key: what
        each was made from, and its HTML; searchindex.py), or none."""
        records: dict[str, tuple[str, str]] = {}
        for year in years:
            records.update(self._load_year(year))
        return records

    def _load_year(self, year: str) -> dict[str, tuple[str, str]]:
        try:
            with (self.folder / RECORDS.format(year=year)).open("rb") as stream:
                stored = pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            return {}
        if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == RECORDS_FORMAT):
            return {}
        records = stored[1]
        if not isinstance(records, dict) or not all(
            isinstance(name, str)
            and name.startswith(year)
            and isinstance(kept, tuple)
            and len(kept) == 2
            and all(isinstance(part, str) for part in kept)
            for name, kept in records.items()
        ):
            return {}
        return records

    def save_records(self, records: dict[str, tuple[str, str]], years: Iterable[str]) -> None:
        """Keep the search records of these years (those of `records`), replacing those
        kept for them before; a year with none has its file removed."""
        for year in sorted(set(years)):
            kept = {name: made for name, made in records.items() if name.startswith(year)}
            if kept:
                data = pickle.dumps((RECORDS_FORMAT, kept), protocol=pickle.HIGHEST_PROTOCOL)
                self._write(RECORDS.format(year=year), data)
            else:
                with contextlib.suppress(OSError):
                    (self.folder / RECORDS.format(year=year)).unlink()

    def keep_records_of(self, years: set[str]) -> None:
        """Remove the records kept for any other year (all of its days deleted since)."""

        def other_year(path: Path) -> bool:
            found = _RECORDS_FILE.fullmatch(path.name)
            return found is not None and found[1] not in years

        self._remove_where(other_year)

    def _write(self, name: str, data: bytes | list[bytes]) -> None:
        """Replace the file `name` of the folder with `data` (or its parts, one after
        another) atomically (nothing on failure)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # (the preview may make .digest-cache/ before any build)
            ignored_by_git(self.folder, "digest's search bundles, kept between builds")
            handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.writelines([data] if isinstance(data, bytes) else data)
                os.replace(temporary, self.folder / name)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            return

    def keep_only(self, keys: set[str]) -> None:
        """Delete every kept bundle but those of `keys`, and old temporary files."""
        self._remove_where(lambda path: _unwanted(path, keys))

    def _remove_where(self, unwanted: Callable[[Path], bool]) -> None:
        """Delete each file of the folder that `unwanted` names (none if it cannot be read)."""
        try:
            paths = list(self.folder.iterdir())
        except OSError:
            return
        for path in paths:
            try:
                if unwanted(path):
                    path.unlink()
            except OSError:
                continue


def _unwanted(path: Path, keys: set[str]) -> bool:
    """Tell whether a file of the folder is another build's bundle or a killed build's."""
    name = path.name
    if name.endswith(SUFFIX):
        return name[: -len(SUFFIX)] not in keys
    if name == "records.pickle":  # the one file of every year's records, before sharding
        return True
    return name.endswith(".tmp") and time.time() - path.stat().st_mtime > LEFTOVER_AGE


def _pack(key: str, files: dict[str, bytes], output_folder: str) -> list[bytes]:
    """Return a bundle's file, in parts: format line, JSON header line, then the bytes of
    the files. (Not joined: ten years' archive is 17 MB, which its build holds already.)"""
    names = sorted(files)
    if not all(name.startswith(output_folder) for name in names):
        raise ValueError(f"a search file outside {output_folder}")
    body = [files[name] for name in names]
    digest = hashlib.blake2b(digest_size=32)
    for part in body:
        digest.update(part)
    header = {
        "key": key,
        "files": [[name[len(output_folder) :], len(files[name])] for name in names],
        "hash": digest.hexdigest(),
    }
    return [FORMAT + json.dumps(header).encode() + b"\n", *body]


def _unpack(data: bytes, key: str, output_folder: str) -> dict[str, bytes] | None:
    """Return the files of a bundle's file, or None unless it is whole and for `key`."""
    if not data.startswith(FORMAT):
        return None
    end = data.find(b"\n", len(FORMAT))
    if end < 0:
        return None
    try:
        header = json.loads(data[len(FORMAT) : end])
        body = memoryview(data)[end + 1 :]
        if header["key"] != key or header["hash"] != _digest(body):
            return None
        files: dict[str, bytes] = {}
        offset = 0
        for name, size in header["files"]:
            if not isinstance(name, str) or not _SAFE_PATH.fullmatch(name):
                return None
            if not isinstance(size, int) or size < 0:
                return None
            files[output_folder + name] = bytes(body[offset : offset + size])
            offset += size
    except (ValueError, KeyError, TypeError):
        return None
    return files if offset == len(body) and files else None
