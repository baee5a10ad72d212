"""Preparation (participant, before the workshop): their agency's entries highlighted on
the timeline and listed, a reflection per entry saved as they type, and points to raise
that the facilitator sees in the workshop.

Saving as they type: each keystroke goes into a copy kept in the browser's local storage
(`pr-local`, unsaved edits only); once a second the browser sends what differs from the
last saved text, and the server saves it as the user's "reflection" annotation on that
event. A refresh shows the saved text (or the unsaved local copy); a dropped connection
only delays the save: the local copy is sent when the server answers again.

A point to raise is an annotation of its own kind ("point_to_raise", timeline.workflow.POINT).

"Follow the facilitator": when ticked, the page polls the facilitator's current view
(`store.workflow.get_workshop_view`) every second and shows that period and event.
"""

from __future__ import annotations

import dash
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, html, no_update

from ingest.validate import fmt
from timeline.actions import prepare as prepare_actions
from timeline.figures import timeline_figure
from timeline.store.errors import StoreError
from timeline.view import lane_order
from timeline.workflow import episode_bands, is_point, my_reflections, point_body
from web.auth import current_actor
from web.panel import record_card
from web.review_page import load_review, not_found, review_head
from web.services import store

dash.register_page(
    __name__, path_template="/review/<review_id>/prepare", title="Preparation", order=40
)

FOLLOW_POLL_MS = 1000  # within 3 s of the facilitator moving on
SAVE_TICK_MS = 1000  # typing is saved at most this long after the last keystroke
VERSION_POLL_MS = 2000  # others' tags appear within 3 s, as on the timeline
SAVED_TEXT = "All changes saved."
UNSAVED_TEXT = "Saving… (kept on this computer until the server has it)"


def my_agency(actor, rid: int) -> str | None:
    for m in store().reviews.list_members(actor, rid):
        if m["user_id"] == actor.user_id:
            return m["agency"]
    return None


def layout(review_id: str | None = None, **_query) -> html.Div:
    page = load_review(review_id)
    if page is None:
        return not_found()
    rid, actor, review = page.rid, page.actor, page.review
    try:
        agency = my_agency(actor, rid)
        anns = store().annotations.list_annotations(actor, rid)
        # The version drawn: the first poll then redraws only if something changed since
        # (a redraw replaces the entry buttons, and a click in flight on one is lost).
        version = store().reviews.review_version(actor, rid)
    except StoreError:
        return not_found()
    mine = my_reflections(anns, actor.user_id).items()
    saved = {f"{rid}:{e}": a["text"] for e, a in mine}
    versions = {f"{rid}:{e}": a["version"] for e, a in mine}
    return html.Div(
        [
            dcc.Store(id="pr-review", data=rid),
            dcc.Store(id="pr-agency", data=agency),
            dcc.Store(id="pr-selected", data=None),
            dcc.Store(id="pr-saved", data=saved),
            # the version of each reflection this page last saw, and saves held for a choice
            dcc.Store(id="pr-versions", data=versions),
            dcc.Store(id="pr-conflicts", data={}),
            dcc.Store(id="pr-local", storage_type="local", data={}),
            dcc.Store(id="pr-dirty", data=None),
            dcc.Store(id="pr-view", data=None),
            dcc.Store(id="pr-version", data=version),
            dcc.Interval(id="pr-tick", interval=SAVE_TICK_MS),
            dcc.Interval(id="pr-vpoll", interval=VERSION_POLL_MS),
            dcc.Interval(id="pr-poll", interval=FOLLOW_POLL_MS, disabled=True),
            *review_head(review, rid, "Preparation"),
            html.P(
                f"Your agency: {agency}. Its entries are highlighted on the timeline."
                if agency
                else "Your membership names no agency: every entry is listed.",
                className="note",
            ),
            html.Div(
                [
                    dcc.Checklist(
                        [{"label": " Follow the facilitator", "value": "follow"}],
                        [],
                        id="pr-follow",
                        persistence=True,
                        persistence_type="local",
                    ),
                    html.Span(id="pr-follow-banner", className="", role="status"),
                ],
                className="wf-row",
            ),
            html.Div(
                [
                    html.Div(
                        [
                            dcc.Graph(id="pr-graph", config={"displaylogo": False}),
                            html.H2("Your agency's entries"),
                            html.Ul(id="pr-entries", className="wf-entries"),
                        ]
                    ),
                    html.Aside(
                        [
                            html.P(
                                prepare_actions.panel_note(None, None, False),
                                id="pr-event-note",
                                className="wf-follow-note",
                                role="status",
                            ),
                            html.Div(id="pr-event"),
                            html.Label(
                                [
                                    html.H3("Your reflection on this entry"),
                                    dcc.Textarea(
                                        id="pr-text",
                                        placeholder="How you saw things at the time, and why",
                                        disabled=True,
                                    ),
                                ]
                            ),
                            html.Div(id="pr-save-state", className="wf-save-state", role="status"),
                            html.Div(id="pr-save-error", className="error", role="alert"),
                            html.Div(id="pr-conflict", role="alert"),
                            html.H3("Points to raise at the workshop"),
                            dcc.Input(
                                id="pr-point",
                                placeholder="A point about this entry",
                                style={"width": "100%"},
                            ),
                            html.Button("Add point to raise", id="pr-point-add"),
                            html.Div(id="pr-point-msg", role="status", className="message"),
                            html.Ul(id="pr-points"),
                        ],
                        className="panel",
                    ),
                ],
                className="wf-prep",
            ),
        ]
    )


