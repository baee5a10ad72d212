"""Plotly figures of the merged timeline (plotly's JSON, never Dash).

One scatter figure with a lane per agency: a mark per source record, a horizontal
stroke across a partial date's whole interval, a link joining the voices of one merged
event, a marker shape per tag kind above the event, grey bands over long periods with no
contact, labelled bands for key practice episodes, and the child's age along the top.

Figures are built as plain dicts in Plotly's figure format: graph_objects would validate
every one of 20,000 points, which costs more than drawing them. The trace order is fixed
so screens can patch or extend a trace by its index instead of redrawing:
  0 the selection ring, 1..8 one trace per tag kind (KIND_ORDER), 9 several tags at one
  place, 10 strokes, 11 links, 12 grouped records, then a trace per agency (records
  drawn one by one), then the age axis's.
Where many records are in view they are grouped per lane with a count
(timeline/detail.py); tags that would overlap are grouped with a count as well.

A figure of a few thousand points is drawn in SVG (`scatter`): WebGL's start-up (a
context, its shaders) costs a browser more than drawing them. A larger one (every record
one by one, zoomed in on a busy month) is drawn with WebGL (`scattergl`).
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time

from timeline.detail import DETAIL_LIMIT, EPOCH, Group, bin_days, level_of_detail, parse_day
from timeline.figure_layout import age_axis, blank_overview, overview_figure, timeline_layout
from timeline.view import (
    KIND_LABELS,
    KIND_SYMBOLS,
    EventTags,
    Mark,
    agency_colours,
)

__all__ = ["blank_overview", "overview_figure", "timeline_figure", "tag_point", "selection_trace"]

HOVER_CHARS = 90
KIND_ORDER = tuple(KIND_LABELS)
SELECTION_TRACE = 0
SVG_LIMIT = 2500  # points drawn in SVG at most; more are drawn with WebGL
# Groups' counts are written where they fit beside their neighbours' at this plot width
# (a laptop's chart; wider, they are further apart); every count is in its hover.
LABEL_PX = 800
LABEL_DIGIT_PX = 6.5  # a digit at the counts' 10 px, and a space between two counts
LABEL_GAP_PX = 4


def tag_trace_index(kind: str) -> int:
    return 1 + KIND_ORDER.index(kind)


def _x(m: Mark) -> str:
    if m.time is not None:
        return datetime.combine(m.start, m.time).isoformat(sep=" ", timespec="minutes")
    return m.start.isoformat()


def _date_label(m: Mark) -> str:
    day = f"{m.start.day} {m.start:%b %Y}"
    if m.precision in ("day", "exact"):
        return day + (f" {m.time:%H:%M}" if m.time else "")
    return f"{day} – {m.end.day} {m.end:%b %Y} ({m.precision})"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= HOVER_CHARS else text[: HOVER_CHARS - 1] + "…"


def _size(large_type: bool) -> int:
    return 13 if large_type else 9


def _tag_position(members: Sequence[Mark], lane_of: dict[str, int]) -> tuple[str, float]:
    """Where an event's tags go: at its first voice's date, just above its top lane."""
    first = min(members, key=lambda m: (m.start, m.time or time.min, lane_of[m.agency]))
    return _x(first), min(lane_of[m.agency] for m in members) - 0.38


def tag_point(
    members: Sequence[Mark], lanes: Sequence[str]
) -> tuple[str | None, float | None, int | None]:
    """(x, y, event id) of a new tag on an event, to extend its kind's trace on a drawn
    figure: the tagger's screen shows it without redrawing 20,000 marks. An event with no
    voice left on the timeline (all its records withdrawn, or its lanes hidden) has no
    place: (None, None, None), which Plotly draws as nothing; the tag itself is saved."""
    lane_of = {a: i for i, a in enumerate(lanes)}
    shown = [m for m in members if m.agency in lane_of]
    if not shown:
        return None, None, None
    x, y = _tag_position(shown, lane_of)
    return x, y, shown[0].event_id


def selection_trace(
    members: Sequence[Mark], lanes: Sequence[str], large_type: bool = False
) -> dict:
    """A ring around each voice of the selected event (empty when none is selected)."""
    lane_of = {a: i for i, a in enumerate(lanes)}
    shown = [m for m in members if m.agency in lane_of]
    return {
        "type": "scattergl",
        "mode": "markers",
        "name": "selected",
        "hoverinfo": "skip",
        "showlegend": False,
        "x": [_x(m) for m in shown],
        "y": [lane_of[m.agency] for m in shown],
        "marker": {
            "size": _size(large_type) + 10,
            "color": "rgba(0,0,0,0)",
            "line": {"width": 3, "color": "#ffbf47"},
        },
    }


def _tag_groups(
    by_event: dict[int, list[Mark]],
    tags: dict[int, EventTags],
    lane_of: dict[str, int],
    width_days: int | None,
) -> tuple[dict[str, list[tuple]], list[tuple]]:
    """Tags that would be drawn on top of one another, grouped with a count.

    Tags of one event, or (when records are grouped) of events in one bin above the same
    lane, share a place. A place holding one kind is drawn with that kind's shape (and
    the number of events when more than one); a place holding several kinds is drawn
    once, as "several tags" with the count, its hover naming each kind. Returns per kind
    [(x, y, event id, count, hover)], and the same for the "several" places."""
    places: dict[tuple, list[tuple[int, str, float, date]]] = defaultdict(list)
    for event_id, t in tags.items():
        members = [m for m in by_event.get(event_id, ()) if m.agency in lane_of]
        if not members or not t.kinds:
            continue
        x, y = _tag_position(members, lane_of)
        first = min(m.start for m in members)
        key = (x, y) if width_days is None else ((first - EPOCH).days // width_days, y)
        places[key].append((event_id, x, y, first))
    per_kind: dict[str, list[tuple]] = {k: [] for k in KIND_ORDER}
    several: list[tuple] = []
    for events in places.values():
        events.sort(key=lambda e: (e[3], e[0]))
        event_id, x, y, first = events[0]
        counts: dict[str, int] = defaultdict(int)
        for e in events:
            for kind in tags[e[0]].kinds:
                counts[kind] += 1
        when = f"{first.day} {first:%b %Y}"
        if len(counts) == 1:
            ((kind, n),) = counts.items()
            hover = f"{KIND_LABELS[kind]}" + (f": {n} events from {when}" if n > 1 else "")
            per_kind[kind].append((x, y, event_id, n, hover))
        else:
            listed = "<br>".join(
                f"{KIND_LABELS[k]} ×{counts[k]}" for k in KIND_ORDER if k in counts
            )
            several.append((x, y, event_id, sum(counts.values()), f"{when}<br>{listed}"))
    return per_kind, several


def _tag_trace_from(name: str, places: list[tuple], marker: dict, legendgroup: str) -> dict:
    xs, ys, ids, ns, hovers = (
        (list(v) for v in zip(*places, strict=True)) if places else ([], [], [], [], [])
    )
    return {
        "type": "scattergl",
        "mode": "markers+text",
        "name": name,
        "legendgroup": legendgroup,
        "x": xs,
        "y": ys,
        "customdata": ids,
        "text": [str(n) if n > 1 else "" for n in ns],
        "hovertext": hovers,
        "textposition": "middle right",
        "textfont": {"color": "#1b1b1b"},
        "showlegend": bool(xs),
        "hovertemplate": "%{hovertext}<extra></extra>",
        "marker": marker,
    }


def tag_trace(kind: str, places: list[tuple], large_type: bool = False) -> dict:
    return _tag_trace_from(
        KIND_LABELS[kind],
        places,
        {
            "symbol": KIND_SYMBOLS[kind],
            "size": _size(large_type) + 4,
            "color": "#1b1b1b",
            "line": {"width": 1, "color": "#1b1b1b"},
        },
        kind,
    )


def several_trace(places: list[tuple], large_type: bool = False) -> dict:
    return _tag_trace_from(
        "Several tags (number: how many)",
        places,
        {
            "symbol": "circle",
            "size": _size(large_type) + 7,
            "color": "#ffffff",
            "line": {"width": 2, "color": "#1b1b1b"},
        },
        "several",
    )


def fitting_counts(groups: Sequence[Group], span_days: int, plot_px: int = LABEL_PX) -> list[str]:
    """Each group's count as its label, or "" where it would overlap a label of its lane
    (at `plot_px` across `span_days`): the larger counts are written first. Overlapping
    labels were an unreadable smear, and cost the browser more than the marks."""
    px_per_day = plot_px / max(1, span_days)
    texts = [""] * len(groups)
    placed: dict[str, list[tuple[float, float]]] = defaultdict(list)
    order = sorted(range(len(groups)), key=lambda i: (-groups[i].count, groups[i].centre))
    for i in order:
        g = groups[i]
        label = str(g.count)
        half = (len(label) * LABEL_DIGIT_PX + LABEL_GAP_PX) / 2
        x = (g.centre - EPOCH).days * px_per_day
        lane = placed[g.agency]
        k = bisect.bisect_left(lane, (x,))
        if (k < len(lane) and lane[k][0] - lane[k][1] < x + half) or (
            k > 0 and lane[k - 1][0] + lane[k - 1][1] > x - half
        ):
            continue
        lane.insert(k, (x, half))
        texts[i] = label
    return texts


def group_trace(
    groups: Sequence[Group], lane_of: dict[str, int], colours: dict, span_days: int = 0
) -> dict:
    """One mark per group of records, its size growing with the count, its count written
    where it fits (`span_days`: the days across the chart); clicking it zooms into the
    group's dates (customdata: [first day, last day])."""
    return {
        "type": "scattergl",
        "mode": "markers+text",
        "name": "grouped records",
        "x": [g.centre.isoformat() for g in groups],
        "y": [lane_of[g.agency] for g in groups],
        "customdata": [[g.start.isoformat(), g.end.isoformat()] for g in groups],
        "text": fitting_counts(groups, span_days),
        "textposition": "top center",
        "textfont": {"size": 10, "color": "#1b1b1b"},
        "hovertext": [
            f"<b>{g.agency}</b><br>{g.count} records, {g.start.day} {g.start:%b %Y}"
            f" – {g.end.day} {g.end:%b %Y}<br>click to zoom in"
            for g in groups
        ],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "showlegend": False,
        "meta": {"records": sum(g.count for g in groups)},
        "marker": {
            "symbol": "square",
            "size": [min(22, 7 + 3 * math.log2(g.count)) for g in groups],
            "color": [colours[g.agency] for g in groups],
            "opacity": 0.85,
            "line": {"width": 1, "color": "#ffffff"},
        },
    }


