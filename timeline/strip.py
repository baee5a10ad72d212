"""The workshop's timeline strip: the current step's period only, sized for a projector.

The shared timeline (timeline/figures.py) draws every record of the review with WebGL so
20,000 marks stay fast. The strip shows one step (a few months, a few dozen marks), so it
uses plain SVG traces: they draw on any machine (a projector's laptop without WebGL too),
and the period's own marks are all it carries. It is a plain dict in Plotly's figure
format; the height comes from the page (the browser sizes the graph to the space the
layout leaves), the text size from the screen the workshop runs on.

Lanes: only the agencies with a record in the period, in the review's lane order, so the
lanes a strip has room for are the ones with something to show. The date axis is always
drawn, with ticks that suit the period's length (weeks for a short episode, months for a
six-month block, years beyond).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from timeline.view import KIND_LABELS, KIND_SYMBOLS, EventTags, Mark, agency_colours

INK = "#0b0c0c"


def period_marks(marks: Sequence[Mark], start: date, end: date) -> list[Mark]:
    """The marks whose date interval touches [start, end]."""
    return [m for m in marks if m.start <= end and m.end >= start]


def date_ticks(start: date, end: date) -> dict:
    """Plotly x-axis tick settings for a period: weekly day ticks up to about two months,
    monthly ticks up to about two years, yearly beyond; never a repeated label."""
    days = (end - start).days
    if days <= 62:
        first = start + timedelta(days=(7 - start.weekday()) % 7)  # the first Monday
        return {"tick0": first.isoformat(), "dtick": 7 * 86400000, "tickformat": "%-d %b"}
    if days <= 750:
        months = 1 if days <= 400 else 3
        return {
            "tick0": date(start.year, start.month, 1).isoformat(),
            "dtick": f"M{months}",
            "tickformat": "%b %Y",
        }
    return {"tick0": date(start.year, 1, 1).isoformat(), "dtick": "M12", "tickformat": "%Y"}


def _x(m: Mark) -> str:
    return m.start.isoformat()


def workshop_strip(
    marks: Sequence[Mark],
    lane_order: Sequence[str],
    period: tuple[date, date],
    *,
    tags: dict[int, EventTags] | None = None,
    selected_event: int | None = None,
    episodes: Sequence[tuple[date, date, str]] = (),
    font_px: float = 24,
    height_px: float | None = None,
) -> dict:
    """The strip of one step: a lane per agency with a record in `period`, a mark per
    record (open for a partial date), the event in view ringed and its voices joined, a
    shape per tag kind above each tagged event, episode bands, and the date axis."""
    start, end = period
    shown = period_marks(marks, start, end)
    present = {m.agency for m in shown}
    lanes = [a for a in lane_order if a in present]
    lane_of = {a: i for i, a in enumerate(lanes)}
    colours = agency_colours(list(lane_order))
    # The lane labels and marks take the screen's size unless the strip's height (the
    # space the page leaves it, less the date axis) gives each lane less than that.
    lane_px = font_px * 1.6
    if height_px and lanes:
        lane_px = max(6.0, (height_px - 2.6 * font_px) / (len(lanes) + 0.4))
    tick_px = max(9.0, min(font_px * 0.85, lane_px * 0.85))
    size = max(6, round(min(font_px * 0.6, lane_px * 0.7)))
    data: list[dict] = []

    per_agency: dict[str, list[Mark]] = defaultdict(list)
    for m in shown:
        per_agency[m.agency].append(m)
    for agency in lanes:
        ms = per_agency[agency]
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": agency,
                "x": [_x(m) for m in ms],
                "y": [lane_of[agency]] * len(ms),
                "customdata": [m.event_id for m in ms],
                "hovertemplate": f"<b>{agency}</b> %{{x|%-d %b %Y}}<extra></extra>",
                "showlegend": False,
                "marker": {
                    "size": size,
                    "color": colours[agency],
                    "symbol": [
                        "circle" if m.precision in ("day", "exact") else "circle-open" for m in ms
                    ],
                    "line": {"width": 2, "color": colours[agency]},
                },
            }
        )

    chosen = [m for m in shown if selected_event is not None and m.event_id == selected_event]
    chosen.sort(key=lambda m: lane_of[m.agency])
    data.append(
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": "event in view",
            "x": [_x(m) for m in chosen],
            "y": [lane_of[m.agency] for m in chosen],
            "hoverinfo": "skip",
            "showlegend": False,
            "line": {"width": 3, "color": INK},
            "marker": {
                "size": size + 12,
                "color": "rgba(0,0,0,0)",
                "line": {"width": 4, "color": INK},
            },
        }
    )

    by_event: dict[int, list[Mark]] = defaultdict(list)
    for m in shown:
        by_event[m.event_id].append(m)
    for kind, label in KIND_LABELS.items():
        xs, ys = [], []
        for event_id, t in (tags or {}).items():
            if kind in t.kinds and event_id in by_event:
                first = min(by_event[event_id], key=lambda m: (m.start, lane_of[m.agency]))
                xs.append(_x(first))
                ys.append(min(lane_of[m.agency] for m in by_event[event_id]) - 0.42)
        if xs:
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": label,
                    "x": xs,
                    "y": ys,
                    "hovertemplate": f"{label}<extra></extra>",
                    "marker": {"symbol": KIND_SYMBOLS[kind], "size": size, "color": INK},
                }
            )

    shapes, annotations = [], []
    for a, b, name in episodes:
        if a > end or b < start:
            continue
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": a.isoformat(),
                "x1": b.isoformat(),
                "y0": 0,
                "y1": 1,
                "layer": "below",
                "fillcolor": "rgba(0,94,165,0.10)",
                "line": {"width": 1, "color": "#005ea5", "dash": "dot"},
            }
        )
        annotations.append(
            {
                "x": max(a, start).isoformat(),
                "y": 1,
                "xref": "x",
                "yref": "paper",
                "text": name,
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "top",
                "font": {"size": font_px * 0.75, "color": INK},
            }
        )
    if not lanes:
        annotations.append(
            {
                "x": 0.5,
                "y": 0.5,
                "xref": "paper",
                "yref": "paper",
                "text": "No agency recorded anything in this period.",
                "showarrow": False,
                "font": {"size": font_px, "color": INK},
            }
        )
    layout = {
        "autosize": True,
        "shapes": shapes,
        "annotations": annotations,
        "margin": {"l": 8, "r": 16, "t": 8, "b": 8},
        "font": {"size": font_px, "color": INK},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hovermode": "closest",
        "dragmode": False,
        "showlegend": any(t["name"] in KIND_LABELS.values() for t in data),
        "legend": {
            "orientation": "h",
            "x": 1,
            "xanchor": "right",
            "y": 1,
            "yanchor": "bottom",
            "font": {"size": tick_px},
        },
        "uirevision": f"{start}:{end}",
        "xaxis": {
            "type": "date",
            "range": [start.isoformat(), (end + timedelta(days=1)).isoformat()],
            "fixedrange": True,
            "showgrid": True,
            "gridcolor": "#d8d8d8",
            "linecolor": INK,
            "ticks": "outside",
            "tickfont": {"size": font_px * 0.85, "color": INK},  # the dates keep their size
            "automargin": True,
            **date_ticks(start, end),
        },
        "yaxis": {
            "tickvals": list(range(len(lanes))),
            "ticktext": lanes,
            "range": [len(lanes) - 0.5, -0.9],
            "fixedrange": True,
            "automargin": True,
            "gridcolor": "#e5e5e5",
            "tickfont": {"size": tick_px, "color": INK},
            "zeroline": False,
        },
    }
    return {"data": data, "layout": layout}
