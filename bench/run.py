"""Benchmark `digest build` on generated digests of several sizes (issue 7).

    python3 bench/run.py                                  # 365, 1000 and 3650 days x 30 headlines
    python3 bench/run.py --sizes 365,1000 --runs 3 --write bench/RESULTS.md

For each size the corpus is generated once (bench/generate.py) into a temporary folder outside
the repository, then every build runs as its own subprocess,
`python -m builder build --project P --out P/site --timings`, in these cases:

    cold build       no site/, no .digest-cache/ (nor leftover build folders) before the build;
                     they are moved aside, not deleted, until the benchmark ends (see
                     throw_away: a deletion of hundreds of MB slows this disk's next writes)
    no-op rebuild    nothing changed since the last build
    edit one day     a sentence appended to the commentary of the middle day
    add a headline   a headline added to the newest day (an editor's usual save)
    edit tags.yaml   the description of one tag changed
    edit a template  the theme's base.html copied into the project's templates/ with an HTML
                     comment added; it is removed again after the build
    new checkout     as the workflow `digest init` writes runs it: the content checked out
                     anew (copied, so every file is new to the file system), no site/, and
                     .digest-cache/ as the last build left it (actions/cache restores it);
                     `digest build --no-record` (last: the next build renders everything)

One run does the seven cases in that order, so noise on a shared machine spreads over all of
them. Every edit differs from the previous run's (it carries the run's number), and after each
edit the benchmark checks that the new text reached the site: a rebuild that is fast because it
missed the change is reported as stale, and the exit status is 1.

Reported: median (min-max) wall-clock seconds per case; peak memory (the digest process's own
max RSS and that of the largest process it ran, Pagefind or the second renderer, as
`--timings` prints them, and the summed RSS of every process, sampled from /proc); files
and bytes under the output folder after a cold build; the median of each stage of the cold
build as `--timings` prints it; and the cold-build cost of each size over the smallest (linear
cost allows 1.1 x the ratio of days: 11 for 3650 / 365).

Linux only (wait4, /proc). Progress goes to standard error, the Markdown report to standard
output and, with --write, to a file, which also gets the finished sizes after each size.
Ctrl-C or SIGTERM stops the benchmark and reports the sizes already finished.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generate import generate

REPO = Path(__file__).resolve().parent.parent
CASES = (
    "cold build",
    "no-op rebuild",
    "edit one day",
    "add a headline",
    "edit tags.yaml",
    "edit a template",
    "new checkout, cache kept",
)
DEFAULT_SIZES = (365, 1000, 3650)
CACHE_DIR = ".digest-cache"
TRASH = "trash"  # under the work folder: what the benchmark is done with, deleted at its end
STAGE_LINE = re.compile(r"^\s+(\S.*?)\s+(\d+(?:\.\d+)?) ms$")
BUILT_LINE = re.compile(r"^built (\d+) pages and (\d+) feeds")
MEMORY_LINE = re.compile(r"^\s+peak memory: (\d+) MiB in digest, (\d+) MiB in the largest")


@dataclass(frozen=True)
class BuildRun:
    """One `digest build` subprocess: wall-clock seconds, peak memory and its --timings lines.

    `own_mib` is the digest process's own peak and `helper_mib` that of the largest process
    it ran and waited for (Pagefind, the forked renderer), both exact, as `--timings` prints
    them (a build that finds the site up to date prints none: then wait4's figure, which
    is the process's own since it ran nothing, and 0). wait4 alone would not do: the peak
    it gives is the largest of the process and every process it waited for. `tree_mib` is
    the peak of the summed RSS of the build and every process under it (the parse workers
    too), sampled every 0.2 s, so shared pages count once per process and short peaks can
    be missed.
    """

    seconds: float
    own_mib: float
    helper_mib: float
    tree_mib: float
    stages: dict[str, float]
    pages: int | None
    feeds: int | None


@dataclass
class SizeResult:
    """Every measurement for one corpus size."""

    days: int
    headlines: int
    runs: int
    generate_seconds: float = 0.0
    builds: dict[str, list[BuildRun]] = field(default_factory=dict)
    files: int = 0
    bytes_written: int = 0
    stale: list[str] = field(default_factory=list)


class Project:
    """A generated digest in a temporary folder, and the edits the benchmark makes to it."""

    def __init__(self, root: Path, trash: Path) -> None:
        self.root = root
        self.trash = trash
        self.site = root / "site"
        days = sorted((root / "content" / "digests").rglob("*.md"))
        self.middle_day = days[len(days) // 2]
        self.middle_day_text = self.middle_day.read_text(encoding="utf-8")
        self.newest_day = days[-1]
        self.newest_day_text = self.newest_day.read_text(encoding="utf-8")
        self.tags = root / "content" / "tags.yaml"
        self.tags_text = self.tags.read_text(encoding="utf-8")
        self.override = root / "templates" / "base.html"
        self.theme_base = (theme_dir() / "base.html").read_text(encoding="utf-8")

    def clean(self) -> None:
        """Move the site, the build cache and leftovers of interrupted builds to the trash."""
        for path in [self.site, self.root / CACHE_DIR, *self.root.glob(".site.building-*")]:
            if path.is_dir():
                throw_away(path, self.trash)

    def checkout(self) -> None:
        """Make the content a new checkout's: every file copied anew (new inode and times),
        the old ones to the trash; and move the site to the trash (the cache stays)."""
        content = self.root / "content"
        copy = self.root / "content.checkout"
        shutil.copytree(content, copy, copy_function=shutil.copyfile)
        throw_away(content, self.trash)
        copy.rename(content)
        throw_away(self.site, self.trash)

    def edit_day(self, run: int) -> tuple[Path, str]:
        """Append a sentence to the middle day's commentary; return the page and the text."""
        sentence = f"Benchmark edit {run}."
        self.middle_day.write_text(f"{self.middle_day_text}\n{sentence}\n", encoding="utf-8")
        year, month, day = self.middle_day.stem.split("-")
        return self.site / year / month / day / "index.html", sentence

    def add_headline(self, run: int) -> tuple[Path, str]:
        """Add a headline (a copy of the first, new title and link) at the top of the newest
        day; return the day's page and the new title."""
        text = self.newest_day_text
        block = re.search(r"^  - title: .*?(?=^  - |^---)", text, flags=re.M | re.S)
        assert block is not None, f"{self.newest_day} has no headline to copy"
        title = f"Benchmark headline {run}"
        copy = re.sub(r"title: .*", f'title: "{title}"', block.group(0), count=1)
        copy = re.sub(r"(url: \S+)", rf"\1?bench={run}", copy, count=1)
        self.newest_day.write_text(text.replace(block.group(0), copy + block.group(0), 1))
        year, month, day = self.newest_day.stem.split("-")
        return self.site / year / month / day / "index.html", title

    def edit_tags(self, run: int) -> tuple[Path, str]:
        """Change the first tag's description; return its page and the new text."""
        lines = self.tags_text.splitlines(keepends=True)
        tag = lines[0].rstrip(":\n")
        index = next(i for i, line in enumerate(lines) if line.startswith("  description:"))
        description = f"Everything on {tag}, bench edit {run}"
        lines[index] = f'  description: "{description}"\n'
        self.tags.write_text("".join(lines), encoding="utf-8")
        return self.site / "tags" / tag / "index.html", description

    def edit_template(self, run: int) -> tuple[Path, str]:
        """Override the theme's base.html with a comment added; return a page and the comment."""
        comment = f"<!-- bench template edit {run} -->"
        if "</body>" in self.theme_base:
            text = self.theme_base.replace("</body>", f"{comment}\n</body>", 1)
        else:
            text = f"{self.theme_base}{comment}\n"
        self.override.parent.mkdir(exist_ok=True)
        self.override.write_text(text, encoding="utf-8")
        return self.site / "index.html", comment

    def remove_template(self) -> None:
        """Remove the override (and the templates/ folder the benchmark made for it)."""
        self.override.unlink()
        self.override.parent.rmdir()


def theme_dir() -> Path:
    """Return the bundled theme folder, asking the builder that the benchmark runs."""
    out = subprocess.run(
        [sys.executable, "-c", "from builder.render import theme_dir; print(theme_dir())"],
        cwd=REPO,  # `-c` puts the current folder first on sys.path
        env=_build_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip())


def _build_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    return env


class TreeMemory(threading.Thread):
    """Sample the summed RSS of a process and its descendants, keeping the peak."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak_kib = 0
        self._done = threading.Event()

    def run(self) -> None:
        # Signals must reach the main thread, whose wait4 they interrupt.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        while True:
            self.peak_kib = max(self.peak_kib, tree_rss_kib(self.pid))
            if self._done.wait(self.interval):
                return

    def stop(self) -> int:
        """Stop sampling; return the peak in KiB."""
        self._done.set()
        self.join()
        return self.peak_kib


_PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def tree_rss_kib(root: int) -> int:
    """Return the summed RSS of `root` and its descendants, from /proc/PID/stat."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                # After "pid (comm)": state, ppid, ... rss is the 24th field of the line.
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * _PAGE_KIB
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total


def run_build(project: Path, *options: str) -> BuildRun:
    """Run one build as a subprocess; measure its wall-clock time and peak RSS."""
    command = [sys.executable, "-m", "builder", "build", "--project", str(project)]
    command += ["--out", str(project / "site"), "--timings", *options]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        # cwd is the project, so `-m builder` finds the repository's package via PYTHONPATH.
        proc = subprocess.Popen(command, cwd=project, env=_build_env(), stdout=out, stderr=err)
        sampler = TreeMemory(proc.pid)
        sampler.start()
        try:
            # wait4's peak is the largest of the child's and those of the processes it
            # waited for; it leaves out forkserver workers, which are not its children.
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # interrupted: leave no build running
            proc.kill()
            proc.wait()
            raise
        finally:
            tree_peak = sampler.stop()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(
            f"bench: `{' '.join(command)}` exited {proc.returncode}\n{stdout}{stderr}".rstrip()
        )
    stages: dict[str, float] = {}
    pages = feeds = None
    own, helper = usage.ru_maxrss / 1024, 0.0  # ru_maxrss is in KiB on Linux
    for line in stdout.splitlines():
        if match := MEMORY_LINE.match(line):
            own, helper = float(match[1]), float(match[2])
        elif match := STAGE_LINE.match(line):
            stages[match[1]] = float(match[2]) / 1000
        elif match := BUILT_LINE.match(line):
            pages, feeds = int(match[1]), int(match[2])
    tree = max(tree_peak / 1024, own, helper)
    return BuildRun(seconds, own, helper, tree, stages, pages, feeds)


def count_output(folder: Path) -> tuple[int, int]:
    """Return the number of files under `folder` and their total size in bytes."""
    files = size = 0
    for parent, _, names in os.walk(folder):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(parent, name)).st_size
    return files, size


