"""Findings: key findings (with their KLOE and the events and key practice episodes that
evidence them), issues needing escalation (to whom and when) and agreed actions.

Thin: layout plus callbacks that call the store, which checks the role on every call (the
lead reviewer writes, everyone else reads) and refuses a stale edit with the current row,
which is shown here instead of being overwritten. Form rules live in timeline/findings_view.py.
"""

from __future__ import annotations

from typing import Any

import dash
from dash import (
    ALL,
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

from timeline.actions import findings as findings_actions
from timeline.actions import screens
from timeline.findings_view import (
    ACTION_STATUS_LABELS,
    FINDING_KIND_LABELS,
    FORMS,
    FormError,
    describe,
    event_options,
    event_summaries,
    fields_to_form,
    form_to_fields,
)
from timeline.store.auth import EXPORT
from timeline.store.errors import Conflict, StoreError
from timeline.store.rows import FindingRow
from timeline.view import lane_order
from web.auth import current_actor
from web.review_page import load_review, not_found, review_head
from web.services import store

dash.register_page(
    __name__, path_template="/review/<review_id>/findings", title="Findings", order=60
)

POLL_MS = 2000
KINDS = ("finding", "escalation", "action")
NOUN = {"finding": "finding", "escalation": "issue", "action": "action"}
A_NOUN = {"finding": "a finding", "escalation": "an issue", "action": "an action"}


def _fid(kind: str, name: str) -> str:
    return f"fd-{kind}-{name}"


# ---------------------------------------------------------------------------- reading


def _context(actor, rid: int) -> dict[str, Any]:
    """Everything the lists need, read through the store (role checked on each call)."""
    r = screens.findings_lists(store(), actor, rid)  # one consistent snapshot
    marks, kloes, episodes, findings = r["marks"], r["kloes"], r["episodes"], r["findings"]
    summaries = event_summaries(marks, lane_order({m.agency for m in marks}))
    return {
        "summaries": summaries,
        "findings": findings,
        "escalations": r["escalations"],
        "actions": r["actions"],
        "annotations": r["annotations"],
        "episodes": episodes,
        "can_edit": r["can_edit"],
        "names": {
            "kloe_ids": {k["id"]: f"{k['number']}. {k['title']}" for k in kloes},
            "event_ids": {eid: sm.label for eid, sm in summaries.items()},
            "episode_ids": {k["id"]: k["title"] for k in episodes},
            "finding_id": {f.id: f.title for f in findings},
        },
    }


def _row_of(actor, rid: int, kind: str, obj_id: int) -> findings_actions.Row | None:
    rows = findings_actions.rows(store(), actor, rid, kind)
    return next((r for r in rows if r.id == obj_id), None)


# ---------------------------------------------------------------------------- rendering


def _buttons(kind: str, row: findings_actions.Row) -> html.Span:
    return html.Span(
        [
            # n_clicks=0: a redraw resets the count, so it never reads as a new click.
            html.Button(
                "Edit",
                id={"type": "fd-edit", "kind": kind, "id": row.id},
                className="link-button",
                n_clicks=0,
            ),
            html.Button(
                "Delete",
                id={"type": "fd-delete", "kind": kind, "id": row.id, "v": row.version},
                className="link-button fd-delete",
                n_clicks=0,
            ),
        ],
        className="fd-buttons",
    )


def _finding_card(f: FindingRow, c: dict) -> html.Article:
    names = c["names"]
    flag = FINDING_KIND_LABELS.get(f.kind)
    events = sorted(
        (c["summaries"][e] for e in f.event_ids if e in c["summaries"]),
        key=lambda s: (s.start, s.event_id),
    )
    episodes = [names["episode_ids"][k] for k in f.episode_ids if k in names["episode_ids"]]
    return html.Article(
        [
            html.Div(
                [
                    html.H3(f.title),
                    html.Span(
                        flag,
                        className="fd-flag "
                        + ("fd-good" if f.kind == "good_practice" else "fd-improve"),
                    )
                    if flag
                    else None,
                    _buttons("finding", f) if c["can_edit"] else None,
                ],
                className="fd-card-head",
            ),
            html.P(f.text, className="fd-text") if f.text else None,
            html.P(
                [
                    html.Strong("Key lines of enquiry: "),
                    "; ".join(names["kloe_ids"].get(k, "") for k in f.kloe_ids),
                ]
            )
            if f.kloe_ids
            else None,
            html.Div(
                [
                    html.Strong("Evidence"),
                    html.Ul(
                        [html.Li(s.label, className="fd-event") for s in events]
                        + [html.Li(f"Key practice episode: {t}") for t in episodes]
                    ),
                ]
            )
            if events or episodes
            else html.P("No events linked yet.", className="note"),
        ],
        className="fd-card",
        id={"type": "fd-item", "kind": "finding", "id": f.id},
    )


def _table(kind: str, rows: list[findings_actions.Row], c: dict, empty: str) -> html.Div:
    if not rows:
        return html.P(empty, className="note")
    header = [label for _n, _p, label in FORMS[kind]]
    body = []
    for r in rows:
        cells = [html.Td(text, className="fd-cell") for _l, text in describe(kind, r, c["names"])]
        if c["can_edit"]:
            cells.append(html.Td(_buttons(kind, r)))
        body.append(html.Tr(cells, id={"type": "fd-item", "kind": kind, "id": r.id}))
    head = [html.Th(h) for h in header] + ([html.Th("")] if c["can_edit"] else [])
    return html.Table([html.Thead(html.Tr(head)), html.Tbody(body)], className="fd-table")


def _escalation_tags(c: dict) -> html.Div | None:
    tagged = [a for a in c["annotations"] if a["kind"] == "needs_escalation" and a["event_id"]]
    if not tagged:
        return None
    items = []
    for a in tagged:
        s = c["summaries"].get(a["event_id"])
        items.append(html.Li([html.Span(s.label if s else "(event)"), html.Br(), a["text"]]))
    return html.Div(
        [html.H3("Tagged on the timeline as needing escalation"), html.Ul(items)],
        className="fd-tags",
    )


# ---------------------------------------------------------------------------- layout


def _field(kind: str, name: str, prop: str, label: str, c: dict) -> html.Label:
    cid = _fid(kind, name)
    if name == "text" and kind == "finding" or name in ("monitoring_notes",):
        comp = dcc.Textarea(id=cid, value="", rows=4, className="fd-input")
    elif name == "text":
        comp = dcc.Textarea(id=cid, value="", rows=2, className="fd-input")
    elif name == "kind":
        comp = dcc.RadioItems(
            [{"label": v, "value": k} for k, v in FINDING_KIND_LABELS.items()]
            + [{"label": "Not decided", "value": ""}],
            "",
            id=cid,
            inline=True,
        )
    elif name == "kloe_ids":
        opts = [{"label": v, "value": k} for k, v in c["names"]["kloe_ids"].items()]
        comp = dcc.Dropdown(opts, [], id=cid, multi=True, placeholder="Choose KLOE")
    elif name == "event_ids":
        comp = dcc.Dropdown(
            event_options(c["summaries"]),
            [],
            id=cid,
            multi=True,
            placeholder="Type a date, an agency or words of the entry",
        )
    elif name == "episode_ids":
        comp = dcc.Dropdown([], [], id=cid, multi=True, placeholder="Choose episodes")
    elif name == "finding_id":
        comp = dcc.Dropdown([], None, id=cid, placeholder="(none)")
    elif name == "status":
        opts = [{"label": v, "value": k} for k, v in ACTION_STATUS_LABELS.items()]
        comp = dcc.Dropdown(opts, "open", id=cid, clearable=False)
    elif prop == "date":
        comp = dcc.DatePickerSingle(
            id=cid, display_format="DD/MM/YYYY", placeholder="DD/MM/YYYY", clearable=True
        )
    else:
        comp = dcc.Input(id=cid, value="", type="text", className="fd-input")
    return html.Label([html.Span(label), comp], className="fd-field")


def _form(kind: str, c: dict) -> html.Div:
    return html.Div(
        [
            html.H3(f"Add {A_NOUN[kind]}", id=_fid(kind, "heading")),
            dcc.Store(id=_fid(kind, "id"), data=None),
            dcc.Store(id=_fid(kind, "version"), data=None),
            dcc.Store(id=_fid(kind, "click"), data=None),  # the Edit/Delete really clicked
            *[_field(kind, n, p, label, c) for n, p, label in FORMS[kind]],
            html.Div(
                [
                    html.Button("Save", id=_fid(kind, "save"), className="primary"),
                    html.Button(
                        f"New {NOUN[kind]}", id=_fid(kind, "new"), className="fd-secondary"
                    ),
                ],
                className="fd-form-buttons",
            ),
            html.Div(id=_fid(kind, "message"), role="status", className="message"),
            html.Div(id=_fid(kind, "conflict"), role="alert"),
        ],
        className="fd-form",
        # Shown only to those who may write; the store refuses everyone else anyway.
        hidden=not c["can_edit"],
    )


def layout(review_id: str | None = None, **_query) -> html.Div:
    page = load_review(review_id, EXPORT)
    if page is None:
        return not_found()
    rid, actor, review, can_export = page.rid, page.actor, page.review, page.allowed
    try:
        c = _context(actor, rid)
    except StoreError:
        return not_found()
    intro = (
        "You write the review's outcome here: key findings, issues escalated and the agreed "
        "actions. Everyone in the review sees them as you save."
        if c["can_edit"]
        else "The review's outcome as the lead reviewer records it. You can read it; only the "
        "lead reviewer edits it."
    )
    sections = []
    for kind, heading, list_id in (
        ("finding", "Key findings", "fd-finding-list"),
        ("escalation", "Issues needing escalation", "fd-escalation-list"),
        ("action", "Agreed actions", "fd-action-list"),
    ):
        sections.append(
            html.Section(
                [
                    html.H2(heading),
                    html.Div(id=list_id, className="fd-list"),
                    html.Div(id="fd-escalation-tags") if kind == "escalation" else None,
                    _form(kind, c),
                ],
                className="fd-section",
                id=f"fd-section-{kind}",
            )
        )
    return html.Div(
        [
            dcc.Store(id="fd-review", data=rid),
            dcc.Store(id="fd-version", data=store().reviews.review_version(actor, rid)),
            dcc.Interval(id="fd-poll", interval=POLL_MS),
            *review_head(review, rid, "Findings"),
            html.P(
                [
                    intro,
                    " ",
                    dcc.Link(
                        "Exports: chronology, report, timeline, publication copy",
                        href=f"/review/{rid}/exports",
                        id="fd-exports-link",
                    )
                    if can_export
                    else None,
                ],
                className="note",
            ),
            *sections,
        ],
        className="findings-page",
    )


# ---------------------------------------------------------------------------- callbacks


@callback(
    Output("fd-version", "data"),
    Input("fd-poll", "n_intervals"),
    State("fd-review", "data"),
    State("fd-version", "data"),
    # Not at page load: its no_update would hold back the first render that depends on it.
    prevent_initial_call=True,
)
def poll_version(_n, review_id, known):
    try:
        version = store().reviews.review_version(current_actor(), review_id)
    except StoreError:
        return no_update
    return version if version != known else no_update


@callback(
    Output("fd-finding-list", "children"),
    Output("fd-escalation-list", "children"),
    Output("fd-action-list", "children"),
    Output("fd-escalation-tags", "children"),
    Output("fd-finding-episode_ids", "options"),
    Output("fd-escalation-finding_id", "options"),
    Output("fd-action-finding_id", "options"),
    Input("fd-version", "data"),
    State("fd-review", "data"),
)
def render(_version, review_id):
    try:
        actor = current_actor()
        c = _context(actor, review_id)
    except StoreError as exc:
        err = html.P(str(exc), className="error")
        return err, None, None, None, [], [], []
    cards = [_finding_card(f, c) for f in c["findings"]] or html.P(
        "No key findings recorded yet.", className="note"
    )
    findings = [{"label": t, "value": k} for k, t in c["names"]["finding_id"].items()]
    return (
        cards,
        _table("escalation", c["escalations"], c, "No issues escalated yet."),
        _table("action", c["actions"], c, "No actions agreed yet."),
        _escalation_tags(c),
        [{"label": t, "value": k} for k, t in c["names"]["episode_ids"].items()],
        findings,
        findings,
    )


def _conflict_box(kind: str, actor, rid: int, current: findings_actions.Row | None) -> html.Div:
    """The other person's version beside the message (nothing when it was deleted)."""
    if current is None:
        return html.Div(className="fd-conflict")
    names = _context(actor, rid)["names"]
    return html.Div(
        [
            html.P(f"The {NOUN[kind]} as saved meanwhile:"),
            html.Dl(
                [
                    el
                    for label, text in describe(kind, current, names)
                    for el in (html.Dt(label), html.Dd(text or "—"))
                ],
                className="fd-theirs",
            ),
        ],
        className="fd-conflict",
    )


# A redraw of the lists re-creates every Edit/Delete button (n_clicks 0), which fires any
# callback they are inputs of as if clicked. Were that the server's form callback, its new
# call would throw away the answer to a click in flight (Dash keeps only a callback's
# latest call). So the buttons feed this browser-side step, which passes on a real click
# only (a count above 0) as fd-KIND-click; a redraw changes nothing the server listens to.
_CLICKED_JS = """
function(_edits, _deletes) {
    var t = (window.dash_clientside.callback_context.triggered || []).filter(
        function(x) { return x.value; });
    if (!t.length) { return window.dash_clientside.no_update; }
    var p = t[0].prop_id;
    return {id: JSON.parse(p.slice(0, p.lastIndexOf('.'))), at: Date.now()};
}
"""


def _well_formed(trigger: Any, kind: str) -> bool:
    """An Edit/Delete button's id of this form (the browser sends it: checked, not trusted)."""
    if not isinstance(trigger, dict) or trigger.get("kind") != kind:
        return False
    need = {"fd-edit": ("id",), "fd-delete": ("id", "v")}.get(trigger.get("type"), ())
    return bool(need) and all(type(trigger.get(k)) is int for k in need)


def _register(kind: str) -> None:
    """Two server callbacks per form, neither fired by a redraw of the lists. Save has its
    own (its one input the Save button), disabled while it runs, so a second click cannot
    save twice; New, Edit and Delete (through fd-KIND-click) share the other. Both write
    the form's values (allow_duplicate)."""
    spec = FORMS[kind]
    noun = NOUN[kind]
    save_id = _fid(kind, "save")

    def outputs(dup: bool) -> list[Output]:
        return [
            Output(_fid(kind, "message"), "children", allow_duplicate=dup),
            Output(_fid(kind, "conflict"), "children", allow_duplicate=dup),
            Output(_fid(kind, "id"), "data", allow_duplicate=dup),
            Output(_fid(kind, "version"), "data", allow_duplicate=dup),
            Output(_fid(kind, "heading"), "children", allow_duplicate=dup),
            Output("fd-version", "data", allow_duplicate=True),
            *[Output(_fid(kind, n), p, allow_duplicate=True) for n, p, _l in spec],
        ]

    keep = (no_update,) * len(spec)

    @callback(
        *outputs(dup=False),
        Input(save_id, "n_clicks"),
        State(_fid(kind, "id"), "data"),
        State(_fid(kind, "version"), "data"),
        State("fd-review", "data"),
        *[State(_fid(kind, n), p) for n, p, _l in spec],
        running=[(Output(save_id, "disabled"), True, False)],
        prevent_initial_call=True,
    )
    def save(n_clicks, obj_id, version, rid, *values):
        if not n_clicks:
            return (no_update,) * 6 + keep
        try:
            actor = current_actor()
            fields = form_to_fields(kind, values)
            result = findings_actions.submit(store(), actor, rid, kind, obj_id, version, fields)
        except (StoreError, FormError) as exc:
            return (f"Not saved: {exc}",) + (no_update,) * 5 + keep
        if isinstance(result, findings_actions.NotSaved):
            current = result.current
            # Their version is shown; the form keeps this person's values, and saving again
            # now replaces theirs knowingly (or, deleted, adds it as a new one).
            return (
                result.message,
                _conflict_box(kind, actor, rid, current),
                current.id if current else None,
                current.version if current else None,
                no_update if current else f"Add {A_NOUN[kind]}",
                result_version(actor, rid),
                *keep,
            )
        what = findings_actions.headline(result.row) or noun
        return (
            f"Saved: {what}"[:160],
            None,
            None,
            None,
            f"Add {A_NOUN[kind]}",
            result.review_version,
            *fields_to_form(kind, None),
        )

    clientside_callback(
        _CLICKED_JS,
        Output(_fid(kind, "click"), "data"),
        Input({"type": "fd-edit", "kind": kind, "id": ALL}, "n_clicks"),
        Input({"type": "fd-delete", "kind": kind, "id": ALL, "v": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )

    @callback(
        *outputs(dup=True),
        Input(_fid(kind, "new"), "n_clicks"),
        Input(_fid(kind, "click"), "data"),
        State(_fid(kind, "id"), "data"),
        State("fd-review", "data"),
        prevent_initial_call=True,
    )
    def form(new_n, click, obj_id, rid):
        empty = fields_to_form(kind, None)
        if ctx.triggered_id == _fid(kind, "new"):
            if not new_n:
                return (no_update,) * 6 + keep
            return ("", None, None, None, f"Add {A_NOUN[kind]}", no_update, *empty)
        trigger = click.get("id") if isinstance(click, dict) else None
        if not _well_formed(trigger, kind):
            return (no_update,) * 6 + keep
        try:
            actor = current_actor()
            if trigger["type"] == "fd-edit":
                row = _row_of(actor, rid, kind, trigger["id"])
                if row is None:
                    return (f"This {noun} no longer exists.", None) + (no_update,) * 4 + keep
                return (
                    "",
                    None,
                    row.id,
                    row.version,
                    f"Edit {noun}: {findings_actions.headline(row)}"[:120],
                    no_update,
                    *fields_to_form(kind, row),
                )
            findings_actions.delete(store(), actor, kind, trigger["id"], trigger["v"])
            message = f"Deleted the {noun}."
        except Conflict as exc:  # a stale delete: nothing deleted
            message = f"Not deleted: {exc}"
        except StoreError as exc:
            verb = "Not opened" if trigger["type"] == "fd-edit" else "Not deleted"
            return (f"{verb}: {exc}",) + (no_update,) * 5 + keep
        version_now = result_version(actor, rid)
        if obj_id == trigger["id"] and message.startswith("Deleted"):
            return (message, None, None, None, f"Add {A_NOUN[kind]}", version_now, *empty)
        return (message, None) + (no_update,) * 3 + (version_now, *keep)


def result_version(actor, rid: int):
    try:
        return store().reviews.review_version(actor, rid)
    except StoreError:
        return no_update


for _kind in KINDS:
    _register(_kind)