@callback(
    Output("pr-graph", "figure"),
    Output("pr-entries", "children"),
    Output("pr-points", "children"),
    Input("pr-version", "data"),
    Input("pr-selected", "data"),
    Input("pr-view", "data"),
    Input("pr-follow", "value"),
    State("pr-review", "data"),
    State("pr-agency", "data"),
)
def draw(_v, selected, view, follow, rid, agency):
    try:
        actor = current_actor()
        s = store()
        marks = s.timeline.timeline_marks(actor, rid)
        tags = s.timeline.event_tags(actor, rid)
        review = s.reviews.get_review(actor, rid)
        episodes = s.annotations.list_episodes(actor, rid)
        anns = s.annotations.list_annotations(actor, rid)
    except StoreError as exc:
        return {}, [html.Li(str(exc), className="error")], []
    lanes = lane_order({m.agency for m in marks})
    x_range = None
    if review.get("period_start") and review.get("period_end"):
        x_range = (review["period_start"], review["period_end"])
    following = bool(follow) and view
    if following and view.get("period"):
        x_range = tuple(view["period"])
    fig = timeline_figure(
        marks,
        lanes,
        tags=tags,
        dob=review.get("child_dob"),
        highlight_agency=agency,
        selected_event=selected,
        x_range=x_range,
        episodes=episode_bands(episodes, marks),
    )
    mine = [m for m in marks if agency is None or m.agency == agency]
    entries = [
        html.Li(
            html.Button(
                f"{fmt(m.start)} · {m.text[:110]}",
                id={"type": "pr-entry", "event": m.event_id},
                className="current" if m.event_id == selected else "",
            )
        )
        for m in mine
    ]
    points = [
        html.Li(
            [
                point_body(a),
                " ",
                html.Button(
                    "Delete",
                    id={"type": "pr-point-del", "id": a["id"], "v": a["version"]},
                    className="link-button",
                ),
            ]
        )
        for a in anns
        if is_point(a) and a.get("author_id") == actor.user_id
    ]
    return fig, entries or [html.Li("No entries.")], points or [html.Li("None yet.")]


@callback(
    Output("pr-selected", "data"),
    Input({"type": "pr-entry", "event": ALL}, "n_clicks"),
    Input("pr-graph", "clickData"),
    prevent_initial_call=True,
)
def select(_clicks, click):
    trigger = ctx.triggered_id
    if trigger == "pr-graph":
        if click and click.get("points"):
            value = click["points"][0].get("customdata")
            return int(value[0] if isinstance(value, list) else value)
        return no_update
    if not trigger or not ctx.triggered[0].get("value"):
        return no_update
    return trigger["event"]


@callback(
    Output("pr-event", "children"),
    Output("pr-text", "value"),
    Output("pr-text", "disabled"),
    Input("pr-selected", "data"),
    State("pr-review", "data"),
    State("pr-local", "data"),
    State("pr-saved", "data"),
    prevent_initial_call=True,
)
def show_event(event_id, rid, local, saved):
    if event_id is None or event_id < 0:
        return None, "", True  # pr-event-note says what to do next
    try:
        event = store().records.get_event(current_actor(), event_id)
    except StoreError as exc:
        return html.P(str(exc), className="error"), "", True
    key = f"{rid}:{event_id}"
    text = (local or {}).get(key, (saved or {}).get(key, ""))
    return html.Div([record_card(r) for r in event["records"]], className="voices"), text, False