def throw_away(path: Path, trash: Path) -> None:
    """Move `path` into `trash` (a rename: nothing is deleted until the benchmark ends).

    Deleting hundreds of megabytes just before a cold build made it seconds slower here:
    the disk (ext4 mounted with `discard`) then creates files several times slower for
    tens of seconds. A digest's first build follows no such deletion.
    """
    trash.mkdir(exist_ok=True)
    path.rename(trash / f"{len(list(trash.iterdir()))}-{path.name}")


def bench_size(days: int, headlines: int, runs: int, workdir: Path) -> SizeResult:
    """Generate one corpus and run every case `runs` times on it; what it leaves goes to
    workdir/trash, for the end of the benchmark."""
    result = SizeResult(days, headlines, runs, builds={case: [] for case in CASES})
    root = workdir / f"digest-{days}x{headlines}"
    start = time.perf_counter()
    generate(root, days, headlines)
    result.generate_seconds = time.perf_counter() - start
    project = Project(root, workdir / TRASH)
    edits: dict[str, Callable[[int], tuple[Path, str]]] = {
        "edit one day": project.edit_day,
        "add a headline": project.add_headline,
        "edit tags.yaml": project.edit_tags,
        "edit a template": project.edit_template,
    }
    for run in range(1, runs + 1):
        _progress(f"{days} days: run {run}/{runs}: cold build")
        project.clean()
        result.builds["cold build"].append(run_build(root))
        result.files, result.bytes_written = count_output(project.site)
        _progress(f"{days} days: run {run}/{runs}: no-op rebuild")
        result.builds["no-op rebuild"].append(run_build(root))
        for case, edit in edits.items():
            _progress(f"{days} days: run {run}/{runs}: {case}")
            page, text = edit(run)
            result.builds[case].append(run_build(root))
            if not page.is_file() or text not in page.read_text(encoding="utf-8"):
                result.stale.append(f"{case} (run {run}): {page.relative_to(root)} lacks {text!r}")
        project.remove_template()
        _progress(f"{days} days: run {run}/{runs}: new checkout, cache kept")
        project.checkout()
        result.builds["new checkout, cache kept"].append(run_build(root, "--no-record"))
    throw_away(root, project.trash)
    return result


