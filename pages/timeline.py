"""The shared timeline: a lane per agency, the event panel, the table, tagging, live.

Thin: layout plus callbacks that call the store (which checks the user's role on every
call) and the pure functions in timeline/view.py and timeline/figures.py.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from datetime import timedelta

import dash
from dash import (
    ALL,
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    ctx,
    html,
    no_update,
)

from timeline.actions import screens
from timeline.detail import events_in_view, parse_day, view_from, view_in
from timeline.figures import (
    KIND_ORDER,
    SELECTION_TRACE,
    overview_figure,
    selection_trace,
    tag_point,
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
from web import timeline_parts as parts
from web.auth import current_actor
from web.panel import ANNOTATIONS, FORM, event_panel, tag_added
from web.review_page import not_found, review_head, review_id_of
from web.services import store

# Matched last: "/review/<review_id>" would otherwise also match "/review/5/workshop".
# Dash matches pages in `order`, and pages without one after all those with one, so
# every page names its order.
dash.register_page(__name__, path_template="/review/<review_id>", title="Timeline", order=1000)

POLL_MS = 1500  # the version counter is polled this often: others' tags within 3 s
SAVE_POLLS = 3  # polls during a save of this screen's own that leave its version to it


def layout(review_id: str | None = None, **_query) -> html.Div:
    """The page with its first figure already in it: the chart is drawn as soon as the
    page arrives, with no callback round trip (and no poll) before it."""
    rid = review_id_of(review_id)
    try:
        actor = current_actor()
        review = store().reviews.get_review(actor, rid) if rid is not None else None
        if review is not None:
            s = store()
            kloes = s.reviews.list_kloes(actor, rid)
            # Read before the marks: a figure is never taken as newer than it is.
            version = s.reviews.review_version(actor, rid)
            lanes, first = _first_drawing(actor, rid, review, version)
    except StoreError:
        review = None
    if review is None:
        return not_found()
    kloe_options = [{"label": f"{k['number']}. {k['title']}", "value": k["id"]} for k in kloes]
    kind_options = [{"label": v, "value": k} for k, v in KIND_LABELS.items()]
    return parts.page(
        rid,
        version,
        review_head(review, rid, "Timeline"),
        lanes,
        kloe_options,
        kind_options,
        {"order": list(KIND_ORDER), "labels": KIND_LABELS},
        poll_ms=POLL_MS,
        first=first,
    )


# The page's first drawing (no filter, the review period, nothing selected) per review
# and version, for the next visits at that version: every change of the review bumps its
# version (a review deleted and made again is told apart by when it was made). Reading
# and drawing 20,000 records costs the server about 0.25 s of CPU at every visit.
FIRST_DRAWINGS_KEPT = 4
_first_drawings: OrderedDict = OrderedDict()
_first_lock = threading.Lock()


def _first_drawing(actor, rid: int, review: dict, version: int) -> tuple[list, parts.FirstDraw]:
    """The lanes and the first drawing of review `rid` at `version` (read by the caller,
    who may read this review: the drawing is the same for every reader)."""
    s = store()
    key = (id(s), rid, str(review.get("created_at")), version)
    with _first_lock:
        kept = _first_drawings.get(key)
        if kept is not None:
            _first_drawings.move_to_end(key)
    if kept is None:
        sc = screens.timeline(s, actor, rid)
        fig, overview, events, note, _ = _render(
            sc, version, NO_FILTERS, None, parts.PERIOD_VIEW, parts.NO_SELECTION
        )
        kept = (sc.lanes, fig, overview, events, note)
        with _first_lock:
            _first_drawings[key] = kept
            while len(_first_drawings) > FIRST_DRAWINGS_KEPT:
                _first_drawings.popitem(last=False)
    lanes, fig, overview, events, note = kept
    # A drawing of its own for each page (tl-tag-drawn-on tells drawings apart).
    drawn = {"version": version, "draw": uuid.uuid4().hex}
    return lanes, parts.FirstDraw(fig, overview, events, note, drawn)


@callback(
    Output("tl-view-timeline", "style"),
    Output("tl-view-table", "style"),
    Output("tl-tab-timeline", "aria-selected"),
    Output("tl-tab-table", "aria-selected"),
    Output("tl-tab", "data"),
    Output("tl-fit", "className"),
    Output("tl-view-table", "children"),
    Input("tl-tab-timeline", "n_clicks"),
    Input("tl-tab-table", "n_clicks"),
    State("tl-lanes", "data"),
    State("tl-selected", "data"),
    prevent_initial_call=True,
)
def switch_view(_timeline, table_clicks, lanes, selected):
    """One round trip: the view shown, the tabs' state, the tab for the table, and a
    wider table (a narrower side panel) while it is shown. The table's grid is made the
    first time it is shown (its rows follow from tl-tab, fill_table), with the event
    already selected on the timeline selected in it."""
    hidden = {"display": "none"}
    if ctx.triggered_id == "tl-tab-table":
        grid = no_update
        if table_clicks == 1:
            grid = parts.records_grid(lanes or [])
            if selected and selected > 0:
                grid.selectedRows = {"ids": [str(selected)]}
        return hidden, None, "false", "true", "table", "timeline-layout table-mode", grid
    return None, hidden, "true", "false", "timeline", "timeline-layout", no_update


@callback(
    Output("tl-seen", "data"),
    Output("tl-redraw", "data"),
    Output("tl-tag-saving", "data", allow_duplicate=True),
    Input("tl-poll", "n_intervals"),
    State("tl-review", "data"),
    State("tl-seen", "data"),
    State("tl-tag-saving", "data"),
    prevent_initial_call=True,  # the page was built at the version it knows
)
def poll_version(n, review_id, seen, saving):
    """Cheap: one indexed query. Someone else's change (a version this screen has not
    seen) redraws; nothing else does. While a tag of this screen's is being saved, a new
    version may be that save's own (add_tag's answer says, and marks it seen): the next
    few polls leave it to that answer; a save still unanswered after them is redrawn
    from the database, as any change."""
    try:
        version = store().reviews.review_version(current_actor(), review_id)
    except StoreError:
        return no_update, no_update, no_update
    if version == seen:
        return no_update, no_update, no_update
    if saving and n - saving.get("poll", 0) <= SAVE_POLLS:
        return no_update, no_update, no_update
    return version, version, 0 if saving else no_update


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


# The filters' values when the page is built (as parts.filters sets them).
NO_FILTERS = (None, None, None, None, None, None, [])


def _render(sc: screens.TimelineScreen, drawn: int, filters: tuple, gap, view, selected):
    """The chart, the period strip, the list of events in view and its note, and which
    drawing of which version they are: for the page's first draw and for every redraw."""
    marks, tags, review, lanes = sc.marks, sc.tags, sc.review, sc.lanes
    f = filters_from(*filters)
    shown = apply_filters(marks, tags, f)
    episodes = episode_bands(sc.episodes, marks)
    period = (review.get("period_start"), review.get("period_end"))
    in_view = view_in(view, period)
    fig = timeline_figure(
        shown,
        lanes,
        tags=tags,
        gaps=contact_gaps(shown, int(gap or 28)),
        episodes=episodes,
        dob=review.get("child_dob"),
        selected_event=selected,
        view=in_view,
        fit=True,
    )
    listed, total = events_in_view(shown, in_view, lanes)
    return (
        fig,
        overview_figure(marks, lanes, period=period, view=in_view),
        parts.event_rows(listed),
        parts.events_note(len(listed), total),
        # which version the figure shows, and which drawing it is
        {"version": drawn, "draw": uuid.uuid4().hex},
    )


