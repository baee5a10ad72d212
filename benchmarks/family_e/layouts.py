"""Each agency's own file layout for family E: format, columns, date and time habits.

A layout lists its columns as roles (date, time, datetime, text, action, by, type, ref),
with the headers an agency would use and a second set of headers a mapper may not know
(`headers="unusual"`: the same cells under other names).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from .kinds import (
    AMB,
    CSC,
    DAS,
    EH,
    EY,
    GP,
    HOS,
    HSG,
    HV,
    MH,
    MW,
    POL,
    PRB,
    SCH,
    SMS,
    SN,
    VS,
    YJ,
)


@dataclass(frozen=True)
class Layout:
    ext: str
    stem: str  # file name without extension ({surname} filled in)
    cols: tuple[str, ...]
    headers: tuple[str, ...]
    unusual: tuple[str, ...]
    date_form: str  # excel, dmy, dmy_short, dmon, long
    time_form: str = "hm"  # hm, hhmm, hrs, ampm
    title: tuple[str, ...] = ()  # rows above the header (xlsx) / paragraphs (docx)
    newest_first: bool = False


L = Layout
LAYOUTS: dict[str, Layout] = {
    CSC: L(
        "xlsx",
        "CSC chronology - {surname} family",
        ("date", "type", "text", "by"),
        ("Date", "Case note type", "Summary of contact", "Worker"),
        ("When", "Sort of note", "What we recorded", "Written up by"),
        "excel",
        title=("{town} Children's Social Care", "Chronology for {child} {surname}", ""),
    ),
    POL: L(
        "csv",
        "Police PPU extract {SURNAME}",
        ("datetime", "ref", "text", "by"),
        ("Occurrence Date/Time", "Occurrence Ref", "Circumstances", "Officer"),
        ("Logged", "URN", "Precis", "Reporting"),
        "dmy",
        newest_first=True,
    ),
    SCH: L(
        "docx",
        "{school} safeguarding chronology",
        ("date", "text", "action", "by"),
        ("Date", "Concern / contact", "Action taken", "Staff member"),
        ("Day", "Noted", "Next steps", "Initials"),
        "long",
        title=("{school}", "Safeguarding chronology: {child} {surname}"),
    ),
    GP: L(
        "csv",
        "GP records extract",
        ("date", "by", "text"),
        ("Consultation date", "Clinician", "Entry"),
        ("Seen", "Who", "Record text"),
        "dmon",
    ),
    HOS: L(
        "xlsx",
        "Hospital safeguarding chronology",
        ("date", "time", "type", "text", "action"),
        ("Attendance date", "Arrival time", "Dept", "Clinical notes", "Outcome"),
        ("Arrived", "Clock", "Area", "Narrative", "Disposal"),
        "excel",
        "hhmm",
        title=("Acute Trust safeguarding team - chronology", ""),
    ),
    HV: L(
        "docx",
        "Health visiting chronology",
        ("date", "type", "text", "by"),
        ("Date", "Contact type", "Record", "HV"),
        ("Visit day", "Contact", "Notes made", "Worker"),
        "dmy_short",
        title=("Health Visiting Service", "Child health record summary"),
    ),
    AMB: L(
        "csv",
        "Ambulance service incidents",
        ("date", "time", "ref", "text"),
        ("Incident date", "Call time", "Incident no.", "Crew notes"),
        ("Job", "Received", "CAD", "Patient report"),
        "dmy",
        "hrs",
    ),
    MH: L(
        "xlsx",
        "Mental health chronology",
        ("date", "type", "text", "by"),
        ("Date of contact", "Contact type", "Clinical note", "Clinician"),
        ("Contact on", "Mode", "Progress", "Staff"),
        "excel",
        title=("Community Mental Health Team",),
    ),
    DAS: L(
        "docx",
        "Domestic abuse service chronology",
        ("date", "time", "text"),
        ("Date", "Time", "Contact summary"),
        ("Date of support", "At", "Support given"),
        "dmy",
        "ampm",
    ),
    HSG: L(
        "csv",
        "Housing chronology",
        ("date", "by", "text", "action"),
        ("Date", "Officer", "Notes", "Action"),
        ("On", "Handled", "Tenancy notes", "Follow on"),
        "dmy_short",
    ),
    SMS: L(
        "xlsx",
        "Substance misuse service chronology",
        ("date", "text", "by"),
        ("Date", "Keywork note", "Worker"),
        ("Session", "Note", "Keyworker"),
        "excel",
    ),
    PRB: L(
        "csv",
        "Probation chronology",
        ("date", "type", "text"),
        ("Date", "Contact type", "Details"),
        ("Contact", "Kind", "Summary of supervision"),
        "dmy",
    ),
    YJ: L(
        "docx",
        "Youth justice chronology",
        ("date", "text", "by"),
        ("Date", "Intervention", "Worker"),
        ("Week of", "Work done", "Officer"),
        "long",
    ),
    EH: L(
        "xlsx",
        "Early help chronology",
        ("date", "text", "action"),
        ("Date", "Session notes", "Next steps"),
        ("Held", "Family work", "Plan"),
        "dmon",
    ),
    MW: L(
        "csv",
        "Maternity chronology",
        ("datetime", "text", "by"),
        ("Date/time", "Entry", "Midwife"),
        ("Booked", "Maternity note", "MW"),
        "dmy",
    ),
    SN: L(
        "docx",
        "School nursing chronology",
        ("date", "text", "by"),
        ("Date", "Contact", "Seen by"),
        ("Seen", "Notes", "Nurse"),
        "dmy",
    ),
    EY: L(
        "csv",
        "Early years nursery concerns log",
        ("date", "text", "by"),
        ("Date", "Concern", "Staff"),
        ("Noted on", "What was seen", "Logged by"),
        "dmy_short",
    ),
    VS: L(
        "xlsx",
        "Voluntary sector youth project chronology",
        ("date", "text", "by"),
        ("Date", "Session record", "Worker"),
        ("Met", "Youth work record", "Staff"),
        "excel",
    ),
}


def date_cell(form: str, d: date, month_only: bool, month_form: int):
    """The date cell as the agency writes it (an Excel date for `excel`)."""
    if month_only:
        return (f"{d:%B %Y}", f"{d:%b-%y}", f"{d:%b %Y}")[month_form % 3]
    if form == "excel":
        return d
    if form == "dmy":
        return f"{d:%d/%m/%Y}"
    if form == "dmy_short":
        return f"{d.day}.{d.month}.{d:%y}"
    if form == "dmon":
        return f"{d:%d-%b-%y}"
    n = d.day
    suffix = "th" if 10 <= n <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} {d:%B %Y}"


def time_text(form: str, t: time | None) -> str:
    if t is None:
        return ""
    if form == "hhmm":
        return f"{t:%H%M}"
    if form == "hrs":
        return f"{t:%H%M}hrs"
    if form == "ampm":
        h = t.hour % 12 or 12
        return f"{h}.{t:%M}{'am' if t.hour < 12 else 'pm'}"
    return f"{t:%H:%M}"


def datetime_cell(form: str, d: date, t: time | None, month_only: bool, month_form: int):
    if month_only or t is None:
        return date_cell(form, d, month_only, month_form)
    if form == "excel":
        return datetime.combine(d, t)
    return f"{date_cell(form, d, False, 0)} {t:%H:%M}"


def header_rows(layout: Layout, unusual: bool) -> int:
    """How many rows come before the first data row (title rows and the header)."""
    return (len(layout.title) if layout.ext == "xlsx" else 0) + 1


def write(path: Path, layout: Layout, headers, rows: list[tuple], title: tuple[str, ...]) -> None:
    if layout.ext == "csv":
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(headers)
            w.writerows(rows)
    elif layout.ext == "xlsx":
        _write_xlsx(path, headers, rows, title)
    else:
        _write_docx(path, headers, rows, title)


def _write_xlsx(path: Path, headers, rows, title) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Chronology")
    for line in title:
        ws.append([line] if line else [])
    ws.append(list(headers))
    for row in rows:
        out = []
        for v in row:
            if isinstance(v, datetime):
                c = WriteOnlyCell(ws, value=v)
                c.number_format = "dd/mm/yyyy hh:mm"
                out.append(c)
            elif isinstance(v, date):
                c = WriteOnlyCell(ws, value=v)
                c.number_format = "dd/mm/yyyy"
                out.append(c)
            else:
                out.append(v)
        ws.append(out)
    wb.save(path)


def _write_docx(path: Path, headers, rows, title) -> None:
    """A Word table built row by row from copies of one row element (python-docx's
    add_row for thousands of rows is far slower than copying the XML)."""
    import copy

    import docx

    doc = docx.Document()
    for line in title:
        doc.add_paragraph(line)
    table = doc.add_table(rows=2, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    template = table.rows[1]._tr
    tbl = table._tbl
    tbl.remove(template)
    for row in rows:
        tr = copy.deepcopy(template)
        for tc, text in zip(tr.tc_lst, row, strict=True):
            p = tc.p_lst[0]
            r = p.add_r()
            r.text = str(text)
        tbl.append(tr)
    doc.save(path)
