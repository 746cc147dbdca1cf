"""Link hygiene for `digest check`: canonical URLs, repeated links, near-duplicate titles.

Pure: takes parsed day files and the sources, returns warnings. Tracking parameters
(`utm_*`, `fbclid`, `gclid`, ...) are flagged with the clean URL, which `fix_text` writes
into a day file's text; `http:` links to sources served over https are flagged, and so
are links on another source's site than their own (`_Sites`); the same
article on two days (also when only tracking parameters differ) and nearly the same title
on days close together are flagged so an editor can tell a repeat from a follow-up.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import urllib.parse
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Indel

from .errors import Location, Problem, Severity
from .model import Source
from .parallel import shared_map
from .reader import DayFile

TRACKING = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "twclid"}
    | {"mc_cid", "mc_eid", "_ga", "_gl", "ref_src", "ref_url", "cmpid", "spm", "share_id"}
    | {"igsh", "mibextid"}
)
# Parameters that track on one site's links only (elsewhere the same name may choose what is
# shown): Medium's "?source=collection_home---4----", X's share "?s=20&t=…", YouTube's
# share "?si=…", the Guardian's "?CMP=share_btn_url", the New York Times' "?smid=…".
TRACKING_ON = {
    "medium.com": frozenset({"source"}),
    "theguardian.com": frozenset({"cmp"}),  # "?CMP=share_btn_url"
    "nytimes.com": frozenset({"smid", "referringsource"}),
    "bbc.co.uk": frozenset({"at_medium", "at_campaign", "at_link_origin", "at_format"}),
    "bbc.com": frozenset({"at_medium", "at_campaign", "at_link_origin", "at_format"}),
    "wsj.com": frozenset({"mod"}),
    "msn.com": frozenset({"ocid", "cvid", "ei"}),
    "twitter.com": frozenset({"s", "t"}),
    "x.com": frozenset({"s", "t"}),
    "youtube.com": frozenset({"si", "feature"}),
    "youtu.be": frozenset({"si", "feature"}),
    "axios.com": frozenset({"stream"}),  # "?stream=top": which of its newsletters' streams
    # "?module=topic_secondary&pgtype=topic": where on its pages the link was
    "scmp.com": frozenset({"module", "pgtype"}),
    "onet.pl": frozenset({"srcc", "utm_v"}),  # "?srcc=ucs": which of Onet's boxes led there
    "bloomberg.com": frozenset({"srnd", "embedded-checkout"}),  # its section, its paywall's
    "index.hr": frozenset({"index_ref"}),  # "?index_ref=tag_rat-u-ukrajini_d_1"
    # a post's link in Substack's mail: "?publication_id=…&post_id=…&isFreemail=true&r=…"
    "substack.com": frozenset({"publication_id", "post_id", "isfreemail", "r", "triedredirect"}),
    "indiatimes.com": frozenset({"from"}),  # the Times of India's "?from=mdr"
    "udn.com": frozenset({"from"}),  # United Daily News' "?from=udn-catelistnews_ch2"
}
NEAR_DUPLICATE = 0.9  # difflib ratio of casefolded titles
NEAR_DAYS = 3  # titles this many days apart or closer are compared
# From this many links, `digest check` compares titles in two processes (ten years have
# 109,500: 1.2 s in one); in spans of _SPAN links, taken in turn by either.
FORK_FROM = 20_000
_SPAN = 500


def tracking_parameters(url: str) -> list[str]:
    """Return the names of the tracking parameters in `url`'s query, in order."""
    if _plain(url):
        return []
    parts = urllib.parse.urlsplit(url)
    names = [part.split("=", 1)[0] for part in parts.query.split("&") if part]
    site = _site_tracking(parts.hostname)
    return [n for n in names if _is_tracking(n, site)]


def clean_url(url: str) -> str:
    """Return `url` without tracking parameters, everything else exactly as written."""
    return url if _plain(url) else _cleaned(url)


