"""Set-up (lead reviewer): agency files by drag and drop, each file's detected layout and
column mapping with the rows that need attention, mapping or agency corrections saved as
the agency's profile and re-imported, matching, the KLOE and the members.

The work is done by timeline.actions.setup (uploads and profiles are kept in the database,
so every app host sees them); this page unpacks inputs and shows results. A file that
could not be imported stays listed in red with the reason and the mapping editor open; a
file that looks like a new version of an earlier one waits for the lead's choice.
"""

from __future__ import annotations

import dash
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update

from ingest.validate import fmt
from timeline.actions import setup
from timeline.settings import get_settings
from timeline.store.auth import IMPORT
from timeline.store.errors import StoreError
from web.auth import current_actor
from web.forms import labelled
from web.review_page import load_review, not_found, review_head
from web.services import store
from web.setup_details import UPLOAD_ACCEPT, UPLOAD_KINDS, details_section
from web.setup_view import ROLE_OPTIONS, file_card, kloe_table, member_table, upload_card

dash.register_page(__name__, path_template="/review/<review_id>/setup", title="Set-up", order=10)


def max_upload_bytes() -> int:
    """The largest file accepted (the import limit, within what one request may carry)."""
    return get_settings().max_upload_bytes


def progress(children, id_: str) -> dcc.Loading:
    """A progress bar while a callback runs longer than a second."""
    return dcc.Loading(
        children,
        id=id_,
        delay_show=1000,
        custom_spinner=html.Div(
            [html.Progress(), html.Span(" Working…")], role="status", className="wf-progress"
        ),
    )


def _shown(value) -> str:
    """'12 Mar 2021' (the UI's date style), or a dash when not set."""
    return fmt(value) if value else "—"


def layout(review_id: str | None = None, **_query) -> html.Div:
    page = load_review(review_id, IMPORT)
    if page is None:
        return not_found()
    rid, review = page.rid, page.review
    head = review_head(review, rid, "Set-up")
    if not page.allowed:
        return html.Div([*head, html.P("Only the lead reviewer sets up the review.")])
    mb = max_upload_bytes() // (1024 * 1024)
    return html.Div(
        [
            dcc.Store(id="su-review", data=rid),
            dcc.Store(id="su-version", data=0),
            *head,
            html.P(
                f"Child: {review['child_pseudonym'] or '—'} · review period "
                f"{_shown(review['period_start'])} to {_shown(review['period_end'])}",
                className="note",
            ),
            html.H2("Agency files"),
            dcc.Upload(
                id="su-upload",
                multiple=True,
                accept=UPLOAD_ACCEPT,
                max_size=max_upload_bytes(),  # the browser does not even send a larger file
                className="wf-drop",
                children=html.Div(
                    [
                        "Drag and drop agency chronologies here, or ",
                        html.Button("choose files", className="link-button", type="button"),
                        f" ({UPLOAD_KINDS}; at most {mb} MB each)",
                    ]
                ),
            ),
            # Filled by assets/workflow.js when the browser refuses a file over the limit.
            html.Div(
                id="su-size-msg",
                role="alert",
                className="message error",
                **{"data-max-bytes": str(max_upload_bytes())},
            ),
            progress(html.Div(id="su-upload-msg", role="alert", className="message"), "su-l1"),
            html.Div(
                [
                    html.Button("Run matching", id="su-match", className="primary"),
                    progress(html.Div(id="su-match-msg", role="status"), "su-l2"),
                ],
                className="wf-row",
            ),
            html.Div(id="su-files"),
            html.H2("Key lines of enquiry"),
            html.Div(id="su-kloes"),
            html.Div(
                [
                    labelled("No.", dcc.Input(id="su-kloe-number", style={"width": "4em"})),
                    labelled("Title", dcc.Input(id="su-kloe-title", style={"width": "24em"})),
                    labelled("Description (optional)", dcc.Input(id="su-kloe-desc")),
                    html.Button("Add KLOE", id="su-kloe-add"),
                ],
                className="wf-row",
            ),
            html.Div(id="su-kloe-msg", role="status", className="message"),
            html.H2("Members"),
            html.Div(id="su-members"),
            html.Div(
                [
                    labelled("Email of an account", dcc.Input(id="su-mem-email", type="email")),
                    html.Div(
                        [
                            html.Label("Role", htmlFor="su-mem-role", className="field-label"),
                            dcc.Dropdown(
                                ROLE_OPTIONS,
                                "participant",
                                id="su-mem-role",
                                clearable=False,
                                style={"width": "11em"},
                            ),
                        ],
                        className="field",
                    ),
                    labelled("Agency (optional)", dcc.Input(id="su-mem-agency")),
                    html.Button("Add member", id="su-mem-add"),
                ],
                className="wf-row",
            ),
            html.Div(id="su-mem-msg", role="status", className="message"),
        ]
    )


