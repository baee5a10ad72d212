"""The column-wise path for a CSV's plain rows (ingest/rowfast.py) makes exactly the
records the row loop makes row by row: every field, the provenance and its raw cells,
the issues, the quarantined and skipped rows, in the same order. Each file below mixes
plain rows with the row loop's special cases; the test imports it both ways."""

from __future__ import annotations

import csv
from datetime import date, time

import pytest

import ingest.rowfast as rowfast
import ingest.rowloop as rowloop
from ingest import import_file
from ingest.records import stable_record_id

TODAY = date(2026, 1, 1)


def _write(tmp_path, name, rows, delimiter=","):
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def _prov(p):
    return (p.file_name, p.file_sha256, p.sheet, p.row, list(p.raw.items()), p.rows)


def _dump(fi):
    return {
        "records": [
            (
                r.record_id,
                r.agency,
                r.date,
                r.description,
                _prov(r.provenance),
                r.outcome,
                r.practitioner,
                r.source,
                r.reference,
                r.significance,
                r.event_type,
                list(r.extra.items()),
                r.issues,
            )
            for r in fi.records
        ],
        "quarantined": [(q.agency, _prov(q.provenance), q.issues) for q in fi.quarantined],
        "skipped": fi.skipped,
        "notes": fi.notes,
        "agency": (fi.agency, fi.agency_source),
    }


def _both_ways(monkeypatch, path, **kwargs):
    """(output with the column-wise path, output row by row, rows the path made)."""
    made = []
    real = rowloop.plain_records

    def spy(*args, **kw):
        out = real(*args, **kw)
        made.extend(r for r in out or () if r is not None)
        return out

    monkeypatch.setattr(rowloop, "plain_records", spy)
    fast = import_file(path, today=TODAY, **kwargs)
    monkeypatch.setattr(rowfast, "ENABLED", False)
    slow = import_file(path, today=TODAY, **kwargs)
    monkeypatch.setattr(rowfast, "ENABLED", True)
    assert fast.accounted and slow.accounted
    return _dump(fast), _dump(slow), made


HEADER = ["Date", "Time", "Event / Contact", "Outcome", "Worker", "Notes"]
MIXED = [
    ["Children's Social Care chronology (fictional)"],
    HEADER,
    ["03/02/2021", "10:15", "Home visit, child seen", "NFA", "SW Ambrel", ""],
    ["03/02/2021", "10:15", "Home visit, child seen", "NFA", "SW Ambrel", ""],  # repeat
    ["04/02/2021", "", "Strategy discussion with police about the referral", "", "TM", "x"],
    ["", "", "(cont.) agreed a section 47 enquiry and a joint visit", "", "", ""],
    ['"', "14:00", "Core group meeting", "Plan reviewed", "IRO", ""],  # ditto
    ["05/02/2021", "about 3pm", "Phone call from school DSL", "", "SW2", ""],  # approx
    ["06/02/2021", "25:99", "ED attendance, head injury", "", "SW3", ""],  # bad time
    ["07/02/2021", "09:00", "", "Outcome only", "SW4", ""],  # no description
    ["not a date", "09:00", "WNB to clinic", "", "SW5", ""],  # quarantined
    ["08/02/2021 16:30", "09:00", "Date with its own time", "", "SW6", ""],
    ["09/02/2021", "11:00", "Short row"],  # fewer cells than the header
    ["10/02/2021", "12:00", "Long row", "", "SW7", "", "beyond the header"],
    ["11/02/2014", "", "Before the review period", "", "SW8", ""],
    ["12/02/2030", "", "After today", "", "SW9", ""],
    ["March 2021", "", "A month only", "", "SW10", ""],
    ["13/02/2021", "", "", "", "", ""],
    ["", "", "", "", "", ""],
    ["14/02/2021", "  08:05 ", "  Padded cells  ", " NFA ", " SW11 ", "  kept  "],
    ["Page 1 of 2", "", "", "", "", ""],
    *[[f"{d:02d}/03/2021", f"1{d % 10}:30", f"Visit {d}", "", f"SW{d}", ""] for d in range(1, 29)],
]


