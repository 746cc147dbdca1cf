"""Declared fields of every kind of record, and the checks that turn YAML values into them.

Schemas are closed: a key that is not declared is an error that names the nearest declared
one. Each field has a kind (text, url, id, list of ids, date, time, ...) whose checker
returns the clean value or a Problem that says what is wrong and how to write it instead.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import sys
import unicodedata
import urllib.parse
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import i18n
from .errors import Problem, Severity, did_you_mean
from .model import LABELS
from .urls import is_valid_id, slugify, unseen_in
from .yamlio import PASTED_SPACES, Document, Path, Unreadable, dotted

# Characters XML 1.0 cannot carry (feeds would break), plus DEL and the C1 controls,
# which are never meant in news text; Unicode's noncharacters, which HTML forbids; and the
# direction controls, allowed where each is ended (`forbidden_in`).
NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)
_FORBIDDEN_CHARS = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{NONCHARACTERS}\u202a-\u202e\u2066-\u2069]"
)
_DIRECTION_OPENS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c"}
_DIRECTION_OPENS |= {"\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}


def forbidden_in(text: str) -> str | None:
    """Say what a text holds that cannot go into a page or feed, if anything: a control
    character, a noncharacter, or a direction control left open (U+202E, right-to-left
    override, with no U+202C after it), which would turn the text after it around, the
    site's name after a title in the browser's tab too."""
    for found in _FORBIDDEN_CHARS.finditer(text):
        char = found.group()
        if char in _DIRECTION_OPENS:
            depth = 0
            for other in text[found.start() :]:
                if other in _DIRECTION_OPENS and _DIRECTION_OPENS[other] == _DIRECTION_OPENS[char]:
                    depth += 1
                elif other == _DIRECTION_OPENS[char]:
                    depth -= 1
                    if depth == 0:
                        break
            if depth == 0:
                continue
            name = unicodedata.name(char, "direction control").lower()
            return (
                f"contains the direction control U+{ord(char):04X} ({name}) with no "
                f"U+{ord(_DIRECTION_OPENS[char]):04X} to end it, which would turn the text "
                "after it around, the site's name beside a title too; delete it (it often "
                "comes with pasted text)"
            )
        if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
            continue  # an end with nothing to end: no effect
        return (
            f"contains {character_kind(char)} U+{ord(char):04X}, which cannot go into a web "
            "page or feed; delete it (it often comes with pasted text)"
        )
    return None


def character_kind(char: str) -> str:
    """Name a character no text may hold, as a problem says it: "the control character"."""
    if char < "\ud800" or "\ue000" <= char < "\ufdd0":
        return "the control character"
    if char <= "\udfff":
        return "half of a character (a lone surrogate)"
    return "the noncharacter"


_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
# "9.15", "9h15", "9:15 PM", "15:30:00" (seconds, as a clock or a feed writes them), "3pm".
_OTHER_TIME = re.compile(
    r"(\d{1,2})(?:\s?[.,:hH\-–]\s?(\d{2})(?::[0-5]\d)?)?(?:\s?([AaPp])\.?[Mm]\.?)?"
)
_UPDATED = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2}))?")
_SPACE = re.compile(r"\s")

# Characters a URL cannot carry as they are (RFC 3986; the HTML checker refuses them in
# href): browsers percent-encode them, and a backslash turns into a slash in http(s) URLs.
_NOT_IN_URLS = re.compile(r'["<>\\^`{|}]')


@dataclass(frozen=True)
class Field:
    """One declared key: its name, kind, whether it is required, and a sample value."""

    name: str
    kind: str
    required: bool = False
    example: str = ""


SITE_FIELDS = (
    Field("title", "text", True, "War Digest"),
    Field("description", "text", True, "Headlines on Russia's war against Ukraine, picked daily"),
    Field("base_url", "base_url", True, "https://digest.example.org/"),
    Field("language", "language", True, "en"),
    Field("timezone", "timezone", True, "Europe/Kyiv"),
    Field("author", "text", True, "The editors"),
    Field("days_per_page", "count", False, "5"),
    Field("headlines_per_page", "count", False, "50"),
)
SOURCE_FIELDS = (
    Field("name", "text", True, "Espreso Global"),
    Field("url", "url", True, "https://global.espreso.tv/"),
    Field("language", "language", True, "en"),
)
TAG_FIELDS = (
    Field("name", "text", True, "Frontline"),
    Field("description", "text", False, "Fighting along the front line"),
)
DAY_FIELDS = (
    Field("date", "date", True, "2024-06-22"),
    Field("title", "text", False, "Pokrovsk firefights, a second tanker in Mariupol"),
    Field("summary", "text", False, "One line for feeds and link previews."),
    Field("headlines", "list", True, "[...]"),
    Field("draft", "flag", False, "true"),
    Field("updated", "updated", False, '"2024-06-23 14:30"'),
    Field("correction", "text", False, "An earlier version gave the wrong date of the summit."),
)
HEADLINE_FIELDS = (
    Field("title", "text", True, "Ukraine's General Staff reports 21 firefights"),
    Field("url", "url", True, "https://example.org/news/1"),
    Field("source", "id", True, "espreso"),
    Field("tags", "ids", False, "[frontline]"),
    Field("places", "texts", False, "[Pokrovsk]"),
    Field("time", "time", False, '"09:15"'),
    Field("note", "text", False, "Context in *inline* Markdown."),
    Field("label", "label", False, "analysis"),
    Field("story", "id", False, "chasiv-yar"),
    Field("language", "language", False, "uk"),
    Field("archive_url", "url", False, "https://archive.ph/AbCdE"),
    Field("updated", "updated", False, '"2024-06-23 14:30"'),
    Field("correction", "text", False, "An earlier version named the wrong town."),
)
# In a draft day a headline may still lack its link and source: `check` lists what is missing.
DRAFT_HEADLINE_FIELDS = tuple(
    Field(f.name, f.kind, False, f.example) if f.name in ("url", "source") else f
    for f in HEADLINE_FIELDS
)


@dataclass
class Checker:
    """Checks values of one YAML document and collects the problems found."""

    doc: Document
    problems: list[Problem]

    def problem(self, path: Path, message: str, at_key: bool = False) -> None:
        location = self.doc.where_key(path) if at_key else self.doc.where(path)
        self.problems.append(Problem(location, dotted(path), message))

    def record(
        self, value: Any, path: Path, fields: tuple[Field, ...], what: str
    ) -> dict[str, Any]:
        """Check a mapping against `fields`; return the clean values of the valid fields.

        A missing optional field is absent from the result; a required one that is missing
        or invalid is reported and absent too, so callers test `len(result)` via `complete`.
        """
        if not isinstance(value, dict):
            example = f"{fields[0].name}: {fields[0].example}"
            self.problem(path, f"{what} must be a mapping of 'key: value' lines, e.g. {example}")
            return {}
        declared = _declared(fields)
        misspelt: set[str] = set()
        for key in () if value.keys() <= declared.keys() else value:  # nearly always ()
            if key not in declared and isinstance(key, str) and key[:1] in PASTED_SPACES:
                bare = key.lstrip("".join(PASTED_SPACES) + " \t")
                self.problem(
                    (*path, key),
                    f"'{bare}' is indented with {PASTED_SPACES[key[0]]}, which YAML takes "
                    f"for part of the name, not for indentation (so it is read as a field of "
                    f"{what}); indent it with ordinary spaces",
                    at_key=True,
                )
            elif key not in declared:
                suggestion = _meant_field(key, declared) or did_you_mean(key, declared)
                if suggestion:
                    misspelt.add(suggestion.split("'")[1])
                self.problem(
                    (*path, key),
                    f"unknown field '{key}' in {what}{suggestion}; "
                    f"the fields are: {', '.join(declared)}",
                    at_key=True,
                )
        clean: dict[str, Any] = {}
        commented = self.doc.empty_with_comment  # only the exact loader finds them
        for spec in fields:
            raw = value.get(spec.name)
            if raw is None and commented and (*path, spec.name) in commented:
                self._empty_but_commented(spec, (*path, spec.name))
            if raw is None and not spec.required:  # absent or empty, and may be
                continue
            child = (*path, spec.name)
            if isinstance(raw, Unreadable):
                if spec.kind == "date":
                    self.problem(child, raw.reason)
                    continue
                raw = raw.text  # `source: 2024-02-30` is just text to every other kind
            if raw is None or raw == "" or (raw == [] and spec.kind != "list"):
                if spec.name in misspelt and spec.name not in value:
                    continue  # the unknown key's "did you mean" already says it
                if spec.required:
                    where = child if spec.name in value else path
                    state = "is empty" if spec.name in value else f"is missing in {what}"
                    self.problem(
                        where,
                        f"required field '{spec.name}' {state}; write e.g. "
                        f"{spec.name}: {spec.example}",
                        at_key=spec.name in value,
                    )
                continue
            checked = CHECKS[spec.kind](self, raw, child)
            if checked is not None:
                clean[spec.name] = checked
        return clean

    # Kinds of value --------------------------------------------------------------------

    def text(self, value: Any, path: Path) -> str | None:
        if type(value) is str:  # nearly always: only the control characters to look for
            if _FORBIDDEN_CHARS.search(value) is None:
                return value.strip()
        elif isinstance(value, (dict, list)):
            self.problem(path, f"must be text, not {_kind_name(value)}")
            return None
        if isinstance(value, Unreadable):
            value = value.text
        elif not isinstance(value, str) and not self.doc.exact:
            # Only the exact loader knows how an unquoted 1e3 or 1_000 was written.
            self.problem(path, "needs the exact loader")
            return None
        elif not isinstance(value, str):
            # An unquoted `Yes`, `1945` or `3.5`: keep the text exactly as the editor typed it.
            scalar = self.doc.plain_scalars.get(path)
            value = scalar.text if scalar else str(value)
        bad = forbidden_in(value)
        if bad is not None:
            self.problem(path, bad)
            return None
        text: str = value
        return text.strip()

    def _empty_but_commented(self, spec: Field, path: Path) -> None:
        """Warn of a field left empty by a comment after its key ("tags: #frontline")."""
        comment = self.doc.empty_with_comment[path]
        words = [word.lstrip("#") for word in comment.replace(",", " ").split()]
        words = [word for word in words if word]
        if spec.kind in ("ids", "texts") and words:  # hashtags: the ids or names meant
            items = ", ".join(words if spec.kind == "ids" else [comment.lstrip("#")])
            fix = f"write the items without '#', {spec.name}: [{items}]"
        elif spec.kind in ("id", "label") and len(words) == 1:
            fix = f"write it without '#', {spec.name}: {words[0]}"
        else:
            fix = f'put the whole value in quotes, {spec.name}: "#{comment}"'
        self.problems.append(
            Problem(
                self.doc.where_key(path),
                dotted(path),
                f"'{spec.name}' is empty: YAML read \"#{comment}\" after it as a comment; {fix}",
                Severity.WARNING,
            )
        )

    def prose(self, value: Any, path: Path) -> str | None:
        """Check free text (a title, a note); warn when YAML dropped part of it as a comment."""
        text = self.text(value, path)
        comments = self.doc.trailing_comments  # only the exact loader finds them
        comment = comments.get(path) if comments else None
        if text is not None and comment is not None:
            self.problems.append(
                Problem(
                    self.doc.where(path),
                    dotted(path),
                    f"YAML read the text after ' #' as a comment and dropped it (\"#{comment}\"); "
                    "put the whole value in quotes to keep it",
                    Severity.WARNING,
                )
            )
        if text is not None and "&" in text and _field_name(path) in _PLAIN_TEXT_FIELDS:
            entity = next((e for e in _ENTITY.findall(text) if html.unescape(e) != e), None)
            if entity is not None:
                shown = html.unescape(entity)
                fix = "a space" if shown.isspace() else f"the character itself, '{shown}'"
                self.problems.append(
                    Problem(
                        self.doc.where(path),
                        dotted(path),
                        f"holds '{entity}', an HTML entity, which the site shows as it is "
                        f"written (this text is not HTML): write {fix}",
                        Severity.WARNING,
                    )
                )
        if text is not None:
            self.one_alphabet(text, path)
        return text

    def one_alphabet(self, text: str, path: Path) -> bool:
        """Warn of a word typed in two alphabets (`_mixed_word`); tell whether all is well."""
        if text.isascii() or _TWO_ALPHABETS.search(text) is None:
            return True
        mixed = _mixed_word(text)
        if mixed is None:
            return True
        self.problems.append(Problem(self.doc.where(path), dotted(path), mixed, Severity.WARNING))
        return False

    def texts(self, value: Any, path: Path) -> tuple[str, ...] | None:
        items = self.list_of(value, path, "[Pokrovsk, Kharkiv region]")
        if items is None:
            return None
        result: list[str] = []
        for index, item in enumerate(items):
            known = _GOOD_TEXTS.get(item) if type(item) is str else None
            if known is not None and known not in result:  # a place named before
                result.append(known)
                continue
            text = self.text(item, (*path, index))
            if text is None:
                continue
            if not text:
                self.problem((*path, index), "is empty; remove it or write the name")
            elif not slugify(text):
                self.problem(
                    (*path, index),
                    f"'{text}' has no letters or digits to name its page with; write the name",
                )
            elif text in result:
                self.problem((*path, index), f"'{text}' is listed twice; remove one")
            else:
                interned = sys.intern(text)  # place names recur: one string each
                fine = self.one_alphabet(text, (*path, index))
                if fine and text == item and len(_GOOD_TEXTS) < _GOOD_MAX:  # as written
                    _GOOD_TEXTS[interned] = interned
                result.append(interned)
        return tuple(result)

    def list_of(self, value: Any, path: Path, example: str) -> list[Any] | None:
        if not isinstance(value, list):
            self.problem(
                path, f"must be a list, e.g. {path[-1]}: {example}, not {_kind_name(value)}"
            )
            return None
        return value

    def id(self, value: Any, path: Path) -> str | None:
        if type(value) is str:  # a source's or tag's id seen before: ten years name 330,000
            known = _GOOD_IDS.get(value)
            if known is not None:
                return known
        text = self.text(value, path)
        if text is None:
            return None
        if not is_valid_id(text):
            suggestion = slugify(text)
            hint = f", e.g. '{suggestion}'" if suggestion else ""
            registry = _REGISTRY_OF.get(_field_name(path))
            if registry is not None:  # a source's or tag's name, likely, not its id
                message = (
                    f"'{text}' is not a valid id (lowercase letters, digits and single "
                    f"hyphens{hint}): use an id of {registry}, not a name"
                )
            else:
                message = (
                    f"'{text}' is not a valid id: use lowercase letters, digits and single "
                    f"hyphens{hint}"
                )
            self.problem(path, message)
            return None
        interned = sys.intern(text)  # one string for every mention: less memory, smaller caches
        if text is value and len(_GOOD_IDS) < _GOOD_MAX:  # as written, nothing stripped
            _GOOD_IDS[interned] = interned
        return interned

    def ids(self, value: Any, path: Path) -> tuple[str, ...] | None:
        items = self.list_of(value, path, "[frontline, diplomacy]")
        if items is None:
            return None
        result: list[str] = []
        for index, item in enumerate(items):
            checked = self.id(item, (*path, index))
            if checked is None:
                continue
            if checked in result:
                self.problem((*path, index), f"'{checked}' is listed twice; remove one")
            else:
                result.append(checked)
        return tuple(result)

    def url(self, value: Any, path: Path) -> str | None:
        text = self.text(value, path)
        if text is None:
            return None
        problem = url_problem(text)
        if problem:
            self.problem(path, problem)
            return None
        return text

    def base_url(self, value: Any, path: Path) -> str | None:
        text = self.url(value, path)
        if text is None:
            return None
        if "?" in text or "#" in text:
            self.problem(path, f"'{text}' must not have a query or fragment")
            return None
        return text if text.endswith("/") else text + "/"

    def date(self, value: Any, path: Path) -> dt.date | None:
        if isinstance(value, dt.datetime):
            self.problem(path, f"must be a date without a time, e.g. {value:%Y-%m-%d}")
            return None
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and not self.doc.exact:
            self.problem(path, "needs the exact loader")  # YAML 1.1 reads 2024-6-2 as a date
            return None
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.problem(path, f"'{value}' is not a date; write YYYY-MM-DD, e.g. 2024-06-22")
        return None

    def time(self, value: Any, path: Path) -> dt.time | None:
        scalar = self.doc.plain_scalars.get(path)
        if isinstance(value, int) and scalar and ":" in scalar.text:
            self.problem(
                path,
                f"YAML read the unquoted time {scalar.text} as the number {value} (YAML 1.1 "
                f'sexagesimal); put it in quotes: time: "{scalar.text}"',
            )
            return None
        match = _TIME.fullmatch(value.strip()) if isinstance(value, str) else None
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return _time_of_day(int(match[1]), int(match[2]))
        written = scalar.text if scalar else str(value).strip()
        meant = _time_meant(written)  # "9.15", "9h15", "9:15 PM": written another way
        self.problem(
            path,
            f"'{written}' is not a time of day; write 24-hour HH:MM in quotes, "
            + (f'{_field_name(path)}: "{meant}"' if meant else 'e.g. "09:15"'),
        )
        return None

    def updated(self, value: Any, path: Path) -> tuple[dt.date, dt.time | None] | None:
        """Check `updated`: a date, or a date and time of day in the site's time zone."""
        if isinstance(value, dt.datetime):
            if not self.doc.exact:
                self.problem(path, "needs the exact loader")  # yaml_rs reads quoted text too
                return None
            if value.tzinfo is None and value.second == 0 and value.microsecond == 0:
                return value.date(), value.time()
        elif isinstance(value, dt.date):
            return value, None
        elif isinstance(value, str):
            match = _UPDATED.fullmatch(value.strip())
            if match:
                try:
                    date = dt.date.fromisoformat(match[1])
                except ValueError:
                    date = None
                if date is not None and match[2] is None:
                    return date, None
                if date is not None and int(match[2]) < 24 and int(match[3]) < 60:
                    return date, dt.time(int(match[2]), int(match[3]))
        self.problem(
            path,
            f"'{value}' is not a date or a date and time; write YYYY-MM-DD or "
            '"YYYY-MM-DD HH:MM" (24-hour, in the site\'s time zone), e.g. "2024-06-23 14:30"',
        )
        return None

    def label(self, value: Any, path: Path) -> str | None:
        text = self.text(value, path)
        if text is None:
            return None
        if text not in LABELS:
            self.problem(
                path,
                f"unknown label '{text}'{did_you_mean(text, LABELS)}; "
                f"the labels are: {', '.join(LABELS)}",
            )
            return None
        return text

    def language(self, value: Any, path: Path) -> str | None:
        text = self.text(value, path)
        if text is None:
            return None
        mistake = i18n.language_mistake(text)
        if mistake is not None or not _LANGUAGE.fullmatch(text):
            said = mistake or "is not a language code; write a BCP 47 code such as en or uk"
            self.problem(path, f"'{text}' {said}")
            return None
        return text

    def timezone(self, value: Any, path: Path) -> str | None:
        text = self.text(value, path)
        if text is None:
            return None
        try:
            zoneinfo.ZoneInfo(text)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # "Europe": a folder
            self.problem(
                path,
                f"unknown time zone '{text}'{_zone_suggestion(text)}; "
                "write an IANA name such as Europe/Kyiv",
            )
            return None
        return text

    def count(self, value: Any, path: Path) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.problem(path, f"'{value}' must be a whole number of at least 1")
            return None
        return value

    def flag(self, value: Any, path: Path) -> bool | None:
        if not isinstance(value, bool):
            self.problem(path, f"'{value}' must be true or false")
            return None
        return value

    def any_list(self, value: Any, path: Path) -> list[Any] | None:
        if not isinstance(value, list):
            self.problem(
                path,
                f"must be a list with one '- title: ...' item per headline, "
                f"not {_kind_name(value)}",
            )
            return None
        return value


