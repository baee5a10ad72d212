"""Write each agency's chronology as a file in its own layout (csv, xlsx, docx)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import openpyxl
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

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
        body = document.element.body
        # The table as one XML fragment: python-docx's cell access is quadratic in rows.
        body.insert(len(body) - 1, parse_xml(_table_xml([headers, *(r.cells for r in table.rows)])))
        document.save(str(path))
        first = 2
    return path, [first + i for i in range(len(table.rows))]


def _table_xml(rows: list) -> str:
    width = len(rows[0])
    parts = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>',
        "<w:tblGrid>" + "<w:gridCol/>" * width + "</w:tblGrid>",
    ]
    for row in rows:
        parts.append("<w:tr>")
        for cell in row:
            text = escape(str(cell))
            parts.append(
                f'<w:tc><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>'
            )
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)
