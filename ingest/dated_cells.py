"""A second date column written as the start of a cell: "26.11.21 1.08pm TM J. Elmenby"
beside a plain "29.11.21" column. The plain column reads as the table's date, but the
dates opening the other column are never later than it and sometimes earlier: the plain
one is when the entry was recorded, the other holds the event's date (with its time and
author after it). The other column is then split (ingest/leading_dates.py) and the two
date columns compared as any two are (ingest/event_date.py); the split table is kept only
when that comparison makes the split column the event's date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ingest.colprofile import sample
from ingest.leading_dates import leading_date, split_leading_dates
from ingest.readers.base import RawTable, cell_text

if TYPE_CHECKING:
    from ingest.tables import Table

MIN_SHARE = 0.6  # of a column's filled cells that open with a date and go on
PROBE = 60  # rows read to decide whether any column opens with dates


def _opens_with_dates(rows: list[list[object]], index: int) -> bool:
    texts = [cell_text(r[index]) for r in rows if index < len(r)]
    texts = [t for t in texts if t[:1].isdigit() or t[:1].isalpha()]
    if len(texts) < 3:
        return False
    dated = sum(1 for t in texts if leading_date(t) is not None)
    return dated >= MIN_SHARE * len(texts)


def event_date_in_cells(
    raw: RawTable, table: Table, build: Callable[[RawTable], Table | None]
) -> tuple[Table, str] | None:
    """The table rebuilt with the dated cells' column split, and a note, when its dates
    are the events' (the plain date column being the recording date); else None."""
    date_i = table.mapping.index_of("date")
    desc_i = table.mapping.index_of("description")
    if date_i is None:
        return None
    rows = sample(raw.rows[table.data_index :])[:PROBE]
    width = len(table.headers)
    if not any(_opens_with_dates(rows, i) for i in range(width) if i not in (date_i, desc_i)):
        return None
    split = split_leading_dates(raw)
    if split is None:
        return None
    new = build(split[0])
    if new is None or not new.event_note:
        return None
    new_date = new.mapping.index_of("date")
    if new_date is None or new_date == date_i:  # the plain column kept: nothing gained
        return None
    return new, split[1]
