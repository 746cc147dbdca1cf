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
from collections.abc import Callable, Hashable
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


@dataclasses.dataclass
class KeptKeys:
    """Parts of keys a preview keeps from build to build."""

    # A day's key as a list shows it, by the day's identity (kept with the day).
    listed: dict[int, tuple[Day, Hashable]] = dataclasses.field(default_factory=dict)
    # A headline's key, by its identity (kept with the headline): a save re-keys the ~80
    # pages that list a day's headlines, 10,000 headline keys on a ten-year digest.
    headlines: dict[int, tuple[Headline, str]] = dataclasses.field(default_factory=dict)
    # The key of a tuple of days as lists show them, by the tuple's identity: the archive
    # lists every day, in tuples of months and years kept while none of their days changed.
    days_listed: dict[int, tuple[tuple[Day, ...], Hashable]] = dataclasses.field(
        default_factory=dict
    )

    def forget_names(self, shows: Callable[[Headline], bool] | None = None) -> None:
        """Let go of what holds the names of sources and tags (one was renamed): of the
        headlines that `shows` says show one, else of every headline."""
        if shows is None:
            self.headlines.clear()
            return
        for key in [key for key, (headline, _) in self.headlines.items() if shows(headline)]:
            del self.headlines[key]

    def forget(self) -> None:
        """Let go of everything (the configuration or the theme changed)."""
        self.forget_names()
        self.listed.clear()
        self.days_listed.clear()


