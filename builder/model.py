"""The digest's domain: frozen records for the site, its sources, tags, days and headlines.

Standard library only. Records are complete when made (tuples, not lists; nothing filled in
later). HTML that comes from an editor's Markdown is rendered once, when the day is read,
and stored here as a string that is already sanitised.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import operator
import uuid
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

LABELS = ("disinformation", "opinion", "unconfirmed", "analysis")

# Item ids in feeds are UUIDs derived from what a headline *is* (its date and article URL),
# never from where the site lives, so moving the domain or the URL scheme keeps them.
_ID_NAMESPACE = uuid.UUID("6f1c8f52-5d0e-4bde-9a3b-2f7d4b8c9e10")

# A headline's anchor holds this many hex digits of its URL's hash, unless two URLs of its
# day share them (about one day in ten million, at 30 headlines a day).
ANCHOR_SIZE = 8


def headline_anchor(date: dt.date, url: str, size: int = ANCHOR_SIZE) -> str:
    """Return the fragment id of a headline: its date and `size` hex digits of its URL's
    hash ("h-20240621-1a2b3c4d")."""
    return f"h-{date.isoformat().replace('-', '')}-{_url_hash(url)[:size]}"


def _url_hash(url: str) -> str:
    return hashlib.blake2b(url.encode(), digest_size=16).hexdigest()


def headline_anchor_sizes(urls: list[str]) -> list[int]:
    """Return the anchor size of each of one day's headlines, given their distinct URLs:
    ANCHOR_SIZE, or twice or four times that for URLs whose hashes start alike, so that the
    day's anchors are distinct whatever the order of its headlines (Headline.anchor)."""
    hashes = list(map(_url_hash, urls))
    sizes = []
    for digest in hashes:
        size = ANCHOR_SIZE
        while size < len(digest) and sum(h.startswith(digest[:size]) for h in hashes) > 1:
            size *= 2
        sizes.append(size)
    return sizes


_Record = TypeVar("_Record")


