"""Spreadsheets (.xlsx, .xlsm, .xls, .ods) through python-calamine (Rust; no LibreOffice).

Bounds are checked before reading (file size; for zip formats the entries, their sizes
and compression ratios, and no DTD in any XML part, which Office never writes and which
is how entity-expansion attacks begin) and while reading (each sheet's size, then every
row and column). Row numbers are the ones Excel shows: calamine yields rows from row 1.
Every sheet is returned; the pipeline chooses the chronology sheet(s) by content.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import python_calamine as calamine

from ingest.errors import IngestError
from ingest.filetype import check_zip
from ingest.limits import Limits
from ingest.readers.base import RawTable

_DTD = (b"<!DOCTYPE", b"<!ENTITY")


def _check_xml_parts(path: Path, name: str) -> None:
    """Refuse XML parts declaring a DTD (entity expansion); Office never writes one."""
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                continue
            with zf.open(info) as fh:
                head = fh.read(4096)
            if any(marker in head for marker in _DTD):
                raise IngestError(
                    name,
                    f"the workbook could not be read safely: part '{info.filename}' declares "
                    "a DTD or entities, which Excel never writes",
                )


def read_xlsx(path: Path, limits: Limits) -> tuple[list[RawTable], list[str]]:
    name = path.name
    with path.open("rb") as fh:
        is_zip = fh.read(4) == b"PK\x03\x04"
    if is_zip:  # .xlsx, .xlsm, .ods; an .xls is an OLE file, bounded by its size
        check_zip(path, limits)
        _check_xml_parts(path, name)
    try:
        wb = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError:
        raise IngestError(
            name, "the file is password-protected: remove the password and save it again"
        ) from None
    except Exception as exc:  # calamine raises several types on damaged or hostile files
        raise IngestError(
            name,
            f"the file is damaged or not a real Excel workbook ({type(exc).__name__}: {exc}): "
            "open it in Excel and save it again as an Excel Workbook (.xlsx)",
        ) from None
    tables: list[RawTable] = []
    try:
        for meta in wb.sheets_metadata:
            if not str(meta.typ).endswith("WorkSheet"):
                continue  # chart sheets and macro sheets hold no table
            note = "" if str(meta.visible).endswith("Visible") else f"sheet '{meta.name}' is hidden"
            sheet = wb.get_sheet_by_name(meta.name)
            tables.append(_read_sheet(sheet, meta.name, name, limits, note))
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError(
            name, f"the workbook could not be read ({type(exc).__name__}: {exc})"
        ) from None
    finally:
        wb.close()
    return tables, []


def _read_sheet(sheet, title: str, file_name: str, limits: Limits, note: str) -> RawTable:
    # calamine gives the last used row and column (0-based): the sheet's claimed size.
    height, width = sheet.total_height + 1, sheet.total_width + 1
    if height > limits.max_rows or width > limits.max_columns:
        raise IngestError(
            file_name,
            f"the sheet claims {height} rows x {width} columns: more than {limits.max_rows} "
            f"rows or {limits.max_columns} columns are not allowed",
            sheet=title,
        )
    rows: list[list[object]] = []
    positions: list[tuple[str, int]] = []
    max_rows, max_cols = limits.max_rows, limits.max_columns
    for number, values in enumerate(sheet.iter_rows(), start=1):
        if number > max_rows:
            raise IngestError(file_name, f"more than {max_rows} rows", sheet=title)
        if len(values) > max_cols:
            trimmed = list(values)
            while trimmed and trimmed[-1] == "":
                trimmed.pop()
            if len(trimmed) > max_cols:
                raise IngestError(
                    file_name, f"more than {max_cols} columns", sheet=title, row=number
                )
            values = trimmed
        rows.append(values)
        positions.append((title, number))
    # Drop trailing blank rows that formatting leaves behind; they are not the agency's.
    while rows and all(v == "" or v is None for v in rows[-1]):
        rows.pop()
        positions.pop()
    return RawTable(title, rows, positions, [note] if note else [])
