"""Date wordings of practitioners that name a part of a month or a school holiday: "first
week of May 2021", "the last week of Oct 2020", "October half term 2020", "half term Feb
2021". ingest/datetext.py hands the tokens of a normalised text here before its general
word reading; None means "not one of these" (the general reading goes on).

A week of a month is its days 1-7, 8-14, 15-21, 22-28 or its last seven ("week"
precision: the week is known, its Monday is not). A half term is a week's school holiday
whose dates vary by area and year: it is read as its month (February, May, October; the
spring, summer and autumn terms' half terms), with a note saying so.
"""

from __future__ import annotations

import datetime as dt

from ingest.dateparts import _MON_ABBR, _MONTHS, DateError, _check_year, _month, _month_end, _year
from ingest.records import DateInterval

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 5, "final": 5}
_NUMBERED = {"1": 1, "2": 2, "3": 3, "4": 4}
_SUFFIX = {1: "st", 2: "nd", 3: "rd", 4: "th"}
# a half term by the term it falls in, or by a name of its month
_HALF_TERM_MONTH = {"spring": 2, "summer": 5, "whitsun": 5, "autumn": 10, "fall": 10}


def _year_token(tok: str) -> int | None:
    return _year(tok) if tok.isdigit() and len(tok) in (2, 4) else None


def week_of_month(tokens: list[str]) -> DateInterval | None:
    """ "first week of may 2021", "2nd week of march 2020", "last week in oct 2019"."""
    toks = [t for t in tokens if t not in ("the", "of", "in")]
    if len(toks) >= 2 and toks[0] in _NUMBERED and toks[1] in ("st", "nd", "rd", "th"):
        toks = [toks[0], *toks[2:]]
    if len(toks) != 4 or toks[1] not in ("week", "wk") or toks[2] not in _MONTHS:
        return None
    which = _ORDINALS.get(toks[0]) or _NUMBERED.get(toks[0])
    year = _year_token(toks[3])
    if which is None or year is None:
        return None
    _check_year(year)
    month = _MONTHS[toks[2]]
    end_of_month = _month_end(year, month)
    if which == 5:  # the last week: its last seven days
        start = end_of_month - dt.timedelta(days=6)
    else:
        start = dt.date(year, month, 1 + 7 * (which - 1))
    end = min(start + dt.timedelta(days=6), end_of_month)
    shown = toks[0] if toks[0] in _ORDINALS else f"{toks[0]}{_SUFFIX[which]}"
    note = f"the {shown} week of {_MON_ABBR[month]} {year}: {start:%d %b} to {end:%d %b}"
    return DateInterval(start, end, "week", note=note)


def half_term(tokens: list[str]) -> DateInterval | None:
    """ "october half term 2020", "spring half term 2021", "half term feb 2021"."""
    toks = [t for t in tokens if t not in ("the", "of", "in")]
    if "half" not in toks or toks.index("half") + 1 >= len(toks):
        return None
    at = toks.index("half")
    if toks[at + 1] not in ("term", "terms"):
        return None
    rest = toks[:at] + toks[at + 2 :]
    names = [t for t in rest if not t.isdigit()]
    years = [t for t in rest if t.isdigit()]
    if len(names) != 1 or len(years) != 1 or (year := _year_token(years[0])) is None:
        if not years:
            raise DateError("a half term needs its year")
        return None
    name = names[0]
    month = _HALF_TERM_MONTH.get(name) or _MONTHS.get(name)
    if month is None:
        return None
    iv = _month(year, month)
    name = name.capitalize() if name in _HALF_TERM_MONTH else _MON_ABBR[month]
    note = (
        f"{name} half term {year}: a week's school holiday in {_MON_ABBR[month]} {year} "
        "(its dates vary by area), read as the month"
    )
    return DateInterval(iv.start, iv.end, "month", note=note)
