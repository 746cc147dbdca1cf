"""Many problems at once: a tag renamed in tags.yaml before the days that use it.

`digest build`, `serve` and `watch` report the first problems in full (errors.SHOWN) and
then say how many more there are and what they say; only those shown need their lines,
so only their files are read again exactly. `digest check` lists every problem, placed.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from builder import build
from builder.cli import main
from builder.errors import SHOWN, Location, Problem, Severity, report_lines
from builder.project import Project

MINIMAL = Path(__file__).parent / "sites" / "minimal"
DAYS = SHOWN + 10
# path:line:col: field: message, as `check` prints a problem it placed
PLACED = re.compile(r"^content/digests/[^:]+\.md:\d+:\d+: ")


def _project(tmp_path: Path, days: int = DAYS, tag: str = "frontline", url: str = "") -> Path:
    """A digest of `days` days, each headline tagged `tag`; with `url`, every day's second
    headline links to it (the first day's is where the others point)."""
    project = tmp_path / "digest"
    shutil.copytree(MINIMAL / "content", project / "content")
    (project / "content" / "digests" / "2024" / "2024-06-22.md").unlink()
    first = dt.date(2024, 1, 1)
    for number in range(days):
        date = first + dt.timedelta(days=number)
        second = (
            f'  - title: "The same article, day {number}"\n'
            f'    url: "{url}"\n'
            "    source: ukrinform\n"
            if url
            else ""
        )
        path = project / "content" / "digests" / f"{date.year} days" / f"{date}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "---\n"
            f"date: {date}\n"
            f'title: "Day {number}"\n'
            "headlines:\n"
            f'  - title: "Headline of day {number}"\n'
            f'    url: "https://www.ukrinform.net/{number}"\n'
            "    source: ukrinform\n"
            f"    tags: [{tag}]\n"
            f"{second}"
            "---\n"
            f"Commentary of day {number}.\n",
            encoding="utf-8",
        )
    return project


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    capsys.readouterr()
    status = main(list(args))
    return status, capsys.readouterr().err.splitlines()


def test_build_shows_the_first_problems_placed_and_sums_up_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, tag="front-line")  # tags.yaml names it "frontline"
    status, err = _run(capsys, "build", "--project", str(project))
    assert status == 1
    message = (
        "headlines[0].tags[0]: unknown tag 'front-line' (did you mean 'frontline'?); "
        "use one of the ids in content/tags.yaml or add it there"
    )
    first = [f"content/digests/2024 days/2024-01-{day:02}.md:8:12: {message}" for day in (1, 2)]
    assert err[:2] == first
    assert all(PLACED.match(line) for line in err[:SHOWN]), err[:SHOWN]
    assert err[SHOWN:] == [
        f"... and {DAYS - SHOWN} more, not shown (`digest check` lists them all)",
        f"    {DAYS - SHOWN} more: unknown tag 'front-line' (did you mean 'frontline'?); "
        "use one of the ids in content/tags.yaml or add it there",
        f"{DAYS} errors in {DAYS} files",
        "nothing was written",
    ]
    # `digest check` lists them all, each placed, the first ones as build showed them, then
    # (at the end of the terminal, where the editor looks) what they say most often
    status, listed = _run(capsys, "check", "--project", str(project))
    assert status == 1
    assert listed[-3:] == [
        "said most often:",
        f"    {DAYS} times: unknown tag 'front-line' (did you mean 'frontline'?); "
        "use one of the ids in content/tags.yaml or add it there",
        f"{DAYS} errors in {DAYS} files",
    ]
    assert len(listed) == DAYS + 3
    assert all(PLACED.match(line) for line in listed[:-3]), listed
    assert listed[:SHOWN] == err[:SHOWN]


def test_the_files_of_problems_not_shown_are_not_read_again(tmp_path: Path) -> None:
    project = Project(_project(tmp_path, tag="front-line"))
    shown = build.load(project, placed=SHOWN).problems
    every = build.load(project).problems
    assert len(shown) == len(every) == DAYS
    placed = [p for p in shown if p.location.line is not None]
    assert placed == sorted(every, key=Problem.sort_key)[:SHOWN]  # as `check` has them
    assert all(p.location.line is not None for p in every)
    assert {p.location.path for p in shown if p.location.line is None} == {
        p.location.path for p in sorted(every, key=Problem.sort_key)[SHOWN:]
    }


