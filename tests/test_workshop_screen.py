"""The workshop on a projector, without a browser: the timeline strip of one step
(timeline/strip.py), the steps with their events and points to raise, the KLOE buttons, and
what a participant following the facilitator is told (timeline/actions)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.actions import prepare, workshop
from timeline.strip import date_ticks, workshop_strip
from timeline.view import EventTags, Mark
from timeline.workflow import POINT

from .test_store_helpers import Database, make_import

D = date


def mark(pk, event, agency, start, end=None, precision="day"):
    return Mark(pk, event, agency, start, end or start, precision, None, f"entry {pk}", "imported")


MARKS = [
    mark(1, 10, "Police", D(2019, 7, 3)),
    mark(2, 10, "GP", D(2019, 7, 4)),
    mark(3, 11, "School", D(2019, 3, 1)),  # before the step
    mark(4, 12, "GP", D(2019, 6, 1), D(2019, 7, 31), "month"),  # partial date reaching in
    mark(5, 13, "Housing", D(2020, 1, 9)),  # after the step
]
LANES = ["Police", "GP", "School", "Housing"]
STEP = (D(2019, 7, 1), D(2019, 12, 31))


def agency_traces(fig):
    return {t["name"]: t for t in fig["data"] if t["name"] in LANES}


def test_ws001_the_strip_holds_the_steps_marks_only_in_lanes_that_have_some():
    fig = workshop_strip(MARKS, LANES, STEP)
    tr = agency_traces(fig)
    assert set(tr) == {"Police", "GP"}  # School and Housing have nothing in the period
    assert fig["layout"]["yaxis"]["ticktext"] == ["Police", "GP"]
    assert sorted(tr["GP"]["customdata"]) == [10, 12]
    # the partial date (June-July) reaches into the step and is drawn open
    gp = dict(zip(tr["GP"]["customdata"], tr["GP"]["marker"]["symbol"], strict=True))
    assert gp == {10: "circle", 12: "circle-open"}
    assert fig["layout"]["xaxis"]["range"] == ["2019-07-01", "2020-01-01"]
    assert all(t["type"] == "scatter" for t in fig["data"])  # SVG: no WebGL needed


def test_ws002_the_event_in_view_is_ringed_and_tags_have_their_shapes():
    tags = {10: EventTags(kinds={"missed_opportunity"}), 13: EventTags(kinds={"key_decision"})}
    fig = workshop_strip(MARKS, LANES, STEP, tags=tags, selected_event=10, font_px=30)
    ring = next(t for t in fig["data"] if t["name"] == "event in view")
    assert ring["y"] == [0, 1] and ring["x"] == ["2019-07-03", "2019-07-04"]
    names = [t["name"] for t in fig["data"]]
    assert "Missed opportunity" in names
    assert "Key decision" not in names  # its event is outside the step
    assert fig["layout"]["font"]["size"] == 30
    assert fig["layout"]["showlegend"] is True


def test_ws003_an_empty_period_says_so_and_keeps_its_date_axis():
    fig = workshop_strip(MARKS, LANES, (D(2018, 1, 1), D(2018, 6, 30)))
    assert not agency_traces(fig)
    texts = [a["text"] for a in fig["layout"]["annotations"]]
    assert "No agency recorded anything in this period." in texts
    assert fig["layout"]["xaxis"]["type"] == "date"


def test_ws011_lanes_fit_the_strips_height_and_the_dates_keep_their_size():
    agencies = [f"Agency {i}" for i in range(10)]
    many = [mark(i, i, a, D(2019, 8, 1 + i)) for i, a in enumerate(agencies)]
    tall = workshop_strip(many, agencies, STEP, font_px=24, height_px=900)
    short = workshop_strip(many, agencies, STEP, font_px=24, height_px=200)
    assert len(short["layout"]["yaxis"]["ticktext"]) == 10
    tall_px = tall["layout"]["yaxis"]["tickfont"]["size"]
    short_px = short["layout"]["yaxis"]["tickfont"]["size"]
    assert tall_px == pytest.approx(24 * 0.85)  # room enough: the screen's size
    # ten lanes in 200 px less the date axis: each label smaller than its lane
    assert short_px < tall_px and short_px * 10 <= 200 - 2 * 24
    assert short["layout"]["xaxis"]["tickfont"]["size"] == tall_px
    marker = short["data"][0]["marker"]["size"]
    assert marker * 10 <= 200 - 2 * 24


@pytest.mark.parametrize(
    "start,end,dtick,fmt",
    [
        (D(2019, 11, 2), D(2019, 11, 20), 7 * 86400000, "%-d %b"),  # an episode: weeks
        (D(2019, 7, 1), D(2019, 12, 31), "M1", "%b %Y"),  # a six-month block: months
        (D(2019, 1, 1), D(2020, 6, 30), "M3", "%b %Y"),
        (D(2017, 1, 1), D(2021, 12, 31), "M12", "%Y"),
    ],
)
def test_ws004_date_ticks_suit_the_length_of_the_period(start, end, dtick, fmt):
    ticks = date_ticks(start, end)
    assert (ticks["dtick"], ticks["tickformat"]) == (dtick, fmt)


def test_ws005_kloe_buttons_carry_their_titles():
    assert (
        workshop.kloe_button_label(0, {"number": "1", "title": "Information sharing"})
        == "1 · KLOE 1: Information sharing"
    )
    assert workshop.kloe_button_label(4, {"number": "5a", "title": "  "}) == "5 · KLOE 5a"


def point(event_id, text="a point"):
    return {"kind": POINT, "event_id": event_id, "text": text, "author_label": "PC Ward"}


def test_ws006_points_to_raise_for_the_step_and_those_no_step_reaches():
    steps = [{"events": [10, 12]}, {"events": [13]}]
    anns = [point(10), point(13), point(11), {"kind": "comment", "event_id": 10}]
    sp = workshop.step_points(anns, steps, 0)
    assert [a["event_id"] for a in sp.here] == [10]
    assert [a["event_id"] for a in sp.outside] == [11]  # event 11 is in no step
    assert sp.elsewhere == 1
    sp = workshop.step_points(anns, steps, 1)
    assert ([a["event_id"] for a in sp.here], sp.elsewhere) == ([13], 1)
    # before the first step is known: every point
    assert len(workshop.step_points(anns, steps, None).here) == 3


@pytest.fixture
def sq(tmp_path):
    database = Database("sqlite", tmp_path)
    yield database.open()
    database.drop()


def test_ws007_steps_carry_their_events_in_date_order(sq):
    from timeline.store import LOCAL_OPERATOR as OP

    rid = sq.reviews.create_review(
        OP, "Review of Elm (fictional)", period=(D(2020, 1, 1), D(2020, 12, 31))
    )
    sq.records.import_results(
        OP,
        rid,
        [
            make_import("GP", [(D(2020, 8, 9), "Immunisation"), (D(2020, 2, 3), "Cough")]),
            make_import("Police", [(D(2019, 5, 1), "Call-out before the review period")]),
        ],
    )
    sq.records.run_matching(OP, rid)
    marks = sq.timeline.timeline_marks(OP, rid)
    ev = {m.text: m.event_id for m in marks}
    steps = workshop.steps(
        sq.reviews.get_review(OP, rid), sq.annotations.list_episodes(OP, rid), marks
    )
    assert [s["label"] for s in steps] == ["Jan 2020 – Jun 2020", "Jul 2020 – Dec 2020"]
    assert steps[0]["events"] == [ev["Cough"]] and steps[1]["events"] == [ev["Immunisation"]]
    assert workshop.step_period(steps[1]) == (D(2020, 7, 1), D(2020, 12, 31))


def test_ws008_a_follower_moves_to_the_facilitators_event_and_is_told_so():
    view = {"label": "Jul 2019 – Dec 2019", "event_id": 42, "period": ["2019-07-01", "2019-12-31"]}
    assert prepare.followed_event(view, True) == 42
    assert prepare.followed_event(view, False) is None  # not following: stay put
    assert prepare.followed_event({"label": "x"}, True) is None  # no event in view yet
    assert "facilitator's event" in prepare.panel_note(42, view, True)
    assert "Jul 2019 – Dec 2019" in prepare.panel_note(42, view, True)
    # the participant chose another entry since: theirs, with nothing above it
    assert prepare.panel_note(7, view, True) == ""


def test_ws009_every_empty_panel_says_what_to_do_next():
    notes = {
        "nothing chosen": prepare.panel_note(None, None, False),
        "not started": prepare.panel_note(None, None, True),
        "no event yet": prepare.panel_note(None, {"label": "Jan 2019 – Jun 2019"}, True),
        "no event for the record": prepare.panel_note(-3, None, False),
    }
    assert "Choose one of your agency's entries" in notes["nothing chosen"]
    assert "has not started yet" in notes["not started"]
    assert "Jan 2019 – Jun 2019" in notes["no event yet"]
    assert "running matching on the Set-up page" in notes["no event for the record"]
    # none of them is the old dead end, and each names a next step
    for text in notes.values():
        assert "ask the lead to run matching" not in text
        assert any(w in text for w in ("Choose", "choose", "runs matching", "running matching"))


def test_ws010_an_episode_from_dates_typed_day_first_or_from_chosen_events(sq):
    from timeline.store import LOCAL_OPERATOR as OP

    rid = sq.reviews.create_review(
        OP, "Review of Oak (fictional)", period=(D(2019, 1, 1), D(2019, 12, 31))
    )
    sq.records.import_results(
        OP, rid, [make_import("GP", [(D(2019, 11, 5), "Seen with bruising")])]
    )
    sq.records.run_matching(OP, rid)
    (m,) = sq.timeline.timeline_marks(OP, rid)
    add = workshop.add_episode
    assert add(sq, OP, rid, " ", "", "02/11/2019", "20/11/2019", []).message == (
        "Name the episode first."
    )
    assert "both a start and an end" in add(sq, OP, rid, "A", "", "02/11/2019", "", []).message
    assert "ends before it starts" in add(sq, OP, rid, "A", "", "20/11/2019", "2/11/19", []).message
    bad = add(sq, OP, rid, "A", "", "31/02/2019", "20/11/2019", [])
    assert bad.version is None and "day first" in bad.message
    assert sq.annotations.list_episodes(OP, rid) == []  # nothing saved by any of those
    # day first, and "Nov 2019" as an end means the end of November
    out = add(sq, OP, rid, " Disclosure ", "", "02/11/2019", "Nov 2019", [])
    assert out.message == "Episode 'Disclosure' added." and out.version is not None
    out = add(sq, OP, rid, "The GP visit", "", "", "", [m.event_id])
    eps = {e["title"]: e for e in sq.annotations.list_episodes(OP, rid)}
    assert (eps["Disclosure"]["date_start"], eps["Disclosure"]["date_end"]) == (
        D(2019, 11, 2),
        D(2019, 11, 30),
    )
    assert eps["The GP visit"]["event_ids"] == [m.event_id]
    gone = workshop.delete_episode(
        sq, OP, rid, eps["Disclosure"]["id"], eps["Disclosure"]["version"]
    )
    assert gone.message == "Episode deleted."
    assert [e["title"] for e in sq.annotations.list_episodes(OP, rid)] == ["The GP visit"]
