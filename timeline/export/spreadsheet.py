"""The integrated chronology as .xlsx (three sheets) and as .csv (the event table).

Every text cell is typed as text (openpyxl would otherwise make any string starting with
'=' a formula), control characters XML cannot hold are shown as their Unicode pictures
(NUL becomes ␀), and in CSV a text that a spreadsheet could run gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from timeline.tabular import csv_safe

from .chronology import Table, event_table, quarantine_table, record_table
from .data import ReviewData

_WRAP = Alignment(wrap_text=True, vertical="top")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")
_THIN = Side(style="thin", color="BFBFBF")
_HEADER_BORDER = Border(bottom=Side(style="medium", color="404040"))
_MAX_CELL = 32767  # Excel's limit on the characters in one cell


def _visible_control(match: re.Match[str]) -> str:
    return chr(0x2400 + ord(match.group()))


def xlsx_text(value: str) -> str:
    """Text a cell can hold: control characters shown, Excel's length limit respected."""
    text = ILLEGAL_CHARACTERS_RE.sub(_visible_control, value)
    if len(text) > _MAX_CELL:
        text = text[: _MAX_CELL - 1] + "…"
    return text


def tint(hex_colour: str, amount: float = 0.75) -> str:
    """The colour mixed with white (`amount` of white), for a cell background that keeps
    black text readable."""
    h = hex_colour.lstrip("#")
    rgb = [int(h[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


def _text_on(hex_colour: str) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return "000000" if (0.299 * r + 0.587 * g + 0.114 * b) > 150 else "FFFFFF"


def _set(ws: Worksheet, row: int, col: int, value: object):
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = xlsx_text(value)
        cell.data_type = "s"  # never "f": text that looks like a formula stays text
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
    else:
        cell.value = value
    return cell


def _write_sheet(ws: Worksheet, table: Table, data: ReviewData) -> None:
    ws.title = table.title[:31]
    header_font = Font(bold=True)
    for c, name in enumerate(table.columns, 1):
        cell = _set(ws, 1, c, name)
        cell.font = header_font
        cell.alignment = _HEADER_ALIGN
        cell.border = _HEADER_BORDER
        cell.fill = PatternFill("solid", fgColor="E7E6E6")
        agency = table.agency_columns.get(c - 1)
        if agency is not None:
            colour = data.colour(agency)
            cell.fill = PatternFill("solid", fgColor=colour.lstrip("#"))
            cell.font = Font(bold=True, color=_text_on(colour))
    fills = {a: PatternFill("solid", fgColor=tint(data.colour(a))) for a in data.agencies}
    for r, values in enumerate(table.rows, 2):
        row_agency = values[table.agency_of_row] if table.agency_of_row is not None else None
        for c, value in enumerate(values, 1):
            cell = _set(ws, r, c, value)
            cell.alignment = _WRAP
            agency = table.agency_columns.get(c - 1)
            if agency is not None and value:
                cell.fill = fills[agency]
            elif row_agency in fills and c - 1 == table.agency_of_row:
                cell.fill = fills[row_agency]
    for c, width in enumerate(table.widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.row_dimensions[1].height = 32
    ws.freeze_panes = "B2" if table.agency_columns else "A2"
    last = get_column_letter(len(table.columns))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(table.rows) + 1)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def write_xlsx(data: ReviewData, path: Path, *, note: str = "") -> None:
    """The integrated chronology: events, source records, quarantined rows."""
    wb = Workbook()
    tables = [event_table(data), record_table(data), quarantine_table(data)]
    _write_sheet(wb.active, tables[0], data)
    for t in tables[1:]:
        _write_sheet(wb.create_sheet(), t, data)
    props = wb.properties
    props.title = xlsx_text(f"Integrated chronology: {data.title}")
    props.creator = "Learning Review Timeline"
    props.lastModifiedBy = None
    props.description = xlsx_text(note) if note else None
    wb.save(path)


def write_csv(data: ReviewData, path: Path) -> None:
    """The event table of the integrated chronology (UTF-8 with a BOM for Excel)."""
    table = event_table(data)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([csv_safe(c) for c in table.columns])
        for row in table.rows:
            writer.writerow([csv_safe(v.isoformat() if isinstance(v, date) else v) for v in row])
