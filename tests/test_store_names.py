# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""The publication names list, escalations, finding kinds and episodes, monitoring notes:
roles, versions, audit, backup and restore (SQLite always; PostgreSQL when reachable)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.actions.kloe import read_kloe_csv
from timeline.store import (
    LOCAL_OPERATOR,
    Conflict,
    InvalidInput,
    PermissionDenied,
)
from timeline.store.backup import restore_review, write_backup
from timeline.store.schema import Escalation, PublicationName

from .test_store_helpers import db, make_import, make_user, store  # noqa: F401

D = date
OP = LOCAL_OPERATOR


def _review(store):
    lead = make_user(store, "lead@example.org", "Lead Reviewer")
    rid = store.reviews.create_review(
        lead,
        "Names review (fictional)",
        period=(D(2020, 1, 1), D(2020, 12, 31)),
        kloes=read_kloe_csv("number,title,description\n1,Sharing,x\n2,Voice,y\n"),
    )
    members = {"lead": lead}
    for role in ("facilitator", "participant", "observer"):
        members[role] = make_user(store, f"{role}@example.org")
        store.reviews.add_member(lead, rid, f"{role}@example.org", role)
    return rid, members


def test_nm001_set_and_list_names_in_order_with_versions(store):
    rid, m = _review(store)
    lead = m["lead"]
    empty = store.names.list_names(lead, rid)
    assert empty == {"version": 0, "rows": []}
    review_v = store.reviews.review_version(lead, rid)
    saved = store.names.set_names(
        lead,
        rid,
        [
            {"term": " Jade Calderbank ", "replacement": "Mother"},
            ("Maisie-Rose", "Child M"),
            {"term": "", "replacement": ""},  # a blank row of the editor
        ],
        0,
    )
    assert saved["version"] == 1
    assert [(r["term"], r["replacement"]) for r in saved["rows"]] == [
        ("Jade Calderbank", "Mother"),
        ("Maisie-Rose", "Child M"),
    ]
    assert store.names.list_names(lead, rid) == saved
    assert store.reviews.review_version(lead, rid) == review_v + 1  # browsers see the change
    again = store.names.set_names(lead, rid, [("14 Pennine Walk", "[address]")], 1)
    assert again["version"] == 2
    assert [r["term"] for r in store.names.list_names(OP, rid)["rows"]] == ["14 Pennine Walk"]


def test_nm002_a_stale_save_is_a_conflict_showing_the_current_list(store):
    rid, m = _review(store)
    lead = m["lead"]
    store.names.set_names(lead, rid, [("Jade", "Mother")], 0)
    with pytest.raises(Conflict) as err:
        store.names.set_names(lead, rid, [("Tyler", "Sibling")], 0)
    assert err.value.current["version"] == 1
    assert [r["term"] for r in err.value.current["rows"]] == ["Jade"]
    assert [r["term"] for r in store.names.list_names(lead, rid)["rows"]] == ["Jade"]


@pytest.mark.parametrize("role", ["facilitator", "participant", "observer"])
def test_nm003_only_the_lead_reads_or_changes_the_names_list(store, role):
    rid, m = _review(store)
    store.names.set_names(m["lead"], rid, [("Jade", "Mother")], 0)
    with pytest.raises(PermissionDenied, match=role):
        store.names.list_names(m[role], rid)
    with pytest.raises(PermissionDenied, match=role):
        store.names.set_names(m[role], rid, [("Jade", "Someone")], 1)
    outsider = make_user(store, "outsider@example.org")
    with pytest.raises(PermissionDenied, match="not a member"):
        store.names.list_names(outsider, rid)
    assert store.names.list_names(m["lead"], rid)["rows"][0]["replacement"] == "Mother"


def test_nm004_invalid_lists_are_refused_and_change_nothing(store):
    rid, m = _review(store)
    lead = m["lead"]
    store.names.set_names(lead, rid, [("Jade", "Mother")], 0)
    for rows, message in [
        ([("Jade", "")], "no replacement"),
        ([("", "Mother")], "empty term"),
        ([("Jade", "Mother"), ("JADE", "Aunt")], "listed twice"),
        ([("Jade", "Mother"), ("Tyler", "Jade's brother")], "contains a listed term"),
    ]:
        with pytest.raises(InvalidInput, match=message):
            store.names.set_names(lead, rid, rows, 1)
    after = store.names.list_names(lead, rid)
    assert after["version"] == 1
    assert [(r["term"], r["replacement"]) for r in after["rows"]] == [("Jade", "Mother")]


def test_nm005_saving_the_list_is_audited_without_the_names(store):
    rid, m = _review(store)
    store.names.set_names(m["lead"], rid, [("Jade Calderbank", "Mother"), ("Tyler", "Sibling")], 0)
    entry = [e for e in store.findings.audit_log(OP, rid) if e["action"] == "names.set"]
    assert len(entry) == 1
    assert entry[0]["actor_label"] == "lead@example.org"
    assert entry[0]["after"] == {"rows": 2, "version": 1}
    assert "Jade" not in str(entry[0]) and "Tyler" not in str(entry[0])


