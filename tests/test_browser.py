"""The built site in a real headless Chromium: axe-core on every kind of page, search, screenshots.

Debian's Chromium (/usr/bin/chromium) driven by Playwright for Python, never a browser that
Playwright downloads; axe-core from the npm registry (scripts/test.sh installs both and sets
CHROMIUM and AXE_JS). The site is served from a thread on 127.0.0.1; every request to any
other host is blocked and recorded, and the tests assert there was none. Screenshots at
360 px and 1280 px go to test-artifacts/screenshots/ (or $DIGEST_ARTIFACTS). Outside CI the
tests are skipped when a tool is missing; in CI (CI=true) a missing tool fails them. The
tools, the server and the guarded contexts are in tests/browser_tools.py.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_tools import axe_path, guarded, launched_chromium, serve_folder
from right_to_left import ARABIC, DARI, DAY, ENGLISH, PERSIAN, add_right_to_left

from builder import reading
from builder.build import build
from builder.model import headline_anchor
from builder.project import Project

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("DIGEST_ARTIFACTS", ROOT / "test-artifacts")) / "screenshots"

# One page of every kind, in the full test site (its Ukrainian headline, labels, stories).
PAGES = {
    "home": "",
    "day": "2024/01/02/",
    "month": "2024/01/",
    "year": "2024/",
    "archive": "archive/",
    "tag": "tags/frontline/",
    "source": "sources/ukrinform/",
    "place": "places/pokrovsk/",
    "story": "stories/chasiv-yar/",
    "tags": "tags/",
    "feeds": "feeds/",
    "search": "search/",
    "404": "404.html",
    "offline": "offline.html",
}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Build the full test site and serve it on 127.0.0.1; yield its address."""
    work = tmp_path_factory.mktemp("browser")
    shutil.copytree(ROOT / "tests" / "sites" / "full" / "content", work / "content")
    out = work / "site"
    build(Project.find(work), out)
    with serve_folder(out) as address:
        yield address


@pytest.fixture(scope="module")
def chromium() -> Iterator[tuple[Any, str]]:
    """Yield one headless Chromium for the module, and the axe-core source."""
    axe = axe_path()
    with launched_chromium() as instance:
        yield instance, Path(axe).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser(chromium: tuple[Any, str]) -> Iterator[tuple[Any, list[str], str]]:
    """Yield a context that reaches only 127.0.0.1 (no service worker, so every test sees
    the served files), the list of requests it blocked and the axe-core source."""
    instance, axe_source = chromium
    blocked: list[str] = []
    context = guarded(instance, blocked, service_workers="block")
    yield context, blocked, axe_source
    context.close()


