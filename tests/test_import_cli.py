"""`python -m timeline import`, run as a user would run it."""

import csv
import subprocess
import sys
from pathlib import Path

import openpyxl

from tests.builders import write_csv, write_xlsx

ROOT = Path(__file__).resolve().parents[1]


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "timeline", *map(str, args)],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def read_out(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_ic001_writes_records_and_quarantined_rows_with_reasons(tmp_path):
    police = write_csv(
        tmp_path / "Police_chronology.csv",
        [
            ["Date/Time", "Occurrence", "Action taken"],
            ["12/03/2021 14:35", '=HYPERLINK("http://x") DA incident', "DASH medium"],
            ["unknown", "Call from neighbour", ""],
            ["13/03/2021", "-ve outcome recorded", "@mention"],
        ],
        encoding="cp1252",
        delimiter=";",
    )
    out = tmp_path / "out.csv"
    res = run("import", police, "-o", out)
    assert res.returncode == 0, res.stderr
    rows = read_out(out)
    assert [r["source_row"] for r in rows] == ["2", "3", "4"]
    assert [r["status"] for r in rows] == ["imported", "quarantined", "imported"]
    first, bad, third = rows
    assert first["event_date"] == "2021-03-12" and first["event_time"] == "14:35"
    assert first["date_precision"] == "exact" and first["agency"] == "Police"
    assert first["source_file"] == "Police_chronology.csv" and first["source_sheet"] == ""
    # formula-safe: the text is kept behind an apostrophe, so no spreadsheet runs it
    assert first["description"] == '\'=HYPERLINK("http://x") DA incident'
    assert third["description"] == "'-ve outcome recorded" and third["outcome"] == "'@mention"
    assert "unknown" in bad["issues"] and bad["description"] == "Call from neighbour"
    assert "4 rows read = 2 records" in res.stderr


def test_ic002_xlsx_output_keeps_formula_text_as_text(tmp_path):
    src = write_csv(tmp_path / "gp.csv", [["Date", "Entry"], ["12/03/2021", "=1+1"]])
    out = tmp_path / "out.xlsx"
    assert run("import", src, "-o", out).returncode == 0
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    cell = ws.cell(row=2, column=header.index("description") + 1)
    assert cell.value == "=1+1" and cell.data_type == "s"


def test_ic003_agency_option_by_base_name_or_path_and_period(tmp_path):
    a = write_csv(
        tmp_path / "export1.csv",
        [["Date", "Entry"], ["12/03/2021", "Visit"], ["12/03/2017", "Old visit"]],
    )
    b = write_csv(tmp_path / "export2.csv", [["Date", "Entry"], ["13/03/2021", "Call"]])
    out = tmp_path / "o.csv"
    res = run(
        "import",
        a,
        b,
        "--agency",
        "export1.csv=Housing",
        "--agency",
        f"{b}=probation",
        "--period",
        "01/01/2019:31/12/2022",
        "-o",
        out,
    )
    assert res.returncode == 0, res.stderr
    rows = read_out(out)
    assert [r["agency"] for r in rows] == ["Housing", "Housing", "Probation"]
    assert "outside the review period" in rows[1]["issues"]


def test_ic004_a_bad_file_is_named_and_exits_non_zero_after_writing_the_others(tmp_path):
    good = write_xlsx(
        tmp_path / "school_chron.xlsx",
        {"S": [["When", "What happened"], ["12/03/2021", "Encompass"]]},
    )
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"this is not a workbook")
    out = tmp_path / "o.csv"
    res = run("import", good, bad, "-o", out)
    assert res.returncode == 1
    assert "error: 'broken.xlsx'" in res.stderr and "Traceback" not in res.stderr
    assert [r["agency"] for r in read_out(out)] == ["School"]


def test_ic005_bad_arguments_are_clear(tmp_path):
    src = write_csv(tmp_path / "gp.csv", [["Date", "Entry"], ["12/03/2021", "x"]])
    res = run("import", src, "--period", "2021", "-o", tmp_path / "o.csv")
    assert res.returncode == 2 and "FROM:TO" in res.stderr
    res = run("import", src, "-o", tmp_path / "o.txt")
    assert res.returncode == 2 and "use a .csv or .xlsx" in res.stderr
    assert "Traceback" not in res.stderr


def test_ic006_a_saved_profile_is_reused_by_later_imports(tmp_path):
    src = write_csv(
        tmp_path / "Housing chron.csv",
        [["When", "Blurb", "Who"], ["12/03/2021", "Tenancy visit", "HO1"]],
    )
    out = tmp_path / "o.csv"
    first = run("import", src, "-o", out)  # unknown headers: the content places the text
    assert first.returncode == 0, first.stderr
    (row,) = read_out(out)
    assert row["description"] == "Tenancy visit" and row["practitioner"] == ""
    saved = run(
        "profile",
        "save",
        "--agency",
        "Housing",
        "--column",
        "Blurb=description",
        "--column",
        "Who=practitioner",
        "-o",
        tmp_path / "profiles",
    )
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.strip().endswith("housing.json")
    again = run("import", src, "--profiles-dir", tmp_path / "profiles", "-o", out)
    assert again.returncode == 0, again.stderr
    (row,) = read_out(out)
    assert (row["description"], row["practitioner"]) == ("Tenancy visit", "HO1")
    bad = run("profile", "save", "--agency", "Housing", "--column", "Blurb=colour", "-o", tmp_path)
    assert bad.returncode == 2 and "unknown field" in bad.stderr
