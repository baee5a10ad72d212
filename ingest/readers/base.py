"""What every reader returns: tables of cell values with the positions a user sees."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import repeat


@dataclass
class RawTable:
    """One candidate chronology table from a file.

    `rows[i]` was found at `positions[i]` = (sheet label, user-visible row number): a
    Word chronology split over several tables keeps each row's own table and row.
    """

    label: str  # sheet name, "table N", or "" for CSV
    rows: list[list[object]]
    positions: list[tuple[str, int]]
    notes: list[str] = field(default_factory=list)
    all_text: bool = False  # every cell is a str (CSV): the pipeline takes a faster path
    preamble: list[str] = field(default_factory=list)  # text just before it (Word paragraphs)
    # positions of date heading rows (a diary layout: ingest/date_headings.py)
    date_headings: set[tuple[str, int]] = field(default_factory=set)
    # positions of undated lines joined to the entry above that may be entries of their own
    doubtful_joins: set[tuple[str, int]] = field(default_factory=set)

    # each row's cells stripped (a text table's): made on first use, see `stripped`
    _stripped: list[tuple[str, ...]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    # positions of rows the reader already put in the entry above (ingest/labelled_paragraphs.py)
    folded: set[tuple[str, int]] = field(default_factory=set)

    def __post_init__(self) -> None:
        assert len(self.rows) == len(self.positions)

    def stripped(self) -> list[tuple[str, ...]]:
        """Each row's cells stripped, as a tuple (`cell_text` of each, for a table whose
        cells are all str): made once, in one pass, for the readers of a big text table
        (the diary test, the row loop's column-wise path). The rows must not change after."""
        if self._stripped is None:
            assert self.all_text, "stripped() reads text tables only"
            self._stripped = list(map(tuple, map(map, repeat(str.strip), self.rows)))
        return self._stripped


def cell_text(value: object) -> str:
    """A cell as text for headers, raw provenance and free-text fields."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text.replace("T", " ")
    return str(value).strip()


def is_blank_row(row: list[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)
