"""Dates that look like typing slips: flagged with the likely reading, never changed.

A day-precision date outside the review period, or a year out of step with its
neighbours in a file that is otherwise in date order, gets a "suspect_date" issue (the
record then needs review) naming the reading that fits: "2012: did you mean 2021?".
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from itertools import compress
from operator import attrgetter, le

from ingest.records import Issue, SourceRecord
from ingest.validate import fmt

_DAY = ("day", "exact")
_FAR = timedelta(days=365)  # outside the period by more than this looks like a slip
ORDERED_SHARE = 0.8  # this share of consecutive entries in date order makes a file ordered
_precision, _start = attrgetter("date.precision"), attrgetter("date.start")


def _with_year(d: date, year: int) -> date | None:
    if not 1900 <= year <= 2100:
        return None
    day = min(d.day, calendar.monthrange(year, d.month)[1])
    return date(year, d.month, day)


def readings(d: date) -> list[date]:
    """Other dates a slip of the keyboard could have made `d` from, likeliest first."""
    y = d.year
    swapped = y - y % 100 + (y % 10) * 10 + (y % 100) // 10  # 2012 -> 2021
    out = []
    for year in (swapped, y + 10, y - 10, y + 100, y - 100):  # one digit or two swapped
        c = _with_year(d, year)
        if c and c != d and c not in out:
            out.append(c)
    if d.day <= 12 and d.day != d.month:
        out.append(date(d.year, d.day, d.month))  # day and month swapped
    return out


def _suggest(d: date, lo: date, hi: date) -> date | None:
    return next((c for c in readings(d) if lo <= c <= hi), None)


def _issue(rec: SourceRecord, likely: date, why: str) -> Issue:
    d = rec.date.start
    if likely.year != d.year and likely.month == d.month:
        head = f"{d.year}: did you mean {likely.year}?"
    else:
        head = f"{fmt(d)}: did you mean {fmt(likely)}?"
    return Issue(
        "suspect_date",
        f"{head} ({why}; the date was kept as written: {fmt(d)})",
        next(iter(rec.provenance.raw), None),
    )


def flag_suspect_dates(records: list[SourceRecord], period: tuple[date, date] | None) -> None:
    dated = list(compress(records, map(_DAY.__contains__, map(_precision, records))))
    if period is not None:
        lo, hi = period
        for rec in dated:
            d = rec.date.start
            if lo - _FAR <= d <= hi + _FAR:
                continue  # just outside is often background history, not a typing slip
            likely = _suggest(d, lo, hi)
            if likely is not None:
                why = f"{fmt(d)} is outside the review period {fmt(lo)} to {fmt(hi)}"
                rec.issues.append(_issue(rec, likely, why))
    if len(dated) < 5:
        return
    starts = list(map(_start, dated))
    in_order = sum(map(le, starts, starts[1:]))  # consecutive pairs in date order
    if in_order < ORDERED_SHARE * (len(starts) - 1):
        return
    for i in range(1, len(dated) - 1):
        before, here, after = starts[i - 1], starts[i], starts[i + 1]
        if before > after or before <= here <= after:
            continue  # in step with its neighbours, or they are not in order themselves
        if abs(here.year - before.year) < 2 and abs(here.year - after.year) < 2:
            continue
        rec = dated[i]
        if any(x.code == "suspect_date" for x in rec.issues):
            continue
        likely = _suggest(here, before, after)
        why = (
            f"the entries around it are dated {fmt(before)} and {fmt(after)} in a file "
            f"otherwise in date order"
        )
        if likely is not None:
            rec.issues.append(_issue(rec, likely, why))
        else:
            rec.issues.append(
                Issue(
                    "suspect_date",
                    f"{fmt(here)} is out of step: {why}; check the year",
                    next(iter(rec.provenance.raw), None),
                )
            )
