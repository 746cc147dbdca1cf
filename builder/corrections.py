"""Corrections: every correction made to a day or headline, gathered for their page. Pure.

A correction is an `update` with `correction` text; an update without text (a day that
got more headlines, a fixed typo) moves the feed item's updated time but is not listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Day, Headline, Update


@dataclass(frozen=True, slots=True)
class CorrectionEntry:
    """One correction: the day it is on, the headline it corrects (None: the day), the note."""

    day: Day
    headline: Headline | None
    update: Update


def list_corrections(days: Iterable[Day]) -> tuple[CorrectionEntry, ...]:
    """Return every correction of `days`, newest first (then by day, then in the day's order)."""
    entries = []
    for day in days:
        if day.update and day.update.correction:
            entries.append(CorrectionEntry(day, None, day.update))
        entries.extend(
            CorrectionEntry(day, h, h.update)
            for h in day.headlines
            if h.update and h.update.correction
        )
    return sort_corrections(entries)


def sort_corrections(entries: Iterable[CorrectionEntry]) -> tuple[CorrectionEntry, ...]:
    """Return corrections newest first, then by day, then in the day's order (each entry has
    its own place: the order does not depend on the order given)."""
    return tuple(sorted(entries, key=_newest_first, reverse=True))


def _newest_first(entry: CorrectionEntry) -> tuple[object, ...]:
    position = entry.day.headlines.index(entry.headline) if entry.headline else -1
    return (entry.update.moment, entry.day.date, -position)
