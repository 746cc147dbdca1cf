"""End to end: build the sample sites with the real command; check them with real parsers.

Every page is parsed with html5lib (strict), every feed with feedparser, the sitemap with
ElementTree. What the pages and feeds should contain is worked out here from the content
files themselves (read with PyYAML), not from digest's own model, so a bug in the model
cannot hide itself. The sites are built once per module; tests that change a site work
on their own copy in tmp_path.

Sites: the repository's sample digest (content/), tests/sites/minimal/ (one day, one
headline) and tests/sites/full/ (seven days over three months and two years, one of them
without headlines: times, notes with links, every label, stories across days, Cyrillic
place names, a headline in Ukrainian, titles with & < > " ', commentary with headings, a
table, links and raw HTML, a source and a tag nobody uses).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
import zoneinfo
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

import feedparser
import html5lib
import pytest
import yaml

from builder.cli import main

REPO = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"
# What a build or a manual run may leave in a sample site: never part of a copy of it.
LEFT_BY_BUILDS = shutil.ignore_patterns(".digest-cache", "site")
ZONE = zoneinfo.ZoneInfo("Europe/Kyiv")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Pages shown at any address: the server's for a missing page, the service worker's offline.
ANY_PATH = ("404.html", "offline.html")
XSS_TITLE = '<script>alert(1)</script> & "quotes"'
LEFTOVER_GLOB = ".*.building-*"

# The slugs the official Ukrainian transliteration (KMU 2010) gives the full site's places.
PLACE_SLUGS = {
    "Київ": "kyiv",
    "Часів Яр": "chasiv-yar",
    "Запоріжжя": "zaporizhzhia",
    "Odesa": "odesa",
    "Avdiivka": "avdiivka",
    "Kharkiv": "kharkiv",
    "Pokrovsk": "pokrovsk",
    "Mariupol": "mariupol",
    "Toretsk": "toretsk",
    "Shumy": "shumy",
    "Chasiv Yar": "chasiv-yar",
}


# Running the command -------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def digest(*args: str | Path) -> Run:
    """Run the `digest` command in this process and capture what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse: --help, usage errors
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return Run(code, out.getvalue(), err.getvalue())


def digest_process(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    """Start `python -m builder` in its own process (for TZ, hash seeds, the entry point)."""
    return subprocess.Popen(
        [sys.executable, "-m", "builder", *map(str, args)],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str]) -> Run:
    out, err = process.communicate(timeout=60)
    return Run(process.returncode, out, err)


def copy_site(name: str, dest: Path) -> Path:
    """Copy a sample project ("minimal", "full", or "sample" for the repository's content/)."""
    if name == "sample":
        shutil.copytree(REPO / "content", dest / "content")
    else:
        shutil.copytree(SITES / name, dest, ignore=LEFT_BY_BUILDS)
    return dest


def edit_site_yaml(project: Path, **values: str | int) -> None:
    """Set top-level keys of content/site.yaml, replacing a key's line when it is there."""
    path = project / "content" / "site.yaml"
    text = path.read_text("utf-8")
    for key, value in values.items():
        line = f"{key}: {value}"
        text, count = re.subn(rf"(?m)^{key}:.*$", line, text)
        if not count:
            text = text.rstrip("\n") + f"\n{line}\n"
    path.write_text(text, "utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file below `folder` (dotfiles too) as {relative path: bytes}."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(LEFTOVER_GLOB))


# What the content says the site should hold ---------------------------------------------


@dataclass(frozen=True)
class Item:
    """A headline as its day file lists it."""

    date: dt.date
    position: int
    title: str
    url: str
    source: str
    tags: tuple[str, ...]
    places: tuple[str, ...]
    story: str | None
    time: dt.time | None
    label: str | None

    @property
    def moment(self) -> dt.datetime:
        return dt.datetime.combine(self.date, self.time or dt.time(0, 0), tzinfo=ZONE)


@dataclass(frozen=True)
class Content:
    days: tuple[dt.date, ...]  # oldest first
    items: tuple[Item, ...]  # oldest day first, editor's order within a day
    tags: tuple[str, ...]
    sources: tuple[str, ...]
    base_url: str
    language: str

    def newest_first(self, items: list[Item]) -> list[Item]:
        return sorted(items, key=lambda i: (-i.date.toordinal(), i.position))

    def subjects(self, kind: str) -> dict[str, list[Item]]:
        """Return {slug: headlines oldest first} for "tags", "sources", "places", "stories"."""
        table: dict[str, list[Item]] = {}
        if kind == "tags":
            table = {tag: [i for i in self.items if tag in i.tags] for tag in self.tags}
        elif kind == "sources":
            table = {src: [i for i in self.items if i.source == src] for src in self.sources}
        elif kind == "places":
            for item in self.items:
                for place in item.places:
                    table.setdefault(place_slug(place), []).append(item)
        else:
            for item in self.items:
                if item.story:
                    table.setdefault(item.story, []).append(item)
        return table

    def listing_order(self, kind: str, items: list[Item]) -> list[Item]:
        return items if kind == "stories" else self.newest_first(items)


def place_slug(name: str) -> str:
    if name in PLACE_SLUGS:
        return PLACE_SLUGS[name]
    assert name.isascii(), f"add the expected slug of {name!r} to PLACE_SLUGS"
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def read_content(project: Path) -> Content:
    content = project / "content"
    site = yaml.safe_load((content / "site.yaml").read_text("utf-8"))
    days: list[dt.date] = []
    items: list[Item] = []
    for path in sorted((content / "digests").rglob("*.md")):
        _, front, _body = path.read_text("utf-8").split("---\n", 2)
        data = yaml.safe_load(front)
        days.append(data["date"])
        for position, h in enumerate(data["headlines"]):
            time = dt.time.fromisoformat(h["time"]) if "time" in h else None
            items.append(
                Item(
                    data["date"],
                    position,
                    h["title"],
                    h["url"],
                    h["source"],
                    tuple(h.get("tags", ())),
                    tuple(h.get("places", ())),
                    h.get("story"),
                    time,
                    h.get("label"),
                )
            )
    order = sorted(range(len(days)), key=lambda n: days[n])
    by_date = sorted(items, key=lambda i: (i.date, i.position))
    base_url = site["base_url"] if site["base_url"].endswith("/") else site["base_url"] + "/"
    return Content(
        days=tuple(days[n] for n in order),
        items=tuple(by_date),
        tags=tuple(yaml.safe_load((content / "tags.yaml").read_text("utf-8"))),
        sources=tuple(yaml.safe_load((content / "sources.yaml").read_text("utf-8"))),
        base_url=base_url,
        language=site["language"],
    )


