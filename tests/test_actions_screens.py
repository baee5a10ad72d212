"""Queue, preparation, workshop and findings actions against a real SQLite store, no
browser: each change one transaction, screens read in one snapshot."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from timeline.actions import findings, prepare, queue, workshop
from timeline.store import LOCAL_OPERATOR, InvalidInput
from timeline.store.schema import Annotation, MatchDecision

from .test_store_helpers import Database, make_import, make_user

OP = LOCAL_OPERATOR
D = date


@pytest.fixture
def sq(tmp_path):
    """A real SQLite store (the actions are engine-neutral; the store's own tests run on
    both engines)."""
    database = Database("sqlite", tmp_path)
    yield database.open()
    database.drop()


def _review(store) -> int:
    rid = store.reviews.create_review(
        OP, "Review of Ash (fictional)", period=(D(2020, 1, 1), D(2020, 12, 31))
    )
    store.records.import_results(
        OP,
        rid,
        [
            make_import(
                "Police",
                [(D(2020, 3, 1), "Domestic abuse call-out to the home, child present")],
                file_name="police.csv",
            ),
            make_import(
                "Children's Social Care",
                [(D(2020, 3, 2), "Police notification of domestic abuse call-out, child present")],
                file_name="csc.csv",
            ),
            make_import("GP", [(D(2020, 6, 9), "Routine immunisation")], file_name="gp.csv"),
        ],
    )
    return rid


def test_as001_a_decision_and_its_rematch_are_one_change_and_undo_too(sq):
    rid = _review(sq)
    sq.records.run_matching(OP, rid)
    recs = {r["description"][:8]: r for r in sq.records.list_records(OP, rid)}
    ids = [recs["Domestic"]["record_id"], recs["Police n"]["record_id"]]
    v = sq.reviews.review_versions(OP, rid)
    out = queue.decide(sq, OP, rid, "not_same", ids)
    assert out.message.startswith("Recorded as different events: Police")
    after = sq.reviews.review_versions(OP, rid)
    assert after.version == v.version + 1  # one transaction: the decision and its events
    assert after.records == v.records + 1
    events = {len(e["record_ids"]) for e in sq.records.list_events(OP, rid)}
    assert events == {1}
    assert sq.findings.count(MatchDecision, rid) == 1
    undone = queue.undo(sq, OP, rid)
    assert "not same" in undone.message
    assert sq.findings.count(MatchDecision, rid) == 0
    assert sq.reviews.review_versions(OP, rid).version == after.version + 1
    assert queue.undo(sq, OP, rid).message == "There is no decision to undo."
    sc = queue.screen(sq, OP, rid)
    assert sc.decisions == 0 and set(sc.records) == {r["record_id"] for r in recs.values()}


def test_as002_a_refused_decision_changes_nothing(sq):
    rid = _review(sq)
    v = sq.reviews.review_versions(OP, rid)
    with pytest.raises(InvalidInput):
        queue.decide(sq, OP, rid, "same", ["only-one"])
    assert sq.reviews.review_versions(OP, rid) == v


def test_as003_two_tabs_saving_a_reflection_make_one_reflection(sq):
    rid = _review(sq)
    user = make_user(sq, "p@example.org")
    sq.reviews.add_member(OP, rid, "p@example.org", "participant", "GP")
    ev = sq.records.list_events(OP, rid)[0]["id"]
    key = f"{rid}:{ev}"
    barrier = threading.Barrier(4)

    def tab(i):
        barrier.wait()
        prepare.save_reflections(sq, user, rid, {key: f"draft {i}"}, {})

    threads = [threading.Thread(target=tab, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    mine = [a for a in sq.annotations.list_annotations(OP, rid) if a["kind"] == "reflection"]
    assert len(mine) == 1 and mine[0]["version"] == 4
    out = prepare.save_reflections(sq, user, rid, {key: "final", f"{rid + 1}:{ev}": "x"}, {})
    assert out.saved == {key: "final"}
    assert sq.findings.count(Annotation, rid) == 1


def test_as004_points_to_raise_are_their_own_kind(sq):
    rid = _review(sq)
    ev = sq.records.list_events(OP, rid)[0]["id"]
    assert prepare.add_point(sq, OP, rid, ev, "  ").message == "Write the point first."
    assert prepare.add_point(sq, OP, rid, None, "x").version is None
    out = prepare.add_point(sq, OP, rid, ev, " Why no strategy meeting? ")
    assert out.clear and out.version == sq.reviews.review_version(OP, rid)
    (a,) = sq.annotations.list_annotations(OP, rid)
    assert (a["kind"], a["text"]) == ("point_to_raise", "Why no strategy meeting?")
    prepare.delete_point(sq, OP, rid, a["id"], a["version"])
    assert sq.annotations.list_annotations(OP, rid) == []


def test_as005_a_workshop_move_bumps_only_the_workshop_counter(sq):
    rid = _review(sq)
    before = sq.reviews.review_versions(OP, rid)
    step = {"period": ["2020-01-01", "2020-06-30"], "label": "Jan 2020 – Jun 2020", "events": []}
    view = workshop.move(sq, OP, rid, step, {"step": 0, "event": None, "seq": 5})
    assert view["label"] == "Jan 2020 – Jun 2020" and view["seq"] == 5
    after = sq.reviews.review_versions(OP, rid)
    assert after.version == before.version and after.workshop == before.workshop + 1
    # a late request from an older move does not undo the newer one
    workshop.move(sq, OP, rid, {"label": "older"}, {"seq": 4})
    assert sq.workshop.current(OP, rid)["label"] == "Jan 2020 – Jun 2020"
    # tagging the event in view
    assert workshop.tag(sq, OP, rid, None, "key_decision", None).version is None
    ev = sq.records.list_events(OP, rid)[0]["id"]
    k = sq.reviews.list_kloes(OP, rid)
    out = workshop.tag(sq, OP, rid, ev, "key_decision", k[0]["id"] if k else None)
    assert out.message == "Tagged: Key decision." and out.version == sq.reviews.review_version(
        OP, rid
    )


def test_as006_findings_saved_by_kind_through_the_table(sq):
    rid = _review(sq)
    f = findings.save(sq, OP, rid, "finding", None, None, {"title": "Sharing", "text": "Late"})
    e = findings.save(
        sq, OP, rid, "escalation", None, None, {"text": "Housing", "escalated_to": "LSCP"}
    )
    a = findings.save(
        sq,
        OP,
        rid,
        "action",
        None,
        None,
        {"text": "Audit", "finding_id": f.id, "due_date": date(2027, 3, 31)},
    )
    assert a.finding_id == f.id and a.due_date == date(2027, 3, 31)  # a date, not a string
    assert findings.headline(f) == "Sharing" and findings.headline(a) == "Audit"
    f2 = findings.save(sq, OP, rid, "finding", f.id, f.version, {"kind": "good_practice"})
    assert f2.kind == "good_practice" and f2.version == f.version + 1
    assert [r.id for r in findings.rows(sq, OP, rid, "action")] == [a.id]
    findings.delete(sq, OP, "escalation", e.id, e.version)
    assert findings.rows(sq, OP, rid, "escalation") == []
    with pytest.raises(KeyError):
        findings.save(sq, OP, rid, "review", None, None, {})
