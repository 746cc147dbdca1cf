"""Listings that are JSON: what tools and sites answer or export.

A JSON Feed, Telegram Desktop's export (result.json), a feed reader's saved articles
(Inoreader's, Feedly's), Firefox's bookmarks backup, a chat's export (a day of a Slack
channel, a Discord channel as DiscordChatExporter writes it), a Trello board, and any list
of posts a site's or a social network's API answers with (WordPress, Ghost, Reddit,
Mastodon, Bluesky, Pinboard): each into the lines the walk reads, with line numbers found
in the text (JSON keeps none of its own).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
import zoneinfo
from collections.abc import Iterator
from html import unescape as html_unescape
from typing import Any

from .importdates import epoch_stamp, read_stamp
from .importlinks import INDEX, absolute, article_link, href_of, index_page, profile, saved_page
from .importmodel import Dropped, Line
from .importtext import (
    INLINE_TAG,
    REJECTED_LIST,
    URL_IN_TEXT,
    collapse,
    split_link,
    url_end,
    without_name,
)
from .markuptree import html_fragment


def json_lines(
    text: str, base: str, timezone: str | None
) -> tuple[list[Line], list[Dropped]] | None:
    """The lines of a JSON Feed (each item a headline: its title, url, date_published), of
    a channel's history as Telegram Desktop exports it as JSON (result.json: each message
    with a link to an article a headline, as in its HTML export), of a feed reader's export,
    Firefox's bookmarks backup, or a list of posts (a site's or a social network's API);
    None for text that is no JSON."""
    try:
        data = json.loads(_X_ARCHIVE.sub("", text, count=1))
    except ValueError:
        return None
    unknown = [Dropped(1, text.lstrip()[:1], _UNKNOWN_JSON)]
    at = _Positions(text)
    if _is_places_backup(data):
        return _places_bookmark_lines(data, at, timezone), []
    if _is_chrome_bookmarks(data):
        return _chrome_bookmark_lines(data["roots"], at, timezone), []
    if _is_day_one(data):
        return _journal_lines(data["entries"], at, timezone), []
    if isinstance(data, dict) and data.get("kind") == "tasks#taskLists":
        return _task_lines(data.get("items") or [], at), []
    if isinstance(data, dict) and isinstance(data.get("Browser History"), list):
        return _history_lines(data["Browser History"], at, timezone), []
    if _is_slack_export(data):
        return _slack_lines(data, at, timezone), []
    if _is_discord_export(data):
        return _discord_lines(data["messages"], at, timezone), []
    if _is_trello_board(data):
        return _trello_lines(data, at, timezone), []
    if _is_facebook_chat(data):
        return _facebook_chat_lines(data["messages"], at, timezone), []
    if isinstance(data, dict) and data.get("ok") is True and isinstance(data.get("result"), list):
        data = {"result": _bot_posts(data["result"])}  # Telegram's Bot API: its updates
    posts = _posts(data)
    if posts is not None and not (isinstance(data, dict) and _known_json(data)):
        # a site's API (WordPress's, Ghost's): a list of its posts
        note = Dropped(1, text.lstrip()[:1], _POSTS.format(count=len(posts)))
        return _post_lines(posts, at, base, timezone), [note]
    if not isinstance(data, dict):
        return [], unknown
    lines: list[Line] = []
    left: list[Dropped] = []
    if str(data.get("version", "")).startswith("https://jsonfeed.org/version/"):
        home = data.get("home_page_url")
        page = home if isinstance(home, str) and absolute(home, "") else base
        for item in data.get("items") or []:
            if not isinstance(item, dict):
                continue
            title = collapse(str(item.get("title") or ""))
            number = at.line(str(item.get("id") or title))
            if not title:
                left.append(Dropped(number, "{item}", "a feed item with no title: left out"))
                continue
            link = next(
                (str(item[k]) for k in ("url", "external_url") if isinstance(item.get(k), str)),
                "",
            )
            published = item.get("date_published") or item.get("date_modified") or ""
            stamp = read_stamp(published, timezone) if isinstance(published, str) else None
            address = absolute(link, page) or ""
            lines.append(Line(number, title, address, stamp or (None, None), item=True))
        return lines, left[:1]
    reader_items = data.get("items")
    if isinstance(reader_items, list) and str(data.get("id", "")).startswith(("user/", "feed/")):
        return _reader_lines(
            reader_items, at, timezone
        ), []  # Inoreader's, Feedly's (Google Reader's)
    messages = data.get("messages")
    if not isinstance(messages, list) or "type" not in data:
        return [], unknown
    for message in messages:
        if not isinstance(message, dict) or message.get("type") != "message":
            continue
        parts = message.get("text")
        parts = parts if isinstance(parts, list) else [parts or ""]
        words = "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in parts)
        headline = next((collapse(line) for line in words.split("\n") if line.strip()), "")
        if not headline:
            continue  # a photo or sticker alone
        number = at.line(f'"id": {message.get("id")}')
        links = (
            str(p.get("href") or p.get("text") or "")
            for p in parts
            if isinstance(p, dict) and p.get("type") in ("link", "text_link")
        )
        article = next((href.strip() for href in links if article_link(href.strip())), None)
        headline = split_link(headline)[0]  # "Title https://…": the title
        if not headline:
            left.append(
                Dropped(number, article or "", "a message that is only a link: no headline")
            )
            continue
        if article is None:
            reason = "a message with no link to an article: left out"
            left.append(Dropped(number, headline, reason))
            continue
        moment = epoch_stamp(str(message.get("date_unixtime") or ""))
        stamp = read_stamp(moment or str(message.get("date") or ""), timezone)
        lines.append(Line(number, headline, article, stamp or (None, None), item=True))
    return lines, left[:1]


# X's archive writes its JSON as a script: "window.YTD.tweets.part0 = [ … ]".
_X_ARCHIVE = re.compile(r"\A\s*window\.YTD\.\w+\.part\d+\s*=\s*")


def _places_bookmark_lines(
    root: dict[str, Any], at: _Positions, timezone: str | None
) -> list[Line]:
    """Firefox's bookmarks backup (its JSON, the Places tree): each bookmark a headline, on
    the day it was saved (dateAdded, in microseconds), as in Netscape's format; Firefox's
    own bookmarks (its "Mozilla Firefox" folder and "Getting Started", whose icons it fakes:
    "fake-favicon-uri:") are none."""
    lines = []
    for node in _tree(root):
        url, title = node.get("uri"), collapse(str(node.get("title") or ""))
        if not isinstance(url, str) or not url.startswith(("http://", "https://")) or not title:
            continue
        day = _day_of(epoch_stamp(str(node.get("dateAdded") or "")), timezone)  # (saved then)
        own = str(node.get("iconUri") or "").startswith("fake-favicon-uri:")
        kept = INDEX if own else saved_page(url)
        lines.append(Line(at.line(url), title, url, day, item=True, dropped=kept))
    return lines


def _chrome_bookmark_lines(
    roots: dict[str, Any], at: _Positions, timezone: str | None
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
        day = _day_of(epoch_stamp(since_1970), timezone)  # (saved then)
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


def _history_lines(visits: list[Any], at: _Positions, timezone: str | None) -> list[Line]:
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
        day = _day_of(epoch_stamp(str(visit.get("time_usec") or "")), timezone)
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


def _is_slack_export(data: Any) -> bool:
    """Whether JSON is a day of a channel in Slack's export: a list of its messages."""
    return (
        isinstance(data, list)
        and bool(data)
        and all(isinstance(m, dict) and m.get("type") == "message" and "ts" in m for m in data)
    )


