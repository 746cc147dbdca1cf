"""Bounded fuzzing: the day-file reader, a whole project's load and the import parser.

Hypothesis feeds them arbitrary text, arbitrary bytes, YAML-shaped noise and mutations of
the real sample files (bytes flipped, inserted and deleted; lines duplicated, dropped and
swapped). Only digest's own answers may come out: problems from the reader and the load,
an entry list from the importer, MergeError from merging. Any other exception fails.

Bounded: DIGEST_FUZZ_EXAMPLES examples per test (default 60), no deadline.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from builder.build import load
from builder.errors import Problem
from builder.importdays import MergeError, known_headlines, merge_day
from builder.importer import parse_listing
from builder.importmodel import Entry
from builder.project import Project
from builder.reader import DayFile, parse_config, parse_day

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("DIGEST_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
DAY_PATH = "content/digests/2024/2024-06-22.md"
SAMPLE_DAYS = sorted((ROOT / "tests" / "sites" / "full" / "content" / "digests").rglob("*.md"))
SAMPLE_DAYS += sorted((ROOT / "content" / "digests").rglob("*.md"))
SAMPLES = [p.read_bytes() for p in SAMPLE_DAYS]
CONFIGS = {
    name: (ROOT / "tests" / "sites" / "full" / "content" / name).read_bytes()
    for name in ("site.yaml", "sources.yaml", "tags.yaml")
}
LISTING = (
    (ROOT.parent / "shared" / "seed" / "espreso-global-2024-06-14.txt").read_bytes()
    if (ROOT.parent / "shared" / "seed" / "espreso-global-2024-06-14.txt").is_file()
    else (
        "Read also:\n2024, Saturday\n22 June\n09:15 Ukraine's General Staff reports 21 firefights\n"
        "https://global.espreso.tv/news-1\n- [Putin: no talks](https://censor.net/en/news/1)\n"
        "21.06.2024\n12:11 PM - Ukraine strikes 4 refineries — https://www.ukrinform.net/x\n"
        "<ul><li><a href='https://www.pravda.com.ua/news/2'>Удар по Харкову</a></li></ul>\n"
        "Читайте також\nу п'ятницю, 21 червня 2024 року\n"
    ).encode()
)
SOURCES = {"espreso": "https://global.espreso.tv/", "censor": "https://censor.net/"}

# Pieces of YAML, Markdown and listings, to reach further than uniform noise does.
TOKENS = st.sampled_from(
    [
        "---", "\n", "  ", "- ", ": ", "date: ", "2024-06-22", "2024-02-30", "headlines:",
        "title: ", "url: ", "source: ", "tags: ", "places: ", "time: ", "note: ", "label: ",
        "story: ", "updated: ", "correction: ", "draft: true", "[", "]", "{", "}", '"', "'",
        "&a", "*a", "!!python/object:os.system", "<<", "#", "|", ">", "%", "@", "`", "\t",
        "\r\n", "\ufeff", "\x00", "\u2028", "Київ", "https://example.org/a", "javascript:x",
        "[x](javascript:alert(1))", "<script>", "10:00", "1e3", "~", "null", "...",
        "22 June", "2024, Saturday", "21.06.2024", "12:11 PM", "•", "Read also:",
    ]
)  # fmt: skip
noise = st.lists(TOKENS | st.text(max_size=8), max_size=60).map("".join)


def check_day(path: str, text: str) -> None:
    """Parse one day file's text; only a DayFile (or None) and Problems may come back."""
    day_file, problems = parse_day(path, text)
    assert day_file is None or isinstance(day_file, DayFile)
    assert all(isinstance(p, Problem) and p.location.path == path for p in problems)
    for problem in problems:
        problem.format()
    day_file, fast_problems = parse_day(path, text, fast=True)
    assert all(isinstance(p, Problem) for p in fast_problems)


@st.composite
def mutated(draw: st.DrawFn, samples: list[bytes]) -> bytes:
    """A real file with a few bytes or lines flipped, inserted, deleted or moved."""
    data = bytearray(draw(st.sampled_from(samples)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "line"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8) | TOKENS.map(str.encode))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        else:
            lines = bytes(data).split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            operation = draw(st.sampled_from(["duplicate", "drop", "swap"]))
            if operation == "duplicate":
                lines.insert(j, lines[i])
            elif operation == "drop":
                del lines[i]
            else:
                lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
    return bytes(data)


# The day-file reader ------------------------------------------------------------------------


@FUZZ
@given(st.text())
def test_parse_day_answers_any_text_with_problems(text: str) -> None:
    check_day(DAY_PATH, text)


@FUZZ
@given(noise)
def test_parse_day_answers_yaml_shaped_noise_with_problems(text: str) -> None:
    check_day(DAY_PATH, "---\n" + text)
    check_day(DAY_PATH, "---\ndate: 2024-06-22\nheadlines:\n  - " + text + "\n---\n" + text)


@FUZZ
@given(mutated(SAMPLES))
def test_parse_day_answers_mutated_sample_days_with_problems(data: bytes) -> None:
    check_day(DAY_PATH, data.decode("utf-8", errors="surrogateescape"))
    check_day(DAY_PATH, data.decode("utf-8", errors="replace"))


