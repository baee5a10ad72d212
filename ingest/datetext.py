"""The text grammar of dates: one normalised cell text -> a `DateInterval`.

Single numeric and worded dates, a date with a time, ranges, weeks and approximate markers
(see docs/dates.md). `ingest.dates` is the public face (blank handling, caching, cell types,
column day/month order); this module only reads text that `ingest.dates` has normalised.
Errors are `DateError` whose message says what failed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ingest.dateparts import (
    _ALT_NOTE,
    _APPROX_PREFIX,
    _APPROX_SUFFIX,
    _DATE_TIME,
    _DAY_NAMES,
    _DAY_TOKEN,
    _FORMS,
    _MAX_YEAR,
    _MIDNIGHT,
    _MIN_YEAR,
    _MON_ABBR,
    _MONTHS,
    _NUM_8,
    _NUM_DM,
    _NUM_DMY,
    _NUM_MY,
    _NUM_SERIAL,
    _NUM_YEAR,
    _NUM_YMD,
    _NUM_YY,
    _PART_PREFIX,
    _RANGE_SEP,
    _SEASONS,
    _TOKEN,
    _WEEK_PREFIX,
    _WEEKDAY_PREFIX,
    _WEEKDAYS,
    _WORDY,
    DateError,
    _check_year,
    _day,
    _fmt,
    _from_number,
    _join,
    _month,
    _month_end,
    _season,
    _single_day,
    _whole_year,
    _year,
)
from ingest.datewords import half_term, week_of_month
from ingest.records import DateInterval
from ingest.times import _time_text

MONTH_FIRST = 2  # the reading mode of a column shown to be month-first


# ---------------------------------------------------------------- text: single dates


def _numeric_dmy(a: int, b: int, year: int, evidence: int) -> DateInterval:
    """a/b/year read day first; month first only when b cannot be a month, or when the
    whole column is month-first (`evidence` == MONTH_FIRST)."""
    if evidence == MONTH_FIRST and 1 <= a <= 12 and 1 <= b <= 31:
        try:
            return _single_day(_day(year, a, b))
        except DateError as exc:
            raise DateError(f"read month-first like the rest of its column: {exc}") from None
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


# A school term in England, by its months: "Spring term 2022" runs from January to Easter
# (not the season's March to May), "Summer term" from Easter to July.
_TERMS = {"autumn": (9, 12), "spring": (1, 4), "summer": (4, 7)}


def _school_term(name: str, year: int) -> DateInterval:
    first, last = _TERMS[name]
    _check_year(year)
    note = f"{name} term {year}: the school term, {_MON_ABBR[first]} to {_MON_ABBR[last]}"
    return DateInterval(dt.date(year, first, 1), _month_end(year, last), "season", note=note)


def _read_words(t: str) -> DateInterval | None:
    """Dates with month or season names: 12th March 2021, Mar-21, Spring 2020, ..."""
    if not _WORDY.fullmatch(t):
        return None
    tokens = _TOKEN.findall(t)
    worded = "week" in tokens or "wk" in tokens or "half" in tokens
    if worded and (iv := week_of_month(tokens) or half_term(tokens)) is not None:
        return iv  # "first week of May 2021", "October half term 2020"
    if (
        len(tokens) == 3
        and tokens[1] == "term"
        and tokens[0] in _TERMS
        and tokens[2].isdigit()
        and len(tokens[2]) in (2, 4)
    ):
        return _school_term(tokens[0], _year(tokens[2]))
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


# The 1990s, "early 2000s" (with the part prefix): the decade, a range of ten years.
_DECADE = re.compile(r"((?:19|20)[0-9])0'?s")


def _read_single(t: str, evidence: bool) -> DateInterval | None:
    """One date without markers, week or range; None when the form is not recognised."""
    if m := _DECADE.fullmatch(t):
        first = int(m.group(1)) * 10
        _check_year(first + 9)
        return DateInterval(
            dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "range", note=f"the {first}s"
        )
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


# "w/e 07/05/2021", "week ending 7 May 2021": the seven days up to that date
_WEEK_END = re.compile(r"(?:w/e|w\.e\.?|we(?=\s*[0-9])|(?:week|wk)\s+end(?:ing)?)\s*:?\s*", re.I)


def _read_week_ending(rest: str, evidence: bool) -> DateInterval:
    iv = _read_single(rest, evidence)
    if iv is None or iv.precision != "day":
        raise DateError("week ending needs a whole date such as 21/03/2021")
    end = iv.start
    start = end - dt.timedelta(days=6)
    _check_year(start.year)
    alt = None
    note = f"week ending {_fmt(end)}"
    if iv.alternative:
        alt = (iv.alternative[0] - dt.timedelta(days=6), iv.alternative[0])
        note = _join(note, f"{_ALT_NOTE} as w/e {_fmt(alt[1])}")
    return DateInterval(start, end, "week", alternative=alt, note=note)


def _read_unmarked(t: str, evidence: bool) -> DateInterval:
    if m := _WEEK_PREFIX.match(t):
        return _read_week(t[m.end() :], evidence)
    if m := _WEEK_END.match(t):
        return _read_week_ending(t[m.end() :], evidence)
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


# "During 2019", "sometime in March 2020", "throughout spring 2021": the event happened
# within the period written after it; the period is the date, no less exact than written.
_WITHIN_PREFIX = re.compile(
    r"(?:(?:some ?time|at some point|on a date)\s+)?(?:during|in|within|throughout)\s+(?=\S)"
    r"|(?:some ?time|at some point)\s+(?=\S)"
    # "Unknown date 2019", "date unknown: March 2020": only the period written is known
    r"|(?:(?:unknown|exact|uncertain)\s+(?:date|day)|(?:date|day)\s+(?:unknown|not\s+known))"
    r"\s*[,:]?\s+(?=\S)"
)
# A day (or day and month) not known, written as a placeholder: "xx/05/2021", "??/05/2021",
# "00.05.2021", "--/--/2019". Read before the approximate markers ("?" is one of them).
_UNKNOWN_DAY = re.compile(
    r"(?:x{1,2}|\?{1,2}|-{1,2}|0{1,2}|dd)([/.\-])([0-9]{1,2}|x{1,2}|\?{1,2}|-{1,2}|mm)\1"
    r"([0-9]{4}|[0-9]{2})",
    re.IGNORECASE,
)
# "May/June 2021", "Spring/Summer 2021": two month or season names, one year: a range
_NAMES_SLASH = re.compile(r"([a-z]+)\.?\s*/\s*([a-z]+\.?\s+[0-9]{2,4})", re.IGNORECASE)


_UNKNOWN_FIRST = frozenset("xX?-0d")


def _unknown_day(m: re.Match[str]) -> DateInterval:
    year, month = _year(m.group(3)), m.group(2)
    if not month.isdigit():  # "xx/xx/2019": only the year is known
        return dataclasses.replace(_whole_year(year), note="day and month not known")
    if not 1 <= int(month) <= 12:
        raise DateError(f"{month} is not a month")
    return dataclasses.replace(_month(year, int(month)), note="day not known")


# A part of the day after a date: "03/05/2021 evening" is that day, with no time of day.
_PART_OF_DAY = re.compile(
    r"\s*,?\s+(?:in the\s+)?(am|pm|a\.m\.?|p\.m\.?|morning|afternoon|evening|night|overnight"
    r"|lunchtime|daytime|early hours)\Z"
)
# Two whole dates of one entry: "03/05/21 & 04/05/21", "03/05/2021, 05/05/2021", "or" (not
# sure which): the span from the first to the second ("and", "to" are ranges already).
_TWO_DATES = re.compile(r"(.+?)\s*(?:&|,|\s+or\s+)\s*(.+)")


def _two_dates(m: re.Match[str], evidence: bool) -> DateInterval | None:
    try:
        first, second = _read_point(m.group(1), evidence), _read_point(m.group(2), evidence)
    except DateError:
        return None
    if first is None or second is None or second.start <= first.start:
        return None
    if {first.precision, second.precision} - {"day", "exact"}:
        return None
    either = " or " in m.group(0)
    note = (
        f"two dates ({'either' if either else 'both'}): {_fmt(first.start)} to {_fmt(second.end)}"
    )
    return DateInterval(first.start, second.end, "range", approximate=either, note=note)


def _read(t: str, evidence: bool) -> DateInterval:
    """A normalised text: approximate markers around a date, week or range."""
    # (each form tested only when its first or last character allows it: most dates
    # start and end with a digit, and every distinct text of a file comes through here)
    first, last = t[:1], t[-1:]
    if first in _UNKNOWN_FIRST and (m := _UNKNOWN_DAY.fullmatch(t)):
        return _unknown_day(m)
    if last.isalpha() and (m := _PART_OF_DAY.search(t)) and m.start() > 0:
        iv = _read(t[: m.start()], evidence)
        if iv.precision == "day":
            return dataclasses.replace(iv, note=_join(iv.note, f"in the {m.group(1)}"))
    if (
        ("&" in t or "," in t or " or " in t)
        and (m := _TWO_DATES.fullmatch(t))
        and (iv := _two_dates(m, evidence)) is not None
    ):
        return iv
    if (
        first.isalpha()
        and "/" in t
        and (m := _NAMES_SLASH.fullmatch(t))
        and all(
            w.rstrip(".") in _MONTHS or w.rstrip(".") in _SEASONS
            for w in (m.group(1), m.group(2).split()[0])
        )
    ):
        t = f"{m.group(1)} - {m.group(2)}"
    approx_note = ""
    for _ in range(4):  # markers may stack: "c. 2019?"
        if m := _APPROX_PREFIX.match(t):
            t, approx_note = t[m.end() :], "approximate"
        elif (m := _APPROX_SUFFIX.search(t)) and m.start() > 0:
            t, approx_note = t[: m.start()], "approximate"
        elif m := _PART_PREFIX.match(t):
            part, t = m.group(1), t[m.end() :]
            approx_note = f"{part} {{}}: read as the whole period"
        elif m := _WITHIN_PREFIX.match(t):  # "during 2019": within the period, as written
            t = t[m.end() :]
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
    if iv.note.startswith("the ") and iv.note.endswith("0s"):  # a decade
        return iv.note[4:]
    if iv.precision == "month":
        return f"{_MON_ABBR[iv.start.month]} {iv.start.year}"
    if iv.precision == "year":
        return str(iv.start.year)
    if iv.start == iv.end:
        return _fmt(iv.start)
    return f"{_fmt(iv.start)} to {_fmt(iv.end)}"
