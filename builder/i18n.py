"""Dates, names and interface text in the site's language: the only module that imports babel.

Month and weekday names come from CLDR through Babel, so `language: uk` in site.yaml gives
"22 червня 2024 р." and "червень 2024 р." without string tables of our own. The interface
text of the templates comes from gettext catalogues, builder/locale/<lang>/LC_MESSAGES/
digest.po (extracted from the templates with `pybabel extract -F babel.cfg`), compiled in
memory when a build starts, so a stale .mo file can never ship.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
import re
import zoneinfo
from pathlib import Path
from typing import NamedTuple

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date, format_skeleton, format_time, get_timezone_location
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "digest"


def is_known_locale(code: str) -> bool:
    """Tell whether Babel has data for the BCP 47 language code `code`."""
    try:
        Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError):
        return False
    return True


def _locale(code: str) -> Locale:
    return Locale.parse(code, sep="-")


def long_date(date: dt.date, code: str) -> str:
    """Return "June 22, 2024" (en) or "22 червня 2024 р." (uk)."""
    return format_date(date, "long", locale=_locale(code))


def full_date(date: dt.date, code: str) -> str:
    """Return "Saturday, June 22, 2024" with the weekday."""
    return format_date(date, "full", locale=_locale(code))


def month_name(year: int, month: int, code: str) -> str:
    """Return "June 2024" in the nominative form the language uses for a heading."""
    return format_skeleton("yMMMM", dt.date(year, month, 1), locale=_locale(code))


def short_time(time: dt.time, code: str) -> str:
    """Return a time of day as the language writes it, e.g. "09:15" or "9:15 AM"."""
    return format_time(time, "short", locale=_locale(code))


@functools.cache
def number(value: int, code: str) -> str:
    """Return a count as the language writes it: "8,768" (en), "8 768" (uk, with a
    no-break space), "8.768" (de); under a thousand, as it is."""
    if -1000 < value < 1000:
        return str(value)
    return format_decimal(value, locale=_locale(code))


class ZoneName(NamedTuple):
    """How pages name the time zone their times are in: a city ("Kyiv", "Київ") or, for a
    zone that is an offset, that offset ("UTC", "UTC+3")."""

    name: str
    city: bool


@functools.cache
def zone_name(timezone: str, code: str) -> ZoneName:
    """Return the name of an IANA time zone for a site in `code`: its city as CLDR names
    it in that language ("Europe/Kyiv": "Kyiv", "Київ"; an old alias too, "Japan": "Tokyo");
    "UTC" and the like, and Etc/GMT+3 as the offset it is ("UTC-3": its name's sign is
    POSIX's, the other way round); a POSIX-style name (CET, EST5EDT) as it is written."""
    if timezone.startswith("Etc/") or timezone in _UTC_NAMES:
        offset = zoneinfo.ZoneInfo(timezone).utcoffset(dt.datetime(2000, 1, 1))
        minutes = int(offset.total_seconds()) // 60 if offset is not None else 0
        if not minutes:
            return ZoneName("UTC", False)
        sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
        hours = f"{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")
        return ZoneName(f"UTC{sign}{hours}", False)
    if timezone in _RULE_NAMES:  # no city: as written
        return ZoneName(timezone, False)
    return ZoneName(get_timezone_location(timezone, locale=_locale(code), return_city=True), True)


_UTC_NAMES = {"UTC", "UCT", "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich", "Universal", "Zulu"}
# Zones named for their rules, not a place (CLDR gives CET a city, Brussels), and Factory.
_RULE_NAMES = {"CET", "EET", "MET", "WET", "EST", "HST", "MST"}
_RULE_NAMES |= {"EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT", "Factory"}


@functools.cache
def text_direction(code: str) -> str:
    """Return the direction text in language `code` runs: "rtl" (Persian, Arabic, Hebrew,
    Urdu, Pashto, Arabic-script Uzbek...), "ltr", or "auto" for a code CLDR does not know,
    for which the browser reads the direction off the text itself."""
    try:
        direction = _locale(code).text_direction
    except (UnknownLocaleError, ValueError):
        return "auto"
    return "rtl" if direction == "rtl" else "ltr"


def as_written(code: str) -> str:
    """Return a BCP 47 code as pages write it: "EN_us" is en-US, "zh-hant" zh-Hant."""
    first, *rest = code.replace("_", "-").split("-")
    parts = [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in rest]
    return "-".join([first.lower(), *parts])


