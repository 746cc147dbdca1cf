"""Chats' exports that are JSON: the links a team shared in its chat, each a headline.

A day of a Slack channel's export, a Discord channel as DiscordChatExporter writes it, a
Messenger chat from Facebook's "Download Your Information", a Matrix room as Element exports
it, and Mattermost's bulk export (JSONL): each message that shares an article gives a
headline, on the day it was shared (a time of sharing is no article's time). `Positions`
finds the line numbers JSON keeps none of; importexports asks `chat_lines` first.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape as html_unescape
from typing import Any

from .importdates import epoch_stamp, read_stamp
from .importlinks import article_link
from .importmodel import Line
from .importtext import JSON_ERRORS, URL_IN_TEXT, collapse, split_link, url_end


def chat_lines(data: Any, at: Positions, timezone: str | None) -> list[Line] | None:
    """The lines of a chat's export in JSON, as `json_lines` reads them; None for other JSON."""
    if _is_slack_export(data):
        return _slack_lines(data, at, timezone)
    if _is_discord_export(data):
        return _discord_lines(data["messages"], at, timezone)
    if _is_facebook_chat(data):
        return _facebook_chat_lines(data["messages"], at, timezone)
    if isinstance(data, dict) and isinstance(data.get("messages"), list) and "room_name" in data:
        return _matrix_lines(data["messages"], at, timezone)  # Element's export of a room
    return None


def _is_slack_export(data: Any) -> bool:
    """Whether JSON is a day of a channel in Slack's export: a list of its messages."""
    return (
        isinstance(data, list)
        and bool(data)
        and all(isinstance(m, dict) and m.get("type") == "message" and "ts" in m for m in data)
    )


# A link in a Slack message's text: "<https://…>" or "<https://…|its words>".
_SLACK_LINK = re.compile(r"<(https?://[^|>\s]+)(?:\|([^>]+))?>")


def _slack_lines(messages: list[Any], at: Positions, timezone: str | None) -> list[Line]:
    """A channel's day in Slack's export: each link in a message a headline, titled by the
    words it was given ("<https://…|Title>"), else by its preview's (the message's
    attachment's) title; on the day it was shared (ts). A link with neither is none, and so
    is a notice (a member joined)."""
    lines = []
    for message in messages:
        if message.get("subtype"):  # "channel_join", "bot_message"…: no one's message
            continue
        previews = {
            str(a.get("title_link") or a.get("from_url") or ""): str(a.get("title") or "")
            for a in message.get("attachments") or []
            if isinstance(a, dict)
        }
        day = day_of(epoch_stamp(str(message.get("ts") or "")), timezone)
        for found in _SLACK_LINK.finditer(str(message.get("text") or "")):
            url = html_unescape(found[1])
            title = collapse(html_unescape(found[2] or previews.get(url, "")))
            if title and article_link(url):
                lines.append(Line(at.line(found[0]), title, url, day, item=True))
    return lines


def day_of(moment: str, timezone: str | None) -> tuple[dt.date | None, None]:
    """The day of a moment a message was sent, not its time: when a link was shared in a
    chat, not when its article was published."""
    stamp = read_stamp(moment, timezone) if moment else None
    return (stamp[0] if stamp else None), None


def _is_discord_export(data: Any) -> bool:
    """Whether JSON is a channel exported by DiscordChatExporter ({guild, channel, messages})."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("messages"), list)
        and isinstance(data.get("channel"), dict)
        and isinstance(data.get("guild"), dict)
    )


def _discord_lines(messages: list[Any], at: Positions, timezone: str | None) -> list[Line]:
    """A Discord channel's messages: each shared article a headline, titled by its embed's
    title (the preview Discord made), else by the words before its link (a link in <…> has
    no preview); on the day it was shared. Replies, notices and talk are none."""
    lines = []
    for message in messages:
        if not isinstance(message, dict) or message.get("type") != "Default":
            continue  # a reply, a member joined, a message pinned
        day = day_of(str(message.get("timestamp") or ""), timezone)
        content = str(message.get("content") or "")
        previews = {
            str(e.get("url") or ""): str(e.get("title") or "")
            for e in message.get("embeds") or []
            if isinstance(e, dict)
        }
        for found in URL_IN_TEXT.finditer(content):
            url = url_end(found.group()).rstrip(">")
            title = previews.get(url, "")
            if not title and content[: found.start()].rstrip().endswith("<"):
                title = content[: found.start()].rstrip(" <:").split("\n")[-1]
            title = collapse(title)
            if title and article_link(url):
                lines.append(Line(at.line(url), title, url, day, item=True))
    return lines


def _is_facebook_chat(data: Any) -> bool:
    """Whether JSON is a chat from Facebook's "Download Your Information" (Messenger's or
    Instagram's message_1.json: participants, then messages with sender_name, timestamp_ms)."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("participants"), list)
        and isinstance(data.get("messages"), list)
        and any(isinstance(m, dict) and "timestamp_ms" in m for m in data["messages"])
    )


