"""`python -m timeline merge`, run as a user would run it."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from tests.builders import write_csv
from timeline import merge_cli


def run_merge(argv: list[str]) -> int:
    # The lead wires merge_cli into `python -m timeline`; here the parser is built the
    # same way, so the test does not depend on that wiring.
    parser = argparse.ArgumentParser(prog="timeline")
    sub = parser.add_subparsers(dest="command", required=True)
    merge_cli.add_parser(sub)
    args = parser.parse_args(["merge", *argv])
    return args.handler(args)


def read_out(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def agency_files(tmp_path: Path) -> list[Path]:
    police = write_csv(
        tmp_path / "police.csv",
        [
            ["Date", "Event"],
            ["12/03/2021", "Strategy discussion held, police and CSC agreed s47"],
            ["20/03/2021", "Attended DA incident at home address, male arrested"],
            ["not a date", "Call from neighbour"],
        ],
    )
    csc = write_csv(
        tmp_path / "csc.csv",
        [
            ["Date", "Event"],
            ["13/03/2021", "Strategy meeting - S47 enquiry agreed"],
            ["23/03/2021", "PPN received re DA incident on 20th March"],
            ["01/04/2021", "Home visit - children seen"],
        ],
    )
    hv = write_csv(
        tmp_path / "hv.csv",
        [
            ["Date", "Event"],
            ["14/03/2021", "Attended strat disc re Child"],
            ["08/04/2021", "Home visit. Baby weighed, mother low in mood"],
        ],
    )
    return [police, csc, hv]


AGENCIES = [
    "--agency",
    "police.csv=Police",
    "--agency",
    "csc.csv=Children's Social Care",
    "--agency",
    "hv.csv=Health Visiting",
]


def test_mcli001_merge_writes_one_row_per_record_with_merged_ids(tmp_path):
    files = agency_files(tmp_path)
    out = tmp_path / "merged.csv"
    assert run_merge([*map(str, files), *AGENCIES, "-o", str(out)]) == 0
    rows = read_out(out)
    for col in (
        "merged_id",
        "event_date",
        "agency",
        "description",
        "source_file",
        "source_sheet",
        "source_row",
        "match_confidence",
        "status",
    ):
        assert col in rows[0]
    assert len(rows) == 8  # 7 records + 1 quarantined row
    by_text = {r["description"]: r for r in rows}
    strategy = [
        by_text["Strategy discussion held, police and CSC agreed s47"],
        by_text["Strategy meeting - S47 enquiry agreed"],
        by_text["Attended strat disc re Child"],
    ]
    assert len({r["merged_id"] for r in strategy}) == 1 and strategy[0]["merged_id"]
    assert {r["event_date"] for r in strategy} == {"2021-03-12"}
    assert by_text["Strategy meeting - S47 enquiry agreed"]["record_date"] == "2021-03-13"
    ppn = by_text["PPN received re DA incident on 20th March"]
    incident = by_text["Attended DA incident at home address, male arrested"]
    assert ppn["merged_id"] == incident["merged_id"]
    visit = by_text["Home visit - children seen"]
    assert visit["merged_id"] not in {r["merged_id"] for r in strategy}
    assert visit["records_in_event"] == "1"
    bad = rows[-1]
    assert bad["status"] == "quarantined" and bad["merged_id"] == ""
    assert bad["issues"] and bad["source_file"] == "police.csv" and bad["source_row"] == "4"


def test_mcli002_same_output_whatever_the_order_of_the_files(tmp_path):
    files = agency_files(tmp_path)
    out1, out2 = tmp_path / "a.csv", tmp_path / "b.csv"
    assert run_merge([*map(str, files), *AGENCIES, "-o", str(out1)]) == 0
    assert run_merge([*map(str, reversed(files)), *AGENCIES, "-o", str(out2)]) == 0
    assert out1.read_bytes() == out2.read_bytes()


def test_mcli003_xlsx_output_and_bad_output_name(tmp_path, capsys):
    import openpyxl

    files = agency_files(tmp_path)
    out = tmp_path / "merged.xlsx"
    assert run_merge([*map(str, files), *AGENCIES, "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header[:3] == ["merged_id", "event_date", "agency"] and ws.max_row == 9
    assert run_merge([str(files[0]), "-o", str(tmp_path / "x.txt")]) == 2
    assert "csv or .xlsx" in capsys.readouterr().err


def test_mcli004_a_meetings_minutes_row_names_the_meeting_it_follows_up(tmp_path):
    files = agency_files(tmp_path)
    write_csv(
        files[2],
        [
            ["Date", "Event"],
            ["14/03/2021", "Attended strat disc re Child"],
            ["25/03/2021", "Minutes of strategy meeting received"],
        ],
    )
    out = tmp_path / "merged.csv"
    assert run_merge([*map(str, files), *AGENCIES, "-o", str(out)]) == 0
    by_text = {r["description"]: r for r in read_out(out)}
    minutes = by_text["Minutes of strategy meeting received"]
    meeting = by_text["Strategy meeting - S47 enquiry agreed"]
    assert minutes["merged_id"] != meeting["merged_id"]
    assert minutes["follows_up_event"] == meeting["merged_id"]
    assert "12 Mar 2021" in minutes["relation"] or "13 Mar 2021" in minutes["relation"]
    assert meeting["follows_up_event"] == "" and meeting["relation"] == ""
    # the meeting's row names the event that follows it up: related, not merged
    assert meeting["followed_up_by"] == minutes["merged_id"]
