"""A diary layout: a heading row holding only a date ("Saturday 6 January 2018"), then the
day's entries with a time or no date at all. When no column holds dates, the heading's date
is carried down into a new date column; the heading rows are skipped with their reason.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from itertools import repeat
from operator import sub

from ingest.agencies import AgencyDirectory
from ingest.agency_evidence import heading_agency
from ingest.dates import DateError, parse_date, parse_time_approx
from ingest.header import about_document
from ingest.joined_lines import CONTINUED, may_be_entry
from ingest.month_days import day_in_month
from ingest.readers.base import RawTable, cell_text
from ingest.records import DateInterval
from ingest.text_times import leading_time

MIN_HEADINGS = 2
_ISO = re.compile(r"\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}\b")
_AGENCIES = AgencyDirectory()
_DAY = ("day", "exact")


def heading_date(row: list[object], coarse: bool = False) -> str | None:
    """The text of a row holding only a date of a day ("Saturday 6 January 2018"); with
    `coarse`, a month, week, season or span too ("March 2021", "approx. June 2020"): in a
    diary whose entries carry no date, the heading's date is theirs however precise."""
    text = _only_cell(row)
    if text is None or not (any(c.isalpha() for c in text) or "/" in text or _ISO.match(text)):
        return None  # a bare number or sum is no heading; "2022-12-13 1005" is one
    try:
        iv = parse_date(text)
    except DateError:
        return None
    return text if iv is not None and (coarse or iv.precision in _DAY) else None


def _only_cell(row: list[object]) -> str | None:
    """The text of a row's one filled cell, or None; stops at the second filled cell, as
    every table is scanned row by row for headings (50,000 rows of a big export)."""
    found = None
    for v in row:
        if v is None or v == "":
            continue
        t = cell_text(v)
        if t:
            if found is not None:
                return None
            found = t
    return found


def carry_date_headings(raw: RawTable) -> tuple[RawTable, str] | None:
    """The table with a date column carried down from its date heading rows (and a note),
    or None when it has fewer than two such headings or no entry under them."""
    width = max((len(r) for r in raw.rows), default=0)
    if width < 1:
        return None
    dates = [heading_date(r, coarse=True) for r in raw.rows]
    found = [i for i, d in enumerate(dates) if d]
    if len(found) < MIN_HEADINGS:
        return None
    blank = "" if raw.all_text else None
    first = found[0]
    above = next(
        (i for i in range(first - 1, -1, -1) if any(cell_text(v) for v in raw.rows[i])), -1
    )
    if above >= 0 and _agency_line(raw.rows[above]):
        above = -1  # "Substance Misuse" over the first month: a section, not a header
    rows: list[list[object]] = []
    headings: set[tuple[str, int]] = set()
    current: str | None = None
    entries = 0
    # Running text (Word paragraphs, a one-column log): a heading's date over the entry's
    # paragraphs. The first is the entry; the next ones continue it, unless one opens with
    # its own time ("14:35 Obs taken": the day's next entry), as in a table's time column.
    running = width == 1 or raw.all_text and _one_column(raw)
    opened = False  # an entry under the current heading has started
    last_text = ""
    doubtful: set[tuple[str, int]] = set()
    for i, r in enumerate(raw.rows):
        if dates[i]:
            current = dates[i]
            opened = False
            headings.add(raw.positions[i])
            rows.append([current, *[blank] * len(r)])  # skipped: its date is in column 1
        elif i < first:
            rows.append(["Date" if i == above else blank, *r])
        elif _agency_line(r):  # the next agency's section: its entries await its dates
            current = None
            opened = False
            rows.append([blank, *r])
        else:
            texts = [cell_text(v) for v in r if cell_text(v)]
            # a footer under the last day ("End of chronology") takes no date
            dated = bool(texts) and not about_document(texts)
            entries += dated
            cells = list(r)
            when = current
            if dated and current and (day := _day_of(cells, current)) is not None:
                when, cells[day[0]] = day[1]  # "18th - ..." under "September 2021"
            elif dated and current and (own := _own_date(cells)) is not None:
                when, cells[own[0]] = own[1]  # "w/c 14 Oct 2019 - ..." under "October 2019"
            elif dated and running and opened and leading_time(texts[0]) is None:
                when = CONTINUED
                if may_be_entry(texts[0], last_text):
                    doubtful.add(raw.positions[i])
            opened = opened or bool(dated and current)
            last_text = texts[0] if texts else last_text
            rows.append([when if dated else blank, *cells])
    if not entries:
        return None
    split = RawTable(
        raw.label, rows, list(raw.positions), list(raw.notes), raw.all_text, list(raw.preamble)
    )
    split.date_headings = headings
    split.doubtful_joins = doubtful
    note = (
        f"'{raw.label or 'the table'}': {len(found)} date heading rows, each entry under one "
        "takes its date"
    )
    return split, note


