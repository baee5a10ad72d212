"""Plotly figures of the merged timeline (plotly's JSON, never Dash).

One Scattergl figure with a lane per agency: a mark per source record, a horizontal
stroke across a partial date's whole interval, a link joining the voices of one merged
event, a marker shape per tag kind above the event, grey bands over long periods with no
contact, labelled bands for key practice episodes, and the child's age along the top.

Figures are built as plain dicts in Plotly's figure format: graph_objects would validate
every one of 20,000 points, which costs more than drawing them. The trace order is fixed
so screens can patch or extend a trace by its index instead of redrawing:
  0 the selection ring, 1..8 one trace per tag kind (KIND_ORDER), then strokes, links and
  a trace per agency.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time

from timeline.view import (
    KIND_LABELS,
    KIND_SYMBOLS,
    EventTags,
    Mark,
    age_ticks,
    agency_colours,
)

HOVER_CHARS = 90
KIND_ORDER = tuple(KIND_LABELS)
SELECTION_TRACE = 0


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


def tag_trace(kind: str, xs: list, ys: list, ids: list, large_type: bool = False) -> dict:
    label = KIND_LABELS[kind]
    return {
        "type": "scattergl",
        "mode": "markers",
        "name": label,
        "legendgroup": kind,
        "x": xs,
        "y": ys,
        "customdata": ids,
        "showlegend": bool(xs),
        "hovertemplate": f"{label}<extra></extra>",
        "marker": {
            "symbol": KIND_SYMBOLS[kind],
            "size": _size(large_type) + 4,
            "color": "#1b1b1b",
            "line": {"width": 1, "color": "#1b1b1b"},
        },
    }


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
    large_type: bool = False,
) -> dict:
    tags = tags or {}
    lane_of = {a: i for i, a in enumerate(lanes)}
    colours = agency_colours(lanes)
    size = _size(large_type)
    by_event: dict[int, list[Mark]] = defaultdict(list)
    for m in marks:
        by_event[m.event_id].append(m)

    data: list[dict] = [selection_trace(by_event.get(selected_event, []), lanes, large_type)]
    for kind in KIND_ORDER:
        placed = [
            (
                event_id,
                *_tag_position([m for m in by_event[event_id] if m.agency in lane_of], lane_of),
            )
            for event_id, t in tags.items()
            if kind in t.kinds and any(m.agency in lane_of for m in by_event.get(event_id, ()))
        ]
        ids, xs, ys = (list(v) for v in zip(*placed, strict=True)) if placed else ([], [], [])
        data.append(tag_trace(kind, xs, ys, ids, large_type))

    # Strokes across partial dates, and links joining one event's voices (one trace each,
    # segments separated by gaps).
    sx: list[str | None] = []
    sy: list[float | None] = []
    for m in marks:
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
    lx: list[str | None] = []
    ly: list[float | None] = []
    for members in by_event.values():
        if len({m.agency for m in members}) < 2:
            continue
        for m in sorted(members, key=lambda m: lane_of[m.agency]):
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

    per_agency: dict[str, list[Mark]] = defaultdict(list)
    for m in marks:
        per_agency[m.agency].append(m)
    for agency in lanes:
        ms = per_agency.get(agency)
        if not ms:
            continue
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

    shapes = [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": a.isoformat(),
            "x1": b.isoformat(),
            "y0": 0,
            "y1": 1,
            "fillcolor": "rgba(120,120,120,0.13)",
            "line": {"width": 0},
            "layer": "below",
        }
        for a, b in gaps
    ]
    annotations = []
    for start, end, name in episodes:
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": start.isoformat(),
                "x1": end.isoformat(),
                "y0": 0,
                "y1": 1,
                "layer": "below",
                "fillcolor": "rgba(0,114,178,0.10)",
                "line": {"width": 1, "color": "rgba(0,114,178,0.6)", "dash": "dot"},
            }
        )
        annotations.append(
            {
                "x": start.isoformat(),
                "y": 1,
                "xref": "x",
                "yref": "paper",
                "text": name,
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "bottom",
                "font": {"size": 12 + 6 * large_type},
            }
        )
    layout: dict = {
        "shapes": shapes,
        "annotations": annotations,
        "height": max(360, 70 * len(lanes) + 160) * (1.3 if large_type else 1),
        "margin": {"l": 10, "r": 10, "t": 60 if dob or episodes else 30, "b": 40},
        "font": {"size": 20 if large_type else 13},
        "hovermode": "closest",
        "dragmode": "zoom",
        "uirevision": "keep",  # keep the user's zoom when the data is redrawn
        "legend": {"orientation": "h", "y": -0.12},
        "plot_bgcolor": "white",
        "yaxis": {
            "tickvals": list(range(len(lanes))),
            "ticktext": list(lanes),
            "range": [len(lanes) - 0.4, -0.75],
            "automargin": True,
            "gridcolor": "#e5e5e5",
            "fixedrange": True,
        },
        "xaxis": {
            "type": "date",
            "gridcolor": "#eeeeee",
            "hoverformat": "%d %b %Y",
            "tickformat": "%b %Y",
            "rangeselector": {
                "buttons": [
                    {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                    {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
                    {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                    {"step": "all", "label": "all"},
                ]
            },
        },
    }
    if x_range:
        layout["xaxis"]["range"] = list(x_range)
    if dob is not None and marks:
        first = min(m.start for m in marks)
        last = max(m.end for m in marks)
        ticks = age_ticks(dob, first, last)
        layout["xaxis2"] = {
            "type": "date",
            "overlaying": "x",
            "matches": "x",
            "side": "top",
            "tickvals": [d.isoformat() for d, _ in ticks],
            "ticktext": [label for _, label in ticks],
            "showgrid": False,
            "title": {"text": "age", "standoff": 2},
        }
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


def overview_figure(
    marks: Sequence[Mark], lanes: Sequence[str], x_range: tuple[str, str] | None = None
) -> dict:
    """A small strip of monthly counts per agency under the timeline: drag across it to
    zoom the timeline (Plotly's range slider cannot draw Scattergl)."""
    colours = agency_colours(lanes)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for m in marks:
        counts[m.agency][m.start.strftime("%Y-%m-01")] += 1
    data = []
    for agency in lanes:
        if agency in counts:
            months = sorted(counts[agency])
            data.append(
                {
                    "type": "bar",
                    "x": months,
                    "y": [counts[agency][k] for k in months],
                    "name": agency,
                    "marker": {"color": colours[agency]},
                    "showlegend": False,
                    "hovertemplate": f"{agency}: %{{y}} in %{{x|%b %Y}}<extra></extra>",
                }
            )
    layout = {
        "barmode": "stack",
        "height": 110,
        "margin": {"l": 10, "r": 10, "t": 5, "b": 25},
        "dragmode": "select",
        "selectdirection": "h",
        "plot_bgcolor": "white",
        "xaxis": {"type": "date", "tickformat": "%Y"},
        "yaxis": {"visible": False, "fixedrange": True},
        "uirevision": "keep",
    }
    return {"data": data, "layout": layout}
