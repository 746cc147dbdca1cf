"""What a page says of its listing besides its items: its structured data, its script data, its
links mended.

A page's JSON-LD ItemList (read where the page as saved does not show its list), the data
a script would have built its list from (noted, not read), a round-up's "Детальніше – тут"
links given to the headings above them, and a newsletter's credits ("Title — <a>Outlet</a>")
given to their titles.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from typing import Any

from .i18n import normalise_word
from .importdates import (
    read_stamp,
)
from .importlinks import (
    absolute,
    names_site,
)
from .importmodel import Dropped, Line
from .importtext import JSON_ERRORS, LINK_WORDS, collapse, headline_like


def structured_list(root: Any, base: str, timezone: str | None) -> list[Line]:
    """The articles of the page's schema.org ItemList in JSON-LD, as lines: each item's
    headline (or name), address and datePublished."""
    lines: list[Line] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except JSON_ERRORS:
            continue
        graph = data if isinstance(data, list) else data.get("@graph", [data])
        for thing in graph if isinstance(graph, list) else []:
            if not isinstance(thing, dict) or thing.get("@type") != "ItemList":
                continue
            for element in thing.get("itemListElement") or []:
                item = element.get("item") if isinstance(element, dict) else None
                article = item if isinstance(item, dict) else element
                if not isinstance(article, dict):
                    continue
                title = article.get("headline") or article.get("name")
                address = article.get("url") or (item if isinstance(item, str) else None)
                if not isinstance(title, str) or not isinstance(address, str):
                    continue
                published = article.get("datePublished")
                stamp = read_stamp(published, timezone) if isinstance(published, str) else None
                url = absolute(address, base) or ""
                number = script.sourceline or 0
                lines.append(Line(number, collapse(title), url, stamp or (None, None), item=True))
    return lines


# The data a page's script builds its list from, in the browser (Next.js, Nuxt, a store).
_PAGE_DATA = (
    "__NEXT_DATA__",
    "__NUXT__",
    "__NUXT_DATA__",
    "__INITIAL_STATE__",
    "__PRELOADED_STATE__",
)


# An article's address in such data: a path of two parts or more, its last a slug or a number.
_DATA_ARTICLE = re.compile(
    # (the last part tested by a lookahead, which cannot backtrack: a long part of dashes not
    # closed by a quote took cubic time)
    r'"((?:https?:)?(?://[^/"\s]+)?/(?:[^"\s/]+/)+(?=[^"\s/\d-]*(?:\d|-[^"\s/\d-]*[\d-]))[^"\s/]*/?)"'
)


_STATIC = re.compile(r"\.(?:js|css|png|jpe?g|gif|svg|webp|avif|woff2?|ico|json|mp4)(?:$|\?)", re.I)


def unrendered(root: Any, lines: list[Line]) -> list[Dropped]:
    """A note when a page's script data holds links to articles that its HTML, as saved,
    does not show: the page builds part of its list in the browser (a Next.js site saved
    before its list loaded), and those headlines are not imported."""
    shown = {urllib.parse.urlsplit(line.link).path.rstrip("/") for line in lines if line.link}
    for script in root.iter("script"):
        text = script.text or ""
        if script.get("id") not in _PAGE_DATA and not any(
            name in text[:200] for name in _PAGE_DATA
        ):
            continue
        paths = {
            urllib.parse.urlsplit(found).path.rstrip("/")
            for found in _DATA_ARTICLE.findall(text)
            if not _STATIC.search(found)
        }
        missing = paths - shown
        if len(missing) >= 2:
            return [
                Dropped(
                    script.sourceline or 0,
                    script.get("id") or "<script>",
                    f"{len(missing)} more links to articles are in the page's script data, "
                    "not in the page as saved (it builds its list in the browser): save the "
                    "page once its list has loaded, or import the outlet's feed",
                )
            ]
    return []


# Where a page's script data gives an article's address and when it was published: Arc
# XP's (Fusion.globalContent: "canonical_url", "display_date"), Next.js's and others'.
_DATA_URLS = ("canonical_url", "website_url", "url", "href", "link", "path", "permalink")
_DATA_DATES = (
    "display_date",
    "first_publish_date",
    "publish_date",
    "datePublished",
    "published_at",
    "publishedAt",
    "displayDate",
    "pubDate",
    "date",
)


Moment = tuple[Any, Any]  # (date or None, time or None), as read_stamp gives it


def script_moments(
    root: Any, base: str, timezone: str | None, assumed: str | None
) -> dict[str, Moment]:
    """When each article the page's script data names was published, by its address: for
    the items whose cards show no time (La Nación's, which its script dates)."""
    found: dict[str, Moment] = {}
    decoder = json.JSONDecoder()
    for script in root.iter("script"):
        text = script.text or ""
        if '"' not in text or not any(f'"{name}"' in text for name in _DATA_DATES):
            continue
        start = text.find("{")
        while start >= 0:
            try:
                data, end = decoder.raw_decode(text, start)
            except JSON_ERRORS:
                start = text.find("{", start + 1)
                continue
            _moments_in(data, base, timezone, assumed, found)
            start = text.find("{", end)
    return found


def _moments_in(
    data: Any, base: str, timezone: str | None, assumed: str | None, found: dict[str, Moment]
) -> None:
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, list):
            pending.extend(value)
            continue
        if not isinstance(value, dict):
            continue
        pending.extend(v for v in value.values() if isinstance(v, (dict, list)))
        address = next((value[k] for k in _DATA_URLS if isinstance(value.get(k), str)), None)
        when = next((value[k] for k in _DATA_DATES if isinstance(value.get(k), str)), None)
        if address is None or when is None:
            continue
        url = absolute(address, base)
        stamp = read_stamp(when, timezone, assumed)
        if url and stamp is not None and stamp[1] is not None:
            found.setdefault(url, stamp)


