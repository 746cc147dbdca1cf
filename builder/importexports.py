"""Listings that are JSON (and text) tools export: what an editor keeps, saves and plans.

Firefox's and Chrome's bookmarks, Chrome's history and Google Keep's notes from Takeout,
Google Tasks, Microsoft To Do, Linkwarden, Hypothesis's annotations, a Day One journal, a
Trello board, Roam Research's daily notes and an Obsidian canvas (the last three as the
Markdown they show): each into the lines the walk reads, with line numbers found in the text
(`Positions`). A chat's export is importchats'; importjson reads the rest (feeds, APIs' lists
of posts) and asks `export_lines` first.
"""

from __future__ import annotations

import json
import re
import urllib.parse
import zoneinfo
from collections.abc import Iterator
from typing import Any

from .importchats import Positions, chat_lines, day_of, nested
from .importdates import epoch_stamp, read_stamp
from .importlinks import (
    ATTACHED,
    ATTACHMENT,
    INDEX,
    article_link,
    index_page,
    profile,
    saved_page,
)
from .importmodel import Line
from .importtext import JSON_ERRORS, REJECTED_LIST, URL_IN_TEXT, collapse, split_link, url_end


def export_lines(data: Any, at: Positions, timezone: str | None) -> list[Line] | None:
    """The lines of JSON a tool exported, as `json_lines` reads them; None for other JSON."""
    if _is_places_backup(data):
        return _places_bookmark_lines(data, at, timezone)
    if _is_chrome_bookmarks(data):
        return _chrome_bookmark_lines(data["roots"], at, timezone)
    if _is_day_one(data):
        return _journal_lines(data["entries"], at, timezone)
    if isinstance(data, dict) and data.get("kind") == "tasks#taskLists":
        return _task_lines(data.get("items") or [], at)
    if isinstance(data, dict) and isinstance(data.get("Browser History"), list):
        return _history_lines(data["Browser History"], at, timezone)
    chat = chat_lines(data, at, timezone)
    if chat is not None:
        return chat
    if _is_trello_board(data):
        return _trello_lines(data, at, timezone)
    if (
        isinstance(data, dict)
        and isinstance(data.get("collections"), list)
        and "pinnedLinks" in data
    ):
        return _collection_lines(data["collections"], at, timezone)  # Linkwarden's export
    if isinstance(data, dict) and "/todo/lists" in str(data.get("source") or ""):
        return _todo_lines(data.get("lists") or [], at, timezone)  # Microsoft To Do's lists
    if (
        isinstance(data, dict)
        and isinstance(data.get("annotations"), list)
        and "export_date" in data
    ):
        return _annotated_pages(data["annotations"], at, timezone)  # Hypothesis's export
    return None


def _todo_lines(lists: list[Any], at: Positions, timezone: str | None) -> list[Line]:
    """Microsoft To Do's lists as its API gives them (an export tool's JSON): each task with
    an article's link (after its title, else in its notes) a headline, on its due day (a
    moment in UTC: 21:00 the day before is Kyiv's midnight), else the day it was made; the
    flagged mails' list, a list of rejected stories and a task with no article none."""
    lines = []
    for listed in lists:
        if not isinstance(listed, dict) or listed.get("wellknownListName") == "flaggedEmails":
            continue
        if REJECTED_LIST.search(str(listed.get("displayName") or "")):
            continue
        for task in listed.get("tasks") or []:
            if not isinstance(task, dict):
                continue
            title, url = split_link(collapse(str(task.get("title") or "")))
            if not url:
                body = str(nested(task, "body", "content") or "")
                url = next(iter(URL_IN_TEXT.findall(body)), "")
            linked = task.get("linkedResources")  # (a page shared to it from a browser)
            if not url and isinstance(linked, list) and linked and isinstance(linked[0], dict):
                url = str(linked[0].get("webUrl") or "")
            url = url_end(url)
            if not title or not url or not article_link(url):
                continue
            due = nested(task, "dueDateTime", "dateTime")
            moment = f"{str(due)[:19]}+00:00" if due else str(task.get("createdDateTime") or "")
            kept = saved_page(url) or (INDEX if index_page(url) else "")
            number = at.line(str(task.get("id") or title))
            lines.append(
                Line(number, title, url, day_of(moment, timezone), item=True, dropped=kept)
            )
    return lines


