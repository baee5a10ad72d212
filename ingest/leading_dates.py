"""Entries whose date is written at the start of their text: a single-column log
("12/03/2021 14:30 - Rent arrears letter sent"), or a Word chronology written as paragraphs
("11.05.2018 11:50 – Attended strategy discussion"). When no column of a table holds dates
but one column's cells mostly start with one, that column is split in two: the date (and
time) and the text after it. Every row keeps its place; nothing else changes.
"""

from __future__ import annotations

import re

from ingest.dates import DateError, parse_date
from ingest.readers.base import RawTable, cell_text

_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_MONTH = r"[A-Za-z]{3,9}\.?"
# "?06/01/2019", "approx. 12/03/2021", "c. June 2020": a date marked as approximate
_APPROX = r"(?:\?\s*|(?:approx(?:imately)?\.?|circa|c\.|about|around)\s+)?"
# "18/02/2022 (approx) : Seen at clinic": the marker after the date is part of it
_APPROX_AFTER = r"(?:\s*[(\[](?:approx(?:imately)?\.?|est(?:imated)?\.?|circa|c\.?|\?)[)\]])?"
_LEADING = re.compile(
    r"^\s*(?P<date>" + _APPROX + _WEEKDAY + r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
    r"|\d{1,2}(?:st|nd|rd|th)?(?:\s+|-)" + _MONTH + r",?(?:\s+|-)\d{2,4}"
    r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})" + _APPROX_AFTER + r")"
    r"(?:,?\s*(?:at\s+|@\s*)?\(?(?P<time>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{4}\s*hrs?|"
    r"\d{1,2}\s*[ap]\.?m\.?)\)?"
    # "22/10/2018 – 1625 – text": between two dashes after a day's date, four digits are
    # its time (a year never follows a whole date)
    r"|\s*[-–—]\s*(?P<dashed>\d{1,2}[:.]?\d{2})(?=\s*[-–—:|]))?"
    r"\s*(?:[-–—:|]+\s*|\s+)(?P<rest>\S.*)$",
    re.DOTALL | re.IGNORECASE,
)
# A month or a year alone ("2022 : Ayla not brought", "approx. June 2020 - moved area"):
# read only with a dash, colon or bar after it, so "2019 was a hard year" stays text.
_LEADING_COARSE = re.compile(
    r"^\s*(?P<date>" + _APPROX + r"(?:" + _MONTH + r"\s+)?(?:19|20)\d{2})"
    r"(?P<time>)(?P<dashed>)\s*[-–—:|]+\s*"
    # the text after it has words, and is not the rest of a span ("June 2019 - 2020",
    # "2019 - 3 May 2020"); it may start with a number ("c. June 2019 - 6-8 week review")
    r"(?P<rest>(?=[^\n]*[A-Za-z]{2})(?!(?:19|20)\d{2}\b|\d{1,2}[/.]\d|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+\d{2,4})\S.*)$",
    re.DOTALL | re.IGNORECASE,
)
MIN_ENTRIES = 2  # cells that must start with a date before a column is split
MIN_SHARE = 0.5  # of the column's filled cells from the first dated one on (not the title)


def leading_date(text: str) -> tuple[str, str] | None:
    """("12/03/2021 14:30", "Rent arrears letter sent") when the text starts with a date
    that reads; None otherwise."""
    if text[:1] in ("[", "(") and (found := _bracketed(text)) is not None:
        return found
    m = _LEADING.match(text) or _LEADING_COARSE.match(text)
    if m is None:
        return None
    time = m["time"] or m["dashed"]
    when = m["date"] + (f" {time}" if time else "")
    try:
        if parse_date(m["date"]) is None:
            return None
    except DateError:
        return None
    if m["dashed"] and not _reads(when):  # "– 2575 –" is no time: the text keeps it
        return m["date"], text[m.end("date") :].strip(" -–—:|")
    return when, m["rest"].strip()


def _reads(text: str) -> bool:
    try:
        return parse_date(text) is not None
    except DateError:
        return False


_CLOSE = {"[": "]", "(": ")"}


def _bracketed(text: str) -> tuple[str, str] | None:
    """("w/c 20/05/2019", "Review ...") from "[w/c 20/05/2019] Review ...": the whole text
    in the opening brackets is the date (with its time), in any form parse_date reads."""
    end = text.find(_CLOSE[text[0]], 1, 60)
    inner, rest = text[1:end].strip(), text[end + 1 :].strip(" -–—:|")
    if end < 0 or not rest or not any(c.isdigit() for c in inner):
        return None
    try:
        return (inner, rest) if parse_date(inner) is not None else None
    except DateError:
        return None


def split_leading_dates(raw: RawTable) -> tuple[RawTable, str] | None:
    """The table with its dated-text column split (and a note saying which), or None when
    no column's cells mostly start with a date."""
    width = max((len(r) for r in raw.rows), default=0)
    best, best_count = -1, 0
    for c in range(width):
        texts = [cell_text(r[c]) for r in raw.rows if c < len(r) and cell_text(r[c])]
        dated = [leading_date(t) is not None for t in texts]
        count = sum(dated)
        below = len(texts) - dated.index(True) if count else 0
        if count >= MIN_ENTRIES and count >= MIN_SHARE * below and count > best_count:
            best, best_count = c, count
    if best < 0:
        return None
    blank = "" if raw.all_text else None
    rows: list[list[object]] = []
    for r in raw.rows:
        cells = list(r) + [blank] * (best + 1 - len(r))
        found = leading_date(cell_text(cells[best]))
        if found is None:
            rows.append([*cells[:best], blank, *cells[best:]])
        else:
            rows.append([*cells[:best], found[0], found[1], *cells[best + 1 :]])
    split = RawTable(
        raw.label, rows, list(raw.positions), list(raw.notes), raw.all_text, list(raw.preamble)
    )
    note = (
        f"'{raw.label or 'the table'}': {best_count} entries start with their date in one "
        f"column (column {best + 1}): the date and the text after it were read apart"
    )
    return split, note
