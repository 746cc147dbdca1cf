"""Hostile content: nothing an editor pastes runs on the site, in a real browser and in feeds.

tests/sites/hostile/ puts markup, template syntax, `]]>`, U+2028 and crafted URLs in every
field that takes text: site.yaml's title, description, author and base_url; source and tag
names and descriptions; day titles, summaries and corrections; headline titles, notes,
places, URLs and archive URLs; the commentary; and a folder name under digests/. It must
build, and then every HTML page is loaded in headless Chromium (tests/browser_tools.py), with
alert/confirm/prompt/print replaced by traps before any script runs, dialogs recorded,
every request outside 127.0.0.1 blocked and console errors collected: no trap may fire, no
dialog open, no element carry an event handler or a script we did not write, and no link
lead to a scheme other than http(s). The hostile text must be shown as typed (`{{ 7*7 }}`,
never 49), and every feed must parse without bozo and give the titles back unchanged.

What the content format refuses (javascript:, vbscript:, data:, //host links, in any case or
entity spelling; ids, labels and languages that are markup) is refused with its file, line
and message: `test_hostile_value_is_refused_at_its_line`.

The expected text is read from the fixture with PyYAML, not from digest's model.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import urllib.parse
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import feedparser
import pytest
import yaml
from browser_tools import guarded, launched_chromium, serve_folder

from builder.build import load
from builder.cli import main
from builder.errors import sort_problems
from builder.project import Project

HOSTILE = Path(__file__).parent / "sites" / "hostile"
URL = re.compile(r"https?://[^\s/\"'<>)]+")
EPOCH = "1893456000"  # 2030-01-01: every day of the fixture is published
# What the fixture's values are made of; each must be shown as typed wherever it appears.
TOKENS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "]]>",
    "{{ 7*7 }}",
    "{% raw %}",
    '{% include "base.html" %}',
    '"><svg onload=alert(1)>',
    "'><svg onload=alert(1)>",
    "javascript:alert(1)",
)
TRAP = """
window.__fired = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  const trap = (...args) => { window.__fired.push(name + "(" + args.join(",") + ")"); };
  Object.defineProperty(window, name, { value: trap, writable: false, configurable: false });
}
"""
# Runs after load: what in the page could run or lead somewhere it should not.
INSPECT = """() => {
  const handlers = [];
  const badLinks = [];
  const hosts = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      if (attr.name.toLowerCase().startsWith("on")) handlers.push(el.tagName + " " + attr.name);
    }
    for (const name of ["href", "src", "action", "formaction", "xlink:href", "data"]) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      const address = new URL(value, document.baseURI);
      if (address.protocol !== "http:" && address.protocol !== "https:") {
        badLinks.push(name + "=" + value);
      }
      hosts.push(address.hostname);
    }
  }
  const scripts = [...document.querySelectorAll("script")].map((s) => ({
    type: s.type, src: s.getAttribute("src"), text: s.textContent.slice(0, 60),
  }));
  const frames = document.querySelectorAll("iframe, object, embed, frame").length;
  return { fired: window.__fired, handlers, badLinks, hosts, scripts, frames,
           text: document.body.textContent, title: document.title,
           description: document.querySelector('meta[name="description"]').content };
}"""


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("\n---\n")[0].lstrip("-\n"))


def _words(text: str) -> str:
    """Collapse white space (U+2028 included), as a browser's text does around it."""
    return " ".join(text.split())