# ------------------------------------------------------------------------- rendering


@callback(
    Output("su-files", "children"),
    Output("su-kloes", "children"),
    Output("su-members", "children"),
    Input("su-version", "data"),
    State("su-review", "data"),
)
def render(_version, rid):
    try:
        screen = setup.screen(store(), current_actor(), rid)
    except StoreError as exc:
        msg = html.P(str(exc), className="error")
        return msg, msg, msg
    files_by_id = {f["id"]: f for f in screen.files}
    cards = [upload_card(u, files_by_id) for u in screen.pending] + [
        file_card(
            f,
            screen.records_by_file.get(f["id"], []),
            screen.quarantined_by_file.get(f["id"], []),
            f["sha256"] in screen.kept_uploads,
            details_section(f["id"], screen.details[f["id"]], f["sha256"] in screen.kept_uploads)
            if f["id"] in screen.details
            else None,
        )
        for f in screen.files
        if not f.get("superseded_by")
    ]
    cards = cards or [html.P("No files yet.", className="note")]
    return cards, kloe_table(screen.kloes), member_table(screen.members)


# ------------------------------------------------------------------------- imports


def _message(outcomes) -> html.Ul:
    """One line per file: refused ones in red, held ones as a warning."""
    return html.Ul([html.Li(o.message, className=CLASS_OF.get(o.status, "")) for o in outcomes])


CLASS_OF = {"refused": "error", "damaged": "error", "too large": "error", "held": "warning"}


# Every import callback answers with the same two outputs, by name.
def _outputs(first: bool = False) -> dict:
    return {
        "message": Output("su-upload-msg", "children", allow_duplicate=not first),
        "version": Output("su-version", "data", allow_duplicate=True),
    }


def _answer(message=no_update, version=no_update) -> dict:
    return {"message": message, "version": version}


@callback(
    output=_outputs(first=True),
    inputs={
        "contents": Input("su-upload", "contents"),
        "names": State("su-upload", "filename"),
        "rid": State("su-review", "data"),
        "version": State("su-version", "data"),
    },
    prevent_initial_call=True,
)
def upload(contents, names, rid, version):
    """Each file is imported on its own: a bad file is reported (by name, in red) and kept
    listed; the others, and everything imported before, stay."""
    if not contents:
        return _answer()
    if isinstance(contents, str):
        contents, names = [contents], [names]
    try:
        result = setup.upload_files(
            store(),
            current_actor(),
            rid,
            list(zip(names, contents, strict=False)),
            max_bytes=max_upload_bytes(),
        )
    except StoreError as exc:
        return _answer(html.P(str(exc), className="error"))
    return _answer(_message(result.files), (version or 0) + 1)


@callback(
    output=_outputs(),
    inputs={
        "_i": Input({"type": "su-uimport", "upload": ALL}, "n_clicks"),
        "_r": Input({"type": "su-replace", "upload": ALL, "file": ALL, "c": ALL}, "n_clicks"),
        "_a": Input({"type": "su-add", "upload": ALL}, "n_clicks"),
        "fields": State({"type": "su-umap", "upload": ALL, "col": ALL}, "value"),
        "field_ids": State({"type": "su-umap", "upload": ALL, "col": ALL}, "id"),
        "agencies": State({"type": "su-uagency", "upload": ALL}, "value"),
        "agency_ids": State({"type": "su-uagency", "upload": ALL}, "id"),
        "rid": State("su-review", "data"),
        "version": State("su-version", "data"),
    },
    prevent_initial_call=True,
)
def import_kept(_i, _r, _a, fields, field_ids, agencies, agency_ids, rid, version):
    """A kept upload: mapped and imported, added alongside, or replacing an earlier file."""
    trigger = _triggered_clicked()
    if trigger is None:
        return _answer()
    uid = trigger["upload"]
    try:
        actor, s = current_actor(), store()
        if trigger["type"] == "su-uimport":
            (up,) = [u for u in s.uploads.list(actor, rid) if u.id == uid]
            columns = {
                up.headers[i["col"]]: v or ""
                for v, i in zip(fields, field_ids, strict=True)
                if i["upload"] == uid and i["col"] < len(up.headers)
            }
            agency = _value_for(agencies, agency_ids, "upload", uid) or ""
            out = setup.import_upload(
                s,
                actor,
                rid,
                uid,
                columns=columns,
                agency=agency,
                header_row=up.header_row,
                sheet=up.sheet or None,
            )
        elif trigger["type"] == "su-replace":
            out = setup.import_upload(
                s, actor, rid, uid, replaces=trigger["file"], confirm=bool(trigger["c"])
            )
        else:
            out = setup.import_upload(s, actor, rid, uid)
    except (StoreError, ValueError) as exc:
        return _answer(html.P(f"Not imported: {exc}", className="error"), (version or 0) + 1)
    return _answer(_message([out]), (version or 0) + 1)