@callback(
    Output("tl-graph", "figure"),
    Output("tl-overview", "figure"),
    Output("tl-events-data", "data"),
    Output("tl-events-note", "children"),
    Output("tl-drawn", "data"),
    *FILTER_INPUTS,
    Input("tl-f-gap", "value"),
    Input("tl-view", "data"),
    State("tl-selected", "data"),
    State("tl-review", "data"),
    # The page is built with its first drawing (layout above): only a change redraws.
    prevent_initial_call=True,
)
def draw(
    version, agencies, start, end, text, kloes, kinds, switches, gap, view, selected, review_id
):
    if version is None:
        return (no_update,) * 5
    try:
        actor = current_actor()
        # Read before the marks: a figure is never taken as newer than it is.
        drawn = store().reviews.review_version(actor, review_id)
        sc = screens.timeline(store(), actor, review_id)
    except StoreError:
        return {}, {}, [], "", no_update
    filters = (agencies, start, end, text, kloes, kinds, switches)
    return _render(sc, drawn, filters, gap, view, selected)


# Draw again when the figure may hide a change this screen knows of: a figure read before
# it (a slower redraw arriving after a tag saved here), or a figure that replaced the one
# a new tag was drawn on before the save was confirmed. In the browser (it reads only
# what the page holds): as a server callback it was one more round trip after every save
# and every drawing (assets/timeline.js, redrawIfStale).
clientside_callback(
    ClientsideFunction(namespace="lrtTimeline", function_name="redrawIfStale"),
    Output("tl-redraw", "data", allow_duplicate=True),
    Input("tl-drawn", "data"),
    Input("tl-seen", "data"),
    State("tl-tag-drawn-on", "data"),
    prevent_initial_call=True,
)


