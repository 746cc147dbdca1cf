"""`digest build` renders pages and feeds in two processes (builder/parallel.py): same bytes.

A generated digest big enough for the second process is built with it and without it and
the two sites compared file by file; an error raised in either process fails the build with
the template's file and line and writes nothing; a build killed while both processes render
leaves no process behind (the second dies with the first). A first build also saves the
parse cache and makes the search records in processes of their own: the same caches and
index as made in one. Day files are parsed by the build process and a forked one together
(parallel.shared_map): the same results as a pool's, whatever the child does.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from builder import build as build_module
from builder import parallel, search, searchindex
from builder.build import PARALLEL_JOBS, Builder, Timings, build
from builder.cache import ParseCache
from builder.errors import ContentErrors
from builder.project import Project
from builder.reader import PARALLEL_THRESHOLD, read_days

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402

PARALLEL_STAGE = "render pages and feeds, 2 processes"


@pytest.fixture(scope="module")
def digest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("parallel") / "digest"
    generate(root, days=60, headlines=30, seed=11)
    return root


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_two_processes_make_the_same_bytes_as_one(digest: Path, tmp_path: Path) -> None:
    timings = {}
    for forking in (False, True):
        builder = Builder(Project(digest), tmp_path / str(forking), parallel=forking)
        timings[forking] = Timings()
        result = builder.build(timings=timings[forking])
        assert result.pages + result.feeds // 3 >= PARALLEL_JOBS  # one job a feed, three files
    _same_sites(timings, tmp_path / "False", tmp_path / "True")


def _same_sites(timings: dict[bool, Timings], one_folder: Path, two_folder: Path) -> None:
    """The build timed by timings[True] rendered in two processes, the other in one, and
    they made the same files, byte for byte."""
    assert PARALLEL_STAGE in timings[True].stages  # the second process did take part
    assert PARALLEL_STAGE not in timings[False].stages
    one, two = tree(one_folder), tree(two_folder)
    assert len(one) > 900
    assert sorted(one) == sorted(two)
    assert [path for path in one if one[path] != two[path]] == []


def test_a_preview_made_in_two_processes_is_the_one_made_in_one_and_builds_on(
    digest: Path, tmp_path: Path
) -> None:
    """The preview's first build (digest serve) renders in place in two processes: the
    same files as in one; its writer knows every file, the other process's too, so the
    next saves (in one process, as the server's) keep, change and delete them as a
    preview made in one process does."""
    builders, timings = {}, {}
    for forking in (False, True):
        project = tmp_path / f"project-{forking}"
        shutil.copytree(digest / "content", project / "content")
        out = tmp_path / f"preview-{forking}"
        builders[forking] = Builder(
            Project(project), out, drafts=True, in_place=True, parallel=forking
        )
        timings[forking] = Timings()
        builders[forking].build(with_search=False, timings=timings[forking])
        builders[forking].parallel = False
    _same_sites(timings, tmp_path / "preview-False", tmp_path / "preview-True")
    assert builders[True].manifest == builders[False].manifest
    for forking, builder in builders.items():  # a day deleted, another edited
        days = sorted((tmp_path / f"project-{forking}" / "content" / "digests").rglob("*.md"))
        days[-1].unlink()
        days[10].write_text(days[10].read_text("utf-8") + "\nEdited after.\n", "utf-8")
        builder.build(with_search=False, changed={days[-1], days[10]})
    one, two = tree(tmp_path / "preview-False"), tree(tmp_path / "preview-True")
    assert sorted(one) == sorted(two)
    assert [path for path in one if one[path] != two[path]] == []
    assert any(b"Edited after." in data for data in two.values())


def test_an_error_in_either_process_fails_the_build_and_writes_nothing(
    digest: Path, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(digest / "content", project / "content")
    tag = project / "templates" / "tag.html"
    tag.parent.mkdir()
    tag.write_text(
        '{% extends "listing.html" %}\n{% set subject_title = subject.name %}\n'
        "{% block kind %}{{ no_such_thing.here }}{% endblock %}\n",
        "utf-8",
    )
    out = tmp_path / "site"
    builder = Builder(Project(project), out, parallel=True)
    with pytest.raises(ContentErrors) as caught:
        builder.build()
    problem = caught.value.problems[0]
    assert (problem.location.path, problem.location.line) == ("templates/tag.html", 3)
    assert "no_such_thing" in problem.message
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []
    assert _zombie_children() == []  # the second process was reaped


def _logging_pids(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Have saving the parse cache (its changed shards) and making search records note the
    process they run in."""
    save_cache, make_records = build_module.save_cache, searchindex.make_records

    def saving(root: Path, cache: ParseCache) -> None:
        if cache.dirty:  # a call with nothing left to write (it was saved beside) writes none
            with log.open("a") as stream:
                stream.write(f"cache {os.getpid()}\n")
        save_cache(root, cache)

    def making(*args: object) -> list[str]:
        with log.open("a") as stream:
            stream.write(f"records {os.getpid()}\n")
        return make_records(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "save_cache", saving)
    monkeypatch.setattr(searchindex, "make_records", making)


@pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) < 2, reason="one core")
def test_caches_and_search_records_made_beside_the_build_are_the_same(
    digest: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "pids"
    _logging_pids(monkeypatch, log)
    made = {}
    for beside in (False, True):
        # Thresholds of one: the small digest's cache and records are made beside.
        monkeypatch.setattr(build_module, "SHARDS_BESIDE", 1 if beside else 10**9)
        monkeypatch.setattr(build_module, "RECORDS_BESIDE", 1 if beside else 10**9)
        project = tmp_path / str(beside)
        shutil.copytree(digest / "content", project / "content")
        log.write_text("")
        build(Project(project), project / "site", force=True)
        made[beside] = (
            tree(project / "site"),
            tree(project / ".digest-cache" / "days"),
            tree(project / ".digest-cache" / "search"),
        )
        kinds = sorted(line.split()[0] for line in log.read_text().splitlines())
        pids = {int(line.split()[1]) for line in log.read_text().splitlines()}
        assert kinds == ["cache", "records"]
        assert (os.getpid() in pids) is not beside  # beside: in other processes only
    assert len(made[True][1]) >= 1 and len(made[True][2]) >= 2  # shards; records, bundles
    for one, two in zip(made[False], made[True], strict=True):
        assert sorted(one) == sorted(two)
        assert [path for path in one if one[path] != two[path]] == []


def test_a_build_failing_while_its_cache_is_saved_beside_leaves_nothing_running(
    digest: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_module, "SHARDS_BESIDE", 1)
    monkeypatch.setattr(build_module, "RECORDS_BESIDE", 1)
    project = tmp_path / "project"
    shutil.copytree(digest / "content", project / "content")
    (project / "templates").mkdir()
    (project / "templates" / "tag.html").write_text("{{ no_such_thing.here }}\n", "utf-8")
    scratch = set(Path("/dev/shm").glob("digest-search-*")) if Path("/dev/shm").is_dir() else set()
    with pytest.raises(ContentErrors):
        build(Project(project), project / "site", force=True)
    assert _zombie_children() == []
    assert not (project / "site").exists()
    if Path("/dev/shm").is_dir():  # Pagefind's scratch folders are gone with it
        assert set(Path("/dev/shm").glob("digest-search-*")) <= scratch


def test_a_build_failing_while_it_plans_stops_the_pagefind_started_beside(
    digest: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an edit (few search records to make), `digest build` starts Pagefind before
    it plans, beside the planning; a build that fails there stops it and removes its
    scratch folder."""
    project = tmp_path / "project"
    shutil.copytree(digest / "content", project / "content")
    build(Project(project), project / "site")
    day = sorted((project / "content" / "digests").rglob("*.md"))[-1]
    day.write_text(day.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    started: list[search.PendingIndex] = []
    real = search.PendingIndex.__init__

    def recorded(index: search.PendingIndex, *args: Any) -> None:
        real(index, *args)
        started.append(index)

    def failing(*args: Any) -> None:
        raise RuntimeError("the planning failed")

    monkeypatch.setattr(search.PendingIndex, "__init__", recorded)
    monkeypatch.setattr(build_module, "plan_site", failing)
    memory = Path("/dev/shm")
    scratch = set(memory.glob("digest-search-*")) if memory.is_dir() else set()
    with pytest.raises(RuntimeError, match="the planning failed"):
        build(Project(project), project / "site")
    assert started and all(index.process is None for index in started)  # started, stopped
    assert _zombie_children() == []
    if memory.is_dir():
        assert set(memory.glob("digest-search-*")) <= scratch


@pytest.mark.parametrize("alone", [False, True], ids=["keys-beside", "keys-alone"])
def test_keys_are_made_in_one_process_while_pagefind_indexes_much_beside(
    digest: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, alone: bool
) -> None:
    """A new process keys every page and feed, in two processes; but while Pagefind indexes
    many records beside it (the archive of a long digest), in this one alone: Pagefind
    then ends the build, and takes more than one core."""
    project = tmp_path / "project"
    shutil.copytree(digest / "content", project / "content")
    build(Project(project), project / "site")
    day = sorted((project / "content" / "digests").rglob("*.md"))[-1]
    day.write_text(day.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    monkeypatch.setattr(build_module, "INDEXED_ALONE", 1 if alone else 10**9)
    log = tmp_path / "keys.log"
    real = build_module._file_key

    def logged(*args: Any) -> str:
        with log.open("a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()}\n")
        return real(*args)

    monkeypatch.setattr(build_module, "_file_key", logged)
    build(Project(project), project / "site")
    makers = set(log.read_text("utf-8").split())
    assert makers == {str(os.getpid())} if alone else len(makers) == 2, makers


def test_the_second_renderer_yields_to_pagefind_while_it_indexes(
    digest: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While Pagefind indexes beside the rendering (a first build), the forked renderer
    runs at the lowest priority: Pagefind ends the build, and gets the cores first. With
    nothing to index, both renderers run at this process's priority."""
    import pagefind_bin  # type: ignore[import-untyped]

    project = tmp_path / "project"
    shutil.copytree(digest / "content", project / "content")
    wrapper = tmp_path / "pagefind"  # still indexing while the pages are rendered
    wrapper.write_text(f'#!/bin/sh\nsleep 3\nexec "{pagefind_bin.get_executable()}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(wrapper))
    log = tmp_path / "render.log"
    render = build_module._Maker.__call__

    def logged(self: Any, job: Any) -> None:
        with log.open("a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()} {os.getpriority(os.PRIO_PROCESS, 0)}\n")
        render(self, job)

    monkeypatch.setattr(build_module._Maker, "__call__", logged)
    ours = os.getpriority(os.PRIO_PROCESS, 0)
    for out, helper in (("site", min(ours + 19, 19)), ("again", ours)):
        log.unlink(missing_ok=True)
        build(Project(project), project / out)  # again: the index comes from the cache
        priorities = dict(line.split() for line in log.read_text("utf-8").splitlines())
        assert priorities.pop(str(os.getpid())) == str(ours)
        assert list(priorities.values()) == [str(helper)]
    assert tree(project / "site") == tree(project / "again")


def _zombie_children() -> list[int]:
    """Return the pids of this process's children that ended and were not reaped (other
    children, such as multiprocessing's fork server started by an earlier test, may live)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, parent = stat.rpartition(")")[2].split()[:2]
        if int(parent) == os.getpid() and state == "Z":
            found.append(int(entry.name))
    return found


def _processes_building(project: Path) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if str(project).encode() in command and b"build" in command:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_build_leaves_no_process_behind(digest: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(digest / "content", project / "content")
    command = [sys.executable, "-m", "builder", "build", "--project", str(project)]
    command += ["--out", str(project / "site")]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_processes_building(project)) < 2:  # wait for the fork
        assert process.poll() is None, "the build ended before it forked"
        assert time.monotonic() < deadline, "the build never forked"
        time.sleep(0.02)
    time.sleep(0.2)  # both processes are rendering
    process.send_signal(signal.SIGKILL)
    process.wait()
    # The kernel kills the second process with the first: it is gone at once, long before
    # it could have finished its share of the jobs and found nobody to give it to.
    deadline = time.monotonic() + 0.5
    while _processes_building(project) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_building(project) == []
    for folder in Path("/dev/shm").glob(f"digest-search-{process.pid}-*"):
        shutil.rmtree(folder, ignore_errors=True)  # what the killed build could not remove


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_build_takes_pagefind_with_it(digest: Path, tmp_path: Path) -> None:
    """The kernel kills Pagefind with a build killed outright (SIGKILL, the out-of-memory
    killer), as it does the forked renderer: else it indexes on, for nobody."""
    project = tmp_path / "project"
    shutil.copytree(digest / "content", project / "content")
    said = tmp_path / "pagefind-runs"
    wrapper = tmp_path / "pagefind"  # says where it runs, then waits as Pagefind would work
    wrapper.write_text(f'#!/bin/sh\necho "$$ $@" >> "{said}"\nexec sleep 60\n', "utf-8")
    wrapper.chmod(0o755)
    command = [sys.executable, "-m", "builder", "build", "--project", str(project)]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "PAGEFIND_BINARY_PATH": str(wrapper)},
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # so the test can clean up whatever is left
    )
    runs: list[tuple[int, Path]] = []
    try:
        deadline = time.monotonic() + 60
        while not said.exists():
            assert process.poll() is None, "the build ended before it started Pagefind"
            assert time.monotonic() < deadline, "the build never started Pagefind"
            time.sleep(0.02)
        time.sleep(0.1)  # each bundle's run has said where it works
        for line in said.read_text("utf-8").splitlines():
            pid, *arguments = line.split()
            runs.append((int(pid), Path(arguments[arguments.index("--site") + 1]).parent))
        assert all(_alive(pid) for pid, _ in runs)
        process.send_signal(signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 2
        while any(_alive(pid) for pid, _ in runs) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [pid for pid, _ in runs if _alive(pid)] == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        for scratch in Path("/dev/shm").glob(f"digest-search-{process.pid}-*"):
            shutil.rmtree(scratch, ignore_errors=True)  # a build killed outright leaves it


def _alive(pid: int) -> bool:
    """Whether the process runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _square_with_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks")
def test_shared_map_gives_the_plain_loop_results_from_both_processes() -> None:
    def slow_square(number: int) -> tuple[int, int]:
        time.sleep(0.001)  # long enough for the child to take its share
        return _square_with_pid(number)

    results = parallel.shared_map(slow_square, range(600))
    assert [value for value, _ in results] == [n * n for n in range(600)]
    pids = {pid for _, pid in results}
    assert os.getpid() in pids and len(pids) == 2
    assert _zombie_children() == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks")
def test_shared_map_does_what_a_dying_child_left() -> None:
    parent = os.getpid()

    def dies_at_300(number: int) -> tuple[int, int]:
        if os.getpid() != parent and number >= 300:
            os._exit(3)  # the child dies mid-way, some of its items undone
        time.sleep(0.001)
        return _square_with_pid(number)

    results = parallel.shared_map(dies_at_300, range(600))
    assert [value for value, _ in results] == [n * n for n in range(600)]
    assert all(pid == parent for n, (_, pid) in enumerate(results) if n >= 300)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks")
def test_shared_map_raises_an_error_as_the_plain_loop_would() -> None:
    def fails_at_450(number: int) -> int:
        if number == 450:
            raise ValueError("item 450")
        return number

    with pytest.raises(ValueError, match="item 450"):
        parallel.shared_map(fails_at_450, range(600))
    assert _zombie_children() == []


@pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) != 2, reason="2 cores")
def test_day_files_read_in_a_forked_process_are_those_read_in_a_pool(tmp_path: Path) -> None:
    """`digest build` parses beside a forked child (reader.parse_many): same days, same
    problems, same order as the pool of workers the preview uses."""
    root = tmp_path / "digest"
    generate(root, days=PARALLEL_THRESHOLD + 50, headlines=10, seed=5)
    broken = sorted((root / "content" / "digests").rglob("*.md"))[100]
    broken.write_text(broken.read_text("utf-8").replace("source:", "sourse:", 1), "utf-8")
    read = {}
    for fork in (False, True):
        days, problems = read_days(Project(root), "/", cache=ParseCache(), fork=fork)
        read[fork] = ([f.day for f in days], [p.format() for p in problems])
    assert len(read[True][0]) == PARALLEL_THRESHOLD + 50
    assert any("sourse" in message for message in read[True][1])
    assert read[True] == read[False]


def test_scratch_folders_of_builds_that_are_gone_are_removed(tmp_path: Path) -> None:
    """A build's search scratch is named after its process: once that is gone, a later
    build removes the folder after search.DEAD_AGE (not at once: a container sharing
    /dev/shm sees none of another's processes); any folder after search.LEFTOVER_AGE."""
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)  # fmt: skip
    dead, live = int(finished.stdout), os.getpid()
    ages = {
        f"digest-search-{dead}-old00001": search.DEAD_AGE + 60,  # removed
        f"digest-search-{dead}-new00002": search.DEAD_AGE - 60,  # kept: too recent
        f"digest-search-{live}-old00003": search.DEAD_AGE + 60,  # kept: its build runs
        f"digest-search-{live}-aged0004": search.LEFTOVER_AGE + 60,  # removed: hours old
        "digest-search-oldstyle5": search.LEFTOVER_AGE - 60,  # kept
        "digest-search-oldstyle6": search.LEFTOVER_AGE + 60,  # removed
    }
    now = time.time()
    for name, age in ages.items():
        (tmp_path / name / "records").mkdir(parents=True)
        os.utime(tmp_path / name, (now - age, now - age))
    search._remove_leftovers(tmp_path)
    assert {p.name for p in tmp_path.iterdir()} == {
        f"digest-search-{dead}-new00002",
        f"digest-search-{live}-old00003",
        "digest-search-oldstyle5",
    }