def link_round_up(root: Any) -> None:
    """Give each heading of a round-up the link of the short paragraph under it that sends
    the reader to the story ("Детальніше – <a>тут</a>.", "Read more <a>in our report</a>"),
    as if the heading were that link: where two headings or more of the page are so."""
    found = []
    for heading in root.iter("h2", "h3", "h4"):
        if heading.find(".//a") is not None or len(heading.text_content().split()) < 3:
            continue
        for sibling in heading.itersiblings():
            if not isinstance(sibling.tag, str) or sibling.tag in ("h1", "h2", "h3", "h4"):
                break
            links = sibling.findall(".//a[@href]")
            words = " ".join(sibling.text_content().split())
            if len(links) == 1 and len(words.split()) <= 15 and _MORE_AT.search(words):
                found.append((heading, links[0]))
                break
    if len(found) < 2:  # (one heading so: an article's own "read more", not a round-up)
        return
    for heading, link in found:
        anchor = heading.makeelement("a", {"href": link.get("href")})
        anchor.text, heading.text = heading.text, None
        anchor.extend(list(heading))
        heading.append(anchor)
        link.drop_tag()  # its words ("тут") stay, as text: no headline of their own


def link_attributed(root: Any, base: str) -> None:
    """Give a headline written before its outlet's linked name ("Title — <a>The Insider</a>",
    as a newsletter credits its items) that link, as if the headline were linked. Where two
    or more name their links' sites, a name that does not ("— <a>Би-би-си</a>" on bbc.com)
    credits its headline too."""
    found = []
    for link in list(root.iter("a")):
        parent, text = link.getparent(), collapse(link.text_content())
        url = absolute(link.get("href") or "", base)
        if parent is None or not url:
            continue
        names = names_site(text, url, {})
        if not names and (len(text.split()) > 3 or headline_like(text)):
            continue  # (a name, not a title, where it does not name the link's site)
        before = collapse(
            (link.getprevious().tail if link.getprevious() is not None else parent.text) or ""
        )
        words = _ATTRIBUTED.fullmatch(before)
        if words is None or not headline_like(words[1]) or len(parent) > 1:
            continue  # (the headline's text alone before it, in its block: no other links)
        found.append((link, parent, words[1], names))
    named = sum(1 for *_, names in found if names)
    for link, parent, headline, names in found:
        if not names and named < 2:
            continue
        link.text, link.tail = headline, (link.tail or "")
        for child in list(link):
            link.remove(child)
        if link.getprevious() is not None:
            link.getprevious().tail = ""
        else:
            parent.text = ""


def link_labelled(root: Any) -> None:
    """Give a headline written before its link, the link's text a word for one ("Title
    (<a>посилання</a>)", as a press review lists its items), that link, as if the headline
    were linked."""
    for link in list(root.iter("a")):
        previous, parent = link.getprevious(), link.getparent()
        if parent is None or normalise_word(collapse(link.text_content())) not in LINK_WORDS:
            continue
        before = (previous.tail if previous is not None else parent.text) or ""
        if not before.rstrip().endswith("(") or not (link.tail or "").lstrip().startswith(")"):
            continue
        title = collapse(before.rstrip()[:-1]).lstrip(":–—- ")
        if not headline_like(title):
            continue
        link.text, link.tail = title, (link.tail or "").lstrip()[1:]
        for child in list(link):
            link.remove(child)
        if previous is not None:
            previous.tail = " "
        else:
            parent.text = ""


_ATTRIBUTED = re.compile(r"(.+?)\s+[—–-]\s*")  # "Title — ", before the outlet's linked name


# Where a round-up sends its reader to the story.
_MORE_AT = re.compile(
    r"\b(?:детальніше|докладніше|подробнее|подробности|читайте|читати|дивіться|read more|"
    r"more details|full story|find out more|go deeper|keep reading)\b",
    re.IGNORECASE,
)
