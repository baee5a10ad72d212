"""Two date columns: the date of the event and the date it was entered in the record.

Case-management exports often carry both ("Date of contact" and "Entered on", "Dt." and
"Created"). The event's date is the one a chronology is about. It is chosen by what the
headers mean (entered, recorded, created, input, updated are about the record) and by
what the cells hold: a record is never made before the event, so the column that is on
or after the other in nearly every row, and later in some, is the recording date. The
other column stays with each record (its extra text); the column's reason says which
date was used and why.
"""

from __future__ import annotations

import re

from ingest.colprofile import ColumnProfile, sample
from ingest.columns import Mapping
from ingest.dates import DateError, parse_date

_RECORDED = re.compile(
    r"\b(entered|entry|recorded|record(ing)? date|created|creation|input|inputted|typed|"
    r"logged|updated|modified|saved|written|keyed|added|date of (entry|recording|input))\b",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(event|contact|incident|occurr\w*|seen|visit|session|appointment|attend\w*|"
    r"happened|episode|activity)\b",
    re.IGNORECASE,
)
MIN_SHARE = 0.3  # of a column's cells read as dates, for it to be a second date column
NEVER_BEFORE = 0.95  # the recording date is on or after the event's in this share of rows
SOMETIMES_AFTER = 0.1  # and later in at least this share


def _header_says(header: str) -> int:
    """+1 when the header names the recording, -1 when it names the event, 0 otherwise."""
    recorded, event = bool(_RECORDED.search(header)), bool(_EVENT.search(header))
    return int(recorded) - int(event)


def _later_share(rows: list[list[object]], a: int, b: int) -> tuple[float, float, int]:
    """(share of rows where column a's date is on or after b's, share strictly after,
    rows compared)."""
    on_or_after = after = n = 0
    for row in sample(rows):
        if max(a, b) >= len(row):
            continue
        try:
            da, db = parse_date(row[a]), parse_date(row[b])
        except DateError:
            continue
        if da is None or db is None:
            continue
        n += 1
        on_or_after += da.start >= db.start
        after += da.start > db.start
    return (on_or_after / n, after / n, n) if n else (0.0, 0.0, 0)


def choose_event_date(
    mapping: Mapping, profiles: list[ColumnProfile], rows: list[list[object]]
) -> str:
    """Move the date role to the event's date when the column holding it is the recording
    date of another date column; return a note for the summary ("" when nothing to say)."""
    date_col = next((c for c in mapping.columns if c.field == "date"), None)
    if date_col is None or date_col.how == "profile":
        return ""
    others = [
        c
        for c in mapping.columns
        if c.field is None
        and c.how != "profile"
        and c.index < len(profiles)
        and profiles[c.index].date >= MIN_SHARE
        and profiles[c.index].distinct >= 0.2  # one date repeated is a birth date or a title
    ]
    if not others:
        return ""
    other = max(others, key=lambda c: profiles[c.index].date)
    a, b = date_col.index, other.index
    on_or_after, after, n = _later_share(rows, a, b)
    before, strictly_before, _ = _later_share(rows, b, a)
    content = 0  # +1: the date column is the later one (the recording), -1: the earlier
    if n >= 3 and on_or_after >= NEVER_BEFORE and after >= SOMETIMES_AFTER:
        content = 1
    elif n >= 3 and before >= NEVER_BEFORE and strictly_before >= SOMETIMES_AFTER:
        content = -1
    recorded = _header_says(date_col.header) - _header_says(other.header) + 2 * content
    why_content = (
        f"'{date_col.header}' is on or after '{other.header}' in {round(100 * on_or_after)}% "
        f"of {n} rows, later in {round(100 * after)}%"
        if content > 0
        else f"'{other.header}' is on or after '{date_col.header}' in {round(100 * before)}% "
        f"of {n} rows"
        if content < 0
        else ""
    )
    if recorded > 0:  # the chosen column is when the entry was recorded: swap
        why = why_content or f"the header '{date_col.header}' names when it was recorded"
        other.field, other.how = "date", "content"
        other.confidence = max(0.5, date_col.confidence)
        other.reason = (
            f"date: the event's date ({profiles[b].describe()}); '{date_col.header}' is "
            f"when the entry was recorded: {why}"
        )
        date_col.field, date_col.confidence, date_col.how = None, 0.0, "none"
        date_col.reason = f"no role: the date the entry was recorded, kept with each record ({why})"
        return f"two date columns: '{other.header}' used as the event's date, {why}"
    if recorded < 0 or content < 0 or _header_says(other.header) > 0:
        why = why_content or f"the header '{other.header}' names when it was recorded"
        other.reason = f"no role: the date the entry was recorded, kept with each record ({why})"
        return f"two date columns: '{date_col.header}' used as the event's date, {why}"
    return ""
