"""The timeline's figure without a browser: what is drawn one by one and what is grouped,
tick formats, the strip's range, the age axis at any zoom, tags grouped with a count,
and the list of events in view."""

from datetime import date, timedelta

import plotly.graph_objects as go

from tests.test_view import MARKS, mk
from timeline.detail import (
    events_in_view,
    level_of_detail,
    strip_window,
    view_from,
    view_from_relayout,
    view_in,
)
from timeline.figure_layout import DATE_TICKS, DAY_MS
from timeline.figures import overview_figure, tag_trace_index, timeline_figure
from timeline.view import EventTags, lane_order

AGENCIES = [
    "Children's Social Care",
    "Police",
    "Health Visiting",
    "Midwifery",
    "GP",
    "Hospital",
    "Ambulance",
    "Mental Health",
    "School",
    "Housing",
]


def many(n: int, start=date(2019, 1, 1), days=1000):
    """n records spread evenly over `days`, round-robin over ten agencies, one event each."""
    return [
        mk(i + 1, i + 1, AGENCIES[i % 10], start + timedelta(days=(i * days) // n))
        for i in range(n)
    ]


def drawn_records(fig) -> int:
    return sum(t.get("meta", {}).get("records", 0) for t in fig["data"])


def by_name(fig):
    return {t["name"]: t for t in fig["data"]}


def test_tf001_20000_records_are_grouped_but_every_one_is_counted():
    marks = many(20_000)
    lanes = lane_order(AGENCIES)
    fig = timeline_figure(marks, lanes)
    groups = by_name(fig)["grouped records"]
    assert drawn_records(fig) == 20_000  # nothing is lost: singles plus the groups' counts
    assert 0 < len(groups["x"]) <= 10 * 160  # at most ~150 groups across, per lane
    singles = sum(len(t["x"]) for t in fig["data"] if t["name"] in AGENCIES)
    assert singles + len(groups["x"]) < 2_000
    # a group's click zooms: its customdata is its first and last day, in date order
    first, last = groups["customdata"][0]
    assert first <= last
    go.Figure(fig)


def test_tf002_zoomed_in_the_records_come_back_one_by_one():
    marks = many(20_000)
    lanes = lane_order(AGENCIES)
    view = (date(2020, 3, 1), date(2020, 3, 31))
    fig = timeline_figure(marks, lanes, view=view)
    in_view = [m for m in marks if view[0] <= m.start <= view[1]]
    shown = {(x, t["name"]) for t in fig["data"] if t["name"] in AGENCIES for x in t["x"]}
    assert {(m.start.isoformat(), m.agency) for m in in_view} <= shown
    assert drawn_records(fig) == 20_000  # further away they are still grouped, counted
    assert fig["layout"]["xaxis"]["range"] == ["2020-03-01", "2020-03-31"]


def test_tf003_few_records_are_never_grouped():
    fig = timeline_figure(MARKS, lane_order({m.agency for m in MARKS}))
    assert by_name(fig)["grouped records"]["x"] == []
    singles, groups = level_of_detail(MARKS, None)
    assert len(singles) == len(MARKS) and groups == []


def test_tf004_ticks_never_repeat_a_label_at_any_spacing():
    stops = {tuple(s["dtickrange"]): s["value"] for s in DATE_TICKS}
    # weekly or daily ticks (a 1-month zoom) name the day; monthly ticks the month; yearly
    # ticks the year: each format is at least as fine as the spacing it is used at
    assert stops[(DAY_MS, "M1")] == "%d %b %Y"
    assert stops[("M1", "M12")] == "%b %Y"
    assert stops[("M12", None)] == "%Y"
    assert stops[(None, DAY_MS)].startswith("%d %b %Y %H:%M")
    fig = timeline_figure(MARKS, lane_order({m.agency for m in MARKS}))
    assert fig["layout"]["xaxis"]["tickformatstops"] == DATE_TICKS
    assert "tickformat" not in fig["layout"]["xaxis"]
    assert (
        overview_figure(MARKS, lane_order({m.agency for m in MARKS}))["layout"]["xaxis"][
            "tickformatstops"
        ]
        == DATE_TICKS
    )


def test_tf005_fit_leaves_the_height_to_the_page_and_lanes_span_it():
    lanes = lane_order(AGENCIES)
    fitted = timeline_figure(many(50), lanes, fit=True)["layout"]
    assert "height" not in fitted and fitted["autosize"]
    assert fitted["yaxis"]["range"] == [9.6, -0.75]  # all ten lanes in the plot area
    assert fitted["yaxis"]["ticktext"] == lanes
    fixed = timeline_figure(many(50), lanes)["layout"]
    assert fixed["height"] == 70 * 10 + 160  # the older screens keep their fixed height


def test_tf006_the_age_axis_keeps_a_label_at_a_one_month_zoom():
    lanes = lane_order(AGENCIES)
    dob = date(2019, 5, 20)
    fig = timeline_figure(
        many(500), lanes, dob=dob, view=(date(2020, 3, 1), date(2020, 3, 31)), fit=True
    )
    age = fig["layout"]["xaxis2"]
    assert age["ticktext"] == ["10 months"]  # the month-birthday on 20 Mar 2020
    assert age["tickvals"] == ["2020-03-20"]
    fig = timeline_figure(
        many(500), lanes, dob=dob, view=(date(2020, 3, 1), date(2020, 3, 10)), fit=True
    )
    # no month-birthday inside: the age in the middle of the view (5 Mar 2020)
    assert fig["layout"]["xaxis2"]["ticktext"] == ["9 months"]


def test_tf007_tags_on_one_event_are_one_mark_with_a_count():
    lanes = lane_order({m.agency for m in MARKS})
    tags = {
        10: EventTags({"key_decision", "missed_opportunity"}, {1}),
        11: EventTags({"good_practice"}, set()),
    }
    fig = timeline_figure(MARKS, lanes, tags=tags)
    t = by_name(fig)
    several = t["Several tags (number: how many)"]
    assert several["customdata"] == [10] and several["text"] == ["2"]
    assert "Key decision ×1" in several["hovertext"][0]
    assert "Missed opportunity ×1" in several["hovertext"][0]
    assert t["Key decision"]["x"] == [] and not t["Key decision"]["showlegend"]
    good = fig["data"][tag_trace_index("good_practice")]
    assert good["customdata"] == [11] and good["text"] == [""] and good["showlegend"]
    # agencies are named on their lanes, never in the tags' legend
    assert not any(tr.get("showlegend") for tr in fig["data"] if tr["name"] in lanes)


def test_tf008_zoomed_out_tags_of_nearby_events_are_grouped():
    marks = many(20_000)
    lanes = lane_order(AGENCIES)
    # ten comments on ten events on ten days in a row, in the same lane
    first_of_day = {}
    for m in marks:
        if m.agency == "Children's Social Care":
            first_of_day.setdefault(m.start, m)
    tagged = list(first_of_day.values())[:10]
    tags = {m.event_id: EventTags({"comment"}, set()) for m in tagged}
    fig = timeline_figure(marks, lanes, tags=tags)
    comment = fig["data"][tag_trace_index("comment")]
    assert sum(int(n or 1) for n in comment["text"]) == 10
    assert len(comment["x"]) < 10
    zoomed = timeline_figure(marks, lanes, tags=tags, view=(date(2019, 1, 1), date(2019, 1, 20)))
    assert len(zoomed["data"][tag_trace_index("comment")]["x"]) == 10


def test_tf009_the_strip_spans_the_period_and_counts_the_strays():
    marks = [*MARKS, mk(90, 90, "GP", date(2017, 1, 5)), mk(91, 91, "GP", date(2031, 2, 1))]
    lanes = lane_order({m.agency for m in marks})
    fig = overview_figure(marks, lanes, period=(date(2021, 1, 1), date(2021, 12, 31)))
    assert fig["layout"]["xaxis"]["range"] == ["2021-01-01", "2022-01-01"]
    texts = [a["text"] for a in fig["layout"]["annotations"]]
    assert texts == ["◀ 1 earlier", "1 later ▶"]
    assert all("2017" not in x and "2031" not in x for t in fig["data"] for x in t["x"])
    # without a period: all but the stray 1% at either end
    spread = [*many(300, start=date(2020, 1, 1), days=365), mk(999, 999, "GP", date(2031, 1, 1))]
    window = strip_window(spread)
    assert window.start == date(2020, 1, 1) and window.end == max(m.start for m in spread[:-1])
    assert window.after == 1 and window.before == 0
    assert strip_window(spread[:-1]).after == 0  # no stray: nothing is cut


def test_tf010_a_zoom_a_double_click_and_the_date_picker_become_the_view():
    assert view_from_relayout(
        {"xaxis.range[0]": "2021-03-01 10:22:01.5", "xaxis.range[1]": "2021-04-02"}
    ) == [
        "2021-03-01",
        "2021-04-02",
    ]
    assert view_from_relayout({"xaxis.range": ["2021-05-01", "2021-06-01"]}) == [
        "2021-05-01",
        "2021-06-01",
    ]
    assert view_from_relayout({"xaxis.autorange": True}) == "all"
    assert view_from_relayout({"autosize": True}) is None  # a resize is not a zoom
    assert view_from(["2021-06-01", "2021-05-01"]) == (date(2021, 5, 1), date(2021, 6, 1))
    assert view_from(["nonsense", "2021-05-01"]) is None


def test_tf011_the_events_list_holds_the_events_in_view_in_date_order():
    lanes = lane_order({m.agency for m in MARKS})
    listed, total = events_in_view(MARKS, (date(2021, 3, 1), date(2021, 4, 30)), lanes)
    assert [e.event_id for e in listed] == [10, 11] and total == 2
    assert listed[0].when == "12 Mar 2021"
    assert listed[0].agencies == "Children's Social Care, Police"  # in lane order
    listed, total = events_in_view(many(50), None, lane_order(AGENCIES), limit=20)
    assert len(listed) == 20 and total == 50


def test_tf012_the_view_is_the_zoom_else_the_period_else_everything():
    period = (date(2020, 1, 1), date(2021, 12, 31))
    assert view_in(["2021-03-01", "2021-03-31"], period) == (date(2021, 3, 1), date(2021, 3, 31))
    assert view_in(None, period) == period
    assert view_in("period", period) == period  # the page's start (timeline_parts)
    assert view_in("all", period) is None  # a double click shows every record
    assert view_in(None, (None, None)) is None
