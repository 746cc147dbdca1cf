"""The walk's entries, as it takes them back or mends them: a link given to the headline
above a bare address, a time or date given to the headline above it (times that trail their
headlines, as pages copied as text show them), another title (a link's preview's), an entry
taken back (a preview's title, a summary), the entry before another, and each day's index of
links and titles that tells a repeat.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from dataclasses import replace

from .importlinks import host_of, match_source, unwrapped, without_outlet
from .importmodel import Dropped, Entry, State
from .importtext import CAPITALS, SUMMARY, word_count
from .links import clean_url
from .urls import without_unseen


def title_key(title: str) -> str:
    """What a title is known by among a listing's, to find it twice: its words, whatever
    their case and the spaces between them (a non-breaking one, two)."""
    return " ".join(title.casefold().split())


def index_entry(state: State, date: dt.date, entry: Entry) -> None:
    """Index an entry of a day by its link and its title, for the duplicates that follow."""
    seen = state.seen.setdefault(date, {})
    state.order += 1
    for key in (("link", entry.url), ("headline", title_key(entry.title))):
        if key[1] and key not in seen:
            seen[key] = (state.order, key[0], entry.line)


KICKER_WORDS = 4  # a rubric or kicker over a headline ("Russia's war in Ukraine"), at most


def unsummarised(state: State, last: Entry) -> Entry:
    """The headline a time after it dates, in a page copied as text whose times follow their
    headlines: where the line above it was an undated headline too (not a snippet cut short),
    that one, and the line under it, a summary or deck without a stop at its end (the
    Telegraph's, the FT's, the Express Tribune's), is dropped as a summary."""
    before = entry_before(state, last)
    if (
        not state.copied
        or before is None
        or before.time is not None
        or before.line in state.stamped
        or before.line != last.line - 1
        or before.url != last.url
        or word_count(before.title) <= KICKER_WORDS  # (a rubric above its title, not one)
    ):
        return last
    under_rubric = any(  # "MONDO", "Title", "Its summary", "16 luglio 2024, 14:05" (ANSA's)
        dropped.line == before.line - 1 and dropped.reason == CAPITALS
        for dropped in state.dropped[-4:]
    )
    if before.title.rstrip().endswith(("…", "...")) and not under_rubric:
        return last  # the item above's snippet, cut short (a reader's list: Feedly's)
    remove(state, last)
    state.dropped.append(Dropped(last.line, last.title, SUMMARY))
    return before


def past_midnight(state: State, time: dt.time) -> bool:
    """Whether a time alone, earlier than the moment before it, is of the next day: in a
    listing that runs oldest first (a chat, its messages' moments each later than the last),
    up to the day it is imported for ("Yesterday 11:55 PM", then "8:05 AM": Teams' today)."""
    moments = state.moments[-3:]
    return (
        len(moments) >= 2
        and moments[-1][0] == state.date < state.today
        and time < moments[-1][1]
        and all(a <= b for a, b in itertools.pairwise(moments))
    )


def complete(
    state: State, entry: Entry, url: str, sources: Mapping[str, str], default_source: str
) -> None:
    """Give the entry on the line before a bare URL line that URL."""
    url = unwrapped(url)
    if not host_of(url):
        return  # no address ("https://[censor.net/..."): nothing to give
    date, entries = next((d, e) for d, e in state.days.items() if entry in e)
    linked = match_source(url, sources)
    source = linked or entry.source or default_source
    title = entry.title
    if entry.line in state.named and linked != entry.source:  # another outlet's news
        title, source = state.named[entry.line], linked or default_source
    title = without_outlet(title, url, state.names.get(source, ""))
    url = clean_url(without_unseen(url))
    entries[entries.index(entry)] = state.last = replace(entry, title=title, url=url, source=source)
    index_entry(state, date, state.last)


def restamp(
    state: State, entry: Entry, date: dt.date | None, time: dt.time | None, source: str = ""
) -> Entry:
    """Give an entry the time (and date) on the line after it: in a listing whose times
    follow their headlines, as pages copied as text show them; and the source that line
    names, when the entry has none ("The Kyiv Independent · 21h", a feed reader's)."""
    was, entries = next((d, e) for d, e in state.days.items() if entry in e)
    new = replace(entry, time=time, source=entry.source or source)
    state.stamped.add(entry.line)
    if date is None or date == was:
        entries[entries.index(entry)] = new
    else:
        entries.remove(entry)
        seen = state.seen.get(was, {})
        for key in [key for key, (_, _, line) in seen.items() if line == entry.line]:
            del seen[key]
        state.days.setdefault(date, []).append(new)
        index_entry(state, date, new)
        state.date, state.anchor = date, date
    return new


def retitle(state: State, entry: Entry, title: str) -> None:
    """Give an entry another headline (its link's preview's title)."""
    for date, entries in state.days.items():
        if entry in entries:
            new = replace(entry, title=title)
            entries[entries.index(entry)] = state.last = new
            index_entry(state, date, new)
            return


def entry_before(state: State, entry: Entry) -> Entry | None:
    """The entry taken just before this one on its day, if any."""
    for entries in state.days.values():
        if entry in entries:
            at = entries.index(entry)
            return entries[at - 1] if at > 0 else None
    return None


def remove(state: State, entry: Entry) -> None:
    """Take an entry back (it was a preview's title, not a headline of its own)."""
    for date, entries in state.days.items():
        if entry in entries:
            entries.remove(entry)
            seen = state.seen.get(date, {})
            for key in [key for key, (_, _, line) in seen.items() if line == entry.line]:
                del seen[key]
            return
