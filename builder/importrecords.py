"""Listings kept as records: spreadsheets, a reference manager's export, a browser's bookmarks.

A spreadsheet saved as CSV or copied as cells (its title, link, date and time columns by
their headers or their contents; a zone a column's name gives), Zotero's or Mendeley's RIS
export, and a bookmarks file in Netscape's format: each record with a link one headline,
dated as the record says (its publication, else when it was saved).
"""

from __future__ import annotations

import collections
import contextlib
import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from typing import Any

from .i18n import normalise_word
from .importdates import TIME_LINE, epoch_stamp, read_stamp, read_time
from .importlinks import (
    ATTACHED,
    ATTACHMENT,
    INDEX,
    absolute,
    index_page,
    saved_page,
)
from .importmodel import Line
from .importtext import (
    LINK_WORDS,
    MD_LINK,
    REJECTED,
    REJECTED_LIST,
    STRUCK_OUT,
    SUBTASK,
    URL_IN_TEXT,
    collapse,
)
from .markuptree import xml_document


def bookmark_lines(root: Any, base: str, timezone: str | None) -> list[Line]:
    """A browser's bookmarks file (Netscape's format, as Chrome, Firefox, Raindrop and Pocket
    export it): each bookmark a headline, on the day it was saved (ADD_DATE)."""
    lines = []
    for link in root.iter("a"):
        url = absolute(link.get("href") or "", base)
        title = collapse(link.text_content())
        if not url or not title:
            continue
        moment = epoch_stamp(link.get("add_date") or link.get("time_added") or "")
        stamp = read_stamp(moment, timezone) if moment else None  # its day, not its time:
        day = (stamp[0], None) if stamp else (None, None)  # when it was saved, not published
        kept = saved_page(url)  # the bar's, a menu's
        lines.append(Line(link.sourceline or 0, title, url, day, item=True, dropped=kept))
    return lines


