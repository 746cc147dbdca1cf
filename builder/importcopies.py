"""Text copied or saved from somewhere else, made into the lines of a listing.

A listing pasted as text keeps the marks of where it came from: a PDF's lines broken in the
middle of a word or a link (put together again), a Google Doc's comments and their marks
(left out), OneNote's "From <URL>" under each snippet pasted from a browser (each snippet
read as a page's item, its first line the headline). `text_lines` undoes them.
An outliner's OPML export (Workflowy's, Dynalist's) is made into the Markdown list it shows
(`outline_text`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from .importdates import is_age
from .importmodel import Line
from .importtext import REJECTED_LIST, URL_IN_TEXT, URL_LINE
from .markuptree import html_fragment, local_name, xml_document


def text_lines(text: str) -> list[Line]:
    """The lines of a listing in text; a word a copied PDF hyphenated at a line's end is put
    together again ("на Покров-" / "ському напрямку"), on the first line's number."""
    lines: list[Line] = []
    raw = text.split("\n")
    broken = any(  # whether lines were broken as a PDF's are (a word or a link across two)
        (_HYPHENATED.search(before) and after[:1].islower())
        or (_BROKEN_URL.search(before) and _URL_REST.fullmatch(after.strip()))
        for before, after in itertools.pairwise(raw)
    )
    for number, line in enumerate(raw, 1):
        last = lines[-1].text.rstrip() if lines else ""
        if _HYPHENATED.search(last) and not URL_IN_TEXT.search(last) and line[:1].islower():
            lines[-1] = replace(lines[-1], text=last[:-1] + line)
            continue
        if (
            _BROKEN_URL.search(last)
            and _URL_REST.fullmatch(line.strip())
            and (last.endswith("-") or _PATH_REST.search(line.strip()))
        ):
            lines[-1] = replace(lines[-1], text=last + line.strip())  # "…zitknen-" / "nya-1.html"
            continue
        if broken and _WRAPPED_END.search(last) and _WRAPPED_REST.fullmatch(line.strip()):
            # "…зросла кількість поранених до" / "17": a title the PDF wrapped, no hyphen
            lines[-1] = replace(lines[-1], text=f"{last} {line.strip()}")
            continue
        if (
            _WRAPPED_END.search(last)
            and _WRAPPED_TAIL.fullmatch(line.strip())
            and number < len(raw)
            and URL_LINE.fullmatch(raw[number].strip())
        ):  # "…from allies, officials" / "say, but numbers remain small" / its link: wrapped
            lines[-1] = replace(lines[-1], text=f"{last} {line.strip()}")
            continue
        if (
            len(last) >= _SENTENCE_WRAPPED
            and _WRAPPED_END.search(last)
            and line[:1].islower()
            and line.rstrip().endswith(".")
            and len(line.split()) >= 3
            and not is_age(line)  # (an age under its title: "prieš 38 min.")
        ):  # "Видання зазначає, що …, однак їхня" / "кількість є недостатньою … фронті."
            lines[-1] = replace(lines[-1], text=f"{last} {line.strip()}")
            continue
        lines.append(Line(number, line))
    return _clipped(_uncommented(_times_first(lines)))


# A headline with its time after it on its line, as some feeds show them ("Title ФОТО 21:47").
_TIME_AFTER = re.compile(r"(?P<title>\S.*?\S)\s+(?P<time>[012]?\d:[0-5]\d)\s*")
_TIME_ALONE = re.compile(r"\s*[012]?\d:[0-5]\d\s*")
_TIMES_AFTER = 3  # lines so, at least, in a listing with no time on a line of its own


def _times_first(lines: list[Line]) -> list[Line]:
    """A listing whose headlines end with their times ("… – Генштаб 17:02"), each written
    with its time first ("17:02 … – Генштаб"), as the walk reads a time before a headline."""
    after = [i for i, line in enumerate(lines) if _timed_after(line.text)]
    if len(after) < _TIMES_AFTER or any(_TIME_ALONE.fullmatch(line.text) for line in lines):
        return lines
    moved = list(lines)
    for i in after:
        found = _TIME_AFTER.fullmatch(lines[i].text)
        if found is not None:
            moved[i] = replace(lines[i], text=f"{found['time']} {found['title']}")
    return moved


def _timed_after(text: str) -> bool:
    """Whether a line is a headline of three words or more with a time after it (not a date
    and its time, "Понеділок, 15 липня 2024, 17:20", nor a sender's, "Name | Channel 08:01")."""
    found = _TIME_AFTER.fullmatch(text)
    return (
        found is not None
        and len(found["title"].split()) >= 3
        and _DATED.search(found["title"]) is None
    )


_DATED = re.compile(r"\d{4}|\d{1,2}[./]\d{1,2}|[|,]\s*$|\|")  # a year, a day and month, a bar


# A comment in a Google Doc downloaded as text: its mark after the words it is on ("…[a]"),
# and its text at the document's end ("[a]перевірити дату").
_COMMENT = re.compile(r"\[([a-z]{1,3})\](?=\S)")