class InputKeys:
    """Makes the keys of pages and feeds for one build."""

    def __init__(
        self,
        library: Library,
        theme: str,
        drafts: bool,
        bundled_theme: bool = False,
        kept: KeptKeys | None = None,
    ) -> None:
        """`bundled_theme`: the templates are the bundled theme's, which show
        - a source or tag elsewhere than on its own pages and index (whose contexts hold
          it) only by its name (a source's with its language: Source.shown), on a headline:
          then a headline's key holds the names of its source and tags, and nothing else
          of sources.yaml and tags.yaml is in every key: a tag added or described anew
          changes only the pages that show it, a tag renamed only the pages and feeds of
          headlines that carry it;
        - of the day of a group of headlines (on tag, source, place and story pages) only
          its date and title, and of days in lists (a day's neighbours, the archive) only
          what _LISTED says: then those keys hold that, not the day's version, and an
          edit elsewhere in the day (its commentary) leaves those pages as they were.
        Other templates may show anything: their keys hold all of it.

        `kept` lends parts of keys made by the last build (the preview's), valid while the
        names of sources and tags and what is common to all keys are the same (the caller's
        care)."""
        self.bundled_theme = bundled_theme
        self.latest = library.latest_date
        self.common: tuple[Any, ...] = (__version__, theme, drafts, library.site)
        if not bundled_theme:
            self.common += (tuple(library.sources.items()), tuple(library.tags.items()))
        # Each name as a short digest of fixed length: a headline's names are its source's
        # and its tags' digests side by side (one blake2b per headline cost a second).
        self._source_names = {key: _name_digest(s.shown) for key, s in library.sources.items()}
        self._tag_names = {key: _name_digest(tag.name) for key, tag in library.tags.items()}
        # A headline's names by its source and tags: ten years have 109,500 headlines and
        # far fewer such pairs.
        self._names: dict[tuple[str, tuple[str, ...]], str] = {}
        # The start of the key of a group of a day's headlines, by the day's identity: a
        # day has a group on each listing page its headlines are on.
        self._group_starts: dict[int, tuple[Day, str]] = {}
        self._kept = kept = kept or KeptKeys()
        if len(kept.listed) > 2 * len(library.days) + 64:  # days edited away: let them go
            current = {id(day) for day in library.days}
            for gone in kept.listed.keys() - current:
                del kept.listed[gone]
        if len(kept.headlines) > 2 * sum(len(day.headlines) for day in library.days) + 64:
            current = {id(h) for day in library.days for h in day.headlines}
            for gone in kept.headlines.keys() - current:
                del kept.headlines[gone]
        if len(kept.days_listed) > 2 * (len(library.months) + len(library.years)) + 64:
            current = {id(days) for days in (*library.months.values(), *library.years.values())}
            for gone in kept.days_listed.keys() - current:
                del kept.days_listed[gone]
        self._common_digest: bytes | None = None
        # A subject's chart is on each of its pages: hashed once, by identity (the plan
        # keeps every chart alive while these keys are made).
        self._charts: dict[int, tuple[Chart, str]] = {}

    def digest(self, key: Hashable, code: str) -> str:
        """Return a digest of a key made here, the same in every process, that also covers
        `code` (a hash of digest's own code): for keys kept on disk (reuse.py)."""
        assert isinstance(key, tuple) and key[0] == self.common  # (a kept key: an equal one)
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
        return (self.common, "feed", self.feed_date(spec), self._of(spec))

    def same_feed_date(self, key: Hashable, spec: FeedSpec) -> bool:
        """Say whether a key `feed` made for this spec in another build holds still: the
        rest of the key is made from the spec alone."""
        return isinstance(key, tuple) and key[2] == self.feed_date(spec)

    def feed_date(self, spec: PageSpec | FeedSpec) -> dt.date | None:
        """Return the date a feed's key holds: the digest's newest day for a feed with no
        items (feeds.FeedWriter dates it so), else None (and None for a page)."""
        if type(spec) is not FeedSpec or spec.days or spec.headlines:
            return None
        return self.latest

    def names(self, headline: Headline) -> str:
        """Return the names of a headline's source and tags as the registries give them now,
        as digests ("" with other templates: all of the registries are in every key)."""
        if not self.bundled_theme:
            return ""
        pair = (headline.source, headline.tags)
        names = self._names.get(pair)
        if names is None:
            tags = self._tag_names
            names = self._names[pair] = self._source_names.get(headline.source, _UNKNOWN) + "".join(
                [tags.get(tag, _UNKNOWN) for tag in headline.tags]
            )
        return names

    def _headline(self, value: Headline) -> str:
        """Return a headline's key: its version and the names it shows, kept by identity."""
        keyed = self._kept.headlines.get(id(value))
        if keyed is None or keyed[0] is not value:
            keyed = self._kept.headlines[id(value)] = (
                value,
                f"h{value.version}{self.names(value)}",
            )
        return keyed[1]

    def _headline_keys(self, headlines: tuple[Headline, ...]) -> list[str]:
        """Return each headline's `_headline` key; where all are kept, without a call per
        headline (ten years' listing pages hold 450,000): a kept entry holds its headline,
        so no other object has its id."""
        kept = self._kept.headlines
        try:
            return [kept[id(headline)][1] for headline in headlines]
        except KeyError:
            return list(map(self._headline, headlines))

    def _group(self, group: DayGroup) -> tuple[str, ...]:
        # A listing page holds some 80 headlines in 30 groups: a group is the strings its
        # day and headlines are keyed by, kept (by identity), not made again field by
        # field; pickled at C speed for a digest.
        day = group.day
        start = self._group_starts.get(id(day))
        if start is None or start[0] is not day:
            shown = day.title if self.bundled_theme else day.version
            start = self._group_starts[id(day)] = (day, f"g{day.date}{shown!r}")
        return (start[1], *self._headline_keys(group.headlines))

    def _of(self, value: Any, listed: bool = False) -> Hashable:
        kind = type(value)
        if kind in _PLAIN:  # most of a context: no type below to try first
            return value  # type: ignore[no-any-return]
        if kind is DayGroup:  # 300,000 of them on ten years' listing pages
            return self._group(value)
        if isinstance(value, Headline):
            return self._headline(value)
        if isinstance(value, Day):
            if listed:  # the archive lists every day: kept by the day's identity
                made = self._kept.listed.get(id(value))
                if made is None or made[0] is not value:
                    facts = (value.date, value.title, value.summary, len(value.headlines))
                    made = self._kept.listed[id(value)] = (value, ("listed", *facts))
                return made[1]
            # Its headlines' keys hold the names of their sources and tags (bundled theme).
            return ("d", value.date, value.version, *self._headline_keys(value.headlines))
        if isinstance(value, Chart):
            known = self._charts.get(id(value))
            if known is None or known[0] is not value:
                # A chart is drawn from its unit, first period and counts alone (charts.py):
                # pickling its bars took half a millisecond a chart.
                drawn = (value.unit, value.first, tuple(bar.count for bar in value.bars))
                known = self._charts[id(value)] = (value, _hash(drawn))
            return ("chart", known[1])
        if isinstance(value, tuple) and listed:
            kept_tuple = self._kept.days_listed.get(id(value))
            if kept_tuple is not None and kept_tuple[0] is value:
                return kept_tuple[1]
            items = tuple(self._of(item, listed) for item in value)
            if all(type(item) is Day for item in value):  # keyed by what it holds alone
                # As a digest: the archive lists every day twice (by year and by month),
                # and pickling ten years of them for its key took 12 ms of every save.
                digest = ("days", _hash(items))
                self._kept.days_listed[id(value)] = (value, digest)
                return digest
            return items
        if isinstance(value, Story) and listed:  # an index of stories shows their titles
            return ("listed story", value.id, value.title)
        if isinstance(value, (tuple, list)):
            if all(type(item) is DayGroup for item in value):  # a listing page's groups
                return tuple(map(self._group, value))
            return tuple(self._of(item, listed) for item in value)
        if isinstance(value, dict):
            return tuple(
                (self._of(key, listed), self._of(item, listed)) for key, item in value.items()
            )
        if isinstance(value, FeedSpec) and listed:  # a feed named, not its items
            return ("listed feed", value.id, value.feed_folder, value.listing_path, value.title)
        if isinstance(value, (Story, FeedSpec)):
            fields = dataclasses.fields(value)
            return (type(value).__name__, *(self._of(getattr(value, f.name)) for f in fields))
        hash(value)  # anything else must be a plain, hashable value (Pager, Tag, str...)
        return value  # type: ignore[no-any-return]


# The bundled theme's pages that show days only as a list shows them (date, title, summary,
# count of headlines), feeds only by their names and addresses, or stories only by their
# titles, by the names of those days, feeds and stories in their context: a day's other
# fields (its commentary, its headlines), a feed's items or a story's other headlines are
# not on these pages.
_LISTED = {
    "day.html": ("previous", "next"),
    "archive.html": ("years", "months"),
    "year.html": ("months", "days"),
    "month.html": ("days",),
    "feeds.html": ("main", "groups"),
    "stories.html": ("rows",),
}


# Values that are their own keys.
_PLAIN = frozenset({str, int, bool, float, type(None), dt.date, dt.time, dt.datetime})


# Every name digest has this length: a headline's digests side by side read one way only.
_UNKNOWN = "-" * 12


def _name_digest(name: str) -> str:
    return hashlib.blake2b(name.encode(), digest_size=6).hexdigest()


def _dumps(value: object) -> bytes:
    """Pickle without the memo: equal values give equal bytes, whichever objects they share."""
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, protocol=5)
    pickler.fast = True  # no memo: shared and merely equal objects are written alike
    pickler.dump(value)
    return stream.getvalue()


def _hash(value: object) -> str:
    return hashlib.blake2b(_dumps(value), digest_size=16).hexdigest()
