"""Edits checked against the version a person started from (timeline/actions/edits.py),
against a real SQLite store: a save after someone else's change saves nothing and returns
both texts; the person's choice is then saved against what they have seen."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.actions import edits
from timeline.store import LOCAL_OPERATOR

from .test_store_helpers import Database, make_import, make_user

OP = LOCAL_OPERATOR
D = date


@pytest.fixture
def sq(tmp_path):
    database = Database("sqlite", tmp_path)
    yield database.open()
    database.drop()


@pytest.fixture
def tagged(sq):
    """A review with one event, a facilitator (Fran) and a lead (Lee), and one tag by Fran."""
    rid = sq.reviews.create_review(
        OP, "Review of Birch (fictional)", period=(D(2020, 1, 1), D(2020, 12, 31))
    )
    sq.records.import_results(
        OP, rid, [make_import("GP", [(D(2020, 6, 9), "Missed immunisation")], file_name="gp.csv")]
    )
    sq.records.run_matching(OP, rid)
    fran = make_user(sq, "fran@example.org")
    lee = make_user(sq, "lee@example.org")
    sq.reviews.add_member(OP, rid, "fran@example.org", "facilitator", None)
    sq.reviews.add_member(OP, rid, "lee@example.org", "facilitator", None)
    ev = sq.records.list_events(OP, rid)[0]["id"]
    tag = sq.annotations.add_annotation(fran, ev, "missed_opportunity", "Not followed up")
    return sq, rid, ev, tag, fran, lee


def _text(sq, tag_id):
    return sq.annotations.get_annotation(OP, tag_id)["text"]


def test_ed001_an_edit_from_the_current_version_is_saved(tagged):
    sq, rid, _ev, tag, fran, _lee = tagged
    out = edits.edit_tag_text(sq, fran, rid, tag["id"], tag["version"], "Not followed up by GP")
    assert isinstance(out, edits.EditSaved)
    assert out.row["version"] == tag["version"] + 1
    assert _text(sq, tag["id"]) == "Not followed up by GP"


def test_ed002_a_save_after_someone_elses_change_saves_nothing_and_shows_both(tagged):
    """Window A saves; window B, which began from the same version, saves seconds later:
    B is told, with A's and B's texts, and A's words stay."""
    sq, rid, _ev, tag, fran, lee = tagged
    started = tag["version"]
    a = edits.edit_tag_text(sq, fran, rid, tag["id"], started, "A: the GP was not told")
    assert isinstance(a, edits.EditSaved)
    b = edits.edit_tag_text(sq, lee, rid, tag["id"], started, "B: the school was not told")
    assert isinstance(b, edits.EditConflict)
    assert b.mine == "B: the school was not told"
    assert b.theirs == "A: the GP was not told"
    assert b.theirs_version == started + 1 and not b.deleted
    assert _text(sq, tag["id"]) == "A: the GP was not told"


@pytest.mark.parametrize(
    "choice,typed,expected",
    [
        ("mine", "B: the school was not told", "B: the school was not told"),
        (
            "merged",
            "Neither the GP nor the school was told",
            "Neither the GP nor the school was told",
        ),
        ("theirs", "B: the school was not told", "A: the GP was not told"),
    ],
)
def test_ed003_the_persons_choice_is_saved_against_what_they_saw(tagged, choice, typed, expected):
    sq, rid, _ev, tag, fran, lee = tagged
    edits.edit_tag_text(sq, fran, rid, tag["id"], tag["version"], "A: the GP was not told")
    conflict = edits.edit_tag_text(
        sq, lee, rid, tag["id"], tag["version"], "B: the school was not told"
    )
    out = edits.resolve_tag(sq, lee, rid, tag["id"], conflict.theirs_version, choice, typed)
    assert (out is None) == (choice == "theirs")
    assert _text(sq, tag["id"]) == expected


def test_ed004_a_third_change_while_choosing_is_a_new_conflict(tagged):
    sq, rid, _ev, tag, fran, lee = tagged
    edits.edit_tag_text(sq, fran, rid, tag["id"], tag["version"], "A1")
    conflict = edits.edit_tag_text(sq, lee, rid, tag["id"], tag["version"], "B")
    edits.edit_tag_text(sq, fran, rid, tag["id"], conflict.theirs_version, "A2")
    again = edits.resolve_tag(sq, lee, rid, tag["id"], conflict.theirs_version, "mine", "B")
    assert isinstance(again, edits.EditConflict) and again.theirs == "A2"
    assert _text(sq, tag["id"]) == "A2"