_COMMENT_MARK = re.compile(r"\[([a-z]{1,3})\]")


_COMMENTED = "a comment on the document (Google Docs writes them at its end), not a headline"


def _uncommented(lines: list[Line]) -> list[Line]:
    """A document's lines without its comments' marks, and its comments said to be none."""
    ends = {line.number: found[1] for line in lines if (found := _COMMENT.match(line.text))}
    marked = {
        mark
        for line in lines
        if line.number not in ends
        for mark in _COMMENT_MARK.findall(line.text)
    }
    if not ends or not set(ends.values()) <= marked:
        return lines
    return [
        replace(line, dropped=_COMMENTED)
        if line.number in ends
        else replace(
            line, text=_COMMENT_MARK.sub(lambda m: "" if m[1] in marked else m[0], line.text)
        )
        for line in lines
    ]


# What OneNote writes under anything pasted from a browser: "From <https://…>".
_CLIPPED_FROM = re.compile(r"\s*From <(https?://[^\s<>]+)>\s*")


def _clipped(lines: list[Line]) -> list[Line]:
    """Read a notebook's page of snippets pasted from browsers (OneNote's), each ending in a
    "From <URL>" line, as a page's items: the snippet's first line its headline, with that
    link, and the lines under it (its date, byline, lead) beside it. Other lines of the page
    (its title and date, an editor's sections and remarks) are outside the items."""
    sources = [i for i, line in enumerate(lines) if _CLIPPED_FROM.fullmatch(line.text)]
    if len(sources) < 2:
        return lines
    kept: list[Line] = []
    start = 0
    for end in sources:
        first = end
        while first > start and not lines[first - 1].text.strip():
            first -= 1  # the empty line OneNote leaves under a paste
        while first > start and lines[first - 1].text.strip():
            first -= 1  # the snippet: lines up to the empty one above it
        kept.extend(replace(line, outside=True) for line in lines[start:first])
        block = [line for line in lines[first:end] if line.text.strip()]
        if block:
            url = lines[end].text.strip()[len("From <") : -1]
            beside = tuple((line.number, line.text) for line in block[1:])
            kept.append(replace(block[0], link=url, beside=beside, item=True))
        start = end + 1
    kept.extend(replace(line, outside=True) for line in lines[start:])
    return kept


_HYPHENATED = re.compile(r"[^\W\d]-\s*$")  # "Покров-": a word broken at the line's end


_BROKEN_URL = re.compile(r"https?://\S+[-/]$")  # a link broken where it has a '-' or '/'


_PATH_REST = re.compile(r"/|\.(?:html?|php|aspx?)$|^[\d-]+$")  # "7465948/", not "Censor.NET"


# A line a PDF wrapped, in a copy whose lines were broken so: long, ending in a word (no stop),
# and the rest of it short, in lower case or a number ("до" / "17", "a Russian" / "missile").
_WRAPPED_END = re.compile(r"^(?!.*https?://).{45,}[^\W\d]$")


_WRAPPED_REST = re.compile(r"(?:\d+|[^\W\d_A-ZА-ЯЇІЄҐ][\w'’-]*)(?: [\w'’-]+){0,2}[.!?]?")


# The rest of a title wrapped onto the line over its link (a PDF's, a mail's wrapped at a
# width): a few words, the first in lower case ("say, but numbers remain small").
_WRAPPED_TAIL = re.compile(r"[^\W\d_A-ZА-ЯЇІЄҐ][\w'’-]*(?:[,:;]? [\w'’«»“”„\"-]+){0,7}[.!?]?")
# A sentence wrapped so (a press review's summary under its title): its long first line
# ending in a word, the rest in lower case ending with its stop.
_SENTENCE_WRAPPED = 60


_URL_REST = re.compile(r"[A-Za-z0-9%._~/?#=&+-]*[./-][A-Za-z0-9%._~/?#=&+-]*")


# (each comment atomic: one that could stretch to a later "-->" made a page with many
# comments take exponential time to refuse)
OPML = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:(?><!--.*?-->)\s*)*<opml[\s>]", re.DOTALL)


def outline_text(text: str) -> str | None:
    """An OPML outline (an outliner's export: Workflowy's, Dynalist's) as the Markdown list it
    shows: each item a bullet at its depth, its rich text's links as Markdown links, a link in
    its note (or its url attribute) after it when it has none; a date chip (Workflowy's
    <time startYear=…>) as a day's line; a list of rejected stories ("Не беремо") left out.
    None for text that is no outline."""
    root = xml_document(text.encode("utf-8"))
    body = (
        next((c for c in root if isinstance(c.tag, str) and local_name(c) == "body"), None)
        if root is not None
        else None
    )
    if body is None:
        return None
    out: list[str] = []
    pending = [(child, 0) for child in reversed(list(body))]
    while pending:
        node, depth = pending.pop()
        if not isinstance(node.tag, str) or local_name(node) != "outline":
            continue
        shown, day = _rich_text(str(node.get("text") or node.get("title") or ""))
        if REJECTED_LIST.fullmatch(shown.strip()):
            continue  # its stories were turned down
        if day:
            out.append(day)
        else:
            extra = str(node.get("_note") or "") + " " + str(node.get("url") or "")
            found = URL_IN_TEXT.search(extra)
            if found is not None and not URL_IN_TEXT.search(shown) and "](" not in shown:
                shown = f"{shown} {found.group()}"
            out.append("  " * depth + "- " + shown)
        pending.extend((child, depth + 1) for child in reversed(list(node)))
    return "\n".join(out)


