"""The search's two Pagefind bundles and the bundles kept in .digest-cache/search/.

Real Pagefind runs on the full sample site, whose days span 2023 and 2024: the newest
year's bundle in pagefind/, the earlier days' in pagefind-archive/. Pagefind's runs are
counted by wrapping search.PendingIndex; each new Builder stands for a new `digest build`
process (nothing of the last build in memory, only what .digest-cache/ holds).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import json
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import markup, reading, search
from builder.build import Builder, build, check
from builder.project import Project
from builder.searchcache import BundleStore

ROOT = Path(__file__).resolve().parent.parent
FULL = ROOT / "tests" / "sites" / "full"
NOW = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
NEWEST_DAYS = ["/2024/01/02/", "/2024/07/14/", "/2024/07/15/", "/2024/07/16/", "/2024/07/17/"]
ARCHIVE_DAYS = ["/2023/12/30/", "/2023/12/31/"]
EDITED_DAY = "content/digests/2024/2024-07-17.md"


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def bundle_days(bundle: Path) -> list[str]:
    """Return the day pages a Pagefind bundle's records link to, in order."""
    days = []
    for fragment in sorted((bundle / "fragment").iterdir()):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        days.append(json.loads(data[len(b"pagefind_dcd") :])["meta"]["day"])
    return sorted(days)