def test_nm006_backup_and_restore_keep_names_escalations_and_new_fields(db, tmp_path):
    store = db.open()
    rid, m = _review(store)
    lead = m["lead"]
    store.records.import_results(
        lead, rid, [make_import("Police", [(D(2020, 3, 1), "Call-out")], file_name="p.xlsx")]
    )
    ev = store.records.list_events(lead, rid)[0]["id"]
    ep = store.annotations.add_episode(lead, rid, "Spring", event_ids=[ev])
    f = store.findings.add_finding(
        lead,
        rid,
        "Joined up",
        "text",
        kind="good_practice",
        event_ids=[ev],
        episode_ids=[ep["id"]],
    )
    store.findings.add_action(lead, rid, "Audit", monitoring_notes="Checked at the March board")
    store.escalations.add_escalation(
        lead,
        rid,
        "DA notices not reaching health",
        escalated_to="Partnership board",
        escalated_on=D(2021, 2, 3),
        finding_id=f.id,
    )
    store.names.set_names(lead, rid, [("Jade", "Mother"), ("485 777 3456", "[NHS number]")], 0)
    path = tmp_path / "review.json.gz"
    write_backup(store, OP, rid, path)
    store.reviews.delete_review(OP, rid)
    assert (
        store.findings.count(PublicationName, rid) == 0
        and store.findings.count(Escalation, rid) == 0
    )
    restored = restore_review(store, OP, path)
    assert restored == rid
    names = store.names.list_names(lead, rid)
    assert names["version"] == 1
    assert [(r["term"], r["replacement"]) for r in names["rows"]] == [
        ("Jade", "Mother"),
        ("485 777 3456", "[NHS number]"),
    ]
    (esc,) = store.escalations.list_escalations(lead, rid)
    assert esc.escalated_to == "Partnership board" and esc.escalated_on == D(2021, 2, 3)
    assert esc.finding_id == f.id
    (finding,) = store.findings.list_findings(lead, rid)
    assert finding.kind == "good_practice" and finding.episode_ids == (ep["id"],)
    (action,) = store.findings.list_actions(lead, rid)
    assert action.monitoring_notes == "Checked at the March board"


def test_nm007_escalations_versioned_and_lead_only(store):
    rid, m = _review(store)
    lead = m["lead"]
    e = store.escalations.add_escalation(
        lead, rid, "Unborn baby not shared", escalated_to="Midwifery lead"
    )
    assert e.version == 1 and e.escalated_on is None
    for role in ("facilitator", "participant", "observer"):
        with pytest.raises(PermissionDenied):
            store.escalations.add_escalation(m[role], rid, "forged")
        with pytest.raises(PermissionDenied):
            store.escalations.update_escalation(m[role], e.id, 1, text="forged")
    assert [x.text for x in store.escalations.list_escalations(m["observer"], rid)] == [
        "Unborn baby not shared"
    ]
    e2 = store.escalations.update_escalation(lead, e.id, 1, escalated_on=D(2021, 1, 5))
    assert e2.version == 2 and e2.escalated_on == D(2021, 1, 5)
    with pytest.raises(Conflict) as err:
        store.escalations.update_escalation(lead, e.id, 1, text="stale")
    assert err.value.current.escalated_on == D(2021, 1, 5)
    with pytest.raises(InvalidInput):
        store.escalations.add_escalation(lead, rid, "   ")
    with pytest.raises(InvalidInput):
        store.escalations.update_escalation(lead, e.id, 2, colour="red")
    store.escalations.delete_escalation(lead, e.id, 2)
    assert store.escalations.list_escalations(lead, rid) == []
    actions = [
        x["action"] for x in store.findings.audit_log(OP, rid) if x["object_type"] == "escalation"
    ]
    assert actions == ["escalation.add", "escalation.update", "escalation.delete"]


def test_nm008_finding_kind_episodes_and_action_monitoring_notes(store):
    rid, m = _review(store)
    lead = m["lead"]
    ep = store.annotations.add_episode(lead, rid, "Spring")
    f = store.findings.add_finding(
        lead, rid, "Title", kind="area_for_improvement", episode_ids=[ep["id"]]
    )
    assert f.kind == "area_for_improvement" and f.episode_ids == (ep["id"],)
    f2 = store.findings.update_finding(lead, f.id, 1, kind="good_practice", episode_ids=[])
    assert f2.kind == "good_practice" and f2.episode_ids == ()
    with pytest.raises(InvalidInput, match="kind"):
        store.findings.update_finding(lead, f.id, 2, kind="excellent")
    with pytest.raises(InvalidInput, match="kind"):
        store.findings.add_finding(lead, rid, "x", kind="excellent")
    with pytest.raises(InvalidInput, match="episode"):
        store.findings.add_finding(lead, rid, "x", episode_ids=[9999])
    a = store.findings.add_action(lead, rid, "Audit PPNs", monitoring_notes="first note")
    a2 = store.findings.update_action(lead, a.id, 1, monitoring_notes="second note", status="done")
    assert a2.monitoring_notes == "second note" and a2.status == "done"
    with pytest.raises(PermissionDenied):
        store.findings.update_action(m["facilitator"], a.id, 2, monitoring_notes="forged")