def test_sc001_a_mixed_file_is_the_same_both_ways(monkeypatch, tmp_path):
    path = _write(tmp_path, "mixed.csv", MIXED)
    fast, slow, made = _both_ways(monkeypatch, path, period=(date(2020, 1, 1), date(2022, 1, 1)))
    assert fast == slow
    assert len(made) >= 28  # most rows went the column-wise way
    rows = {r[4][3]: r for r in fast["records"]}
    visit = rows[22]  # "01/03/2021", "11:30": the first of the plain rows at the end
    assert visit[2].start == date(2021, 3, 1) and visit[2].time == time(11, 30)
    assert visit[2].precision == "exact" and visit[3] == "Visit 1" and visit[6] == "SW1"
    # the long row widens the table to seven columns (the seventh has no header)
    assert [k for k, _ in visit[4][4]] == [*HEADER, "Column 7"]
    want = stable_record_id(visit[1], [*MIXED[21], ""], 0)
    assert visit[0] == want
    padded = rows[20]
    assert padded[3] == "Padded cells" and padded[11] == [("Notes", "kept")]
    assert padded[2].time == time(8, 5)
    assert any(i.code == "duplicate_row" for i in rows[4][12])
    assert rows[4][0] != rows[3][0]  # the repeat's own id
    assert rows[5][4][5] == (5, 6)  # the continuation row joined to its entry


@pytest.mark.parametrize("month_first", [False, True])
def test_sc002_dates_read_month_first_or_mixed_are_the_same(monkeypatch, tmp_path, month_first):
    rows = [["Date", "Entry", "Outcome"]]
    for i in range(1, 40):
        day = f"{i % 28 + 1:02d}"
        d = f"{i % 12 + 1:02d}/{day}/2021" if month_first else f"{day}/05/2021"
        rows.append([d, f"Entry {i}", "NFA"])
    rows.append(["12/25/2021", "Only month-first", "NFA"])
    fast, slow, made = _both_ways(monkeypatch, _write(tmp_path, "order.csv", rows))
    assert fast == slow
    assert made


def test_sc003_agency_column_and_sections_are_the_same(monkeypatch, tmp_path):
    rows = [["Date", "Agency", "Details", "Outcome"]]
    for i in range(1, 20):
        agency = ("Police", "GP", "", "Tamsford Recovery Partnership")[i % 4]
        rows.append([f"{i:02d}/06/2021", agency, f"Contact number {i}", "NFA"])
    fast, slow, made = _both_ways(monkeypatch, _write(tmp_path, "multi.csv", rows))
    assert fast == slow
    assert {r.agency for r in made} >= {"Police", "GP"}

    sections = [["Date", "Details", "Outcome"], ["POLICE", "", ""]]
    sections += [[f"{i:02d}/06/2021", f"Police entry {i}", "NFA"] for i in range(1, 6)]
    sections += [["GP", "", ""]]
    sections += [[f"{i:02d}/07/2021", f"GP entry {i}", "NFA"] for i in range(1, 6)]
    path = _write(tmp_path, "compiled.csv", sections)
    fast, slow, _ = _both_ways(monkeypatch, path, agency="Children's Social Care")
    assert fast == slow


def test_sc004_practitioner_roles_and_outcome_marks_are_the_same(monkeypatch, tmp_path):
    rows = [["Date", "Details / outcome", "Practitioner"]]
    for i in range(1, 30):
        who = ("Health Visitor K Arnell", "PC 4411 Dunmore", "GP Dr Sollis")[i % 3]
        text = f"Visit {i} done. Outcome: NFA" if i % 2 else f"1435hrs - Call {i}. Plan: review"
        rows.append([f"{i:02d}/08/2021", text, who])
    fast, slow, made = _both_ways(monkeypatch, _write(tmp_path, "roles.csv", rows))
    assert fast == slow
    assert made
    split = next(r for r in made if r.description == "Visit 1 done")
    assert split.outcome == "NFA"
    timed = next(r for r in made if r.description.startswith("1435hrs"))
    assert timed.date.time == time(14, 35)


def test_sc005_stripped_cells_are_made_once_and_match_cell_text(tmp_path):
    from ingest.readers.base import RawTable, cell_text

    rows = [[" a ", "b", ""], ["\tc", " ", "d  "]]
    raw = RawTable("", rows, [("", 1), ("", 2)], all_text=True)
    first = raw.stripped()
    assert first == [tuple(cell_text(v) for v in r) for r in rows]
    assert raw.stripped() is first
    with pytest.raises(AssertionError):
        RawTable("", [[1]], [("", 1)]).stripped()


def test_sc006_cells_beyond_the_header_and_their_repeats_are_the_same(monkeypatch, tmp_path):
    rows = [["Date", "Details", "Outcome"]]
    rows += [[f"{i % 28 + 1:02d}/09/2021", f"Entry {i}", "NFA"] for i in range(420)]
    rows.append(["01/10/2021", "Entry with more", "NFA", "written beyond the header"])
    rows.append(["01/10/2021", "Entry with more", "NFA"])  # the same cells, within it
    fast, slow, made = _both_ways(monkeypatch, _write(tmp_path, "wide.csv", rows))
    assert fast == slow
    assert len(made) == 420
    beyond, again = fast["records"][-2:]
    assert ("(beyond header)", "written beyond the header") in beyond[4][4]
    assert any(i.code == "duplicate_row" for i in again[12])
