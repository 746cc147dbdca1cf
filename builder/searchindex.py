"""A site's search index from build to build: which bundles Pagefind indexes again.

The index is one Pagefind bundle per part of the digest (reading.search_bundles: the
newest year, the archive). A build starts Pagefind, in a process of its own, only for the
bundles whose key (reading.bundle_key) changed since the last build; the others come from
memory, else from .digest-cache/search/ (searchcache.py). Each day's record (the page
Pagefind reads for it) is kept there too, so a bundle indexed again makes only the records
of its changed days. The build (build.py) writes the files; this module owns which they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import reading, search, urls
from .library import Library
from .model import Day
from .output import files_under
from .searchcache import BundleStore


@dataclass(frozen=True)
class Bundle:
    """One bundle of the search: its key, and its files or the Pagefind run making them."""

    folder: str
    key: str
    files: dict[str, bytes] | None  # None while Pagefind makes them
    pending: search.PendingIndex | None


@dataclass(frozen=True)
class Started:
    """The search's bundles, some perhaps being indexed beside the build."""

    bundles: tuple[Bundle, ...]

    def done(self) -> bool:
        """Tell whether every Pagefind run has finished."""
        return all(bundle.pending is None or bundle.pending.done() for bundle in self.bundles)

    def cancel(self) -> None:
        """Stop every Pagefind run still going (the build failed) and remove its scratch."""
        for bundle in self.bundles:
            if bundle.pending is not None:
                bundle.pending.cancel()


class SearchIndex:
    """The bundles of the last build's index: each one's key and files by its folder, and
    all their files by output path."""

    def __init__(self, store: Path) -> None:
        self.bundles: dict[str, tuple[str, dict[str, bytes]]] = {}
        self.files: dict[str, bytes] = {}
        self.store = BundleStore(store)
        self.program: str | None = None  # the Pagefind that runs, once asked

    def start(self, library: Library) -> Started:
        """Start indexing, beside the build, each bundle whose key changed since the last
        build; take the others from memory, else from the store."""
        if self.program is None:
            self.program = search.program_version()
        bundles = []
        # Each day's record (the page Pagefind reads for it) by its key: what it was made
        # from and its HTML, from the store once a bundle is indexed again. Not held between
        # builds: ten years' records are 32 MB, and loading them takes less than making
        # those of one year.
        records: dict[str, tuple[str, str]] | None = None
        made = False
        try:
            for bundle in reading.search_bundles(library):
                key = reading.bundle_key(library, bundle, self.program)
                known = self.bundles.get(bundle.folder)
                files = known[1] if known is not None and known[0] == key else None
                if files is None:
                    files = self.store.load(key, bundle.folder)
                pending = None
                if files is None:
                    if records is None:
                        records = self.store.load_records()
                    pages, made_now = _record_pages(library, bundle.days, records)
                    made = made or made_now
                    pending = search.start_index(pages, library.site.language, bundle.folder)
                bundles.append(Bundle(bundle.folder, key, files, pending))
            if made and records is not None:  # kept with those of the library's other days
                current = set(map(reading.record_name, library.days))
                self.store.save_records({n: records[n] for n in records if n in current})
        except BaseException:
            Started(tuple(bundles)).cancel()
            raise
        return Started(tuple(bundles))

    def finish(self, started: Started) -> None:
        """Wait for Pagefind where it runs, keep what it made in the store, and make the
        bundles the index's (none are trusted if Pagefind fails)."""
        self.bundles, self.files = {}, {}
        bundles = {}
        for bundle in started.bundles:
            files = bundle.files
            if bundle.pending is not None:
                files = bundle.pending.result()
                self.store.save(bundle.key, files, bundle.folder)
            assert files is not None
            bundles[bundle.folder] = (bundle.key, files)
        self.store.keep_only({key for key, _ in bundles.values()})
        self.bundles = bundles
        self.files = {p: d for _, files in bundles.values() for p, d in files.items()}


def _record_pages(
    library: Library, days: Sequence[Day], records: dict[str, tuple[str, str]]
) -> tuple[list[tuple[str, str]], bool]:
    """Return the key and HTML of each day's record, and whether any was made: taken from
    `records` where made from the same day and the same all else (reading.records_key),
    else made now and put there."""
    common = reading.records_key(library)
    names = list(map(reading.record_name, days))
    made_from = [f"{common}:{reading.day_record_key(day)}" for day in days]
    known = [records.get(name, ("", ""))[0] for name in names]
    missing = [index for index, key in enumerate(made_from) if key != known[index]]
    language = library.site.language
    made = reading.search_records(library, [days[index] for index in missing])
    for index, record in zip(missing, made, strict=True):
        records[names[index]] = (made_from[index], search.record_html(record, language))
    return [(name, records[name][1]) for name in names], bool(missing)


def files_in(out_dir: Path) -> dict[str, bytes]:
    """Return the search index files an earlier build left in `out_dir` (their output
    paths; the bytes are not read), or none if its service worker is not there too."""
    if not (out_dir / urls.service_worker()).is_file():
        return {}
    return {
        folder + path: b""
        for folder in (search.FOLDER, search.ARCHIVE_FOLDER)
        for path in files_under(out_dir / folder)
    }
