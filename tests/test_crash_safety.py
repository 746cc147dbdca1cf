"""Crash safety: a `digest build` killed at any instant leaves site/ whole, old or new.

The build renders into a hidden folder beside site/ and swaps it in with one
renameat2(RENAME_EXCHANGE) (builder/output.py), so whenever the build dies, site/ must be
exactly the complete old site or exactly the complete new one, byte for byte: never a mix
of the two, never missing. Here the real command is started again and again on a project
whose content differs from what site/ holds, and SIGKILLed after a random delay spanning
a whole build (start-up, rendering, Pagefind, the swap, the clean-up after it); site/ is
then compared, file by file, with the two complete sites built beforehand. Each run asks
for the site site/ does not hold, so every build would change it, in both directions.

The delays come from a seeded random.Random: a failure names its iteration and delay.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FULL_SITE = Path(__file__).resolve().parent / "sites" / "full"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1893456000"}  # 2030: every day is published
SEED = 20240717
ITERATIONS = 25  # kills at least; more, within LOOP_BUDGET, until one lands inside a build
LOOP_BUDGET = 25.0  # seconds for the kill loop, whatever the machine's load
LEFTOVER_GLOBS = (".site.building-*", ".site.staging-*")
# Pagefind's scratch folders (builder/search.py): a killed build cannot remove its own, so
# the test does, knowing them by the build's process id in their names (other programs on
# the machine may be building too).
SEARCH_SCRATCH = Path("/dev/shm")

OLD, NEW = "old", "new"
RETITLED_DAY = "content/digests/2024/2024-07-17.md"
ADDED_DAY = "content/digests/2024/2024-07-18.md"
ADDED_DAY_TEXT = """\
---
date: 2024-07-18
title: "A day added while the site was being rebuilt"
headlines:
  - title: "Kharkiv: power restored after a night of strikes"
    url: "https://kyivindependent.com/kharkiv-power-restored"
    source: kyiv-independent
    tags: [energy]
    places: [Kharkiv]
---
Written by the crash-safety test.
"""

Tree = dict[str, bytes]


def copy_project(target: Path) -> Path:
    shutil.copytree(FULL_SITE, target)
    return target


def set_content(project: Path, version: str) -> None:
    """Give the project the old content (the full sample) or the new one (retitled, +1 day)."""
    original = (FULL_SITE / RETITLED_DAY).read_text("utf-8")
    if version == OLD:
        (project / RETITLED_DAY).write_text(original, "utf-8")
        (project / ADDED_DAY).unlink(missing_ok=True)
        return
    retitled = original.replace(
        'title: "A day with commentary only"', 'title: "A retitled day, commentary only"'
    )
    assert retitled != original
    (project / RETITLED_DAY).write_text(retitled, "utf-8")
    (project / ADDED_DAY).write_text(ADDED_DAY_TEXT, "utf-8")


def start_build(project: Path) -> subprocess.Popen[bytes]:
    # Its own session, so that what it starts (Pagefind) can be killed with it.
    return subprocess.Popen(
        [sys.executable, "-m", "builder", "build", "--project", str(project)],
        cwd=REPO,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def build(project: Path) -> float:
    """Run one complete build; return its wall time in seconds."""
    start = time.perf_counter()
    process = start_build(project)
    _, err = process.communicate(timeout=120)
    seconds = time.perf_counter() - start
    assert process.returncode == 0, err.decode("utf-8", "replace")
    return seconds


def wait_for_build_folder(project: Path, process: subprocess.Popen[bytes], timeout: float) -> None:
    """Wait until the build has made its build folder, or `timeout` passed. (Not polled:
    kill_build needs the process not yet waited for, its pid still ours.)"""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if any(project.glob(f".site.building-{process.pid}-*")):
            return
        time.sleep(0.002)


def kill_build(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the build, as the OOM killer or `kill -9` would, then whatever it started."""
    os.kill(process.pid, signal.SIGKILL)  # not yet waited for: the pid is still ours
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # Pagefind, which would run on as an orphan
    process.communicate(timeout=30)


def remove_scratch_of(pid: int) -> int:
    """Remove the scratch folders the killed build `pid` left; return how many."""
    left = list(SEARCH_SCRATCH.glob(f"digest-search-{pid}-*"))
    for folder in left:
        shutil.rmtree(folder, ignore_errors=True)
    return len(left)


