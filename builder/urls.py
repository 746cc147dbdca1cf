"""The whole URL scheme of the site, in one place; pure functions, no I/O.

A *url path* is relative to the site root and never starts with "/": "2024/06/22/" for a
page (a folder with index.html), "tags/frontline/rss.xml" for a file. `output_path` turns
it into the file to write below site/; templates prefix it with the site's base path.
Slugs for place names are made here: Ukrainian Cyrillic is transliterated by the official
Ukrainian system (Cabinet of Ministers resolution 55 of 2010, the one on passports and road
signs: Kyiv, Zaporizhzhia, Yenakiieve), Russian letters it lacks by their usual spelling,
and every other script by anyascii.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
import urllib.parse

from anyascii import anyascii

# Letters whose spelling differs at the start of a word (KMU 2010): Є Ї Й Ю Я.
_WORD_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "'": "", "’": "", "ʼ": "",
    # Russian and Belarusian letters that Ukrainian lacks.
    "ё": "yo", "ы": "y", "э": "e", "ъ": "", "ў": "u",
}  # fmt: skip
_APOSTROPHES = "'’ʼ"


def transliterate(text: str) -> str:
    """Spell Cyrillic text in Latin letters by the official Ukrainian system (KMU 2010)."""
    out: list[str] = []
    text = text.lower()
    for index, char in enumerate(text):
        previous = text[index - 1] if index else " "
        at_word_start = not (previous.isalpha() or previous in _APOSTROPHES)
        if char == "г" and previous == "з":
            out.append("gh")  # зг -> zgh, to tell it from the letter ж (zh)
        elif at_word_start and char in _WORD_START:
            out.append(_WORD_START[char])
        else:
            out.append(_LETTERS.get(char, char))
    return "".join(out)


@functools.lru_cache(maxsize=65536)  # a pure function of names that recur on every page
def slugify(text: str) -> str:
    """Make a readable ASCII slug: "Часів Яр" -> "chasiv-yar"; "" when nothing is left."""
    ascii_text = anyascii(transliterate(text)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Names Windows keeps for devices: a folder named `con` (or `con.html`) cannot be created
# or checked out there. Ids and slugs never end in a hyphen, so `con-` is always free.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(10)}
)


def safe_segment(slug: str) -> str:
    """Return the folder name for a slug or id: itself, or `con-` for a name Windows keeps."""
    return slug + "-" if slug.split(".", 1)[0] in WINDOWS_RESERVED else slug


def is_valid_id(text: str) -> bool:
    """Tell whether `text` may be a source, tag or story id (and so a URL segment)."""
    return bool(ID_PATTERN.fullmatch(text))


# Pages ---------------------------------------------------------------------------------


def home(page: int = 1) -> str:
    return _paged("", page)


def day(date: dt.date) -> str:
    return date.isoformat().replace("-", "/") + "/"  # strftime is five times slower


def month(year: int, month_number: int) -> str:
    return f"{year:04d}/{month_number:02d}/"


def year(number: int) -> str:
    return f"{number:04d}/"


def archive() -> str:
    return "archive/"


def corrections() -> str:
    return "corrections/"


def index(kind: str) -> str:
    """Return the index page of a kind of list: "tags", "sources", "places" or "stories"."""
    return f"{kind}/"


def listing(kind: str, slug: str, page: int = 1) -> str:
    """Return the page of one tag, source, place or story (`kind` as in `index`).

    A slug Windows reserves as a device name gets a hyphen: `tags/con-/`, not `tags/con/`.
    """
    return _paged(f"{kind}/{safe_segment(slug)}/", page)


def _paged(first: str, page: int) -> str:
    return first if page == 1 else f"{first}page/{page}/"


# Feeds and files ------------------------------------------------------------------------

FEED_FORMATS = ("rss", "atom")


def feed(listing_path: str, kind: str) -> str:
    """Return a feed's path in the folder of the page it follows: "tags/x/" -> "tags/x/rss.xml"."""
    return f"{listing_path}{kind}.xml"


