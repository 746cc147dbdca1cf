"""What readers get beyond the content pages: search, the list of feeds, offline reading.

Pure planning, like `pages`: `plan_reader_pages` adds the search page, the feeds page and the
service worker to a site plan; `search_bundles` splits the days between the search's two
bundles (the newest year, the years before), `bundle_key` names what a bundle is made from
and `search_records` turns its days into what the search indexes; `offline_paths` chooses
what the service worker keeps for reading without a connection (the newest days, the
search and what they need).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import __version__, i18n, reuse, urls
from .library import Library
from .model import Day
from .pages import FeedSpec, PageSpec, SitePlan
from .search import ARCHIVE_FOLDER, FOLDER, INDEX_FORMAT, SearchRecord, SearchSection, plain_text

# Days the service worker stores on a first visit; older days are kept once visited.
OFFLINE_DAYS = 7
# What a first visit may store of the search, in bytes: the newest year's bundle (with
# Pagefind's program), then the archive's, each whole or not at all, while they fit. A first
# visit on mobile data must stay cheap, and part of a bundle is no offline search: without
# its excerpts or some of its index it finds days it cannot show. (Ten years' archive is
# 12.7 MB, its index alone 4.7 MB.) Search files fetched online are stored as they come.
OFFLINE_SEARCH_BYTES = 1_500_000
FEED_KINDS = ("tags", "sources", "places", "stories")
# The newest bundle of the search begins on 1 January of the year this many days before the
# latest day: in January and February, the year before too. Editors correct the last weeks'
# days; at the turn of the year those are in the year before, whose days would otherwise
# be in the archive's bundle, indexed again whole (4.5 s and 600 MB on ten years) after
# every such correction. The archive then takes the year before in March instead.
RECENT_DAYS = 60


def plan_reader_pages(library: Library, plan: SitePlan) -> SitePlan:
    """Return the plan with the search page, the feeds page and the service worker added."""
    site = library.site
    main_feeds = tuple(link for spec in plan.feeds[:2] for link in spec.links)
    bundles = search_bundles(library)
    groups: dict[str, list[tuple[str, FeedSpec]]] = {kind: [] for kind in FEED_KINDS}
    for spec in plan.feeds[2:]:
        kind, _, slug = spec.id.partition(":")
        if kind in groups:
            groups[kind].append((_subject_name(library, kind, slug), spec))
    pages = (
        PageSpec(
            urls.search(),
            "search.html",
            "Search",
            f"Search every headline, note and commentary of {site.title}",
            main_feeds,
            # The search's bundles: the first is loaded, the others merged into it. The
            # first is of the newest year: searched alone when the others cannot load.
            {
                "bundles": tuple(b.folder for b in bundles) or (FOLDER,),
                # The years of the first: what is searched when the others cannot load.
                "newest_years": sorted({bundles[0].days[0].date.year, library.days[-1].date.year})
                if bundles
                else [],
            },
        ),
        PageSpec(
            urls.feeds_index(),
            "feeds.html",
            "Feeds",
            f"Every feed of {site.title}: RSS, Atom and JSON Feed",
            main_feeds,
            {
                "main": plan.feeds[:2],
                "groups": tuple((kind, tuple(groups[kind])) for kind in FEED_KINDS),
                "listed_up_to": FEEDS_LISTED_UP_TO,
            },
        ),
    )
    return SitePlan(plan.pages + pages, plan.feeds)


# A kind with more subjects than this (a digest that names every village it reports on has
# thousands of places) is not listed feed by feed on the feeds page, which was 675 KB for
# 2,026 places: the page links its index, whose pages link their feeds.
FEEDS_LISTED_UP_TO = 100


def _subject_name(library: Library, kind: str, slug: str) -> str:
    if kind == "tags":
        return library.tags[slug].name
    if kind == "sources":
        return library.sources[slug].name
    if kind == "places":
        return library.places[slug].name
    return library.stories[slug].title


@dataclass(frozen=True)
class SearchBundle:
    """One Pagefind bundle of the search: where it goes and the days it holds, in order."""

    folder: str  # output path of its folder: search.FOLDER or search.ARCHIVE_FOLDER
    days: tuple[Day, ...]


def search_bundles(library: Library) -> tuple[SearchBundle, ...]:
    """Split the days between the newest year's bundle and the archive's (when it has any).

    The newest year is the calendar year of the latest day, and in January and February
    the year before it too (RECENT_DAYS): editors change those days, and seldom an older
    one, so the archive's bundle can be kept from build to build.
    """
    if not library.days:
        return ()
    days = library.days
    start = dt.date((days[-1].date - dt.timedelta(days=RECENT_DAYS)).year, 1, 1)
    split = bisect.bisect_left(days, start, key=_date_of)
    newest, older = tuple(days[split:]), tuple(days[:split])
    bundles = [SearchBundle(FOLDER, newest)]
    if older:
        bundles.append(SearchBundle(ARCHIVE_FOLDER, older))
    return tuple(bundles)


def bundle_key(bundle: SearchBundle, program: str, keys: RecordKeys) -> str:
    """Return a hash of all a bundle is made from, without making its records: its days'
    records (`keys`), its folder and the Pagefind `program`."""
    digest = hashlib.blake2b(digest_size=20)
    for part in (keys.common, keys.names(bundle), program, bundle.folder):
        digest.update(part.encode() + b"\0")
    for day in bundle.days:
        digest.update(keys.day(day).encode() + b"\0")
    return digest.hexdigest()


class RecordKeys:
    """What the search records of a bundle's days are made from, as text.

    A record is made from its day (which stands for itself by its version, a hash of its
    file's text and the site's address, as in incremental.py), the names of the sources and
    tags it shows, the site's configuration (language, address) and the code (the builder's
    version, INDEX_FORMAT, and a hash of digest's code). The names are those of the sources
    and tags its bundle shows (`names`): a source or tag added, described, or renamed
    changes only the bundles that show it. A new outlet in sources.yaml, cited in today's
    digest, indexed ten years again when every record held every name.
    """

    def __init__(self, library: Library) -> None:
        digest = hashlib.blake2b(digest_size=20)
        for part in (INDEX_FORMAT, __version__, reuse.code_key(), repr(library.site)):
            digest.update(part.encode() + b"\0")
        self.common = digest.hexdigest()
        self._library = library

    def names(self, bundle: SearchBundle) -> str:
        """Return a digest of the names of the sources and tags that the bundle's days show
        (found by the dates of their headlines, oldest first: a few lookups each)."""
        if not bundle.days:
            return ""
        first, last = bundle.days[0].date, bundle.days[-1].date
        library = self._library
        digest = hashlib.blake2b(digest_size=16)
        for kind, shown, names in (
            # A source's language too: its headlines' records say their articles' language.
            ("source", library.by_source, {k: s.shown for k, s in library.sources.items()}),
            ("tag", library.by_tag, {k: tag.name for k, tag in library.tags.items()}),
        ):
            for key in sorted(shown):
                headlines = shown[key]
                at = bisect.bisect_left(headlines, first, key=_date_of)
                if at < len(headlines) and headlines[at].date <= last:
                    digest.update(f"{kind}:{key}:{names.get(key)}\0".encode())
        return digest.hexdigest()

    @staticmethod
    def day(day: Day) -> str:
        """Return what stands for a day in its record's key: its date and version (a day
        made in memory, not read from a file, has no version: then all of it)."""
        return f"{day.date}:{day.version or repr(day)}"


_date_of = operator.attrgetter("date")


def record_name(day: Day) -> str:
    """Return the key of a day's search record: "20240622"."""
    return f"{day.date:%Y%m%d}"