def page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def cached(project: Path) -> list[str]:
    return sorted(p.name for p in (project / ".digest-cache" / "search").glob("*.bundle"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FULL / "content", tmp_path / "project" / "content")
    return tmp_path / "project"


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count Pagefind's runs: the folder of each bundle indexed, in order."""
    indexed: list[str] = []

    class Counted(search.PendingIndex):
        def __init__(self, scratch: Any, language: str, folder: str) -> None:
            indexed.append(folder)
            super().__init__(scratch, language, folder)

    monkeypatch.setattr(search, "PendingIndex", Counted)
    return indexed


def fresh_build(project: Path, out: Path) -> None:
    """Build as a new `digest build` process would (force: never 'up to date')."""
    build(Project(project), out, now=NOW, force=True)


def edit_day(project: Path, old: str, new: str) -> None:
    path = project / EDITED_DAY
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_newest_year_and_earlier_days_are_two_bundles(project: Path, runs: list[str]) -> None:
    out = project / "site"
    fresh_build(project, out)
    assert runs == [search.FOLDER, search.ARCHIVE_FOLDER]
    assert bundle_days(out / "pagefind") == NEWEST_DAYS
    assert bundle_days(out / "pagefind-archive") == ARCHIVE_DAYS
    assert (page_count(out / "pagefind"), page_count(out / "pagefind-archive")) == (5, 2)
    # The archive is merged into the newest year's bundle: its program is not needed.
    assert (out / "pagefind/pagefind.js").is_file()
    assert sorted(p.name for p in (out / "pagefind-archive").glob("*.js")) == []
    assert not list((out / "pagefind-archive").glob("wasm.*"))
    page = (out / "search/index.html").read_text("utf-8")
    assert 'data-bundle="/pagefind/" data-archive="/pagefind-archive/"' in page
    worker = (out / "sw.js").read_text("utf-8")
    for folder in ("pagefind", "pagefind-archive"):
        entry = f'"{folder}/pagefind-entry.json"'
        assert entry in worker
        for fragment in (out / folder / "fragment").iterdir():
            assert f'"{folder}/fragment/{fragment.name}"' in worker


def test_an_old_day_edited_makes_its_own_record_alone(
    project: Path, runs: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The archive is indexed again when one of its days changes, from the records kept in
    .digest-cache/search/ and the edited day's, made anew: the same index as a build that
    kept nothing. A tag renamed that both bundles show makes every record again (records
    name the tags their bundle shows)."""
    out = project / "site"
    fresh_build(project, out)
    made: list[str] = []
    search_records = reading.search_records

    def counted(library: Any, days: Any = None) -> Any:
        made.extend(str(day.date) for day in days)
        return search_records(library, days)

    monkeypatch.setattr(reading, "search_records", counted)
    old_day = project / "content/digests/2023/2023-12-31.md"
    old_day.write_text(old_day.read_text("utf-8").replace("Eve:", "Eve, edited:", 1), "utf-8")
    runs.clear()
    fresh_build(project, out)  # a new process: nothing of the last build in memory
    assert runs == [search.ARCHIVE_FOLDER] and made == ["2023-12-31"]
    alike = tmp_path / "alike"
    shutil.copytree(project / "content", alike / "content")
    fresh_build(alike, alike / "site")
    assert tree(out / "pagefind-archive") == tree(alike / "site" / "pagefind-archive")
    tags = project / "content" / "tags.yaml"
    text = tags.read_text("utf-8")
    assert 'name: "Frontline"' in text
    tags.write_text(text.replace('name: "Frontline"', 'name: "Front line"', 1), "utf-8")
    made.clear()
    fresh_build(project, out)
    assert sorted(made) == sorted(
        day.strip("/").replace("/", "-") for day in ARCHIVE_DAYS + NEWEST_DAYS
    )


def test_a_digest_of_one_year_has_no_archive_bundle(project: Path, runs: list[str]) -> None:
    shutil.rmtree(project / "content" / "digests" / "2023")
    out = project / "site"
    fresh_build(project, out)
    assert runs == [search.FOLDER]
    assert bundle_days(out / "pagefind") == NEWEST_DAYS
    assert not (out / "pagefind-archive").exists()
    page = (out / "search/index.html").read_text("utf-8")
    assert 'data-bundle="/pagefind/">' in page and "data-archive" not in page


@pytest.mark.parametrize(
    ("latest", "first_year"),
    [
        ("2025-12-31", 2025),
        ("2025-01-01", 2024),
        ("2025-03-01", 2024),  # sixty days before it is 31 December 2024
        ("2025-03-02", 2025),
        ("2024-02-29", 2023),
        ("2024-03-01", 2024),  # a leap year: sixty days before it is 1 January
    ],
)
def test_in_january_and_february_the_newest_bundle_holds_the_year_before_too(
    latest: str, first_year: int
) -> None:
    last = dt.date.fromisoformat(latest)
    days = [dt.date(year, month, 1) for year in range(2021, last.year) for month in (1, 6, 12)]
    days += [last.replace(day=1), last] if last.day > 1 else [last]
    library = SimpleNamespace(days=tuple(SimpleNamespace(date=day) for day in sorted(days)))
    newest, *rest = reading.search_bundles(library)  # type: ignore[arg-type]
    assert newest.folder == search.FOLDER
    assert newest.days[0].date == min(d for d in days if d.year >= first_year)
    assert newest.days[-1].date == max(days)
    older = rest[0].days if rest else ()
    assert [d.date for d in older] == sorted(d for d in days if d.year < first_year)
    assert rest == [] or rest[0].folder == search.ARCHIVE_FOLDER


def test_a_december_day_corrected_in_january_reindexes_only_the_newest_bundle(
    project: Path, runs: list[str]
) -> None:
    """At the turn of the year the newest bundle holds December too (until March), so a
    correction to last week's days does not index the archive again; the search page's
    note for an archive that cannot load names both years."""
    days = project / "content" / "digests"
    summer = project / "summer"
    summer.mkdir()
    for path in sorted((days / "2024").glob("2024-07-*.md")):
        path.rename(summer / path.name)
    (days / "2022").mkdir()
    (days / "2022" / "2022-12-30.md").write_text(
        "---\ndate: 2022-12-30\nheadlines:\n"
        '  - title: "A day of the year before last"\n'
        '    url: "https://www.ukrinform.net/a-day-before"\n    source: ukrinform\n---\n',
        "utf-8",
    )
    out = project / "site"
    fresh_build(project, out)
    assert sorted(runs) == sorted([search.FOLDER, search.ARCHIVE_FOLDER])
    assert bundle_days(out / "pagefind") == [*ARCHIVE_DAYS, "/2024/01/02/"]
    assert bundle_days(out / "pagefind-archive") == ["/2022/12/30/"]
    page = (out / "search/index.html").read_text("utf-8")
    assert "Only 2023 and 2024 are searched: the earlier years could not load." in page
    runs.clear()
    december = days / "2023" / "2023-12-31.md"
    december.write_text(december.read_text("utf-8").replace("Eve:", "Eve, corrected:", 1))
    fresh_build(project, out)
    assert runs == [search.FOLDER]
    # Summer comes: December goes to the archive, which is indexed again once.
    for path in sorted(summer.iterdir()):
        path.rename(days / "2024" / path.name)
    runs.clear()
    fresh_build(project, out)
    assert sorted(runs) == sorted([search.FOLDER, search.ARCHIVE_FOLDER])
    assert bundle_days(out / "pagefind") == NEWEST_DAYS
    assert bundle_days(out / "pagefind-archive") == ["/2022/12/30/", *ARCHIVE_DAYS]
    page = (out / "search/index.html").read_text("utf-8")
    assert "Only 2024 is searched: the earlier years could not load." in page


def test_unchanged_bundles_are_reused_and_an_edit_reindexes_only_its_year(
    project: Path, runs: list[str]
) -> None:
    out = project / "site"
    fresh_build(project, out)
    assert len(runs) == 2
    runs.clear()
    fresh_build(project, out)  # a new process, nothing changed: both from .digest-cache/
    assert runs == []
    edit_day(project, "commentary only", "commentary only, edited")
    fresh_build(project, out)
    assert runs == [search.FOLDER]
    assert any(
        b"commentary only, edited" in gzip.decompress(p.read_bytes())
        for p in (out / "pagefind/fragment").iterdir()
    )
    runs.clear()
    archive_day = project / "content/digests/2023/2023-12-30.md"
    archive_day.write_text(archive_day.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    fresh_build(project, out)
    assert runs == [search.ARCHIVE_FOLDER]
    assert len(cached(project)) == 2  # only the last build's bundles are kept


def test_a_template_change_reindexes_nothing(project: Path, runs: list[str]) -> None:
    out = project / "site"
    fresh_build(project, out)
    runs.clear()
    templates = project / "templates"
    templates.mkdir()
    base = (ROOT / "templates" / "base.html").read_text("utf-8")
    (templates / "base.html").write_text(base.replace("</body>", "<!-- x --></body>"), "utf-8")
    fresh_build(project, out)
    assert runs == []
    assert "<!-- x -->" in (out / "index.html").read_text("utf-8")


def test_a_tag_description_reindexes_nothing_and_a_tag_name_both_bundles(
    project: Path, runs: list[str]
) -> None:
    """Records name tags and sources; a description is not in them."""
    out = project / "site"
    fresh_build(project, out)
    runs.clear()
    tags = project / "content" / "tags.yaml"
    tags.write_text(tags.read_text("utf-8").replace("Fighting along", "Fights along"), "utf-8")
    fresh_build(project, out)
    assert runs == []
    tags.write_text(tags.read_text("utf-8").replace('"Frontline"', '"Front line"'), "utf-8")
    fresh_build(project, out)
    assert sorted(runs) == sorted([search.FOLDER, search.ARCHIVE_FOLDER])


def test_a_source_added_or_renamed_reindexes_only_the_bundles_that_show_it(
    project: Path, runs: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Records hold the names of the sources and tags their bundle shows, not all of them:
    a source only the newest year cites, renamed (or its language changed), indexes the
    newest year alone; a new
    outlet added to sources.yaml indexes nothing until a day cites it, then only that day's
    bundle. Each index equals a fresh build's of the same content."""
    out = project / "site"
    fresh_build(project, out)
    made: list[str] = []
    search_records = reading.search_records

    def counted(library: Any, days: Any = None) -> Any:
        made.extend(f"/{day.date:%Y/%m/%d}/" for day in days)
        return search_records(library, days)

    monkeypatch.setattr(reading, "search_records", counted)
    sources = project / "content" / "sources.yaml"

    def indexed_anew(old: str, new: str, path: Path = sources) -> tuple[list[str], list[str]]:
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), "utf-8")
        runs.clear()
        made.clear()
        fresh_build(project, out)
        found = list(runs), sorted(made)
        alike = tmp_path / f"alike-{len(list(tmp_path.iterdir()))}"
        shutil.copytree(project / "content", alike / "content")
        fresh_build(alike, alike / "site")
        for folder in ("pagefind", "pagefind-archive"):
            assert tree(out / folder) == tree(alike / "site" / folder)
        return found

    assert indexed_anew('"Українська правда"', '"Українська правда (UP)"') == (
        [search.FOLDER],
        NEWEST_DAYS,
    )
    # Its language too: a headline's result says its article's, which may be the source's.
    pravda = 'url: "https://www.pravda.com.ua/"\n  language: '
    assert indexed_anew(pravda + "uk", pravda + "en") == ([search.FOLDER], NEWEST_DAYS)
    outlet = (
        'new-outlet:\n  name: "A new outlet"\n  url: "https://new.example.org/"\n  language: en\n'
    )
    assert indexed_anew("unused-source:", outlet + "unused-source:") == ([], [])
    cited = project / "content" / "digests" / "2024" / "2024-07-16.md"
    assert indexed_anew("source: reuters", "source: new-outlet", cited) == (
        [search.FOLDER],
        NEWEST_DAYS,
    )


