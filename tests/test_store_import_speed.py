"""The bulk save of an import (Core INSERTs, no ORM object per row) stores what the ORM
path stored: every column of every record, quarantined row, source file, singleton event
and event member, read back through the store's own readers, on SQLite and PostgreSQL.

Expected values are written out from the input below, not computed by the store.
"""

from __future__ import annotations

from datetime import date, time

import pytest

from ingest.records import (
    DateInterval,
    FileImport,
    Issue,
    Provenance,
    QuarantinedRow,
    SourceRecord,
)
from timeline.store import LOCAL_OPERATOR, InvalidInput

from .test_store_helpers import db, make_import, store  # noqa: F401

OP = LOCAL_OPERATOR
SHA = "ab" * 32


def _rec(rid: str, agency: str, day: date, text: str, row: int, **kw) -> SourceRecord:
    raw = kw.pop("raw", {"Date": day.strftime("%d/%m/%Y"), "Entry": text})
    cont = kw.pop("continued", ())
    dkw = kw.pop("date", {})
    return SourceRecord(
        record_id=rid,
        agency=agency,
        date=DateInterval(day, dkw.pop("end", day), dkw.pop("precision", "day"), **dkw),
        description=text,
        provenance=Provenance("Riverton_chronology.csv", SHA, "", row, raw, tuple(cont)),
        **kw,
    )


def _file() -> FileImport:
    records = [
        _rec("rec-a", "Police", date(2021, 3, 4), "Home visit, child seen", 2),
        _rec(
            "rec-b",
            "Police",
            date(2021, 3, 1),
            "Strategy discussion",
            3,
            date={
                "end": date(2021, 3, 31),
                "precision": "month",
                "approximate": True,
                "time": time(14, 30),
                "alternative": (date(2021, 1, 3), date(2021, 1, 3)),
                "note": "read as 01/03, could be 03/01",
            },
            outcome="Section 47 agreed",
            practitioner="DC Ash Fenwick",
            source="Niche",
            reference="OP/0042",
            significance="high",
            extra={"Seen by": "DS Holt", "Logged": date(2021, 3, 2), "Count": 3},
            continued=(4, 5),
            issues=[Issue("date.ambiguous", "day and month could be swapped", "Date")],
        ),
        _rec(
            "rec-c",
            " School ",
            date(2021, 2, 9),
            "Phone call from school DSL",
            6,
            raw={"Date": "09/02/2021", "Entry": "Phone call from school DSL", "": ""},
        ),
    ]
    quarantined = [
        QuarantinedRow(
            agency="Police",
            provenance=Provenance("Riverton_chronology.csv", SHA, "", 7, {"Date": "31/02/21"}),
            issues=[
                Issue("date.unreadable", "the date '31/02/21' cannot be read", "Date", "error")
            ],
        )
    ]
    return FileImport(
        file_name="Riverton_chronology.csv",
        file_sha256=SHA,
        agency="Police",
        agency_source="column",
        sheet="",
        header_row=1,
        columns=[],
        records=records,
        quarantined=quarantined,
        skipped=[],
        rows_read=8,
    )