def table_lines(text: str) -> list[Line] | None:
    """A spreadsheet's rows, exported as CSV (commas, or semicolons as Excel writes them in
    Ukrainian) or copied as cells (tabs): each row with a link to an article a headline, its
    title the row's title column (by its header, else its longest text), its date and time
    those of the columns that hold them; None for text that is no such table."""
    rows_text = [line for line in text.split("\n") if line.strip()]
    if len(rows_text) < 2:
        return None
    delimiter = max("\t;,|", key=lambda d: sum(line.count(d) for line in rows_text))
    if delimiter in "\t|":  # cells copied (TSV), a report's columns: no quoting but a cell's
        rows = [
            [
                _unquoted(cell.strip() if delimiter == "|" else cell)
                for cell in line.split(delimiter)
            ]
            for line in text.split("\n")
        ]
    else:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    numbered = [
        (n, row)
        for n, row in enumerate(rows, 1)
        if any(cell.strip() for cell in row) and not _RULE.fullmatch("".join(row))
    ]  # (a rule of dashes between a report's header and its rows is none)
    if not numbered:
        return None  # rules alone ("---", "---"): no table
    linked = [n for n, row in numbered if any(_cell_link(c) for c in row)]
    headed = any(  # a header naming its columns: "CONTENT", "Title"
        normalise_word(cell).strip().startswith(_TITLE_NAMES + _LINK_NAMES)
        for cell in numbered[0][1]
    )
    if len(linked) >= 2 or headed:  # a table of links: its tasks with their titles too
        linked = [n for n, row in numbered if any(_cell_link(c) or _titled_link(c) for c in row)]
    widths = collections.Counter(len(row) for n, row in numbered if n in linked or not linked)
    width = widths.most_common(1)[0][0]  # (the rows with links': not a preamble's one cell)
    count = sum(1 for _, row in numbered if len(row) == width)
    # A report's lines above its table (its title, period, count) are no rows of it.
    first = next((i for i, (_, row) in enumerate(numbered) if len(row) == width), 0)
    preamble, numbered = numbered[:first], numbered[first:]
    if width < 2 or count * 5 < len(numbered) * 3 or len(linked) < (1 if headed else 2):
        return None  # text, not a table of links (one row of them under a header is one)
    header = numbered[0][1] if numbered[0][0] not in linked else []
    names = [normalise_word(cell).strip() for cell in header]
    body = [(n, row + [""] * (width - len(row))) for n, row in numbered if n in linked]

    def column(words: tuple[str, ...], test: Callable[[str], bool]) -> int | None:
        named = next(
            (
                i
                for i, name in enumerate(names)
                if name.startswith(words) and not name.startswith(_NOT_A_TIME)
            ),
            None,
        )
        if named is not None:
            return named
        scores = [sum(1 for _, row in body if test(row[i].strip())) for i in range(width)]
        best = max(range(width), key=lambda i: scores[i])
        return best if scores[best] * 2 > len(body) else None

    url = column(
        _LINK_NAMES,
        lambda c: bool(_cell_link(c) or _titled_link(c)),
    )
    date = column(_DATE_NAMES, lambda c: bool(_DATE_CELL.match(c)))
    # When it was saved, where the sheet has no publication date (or a row lacks it):
    # Raindrop's "created", Instapaper's "Timestamp", Airtable's "Created".
    saved = next(
        (i for i, name in enumerate(names) if name.startswith(_SAVED_NAMES) and i != date), None
    )
    date = date if date is not None or saved is None else saved
    time = column(("time", "час", "время"), lambda c: bool(TIME_LINE.fullmatch(c)))
    taken = {url, date, time}
    title = next(
        (i for i, name in enumerate(names) if name.startswith(_TITLE_NAMES) and i not in taken),
        None,
    )
    if title is None:  # the longest text of the other columns
        others = [i for i in range(width) if i not in taken]
        title = max(others, key=lambda i: sum(len(row[i]) for _, row in body), default=None)
    if url is None or title is None:
        return None
    zone = next(  # "Time (UTC)", "Date (GMT+2)": the zone the sheet's moments are in
        (_header_zone(header[i]) for i in (time, date) if i is not None and i < len(header)), ""
    )
    us = date is not None and any(  # 7/16/2024: a US sheet writes the month first
        (m := _US_DATE.match(row[date].strip())) and int(m[2]) > 12 for _, row in body
    )
    lines = [Line(number, " ".join(row).strip(), outside=True) for number, row in preamble]
    # A to-do app's (TickTick's): a subtask's parent, and the list a task is in.
    parent = next((i for i, name in enumerate(names) if name.startswith(_PARENT_NAMES)), None)
    listed = next((i for i, name in enumerate(names) if name in _LIST_NAMES), None)
    for number, row in numbered:
        row = row + [""] * (width - len(row))
        dated = date is not None and bool(row[date].strip())  # a row without a link: a draft
        first = bool(header) and number == numbered[0][0]
        if number not in linked and (first or not dated):
            # the header, a day's row ("ВІВТОРОК, 16 ЛИПНЯ"), a total ("Всього: 12")
            text = " ".join(cell.strip() for cell in row if cell.strip())
            lines.append(Line(number, text, outside=True))
            continue
        stamp = row[date].strip() if date is not None else ""
        if not stamp and saved is not None:
            stamp = row[saved].strip()
        if _EPOCH_CELL.fullmatch(stamp):  # Unix seconds: 1721126472
            moment = dt.datetime.fromtimestamp(float(stamp), tz=dt.UTC)
            stamp = moment.isoformat()
        if us and (m := _US_DATE.match(stamp)):
            stamp = f"{m[3]}-{int(m[1]):02}-{int(m[2]):02}{stamp[m.end() :]}"
        clock = row[time].strip() if time is not None and time != date else ""
        if not stamp and _DAY_MONTH_TIME.fullmatch(clock):  # "15.07 21:47" in a time column:
            stamp, clock = clock, ""  # its day and time (read as a time, "15.07" was 15:07)
        if parent is not None and row[parent].strip():
            lines.append(Line(number, collapse(row[title]), dropped=SUBTASK))
            continue
        if listed is not None and REJECTED_LIST.search(row[listed]):
            lines.append(Line(number, collapse(row[title]), dropped=REJECTED))
            continue
        link, headline = row[url].strip(), collapse(row[title])  # (a row without one: a draft)
        titled = _titled_link(link)  # "[Title](https://…)", "09:12 Title https://…": a task's
        link = titled[1] if titled else _cell_link(link)
        headline = titled[0] if titled else headline
        # (a saved home page, topic page or web app's, as bookmarking services keep them)
        kept = (saved_page(link) or (INDEX if index_page(link) else "")) if link else ""
        if _STRUCK.fullmatch(headline):  # "~~Title~~": a Markdown table's row struck out
            kept = STRUCK_OUT
        if stamp:
            written = f"{stamp} {clock}".strip()
            if zone and (clock or TIME_LINE.search(stamp)) and not _OFFSET_END.search(written):
                written = f"{written} {zone}"
            lines.append(Line(number, headline, link, item=True, date_text=written, dropped=kept))
        else:  # a time alone: on the day of the row above that names one
            stamp_of = (None, read_time(clock))
            lines.append(Line(number, headline, link, stamp_of, item=True, dropped=kept))
    return lines