def test_output_is_the_same_with_a_warm_cache_and_with_none(
    project: Path, tmp_path: Path, runs: list[str]
) -> None:
    fresh_build(project, tmp_path / "cold")
    fresh_build(project, tmp_path / "warm")
    assert len(runs) == 2  # the second build ran no Pagefind
    assert tree(tmp_path / "warm") == tree(tmp_path / "cold")
    # After an edit: the archive from the cache, the newest year indexed again.
    edit_day(project, "commentary only", "commentary only, edited")
    fresh_build(project, tmp_path / "edited-warm")
    assert runs[2:] == [search.FOLDER]
    shutil.rmtree(project / ".digest-cache")
    fresh_build(project, tmp_path / "edited-cold")
    assert tree(tmp_path / "edited-warm") == tree(tmp_path / "edited-cold")


def test_a_cache_restored_into_a_new_checkout_spares_parsing_and_indexing(
    project: Path, tmp_path: Path, runs: list[str]
) -> None:
    """As in the workflow `digest init` writes: each run checks the content out anew (every
    file new to the file system) and restores .digest-cache/ as the last run left it."""
    fresh_build(project, tmp_path / "last-run")
    assert len(runs) == 2
    checkout = tmp_path / "checkout"
    shutil.copytree(project / "content", checkout / "content", copy_function=shutil.copy)
    shutil.copytree(project / ".digest-cache", checkout / ".digest-cache")

    def shards() -> dict[str, int]:
        return {p.name: p.stat().st_mtime_ns for p in (checkout / ".digest-cache/days").iterdir()}

    restored = shards()
    fresh_build(checkout, checkout / "site")
    assert len(runs) == 2  # no Pagefind run
    assert shards() == restored  # no day parsed again: no shard of the parse cache rewritten
    assert tree(checkout / "site") == tree(tmp_path / "last-run")
    # A day edited since the last run: its year's shard and the newest year's bundle.
    edit_day(checkout, "commentary only", "commentary only, edited")
    fresh_build(checkout, checkout / "site")
    assert runs[2:] == [search.FOLDER]
    after = shards()
    assert after.keys() == restored.keys()
    assert sum(after[name] != restored[name] for name in after) == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit of an index file
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: b"",
        lambda data: data.replace(b'"hash": "', b'"hash": "0', 1),
    ],
    ids=["bit-flip", "truncated", "empty", "wrong-hash"],
)
def test_a_damaged_cache_entry_is_detected_and_indexed_again(
    project: Path, tmp_path: Path, runs: list[str], damage: Any
) -> None:
    fresh_build(project, tmp_path / "first")
    for entry in (project / ".digest-cache" / "search").glob("*.bundle"):
        entry.write_bytes(damage(entry.read_bytes()))
    runs.clear()
    fresh_build(project, tmp_path / "second")
    assert runs == [search.FOLDER, search.ARCHIVE_FOLDER]
    assert tree(tmp_path / "second") == tree(tmp_path / "first")
    runs.clear()
    fresh_build(project, tmp_path / "third")  # the entries were written whole again
    assert runs == []


