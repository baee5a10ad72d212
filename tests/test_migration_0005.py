# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""Migration 0005 carries existing imports over: a database made at 0004 whose records
carry joined continuation rows only in their raw cells, and whose files say their agency
evidence, title block and date order only in the summary, upgraded to head on both
engines; a new import then stores the same things as values."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

import sqlalchemy as sa

from ingest import import_file
from timeline.store import LOCAL_OPERATOR
from timeline.store.migrate import upgrade
from timeline.store.service import Store

from .builders import write_csv
from .test_store_helpers import db  # noqa: F401

NOW = datetime(2026, 11, 30, 9, 0)
SUMMARY = (
    "school chron.csv: 6 rows read = 3 records (0 need review) + 0 quarantined + 3 skipped;"
    " agency School (title block)\n"
    "  agency: the title block says 'Agency: Brookfield Primary (fictional)'\n"
    "  title block: agency: Brookfield Primary (fictional); child: Robin; a date of birth "
    "(not an event)\n"
    "  dates in 'Date': read month-first: '03/25/2021' can only be month-first and no date "
    "in the column can only be day-first (override in the agency profile: date_order)\n"
    "  column 'Date': dates in 3 of 3 cells (confidence 0.95)"
)


def _made_at_0004(engine) -> dict:
    upgrade(engine, "0004_state_in_db")
    meta = sa.MetaData()
    meta.reflect(engine)
    t = meta.tables
    with engine.begin() as conn:
        rid = conn.execute(
            t["reviews"]
            .insert()
            .values(
                title="Review of Robin (fictional)",
                child_pseudonym="Robin",
                version=1,
                created_at=NOW,
            )
        ).inserted_primary_key[0]
        aid = conn.execute(
            t["agencies"].insert().values(review_id=rid, name="School")
        ).inserted_primary_key[0]
        files = {}
        for name, summary in (("school chron.csv", SUMMARY), ("old.csv", "old.csv: 2 rows")):
            files[name] = conn.execute(
                t["source_files"]
                .insert()
                .values(
                    review_id=rid,
                    agency_id=aid,
                    file_name=name,
                    sha256=hashlib.sha256(name.encode()).hexdigest(),
                    imported_at=NOW,
                    imported_by_label="lead@example.org",
                    agency_source="title block",
                    sheet="",
                    rows_read=6,
                    columns=[],
                    notes=[],
                    summary=summary,
                )
            ).inserted_primary_key[0]
        for record_id, raw in (
            (
                "a1",
                {"Date": "03/25/2021", "Details": "Robin upset", "(row 5)": "more", "(row 6)": "x"},
            ),
            ("a2", {"Date": "03/26/2021", "Details": "Call (row 3) home"}),
        ):
            conn.execute(
                t["source_records"]
                .insert()
                .values(
                    review_id=rid,
                    record_id=record_id,
                    agency_id=aid,
                    source_file_id=files["school chron.csv"],
                    status="imported",
                    date_start=date(2021, 3, 25),
                    date_end=date(2021, 3, 25),
                    date_precision="day",
                    date_approximate=False,
                    date_note="",
                    description=raw["Details"],
                    outcome="",
                    practitioner="",
                    source="",
                    reference="",
                    significance="",
                    extra={},
                    prov_file_name="school chron.csv",
                    prov_file_sha256="0" * 64,
                    prov_sheet="",
                    prov_row=4,
                    prov_raw=raw,
                    issues=[],
                )
            )
    return {"rid": rid, "files": files}


def test_mg005_upgrade_from_0004_carries_import_details_over(db, tmp_path):
    engine = Store.open(db.url, migrate=False, search_path=db.search_path).engine
    made = _made_at_0004(engine)
    upgrade(engine)
    store = Store(engine)
    try:
        op, rid = LOCAL_OPERATOR, made["rid"]
        by_name = {f["file_name"]: f for f in store.records.list_source_files(op, rid)}
        school = by_name["school chron.csv"]
        assert school["agency_evidence"] == (
            "the title block says 'Agency: Brookfield Primary (fictional)'"
        )
        assert school["title_block"] == {
            "agency": "Brookfield Primary (fictional)",
            "child": "Robin",
        }
        assert (school["date_order"], school["date_order_by"]) == ("month-first", "content")
        assert school["date_order_witness"] == "03/25/2021"
        assert school["date_order_note"].startswith("read month-first")
        old = by_name["old.csv"]  # the summary says nothing: nothing is guessed
        assert (old["date_order"], old["agency_evidence"], old["title_block"]) == ("", "", None)
        recs = {r["record_id"]: r for r in store.records.list_records(op, rid)}
        assert recs["a1"]["provenance"]["continued_rows"] == [5, 6]
        assert recs["a2"]["provenance"]["continued_rows"] == []  # "(row 3)" in a cell's text

        # a new import keeps the same things as values
        path = write_csv(
            tmp_path / "gp.csv",
            [
                ["Agency: Elm Tree Surgery (fictional)"],
                ["Date", "Details"],
                [
                    "12/25/2021",
                    "Seen in clinic by the practice nurse, who noted bruising to the arm",
                ],
                ["", "(cont.) and made a referral to children's services the same day"],
                ["01/03/2021", "Telephone review"],
            ],
        )
        fi = import_file(path, today=date(2026, 11, 30))
        (res,) = store.records.import_results(op, rid, [fi])
        f = {x["id"]: x for x in store.records.list_source_files(op, rid)}[res["source_file_id"]]
        assert f["title_block"]["agency"] == "Elm Tree Surgery (fictional)"
        assert f["agency_evidence"] == fi.agency_evidence and fi.agency_evidence
        assert (f["date_order"], f["date_order_by"], f["date_order_witness"]) == (
            "month-first",
            "content",
            "12/25/2021",
        )
        joined = [
            r
            for r in store.records.list_records(op, rid)
            if r["source_file_id"] == f["id"] and r["provenance"]["continued_rows"]
        ]
        assert [r["provenance"]["continued_rows"] for r in joined] == [[4]]
        assert [r["provenance"]["row"] for r in joined] == [3]
    finally:
        store.close()
