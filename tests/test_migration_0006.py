# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""Migration 0006 carries an existing review over: a database made at 0004 with events and
an earlier matching run, upgraded to head on both engines; the old run keeps its counts and
queue (parameters unrecorded), and the next run stores its parameters and relations."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa

from timeline.store import LOCAL_OPERATOR
from timeline.store.migrate import upgrade
from timeline.store.service import Store

from .test_store_helpers import db, make_import  # noqa: F401

NOW = datetime(2026, 11, 30, 9, 0)
D = date(2021, 3, 10)


def test_mg006_upgrade_from_0004_keeps_match_runs_and_adds_relations(db):
    engine = Store.open(db.url, migrate=False, search_path=db.search_path).engine
    upgrade(engine, "0004_state_in_db")
    meta = sa.MetaData()
    meta.reflect(engine)
    t = meta.tables
    assert "match_relations" not in t and "parameters" not in t["match_runs"].c
    with engine.begin() as conn:
        rid = conn.execute(
            t["reviews"]
            .insert()
            .values(
                title="Review of Ellis (fictional)",
                child_pseudonym="Ellis",
                version=3,
                created_at=NOW,
            )
        ).inserted_primary_key[0]
        run_id = conn.execute(
            t["match_runs"]
            .insert()
            .values(
                review_id=rid,
                run_at=NOW,
                run_by_label="lead@example.org",
                summary={"events": 0, "records": 0},
                queue=[{"record_ids": ["a", "b"]}],
            )
        ).inserted_primary_key[0]
    upgrade(engine)
    store = Store(engine)
    try:
        old = store.records.latest_match_run(LOCAL_OPERATOR, rid)
        assert old["id"] == run_id and old["summary"] == {"events": 0, "records": 0}
        assert old["queue"] == [{"record_ids": ["a", "b"]}]
        assert old["parameters"] == {} and old["weights_version"] == ""
        assert store.records.list_relations(LOCAL_OPERATOR, rid) == []
        store.records.import_results(
            LOCAL_OPERATOR,
            rid,
            [
                make_import("Children's Social Care", [(D, "Strategy meeting held, s47 agreed")]),
                make_import(
                    "Health Visiting",
                    [(date(2021, 3, 15), "Minutes of strategy meeting received")],
                    file_name="hv.xlsx",
                ),
            ],
        )
        store.records.run_matching(LOCAL_OPERATOR, rid)
        new = store.records.latest_match_run(LOCAL_OPERATOR, rid)
        assert new["id"] != run_id and new["parameters"]["weights"] and new["weights_version"]
        (rel,) = store.records.list_relations(LOCAL_OPERATOR, rid)
        assert rel["kind"] == "follow-up of a meeting"
        assert rel["record_event_id"] != rel["related_event_id"]
    finally:
        store.close()