def test_check_writes_nothing_to_the_cache(project: Path) -> None:
    fresh_build(project, project / "site")
    before = {p: p.stat().st_mtime_ns for p in (project / ".digest-cache").rglob("*")}
    edit_day(project, "commentary only", "commentary only, edited")
    assert not check(Project(project)).errors
    after = {p: p.stat().st_mtime_ns for p in (project / ".digest-cache").rglob("*")}
    assert after == before


def test_the_preview_reindexes_only_the_newest_year(project: Path, runs: list[str]) -> None:
    out = project / "preview"
    builder = Builder(Project(project), out, in_place=True, drafts=True)
    builder.build(now=NOW)
    assert len(runs) == 2
    runs.clear()
    edit_day(project, "commentary only", "commentary only, edited")
    builder.build(now=NOW, with_search=False)
    assert runs == []
    assert builder.update_search()
    assert runs == [search.FOLDER]
    runs.clear()
    # A new preview process: both bundles from .digest-cache/, none indexed.
    again = Builder(Project(project), project / "preview-2", in_place=True, drafts=True)
    again.build(now=NOW)
    assert runs == []
    assert tree(project / "preview-2") == tree(out)


# The store itself, without Pagefind.

KEY = "ab" * 20
FILES = {"pagefind-archive/pagefind-entry.json": b"{}", "pagefind-archive/index/en_1.pf": b"x"}


