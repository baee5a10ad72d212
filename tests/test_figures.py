from datetime import date

import plotly.graph_objects as go

from tests.test_view import MARKS
from timeline.figures import (
    overview_figure,
    selection_trace,
    tag_point,
    tag_trace_index,
    timeline_figure,
)
from timeline.view import EventTags, lane_order

LANES = lane_order({m.agency for m in MARKS})


def traces(fig):
    return {t["name"]: t for t in fig["data"]}


def test_fg001_a_lane_per_agency_and_links_between_one_events_voices():
    fig = timeline_figure(MARKS, LANES)
    go.Figure(fig)  # a valid Plotly figure (graph_objects validates every property)
    t = traces(fig)
    assert fig["layout"]["yaxis"]["ticktext"] == LANES
    assert {"Police", "Children's Social Care", "GP", "Health Visiting"} <= set(t)
    assert all(tr["type"] == "scatter" for tr in fig["data"])  # few points: SVG, no WebGL
    # event 10 is recorded by police and CSC: one link joins their marks
    assert t["same event"]["x"] == ["2021-03-13", "2021-03-12", None]
    assert t["Police"]["customdata"] == [10]
    # the month-long HV record is drawn across its whole interval and as an open mark
    assert t["date range"]["x"] == ["2021-06-01", "2021-06-30", None]
    assert t["Health Visiting"]["marker"]["symbol"] == ["circle-open"]


def test_fg002_tags_have_a_shape_per_kind_at_fixed_places_and_gaps_are_shaded():
    tags = {10: EventTags({"key_decision"}, {1}), 11: EventTags({"missed_opportunity"}, set())}
    fig = timeline_figure(MARKS, LANES, tags=tags, gaps=[(date(2021, 4, 2), date(2021, 5, 31))])
    go.Figure(fig)
    data = fig["data"]
    decision = data[tag_trace_index("key_decision")]
    assert decision["name"] == "Key decision" and decision["marker"]["symbol"] == "diamond"
    assert decision["customdata"] == [10] and decision["showlegend"]
    assert data[tag_trace_index("missed_opportunity")]["marker"]["symbol"] == "x"
    good = data[tag_trace_index("good_practice")]
    assert good["x"] == [] and not good["showlegend"]  # present, empty, out of the legend
    (gap,) = fig["layout"]["shapes"]
    assert (gap["x0"], gap["x1"]) == ("2021-04-02", "2021-05-31")


def test_fg003_age_axis_selection_highlight_and_episodes():
    fig = timeline_figure(
        MARKS,
        LANES,
        dob=date(2020, 3, 1),
        selected_event=11,
        highlight_agency="GP",
        episodes=[(date(2021, 3, 1), date(2021, 4, 30), "Strategy period")],
    )
    go.Figure(fig)
    assert fig["layout"]["xaxis2"]["ticktext"][0] == "13 months"  # 1 Apr 2021, first in view
    assert fig["data"][0]["name"] == "selected" and fig["data"][0]["y"] == [LANES.index("GP")]
    assert traces(fig)["Police"]["marker"]["opacity"] == 0.25
    assert traces(fig)["GP"]["marker"]["opacity"] == 0.9
    assert fig["layout"]["annotations"][0]["text"] == "Strategy period"


def test_fg004_a_new_tag_lands_where_a_redraw_would_put_it():
    members = [m for m in MARKS if m.event_id == 10]
    x, y, event = tag_point(members, LANES)
    redrawn = timeline_figure(MARKS, LANES, tags={10: EventTags({"comment"}, set())})
    comment = redrawn["data"][tag_trace_index("comment")]
    assert (comment["x"], comment["y"], comment["customdata"]) == ([x], [y], [event])
    ring = selection_trace(members, LANES)
    assert sorted(ring["y"]) == sorted(LANES.index(m.agency) for m in members)


def test_fg005_overview_counts_per_month():
    fig = overview_figure(MARKS, LANES)
    go.Figure(fig)
    police = traces(fig)["Police"]
    assert police["x"] == ["2021-03-01"] and police["y"] == [1]
