"""Property tests for ingest/dates.py: generated dates written the ways practitioners write
them read back to exactly that interval, and no input of any type raises anything but
DateError. Expected intervals come from the standard library (calendar) and openpyxl."""

from __future__ import annotations

import calendar
import datetime as dt

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.datetime import from_excel

from ingest.dates import DateError, month_first_witness, parse_date, parse_time
from ingest.records import PRECISIONS, DateInterval

D = dt.date
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WIDE = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Two-digit years are only unambiguous inside the pivot window (the brief's rule).
_PIVOT = dt.date.today().year % 100 + 5
_YY_MIN = max(1950, 1900 + _PIVOT + 1)
_YY_MAX = min(2099, 2000 + _PIVOT)

days = st.dates(min_value=D(1950, 1, 1), max_value=D(2099, 12, 31))
days_yy = st.dates(min_value=D(_YY_MIN, 1, 1), max_value=D(_YY_MAX, 12, 31))
minutes = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))
MONTH = calendar.month_name
MON = calendar.month_abbr


def _ordinal(n: int) -> str:
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def _day_texts(d: D) -> list[str]:
    return [
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.day}/{d.month}/{d.year}",
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{_ordinal(d.day)} {MONTH[d.month]} {d.year}",
        f"{calendar.day_name[d.weekday()]} {d.day} {MONTH[d.month]} {d.year}",
        f"{calendar.day_name[d.weekday()]} {_ordinal(d.day)} {MONTH[d.month]} {d.year}",
        f"{d.day} {MON[d.month]} {d.year}",
        f"{d.day:02d}-{MON[d.month]}-{d.year}",
        d.isoformat(),
    ]


def _day_texts_yy(d: D) -> list[str]:
    yy = d.year % 100
    return [
        f"{d.day}.{d.month}.{yy:02d}",
        f"{d.day:02d}/{d.month:02d}/{yy:02d}",
        f"{d.day:02d}-{MON[d.month]}-{yy:02d}",
        f"{d.day} {MON[d.month]} {yy:02d}",
    ]


def _time_texts(t: dt.time) -> list[str]:
    h12 = t.hour % 12 or 12
    ampm = "am" if t.hour < 12 else "pm"
    return [
        f"{t.hour:02d}:{t.minute:02d}",
        f"{t.hour:02d}{t.minute:02d}hrs",
        f"at {h12}.{t.minute:02d}{ampm}",
        f"{h12}:{t.minute:02d} {ampm}",
    ]


def _check_invariants(iv: DateInterval | None) -> None:
    if iv is None:
        return
    assert isinstance(iv, DateInterval)
    assert iv.precision in PRECISIONS
    assert iv.start <= iv.end
    assert iv.start.year >= 1900 and iv.end.year <= 2100
    assert (iv.time is not None) == (iv.precision == "exact")
    if iv.alternative is not None:
        assert iv.alternative[0] <= iv.alternative[1]


# ------------------------------------------------------------------ round trips


@FAST
@given(days, st.data())
def test_dp001_day_texts_read_back_to_that_day(d, data):
    text = data.draw(st.sampled_from(_day_texts(d)))
    assert parse_date(text) == DateInterval(d, d, "day")


@FAST
@given(days_yy, st.data())
def test_dp002_two_digit_year_texts_read_back_to_that_day(d, data):
    text = data.draw(st.sampled_from(_day_texts_yy(d)))
    assert parse_date(text) == DateInterval(d, d, "day")


@FAST
@given(days, minutes, st.data())
def test_dp003_day_and_time_texts_read_back_exactly(d, t, data):
    day_text = data.draw(st.sampled_from(_day_texts(d)))
    time_text = data.draw(st.sampled_from(_time_texts(t)))
    iv = parse_date(f"{day_text} {time_text}")
    assert iv == DateInterval(d, d, "exact", time=t)