def digest(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


@dataclass(frozen=True)
class Built:
    content: Path
    site: Path
    base_path: str


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Built:
    work = tmp_path_factory.mktemp("hostile")
    shutil.copytree(HOSTILE / "content", work / "content")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        code, out, err = digest("build", "--project", work)
    assert (code, err) == (0, ""), err
    assert out.startswith("built ")
    base_url = _load(work / "content" / "site.yaml")["base_url"]
    return Built(work / "content", work / "site", urllib.parse.urlsplit(base_url).path)


def _days(content: Path) -> list[dict[str, Any]]:
    return [_load(p) for p in sorted((content / "digests").rglob("*.md"))]


def _day_texts(content: Path) -> dict[str, str]:
    """Return {date: the day file's commentary}."""
    texts = {}
    for path in sorted((content / "digests").rglob("*.md")):
        head, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
        texts[str(yaml.safe_load(head.lstrip("-\n"))["date"])] = body
    return texts


def test_fixture_is_hostile_in_every_text_field() -> None:
    """Guard the fixture itself: each field that takes text carries a hostile token."""
    content = HOSTILE / "content"
    site = _load(content / "site.yaml")
    values = [site["title"], site["description"], site["author"], site["base_url"]]
    for registry in ("sources.yaml", "tags.yaml"):
        for record in _load(content / registry).values():
            values.extend(v for k, v in record.items() if k in ("name", "description"))
    values.append(_load(content / "sources.yaml")["hostile"]["url"])
    for day in _days(content):
        values.extend(day.get(k, "<>") for k in ("title", "summary"))
        for h in day["headlines"]:
            values.extend([h["title"], h.get("note", "<"), *h.get("places", ["<"])])
    values.extend(_day_texts(content).values())
    assert all(any(c in v for c in "<>{}]/\"'") for v in values), values
    assert any("\u2028" in v for v in values)
    assert any("{{" in p.name for p in (content / "digests").iterdir())


# The browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages(hostile: Built) -> Iterator[dict[str, dict[str, Any]]]:
    """Load every built HTML page (and searches for hostile words) in Chromium; yield what
    each page showed and did, by path below the site."""
    paths = sorted(
        p.relative_to(hostile.site).as_posix().removesuffix("index.html")
        for p in hostile.site.rglob("*.html")
    )
    paths += ["search/?q=alert", "search/?q=svg"]
    blocked: list[str] = []
    found: dict[str, dict[str, Any]] = {}
    seen: dict[str, list[str]] = {"dialogs": [], "errors": [], "failed": []}

    def console(message: Any) -> None:
        if message.type == "error":
            seen["errors"].append(f"{message.text} at {message.location.get('url')}")

    def dialog(opened: Any) -> None:
        seen["dialogs"].append(opened.message)
        opened.dismiss()

    def response(answer: Any) -> None:
        if answer.status >= 400:
            seen["failed"].append(f"{answer.status} {answer.url}")

    with serve_folder(hostile.site, hostile.base_path) as address, launched_chromium() as chrome:
        context = guarded(chrome, blocked, service_workers="block")
        context.add_init_script(TRAP)
        page = context.new_page()  # one page for all: a new one per path costs ~1 s
        page.on("dialog", dialog)
        page.on("pageerror", lambda error: seen["errors"].append(str(error)))
        page.on("console", console)
        page.on("response", response)
        for path in paths:
            for events in seen.values():
                events.clear()
            answer = page.goto(address + urllib.parse.quote(path, safe="/?="))
            if "?q=" in path:
                page.wait_for_selector("#search-results li", timeout=15000)
            result = page.evaluate(INSPECT)
            result["status"] = answer.status if answer else 0
            result["links"] = page.eval_on_selector_all(
                "a[href]", "(links) => links.map((a) => a.getAttribute('href'))"
            )
            result.update({name: list(events) for name, events in seen.items()})
            found[path] = result
        context.close()
    found["(blocked requests)"] = {"blocked": blocked}
    yield found


def _loaded(pages: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {k: v for k, v in pages.items() if not k.startswith("(")}


def test_every_page_loads_and_the_image_is_the_only_request_blocked(
    pages: dict[str, dict[str, Any]],
) -> None:
    loaded = _loaded(pages)
    assert len(loaded) >= 20
    assert {p: r["status"] for p, r in loaded.items() if r["status"] != 200} == {}
    # The commentary's image is the one thing that points off the site; it never loads.
    assert set(pages["(blocked requests)"]["blocked"]) == {"https://example.org/i.png"}
    assert {p: r["failed"] for p, r in loaded.items() if r["failed"]} == {}


def test_no_script_from_content_runs_on_any_page(pages: dict[str, dict[str, Any]]) -> None:
    loaded = _loaded(pages)
    assert {p: r["fired"] for p, r in loaded.items() if r["fired"]} == {}
    assert {p: r["dialogs"] for p, r in loaded.items() if r["dialogs"]} == {}
    assert {p: r["handlers"] for p, r in loaded.items() if r["handlers"]} == {}
    assert {p: r["badLinks"] for p, r in loaded.items() if r["badLinks"]} == {}
    assert {p: r["frames"] for p, r in loaded.items() if r["frames"]} == {}


def test_links_lead_only_to_hosts_the_content_names(
    hostile: Built, pages: dict[str, dict[str, Any]]
) -> None:
    """`\\\\host` and `/\\host` in Markdown must not become links to `host`."""
    named = {"127.0.0.1", "web.archive.org"}  # the site itself; archived copies of articles
    for path in hostile.content.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            named |= {urllib.parse.urlsplit(u).hostname or "" for u in URL.findall(text)}
    assert "backslash.example" not in named
    hosts = {host for result in _loaded(pages).values() for host in result["hosts"]}
    assert hosts - named == set()
    assert {"evil.example", "plain.example.org", "archive.example.org"} <= hosts


def test_only_our_own_scripts_are_on_the_pages(pages: dict[str, dict[str, Any]]) -> None:
    """Scripts: JSON-LD data, the service worker's registration, the search page's module."""
    unexpected = {}
    for path, result in _loaded(pages).items():
        for script in result["scripts"]:
            ours = (
                script["type"] == "application/ld+json"
                or script["text"].startswith('if ("serviceWorker" in navigator)')
                or (script["src"] or "").split("/")[-1].startswith("search.")
            )
            if not ours:
                unexpected.setdefault(path, []).append(script)
    assert unexpected == {}


def test_no_console_errors_but_the_blocked_image(pages: dict[str, dict[str, Any]]) -> None:
    errors = {
        path: [e for e in result["errors"] if not e.endswith(" at https://example.org/i.png")]
        for path, result in _loaded(pages).items()
    }
    assert {p: e for p, e in errors.items() if e} == {}


def test_searching_hostile_words_finds_them_as_text(pages: dict[str, dict[str, Any]]) -> None:
    for query in ("alert", "svg"):
        text = pages[f"search/?q={query}"]["text"]
        assert "<script>alert(1)</script>" in text or "<svg onload=alert(1)>" in text


def test_hostile_text_is_shown_exactly_as_typed(
    hostile: Built, pages: dict[str, dict[str, Any]]
) -> None:
    site = _load(hostile.content / "site.yaml")
    home = pages[""]
    assert _words(site["title"]) in _words(home["title"])
    assert _words(site["author"]) in _words(home["text"])
    assert _words(site["description"]) == _words(home["description"])
    sources = _load(hostile.content / "sources.yaml")
    tags = _load(hostile.content / "tags.yaml")
    bodies = _day_texts(hostile.content)
    for day in _days(hostile.content):
        date = day["date"]
        shown = pages[f"{date:%Y/%m/%d}/"]
        text = _words(shown["text"])
        assert _words(day["title"]) in _words(shown["title"])
        assert _words(day["summary"]) == _words(shown["description"])
        assert _words(day["title"]) in text
        for headline in day["headlines"]:
            assert _words(headline["title"]) in text
            assert _words(sources[headline["source"]]["name"]) in text
            assert all(_words(tags[t]["name"]) in text for t in headline.get("tags", []))
            assert all(_words(place) in text for place in headline.get("places", []))
            assert headline["url"] in shown["links"]
            if "archive_url" in headline:
                assert headline["archive_url"] in shown["links"]
            marked_up = [headline.get("note", ""), headline.get("correction", "")]
            for token in TOKENS:
                for value in marked_up:
                    assert token not in value or token in text, (token, value)
        for token in TOKENS:  # commentary and the day's correction are Markdown
            for value in (bodies[str(date)], day.get("correction", "")):
                assert token not in value or token in text, (token, value)
        assert "{{ 7*7 }}" in text
        assert "49" not in text  # no template ever evaluated the content
    for tag_id, tag in tags.items():
        text = _words(pages[f"tags/{tag_id}/"]["text"])
        assert _words(tag["name"]) in text
        assert _words(tag.get("description", "")) in text


# Feeds ------------------------------------------------------------------------------------


def _headlines(content: Path) -> list[dict[str, Any]]:
    return [h for day in _days(content) for h in day["headlines"]]


def _feed_title(headline: dict[str, Any]) -> str:
    label = headline.get("label")
    return (f"[{label.capitalize()}] " if label else "") + headline["title"]


def test_every_feed_parses_and_gives_the_hostile_titles_back(hostile: Built) -> None:
    site = _load(hostile.content / "site.yaml")
    xml_feeds = sorted(hostile.site.rglob("*.xml"))
    xml_feeds = [p for p in xml_feeds if p.name in ("rss.xml", "atom.xml")]
    json_feeds = sorted(hostile.site.rglob("feed.json"))
    assert len(xml_feeds) == 2 * len(json_feeds) >= 20
    for path in xml_feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.feed.title.startswith(site["title"]), path
    for path in json_feeds:
        assert json.loads(path.read_bytes())["title"].startswith(site["title"]), path
    expected = sorted(_feed_title(h) for h in _headlines(hostile.content))
    for name in ("rss.xml", "atom.xml"):
        parsed = feedparser.parse((hostile.site / "headlines" / name).read_bytes())
        assert sorted(e.title for e in parsed.entries) == expected
        assert sorted(e.link for e in parsed.entries) == sorted(
            h["url"] for h in _headlines(hostile.content)
        )
    items = json.loads((hostile.site / "headlines" / "feed.json").read_bytes())["items"]
    assert sorted(item["title"] for item in items) == expected
    day_titles = {day["title"] for day in _days(hostile.content)}
    parsed = feedparser.parse((hostile.site / "rss.xml").read_bytes())
    assert {e.title.split(": ", 1)[1] for e in parsed.entries} == day_titles


# What is refused ------------------------------------------------------------------------

DAY = "content/digests/2024/2024-06-22.md"
HEADLINE_URL = "    url: \"https://evil.example/'onmouseover='alert(1)'/1\""
ARCHIVE_URL = "    archive_url: \"https://archive.example.org/'onfocus='alert(1)'autofocus='\""
SOURCE_URL = "  url: \"https://evil.example/'onmouseover='alert(1)'/%22%3E%3Csvg%3E\""
NOTE = '    note: "{% include \\"base.html\\" %} {% raw %}{{ 7*7 }}{% endraw %}"'
CORRECTION = '    correction: "Headline correction </title><script>alert(1)</script> ]]>"'
COMMENTARY = "Template syntax stays text:"
NOT_HTTP = "is not an absolute http(s) URL"
SCHEMELESS = f"{NOT_HTTP} (relative or schemeless links are not allowed); write https://..."
LINK = (
    "is not allowed: links must be absolute http(s) URLs or paths within the site; write an "
    "https:// address or remove the link"
)
URL_AT = f"{DAY}:9:10: headlines[0].url:"
NOTE_AT = f"{DAY}:23:11: headlines[1].note: the link"
COMMENTARY_AT = f"{DAY}:34: commentary: the link"
# (file, line as in the fixture, the line that replaces it, the one problem reported)
REFUSED = {
    "url-javascript": (
        DAY,
        HEADLINE_URL,
        '    url: "javascript:alert(1)"',
        f"{URL_AT} 'javascript:alert(1)' {NOT_HTTP} ('javascript:' links are not allowed); "
        "write https://...",
    ),
    "url-mixed-case": (
        DAY,
        HEADLINE_URL,
        '    url: "JaVaScRiPt:alert(1)"',
        f"{URL_AT} 'JaVaScRiPt:alert(1)' {NOT_HTTP} ('javascript:' links are not allowed); "
        "write https://...",
    ),
    "url-space-before-javascript": (
        DAY,
        HEADLINE_URL,
        '    url: " javascript:alert(1)"',
        f"{URL_AT} 'javascript:alert(1)' {NOT_HTTP} ('javascript:' links are not allowed); "
        "write https://...",
    ),
    "url-entity-encoded": (
        DAY,
        HEADLINE_URL,
        '    url: "&#106;avascript:alert(1)"',
        f"{URL_AT} '&#106;avascript:alert(1)' {SCHEMELESS}",
    ),
    "url-double-quote": (
        DAY,
        HEADLINE_URL,
        '    url: "https://evil.example/\\"><svg/onload=alert(1)>"',
        f"{URL_AT} 'https://evil.example/\"><svg/onload=alert(1)>' contains '\"', which a URL "
        "cannot carry as it is; write it percent-encoded (%22), as the browser's address bar "
        "shows it",
    ),
    "url-backslash": (
        DAY,
        HEADLINE_URL,
        "    url: 'https://good.example\\@evil.example/'",
        f"{URL_AT} 'https://good.example\\@evil.example/' contains '\\', which a URL cannot "
        "carry as it is; write it percent-encoded (%5C), as the browser's address bar shows it",
    ),
    "base-url-template": (
        "content/site.yaml",
        "base_url: ",
        'base_url: "https://digest.example.org/{{7*7}}/"',
        "content/site.yaml:5:11: base_url: 'https://digest.example.org/{{7*7}}/' contains '{', "
        "which a URL cannot carry as it is; write it percent-encoded (%7B), as the browser's "
        "address bar shows it",
    ),
    "url-vbscript": (
        DAY,
        HEADLINE_URL,
        '    url: "vbscript:msgbox(1)"',
        f"{URL_AT} 'vbscript:msgbox(1)' {NOT_HTTP} ('vbscript:' links are not allowed); "
        "write https://...",
    ),
    "url-data": (
        DAY,
        HEADLINE_URL,
        '    url: "data:text/html,<script>alert(1)</script>"',
        f"{URL_AT} 'data:text/html,<script>alert(1)</script>' {NOT_HTTP} ('data:' links are "
        "not allowed); write https://...",
    ),
    "url-protocol-relative": (
        DAY,
        HEADLINE_URL,
        '    url: "//evil.example/x"',
        f"{URL_AT} '//evil.example/x' {SCHEMELESS.replace('...', 'evil.example/x')}",
    ),
    "archive-url-javascript": (
        DAY,
        ARCHIVE_URL,
        '    archive_url: "javascript:alert(1)"',
        f"{DAY}:17:18: headlines[0].archive_url: 'javascript:alert(1)' {NOT_HTTP} "
        "('javascript:' links are not allowed); write https://...",
    ),
    "source-url-mixed-case": (
        "content/sources.yaml",
        SOURCE_URL,
        '  url: "JaVaScRiPt:alert(1)"',
        f"content/sources.yaml:3:8: hostile.url: 'JaVaScRiPt:alert(1)' {NOT_HTTP} "
        "('javascript:' links are not allowed); write https://...",
    ),
    "base-url-javascript": (
        "content/site.yaml",
        "base_url: ",
        'base_url: "javascript:alert(1)//digest.example.org/"',
        "content/site.yaml:5:11: base_url: 'javascript:alert(1)//digest.example.org/' "
        f"{NOT_HTTP} ('javascript:' links are not allowed); write https://...",
    ),
    "note-link-javascript": (
        DAY,
        NOTE,
        '    note: "[x](javascript:alert(1))"',
        f"{NOTE_AT} 'javascript:alert(1)' {LINK}",
    ),
    "note-link-mixed-case": (
        DAY,
        NOTE,
        '    note: "[x](JaVaScRiPt:alert(1))"',
        f"{NOTE_AT} 'JaVaScRiPt:alert(1)' {LINK}",
    ),
    "note-link-entity-encoded": (
        DAY,
        NOTE,
        '    note: "[x](&#106;avascript:alert(1))"',
        f"{NOTE_AT} 'javascript:alert(1)' {LINK}",
    ),
    "note-autolink-javascript": (
        DAY,
        NOTE,
        '    note: "<javascript:alert(1)>"',
        f"{NOTE_AT} 'javascript:alert(1)' {LINK}",
    ),
    "note-link-vbscript": (
        DAY,
        NOTE,
        '    note: "[x](vbscript:msgbox(1))"',
        f"{NOTE_AT} 'vbscript:msgbox(1)' {LINK}",
    ),
    "note-image-data": (
        DAY,
        NOTE,
        '    note: "![x](data:image/svg+xml;base64,PHN2Zz4=)"',
        f"{NOTE_AT} 'data:image/svg+xml;base64,PHN2Zz4=' {LINK}",
    ),
    "note-link-protocol-relative": (
        DAY,
        NOTE,
        '    note: "[x](//evil.example)"',
        f"{NOTE_AT} '//evil.example' {LINK}",
    ),
    "correction-link-javascript": (
        DAY,
        CORRECTION,
        '    correction: "[x](javascript:alert(1))"',
        f"{DAY}:19:17: headlines[0].correction: the link 'javascript:alert(1)' {LINK}",
    ),
    "commentary-link-javascript": (
        DAY,
        COMMENTARY,
        "[x](javascript:alert(1)) " + COMMENTARY,
        f"{COMMENTARY_AT} 'javascript:alert(1)' {LINK}",
    ),
    "commentary-autolink-upper-case": (
        DAY,
        COMMENTARY,
        "<JAVASCRIPT:alert(1)> " + COMMENTARY,
        f"{COMMENTARY_AT} 'JAVASCRIPT:alert(1)' {LINK}",
    ),
    "commentary-link-entity-encoded": (
        DAY,
        COMMENTARY,
        "[x](&#x6A;avascript&colon;alert(1)) " + COMMENTARY,
        f"{COMMENTARY_AT} 'javascript:alert(1)' {LINK}",
    ),
    "commentary-image-data": (
        DAY,
        COMMENTARY,
        "![x](data:image/png;base64,AAAA) " + COMMENTARY,
        f"{COMMENTARY_AT} 'data:image/png;base64,AAAA' {LINK}",
    ),
    "commentary-reference-vbscript": (
        DAY,
        COMMENTARY,
        "[x][1]\n\n[1]: VBScript:msgbox(1)\n\n" + COMMENTARY,
        f"{COMMENTARY_AT} 'VBScript:msgbox(1)' {LINK}",
    ),
    "story-markup": (
        DAY,
        "    story: hostile-story",
        '    story: "<script>alert(1)</script>"',
        f"{DAY}:16:12: headlines[0].story: '<script>alert(1)</script>' is not a valid id: use "
        "lowercase letters, digits and single hyphens, e.g. 'script-alert-1-script'",
    ),
    "label-markup": (
        DAY,
        "    label: disinformation",
        '    label: "<script>"',
        f"{DAY}:15:12: headlines[0].label: unknown label '<script>'; the labels are: "
        "disinformation, opinion, unconfirmed, analysis",
    ),
    "language-markup": (
        DAY,
        "    language: uk",
        "    language: '\"><svg onload=alert(1)>'",
        f"{DAY}:24:15: headlines[1].language: '\"><svg onload=alert(1)>' is not a language "
        "code; write a BCP 47 code such as en or uk",
    ),
    "place-of-markup-only": (
        DAY,
        "    places: ",
        '    places: ["<script>alert(1)</script> Place", "<></>"]',
        f"{DAY}:12:49: headlines[0].places[1]: '<></>' has no letters or digits to name its "
        "page with; write the name",
    ),
    "tag-id-markup": (
        "content/tags.yaml",
        "plain:",
        '"<img src=x onerror=alert(1)>":',
        "content/tags.yaml:4:1: <img src=x onerror=alert(1)>: '<img src=x onerror=alert(1)>' "
        "is not a valid tag id: use lowercase letters, digits and single hyphens, e.g. "
        "'img-src-x-onerror-alert-1'",
    ),
    "source-id-template": (
        "content/sources.yaml",
        "plain:",
        '"{{ 7*7 }}":',
        "content/sources.yaml:5:1: {{ 7*7 }}: '{{ 7*7 }}' is not a valid source id: use "
        "lowercase letters, digits and single hyphens, e.g. '7-7'",
    ),
    "timezone-markup": (
        "content/site.yaml",
        "timezone: Europe/Kyiv",
        'timezone: "<script>alert(1)</script>"',
        "content/site.yaml:7:11: timezone: unknown time zone '<script>alert(1)</script>'; "
        "write an IANA name such as Europe/Kyiv",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_hostile_value_is_refused_at_its_line(case: str, tmp_path: Path) -> None:
    path, old, new, expected = REFUSED[case]
    shutil.copytree(HOSTILE / "content", tmp_path / "content")
    target = tmp_path / path
    lines = target.read_text(encoding="utf-8").split("\n")
    matching = [n for n, line in enumerate(lines) if line.startswith(old)]
    assert len(matching) == 1, (old, matching)
    lines[matching[0]] = new
    target.write_text("\n".join(lines), encoding="utf-8")
    # The content checks `digest check` runs, without its template checks (a third of a
    # second each); test_a_day_file_named_like_markup_is_refused runs the command itself.
    problems = load(Project(tmp_path)).problems  # (a note too, where the days wait for it)
    assert [p.format() for p in sort_problems(problems) if p.is_error] == [expected]


def test_a_day_file_named_like_markup_is_refused(tmp_path: Path) -> None:
    shutil.copytree(HOSTILE / "content", tmp_path / "content")
    name = "<img src=x onerror=alert(1)>.md"
    (tmp_path / "content" / "digests" / name).write_text("---\n", encoding="utf-8")
    code, out, err = digest("check", "--project", tmp_path)
    assert (code, out) == (1, "")
    assert err == (
        f"content/digests/{name}: '{name}' is not a day file name: name it YYYY-MM-DD.md after "
        "its date, or move it out of content/digests/\n1 error in 1 file\n"
    )
