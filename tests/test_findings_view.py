"""The findings page's pure rules: event labels, form values <-> store fields, what a
reader is shown."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline.findings_view import (
    FORMS,
    FormError,
    describe,
    event_options,
    event_summaries,
    fields_to_form,
    form_to_fields,
    parse_day,
)
from timeline.store.rows import ActionRow, EscalationRow, FindingRow
from timeline.view import Mark

D = date
WHEN = datetime(2026, 1, 5, 9, 30)


def _action(**kw):
    base = dict(
        id=3, review_id=1, finding_id=None, text="", owner_subgroup="", due_date=None,
        status="open", monitoring_notes="", created_at=WHEN, updated_at=WHEN, version=1,
    )  # fmt: skip
    return ActionRow(**{**base, **kw})


def _mark(pk, event, agency, day, text):
    return Mark(pk, event, agency, day, day, "day", None, text, "imported")


def test_fd100_event_summaries_group_records_in_lane_order_and_skip_loose_records():
    marks = [
        _mark(1, 7, "School", D(2019, 3, 13), "Encompass notice"),
        _mark(2, 7, "Police", D(2019, 3, 12), "Call-out to 14 Pennine Walk"),
        _mark(3, 9, "GP", D(2019, 1, 2), "Registration"),
        _mark(4, -4, "GP", D(2018, 1, 1), "not in any event"),
    ]
    out = event_summaries(marks, ["Police", "GP", "School"])
    assert set(out) == {7, 9}
    assert out[7].agencies == ("Police", "School")
    assert out[7].start == D(2019, 3, 12)
    assert out[7].label == "12 Mar 2019 · Police, School: Call-out to 14 Pennine Walk"
    assert [o["value"] for o in event_options(out)] == [9, 7]  # date order
    # typing any agency's words finds the event: the school's notice is in its search text
    seven = next(o for o in event_options(out) if o["value"] == 7)
    assert "Encompass" not in seven["label"] and "Encompass notice" in seven["search"]


def test_fd101_long_wording_is_shortened_in_labels():
    out = event_summaries([_mark(1, 1, "GP", D(2020, 1, 5), "word " * 60)], ["GP"])
    label = out[1].label
    assert label.endswith("…") and len(label) < 130


def test_fd102_form_values_become_store_fields():
    values = ["  Not joined up ", "Text", "", ["2", 1], [10], []]
    assert form_to_fields("finding", values) == {
        "title": "Not joined up",
        "text": "Text",
        "kind": "",
        "kloe_ids": [2, 1],
        "event_ids": [10],
        "episode_ids": [],
    }
    action = form_to_fields(
        "action", ["Audit PPNs", "QA", "2027-03-31T00:00:00", None, "notes", "4"]
    )
    assert action["due_date"] == D(2027, 3, 31)
    assert action["status"] == "open"  # an empty status is the default, not ""
    assert action["finding_id"] == 4
    esc = form_to_fields("escalation", ["Issue", "Board", None, None])
    assert esc["escalated_on"] is None and esc["finding_id"] is None


@pytest.mark.parametrize(
    ("kind", "values", "message"),
    [
        ("finding", ["  ", "", "", [], [], []], "Title"),
        ("action", ["", "QA", None, "open", "", None], "Action"),
        ("escalation", [None, "Board", None, None], "Issue"),
        ("action", ["x", "", "31/03/2027", "open", "", None], "not a date"),
    ],
)
def test_fd103_an_incomplete_form_is_refused_with_what_to_fix(kind, values, message):
    with pytest.raises(FormError, match=message):
        form_to_fields(kind, values)


def test_fd104_stored_rows_fill_the_form_and_round_trip():
    row = _action(
        text="Audit", owner_subgroup="QA", due_date=D(2027, 3, 31), status="in_progress",
        finding_id=2, version=4,
    )  # fmt: skip
    values = fields_to_form("action", row)
    assert values == ["Audit", "QA", "2027-03-31", "in_progress", "", 2]
    assert form_to_fields("action", values)["due_date"] == D(2027, 3, 31)
    assert fields_to_form("finding", None) == ["", "", "", [], [], []]
    assert len(fields_to_form("escalation", None)) == len(FORMS["escalation"])


def test_fd105_describe_names_linked_things_and_dates_as_people_read_them():
    row = FindingRow(
        id=1, review_id=1, title="T", text="x", kind="good_practice", kloe_ids=(1, 5),
        event_ids=(9,), episode_ids=(), created_by=None, created_at=WHEN, updated_at=WHEN,
        version=1,
    )  # fmt: skip
    names = {"kloe_ids": {1: "1. Sharing"}, "event_ids": {9: "12 Mar 2019 · Police: call"}}
    shown = dict(describe("finding", row, names))
    assert shown["Good practice or area for improvement"] == "Good practice"
    assert shown["Key lines of enquiry"] == "1. Sharing; #5"  # an unknown id still shows
    assert shown["Events that evidence it"] == "12 Mar 2019 · Police: call"
    escalation = EscalationRow(
        id=2, review_id=1, finding_id=None, text="i", escalated_to="", escalated_on=D(2022, 2, 3),
        created_at=WHEN, updated_at=WHEN, version=1,
    )  # fmt: skip
    esc = dict(describe("escalation", escalation, {}))
    assert esc["When"] == "3 Feb 2022"
    act = dict(describe("action", _action(text="a", status="in_progress"), {}))
    assert act["Status"] == "In progress"


# fd106 (the conflict wording) moved to tests/test_findings_actions.py: the app has one
# writer of that message, timeline.actions.edits.conflict_message.


def test_fd107_parse_day():
    assert parse_day("2021-03-12") == D(2021, 3, 12)
    assert parse_day(D(2021, 3, 12)) == D(2021, 3, 12)
    assert parse_day("") is None and parse_day(None) is None
    with pytest.raises(FormError):
        parse_day("12/03/2021")