def test_ed005_a_tag_deleted_meanwhile_is_reported_not_recreated(tagged):
    sq, rid, _ev, tag, fran, lee = tagged
    sq.annotations.delete_annotation(fran, tag["id"], tag["version"])
    out = edits.edit_tag_text(sq, lee, rid, tag["id"], tag["version"], "B")
    assert isinstance(out, edits.EditConflict) and out.deleted and out.theirs is None
    assert "deleted" in out.message
    assert edits.resolve_tag(sq, lee, rid, tag["id"], None, "mine", "B").deleted
    assert [a for a in sq.annotations.list_annotations(OP, rid) if a["id"] == tag["id"]] == []


def test_ed006_a_reflection_from_a_stale_tab_is_a_conflict(tagged):
    """The same participant in two tabs: each began with no reflection; the first save
    makes it, the second (still believing there is none) is told and sees the first."""
    sq, rid, ev, _tag, _fran, _lee = tagged
    pat = make_user(sq, "pat@example.org")
    sq.reviews.add_member(OP, rid, "pat@example.org", "participant", "GP")
    first = edits.save_reflection(sq, pat, rid, ev, "I was covering two caseloads", None)
    assert isinstance(first, edits.EditSaved)
    second = edits.save_reflection(sq, pat, rid, ev, "I did not know of the call-out", None)
    assert isinstance(second, edits.EditConflict)
    assert second.theirs == "I was covering two caseloads"
    # typing on from the saved version is fine
    v = first.row["version"]
    third = edits.save_reflection(sq, pat, rid, ev, "I was covering two caseloads, and", v)
    assert isinstance(third, edits.EditSaved) and third.row["version"] == v + 1
    mine = [a for a in sq.annotations.list_annotations(OP, rid) if a["kind"] == "reflection"]
    assert [a["text"] for a in mine] == ["I was covering two caseloads, and"]


def test_ed007_a_save_without_a_version_still_saves_whatever_is_there(tagged):
    """The command line and the sample loader do not edit from a screen: no check."""
    sq, rid, ev, _tag, _fran, _lee = tagged
    pat = make_user(sq, "pat@example.org")
    sq.reviews.add_member(OP, rid, "pat@example.org", "participant", "GP")
    sq.annotations.save_reflection(pat, ev, "one")
    sq.annotations.save_reflection(pat, ev, "two")
    mine = [a for a in sq.annotations.list_annotations(OP, rid) if a["kind"] == "reflection"]
    assert [(a["text"], a["version"]) for a in mine] == [("two", 2)]


def test_ed008_two_tabs_autosaving_a_reflection_conflict_until_the_person_chooses(tagged):
    """Preparation's autosave (actions.prepare): each tab sends the version it last saw.
    Tab B, started before tab A's save, is held with both texts; nothing of B's is saved
    until B keeps theirs or its own."""
    from timeline.actions import prepare

    sq, rid, ev, _tag, _fran, _lee = tagged
    pat = make_user(sq, "pat@example.org")
    sq.reviews.add_member(OP, rid, "pat@example.org", "participant", "GP")
    key = f"{rid}:{ev}"
    a = prepare.save_reflections(sq, pat, rid, {key: "Tab A words"}, {}, versions={})
    assert a.saved == {key: "Tab A words"} and a.conflicts == {}
    b = prepare.save_reflections(sq, pat, rid, {key: "Tab B words"}, {}, versions={})
    assert b.saved == {} and b.conflicts[key]["theirs"] == "Tab A words"
    assert b.conflicts[key]["mine"] == "Tab B words"
    # while B has not chosen, its autosave sends nothing for that entry
    again = prepare.save_reflections(
        sq, pat, rid, {key: "Tab B words"}, b.saved, versions=b.versions, conflicts=b.conflicts
    )
    assert again.conflicts == b.conflicts
    assert [
        x["text"] for x in sq.annotations.list_annotations(OP, rid) if x["kind"] == "reflection"
    ] == ["Tab A words"]
    # B keeps its own words (after editing them to merge): the next autosave writes them
    local = {key: "Tab A words, and tab B words"}
    chosen = prepare.resolve_reflection("mine", key, b.conflicts, b.versions, b.saved, local)
    assert chosen.conflicts == {} and chosen.text is None
    done = prepare.save_reflections(
        sq, pat, rid, chosen.local, chosen.saved, chosen.versions, chosen.conflicts
    )
    assert done.conflicts == {} and done.saved == {key: "Tab A words, and tab B words"}
    assert [
        x["text"] for x in sq.annotations.list_annotations(OP, rid) if x["kind"] == "reflection"
    ] == ["Tab A words, and tab B words"]


