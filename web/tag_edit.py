"""Editing a tag's text in the event panel, checked against the version the edit began from.

The box remembers (in the browser's `tl-drafts`) what was typed and the version it was typed
against, so a redraw after someone else's save never moves the edit onto their version. A
save after their change saves nothing and shows both texts; the person keeps theirs, keeps
their own, or merges the two and saves (`timeline.actions.edits`). The callbacks live beside
the controls they serve; pages/timeline.py draws the panel."""

from __future__ import annotations

from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update

from timeline.actions import edits
from timeline.store.errors import StoreError
from web.auth import current_actor
from web.forms import labelled
from web.services import store


def _draft(value) -> dict | None:
    """A draft as kept in the browser (older pages kept only the text)."""
    if value is None:
        return None
    return {"text": value} if isinstance(value, str) else dict(value)


def edit_controls(a: dict, draft) -> list:
    """The Edit box of one tag (or, after a conflict, both texts and the three choices),
    then Delete. `draft`: what is kept in the browser for this tag, if anything."""
    d = _draft(draft)
    aid = a["id"]
    delete = html.Button(
        "Delete",
        id={"type": "tl-ann-delete", "id": aid, "v": a["version"]},
        className="link-button",
        n_clicks=0,
    )
    if d and "theirs_v" in d:
        return [conflict_block(aid, d), delete]
    base = d.get("base", a["version"]) if d else a["version"]
    typed = d.get("text") if d else None
    if typed == (a.get("text") or "") and base == a["version"]:
        typed = None  # nothing typed beyond what is saved
    key = {"id": aid, "v": base}
    box = html.Details(
        [
            html.Summary("Edit"),
            labelled(
                "Text of this tag",
                dcc.Textarea(
                    id={"type": "tl-ann-text", **key},
                    value=typed if typed is not None else a.get("text") or "",
                    style={"width": "100%", "height": "4em"},
                ),
                hidden=True,
            ),
            html.Button(
                "Save", id={"type": "tl-ann-save", **key}, n_clicks=0, className="link-button"
            ),
        ],
        className="ann-edit",
        open=typed is not None,
    )
    return [box, delete]


def conflict_block(aid: int, d: dict) -> html.Div:
    deleted = d.get("theirs_v") is None
    choices = (
        [("theirs", "Discard my text")]
        if deleted
        else [("theirs", "Take theirs"), ("mine", "Keep mine"), ("merged", "Save merged text")]
    )
    return html.Div(
        [
            html.P(
                "This tag was deleted while you edited it. Nothing was saved."
                if deleted
                else "Someone else changed this tag while you edited it. Nothing was saved: "
                "choose which text to keep.",
                className="conflict-note",
            ),
            None
            if deleted
            else html.Div(
                [html.H5("Their text (saved)"), html.Blockquote(d.get("theirs") or "(empty)")],
                className="conflict-theirs",
            ),
            html.Div(
                [html.H5("Your text (not saved)"), html.Blockquote(d.get("text") or "(empty)")],
                className="conflict-mine",
            ),
            None
            if deleted
            else labelled(
                "Merge the two here, then choose Save merged text",
                dcc.Textarea(
                    id={"type": "tl-ann-merged", "id": aid},
                    value=d.get("merged", d.get("text") or ""),
                    style={"width": "100%", "height": "5em"},
                ),
            ),
            html.Div(
                [
                    html.Button(
                        label,
                        id={"type": "tl-ann-resolve", "id": aid, "choice": choice},
                        n_clicks=0,
                        className="primary" if choice == "merged" else "",
                    )
                    for choice, label in choices
                ],
                className="wf-row",
            ),
        ],
        className="tag-conflict",
    )


def _typed(states: list, aid: int):
    return next((st.get("value") for st in states if st["id"]["id"] == aid), None)


