"""bench/run.py: the benchmark runs end to end on a tiny digest and reports every case.

No speed is asserted: the numbers only have to be there and be positive.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from bench_tools import BENCH, bench_module
from browser_tools import chromium_path

from builder.build import build
from builder.project import Project

CASES = (
    "cold build",
    "no-op rebuild",
    "edit one day",
    "add a headline",
    "edit tags.yaml",
    "edit a template",
    "new checkout, cache kept",
)
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _table(report: str, heading: str) -> dict[str, list[str]]:
    """Return the rows of the table under `heading`, keyed by their first cell."""
    section = report.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip("|").split("|") for line in section.splitlines() if line.startswith("|")]
    return {cells[0].strip(): [c.strip() for c in cells[1:]] for cells in rows[2:]}


def _positive(cell: str) -> bool:
    match = NUMBER.match(cell.replace(",", ""))
    return match is not None and float(match[0]) > 0


def test_bench_reports_every_case_with_positive_numbers(tmp_path: Path) -> None:
    written = tmp_path / "RESULTS.md"
    args = ["--sizes", "5", "--headlines", "3", "--runs", "1", "--workdir", str(tmp_path / "w")]
    result = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), *args, "--write", str(written)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = result.stdout
    assert written.read_text(encoding="utf-8") == report
    assert "Load average" in report and "Python:" in report and "CPUs (nproc)" in report

    for heading in ("Wall-clock seconds per build", "Peak memory"):
        table = _table(report, heading)
        assert set(table) == set(CASES), heading
        for case in CASES:
            assert len(table[case]) == 1 and _positive(table[case][0]), (heading, case)

    output = _table(report, "Output of a cold build")
    assert _positive(output["files written"][0]) and _positive(output["MB written"][0])
    stages = _table(report, "Cold build by stage")
    assert len(stages) >= 2  # at least one stage of --timings, and the time outside them
    assert sum(float(NUMBER.findall(cells[0])[0]) for cells in stages.values()) > 0
    assert not list((tmp_path / "w").iterdir())  # the corpus is removed afterwards


@pytest.fixture
def run_module(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """bench/run.py (it imports generate.py beside it)."""
    return bench_module(monkeypatch, "run")


def _size(run: ModuleType, days: int, cold: float) -> object:
    build = run.BuildRun(cold, 50.0, 80.0, 90.0, {"read": cold / 2}, 10, 4)
    size = run.SizeResult(days, 30, 1, builds={case: [build] for case in CASES})
    size.files, size.bytes_written = 14, 1_000_000
    return size


def test_report_flags_superlinear_scaling_and_stale_output(run_module: ModuleType) -> None:
    linear = run_module.report([_size(run_module, 365, 10.0), _size(run_module, 3650, 109.0)], [])
    assert _table(linear, "Scaling")["3650 / 365 days"] == ["10.90", "≤ 11.0", "ok"]

    slow = _size(run_module, 3650, 111.0)
    slow.stale.append("edit one day (run 1): 2016/01/02/index.html lacks 'Benchmark edit 1.'")
    report = run_module.report([_size(run_module, 365, 10.0), slow], [])
    assert _table(report, "Scaling")["3650 / 365 days"] == ["11.10", "≤ 11.0", "**over**"]
    assert "## Stale output" in report and "lacks 'Benchmark edit 1.'" in report


def test_a_build_reports_its_own_peak_memory_apart_from_pagefinds(
    run_module: ModuleType, tmp_path: Path
) -> None:
    """`--timings` prints the digest process's peak memory and that of the largest process
    it ran (here Pagefind: the digest is too small to fork a renderer); the bench takes
    both from it, not wait4's figure, which is the larger of the two."""
    run_module.generate(tmp_path / "digest", 5, 3)  # bench/generate.py's, as run.py uses it
    build = run_module.run_build(tmp_path / "digest")
    assert 20 < build.own_mib < 1000  # an interpreter with the builder loaded
    assert build.helper_mib > 0  # Pagefind ran and was waited for
    assert build.own_mib != build.helper_mib
    assert build.tree_mib >= max(build.own_mib, build.helper_mib)
    again = run_module.run_build(tmp_path / "digest")  # up to date: no --timings lines
    assert again.helper_mib == 0 and again.own_mib > 0
    assert "Peak memory, MiB: digest / the largest process it ran / all summed" in (
        run_module.report([_size(run_module, 365, 10.0)], [])
    )


