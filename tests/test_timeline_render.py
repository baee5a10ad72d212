"""What the timeline's figure asks the browser to draw (issue 12, the first render): SVG
for a figure of a few thousand points and WebGL beyond, group counts written only where
they fit beside their neighbours, and a left margin that holds the lane names so Plotly
does not widen it (and draw the chart a second time) after the first draw."""

from datetime import date, timedelta

import plotly.graph_objects as go

from tests.test_timeline_fit import AGENCIES, by_name, drawn_records, many
from timeline.detail import EPOCH, Group
from timeline.figure_layout import lane_names_px
from timeline.figures import LABEL_PX, SVG_LIMIT, fitting_counts, timeline_figure
from timeline.view import lane_order


def points(fig) -> int:
    return sum(len(t["x"]) for t in fig["data"] if t.get("name") != "age")


def test_tr001_grouped_20000_records_are_drawn_in_svg_every_one_with_webgl():
    marks = many(20_000)
    lanes = lane_order(AGENCIES)
    grouped = timeline_figure(marks, lanes)
    assert points(grouped) <= SVG_LIMIT
    assert {t["type"] for t in grouped["data"]} == {"scatter"}
    every = timeline_figure(marks, lanes, detail_limit=None)
    assert drawn_records(every) == drawn_records(grouped) == 20_000
    assert points(every) > SVG_LIMIT
    # the records' traces with WebGL (the age axis's one invisible trace stays SVG)
    assert {t["type"] for t in every["data"] if t.get("name") != "age"} == {"scattergl"}
    go.Figure(grouped)


def test_tr002_group_counts_never_overlap_in_a_lane_and_the_largest_is_written():
    marks = many(20_000)
    lanes = lane_order(AGENCIES)
    fig = timeline_figure(marks, lanes)
    groups = by_name(fig)["grouped records"]
    span = (max(m.end for m in marks) - min(m.start for m in marks)).days  # no view: all
    written = [i for i, t in enumerate(groups["text"]) if t]
    assert 0 < len(written) < len(groups["x"])  # not every count fits at 20,000 records
    per_lane: dict[int, list[tuple[float, float]]] = {}
    for i in written:
        x = (date.fromisoformat(groups["x"][i]) - EPOCH).days * LABEL_PX / span
        half = (len(groups["text"][i]) * 6.5 + 4) / 2
        per_lane.setdefault(groups["y"][i], []).append((x - half, x + half))
    for spans in per_lane.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), spans
    # every count is still in its group's hover text, written or not
    for text, hover in zip(groups["text"], groups["hovertext"], strict=True):
        assert not text or f"{text} records" in hover


def group(agency: str, day: date, count: int) -> Group:
    return Group(agency, day, day, day, count, tuple(range(count)))


def test_tr003_two_counts_too_close_keep_the_larger_apart_both():
    day = date(2021, 3, 1)
    # 30 days across 800 px: about 27 px a day, so a day apart they fit, side by side not
    close = [group("GP", day, 7), group("GP", day, 120), group("Police", day, 5)]
    assert fitting_counts(close, 30) == ["", "120", "5"]  # one lane's counts, one place
    apart = [group("GP", day, 7), group("GP", day + timedelta(days=1), 120)]
    assert fitting_counts(apart, 30) == ["7", "120"]
    # across ten years the same day apart is a fraction of a pixel: only the larger
    assert fitting_counts(apart, 3650) == ["", "120"]


def test_tr004_the_left_margin_holds_the_widest_lane_name():
    # Chromium here draws "Children's Social Care" at Plotly's 13 px in 128.2 px and
    # Plotly's automargin then asks for 139 px (measured in the browser); Verdana, first
    # of Plotly's fonts that Windows and macOS have, is wider still (about 142 px).
    csc = lane_names_px(["Police", "Children's Social Care", "GP"], 13)
    assert 142 + 11 <= csc <= 175
    assert lane_names_px(["GP"], 13) < lane_names_px(["Police"], 13) < csc
    assert lane_names_px(["Children's Social Care"], 20) > csc  # large type
    # an accented name counts its letters, not the accents on their own
    assert lane_names_px(["Clinique Hélène"], 13) == lane_names_px(["Clinique Helene"], 13)
    fig = timeline_figure(many(50), lane_order(AGENCIES))
    assert fig["layout"]["margin"]["l"] == lane_names_px(lane_order(AGENCIES), 13)
    assert fig["layout"]["yaxis"]["automargin"]  # still the safety net for a wider font


def test_tr005_the_figure_says_which_view_it_was_drawn_for():
    lanes = lane_order(AGENCIES)
    view = (date(2020, 3, 1), date(2020, 3, 31))
    fig = timeline_figure(many(2_000), lanes, view=view)
    assert fig["layout"]["meta"] == {"view": ["2020-03-01", "2020-03-31"]}
    assert timeline_figure(many(2_000), lanes)["layout"]["meta"] == {"view": None}
