"""RSS 2.0 and Atom feeds: the only module that imports feedgen.

Every feed and item id is a UUID URN made from what the thing is (the feed's subject, the
day's date, the headline's date and article URL), never from the site's address, so moving
the domain or changing the URL scheme does not show readers old items as new. Times carry
the site's time zone; a day with no time is midnight of that day in that zone. Nothing in a
feed depends on the clock: `updated` is the newest item's time.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
import zoneinfo
from typing import Any

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from . import urls
from .library import Library
from .markuptree import character_reference
from .model import Day, Headline, Update
from .pages import FeedSpec, let_go_of_items
from .render import Renderer

_FEED_NAMESPACE = uuid.UUID("0d6f4b6e-2a7c-4f43-9a61-8f0e3c5b7a21")


class _Generator(FeedGenerator):  # type: ignore[misc]  # feedgen has no types
    """feedgen's, with RSS's plain text (the channel's title and description, each item's
    title and categories) written as the RSS Best Practices Profile asks: "&", "<" and
    ">" as hexadecimal character references, which tell the readers that take text for
    HTML that it is text ("&#x3C;Bradley&#x3E; vs T-90"), where "&lt;" is read as markup by
    some (and the W3C validator warns). The text a parser reads is the same."""

    def _create_rss(self, extensions: bool = True) -> Any:
        feed, doc = super()._create_rss(extensions=extensions)
        for element in feed[0]:  # the channel
            if element.tag in ("title", "description"):
                _hex_references(element)
            elif element.tag == "item":
                for part in element:
                    if part.tag in ("title", "category"):
                        _hex_references(part)  # an item's element, once (kept items too)
        return feed, doc


class _Entry(FeedEntry):  # type: ignore[misc]  # feedgen has no types
    """feedgen's entry, with the language of a headline in another language than the
    site's as its Atom title's xml:lang (RSS has no such field; JSON Feed's item has its
    own): a reader shows and reads the title as that language, right to left where it runs
    so, and its content as the site's (the source's name, the tags; the note has its own
    lang in the HTML);
    and the language of its article where that is not the site's as its link's hreflang
    (feedgen 1.0 drops a link's hreflang, rel and type: its loop variable hides them)."""

    language: str | None = None
    hreflang: str | None = None

    def atom_entry(self, extensions: bool = True) -> Any:
        entry = super().atom_entry(extensions=extensions)
        if self.language:
            entry.find("title").set(_XML_LANG, self.language)
        if self.hreflang:
            for link in entry.iterfind("link"):  # feedgen names them without a namespace
                link.set("hreflang", self.hreflang)
        return entry


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SPECIAL = re.compile("([&<>])")
_HEX_REFERENCE = {"&": "#x26", "<": "#x3C", ">": "#x3E"}


def _hex_references(element: Any) -> None:
    """Write the "&", "<" and ">" of an element's text as character references."""
    text = element.text
    if not text or len(element) or not _SPECIAL.search(text):
        return
    parts = _SPECIAL.split(text)
    element.text = parts[0]
    for index in range(1, len(parts), 2):
        reference = character_reference(_HEX_REFERENCE[parts[index]])
        reference.tail = parts[index + 1]
        element.append(reference)


class FeedWriter:
    """Renders feeds for one build; HTML of each item is made once and reused."""

    def __init__(
        self,
        library: Library,
        renderer: Renderer,
        kept: dict[int, tuple[Headline, dict[str, bytes]]] | None = None,
        uses: dict[int, int] | None = None,
    ) -> None:
        """`kept` holds items from build to build (the preview's), by headline: valid while
        the configuration, sources, tags and theme are the same (the caller's care).
        `uses`, for a build whose items are not kept for another: how many of the feeds
        this writer may write list each headline (by identity); its item is let go once
        that many are written (most are listed by one or two: on ten years with 2,000
        places, 65,000 of 72,000)."""
        self.library = library
        self.renderer = renderer
        self.zone = zoneinfo.ZoneInfo(library.site.timezone)
        # Each headline's item as it stands in a feed, by format, by the headline's
        # identity (kept with it, which keeps the id from being reused).
        self._items: dict[int, tuple[Headline, dict[str, bytes]]] = {} if kept is None else kept
        self._uses = uses

    def moment(self, date: dt.date, time: dt.time | None = None) -> dt.datetime:
        """Return the moment a day (or a headline's time on it) stands for, in the site's zone."""
        return dt.datetime.combine(date, time or dt.time(0, 0), tzinfo=self.zone)

    def updated(self, date: dt.date, time: dt.time | None, update: Update | None) -> dt.datetime:
        """Return when an item last changed: its update (a correction) if any, else published."""
        when = self.moment(date, time)
        return max(when, self.moment(update.date, update.time)) if update else when

    def render(self, spec: FeedSpec) -> dict[str, bytes]:
        """Return {output path: bytes} of the feed in RSS and Atom.

        feedgen writes the feed with the items not written before (the days' items, and
        the headlines' this writer has not yet made); each headline's item is cut out of
        that text and kept, and put, as it is, into every later feed that lists the
        headline: the bytes feedgen gives for the whole feed (its channel does not depend
        on its items; tests/test_feeds.py compares). Building and writing the elements of
        every item of every feed took most of a build's feed time, and keeping them as
        lxml elements most of its memory where many feeds list old headlines."""
        known = self._items
        new = [
            h
            for h in dict.fromkeys(spec.headlines)
            if (kept := known.get(id(h))) is None or kept[0] is not h
        ]
        generator = self._generator(spec, new)
        made: dict[int, tuple[Headline, dict[str, bytes]]] = {id(h): (h, {}) for h in new}
        files = {}
        for kind in urls.FEED_FORMATS:
            path = urls.feed(spec.feed_folder, kind)
            # Each format's rel="self" names its own file, as the feed validators ask.
            generator.link(
                [  # feedgen takes the last link as RSS's <link>: the page, not the feed
                    {"href": self.renderer.absolute_url(path), "rel": "self"},
                    {"href": self.renderer.absolute_url(spec.listing_path), "rel": "alternate"},
                ],
                replace=True,
            )
            text = (
                _uri_links(generator.rss_str(pretty=True))
                if kind == "rss"
                else generator.atom_str(pretty=True)
            )
            head, items, foot = _cut(text, kind, len(spec.days) + len(new))
            days = len(spec.days)
            for headline, item in zip(new, items[days:], strict=True):
                made[id(headline)][1][kind] = item
            listed = [(made.get(id(h)) or known[id(h)])[1][kind] for h in spec.headlines]
            files[path] = b"".join([head, *items[:days], *listed, foot])
        known.update(made)
        if self._uses is not None:
            let_go_of_items(self._uses, known, spec)
        return files

    def _generator(self, spec: FeedSpec, headlines: list[Headline]) -> FeedGenerator:
        """Return feedgen's feed of `spec` with the items of its days and of `headlines`."""
        site = self.library.site
        fg = _Generator()
        fg.id(feed_id(spec.id))
        fg.title(spec.title)
        fg.description(spec.description or site.description)
        fg.language(site.language)
        fg.author({"name": site.author})
        fg.generator("digest")
        moments = [self.updated(day.date, None, day.last_update) for day in spec.days]
        moments += [self.updated(h.date, h.time, h.update) for h in spec.headlines]
        latest = self.library.latest_date or dt.date(1970, 1, 1)
        fg.updated(max(moments) if moments else self.moment(latest))
        for day in spec.days:
            self._day_entry(fg, day)
        for headline in headlines:
            fg.add_entry(self._new_entry(headline), order="append")
        return fg

    def _day_entry(self, fg: FeedGenerator, day: Day) -> None:
        entry = fg.add_entry(order="append")
        entry.id(day.uid)
        entry.title(self._day_title(day))
        entry.link(href=self.renderer.absolute_url(urls.day(day.date)))
        entry.published(self.moment(day.date))
        entry.updated(self.updated(day.date, None, day.last_update))
        if day.summary:
            entry.summary(day.summary)
        html = self.renderer.render_template("feed/day.html", day=day)
        entry.content(html + self.renderer.day_corrections_html(day), type="html")

    def _day_title(self, day: Day) -> str:
        date = self.renderer.env.globals["long_date"](day.date)  # type: ignore[operator]
        return f"{date}: {day.title}" if day.title else str(date)

    def _new_entry(self, headline: Headline) -> FeedEntry:
        entry = _Entry()
        entry.language = headline.language
        entry.id(headline.uid)
        label = self.renderer.label_names.get(headline.label or "")
        entry.title(f"[{label}] {headline.title}" if label else headline.title)
        entry.link(href=headline.url)
        article, said = self.renderer.article_language(headline)
        if said:  # as the pages say it
            entry.hreflang = article
        entry.published(self.moment(headline.date, headline.time))
        entry.updated(self.updated(headline.date, headline.time, headline.update))
        for tag_id in headline.tags:
            entry.category(term=self.library.tags[tag_id].name)
        html = self.renderer.feed_item(headline)
        if headline.update:
            html += "\n" + self.renderer.correction_html(headline.update, None)
        entry.content(html, type="html")
        return entry


_RSS_LINK = re.compile(rb"<link>([^<]*)</link>")


def _uri_links(text: bytes) -> bytes:
    """Write RSS's <link>s as URIs, as RSS asks (an article's address in another script:
    "https://пример.укр/новини" -> "https://xn--e1afmkfd.xn--j1amh/%D0%BD…"); Atom's href
    and JSON Feed's url keep the address as the pages do."""
    if text.isascii():
        return text
    return _RSS_LINK.sub(
        lambda found: b"<link>" + urls.as_uri(found[1].decode()).encode() + b"</link>", text
    )


# How each format's items stand in feedgen's pretty-printed text: an item's lines end with
# its closing tag's (text and attributes inside are escaped: no "<" but a tag's), and
# the feed's with the closing tags of the channel and root.
_ITEM_TAGS = {
    "rss": (b"\n    <item>\n", b"    </item>\n"),
    "atom": (b"\n  <entry", b"  </entry>\n"),
}
_FEED_ENDS = {"rss": b"  </channel>\n</rss>\n", "atom": b"</feed>\n"}


def _cut(text: bytes, kind: str, count: int) -> tuple[bytes, list[bytes], bytes]:
    """Cut a feed's text into what comes before its items, its `count` items, and what
    comes after them."""
    opening, closing = _ITEM_TAGS[kind]
    end = _FEED_ENDS[kind]
    assert text.endswith(end), text[-80:]
    start = text.index(opening) + 1 if count else len(text) - len(end)
    items = text[start : len(text) - len(end)].split(closing)
    assert len(items) == count + 1 and not items[-1], (kind, count, len(items))
    return text[:start], [item + closing for item in items[:-1]], end


def feed_id(subject: str) -> str:
    """Return the stable id of a feed about `subject` ("days", "tags:frontline", ...)."""
    return "urn:uuid:" + str(uuid.uuid5(_FEED_NAMESPACE, f"feed:{subject}"))