@callback(
    output=_outputs(),
    inputs={
        "_clicks": Input({"type": "su-reimport", "file": ALL, "c": ALL}, "n_clicks"),
        "fields": State({"type": "su-map", "file": ALL, "col": ALL}, "value"),
        "field_ids": State({"type": "su-map", "file": ALL, "col": ALL}, "id"),
        "agencies": State({"type": "su-agency", "file": ALL}, "value"),
        "agency_ids": State({"type": "su-agency", "file": ALL}, "id"),
        "rid": State("su-review", "data"),
        "version": State("su-version", "data"),
    },
    prevent_initial_call=True,
)
def reimport(_clicks, fields, field_ids, agencies, agency_ids, rid, version):
    trigger = _triggered_clicked()
    if trigger is None:
        return _answer()
    fid = trigger["file"]
    try:
        actor, s = current_actor(), store()
        f = next((x for x in s.records.list_source_files(actor, rid) if x["id"] == fid), None)
        headers = [c["header"] for c in (f or {}).get("columns") or []]
        columns = {
            headers[i["col"]]: v or ""
            for v, i in zip(fields, field_ids, strict=True)
            if i["file"] == fid and i["col"] < len(headers)
        }
        agency = _value_for(agencies, agency_ids, "file", fid) or ""
        out = setup.correct_file(s, actor, rid, fid, columns, agency, confirm=bool(trigger["c"]))
    except StoreError as exc:
        return _answer(html.P(f"Not re-imported: {exc}", className="error"))
    if out.status != "imported":
        refused = _refused(out, "Not re-imported", "Re-import anyway", "su-reimport", fid)
        return _answer(refused, (version or 0) + 1)
    used = f" (saved as the {out.profile_used} profile)" if out.profile_used else ""
    done = html.P(
        f"'{out.file_name}' re-imported as {out.agency} with the corrected mapping{used}: "
        f"{out.added} new, {out.kept} kept, {out.withdrawn} withdrawn. Run matching to "
        "update the timeline."
    )
    return _answer(done, (version or 0) + 1)


def _refused(out, said: str, anyway: str, button_type: str, fid: int) -> html.Div:
    """Why a file was not read again, with the button that confirms it anyway when the
    refusal only wants a person's say-so (a large withdrawal)."""
    confirm = (
        html.Button(anyway, id={"type": button_type, "file": fid, "c": 1}, className="danger")
        if out.needs_confirmation
        else None
    )
    return html.Div([html.P(f"{said}: {out.message}", className="error"), confirm])


@callback(
    output=_outputs(),
    inputs={
        "_clicks": Input({"type": "su-dateorder-go", "file": ALL, "c": ALL}, "n_clicks"),
        "orders": State({"type": "su-dateorder", "file": ALL}, "value"),
        "order_ids": State({"type": "su-dateorder", "file": ALL}, "id"),
        "rid": State("su-review", "data"),
        "version": State("su-version", "data"),
    },
    prevent_initial_call=True,
)
def date_order(_clicks, orders, order_ids, rid, version):
    """The lead's date order for a file's agency: the file is read again that way."""
    trigger = _triggered_clicked()
    if trigger is None:
        return _answer()
    fid = trigger["file"]
    order = _value_for(orders, order_ids, "file", fid) or ""
    try:
        out = setup.set_date_order(
            store(), current_actor(), rid, fid, order, confirm=bool(trigger["c"])
        )
    except StoreError as exc:
        return _answer(html.P(f"Not re-read: {exc}", className="error"))
    if out.status != "imported":
        refused = _refused(out, "Not re-read", "Re-read anyway", "su-dateorder-go", fid)
        return _answer(refused, (version or 0) + 1)
    how = f"read {order}" if order else "read as their own evidence shows"
    done = html.P(
        f"'{out.file_name}' re-read with its dates {how} (kept for {out.agency}'s next "
        f"files): {out.added} new, {out.kept} kept, {out.withdrawn} withdrawn. Run matching "
        "to update the timeline."
    )
    return _answer(done, (version or 0) + 1)


@callback(
    Output("su-match-msg", "children"),
    Input("su-match", "n_clicks"),
    State("su-review", "data"),
    prevent_initial_call=True,
)
def run_matching(n, rid):
    if not n:
        return no_update
    try:
        counts = store().records.run_matching(current_actor(), rid)
    except StoreError as exc:
        return html.Span(f"Matching not run: {exc}", className="error")
    return (
        f"Matching done: {counts['records']} records in {counts['events']} events "
        f"({counts['decisions']} of your decisions kept). "
    ), dcc.Link("Review the duplicates", href=f"/review/{rid}/queue")


