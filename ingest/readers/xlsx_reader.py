"""Excel .xlsx through openpyxl in read-only mode (streams rows; XML parsed with
defusedxml, which openpyxl uses whenever it is installed). Every sheet is returned; the
pipeline chooses the chronology sheet(s) by content, never by name."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import openpyxl.xml

from ingest.errors import IngestError
from ingest.filetype import check_zip
from ingest.limits import Limits
from ingest.readers.base import RawTable

# Refuse to run without defusedxml: a crafted workbook could otherwise expand entities.
assert openpyxl.xml.DEFUSEDXML, "defusedxml must be installed for safe xlsx parsing"


def read_xlsx(path: Path, limits: Limits) -> tuple[list[RawTable], list[str]]:
    name = path.name
    check_zip(path, limits)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except IngestError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise IngestError(
            name, f"the file is damaged or not a real Excel workbook ({exc})"
        ) from None
    except Exception as exc:  # openpyxl and defusedxml raise many types on hostile XML
        raise IngestError(
            name, f"the workbook could not be read safely ({type(exc).__name__}: {exc})"
        ) from None
    tables: list[RawTable] = []
    try:
        for ws in wb.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                label_note = f"sheet '{ws.title}' is hidden"
            else:
                label_note = ""
            tables.append(_read_sheet(ws, name, limits, label_note))
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError(
            name, f"the workbook could not be read ({type(exc).__name__}: {exc})"
        ) from None
    finally:
        wb.close()
    return tables, []


def _read_sheet(ws, file_name: str, limits: Limits, note: str) -> RawTable:
    title = ws.title
    # The sheet's own claim of its size, checked before reading a single row.
    max_row, max_col = ws.max_row or 0, ws.max_column or 0
    if max_row > limits.max_rows or max_col > limits.max_columns:
        raise IngestError(
            file_name,
            f"the sheet claims {max_row} rows x {max_col} columns, more than the "
            f"{limits.max_rows} x {limits.max_columns} allowed",
            sheet=title,
        )
    # Never trust that claim for reading: a wrong <dimension> would silently drop rows.
    ws.reset_dimensions()
    rows: list[list[object]] = []
    positions: list[tuple[str, int]] = []
    for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
        if number > limits.max_rows:
            raise IngestError(file_name, f"more than {limits.max_rows} rows", sheet=title)
        if len(values) > limits.max_columns:
            # Trailing empty cells are common (formatting); only real content counts.
            trimmed = list(values)
            while trimmed and trimmed[-1] is None:
                trimmed.pop()
            if len(trimmed) > limits.max_columns:
                raise IngestError(
                    file_name, f"more than {limits.max_columns} columns", sheet=title, row=number
                )
            values = trimmed
        rows.append(list(values))
        positions.append((title, number))
    # Drop trailing blank rows that formatting leaves behind; they are not the agency's.
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
        positions.pop()
    return RawTable(title, rows, positions, [note] if note else [])
