"""Find the header row, and tell data rows from rows that are not data.

Agencies put titles, blank rows and notes above the header, and repeat the header or
write "continued" where a table breaks over a page. Those rows are skipped and reported
with their row numbers; every other row is data (a record or a quarantined row).
"""

from __future__ import annotations

import re

from ingest.columns import header_fields
from ingest.readers.base import cell_text, is_blank_row
from ingest.textnorm import norm_label

HEADER_SEARCH_ROWS = 30
_CONTINUED = re.compile(r"^\W*(continued|cont['’]?d|contd)\b.{0,40}$", re.IGNORECASE)


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


def classify_row(row: list[object], header: tuple[str, ...]) -> str | None:
    """A reason to skip the row, or None when it is data."""
    if is_blank_row(row):
        return "blank row"
    texts = [cell_text(v) for v in row]
    filled = [t for t in texts if t]
    if len(set(filled)) == 1 and _CONTINUED.match(filled[0]):
        return f"'{filled[0][:40]}' row (table continues)"
    key = header_key(row)
    named = [(i, h) for i, h in enumerate(header) if h]
    if named:
        same = sum(1 for i, h in named if i < len(key) and key[i] == h)
        if same >= max(2, int(0.8 * len(named))):
            return "repeated header row"
    return None
