"""What a page or feed is made from, as a key: equal keys mean equal output.

The preview server rebuilds after every save; re-rendering thousands of unchanged pages
would make it slow. A page's key is built from everything its rendering reads: the theme's
files, the site's configuration, the registries, the code's version, and its own context,
in which each day stands for itself by its version (a hash of its file's text), and each
headline by its own. A page whose key is unchanged is not rendered again. Tests compare the
result of random edit sequences with a fresh full build, byte for byte.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import pickle
from collections.abc import Hashable
from pathlib import Path
from typing import Any

from . import __version__
from .charts import Chart
from .library import Library
from .model import Day, Headline, Story
from .pages import DayGroup, FeedSpec, PageSpec


def theme_key(template_dirs: list[Path]) -> str:
    """Return a hash of every file the templates and static files come from."""
    digest = hashlib.blake2b(digest_size=16)
    for folder in template_dirs:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class InputKeys:
    """Makes the keys of pages and feeds for one build."""

    def __init__(
        self, library: Library, theme: str, drafts: bool, bundled_theme: bool = False
    ) -> None:
        """`bundled_theme`: the templates are the bundled theme's, which show
        - a tag's description only on pages whose context holds the tag, elsewhere its name:
          then what every page depends on holds tags' names, and a description edited in
          tags.yaml changes only the keys of the pages that show it;
        - of the day of a group of headlines (on tag, source, place and story pages) only
          its date and title, and of days in lists (a day's neighbours, the archive) only
          what _LISTED says: then those keys hold that, not the day's version, and an
          edit elsewhere in the day (its commentary) leaves those pages as they were.
        Other templates may show anything: their keys hold all of it."""
        self.bundled_theme = bundled_theme
        self.latest = library.latest_date
        tags = library.tags.items()
        self.common = (
            __version__,
            theme,
            drafts,
            library.site,
            tuple(library.sources.items()),
            tuple((key, tag.name) for key, tag in tags) if bundled_theme else tuple(tags),
        )
        self._common_digest: bytes | None = None
        # A subject's chart is on each of its pages: hashed once, by identity (the plan
        # keeps every chart alive while these keys are made).
        self._charts: dict[int, tuple[Chart, str]] = {}

    def digest(self, key: Hashable, code: str) -> str:
        """Return a digest of a key made here, the same in every process, that also covers
        `code` (a hash of digest's own code): for keys kept on disk (reuse.py)."""
        assert isinstance(key, tuple) and key[0] is self.common
        if self._common_digest is None:
            self._common_digest = hashlib.blake2b(_dumps((code, self.common))).digest()
        return hashlib.blake2b(self._common_digest + _dumps(key[1:]), digest_size=16).hexdigest()

    def page(self, spec: PageSpec) -> Hashable:
        """Return the key of a planned page."""
        listed = _LISTED.get(spec.template, ()) if self.bundled_theme else ()
        if listed:
            context: Hashable = tuple(
                (name, self._of(value, listed=name in listed))
                for name, value in spec.context.items()
            )
        else:
            context = self._of(spec.context)
        return (
            self.common,
            spec.url_path,
            spec.template,
            spec.title,
            spec.description,
            spec.feeds,
            spec.in_sitemap,
            context,
        )

    def feed(self, spec: FeedSpec) -> Hashable:
        """Return the key of a planned feed (all of its formats)."""
        return (self.common, "feed", self._feed_date(spec), self._of(spec))

    def same_feed_date(self, key: Hashable, spec: FeedSpec) -> bool:
        """Say whether a key `feed` made for this spec in another build holds still: the
        rest of the key is made from the spec alone."""
        return isinstance(key, tuple) and key[2] == self._feed_date(spec)

    def _feed_date(self, spec: FeedSpec) -> dt.date | None:
        # A feed with no items is dated by the digest's newest day (feeds.FeedWriter).
        return None if spec.days or spec.headlines else self.latest

    def _of(self, value: Any, listed: bool = False) -> Hashable:
        if isinstance(value, Headline):
            return ("h", value.version)
        if isinstance(value, Day):
            if listed:
                return ("listed", value.date, value.title, value.summary, len(value.headlines))
            return ("d", value.date, value.version)
        if isinstance(value, DayGroup):
            day = value.day
            shown = day.title if self.bundled_theme else day.version
            return ("g", day.date, shown, tuple(h.version for h in value.headlines))
        if isinstance(value, Chart):
            known = self._charts.get(id(value))
            if known is None or known[0] is not value:
                known = self._charts[id(value)] = (value, _hash(value))
            return ("chart", known[1])
        if isinstance(value, (tuple, list)):
            return tuple(self._of(item, listed) for item in value)
        if isinstance(value, dict):
            return tuple(
                (self._of(key, listed), self._of(item, listed)) for key, item in value.items()
            )
        if isinstance(value, (Story, FeedSpec)):
            fields = dataclasses.fields(value)
            return (type(value).__name__, *(self._of(getattr(value, f.name)) for f in fields))
        hash(value)  # anything else must be a plain, hashable value (Pager, Tag, str...)
        return value  # type: ignore[no-any-return]


# The bundled theme's pages that show days only as a list shows them (date, title, summary,
# count of headlines), by the names of those days in their context: a day's other fields
# (its commentary, its headlines) are not on these pages.
_LISTED = {
    "day.html": ("previous", "next"),
    "archive.html": ("years", "months"),
    "year.html": ("months", "days"),
    "month.html": ("days",),
}


def _dumps(value: object) -> bytes:
    """Pickle without the memo: equal values give equal bytes, whichever objects they share."""
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, protocol=5)
    pickler.fast = True  # no memo: shared and merely equal objects are written alike
    pickler.dump(value)
    return stream.getvalue()


def _hash(value: object) -> str:
    return hashlib.blake2b(_dumps(value), digest_size=16).hexdigest()