@functools.cache
def language_mistake(text: str) -> str | None:
    """Say what is wrong with `text` where a language's code goes, and what to write (to
    follow the text in quotes: "'ua' is the code of a country..."): a
    language's name, in English, Ukrainian or its own ("Persian", "перська", "فارسی"), a
    code in capitals or with "_" ("EN", "en_GB"), ISO 639-2's three letters or a withdrawn
    code ("ukr", "iw"), or a country's code ("ua": Ukraine's, whose main language is uk).
    None for a language's code as pages write it (one CLDR names, or one it does not
    know, such as prs) or when nothing fits."""
    english = Locale("en").languages
    primary = text.split("-")[0].split("_")[0]
    alias = get_global("language_aliases").get(primary.lower(), "")
    if (len(primary) == 3 and len(alias) == 2) or primary.lower() in _RETIRED:
        return f"is not the code pages use: write {alias} ({english.get(alias, alias)})"
    if primary.islower() and "_" not in text and primary in english:
        return None
    if primary.lower() in english:  # "EN", "en_GB"
        return f"is not a language code as pages write it: write {as_written(text)}"
    named = _language_names().get(text.strip().casefold())
    if named is not None:
        return f"is a language's name, not its code: write {named} ({english.get(named, named)})"
    if len(text) == 2 and text.isalpha():  # a country's code: its main language's
        likely = get_global("likely_subtags").get(f"und_{text.upper()}")
        country = Locale("en").territories.get(text.upper())
        if likely and country:
            code = str(likely).split("_")[0]
            return (
                f"is the code of a country ({country}), not of a language: its main "
                f"language, {english.get(code, code)}, is {code}"
            )
    return None


def language_meant(code: str) -> str:
    """Return the language a page means by its code, as a day file writes it: ISO 639-2's
    three letters and withdrawn codes as the two pages use ("ukr", "iw": uk, he), a
    country's code that names no language as its main language's ("ua", as some Ukrainian
    sites declare theirs: uk), else the code as written (`as_written`)."""
    written = as_written(code)
    primary = written.split("-")[0]
    alias = str(get_global("language_aliases").get(primary.lower(), ""))
    if (len(primary) == 3 and len(alias) == 2) or primary.lower() in _RETIRED:
        return alias
    if primary in Locale("en").languages or len(primary) != 2 or not primary.isalpha():
        return written
    likely = get_global("likely_subtags").get(f"und_{primary.upper()}")
    if likely and primary.upper() in Locale("en").territories:
        return str(likely).split("_")[0]
    return written


# Two-letter codes withdrawn from ISO 639 (Hebrew's, Indonesian's, Yiddish's...).
_RETIRED = frozenset({"in", "iw", "ji", "jw", "mo"})
# The languages whose own names an editor may write ("Deutsch", "русский", "polski").
_OWN_NAMES = [
    "en",
    "uk",
    "ru",
    "pl",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "ro",
    "hu",
    "cs",
    "sk",
    "bg",
    "sr",
    "hr",
    "sl",
    "be",
    "kk",
    "ka",
    "hy",
    "az",
    "tr",
    "fa",
    "ar",
    "he",
    "ur",
    "ps",
    "zh",
    "ja",
    "ko",
    "hi",
    "bn",
    "lt",
    "lv",
    "et",
    "fi",
    "sv",
    "nb",
    "da",
    "nl",
    "el",
]


@functools.cache
def _language_names() -> dict[str, str]:
    """Each language's name in English and Ukrainian, and in itself, casefolded, to its
    code ("persian", "перська", "فارسی": fa; "farsi" too, as English writes it)."""
    names: dict[str, str] = {"farsi": "fa"}
    for display in ("en", "uk"):
        for code, name in Locale(display).languages.items():
            if "_" not in code:
                names.setdefault(name.casefold(), code)
    for code in _OWN_NAMES:
        try:
            own = Locale.parse(code).get_display_name(code)
        except (UnknownLocaleError, ValueError):
            continue
        if own:
            names.setdefault(own.casefold(), code)
    return names


@functools.cache
def script_of_language(code: str) -> str | None:
    """Return the script (ISO 15924) a language is written in, as CLDR's likely subtags
    have it: "Arab" for fa, "Cyrl" for uk, "Latn" for en, the one a code names ("uz-Arab");
    None for a language CLDR does not know."""
    try:
        locale = _locale(code)
    except (UnknownLocaleError, ValueError):
        return None
    if locale.script:
        return str(locale.script)
    likely = get_global("likely_subtags").get(locale.language)  # "fa_Arab_IR"
    parts = str(likely).split("_") if likely else []
    return parts[1] if len(parts) > 1 and len(parts[1]) == 4 else None