# A link in a Slack message's text: "<https://…>" or "<https://…|its words>".
_SLACK_LINK = re.compile(r"<(https?://[^|>\s]+)(?:\|([^>]+))?>")


def _slack_lines(messages: list[Any], at: _Positions, timezone: str | None) -> list[Line]:
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
        day = _day_of(epoch_stamp(str(message.get("ts") or "")), timezone)
        for found in _SLACK_LINK.finditer(str(message.get("text") or "")):
            url = html_unescape(found[1])
            title = collapse(html_unescape(found[2] or previews.get(url, "")))
            if title and article_link(url):
                lines.append(Line(at.line(found[0]), title, url, day, item=True))
    return lines


def _day_of(moment: str, timezone: str | None) -> tuple[dt.date | None, None]:
    """The day of a moment a message was sent, not its time: when a link was shared in a
    chat, not when its article was published."""
    stamp = read_stamp(moment, timezone) if moment else None
    return (stamp[0] if stamp else None), None


def _is_trello_board(data: Any) -> bool:
    """Whether JSON is a Trello board's export (its lists and cards)."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("cards"), list)
        and isinstance(data.get("lists"), list)
        and "prefs" in data
    )


# A list of cards not to publish, by its name: "Відхилено", "Rejected".


def _trello_lines(board: dict[str, Any], at: _Positions, timezone: str | None) -> list[Line]:
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
            day = _day_of(due, timezone) if due else (None, None)
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


def _journal_lines(entries: list[Any], at: _Positions, timezone: str | None) -> list[Line]:
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


def _task_lines(lists: list[Any], at: _Positions) -> list[Line]:
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


def _is_discord_export(data: Any) -> bool:
    """Whether JSON is a channel exported by DiscordChatExporter ({guild, channel, messages})."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("messages"), list)
        and isinstance(data.get("channel"), dict)
        and isinstance(data.get("guild"), dict)
    )