def _axe(page: Any, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    # WCAG 2.2 AA target size too (axe leaves it off by default): readers tap on phones.
    result = page.evaluate(
        "async () => await axe.run(document, {rules: {'target-size': {enabled: true}}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


def test_every_kind_of_page_has_no_axe_violations_in_light_and_dark_and_on_a_phone(
    browser: tuple[Any, list[str], str], served: str
) -> None:
    context, blocked, axe_source = browser
    page = context.new_page()
    problems = {}
    for scheme, width in (("light", 1280), ("dark", 1280), ("light", 360)):
        page.emulate_media(color_scheme=scheme)
        page.set_viewport_size({"width": width, "height": 800})
        for kind, path in PAGES.items():
            page.goto(served + path)
            found = _axe(page, axe_source)
            if found:
                problems[f"{kind} ({scheme}, {width} px)"] = found
    page.close()
    assert problems == {}
    assert blocked == []


def test_a_long_index_under_first_letters_has_no_axe_violations_and_its_links_lead_there(
    browser: tuple[Any, list[str], str], tmp_path: Path
) -> None:
    """The benchmark's 80 places are listed under their first letters, with a row of
    links to each letter: taps of 24 px at least on a phone, in light and dark, narrow
    letters too ("І", "Ї"); a letter's link brings its heading into view."""
    sys.path.insert(0, str(ROOT))
    from bench.generate import generate

    generate(tmp_path, days=20, headlines=30, seed=5)
    for day in (tmp_path / "content/digests").glob("*/*.md"):  # І and Ї side by side: narrow
        day.write_text(day.read_text("utf-8").replace("Єнакієве", "Їжакевичі"), "utf-8")
    build(Project.find(tmp_path), tmp_path / "site")
    context, blocked, axe_source = browser
    page = context.new_page()
    problems = {}
    with serve_folder(tmp_path / "site") as address:
        for scheme, width in (("light", 1280), ("dark", 1280), ("light", 360)):
            page.emulate_media(color_scheme=scheme)
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(address + "places/")
            found = _axe(page, axe_source)
            if found:
                problems[f"{scheme}, {width} px"] = found
        heading = page.locator("h2.letter", has_text="Я")
        assert not heading.is_visible() or heading.bounding_box()["y"] > 800  # type: ignore[index]
        page.locator("nav.letters a", has_text="Я").click()
        page.wait_for_function("location.hash.length > 1")
        box = heading.bounding_box()
        assert box is not None and 0 <= box["y"] < 800
    page.close()
    assert problems == {}
    assert blocked == []


# Each headline of the right-to-left day: the direction its title and note run in, and
# whether its title's first line (its label, if any) starts on the left or the right of the
# list.
_DIRECTIONS = """() => [...document.querySelectorAll("li.headline")].map((item) => {
  const list = item.closest("ol").getBoundingClientRect();
  const title = item.querySelector(".headline-title");
  const line = title.firstElementChild.getClientRects()[0];  // a label, else the link
  const note = item.querySelector(".note");
  return {
    url: title.querySelector("a").getAttribute("href"),
    title: getComputedStyle(title).direction,
    note: note ? getComputedStyle(note).direction : null,
    starts: Math.abs(line.left - list.left) < 1 ? "left"
      : Math.abs(line.right - list.right) < 1 ? "right" : "neither",
  };
})"""
_RTL_URLS = {PERSIAN: "rtl", ARABIC: "rtl", DARI: "rtl", ENGLISH: "ltr"}  # Dari: dir="auto"


@pytest.mark.parametrize("language", ["en", "fa"])
def test_right_to_left_text_reads_right_to_left_and_the_page_stays_within_a_phone(
    browser: tuple[Any, list[str], str], tmp_path: Path, language: str
) -> None:
    """Persian, Arabic and Dari headlines run and start on the right, on an English site
    and a Persian one alike, and English ones on the left; a Persian page is mirrored (its
    commentary's rule on the right) and, at 360 px, neither scrolls sideways nor breaks an
    axe-core rule, its skip link shown inside the page when focused. Printed, a title's
    address reads left to right. Search results, which do not say their language, take
    their direction from their text."""
    shutil.copytree(ROOT / "tests" / "sites" / "full" / "content", tmp_path / "content")
    add_right_to_left(tmp_path, language)
    build(Project.find(tmp_path), tmp_path / "site")
    context, blocked, axe_source = browser
    page = context.new_page()
    page.set_viewport_size({"width": 360, "height": 800})
    with serve_folder(tmp_path / "site") as address:
        page.goto(address + DAY + "/")
        found = {item.pop("url"): item for item in page.evaluate(_DIRECTIONS)}
        problems = _axe(page, axe_source)
        wide = page.evaluate("document.documentElement.scrollWidth")
        rule = page.evaluate(
            "(() => { const s = getComputedStyle(document.querySelector('.commentary'));"
            " return [s.borderLeftWidth, s.borderRightWidth]; })()"
        )
        page.keyboard.press("Tab")
        skip = page.locator(".skip-link").bounding_box()
        page.emulate_media(media="print")  # a link's address, printed after its title
        printed = page.evaluate(
            "(() => { const s = getComputedStyle(document.querySelector("
            "'li.headline .headline-title a'), '::after');"
            " return [s.direction, s.unicodeBidi]; })()"
        )
        page.emulate_media(media="screen")
        page.goto(address + "search/?q=" + "پهپادی")  # the Persian note's word
        page.wait_for_selector("#search-results li.headline", timeout=15000)
        searched = page.evaluate(
            "[...document.querySelectorAll('#search-results li.headline')].map((item) =>"
            " [item.querySelector('a').href, getComputedStyle(item.firstChild).direction,"
            " getComputedStyle(item.querySelector('.note')).direction])"
        )
    page.close()
    expected = {
        url: {
            "title": direction,
            "note": None if url == ARABIC else direction,
            "starts": "right" if direction == "rtl" else "left",
        }
        for url, direction in _RTL_URLS.items()
    }
    assert found == expected
    assert rule == (["0px", "3px"] if language == "fa" else ["3px", "0px"])
    assert printed == ["ltr", "isolate"]  # an address reads left to right in any title
    # Each headline found: its title and excerpt, both in Persian or Dari.
    assert sorted(searched) == [[url, "rtl", "rtl"] for url in sorted((PERSIAN, DARI))]
    assert wide <= 360
    assert skip is not None and skip["x"] >= 0 and skip["x"] + skip["width"] <= 360
    assert problems == []
    assert blocked == []


# A day of things wider than a phone: a month's losses in twelve columns, addresses and a
# title of one long word, a place of five names joined by hyphens, code.
_WIDE_HEADLINE = """\
  - title: "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft"
    url: "https://www.example.org/a/very/long/path/without/any/spaces/at/all/index.html"
    source: reuters
    tags: [frontline]
    places: [Novooleksandrivka-Krasnohorivka-Kurakhove-Selydove-Ukrainsk]
    note: "See https://www.example.org/a/very/long/path/without/any/spaces/at/all/index.html."
---
Losses by month:

| Month | Tanks | APVs | Artillery | MLRS | Air defence | Aircraft | Helicopters | UAVs |\
 Missiles | Ships | Vehicles |
|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|
| June 2024 | 2,345 | 4,567 | 12,345 | 987 | 654 | 360 | 326 | 10,234 | 2,279 | 28 | 16,789 |

The whole report: <https://www.example.org/a/very/long/path/without/any/spaces/at/all/index.html>

    curl https://www.example.org/a/very/long/path/without/any/spaces/at/all/index.html?format=json
"""


def test_a_day_of_wide_things_stays_within_a_phone_and_its_table_scrolls_in_its_box(
    browser: tuple[Any, list[str], str], tmp_path: Path
) -> None:
    """At 360 px, a day and the tag page with a long title, note, place and commentary do
    not scroll sideways: long words break, the table scrolls in its own box, which a reader
    with a keyboard reaches with Tab and sees focused; axe-core finds nothing, light or
    dark."""
    shutil.copytree(ROOT / "tests" / "sites" / "full" / "content", tmp_path / "content")
    day = tmp_path / "content" / "digests" / "2024" / "2024-07-16.md"
    text = day.read_text(encoding="utf-8")
    day.write_text(text[: text.rindex("---\n")] + _WIDE_HEADLINE, encoding="utf-8")
    build(Project.find(tmp_path), tmp_path / "site")
    context, blocked, axe_source = browser
    page = context.new_page()
    page.set_viewport_size({"width": 360, "height": 800})
    problems, wide = {}, {}
    with serve_folder(tmp_path / "site") as address:
        for path in ("2024/07/16/", "tags/frontline/", ""):
            for scheme in ("light", "dark"):
                page.emulate_media(color_scheme=scheme)
                page.goto(address + path)
                wide[path] = page.evaluate("document.documentElement.scrollWidth")
                found = _axe(page, axe_source)
                if found:
                    problems[f"{path} ({scheme})"] = found
        page.goto(address + "2024/07/16/")
        box = page.evaluate(
            "(() => { const box = document.querySelector('.commentary .wide');"
            " return [box.scrollWidth > box.clientWidth + 300, box.clientWidth <= 360]; })()"
        )
        for _ in range(40):  # Tab through the page's links until the table's box
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('wide')"):
                break
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.activeElement.scrollLeft > 0", timeout=5000)
        page.emulate_media(media="print")  # on paper a box cannot scroll: it shows all
        printed = page.evaluate("getComputedStyle(document.activeElement).overflowX")
    page.close()
    assert wide == {"2024/07/16/": 360, "tags/frontline/": 360, "": 360}
    assert box == [True, True]
    assert outline == "solid"
    assert printed == "visible"
    assert problems == {}
    assert blocked == []


def test_every_kind_of_page_loads_without_a_failed_request(
    browser: tuple[Any, list[str], str], served: str
) -> None:
    """Nothing a page asks for is missing, and each links its icon: without one, browsers
    ask for /favicon.ico, which a static site rarely has (an error on every page)."""
    context, blocked, _ = browser
    page = context.new_page()
    failed: list[str] = []
    asked: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else 0)
    page.on("request", lambda request: asked.append(request.url[len(served) :]))
    for path in PAGES.values():
        page.goto(served + path)
        page.wait_for_load_state("networkidle")
    page.close()
    assert failed == []
    assert [path for path in asked if path.startswith("static/favicon.")]
    assert blocked == []


def test_search_finds_a_headline_and_links_to_its_day_and_article(
    browser: tuple[Any, list[str], str], served: str
) -> None:
    context, blocked, axe_source = browser
    page = context.new_page()
    page.goto(served + "search/")
    page.fill("#search-query", "firefights")
    page.wait_for_selector("#search-results li.headline", timeout=15000)
    day = page.locator("#search-results > li").first  # a day, with its matching headlines
    assert day.locator("h2 a").get_attribute("href") == "/2024/07/14/"
    assert "July 14, 2024" in (day.locator("h2").text_content() or "")
    first = day.locator("li.headline").first
    links = [first.locator("a").nth(i).get_attribute("href") for i in range(2)]
    assert links[0] == "https://www.ukrinform.net/pokrovsk-1"
    anchor = headline_anchor(dt.date(2024, 7, 14), "https://www.ukrinform.net/pokrovsk-1")
    assert links[1] == f"/2024/07/14/#{anchor}"  # its anchor: its URL's, not its place
    assert "firefights" in (first.locator("mark").first.text_content() or "").lower()
    assert _axe(page, axe_source) == []
    page.close()
    assert blocked == []


def test_search_says_which_headlines_link_an_article_in_another_language(
    browser: tuple[Any, list[str], str], served: str
) -> None:
    """A found headline whose article is not in the site's language says so after its day,
    as its page does ("in Ukrainian"); one in the site's language says nothing more."""
    context, blocked, _ = browser
    page = context.new_page()
    metas = {}
    for query in ("Запоріжжя", "firefights"):
        page.goto(served + "search/?q=" + query)
        page.wait_for_selector("#search-results li.headline", timeout=15000)
        for item in page.locator("#search-results li.headline").all():
            url = item.locator(".headline-title a").get_attribute("href") or ""
            metas[url] = item.locator(".headline-meta").text_content() or ""
    ukrainian = "https://www.pravda.com.ua/news/2024/01/02/zaporizhzhia/"
    assert metas.pop(ukrainian) == "on January 2, 2024 · in Ukrainian"
    assert metas and all(meta.startswith("on ") and " · " not in meta for meta in metas.values())
    page.close()
    assert blocked == []


def test_search_labels_a_labelled_headline_as_its_page_does(
    browser: tuple[Any, list[str], str], served: str
) -> None:
    """A found headline labelled disinformation shows its label before its title, its link
    not followed and set lighter, as on its page: a reader never follows it unwarned."""
    context, blocked, axe_source = browser
    page = context.new_page()
    page.goto(served + "search/?q=provocation")
    page.wait_for_selector("#search-results li.headline", timeout=15000)
    found = page.locator("#search-results li.headline").first
    assert found.get_attribute("class") == "headline is-disinformation"
    title = found.locator(".headline-title")
    assert (
        title.text_content()
        == 'Disinformation: Kremlin claims the West is "preparing a provocation"'
    )
    assert title.locator(".label-disinformation").count() == 1
    assert title.locator("a").get_attribute("rel") == "nofollow"
    weight = title.locator("a").evaluate("a => getComputedStyle(a).fontStyle")
    assert weight == "italic"
    page.goto(served + "search/?q=firefights")  # unlabelled: no label, followed
    page.wait_for_selector("#search-results li.headline", timeout=15000)
    assert page.locator("#search-results .label").count() == 0
    assert page.locator("#search-results a[rel]").count() == 0
    assert _axe(page, axe_source) == []
    page.close()
    assert blocked == []


def test_search_loads_the_index_while_the_reader_types(
    browser: tuple[Any, list[str], str], served: str
) -> None:
    """The search page loads Pagefind's program and both bundles' metadata on arrival, so a
    query then fetches only the index chunks and excerpts it needs: on a slow connection
    the program and metadata took seconds after the first keystroke."""
    context, blocked, _ = browser
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url[len(served) :].split("?")[0]))
    page.goto(served + "search/")
    page.wait_for_load_state("networkidle")
    loaded = set(fetched)
    assert {"pagefind/pagefind.js", "pagefind/pagefind-entry.json"} <= loaded
    assert [path for path in loaded if path.startswith("pagefind-archive/") and ".pf_meta" in path]
    fetched.clear()
    page.fill("#search-query", "Odesa")
    page.wait_for_selector("#search-results li.headline", timeout=15000)
    assert fetched, "the query fetched nothing"
    assert all("/index/" in path or "/fragment/" in path for path in fetched), fetched
    page.close()
    assert blocked == []


