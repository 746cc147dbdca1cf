"""HTML listings: a page saved or copied as HTML, read into lines of headlines.

A page's listing is a run of items (cards) found from their headline links upwards; each
gives one line with the headline's date and time, and what stands around the listing
(menus, sidebars, footers, banners) is dropped (`importelements` tells which they are).
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .importdates import (
    CLOCK,
    DATE_PREFIX,
    EPOCH_STAMPS,
    UPDATED,
    WORD,
    epoch_of,
    epoch_stamp,
    read_stamp,
    read_time,
    time_only,
)
from .importelements import (
    BLOCKS,
    HEADINGS,
    INLINE,
    INVISIBLE,
    PUBLISHED,
    badge,
    dated,
    hidden_classes,
    holds_blocks,
    media_badge,
    page_chrome,
    paid,
    sidebar,
)
from .importlinks import (
    ARCHIVE_HOST,
    ATTACHMENT,
    NAME_LINK,
    REPEATED_WORDS,
    SECTION_WORDS,
    SERVICE_PAGE,
    TAG_REL,
    absolute,
    advert,
    home_page,
    in_a_sentence,
    index_page,
    link_text,
    names_site,
    post_link,
    profile,
    promotion,
    same_page,
    section_links,
    share_link,
    this_page,
    unwrapped,
)
from .importmodel import Dropped, Line
from .importtext import (
    ADVERT,
    BYLINE,
    MICROFORMAT_DATE,
    ad_label,
    boilerplate,
    collapse,
    headline_like,
    link_line,
    word_count,
)

# HTML ---------------------------------------------------------------------------------
#
# A page's listing is a run of items (cards): an <article>, <li> or <div> holding one
# headline's link (often wrapped around its heading), and around it the headline's time,
# a summary, a byline, a picture. An item is found from its headline link upwards: the
# largest element that holds no other headline's link and is not one of a run of like
# siblings. Its headline, and its date and time (a <time datetime>, or a line that is
# only a date or a time), make one entry; its other text is dropped and said so. Where a
# listing has two items or more, text outside them (menus, section headings, footers)
# is not taken for headlines; date lines between them still date what follows.

# Never text of a listing: code, styles, menus, controls.
_SKIPPED = frozenset(
    {"script", "style", "template", "noscript", "svg", "head", "nav", "button", "select"}
    | {"iframe", "object", "canvas", "audio", "video", "map"}
)
_DAY_DIVIDER = re.compile(r"(?:day|date)[-_]*(?:divider|separator)", re.IGNORECASE)
HTML = re.compile(r"<(a\s[^>]*href|li|p|div|ul|ol|br|h[1-6]|table|article)\b", re.IGNORECASE)
# A class that marks an item's headline: "fc-item__headline", "card-title", "news__title".
_HEADLINE_CLASS = re.compile(
    r"(?i:(?<![a-z])(?:headline|title)(?![a-z])|(?:headline|title)-?text)"
    r"|[a-z](?:Headline|Title)$"  # "ssrcss-17zglt8-PromoHeadline"
)


BODY = re.compile(r"<body[\s>]", re.IGNORECASE)
CONTENT_START = re.compile(
    r"<(?:header|main|article|section|div|ul|ol|nav|footer|aside|h[1-6]|p|table|a)[\s>]",
    re.IGNORECASE,
)


# The address a browser saved a page from, in the comment Chrome and Edge write at its top.
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+)\s*-->")


# A date alone, as a day's heading shows it: "16 July 2024", "July 16, 2024", "Tuesday 16 July
# 2024", "16.07.2024".
_DATE_TEXT = re.compile(
    r"(?:[^\W\d]+,? )?(?:\d{1,2}(?:st|nd|rd|th)? [^\W\d]+\.?,? \d{4}"
    r"|[^\W\d]+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?: (?:р(?:оку|\.)?|г(?:ода|\.)?))?"  # "16 июля 2024 года"
)


# A link to a day's archive, named by its day: "Новини за 15 липня", "News for 14 July".
_ARCHIVE_LINK = re.compile(
    rf"(?:{DATE_PREFIX.pattern}|[^\W\d]+, )"  # "Новини за 15 липня", "Вівторок, 16 липня"
    r"\d{1,2} [^\W\d]+\.?(?:,? \d{4})?(?: (?:р(?:оку|\.)?|г(?:ода|\.)?))?",
    re.IGNORECASE,
)


def _shows_its_address(line: Line) -> bool:
    """Whether a line is a link whose text is its own address ("https://…" shown as such,
    as the walk tells it: `link_line`), or the address a redirect link goes to."""
    return bool(line.link) and link_line(line.text) in (line.link, unwrapped(line.link or ""))


# A video's length by its class, abbreviated: NDTV's <span class="vid-dur">01:48</span>.
_DURATION_CLASS = re.compile(r"(?:^|[\s_-])dur(?:$|[\s_-])", re.IGNORECASE)
# A moment in an element's title, as timeago's pages give it: "2024-07-16T19:44:12+05:00".
_ISO_TITLE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
# A class that names a menu, a list of topics or tabs: "ul-nav-folder", "sub-nav", "submenu",
# "section-page__tags", "tab-list".
_MENU_CLASS = re.compile(
    r"(?:^|[\s_-])(?:sub)?(?:nav|menu|tags|topics|tabs?)(?:$|[\s_-])", re.IGNORECASE
)
_MENU_TAGS = frozenset({"ul", "ol", "div", "nav", "section", "menu"})


_POST_PARENTS = ("div", "section", "ol", "ul", "main", "article")


class HTMLListing:
    """Flatten a page into lines of text, each with its main link, items kept whole."""

    def __init__(
        self,
        root: Any,
        base: str,
        timezone: str | None,
        hidden: frozenset[str] | None = None,
        assumed: str | None = None,  # the zone of its times that name none (its country's)
    ) -> None:
        self.root = root
        self.assumed = assumed
        self._links: int | None = None  # how many links the page has, once counted
        self._menus: dict[Any, bool] = {}  # element classed as a menu -> whether it is one
        self.base = base
        self.timezone = timezone
        self.lines: list[Line] = []
        self.notes: list[Dropped] = []
        self._pieces: list[tuple[str, str | None]] = []  # text, the link it is in
        self._number = 0  # the line the current line starts on
        self._started = False  # whether the current line has a word yet
        self._position = 1  # the source line reached so far
        self._link: str | None = None  # the link being read, when inside one
        self._heading = 0
        self._in_item = 0
        self._chrome = 0  # inside a page's header or footer
        self._sidebars: set[Any] = set()  # those beside the listing (`_find_sidebars`)
        self._aside = 0  # inside one of them: never the listing's, items or not
        self._in_card = False  # reading one item
        self._stamped: Any = None  # the item's element that gave its date and time
        self.cards: dict[Any, str] = {}  # item element -> its headline's link (a key)
        self.items: set[Any] = set()  # elements like the items beside them, without a link
        self._posts_found = False  # whether a live blog's posts link nothing (`_unlinked_posts`)
        self.keys: set[str] = set()  # the links of headlines
        self._key_of: dict[Any, str] = {}  # each link's
        self._repeated: set[str] = set()  # links shown alike in many places: no headlines
        # classes a screen reader reads, nobody sees (an item's: its page's)
        self._hidden = hidden_classes(root) if hidden is None else hidden
        # (left out of a headline's link; elsewhere read: Al Jazeera's date is only there)

    def read(self) -> None:
        self._find_sidebars()
        self._find_items()
        self._walk(self.root)
        self._flush()

    # Items ---------------------------------------------------------------------------

    def _skipped(self, element: Any) -> bool:
        tag = element.tag if isinstance(element.tag, str) else ""
        return (
            not tag
            or (tag.lower() in _SKIPPED and not self._day_divider(element))
            or element.get("hidden") is not None
            or element.get("aria-hidden") == "true"
            or (
                INVISIBLE.search((element.get("style") or "").replace(" ", "")) is not None
                and not self._shown_by_script(element)
            )
            or element.get("role") == "navigation"
            or self._menu(element)
            or any("duration" in (value or "").lower() for value in element.attrib.values())
            or _DURATION_CLASS.search(element.get("class") or "") is not None
        )

    def _menu(self, element: Any) -> bool:
        """Whether a list or block classed as a menu ("ul-nav-folder") holds links of a few
        words each: a section's subsections (VnExpress's, beside its <h1>), no items."""
        if element.tag not in _MENU_TAGS or not _MENU_CLASS.search(element.get("class") or ""):
            return False
        known = self._menus.get(element)
        if known is None:
            words = [word_count(link_text(link)) for link in element.iter("a")]
            known = self._menus[element] = bool(words) and max(words) <= SECTION_WORDS
        return known

    def _shown_by_script(self, element: Any) -> bool:
        """Whether an element hidden by its style holds most of the page's links: the page
        (a Google Sheet published to the web) hides its content until its script shows it."""
        if self._links is None:
            self._links = sum(1 for _ in self.root.iter("a"))
        held = sum(1 for _ in element.iter("a"))
        return held >= 2 and held * 2 > self._links

    def _day_divider(self, element: Any) -> bool:
        """Whether a button is a chat's day divider ("Yesterday" over its day's messages,
        Slack's): the day it names dates what follows."""
        parent = element.getparent()
        return (
            element.tag == "button"
            and parent is not None
            and any(_DAY_DIVIDER.search(c) for c in (parent.get("class") or "").split())
        )

    def _chromed(self, element: Any) -> bool:
        """Whether the element is the page's own header or footer, or a sidebar beside its
        listing: outside the listing, even its links are not headlines."""
        return page_chrome(element) or element in self._sidebars

    def _find_sidebars(self) -> None:
        """Find the page's sidebars, while headlines stand outside them."""
        sidebars = [element for element in self.root.iter() if sidebar(element)]
        # Parts of the listing's cards are no sidebars, whatever their class says (BBC's
        # "promo-text" in each): a class on three of them or more is a card's.
        classes = collections.Counter((e.tag, e.get("class")) for e in sidebars)
        # (and by the first of its classes, its block's name, on cards whose other classes
        # differ, "promo promo-position-large …": Brightspot's <ps-promo>s, the LA Times')
        blocks = collections.Counter((e.tag, _block_name(e)) for e in sidebars)
        sidebars = [
            e
            for e in sidebars  # (those of no class are named by their ids: "BreakingNews")
            if e.tag == "aside"
            or not e.get("class")
            or (
                classes[e.tag, e.get("class")] < 3
                and not (blocks[e.tag, _block_name(e)] >= 3 and _a_card(e))
            )
        ]
        if not sidebars:
            return
        # A block that holds more than half the page's headlines is its listing, whatever its
        # class says ("layout-with-rail": the page's columns, the rail beside the listing).
        headlines = [link for link, _ in self._visible_links() if headline_like(link_text(link))]
        held = collections.Counter(
            ancestor for link in headlines for ancestor in link.iterancestors()
        )
        # (An <aside> is one by its tag, whatever it holds: a blog's archive of every post.)
        sidebars = [
            element
            for element in sidebars
            if element.tag == "aside" or 2 * held[element] <= len(headlines)
        ]
        self._sidebars = set(sidebars)
        outside = [
            link
            for link in headlines
            if not any(e in self._sidebars for e in (link, *link.iterancestors()))
        ]
        if len(outside) < 2:
            self._sidebars = set()  # the sidebar is the listing

    def _visible_links(self) -> list[tuple[Any, str]]:
        found = []
        for link in self.root.iter("a"):
            around = (link, *link.iterancestors())
            if any(self._chromed(e) for e in around):
                continue
            url = absolute(link.get("href") or "", self.base)
            if url is None:
                continue
            if any(self._skipped(e) for e in around) and not post_link(url, self.base):
                continue  # (a post's "Copy link", in its hidden share menu, names the post)
            # The article's address: its "#comments" and "#more-412733" are the article too.
            key = url.partition("#")[0] or "relative:" + (link.get("href") or "").strip()
            if url != key and same_page(url, self.base):  # a post of this page: a live
                key = url  # blog's ("#post-2", Guardian's "?page=with:block-B1#block-B1")
            found.append((link, key))
        return found

    def _find_items(self) -> None:
        headlines = []
        links = self._visible_links()
        self._key_of = dict(links)
        sections = section_links(key for _, key in links)
        for link, key in links:
            url = unwrapped(key) if not key.startswith("relative:") else ""
            if url and (
                ARCHIVE_HOST.match(url) is not None  # the archive's own pages, not its copies
                or SERVICE_PAGE.match(url) is not None  # Google Alerts' "Змінити це сповіщення"
                or (key in sections and len(link_text(link).split()) <= SECTION_WORDS)
                or home_page(url)
                or profile(url)
                or index_page(url)
                or this_page(url, self.base)  # (its menu's item for the page itself)
                or share_link(url)
                or promotion(url)
                or advert(url)
                or ATTACHMENT.search(url) is not None
                or TAG_REL.search(link.get("rel") or "")
                or NAME_LINK.search(link.get("class") or "")
                or NAME_LINK.search(_parent_class(link))  # <div class="node__author"><a>
            ):
                self._repeated.add(key)  # like an author's link on every item: no article
                continue  # an outlet's home page, channel, author or tag: a name, no headline
            text = link_text(link).strip("«»‹›<>←→ ")
            heading = next(link.iter(*HEADINGS), None) if holds_blocks(link) else None
            if heading is not None:  # a card that is one link: its heading, not all its text
                text = collapse(heading.text_content())
            if BYLINE.fullmatch(text):  # "Von Christoph Reuter": an author's page
                continue
            if in_a_sentence(link, text):  # "…розповіли про <a>наслідки удару</a>."
                continue
            if (
                ("#" in key and not boilerplate(text))
                or post_link(key, self.base)
                or (
                    headline_like(text)
                    and not _DATE_TEXT.fullmatch(text)
                    and not _ARCHIVE_LINK.fullmatch(text)
                )
            ):
                # (a day's heading linked to its page: no headline; a post's permalink, a
                # live blog's, is one whatever it shows: its time)
                headlines.append((link, key))
        headlines = self._without_links_in_posts(headlines)
        # A link of the same words to the same page in three places or more is an author's
        # or a section's ("Phillips P. OBrien" on every post of a Substack), not a headline.
        shown = collections.Counter((key, link_text(link)) for link, key in headlines)
        self._repeated |= {
            key
            for (key, text), count in shown.items()
            if count >= 3 and len(text.split()) <= REPEATED_WORDS  # (a story shown thrice: one)
        }
        headlines = [(link, key) for link, key in headlines if key not in self._repeated]
        self.keys = {key for _, key in headlines}
        under: dict[Any, set[str]] = {}
        for link, key in headlines:
            for ancestor in link.iterancestors():
                under.setdefault(ancestor, set()).add(key)
        overlays: set[Any] = set()
        for link, key in headlines:
            node = link
            while True:
                parent = node.getparent()
                if parent is None or parent.tag in ("body", "html") or under[parent] != {key}:
                    break
                if self._one_of_a_run(node, key):
                    break
                node = parent
            if node is link and _overlay(link):
                # A link laid over its card, with its headline in its label: the card is
                # what it lies over, its title, time and sublinks (the Guardian's)
                node = link.getparent()
                overlays.add(node)
            if node.tag not in INLINE or holds_blocks(node):  # a card may be one <a>
                self.cards[node] = key
        for card in [c for c in self.cards if any(a in overlays for a in c.iterancestors())]:
            del self.cards[card]  # (read with the card it is in: a sublink)
        self._one_card_a_post()
        if len(self.cards) < 2:
            self.cards.clear()  # one item is no listing of items: every line counts
            return
        self._unlinked_posts()
        # Each parent of items: the kinds of its items, a tag and its classes. A sibling of
        # that tag is an item too (one without a link: its text is the item's), unless both
        # are classed with no class in common: a block's heading above its items
        # (<div class="section_title"> over <div class="pub">s) is no item.
        kinds: dict[Any, list[tuple[str, set[str]]]] = {}
        for card in self.cards:
            kind = (card.tag, set((card.get("class") or "").split()))
            kinds.setdefault(card.getparent(), []).append(kind)
        for parent, seen in kinds.items():
            for child in parent:
                if child in self.cards:
                    continue
                classes = set((child.get("class") or "").split())
                linked = [self._key_of.get(link) for link in child.iter("a")]
                if linked and all(key in self._repeated for key in linked):
                    continue  # its links are an advert's, a promotion's, a name's
                if any(
                    tag == child.tag and (not (classes or others) or classes & others)
                    for tag, others in seen
                ):
                    self.items.add(child)

    def _unlinked_posts(self) -> None:
        """Take as items the posts of a live blog that links none of them (BFMTV's): three
        or more siblings alike (a tag and a class in common) that each hold a heading and
        a time, and no headline's link; other cards of the page (its related articles)
        would leave them outside the listing."""
        for parent in self.root.iter(*_POST_PARENTS):
            runs: dict[tuple[str, str], list[Any]] = {}
            for child in parent:
                if isinstance(child.tag, str) and child not in self.cards:
                    classes = (child.get("class") or "").split()
                    runs.setdefault((child.tag, classes[0] if classes else ""), []).append(child)
            for (_, name), run in runs.items():
                if not name or len(run) < 3:  # (no run of posts: not each looked through)
                    continue
                posts = [post for post in run if self._unlinked_post(post)]
                if len(posts) >= 3 and len(posts) * 2 >= len(run):
                    self.items.update(posts)
                    self._posts_found = True

    def _unlinked_post(self, element: Any) -> bool:
        """Whether an element is a post with a heading and a time, linking no headline."""
        if any(self._key_of.get(link) in self.keys for link in element.iter("a")):
            return False
        if next(element.iter(*HEADINGS), None) is None:
            return False
        return next(element.iter("time"), None) is not None or any(
            CLOCK.search(text) is not None and len(text.split()) <= 6  # "16.07.2024 • 21:31 Uhr"
            for found in element.iter("span", "div", "p")
            if len(found) == 0
            for text in [collapse(found.text_content())]
        )

    def _one_card_a_post(self) -> None:
        """Keep one item of each post of a live blog: the post, not its line in a list of
        the blog's key events above the posts ("19:01 Title", linked to "#liveblog-entry-…"),
        whose date is no post's; that list is beside the listing."""
        posts: dict[str, list[Any]] = {}
        for card, key in self.cards.items():
            if post_link(key, self.base):
                posts.setdefault(key, []).append(card)
        for cards in posts.values():
            post = max(cards, key=lambda card: len(card.text_content() or ""))
            for card in cards:
                if card is not post:
                    del self.cards[card]
                    self._sidebars.add(card)

    def _without_links_in_posts(self, headlines: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
        """The headline links but those in a live blog's posts' text ("Read more: <a>", an
        article a post cites): a post is the largest element around its permalink (a link
        to a place on this page) that holds no other; a page of two posts or more."""
        permalinks = [(link, key) for link, key in headlines if same_page(key, self.base)]
        if len({key for _, key in permalinks}) < 2:
            return headlines
        around: dict[Any, set[str]] = {}
        for link, key in permalinks:
            for ancestor in link.iterancestors():
                around.setdefault(ancestor, set()).add(key)
        posts = set()
        for link, key in permalinks:
            post = None
            for ancestor in link.iterancestors():
                if around[ancestor] != {key} or ancestor.tag in ("body", "html"):
                    break
                post = ancestor
            if post is not None:
                posts.add(post)
        return [
            (link, key)
            for link, key in headlines
            if (link, key) in permalinks or not any(a in posts for a in link.iterancestors())
        ]

    def _one_of_a_run(self, element: Any, key: str) -> bool:
        """Whether siblings of the same kind with text stand beside it, as items of a list
        do: the same element, of a class in common if classed (not an item's time and title
        in two <div>s), and not links to the same article (its picture, its "Read more").
        Siblings without a link are items of the run only beside one that links elsewhere:
        alone, they are the fields of one item (Drupal's <div class="views-field">s: its
        title, author, date and teaser)."""
        classes = _own_classes(element)
        siblings = itertools.chain(element.itersiblings(preceding=True), element.itersiblings())
        for sibling in siblings:
            if sibling.tag != element.tag or not WORD.search(sibling.text_content() or ""):
                continue
            others = _own_classes(sibling)
            if (classes or others) and not classes & others:
                continue
            links = [sibling] if sibling.tag == "a" else list(sibling.iter("a"))
            if any(self._key_of.get(link, key) not in (key, *self._repeated) for link in links):
                return True
        return False

    # Walking -------------------------------------------------------------------------

    def _walk(self, element: Any) -> None:
        if (self._link is not None or element.tag == "a") and not self._hidden.isdisjoint(
            (element.get("class") or "").split() if isinstance(element.tag, str) else ()
        ):  # "<span class=visually-hidden>Відео, </span>" in a headline's link: no words of
            # it; a link for screen readers alone ("Skip to content"): no headline
            self._add_tail(element)
            return
        if self._skipped(element) or element is self._stamped or badge(element):
            if isinstance(element.tag, str) and self._skipped(element) and element.text_content():
                self._add(" ")  # "Jul 15<span aria-hidden>·</span>6 min read": two pieces
            elif self._pieces and self._link is not None and media_badge(element):
                # "Title. <em>ФОТО</em>": the stop before the badge goes with it
                text, link = self._pieces[-1]
                bare = text.rstrip()
                if bare.endswith(".") and not bare.endswith(".."):
                    self._pieces[-1] = (bare[:-1] + text[len(bare) :], link)
            self._add_tail(element)
            return
        if element in self.cards:
            self._flush()
            self._card(element, self.cards[element])
            self._add_tail(element)
            return
        tag = element.tag.lower()
        if tag == "br" and self._link is not None and self._continued(element):
            self._add(" ")  # "Title: <br>відео удару": one headline in its link
            self._add_tail(element)
            return
        if element.sourceline:
            self._position = element.sourceline
        # In an item, a link is a line, and so is an element classed as its date or time
        # (NV's <span class="date"> between the rubric and the count, with no space).
        # (a custom element, <r-article--title>, is a block: pages that make their own
        # elements lay them out as blocks, and one holding a card's parts runs them together)
        block = tag in BLOCKS or "-" in tag or (self._in_card and (tag == "a" or dated(element)))
        item = element in self.items
        if block or item:
            self._flush()
        headed = tag in HEADINGS or _bold_paragraph(element)
        self._heading += headed
        self._in_item += item
        chrome = page_chrome(element)
        self._chrome += chrome
        aside = element in self._sidebars
        self._aside += aside
        outer = self._link
        if tag == "a":
            link = absolute(element.get("href") or "", self.base)
            if self._key_of.get(element) in self._repeated:  # a name's link (an author's)
                link = None
            if not block and self._ends_a_headline(link, element):
                self._flush()  # links side by side, each a headline: a line each
            self._link = link
            if self._link == "" and headline_like(collapse(element.text_content())):
                self._relative_note(element.get("href") or "")
        self._add(element.text)
        for child in element:
            self._walk(child)
        self._link = outer
        if block or item:
            self._flush()
        self._heading -= headed
        self._in_item -= item
        self._chrome -= chrome
        self._aside -= aside
        self._add_tail(element)

    def _ends_a_headline(self, link: str | None, element: Any) -> bool:
        """Whether a link that reads as a headline follows another such link on the line
        (written side by side, they would be read as one headline with one of the links)."""
        if not link or not headline_like(collapse(element.text_content())):
            return False
        texts: dict[str, str] = {}
        for text, piece_link in self._pieces:
            if piece_link:
                texts[piece_link] = texts.get(piece_link, "") + text
        return link not in texts and any(headline_like(collapse(t)) for t in texts.values())

    def _add_tail(self, element: Any) -> None:
        self._add(element.tail)

    def _continued(self, br: Any) -> bool:
        """Whether a line break in a link splits one sentence (after ":", ",", a dash, or
        before a word in lower case), not a headline from its summary."""
        before = "".join(text for text, _ in self._pieces).rstrip()
        after = (br.tail or "").lstrip()
        if not after and br.getnext() is not None:
            after = collapse(br.getnext().text_content())
        return bool(before) and (before[-1] in ":,–—-" or after[:1].islower())

    def _add(self, text: str | None) -> None:
        if not text:
            return
        if not self._started and text.strip():  # the line starts where its first word is
            self._number = self._position + text[: len(text) - len(text.lstrip())].count("\n")
            self._started = True
        self._position += text.count("\n")
        self._pieces.append((text, self._link or None))

    def _flush(self) -> None:
        """End the line: a line with a link ends where that link's text ends (what follows
        it on a page is the outlet's name or a rubric, not part of the headline)."""
        pieces, self._pieces, self._started = self._pieces, [], False
        weights: dict[str, int] = {}
        for text, link in pieces:
            if link:
                weights[link] = weights.get(link, 0) + len(text.strip())
        link = max(weights, key=lambda k: weights[k]) if weights else None  # first of equals
        if link is not None:
            last = max(i for i, (_, piece_link) in enumerate(pieces) if piece_link == link)
            pieces = pieces[: last + 1]
        text = collapse("".join(text for text, _ in pieces))
        if not text.strip():
            return
        outside = (
            self._aside > 0
            or self._chrome > 0  # (its links are no items' headlines: `_visible_links`)
            or (bool(self.cards) and not self._in_item and link not in self.keys)
        )
        self.lines.append(
            Line(self._number, text, link, outside=outside, heading=self._heading > 0)
        )

    def _card(self, element: Any, key: str) -> None:
        """Read one item: its headline line, its date and time, the rest of its text."""
        stamp, stamped = self._stamp(element)
        if stamp == (None, None) and element.tag == "dd":
            stamp = self._term_stamp(element)
        inner = HTMLListing(element, self.base, self.timezone, self._hidden)
        inner._position = self._position
        inner._in_card, inner._stamped = True, stamped  # its text is the stamp's
        if element.tag == "a":  # an item that is one link: every line of it is in it
            inner._link = absolute(element.get("href") or "", self.base)
        inner._walk_children(element)
        inner._flush()
        self._position = inner._position
        self.notes.extend(inner.notes)
        url = "" if key.startswith("relative:") else key
        candidates = [i for i, line in enumerate(inner.lines) if (line.link or "") == url]
        overlay = self._link_of(element, url)
        if (
            overlay is not element
            and _overlay(overlay)
            and not any(headline_like(inner.lines[i].text) for i in candidates)
        ):  # (a card that shows its title in a link too reads that: Google News's)
            self._hidden_link_item(element, inner.lines, url, stamp)
            return
        if url == "":
            candidates = [i for i in candidates if headline_like(inner.lines[i].text)]
        elif post_link(url, self.base):  # a post's permalink shows its title only as its
            # heading (RMF24's): not its "Copy link", "Link do wpisu" or age ("acum 4 minute")
            candidates = [i for i in candidates if inner.lines[i].heading]
        # A permalink around its post's time ("19.05 BST", "1h ago") shows no headline.
        candidates = [i for i in candidates if not time_only(inner.lines[i].text)]
        # Nor does the outlet's name over its title in one link (Google News: "The Guardian").
        site = unwrapped(url)
        named = [i for i in candidates if names_site(inner.lines[i].text, site, {})]
        candidates = [i for i in candidates if i not in named] or candidates
        if not candidates:
            self._hidden_link_item(element, inner.lines, url, stamp)
            return
        # The item's headline: the line holding its element classed as a headline or title
        # (not a kicker above it: "The Debate"), else a heading that reads as a headline, a
        # heading, a line of two words or more, the first.
        if self._post_citing(element, inner.lines, candidates):
            return  # a post of a live blog under its own heading, citing an article
        marked = self._marked_texts(element)
        preferences: tuple[Callable[[Line], bool], ...] = (
            lambda line: any(text in line.text for text in marked),
            lambda line: line.heading and headline_like(line.text),
            lambda line: line.heading,
            lambda line: word_count(line.text) >= 2,  # (Japanese writes no spaces)
        )
        title = next(
            (i for prefer in preferences for i in candidates if prefer(inner.lines[i])),
            candidates[0],
        )
        line = inner.lines[title]
        beside = tuple((other.number, other.text) for other in inner.lines if other is not line)
        text = self._marked_headline(element, line.text) or line.text
        link = self._link_of(element, url)
        for titled in (collapse(link.get("title") or ""), collapse(link.get("aria-label") or "")):
            if titled != text and text.endswith(titled) and headline_like(titled):
                # "CharkiwRussische Rakete ...", "Medio Oriente. Estado Islámico ...": a
                # kicker glued before the title its link's title or label gives
                text = titled
                break
        shown = next((o for o in inner.lines if _shows_its_address(o)), None) if not url else None
        if shown is not None:  # Notion's table: the title links its own page, and
            url = shown.link or ""  # the row's URL column shows the article's address
            beside = tuple(b for b in beside if b != (shown.number, shown.text))
        labelled = any(ad_label(text) for _, text in beside)
        dropped = ADVERT if labelled else ""  # ("Komerční sdělení" in its card: paid for)
        self.lines.append(Line(line.number, text, url, stamp, beside, item=True, dropped=dropped))

    def _post_citing(self, element: Any, lines: list[Line], candidates: list[int]) -> bool:
        """Read a live blog's post that cites an article in a card of its own (tagesschau's
        entries: their heading, then a teaser's link to another story): the post's heading,
        unlinked and above the link, is the headline, without a link; the teaser is none.
        Only where the page's posts link nothing (`_unlinked_posts` found some)."""
        if not self._posts_found or any(lines[i].heading for i in candidates):
            return False
        first = min(candidates)
        heading = next(
            (
                i
                for i, line in enumerate(lines[:first])
                if line.heading and not line.link and headline_like(line.text)
            ),
            None,
        )
        if heading is None:
            return False
        stamp = self._stamp(element)[0]
        beside = tuple((o.number, o.text) for i, o in enumerate(lines) if i != heading)
        self.lines.append(
            Line(lines[heading].number, lines[heading].text, "", stamp, beside, item=True)
        )
        return True

    def _hidden_link_item(
        self,
        element: Any,
        lines: list[Line],
        url: str,
        stamp: tuple[dt.date | None, dt.time | None],
    ) -> None:
        """Read an item whose link shows no headline: a link laid over its card, its label
        naming the headline shown beside it; a live blog's permalink around its time, its
        heading beside it. Else (an image's link) each line of it for itself. Headlines a
        card under a link laid over it links besides its own (its sublinks, the Guardian's:
        "Ukraine war briefing: …") are items of their own, with no time."""
        link = self._link_of(element, url)
        # (a post's permalink is labelled "Link do wpisu", "Copy link": no headline)
        label = collapse(link.get("aria-label") or "") if url else ""
        label = "" if post_link(url, self.base) else label
        sublinks: dict[str, int] = {}  # each sublink's line of the most words (not its kicker)
        if headline_like(label):
            marked = self._marked_texts(element)
            shown = next((i for i, line in enumerate(lines) if line.text == label), None)
            if shown is None:
                shown = next((i for i, line in enumerate(lines) if line.text in marked), None)
            others = [i for i, line in enumerate(lines) if i != shown and line.link != url]
            for i in others if _overlay(link) else ():
                if lines[i].link in self.keys:
                    best = sublinks.get(lines[i].link or "")
                    if best is None or word_count(lines[i].text) > word_count(lines[best].text):
                        sublinks[lines[i].link or ""] = i
        else:
            shown = next(
                (
                    i
                    for i, line in enumerate(lines)
                    if line.heading and line.link in (None, url) and headline_like(line.text)
                ),
                None,
            )
            if shown is None and same_page(url, self.base):  # a live blog's untitled post
                reason = "a live blog's post without a heading of its own, not a headline"
                self.lines.extend(replace(line, outside=False, dropped=reason) for line in lines)
                return
            if shown is None:
                self.lines.extend(replace(line, outside=False) for line in lines)
                return
        number = lines[shown].number if shown is not None else self._position
        text = lines[shown].text if shown is not None else label
        taken = set(sublinks.values())
        beside = tuple(
            (o.number, o.text) for i, o in enumerate(lines) if i != shown and i not in taken
        )
        self.lines.append(Line(number, text, url, stamp, beside, item=True))
        for i in sorted(taken):
            self.lines.append(Line(lines[i].number, lines[i].text, lines[i].link, item=True))

    def _link_of(self, element: Any, url: str) -> Any:
        """The item's link to its headline's article (the element itself if none is found)."""
        for link in element.iter("a"):
            if self._key_of.get(link) == url:
                return link
        return element

    def _marked_texts(self, element: Any) -> list[str]:
        """The texts of the item's elements classed as its headline or title that read as
        a headline."""
        texts = []
        for marked in element.iter():
            if not isinstance(marked.tag, str) or self._skipped(marked):
                continue
            names = (marked.get("class") or "").split()  # and what a page's data marks it as
            names += [marked.get(k) or "" for k in ("data-manual", "data-testid", "itemprop")]
            if any(_HEADLINE_CLASS.search(name) for name in names if name):
                text = collapse(marked.text_content())
                for inner in marked.iterdescendants():  # (its badges are not read: "Opinion")
                    if isinstance(inner.tag, str) and badge(inner):
                        text = collapse(text.replace(collapse(inner.text_content()), "", 1))
                if headline_like(text):
                    texts.append(text)
        return texts

    def _marked_headline(self, element: Any, line: str) -> str | None:
        """The text of the item's innermost element classed as its headline or title, when
        the line holds it with more (a kicker in the link: "Live", "Exclusive")."""
        found = None
        for text in self._marked_texts(element):
            if text in line and (found is None or text in found):
                found = text  # a later (inner) one within the earlier
        return found if found != line else None

    def _walk_children(self, element: Any) -> None:
        if element.sourceline:
            self._position = element.sourceline
        self._heading += element.tag.lower() in HEADINGS
        self._add(element.text)
        for child in element:
            self._walk(child)

    def _stamp(self, element: Any) -> tuple[tuple[dt.date | None, dt.time | None], Any]:
        """The item's date and time as its markup gives them, in the site's time zone, and
        the element that gives them (None when none does); a time that says it is an
        update's only when the item has no other."""
        updated: tuple[tuple[dt.date | None, dt.time | None], Any] | None = None
        for found in element.iter():
            if not isinstance(found.tag, str) or self._skipped(found):
                continue
            if found.tag == "time" and (found.get("datetime") or not epoch_of(found)):
                value = found.get("datetime")
            elif found.get("itemprop") in PUBLISHED or (
                found.tag == "abbr" and MICROFORMAT_DATE.search(found.get("class") or "")
            ):  # (Blogger's <abbr class="published" title="2024-07-16T14:03:00+02:00">)
                value = found.get("content") or found.get("datetime")
                value = value or (found.get("title") if found.tag == "abbr" else None)
            elif found.tag != "time" and _ISO_TITLE.match(found.get("datetime") or ""):
                value = found.get("datetime")  # a <span datetime="…+06:00"> (Daily Star's)
            elif _ISO_TITLE.match(found.get("title") or ""):
                # timeago's: <span class="timeago" title="2024-07-16T19:44:12+05:00">16
                # minutes ago</span> (Dawn's), the moment in its title, an age as its text
                value = found.get("title")
            elif epoch_of(found):
                value = epoch_stamp(next(found.get(n) for n in EPOCH_STAMPS if found.get(n)))
                stamp = read_stamp(value, self.timezone)
                if stamp is not None:  # an attribute, of an element that may hold the item
                    return stamp, None
                continue
            else:
                continue
            stamp = read_stamp(value or "", self.timezone, self.assumed)
            if stamp is not None:
                if stamp[1] is None:  # a date alone: its text may say the time, "Jul 16, 9:47 PM"
                    clock = CLOCK.search(collapse(found.text_content()))
                    stamp = (stamp[0], read_time(clock.group()) if clock else None)
                if UPDATED.match(collapse(found.text_content())):
                    updated = updated or (stamp, found)  # "Updated July 16, 6:41 p.m."
                    continue
                return stamp, found
        return updated or ((None, None), None)

    def _term_stamp(self, element: Any) -> tuple[dt.date | None, dt.time | None]:
        """The moment a definition list's term gives the <dd> after it (a comment between
        them or not): <dt><time>21:30</time></dt><dd><a>Title</a></dd>, Експрес's feed."""
        term = element.getprevious()
        while term is not None and not isinstance(term.tag, str):
            term = term.getprevious()
        if term is None or term.tag != "dt":
            return None, None
        stamp = self._stamp(term)[0]
        clock = CLOCK.fullmatch(collapse(term.text_content()))
        if stamp == (None, None) and clock is not None:
            return None, read_time(clock.group())
        return stamp

    def _relative_note(self, href: str) -> None:
        self.notes.append(
            Dropped(
                self._position,
                href.strip(),
                "links relative to the page they were copied from are left out: give "
                "--source with the id of the outlet whose page it is to complete them",
            )
        )


def _bold_paragraph(element: Any) -> bool:
    """Whether a paragraph is all in bold, a post's title as live blogs write one without a
    heading: <p><b>Zełenski pogratulował Robercie Metsoli</b></p> (Gazeta.pl's)."""
    if element.tag != "p" or len(element) != 1 or (element.text or "").strip():
        return False
    bold = element[0]
    return bold.tag in ("b", "strong") and not (bold.tail or "").strip() and len(bold) == 0


def _parent_class(element: Any) -> str:
    parent = element.getparent()
    return (parent.get("class") or "") if parent is not None else ""


def _overlay(link: Any) -> bool:
    """Whether a link shows nothing and names its headline in its label: laid over a card."""
    return (
        link.tag == "a"
        and not collapse(link.text_content())
        and len(link) == 0
        and headline_like(collapse(link.get("aria-label") or ""))
    )


# A class a framework gives every element of a component ("svelte-1x7wq2a", Emotion's
# "css-1n5ab8q", styled-components' "sc-278a0v-0"): no kind of element.
_SCOPED_CLASS = re.compile(r"(?:svelte|css|sc|jsx|emotion)-[\w-]+")


def _own_classes(element: Any) -> set[str]:
    """An element's classes but those a framework scopes a component's elements by."""
    return {c for c in (element.get("class") or "").split() if not _SCOPED_CLASS.fullmatch(c)}


def _block_name(element: Any) -> str:
    """The first of an element's classes: its block's name ("promo" of "promo promo-large")."""
    classes = (element.get("class") or "").split()
    return classes[0] if classes else ""


def _a_card(element: Any) -> bool:
    """Whether an element holds a headline's link and names nothing paid for: a card."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return not paid(names, promo=False) and any(
        headline_like(link_text(link)) for link in element.iter("a")
    )