# A built site and how to read it --------------------------------------------------------


@dataclass
class Built:
    project: Path
    site: Path
    content: Content
    trees: dict[str, ET.Element] = field(default_factory=dict)
    strict_errors: dict[str, str] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return self.content.base_url

    @property
    def origin(self) -> str:
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def base_path(self) -> str:
        return urlsplit(self.base_url).path

    def pages(self) -> list[str]:
        return sorted(p.relative_to(self.site).as_posix() for p in self.site.rglob("*.html"))

    def feeds(self) -> list[str]:
        return sorted(
            p.relative_to(self.site).as_posix()
            for p in self.site.rglob("*.xml")
            if p.name != "sitemap.xml"
        )

    def url_path(self, rel: str) -> str:
        """Return the url path ("tags/x/") a page file ("tags/x/index.html") serves."""
        return rel.removesuffix("index.html")

    def tree(self, rel: str) -> ET.Element:
        """Parse a page with html5lib in strict mode (recording any error), once."""
        if rel not in self.trees:
            data = (self.site / rel).read_bytes()
            try:
                parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
                root = parser.parse(data, transport_encoding="utf-8")
            except html5lib.html5parser.ParseError as exc:
                lenient = html5lib.HTMLParser(namespaceHTMLElements=False)
                root = lenient.parse(data, transport_encoding="utf-8")
                self.strict_errors[rel] = f"{exc} {lenient.errors[:3]}"
            self.trees[rel] = root
        return self.trees[rel]

    def file_of(self, url: str) -> str | None:
        """Return the file below site/ that serves an absolute URL of this site, else None."""
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            return None
        if not parts.path.startswith(self.base_path):
            return None
        rel = parts.path[len(self.base_path) :]
        return rel + "index.html" if rel == "" or rel.endswith("/") else rel

    def follow(self, rel: str, href: str) -> str:
        """Return the file a link on page `rel` leads to (asserting it is on this site)."""
        target = self.file_of(urljoin(self.base_url + self.url_path(rel), href))
        assert target is not None, f"{rel}: {href} leaves the site"
        return target

    def feed(self, rel: str) -> Any:
        return feedparser.parse((self.site / rel).read_bytes())


def build_site(project: Path, *args: str | Path) -> Built:
    """Build a project with `digest build` and check the build left nothing behind."""
    result = digest("build", "--project", project, *args)
    assert result.code == 0, result.err
    out = Path(args[args.index("--out") + 1]) if "--out" in args else project / "site"
    assert leftovers(out.parent) == []
    return Built(project, out, read_content(project))


def elements(root: ET.Element, tag: str, cls: str | None = None) -> list[ET.Element]:
    return [e for e in root.iter(tag) if cls is None or cls in (e.get("class") or "").split()]


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


def ids_on(root: ET.Element) -> list[str]:
    return [e.get("id") for e in root.iter() if e.get("id") is not None]  # type: ignore[misc]


def headline_urls(root: ET.Element) -> list[str]:
    """Return the article URLs of the headlines listed on a page, in page order."""
    urls = []
    for li in elements(root, "li", "headline"):
        title = elements(li, "p", "headline-title")[0]
        urls.append(next(title.iter("a")).get("href"))
    return urls  # type: ignore[return-value]


# Module fixtures: each site built once -----------------------------------------------------


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_site(copy_site("sample", tmp_path_factory.mktemp("sample")))


@pytest.fixture(scope="module")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_site(copy_site("minimal", tmp_path_factory.mktemp("minimal") / "project"))


@pytest.fixture(scope="module")
def full_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_site(copy_site("full", tmp_path_factory.mktemp("full") / "project"))


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The full site served from another host, below a path."""
    project = copy_site("full", tmp_path_factory.mktemp("moved") / "project")
    edit_site_yaml(project, base_url='"https://mirror.example.net/news/"')
    return build_site(project)


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = copy_site("full", tmp_path_factory.mktemp("paged") / "project")
    edit_site_yaml(project, headlines_per_page=2, days_per_page=1)
    return build_site(project)


@pytest.fixture(scope="module", params=["sample", "minimal", "full", "moved", "paged"])
def any_site(request: pytest.FixtureRequest) -> Built:
    return request.getfixturevalue(f"{request.param}_site")  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def process_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Build the full site twice at once in two processes: other TZ, other hash seed."""
    root = tmp_path_factory.mktemp("processes")
    project = copy_site("full", root / "project")
    outs = (root / "out-utc", root / "out-tokyo")
    envs = ({"TZ": "UTC", "PYTHONHASHSEED": "1"}, {"TZ": "Asia/Tokyo", "PYTHONHASHSEED": "2"})
    running = [
        digest_process("build", "--project", project, "--out", out, "-q", cwd=root, env=env)
        for out, env in zip(outs, envs, strict=True)
    ]
    for process in running:
        result = finish(process)
        assert result.code == 0, result.err
    return outs


# Pages ----------------------------------------------------------------------------------


def test_every_page_parses_as_html5_in_strict_mode(any_site: Built) -> None:
    for rel in any_site.pages():
        any_site.tree(rel)
    assert any_site.strict_errors == {}


def test_every_page_has_language_title_description_canonical_and_feed_links(
    any_site: Built,
) -> None:
    problems = []
    for rel in any_site.pages():
        root = any_site.tree(rel)
        head = root.find("head")
        assert head is not None
        if root.get("lang") != any_site.content.language:
            problems.append(f"{rel}: <html lang={root.get('lang')!r}>")
        titles = head.findall("title")
        if len(titles) != 1 or not text_of(titles[0]).strip():
            problems.append(f"{rel}: needs one non-empty <title>")
        descriptions = [m for m in head.iter("meta") if m.get("name") == "description"]
        if len(descriptions) != 1 or not (descriptions[0].get("content") or "").strip():
            problems.append(f"{rel}: needs one non-empty meta description")
        canonical = [e.get("href") for e in head.iter("link") if e.get("rel") == "canonical"]
        expected = [] if rel in ANY_PATH else [any_site.base_url + any_site.url_path(rel)]
        if canonical != expected:
            problems.append(f"{rel}: canonical {canonical}, expected {expected}")
        feeds = [e for e in head.iter("link") if e.get("rel") == "alternate"]
        types = {e.get("type") for e in feeds}
        if types != {"application/rss+xml", "application/atom+xml", "application/feed+json"}:
            problems.append(f"{rel}: alternate feed types {types}")
        if len(elements(root, "h1")) != 1:
            problems.append(f"{rel}: {len(elements(root, 'h1'))} <h1> elements")
        ids = ids_on(root)
        if len(ids) != len(set(ids)):
            problems.append(f"{rel}: repeated ids {sorted({i for i in ids if ids.count(i) > 1})}")
    assert problems == []