def test_search_shows_each_day_as_its_excerpt_arrives(
    browser: tuple[Any, list[str], str], served: str
) -> None:
    """Days found are shown in order as their excerpts arrive, not once all have: with every
    excerpt but the first held back, the first day shows, and the others when they come."""
    context, blocked, _ = browser
    page = context.new_page()
    asked: list[str] = []
    held: list[Any] = []

    def hold(route: Any) -> None:
        asked.append(route.request.url)
        if len(asked) == 1:
            route.continue_()
        else:
            held.append(route)

    page.route("**/fragment/**", hold)
    page.goto(served + "search/?q=Odesa")
    page.wait_for_selector("#search-results > li", timeout=15000)
    page.wait_for_timeout(500)
    assert held, "one excerpt only was asked for"
    assert page.locator("#search-results > li").count() == 1
    for route in held:
        route.continue_()
    page.wait_for_function(
        f"document.querySelectorAll('#search-results > li').length === {len(asked)}",
        timeout=15000,
    )
    assert page.text_content("#search-status") == f"Days that match: {len(asked)}"
    page.close()
    assert blocked == []


def test_search_merges_the_newest_year_and_the_earlier_days(
    browser: tuple[Any, list[str], str], served: str
) -> None:
    """The full site spans 2023 and 2024: its search is two Pagefind bundles, merged."""
    context, blocked, _ = browser
    page = context.new_page()
    bundles: set[str] = set()
    page.on("request", lambda r: bundles.add(r.url[len(served) :].split("/")[0]))
    page.goto(served + "search/?q=Odesa")
    page.wait_for_selector("#search-results li.headline", timeout=15000)
    # The count of days shows first; each day follows as its excerpt arrives.
    page.wait_for_function(
        """() => {
            const count = /\\d+/.exec(document.querySelector("#search-status").textContent);
            return count && document.querySelectorAll("#search-results > li").length
                === Number(count[0]);
        }""",
        timeout=15000,
    )
    assert {"pagefind", "pagefind-archive"} <= bundles
    days = page.locator("#search-results > li")
    found = {}
    for index in range(days.count()):
        day = days.nth(index)
        headlines = day.locator("li.headline p.headline-meta a")
        found[day.locator("h2 a").get_attribute("href")] = [
            headlines.nth(i).get_attribute("href") for i in range(headlines.count())
        ]
    assert page.text_content("#search-status") == f"Days that match: {len(found)}"
    # A 2024 day from the newest year's bundle, a 2023 day from the archive's, each with
    # its matching headline, linked on its own day page; the best match first.
    odesa = headline_anchor(dt.date(2024, 7, 14), "https://www.reuters.com/markets/grain-odesa-1")
    attack = headline_anchor(
        dt.date(2023, 12, 30), "https://kyivindependent.com/largest-air-attack"
    )
    assert found["/2024/07/14/"] == [f"/2024/07/14/#{odesa}"]
    assert found["/2023/12/30/"] == [f"/2023/12/30/#{attack}"]
    assert next(iter(found)) == "/2024/07/14/"
    page.goto(served + "2023/12/30/")
    headline = page.locator(f"#{attack}")
    assert headline.count() == 1
    assert headline.locator("a").first.get_attribute("href") == (
        "https://kyivindependent.com/largest-air-attack"
    )
    page.close()
    assert blocked == []


