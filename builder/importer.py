"""Turning a pasted listing of headlines into days: pure functions on strings.

Editors paste what outlets show: the "Read also" footer of a page (a `2024, Saturday` line,
a `22 June` line, then one headline a line), a Telegram channel, a newsletter, a Markdown
list, HTML copied from a page, or an outlet's RSS or Atom feed. `parse_listing` reads any
of these into dated entries and says which lines it dropped and why. Each kind of input is
first made into lines (`importformats` says which reader takes it); this module walks them
with one state machine: day lines date what follows, a headline takes the link and time
around it, and what is no headline is dropped with a reason. `importdays` writes and merges
the day files.
Headline text is kept as pasted; only the white space around it is trimmed, the emoji
before it, and the outlet's name after it when its link is on that outlet's site (the
source says it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import replace

from .i18n import language_meant, normalise_word
from .importcopies import CHAT_LINE
from .importdates import (
    BESIDE,
    BRACKETED_STAMP,
    CREDIT,
    CREDIT_STAMP,
    GLUED_DATE,
    LANGUAGES,
    NAMED_ZONE,
    OUTSIDE,
    TIME_LINE,
    TIME_PREFIX,
    UPDATED,
    date_line,
    date_time_line,
    dated_line,
    day_month_line,
    feed_date_text,
    from_zone,
    is_age,
    month_and_weekday_names,
    morning_after,
    read_stamp,
    read_time,
    said_before_tab,
    said_date_time,
    source_named,
    time_only,
    weekday_time,
    year_and_weekday,
)
from .importelements import MEDIA_END, MEDIA_START, side_heading
from .importentries import (
    KICKER_WORDS,
    complete,
    entry_before,
    index_entry,
    past_midnight,
    remove,
    restamp,
    retitle,
    title_key,
    unsummarised,
)
from .importfeeds import (
    FEED,
    MBOX,
    mbox_messages,
)
from .importformats import listing_lines
from .importhtml import (
    HTML,
)
from .importlinks import (
    APP,
    CHAT_TIME,
    INDEX,
    SERVICE_PAGE,
    app_page,
    home_page,
    host_of,
    index_page,
    is_a_source_name,
    match_source,
    named_source,
    names_site,
    profile,
    unwrapped,
    without_outlet,
)
from .importmodel import Dropped, Entry, ImportedDay, Line, Listing, State
from .importpasses import (
    NO_HEADLINE,
    STAMPED_LIST,
    alternating_stamps,
    bylines,
    drop_adverts,
    drop_counts,
    drop_pending,
    drop_undated_after,
    drop_unlinked,
    drop_unstamped,
    embedded_posts,
    ends_with_age,
    page_stamp,
    stamp_direction,
    standfirsts,
    video_lengths,
)
from .importtext import (
    ADVERT,
    BETWEEN,
    BOLD_LABEL,
    BULLET,
    BYLINE,
    CAPITALS,
    CHECKBOX,
    COPYRIGHT,
    DIGIT,
    DURATION,
    EDITOR_NOTE,
    EMPHASISED,
    END_ARROW,
    END_TAGS,
    LEAD_IN,
    LEAD_TIME,
    LINK_WORDS,
    LINKED_WORDS,
    MD_IMAGE,
    MD_LINK,
    NAVIGATION,
    NO_WORDS,
    NUMBERED,
    OUTLET_NAME,
    PAGE_COPY_LINES,
    PRIVACY,
    PROFILE,
    RUBRIC_WORD,
    SENTENCE,
    SENTENCE_WORDS,
    SHORT,
    SITE_NAME,
    SOCIAL_LINE,
    SPOKEN_PROMO,
    SPONSOR_LINE,
    STAFF,
    STRONG,
    STRUCK_OUT,
    SUMMARY,
    SUMMARY_WORDS,
    URL_IN_TEXT,
    URL_LINE,
    VIDEO,
    VIDEO_LENGTH,
    WORD_RUN,
    ad_label,
    boilerplate,
    glued_date_line,
    headline_like,
    link_line,
    markdown_links,
    split_link,
    undecorated,
    unspaced_words,
)
from .importzones import zone_of_language, zone_of_links, zone_of_script, zone_of_site
from .links import clean_url
from .reader import normalise_text
from .urls import without_unseen

# The language an HTML page says it is written in: <html lang="ja">.
HTML_LANG = re.compile(
    r"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I
)


# The language a feed says it is written in: RSS's <language>, Atom's xml:lang.
FEED_LANG = re.compile(
    r"<language>\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)\s*</language>"
    r"|<feed\b[^>]*?\sxml:lang\s*=\s*[\"']([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)",
    re.I,
)


def declared_language(text: str) -> str | None:
    """Return the language a listing says it is in (<html lang>, a feed's), as a BCP 47
    code ("fa-IR"), or None."""
    head = text[:5000]
    found = HTML_LANG.search(head)
    code = found[1] if found else None
    if code is None:
        feed = FEED_LANG.search(head)
        code = (feed[1] or feed[2]) if feed else None
    return language_meant(code) if code else None  # day files refuse "EN", "ua"


# A rubric in capitals run into the time after it, as a copy joins their spans.
_GLUED_RUBRIC = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+){0,3}(?=\d{1,2}:\d{2}(?!\d))")
_UPDATE_TIME = "an update's moment, after its headline's: not the next one's"


def parse_listing(
    text: str,
    default_date: dt.date,
    sources: Mapping[str, str] | None = None,
    default_source: str = "",
    languages: tuple[str, ...] = LANGUAGES,
    timezone: str | None = None,
    page_url: str = "",
    now: dt.datetime | None = None,
    names: Mapping[str, str] | None = None,
) -> Listing:
    """Read a pasted listing; headlines before any date line go to `default_date`.

    `sources` maps source ids to their home page URLs: an entry's source is the one whose
    host its URL is on, else `default_source`. Links relative to the page the listing
    came from are completed against the address the page names (<base>, canonical), else
    `page_url` (where it was fetched), else the default source's home page. Times a page
    gives with their offset are read in `timezone` (the site's). `now`, the moment the
    listing was copied (in that time zone), dates "3 hours ago" and the like. `names`, the
    sources' names by id: a headline's outlet named after it ("— Українська правда") is left
    out, as the source says it.
    """
    # A narrow or thin space, as browsers and Apple write one before "AM" ("8:15\u202fAM"),
    # is a space to read dates by.
    text = normalise_text(text.translate(_NARROW_SPACES))
    if HTML.search(text) is None and FEED.match(text) is None:
        text = markdown_links(text)  # ("[Title][1]", "[1]: https://…": Markdown's forms)
    if MBOX.match(text):  # a mailbox: each message a listing of its own
        return _mailbox(text, default_date, sources, default_source, languages, timezone, names)
    months, weekdays = month_and_weekday_names(languages)
    state = State(
        date=default_date,
        anchor=default_date,
        today=default_date,
        now=now,
        timezone=timezone,
        names=dict(names or {}),
    )
    sources = sources or {}
    base = page_url or sources.get(default_source, "")
    lines, notes = listing_lines(text, base, timezone)
    # Times given without a zone are the page's country's (a site's address says which).
    links = [line.link or "" for line in lines]
    links += [found.group() for found in URL_IN_TEXT.finditer(text)]  # (copied as text)
    state.assumed = zone_of_site(base) or zone_of_links(link for link in links if link)
    if state.assumed is None:  # else a page's language's ("ja": Tokyo's)
        language = HTML_LANG.search(text[:5000])
        state.assumed = zone_of_language(language[1]) if language else None
        if language is None:  # else its letters' (a copy's: "メツォラ氏、…", Tokyo's)
            state.assumed = zone_of_script("\n".join(line.text for line in lines))
    state.notes.extend(notes)
    # A whole page copied as text has menus and buttons: many lines of a word or two, with
    # no figure (not a date). Then lines of two words are no headlines either.
    short = (line for line in lines if not line.item and not line.link)
    state.page_copy = (
        sum(
            1
            for line in short
            if 1 <= len(WORD_RUN.findall(line.text)) <= 2 and not DIGIT.search(line.text)
        )
        >= PAGE_COPY_LINES
    )
    state.copied = not any(line.item or line.link is not None for line in lines)
    if state.copied:
        state.chat_times = sum(
            1
            for line in lines
            if CHAT_TIME.fullmatch(line.text.strip())
            or _ZOOM_HEADER.fullmatch(line.text.strip())
            or weekday_time(line.text, weekdays)  # Messenger's "Mon 20:51"
        )
        state.sites_above = _sites_above_links(lines)
        lines = page_stamp(embedded_posts(lines), months, weekdays, state)
        lines = bylines(video_lengths(lines, months, weekdays, state), months, weekdays, state)
        state.blocks_trailing = stamp_direction(lines, months, weekdays, state)
        if state.blocks_trailing:  # (a video's length under its badge, whatever else)
            lines = video_lengths(lines, months, weekdays, state, trailing=True)
        if state.blocks_trailing is None:
            lines = standfirsts(lines, months, weekdays, state)
            state.blocks_trailing = alternating_stamps(lines, months, weekdays, state)
            state.dates_follow = bool(state.blocks_trailing)
    for line in lines:
        _take_line(state, line, months, weekdays, sources, default_source)
    drop_pending(state)
    drop_adverts(state)
    drop_unlinked(state, timed=not state.copied)
    if state.copied:
        drop_unstamped(state)
        drop_counts(state)
    elif HTML.search(text) is not None and FEED.match(text) is None:
        drop_undated_after(state)  # (a page's: a feed's items are all alike)
    days = tuple(
        ImportedDay(date, tuple(replace(e, title=undecorated(e.title).strip()) for e in entries))
        for date, entries in state.days.items()
    )
    return Listing(days, tuple(state.dropped), tuple(state.notes))


def _mailbox(
    text: str,
    default_date: dt.date,
    sources: Mapping[str, str] | None,
    default_source: str,
    languages: tuple[str, ...],
    timezone: str | None,
    names: Mapping[str, str] | None,
) -> Listing:
    """A mailbox's messages, each read as the mail it is, as of the day it was sent (its
    "today" and "yesterday" are of that day; a headline without a day of its own is on it);
    a message's line numbers are its part's, after the line its separator is on."""
    days: dict[dt.date, list[Entry]] = {}
    dropped: list[Dropped] = [Dropped(1, "From ", MAILBOX)]
    notes: list[Dropped] = []
    for first, sent, message in mbox_messages(text):
        stamp = read_stamp(sent, timezone) if sent else None
        read = parse_listing(
            message,
            stamp[0] if stamp is not None else default_date,
            sources,
            default_source,
            languages,
            timezone,
            names=names,
        )
        entries = [(day.date, entry) for day in read.days for entry in day.entries]
        if not any(entry.url for _, entry in entries):  # a colleague's note, not a newsletter
            dropped.extend(Dropped(e.line + first, e.title, _UNLINKED_MAIL) for _, e in entries)
            continue
        for date, entry in entries:
            days.setdefault(date, []).append(replace(entry, line=entry.line + first))
        moved = [replace(d, line=d.line + first) for d in (*read.dropped, *read.notes)]
        dropped.extend(moved[: len(read.dropped)])
        notes.extend(moved[len(read.dropped) :])
    imported = tuple(ImportedDay(date, tuple(entries)) for date, entries in days.items())
    return Listing(imported, tuple(dropped), tuple(notes))


MAILBOX = "a mailbox: each message read as a mail, as of the day it was sent"
_EDITED = re.compile(
    r"\s*\u200e?<(?:This message was edited|Це повідомлення змінено|Сообщение изменено)>\s*$"
)
_NARROW_SPACES = str.maketrans({"\u202f": " ", "\u2009": " ", "\u2007": " "})
_UNLINKED_MAIL = "in a mailbox's message that links no article (a colleague's note): no headline"


def _sites_above_links(lines: list[Line]) -> frozenset[int]:
    """Return the lines of text that name a site whose link comes alone within the next
    four lines, under a preview's title and description: a WhatsApp channel's post copied
    shows its link's preview, then the words it was shared with, then the link. (Signal's
    shows the site first, then the preview's title: the lines above are no title and
    description, but a sender's name, the message's words or its time.)"""
    texts = [(line.number, line.text.strip()) for line in lines if line.text.strip()]
    found = set()
    for index, (number, text) in enumerate(texts):
        if index < 2 or SITE_NAME.fullmatch(text) is None or URL_LINE.fullmatch(text):
            continue
        title, description = texts[index - 2][1], texts[index - 1][1]
        if (
            title.endswith(".")
            or len(WORD_RUN.findall(title)) < 4
            or not description.endswith(".")
            or len(WORD_RUN.findall(description)) < 5
        ):
            continue
        site = text.lower().removeprefix("www.")
        for _, later in texts[index + 1 : index + 5]:
            link = URL_LINE.fullmatch(later)
            if link is not None:
                if host_of(link[1]).removeprefix("www.") == site:
                    found.add(number)
                break
    return frozenset(found)


def _outline_line(
    state: State,
    last: Entry | None,
    simple: str,
    number: int,
    raw: str,
    sources: Mapping[str, str],
    default_source: str,
) -> str | None:
    """Read a line of an outliner's page (Logseq's journal): a property of the item above
    ("time:: 09:40" its time, "url:: https://…" its link, others dropped), a task's marker
    before its item ("TODO", "DONE"; a cancelled one dropped) and a journal page's link
    ("[[Jul 15th, 2024]]"). Return the line without its marker or link, or None for a line
    that is none of these; "" for a line taken or dropped (and said so)."""
    directive = simple.upper().startswith(("#+BEGIN_", "#+END_"))
    if directive or state.outline_block or _MACRO.fullmatch(simple) or _BLOCK_REF.search(simple):
        if directive:  # "#+BEGIN_QUERY" … "#+END_QUERY": a query's code, no headlines
            state.outline_block = simple.upper().startswith("#+BEGIN_")
        state.dropped.append(Dropped(number, raw.strip(), _OUTLINE_CODE))
        return ""
    found = _PROPERTY.fullmatch(simple)
    if found is not None:
        key, value = (found[1] or "").lower(), (found[2] or "").strip()
        time = read_time(value) if key == "time" and TIME_LINE.fullmatch(value) else None
        if time is not None and last is not None:
            state.last = restamp(state, last, None, time)
        elif key in ("url", "link") and URL_IN_TEXT.fullmatch(value) and last and not last.url:
            complete(state, last, value, sources, default_source)
        state.last = state.last or last
        state.dropped.append(Dropped(number, raw.strip(), _PROPERTY_LINE))
        return ""
    task = _TASK.match(simple) if BULLET.match(raw.strip()) else None  # "- TODO [Title](…)"
    if task is not None:
        if task[1].startswith("CANCEL"):
            state.dropped.append(Dropped(number, raw.strip(), STRUCK_OUT))
            return ""
        return simple[task.end() :]
    journal = _JOURNAL_LINK.match(simple)
    if journal is not None:  # "[[Jul 15th, 2024]] — вечір": the day's page, its date
        return f"{journal[1]} {journal[2]}, {journal[3]}"
    return None


_PROPERTY = re.compile(r"([A-Za-z][\w-]*)::\s*(.*)|(?:SCHEDULED|DEADLINE):\s*<[^>]*>")
_PROPERTY_LINE = "a property of the item above (an outliner's 'key:: value'), not a headline"
_MACRO = re.compile(r"\{\{.*\}\}")  # "{{embed [[Шаблон]]}}"
_BLOCK_REF = re.compile(r"\(\([0-9a-f]{8}-[0-9a-f-]{27}\)\)")  # "((66962a1f-…))": a block shown
_OUTLINE_CODE = "an outliner's macro, query or reference to another block, not a headline"
_TASK = re.compile(r"(TODO|DONE|LATER|NOW|DOING|WAITING|CANCELL?ED)\s+")
_JOURNAL_LINK = re.compile(r"\[\[([A-Z][a-z]{2}) (\d{1,2})(?:st|nd|rd|th)?, (\d{4})\]\]")


def _shortened(line: str, url: str) -> bool:
    """Whether a link's text is its address cut short, "rbc.ua/ukr/news/zelenskiy…"."""
    shown = line.strip().rstrip("…").rstrip(".").strip()
    if not url or shown == line.strip() or len(shown) < 8:
        return False
    address = re.sub(r"^https?://(?:www\.)?", "", url)
    return address.startswith(re.sub(r"^https?://(?:www\.)?", "", shown))