def timeline_figure(
    marks: Sequence[Mark],
    lanes: Sequence[str],
    *,
    tags: dict[int, EventTags] | None = None,
    gaps: Sequence[tuple[date, date]] = (),
    episodes: Sequence[tuple[date, date, str]] = (),
    dob: date | None = None,
    highlight_agency: str | None = None,
    selected_event: int | None = None,
    x_range: tuple[str, str] | None = None,
    view: tuple[date, date] | None = None,
    large_type: bool = False,
    fit: bool = False,
    detail_limit: int | None = DETAIL_LIMIT,
) -> dict:
    """The figure. `view`: the dates in view (the range is set to them, records are
    grouped for them, the age axis labels them); `x_range` is the older way to say the
    same with ISO strings. `fit`: no fixed height, the chart fills its container (the
    page sizes it to the viewport). `detail_limit`: how many records in view are drawn
    one by one before they are grouped (None: never group)."""
    tags = tags or {}
    if view is None and x_range:
        view = (parse_day(x_range[0]), parse_day(x_range[1]))
        view = view if None not in view else None
    lane_of = {a: i for i, a in enumerate(lanes)}
    colours = agency_colours(lanes)
    size = _size(large_type)
    by_event: dict[int, list[Mark]] = defaultdict(list)
    for m in marks:
        by_event[m.event_id].append(m)
    drawable = [m for m in marks if m.agency in lane_of]
    if detail_limit is None:
        singles, groups = drawable, []
    else:
        singles, groups = level_of_detail(drawable, view, limit=detail_limit)
    # Tags share the records' bins when records are grouped; else only exact places.
    width = bin_days(drawable, view) if groups else None

    data: list[dict] = [selection_trace(by_event.get(selected_event, []), lanes, large_type)]
    per_kind, several = _tag_groups(by_event, tags, lane_of, width)
    for kind in KIND_ORDER:
        data.append(tag_trace(kind, per_kind[kind], large_type))
    data.append(several_trace(several, large_type))

    # Strokes across partial dates, and links joining one event's voices (one trace each,
    # segments separated by gaps); for the records drawn one by one.
    sx: list[str | None] = []
    sy: list[float | None] = []
    for m in singles:
        if m.end > m.start:
            y = lane_of[m.agency]
            sx += [m.start.isoformat(), m.end.isoformat(), None]
            sy += [y, y, None]
    data.append(
        {
            "type": "scattergl",
            "mode": "lines",
            "name": "date range",
            "x": sx,
            "y": sy,
            "hoverinfo": "skip",
            "showlegend": False,
            "line": {"width": 6, "color": "rgba(90,90,90,0.35)"},
        }
    )
    # The voices drawn one by one, per event (in the records' order): most events are
    # in a group when many records are in view, so only these few are looked at.
    single_ids = {m.pk for m in singles}
    single_events: dict[int, list[Mark]] = defaultdict(list)
    for m in marks:
        if m.pk in single_ids:
            single_events[m.event_id].append(m)
    lx: list[str | None] = []
    ly: list[float | None] = []
    for event_id in by_event:
        shown = single_events.get(event_id)
        if not shown or len({m.agency for m in shown}) < 2:
            continue
        for m in sorted(shown, key=lambda m: lane_of[m.agency]):
            lx.append(_x(m))
            ly.append(lane_of[m.agency])
        lx.append(None)
        ly.append(None)
    data.append(
        {
            "type": "scattergl",
            "mode": "lines",
            "name": "same event",
            "x": lx,
            "y": ly,
            "hoverinfo": "skip",
            "showlegend": False,
            "line": {"width": 1.5, "color": "rgba(40,40,40,0.55)"},
        }
    )
    if groups:
        v0, v1 = view or (min(m.start for m in drawable), max(m.end for m in drawable))
        span = (v1 - v0).days
    else:
        span = 0
    data.append(group_trace(groups, lane_of, colours, span))

    per_agency: dict[str, list[Mark]] = defaultdict(list)
    for m in singles:
        per_agency[m.agency].append(m)
    for agency in lanes:
        ms = per_agency.get(agency)
        if not ms:
            continue
        ms.sort(key=lambda m: (m.start, m.time or time.min))
        dim = highlight_agency is not None and agency != highlight_agency
        data.append(
            {
                "type": "scattergl",
                "mode": "markers",
                "name": agency,
                "x": [_x(m) for m in ms],
                "y": [lane_of[agency]] * len(ms),
                "customdata": [m.event_id for m in ms],
                "text": [f"{_date_label(m)}<br>{_short(m.text)}" for m in ms],
                "hovertemplate": f"<b>{agency}</b><br>%{{text}}<extra></extra>",
                "showlegend": False,
                "meta": {"records": len(ms)},
                "marker": {
                    "size": [size + 2 if m.status == "needs_review" else size for m in ms],
                    "color": colours[agency],
                    "opacity": 0.25 if dim else 0.9,
                    "symbol": [
                        "circle" if m.precision in ("day", "exact") else "circle-open" for m in ms
                    ],
                    "line": {"width": 1.5, "color": colours[agency]},
                },
            }
        )
    if sum(len(t["x"]) for t in data) <= SVG_LIMIT:
        for t in data:
            t["type"] = "scatter"
    layout = timeline_layout(
        lanes,
        gaps,
        episodes,
        view=view,
        large_type=large_type,
        fit=fit,
        dob=dob,
        tag_legend=any(per_kind.values()) or bool(several),
    )
    if dob is not None and drawable:
        first = min(m.start for m in drawable)
        last = max(m.end for m in drawable)
        layout["xaxis2"] = age_axis(dob, (view or (first, last)) if fit else (first, last))
        # An invisible trace so the age axis is drawn.
        data.append(
            {
                "type": "scatter",
                "x": [first.isoformat(), last.isoformat()],
                "y": [0, 0],
                "xaxis": "x2",
                "mode": "markers",
                "marker": {"opacity": 0},
                "hoverinfo": "skip",
                "showlegend": False,
                "name": "age",
            }
        )
    return {"data": data, "layout": layout}
