"""The timeline's axes, bands and legend, and the overview strip (Plotly JSON, no Dash).

Date ticks say as much as their spacing needs and no more: a day and month when ticks
are days or weeks apart ("4 Oct 2021", "11 Oct 2021"), a month when they are months
apart, a year when they are years apart, so no two ticks ever read the same.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from timeline.detail import strip_window
from timeline.view import Mark, age_label, age_ticks, agency_colours

DAY_MS = 86_400_000
# Plotly picks the format by the distance between two ticks (dtick).
DATE_TICKS = [
    {"dtickrange": [None, DAY_MS], "value": "%d %b %Y %H:%M"},
    {"dtickrange": [DAY_MS, "M1"], "value": "%d %b %Y"},
    {"dtickrange": ["M1", "M12"], "value": "%b %Y"},
    {"dtickrange": ["M12", None], "value": "%Y"},
]
RANGE_BUTTONS = [
    {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
    {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
    {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
    {"step": "all", "label": "all"},
]


# Verdana's advance widths (em): the widest font of Plotly's list ("Open Sans", verdana,
# arial, sans-serif) that browsers have, so a lane name never needs more than its estimate.
_EM = {
    **dict.fromkeys("bdgpq", 0.623),
    **dict.fromkeys("hnu", 0.633),
    **dict.fromkeys("kvxy", 0.592),
    **dict.fromkeys("ae", 0.601),
    "o": 0.607,
    **dict.fromkeys("csz", 0.525),
    **dict.fromkeys("il", 0.274),
    "j": 0.344,
    "f": 0.352,
    "t": 0.394,
    "r": 0.427,
    "m": 0.973,
    "w": 0.818,
    **dict.fromkeys("0123456789", 0.636),
    **dict.fromkeys(" .,:;!", 0.364),
    **dict.fromkeys("'|", 0.27),
    **dict.fromkeys("-()/", 0.454),
    **dict.fromkeys("FLPTY", 0.616),
    **dict.fromkeys("ABCEKRSVXZ&", 0.7),
    **dict.fromkeys("DGHNOQU", 0.787),
    "I": 0.421,
    "J": 0.455,
    "M": 0.843,
    "W": 0.989,
}
LANE_NAME_PAD = 12  # px between a lane's name and the chart (Plotly's own is 11)


def lane_names_px(lanes: Sequence[str], font_px: int) -> int:
    """The left margin the lane names take: the widest name estimated at `font_px`, so
    Plotly's automargin (kept as a safety net) finds nothing to widen. Widening it after
    the first draw draws the whole chart a second time."""
    widest = 0.0
    for name in lanes:
        base = unicodedata.normalize("NFKD", name)  # "é": an "e" and its accent
        em = sum(_EM.get(c, 0.0 if unicodedata.combining(c) else 0.8) for c in base)
        widest = max(widest, em)
    return int(widest * font_px) + LANE_NAME_PAD


def age_axis(dob: date, view: tuple[date, date]) -> dict:
    """The child's age along the top, labelled for the dates in view: at any zoom there
    is at least one label (the age in the middle of the view when no birthday or
    month-birthday falls inside it)."""
    start, end = view
    ticks = age_ticks(dob, start, end, max_ticks=8)
    if not ticks:
        middle = start + (end - start) / 2
        ticks = [(middle, age_label(dob, middle))]
    return {
        "type": "date",
        "overlaying": "x",
        "matches": "x",
        "side": "top",
        "tickvals": [d.isoformat() for d, _ in ticks],
        "ticktext": [label for _, label in ticks],
        "showgrid": False,
        "title": {"text": "age", "standoff": 2},
    }


def _bands(gaps, episodes, large_type: bool) -> tuple[list[dict], list[dict]]:
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
    return shapes, annotations


def timeline_layout(
    lanes: Sequence[str],
    gaps,
    episodes,
    *,
    view: tuple[date, date] | None,
    large_type: bool,
    fit: bool,
    dob: date | None,
    tag_legend: bool = True,
) -> dict:
    """The layout: a lane per agency spread over whatever height the chart has, the
    date axis at the bottom, the legend for tag kinds only (agencies are named on their
    lanes) below it."""
    shapes, annotations = _bands(gaps, episodes, large_type)
    font_px = 20 if large_type else 13
    layout: dict = {
        "shapes": shapes,
        "annotations": annotations,
        "margin": {
            "l": lane_names_px(lanes, font_px),
            "r": 10,
            "t": 60 if dob or episodes else 30,
            "b": 78 if tag_legend else 40,
        },
        "font": {"size": font_px},
        "hovermode": "closest",
        "dragmode": "zoom",
        # A new view (a filter, the strip, a group clicked) replaces the user's zoom; a
        # redraw for someone else's tag keeps it.
        "uirevision": f"view {view[0]} {view[1]}" if view else "view all",
        "showlegend": True,
        "legend": {
            "title": {"text": "Tags: "},
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 0,
            "yref": "container",
            "yanchor": "bottom",
        },
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
            "tickformatstops": DATE_TICKS,
            # at the top right, clear of the age axis's first label ("birth")
            "rangeselector": {
                "buttons": RANGE_BUTTONS,
                "x": 1,
                "xanchor": "right",
                "y": 1,
                "yanchor": "bottom",
            },
        },
    }
    if fit:
        layout["autosize"] = True
    else:
        layout["height"] = max(360, 70 * len(lanes) + 160) * (1.3 if large_type else 1)
        # the older screens' fixed-height charts: legend and buttons where they were
        layout["legend"] = {"orientation": "h", "y": -0.12}
        layout["xaxis"]["rangeselector"] = {"buttons": RANGE_BUTTONS}
    # The view drawn, which the browser compares with the chart's axis after a relayout
    # (assets/timeline.js, followZoom); None: everything.
    layout["meta"] = {"view": [view[0].isoformat(), view[1].isoformat()] if view else None}
    if view:
        # Exactly the view: a range that differed from it would come back as a new
        # zoom (relayoutData) and creep.
        layout["xaxis"]["range"] = [view[0].isoformat(), view[1].isoformat()]
    return layout


STRIP_HEIGHT = 72
STRIP_MARGIN = {"l": 10, "r": 10, "t": 5, "b": 25}


def blank_overview() -> dict:
    """The strip's place before its first drawing (the page draws the chart first): the
    same size, nothing in it, so the page does not move when the strip is drawn."""
    hidden = {"visible": False, "fixedrange": True}
    return {
        "data": [],
        "layout": {
            "height": STRIP_HEIGHT,
            "margin": STRIP_MARGIN,
            "plot_bgcolor": "white",
            "xaxis": hidden,
            "yaxis": hidden,
        },
    }


def overview_figure(
    marks: Sequence[Mark],
    lanes: Sequence[str],
    x_range: tuple[str, str] | None = None,
    *,
    period: tuple[date | None, date | None] = (None, None),
    view: tuple[date, date] | None = None,
) -> dict:
    """A small strip of monthly counts per agency under the timeline, spanning the review
    period (or, without one, the records' span less stray dates); records
    outside it are counted at the edge ("3 earlier"), not drawn. The dates in view are
    outlined. Drag across it to zoom the timeline (Plotly's range slider cannot draw
    Scattergl)."""
    if not all(period) and x_range:
        period = (date.fromisoformat(x_range[0][:10]), date.fromisoformat(x_range[1][:10]))
    window = strip_window(marks, period)
    colours = agency_colours(lanes)
    # Counted by (year, month), named once per month: formatting each of 20,000 dates
    # cost more than the rest of the strip.
    counts: dict[str, dict[tuple[int, int], int]] = defaultdict(lambda: defaultdict(int))
    for m in marks:
        if window is None or window.start <= m.start <= window.end:
            counts[m.agency][m.start.year, m.start.month] += 1
    data = []
    for agency in lanes:
        if agency in counts:
            months = sorted(counts[agency])
            data.append(
                {
                    "type": "bar",
                    "x": [f"{y:04d}-{mo:02d}-01" for y, mo in months],
                    "y": [counts[agency][k] for k in months],
                    "xperiod": "M1",
                    "xperiodalignment": "start",
                    "name": agency,
                    "marker": {"color": colours[agency]},
                    "showlegend": False,
                    "hovertemplate": f"{agency}: %{{y}} in %{{x|%b %Y}}<extra></extra>",
                }
            )
    annotations = []
    shapes = []
    xaxis: dict = {"type": "date", "tickformatstops": DATE_TICKS, "fixedrange": False}
    if window is not None:
        xaxis["range"] = [window.start.isoformat(), (window.end + timedelta(days=1)).isoformat()]
        for n, x, anchor, text in (
            (window.before, 0, "left", f"◀ {window.before} earlier"),
            (window.after, 1, "right", f"{window.after} later ▶"),
        ):
            if n:
                annotations.append(
                    {
                        "xref": "paper",
                        "yref": "paper",
                        "x": x,
                        "y": 1,
                        "xanchor": anchor,
                        "yanchor": "top",
                        "text": text,
                        "showarrow": False,
                        "bgcolor": "rgba(255,255,255,0.85)",
                        "font": {"size": 12, "color": "#1b1b1b"},
                    }
                )
    if view is not None:
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": view[0].isoformat(),
                "x1": view[1].isoformat(),
                "y0": 0,
                "y1": 1,
                "line": {"width": 2, "color": "#1b1b1b"},
                "fillcolor": "rgba(0,0,0,0)",
            }
        )
    layout = {
        "barmode": "stack",
        "height": STRIP_HEIGHT,
        "margin": STRIP_MARGIN,
        "dragmode": "select",
        "selectdirection": "h",
        "plot_bgcolor": "white",
        "xaxis": xaxis,
        "yaxis": {"visible": False, "fixedrange": True},
        "annotations": annotations,
        "shapes": shapes,
        "uirevision": "keep",
    }
    return {"data": data, "layout": layout}
