"""A build with nothing changed since the last one does nothing (builder/uptodate.py).

Real builds of the sample site in temp folders: the second build of unchanged content is
up to date and touches no file; any change to what the site is made from (a content file,
even rewritten at once with bytes of the same length; a template; the date that decides
what is published; the output folder itself) builds again, and so does --force.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.build import build
from builder.project import Project

ROOT = Path(__file__).resolve().parent.parent
FULL = ROOT / "tests" / "sites" / "full"
NOW = dt.datetime(2030, 1, 1, 12, tzinfo=dt.UTC)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    shutil.copytree(FULL / "content", tmp_path / "content")
    return Project.find(tmp_path)


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*")}


def test_a_second_build_of_the_same_content_does_nothing(project: Project) -> None:
    first = build(project, now=NOW)
    assert not first.up_to_date
    before = inodes(first.out_dir)
    second = build(project, now=NOW)
    assert second.up_to_date
    assert (second.pages, second.feeds, second.files) == (first.pages, first.feeds, first.files)
    assert second.bytes_written == 0
    assert inodes(first.out_dir) == before  # not one file was written or replaced


def test_an_edit_of_the_same_length_at_once_builds_again(project: Project) -> None:
    build(project, now=NOW)
    day = project.content_dir / "digests" / "2024" / "2024-07-17.md"
    text = day.read_text(encoding="utf-8")
    edited = text.replace("commentary only", "commentary ONLY", 1)
    assert len(edited.encode()) == len(text.encode()) and edited != text
    day.write_text(edited, encoding="utf-8")  # no sleep: same second, same size
    result = build(project, now=NOW)
    assert not result.up_to_date
    page = (result.out_dir / "2024" / "07" / "17" / "index.html").read_text(encoding="utf-8")
    assert "commentary ONLY" in page


def test_a_template_change_builds_again(project: Project) -> None:
    build(project, now=NOW)
    override = project.templates_dir / "404.html"
    override.parent.mkdir()
    override.write_text("<!DOCTYPE html><title>gone</title><p>Not here.\n", encoding="utf-8")
    result = build(project, now=NOW)
    assert not result.up_to_date
    assert "Not here." in (result.out_dir / "404.html").read_text(encoding="utf-8")


def test_a_new_day_in_the_sites_time_zone_builds_again(project: Project) -> None:
    build(project, now=NOW)
    assert build(project, now=NOW + dt.timedelta(hours=1)).up_to_date
    assert not build(project, now=NOW + dt.timedelta(days=1)).up_to_date


def test_a_removed_or_replaced_output_folder_builds_again(project: Project) -> None:
    site = build(project, now=NOW).out_dir
    shutil.rmtree(site)
    assert not build(project, now=NOW).up_to_date
    assert (site / "index.html").is_file()
    copy = site.with_name("copy")
    shutil.copytree(site, copy)
    shutil.rmtree(site)
    copy.rename(site)  # the same files, but not the folder the last build wrote
    assert not build(project, now=NOW).up_to_date


def test_force_builds_anyway_and_drafts_are_another_build(project: Project) -> None:
    build(project, now=NOW)
    assert not build(project, now=NOW, force=True).up_to_date
    assert not build(project, now=NOW, drafts=True).up_to_date
    assert build(project, now=NOW, drafts=True).up_to_date


def test_a_failed_build_leaves_no_record_to_trust(project: Project) -> None:
    build(project, now=NOW)
    tags = project.content_dir / "tags.yaml"
    good = tags.read_bytes()
    tags.write_bytes(good + b"\n  : broken\n")
    with pytest.raises(Exception):  # noqa: B017 - any content error
        build(project, now=NOW)
    tags.write_bytes(good)
    assert not build(project, now=NOW).up_to_date


def test_the_command_says_the_site_is_up_to_date(project: Project) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(NOW.timestamp()))}
    command = [sys.executable, "-m", "builder", "build", "--project", str(project.root)]
    first = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "is up to date: nothing changed since the last build" in again.stdout
    forced = subprocess.run(
        [*command, "--force"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert forced.stdout.startswith("built ")


def test_the_program_leaves_the_cycle_collector_off_once_it_has_built(project: Project) -> None:
    """`digest build` as a program (cli.run) ends as the build returns: Python's cycle
    collector, switched on again, would scan the build's objects once more for nothing. The
    command called from Python (cli.main) leaves the collector on."""
    script = (
        "import gc, os, sys\n"
        "import builder.cli as cli\n"
        "leave = os._exit\n"
        "os._exit = lambda code: (print('collector', gc.isenabled(), flush=True), leave(code))\n"
        "sys.argv = ['digest', 'build', '-q', '--project', sys.argv[1]]\n"
        "cli.run()\n"
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(NOW.timestamp()))}
    ran = subprocess.run(
        [sys.executable, "-c", script, str(project.root)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout == "collector False\n"
    from builder import cli

    assert cli.main(["build", "-q", "--force", "--project", str(project.root)]) == 0
    assert gc.isenabled()
