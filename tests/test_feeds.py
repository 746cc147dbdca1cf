"""Feeds of the sample digest, read back with feedparser."""

import json
import re
import shutil
from pathlib import Path
from typing import Any

import feedparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import urls
from builder.build import build
from builder.jsonfeed import pretty
from builder.project import Project

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://digest.example.org/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("feeds")
    shutil.copytree(ROOT / "content", work / "content")  # a build leaves a cache beside it
    build(Project.find(work), work / "site")
    return work / "site"


@pytest.mark.parametrize(
    ("feed", "page"),
    [
        ("rss.xml", ""),
        ("atom.xml", ""),
        ("headlines/rss.xml", ""),
        ("tags/frontline/rss.xml", "tags/frontline/"),
        ("tags/frontline/atom.xml", "tags/frontline/"),
        ("stories/peace-summit/atom.xml", "stories/peace-summit/"),
    ],
)
def test_feed_links_its_page_and_itself(site: Path, feed: str, page: str) -> None:
    parsed = feedparser.parse((site / feed).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.link == BASE + page
    selves = [link.href for link in parsed.feed.links if link.rel == "self"]
    assert selves == [BASE + feed]
    assert (site / page / "index.html").is_file()


def test_site_feed_has_one_full_item_per_day_newest_first(site: Path) -> None:
    parsed = feedparser.parse((site / "atom.xml").read_bytes())
    days = sorted(p.stem for p in (ROOT / "content" / "digests").rglob("*.md"))
    assert [e.link for e in parsed.entries] == [
        f"{BASE}{d[:4]}/{d[5:7]}/{d[8:]}/" for d in reversed(days)
    ]
    first = parsed.entries[0]
    assert first.content[0].type == "text/html"
    assert "https://ukrinform.net/" in first.content[0].value  # the day's headlines are in it
    assert first.published.endswith("+03:00")  # Kyiv summer time, whatever the machine's zone


def test_headline_items_link_the_article_and_keep_distinct_ids(site: Path) -> None:
    parsed = feedparser.parse((site / "headlines" / "rss.xml").read_bytes())
    ids = [e.id for e in parsed.entries]
    assert len(ids) == len(set(ids)) == 12
    assert all(i.startswith("urn:uuid:") for i in ids)
    assert all(not e.link.startswith(BASE) for e in parsed.entries)
    labelled = [e for e in parsed.entries if "nuclear" in e.title]
    assert labelled[0].title.startswith("[Analysis] ")


def test_items_made_once_give_the_bytes_feedgen_makes_each_time(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A headline's item is made once, cut out of feedgen's text, and put into every feed
    that lists it (RSS and Atom alike): the feeds are byte for byte those feedgen makes
    with every item made anew for each feed."""
    from builder import feeds

    made: list[object] = []
    new_entry = feeds.FeedWriter._new_entry

    def counting(writer: feeds.FeedWriter, headline: object) -> object:
        made.append(headline)
        return new_entry(writer, headline)

    monkeypatch.setattr(feeds.FeedWriter, "_new_entry", counting)
    work = tmp_path / "kept"
    shutil.copytree(ROOT / "content", work / "content")
    build(Project.find(work), work / "site")
    listed = sum(f.read_bytes().count(b"<item>") for f in (work / "site").rglob("rss.xml"))
    assert len(made) == len(set(map(id, made))) < listed - 20, "items made again"

    def anew(writer: feeds.FeedWriter, spec: Any) -> dict[str, bytes]:
        """feedgen's text of the whole feed, every item made for it."""
        generator = writer._generator(spec, list(spec.headlines))
        files = {}
        for kind in urls.FEED_FORMATS:
            path = urls.feed(spec.feed_folder, kind)
            generator.link(
                [
                    {"href": writer.renderer.absolute_url(path), "rel": "self"},
                    {"href": writer.renderer.absolute_url(spec.listing_path), "rel": "alternate"},
                ],
                replace=True,
            )
            files[path] = (
                feeds._uri_links(generator.rss_str(pretty=True))
                if kind == "rss"
                else generator.atom_str(pretty=True)
            )
        return files

    monkeypatch.setattr(feeds.FeedWriter, "render", anew)
    plain = tmp_path / "plain"
    shutil.copytree(ROOT / "content", plain / "content")
    build(Project.find(plain), plain / "site")
    names = sorted(p.relative_to(plain / "site") for p in (plain / "site").rglob("*.xml"))
    assert len(names) > 20
    for name in names:
        assert (work / "site" / name).read_bytes() == (plain / "site" / name).read_bytes(), name


def test_rss_links_an_article_in_another_script_by_its_uri(tmp_path: Path) -> None:
    """RSS's <link> is a URI: an article's address with a host or path in another script
    is written in ASCII there (IDNA, percent-encoding), as a feed validator asks; Atom,
    JSON Feed and the pages keep it as written, and every reader reaches the same page."""
    work = tmp_path / "idn"
    shutil.copytree(ROOT / "content", work / "content")
    day = work / "content/digests/2024/2024-06-22.md"
    text = day.read_text("utf-8")
    old = re.search(r'url: "(https://censor\.net[^"]*)"', text)
    assert old is not None
    text = text.replace(old[1], "https://пример.укр/новини/1?q=a&b=ü", 1)
    day.write_text(text, "utf-8")
    build(Project.find(work), work / "site")
    rss = (work / "site/headlines/rss.xml").read_bytes()
    assert (
        b"<link>https://xn--e1afmkfd.xn--j1amh/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/1?q=a&amp;b=%C3%BC</link>"
        in rss
    )
    assert all(link.isascii() for link in re.findall(rb"<link>([^<]*)</link>", rss))
    atom = (work / "site/headlines/atom.xml").read_text("utf-8")
    assert 'href="https://пример.укр/новини/1?q=a&amp;b=ü"' in atom
    links = {e.link for e in feedparser.parse(rss).entries}
    assert (
        "https://xn--e1afmkfd.xn--j1amh/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/1?q=a&b=%C3%BC"
        in links
    )


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(value=_JSON_VALUES, level=st.integers(min_value=0, max_value=3))
def test_json_feed_text_is_laid_out_as_json_dumps_lays_it_out(value: object, level: int) -> None:
    # Any text (quotes, backslashes, control characters, line separators, emoji), empty
    # and nested lists and mappings, as they stand `level` levels in.
    expected = json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * level)
    assert pretty(value, level) == expected


def test_a_build_made_once_lets_each_item_go_after_the_last_feed_that_lists_it(
    tmp_path: Path,
) -> None:
    """`digest build` keeps a headline's RSS, Atom and JSON Feed items only until the last
    feed that lists it is written; the preview and the watcher keep them all for their
    next builds. The files are the same either way."""
    from builder.build import Builder
    from builder.model import Headline

    sites = {}
    for once in (True, False):
        work = tmp_path / f"once-{once}"
        shutil.copytree(ROOT / "content", work / "content")
        builder = Builder(Project.find(work), work / "site", parallel=False)
        builder.once = once
        builder.build()
        items, texts = builder.feed_items
        kept = [made for made, _ in texts.values() if isinstance(made, Headline)]
        if once:
            assert items == {} and kept == []
        else:
            assert len(items) == len(kept) > 10
        sites[once] = sorted(
            (p.relative_to(work / "site"), p.read_bytes())
            for p in (work / "site").rglob("*")
            if p.suffix in (".xml", ".json")
        )
    assert sites[True] == sites[False]