def _collection_lines(collections: list[Any], at: Positions, timezone: str | None) -> list[Line]:
    """Linkwarden's export: each link saved a headline, on the day it was saved (a bookmark's
    day), in any collection but one of rejected stories; a PDF saved is none."""
    lines = []
    for collection in collections:
        if not isinstance(collection, dict) or REJECTED_LIST.search(str(collection.get("name"))):
            continue
        for link in collection.get("links") or []:
            if not isinstance(link, dict):
                continue
            url, title = link.get("url"), collapse(str(link.get("name") or ""))
            if not isinstance(url, str) or not url.startswith(("http://", "https://")) or not title:
                continue
            day = day_of(str(link.get("createdAt") or ""), timezone)
            kept = saved_page(url)
            if link.get("type") == "pdf" or ATTACHMENT.search(url):
                kept = ATTACHED
            lines.append(Line(at.line(url), title, url, day, item=True, dropped=kept))
    return lines


def _annotated_pages(annotations: list[Any], at: Positions, timezone: str | None) -> list[Line]:
    """Hypothesis's export of annotations: each page annotated a headline, once (its
    document's title, its address), on the day it was first annotated; a reply is none."""
    lines, seen = [], set()
    for note in annotations:
        if not isinstance(note, dict) or note.get("references"):
            continue  # (a reply to another annotation)
        url = note.get("uri")
        document = note.get("document")
        titles = document.get("title") if isinstance(document, dict) else None
        title = collapse(str(titles[0])) if isinstance(titles, list) and titles else ""
        if not isinstance(url, str) or not url.startswith(("http://", "https://")) or not title:
            continue
        if url in seen:
            continue
        seen.add(url)
        day = day_of(str(note.get("created") or ""), timezone)  # (annotated then)
        dropped = ATTACHED if ATTACHMENT.search(url) else saved_page(url)
        lines.append(Line(at.line(url), title, url, day, item=True, dropped=dropped))
    return lines


def _places_bookmark_lines(root: dict[str, Any], at: Positions, timezone: str | None) -> list[Line]:
    """Firefox's bookmarks backup (its JSON, the Places tree): each bookmark a headline, on
    the day it was saved (dateAdded, in microseconds), as in Netscape's format; Firefox's
    own bookmarks (its "Mozilla Firefox" folder and "Getting Started", whose icons it fakes:
    "fake-favicon-uri:") are none."""
    lines = []
    for node in _tree(root):
        url, title = node.get("uri"), collapse(str(node.get("title") or ""))
        if not isinstance(url, str) or not url.startswith(("http://", "https://")) or not title:
            continue
        day = day_of(epoch_stamp(str(node.get("dateAdded") or "")), timezone)  # (saved then)
        own = str(node.get("iconUri") or "").startswith("fake-favicon-uri:")
        kept = INDEX if own else saved_page(url)
        lines.append(Line(at.line(url), title, url, day, item=True, dropped=kept))
    return lines


def _chrome_bookmark_lines(
    roots: dict[str, Any], at: Positions, timezone: str | None
) -> list[Line]:
    """Chrome's bookmarks file (Bookmarks in its profile: the bar's, the other and the
    phone's bookmarks, each a tree): each bookmark a headline, on the day it was saved
    (date_added: microseconds since 1601, as Windows counts)."""
    lines = []
    for node in _tree({"children": list(roots.values())}):
        url, title = node.get("url"), collapse(str(node.get("name") or ""))
        if node.get("type") != "url" or not isinstance(url, str) or not title:
            continue
        if not url.startswith(("http://", "https://")):
            continue
        added = str(node.get("date_added") or "")
        since_1970 = str(int(added) - _WINDOWS_EPOCH) if added.isdigit() else ""
        day = day_of(epoch_stamp(since_1970), timezone)  # (saved then)
        lines.append(Line(at.line(url), title, url, day, item=True, dropped=saved_page(url)))
    return lines


_WINDOWS_EPOCH = 11_644_473_600_000_000  # 1970 in microseconds since 1601