def search_records(library: Library, days: Sequence[Day] | None = None) -> list[SearchRecord]:
    """Return one record per day (default: every day of the library): its title and
    commentary, and each headline a section."""
    site = library.site
    records = []
    other = functools.partial(i18n.other_language, site_code=site.language)
    for day in library.days if days is None else days:
        sections = []
        for h in day.headlines:
            source = library.sources[h.source]
            article = i18n.article_language(h.url, h.language, source.language)
            words = [source.name, *h.places]
            words += [f"#{library.tags[t].name}" for t in h.tags]
            words.append(plain_text(h.note_html))
            sections.append(
                SearchSection(
                    h.anchor,
                    h.title,
                    " · ".join(w for w in words if w),
                    h.url,
                    h.language or "",
                    article if other(article) else "",
                    h.label or "",
                )
            )
        date_text = i18n.long_date(day.date, site.language)
        about = " ".join(filter(None, (day.summary, plain_text(day.commentary_html))))
        records.append(
            SearchRecord(
                key=record_name(day),
                title=f"{date_text}: {day.title}" if day.title else date_text,
                text=about,
                day_url=site.base_path + urls.day(day.date),
                date_text=date_text,
                sections=tuple(sections),
            )
        )
    return records


def offline_paths(
    library: Library,
    statics: Mapping[str, bytes],
    search_files: dict[str, bytes],
    search_digests: Mapping[str, bytes] | None = None,
) -> tuple[tuple[str, ...], str]:
    """Return the url paths a service worker stores on install, and a version for them.

    `statics` holds each static file's bytes by output path. The worker serves statics and
    search files from its store first, so the version covers their bytes: a file whose name
    has no content hash (a digest's own logo.png) is fetched again when it changes.
    `search_digests`: the SHA-256 of each search file, if known (`search_digests_of`).
    """
    newest = [urls.day(day.date) for day in reversed(library.days[-OFFLINE_DAYS:])]
    paths = [urls.home(), *newest, urls.search(), urls.not_found(), urls.offline()]
    paths += sorted(statics)
    paths += offline_search(search_files)
    version = hashlib.sha256()
    for path in paths:
        version.update(path.encode() + b"\0")
    for path in sorted(statics):
        version.update(hashlib.sha256(statics[path]).digest())
    known = search_digests if search_digests is not None else search_digests_of(search_files)
    for path in sorted(search_files):
        version.update(known[path])
    for day in library.days[-OFFLINE_DAYS:]:
        version.update(f"{day.date}:{len(day.headlines)}:{day.title}".encode())
    return tuple(paths), version.hexdigest()[:12]


def search_digests_of(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Return the SHA-256 of each search file by output path (a service worker's version
    covers them; a build keeps them from build to build, by bundle)."""
    return {path: hashlib.sha256(data).digest() for path, data in files.items()}


def offline_search(search_files: dict[str, bytes]) -> list[str]:
    """Return the search files a first visit stores: the newest year's bundle, then the
    archive's, each whole, while their bytes stay within OFFLINE_SEARCH_BYTES (the archive
    only with the newest year's, which holds the program that searches it)."""
    stored: list[str] = []
    total = 0
    for folder in (FOLDER, ARCHIVE_FOLDER):
        bundle = sorted(path for path in search_files if path.startswith(folder))
        total += sum(len(search_files[path]) for path in bundle)
        if not bundle or total > OFFLINE_SEARCH_BYTES:
            break
        stored += bundle
    return stored