# A line longer than this is no headline, nor a date: a paragraph, a script's data, a
# base64 image run into the text.
LONGEST_LINE = 2000
_TOO_LONG = f"longer than {LONGEST_LINE} characters: a paragraph or data, not a headline"


def _take_line(
    state: State,
    given: Line,
    months: dict[str, int],
    weekdays: dict[str, int],
    sources: Mapping[str, str],
    default_source: str,
) -> None:
    number, raw = given.number, given.text
    if len(raw) > LONGEST_LINE:  # (and the patterns below need not meet a megabyte's line)
        state.dropped.append(Dropped(number, raw.strip()[:200] + "…", _TOO_LONG))
        return
    line = _EDITED.sub("", raw).strip()  # WhatsApp's "<This message was edited>" after a link
    if not line:
        return
    if given.dropped:
        state.dropped.append(Dropped(number, line, given.dropped))
        return
    line = BULLET.sub("", BULLET.sub("", line, count=1).strip(), count=1).strip()  # "1. ▲ …"
    if given.link is None:  # copied as text: a to-do list's box, Markdown's emphasis, tags
        cleaned = _copied_line(state, line, raw, number)
        if cleaned is None:
            return
        line = cleaned
    simple = " ".join(line.split())
    last, state.last = state.last, None
    if state.copied:
        outline = _outline_line(state, last, simple, number, raw, sources, default_source)
        if outline == "":
            return  # a property of the item above, taken or left out
        if outline is not None:
            line = simple = outline  # an outline's task, without its marker
    if number in state.sites_above and last is not None and not last.url:
        # "Title", "Its description", "www.pravda.com.ua", the post's words, "https://…"
        before = entry_before(state, last)
        if (
            before is not None
            and not before.url
            and before.line == last.line - 1
            and last.title.endswith(".")
            and not before.title.endswith(".")
        ):  # a description too short to read as a summary
            remove(state, last)
            state.dropped.append(Dropped(last.line, last.title, _DESCRIPTION_ABOVE))
            last = before
        state.shared = state.last = last
        state.dropped.append(Dropped(number, raw.strip(), _PREVIEW_SITE_BELOW))
        return
    if state.shared is not None:
        shared, state.shared = state.shared, None
        link = link_line(line)
        if link is None:  # the words the link was shared with, above it: not its headline
            state.shared = state.last = shared
            state.dropped.append(Dropped(number, raw.strip(), _SHARED_WORDS))
            return
        complete(state, shared, link, sources, default_source)
        return
    chat = CHAT_LINE.match(simple) if not given.item and given.link is None else None
    if chat is not None:  # "16.07.24, 09:40 - Олена Коваль: Title https://..." (WhatsApp)
        _take_chat_line(state, given, chat, months, weekdays, sources, default_source)
        return
    if not given.item and given.link is None:
        reason = _mail_header_or_struck(simple)
        if _FORWARDED.fullmatch(simple):  # Telegram's "[Forwarded from Економічна правда]"
            reason = _FORWARD
        # (times over their headlines, or under several: not an article's own date alone)
        timed = state.moments or len(state.stamped) >= STAMPED_LIST
        if state.copied and timed and side_heading(simple):
            state.side = number  # "Новини партнерів" in a timed page copied: a side block
            reason = NAVIGATION
        lead = LEAD_IN.match(simple) if state.copied and state.moments else None
        if (
            lead is not None
            and boilerplate(lead[1]) == NAVIGATION
            and not URL_IN_TEXT.search(simple)
        ):
            reason = _READ_ALSO  # "Читайте також: Title", a box among a timed page's items
        if reason:
            state.dropped.append(Dropped(number, raw.strip(), reason))
            return
        if _ZOOM_HEADER.fullmatch(simple):  # "09:03:31 From  Олена Коваль  to  Everyone:"
            state.dropped.append(Dropped(number, raw.strip(), _CHAT_NOTICE))
            return  # (when the link was shared, not its article's time)
        sender = _SENDER_TIME.fullmatch(line)  # "Фронт і тил | Новини  08:01": Viber's message
        if sender is not None:
            state.time = read_time(sender[1])
            state.dropped.append(Dropped(number, raw.strip(), _CHAT_NOTICE))
            return
        if morning_after(simple, state):  # "Вчора ввечері", its links, then "Ранок": today
            state.date, state.anchor, state.time = state.today, state.today, None
            state.yesterday_evening = False
            state.dropped.append(Dropped(number, raw.strip(), NAVIGATION))
            return
        day = day_month_line(simple, state)  # "15.07", "16.07 (вівторок)": a day's heading
        if day is not None:
            state.date, state.anchor, state.time = day, day, None
            state.days.setdefault(day, [])
            return
    if not given.item and _said_moment(
        state, given, line, simple, last, months, weekdays, sources, default_source
    ):
        return  # a date, a time or a message's header: the lines below are of it
    line, time, own_day = _line_moment(state, given, line, months, weekdays, sources)
    line, url, anchored = _title_and_link(given, line)
    if not line:
        if url and given.link is None and (home_page(url) or index_page(url)):
            # copied: "https://club.pravda.com.ua/", a newsletter's "/newsletter/daily/…"
            state.dropped.append(Dropped(number, raw.strip(), INDEX))
            state.last = last  # (the time under it is its post's, not the next one's)
            return
        if url and app_page(url):  # "Зміни — в таблиці:", then the Google Sheet's address
            state.dropped.append(Dropped(number, raw.strip(), APP))
            return
        if url and last is not None and not last.url and not SERVICE_PAGE.match(url):
            complete(state, last, url, sources, default_source)
            state.time = None
            return
        if url and given.link is None and URL_LINE.fullmatch(BULLET.sub("", raw.strip(), count=1)):
            drop_pending(state)  # copied as text: "URL", then its title (Slack, a list)
            state.pending = (number, raw.strip(), url)
            return
        state.dropped.append(Dropped(number, raw.strip(), NO_HEADLINE))
        return
    preview, state.preview = state.preview, None
    if (
        state.copied
        and not url
        and state.pending is not None
        and names_site(line, state.pending[2], state.names)
    ):  # "https://…" alone, then its preview: "Kyiv Post", then the title, which takes it
        state.dropped.append(Dropped(number, raw.strip(), _PREVIEW_SITE))
        return
    if (
        state.copied
        and not url
        and last is not None
        and _previewed(state, line, raw.strip(), number, last, preview)
    ):
        return  # a link's preview in a chat or mail copied: its title, site or snippet
    if not given.item and (ad_label(simple) or SPONSOR_LINE.match(simple)):
        state.advert = number  # "Реклама", "Sponsored by Lockheed Martin", then the ad's title
        state.dropped.append(Dropped(number, raw.strip(), NAVIGATION))
        return
    reason = boilerplate(line)
    if url and app_page(url):  # "[Read on Omnivore](https://omnivore.app/…)", an app's page
        state.dropped.append(Dropped(number, raw.strip(), APP))
        state.last = last
        return
    if reason == NAVIGATION and url and last is not None and not last.url:
        complete(state, last, url, sources, default_source)  # "Read more" after a headline
        state.time = None
        return
    reason = reason or _why_no_headline(state, given, line, url, last)
    if reason:
        state.dropped.append(Dropped(number, raw.strip(), reason))
        if reason in (SOCIAL_LINE, NO_WORDS) or (reason == PROFILE and not url):
            state.header = number  # a post's header: its author's handle, "·", then its date
        if reason in BETWEEN:  # "Title", "By Kyiv Post", "Jul. 16, 17:01": its time
            state.last = last
            byline = reason == CREDIT or BYLINE.fullmatch(" ".join(line.split())) is not None
            state.credited = state.credited or (byline and last is not None)
        return
    if url and host_of(url) == "":
        url = ""  # no address ("https://[censor.net/..."): a headline without a link
    if not given.item:  # "Title [посилання ще шукаю – Politico?]": an editor's note to self
        line = EDITOR_NOTE.sub("", line) or line
    pending = state.pending if not url and given.link is None else None
    if pending is not None:
        url = pending[2]  # the link on the line above, which had no headline
        state.pending = None
        if line.startswith("(") and line.endswith(")"):  # "https://…", "(Its title)"
            line = line[1:-1].strip()
    source = match_source(url, sources) or state.source_over or default_source
    state.source_over = ""
    named = named_source(line, state.names, sources) if not url else None
    if named is not None:  # "Title (Суспільне)" copied from an aggregator: its outlet
        state.named[number] = line
        line, source = named
    line = without_outlet(line, url, state.names.get(source, ""))
    url = clean_url(without_unseen(url)) if url else url
    if not given.item and not given.link:  # copied as text: "... постраждала дитина ФОТО"
        badged = MEDIA_END.sub("", line)
        if badged != line and badged.endswith(".") and not badged.endswith(".."):
            badged = badged[:-1]  # "… за дезертирство. ДОКУМЕНТ": the stop before the badge
        line = badged or line
        line = MEDIA_START.sub("", line, count=1) if MEDIA_START.match(line) else line
    entry = Entry(number, line, url, source, time)
    _add(state, given, entry, own_day or state.date, pending is not None, anchored)


