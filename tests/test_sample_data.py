"""The committed sample review is what sample_data/generate.py makes, and truth.csv and the
README's expected counts match the files as a user would open them."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import docx
import openpyxl
import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"
CSC = "Chronology - Childrens Services FINAL.xlsx"
POLICE = "Police_chronology.csv"
HV = "hv chron v2.docx"
GP = "GP Surgery chronology.csv"
HOSP = "Hospital Trust - ED attendances.xlsx"
SCHOOL = "school_chron.xlsx"
HOUSING = "Housing chronology (Brackenford Homes).xlsx"
CSV_FILES = {POLICE: ("cp1252", ";"), GP: ("utf-8-sig", ",")}
XLSX_FILES = [CSC, HOSP, SCHOOL, HOUSING]

# The expected layout of each file, as documented in sample_data/README.md:
# file -> {sheet: (physical rows, rows that are not data)}.
EXPECTED = {
    CSC: {"CSC entries": (119, {1, 2, 3, 4, 5, 28, 62, 63})},
    POLICE: {"": (37, {1, 22, 37})},
    HV: {"table 1": (46, {1, 33}), "table 2": (35, {1})},
    GP: {"": (53, {1})},
    HOSP: {"ED attendances": (20, {1, 9, 19, 20})},
    SCHOOL: {"Safeguarding log": (66, {1, 2, 3, 28, 48})},
    HOUSING: {"Sheet1": (19, {1})},
}
# Problem rows: (file, sheet, row) -> a fragment of what the row holds.
PROBLEMS = {
    (CSC, "CSC entries", 57): "no date",
    (CSC, "CSC entries", 82): "2031",
    (CSC, "CSC entries", 119): "TBC",
    (POLICE, "", 2): "2017",
    (POLICE, "", 16): "11/28/2020",
    (HV, "table 1", 34): "31/06/2020",
    (GP, "", 2): "2016",
    (GP, "", 28): "duplicate",
    (GP, "", 50): "empty",
    (HOSP, "ED attendances", 14): "unknown",
    (HOUSING, "Sheet1", 13): "reversed",
}


def read_rows(folder: Path, name: str) -> dict[str, list[list[str]]]:
    """Every physical row of the chronology table(s), as cell text, keyed by sheet."""
    path = folder / name
    if name in CSV_FILES:
        enc, delim = CSV_FILES[name]
        text = path.read_bytes().decode(enc)
        return {"": [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]}
    if name == HV:
        return {
            f"table {i}": [[c.text for c in row.cells] for row in t.rows]
            for i, t in enumerate(docx.Document(str(path)).tables, start=1)
        }
    wb = openpyxl.load_workbook(path)
    sheet = next(iter(EXPECTED[name]))
    ws = wb[sheet]
    return {
        sheet: [
            ["" if v is None else str(v) for v in row]
            for row in ws.iter_rows(min_row=1, max_row=ws.max_row, values_only=True)
        ]
    }


def read_truth() -> list[dict[str, str]]:
    with open(SAMPLE / "truth.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    subprocess.run([sys.executable, str(SAMPLE / "generate.py"), str(out)], check=True)
    return out


@pytest.mark.parametrize("name", [POLICE, GP, "truth.csv", "kloe.csv"])
def test_sd001_csv_bytes_match_generator(regenerated: Path, name: str) -> None:
    assert (regenerated / name).read_bytes() == (SAMPLE / name).read_bytes()


@pytest.mark.parametrize("name", XLSX_FILES)
def test_sd002_xlsx_cells_match_generator(regenerated: Path, name: str) -> None:
    new, old = openpyxl.load_workbook(regenerated / name), openpyxl.load_workbook(SAMPLE / name)
    assert new.sheetnames == old.sheetnames
    for sheet in old.sheetnames:
        a, b = new[sheet], old[sheet]
        assert sorted(map(str, a.merged_cells.ranges)) == sorted(map(str, b.merged_cells.ranges))
        cells_a = [[(c.value, c.number_format) for c in r] for r in a.iter_rows()]
        cells_b = [[(c.value, c.number_format) for c in r] for r in b.iter_rows()]
        assert cells_a == cells_b


def test_sd003_docx_text_matches_generator(regenerated: Path) -> None:
    new, old = docx.Document(str(regenerated / HV)), docx.Document(str(SAMPLE / HV))
    assert [p.text for p in new.paragraphs] == [p.text for p in old.paragraphs]
    assert read_rows(regenerated, HV) == read_rows(SAMPLE, HV)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_sd004_layout_and_truth_rows(name: str) -> None:
    rows = read_rows(SAMPLE, name)
    truth = [t for t in read_truth() if t["file"] == name]
    assert set(rows) == set(EXPECTED[name])
    for sheet, (physical, not_data) in EXPECTED[name].items():
        assert len(rows[sheet]) == physical
        data = {int(t["row"]) for t in truth if t["sheet"] == sheet}
        # every physical row is either a data row in truth.csv or a documented non-data row
        assert data | not_data == set(range(1, physical + 1))
        assert not data & not_data
        for r in data:
            assert any(v.strip() for v in rows[sheet][r - 1]), (sheet, r)
        header = rows[sheet][{CSC: 4, SCHOOL: 2}.get(name, 0)]
        assert header[0] in ("Date", "Date/Time", "Attendance date", "When", "Date from")
        for r in data:
            assert rows[sheet][r - 1] != header


def test_sd005_non_data_rows_are_junk() -> None:
    # every documented non-data row is blank, a header copy, a title above the header
    # or one of the known separator/note lines
    notes = ("Chronology continued", "Total records", "--- Academic year", "Source:")
    for name, sheets in EXPECTED.items():
        rows = read_rows(SAMPLE, name)
        for sheet, (_, not_data) in sheets.items():
            for r in not_data:
                cells = [v.strip() for v in rows[sheet][r - 1]]
                filled = [v for v in cells if v]
                title = name == CSC and r < 5 or name == SCHOOL and r < 3
                is_header = "Date" in cells or "When" in cells or "Attendance date" in cells
                is_header = is_header or "Date/Time" in cells or "Date from" in cells
                ok = not filled or title or is_header or filled[0].startswith(notes)
                assert ok, (name, sheet, r, cells)


def test_sd006_problem_rows_hold_the_problem() -> None:
    truth = {(t["file"], t["sheet"], int(t["row"])): t["event_id"] for t in read_truth()}
    for (name, sheet, r), what in PROBLEMS.items():
        row = read_rows(SAMPLE, name)[sheet][r - 1]
        assert (name, sheet, r) in truth
        if what == "no date":
            assert row[0] == "" and row[1]
        elif what == "duplicate":
            assert row == read_rows(SAMPLE, name)[sheet][r - 2]
        elif what == "reversed":
            assert row[1] and row[1] < row[0]  # 'Date to' before 'Date from' (ISO text)
        elif what == "empty":
            assert row[0] and row[4] == "" and truth[(name, sheet, r)] == ""
        else:
            assert what in row[0], (name, r, row[0])
    # only the empty-description row has no event
    assert [k for k, v in truth.items() if not v] == [(GP, "", 50)]


def test_sd007_encodings_and_csv_records() -> None:
    police = (SAMPLE / POLICE).read_bytes()
    for ch in ("£", "\u2019", "\u2013"):
        assert ch.encode("cp1252") in police
    with pytest.raises(UnicodeDecodeError):
        police.decode("utf-8")
    gp = (SAMPLE / GP).read_bytes()
    assert gp.startswith(b"\xef\xbb\xbf")
    records = read_rows(SAMPLE, GP)[""]
    assert len(gp.decode("utf-8-sig").splitlines()) > len(records)  # fields hold newlines
    assert any("\n" in v for r in records for v in r)
    times = {r[1] for r in records[1:] if r[1]}
    assert any(":" in t for t in times) and any(t.endswith(("am", "pm")) for t in times)
    assert any(t.isdigit() for t in times)
    assert any(r[0].count(".") == 2 for r in records[1:])  # 12.3.21 style


def test_sd008_excel_dates_are_real_dates_or_text_as_designed() -> None:
    csc = openpyxl.load_workbook(SAMPLE / CSC)["CSC entries"]
    truth = [int(t["row"]) for t in read_truth() if t["file"] == CSC]
    kinds = defaultdict(int)
    for r in truth:
        kinds[type(csc.cell(row=r, column=1).value).__name__] += 1
    assert kinds["datetime"] == len(truth) - 2  # one empty cell, one 'TBC'
    assert csc.cell(row=82, column=1).value == datetime(2031, 4, 20)
    assert csc.cell(row=82, column=1).number_format == "dd/mm/yyyy"
    assert openpyxl.load_workbook(SAMPLE / CSC).sheetnames[0] == "Cover"
    hosp = openpyxl.load_workbook(SAMPLE / HOSP)["ED attendances"]
    values = [
        hosp.cell(row=int(t["row"]), column=1).value for t in read_truth() if t["file"] == HOSP
    ]
    assert all(isinstance(v, str) for v in values)
    housing = openpyxl.load_workbook(SAMPLE / HOUSING)["Sheet1"]
    froms = [housing.cell(row=r, column=1) for r in range(2, housing.max_row + 1)]
    assert all(isinstance(c.value, datetime) and c.number_format == "d-mmm-yy" for c in froms)


def test_sd009_many_events_recorded_by_several_agencies() -> None:
    files_per_event = defaultdict(set)
    for t in read_truth():
        if t["event_id"]:
            files_per_event[t["event_id"]].add(t["file"])
    assert 150 <= len(files_per_event) <= 400
    assert sum(1 for f in files_per_event.values() if len(f) >= 2) >= 60
    assert sum(1 for f in files_per_event.values() if len(f) >= 4) >= 5
    with open(SAMPLE / "kloe.csv", encoding="utf-8", newline="") as fh:
        kloe = list(csv.DictReader(fh))
    assert [k["number"] for k in kloe] == ["1", "2", "3", "4", "5"]
    assert all(k["title"] and k["description"] for k in kloe)


def test_sd010_one_row_per_agency_per_event_except_the_duplicate() -> None:
    seen = defaultdict(list)
    for t in read_truth():
        if t["event_id"]:
            seen[(t["file"], t["event_id"])].append(int(t["row"]))
    repeated = {k: v for k, v in seen.items() if len(v) > 1}
    assert list(repeated.values()) == [[27, 28]]
    assert next(iter(repeated))[0] == GP
