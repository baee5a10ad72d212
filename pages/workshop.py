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
    dcc,
    html,
    no_update,
)

from ingest.validate import fmt
from timeline.actions import screens
from timeline.actions import workshop as workshop_actions
from timeline.store.auth import WORKSHOP
from timeline.store.errors import StoreError
from timeline.strip import workshop_strip
from timeline.view import KIND_LABELS, lane_order
from timeline.workflow import ANNOTATION_LABELS, episode_bands, is_point, point_body
from web.auth import current_actor
from web.panel import record_when
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


def _kloe_buttons(kloes: list[dict]) -> list:
    return [
        html.Button(
            workshop_actions.kloe_button_label(i, k),
            id={"type": "ws-kloe", "id": k["id"]},
            title=k["title"],
            **{"data-shortcut": str(i + 1)},
        )
        for i, k in enumerate(kloes[:9])
    ]


def _tag_buttons() -> list:
    return [
        html.Button(
            f"{KIND_LABELS[kind]} ({key})",
            id={"type": "ws-tag", "kind": kind},
            **{"data-shortcut": key},
        )
        for kind, key in TAG_KEYS.items()
    ]


def _scroll(id_: str, label: str, child) -> html.Div:
    """A region of its own that scrolls (long wording never makes the page taller), in the
    Tab order so the keyboard can scroll it too."""
    return html.Div(
        child, id=id_, className="ws-scroll", tabIndex="0", role="region", **{"aria-label": label}
    )


def _episode_editor() -> html.Details:
    return html.Details(
        [
            html.Summary("Key practice episodes"),
            html.Div(
                [
                    html.Div(id="ws-episodes"),
                    html.Div(
                        [
                            html.Label(["Name ", dcc.Input(id="ws-ep-title")]),
                            html.Label(["Description ", dcc.Input(id="ws-ep-desc")]),
                            html.Label(
                                ["From ", dcc.Input(id="ws-ep-dates", placeholder="DD/MM/YYYY")]
                            ),
                            html.Label(
                                [
                                    "To ",
                                    dcc.Input(id="ws-ep-dates-end-date", placeholder="DD/MM/YYYY"),
                                ]
                            ),
                        ],
                        className="wf-row",
                    ),
                    html.Fieldset(
                        [
                            html.Legend("…or choose its events (those of the step in view)"),
                            dcc.Store(id="ws-ep-options", data=[]),
                            dcc.Store(id="ws-ep-events", data=[]),
                            html.Div(id="ws-ep-choices"),
                        ],
                        className="ws-ep-events",
                    ),
                    html.Button("Add episode", id="ws-ep-add"),
                    html.Div(id="ws-ep-msg", role="status", className="message"),
                ],
                className="ws-episodes-body",
            ),
        ],
        className="wf-episodes ws-episodes",
    )


def layout(review_id: str | None = None, **_query) -> html.Div:
    rid = review_id_of(review_id)
    try:
        actor = current_actor()
        s = store()
        review = s.reviews.get_review(actor, rid) if rid is not None else None
        may = review is not None and s.reviews.may(actor, rid, WORKSHOP)
        kloes = s.reviews.list_kloes(actor, rid) if review else []
        version = s.reviews.review_version(actor, rid) if review else 0
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
                    "Workshop mode is for the facilitator. To see their screen, open the "
                    "Preparation page and tick 'Follow the facilitator'."
                ),
                dcc.Link("Go to Preparation", href=f"/review/{rid}/prepare"),
            ]
        )
    return html.Div(
        [
            dcc.Store(id="ws-review", data=rid),
            dcc.Store(id="ws-version", data=version),
            dcc.Store(id="ws-steps", data=[]),
            dcc.Store(id="ws-pos", data=None),
            dcc.Store(id="ws-nonce", data=secrets.token_hex(8)),  # one per page load
            dcc.Store(id="ws-event", data=None),
            dcc.Store(id="ws-kloe", data=kloes[0]["id"] if kloes else None),
            dcc.Store(id="ws-font", data=None),  # the screen's text size and the strip's height
            dcc.Interval(id="ws-poll", interval=POLL_MS),
            html.Div(head, className="ws-head"),
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
                className="wf-row ws-steps",
            ),
            html.Div(
                [
                    html.Span("Tag the event in view:"),
                    *_tag_buttons(),
                    html.Span(id="ws-message", role="status", className="message"),
                ],
                className="wf-row wf-tagkeys ws-tags",
            ),
            html.Section(
                [_scroll("ws-event-panel", "Event in view: each agency's words", None)],
                className="ws-event",
            ),
            html.Aside(
                [
                    html.Section(
                        [
                            html.H2(
                                ["KLOE in focus: ", html.Span(id="ws-kloe-label", role="status")]
                            ),
                            html.Div(
                                _kloe_buttons(kloes)
                                or html.P(
                                    "No Key Lines of Enquiry yet: the lead reviewer adds them "
                                    "on the Set-up page."
                                ),
                                className="ws-kloes",
                            ),
                        ],
                        className="ws-kloe",
                    ),
                    html.Section(
                        [
                            html.H2("Points to raise for this step"),
                            _scroll(
                                "ws-points-box",
                                "Points to raise",
                                html.Ul(id="ws-points", className="wf-points"),
                            ),
                        ],
                        className="ws-points",
                    ),
                ],
                className="ws-side",
            ),
            html.Div(
                dcc.Graph(
                    id="ws-graph",
                    config={"displaylogo": False, "displayModeBar": False, "responsive": True},
                    style={"height": "100%"},
                ),
                className="ws-strip",
            ),
            _episode_editor(),
        ],
        className="workshop ws-screen",
        **{"data-shortcuts": "workshop"},
    )