def _line_moment(
    state: State,
    given: Line,
    line: str,
    months: dict[str, int],
    weekdays: dict[str, int],
    sources: Mapping[str, str],
) -> tuple[str, dt.time | None, dt.date | None]:
    """Return a headline's line without the moment written in it (`21.06.2024 21:15 Title`,
    `Title (Українська правда, 16.07 07:12)`, `19.05 BST Title`), its time (its item's,
    its line's, else the page's last) and its own day where it has one apart from the
    listing's; a day it gives the lines after it becomes the listing's."""
    number = given.number
    state.moved_day = False
    date, time = _item_date_and_time(state, given, months, weekdays)
    if given.item and (date is not None or time is not None):
        state.dated_items.add(number)
    if date is None and not given.item:
        date, time, line = dated_line(line, months, weekdays, state, number) or (None, time, line)
    if date is None and not given.item and given.link is None:
        date, time, line = glued_date_line(line, months, weekdays, state, number) or (
            None,
            time,
            line,
        )
    credited = CREDIT_STAMP.search(line) if date is None and not given.item else None
    if credited is not None:  # "Title (Українська правда, 16.07 07:12)": its outlet and moment
        said = said_date_time(credited[2], months, weekdays, state, number)
        if said is not None:
            date, time = said[0], said[1] or time
            title = line[: credited.start()].rstrip()
            attributed = f"{title} ({credited[1].strip()})"  # (kept where it names a source)
            line = attributed if named_source(attributed, state.names, sources) else title
    after = _STAMP_AFTER_LINK.search(line) if date is None and not given.item else None
    if after is not None:  # "Title https://… — Європравда, 15.07 21:47": after its link
        said = said_date_time(after[2], months, weekdays, state, number)
        if said is not None and (said[0] is not None or said[1] is not None):
            date, time = said[0], said[1] or time
            line = line[: after.start(1)].rstrip()
    closing = BRACKETED_STAMP.search(line) if date is None and not given.item else None
    if closing is not None and headline_like(line[: closing.start()]):
        said = said_date_time(closing[1], months, weekdays, state, number)
        if said is not None and said[1] is not None:  # (a time: "Title (2024)" is a title)
            date, time = said[0], said[1]
            line = line[: closing.start()].rstrip()
    if date is not None and not state.moved_day:  # (the next item is of the day it was)
        state.date, state.anchor = date, date
    own_day = date if state.moved_day else None  # (this item's alone)
    rubric = _GLUED_RUBRIC.match(line) if not given.item else None
    if rubric is not None and rubric.group().isupper():  # "DÜNYA21:48Kremlin'den …" (T24's)
        line = line[rubric.end() :]
    prefix = TIME_PREFIX.match(line)
    if time is None and not given.item and state.time is not None and state.time_day:
        own_day = own_day or state.time_day  # (the time over it, moved past midnight)
    time = time or (state.time if not given.item else None)  # an item's own, not the page's
    if prefix:
        time = time if given.stamp[1] else read_time(prefix.group())
        line = line[prefix.end() :].strip()
        zone = NAMED_ZONE.match(line)  # "19.05 BST Germany to send ...": the time's zone
        if zone is not None and len(line) > zone.end() and line[zone.end()].isspace():
            if not given.stamp[1] and time is not None and state.timezone:
                time = from_zone(None, time, zone, state)[1]
            line = line[zone.end() :].strip()
    return line, time, own_day


