"""Find the header row, and tell data rows from rows that are not data.

Agencies put titles, blank rows and notes above the header, and repeat the header or
write "continued" where a table breaks over a page. Those rows are skipped and reported
with their row numbers; every other row is data (a record or a quarantined row).
"""

from __future__ import annotations

import re

from ingest.columns import header_fields
from ingest.readers.base import cell_text
from ingest.textnorm import norm_label

HEADER_SEARCH_ROWS = 30
# Rows with one text only that are about the table, not events in it. Anything else with
# one cell (e.g. an event whose date was left out) is data, and gets quarantined.
_CONTINUED = re.compile(r"^.{0,40}\b(continued|cont['’]?d|contd)\b.{0,60}$", re.IGNORECASE)
_DIVIDER = re.compile(
    r"^([-=*_#~–—]{2,}.*[-=*_#~–—]{2,}|(academic|school|financial) year \d{4}\S*)$", re.IGNORECASE
)
_NOTE = re.compile(
    r"^(totals?( \w+)?|sources?|notes?|nb|end of (the )?chronology|compiled by|"
    r"prepared by|completed by|key)\b\s*[:\-–]",
    re.IGNORECASE,
)


def find_header(
    rows: list[list[object]], limit: int = HEADER_SEARCH_ROWS, min_score: int = 2
) -> tuple[int, int]:
    """(index of the most header-like row among the first `limit`, its score); (-1, 0) if
    none names at least `min_score` fields."""
    best, best_score = -1, 0
    for index, row in enumerate(rows[:limit]):
        score = header_fields(row)
        if score > best_score:
            best, best_score = index, score
    return (best, best_score) if best_score >= min_score else (-1, 0)


def header_key(row: list[object]) -> tuple[str, ...]:
    return tuple(norm_label(cell_text(v)) for v in row)


def classify_row(texts: list[str], header: tuple[str, ...], date_index: int) -> str | None:
    """A reason to skip the row (given as stripped cell texts), or None when it is data.

    Runs once per row, so the common case (a data row) is decided with cheap tests."""
    filled = len(texts) - texts.count("")
    if filled == 0:
        return "blank row"
    if filled <= 2:
        distinct = {t for t in texts if t}
        if len(distinct) == 1:
            text = next(iter(distinct))
            if _CONTINUED.match(text):
                return f"'{text[:40]}' row (table continues)"
            if _DIVIDER.match(text):
                return f"section divider '{text[:40]}'"
            if _NOTE.match(text):
                return f"note row '{text[:40]}' (not an event)"
    # A repeated header repeats the date column's header: a date cell never starts with one.
    date_text = texts[date_index] if date_index < len(texts) else ""
    if not date_text or date_text[0].isdigit() or norm_label(date_text) != header[date_index]:
        return None
    key = tuple(norm_label(t) for t in texts)
    named = [(i, h) for i, h in enumerate(header) if h]
    same = sum(1 for i, h in named if i < len(key) and key[i] == h)
    if same >= max(2, int(0.8 * len(named))):
        return "repeated header row"
    return None
