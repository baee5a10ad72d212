"""Workshop mode (facilitator, on a projector): large type and high contrast; step through
the key practice episodes and then the review period with the keyboard; quick tagging of
the event in view against the KLOE in focus; the participants' points to raise; and the
key practice episode editor. Every move is saved as the workshop view
(`Store.set_workshop_view`), which participants who follow the facilitator see.

Keys (assets/workflow.js clicks the labelled buttons): n / → next step, p / ← previous
step, j / k next / previous event in the step, 1–9 KLOE in focus, then d key decision,
m missed opportunity, g good practice, e needs escalation, x discrepancy.
"""

from __future__ import annotations

import contextlib
import secrets
from datetime import date

import dash
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, html, no_update

from ingest.validate import fmt
from timeline.actions import screens
from timeline.actions import workshop as workshop_actions
from timeline.figures import timeline_figure
from timeline.store.auth import WORKSHOP
from timeline.store.errors import StoreError
from timeline.view import KIND_LABELS, lane_order
from timeline.workflow import (
    ANNOTATION_LABELS,
    Step,
    episode_bands,
    episode_span,
    is_point,
    point_body,
    workshop_steps,
)
from web.auth import current_actor
from web.panel import record_card
from web.review_page import not_found, review_head, review_id_of
from web.services import store

# An explicit order: Dash tries path templates in registry order and "/review/<review_id>"
# (pages/timeline.py, sorted before "workshop") would otherwise swallow this path.
dash.register_page(
    __name__, path_template="/review/<review_id>/workshop", title="Workshop", order=50
)

POLL_MS = 2000
TAG_KEYS = {
    "key_decision": "d",
    "missed_opportunity": "m",
    "good_practice": "g",
    "needs_escalation": "e",
    "discrepancy": "x",
}


def _d(value) -> date | None:
    """A day the browser sent (a date picker's or a step's ISO text)."""
    return date.fromisoformat(str(value)[:10]) if value else None


def layout(review_id: str | None = None, **_query) -> html.Div:
    rid = review_id_of(review_id)
    try:
        actor = current_actor()
        s = store()
        review = s.get_review(actor, rid) if rid is not None else None
        may = review is not None and s.may(actor, rid, WORKSHOP)
        kloes = s.list_kloes(actor, rid) if review else []
        version = s.review_version(actor, rid) if review else 0
    except StoreError:
        review, may = None, False
    if review is None:
        return not_found()
    head = review_head(review, rid, "Workshop")
    if not may:
        return html.Div(
            [
                *head,
                html.P(
                    "Workshop mode is for the facilitator. To see their screen, tick "
                    "'Follow the facilitator' on the Preparation page."
                ),
            ]
        )
    kloe_buttons = [
        html.Button(
            f"{i + 1}: KLOE {k['number']}",
            id={"type": "ws-kloe", "id": k["id"]},
            title=k["title"],
            **{"data-shortcut": str(i + 1)},
        )
        for i, k in enumerate(kloes[:9])
    ]
    tag_buttons = [
        html.Button(
            f"{KIND_LABELS[kind]} ({key})",
            id={"type": "ws-tag", "kind": kind},
            **{"data-shortcut": key},
        )
        for kind, key in TAG_KEYS.items()
    ]
    return html.Div(
        [
            dcc.Store(id="ws-review", data=rid),
            dcc.Store(id="ws-version", data=version),
            dcc.Store(id="ws-steps", data=[]),
            dcc.Store(id="ws-pos", data=None),
            dcc.Store(id="ws-nonce", data=secrets.token_hex(8)),  # one per page load
            dcc.Store(id="ws-event", data=None),
            dcc.Store(id="ws-kloe", data=kloes[0]["id"] if kloes else None),
            dcc.Interval(id="ws-poll", interval=POLL_MS),
            *head,
            html.Div(
                [
                    html.Button(
                        "Previous step (p, ←)", id="ws-prev", **{"data-shortcut": "p ArrowLeft"}
                    ),
                    html.Span(
                        id="ws-step-label",
                        className="wf-step",
                        role="status",
                        **{"aria-live": "polite"},
                    ),
                    html.Button(
                        "Next step (n, →)", id="ws-next", **{"data-shortcut": "n ArrowRight"}
                    ),
                    html.Button("Previous event (k)", id="ws-ev-prev", **{"data-shortcut": "k"}),
                    html.Button("Next event (j)", id="ws-ev-next", **{"data-shortcut": "j"}),
                ],
                className="wf-row",
            ),
            html.Div(
                [
                    html.Span("KLOE in focus: "),
                    *kloe_buttons,
                    html.Strong(id="ws-kloe-label", role="status"),
                ],
                className="wf-row",
            ),
            html.Div(
                [html.Span("Tag the event in view: "), *tag_buttons], className="wf-row wf-tagkeys"
            ),
            html.Div(id="ws-message", role="status", className="message"),
            dcc.Graph(id="ws-graph", config={"displaylogo": False}),
            html.Div(
                [
                    html.Div(id="ws-event-panel"),
                    html.Div(
                        [html.H2("Points to raise"), html.Ul(id="ws-points", className="wf-points")]
                    ),
                ],
                className="wf-prep",
            ),
            html.Details(
                [
                    html.Summary("Key practice episodes"),
                    html.Div(id="ws-episodes"),
                    html.Div(
                        [
                            dcc.Input(id="ws-ep-title", placeholder="Name of the episode"),
                            dcc.Input(
                                id="ws-ep-desc", placeholder="Description", style={"width": "24em"}
                            ),
                            dcc.DatePickerRange(
                                id="ws-ep-dates",
                                display_format="DD/MM/YYYY",
                                start_date_placeholder_text="From",
                                end_date_placeholder_text="To",
                                clearable=True,
                            ),
                            dcc.Dropdown(
                                id="ws-ep-events",
                                multi=True,
                                placeholder="…or a selection of events",
                                style={"minWidth": "24em", "color": "#000"},
                            ),
                            html.Button("Add episode", id="ws-ep-add"),
                        ],
                        className="wf-row",
                    ),
                    html.Div(id="ws-ep-msg", role="status", className="message"),
                ],
                className="wf-episodes",
            ),
        ],
        className="workshop",
        **{"data-shortcuts": "workshop"},
    )


