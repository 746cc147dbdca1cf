"""The parse cache in a process that reads again and again (the preview): a day file whose
metadata is unchanged is not read again; any edit, a file modified just before it was read
(racily clean, as git calls it) and a new base URL are read again. Real files in temp dirs;
the reader's own read_bytes is wrapped to count which files it reads.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from builder import cache, reader
from builder.cache import ParseCache
from builder.model import Day, Headline, Update
from builder.project import Project
from builder.reader import read_days

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.generate import generate

FULL = Path(__file__).parent / "sites" / "full"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    shutil.copytree(FULL / "content", tmp_path / "content")
    return Project.find(tmp_path)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    seen: list[str] = []
    real = reader.read_bytes

    def counting(project: Project, path: Path) -> tuple[bytes, object]:
        seen.append(path.name)
        return real(project, path)

    monkeypatch.setattr(reader, "read_bytes", counting)
    yield seen


def test_unchanged_files_are_not_read_again(
    project: Project, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", -(10**12))  # every file counts as settled
    parse_cache = ParseCache()
    first, _ = reader.read_days(project, "/", cache=parse_cache)
    assert len(reads) == len(first) >= 5
    reads.clear()
    again, _ = reader.read_days(project, "/", cache=parse_cache)
    assert reads == []
    assert [d.day for d in again] == [d.day for d in first]

    day = next(project.content_dir.joinpath("digests").rglob("2024-07-17.md"))
    text = day.read_text(encoding="utf-8")
    day.write_text(text.replace("commentary only", "commentary ONLY"), encoding="utf-8")
    edited, _ = reader.read_days(project, "/", cache=parse_cache)
    assert reads == ["2024-07-17.md"]
    assert any(d.day.title and "ONLY" in d.day.title for d in edited)

    reads.clear()
    reader.read_days(project, "/elsewhere/", cache=parse_cache)  # links resolve differently
    assert sorted(reads) == sorted(p.name for p in day.parent.parent.rglob("*.md"))


def test_a_file_modified_just_before_it_was_read_is_read_again(
    project: Project, reads: list[str]
) -> None:
    parse_cache = ParseCache()
    reader.read_days(project, "/", cache=parse_cache)  # files written a moment ago
    reads.clear()
    reader.read_days(project, "/", cache=parse_cache)
    assert len(reads) >= 5  # racily clean: their times cannot vouch for their bytes yet
    assert parse_cache.stats == {}


# On disk: one shard a year -----------------------------------------------------------------


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def shard_files(root: Path) -> dict[str, tuple[int, int]]:
    folder = root / ".digest-cache" / "days"
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.glob("*.pickle")}


def test_a_build_rewrites_only_the_shard_of_the_year_it_changed(tmp_path: Path) -> None:
    """Across processes the cache is one pickle per folder of day files: after an edit
    only that year's is written again; a year removed takes its shard with it; a damaged
    shard is ignored and made again, and the site is the same."""
    import sys

    from builder.build import build

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.generate import generate

    generate(tmp_path, days=800, headlines=2, seed=4)  # 2016, 2017 and part of 2018
    project = Project.find(tmp_path)
    years = sorted(p.name for p in (tmp_path / "content" / "digests").iterdir())
    assert years == ["2016", "2017", "2018"]
    build(project, tmp_path / "one")
    first = shard_files(tmp_path)
    assert len(first) == 3
    newest = sorted((tmp_path / "content" / "digests" / "2018").glob("*.md"))[-1]
    newest.write_text(newest.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    build(project, tmp_path / "one")
    second = shard_files(tmp_path)
    changed = {name for name in first if first[name] != second[name]}
    assert changed == {cache.shard_of(project.relative(newest)) + ".pickle"}

    shutil.rmtree(tmp_path / "content" / "digests" / "2016")
    build(project, tmp_path / "one")
    third = shard_files(tmp_path)
    assert len(third) == 2 and set(third) < set(first)

    damaged = next(iter(sorted(third)))
    (tmp_path / ".digest-cache" / "days" / damaged).write_bytes(b"not a pickle")
    loaded = cache.load_cache(tmp_path)
    assert loaded.entries and all(cache.shard_of(p) + ".pickle" != damaged for p in loaded.entries)
    build(project, tmp_path / "two", force=True)
    assert (tmp_path / ".digest-cache" / "days" / damaged).read_bytes() != b"not a pickle"
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_day_read_again_keeps_its_unchanged_headlines(tmp_path: Path) -> None:
    """What is made from a headline is kept by its identity (the preview's plan, feeds):
    a day read again after an edit keeps each headline object that is equal to one it had,
    wherever it now is in the day (below an inserted one), and makes new ones for the
    others (an edited headline, an inserted one)."""
    project = tmp_path / "project"
    generate(project, days=3, headlines=6, seed=2)
    cache = ParseCache()
    path = sorted((project / "content" / "digests").rglob("*.md"))[1]
    rel = Project(project).relative(path)

    def headlines() -> tuple[Headline, ...]:
        files, problems = read_days(Project(project), cache=cache)
        assert not problems
        return next(f.day for f in files if f.day.source_path == rel).headlines

    before = headlines()
    path.write_text(path.read_text("utf-8") + "\nA commentary edit.\n", "utf-8")
    after = headlines()
    assert all(a is b for a, b in zip(before, after, strict=True))
    text = path.read_text("utf-8")
    second = re.findall(r"^  - title: (.*)$", text, flags=re.M)[1]
    path.write_text(text.replace(f"  - title: {second}", "  - title: Edited", 1), "utf-8")
    edited = headlines()
    assert [a is b for a, b in zip(after, edited, strict=True)] == [
        i != 1 for i in range(len(after))
    ]
    assert edited[1].version != after[1].version
    text = path.read_text("utf-8")
    first = re.search(r"^  - title: .*?(?=^  - |^---)", text, flags=re.M | re.S)
    assert first is not None
    added = (
        '  - title: "Added on top"\n    url: https://example.org/on-top\n    source: source-00\n'
    )
    path.write_text(text.replace(first.group(0), added + first.group(0), 1), "utf-8")
    inserted = headlines()
    assert inserted[0].title == "Added on top"
    assert all(a is b for a, b in zip(edited, inserted[1:], strict=True))


def test_a_headlines_version_covers_every_field() -> None:
    """A headline's version stands for all of it in keys and caches: any field changed
    changes it, and equal headlines made apart have equal versions."""
    base = Headline(
        date=dt.date(2024, 5, 1),
        title="Title",
        url="https://example.com/a",
        source="src",
        tags=("t",),
        places=("Kyiv",),
        time=None,
        note="",
        note_html="",
        label=None,
        story=None,
        language=None,
    )
    other = {
        "date": dt.date(2024, 5, 2),
        "title": "Other",
        "url": "https://example.com/b",
        "source": "other",
        "tags": ("u",),
        "places": ("Lviv",),
        "time": dt.time(9, 30),
        "note": "n",
        "note_html": "n",
        "label": "opinion",
        "story": "s",
        "language": "uk",
        "archive_url": "https://archive.example/a",
        "update": Update(dt.date(2024, 5, 3), None),
        "anchor_size": 16,
    }
    fields = [f.name for f in dataclasses.fields(Headline) if f.init]
    assert sorted(fields) == sorted(other)  # a new field needs a case here
    assert dataclasses.replace(base).version == base.version
    for name, value in other.items():
        assert dataclasses.replace(base, **{name: value}).version != base.version, name


def test_configuration_read_as_it_was_gives_the_same_config(project: Project) -> None:
    """The preview reads the three configuration files on every save; unchanged, they give
    the Config they gave, and a changed one is parsed again."""
    parse_cache = ParseCache()
    first, problems = reader.read_config(project, parse_cache)
    problems.append("a caller's own list")  # type: ignore[arg-type]
    again, problems_again = reader.read_config(project, parse_cache)
    assert first is not None and again is first
    assert problems_again == []
    tags = project.content_dir / "tags.yaml"
    tags.write_text(tags.read_text("utf-8") + "added:\n  name: Added\n", "utf-8")
    changed, _ = reader.read_config(project, parse_cache)
    assert changed is not None and changed is not first
    assert changed.tags["added"].name == "Added"
    tags.write_text(tags.read_text("utf-8") + "  bad: field\n", "utf-8")
    broken, found = reader.read_config(project, parse_cache)
    assert broken is None and found
    assert reader.read_config(project, parse_cache)[1] == found


def test_days_and_headlines_come_back_from_pickle_whole() -> None:
    """The parse cache and the reading processes pickle days: every field comes back,
    those made in __post_init__ (a headline's anchor and version) included."""
    update = Update(dt.date(2024, 5, 3), "Fixed.")
    headlines = tuple(
        Headline(
            date=dt.date(2024, 5, 1),
            title=f"Title {n}",
            url=f"https://example.com/{n}",
            source="src",
            tags=("t",),
            places=(),
            time=dt.time(9, n),
            note="",
            note_html="",
            label=None,
            story=None,
            language="uk",
            update=update if n else None,
            anchor_size=16 if n else 8,
        )
        for n in range(3)
    )
    day = Day(
        dt.date(2024, 5, 1), "d.md", "T", None, headlines, "c", "<p>c</p>", "v", update=update
    )
    again = pickle.loads(pickle.dumps(day, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == day
    for made, kept in zip(again.headlines, headlines, strict=True):
        assert [getattr(made, f.name) for f in dataclasses.fields(Headline)] == [
            getattr(kept, f.name) for f in dataclasses.fields(Headline)
        ]
        assert hash(made) == hash(kept)
    state = headlines[1].__getstate__()
    for wrong in (state[:-1], (*state, "more")):  # a state of another version of the class
        with pytest.raises(ValueError):
            Headline.__new__(Headline).__setstate__(wrong)


def test_the_collector_is_off_while_the_cache_is_read_and_as_it_was_after(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unpickling ten years of days makes millions of objects and no garbage: the cycle
    collector waits (it doubled the time), and is on again after, or off if it was off."""
    import gc

    from builder.build import build

    build(project, project.root / "site")
    seen: list[bool] = []
    real = pickle.load

    def watched(stream: object) -> object:
        seen.append(gc.isenabled())
        return real(stream)  # type: ignore[arg-type]

    monkeypatch.setattr(cache.pickle, "load", watched)
    assert gc.isenabled()
    loaded = cache.load_cache(project.root)
    assert loaded.entries and seen and not any(seen)
    assert gc.isenabled()
    gc.disable()
    try:
        cache.load_cache(project.root)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_days_share_one_string_per_id_and_place_and_one_time_object(tmp_path: Path) -> None:
    """Ten years cite 40 sources, 25 tags and 80 places about 300,000 times: each read day
    refers to one string per id and place name and one object per time of day, so the
    days take less memory and their pickles (the parse cache, what a forked reader sends)
    hold each once."""
    generate(tmp_path, days=20, headlines=30)
    days, problems = read_days(Project.find(tmp_path), "/")
    assert not [p for p in problems if p.is_error]
    headlines = [h for day in days for h in day.day.headlines]
    for values in (
        [h.source for h in headlines],
        [t for h in headlines for t in h.tags],
        [p for h in headlines for p in h.places],
        [h.time for h in headlines if h.time is not None],
    ):
        by_value: dict[object, set[int]] = {}
        for value in values:
            by_value.setdefault(value, set()).add(id(value))
        assert len(values) > len(by_value) > 1
        assert all(len(objects) == 1 for objects in by_value.values()), values[:5]


def test_a_cache_file_not_written_whole_leaves_nothing_and_an_empty_gitignore_is_mended(
    tmp_path: Path,
) -> None:
    """A full disk: the file being written is not put in place and its temporary file is
    removed (one was left by each build, for ever), and the .gitignore that a full disk
    left empty is written again, so git never takes the cache in."""
    import errno

    from builder.cache import ignored_by_git, write_replacing

    target = tmp_path / "shard.pickle"
    target.write_bytes(b"old")

    def full(stream: Any) -> None:
        stream.write(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError):
        write_replacing(target, full)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shard.pickle"]
    assert target.read_bytes() == b"old"
    (tmp_path / ".gitignore").write_bytes(b"")
    ignored_by_git(tmp_path, "a cache")
    assert (tmp_path / ".gitignore").read_text() == "# a cache; safe to delete\n*\n"