def test_every_link_on_every_page_resolves_within_the_site_or_is_http(any_site: Built) -> None:
    problems = []
    for rel in any_site.pages():
        root = any_site.tree(rel)
        page_url = any_site.base_url + any_site.url_path(rel)
        for element in root.iter():
            for attr in ("href", "src"):
                value = element.get(attr)
                if value is None:
                    continue
                where = f"{rel}: <{element.tag} {attr}={value!r}>"
                if value.startswith("//"):
                    problems.append(f"{where} is protocol-relative")
                    continue
                if rel in ANY_PATH and not value.startswith(("/", "#", "http:", "https:")):
                    problems.append(f"{where} is relative, but {rel} is served at any path")
                    continue
                target = urljoin(page_url, value)
                parts = urlsplit(target)
                if parts.scheme not in ("http", "https"):
                    problems.append(f"{where} is neither on the site nor http(s)")
                    continue
                if f"{parts.scheme}://{parts.netloc}" != any_site.origin:
                    continue  # an outlet's article, a source's home page
                file = any_site.file_of(target)
                if file is None:
                    problems.append(f"{where} leaves the site's base path {any_site.base_path}")
                elif not (any_site.site / file).is_file():
                    problems.append(f"{where} -> {file}, which does not exist")
                elif parts.fragment and parts.fragment not in ids_on(any_site.tree(file)):
                    problems.append(f"{where} -> {file} has no id {parts.fragment!r}")
    assert problems == []


@pytest.mark.parametrize("name", ["sample", "full"])
def test_home_page_title_names_the_site_once(request: pytest.FixtureRequest, name: str) -> None:
    built: Built = request.getfixturevalue(f"{name}_site")
    title = text_of(built.tree("index.html").find("head/title"))  # type: ignore[arg-type]
    site = yaml.safe_load((built.project / "content/site.yaml").read_text("utf-8"))
    assert title == site["title"]


def test_day_pages_list_their_headlines_in_the_editors_order(full_site: Built) -> None:
    for day in full_site.content.days:
        root = full_site.tree(f"{day:%Y/%m/%d}/index.html")
        expected = [i.url for i in full_site.content.items if i.date == day]
        assert headline_urls(root) == expected


def test_place_slugs_use_the_official_ukrainian_transliteration(full_site: Built) -> None:
    for name, slug in (("Часів Яр", "chasiv-yar"), ("Запоріжжя", "zaporizhzhia"), ("Київ", "kyiv")):
        root = full_site.tree(f"places/{slug}/index.html")
        assert text_of(elements(root, "h1")[0]).strip() == name
    index = full_site.tree("places/index.html")
    links = {text_of(a): a.get("href") for a in elements(index, "main")[0].iter("a")}
    assert links["Часів Яр"] == "/places/chasiv-yar/"
    assert links["Запоріжжя"] == "/places/zaporizhzhia/"
    assert all(href and href.isascii() for href in links.values())


def test_headline_in_another_language_is_marked_with_lang(full_site: Built) -> None:
    root = full_site.tree("2024/01/02/index.html")
    link = next(a for a in root.iter("a") if text_of(a) == "Обстріл Запоріжжя: що відомо")
    assert link.get("lang") == "uk"
    note = next(p for p in elements(root, "p", "note") if "Стаття" in text_of(p))
    assert note.get("lang") == "uk"


def test_every_label_is_shown_on_its_headline(full_site: Built) -> None:
    shown = {}
    for rel in ("2023/12/31/index.html", "2024/01/02/index.html", "2024/07/14/index.html"):
        for li in elements(full_site.tree(rel), "li", "headline"):
            for span in elements(li, "span", "label"):
                shown[text_of(span).rstrip(":")] = li.get("class")
    assert shown == {
        "Unconfirmed": "headline is-unconfirmed",
        "Disinformation": "headline is-disinformation",
        "Opinion": "headline is-opinion",
        "Analysis": "headline is-analysis",
    }


# Escaping -------------------------------------------------------------------------------


def test_scripts_are_only_data_the_service_worker_and_search(full_site: Built) -> None:
    """Reading needs no JavaScript: pages carry JSON-LD data and register the offline
    service worker; only the search page loads a script of its own."""
    found = set()
    for rel in full_site.pages():
        for script in elements(full_site.tree(rel), "script"):
            if script.get("type") == "application/ld+json":
                json.loads(text_of(script))
                found.add("json-ld")
            elif script.get("src"):
                assert rel == "search/index.html", rel
                found.add("search")
            else:
                assert "serviceWorker.register" in text_of(script), rel
                found.add("service worker")
    assert found == {"json-ld", "search", "service worker"}


def test_title_with_markup_is_shown_as_text_on_pages(full_site: Built) -> None:
    day = full_site.tree("2024/01/02/index.html")
    assert XSS_TITLE in [text_of(a) for a in day.iter("a")]
    story = full_site.tree("stories/strange-titles/index.html")
    assert text_of(story.find("head/title")).startswith(XSS_TITLE)  # type: ignore[arg-type]
    assert text_of(elements(story, "h1")[0]).strip() == XSS_TITLE
    raw = (full_site.site / "2024/01/02/index.html").read_text("utf-8")
    assert "<script>alert" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; " in raw


def test_a_storys_page_does_not_link_its_headlines_to_itself(full_site: Built) -> None:
    """Each headline of a story links to the story's page ("Story so far"), except on that
    page: there it led to the page the reader was on."""
    pages = sorted(full_site.site.glob("stories/*/index.html"))
    assert pages
    for page in pages:
        own = "/" + page.parent.relative_to(full_site.site).as_posix() + "/"
        tree = full_site.tree(page.relative_to(full_site.site).as_posix())
        assert elements(tree, "li", "headline")
        assert [a.get("href") for a in elements(tree, "a", "story")] == [], own
    day = full_site.tree("2024/01/02/index.html")
    assert "/stories/strange-titles/" in {a.get("href") for a in elements(day, "a", "story")}