@FUZZ
@given(st.sampled_from(sorted(CONFIGS)), mutated(list(CONFIGS.values())) | noise.map(str.encode))
def test_parse_config_answers_mutated_configuration_with_problems(name: str, data: bytes) -> None:
    texts: dict[str, tuple[str, str | None]] = {
        n: (f"content/{n}", CONFIGS[n].decode()) for n in CONFIGS
    }
    texts[name] = (f"content/{name}", data.decode("utf-8", errors="replace"))
    config, problems = parse_config(texts)
    assert config is not None or problems
    assert all(isinstance(p, Problem) for p in problems)


# A whole project's load, from bytes on disk ----------------------------------------------------


@settings(FUZZ, max_examples=max(EXAMPLES // 3, 10))
@given(st.lists(mutated(SAMPLES) | st.binary(max_size=300), min_size=1, max_size=3))
def test_loading_a_project_of_mutated_files_gives_only_problems(files: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        shutil.copytree(ROOT / "tests" / "sites" / "full" / "content", root / "content")
        folder = root / "content" / "digests" / "fuzz"
        folder.mkdir()
        for number, data in enumerate(files):
            (folder / f"2025-01-{number + 1:02d}.md").write_bytes(data)
        result = load(Project(root))
    assert all(isinstance(p, Problem) for p in result.problems)
    assert (result.library is None) == any(p.is_error for p in result.problems)
    if result.library is not None:
        assert len(result.library.days) >= 7  # the full site's days are all still there


# The import parser --------------------------------------------------------------------------


def check_listing(text: str) -> None:
    listing = parse_listing(text, dt.date(2024, 6, 25), SOURCES, "espreso")
    lines = text.count("\n") + text.count("\r") + 1
    for day in listing.days:
        for entry in day.entries:
            assert isinstance(entry, Entry) and entry.title.strip() == entry.title
            assert 1 <= entry.line <= lines + 1
    for dropped in listing.dropped:
        assert 1 <= dropped.line <= lines + 1


@FUZZ
@given(st.text() | noise)
@example("https://example.org/a\u2028date: ---")  # (a link, then its title after U+2028)
def test_import_parser_reads_any_text(text: str) -> None:
    check_listing(text)


@FUZZ
@given(mutated([LISTING]))
def test_import_parser_reads_a_mutated_real_listing(data: bytes) -> None:
    check_listing(data.decode("utf-8", errors="replace"))


ENTRIES = (
    Entry(1, 'A new headline: "quoted" & <b>', "https://example.org/new", "espreso"),
    Entry(2, "No link yet", "", ""),
)


@FUZZ
@given(mutated(SAMPLES) | noise.map(str.encode))
def test_merging_into_a_mutated_day_merges_or_says_why_not(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    try:
        known_headlines(text)
        merged = merge_day(text, ENTRIES)
    except MergeError as exc:
        assert str(exc)
        return
    assert merged.text == text or len(merged.text) > len(text)


# What fuzzing found -------------------------------------------------------------------------


def test_merging_into_a_day_of_mixed_line_endings_merges() -> None:
    """A first line ending in CRLF, the rest in LF: the day was split at CRLF only, found no
    closing '---' and crashed (StopIteration)."""
    text = '---\r\n\ndate: 2023-12-30\nheadlines:\n  - title: "One"\n    url: https://a.example/1\n'
    text += "    source: kyiv-independent\n---\nText.\n"
    merged = merge_day(text, ENTRIES)
    assert merged.added and len(merged.text) > len(text)
    assert merged.text.startswith("---\r\n\ndate: 2023-12-30\n")
    with pytest.raises(MergeError, match="no front matter"):
        merge_day("---\ndate: 2023-12-30\nheadlines: []\n", ENTRIES)


def test_empty_key_read_by_the_fast_loader_is_reported_not_a_crash() -> None:
    """yaml_rs reads `: x` as the key None, which the checks could not name (TypeError)."""
    text = "---\ndate: 2024-06-22\nheadlines: []\n: x\n---\n"
    for fast in (False, True):
        day_file, problems = parse_day(DAY_PATH, text, fast=fast)
        assert day_file is None
        assert [p.format() for p in problems] == [
            f"{DAY_PATH}:4:1: YAML: YAML syntax error: while parsing a block mapping: did not "
            "find expected key; check the indentation: items of one list or mapping must start "
            "in the same column, and a value that starts with a quote must end with that quote"
        ]


def test_lone_surrogate_is_reported_at_its_line_not_a_crash() -> None:
    """Text decoded with surrogateescape: libyaml could not encode it (UnicodeEncodeError)."""
    text = b"---\ndate: 2024-06-22\ntitle: caf\xe9\nheadlines: []\n---\n".decode(
        "utf-8", errors="surrogateescape"
    )
    day_file, problems = parse_day(DAY_PATH, text, fast=True)
    assert day_file is None
    assert [p.format() for p in problems] == [
        f"{DAY_PATH}:3:11: contains U+DCE9, which is not a character (bytes that are not "
        "UTF-8); save the file as UTF-8"
    ]
