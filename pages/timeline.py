"""The shared timeline: a lane per agency, the event panel, the table, tagging, live.

Thin: layout plus callbacks that call the store (which checks the user's role on every
call) and the pure functions in timeline/view.py and timeline/figures.py.
"""

from __future__ import annotations

import dash
import dash_ag_grid as dag
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update

from timeline.actions import screens
from timeline.figures import (
    SELECTION_TRACE,
    overview_figure,
    selection_trace,
    tag_trace_index,
    timeline_figure,
)
from timeline.store.auth import ANNOTATE
from timeline.store.errors import Conflict, StoreError
from timeline.view import (
    KIND_LABELS,
    apply_filters,
    contact_gaps,
    filters_from,
    grid_rows,
    lane_order,
)
from timeline.workflow import episode_bands
from web.auth import current_actor
from web.panel import event_panel
from web.review_page import not_found, review_head, review_id_of
from web.services import store

# Matched last: "/review/<review_id>" would otherwise also match "/review/5/workshop".
# Dash matches pages in `order`, and pages without one after all those with one, so
# every page names its order.
dash.register_page(__name__, path_template="/review/<review_id>", title="Timeline", order=1000)

POLL_MS = 1500  # the version counter is polled this often: others' tags within 3 s
SWITCHES = [
    {"label": "Recorded by several agencies", "value": "merged"},
    {"label": "Needs review", "value": "review"},
]


