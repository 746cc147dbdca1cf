"""Listings that are data, not a page: feeds, sitemaps, notes, mail.

RSS and Atom feeds (a post without a title gives its first paragraph and the article it
links), a news sitemap, Evernote's notes (.enex) and a mail's body: each into the lines the
walk reads. (JSON is importjson's.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import re
from collections.abc import Iterator
from dataclasses import replace
from html import unescape as html_unescape
from typing import Any

from .importdates import local, read_stamp
from .importelements import BLOCKS
from .importhtml import HTMLListing
from .importlinks import (
    absolute,
    aggregated_article,
    article_link,
    host_of,
    href_of,
    index_page,
    social_post,
)
from .importmodel import Dropped, Line
from .importtext import (
    CONTROL,
    INLINE_TAG,
    URL_IN_TEXT,
    XML_DECLARATION,
    collapse,
    split_link,
    url_end,
    without_name,
)
from .markuptree import html_document, html_fragment, local_name, namespace_of, xml_document

# Feeds --------------------------------------------------------------------------------
#
# An outlet's RSS or Atom feed, saved, piped in or fetched (`digest import URL`): each
# item is a headline with its link and its time, read as XML that can reach nothing
# outside itself (no entities resolved, no network).

# (each part of the prologue atomic: a comment that could stretch to a later "-->" made a
# saved page with many comments take exponential time to refuse)
FEED = re.compile(
    r"\s*(?:<\?xml[^>]*\?>\s*)?(?:(?><!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>|<\?[^>]*\?>)\s*)*"
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
    base = base if base.startswith(("http://", "https://")) else _own_address(channel) or base
    for item in root.iter():
        if not isinstance(item.tag, str) or local_name(item) not in ("item", "entry"):
            continue
        parts = _parts(item)
        kind, status = parts.get("post_type"), parts.get("status")  # a WordPress export's
        if (kind is not None and (kind.text or "").strip() != "post") or (
            status is not None and (status.text or "").strip() not in ("publish", "")
        ):  # (WXR): a page, a menu's item, an attachment, a draft, a post not yet out
            continue
        title = parts.get("title")
        text = _feed_text(title) if title is not None else ""
        line = item.sourceline or 0
        permalink = None if text else _feed_link(item, base)
        post = _untitled_post(parts, permalink, base) if permalink else None
        if post is not None:  # a Mastodon or Bluesky account's feed: posts without titles
            text = post[0]
        text = without_name(text, own)
        if text:
            stamp, unread = _feed_stamp(parts, timezone)
            link = post[1] if post is not None else _feed_link(item, base)
            if post is None and link and social_post(link):  # RSSHub's feed of a channel
                link = _linked_article(parts, link, base) or link
            outlet = parts.get("source")  # an aggregator's item (Google News): its outlet
            if outlet is not None:
                text = without_name(text, collapse("".join(outlet.itertext())))
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


# A mail's headers, as a mail client saves a message (.eml): "From: ...", "Received: ...".
SAVED_MAIL = re.compile(r"(?:[A-Za-z][\w-]*:[^\n]*\n(?:[ \t][^\n]*\n)*){2,}", re.ASCII)
MAIL_PART = "a mail: its HTML part (else its text) was read, decoded; line numbers are that part's"


# A mailbox file (mbox: Thunderbird's folders, Gmail's Takeout): each message opens with a
# line "From sender date" after a blank line (or the file's start); a body's own line that
# starts so is written ">From " (mboxo) or with one more ">" (mboxrd).
MBOX = re.compile(r"From \S+ .*\d{4}\n(?:[A-Za-z][\w-]*:)")
_MBOX_SEPARATOR = re.compile(r"(?:\A|(?<=\n\n))From \S+ [^\n]*\d{4}\n(?=[A-Za-z][\w-]*:)")
_ESCAPED_FROM = re.compile(r"^>(>*From )", re.MULTILINE)


def mbox_messages(text: str) -> list[tuple[int, str, str]]:
    """A mailbox's messages: each its first line's number, the day it was sent (its Date
    header, ISO 8601, "" if none) and its text, its body's escaped "From " lines undone
    (documents.py's `_read_mailbox` made the file's bytes this text)."""
    starts = [found.start() for found in _MBOX_SEPARATOR.finditer(text)]
    messages = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        message = _ESCAPED_FROM.sub(r"\1", text[text.index("\n", start) + 1 : end])
        date = re.search(r"^Date:[ \t]*(.+)$", message.split("\n\n", 1)[0], re.MULTILINE)
        sent = ""
        if date is not None:
            with contextlib.suppress(TypeError, ValueError):
                sent = email.utils.parsedate_to_datetime(date[1].strip()).isoformat()
        messages.append((text.count("\n", 0, start) + 2, sent, message))
    return messages


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


def _feed_text(element: Any) -> str:
    """A feed title as text: Atom's type="html" (and RSS titles holding tags) unescaped."""
    text = "".join(element.itertext())
    if element.get("type") in ("html", "xhtml") or INLINE_TAG.search(text):
        fragment = html_fragment(text)
        if fragment is not None:  # else not HTML: the text as is
            text = fragment.text_content()
    return collapse(html_unescape(text) if "&" in text else text)


