"""Which files are day files, found by a walk or mended from the paths a watcher saw change
(the preview), and read_days taking the watcher's word. Real files in temp dirs."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from builder import reader
from builder.cache import ParseCache
from builder.dayfiles import DAY_FILE_NAME, DayListing, list_day_files, mended_listing
from builder.project import Project

FULL = Path(__file__).parent / "sites" / "full"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    shutil.copytree(FULL / "content", tmp_path / "content")
    return Project.find(tmp_path)


def snapshot(project: Project) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under content/, by relative path."""
    found: dict[str, bytes | None] = {}
    for path in project.content_dir.rglob("*"):
        if path.is_symlink():
            found[project.relative(path)] = os.readlink(path).encode()
        else:
            found[project.relative(path)] = None if path.is_dir() else path.read_bytes()
    return found


def seen(before: dict[str, bytes | None], after: dict[str, bytes | None]) -> set[str]:
    return {p for p in before.keys() | after.keys() if before.get(p, b"") != after.get(p, b"")}


def days_of(project: Project) -> list[Path]:
    found = project.digests_dir.rglob("*.md")
    return sorted(p for p in found if DAY_FILE_NAME.fullmatch(p.name) and not p.is_symlink())


def some_day(project: Project, rng: random.Random) -> Path:
    days = days_of(project)
    if not days:  # every day removed: one comes back
        (project.digests_dir / "2029").mkdir(exist_ok=True)
        day = project.digests_dir / "2029" / "2029-01-01.md"
        day.write_text("---\ndate: 2029-01-01\nheadlines: []\n---\n", "utf-8")
        days = [day]
    return rng.choice(days)


def edit(project: Project, rng: random.Random) -> bool:
    path = some_day(project, rng)
    path.write_text(path.read_text("utf-8") + "\nMore.\n", "utf-8")
    return True


def add_in_a_known_folder(project: Project, rng: random.Random) -> bool:
    folder = some_day(project, rng).parent
    target = folder / f"{folder.name}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}.md"
    if not folder.name.isdigit() or target.exists():
        return False
    target.write_text(f"---\ndate: {target.stem}\nheadlines: []\n---\n", "utf-8")
    return True


def delete(project: Project, rng: random.Random) -> bool:
    days = days_of(project)
    if len(days) > 3:
        rng.choice(days).unlink()
    return len(days) > 3


def add_in_a_new_folder(project: Project, rng: random.Random) -> bool:
    year = rng.randint(2030, 2040)
    (project.digests_dir / str(year)).mkdir(exist_ok=True)
    day = project.digests_dir / str(year) / f"{year}-01-0{rng.randint(1, 9)}.md"
    day.write_text(f"---\ndate: {day.stem}\nheadlines: []\n---\n", "utf-8")
    return False  # a folder the listing has not walked: a walk is needed


def misname(project: Project, rng: random.Random) -> bool:
    path = some_day(project, rng)
    path.rename(path.with_name("notes.md"))
    return False  # reported by a walk


def remove_a_folder(project: Project, rng: random.Random) -> bool:
    folders = sorted({p.parent for p in project.digests_dir.rglob("*.md")} - {project.digests_dir})
    if len(folders) > 1:
        shutil.rmtree(rng.choice(folders))
    return False


def add_others(project: Project, rng: random.Random) -> bool:
    folder = some_day(project, rng).parent
    (folder / "README.md").write_text("About these days.\n", "utf-8")
    (folder / f"picture-{rng.randint(0, 99)}.png").write_bytes(b"\x89PNG")
    (project.content_dir / "tags.yaml").write_text(
        (project.content_dir / "tags.yaml").read_text("utf-8") + "\n", "utf-8"
    )
    return True  # not day files, not reported


def link(project: Project, rng: random.Random) -> bool:
    path = some_day(project, rng)
    linked = path.with_name(f"{path.parent.name}-12-31.md")
    if path.parent.name.isdigit() and not linked.exists():
        linked.symlink_to(path.name)
    return False


OPERATIONS = [edit, edit, add_in_a_known_folder, delete, add_in_a_new_folder, misname]
OPERATIONS += [remove_a_folder, add_others, link]


