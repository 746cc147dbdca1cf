"""The passes over a listing's entries before and after the walk reads its lines.

Before: a time alone on its line that a date and time follow is a video's length
(`video_lengths`); in a copy whose items are blocks of lines, where its times sit says
whether they follow their headlines (`stamp_direction`). After: what the walk kept but the
whole listing shows is no headline: a link line that waited for a headline in vain, a line
under an ad's label that no time followed, lines without links in a list of links, lines
without dates in a dated copy of a page, and undated links after a dated page's listing
(`drop_*`); a column of counts a copy runs into its titles (`drop_counts`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import replace

from .importdates import CREDIT, is_age, said_before_tab, said_date_time
from .importmodel import Dropped, Line, State
from .importtext import ADVERT, DIGIT, DURATION, VIDEO_LENGTH, WORD_RUN, boilerplate

NO_HEADLINE = "a link with no headline before it"
_VIDEO_BADGE = re.compile(
    r"(?i)video|відео|видео|vidéo|vídeo|videó|wideo|vaizdo įrašas|▶"
    r"|listen|слухати|слушать|écouter|escuchar|anhören|ascolta|posłuchaj|audio|аудіо|аудио"
)  # (and an audio player's: "Listen", "4:12", Bloomberg's)


def _said(
    text: str, months: dict[str, int], weekdays: dict[str, int], state: State, probe: State
) -> tuple[dt.date | None, dt.time | None] | None:
    """A line's moment, read with `probe` (a copy of `state` whose notes are let go: a pass
    only looks) from the year and weekday the walk knows so far (reading a date forgets a
    year line read before it)."""
    probe.year, probe.weekday = state.year, state.weekday
    return said_date_time(text, months, weekdays, probe, 0)


def video_lengths(
    lines: list[Line],
    months: dict[str, int],
    weekdays: dict[str, int],
    state: State,
    trailing: bool | None = None,
) -> list[Line]:
    """Mark a time alone on its line that a date and time follow ("2:31", then "Buitenland •
    vandaag, 10:12"), or a video's badge comes before ("Video", "01:12"): no item has two
    moments, so it is its video's length. `trailing`: the copy's times follow their
    headlines (`stamp_direction`), so a time under a badge is a length whatever else stands
    alone (a ticker's times above the list)."""
    texts = [(index, line.text.strip()) for index, line in enumerate(lines) if line.text.strip()]
    marked = list(lines)
    probe = replace(state, notes=[])  # (reading a date forgets a year line read before it)
    alone = [place for place, (_, text) in enumerate(texts) if DURATION.fullmatch(text)]
    badged = [p for p in alone if p > 0 and _VIDEO_BADGE.fullmatch(texts[p - 1][1])]
    for place in badged if len(badged) == len(alone) or trailing else ():  # (no time else
        index = texts[place][0]  # stands alone: the listing's are ages or dates: lengths)
        marked[index] = replace(lines[index], dropped=VIDEO_LENGTH)
    for place, (index, text) in enumerate(texts):
        if not DURATION.fullmatch(text) or marked[index] is not lines[index]:
            continue
        after = texts[place + 1][1] if place + 1 < len(texts) else ""
        if not after or DURATION.fullmatch(after):
            continue
        moment = _said(after, months, weekdays, state, probe)
        if moment is not None and moment[0] is not None and moment[1] is not None:
            marked[index] = replace(lines[index], dropped=VIDEO_LENGTH)
    return marked


# An embedded post's signature, as a page copied as text shows it under the post's words:
# "— Volodymyr Zelenskyy (@ZelenskyyUa) July 16, 2024" (X's), "— ISW (@TheStudyofWar) …".
_EMBED_SIGNATURE = re.compile(r"[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s+\w.{2,30}")
_EMBEDDED = "an embedded post in a live blog's entry (its words, its signature), not a headline"


def embedded_posts(lines: list[Line]) -> list[Line]:
    """Mark an embedded post copied with a live blog's entry: its signature ("— Name
    (@handle) July 16, 2024") and the line of its words above it, which read as a
    headline and took the next entry's time."""
    marked = list(lines)
    texts = [index for index, line in enumerate(lines) if line.text.strip()]
    for place, index in enumerate(texts):
        if place == 0 or not _EMBED_SIGNATURE.fullmatch(lines[index].text.strip()):
            continue
        for at in (texts[place - 1], index):
            marked[at] = replace(lines[at], dropped=_EMBEDDED)
    return marked


PAGE_STAMP_WITHIN = 16  # lines of a page's header and menu, at most, over a live blog's date
BLOG_LEAD_LINES = 3  # lines between it and the first post's time, at most: its lead, update
_BLOG_LEAD = "a live blog's lead or its update's line, under its title, not a headline"
LIVE_POSTS = 3  # posts under it, each under a time alone on its line, at least
_LIVE_TEXT = "a live blog post's text under its title, not a headline"


def page_stamp(
    lines: list[Line], months: dict[str, int], weekdays: dict[str, int], state: State
) -> list[Line]:
    """Read a live blog's own date and time, under its title and over its first post's
    time ("Хроніка 16 липня", "16 липня 2024, 08:00", "18:42", "Title", …), as the day of
    the posts under it: taken for the title's stamp, it made every time follow its
    headline (each post took the next one's time, the first was a video's length)."""
    probe = replace(state, notes=[])

    def moment(index: int) -> tuple[dt.date | None, dt.time | None] | None:
        return _said(" ".join(lines[index].text.split()), months, weekdays, state, probe)

    texts = [index for index, line in enumerate(lines) if line.text.strip() and not line.dropped]
    first = next(
        (place for place, index in enumerate(texts[:PAGE_STAMP_WITHIN]) if moment(index)), None
    )  # (under the page's menu, perhaps)
    if not first:
        return lines
    stamp = moment(texts[first])
    if stamp is None or stamp[0] is None or stamp[1] is None:
        return lines  # (a date and a time)
    post = None  # the first post's time alone, after the blog's lead and its update's line
    for place in range(first + 1, min(first + 2 + BLOG_LEAD_LINES, len(texts))):
        found = moment(texts[place])
        if found is not None and found[0] is None and found[1] is not None:
            post = place
            break
    if post is None:
        return lines
    # Each post: its time, its title, then its text (a sentence, a credit, an embedded
    # post, a "Read also" box) until the next post's time: no headline of the blog.
    stamps = [(place, moment(texts[place])) for place in range(post, len(texts))]
    timed = [(place, found) for place, found in stamps if found is not None]
    if len(timed) < LIVE_POSTS or any(
        found[0] is not None or found[1] is None for _, found in timed
    ):
        return lines  # (a listing's items with their own days: "Jun. 25, 2024 09:05", "2:31")
    marked = list(lines)
    index = texts[first]
    marked[index] = replace(lines[index], text=stamp[0].isoformat())  # (a day's heading)
    for place in range(first + 1, post):  # "Nach dem ersten …", "Aktualisiert", its moment
        at = texts[place]
        marked[at] = replace(lines[at], dropped=_BLOG_LEAD)
    for start, end in itertools.pairwise([*(place for place, _ in timed), len(texts)]):
        for place in range(start + 2, end):
            at = texts[place]
            if not lines[at].link:
                marked[at] = replace(lines[at], dropped=_LIVE_TEXT)
    return marked


def drop_pending(state: State) -> None:
    """Drop the link line that waited for a headline below it and got none."""
    if state.pending is not None:
        state.dropped.append(Dropped(state.pending[0], state.pending[1], NO_HEADLINE))
        state.pending = None


def drop_adverts(state: State) -> None:
    """Drop a line under an ad's label that no date or time followed, in a listing whose
    times follow their headlines ("Реклама", "Кредит до 50 000 лв.", "credissimo.bg")."""
    for entries in state.days.values():
        for entry in [e for e in entries if e.line in state.under_advert - state.stamped]:
            entries.remove(entry)
            state.dropped.append(Dropped(entry.line, entry.title, ADVERT))


def drop_undated_after(state: State) -> None:
    """In a page's listing whose items give their dates or times (four or more, every one but
    perhaps a lead story), the items after the last that does are a block's below it: a carousel of
    videos, "Top Stories" under a heading of its own beside no container ("Videos",
    "Visual Stories" on the Times of India's AMP page): drop them."""
    entries = [entry for entries in state.days.values() for entry in entries]
    dated = [entry.line for entry in entries if entry.line in state.dated_items]
    if len(dated) < STAMPED_LIST or len({e.line for e in entries}) < len(entries):
        return  # (items sharing their lines, a page written on one: no order to go by)
    undated_among = [e for e in entries if e.line < max(dated) and e.line not in state.dated_items]
    if len(undated_among) > 1:
        return  # (one, a lead story over the listing, may show none)
    for entries in state.days.values():
        for entry in [e for e in entries if e.line > max(dated)]:
            entries.remove(entry)
            state.dropped.append(Dropped(entry.line, entry.title, _UNDATED_AFTER))


_UNDATED_AFTER = (
    "no date or time, after the last item of a listing whose items have theirs: a block's "
    "below it (videos, top stories)"
)


def drop_unlinked(state: State, timed: bool) -> None:
    """In a listing whose headlines mostly have their links (an editor's list in Markdown or
    Word, a chat's shared links), a line without one is a note, a heading or a property, not
    a headline: drop it, and say so. Text without links (a page copied) keeps its lines; a
    page's or spreadsheet's (`timed`) keeps those with a time of their own: drafts."""
    entries = [entry for entries in state.days.values() for entry in entries]
    linked = sum(1 for entry in entries if entry.url)
    # (a chat, its messages timed, has more talk than links, and a chat copied from a page
    # its menus and buttons too: any share will do)
    share = 0 if state.chat_times >= CHAT_TIMES else UNLINKED_SHARE
    unlinked = len({entry.title.casefold() for entry in entries if not entry.url})  # (a line
    # repeated under each day, "Add an item", counts once)
    if linked < LINKED_LIST or linked < share * unlinked:
        return
    for entries in state.days.values():
        for entry in [e for e in entries if not e.url and not (timed and e.time is not None)]:
            entries.remove(entry)
            state.dropped.append(Dropped(entry.line, entry.title, _UNLINKED))


def drop_unstamped(state: State) -> None:
    """In a page copied as text (its links lost) whose headlines have a date or time of
    their own (a line before or after each), a line without one before the first of them or
    after the last is a menu's, a heading's, a side column's or a footer's ("Популярне",
    "Most Popular" and their titles), and so is one among them where most have theirs: drop
    it."""
    entries = [entry for entries in state.days.values() for entry in entries]
    lines = sorted(entry.line for entry in entries if entry.line in state.stamped)
    linked = sum(1 for entry in entries if entry.url)
    if len(lines) < SHORT_STAMPED_LIST or linked * 2 > len(entries):
        return  # (an editor's list of links, some of them timed, is no page's copy)
    inside = sum(1 for entry in entries if lines[0] <= entry.line <= lines[-1])
    short = len(lines) < STAMPED_LIST  # (three dated, and none among them: a short "Read
    if short and inside > len(lines):  # also" copied with its heading)
        return  # (three dated, with others among them: no listing to go by)
    among = not short and len(lines) >= STAMPED_SHARE * len(entries)
    if not among and len(lines) < STAMPED_RUN * inside:
        return  # dated here and there (a social network's posts): no dated listing
    day_of = {entry.line: day for day, found in state.days.items() for entry in found}
    for day, entries in state.days.items():
        for entry in [
            e
            for e in entries
            if e.line not in state.stamped
            and (among or not lines[0] < e.line < lines[-1])
            # (in a short copy, not one under a day's heading of its own: "Today", "Title")
            and (not short or day == day_of[lines[0 if e.line < lines[0] else -1]])
        ]:  # (else those before the first dated headline and after the last: menus, footer)
            entries.remove(entry)
            state.dropped.append(Dropped(entry.line, entry.title, _UNSTAMPED))


STAMPED_LIST = 4  # headlines with a date or time of their own, at least,
SHORT_STAMPED_LIST = 3  # or as few as this, one after another with no other among them,
STAMPED_SHARE = 0.6  # and this share of them, that make a copy a dated listing
STAMPED_RUN = 0.75  # and of those from the first to the last of them, at least
_UNSTAMPED = (
    "no date or time of its own, in a listing whose headlines have theirs: a menu's, a "
    "heading's, a side column's or a footer's line"
)


LINKED_LIST = 3  # headlines with links, at least, that make text a list of links
CHAT_TIMES = 4  # times alone on their lines, at least, that make a copy a chat's
UNLINKED_SHARE = 1  # and as many as lines without, at least
_UNLINKED = "no link, in a list whose headlines have theirs: a note, a heading or a property"


def stamp_direction(
    lines: list[Line], months: dict[str, int], weekdays: dict[str, int], state: State
) -> bool | None:
    """Say whether a copy's times follow their headlines, from the blocks of lines its
    blank lines make: a date and time that ends its block ("Title", "Its lead", "Publicado:
    martes, 16 julio 2024 17:21", a blank line) follows its headline; one that starts its
    block ("16.07.2024 18:05", "Title") heads it. True or False when at least three say
    so and no more than a fifth of them say the other; None else (a copy without blank
    lines, a mix): the walk then goes by its first time. The first lines of the blocks a
    time ends go into `state.timed_blocks`: a listing's items, where a side block ends;
    the lines under the title of a block a time starts, into `state.under_titles`."""
    probe = replace(state, notes=[])
    ends = starts = 0
    first = 0  # where the block of lines being read starts
    for place, line in enumerate(lines):
        text = line.text.strip()
        above = place > 0 and bool(lines[place - 1].text.strip())
        first = first if above else place
        if line.dropped or not text:
            continue
        below = place + 1 < len(lines) and bool(lines[place + 1].text.strip())
        if above == below:  # alone, or within its block
            continue
        moment = _said(" ".join(text.split()), months, weekdays, state, probe)
        if moment is None:  # "16 июля, 21:32⇥Общество": its rubric after a tab
            probe.year, probe.weekday = state.year, state.weekday
            moment = said_before_tab(text, months, weekdays, probe, 0)
        if moment is None or (moment[1] is None and not is_age(text)):  # ("3 hours ago")
            continue
        if above:
            ends += 1
            state.timed_blocks.add(lines[first].number)
            continue
        starts += 1
        after = place + 2  # the lines under the headline the time heads: its lead
        while after < len(lines) and lines[after].text.strip():
            state.under_titles.add(lines[after].number)
            after += 1
    if ends >= 3 and starts * 5 <= ends:
        return True
    if starts >= 3 and ends * 5 <= starts:
        return False
    return None


STANDFIRST_BLOCKS = 2  # blocks of lines each ended by a date alone, at least
STANDFIRST_LINES = 3  # lines of text in such a block (a kicker, its title, its standfirst)
KICKER_WORDS = 3  # words of a section's name over a headline ("Conflicts"), at most
_KICKER = "a section's name over the headline under it, not a headline"
_HEADING = "a page's heading over its listing, not a headline"
_STANDFIRST = "the standfirst or badge between a headline and its date, not a headline"
_SHAPE = re.compile(r"\d+|[^\W\d_]+")


def standfirsts(
    lines: list[Line], months: dict[str, int], weekdays: dict[str, int], state: State
) -> list[Line]:
    """Mark what stands between a headline and its date, in a copy whose every headline
    has a date alone under it (each written alike, none with a time): a section's name over
    it ("Conflicts", "Europe | Charlemagne"), a standfirst or a badge under it ("Premium
    content", "Kyiv hopes to change the dynamics of the war"), and over the first a page's
    heading ("Russia's war in Ukraine"). Without this the walk took the line over each date
    for its headline, or each line for one and each date for the next one's. In each block
    of lines a date ends, the headline is the first line that is no section's name; in the
    first, which may hold the page's heading, the one whose length is nearest the other
    headlines'."""
    probe = replace(state, notes=[])
    blocks: list[list[int]] = [[]]  # indexes of the lines of text each date ends
    shapes = set()
    for index, line in enumerate(lines):
        text = " ".join(line.text.split())
        if line.dropped or not text:
            continue
        moment = _said(text, months, weekdays, state, probe)
        if moment is None or (moment[0] is None and moment[1] is None):
            blocks[-1].append(index)
            continue
        if not blocks[-1] or moment[1] is not None:
            return lines  # a date heading lines, two dates together, a time (a byline's
            # "Title", "The Kyiv Independent news desk", "Jun 25, 2024 10:05 AM": the walk's)
        shapes.add(_SHAPE.sub(lambda m: "9" if m[0].isdigit() else "a", text))
        blocks.append([])
    if blocks[-1]:
        return lines  # lines after the last date: dates head their headlines (a day's)
    blocks.pop()
    if (
        len(blocks) < STANDFIRST_BLOCKS
        or len(shapes) > 1  # (a footer's date is written otherwise than the items')
        or all(len(block) == 1 for block in blocks)  # (alternating_stamps)
        or any(len(block) > STANDFIRST_LINES for block in blocks[1:])
        or len(blocks[0]) > STANDFIRST_LINES + 1
    ):
        return lines

    def words(index: int) -> int:
        return len(WORD_RUN.findall(lines[index].text))

    def kicker(index: int, block: list[int]) -> bool:
        return " | " in lines[index].text or (
            words(index) <= KICKER_WORDS
            and not lines[index].text.rstrip().endswith((".", "!", "?"))
            and any(words(other) > 2 * words(index) for other in block)
        )

    # A headline's usual length: of those alone in their blocks, else of the later blocks'
    lengths = sorted(words(block[0]) for block in blocks if len(block) == 1) or sorted(
        words(index) for block in blocks[1:] for index in block if not kicker(index, block)
    )
    typical = lengths[len(lengths) // 2] if lengths else 0
    marked = list(lines)
    for place, block in enumerate(blocks):
        titles = [index for index in block if not kicker(index, block)] or block[-1:]
        if place == 0:
            title = min(reversed(titles), key=lambda index: abs(words(index) - typical))
        else:
            title = titles[0]
        for index in block:
            if index > title:
                marked[index] = replace(lines[index], dropped=_STANDFIRST)
            elif index < title:  # (over the first headline, a line no kicker: a heading)
                why = _KICKER if kicker(index, block) else _HEADING
                marked[index] = replace(lines[index], dropped=why)
    return marked


DATES_AFTER_AT_LEAST = 2  # titles with a date alone under each, at least
ALTERNATING_AT_LEAST = 3  # moments alone between lines, each line alone between two moments


_AFTER_SEPARATOR = re.compile(r"\s+[·•|/]\s+")  # an outlet's name, then its item's age


def ends_with_age(text: str) -> bool:
    """Whether a line is an age, or ends with one after an outlet's name: "5h", "Reuters ·
    5h"."""
    return is_age(text) or is_age(_AFTER_SEPARATOR.split(text)[-1])


def alternating_stamps(
    lines: list[Line], months: dict[str, int], weekdays: dict[str, int], state: State
) -> bool | None:
    """Say whether the times or dates of a copy without blank lines follow their headlines
    (True) or head them (False), where every one stands alone between two lines of text
    and every such line between two of them; None for any other copy (the walk goes by its
    first time). Ending with its last date, one after each headline, the copy's dates
    follow ("Title", "16 Jul 2024", …, "Title", "14 Jul 2024": not each a day's heading
    over the next headline). One line left over at each end, the first shorter than the
    last and than most, is a page's heading over times that head their headlines ("Latest
    news", "23:54", "Title", …, "22:47", "Title"), where the walk, going by its first time,
    would take the heading for a headline whose time follows, and each headline's time
    for the one above it."""
    probe = replace(state, notes=[])
    kinds: list[int | None] = []  # for each line of text, its words; None: a moment
    dated = False  # a moment without a time of day among them
    for line in lines:
        text = line.text.strip()
        if line.dropped or not text:
            continue
        moment = _said(" ".join(text.split()), months, weekdays, state, probe)
        if moment is not None and (moment[1] is not None or moment[0] is not None or is_age(text)):
            kinds.append(None)
            dated |= moment[1] is None and not ends_with_age(text)
        elif not boilerplate(text) and not _menu_word(text, state):  # (a menu's, a button's:
            kinds.append(len(WORD_RUN.findall(text)) or 1)  # "Стрічка новин", "Load more")
    if kinds[:1] == [None] and not dated:  # "17 хв тому", "Title", "1 год тому", "Title",
        pairs = 0  # …, "16 липня, 12:40", "Title", and perhaps a side column's lines after
        while (
            2 * pairs + 1 < len(kinds)
            and kinds[2 * pairs] is None
            and kinds[2 * pairs + 1] is not None
        ):
            pairs += 1
        if pairs >= ALTERNATING_AT_LEAST and None not in kinds[2 * pairs :]:
            return False
    # The lines above the line over the first moment: a page's heading, a badge ("Pinned")
    first = kinds.index(None) if None in kinds else 0
    kinds = kinds[max(first - 1, 0) :]
    words, moments = kinds[::2], kinds[1::2]
    if None in words or any(kind is not None for kind in moments):
        return None  # (a line of text where a moment should be, or the other way round)
    if len(kinds) % 2 == 0:  # "Title", "16 Jul 2024", …, "Title", "14 Jul 2024" (perhaps
        # under a heading): the last moment dates nothing under it, so each the title above
        return True if len(moments) >= DATES_AFTER_AT_LEAST else None
    if len(moments) < ALTERNATING_AT_LEAST or dated:  # (dated: a day's heading among them,
        return None  # "Title", "16 July", "Title")
    counts = [kind for kind in words if kind is not None]  # (all of them: see above)
    inner = sorted(counts[1:-1])
    return False if counts[0] < counts[-1] and counts[0] < inner[len(inner) // 2] else None


def _menu_word(text: str, state: State) -> bool:
    """Whether a line is a word without a figure, or two in a page's copy with menus: a
    menu's, a badge's or a button's, no headline (the walk drops it as short)."""
    words = len(WORD_RUN.findall(text))
    return not DIGIT.search(text) and (words == 1 or (words == 2 and state.page_copy))


def bylines(
    lines: list[Line], months: dict[str, int], weekdays: dict[str, int], state: State
) -> list[Line]:
    """Mark a name between a headline and its date or time, in text copied from a page
    ("Kjersti Kvile, Pokrovsk", "Magyari Péter, Sarkadi Zsolt"), perhaps with where they
    write from under it ("Reporting from Kyiv"): its byline, not a headline (without it the
    time after it would be the name's)."""
    texts = [(index, line.text.strip()) for index, line in enumerate(lines) if line.text.strip()]
    marked = list(lines)
    probe = replace(state, notes=[])
    for place in range(1, len(texts) - 1):
        index, text = texts[place]
        before = texts[place - 1][1]
        if not lines[index].dropped and _REPORTER.fullmatch(text):
            marked[index] = replace(lines[index], dropped=CREDIT)  # "파리=정철환 특파원"
            continue
        if lines[index].dropped or not _names(text) or len(before.split()) < 4:
            continue
        later = place + 1  # (past where they write from, "Reporting from Kyiv", and buttons)
        while True:
            moment = _said(texts[later][1], months, weekdays, state, probe)
            if moment is not None or later + 1 == len(texts) or not boilerplate(texts[later][1]):
                break
            later += 1
        if moment is None or moment[1] is None:
            continue
        if _said(before, months, weekdays, state, probe) is None:  # (a headline above it)
            marked[index] = replace(lines[index], dropped=CREDIT)
    return marked


# A Korean or Japanese byline: a name and "reporter" or "correspondent", perhaps where
# they write from first ("김은중 기자", "파리=정철환 특파원", "ワシントン＝山田太郎記者").
_REPORTER = re.compile(
    r"(?:\w{1,12}\s?[=＝]\s?)?[가-힣]{2,4}(?:\s[가-힣]{2,4})?\s?(?:선임기자|기자|특파원|논설위원|통신원)"
    r"|(?:\w{1,12}\s?[=＝]\s?)?[\u3040-\u30ff\u4e00-\u9fff]{2,8}\s?(?:記者|特派員)"
)


def _names(text: str) -> bool:
    """Whether a line is a name or names ("Kiss Soma Ábrahám", "Magyari Péter, Sarkadi
    Zsolt"), perhaps with a role or a place after a comma ("Per Anders Johansen, kommentator")."""
    if any(c.isdigit() for c in text) or any(c in text for c in ':|·•«»"()'):
        return False
    first, *rest = (part.split() for part in text.split(","))
    capital = all(w[:1].isupper() and w[:1].isalpha() for w in first)
    if not (2 <= len(first) <= 4 and capital):
        return False
    return all(1 <= len(part) <= 4 for part in rest) and sum(map(len, rest)) + len(first) <= 10


# A count a copied page runs into the end of its titles (comments, views): "Title 7"; where
# every title has one, also after a number of the title's ("…, сбиты 20 4").
_COUNTED_TITLE = re.compile(r"(?<=[^\W\d]|[»”\"')])\s+\d{1,5}$")
_LAST_NUMBER = re.compile(r"\s+\d{1,5}$")
COUNTED = 5  # entries at least, four in five of them ending so, for a column of counts


def drop_counts(state: State) -> None:
    """Take off the number at the end of the titles of a page copied as text where nearly
    all end with one: its comments' or views' column run into each line ("22:04 Лукашенко
    помиловал еще 18 политзаключенных 7", Хартия'97's), not part of the headline."""
    entries = [entry for found in state.days.values() for entry in found]
    counted = [entry for entry in entries if _COUNTED_TITLE.search(entry.title)]
    if len(counted) < COUNTED or len(counted) * 5 < len(entries) * 4:
        return
    for found in state.days.values():
        found[:] = [replace(entry, title=_LAST_NUMBER.sub("", entry.title)) for entry in found]