def layout(review_id: str | None = None, **_query) -> html.Div:
    rid = review_id_of(review_id)
    try:
        actor = current_actor()
        review = store().reviews.get_review(actor, rid) if rid is not None else None
    except StoreError:
        review = None
    if review is None:
        return not_found()
    s = store()
    agencies = lane_order(a["name"] for a in s.records.list_agencies(actor, rid))
    kloes = s.reviews.list_kloes(actor, rid)
    kloe_options = [{"label": f"{k['number']}. {k['title']}", "value": k["id"]} for k in kloes]
    kind_options = [{"label": v, "value": k} for k, v in KIND_LABELS.items()]
    return html.Div(
        [
            dcc.Store(id="tl-review", data=rid),
            # tl-seen: the latest version this screen knows of; tl-redraw: the version the
            # figure must show (set at once, so the first draw needs no poll).
            dcc.Store(id="tl-seen", data=(version := s.reviews.review_version(actor, rid))),
            dcc.Store(id="tl-redraw", data=version),
            dcc.Store(id="tl-selected", data=None),
            # Unsaved edits of tags, by annotation id: a redraw never loses what was typed.
            dcc.Store(id="tl-drafts", data={}, storage_type="session"),
            dcc.Interval(id="tl-poll", interval=POLL_MS),
            *review_head(review, rid, "Timeline"),
            html.Div(
                [
                    dcc.Dropdown(
                        [{"label": a, "value": a} for a in agencies],
                        id="tl-f-agencies",
                        multi=True,
                        placeholder="All agencies",
                    ),
                    html.Div(
                        dcc.DatePickerRange(
                            id="tl-f-dates",
                            display_format="DD/MM/YYYY",
                            start_date_placeholder_text="From",
                            end_date_placeholder_text="To",
                            clearable=True,
                        ),
                        className="date-filter",
                    ),
                    dcc.Input(
                        id="tl-f-text",
                        type="search",
                        placeholder="Search the wording",
                        debounce=True,
                    ),
                    dcc.Dropdown(kloe_options, id="tl-f-kloes", multi=True, placeholder="KLOE"),
                    dcc.Dropdown(kind_options, id="tl-f-kinds", multi=True, placeholder="Tags"),
                    dcc.Checklist(SWITCHES, [], id="tl-f-switches", inline=True),
                    html.Label(
                        [
                            "Shade gaps over ",
                            dcc.Input(
                                id="tl-f-gap",
                                type="number",
                                value=28,
                                min=1,
                                step=1,
                                style={"width": "4.5em"},
                            ),
                            " days",
                        ]
                    ),
                ],
                className="filters",
            ),
            html.Div(
                [
                    html.Div(
                        [
                            # Tabs only switch views: both stay mounted, so the figure,
                            # the table and the panel keep their state and selection.
                            dcc.Tabs(
                                id="tl-tabs",
                                value="timeline",
                                children=[
                                    dcc.Tab(label="Timeline", value="timeline"),
                                    dcc.Tab(label="Table", value="table"),
                                ],
                            ),
                            html.Div(
                                [
                                    dcc.Graph(
                                        id="tl-graph",
                                        config={
                                            "displaylogo": False,
                                            "scrollZoom": True,
                                            "toImageButtonOptions": {
                                                "format": "svg",
                                                "filename": "timeline",
                                            },
                                        },
                                    ),
                                    dcc.Graph(id="tl-overview", config={"displayModeBar": False}),
                                ],
                                id="tl-view-timeline",
                            ),
                            html.Div(
                                dag.AgGrid(
                                    id="tl-grid",
                                    columnDefs=[
                                        {
                                            "field": "shown_date",
                                            "headerName": "Date",
                                            "width": 130,
                                            "pinned": "left",
                                        }
                                    ]
                                    + [
                                        {
                                            "field": a,
                                            "headerName": a,
                                            "wrapText": True,
                                            "autoHeight": True,
                                            "filter": "agTextColumnFilter",
                                            "cellStyle": {
                                                "lineHeight": "1.35",
                                                "paddingTop": "4px",
                                                "paddingBottom": "4px",
                                            },
                                            "minWidth": 220,
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
                                    },
                                    style={"height": "70vh"},
                                ),
                                id="tl-view-table",
                                style={"display": "none"},
                            ),
                        ],
                        className="graph-column",
                    ),
                    html.Aside(
                        id="tl-panel",
                        className="panel",
                        children=html.P(
                            "Click a mark (or a row of the table) to see "
                            "every agency's own wording."
                        ),
                    ),
                ],
                className="timeline-layout",
            ),
            html.Div(id="tl-message", role="status", className="message"),
        ]
    )


@callback(
    Output("tl-view-timeline", "style"),
    Output("tl-view-table", "style"),
    Input("tl-tabs", "value"),
)
def switch_view(tab):
    hidden = {"display": "none"}
    return (None, hidden) if tab == "timeline" else (hidden, None)


@callback(
    Output("tl-seen", "data"),
    Output("tl-redraw", "data"),
    Input("tl-poll", "n_intervals"),
    State("tl-review", "data"),
    State("tl-seen", "data"),
)
def poll_version(_n, review_id, seen):
    """Cheap: one indexed query. Someone else's change (a version this screen has not
    seen) redraws; nothing else does."""
    try:
        version = store().reviews.review_version(current_actor(), review_id)
    except StoreError:
        return no_update, no_update
    return (version, version) if version != seen else (no_update, no_update)


def _lanes(actor, review_id: int) -> list[str]:
    """Every agency of the review, in lane order (the same for a redraw and a patch)."""
    return lane_order(a["name"] for a in store().records.list_agencies(actor, review_id))


FILTER_INPUTS = [
    Input("tl-redraw", "data"),
    Input("tl-f-agencies", "value"),
    Input("tl-f-dates", "start_date"),
    Input("tl-f-dates", "end_date"),
    Input("tl-f-text", "value"),
    Input("tl-f-kloes", "value"),
    Input("tl-f-kinds", "value"),
    Input("tl-f-switches", "value"),
]


def _shown(actor, review_id, agencies, start, end, text, kloes, kinds, switches):
    """The review's marks and tags, and the marks that pass the filters."""
    s = store()
    marks = s.timeline.timeline_marks(actor, review_id)
    tags = s.timeline.event_tags(actor, review_id)
    f = filters_from(agencies, start, end, text, kloes, kinds, switches)
    return marks, tags, apply_filters(marks, tags, f)


@callback(
    Output("tl-graph", "figure"),
    Output("tl-overview", "figure"),
    *FILTER_INPUTS,
    Input("tl-f-gap", "value"),
    State("tl-selected", "data"),
    State("tl-review", "data"),
)
def draw(version, agencies, start, end, text, kloes, kinds, switches, gap, selected, review_id):
    if version is None:
        return no_update, no_update
    try:
        sc = screens.timeline(store(), current_actor(), review_id)
    except StoreError:
        return {}, {}
    marks, tags, review, lanes = sc.marks, sc.tags, sc.review, sc.lanes
    f = filters_from(agencies, start, end, text, kloes, kinds, switches)
    shown = apply_filters(marks, tags, f)
    episodes = episode_bands(sc.episodes, marks)
    period = (review.get("period_start"), review.get("period_end"))
    x_range = tuple(p.isoformat() for p in period) if all(period) else None
    fig = timeline_figure(
        shown,
        lanes,
        tags=tags,
        gaps=contact_gaps(shown, int(gap or 28)),
        episodes=episodes,
        dob=review.get("child_dob"),
        selected_event=selected,
        x_range=x_range,  # open on the review period; records outside it: zoom out
    )
    return fig, overview_figure(marks, lanes, x_range)


@callback(
    Output("tl-grid", "rowData"),
    *FILTER_INPUTS,
    Input("tl-tabs", "value"),
    State("tl-review", "data"),
)
def fill_table(version, agencies, start, end, text, kloes, kinds, switches, tab, review_id):
    """The table's rows are sent only while the table is shown: the timeline's first
    render does not wait for 20,000 rows nobody is looking at."""
    if version is None or tab != "table":
        return no_update
    try:
        actor = current_actor()
        _, _, shown = _shown(actor, review_id, agencies, start, end, text, kloes, kinds, switches)
        lanes = _lanes(actor, review_id)
    except StoreError:
        return []
    return grid_rows(shown, lanes)


@callback(
    Output("tl-selected", "data"),
    Input("tl-graph", "clickData"),
    Input("tl-grid", "selectedRows"),
    State("tl-selected", "data"),
    prevent_initial_call=True,
)
def select_event(click, rows, current):
    chosen = None
    if ctx.triggered_id == "tl-graph" and click and click.get("points"):
        value = click["points"][0].get("customdata")
        chosen = int(value[0] if isinstance(value, list) else value)
    elif ctx.triggered_id == "tl-grid" and rows:
        chosen = int(rows[0]["event_id"])
    return chosen if chosen is not None and chosen != current else no_update


@callback(
    Output("tl-grid", "selectedRows"),
    Input("tl-selected", "data"),
    State("tl-grid", "selectedRows"),
    prevent_initial_call=True,
)
def select_row(event_id, rows):
    """The table follows a selection made on the timeline (and the other way round)."""
    if event_id is None or event_id < 0:
        return no_update
    if rows and isinstance(rows, list) and int(rows[0].get("event_id", -1)) == event_id:
        return no_update
    return {"ids": [str(event_id)]}


@callback(
    Output("tl-graph", "figure", allow_duplicate=True),
    Input("tl-selected", "data"),
    State("tl-review", "data"),
    prevent_initial_call=True,
)
def ring_selection(event_id, review_id):
    """Ring the selected event's voices: a patch of the first trace, never a redraw."""
    if event_id is None:  # the page has just been built: nothing selected, no figure yet
        return no_update
    try:
        actor = current_actor()
        members = store().timeline.event_marks(actor, event_id) if event_id and event_id > 0 else []
        trace = selection_trace(members, _lanes(actor, review_id))
    except StoreError:
        return no_update
    patch = dash.Patch()
    patch["data"][SELECTION_TRACE]["x"] = trace["x"]
    patch["data"][SELECTION_TRACE]["y"] = trace["y"]
    return patch


def _panel(actor, event_id: int, review_id: int, drafts: dict | None = None):
    s = store()
    return event_panel(
        s.records.get_event(actor, event_id),
        s.reviews.list_kloes(actor, review_id),
        can_annotate=s.reviews.may(actor, review_id, ANNOTATE),
        drafts=drafts,
    )


@callback(
    Output("tl-panel", "children"),
    Input("tl-selected", "data"),
    Input("tl-redraw", "data"),
    State("tl-review", "data"),
    State("tl-drafts", "data"),
    prevent_initial_call=True,
)
def show_panel(event_id, _version, review_id, drafts):
    if event_id is None or event_id < 0:
        return no_update
    try:
        return _panel(current_actor(), event_id, review_id, drafts)
    except StoreError as exc:
        return html.P(str(exc), className="error")


@callback(
    Output("tl-message", "children"),
    Output("tl-seen", "data", allow_duplicate=True),
    Output("tl-graph", "extendData"),
    Output("tl-panel", "children", allow_duplicate=True),
    Input("tl-tag-add", "n_clicks"),
    State("tl-tag-kind", "value"),
    State("tl-tag-kloes", "value"),
    State("tl-tag-text", "value"),
    State("tl-selected", "data"),
    State("tl-review", "data"),
    State("tl-seen", "data"),
    prevent_initial_call=True,
)
def add_tag(n, kind, kloe_ids, text, event_id, review_id, seen):
    """Save the tag, then show it here at once by extending its kind's trace (Plotly adds
    one point instead of redrawing them all); others' screens pick it up from the version
    counter within a poll."""
    if not n:
        return no_update, no_update, no_update, no_update
    if not kind:
        return "Choose the kind of tag first.", no_update, no_update, no_update
    try:
        t = screens.tag_event(
            store(), current_actor(), review_id, event_id, kind, text or "", kloe_ids or []
        )
    except StoreError as exc:
        return f"Not saved: {exc}", no_update, no_update, no_update
    version = t.version
    panel = event_panel(t.event, t.kloes, can_annotate=t.can_annotate)
    extend = ({"x": [[t.x]], "y": [[t.y]], "customdata": [[event_id]]}, [tag_trace_index(kind)])
    # Only our own change since the last draw: mark it seen, so no redraw follows.
    seen_now = version if seen is not None and version == seen + 1 else no_update
    return f"Tag saved: {KIND_LABELS[kind]}.", seen_now, extend, panel


@callback(
    Output("tl-message", "children", allow_duplicate=True),
    Output("tl-seen", "data", allow_duplicate=True),
    Output("tl-redraw", "data", allow_duplicate=True),
    Input({"type": "tl-ann-delete", "id": ALL, "v": ALL}, "n_clicks"),
    State("tl-review", "data"),
    prevent_initial_call=True,
)
def delete_tag(clicks, review_id):
    trigger = ctx.triggered_id
    if not trigger or not any(clicks or []):
        return no_update, no_update, no_update
    try:
        actor = current_actor()
        store().annotations.delete_annotation(actor, trigger["id"], trigger["v"])
        version = store().reviews.review_version(actor, review_id)
    except Conflict as exc:
        return f"Not deleted: someone changed this tag meanwhile ({exc}).", no_update, no_update
    except StoreError as exc:
        return f"Not deleted: {exc}", no_update, no_update
    return "Tag deleted.", version, version


# Editing a tag's text (drafts, saves and conflicts): web/tag_edit.py, beside its controls.


@callback(
    Output("tl-graph", "figure", allow_duplicate=True),
    Input("tl-overview", "selectedData"),
    prevent_initial_call=True,
)
def zoom_from_overview(selected):
    """Dragging across the overview strip zooms the timeline to that period."""
    if not selected or not selected.get("range"):
        return no_update
    x0, x1 = selected["range"]["x"]
    patch = dash.Patch()
    patch["layout"]["xaxis"]["range"] = [x0, x1]
    return patch