def _one_column(raw: RawTable) -> bool:
    """Every row's text in one column: running text (a Word document's paragraphs)."""
    return all(sum(1 for v in r if cell_text(v)) <= 1 for r in raw.rows)


def _own_date(cells: list[object]) -> tuple[int, tuple[str, str]] | None:
    """(the first filled cell, (the date it opens with, the text after it)) when an entry
    under a heading writes its own whole date: its own, not the heading's."""
    from ingest.leading_dates import leading_date  # it reads headings with this module

    for i, v in enumerate(cells):
        if isinstance(v, str) and v.strip():
            found = leading_date(v.strip()) if _DIGIT_NEAR.search(v, 0, 48) else None
            return (i, found) if found is not None and found[1] else None
        if v is not None and v != "":
            return None
    return None


_DIGIT_NEAR = re.compile(r"\d")


def _day_of(cells: list[object], heading: str) -> tuple[int, tuple[str, str]] | None:
    """(the first filled cell, (its day with the heading's month, the text after the day))
    when the entry starts with its day of the month; None otherwise."""
    for i, v in enumerate(cells):
        if isinstance(v, str) and v.strip():
            found = day_in_month(v, heading) if v.lstrip()[:1].isalnum() else None
            return (i, found) if found is not None else None
        if v is not None and v != "":
            return None
    return None


def _agency_line(row: list[object]) -> bool:
    """A row of one short cell that names an agency: a compiled chronology's section."""
    text = _only_cell(row)
    return text is not None and len(text) <= 40 and bool(heading_agency(text, _AGENCIES))


def is_diary(raw: RawTable) -> bool:
    """Date heading rows over entries that carry only a time (or nothing) in the column the
    headings are written in: a day-by-day diary (nursing notes, a log by day), to be read
    by its headings even though that column also reads as dates."""
    headings: list[int] = []
    column = -1
    for i in _one_cell_rows(raw):
        r = raw.rows[i]
        if heading_date(r):
            headings.append(i)
            column = next(j for j, v in enumerate(r) if cell_text(v))
    if len(headings) < MIN_HEADINGS:
        return False
    marks = set(headings)
    timed = entries = 0
    for i in range(headings[0] + 1, len(raw.rows)):
        r = raw.rows[i]
        if i in marks or sum(1 for v in r if cell_text(v)) < 2:
            continue
        entries += 1
        cell = cell_text(r[column]) if column < len(r) else ""
        timed += not cell or _time_only(cell)
    return entries >= MIN_HEADINGS and timed * 2 >= entries


def _one_cell_rows(raw: RawTable) -> Iterable[int]:
    """The indexes of the rows that may be headings: every row, or in a text table only
    those with one filled cell (found with a pass in C over its stripped cells: 50,000
    rows of a CSV export, most with several cells filled)."""
    if not raw.all_text:
        return range(len(raw.rows))
    texts = raw.stripped()
    filled = list(map(sub, map(len, texts), map(tuple.count, texts, repeat(""))))
    found: list[int] = []
    i = -1
    try:
        while True:
            i = filled.index(1, i + 1)
            found.append(i)
    except ValueError:
        return found


def _time_only(text: str) -> bool:
    try:
        if parse_time_approx(text)[0] is None:
            return False
    except DateError:
        return False
    try:
        return parse_date(text) is None
    except DateError:
        return True


def same_day_as_above(above: DateInterval) -> DateInterval:
    """The day of the entry above, for an entry written with its own time but its date
    left blank (a log that writes the date once per day); flagged for review."""
    precision = "day" if above.precision == "exact" else above.precision
    return dataclasses.replace(
        above,
        precision=precision,
        time=None,
        alternative=above.alternative,
        note="no date written, only a time: the date of the entry above",
    )
