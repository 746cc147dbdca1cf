"""The clock: what time a build runs at, and which days are published at that time.

The time is passed in (`now`), never read deep inside the build, so output is the same for
the same content and clock. `current_time` honours SOURCE_DATE_EPOCH, the reproducible-builds
convention, so CI and tests can fix it.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping

from .errors import UsageError
from .model import Day


def current_time(environ: Mapping[str, str]) -> dt.datetime:
    """Return SOURCE_DATE_EPOCH as an aware time when it is set, else the system's time."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime.now(dt.UTC)
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"SOURCE_DATE_EPOCH='{epoch}' is not a number of seconds since 1970; "
            "unset it or set it to e.g. 1718928000"
        ) from None


def local_date(now: dt.datetime, timezone: str) -> dt.date:
    """Return the date it is at `now` in the IANA zone `timezone` (the site's)."""
    return local_time(now, timezone).date()


def local_time(now: dt.datetime, timezone: str) -> dt.datetime:
    """Return `now` in the IANA zone `timezone` (a naive `now` is UTC)."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    return now.astimezone(zoneinfo.ZoneInfo(timezone))


def is_published(day: Day, today: dt.date, drafts: bool) -> bool:
    """Tell whether a build on `today` shows `day`: not a draft, not in the future.

    With `drafts` (a preview), every day is shown.
    """
    return drafts or (not day.draft and day.date <= today)