def test_store_keeps_a_bundle_by_key_and_only_the_last_builds(tmp_path: Path) -> None:
    store = BundleStore(tmp_path / "search")
    assert store.load(KEY, "pagefind-archive/") is None
    store.save(KEY, FILES, "pagefind-archive/")
    assert store.load(KEY, "pagefind-archive/") == FILES
    assert store.load("cd" * 20, "pagefind-archive/") is None
    # An entry renamed to another key is not what its name says.
    os.replace(tmp_path / "search" / f"{KEY}.bundle", tmp_path / "search" / f"{'cd' * 20}.bundle")
    assert store.load("cd" * 20, "pagefind-archive/") is None
    store.save(KEY, FILES, "pagefind-archive/")
    store.keep_only({KEY})
    assert sorted(p.name for p in (tmp_path / "search").iterdir()) == [
        ".gitignore",
        f"{KEY}.bundle",
    ]


def test_store_refuses_paths_that_leave_the_bundle(tmp_path: Path) -> None:
    store = BundleStore(tmp_path / "search")
    store.save(KEY, {"pagefind/a": b"1"}, "pagefind/")
    entry = tmp_path / "search" / f"{KEY}.bundle"
    for name in ("../../escape", "/etc/passwd", ".hidden", "a//b"):
        # The body and its hash are unchanged: only the name is wrong.
        data = entry.read_bytes().replace(b'[["a", 1]]', json.dumps([[name, 1]]).encode())
        (tmp_path / "search" / f"{'ef' * 20}.bundle").write_bytes(
            data.replace(KEY.encode(), b"ef" * 20)
        )
        assert store.load("ef" * 20, "pagefind/") is None, name


def test_store_ignores_and_later_removes_a_killed_builds_temporary_file(tmp_path: Path) -> None:
    store = BundleStore(tmp_path / "search")
    store.save(KEY, FILES, "pagefind-archive/")
    whole = (tmp_path / "search" / f"{KEY}.bundle").read_bytes()
    leftover = tmp_path / "search" / f".{'cd' * 20}.x1y2.tmp"
    leftover.write_bytes(whole[:10])
    assert store.load("cd" * 20, "pagefind-archive/") is None
    store.keep_only({KEY})
    assert leftover.exists()  # it may be a running build's
    old = time.time() - 2 * 3600
    os.utime(leftover, (old, old))
    store.keep_only({KEY})
    assert not leftover.exists()


