"""What an element of a saved page is: a sidebar, the page's own chrome, a badge, a date.

The tests the HTML reader asks of an element before it takes its text: whether it stands
beside the page's listing (an <aside>, a block classed or headed "Most read"), is the
page's own header or footer, a badge in a headline's link ("ВІДЕО", a members-only lock),
an item's date, or hidden (by its page's style or a screen reader's class); and the tag
names the reader sorts elements by.
"""

from __future__ import annotations

import re
from typing import Any

from .importtext import collapse, headline_like

# A block named "promo", not a card's ("article-promo", "card-promo").
_BLOCK_PROMO = r"(?<!article-)(?<!card-)(?<!story-)(?<!teaser-)promo"

# What stands beside a page's listing: a sidebar (an <aside>, a block classed "sidebar",
# "most-read", "popular", "trending", WordPress's "widget-area", or headed "Most read",
# "Популярне"), a newsletter box, sponsored content, a donation or cookie banner. While a page has
# headlines outside them, those are the listing and their links are not headlines (a
# sidebar pasted alone is a listing, and read as one).
_SIDEBAR_CLASS = re.compile(
    r"sidebar|most-?read|most-?popular|most-?viewed|trending|widget-area"
    r"|(?<![a-z])(?:popular|side|aside|rail|partners?|advert|ad)(?![a-z])"
    # (not a card named so: RTÉ's "article-promo", every item of its listing)
    rf"|(?<![a-z]){_BLOCK_PROMO}(?![a-z])"
    r"|newsletter|sponsored|brandvoice|donate|cookie|consent|didomi|onetrust|gdpr|outbrain|taboola"
    r"|(?<![a-z])midas(?![a-z])"  # Midas Network's recommendations (Serbia's, Politika's)
    r"|(?<![a-z])ob-widget|membership|paywall"
    r"|(?<![a-z])(?:banner|alert-?(?:bar|line|strip)|breaking-?(?:news-?)?bar|live-?bar|ticker)(?![a-z])"
    r"|(?<![a-z])breaking-?news(?![a-z])"  # Hürriyet's "SON DAKİKA" bar: div.breaking-news
    r"|breaking news$",  # (a region's label: "Breaking news", the site's bar over every page)
    re.IGNORECASE,
)


# A page's right-hand column, by its class: "container_sub_right", "right-column", "col-right",
# NDTV's "rhs_wgt" (right-hand side). Not "col-left": the main column of many (VnExpress's
# "col-left-top" holds its top story).
_RIGHT_COLUMN = re.compile(  # and a left-hand one, the menu of old table layouts ("leftcol")
    r"(?<![a-z])(?:(?:right|left)[-_]?(?:col|column|side|part|block|menu)"
    r"|(?:col|column|sub)[-_]?right|rhs|lhs)(?![a-z])",
    re.IGNORECASE,
)