@pytest.mark.parametrize("seed", range(6))
def test_a_mended_listing_is_what_a_walk_finds(project: Project, seed: int) -> None:
    """After each random change to content/, the listing mended from the changed paths is
    the walk's, order and problems included, or there is none and the walk is needed."""
    rng = random.Random(seed)
    listing = list_day_files(project)
    mended_count = 0
    for _ in range(25):
        before = snapshot(project)
        operation = rng.choice(OPERATIONS)
        mendable = operation(project, rng)
        walked = list_day_files(project)
        mended = mended_listing(project, listing, seen(before, snapshot(project)))
        if mended is not None:
            assert list(mended.files.items()) == list(walked.files.items()), operation
            assert mended.problems == walked.problems
            assert mended.folders == walked.folders
            mended_count += 1
        elif mendable and not listing.walk_only:
            pytest.fail(f"{operation.__name__} needed a walk")
        listing = walked
    assert mended_count >= 5


def test_a_listing_with_links_or_unreadable_folders_is_walked(project: Project) -> None:
    day = sorted(project.digests_dir.rglob("*.md"))[0]
    listing = list_day_files(project)
    changed = {project.relative(day)}
    assert mended_listing(project, listing, changed) is not None
    assert (
        mended_listing(project, DayListing(listing.files, (), listing.folders, True), changed)
        is None
    )
    for above in ("content", "content/digests", "content/digests/"):
        assert mended_listing(project, listing, {above}) is None, above
    day.with_name("2024-12-31.md").symlink_to(day.name)
    assert list_day_files(project).walk_only


def test_read_days_takes_the_watchers_word(project: Project) -> None:
    """Told which files changed, read_days looks at no other day file: an edit it is not
    told of is not seen (until it is told, or the base URL changes and all are read)."""
    cache = ParseCache()
    first, _ = reader.read_days(project, "/", cache=cache)
    one, other = sorted(project.digests_dir.rglob("*.md"))[:2]
    for path in (one, other):
        path.write_text(path.read_text("utf-8") + "\nAn added sentence.\n", "utf-8")

    def commentary(days: list[reader.DayFile], path: Path) -> str:
        return next(
            d.day.commentary_html for d in days if d.date_location.path == project.relative(path)
        )

    told, _ = reader.read_days(project, "/", cache=cache, changed={project.relative(one)})
    assert "An added sentence." in commentary(told, one)
    assert commentary(told, other) == commentary(first, other)
    assert [d.day.date for d in told] == [d.day.date for d in first]
    again, _ = reader.read_days(project, "/", cache=cache, changed={project.relative(other)})
    assert "An added sentence." in commentary(again, other)
    assert "An added sentence." in commentary(again, one)
    # A new base URL makes every result another: every file is read, told or not.
    other.write_text(other.read_text("utf-8") + "\nA second sentence.\n", "utf-8")
    moved, _ = reader.read_days(project, "/news/", cache=cache, changed=set())
    assert "A second sentence." in commentary(moved, other)


def test_a_file_that_cannot_be_read_is_read_again_though_not_told(project: Project) -> None:
    """A file that failed to read has no result to take as it was: it is read again."""
    cache = ParseCache()
    reader.read_days(project, "/", cache=cache)
    day = sorted(project.digests_dir.rglob("*.md"))[0]
    day.write_bytes(b"\xff\xfe not UTF-8")
    _, problems = reader.read_days(project, "/", cache=cache, changed={project.relative(day)})
    assert any(p.location.path == project.relative(day) for p in problems)
    _, still = reader.read_days(project, "/", cache=cache, changed=set())
    assert any(p.location.path == project.relative(day) for p in still), "a stale result"


def test_git_mergetools_copies_are_named_as_such(project: Project) -> None:
    """While `git mergetool` runs it keeps copies beside the file in conflict (its BACKUP,
    BASE, LOCAL and REMOTE): each is said to be the mergetool's, not just a bad name."""
    day = sorted(project.digests_dir.rglob("*.md"))[0]
    for side in ("BACKUP", "BASE", "LOCAL", "REMOTE"):
        shutil.copy(day, day.with_name(f"{day.stem}_{side}_4711.md"))
    day.with_name(f"{day.stem} (copy).md").write_bytes(day.read_bytes())
    messages = sorted(problem.message for problem in list_day_files(project).problems)
    assert [m.split("' ", 1)[1] for m in messages] == [
        "is not a day file name: name it YYYY-MM-DD.md after its date, or move it out of "
        "content/digests/",
        *["is a copy git mergetool makes while a conflict is resolved: finish the merge (it "
          "deletes it), or delete it"] * 4,
    ]  # fmt: skip
