"""Reader-facing output: page weight, the Ukrainian interface, JSON Feed, the feeds page,
archived copies, charts and search records (the browser tests are in test_browser.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote

import feedparser
import pytest
from interface_words import latin_words
from right_to_left import ARABIC, DARI, DAY, ENGLISH, PERSIAN, add_right_to_left

from builder import charts, i18n, reading, search
from builder.build import build, load
from builder.model import headline_anchor
from builder.project import Project
from builder.reader import parse_day

ROOT = Path(__file__).resolve().parent.parent
FULL = ROOT / "tests" / "sites" / "full"
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402
from bench.weights import DAY_BUDGET, day_weight_of_generated  # noqa: E402


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("full")
    shutil.copytree(FULL / "content", work / "content")  # a build leaves a cache beside it
    build(Project.find(work), work / "site")
    return work / "site"


@pytest.fixture(scope="module")
def ukrainian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("uk") / "project"
    shutil.copytree(FULL, project)
    site_yaml = project / "content" / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8").replace("language: en", "language: uk")
    site_yaml.write_text(text, encoding="utf-8")
    out = project / "site"
    build(Project.find(project), out)
    return out


def test_day_page_of_30_headlines_is_under_the_weight_budget() -> None:
    assert day_weight_of_generated(30) < DAY_BUDGET


def test_the_stylesheet_is_written_minified_and_named_by_its_own_bytes(full: Path) -> None:
    """Readers get the theme's rules without its comments and spaces, in a file whose name
    holds the hash of the bytes written (a stale cached copy is never taken for it)."""
    theme = (ROOT / "templates" / "static" / "style.css").read_text(encoding="utf-8")
    [written] = (full / "static").glob("style.*.css")
    css = written.read_text(encoding="utf-8")
    assert "/*" in theme and "/*" not in css and "\n" not in css
    assert len(css.encode()) < 0.9 * len(theme.encode())
    assert hashlib.sha256(css.encode()).hexdigest()[:10] == written.name.split(".")[1]
    assert css.count("{") == theme.count("{")
    packed = "".join(css.split())
    for selector, declaration in re.findall(r"^(\.[a-z-]+) \{ ([^;}]+);", theme, re.MULTILINE):
        assert selector + "{" + "".join(declaration.split()) in packed, (selector, declaration)
    page = (full / "2024/01/02/index.html").read_text(encoding="utf-8")
    assert f'href="/static/{written.name}"' in page


def test_a_digests_own_stylesheet_keeps_its_licence_comment(tmp_path: Path) -> None:
    """A stylesheet a digest brings is minified too, but a `/*! ... */` comment, as a
    licence is written, stays."""
    shutil.copytree(FULL / "content", tmp_path / "content")
    static = tmp_path / "templates" / "static"
    static.mkdir(parents=True)
    (static / "style.css").write_text(
        "/*! Theme (c) 2024 Someone, MIT licence */\n/* our notes */\nbody { color: red; }\n",
        encoding="utf-8",
    )
    build(Project.find(tmp_path), tmp_path / "site")
    [written] = (tmp_path / "site" / "static").glob("style.*.css")
    assert written.read_text("utf-8") == "/*! Theme (c) 2024 Someone, MIT licence */body{color:red}"


def test_ukrainian_site_has_ukrainian_interface_dates_and_lang(ukrainian: Path) -> None:
    page = (ukrainian / "2024/01/02/index.html").read_text(encoding="utf-8")
    assert '<html lang="uk">' in page
    assert "Перейти до змісту" in page
    assert "січня 2024" in page
    assert "архівна копія" in page
    tags = (ukrainian / "tags/frontline/index.html").read_text(encoding="utf-8")
    assert "7 заголовків" in tags
    assert "<title>Теми · " in (ukrainian / "tags/index.html").read_text(encoding="utf-8")


# A digest whose every word is Ukrainian: any Latin word on its pages or in its feeds is
# the interface's, in English on a Ukrainian site. Days of 2024 and 2023 (two search
# bundles), a day without a summary (described by its first titles), labels, a story, a
# place, a tag without a description, corrections, and pages enough for a second of each.
_UKRAINIAN_SITE = {
    "site.yaml": """\
title: "Дайджест війни"
description: "Щоденний дайджест новин про війну."
base_url: "https://digest.example.org/"
language: uk
timezone: Europe/Kyiv
author: "Редакція"
days_per_page: 1
headlines_per_page: 2
""",
    "sources.yaml": """\