_RULE = re.compile(r"\s*[-=_─—]{3,}\s*")  # "-----------": a text table's rule
_DAY_MONTH_TIME = re.compile(r"\d{1,2}[./]\d{1,2}\.?,?\s+\d{1,2}:\d{2}")
_DATE_CELL = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")


_DATE_NAMES = ("date", "дата", "published", "опубліковано", "опубликовано", "pubdate")


_SAVED_NAMES = ("created", "timestamp", "time_added", "saved", "added", "створено", "создано")


_EPOCH_CELL = re.compile(r"1[5-9]\d{8}(?:\.\d+)?")  # seconds since 1970: 2017 to 2033


# A reference manager's export in RIS (Zotero's, Mendeley's, EndNote's): records of tagged
# lines, "TY  - NEWS" to "ER  - ", each field "XX  - value".
RIS = re.compile(r"\s*TY  - \S")


_RIS_FIELD = re.compile(r"([A-Z][A-Z0-9])  -(?: (.*))?")


_RIS_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")


def ris_lines(text: str) -> list[Line]:
    """One line a record: its title (TI, T1), its link (UR) and its day: the article's (DA,
    Y1), else the day it was saved (Y2); the other fields (authors, abstract, notes) none."""
    lines: list[Line] = []
    fields: dict[str, tuple[int, str]] = {}
    for number, raw in enumerate(text.split("\n"), 1):
        field = _RIS_FIELD.fullmatch(raw.rstrip())
        if field is None:
            continue
        tag, value = field[1], (field[2] or "").strip()
        if tag != "ER":
            fields.setdefault(tag, (number, value))
            continue
        values = {tag: value for tag, (_, value) in fields.items()}
        title = next((fields[t] for t in ("TI", "T1") if values.get(t)), None)
        if title is not None:
            link = next((url for url in values.get("UR", "").split() if absolute(url, "")), "")
            dates = (_RIS_DATE.match(values.get(t, "")) for t in ("DA", "Y1", "Y2"))
            day = next((found for found in dates if found), None)
            stamp = None
            with contextlib.suppress(ValueError):
                stamp = dt.date(int(day[1]), int(day[2]), int(day[3])) if day else None
            lines.append(Line(title[0], collapse(title[1]), link, (stamp, None), item=True))
        fields = {}
    return lines


# A reference manager's BibTeX or BibLaTeX export (Zotero's, Better BibTeX's): entries
# "@online{key, field = {value}, …}".
BIBTEX = re.compile(r"(?:\s*%[^\n]*\n)*\s*@[A-Za-z]+\s*\{")
_BIB_ENTRY = re.compile(r"@([A-Za-z]+)\s*\{")
_BIB_FIELD = re.compile(r"\s*,?\s*([A-Za-z][\w-]*)\s*=\s*")
_BIB_ESCAPE = re.compile(r"\\([&%$#_{}])")
_BIB_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BIB_QUOTE = re.compile(r"\\(?:mkbibquote|enquote)\s*\{([^{}]*)\}")
_BIB_COMMAND = re.compile(r"\\[A-Za-z]+\s*(?=\{)")


