"""Where a listing's times are: the time zone of a page's country, by its address, its
links or its language, for the times it gives without a zone (`importdates` moves them
from it into the site's)."""

from __future__ import annotations

import collections
import re
import urllib.parse
from collections.abc import Iterable

# The time zone of a country's sites, by their top-level domain: where a page gives its
# times without a zone, they are its country's ("dnes 14:05" on novinky.cz is Prague's).
# Only countries of one zone (and Russia's sites, which write Moscow's time, Australia's
# national ones, Sydney's, Spain's and Portugal's, their capitals' (the islands' own zones
# are an hour behind), and Brazil's and Mexico's, their capitals').
_ZONE_OF_DOMAIN = {
    "ua": "Europe/Kyiv",
    "ru": "Europe/Moscow",
    "by": "Europe/Minsk",
    "md": "Europe/Chisinau",
    "pl": "Europe/Warsaw",
    "de": "Europe/Berlin",
    "at": "Europe/Vienna",
    "ch": "Europe/Zurich",
    "cz": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia",
    "rs": "Europe/Belgrade",
    "hr": "Europe/Zagreb",
    "si": "Europe/Ljubljana",
    "gr": "Europe/Athens",
    "lt": "Europe/Vilnius",
    "lv": "Europe/Riga",
    "ee": "Europe/Tallinn",
    "fi": "Europe/Helsinki",
    "se": "Europe/Stockholm",
    "no": "Europe/Oslo",
    "dk": "Europe/Copenhagen",
    "nl": "Europe/Amsterdam",
    "be": "Europe/Brussels",
    "fr": "Europe/Paris",
    "it": "Europe/Rome",
    "es": "Europe/Madrid",
    "pt": "Europe/Lisbon",
    "sg": "Asia/Singapore",
    "uk": "Europe/London",
    "ie": "Europe/Dublin",
    "tr": "Europe/Istanbul",
    "ge": "Asia/Tbilisi",
    "am": "Asia/Yerevan",
    "az": "Asia/Baku",
    "il": "Asia/Jerusalem",
    "jp": "Asia/Tokyo",
    "kr": "Asia/Seoul",
    "cn": "Asia/Shanghai",
    "tw": "Asia/Taipei",
    "hk": "Asia/Hong_Kong",
    "kz": "Asia/Almaty",
    "nz": "Pacific/Auckland",
    "au": "Australia/Sydney",
    "uz": "Asia/Tashkent",
    "in": "Asia/Kolkata",
    "vn": "Asia/Ho_Chi_Minh",
    "th": "Asia/Bangkok",
    "ph": "Asia/Manila",
    "my": "Asia/Kuala_Lumpur",
    "pk": "Asia/Karachi",
    "bd": "Asia/Dhaka",
    "ir": "Asia/Tehran",
    "sa": "Asia/Riyadh",
    "ae": "Asia/Dubai",
    "qa": "Asia/Qatar",
    "eg": "Africa/Cairo",
    "za": "Africa/Johannesburg",
    "cy": "Asia/Nicosia",
    "ba": "Europe/Sarajevo",
    "mk": "Europe/Skopje",
    "al": "Europe/Tirane",
    "is": "Atlantic/Reykjavik",
    "ar": "America/Argentina/Buenos_Aires",
    "co": "America/Bogota",
    "pe": "America/Lima",
    # Central Asia's, the Gulf's, the Levant's, Africa's and South Asia's of one zone (not
    # the domains sites of anywhere take: .me, .ly, .tv, .fm, .io, .ai).
    "kg": "Asia/Bishkek",
    "tj": "Asia/Dushanbe",
    "tm": "Asia/Ashgabat",
    "lu": "Europe/Luxembourg",
    "mt": "Europe/Malta",
    "lb": "Asia/Beirut",
    "jo": "Asia/Amman",
    "iq": "Asia/Baghdad",
    "kw": "Asia/Kuwait",
    "bh": "Asia/Bahrain",
    "om": "Asia/Muscat",
    "ma": "Africa/Casablanca",
    "tn": "Africa/Tunis",
    "dz": "Africa/Algiers",
    "ng": "Africa/Lagos",
    "ke": "Africa/Nairobi",
    "gh": "Africa/Accra",
    "et": "Africa/Addis_Ababa",
    "np": "Asia/Kathmandu",
    "lk": "Asia/Colombo",
    "af": "Asia/Kabul",
    "mm": "Asia/Yangon",
    "cl": "America/Santiago",
    "uy": "America/Montevideo",
    "ve": "America/Caracas",
    # Brazil's and Mexico's national sites write their capitals' time.
    "br": "America/Sao_Paulo",
    "mx": "America/Mexico_City",
}


def zone_of_site(url: str) -> str | None:
    """The time zone of the country a site's address names (novinky.cz: Europe/Prague), or
    None for a site of none (.com, .org) or of a country of several zones."""
    try:
        host = (urllib.parse.urlsplit(url).hostname or "") if "//" in url else ""
    except ValueError:  # "https://[censor.net/…": no address
        return None
    return _ZONE_OF_DOMAIN.get(host.rsplit(".", 1)[-1]) if "." in host else None