def _tree(root: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A bookmarks tree's nodes, folders and bookmarks, in their order (no recursion: a tree
    may be deeper than Python's stack)."""
    pending = [root]
    while pending:
        node = pending.pop()
        children = node.get("children")
        if isinstance(children, list):
            pending.extend(c for c in reversed(children) if isinstance(c, dict))
        yield node


def _history_lines(visits: list[Any], at: Positions, timezone: str | None) -> list[Line]:
    """Chrome's history as Google Takeout gives it (BrowserHistory.json, newest first): each
    article visited a headline, once, on the day of its first visit (time_usec); what is no
    article is left out, and a history holds much of it: searches, sections' and sites' own
    pages, web apps, short links whose title is their address."""
    lines, seen = [], set()
    for visit in reversed(visits):
        if not isinstance(visit, dict):
            continue
        url, title = visit.get("url"), collapse(str(visit.get("title") or ""))
        if not isinstance(url, str) or not url.startswith(("http://", "https://")) or not title:
            continue
        if url in seen:
            continue  # (visited again, reloaded)
        seen.add(url)
        day = day_of(epoch_stamp(str(visit.get("time_usec") or "")), timezone)
        reason = saved_page(url)
        if not reason and (index_page(url) or profile(url) or _section_path(url)):
            reason = INDEX
        if not reason and URL_IN_TEXT.fullmatch(title):
            reason = _UNTITLED_PAGE
        lines.append(Line(at.line(url), title, url, day, item=True, dropped=reason))
    return lines


_UNTITLED_PAGE = "a page visited whose title is its address (a short link's): no headline"


def _section_path(url: str) -> bool:
    """Whether an address reads as a section's page ("/news/world/europe", "/news/"): a few
    words, none with a figure or more than one hyphen (an article's slug has them)."""
    try:
        segments = [part for part in urllib.parse.urlsplit(url).path.split("/") if part]
    except ValueError:
        return False
    return len(segments) <= 3 and all(
        not any(c.isdigit() for c in part) and part.count("-") <= 1 for part in segments
    )


def _is_chrome_bookmarks(data: Any) -> bool:
    """Whether JSON is Chrome's (or Edge's, Brave's) bookmarks file: its roots and version."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("roots"), dict)
        and "bookmark_bar" in data["roots"]
        and "version" in data
    )


def _is_places_backup(data: Any) -> bool:
    """Whether JSON is Firefox's bookmarks backup (its root, "placesRoot")."""
    return isinstance(data, dict) and data.get("root") == "placesRoot"


def _is_trello_board(data: Any) -> bool:
    """Whether JSON is a Trello board's export (its lists and cards)."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("cards"), list)
        and isinstance(data.get("lists"), list)
        and "prefs" in data
    )


# A list of cards not to publish, by its name: "Відхилено", "Rejected".


def _trello_lines(board: dict[str, Any], at: Positions, timezone: str | None) -> list[Line]:
    """A Trello board: each open card of an open list (not one of rejected cards) a headline,
    its name the title, its link its first attachment that is no upload, else the first
    address in its description; under its list's name, which dates it where it names a day
    ("16 липня"), else on its due day."""
    lines = []
    cards: dict[str, list[dict[str, Any]]] = {}
    for card in board["cards"]:
        if isinstance(card, dict) and not card.get("closed"):
            cards.setdefault(str(card.get("idList")), []).append(card)
    for listed in board["lists"]:
        if not isinstance(listed, dict) or listed.get("closed"):
            continue
        name = collapse(str(listed.get("name") or ""))
        if REJECTED_LIST.search(name):
            continue
        lines.append(Line(at.line(name), name, outside=True, heading=True))
        for card in sorted(cards.get(str(listed.get("id")), []), key=_position):
            attached = (
                str(a.get("url") or "")
                for a in card.get("attachments") or []
                if isinstance(a, dict) and not a.get("isUpload")
            )
            described = (
                found.group() for found in URL_IN_TEXT.finditer(str(card.get("desc") or ""))
            )
            url = next((u for u in (*attached, *described) if article_link(url_end(u))), "")
            title = collapse(str(card.get("name") or ""))
            if not url or not title:
                continue
            due = str(card.get("due") or "")
            day = day_of(due, timezone) if due else (None, None)
            lines.append(
                Line(at.line(str(card.get("id") or title)), title, url_end(url), day, item=True)
            )
    return lines


def _is_day_one(data: Any) -> bool:
    """Whether JSON is Day One's export of a journal (its entries, each its Markdown text)."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("entries"), list)
        and any(
            isinstance(e, dict) and "creationDate" in e and "text" in e for e in data["entries"]
        )
    )


