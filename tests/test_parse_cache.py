"""The parse cache in a process that reads again and again (the preview): a day file whose
metadata is unchanged is not read again; any edit, a file modified just before it was read
(racily clean, as git calls it) and a new base URL are read again. Real files in temp dirs;
the reader's own read_bytes is wrapped to count which files it reads.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder import cache, reader
from builder.cache import ParseCache
from builder.project import Project

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
