"""Day-first date and time parsing for agency chronologies.

Practitioners write dates in many ways (see docs/dates.md and domain/glossary.md). Every
reading is an inclusive `DateInterval` with a precision, so a partial date ("March 2021")
stays an interval and never becomes a guessed midpoint. Numeric dates are always read day
first; a date that can only be read month first ("12/25/2021") is read that way with a note,
and `month_first_witness` lets the pipeline flag a column where day-first readings may be
wrong (`parse_date(..., month_first_evidence=True)` then sets `alternative`).

Only `DateError` (a ValueError) ever escapes; its message says what was read and why it
failed, for a person fixing the file.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import decimal
import functools
import math
import numbers
import re
from collections.abc import Iterable

from ingest.records import DateInterval

__all__ = ["DateError", "parse_date", "parse_time", "month_first_witness"]


class DateError(ValueError):
    """A value that is not blank but cannot be read as a date or time."""


# Two-digit years: 00..PIVOT are this century, the rest the last (children's lives are
# mostly this century; a parent's history may reach back to the 1980s).
_PIVOT = min(dt.date.today().year % 100 + 5, 99)
_MIN_YEAR, _MAX_YEAR = 1900, 2100
# Excel 1900 date system. Base 30 Dec 1899 is right for serials >= 61: Excel counts a
# 29 Feb 1900 that never existed, which our plausible range (1950..2100) never reaches.
_EXCEL_BASE = dt.date(1899, 12, 30)
_SERIAL_MIN = (dt.date(1950, 1, 1) - _EXCEL_BASE).days  # 18264
_SERIAL_MAX = (dt.date(2100, 12, 31) - _EXCEL_BASE).days  # 73415
_MAX_TEXT = 80  # longer text is a description, not a date; also bounds the work per value
_MIDNIGHT = dt.time(0, 0)

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            (),
            ("january", "jan"),
            ("february", "feb", "febuary", "feburary"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed", "weds"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
# UK meteorological seasons by first month; each spans three months (winter: Dec-Feb).
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_MON_ABBR = ("", *(calendar.month_abbr[i] for i in range(1, 13)))
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_A = re.ASCII
# Fast path: the common dd/mm/yyyy form, on the stripped text.
_FAST_DMY = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", _A)
_NUM_DMY = re.compile(r"([0-9]{1,2})([/.\-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})", _A)
_NUM_YMD = re.compile(r"([0-9]{4})([/.\-])([0-9]{1,2})\2([0-9]{1,2})", _A)
_NUM_MY = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{4})", _A)
_NUM_YY = re.compile(r"([0-9]{4})([/\-])([0-9]{2}|[0-9]{4})", _A)
_NUM_DM = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})", _A)
_NUM_YEAR = re.compile(r"[0-9]{4}", _A)
_NUM_8 = re.compile(r"[0-9]{8}", _A)
_NUM_SERIAL = re.compile(r"[0-9]{5}(?:\.[0-9]+)?", _A)
_WORDY = re.compile(r"[a-z0-9 ,./\-']*[a-z][a-z0-9 ,./\-']*", _A)
_TOKEN = re.compile(r"[a-z]+|[0-9]+", _A)
_DAY_TOKEN = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)?", _A)

_APPROX_PREFIX = re.compile(
    r"(?:approx(?:imately)?\.?|circa\.?|ca\.|ca(?=\s*[0-9])|c\.|c(?=\s*[0-9])|around|about"
    r"|abt\.?|roughly|est(?:imated)?\.?|~|\?)\s*",
    _A,
)
_APPROX_SUFFIX = re.compile(
    r"\s*(?:\?+|\((?:approx(?:imately)?\.?|circa|c\.?|ca\.?|est(?:imated)?\.?|\?)\)"
    r"|approx(?:imately)?\.?|\(?estimated\)?)\Z",
    _A,
)
_PART_PREFIX = re.compile(
    r"(early|mid|late|beginning(?: of)?|start(?: of)?|end(?: of)?|middle of)(?:\s*-\s*|\s+)", _A
)
_WEEK_PREFIX = re.compile(
    r"(?:w/c|w/b|w\.c\.?|w\.b\.?|wc|wb|week\s+(?:commencing|beginning|starting|of)"
    r"|wk\s+(?:comm?\.?|commencing|beginning))\s*:?\s*",
    _A,
)
_TIME_PAT = (
    r"(?:[0-9]{1,2}[:.][0-9]{2}(?:[:.][0-9]{2}(?:\.[0-9]+)?)?\s*(?:[ap]\.?\s*m\.?)?"
    r"|[0-9]{3,4}|[0-9]{1,2}\s*[ap]\.?\s*m\.?|noon|midday|midnight)\s*(?:hrs?\.?|hours|h)?"
)
_DATE_TIME = re.compile(
    rf"(?:\s*,\s*(?:at\s+)?|\s+at\s+|\s*@\s*|\s+|(?<=[0-9])t)({_TIME_PAT})\Z", _A
)
_RANGE_SEP = re.compile(r"\s*-\s*|\s+(?:to|until|till|through|and)\s+", _A)
_TIME_AMPM = re.compile(r"\s*([ap])\.?\s*m\.?\Z", _A)
_TIME_HRS = re.compile(r"\s*(?:hrs?\.?|hours|h)\Z", _A)
_TIME_HMS = re.compile(r"([0-9]{1,2})[:.]([0-9]{2})(?:[:.]([0-9]{2})(?:\.([0-9]+))?)?", _A)
_TIME_HHMM = re.compile(r"[0-9]{3,4}", _A)
_TIME_H = re.compile(r"[0-9]{1,2}", _A)
_WITNESS = re.compile(
    r"(?<![0-9])([0-9]{1,2})([/.\-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(?![0-9])", _A
)

_SLASH_SPACES = re.compile(r"\s*/\s*")
_ALT_NOTE = "could also be read month-first"
_WEEKDAY_PREFIX = re.compile(
    rf"({'|'.join(sorted(_WEEKDAYS, key=len, reverse=True))})\.?,?\s*(?=[0-9])", _A
)
_FORMS = "e.g. 12/03/2021, 12 Mar 2021, March 2021, Spring 2020, w/c 15/03/2021"


# ---------------------------------------------------------------- small helpers


def _fmt(d: dt.date) -> str:
    """A date as the UI shows it: 12 Mar 2021."""
    return f"{d.day} {_MON_ABBR[d.month]} {d.year}"


def _show(value: object) -> str:
    text = (str(value) if isinstance(value, str | numbers.Number) else repr(value)).strip()
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _join(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def _year(text: str) -> int:
    """A 2- or 4-digit year as written; other lengths are not years."""
    if len(text) == 2:
        yy = int(text)
        return 2000 + yy if yy <= _PIVOT else 1900 + yy
    if len(text) != 4:
        raise DateError(f"{text} is not a year (write 2 or 4 digits)")
    year = int(text)
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise DateError(f"the year {year} is outside {_MIN_YEAR}-{_MAX_YEAR}")
    return year


def _check_year(year: int) -> None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise DateError(f"the year {year} is outside {_MIN_YEAR}-{_MAX_YEAR}")


def _day(year: int, month: int, day: int) -> dt.date:
    _check_year(year)
    if not 1 <= month <= 12:
        raise DateError(f"{month} is not a month")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        if 1 <= day <= 31:
            raise DateError(f"{name} {year} has no day {day}")
        raise DateError(f"{day} is not a day of {name} {year}")
    return dt.date(year, month, day)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month(year: int, month: int) -> DateInterval:
    _check_year(year)
    return DateInterval(dt.date(year, month, 1), _month_end(year, month), "month")


def _whole_year(year: int) -> DateInterval:
    _check_year(year)
    return DateInterval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _season(name: str, year: int, note: str = "") -> DateInterval:
    first = _SEASONS[name]
    _check_year(year)
    start = dt.date(year, first, 1)
    end_year, end_month = (year + 1, 2) if first == 12 else (year, first + 2)
    _check_year(end_year)
    if first == 12 and not note:
        note = f"winter {year} read as Dec {year} to Feb {end_year}"
    return DateInterval(start, _month_end(end_year, end_month), "season", note=note)


def _single_day(d: dt.date, note: str = "", alt: dt.date | None = None) -> DateInterval:
    return DateInterval(d, d, "day", alternative=(alt, alt) if alt else None, note=note)


# ---------------------------------------------------------------- numbers (Excel serials)


def _from_serial(x: float, shown: str) -> DateInterval:
    days = math.floor(x)
    secs = round((x - days) * 86400)
    if secs >= 86400:  # rounding reached the next midnight
        days, secs = days + 1, 0
    d = _EXCEL_BASE + dt.timedelta(days=days)
    _check_year(d.year)
    note = f"Excel date number {shown}"
    if secs == 0:
        return DateInterval(d, d, "day", note=note)
    t = dt.time(secs // 3600, secs // 60 % 60, secs % 60)
    return DateInterval(d, d, "exact", time=t, note=note)


def _from_number(x: int | float, shown: str = "") -> DateInterval | None:
    """A year or an Excel serial; DateError(reason) otherwise."""
    if isinstance(x, float):
        if math.isnan(x):
            return None
        if not math.isfinite(x):
            raise DateError("not a finite number")
        if x.is_integer():
            x = int(x)
    # A year typed into a spreadsheet cell arrives as a number.
    if isinstance(x, int) and _MIN_YEAR <= x <= _MAX_YEAR:
        return _whole_year(x)
    if _SERIAL_MIN <= x < _SERIAL_MAX + 1:
        return _from_serial(float(x), shown or str(x))
    raise DateError(
        f"a number must be a year ({_MIN_YEAR}-{_MAX_YEAR}) or"
        f" an Excel date number between {_SERIAL_MIN} (1 Jan 1950) and {_SERIAL_MAX}"
        " (31 Dec 2100)"
    )


# ---------------------------------------------------------------- times


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


@functools.lru_cache(maxsize=4096)
def _parse_time_cached(s: str) -> dt.time | str | None:
    t = " ".join(s.lower().split())
    if not t or t in ("nan", "nat"):
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


def _as_number(value: object) -> int | float | None:
    """int or float for any real number type (numpy, Decimal, Fraction); None otherwise."""
    try:
        if isinstance(value, numbers.Integral):
            return int(value)
        if isinstance(value, numbers.Real):
            return float(value)
        if isinstance(value, decimal.Decimal):
            return float("nan") if value.is_nan() else float(value)
    except (ValueError, OverflowError, TypeError, ArithmeticError) as exc:
        raise DateError(f"cannot read {_show(value)} as a number: {exc}") from exc
    return None


# ---------------------------------------------------------------- text: single dates


def _numeric_dmy(a: int, b: int, year: int, evidence: bool) -> DateInterval:
    """a/b/year read day first; month first only when b cannot be a month."""
    if 1 <= b <= 12:
        d = _day(year, b, a)
        if evidence and a != b and 1 <= a <= 12:
            alt = dt.date(year, a, b)
            note = f"{_ALT_NOTE} as {_fmt(alt)} (this column has month-first dates)"
            return _single_day(d, note, alt)
        return _single_day(d)
    if 1 <= a <= 12 and 13 <= b <= 31:
        try:
            d = _day(year, a, b)
        except DateError as exc:
            raise DateError(f"{b} is not a month, and read month-first: {exc}") from None
        return _single_day(d, f"read month-first: {b} is not a month")
    if 1 <= a <= 31:
        raise DateError(f"{b} is not a month")
    raise DateError(f"{a} is not a day and {b} is not a month")


def _fmt_month(year: int, month: int) -> str:
    return dt.date(year, month, 1).strftime("%b %Y")


def _read_numeric(t: str, evidence: bool) -> DateInterval | None:
    if m := _NUM_DMY.fullmatch(t):
        return _numeric_dmy(int(m.group(1)), int(m.group(3)), _year(m.group(4)), evidence)
    if m := _NUM_YMD.fullmatch(t):
        return _single_day(_day(_year(m.group(1)), int(m.group(3)), int(m.group(4))))
    if _NUM_YEAR.fullmatch(t):
        return _whole_year(_year(t))
    if m := _NUM_MY.fullmatch(t):
        month = int(m.group(1))
        if not 1 <= month <= 12:
            raise DateError(f"{month} is not a month")
        return _month(_year(m.group(2)), month)
    if m := _NUM_YY.fullmatch(t):
        y1, second = _year(m.group(1)), m.group(3)
        if len(second) == 2 and int(second) == (y1 + 1) % 100:
            # 2020/21: an academic or financial year; the two whole years contain it
            _check_year(y1 + 1)
            alternative = None
            note = f"read as {y1} to {y1 + 1} (a school or financial year?)"
            if 1 <= int(second) <= 12:  # "2011-12" could also be December 2011
                month = _month(y1, int(second))
                alternative = (month.start, month.end)
                note = f"{note}; it could also be {_fmt_month(y1, int(second))}"
            return DateInterval(
                dt.date(y1, 1, 1),
                dt.date(y1 + 1, 12, 31),
                "range",
                alternative=alternative,
                note=note,
            )
        if len(second) == 2:
            month = int(second)
            if 1 <= month <= 12:
                return _month(y1, month)
            raise DateError(f"{second} is neither a month nor the year after {y1}")
        y2 = _year(second)
        if y2 < y1:
            raise DateError(f"the range ends ({y2}) before it starts ({y1})")
        return DateInterval(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "range")
    if _NUM_8.fullmatch(t):
        for y, mo, d in ((t[:4], t[4:6], t[6:]), (t[4:], t[2:4], t[:2])):
            year, month, day = int(y), int(mo), int(d)
            if _MIN_YEAR <= year <= _MAX_YEAR and 1 <= month <= 12:
                return _single_day(_day(year, month, day))
        raise DateError("8 digits must be yyyymmdd or ddmmyyyy")
    if _NUM_SERIAL.fullmatch(t):
        return _from_number(float(t), t)
    if _NUM_DM.fullmatch(t):
        raise DateError("there is no year (write 12/03/2021)")
    return None


def _read_words(t: str) -> DateInterval | None:
    """Dates with month or season names: 12th March 2021, Mar-21, Spring 2020, ..."""
    if not _WORDY.fullmatch(t):
        return None
    tokens = _TOKEN.findall(t)
    weekday = None
    if tokens and tokens[0] in _WEEKDAYS:
        weekday = _WEEKDAYS[tokens.pop(0)]
    kinds: list[str] = []
    vals: list[str] = []
    for tok in tokens:
        if tok.isdigit():
            kinds.append("N")
        elif tok in ("st", "nd", "rd", "th") and kinds and kinds[-1] == "N":
            kinds[-1] = "D"  # an ordinal: certainly a day
            continue
        elif tok in ("of", "the"):
            continue
        elif tok in _MONTHS:
            kinds.append("M")
            tok = str(_MONTHS[tok])
        elif tok in _SEASONS:
            kinds.append("S")
        else:
            return None
        vals.append(tok)
    form = "".join(kinds)
    iv: DateInterval | None = None
    if form in ("NMN", "DMN") and len(vals[0]) <= 2:
        iv = _single_day(_day(_year(vals[2]), int(vals[1]), int(vals[0])))
    elif form in ("MNN", "MDN") and len(vals[1]) <= 2 and len(vals[2]) == 4:
        iv = _single_day(_day(_year(vals[2]), int(vals[0]), int(vals[1])))
    elif form == "MN" and len(vals[1]) in (2, 4):
        iv = _month(_year(vals[1]), int(vals[0]))
    elif form == "SN" and len(vals[1]) in (2, 4):
        iv = _season(vals[0], _year(vals[1]))
    elif form == "SNN" and vals[0] == "winter" and len(vals[1]) == 4:
        y1 = _year(vals[1])
        if vals[2] not in (str(y1 + 1), f"{(y1 + 1) % 100:02d}"):
            raise DateError(f"winter {vals[1]}/{vals[2]} must span two following years")
        iv = _season("winter", y1, note=f"winter {y1}/{y1 + 1}")
    elif form in ("NM", "DM", "M", "MD"):
        raise DateError("there is no year")
    if iv is None:
        return None
    if form == "MN" and len(vals[1]) == 2 and int(vals[1]) <= 31 and not set("-'") & set(t):
        # "March 12" could also be a day with no year; say how it was read
        iv = dataclasses.replace(iv, note=f"read as {_describe(iv)} (month and 2-digit year)")
    return _check_weekday(iv, weekday)


def _check_weekday(iv: DateInterval, weekday: int | None) -> DateInterval:
    """A written weekday that disagrees with the date is noted, not fatal."""
    if weekday is None or iv.precision != "day" or iv.start.weekday() == weekday:
        return iv
    note = (
        f"{_DAY_NAMES[weekday]} does not match: {_fmt(iv.start)} is a"
        f" {_DAY_NAMES[iv.start.weekday()]}"
    )
    return dataclasses.replace(iv, note=_join(iv.note, note))


def _read_single(t: str, evidence: bool) -> DateInterval | None:
    """One date without markers, week or range; None when the form is not recognised."""
    iv = _read_numeric(t, evidence)
    if iv is None:
        iv = _read_words(t)
    if iv is None and (m := _WEEKDAY_PREFIX.match(t)):  # Fri 12/03/2021
        iv = _read_numeric(t[m.end() :], evidence)
        if iv is not None:
            iv = _check_weekday(iv, _WEEKDAYS[m.group(1)])
    return iv


def _read_with_time(t: str, evidence: bool) -> DateInterval | None:
    """A date and a time in one cell: 12/03/2021 14:35, 12/03/2021 at 2.35pm, ISO T."""
    m = _DATE_TIME.search(t)
    if m is None or m.start() == 0:
        return None
    day = _read_single(t[: m.start()], evidence)
    if day is None:
        return None
    if day.precision != "day":
        raise DateError("a time needs a whole date with a day")
    time_text = m.group(1)
    try:
        t_of_day = _time_text(" ".join(time_text.split()))
    except DateError as exc:
        raise DateError(f"the time {time_text!r}: {exc}") from None
    if t_of_day == _MIDNIGHT and time_text.count(":") == 2:
        return day  # "2021-03-12 00:00:00": a date exported with a zero time, not midnight
    return DateInterval(
        day.start, day.end, "exact", time=t_of_day, alternative=day.alternative, note=day.note
    )


def _read_point(t: str, evidence: bool) -> DateInterval | None:
    iv = _read_single(t, evidence)
    if iv is None:
        iv = _read_with_time(t, evidence)
    return iv


# ---------------------------------------------------------------- text: ranges, weeks


def _range_left(left: str, right: DateInterval) -> DateInterval | None:
    """The left side of a range that borrows month and/or year from the right."""
    y, mo = right.end.year, right.end.month
    if right.precision in ("day", "exact"):
        if m := _DAY_TOKEN.fullmatch(left):  # 12-14/03/2021
            return _single_day(_day(y, mo, int(m.group(1))))
        if m := _NUM_DM.fullmatch(left):  # 12/03 - 14/04/2021
            return _single_day(_day(y, int(m.group(2)), int(m.group(1))))
    words = _read_words(f"{left} {y}") if _WORDY.fullmatch(left) else None
    if words is not None and words.precision in ("day", "month", "season"):
        return words  # 12 March - 14 April 2021, March - April 2021
    return None


def _read_range(t: str, evidence: bool) -> DateInterval | None:
    seps = list(_RANGE_SEP.finditer(t))
    # Spaced separators first: "12-03-2021 - 14-03-2021" splits at the spaced dash.
    seps.sort(key=lambda m: (m.group(0) == "-", m.start()))
    problem: DateError | None = None
    for m in seps[:12]:
        left, right = t[: m.start()], t[m.end() :]
        if not left or not right:
            continue
        try:
            r = _read_point(right, evidence)
        except DateError as exc:
            r, problem = None, problem or exc
        if r is None:
            # A time range within one day: "12/03/2021 14:00 - 15:30".
            tr = _time_range(left, right, evidence)
            if tr is not None:
                return tr
            continue
        try:
            l_iv = _read_point(left, evidence) or _range_left(left, r)
        except DateError:
            try:
                l_iv = _range_left(left, r)
            except DateError as exc:
                l_iv, problem = None, problem or exc
        if l_iv is None:
            continue
        if r.end < l_iv.start:
            problem = DateError(
                f"the range ends ({_fmt(r.end)}) before it starts ({_fmt(l_iv.start)})"
            )
            continue
        alt = None
        if l_iv.alternative or r.alternative:
            a0 = l_iv.alternative[0] if l_iv.alternative else l_iv.start
            a1 = r.alternative[1] if r.alternative else r.end
            alt = (a0, a1) if a0 <= a1 else None
        note = _join(*(n for n in (l_iv.note, r.note) if not n.startswith(_ALT_NOTE)))
        if alt:
            note = _join(note, f"{_ALT_NOTE} as {_fmt(alt[0])} to {_fmt(alt[1])}")
        return DateInterval(
            l_iv.start,
            r.end,
            "range",
            approximate=l_iv.approximate or r.approximate,
            alternative=alt,
            note=note,
        )
    if problem is not None:
        raise problem
    return None


def _time_range(left: str, right: str, evidence: bool) -> DateInterval | None:
    try:
        start = _read_point(left, evidence)
        end_time = _time_text(right)
    except DateError:
        return None
    if start is None or start.precision != "exact" or start.time is None:
        return None
    note = _join(start.note, f"{start.time:%H:%M} to {end_time:%H:%M}")
    return DateInterval(
        start.start, start.end, "exact", time=start.time, alternative=start.alternative, note=note
    )


def _read_week(rest: str, evidence: bool) -> DateInterval:
    iv = _read_single(rest, evidence)
    if iv is None or iv.precision != "day":
        raise DateError("week commencing needs a whole date such as 15/03/2021")
    start = iv.start
    note = f"week commencing {_fmt(start)}"
    if start.weekday() != 0:
        note += f" (a {_DAY_NAMES[start.weekday()]})"
    alt = None
    if iv.alternative:
        alt = (iv.alternative[0], iv.alternative[0] + dt.timedelta(days=6))
        note = _join(note, f"{_ALT_NOTE} as w/c {_fmt(alt[0])}")
    _check_year((start + dt.timedelta(days=6)).year)
    return DateInterval(start, start + dt.timedelta(days=6), "week", alternative=alt, note=note)


def _read_unmarked(t: str, evidence: bool) -> DateInterval:
    if m := _WEEK_PREFIX.match(t):
        return _read_week(t[m.end() :], evidence)
    readers = (_read_single, _read_with_time, _read_range)
    for prefix in ("between ", "from "):
        if t.startswith(prefix):
            t, readers = t[len(prefix) :], (_read_range,)
            break
    first_error: DateError | None = None
    for reader in readers:
        try:
            iv = reader(t, evidence)
        except DateError as exc:  # a known form with a bad part; another reader may fit
            first_error = first_error or exc
            continue
        if iv is not None:
            return iv
    if first_error is not None:
        raise first_error
    raise DateError(f"not a date form this tool reads ({_FORMS})")


def _read(t: str, evidence: bool) -> DateInterval:
    """A normalised text: approximate markers around a date, week or range."""
    approx_note = ""
    for _ in range(4):  # markers may stack: "c. 2019?"
        if m := _APPROX_PREFIX.match(t):
            t, approx_note = t[m.end() :], "approximate"
        elif (m := _APPROX_SUFFIX.search(t)) and m.start() > 0:
            t, approx_note = t[: m.start()], "approximate"
        elif m := _PART_PREFIX.match(t):
            part, t = m.group(1), t[m.end() :]
            approx_note = f"{part} {{}}: read as the whole period"
        else:
            break
        t = t.strip()
    iv = _read_unmarked(t, evidence)
    if not approx_note:
        return iv
    if "{}" in approx_note:
        approx_note = approx_note.format(_describe(iv))
    return DateInterval(
        iv.start,
        iv.end,
        iv.precision,
        approximate=True,
        time=iv.time,
        alternative=iv.alternative,
        note=_join(approx_note, iv.note),
    )


def _describe(iv: DateInterval) -> str:
    if iv.precision == "month":
        return f"{_MON_ABBR[iv.start.month]} {iv.start.year}"
    if iv.precision == "year":
        return str(iv.start.year)
    if iv.start == iv.end:
        return _fmt(iv.start)
    return f"{_fmt(iv.start)} to {_fmt(iv.end)}"


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
        return f"cannot read {_show(s)} as a date: {exc}"


# ---------------------------------------------------------------- public API


def parse_date(value: object, *, month_first_evidence: bool = False) -> DateInterval | None:
    """Read one cell as a day-first date interval.

    None for blank (None, "", whitespace, NaN, NaT). Raises DateError for anything that is
    not blank and cannot be read. With `month_first_evidence` (the column has a date that
    can only be read month first), a numeric date readable both ways is still read day
    first but carries the month-first reading in `alternative`.
    """
    if value is None:
        return None
    if isinstance(value, str):
        r = _parse_text_cached(value.strip(), bool(month_first_evidence))
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
        return parse_date(str(value), month_first_evidence=month_first_evidence)
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