def test_saved_rows_hold_every_value_of_the_file(store):  # noqa: F811
    rid = store.reviews.create_review(OP, "Riverton review (fictional)")
    [res] = store.records.import_results(OP, rid, [_file()])
    assert (res["added"], res["kept"], res["withdrawn"], res["quarantined"]) == (3, 0, 0, 1)
    assert res["new_events"] == 3

    [sf] = store.records.list_source_files(OP, rid)
    assert sf["id"] == res["source_file_id"]
    assert (sf["records_count"], sf["need_review_count"], sf["quarantined_count"]) == (3, 1, 1)
    assert sf["agency"] == "Police"
    agencies = {a["name"]: a["id"] for a in store.records.list_agencies(OP, rid)}
    assert set(agencies) == {"Police", "School"}

    recs = {r["record_id"]: r for r in store.records.list_records(OP, rid)}
    assert list(recs) == ["rec-c", "rec-b", "rec-a"]  # by date_start
    # ids follow the file's order, as the ORM path gave them
    assert recs["rec-a"]["id"] < recs["rec-b"]["id"] < recs["rec-c"]["id"]
    b = recs["rec-b"]
    assert {k: v for k, v in b.items() if k not in ("id", "event_id")} == {
        "record_id": "rec-b",
        "agency": "Police",
        "agency_id": agencies["Police"],
        "source_file_id": sf["id"],
        "status": "needs_review",
        "date_start": date(2021, 3, 1),
        "date_end": date(2021, 3, 31),
        "date_precision": "month",
        "date_approximate": True,
        "time": time(14, 30),
        "date_alternative": (date(2021, 1, 3), date(2021, 1, 3)),
        "date_note": "read as 01/03, could be 03/01",
        "description": "Strategy discussion",
        "outcome": "Section 47 agreed",
        "practitioner": "DC Ash Fenwick",
        "source": "Niche",
        "reference": "OP/0042",
        "significance": "high",
        "extra": {"Seen by": "DS Holt", "Logged": "2021-03-02", "Count": 3},
        "provenance": {
            "file_name": "Riverton_chronology.csv",
            "file_sha256": SHA,
            "sheet": "",
            "row": 3,
            "raw": {"Date": "01/03/2021", "Entry": "Strategy discussion"},
            "continued_rows": [4, 5],
        },
        "issues": [
            {
                "code": "date.ambiguous",
                "message": "day and month could be swapped",
                "column": "Date",
                "severity": "warning",
            }
        ],
    }
    a, c = recs["rec-a"], recs["rec-c"]
    assert (a["status"], a["time"], a["date_alternative"], a["date_approximate"]) == (
        "imported",
        None,
        None,
        False,
    )
    assert (a["outcome"], a["extra"], a["issues"], a["provenance"]["continued_rows"]) == (
        "",
        {},
        [],
        [],
    )
    assert c["agency"] == "School" and c["agency_id"] == agencies["School"]
    assert c["provenance"]["raw"] == {
        "Date": "09/02/2021",
        "Entry": "Phone call from school DSL",
        "": "",
    }

    # one singleton event per record, holding exactly that record
    events = store.records.list_events(OP, rid)
    assert sorted(e["merged_id"] for e in events) == ["r-rec-a", "r-rec-b", "r-rec-c"]
    for e in events:
        rec = recs[e["merged_id"][2:]]
        assert e["record_ids"] == [rec["record_id"]]
        assert e["record_pks"] == [rec["id"]]
        assert rec["event_id"] == e["id"]
        assert (e["confidence"], e["evidence"]) == (1.0, {})
        assert e["created_at"]
    # events were made in the records' order
    by_record = {e["record_ids"][0]: e["id"] for e in events}
    assert by_record["rec-a"] < by_record["rec-b"] < by_record["rec-c"]

    [q] = store.records.list_quarantined(OP, rid)
    assert {
        k: q[k]
        for k in (
            "source_file_id",
            "agency_id",
            "agency",
            "prov_row",
            "prov_raw",
            "prov_sheet",
            "prov_file_sha256",
            "reason",
            "issues",
        )
    } == {
        "source_file_id": sf["id"],
        "agency_id": agencies["Police"],
        "agency": "Police",
        "prov_row": 7,
        "prov_raw": {"Date": "31/02/21"},
        "prov_sheet": "",
        "prov_file_sha256": SHA,
        "reason": "the date '31/02/21' cannot be read",
        "issues": [
            {
                "code": "date.unreadable",
                "message": "the date '31/02/21' cannot be read",
                "column": "Date",
                "severity": "error",
            }
        ],
    }


def test_replacement_keeps_withdraws_adds_and_reinstates(store):  # noqa: F811
    rid = store.reviews.create_review(OP, "Riverton review (fictional)")
    days = [(date(2022, 1, d), f"Core group meeting {d}") for d in range(1, 7)]
    v1 = make_import("Housing", days, file_name="housing.xlsx", sha="1" * 64)
    [r1] = store.records.import_results(OP, rid, [v1])
    first = {r["record_id"]: r for r in store.records.list_records(OP, rid)}
    # v2: drops day 6, adds day 7; v3 brings day 6 back and drops day 7
    v2 = make_import(
        "Housing",
        days[:5] + [(date(2022, 1, 7), "ICPC held")],
        file_name="housing.xlsx",
        sha="2" * 64,
    )
    [r2] = store.records.import_results(
        OP, rid, [v2], replaces={"housing.xlsx": r1["source_file_id"]}
    )
    assert (r2["added"], r2["kept"], r2["withdrawn"], r2["reinstated"]) == (1, 5, 1, 0)
    assert r2["new_events"] == 1
    now = {r["record_id"]: r for r in store.records.list_records(OP, rid, include_withdrawn=True)}
    gone = v1.records[5].record_id
    new = v2.records[5].record_id
    assert now[gone]["status"] == "withdrawn" and now[gone]["id"] == first[gone]["id"]
    for rec in v1.records[:5]:  # same row, same event, now filed under the new file
        assert now[rec.record_id]["id"] == first[rec.record_id]["id"]
        assert now[rec.record_id]["event_id"] == first[rec.record_id]["event_id"]
        assert now[rec.record_id]["source_file_id"] == r2["source_file_id"]
    assert now[new]["status"] == "imported" and now[new]["event_id"] is not None
    v3 = make_import("Housing", days, file_name="housing.xlsx", sha="3" * 64)
    [r3] = store.records.import_results(
        OP, rid, [v3], replaces={"housing.xlsx": r2["source_file_id"]}
    )
    assert (r3["added"], r3["kept"], r3["withdrawn"], r3["reinstated"]) == (0, 5, 1, 1)
    final = {r["record_id"]: r for r in store.records.list_records(OP, rid, include_withdrawn=True)}
    assert final[gone]["status"] == "imported" and final[gone]["id"] == first[gone]["id"]
    assert final[new]["status"] == "withdrawn"
    assert len(store.records.list_events(OP, rid)) == 7