def _declared(fields: tuple[Field, ...]) -> dict[str, Field]:
    """Return the fields by name (made once for each tuple of fields)."""
    known = _DECLARED.get(id(fields))
    if known is None or known[0] is not fields:
        known = _DECLARED[id(fields)] = (fields, {f.name: f for f in fields})
    return known[1]


_DECLARED: dict[int, tuple[tuple[Field, ...], dict[str, Field]]] = {}

# Ids (`Checker.id`) and names in lists of text (places, `Checker.texts`) found good as they
# were written, so that each later mention is taken at once: a digest names a few hundred
# sources, tags and places some 400,000 times in ten years. Only values that pass every
# check unchanged are kept; anything else is checked, and reported, as ever.
_GOOD_IDS: dict[str, str] = {}
_GOOD_TEXTS: dict[str, str] = {}
_GOOD_MAX = 50_000  # a bound, whatever is read in one process


@functools.cache
def _time_of_day(hour: int, minute: int) -> dt.time:
    """One object for each time of day: 1,440 at most, against one per headline."""
    return dt.time(hour, minute)


CHECKS: dict[str, Callable[[Checker, Any, Path], Any]] = {
    "text": Checker.prose,
    "texts": Checker.texts,
    "id": Checker.id,
    "ids": Checker.ids,
    "url": Checker.url,
    "base_url": Checker.base_url,
    "date": Checker.date,
    "time": Checker.time,
    "updated": Checker.updated,
    "label": Checker.label,
    "language": Checker.language,
    "timezone": Checker.timezone,
    "count": Checker.count,
    "list": Checker.any_list,
    "flag": Checker.flag,
}


