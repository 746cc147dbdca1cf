"""Links in listings: which are articles, which outlet they are from, what they hide.

Whether a link is a headline's or a page's own (a share button, a tag's or an author's
page, a home page, a promotion, an advert), the source whose site it is on
(`match_source`), the article behind a redirect or a web archive's copy, and an outlet's
name written after a headline ("Title — Reuters"), which is no part of it.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import urllib.parse
from collections.abc import Iterable, Mapping
from typing import Any

from .importdates import name_key, source_named
from .importtext import JSON_ERRORS, SITE_NAME, URL_IN_TEXT, WORD_RUN, collapse, headline_like

# "Title — Reuters", "Title (Euronews)", "Title - РБК-Україна": the outlet's name after a
# headline (a hyphen in it joins words, no space around it).
_ATTRIBUTION = re.compile(
    r"\s+(?:[-–—|]\s*((?:[^-–—|()\[\]]|(?<=\S)-(?=\S)){2,40})|\(([^()]{2,40})\))\s*$"
)


def without_outlet(title: str, url: str, source_name: str = "") -> str:
    """Drop the name of the link's outlet after a headline ("— Reuters" on reuters.com,
    "| Суспільне Новини" from the source named "Суспільне"): the source says it. Any other
    ending ("- ISW", "(video)") is part of the headline. A page's title kept by a read-later
    app or a share loses its site's name before it ("BBC News - …"), its site and date after
    it (DW's "… – DW – 07/15/2024") and a share's "via @dwnews"."""
    title = _SHARED_VIA.sub("", title)
    remark = _SOURCE_REMARK.search(title)  # "— The Economist (paywall)": the outlet, remarked
    if remark is not None and remark.start() > 0:
        bare = title[: remark.start()]
        if (shorter := without_outlet(bare, url, source_name)) != bare:
            return shorter
    if url:
        before = _SITE_BEFORE.match(title)
        if before is not None and names_site(before[1], url, {}):
            title = title[before.end() :]
        host = host_of(url).removeprefix("www.")
        if host and title.casefold().startswith(host) and headline_like(title[len(host) :]):
            title = title[len(host) :].lstrip(" ·|–—-:")  # a card's "hromadske.uaУдар…" (Threads')
        dated = _SITE_AND_DATE_AFTER.search(title)
        if dated is not None and names_site(dated[1], url, {}):
            title = title[: dated.start()]
    match = _ATTRIBUTION.search(title)
    if not match:
        return title
    name = name_key(match[1] or match[2])
    rest = title[: match.start()].rstrip(" -–—|:")
    if len(rest.split()) < 2:
        return title
    # A page's title as a bookmark keeps it: "Title | Russia-Ukraine war News | Al Jazeera".
    section = _SECTION_END.search(rest) if match[0].lstrip().startswith("|") else None
    if section is not None and len(rest[: section.start()].split()) >= 2:
        rest = rest[: section.start()]
    label = name_key(_outlet_label(url)) if url else ""
    if len(label) >= 3 and (
        name == label or (len(label) >= 4 and label in name) or (len(name) >= 4 and name in label)
    ):
        return rest
    shown = match[1] or match[2] or ""
    if url and names_site(shown, url, {}):  # "| The New York Times" on nytimes.com
        return rest
    initials = _initials(shown)
    if len(initials) >= 3 and initials == _latin(source_name):  # "| Institute for the Study…"
        return rest
    own = name_key(_SOURCE_REMARK.sub("", source_name))  # "Суспільне Новини (YouTube)"
    for shown, known in ((name, own), (_latin(name), _latin(own))):  # "(Укрінформ)": Ukrinform
        # "| Суспільне Новини" from "Суспільне"; not "(Kyiv)" from "Kyiv Independent"
        if (len(known) >= 2 and shown == known) or (len(known) >= 4 and shown.startswith(known)):
            return rest
    return title


_SECTION_END = re.compile(r"\s+\|\s*[^|]{2,40}$")
_SOURCE_REMARK = re.compile(r"\s*\([^()]*\)\s*$")  # a source's name's remark: "(YouTube)"
_SHARED_VIA = re.compile(r"\s+via\s+@[\w.]+$")  # "… via @dwnews", as a share writes it
_SITE_BEFORE = re.compile(r"([^-–—|:]{2,30}?)\s+[-–—|]\s+(?=\S.{12,})")  # "BBC News - Title"
_SITE_AND_DATE_AFTER = re.compile(  # "… – DW – 07/15/2024"
    r"\s+[-–—|]\s+([^-–—|]{2,30}?)\s+[-–—|]\s+\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$"
)


def _latin(name: str) -> str:
    """A squashed name in Latin letters, to match a name written in another script."""
    return "".join(_latin_words(name))


def is_a_source_name(line: str, names: Mapping[str, str]) -> bool:
    """Whether a line is only the name of one of the digest's sources."""
    return bool(source_named(line, names))


def named_source(
    title: str, names: Mapping[str, str], homes: Mapping[str, str]
) -> tuple[str, str] | None:
    """A headline without a link whose outlet is named after it, as aggregators show it
    ("Title (УНІАН)", "Title - Суспільне Новини", "Title (theguardian.com)"): the headline
    without it, and the id of the source of that name or site; None when no source has it."""
    match = _ATTRIBUTION.search(title)
    if match is None:
        return None
    shown = (match[1] or match[2] or "").strip()
    if SITE_NAME.fullmatch(shown):  # a site's name, as Hacker News shows it
        source = match_source("https://" + shown.lower() + "/", homes)
        rest = title[: match.start()].rstrip(" -–—|:")
        if source and len(rest.split()) >= 2:
            return rest, source
    for key, name in names.items():
        rest = without_outlet(title, "", name)
        if rest != title:
            return rest, key
    return None


def names_site(line: str, url: str, names: Mapping[str, str]) -> bool:
    """Whether a line is only the name of the link's site ("The Kyiv Independent" under a
    kyivindependent.com link, "Reuters", a source's name), as a chat's link preview shows it."""
    shown, label = name_key(line), _outlet_label(url).replace("-", "")
    if len(shown) < 2 or len(line.split()) > 6 or _NOT_A_NAME.search(line):
        return False
    initials = _initials(line)
    return (
        is_a_source_name(line, names)
        or shown == label
        or (
            len(label) >= 3
            and (
                label in shown
                or label in _latin(line)  # "Радио Свобода" for radiosvoboda.org
                or (len(initials) >= 3 and label.startswith(initials))  # "The New York Times"
            )
        )
        # "Institute for the Study of War", the source named "ISW"
        or (len(initials) >= 3 and any(name_key(name) == initials for name in names.values()))
    )


def _latin_words(name: str) -> list[str]:
    """A name's words in Latin letters, in lower case."""
    from anyascii import anyascii

    return re.findall(r"[a-z0-9]+", anyascii(name).lower())


def _initials(name: str) -> str:
    """A name's initials but for its small words: "nyt" for "The New York Times"."""
    return "".join(word[0] for word in _latin_words(name) if word not in _NAME_SMALL_WORDS)


_NAME_SMALL_WORDS = frozenset({"the", "of", "for", "and", "a", "an", "de", "la", "le"})


CHAT_TIME = re.compile(r"\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?")  # "09:04", "8:12 AM": a message's
_NOT_A_NAME = re.compile(r"[|·•:]|\s[-–—]\s")  # "Суспільне Новини | Підписатися": more


def _outlet_label(url: str) -> str:
    """The outlet's part of a link's host: reuters.com -> reuters, pravda.com.ua -> pravda."""
    parts = host_of(url).split(".")
    if len(parts) >= 3 and parts[-2] in ("com", "co", "org", "net", "gov", "in", "ac"):
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else ""


# The first part of the path of a page that lists articles: an author's, a tag's, a topic's.
# A document attached to a page (a decision, a report), not an article: "st12002-en24.pdf".
ATTACHMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|zip|rar)(?:$|[?#])", re.IGNORECASE)
ATTACHED = "a document (a PDF, a spreadsheet), not a news headline"
_TAXONOMIES = frozenset({"taxonomy", "category", "categories", "programs", "program"})
_SEARCH_PATHS = frozenset(
    {"search", "suche", "recherche", "buscar", "szukaj", "poisk", "пошук", "cauta", "hledat"}
    | {"kereses", "iskanje", "paieska", "ricerca", "busca", "zoeken", "haku", "sok", "pretraga"}
)
_TAXONOMY_NAMED = re.compile(
    r"(?:location|organization|organisation|category|person|keyword|tag|topic|theme|product"
    r"|event)_\w"
)
_INDEX_PATHS = frozenset(
    {"author", "authors", "by", "people", "person", "profile", "profiles", "contributor"}
    | {"contributors", "journalist", "journalists", "tag", "tags", "topic", "topics"}
    | {"category", "categories", "rubric", "section", "sections", "theme", "themes"}
    | {"avtor", "avtory", "teg", "tegi", "tema", "temy", "rubryka", "rubrika"}
    | {"autor", "autores", "autoren", "auteur", "auteurs", "autore", "autori", "autorzy"}
    | {"thema", "themen", "schlagwort", "tematy", "argomenti"}
    # Finnish, Vietnamese, Turkish, Scandinavian, Dutch, Hungarian, Arabic: a topic, a tag,
    # a writer ("/aihe/lahi-ita/", "/chu-de/…", "/yazar/…", "/كتاب/هبة-القدسي").
    | {"aihe", "aiheet", "avainsana", "toimittaja", "chu-de", "tac-gia", "konu", "etiket"}
    | {"yazar", "yazarlar", "emne", "emner", "tagg", "onderwerp", "szerzo", "cimke"}
    | {"كتاب", "كاتب", "وسوم", "وسم", "مواضيع"}
    | {"organization", "organizations", "organisation", "organisations", "source", "sources"}
    # Iranian agencies' sections and their parts (Tiam's "/service/International/1": ISNA,
    # Mehr, Tasnim; their articles are under /news/)
    | {"service", "services"}
)


# (a language's name in three letters; a script's: Politika's /scc/, Serbian in Cyrillic)
_LANGUAGE_PATHS = frozenset({"ukr", "rus", "eng", "scc", "cir", "cyr", "lat"})
_PAGER = re.compile(r"page-?\d+")
# A site's own pages, the only part of a path: about it, its contacts, weather, its stream.
_SITE_PAGES = frozenset(
    {"about", "about-us", "contact", "contacts", "kontakty", "pro-nas", "o-nas", "weather"}
    | {"pogoda", "pohoda", "live", "tv", "radio", "subscribe", "advertising", "reklama"}
    | {"privacy", "privacy-policy", "terms", "imprint", "impressum"}
    | {"app", "apps", "livetv", "login", "signin", "sign-in", "register", "myaccount", "account"}
)
# A link to a tag's, a category's or an author's page, as WordPress marks them.
TAG_REL = re.compile(r"(?<![\w-])(?:tag|category|author)(?![\w-])", re.IGNORECASE)
# A link classed as a name, not a headline: a post's author or the channel it was forwarded
# from (Telegram's "tgme_widget_message_forwarded_from_name"), a byline's.
NAME_LINK = re.compile(
    r"(?:^|[-_\s])(?:author|owner|byline|forwarded)(?:_from)?(?:_name)?(?:$|[-_\s])"
)


def promotion(url: str) -> bool:
    """Whether a link asks the reader to give, subscribe or join ("support.theguardian.com/
    contribute", "/donate", "/pidtrymaty"), by its host's first label or its path's first
    part after a language's."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").split(".")
    segments = [part for part in parts.path.lower().split("/") if part]
    if segments and len(segments[0]) == 2 and segments[0].isalpha():  # /uk/, /en/
        segments = segments[1:]
    if ".".join(host[-2:]) in _GIVING_SITES:  # "Buy me a coffee", Patreon, Ko-fi
        return True
    return host[0] in _PROMOTIONS or (1 <= len(segments) <= 2 and segments[0] in _PROMOTIONS)


_GIVING_SITES = frozenset({"buymeacoffee.com", "patreon.com", "ko-fi.com", "liqpay.ua"})


_PROMOTIONS = frozenset(
    {"support", "donate", "contribute", "subscribe", "subscription", "subscriptions"}
    | {"membership", "join", "pidtrymaty", "pidtrymka", "donat", "podderzhat"}
)


def advert(url: str) -> bool:
    """Whether a link goes through an advertising network (its click tracker: ads.adfox.ru,
    ad.adriver.ru, doubleclick.net), not to an article."""
    host = host_of(url).removeprefix("www.")
    labels = host.split(".")
    return labels[0] in ("ad", "ads", "adserver", "adclick", "clk") or any(
        host == network or host.endswith("." + network) for network in _AD_NETWORKS
    )


_AD_NETWORKS = (
    "doubleclick.net",
    "googleadservices.com",
    "adfox.ru",
    "admixer.net",
    "adriver.ru",
    "adnxs.com",
    "criteo.com",
    "mgid.com",
    "smi2.net",
    "redtram.com",
    "taboola.com",
    "outbrain.com",
    "gemini.yahoo.com",  # Yahoo's native ads in its stream (beap.gemini.yahoo.com)
    "zemanta.com",
    "revcontent.com",
)


def in_a_sentence(link: Any, text: str) -> bool:
    """Whether a link is words of a sentence around it, not a headline: its text begins in
    lower case and its paragraph holds three words or more besides it."""
    parent = link.getparent()
    if not text[:1].islower() or parent is None or parent.tag not in ("p", "li", "span", "div"):
        return False
    around = collapse(parent.text_content()).replace(text, " ", 1)
    return len(WORD_RUN.findall(around)) >= 3


def same_page(url: str, page: str) -> bool:
    """Whether a link goes to a place on the page itself (a live blog's post: "#post-2",
    "?page=with:block-B1#block-B1", Al Jazeera's "?update=3041399"): its path, with a
    fragment or a query."""
    if not ("#" in url or "?" in url) or not page:
        return False
    try:
        link, here = urllib.parse.urlsplit(url), urllib.parse.urlsplit(page)
    except ValueError:
        return False
    return (link.hostname, link.path.rstrip("/")) == (here.hostname, here.path.rstrip("/"))


def post_link(url: str, page: str) -> bool:
    """Whether a link goes to a post of a live blog on the page itself, by its number: its
    permalink, whatever the link shows ("Copier le lien", the post's time): "?post=4102291",
    "?postid=5012345#liveblog-body", "?entry=7#e7", "#post-69679012"."""
    return same_page(url, page) and _POST_ID.search(url) is not None


def this_page(url: str, page: str) -> bool:
    """Whether a link goes to the page itself (its menu's item for it), not to a place on it."""
    if not page or "#" in url or "?" in url:  # (a post of a live blog: `same_page`)
        return False
    try:
        link, here = urllib.parse.urlsplit(url), urllib.parse.urlsplit(page)
    except ValueError:
        return False
    hosts = (link.hostname or "").removeprefix("www."), (here.hostname or "").removeprefix("www.")
    return hosts[0] == hosts[1] and link.path.rstrip("/") == here.path.rstrip("/")


def share_link(url: str) -> bool:
    """Whether a link shares the article somewhere (Jetpack's "?share=telegram", a social
    network's share dialog), not the article itself."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return False
    segments = parts.path.lower().split("/")  # "/share", "/sharer.php", "/intent/tweet"
    shares = any(part in _SHARE_PATHS for part in segments)
    return shares or "share" in urllib.parse.parse_qs(parts.query)


_SHARE_PATHS = frozenset(
    {"share", "sharer", "sharer.php", "intent", "share-post.g", "sharearticle"}
)


_HASH_ID = re.compile(r"[0-9a-f]{24,}")  # an article's id as a long hex hash


def index_page(url: str) -> bool:
    """Whether a link goes to a page listing articles (an author's, a tag's: /author/jane-doe,
    /tag/war/), not to an article, by the first part of its path after a language's."""
    try:
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    except ValueError:
        return False
    segments = [part for part in path.lower().split("/") if part]
    if segments and (
        (len(segments[0]) == 2 and segments[0].isalpha()) or segments[0] in _LANGUAGE_PATHS
    ):  # /uk/, /en/, /ru/, /ukr/
        segments = segments[1:]
    if segments and _PAGER.fullmatch(segments[-1]):
        return True  # a pager's: /news/page-2
    if len(segments) >= 2 and segments[-2] == "page" and segments[-1].isdigit():
        return True  # /news/page/2/
    if len(segments) == 1 and segments[0] in _SITE_PAGES:  # /about/, /pogoda/, /live/
        return True
    if segments and segments[0] in _TAXONOMIES:  # /taxonomy/term/20, /category/blogs/report/
        # (not an article filed under its section by a hash: NTV's /category/international/
        # c3f109f4582955f23295be4837b4af2a)
        return len(segments) <= 3 and not _HASH_ID.fullmatch(segments[-1])
    if len(segments) == 1 and _TAXONOMY_NAMED.match(segments[0]):  # RIA's /location_Kharkov/
        return True
    if any(part in _SEARCH_PATHS for part in segments):  # a search's results: Bing's own links
        return True
    if segments and segments[0] in ("polls", "poll", "survey", "surveys"):  # beehiiv's votes
        return True
    if any(part in ("newsletter", "newsletters") for part in segments):  # a mail's web version,
        return True  # its sign-up page
    if segments and segments[0] in ("myaccount", "my-account", "account"):  # a reader's own
        return True
    if len(segments) == 3 and segments[1].isdigit():  # "/tema/1372/rat-u-ukrajini": its id
        segments = [segments[0], segments[2]]
    while len(segments) > 2 and _SHORT_NUMBER.fullmatch(segments[-1]):
        segments = segments[:-1]  # Youm7's "/Section/الحرب-الروسية-الأوكرانية/355/1": its id, page
    return 1 <= len(segments) <= 2 and segments[0] in _INDEX_PATHS


_SHORT_NUMBER = re.compile(r"\d{1,4}")  # a section's id or a page's number, not an article's


def section_links(keys: Iterable[str]) -> set[str]:
    """The links among `keys` to a section of their site: of one or two parts of a path that
    begins others on the page (NBC's kicker "NBC News NOW", /now, over /now/video/…)."""
    paths: dict[tuple[str, tuple[str, ...]], str] = {}
    for key in keys:
        try:
            parts = urllib.parse.urlsplit(key)
        except ValueError:
            continue
        segments = tuple(part for part in parts.path.split("/") if part)
        if parts.hostname and segments:
            paths.setdefault((parts.hostname, segments), key)
    prefixes = {(host, segments[:n]) for host, segments in paths for n in range(1, len(segments))}
    return {
        key
        for (host, segments), key in paths.items()
        if len(segments) <= 2 and (host, segments) in prefixes
    }


SECTION_WORDS = 4  # a section's name, at most: "NBC News NOW", "2024 Election"
REPEATED_WORDS = 5  # an author's or a section's name shown on every item, at most


def home_page(url: str) -> bool:
    """Whether a link goes to a site's home page, or its home in a language ("/en/",
    "/uk"), whatever its query says."""
    try:
        path = urllib.parse.urlsplit(url).path
    except ValueError:
        return False
    return path in ("", "/") or _LANGUAGE_HOME.fullmatch(path) is not None


_LANGUAGE_HOME = re.compile(r"/[a-z]{2}(?:[-_][a-zA-Z]{2})?/?")  # "/en", "/uk/", "/pt-br/"


INDEX = "a link to an outlet's home page or to a list of its articles, not to an article"


# Social networks' sites: a link to one is a channel's or a post's, unless it is an article's.
_SOCIAL = frozenset(
    {"t.me", "telegram.me", "facebook.com", "instagram.com", "twitter.com", "x.com"}
    | {"tiktok.com", "threads.net", "youtube.com", "linkedin.com", "viber.com", "whatsapp.com"}
)


def profile(url: str) -> bool:
    """Whether a link goes to a channel or profile on a social network ("t.me/liganet",
    "youtube.com/@hromadske"), not to one post of it ("t.me/liganet/41234")."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    segments = [segment for segment in parts.path.split("/") if segment]
    if len(segments) == 1 and segments[0].startswith("@"):  # medium.com/@name, any @handle
        return True
    if host not in _SOCIAL and not host.endswith(".whatsapp.com"):
        return False
    if segments[:1] in (["s"], ["channel"], ["c"], ["user"], ["company"], ["invite"]):
        segments = segments[1:]  # t.me/s/name, youtube.com/channel/id, linkedin.com/company/x
    return len(segments) <= 1 and not (host == "youtube.com" and parts.path == "/watch")


# Where a post is a message that links its article, not the article (a video's site is not).
_POSTING = frozenset(
    {"t.me", "telegram.me", "facebook.com", "instagram.com", "twitter.com", "x.com"}
    | {"threads.net", "linkedin.com"}
)


def social_post(url: str) -> bool:
    """Whether a link goes to one post on a social network ("t.me/suspilnenews/31838"), whose
    article, when it has one, is the link in its text."""
    host = host_of(url).removeprefix("m.")
    return host in _POSTING and not profile(url)


def host_of(url: str) -> str:
    try:
        host = urllib.parse.urlsplit(url).hostname or ""
    except ValueError:
        return ""
    for prefix in ("www.", "m.", "amp.", "mobile."):
        host = host.removeprefix(prefix)
    return host


def match_source(url: str, sources: Mapping[str, str]) -> str:
    """Return the id of the source whose home page's host `url` is on, or "". Failing that,
    the one source on the same site (edition.cnn.com's for www.cnn.com), if only one is."""
    host = host_of(url)
    if not host:
        return ""
    best = ""
    best_fit = (0, 0)  # the longest host, then the longest path of the home page it is under
    path = urllib.parse.urlsplit(url).path
    for source_id, home in sorted(sources.items()):
        home_host = host_of(home)
        on_site = home_host and (host == home_host or host.endswith("." + home_host))
        home_path = urllib.parse.urlsplit(home).path.rstrip("/")
        under = not home_path or path == home_path or path.startswith(home_path + "/")
        fit = (len(home_host), len(home_path) if under else -1)
        if on_site and fit > best_fit:
            best, best_fit = source_id, fit
    if not best:
        site = _site(host)
        same = [source_id for source_id, home in sources.items() if _site(host_of(home)) == site]
        best = same[0] if len(same) == 1 else ""
    return best


# Second-level labels under which a country's sites are registered: bbc.co.uk, pravda.com.ua.
_UNDER_COUNTRY = frozenset({"co", "com", "org", "net", "gov", "edu", "ac", "in", "kiev", "kyiv"})


def _site(host: str) -> str:
    """The domain a host's site is registered as: "cnn.com" of "edition.cnn.com"."""
    labels = host.split(".")
    size = 3 if len(labels) >= 3 and labels[-2] in _UNDER_COUNTRY and len(labels[-1]) == 2 else 2
    return ".".join(labels[-size:])


def page_base(root: Any) -> str:
    """The page's own address, when the paste holds it: <base>, canonical link, og:url."""
    for element, attribute in (
        *((e, "href") for e in root.iter("base")),
        *((e, "href") for e in root.iter("link") if "canonical" in (e.get("rel") or "").split()),
        *((e, "content") for e in root.iter("meta") if e.get("property") == "og:url"),
    ):
        value = (element.get(attribute) or "").strip()
        if value.startswith(("http://", "https://")):
            return value
    return ""


# A fragment that names one post of the page (its id holds a figure): a live blog's permalink.
_PERMALINK = re.compile(r"#[A-Za-z][\w-]*\d[\w-]*")
# A query or a fragment naming a post of the page by its number (`post_link`).
_POST_ID = re.compile(
    r"[?&](?:post|postid|post_id|entry|update|block|item|p)=[\w-]*\d|" + _PERMALINK.pattern
)


def absolute(href: str, base: str) -> str | None:
    """The link's absolute http(s) URL; "" when it is relative and there is no base; None
    when it leads nowhere a reader could follow (#, mailto:, javascript:)."""
    href = href.strip()
    if href.startswith("#") and base and _PERMALINK.fullmatch(href):
        return urllib.parse.urljoin(base, href)  # a live blog's post: "#p-7590871", "#post-12"
    if not href or href.startswith("#"):
        return None
    if href.startswith("//"):
        href = "https:" + href
    try:
        scheme = urllib.parse.urlsplit(href).scheme.lower()
        if scheme in ("http", "https"):
            return href if urllib.parse.urlsplit(href).hostname else None
        if scheme:
            return None
        if not base:
            return ""
        joined = urllib.parse.urljoin(base, href)
    except ValueError:  # "https://[::1": no address at all
        return None
    return joined if joined.startswith(("http://", "https://")) else None


def link_text(link: Any) -> str:
    """A link's text; for one with none, its label: a card's link laid over it, its
    headline shown beside (<a href="..." aria-label="Poland says it could..."></a>)."""
    return collapse(link.text_content()) or collapse(link.get("aria-label") or "")


def href_of(link: Any) -> str:
    return (link.get("href") or "").strip()


def saved_page(url: str) -> str:
    """Why a page kept as a bookmark (or saved to read later) is no article: a site's home
    page, or a web app's (a document, a mailbox); "" for an article."""
    return INDEX if home_page(url) else APP if app_page(url) else ""


def app_page(url: str) -> bool:
    """Whether a link opens a web app (a document, a mailbox, a chat), not an article: a
    team's SharePoint or OneDrive file too ("redakciya.sharepoint.com/:w:/…")."""
    host = host_of(url)
    return host in _APPS or host.endswith((".sharepoint.com", ".onedrive.com")) or host == "1drv.ms"


_APPS = frozenset(
    {"docs.google.com", "drive.google.com", "mail.google.com", "calendar.google.com"}
    | {"web.telegram.org", "web.whatsapp.com", "teams.microsoft.com", "outlook.office.com"}
    | {"outlook.live.com", "app.slack.com", "www.notion.so", "web.skype.com"}
    | {"omnivore.app", "app.raindrop.io", "readwise.io", "read.readwise.io", "app.matter.so"}
    | {"www.strava.com", "strava.com", "translate.google.com", "maps.google.com"}
)  # (and read-later apps' own pages of an article: "Read on Omnivore")
APP = "a link to a web app (a document, a mailbox, a chat), not to an article"


def article_link(href: str) -> bool:
    """Whether a message's link may be its article's: on the web, not Telegram's, nor a
    channel's or profile's."""
    if not href.startswith(("http://", "https://")) or profile(href):
        return False
    return host_of(href) not in ("t.me", "telegram.me")


def unwrapped(url: str) -> str:
    """The address a mail's or a network's redirect link goes to: Outlook's Safe Links
    (`…safelinks.protection.outlook.com/?url=`), Google's (`google.com/url?q=`),
    Facebook's (`l.facebook.com/l.php?u=`), VK's (`away.php?to=`), Telegram's instant view
    (`t.me/iv?url=`), Google's AMP cache's (`…cdn.ampproject.org/c/s/…`); else the link as it
    is."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return url
    host = (parts.hostname or "").removeprefix("www.")
    names: tuple[str, ...]
    if encoded := _encoded_target(url):
        return encoded
    archived = _ARCHIVED.match(url)  # the Wayback Machine's, archive.today's copy of a page
    if archived is not None:
        return re.sub(r"^(https?:)/+", r"\1//", archived[1])
    if host.endswith(".cdn.ampproject.org") and parts.path.startswith(("/c/", "/v/")):
        # Google's AMP cache: "…cdn.ampproject.org/c/s/www.euronews.com/amp/my-europe/…", the
        # outlet's AMP page ("s/": over https), whose article is its address without "/amp"
        rest = parts.path[3:]
        scheme = "https" if rest.startswith("s/") else "http"
        rest = rest.removeprefix("s/")
        site, _, path = rest.partition("/")
        path = re.sub(r"^amp/|/amp/?$", "", path)
        return f"{scheme}://{site}/{path}" + (f"?{parts.query}" if parts.query else "")
    if host == "substack.com" and parts.path.startswith("/redirect/"):
        return _token_target(parts.path.rsplit("/", 1)[-1]) or url
    if host == "r.search.yahoo.com" and "/RU=" in parts.path:
        target = urllib.parse.unquote(parts.path.split("/RU=", 1)[1].split("/", 1)[0])
        return target if URL_IN_TEXT.fullmatch(target) else url
    if host == "duckduckgo.com" and parts.path.rstrip("/") == "/l":
        names = ("uddg",)
    elif host.endswith("safelinks.protection.outlook.com"):
        names = ("url",)
    elif re.fullmatch(r"google\.[a-z]{2,3}(?:\.[a-z]{2})?", host) and parts.path == "/url":
        names = ("q", "url")
    elif host in ("l.facebook.com", "lm.facebook.com", "l.instagram.com", "l.threads.net"):
        names = ("u",)
    elif host in ("vk.com", "away.vk.com", "m.vk.com") and parts.path == "/away.php":
        names = ("to",)
    elif host == "t.me" and parts.path == "/iv":
        names = ("url",)
    else:
        return url
    query = urllib.parse.parse_qs(parts.query)
    target = next((query[name][0] for name in names if query.get(name)), "")
    return target if target.startswith(("http://", "https://")) else url


# A mail service's own pages under what it sends: Google Alerts' settings and feedback.
SERVICE_PAGE = re.compile(
    r"https?://(?:www\.)?google\.[a-z.]{2,6}/(?:alerts|preferences|settings)\b"
    r"|https?://(?:accounts|myaccount|support|policies)\.google\.[a-z.]{2,6}(?:[/?#]|$)",
    re.IGNORECASE,
)
ARCHIVE_HOST = re.compile(
    r"https?://(?:web\.archive\.org|archive\.(?:ph|today|is|li|vn|md|fo)|archive\.org)(?:[/?#]|$)",
    re.IGNORECASE,
)
# A page's copy in a web archive, its links rewritten: web.archive.org/web/20240716183012/
# https://…, …/web/20240716183012id_/https://…, archive.ph/o/Xq7Lm/https://….
_ARCHIVED = re.compile(
    r"https?://(?:web\.archive\.org/web/\d{4,14}[a-z_]*|"
    r"archive\.(?:ph|today|is|li|vn|md|fo)/o/\w+)/(https?:/+\S+)",
    re.IGNORECASE,
)


def _token_target(token: str) -> str:
    """The address a signed token holds (Substack's redirect: a JWT whose payload's "e" is
    the link); "" if none."""
    parts = token.split(".")
    if len(parts) != 3:
        return ""
    try:
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (*JSON_ERRORS, binascii.Error, UnicodeDecodeError):
        return ""
    target = payload.get("e") or payload.get("url") if isinstance(payload, dict) else None
    return target if isinstance(target, str) and URL_IN_TEXT.fullmatch(target) else ""


def _encoded_target(url: str) -> str:
    """The address a newsletter's click tracker holds, base64-encoded, as a part of its
    link's path (ConvertKit's click.convertkit-mail2.com/.../aHR0cHM6Ly9..., Sailthru's
    link.axios.com/click/35102847.1037/aHR0cHM6Ly9.../65c74c15); "" if none."""
    for part in url.split("?", 1)[0].split("/")[3:]:
        if len(part) < 16 or not part.startswith("aHR0c"):  # base64 of "http"
            continue
        try:
            target = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode("utf-8")
        except (ValueError, binascii.Error, UnicodeDecodeError):
            continue
        if URL_IN_TEXT.fullmatch(target):
            return target
    return ""


def aggregated_article(url: str) -> str:
    """The article a Google News link stands for, when its id holds the article's address
    (news.google.com/rss/articles/CBMi...: base64 of a record whose first field is the
    address); else the link as it is."""
    parts = urllib.parse.urlsplit(url)
    if parts.hostname != "news.google.com" or "/articles/" not in parts.path:
        return url
    token = parts.path.rsplit("/", 1)[-1]
    try:
        data = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (ValueError, binascii.Error):
        return url
    if not data.startswith(b"\x08\x13\x22"):
        return url
    size, at, shift = 0, 3, 0
    while at < len(data) and shift <= 14:  # a varint of one or two bytes: the length
        size |= (data[at] & 0x7F) << shift
        at, shift = at + 1, shift + 7
        if not data[at - 1] & 0x80:
            break
    try:
        article = data[at : at + size].decode("utf-8")
    except UnicodeDecodeError:
        return url
    found = absolute(article, "")
    return found if found and len(article) == size and found == article else url