_SIDEBAR_TITLE = re.compile(
    r"(?:the )?(?:most (?:read|popular|viewed|shared)|popular(?: now)?|trending(?: now)?"
    r"|найпопулярніше|популярне|найчитаніше|самое (?:читаемое|популярное)|популярное"
    r"|топ[- ]\d+(?: за (?:добу|сутки|тиждень|неделю))?|top \d+(?: today| this week)?"
    r"|editor'?s'? (?:choice|picks)|вибір редакції|выбор редакции"
    r"|partner (?:news|content)|новини партнерів|новости партнеров|from our partners"
    r"|meistgelesen|meistgesehen|les plus lus|najczęściej czytane|najpopularniejsze"
    r"|lo más leído|más leídas|i più letti|mais lidas|cele mai citite|nejčtenější"
    r"|mest lästa|meest gelezen|en çok okunan(?:lar)?|skaitomiausi|lasītākie"
    r"|polecane(?: dla ciebie)?|terpopuler|berita terkait|mest læste|mest leste?|най-четени"
    r"|najčítanejšie|najčitanejše|najbolj brano|найчитаніші"
    r"|top stories|videos|visual stories|web stories|photo stories|more videos"
    r"|mais vistas|más vistas|luetuimmat|legolvasottabb|najčitanije|најчитаније"
    r"|الأكثر قراءة|הנקראים ביותר|阅读排行|热点排行|热榜|アクセスランキング|많이 본 뉴스"
    # a newsletter's own other issues under its post: Substack's, beehiiv's, LinkedIn's
    # a box of other articles among a page's items: "Mohlo by vás zajímat" (Aktuálně.cz)
    r"|mohlo by vás (?:také )?zajímat|mohlo by vás zaujímať|вас може зацікавити"
    r"|вам может быть интересно|das könnte sie auch interessieren|potrebbe interessarti"
    r"|you might be interested in|może cię zainteresować"
    r"|(?:dw |\w+ )?empfiehlt|wir empfehlen|we recommend|редакція рекомендує|редакция рекомендует"
    r"|ready for more\??|keep reading|read next|you (?:might|may) "
    r"also like|recommended(?: for you)?|related (?:posts|articles|stories)"
    r"|читайте також у розсилці|більше випусків|ещё выпуски|еще выпуски)"
    r"(?: [\w&-]+){0,2}\W*",  # "Most Read World", "Most read in Europe"
    re.IGNORECASE,
)


# A box of one link set in a listing: "ЧИТАЙТЕ ТАКОЖ" and one article (many under that
# title are the listing: the "Read also" footer of an outlet's page).
_ALSO_TITLE = re.compile(
    r"(?:read|see) also|also read|читайте також|дивіться також|читайте также|смотрите также",
    re.IGNORECASE,
)


INVISIBLE = re.compile(r"display:none|visibility:hidden", re.IGNORECASE)


def hidden_classes(root: Any) -> frozenset[str]:
    """The classes that hide an element from sight: the usual names of text for screen
    readers alone ("visually-hidden", "sr-only"), and those the page's own style sheets
    hide (display: none, or clipped to a pixel: BBC's "Відео, " before a title)."""
    hidden = set(_SCREEN_READER_CLASSES)
    for style in root.iter("style"):
        for selectors, rules in _CSS_RULE.findall(style.text or ""):
            rules = rules.replace(" ", "").lower()
            if INVISIBLE.search(rules) or _CLIPPED.search(rules):
                hidden.update(_CLASS_SELECTOR.findall(selectors))
    return frozenset(hidden)


_SCREEN_READER_CLASSES = (
    "visually-hidden",
    "visuallyhidden",
    "sr-only",
    "screen-reader-text",
    "screen-reader-only",
    "element-invisible",
    "a11y-hidden",
    "u-visually-hidden",
    "is-visually-hidden",
)


# (a rule starts after a brace or at the start: from every place of a long stretch without
# one, a source map's, the search was quadratic)
_CSS_RULE = re.compile(r"(?<![^{}])([^{}]+)\{([^{}]*)\}")


_CLIPPED = re.compile(r"clip:rect\(|clip-path:inset\(")


_CLASS_SELECTOR = re.compile(r"(?:^|,)\s*\.([\w-]+)\s*(?=,|$)")  # ".vh", not ".a .b" or ".a:hover"


# An element that holds an item's date or time, by its class: "date", "news__time",
# "Timestamp-template", "published".
_DATE_CLASS = re.compile(
    r"(?:^|[-_])(?:date|time|datetime|timestamp|published|pubdate)(?:$|[-_])", re.IGNORECASE
)


def dated(element: Any) -> bool:
    return any(_DATE_CLASS.search(name) for name in (element.get("class") or "").split())


# A badge in a headline: <span class="newsfeed__label">ВІДЕО</span>, "nv-premium-badge".
_BADGE_CLASS = re.compile(
    r"(?i:(?:^|[-_])(?:label|badge|kicker|flag|mark|live|tag|pre-?title|supertitle|eyebrow)(?:$|[-_]))"
    r"|[a-z](?:Label|Badge|Kicker|Flag)$"
)  # "newsfeed__label", "nv-premium-badge", "fig-live-mark", CSS modules' "...-LiveLabel",
# Telex's "list__item__live" ("Percről percre": minute by minute), NDTV's "vid-tag" ("Video"),
# RTVE's "pretitle" ("Diplomacia", a kicker in the link over its "maintitle")


