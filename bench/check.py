"""Measure `digest check` on generated digests: the command an editor runs before a commit.

    python3 bench/check.py --sizes 365,3650 --runs 5

For each size, a digest of N days x M headlines is generated (bench/generate.py), then
`python -m builder check` runs in a new process, `--runs` times without a parse cache (a
fresh clone) and as many times with the one `digest build` leaves in .digest-cache/ (an
editor who builds). Prints the median seconds with the minimum and maximum, and the load
average: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402


def _digest(*args: str | Path) -> float:
    """Run digest in a new process; return its wall-clock seconds (it must succeed)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "builder", *map(str, args)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment,
    )
    return time.perf_counter() - started


def _summary(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):.2f} ({min(seconds):.2f}–{max(seconds):.2f})"


def measure(days: int, headlines: int, runs: int, work: Path) -> tuple[list[float], list[float]]:
    """Return the seconds of each `digest check` without, then with, a parse cache."""
    project = work / f"digest-{days}"
    generate(project, days=days, headlines=headlines)
    cold = [_digest("check", "--project", project) for _ in range(runs)]
    _digest("build", "--project", project)  # leaves the parse cache
    shutil.rmtree(project / "site", ignore_errors=True)
    warm = [_digest("check", "--project", project) for _ in range(runs)]
    return cold, warm


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="365,3650", help="numbers of days (default 365,3650)")
    parser.add_argument("--headlines", type=int, default=30, help="headlines a day (default 30)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each case (default 5)")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"`digest check`, seconds: median (min–max) of {args.runs} runs, a new process each")
    print("| days | no parse cache | with the cache a build leaves |")
    print("| --- | --- | --- |")
    with tempfile.TemporaryDirectory(prefix="digest-check-bench-") as folder:
        for days in sizes:
            cold, warm = measure(days, args.headlines, args.runs, Path(folder))
            print(f"| {days:,} | {_summary(cold)} | {_summary(warm)} |", flush=True)
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
