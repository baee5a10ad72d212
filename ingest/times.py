"""Times of day as practitioners write them: 14:35, 1435, 1435hrs, 2.35pm, 2:35 PM, noon,
an Excel day fraction or time cell; "approx 3pm" is read with its approximation kept."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re

from ingest.dateparts import (
    _MIDNIGHT,
    _TIME_AMPM,
    _TIME_H,
    _TIME_HHMM,
    _TIME_HMS,
    _TIME_HRS,
    DateError,
    _as_number,
    _show,
)
from ingest.unknowns import not_known


def _time_text(t: str) -> dt.time:
    """A normalised (lower-case, single-spaced) time of day; raises DateError(reason)."""
    if t in ("noon", "midday"):
        return dt.time(12, 0)
    if t == "midnight":
        return _MIDNIGHT
    m = _TIME_HRS.search(t)
    if m:
        t = t[: m.start()]
    ampm = None
    m = _TIME_AMPM.search(t)
    if m and m.start() > 0:
        ampm, t = m.group(1), t[: m.start()]
    sec = micro = 0
    if m := _TIME_HMS.fullmatch(t):
        hour, minute = int(m.group(1)), int(m.group(2))
        sec = int(m.group(3) or 0)
        micro = int(((m.group(4) or "") + "000000")[:6])
    elif _TIME_HHMM.fullmatch(t):
        hour, minute = int(t[:-2]), int(t[-2:])
    elif ampm and _TIME_H.fullmatch(t):
        hour, minute = int(t), 0
    else:
        raise DateError("not a time of day (e.g. 14:35, 1435hrs, 2.35pm)")
    if ampm:
        if hour > 12 or (hour == 0 and ampm == "p"):
            raise DateError(f"{hour} is not an hour on the 12-hour clock")
        if hour < 12 and ampm == "p":
            hour += 12
        elif hour == 12 and ampm == "a":
            hour = 0
    if hour > 23 or minute > 59 or sec > 59:
        raise DateError("not a time of day: hours run 0-23, minutes and seconds 0-59")
    return dt.time(hour, minute, sec, micro)


# A time cell that says no time was written down: blank, not an unreadable time.
_NO_TIME = frozenset(
    (
        "nan",
        "nat",
        "n/a",
        "na",
        "n/k",
        "nk",
        "not known",
        "unknown",
        "not recorded",
        "tbc",
        "-",
        "--",
        "?",
        "--:--",
        "xx:xx",
        "none",
    )
)


@functools.lru_cache(maxsize=4096)
def _parse_time_cached(s: str) -> dt.time | str | None:
    t = " ".join(s.lower().split())
    if not t or t in _NO_TIME:
        return None
    if len(t) > 40:
        return f"cannot read {_show(s)} as a time: too long"
    try:
        return _time_text(t)
    except DateError as exc:
        return f"cannot read {_show(s)} as a time: {exc}"


def _time_from_fraction(x: float, shown: str) -> dt.time:
    if not 0 <= x < 1:
        raise DateError(f"cannot read {shown} as a time: a day fraction runs from 0 to 1")
    secs = min(round(x * 86400), 86399)
    return dt.time(secs // 3600, secs // 60 % 60, secs % 60)


def parse_time(value: object) -> dt.time | None:
    """A time of day from a cell: None for blank, DateError for anything unreadable.

    Accepts time/datetime objects, an Excel day fraction (0 <= x < 1), a number written
    hhmm (1435), and text such as 14:35, 14.35, 1435hrs, 2.35pm, 2pm, noon, 14:35:10.
    """
    if value is None:
        return None
    if isinstance(value, str):
        r = _parse_time_cached(value.strip())
        if isinstance(r, str):
            raise DateError(r)
        return r
    if isinstance(value, bool):
        raise DateError(f"cannot read {value!r} as a time")
    if isinstance(value, dt.datetime):
        if value != value:  # pandas NaT
            return None
        return value.time()
    if isinstance(value, dt.time):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        raise DateError(f"cannot read {_show(value)} as a time: it is a date with no time")
    if isinstance(value, dt.timedelta):
        if value != value:
            return None
        if dt.timedelta(0) <= value < dt.timedelta(days=1):
            return _time_from_fraction(value.total_seconds() / 86400, _show(value))
        raise DateError(f"cannot read {_show(value)} as a time: not within one day")
    x = _as_number(value)
    if x is not None:
        if isinstance(x, float):
            if math.isnan(x):
                return None
            if x.is_integer():
                x = int(x)
        if isinstance(x, int) and 100 <= x <= 2359 and x % 100 < 60:
            # "1435" typed into a spreadsheet arrives as the number 1435
            return dt.time(x // 100, x % 100)
        if isinstance(x, float) or x == 0:
            return _time_from_fraction(x, _show(value))
        raise DateError(
            f"cannot read {_show(value)} as a time: write hhmm (1435) or a day fraction"
        )
    raise DateError(f"cannot read a time from a {type(value).__name__}")


_APPROX_TIME = re.compile(
    r"^(?:approx(?:imately)?\.?|about|around|circa|c\.|ca\.?|roughly|~)\s*|"
    r"\s*(?:\(?approx(?:imately)?\.?\)?|\?+|ish)$",
    re.IGNORECASE,
)
_AT_PREFIX = re.compile(r"^(?:@|at)\s*", re.IGNORECASE)


def parse_time_approx(value: object) -> tuple[dt.time | None, bool]:
    """(time, approximate) from a time cell: "approx 3pm" is 15:00, approximate; "@ 1435hrs"
    is 14:35. DateError for anything unreadable, as `parse_time`."""
    if not isinstance(value, str):
        return parse_time(value), False
    r = _approx_cached(value)
    if isinstance(r, str):
        raise DateError(r)
    return r


@functools.lru_cache(maxsize=4096)
def _approx_cached(value: str) -> tuple[dt.time | None, bool] | str:
    try:
        return _approx(value)
    except DateError as exc:
        return str(exc)


def _approx(value: str) -> tuple[dt.time | None, bool]:
    text = value.strip()
    if not_known(text):  # "N/K", "not recorded": the time was left blank, not misread
        return None, False
    approximate = False
    for _ in range(2):
        stripped = _APPROX_TIME.sub("", text, count=1).strip()
        if stripped == text:
            break
        text, approximate = stripped, True
    text = _AT_PREFIX.sub("", text)
    try:
        return parse_time(text), approximate
    except DateError:
        # a time range ("14:30-15:30", "2pm to 3pm"): the start is when it happened
        m = _TIME_RANGE.match(text)
        if m is None:
            raise
        try:
            start, _end = parse_time(m.group(1)), parse_time(m.group(2))
        except DateError:
            raise DateError(f"cannot read {_show(value)} as a time or a range of times") from None
        return start, approximate


_TIME_RANGE = re.compile(r"^(.+?)\s*(?:-|–|—|\bto\b|until)\s*(.+)$", re.IGNORECASE)
