"""Pieces of the Timeline page's layout (presentation only; pages/timeline.py wires them).

The filters, each with a visible label; the Timeline/Table switch as real buttons in a
tab list (reachable with Tab, Enter or Space to switch); the records table with a column
per agency; and the list of events in view, a listbox in step with the chart (arrow keys
move, Enter opens the event; see assets/timeline.js).
"""

from __future__ import annotations

from typing import NamedTuple

import dash_ag_grid as dag
from dash import dcc, html

from timeline.detail import ListedEvent
from timeline.figures import blank_overview

# tl-selected when no event is selected: never an id (merged events have positive ids, a
# record in no event its own negative one).
NO_SELECTION = 0
# tl-ev-open before any event in the list is opened (never None: see page below).
NO_EVENT_OPENED = {"event": None, "n": 0}
PERIOD_VIEW = "period"  # tl-view before any zoom: the review period (detail.view_in)

SWITCHES = [
    {"label": "Recorded by several agencies", "value": "merged"},
    {"label": "Needs review", "value": "review"},
]


def _field(label: str, control, for_id: str | None = None, *, choice: bool = False) -> html.Div:
    """A labelled filter; `choice`: a dropdown, whose place is kept (assets/timeline.css)
    while its script loads, so the chart below does not move after it is drawn."""
    return html.Div(
        [html.Label(label, htmlFor=for_id, id=f"{for_id}-label" if for_id else None), control],
        className="tl-field tl-field-choice" if choice else "tl-field",
    )


def filters(agencies: list[str], kloe_options: list[dict], kind_options: list[dict]) -> html.Div:
    return html.Div(
        [
            _field(
                "Agencies",
                dcc.Dropdown(
                    [{"label": a, "value": a} for a in agencies],
                    id="tl-f-agencies",
                    multi=True,
                    placeholder="All agencies",
                ),
                "tl-f-agencies",
                choice=True,
            ),
            html.Fieldset(
                [
                    html.Legend("Dates (day/month/year)", className="tl-legend"),
                    html.Label("From", htmlFor="tl-f-from", className="visually-hidden"),
                    html.Label("To", htmlFor="tl-f-to", className="visually-hidden"),
                    html.Div(
                        dcc.DatePickerRange(
                            id="tl-f-dates",
                            start_date_id="tl-f-from",
                            end_date_id="tl-f-to",
                            display_format="DD/MM/YYYY",
                            start_date_placeholder_text="From",
                            end_date_placeholder_text="To",
                            clearable=True,
                        ),
                        className="date-filter",
                    ),
                ],
                className="tl-field tl-dates",
            ),
            _field(
                "Search the wording",
                dcc.Input(id="tl-f-text", type="search", debounce=True),
                "tl-f-text",
            ),
            _field(
                "KLOE",
                dcc.Dropdown(kloe_options, id="tl-f-kloes", multi=True, placeholder="Any"),
                "tl-f-kloes",
                choice=True,
            ),
            _field(
                "Tags",
                dcc.Dropdown(kind_options, id="tl-f-kinds", multi=True, placeholder="Any"),
                "tl-f-kinds",
                choice=True,
            ),
            html.Fieldset(
                [
                    html.Legend("Show only", className="tl-legend"),
                    dcc.Checklist(SWITCHES, [], id="tl-f-switches", inline=True),
                ],
                className="tl-switches",
            ),
            _field(
                "Shade gaps over (days)",
                dcc.Input(
                    id="tl-f-gap", type="number", value=28, min=1, step=1, style={"width": "4.5em"}
                ),
                "tl-f-gap",
            ),
        ],
        className="filters",
    )


