"""The error table: `digest check` on every sample site under tests/sites/invalid/.

Each case folder holds a minimal project (content/site.yaml, sources.yaml, tags.yaml and day
files under content/digests/) with one thing wrong, and `expected.txt`: the exact standard
error of `digest check`, one `path:line:col: field: message` line per problem, then the
summary. A case whose `expected.txt` says what the code *should* print, but does not yet, has
an `xfail.txt` giving the reason; it is marked xfail(strict=True), so fixing the code makes
the test pass and pytest asks for the mark to be removed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_tools import run_cli, tree

INVALID = Path(__file__).parent / "sites" / "invalid"

# Cases whose only problem is a warning: `digest check` passes, unless run with --strict.
WARNING_ONLY = {
    "url-on-another-day",
    "tags-as-hashtags",
    "title-with-html-entities",
    "tag-name-with-trailing-comment",
    "time-the-clocks-skipped",
}


def _case_folders() -> list[Path]:
    return sorted(p for p in INVALID.iterdir() if p.is_dir())


def _case_params() -> list[object]:
    params: list[object] = []
    for folder in _case_folders():
        reason = folder / "xfail.txt"
        marks = (
            [pytest.mark.xfail(strict=True, reason=reason.read_text(encoding="utf-8").strip())]
            if reason.exists()
            else []
        )
        params.append(pytest.param(folder, id=folder.name, marks=marks))
    return params


def _copy_case(name: str, tmp_path: Path) -> Path:
    """Copy the project of case `name` into tmp_path; return the project folder."""
    project = tmp_path / name
    shutil.copytree(INVALID / name / "content", project / "content")
    return project


def _expected(name: str) -> str:
    return (INVALID / name / "expected.txt").read_text(encoding="utf-8")


def _day_file(project: Path, name: str = "2024-06-22.md") -> Path:
    return project / "content" / "digests" / "2024" / name


def _repair_unknown_source(project: Path) -> None:
    """Make the copy of case unknown-source valid again: 'esspreso' -> 'espreso'."""
    day = _day_file(project)
    text = day.read_text(encoding="utf-8")
    assert "source: esspreso" in text
    day.write_text(text.replace("source: esspreso", "source: espreso"), encoding="utf-8")


def test_error_table_has_its_cases() -> None:
    names = {p.name for p in _case_folders()}
    assert len(names) >= 60
    assert {"unknown-source", "url-on-another-day", "several-errors-in-several-files"} <= names
    for name in names:
        assert (INVALID / name / "expected.txt").is_file(), name
        assert (INVALID / name / "content").is_dir(), name


@pytest.mark.parametrize("folder", _case_params())
def test_check_prints_exactly_the_expected_problems(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _copy_case(folder.name, tmp_path)
    status, out, err = run_cli(capsys, "check", "--project", str(project))
    assert err == _expected(folder.name)
    if folder.name in WARNING_ONLY:
        assert status == 0
    else:
        assert (status, out) == (1, "")


def test_warning_fails_check_only_with_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _copy_case("url-on-another-day", tmp_path)
    expected = _expected("url-on-another-day")
    assert ": warning: headlines[0].url: " in expected

    assert run_cli(capsys, "check", "--project", str(project)) == (
        0,
        "checked 2 days and 2 headlines: no errors\n",
        expected,
    )
    assert run_cli(capsys, "check", "--strict", "--project", str(project)) == (1, "", expected)


def _to_bom_and_crlf(project: Path) -> None:
    for path in sorted((project / "content").rglob("*")):
        if path.is_file():
            text = path.read_bytes().decode("utf-8")
            assert "\r" not in text
            path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))


def test_byte_order_mark_and_crlf_line_ends_are_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _copy_case("url-on-another-day", tmp_path)
    day = _day_file(project, "2024-06-23.md")
    day.write_text(day.read_text(encoding="utf-8").replace("news/1", "news/2"), encoding="utf-8")
    _to_bom_and_crlf(project)
    assert _day_file(project).read_bytes().startswith(b"\xef\xbb\xbf---\r\ndate: 2024-06-22\r\n")

    assert run_cli(capsys, "check", "--strict", "--project", str(project)) == (
        0,
        "checked 2 days and 2 headlines: no errors\n",
        "",
    )


@pytest.mark.parametrize(
    "name",
    [
        "unknown-source",
        "unknown-field-in-site",
        "control-character-in-commentary",
        "yaml-unquoted-colon-in-title",
        "front-matter-missing",
    ],
)
def test_bom_and_crlf_do_not_shift_lines_or_columns(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _copy_case(name, tmp_path)
    _to_bom_and_crlf(project)
    assert run_cli(capsys, "check", "--project", str(project)) == (1, "", _expected(name))


def test_check_counts_a_single_day_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _copy_case("unknown-source", tmp_path)
    _repair_unknown_source(project)
    assert run_cli(capsys, "check", "--project", str(project)) == (
        0,
        "checked 1 day and 1 headline: no errors\n",
        "",
    )


def test_build_with_errors_exits_1_and_leaves_the_site_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _copy_case("unknown-source", tmp_path)
    broken = _day_file(project).read_bytes()
    refused = (1, "", _expected("unknown-source") + "nothing was written\n")

    # Without a site yet: nothing at all is created.
    assert run_cli(capsys, "build", "--project", str(project)) == refused
    assert sorted(p.name for p in project.iterdir()) == ["content"]

    _repair_unknown_source(project)
    status, out, err = run_cli(capsys, "build", "--project", str(project))
    assert (status, err) == (0, "")
    assert out.startswith("built ")
    site = tree(project / "site")
    assert "index.html" in site and "2024/06/22/index.html" in site
    entries = sorted(p.name for p in project.iterdir())

    _day_file(project).write_bytes(broken)
    assert run_cli(capsys, "build", "--project", str(project)) == refused
    assert tree(project / "site") == site
    assert sorted(p.name for p in project.iterdir()) == entries


@pytest.mark.parametrize("name", sorted(WARNING_ONLY))
def test_a_warning_does_not_stop_a_build_unless_strict(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A warning, in a day file or a configuration file alike, is printed and the site is
    built; `--strict` refuses it and writes nothing. (A warning in tags.yaml once made the
    configuration unreadable: \"1 warning in 1 file, nothing was written\".)"""
    project = _copy_case(name, tmp_path)
    status, out, err = run_cli(capsys, "build", "--project", str(project))
    assert (status, err) == (0, _expected(name))
    assert out.startswith("built ") and (project / "site" / "index.html").is_file()
    shutil.rmtree(project / "site")
    status, out, err = run_cli(capsys, "build", "--strict", "--project", str(project))
    assert (status, out) == (1, "")
    assert err.startswith(_expected(name)) and not (project / "site").exists()