# A moment after a headline's link on its line, perhaps with its outlet before it: "Title
# https://… 15.07 21:47", "Title https://… — Укрінформ, 15.07 23:10".
_STAMP_AFTER_LINK = re.compile(
    r"https?://\S+?(\s+(?:[—–-]\s*[^\W\d][^,\d]{1,40},\s*)?(\d[\d.:,/ ]{3,20}))$"
)


def _add(
    state: State, given: Line, entry: Entry, day: dt.date, below: bool, anchored: bool
) -> None:
    """Add a line's headline to its day, unless the day has its link or title already (a
    page's top story again in its feed: the timed copy gives the untimed one its time), or
    another day has its link, or it is an advert's or a side block's. `below`: the line
    took the link on the line above; `anchored`: its text held its link in angle brackets."""
    number, raw = given.number, given.text
    line, url, time = entry.title, entry.url, entry.time
    entries = state.days.setdefault(day, [])
    seen = state.seen.setdefault(day, {})
    found = [seen[key] for key in (("link", url), ("headline", title_key(line))) if key in seen]
    if found:  # (no entry is indexed by an empty link)
        _, what, other = min(found)  # the first of them in the day
        state.dropped.append(Dropped(number, raw.strip(), f"the same {what} as line {other}"))
        kept = next((e for e in entries if e.line == other), None)
        if kept is not None and kept.time is None and time is not None:
            # A page's top story, untimed, then the same story in its feed with its time.
            entries[entries.index(kept)] = replace(kept, time=time)
            state.stamped.add(kept.line)  # (dated now: a copy's undated lines are dropped)
        elif kept is not None and kept.time is None and not given.item:
            state.last = kept  # its time may follow, on a line of its own
        return
    # A link on two days is one story twice (titles may recur: "Ukraine war latest").
    taken = next(
        ((day, e) for day, others in state.days.items() for e in others if url and e.url == url),
        None,
    )
    if taken is not None:  # a page's side column repeating a story of another day
        where = f"the same link as line {taken[1].line}, on {taken[0].isoformat()}"
        state.dropped.append(Dropped(number, raw.strip(), where))
        if taken[1].time is None and time is not None:  # a sticky story, then its dated row
            restamp(state, taken[1], state.date, time)
        return
    state.heading_entry = given.heading and not given.item
    advert, state.advert = state.advert, 0
    if advert and time is None and not given.item and (state.trailing is False or url):
        # (times before their headlines, and none before this: where a page has an ad slot
        # labelled and empty, the line after it is a headline whose time follows it; or a
        # linked line under its label: a newsletter's "SPONSORED" box)
        state.dropped.append(Dropped(number, raw.strip(), ADVERT))
        return
    if advert and time is None and not given.item and state.trailing:
        state.under_advert.add(number)
    if state.blocks_trailing and number in state.timed_blocks:
        state.side = 0  # (a block that ends with its time: the listing's next item)
    if state.side and time is None and not url and number - state.side <= SIDE_LINES:
        state.dropped.append(Dropped(number, raw.strip(), _SIDE_BLOCK))
        return
    if time is not None or given.item or state.age_over:
        state.stamped.add(number)  # (dated by a line of its own, or by its item)
    state.age_over = False
    entries.append(entry)
    index_entry(state, day, entry)
    state.time = None
    state.last = entry
    if below:
        state.below.add(number)
    if anchored:
        state.anchored.add(number)
    state.credited = False
    if state.in_message:
        state.message = entry