def test_search_query_in_the_address_runs_on_load(
    browser: tuple[Any, list[str], str], served: str
) -> None:
    context, blocked, _ = browser
    page = context.new_page()
    page.goto(served + "search/?q=Odesa")
    page.wait_for_selector("#search-results li", timeout=15000)
    assert page.input_value("#search-query") == "Odesa"
    assert (page.text_content("#search-status") or "").startswith("Days that match: ")
    page.close()
    assert blocked == []


@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_and_no_sideways_scrolling(
    browser: tuple[Any, list[str], str], served: str, width: int
) -> None:
    context, blocked, _ = browser
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    too_wide = []
    for kind in ("home", "day", "tag", "search", "feeds"):
        page.goto(served + PAGES[kind])
        page.screenshot(path=str(ARTIFACTS / f"{kind}-{width}.png"), full_page=True)
        if page.evaluate("document.documentElement.scrollWidth") > width:
            too_wide.append(kind)
    page.close()
    assert too_wide == []
    assert blocked == []


def test_pages_read_without_javascript(chromium: tuple[Any, str], served: str) -> None:
    blocked: list[str] = []
    context = guarded(chromium[0], blocked, java_script_enabled=False)
    page = context.new_page()
    page.goto(served + PAGES["day"])
    assert page.locator("li.headline").count() >= 1
    page.goto(served + PAGES["search"])
    assert "needs JavaScript" in (page.text_content("main") or "")
    context.close()
    assert blocked == []