# The first word of a letter's Unicode name, and its script (Chinese characters and kana
# are one family: a Japanese title is mostly kanji).
SCRIPT_OF_NAME = {
    "LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "ARABIC": "Arab",
    "HEBREW": "Hebr",
    "GREEK": "Grek",
    "GEORGIAN": "Geor",
    "ARMENIAN": "Armn",
    "DEVANAGARI": "Deva",
    "BENGALI": "Beng",
    "THAI": "Thai",
    "CJK": "Han",
    "HIRAGANA": "Han",
    "KATAKANA": "Han",
    "HANGUL": "Kore",
    "SYRIAC": "Syrc",
    "THAANA": "Thaa",
}
# A language's script (CLDR) as the families above.
SCRIPT_FAMILY = {"Hans": "Han", "Hant": "Han", "Hani": "Han", "Jpan": "Han"}


def letters_of(code: str) -> str | None:
    """Return the script a language is written in, as a family of SCRIPT_OF_NAME ("Cyrl"
    for uk, "Han" for ja and zh); None for a language CLDR does not know."""
    script = script_of_language(code)
    return SCRIPT_FAMILY.get(script, script) if script else None


@functools.cache
def own_letters_first(code: str) -> tuple[str, ...]:
    """Return the first words of the Unicode names of the letters a language is written
    in ("CYRILLIC" for uk), to list names in them before others, as CLDR's orders for uk,
    ru, fa or el do; none for Latin, which the default order lists first already, or for
    a language CLDR does not know."""
    family = letters_of(code)
    if family is None or family == "Latn":
        return ()
    return tuple(name for name, script in SCRIPT_OF_NAME.items() if script == family)


def _names(code: str, kind: str) -> dict[str, int]:
    """Return {lowercased name: number} for every form CLDR has (format and stand-alone,
    wide and abbreviated), so both "червня" and "червень", "June" and "Jun." are known."""
    locale = _locale(code)
    table = locale.months if kind == "months" else locale.days
    found: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in table[context][width].items():
                word = normalise_word(name).rstrip(".")
                found.setdefault(word, int(number))
                if code == "ar" and word.startswith("الا"):  # pages write its hamza: الإثنين
                    found.setdefault("الإ" + word[3:], int(number))
    return found


def normalise_word(word: str) -> str:
    """Lowercase a word and write every apostrophe as "'" (CLDR spells "пʼятниця" with U+02BC)."""
    return word.casefold().replace("\u02bc", "'").replace("\u2019", "'").replace("`", "'")


def month_numbers(codes: tuple[str, ...]) -> dict[str, int]:
    """Return month names in the languages `codes`, each mapped to its number (1-12)."""
    found: dict[str, int] = {}
    for code in codes:
        for name, number in _names(code, "months").items():
            found.setdefault(name, number)
    return found


def relative_days(codes: tuple[str, ...]) -> dict[str, int]:
    """Return the words for today and yesterday in the languages `codes` ("dnes", "i går",
    "кеше"), each mapped to its offset in days (0, -1)."""
    found: dict[str, int] = {}
    for code in codes:
        relative = _locale(code)._data["date_fields"]["day"]["relative"]
        for offset in (0, -1):
            if offset in relative:
                found.setdefault(normalise_word(relative[offset]), offset)
    return found


def weekday_numbers(codes: tuple[str, ...]) -> dict[str, int]:
    """Return weekday names in the languages `codes`, each mapped to 0 (Monday) .. 6."""
    found: dict[str, int] = {}
    for code in codes:
        for name, number in _names(code, "days").items():
            found.setdefault(name, number)
    return found


@functools.cache
def interface_language(code: str) -> str:
    """Return the language the interface of a site in `code` is written in: the language
    of its catalogue (`translations`), else English."""
    locale = _locale(code)
    for name in (str(locale), locale.language):
        if (LOCALE_DIR / name / "LC_MESSAGES" / f"{DOMAIN}.po").is_file():
            return name
    return "en"