def _title_and_link(given: Line, line: str) -> tuple[str, str, bool]:
    """Return a line's words, its link (from its markup, else from its text: Markdown's,
    `Title — https://…`, `Title <https://…>`) and whether its text held the link in
    angle brackets, as a mail shows a link's anchor; the words are "" where they are only
    a link's label (`Детальніше: https://…`, a table's `посилання` cell, its address)."""
    url = given.link or ""
    anchored = False  # "Title <https://…>": a mail's link as text shows it, its anchor's text
    if not url:
        label_only = link_line(line) if not given.item else None  # "Детальніше: https://"
        anchored = _ANCHORED.search(line) is not None and label_only is None
        line, url = split_link(line)
        if url and normalise_word(line.strip(" ()[]")) in LINK_WORDS:
            line = ""  # "[посилання](https://…)": a table's link cell, the headline above's
        line = END_ARROW.sub("", line) or line  # "Title ➡️ https://...": the arrow to its link
        if label_only:
            line, url = "", label_only
    elif not given.item and link_line(line) in (url, unwrapped(url)):  # shown as its address
        line = ""  # "Details: https://...": the link of the headline before it
    elif normalise_word(line.strip(" ()[]")) in LINK_WORDS or _shortened(line, url):
        # <td><a>посилання</a></td>, <a>rbc.ua/ukr/news/zelenskiy…</a>: a table's link
        # cell, the headline before it's
        line = ""
    elif url and line.endswith(url) and len(line) > len(url):  # "Title — https://…" in its link
        line = line[: -len(url)].rstrip(" -–—:|") or line
    url = unwrapped(url) if url else url
    return line, url, anchored


def _previewed(
    state: State, line: str, text: str, number: int, last: Entry, preview: Entry | None
) -> bool:
    """Take a line without a link, copied as text, that is part of a link's preview under
    `last` (a chat's, a mail's, Teams', VK's, Bluesky's): its title, which is the
    headline, its site's name, its description or snippet. `preview` is the entry whose
    site's name the line before was. Return whether it took the line (`text`, as written)."""
    if preview is last and last.line in state.anchored and not boilerplate(line):
        # "Title <https://…>", "Reuters", "Ukraine's President said on Monday …": a mail's
        # snippet of the article under its title and outlet
        state.dropped.append(Dropped(number, text, _SNIPPET))
        state.last = last
        return True
    if preview is last and headline_like(line) and not boilerplate(line):
        # "https://…", "The Kyiv Independent", "Japan transfers $1.9 billion …": the
        # title of the link's preview in a chat is the article's headline
        retitle(state, last, line)
        state.dropped.append(Dropped(number, text, _PREVIEW_TITLE))
        return True
    before = entry_before(state, last) if not last.url else None
    if (
        before is not None
        and before.url
        and names_site(line, before.url, {})  # (its own site's, not any source's)
        and headline_like(last.title)
    ):  # Teams': the link, its preview's title, its description, then its site
        if before.line in state.below:  # its title was under its link: `last` describes it
            remove(state, last)
            state.dropped.append(Dropped(last.line, last.title, _PREVIEW_DESCRIPTION))
        else:  # a comment the link followed: the preview's title is the headline
            retitle(state, before, last.title)
            remove(state, last)
            state.dropped.append(Dropped(last.line, last.title, _PREVIEW_TITLE))
        state.dropped.append(Dropped(number, text, _PREVIEW_SITE))
        state.last = state.last if state.last is not None else before
        return True
    if (
        before is not None
        and not before.url
        and before.time is not None
        and last.time is None
        and before.line >= last.line - 2
        and SITE_NAME.fullmatch(line.strip().lower()) is not None
    ):  # VK's post copied: its time, its text, its card's title, the card's site
        retitle(state, before, last.title)
        remove(state, last)
        state.dropped.append(Dropped(last.line, last.title, _PREVIEW_TITLE))
        state.dropped.append(Dropped(number, text, _PREVIEW_SITE))
        state.last = before
        return True
    if preview is None and (
        names_site(line, last.url, state.names)
        if last.url
        else SITE_NAME.fullmatch(line.strip().lower()) is not None  # Bluesky's card
    ):
        # (a title under its link, then its site: the preview's title took the link; what
        # follows is not its title, as after "https://…", "Kyiv Post")
        state.preview = last if last.line not in state.below else None
        state.last = last
        state.dropped.append(Dropped(number, text, _PREVIEW_SITE))
        state.header = number  # (or a post's handle, "suspilne.news", if its age follows)
        return True
    return False


def _why_no_headline(state: State, given: Line, line: str, url: str, last: Entry | None) -> str:
    """Say why a line that boilerplate() let through is no headline (a link's count, a
    profile, a service's or an index page, an outlet's name or byline, a menu's short
    line, a copyright, a privacy notice, a summary or a sentence), or "" for a headline.
    `last` is the entry the line before made."""
    if url and not WORD_RUN.search(line):
        return NO_WORDS  # a link's count ("5" comments), a number alone
    if url and profile(url):
        return PROFILE
    if url and SERVICE_PAGE.match(url):
        return _SERVICE  # Google Alerts' "Flag as irrelevant <https://www.google.com/alerts/…>"
    if url and given.link is None and (home_page(url) or index_page(url)):
        return INDEX  # copied as text: "The Kyiv Independent (https://kyivindependent.com/)"
    words = len(WORD_RUN.findall(line)) + unspaced_words(line)  # (Chinese has no spaces)
    if not url and not given.item:
        if is_a_source_name(line, state.names):
            return OUTLET_NAME  # "The Kyiv Independent" over its posts, copied
        staff = STAFF.search(line)
        if staff is not None and is_a_source_name(line[: staff.start()], state.names):
            return CREDIT  # "The Kyiv Independent news desk": a byline
        if words < (3 if state.page_copy else 2):
            return SHORT  # copied as text: a menu's, a section's or a button's line
    if given.outside:
        return OUTSIDE
    if not given.item and COPYRIGHT.match(line):
        return "a copyright line, not a headline"
    if not given.item and PRIVACY.search(normalise_word(line)):
        return "a cookie or privacy notice, not a headline"
    if url or given.item:
        return ""
    ended = line.rstrip("'’\"”»")
    if (
        last is not None
        and not last.title.endswith(".")
        and (
            (
                ended.endswith(".")
                and not ended.endswith("..")
                and (words >= SUMMARY_WORDS or (state.heading_entry and not given.heading))
            )  # (or a long one cut short: "… над шістьма областями…", a monitoring's lead)
            or (line.rstrip().endswith(("…", "...")) and words >= SENTENCE_WORDS)
        )
    ):
        # "Title", then a sentence: copied as text, an item's summary; under a heading that
        # is a headline, any sentence (a round-up's "<h2>Title</h2><p>Sentence.</p>")
        return SUMMARY
    if (
        state.blocks_trailing is False
        and given.number in state.under_titles
        and ended.endswith(".")
        and words >= 2
    ):  # "16 июля, 21:32", "Title", "A sentence.": the lead of the block the time heads
        return SUMMARY
    if ended.endswith(".") and words >= SENTENCE_WORDS:
        return SENTENCE  # an article's paragraph copied with the listing below it
    return ""


