from datetime import date

from tests.test_view import MARKS
from timeline.figures import overview_figure, timeline_figure
from timeline.view import EventTags, lane_order

LANES = lane_order({m.agency for m in MARKS})


def traces(fig):
    return {t.name: t for t in fig.data}


def test_fg001_a_lane_per_agency_and_links_between_one_events_voices():
    fig = timeline_figure(MARKS, LANES)
    t = traces(fig)
    assert list(fig.layout.yaxis.ticktext) == LANES
    assert {"Police", "Children's Social Care", "GP", "Health Visiting"} <= set(t)
    assert all(tr.type == "scattergl" for tr in fig.data)
    # event 10 is recorded by police and CSC: one link joins their marks
    link = t["same event"]
    assert list(link.x) == ["2021-03-13", "2021-03-12", None]
    assert list(t["Police"].customdata) == [10]
    # the month-long HV record is drawn across its whole interval and as an open mark
    assert list(t["date range"].x) == ["2021-06-01", "2021-06-30", None]
    assert t["Health Visiting"].marker.symbol == ("circle-open",)


def test_fg002_tags_have_a_shape_per_kind_and_gaps_are_shaded():
    tags = {10: EventTags({"key_decision", "missed_opportunity"}, {1})}
    fig = timeline_figure(MARKS, LANES, tags=tags, gaps=[(date(2021, 4, 2), date(2021, 5, 31))])
    t = traces(fig)
    assert t["Key decision"].marker.symbol == "diamond"
    assert t["Missed opportunity"].marker.symbol == "x"
    assert list(t["Key decision"].customdata) == [10]
    assert "Good practice" not in t
    (gap,) = fig.layout.shapes
    assert (gap.x0, gap.x1) == ("2021-04-02", "2021-05-31")


def test_fg003_age_axis_and_selection_and_highlight():
    fig = timeline_figure(
        MARKS, LANES, dob=date(2020, 3, 1), selected_event=11, highlight_agency="GP"
    )
    assert fig.layout.xaxis2.ticktext[0] == "13 months"  # 1 Apr 2021, the first in view
    assert traces(fig)["selected"].y == (LANES.index("GP"),)
    assert traces(fig)["Police"].marker.opacity == 0.25
    assert traces(fig)["GP"].marker.opacity == 0.9


def test_fg004_overview_counts_per_month():
    fig = overview_figure(MARKS, LANES)
    police = traces(fig)["Police"]
    assert list(police.x) == ["2021-03-01"] and list(police.y) == [1]


def test_fg005_episodes_are_labelled_bands_by_period_or_by_events():
    episodes = [
        {"title": "Spring visits", "date_start": "2021-03-01", "date_end": "2021-04-15"},
        {"title": "The GP visit", "date_start": None, "date_end": None, "event_ids": [11]},
        {"title": "Nothing to draw", "date_start": None, "date_end": None, "event_ids": []},
    ]
    fig = timeline_figure(MARKS, LANES, episodes=episodes)
    bands = [s for s in fig.layout.shapes if (s.name or "").startswith("episode")]
    assert [b.name for b in bands] == ["episode: Spring visits", "episode: The GP visit"]
    assert (bands[0].x0, bands[0].x1) == ("2021-03-01", "2021-04-15")
    assert bands[1].x0 == "2021-04-01"  # the GP record of event 11
    assert [a.text for a in fig.layout.annotations] == ["Spring visits", "The GP visit"]
    assert not timeline_figure(MARKS, LANES).layout.annotations