def read_tree(folder: Path) -> Tree | None:
    """Every file under folder, as relative path -> bytes; None when folder is missing."""
    if not folder.is_dir():
        return None
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def difference(tree: Tree, expected: Tree) -> str:
    missing = sorted(expected.keys() - tree.keys())
    extra = sorted(tree.keys() - expected.keys())
    changed = sorted(p for p in tree.keys() & expected.keys() if tree[p] != expected[p])
    return (
        f"{len(missing)} missing {missing[:5]}, {len(extra)} extra {extra[:5]}, "
        f"{len(changed)} differing {changed[:5]}"
    )


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for pattern in LEFTOVER_GLOBS for p in project.glob(pattern))


def test_a_killed_build_leaves_the_old_site_or_the_new_one_never_a_mix(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = project / "site"
    seconds = build(project)  # one full build, start-up and Pagefind included
    old_tree = read_tree(site)
    reference = copy_project(tmp_path / "reference")
    set_content(reference, NEW)
    build(reference)
    new_tree = read_tree(reference / "site")
    assert old_tree and new_tree and old_tree != new_tree
    trees = {OLD: old_tree, NEW: new_tree}

    rng = random.Random(SEED)
    state = OLD  # the content site/ holds
    content = OLD  # the content the project holds
    outcomes: Counter[str] = Counter()
    scratch_removed = 0
    deadline = time.monotonic() + LOOP_BUDGET
    for iteration in itertools.count():
        inside = outcomes["old site, 1 build folder"]
        if time.monotonic() > deadline or (iteration >= ITERATIONS and inside):
            break  # at least ITERATIONS kills, and more until one lands inside a build
        content = NEW if state == OLD else OLD
        set_content(project, content)
        delay = rng.uniform(0, 1.2 * seconds)
        process = start_build(project)
        if iteration % 3 == 2:
            # Every third kill waits for the build's folder to appear, then lands a little
            # later: a build's folder lives for a short part of it, which kills at random
            # missed altogether on a loaded machine (65 kills, none inside).
            wait_for_build_folder(project, process, 1.2 * seconds)
            delay = rng.uniform(0, 0.1 * seconds)
        time.sleep(delay)
        kill_build(process)
        scratch_removed += remove_scratch_of(process.pid)

        where = f"iteration {iteration}, killed {delay:.3f} s into a build of the {content} site"
        tree = read_tree(site)
        assert tree is not None, f"{where}: site/ is missing"
        if tree == trees[content]:
            state = content
        elif tree != trees[state]:
            pytest.fail(
                f"{where}: site/ is neither the complete {state} site "
                f"({difference(tree, trees[state])}) nor the complete {content} site "
                f"({difference(tree, trees[content])})"
            )
        left = leftovers(project)
        # Each build removes the folders of killed ones before it makes its own: what is
        # left is one build's (the last killed, or the one before when that was killed
        # before it got so far), its build folder and perhaps a parked site it had set
        # aside (`-old-`, deleted once a build is done: output.SiteWriter.set_aside).
        builds = {name.split("-")[1] for name in left}  # .site.building-PID-...
        assert len(builds) <= 1, f"{where}: {left}"
        building = [name for name in left if "-old-" not in name]
        assert len(building) <= 1, f"{where}: {left}"
        outcomes[f"{'new' if state == content else 'old'} site, {len(building)} build folder"] += 1

    print(f"build {seconds:.2f} s; {sum(outcomes.values())} kills: {dict(outcomes)}")
    print(f"{scratch_removed} Pagefind scratch folders of killed builds removed")
    # The kills did land inside builds, while their build folder existed.
    assert outcomes["old site, 1 build folder"] >= 1, outcomes

    build(project)
    assert leftovers(project) == []
    final = read_tree(site)
    assert final == trees[content], difference(final or {}, trees[content])


def test_the_next_build_removes_dead_builds_folders_and_keeps_live_ones(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(finished.stdout)
    with pytest.raises(ProcessLookupError):
        os.kill(dead_pid, 0)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        dead = project / f".site.building-{dead_pid}-0dead0aa"
        live = project / f".site.building-{sleeper.pid}-011ve0bb"
        for folder in (dead, live):
            (folder / "2024").mkdir(parents=True)
            (folder / "2024/index.html").write_text("half a site", "utf-8")
        build(project)
        assert not dead.exists()  # its build is gone: removed
        assert (live / "2024/index.html").read_text("utf-8") == "half a site"  # still building
        assert (project / "site/.digest-site").is_file()
        assert (project / "site/2024/07/17/index.html").is_file()
    finally:
        sleeper.kill()
        sleeper.wait()
    build(project)  # now its process is gone too
    assert not live.exists()
    assert leftovers(project) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_build_told_to_stop_cleans_up_after_itself(
    tmp_path: Path, signum: signal.Signals
) -> None:
    """SIGTERM (`kill`, a service manager) and SIGHUP (the terminal closed) stop a build as
    Ctrl-C does: the old site stays, and the build removes its build folder and its search
    scratch and stops Pagefind, instead of leaving them behind as SIGKILL must."""
    import pagefind_bin  # type: ignore[import-untyped]

    project = copy_project(tmp_path / "project")
    build(project)
    old_tree = read_tree(project / "site")
    set_content(project, NEW)
    # A Pagefind that says where it works, then waits: the build is held mid-way, its build
    # folder made and its records written.
    said = tmp_path / "pagefind-runs"
    wrapper = tmp_path / "pagefind"
    wrapper.write_text(
        f'#!/bin/sh\necho "$$ $@" >> "{said}"\nsleep 60\n'
        f'exec "{pagefind_bin.get_executable()}" "$@"\n',
        "utf-8",
    )
    wrapper.chmod(0o755)
    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "build", "--project", str(project)],
        cwd=REPO,
        env={**ENV, "PAGEFIND_BINARY_PATH": str(wrapper)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # no signal but the test's reaches it
        # as in a terminal, even when the tests run under nohup (which ignores SIGHUP, and an
        # ignored signal stays ignored)
        preexec_fn=lambda: signal.signal(signum, signal.SIG_DFL),
    )
    try:
        # After an edit Pagefind starts beside the planning, before the build folder is made:
        # both are waited for (the build waits for Pagefind only at its end).
        deadline = time.monotonic() + 60
        while (
            not (said.exists() and leftovers(project))
            and time.monotonic() < deadline
            and process.poll() is None
        ):
            time.sleep(0.05)
        assert said.exists(), process.communicate(timeout=30)[1]
        assert leftovers(project)  # held mid-way
        process.send_signal(signum)
        _, err = process.communicate(timeout=30)
        runs = pagefind_runs(said)
        assert runs
        assert process.returncode == 128 + signum, err
        assert "interrupted; the previous site is unchanged" in err.decode("utf-8")
        assert read_tree(project / "site") == old_tree
        assert leftovers(project) == []
        for pid, scratch in runs:
            assert not scratch.exists()
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)  # Pagefind (here its wrapper) was stopped
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        for _, scratch in pagefind_runs(said):
            shutil.rmtree(scratch, ignore_errors=True)


