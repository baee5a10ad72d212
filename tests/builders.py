"""Build small agency files in a temporary folder, the way agencies really lay them out."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import docx
import openpyxl


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]], merges=None) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        for rng in (merges or {}).get(title, []):
            ws.merge_cells(rng)
        for row in ws.iter_rows():
            for cell in row:
                if hasattr(cell.value, "year"):
                    cell.number_format = "DD/MM/YYYY"
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list[str]], *, encoding="utf-8", delimiter=",") -> Path:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def write_docx(path: Path, blocks: list[object]) -> Path:
    """blocks: str for a paragraph, list[list[str]] for a table."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            table = document.add_table(rows=0, cols=len(block[0]))
            for row in block:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
    document.save(path)
    return path