def _pickled_quickly(cls: type[_Record]) -> type[_Record]:
    """Give a frozen, slotted dataclass a quick pickled state: the tuple of its fields.

    The dataclass module's own looks its fields up again for every object, which was a
    second of a ten-year build (the parse cache holds 109,500 headlines, and parsed days
    come back from the reading processes pickled)."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    state_of = operator.attrgetter(*names)
    # Each field set through its slot's own setter, in one line a field (no loop): the
    # parse cache of ten years unpickles 113,000 of these objects.
    setters = {f"_set_{i}": getattr(cls, name).__set__ for i, name in enumerate(names)}
    values = ", ".join(f"_v{i}" for i in range(len(names)))
    body = "".join(f"\n    _set_{i}(self, _v{i})" for i in range(len(names)))
    code = f"def __setstate__(self, state):\n    ({values},) = state{body}\n"
    namespace: dict[str, Any] = {}
    exec(code, setters, namespace)  # the code is made here, from the field count alone
    __setstate__ = namespace["__setstate__"]

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return state_of(self)

    setattr(cls, "__getstate__", __getstate__)  # noqa: B010
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010
    return cls


@dataclass(frozen=True, slots=True)
class SiteConfig:
    title: str
    description: str
    base_url: str  # absolute, ends with "/"
    language: str  # BCP 47, e.g. "en", "uk"
    timezone: str  # IANA name, e.g. "Europe/Kyiv"
    author: str
    days_per_page: int = 5
    headlines_per_page: int = 50

    @property
    def base_path(self) -> str:
        """Return the path part of base_url ("/" or "/digest/"), which every URL starts with."""
        rest = self.base_url.split("://", 1)[1]
        slash = rest.find("/")
        return rest[slash:] if slash >= 0 else "/"


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    name: str
    url: str
    language: str

    @property
    def shown(self) -> str:
        """What a headline shows of its source (the bundled theme's), for the key of what
        a headline shows: its name, and its language, from which (with the headline's
        address and language) the headline says its article's language."""
        return f"{self.name}\0{self.language}"


@dataclass(frozen=True, slots=True)
class Tag:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    slug: str


@_pickled_quickly
@dataclass(frozen=True, slots=True)
class Update:
    """When a day or headline was changed after publication, and the correction it made.

    The time is local to the site's time zone; `correction` is empty for an update that
    corrects nothing (it still moves the feed item's updated time).
    """

    date: dt.date
    time: dt.time | None
    correction: str = ""  # inline Markdown as written
    correction_html: str = ""  # sanitised inline HTML

    @property
    def moment(self) -> dt.datetime:
        """Return the update as a naive local date and time (midnight for a date alone)."""
        return dt.datetime.combine(self.date, self.time or dt.time(0, 0))


@_pickled_quickly
@dataclass(frozen=True, slots=True)
class Headline:
    """One linked article as the editor listed it on a day."""

    date: dt.date
    title: str
    url: str
    source: str  # source id
    tags: tuple[str, ...]
    places: tuple[str, ...]
    time: dt.time | None
    note: str  # Markdown as written
    note_html: str  # sanitised inline HTML
    label: str | None
    story: str | None
    language: str | None  # language of title and note, when not the site's
    archive_url: str | None = None  # an archived copy the editor chose, if any
    update: Update | None = None  # `updated` and `correction`, when given
    # How many hex digits of the URL's hash the anchor takes: more only where two URLs of
    # one day share the first 8 (headline_anchor_sizes).
    anchor_size: int = ANCHOR_SIZE
    # The fragment id of this headline, unique on any page that lists it: its date and a
    # hash of its URL, so it stays when headlines are added above it, moved or removed (a
    # reader's link to it, or the commentary's, keeps pointing at it).
    anchor: str = field(init=False, repr=False, compare=False)
    # A hash of all of the above, made here: equal for equal headlines in any process, so
    # what is made from a headline (its HTML, feed item and search entry, the pages that
    # list it) is keyed by it. A headline does not know its place in the day's list: one
    # added above it leaves it the same object, with the same anchor and version.
    version: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        anchor = headline_anchor(self.date, self.url, self.anchor_size)
        object.__setattr__(self, "anchor", anchor)
        values = (
            self.date,
            anchor,
            self.title,
            self.url,
            self.source,
            self.tags,
            self.places,
            self.time,
            self.note,
            self.note_html,
            self.label,
            self.story,
            self.language,
            self.archive_url,
            self.update,
        )
        digest = hashlib.blake2b(repr(values).encode(), digest_size=16).hexdigest()
        object.__setattr__(self, "version", digest)

    def __hash__(self) -> int:
        # Equal headlines have equal versions: hashing one string, not sixteen fields (a
        # story's hash, in the preview's memo keys, hashed every headline of it).
        return hash(self.version)

    @property
    def archived_copy(self) -> str:
        """Return where to read the article if it has gone: the editor's copy, else Wayback's."""
        if self.archive_url:
            return self.archive_url
        # isoformat, not strftime: five times quicker, for each of a build's 109,500
        return f"https://web.archive.org/web/{self.date.isoformat().replace('-', '')}/{self.url}"

    @property
    def uid(self) -> str:
        """Return a stable id for feeds: the same headline keeps it on every build and host."""
        return "urn:uuid:" + str(uuid.uuid5(_ID_NAMESPACE, f"headline:{self.date}:{self.url}"))


@_pickled_quickly
@dataclass(frozen=True, slots=True)
class Day:
    """One day file: its headlines and the editor's commentary."""

    date: dt.date
    source_path: str  # relative to the project folder
    title: str | None
    summary: str | None
    headlines: tuple[Headline, ...]
    commentary: str  # Markdown as written
    commentary_html: str  # sanitised HTML
    version: str = ""  # changes whenever the file's text (or the site's address) does
    draft: bool = False  # built only with --drafts
    update: Update | None = None  # `updated` and `correction` of the day, when given

    @property
    def last_update(self) -> Update | None:
        """Return the latest update of the day or of any of its headlines, if any."""
        updates = [u for u in (self.update, *(h.update for h in self.headlines)) if u]
        return max(updates, key=lambda u: u.moment) if updates else None

    @property
    def uid(self) -> str:
        """Return a stable id for the day's feed item."""
        return "urn:uuid:" + str(uuid.uuid5(_ID_NAMESPACE, f"day:{self.date}"))


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    headlines: tuple[Headline, ...]  # oldest first

    def __hash__(self) -> int:
        return hash(self.id)  # equal stories have equal ids; their headlines are not hashed

    @property
    def title(self) -> str:
        """Return the story's name: the title of its first headline."""
        return self.headlines[0].title