def _rich_text(label: str) -> tuple[str, str]:
    """An outline item's text, its HTML as Markdown (links) and text; and the day its date
    chip names ("2024-07-16"), "" if none."""
    if "<" not in label:
        return label, ""
    fragment = html_fragment(label)
    if fragment is None:
        return label, ""
    for chip in fragment.iter("time"):  # (HTML's parser writes attributes' names in lowercase)
        year, month, day = (chip.get(f"start{part}") for part in ("year", "month", "day"))
        if year and month and day and year.isdigit() and month.isdigit() and day.isdigit():
            return fragment.text_content(), f"{int(year):04}-{int(month):02}-{int(day):02}"
    for link in fragment.iter("a"):
        href = link.get("href") or ""
        if URL_IN_TEXT.fullmatch(href):
            link.text, link.tail = f"[{link.text_content()}]({href})", link.tail
            for child in list(link):
                link.remove(child)
    return " ".join(fragment.text_content().split()), ""


# LINE's chat history saved as text: "[LINE] Chat history with …", day lines "2024.07.16
# Tuesday", then "HH:MM<tab>Name<tab>message", a message of several lines in quotes.
LINE_CHAT = re.compile(r"\ufeff?\[LINE\] ")
_LINE_DAY = re.compile(r"(\d{4})[./](\d{2})[./](\d{2})(?:\s*\(?[^\W\d_]+\.?\)?)?")
_LINE_MESSAGE = re.compile(r"(\d{1,2}:\d{2})\t([^\t]*)\t(.*)")


def line_chat_text(text: str) -> str:
    """LINE's chat history as WhatsApp's export writes one ("16.07.2024, 07:13 - Name:
    text"), which the walk reads: each message on its day, its quotes undone."""
    out: list[str] = []
    day = ""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index].rstrip()
        index += 1
        dated = _LINE_DAY.fullmatch(line.strip())
        if dated is not None:
            day = f"{dated[3]}.{dated[2]}.{dated[1]}"
            continue
        message = _LINE_MESSAGE.fullmatch(line)
        if message is None or not day:
            continue  # the header, a notice ("… added … to the group"), a blank line
        words = message[3]
        if words.startswith('"'):  # several lines, in quotes, a quote in them doubled
            while words.replace('""', "").count('"') % 2 and index < len(lines):
                words += "\n" + lines[index].rstrip()
                index += 1
            words = words[1:-1] if words.endswith('"') else words[1:]
            words = words.replace('""', '"')
        first, *rest = (_QUOTED_LINE.sub(r"\1", part) for part in words.split("\n"))
        out.append(f"{day}, {message[1]} - {message[2]}: {first}")
        out.extend(rest)
    return "\n".join(out)


_QUOTED_LINE = re.compile(r'\A\s*"([^"]{12,})"\s*\Z')  # '"Title"': quoted whole, in a message


# KakaoTalk's chat saved as text: day lines "--------------- 2024년 7월 16일 화요일 ----…",
# then "[Name] [오후 3:12] message" (오전 is morning, 오후 afternoon).
KAKAO_DAY = re.compile(r"-{5,} (\d{4})년 (\d{1,2})월 (\d{1,2})일 \S+ -{5,}")
_KAKAO_MESSAGE = re.compile(r"\[([^\]]+)\] \[(오전|오후) (\d{1,2}):(\d{2})\] (.*)")


def kakao_chat_text(text: str) -> str:
    """KakaoTalk's chat history as WhatsApp's export writes one, which the walk reads."""
    out: list[str] = []
    day = ""
    for line in text.split("\n"):
        dated = KAKAO_DAY.search(line)
        if dated is not None:
            day = f"{int(dated[3]):02}.{int(dated[2]):02}.{dated[1]}"
            continue
        message = _KAKAO_MESSAGE.fullmatch(line.strip())
        if message is not None and day:
            hour = int(message[3]) % 12 + (12 if message[2] == "오후" else 0)
            out.append(f"{day}, {hour:02}:{message[4]} - {message[1]}: {message[5]}")
        elif day and out and line.strip():
            out.append(line)  # (the rest of a message: its link on the next line)
    return "\n".join(out)


# A message of a chat exported as text (WhatsApp: "16.07.24, 09:40 - Name: text" from
# Android, "[16.07.24, 09:40:12] Name: text" from an iPhone, "7/16/24, 9:40 AM - Name: text").
CHAT_LINE = re.compile(
    r"\[?(\d{1,2})([./])(\d{1,2})\2(\d{2}|\d{4}),? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
    r"(?:\] | - )(?:([^:]{1,60}): )?"
)