# A stop asked for while a process is made: SIGTERM sent from a callback Python runs in
# the parent after a fork (logging's, which releases its lock, is one), as a signal may
# arrive then. Its handler raises; the exception must reach the code that forked.
_STOPPED_WHILE_FORKING = """
import os, signal, subprocess, sys, time
from builder import parallel, search

class Stop(BaseException):
    pass

def stop(signum, frame):
    raise Stop

signal.signal(signal.SIGTERM, stop)
def asked():
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(0.01)

os.register_at_fork(after_in_parent=asked)
made = {made}
try:
    made()
    print("not stopped")
except Stop:
    print("stopped")
"""


@pytest.mark.parametrize(
    "made",
    [
        "lambda: parallel.Forked(lambda: 1).join()",
        "lambda: parallel.shared_map(abs, list(range(-50, 50)))",
        # Pagefind, as a build starts it (a preexec_fn: Python forks as os.fork does).
        "lambda: search.PendingIndex(search.Scratch(), 'en', search.FOLDER).result()",
    ],
)
def test_a_stop_asked_for_while_a_process_is_made_is_not_lost(made: str) -> None:
    """`digest serve`, stopped during its first build, built on and then hung: the signal's
    exception was dropped inside logging's after-fork callback, whose lock stayed held."""
    script = _STOPPED_WHILE_FORKING.replace("{made}", made)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.stdout == "stopped\n", done.stderr
    assert "Exception ignored" not in done.stderr
