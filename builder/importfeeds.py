"""Listings that are data, not a page: feeds, sitemaps, notes, JSON, mail.

RSS and Atom feeds (a post without a title gives its first paragraph and the article it
links), a news sitemap, Evernote's notes (.enex), JSON (a JSON Feed, a feed reader's or
Telegram's export, a site's API answer listing its posts) and a mail's body: each into
the lines the walk reads.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import json
import re
from dataclasses import replace
from html import unescape as html_unescape
from typing import Any

from .importdates import epoch_stamp, local, read_stamp
from .importelements import BLOCKS
from .importhtml import HTMLListing
from .importlinks import (
    INDEX,
    absolute,
    aggregated_article,
    article_link,
    host_of,
    href_of,
    index_page,
    saved_page,
)
from .importmodel import Dropped, Line
from .importtext import CONTROL, URL_IN_TEXT, XML_DECLARATION, collapse, split_link, url_end
from .markuptree import html_document, html_fragment, local_name, xml_document

# Feeds --------------------------------------------------------------------------------
#
# An outlet's RSS or Atom feed, saved, piped in or fetched (`digest import URL`): each
# item is a headline with its link and its time, read as XML that can reach nothing
# outside itself (no entities resolved, no network).

FEED = re.compile(
    r"\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>|<\?[^>]*\?>)\s*)*"
    r"<(?:rss|feed|rdf:RDF|urlset|en-export)[\s>]",  # (and a news sitemap, Evernote's notes)
    re.DOTALL,
)


def feed_lines(text: str, base: str, timezone: str | None) -> tuple[list[Line], list[Dropped]]:
    """One line a feed item: its title, link, and date and time; a note of items with none."""
    data = XML_DECLARATION.sub("", CONTROL.sub("", text), count=1).encode("utf-8")
    root = xml_document(data)
    if root is None:
        return [], []
    if local_name(root) == "urlset":
        return _sitemap_lines(root, timezone)
    if local_name(root) == "en-export":
        return _note_lines(root, base, timezone), []
    lines, untitled = [], []
    channel = next((c for c in root if isinstance(c.tag, str) and local_name(c) == "channel"), root)
    own = next(  # the feed's name: a channel's videos end their titles with it ("… | Name")
        (_feed_text(c) for c in channel if isinstance(c.tag, str) and local_name(c) == "title"), ""
    )
    for item in root.iter():
        if not isinstance(item.tag, str) or local_name(item) not in ("item", "entry"):
            continue
        parts = {  # the first of each name
            local_name(child): child for child in reversed(item) if isinstance(child.tag, str)
        }
        title = parts.get("title")
        text = _feed_text(title) if title is not None else ""
        line = item.sourceline or 0
        permalink = None if text else _feed_link(item, base)
        post = _untitled_post(parts, permalink, base) if permalink else None
        if post is not None:  # a Mastodon or Bluesky account's feed: posts without titles
            text = post[0]
        text = _without_name(text, own)
        if text:
            stamp, unread = _feed_stamp(parts, timezone)
            link = post[1] if post is not None else _feed_link(item, base)
            outlet = parts.get("source")  # an aggregator's item (Google News): its outlet
            if outlet is not None:
                text = _without_name(text, collapse("".join(outlet.itertext())))
                link = aggregated_article(link) if link else link
            lines.append(Line(line, text, link, stamp, item=True, date_text=unread))
        else:
            name = local_name(item)
            untitled.append(Dropped(line, f"<{name}>", "a feed item with no title: left out"))
    return lines, untitled[:1]


# Evernote's export of notes (.enex): each <note> with its <created> moment ("20240715T171503Z",
# UTC) and its <content>, the note as XHTML (ENML); a web clip's <source-url> is the article.
_EVERNOTE_MOMENT = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z")
_CLIP_LINES = 12  # of a web clip's article, those read for its date (its head, not its text)


def _note_lines(root: Any, base: str, timezone: str | None) -> list[Line]:
    """The lines of Evernote's notes: each note's day (when it was written), then its links
    read as a page's; a web clip as one headline, the article's, dated as its head says."""
    lines: list[Line] = []
    for note in root.iter("note"):
        parts: dict[str, Any] = {}  # the first of each name (not a picture's <source-url>)
        for child in note.iter():
            if isinstance(child.tag, str):
                parts.setdefault(local_name(child), child)
        content = parts.get("content")
        if content is None:
            continue
        text = content.text or ""
        first = content.sourceline + text[: len(text) - len(text.lstrip())].count("\n")
        page = html_document(XML_DECLARATION.sub("", CONTROL.sub("", text.strip()), count=1))
        if page is None:
            continue
        written = parts.get("created")  # (a note without one is on the listing's day)
        created = (
            _EVERNOTE_MOMENT.fullmatch((written.text or "").strip())
            if written is not None
            else None
        )
        if written is not None and created is not None:
            year, month, day_, hour, minute, second = map(int, created.groups())
            moment = dt.datetime(year, month, day_, hour, minute, second, tzinfo=dt.UTC)
            day = local(moment, timezone)[0]
            lines.append(Line(written.sourceline, day.isoformat()))
        reader = HTMLListing(page, base, timezone)
        reader.read()
        found = [
            replace(
                line,
                number=line.number + first - 1,
                beside=tuple((n + first - 1, text) for n, text in line.beside),
            )
            for line in reader.lines
        ]
        clipped = (
            absolute((parts["source-url"].text or "").strip(), base)
            if "source-url" in parts
            else None
        )
        title = collapse(parts["title"].text or "") if "title" in parts else ""
        if clipped and title:
            head = tuple((line.number, line.text) for line in found[:_CLIP_LINES] if not line.link)
            lines.append(Line(parts["title"].sourceline, title, clipped, beside=head, item=True))
        else:
            lines.extend(found)
    return lines


def _sitemap_lines(root: Any, timezone: str | None) -> tuple[list[Line], list[Dropped]]:
    """A news sitemap's articles (Google News's sitemap-news.xml): each <url>'s <loc>, its
    <news:title> and <news:publication_date>; a sitemap without titles gives none."""
    lines, untitled = [], []
    for url in root:
        if not isinstance(url.tag, str) or local_name(url) != "url":
            continue
        found: dict[str, str] = {}  # the first of each name (not its picture's <image:loc>)
        for e in url.iter():
            if isinstance(e.tag, str):
                found.setdefault(local_name(e), collapse("".join(e.itertext())))
        loc, title = found.get("loc", ""), found.get("title", "")
        if not title or not absolute(loc, ""):
            untitled.append(Dropped(url.sourceline or 0, loc or "<url>", _NO_TITLE_IN_SITEMAP))
            continue
        published = found.get("publication_date") or found.get("lastmod") or ""
        stamp = read_stamp(published, timezone) if published else None
        lines.append(Line(url.sourceline or 0, title, loc, stamp or (None, None), item=True))
    return lines, untitled[:1]


_NO_TITLE_IN_SITEMAP = "a sitemap's address without a title (no <news:title>): left out"


def json_lines(
    text: str, base: str, timezone: str | None
) -> tuple[list[Line], list[Dropped]] | None:
    """The lines of a JSON Feed (each item a headline: its title, url, date_published), of
    a channel's history as Telegram Desktop exports it as JSON (result.json: each message
    with a link to an article a headline, as in its HTML export), of a feed reader's export,
    Firefox's bookmarks backup, or a list of posts (a site's or a social network's API);
    None for text that is no JSON."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    unknown = [Dropped(1, text.lstrip()[:1], _UNKNOWN_JSON)]
    at = _Positions(text)
    if _is_places_backup(data):
        return _places_bookmark_lines(data, at, timezone), []
    if _is_slack_export(data):
        return _slack_lines(data, at, timezone), []
    if _is_discord_export(data):
        return _discord_lines(data["messages"], at, timezone), []
    if _is_trello_board(data):
        return _trello_lines(data, at, timezone), []
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


