"""An agency's chronology as an .xlsx workbook, with the same bytes every time (the
records' file digest is computed before the file is written)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

import openpyxl

_FIXED = datetime(2025, 9, 1)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def xlsx_bytes(
    sheet: str, title: list[str], headers: list[str], rows: list[tuple[str, ...]]
) -> bytes:
    """Text cells only (as a system export that writes dates as text); an empty cell is
    left empty. A title block is followed by one blank row, as in the CSV files."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for line in title:
        ws.append([line])
    if title:
        ws.append([None])
    ws.append(headers)
    for cells in rows:
        ws.append([c if c else None for c in cells])
    wb.properties.creator = "family D"
    wb.properties.created = wb.properties.modified = _FIXED
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl stamps the save time into core.xml and the zip entries: fix both
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>2025-09-01T00:00:00Z\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=(2025, 9, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, data)
    return out.getvalue()
