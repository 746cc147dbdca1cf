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
from .fragments import FEED_LABELS
from .library import Library
from .markuptree import character_reference
from .model import Day, Headline, Update
from .pages import FeedSpec
from .render import Renderer

_FEED_NAMESPACE = uuid.UUID("0d6f4b6e-2a7c-4f43-9a61-8f0e3c5b7a21")


class KeptEntry(FeedEntry):  # type: ignore[misc]  # feedgen has no types
    """A headline's item, made once and written into every feed that lists it (a save at
    ten years writes some 70 feeds of 50 items each). feedgen asks an entry for its RSS and
    Atom element anew for every feed; this one makes each element once and hands out that
    element each time: appended to the next feed's tree, it leaves the last one, which
    feedgen has written out by then (rss_str and atom_str make a tree and write it at
    once). Copying each element took a tenth of a save's rebuild. Its fields are not
    changed once it is in a feed."""

    def __init__(self) -> None:
        super().__init__()
        self._made: dict[tuple[str, bool], Any] = {}

    def atom_entry(self, extensions: bool = True) -> Any:
        return self._element("atom", extensions)

    def rss_entry(self, extensions: bool = True) -> Any:
        return self._element("rss", extensions)

    def _element(self, kind: str, extensions: bool) -> Any:
        made = self._made.get((kind, extensions))
        if made is None:
            make = super().atom_entry if kind == "atom" else super().rss_entry
            made = self._made[kind, extensions] = make(extensions)
        return made


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
        kept: dict[int, tuple[Headline, FeedEntry]] | None = None,
    ) -> None:
        """`kept` holds items from build to build (the preview's), by headline: valid while
        the configuration, sources, tags and theme are the same (the caller's care)."""
        self.library = library
        self.renderer = renderer
        self.zone = zoneinfo.ZoneInfo(library.site.timezone)
        # By identity, each with its headline, which keeps the id from being reused.
        self._entries: dict[int, tuple[Headline, FeedEntry]] = {} if kept is None else kept

    def moment(self, date: dt.date, time: dt.time | None = None) -> dt.datetime:
        """Return the moment a day (or a headline's time on it) stands for, in the site's zone."""
        return dt.datetime.combine(date, time or dt.time(0, 0), tzinfo=self.zone)

    def updated(self, date: dt.date, time: dt.time | None, update: Update | None) -> dt.datetime:
        """Return when an item last changed: its update (a correction) if any, else published."""
        when = self.moment(date, time)
        return max(when, self.moment(update.date, update.time)) if update else when

    def render(self, spec: FeedSpec) -> dict[str, bytes]:
        """Return {output path: bytes} of the feed in RSS and Atom."""
        generator = self._generator(spec)
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
            files[path] = (
                generator.rss_str(pretty=True) if kind == "rss" else generator.atom_str(pretty=True)
            )
        return files

    def _generator(self, spec: FeedSpec) -> FeedGenerator:
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
        for headline in spec.headlines:
            self._headline_entry(fg, headline)
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
        for update, title in [(day.update, None), *((h.update, h.title) for h in day.headlines)]:
            if update:
                html += self._correction_html(update, title)
        entry.content(html, type="html")

    def _day_title(self, day: Day) -> str:
        date = self.renderer.env.globals["long_date"](day.date)  # type: ignore[operator]
        return f"{date}: {day.title}" if day.title else str(date)

    def _headline_entry(self, fg: FeedGenerator, headline: Headline) -> None:
        """Add a headline's item: made once, and the same entry in every feed that lists the
        headline (an entry holds nothing of its feed; feedgen writes it anew each time)."""
        known = self._entries.get(id(headline))
        if known is None or known[0] is not headline:
            known = self._entries[id(headline)] = (headline, self._new_entry(headline))
        fg.add_entry(known[1], order="append")

    def _new_entry(self, headline: Headline) -> FeedEntry:
        entry = KeptEntry()
        entry.id(headline.uid)
        label = FEED_LABELS.get(headline.label or "")
        entry.title(f"[{label}] {headline.title}" if label else headline.title)
        entry.link(href=headline.url)
        entry.published(self.moment(headline.date, headline.time))
        entry.updated(self.updated(headline.date, headline.time, headline.update))
        for tag_id in headline.tags:
            entry.category(term=self.library.tags[tag_id].name)
        html = self.renderer.feed_item(headline)
        if headline.update:
            html += "\n" + self._correction_html(headline.update, None)
        entry.content(html, type="html")
        return entry

    def _correction_html(self, update: Update, title: str | None) -> str:
        """Render the note of an update for a feed item (absolute links)."""
        return self.renderer.render_template(
            "partials/correction.html", update=update, title=title, in_feed=True
        ).strip()


def feed_id(subject: str) -> str:
    """Return the stable id of a feed about `subject` ("days", "tags:frontline", ...)."""
    return "urn:uuid:" + str(uuid.uuid5(_FEED_NAMESPACE, f"feed:{subject}"))