def _places_bookmark_lines(
    root: dict[str, Any], at: _Positions, timezone: str | None
) -> list[Line]:
    """Firefox's bookmarks backup (its JSON, the Places tree): each bookmark a headline, on
    the day it was saved (dateAdded, in microseconds), as in Netscape's format; Firefox's
    own bookmarks (its "Mozilla Firefox" folder and "Getting Started", whose icons it fakes:
    "fake-favicon-uri:") are none."""
    lines = []
    pending = [root]
    while pending:
        node = pending.pop()
        children = node.get("children")
        if isinstance(children, list):
            pending.extend(c for c in reversed(children) if isinstance(c, dict))
        url, title = node.get("uri"), collapse(str(node.get("title") or ""))
        if not isinstance(url, str) or not url.startswith(("http://", "https://")) or not title:
            continue
        day = _day_of(epoch_stamp(str(node.get("dateAdded") or "")), timezone)  # (saved then)
        own = str(node.get("iconUri") or "").startswith("fake-favicon-uri:")
        kept = INDEX if own else saved_page(url)
        lines.append(Line(at.line(url), title, url, day, item=True, dropped=kept))
    return lines


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
_REJECTED_LIST = re.compile(
    r"відхилен|отклонен|rejected|declined|не публікуємо|не публикуем|trash|кошик|корзина",
    re.IGNORECASE,
)


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
        if _REJECTED_LIST.search(name):
            continue
        lines.append(Line(at.line(name), name, outside=True, heading=True))
        for card in sorted(cards.get(str(listed.get("id")), []), key=lambda c: c.get("pos") or 0):
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
    shared = _shared(post)
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
    if not ("content" in post and "created_at" in post and "account" in post):
        return None
    date = str(post.get("created_at") or "")
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
        fragment = html_fragment(title) if _INLINE_TAG.search(title) else None
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