# Every keystroke: keep the text in local storage while it differs from the saved text.
clientside_callback(
    """
    function(text, selected, rid, local, saved) {
        if (selected === null || selected === undefined) {
            return window.dash_clientside.no_update;
        }
        var key = rid + ':' + selected;
        var out = Object.assign({}, local || {});
        var was = (saved || {})[key];
        if ((text || '') === (was || '')) { delete out[key]; return [out, __SAVED__]; }
        out[key] = text || '';
        return [out, __UNSAVED__];
    }
    """.replace("__UNSAVED__", repr(UNSAVED_TEXT)).replace("__SAVED__", repr(SAVED_TEXT)),
    Output("pr-local", "data"),
    Output("pr-save-state", "children", allow_duplicate=True),
    Input("pr-text", "value"),
    State("pr-selected", "data"),
    State("pr-review", "data"),
    State("pr-local", "data"),
    State("pr-saved", "data"),
    prevent_initial_call=True,
)

# Once a second: send the unsaved edits of this review (if any) to the server.
clientside_callback(
    """
    function(n, local, saved, rid) {
        var dirty = {};
        var any = false;
        Object.keys(local || {}).forEach(function(k) {
            if (k.split(':')[0] === String(rid) && local[k] !== (saved || {})[k]) {
                dirty[k] = local[k]; any = true;
            }
        });
        if (!any) { return [window.dash_clientside.no_update, __SAVED__]; }
        // One save at a time: a second one sent before the first answered would carry the
        // versions seen before it and look like another tab's change. A save that never
        // answers (offline) stops holding the next one back after a few seconds.
        var pending = window.lrtReflectionSave || 0;
        if (Date.now() - pending < 5000) { return [window.dash_clientside.no_update, __UNSAVED__]; }
        window.lrtReflectionSave = Date.now();
        return [{edits: dirty, tick: n}, __UNSAVED__];
    }
    """.replace("__UNSAVED__", repr(UNSAVED_TEXT)).replace("__SAVED__", repr(SAVED_TEXT)),
    Output("pr-dirty", "data"),
    Output("pr-save-state", "children", allow_duplicate=True),
    Input("pr-tick", "n_intervals"),
    State("pr-local", "data"),
    State("pr-saved", "data"),
    State("pr-review", "data"),
    prevent_initial_call="initial_duplicate",
)


@callback(
    Output("pr-saved", "data"),
    Output("pr-save-error", "children"),
    Output("pr-versions", "data"),
    Output("pr-conflicts", "data"),
    Output("pr-conflict", "children"),
    Input("pr-dirty", "data"),
    State("pr-saved", "data"),
    State("pr-versions", "data"),
    State("pr-conflicts", "data"),
    State("pr-review", "data"),
    prevent_initial_call=True,
)
def autosave(dirty, saved, versions, conflicts, rid):
    if not dirty or not dirty.get("edits"):
        return (no_update,) * 5
    try:
        out = prepare_actions.save_reflections(
            store(), current_actor(), rid, dirty["edits"], saved or {}, versions or {}, conflicts
        )
    except StoreError as exc:
        said = f"Not saved yet: {exc}. Your text is kept on this computer."
        return no_update, said, no_update, no_update, no_update
    if out.conflicts == (conflicts or {}):
        return out.saved, "", out.versions, no_update, no_update
    return out.saved, "", out.versions, out.conflicts, conflict_view(out.conflicts)


def conflict_view(conflicts: dict) -> list:
    """Both texts of each reflection saved elsewhere meanwhile, and the two choices."""
    return [
        html.Div(
            [
                html.P(
                    "Your reflection on this entry was changed in another tab or on another "
                    "device since you began. Nothing of yours was saved: choose which to keep. "
                    "To merge them, edit the text in the box, then choose Keep mine.",
                ),
                html.H4("Saved elsewhere"),
                html.Blockquote(c.get("theirs") or "(deleted)", className="conflict-theirs"),
                html.H4("Yours (not saved)"),
                html.Blockquote(c.get("mine") or "(empty)", className="conflict-mine"),
                html.Div(
                    [
                        html.Button(
                            "Take theirs", id={"type": "pr-resolve", "key": key, "c": "theirs"}
                        ),
                        html.Button(
                            "Keep mine", id={"type": "pr-resolve", "key": key, "c": "mine"}
                        ),
                    ],
                    className="wf-row",
                ),
            ],
            className="tag-conflict",
        )
        for key, c in conflicts.items()
    ]