def test_a_killed_build_leaves_no_trusted_half_entry(project: Path, tmp_path: Path) -> None:
    """Kill `digest build` again and again while it indexes and keeps its bundles: every
    entry left in .digest-cache/search/ is whole, and the next build equals a cold one."""
    mark = f"searchcache{secrets.token_hex(8)}"  # tells this test's Pagefind scratch folders
    for day in ("2023/2023-12-30.md", "2024/2024-01-02.md"):
        with (project / "content" / "digests" / day).open("a", encoding="utf-8") as stream:
            stream.write(f"\nMarked by {mark}.\n")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1893456000", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "builder", "build", "--project", str(project), "--force"]
    quiet = {"env": env, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([*command, "--out", str(tmp_path / "cold")], **quiet)
    store = project / ".digest-cache" / "search"
    shutil.rmtree(store)
    started = time.perf_counter()
    subprocess.run([*command, "--out", str(tmp_path / "timed")], **quiet)
    duration = time.perf_counter() - started
    scratch_before = set(Path("/dev/shm").glob("digest-search-*"))
    rng = random.Random(20261204)
    whole = 0
    for iteration in range(12):
        shutil.rmtree(store, ignore_errors=True)
        process = subprocess.Popen(
            [*command, "--out", str(tmp_path / "killed")],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # Pagefind too is killed, as with `kill -9` on a group
        )
        time.sleep(rng.uniform(0.4, 1.1) * duration)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        for entry in sorted(store.glob("*.bundle")) if store.is_dir() else []:
            loaded = BundleStore(store).load(entry.name.removesuffix(".bundle"), "x/")
            assert loaded is not None, f"iteration {iteration}: {entry.name} is not whole"
            whole += 1
    for folder in set(Path("/dev/shm").glob("digest-search-*")) - scratch_before:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            if any(mark in page.read_text("utf-8") for page in folder.glob("records/*.html")):
                shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([*command, "--out", str(tmp_path / "after")], **quiet)
    assert tree(tmp_path / "after") == tree(tmp_path / "cold")
    print(f"{whole} whole entries left by 12 killed builds")


def _parsers_text(fragment: str) -> str:
    parser = search._TextParser()
    parser.feed(fragment)
    parser.close()
    return " ".join("".join(parser.parts).split())


@pytest.mark.parametrize(
    "fragment",
    [
        "",
        "   ",
        "one  two\nthree\t",
        "Kyiv · Київ",
        "<p>A <em>note</em></p>\n<p>two</p>",
        "a &amp; b",
    ],
)
def test_plain_text_without_markup_is_the_parsers_text(fragment: str) -> None:
    """Most headlines have no note: their text skips the HTML parser, and is the same."""
    assert search.plain_text(fragment) == _parsers_text(fragment)


# Pieces of Markdown, and of HTML that is not markdown-it's, that plain_text must read as
# Python's HTML parser does.
_MARKDOWN = st.sampled_from(
    [
        "*",
        "_",
        "**",
        "`",
        "~~",
        "[",
        "](",
        ")",
        "https://x.org/?a=1&b=2",
        "![",
        "\\",
        "  \n",
        "\n\n",
        "# ",
        "> ",
        "- ",
        "1. ",
        "```\n",
        "|",
        "---",
        "&",
        "&amp;",
        "&copy;",
        "&#65;",
        "&#x41;",
        "&bogus;",
        "<",
        ">",
        "<b>",
        "</b>",
        '"',
        "'",
        "Київ",
        " ",
        "a",
        "word",
    ]
)
_HTML = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<br />",
        "<br/>",
        "</p >",
        '<a href="x&amp;y">',
        "<img alt='a' />",
        "<a b=c>",
        "<a-b>",
        "<!-- c -->",
        "<!x>",
        "<?x?>",
        "< p>",
        "<3",
        "&am",
        "p;",
        "&amp",
        "&lt;",
        "&#39;",
        "&#0;",
        "&#xD800;",
        "x",
        " ",
        "\n",
        "\t",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        '<p class="a>b">',
        "<P>",
        "</P>",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    markdown=st.lists(_MARKDOWN, max_size=24).map("".join),
    html=st.lists(_HTML, max_size=16).map("".join),
)
def test_plain_text_is_the_html_parsers_text(markdown: str, html: str) -> None:
    """plain_text reads well-formed tags itself (markdown-it's notes and commentary, at a
    fraction of the parser's cost) and gives the parser's text all the same, for notes,
    commentary and any other HTML."""
    for fragment in (
        markup.render_inline(markdown)[0],
        markup.render_block(markdown)[0],
        html,
        markup.render_inline(markdown)[0] + html,
    ):
        assert search.plain_text(fragment) == _parsers_text(fragment), fragment


def test_plain_text_reads_markdown_its_html_without_the_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Notes and commentary as markdown-it renders them never need the HTML parser."""
    monkeypatch.setattr(search, "_TextParser", None)  # fails if it is used
    note = markup.render_inline('*Key* [link](https://x.org/?a=1&b=<2>) `<b>` & "q"')[0]
    text = markup.render_block("# Heading\n\n> *quote* &copy;\n\n- a  \n  b\n\n```\n<x>\n```")[0]
    assert search.plain_text(note) == 'Key link <b> & "q"'
    assert search.plain_text(text) == "Heading quote © a b <x>"


def _pagefind_that(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: str) -> None:
    """Run Pagefind behind a shell script that does `first`, then Pagefind itself."""
    import pagefind_bin  # type: ignore[import-untyped]

    wrapper = tmp_path / "pagefind"
    wrapper.write_text(f'#!/bin/sh\n{first}\nexec "{pagefind_bin.get_executable()}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(wrapper))


def test_a_pagefind_that_says_much_still_finishes_for_the_preview(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview polls Pagefind and reads nothing while it runs: its output goes to a
    file, where a pipe would fill up (64 KB) and stop it for good."""
    builder = Builder(Project(project), project / "preview", in_place=True, drafts=True)
    builder.build(now=NOW)
    _pagefind_that(tmp_path, monkeypatch, "head -c 300000 /dev/zero | tr '\\0' x")
    edit_day(project, "commentary only", "commentary only, edited")
    builder.build(now=NOW, with_search=False)
    assert builder.start_search() and builder.search_running is not None
    deadline = time.monotonic() + 60
    while not builder.search_running[0].done():
        assert time.monotonic() < deadline, "Pagefind never finished"
        time.sleep(0.1)
    builder.finish_search()
    fresh = tmp_path / "fresh"
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    build(Project(project), fresh, now=NOW, drafts=True, force=True)
    assert tree(project / "preview") == tree(fresh)