# A URL that passes every check of url_problem at a glance: http(s), a host name of
# letters, digits and hyphens with a dot inside, no user or port, and none of the characters
# refused. Most article links are such; the others are looked at part by part.
_PLAIN_URL = re.compile(
    r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#][^\s\"<>\\^`{|}]*)?"
)


# An address pasted with what wrapped it: <https://...>, [text](https://...).
_WRAPPED = re.compile(r"<(?P<bare>[^<>\s]+)>|\[[^\]]*\]\((?P<linked>[^()\s]+(?:\([^()\s]*\))?)\)")
# A host name with a dot and a top-level domain of letters at the start, with no scheme.
_SCHEMELESS = re.compile(r"(?://)?(?:[\w-]+\.)+[^\W\d_]{2,}(?::\d+)?(?:[/?#]|$)")


# Fields of plain text (not Markdown, which reads entities): an HTML entity in them, pasted
# from a page's source, would be shown as it is written.
_PLAIN_TEXT_FIELDS = frozenset({"title", "summary", "name", "description"})
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# A word typed in two alphabets: a letter of the other keyboard layout ("Запорiжжя" with a
# Latin i, as a Russian layout types Ukrainian's і; "Kharkіv" with a Cyrillic і). It looks
# right, but it is another word to a reader's search and to the sorting of names, and a
# place so spelt is another place. `_TWO_ALPHABETS` finds two letters side by side from two
# alphabets, at C speed; only then are the words looked at.
_ALPHABETS = {
    "Latin": "A-Za-z\u00c0-\u024f",
    "Cyrillic": "\u0400-\u052f",
    "Greek": "\u0370-\u03ff",
}
_TWO_ALPHABETS = re.compile(
    "|".join(
        f"[{first}][{second}]"
        for first in _ALPHABETS.values()
        for second in _ALPHABETS.values()
        if first != second
    )
)
_WORD = re.compile(r"[^\W\d_]+")
_LETTER_OF = {name: re.compile(f"[{letters}]") for name, letters in _ALPHABETS.items()}
# A Latin name with a Cyrillic ending, as Ukrainian and Russian decline one in haste
# ("HIMARSів", "Starlinkом"): the outlet's spelling, and not a slip of the keyboard.
_DECLINED = re.compile("[A-Za-z]{2,}[\u0430-\u045f\u0491]{1,3}")
# Words of two alphabets run together, each run of two letters or more and each after the
# first begun with a capital: a name ("АрміяInform", the outlet's own), or a menu's items
# glued by a copy ("...СпортLifestyleГороскопи"), not a letter typed in another layout.
_RUN = re.compile("|".join(f"[{letters}]+" for letters in _ALPHABETS.values()))


