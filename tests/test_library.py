"""The library mended after an edit (the preview's) equals the library made anew.

Random changes to the days of a generated digest — headlines retagged, moved to other
sources, places spelled anew, stories started and ended, days added and removed, only a
commentary changed — must give `update_library` exactly what `build_library` gives, table
order included; and a table it kept as the same object must hold no changed day (the days
of a month or year are kept as the same tuple unless one of them changed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sys
from pathlib import Path

import pytest

from builder.library import Library, build_library, update_library
from builder.model import Day
from builder.project import Project
from builder.reader import read_config, read_days

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.generate import generate


def tables(library: Library) -> dict[str, list[tuple[object, object]]]:
    """Every field of a library as ordered (key, value) pairs, so order is compared too."""
    out = {}
    for field in dataclasses.fields(library):
        value = getattr(library, field.name)
        out[field.name] = list(value.items()) if isinstance(value, dict) else value
    return out


def changed_day(day: Day, rng: random.Random, tags: list[str], sources: list[str]) -> Day:
    kind = rng.choice(["retag", "source", "place", "story", "commentary", "drop", "title"])
    headlines = list(day.headlines)
    if kind == "commentary" or not headlines:
        return dataclasses.replace(day, commentary_html=day.commentary_html + "<p>more</p>")
    if kind == "title":
        return dataclasses.replace(day, title=f"{day.title} (new)")
    index = rng.randrange(len(headlines))
    h = headlines[index]
    if kind == "retag":
        h = dataclasses.replace(h, tags=tuple(rng.sample(tags, rng.randint(0, 3))))
    elif kind == "source":
        h = dataclasses.replace(h, source=rng.choice(sources))
    elif kind == "place":
        spelled = rng.choice(["Kyiv", "KYIV", "Ужгород", "Nowhere Town"])
        h = dataclasses.replace(h, places=(*h.places[:1], spelled))
    elif kind == "story":
        h = dataclasses.replace(h, story=None if h.story else rng.choice(["s-one", "s-two"]))
    if kind == "drop":
        del headlines[index]
    else:
        headlines[index] = h
    return dataclasses.replace(day, headlines=tuple(headlines))


@pytest.mark.parametrize("seed", range(6))
def test_a_mended_library_equals_a_new_one(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    generate(tmp_path, days=40, headlines=12, seed=seed)
    project = Project(tmp_path)
    config, problems = read_config(project)
    assert config is not None and not problems
    files, problems = read_days(project)
    days = {f.day.date: f.day for f in files}
    tags, sources = sorted(config.tags), sorted(config.sources)
    library = build_library(config, days.values())
    for step in range(12):
        for _ in range(rng.choice([0, 1, 1, 2, 5])):
            date = rng.choice(sorted(days))
            action = rng.random()
            if action < 0.15 and len(days) > 3:
                del days[date]
            elif action < 0.3:
                new = max(days) + dt.timedelta(days=rng.randint(1, 3))
                source = days[date]
                days[new] = dataclasses.replace(
                    source,
                    date=new,
                    headlines=tuple(dataclasses.replace(h, date=new) for h in source.headlines),
                )
            else:
                days[date] = changed_day(days[date], rng, tags, sources)
        mended = update_library(library, config, days.values())
        fresh = build_library(config, days.values())
        assert tables(mended) == tables(fresh), step
        dates = {*days, *library.day_index}
        changed = {d for d in dates if library_day(library, d) is not days.get(d)}
        for name in ("by_tag", "by_source", "by_place"):
            for key, headlines in getattr(mended, name).items():
                if headlines is getattr(library, name).get(key):
                    assert not {h.date for h in headlines} & changed, (name, key)
        # A month's or year's days are a new tuple exactly when a changed day is in it.
        for name, period_of in (("months", lambda d: (d.year, d.month)), ("years", _year)):
            for key, period_days in getattr(mended, name).items():
                touched = any(period_of(d) == key for d in changed)
                kept = period_days is getattr(library, name).get(key)
                assert kept != touched, (name, key)
        library = mended


def _year(date: dt.date) -> int:
    return date.year


def library_day(library: Library, date: dt.date) -> Day | None:
    index = library.day_index.get(date)
    return library.days[index] if index is not None else None


def test_an_unchanged_library_keeps_every_table(tmp_path: Path) -> None:
    generate(tmp_path, days=10, headlines=8, seed=1)
    project = Project(tmp_path)
    config, _ = read_config(project)
    assert config is not None
    files, _ = read_days(project)
    library = build_library(config, (f.day for f in files))
    again = update_library(library, config, (f.day for f in files))
    assert again.by_tag is library.by_tag and again.by_place is library.by_place
    assert all(again.stories[k] is library.stories[k] for k in library.stories)


def test_equal_headlines_and_stories_hash_alike_without_hashing_every_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview's memo keys hold stories: hashing one must not hash each of its
    headlines, and a headline hashes by its version (equal headlines, equal versions)."""
    from builder.model import Headline, Story

    generate(tmp_path, days=3, headlines=4, seed=2)
    files, _ = read_days(Project(tmp_path))
    headline = files[0].day.headlines[0]
    copy = dataclasses.replace(headline)
    assert copy == headline and copy is not headline and hash(copy) == hash(headline)
    retitled = dataclasses.replace(headline, title=headline.title + "!")
    assert retitled.version != headline.version
    story = Story("a-story", (headline, copy))
    equal = Story("a-story", (copy, headline))
    monkeypatch.setattr(Headline, "__hash__", lambda self: pytest.fail("a headline hashed"))
    assert story == equal and hash(story) == hash(equal)
