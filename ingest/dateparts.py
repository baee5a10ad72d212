"""The building blocks of date reading: the error type, the forms' patterns, small
helpers that build intervals, and numbers (years, Excel serials). `ingest.dates` reads
text with them; `ingest.times` reads times of day."""

from __future__ import annotations

import calendar
import datetime as dt
import decimal
import math
import numbers
import re

from ingest.records import DateInterval


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
# Welsh month names (bilingual files in Wales): a prior like the English ones.
_MONTHS.update(
    {
        name: i
        for i, name in enumerate(
            ("ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst")
            + ("medi", "hydref", "tachwedd", "rhagfyr"),
            start=1,
        )
    }
)
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
    # "c May 2021", "ca spring 2019": the letter before a month or a season's name
    r"|ca?(?=\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn"
    r"|winter|early|mid|late)[a-z]*\s+[0-9])"
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
    r"|wk\s+(?:commencing|beginning|comm?\.?))\s*:?\s*",
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