def _joined(word: str) -> bool:
    runs = _RUN.findall(word)
    return all(len(run) > 1 for run in runs) and all(run[0].isupper() for run in runs[1:])


def _mixed_word(text: str) -> str | None:
    """Say which word of the text mixes alphabets, and its letters of the fewer; None if none."""
    for word in _WORD.findall(text):
        if not _TWO_ALPHABETS.search(word) or _DECLINED.fullmatch(word) or _joined(word):
            continue
        letters = {name: pattern.findall(word) for name, pattern in _LETTER_OF.items()}
        used = sorted((name for name in letters if letters[name]), key=lambda n: -len(letters[n]))
        odd = dict.fromkeys(letter for name in used[1:] for letter in letters[name])
        shown = ", ".join(f"'{letter}'" for letter in odd)
        return (
            f"'{word}' mixes {' and '.join(used)} letters ({shown} "
            f"{'is' if len(odd) == 1 else 'are'} {' and '.join(used[1:])}): it looks right, "
            "but search, sorting and place pages take it for another word; type it again "
            f"in {used[0]} letters"
        )
    return None


# The registries a headline's references name: an id there, never the name shown.
_REGISTRY_OF = {"source": "content/sources.yaml", "tags": "content/tags.yaml"}
# Checker.id's words for a name written where its id goes, and what they name: the value
# and the registry (`written_for_id`).
_NAME_FOR_ID = re.compile(
    r"'(.*)' is not a valid id \(.*\): use an id of (content/\w+\.yaml), not a name"
)


