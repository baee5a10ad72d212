"""Entries under a month's heading that start with their day of the month only:

    September 2021
    18th - Did not attend the appointment. Letter sent.
    28th, @1006 - Urine screen taken.

The day (and a time after it) is read with the heading's month: "18 September 2021",
"28 September 2021 1006"; the entry's text is what follows. Used by ingest/date_headings.py
when it carries a heading's date down to the entries below it.
"""

from __future__ import annotations

import re

from ingest.dates import DateError, parse_date

# "18th - ", "6th: ", "28th, @1006 - ", "Tue 3rd at 14:20 – ", "9 – ": a day, a time, a dash
_DAY_FIRST = re.compile(
    r"^\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
    r"(?:,?\s*(?:@|at\s+)?\s*(?P<time>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{4}(?:\s*hrs?)?"
    r"|\d{1,2}\s*[ap]\.?m\.?))?"
    r"\s*[-–—:|]\s*(?P<rest>\S.*)$",
    re.DOTALL | re.IGNORECASE,
)


def day_in_month(text: str, heading: str) -> tuple[str, str] | None:
    """(the entry's date with the heading's month and year, the text after the day) when
    the text starts with a day of the month and the heading is a month; else None."""
    m = _DAY_FIRST.match(text)
    if m is None:
        return None
    try:
        month = parse_date(heading)
    except DateError:
        return None
    if month is None or month.precision != "month" or month.approximate:
        return None
    when = f"{int(m['day'])} {month.start:%B %Y}" + (f" {m['time']}" if m["time"] else "")
    try:
        day = parse_date(when)
    except DateError:
        return None  # "31st" under February: not a day of that month, left as written
    return (when, m["rest"].strip()) if day is not None else None
