"""Listings that are JSON: what sites answer and feed readers keep.

A JSON Feed, Telegram Desktop's export (result.json), a feed reader's saved articles
(Inoreader's, Feedly's), an account's archive (Mastodon's outbox.json, X's tweets.js), and
any list of posts a site's or a social network's API answers with (WordPress, Ghost, Reddit,
Mastodon, Bluesky, Pinboard, YouTube, X, a Telegram bot, Notion): each into the lines the
walk reads, with line numbers found in the text (JSON keeps none of its own). What tools
export (bookmarks, history, tasks, journals, chats, boards) is importexports'.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape as html_unescape
from typing import Any

from .importchats import Positions, day_of
from .importdates import epoch_stamp, read_stamp
from .importexports import export_lines
from .importlinks import ATTACHED, ATTACHMENT, absolute, article_link, href_of, saved_page
from .importmodel import Dropped, Line
from .importtext import (
    INLINE_TAG,
    JSON_ERRORS,
    REJECTED_LIST,
    URL_IN_TEXT,
    collapse,
    split_link,
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
    except JSON_ERRORS:
        return None
    unknown = [Dropped(1, text.lstrip()[:1], _UNKNOWN_JSON)]
    at = Positions(text)
    exported = export_lines(data, at, timezone)
    if exported is not None:
        return exported, []
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


def _known_json(data: dict[str, Any]) -> bool:
    """Whether JSON is a JSON Feed, a feed reader's export or a Telegram export."""
    if str(data.get("version", "")).startswith("https://jsonfeed.org/version/"):
        return True
    if str(data.get("id", "")).startswith(("user/", "feed/")):
        return True
    return isinstance(data.get("messages"), list) and "type" in data


def _reader_lines(items: list[Any], at: Positions, timezone: str | None) -> list[Line]:
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
    *("link", "url", "URL", "webUrl", "permalink", "story_permalink", "canonical_url", "shareUrl"),
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
    issued = _csl_day(post.get("issued")) or _csl_day(post.get("accessed"))
    if issued:  # CSL JSON (Zotero's): its day, as date parts, else the day it was saved
        return title, link, issued, False
    key = next((k for k in _POST_DATE if isinstance(post.get(k), (str, int, float))), "")
    saved = not key and isinstance(post.get("time"), str) and "hash" in post  # (Pinboard's)
    key = "time" if saved else key
    date = str(post[key]) if key else ""
    if key.endswith("_gmt") and date and not date.endswith("Z") and "+" not in date[10:]:
        date += "+00:00"  # WordPress's date_gmt: UTC, written without its offset
    return title, link, date, saved


def _csl_day(value: Any) -> str:
    """A CSL JSON date, {"date-parts": [[2024, 7, 16]]}, as "2024-07-16"; "" if none."""
    parts = value.get("date-parts") if isinstance(value, dict) else None
    first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else []
    if len(first) < 3 or not all(str(p).isdigit() for p in first[:3]):
        return ""
    year, month, day = (int(p) for p in first[:3])
    return f"{year:04}-{month:02}-{day:02}"


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


def _post_lines(posts: list[Any], at: Positions, base: str, timezone: str | None) -> list[Line]:
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
        when = day_of(moment, timezone) if saved else stamp or (None, None)
        url = absolute(link, base) or ""
        kept = saved_page(url) or (ATTACHED if ATTACHMENT.search(url) else "")  # (Pinboard's,
        # wallabag's: a saved home page, a report in PDF)
        lines.append(Line(number, title, url, when, item=True, dropped=kept))
    return lines


_UNKNOWN_JSON = (
    "JSON that is neither a JSON Feed, a feed reader's export, a Telegram export "
    "(result.json) nor a list of posts with titles and links: nothing was read; "
    "import the page, the feed or a copy of the list as text"
)