def written_for_id(message: str) -> tuple[str, str] | None:
    """Return the value and registry of Checker.id's problem with a source or tag written
    by something not an id (its name, likely), or None for any other message."""
    match = _NAME_FOR_ID.fullmatch(message)
    return (match[1], match[2]) if match else None


def _time_meant(written: str) -> str | None:
    """Return the time written another way ("9.15", "9h15", "9:15 PM", "15:30:00", "3pm")
    as HH:MM, if any."""
    match = _OTHER_TIME.fullmatch(written)
    if match is None or not (match[2] or match[3]):  # a number alone is no time
        return None
    hour, minute, half = int(match[1]), int(match[2] or 0), (match[3] or "").lower()
    if half and not 1 <= hour <= 12:
        return None
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


# Other words for the fields, as other tools and feeds name them ("link" is the url), with
# the fields each may mean, the first that the mapping has.
_FIELD_WORDS = {
    **dict.fromkeys(("link", "href", "address", "article", "permalink"), ("url", "base_url")),
    **dict.fromkeys(("outlet", "publisher", "site", "media", "author"), ("source",)),
    **dict.fromkeys(("category", "categories", "topic", "topics", "hashtags"), ("tags",)),
    **dict.fromkeys(("place", "location", "locations", "where", "region"), ("places",)),
    **dict.fromkeys(("headline", "name", "heading", "site_name"), ("title", "name")),
    **dict.fromkeys(("title", "label"), ("name",)),  # of a source or tag
    **dict.fromkeys(("homepage", "home", "website", "web"), ("url", "base_url")),
    **dict.fromkeys(("url", "domain", "base", "baseurl", "site_url"), ("base_url",)),
    **dict.fromkeys(("tz", "zone", "time_zone"), ("timezone",)),
    **dict.fromkeys(("comment", "description", "text", "body", "lead"), ("note", "summary")),
    **dict.fromkeys(("hour", "published", "at"), ("time",)),
    **dict.fromkeys(("lang", "locale"), ("language",)),
    **dict.fromkeys(("archive", "archived", "archive_link", "wayback"), ("archive_url",)),
    **dict.fromkeys(("day", "published_on"), ("date",)),
    **dict.fromkeys(("items", "links", "news", "entries", "articles"), ("headlines",)),
}