def test_service_worker_keeps_the_newest_days_and_search_offline(
    chromium: tuple[Any, str], served: str
) -> None:
    blocked: list[str] = []
    context = guarded(chromium[0], blocked)
    page = context.new_page()
    page.goto(served)
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    context.set_offline(True)
    page.goto(served + "2024/07/15/")
    assert "Chasiv Yar" in (page.text_content("main") or "")
    page.goto(served + "search/?q=Odesa")
    page.wait_for_selector("#search-results li", timeout=15000)
    page.goto(served + "tags/frontline/")  # a page not stored: offline, not missing
    assert page.locator("h1").text_content() == "You are offline"
    assert "Page not found" not in (page.text_content("main") or "")
    context.close()
    assert blocked == []


def _stored(page: Any) -> list[str]:
    """Return the paths the service worker's store holds."""
    return page.evaluate(
        """async () => {
          const found = [];
          for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) {
              found.push(new URL(request.url).pathname);
            }
          }
          return found;
        }"""
    )


def test_offline_the_newest_year_is_searched_alone_when_the_archive_is_not_stored(
    chromium: tuple[Any, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first visit stores a search bundle whole or not at all, within a budget: here the
    newest year's fits and the archive's does not. Offline, the newest year is searched
    alone, and the status says so; online again, the archive is merged in."""
    shutil.copytree(ROOT / "tests" / "sites" / "full" / "content", tmp_path / "content")
    out = tmp_path / "site"
    build(Project.find(tmp_path), out)
    newest = sum(f.stat().st_size for f in (out / "pagefind").rglob("*") if f.is_file())
    monkeypatch.setattr(reading, "OFFLINE_SEARCH_BYTES", newest)
    build(Project.find(tmp_path), out, force=True)
    blocked: list[str] = []
    context = guarded(chromium[0], blocked)
    with serve_folder(out) as served:
        page = context.new_page()
        page.goto(served)
        page.evaluate("async () => { await navigator.serviceWorker.ready; }")
        stored = _stored(page)
        assert "/pagefind/pagefind.js" in stored
        assert any(path.startswith("/pagefind/fragment/") for path in stored)
        assert not [path for path in stored if path.startswith("/pagefind-archive/")]
        context.set_offline(True)
        page.goto(served + "search/?q=Pokrovsk")  # in the newest year's days only
        page.wait_for_selector("#search-results li.headline", timeout=15000)
        partial = "Only 2024 is searched: the earlier years could not load."
        assert (page.text_content("#search-status") or "").endswith(" " + partial)
        page.fill("#search-query", "Bradley")  # in the archive's days only
        page.wait_for_function(
            "document.getElementById('search-status').textContent.startsWith('Nothing found')",
            timeout=15000,
        )
        assert (page.text_content("#search-status") or "").endswith(" " + partial)
        context.set_offline(False)
        page.fill("#search-query", "Kremlin")  # in the archive's days only
        page.wait_for_selector("#search-results li.headline", timeout=15000)
        assert page.text_content("#search-status") == "Days that match: 1"
        assert "2023/12/31/" in (page.get_attribute("#search-results h2 a", "href") or "")
    context.close()
    assert blocked == []


def test_search_links_any_article_address_and_matches_no_word_of_it(
    chromium: tuple[Any, str], tmp_path: Path
) -> None:
    """An article's address reaches the search page whole (in the heading's id of its day's
    record, percent-encoded where Pagefind would lose it), and is not indexed: a word only
    in an address finds nothing."""
    shutil.copytree(ROOT / "tests" / "sites" / "full" / "content", tmp_path / "content")
    url = "https://example.org/zebrafinch/новини?id=1&lang=uk&q=%22a%22&x=%25#part"
    (tmp_path / "content" / "digests" / "2024" / "2024-07-18.md").write_text(
        "---\ndate: 2024-07-18\nheadlines:\n"
        f"  - title: Quixotic drone strike on a fuel depot\n    url: '{url}'\n"
        "    source: ukrinform\n---\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    build(Project.find(tmp_path), out)
    blocked: list[str] = []
    context = guarded(chromium[0], blocked, service_workers="block")
    with serve_folder(out) as served:
        page = context.new_page()
        page.goto(served + "search/?q=Quixotic")
        page.wait_for_selector("#search-results li.headline", timeout=15000)
        links = page.locator("#search-results li.headline a")
        anchor = headline_anchor(dt.date(2024, 7, 18), url)
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
            url,
            f"/2024/07/18/#{anchor}",
        ]
        assert page.locator("#search-results li.headline a").first.text_content() == (
            "Quixotic drone strike on a fuel depot"
        )
        page.fill("#search-query", "zebrafinch")
        page.wait_for_function(
            "document.getElementById('search-status').textContent.startsWith('Nothing found')",
            timeout=15000,
        )
        assert page.locator("#search-results li").count() == 0
    context.close()
    assert blocked == []


def _articles_found(instance: Any, address: str) -> list[str]:
    """Search at `address` (the search page and its query), and return the last part of
    each headline's article address that it finds, once every day found is shown."""
    blocked: list[str] = []
    context = guarded(instance, blocked, service_workers="block")
    page = context.new_page()
    page.goto(address)
    page.wait_for_function(  # the count of days, then each day (or that nothing was found)
        """() => {
            const status = document.querySelector("#search-status").textContent;
            const count = /\\d+/.exec(status);
            return count ? document.querySelectorAll("#search-results > li").length
                === Number(count[0]) : status !== "";
        }""",
        timeout=15000,
    )
    links = page.locator("#search-results li.headline .headline-title a")
    articles = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    context.close()
    assert blocked == []
    return [article.rstrip("/").rsplit("/", 1)[1] for article in articles]


# Ukrainian's apostrophe written three ways, as outlets write it (the letter U+02BC,
# U+2019, the keyboard's '), and a transliteration's prime for a soft sign in a note.
_APOSTROPHE_DAY = """\
---
date: 2024-07-18
headlines:
  - title: "Вʼячеслав Гладков заявив про атаку"
    url: "https://www.pravda.com.ua/news/2024/07/18/1/"
    source: ukrainska-pravda
    language: uk
  - title: "Дрон збито поблизу Прип'яті"
    url: "https://www.pravda.com.ua/news/2024/07/18/2/"
    source: ukrainska-pravda
    language: uk
  - title: "Слов’янськ під обстрілом"
    url: "https://www.pravda.com.ua/news/2024/07/18/3/"
    source: ukrainska-pravda
    language: uk
  - title: "Rail hub hit overnight"
    url: "https://www.ukrinform.net/rail-hub-1"
    source: ukrinform
    note: "Near Podilʹsʹk, in the transliteration of the regional report."
  - title: "Alpha\ufeffbom beta\u200bgamma de\u2060lta urchin sighted near the port"
    url: "https://www.ukrinform.net/urchin-1"
    source: ukrinform
---
"""


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("В'ячеслав", "1"),  # the keyboard's apostrophe finds the letter ʼ
        ("В’ячеслав", "1"),
        ("Вʼячеслав", "1"),
        ("Вячеслав", "1"),  # and none at all
        ("Припʼяті", "2"),  # the letter ʼ typed finds the keyboard's '
        ("Припяті", "2"),
        ("Словʼянськ", "3"),
        ("Podilsk", "rail-hub-1"),
        ("Podil'sk", "rail-hub-1"),
    ],
)
def test_search_reads_every_apostrophe_of_a_word_as_one(
    chromium: tuple[Any, str], apostrophes: str, query: str, found: str
) -> None:
    """Ukrainian outlets write the apostrophe as the letter ʼ (U+02BC), as ’ or as ';
    readers type ' or ’, or leave it out. Pagefind took ʼ for a letter of the word: a
    reader who typed the keyboard's apostrophe found nothing."""
    assert _articles_found(chromium[0], apostrophes + "search/?q=" + query) == [found]