def bibtex_lines(text: str) -> list[Line]:
    """One line an entry with a link: its title (braces and escapes undone), its url, and its
    day: the article's (date; year, month and day), else the day it was saved (urldate)."""
    lines: list[Line] = []
    for entry in _BIB_ENTRY.finditer(text):
        if entry[1].lower() in ("comment", "preamble", "string"):
            continue
        fields = _bib_fields(text, entry.end())
        title, link = fields.get("title", ""), fields.get("url", "").split()
        if not title or not link or absolute(link[0], "") is None:
            continue
        day = None
        for value in (fields.get("date", ""), _bib_day(fields), fields.get("urldate", "")):
            found = _BIB_DATE.match(value)
            with contextlib.suppress(ValueError):
                day = dt.date(int(found[1]), int(found[2]), int(found[3])) if found else None
            if day is not None:
                break
        number = text.count("\n", 0, entry.start()) + 1
        lines.append(
            Line(number, title, link[0], (day, None), item=True, dropped=saved_page(link[0]))
        )
    return lines


def _bib_fields(text: str, at: int) -> dict[str, str]:
    """An entry's fields from after its "{": its key, then "name = {value}" or "value", each
    value's braces and escapes undone."""
    fields: dict[str, str] = {}
    at = text.find(",", at)  # (after the citation key)
    while at >= 0:
        name = _BIB_FIELD.match(text, at)
        if name is None:
            break
        at, value = _bib_value(text, name.end())
        value = _BIB_QUOTE.sub(r'"\1"', value)  # "\mkbibquote{Peace Mission}": in quotes
        value = _BIB_COMMAND.sub("", value)  # "\emph{…}", "\textit{…}": the words alone
        fields[name[1].lower()] = collapse(
            _BIB_ESCAPE.sub(r"\1", value.replace("{", "").replace("}", ""))
        )
    return fields


def _bib_value(text: str, at: int) -> tuple[int, str]:
    """A field's value at `at`, "{…}" (braces nested), "…" or a bare word; and where it ends."""
    if at < len(text) and text[at] in '{"':
        close, depth, start = ("}" if text[at] == "{" else '"'), 0, at
        for index in range(at, len(text)):
            char = text[index]
            if char == "\\":
                continue
            if char == "{":
                depth += 1
            elif char == "}" and (close == "}" or depth > 0):
                depth -= 1
                if close == "}" and depth == 0:
                    return index + 1, text[start + 1 : index]
            elif char == '"' and close == '"' and depth == 0 and index > at:
                return index + 1, text[start + 1 : index]
        return len(text), text[start + 1 :]
    word = re.match(r"[^,}\s]*", text[at:])
    return at + (len(word[0]) if word else 0), word[0] if word else ""


def _bib_day(fields: dict[str, str]) -> str:
    """BibTeX's year, month and day fields as one date ("2024-07-16"), "" without them all."""
    month = fields.get("month", "").lower()[:3]
    months = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    number = months.index(month) + 1 if month in months else int(month) if month.isdigit() else 0
    year, day = fields.get("year", ""), fields.get("day", "")
    if not (year.isdigit() and day.isdigit() and number):
        return ""
    return f"{int(year):04}-{number:02}-{int(day):02}"


# EndNote's XML export: <xml><records><record>…, every text in <style> runs.
ENDNOTE = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?<xml>\s*<records>\s*<record>")


def endnote_lines(text: str) -> list[Line]:
    """One line a record of EndNote's XML export with a web address: its title (its <style>
    runs joined), its first related URL, and its day: its publication's (pub-dates, with its
    year), else the day it was saved (access-date)."""
    root = xml_document(text.encode("utf-8"))
    lines: list[Line] = []
    for record in root.iter("record") if root is not None else ():
        title = collapse("".join(_texts(record, "titles/title")))
        url = next(
            (u for u in (collapse(u) for u in _texts(record, "urls/related-urls/url")) if u), ""
        )
        if not title or absolute(url, "") is None:
            continue
        year = collapse("".join(_texts(record, "dates/year")))
        day = collapse("".join(_texts(record, "dates/pub-dates/date")))
        if day and year and year not in day:
            day = f"{day}, {year}"  # "July 16" of 2024
        written = day if day and re.search(r"\d{1,2}", day.replace(year, "")) else ""
        written = written or collapse("".join(_texts(record, "access-date")))
        dropped = ATTACHED if ATTACHMENT.search(url) else saved_page(url)
        lines.append(
            Line(record.sourceline or 1, title, url, item=True, date_text=written, dropped=dropped)
        )
    return lines


