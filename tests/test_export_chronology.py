# ruff: noqa: F811  (pytest fixtures imported from test_export_helpers)
"""The integrated chronology: xlsx (three sheets) and csv, re-read and checked against the
sample review's known facts; formula injection in both."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from collections import Counter
from datetime import date, datetime

import openpyxl
import pytest

from ingest.records import Issue, Provenance, QuarantinedRow
from timeline.export import export_review
from timeline.store import LOCAL_OPERATOR, Store
from timeline.view import PALETTE

from .test_export_helpers import (
    CSC_TEXT,
    GOOD,
    HV_TEXT,
    MISSED,
    OP,
    POLICE_TEXT,
    QUARANTINED_TEXT,
    SCHOOL_TEXT,
    csv_rows,
    out,  # noqa: F401
    sample,  # noqa: F401
    sheet_rows,
    zip_part,
)
from .test_store_helpers import make_import

SHEETS = ["Integrated chronology", "Source records", "Quarantined rows"]


@pytest.fixture(scope="module")
def workbook(sample, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "chronology.xlsx"
    export_review(sample.store, OP, sample.rid, "xlsx", path)
    return path


def _known_row(rows: list[dict]) -> dict:
    hits = [r for r in rows if POLICE_TEXT in str(r.get("Police") or "")]
    assert len(hits) == 1
    return hits[0]


def test_ex001_sheets_and_row_counts_match_the_store(sample, workbook):
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames == SHEETS
    events = sample.store.records.list_events(OP, sample.rid)
    records = sample.store.records.list_records(OP, sample.rid)
    quarantined = sample.store.records.list_quarantined(OP, sample.rid)
    assert (len(records), len(quarantined)) == (365, 5)  # the sample's documented counts
    assert wb["Integrated chronology"].max_row - 1 == len(events)
    assert wb["Source records"].max_row - 1 == len(records)
    assert wb["Quarantined rows"].max_row - 1 == len(quarantined)


def test_ex002_known_event_has_each_agencys_own_wording(sample, workbook):
    header, rows = sheet_rows(workbook, "Integrated chronology")
    row = _known_row(rows)
    assert row["Date"] == "12 Mar 2019"
    assert not row["Date precision"]
    assert row["Time"] == "22:47"
    assert "Outcome: DASH completed – standard risk. PPN submitted." in row["Police"]
    members = [
        r
        for r in sample.store.records.list_records(OP, sample.rid)
        if r["event_id"] == sample.event_id
    ]
    expected = {
        "Children's Social Care": CSC_TEXT,
        "School": SCHOOL_TEXT,
        "Health Visiting": HV_TEXT,
        "Police": POLICE_TEXT,
    }
    for r in members:  # whatever the matcher joined, each member sits in its agency's column
        assert r["description"] in row[r["agency"]]
        assert r["agency"] in row["Agencies"]
        if r["agency"] in expected:
            assert expected[r["agency"]] in row[r["agency"]]
    assert "(recorded 14 Mar 2019)" in row["Children's Social Care"]
    assert f"Missed opportunity [KLOE 1]: {MISSED}" in row["Tags and annotations"]
    assert f"Good practice [KLOE 1, 4]: {GOOD}" in row["Tags and annotations"]
    assert row["KLOE"] == "1, 4"
    assert 0 < float(row["Match confidence"]) <= 1
    # Agencies with no entry in this event leave their column empty.
    for agency in ("GP", "Housing"):
        if all(r["agency"] != agency for r in members):
            assert not row[agency]


def _first_day(text: str) -> date:
    text = text.removeprefix("c. ").removeprefix("w/c ").split(" – ")[0]
    season = re.match(r"^(Spring|Summer|Autumn|Winter) (\d{4})", text)
    if season:
        month = {"Spring": 3, "Summer": 6, "Autumn": 9, "Winter": 12}[season.group(1)]
        return date(int(season.group(2)), month, 1)
    for fmt in ("%d %b %Y", "%b %Y", "%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise AssertionError(f"unreadable date {text!r}")


def test_ex003_events_in_date_order_with_partial_dates_marked(workbook):
    _, rows = sheet_rows(workbook, "Integrated chronology")
    days = [_first_day(r["Date"]) for r in rows]
    # Months and seasons read as their first day; the order allows for that.
    assert all(a <= b or (a - b).days < 92 for a, b in zip(days, days[1:], strict=False))
    assert days[0] < days[-1]
    _, recs = sheet_rows(workbook, "Source records")
    school = [r for r in recs if r["File"] == "school_chron.xlsx" and r["Row"] == 7]
    assert school[0]["Date"] == "Sep 2019" and school[0]["Date precision"] == "month"
    housing = [r for r in recs if r["File"].startswith("Housing") and r["Row"] == 7]
    assert housing[0]["Date"] == "30 Nov 2020 – 8 Feb 2021"
    assert housing[0]["Date precision"] == "range"
    assert (
        Counter(r["Date precision"] for r in recs)["month"]
        + Counter(r["Date precision"] for r in recs)["approximate"]
        == 5
    )  # 2 exact months, 3 approximate months in the sample


def test_ex004_source_records_carry_provenance_status_and_issues(sample, workbook):
    _, rows = sheet_rows(workbook, "Source records")
    police = [r for r in rows if r["Reference"] == "DA/19/01877"]
    assert len(police) == 1
    p = police[0]
    assert (p["Agency"], p["File"], p["Row"]) == ("Police", "Police_chronology.csv", 3)
    assert p["Status"] == "needs review"
    assert "could be read two ways" in p["Issues"]
    assert p["Description"].startswith(POLICE_TEXT)
    assert p["Record id"] == sample.police["record_id"]
    counts = Counter(r["Agency"] for r in rows)
    store_counts = Counter(r["agency"] for r in sample.store.records.list_records(OP, sample.rid))
    assert counts == store_counts
    school = [r for r in rows if r["File"] == "school_chron.xlsx" and r["Row"] == 5]
    assert school[0]["Other fields"] == "Pupil: Tyler"
    assert school[0]["Sheet"] == "Safeguarding log"


def test_ex005_quarantined_rows_with_reasons(workbook):
    _, rows = sheet_rows(workbook, "Quarantined rows")
    assert len(rows) == 5
    csc = [r for r in rows if r["Row"] == 57]
    assert csc[0]["File"] == "Chronology - Childrens Services FINAL.xlsx"
    assert csc[0]["Sheet"] == "CSC entries"
    assert csc[0]["Reason"] == "no date"
    assert QUARANTINED_TEXT in csc[0]["Row content"]
    assert all(r["Reason"] for r in rows)


def test_ex006_layout_frozen_header_filter_wrap_widths_colours(sample, workbook):
    wb = openpyxl.load_workbook(workbook)
    agencies = [a["name"] for a in sample.store.records.list_agencies(OP, sample.rid)]
    for ws in wb.worksheets:
        assert ws.freeze_panes in ("A2", "B2")
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        assert ws.cell(2, 1).alignment.wrap_text
        assert ws.cell(1, 1).font.bold
        for col in range(1, ws.max_column + 1):
            width = ws.column_dimensions[ws.cell(1, col).column_letter].width
            assert 5 <= width <= 80
    ws = wb["Integrated chronology"]
    header = [c.value for c in ws[1]]
    header_fills = {}
    for agency in agencies:
        cell = ws.cell(1, header.index(agency) + 1)
        header_fills[agency] = cell.fill.fgColor.rgb[-6:]
    # the workbook's agency colours are the timeline's (one palette, contrast >= 3:1 on white,
    # checked in test_colours.py), so an agency looks the same on screen and on paper
    assert set(header_fills.values()) <= {c.lstrip("#").upper() for c in PALETTE}
    assert len(set(header_fills.values())) == len(agencies)  # one colour per agency
    row = next(r for r in ws.iter_rows(min_row=2) if r[header.index("Police")].value)
    body = row[header.index("Police")].fill.fgColor.rgb[-6:]
    assert body not in ("000000", "FFFFFF") and body != header_fills["Police"]  # a light tint


def test_ex007_csv_is_the_event_table(sample, workbook, out):
    path = out / "chronology.csv"
    export_review(sample.store, OP, sample.rid, "csv", path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    header, rows = csv_rows(path)
    x_header, x_rows = sheet_rows(workbook, "Integrated chronology")
    assert header == x_header
    assert len(rows) == len(sample.store.records.list_events(OP, sample.rid))
    row = _known_row(rows)
    assert row["Date"] == "12 Mar 2019"
    assert POLICE_TEXT in row["Police"] and CSC_TEXT in row["Children's Social Care"]
    assert row["KLOE"] == "1, 4"


# ---------------------------------------------------------------------------- injection

INJECTIONS = [
    '=HYPERLINK("http://evil.example","x")',
    "+44 7700 900123 called",
    "-2 days late",
    "@SUM(A1:A2)",
    "\tleading tab",
    "\rleading carriage return",
    "\x00leading NUL",
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A review whose records, tag and quarantined row start with formula triggers."""
    folder = tmp_path_factory.mktemp("hostile")
    store = Store.open(f"sqlite:///{folder / 'h.db'}")
    rid = store.reviews.create_review(
        LOCAL_OPERATOR, "=cmd|' /C calc'!A0", child_pseudonym="@Child"
    )
    days = [date(2021, 3, 1 + i) for i in range(len(INJECTIONS))]
    fi = make_import("Police", list(zip(days, INJECTIONS, strict=True)), file_name="-p.csv")
    fi.quarantined.append(
        QuarantinedRow(
            agency="Police",
            provenance=Provenance("-p.csv", fi.file_sha256, "", 99, {"Date": "=1+1"}),
            issues=[Issue("no_date", "+no date", "Date", "error")],
        )
    )
    store.records.import_results(LOCAL_OPERATOR, rid, [fi])
    ev = store.records.list_records(LOCAL_OPERATOR, rid)[0]["event_id"]
    store.annotations.add_annotation(LOCAL_OPERATOR, ev, "comment", "=1+2")
    yield store, rid, folder
    store.close()


