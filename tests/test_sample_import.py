"""End to end: every sample agency file imported, with counts worked out by hand from the
layouts described in sample_data/README.md (not from this code)."""

import csv
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ingest import import_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
PERIOD = (date(2019, 1, 1), date(2021, 11, 22))
TODAY = date(2026, 11, 26)

# file: (agency, rows read, records, quarantined rows, skipped rows)
EXPECTED = {
    "Chronology - Childrens Services FINAL.xlsx": (
        "Children's Social Care",
        119,
        109,
        [57, 119],
        [1, 2, 3, 4, 5, 28, 62, 63],
    ),
    "Police_chronology.csv": ("Police", 37, 34, [], [1, 22, 37]),
    "hv chron v2.docx": (
        "Health Visiting",
        81,
        77,
        [("table 1", 34)],
        [("table 1", 1), ("table 1", 33), ("table 2", 1)],
    ),
    "GP Surgery chronology.csv": ("GP", 53, 51, [50], [1]),
    "Hospital Trust - ED attendances.xlsx": ("Hospital", 20, 15, [14], [1, 9, 19, 20]),
    "school_chron.xlsx": ("School", 66, 61, [], [1, 2, 3, 28, 48]),
    "Housing chronology (Brackenford Homes).xlsx": ("Housing", 19, 18, [], [1]),
}
AGENCY_FILES = sorted(EXPECTED)


def positions(rows, with_sheet):
    return sorted((r.sheet, r.row) if with_sheet else r.row for r in rows)


@pytest.mark.parametrize("name", AGENCY_FILES)
def test_sd001_each_sample_file_accounts_for_every_row(name):
    agency, read, n_records, quarantined, skipped = EXPECTED[name]
    r = import_file(SAMPLE / name, period=PERIOD, today=TODAY)
    docx = name.endswith(".docx")
    assert r.agency == agency
    assert r.rows_read == read
    assert len(r.records) == n_records
    assert positions([q.provenance for q in r.quarantined], docx) == quarantined
    assert positions(r.skipped, docx) == skipped
    assert r.accounted


def test_sd002_problem_rows_are_flagged_as_the_readme_says():
    def flagged(name):
        r = import_file(SAMPLE / name, period=PERIOD, today=TODAY)
        return {x.provenance.row: {i.code for i in x.issues} for x in r.records if x.issues}

    csc = flagged("Chronology - Childrens Services FINAL.xlsx")
    assert "future_date" in csc[82]
    police = flagged("Police_chronology.csv")
    assert "outside_period" in police[2] and "ambiguous_date" in police[2]
    assert "month_first_date" in police[16]
    gp = flagged("GP Surgery chronology.csv")
    assert "outside_period" in gp[2]
    assert "duplicate_row" in gp[28]
    housing = flagged("Housing chronology (Brackenford Homes).xlsx")
    assert housing == {13: {"end_before_start"}}


def test_sd003_every_truth_row_is_a_record_or_quarantined_row_at_that_position():
    truth = list(csv.DictReader((SAMPLE / "truth.csv").open(encoding="utf-8")))
    seen = set()
    for name in AGENCY_FILES:
        r = import_file(SAMPLE / name, period=PERIOD, today=TODAY)
        for p in [x.provenance for x in r.records] + [q.provenance for q in r.quarantined]:
            seen.add((name, p.sheet, p.row))
    wanted = {(t["file"], t["sheet"], int(t["row"])) for t in truth}
    assert wanted == seen


def test_sd004_cli_imports_every_agency_file_and_exits_zero(tmp_path):
    out = tmp_path / "out.csv"
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "timeline",
            "import",
            *(str(SAMPLE / n) for n in AGENCY_FILES),
            "--period",
            "01/01/2019:22/11/2021",
            "-o",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert len(rows) == 365 + 5  # records + quarantined rows; skipped rows are reported only
    assert sum(r["status"] == "quarantined" for r in rows) == 5
    for name, (_, read, n_records, q, s) in EXPECTED.items():
        assert f"{name}: {read} rows read = {n_records} records" in res.stderr