def _said_moment(
    state: State,
    given: Line,
    line: str,
    simple: str,
    last: Entry | None,
    months: dict[str, int],
    weekdays: dict[str, int],
    sources: Mapping[str, str],
    default_source: str,
) -> bool:
    """Take a line that is no item when it says a moment: a message's header, a date
    or time on its own (the day and time of the lines below it, or the moment of the
    headline above it, whose time trails), a section's heading with its day, a year;
    or a message's body, a video's length. Return whether it took the line (`last` is
    the entry the line before made)."""
    number, raw = given.number, given.text
    moment = _message_header(simple, months, weekdays, state, number)
    if moment is not None:
        drop_pending(state)
        state.date, state.anchor, state.time = moment[0], moment[0], moment[1]
        state.days.setdefault(moment[0], [])
        state.in_message, state.message = True, None
        return True
    if state.message is not None:  # the message's headline is taken: this is its body
        link = link_line(line)
        if link and not state.message.url and not home_page(link):
            complete(state, state.message, link, sources, default_source)
            state.message = state.last
        else:
            state.dropped.append(Dropped(number, raw.strip(), _MESSAGE_BODY))
        return True
    if last is not None and DURATION.fullmatch(simple) and VIDEO.match(last.title):
        state.dropped.append(Dropped(number, raw.strip(), VIDEO_LENGTH))
        state.last = last  # "WATCH: Sea drones chase a patrol boat", "1:12": its length
        return True
    date_time = said_date_time(simple, months, weekdays, state, number)
    if date_time is None:  # "16 июля, 21:32⇥Общество": a moment, its rubric after a tab
        date_time = said_before_tab(raw, months, weekdays, state, number)
    if (
        (date_time is None or date_time[0] is None)
        and NUMBERED.match(line) is None
        and NUMBERED.match(raw.strip())
    ):  # "16. Juli 2024", Czech's "16. 7. 2024 9:15": a date, not a numbered line
        whole = said_date_time(" ".join(raw.split()), months, weekdays, state, number)
        date_time = whole if whole is not None and whole[0] is not None else date_time
    if date_time is None and " / " in simple:  # "The Kyiv Independent / by Jane Doe / 3h"
        last_part = simple.rsplit(" / ", 1)[1]  # (a reader's source, author, then age)
        date_time = said_date_time(last_part, months, weekdays, state, number)
        simple = last_part if date_time is not None else simple
    # (Markdown's "### …"; a section's label in capitals: "ICYMI — MONDAY, 15 JULY")
    heading = given.heading or raw.lstrip().startswith("#") or simple.isupper()
    tail = _HEADING_DATE.search(simple) if date_time is None and heading else None
    if tail is not None:  # "Вы могли пропустить: 15 июля": a section's heading, its day
        said = tail[1] or tail[2]  # "From yesterday (July 15)": its day in brackets
        heading_day = said_date_time(said, months, weekdays, state, number)
        if heading_day is not None and heading_day[0] is not None:
            date_time = (heading_day[0], None)
    if date_time is not None:
        date, time = date_time
        credited = _credited(line, state)  # "The Kyiv Independent · 21h": its outlet's name
        leading = state.header == number - 1  # "@KyivIndependent", "·", "1h": a post's
        aged = is_age(simple)
        heads = state.trailing is False or (
            state.trailing is None and state.blocks_trailing is False
        )  # (the copy's ages and times head their headlines: "17 хв тому", "Title")
        if last is not None and aged and not leading and not heads:
            before = entry_before(state, last)
            if state.trailing is None and state.blocks_trailing is not None:
                state.trailing = state.blocks_trailing  # (a copy's blocks say where its ages are)
            if state.trailing or (  # (the first: a page's heading over its title, as likely,
                before is not None and 0 < before.line - state.day_line <= 2
            ):  # but not under a day's line and a kicker)
                last = unsummarised(state, last)  # "Title", "Its summary", "3 hours ago"
            state.last = restamp(state, last, date, last.time, credited)  # "Title", "3 hrs ago"
            state.trailing = True if state.trailing is None else state.trailing
            return True
        own = last is not None and last.time is None and last.line not in state.stamped
        if time is not None and state.trailing is None:  # the listing's first time
            # (not an item's: its markup gave it its moment; nor a chat's "Mon 20:51",
            # which heads the messages under it, whatever came before: its header; nor
            # one under a badge in capitals, "LIVE": the badge and time of what follows)
            badged = any(
                d.line == number - 1
                and (
                    d.reason == CAPITALS
                    # a rubric's word over it, the last title and its lead above that
                    # ("Vojna v Ukrajini", its lead, "Svet", "16. julij 2024 ob 13:40")
                    or (
                        d.reason == SHORT
                        and RUBRIC_WORD.fullmatch(d.text)
                        and last is not None
                        and number - 4 <= last.line < number - 2
                    )
                )
                for d in state.dropped[-3:]
            )
            state.trailing = own and not weekday_time(simple, weekdays) and not badged
            if state.blocks_trailing is not None:  # where a copy's blocks have their times
                state.trailing = state.blocks_trailing
        if time is not None and state.trailing and last is not None and own:
            last = unsummarised(state, last)  # "Title", "Its summary", "Jul 16, 9:15 PM"
            state.last = restamp(state, last, date, time, credited)  # "Title", "Jul 16, 9:15 PM"
            state.stamp_line = number
            return True
        if state.trailing and state.stamp_line == number - 1 and UPDATED.match(simple):
            state.dropped.append(Dropped(number, raw.strip(), _UPDATE_TIME))
            state.stamp_line = number  # "Publié le : …", "Modifié le : …": its update's
            return True
        if (
            state.trailing
            and DURATION.fullmatch(simple)  # (no date written: any is the zone's move)
            and state.stamp_line == number - 1
        ):  # "Title", "Jul. 16, 2024 21:05 JST", "2:31": the next one's video's length
            state.dropped.append(Dropped(number, raw.strip(), VIDEO_LENGTH))
            return True
        if time is None and state.trailing is None and last is not None and state.credited:
            state.trailing = True  # "Title", "BY OLENA HARMASH", "Jul 16, 2024": its date
        if (
            time is None
            and state.trailing is None
            and credited
            and last is not None
            and last.line >= number - 2
            and state.blocks_trailing is not False
        ):  # "Title", "https://…", "The Washington Post, 15.07.2024": under its headline
            state.trailing = True
        if time is None and state.trailing is None and state.dates_follow:
            state.trailing = True  # "Title", "16 Jul 2024", …, "Title", "14 Jul 2024"
        if (
            time is None
            and date is not None
            and state.trailing
            and not leading
            and last is not None
            and last.line not in state.stamped
        ):  # "Title", "2 hours ago", …, "Title", "July 15": a date after its headline
            last = unsummarised(state, last)  # ("Title", "Its summary", "July 15")
            state.last = restamp(state, last, date, None, credited)
            return True
        state.time_day = None
        if date is not None and time is not None and time_only(simple):
            state.time_day = date  # "23:41 Uhr" in Berlin: past midnight in Kyiv, for the
            date = None  # headline under it alone; the next time is of the day it was
        if date is None and time is not None and past_midnight(state, time):
            date = state.date + dt.timedelta(days=1)  # a chat's "8:05 AM" after "11:55 PM"
        if time is not None:
            state.moments.append((date or state.time_day or state.date, time))
        if date is not None:
            state.date, state.anchor, state.day_line = date, date, number
            state.days.setdefault(date, [])
        if time is None and date is not None and state.time_line == number - 1:
            time = state.time  # "19:45", "16 липня", "Title": the time over its date
        state.time = time
        state.time_line = number if time is not None else 0
        state.age_over = heads and ends_with_age(simple) and time is None  # (the next
        # headline is dated by it: "17 хв тому", "Reuters · 5h", counted from --date)
        state.source_over = credited if heads else ""  # "Reuters · 5h" over its headline
        state.side = 0  # (a side block's end: the listing's next item)
        return True
    year_line = year_and_weekday(simple, weekdays)
    if year_line is not None:
        state.year = year_line[0]
        state.weekday = (number, year_line[1], simple) if year_line[1] >= 0 else None
        return True
    return False