@callback(
    Output("pr-conflicts", "data", allow_duplicate=True),
    Output("pr-versions", "data", allow_duplicate=True),
    Output("pr-saved", "data", allow_duplicate=True),
    Output("pr-local", "data", allow_duplicate=True),
    Output("pr-text", "value", allow_duplicate=True),
    Output("pr-conflict", "children", allow_duplicate=True),
    Input({"type": "pr-resolve", "key": ALL, "c": ALL}, "n_clicks"),
    State("pr-conflicts", "data"),
    State("pr-versions", "data"),
    State("pr-saved", "data"),
    State("pr-local", "data"),
    State("pr-selected", "data"),
    State("pr-review", "data"),
    prevent_initial_call=True,
)
def resolve(clicks, conflicts, versions, saved, local, selected, rid):
    trigger = ctx.triggered_id
    if not trigger or not any(clicks or []):
        return (no_update,) * 6
    current_actor()  # signed in (the choice itself writes nothing; the next save checks)
    out = prepare_actions.resolve_reflection(
        trigger["c"], trigger["key"], conflicts, versions, saved, local
    )
    shown = out.text is not None and trigger["key"] == f"{rid}:{selected}"
    return (
        out.conflicts,
        out.versions,
        out.saved,
        out.local,
        out.text if shown else no_update,
        conflict_view(out.conflicts),
    )


# Saved: drop the local copies that now match the server.
clientside_callback(
    """
    function(saved, local) {
        window.lrtReflectionSave = 0;  // the save answered: the next may go
        var out = {};
        Object.keys(local || {}).forEach(function(k) {
            if (local[k] !== (saved || {})[k]) { out[k] = local[k]; }
        });
        return out;
    }
    """,
    Output("pr-local", "data", allow_duplicate=True),
    Input("pr-saved", "data"),
    State("pr-local", "data"),
    prevent_initial_call=True,
)


@callback(
    Output("pr-point-msg", "children"),
    Output("pr-version", "data"),
    Output("pr-point", "value"),
    Input("pr-point-add", "n_clicks"),
    Input({"type": "pr-point-del", "id": ALL, "v": ALL}, "n_clicks"),
    State("pr-point", "value"),
    State("pr-selected", "data"),
    State("pr-review", "data"),
    prevent_initial_call=True,
)
def points(_add, _del, text, event_id, rid):
    trigger = ctx.triggered_id
    if not trigger or not ctx.triggered[0].get("value"):
        return no_update, no_update, no_update
    try:
        actor = current_actor()
        if trigger == "pr-point-add":
            out = prepare_actions.add_point(store(), actor, rid, event_id, text)
        else:
            out = prepare_actions.delete_point(store(), actor, rid, trigger["id"], trigger["v"])
    except StoreError as exc:
        return f"Not saved: {exc}", no_update, no_update
    version = no_update if out.version is None else out.version
    return out.message, version, "" if out.clear else no_update


def _version(actor, rid: int) -> int:
    return store().reviews.review_version(actor, rid)


@callback(
    Output("pr-version", "data", allow_duplicate=True),
    Input("pr-vpoll", "n_intervals"),
    State("pr-review", "data"),
    State("pr-version", "data"),
    prevent_initial_call=True,
)
def poll_version(_n, rid, known):
    """Others' tags and points: redraw only when the review changed."""
    try:
        v = store().reviews.review_version(current_actor(), rid)
    except StoreError:
        return no_update
    return v if v != known else no_update


@callback(
    Output("pr-selected", "data", allow_duplicate=True),
    Input("pr-view", "data"),
    State("pr-follow", "value"),
    State("pr-selected", "data"),
    prevent_initial_call=True,
)
def follow_event(view, follow, selected):
    """Following: the panel (and the reflection box) moves to the facilitator's event."""
    event_id = prepare_actions.followed_event(view, bool(follow))
    return no_update if event_id is None or event_id == selected else event_id


@callback(
    Output("pr-event-note", "children"),
    Input("pr-selected", "data"),
    Input("pr-view", "data"),
    Input("pr-follow", "value"),
)
def event_note(selected, view, follow):
    return prepare_actions.panel_note(selected, view, bool(follow))


@callback(Output("pr-poll", "disabled"), Input("pr-follow", "value"))
def follow_switch(value):
    return not value


@callback(
    Output("pr-view", "data"),
    Output("pr-follow-banner", "children"),
    Output("pr-follow-banner", "className"),
    Input("pr-poll", "n_intervals"),
    Input("pr-follow", "value"),
    State("pr-review", "data"),
    State("pr-view", "data"),
)
def poll_view(_n, follow, rid, known):
    if not follow:
        return no_update, "", ""
    try:
        view = store().workflow.get_workshop_view(current_actor(), rid)
    except StoreError as exc:
        return no_update, str(exc), "error"
    if view is None:
        return no_update, "The workshop has not started yet.", "wf-follow"
    banner = f"Following the facilitator: {view.get('label') or 'current view'}"
    if view == known:
        return no_update, banner, "wf-follow"
    return view, banner, "wf-follow"
