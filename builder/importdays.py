"""Writing imported headlines into day files: a new day's text, or merged into an old one.

`render_day` writes a new day file; `merge_day` appends the entries that are new to an
existing day's text without touching what is there (a day that is not a draft takes none
without a link or a source); `known_headlines` tells the links and titles a day already has.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass

from . import i18n, yamlio
from .importmodel import Dropped, Entry
from .reader import normalise_text, split_front_matter


def entry_yaml(entry: Entry, indent: str = "  ") -> list[str]:
    """Return the lines of one headline item, every string quoted so it reads back exactly."""
    lines = [
        f"{indent}- title: {yamlio.quote(entry.title)}",
        f"{indent}  url: {yamlio.quote(entry.url)}",
        f"{indent}  source: {_id(entry.source)}",
    ]
    if entry.time is not None:
        lines.append(f'{indent}  time: "{entry.time:%H:%M}"')
    if entry.language is not None:
        lines.append(f"{indent}  language: {_id(entry.language)}")
    return lines


def title_language(
    title: str, site_language: str, declared: str | None, source_language: str | None
) -> str | None:
    """Return the language of an imported title when it is not the site's, for its day
    file's `language` (pages mark the title with lang, and with dir where it runs the
    other way): the one the listing declares (<html lang>, a feed's), else its outlet's.

    Each is taken only where the title's letters are that language's script: an English
    title from a Ukrainian outlet is not Ukrainian. An outlet's language is taken only
    where the title's letters are not the site's script too: a Russian outlet's title on
    a Ukrainian site may be either; the listing must say. None: the site's language, or
    none known."""
    letters = script_of_text(title)
    if letters is None:
        return None
    site = i18n.primary_language(site_language)
    for code, declared_here in ((declared, True), (source_language, False)):
        if not code or i18n.letters_of(code) != letters:
            continue  # none, or the title is not in this language's letters
        if i18n.primary_language(code) == site:
            return None  # the site's own language
        if not declared_here and i18n.letters_of(site_language) == letters:
            continue  # the site's letters too: the outlet's language is no evidence
        return code
    return None


def script_of_text(text: str) -> str | None:
    """Return the script most of a text's letters are in, as a family of ISO 15924 codes
    ("Latn", "Cyrl", "Arab", "Hebr", "Han" for Chinese characters and kana, "Kore"...);
    None for a text without letters, or of a script not named here."""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = i18n.SCRIPT_OF_NAME.get(unicodedata.name(char, "").split(" ")[0])
            if script is not None:
                counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _id(value: str) -> str:
    """Write a source id or language as editors do (`source: espreso`, `language: fa`),
    quoting what YAML would misread (`language: "no"`, Norwegian, is no false)."""
    plain = re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", value)
    if plain and value not in ("yes", "no", "on", "off", "true", "false", "null", "y", "n"):
        return value
    return yamlio.quote(value)


def is_incomplete(entry: Entry) -> bool:
    """Tell whether an entry lacks its URL or source, which makes its day a draft."""
    return not entry.url or not entry.source


def render_day(date: dt.date, entries: tuple[Entry, ...], draft: bool) -> str:
    """Return the text of a new day file holding `entries`."""
    lines = ["---", f"date: {date.isoformat()}"]
    if draft:
        lines.append("draft: true")
    if entries:
        lines.append("headlines:")
        for entry in entries:
            lines.extend(entry_yaml(entry))
    else:
        lines.append("headlines: []")
    lines.append("---")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Merge:
    """What merging into an existing day did: its new text and what it skipped."""

    text: str
    added: tuple[Entry, ...]
    skipped: tuple[Dropped, ...]


_NOT_IN_PUBLISHED = (
    "it has no {lacks} and the day is not a draft, so it was not added; "
    "put its link in the listing, or mark the day draft: true and import again"
)
_NO_SOURCE_IN_PUBLISHED = (
    "its link is to {host}, the site of no source in content/sources.yaml, and the day is "
    "not a draft, so it was not added; add the outlet there (an id, with name: and url: "
    "https://{host}/) or give --source, and import again"
)


def site_of(url: str) -> str:
    """The host of a link."""
    try:
        return urllib.parse.urlsplit(url).hostname or url
    except ValueError:
        return url


class MergeError(ValueError):
    """The existing day's text cannot take new entries without being rewritten."""


def known_headlines(text: str) -> tuple[set[str], set[str], bool]:
    """Return the URLs, casefolded titles and the draft flag of an existing day's text."""
    split = split_front_matter("", normalise_text(text))
    if not isinstance(split, tuple):
        raise MergeError("it has no front matter between '---' lines")
    doc, _ = yamlio.load("", split[0])
    value = doc.value if doc is not None else None
    if not isinstance(value, dict):
        raise MergeError("its front matter could not be read; run digest check and fix it")
    urls: set[str] = set()
    titles: set[str] = set()
    items = value.get("headlines")
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            urls.add(str(item.get("url") or "").strip())
            titles.add(str(item.get("title") or "").strip().casefold())
    urls.discard("")
    return urls, titles, value.get("draft") is True


def merge_day(text: str, entries: tuple[Entry, ...]) -> Merge:
    """Append the entries that are new to an existing day's text, changing nothing else.

    New items go at the end of the `headlines:` list, as text, so the editor's comments,
    quoting and order stay as they were. A day that is not a draft takes no entry without
    a URL or source: that would either break it or, made a draft, unpublish it.
    """
    urls, titles, is_draft = known_headlines(text)
    added: list[Entry] = []
    skipped: list[Dropped] = []
    for entry in entries:
        if entry.url and entry.url in urls:
            skipped.append(Dropped(entry.line, entry.title, "its link is already on the day"))
        elif entry.title.casefold() in titles:
            skipped.append(Dropped(entry.line, entry.title, "its headline is already on the day"))
        elif not is_draft and is_incomplete(entry):
            if entry.url:  # its site is no source's
                reason = _NO_SOURCE_IN_PUBLISHED.format(host=site_of(entry.url))
            else:
                reason = _NOT_IN_PUBLISHED.format(
                    lacks="link" if entry.source else "link or source"
                )
            skipped.append(Dropped(entry.line, entry.title, reason))
        else:
            added.append(entry)
            urls.add(entry.url)
            titles.add(entry.title.casefold())
    if not added:
        return Merge(text, (), tuple(skipped))
    # CRLF only when every line ends so; in a file of mixed endings a line keeps its "\r".
    newline = "\r\n" if text.count("\r\n") == text.count("\n") > 0 else "\n"
    lines = text.split(newline)
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if close is None:
        raise MergeError("its front matter has no closing '---' line")
    start = next(
        (i for i in range(1, close) if re.match(r"headlines\s*:", lines[i])),
        None,
    )
    if start is None:
        raise MergeError("it has no 'headlines:' line in its front matter")
    after = lines[start].split(":", 1)[1].strip()
    if after.startswith("[") and after.rstrip().rstrip("]").strip("[ ") == "":
        lines[start] = "headlines:"
        end, indent = start, "  "
    elif after and not after.startswith("#"):
        raise MergeError(
            "its headlines are written as a flow list on one line; "
            "write them as a block list ('- title: ...' lines) to merge into it"
        )
    else:
        end, indent = start, ""
        for i in range(start + 1, close):
            line = lines[i]
            if line.strip() and not line[0].isspace() and not line.startswith("-"):
                break  # the next top-level key
            if line.strip() and not line.lstrip().startswith("#"):
                end = i
                if not indent and line.lstrip().startswith("- "):
                    indent = line[: len(line) - len(line.lstrip())] or "\0"
        indent = "" if indent == "\0" else indent or "  "
    new_lines = [line for entry in added for line in entry_yaml(entry, indent)]
    lines[end + 1 : end + 1] = new_lines
    return Merge(newline.join(lines), tuple(added), tuple(skipped))