def test_a_warning_shown_places_the_day_it_points_at(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Every day but the first repeats the first day's link: warnings that name the first
    # day's file, which has no problem of its own, and the line there.
    project = _project(tmp_path, url="https://www.ukrinform.net/same")
    status, err = _run(capsys, "build", "--project", str(project), "--out", str(tmp_path / "o"))
    assert status == 0
    first = "content/digests/2024 days/2024-01-01.md:10"
    warnings = err[:SHOWN]
    assert all(PLACED.match(line) for line in warnings), warnings
    assert all(line.endswith(f"({first}); is it the same article twice?") for line in warnings)
    assert (
        err[SHOWN] == f"... and {DAYS - 1 - SHOWN} more, not shown (`digest check` lists them all)"
    )
    assert err[-1] == f"{DAYS - 1} warnings in {DAYS - 1} files"


def test_report_lines_sum_up_what_the_problems_not_shown_say() -> None:
    def problem(path: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
        return Problem(Location(path, 1, 1), "title", message, severity)

    problems = [
        *(problem(f"b{n:02}.md", "often") for n in range(5)),
        *(problem(f"c{n:02}.md", "less often") for n in range(3)),
        *(problem(f"d{n:02}.md", "a warning", Severity.WARNING) for n in range(2)),
        problem("e.md", "once"),
        problem("a.md", "first"),
    ]
    lines = report_lines(problems, shown=2)
    assert lines == [
        "a.md:1:1: title: first",
        "b00.md:1:1: title: often",
        "... and 10 more, not shown (`digest check` lists them all)",
        "    4 more: often",
        "    3 more: less often",
        "    2 more: warning: a warning",
        "10 errors in 10 files, 2 warnings in 2 files",
    ]
    assert report_lines(problems) == [  # 12 problems: no more than a screen
        *(p.format() for p in sorted(problems, key=Problem.sort_key)),
        "10 errors in 10 files, 2 warnings in 2 files",
    ]
    # More than SHOWN: what they say most often follows them.
    many = [*problems, *(problem(f"f{n:02}.md", "often") for n in range(SHOWN))]
    assert report_lines(many)[len(many) :] == [
        "said most often:",
        f"    {5 + SHOWN} times: often",
        "    3 times: less often",
        "    2 times: warning: a warning",
        f"{10 + SHOWN} errors in {10 + SHOWN} files, 2 warnings in 2 files",
    ]
    assert report_lines(problems, shown=len(problems)) == report_lines(problems)
    assert report_lines([], shown=2) == []


def test_days_read_quickly_are_checked_as_days_read_exactly(tmp_path: Path) -> None:
    """The checks across days find the same problems in a day read by the quick loader
    (which knows no lines, and is checked headline by headline) as in one read exactly:
    an unknown tag, a link another day has, a place spelled two ways, each in a
    headline of its own among good ones."""
    from builder.reader import read_config, read_days
    from builder.validate import check_days

    project = _project(tmp_path, days=4, url="https://www.ukrinform.net/same")
    last = project / "content" / "digests" / "2024 days" / "2024-01-04.md"
    text = last.read_text("utf-8").replace("tags: [frontline]", "tags: [frontline, front-line]")
    text = text.replace(
        "---\nCommentary",
        '  - title: "Kyiv"\n    url: "https://www.ukrinform.net/kyiv"\n    source: ukrinform\n'
        '    places: ["Kyiv"]\n  - title: "Kiev"\n    url: "https://www.ukrinform.net/kiev"\n'
        '    source: ukrinform\n    places: ["kyiv"]\n---\nCommentary',
    )
    last.write_text(text, "utf-8")
    config, problems = read_config(Project(project))
    assert config is not None and not problems

    def found(exact: bool) -> list[tuple[str, str, str, Severity]]:
        days, problems = read_days(Project(project), exact=exact)
        assert not problems and all(d.exact == exact for d in days)
        return [
            (p.location.path, p.field, re.sub(r"(\.md):\d+", r"\1", p.message), p.severity)
            for p in sorted(check_days(config, days), key=Problem.sort_key)
        ]

    quick = found(exact=False)
    assert quick == found(exact=True)
    fields = {field for path, field, _, _ in quick if path.endswith("2024-01-04.md")}
    assert fields == {"headlines[0].tags[1]", "headlines[1].url", "headlines[3].places[0]"}
