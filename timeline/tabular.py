"""Write tables (CSV or XLSX) that no spreadsheet will run as formulas.

A cell whose text starts with '=', '+', '-', '@', tab, CR or NUL could be read as a
formula (CSV injection). In CSV it gets a leading apostrophe, the convention spreadsheet
users know; in XLSX it is stored as a typed text cell, so the text is kept exactly.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\x00")


def csv_safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def write_rows(
    path: str | Path,
    columns: Sequence[str],
    rows: Iterable[Mapping[str, object]],
    *,
    sheet_title: str = "Chronology",
) -> None:
    """Write `rows` (dicts keyed by column name; missing keys are blank) to .csv or .xlsx."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        # utf-8 with a BOM so Excel on Windows shows accents and '£' correctly.
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([csv_safe(_plain(row.get(c))) for c in columns])
    elif suffix == ".xlsx":
        # openpyxl on first use: most callers write CSV, and the CLI starts faster without it
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Font

        wb = Workbook(write_only=True)
        ws = wb.create_sheet(sheet_title[:31])
        bold = Font(bold=True)
        header = []
        for c in columns:
            cell = WriteOnlyCell(ws, value=c)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in rows:
            ws.append(
                [
                    _xlsx_cell(ws, _plain(row.get(c)), WriteOnlyCell, ILLEGAL_CHARACTERS_RE)
                    for c in columns
                ]
            )
        wb.save(path)
    else:
        raise ValueError(f"cannot write '{path.name}': use a .csv or .xlsx file name")


def _plain(value: object) -> object:
    return "" if value is None else value


def _visible_control(match: re.Match[str]) -> str:
    # XLSX cannot hold most control characters; show them as their Unicode pictures
    # (NUL becomes ␀) rather than lose or corrupt the text.
    return chr(0x2400 + ord(match.group()))


def _xlsx_cell(ws, value: object, cell_type, illegal: re.Pattern[str]) -> object:
    # openpyxl's cell type and illegal-character pattern come from write_rows, which imports
    # them once (importing here would run for every cell of a large export)
    if isinstance(value, str):
        cell = cell_type(ws, value=None)
        cell.value = illegal.sub(_visible_control, value)
        cell.data_type = "s"  # never "f": text that looks like a formula stays text
        return cell
    return value
