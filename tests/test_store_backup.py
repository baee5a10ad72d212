# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""Backup and restore give back an identical review: annotations, decisions, audit."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from timeline.actions.kloe import read_kloe_csv
from timeline.store import LOCAL_OPERATOR, InvalidInput, PermissionDenied
from timeline.store.backup import dump_review, restore_review, write_backup

from .test_store_helpers import Database, db, make_import, make_user, store  # noqa: F401

D = date


def _full_review(store) -> int:
    lead = make_user(store, "lead@example.org", "Lead Reviewer")
    part = make_user(store, "part@example.org", "Participant")
    rid = store.reviews.create_review(
        lead,
        "Backup review (fictional)",
        period=(D(2020, 1, 1), D(2020, 12, 31)),
        kloes=read_kloe_csv("number,title,description\n1,Sharing,x\n2,Voice,y\n"),
    )
    store.reviews.add_member(lead, rid, part.label, "participant", agency="Police")
    store.records.import_results(
        lead,
        rid,
        [
            make_import(
                "Police",
                [(D(2020, 3, 1), "Call-out"), (D(2020, 4, 1), "Arrest")],
                file_name="police_v1.xlsx",
                quarantined=1,
            ),
            make_import("Health visiting", [(D(2020, 3, 1), "HV visit")], file_name="hv.xlsx"),
        ],
    )
    store.records.import_results(
        lead,
        rid,
        [
            make_import(
                "Police",
                [(D(2020, 3, 1), "Call-out"), (D(2020, 5, 1), "Welfare check")],
                file_name="police_v2.xlsx",
            )
        ],
    )  # supersedes v1, withdraws "Arrest"
    recs = {r["description"]: r for r in store.records.list_records(lead, rid)}
    store.records.record_decision(
        lead,
        rid,
        "same",
        [recs["Call-out"]["record_id"], recs["HV visit"]["record_id"]],
        note="same visit",
    )
    ev = store.records.list_records(lead, rid)[0]["event_id"]
    a = store.annotations.add_annotation(
        part, ev, "reflection", "I was new in post", kloe_ids=[1, 2]
    )
    store.annotations.update_annotation(part, a["id"], 1, text="I was new in post — £ unicode ✓")
    f = store.findings.add_finding(lead, rid, "Finding", "text", kloe_ids=[1], event_ids=[ev])
    store.findings.add_action(
        lead, rid, "Action", owner_subgroup="QA", due_date=D(2021, 1, 31), finding_id=f.id
    )
    store.annotations.add_episode(lead, rid, "Spring", date_start=D(2020, 3, 1), event_ids=[ev])
    return rid


def _strip_restore(dump: dict) -> dict:
    d = copy.deepcopy(dump)
    d["tables"]["reviews"][0]["version"] -= 1
    last = d["tables"]["audit_entries"].pop()
    assert last["action"] == "review.restore"
    return d


@pytest.mark.parametrize("gz", [False, True])
def test_bk001_restore_into_an_empty_database_is_identical(db, tmp_path, gz):
    src = db.open()
    rid = _full_review(src)
    path = tmp_path / ("review.json.gz" if gz else "review.json")
    write_backup(src, LOCAL_OPERATOR, rid, path)
    before = dump_review(src, LOCAL_OPERATOR, rid)
    assert before["tables"]["audit_entries"][-1]["action"] == "export.backup"
    assert (
        len(before["tables"]["annotations"]) == 1 and len(before["tables"]["match_decisions"]) == 1
    )

    other = Database(db.kind, tmp_path / "other")
    (tmp_path / "other").mkdir()
    try:
        dst = other.open()
        make_user(dst, "someone.else@example.org")  # user ids differ in the target
        assert restore_review(dst, LOCAL_OPERATOR, path) == rid
        after = dump_review(dst, LOCAL_OPERATOR, rid)
        assert _strip_restore(after) == before
        # restored accounts exist but cannot sign in until a password is set
        assert dst.reviews.authenticate("part@example.org", "correct horse 42") is None
        # the restored review works: writes continue with fresh ids
        lead = dst.reviews.actor(dst.reviews.get_user(email="lead@example.org")["id"])
        ev = dst.records.list_events(lead, rid)[0]["id"]
        assert dst.annotations.add_annotation(lead, ev, "comment", "after restore")["id"] > 1
    finally:
        other.drop()


def test_bk002_restore_refuses_an_existing_review_and_non_operators(store, tmp_path):
    rid = _full_review(store)
    path = tmp_path / "b.json"
    write_backup(store, LOCAL_OPERATOR, rid, path)
    with pytest.raises(InvalidInput, match="already exists"):
        restore_review(store, LOCAL_OPERATOR, path)
    lead = store.reviews.actor(store.reviews.get_user(email="lead@example.org")["id"])
    with pytest.raises(PermissionDenied):
        restore_review(store, lead, path)
    part = store.reviews.actor(store.reviews.get_user(email="part@example.org")["id"])
    with pytest.raises(PermissionDenied):
        write_backup(store, part, rid, tmp_path / "c.json")
    (tmp_path / "junk.json").write_text('{"format": "something else"}')
    with pytest.raises(InvalidInput):
        restore_review(store, LOCAL_OPERATOR, tmp_path / "junk.json")


def test_bk003_restore_after_deleting_the_review_in_the_same_database(store, tmp_path):
    rid = _full_review(store)
    path = tmp_path / "b.json"
    write_backup(store, LOCAL_OPERATOR, rid, path)
    before = dump_review(store, LOCAL_OPERATOR, rid)
    store.reviews.delete_review(LOCAL_OPERATOR, rid)
    assert restore_review(store, LOCAL_OPERATOR, path) == rid
    after = _strip_restore(dump_review(store, LOCAL_OPERATOR, rid))
    deleted = after["tables"]["audit_entries"].pop()  # the trail kept the deletion too
    assert deleted["action"] == "review.delete"
    assert after == before


@pytest.mark.postgres
def test_bk004_move_a_review_from_sqlite_to_postgresql(tmp_path):
    src_db = Database("sqlite", tmp_path)
    src = src_db.open()
    rid = _full_review(src)
    path = tmp_path / "move.json.gz"
    write_backup(src, LOCAL_OPERATOR, rid, path)
    before = dump_review(src, LOCAL_OPERATOR, rid)
    (tmp_path / "pg").mkdir()
    dst_db = Database("postgresql", tmp_path / "pg")  # skips when PostgreSQL is unreachable
    try:
        dst = dst_db.open()
        assert restore_review(dst, LOCAL_OPERATOR, path) == rid
        assert _strip_restore(dump_review(dst, LOCAL_OPERATOR, rid)) == before
    finally:
        dst_db.drop()
        src_db.drop()
