"""A site's search index from build to build: which bundles Pagefind indexes again.

The index is one Pagefind bundle per part of the digest (reading.search_bundles: the
newest year, the archive). A build starts Pagefind, in a process of its own, only for the
bundles whose key (reading.bundle_key) changed since the last build; the others come from
memory, else from .digest-cache/search/ (searchcache.py). Each day's record (the page
Pagefind reads for it) is kept there too, so a bundle indexed again makes only the records
of its changed days; `prepare` says which are missing, so that the build can have them made
in another process while it plans. The build (build.py) writes the files; this module owns
which they are.
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
        return self.start_prepared(self.prepare(library))

    def prepare(self, library: Library) -> Prepared:
        """Find which bundles must be indexed again, and the days whose records that needs
        made; make a scratch folder for each such bundle. `Prepared.write_records` then
        writes the records there, in this process or another (a first build of a long
        digest makes thousands), and `start_prepared` starts Pagefind on them."""
        if self.program is None:
            self.program = search.program_version()
        # Each day's record (the page Pagefind reads for it) by its key: what it was made
        # from and its HTML, from the store for the years of a bundle indexed again. Not
        # held between builds: ten years' records are 32 MB, and loading them takes less
        # than making those of one year.
        records: dict[str, tuple[str, str]] = {}
        loaded: set[str] = set()  # the years whose records are read from the store
        missing: list[Day] = []
        keys = reading.RecordKeys(library)
        prepared = Prepared(library, self.store, [], records, missing, {}, loaded)
        try:
            for bundle in reading.search_bundles(library):
                key = reading.bundle_key(bundle, self.program, keys)
                known = self.bundles.get(bundle.folder)
                files = known[1] if known is not None and known[0] == key else None
                if files is None:
                    files = self.store.load(key, bundle.folder)
                scratch = None
                if files is None:
                    years = set(map(_year_of, bundle.days)) - loaded
                    records.update(self.store.load_records(years))
                    loaded |= years
                    names = keys.names(bundle)
                    for day in bundle.days:
                        name, made = reading.record_name(day), _made_from(keys, names, day)
                        if records.get(name, ("",))[0] != made:
                            missing.append(day)
                            prepared.made_from[name] = made
                    scratch = search.Scratch() if bundle.days else None
                prepared.bundles.append((bundle, key, files, scratch))
        except BaseException:
            prepared.cancel()
            raise
        return prepared

    def start_prepared(self, prepared: Prepared, written: bool = False) -> Started:
        """Start Pagefind on each bundle `prepared` found to index again; `written` says
        the records are in their scratch folders (else they are written here)."""
        bundles = []
        try:
            if not written:
                prepared.write_records()
            language = prepared.library.site.language
            for bundle, key, files, scratch in prepared.bundles:
                pending = None
                if files is None:
                    pending = search.PendingIndex(scratch, language, bundle.folder)
                bundles.append(Bundle(bundle.folder, key, files, pending))
        except BaseException:
            Started(tuple(bundles)).cancel()
            prepared.cancel()
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


@dataclass(frozen=True)
class Prepared:
    """What `SearchIndex.prepare` found: each bundle with its key, its files (None when
    it must be indexed again) and its scratch folder (one to index it in, if it has
    days); the records kept, and the days whose records must be made."""

    library: Library
    store: BundleStore
    bundles: list[tuple[reading.SearchBundle, str, dict[str, bytes] | None, search.Scratch | None]]
    records: dict[str, tuple[str, str]]
    missing: list[Day]
    made_from: dict[str, str]  # what each missing record is made from, by its name
    years: set[str]  # those whose records `records` holds, as the store has them

    def indexed(self) -> int:
        """Return how many records Pagefind indexes (those of the bundles indexed again)."""
        return sum(len(bundle.days) for bundle, _, files, _ in self.bundles if files is None)

    def write_records(self) -> None:
        """Make the missing records and keep them in the store with the others of the
        library's days; write each bundle's records into its scratch folder."""
        library, records = self.library, self.records
        if self.missing:
            made = make_records(library, self.missing)
            for day, html in zip(self.missing, made, strict=True):
                name = reading.record_name(day)
                records[name] = (self.made_from[name], html)
            current = set(map(reading.record_name, library.days))
            kept = {name: records[name] for name in records if name in current}
            # Only the years read (the missing days' among them) can have changed.
            self.store.save_records(kept, self.years)
        self.store.keep_records_of(set(map(_year_of, library.days)))
        for bundle, _, _, scratch in self.bundles:
            if scratch is not None:
                scratch.write(
                    (name, records[name][1]) for name in map(reading.record_name, bundle.days)
                )

    def cancel(self) -> None:
        """Remove the scratch folders (the build failed before Pagefind started)."""
        for _, _, _, scratch in self.bundles:
            if scratch is not None:
                scratch.cleanup()


def _year_of(day: Day) -> str:
    """The year a day's record is kept under (its key's year: searchcache.RECORDS)."""
    return reading.record_name(day)[:-4]


def make_records(library: Library, days: Sequence[Day]) -> list[str]:
    """Return the HTML of each day's search record (the page Pagefind reads for it)."""
    language = library.site.language
    return [search.record_html(r, language) for r in reading.search_records(library, days)]


def _made_from(keys: reading.RecordKeys, names: str, day: Day) -> str:
    """What a day's record is made from, as kept with it (reading.RecordKeys; `names`,
    those of its bundle)."""
    return f"{keys.common}:{names}:{keys.day(day)}"


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
