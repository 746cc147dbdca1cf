"""The preview's checks across days (validate.CrossCheck), mended after each save, say
exactly what check_days says of the same day files: random edits make URLs repeat, places
spelled two ways, unknown sources and tags and two files of one date, and undo them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sys
from pathlib import Path

import pytest

from builder import validate
from builder.model import Update
from builder.project import Project
from builder.reader import DayFile, read_config, read_days
from builder.validate import CrossCheck, check_days

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.generate import generate


def edited(day_file: DayFile, rng: random.Random, others: list[DayFile]) -> DayFile:
    day = day_file.day
    if not day.headlines:
        return day_file
    index = rng.randrange(len(day.headlines))
    h = day.headlines[index]
    other = rng.choice(others).day
    kind = rng.choice(["url", "place", "tag", "source", "fresh", "commentary", "clock", "update"])
    if kind == "url" and other.headlines and other.date != day.date:
        h = dataclasses.replace(h, url=rng.choice(other.headlines).url)
    elif kind == "place":
        h = dataclasses.replace(h, places=(rng.choice(["Kyiv", "KYIV", "kyiv", "Lviv"]),))
    elif kind == "tag":
        h = dataclasses.replace(h, tags=(rng.choice(["frontline", "no-such-tag"]),))
    elif kind == "source":
        h = dataclasses.replace(h, source=rng.choice(["no-such-source", h.source]))
    elif kind == "fresh":
        h = dataclasses.replace(h, url=f"https://example.org/fresh/{rng.randint(0, 10**9)}")
    elif kind == "clock":  # Kyiv's clocks went from 03:00 to 04:00 on 2025-03-30
        h = dataclasses.replace(h, time=dt.time(rng.choice([2, 3, 4]), 30))
        day = dataclasses.replace(day, date=dt.date(2025, 3, 30))
    elif kind == "update":  # corrected at a time the clocks skipped, or not
        h = dataclasses.replace(h, update=Update(dt.date(2025, 3, 30), dt.time(3, 10)))
        if rng.random() < 0.5:
            h = dataclasses.replace(h, update=Update(dt.date(2025, 3, 30), dt.time(4, 10)))
    headlines = (*day.headlines[:index], h, *day.headlines[index + 1 :])
    day = dataclasses.replace(day, headlines=headlines, commentary=f"{rng.random()}")

    return dataclasses.replace(day_file, day=day)


@pytest.mark.parametrize("seed", range(5))
def test_mended_checks_say_what_check_days_says(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    generate(tmp_path, days=30, headlines=8, seed=seed)
    project = Project(tmp_path)
    config, _ = read_config(project)
    assert config is not None
    files, problems = read_days(project)
    assert not problems
    original = list(files)
    check = CrossCheck()
    seen_problems = 0
    for step in range(40):
        index = rng.randrange(len(files))
        action = rng.random()
        if action < 0.1:  # all edits undone (git checkout)
            files = list(original)
        elif action < 0.2 and len(files) > 2:
            del files[index]
        elif action < 0.3:  # a second file of an existing date
            copy = files[index]
            path = copy.day.source_path.replace(".md", "-copy.md")
            files.append(
                dataclasses.replace(copy, day=dataclasses.replace(copy.day, source_path=path))
            )
        else:
            files[index] = edited(files[index], rng, files)
        expected = check_days(config, files)
        assert [p.format() for p in check(config, files)] == [p.format() for p in expected], step
        seen_problems += bool(expected)
    assert 0 < seen_problems < 40  # both answers were given


def test_facts_taken_ahead_leave_the_check_only_what_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`take` counts day files ahead (digest watch, when idle): a check then counts only the
    files it was not given before, lets go of those taken and no longer checked, and says
    what check_days says."""
    generate(tmp_path, days=30, headlines=8, seed=7)
    project = Project(tmp_path)
    config, _ = read_config(project)
    assert config is not None
    files, _ = read_days(project)
    check = CrossCheck()
    check.take(files[:-1])
    counted: list[DayFile] = []
    real = validate._facts_of

    def counting(day_file: DayFile) -> object:
        counted.append(day_file)
        return real(day_file)

    monkeypatch.setattr(validate, "_facts_of", counting)
    day = files[3].day
    repeated = dataclasses.replace(day.headlines[0], url=files[0].day.headlines[0].url)
    changed = dataclasses.replace(
        files[3], day=dataclasses.replace(day, headlines=(repeated, *day.headlines[1:]))
    )
    now = [*files[:3], changed, *files[4:]]
    expected = [p.format() for p in check_days(config, now)]
    assert expected  # the URL repeated
    assert [p.format() for p in check(config, now)] == expected
    assert counted == [changed, files[-1]]
    assert [p.format() for p in check(config, files)] == []


def test_a_time_the_clocks_skipped_is_reported_after_a_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Said at once, from the day or two a year the clocks go forward: a warning the
    editor leaves in place does not make every later save check every day again."""
    calls: list[int] = []
    check_days = validate.check_days
    monkeypatch.setattr(validate, "check_days", lambda *a: calls.append(1) or check_days(*a))
    generate(tmp_path, days=5, headlines=3)
    project = Project(tmp_path)
    config, _ = read_config(project)
    assert config is not None
    files, _ = read_days(project)
    check = CrossCheck()
    assert check(config, files) == []
    day = files[0].day
    skipped = dataclasses.replace(day.headlines[1], time=dt.time(3, 15))
    day = dataclasses.replace(
        day, date=dt.date(2025, 3, 30), headlines=(day.headlines[0], skipped, *day.headlines[2:])
    )
    files[0] = dataclasses.replace(files[0], day=day)
    assert [p.format() for p in check(config, files)] == [
        f"{day.source_path}: warning: headlines[1].time: 03:15 did not happen on 2025-03-30 "
        "in Europe/Kyiv: the clocks went forward from 03:00 to 04:00, so feeds read it as "
        "04:15; write the time the clocks showed"
    ]
    assert calls == []
    files[0] = dataclasses.replace(
        files[0], day=dataclasses.replace(day, headlines=(*day.headlines[:1], *day.headlines[2:]))
    )
    assert check(config, files) == []
