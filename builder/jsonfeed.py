"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) beside every RSS and Atom feed.

Standard library only. Items carry the same ids, links, dates and HTML as the RSS and Atom
items of the same feed (the HTML comes from the same feed/ templates), so a reader moving
between formats sees the same items. Keys are written in a fixed order: same content, same
bytes. Each item's JSON text is made once per build and spliced into every feed that lists
it, exactly as json.dumps with indent=1 would place it. The text is laid out by `pretty`,
not by json.dumps: Python's pretty printer has no C speed-up and makes a cycle of closures
for every call (ten years' feeds make 13,000 items), which the build, its cycle collector
off, keeps as garbage to its end; `pretty` escapes strings with json's own C encoder.
"""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from collections.abc import Callable
from typing import Any, TypeVar

from . import urls
from .library import Library
from .model import Day, Headline, Update
from .pages import FeedSpec, let_go_of_items
from .render import Renderer

VERSION = "https://jsonfeed.org/version/1.1"
MEDIA_TYPE = "application/feed+json"
T = TypeVar("T", Day, Headline)


def json_feed_path(spec: FeedSpec) -> str:
    """Return where the JSON Feed of `spec` goes: beside its rss.xml and atom.xml."""
    return urls.json_feed(spec.feed_folder)


class JsonFeedWriter:
    """Renders JSON Feeds; each item's JSON is made once and reused, by the day or headline
    it is made from (`kept`, when given, holds them from build to build: the preview's,
    valid while the configuration, sources, tags and theme are the same)."""

    def __init__(
        self,
        library: Library,
        renderer: Renderer,
        kept: dict[int, tuple[Day | Headline, str]] | None = None,
        uses: dict[int, int] | None = None,
    ) -> None:
        """`uses`: as for feeds.FeedWriter (a headline's item is let go once the last feed
        that lists it is written)."""
        self.library = library
        self.renderer = renderer
        self.zone = zoneinfo.ZoneInfo(library.site.timezone)
        # Each item's JSON, indented to its place, by the identity of its day or headline
        # (kept with it, so that the id is not reused).
        self._texts: dict[int, tuple[Day | Headline, str]] = {} if kept is None else kept
        self._uses = uses

    def render(self, spec: FeedSpec) -> bytes:
        """Return the JSON Feed of one feed spec, as UTF-8 bytes."""
        site = self.library.site
        feed: dict[str, Any] = {
            "version": VERSION,
            "title": spec.title,
            "home_page_url": self.renderer.absolute_url(spec.listing_path),
            "feed_url": self.renderer.absolute_url(json_feed_path(spec)),
            "description": spec.description or site.description,
            "language": site.language,
            "authors": [{"name": site.author}],
            "items": [],
        }
        text = pretty(feed)
        items = [self._text(day, self._day) for day in spec.days]
        items += [self._text(headline, self._headline) for headline in spec.headlines]
        if items:  # json.dumps(feed with its items, indent=1), from each item's text
            assert text.endswith(' "items": []\n}')
            joined = ",\n".join(items)
            text = text[: -len("[]\n}")] + f"[\n{joined}\n ]\n}}"
        if self._uses is not None:
            let_go_of_items(self._uses, self._texts, spec)
        return (text + "\n").encode("utf-8")

    def _text(self, made_from: T, make: Callable[[T], dict[str, Any]]) -> str:
        """Return an item's JSON as it stands in a feed's list (two levels in)."""
        known = self._texts.get(id(made_from))
        if known is None or known[0] is not made_from:
            known = self._texts[id(made_from)] = (made_from, "  " + pretty(make(made_from), 2))
        return known[1]

    def _moment(self, date: dt.date, time: dt.time | None = None) -> str:
        return dt.datetime.combine(date, time or dt.time(0, 0), tzinfo=self.zone).isoformat()

    def _modified(
        self, item: dict[str, Any], date: dt.date, time: dt.time | None, update: Update | None
    ) -> None:
        """Give an item its update's moment (Atom's <updated>), when it was corrected since."""
        if update is not None and update.moment > dt.datetime.combine(date, time or dt.time(0)):
            item["date_modified"] = self._moment(update.date, update.time)

    def _day(self, day: Day) -> dict[str, Any]:
        date = self.renderer.env.globals["long_date"](day.date)  # type: ignore[operator]
        item: dict[str, Any] = {
            "id": day.uid,
            "url": self.renderer.absolute_url(urls.day(day.date)),
            "title": f"{date}: {day.title}" if day.title else str(date),
            "content_html": self.renderer.render_template("feed/day.html", day=day)
            + self.renderer.day_corrections_html(day),  # as in the day's RSS and Atom item
            "date_published": self._moment(day.date),
        }
        self._modified(item, day.date, None, day.last_update)
        if day.summary:
            item["summary"] = day.summary
        return item

    def _headline(self, headline: Headline) -> dict[str, Any]:
        label = self.renderer.label_names.get(headline.label or "")
        source = self.library.sources[headline.source]
        html = self.renderer.feed_item(headline)
        item: dict[str, Any] = {
            "id": headline.uid,
            "url": headline.url,
            "external_url": headline.url,
            "title": f"[{label}] {headline.title}" if label else headline.title,
            "content_html": html,
            "date_published": self._moment(headline.date, headline.time),
            "authors": [{"name": source.name, "url": source.url}],
        }
        if headline.update:
            item["content_html"] += "\n" + self.renderer.correction_html(headline.update, None)
        self._modified(item, headline.date, headline.time, headline.update)
        if headline.tags:
            item["tags"] = [self.library.tags[t].name for t in headline.tags]
        if headline.language:
            item["language"] = headline.language
        return item


_encode = json.encoder.encode_basestring  # json's own (in C), as json.dumps uses it here


def pretty(value: Any, level: int = 0) -> str:
    """Return json.dumps(value, ensure_ascii=False, indent=1) for JSON made of dicts with
    text keys, lists (or tuples), text, integers, booleans and None, as it stands `level`
    levels in (the lines after the first start with `level` more spaces)."""
    if type(value) is str:
        return _encode(value)
    if value is None or value is True or value is False:
        return "null" if value is None else "true" if value else "false"
    if type(value) is int:
        return int.__repr__(value)
    inner = "\n" + " " * (level + 1)
    if type(value) is dict:
        if not value:
            return "{}"
        if not all(type(key) is str for key in value):
            raise TypeError("JSON Feed keys are text")
        fields = [f"{_encode(key)}: {pretty(item, level + 1)}" for key, item in value.items()]
        return "{" + inner + ("," + inner).join(fields) + "\n" + " " * level + "}"
    if type(value) is list or type(value) is tuple:
        if not value:
            return "[]"
        items = [pretty(item, level + 1) for item in value]
        return "[" + inner + ("," + inner).join(items) + "\n" + " " * level + "]"
    raise TypeError(f"no JSON Feed value is a {type(value).__name__}")