@FAST
@given(days, st.times(), st.sampled_from(["date", "datetime", "timestamp"]))
def test_dp004_date_objects_read_back(d, t, kind):
    if kind == "date":
        value = d
    elif kind == "datetime":
        value = dt.datetime.combine(d, t)
    else:
        value = pd.Timestamp(dt.datetime.combine(d, t))
    iv = parse_date(value)
    if kind == "date" or t == dt.time(0):
        assert iv == DateInterval(d, d, "day")
    else:
        assert (iv.start, iv.end, iv.precision, iv.time) == (d, d, "exact", t)


@FAST
@given(
    st.integers(18264, 73415),
    st.integers(0, 86399),
    st.sampled_from(["number", "text", "numpy"]),
)
def test_dp005_excel_serials_agree_with_openpyxl(days_n, secs, form):
    serial = days_n + secs / 86400 if secs else days_n
    oracle = from_excel(serial)
    value = {"number": serial, "text": repr(serial), "numpy": np.float64(serial)}[form]
    iv = parse_date(value)
    got = dt.datetime.combine(iv.start, iv.time or dt.time(0))
    assert abs((got - oracle).total_seconds()) <= 1
    assert iv.precision == ("exact" if iv.time else "day")


@FAST
@given(st.integers(1950, 2099), st.integers(1, 12), st.data())
def test_dp006_month_texts_are_the_whole_month(year, month, data):
    texts = [f"{MONTH[month]} {year}", f"{MON[month]} {year}", f"{month:02d}/{year}"]
    if month != (year + 1) % 100:  # "2011-12" reads as a school year (with the month as
        texts.append(f"{year}-{month:02d}")  # the alternative): see test_dt in test_dates
    if _YY_MIN <= year <= _YY_MAX:
        texts += [f"{MON[month]}-{year % 100:02d}", f"{MON[month]} {year % 100:02d}"]
    text = data.draw(st.sampled_from(texts))
    last = calendar.monthrange(year, month)[1]
    iv = parse_date(text)
    assert (iv.start, iv.end, iv.precision) == (D(year, month, 1), D(year, month, last), "month")
    assert not iv.approximate and iv.time is None and iv.alternative is None


