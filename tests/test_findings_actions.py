"""The findings page's save (timeline/actions/findings.py) without a browser: one store
transaction whose result says Saved or NotSaved, with the app's one conflict message."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.actions import edits, findings
from timeline.store import LOCAL_OPERATOR, InvalidInput

from .test_store_helpers import Database, make_import

OP = LOCAL_OPERATOR
D = date


@pytest.fixture
def sq(tmp_path):
    database = Database("sqlite", tmp_path)
    yield database.open()
    database.drop()


def _review(store) -> int:
    rid = store.reviews.create_review(
        OP, "Review of Rowan (fictional)", period=(D(2020, 1, 1), D(2020, 12, 31))
    )
    store.records.import_results(
        OP, rid, [make_import("Police", [(D(2020, 3, 1), "Call-out to the home")])]
    )
    return rid


def test_fa001_a_save_says_saved_with_the_row_and_the_version_the_page_redraws_to(sq):
    rid = _review(sq)
    before = sq.reviews.review_version(OP, rid)
    out = findings.submit(sq, OP, rid, "finding", None, None, {"title": "Sharing", "text": "Late"})
    assert isinstance(out, findings.Saved)
    assert out.row.title == "Sharing"
    assert out.review_version == sq.reviews.review_version(OP, rid) > before


def test_fa002_a_stale_edit_writes_nothing_and_says_the_apps_one_conflict_message(sq):
    rid = _review(sq)
    f = findings.save(sq, OP, rid, "finding", None, None, {"title": "Voice", "text": "Original"})
    theirs = findings.submit(sq, OP, rid, "finding", f.id, f.version, {"text": "Theirs"})
    version = sq.reviews.review_version(OP, rid)
    mine = findings.submit(sq, OP, rid, "finding", f.id, f.version, {"text": "Mine", "kind": ""})
    assert isinstance(mine, findings.NotSaved) and not mine.deleted
    assert mine.current == theirs.row  # the row as it is now, to show beside the message
    assert mine.message == edits.conflict_message("finding", deleted=False)
    assert mine.message.startswith("Not saved: someone changed this finding while you edited")
    (stored,) = findings.rows(sq, OP, rid, "finding")
    assert stored.text == "Theirs" and sq.reviews.review_version(OP, rid) == version
    # saving again against the version shown replaces theirs knowingly
    again = findings.submit(sq, OP, rid, "finding", f.id, mine.current.version, {"text": "Mine"})
    assert isinstance(again, findings.Saved) and again.row.text == "Mine"


def test_fa003_an_edit_of_a_row_deleted_meanwhile_says_so_for_every_kind(sq):
    rid = _review(sq)
    a = findings.save(sq, OP, rid, "action", None, None, {"text": "Audit"})
    findings.delete(sq, OP, "action", a.id, a.version)
    out = findings.submit(sq, OP, rid, "action", a.id, a.version, {"text": "Audit twice"})
    assert isinstance(out, findings.NotSaved) and out.deleted and out.current is None
    assert out.message == edits.conflict_message("action", deleted=True)
    e = findings.save(sq, OP, rid, "escalation", None, None, {"text": "Housing"})
    findings.save(sq, OP, rid, "escalation", e.id, e.version, {"text": "Housing, again"})
    out = findings.submit(sq, OP, rid, "escalation", e.id, e.version, {"text": "Housing!"})
    assert "someone changed this issue" in out.message
    assert findings.rows(sq, OP, rid, "action") == []


def test_fa004_the_same_save_repeated_is_saved_not_a_conflict(sq):
    """A second click (or a save repeated by the page) carries the version the first one
    replaced: nothing would be lost, so it is Saved with the row as stored, written once."""
    rid = _review(sq)
    (eid,) = [r["event_id"] for r in sq.records.list_records(OP, rid)]
    f = findings.save(sq, OP, rid, "finding", None, None, {"title": "Heard", "text": ""})
    fields = {"title": "Heard", "text": "Not asked", "kind": "area_for_improvement"}
    fields["event_ids"] = [eid]  # a list from the form, a tuple in the row: the same
    first = findings.submit(sq, OP, rid, "finding", f.id, f.version, fields)
    version = sq.reviews.review_version(OP, rid)
    second = findings.submit(sq, OP, rid, "finding", f.id, f.version, fields)
    assert isinstance(second, findings.Saved) and second.row == first.row
    assert sq.reviews.review_version(OP, rid) == version  # nothing written the second time
    other = {**fields, "text": "Asked after all"}
    third = findings.submit(sq, OP, rid, "finding", f.id, f.version, other)
    assert isinstance(third, findings.NotSaved)  # different words: a real conflict


def test_fa005_a_refused_save_writes_nothing_at_all(sq):
    """All the fields and links or nothing: an event of another review refuses the whole
    update, the title changed in the same call included."""
    rid = _review(sq)
    other = _review(sq)
    (foreign,) = [r["event_id"] for r in sq.records.list_records(OP, other)]
    f = findings.save(sq, OP, rid, "finding", None, None, {"title": "Before", "text": "t"})
    version = sq.reviews.review_version(OP, rid)
    with pytest.raises(InvalidInput):
        findings.submit(
            sq, OP, rid, "finding", f.id, f.version, {"title": "After", "event_ids": [foreign]}
        )
    (stored,) = findings.rows(sq, OP, rid, "finding")
    assert stored.title == "Before" and stored.version == f.version
    assert sq.reviews.review_version(OP, rid) == version
