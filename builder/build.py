"""The build, as one straight line: read -> validate -> model -> plan -> render -> write.

`load` reads and checks everything and returns the library with every problem found;
`build` refuses to write when there is an error (or a warning, with strict), else renders
the planned pages and feeds into a new folder and swaps it in. Never prints, never exits.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import itertools
import operator
import os
import time
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar, cast

from . import clock, parallel, reading, reuse, searchindex, uptodate, urls
from .cache import CACHE_FOLDER, ParseCache, load_cache, save_cache
from .errors import ContentErrors, Location, Problem, Severity
from .feeds import FeedWriter
from .incremental import InputKeys, KeptKeys, theme_key
from .jsonfeed import JsonFeedWriter, json_feed_path
from .library import Library, update_library
from .model import Headline
from .output import (
    InPlaceWriter,
    Listing,
    SiteWriter,
    check_output_folder,
    folder_identity,
    list_parked,
    park_a_copy,
    remove_dead_builds,
)
from .pages import FeedSpec, PageSpec, SitePlan, plan_site
from .parallel import Forked
from .planmemo import PlanMemo
from .project import Project, template_dirs, theme_dir
from .reader import DayFile, check_exactly, read_config, read_days
from .render import Renderer, check_templates, fragment_key
from .searchindex import SearchIndex, Started
from .validate import CrossCheck, check_days, named_ids

T = TypeVar("T")


@dataclass
class Timings:
    """Seconds spent in each stage, in the order the stages ran."""

    stages: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start


@dataclass(frozen=True)
class LoadResult:
    library: Library | None
    problems: list[Problem]
    # What was read, for `digest check`'s link checks (load(keep_day_files=True)).
    day_files: tuple[DayFile, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    pages: int
    feeds: int
    files: int
    bytes_written: int
    warnings: list[Problem]
    timings: Timings
    rendered: int = 0  # pages rendered (the rest were unchanged, in place)
    written: int = 0  # files whose bytes were written
    linked: int = 0  # unchanged files taken from the site it replaced (reuse.py)
    timezone: str = "UTC"  # the site's
    up_to_date: bool = False  # nothing changed since the last build: nothing was done
    # What the build made (`build`'s Builder), alive as long as the result: a command that
    # exits right after (os._exit) never frees it, which took 0.1 s on ten years.
    made: object = field(default=None, repr=False, compare=False)


def load(
    project: Project,
    timings: Timings | None = None,
    now: dt.datetime | None = None,
    drafts: bool = False,
    cache: ParseCache | None = None,
    previous: Library | None = None,
    cross_check: CrossCheck | None = None,
    changed: Collection[str] | None = None,
    keep_day_files: bool = False,
    fork: bool = False,
    placed: int | None = None,
) -> LoadResult:
    """Read and check the whole digest; the library is None when there are errors.

    Every day is checked; with `now`, the library holds only the days published at that
    time (no drafts unless `drafts`, no future days), else every day. With `previous` (the
    last build's library), the library is mended from it where few days changed; with
    `cross_check`, the checks across days are mended from the last ones too. `changed`
    (with a cache) names the files that may have changed since the cache last read the
    day files (paths relative to the project): the others are taken as they were. With
    `keep_day_files`, the result holds the day files read (exact where a problem was found).
    `fork`: the caller runs no threads (reading may fork). With `placed`, only the first
    `placed` problems in file order (those reported in full) are sure to have their lines.
    """
    timings = timings or Timings()
    with timings.stage("read"):
        config, problems = read_config(project, cache)
        base_url = config.site.base_url if config else "/"
        day_files, day_problems = read_days(
            project, base_url, cache=cache, changed=changed, fork=fork
        )
    with timings.stage("validate"):
        problems += named_ids(config, day_problems) if config is not None else day_problems
        if config is not None:
            check = cross_check or check_days
            day_files, cross = check_exactly(
                project, base_url, day_files, lambda files: check(config, files), placed, fork
            )
            problems += cross
    kept = tuple(day_files) if keep_day_files else ()
    if config is None:  # the days were read, but not checked against sources and tags
        unchecked = Problem(
            Location(project.relative(project.digests_dir)),
            "",
            "the days' sources, tags and stories are checked once site.yaml, sources.yaml "
            "and tags.yaml have no errors: fix those, then check again",
            Severity.NOTE,
        )
        return LoadResult(None, [*problems, unchecked], kept)
    if any(p.is_error for p in problems):
        return LoadResult(None, problems, kept)
    with timings.stage("model"):
        today = clock.local_date(now, config.site.timezone) if now else None
        library = update_library(
            previous,
            config,
            (f.day for f in day_files if today is None or clock.is_published(f.day, today, drafts)),
        )
    return LoadResult(library, problems, kept)


def check(project: Project, fork: bool = False) -> LoadResult:
    """Check the content and the templates' syntax, as `digest check` does; write nothing.
    `fork`: the caller runs no threads (reading may fork)."""
    # Uses the cache, never writes it.
    loaded = load(project, cache=load_cache(project.root), keep_day_files=True, fork=fork)
    return replace(loaded, problems=loaded.problems + check_templates(project))


def build(
    project: Project,
    out_dir: Path | None = None,
    strict: bool = False,
    timings: Timings | None = None,
    now: dt.datetime | None = None,
    drafts: bool = False,
    force: bool = False,
    inputs: str | None = None,
    checked: bool = False,
    record: bool = True,
    placed: int | None = None,
) -> BuildResult:
    """Build the site into `out_dir` (default: the project's site/); raise on any error.

    Days are published as of `now` (default: SOURCE_DATE_EPOCH, else the clock): drafts
    and future days only with `drafts`. Parsed day files are cached in .digest-cache/.
    When nothing changed since the last build into `out_dir` (see uptodate.py), nothing
    is done, unless `force`: the result says `up_to_date` and repeats the last warnings.
    Otherwise files unchanged since the last build into `out_dir` are linked from it
    (reuse.py), unless `force`. `inputs` is the stamp of the inputs (uptodate.stamp), when
    the caller has made it; `checked` says the caller found the site not up to date.
    Without `record`, the build neither reuses files nor records the key of each file it
    writes for the next build (on ten years, a fifth of a build whose cache is warm).
    `placed`: as for `load`, when only the first problems are reported in full.
    """
    out = (out_dir or project.default_output).absolute()
    timings = timings or Timings()
    now = now or clock.current_time(os.environ)
    with timings.stage("check for changes"):
        inputs = inputs or uptodate.stamp(project, out, drafts)
        last = None if force or checked else uptodate.current(project, out, inputs, now, strict)
    if last is not None:
        remove_dead_builds(out)
        return BuildResult(
            out,
            last.pages,
            last.feeds,
            last.files,
            0,
            list(last.warnings),
            timings,
            timezone=last.timezone,
            up_to_date=True,
        )
    uptodate.forget(project.root, out)
    # The collector stays off until the records are saved too: the build's millions of
    # objects are all young to it, and the first collection after the build (started by
    # the records' allocations) scanned them all, 1.6 s of a cold build of ten years.
    with collection_deferred():
        builder = Builder(
            project, out, drafts=drafts, parallel=parallel.can_fork(), keep_site=record
        )
        builder.once = True
        with timings.stage("load caches"):
            builder.resume(files=record and not force)
        result = builder.build(strict=strict, timings=timings, now=now, placed=placed)
        with timings.stage("save caches"):
            save_cache(project.root, builder.parse_cache)  # unless saved beside the build
            if record:
                builder.record_files()
            else:  # the files in place are no longer those recorded (if any were)
                reuse.forget(project.root, out)
            folder = folder_identity(out)
            if folder is not None:
                stamped = uptodate.BuildRecord(
                    stamp=inputs,
                    timezone=result.timezone,
                    today=clock.local_date(now, result.timezone),
                    folder=folder,
                    pages=result.pages,
                    feeds=result.feeds,
                    files=result.files,
                    warnings=tuple(result.warnings),
                )
                uptodate.save_record(project.root, out, stamped)
    return replace(result, made=builder)


@contextmanager
def _collector_spared() -> Iterator[None]:
    """Run none of Python's cycle collector while building, and restore it after.

    A build makes millions of small objects that live until it ends (the library, the
    plan's day groups, rendered HTML), and the collector would scan them all again and
    again: on a ten-year digest, even collecting only every 50,000 new objects took a
    quarter of the planning (0.3 s). Reference counting still frees what is dropped, and
    a build makes no garbage cycles to speak of (a cold build of ten years peaks at the
    same memory without the collector); cycles are collected at the end.
    """
    try:
        with collection_deferred():
            yield
    finally:
        gc.unfreeze()  # what the build froze (Builder.build)


@contextmanager
def collection_deferred() -> Iterator[None]:
    """Run none of Python's cycle collector inside, for a preview's rebuild and the news
    that it is done: the collection that a rebuild's new objects would start (35-50 ms
    on a ten-year digest, and it frees nothing: a build makes no garbage cycles) then
    runs after, while the editor reads the page."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Builder:
    """Builds one project again and again, keeping what a build can lend the next.

    The parse cache spares reading unchanged day files. In `in_place` mode (the preview
    server) the site is updated file by file, each file replaced atomically, and a page
    whose inputs did not change since the last build is neither rendered nor written;
    otherwise every build writes a complete new folder and swaps it in.
    """

    def __init__(
        self,
        project: Project,
        out_dir: Path,
        *,
        drafts: bool = False,
        in_place: bool = False,
        parallel: bool = False,
        keep_site: bool = False,
    ) -> None:
        """`keep_site` (`digest build` and `digest watch`, not in place): each build records
        the key of every file it writes, and the next build links the unchanged ones from
        the site it replaces instead of rendering them (reuse.py, kept in memory here;
        `record_files` saves it for the next process)."""
        self.project = project
        self.keep_site = keep_site and not in_place
        self.parallel = parallel  # may fork: read, key and render in two processes
        self.out_dir = out_dir
        self.drafts = drafts
        self.in_place = in_place
        self.parse_cache = ParseCache()
        self.page_keys: dict[str, Hashable] = {}  # output path -> inputs it was made from
        self.manifest: dict[str, str] = {}  # output path -> hash of the bytes written
        self.search = SearchIndex(project.root / CACHE_FOLDER / "search")
        self.search_pending: tuple[Library, Renderer] | None = None
        # The preview's search catching up: Pagefind running for the pending library.
        self.search_running: tuple[Started, Library, Renderer] | None = None
        # Kept while keys.common (theme, configuration, sources, tags) holds: headline HTML,
        # the template environment, the plan's parts and the keys of their specs, and the
        # items of feeds (RSS and Atom, JSON Feed).
        self.fragments: dict[Hashable, Any] = {}
        self.feed_items: tuple[dict[int, Any], dict[int, Any]] = ({}, {})
        self.fragments_key: Hashable = None
        self.environment: Any = None
        self.plan_memo = PlanMemo()
        # id(spec) -> (spec, key[, output path]) of the pages and feeds of the last build.
        self.spec_keys: dict[int, tuple[Any, ...]] = {}
        # id(spec) -> (spec, its output paths, its claimant): a new folder's build.
        self.job_files: dict[int, tuple[Any, tuple[str, ...], str]] = {}
        self.library: Library | None = None  # the last build's, mended by the next
        self.kept_keys = KeptKeys()
        # The names of sources and tags the kept HTML, feed items and keys were made with.
        self.names: tuple[dict[str, str], dict[str, str]] = ({}, {})
        # The preview checks after every save: it mends the checks across days. So does
        # any Builder that builds again (digest watch), from its second build on.
        self.cross_check = CrossCheck() if in_place else None
        # Set by `build`: this Builder builds once, so a feed item is let go once the last
        # feed that lists it is written (the preview and the watcher keep them all).
        self.once = False
        self.sitemap_key: Hashable = None  # what the sitemap in place was made from
        self.sitemap_made: Hashable = None
        # A new folder's build: the site it replaces, to take unchanged files from, and
        # (when not None) the key of every page and feed file written, for the next build.
        self.previous: reuse.Previous | None = None
        self.file_keys: dict[str, str] | None = None
        # Output path -> metadata of each file taken from an earlier build.
        self.reused: dict[str, reuse.FileStat] = {}
        # The site before that one, parked for the next build to build in (output.py):
        # its files that are still right stay where they are.
        self.parked: reuse.Previous | None = None
        self._adopted: reuse.Previous | None = None  # the parked site, as the build folder
        # The SHA-256 of each search file, by its bundle's key (`_search_digests`).
        self.search_digests: dict[str, dict[str, bytes]] = {}
        self._copied: reuse.Previous | None = None  # the site in place `prepare` copied
        # The parked site's files, listed when idle (`prepare`): (the parked record, them).
        self._parked_listing: tuple[reuse.Previous, Listing] | None = None
        # The parked site's files checked as a change came (`precheck`): (the parked
        # record, it with the files found intact, when).
        self._checked: tuple[reuse.Previous, reuse.Previous, float] | None = None
        # In place, after a first build that took files from `previous`: the digest of
        # each page's and feed's key then, by output path (for `record_files`), and the
        # last build's InputKeys (they make the digests of keys made since).
        self.digests: dict[str, tuple[Hashable, str]] = {}
        self.last_keys: InputKeys | None = None
        self.committing = False  # a commit did not return: the folder's files are not known
        # The parse cache being saved by a process of its own, beside the build (`digest
        # build`, when much of it changed: save_parse_cache waits for it).
        self._cache_saver: Forked[None] | None = None
        # Whether a second process may make keys (not while Pagefind indexes much beside).
        self.keys_beside = True
        # The date, in the site's time zone, the last build published days as of (None:
        # it failed, or shows every day: drafts).
        self.published_on: dt.date | None = None
        # Whether much is left to Python's cycle collector: a long-running caller (serve,
        # watch) runs it once idle, and sets this back.
        self.collect_when_idle = False

    def resume(self, files: bool = True) -> None:
        """Take up from what the last build into this folder, in another process, left in
        .digest-cache/: the day files it parsed and, with `files`, the record of the files
        in place and of the site it parked (a preview, writing in place, parks none)."""
        self.parse_cache = load_cache(self.project.root)
        if files:
            root, out = self.project.root, self.out_dir
            self.previous, parked = reuse.load_both(root, out, folder_identity(out))
            self.parked = None if self.in_place else parked

    def prepare(self) -> None:
        """Do ahead, when idle (digest watch's loop, between saves), what the next build
        would do first: list the files of the site the last build parked, which it builds
        in (on ten years, 18,000 files: 0.13 s of a save); where none is parked, park a
        copy of the site in place, made of hard links (`output.park_a_copy`). After the
        first build, it also counts what the checks across days are mended from
        (validate.CrossCheck), which the first save would count otherwise."""
        if self.in_place or not self.keep_site:
            return
        if self.cross_check is None and self.library is not None:
            cross_check = CrossCheck()
            entries = self.parse_cache.entries.values()
            cross_check.take(made[0] for _, made in entries if made[0] is not None)
            self.cross_check = cross_check
        if self.parked is None and self.previous not in (None, self._copied):
            assert self.previous is not None
            self._copied = self.previous  # once: where it fails, it would fail again
            parking = reuse.parked_folder(self.project.root, self.out_dir)
            copy = park_a_copy(self.out_dir, self.previous.files, parking)
            if copy is not None:
                self.parked = reuse.Previous(parking, self.previous.files)
                self._parked_listing = (self.parked, copy)
            return
        parked = self.parked
        if parked is None:
            return
        if self._parked_listing is not None and self._parked_listing[0] is parked:
            return
        listing = list_parked(parked.folder)
        self._parked_listing = None if listing is None else (parked, listing)

    def precheck(self) -> None:
        """Do, as a change comes and the watcher waits for the burst of events to end (its
        quiet period), what the next build does first that no file's text decides: check
        each file of the parked site it builds in against the record (one lstat each: on
        ten years, 18,000 files, 0.05-0.09 s of a save). The build that follows, within
        CHECKED_FOR seconds, takes that look; a file changed by hand meanwhile is one
        changed while the build runs."""
        parked = self.parked
        if parked is None or self.in_place or not self.keep_site:
            return
        self._checked = (parked, parked.checked(), time.monotonic())

    def _save_beside(self) -> None:
        """In `digest build`, start saving the parse cache in a forked process when much of
        it changed (a first build: pickling ten years of parsed days took 0.6 s), so that it
        is written while this one plans and renders (`_saved_beside` waits for it)."""
        dirty = self.parse_cache.dirty
        if not self.parallel or len(dirty) < SHARDS_BESIDE:
            return
        cache, root = self.parse_cache, self.project.root
        self._cache_saver = Forked(lambda: save_cache(root, cache))

    def _saved_beside(self, succeeded: bool) -> None:
        """Wait for the process saving the parse cache, if any; the shards it saved are no
        longer dirty (if it died, they are saved with the others). A failed build stops it:
        a shard is replaced only once complete, so a stopped save leaves the last ones."""
        saver, self._cache_saver = self._cache_saver, None
        if saver is None:
            return
        if not succeeded:
            saver.cancel()
            return
        with contextlib.suppress(RuntimeError):  # it died: save_cache does it all
            saver.join()
            self.parse_cache.dirty.clear()

    def _write_search(
        self,
        writer: SiteWriter | InPlaceWriter,
        library: Library,
        renderer: Renderer,
        started: Started | None,
    ) -> None:
        """Write the search index (once Pagefind is done where it runs) and the service
        worker."""
        if started is not None:
            self.search.finish(started)
        digests = self._search_digests()
        files = self.search.files
        if self.file_keys is not None and not isinstance(writer, InPlaceWriter):
            # A new folder: a search file's key is its hash. Ten years have 3,750 files.
            paths = list(files)
            file_keys = [digests[path].hex() for path in paths]
            self.file_keys.update(zip(paths, file_keys, strict=True))
            own, sources = self._reusable_bulk(paths, file_keys)
            self._take_files(writer, paths, own, sources, ["search index"] * len(paths))
            taken = map(operator.or_, own, map(_IS_NOT_NONE, sources))
            files = {
                path: files[path] for path in itertools.compress(paths, map(operator.not_, taken))
            }
        for path, data in files.items():
            writer.write(path, data, "search index")
        statics = {s.output_path: s.content() for s in renderer.statics.values()}
        offline, version = reading.offline_paths(library, statics, self.search.files, digests)
        worker = renderer.render_template("sw.js", offline=offline, version=version)
        writer.write(urls.service_worker(), worker, "sw.js")

    def _search_digests(self) -> dict[str, bytes]:
        """Return the SHA-256 of each search file, kept by bundle: a bundle's files are its
        key's. A file is kept in a new folder by its hash, not its bundle's key: Pagefind
        names most of its files by their contents, and after an old day is edited, 3,291
        of the archive's 3,368 files on ten years are as they were."""
        kept, self.search_digests = self.search_digests, {}
        for key, files in self.search.bundles.values():
            known = kept.get(key)
            self.search_digests[key] = known or reading.search_digests_of(files)
        return {path: d for known in self.search_digests.values() for path, d in known.items()}

    def update_search(self) -> bool:
        """Bring the search index up to date after a build without it.

        In place, writes only the search files and the service worker (each atomically),
        deleting index files the new index no longer has; else (digest watch) builds a new
        site with the new index, the rest kept or linked. Returns whether there was
        anything to do.
        """
        if not self.start_search():
            return False
        self.finish_search()
        return True

    def start_search(self) -> bool:
        """Start indexing what `update_search` would index, with Pagefind in processes of
        its own, and return at once (False if there is nothing to do or it runs already).

        The preview starts it when idle and `finish_search`es once `search_running[0]`
        is done; a save meanwhile `stop_search`es it, so that the save is built at once:
        Pagefind indexes the archive of ten years in several seconds of both cores."""
        if self.search_pending is None or self.search_running is not None:
            return False
        library, renderer = self.search_pending
        self.search_pending = None  # tried once: an error is reported once, not every loop
        self.search_running = (self.search.start(library), library, renderer)
        return True

    def finish_search(self) -> None:
        """Write the index `start_search` started (waiting for Pagefind if it runs)."""
        assert self.search_running is not None
        started, library, renderer = self.search_running
        self.search_running = None
        if not self.in_place:  # digest watch: a new site with the new index, swapped in whole
            try:
                self.search.finish(started)
            finally:
                started.cancel()
            # The library in place (the last good build's: a save since may not build) is
            # built again: each page and feed kept or linked, its key kept, and Pagefind
            # finds nothing more to index (finish keeps this library's bundles).
            self._new_record()
            with _collector_spared():
                self._build(LoadResult(library, []), Timings(), with_search=True)
            return
        old_files = set(self.search.files) | {urls.service_worker()}
        protected = (self.project.content_dir, self.project.templates_dir)
        others = {p: h for p, h in self.manifest.items() if p not in old_files}
        try:
            writer = InPlaceWriter(self.out_dir, protected, self.manifest)
            with writer:
                for path in others:
                    writer.keep(path, "unchanged")
                self._write_search(writer, library, renderer, started)
                writer.commit()
        finally:
            started.cancel()
        self.manifest = writer.manifest

    def _new_record(self) -> None:
        """Start the record of the files a new folder's build writes and takes (keep_site)."""
        if self.keep_site:
            self.file_keys, self.reused = {}, {}

    def stop_search(self) -> None:
        """Stop the search `start_search` started; it is pending again (a build that
        succeeds makes it pending for its own library)."""
        if self.search_running is not None:
            started, library, renderer = self.search_running
            self.search_running = None
            started.cancel()
            self.search_pending = (library, renderer)

    def build(
        self,
        strict: bool = False,
        timings: Timings | None = None,
        now: dt.datetime | None = None,
        with_search: bool = True,
        changed: Collection[Path] | None = None,
        placed: int | None = None,
    ) -> BuildResult:
        """Check and build; raise ContentErrors (writing nothing) when there are errors.

        In place, `with_search=False` leaves the search index as it was (once there is one),
        for `update_search` to bring up to date after the pages are on disk: Pagefind takes
        seconds on a large digest, and an editor wants to see the page first.

        `changed` is every file that changed since the last build, as a watcher saw them:
        the day files it does not name are not looked at again (on ten years, looking at
        every file took 50 ms of a save). Without it, every file is looked at. `placed`:
        as for `load`, when only the first problems are reported in full.
        """
        timings = timings or Timings()
        now = now or clock.current_time(os.environ)
        self.published_on = None  # until it succeeds
        checked, self._checked = self._checked, None  # `precheck`'s, for this build alone
        if checked is not None and time.monotonic() - checked[2] > CHECKED_FOR:
            checked = None
        self.stop_search()  # the index it makes would be of the library before this build
        self._new_record()
        if self.cross_check is None and self.library is not None:
            self.cross_check = CrossCheck()
        with _collector_spared():
            loaded = load(
                self.project,
                timings,
                now=now,
                drafts=self.drafts,
                cache=self.parse_cache,
                previous=self.library,
                cross_check=self.cross_check,
                changed=None if changed is None else {self.project.relative(p) for p in changed},
                fork=self.parallel,
                placed=placed,
            )
            if loaded.library is None or (strict and loaded.warnings):
                raise ContentErrors(loaded.problems)
            self.library = loaded.library
            self._save_beside()
            gc.freeze()  # the library lives as long as the build: not worth scanning again
            try:
                result = self._build(loaded, timings, with_search, checked)
            except BaseException:
                self._saved_beside(succeeded=False)
                raise
            if self._cache_saver is not None:
                with timings.stage("save caches"):
                    self._saved_beside(succeeded=True)
            if not self.drafts:
                self.published_on = clock.local_date(now, self.library.site.timezone)
            return result

    def new_day(self) -> dt.date | None:
        """Return the date in the site's time zone if it is no longer the one the last
        build published days as of (midnight passed: the days dated today are due), else
        None. Always None after a failed build and where every day is shown (drafts)."""
        if self.published_on is None or self.library is None:
            return None
        today = clock.local_date(clock.current_time(os.environ), self.library.site.timezone)
        return today if today != self.published_on else None

    def _build(
        self,
        loaded: LoadResult,
        timings: Timings,
        with_search: bool,
        checked: tuple[reuse.Previous, reuse.Previous, float] | None = None,
    ) -> BuildResult:
        library = loaded.library
        assert library is not None
        records: Forked[None] | None = None
        with ExitStack() as failing:  # what to undo if the build fails before Pagefind starts
            with timings.stage("plan"):
                theme = theme_key(template_dirs(self.project))
                own = template_dirs(self.project)[0] != theme_dir()  # the digest's own templates
                keys = InputKeys(library, theme, self.drafts, not own, self.kept_keys)
                names = (
                    {key: source.shown for key, source in library.sources.items()},
                    {key: tag.name for key, tag in library.tags.items()},
                )
                if self.fragments_key != keys.common:  # what is kept depends on all of these
                    # The environment let go is held in reference cycles (Jinja2's own), and
                    # holds the last renderer and library: 120 MB on ten years, freed only
                    # by Python's cycle collector (serve and watch run it when idle; not
                    # after a first build, which drops none: 0.8 s of the server's time).
                    self.collect_when_idle |= self.environment is not None
                    self.fragments, self.fragments_key = {}, keys.common
                    self.feed_items = ({}, {})
                    self.environment, self.plan_memo, self.spec_keys = None, PlanMemo(), {}
                    self.kept_keys.forget()  # in place: `keys` holds them
                elif not all(
                    _added_to(old, new) for old, new in zip(self.names, names, strict=True)
                ):
                    # A source or tag renamed or removed: the HTML, feed items and keys of the
                    # headlines that show one are made again (the plan holds no names).
                    sources = _renamed(self.names[0], names[0])
                    tags = _renamed(self.names[1], names[1])
                    self._forget_headlines(
                        library, lambda h: h.source in sources or not tags.isdisjoint(h.tags)
                    )
                self.names = names
                renderer = Renderer(
                    self.project, library, self.fragments, environment=self.environment
                )
                self.environment = renderer.env
                # `digest build` makes many search records (a first build) in a second process
                # while this one plans: about 1 s each on ten years.
                protected = (self.project.content_dir, self.project.templates_dir)
                if self.parallel:  # an output folder refused before the search writes
                    check_output_folder(self.out_dir, protected)
                # The search index is made by Pagefind in a process of its own, beside the
                # rendering; the preview leaves it for update_search, once the editor sees
                # the page (a new preview too, with the index a recorded one left: Pagefind
                # takes seconds).
                if (
                    self.in_place
                    and not with_search
                    and self.previous is not None
                    and not self.search.files
                ):
                    self.search.files = searchindex.files_in(self.out_dir)
                searching = with_search or not self.search.files
                prepared = self.search.prepare(library) if self.parallel and searching else None
                early: Started | None = None
                self.keys_beside = True
                if prepared is not None:
                    failing.callback(prepared.cancel)
                    if len(prepared.missing) >= RECORDS_BESIDE:
                        records = Forked(prepared.write_records)
                        failing.callback(records.cancel)
                    else:
                        # Few records to make (an edit): Pagefind starts now, beside the
                        # planning. After an old day is edited, indexing the archive again
                        # (4.4 s alone on ten years) is the rest of the build's length.
                        early = self.search.start_prepared(prepared)
                        failing.callback(early.cancel)
                        self.keys_beside = prepared.indexed() < INDEXED_ALONE
                # The bundled listings show a day by its date and title alone
                # (partials/day_link.html, fastpages._day_link): should they show more of
                # a day, PlanMemo.days_of must count it.
                self.plan_memo.shown_only = not own
                plan = reading.plan_reader_pages(library, plan_site(library, self.plan_memo))
            writer: SiteWriter | InPlaceWriter
            parking = reuse.parked_folder(self.project.root, self.out_dir)
            adopting = self.parked if self.file_keys is not None else None
            if checked is not None and checked[0] is adopting:
                adopting = checked[1]  # its files as `precheck` found them
            unused: Path | None = None  # a parked site this build does not take
            if self.in_place:
                writer = InPlaceWriter(self.out_dir, protected, self.manifest)
            elif adopting is not None:
                listed = self._parked_listing
                listing = listed[1] if listed is not None and listed[0] is self.parked else None
                writer = SiteWriter(self.out_dir, protected, adopt=adopting.folder, listing=listing)
            else:
                if parking.exists():  # parked by a build whose record is gone, or --force
                    unused = parking  # deleted once the build folder is made (set_aside)
                writer = SiteWriter(self.out_dir, protected)
            self.parked = self._parked_listing = None  # taken, or of no use
            started: Started | None
            with timings.stage("search started"):  # the records made, and Pagefind started
                if early is not None:
                    started = early
                elif prepared is not None:  # digest build: always searching
                    if records is not None:
                        records.join()
                    started = self.search.start_prepared(prepared, written=records is not None)
                else:
                    started = self.search.start(library) if searching else None
            failing.pop_all()  # Pagefind runs: `started` stops it if the build fails
        try:
            with ExitStack() as stack:
                # Taking the site the last build parked lists its 18,000 files on ten years.
                with timings.stage("output folder"):
                    stack.enter_context(writer)
                    if unused is not None:
                        writer.set_aside(unused)
                if adopting is not None and writer.adopted:
                    self._adopted = replace(adopting, folder=writer.build_dir)
                page_keys, rendered = self._write_site(
                    writer, library, plan, renderer, keys, started, timings
                )
                with timings.stage("write"):
                    self.committing = True  # in place, an interrupted commit leaves a mix
                    replaced = self.previous
                    # The site replaced is parked for the next build when it shares most
                    # of its files with the new one: then it takes little room.
                    shared = writer.files_written * 2 <= len(writer.claims)
                    park = replaced is not None and shared and not self.in_place
                    if writer.commit(parking if park else None):
                        assert replaced is not None
                        self.parked = reuse.Previous(parking, replaced.files)
                    self.committing = False
        finally:
            self._adopted = None
            if started is not None:
                started.cancel()  # a failed build: stop Pagefind, remove its scratch
        self.page_keys, self.last_keys = page_keys, keys  # those of the files in place
        if self.keep_site and self.file_keys is not None:
            with timings.stage("save caches"):  # the record of every file: its metadata
                self.previous = reuse.written(self.out_dir, self.file_keys, self.reused)
        self.sitemap_key = self.sitemap_made
        if with_search:
            self.search_pending = None
        if isinstance(writer, InPlaceWriter):
            self.manifest = writer.manifest
        return BuildResult(
            out_dir=self.out_dir,
            pages=len(plan.pages),
            feeds=len(plan.feeds) * 3,  # RSS, Atom and JSON Feed
            files=len(writer.claims) + 1,
            bytes_written=writer.bytes_written,
            warnings=loaded.warnings,
            timings=timings,
            rendered=rendered,
            written=writer.files_written,
            linked=writer.files_linked,
            timezone=library.site.timezone,
        )

    def _forget_headlines(self, library: Library, shows: Callable[[Headline], bool]) -> None:
        """Let go of what is kept of each headline that `shows` a renamed source or tag: its
        HTML, its feed items and its key; and of the digest feed's day items (a day's item
        holds its headlines) and of every page's and feed's key (they are made again from
        the headlines', most of them kept). On ten years, a tag renamed is on a tenth of
        the headlines: making all 109,500 again took a third of the rebuild."""
        for day in library.days:
            for headline in day.headlines:
                if shows(headline):
                    self.fragments.pop(fragment_key(headline), None)
        entries, texts = self.feed_items
        for key in [key for key, (h, _) in entries.items() if shows(h)]:
            del entries[key]
        for key in [
            k for k, (made, _) in texts.items() if type(made) is not Headline or shows(made)
        ]:
            del texts[key]
        self.spec_keys = {}
        self.kept_keys.forget_names(shows)

    def _write_site(
        self,
        writer: SiteWriter | InPlaceWriter,
        library: Library,
        plan: SitePlan,
        renderer: Renderer,
        keys: InputKeys,
        started: Started | None,
        timings: Timings,
    ) -> tuple[dict[str, Hashable], int]:
        """Render and hand every file to the writer; return the keys of pages and feeds
        (in place) and how many pages were rendered."""
        page_keys: dict[str, Hashable] = {}  # only the preview keeps pages from build to build
        indexing = started is not None and not started.done()
        if isinstance(writer, InPlaceWriter):
            page_keys, rendered = self._update_changed(
                writer, library, plan, renderer, keys, timings, indexing
            )
        else:
            rendered = self._make_everything(
                writer, library, plan, renderer, keys, timings, indexing
            )
        with timings.stage("render pages"):
            in_sitemap = list(itertools.compress(plan.pages, map(_IN_SITEMAP, plan.pages)))
            # The bundled sitemap lists pages' addresses and days' dates: in place, kept
            # while they are the same.
            listed = (keys.common, tuple(map(_SITEMAP_ENTRY, in_sitemap)))
            source = None
            if keys.bundled_theme and self.file_keys is not None:  # a new folder: its key
                sitemap_key = keys.digest(listed, reuse.code_key())
                self.file_keys[urls.sitemap()] = sitemap_key
                source = self._reusable_all([urls.sitemap()], [sitemap_key])[0]
            if (
                keys.bundled_theme
                and isinstance(writer, InPlaceWriter)
                and self.sitemap_key == listed
                and urls.sitemap() in self.manifest
            ):
                writer.keep(urls.sitemap(), "sitemap.xml")
            elif source is not None:
                writer.link(urls.sitemap(), source, "sitemap.xml")
            else:
                sitemap = renderer.render_template("sitemap.xml", pages=in_sitemap)
                writer.write(urls.sitemap(), sitemap, "sitemap.xml")
            self.sitemap_made = listed  # kept as sitemap_key once the build is in place
            writer.write(urls.robots(), renderer.render_template("robots.txt"), "robots.txt")
            for name, static in renderer.statics.items():
                if static.data is None:
                    writer.copy(static.output_path, static.source, f"static/{name}")
                else:  # a stylesheet, minified
                    writer.write(static.output_path, static.data, f"static/{name}")
        # Pagefind waited for, where it runs, and its files handed to the writer: at the end
        # of a first build of ten years, about 2 s of waiting for the archive's bundle.
        with timings.stage("search index"):
            if started is not None or not isinstance(writer, InPlaceWriter):
                # Without Pagefind started (watch's rebuilds), the last index goes with the
                # new pages, and catches up later (update_search).
                self._write_search(writer, library, renderer, started)
            else:  # the preview's pages first; its search catches up (update_search)
                for path in (*self.search.files, urls.service_worker()):
                    writer.keep(path, "search index")
            if started is None:
                self.search_pending = (library, renderer)
        return page_keys, rendered

    def _make_everything(
        self,
        writer: SiteWriter,
        library: Library,
        plan: SitePlan,
        renderer: Renderer,
        keys: InputKeys,
        timings: Timings,
        indexing: bool = False,
    ) -> int:
        """Render and write every page and feed, in two processes when it pays; return the
        number of pages rendered. The processes take the next few jobs in turn until none
        is left. Files unchanged since the site this one replaces are linked from it.

        While Pagefind indexes beside them (`indexing`), the second process yields to it:
        Pagefind ends a first build, and what it does not get of the two cores the build
        waits for at its end (ten years, cold, into memory, six alternating runs: 15.5 s
        with both at one priority, 13.8 s so, the median). This process keeps its own, which
        it could not raise again; the queue hands the slowed child fewer jobs."""
        uses = _listed_by(plan.feeds) if self.once else None  # each writer counts down
        make = _Maker(
            writer,
            renderer,
            FeedWriter(library, renderer, self.feed_items[0], None if uses is None else dict(uses)),
            JsonFeedWriter(library, renderer, self.feed_items[1], uses),
        )
        jobs: list[PageSpec | FeedSpec] = [*plan.pages, *plan.feeds]
        if self.file_keys is not None and (self.previous or self._adopted) is not None:
            with timings.stage("reuse unchanged files"):
                jobs = self._link_unchanged(writer, keys, jobs)
        elif self.file_keys is not None:  # nothing to reuse: keys are made while rendering
            make.keys, make.file_keys = (keys, reuse.code_key()), self.file_keys
        pages = [job for job in jobs if isinstance(job, PageSpec)]
        if not self.parallel or len(jobs) < PARALLEL_JOBS:
            with timings.stage("render pages"):
                for page in pages:
                    make(page)
            with timings.stage("feeds"):
                for job in jobs:
                    if isinstance(job, FeedSpec):
                        make(job)
            if make.keys is not None:
                self._keep_keys(jobs, keys)
            return len(pages)
        with timings.stage("render pages and feeds, 2 processes"):
            (_, our_keys), (theirs, their_keys) = make.in_two(jobs, indexing, _as_made)
            if self.file_keys is not None:
                self.file_keys.update(our_keys)
                self.file_keys.update(their_keys)
            for path, claimant, size in theirs:
                writer.claim(path, claimant)
                writer.bytes_written += size
                writer.files_written += 1
        if make.keys is not None:
            self._keep_keys(jobs, keys)
        return len(pages)

    def _link_unchanged(
        self, writer: SiteWriter, keys: InputKeys, jobs: list[PageSpec | FeedSpec]
    ) -> list[PageSpec | FeedSpec]:
        """Link each page and feed whose key is unchanged from the site being replaced (or
        keep it in the adopted folder); return the jobs left to render. Record every file's
        key in `file_keys`. Ten years have 18,000 such files: they are gone through in bulk,
        at C speed (`digest watch` does this on every save: one Python loop over them took
        a few milliseconds, and there were ten), not one call after another."""
        assert self.file_keys is not None
        made = self._file_keys_of(jobs, keys)
        paths, owners, claimants = self._job_files(jobs)
        file_keys = list(map(made.__getitem__, owners))
        self.file_keys.update(zip(paths, file_keys, strict=True))
        own, sources = self._reusable_bulk(paths, file_keys)
        found = map(operator.or_, own, map(_IS_NOT_NONE, sources))
        missing = list(map(operator.not_, found))
        redo = set(itertools.compress(owners, missing))
        if redo:  # a job with a file to make is made again, all of its files
            again = list(map(redo.__contains__, owners))
            for path in itertools.compress(paths, again):
                self.reused.pop(path, None)
            own = list(map(operator.and_, own, map(operator.not_, again)))
            sources = [
                None if redone else source for source, redone in zip(sources, again, strict=True)
            ]
        self._take_files(writer, paths, own, sources, claimants)
        return [jobs[index] for index in sorted(redo)]

    def _job_files(self, jobs: list[PageSpec | FeedSpec]) -> tuple[list[str], list[int], list[str]]:
        """Return every job's files, in order, with the index of each one's job and its
        claimant. What a spec the plan memo reused writes is kept from the last build (the
        entry holds the spec: no other object has its id)."""
        ids = list(map(id, jobs))
        entries = list(map(self.job_files.get, ids, itertools.repeat(_NO_ENTRY)))
        known = list(map(operator.is_, map(_FIRST, entries), jobs))
        for index in itertools.compress(range(len(jobs)), map(operator.not_, known)):
            job = jobs[index]
            if isinstance(job, PageSpec):
                entries[index] = (job, (urls.output_path(job.url_path),), job.template)
            else:
                entries[index] = (job, tuple(_feed_paths(job)), f"feed {job.id}")
        self.job_files = dict(zip(ids, entries, strict=True))
        files = list(map(_SECOND, entries))
        counts = list(map(len, files))
        paths = list(itertools.chain.from_iterable(files))
        owners = list(
            itertools.chain.from_iterable(map(itertools.repeat, range(len(jobs)), counts))
        )
        claimants = list(
            itertools.chain.from_iterable(map(itertools.repeat, map(_THIRD, entries), counts))
        )
        return paths, owners, claimants

    @staticmethod
    def _take_files(
        writer: SiteWriter,
        paths: list[str],
        own: list[bool],
        sources: list[str | None],
        claimants: list[str],
    ) -> None:
        """Keep each file the adopted folder has unchanged (`own`, from `_reusable_bulk`)
        where it is, and link each file that has a source into the new folder."""
        present = writer.present
        here = list(map(operator.and_, own, map(present.__contains__, paths)))
        kept = dict(
            zip(itertools.compress(paths, here), itertools.compress(claimants, here), strict=True)
        )
        # Linked: a file the adopted folder has but its listing lacks (`here` implies
        # `own`), and every file taken from the site in place.
        linked = map(operator.or_, map(operator.xor, own, here), map(_IS_NOT_NONE, sources))
        for index in itertools.compress(range(len(paths)), linked):
            path, source = paths[index], sources[index]
            if source is None:  # the adopted folder's, recorded but not listed there
                source = os.path.join(writer.build_dir, path)
            writer.link(path, source, claimants[index])
        writer.keep_adopted(kept)

    def _reusable_all(self, paths: list[str], file_keys: list[str]) -> list[str | None]:
        """Return, for each of `paths`, a file made from its key in `file_keys` to take for
        it (`_reusable_bulk`'s, as one path each); None if there is none."""
        own, sources = self._reusable_bulk(paths, file_keys)
        if self._adopted is None:
            return sources
        folder = self._adopted.folder
        return [
            os.path.join(folder, path) if mine else source
            for path, mine, source in zip(paths, own, sources, strict=True)
        ]

    def _reusable_bulk(
        self, paths: list[str], file_keys: list[str]
    ) -> tuple[list[bool], list[str | None]]:
        """Say, for each of `paths`, whether the adopted folder has a file made from its key
        in `file_keys`, unchanged (checked in bulk); where it has none, return the file the
        site in place has to take for it, else None. The metadata of each, as just checked,
        is kept in `reused` (a link shares it) for the record."""
        adopted = self._adopted
        if adopted is None:
            own = [False] * len(paths)
        else:
            own, stats = adopted.unchanged_mask(paths, file_keys)
            self.reused.update(
                zip(itertools.compress(paths, own), itertools.compress(stats, own), strict=True)
            )
        sources: list[str | None] = [None] * len(paths)
        previous = self.previous
        if previous is not None:
            for index in itertools.compress(range(len(paths)), map(operator.not_, own)):
                found = previous.unchanged(paths[index], file_keys[index])
                if found is not None:
                    sources[index] = found
                    self.reused[paths[index]] = previous.files[paths[index]][1]
        return own, sources

    def _file_keys_of(self, jobs: list[PageSpec | FeedSpec], keys: InputKeys) -> list[str]:
        """Return the key of each job's files. A spec the plan memo reused keeps the key the
        last build made (`digest watch`: the keys of ten years' pages took about 1.3 s of a
        save); the others are made in two processes when it pays: in a new process, the
        keys of ten years' pages took about 2 s of one core."""
        code = reuse.code_key()
        # (spec, digest, the feed's date): a feed with no items is dated by the newest
        # day, which its key holds (incremental.InputKeys.feed). Ten years have 13,500
        # jobs: they are gone through in bulk.
        feed_date = keys.feed_date
        dates: list[dt.date | None] = [None] * len(jobs)
        for index in itertools.compress(range(len(jobs)), map(_IS_FEED, map(type, jobs))):
            dates[index] = feed_date(jobs[index])
        hits = list(map(self.spec_keys.get, map(id, jobs), itertools.repeat(_NO_KEY)))
        made = list(map(_SECOND, hits))
        same = map(operator.is_, map(_FIRST, hits), jobs)
        kept = map(operator.and_, same, map(operator.eq, map(_THIRD, hits), dates))
        todo = list(itertools.compress(range(len(jobs)), map(operator.not_, kept)))
        if not self.parallel or not self.keys_beside or len(todo) < PARALLEL_JOBS:
            for index in todo:
                made[index] = _file_key(jobs[index], keys, code)
        else:
            made[todo[0]] = _file_key(jobs[todo[0]], keys, code)  # and the common digest
            theirs = todo[2::2]
            helper = Forked(lambda: [_file_key(jobs[index], keys, code) for index in theirs])
            try:
                for index in todo[1::2]:
                    made[index] = _file_key(jobs[index], keys, code)
                for index, digest in zip(theirs, helper.join(), strict=True):
                    made[index] = digest
            finally:
                helper.cancel()
        if len(todo) * 4 < len(jobs):  # most kept: the others' entries replaced
            spec_keys = self.spec_keys
            for gone in spec_keys.keys() - set(map(id, jobs)):
                del spec_keys[gone]
            for index in todo:
                job = jobs[index]
                spec_keys[id(job)] = (job, made[index], dates[index])
        else:
            self._keep_keys(jobs, keys, made, dates)
        return made

    def _keep_keys(
        self,
        jobs: list[PageSpec | FeedSpec],
        keys: InputKeys,
        made: list[str] | None = None,
        dates: list[dt.date | None] | None = None,
    ) -> None:
        """Keep the key of each job's files (`made`, else as `file_keys` has them) for the
        next build (watch's), as the preview keeps its keys: only this build's specs,
        which the entries keep alive (their ids stay their own)."""
        if made is None:
            assert self.file_keys is not None
            first = [
                urls.output_path(job.url_path) if isinstance(job, PageSpec) else _feed_paths(job)[0]
                for job in jobs
            ]
            made = [self.file_keys[path] for path in first]
        if dates is None:
            dates = list(map(keys.feed_date, jobs))
        self.spec_keys = {
            id(job): (job, digest, date)
            for job, digest, date in zip(jobs, made, dates, strict=True)
        }

    def _update_changed(
        self,
        writer: InPlaceWriter,
        library: Library,
        plan: SitePlan,
        renderer: Renderer,
        keys: InputKeys,
        timings: Timings,
        indexing: bool = False,
    ) -> tuple[dict[str, Hashable], int]:
        """Render and write the pages and feeds whose inputs changed since the last build;
        keep the others as they are (in two processes when there are many and the Builder
        may fork: `indexing`, while Pagefind runs beside). Return every page's and feed's
        key, and the count of pages rendered."""
        # id(spec) -> (spec, key, output path), or (spec, key, output paths) for a feed
        spec_keys: dict[int, tuple[Any, ...]] = {}
        make = _Maker(
            writer,
            renderer,
            FeedWriter(library, renderer, self.feed_items[0]),
            JsonFeedWriter(library, renderer, self.feed_items[1]),
        )
        last_keys = self.page_keys
        with timings.stage("render pages"):
            # A spec the plan memo reused is the object it was (spec_keys keeps it alive, so
            # no other object has its id): it keeps its key and output path. Ten years have
            # 13,000 pages: they are looked at in bulk, at C speed, not one by one.
            pages = plan.pages
            ids = list(map(id, pages))
            found = list(map(self.spec_keys.get, ids))
            fresh = list(itertools.compress(range(len(found)), map(_IS_NONE, found)))
            for index in fresh:
                page = pages[index]
                found[index] = (page, keys.page(page), urls.output_path(page.url_path))
            entries = cast(list[tuple[Any, ...]], found)  # none is None now
            spec_keys.update(zip(ids, entries, strict=True))
            paths = list(map(_PATH_OF, entries))
            page_keys = dict(zip(paths, map(_KEY_OF, entries), strict=True))
            if len(page_keys) < len(paths):
                _refuse_a_second_claim(writer, paths, [page.template for page in pages])
            # Unchanged: the key written last time, the same object for a reused spec.
            unchanged = list(map(operator.is_, map(last_keys.get, paths), page_keys.values()))
            for index in fresh:
                unchanged[index] = last_keys.get(paths[index]) == entries[index][1]
            if self.previous is not None:  # a new preview: the files an earlier one left
                for index in fresh:
                    recorded = self._recorded(keys, paths[index : index + 1], entries[index][1])
                    unchanged[index] = unchanged[index] or recorded
            kept = dict(
                zip(
                    itertools.compress(paths, unchanged),
                    itertools.compress(map(_TEMPLATE_OF, pages), unchanged),
                    strict=True,
                )
            )
            writer.keep_all(kept)
            todo: list[PageSpec | FeedSpec] = list(
                itertools.compress(pages, map(operator.not_, unchanged))
            )
            rendered = len(todo)
        with timings.stage("feeds"):
            for spec in plan.feeds:
                known = self.spec_keys.get(id(spec))
                # A reused spec keeps its key, unless it is an empty feed's and the newest
                # day changed (it is dated by it).
                if known is None or not keys.same_feed_date(known[1], spec):
                    known = (spec, keys.feed(spec), tuple(_feed_paths(spec)))
                spec_keys[id(spec)] = known
                _, key, feed_paths = known
                page_keys.update(dict.fromkeys(feed_paths, key))
                if all(last_keys.get(path) == key for path in feed_paths) or (
                    self.previous is not None and self._recorded(keys, feed_paths, key)
                ):
                    for path in feed_paths:
                        writer.keep(path, f"feed {spec.id}")  # refuses a second claim
                else:
                    todo.append(spec)
        if self.parallel and len(todo) >= PARALLEL_JOBS:
            with timings.stage("render pages and feeds, 2 processes"):
                # The forked process writes its files into their spares too, and reports
                # what the writer must know of them for the commit.
                staged = len(writer.staged)

                def report(
                    made: list[tuple[str, str, int]], _: dict[str, str]
                ) -> tuple[list[tuple[str, str, int]], list[str], list[tuple[str, str]]]:
                    digests = [writer.manifest[path] for path, _, _ in made]
                    return made, digests, writer.staged[staged:]

                _, theirs = make.in_two(todo, indexing, report)
                writer.take_written(*theirs)
        else:
            with timings.stage("render pages"):
                for job in todo:
                    if isinstance(job, PageSpec):
                        make(job)
            with timings.stage("feeds"):
                for job in todo:
                    if isinstance(job, FeedSpec):
                        make(job)
        self.spec_keys = spec_keys
        self.previous = None
        return page_keys, rendered

    def _recorded(self, keys: InputKeys, paths: Sequence[str], key: Hashable) -> bool:
        """Whether an earlier preview recorded these files as made from `key`, and they
        are as it left them (then they are kept, not rendered)."""
        assert self.previous is not None
        digest = keys.digest(key, reuse.code_key())
        for path in paths:
            self.digests[path] = (key, digest)
        return all(self.previous.unchanged(path, digest) is not None for path in paths)

    def record_files(self) -> None:
        """Record, in .digest-cache/, the key of each page and feed file in the output
        folder (watch's, or the preview's), for the next build in another process to take
        those whose inputs have not changed since (reuse.py: a file changed since, or not
        recorded, is made again). Nothing is recorded after a commit that did not finish
        (Ctrl-C, a full disk): some files in place may be newer than the keys known."""
        if self.committing:
            return
        if self.in_place and self.last_keys is not None:
            keys, code, digests = self.last_keys, reuse.code_key(), self.digests
            recorded = {}
            for path, key in self.page_keys.items():
                known = digests.get(path)
                digest = known[1] if known and known[0] is key else keys.digest(key, code)
                recorded[path] = digest
            record = reuse.written(self.out_dir, recorded)
        elif self.keep_site and self.previous is not None:
            record = self.previous  # the last build that went in place (not a failed one's)
        else:
            return
        folder = folder_identity(self.out_dir)
        reuse.save(self.project.root, self.out_dir, folder, record, self.parked)


_KEY_OF = operator.itemgetter(1)
_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)
_THIRD = operator.itemgetter(2)
_IS_NOT_NONE = functools.partial(operator.is_not, None)
_IS_FEED = functools.partial(operator.is_, FeedSpec)  # of a job's type
_NO_KEY = (None, "", None)  # spec_keys' entry of a job it lacks
_NO_ENTRY = (None, (), "")  # job_files' entry of a job it lacks
_PATH_OF = operator.itemgetter(2)
_IS_NONE = functools.partial(operator.is_, None)
_TEMPLATE_OF = operator.attrgetter("template")
_IN_SITEMAP = operator.attrgetter("in_sitemap")
_SITEMAP_ENTRY = operator.attrgetter("url_path", "modified")  # what the sitemap says of it


def _refuse_a_second_claim(writer: InPlaceWriter, paths: list[str], claimants: list[str]) -> None:
    """Raise the writer's error for the first output path that two pages would be."""
    claimed: dict[str, str] = {}
    for path, claimant in zip(paths, claimants, strict=True):
        if path in claimed:
            writer.claim(path, claimed[path])
            writer.claim(path, claimant)  # raises, naming both
        claimed[path] = claimant


def _renamed(old: dict[str, str], new: dict[str, str]) -> set[str]:
    """Return the keys of `old` whose names `new` changes or lacks."""
    return {key for key, value in old.items() if new.get(key) != value}


def _added_to(old: dict[str, str], new: dict[str, str]) -> bool:
    """Whether `new` holds every entry of `old` unchanged (and maybe more)."""
    return all(new.get(key) == value for key, value in old.items())


# Below this many pages and feeds a second process costs more than it saves.
PARALLEL_JOBS = 500
# From this many changed shards of the parse cache (years of day files), `digest build`
# saves it in a process of its own; from this many search records to make, it makes them
# in one: below these, forking (and the copy-on-write of the pages the build then writes)
# costs about what it saves.
SHARDS_BESIDE = 3
RECORDS_BESIDE = 1000
# From this many search records that Pagefind indexes beside the build, the build makes
# its keys in one process: Pagefind then ends the build, and uses about 1.4 of the two
# cores (ten years' archive: 4.4 s, 6.3 CPU-seconds alone); a second process making keys
# slowed it more than it saved (an old day edited, four alternating builds each: 7.5-7.9 s
# against 8.1-8.3 s).
INDEXED_ALONE = 1000
# How long the look `precheck` took at the parked site's files stands for a build's own: a
# watcher builds after at most two seconds of a burst of changes (watch.Watcher).
CHECKED_FOR = 3.0


def _as_made(
    made: list[tuple[str, str, int]], keys: dict[str, str]
) -> tuple[list[tuple[str, str, int]], dict[str, str]]:
    """What a forked renderer reports of its `run`: all of it, as it is."""
    return made, keys


def _listed_by(feeds: Sequence[FeedSpec]) -> dict[int, int]:
    """Return how many of `feeds` list each headline, by its identity."""
    return Counter(id(h) for feed in feeds for h in feed.headlines)


def _feed_paths(spec: FeedSpec) -> list[str]:
    """Return where a feed goes: RSS, Atom and JSON Feed, side by side."""
    return [
        *(urls.feed(spec.feed_folder, kind) for kind in urls.FEED_FORMATS),
        json_feed_path(spec),
    ]


def _file_key(job: PageSpec | FeedSpec, keys: InputKeys, code: str) -> str:
    """Return the digest of what a page's or feed's files are made from (reuse.py)."""
    return keys.digest(keys.page(job) if isinstance(job, PageSpec) else keys.feed(job), code)


@dataclass
class _Maker:
    """Renders one page or feed and writes its files; in `run`, remembers what it wrote
    (the forked process reports that to the build's writer). With `keys` (and the hash
    of digest's code), records the key of every file it writes in `file_keys`."""

    writer: SiteWriter
    renderer: Renderer
    feeds: FeedWriter
    json_feeds: JsonFeedWriter
    made: list[tuple[str, str, int]] | None = None  # path, claimant, bytes: only in run
    keys: tuple[InputKeys, str] | None = None
    file_keys: dict[str, str] | None = None

    def __call__(self, job: PageSpec | FeedSpec) -> None:
        if isinstance(job, PageSpec):
            page = self.renderer.render_page(job)
            paths = [self._write(urls.output_path(job.url_path), page, job.template)]
        else:
            claimant = f"feed {job.id}"
            paths = [
                self._write(path, data, claimant) for path, data in self.feeds.render(job).items()
            ]
            paths.append(self._write(json_feed_path(job), self.json_feeds.render(job), claimant))
        if self.keys is not None and self.file_keys is not None:
            self.file_keys.update(dict.fromkeys(paths, _file_key(job, *self.keys)))

    def _write(self, path: str, data: str | bytes, claimant: str) -> str:
        before = self.writer.bytes_written
        self.writer.write(path, data, claimant)
        if self.made is not None:
            self.made.append((path, claimant, self.writer.bytes_written - before))
        return path

    def in_two(
        self,
        jobs: list[PageSpec | FeedSpec],
        indexing: bool,
        report: Callable[[list[tuple[str, str, int]], dict[str, str]], T],
    ) -> tuple[tuple[list[tuple[str, str, int]], dict[str, str]], T]:
        """Do the jobs in this process and a forked one together, each taking the next few
        in turn (`run`); return what this one's `run` returned and what `report` made of
        the other's, there. While Pagefind indexes beside (`indexing`), the forked one
        yields the cores to it."""
        self.renderer.render_headlines()  # once, before the fork: both processes list them
        queue = parallel.JobQueue(len(jobs))
        helper = Forked(lambda: report(*self.run(jobs, queue)), yielding=indexing)
        try:
            ours = self.run(jobs, queue)
            return ours, helper.join()
        finally:
            helper.cancel()

    def run(
        self, jobs: list[PageSpec | FeedSpec], queue: parallel.JobQueue
    ) -> tuple[list[tuple[str, str, int]], dict[str, str]]:
        """Do the jobs `queue` hands out until none is left; return what was written and,
        with `keys`, the key of each file."""
        made = self.made = []
        file_keys: dict[str, str] = {}
        if self.keys is not None:
            self.file_keys = file_keys
        for index in queue:
            self(jobs[index])
        return made, file_keys
