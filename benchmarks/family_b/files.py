"""Write each agency's chronology as a file in its own layout (csv, xlsx, docx)."""

from __future__ import annotations

import csv
import random
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


# Headers practitioners also write, that a column mapper may not know (write_files'
# headers="unusual"): the cells stay the same, so a column must be read from what it holds.
UNUSUAL = {
    "date": ("When", "Date of entry", "Date seen", "Contact date", "Date/time of event"),
    "time": ("Time seen", "At", "Time (24h)"),
    "desc": ("Case note", "What happened / what was done", "Chronology entry", "Record of contact"),
    "outcome": ("Next steps / plan", "What we did", "Result"),
    "pract": ("Recorded by", "Author", "Seen by", "Entered by"),
    "ref": ("Log number", "Case note no."),
    "type": ("Contact", "Kind of contact", "Mode"),
    "subject": ("Re", "Who"),
}
OWN_UNUSUAL = {  # an agency's own words for a column
    ("AMB", "desc"): ("Crew notes",),
    ("AMB", "time"): ("Call time",),
    ("AMB", "ref"): ("Incident no",),
    ("AMB", "outcome"): ("Disposal",),
    ("GP", "desc"): ("Consultation / entry",),
    ("SCH", "desc"): ("Concern / incident",),
    ("HOS", "subject"): ("Patient name",),
    ("POL", "ref"): ("Incident no", "Log number"),
}


def unusual_headers(table: Table, seed: int) -> list[str]:
    rng = random.Random(f"family-b/{seed}/headers/{table.agency}")
    return [
        rng.choice(OWN_UNUSUAL.get((table.agency, f), UNUSUAL[f])) for _, f in table.layout.columns
    ]


def write_table(
    table: Table, folder: Path, headers: list[str] | None = None
) -> tuple[Path, list[int]]:
    """Write one agency's file; returns its path and each data row's user-visible row."""
    lay = table.layout
    path = folder / lay.file_name
    headers = headers or [h for h, _ in lay.columns]
    body, numbers = table.body(headers)
    if lay.fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            for line in lay.title:
                w.writerow([line] if line else [])
            w.writerow(headers)
            w.writerows([[str(c) for c in cells] for cells in body])
    elif lay.fmt == "xlsx":
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet(lay.sheet or "Sheet1")
        for line in lay.title:
            ws.append([line] if line else [])
        ws.append(headers)
        for cells in body:
            ws.append(cells)
        wb.save(path)
    else:
        document = docx.Document()
        for line in lay.title:
            document.add_paragraph(line)
        # The table as one XML fragment: python-docx's cell access is quadratic in rows.
        doc_body = document.element.body
        doc_body.insert(len(doc_body) - 1, parse_xml(_table_xml([headers, *body])))
        document.save(str(path))
    return path, numbers


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