def _journal_lines(entries: list[Any], at: Positions, timezone: str | None) -> list[Line]:
    """A Day One journal: each entry's day (when it was written, in its own zone), then its
    Markdown's lines, read as an editor's list (Day One's escapes, "\\.", taken off)."""
    lines = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            continue
        zone = entry.get("timeZone") if isinstance(entry.get("timeZone"), str) else timezone
        stamp = read_stamp(str(entry.get("creationDate") or ""), _known_zone(zone) or timezone)
        number = at.line(str(entry.get("uuid") or entry["text"][:40]))
        if stamp is not None:
            lines.append(Line(number, stamp[0].isoformat()))
        for offset, text in enumerate(_MARKDOWN_ESCAPE.sub(r"\1", entry["text"]).split("\n")):
            lines.append(Line(number + offset, text))
    return lines


_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # "\.", "\-", "\(": Day One's


def _known_zone(name: str | None) -> str | None:
    """A time zone's name when it is one this machine knows ("Europe/Kiev" is, as an alias)."""
    try:
        return name if name and zoneinfo.ZoneInfo(name) else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def _task_lines(lists: list[Any], at: Positions) -> list[Line]:
    """Google Tasks as Takeout gives them (Tasks.json: its lists, each with its tasks): each
    task with an article's link (in its notes, else after its title) a headline, on its due
    day (a date: "2024-07-16T00:00:00.000Z" is that day, in no zone); a subtask, a list of
    rejected stories, a task with no article (a mail's, an account's page) none."""
    lines = []
    for listed in lists:
        if not isinstance(listed, dict) or REJECTED_LIST.search(str(listed.get("title") or "")):
            continue
        for task in listed.get("items") or []:
            if not isinstance(task, dict) or task.get("parent"):
                continue
            title, url = split_link(collapse(str(task.get("title") or "")))
            if not url:
                url = next(iter(URL_IN_TEXT.findall(str(task.get("notes") or ""))), "")
            url = url_end(url)
            if not title or not url or not article_link(url):
                continue
            stamp = read_stamp(str(task.get("due") or "")[:10], None)  # (the day: no zone)
            day = (stamp[0], None) if stamp else (None, None)
            reason = saved_page(url) or (INDEX if index_page(url) else "")
            number = at.line(str(task.get("id") or title))
            lines.append(Line(number, title, url, day, item=True, dropped=reason))
    return lines


def _position(card: dict[str, Any]) -> float:
    """A Trello card's place in its list (its "pos"; a card without one, first)."""
    pos = card.get("pos")
    return float(pos) if isinstance(pos, (int, float)) else 0.0


# Roam Research's daily note: its page's title is its day ("July 16th, 2024").
_DAILY_NOTE = re.compile(r"[A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th), \d{4}")
_ROAM_MARKER = re.compile(r"\{\{\[\[(?:TODO|DONE)\]\]\}\}\s*")  # a task's box
_ROAM_TAG = re.compile(r"\s*#\[\[[^\[\]]+\]\]")  # "#[[Donetsk Oblast]]": a tag, no words of it
_ROAM_LABEL = re.compile(r"\[\[[^\[\]]+\]\]\s*(?=\[[^\]]+\]\()")  # "[[ISW]] [Title](…)"
_ROAM_PAGE = re.compile(r"\[\[([^\[\]]+)\]\]")  # "[[Дайджест]] — вечір": a page's name
_ROAM_ONLY = re.compile(r"\s*(?:\{\{.*\}\}|\(\([\w-]{9}\)\).*|[\w ]+::.*)")  # an embed, a
# block's reference (a repeat), a query, an attribute ("Source:: …"): no story of its own


