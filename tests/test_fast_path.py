"""The fast YAML path (yaml_rs) never changes what a day file means.

Every day file of every sample site, a generated corpus and generated tricky values are read
both ways; the days, the problems and every message must be the same.
"""

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import schema, yamlio
from builder.reader import parse_day

ROOT = Path(__file__).resolve().parent.parent
DAY_FILES = sorted(
    p
    for base in (ROOT / "content", ROOT / "tests" / "sites")
    for p in base.rglob("*.md")
    if p.name[:4].isdigit()
)


def both_ways(path: str, text: str) -> None:
    exact_file, exact_problems = parse_day(path, text, "https://x.example/")
    fast_file, fast_problems = parse_day(path, text, "https://x.example/", fast=True)
    assert [p.format() for p in fast_problems] == [p.format() for p in exact_problems]
    assert (fast_file.day if fast_file else None) == (exact_file.day if exact_file else None)


def test_the_fast_loader_is_installed() -> None:
    assert yamlio.load_fast("x", "a: 1\n") is not None


@pytest.mark.parametrize("path", DAY_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_sample_day_files_read_the_same_both_ways(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", errors="replace")
    both_ways("content/digests/" + path.name, text)


def test_generated_corpus_reads_the_same_both_ways(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    generate.generate(tmp_path / "corpus", days=20, headlines=30)
    files = sorted((tmp_path / "corpus").rglob("*.md"))
    assert len(files) == 20
    fast_hits = 0
    for path in files:
        text = path.read_text("utf-8")
        both_ways(f"content/digests/{path.name}", text)
        front = text.split("---\n")[1]
        fast_hits += yamlio.load_fast("x", front) is not None
    assert fast_hits >= 10  # the fast path is really taken for plain files


SCALARS = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),
    st.sampled_from(
        [
            "10:00", "1:30:00", "010", "0o17", "1e3", "1_000", ".5", "yes", "No", "on", "~",
            "null", "2024-6-2", "2024-06-22", "2024-02-30", "2024-06-22 10:00", "&a x", "*a",
            "!tag x", "a #b", "a: b", "- x", "[x]", "{x}", "'q'", '"q"', "@x", "`x`", "%x",
            "|", ">", "? x", "<< x", "Часів Яр", "Kharkiv region", "",
            '"a: *b"', "'it''s &x'", '"#1 \\" *x"', '"open', "'open", '"10:00"', "'No'",
        ]
    ),
)  # fmt: skip
FIELDS = st.sampled_from(["title", "url", "source", "time", "note", "label", "story", "language"])


@settings(max_examples=int(os.environ.get("FAST_PATH_EXAMPLES", "300")), deadline=None)
@given(day_title=SCALARS, field=FIELDS, value=SCALARS, tags=st.lists(SCALARS, max_size=3))
def test_tricky_values_read_the_same_both_ways(
    day_title: str, field: str, value: str, tags: list[str]
) -> None:
    lines = ["---", "date: 2024-06-22", f"title: {day_title}", "headlines:"]
    item = {"title": "A headline", "url": "https://example.org/a", "source": "espreso"}
    item[field] = value
    lines.append(f"  - title: {item.pop('title')}")
    lines += [f"    {key}: {text}" for key, text in item.items()]
    lines.append(f"    tags: [{', '.join(tags)}]")
    lines += ["---", "Body."]
    both_ways("content/digests/2024/2024-06-22.md", "\n".join(lines) + "\n")


# URLs near the edges of the quick check: schemes in any case, hosts with and without dots,
# ports, users, brackets, white space, the characters a URL cannot carry, non-ASCII.
URL_PARTS = st.lists(
    st.sampled_from(
        [
            *("http", "HTTPS", "hTtp", "ftp", "://", ":", "/", "//", "?", "#", "@", ".", "-"),
            *("..", "example", "org", "a", "1", "80", "99999", "[", "]", "%20", "ü", "Ё", " "),
            *("\t", '"', "<", ">", "\\", "^", "`", "{", "|", "}", "x=1&y=2", "\x00", "\u2028"),
        ]
    ),
    max_size=12,
).map("".join)


HOSTS = st.lists(
    st.sampled_from(["a", "example", "org", ".", "-", ":", "80", "99999", "@", "[", "]", "ü", " "]),
    min_size=1,
    max_size=6,
).map("".join)
URLS = st.builds(
    "{}://{}{}".format, st.sampled_from(["http", "https", "HTTP", "ftp", ""]), HOSTS, URL_PARTS
)


@settings(max_examples=3000, deadline=None)
@given(url=st.one_of(URL_PARTS, URLS, st.text()))
def test_the_quick_url_check_answers_as_the_full_one(url: str) -> None:
    assert schema.url_problem(url) == schema.examined_url_problem(url)


def test_plain_article_urls_take_the_quick_check() -> None:
    """Most links never reach urlsplit (the quick check is the point)."""
    for url in ("https://www.pravda.com.ua/eng/news/2024/06/22/7461234/", "http://a.b/?q=1#x"):
        assert schema._PLAIN_URL.fullmatch(url)
