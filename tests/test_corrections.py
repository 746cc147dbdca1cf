"""Corrections: `updated` and `correction` on days and headlines, checked, shown on pages,
moving feed items' updated time (not published, not the id), and gathered on a page."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from builder.build import build
from builder.errors import sort_problems
from builder.model import headline_anchor
from builder.pages import last_modified
from builder.project import Project
from builder.reader import parse_day

ROOT = Path(__file__).resolve().parent.parent
PATH = "content/digests/2024/2024-06-22.md"
FORMAT = (
    'write YYYY-MM-DD or "YYYY-MM-DD HH:MM" (24-hour, in the site\'s time zone), '
    'e.g. "2024-06-23 14:30"'
)
NEEDS_DATE = (
    'a correction needs the date it was made; add updated: YYYY-MM-DD or updated: "YYYY-MM-DD '
    'HH:MM" beside it'
)


def day(*extra: str, day_extra: tuple[str, ...] = ()) -> str:
    """A day with one headline at 10:00; `extra` lines go on the headline, from line 8."""
    lines = [
        "date: 2024-06-22",
        *day_extra,
        "headlines:",
        '  - title: "Firefights near Pokrovsk"',
        '    url: "https://example.org/news/1"',
        "    source: espreso",
        '    time: "10:00"',
        *extra,
    ]
    return "---\n" + "".join(f"{line}\n" for line in lines) + "---\nText.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (day('    updated: "2024-06-23 14:30"', "    correction: Fixed."), []),
        (day("    updated: 2024-06-22"), []),  # an update without a correction is allowed
        (day("    updated: 2024-06-23 14:30:00"), []),
        (day("    updated: 2024-06-23 14:30", "    correction: Fixed."), []),
        (
            day("    correction: Fixed."),
            [f"8:17: headlines[0].correction: {NEEDS_DATE}"],
        ),
        (
            day(day_extra=("correction: Fixed.",)),
            [f"3:13: correction: {NEEDS_DATE}"],
        ),
        (
            day('    updated: "2024-06-21 23:00"'),
            [
                "8:14: headlines[0].updated: 2024-06-21 23:00 is before the day's date "
                "2024-06-22; an update comes on or after its day"
            ],
        ),
        (
            day(day_extra=("updated: 2024-06-20",)),
            [
                "3:10: updated: 2024-06-20 is before the day's date 2024-06-22; an update "
                "comes on or after its day"
            ],
        ),
        (
            day('    updated: "2024-06-22 09:59"'),
            [
                "8:14: headlines[0].updated: 2024-06-22 09:59 is before the headline's time "
                "10:00; an update comes after what it updates"
            ],
        ),
        (
            day('    updated: "2024-06-23 24:00"'),
            [
                "8:14: headlines[0].updated: '2024-06-23 24:00' is not a date or a date and "
                f"time; {FORMAT}"
            ],
        ),
        (
            day("    updated: 2024-06-31"),
            [
                "8:14: headlines[0].updated: '2024-06-31' is not a date or a date and time; "
                f"{FORMAT}"
            ],
        ),
        (
            day("    updated: yesterday"),
            [f"8:14: headlines[0].updated: 'yesterday' is not a date or a date and time; {FORMAT}"],
        ),
        (
            day('    updated: "2024-06-23 14:30"', "    correction: '[bad](javascript:alert(1))'"),
            [
                "9:17: headlines[0].correction: the link 'javascript:alert(1)' is not allowed: "
                "links must be absolute http(s) URLs or paths within the site; write an "
                "https:// address or remove the link"
            ],
        ),
        (
            day("    correction: [a, b]"),
            ["8:17: headlines[0].correction: must be text, not a list"],
        ),
    ],
    ids=[
        "date and time",
        "update without correction",
        "unquoted with seconds",
        "unquoted date and time",
        "headline correction without updated",
        "day correction without updated",
        "headline updated before the day",
        "day updated before the day",
        "updated before the headline's time",
        "hour out of range",
        "not a real date",
        "not a date",
        "refused link",
        "correction not text",
    ],
)
def test_update_fields_are_checked(text: str, expected: list[str]) -> None:
    for fast in (False, True):
        _, problems = parse_day(PATH, text, fast=fast)
        assert [p.format() for p in sort_problems(problems)] == [f"{PATH}:{e}" for e in expected]


def test_update_is_read_into_the_model() -> None:
    text = day('    updated: "2024-06-23 14:30"', "    correction: It said *three*.")
    day_file, _ = parse_day(PATH, text, "https://digest.example.org/", fast=True)
    assert day_file is not None
    update = day_file.day.headlines[0].update
    assert update is not None and str(update.moment) == "2024-06-23 14:30:00"
    assert update.correction_html == "It said <em>three</em>."
    assert day_file.day.update is None and day_file.day.last_update == update


# A built site with corrections --------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("corrections")
    shutil.copytree(ROOT / "content", project / "content")
    path = project / "content/digests/2024/2024-06-22.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        '    note: "With DeepState\'s map."\n',
        '    note: "With DeepState\'s map."\n'
        '    updated: "2024-06-23 14:30"\n'
        '    correction: "An earlier version named the village *Shuma*."\n',
        1,
    )
    text = text.replace(
        "headlines:\n", 'updated: 2024-06-24\ncorrection: "Fixed the summary."\nheadlines:\n', 1
    )
    path.write_text(text, encoding="utf-8")
    out = project / "site"
    build(Project.find(project), out)
    return out


def test_headline_feed_item_updated_moves_published_and_id_stay(site: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    build(Project.find(ROOT), plain)
    for name in ("headlines/atom.xml", "headlines/rss.xml", "atom.xml"):
        before = {e.id: e for e in feedparser.parse((plain / name).read_bytes()).entries}
        after = {e.id: e for e in feedparser.parse((site / name).read_bytes()).entries}
        assert before.keys() == after.keys()
        for item_id, entry in after.items():
            if "published" in entry:
                assert entry.published == before[item_id].published
    atom = {
        e.title: e for e in feedparser.parse((site / "headlines/atom.xml").read_bytes()).entries
    }
    corrected = atom["Russia intensifies pressure on Toretsk, captures Shumy village - DeepState"]
    assert corrected.updated == "2024-06-23T14:30:00+03:00"
    assert corrected.published == "2024-06-22T00:00:00+03:00"
    assert "An earlier version named the village <em>Shuma</em>." in corrected.content[0].value
    untouched = atom["[Analysis] Putin finds justification for use of nuclear weapons - ISW"]
    assert untouched.updated == untouched.published
    days = feedparser.parse((site / "atom.xml").read_bytes())
    assert days.entries[0].updated == "2024-06-24T00:00:00+03:00"  # the day's own correction
    assert days.entries[0].published == "2024-06-22T00:00:00+03:00"
    assert days.feed.updated == "2024-06-24T00:00:00+03:00"


def test_json_feed_items_carry_their_corrections_as_atom_does(site: Path) -> None:
    """JSON Feed's items are RSS's and Atom's: a corrected item says its correction and
    when it was made (date_modified, Atom's <updated>); an item never corrected has none."""
    for name in ("headlines", ""):
        folder = site / name
        atom = ET.parse(folder / "atom.xml").getroot().iterfind("{*}entry")
        items = json.loads((folder / "feed.json").read_text(encoding="utf-8"))["items"]
        entries = {e.findtext("{*}id"): e for e in atom}
        assert [item["id"] for item in items] == list(entries)
        for item in items:
            entry = entries[item["id"]]
            assert item["content_html"] == entry.findtext("{*}content"), item["id"]
            modified = item.get("date_modified", item["date_published"])
            assert modified == entry.findtext("{*}updated"), item["id"]
        assert sum("date_modified" in item for item in items) == 1
    headline = json.loads((site / "headlines/feed.json").read_text(encoding="utf-8"))["items"]
    corrected = [item for item in headline if "date_modified" in item]
    assert corrected[0]["date_modified"] == "2024-06-23T14:30:00+03:00"
    assert "An earlier version named the village <em>Shuma</em>." in corrected[0]["content_html"]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _read(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_corrections_page_lists_every_correction_newest_first(site: Path) -> None:
    page = _read(site / "corrections/index.html")
    main = "".join(page.text).split("Corrections", 2)[-1]
    assert main.index("Fixed the summary.") < main.index("An earlier version named the village")
    day = (ROOT / "content" / "digests" / "2024" / "2024-06-22.md").read_text(encoding="utf-8")
    second = re.findall(r'^    url: "(.*)"$', day, flags=re.M)[1]  # the corrected headline
    assert f"/2024/06/22/#{headline_anchor(dt.date(2024, 6, 22), second)}" in page.links
    assert "/2024/06/22/" in page.links
    assert "https://digest.example.org/corrections/" in (site / "sitemap.xml").read_text()


def test_the_sitemap_dates_each_day_by_its_latest_update(site: Path) -> None:
    """A search engine recrawls a page whose lastmod moved: a day's page is dated by its
    latest update (the day's or a headline's), else by its day; a home or listing page by
    its newest day or headline (or its update); pages the plan cannot date (the archive,
    the indexes, whose words change with any day) have no lastmod rather than a wrong one."""
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    entries = {
        url.findtext(f"{namespace}loc"): url.findtext(f"{namespace}lastmod")
        for url in ET.parse(site / "sitemap.xml").getroot()
    }
    base = "https://digest.example.org/"
    assert entries[base + "2024/06/22/"] == "2024-06-24"  # the day's update, after its headline's
    assert entries[base + "2024/06/21/"] == "2024-06-21"
    assert entries[base] == "2024-06-24"  # the newest days, that one's update among them
    assert entries[base + "tags/frontline/"] == "2024-06-23"  # its headline corrected then
    assert entries[base + "tags/military-aid/"] == "2024-06-21"
    assert entries[base + "archive/"] is None and entries[base + "tags/"] is None


@pytest.mark.parametrize(
    ("extra", "day_extra", "expected"),
    [
        ((), (), "2024-06-22"),
        (('    updated: "2024-06-25 09:00"',), ("updated: 2024-06-23",), "2024-06-25"),
        (("    updated: 2024-06-23",), ('updated: "2024-06-24 10:00"',), "2024-06-24"),
    ],
)
def test_a_days_page_last_changed_on_its_latest_update(
    extra: tuple[str, ...], day_extra: tuple[str, ...], expected: str
) -> None:
    day_file, problems = parse_day(PATH, day(*extra, day_extra=day_extra), "https://x.org/")
    assert not problems
    assert last_modified(day_file.day).isoformat() == expected


def test_day_page_shows_its_corrections(site: Path) -> None:
    html = (site / "2024/06/22/index.html").read_text(encoding="utf-8")
    assert (
        '<p class="correction"><strong><a href="/corrections/">Correction</a></strong> '
        '<time datetime="2024-06-23T14:30">June 23, 2024, 2:30\u202fPM</time>: An earlier '
        "version named the village <em>Shuma</em>.</p>"
    ) in html
    assert '<time datetime="2024-06-24">June 24, 2024</time>: Fixed the summary.</p>' in html


def test_corrections_page_without_corrections_says_so(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(Project.find(ROOT), out)
    assert "No corrections yet." in (out / "corrections/index.html").read_text(encoding="utf-8")