def _discord_lines(messages: list[Any], at: _Positions, timezone: str | None) -> list[Line]:
    """A Discord channel's messages: each shared article a headline, titled by its embed's
    title (the preview Discord made), else by the words before its link (a link in <…> has
    no preview); on the day it was shared. Replies, notices and talk are none."""
    lines = []
    for message in messages:
        if not isinstance(message, dict) or message.get("type") != "Default":
            continue  # a reply, a member joined, a message pinned
        day = _day_of(str(message.get("timestamp") or ""), timezone)
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


def _facebook_chat_lines(messages: list[Any], at: _Positions, timezone: str | None) -> list[Line]:
    """A Messenger chat as Facebook exports it: each message that gives an article's link
    with its words ("Title https://…", the title on the line above the link) a headline, on
    the day it was shared (timestamp_ms). Facebook writes its text as the bytes of UTF-8 read
    as Latin-1 ("\u00d0\u0092…"): undone. A link shared without words (an attachment) is none."""
    lines = []
    for message in reversed(messages):  # (newest first)
        if not isinstance(message, dict):
            continue
        content = _unmangled(str(message.get("content") or ""))
        title, url = "", ""
        above = ""
        for text in (collapse(line) for line in content.split("\n")):
            words, link = split_link(text)
            if link:
                title, url = words or above, link
                break
            above = text or above
        title = title.rstrip(" —–-:")
        if not title or not url or not article_link(url):
            continue
        day = _day_of(epoch_stamp(str(message.get("timestamp_ms") or "")), timezone)
        lines.append(Line(at.line(url), title, url, day, item=True))
    return lines


def _unmangled(text: str) -> str:
    """Facebook's export's text as written: its UTF-8 bytes were each escaped as a character."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:  # (not so mangled: then as it is)
        return text


def _known_json(data: dict[str, Any]) -> bool:
    """Whether JSON is a JSON Feed, a feed reader's export or a Telegram export."""
    if str(data.get("version", "")).startswith("https://jsonfeed.org/version/"):
        return True
    if str(data.get("id", "")).startswith(("user/", "feed/")):
        return True
    return isinstance(data.get("messages"), list) and "type" in data


def _reader_lines(items: list[Any], at: _Positions, timezone: str | None) -> list[Line]:
    """A feed reader's items in Google Reader's JSON (Inoreader's and Feedly's exports of
    starred or saved articles): each a headline, its canonical address, its publication."""
    lines = []
    for item in items:
        if not isinstance(item, dict):
            continue
        title = collapse(html_unescape(str(item.get("title") or "")))
        links = [*(item.get("canonical") or []), *(item.get("alternate") or [])]
        url = next((str(k["href"]) for k in links if isinstance(k, dict) and k.get("href")), "")
        if not title or not url:
            continue
        moment = epoch_stamp(str(item.get("published") or ""))
        stamp = read_stamp(moment, timezone) if moment else None
        lines.append(Line(at.line(title), title, url, stamp or (None, None), item=True))
    return lines


# A post's fields as sites' APIs name them: WordPress's REST API ("title": {"rendered"}, "link",
# "date_gmt"), Ghost's ("title", "url", "published_at"), the Guardian's ("webTitle", "webUrl",
# "webPublicationDate"), a feed reader's (NewsBlur's "story_title", "story_permalink"), and
# the like; the first found of each is taken.
_POST_TITLE = ("title", "headline", "webTitle", "story_title", "name", "description")
_POST_LINK = (
    *("link", "url", "webUrl", "permalink", "story_permalink", "canonical_url", "shareUrl"),
    "href",
)
_POST_DATE = (  # (NewsBlur's story_timestamp: Unix seconds; its story_date is UTC unsaid)
    *("date_gmt", "story_timestamp", "published_at", "date_published", "datePublished"),
    "publishedAt",
    *("webPublicationDate", "published", "pubDate", "publish_date", "first_published_at"),
    *("date", "created_at", "createdAt", "timestamp", "created_utc"),
)
_POSTS = (
    "{count} headlines read from a list of posts (a site's API: each its title, link and "
    "date): check they are the articles you meant"
)


