"""Merge conflicts git leaves in content and templates: refused where they are, never published.

Editors keep the digest in git; two of them editing one day give a conflict on `git pull`,
and git writes both sides into the file between its marker lines. In a commentary those
lines are valid Markdown, in a template valid Jinja2: without a check of its own, digest
published them. The conflicts here are made by real git merges.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from cli_tools import run_cli, tree

from builder.errors import merge_conflicts

MINIMAL = Path(__file__).parent / "sites" / "invalid" / "unknown-source" / "content"
DAY = Path("content/digests/2024/2024-06-22.md")


def _git(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A digest in git, built once, with a branch `evening` whose editor changed the same
    line of the day and of the theme's base template as `main` then does."""
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project / "content")
    day = project / DAY
    day.write_text(day.read_text("utf-8").replace("esspreso", "espreso"), "utf-8")
    base = Path(__file__).parent.parent / "templates" / "base.html"
    (project / "templates").mkdir()
    shutil.copy(base, project / "templates" / "base.html")
    (project / ".gitignore").write_text("site/\n.digest-cache/\n", "utf-8")
    assert _git(project, "init", "-q", "-b", "main").returncode == 0
    assert _git(project, "add", "-A").returncode == 0
    assert _git(project, "commit", "-q", "-m", "the day").returncode == 0
    assert _git(project, "checkout", "-q", "-b", "evening").returncode == 0
    _edit(project, "Fighting went on near Pokrovsk and Toretsk.", "Evening edition")
    assert _git(project, "commit", "-q", "-am", "evening").returncode == 0
    assert _git(project, "checkout", "-q", "main").returncode == 0
    _edit(project, "Fighting went on near Pokrovsk, the General Staff said.", "Morning edition")
    assert _git(project, "commit", "-q", "-am", "morning").returncode == 0
    return project


def _edit(project: Path, sentence: str, footer: str) -> None:
    day = project / DAY
    day.write_text(day.read_text("utf-8").replace("Fighting went on near Pokrovsk.", sentence))
    template = project / "templates" / "base.html"
    text = template.read_text("utf-8")
    assert "</footer>" in text
    template.write_text(text.replace("</footer>", f"<p>{footer}</p>\n</footer>", 1), "utf-8")


def test_a_merge_conflict_is_refused_at_its_lines_and_the_site_is_left_as_it_was(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run_cli(capsys, "build", "--project", str(project))
    assert (status, err) == (0, "")
    site = tree(project / "site")
    merged = _git(project, "merge", "evening")
    assert merged.returncode == 1 and "CONFLICT" in merged.stdout
    day_text = (project / DAY).read_text("utf-8").split("\n")
    template_text = (project / "templates" / "base.html").read_text("utf-8").split("\n")
    day_line = day_text.index("<<<<<<< HEAD") + 1
    template_line = template_text.index("<<<<<<< HEAD") + 1
    assert day_line > 11  # in the commentary, which Markdown would render as it is

    status, out, err = run_cli(capsys, "build", "--project", str(project))
    assert (status, out) == (1, "")
    lines = err.splitlines()
    # The day's problem: the template's would be next, once the content reads cleanly.
    assert lines[0].startswith(f"{DAY.as_posix()}:{day_line}:1: an unresolved merge conflict")
    assert f"to line {day_text.index('>>>>>>> evening') + 1}" in lines[0]
    assert lines[1:] == ["1 error in 1 file", "nothing was written"]
    assert tree(project / "site") == site

    markers = ("<<<<<<<", "=======", ">>>>>>>")  # both sides of the day kept
    (project / DAY).write_text("\n".join(line for line in day_text if not line.startswith(markers)))
    status, out, err = run_cli(capsys, "build", "--project", str(project))
    assert (status, out) == (1, "")
    assert err.splitlines()[0] == (
        f"templates/base.html:{template_line}: template: an unresolved merge conflict, from this "
        f"line to line {template_text.index('>>>>>>> evening') + 1}: keep the lines you want, "
        "delete the others and git's marker lines ('<<<<<<<', '=======', '>>>>>>>'), then save"
    )
    assert tree(project / "site") == site

    # Resolved (their side of the template): built, with no marker on any page.
    assert _git(project, "checkout", "--theirs", "templates/base.html").returncode == 0
    status, out, err = run_cli(capsys, "build", "--project", str(project))
    assert (status, err) == (0, "")
    page = (project / "site" / "2024" / "06" / "22" / "index.html").read_text("utf-8")
    assert "General Staff said." in page and "Toretsk." in page and "Evening edition" in page
    text_files = (".html", ".xml", ".json")
    pages = {
        path: data for path, data in tree(project / "site").items() if path.endswith(text_files)
    }
    assert len(pages) > 30
    assert [path for path, data in pages.items() if b"<<<<<<<" in data or b">>>>>>>" in data] == []


@pytest.mark.parametrize(
    "text",
    [
        "Title\n=======\n\nA setext heading's underline.\n",
        "> quoted\n>>>>>>> deeply quoted, with no conflict before it\n",
        "<<<<<<<<< eight\n=======\n>>>>>>>>> eight\n",
        "A sentence with <<<<<<< HEAD in it.\n",
    ],
)
def test_text_like_a_marker_is_no_conflict(text: str) -> None:
    assert merge_conflicts(text) == []


def test_a_merge_conflict_in_a_static_file_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stylesheet of the digest's own (templates/static/) is published as it is: with a
    conflict in it, the site's style would hold both sides and git's markers."""
    static = project / "templates" / "static"
    static.mkdir()
    (static / "extra.css").write_text(
        "main { margin: 0; }\n<<<<<<< HEAD\na { color: #0b57d0; }\n=======\n"
        "a { color: #174ea6; }\n>>>>>>> evening\n",
        "utf-8",
    )
    expected = (
        "templates/static/extra.css:2:1: static file: an unresolved merge conflict, from this "
        "line to line 6: keep the lines you want, delete the others and git's marker lines "
        "('<<<<<<<', '=======', '>>>>>>>'), then save"
    )
    for command in ("check", "build"):
        status, out, err = run_cli(capsys, command, "--project", str(project))
        assert (status, out) == (1, "")
        assert err.splitlines()[:2] == [expected, "1 error in 1 file"]
    assert not (project / "site").exists()