def test_ex010_xlsx_injection_stored_as_text(hostile):
    store, rid, folder = hostile
    path = folder / "h.xlsx"
    export_review(store, LOCAL_OPERATOR, rid, "xlsx", path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Source records"]
    header = [c.value for c in ws[1]]
    col = header.index("Description")
    cells = {ws.cell(r, col + 1).value: ws.cell(r, col + 1) for r in range(2, ws.max_row + 1)}
    for text in INJECTIONS:
        shown = text.replace("\x00", "\u2400")  # NUL cannot be in XML: its visible picture
        assert shown in cells, text
        assert cells[shown].data_type == "s"
    ev_sheet = wb["Integrated chronology"]
    values = [c.value for row in ev_sheet.iter_rows(min_row=2) for c in row]
    assert "Comment: =1+2" in values or any(str(v).startswith("Comment: =1+2") for v in values)
    q = wb["Quarantined rows"]
    assert q.cell(2, 2).value == "-p.csv" and q.cell(2, 2).data_type == "s"
    assert q.cell(2, 6).value == "+no date" and q.cell(2, 6).data_type == "s"
    for name in (
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
    ):
        assert "<f>" not in zip_part(path, name) and "<f " not in zip_part(path, name)


def test_ex011_csv_injection_neutralised(hostile):
    store, rid, folder = hostile
    path = folder / "h.csv"
    export_review(store, LOCAL_OPERATOR, rid, "csv", path)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    cells = [c for row in rows[1:] for c in row if c]
    for text in INJECTIONS:
        # Agency column cells hold "description\nOutcome: ..." (no outcome here): the text.
        assert "'" + text in cells, text
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r", "\x00")) for c in cells)


def test_ex012_libreoffice_opens_the_workbooks(workbook, hostile, out):
    """LibreOffice opens both workbooks and saves them again; the copies keep the three
    sheets and their texts, and the hostile texts were not run as formulas."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed on this machine")
    store, rid, folder = hostile
    hostile_path = folder / "lo-hostile.xlsx"
    export_review(store, LOCAL_OPERATOR, rid, "xlsx", hostile_path)
    converted = out / "converted"
    proc = subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{out / 'profile'}",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(converted),
            str(workbook),
            str(hostile_path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    wb = openpyxl.load_workbook(converted / "chronology.xlsx")
    assert wb.sheetnames == SHEETS
    original = openpyxl.load_workbook(workbook)
    for name in SHEETS:
        assert wb[name].max_row == original[name].max_row
    _, rows = sheet_rows(converted / "chronology.xlsx", "Integrated chronology")
    assert _known_row(rows)["Date"] == "12 Mar 2019"
    h = openpyxl.load_workbook(converted / "lo-hostile.xlsx")
    ws = h["Source records"]
    values = [ws.cell(r, 5).value for r in range(2, ws.max_row + 1)]
    assert INJECTIONS[0] in values and "@SUM(A1:A2)" in values
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def test_ex013_a_participants_reflection_is_in_no_export(tmp_path):
    """Reflections are a participant's own preparation: not in the ordinary xlsx or csv,
    nor in the report, while the review's tags are."""
    from docx import Document

    from .test_store_helpers import make_user

    store = Store.open(f"sqlite:///{tmp_path / 'r.db'}")
    try:
        rid = store.reviews.create_review(LOCAL_OPERATOR, "Review of Cedar (fictional)")
        fi = make_import("GP", [(date(2021, 4, 6), "Missed 8 week check")], file_name="gp.csv")
        store.records.import_results(LOCAL_OPERATOR, rid, [fi])
        ev = store.records.list_records(LOCAL_OPERATOR, rid)[0]["event_id"]
        pat = make_user(store, "pat@example.org")
        store.reviews.add_member(LOCAL_OPERATOR, rid, "pat@example.org", "participant", "GP")
        store.annotations.save_reflection(pat, ev, "Private: I was off sick that week")
        store.annotations.add_annotation(pat, ev, "missed_opportunity", "Check not rebooked")
        xlsx, csv_path, docx = (tmp_path / f"c.{f}" for f in ("xlsx", "csv", "docx"))
        for path in (xlsx, csv_path, docx):
            export_review(store, LOCAL_OPERATOR, rid, path.suffix[1:], path)
        wb = openpyxl.load_workbook(xlsx)
        cells = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row)
        texts = {
            "xlsx": cells,
            "csv": csv_path.read_text(encoding="utf-8-sig"),
            "docx": " ".join(p.text for p in Document(docx).paragraphs)
            + " ".join(c.text for t in Document(docx).tables for r in t.rows for c in r.cells),
        }
        for fmt, text in texts.items():
            assert "off sick" not in text, fmt
        assert "Check not rebooked" in texts["xlsx"] and "Check not rebooked" in texts["csv"]
    finally:
        store.close()