# The text size the screen shows (it scales with the window): the strip's labels match it.
clientside_callback(
    ClientsideFunction("workshop", "fontSize"),
    Output("ws-font", "data"),
    Input("ws-review", "data"),
)


@callback(
    Output("ws-version", "data"),
    Input("ws-poll", "n_intervals"),
    State("ws-review", "data"),
    State("ws-version", "data"),
    prevent_initial_call=True,  # an initial no_update would hold back the first drawing
)
def poll(_n, rid, known):
    try:
        v = store().reviews.review_version(current_actor(), rid)
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
        review = s.reviews.get_review(actor, rid)
        episodes = s.annotations.list_episodes(actor, rid)
        marks = s.timeline.timeline_marks(actor, rid)
    except StoreError:
        return no_update
    steps = workshop_actions.steps(review, episodes, marks)
    return steps if steps != known else no_update


# Moving is worked out in the browser (assets/workshop.js: keys pressed faster than the
# server answers all count; `seq` orders the moves for Store.set_workshop_view).
clientside_callback(
    ClientsideFunction("workshop", "move"),
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


def _voice(rec: dict) -> html.Article:
    """One agency's own words, in large type (the source is on the Timeline page)."""
    return html.Article(
        [
            html.H3([rec["agency"], html.Span(f" · {record_when(rec)}", className="when")]),
            html.P(rec["description"] or "(no description)", className="wording"),
            html.P(["Outcome: ", rec["outcome"]], className="outcome")
            if rec.get("outcome")
            else None,
            html.P(["Practitioner: ", rec["practitioner"]], className="who")
            if rec.get("practitioner")
            else None,
        ],
        className="ws-voice",
    )


def _event_panel(event: dict | None, step: dict | None) -> list:
    if event is None:
        if step is None:
            return [
                html.P(
                    "No steps yet: the lead reviewer sets the review period on the Set-up "
                    "page, or add a key practice episode below."
                )
            ]
        if not step.get("events"):
            return [html.P("No event in this step: press n for the next step.")]
        return [html.P("Press j to bring the first event of this step into view.")]
    tags = [
        html.Li(f"{ANNOTATION_LABELS.get(a['kind'], a['kind'])} — {a['author_label']}")
        for a in event.get("annotations", [])
        if not is_point(a)
    ]
    return [
        html.H2("Event in view"),
        html.Ul(tags or [html.Li("No tags yet: press a tag key.")], id="ws-event-tags"),
        html.Div([_voice(r) for r in event["records"]], className="ws-voices"),
    ]


def _points(anns: list[dict], marks, steps: list[dict], step_i: int | None) -> list:
    """The points to raise for this step, those outside every step, then how many others."""
    dates = {m.event_id: m.start for m in marks}
    sp = workshop_actions.step_points(anns, steps or [], step_i)

    def item(a: dict, outside: bool = False) -> html.Li:
        when = fmt(dates[a["event_id"]]) if a["event_id"] in dates else "—"
        where = ", outside the review period" if outside else ""
        return html.Li(f"{a['author_label']} ({when}{where}): {point_body(a)}")

    items = [item(a) for a in sp.here] + [item(a, True) for a in sp.outside]
    if not items:
        items = [html.Li("No points raised for this step. Participants add them on Preparation.")]
    if sp.elsewhere:
        items.append(html.Li(f"{sp.elsewhere} more in other steps.", className="ws-more"))
    return items


def _episode_rows(episodes: list[dict]) -> html.Ul:
    rows = [
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
                    **{"aria-label": f"Delete episode {e['title']}"},
                ),
            ]
        )
        for e in episodes
    ]
    return html.Ul(rows or [html.Li("None yet: name one below with its period or its events.")])


