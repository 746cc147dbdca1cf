"""Incremental builds (the preview server's) equal full builds, byte for byte.

Random sequences of editors' changes — add, change and delete days, edit sources.yaml,
tags.yaml and templates — are applied to a copy of the full sample site; after each, the
in-place Builder's output folder must equal a fresh `build` into an empty folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import re
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from builder import output, reuse, urls
from builder.build import Builder, BuildResult, build, load
from builder.cache import ParseCache
from builder.errors import ContentErrors, OutputError
from builder.incremental import InputKeys, KeptKeys
from builder.output import InPlaceWriter, folder_identity
from builder.pages import PageSpec, plan_site
from builder.planmemo import PlanMemo
from builder.project import Project
from builder.render import theme_dir

FULL = Path(__file__).parent / "sites" / "full"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate  # noqa: E402

NOW = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def add_settings(project: Path, lines: str) -> None:
    with (project / "content" / "site.yaml").open("a", encoding="utf-8") as site:
        site.write(lines)


def started_preview(project: Path, out: Path) -> Builder:
    """Return the preview's Builder for `project`, after its first build into `out`."""
    builder = Builder(Project(project), out, in_place=True)
    builder.build(now=NOW)
    return builder


def day_files(project: Path) -> list[Path]:
    return sorted((project / "content" / "digests").rglob("*.md"))


def add_day(project: Path, rng: random.Random) -> str:
    source = rng.choice(day_files(project))
    for _ in range(50):
        date = dt.date(2024, rng.randint(1, 12), rng.randint(1, 28))
        target = project / "content" / "digests" / f"{date.year}" / f"{date}.md"
        if not target.exists():
            break
    else:
        return "no free date"
    text = source.read_text("utf-8")
    text = re.sub(r"^date: .*$", f"date: {date}", text, count=1, flags=re.M)
    # New URLs, so the new day repeats no article of another day.
    text = re.sub(r"(url: \"?https?://[^\s\"]+)", rf"\1?copy={date}", text)
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, "utf-8")
    return f"add {date} from {source.name}"


def change_day(project: Path, rng: random.Random) -> str:
    path = rng.choice(day_files(project))
    text = path.read_text("utf-8")
    kind = rng.choice(["title", "commentary", "headline-title", "drop-tag"])
    if kind == "title" and re.search(r"^title: ", text, re.M):
        text = re.sub(r"^title: (.*)$", r"title: \1 (updated)", text, count=1, flags=re.M)
    elif kind == "headline-title":
        text = text.replace("  - title: ", "  - title: Updated: ".replace(": U", " U"), 1)
    elif kind == "drop-tag":
        text = re.sub(r"tags: \[([^\],]+), ", "tags: [", text, count=1)
    else:
        text = text.rstrip("\n") + f"\n\nAn added paragraph {rng.randint(0, 999)}.\n"
    path.write_text(text, "utf-8")
    return f"change {path.name} ({kind})"


def delete_day(project: Path, rng: random.Random) -> str:
    files = day_files(project)
    if len(files) <= 2:
        return "keep the last days"
    path = rng.choice(files)
    path.unlink()
    return f"delete {path.name}"


def edit_registry(project: Path, rng: random.Random) -> str:
    name = rng.choice(["sources.yaml", "tags.yaml"])
    path = project / "content" / name
    text = path.read_text("utf-8")
    names = list(re.finditer(r"^(  name: )\"?([^\"\n]+)\"?$", text, flags=re.M))
    # One source or tag renamed, which changes with the file's length (taking no number
    # from `rng` keeps the other tests' sequences of edits as they were).
    chosen = names[len(text) % len(names)]
    text = text[: chosen.start()] + f'{chosen[1]}"{chosen[2]} X"' + text[chosen.end() :]
    path.write_text(text, "utf-8")
    return f"rename {chosen[2]!r} in {name}"


def edit_tag_description(project: Path, rng: random.Random) -> str:
    """Change one tag's description: only the pages and feeds that show it change."""
    path = project / "content" / "tags.yaml"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    found = [i for i, line in enumerate(lines) if line.startswith("  description: ")]
    if not found:
        return "no description"
    index = rng.choice(found)
    lines[index] = f'  description: "Described anew, {rng.randint(0, 999)} & <more>."\n'
    path.write_text("".join(lines), "utf-8")
    return f"edit a description in tags.yaml (line {index + 1})"


def edit_template(project: Path, rng: random.Random) -> str:
    override = project / "templates" / "day.html"
    if override.exists():
        override.unlink()
        return "remove templates/day.html"
    override.parent.mkdir(exist_ok=True)
    text = (theme_dir() / "day.html").read_text("utf-8")
    override.write_text(text.replace("{% block content %}", "{% block content %}<!-- x -->"))
    return "override templates/day.html"


def correct_day(project: Path, rng: random.Random) -> str:
    """Add a correction to a day or one of its headlines, or take one away."""
    path = rng.choice(day_files(project))
    text = path.read_text("utf-8")
    found = re.search(r"^( *)updated: .*\n\1correction: .*\n", text, flags=re.M)
    if found and rng.random() < 0.5:
        path.write_text(text.replace(found.group(0), "", 1), "utf-8")
        return f"take a correction from {path.name}"
    moment = f'"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 1{rng.randint(0, 9)}:00"'
    fixed = f'"Fixed {rng.randint(0, 999)} & <more>."'
    titles = [m.end() for m in re.finditer(r"^  - title: .*\n", text, flags=re.M)]
    if titles and rng.random() < 0.7:
        at = rng.choice(titles)
        text = f"{text[:at]}    updated: {moment}\n    correction: {fixed}\n{text[at:]}"
        where = "a headline"
    else:
        text = text.replace(
            "headlines:\n", f"updated: {moment}\ncorrection: {fixed}\nheadlines:\n", 1
        )
        where = "the day"
    path.write_text(text, "utf-8")
    return f"correct {where} of {path.name}"


