"""Which reader a listing's text takes, and the lines it gives.

A listing may be a mail saved as a file, a chat's export (LINE's, KakaoTalk's, Mattermost's),
an outline (OPML, Roam's JSON), a Google Keep note or an Obsidian canvas, a feed, other
JSON, a reference manager's records (RIS, BibTeX, EndNote), a table, a page copied as text,
or HTML: a Telegram export, a browser's bookmarks, or a page (importhtml reads it, with
what the page's structured data and scripts say). `listing_lines` tells which and returns
the lines for the walk (importer.py) and notes on what could not be read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .importchats import jsonl_lines
from .importcopies import (
    CHAT_LINE,
    KAKAO_DAY,
    LINE_CHAT,
    OPML,
    kakao_chat_text,
    line_chat_text,
    outline_text,
    text_lines,
)
from .importexports import canvas_text, keep_note_text, outline_json_text
from .importfeeds import FEED, MAIL_PART, SAVED_MAIL, feed_lines, mail_body
from .importhtml import BODY, CONTENT_START, HTML, SAVED_FROM, HTMLListing
from .importjson import json_lines
from .importlinks import absolute, page_base
from .importmodel import Dropped, Line
from .importpages import (
    link_attributed,
    link_labelled,
    link_round_up,
    script_moments,
    structured_list,
    unrendered,
)
from .importpasses import CHAT_TIMES
from .importrecords import (
    BIBTEX,
    ENDNOTE,
    RIS,
    bibtex_lines,
    bookmark_lines,
    endnote_lines,
    ris_lines,
    table_lines,
)
from .importtelegram import is_telegram_export, telegram_lines
from .importtext import CONTROL, SHOWN_MOMENT, XML_DECLARATION
from .importzones import zone_of_language, zone_of_links, zone_of_site
from .markuptree import html_document
from .reader import normalise_text


def listing_lines(
    text: str, base: str = "", timezone: str | None = None
) -> tuple[list[Line], list[Dropped]]:
    """Return the lines of a listing, and notes on what could not be read from its HTML."""
    text = normalise_text(text)
    if SAVED_MAIL.match(text):  # a mail saved as a file (.eml): its HTML part, else its text
        body = mail_body(text)
        if body is not None:
            lines, notes = listing_lines(body, base, timezone)
            return lines, [Dropped(1, "MIME-Version", MAIL_PART), *notes]
    if LINE_CHAT.match(text):
        return listing_lines(line_chat_text(text), base, timezone)
    if KAKAO_DAY.search(text[:2000]):
        return listing_lines(kakao_chat_text(text), base, timezone)
    if OPML.match(text):
        outline = outline_text(text)
        if outline is not None:
            return listing_lines(outline, base, timezone)
    if FEED.match(text):
        return feed_lines(text, base, timezone)
    if text.lstrip().startswith('{"type":') and text.count("\n{") >= 2:
        posts = jsonl_lines(text, timezone)  # Mattermost's bulk export, a JSON object a line
        if posts is not None:
            return posts, []
    if text.lstrip().startswith("{") and '"textContent"' in text:
        written = keep_note_text(text)  # a Google Keep note from Takeout
        if written is not None:
            return listing_lines(written, base, timezone)
    if text.lstrip().startswith("{") and '"nodes"' in text:
        canvas = canvas_text(text)  # Obsidian's canvas: its groups and cards
        if canvas is not None:
            return listing_lines(canvas, base, timezone)
    if text.lstrip().startswith("["):
        outline = outline_json_text(text)  # Roam Research's daily notes
        if outline is not None:
            return listing_lines(outline, base, timezone)
    if text.lstrip().startswith(("{", "[", "window.YTD.")):  # (X's archive: a script)
        found = json_lines(text, base, timezone)
        if found is not None:
            return found
    if RIS.match(text):
        return ris_lines(text), []
    if BIBTEX.match(text):
        return bibtex_lines(text), []
    if ENDNOTE.match(text):
        return endnote_lines(text), []
    if not HTML.search(text):
        chat = sum(1 for line in text.split("\n")[:400] if CHAT_LINE.match(line.lstrip("\u200e")))
        table = table_lines(text) if chat < CHAT_TIMES else None  # (a chat's commas: no CSV)
        if table is not None:
            return table, []
        return _tables_within(text, text_lines(text)), []
    text = XML_DECLARATION.sub("", CONTROL.sub("", text.replace("\x0c", " ")), count=1)
    start = CONTENT_START.search(text) if not BODY.search(text) else None
    if start is not None:
        # No <body> (HTML5 lets it go unwritten; a fragment starting with a <style>): libxml2
        # would keep <header>, <main> and <article> in the <head>, which is never read.
        text = text[: start.start()] + "<body>" + text[start.start() :]
    root = html_document(text)
    if root is None:  # nothing but white space or comments
        return [], []
    if is_telegram_export(root):
        return telegram_lines(root, timezone)
    if "NETSCAPE-Bookmark-file" in text[:200]:
        return bookmark_lines(root, base, timezone), []
    saved = SAVED_FROM.search(text[:2000])  # "<!-- saved from url=(0046)https://… -->"
    base = page_base(root) or base or (saved[1] if saved else "")
    link_round_up(root)
    link_attributed(root, base)
    link_labelled(root)
    links = (absolute(a.get("href") or "", base) or "" for a in root.iter("a"))
    # Times given without a zone are the page's country's: its address's, its links', else
    # its language's.
    assumed = zone_of_site(base) or zone_of_links(links) or zone_of_language(root.get("lang"))
    reader = HTMLListing(root, base, timezone, assumed=assumed)
    reader.read()
    listed = structured_list(root, base, timezone)
    shown = {line.link for line in reader.lines if line.link}
    if len(listed) >= 2 and sum(line.link in shown for line in listed) * 2 < len(listed):
        # The page's list is only in its structured data (built in the browser): read that.
        note = Dropped(
            listed[0].number,
            '<script type="application/ld+json">',
            f"{len(listed)} headlines read from the page's structured data (its ItemList): "
            "the page as saved does not show its list",
        )
        return listed, [note]
    reader.notes.extend(unrendered(root, reader.lines))
    items = [line for line in reader.lines if line.item]
    if items and not any(
        line.stamp != (None, None) or any(SHOWN_MOMENT.search(text) for _, text in line.beside)
        for line in items
    ):  # its cards show no date or time: its script data may (La Nación's)
        moments = script_moments(root, base, timezone, assumed)
        reader.lines = [
            replace(line, stamp=moments[line.link])
            if line.item and line.stamp == (None, None) and line.link in moments
            else line
            for line in reader.lines
        ]
    firsts = {note.reason: note for note in reversed(reader.notes)}  # one of each kind
    return reader.lines, sorted(firsts.values(), key=reader.notes.index)


_TABLE_ROW = re.compile(r"\|.*\|")
_TABLE_RULE = re.compile(r"\|(?:\s*:?-{3,}:?\s*\|)+")


def _tables_within(text: str, lines: list[Line]) -> list[Line]:
    """A document's lines with each Markdown table in it (a header, its rule, its rows: a
    Notion page's, an Obsidian note's) read as a table, its rows in place of its lines: a
    row was a headline of pipes and cells ("| Title | https://… | 21:47 |")."""
    raw = text.split("\n")
    blocks, start = [], 0
    while start < len(raw):
        end = start
        while end < len(raw) and _TABLE_ROW.fullmatch(raw[end].strip()):
            end += 1
        if end - start >= 3 and _TABLE_RULE.fullmatch(raw[start + 1].strip()):
            blocks.append((start, end))  # (0-based, its first line and the one after it)
        start = max(end, start + 1)
    for first, after in blocks:
        table = table_lines("\n".join(raw[first:after]))
        if table is None:
            continue
        rows = [replace(line, number=line.number + first) for line in table]
        kept = [line for line in lines if not first < line.number <= after]
        at = next((i for i, line in enumerate(kept) if line.number > after), len(kept))
        lines = kept[:at] + rows + kept[at:]
    return lines