def _meant_field(key: Any, declared: Mapping[str, Any]) -> str:
    """Return " (did you mean 'url'?)" for another word for a field ("link"), or ""."""
    fields = _FIELD_WORDS.get(key.strip().lower(), ()) if isinstance(key, str) else ()
    meant = next((name for name in fields if name in declared), None)
    return f" (did you mean '{meant}'?)" if meant else ""


def _field_name(path: Path) -> str:
    """The field a path is in: "tags" for ("headlines", 0, "tags", 1)."""
    return next((part for part in reversed(path) if isinstance(part, str)), "")


def url_problem(url: str) -> str | None:
    """Say what is wrong with an article or home page URL, or None when it is fine."""
    if url.isascii() and _PLAIN_URL.fullmatch(url):
        return None
    return examined_url_problem(url)


def examined_url_problem(url: str) -> str | None:
    """url_problem, always looking at the URL part by part (the tests compare the two)."""
    unseen = unseen_in(url)
    if unseen:
        return unseen
    wrapped = _WRAPPED.fullmatch(url)  # pasted from Markdown or a mail
    if wrapped is not None:
        inner = wrapped.group("bare") or wrapped.group("linked")
        if url_problem(inner) is None:
            what = "an address in angle brackets" if wrapped.group("bare") else "a Markdown link"
            return f"'{url}' is {what}: write only the address, {inner}"
    if _SPACE.search(url):
        return f"'{url}' contains white space; a URL must be one unbroken address"
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError as exc:
        return f"'{url}' is not a valid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        shown = f"'{parts.scheme}:' links" if parts.scheme else "relative or schemeless links"
        # A site's address without its scheme ("censor.net/ua/news/1"): that with https://.
        whole = f"https://{url.removeprefix('//')}" if _SCHEMELESS.match(url) else ""
        fix = whole if whole and url_problem(whole) is None else "https://..."
        return f"'{url}' is not an absolute http(s) URL ({shown} are not allowed); write {fix}"
    bad = _NOT_IN_URLS.search(url)
    if bad:
        return (
            f"'{url}' contains '{bad.group()}', which a URL cannot carry as it is; write it "
            f"percent-encoded ({urllib.parse.quote(bad.group())}), as the browser's address "
            "bar shows it"
        )
    host = parts.hostname
    if not host or ("." not in host.strip(".") and host != "localhost"):
        return f"'{url}' has no valid host name; write e.g. https://example.org/page"
    try:
        parts.port  # noqa: B018 - reading it validates it
    except ValueError:
        return f"'{url}' has an invalid port number"
    return None


def _kind_name(value: Any) -> str:
    """Name the kind of a YAML value, with its article: "a list", "text"."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date"
    return "text"


def _zone_suggestion(text: str) -> str:
    """Suggest a zone: "Kyiv" -> "Europe/Kyiv", "Europe/Kiev2" -> "Europe/Kiev"."""
    names = zoneinfo.available_timezones()
    ends = sorted(n for n in names if n.lower().endswith("/" + text.lower().replace(" ", "_")))
    return f" (did you mean '{ends[0]}'?)" if ends else did_you_mean(text, names)