def _steps(review: dict, episodes: list[dict], marks) -> list[Step]:
    by_event: dict[int, list] = {}
    for m in marks:
        by_event.setdefault(m.event_id, []).append(m)
    eps = []
    for e in episodes:
        span = episode_span(e, by_event)
        if span:
            eps.append((e["id"], e["title"], span[0], span[1]))
    period = None
    if review.get("period_start") and review.get("period_end"):
        period = (review["period_start"], review["period_end"])
    return workshop_steps(eps, period)


def _step_events(step: dict | None, episodes: list[dict], marks) -> list[int]:
    """The events of a step: an episode's own events, else those with a mark in its period."""
    if step is None:
        return []
    ep = next((e for e in episodes if e["id"] == step.get("episode_id")), None)
    if ep and ep.get("event_ids"):
        return list(ep["event_ids"])
    a, b = (_d(x) for x in step["period"])
    out = []
    for m in marks:
        if m.event_id > 0 and m.start <= b and m.end >= a and m.event_id not in out:
            out.append(m.event_id)
    return out


@callback(
    Output("ws-version", "data"),
    Input("ws-poll", "n_intervals"),
    State("ws-review", "data"),
    State("ws-version", "data"),
    prevent_initial_call=True,  # an initial no_update would hold back the first drawing
)
def poll(_n, rid, known):
    try:
        v = store().review_version(current_actor(), rid)
    except StoreError:
        return no_update
    return v if v != known else no_update


@callback(
    Output("ws-steps", "data"),
    Input("ws-version", "data"),
    State("ws-review", "data"),
    State("ws-steps", "data"),
)
def load_steps(_v, rid, known):
    """The steps (episodes, then periods), each with its events in date order."""
    try:
        actor = current_actor()
        s = store()
        review = s.get_review(actor, rid)
        episodes = s.list_episodes(actor, rid)
        marks = s.timeline_marks(actor, rid)
    except StoreError:
        return no_update
    steps = []
    for st in _steps(review, episodes, marks):
        d = {"kind": st.kind, **st.view()}
        d["events"] = _step_events(d, episodes, marks)
        steps.append(d)
    return steps if steps != known else no_update