def test_raw_html_in_commentary_is_shown_as_text(full_site: Built) -> None:
    root = full_site.tree("2023/12/31/index.html")
    commentary = elements(root, "section", "commentary")[0]
    assert '<script>alert("commentary")</script>' in text_of(commentary)
    assert "<b>not bold</b>" in text_of(commentary)
    assert elements(commentary, "b") == [] and elements(commentary, "script") == []


def test_commentary_keeps_headings_below_the_page_title_tables_and_links(full_site: Built) -> None:
    commentary = elements(full_site.tree("2024/01/02/index.html"), "section", "commentary")[0]
    headings = [(h.tag, text_of(h)) for h in commentary.iter() if h.tag in ("h2", "h3", "h4")]
    assert headings == [("h2", "Why Zaporizhzhia matters"), ("h3", "A smaller heading")]
    rows = [[text_of(c) for c in row] for row in commentary.iter("tr")]
    assert rows == [
        ["City", "Strikes", "Source"],
        ["Zaporizhzhia", "4", "Ukrinform"],
        ["Kharkiv", "2", "Reuters"],
    ]
    hrefs = [a.get("href") for a in commentary.iter("a")]
    assert "https://example.com/a?b=1&c=2" in hrefs


def test_title_with_markup_is_escaped_in_feeds(full_site: Built) -> None:
    for rel in ("headlines/rss.xml", "headlines/atom.xml", "stories/strange-titles/atom.xml"):
        tree = ET.parse(full_site.site / rel)
        assert [e for e in tree.iter() if e.tag.rsplit("}", 1)[-1] == "script"] == []
        titles = [e.text for e in tree.iter() if e.tag in ("title", f"{ATOM}title")]
        assert f"[Opinion] {XSS_TITLE}" in titles
    for rel in ("rss.xml", "atom.xml", "headlines/rss.xml", "headlines/atom.xml"):
        for entry in full_site.feed(rel).entries:
            html = entry.content[0].value if "content" in entry else entry.description
            fragment = html5lib.parseFragment(html, namespaceHTMLElements=False)
            assert elements(fragment, "script") == [], f"{rel}: {entry.title}"


def test_commentary_link_to_javascript_is_an_error(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path / "project")
    day = project / "content/digests/2024/2024-06-22.md"
    day.write_text(day.read_text("utf-8") + "\n[click me](javascript:alert(1))\n", "utf-8")
    check = digest("check", "--project", project)
    assert check.code == 1
    assert check.err == (
        "content/digests/2024/2024-06-22.md:12: commentary: the link 'javascript:alert(1)' is "
        "not allowed: links must be absolute http(s) URLs or paths within the site; write an "
        "https:// address or remove the link\n1 error in 1 file\n"
    )
    build = digest("build", "--project", project)
    assert build.code == 1
    assert not (project / "site").exists()


# Feeds ----------------------------------------------------------------------------------


def test_every_feed_parses_without_bozo(any_site: Built) -> None:
    problems = []
    for rel in any_site.feeds():
        parsed = any_site.feed(rel)
        if parsed.bozo:
            problems.append(f"{rel}: {parsed.bozo_exception}")
        expected = "rss20" if rel.endswith("rss.xml") else "atom10"
        if parsed.version != expected:
            problems.append(f"{rel}: version {parsed.version!r}")
        ids = [e.get("id", "") for e in parsed.entries]
        if len(ids) != len(set(ids)) or "" in ids:
            problems.append(f"{rel}: item ids not unique: {ids}")
    assert problems == []


def test_every_feed_comes_in_both_formats_and_every_subject_has_one(any_site: Built) -> None:
    feeds = set(any_site.feeds())
    folders = {rel.rsplit("/", 1)[0] + "/" if "/" in rel else "" for rel in feeds}
    for folder in folders:
        assert {f"{folder}rss.xml", f"{folder}atom.xml"} <= feeds
    for kind in ("tags", "sources", "places", "stories"):
        for slug in any_site.content.subjects(kind):
            assert f"{kind}/{slug}/" in folders


def test_site_feed_has_one_item_per_day_newest_first(any_site: Built) -> None:
    days = list(reversed(any_site.content.days))
    expected = [any_site.base_url + f"{d:%Y/%m/%d}/" for d in days]
    for rel in ("rss.xml", "atom.xml"):
        assert [e.link for e in any_site.feed(rel).entries] == expected


def test_headlines_feed_has_one_item_per_headline_newest_day_first(any_site: Built) -> None:
    content = any_site.content
    expected = [i.url for i in content.newest_first(list(content.items))]
    for rel in ("headlines/rss.xml", "headlines/atom.xml"):
        assert [e.link for e in any_site.feed(rel).entries] == expected


@pytest.mark.parametrize("kind", ["tags", "sources", "places", "stories"])
def test_subject_feeds_hold_exactly_that_subjects_headlines(full_site: Built, kind: str) -> None:
    content = full_site.content
    subjects = content.subjects(kind)
    on_disk = {p.parent.name for p in (full_site.site / kind).glob("*/rss.xml")}
    assert on_disk == set(subjects)
    for slug, items in subjects.items():
        expected = [i.url for i in content.newest_first(items)]
        for fmt in ("rss", "atom"):
            entries = full_site.feed(f"{kind}/{slug}/{fmt}.xml").entries
            assert [e.link for e in entries] == expected, f"{kind}/{slug}/{fmt}.xml"


def test_feed_dates_carry_the_sites_time_zone_offset(full_site: Built) -> None:
    items = full_site.content.newest_first(list(full_site.content.items))
    atom = full_site.feed("headlines/atom.xml").entries
    rss = full_site.feed("headlines/rss.xml").entries
    assert [e.published for e in atom] == [i.moment.isoformat() for i in items]
    assert [e.published for e in rss] == [email.utils.format_datetime(i.moment) for i in items]
    published = {e.link: e.published for e in atom}
    summer = published["https://www.reuters.com/markets/grain-odesa-1"]
    winter = published["https://kyivindependent.com/largest-air-attack"]
    assert (summer, winter) == ("2024-07-14T09:15:00+03:00", "2023-12-30T07:30:00+02:00")
    days = {e.link: e.published for e in full_site.feed("atom.xml").entries}
    assert days["https://digest.example.org/2024/07/15/"] == "2024-07-15T00:00:00+03:00"
    rss_days = {e.link: e.published for e in full_site.feed("rss.xml").entries}
    assert rss_days["https://digest.example.org/2024/07/15/"] == "Mon, 15 Jul 2024 00:00:00 +0300"