# ------------------------------------------------------------------------- KLOE


def _triggered_clicked() -> dict | None:
    trigger = ctx.triggered_id
    if not trigger or not ctx.triggered[0].get("value"):
        return None
    return trigger


def _value_for(values, ids, key, wanted):
    return next((v for v, i in zip(values, ids, strict=True) if i[key] == wanted), None)


@callback(
    Output("su-kloe-msg", "children"),
    Output("su-version", "data", allow_duplicate=True),
    Output("su-kloe-number", "value"),
    Output("su-kloe-title", "value"),
    Output("su-kloe-desc", "value"),
    Input("su-kloe-add", "n_clicks"),
    Input({"type": "su-ksave", "id": ALL, "v": ALL}, "n_clicks"),
    Input({"type": "su-kdel", "id": ALL, "v": ALL}, "n_clicks"),
    State("su-kloe-number", "value"),
    State("su-kloe-title", "value"),
    State("su-kloe-desc", "value"),
    State({"type": "su-kn", "id": ALL}, "value"),
    State({"type": "su-kt", "id": ALL}, "value"),
    State({"type": "su-kd", "id": ALL}, "value"),
    State({"type": "su-kn", "id": ALL}, "id"),
    State("su-review", "data"),
    State("su-version", "data"),
    prevent_initial_call=True,
)
def edit_kloe(_a, _s, _d, number, title, desc, numbers, titles, descs, ids, rid, version):
    trigger = _triggered_clicked()
    keep = (no_update, no_update, no_update)
    if trigger is None:
        return no_update, no_update, *keep
    try:
        actor = current_actor()
        s = store()
        if trigger == "su-kloe-add":
            if not (number or "").strip() or not (title or "").strip():
                return "Give the KLOE a number and a title.", no_update, *keep
            s.reviews.add_kloe(actor, rid, number.strip(), title.strip(), (desc or "").strip())
            # The form is emptied for the next KLOE only once this one is saved.
            return f"KLOE {number.strip()} added.", (version or 0) + 1, "", "", ""
        elif trigger["type"] == "su-ksave":
            kid = trigger["id"]
            s.reviews.update_kloe(
                actor,
                kid,
                trigger["v"],
                number=(_value_for(numbers, ids, "id", kid) or "").strip(),
                title=(_value_for(titles, ids, "id", kid) or "").strip(),
                description=(_value_for(descs, ids, "id", kid) or "").strip(),
            )
            msg = "KLOE saved."
        else:
            s.reviews.delete_kloe(actor, trigger["id"], trigger["v"])
            msg = "KLOE deleted."
    except StoreError as exc:
        return f"Not saved: {exc}", (version or 0) + 1, *keep
    return msg, (version or 0) + 1, *keep


# ------------------------------------------------------------------------- members


@callback(
    Output("su-mem-msg", "children"),
    Output("su-version", "data", allow_duplicate=True),
    Output("su-mem-email", "value"),
    Output("su-mem-agency", "value"),
    Input("su-mem-add", "n_clicks"),
    Input({"type": "su-msave", "email": ALL}, "n_clicks"),
    Input({"type": "su-mdel", "email": ALL}, "n_clicks"),
    State("su-mem-email", "value"),
    State("su-mem-role", "value"),
    State("su-mem-agency", "value"),
    State({"type": "su-mrole", "email": ALL}, "value"),
    State({"type": "su-mrole", "email": ALL}, "id"),
    State({"type": "su-magency", "email": ALL}, "value"),
    State("su-review", "data"),
    State("su-version", "data"),
    prevent_initial_call=True,
)
def edit_members(_a, _s, _d, email, role, agency, roles, role_ids, agencies, rid, version):
    trigger = _triggered_clicked()
    keep = (no_update, no_update)
    if trigger is None:
        return no_update, no_update, *keep
    try:
        actor = current_actor()
        s = store()
        if trigger == "su-mem-add":
            if not (email or "").strip():
                return "Give the email of an existing account.", no_update, *keep
            m = s.reviews.add_member(
                actor, rid, email.strip(), role, (agency or "").strip() or None
            )
            # Emptied for the next member only once this one is added.
            return f"{m['email']} added as {role}.", (version or 0) + 1, "", ""
        elif trigger["type"] == "su-msave":
            who = trigger["email"]
            new_role = _value_for(roles, role_ids, "email", who)
            new_agency = _value_for(agencies, role_ids, "email", who)
            s.reviews.add_member(actor, rid, who, new_role, (new_agency or "").strip() or None)
            msg = f"{who} is now {new_role}."
        else:
            s.reviews.remove_member(actor, rid, trigger["email"])
            msg = f"{trigger['email']} removed."
    except StoreError as exc:
        return f"Not changed: {exc}", no_update, *keep
    return msg, (version or 0) + 1, *keep