def json_feed(listing_path: str) -> str:
    """Return a JSON Feed's path beside the RSS and Atom feeds: "tags/x/" -> "tags/x/feed.json"."""
    return f"{listing_path}feed.json"


def search() -> str:
    return "search/"


def feeds_index() -> str:
    """Return the page that lists every feed of the site."""
    return "feeds/"


def service_worker() -> str:
    """Return the service worker's path: at the site root, so it may serve every page."""
    return "sw.js"


def headlines_home() -> str:
    return "headlines/"


def not_found() -> str:
    return "404.html"


def offline() -> str:
    """The page the service worker shows for a page it has not stored, offline."""
    return "offline.html"


def sitemap() -> str:
    return "sitemap.xml"


def robots() -> str:
    return "robots.txt"


def output_path(url_path: str) -> str:
    """Return the file below site/ that serves `url_path`: folders get index.html."""
    return url_path + "index.html" if url_path == "" or url_path.endswith("/") else url_path


# Characters of no width, or of a space's look, other than U+0020, and controls of
# direction and formatting: invisible in an address, and never part of one. Text pasted
# from messengers and word processors brings them; a browser percent-encodes them, and the
# link leads nowhere. Not the joiners (U+200C, U+200D), which Persian slugs and emoji hold,
# nor the marks and selectors of scripts and emoji.
_UNSEEN = re.compile(
    "[\u00a0\u00ad\u1680\u2000-\u200b\u200e\u200f\u2028-\u202f\u205f-\u2064"
    "\u2066-\u206f\u3000\ufeff\ufff9-\ufffb]"
)


def unseen_in(url: str) -> str | None:
    """Say which character of no width (or a space's look) a link holds, if any: the link
    shown with each as <U+XXXX>, and what to do."""
    found = _UNSEEN.search(url) if not url.isascii() else None
    if found is None:
        return None
    char = found.group()
    shown = _UNSEEN.sub(lambda each: f"<U+{ord(each.group()):04X}>", url)
    name = unicodedata.name(char, "invisible character").lower()
    article = "an" if name[:1] in "aeiou" else "a"
    return (
        f"'{shown}' contains {article} {name} (U+{ord(char):04X}), which looks like nothing "
        "or like a space, and which a link cannot carry: delete it (text pasted from "
        "messengers and word processors brings such characters)"
    )


def without_unseen(url: str) -> str:
    """Return a link without the characters `unseen_in` names (the importer's links: a
    pasted listing's addresses never hold them on purpose)."""
    return url if url.isascii() else _UNSEEN.sub("", url)


# What percent-encoding leaves as it is in a URL's path, query and fragment: its reserved
# characters, and "%" itself (an address already encoded stays as it is).
_URI_SAFE = "/:?#[]@!$&'()*+,;=%~"


def as_uri(address: str) -> str:
    """Return an http(s) address as a URI (RFC 3986): its host in ASCII (IDNA, "пример.укр"
    -> "xn--e1afmkfd.xn--j1amh"), any other letter outside ASCII percent-encoded as UTF-8.
    RSS's <link> is a URI; Atom and the pages take the address as written (an IRI)."""
    if address.isascii():
        return address
    scheme, sep, rest = address.partition("://")
    cut = next((i for i, char in enumerate(rest) if char in "/?#"), len(rest))  # host's end
    authority, tail = rest[:cut], rest[cut:]
    userinfo, at, host = authority.rpartition("@")
    name, colon, port = host.partition(":") if not host.startswith("[") else (host, "", "")
    try:
        name = name.encode("idna").decode("ascii")
    except UnicodeError:  # a label IDNA 2003 refuses: percent-encoded, as RFC 3986 allows
        name = urllib.parse.quote(name, safe=_URI_SAFE)
    authority = urllib.parse.quote(userinfo, safe=_URI_SAFE) + at + name + colon + port
    return scheme + sep + authority + urllib.parse.quote(tail, safe=_URI_SAFE)