def feed_ids(built: Built) -> dict[str, tuple[str | None, list[str]]]:
    """Return {feed file: (Atom feed id, item ids in order)}."""
    found = {}
    for rel in built.feeds():
        parsed = built.feed(rel)
        found[rel] = (parsed.feed.get("id"), [e.id for e in parsed.entries])
    return found


def test_feed_and_item_ids_do_not_change_with_base_url(full_site: Built, moved_site: Built) -> None:
    assert full_site.feed("atom.xml").entries[0].link != moved_site.feed("atom.xml").entries[0].link
    assert feed_ids(moved_site) == feed_ids(full_site)


def test_each_item_has_its_own_id_and_keeps_it_in_every_feed(full_site: Built) -> None:
    link_of_id: dict[str, str] = {}
    for rel in full_site.feeds():
        for entry in full_site.feed(rel).entries:
            assert link_of_id.setdefault(entry.id, entry.link) == entry.link, rel
    headline_links = {i.url for i in full_site.content.items}
    day_links = {full_site.base_url + f"{d:%Y/%m/%d}/" for d in full_site.content.days}
    assert sorted(link_of_id.values()) == sorted(headline_links | day_links)
    atom_ids = [full_site.feed(rel).feed.id for rel in full_site.feeds() if "atom" in rel]
    assert len(set(atom_ids)) == len(atom_ids)


def test_every_feed_names_the_page_it_follows(full_site: Built) -> None:
    pages = {}
    for rel in full_site.feeds():
        parsed = full_site.feed(rel)
        if rel.endswith("atom.xml"):
            (page,) = [link.href for link in parsed.feed.links if link.rel == "alternate"]
        else:
            page = parsed.feed.link  # RSS <channel><link>: "the URL of the HTML website"
        pages[rel] = full_site.file_of(page)
    folder_feeds = {rel: pages[rel] for rel in pages if rel.count("/") == 2}
    assert folder_feeds == {rel: rel.rsplit("/", 1)[0] + "/index.html" for rel in folder_feeds}
    assert {rel: pages[rel] for rel in pages if rel.count("/") < 2} == {
        "rss.xml": "index.html",
        "atom.xml": "index.html",
        "headlines/rss.xml": "index.html",
        "headlines/atom.xml": "index.html",
    }


def test_links_in_feed_content_are_absolute(full_site: Built) -> None:
    relative = []
    for rel in full_site.feeds():
        for entry in full_site.feed(rel).entries:
            html = entry.content[0].value if "content" in entry else entry.description
            fragment = html5lib.parseFragment(html, namespaceHTMLElements=False)
            for a in fragment.iter("a"):
                if not (a.get("href") or "").startswith(("http://", "https://")):
                    relative.append(f"{rel}: {entry.link}: {a.get('href')}")
    assert relative == []


# Sitemap and robots.txt ------------------------------------------------------------------


def test_sitemap_lists_every_page_but_404_and_offline(any_site: Built) -> None:
    tree = ET.parse(any_site.site / "sitemap.xml")
    assert tree.getroot().tag == f"{SITEMAP_NS}urlset"
    locs = [e.text or "" for e in tree.iter(f"{SITEMAP_NS}loc")]
    assert len(locs) == len(set(locs))
    pages = [rel for rel in any_site.pages() if rel not in ANY_PATH]
    assert sorted(locs) == sorted(any_site.base_url + any_site.url_path(rel) for rel in pages)


def test_robots_txt_points_at_the_sitemap(any_site: Built) -> None:
    lines = (any_site.site / "robots.txt").read_text("utf-8").splitlines()
    assert f"Sitemap: {any_site.base_url}sitemap.xml" in lines
    assert "User-agent: *" in lines


# Pagination -----------------------------------------------------------------------------


def walk(built: Built, first: str) -> Iterator[tuple[str, ET.Element]]:
    """Follow rel=next from a first page; check every rel=prev leads back."""
    rel, previous, seen = first, None, []
    while True:
        root = built.tree(rel)
        pagers = elements(root, "nav", "pager")
        links = {a.get("rel"): a.get("href") for nav in pagers for a in nav.iter("a")}
        back = built.follow(rel, links["prev"]) if "prev" in links else None  # type: ignore[arg-type]
        assert back == previous, f"{rel}: rel=prev leads to {back}, not {previous}"
        seen.append(rel)
        yield rel, root
        if "next" not in links:
            return
        previous, rel = rel, built.follow(rel, links["next"])  # type: ignore[arg-type]
        assert rel not in seen and len(seen) < 100, f"rel=next goes round: {seen}"