# Moving is worked out in the browser, so keys pressed faster than the server answers all
# count; `seq` orders the moves for the server (Store.set_workshop_view ignores late ones).
clientside_callback(
    """
    function(p, n, ep, en, steps, nonce) {
        var W = window.wsNav;
        if (!W || W.nonce !== nonce) { W = window.wsNav = {nonce: nonce, seen: {}, pos: null}; }
        steps = steps || [];
        if (!steps.length) { return window.dash_clientside.no_update; }
        var changed = false;
        var pos = W.pos;
        if (!pos || pos.step >= steps.length) { pos = {step: 0, event: null}; changed = true; }
        var i = pos.step, ev = pos.event;
        // Count the clicks since the last run: a burst of key presses may arrive as one.
        var counts = [['ws-prev', p], ['ws-next', n], ['ws-ev-prev', ep], ['ws-ev-next', en]];
        counts.forEach(function(c) {
            var id = c[0], now = c[1] || 0, moves = now - (W.seen[id] || 0);
            W.seen[id] = now;
            for (var m = 0; m < moves; m++) {
                changed = true;
                if (id === 'ws-next') { i = Math.min(i + 1, steps.length - 1); ev = null; }
                else if (id === 'ws-prev') { i = Math.max(i - 1, 0); ev = null; }
                else {
                    var evs = steps[i].events || [];
                    if (!evs.length) { continue; }
                    var k = evs.indexOf(ev);
                    k = id === 'ws-ev-next' ? k + 1 : k - 1;
                    ev = evs[Math.max(0, Math.min(k, evs.length - 1))];
                }
            }
        });
        if (!changed) { return window.dash_clientside.no_update; }
        W.pos = {step: i, event: ev, seq: Date.now()};
        return W.pos;
    }
    """,
    Output("ws-pos", "data"),
    Input("ws-prev", "n_clicks"),
    Input("ws-next", "n_clicks"),
    Input("ws-ev-prev", "n_clicks"),
    Input("ws-ev-next", "n_clicks"),
    Input("ws-steps", "data"),
    State("ws-nonce", "data"),
)


@callback(
    Output("ws-event", "data"),
    Input("ws-pos", "data"),
    State("ws-steps", "data"),
    State("ws-review", "data"),
    prevent_initial_call=True,
)
def broadcast(pos, steps, rid):
    """Save the facilitator's view for those who follow."""
    if not pos or not steps or pos["step"] is None or pos["step"] >= len(steps):
        return no_update
    with contextlib.suppress(StoreError):  # an observer's screen: nothing to broadcast
        workshop_actions.move(store(), current_actor(), rid, steps[pos["step"]], pos)
    return pos.get("event")


@callback(
    Output("ws-step-label", "children"),
    Output("ws-graph", "figure"),
    Output("ws-event-panel", "children"),
    Output("ws-points", "children"),
    Output("ws-episodes", "children"),
    Output("ws-ep-events", "options"),
    Input("ws-pos", "data"),
    Input("ws-version", "data"),
    Input("ws-steps", "data"),
    State("ws-review", "data"),
)
def draw(pos, _version, steps, rid):
    step_i = (pos or {}).get("step")
    event_id = (pos or {}).get("event")
    try:
        sc = screens.workshop(store(), current_actor(), rid, event_id)
        marks, tags, review, episodes = sc.marks, sc.tags, sc.review, sc.episodes
        anns, event = sc.annotations, sc.event
    except StoreError as exc:
        err = html.P(str(exc), className="error")
        return "", {}, err, [], [], []
    step = steps[step_i] if steps and step_i is not None and step_i < len(steps) else None
    lanes = lane_order({m.agency for m in marks})
    fig = timeline_figure(
        marks,
        lanes,
        tags=tags,
        dob=review.get("child_dob"),
        selected_event=event_id,
        x_range=tuple(step["period"]) if step else None,
        large_type=True,
        episodes=episode_bands(episodes, marks),
    )
    fig["layout"]["paper_bgcolor"] = "white"
    label = "No steps: set a review period or add an episode."
    if step:
        kind = "Episode" if step["kind"] == "episode" else "Period"
        label = f"{step_i + 1}/{len(steps)} · {kind}: {step['label']}"
    if event:
        tag_list = [
            html.Li(f"{ANNOTATION_LABELS.get(a['kind'], a['kind'])} — {a['author_label']}")
            for a in event.get("annotations", [])
        ]
        panel = html.Div(
            [
                html.H2("Event in view"),
                html.Div([record_card(r) for r in event["records"]], className="voices"),
                html.Ul(tag_list or [html.Li("No tags yet.")], id="ws-event-tags"),
            ]
        )
    else:
        panel = html.P("Press j to bring the first event of this step into view.")
    dates = {m.event_id: m.start for m in marks}
    points = [
        html.Li(
            f"{a['author_label']} ({fmt(dates[a['event_id']]) if a['event_id'] in dates else '—'}):"
            f" {point_body(a)}"
        )
        for a in anns
        if is_point(a)
    ] or [html.Li("No points raised yet.")]
    ep_rows = [
        html.Li(
            [
                html.Strong(e["title"]),
                f" — {e['description']}" if e.get("description") else "",
                f" ({fmt(e['date_start'])} to {fmt(e['date_end'])})"
                if e.get("date_start") and e.get("date_end")
                else f" ({len(e['event_ids'])} events)",
                " ",
                html.Button(
                    "Delete",
                    id={"type": "ws-ep-del", "id": e["id"], "v": e["version"]},
                    className="link-button",
                ),
            ]
        )
        for e in episodes
    ]
    seen, options = set(), []
    for m in marks:
        if m.event_id > 0 and m.event_id not in seen:
            seen.add(m.event_id)
            options.append(
                {"label": f"{fmt(m.start)} {m.agency}: {m.text[:60]}", "value": m.event_id}
            )
    return label, fig, panel, points, html.Ul(ep_rows or [html.Li("None yet.")]), options


