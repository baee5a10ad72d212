"""The CSV import's inlined fast paths build exactly what the general forms build."""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from datetime import date, time

import pytest

from ingest import import_file
from ingest.readers.csv_reader import first_lines
from ingest.records import DateInterval, Provenance, SourceRecord, make_interval, stable_record_id
from tests.builders import write_csv

TODAY = date(2026, 11, 26)


def test_cs001_slot_built_interval_is_a_plain_frozen_date_interval():
    args = (date(2021, 3, 12), date(2021, 3, 12), "exact", False, time(9, 5), None, "")
    fast = make_interval(*args)
    assert type(fast) is DateInterval
    assert fast == DateInterval(*args) and hash(fast) == hash(DateInterval(*args))
    assert pickle.loads(pickle.dumps(fast)) == fast
    assert dataclasses.replace(fast, precision="day") == DateInterval(*args[:2], "day", *args[3:])
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.note = "changed"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a",
        "a\r\nb\rc\nd",
        ("x" * 16383 + "\r\n" + "y\n") * 40,  # a line break split by the prefix
        "".join(f"line {i}\u2028" if i % 3 else f"line {i}\r" for i in range(5000)),
        "\n" * 31 + "tail",
        "one very long line " * 5000 + "\nsecond",
    ],
)
def test_cs002_first_lines_are_the_texts_first_lines(text):
    for n in (1, 2, 30):
        assert first_lines(text, n) == text.splitlines()[:n]


def test_cs003_records_have_the_general_ids_provenance_and_every_field(tmp_path):
    rows = [["Date", "Time", "Agency", "Details", "Outcome", "Worker", "Colour"]]
    rows += [
        ["12/03/2021", "14:35", "Police", "Visit", "NFA", "PC1", "kept"],
        ["12/03/2021", "14:35", "Police", "Visit", "NFA", "PC1", "kept"],  # a repeat
        ["12/03/2021", "14:35", "Police", "Visit", "NFA", "PC1", "kept"],
        ["13/03/2021", "approx 3pm", "GP", "Seen in clinic", "", "Dr A", ""],
        ["14/03/2021", "", "", "Call", "Plan made", "", "n"],
        ["2030-01-01", "09:00", "GP", "Future", "", "", ""],
    ]
    path = write_csv(tmp_path / "compiled chronology.csv", rows)
    result = import_file(path, agency=None, today=TODAY)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    assert result.accounted and len(result.records) == 6
    names = [f.name for f in dataclasses.fields(SourceRecord)]
    for rec, row_no in zip(result.records, range(2, 8), strict=True):
        cells = tuple(rows[row_no - 1])
        assert rec.provenance == Provenance(path.name, sha, "", row_no, dict(zip(rows[0], cells)))
        occurrence = {3: 1, 4: 2}.get(row_no, 0)
        assert rec.record_id == stable_record_id(rec.agency, cells, occurrence)
        assert dataclasses.replace(rec) == rec  # every slot filled
        assert all(getattr(rec, n) is not None for n in names)
    police, repeat = result.records[0], result.records[1]
    assert police.agency == "Police" and police.outcome == "NFA" and police.practitioner == "PC1"
    assert police.extra == {"Colour": "kept"} and police.date.time == time(14, 35)
    assert [i.code for i in repeat.issues] == ["duplicate_row"]
    assert result.records[3].date.approximate and result.records[3].date.time == time(15, 0)
    assert [i.code for i in result.records[5].issues] == ["future_date"]
    # a record's lists and dicts are its own
    assert police.issues is not result.records[2].issues
    assert police.extra is not result.records[2].extra


def test_cs004_a_date_read_once_is_checked_on_every_row_that_needs_it(tmp_path):
    rows = [["Date", "Time", "Event"]]
    rows += [["01/03/2018", "10:00", "Before the period"], ["01/03/2018", "", "Again, untimed"]]
    rows += [["02/03/2021", "approx 3pm", "Inside"], ["02/03/2021", "11:00", "Inside, timed"]]
    rows += [["03/04/2027", "09:00", "Future"], ["03/04/2027", "", "Future again"]]
    path = write_csv(tmp_path / "GP.csv", rows)
    period = (date(2019, 1, 1), date(2021, 12, 31))
    result = import_file(path, agency="GP", today=TODAY, period=period)
    codes = {r.description: [i.code for i in r.issues] for r in result.records}
    assert codes == {
        "Before the period": ["outside_period"],
        "Again, untimed": ["outside_period"],
        "Inside": [],
        "Inside, timed": [],
        "Future": ["outside_period", "future_date"],
        "Future again": ["outside_period", "future_date"],
    }
    inside = result.records[2].date
    assert inside.approximate and inside.time == time(15, 0) and inside.precision == "exact"