OPERATIONS = [
    add_day,
    correct_day,
    change_day,
    change_day,
    delete_day,
    edit_registry,
    edit_tag_description,
    edit_template,
]


def files_and_folders(project: Path) -> dict[Path, bytes | None]:
    """Every file (with its bytes) and folder (None) under content/ and templates/."""
    found: dict[Path, bytes | None] = {}
    for top in (project / "content", project / "templates"):
        if top.is_dir():
            found[top] = None
            for path in top.rglob("*"):
                found[path] = None if path.is_dir() else path.read_bytes()
    return found


def seen_changed(before: dict[Path, bytes | None], after: dict[Path, bytes | None]) -> set[Path]:
    """What a watcher reports after an edit: files and folders made, removed or changed."""
    return {p for p in before.keys() | after.keys() if before.get(p, b"") != after.get(p, b"")}


@pytest.mark.parametrize("told", [False, True], ids=["looked-at", "told-by-watcher"])
@pytest.mark.parametrize("paged", [False, True], ids=["pages-of-50", "pages-of-2"])
@pytest.mark.parametrize("seed", range(int(os.environ.get("INCREMENTAL_SEEDS", "4"))))
def test_random_edits_build_the_same_site_incrementally(
    tmp_path: Path, seed: int, paged: bool, told: bool
) -> None:
    """The preview after each of random edits equals a fresh build: looking at every file
    for changes, or told which changed (as the server's watcher tells it)."""
    rng = random.Random(seed)
    project = tmp_path / "project"
    shutil.copytree(FULL, project, ignore=shutil.ignore_patterns(".digest-cache", "site"))
    if paged:  # listings and the home page of many pages: edits shift headlines across them
        add_settings(project, "headlines_per_page: 2\ndays_per_page: 2\n")
    out = tmp_path / "preview"
    builder = started_preview(project, out)
    history = []
    for step in range(8):
        before = files_and_folders(project)
        history.append(rng.choice(OPERATIONS)(project, rng))
        changed = seen_changed(before, files_and_folders(project)) if told else None
        try:
            result = builder.build(now=NOW, changed=changed)
        except ContentErrors as exc:  # an edit may make the content invalid: both agree
            with pytest.raises(ContentErrors):
                build(Project(project), tmp_path / f"full-{step}", now=NOW)
            history.append(f"invalid: {exc.problems[0].format()}")
            continue
        fresh = tmp_path / f"full-{step}"
        build(Project(project), fresh, now=NOW)
        assert tree(out) == tree(fresh), history
        assert result.rendered <= result.pages