def _post_parts(post: Any) -> tuple[str, str, str, bool] | None:
    """A post's title, link and date as written, and whether that date is when it was saved
    (a bookmark's: Pinboard's "time"), when it has a title and a link (of a social network's
    post, its link card's title and address: `_shared`). Pinboard's title is its
    "description"."""
    post = _unwrapped(post)
    if not isinstance(post, dict):
        return None
    if post.get("is_self") or post.get("stickied"):
        return None  # Reddit's post of text (a discussion), a moderator's pinned one
    tweet = _archived_tweet(post)
    if tweet is not None:
        return tweet or None
    shared = _shared(post)
    if shared is None:
        shared = _api_item(post)
    if shared is not None:
        return (*shared, False) if shared else None
    title = next((post[k] for k in _POST_TITLE if post.get(k)), "")
    if isinstance(title, dict):  # WordPress: {"rendered": "…&#8217;…"}
        title = title.get("rendered") or ""
    link = next((post[k] for k in _POST_LINK if isinstance(post.get(k), str)), "")
    if not isinstance(title, str) or not title.strip() or not link:
        return None
    key = next((k for k in _POST_DATE if isinstance(post.get(k), (str, int, float))), "")
    saved = not key and isinstance(post.get("time"), str) and "hash" in post  # (Pinboard's)
    key = "time" if saved else key
    date = str(post[key]) if key else ""
    if key.endswith("_gmt") and date and not date.endswith("Z") and "+" not in date[10:]:
        date += "+00:00"  # WordPress's date_gmt: UTC, written without its offset
    return title, link, date, saved


def _unwrapped(post: Any) -> Any:
    """The post a list item holds: Reddit's {"kind": "t3", "data": {…}}, Bluesky's {"post":
    {…}, "reason": …}, a boost on Mastodon ({"reblog": {…}}: the post boosted, as written)."""
    if isinstance(post, dict):
        if isinstance(post.get("data"), dict) and set(post) <= {"kind", "data"}:
            return post["data"]
        if isinstance(post.get("post"), dict) and isinstance(post["post"].get("record"), dict):
            return post["post"]
        if isinstance(post.get("reblog"), dict) and "content" in post:
            return post["reblog"]
        if post.get("type") == "Create" and isinstance(post.get("object"), dict):
            return post["object"]  # an account's archive (ActivityPub's outbox): its post
        if set(post) == {"tweet"} and isinstance(post["tweet"], dict):
            return post["tweet"]  # X's archive (tweets.js)
    return post


def _shared(post: dict[str, Any]) -> tuple[str, str, str] | tuple[()] | None:
    """A Mastodon status's or a Bluesky post's article: its link card's title and address
    (else the text's first paragraph and the first link in it to elsewhere) and the post's
    moment; () for such a post that shares none (a reply, photos); None for other posts."""
    record = post.get("record")
    if isinstance(record, dict) and "createdAt" in record:  # Bluesky's post view
        date = str(record.get("createdAt") or "")
        for embed in (post.get("embed"), record.get("embed")):
            external = embed.get("external") if isinstance(embed, dict) else None
            if isinstance(external, dict) and external.get("uri") and external.get("title"):
                return str(external["title"]), str(external["uri"]), date
        links = [
            str(feature.get("uri") or "")
            for facet in record.get("facets") or []
            if isinstance(facet, dict)
            for feature in facet.get("features") or []
            if isinstance(feature, dict) and str(feature.get("$type", "")).endswith("#link")
        ]
        text = next((line for line in str(record.get("text") or "").split("\n") if line), "")
        link = next((found for found in links if article_link(found)), "")
        return (text, link, date) if text and link else ()
    note = post.get("type") == "Note" and "published" in post  # (ActivityPub's, the archive's)
    if not ("content" in post and (("created_at" in post and "account" in post) or note)):
        return None
    date = str(post.get("created_at") or post.get("published") or "")
    card = post.get("card")  # Mastodon's preview of the link: the article's own title
    if isinstance(card, dict) and card.get("url") and card.get("title"):
        return str(card["title"]), str(card["url"]), date
    content = html_fragment(f"<div>{post.get('content') or ''}</div>")
    if content is None:
        return ()
    paragraph = next((p for p in content.iter("p") if collapse(p.text_content())), None)
    hrefs = (
        href_of(a)
        for a in content.iter("a")
        if not {"mention", "hashtag"} & set((a.get("class") or "").split())
        and a.get("rel") != "tag"
    )
    link = next((found for found in hrefs if found and article_link(found)), "")
    if paragraph is None or not link:
        return ()
    return collapse(split_link(paragraph.text_content())[0]), link, date