def _progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- the report --------------------------------------------------------------------------


def machine_lines() -> list[str]:
    """Describe the machine: CPUs, CPU model, memory, OS, Python."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 2**20:.0f} GiB memory"
    except (OSError, ValueError, IndexError):
        pass
    cpus = len(os.sched_getaffinity(0))
    return [
        f"- Machine: {cpus} CPUs (nproc), {model}{memory}, {platform.system()} "
        f"{platform.release()}",
        f"- Python: {platform.python_version()} ({sys.executable})",
    ]


def git_state() -> str:
    """Return the commit of the repository measured, marked when builder/ has local changes."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "builder", "templates"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"{commit} (builder/ or templates/ with uncommitted changes)" if dirty else commit


def _load() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def _spread(values: Sequence[float], digits: int = 2) -> str:
    median = statistics.median(values)
    if len(values) == 1:
        return f"{median:.{digits}f}"
    return f"{median:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def _memory(builds: Sequence[BuildRun]) -> str:
    own = statistics.median(b.own_mib for b in builds)
    helper = statistics.median(b.helper_mib for b in builds)
    tree = statistics.median(b.tree_mib for b in builds)
    return f"{own:.0f} / {helper:.0f} / {tree:.0f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def report(results: list[SizeResult], header: list[str]) -> str:
    """Return the Markdown report: the machine, then one table per measure."""
    columns = [f"{r.days} days" for r in results]
    runs = ", ".join(f"{r.runs} at {r.days} days" for r in results)
    lines = [*header, f"- Runs per case: {runs}; medians, (min–max) over the runs", ""]

    lines += ["## Wall-clock seconds per build", ""]
    lines += _table(
        ["case", *columns],
        [
            [case, *(_spread([b.seconds for b in r.builds[case]]) for r in results)]
            for case in CASES
        ],
    )
    lines += ["", "## Peak memory, MiB: digest / the largest process it ran / all summed", ""]
    lines += [
        "The digest process's own max RSS, then that of the largest process it ran and waited "
        "for (Pagefind or the second renderer), both exact, from `--timings`; then the peak "
        "of the summed RSS of every process (sampled every 0.2 s; shared pages count in each); "
        "medians over the runs.",
        "",
    ]
    lines += _table(
        ["case", *columns],
        [[case, *(_memory(r.builds[case]) for r in results)] for case in CASES],
    )

    lines += ["", "## Output of a cold build", ""]
    cold = [r.builds["cold build"][-1] for r in results]
    lines += _table(
        ["", *columns],
        [
            ["headlines", *(f"{r.days * r.headlines:,}" for r in results)],
            ["pages / feeds", *(f"{b.pages} / {b.feeds}" for b in cold)],
            ["files written", *(f"{r.files:,}" for r in results)],
            ["MB written", *(f"{r.bytes_written / 1e6:.1f}" for r in results)],
            ["corpus generation, s", *(f"{r.generate_seconds:.1f}" for r in results)],
        ],
    )

    lines += ["", "## Cold build by stage: median seconds, from `--timings`", ""]
    stages: list[str] = []
    for r in results:
        for b in r.builds["cold build"]:
            stages += [s for s in b.stages if s not in stages]
    rows = []
    for stage in stages:
        cells = []
        for r in results:
            values = [b.stages[stage] for b in r.builds["cold build"] if stage in b.stages]
            cells.append(_spread(values) if values else "–")
        rows.append([stage, *cells])
    rows.append(
        [
            "outside the stages (start-up, imports, exit)",
            *(
                _spread([b.seconds - sum(b.stages.values()) for b in r.builds["cold build"]])
                for r in results
            ),
        ]
    )
    lines += _table(["stage", *columns], rows)

    if len(results) > 1:
        lines += [
            "",
            "## Scaling of the cold build (linear cost: at most 1.1 × the days ratio)",
            "",
        ]
        base = results[0]
        base_cold = statistics.median(b.seconds for b in base.builds["cold build"])
        rows = []
        for r in results[1:]:
            ratio = statistics.median(b.seconds for b in r.builds["cold build"]) / base_cold
            limit = 1.1 * r.days / base.days
            verdict = "ok" if ratio <= limit else "**over**"
            rows.append([f"{r.days} / {base.days} days", f"{ratio:.2f}", f"≤ {limit:.1f}", verdict])
        lines += _table(["cold build", "ratio of medians", "linear limit", ""], rows)

    stale = [s for r in results for s in r.stale]
    if stale:
        lines += ["", "## Stale output: these rebuilds did not show the edit", ""]
        lines += [f"- {s}" for s in stale]
    return "\n".join(lines) + "\n"


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers of days: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"numbers of days must be 1 or more: {text!r}")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; print the report; return 1 when a rebuild left stale output."""
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", type=_sizes, default=list(DEFAULT_SIZES), metavar="DAYS,...")
    parser.add_argument("--headlines", type=int, default=30, help="headlines a day (default 30)")
    parser.add_argument(
        "--runs", type=int, help="runs of each case (default: 5, or 3 from 3650 days up)"
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="folder for the generated corpora (default: a new temporary folder, removed after)",
    )
    parser.add_argument("--write", type=Path, metavar="FILE", help="also write the report here")
    args = parser.parse_args(argv)

    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="digest-bench-"))).resolve()
    if workdir.is_relative_to(REPO):
        parser.error(f"the corpus must be generated outside the repository, not in {workdir}")
    workdir.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now(dt.UTC)
    load_start, commit = _load(), git_state()

    def header(note: str) -> list[str]:
        minutes = (dt.datetime.now(dt.UTC) - started).total_seconds() / 60
        return [
            "# `digest build` benchmark (issue 7)",
            "",
            f"- Date: {started:%Y-%m-%d %H:%M} UTC; the benchmark took {minutes:.1f} min",
            *machine_lines(),
            f"- Commit measured: {commit}",
            f"- Load average (1, 5, 15 min): {load_start} at the start, {_load()} at the end",
            f"- Corpus: `bench/generate.py --days N --headlines {args.headlines}` (seed 2024)",
            "- Each build: `python -m builder build --project P --out P/site --timings`, "
            "a new process",
            *([note] if note else []),
        ]

    # Ctrl-C or `kill PID` stops the benchmark but still reports the sizes already done, also
    # when it was started in the background (where SIGINT comes ignored).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    sizes = sorted(args.sizes)
    results: list[SizeResult] = []
    note = ""
    try:
        for days in sizes:
            runs = args.runs or (3 if days >= 3650 else 5)
            results.append(bench_size(days, args.headlines, runs, workdir))
            if args.write and len(results) < len(sizes):
                # Keep what is done, should a later size be stopped or fail.
                partial = f"- **In progress**: {days} days done, {sizes[len(results)]} next"
                args.write.write_text(report(results, header(partial)), encoding="utf-8")
    except KeyboardInterrupt:
        note = f"- **Stopped during {days} days**: the tables leave that size out"
        if not results:
            raise
    finally:
        shutil.rmtree(workdir / TRASH, ignore_errors=True)
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    text = report(results, header(note))
    print(text, end="")
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    return 1 if any(r.stale for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