# The time zone of the pages written in a language spoken in one zone (or in zones that
# keep one time: German's, Dutch's, Greek's, Chinese's): where neither a page's address nor
# its links name a country, its language does ("（7/16 23:40）" on asahi.com is Tokyo's).
# Not English, Spanish, Portuguese, French, Arabic, Russian and the like, spoken in many.
_ZONE_OF_LANGUAGE = {
    "uk": "Europe/Kyiv",
    "pl": "Europe/Warsaw",
    "de": "Europe/Berlin",
    "cs": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia",
    "sl": "Europe/Ljubljana",
    "hr": "Europe/Zagreb",
    "sr": "Europe/Belgrade",
    "el": "Europe/Athens",
    "lt": "Europe/Vilnius",
    "lv": "Europe/Riga",
    "et": "Europe/Tallinn",
    "fi": "Europe/Helsinki",
    "sv": "Europe/Stockholm",
    "nb": "Europe/Oslo",
    "nn": "Europe/Oslo",
    "no": "Europe/Oslo",
    "da": "Europe/Copenhagen",
    "is": "Atlantic/Reykjavik",
    "nl": "Europe/Amsterdam",
    "it": "Europe/Rome",
    "tr": "Europe/Istanbul",
    "be": "Europe/Minsk",
    "ka": "Asia/Tbilisi",
    "hy": "Asia/Yerevan",
    "he": "Asia/Jerusalem",
    "hi": "Asia/Kolkata",
    "th": "Asia/Bangkok",
    "vi": "Asia/Ho_Chi_Minh",
    "zh": "Asia/Shanghai",
    "ja": "Asia/Tokyo",
    "ko": "Asia/Seoul",
    # Spoken in one zone as well (Catalan in Spain, Andorra and Roussillon alike; Persian
    # as Iran writes it: Afghanistan's Dari is "prs", Tajik "tg").
    "ca": "Europe/Madrid",
    "eu": "Europe/Madrid",
    "gl": "Europe/Madrid",
    "sq": "Europe/Tirane",
    "mk": "Europe/Skopje",
    "bs": "Europe/Sarajevo",
    "mt": "Europe/Malta",
    "lb": "Europe/Luxembourg",
    "cy": "Europe/London",
    "ga": "Europe/Dublin",
    "az": "Asia/Baku",
    "fa": "Asia/Tehran",
    "kk": "Asia/Almaty",
    "uz": "Asia/Tashkent",
    "ky": "Asia/Bishkek",
    "tg": "Asia/Dushanbe",
    "tk": "Asia/Ashgabat",
    "mn": "Asia/Ulaanbaatar",
    "mr": "Asia/Kolkata",
    "gu": "Asia/Kolkata",
    "kn": "Asia/Kolkata",
    "ml": "Asia/Kolkata",
    "te": "Asia/Kolkata",
    "ne": "Asia/Kathmandu",
    "si": "Asia/Colombo",
    "my": "Asia/Yangon",
    "km": "Asia/Phnom_Penh",
    "lo": "Asia/Vientiane",
    "ms": "Asia/Kuala_Lumpur",
    "fil": "Asia/Manila",
    "tl": "Asia/Manila",
    "am": "Africa/Addis_Ababa",
}


def zone_of_language(language: str | None) -> str | None:
    """The time zone of the pages written in `language` (an HTML lang: "ja", "ja-JP"), or
    None for a language spoken in several (English, Russian) or none given."""
    if not language:
        return None
    return _ZONE_OF_LANGUAGE.get(language.strip().lower().replace("_", "-").split("-")[0])


def zone_of_links(urls: Iterable[str]) -> str | None:
    """The zone of the country most of a listing's links are in, when three in five or more
    are in one (a page saved without its address: its own links say where it is)."""
    zones = collections.Counter(zone_of_site(url) for url in urls)
    total = sum(zones.values())
    zone, count = max(zones.items(), key=lambda item: item[1], default=(None, 0))
    return zone if zone is not None and total and count * 5 >= total * 3 else None


# Scripts written for one language of one zone (for a copy, which says no language): kana
# (Japanese), Hangul, Thai, Hebrew, Georgian, Armenian and Greek letters; Chinese characters
# without kana (China's, Taiwan's, Hong Kong's and Singapore's zones are one offset).
_SCRIPT_ZONES = (
    (re.compile(r"[\u3040-\u30ff]"), "Asia/Tokyo"),
    (re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"), "Asia/Seoul"),
    (re.compile(r"[\u0e00-\u0e7f]"), "Asia/Bangkok"),
    (re.compile(r"[\u05d0-\u05ea]"), "Asia/Jerusalem"),
    (re.compile(r"[\u10a0-\u10ff]"), "Asia/Tbilisi"),
    (re.compile(r"[\u0531-\u0587]"), "Asia/Yerevan"),
    (re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"), "Europe/Athens"),
    (re.compile(r"[\u4e00-\u9fff]"), "Asia/Shanghai"),
)
_LETTER = re.compile(r"[^\W\d_]")
SCRIPT_SAMPLE = 20_000  # characters looked at


def zone_of_script(text: str) -> str | None:
    """The zone of the language a text's letters are written in, when a third of them or
    more are of a script in _SCRIPT_ZONES (kana: a tenth, beside Chinese characters)."""
    sample = text[:SCRIPT_SAMPLE]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    for pattern, zone in _SCRIPT_ZONES:
        share = len(pattern.findall(sample)) / letters
        if share >= (0.1 if zone == "Asia/Tokyo" else 1 / 3):
            return zone
    return None