def page_sizes(count: int, per_page: int, newest_first: bool) -> list[int]:
    """How many items each page of a listing holds. Newest-first listings are cut from
    their oldest end, so that new items change only the first page: every page but the
    first holds per_page, the first the rest (per_page to 2 * per_page - 1, or all)."""
    if not newest_first:
        return [min(per_page, count - start) for start in range(0, count, per_page)] or [0]
    pages = max(1, count // per_page)
    return [count - (pages - 1) * per_page] + [per_page] * (pages - 1)


@pytest.mark.parametrize("name", ["full", "paged"])
def test_listing_pages_together_hold_exactly_their_subjects_headlines(
    request: pytest.FixtureRequest, name: str
) -> None:
    built: Built = request.getfixturevalue(f"{name}_site")
    per_page = 2 if name == "paged" else 50
    for kind in ("tags", "sources", "places", "stories"):
        for slug, items in built.content.subjects(kind).items():
            pages = list(walk(built, f"{kind}/{slug}/index.html"))
            shown = [url for _, root in pages for url in headline_urls(root)]
            expected = [i.url for i in built.content.listing_order(kind, items)]
            assert shown == expected, f"{kind}/{slug}"
            sizes = [len(headline_urls(root)) for _, root in pages]
            assert sizes == page_sizes(len(items), per_page, kind != "stories"), f"{kind}/{slug}"


def test_paginated_tag_pages_have_working_prev_and_next(paged_site: Built) -> None:
    pages = [rel for rel, _ in walk(paged_site, "tags/frontline/index.html")]
    assert pages == [
        "tags/frontline/index.html",
        "tags/frontline/page/2/index.html",
        "tags/frontline/page/3/index.html",
    ]  # seven headlines in pages of two, cut from the oldest end: 3, 2, 2


@pytest.mark.parametrize("name", ["full", "paged"])
def test_home_pages_together_hold_every_day_newest_first(
    request: pytest.FixtureRequest, name: str
) -> None:
    built: Built = request.getfixturevalue(f"{name}_site")
    per_page = 1 if name == "paged" else 5
    pages = list(walk(built, "index.html"))
    shown = []
    sizes = []
    for _, root in pages:
        cards = elements(root, "article", "day-card")
        sizes.append(len(cards))
        shown += [built.follow("index.html", next(c.iter("a")).get("href") or "") for c in cards]
    days = reversed(built.content.days)
    assert shown == [f"{d:%Y/%m/%d}/index.html" for d in days]
    assert sizes == page_sizes(len(built.content.days), per_page, newest_first=True)


# Determinism ----------------------------------------------------------------------------


def test_two_builds_into_two_folders_are_byte_identical(
    full_site: Built, process_builds: tuple[Path, Path], tmp_path: Path
) -> None:
    again = build_site(full_site.project, "--out", tmp_path / "again")
    expected = snapshot(full_site.site)
    assert len(expected) > 80
    assert snapshot(again.site) == expected
    assert snapshot(process_builds[0]) == expected  # another process, another hash seed


def test_build_does_not_depend_on_the_machines_time_zone(
    process_builds: tuple[Path, Path],
) -> None:
    utc, tokyo = (snapshot(out) for out in process_builds)
    assert utc.keys() == tokyo.keys()
    assert [name for name in utc if utc[name] != tokyo[name]] == []


# Atomic output --------------------------------------------------------------------------


def test_content_error_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path / "project")
    built = build_site(project)
    before = snapshot(built.site)
    day = project / "content/digests/2024/2024-06-22.md"
    day.write_text(day.read_text("utf-8").replace("source: ukrinform", "source: ukrinfrom"))
    result = digest("build", "--project", project)
    assert result.code == 1
    assert "unknown source 'ukrinfrom' (did you mean 'ukrinform'?)" in result.err
    assert snapshot(built.site) == before
    assert leftovers(project) == []


def test_template_error_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path / "project")
    built = build_site(project)
    before = snapshot(built.site)
    (project / "templates").mkdir()
    (project / "templates/day.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n{% if day.title %}\n{% endblock %}\n'
    )
    result = digest("build", "--project", project)
    assert result.code == 1
    assert result.err.startswith("templates/day.html:4: template: ")
    assert snapshot(built.site) == before
    assert leftovers(project) == []


@pytest.mark.parametrize(
    ("template", "said"),
    [
        (
            '{% extends "base.html" %}\n{% block content %}\n{{ 1 // 0 }}\n{% endblock %}\n',
            "templates/day.html:3: template: ZeroDivisionError: integer division or modulo by zero",
        ),
        (
            '{% extends "day.html" %}\n',
            "templates/day.html:1: template: the template extends, includes or calls itself "
            "without end (maximum recursion depth exceeded",
        ),
        (
            '{% extends "base.html" %}\n{% block content %}\nНовини\n{% endblock %}\n'.encode(
                "cp1251"
            ),
            "templates/day.html:3: template: the file is not UTF-8 (byte 0xCD at column 1); "
            "save it as UTF-8",
        ),
        (
            '{% extends "base.html" %}\n{% block content %}\n{% include "nosuch.html" %}\n'
            "{% endblock %}\n",
            "templates/day.html:3: template: template 'nosuch.html' not found in ",
        ),
    ],
    ids=["fails as it runs", "extends itself", "not UTF-8", "includes a missing template"],
)
def test_a_template_that_fails_to_run_or_read_is_a_problem_of_its_line(
    tmp_path: Path, template: str | bytes, said: str
) -> None:
    """A template of the digest's own that fails as a page is made from it, or cannot be
    read, is reported at its file and line as any problem is, not as Python's traceback;
    the site stays as it was. `digest check` reads every template too."""
    project = copy_site("minimal", tmp_path / "project")
    built = build_site(project)
    before = snapshot(built.site)
    (project / "templates").mkdir()
    path = project / "templates/day.html"
    path.write_bytes(template if isinstance(template, bytes) else template.encode())
    result = digest("build", "--project", project)
    assert (result.code, result.err.startswith(said)) == (1, True), result.err
    assert "Traceback" not in result.err
    assert snapshot(built.site) == before
    assert leftovers(project) == []
    if isinstance(template, bytes):
        checked = digest("check", "--project", project)
        assert (checked.code, checked.out + checked.err) == (1, f"{said}\n1 error in 1 file\n")


def test_deleted_day_disappears_after_the_next_build(tmp_path: Path) -> None:
    project = copy_site("full", tmp_path / "project")
    built = build_site(project)
    assert (built.site / "2024/07/16/index.html").is_file()
    (project / "content/digests/2024/2024-07-16.md").unlink()
    built = build_site(project)
    assert not (built.site / "2024/07/16").exists()
    assert "2024/07/16" not in (built.site / "sitemap.xml").read_text("utf-8")
    assert "2024/07/16" not in (built.site / "index.html").read_text("utf-8")
    assert leftovers(project) == []