# A mark that the article is for members, a badge even in a <div>: Ghost's "post-card-access"
# ("Лише для підписників", a lock and its words, inside the card's heading).
_COLOURED = re.compile(r"(?:^|;)\s*color\s*:", re.IGNORECASE)  # its own colour, inline
_LOCK_CLASS = re.compile(r"(?:^|[-_])(?:access|paywall|locked)(?:$|[-_])", re.IGNORECASE)


def media_badge(element: Any) -> bool:
    """Whether an element is a badge that ends its link and says what the article holds
    (<em>ФОТО</em>, "VIDEO")."""
    return (
        isinstance(element.tag, str)
        and _MEDIA_MARK.fullmatch(collapse(element.text_content())) is not None
        and _ends_its_link(element)
    )


def badge(element: Any) -> bool:
    """Whether the element is a badge of a few words beside a headline in its link ("ФОТО",
    "Premium", "Ексклюзив NV"): not part of the headline. (One outside the link is a line
    of its own, and dropped as one.)"""
    if not isinstance(element.tag, str) or element.tag == "a":
        return False
    if element.tag not in INLINE and element.tag != "div":
        return False
    if not any(ancestor.tag == "a" for ancestor in element.iterancestors()):
        return False
    text = collapse(element.text_content())
    names = (element.get("class") or "").split()
    locked = any(_LOCK_CLASS.search(name) for name in names)
    if element.tag == "div" and not locked:
        return False
    link = next(ancestor for ancestor in element.iterancestors() if ancestor.tag == "a")
    coloured = _COLOURED.search(element.get("style") or "") is not None and not (
        (link.text or "").strip() or next(link.iterchildren(), None) is not element
    )  # a mail's kicker: <a><span style="color:#c70000">Hungary</span> Viktor Orbán …</a>
    classed = locked or coloured or any(_BADGE_CLASS.search(name) for name in names)
    if not classed and not (_MEDIA_MARK.fullmatch(text) and _ends_its_link(element)):
        return False
    if not text or len(text.split()) > 3:
        return False
    rest = collapse(link.text_content()).replace(text, "", 1)  # (its wrappers' too: Delfi's)
    return headline_like(rest)


# What a headline's link may end with, unclassed, to say what the article holds:
# <a>Title <em>ФОТО</em></a>. In capitals only; one or two, "ФОТО, ВІДЕО".
_MEDIA_WORD = (
    # (ВIДЕО too, as Censor.NET types it: its І a Latin I)
    r"(?:ФОТО|В[ІI]ДЕО|ВИДЕО|АУД[ІI]О|АУДИО|[ІI]НФОГРАФ[ІI]КА|ИНФОГРАФИКА|ОНОВЛЕНО|ОБНОВЛЕНО|ОНЛАЙН"
    r"|ОНОВЛЮЄТЬСЯ|ОБНОВЛЯЕТСЯ"
    r"|ДОКУМЕНТ|КАРТА|PHOTOS?|VIDEO|AUDIO|INFOGRAPHIC|UPDATED|LIVE|MAP|VIDÉO|VÍDEO|WIDEO|FOTOS?)"
)


_MEDIA_MARK = re.compile(rf"\(?{_MEDIA_WORD}(?:\s*(?:[,/+&]|І|И|ТА|AND)?\s*{_MEDIA_WORD})?\)?")