def view_tabs() -> html.Div:
    """Two buttons in a tab list. Both views stay mounted, so the figure, the table and
    the panel keep their state and selection."""
    return html.Div(
        [
            html.Button(
                "Timeline",
                id="tl-tab-timeline",
                role="tab",
                className="tl-tab",
                **{"aria-selected": "true", "aria-controls": "tl-view-timeline"},
            ),
            html.Button(
                "Table",
                id="tl-tab-table",
                role="tab",
                className="tl-tab",
                **{"aria-selected": "false", "aria-controls": "tl-view-table"},
            ),
        ],
        id="tl-tabs",
        role="tablist",
        className="tl-tabs",
        **{"aria-label": "View"},
    )


def records_grid(agencies: list[str]) -> dag.AgGrid:
    """A column per agency, every one of them laid out (no column virtualisation), each
    taking a share of the width so ten agencies fit side by side on a laptop."""
    return dag.AgGrid(
        id="tl-grid",
        columnDefs=[{"field": "shown_date", "headerName": "Date", "width": 96, "pinned": "left"}]
        + [
            {
                "field": a,
                "headerName": a,
                "wrapText": True,
                "autoHeight": True,
                "wrapHeaderText": True,
                "autoHeaderHeight": True,
                "filter": "agTextColumnFilter",
                "flex": 1,
                "minWidth": 78,
                "cellStyle": {"lineHeight": "1.35", "paddingTop": "4px", "paddingBottom": "4px"},
            }
            for a in agencies
        ],
        getRowId="params.data.event_id",
        defaultColDef={"resizable": True, "sortable": True},
        dashGridOptions={
            "rowSelection": {
                "mode": "singleRow",
                "checkboxes": False,
                "enableClickSelection": True,
            },
            "animateRows": False,
            "suppressColumnVirtualisation": True,
        },
        style={"height": "100%"},
    )


def event_rows(events: list[ListedEvent]) -> list[list]:
    """The events in view as plain rows [event id, when, agencies, summary]: the listbox's
    options are made from them in the browser (assets/timeline.js), because 400 options
    as Dash components cost the first render more than the chart's own drawing."""
    return [[e.event_id, e.when, e.agencies, e.summary] for e in events]


def events_note(shown: int, total: int) -> str:
    if total == 0:
        return "No events in view: zoom out or clear a filter."
    if shown < total:
        return f"The first {shown} of {total} events in view: zoom in or filter to list the rest."
    return f"{total} events in view."


def events_box(first: FirstDraw) -> html.Section:
    return html.Section(
        [
            html.H2("Events in view", id="tl-events-title", className="tl-events-title"),
            html.P(
                "Arrow keys move through the list, Enter opens the event.",
                className="note tl-events-help",
                id="tl-events-help",
            ),
            # The options come from tl-events-data (assets/timeline.js makes them, on
            # the page's first drawing once the chart is drawn); a click on one, or
            # Enter, sets tl-ev-open, which selects its event.
            dcc.Store(id="tl-events-data", data=first.events),
            dcc.Store(id="tl-ev-open", data=NO_EVENT_OPENED),
            html.Ul(
                id="tl-events",
                role="listbox",
                tabIndex=0,
                className="tl-events",
                **{
                    "aria-labelledby": "tl-events-title",
                    "aria-describedby": "tl-events-help tl-events-note",
                },
            ),
            html.P(first.note, id="tl-events-note", className="note", role="status"),
        ],
        className="tl-events-box",
    )


class FirstDraw(NamedTuple):
    """What the page is built with, so its chart needs no callback before it is drawn:
    the chart, the period strip, the events in view (event_rows) and their note, and
    tl-drawn."""

    figure: dict
    overview: dict
    events: list
    note: str
    drawn: dict


