"""`digest build` takes unchanged pages and feeds from the site it replaces (reuse.py).

Each build still makes a complete new folder and swaps it in; what it reuses is hard
-linked from the old folder, or kept where it is in the site before that one, parked by the
last build. After random edits the result must equal a fresh build with nothing reused,
byte for byte, and a file that was touched after its build, a change of digest's code or
--force must mean rendering again.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_incremental import FULL, NOW, OPERATIONS, add_settings, day_files, generate, tree

import builder.build as build_module
import builder.output as output_module
import builder.validate as validate_module
from builder import reuse
from builder.build import Builder, build, load
from builder.errors import ContentErrors
from builder.output import folder_identity
from builder.project import Project
from builder.reader import DayFile

ROOT = Path(__file__).resolve().parent.parent


def inodes(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()
    }


def fresh(project: Path, out: Path) -> dict[str, bytes]:
    """Build with nothing to reuse (a folder of its own, --force) and return its files."""
    build(Project(project), out, now=NOW, force=True)
    return tree(out)


@pytest.mark.parametrize("paged", [False, True], ids=["pages-of-50", "pages-of-2"])
@pytest.mark.parametrize("seed", range(3))
def test_random_edits_give_a_fresh_builds_bytes(tmp_path: Path, seed: int, paged: bool) -> None:
    rng = random.Random(seed)
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    if paged:
        add_settings(project, "headlines_per_page: 2\ndays_per_page: 2\n")
    site = tmp_path / "site"
    first = build(Project(project), site, now=NOW)
    assert first.linked == 0
    history, reused = [], 0
    for step in range(6):
        history.append(rng.choice(OPERATIONS)(project, rng))
        try:
            result = build(Project(project), site, now=NOW)
        except ContentErrors:
            history.append("invalid")
            continue
        reused += result.linked
        assert tree(site) == fresh(project, tmp_path / f"fresh-{step}"), history
    assert reused > 0, history  # the point: most of every build was taken, not rendered


def test_one_edited_day_links_the_rest_in_a_new_process(tmp_path: Path) -> None:
    """Two `digest build` processes with different string hashing: keys on disk must not
    depend on the process. The unchanged pages keep their inodes (they are links)."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = project / "site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(NOW.timestamp()))}

    def digest_build(seed: str) -> str:
        run = subprocess.run(
            [sys.executable, "-m", "builder", "build", "--project", str(project)],
            env={**env, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        return run.stdout

    digest_build("1")
    before = inodes(site)
    edited = day_files(project)[0]
    edited.write_text(edited.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    out = digest_build("2")
    assert "unchanged files reused" in out, out
    after = inodes(site)
    kept = {path for path in after if before.get(path) == after[path]}
    day = edited.stem.replace("-", "/")
    assert f"{day}/index.html" not in kept  # the edited day's page was made anew
    days = [f.stem.replace("-", "/") + "/index.html" for f in day_files(project)]
    far = days[3:]  # the pages of days that neither are nor neighbour the edited one
    assert set(far) <= kept, sorted(set(far) - kept)
    assert tree(site) == fresh(project, tmp_path / "fresh")


def test_a_file_touched_after_its_build_is_made_again(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    build(Project(project), site, now=NOW)
    page = next(p for p in sorted(site.rglob("index.html")) if p.parent != site)
    good = page.read_bytes()
    page.write_bytes(good.replace(b"<main", b"<main data-tampered", 1))  # same inode
    edited = day_files(project)[-1]
    edited.write_text(edited.read_text("utf-8") + "\nMore.\n", "utf-8")
    result = build(Project(project), site, now=NOW)
    assert result.linked > 0
    assert page.read_bytes() == good


def test_force_and_a_change_of_code_reuse_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    build(Project(project), site, now=NOW)
    assert build(Project(project), site, now=NOW, force=True).linked == 0
    edited = day_files(project)[0]
    edited.write_text(edited.read_text("utf-8") + "\nMore.\n", "utf-8")
    code = reuse.code_key()
    monkeypatch.setattr(reuse, "code_key", lambda: code + "-changed")
    before = inodes(site)
    result = build(Project(project), site, now=NOW)
    linked = [path for path, inode in inodes(site).items() if before.get(path) == inode]
    assert result.linked == len(linked)
    # Only search files, whose key is their bytes (Pagefind's, not digest's code)
    assert linked and all(path.startswith(("pagefind/", "pagefind-archive/")) for path in linked)
    edited.write_text(edited.read_text("utf-8") + "\nAnd more.\n", "utf-8")
    assert build(Project(project), site, now=NOW).linked > len(linked)  # the same "code" again


def test_a_build_without_a_record_reuses_nothing_and_keeps_no_record(tmp_path: Path) -> None:
    """`digest build --no-record` (CI, where the site is not kept): the same site, made with
    no key of any file; the record of the site it replaced goes, and the next build renders
    every page again."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    build(Project(project), site, now=NOW)
    assert reuse.load(project, site, folder_identity(site)) is not None
    edited = day_files(project)[0]
    edited.write_text(edited.read_text("utf-8") + "\nMore.\n", "utf-8")
    before = inodes(site)
    result = build(Project(project), site, now=NOW, record=False)
    assert result.linked == 0 and set(inodes(site).values()).isdisjoint(before.values())
    assert not list((project / ".digest-cache").glob("pages-*"))
    assert tree(site) == fresh(project, tmp_path / "fresh")
    edited.write_text(edited.read_text("utf-8") + "\nAnd more.\n", "utf-8")
    result = build(Project(project), site, now=NOW)
    assert result.linked == 0 and result.written == result.files - 1  # all but the marker
    assert tree(site) == fresh(project, tmp_path / "fresh-again")
    edited.write_text(edited.read_text("utf-8") + "\nYet more.\n", "utf-8")
    assert build(Project(project), site, now=NOW).linked > 0  # recorded again


def test_a_record_for_another_folder_is_not_trusted(tmp_path: Path) -> None:
    """The site replaced by hand (same path, another folder) has nothing to reuse."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    build(Project(project), site, now=NOW)
    shutil.copytree(site, tmp_path / "copy")
    shutil.rmtree(site)
    (tmp_path / "copy").rename(site)
    edited = day_files(project)[0]
    edited.write_text(edited.read_text("utf-8") + "\nMore.\n", "utf-8")
    assert build(Project(project), site, now=NOW).linked == 0


def test_a_later_date_that_publishes_nothing_new_reuses_every_page(tmp_path: Path) -> None:
    """Keys hold what pages are made from, not the clock: every page and feed is linked."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    build(Project(project), site, now=NOW)
    later = build(Project(project), site, now=NOW + dt.timedelta(days=1))
    assert not later.up_to_date
    search = [p for p in tree(site) if p.startswith(("pagefind/", "pagefind-archive/"))]
    assert later.linked == later.pages + later.feeds + len(search) + 1  # and the sitemap
    assert tree(site) == fresh(project, tmp_path / "fresh")


def test_keys_made_in_two_processes_are_kept_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that renders in two processes (build.PARALLEL_JOBS lowered so the sample
    forks) records the keys both made, and a rebuild makes its keys in two processes too:
    it reuses as much as after builds in one process (keys out of order would not)."""
    from builder import build as build_module

    def edit_and_rebuild(name: str) -> int:
        project = tmp_path / name
        shutil.copytree(FULL, project)
        build(Project(project), project / "site", now=NOW)
        edited = day_files(project)[0]
        edited.write_text(edited.read_text("utf-8") + "\nMore.\n", "utf-8")
        return build(Project(project), project / "site", now=NOW).linked

    one = edit_and_rebuild("one")
    monkeypatch.setattr(build_module, "PARALLEL_JOBS", 1)
    two = edit_and_rebuild("two")
    assert two == one > 0
    assert tree(tmp_path / "two" / "site") == fresh(tmp_path / "two", tmp_path / "fresh")


def test_search_bundles_that_did_not_change_are_linked_too(tmp_path: Path) -> None:
    """A template edit changes no search record: every file of both bundles is a link to
    the last build's, and the site still equals a fresh build."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    build(Project(project), site, now=NOW)
    before = inodes(site)
    override = project / "templates" / "base.html"
    override.parent.mkdir()
    base = (ROOT / "templates" / "base.html").read_text("utf-8")
    override.write_text(base.replace("</body>", "<!-- x --></body>"), "utf-8")
    result = build(Project(project), site, now=NOW)
    after = inodes(site)
    search = [p for p in after if p.startswith(("pagefind/", "pagefind-archive/"))]
    assert len(search) > 10 and {p[:9] for p in search} == {"pagefind/", "pagefind-"}
    assert all(after[p] == before[p] for p in search)
    assert result.linked >= len(search)
    assert tree(site) == fresh(project, tmp_path / "fresh")


def test_digest_watch_links_what_its_last_build_wrote(tmp_path: Path) -> None:
    """`digest watch` builds again and again in one process (a Builder with keep_site):
    each rebuild links the files its last build wrote whose inputs are unchanged, renders
    the rest, and equals a fresh build; a file touched by hand since is made again."""
    rng = random.Random(7)
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    builder = Builder(Project(project), site, keep_site=True)
    first = builder.build(now=NOW)
    assert first.linked == 0
    history = []
    for step in range(5):
        history.append(rng.choice(OPERATIONS)(project, rng))
        try:
            result = builder.build(now=NOW)
        except ContentErrors:
            history.append("invalid")
            continue
        assert tree(site) == fresh(project, tmp_path / f"fresh-{step}"), history
    path = day_files(project)[0]
    path.write_text(path.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    touched = site / "tags" / "index.html"
    touched.write_bytes(b"changed by hand")
    before = inodes(site)
    result = builder.build(now=NOW)
    assert result.linked > result.pages // 2 and result.rendered < result.pages // 2
    after = inodes(site)
    kept = [path for path in after if after[path] == before.get(path)]
    assert len(kept) >= result.linked - 1 and "tags/index.html" not in kept  # linked, not made
    assert tree(site) == fresh(project, tmp_path / "fresh-last")


def keyed_jobs(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Return the list of the jobs (specs) builds key from now on (build._file_key)."""
    made: list[object] = []
    real = build_module._file_key

    def counted(job: object, *rest: object) -> str:
        made.append(job)
        return real(job, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "_file_key", counted)
    return made


def watching_a_generated_digest(
    tmp_path: Path, headlines: int, seed: int
) -> tuple[Path, Path, Builder]:
    """Generate 60 days, build them as `digest watch` does; return the project, the site
    and the Builder."""
    project = tmp_path / "project"
    generate(project, days=60, headlines=headlines, seed=seed)
    site = tmp_path / "site"
    builder = Builder(Project(project), site, keep_site=True)
    builder.build(now=NOW)
    return project, site, builder


def test_digest_watch_keys_again_only_what_its_plan_did_not_keep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A watch rebuild makes the keys of the pages and feeds whose specs the plan memo made
    anew, and keeps the last build's for the others (a first build's too, made while it
    rendered). A feed with no items is dated by the
    newest day: a newer day keys it again (the tag "culture" has no headlines)."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    builder = Builder(Project(project), site, keep_site=True)
    builder.build(now=NOW)  # with nothing to reuse, it keys its files while rendering
    made = keyed_jobs(monkeypatch)
    sitemap = (site / "sitemap.xml").stat().st_ino
    old = day_files(project)[0]
    old.write_text(old.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    result = builder.build(now=NOW)
    jobs = result.pages + result.feeds // 3  # (three formats a feed)
    assert 0 < len(made) < jobs // 2, (len(made), jobs)
    assert (site / "sitemap.xml").stat().st_ino == sitemap  # the same pages: not made again
    assert tree(site) == fresh(project, tmp_path / "fresh-old-day")
    made.clear()
    newest = day_files(project)[-1]
    text = re.sub(r"^date: .*$", "date: 2024-07-18", newest.read_text("utf-8"), flags=re.M)
    text = re.sub(r"(url: \"?https?://[^\s\"]+)", r"\1?copy=1", text)  # articles of its own
    (newest.parent / "2024-07-18.md").write_text(text, "utf-8")
    result = builder.build(now=NOW)
    assert any(getattr(job, "id", None) == "tags:culture" for job in made), made
    assert len(made) < result.pages + result.feeds // 3
    assert tree(site) == fresh(project, tmp_path / "fresh-new-day")


def test_digest_watch_mends_its_kept_keys_entry_by_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save that keys a few pages and feeds again replaces their entries among the kept
    keys and drops those of the specs the plan replaced: one entry per page and feed of
    the plan, each with the key a build with nothing kept makes."""
    project, site, builder = watching_a_generated_digest(tmp_path, headlines=6, seed=3)
    made = keyed_jobs(monkeypatch)
    for step in range(3):
        edit_a_day(project, 10 + step, f"Sentence {step}.")
        made.clear()
        result = builder.build(now=NOW)
        jobs = result.pages + result.feeds // 3
        assert 0 < len(made) * 4 < jobs, (len(made), jobs)  # kept keys mended, not remade
        kept = {key: (job, digest) for key, (job, digest, _) in builder.spec_keys.items()}
        assert len(kept) == jobs and all(id(job) == key for key, (job, _) in kept.items())
        again = Builder(Project(project), tmp_path / f"again-{step}", keep_site=True)
        again.build(now=NOW)
        by_path = {_path_of(job): digest for job, digest, _ in again.spec_keys.values()}
        assert len(by_path) == len(again.spec_keys) == jobs
        assert {_path_of(job): digest for job, digest in kept.values()} == by_path
    assert tree(site) == fresh(project, tmp_path / "fresh")


def _path_of(job: object) -> str:
    return str(getattr(job, "url_path", None) or getattr(job, "id", ""))


def test_a_headline_added_plans_again_only_the_listings_that_show_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A day read again with its date and title as they were: a listing page that shows
    some of its other headlines keeps its plan and its key (the bundled theme shows a day
    there by its date and title alone); only the listings of the new headline's source,
    tags and places are planned and keyed again."""
    project, site, builder = watching_a_generated_digest(tmp_path, headlines=12, seed=5)
    made = keyed_jobs(monkeypatch)
    newest = day_files(project)[-1]
    text = newest.read_text("utf-8")
    block = re.search(r"^  - title: .*?(?=^  - |^---)", text, flags=re.M | re.S)
    assert block is not None
    copy = re.sub(r"title: .*", 'title: "A headline added"', block.group(0), count=1)
    copy = re.sub(r"(url: \S+)", r"\1?added=1", copy, count=1)
    newest.write_text(text.replace(block.group(0), copy + block.group(0), 1), "utf-8")
    builder.build(now=NOW, changed={newest})
    listings = {"tag.html", "source.html", "place.html"}
    keyed = [job for job in made if getattr(job, "template", None) in listings]
    copied_tags = re.search(r"^    tags: \[(.*)\]", copy, flags=re.M)
    copied_places = re.search(r"^    places: \[(.*)\]", copy, flags=re.M)
    subjects = 1 + sum(len(m.group(1).split(",")) for m in (copied_tags, copied_places) if m)
    assert 0 < len(keyed) <= subjects, (len(keyed), subjects)
    assert tree(site) == fresh(project, tmp_path / "fresh")


def test_digest_watch_writes_the_pages_first_and_the_search_in_a_second_build(
    tmp_path: Path,
) -> None:
    """A watch rebuild without the search (as `digest watch` builds after a save) swaps in
    the new pages with the last search index; once the search catches up (update_search),
    a second build swaps in the new index, and the site equals a fresh build."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    builder = Builder(Project(project), site, keep_site=True)
    builder.build(now=NOW)
    before = tree(site)

    def searching(path: str) -> bool:
        return path.startswith(("pagefind/", "pagefind-archive/")) or path == "sw.js"

    old_search = {path: data for path, data in before.items() if searching(path)}
    newest = day_files(project)[-1]
    newest.write_text(newest.read_text("utf-8") + "\nSunflowers in the fields.\n", "utf-8")
    builder.build(now=NOW, with_search=False, changed={newest})
    assert builder.search_pending is not None
    pages = tree(site)
    expected = fresh(project, tmp_path / "fresh")
    assert {p: d for p, d in pages.items() if not searching(p)} == {
        p: d for p, d in expected.items() if not searching(p)
    }
    assert {p: d for p, d in pages.items() if searching(p)} == old_search
    assert {p: d for p, d in expected.items() if searching(p)} != old_search  # a new index
    assert builder.update_search()
    assert builder.search_pending is None and builder.search_running is None
    assert tree(site) == expected
    assert not builder.update_search()  # nothing more to do

    # A save that does not build: the search catches up with the site in place.
    newest.write_text(newest.read_text("utf-8") + "\nA second sentence.\n", "utf-8")
    builder.build(now=NOW, with_search=False, changed={newest})
    expected = fresh(project, tmp_path / "fresh-again")
    text = newest.read_text("utf-8")
    newest.write_text(text.replace("date:", "date: [", 1), "utf-8")  # a half-typed line
    with pytest.raises(ContentErrors):
        builder.build(now=NOW, with_search=False, changed={newest})
    assert builder.update_search()
    assert tree(site) == expected


def test_digest_watch_mends_the_checks_across_days_from_its_second_build(
    tmp_path: Path,
) -> None:
    """A Builder that builds again keeps the counts the checks across days need (repeated
    dates and URLs, place spellings) and mends them by the changed days: its problems are
    a fresh check's."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    builder = Builder(Project(project), tmp_path / "site", keep_site=True)
    builder.build(now=NOW)
    assert builder.cross_check is None  # one build (digest build): the plain check
    builder.build(now=NOW)
    assert builder.cross_check is not None
    source = day_files(project)[1]
    text = re.sub(r"^date: .*$", "date: 2024-07-18", source.read_text("utf-8"), flags=re.M)
    copy = source.parent.parent / "2024" / "2024-07-18.md"
    copy.write_text(text, "utf-8")  # the same articles as another day: warned about
    result = builder.build(now=NOW, changed={copy})
    fresh_check = load(Project(project), now=NOW).problems
    assert fresh_check and result.warnings == fresh_check
    assert all("the same URL is already on" in problem.message for problem in fresh_check)
    copy.unlink()
    assert builder.build(now=NOW, changed={copy}).warnings == []  # nothing repeats now


def test_watch_records_its_last_good_build_not_a_failed_one(tmp_path: Path) -> None:
    """A watch build that fails while rendering has made the keys of its files; the
    record left when watch stops must still be the site's in place, or the next build
    would take a stale page for one made from the new inputs."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    builder = Builder(Project(project), site, keep_site=True)
    builder.build(now=NOW)
    path = day_files(project)[-1]
    path.write_text(path.read_text("utf-8") + "\nA sentence the site has not seen.\n", "utf-8")
    broken = project / "templates" / "day.html"
    broken.parent.mkdir(exist_ok=True)
    broken.write_text("{{ no_such_function() }}", "utf-8")  # fails while rendering
    with pytest.raises(Exception):  # noqa: B017 - whichever error a template raises
        builder.build(now=NOW)
    broken.unlink()
    builder.record_files()  # watch stops
    again = Builder(Project(project), site, keep_site=True)
    again.previous = reuse.load(project, site, folder_identity(site))
    result = again.build(now=NOW)
    assert result.linked > 0
    assert tree(site) == fresh(project, tmp_path / "fresh")


def test_a_search_file_is_kept_by_its_bytes_not_by_its_bundle(tmp_path: Path) -> None:
    """An old day edited: its bundle, the archive's, is indexed again. Pagefind names most
    of its files by their contents, and those that come out as they were are linked from
    the last build, not written again."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    build(Project(project), site, now=NOW)
    before, before_inodes = tree(site), inodes(site)
    edit_a_day(project, 0, "A sentence for the archive.")  # a day of 2023: the archive
    build(Project(project), site, now=NOW)
    after, after_inodes = tree(site), inodes(site)
    archive = [path for path in after if path.startswith("pagefind-archive/")]
    same = [path for path in archive if before.get(path) == after[path]]
    assert same and len(same) < len(archive)  # indexed again; some files as they were
    assert all(after_inodes[path] == before_inodes[path] for path in same)
    assert after == fresh(project, tmp_path / "fresh")


def watching_the_full_site(tmp_path: Path) -> tuple[Path, Path, Path, Builder]:
    """Build the full test site as `digest watch` does; return the project, the site,
    where a site is parked and the Builder."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    builder = Builder(Project(project), site, keep_site=True)
    builder.build(now=NOW)
    return project, site, reuse.parked_folder(project, site), builder


def test_digest_watch_lists_the_parked_site_when_idle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`prepare` (digest watch, when idle) lists the parked site ahead, and the next build
    takes that listing: what was added to site/ by hand while it was in place is still not
    published, and a folder of the parked site replaced since by a link out of it leads
    nothing out of the site. A parked site changed since it was listed is listed again."""
    project, site, parked, builder = watching_the_full_site(tmp_path)
    (site / "CNAME").write_text("example.org\n", "utf-8")  # by hand, into the site in place
    edit_a_day(project, 0, "A first sentence.")
    builder.build(now=NOW)
    assert (parked / "CNAME").is_file()
    builder.prepare()
    listed: list[Path] = []
    real = output_module._plain_files

    def listing(folder: Path) -> set[str] | None:
        listed.append(folder)
        return real(folder)

    monkeypatch.setattr(output_module, "_plain_files", listing)
    day = day_files(project)[0].stem.replace("-", "/")  # its page is made by every build
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(parked / day)
    (parked / day).symlink_to(outside, target_is_directory=True)
    edit_a_day(project, 0, "A second sentence.")
    builder.build(now=NOW)
    assert listed == []  # the listing made ahead
    assert list(outside.iterdir()) == []
    assert not (site / day).is_symlink() and not (site / "CNAME").exists()
    assert tree(site) == fresh(project, tmp_path / "fresh-1")

    builder.prepare()
    assert len(listed) == 1  # the site parked since, listed ahead
    listed.clear()
    (parked / "stray.txt").write_text("added to the parked site since", "utf-8")
    edit_a_day(project, 0, "A third sentence.")
    builder.build(now=NOW)
    assert len(listed) == 1  # listed again, by the build
    assert tree(site) == fresh(project, tmp_path / "fresh-2")


def test_digest_watch_checks_the_parked_site_as_a_save_comes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`precheck` (digest watch, in the watcher's quiet period after a save) looks at each
    file of the parked site, and the build that follows takes that look instead of its
    own: a page changed by hand before it (in site/, whose files the parked site shares)
    is made again. A look older than CHECKED_FOR is not taken, nor one a failed build had."""
    project, site, parked, builder = watching_the_full_site(tmp_path)
    edit_a_day(project, 0, "A first sentence.")
    builder.build(now=NOW)  # parks the first site
    builder.prepare()
    shared = sorted(
        path
        for path, inode in inodes(site).items()
        if path.endswith(".html") and inodes(parked).get(path) == inode
    )
    assert shared
    by_hand = site / shared[0]  # in place, so in the parked site too
    by_hand.write_bytes(by_hand.read_bytes().replace(b"<main", b"<main data-by-hand", 1))
    looks: list[int] = []
    real = reuse._stats

    def counted(paths: list[str]) -> list[reuse.FileStat]:
        looks.append(len(paths))
        return real(paths)

    monkeypatch.setattr(reuse, "_stats", counted)
    builder.precheck()
    assert len(looks) == 1 and looks[0] > 10
    looks.clear()
    edit_a_day(project, 0, "A second sentence.")
    builder.build(now=NOW)
    assert looks == []  # the build took the look
    assert b"data-by-hand" not in (site / shared[0]).read_bytes()
    assert tree(site) == fresh(project, tmp_path / "fresh-1")

    builder.prepare()
    monkeypatch.setattr(build_module, "CHECKED_FOR", 0.0)
    builder.precheck()
    looks.clear()
    edit_a_day(project, 0, "A third sentence.")
    builder.build(now=NOW)
    assert looks and max(looks) > 10  # too old: the build looked again
    assert tree(site) == fresh(project, tmp_path / "fresh-2")

    monkeypatch.setattr(build_module, "CHECKED_FOR", 3.0)
    builder.prepare()
    builder.precheck()  # then a save that fails to build
    edited = day_files(project)[0]
    text = edited.read_text("utf-8")
    edited.write_text(text.replace("date:", "date: [", 1), "utf-8")
    with pytest.raises(ContentErrors):
        builder.build(now=NOW)
    edited.write_text(text + "\nA fourth sentence.\n", "utf-8")
    looks.clear()
    builder.build(now=NOW)
    assert looks and max(looks) > 10  # the look went with the failed build
    assert tree(site) == fresh(project, tmp_path / "fresh-3")


def test_digest_watch_counts_the_checks_across_days_when_idle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After watch's first build, `prepare` (when idle) counts what the checks across days
    are mended from: the first save's check counts the saved day alone."""
    project, site, _, builder = watching_the_full_site(tmp_path)
    assert builder.cross_check is None
    builder.prepare()
    assert builder.cross_check is not None
    counted: list[object] = []
    real = validate_module._facts_of

    def counting(day_file: DayFile) -> object:
        counted.append(day_file.day.source_path)
        return real(day_file)

    monkeypatch.setattr(validate_module, "_facts_of", counting)
    edit_a_day(project, 0, "A first sentence.")
    builder.build(now=NOW)
    assert counted == [Project(project).relative(day_files(project)[0])]
    assert tree(site) == fresh(project, tmp_path / "fresh")


def edit_a_day(project: Path, index: int, sentence: str) -> None:
    edited = day_files(project)[index]
    edited.write_text(edited.read_text("utf-8") + f"\n{sentence}\n", "utf-8")


def a_site_parked(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Build the full site twice (a day edited between): the first site is parked. Return
    the project, the site and where it is parked."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    parked = reuse.parked_folder(project, site)
    build(Project(project), site, now=NOW)
    edit_a_day(project, 0, "A first sentence.")
    build(Project(project), site, now=NOW)
    assert parked.is_dir()
    return project, site, parked


def test_the_replaced_site_is_parked_and_the_next_build_is_made_in_it(tmp_path: Path) -> None:
    """A build that linked most files parks the site it replaced (in .digest-cache/),
    untouched; the next build adopts that folder: the files still right stay where they
    are, the rest are made anew beside the bytes the site in place shares with it."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    parked = reuse.parked_folder(project, site)
    build(Project(project), site, now=NOW)
    first_folder = site.stat().st_ino
    edit_a_day(project, 0, "A first sentence.")
    second = tree(site)
    second_folder = build(Project(project), site, now=NOW) and site.stat().st_ino
    assert parked.is_dir() and parked.stat().st_ino == first_folder
    assert tree(parked) == second  # the first site, as it was, written into by nobody
    now_in_place = tree(site)
    edit_a_day(project, -1, "A second sentence.")
    result = build(Project(project), site, now=NOW)
    assert site.stat().st_ino == first_folder  # built in the parked folder
    assert result.linked > result.pages // 2
    assert parked.stat().st_ino == second_folder and tree(parked) == now_in_place
    assert tree(site) == fresh(project, tmp_path / "fresh")


def test_what_the_parked_site_gained_since_it_was_parked_is_not_published(
    tmp_path: Path,
) -> None:
    """A file added by hand, a page rewritten by hand, a folder replaced by a link out of
    the site: none of it reaches the next site, and nothing is written through the link."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project)
    site = tmp_path / "site"
    parked = reuse.parked_folder(project, site)
    build(Project(project), site, now=NOW)
    (site / "CNAME").write_text("example.org\n", "utf-8")  # by hand, into the first site
    edit_a_day(project, 0, "A first sentence.")
    build(Project(project), site, now=NOW)
    assert (parked / "CNAME").is_file() and not (site / "CNAME").exists()
    edit_a_day(project, 0, "A second sentence.")
    build(Project(project), site, now=NOW)  # adopts the first site, CNAME and all
    assert not (site / "CNAME").exists()
    assert tree(site) == fresh(project, tmp_path / "fresh-1")

    day = day_files(project)[0].stem.replace("-", "/")  # its page is made by every build
    own = parked / "index.html"  # the parked site's own home page (made anew since)
    own.write_bytes(own.read_bytes().replace(b"<main", b"<main data-by-hand", 1))
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(parked / day)
    (parked / day).symlink_to(outside, target_is_directory=True)
    edit_a_day(project, 0, "A third sentence.")
    build(Project(project), site, now=NOW)
    assert list(outside.iterdir()) == []
    assert not (site / day).is_symlink()
    assert tree(site) == fresh(project, tmp_path / "fresh-2")


def test_a_file_where_the_parked_site_had_a_folder_is_taken_away(tmp_path: Path) -> None:
    """A folder of the parked site replaced by a file: the build that takes the site
    removes the file to make the folder (never following what it finds on the way)."""
    project, site, parked, builder = watching_the_full_site(tmp_path)
    edit_a_day(project, 0, "A first sentence.")
    builder.build(now=NOW)  # parks the first site
    day = day_files(project)[0].stem.replace("-", "/")  # its page is made by every build
    shutil.rmtree(parked / day)
    (parked / day).write_text("a file where a folder was", "utf-8")
    edit_a_day(project, 0, "A second sentence.")
    builder.build(now=NOW)
    assert (site / day).is_dir()
    assert tree(site) == fresh(project, tmp_path / "fresh")


def test_digest_watch_parks_a_copy_of_the_site_when_none_is_parked(tmp_path: Path) -> None:
    """With no site parked (watch's first build), `prepare` parks a copy of the site in
    place, made of hard links to its files: the next save is built in it, as in a parked
    site, and equals a fresh build."""
    project, site, parked, builder = watching_the_full_site(tmp_path)
    assert builder.parked is None and not parked.exists()
    builder.prepare()
    in_place, copied = inodes(site), inodes(parked)
    assert copied.keys() <= in_place.keys() and len(copied) > len(in_place) // 2
    linked = {path for path in copied if copied[path] == in_place[path]}
    assert copied.keys() - linked == {output_module.MARKER}  # a marker of its own
    copy = parked.stat().st_ino
    edit_a_day(project, 0, "A sentence.")
    result = builder.build(now=NOW)
    assert site.stat().st_ino == copy  # built in the copy
    assert result.linked > result.pages // 2
    assert tree(site) == fresh(project, tmp_path / "fresh")


def test_force_and_a_build_that_rewrites_everything_park_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parked site is worth its room only when it shares most of its files with the
    site in place: not after a build that made every file anew."""
    project, site, parked = a_site_parked(tmp_path)
    build(Project(project), site, now=NOW, force=True)
    assert not parked.exists()
    edit_a_day(project, 0, "A second sentence.")
    build(Project(project), site, now=NOW)
    assert parked.is_dir()
    code = reuse.code_key()
    monkeypatch.setattr(reuse, "code_key", lambda: code + "-changed")
    edit_a_day(project, 0, "A third sentence.")
    result = build(Project(project), site, now=NOW)
    assert result.rendered == result.pages  # all made anew (search files kept by their bytes)
    assert result.written > 3 * result.linked
    assert not parked.exists()
    assert tree(site) == fresh(project, tmp_path / "fresh")


@pytest.mark.parametrize("how", ["no record", "force"])
def test_a_parked_site_a_build_does_not_take_is_deleted_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """The CI workflow's `--no-record`, or `--force`, with a site that local builds parked:
    it leaves the cache at once, beside the output, and a process of its own deletes it
    (ten years took 1.7 s to delete in the build); nothing of it is left."""
    project, site, parked = a_site_parked(tmp_path)
    parked_inode = parked.stat().st_ino
    deleted: list[int] = []
    in_background = output_module.delete_in_background

    def deleting(folder: Path) -> bool:
        deleted.append(folder.stat().st_ino)
        return in_background(folder)

    monkeypatch.setattr(output_module, "delete_in_background", deleting)
    edit_a_day(project, 1, "A second sentence.")
    if how == "force":
        build(Project(project), site, now=NOW, force=True)
    else:
        build(Project(project), site, now=NOW, record=False)
    assert not parked.exists()
    assert parked_inode in deleted  # handed to the process that deletes
    waited = 0.0
    while any(path.name.startswith(".site.") for path in tmp_path.iterdir()) and waited < 30:
        time.sleep(0.1)
        waited += 0.1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["project", "site"]
    assert tree(site) == fresh(project, tmp_path / "fresh")