# A mail's headers, as a mail client saves a message (.eml): "From: ...", "Received: ...".
SAVED_MAIL = re.compile(r"(?:[A-Za-z][\w-]*:[^\n]*\n(?:[ \t][^\n]*\n)*){2,}", re.ASCII)
MAIL_PART = "a mail: its HTML part (else its text) was read, decoded; line numbers are that part's"


def mail_body(text: str) -> str | None:
    """The HTML part of a saved mail (else its plain text), decoded (quoted-printable,
    base64, its charset); None for text that is no mail (no MIME-Version or Content-Type)."""
    import email
    import email.policy

    head = text.split("\n\n", 1)[0].lower()
    if "\nmime-version:" not in "\n" + head and "\ncontent-type:" not in "\n" + head:
        return None
    message = email.message_from_string(text, policy=email.policy.default)
    body = message.get_body(preferencelist=("html", "plain"))
    if body is None:
        return None
    encoding = str(body.get("Content-Transfer-Encoding", "7bit")).strip().lower()
    try:
        # Unencoded text is as the file was read (its charset already undone): taken as it
        # is (the email package would escape its non-ASCII letters); else decoded.
        content = body.get_payload() if encoding in _UNENCODED else body.get_content()
    except (LookupError, ValueError):  # an unknown charset, a broken part
        return None
    if not isinstance(content, str):
        return None
    if body.get_content_type() == "text/plain" and body.get_param("format") == "flowed":
        content = _unflowed(content, str(body.get_param("delsp", "no")).lower() == "yes")
    return content


_UNENCODED = ("7bit", "8bit", "binary")


def _unflowed(text: str, delete_space: bool) -> str:
    """A format=flowed text (RFC 3676, as Thunderbird sends plain text) with its soft line
    breaks undone: a line ending in a space goes on in the next one."""
    lines: list[str] = []
    going_on = False
    for line in text.replace("\r\n", "\n").split("\n"):
        line = line[1:] if line.startswith(" ") else line  # (its "space-stuffing")
        if going_on and lines:
            lines[-1] += line
        else:
            lines.append(line)
        going_on = line.endswith(" ") and line.strip() != "--"
        if going_on and delete_space:
            lines[-1] = lines[-1][:-1]
    return "\n".join(lines)


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


def _without_name(title: str, name: str) -> str:
    """A title without the outlet's name an aggregator ends it with ("... - Укрінформ")."""
    for separator in (" - ", " – ", " — ", " | "):
        if name and title.endswith(separator + name) and len(title) > len(separator + name):
            return title[: -len(separator + name)].rstrip()
    return title