def _copied_line(state: State, line: str, raw: str, number: int) -> str | None:
    """Return a line copied as text without what marks it up (a to-do list's box,
    Markdown's emphasis and badges, a reader's snippet, a screen reader's words around a
    video's title, a label before its link), or None when it is no headline (said so)."""
    line = _EMPTY_LINK.sub("", MD_IMAGE.sub("", line)).strip()  # a badge: a picture, linked
    if not line:
        state.dropped.append(Dropped(number, raw.strip(), _PICTURES))
        return None
    summarised = _BOLD_SUMMARY.fullmatch(line)
    if summarised is not None:  # "**Title** – Its summary. ([Reuters](https://…))"
        line = f"{summarised[1]} {summarised[2]}"
    snippet = _TITLE_AND_SNIPPET.fullmatch(line)
    if (
        snippet is not None
        and len(snippet[1].split()) > KICKER_WORDS
        and len(snippet[2].split()) >= SUMMARY_WORDS
    ):
        line = snippet[1]  # "Title - Its snippet cut short…": a reader's list (Inoreader's)
    spoken = SPOKEN_PROMO.fullmatch(line)
    if spoken is not None:  # "Видео, Title, Продолжительность 3,12": a screen reader's
        line = spoken[1]  # words around a video's title, kept by a copy (BBC's)
    line = EMPHASISED.sub(r"\2", line)
    line = BOLD_LABEL.sub("", CHECKBOX.sub("", line, count=1), count=1)
    line = STRONG.sub(lambda found: found[1] or found[2], line).strip()
    line = END_TAGS.sub("", line) or line
    linked = MD_LINK.search(line)
    if (
        linked is not None
        and LEAD_TIME.fullmatch(line[: linked.start()])
        and line[linked.end() :].lstrip().startswith(",")
    ):
        line = line[: linked.end()]  # "[Title](…), according to a letter": a remark
    rest = line[linked.end() :].strip(" —–-:|") if linked is not None else ""
    if (
        linked is not None
        and SITE_NAME.fullmatch(linked[1].strip())
        and LEAD_TIME.fullmatch(line[: linked.start()])
        and headline_like(rest)
    ):  # "[tsn.ua](https://tsn.ua/…) Title": the link on its site's name, then the title
        return f"{line[: linked.start()]}{rest} {linked[2]}"
    if (
        linked is not None
        and linked[1][:1].islower()
        and len(WORD_RUN.findall(MD_LINK.sub(" ", line))) >= 3
    ):  # "… Governor Syniehubov [reported](https://t.me/…)."
        state.dropped.append(Dropped(number, raw.strip(), LINKED_WORDS))
        return None
    lead = LEAD_IN.match(line)  # "Read also: [Title](https://...)": the label is none
    if lead is not None and boilerplate(lead[1]) == NAVIGATION and MD_LINK.match(line, lead.end()):
        line = line[lead.end() :]
    return line


# An e-mail's header copied with its text: "From: ...", "Sent: Tuesday, July 16, 2024 7:02 PM".
_MAIL_HEADER = re.compile(
    r"(?:from|to|cc|bcc|sent|date|subject|reply-to|від|кому|копія|надіслано|тема|от|отправлено)"
    r"\s*:\s+\S",
    re.IGNORECASE,
)
_MAIL = "an e-mail's header line (From:, To:, Sent:, Subject:), not a headline"


def _mail_header_or_struck(simple: str) -> str:
    """Say why a line copied as text is no headline whatever else it holds (a date, a
    link): a struck-out item of an editor's list, an e-mail's header line; else ""."""
    if simple.startswith("~~") and "~~" in simple[2:]:
        return STRUCK_OUT
    if _MAIL_HEADER.match(simple) and len(simple.split()) <= 12:
        return _MAIL
    if _FORWARD_LINE.fullmatch(simple):  # "Fwd: …", "Oleh Kravets <oleh@…>", "---- Forwarded"
        return _MAIL
    return ""


_FORWARD_LINE = re.compile(
    r"(?:fwd?|re|пересл|перес|відп|отв)\s?:\s.+|[^<>]{1,60}<[\w.+-]+@[\w.-]+>"
    r"|-{3,}\s*(?:forwarded message|пересланное сообщение|переслане повідомлення)\s*-{3,}",
    re.IGNORECASE,
)


def _take_chat_line(
    state: State,
    given: Line,
    chat: re.Match[str],
    months: dict[str, int],
    weekdays: dict[str, int],
    sources: Mapping[str, str],
    default_source: str,
) -> None:
    """A chat's message: its day (not its time, when it was shared, not published), then its
    first line as any line, its other lines its body (`_take_line`'s message)."""
    drop_pending(state)  # a message's link is no other message's
    first, second = int(chat[1]), int(chat[3])
    if chat[2] == "/" and second > 12:  # 7/16/24: as US phones write it
        first, second = second, first
    year = int(chat[4]) + (2000 if len(chat[4]) == 2 else 0)
    with contextlib.suppress(ValueError):
        date = dt.date(year, second, first)
        state.date, state.anchor, state.time = date, date, None
        state.days.setdefault(date, [])
    state.in_message, state.message, state.last = True, None, None
    text = given.text.strip()[chat.end() :] if given.text.strip().startswith(chat[0]) else ""
    if chat[5] is None:  # "... - Олена Коваль створює групу": the chat's own
        state.dropped.append(Dropped(given.number, given.text.strip(), _CHAT_NOTICE))
        return
    if not text.strip() or _CHAT_PLACEHOLDER.fullmatch(text.strip()):
        state.dropped.append(Dropped(given.number, given.text.strip(), _CHAT_NOTICE))
        return
    _take_line(state, replace(given, text=text), months, weekdays, sources, default_source)