def _post_body(parts: dict[str, Any]) -> tuple[str, Any] | None:
    """A feed item's text as it is written and as HTML; None when it has none."""
    body = next(
        (parts[k] for k in ("description", "encoded", "content", "summary") if k in parts), None
    )
    if body is None:
        return None
    text = "".join(body.itertext())
    root = html_fragment(text)
    return None if root is None else (text, root)


def _article_links(root: Any, permalink: str, base: str) -> Iterator[str]:
    """The links of a post's text to articles elsewhere than the post's site."""
    home = host_of(permalink)
    links = (absolute(href_of(a), base) or "" for a in root.iter("a"))
    return (
        url for url in links if article_link(url) and host_of(url) != home and not index_page(url)
    )


def _linked_article(parts: dict[str, Any], permalink: str, base: str) -> str | None:
    """The article a post links in its text (the first), when the item's link is the post's."""
    body = _post_body(parts)
    return next(_article_links(body[1], permalink, base), None) if body is not None else None


def _parts(item: Any) -> dict[str, Any]:
    """An item's elements by name, the first of each; one in the item's own namespace
    before one of another by the same name (its <title>, not a <media:title> above it)."""
    own = namespace_of(item)
    parts: dict[str, Any] = {}
    for child in item:
        if not isinstance(child.tag, str):
            continue
        name = local_name(child)
        known = parts.get(name)
        if known is None or (namespace_of(child) == own and namespace_of(known) != own):
            parts[name] = child
    return parts


def _untitled_post(parts: dict[str, Any], permalink: str, base: str) -> tuple[str, str] | None:
    """A feed item without a title, as social networks' feeds give their posts (Mastodon,
    Bluesky): its text's first paragraph as its headline, and the first link in it to an
    article elsewhere (else the post's own) as its link; None when it has no text."""
    body = _post_body(parts)
    if body is None:
        return None
    text, root = body
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
    found = next(_article_links(root, permalink, base), None)
    if found is None and root.find(".//a") is None:  # plain text (Bluesky): a link written in it
        found = next(iter(URL_IN_TEXT.findall(text)), None)
    return headline, url_end(found) if found else permalink


def _own_address(channel: Any) -> str:
    """The address a feed gives of itself (Atom's and RSS's <atom:link rel="self">), else
    of its site (Atom's alternate <link href>, RSS's <link>): what its relative links are
    relative to when the file was saved from a browser and its own address is lost."""
    links = [c for c in channel if isinstance(c.tag, str) and local_name(c) == "link"]
    ranked = sorted(links, key=lambda link: link.get("rel", "alternate") != "self")
    for link in ranked:
        if link.get("rel", "alternate") not in ("self", "alternate"):
            continue
        href = (link.get("href") or link.text or "").strip()
        if href.startswith(("http://", "https://")) and absolute(href, ""):
            return href
    return ""


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