def outline_json_text(text: str) -> str | None:
    """Roam Research's JSON export as the Markdown its daily notes show: each daily note's
    day, then its blocks as a list (a task's box, a page's brackets and its tags undone; an
    embed, a reference to another block, a query and an attribute left out); its other pages
    (a topic's, a template's) none. None for other JSON."""
    try:
        data = json.loads(text)
    except JSON_ERRORS:
        return None
    pages = data if isinstance(data, list) else []
    if not pages or not all(isinstance(p, dict) and "title" in p for p in pages):
        return None
    if not any(isinstance(p.get("children"), list) and "uid" in p for p in pages):
        return None
    out: list[str] = []
    for page in pages:
        title = str(page.get("title") or "")
        if not _DAILY_NOTE.fullmatch(title) or not isinstance(page.get("children"), list):
            continue
        out.append(f"# {title}")
        pending = [(block, 0) for block in reversed(page["children"]) if isinstance(block, dict)]
        while pending:
            block, depth = pending.pop()
            words = str(block.get("string") or "")
            if not _ROAM_ONLY.fullmatch(words):
                words = _ROAM_LABEL.sub("", _ROAM_TAG.sub("", _ROAM_MARKER.sub("", words)))
                words = _ROAM_PAGE.sub(r"\1", words)
                level = block.get("heading")  # (a heading block: "### Дайджест — ранок")
                if isinstance(level, int) and 1 <= level <= 3:
                    out.append("#" * (level + 1) + " " + words)
                else:
                    out.append("  " * depth + "- " + words)
            children = block.get("children")
            if isinstance(children, list):
                pending.extend((c, depth + 1) for c in reversed(children) if isinstance(c, dict))
    return "\n".join(out)


def canvas_text(text: str) -> str | None:
    """Obsidian's canvas (.canvas JSON): each group's label as a heading (a day's, "Вівторок,
    16.07"), then the Markdown of the text cards inside it, top to bottom; a group of rejected
    stories ("Не беремо") left out with its cards; link and file cards (a map, a copy) none.
    None for other JSON."""
    try:
        data = json.loads(text)
    except JSON_ERRORS:
        return None
    nodes = data.get("nodes") if isinstance(data, dict) else None
    if not isinstance(nodes, list) or "edges" not in data:
        return None
    cards = [n for n in nodes if isinstance(n, dict) and n.get("type") == "text"]
    groups = [n for n in nodes if isinstance(n, dict) and n.get("type") == "group"]

    def inside(card: dict[str, Any], group: dict[str, Any]) -> bool:
        x, y = _number(card.get("x")), _number(card.get("y"))
        left, top = _number(group.get("x")), _number(group.get("y"))
        return left <= x < left + _number(group.get("width")) and top <= y < top + _number(
            group.get("height")
        )

    out: list[str] = []
    placed: set[int] = set()
    for group in sorted(groups, key=lambda g: (_number(g.get("y")), _number(g.get("x")))):
        label = collapse(str(group.get("label") or ""))
        held = [c for c in cards if id(c) not in placed and inside(c, group)]
        placed.update(id(c) for c in held)
        if REJECTED_LIST.search(label):
            continue
        out.append(f"# {label}" if label else "")
        for card in sorted(held, key=lambda c: (_number(c.get("y")), _number(c.get("x")))):
            out += [*_card_lines(card), ""]
    loose = [c for c in cards if id(c) not in placed]
    for card in sorted(loose, key=lambda c: (_number(c.get("y")), _number(c.get("x")))):
        out += [*_card_lines(card), ""]
    return "\n".join(out)


_TODO = re.compile(r"\s*[-*] \[[ xX]\] ")  # "- [ ] знайти коментар МОЗ": a to-do, not a story


def _card_lines(card: dict[str, Any]) -> list[str]:
    """A text card's lines, its to-dos without a link left out."""
    lines = str(card.get("text") or "").split("\n")
    return [line for line in lines if not (_TODO.match(line) and not URL_IN_TEXT.search(line))]


def _number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0


def keep_note_text(text: str) -> str | None:
    """A Google Keep note from Takeout (JSON: textContent, its links' previews in
    annotations) as the text an editor wrote, a bare link that no title stands over given its
    preview's title ("[Title](https://…)"). None for other JSON."""
    try:
        data = json.loads(text)
    except JSON_ERRORS:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("textContent"), str):
        return None
    if "userEditedTimestampUsec" not in data:
        return None
    titles = {
        str(a.get("url")): collapse(str(a.get("title") or ""))
        for a in data.get("annotations") or []
        if isinstance(a, dict) and a.get("url")
    }
    out: list[str] = []
    titled = False  # whether the line above is words a link under it may take
    for line in data["textContent"].split("\n"):
        bare = URL_IN_TEXT.fullmatch(line.strip())
        if bare is not None and not titled and titles.get(bare.group()):
            line = f"[{titles[bare.group()]}]({bare.group()})"
        titled = bool(line.strip()) and URL_IN_TEXT.search(line) is None
        out.append(line)
    return "\n".join(out)
