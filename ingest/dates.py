"""Day-first date and time parsing for agency chronologies.

Practitioners write dates in many ways (see docs/dates.md and domain/glossary.md). Every
reading is an inclusive `DateInterval` with a precision, so a partial date ("March 2021")
stays an interval and never becomes a guessed midpoint. Numeric dates are always read day
first; a date that can only be read month first ("12/25/2021") is read that way with a note,
and `month_first_witness` lets the pipeline flag a column where day-first readings may be
wrong (`parse_date(..., month_first_evidence=True)` then sets `alternative`). A column whose
values put a number over 12 second and never first is month-first (`column_date_order`),
and `parse_date(..., month_first=True)` reads every numeric date in it month first.

Only `DateError` (a ValueError) ever escapes; its message says what was read and why it
failed, for a person fixing the file.

This module is the public face (cell types, blanks, the text cache, remarks beside a date,
a column's day/month order); the grammar of date texts is `ingest.datetext`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable

from ingest.dateparts import (
    _FAST_DMY,
    _MAX_TEXT,
    _MAX_YEAR,
    _MIDNIGHT,
    _MIN_YEAR,
    _SLASH_SPACES,
    _WITNESS,
    DateError,
    _as_number,
    _check_year,
    _day,
    _from_number,
    _join,
    _show,
    _year,
)
from ingest.datetext import MONTH_FIRST, _read
from ingest.records import DateInterval
from ingest.times import parse_time, parse_time_approx

__all__ = [
    "MONTH_FIRST",
    "DateError",
    "column_date_order",
    "month_first_witness",
    "parse_date",
    "parse_time",
    "parse_time_approx",
]


def _normalise(s: str) -> str:
    t = s.lower()
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        t = t.replace(dash, "-")
    t = " ".join(t.split())
    t = _SLASH_SPACES.sub("/", t)
    t = t.lstrip("'")  # Excel's "treat as text" prefix
    return t.rstrip(".,;: ").strip()


@functools.lru_cache(maxsize=1 << 16)
def _parse_text_cached(s: str, evidence: bool) -> DateInterval | str | None:
    """Pure: the stripped text -> a reading, None (blank) or an error message."""
    if (m := _FAST_DMY.fullmatch(s)) is not None:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        # Days 1-28 exist in every month; with evidence only unambiguous ones are fast.
        plain = not evidence or d == mo or d > 12
        if plain and 1 <= mo <= 12 and 1 <= d <= 28 and _MIN_YEAR <= y <= _MAX_YEAR:
            return DateInterval(dt.date(y, mo, d), dt.date(y, mo, d), "day")
    t = _normalise(s)
    if not t or t in ("nan", "nat"):
        return None
    if len(t) > _MAX_TEXT:
        return f"cannot read {_show(s)} as a date: too long to be a date"
    try:
        return _read(t, evidence)
    except DateError as exc:
        return _read_annotated(t, evidence) or f"cannot read {_show(s)} as a date: {exc}"


# A date with the agency's mark or remark beside it: "16/01/2019*", "06/05/2019 (letter)".
_ANNOTATED = re.compile(
    r"^(?P<date>.*?\d.*?)\s*(?P<note>\([^()]{1,40}\)|\[[^\[\]]{1,40}\]|[*†‡#]+)$"
)
# A date, a dash or comma, then a time: "09/02/20 - 2.30pm", "12/03/2021, 14:35".
_DATE_THEN_TIME = re.compile(r"^(?P<date>.*?\d.*?)\s*[-–—,@]\s*(?P<time>\d.{0,14})$")
# A date, then a time said to be approximate: "6.4.19 approx. 19:00", "12/03/21 around 9pm".
_DATE_THEN_ROUGH_TIME = re.compile(
    r"^(?P<date>.*?\d.*?)\s+(?P<time>(?:approx(?:imately)?\.?|around|about|circa|c\.|ca\.)"
    r"\s*\d.{0,12})$"
)
# A whole date in brackets: "(09/10/2019)", "[12 March 2021]".
_BRACKETED = re.compile(r"^[(\[]\s*(?P<date>[^()\[\]]*\d[^()\[\]]*?)\s*[)\]]$")
# A date, a dash, then a remark in words: "28/03/2019 - see note", "12/03/2021 – approx".
_DATE_THEN_REMARK = re.compile(
    r"^(?P<date>.*?\d.*?)\s+[-–—]\s+(?P<note>[a-z][a-z .'’]{1,30})$", re.IGNORECASE
)


# A remark that says the date is approximate: "12/03/2021 - approx", "04/03/2018 [est.]",
# "16/04/2020 (tbc)" (to be confirmed: the writer is not sure of it).
_APPROX_REMARK = re.compile(
    r"^[(\[]?\s*(?:approx(?:imately)?\.?|approximate(?: date)?|circa|c\.|ca\.?|"
    r"est(?:imated|imate)?\.?|about|around|roughly|date approx(?:imate)?|\?+|"
    r"tbc|tbcd|to be confirmed|unconfirmed|not confirmed)\s*[)\]]?$",  # not yet sure
    re.IGNORECASE,
)


def _remarked(iv: DateInterval, remark: str) -> DateInterval:
    if _APPROX_REMARK.match(remark.strip()):
        return dataclasses.replace(iv, approximate=True, note=_join(iv.note, "approximate"))
    return dataclasses.replace(iv, note=_join(iv.note, f"'{remark}' written beside the date"))


def _read_annotated(t: str, evidence: bool) -> DateInterval | None:
    """A date that reads once the remark beside it is set aside (kept in the note), or a
    date and a time joined by a dash; None when neither reads."""
    if (m := _ANNOTATED.match(t)) is not None:
        try:
            iv = _read(m["date"], evidence)
        except DateError:
            return None
        return _remarked(iv, m["note"])
    if (m := _BRACKETED.match(t)) is not None:
        try:
            iv = _read(m["date"], evidence)
        except DateError:
            return None
        return dataclasses.replace(iv, note=_join(iv.note, "written in brackets"))
    if (m := _DATE_THEN_REMARK.match(t)) is not None:
        try:
            iv = _read(m["date"], evidence)
        except DateError:
            return None
        return _remarked(iv, m["note"].strip())
    for pattern in (_DATE_THEN_TIME, _DATE_THEN_ROUGH_TIME):
        if (m := pattern.match(t)) is None:
            continue
        try:
            iv = _read(m["date"], evidence)
            at, approx = parse_time_approx(m["time"])
        except DateError:
            continue  # "12-mar-21 c.1500" is no "12-mar" then "21 c.1500"
        if iv.precision != "day" or at is None:
            continue
        return dataclasses.replace(
            iv, precision="exact", time=at, approximate=iv.approximate or approx
        )
    return None


# ---------------------------------------------------------------- public API


def parse_date(
    value: object, *, month_first_evidence: bool = False, month_first: bool = False
) -> DateInterval | None:
    """Read one cell as a day-first date interval.

    None for blank (None, "", whitespace, NaN, NaT). Raises DateError for anything that is
    not blank and cannot be read. With `month_first_evidence` (the column has a date that
    can only be read month first), a numeric date readable both ways is still read day
    first but carries the month-first reading in `alternative`.
    """
    if value is None:
        return None
    if isinstance(value, str):
        mode = MONTH_FIRST if month_first else (1 if month_first_evidence else 0)
        r = _parse_text_cached(value.strip(), mode)
        if isinstance(r, str):
            raise DateError(r)
        return r
    if isinstance(value, bool):
        raise DateError(f"cannot read {value!r} as a date")
    if isinstance(value, dt.datetime):  # also pandas Timestamp
        if value != value:  # pandas NaT
            return None
        d = value.date()
        try:
            _check_year(d.year)
        except DateError as exc:
            raise DateError(f"cannot read {_show(value)} as a date: {exc}") from None
        t = value.time()
        if t == _MIDNIGHT:
            return DateInterval(d, d, "day")
        return DateInterval(d, d, "exact", time=t)
    if isinstance(value, dt.date):
        try:
            _check_year(value.year)
        except DateError as exc:
            raise DateError(f"cannot read {_show(value)} as a date: {exc}") from None
        return DateInterval(value, value, "day")
    x = _as_number(value)
    if x is not None:
        try:
            return _from_number(x)
        except DateError as exc:
            raise DateError(f"cannot read {_show(value)} as a date: {exc}") from None
    if type(value).__name__ == "datetime64":  # numpy; its text is ISO or "NaT"
        return parse_date(
            str(value), month_first_evidence=month_first_evidence, month_first=month_first
        )
    raise DateError(f"cannot read a date from a {type(value).__name__}")


def month_first_witness(values: Iterable[object]) -> str | None:
    """The first text in `values` that can only be read month first (12/25/2021), or None.

    Only text counts: date cells and numbers carry no day/month order.
    """
    seen: set[str] = set()  # a column repeats its dates: scan each distinct text once
    for value in values:
        if not isinstance(value, str) or value in seen:
            continue
        seen.add(value)
        for m in _WITNESS.finditer(value):
            a, b = int(m.group(1)), int(m.group(3))
            if not (1 <= a <= 12 and 13 <= b <= 31):
                continue
            try:
                _day(_year(m.group(4)), a, b)
            except DateError:
                continue
            return value.strip()
    return None


def column_date_order(values: Iterable[object]) -> tuple[str, str]:
    """("day-first" | "month-first" | "mixed", a witness text) for one column's values.

    Month-first when some text can only be read month first (12/25/2021) and none can
    only be read day first (25/12/2021); "mixed" when both occur (the day-first default
    stands, and readable-both-ways dates are flagged); day-first without evidence."""
    month_first = day_first = ""
    seen: set[str] = set()
    for value in values:
        if not isinstance(value, str) or value in seen:
            continue
        seen.add(value)
        for m in _WITNESS.finditer(value):
            a, b = int(m.group(1)), int(m.group(3))
            if 1 <= a <= 12 and 13 <= b <= 31 and not month_first:
                month_first = value.strip()
            elif 13 <= a <= 31 and 1 <= b <= 12 and not day_first:
                day_first = value.strip()
        if month_first and day_first:
            return "mixed", month_first
    if month_first:
        return "month-first", month_first
    return "day-first", day_first