def _archived_tweet(post: dict[str, Any]) -> tuple[str, str, str, bool] | tuple[()] | None:
    """A tweet of an X account's archive (data/tweets.js): its text without its links and
    the article it links (the first link elsewhere than X), at created_at; a retweet ("RT
    @name: …") on the day it was retweeted, not at the original's time, which the archive
    does not give. () for a tweet that links no article (a thread's head, a photo, a quote,
    a reply to someone); None for other items."""
    entities = post.get("entities")
    if not ("full_text" in post and "id_str" in post and isinstance(entities, dict)):
        return None
    text = html_unescape(str(post.get("full_text") or ""))
    if text.startswith("@"):
        return ()  # a reply to someone (one to the account itself goes on its thread)
    retweet = _RETWEET.match(text)
    text = text[retweet.end() :] if retweet is not None else _THREAD_NUMBER.sub("", text, count=1)
    for found in entities.get("urls") or []:
        if not isinstance(found, dict):
            continue
        url = str(found.get("expanded_url") or "")
        if not article_link(url) or _ON_X.match(url):
            continue
        for shown in URL_IN_TEXT.findall(text):
            text = text.replace(shown, " ")
        title = collapse(text.split("\n")[0])
        try:
            moment = dt.datetime.strptime(str(post.get("created_at")), "%a %b %d %H:%M:%S %z %Y")
        except ValueError:
            return ()
        return (title, url, moment.isoformat(), retweet is not None) if title else ()
    return ()


_RETWEET = re.compile(r"RT @\w+:\s*")
_THREAD_NUMBER = re.compile(r"\A\d{1,2}(?:[.)]|/\d{0,2})\s+")  # "2. ", "2/ ", "2/5 ": a thread's


def _api_item(post: dict[str, Any]) -> tuple[str, str, str] | tuple[()] | None:
    """An item of another API's answer: a YouTube search's video (its title, its watch
    address, publishedAt; a channel, a playlist or a live stream is none), a tweet of X's API
    v2 (its link's title and unwound address, else its text without the link), a post a
    Telegram bot got (its first line and the first link in it), a row of a Notion database
    (its title, URL and date properties; a row whose select says it was rejected, none).
    () for such an item that gives no headline; None for other items."""
    if post.get("kind") == "youtube#searchResult":
        snippet, ident = post.get("snippet") or {}, post.get("id") or {}
        video = ident.get("videoId") if isinstance(ident, dict) else None
        if (
            not video
            or not isinstance(snippet, dict)
            or snippet.get("liveBroadcastContent") == "live"
        ):
            return ()
        title = html_unescape(str(snippet.get("title") or ""))
        title = without_name(title, str(snippet.get("channelTitle") or ""))
        url = f"https://www.youtube.com/watch?v={video}"
        return title, url, str(snippet.get("publishedAt") or "")
    entities = post.get("entities")
    if "edit_history_tweet_ids" in post and isinstance(entities, dict):  # X's API v2
        for found in entities.get("urls") or []:
            if not isinstance(found, dict):
                continue
            url = str(found.get("unwound_url") or found.get("expanded_url") or "")
            if not article_link(url) or _ON_X.match(url):
                continue  # (a tweet quoted, a thread: X's own, no article)
            text = str(post.get("text") or "").replace(str(found.get("url") or ""), "")
            title = str(found.get("title") or "") or text.split("\n")[0]
            return collapse(html_unescape(title)), url, str(post.get("created_at") or "")
        return ()
    if "message_id" in post and "chat" in post:  # a post a Telegram bot got
        text = str(post.get("text") or post.get("caption") or "")
        marks = post.get("entities") or post.get("caption_entities") or []
        wide = text.encode("utf-16-le")  # (offsets count UTF-16 units)
        links = [
            str(mark.get("url") or "")
            if mark.get("type") == "text_link"
            else wide[2 * mark["offset"] : 2 * (mark["offset"] + mark["length"])].decode(
                "utf-16-le", "replace"
            )
            for mark in marks
            if isinstance(mark, dict)
            and (
                mark.get("type") == "text_link"
                or (
                    mark.get("type") == "url"
                    and isinstance(mark.get("offset"), int)
                    and isinstance(mark.get("length"), int)
                )
            )
        ]
        link = next((found for found in links if article_link(found)), "")
        first = next((line for line in text.split("\n") if line.strip()), "")
        date = epoch_stamp(str(post.get("date") or ""))
        return (first, link, date) if first and link and first.strip() != link else ()
    properties = post.get("properties")
    if post.get("object") == "page" and isinstance(properties, dict):  # a Notion row
        values = [p for p in properties.values() if isinstance(p, dict)]
        title = "".join(
            str(run.get("plain_text") or "")
            for p in values
            if p.get("type") == "title"
            for run in p.get("title") or []
            if isinstance(run, dict)
        )
        url = next((str(p["url"]) for p in values if p.get("type") == "url" and p.get("url")), "")
        dates = [p.get("date") for p in values if p.get("type") == "date"]
        date = next((str(d.get("start") or "") for d in dates if isinstance(d, dict)), "")
        states = (
            str((p.get(p.get("type")) or {}).get("name") or "")
            for p in values
            if p.get("type") in ("select", "status") and isinstance(p.get(p.get("type")), dict)
        )
        if any(REJECTED_LIST.search(name) for name in states):
            return ()
        return (collapse(title), url, date) if title.strip() and url else ()
    return None


