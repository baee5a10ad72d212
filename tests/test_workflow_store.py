# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""Store additions for the workflow screens: undo a decision, re-import a file with a
corrected mapping or agency, and the facilitator's workshop view."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.profiles import AgencyProfile
from timeline.actions.imports import import_paths, reimport_path
from timeline.store import LOCAL_OPERATOR
from timeline.store.errors import NeedsConfirmation, NotFound, PermissionDenied

from .test_store_helpers import db, make_import, make_user, store  # noqa: F401

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"
DAY = date(2021, 3, 12)


def _review(store, lead):
    return store.reviews.create_review(
        lead, "Workflow test", period=(date(2015, 1, 1), date(2022, 1, 1))
    )


def test_wf001_undo_withdraws_the_decision_and_matching_follows(store):
    lead = make_user(store, "lead@example.org")
    rid = _review(store, lead)
    store.records.import_results(
        lead, rid, [make_import("Police", [(DAY, "Police attended at home")])]
    )
    store.records.import_results(
        lead, rid, [make_import("GP", [(DAY, "Seen at surgery")], file_name="gp.xlsx")]
    )
    recs = [r["record_id"] for r in store.records.list_records(lead, rid)]
    d = store.records.record_decision(lead, rid, "same", recs)
    assert len(store.records.list_events(lead, rid)) == 1
    version = store.reviews.review_version(lead, rid)
    undone = store.workflow.undo_decision(lead, rid, d["id"])
    assert undone["id"] == d["id"]
    assert store.records.list_decisions(lead, rid) == []
    assert store.reviews.review_version(lead, rid) == version + 1
    store.records.run_matching(lead, rid)
    assert len(store.records.list_events(lead, rid)) == 2  # nothing joins them now
    actions = [e["action"] for e in store.findings.audit_log(lead, rid)]
    assert "match.undo" in actions
    with pytest.raises(NotFound):
        store.workflow.undo_decision(lead, rid, d["id"])


def test_wf002_only_who_may_match_may_undo(store):
    lead = make_user(store, "lead@example.org")
    part = make_user(store, "p@example.org")
    rid = _review(store, lead)
    store.reviews.add_member(lead, rid, "p@example.org", "participant", "Police")
    store.records.import_results(lead, rid, [make_import("Police", [(DAY, "a"), (DAY, "b")])])
    recs = [r["record_id"] for r in store.records.list_records(lead, rid)]
    d = store.records.record_decision(lead, rid, "not_same", recs)
    with pytest.raises(PermissionDenied):
        store.workflow.undo_decision(part, rid, d["id"])
    assert len(store.records.list_decisions(lead, rid)) == 1


def test_wf003_reimport_with_a_profile_replaces_the_files_reading(store):
    lead = make_user(store, "lead@example.org")
    rid = _review(store, lead)
    path = SAMPLE / "Police_chronology.csv"
    (first,) = import_paths(store, lead, rid, [path])
    before = store.records.list_records(lead, rid)
    assert before and all(r["outcome"] for r in before[:3])
    # The reviewer says "Action taken" is not the outcome: ignore that column.
    profile = AgencyProfile(agency="Police", columns={"Action taken": ""})
    res = reimport_path(store, lead, rid, first["source_file_id"], path, profile=profile)
    assert res["replaced_file_id"] == first["source_file_id"]
    files = store.records.list_source_files(lead, rid)
    old = next(f for f in files if f["id"] == first["source_file_id"])
    assert old["superseded_by"] == res["source_file_id"]
    current = [f for f in files if not f["superseded_by"]]
    assert len(current) == 1
    mapped = {c["header"]: c["field"] for c in current[0]["columns"]}
    assert mapped.get("Action taken") in (None, "")
    after = store.records.list_records(lead, rid)
    assert len(after) == len(before)
    assert all(r["source_file_id"] == res["source_file_id"] for r in after)


def test_wf004_reimport_under_another_agency_withdraws_the_old_records(store):
    lead = make_user(store, "lead@example.org")
    rid = _review(store, lead)
    path = SAMPLE / "Police_chronology.csv"
    (first,) = import_paths(store, lead, rid, [path])
    n = len(store.records.list_records(lead, rid))
    # filing every record under another agency withdraws them all: only when confirmed
    with pytest.raises(NeedsConfirmation, match=f"withdraw {n} of its {n}"):
        reimport_path(store, lead, rid, first["source_file_id"], path, agency="Probation")
    assert {r["agency"] for r in store.records.list_records(lead, rid)} == {"Police"}
    res = reimport_path(
        store, lead, rid, first["source_file_id"], path, agency="Probation", confirm=True
    )
    assert res["withdrawn"] == n and res["added"] == n
    agencies = {r["agency"] for r in store.records.list_records(lead, rid)}
    assert agencies == {"Probation"}
    part = make_user(store, "p@example.org")
    store.reviews.add_member(lead, rid, "p@example.org", "participant", "Police")
    current = next(f for f in store.records.list_source_files(lead, rid) if not f["superseded_by"])
    with pytest.raises(PermissionDenied):
        reimport_path(store, part, rid, current["id"], path, agency="Police")


def test_wf005_workshop_view_latest_wins_and_roles_are_checked(store):
    lead = make_user(store, "lead@example.org")
    fac = make_user(store, "f@example.org")
    part = make_user(store, "p@example.org")
    rid = _review(store, lead)
    store.reviews.add_member(lead, rid, "f@example.org", "facilitator")
    store.reviews.add_member(lead, rid, "p@example.org", "participant", "Police")
    assert store.workflow.get_workshop_view(part, rid) is None
    store.workflow.set_workshop_view(fac, rid, {"episode_id": 3, "label": "Episode one"})
    store.workflow.set_workshop_view(fac, rid, {"period": ["2021-01-01", "2021-03-31"]})
    assert store.workflow.get_workshop_view(part, rid) == {"period": ["2021-01-01", "2021-03-31"]}
    with pytest.raises(PermissionDenied):
        store.workflow.set_workshop_view(part, rid, {"event_id": 1})
    outsider = make_user(store, "o@example.org")
    with pytest.raises(PermissionDenied):
        store.workflow.get_workshop_view(outsider, rid)
    assert store.workflow.get_workshop_view(LOCAL_OPERATOR, rid)["period"][0] == "2021-01-01"


def test_wf006_a_late_workshop_move_never_undoes_a_newer_one(store):
    lead = make_user(store, "lead@example.org")
    rid = _review(store, lead)
    store.workflow.set_workshop_view(lead, rid, {"label": "step 3", "seq": 3})
    kept = store.workflow.set_workshop_view(
        lead, rid, {"label": "step 2", "seq": 2}
    )  # arrives late
    assert kept["label"] == "step 3"
    assert store.workflow.get_workshop_view(lead, rid)["label"] == "step 3"
    store.workflow.set_workshop_view(lead, rid, {"label": "step 4", "seq": 4})
    assert store.workflow.get_workshop_view(lead, rid)["label"] == "step 4"
