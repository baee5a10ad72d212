"""Dates written without their year under a year's section row:

    2021
    12 Mar    Home visit ...
    19/04     Core group ...
    2022
    3 Jan     Review conference

A date that reads but for its missing year takes the year of the section row above it
("12 Mar 2021"); the section rows are skipped as before. Nothing changes in a table
without such dates, or where no year row stands above them.
"""

from __future__ import annotations

from ingest.date_headings import _only_cell
from ingest.dates import DateError, parse_date
from ingest.readers.base import RawTable, cell_text

MIN_DATES = 2  # yearless dates under a year row before the column is read so


def _year_of(row: list[object]) -> int | None:
    text = _only_cell(row)
    if text is None or len(text) > 30:
        return None
    try:
        iv = parse_date(text)
    except DateError:
        return None
    return iv.start.year if iv is not None and iv.precision == "year" else None


def _yearless(text: str) -> bool:
    try:
        parse_date(text)
    except DateError as exc:
        return "no year" in str(exc)
    return False


def _with_year(text: str, year: int) -> str | None:
    for joined in (f"{text} {year}", f"{text}/{year}"):
        try:
            if parse_date(joined) is not None:
                return joined
        except DateError:
            continue
    return None


def carry_section_years(raw: RawTable, start: int, date_i: int) -> tuple[RawTable, str] | None:
    """The table with the section's year added to each yearless date below row `start`,
    and a note; None when fewer than MIN_DATES dates take a year."""
    rows = raw.rows
    if not any(
        date_i < len(r) and isinstance(r[date_i], str) and _yearless(r[date_i].strip())
        for r in rows[start : start + 200]
    ):
        return None
    out = list(rows)
    year = None
    changed = 0
    for i in range(start, len(rows)):
        r = rows[i]
        found = _year_of(r)
        if found is not None:
            year = found
            continue
        if year is None or date_i >= len(r):
            continue
        text = cell_text(r[date_i])
        if text and _yearless(text) and (joined := _with_year(text, year)) is not None:
            out[i] = [*r[:date_i], joined, *r[date_i + 1 :]]
            changed += 1
    if changed < MIN_DATES:
        return None
    split = RawTable(raw.label, out, list(raw.positions), list(raw.notes), raw.all_text)
    split.preamble, split.date_headings, split.folded = raw.preamble, raw.date_headings, raw.folded
    note = (
        f"'{raw.label or 'the table'}': {changed} dates written without their year took the "
        "year of the section row above them"
    )
    return split, note
