"""Telegram Desktop's export of a channel's or a chat's history as HTML, read into lines.

Each message is a <div class="message default">: its moment in the title of its date
("16.07.2024 21:15:07 UTC+03:00"), its text in <div class="text">, or in the message it
forwards. The first line of the text is the headline; the first link in it to an article
(not a channel's or profile's page) is the headline's link.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from .importdates import local
from .importlinks import article_link, href_of
from .importmodel import Dropped, Line
from .importtext import collapse

_TELEGRAM_MOMENT = re.compile(
    r"(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})(?::\d{2})?(?: UTC([+-])(\d{2}):(\d{2}))?"
)


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def is_telegram_export(root: Any) -> bool:
    """Whether the page is a chat history exported by Telegram Desktop."""
    return next(_messages(root), None) is not None


def telegram_lines(root: Any, timezone: str | None) -> tuple[list[Line], list[Dropped]]:
    """One line a message with a link to an article: its first line, that link and its
    moment; a note of the messages without one (alerts, announcements, forwards)."""
    lines: list[Line] = []
    unlinked: list[Dropped] = []
    for message in _messages(root):
        body = next((e for e in message if "body" in _classes(e)), None)
        text = _message_text(body) if body is not None else None
        headline = _first_line(text) if text is not None else ""
        if text is None or not headline:
            continue  # a photo or sticker alone
        number = text.sourceline or message.sourceline or 0
        link = next((href for href in map(href_of, text.iter("a")) if article_link(href)), None)
        if link is None:
            reason = "a message with no link to an article: left out"
            unlinked.append(Dropped(number, headline, reason))
            continue
        lines.append(Line(number, headline, link, _message_moment(body, timezone), item=True))
    return lines, unlinked[:1]


def _messages(root: Any) -> Iterator[Any]:
    """The messages of an exported chat history, oldest first (not its day lines)."""
    for history in root.find_class("history"):
        for message in history:
            if isinstance(message.tag, str) and {"message", "default"} <= _classes(message):
                yield message


def _message_moment(body: Any, timezone: str | None) -> tuple[dt.date | None, dt.time | None]:
    """A message's date and time, from the title of its date ("16.07.2024 21:15:07
    UTC+03:00"), in `timezone`."""
    dated = next((e for e in body if {"date", "details"} <= _classes(e)), None)
    found = (
        _TELEGRAM_MOMENT.match((dated.get("title") or "").strip()) if dated is not None else None
    )
    if found is None:
        return None, None
    day, month, year, hour, minute = (int(found[i]) for i in range(1, 6))
    offset = None
    if found[6]:
        minutes = int(found[7]) * 60 + int(found[8])
        offset = dt.timezone(dt.timedelta(minutes=minutes if found[6] == "+" else -minutes))
    try:
        return local(dt.datetime(year, month, day, hour, minute, tzinfo=offset), timezone)
    except ValueError:
        return None, None


def _message_text(body: Any) -> Any:
    """A message's text: its own, else that of the message it forwards."""
    for part in body:
        if "text" in _classes(part):
            return part
    forwarded = next((part for part in body if "forwarded" in _classes(part)), None)
    return _message_text(forwarded) if forwarded is not None else None


def _first_line(element: Any) -> str:
    """The first line of a message's text, up to its first line break (<br>)."""
    marked = copy.deepcopy(element)
    for br in marked.iter("br"):
        br.tail = "\ue000" + (br.tail or "")  # a private-use character: no text has it
    lines = (collapse(line) for line in marked.text_content().split("\ue000"))
    return next((line for line in lines if line), "")
