"""A chart mended after a save equals the chart counted anew.

`chart_mended` takes the last chart of a listing and the counts a few dates gained or lost;
random changes (new days after the last, removed first days, counts changed in the middle,
spans that grow from days to weeks to months) must give exactly what `chart_of` gives.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from builder import charts

START = dt.date(2022, 1, 1)


def random_counts(rng: random.Random, span: int) -> Counter[dt.date]:
    days = rng.sample(range(span), rng.randint(1, min(span, 80)))
    return Counter({START + dt.timedelta(days=d): rng.randint(1, 9) for d in days})


@pytest.mark.parametrize("seed", range(40))
def test_a_mended_chart_equals_one_counted_anew(seed: int) -> None:
    rng = random.Random(seed)
    per_day = random_counts(rng, rng.choice([20, 200, 3650]))
    chart = charts.chart_of(per_day)
    for _ in range(25):
        after = Counter(per_day)
        for _ in range(rng.choice([1, 1, 2, 4])):
            if not after:
                after[START] = 1
            choice = rng.random()
            if choice < 0.3:  # a day after the last (the newest day of a digest)
                date = max(after) + dt.timedelta(days=rng.choice([0, 1, 2, 40]))
            elif choice < 0.4:  # the first day goes
                date = min(after)
                after[date] = 0
            else:
                date = rng.choice(sorted(after))
            after[date] = max(0, after[date] + rng.choice([-3, -1, 1, 2]))
            if not after[date]:
                del after[date]
        if not after:
            after[START] = 1
        changes = {
            d: after.get(d, 0) - per_day.get(d, 0)
            for d in after.keys() | per_day.keys()
            if after.get(d, 0) != per_day.get(d, 0)
        }
        span = (min(after), max(after)) if rng.random() < 0.5 else None  # known, or not
        mended = charts.chart_mended(chart, after, changes, span)
        assert mended == charts.chart_of(after)
        per_day, chart = after, mended


def test_a_chart_is_mended_not_counted_anew_when_its_periods_hold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    per_day = Counter({START + dt.timedelta(days=d): 2 for d in range(0, 3650, 3)})
    chart = charts.chart_of(per_day)
    assert chart is not None and chart.unit == "month"
    middle = START + dt.timedelta(days=1500)
    after = per_day + Counter({middle: 5})
    counted: list[dt.date] = []
    original = charts._period_start

    def counting(date: dt.date, unit: str) -> dt.date:
        counted.append(date)
        return original(date, unit)

    monkeypatch.setattr(charts, "_period_start", counting)
    mended = charts.chart_mended(chart, after, {middle: 5})
    monkeypatch.undo()
    assert mended == charts.chart_of(after)
    assert len(counted) < 10  # the changed date and the first and last: not 1,217 days