def page(
    rid: int,
    version: int,
    head: list,
    agencies: list[str],
    kloe_options: list[dict],
    kind_options: list[dict],
    kinds: dict,
    *,
    poll_ms: int,
    first: FirstDraw,
) -> html.Div:
    """The whole Timeline page for a review at `version`, drawn (pages/timeline.py wires
    it)."""
    return html.Div(
        [
            dcc.Store(id="tl-review", data=rid),
            # tl-seen: the latest version this screen knows of; tl-redraw: the version the
            # figure must show (a change of it redraws); tl-drawn: the version the figure
            # was read at (the page's first drawing is built in; an older one than tl-seen
            # is redrawn).
            dcc.Store(id="tl-seen", data=version),
            dcc.Store(id="tl-redraw", data=version),
            dcc.Store(id="tl-drawn", data=first.drawn),
            # No Store here starts as None: dcc.Store reports a change of a None `data` as
            # it mounts, which would fire draw (a second drawing of 20,000 records) and
            # the selection's callbacks before anyone did anything.
            dcc.Store(id="tl-selected", data=NO_SELECTION),
            # Where a tag on the selected event goes, and the tag traces' kinds in order.
            dcc.Store(id="tl-tag-at", data=None),
            # The drawing a new tag was drawn on before its save was confirmed.
            dcc.Store(id="tl-tag-drawn-on", data=None),
            # At which poll a save of a tag began on this screen (0: none in flight): the
            # next polls skip a redraw for a version that may be that save's own.
            dcc.Store(id="tl-tag-saving", data=0),
            dcc.Store(id="tl-kinds", data=kinds),
            dcc.Store(id="tl-lanes", data=list(agencies)),  # the table's columns
            dcc.Store(id="tl-tab", data="timeline"),
            # The dates in view ([first, last] ISO days; "period" or None: the review
            # period; "all": everything).
            dcc.Store(id="tl-view", data=PERIOD_VIEW),
            # Unsaved edits of tags, by annotation id: a redraw never loses what was typed.
            dcc.Store(id="tl-drafts", data={}, storage_type="session"),
            dcc.Interval(id="tl-poll", interval=poll_ms),
            *head,
            filters(agencies, kloe_options, kind_options),
            html.Div(
                [
                    html.Div(
                        [
                            view_tabs(),
                            html.Div(
                                [
                                    dcc.Graph(
                                        id="tl-graph",
                                        figure=first.figure,
                                        responsive=True,
                                        className="tl-graph",
                                        config={
                                            "displaylogo": False,
                                            "scrollZoom": True,
                                            "responsive": True,
                                            "toImageButtonOptions": {
                                                "format": "svg",
                                                "filename": "timeline",
                                            },
                                        },
                                    ),
                                    # Drawn once the chart is (tl-strip-first,
                                    # assets/timeline.js): the chart comes first.
                                    dcc.Store(id="tl-strip-first", data=first.overview),
                                    dcc.Graph(
                                        id="tl-overview",
                                        figure=blank_overview(),
                                        className="tl-overview",
                                        config={"displayModeBar": False},
                                    ),
                                ],
                                id="tl-view-timeline",
                                className="tl-view",
                                role="tabpanel",
                                **{"aria-labelledby": "tl-tab-timeline"},
                            ),
                            # The table is made when it is first shown (pages/timeline.py,
                            # switch_view): a hidden grid still loads ag-grid's 870 KB and
                            # lays itself out while the chart is first drawn.
                            html.Div(
                                id="tl-view-table",
                                className="tl-view",
                                role="tabpanel",
                                style={"display": "none"},
                                **{"aria-labelledby": "tl-tab-table"},
                            ),
                        ],
                        className="graph-column",
                    ),
                    html.Div(
                        [
                            events_box(first),
                            html.Aside(
                                id="tl-panel",
                                className="panel",
                                tabIndex=-1,
                                children=html.P(
                                    "Click a mark, a row of the table or an event in the "
                                    "list to see every agency's own wording."
                                ),
                                **{"aria-label": "The event"},
                            ),
                        ],
                        className="tl-side",
                    ),
                ],
                id="tl-fit",
                className="timeline-layout",
            ),
            html.Div(id="tl-message", role="status", className="message"),
        ],
        className="tl-page",
    )