def test_what_a_failing_pagefind_says_is_in_the_error(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from builder.errors import OutputError

    _pagefind_that(tmp_path, monkeypatch, "echo 'the disk is full' >&2; exit 3")
    with pytest.raises(OutputError, match="Pagefind failed to index the search: the disk is full"):
        fresh_build(project, tmp_path / "site")


def test_pagefind_runs_as_the_program_python_m_pagefind_runs_without_that_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The program is started directly: `python3 -m pagefind` starts a Python only to find
    and exec it. It is the same program, the one PAGEFIND_BINARY_PATH names when set."""
    monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    command = search.program()
    assert len(command) == 1 and Path(command[0]).is_file() and os.access(command[0], os.X_OK)
    assert Path(command[0]).resolve() != Path(sys.executable).resolve()
    direct = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True)
    module = [sys.executable, "-m", "pagefind", "--version"]
    through_python = subprocess.run(module, capture_output=True, text=True, check=True)
    assert direct.stdout.startswith("pagefind ") and direct.stdout == through_python.stdout
    scratch = search.Scratch()
    scratch.write([("a", "<html><body><main>Kyiv</main></body></html>")])
    pending = search.PendingIndex(scratch, "en", search.FOLDER)
    assert pending.process is not None and list(pending.process.args)[:1] == command
    assert "pagefind/pagefind-entry.json" in pending.result()
    _pagefind_that(tmp_path, monkeypatch, "echo wrapped")
    assert search.program() == [str((tmp_path / "pagefind").resolve())]
    said = subprocess.run([*search.program(), "--version"], capture_output=True, text=True)
    assert said.stdout == "wrapped\n" + direct.stdout


def test_the_records_are_kept_a_year_a_file_and_an_edit_touches_its_years_alone(
    project: Path, runs: list[str]
) -> None:
    """The search records of each year are a file of their own in the store: a day of the
    newest year edited reads and writes that year's alone (ten years' records are 32 MB);
    a year with no day left loses its file, and the one file of earlier versions goes."""
    out = project / "site"
    store = project / ".digest-cache" / "search"
    store.mkdir(parents=True)
    (store / "records.pickle").write_bytes(b"the records of an earlier version")
    fresh_build(project, out)
    assert sorted(p.name for p in store.glob("records*")) == [
        "records-2023.pickle",
        "records-2024.pickle",
    ]
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in store.glob("records*")}
    loaded: list[list[str]] = []
    load_records = BundleStore.load_records

    def counted(self: BundleStore, years: Any) -> dict[str, tuple[str, str]]:
        loaded.append(sorted(years))
        return load_records(self, years)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BundleStore, "load_records", counted)
        edit_day(project, "commentary only", "commentary only, edited")
        fresh_build(project, out)
    assert loaded == [["2024"]] and runs[-1] == search.FOLDER
    after = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in store.glob("records*")}
    assert after["records-2023.pickle"] == before["records-2023.pickle"]
    assert after["records-2024.pickle"] != before["records-2024.pickle"]
    shutil.rmtree(project / "content" / "digests" / "2023")
    fresh_build(project, out)
    assert [p.name for p in store.glob("records*")] == ["records-2024.pickle"]
    assert tree(out) == tree(_built_anew(project))


def _built_anew(project: Path) -> Path:
    """Build the project into a folder of its own with no cache; return the folder."""
    copy = project.parent / "anew"
    shutil.copytree(project / "content", copy / "content")
    out = copy / "site"
    fresh_build(copy, out)
    return out
