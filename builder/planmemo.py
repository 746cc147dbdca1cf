"""The plan's memory between builds, for the preview: parts of the last plan by the identity
of what they were made from, and what changed since (pages.plan_site uses it)."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from .model import Day, Headline

T = TypeVar("T")


class PlanMemo:
    """Parts of the last plan by the identity of what they were made from, for a server that
    plans again after every save: a day, a page of days or a listing whose inputs are the
    same objects as last time is not planned again, and keeps its specs (so their keys can
    be remembered too). Valid while the site's configuration and theme are the same: the
    caller starts a new memo when they change (what shows a source or tag holds it, or its
    name, in its own key). Keys hold the ids of objects that their
    entry keeps alive, so no id is reused by another object while its entry lives.
    """

    def __init__(self) -> None:
        self.last: dict[Hashable, Any] = {}
        self.now: dict[Hashable, Any] = {}
        self.days: dict[dt.date, Day] = {}  # the days of the last plan
        self._inner: list[Hashable] | None = None  # keys got while a group is made
        # Dates whose day is not the same object as in the last plan (new, gone, read again),
        # in order; None when there was no last plan.
        self.changed: list[dt.date] | None = None
        # Those of them whose day is new, gone or titled anew: with `shown_only`, all that
        # a listing page shows of a day (its date and title; the bundled theme's listings).
        self.retitled: list[dt.date] | None = None
        self.shown_only = False

    def start(self, days: Sequence[Day]) -> None:
        """Begin a new plan of `days`: what it does not use again is forgotten at the next
        start."""
        self.last, self.now = self.now, {}
        now = dict(zip(map(_date_of, days), days, strict=True))
        if self.last or self.days:
            before = self.days
            # At C speed: this runs on every save, over every day of the digest.
            differ = map(operator.is_not, now.values(), map(before.get, now.keys()))
            changed = set(itertools.compress(now.keys(), differ))
            self.changed = sorted(changed | (before.keys() - now.keys()))
            self.retitled = [
                date
                for date in self.changed
                if date not in before or date not in now or before[date].title != now[date].title
            ]
        self.days = now

    def get(self, key: Hashable, make: Callable[..., T], *args: Any) -> T:
        """Return what `make(*args)` made for `key` last time, or make it now."""
        value: T = self.last[key] if key in self.last else make(*args)
        self.now[key] = value
        if self._inner is not None:
            self._inner.append(key)
        return value

    def carry(self, keys: Sequence[Hashable], values: Sequence[Any]) -> None:
        """Keep what `get` gave for each of `keys` last time (`values`) for the next plan
        too, without looking each up: many at once, at C speed."""
        self.now.update(zip(keys, values, strict=True))
        if self._inner is not None:
            self._inner.extend(keys)

    def previous(self, key: Hashable) -> Any:
        """Return what was `put` for `key` in the last plan, or None."""
        return self.last.get(key)

    def put(self, key: Hashable, value: Any) -> None:
        """Keep `value` for the next plan, by `key`."""
        self.now[key] = value
        if self._inner is not None:
            self._inner.append(key)

    def get_group(self, key: Hashable, keep: object, make: Callable[..., T], *args: Any) -> T:
        """Like `get`, for what is made of parts got from this memo in turn: reused, it keeps
        them for the next plan too. `keep` is kept alive with it (the objects whose ids are
        in `key`)."""
        if key in self.last:
            value, inner, _ = self.last[key]
            self.now.update(zip(inner, map(self.last.__getitem__, inner), strict=True))
        else:
            outer, self._inner = self._inner, []
            try:
                value = make(*args)
            finally:
                inner, self._inner = tuple(self._inner), outer
        if self._inner is not None:
            self._inner.extend(inner)
        self.now[key] = (value, inner, keep)
        if self._inner is not None:
            self._inner.append(key)
        return value  # type: ignore[no-any-return]

    def days_of(self, headlines: Sequence[Headline]) -> tuple[int, ...]:
        """Return the ids of the days of changed dates among `headlines` (in date order,
        either way): a listing page that groups headlines by day reads their days too, and
        a day may be read again while its headlines stay the same objects (cache.py). With
        `shown_only`, only days new, gone or titled anew count: a page that keeps its plan
        keeps the day objects it was planned with, which show the same date and title (a
        headline added to a day changed every listing page that day was on: on ten years,
        some 65 pages planned and keyed again, 25 ms of a save)."""
        changed = self.retitled if self.shown_only else self.changed
        if changed is None or not headlines:
            return ()
        low, high = headlines[0].date, headlines[-1].date
        low, high = min(low, high), max(low, high)
        start = bisect.bisect_left(changed, low)
        stop = bisect.bisect_right(changed, high, lo=start)
        if start == stop:
            return ()
        dates = {h.date for h in headlines}.intersection(changed[start:stop])
        return tuple(id(self.days.get(d)) for d in sorted(dates))


_date_of = operator.attrgetter("date")
