"""Write each agency's chronology as a file in its own layout (csv, xlsx, docx)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl

from benchmarks.family_b.build import Table


@dataclass
class FilesTruth:
    """The truth of written files, keyed by (file name, the row number a user sees)."""

    files: list[Path]
    truth: dict[tuple[str, int], str]  # (file, row) -> real event id
    related: dict[tuple[str, int], str]  # (file, row) -> the meeting's event id


def write_table(table: Table, folder: Path) -> tuple[Path, list[int]]:
    """Write one agency's file; returns its path and each data row's user-visible row."""
    lay = table.layout
    path = folder / lay.file_name
    headers = [h for h, _ in lay.columns]
    if lay.fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            for line in lay.title:
                w.writerow([line] if line else [])
            w.writerow(headers)
            w.writerows([[str(c) for c in r.cells] for r in table.rows])
        first = len(lay.title) + 2
    elif lay.fmt == "xlsx":
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet(lay.sheet or "Sheet1")
        for line in lay.title:
            ws.append([line] if line else [])
        ws.append(headers)
        for r in table.rows:
            ws.append(r.cells)
        wb.save(path)
        first = len(lay.title) + 2
    else:
        document = docx.Document()
        for line in lay.title:
            document.add_paragraph(line)
        t = document.add_table(rows=1 + len(table.rows), cols=len(headers))
        for j, h in enumerate(headers):
            t.cell(0, j).text = h
        for i, r in enumerate(table.rows, start=1):
            cells = t.rows[i].cells
            for j, c in enumerate(r.cells):
                cells[j].text = str(c)
        document.save(str(path))
        first = 2
    return path, [first + i for i in range(len(table.rows))]
