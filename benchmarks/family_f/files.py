"""Each agency's table as its own file (xlsx, csv or docx), and reading them back."""

from __future__ import annotations

import copy
import csv
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .agencies import FILE_STEM, LAYOUTS
from .compose import Row
from .people import Family


@dataclass
class Files:
    """What write_files wrote: paths, and the answer key by (file name, row a user sees)."""

    files: dict[str, Path] = field(default_factory=dict)  # agency -> path
    truth: dict[tuple[str, int], str] = field(default_factory=dict)
    related: dict[tuple[str, int], str] = field(default_factory=dict)
    rows: dict[tuple[str, int], Row] = field(default_factory=dict)


def _text(v) -> str:
    return v.strftime("%d/%m/%Y") if isinstance(v, datetime) else str(v)


def _title(agency: str, fam: Family, period: tuple[date, date]) -> list[list[str]]:
    return [
        [f"{agency} chronology for learning review"],
        [f"Child: {fam.child.full}", f"DOB: {fam.child.born}"],
        [f"Period: {period[0]:%d/%m/%Y} - {period[1]:%d/%m/%Y}"],
        [],
    ]


def _write_xlsx(path: Path, head: list[list[str]], header, rows, excel: bool) -> int:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Chronology")
    for line in head:
        ws.append(line)
    ws.append(list(header))
    for r in rows:
        ws.append([c if (excel or not isinstance(c, datetime)) else _text(c) for c in r.cells])
    wb.save(path)
    return len(head) + 2  # the first data row a user sees


def _write_csv(path: Path, header, rows) -> int:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for r in rows:
            w.writerow([_text(c) for c in r.cells])
    return 2


def _write_docx(path: Path, title: list[list[str]], header, rows) -> int:
    import docx

    doc = docx.Document()
    for line in title:
        if line:
            doc.add_paragraph("   ".join(line))
    table = doc.add_table(rows=2, cols=len(header))
    table.style = "Table Grid"
    for cell, h in zip(table.rows[0].cells, header, strict=True):
        cell.text = h
    for cell in table.rows[1].cells:
        cell.text = "x"
    # python-docx builds each row slowly; copy one row's XML instead (thousands of rows).
    proto = table.rows[1]._tr
    tbl = table._tbl
    tbl.remove(proto)
    for r in rows:
        tr = copy.deepcopy(proto)
        for t, value in zip(tr.iter(proto.tag.replace("}tr", "}t")), r.cells, strict=True):
            t.text = _text(value)
        tbl.append(tr)
    doc.save(path)
    return 2


def write_tables(
    tables: dict[str, list[Row]],
    folder: Path,
    headers: str,
    fam: Family,
    period: tuple[date, date],
) -> Files:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = Files()
    for agency, rows in tables.items():
        lay = LAYOUTS[agency]
        header = lay.usual if headers == "usual" else lay.unusual
        path = folder / f"{FILE_STEM[agency]}.{lay.kind}"
        head = _title(agency, fam, period) if lay.title else []
        if lay.kind == "xlsx":
            first = _write_xlsx(path, head, header, rows, lay.excel_dates)
        elif lay.kind == "csv":
            first = _write_csv(path, header, rows)
        else:
            first = _write_docx(path, head, header, rows)
        out.files[agency] = path
        for i, r in enumerate(rows):
            r.file, r.row = path.name, first + i
            out.truth[path.name, r.row] = r.event
            out.rows[path.name, r.row] = r
    return out