MEDIA_END = re.compile(
    rf"(?:\s+[-–—|:])?\s+{_MEDIA_MARK.pattern}$"  # "Title – LIVE" too
    # and a sentence of its own after the title's stop: "… Саміті миру. Відео" (Obozrevatel's)
    r"|(?<=\w)\.\s+(?:Відео|Фото|Видео|Video|Photos?|Фото(?: і|,) відео|Фото и видео)$"
)
# A badge run into the headline after it, as a page copied as text runs its spans together:
# "VIDEOI droni ucraini…", "ВІДЕОУдар по…": a capital that starts a word in small letters,
# or a word of one letter ("I", "A", "В", "У"), not more capitals ("MAPS of war").
MEDIA_START = re.compile(
    rf"{_MEDIA_WORD}(?=[^\W\d_][^\W\d_A-ZА-ЯЁІЇЄҐ]|[IAOEUВУЗІОАКС][\s'’])"
    # or before it with a space, a heading's badge: "VIDÉO Les images …", "VIDEO "Kiev …""
    rf"|{_MEDIA_WORD}\s+(?=[\"«„“'][^\W\d_]|[^\W\d_][^\W\d_A-ZА-ЯЁІЇЄҐ])"
)


def _ends_its_link(element: Any) -> bool:
    """Whether nothing but white space follows the element in the link it is in."""
    for node in (element, *element.iterancestors()):
        if node.tag == "a":
            return True
        if (node.tail or "").strip() or any(isinstance(e.tag, str) for e in node.itersiblings()):
            return False
    return False


def side_heading(text: str) -> bool:
    """Whether a line is the heading of a block beside a listing ("Популярне", "Новини
    партнерів", "Most read"), as a page copied as text shows it."""
    return _SIDEBAR_TITLE.fullmatch(collapse(text)) is not None


def sidebar(element: Any) -> bool:
    """Whether the element is a sidebar of a page (_SIDEBAR_CLASS, _SIDEBAR_TITLE)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "aside" or element.get("role") in ("dialog", "alertdialog"):
        return True  # (a dialog over the page: a consent's, a newsletter's)
    if (tag in ("div", "section") or "-" in tag) and any(
        _BREAKING_BLOCK.search(name) for name in (element.get("class") or "").split()
    ):  # (or a custom element: Le Soir's <r-breaking class="r-breaking">)
        return True  # a block named "breaking" (Industrialka's bar: "Терміново"), not an item
    if _RELATED.search(f"{tag} {element.get('class') or ''}") and any(
        _A_CARD.search(f"{above.tag} {above.get('class') or ''}")
        for above in element.iterancestors()
        if isinstance(above.tag, str)
    ):
        return True  # a card's own "Lire aussi" links (Le Soir's <r-article--related>)

    # The page itself is none, whatever its classes say (Drupal's <body class="one-sidebar
    # sidebar-second">: a page that has a sidebar).
    if not tag or tag in INLINE or tag in HEADINGS or tag in ("html", "body", "main"):
        return False
    names = (
        f"{element.get('class') or ''} {element.get('id') or ''} {element.get('aria-label') or ''}"
        f" {element.get('data-area') or ''}"  # Spiegel's data-area="newsletter_box"
    )
    if (_SIDEBAR_CLASS.search(names) or _RIGHT_COLUMN.search(names)) and (
        not _CARD_CLASS.search(element.get("class") or "") or paid(names)
    ):  # (a story's card beside the lead one, "card--hero-side", is no sidebar; a paid one is)
        return True
    first = _first_child(element)
    if first is not None and first.tag not in HEADINGS and len(first) == 1:
        first = _first_child(first)  # a heading in a wrapper: <div class="title"><h2>
    if first is None or not (
        first.tag in HEADINGS
        or _TITLE_CLASS.search(first.get("class") or "")
        or (tag == "div" and first.tag in ("b", "strong"))  # "<b>Читайте также:</b> <a>"
    ):
        return False  # a heading, or a block classed as a title: "side-block__title"
    title = collapse(first.text_content()).rstrip(":").strip()
    if _SIDEBAR_TITLE.fullmatch(title):
        return True
    links = [link for link in element.iter("a") if headline_like(collapse(link.text_content()))]
    return _ALSO_TITLE.fullmatch(title) is not None and len(links) == 1


# A block of related links, and a card (its tag or class: <r-article>, "teaser", "c-card").
_RELATED = re.compile(r"(?<![a-z])related(?![a-z])", re.IGNORECASE)
_A_CARD = re.compile(r"(?<![a-z])(?:article|card|teaser|story)(?![a-z])", re.IGNORECASE)
# A block named "breaking" (a namespace's prefix before it: "c-breaking", "js-breaking").
_BREAKING_BLOCK = re.compile(r"(?:^|-)breaking(?:$|[-_])")
# Names of what is paid for: a sponsor's, an advert's, a partner's, a recommendation widget's.
_PAID_WORDS = r"sponsor|brandvoice|advert|partner|outbrain|taboola|paid"
_PAID = re.compile(_PAID_WORDS, re.IGNORECASE)
# ... or a promotion: a block named "promo", but not a card's own ("article-promo", RTÉ's).
_PAID_OR_PROMO = re.compile(f"{_PAID_WORDS}|{_BLOCK_PROMO}", re.IGNORECASE)


def paid(names: str, promo: bool = True) -> bool:
    """Whether an element's class, id or label (`names`) says it is paid for; with `promo`,
    a promotion's block counts too (not where cards are told from paid ones by their block's
    name, which says "promo" for every card: the LA Times' `<ps-promo>`)."""
    return (_PAID_OR_PROMO if promo else _PAID).search(names) is not None