def test_an_unchanged_site_renders_nothing_and_one_day_renders_few(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FULL, project, ignore=shutil.ignore_patterns(".digest-cache", "site"))
    builder = Builder(Project(project), tmp_path / "preview", in_place=True)
    first = builder.build(now=NOW)
    assert first.rendered == first.pages
    again = builder.build(now=NOW)
    assert (again.rendered, again.written) == (0, 0)
    path = day_files(project)[0]
    path.write_text(path.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    edited = builder.build(now=NOW)
    assert 0 < edited.rendered < first.pages // 2
    assert edited.written >= 1


def test_edits_deep_in_long_listings_build_the_same_site(tmp_path: Path) -> None:
    """Listings longer than their feeds, in pages of five: an edit to an old day changes
    pages in the middle of a listing while its first page, feed and chart stay the same."""
    rng = random.Random(7)
    project = tmp_path / "project"
    generate(project, days=25, headlines=30, seed=3)
    add_settings(project, "headlines_per_page: 5\n")
    out = tmp_path / "preview"
    builder = started_preview(project, out)
    history = []
    for step in range(4):
        path = rng.choice(day_files(project)[2:-5])  # not the newest: feeds keep those
        text = path.read_text("utf-8")
        titles = re.findall(r"^  - title: (.*)$", text, flags=re.M)
        old = rng.choice(titles)
        path.write_text(text.replace(f"  - title: {old}", f"  - title: Edited {step}", 1))
        history.append(f"{path.name}: {old}")
        result = builder.build(now=NOW)
        fresh = tmp_path / f"full-{step}"
        build(Project(project), fresh, now=NOW)
        assert tree(out) == tree(fresh), history
        assert result.rendered < result.pages / 4  # only the pages that list the day


def test_a_new_headline_changes_only_the_first_page_of_each_listing(tmp_path: Path) -> None:
    """Newest-first listings are cut from their oldest end and show their count, dates and
    chart on the first page only: a headline added to the newest day leaves every older
    page of every listing byte for byte as it was, unless a page split off (the count of
    pages is on each page). Stories, oldest first, are not concerned."""
    project = tmp_path / "project"
    generate(project, days=25, headlines=30, seed=5)
    add_settings(project, "headlines_per_page: 7\ndays_per_page: 2\n")
    build(Project(project), tmp_path / "before", now=NOW)
    newest = [f for f in day_files(project) if "  - title: " in f.read_text("utf-8")][-1]
    text = newest.read_text("utf-8")
    block = re.search(r"^  - title: .*?(?=^  - |^---|\Z)", text, flags=re.M | re.S)
    assert block is not None
    added = re.sub(r"(url: \"?https?://[^\s\"]+)", r"\1?added", block.group(0), count=1)
    newest.write_text(text.replace(block.group(0), block.group(0) + added, 1), "utf-8")
    build(Project(project), tmp_path / "after", now=NOW)
    before, after = tree(tmp_path / "before"), tree(tmp_path / "after")
    older = re.compile(r"^(tags|sources|places)/([^/]+)/page/(\d+)/index\.html$")
    checked = 0
    for path, data in before.items():
        match = older.match(path)
        if not match or path not in after:
            continue
        listing = f"{match[1]}/{match[2]}/"
        pages = sum(1 for p in before if p.startswith(listing + "page/"))
        if pages != sum(1 for p in after if p.startswith(listing + "page/")):
            continue  # a page split off: "page N of M" changed on every page
        assert after[path] == data, path
        assert 'class="chart"' not in data.decode() and "headlines," not in data.decode()
        checked += 1
    assert checked >= 50
    assert before["index.html"] != after["index.html"]


def test_a_headline_added_above_others_leaves_the_pages_that_list_only_them(
    tmp_path: Path,
) -> None:
    """Headlines' anchors come from their URLs: a headline added at the top of a day leaves
    the pages of the subjects its day's other headlines are on as they were (they list
    those headlines by their anchors), and the preview renders only the pages that show
    the new headline or the day's count, not every listing of the day's headlines."""
    project = tmp_path / "project"
    generate(project, days=25, headlines=30, seed=5)
    builder = started_preview(project, tmp_path / "preview")
    before = tree(tmp_path / "preview")
    newest = [f for f in day_files(project) if "  - title: " in f.read_text("utf-8")][-1]
    text = newest.read_text("utf-8")
    first = re.search(r"^  - title: .*?(?=^  - |^---|\Z)", text, flags=re.M | re.S)
    assert first is not None
    source = re.search(r"^    source: (\S+)$", first.group(0), flags=re.M)
    assert source is not None
    added = (
        f'  - title: "Added above the others"\n    url: https://example.org/added\n'
        f"    source: {source[1]}\n"
    )
    newest.write_text(text.replace(first.group(0), added + first.group(0), 1), "utf-8")
    result = builder.build(now=NOW, changed={newest})
    after = tree(tmp_path / "preview")
    build(Project(project), tmp_path / "fresh", now=NOW)
    assert after == tree(tmp_path / "fresh")
    changed = {path for path in after if before.get(path) != after[path]}
    kinds = ("tags/", "places/", "sources/", "stories/")
    subjects = {path.split("/")[0] for path in changed if path.startswith(kinds)}
    assert subjects == {"sources"}, sorted(changed)  # its source's pages: no tag, no place
    unchanged_places = [p for p in before if p.startswith("places/") and p.count("/") == 2]
    assert len(unchanged_places) > 20 and not changed & set(unchanged_places)
    assert result.rendered <= 10, sorted(changed)


def test_a_tag_description_renders_only_the_pages_that_show_it(tmp_path: Path) -> None:
    """With the bundled theme, a tag's description is on its own pages, its feed and the
    pages listing tags or feeds; editing it in tags.yaml renders those, not the site."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project, ignore=shutil.ignore_patterns(".digest-cache", "site"))
    builder = started_preview(project, tmp_path / "preview")
    tags = project / "content" / "tags.yaml"
    tags.write_text(tags.read_text("utf-8").replace("Fighting along", "Fights along"), "utf-8")
    result = builder.build(now=NOW)
    assert 0 < result.rendered <= 6, result.rendered
    fresh = tmp_path / "fresh"
    build(Project(project), fresh, now=NOW)
    assert tree(tmp_path / "preview") == tree(fresh)


def test_a_digests_own_templates_may_show_a_tag_description_anywhere(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FULL, project, ignore=shutil.ignore_patterns(".digest-cache", "site"))
    override = project / "templates" / "day.html"
    override.parent.mkdir()
    text = (theme_dir() / "day.html").read_text("utf-8")
    shown = "{% block content %}<p>{{ tags['frontline'].description }}</p>"
    override.write_text(text.replace("{% block content %}", shown, 1), "utf-8")
    builder = started_preview(project, tmp_path / "preview")
    tags = project / "content" / "tags.yaml"
    tags.write_text(tags.read_text("utf-8").replace("Fighting along", "Fights along"), "utf-8")
    builder.build(now=NOW)
    fresh = tmp_path / "fresh"
    build(Project(project), fresh, now=NOW)
    assert tree(tmp_path / "preview") == tree(fresh)


def test_an_old_days_commentary_renders_only_its_own_page(tmp_path: Path) -> None:
    """A day's headlines are kept, by their own versions, when only its commentary changes:
    the tag, source and place pages that list them stay as they are, not rendered again."""
    project = tmp_path / "project"
    generate(project, days=40, headlines=30, seed=11)
    out = tmp_path / "preview"
    builder = started_preview(project, out)
    path = day_files(project)[5]
    path.write_text(path.read_text("utf-8") + "\nA sentence added later.\n", "utf-8")
    result = builder.build(now=NOW)
    # Its day page and the home page that shows it whole: no listing, no neighbour, no
    # year or month page (these show its date, title, summary and count, unchanged).
    assert result.rendered == 2
    assert "A sentence added later." in (out / tree_path(path) / "index.html").read_text()
    fresh = tmp_path / "fresh"
    build(Project(project), fresh, now=NOW)
    assert tree(out) == tree(fresh)


def tree_path(day_file: Path) -> str:
    """Return the folder of a day's page in the site: YYYY/MM/DD."""
    return day_file.stem.replace("-", "/")


@pytest.mark.parametrize("own", [False, True], ids=["bundled-theme", "own-templates"])
def test_a_days_title_reaches_the_listings_that_kept_its_headlines(
    tmp_path: Path, own: bool
) -> None:
    """Listing pages group headlines under their day's date and title (and, in a digest's
    own templates, anything of the day): a day edited with its headlines unchanged keeps
    their objects, yet the listings show the day as it is now."""
    project = tmp_path / "project"
    generate(project, days=30, headlines=30, seed=13)
    if own:
        override = project / "templates" / "listing.html"
        override.parent.mkdir()
        text = (theme_dir() / "listing.html").read_text("utf-8")
        shown = "{{ day_link(group.day) }} {{ group.day.summary or '' }}"
        assert "{{ day_link(group.day) }}" in text
        override.write_text(text.replace("{{ day_link(group.day) }}", shown, 1), "utf-8")
    out = tmp_path / "preview"
    builder = started_preview(project, out)
    path = day_files(project)[4]
    text = path.read_text("utf-8")
    field = "summary" if own else "title"
    marked = f"{field}: Marked for the listings\n"
    if re.search(rf"^{field}: ", text, re.M):
        text = re.sub(rf"^{field}: .*\n", marked, text, count=1, flags=re.M)
    else:
        text = re.sub(r"^(date: .*\n)", rf"\1{marked}", text, count=1, flags=re.M)
    path.write_text(text, "utf-8")
    builder.build(now=NOW)
    fresh = tmp_path / "fresh"
    build(Project(project), fresh, now=NOW)
    shown = [p for p, data in tree(fresh).items() if p.startswith("tags/") and b"Marked" in data]
    assert shown, "the title or summary is on no tag page"
    assert tree(out) == tree(fresh)


def test_several_days_edited_at_once_keep_listings_in_order(tmp_path: Path) -> None:
    """A save of several days at once (a git pull): listings mended between the first and
    the last changed date (their order newest first, their charts) equal a fresh build's."""
    rng = random.Random(5)
    project = tmp_path / "project"
    generate(project, days=60, headlines=12, seed=17)
    add_settings(project, "headlines_per_page: 4\n")
    out = tmp_path / "preview"
    builder = started_preview(project, out)
    for step in range(3):
        files = day_files(project)
        for path in rng.sample(files[:-1], 3):  # one may be dropped: then its date is gone
            text = path.read_text("utf-8")
            blocks = re.findall(r"^  - title: .*?(?=^  - |^---)", text, flags=re.M | re.S)
            if rng.random() < 0.3 or not blocks:
                path.unlink()
                continue
            block = rng.choice(blocks)
            copy = re.sub(r"(url: \"?https?://[^\s\"]+)", rf"\1?step={step}", block, count=1)
            path.write_text(text.replace(block, copy + block, 1), "utf-8")
        result = builder.build(now=NOW)
        fresh = tmp_path / f"fresh-{step}"
        build(Project(project), fresh, now=NOW)
        assert tree(out) == tree(fresh), step
        assert result.rendered < result.pages


def test_a_new_tag_and_a_renamed_one_render_only_the_pages_that_show_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the bundled theme, pages hold a tag by its name on the headlines that carry it:
    a tag added to tags.yaml, then put on one headline, then renamed, renders the pages
    that show it each time, not the whole site; each time the preview equals a fresh build.
    The rename makes the HTML and feed items of that one headline again, not of all."""
    from builder import feeds, fragments

    made: list[str] = []
    render, new_entry = fragments.HeadlineFragments.render, feeds.FeedWriter._new_entry

    def counted_render(self: Any, headline: Any) -> Any:
        made.append(f"html {headline.title}")
        return render(self, headline)

    def counted_entry(self: Any, headline: Any) -> Any:
        made.append(f"item {headline.title}")
        return new_entry(self, headline)

    monkeypatch.setattr(fragments.HeadlineFragments, "render", counted_render)
    monkeypatch.setattr(feeds.FeedWriter, "_new_entry", counted_entry)
    project = tmp_path / "project"
    generate(project, days=40, headlines=30, seed=23)
    out = tmp_path / "preview"
    builder = started_preview(project, out)
    tags = project / "content" / "tags.yaml"
    day = day_files(project)[20]

    def step(name: str) -> int:
        result = builder.build(now=NOW)
        fresh = tmp_path / f"fresh-{name}"
        build(Project(project), fresh, now=NOW)
        assert tree(out) == tree(fresh), name
        assert result.rendered < result.pages / 10, (name, result.rendered)
        return result.rendered

    tags.write_text(tags.read_text("utf-8") + "brand-new:\n  name: Brand new\n", "utf-8")
    step("added")  # the tag's own page, the tags index
    text = day.read_text("utf-8")
    day.write_text(re.sub(r"tags: \[", "tags: [brand-new, ", text, count=1), "utf-8")
    step("used")  # the day, the listings of its headline, the new tag's page
    tags.write_text(tags.read_text("utf-8").replace("Brand new", "Renamed & new"), "utf-8")
    made.clear()
    builder.build(now=NOW)  # as step() does, counting what the preview alone makes
    assert builder.library is not None
    days = builder.library.days
    tagged = [h.title for d in days for h in d.headlines if "brand-new" in h.tags]
    assert len(tagged) == 1 and f"html {tagged[0]}" in made
    assert set(made) <= {f"html {tagged[0]}", f"item {tagged[0]}"}, made
    fresh = tmp_path / "fresh-renamed"
    build(Project(project), fresh, now=NOW)
    assert tree(out) == tree(fresh)
    assert "Renamed &amp; new" in (out / tree_path(day) / "index.html").read_text("utf-8")


def test_a_sources_language_changed_renders_its_headlines_again(tmp_path: Path) -> None:
    """A headline says its article's language where it is not the site's ("in Ukrainian",
    from its source's): a source's language changed in sources.yaml changes the pages and
    feeds of its headlines, in the preview and in `digest build` alike, and no others."""
    project = tmp_path / "project"
    generate(project, days=40, headlines=3, seed=23)  # a source's headlines on few pages
    out = tmp_path / "preview"
    builder = started_preview(project, out)
    sources = project / "content" / "sources.yaml"
    text = sources.read_text("utf-8")
    assert "source-01:\n" in text and "source-03:\n" in text
    steps = (
        ("source-01", "en", "uk"),  # says it now
        ("source-03", "uk", "en"),  # says it no more
        ("source-01", "uk", "pl"),  # says another
    )
    for source, old, new in steps:
        at = text.index(f"{source}:\n")
        end = text.index("  language: ", at) + len("  language: ") + len(old)
        assert text[at:end].endswith(f"  language: {old}"), text[at:end]
        text = text[: end - len(old)] + new + text[end:]
        sources.write_text(text, "utf-8")
        result = builder.build(now=NOW)
        fresh = tmp_path / f"fresh-{source}-{new}"
        build(Project(project), fresh, now=NOW)
        assert tree(out) == tree(fresh), (source, new)
        assert 0 < result.rendered < result.pages / 4, (source, result.rendered)
    polish = (out / "sources" / "source-01" / "index.html").read_text("utf-8")
    assert "<span>in Polish</span>" in polish and 'hreflang="pl"' in polish
    english = (out / "sources" / "source-03" / "index.html").read_text("utf-8")
    assert "<span>in " not in english and english.count("hreflang=") == 1  # the outlet's own
    site = tmp_path / "site"
    build(Project(project), site, now=NOW)
    text = text.replace("  language: pl", "  language: uk", 1)
    sources.write_text(text, "utf-8")
    build(Project(project), site, now=NOW)  # takes the unchanged pages from the last site
    again = tmp_path / "fresh-last"
    build(Project(project), again, now=NOW, force=True)
    assert tree(site) == tree(again)


def test_kept_keys_let_days_edited_away_go(tmp_path: Path) -> None:
    """The preview keeps a day's key as lists show it, and a headline's key, by identity,
    the day or headline kept with it; those replaced by later saves are let go, not kept
    for the whole session."""
    generate(tmp_path, days=5, headlines=3, seed=1)
    loaded = load(Project(tmp_path))
    assert loaded.library is not None
    library = loaded.library
    kept = KeptKeys()
    gone = [dataclasses.replace(library.days[0], title=f"old {n}") for n in range(100)]
    kept.listed.update({id(day): (day, ("listed",)) for day in gone})
    headline = library.days[0].headlines[0]
    edited = [dataclasses.replace(headline, title=f"old {n}") for n in range(100)]
    kept.headlines.update({id(h): (h, ("h",)) for h in edited})
    keys = InputKeys(library, "theme", False, True, kept)
    for day in library.days:
        keys.page(PageSpec("x/", "month.html", "t", "d", context={"days": (day,)}))
        keys.page(PageSpec("y/", "tag.html", "t", "d", context={"items": day.headlines}))
    assert {id(day) for day in library.days} == set(kept.listed)
    assert {id(h) for day in library.days for h in day.headlines} == set(kept.headlines)
    assert keys.page(PageSpec("y/", "tag.html", "t", "d", context={"h": headline})) == keys.page(
        PageSpec("y/", "tag.html", "t", "d", context={"h": dataclasses.replace(headline)})
    ), "a headline's key is its version and names, whichever object it is"


def test_a_headline_edited_deep_in_a_listing_keeps_its_first_pages_plan(tmp_path: Path) -> None:
    """A headline retitled on an old day leaves its listings' counts, dates and charts as
    they were: their first pages (which show them) are kept from the last plan as they are,
    the chart by its identity (hashing a ten-year chart took 30 ms a save)."""
    project = tmp_path / "project"
    generate(project, days=25, headlines=30, seed=3)
    add_settings(project, "headlines_per_page: 5\n")
    cache = ParseCache()  # as the preview reads: unchanged days are the same objects
    first = load(Project(project), now=NOW, cache=cache).library
    assert first is not None
    memo = PlanMemo()
    before = {spec.url_path: spec for spec in plan_site(first, memo).pages}
    path = day_files(project)[3]
    text = path.read_text("utf-8")
    old = re.findall(r"^  - title: (.*)$", text, flags=re.M)[1]
    path.write_text(text.replace(f"  - title: {old}", "  - title: Retitled", 1), "utf-8")
    second = load(Project(project), now=NOW, cache=cache, previous=first).library
    assert second is not None
    after = {spec.url_path: spec for spec in plan_site(second, memo).pages}
    edited = next(h for day in second.days for h in day.headlines if h.title == "Retitled")
    listed = [("tags", slug, second.by_tag[slug]) for slug in edited.tags]
    listed.append(("sources", edited.source, second.by_source[edited.source]))
    # Not where it is the oldest or the newest: the first page shows their dates.
    firsts = [
        urls.listing(k, slug) for k, slug, items in listed if edited not in (items[0], items[-1])
    ]
    assert firsts and all(path in before for path in firsts), firsts
    for listing in firsts:
        assert after[listing] is before[listing], listing
        assert after[listing].context["chart"] is before[listing].context["chart"], listing


def test_the_preview_keeps_files_in_bulk_and_refuses_a_second_claim(tmp_path: Path) -> None:
    out = tmp_path / "out"
    writer = InPlaceWriter(out, (), {})
    with writer:
        writer.write("a/index.html", "A", "day.html")
        writer.write("b/index.html", "B", "day.html")
        writer.commit()
    manifest = writer.manifest
    writer = InPlaceWriter(out, (), manifest)
    with writer:
        writer.write("b/index.html", "B2", "day.html")
        with pytest.raises(OutputError, match=re.escape("written to b/index.html: day.html")):
            writer.keep_all({"b/index.html": "tag.html"})
        writer.keep_all({"a/index.html": "day.html"})
        with pytest.raises(OutputError, match=re.escape("written to a/index.html: day.html")):
            writer.keep_all({"a/index.html": "tag.html"})
        writer.commit()
    assert writer.manifest["a/index.html"] == manifest["a/index.html"]
    assert writer.manifest["b/index.html"] != manifest["b/index.html"]
    assert (out / "a" / "index.html").read_text() == "A"
    assert (out / "b" / "index.html").read_text() == "B2"


def test_a_day_edited_re_plans_its_page_and_its_neighbours_pages_only(tmp_path: Path) -> None:
    """A day's page shows its neighbours: after a save that adds or removes no day, the
    pages of the changed day and of the days either side are planned again, equal to a
    fresh plan; every other day's page is the spec of the last plan."""
    project = tmp_path / "project"
    generate(project, days=12, headlines=3, seed=5)
    cache = ParseCache()
    first = load(Project(project), now=NOW, cache=cache).library
    assert first is not None
    memo = PlanMemo()
    before = {spec.url_path: spec for spec in plan_site(first, memo).pages}
    paths = day_files(project)
    for edited in (paths[5], paths[0]):  # in the middle, then the first (one neighbour)
        edited.write_text(edited.read_text("utf-8").replace('title: "', 'title: "New ', 1))
        second = load(Project(project), now=NOW, cache=cache, previous=first).library
        assert second is not None and second.day_index is first.day_index
        after = {spec.url_path: spec for spec in plan_site(second, memo).pages}
        fresh = {spec.url_path: spec for spec in plan_site(second).pages}
        at = next(i for i, day in enumerate(second.days) if day is not first.days[i])
        for index, day in enumerate(second.days):
            path = urls.day(day.date)
            assert after[path] == fresh[path], path
            assert (after[path] is before[path]) == (abs(index - at) > 1), (index, at)
        first, before = second, after


@pytest.mark.parametrize("twin_of", ["a page", "a feed"])
def test_the_preview_refuses_two_files_at_one_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, twin_of: str
) -> None:
    """Pages kept in bulk are still claimed one path each: a page planned at the path of
    another page (kept or not) or of a feed stops the build, naming both, and the preview
    stays as it was."""
    import builder.build as build_module

    project = tmp_path / "project"
    shutil.copytree(FULL, project, ignore=shutil.ignore_patterns(".digest-cache", "site"))
    out = tmp_path / "preview"
    preview = started_preview(project, out)
    before = {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    real = build_module.plan_site

    def doubled(library: object, memo: PlanMemo | None = None) -> object:
        plan = real(library, memo)  # type: ignore[arg-type]
        page = plan.pages[3]
        path = page.url_path if twin_of == "a page" else f"{plan.feeds[1].feed_folder}rss.xml"
        twin = dataclasses.replace(page, url_path=path)  # a new spec: rendered, then claimed
        return dataclasses.replace(plan, pages=(*plan.pages, twin))

    monkeypatch.setattr(build_module, "plan_site", doubled)
    with pytest.raises(OutputError, match="two things would be written to ") as raised:
        preview.build(now=NOW)
    page = real(preview.library).pages[3]  # type: ignore[arg-type]
    named = (page.template, page.template) if twin_of == "a page" else (page.template, "feed ")
    assert all(name in str(raised.value) for name in named), raised.value
    assert {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()} == before


@pytest.mark.parametrize("many", [False, True])
def test_a_stopping_preview_removes_its_spares_many_in_the_background(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, many: bool
) -> None:
    """When the server stops, its spares go: a few at once; many (ten years: 14,000, over a
    second to delete) are renamed at once, no longer this process's, and deleted by a
    process of their own, so that Ctrl-C returns at once."""
    monkeypatch.setattr(output, "BACKGROUND_DELETION", 3)
    deleting: list[Path] = []
    in_background = output.delete_in_background

    def noted(folder: Path) -> bool:
        deleting.append(folder)
        return in_background(folder)

    monkeypatch.setattr(output, "delete_in_background", noted)
    out = tmp_path / "out"
    count = 5 if many else 2
    manifest: dict[str, str] = {}
    for version in ("", " again"):  # each file written again: the old bytes are the spares
        writer = InPlaceWriter(out, (), manifest)
        with writer:
            for number in range(count):
                writer.write(f"{number}/index.html", f"page {number}{version}", "day.html")
            writer.commit()
        manifest = writer.manifest
    spares = output.spares_folder(out)
    assert len(list(spares.iterdir())) == count
    output.remove_spares(out)
    assert not spares.exists()
    if many:
        assert [folder.name for folder in deleting] == [spares.name[: -len("spares")] + "stopped"]
        deadline = time.monotonic() + 20
        while deleting[0].exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    else:
        assert deleting == []
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # deleted, in the background or not
    assert (out / str(count - 1) / "index.html").read_text().endswith("again")


def test_a_preview_build_that_fails_leaves_its_folder_as_it_was(tmp_path: Path) -> None:
    """The preview writes each changed file into a spare beside the output and exchanges
    it with the old file on commit: a build that fails before its commit leaves the output
    as it was; the old bytes become the spare the next change is written into; a new
    preview removes the spares of a killed one."""
    out = tmp_path / "out"
    writer = InPlaceWriter(out, (), {})
    with writer:
        writer.write("a/index.html", "A", "day.html")
        writer.commit()

    def snapshot(folder: Path) -> dict[str, bytes | None]:
        return {
            str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None
            for p in sorted(folder.rglob("*"))
        }

    before = snapshot(out)
    writer = InPlaceWriter(out, (), writer.manifest)
    with pytest.raises(RuntimeError), writer:
        writer.write("a/index.html", "A2", "day.html")
        writer.write("new/deep/index.html", "N", "day.html")
        raise RuntimeError("a template failed")
    assert snapshot(out) == before

    spares = writer.build_dir
    for text in ("A3", "A4"):  # A4's file is linked below
        writer = InPlaceWriter(out, (), writer.manifest)
        with writer:
            writer.write("a/index.html", text, "day.html")
            writer.commit()
        assert (out / "a" / "index.html").read_text() == text
    assert sorted(p.read_text() for p in spares.iterdir()) == ["A3"]  # one spare, the old

    # A file linked elsewhere too (a copy of the preview made with cp -al) is never written
    # into when it becomes the spare.
    copy = tmp_path / "copy.html"
    os.link(out / "a" / "index.html", copy)
    for text in ("A4b", "A4c"):
        writer = InPlaceWriter(out, (), writer.manifest)
        with writer:
            writer.write("a/index.html", text, "day.html")
            writer.commit()
        assert (out / "a" / "index.html").read_text() == text
    assert copy.read_text() == "A4"

    dead = tmp_path / f".out.staging-{2**22 + 1}-spares"  # past any process id
    dead.mkdir()
    (dead / ("0" * 24)).write_text("left by a killed preview")
    writer = InPlaceWriter(out, (), {})
    with writer:
        writer.write("a/index.html", "A5", "day.html")
        writer.commit()
    assert not dead.exists() and snapshot(out) == {
        "a": None,
        "a/index.html": b"A5",
        ".digest-site": before[".digest-site"],
    }


def test_the_pages_a_changed_date_is_on_are_found_by_their_spans() -> None:
    """A listing whose headlines are unchanged plans again only the pages whose first to
    last date holds a day read again: both ends count."""
    from builder.pages import _pages_spanning

    d = [dt.date(2024, 1, day) for day in range(1, 10)]
    spans = ((d[0], d[2]), (d[3], d[3]), None, (d[4], d[8]))
    assert _pages_spanning(spans, [d[0]]) == [0]
    assert _pages_spanning(spans, [d[2]]) == [0]
    assert _pages_spanning(spans, [d[3]]) == [1]
    assert _pages_spanning(spans, [d[8]]) == [3]
    assert _pages_spanning(spans, [d[1], d[5]]) == [0, 3]
    assert _pages_spanning(spans, [dt.date(2023, 1, 1), dt.date(2025, 1, 1)]) == []
    assert _pages_spanning(spans, []) == _pages_spanning(spans, None) == []


def test_corrections_follow_edits_to_their_days(tmp_path: Path) -> None:
    """The corrections page is mended from the days read again: a correction added, its day
    edited elsewhere, another day corrected, a correction taken away."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project, ignore=shutil.ignore_patterns(".digest-cache", "site"))
    out = tmp_path / "preview"
    builder = started_preview(project, out)
    first, second = day_files(project)[:2]
    fix_a = '    updated: "2025-01-02 10:00"\n    correction: "Fixed A."\n'
    fix_b = 'updated: 2025-02-03\ncorrection: "Fixed B."\n'
    steps: list[tuple[Path, Callable[[str], str]]] = [
        (first, lambda t: re.sub(r"^(  - title: .*\n)", rf"\1{fix_a}", t, count=1, flags=re.M)),
        (first, lambda t: t.rstrip("\n") + "\n\nA sentence added.\n"),
        (second, lambda t: t.replace("headlines:\n", fix_b + "headlines:\n", 1)),
        (first, lambda t: t.replace(fix_a, "", 1)),
    ]
    for step, (path, change) in enumerate(steps):
        path.write_text(change(path.read_text("utf-8")), "utf-8")
        builder.build(now=NOW, changed={path})
        fresh = tmp_path / f"full-{step}"
        build(Project(project), fresh, now=NOW)
        page = (out / "corrections" / "index.html").read_text("utf-8")
        assert page == (fresh / "corrections" / "index.html").read_text("utf-8"), step
        assert page.count("Fixed A.") == (1 if step < 3 else 0), step
        assert tree(out) == tree(fresh), step


def test_a_new_preview_of_an_old_folder_removes_what_is_gone_since(tmp_path: Path) -> None:
    """`digest serve` keeps its folder between runs: a new preview does not know what an
    earlier one wrote, and a day deleted while no preview ran must not stay served."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project, ignore=shutil.ignore_patterns(".digest-cache", "site"))
    out = tmp_path / "preview"
    started_preview(project, out)
    gone = day_files(project)[0]
    date = gone.stem
    page = out / date[:4] / date[5:7] / date[8:] / "index.html"
    assert page.is_file()
    gone.unlink()
    (out / "stray.html").write_text("left by something else", "utf-8")
    started_preview(project, out)  # a new session
    assert not page.exists() and not (out / "stray.html").exists()
    build(Project(project), tmp_path / "fresh", now=NOW)
    assert tree(out) == tree(tmp_path / "fresh")


def test_a_new_preview_keeps_the_pages_the_last_one_recorded(tmp_path: Path) -> None:
    """A preview records the key of each page and feed it leaves (when the server stops);
    the next one renders only what changed since, or what was touched in the folder, and
    the folder still equals a fresh build."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project, ignore=shutil.ignore_patterns(".digest-cache", "site"))
    out = tmp_path / "preview"

    def session() -> BuildResult:
        """As the server does: pages first, the search index when idle, a record at stop."""
        builder = Builder(Project(project), out, in_place=True)
        builder.previous = reuse.load(project, out, folder_identity(out))
        result = builder.build(now=NOW, with_search=False)
        builder.update_search()
        build(Project(project), tmp_path / "fresh", now=NOW, force=True)
        assert tree(out) == tree(tmp_path / "fresh")
        builder.record_files()
        return result

    first = session()
    assert first.rendered == first.pages  # nothing recorded before
    assert session().rendered == 0
    path = day_files(project)[-1]
    path.write_text(path.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    (out / "tags" / "index.html").write_bytes(b"changed by hand")
    assert 2 <= session().rendered <= 4  # the day, the home page; the tags index again
    path.unlink()  # a day deleted: its page and its search entry go
    assert 0 < session().rendered < first.pages // 2


def test_a_preview_stopped_in_a_commit_records_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commit cut short (Ctrl-C, a full disk) leaves some new files in place under keys
    the preview never kept: recorded then, a file could be taken later for inputs it was
    not made from (here: the edit undone while no preview ran)."""
    project = tmp_path / "project"
    shutil.copytree(FULL, project, ignore=shutil.ignore_patterns(".digest-cache", "site"))
    out = tmp_path / "preview"
    first = started_preview(project, out)
    first.record_files()
    builder = Builder(Project(project), out, in_place=True)
    builder.previous = reuse.load(project, out, folder_identity(out))
    builder.build(now=NOW)
    path = day_files(project)[-1]
    before = path.read_text("utf-8")
    path.write_text(before + "\nA sentence undone later.\n", "utf-8")
    calls: list[str] = []

    def cut_short(spare: str, target: str) -> None:
        calls.append(target)
        if len(calls) > 2:  # the home page (its bytes unknown to a new preview), the day
            raise OSError(28, "No space left on device")
        put_in_place(spare, target)

    put_in_place = output._put_in_place
    monkeypatch.setattr(output, "_put_in_place", cut_short)
    with pytest.raises(OutputError):
        builder.build(now=NOW)
    assert "A sentence undone later." in Path(calls[1]).read_text("utf-8")  # the day, in place
    monkeypatch.setattr(output, "_put_in_place", put_in_place)
    builder.record_files()  # the server stops
    path.write_text(before, "utf-8")
    again = Builder(Project(project), out, in_place=True)
    again.previous = reuse.load(project, out, folder_identity(out))
    again.build(now=NOW)
    build(Project(project), tmp_path / "fresh", now=NOW, force=True)
    assert tree(out) == tree(tmp_path / "fresh")


def test_the_collector_is_off_while_building_and_on_again_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build makes millions of objects that live until it ends and no garbage cycles:
    Python's cycle collector does not run while it plans and renders (on ten years it
    cost 0.3 s of planning), nor while `digest build` saves its records after (the first
    collection then scanned the whole build: 1.6 s), and is on again after, a failed
    build too."""
    import gc

    from builder import build as build_module

    project = tmp_path / "project"
    shutil.copytree(FULL, project, ignore=shutil.ignore_patterns(".digest-cache", "site"))
    seen: list[bool] = []
    real, real_save = build_module.plan_site, build_module.save_cache

    def watched(*args: object) -> object:
        seen.append(gc.isenabled())
        return real(*args)  # type: ignore[arg-type]

    def watched_save(*args: object) -> None:
        seen.append(gc.isenabled())
        real_save(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "plan_site", watched)
    monkeypatch.setattr(build_module, "save_cache", watched_save)
    build(Project(project), tmp_path / "site", now=NOW)
    assert seen == [False, False] and gc.isenabled()
    seen.clear()
    broken = project / "templates" / "day.html"
    broken.parent.mkdir(exist_ok=True)
    broken.write_text("{{ no_such_function() }}", "utf-8")  # fails while rendering
    with pytest.raises(Exception):  # noqa: B017 - whichever error a template raises
        build(Project(project), tmp_path / "site", now=NOW)
    assert seen == [False] and gc.isenabled()


@pytest.mark.parametrize("in_place", [True, False], ids=["preview", "watch"])
def test_a_rebuild_frees_the_last_renderer_and_library_without_the_cycle_collector(
    tmp_path: Path, in_place: bool
) -> None:
    """A preview or `digest watch` left running rebuilds thousands of times: what the
    last build made and no longer needs must be freed when dropped, not wait for
    Python's cycle collector (a renderer held itself through its page maker: 2.3 MB a
    save on ten years, and the collector ran no full collection in 240 saves). A change
    to the configuration drops the template environment too, which Jinja2 holds in
    cycles: the builder asks for a collection once idle."""
    import gc
    import weakref

    project = tmp_path / "project"
    shutil.copytree(FULL, project, ignore=shutil.ignore_patterns(".digest-cache", "site"))
    builder = Builder(Project(project), tmp_path / "out", in_place=in_place, keep_site=True)
    builder.build(now=NOW, with_search=False)
    assert not builder.collect_when_idle  # a first build drops no environment
    target = day_files(project)[-1]
    target.write_text(target.read_text("utf-8") + "\nSaved.\n", "utf-8")
    builder.build(now=NOW, with_search=False, changed={target})
    assert builder.search_pending is not None  # the search catches up later: kept till then
    library, renderer = builder.search_pending
    last = (weakref.ref(library), weakref.ref(renderer))
    del library, renderer
    enabled = gc.isenabled()
    gc.disable()
    try:
        for number in range(2):
            target.write_text(target.read_text("utf-8") + f"\nSaved {number}.\n", "utf-8")
            builder.build(now=NOW, with_search=False, changed={target})
            assert [made() for made in last] == [None, None]
            assert not builder.collect_when_idle
            assert builder.search_pending is not None
            last = tuple(map(weakref.ref, builder.search_pending))  # type: ignore[assignment]
        site = project / "content" / "site.yaml"
        site.write_text(
            re.sub(r"^author: .*$", "author: Someone else", site.read_text("utf-8"), flags=re.M),
            "utf-8",
        )
        builder.build(now=NOW, with_search=False, changed={site})
        assert builder.collect_when_idle
    finally:
        if enabled:
            gc.enable()