def pagefind_runs(said: Path) -> list[tuple[int, Path]]:
    """Each Pagefind run the wrapper was asked for: its process and its scratch folder."""
    runs = []
    for line in said.read_text("utf-8").splitlines() if said.exists() else ():
        pid, *arguments = line.split()
        runs.append((int(pid), Path(arguments[arguments.index("--site") + 1]).parent))
    return runs


def test_a_full_disk_stops_the_build_with_what_to_do_and_the_old_site_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The disk fills up half-way through writing the new site: the build says which file
    it could not write and what to do, exits with 1, and site/ is the old one, whole."""
    import errno

    from cli_tools import run_cli

    from builder import output

    project = copy_project(tmp_path / "project")
    build(project)
    old_tree = read_tree(project / "site")
    set_content(project, NEW)
    written = Counter[str]()
    write_all = output._write_all

    def filling_up(stream: int, data: bytes) -> None:
        written[str(os.getpid())] += 1
        if written[str(os.getpid())] > 20:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        write_all(stream, data)

    monkeypatch.setattr(output, "_write_all", filling_up)
    status, out, err = run_cli(capsys, "build", "--force", "--project", str(project))
    assert (status, out) == (1, "")
    assert err.startswith("digest: error: cannot write "), err
    assert err.endswith(": the disk is full; free some space and run it again\n"), err
    assert read_tree(project / "site") == old_tree
    assert leftovers(project) == []