# An item's own class: a card, a story (the Straits Times' "card card--hero-side").
_CARD_CLASS = re.compile(r"(?:^|\s)(?:card|story|article|teaser)(?:$|\s|--)", re.IGNORECASE)
# A block's title by its class: "side-block__title", "read-also__title", "section-heading".
_TITLE_CLASS = re.compile(
    r"(?:^|[-_\s])(?:title|heading|header|head|caption)(?:$|[-_\s])", re.IGNORECASE
)  # (and "ReadAlso_caption__c0Vb1": "Читайте також:" over its one link)


def holds_blocks(element: Any) -> bool:
    """Whether an inline element holds block elements (a link around a whole card)."""
    return any(isinstance(e.tag, str) and e.tag in BLOCKS for e in element.iterdescendants())


def _first_child(element: Any) -> Any:
    """The element's first child element, if any."""
    return next((child for child in element if isinstance(child.tag, str)), None)


def page_chrome(element: Any) -> bool:
    """Whether the element is the page's own header or footer (not an article's): a
    <header> or <footer>, or a block classed or named as the page's footer ("footer",
    "site-footer", "footer_menu") or its header ("portal-header", "masthead")."""
    names = [*(element.get("class") or "").split(), element.get("id") or ""]
    chrome = element.tag in BLOCKS and any(
        _FOOTER_CLASS.match(name) or _HEADER_NAME.fullmatch(name) for name in names if name
    )
    return (element.tag in CHROME or chrome) and not any(
        ancestor.tag in SECTIONS for ancestor in element.iterancestors()
    )


_FOOTER_CLASS = re.compile(r"(?:(?:site|page|main|global|l)[-_]+)?footer(?:$|[-_])", re.I)
_HEADER_NAME = re.compile(r"(?:(?:site|portal|main|global|top)[-_]?)?header|masthead", re.I)


BLOCKS = frozenset(
    {"p", "li", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "dt", "dd"}
    | {"ul", "ol", "dl", "table", "article", "section", "header", "footer", "aside", "main"}
    | {"blockquote", "figure", "figcaption", "time", "hr", "details", "summary", "address"}
)


HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


# A page's own header and footer: outside the items of a listing, even their links are not
# headlines (the outlet's logo, "Privacy policy and cookies").
CHROME = frozenset({"header", "footer"})


SECTIONS = frozenset({"article", "aside", "nav", "section", "main"})


INLINE = frozenset(
    {"a", "span", "strong", "em", "b", "i", "u", "small", "mark", "font", "abbr", "cite", "q"}
)


PUBLISHED = ("datePublished", "dateCreated", "uploadDate")