@callback(
    Output("ws-kloe", "data"),
    Input({"type": "ws-kloe", "id": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
def focus_kloe(_clicks):
    trigger = ctx.triggered_id
    if not trigger or not ctx.triggered[0].get("value"):
        return no_update
    return trigger["id"]


@callback(Output("ws-kloe-label", "children"), Input("ws-kloe", "data"), State("ws-review", "data"))
def kloe_label(kloe_id, rid):
    try:
        kloes = store().list_kloes(current_actor(), rid)
    except StoreError as exc:
        return str(exc)
    k = next((k for k in kloes if k["id"] == kloe_id), None)
    return f" {k['number']}. {k['title']}" if k else " none"


@callback(
    output={
        "message": Output("ws-message", "children"),
        "version": Output("ws-version", "data", allow_duplicate=True),
    },
    inputs={
        "_clicks": Input({"type": "ws-tag", "kind": ALL}, "n_clicks"),
        "pos": State("ws-pos", "data"),
        "kloe_id": State("ws-kloe", "data"),
        "rid": State("ws-review", "data"),
    },
    prevent_initial_call=True,
)
def tag(_clicks, pos, kloe_id, rid):
    trigger = ctx.triggered_id
    if not trigger or not ctx.triggered[0].get("value"):
        return {"message": no_update, "version": no_update}
    try:
        out = workshop_actions.tag(
            store(), current_actor(), rid, (pos or {}).get("event"), trigger["kind"], kloe_id
        )
    except StoreError as exc:
        return {"message": f"Not saved: {exc}", "version": no_update}
    return {"message": out.message, "version": no_update if out.version is None else out.version}


@callback(
    Output("ws-ep-msg", "children"),
    Output("ws-version", "data", allow_duplicate=True),
    Input("ws-ep-add", "n_clicks"),
    Input({"type": "ws-ep-del", "id": ALL, "v": ALL}, "n_clicks"),
    State("ws-ep-title", "value"),
    State("ws-ep-desc", "value"),
    State("ws-ep-dates", "start_date"),
    State("ws-ep-dates", "end_date"),
    State("ws-ep-events", "value"),
    State("ws-review", "data"),
    prevent_initial_call=True,
)
def episodes(_add, _del, title, desc, start, end, event_ids, rid):
    trigger = ctx.triggered_id
    if not trigger or not ctx.triggered[0].get("value"):
        return no_update, no_update
    try:
        actor = current_actor()
        s = store()
        if trigger == "ws-ep-add":
            if not (title or "").strip():
                return "Name the episode first.", no_update
            if not (start and end) and not event_ids:
                return "Give the episode a period or choose its events.", no_update
            s.add_episode(
                actor,
                rid,
                title.strip(),
                description=(desc or "").strip(),
                date_start=_d(start),
                date_end=_d(end),
                event_ids=event_ids or [],
            )
            msg = f"Episode '{title.strip()}' added."
        else:
            s.delete_episode(actor, trigger["id"], trigger["v"])
            msg = "Episode deleted."
        version = s.review_version(actor, rid)
    except StoreError as exc:
        return f"Not saved: {exc}", no_update
    return msg, version