_CHAT_NOTICE = "a chat's notice, its sender or a message without text, not a headline"
# A Zoom meeting's chat saved as text: each message under its time, sender and audience.
_ZOOM_HEADER = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s+From\s+.{1,60}?\s+to\s+.{1,60}?:")
# A community's or channel's name over a message copied from Viber, with its time.
_SENDER_TIME = re.compile(r"[^|\n]{1,40} \| [^|\n]{1,40}?\s{2,}(\d{1,2}:\d{2})\s*")
_CHAT_PLACEHOLDER = re.compile(
    r"<[^<>]{1,40}>|(?:це повідомлення видалено|this message was deleted|это сообщение удалено"
    r"|you deleted this message|ви видалили це повідомлення)",
    re.IGNORECASE,
)


# Telegram Desktop copies each message after a line naming its channel and its moment.
_MESSAGE_HEAD = re.compile(
    r"\S.*?,?\s*\[(\d{1,2}[./]\d{1,2}[./])(\d{2}|\d{4})[ ,]+"
    r"(\d{1,2}:\d{2})(?::\d{2})?(\s*[AaPp]\.?[Mm]\.?)?\]"
)
_MESSAGE_BODY = "the rest of a message, whose first line is its headline"


def _message_header(
    simple: str, months: dict[str, int], weekdays: dict[str, int], state: State, number: int
) -> tuple[dt.date, dt.time] | None:
    """Read "Суспільне Харків, [16.07.2024 21:15]": the moment of the message after it."""
    match = _MESSAGE_HEAD.fullmatch(simple)
    if match is None:
        return None
    year = match[2] if len(match[2]) == 4 else "20" + match[2]
    date = date_line(match[1] + year, months, weekdays, state, number)
    time = read_time(match[3] + (match[4] or ""))
    return (date, time) if date is not None and time is not None else None


def _item_date_and_time(
    state: State, given: Line, months: dict[str, int], weekdays: dict[str, int]
) -> tuple[dt.date | None, dt.time | None]:
    """An item's date and time: its markup's, else lines of it that are only a date or a
    time (before or after its headline); its other lines are dropped, and said so."""
    date, time = given.stamp
    if date is None and given.date_text:
        date, time = feed_date_text(state, given, months, weekdays)
    for number, text in given.beside:
        if len(text) > LONGEST_LINE:
            state.dropped.append(Dropped(number, text.strip()[:200] + "…", _TOO_LONG))
            continue
        simple = " ".join(BULLET.sub("", text.strip(), count=1).split())
        whole = " ".join(text.split())  # "16. Juli 2024": no numbered line's "16."
        found = said_date_time(whole, months, weekdays, state, number)
        if found is None and whole != simple:
            found = said_date_time(simple, months, weekdays, state, number)
        glued = GLUED_DATE.search(whole) if found is None else None
        if glued is not None:  # "oprac. Jędrzej Winiecki15 lipca 2024 | 17:32": beside lines
            found = said_date_time(whole[glued.end() :], months, weekdays, state, number)
        if found is None:  # "Backgrounder - ISW Press - 07/16/2024 - 21:49 - 0 comments"
            found = _date_among_parts(whole, months, weekdays, state, number)
        if found is not None:
            if date is None and found[0] is not None and TIME_LINE.fullmatch(whole):
                state.moved_day = True  # a time alone, moved across midnight by its zone
            date = date or found[0]
            time = time or found[1]
            continue
        state.dropped.append(Dropped(number, text, boilerplate(simple) or BESIDE))
    if date is None and given.beside:  # "16", "лип.", "2024": a date in stacked blocks
        short = [" ".join(text.split()) for _, text in given.beside if len(text.split()) <= 2]
        found = date_time_line(" ".join(short), months, weekdays, state, given.number)
        if found is not None and found[0] is not None:
            date, time = found[0], time or found[1]
    return date, time


def _date_among_parts(
    text: str, months: dict[str, int], weekdays: dict[str, int], state: State, number: int
) -> tuple[dt.date | None, dt.time | None] | None:
    """The date (and the time after it) among the parts of an item's line that a separator
    (` - `, ` | `, ` · `) splits: its kind, author, date, time and comments' count."""
    parts = [part for part in _SEPARATED.split(text) if part.strip()]
    for i, part in enumerate(parts if len(parts) > 1 else ()):
        for candidate in (f"{part} {parts[i + 1]}" if i + 1 < len(parts) else "", part):
            found = (
                said_date_time(candidate, months, weekdays, state, number) if candidate else None
            )
            if found is not None and found[0] is not None:
                return found
    return None


_SEPARATED = re.compile(r"(?:^|\s)[-–—](?:\s|$)|\s*[|·•]\s*")  # "Newsweek•2 days ago" too


def _credited(line: str, state: State) -> str:
    """The id of the source whose name starts a line of a headline's moment, as a feed
    reader shows it ("The Kyiv Independent · 21h", "Українська правда / Jul 15", "Reuters
    / by Tom Balmforth / 3h") or a press review ("The Washington Post, 15.07.2024"); ""
    when none does."""
    first = re.split(r"\s+/\s+|\s*[|·•]\s*|,\s+", line.strip(), maxsplit=1)
    if len(first) < 2:
        return ""
    return source_named(first[0], state.names)


_PREVIEW_SITE = "the site's name in the preview of the link above, not a headline"
_PREVIEW_SITE_BELOW = "the site's name in the preview of the link below, not a headline"
_DESCRIPTION_ABOVE = "the description in the preview of the link below, not a headline"
_SHARED_WORDS = (
    "the words a link was shared with, under its preview: the preview's title is its headline"
)
_PREVIEW_TITLE = "the title in the preview of the link above: that link's headline"
# A link in a mail saved or copied as text: its anchor's text, then its address in angle
# brackets ("Title <https://…>", as Outlook writes it): the text is the link's headline.
_ANCHORED = re.compile(r"\S\s*<https?://[^\s<>]+>\s*$")
_HEADING_DATE = re.compile(r"(?:[:—–]\s+([^:—–]{3,40})|\(([^()]{3,40})\))$")  # its day
_READ_ALSO = "a 'Read also' box among the page's items: another article, not one of them"
_SIDE_BLOCK = "in a block beside the listing (under 'Популярне', 'Новини партнерів'), not of it"
SIDE_LINES = 12  # a side block's lines, at most
# Where a message copied from Telegram Desktop was forwarded from, over its text.
_FORWARDED = re.compile(
    r"\[(?:forwarded from|переслано від|переслано от|переслано из|пересланное сообщение от)"
    r"\b[^\]]*\]",
    re.IGNORECASE,
)
_FORWARD = "where the message was forwarded from, not a headline"
# A headline, a dash, then the start of its article cut short ("…").
_TITLE_AND_SNIPPET = re.compile(
    r"([^\[\]\n]{10,200}?[^.!?\s])\s[-–—]\s([^\[\]\n]{40,}(?:…|\.\.\.))"
)
# A headline in bold, a dash, its summary (no link in it), then its outlets' links in
# brackets: a list an assistant (ChatGPT) writes. The summary is no part of the headline.
_BOLD_SUMMARY = re.compile(
    r"\*\*([^*\n]+?)\*\*\s+[–—-]\s[^\[\]\n]+?(\(\s*\[[^\]\n]+\]\(\S+?\).*\))"
)
_EMPTY_LINK = re.compile(r"\[\s*\]\([^)\n]*\)")  # "[](https://…)", a picture's link without it
_PICTURES = "pictures and their links only (badges, a logo), not a headline"
# What a page prints over an advertisement among its headlines, copied with them.
_SNIPPET = "the snippet of the article under its linked title and its outlet, not a headline"
_SERVICE = "a link to the mail service's own page (an alert's settings, feedback, sharing)"
_PREVIEW_DESCRIPTION = "the description in the preview of the link above, not a headline"