def test_a_large_replaced_site_is_deleted_by_a_process_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site replaced by one made all anew is deleted by a process of its own when it is
    large (here: whatever its size), so the build does not wait for it; it is gone soon
    after, and the new site is whole."""
    from builder import output

    project = copy_site("minimal", tmp_path / "project")
    assert digest("build", "--project", project).code == 0
    monkeypatch.setattr(output, "BACKGROUND_DELETION", 1, raising=False)
    deleted_here: list[str] = []
    rmtree = shutil.rmtree

    def recorded_rmtree(path: Any, *args: Any, **kwargs: Any) -> None:
        deleted_here.append(Path(path).name)
        rmtree(path, *args, **kwargs)

    monkeypatch.setattr(output.shutil, "rmtree", recorded_rmtree)
    assert digest("build", "--project", project, "--force").code == 0  # every file anew
    assert not [name for name in deleted_here if ".building-" in name]
    deadline = time.monotonic() + 30
    while leftovers(project) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert leftovers(project) == []
    assert (project / "site" / "index.html").is_file()
    assert digest("build", "--project", project).code == 0  # up to date: the site is its own


def test_next_build_removes_a_killed_builds_leftover_folder(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path / "project")
    with pytest.raises(ProcessLookupError):
        os.kill(999999, 0)  # no such process: the build that made the folder is gone
    leftover = project / ".site.building-999999-abcd"
    (leftover / "2024").mkdir(parents=True)
    (leftover / "2024/index.html").write_text("half a site")
    build_site(project)
    assert not leftover.exists()


# Where the site goes ----------------------------------------------------------------------


def test_out_builds_elsewhere_and_leaves_site_alone(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path / "project")
    out = tmp_path / "elsewhere" / "public"
    result = digest("build", "--project", project, "--out", out)
    assert result.code == 0, result.err
    assert (out / "index.html").is_file() and (out / "2024/06/22/index.html").is_file()
    assert not (project / "site").exists()
    html = len(list(out.rglob("*.html")))
    feeds = len([p for p in out.rglob("*.xml") if p.name != "sitemap.xml"])
    feeds += len(list(out.rglob("feed.json")))
    files = len([p for p in out.rglob("*") if p.is_file()])
    assert result.out.startswith(
        f"built {html} pages and {feeds} feeds into {out} ({files} files, "
    )
    rebuilt = digest("build", "--project", project, "--out", out)  # its own folder: replaced
    assert rebuilt.code == 0, rebuilt.err
    assert leftovers(out.parent) == []


def test_timings_add_up_to_the_time_the_build_took(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`build` says how long it took from the check for changes to the records saved, not
    the sum of its stages (which left out loading and saving the caches and taking the
    parked site: about half of a rebuild of ten years), and `--timings` lists the rest."""
    from builder import uptodate

    project = copy_site("minimal", tmp_path / "project")
    assert digest("build", "--project", project).code == 0
    (project / "content" / "site.yaml").write_text(
        (project / "content" / "site.yaml").read_text("utf-8") + "\n", encoding="utf-8"
    )
    stamp = uptodate.stamp

    def slow_stamp(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.4)  # time spent outside every stage
        return stamp(*args, **kwargs)

    monkeypatch.setattr(uptodate, "stamp", slow_stamp)
    result = digest("build", "--project", project, "--timings")
    assert result.code == 0, result.err
    total = float(re.search(r"\) in ([0-9.]+) s$", result.out.splitlines()[0])[1])
    lines = dict(re.findall(r"^  (\S.*?) +(-?\d+) ms$", result.out, re.MULTILINE))
    assert {"load caches", "output folder", "save caches", "between stages"} <= lines.keys()
    # Starting the search and waiting for its index at the end are two lines, not one sum.
    assert {"search started", "search index"} <= lines.keys() and "search" not in lines
    assert total >= 0.4 and int(lines["between stages"]) >= 400
    assert abs(sum(map(int, lines.values())) / 1000 - total) < 0.02  # rounding


def test_refuses_a_non_empty_folder_not_made_by_digest(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path / "project")
    out = tmp_path / "precious"
    (out / "notes").mkdir(parents=True)
    (out / "notes/todo.txt").write_text("keep me")
    before = snapshot(out)
    result = digest("build", "--project", project, "--out", out)
    assert result.code == 1
    assert result.err.startswith(f"digest: error: {out} is not empty and was not made by digest")
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["precious", "project"]


@pytest.mark.parametrize("target", [".", "content", "content/digests", "templates", ".."])
def test_refuses_to_build_into_the_project_or_its_content(tmp_path: Path, target: str) -> None:
    project = copy_site("minimal", tmp_path / "project")
    (project / "templates").mkdir()
    before = snapshot(tmp_path)
    result = digest("build", "--project", project, "--out", project / target)
    assert result.code == 1
    assert result.err.startswith("digest: error: refusing to build into ")
    assert "which the build reads" in result.err
    assert snapshot(tmp_path) == before
    assert leftovers(project) == [] and leftovers(tmp_path) == []


# Template overrides ----------------------------------------------------------------------


def test_project_templates_override_the_bundled_theme_file_by_file(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path / "project")
    (project / "templates/partials").mkdir(parents=True)
    (project / "templates/partials/headline.html").write_text(
        '<li class="headline" id="{{ h.anchor }}" data-override="partial">{{ h.title }}</li>\n'
    )
    (project / "templates/day.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n'
        '<h1 id="override-day">{{ day.title }}</h1>\n'
        "<ol>{% for h in day.headlines %}{{ headline(h) }}{% endfor %}</ol>\n"
        "{% endblock %}\n"
    )
    built = build_site(project)
    day = built.tree("2024/06/22/index.html")
    assert [e.get("id") for e in elements(day, "h1")] == ["override-day"]
    assert elements(day, "section", "day-headlines") == []  # bundled day.html unused
    home = built.tree("index.html")
    assert elements(home, "article", "day-card")  # bundled index.html still used ...
    assert [li.get("data-override") for li in elements(home, "li", "headline")] == ["partial"]
    for root in (day, home):  # ... and so is the bundled base.html
        assert elements(root, "a", "skip-link") and elements(root, "footer", "site-footer")
    assert built.strict_errors == {}


def test_check_warns_of_a_template_that_replaces_none_and_is_used_by_none(tmp_path: Path) -> None:
    """A digest's own template named as none of the theme's and included by none
    ("dya.html" for day.html) changes nothing: `digest check` says so, and which it may
    have meant; a partial of its own that a template includes is no such template."""
    project = copy_site("minimal", tmp_path / "project")
    (project / "templates/partials").mkdir(parents=True)
    (project / "templates/dya.html").write_text('{% extends "base.html" %}\n')
    (project / "templates/partials/note.html").write_text("<p>Note</p>\n")
    (project / "templates/partials/headline.html").write_text(
        '{% include "partials/note.html" %}<li id="{{ h.anchor }}">{{ h.title }}</li>\n'
    )
    result = digest("check", "--project", project)
    assert (result.code, result.err) == (
        0,
        "templates/dya.html: warning: template: replaces no template of the theme (did you "
        "mean 'day.html'?), and no template includes or extends it, so it changes nothing: "
        "name it as the theme's template it replaces, or include it from one\n"
        "1 warning in 1 file\n",
    )