# A zoom or pan on the chart (or its 1m/6m/1y buttons) becomes the view: records are
# regrouped for it and the age axis relabelled. Read in the browser from the chart's own
# axis, not from relayoutData alone: the chart's size report ({autosize: true}) right
# after a zoom replaced the zoom's relayoutData before any callback saw it, and the zoom
# was lost (assets/timeline.js, followZoom).
clientside_callback(
    ClientsideFunction(namespace="lrtTimeline", function_name="followZoom"),
    Output("tl-view", "data"),
    Input("tl-graph", "relayoutData"),
    State("tl-graph", "figure"),
    prevent_initial_call=True,
)


@callback(
    Output("tl-view", "data", allow_duplicate=True),
    Input("tl-f-dates", "start_date"),
    Input("tl-f-dates", "end_date"),
    prevent_initial_call=True,
)
def zoom_to_dates(start, end):
    """A date filter zooms the view to it; clearing it goes back to the review period."""
    a, b = parse_day(start), parse_day(end)
    if a is None and b is None:
        return None
    if a is None or b is None:
        return no_update  # one end chosen so far: wait for the other
    # to the end of the last day chosen
    return [min(a, b).isoformat(), (max(a, b) + timedelta(days=1)).isoformat()]


@callback(
    Output("tl-view", "data", allow_duplicate=True),
    Input("tl-overview", "selectedData"),
    prevent_initial_call=True,
)
def zoom_from_overview(selected):
    """Dragging across the overview strip zooms the timeline to that period."""
    if not selected or not selected.get("range"):
        return no_update
    view = view_from(selected["range"]["x"])
    return [view[0].isoformat(), view[1].isoformat()] if view else no_update


