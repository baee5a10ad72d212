"""A table's header of two rows (a group row "When | What | | Other" over the column
names): the group row repeated further down (a page's header) is a repeated header, not
an entry whose date cannot be read."""

from __future__ import annotations

from ingest.header import header_key


def row_key(cells: list[object]) -> tuple[str, ...]:
    key = header_key(cells)
    return key[: max((i + 1 for i, k in enumerate(key) if k), default=0)]


def group_row(rows: list[list[object]], header_index: int) -> tuple[str, ...]:
    """The row just above the header when it names groups of columns (two cells or
    more): a repeat of it further down is a repeated header, not an entry."""
    if header_index < 1:
        return ()
    key = row_key(rows[header_index - 1])
    return key if sum(1 for k in key if k) >= 2 else ()