def test_search_marks_the_words_found_though_pasted_text_holds_characters_of_no_width(
    chromium: tuple[Any, str], apostrophes: str
) -> None:
    """A title pasted with a byte order mark, a zero width space or a word joiner in it:
    the search marks the word found, not a word one or two before it."""
    blocked: list[str] = []
    context = guarded(chromium[0], blocked, service_workers="block")
    page = context.new_page()
    page.goto(apostrophes + "search/?q=urchin")
    page.wait_for_selector("#search-results li.headline mark", timeout=15000)
    marks = page.locator("#search-results li.headline mark").all_text_contents()
    assert marks and {mark.lower() for mark in marks} == {"urchin"}
    context.close()
    assert blocked == []


@pytest.fixture(scope="module")
def apostrophes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the full test site with the day of apostrophes; yield its address."""
    work = tmp_path_factory.mktemp("apostrophes")
    shutil.copytree(ROOT / "tests" / "sites" / "full" / "content", work / "content")
    day = work / "content" / "digests" / "2024" / "2024-07-18.md"
    day.write_text(_APOSTROPHE_DAY, encoding="utf-8")
    build(Project.find(work), work / "site")
    with serve_folder(work / "site") as address:
        yield address


# A Ukrainian site's headlines, a year apart (the newest year's bundle and the archive's).
_UKRAINIAN_DAYS = {
    "2024/2024-07-18": """\
---
date: 2024-07-18
headlines:
  - title: "Гладков заявив про атаку на Бєлгород"
    url: "https://www.pravda.com.ua/news/2024/07/18/1/"
    source: ukrainska-pravda
  - title: "Окупанти втратили техніку під Покровськом"
    url: "https://www.pravda.com.ua/news/2024/07/18/2/"
    source: ukrainska-pravda
  - title: "Обстріл Слов’янська: поранено п’ятьох людей"
    url: "https://www.pravda.com.ua/news/2024/07/18/3/"
    source: ukrainska-pravda
---
""",
    "2023/2023-12-29": """\
---
date: 2023-12-29
headlines:
  - title: "Удар по Дніпру: зруйновано склад"
    url: "https://www.pravda.com.ua/news/2023/12/29/4/"
    source: ukrainska-pravda