# The words of an article's address that name its language, where outlets publish
# editions under one name: censor.net/en/..., pravda.com.ua/eng/..., rbc.ua/ukr/...,
# bbc.com/ukrainian/..., msn.com/en-gb/..., en.interfax.com.ua. Codes that are more
# often a section or a country's edition are left out (IT, HR, Argentina, Belgium...).
_LANGUAGE_IN_ADDRESS = {
    **{code: code for code in _OWN_NAMES if code not in ("it", "hr", "ar", "be", "da")},
    **{"eng": "en", "english": "en", "ua": "uk", "ukr": "uk", "ukrainian": "uk"},
    **{"rus": "ru", "russian": "ru", "persian": "fa", "farsi": "fa", "arabic": "ar"},
    **{"pol": "pl", "polish": "pl", "deutsch": "de", "german": "de", "french": "fr"},
}
# The first label of a host that has a name below it (en.interfax.com.ua, not ua.news),
# the name below it, and the first folder of the path.
_ADDRESS = re.compile(
    r"https?://(?:www\.)?(?:([^./:]+)\.(?=[^/:]*\.))?([^/]*)/([^/?#]*)", re.IGNORECASE
)
# Sites whose every edition is a language's, by its code as the host's first label: there
# "uk" is Ukrainian (uk.wikipedia.org, uk.euronews.com), not the United Kingdom's edition.
_LANGUAGE_EDITIONS = {"wikipedia.org", "m.wikipedia.org", "wikinews.org", "euronews.com"}


def article_language(url: str, title_language: str | None, source_language: str) -> str:
    """Return the language of a headline's article: as its address names it (an edition
    of its outlet), else its title's where that is given, else its outlet's. "uk" in an
    English outlet's address is the United Kingdom's edition, not Ukrainian."""
    match = _ADDRESS.match(url)
    if match:
        editions = match[2].lower() in _LANGUAGE_EDITIONS
        for word in (match[3], match[1] or ""):  # the first folder, the host's first label
            word = word.lower()
            code = _LANGUAGE_IN_ADDRESS.get(word)
            if code is None and len(word) == 5 and word[2] in "-_":  # en-gb, uk_UA
                code = _LANGUAGE_IN_ADDRESS.get(word[:2])
            if word == "uk" and source_language.startswith("en") and not editions:
                continue
            if code is not None:
                return code
    return title_language or source_language


def primary_language(code: str) -> str:
    """Return a code's primary subtag, the language it names: "en" of "en-GB" or "EN_us"."""
    return code.replace("_", "-").split("-")[0].lower()


@functools.cache
def other_language(code: str, site_code: str) -> str:
    """Return the name of language `code` when it is not the site's (another primary
    subtag: en-GB is en), in the site's interface language ("Ukrainian", "англійська"),
    else "". A code CLDR does not name is given as it is written."""
    language = primary_language(code)
    if language == primary_language(site_code):
        return ""
    return Locale.parse(interface_language(site_code)).languages.get(language) or code


@functools.cache
def translations(code: str) -> gettext.NullTranslations:
    """Return the interface text for a language: its catalogue, else English (the msgids).

    "uk-UA" uses the "uk" catalogue; English and languages without one get the English text.
    A count a plural message is chosen by comes written as the language writes numbers
    ("8,768 headlines", "8 768 заголовків"): `number`.
    """
    locale = _locale(code)
    for name in (str(locale), locale.language):
        po = LOCALE_DIR / name / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po.is_file():
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=name, domain=DOMAIN)
            mo = io.BytesIO()
            write_mo(mo, catalog)
            mo.seek(0)
            return _Counted(gettext.GNUTranslations(mo), code)
    return _Counted(gettext.NullTranslations(), code)


class _Counted(gettext.NullTranslations):
    """A catalogue whose plural messages have their count written in as `number` writes
    it: "%(num)d" cannot group digits, and Jinja2's gettext fills it with the bare count."""

    def __init__(self, catalogue: gettext.NullTranslations, code: str) -> None:
        super().__init__()
        self._catalogue, self._code = catalogue, code

    def _counted(self, text: str, count: int) -> str:
        if -1000 < count < 1000:
            return text
        written = number(count, self._code).replace("%", "%%")
        return text.replace("%(num)d", written).replace("%(num)s", written)

    def gettext(self, message: str) -> str:
        return self._catalogue.gettext(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._counted(self._catalogue.ngettext(msgid1, msgid2, n), n)

    def pgettext(self, context: str, message: str) -> str:
        return self._catalogue.pgettext(context, message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self._counted(self._catalogue.npgettext(context, msgid1, msgid2, n), n)
