"""What a page or feed is made from, as a key: equal keys mean equal output.

The preview server rebuilds after every save; re-rendering thousands of unchanged pages
would make it slow. A page's key is built from everything its rendering reads: the theme's
files, the site's configuration, the registries, the code's version, and its own context,
in which each day stands for itself by its version (a hash of its file's text). A page
whose key is unchanged is not rendered again. Tests compare the result of random edit
sequences with a fresh full build, byte for byte.
"""

from __future__ import annotations

import dataclasses
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
        self, library: Library, theme: str, drafts: bool, tag_names_only: bool = False
    ) -> None:
        """`tag_names_only`: the templates (the bundled theme's) show a tag's description
        only on pages whose context holds the tag; elsewhere its name. Then what every page
        depends on holds tags' names, and a description edited in tags.yaml changes only the
        keys of the pages that show it."""
        self.versions = {day.date: day.version for day in library.days}
        self.latest = library.latest_date
        tags = library.tags.items()
        self.common = (
            __version__,
            theme,
            drafts,
            library.site,
            tuple(library.sources.items()),
            tuple((key, tag.name) for key, tag in tags) if tag_names_only else tuple(tags),
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
        return (
            self.common,
            spec.url_path,
            spec.template,
            spec.title,
            spec.description,
            spec.feeds,
            spec.in_sitemap,
            self._of(spec.context),
        )

    def feed(self, spec: FeedSpec) -> Hashable:
        """Return the key of a planned feed (both of its formats)."""
        # A feed with no items is dated by the digest's newest day (feeds.FeedWriter).
        latest = None if spec.days or spec.headlines else self.latest
        return (self.common, "feed", latest, self._of(spec))

    def _of(self, value: Any) -> Hashable:
        if isinstance(value, Headline):
            return ("h", value.date, value.position, self.versions.get(value.date))
        if isinstance(value, Day):
            return ("d", value.date, value.version)
        if isinstance(value, DayGroup):
            positions = tuple(h.position for h in value.headlines)
            return ("g", value.day.date, value.day.version, positions)
        if isinstance(value, Chart):
            known = self._charts.get(id(value))
            if known is None or known[0] is not value:
                known = self._charts[id(value)] = (value, _hash(value))
            return ("chart", known[1])
        if isinstance(value, (tuple, list)):
            return tuple(self._of(item) for item in value)
        if isinstance(value, dict):
            return tuple((self._of(key), self._of(item)) for key, item in value.items())
        if isinstance(value, (Story, FeedSpec)):
            fields = dataclasses.fields(value)
            return (type(value).__name__, *(self._of(getattr(value, f.name)) for f in fields))
        hash(value)  # anything else must be a plain, hashable value (Pager, Tag, str...)
        return value  # type: ignore[no-any-return]


def _dumps(value: object) -> bytes:
    """Pickle without the memo: equal values give equal bytes, whichever objects they share."""
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, protocol=5)
    pickler.fast = True  # no memo: shared and merely equal objects are written alike
    pickler.dump(value)
    return stream.getvalue()


def _hash(value: object) -> str:
    return hashlib.blake2b(_dumps(value), digest_size=16).hexdigest()