---
""",
}


@pytest.fixture(scope="module")
def ukrainian(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the full test site in Ukrainian, with Ukrainian headlines; yield its address."""
    work = tmp_path_factory.mktemp("ukrainian")
    shutil.copytree(ROOT / "tests" / "sites" / "full" / "content", work / "content")
    site = work / "content" / "site.yaml"
    site.write_text(site.read_text("utf-8").replace("language: en", "language: uk"), "utf-8")
    for name, text in _UKRAINIAN_DAYS.items():
        (work / "content" / "digests" / f"{name}.md").write_text(text, encoding="utf-8")
    build(Project.find(work), work / "site")
    with serve_folder(work / "site") as address:
        yield address


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("атаки", "1"),  # атаку
        ("атака", "1"),
        ("окупантів", "2"),  # окупанти
        ("техніки", "2"),  # техніку
        ("обстрілами", "3 zaporizhzhia"),  # обстріл, and the full site's "Обстріл Запоріжжя"
        ("Слов’янськом", "3"),  # Слов’янська
        ("людям", "3"),  # людей
        ("складу", "4"),  # склад, in the archive's bundle
        ("ударів", "4"),  # удар
        ("Бєлгороді", "1"),  # Бєлгород: the longest word of the index that begins the query's
        ("зброя", ""),  # no word begins so, and the longest that begins it, "з", is no match
        ("атаки зброя", ""),
        # A Latin i typed for Ukrainian's і, as on a Russian keyboard layout.
        ("Запорiжжя", "zaporizhzhia"),
        ("окупантiв", "2"),
        # A day with "Chasiv" and "з": of its headlines, not the one with "з" alone.
        ("Chasiv зброя", "chasiv-yar-fighting-2"),
    ],
)
def test_a_ukrainian_search_finds_a_word_in_any_of_its_forms(
    chromium: tuple[Any, str], ukrainian: str, query: str, found: str
) -> None:
    """Pagefind has no Ukrainian stemmer: a word was found only as it was written (or
    begun), so "атаки" missed "атаку". Indexed with Russian's, which shares most endings.
    A word no word of the index begins, Pagefind matches with the longest word that begins
    it: "зброя" found every day with the preposition "з"; the search page shows no such
    day unless that word is most of the query's."""
    assert sorted(_articles_found(chromium[0], ukrainian + "search/?q=" + query)) == found.split()


def test_the_preview_says_on_the_open_page_that_a_save_is_being_built(
    chromium: tuple[Any, str], tmp_path: Path
) -> None:
    """A save that takes a while to build (a tag renamed on a long digest) is said in a
    corner of the open page until the page reloads with it; one answered at once (here
    with errors) is not, nor is a page left as it was. The words are English, left to
    right, on a page in any language."""
    from builder.serve import PreviewServer

    page_html = (
        '<!DOCTYPE html>\n<html lang="fa" dir="rtl"><head><meta charset="utf-8">'
        "<title>روز</title></head><body><p>روز</p></body></html>\n"
    )
    (tmp_path / "index.html").write_text(page_html, "utf-8")
    server = PreviewServer(tmp_path, "127.0.0.1", 0)
    server.start()
    blocked: list[str] = []
    context = guarded(chromium[0], blocked)
    try:
        page = context.new_page()
        # Whether the note was ever on the page: a quick answer must not flash it.
        page.add_init_script(
            "new MutationObserver(() => { if (document.getElementById('digest-building'))"
            " window.noted = true; }).observe(document, {childList: true, subtree: true});"
        )
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        _wait_for(page, lambda: server.state.streams == 1)
        page.wait_for_timeout(300)  # the stream's first event is in

        server.state.rebuilding()
        server.state.failed("content/digests/2024/2024-07-15.md:3:7: error: date: bad")
        page.wait_for_selector('#digest-errors[role="alert"]', timeout=5_000)
        page.wait_for_timeout(800)
        assert page.evaluate("window.noted === undefined")

        server.state.rebuilding()
        note = page.wait_for_selector('#digest-building[role="status"]', timeout=5_000)
        assert note is not None
        assert note.text_content() == "digest: building the last save\u2026"
        assert note.evaluate("(n) => [n.lang, getComputedStyle(n).direction]") == ["en", "ltr"]
        assert page.query_selector("#digest-errors") is not None  # the errors stay meanwhile

        page.evaluate("window.before = true")
        server.state.built()
        page.wait_for_function("window.before === undefined", timeout=5_000)  # reloaded
        page.wait_for_timeout(800)
        assert page.query_selector("#digest-building") is None
        assert page.query_selector("#digest-errors") is None
        assert blocked == []
    finally:
        context.close()
        server.stop()


def test_the_preview_keeps_reloading_with_the_sites_service_worker_installed(
    chromium: tuple[Any, str], tmp_path: Path
) -> None:
    """The site's service worker (sw.js) answers the preview's pages too: it must leave the
    preview's own requests alone. It took the event stream for a page to store, each reload
    left its stream open, and after a few saves the tab froze and no new tab loaded
    (Chromium's six connections to a host all held)."""
    from serving import Served

    shutil.copytree(ROOT / "tests" / "sites" / "full" / "content", tmp_path / "content")
    day = tmp_path / "content" / "digests" / "2024" / "2024-07-15.md"
    text = day.read_text("utf-8")
    served = Served(tmp_path)
    blocked: list[str] = []
    context = guarded(chromium[0], blocked)  # service workers allowed

    def frozen(signum: int, frame: object) -> None:  # (a frozen tab answers nothing)
        raise TimeoutError("the preview tab froze: its page no longer answers")

    signal.signal(signal.SIGALRM, frozen)
    signal.alarm(150)
    try:
        page = context.new_page()
        address = f"http://127.0.0.1:{served.port}/2024/07/15/"
        page.goto(address)
        page.wait_for_function("!!navigator.serviceWorker.controller", timeout=20_000)
        for save in range(8):
            day.write_text(text + f"\nSave number {save}.\n", "utf-8")
            page.wait_for_function(
                f"document.body && document.body.innerText.includes('Save number {save}.')",
                timeout=20_000,
            )
        other = context.new_page()
        other.goto(address, timeout=10_000)
        assert "Save number 7." in (other.text_content("main") or "")
    finally:
        signal.alarm(0)
        context.close()
        assert served.stop() == 0
    assert blocked == []


