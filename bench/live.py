"""Measure how fast the preview server shows an edit, on a generated digest (issue 3).

    python3 bench/live.py --days 3650 --headlines 30 --runs 7

Builds a generated corpus once with the preview's in-place Builder, then, run after run,
edits one day file (a sentence added to an old day's commentary; a headline added to the
newest day, an editor's usual save) or tags.yaml (a tag added, a tag's description edited, a tag
renamed), and times the rebuild until the changed page is on disk. Then it stops and
starts the server again (one day edited in between) and times the new server's first build.
Last, it times `digest watch`'s rebuilds of a site/ (its first save after its first build;
an old day edited, a headline added; a tag added, described, renamed): the new site
swapped in, then the second build that brings its search index.
The watcher waits for 100 ms of quiet before it starts a rebuild: from a save to the page on
disk is that plus the rebuild time reported here (`digest watch` checks the files of the
site it builds in during that wait: what of it outlasts the wait is counted too). As in the
server, the rebuild is told which file was saved, and Python's cycle collector waits until
it is done. Medians, minimum and maximum are printed; the machine's load average is printed
too, since shared machines are noisy.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder import parallel  # noqa: E402
from builder.build import Builder, BuildResult, Timings, collection_deferred  # noqa: E402
from builder.cache import save_cache  # noqa: E402
from builder.output import remove_spares  # noqa: E402
from builder.project import Project  # noqa: E402

QUIET = 0.1  # the watcher's quiet period, added to every save-to-disk figure


def _generate(out: Path, days: int, headlines: int) -> None:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(out, days=days, headlines=headlines)


def _server_builder(project: Path, preview: Path) -> Builder:
    """The Builder of `digest serve`: in place, drafts included, forking for its first
    build (set `parallel` to False after it, as the server does once it has threads)."""
    return Builder(
        Project(project), preview, drafts=True, in_place=True, parallel=parallel.can_fork()
    )


def _summary(seconds: list[float]) -> str:
    low, middle, high = (
        1000 * (QUIET + s) for s in (min(seconds), statistics.median(seconds), max(seconds))
    )
    return f"{middle:.0f} ms (min {low:.0f}, max {high:.0f})"


def _rebuild(builder: Builder, saved: Path) -> tuple[float, BuildResult]:
    """Rebuild as the server does after `saved` was saved (told so, as its watcher tells it;
    no search index, which follows; Python's cycle collector waits until the browsers are
    told) and return the seconds it took, and its result."""
    with collection_deferred():
        started = time.perf_counter()
        result = builder.build(with_search=False, changed={saved})
        return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--headlines", type=int, default=30)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="digest-live-") as temp:
        project = Path(temp) / "project"
        _generate(project, args.days, args.headlines)
        # As the server: its first build forks (no thread runs yet), its rebuilds do not.
        builder = _server_builder(project, Path(temp) / "preview")
        load = os.getloadavg()[0]
        started = time.perf_counter()
        first = builder.build(with_search=False)
        builder.parallel = False
        print(
            f"{args.days} days x {args.headlines} headlines: first build "
            f"{time.perf_counter() - started:.1f} s, {first.pages} pages (load {load:.2f})"
        )
        days = sorted((project / "content" / "digests").rglob("*.md"))
        day = days[len(days) // 2]
        date = day.stem
        page = Path(temp) / "preview" / date[:4] / date[5:7] / date[8:] / "index.html"
        day_times, rendered = [], []
        for run in range(args.runs):
            sentence = f"Edit number {run} of the benchmark."
            day.write_text(day.read_text("utf-8") + f"\n{sentence}\n", "utf-8")
            seconds, result = _rebuild(builder, day)
            day_times.append(seconds)
            rendered.append(result.rendered)
            assert sentence in page.read_text("utf-8"), "the edit did not reach the page"
        newest = days[-1]
        page = Path(temp) / "preview" / newest.stem[:4] / newest.stem[5:7] / newest.stem[8:]
        added_times, added_rendered = [], []
        for run in range(args.runs):
            text = newest.read_text("utf-8")
            block = re.search(r"^  - title: .*?(?=^  - |^---)", text, flags=re.M | re.S)
            assert block is not None, "no headline to copy in the newest day"
            title = f"Added headline number {run}"
            copy = re.sub(r"title: .*", f'title: "{title}"', block.group(0), count=1)
            copy = re.sub(r"(url: \S+)", rf"\1?added={run}", copy, count=1)
            newest.write_text(text.replace(block.group(0), copy + block.group(0), 1), "utf-8")
            seconds, result = _rebuild(builder, newest)
            added_times.append(seconds)
            added_rendered.append(result.rendered)
            assert title in (page / "index.html").read_text("utf-8"), "the headline is not shown"
        tags = project / "content" / "tags.yaml"
        tag_times: dict[str, list[float]] = {"added": [], "described": [], "renamed": []}
        tag_rendered: dict[str, list[int]] = {case: [] for case in tag_times}
        for run in range(max(1, args.runs // 2)):
            for case in _edit_tags(tags, run, 3, "Added"):
                seconds, result = _rebuild(builder, tags)
                tag_times[case].append(seconds)
                tag_rendered[case].append(result.rendered)
        print(
            f"save one day -> page on disk: {_summary(day_times)}; "
            f"pages rendered: {statistics.median(rendered):.0f}"
        )
        print(
            f"add a headline to the newest day -> page on disk: {_summary(added_times)}; "
            f"pages rendered: {statistics.median(added_rendered):.0f}"
        )
        for case, times in tag_times.items():
            print(
                f"tags.yaml, a tag {case} -> pages on disk: {_summary(times)}; "
                f"pages rendered: {statistics.median(tag_rendered[case]):.0f}"
            )
        # The server stopped and started again: it records its files and removes its
        # spares when it stops, and the new one reads the parse cache and keeps what is
        # unchanged (one day edited).
        save_cache(project, builder.parse_cache)
        builder.record_files()
        remove_spares(Path(temp) / "preview")  # as the server does when it stops
        day.write_text(day.read_text("utf-8") + "\nEdited while no server ran.\n", "utf-8")
        started = time.perf_counter()
        again = _server_builder(project, Path(temp) / "preview")
        again.resume()  # as the server does: the parse cache and the recorded files
        timings = Timings()
        restarted = again.build(timings=timings, with_search=False)  # as the server does
        stages = ", ".join(f"{name} {seconds:.2f}" for name, seconds in timings.stages.items())
        print(
            f"a new server's first build, after one day edited: "
            f"{time.perf_counter() - started:.1f} s; pages rendered: {restarted.rendered} "
            f"(the first server's: {first.rendered}); seconds by stage: {stages}"
        )
        _watch(project, Path(temp) / "site", day, newest, args.runs)
        print(f"load average at the end: {os.getloadavg()[0]:.2f}")


def _watch(project: Path, site: Path, day: Path, newest: Path, runs: int) -> None:
    """Time `digest watch`'s rebuilds of site/ as its loop makes them: told the saved file,
    without the search, which then catches up (update_search) in a second build."""
    builder = Builder(Project(project), site, keep_site=True, parallel=parallel.can_fork())
    started = time.perf_counter()
    builder.build(with_search=False)  # as the watcher's first build: it forks, then never
    builder.parallel = False
    print(f"digest watch: first build {time.perf_counter() - started:.1f} s")
    # Idle after it, as the loop is: a copy of site/ parked and the checks across days
    # counted, then the copy listed.
    builder.prepare()
    builder.prepare()
    day.write_text(day.read_text("utf-8") + "\nA first watched edit.\n", "utf-8")
    first, _ = _watched_save(builder, day)
    what = "the first save (an old day's sentence)"
    print(f"digest watch, {what} -> site/ swapped: {_summary([first])}")
    times: dict[str, list[float]] = {"old day": [], "headline": []}
    search: dict[str, list[float]] = {"old day": [], "headline": []}
    for run in range(runs):
        day.write_text(day.read_text("utf-8") + f"\nWatched edit {run}.\n", "utf-8")
        text = newest.read_text("utf-8")
        block = re.search(r"^  - title: .*?(?=^  - |^---)", text, flags=re.M | re.S)
        assert block is not None, "no headline to copy in the newest day"
        copy = re.sub(r"title: .*", f'title: "Watched headline {run}"', block.group(0), count=1)
        copy = re.sub(r"(url: \S+)", rf"\1?watched={run}", copy, count=1)
        for case, saved in (("old day", day), ("headline", newest)):
            if saved is newest:
                newest.write_text(text.replace(block.group(0), copy + block.group(0), 1), "utf-8")
            seconds, searched = _watched_save(builder, saved)
            times[case].append(seconds)
            search[case].append(searched)
    cases = (("old day", "a sentence added to an old day"), ("headline", "a headline added"))
    for case, what in cases:
        print(
            f"digest watch, {what} -> site/ swapped: {_summary(times[case])}; "
            f"the search follows in {statistics.median(search[case]):.1f} s"
        )
    tags = project / "content" / "tags.yaml"
    tag_times: dict[str, list[float]] = {"added": [], "described": [], "renamed": []}
    tag_search: dict[str, list[float]] = {case: [] for case in tag_times}
    for run in range(max(1, runs // 2)):
        for case in _edit_tags(tags, run, 4, "Watched"):
            seconds, searched = _watched_save(builder, tags)
            tag_times[case].append(seconds)
            tag_search[case].append(searched)
    for case, times_of in tag_times.items():
        print(
            f"digest watch, tags.yaml, a tag {case} -> site/ swapped: {_summary(times_of)}; "
            f"the search follows in {statistics.median(tag_search[case]):.1f} s"
        )


def _edit_tags(tags: Path, run: int, topic: int, added: str) -> Iterator[str]:
    """Edit tags.yaml three ways in turn, yielding each case once it is written: a tag
    added (an editor's usual change), topic `topic`'s description edited, it renamed."""
    for case, old, new in (
        ("added", "", f"{added.lower()}-{run}:\n  name: {added} {run}\n"),
        ("described", f"Everything on topic {topic}", f"Everything on topic {topic} ({run})"),
        ("renamed", f"name: Topic {topic}", f"name: Topic {topic} ({run})"),
    ):
        text = tags.read_text("utf-8")
        if old:
            pattern = rf"{re.escape(old)}( \(\d+\))?(?=[\"\n])"  # not "Topic 30"
            text = re.sub(pattern, new, text, count=1)
        else:
            text += new
        tags.write_text(text, "utf-8")
        yield case


def _watched_save(builder: Builder, saved: Path) -> tuple[float, float]:
    """Rebuild as watch's loop does after `saved` was saved, then idle as it is; return the
    seconds to site/ swapped (after the quiet period) and those the search took to follow."""
    # As the save comes, the watcher's quiet period starts, and with it what the build
    # does ahead (`precheck`): only what outlasts the quiet period counts.
    started = time.perf_counter()
    builder.precheck()
    ahead = max(0.0, time.perf_counter() - started - QUIET)
    with collection_deferred():
        started = time.perf_counter()
        builder.build(with_search=False, changed={saved})
        seconds = ahead + time.perf_counter() - started
    # What the watch loop does once saves stop: list the parked site, bring the search up
    # to date (a second build, which parks the other site), list that.
    builder.prepare()
    started = time.perf_counter()
    builder.update_search()
    searched = time.perf_counter() - started
    builder.prepare()
    return seconds, searched


if __name__ == "__main__":
    main()