@callback(
    Output("ws-step-label", "children"),
    Output("ws-graph", "figure"),
    Output("ws-event-panel", "children"),
    Output("ws-points", "children"),
    Output("ws-episodes", "children"),
    Output("ws-ep-options", "data"),
    Input("ws-pos", "data"),
    Input("ws-version", "data"),
    Input("ws-steps", "data"),
    Input("ws-font", "data"),
    State("ws-review", "data"),
)
def draw(pos, _version, steps, font, rid):
    step_i = (pos or {}).get("step")
    event_id = (pos or {}).get("event")
    try:
        sc = screens.workshop(store(), current_actor(), rid, event_id)
        marks, tags, episodes, anns, event = (
            sc.marks,
            sc.tags,
            sc.episodes,
            sc.annotations,
            sc.event,
        )
    except StoreError as exc:
        err = html.P(str(exc), className="error")
        return "", {}, err, [], [], []
    step = steps[step_i] if steps and step_i is not None and step_i < len(steps) else None
    period = workshop_actions.step_period(step)
    if period is None and marks:
        period = (min(m.start for m in marks), max(m.end for m in marks))
    fig = {}
    if period:
        fig = workshop_strip(
            marks,
            lane_order({m.agency for m in marks}),
            period,
            tags=tags,
            selected_event=event_id,
            episodes=episode_bands(episodes, marks),
            font_px=float((font or {}).get("font") or 24),
            height_px=(font or {}).get("height"),
        )
    label = "No steps: set a review period or add an episode."
    if step:
        kind = "Episode" if step["kind"] == "episode" else "Period"
        label = f"{step_i + 1}/{len(steps)} · {kind}: {step['label']}"
    in_step = set((step or {}).get("events") or [])
    seen, options = set(), []
    for m in marks:
        if m.event_id in in_step and m.event_id not in seen:
            seen.add(m.event_id)
            options.append([m.event_id, f"{fmt(m.start)} {m.agency}: {m.text[:70]}"])
    panel = _event_panel(event, step)
    return label, fig, panel, _points(anns, marks, steps, step_i), _episode_rows(episodes), options


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
        kloes = store().reviews.list_kloes(current_actor(), rid)
    except StoreError as exc:
        return str(exc)
    k = next((k for k in kloes if k["id"] == kloe_id), None)
    return f"{k['number']}. {k['title']}" if k else "none"


@callback(
    Output({"type": "ws-kloe", "id": ALL}, "className"),
    Input("ws-kloe", "data"),
    State({"type": "ws-kloe", "id": ALL}, "id"),
)
def kloe_current(kloe_id, ids):
    return ["current" if i["id"] == kloe_id else "" for i in ids]


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
    State("ws-ep-dates", "value"),
    State("ws-ep-dates-end-date", "value"),
    State("ws-ep-events", "data"),
    State("ws-review", "data"),
    prevent_initial_call=True,
)
def episodes(_add, _del, title, desc, start, end, event_ids, rid):
    trigger = ctx.triggered_id
    if not trigger or not ctx.triggered[0].get("value"):
        return no_update, no_update
    try:
        if trigger == "ws-ep-add":
            out = workshop_actions.add_episode(
                store(), current_actor(), rid, title, desc, start, end, event_ids
            )
        else:
            out = workshop_actions.delete_episode(
                store(), current_actor(), rid, trigger["id"], trigger["v"]
            )
    except StoreError as exc:
        return f"Not saved: {exc}", no_update
    return out.message, no_update if out.version is None else out.version


@callback(
    Output("ws-ep-events", "data"),
    Input({"type": "ws-ep-ev", "id": ALL}, "n_clicks"),
    State("ws-ep-events", "data"),
    prevent_initial_call=True,
)
def choose_event(_clicks, chosen):
    """A toggle button per event of the step (native buttons: Dash's checklist nests a
    checkbox inside an option, which screen readers cannot operate)."""
    trigger = ctx.triggered_id
    if not trigger or not ctx.triggered[0].get("value"):
        return no_update
    chosen = list(chosen or [])
    eid = trigger["id"]
    return [e for e in chosen if e != eid] if eid in chosen else [*chosen, eid]


@callback(
    Output("ws-ep-choices", "children"),
    Input("ws-ep-options", "data"),
    Input("ws-ep-events", "data"),
)
def event_choices(options, chosen):
    chosen = set(chosen or [])
    return [
        html.Button(
            text,
            id={"type": "ws-ep-ev", "id": eid},
            className="ws-ep-ev",
            **{"aria-pressed": "true" if eid in chosen else "false"},
        )
        for eid, text in options or []
    ] or html.P("No events in this step.")
