# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""A matching run keeps its parameters and the related records it found (a meeting's
minutes received: related to the meeting's event, not merged into it); the event, the
exports and the store show them."""

from __future__ import annotations

from datetime import date, timedelta

from timeline.export.chronology import event_table, record_table
from timeline.export.data import load
from timeline.store import LOCAL_OPERATOR, Store

from .test_store_helpers import db, make_import, make_user, store  # noqa: F401

D = date(2021, 3, 10)
MEETING = "Strategy meeting held re Ellis, s47 agreed"
MINUTES = "Minutes of strategy meeting re Ellis received"


def _review_with_minutes(store: Store) -> int:
    rid = store.reviews.create_review(
        LOCAL_OPERATOR, "Review of Ellis (fictional)", period=(date(2021, 1, 1), date(2021, 12, 31))
    )
    store.records.import_results(
        LOCAL_OPERATOR,
        rid,
        [
            make_import("Children's Social Care", [(D, MEETING)], file_name="csc.xlsx"),
            make_import(
                "Police",
                [(D, "Attended strategy discussion for Ellis, s47 agreed")],
                file_name="police.xlsx",
            ),
            make_import("Health Visiting", [(D + timedelta(days=5), MINUTES)], file_name="hv.xlsx"),
        ],
    )
    store.records.run_matching(LOCAL_OPERATOR, rid)
    return rid


def _event_of(store: Store, rid: int, text: str) -> dict:
    (rec,) = [
        r for r in store.records.list_records(LOCAL_OPERATOR, rid) if r["description"] == text
    ]
    return store.records.get_event(LOCAL_OPERATOR, rec["event_id"])


def test_rl001_a_run_keeps_its_parameters_and_weights(store):
    rid = _review_with_minutes(store)
    run = store.records.latest_match_run(LOCAL_OPERATOR, rid)
    assert run["summary"]["relations"] == 1
    params = run["parameters"]
    assert {"match_threshold", "link_floor", "weights", "candidate_pairs"} <= set(params)
    assert params["weights"] and all(isinstance(v, float) for v in params["weights"].values())
    assert len(run["weights_version"]) == 12
    # the same data and model give the same digest; another model another
    store.records.run_matching(LOCAL_OPERATOR, rid)
    again = store.records.latest_match_run(LOCAL_OPERATOR, rid)
    assert again["id"] != run["id"] and again["weights_version"] == run["weights_version"]
    from timeline.matching import MatchConfig

    other = MatchConfig()
    other.weights = {k: v + 0.5 for k, v in other.weights.items()}
    store.records.run_matching(LOCAL_OPERATOR, rid, config=other)
    assert (
        store.records.latest_match_run(LOCAL_OPERATOR, rid)["weights_version"]
        != run["weights_version"]
    )


def test_rl002_minutes_are_shown_with_their_meeting_not_merged_into_it(store):
    rid = _review_with_minutes(store)
    meeting = _event_of(store, rid, MEETING)
    minutes = _event_of(store, rid, MINUTES)
    assert meeting["id"] != minutes["id"]
    assert {r["agency"] for r in meeting["records"]} == {"Children's Social Care", "Police"}
    (rel,) = meeting["related"]
    assert rel["direction"] == "followed_up_by"
    assert rel["record"]["description"] == MINUTES and rel["event_id"] == minutes["id"]
    assert "related, not the same event" in rel["reason"]
    (back,) = minutes["related"]
    assert back["direction"] == "follows_up" and back["event_id"] == meeting["id"]
    assert back["record"]["agency"] in {"Children's Social Care", "Police"}
    # the relation is replaced, not piled up, by the next run
    store.records.run_matching(LOCAL_OPERATOR, rid)
    assert len(store.records.list_relations(LOCAL_OPERATOR, rid)) == 1


def test_rl003_a_reviewers_same_decision_ends_the_relation(store):
    rid = _review_with_minutes(store)
    meeting = _event_of(store, rid, MEETING)
    minutes = _event_of(store, rid, MINUTES)
    ids = [meeting["records"][0]["record_id"], minutes["records"][0]["record_id"]]
    store.matching.decide(LOCAL_OPERATOR, rid, "same", ids)
    assert store.records.list_relations(LOCAL_OPERATOR, rid) == []
    assert _event_of(store, rid, MINUTES)["related"] == []


def test_rl004_exports_list_related_records_apart_from_the_event(store):
    rid = _review_with_minutes(store)
    data = load(store, LOCAL_OPERATOR, rid)
    ev = event_table(data)
    col = ev.columns.index("Related records")
    rows = {row[ev.columns.index("Agencies")]: row for row in ev.rows}
    meeting_row = rows["Children's Social Care, Police"]
    minutes_row = rows["Health Visiting"]
    assert "Health Visiting" in meeting_row[col] and "Minutes of strategy" in meeting_row[col]
    assert "Follows up" in minutes_row[col]
    rec = record_table(data)
    follows = rec.columns.index("Follows up event")
    by_text = {row[rec.columns.index("Description")]: row for row in rec.rows}
    meeting_event = _event_of(store, rid, MEETING)["merged_id"]
    assert by_text[MINUTES][follows] == meeting_event
    assert by_text[MEETING][follows] == ""


def test_rl005_relations_need_read_access(store):
    rid = _review_with_minutes(store)
    stranger = make_user(store, "stranger@example.org")
    import pytest

    from timeline.store import PermissionDenied

    with pytest.raises(PermissionDenied):
        store.records.list_relations(stranger, rid)


def _text(component) -> str:
    """Every string in a Dash component tree."""
    if isinstance(component, str):
        return component
    if isinstance(component, list | tuple):
        return " ".join(_text(c) for c in component)
    children = getattr(component, "children", None)
    return "" if children is None else _text(children)


def test_rl006_the_event_panel_lists_related_records_apart_from_its_own(store):
    from web.panel import event_panel, related_block

    rid = _review_with_minutes(store)
    meeting = _event_of(store, rid, MEETING)
    panel = event_panel(meeting, [], can_annotate=False)
    (block,) = [c for c in panel.children if getattr(c, "className", "") == "related"]
    words = _text(block)
    assert "Followed up by" in words and MINUTES in words and "Health Visiting" in words
    # the minutes are not one of the event's own voices
    voices = next(c for c in panel.children if getattr(c, "className", "") == "voices")
    assert MINUTES not in _text(voices)
    assert related_block({"related": []}) is None
