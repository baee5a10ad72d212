"""The duplicate review queue (lead reviewer): the matcher's uncertain merges and near
misses, most useful first, each pair side by side with the evidence in words. Accept,
reject or take a record out; every decision re-runs matching so the timeline follows.

Keyboard (assets/workflow.js): j / k next / previous pair, a same event, r not the same,
o take the second record out, u undo the last decision. Every shortcut clicks a real,
labelled button, so the page works the same with a mouse or a screen reader.
"""

from __future__ import annotations

import dash
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, html, no_update

from timeline.actions import queue as queue_actions
from timeline.store.auth import MATCH
from timeline.store.errors import StoreError
from web.auth import current_actor
from web.panel import record_card
from web.review_page import load_review, not_found, review_head
from web.services import store

dash.register_page(
    __name__, path_template="/review/<review_id>/queue", title="Duplicates", order=20
)

SHOWN = 30  # pairs on the page at once; deciding brings the next ones up
KIND_TEXT = {
    "uncertain merge": "Suggested merge: the matcher thinks these may be one event",
    "near miss": "Near miss: the matcher kept these apart; they may be one event",
}


def layout(review_id: str | None = None, **_query) -> html.Div:
    page = load_review(review_id, MATCH)
    if page is None:
        return not_found()
    rid = page.rid
    head = review_head(page.review, rid, "Duplicates")
    if not page.allowed:
        return html.Div([*head, html.P("Only the lead reviewer decides duplicates.")])
    return html.Div(
        [
            dcc.Store(id="qu-review", data=rid),
            dcc.Store(id="qu-version", data=0),
            *head,
            html.P(
                [
                    "Keys: ",
                    html.Kbd("j"),
                    " / ",
                    html.Kbd("k"),
                    " next / previous pair, ",
                    html.Kbd("a"),
                    " same event, ",
                    html.Kbd("r"),
                    " not the same, ",
                    html.Kbd("o"),
                    " take the second record out, ",
                    html.Kbd("u"),
                    " undo.",
                ],
                className="wf-keys",
            ),
            html.Div(
                [
                    html.Button(
                        "Undo the last decision (u)",
                        id="qu-undo",
                        **{"data-shortcut": "u"},
                    ),
                    dcc.Loading(
                        html.Div(id="qu-message", role="status", className="message"),
                        delay_show=1000,
                        custom_spinner=html.Div(
                            [html.Progress(), " Matching again…"],
                            role="status",
                            className="wf-progress",
                        ),
                    ),
                ],
                className="wf-row",
                **{"data-shortcuts": "queue"},
            ),
            html.Div(id="qu-last", className="note"),
            html.Div(id="qu-list", className="wf-queue"),
            html.Div(id="qu-focus-dummy", style={"display": "none"}),
        ]
    )


def _item(item, records: dict[str, dict], n: int) -> html.Section:
    recs = [records[r] for r in item.record_ids]
    key = item.key
    removable = recs[-1]
    return html.Section(
        [
            html.H3(f"{n}. {KIND_TEXT.get(item.kind, item.kind)}"),
            html.Div([record_card(r) for r in recs], className="wf-pair"),
            html.P(item.summary, className="wf-evidence"),
            html.Ul([html.Li(r) for r in item.reasons], className="wf-evidence"),
            html.Div(
                [
                    html.Button(
                        "Same event (a)",
                        id={"type": "qu-decide", "key": key, "kind": "same"},
                        **{"data-shortcut": "a"},
                    ),
                    html.Button(
                        "Not the same (r)",
                        id={"type": "qu-decide", "key": key, "kind": "not_same"},
                        **{"data-shortcut": "r"},
                    ),
                    html.Button(
                        f"Take the {removable['agency']} record out of its event (o)",
                        id={"type": "qu-decide", "key": key, "kind": "remove"},
                        **{"data-shortcut": "o"},
                    ),
                ],
                className="wf-buttons",
            ),
        ],
        className="wf-item",
        tabIndex=0,
        **{"data-key": key, "aria-label": f"Pair {n}"},
    )


@callback(
    Output("qu-list", "children"),
    Output("qu-last", "children"),
    Input("qu-version", "data"),
    State("qu-review", "data"),
)
def render(_version, rid):
    try:
        sc = queue_actions.screen(store(), current_actor(), rid, limit=SHOWN)
    except StoreError as exc:
        return html.P(str(exc), className="error"), ""
    body = [_item(it, sc.records, i + 1) for i, it in enumerate(sc.items)] or [
        html.P("Nothing left to decide. Run matching from Set-up after importing more files.")
    ]
    return body, sc.last


@callback(
    output={"message": Output("qu-message", "children"), "version": Output("qu-version", "data")},
    inputs={
        "_clicks": Input({"type": "qu-decide", "key": ALL, "kind": ALL}, "n_clicks"),
        "_undo": Input("qu-undo", "n_clicks"),
        "rid": State("qu-review", "data"),
        "version": State("qu-version", "data"),
    },
    prevent_initial_call=True,
)
def decide(_clicks, _undo, rid, version):
    """A decision or the undo of the last one, each with its re-match: one action."""
    trigger = ctx.triggered_id
    if not trigger or not ctx.triggered[0].get("value"):
        return {"message": no_update, "version": no_update}
    try:
        actor = current_actor()
        if trigger == "qu-undo":
            out = queue_actions.undo(store(), actor, rid)
        else:
            ids = trigger["key"].split("|")
            out = queue_actions.decide(store(), actor, rid, trigger["kind"], ids)
    except StoreError as exc:
        return {"message": f"Not recorded: {exc}", "version": (version or 0) + 1}
    return {"message": out.message, "version": (version or 0) + 1}


# After a redraw, keep the keyboard where it was (the pair now at the same position).
clientside_callback(
    """
    function(children) {
        setTimeout(function() {
            var items = document.querySelectorAll('.wf-queue .wf-item');
            if (!items.length) { return; }
            var i = Math.min(window.wfQueueIndex || 0, items.length - 1);
            items[i].classList.add('focused');
            if (window.wfQueueKeyboard) { items[i].focus(); }
        }, 0);
        return '';
    }
    """,
    Output("qu-focus-dummy", "children"),
    Input("qu-list", "children"),
)