_ON_X = re.compile(r"https?://(?:www\.|mobile\.)?(?:x|twitter)\.com/", re.IGNORECASE)


def _bot_posts(updates: list[Any]) -> list[Any]:
    """The posts of a Telegram bot's updates, each as last edited, where it first came."""
    posts: list[Any] = []
    at: dict[tuple[Any, Any], int] = {}
    for update in updates:
        if not isinstance(update, dict):
            continue
        for kind in ("channel_post", "message", "edited_channel_post", "edited_message"):
            post = update.get(kind)
            if not isinstance(post, dict):
                continue
            chat = post.get("chat")
            key = (chat.get("id") if isinstance(chat, dict) else None, post.get("message_id"))
            if kind.startswith("edited_") and key in at:
                posts[at[key]] = {**post, "date": posts[at[key]].get("date")}
            else:
                at[key] = len(posts)
                posts.append(post)
    return posts


def _posts(data: Any) -> list[Any] | None:
    """The list of posts in a JSON answer (the answer, or a list in it up to two levels
    down: {"posts": […]}, {"response": {"results": […]}}); None when it holds none."""
    lists = [data] if isinstance(data, list) else []
    if isinstance(data, dict):
        for value in data.values():
            lists.append(value)
            if isinstance(value, dict):
                lists.extend(value.values())
    best = max(
        (found for found in lists if isinstance(found, list)),
        key=lambda found: sum(_post_parts(post) is not None for post in found),
        default=None,
    )
    if best is None or sum(_post_parts(post) is not None for post in best) < 2:
        return None
    return best


def _post_lines(posts: list[Any], at: _Positions, base: str, timezone: str | None) -> list[Line]:
    """One line a post: its title (its markup and entities undone), link and moment."""
    lines = []
    for post in posts:
        parts = _post_parts(post)
        if parts is None:
            continue
        title, link, date, saved = parts
        number = at.line(str(_unwrapped(post).get("id") or title))
        fragment = html_fragment(title) if INLINE_TAG.search(title) else None
        title = collapse(html_unescape(fragment.text_content() if fragment is not None else title))
        moment = epoch_stamp(date) or date
        stamp = read_stamp(moment, timezone) if moment else None
        when = _day_of(moment, timezone) if saved else stamp or (None, None)
        url = absolute(link, base) or ""
        kept = saved_page(url)  # (a bookmark's: Pinboard's)
        lines.append(Line(number, title, url, when, item=True, dropped=kept))
    return lines


_UNKNOWN_JSON = (
    "JSON that is neither a JSON Feed, a feed reader's export, a Telegram export "
    "(result.json) nor a list of posts with titles and links: nothing was read; "
    "import the page, the feed or a copy of the list as text"
)


class _Positions:
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
