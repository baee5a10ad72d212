"""Plotly figures of the merged timeline (plotly only, never Dash).

One Scattergl figure with a lane per agency: a mark per source record, a horizontal
stroke across a partial date's whole interval, a link joining the voices of one merged
event, a marker shape per tag kind above the event, grey bands over long periods with no
contact, and the child's age along the top axis.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime

import plotly.graph_objects as go

from timeline.view import (
    KIND_LABELS,
    KIND_SYMBOLS,
    EventTags,
    Mark,
    age_ticks,
    agency_colours,
)

HOVER_CHARS = 90


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


def timeline_figure(
    marks: Sequence[Mark],
    lanes: Sequence[str],
    *,
    tags: dict[int, EventTags] | None = None,
    gaps: Sequence[tuple[date, date]] = (),
    dob: date | None = None,
    highlight_agency: str | None = None,
    selected_event: int | None = None,
    x_range: tuple[str, str] | None = None,
    large_type: bool = False,
    episodes: Sequence[dict] = (),
) -> go.Figure:
    """`episodes`: key practice episodes (dicts with title, date_start, date_end and
    event_ids, as the store lists them) drawn as labelled bands."""
    tags = tags or {}
    lane_of = {a: i for i, a in enumerate(lanes)}
    colours = agency_colours(lanes)
    fig = go.Figure()

    # Strokes across partial dates (one trace: segments separated by gaps).
    sx: list[str | None] = []
    sy: list[float | None] = []
    for m in marks:
        if m.end > m.start:
            y = lane_of[m.agency]
            sx += [m.start.isoformat(), m.end.isoformat(), None]
            sy += [y, y, None]
    if sx:
        fig.add_trace(
            go.Scattergl(
                x=sx,
                y=sy,
                mode="lines",
                hoverinfo="skip",
                showlegend=False,
                line={"width": 6, "color": "rgba(90,90,90,0.35)"},
                name="date range",
            )
        )

    # Links joining one event's voices, lane by lane.
    by_event: dict[int, list[Mark]] = defaultdict(list)
    for m in marks:
        by_event[m.event_id].append(m)
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
    if lx:
        fig.add_trace(
            go.Scattergl(
                x=lx,
                y=ly,
                mode="lines",
                hoverinfo="skip",
                showlegend=False,
                line={"width": 1.5, "color": "rgba(40,40,40,0.55)"},
                name="same event",
            )
        )

    size = 13 if large_type else 9
    for agency in lanes:
        ms = [m for m in marks if m.agency == agency]
        if not ms:
            continue
        dim = highlight_agency is not None and agency != highlight_agency
        fig.add_trace(
            go.Scattergl(
                x=[_x(m) for m in ms],
                y=[lane_of[agency]] * len(ms),
                mode="markers",
                name=agency,
                customdata=[m.event_id for m in ms],
                text=[f"{_date_label(m)}<br>{_short(m.text)}" for m in ms],
                hovertemplate=f"<b>{agency}</b><br>%{{text}}<extra></extra>",
                marker={
                    "size": [size + 2 if m.status == "needs_review" else size for m in ms],
                    "color": colours[agency],
                    "opacity": 0.25 if dim else 0.9,
                    "symbol": [
                        "circle" if m.precision in ("day", "exact") else "circle-open" for m in ms
                    ],
                    "line": {"width": 1.5, "color": colours[agency]},
                },
            )
        )

    # Tags: one trace per kind, a shape per kind, just above the event's first mark.
    for kind, label in KIND_LABELS.items():
        xs, ys, ids = [], [], []
        for event_id, t in tags.items():
            members = by_event.get(event_id)
            if kind in t.kinds and members:
                first = min(members, key=lambda m: (m.start, lane_of[m.agency]))
                xs.append(_x(first))
                ys.append(min(lane_of[m.agency] for m in members) - 0.38)  # above the top voice
                ids.append(event_id)
        if xs:
            fig.add_trace(
                go.Scattergl(
                    x=xs,
                    y=ys,
                    mode="markers",
                    name=label,
                    customdata=ids,
                    hovertemplate=f"{label}<extra></extra>",
                    marker={
                        "symbol": KIND_SYMBOLS[kind],
                        "size": size + 4,
                        "color": "#1b1b1b",
                        "line": {"width": 1, "color": "#1b1b1b"},
                    },
                )
            )

    if selected_event is not None and selected_event in by_event:
        sel = by_event[selected_event]
        fig.add_trace(
            go.Scattergl(
                x=[_x(m) for m in sel],
                y=[lane_of[m.agency] for m in sel],
                mode="markers",
                name="selected",
                hoverinfo="skip",
                showlegend=False,
                marker={
                    "size": size + 10,
                    "color": "rgba(0,0,0,0)",
                    "line": {"width": 3, "color": "#ffbf47"},
                },
            )
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
    bands, labels = _episode_bands(episodes, by_event, large_type)
    shapes += bands
    font = 20 if large_type else 13
    layout: dict = {
        "shapes": shapes,
        "height": max(360, 70 * len(lanes) + 160) * (1.3 if large_type else 1),
        "margin": {"l": 10, "r": 10, "t": 60 if dob else 30, "b": 40},
        "font": {"size": font},
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
    if labels:
        layout["annotations"] = labels
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
        fig.add_trace(
            go.Scatter(
                x=[first.isoformat(), last.isoformat()],
                y=[0, 0],
                xaxis="x2",
                mode="markers",
                marker={"opacity": 0},
                hoverinfo="skip",
                showlegend=False,
                name="age",
            )
        )
    fig.update_layout(**layout)
    return fig


def episode_span(episode: dict, by_event: dict[int, list[Mark]]) -> tuple[date, date] | None:
    """An episode's dates: its own period, else the span of its events' marks."""
    start, end = episode.get("date_start"), episode.get("date_end")
    if start or end:
        start = _as_date(start or end)
        return start, _as_date(end) if end else start
    marks = [m for e in episode.get("event_ids") or () for m in by_event.get(e, ())]
    if not marks:
        return None
    return min(m.start for m in marks), max(m.end for m in marks)


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _episode_bands(
    episodes: Sequence[dict], by_event: dict[int, list[Mark]], large_type: bool
) -> tuple[list[dict], list[dict]]:
    shapes, labels = [], []
    for ep in episodes:
        span = episode_span(ep, by_event)
        if span is None:
            continue
        a, b = span
        if b <= a:  # a one-day episode still shows as a band
            b = date.fromordinal(a.toordinal() + 1)
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": a.isoformat(),
                "x1": b.isoformat(),
                "y0": 0,
                "y1": 1,
                "fillcolor": "rgba(255,191,71,0.18)",
                "line": {"width": 1, "color": "rgba(200,130,0,0.6)"},
                "layer": "below",
                "name": f"episode: {ep.get('title', '')}",
            }
        )
        labels.append(
            {
                "x": a.isoformat(),
                "xref": "x",
                "y": 1,
                "yref": "paper",
                "yanchor": "bottom",
                "xanchor": "left",
                "showarrow": False,
                "text": ep.get("title", ""),
                "font": {"size": 18 if large_type else 12, "color": "#6b4400"},
                "name": "episode label",
            }
        )
    return shapes, labels


def overview_figure(marks: Sequence[Mark], lanes: Sequence[str]) -> go.Figure:
    """A small strip of monthly counts per agency under the timeline: drag across it to
    zoom the timeline (Plotly's range slider cannot draw Scattergl)."""
    colours = agency_colours(lanes)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for m in marks:
        counts[m.agency][m.start.strftime("%Y-%m-01")] += 1
    fig = go.Figure()
    for agency in lanes:
        if agency in counts:
            months = sorted(counts[agency])
            fig.add_trace(
                go.Bar(
                    x=months,
                    y=[counts[agency][k] for k in months],
                    name=agency,
                    marker_color=colours[agency],
                    showlegend=False,
                    hovertemplate=f"{agency}: %{{y}} in %{{x|%b %Y}}<extra></extra>",
                )
            )
    fig.update_layout(
        barmode="stack",
        height=110,
        margin={"l": 10, "r": 10, "t": 5, "b": 25},
        dragmode="select",
        selectdirection="h",
        plot_bgcolor="white",
        xaxis={"type": "date", "tickformat": "%Y"},
        yaxis={"visible": False, "fixedrange": True},
        uirevision="keep",
    )
    return fig