def test_the_bench_moves_old_sites_aside_until_it_ends(
    run_module: ModuleType, tmp_path: Path
) -> None:
    """A cold build follows no deletion: the site before it goes to the trash, whole."""
    run_module.generate(tmp_path / "digest", 3, 2)
    project = run_module.Project(tmp_path / "digest", tmp_path / "trash")
    (tmp_path / "digest" / "site").mkdir()
    (tmp_path / "digest" / "site" / "index.html").write_text("the last site", encoding="utf-8")
    project.clean()
    assert not project.site.exists()
    kept = tmp_path / "trash" / "0-site" / "index.html"
    assert kept.read_text(encoding="utf-8") == "the last site"


def test_the_bench_checks_out_the_content_anew_and_keeps_the_cache(
    run_module: ModuleType, tmp_path: Path
) -> None:
    """The "new checkout" case: every content file new to the file system, same bytes; no
    site; .digest-cache/ as it was."""
    root = tmp_path / "digest"
    run_module.generate(root, 3, 2)
    project = run_module.Project(root, tmp_path / "trash")
    (root / "site").mkdir()
    (root / ".digest-cache").mkdir()
    (root / ".digest-cache" / "kept").write_text("parsed", encoding="utf-8")
    before = {p: (p.read_bytes(), p.stat().st_ino) for p in (root / "content").rglob("*.md")}
    project.checkout()
    assert not project.site.exists()
    assert (root / ".digest-cache" / "kept").read_text(encoding="utf-8") == "parsed"
    after = {p: (p.read_bytes(), p.stat().st_ino) for p in (root / "content").rglob("*.md")}
    assert after.keys() == before.keys()
    for path, (data, inode) in after.items():
        assert data == before[path][0] and inode != before[path][1]


def test_check_bench_reports_both_cases_for_each_size() -> None:
    """bench/check.py: `digest check` without and with a parse cache, per size."""
    args = ["--sizes", "4,6", "--headlines", "3", "--runs", "1"]
    result = subprocess.run(
        [sys.executable, str(BENCH / "check.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows = [line.strip("|").split("|") for line in result.stdout.splitlines() if line[:3] == "| 4"]
    rows += [line.strip("|").split("|") for line in result.stdout.splitlines() if line[:3] == "| 6"]
    assert len(rows) == 2
    for cells in rows:
        assert len(cells) == 3 and all(_positive(cell.strip()) for cell in cells[1:]), cells


def test_search_bench_times_a_throttled_first_search(tmp_path: Path) -> None:
    """bench/search.py on the full test site: the query's days are shown, slowed by the
    server's throttle (each response 150 ms late), and the requests of Pagefind's worker
    (its WebAssembly, the index chunks) are counted with the page's."""
    chromium = chromium_path()
    shutil.copytree(BENCH.parent / "tests" / "sites" / "full" / "content", tmp_path / "content")
    build(Project(tmp_path), tmp_path / "site")
    command = [sys.executable, str(BENCH / "search.py"), str(tmp_path / "site")]
    result = subprocess.run(
        [*command, "--runs", "1", "--query", "Odesa"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CHROMIUM": chromium},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith("bundles pagefind, pagefind-archive; query 'Odesa'"), lines
    measured = dict(
        (key.strip(), float(value))
        for key, value in (part.rsplit(" ", 1) for part in lines[-1][len("median: ") :].split(","))
    )
    assert measured["first day"] >= 0.15 and measured["all shown"] >= measured["first day"]
    # The page, its style and scripts, Pagefind's program, WebAssembly and metadata (the
    # last two fetched by its worker): more than the page's own five requests.
    assert measured["arrival requests"] > 5 and measured["arrival KB"] > 50
    assert measured["query requests"] >= 2 and measured["query KB"] > 0
