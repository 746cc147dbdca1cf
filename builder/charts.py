"""Small charts of headlines over time, drawn at build time as inline SVG. Pure; stdlib only.

`activity(dates)` counts headlines per day, per week or per month (whichever keeps the bars
few enough to read on a phone), and lays the bars out in a fixed coordinate box; the
template `partials/chart.html` draws them as SVG with a text alternative. No JavaScript, no
image files: a tag page with a chart weighs a few hundred bytes more.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

WIDTH = 600
HEIGHT = 80
MAX_BARS = 60
GAP = 0.2  # of a bar's slot


class Bar(NamedTuple):
    """One bar (a named tuple: ten years' plan draws some 40,000)."""

    start: dt.date  # the first day of the bar's day, week or month
    count: int  # type: ignore[assignment]  # the bar's, over tuple.count
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    unit: str  # "day", "week" or "month"
    bars: tuple[Bar, ...]  # every period from the first to the last, empty ones too
    total: int
    peak: Bar
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def first(self) -> dt.date:
        return self.bars[0].start

    @property
    def last(self) -> dt.date:
        return self.bars[-1].start

    @property
    def end(self) -> dt.date:
        """The last day the last bar counts: its day, the Sunday of its week, or the last
        day of its month (a caption's range: "June 17 – July 21", not "– July 15")."""
        last = self.bars[-1].start
        if self.unit == "week":
            return last + dt.timedelta(days=6)
        if self.unit == "month":
            return _next_period(last, "month") - dt.timedelta(days=1)
        return last

    @property
    def peaks(self) -> int:
        """How many periods have the peak's count: with more than one, no period is the
        busiest, and the caption says how many share the most."""
        return sum(1 for bar in self.bars if bar.count == self.peak.count)


@functools.cache  # a chart of ten years asks for the same few thousand days again and again
def _period_start(date: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return date - dt.timedelta(days=date.weekday())
    if unit == "month":
        return date.replace(day=1)
    return date


class _Starts(dict[dt.date, dt.date]):
    """The first day of the period of each date, by date, for one unit: looked up at C
    speed, made on first use."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def __missing__(self, date: dt.date) -> dt.date:
        start = self[date] = _period_start(date, self.unit)
        return start


_STARTS = {unit: _Starts(unit) for unit in ("week", "month")}


def _next_period(date: dt.date, unit: str) -> dt.date:
    if unit == "day":
        return date + dt.timedelta(days=1)
    if unit == "week":
        return date + dt.timedelta(days=7)
    return (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


@functools.lru_cache(maxsize=4096)
def _periods(start: dt.date, end: dt.date, unit: str) -> tuple[dt.date, ...]:
    """The starts of the periods from the one starting at `start` to the one at `end`:
    made once for the many subjects that span the same periods (a digest of ten years
    with 2,000 places has 2,400 charts, most from its first month to its last)."""
    periods = []
    current = start
    while current <= end:
        periods.append(current)
        current = _next_period(current, unit)
    return tuple(periods)


def _period_count(first: dt.date, last: dt.date, unit: str) -> int:
    """Return how many periods run from the one holding `first` to the one holding `last`."""
    if unit == "day":
        return (last - first).days + 1
    if unit == "week":
        return (_period_start(last, unit) - _period_start(first, unit)).days // 7 + 1
    return (last.year - first.year) * 12 + last.month - first.month + 1


def activity(dates: Iterable[dt.date]) -> Chart | None:
    """Return headlines per period as bars, or None when there is nothing to chart.

    The unit is the shortest of day, week and month that needs at most MAX_BARS bars (a
    month when none does).
    """
    return chart_of(Counter(dates))  # a listing has thousands of headlines on far fewer days


def chart_of(per_day: Counter[dt.date]) -> Chart | None:
    """Return the chart of headlines counted by day (what `activity` makes of dates)."""
    if not per_day:
        return None
    first, last = min(per_day), max(per_day)
    unit = _unit(first, last)
    counts = per_day
    if unit != "day":  # each headline's date, as its period's start, counted at C speed
        counts = Counter(map(_STARTS[unit].__getitem__, per_day.elements()))
    periods = _periods(_period_start(first, unit), _period_start(last, unit), unit)
    return _drawn(unit, periods, counts, per_day.total())


def chart_mended(
    before: Chart | None,
    per_day: Counter[dt.date],
    changes: dict[dt.date, int],
    span: tuple[dt.date, dt.date] | None = None,
) -> Chart | None:
    """Return `chart_of(per_day)`, mended from `before`, the chart of the counts `per_day`
    held before `changes` (headlines added on a date, or removed if negative): a save
    changes a few days of a listing of ten years, and counting every day again for each
    listing of a headline took 2.5 ms. `span` is the first and last date of `per_day`, if
    the caller knows them (a listing's first and last headlines' dates)."""
    if before is None or not per_day:
        return chart_of(per_day)
    first, last = span or (min(per_day), max(per_day))
    unit = _unit(first, last)
    if unit != before.unit or (_period_start(first, unit), _period_start(last, unit)) != (
        before.first,
        before.last,
    ):
        return chart_of(per_day)  # its bars run over other periods
    counts = {bar.start: bar.count for bar in before.bars}
    for date, change in changes.items():
        counts[_period_start(date, unit)] += change
    return _drawn(unit, list(counts), counts, before.total + sum(changes.values()))


def _unit(first: dt.date, last: dt.date) -> str:
    """The shortest unit that charts the days from `first` to `last` in MAX_BARS bars."""
    return next((u for u in ("day", "week") if _period_count(first, last, u) <= MAX_BARS), "month")


def _drawn(unit: str, periods: Sequence[dt.date], counts: dict[dt.date, int], total: int) -> Chart:
    """Lay out one bar per period, of the periods' counts of headlines."""
    highest = max(counts.values())
    bars = []
    for start, (x, width) in zip(periods, _slots(len(periods)), strict=True):
        count = counts.get(start, 0)
        height = round((HEIGHT - 2) * count / highest, 1)
        bars.append(Bar(start, count, x, round(HEIGHT - height, 1), width, height))
    peak = max(bars, key=lambda bar: (bar.count, -bar.start.toordinal()))
    return Chart(unit, tuple(bars), total, peak)


@functools.cache
def _slots(count: int) -> tuple[tuple[float, float], ...]:
    """The left edge and width of each of `count` bars side by side."""
    slot = WIDTH / count
    return tuple(
        (round(index * slot + slot * GAP / 2, 1), round(slot * (1 - GAP), 1))
        for index in range(count)
    )