def test_all_files_or_none(store):  # noqa: F811
    rid = store.reviews.create_review(OP, "Riverton review (fictional)")
    good = make_import(
        "GP", [(date(2020, 5, 1), "WNB to clinic")], file_name="gp.csv", quarantined=1
    )
    bad = make_import("Hospital", [(date(2020, 6, 1), "ED attendance")], file_name="ed.csv")
    bad.records.append(bad.records[0])  # two records share a record id: refused
    with pytest.raises(InvalidInput):
        store.records.import_results(OP, rid, [good, bad])
    assert store.records.list_records(OP, rid) == []
    assert store.records.list_quarantined(OP, rid) == []
    assert store.records.list_events(OP, rid) == []
    assert store.records.list_source_files(OP, rid) == []


def test_a_big_file_gets_one_event_per_record(store):  # noqa: F811
    rid = store.reviews.create_review(OP, "Riverton review (fictional)")
    rows = [(date(2019, 1, 1 + i % 28), f"Home visit {i}") for i in range(1200)]
    [res] = store.records.import_results(OP, rid, [make_import("Police", rows, quarantined=2)])
    assert (res["added"], res["new_events"], res["quarantined"]) == (1200, 1200, 2)
    recs = store.records.list_records(OP, rid)
    assert sorted(r["description"] for r in recs) == sorted(d for _, d in rows)
    events = {e["id"]: e for e in store.records.list_events(OP, rid)}
    assert len(events) == 1200
    for r in recs:
        assert events[r["event_id"]]["record_ids"] == [r["record_id"]]
        assert events[r["event_id"]]["merged_id"] == "r-" + r["record_id"]
    assert [q["prov_row"] for q in store.records.list_quarantined(OP, rid)] == [1202, 1203]


def test_kept_rows_take_the_new_files_rows_and_hash(store):  # noqa: F811
    rid = store.reviews.create_review(OP, "Riverton review (fictional)")
    days = [(date(2023, 4, d), f"Core group meeting {d}") for d in range(1, 5)]
    v1 = make_import("Probation", days, file_name="probation.csv", sha="4" * 64)
    [r1] = store.records.import_results(OP, rid, [v1])
    # the new version lost its first row: the others moved up a row
    v2 = make_import("Probation", days[1:], file_name="probation.csv", sha="5" * 64)
    [r2] = store.records.import_results(
        OP, rid, [v2], replaces={"probation.csv": r1["source_file_id"]}
    )
    assert (r2["kept"], r2["withdrawn"], r2["added"]) == (3, 1, 0)
    recs = {
        r["description"]: r for r in store.records.list_records(OP, rid, include_withdrawn=True)
    }
    assert recs["Core group meeting 1"]["status"] == "withdrawn"
    assert recs["Core group meeting 1"]["provenance"]["row"] == 2
    assert recs["Core group meeting 1"]["provenance"]["file_sha256"] == "4" * 64
    assert recs["Core group meeting 1"]["source_file_id"] == r1["source_file_id"]
    for n, row in ((2, 2), (3, 3), (4, 4)):
        r = recs[f"Core group meeting {n}"]
        assert (r["status"], r["provenance"]["row"], r["provenance"]["file_sha256"]) == (
            "imported",
            row,
            "5" * 64,
        )
        assert r["source_file_id"] == r2["source_file_id"]
