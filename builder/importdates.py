"""Dates, times, ages and time zones as listings write them, read into dates and times.

A listing's day lines ("22 June", "Вівторок, 16 липня 2024", "2024-07-16"), its times
("19:02", "9:47 PM", "21:15 EEST"), ages ("3 hrs ago", "15 хв тому", "2d"), the stamps
pages print beside a headline ("Published On 15 Jul 2024", "Оновлено: 16 липня") and
machine stamps (ISO text, Unix seconds) in the languages of `LANGUAGES`. A year-less date
is put nearest to the listing's anchor; a time in a named zone is moved into the site's.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import zoneinfo
from collections.abc import Mapping
from typing import Any

from .i18n import month_numbers, normalise_word, relative_days, weekday_numbers
from .importmodel import Dropped, Line, State

# Month and weekday names read in listings: English, Ukrainian, and Russian (the language
# of many outlets an editor of a war digest follows, on both sides of the front); German,
# French and Polish, of the European outlets that cover the war (tagesschau.de, lefigaro.fr,
# rp.pl); Spanish, Italian, Portuguese and Romanian (infobae.com, corriere.it, publico.pt,
# hotnews.ro). Their names are CLDR's (`i18n`): "16 iul. 2024", "16 de julio de 2024".
LANGUAGES = ("en", "uk", "ru", "de", "fr", "pl", "es", "it", "pt", "ro")
# And those of the other languages news of the war is written in, whose names are read only
# where they have three letters or more ("po", "to", "so", "do" are words, not weekdays).
# Croatian's are last: its "listopad" (October) is November to Czech and Polish, read first.
OTHER_LANGUAGES = (
    *("be", "bg", "cs", "sk", "sr", "el", "hu", "lt", "lv", "et", "fi", "sv", "da", "no"),
    *("nl", "tr", "ka", "hy", "kk", "ar", "he", "hi", "bn", "id"),
    *("mr", "ur", "mk", "sq", "ca", "az", "sw", "my", "th", "hr", "sl", "uz"),
)


@functools.cache
def month_and_weekday_names(
    languages: tuple[str, ...],
) -> tuple[dict[str, int], dict[str, int]]:
    """The month and weekday names a listing's dates are read with: those of `languages`,
    and the longer ones of OTHER_LANGUAGES."""
    months, weekdays = month_numbers(languages), weekday_numbers(languages)
    for names, others in (
        (months, month_numbers(OTHER_LANGUAGES)),
        (weekdays, weekday_numbers(OTHER_LANGUAGES)),
    ):
        for name, number in others.items():
            if len(name) >= 3:
                names.setdefault(name, number)
    return months, weekdays


@functools.cache
def _relative_days() -> dict[str, int]:
    """Today and yesterday in every language dates are read in: "сьогодні", "i går"."""
    return {"вчора": -1} | relative_days(LANGUAGES + OTHER_LANGUAGES)


# "08h47", "8 h 05": French's, Quebec's; "22:47:12", its seconds (Xinhua's) left out
_TIME = re.compile(r"(\d{1,2})(?:[:.h]| h )(\d{2})(?::\d{2}(?!\d))?(?:\s*([AaPp])\.?\s?[Mm]\.?)?")
TIME_LINE = re.compile(_TIME.pattern + r"\s*[-–—|:•·]?")
# "19:02 Title", "09:17 - Title", "14:30 · Title", and "21:40Title" (a page's time and title
# copied as text with nothing between them).
TIME_PREFIX = re.compile(r"^" + _TIME.pattern + r"(?:\s*[-–—|•·]\s*|\s+|(?=[^\W\d_]))(?=\S)")
WORD = re.compile(r"\w")


def day_month_line(simple: str, state: State) -> dt.date | None:
    """Read "15.07", "15.07.", "15. 7." or "16.07 (вівторок)", alone on a line, as a day of
    the weeks around the day imported for (an editor's heading); a time ("15.07" is also
    15:07) otherwise, or where the day is far from it."""
    match = _DAY_MONTH_DOTS.fullmatch(simple)
    if match is None:
        return None
    day, month = int(match[1]), int(match[2])
    try:
        date = dt.date(_nearest_year(month, day, state.today), month, day)
    except ValueError:
        return None
    return date if -DAY_HEADING_BEFORE <= (date - state.today).days <= 1 else None


# (after a weekday or a part of the day: "пн 15.07 (вечір)", "Вечір 15.07", "Tue 16.07",
# "Понеділок, 15.07"; or a weekday after it: "15.07, понеділок")
_DAY_MONTH_DOTS = re.compile(
    r"(?:(?:пн|вт|ср|чт|пт|сб|нд|вс|mon|tue|wed|thu|fri|sat|sun|ранок|вечір|ніч|день|утро"
    r"|вечер|ночь|morning|evening|night)\.?,?\s+|[^\W\d_]{5,12},\s+)?"
    r"(\d{1,2})\.\s?(\d{1,2})\.?(?:\s*\([^()]{1,30}\)|,\s+[^\W\d_]{5,12}"
    r"|\s+(?:ранок|вечір|ніч|день|утро|вечер|ночь|morning|evening|night))?",  # "15.07 вечір"
    re.IGNORECASE,
)
# A headline's outlet and moment in parentheses after it, as a monitoring mail lists them.
CREDIT_STAMP = re.compile(r"\s+\(([^(),]{2,40}),\s*([^()]{3,30})\)\s*$")
# A moment in brackets at the end of a headline's line: "Title（07月17日04時05分）" (Jiji's).
BRACKETED_STAMP = re.compile(r"\s*[（(]([^（()）]{3,30})[）)]\s*$")
# "14. 7. 22:30"; and Finnish's "14.7. 21.05" (its day and month end with a stop, and its
# time has one: "klo" before it, or not)
_DAY_MONTH_TIME = re.compile(
    r"(\d{1,2}\.\s?\d{1,2})(?:\.?,?\s+(\d{1,2}:\d{2})|\.,?\s+(?:klo\s+)?(\d{1,2}\.\d{2}))"
)
DAY_HEADING_BEFORE = 45  # days: how far back "15.07" alone on a line is read as a day


# What pages print around a headline, copied with it: "By Jane Doe", "Photo: Reuters",
# "3 min read", "12 comments", "1.2K views".
NAME = r"[A-ZА-ЯІЇЄҐ][\w'’.-]*"


# A time of day with a colon ("9:47 PM", "21:47"), not "21.06", a date's day and month.
CLOCK = re.compile(r"(?<![\d.:])\d{1,2}:\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?![\d:])")


def read_time(text: str) -> dt.time | None:
    match = _TIME.search(text)
    if not match:
        return None
    hour, minute = int(match[1]), int(match[2])
    if match[3]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match[3] in "Pp" else 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


# Dates --------------------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})([-./])(\d{1,2})\2(\d{1,2})")  # and "2024.07.16", "2024/07/16"
_MONTH_DAY_DASHED = re.compile(r"(\d{2})-(\d{2})")  # "07-16 17:40": Yonhap's, month first
_MONTH_DAY_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})")
# "21.06.2024", "06/21/2024", Czech's and Slovak's "16. 7. 2024" (a space after each stop),
# Al-Ahram's and India's "16-7-2024" (dashes, a year of four figures)
_NUMERIC = re.compile(
    r"(\d{1,2})(\. ?|/|-(?=\d{1,2}-\d{4}))(\d{1,2})\2(\d{4}|\d{2})(?: ?р(?:оку|\.)?)?"
)
# A word: letters, and the marks that Indic scripts, Thai and Burmese write vowels with,
# which are no letters to Python ("जुलाई", July in Hindi; "ธันวาคม", December in Thai). The
# two branches share no character: where they did, a line of Bengali run together (a menu's
# words) took exponential time to refuse.
_MARKED = "\u0900-\u0dff\u0e00-\u0e7f\u1000-\u109f"  # Indic scripts, Thai, Burmese
_WORD = rf"(?:[^\W\d{_MARKED}]|[{_MARKED}])+"
_DAY_MONTH = re.compile(  # "16 липня 2024 р.", "16. Juli 2024", "16 de julio de 2024"
    r"(\d{1,2})\.?(?: de)? (" + _WORD + r"\.?)(?:,?(?: del?)? (\d{4}))?"
    r"(?: ?(?:р(?:оку|\.)?|г(?:ода|\.)?))?"
)
# "July 16th, 2024"; Lithuanian's "liepos 16 d." (the month's genitive, the day, "d.").
_MONTH_DAY = re.compile(r"(" + _WORD + r"\.?) (\d{1,2})(?:st|nd|rd|th| d\.?)?(?:,? (\d{4}))?")
_YEAR_FIRST = re.compile(
    r"(\d{4})\.? (?:m\.|г\.|р\.|年)? ?(.+)"
)  # "2024 m. liepos 16 d.", "2024. július 16."
_YEAR_WEEKDAY = re.compile(r"(\d{4}),? ([^\W\d][\w']*)")


BESIDE = "beside the headline in its item: a summary, a byline or a rubric"
CREDIT = "a byline, a credit or a count, not a headline"
# What an item's date or time line says with it: "Published On 15 Jul 2024", "Updated:
# 16 липня", and a zone after a time ("12:47 PM GMT+3", "21:15 EEST"): the time is taken as
# written.
_STAMP_WORDS = re.compile(
    r"(?:first )?(?:published|updated|posted|saved|опубліковано|оновлено|опубликовано|обновлено"
    r"|publié|mis à jour|modifié|stand|update|erstmeldung|veröffentlicht|aktualisiert"
    r"|opublikowano|aktualizacja"
    r"|publicado|pubblicato|publicat|publikováno|aktualizováno|publicerad|uppdaterad"
    r"|gepubliceerd|bijgewerkt|yayınlanma(?: tarihi)?|güncelleme|paskelbta|atnaujinta"
    r"|(?:última )?actualizaci[oó]n|actualizado|data publicării|publicat la|actualizat"
    r"|objavljeno|posodobljeno|közzétéve|frissítve|publikuota|opublikowany"
    r"|نشر|نُشر|تاريخ النشر|פורסם|עודכן)(?: في| el| il| em| dne)?"
    # "Updated at 19.07 BST"; "Published14 July": a hidden word glued to the date
    r"(?: on| at| le| am| à| vom)?\s?:?(?:\s+|(?=\d))",  # ("Publié le : 16/07/2024 - 20:52")
    re.IGNORECASE,
)
_STAMP_ZONE = re.compile(
    r"\s*(?:(?:GMT|UTC)(?:\s*[+−-]\s*\d{1,2}(?::?\d{2})?)?|[A-Z]{3,4}|Uhr)$"  # "23:54 Uhr"
)
# An update's moment after a publication's: "Publié aujourd’hui à 06h00, mis à jour à 14h40"
# (the publication's is the headline's).
# The words an update's moment is said with ("Updated", "modifié le …").
_UPDATE_WORDS = (
    r"(?:updated|last updated|оновлено|обновлено|mis à jour|modifié|aktualisiert|zaktualizowano"
    r"|actualizado|aggiornato|atualizado|aktualizováno|uppdaterad|bijgewerkt|modifica(?: il)?)"
)
# An update's moment after the first ("Publié le 15 juillet 2024 à 18h30, modifié le 16
# juillet 2024 à 08h12"): the first is the headline's.
_UPDATE_AFTER = re.compile(
    rf"(?<=\d)(?:,\s+{_UPDATE_WORDS}\b.*|\s*\(\s*{_UPDATE_WORDS}\b[^()]*\))$", re.IGNORECASE
)  # (or in brackets: Corriere's "16 luglio 2024 (modifica il 16 luglio 2024 | 18:41)")
# The word for hours after a time, as Spanish pages write it: "14:05 horas", "15:12 horas CEST".
_HOURS_WORD = re.compile(r"(?<=\d[:.]\d\d)\s*(?:horas|hrs|h)\b(?!\w)", re.IGNORECASE)
# Morning and evening after a time, AM and PM: Arabic's as Egyptian and Gulf pages write
# them ("09:48 م", "12:25 ص", "10:20 صباحًا"), Marathi's ("07:20 म.उ.", "12:25 म.पू."),
# Hindi's, Bengali's, Persian's ("ق.ظ", "ب.ظ") and Greek's ("π.μ.", "μ.μ.").
_LOCAL_MERIDIEM = re.compile(
    r"(?<=\d[:.]\d\d)\s*(?:(صباحًا|صباحاً|صباحا|صباح|ص|म\.\s?पू\.|पूर्वाह्न|পূর্বাহ্ণ|ق\.\s?ظ"
    r"|π\.\s?μ\.)|مساءً|مساء|م|म\.\s?उ\.|अपराह्न|অপরাহ্ণ|ب\.\s?ظ|μ\.\s?μ\.)(?![\w\u064b-\u065f])"
)


def _local_meridiem(found: re.Match[str]) -> str:
    return " AM" if found[1] else " PM"


# Thai writes the year of the Buddhist era, 543 years ahead ("16 ก.ค. 2567 19:45 น.", น.
# after the time: o'clock), and "พ.ศ." before it.
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_BUDDHIST_YEAR = re.compile(r"(?:พ\.\s?ศ\.\s*)?(?<!\d)(25[4-9]\d)(?!\d)")
_THAI_CLOCK = re.compile(r"(?<=\d[:.]\d\d)\s*น\.")


# Mongolian numbers its months: "7 сарын 15, 09:15" (the 7th month's 15th), "2024 оны 7
# сарын 16" (of the year 2024).
_MONGOLIAN_DATE = re.compile(r"(?:(\d{4}) оны )?(\d{1,2}) сарын (\d{1,2})(?!\d)")


def _numbered_date(found: re.Match[str]) -> str:
    day_month = f"{int(found[3]):02}.{int(found[2]):02}"
    return f"{day_month}.{found[1]}" if found[1] else day_month


# Thai's months as dates abbreviate them, with stops between their letters, and in full.
_THAI_MONTHS = dict(
    zip(
        (
            *("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย."),
            *("ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."),
        ),
        (
            *("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน"),
            *("กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"),
        ),
        strict=True,
    )
)
_THAI_MONTH = re.compile("|".join(re.escape(short) for short in _THAI_MONTHS))


def _common_era(text: str) -> str:
    """A Thai date with its month in full, its year of the common era, its time without น."""
    if _THAI.search(text) is None:
        return text
    text = _THAI_MONTH.sub(lambda found: _THAI_MONTHS[found.group()], text)
    text = _BUDDHIST_YEAR.sub(lambda found: str(int(found[1]) - 543), text)
    return _THAI_CLOCK.sub("", text)


def said_date_time(
    text: str, months: dict[str, int], weekdays: dict[str, int], state: State, number: int
) -> tuple[dt.date | None, dt.time | None] | None:
    """Read a date or time line (`_said_date_time`); a time that names no zone and gives no
    offset is moved from the zone of the page's country (`zone_of_site`) into the site's."""
    text = _UPDATE_AFTER.sub("", _HOURS_WORD.sub("", text.replace("،", ",")))  # (Arabic's comma)
    text = _common_era(_LOCAL_MERIDIEM.sub(_local_meridiem, text))
    text = _MONGOLIAN_DATE.sub(_numbered_date, text)
    found = _said_date_time(text, months, weekdays, state, number)
    head, bar, rubric = text.rpartition(" | ")
    if found is None and bar and _RUBRIC.fullmatch(rubric.strip()):
        # "Jul 16, 2024 | 16:42 JST | World": the moment, then its section's name
        text = head
        found = _said_date_time(text, months, weekdays, state, number)
    place = _DATELINE.fullmatch(text) if found is None else None
    if place is not None and all(word[:1].isupper() for word in place[1].split()):
        # "Kiev - 16 jul 2024 - 19:45 CEST": where the article was written, then its moment
        dated = _said_date_time(place[2], months, weekdays, state, number)
        if dated is not None and dated[0] is not None and dated[1] is not None:
            found, text = dated, place[2]
    author = _DATE_THEN_NAME.fullmatch(text) if found is None else None
    if author is not None and all(word[:1].isupper() for word in author[2].split()):
        # "Jul 15, 2024 - Press ISW": the moment, then who wrote it
        dated = _said_date_time(author[1], months, weekdays, state, number)
        if dated is not None and dated[0] is not None:
            found, text = dated, author[1]
    named = _NAMED_DAY.fullmatch(text) if found is None else None
    if named is not None and named[1][:1].isupper():
        # "Liveblog July 15, 2024", "Live: 15 July 2024": a live page's heading of a day
        dated = _said_date_time(named[2], months, weekdays, state, number)
        if dated is not None and dated[0] is not None and dated[1] is None:
            found, text = dated, named[2]
    outlet = _OUTLET_THEN_DATE.fullmatch(text) if found is None else None
    if outlet is not None and source_named(outlet[1], state.names):
        # "The Washington Post, 15.07.2024": a press review's outlet, then the day
        dated = _said_date_time(outlet[2], months, weekdays, state, number)
        if dated is not None and dated[0] is not None:
            found, text = dated, outlet[2]
    if found is None or found[1] is None or not state.assumed or not state.timezone:
        return found
    if NAMED_ZONE.search(text) or _OFFSET.search(text) or _ISO_TEXT.fullmatch(text.strip()):
        return found  # (moved already, or UTC)
    return moved_from(found[0], found[1], state.assumed, state)


# A dateline: a place of one to three words, a dash, then the date and time ("Kiev - 16 jul
# 2024 - 19:45 CEST", "Járkov — 16 jul 2024 13:20").
_DATELINE = re.compile(
    r"([^\W\d_][\w'’.]*(?:\s[^\W\d_][\w'’.]*){0,2})\s+[-–—]\s+(\d.*|[^\W\d_]{3,9}\.?\s+\d.*)"
)  # (and a news agency's: "KYODO NEWS - Jul 16, 2024 - 16:42")
# A section's name after a moment and a bar: "World", "World, All", "Politik".
_RUBRIC = re.compile(r"[^\W\d_][\w'’.&-]*(?:,?\s[^\W\d_][\w'’.&-]*){0,2}")


# A date, a dash, then a name of one to four words ("Jul 15, 2024 - Press ISW").
_DATE_THEN_NAME = re.compile(
    r"((?=\D*\d).*\d)\s+[-–—|]\s+([^\W\d_][\w'’.]*(?:\s[^\W\d_][\w'’.]*){0,3})"
)
# A source's name, a comma, then a day with its year ("The Washington Post, 15.07.2024",
# "Українська правда, 15 липня 2024"), as a press review heads or signs its items (not a
# title so made: "Russian Offensive Campaign Assessment, July 15, 2024").
_OUTLET_THEN_DATE = re.compile(r"([^\W\d_][^,\d]*?),\s+((?=\D*\d).*\b\d{4}\b.*)")


def name_key(name: str) -> str:
    """A name as names are compared: lower case, without "the" or anything but letters and
    figures ("The Kyiv Independent", "kyivindependent")."""
    return re.sub(r"\W|_", "", normalise_word(name).removeprefix("the "))


def source_named(line: str, names: Mapping[str, str]) -> str:
    """The id of the source a line is only the name of ("The Kyiv Independent"); "" else."""
    shown = name_key(line)
    if len(shown) < 3:
        return ""
    return next((key for key, name in names.items() if name_key(name) == shown), "")


# A day's heading: a word or two, then the day with its year ("Liveblog July 15, 2024").
_NAMED_DAY = re.compile(r"([^\W\d_]+(?:\s[^\W\d_]+)??):?\s+((?=\D*\d).*\b\d{4})")


def moved_from(
    date: dt.date | None, time: dt.time, zone: str | dt.tzinfo, state: State
) -> tuple[dt.date | None, dt.time]:
    """A date and time of the zone `zone` (its name, or the zone), in the site's: its date
    when the line gave one or the move changed the day (from the day being filled)."""
    try:
        tzinfo = zoneinfo.ZoneInfo(zone) if isinstance(zone, str) else zone
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return date, time
    day = date or state.date
    moved = local(dt.datetime.combine(day, time, tzinfo=tzinfo), state.timezone)
    return (moved[0] if date is not None or moved[0] != day else None), moved[1]


_OFFSET = re.compile(  # a time's offset: "21:15 +03:00", "21:15:07Z", "GMT+3"
    r"(?:UTC|GMT)\s*[-+−]\s*\d{1,2}|\d:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[-+−]\d{2}:?\d{2}|Z)\b"
)


# Dates and times as Chinese, Japanese and Korean write them: "2024年07月16日", "7月16日",
# "2024년 7월 16일", a weekday after them in brackets ("（火）"), "15時05分", "15시 05분".
_EAST_ASIAN = re.compile(r"\d\s*(?:年|月|日|時|년|월|일|시)")
_EAST_ASIAN_DATE = re.compile(
    r"(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]\s*(?:[（(][^）)]{1,3}[）)])?"
)
_EAST_ASIAN_TIME = re.compile(r"(\d{1,2})\s*[時时시]\s*(\d{1,2})\s*[分분]")


def _east_asian(text: str) -> str:
    """The text with its East Asian dates and times written as the other readings read
    them: "2024-07-16", "7/16" (the month first), "15:05"."""

    def date(found: re.Match[str]) -> str:
        month, day = int(found[2]), int(found[3])
        return f"{found[1]}-{month:02}-{day:02} " if found[1] else f"{month}/{day} "

    text = _EAST_ASIAN_DATE.sub(date, text)
    text = _EAST_ASIAN_TIME.sub(lambda found: f"{int(found[1])}:{int(found[2]):02}", text)
    return " ".join(text.split())


# A month and day with a Japanese weekday in brackets after them: "7/16(火)".
_SLASHED_WEEKDAY = re.compile(r"(\d{1,2}/\d{1,2})\s*[（(][月火水木金土日][）)]\s*")


# A weekday and a time alone, as chats (Messenger) head the messages of the week before.
_WEEKDAY_TIME = re.compile(r"([^\W\d_]{2,12})\.?,?\s+(\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?)")


# A time in brackets after the date it is of.
_TIME_IN_BRACKETS = re.compile(r"(?<=\S)\s*\((\d{1,2}:\d{2})\)$")  # (not "(16.07)", a day)


def _said_date_time(
    text: str, months: dict[str, int], weekdays: dict[str, int], state: State, number: int
) -> tuple[dt.date | None, dt.time | None] | None:
    """Read a date or time line (`date_time_line`), also as pages and copies write one
    around it: in parentheses, with a zone the page names (moved into the site's), after
    "Published On" or the like, after its author's name or its outlet's, run together with
    its neighbours' text, before a reading time or an editor's remark. The first reading that
    gives one wins; the rest are not tried."""
    if text[:1] in "(（" and text[-1:] in ")）":  # "(19:21 GMT)", a live blog's; "（7/16 23:40）"
        text = text[1:-1].strip()
    text = _BIDI.sub("", text)  # the marks a right-to-left page puts around "‏ynet‏ | ‏09:18"
    text = text.removeprefix("@")  # Notion's mention of a date: "@July 16, 2024 10:15 PM"
    text = text.rstrip(" ·•|–—-") or text  # "Учора о 21:40 · ": Facebook's, before its icon
    text = text.lstrip(" ·•|–—/") or text  # "| Jul 16, 2024 1:30 pm" after a byline's link
    text = _YEAR_COLON.sub(" ", _SPACE_BEFORE_COMMA.sub(", ", text))  # "16 July ,2024: 02:35"
    text = _TIME_IN_BRACKETS.sub(r" \1", text)  # "Wtorek, 16 lipca 2024 (19:22)": Interia's
    if _EAST_ASIAN.search(text):  # "2024年07月16日 14:05", "7月16日（火） 15時05分"
        text = _east_asian(text)
    text = _SLASHED_WEEKDAY.sub(r"\1 ", text)  # "7/16(火) 23:41": Yahoo! Japan's
    if _ISO_TEXT.fullmatch(text):  # "2024-07-15T17:22:00.0000000", as DuckDuckGo shows it
        moment = read_stamp(text, state.timezone)
        if moment is not None:
            return moment[0], moment[1] if moment[1] != dt.time() else None
    later = UPDATED.search(text, 1)  # "July 16, 2024 9:41 AM GMT+3Updated 2 hours ago"
    if later is not None and text[: later.start()].strip(" ·•|–—-"):
        found = _said_date_time(
            text[: later.start()].rstrip(" ·•|–—-"), months, weekdays, state, number
        )
        if found is not None:
            return found
    zone = NAMED_ZONE.search(text)
    if zone is not None:  # "5:31 p.m. ET, July 15, 2024": read without it, then moved
        plain = _SPACE_BEFORE_COMMA.sub(", ", text[: zone.start()] + " " + text[zone.end() :])
        found = _said_date_time(" ".join(plain.split()), months, weekdays, state, number)
        if found is not None and found[1] is not None and state.timezone:
            return from_zone(found[0], found[1], zone, state)
        if found is not None:
            return found

    def read(line: str) -> tuple[dt.date | None, dt.time | None] | None:
        return date_time_line(line, months, weekdays, state, number)

    def said(line: str) -> tuple[dt.date | None, dt.time | None] | None:
        return _said_date_time(line, months, weekdays, state, number)

    found = read(text)
    if found is not None:
        return found
    last_week = _WEEKDAY_TIME.fullmatch(text)  # a chat's "Mon 20:51": of the week before today
    if last_week is not None and (day := _weekday(last_week[1], weekdays)) is not None:
        back = (state.today.weekday() - day) % 7 or 7
        return state.today - dt.timedelta(days=back), read_time(last_week[2])
    bare = _STAMP_ZONE.sub("", _STAMP_WORDS.sub("", text, count=1), count=1)
    if bare != text and (found := read(bare)) is not None:
        return found
    # "Роман Петренко — Понеділок, 15 липня 2024, 14:52", a chat's "Oleh Kravets — Today at
    # 8:20 AM" (Discord), "Oleh Kravets 7/15 9:14 AM" (Teams): a name, then its moment
    signed = (
        _SIGNED.match(text)
        or _NAMED_MOMENT.match(text)
        or _NEWSROOM.match(text)
        or _BY_ON.match(text)
    )
    if signed is not None and (found := said(text[signed.end() :])) is not None:
        return found  # (and "By Tim Martin on July 16, 2024 at 10:40 AM": a byline's)
    # "yesterday at 8:47 pm", "16 липня 2024 о 21:49", "Архів новин за 15 липня"
    on = _TIME_ON_DATE.fullmatch(text)  # "2:05 am on 17 July 2024": RNZ's, the time first
    if on is not None and (found := read(f"{on[2]}, {on[1]}")) is not None:
        return found
    plain = DATE_PREFIX.sub("", _AT_TIME.sub(", ", bare), count=1)
    if plain != text and (found := read(plain)) is not None:
        return found
    credited = _CREDITED.match(text)  # "УНІАН, 16.07.2024, 09:14": the outlet, then its date
    if credited is not None and len(credited[0].split()) <= 3:
        found = read(text[credited.end() :])
        if found is not None and found[0] is not None and found[1] is not None:
            return found  # (a date and a time: "Horoscope for tomorrow, 22 June" is a headline)
    barred = _BYLINE_BAR.match(text)  # "Itamar Eichner | 15:05", "סוכנויות הידיעות | 15.07.24",
    # a mail's "Reuters · 05:41 UTC"
    if barred is not None and (found := read(text[barred.end() :])) is not None:
        return found
    stamp = _STAMP_WORDS.search(text)
    if stamp is not None:  # "Par AFPPublié le 16/07/2024 à 20h41Mis à jour il y a …"
        rest = text[stamp.end() :]
        following = _STAMP_WORDS.search(rest)
        if (
            following is not None
            and UPDATED.match(stamp.group())
            and not UPDATED.match(following.group())
        ):  # "Оновлено: 17:30 Опубліковано: 09:12": when it was published, not updated
            rest = rest[following.end() :]
            following = _STAMP_WORDS.search(rest)
        rest = rest[: following.start()] if following is not None else rest
        if rest.strip() and rest != text and (found := said(rest.strip())) is not None:
            return found
    reading = _READING_TIME.search(text)  # "Jul 16 · 9 min read": a date, then a credit
    if (
        reading is not None
        and reading.start() > 0
        and (found := said(text[: reading.start()])) is not None
    ):
        return found
    badged = _BADGE_AFTER.search(text)  # "16 de Julho de 2024, 7:30Exclusivo": a badge glued
    if badged is not None and (found := said(text[: badged.start()])) is not None:
        return found
    counted = _COUNT_AFTER.search(text)  # "16 юли 2024, 14:05 • 3 коментара": its comments
    if (
        counted is not None
        and counted.start() > 0
        and (found := said(text[: counted.start()])) is not None
    ):
        return found
    count = _BARE_COUNT.search(text)  # "Täna, 18:52  14": its comments' count, no word
    if count is not None and (found := said(text[: count.start()])) is not None and found[1]:
        return found
    glued = _GLUED_NAME.match(text)  # "Paweł Pieniążek16 lipca 2024 | 12:05": a byline's
    # (a name's words are capitalised: "…закон16 липня" is a headline's text)
    if (
        glued is not None
        and all(word[0].isupper() for word in glued[0].split())
        and (found := said(text[glued.end() :])) is not None
    ):
        return found
    spaced = _RUN_TOGETHER.sub(" ", text)  # "16Липня2024": a date's spans with no space
    if spaced != text and (found := read(spaced)) is not None:
        return found
    remark = _REMARK.search(text)  # "15 липня (вечір)": an editor's heading with a remark
    if remark is not None and remark.start() > 0:
        found = read(text[: remark.start()])
        if found is not None and found[0] is not None:
            return found
    viewed = _VIEWS.match(text)  # "298K 22:41", "356K edited 19:27": a Telegram post's foot
    if viewed is not None and (found := read(text[viewed.end() :])) is not None:
        return found
    relative = _LAST_DAY_WORD.search(text)  # "The Telegraph yesterday": a stream's label line
    if relative is not None and _SOURCE_LABEL.fullmatch(text[: relative.start()]):
        return read(relative[1])
    return None


_ISO_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_SOURCE_LABEL = re.compile(rf"{NAME}(?:\s+{NAME}){{0,3}}")  # "The Telegraph", "Reuters"
_LAST_DAY_WORD = re.compile(
    r"\s?(yesterday|today|вчора|учора|сьогодні|вчера|сегодня)$",
    re.IGNORECASE,  # glued too
)
# A post's views before its time, as Telegram shows them, and its mark if edited.
_VIEWS = re.compile(
    r"(?:\d+(?:[.,]\d+)?\s?[KkMmКкМм]|\d{3,})\s+(?:(?:edited|изменено|змінено|ред\.)\s+)?"
    r"(?=\d{1,2}:\d{2}$)"
)


# A time zone a page names beside its time, in capitals: US, British and European ones,
# Moscow's, the Gulf's, India's, South-East and East Asia's, Australia's and New Zealand's,
# French Canada's (HAE: Radio-Canada's) that news sites print, and
# UTC or GMT with an offset ("GMT+3"). Others are left as they are (the time as written); so
# are names that stand for several zones (AST). IST is India's, but on an Irish or Israeli
# site (by its address), whose own time it is there.
NAMED_ZONE = re.compile(
    r"(?<![\w+-])(GMT|UTC|BST|CEST|CET|EEST|EET|MSK|МСК|мск|EDT|EST|ET|CDT|CST|CT|PDT|PST|PT"
    r"|GST|TRT|IST|JST|KST|HKT|SGT|AEST|AEDT|WIB|WITA|WIT|PHT|ICT|PKT|MYT|NZST|NZDT"
    r"|HAE|HNE|HAC|HNC|HAP|HNP)"
    r"(?:\s*([+−-])\s*(\d{1,2})(?::?(\d{2}))?)?(?!\w)"
)
# Each as the civil time of its region (summer or not): pages label loosely, and POLITICO
# Europe prints "CET" all summer for Brussels' time (CEST); GMT is UTC.
_ZONES = {
    "GMT": "UTC",
    "UTC": "UTC",
    "BST": "Europe/London",
    "CET": "Europe/Brussels",
    "CEST": "Europe/Brussels",
    "EET": "Europe/Kyiv",
    "EEST": "Europe/Kyiv",
    "MSK": "Europe/Moscow",
    "МСК": "Europe/Moscow",
    "мск": "Europe/Moscow",
    "GST": "Asia/Dubai",  # Gulf Standard Time (Al Arabiya, Gulf News)
    "TRT": "Europe/Istanbul",
    "IST": "Asia/Kolkata",  # (NDTV's "Updated: July 16, 2024 2:05 pm IST")
    "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul",
    "HKT": "Asia/Hong_Kong",
    "SGT": "Asia/Singapore",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "ET": "America/New_York",
    "EDT": "America/New_York",
    "EST": "America/New_York",
    "CT": "America/Chicago",
    "CDT": "America/Chicago",
    "CST": "America/Chicago",
    "PT": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "WIB": "Asia/Jakarta",  # Indonesia's three (Kompas' "16/07/2024, 14:05 WIB")
    "WITA": "Asia/Makassar",
    "WIT": "Asia/Jayapura",
    "PHT": "Asia/Manila",
    "ICT": "Asia/Bangkok",
    "PKT": "Asia/Karachi",
    "MYT": "Asia/Kuala_Lumpur",
    "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland",
    "HAE": "America/Toronto",  # French Canada's names: heure avancée / normale de l'Est
    "HNE": "America/Toronto",
    "HAC": "America/Winnipeg",
    "HNC": "America/Winnipeg",
    "HAP": "America/Vancouver",
    "HNP": "America/Vancouver",
}
_SPACE_BEFORE_COMMA = re.compile(r"\s+,\s*")
_YEAR_COLON = re.compile(r"(?<=\b\d{4}):\s+(?=\d)")


def from_zone(
    date: dt.date | None, time: dt.time, zone: re.Match[str], state: State
) -> tuple[dt.date | None, dt.time]:
    """A date and time given in a named zone, in the site's: its date when the line gave
    one or the move changed the day (from the day being filled)."""
    name = _ZONES[zone[1]]
    if zone[1] == "IST" and state.assumed in ("Europe/Dublin", "Asia/Jerusalem"):
        name = state.assumed
    tzinfo: dt.tzinfo
    if name == "UTC":  # "GMT", "GMT+3", "UTC-5"
        minutes = int(zone[3] or 0) * 60 + int(zone[4] or 0)
        tzinfo = dt.timezone(dt.timedelta(minutes=-minutes if zone[2] in ("-", "−") else minutes))
    elif zone[2]:  # "ET+1": no zone anyone writes
        return date, time
    else:
        return moved_from(date, time, name, state)
    return moved_from(date, time, tzinfo, state)


# A time that says when a page or an item was last changed, not published.
UPDATED = re.compile(rf"{_UPDATE_WORDS}\b", re.IGNORECASE)
# A name of a few words glued to the date after it, as two spans' texts run together.
GLUED_DATE = re.compile(r"(?<=[^\W\d])(?=\d)")  # where a line's text runs into a figure
_GLUED_NAME = re.compile(r"[^\W\d][\w.'’-]*(?: [^\W\d][\w.'’-]*){0,3}(?<=[^\W\d])(?=\d)")
_CREDITED = re.compile(r"[^,\d]{2,40},\s*(?=\d)")
_RUN_TOGETHER = re.compile(r"(?<=\d)(?=[^\W\d])|(?<=[^\W\d])(?=\d)")
# A word glued after an item's time, as a badge's text runs into it ("7:30Exclusivo").
_BADGE_AFTER = re.compile(r"(?<=\d[:.]\d\d)(?![AaPp]\.?[Mm]\b)[^\W\d_]{3,}\.?$")
# A count after an item's moment, behind a dot or a bar: its comments, its views.
_COUNT_AFTER = re.compile(r"\s*[·•|]\s*\d[\d\s.,]*[KkMm]?\s+[^\W\d_]+\.?$")
_BARE_COUNT = re.compile(r"(?<=\d[:.]\d\d)\s+\d{1,5}$")  # a count alone after a time
# (it starts where a space or a figure does not precede: else a long run of them was searched
# from every place in it, in cubic time)
_READING_TIME = re.compile(
    r"(?<!\s)\s*(?:[·•|,–—-]\s*)?(?<!\d)\d+\s*(?:min(?:ute)?s?|хв(?:илин[аи]?)?|мин(?:ут[аы]?)?)\.?"
    r"\s*(?:read|читання|чтения)$",
    re.IGNORECASE,
)
_REMARK = re.compile(r"\s*\([^()]{1,30}\)$")


# The word before a time in a date ("July 14, 2024 at 6:15 pm", "в 21:49", "о 21:49").
_TIME_ON_DATE = re.compile(r"(\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?)\s+on\s+(.+)")
_AT_TIME = re.compile(  # and Swedish's "kl 19.30", Spanish's "a las", Italian's "alle"
    r",?\s+(?:at|в|о|об|um|à|kl\.?|klo|kell|a las|alle|às|saat|ob|o godz\.?|u)\s+"
    r"(?=\d{1,2}(?:[:.h]| h )\d{2})",
    re.IGNORECASE,
)
# What an archive's heading says before its day: "News for", "Новости за", "Архів новин за",
# "Архив:".
DATE_PREFIX = re.compile(
    r"^(?:archive|архів|архив|news|новини|новости|all news|усі новини|все новости)"
    r"(?: [^\W\d][\w'’]*){0,2}(?::| (?:for|of|за|від|от))\s+(?=\d)",
    re.IGNORECASE,
)


# An author's name before the date of their article, copied with it: "Jane Doe — 15 July".
# An author's or an agency's name, a bar, then the item's moment: the name of up to four
# words in any script (Hebrew has no capitals for NAME to go by).
# ("Reuters · 05:41 UTC", NOS's rubric: "Buitenland • vandaag, 14:05")
_BYLINE_BAR = re.compile(r"[^\W\d][^|·•\d]{0,40}?\s*[|·•]\s*(?=\d|[^\W\d_]+,?\s+\d)")
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SIGNED = re.compile(rf"{NAME}(?:\s+{NAME}){{1,3}}\s+[—–-]\s+")
_NAMED_MOMENT = re.compile(rf"{NAME}(?:\s+{NAME}){{1,3}}\s+(?=\d{{1,2}}[/.:]\d)")
# The newsroom credited instead of a name ("Redacció 16.07.2024 · 18.10 h", VilaWeb's).
_NEWSROOM = re.compile(
    r"(?i)(?:redacci[óo]n?|redazione|reda[çc][ãa]o|r[ée]daction|redaktion(?:en)?|redakcj[ai]"
    r"|redakce|redakcia|redac[tț]ia|redactie|toimitus|szerkesztőség|редакці[яї]|редакция"
    r"|уредништво|редакција|redaksjonen)\s+(?=\d)"
)
_BY_ON = re.compile(
    rf"[Bb]y\s+{NAME}(?:\s+{NAME}){{0,3}}(?:(?:,\s*|\s+and\s+){NAME}(?:\s+{NAME}){{0,3}})*\s+on\s+"
)


OUTSIDE = "outside the items of the listing: a heading, a menu, a sidebar or a footer"
# "3 hrs ago", "an hour ago", "15 хв тому", "2 години тому", "5 минут назад", "1 day ago"
# (casefolded); Indonesian's, Scandinavian, Bengali, Chinese, Japanese and Korean units too.
_AGE_UNITS = (
    r"(?:(m|mins?\.?|minutes?|minuten?|minut[ayię]?|minutos?|minuti|perce|хв\.?|хвилин[аиу]?"
    r"|мин\.?|минут[аы]?|minut(?:ami|ou)|minút(?:ami|ou)|menit|মিনিট|分钟|分鐘|分|분"
    r"|minutash|dakika|dk|λεπτά|λεπτό|דקות|דקה|دقائق|دقيقة|دقيقتين|минутын)"
    r"|(h|hrs?\.?|hours?|stunden?|std\.?|heures?|godzin[ayę]?|godz\.?|horas?|ore|ora|год\.?"
    r"|годин[аиу]?|ч\.?|час(?:а|ов)?|сата?|sat[ai]?|órája|val\.?|hodin(?:ami|ou)|jam"
    r"|tim(?:mar|me|er)?|ঘণ্টা|小时|小時|時間|시간|oră|orësh|orë|saat|ώρε[σς]|ώρα|שעתיים|שעות|שעה|ساعتين|ساعات|ساعة|цагийн)"
    r"|(d|days?|tag(?:en?)?|jours?|dni|dzień|días?|dias?|giorni|giorno|дн\.?|дні|днів|день|дня|дней"
    r"|дана?|dana?|napja|dny|dnem|dňami|dňom|hari|dag(?:ar|e)?|দিন|天|日|일|zile|zi|ditësh|ditë"
    r"|gün|η?μέρε[σς]|η?μέρα|יומיים|ימים|יום|يومين|أيام|يوم|өдрийн))"
)
# and where other languages put the word before it: "vor 3 Stunden", "il y a 2 heures",
# "hace 5 minutos", "há 2 horas", Serbian's "пре 3 сата", Croatian's "prije 3 sata", Czech's
# "před 3 hodinami" and Slovak's "pred hodinou", Romanian's "acum 20 de ore", Albanian's
# "para 2 orësh", Greek's "πριν από 2 ώρες", Hebrew's "לפני 6 דקות", Arabic's "منذ 5 دقائق";
# or after it: "3 godziny temu", "2 ore fa", Turkish's "3 saat önce".
_AGO = re.compile(
    r"(?:(?:vor|il y a|hace|há|пре|pre|prije|prieš|před|pred|for|för|acum|para|πριν(?: από)?"
    r"|לפני|منذ)\s+)?"
    r"(?:(\d+)(?:\s+de)?|an?|one|einem|einer|o|një)?\s*"
    rf"{_AGE_UNITS}"
    r"(?:\s+(?:ago|тому|назад|temu|fa|în urmă|yang lalu|lalu|sedan|siden|önce|өмнө|আগে|전)"
    r"|\s*前)?"
)
_AGED = re.compile(
    r"^(?:vor|il y a|hace|há|пре|pre|prije|prieš|před|pred|acum|para|πριν|לפני|منذ)\s"
    r"|\s(?:ago|тому|назад|temu|fa|în urmă|perce|órája|napja|lalu|sedan|siden|önce|өмнө|আগে|전)$"
    r"|前$"
)  # (Hungarian's unit says "ago" itself: "38 perce", "2 órája"; Indonesian's "3 jam yang
# lalu", Swedish's "3 tim sedan", Danish's "for 3 timer siden", Bengali's, Chinese "3小时前")
# An age as social networks write it, alone on its line: "1h", "15m", "2d", "3 год".
_SHORT_AGE = re.compile(r"(\d+)\s?(?:(m|min|хв|мин)|(h|hr|год|ч)|(d|дн|д))")


def age(text: str) -> tuple[int, str] | None:
    """An age line's count and unit ("3 hrs ago": 3, "hours"; "1h": 1, "hours"; "Щойно": 0,
    "minutes"), else None."""
    if _JUST_NOW.fullmatch(text):
        return 0, "minutes"
    ago = _AGO.fullmatch(text)
    if ago is not None and not _AGED.search(text):
        ago = None  # a count and a unit alone ("3 hours") are no age
    ago = ago or _SHORT_AGE.fullmatch(text)
    if ago is None:
        first = _UNIT_FIRST.fullmatch(text)
        if first is None:
            return None
        count = 1 if first[3] == "moja" else int(first[3])
        return count, "minutes" if first[1] else "hours" if first[2] else "days"
    count = int(ago[1]) if ago[1] else 2 if _DUAL.search(text) else 1
    return count, "minutes" if ago[2] else "hours" if ago[3] else "days"


# A feed's newest item's "just now" (its text normalised: lower case, "'" for "’").
_JUST_NOW = re.compile(
    r"just now|щойно|только что|gerade eben|à l'instant|ahora mismo|przed chwilą|právě teď"
)


# Swahili's, the unit before its count: "saa 3 zilizopita" (3 hours ago), "dakika 25
# zilizopita", "siku 2 zilizopita", "saa moja iliyopita" (an hour ago).
_UNIT_FIRST = re.compile(r"(?:(dakika)|(saa)|siku)\s+(\d+|moja)\s+(?:zilizopita|iliyopita)")


# Two of a unit in one word, as Hebrew and Arabic say it: "לפני שעתיים", "منذ يومين".
_DUAL = re.compile("שעתיים|יומיים|ساعتين|يومين|دقيقتين")


_SEPARATORS = " ,|•·–—-"


def date_time_line(
    simple: str, months: dict[str, int], weekdays: dict[str, int], state: State, number: int
) -> tuple[dt.date | None, dt.time | None] | None:
    """Read a line that is only a date, a time, or both ("Jul 16, 2024, 9:15 PM",
    "21:15, 16 липня", "Today, 14:30"): (date or None, time or None); else None."""
    if TIME_LINE.fullmatch(simple):
        return None, read_time(simple)
    dotted = _DAY_MONTH_TIME.fullmatch(simple)  # "16.07 07:12": a day, then its time
    if dotted is not None:
        day = day_month_line(dotted[1], state)
        return (day, read_time(dotted[2] or dotted[3])) if day is not None else None
    date = _day_line(simple, months, weekdays, state, number)
    if date is not None:
        return date, None
    for match in _TIME.finditer(simple):
        if match.end() == len(simple):
            rest = simple[: match.start()].rstrip(_SEPARATORS)
        elif match.start() == 0:
            rest = simple[match.end() :].lstrip(_SEPARATORS)
        else:
            continue
        time = read_time(match.group())
        date = _day_line(rest, months, weekdays, state, number) if rest else None
        if date is not None and time is not None:
            return date, time
    return None


def dated_line(
    line: str, months: dict[str, int], weekdays: dict[str, int], state: State, number: int
) -> tuple[dt.date, dt.time, str] | None:
    """Read "16.07.2024 21:15 Title" or "July 16, 2024, 9:15 PM — Title": a date and a
    time before a headline on its line (both: "22 June 2024 is the day" is a headline)."""
    for match in _TIME.finditer(line, 0, 40):
        rest = line[match.end() :].lstrip(_SEPARATORS)
        before = " ".join(line[: match.start()].rstrip(_SEPARATORS).split())
        if not before or not rest or not WORD.search(rest):
            continue
        date = _day_line(before, months, weekdays, state, number)
        time = read_time(match.group())
        if date is not None and time is not None:
            return date, time, rest
    return None


# A part of the day after "yesterday" or "today", which names the day all the same.
_PART_OF_DAY = re.compile(
    r"\s+(?:ввечері|увечері|вранці|уранці|вдень|вночі|уночі|вечером|утром|днем|ночью"
    r"|(?:in the )?(?:evening|morning|afternoon)|(?:at )?night)$"
)


def _day_line(
    simple: str, months: dict[str, int], weekdays: dict[str, int], state: State, number: int
) -> dt.date | None:
    """A date line, or "today" / "yesterday" (of the day the listing is imported for)."""
    word = normalise_word(simple).rstrip(".:,")
    shift = _relative_days().get(_PART_OF_DAY.sub("", word))  # "вчора ввечері": yesterday
    if shift is not None:
        state.yesterday_evening = shift == -1 and _PART_OF_DAY.search(word) is not None
        return state.today + dt.timedelta(days=shift)
    ago = age(word)
    if ago is not None:  # its day; the hour would be a guess
        if state.now is not None:
            return (state.now - dt.timedelta(**{ago[1]: ago[0]})).date()
        # Imported for a day (--date): the listing was copied on it, late in it (counted
        # from its end, "26 hours ago" is the day before; "23 hours ago", that day).
        if ago[1] == "days":
            return state.today - dt.timedelta(days=ago[0])
        minutes = ago[0] * (60 if ago[1] == "hours" else 1)
        return state.today - dt.timedelta(days=max(minutes - 1, 0) // 1440)
    return date_line(simple, months, weekdays, state, number)


def date_line(
    simple: str,
    months: dict[str, int],
    weekdays: dict[str, int],
    state: State,
    number: int,
) -> dt.date | None:
    """Read a line that is only a date ("Friday, June 21, 2024", "21 червня"), else None."""
    text = normalise_word(simple).rstrip(".:")
    weekday: int | None = None
    if "," in text:
        head, rest = text.split(",", 1)
        found = _weekday(head.split()[-1] if head.split() else "", weekdays)
        if found is not None and len(head.split()) <= 2:
            weekday, text = found, rest.strip()
        elif head.strip() in _relative_days():  # "Вчора, 15 липня": the date it names
            text = rest.strip()
    parts = _date_parts(text, months)
    words = text.split()
    if parts is None and weekday is None and len(words) >= 2:  # "14 June, 2024 Friday"
        for found, others in (
            (_weekday(words[-1].strip(","), weekdays), words[:-1]),
            (_weekday(words[0].strip(","), weekdays), words[1:]),
        ):
            if found is None:
                continue
            rest = " ".join(others).strip(",").rstrip(".")  # ("2024. július 15., hétfő")
            if parts := _date_parts(rest, months):
                weekday = found
                break
            dotted = day_month_line(rest, state) if len(others) == 1 else None
            if dotted is not None:  # "Tiistai 16.7.": a day's heading, Iltalehti's
                weekday, parts = found, (dotted.year, dotted.month, dotted.day)
                break
    if parts is None:
        return None
    year, month, day = parts
    if year is None:
        year = state.year if state.year is not None else _nearest_year(month, day, state.anchor)
    try:
        date = dt.date(year, month, day)
    except ValueError:  # "31 лютого": said, as it is no date and no headline either
        note = Dropped(
            number,
            simple,
            f"no such day ({year}-{month:02}-{day:02}): not read as a date: check it",
        )
        if note not in state.notes:  # (a line may be read more than once)
            state.notes.append(note)
        return None
    if weekday is None and state.weekday and state.year == year:
        line, weekday, shown = state.weekday
    else:
        line, shown = number, simple
    if weekday is not None and weekday != date.weekday():
        state.notes.append(
            Dropped(
                line,
                shown,
                f"the weekday does not match {date.isoformat()}, a {date:%A}; "
                "the date was used: check it",
            )
        )
    state.year, state.weekday = None, None
    return date


def _date_parts(text: str, months: dict[str, int]) -> tuple[int | None, int, int] | None:
    if match := _ISO.fullmatch(text):
        return _common_era_parts(int(match[1]), int(match[3]), int(match[4]))
    if match := _MONTH_DAY_SLASHED.fullmatch(text):  # Teams' "7/15": a month first, mostly
        first, second = int(match[1]), int(match[2])
        return (None, first, second) if first <= 12 else (None, second, first)
    if match := _MONTH_DAY_DASHED.fullmatch(text):
        first, second = int(match[1]), int(match[2])
        return (None, first, second) if first <= 12 else (None, second, first)
    if match := _NUMERIC.fullmatch(text):
        first, second = int(match[1]), int(match[3])
        if match[2] == "/" and second > 12:  # 06/21/2024, as US pages write it
            first, second = second, first
        year = int(match[4]) + (2000 if len(match[4]) == 2 else 0)  # "15.07.24"
        return year, second, first
    if (match := _YEAR_FIRST.fullmatch(text)) and not _ISO.match(text):
        found = _date_parts(match[2], months)
        if found is not None and found[0] is None:
            return int(match[1]), found[1], found[2]
    if match := _DAY_MONTH.fullmatch(text):
        month = months.get(match[2].rstrip("."))
        if month:
            return (int(match[3]) if match[3] else None), month, int(match[1])
        month = _SOLAR_HIJRI_MONTHS.get(match[2])
        if month and match[3] and int(match[3]) in _SOLAR_HIJRI:  # "۲۶ تیر ۱۴۰۳": Tasnim's
            return _common_era_parts(int(match[3]), month, int(match[1]))
    if match := _MONTH_DAY.fullmatch(text):
        month = months.get(match[1].rstrip("."))
        if month:
            return (int(match[3]) if match[3] else None), month, int(match[2])
    return None


# Years of the Solar Hijri calendar, Iran's and Afghanistan's, as their pages write dates
# ("۱۴۰۳/۰۴/۲۶": 26 Tir 1403, 16 July 2024): no page lists news of the common era's 14th
# or 15th century, which these numbers would be.
_SOLAR_HIJRI = range(1300, 1500)
# Its months by their Persian names (Iran's) and their Dari ones (Afghanistan's, the signs of
# the zodiac), read with a year of it only: "تیر" alone is also an arrow.
_PERSIAN_MONTHS = (
    *("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور"),
    *("مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"),
)
_DARI_MONTHS = (
    *("حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله"),
    *("میزان", "عقرب", "قوس", "جدی", "دلو", "حوت"),
)
_SOLAR_HIJRI_MONTHS = {
    name: number
    for months in (_PERSIAN_MONTHS, _DARI_MONTHS)
    for number, name in enumerate(months, start=1)
} | {"امرداد": 5}  # Mordad's older spelling


def _common_era_parts(year: int, month: int, day: int) -> tuple[int, int, int] | None:
    """Return a date's year, month and day in the common era: a Solar Hijri one's
    converted (by jdatetime; None if it names no day), others as they are."""
    if year not in _SOLAR_HIJRI:
        return year, month, day
    import jdatetime  # only here: a few milliseconds to load, for pages in Persian or Dari

    try:
        date = jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None
    return date.year, date.month, date.day


def _nearest_year(month: int, day: int, anchor: dt.date) -> int:
    """Pick the year that puts the day nearest to `anchor` (31 December near 2 January)."""
    best = anchor.year
    distance: int | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            gap = abs((dt.date(year, month, day) - anchor).days)
        except ValueError:
            continue
        if distance is None or gap < distance:
            best, distance = year, gap
    return best


def year_and_weekday(simple: str, weekdays: dict[str, int]) -> tuple[int, int] | None:
    """Read "2024, Saturday" (the seed's shape) as (year, weekday), else None."""
    match = _YEAR_WEEKDAY.fullmatch(normalise_word(simple).rstrip(".:"))
    if not match:
        return None
    weekday = _weekday(match[2], weekdays)
    if weekday is None:
        return None
    return int(match[1]), weekday


def _weekday(word: str, weekdays: dict[str, int]) -> int | None:
    """Find a weekday by name, also in other grammatical cases ("у п'ятницю")."""
    word = normalise_word(word).rstrip(".")
    if word in weekdays:
        return weekdays[word]
    if len(word) >= 5:
        for name, number in weekdays.items():
            if len(name) >= 5 and name[:4] == word[:4]:
                return number
    return None


def weekday_time(text: str, weekdays: dict[str, int]) -> bool:
    """Whether a line is a weekday and a time alone: a chat's "Mon 20:51", over messages."""
    found = _WEEKDAY_TIME.fullmatch(text.strip())
    return found is not None and _weekday(found[1], weekdays) is not None


def time_only(text: str) -> bool:
    """Whether a line is only a time of day, with its zone or its word for hours ("19.05
    BST", "23:41 Uhr", "20.55 h", "19:45 น."), or an age."""
    bare = _STAMP_ZONE.sub("", NAMED_ZONE.sub("", text)).strip()
    bare = _THAI_CLOCK.sub("", _HOURS_WORD.sub("", bare))
    return bool(TIME_LINE.fullmatch(bare) or age(normalise_word(bare)))


def is_age(text: str) -> bool:
    """Whether a line is an age ("3 hrs ago", "15 хв тому."), its stop or colon after it."""
    return age(normalise_word(text).rstrip(".:,")) is not None


RUBRIC_WORDS = 4  # a rubric after a tab, beside a moment: its words at most


def said_before_tab(
    text: str, months: dict[str, int], weekdays: dict[str, int], state: State, number: int
) -> tuple[dt.date | None, dt.time | None] | None:
    """Read "16 июля, 21:32⇥Общество", a copy's moment and its rubric after a tab: the
    moment; None for a line with no tab, or more than a rubric after it."""
    head, tab, rubric = text.strip().partition("\t")
    if not tab or len(rubric.split()) > RUBRIC_WORDS:
        return None
    return said_date_time(" ".join(head.split()), months, weekdays, state, number)


# Attributes in which pages give an item's moment as seconds or milliseconds since 1970
# (AP News: <bsp-timestamp data-timestamp="1721123232000">).
EPOCH_STAMPS = (
    "data-timestamp",
    "data-posted-date-timestamp",
    "data-published-timestamp",
    "data-time",  # Bloomberg's <time data-time="1721160720">
    "data-time-ms",
    "data-published",
    "data-publishtime",  # VnExpress's <article data-publishtime="1721141700">
    "data-publish-time",
    "data-date",
    "add_date",  # a browser's bookmarks file (Raindrop, Firefox, Chrome): when it was saved
    "time_added",  # Pocket's export
)


def epoch_of(element: Any) -> bool:
    """Whether an element gives a moment as seconds or milliseconds (EPOCH_STAMPS)."""
    return any(element.get(name) for name in EPOCH_STAMPS)


def epoch_stamp(value: str) -> str:
    """An epoch time in seconds (Reddit's with a fraction, "1721158860.0"), milliseconds or
    microseconds (Firefox's bookmarks) as ISO 8601 in UTC ("" if it is none)."""
    value = value.strip()
    whole, point, fraction = value.partition(".")
    if point and (len(whole) != 10 or not fraction.isdigit()):
        return ""
    if not whole.isdigit() or len(whole) not in (10, 13, 16):  # 2001 to 2286
        return ""
    seconds = int(whole) / {10: 1, 13: 1000, 16: 1000000}[len(whole)]
    return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat()


def read_stamp(
    value: str, timezone: str | None, assumed: str | None = None
) -> tuple[dt.date, dt.time | None] | None:
    """Read an ISO 8601 date or date and time (a <time datetime>): the date, and the time
    when given, in `timezone` when the value says its offset (else, when the page's zone is
    `assumed`, as a time of that zone)."""
    value = value.strip()
    if not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return None
    value = re.sub(r"(\.\d{6})\d+", r"\1", value)  # "17:22:00.0000000" (.NET's seven digits)
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(value) <= 10:
        return moment.date(), None
    if moment.tzinfo is None and assumed and timezone:
        with contextlib.suppress(zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            moment = moment.replace(tzinfo=zoneinfo.ZoneInfo(assumed))
    return local(moment, timezone)


def local(moment: dt.datetime, timezone: str | None) -> tuple[dt.date, dt.time]:
    """A moment's date and time (to the minute) in `timezone`, when it says its offset."""
    if moment.tzinfo is not None and timezone:
        with contextlib.suppress(zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            moment = moment.astimezone(zoneinfo.ZoneInfo(timezone))
    return moment.date(), moment.time().replace(second=0, microsecond=0, tzinfo=None)


# The end of a feed's date that the listing's reading of dates does not take: seconds, and
# a numeric offset or a zone's letters after a time ("21:15:00 +0300", "21:15 EEST").
_FEED_DATE_END = re.compile(
    r"(?P<time>\d{1,2}:\d{2})(?::\d{2})?(?:\s*(?:(?P<sign>[+-])(?P<hours>\d{2}):?"
    r"(?P<minutes>\d{2})|(?P<zone>(?!AM\b|PM\b)[A-Z]{1,5})))?\s*$"
)


def feed_date_text(
    state: State, given: Line, months: dict[str, int], weekdays: dict[str, int]
) -> tuple[dt.date | None, dt.time | None]:
    """Read a feed item's date as a listing's date line is read (other languages' months
    and weekdays); in the site's time zone when it gives an offset. A date that cannot be
    read leaves the item on the day it would go to, and is said so."""
    text = " ".join(given.date_text.split())
    if _ISO_TEXT.fullmatch(text):  # a spreadsheet's "2024-07-15T18:20:44.101Z" (Raindrop's)
        moment = read_stamp(text, state.timezone)
        if moment is not None:
            return moment
    offset: dt.timezone | None = None
    end = _FEED_DATE_END.search(text)
    if end is not None:
        # Other zones' letters (EEST, MSK) and offsets of a day or more: the time as written.
        if end["sign"] and int(end["hours"]) < 24 and int(end["minutes"]) < 60:
            minutes = int(end["hours"]) * 60 + int(end["minutes"])
            offset = dt.timezone(dt.timedelta(minutes=minutes if end["sign"] == "+" else -minutes))
        elif end["zone"] in _UTC:
            offset = dt.UTC
        text = text[: end.start()] + end["time"]
    date, time = date_time_line(text, months, weekdays, state, given.number) or (None, None)
    if date is not None:
        if time is not None and offset is not None:
            return local(dt.datetime.combine(date, time, offset), state.timezone)
        return date, time
    if state.date == state.today:  # no item before it was dated
        where = f"goes to {state.date.isoformat()}, the day imported for (--date sets it)"
    else:
        where = f"goes with the item before it, to {state.date.isoformat()}"
    reason = f"a date that could not be read: the headline {where}"
    state.notes.append(Dropped(given.number, given.date_text, reason))
    return None, None


_UTC = frozenset({"GMT", "UTC", "UT", "Z"})


# A section of the day alone on its line, "Ранок", "Morning": after "yesterday evening", today's.
MORNING = frozenset({"ранок", "вранці", "зранку", "утро", "утром", "morning", "this morning"})


def morning_after(simple: str, state: State) -> bool:
    """Whether a line is a morning's section heading after a section of yesterday evening
    ("Вчора ввечері", then "Ранок"): the morning is today's, not yesterday's."""
    yesterday = state.today - dt.timedelta(days=1)
    return (
        state.yesterday_evening
        and state.date == yesterday
        and normalise_word(simple).rstrip(":") in MORNING
    )