pravda:
  name: "Українська правда"
  url: "https://www.pravda.com.ua/"
  language: uk
""",
    "tags.yaml": """\
front:
  name: "Фронт"
dyplomatiia:
  name: "Дипломатія"
  description: "Переговори й візити."
""",
}


def _ukrainian_day(date: str, count: int, extra: str = "", first: str = "") -> str:
    items = "".join(
        f'  - title: "Заголовок номер {n} про обстріли"\n'
        f"    url: https://www.pravda.com.ua/news/{date}/{n}/\n"
        "    source: pravda\n    tags: [front, dyplomatiia]\n    places: [Харків]\n"
        + (first if n == 0 else "")
        for n in range(count)
    )
    return f"---\ndate: {date}\n{extra}headlines:\n{items}---\nКоментар редакції.\n"


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_a_cyrillic_site_shows_no_english_word_of_the_interface(
    tmp_path: Path, language: str
) -> None:
    """Every title, description, label, pager and feed's title of a Ukrainian (or Russian)
    site is in its language: the plan's titles were English (a feed's "Headlines from ...",
    the corrections page, "all headlines", a day's description "...; and 2 more"), and a
    Russian site's whole interface."""
    content = tmp_path / "content"
    (content / "digests" / "2023").mkdir(parents=True)
    (content / "digests" / "2024").mkdir(parents=True)
    for name, text in _UKRAINIAN_SITE.items():
        text = text.replace("language: uk\ntimezone", f"language: {language}\ntimezone")
        (content / name).write_text(text, encoding="utf-8")
    days = {
        "2023/2023-12-30": _ukrainian_day("2023-12-30", 2, 'summary: "Підсумок дня."\n'),
        "2024/2024-01-02": _ukrainian_day(
            "2024-01-02",
            5,
            'updated: "2024-01-03 10:00"\ncorrection: "Виправлено дату."\n',
            "    label: analysis\n    story: obstrily\n",
        ),
        "2024/2024-01-03": _ukrainian_day(
            "2024-01-03",
            3,
            first="    label: unconfirmed\n    story: obstrily\n    note: Примітка *редакції*.\n"
            '    updated: "2024-01-04 09:00"\n    correction: Виправлено назву.\n',
        ),
    }
    for name, text in days.items():
        (content / "digests" / f"{name}.md").write_text(text, encoding="utf-8")
    build(Project.find(tmp_path), tmp_path / "site")
    found = latin_words(tmp_path / "site")
    assert len(found) > 40  # every page and feed was read
    # The names of the feeds' formats and the JavaScript the search needs are no English.
    names = {"RSS", "Atom", "JSON", "Feed", "JavaScript"}
    assert {path: words - names for path, words in found.items() if words - names} == {}


def _right_to_left_site(tmp_path: Path, language: str) -> Path:
    shutil.copytree(FULL / "content", tmp_path / "content")
    add_right_to_left(tmp_path, language)
    build(Project.find(tmp_path), tmp_path / "site")
    return tmp_path / "site"


def _directions(page: str) -> dict[str, tuple[str, str]]:
    """Each right-to-left day's headline's attributes after the class of its title's
    paragraph and of its note ("-" for none), by its link."""
    found = {}
    for url in (PERSIAN, ARABIC, DARI, ENGLISH):
        item = page[page[: page.index(f'href="{url}"')].rindex("<li ") :]
        item = item[: item.index("</li>")]
        title = re.search(r'<p class="headline-title"([^>]*)>', item)
        note = re.search(r'<p class="note"([^>]*)>', item)
        assert title is not None
        found[url] = (title[1], note[1] if note else "-")
    return found