# Markup an RSS title may carry, escaped or in CDATA; other angle brackets are text ("<3").
_INLINE_TAG = re.compile(
    r"</?(?:a|b|i|u|em|strong|span|br|p|sup|sub|small|mark|q|cite|abbr|font)\b[^<>]*>",
    re.IGNORECASE,
)


def _feed_text(element: Any) -> str:
    """A feed title as text: Atom's type="html" (and RSS titles holding tags) unescaped."""
    text = "".join(element.itertext())
    if element.get("type") in ("html", "xhtml") or _INLINE_TAG.search(text):
        fragment = html_fragment(text)
        if fragment is not None:  # else not HTML: the text as is
            text = fragment.text_content()
    return collapse(html_unescape(text) if "&" in text else text)


def _untitled_post(parts: dict[str, Any], permalink: str, base: str) -> tuple[str, str] | None:
    """A feed item without a title, as social networks' feeds give their posts (Mastodon,
    Bluesky): its text's first paragraph as its headline, and the first link in it to an
    article elsewhere (else the post's own) as its link; None when it has no text."""
    body = next(
        (parts[k] for k in ("description", "encoded", "content", "summary") if k in parts), None
    )
    if body is None:
        return None
    text = "".join(body.itertext())
    root = html_fragment(text)
    if root is None:
        return None
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = [child for child in root if isinstance(child.tag, str) and child.tag in BLOCKS]
    lines = (
        collapse(line) for block in blocks or [root] for line in block.text_content().split("\n")
    )
    headline = next((line for line in lines if line), "")
    headline = split_link(headline)[0] or headline  # "Title https://...": the title
    if not headline:
        return None
    home = host_of(permalink)
    links = (absolute(href_of(a), base) or "" for a in root.iter("a"))
    links = (
        url for url in links if article_link(url) and host_of(url) != home and not index_page(url)
    )
    found = next(links, None)
    if found is None and root.find(".//a") is None:  # plain text (Bluesky): a link written in it
        found = next(iter(URL_IN_TEXT.findall(text)), None)
    return headline, url_end(found) if found else permalink


def _feed_link(item: Any, base: str) -> str | None:
    """An item's link: RSS <link> or permalink <guid>, Atom's alternate <link href>."""
    for child in item:  # FeedBurner's own link goes through its (dead) proxy: its origLink
        if isinstance(child.tag, str) and local_name(child) == "origLink":
            original = absolute((child.text or "").strip(), base)
            if original:
                return original
    for child in item:
        if not isinstance(child.tag, str):
            continue
        name = local_name(child)
        if name == "link":
            href = child.get("href") if child.get("href") is not None else child.text
            if child.get("rel", "alternate") != "alternate" or not href:
                continue
        elif name == "guid" and child.get("isPermaLink", "true") != "false":
            href = child.text
        else:
            continue
        url = absolute(href or "", child.base or base)
        if url:
            return url
    # RSS 1.0 names each item by its address (rdf:about), which is its link when it has none.
    about = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about") or ""
    return absolute(about, base) if about.startswith(("http://", "https://")) else None


def _feed_stamp(
    parts: dict[str, Any], timezone: str | None
) -> tuple[tuple[dt.date | None, dt.time | None], str]:
    """An item's date and time: RSS <pubDate>, Dublin Core <dc:date>, Atom <published>
    or <updated>, in the site's time zone; with the first such text that is neither ISO
    8601 nor RFC 822 when none is ("Вт, 16 лип 2024 21:15:00 +0300": a feed made with its
    site's language), for the listing's own reading of dates (`feed_date_text`)."""
    unread = ""
    for name in ("pubDate", "date", "published", "updated", "issued"):
        element = parts.get(name)
        value = (element.text or "").strip() if element is not None else ""
        if not value:
            continue
        stamp = read_stamp(value, timezone)
        if stamp is not None:
            return stamp, ""
        with contextlib.suppress(TypeError, ValueError, IndexError):
            return local(email.utils.parsedate_to_datetime(value), timezone), ""
        unread = unread or value
    return (None, None), unread