def test_check_finds_a_name_no_template_is_given_as_build_would(tmp_path: Path) -> None:
    """A digest's own template using a name nothing gives it (`subjcet_title`) made
    `digest build` stop, while `digest check` said the digest was fine: check finds it,
    at its line, without rendering a page. A loop's variable a partial is given by its
    includer, and a name the template asks `is defined` of, are no such names."""
    project = copy_site("minimal", tmp_path / "project")
    (project / "templates/partials").mkdir(parents=True)
    listing = (REPO / "templates/listing.html").read_text("utf-8")
    assert "{{ subject_title }}" in listing
    (project / "templates/listing.html").write_text(
        listing.replace("{{ subject_title }}", "{{ subjcet_title }}", 1)
        + "{% for row in [1, 2] %}{% include 'partials/row.html' %}{% endfor %}\n"
    )
    (project / "templates/partials/row.html").write_text(
        "{{ row }}{% if banner is defined %}{{ banner }}{% endif %}\n"
    )
    result = digest("check", "--project", project)
    line = listing[: listing.index("{{ subject_title }}")].count("\n") + 1
    assert (result.code, result.err) == (
        1,
        f"templates/listing.html:{line}: template: 'subjcet_title' is undefined: no "
        "page or partial is given that name (did you mean 'subject_title'?)\n"
        "1 error in 1 file\n",
    )
    built = digest("build", "--project", project, "--out", tmp_path / "site")
    assert f"templates/listing.html:{line}: template: 'subjcet_title' is undefined" in built.err


def test_the_theme_as_a_digests_own_templates_checks_clean(tmp_path: Path) -> None:
    """Every name the theme's templates use is one the pages give them: the whole theme
    copied into a digest's templates/ has no name check would call undefined."""
    project = copy_site("minimal", tmp_path / "project")
    shutil.copytree(REPO / "templates", project / "templates")
    result = digest("check", "--project", project)
    assert (result.code, result.err) == (0, "")


def test_every_name_the_renderer_and_the_pages_give_is_one_check_knows(tmp_path: Path) -> None:
    """`template_names` is what check takes as given: the renderer's globals and every
    page's context must be among them, or a digest's template using one that no theme
    template uses would be called undefined."""
    from builder.build import load
    from builder.pages import plan_site
    from builder.project import Project
    from builder.render import Renderer, template_names

    project = Project.find(copy_site("full", tmp_path / "project"))
    library = load(project).library
    assert library is not None
    renderer = Renderer(project, library)
    assert set(renderer.env.globals) - template_names() == set()
    plan = plan_site(library)
    given = set().union(*(spec.context for spec in plan.pages))
    assert given and given - template_names() == set()


# The installed package ---------------------------------------------------------------------


def test_wheel_carries_the_theme_and_builds_a_site(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy, so the build leaves nothing in the repository
    for name in ("builder", "templates"):
        shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    try:  # without isolation only when setuptools can make wheels here (bdist_wheel)
        import wheel  # type: ignore[import-not-found]  # noqa: F401

        isolation = ["--no-build-isolation"]
    except ImportError:
        isolation = []
    pip = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            *isolation,
            "-q",
            "-w",
            tmp_path / "dist",
            source,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert pip.returncode == 0, pip.stderr
    (wheel_path,) = (tmp_path / "dist").glob("digest-*.whl")
    names = set(zipfile.ZipFile(wheel_path).namelist())
    assert {"builder/theme/base.html", "builder/theme/static/style.css"} <= names
    theme = {
        f"builder/theme/{p.relative_to(REPO / 'templates').as_posix()}"
        for p in (REPO / "templates").rglob("*")
        if p.is_file()
    }
    assert theme - names == set()

    # The wheel alone (no templates/ beside it) builds a site from its own theme.
    lib = tmp_path / "lib"
    zipfile.ZipFile(wheel_path).extractall(lib)
    project = copy_site("minimal", tmp_path / "project")
    result = finish(
        digest_process(
            "build", "--project", project, "-q", cwd=tmp_path, env={"PYTHONPATH": str(lib)}
        )
    )
    assert result.code == 0, result.err
    assert (project / "site/index.html").is_file()
    assert list((project / "site/static").glob("style.*.css"))


# The command line ---------------------------------------------------------------------------


def test_help_describes_the_commands_and_options() -> None:
    top = digest("--help")
    assert top.code == 0
    assert top.out.startswith("usage: digest")
    assert "build" in top.out and "check" in top.out and "--version" in top.out
    build = digest("build", "--help")
    assert build.code == 0
    for option in ("--project DIR", "--out DIR", "--strict", "--timings", "--quiet"):
        assert option in build.out
    check = digest("check", "--help")
    assert check.code == 0
    assert "--project DIR" in check.out and "--strict" in check.out
    assert "--out" not in check.out


def test_unknown_option_is_a_usage_error() -> None:
    result = digest("build", "--frobnicate")
    assert result.code == 2
    assert "unrecognized arguments: --frobnicate" in result.err
    assert digest().code == 2  # no command


@pytest.mark.parametrize("command", ["build", "check"])
def test_folder_without_content_is_a_usage_error(tmp_path: Path, command: str) -> None:
    result = digest(command, "--project", tmp_path)
    assert result.code == 2
    assert result.err == (
        f"digest: error: {tmp_path} holds no content/ folder: run digest in the folder of a "
        "digest, or pass --project DIR\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_check_reports_the_counts_and_writes_nothing(tmp_path: Path) -> None:
    project = copy_site("full", tmp_path / "project")
    result = digest("check", "--project", project)
    assert (result.code, result.out, result.err) == (
        0,
        "checked 7 days and 14 headlines: no errors\n",
        "",
    )
    assert sorted(p.name for p in project.iterdir()) == ["content"]


def test_check_counts_one_day_in_the_singular(tmp_path: Path) -> None:
    result = digest("check", "--project", copy_site("minimal", tmp_path / "project"))
    assert result.out == "checked 1 day and 1 headline: no errors\n"


def test_python_dash_m_and_the_digest_script_run(tmp_path: Path) -> None:
    module = digest_process("--help", cwd=tmp_path)
    script = subprocess.Popen(
        ["digest", "--help"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for result in (finish(module), finish(script)):
        assert result.code == 0, result.err
        assert result.out.startswith("usage: digest")
        assert "check the content and build the site" in result.out