@callback(
    Output("tl-grid", "rowData"),
    *FILTER_INPUTS,
    Input("tl-tab", "data"),
    State("tl-review", "data"),
    prevent_initial_call=True,  # the page opens on the timeline: no rows to send
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
    Output("tl-view", "data", allow_duplicate=True),
    Input("tl-graph", "clickData"),
    Input("tl-ev-open", "data"),
    State("tl-selected", "data"),
    prevent_initial_call=True,
)
def select_event(click, listed, current):
    """A mark or an event in the list selects that event; a group of records (its
    customdata is its first and last day) zooms in on them instead."""
    chosen = None
    trigger = ctx.triggered_id
    if trigger == "tl-graph" and click and click.get("points"):
        value = click["points"][0].get("customdata")
        if isinstance(value, list) and len(value) == 2 and isinstance(value[0], str):
            view = view_from(value)
            if view is None:
                return no_update, no_update
            a, b = view
            pad = timedelta(days=max(3, (b - a).days // 10))
            return no_update, [(a - pad).isoformat(), (b + pad).isoformat()]
        if value is None:
            return no_update, no_update
        chosen = int(value[0] if isinstance(value, list) else value)
    elif trigger == "tl-ev-open" and (listed or {}).get("event") is not None:
        chosen = int(listed["event"])
    if chosen is None or chosen == current:
        return no_update, no_update
    return chosen, no_update


@callback(
    Output("tl-selected", "data", allow_duplicate=True),
    Input("tl-grid", "selectedRows"),
    State("tl-selected", "data"),
    prevent_initial_call=True,
)
def select_from_table(rows, current):
    """A table row selects its event (a callback of its own: the grid is only there once
    the table has been shown, and Dash refuses a callback with an input missing)."""
    # A list of rows; the grid echoes {"ids": [...]} while the selection it was made with
    # waits for its rows (switch_view), which selects nothing new.
    if not rows or not isinstance(rows, list):
        return no_update
    chosen = int(rows[0]["event_id"])
    return chosen if chosen != current else no_update


@callback(
    Output("tl-grid", "selectedRows"),
    Input("tl-selected", "data"),
    State("tl-grid", "selectedRows"),
    prevent_initial_call=True,
)
def select_row(event_id, rows):
    """The table follows a selection made on the timeline (and the other way round)."""
    if not event_id or event_id < 0:  # nothing selected (NO_SELECTION), or no event
        return no_update
    if rows and isinstance(rows, list) and int(rows[0].get("event_id", -1)) == event_id:
        return no_update
    return {"ids": [str(event_id)]}


@callback(
    Output("tl-graph", "figure", allow_duplicate=True),
    Output("tl-tag-at", "data"),
    Input("tl-selected", "data"),
    State("tl-review", "data"),
    prevent_initial_call=True,
)
def ring_selection(event_id, review_id):
    """Ring the selected event's voices (a patch of the first trace, never a redraw),
    and keep where a tag on it goes, so a new tag shows the moment it is added."""
    if not event_id:  # nothing selected (parts.NO_SELECTION)
        return no_update, no_update
    try:
        actor = current_actor()
        members = store().timeline.event_marks(actor, event_id) if event_id and event_id > 0 else []
        lanes = _lanes(actor, review_id)
    except StoreError:
        return no_update, no_update
    trace = selection_trace(members, lanes)
    x, y, _ = tag_point(members, lanes)
    patch = dash.Patch()
    patch["data"][SELECTION_TRACE]["x"] = trace["x"]
    patch["data"][SELECTION_TRACE]["y"] = trace["y"]
    return patch, {"x": x, "y": y, "event": event_id} if x is not None else None


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
    if not event_id or event_id < 0:  # nothing selected (NO_SELECTION), or no event
        return no_update
    try:
        return _panel(current_actor(), event_id, review_id, drafts)
    except StoreError as exc:
        return html.P(str(exc), className="error")


# The tag is drawn on the tagger's screen the moment "Add tag" is pressed (in the
# browser, at the place ring_selection kept); the server's answer below confirms it, or
# redraws the figure from the database when the tag was not saved.
clientside_callback(
    ClientsideFunction(namespace="lrtTimeline", function_name="showTag"),
    Output("tl-graph", "extendData"),
    Output("tl-tag-drawn-on", "data"),
    Output("tl-tag-saving", "data"),
    Input("tl-tag-add", "n_clicks"),
    State("tl-tag-kind", "value"),
    State("tl-tag-at", "data"),
    State("tl-selected", "data"),
    State("tl-kinds", "data"),
    State("tl-drawn", "data"),
    State("tl-poll", "n_intervals"),
    prevent_initial_call=True,
)


@callback(
    Output("tl-message", "children"),
    Output("tl-seen", "data", allow_duplicate=True),
    Output("tl-redraw", "data", allow_duplicate=True),
    Output("tl-panel", "children", allow_duplicate=True),
    Output("tl-tag-saving", "data", allow_duplicate=True),
    Output({"type": ANNOTATIONS, "event": ALL}, "children"),
    Output({"type": FORM, "event": ALL}, "children"),
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
    """Save the tag (one action). The tagger's screen already shows it; others' screens
    pick it up from the version counter within a poll. Not saved: the figure is redrawn
    from what the database holds, so a tag shown too soon goes away. Every answer ends
    the save begun in the browser (tl-tag-saving)."""
    # The panel's list and form per event shown (none, or the one panel's)
    lists, forms = ([no_update] * len(ctx.outputs_list[i]) for i in (5, 6))
    if not n:
        return no_update, no_update, no_update, no_update, no_update, lists, forms
    if not kind:
        return "Choose the kind of tag first.", no_update, no_update, no_update, 0, lists, forms
    try:
        t = screens.tag_event(
            store(), current_actor(), review_id, event_id, kind, text or "", kloe_ids or []
        )
    except StoreError as exc:
        return f"Not saved: {exc}", no_update, f"not saved {n}", no_update, 0, lists, forms
    said = f"Tag saved: {KIND_LABELS[kind]}."
    shown = [o["id"]["event"] == event_id for o in ctx.outputs_list[5]]
    if seen is not None and t.version == seen + 1 and any(shown):
        # Only our own change since the last draw: marked seen, so no redraw follows;
        # the panel drawn for the event (at the version before) gets the new tag alone.
        listed, form = tag_added(t.event, t.kloes, can_annotate=t.can_annotate)
        lists = [listed if mine else no_update for mine in shown]
        forms = [form if o["id"]["event"] == event_id else no_update for o in ctx.outputs_list[6]]
        return said, t.version, no_update, no_update, 0, lists, forms
    panel = event_panel(t.event, t.kloes, can_annotate=t.can_annotate)
    return said, no_update, no_update, panel, 0, lists, forms


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


# The page's first period strip, drawn in the browser once the chart is (the chart first).
clientside_callback(
    ClientsideFunction(namespace="lrtTimeline", function_name="stripAfterChart"),
    Output("tl-overview", "figure", allow_duplicate=True),
    Input("tl-strip-first", "data"),
    prevent_initial_call="initial_duplicate",
)


# The list of events is made in the browser from its rows, and follows a selection made
# anywhere (chart, table, list): the option is marked selected and made the active one
# (assets/timeline.js).
clientside_callback(
    ClientsideFunction(namespace="lrtTimeline", function_name="markSelected"),
    Output("tl-events", "data-selected"),
    Input("tl-selected", "data"),
    Input("tl-events-data", "data"),
)