@FAST
@given(st.integers(1950, 2099), st.sampled_from(["Spring", "Summer", "Autumn", "Winter"]))
def test_dp007_season_texts(year, season):
    first, last_month, last_year = {
        "Spring": (3, 5, year),
        "Summer": (6, 8, year),
        "Autumn": (9, 11, year),
        "Winter": (12, 2, year + 1),
    }[season]
    iv = parse_date(f"{season} {year}")
    end = D(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
    assert (iv.start, iv.end, iv.precision) == (D(year, first, 1), end, "season")


@FAST
@given(st.integers(1950, 2099))
def test_dp008_year_texts(year):
    expected = DateInterval(D(year, 1, 1), D(year, 12, 31), "year")
    assert parse_date(str(year)) == expected
    assert parse_date(year) == expected


@FAST
@given(days, st.data())
def test_dp009_week_commencing(d, data):
    texts = [
        f"w/c {d.day:02d}/{d.month:02d}/{d.year}",
        f"week commencing {d.day} {MONTH[d.month]} {d.year}",
        f"W/C {_ordinal(d.day)} {MON[d.month]} {d.year}",
    ]
    if _YY_MIN <= d.year <= _YY_MAX:
        texts.append(f"w/c {d.day}.{d.month}.{d.year % 100:02d}")
    iv = parse_date(data.draw(st.sampled_from(texts)))
    assert (iv.start, iv.end, iv.precision) == (d, d + dt.timedelta(days=6), "week")


@FAST
@given(days, days, st.sampled_from([" - ", " to ", "-", " until "]))
def test_dp010_ranges_forwards_read_and_backwards_raise(d1, d2, sep):
    text = f"{d1:%d/%m/%Y}{sep}{d2:%d/%m/%Y}"
    if d1 <= d2:
        assert parse_date(text) == DateInterval(d1, d2, "range")
    else:
        try:
            parse_date(text)
        except DateError as exc:
            assert "before it starts" in str(exc)
        else:
            raise AssertionError(f"{text} should raise")


@FAST
@given(st.integers(1950, 2099), st.integers(1, 12), st.integers(1, 12))
def test_dp011_evidence_sets_the_month_first_alternative_only_when_it_differs(y, a, b):
    text = f"{a:02d}/{b:02d}/{y}"
    plain = parse_date(text)
    assert plain == DateInterval(D(y, b, a), D(y, b, a), "day")
    flagged = parse_date(text, month_first_evidence=True)
    assert flagged.start == D(y, b, a)
    if a == b:
        assert flagged.alternative is None
    else:
        assert flagged.alternative == (D(y, a, b), D(y, a, b))


@FAST
@given(st.lists(days, max_size=8), days.filter(lambda d: d.day > 12), st.data())
def test_dp012_witness_finds_only_a_month_first_text(day_first, month_first, data):
    texts = [f"{d:%d/%m/%Y}" for d in day_first]
    assert month_first_witness(texts) is None
    witness = f"{month_first.month:02d}/{month_first.day:02d}/{month_first.year}"
    at = data.draw(st.integers(0, len(texts)))
    assert month_first_witness([*texts[:at], witness, *texts[at:]]) == witness
    iv = parse_date(witness)
    assert iv.start == month_first and "month-first" in iv.note


@FAST
@given(minutes, st.data())
def test_dp013_time_texts_read_back(t, data):
    text = data.draw(st.sampled_from(_time_texts(t) + [f"{t.hour:02d}.{t.minute:02d}"]))
    assert parse_time(text.removeprefix("at ")) == t


# ------------------------------------------------------------------ robustness

_TOKENS = [
    "12",
    "03",
    "2021",
    "21",
    "1",
    "31",
    "32",
    "13",
    "00",
    "99",
    "1899",
    "44267",
    "0.5",
    "/",
    ".",
    "-",
    " - ",
    ":",
    " ",
    ",",
    "?",
    "(approx)",
    "approx.",
    "c.",
    "circa",
    "w/c",
    "week commencing",
    "to",
    "and",
    "between",
    "from",
    "at",
    "pm",
    "am",
    "hrs",
    "th",
    "st",
    "March",
    "Mar",
    "Feb",
    "Spring",
    "Winter",
    "Friday",
    "early",
    "noon",
    "T",
    "2021-03-12",
    "14:35",
    "1435",
    "12/03/2021",
    "2.35pm",
    "\u2013",
    "'",
    "of",
    "x",
    "",
]
token_soup = st.lists(st.sampled_from(_TOKENS), max_size=8).map("".join)
token_words = st.lists(st.sampled_from(_TOKENS), max_size=6).map(" ".join)
dateish = st.text(alphabet="0123456789/.-: ,?()apmtchrsw~", max_size=30)
anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-100_000, 100_000),
    st.floats(),
    st.floats(-1.0, 100_000.0),
    st.decimals(),
    st.fractions(),
    st.complex_numbers(),
    st.binary(max_size=20),
    st.text(max_size=40),
    dateish,
    token_soup,
    token_words,
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.builds(np.float64, st.floats()),
    st.builds(np.int64, st.integers(-(2**63), 2**63 - 1)),
    st.builds(object),
)


@WIDE
@given(anything, st.booleans())
def test_dp020_parse_date_raises_only_date_error(value, evidence):
    try:
        iv = parse_date(value, month_first_evidence=evidence)
    except DateError as exc:
        assert str(exc)  # a message for a person
        return
    _check_invariants(iv)


@WIDE
@given(st.one_of(token_soup, token_words, dateish, st.text(max_size=30)), st.booleans())
def test_dp021_text_parse_raises_only_date_error(text, evidence):
    try:
        iv = parse_date(text, month_first_evidence=evidence)
    except DateError:
        return
    _check_invariants(iv)


@WIDE
@given(anything)
def test_dp022_parse_time_raises_only_date_error(value):
    try:
        t = parse_time(value)
    except DateError as exc:
        assert str(exc)
        return
    assert t is None or (isinstance(t, dt.time) and t.tzinfo is None)


@FAST
@given(st.lists(anything, max_size=6))
def test_dp023_witness_never_raises(values):
    found = month_first_witness(values)
    assert found is None or isinstance(found, str)