def test_ed008b_a_held_conflict_shows_the_other_tabs_latest_save(tagged):
    """Tab A saves again while tab B's conflict waits: B's next autosave shows A's newest
    words and version, so taking theirs takes what is saved now, not an earlier draft."""
    from timeline.actions import prepare

    sq, rid, ev, _tag, _fran, _lee = tagged
    pat = make_user(sq, "pat@example.org")
    sq.reviews.add_member(OP, rid, "pat@example.org", "participant", "GP")
    key = f"{rid}:{ev}"
    a = prepare.save_reflections(sq, pat, rid, {key: "Written on the lapto"}, {}, versions={})
    b = prepare.save_reflections(sq, pat, rid, {key: "Tablet words"}, {}, versions={})
    assert b.conflicts[key]["theirs"] == "Written on the lapto"
    prepare.save_reflections(sq, pat, rid, {key: "Written on the laptop"}, a.saved, a.versions)
    later = prepare.save_reflections(
        sq, pat, rid, {key: "Tablet words!"}, b.saved, versions=b.versions, conflicts=b.conflicts
    )
    held = later.conflicts[key]
    assert (held["mine"], held["theirs"]) == ("Tablet words!", "Written on the laptop")
    out = prepare.resolve_reflection(
        "theirs", key, later.conflicts, later.versions, later.saved, {key: "Tablet words!"}
    )
    assert out.text == "Written on the laptop"
    # the version taken is the saved one: the tablet's next save is no new conflict
    nxt = prepare.save_reflections(
        sq, pat, rid, {key: "Written on the laptop, and more"}, out.saved, out.versions
    )
    assert nxt.conflicts == {} and nxt.saved == {key: "Written on the laptop, and more"}


def test_ed009_taking_theirs_drops_the_unsaved_copy_and_saves_nothing(tagged):
    from timeline.actions import prepare

    sq, rid, ev, _tag, _fran, _lee = tagged
    pat = make_user(sq, "pat@example.org")
    sq.reviews.add_member(OP, rid, "pat@example.org", "participant", "GP")
    key = f"{rid}:{ev}"
    prepare.save_reflections(sq, pat, rid, {key: "Saved on the laptop"}, {}, versions={})
    b = prepare.save_reflections(sq, pat, rid, {key: "Typed on the tablet"}, {}, versions={})
    out = prepare.resolve_reflection(
        "theirs", key, b.conflicts, b.versions, b.saved, {key: "Typed on the tablet"}
    )
    assert out.text == "Saved on the laptop" and out.saved == {key: "Saved on the laptop"}
    assert out.local == {} and out.conflicts == {}
    assert prepare.save_reflections(sq, pat, rid, out.local, out.saved, out.versions).saved == {
        key: "Saved on the laptop"
    }
    texts = [
        x["text"] for x in sq.annotations.list_annotations(OP, rid) if x["kind"] == "reflection"
    ]
    assert texts == ["Saved on the laptop"]


def test_ed010_the_same_words_saved_twice_are_no_conflict(tagged):
    sq, rid, _ev, tag, fran, _lee = tagged
    edits.edit_tag_text(sq, fran, rid, tag["id"], tag["version"], "Same words")
    twice = edits.edit_tag_text(sq, fran, rid, tag["id"], tag["version"], "Same words")
    assert isinstance(twice, edits.EditSaved) and twice.row["text"] == "Same words"
