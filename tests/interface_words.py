"""The words of a built site that readers see, by page and feed: to find an interface
leaking English into a site in another language (test_readers)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

LATIN = re.compile(r"[A-Za-z]{2,}")
# Addresses, and the placeholders a page leaves for its script ("{days}").
NOT_WORDS = re.compile(r"(?:https?|urn|mailto):\S+|\{\w+\}")
# Attributes whose values are shown or read aloud; the others are markup's own.
SHOWN = frozenset(
    {"title", "alt", "aria-label", "placeholder", "value", "data-found", "data-none"}
    | {"data-offline", "data-day", "data-partial"}
)
# Meta elements whose content is a page's text (the others: a viewport, a card's kind).
SHOWN_META = frozenset({"description", "author", "og:title", "og:description", "og:site_name"})
# Elements of a feed that hold no text for readers (addresses, ids, dates, codes).
FEED_CODES = frozenset(
    {"link", "guid", "id", "uri", "generator", "docs", "language", "pubDate", "lastBuildDate"}
    | {"updated", "published", "url", "icon", "logo"}
)
JSON_CODES = frozenset(
    {"version", "id", "url", "external_url", "home_page_url", "feed_url", "language"}
    | {"date_published", "date_modified", "icon", "favicon"}
)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.hidden += 1
        values = dict(attrs)
        if tag == "meta":
            if (values.get("name") or values.get("property")) in SHOWN_META:
                self.parts.append(values.get("content") or "")
            return
        self.parts.extend(value for name, value in attrs if name in SHOWN and value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _html_text(markup: str) -> list[str]:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return parser.parts


def _feed_text(path: Path) -> list[str]:
    texts = []
    for element in ET.parse(path).getroot().iter():
        if element.tag.split("}")[-1] not in FEED_CODES and element.text:
            texts.extend(_html_text(element.text))  # a feed's HTML content is text in it
        texts.extend(element.attrib.get(name, "") for name in ("term", "label", "title"))
    return texts


def _json_text(value: Any, key: str = "") -> list[str]:
    if isinstance(value, dict):
        return [text for name, item in value.items() for text in _json_text(item, name)]
    if isinstance(value, list):
        return [text for item in value for text in _json_text(item, key)]
    if isinstance(value, str) and key not in JSON_CODES:
        return _html_text(value) if key == "content_html" else [value]
    return []


def latin_words(site: Path) -> dict[str, set[str]]:
    """Return the words in Latin letters that each page and feed of `site` shows readers
    (its text, its title and description, what screen readers read), by its path."""
    found: dict[str, set[str]] = {}
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            texts = _html_text(path.read_text(encoding="utf-8"))
        elif path.name in ("rss.xml", "atom.xml"):
            texts = _feed_text(path)
        elif path.name == "feed.json":
            texts = _json_text(json.loads(path.read_text(encoding="utf-8")))
        else:
            continue
        found[path.relative_to(site).as_posix()] = {
            word for text in texts for word in LATIN.findall(NOT_WORDS.sub(" ", text))
        }
    return found