def _texts(record: Any, path: str) -> list[str]:
    """The text of the first element at `path` in a record (its runs, <style>s, joined)."""
    found = record.find(path)
    return ["".join(found.itertext())] if found is not None else []


# A zone in a column's name: "Time (UTC)", "Date (GMT+2)", "Published (CET)".
_HEADER_ZONE = re.compile(r"\b(?:UTC|GMT)(?:\s*([+-])(\d{1,2})(?::?(\d{2}))?)?\b|\(([A-Z]{3,4})\)")


_OFFSET_END = re.compile(r"(?:Z|[+-]\d{2}:?\d{2}|\b[A-Z]{3,4})$")  # a moment that says its zone


def _header_zone(name: str) -> str:
    """The zone a column's name gives its moments, as an offset ("+00:00") or letters."""
    found = _HEADER_ZONE.search(name)
    if found is None:
        return ""
    if found[4]:
        return found[4]
    return f"{found[1] or '+'}{int(found[2] or 0):02}:{found[3] or '00'}"


_STRUCK = re.compile(r"~~.+~~")


def _titled_link(cell: str) -> tuple[str, str] | None:
    """A cell that is a headline with its link, as a to-do app's task holds one ("[Title](
    https://…)", "09:12 [Title](https://…)", "Title https://…"): its words and the link;
    None for a cell that is a link alone or a link's word ("[посилання](https://…)")."""
    cell = collapse(cell)
    found = MD_LINK.search(cell)
    if found is not None and URL_IN_TEXT.fullmatch(found[2]):
        words = cell[: found.start()] + " " + found[1] + " " + cell[found.end() :]
        words = collapse(words.replace("**", " ").replace("__", " "))  # ("**[Title](…)**")
        if normalise_word(found[1]) in LINK_WORDS or len(words.split()) < 3:
            return None
        return words, found[2]
    found = URL_IN_TEXT.search(cell)
    if found is None or found.end() != len(cell):
        return None
    words = cell[: found.start()].rstrip(" -–—:|")
    return (words, found.group()) if len(words.split()) >= 3 else None


def _cell_link(cell: str) -> str:
    """The address a cell holds: written out, or as a Markdown link ("[посилання](https://…)",
    a Word table's linked word), alone or on its first line over a note; "" if none."""
    cell = cell.strip()
    first, newline, _ = cell.partition("\n")
    if newline and (above := _cell_link(first)):
        return above  # (an app's task: its link, then a remark under it)
    if cell.startswith("<") and cell.endswith(">"):  # Markdown's autolink: "<https://…>"
        cell = cell[1:-1].strip()
    if URL_IN_TEXT.fullmatch(cell):
        return cell
    found = MD_LINK.fullmatch(cell)
    return found[2] if found is not None and URL_IN_TEXT.fullmatch(found[2]) else ""


def _unquoted(cell: str) -> str:
    """A tab-separated cell's text: without the quotes around it, if it is quoted whole."""
    if len(cell) >= 2 and cell[0] == cell[-1] == '"' and '"' not in cell[1:-1].replace('""', ""):
        return cell[1:-1].replace('""', '"')
    return cell


_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


_TITLE_NAMES = ("title", "headline", "заголовок", "назва", "name", "тема", "content")
_PARENT_NAMES = ("parentid", "parent id", "parent_id", "parent task")
_LIST_NAMES = frozenset(
    {"list", "list name", "project", "section", "список", "проєкт", "проект", "status", "статус"}
)  # (and a status column: "❌ не беремо")
_LINK_NAMES = ("url", "link", "посилання", "ссылка", "лінк")
_NOT_A_TIME = ("timezone", "time zone", "time_zone")  # a column's name, of no moment (Todoist's)