def test_a_preview_with_nothing_built_says_so_over_the_errors(
    chromium: tuple[Any, str], tmp_path: Path
) -> None:
    """A preview whose first build failed has no last good page: its overlay says that
    nothing is built yet (it said "this is the last good page" over an empty one)."""
    from builder.serve import PreviewServer

    server = PreviewServer(tmp_path, "127.0.0.1", 0)
    server.start()
    server.state.failed("content/digests/2024/2024-07-15.md:3:7: error: date: bad")
    blocked: list[str] = []
    context = guarded(chromium[0], blocked, service_workers="block")
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/2024/07/15/")
        box = page.wait_for_selector('#digest-errors[role="alert"]', timeout=5_000)
        assert box is not None
        assert box.text_content() == (
            "digest: nothing is built yet; this page reloads once a save builds.\n\n"
            "content/digests/2024/2024-07-15.md:3:7: error: date: bad"
        )
        assert blocked == []
    finally:
        context.close()
        server.stop()


def _wait_for(page: Any, condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Wait for `condition` while the page runs: Playwright answers the guard's routes of
    its requests (its shared worker's too) only while it is called, not while this sleeps."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited in vain"
        page.wait_for_timeout(50)


def test_many_preview_tabs_load_and_reload_over_one_event_stream(
    chromium: tuple[Any, str], tmp_path: Path
) -> None:
    """An editor keeps many pages of the preview open. Each tab held an event stream of its
    own, and a browser opens six connections to a host: the seventh tab never loaded. The
    tabs share one stream (a shared worker's); each reloads after a save, and a browser
    without shared workers still reloads over a stream of its own."""
    from serving import Served

    shutil.copytree(ROOT / "tests" / "sites" / "full" / "content", tmp_path / "content")
    day = tmp_path / "content" / "digests" / "2024" / "2024-07-15.md"
    text = day.read_text("utf-8")
    served = Served(tmp_path)
    blocked: list[str] = []
    context = guarded(chromium[0], blocked, service_workers="block")  # the preview's own
    paths = ["", "2024/07/15/", "2024/07/14/", "archive/", "tags/", "sources/", "places/",
             "stories/", "search/", "about/"]  # fmt: skip
    try:
        pages = []
        for path in paths:
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{served.port}/{path}", timeout=10_000)
            pages.append(page)
        lone = context.new_page()
        lone.add_init_script("delete window.SharedWorker;")
        lone.goto(f"http://127.0.0.1:{served.port}/2024/07/15/", timeout=10_000)
        for page in [*pages, lone]:
            page.evaluate("window.before = true")
        day.write_text(text + "\nSaved once.\n", "utf-8")
        for page in [*pages, lone]:
            page.wait_for_function("window.before === undefined", timeout=20_000)  # reloaded
        assert "Saved once." in (lone.text_content("main") or "")
    finally:
        context.close()
        assert served.stop() == 0
    assert blocked == []


def test_the_preview_shows_warnings_and_errors_on_the_open_page(
    chromium: tuple[Any, str], tmp_path: Path
) -> None:
    """An editor looks at the page, not the terminal: a save that builds with a warning
    (a tag written as a hashtag, which YAML reads as a comment) reloads the page with the
    warning in a box that a click hides; a save that does not build shows its errors over
    the last good page; a good save reloads it clean. The messages are English and run
    left to right on a page in any language (here a Persian site's)."""
    from serving import Served

    shutil.copytree(ROOT / "tests" / "sites" / "full" / "content", tmp_path / "content")
    site = tmp_path / "content" / "site.yaml"
    site.write_text(site.read_text("utf-8").replace("language: en", "language: fa"), "utf-8")
    day = tmp_path / "content" / "digests" / "2024" / "2024-07-15.md"
    text = day.read_text("utf-8")
    assert "    tags: [frontline]\n" in text
    served = Served(tmp_path)
    blocked: list[str] = []
    context = guarded(chromium[0], blocked)
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{served.port}/2024/07/15/")
        assert page.query_selector("#digest-errors") is None

        day.write_text(text.replace("    tags: [frontline]\n", "    tags: #frontline\n"), "utf-8")
        box = page.wait_for_selector('#digest-errors[role="status"]', timeout=20_000)
        assert box is not None
        shown = box.text_content() or ""
        assert shown.startswith("digest: this page is built, with warnings")
        assert "'tags' is empty: YAML read \"#frontline\" after it as a comment" in shown
        assert box.evaluate("(box) => [box.lang, getComputedStyle(box).direction]") == [
            "en",
            "ltr",
        ]
        box.click()
        page.wait_for_selector("#digest-errors", state="detached", timeout=5_000)

        day.write_text(text.replace("date:", "date: [", 1), "utf-8")  # a half-typed line
        box = page.wait_for_selector('#digest-errors[role="alert"]', timeout=20_000)
        assert box is not None and "YAML syntax error" in (box.text_content() or "")

        day.write_text(text, "utf-8")
        page.wait_for_selector("#digest-errors", state="detached", timeout=20_000)
        assert "Frontline" in page.content() and blocked == []
    finally:
        context.close()
        assert served.stop() == 0