def test_right_to_left_headlines_on_an_english_site_run_right_to_left(tmp_path: Path) -> None:
    """A Persian or Arabic title and note run right to left (their full stops, brackets and
    quotes at the right ends), a language CLDR does not know as its text does; English and
    Ukrainian ones as the page. In feeds too, where the note has markup of its own."""
    site = _right_to_left_site(tmp_path, "en")
    page = (site / DAY / "index.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n')
    assert _directions(page) == {
        PERSIAN: (' dir="rtl"', ' lang="fa" dir="rtl"'),
        ARABIC: (' dir="rtl"', "-"),
        DARI: (' dir="auto"', ' lang="prs" dir="auto"'),
        ENGLISH: ("", ' lang="en"'),
    }
    ukrainian = (site / "2024/01/02/index.html").read_text(encoding="utf-8")
    assert ' dir="' not in ukrainian and ' lang="uk"' in ukrainian
    corrections = (site / "corrections/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="/2024/07/18/#h-[^"]+" lang="ar" dir="rtl">هجوم', corrections)
    assert '">← ' in page  # the earlier day's link, on the left
    feed = feedparser.parse((site / "sources/bbc-persian/rss.xml").read_bytes())
    notes = {entry.link: entry.summary for entry in feed.entries}
    assert '<p dir="rtl">گزارش بی‌بی‌سی فارسی' in notes[PERSIAN]
    assert '<p dir="auto">گزارش به زبان دری' in notes[DARI]
    atom = feedparser.parse((site / "sources/bbc-persian/atom.xml").read_bytes())
    assert {e.link: e.title_detail.language for e in atom.entries} == {
        PERSIAN: "fa",
        DARI: "prs",
    }
    # The content is the site's language (the source's name, the tags), its note marked
    assert {e.content[0].language for e in atom.entries} == {"en"}
    english = feedparser.parse((site / "sources/reuters/atom.xml").read_bytes())
    assert {e.title_detail.language for e in english.entries} == {"en"}  # the feed's


def test_a_right_to_left_site_is_marked_so_and_its_arrows_point_out_of_the_page(
    tmp_path: Path,
) -> None:
    """On a Persian site the page runs right to left, an English headline marked English
    left to right, and the link to the day before, on the right, points right."""
    site = _right_to_left_site(tmp_path, "fa")
    page = (site / DAY / "index.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="fa" dir="rtl">\n')
    assert _directions(page) == {
        PERSIAN: ("", ' lang="fa"'),
        ARABIC: ("", "-"),
        DARI: (' dir="auto"', ' lang="prs" dir="auto"'),
        ENGLISH: (' dir="ltr"', ' lang="en" dir="ltr"'),
    }
    before = re.search(r'<a rel="prev" href="/2024/07/17/">(.) ', page)
    assert before is not None and before.group(1) == "→"
    after = (site / "2024/07/17/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a rel="next" href="/2024/07/18/">[^<]* ←</a>', after)


def test_english_site_keeps_the_english_interface(full: Path) -> None:
    page = (full / "2024/01/02/index.html").read_text(encoding="utf-8")
    assert "Skip to content" in page and "archived copy" in page


def test_every_headline_links_to_an_archived_copy(full: Path) -> None:
    page = (full / "2024/07/14/index.html").read_text(encoding="utf-8")
    assert 'href="https://archive.ph/grain-odesa-1"' in page  # the editor's archive_url
    wayback = "https://web.archive.org/web/20240714/https://www.ukrinform.net/pokrovsk-1"
    assert f'href="{wayback}"' in page


def test_disinformation_link_is_nofollow_and_labelled_before_its_title(full: Path) -> None:
    page = (full / "2023/12/31/index.html").read_text(encoding="utf-8")
    item = page[page.index('class="headline is-disinformation"') :]
    item = item[: item.index("</li>")]
    assert item.index("label-disinformation") < item.index('rel="nofollow"')
    assert "What the labels mean" in page


def test_json_feeds_sit_beside_rss_and_atom_with_the_same_items(full: Path) -> None:
    for rss in full.rglob("rss.xml"):
        feed = json.loads((rss.parent / "feed.json").read_text(encoding="utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["feed_url"].endswith(
            rss.parent.relative_to(full).as_posix().strip(".") and "feed.json"
        )
        ids = [item["id"] for item in feed["items"]]
        assert len(ids) == len(set(ids))
        assert rss.read_text(encoding="utf-8").count("<item>") == len(ids)


def test_rss_plain_text_writes_ampersands_and_angle_brackets_as_hex_references(
    full: Path,
) -> None:
    """The RSS Best Practices Profile: in RSS's plain text (titles, the channel's
    description, categories) "&" and "<" are hexadecimal references, which readers that
    take text for HTML read as text; parsers read the same titles as from Atom."""
    rss = (full / "headlines/rss.xml").read_text(encoding="utf-8")
    assert '<title>Front &#x26; Rear: a "daily" &#x3C;digest&#x3E;: all headlines</title>' in rss
    titles = re.findall(r"<title>(.*?)</title>", rss)
    assert any("&#x3C;Bradley&#x3E;" in title for title in titles)
    assert not any("&lt;" in title or "&amp;" in title for title in titles)
    for folder in ("headlines", "tags/frontline", ""):
        rss_feed = feedparser.parse((full / folder / "rss.xml").read_bytes())
        atom_feed = feedparser.parse((full / folder / "atom.xml").read_bytes())
        assert rss_feed.feed.title == atom_feed.feed.title
        assert [e.title for e in rss_feed.entries] == [e.title for e in atom_feed.entries]
    parsed = feedparser.parse((full / "headlines/rss.xml").read_bytes())
    assert any("<Bradley>" in entry.title for entry in parsed.entries)


def test_json_feeds_are_written_as_json_dumps_with_indent_1_writes_them(
    full: Path, ukrainian: Path
) -> None:
    """Items' JSON is made once and spliced into each feed: the bytes must be exactly what
    the standard encoder gives for the whole feed (key order, indentation, escapes)."""
    checked = 0
    for site in (full, ukrainian):
        for path in site.rglob("feed.json"):
            data = path.read_bytes()
            feed = json.loads(data)
            assert data == (json.dumps(feed, ensure_ascii=False, indent=1) + "\n").encode()
            checked += len(feed["items"]) > 1
    assert checked >= 5


def test_a_subjects_page_names_its_own_feeds_in_every_format(full: Path) -> None:
    """A tag's, source's, place's or story's page names its own feeds in RSS, Atom and JSON
    Feed for a reader to find (<link rel="alternate">), then the digest's; every one exists."""
    for folder in ("tags/frontline", "sources/ukrinform", "places/pokrovsk", "stories/chasiv-yar"):
        page = (full / folder / "index.html").read_text("utf-8")
        named = re.findall(
            r'<link rel="alternate" type="([^"]+)" title="[^"]*" href="/([^"]+)"', page
        )
        assert named == [
            ("application/rss+xml", f"{folder}/rss.xml"),
            ("application/atom+xml", f"{folder}/atom.xml"),
            ("application/feed+json", f"{folder}/feed.json"),
            ("application/rss+xml", "rss.xml"),
            ("application/atom+xml", "atom.xml"),
            ("application/feed+json", "feed.json"),
        ]
        assert all((full / path).is_file() for _, path in named)


def test_feeds_page_links_every_feed_in_every_format(full: Path) -> None:
    page = (full / "feeds/index.html").read_text(encoding="utf-8")
    for rss in full.rglob("rss.xml"):
        folder = "/" + rss.parent.relative_to(full).as_posix().strip(".").strip("/")
        folder = folder.rstrip("/") + "/"
        for name in ("rss.xml", "atom.xml", "feed.json"):
            assert f'href="{folder}{name}"' in page, folder + name


def test_the_feeds_page_links_the_index_of_a_kind_too_many_to_list(tmp_path: Path) -> None:
    """A digest that names every village it reports on has thousands of places, each with
    its feeds: the feeds page (675 KB for 2,026 places) links the places' index instead of
    listing them, and still lists the tags' feeds one by one."""
    project = tmp_path / "project"
    generate(project, days=30, headlines=12, places=150)
    build(Project.find(project), project / "site")
    site = project / "site"
    places = sorted(p.parent.name for p in (site / "places").glob("*/rss.xml"))
    assert len(places) > reading.FEEDS_LISTED_UP_TO
    page = (site / "feeds/index.html").read_text("utf-8")
    assert f'<a href="/places/">Places ({len(places)})</a>' in page
    assert not [slug for slug in places if f"/places/{slug}/" in page]
    tags = sorted(p.parent.name for p in (site / "tags").glob("*/rss.xml"))
    assert tags and all(f'href="/tags/{slug}/atom.xml"' in page for slug in tags)
    place = (site / "places" / places[0] / "index.html").read_text("utf-8")
    assert f'href="/places/{places[0]}/rss.xml"' in place  # its page links its feeds


def test_listing_pages_have_a_chart_with_a_text_alternative(full: Path) -> None:
    page = (full / "tags/frontline/index.html").read_text(encoding="utf-8")
    assert 'role="img" aria-labelledby="chart-caption"' in page
    assert '<figcaption id="chart-caption">Headlines per week' in page


def test_a_listing_says_the_span_of_its_days_or_its_one_day(full: Path) -> None:
    """A subject's page says from which day to which its headlines run; one of a single
    day says that day ("1 headline, June 21, 2024."), not "June 21, 2024 – June 21, 2024"."""
    facts = {}
    for page in sorted(full.glob("*/*/index.html")):
        found = re.search(
            r'<p class="listing-facts">(\d+ headlines?, .*?)\.\n', page.read_text("utf-8")
        )
        if found is not None:
            facts[page.parent.relative_to(full).as_posix()] = re.sub(r"<[^>]+>", "", found[1])
    spans = [fact for fact in facts.values() if " – " in fact]
    single = [fact for fact in facts.values() if " – " not in fact]
    assert spans and single
    for fact in spans:
        first, last = fact.split(", ", 1)[1].split(" – ")
        assert first != last, fact
    assert all(fact.startswith("1 headline, ") or "headlines" in fact for fact in single)


@pytest.mark.parametrize(
    ("language", "headlines", "listed", "paged"),
    [
        ("en", "1,200 headlines", '<span class="count">1,200</span>', "Page 1 of 24"),
        ("uk", "1\u00a0200 заголовків", '<span class="count">1\u00a0200</span>', "Сторінка 1 з 24"),
    ],
)
def test_counts_of_a_thousand_or_more_are_written_as_the_language_writes_numbers(
    tmp_path: Path, language: str, headlines: str, listed: str, paged: str
) -> None:
    """A source of ten years has thousands of headlines: "1,200 headlines" (en), "1 200
    заголовків" (uk, a no-break space), on its page and in the index of sources, not
    "1200"; a page number stays as it is below a thousand."""
    project = tmp_path / "project"
    generate(project, days=40, headlines=30, sources=1)
    site_yaml = project / "content" / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    site_yaml.write_text(text.replace("language: en", f"language: {language}"), encoding="utf-8")
    build(Project.find(project), project / "site")
    (source,) = (project / "site/sources").glob("*/index.html")
    page = source.read_text(encoding="utf-8")
    assert headlines in page and paged in page, page[:3000]
    index = (project / "site/sources/index.html").read_text(encoding="utf-8")
    assert listed in index


def test_every_page_says_which_time_zone_its_times_are_in(full: Path, ukrainian: Path) -> None:
    """A headline's time is the site's zone's ("4:51 PM"), which a reader abroad cannot
    tell: every page's footer names the zone, by its city in the site's language."""
    for page in ("index.html", "2024/07/15/index.html", "tags/frontline/index.html"):
        assert "<p>Times are Kyiv time. Edited by" in (full / page).read_text("utf-8"), page
        assert "<p>Час: Київ. Редагують:" in (ukrainian / page).read_text("utf-8"), page


@pytest.mark.parametrize(
    ("timezone", "said"),
    [
        ("UTC", "Times are UTC."),
        ("Etc/GMT-5", "Times are UTC+5."),  # POSIX's sign: five hours east of Greenwich
        ("Asia/Kolkata", "Times are Kolkata time."),
        ("America/Argentina/Buenos_Aires", "Times are Buenos Aires time."),
        ("Japan", "Times are Tokyo time."),  # an old alias: its city
        ("CET", "Times are CET."),  # rules, not a place
    ],
)
def test_a_zone_is_named_by_its_city_or_its_offset(
    tmp_path: Path, timezone: str, said: str
) -> None:
    shutil.copytree(ROOT / "tests/sites/minimal/content", tmp_path / "content")
    site_yaml = tmp_path / "content" / "site.yaml"
    text = site_yaml.read_text("utf-8")
    site_yaml.write_text(text.replace("timezone: Europe/Kyiv", f"timezone: {timezone}"), "utf-8")
    build(Project.find(tmp_path), tmp_path / "site")
    assert f"<p>{said} Edited by" in (tmp_path / "site/index.html").read_text("utf-8")


def test_chart_counts_every_period_between_first_and_last() -> None:
    days = [dt.date(2024, 6, 1), dt.date(2024, 6, 1), dt.date(2024, 6, 4)]
    chart = charts.activity(days)
    assert chart is not None
    assert chart.unit == "day"
    assert [bar.count for bar in chart.bars] == [2, 0, 0, 1]
    assert chart.peak.start == dt.date(2024, 6, 1)
    long = charts.activity([dt.date(2020, 1, 1), dt.date(2024, 1, 1)])
    assert long is not None and long.unit == "month" and len(long.bars) == 49
    assert charts.activity([]) is None


def test_search_index_and_service_worker_are_built(full: Path) -> None:
    assert (full / "pagefind/pagefind.js").is_file()
    assert not list((full / "pagefind").glob("pagefind-ui.*"))
    worker = (full / "sw.js").read_text(encoding="utf-8")
    assert '"search/"' in worker and '"2024/07/16/"' in worker


def test_the_service_worker_is_new_when_a_static_file_without_a_hash_changes(
    tmp_path: Path,
) -> None:
    """The worker serves static files from its store first: a digest's own logo.png (no
    content hash in its name) changed must make a new worker, or readers keep the old."""
    shutil.copytree(ROOT / "tests/sites/minimal/content", tmp_path / "content")
    logo = tmp_path / "templates/static/logo.png"
    logo.parent.mkdir(parents=True)
    logo.write_bytes(b"\x89PNG one")

    def worker_version() -> str:
        build(Project.find(tmp_path), tmp_path / "site")
        worker = (tmp_path / "site/sw.js").read_text(encoding="utf-8")
        assert '"static/logo.png"' in worker
        found = re.search(r'const VERSION = "digest-([0-9a-f]+)"', worker)
        assert found is not None
        return found.group(1)

    first = worker_version()
    assert worker_version() == first  # the same files: the same worker
    logo.write_bytes(b"\x89PNG two")
    assert worker_version() != first


def _bundle(folder: str, index: int, fragments: int) -> dict[str, bytes]:
    """A search bundle's files: its index (program included) and excerpts, by size."""
    files = {folder + "pagefind-entry.json": b"{}", folder + "index/a.pf_index": b"i" * index}
    files.update({folder + f"fragment/{n}.pf_fragment": b"f" * 1000 for n in range(fragments)})
    return files


@pytest.mark.parametrize(
    ("newest", "archive", "stored"),
    [
        ((300_000, 300), (300_000, 300), ("pagefind/", "pagefind-archive/")),
        ((300_000, 300), (600_000, 500), ("pagefind/",)),
        # Whole or not at all: an index without its excerpts finds what it cannot show.
        ((900_000, 700), (1000, 1), ()),
        # The archive alone is not stored: the newest year's bundle holds the program.
        ((100_000, 1600), (1000, 1), ()),
    ],
)
def test_a_first_visit_stores_whole_search_bundles_within_the_budget(
    newest: tuple[int, int], archive: tuple[int, int], stored: tuple[str, ...]
) -> None:
    files = {**_bundle("pagefind/", *newest), **_bundle("pagefind-archive/", *archive)}
    assert reading.OFFLINE_SEARCH_BYTES == 1_500_000
    paths = reading.offline_search(files)
    assert sorted(paths) == sorted(p for p in files if p.startswith(stored) and stored)
    assert sum(len(files[p]) for p in paths) <= reading.OFFLINE_SEARCH_BYTES


def test_search_has_one_record_a_day_with_each_headline_a_section() -> None:
    loaded = load(Project.find(FULL))
    assert loaded.library is not None
    library = loaded.library
    records = reading.search_records(library)
    assert [r.key for r in records] == [f"{d.date:%Y%m%d}" for d in library.days]
    for record, day in zip(records, library.days, strict=True):
        assert [s.anchor for s in record.sections] == [h.anchor for h in day.headlines]
        assert [s.article_url for s in record.sections] == [h.url for h in day.headlines]
        document = search.record_html(record, "en")
        # Pagefind makes a sub-result of each heading with an id: one per headline, whose
        # id holds its anchor (with its article's language, where not the site's) and its
        # article.
        ids = [html.unescape(i).split("|", 1) for i in re.findall(r'<h2 id="([^"]+)">', document)]
        heads = [head.partition("~") for head, _ in ids]  # "anchor.uk~opinion": a label
        assert [label for _, _, label in heads] == [h.label or "" for h in day.headlines]
        anchors = [head.partition(".") for head, _, _ in heads]
        assert [anchor for anchor, _, _ in anchors] == [h.anchor for h in day.headlines]
        languages = {language for _, _, language in anchors}
        assert languages <= {"", "uk"} and (
            day.date.isoformat() != "2024-01-02" or "uk" in languages
        )
        assert [unquote(article) for _, article in ids] == [h.url for h in day.headlines]
        assert not [article for _, article in ids if re.search(r"[&\"'<>\s]", article)]
        assert "articles" not in document  # no article in what Pagefind indexes


def _day_text(urls: list[str]) -> str:
    items = "".join(
        f'  - title: "On {url.rpartition("/")[2]}"\n    url: {url}\n    source: espreso\n'
        for url in urls
    )
    return f"---\ndate: 2024-06-21\nheadlines:\n{items}---\n"


@pytest.mark.parametrize("fast", [False, True])
def test_a_headline_keeps_its_anchor_when_headlines_are_added_above_it(fast: bool) -> None:
    """A headline's id comes from its URL, not its place: a reader's link to it, a search
    result or the commentary's link still finds it after the editor adds headlines above
    it, and the pages that list it need not change."""
    first = [f"https://example.org/news/{n}" for n in range(3)]
    later = ["https://example.org/news/new", *first[:1], "https://example.org/x", *first[1:]]
    before, problems = parse_day("content/digests/2024/2024-06-21.md", _day_text(first), fast=fast)
    after, again = parse_day("content/digests/2024/2024-06-21.md", _day_text(later), fast=fast)
    assert before is not None and after is not None and problems == again == []
    anchors = {h.url: h.anchor for h in before.day.headlines}
    assert all(re.fullmatch(r"h-20240621-[0-9a-f]{8}", anchor) for anchor in anchors.values())
    assert len(set(anchors.values())) == 3
    moved = {h.url: (h.anchor, h.version) for h in after.day.headlines if h.url in anchors}
    assert moved == {h.url: (h.anchor, h.version) for h in before.day.headlines}
    assert [h.url for h in after.day.headlines] == later  # in the order written


def test_two_urls_whose_hashes_start_alike_get_distinct_anchors_in_any_order() -> None:
    # The first 8 hex digits of these two URLs' hashes are the same (found by search).
    alike = ["https://example.org/news/24464", "https://example.org/news/46146"]
    assert len({headline_anchor(dt.date(2024, 6, 21), url) for url in alike}) == 1
    other = "https://example.org/news/1"
    made = []
    for urls in ([alike[0], other, alike[1]], [alike[1], alike[0], other]):
        day, problems = parse_day("content/digests/2024/2024-06-21.md", _day_text(urls))
        assert day is not None and problems == []
        made.append({h.url: h.anchor for h in day.day.headlines})
    assert made[0] == made[1]  # the order of the headlines does not matter
    assert len(set(made[0].values())) == 3
    assert made[0][other] == headline_anchor(dt.date(2024, 6, 21), other)  # the others keep 8
    assert all(len(made[0][url]) == len("h-20240621-") + 16 for url in alike)


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_every_interface_text_of_the_templates_is_in_the_catalog_and_translated(
    language: str,
) -> None:
    """The texts of the templates and of the plan's titles (builder/pages.py), as `pybabel
    extract -F babel.cfg` finds them, are those of digest.pot, and each language's catalog
    translates each with the same placeholders."""
    from babel.messages.extract import extract_from_dir, extract_from_file
    from babel.messages.frontend import parse_mapping_cfg
    from babel.messages.pofile import read_po

    def singular(msgid: str | tuple[str, ...]) -> str:
        return msgid if isinstance(msgid, str) else msgid[0]

    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options = parse_mapping_cfg(config)
    keywords = {"_": None, "_n": None, "ngettext": (1, 2)}
    found = {
        singular(message[2])
        for message in extract_from_dir(str(ROOT / "templates"), method_map, options, keywords)
    }
    planned = extract_from_file("python", ROOT / "builder" / "pages.py", keywords)
    found |= {singular(message[1]) for message in planned}  # (line, text, comments, context)
    assert "Every correction made to %(site)s, newest first" in found
    locale = ROOT / "builder" / "locale"
    with (locale / "digest.pot").open("rb") as file:
        template = {singular(m.id) for m in read_po(file) if m.id}
    assert found == template
    with (locale / language / "LC_MESSAGES" / "digest.po").open("rb") as file:
        translated = {singular(m.id): m for m in read_po(file) if m.id}
    assert set(translated) == template
    for msgid, message in translated.items():
        assert "fuzzy" not in message.flags, msgid
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), msgid
        for text in strings:
            placeholders = sorted(re.findall(r"%\(\w+\)[sd]|\{\w+\}", text))
            assert placeholders == sorted(set(re.findall(r"%\(\w+\)[sd]|\{\w+\}", msgid))), msgid


# The article's language ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "title_language", "source_language", "expected"),
    [
        ("https://censor.net/en/news/3495986/x", None, "uk", "en"),  # the outlet's edition
        ("https://censor.net/ua/photonews/3496169/x", None, "uk", "uk"),
        ("https://www.pravda.com.ua/eng/news/2024/06/21/1/", None, "uk", "en"),
        ("https://www.rbc.ua/rus/news/x.html", None, "uk", "ru"),
        ("https://nv.ua/ukr/world/x.html", None, "uk", "uk"),
        ("https://www.bbc.com/ukrainian/articles/c1", None, "en", "uk"),
        ("https://www.bbc.com/russian/articles/c1", None, "en", "ru"),
        ("https://www.msn.com/en-gb/news/world/x", None, "de", "en"),
        ("https://en.interfax.com.ua/news/general/995137.html", None, "uk", "en"),
        ("https://de.euronews.com/2024/06/21/x", None, "en", "de"),
        ("https://uk.news.yahoo.com/x.html", None, "en", "en"),  # the United Kingdom's
        ("https://uk.wikipedia.org/wiki/%D0%9A%D0%B8%D1%97%D0%B2", None, "en", "uk"),
        ("https://uk.m.wikipedia.org/wiki/x", None, "en", "uk"),
        ("https://uk.euronews.com/2024/06/21/x", None, "en", "uk"),  # every edition a language
        ("https://www.theguardian.com/uk/2024/jun/21/x", None, "en", "en"),
        ("https://ua.news/x", None, "ru", "ru"),  # the outlet's name, not an edition
        ("https://example.org/it/news/x", None, "en", "en"),  # a section, not Italian
        ("https://kyivindependent.com/x/", "uk", "en", "uk"),  # the title's
        ("https://kyivindependent.com/x/", None, "en", "en"),  # the outlet's
    ],
)
def test_an_articles_language_is_its_address_edition_its_titles_or_its_outlets(
    url: str, title_language: str | None, source_language: str, expected: str
) -> None:
    assert i18n.article_language(url, title_language, source_language) == expected


def test_a_headline_says_its_articles_language_where_it_is_not_the_sites(
    tmp_path: Path,
) -> None:
    """On pages and in feed items, "in Ukrainian" beside the outlet, and hreflang on the
    link; not for the outlet's English edition (censor.net/en/), nor an English outlet."""
    shutil.copytree(ROOT / "content", tmp_path / "content")  # the sample digest
    build(Project.find(tmp_path), tmp_path / "site")
    full = tmp_path / "site"
    day = (full / "2024/06/22/index.html").read_text("utf-8")
    meta = re.findall(r'<a class="source" href="[^"]+">([^<]+)</a>\n(<span>[^<]*</span>)?', day)
    assert ("Censor.NET", "<span>in Ukrainian</span>") in meta
    assert ("Ukrinform", "") in meta
    assert 'hreflang="uk">Second Russian tanker enters Mariupol port' in day
    english_edition = (full / "2024/06/21/index.html").read_text("utf-8")
    assert "Censor.NET</a>\n<a" in english_edition and "in Ukrainian" not in english_edition
    feed = feedparser.parse((full / "headlines" / "rss.xml").read_bytes())
    said = {e.title: "(in Ukrainian)" in e.description for e in feed.entries}
    assert said["Second Russian tanker enters Mariupol port - mayor's adviser"]
    assert not said["Ukraine aims to hold second Peace Summit by late 2024"]
    days = feedparser.parse((full / "rss.xml").read_bytes())  # a day's item lists them all
    june_22 = next(e for e in days.entries if e.link.endswith("/2024/06/22/"))
    assert "(Censor.NET, in Ukrainian)" in june_22.content[0].value
    assert "(Ukrinform)" in june_22.content[0].value
    atom = feedparser.parse((full / "headlines" / "atom.xml").read_bytes())
    hreflang = {e.title: e.links[0].get("hreflang") for e in atom.entries}
    assert hreflang["Second Russian tanker enters Mariupol port - mayor's adviser"] == "uk"
    assert hreflang["Ukraine aims to hold second Peace Summit by late 2024"] is None