def _facebook_chat_lines(messages: list[Any], at: Positions, timezone: str | None) -> list[Line]:
    """A Messenger chat as Facebook exports it (newest first; its text the bytes of UTF-8
    read as Latin-1, "\u00d0\u0092…", undone), read as `_message_lines`."""
    said = [
        (str(m.get("timestamp_ms") or ""), _unmangled(str(m.get("content") or "")))
        for m in reversed(messages)
        if isinstance(m, dict)
    ]
    return _message_lines(said, at, timezone)


def _matrix_lines(events: list[Any], at: Positions, timezone: str | None) -> list[Line]:
    """A Matrix room as Element exports it in JSON: each text message, as last edited, read
    as `_message_lines`; a reply (its quote, "> <@…>"), an image, a notice none."""
    edits = {}
    for event in events:
        content = event.get("content") if isinstance(event, dict) else None
        relates = content.get("m.relates_to") if isinstance(content, dict) else None
        new = content.get("m.new_content") if isinstance(content, dict) else None
        if (
            isinstance(relates, dict)
            and relates.get("rel_type") == "m.replace"
            and isinstance(new, dict)
        ):
            edits[relates.get("event_id")] = str(new.get("body") or "")
    said = []
    for event in events:
        content = event.get("content") if isinstance(event, dict) else None
        if not isinstance(content, dict) or event.get("type") != "m.room.message":
            continue
        if content.get("msgtype") != "m.text" or "m.new_content" in content:
            continue
        body = edits.get(event.get("event_id"), str(content.get("body") or ""))
        bundled = nested(event, "unsigned", "m.relations", "m.replace", "content", "m.new_content")
        if isinstance(bundled, dict) and bundled.get("body"):  # (its edit, as the server
            body = str(bundled["body"])  # bundles it with the event)
        if body.startswith("> <"):
            continue  # (a reply: the message it quotes, then its words)
        said.append((str(event.get("origin_server_ts") or ""), body))
    return _message_lines(said, at, timezone)


def nested(value: Any, *keys: str) -> Any:
    """The value at `keys` in nested mappings; None where one is missing."""
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


# A kicker in bold before a message's title: "**Терміново** …", "**Важливо:** …".
_BOLD_KICKER = re.compile(r"\A\*\*[^*\n]{1,40}?(?:\*\*:?|:\*\*)\s+(?=\S)")


def _message_lines(
    messages: list[tuple[str, str]], at: Positions, timezone: str | None
) -> list[Line]:
    """A chat's messages, each its moment (epoch) and its text: each that gives an article's
    link with its words ("Title https://…", the title on the line above the link, "[Title](…)")
    a headline, on the day it was shared. A link shared without words is none."""
    lines = []
    for moment, content in messages:
        title, url = "", ""
        above = ""
        for text in (collapse(line) for line in content.split("\n")):
            words, link = split_link(text)
            if link:
                title, url = words or above, link
                break
            above = text or above
        title = _BOLD_KICKER.sub("", title.rstrip(" —–-:"))
        if not title or not url or not article_link(url):
            continue
        day = day_of(epoch_stamp(moment), timezone)
        lines.append(Line(at.line(url), title, url, day, item=True))
    return lines


def _unmangled(text: str) -> str:
    """Facebook's export's text as written: its UTF-8 bytes were each escaped as a character."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:  # (not so mangled: then as it is)
        return text


class Positions:
    """Line numbers of strings in a text, found in order (JSON keeps none of its own)."""

    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0

    def line(self, value: str) -> int:
        found = -1
        for written in (
            value,
            json.dumps(value)[1:-1],
            json.dumps(value, ensure_ascii=False)[1:-1],
        ):
            found = self.text.find(written, self.at) if written else -1
            if found >= 0:
                break
        if found < 0:
            return 0
        self.at = found + 1
        return self.text.count("\n", 0, found) + 1


def jsonl_lines(text: str, timezone: str | None) -> list[Line] | None:
    """Mattermost's bulk export (JSONL: one object a line, "type": "post"): each post that
    shares an article, as a chat's message (its words and link, or its attachment's title and
    link: a feed bot's), on the day it was posted; a notice ("system_…"), a direct message
    and the replies under a post none. None for text that is no such export."""
    said: list[tuple[str, str]] = []
    for row in text.split("\n"):
        try:
            record = json.loads(row) if row.strip().startswith("{") else None
        except JSON_ERRORS:
            return None  # (a line that is no JSON: no JSONL)
        if record is None:
            continue
        post = (
            record.get("post")
            if isinstance(record, dict) and record.get("type") == "post"
            else None
        )
        if not isinstance(post, dict) or str(post.get("type") or "").startswith("system_"):
            continue
        moment = str(post.get("create_at") or "")
        attachments = nested(post, "props", "attachments")
        for attached in attachments if isinstance(attachments, list) else []:
            if isinstance(attached, dict) and attached.get("title") and attached.get("title_link"):
                said.append((moment, f"{attached['title']} {attached['title_link']}"))
        said.append((moment, str(post.get("message") or "")))
    return _message_lines(said, Positions(text), timezone) if said else None