@callback(
    Output("tl-drafts", "data"),
    Input({"type": "tl-ann-text", "id": ALL, "v": ALL}, "value"),
    Input({"type": "tl-ann-merged", "id": ALL}, "value"),
    State("tl-drafts", "data"),
    prevent_initial_call=True,
)
def keep_draft(_texts, _merged, drafts):
    """Remember what is typed (and the version it was typed against) until it is saved."""
    trigger = ctx.triggered_id
    if not trigger:
        return no_update
    drafts = dict(drafts or {})
    key = str(trigger["id"])
    d = _draft(drafts.get(key)) or {}
    if trigger["type"] == "tl-ann-merged":
        if "theirs_v" not in d:
            return no_update
        d["merged"] = _typed(ctx.inputs_list[1], trigger["id"]) or ""
    else:
        d["text"] = _typed(ctx.inputs_list[0], trigger["id"]) or ""
        d.setdefault("base", trigger["v"])
    drafts[key] = d
    return drafts


def _after(result, drafts: dict, aid: int, saved_message: str, review_id: int):
    """(message, seen, redraw, drafts) for an edit's result."""
    key = str(aid)
    if isinstance(result, edits.EditConflict):
        d = {**(_draft(drafts.get(key)) or {}), "text": result.mine}
        d.update(theirs=result.theirs, theirs_v=result.theirs_version)
        d.pop("merged", None)
        version = store().reviews.review_version(current_actor(), review_id)
        return result.message, version, version, {**drafts, key: d}
    left = {k: v for k, v in drafts.items() if k != key}
    if result is None:
        version = store().reviews.review_version(current_actor(), review_id)
        return "Kept their text; yours was not saved.", version, version, left
    return saved_message, result.review_version, result.review_version, left


@callback(
    Output("tl-message", "children", allow_duplicate=True),
    Output("tl-seen", "data", allow_duplicate=True),
    Output("tl-redraw", "data", allow_duplicate=True),
    Output("tl-drafts", "data", allow_duplicate=True),
    Input({"type": "tl-ann-save", "id": ALL, "v": ALL}, "n_clicks"),
    State({"type": "tl-ann-text", "id": ALL, "v": ALL}, "value"),
    State("tl-review", "data"),
    State("tl-drafts", "data"),
    prevent_initial_call=True,
)
def edit_tag(clicks, _texts, review_id, drafts):
    """Save an edited tag against the version its edit began from (in the button's id)."""
    trigger = ctx.triggered_id
    if not trigger or not any(clicks or []):
        return no_update, no_update, no_update, no_update
    typed = _typed(ctx.states_list[0], trigger["id"]) or ""
    try:
        result = edits.edit_tag_text(
            store(), current_actor(), review_id, trigger["id"], trigger["v"], typed
        )
    except StoreError as exc:
        return f"Not saved: {exc}", no_update, no_update, no_update
    return _after(result, drafts or {}, trigger["id"], "Tag updated.", review_id)


@callback(
    Output("tl-message", "children", allow_duplicate=True),
    Output("tl-seen", "data", allow_duplicate=True),
    Output("tl-redraw", "data", allow_duplicate=True),
    Output("tl-drafts", "data", allow_duplicate=True),
    Input({"type": "tl-ann-resolve", "id": ALL, "choice": ALL}, "n_clicks"),
    State({"type": "tl-ann-merged", "id": ALL}, "value"),
    State("tl-review", "data"),
    State("tl-drafts", "data"),
    prevent_initial_call=True,
)
def resolve_tag(clicks, _merged, review_id, drafts):
    """The person's choice after a conflict, saved against the version they were shown."""
    trigger = ctx.triggered_id
    if not trigger or not any(clicks or []):
        return no_update, no_update, no_update, no_update
    drafts = drafts or {}
    d = _draft(drafts.get(str(trigger["id"])))
    if not d or "theirs_v" not in d:
        return no_update, no_update, no_update, no_update
    choice = trigger["choice"]
    text = (_typed(ctx.states_list[0], trigger["id"]) or "") if choice == "merged" else d["text"]
    try:
        result = edits.resolve_tag(
            store(), current_actor(), review_id, trigger["id"], d["theirs_v"], choice, text
        )
    except StoreError as exc:
        return f"Not saved: {exc}", no_update, no_update, no_update
    said = "Tag updated with the merged text." if choice == "merged" else "Tag updated with yours."
    return _after(result, drafts, trigger["id"], said, review_id)