def _plain(url: str) -> bool:
    """Tell whether `url` has no query and comes out of urlsplit and urlunsplit as it went
    in (most headline links): then it has no tracking parameters and is its own clean URL.
    `digest check` asks for each of ten years' 109,500 links; splitting them took 0.5 s."""
    host = 8 if url.startswith("https://") else 7 if url.startswith("http://") else 0
    return (
        host > 0
        and url[host : host + 1] != "/"  # a host: with none, urlunsplit drops a "//"
        and url.isascii()  # urlsplit checks hosts in other scripts (NFKC)
        and url.isprintable()  # urlsplit drops control characters and strips spaces
        and _NOT_PLAIN.search(url) is None
    )


_NOT_PLAIN = re.compile(r"[?#\[\] ]")  # a query, a fragment, an IPv6 address, a space


def _cleaned(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    site = _site_tracking(parts.hostname)
    kept = [
        part
        for part in parts.query.split("&")
        if part and not _is_tracking(part.split("=", 1)[0], site)
    ]
    return urllib.parse.urlunsplit(parts._replace(query="&".join(kept)))


def _site_tracking(host: str | None) -> frozenset[str]:
    """The parameters that track on this host's links (and its subdomains')."""
    while host:
        if host in TRACKING_ON:
            return TRACKING_ON[host]
        host = host.partition(".")[2] if host.count(".") > 1 else ""
    return frozenset()


def _is_tracking(name: str, site: frozenset[str] = frozenset()) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in TRACKING or lowered in site


class _Link(NamedTuple):  # a tuple: ten years make 109,500 of them
    date: str
    item: str  # "headlines[2]": the field path of the headline
    url: str
    url_location: Location
    title: str
    title_location: Location
    source: str


def _links(day_files: Iterable[DayFile]) -> list[_Link]:
    found: list[_Link] = []
    for day_file in sorted(day_files, key=lambda f: (f.day.date, f.day.source_path)):
        if not day_file.exact:
            # Read by the fast loader (a clean file, which most are): its references would
            # be made from its headlines, with the file as the place of each; the links
            # are made from them directly (ten years: 880,000 references fewer).
            day, where = day_file.day, Location(day_file.day.source_path)
            date = day.date.isoformat()
            found += [
                _Link(date, f"headlines[{index}]", h.url, where, h.title, where, h.source)
                for index, h in enumerate(day.headlines)
            ]
            continue
        by_index: dict[str, dict[str, tuple[str, Location]]] = {}
        for ref in day_file.all_references():
            if ref.kind in ("url", "title", "source"):
                index = ref.field.rsplit(".", 1)[0]
                by_index.setdefault(index, {})[ref.kind] = (ref.value, ref.location)
        for index, values in by_index.items():
            if "url" in values:
                title, title_location = values.get("title", ("", values["url"][1]))
                found.append(
                    _Link(
                        day_file.day.date.isoformat(),
                        index,
                        values["url"][0],
                        values["url"][1],
                        title,
                        title_location,
                        values.get("source", ("", None))[0],
                    )
                )
    return found


def check_links(
    day_files: Iterable[DayFile],
    sources: Mapping[str, Source],
    fork: bool = False,
    only: Collection[str] | None = None,
) -> list[Problem]:
    """Return link-hygiene warnings for every day (`fork`: the caller runs no threads), or,
    with `only`, those located in these files (paths as a day's `source_path`): the same
    warnings, each day's links compared with all that came before, as the others are."""
    links = _links(day_files)
    problems: list[Problem] = []
    first: dict[str, _Link] = {}
    sites = _Sites(sources)
    for link in links:
        if only is not None and link.url_location.path not in only:
            first.setdefault(clean_url(link.url), link)  # what a later link is compared with
            continue
        tracking = tracking_parameters(link.url)
        if tracking:
            problems.append(
                _warn(
                    link.url_location,
                    f"{link.item}.url",
                    f"tracking parameters ({', '.join(tracking)}) in the link; use the clean "
                    f"URL {clean_url(link.url)} (digest check --fix writes it)",
                )
            )
        source = sources.get(link.source)
        if (
            link.url.lower().startswith("http://")
            and source
            and source.url.lower().startswith("https://")
        ):
            problems.append(
                _warn(
                    link.url_location,
                    f"{link.item}.url",
                    f"an http: link to {source.name}, which is served over https; write "
                    f"https://{link.url[len('http://') :]}",
                )
            )
        home = sites.home_page_of(link.url)
        if home is not None:
            problems.append(
                _warn(
                    link.url_location,
                    f"{link.item}.url",
                    f"the link is the home page of {home.name} ({home.url}), not an article; "
                    "link the article the headline is about",
                )
            )
        owner = sites.other_owner(link.url, link.source)
        if owner is not None and source is not None:
            problems.append(
                _warn(
                    link.url_location,
                    f"{link.item}.url",
                    f"the link is on the site of {owner.name} ({owner.url}), not of "
                    f"{source.name}: is its source '{owner.id}', not '{source.id}'?",
                )
            )
        canonical = clean_url(link.url)
        seen = first.setdefault(canonical, link)
        if seen is not link and seen.date != link.date and seen.url != link.url:
            # The exact same URL on two days is already reported by `validate`.
            problems.append(
                _warn(
                    link.url_location,
                    f"{link.item}.url",
                    f"the same article as on {seen.date} ({_short(seen.url_location)}) but for "
                    "tracking parameters; is it the same article twice?",
                )
            )
    problems.extend(_near_duplicates(links, fork, only))
    return problems


def _near_duplicates(
    links: list[_Link], fork: bool = False, only: Collection[str] | None = None
) -> list[Problem]:
    """Warn of each title nearly the same (difflib's ratio) as one before it on its day or
    up to NEAR_DAYS days before: the first such one, in the order of the links (with
    `only`, of the titles in these files alone). With `fork` (the caller runs no threads),
    a long digest's links are compared in this process and a forked one together.

    Links come in date order, so the titles compared with one are a run of those just before
    it. Most pairs are ruled out by rapidfuzz's Indel similarity (2 x their longest common
    subsequence / their total length, in C++), which is never below difflib's ratio:
    difflib's matching blocks are a common subsequence. Comparing every pair with difflib
    took 155 s for a year of 30 headlines a day.
    """
    folded = [link.title.casefold() for link in links]
    ordinals = {date: dt.date.fromisoformat(date).toordinal() for date in {x.date for x in links}}
    days = [ordinals[link.date] for link in links]
    starts = []  # for each link, the first link at most NEAR_DAYS days before it
    start = 0
    for day in days:
        while day - days[start] > NEAR_DAYS:
            start += 1
        starts.append(start)

    def near(numbers: Sequence[int]) -> list[Problem]:
        problems: list[Problem] = []
        for number in numbers:
            start, mine, link = starts[number], folded[number], links[number]
            if not mine or start == number:
                continue
            likely = process.extract(
                mine,
                folded[start:number],
                scorer=Indel.normalized_similarity,
                score_cutoff=NEAR_DUPLICATE - 1e-9,  # a bound, not a verdict: none is lost
                limit=None,
            )
            for position in sorted(found[2] for found in likely):
                other = links[start + position]
                if other.url == link.url:
                    continue
                ratio = difflib.SequenceMatcher(None, folded[start + position], mine).ratio()
                if ratio >= NEAR_DUPLICATE:
                    where = "earlier on this day" if other.date == link.date else f"on {other.date}"
                    problems.append(
                        _warn(
                            link.title_location,
                            f"{link.item}.title",
                            f"nearly the same title as {where} ({_short(other.title_location)}): "
                            f"'{other.title}'; is it the same story twice?",
                        )
                    )
                    break
        return problems

    if only is not None:  # a commit's few days (digest check --since): no fork
        return near(
            [number for number, link in enumerate(links) if link.title_location.path in only]
        )
    if not fork or len(links) < FORK_FROM:
        return near(range(len(links)))
    spans = [range(i, min(i + _SPAN, len(links))) for i in range(0, len(links), _SPAN)]
    return [problem for found in shared_map(near, spans) for problem in found]


class _Sites:
    """Which source's site a link is on: the source's `url` is its site, its host and
    any folder in it (https://t.me/V_Zelenskiy_official, https://www.bbc.com/ukrainian).
    A link is on a site where its host is the site's or under it (global.espreso.tv is on
    espreso.tv) and its path begins with the site's folder; the most particular site
    wins. A link on no source's site (a post on x.com, a ministry's page) is nobody's."""

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self.by_host: dict[str, list[tuple[tuple[str, ...], Source]]] = {}
        for source in sources.values():
            site = _site(source.url)
            if site:
                self.by_host.setdefault(site[0], []).append((site[1], source))
        for sites in self.by_host.values():
            sites.sort(key=lambda site: -len(site[0]))  # the deepest folder first
        self.depth = max((len(f) for sites in self.by_host.values() for f, _ in sites), default=0)
        self.owners: dict[tuple[str, ...], tuple[Source, ...]] = {}  # by host and folders
        self.verdicts: dict[tuple[str, str], Source | None] = {}  # by a link's start, its source

    def home_page_of(self, url: str) -> Source | None:
        """Return the source whose home page (its `url`) the link is, if any."""
        if url.count("/") > 3 + self.depth or "?" in url:  # an article's, nearly always
            return None
        site = _site(url.split("#", 1)[0])
        if site is None:
            return None
        return next((s for f, s in self.by_host.get(site[0], ()) if f == site[1]), None)

    def other_owner(self, url: str, source_id: str) -> Source | None:
        """Return the source whose site the link is on when it is not `source_id`'s."""
        if not self.depth:  # no site names a folder: the scheme and host decide, as written
            end = url.find("/", 8)
            key = (url if end < 0 else url[:end], source_id)
            if key not in self.verdicts:  # ten years have 109,500 links and few such keys
                self.verdicts[key] = self._other_owner(url, source_id)
            return self.verdicts[key]
        return self._other_owner(url, source_id)

    def _other_owner(self, url: str, source_id: str) -> Source | None:
        site = _site(url)
        if site is None:
            return None
        host, folders = site
        key = (host, *folders[: self.depth])  # what decides whose site it is
        owners = self.owners.get(key)
        if owners is None:
            owners = self.owners[key] = self._owners(host, folders)
        if not owners or any(s.id == source_id for s in owners):
            return None
        return owners[0]

    def _owners(self, host: str, folders: tuple[str, ...]) -> tuple[Source, ...]:
        labels = host.split(".")
        for start in range(len(labels) - 1):  # the host, then each host above it
            sites = self.by_host.get(".".join(labels[start:]), ())
            for site_folders, _ in sites:
                if folders[: len(site_folders)] == site_folders:
                    return tuple(s for f, s in sites if f == site_folders)
        return ()


_SITE = re.compile(r"https?://(?:[^@/?#]*@)?(?:www\.)?([^/?#:]+)[^/?#]*([^?#]*)", re.I)


def _site(url: str) -> tuple[str, tuple[str, ...]] | None:
    """Return a URL's host without "www." and the folders of its path, in lower case
    ("t.me", ("v_zelenskiy_official",)), or None."""
    match = _SITE.match(url)
    if not match:
        return None
    host = match[1].lower().rstrip(".")
    return host, tuple(part for part in match[2].lower().split("/") if part)


def _warn(location: Location, field: str, message: str) -> Problem:
    return Problem(location, field, message, Severity.WARNING)


def _short(location: Location) -> str:
    return f"{location.path}:{location.line}" if location.line else location.path


def fix_text(text: str, fixes: Mapping[int, tuple[str, str]]) -> str:
    """Replace URLs on given 1-based lines: {line: (old URL, clean URL)}; keep all else."""
    lines = text.split("\n")
    for line, (old, new) in fixes.items():
        if 0 < line <= len(lines) and old in lines[line - 1]:
            lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\n".join(lines)


def url_fixes(day_files: Iterable[DayFile]) -> dict[str, dict[int, tuple[str, str]]]:
    """Return, per day file path, the lines whose URL has tracking parameters to remove."""
    fixes: dict[str, dict[int, tuple[str, str]]] = {}
    for link in _links(day_files):
        clean = clean_url(link.url)
        if clean != link.url and link.url_location.line:
            path = link.url_location.path
            fixes.setdefault(path, {})[link.url_location.line] = (link.url, clean)
    return fixes
