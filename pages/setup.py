"""Set-up (lead reviewer): agency files by drag and drop, each file's detected layout and
column mapping with the rows that need attention, mapping or agency corrections saved as
the agency's profile and re-imported, matching, the KLOE and the members.

Uploads are kept under <data>/uploads/review-<id>/<sha256><suffix> (so a correction can
re-read the file); profiles under <data>/profiles/review-<id>/<agency>.json (so the next
file from that agency is read the same way).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from datetime import date
from pathlib import Path

import dash
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update
from flask import current_app

from ingest.agencies import AgencyDirectory
from ingest.columns import FIELDS
from ingest.errors import IngestError
from ingest.limits import Limits
from ingest.profiles import AgencyProfile, ProfileError, profiles_in, save_profile
from ingest.validate import fmt
from timeline.store.auth import IMPORT
from timeline.store.errors import StoreError
from timeline.store.schema import ROLES
from timeline.workflow import file_counts, safe_upload_name
from web.auth import current_actor
from web.review_page import not_found, review_head, review_id_of
from web.services import store

dash.register_page(__name__, path_template="/review/<review_id>/setup", title="Set-up", order=10)

ROOT = Path(__file__).resolve().parents[1]
SHOWN_ROWS = 25  # rows needing attention listed per file (the rest are counted)
FIELD_OPTIONS = [{"label": "(not used)", "value": ""}] + [{"label": f, "value": f} for f in FIELDS]
ROLE_OPTIONS = [{"label": r, "value": r} for r in ROLES]


def data_dir() -> Path:
    return Path(os.environ.get("LRT_DATA_DIR", ROOT / "data"))


def uploads_dir(review_id: int) -> Path:
    return data_dir() / "uploads" / f"review-{int(review_id)}"


def profiles_dir(review_id: int) -> Path:
    return data_dir() / "profiles" / f"review-{int(review_id)}"


def max_upload_bytes() -> int:
    """The import limit, and no more than one request may carry: an upload travels as
    base64 (4/3 of its size) inside Flask's MAX_CONTENT_LENGTH."""
    limit = Limits.from_env().max_file_bytes
    try:
        cap = current_app.config.get("MAX_CONTENT_LENGTH")
    except RuntimeError:  # outside a request
        cap = None
    return min(limit, int(cap * 0.74)) if cap else limit


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
    """'12 Mar 2021' (the UI's date style) from the store's ISO text."""
    return fmt(date.fromisoformat(str(value)[:10])) if value else "—"


def layout(review_id: str | None = None, **_query) -> html.Div:
    rid = review_id_of(review_id)
    try:
        actor = current_actor()
        review = store().get_review(actor, rid) if rid is not None else None
        lead = review is not None and store().may(actor, rid, IMPORT)
    except StoreError:
        review, lead = None, False
    if review is None:
        return not_found()
    head = review_head(review, rid, "Set-up")
    if not lead:
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
                max_size=max_upload_bytes(),  # the browser does not even send a larger file
                className="wf-drop",
                children=html.Div(
                    [
                        "Drag and drop agency chronologies here, or ",
                        html.Button("choose files", className="link-button", type="button"),
                        f" (spreadsheets, CSV or Word; at most {mb} MB each)",
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
                    dcc.Input(id="su-kloe-number", placeholder="No.", style={"width": "4em"}),
                    dcc.Input(id="su-kloe-title", placeholder="Title", style={"width": "24em"}),
                    dcc.Input(id="su-kloe-desc", placeholder="Description (optional)"),
                    html.Button("Add KLOE", id="su-kloe-add"),
                ],
                className="wf-row",
            ),
            html.Div(id="su-kloe-msg", role="status", className="message"),
            html.H2("Members"),
            html.Div(id="su-members"),
            html.Div(
                [
                    dcc.Input(id="su-mem-email", type="email", placeholder="Email of an account"),
                    dcc.Dropdown(
                        ROLE_OPTIONS,
                        "participant",
                        id="su-mem-role",
                        clearable=False,
                        style={"width": "11em"},
                    ),
                    dcc.Input(id="su-mem-agency", placeholder="Agency (optional)"),
                    html.Button("Add member", id="su-mem-add"),
                ],
                className="wf-row",
            ),
            html.Div(id="su-mem-msg", role="status", className="message"),
        ]
    )


# ------------------------------------------------------------------------- rendering


def _attention(records: list[dict], quarantined: list[dict]) -> html.Div:
    rows = [
        html.Tr(
            [
                html.Td(q["prov_row"]),
                html.Td("quarantined"),
                html.Td(q["reason"]),
                html.Td(" · ".join(str(v) for v in (q["prov_raw"] or {}).values() if v)[:160]),
            ]
        )
        for q in quarantined
    ]
    rows += [
        html.Tr(
            [
                html.Td(r["provenance"]["row"]),
                html.Td("needs review"),
                html.Td("; ".join(i.get("message", "") for i in r["issues"])),
                html.Td((r["description"] or "")[:160]),
            ]
        )
        for r in records
        if r["issues"]
    ]
    if not rows:
        return html.P("No rows need attention.", className="note")
    more = len(rows) - SHOWN_ROWS
    return html.Div(
        [
            html.Table(
                [
                    html.Thead(html.Tr([html.Th(h) for h in ("Row", "State", "Why", "Text")])),
                    html.Tbody(rows[:SHOWN_ROWS]),
                ],
                className="files attention",
            ),
            html.P(f"and {more} more", className="note") if more > 0 else None,
        ]
    )


def _file_card(f: dict, records: list[dict], quarantined: list[dict], kept: bool) -> html.Details:
    c = file_counts(f.get("summary", ""))
    fid = f["id"]
    layout_line = (
        f"sheet {f.get('sheet') or '—'}, header row {f.get('header_row') or '—'}: "
        f"{c.get('rows_read', f.get('rows_read'))} rows read = {c.get('records', '?')} records "
        f"({c.get('need_review', 0)} need review) + {c.get('quarantined', 0)} quarantined "
        f"+ {c.get('skipped', 0)} skipped"
    )
    mapping = html.Table(
        [
            html.Thead(html.Tr([html.Th(h) for h in ("Column", "Read as", "Confidence")])),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Td(col["header"]),
                            html.Td(
                                dcc.Dropdown(
                                    FIELD_OPTIONS,
                                    col.get("field") or "",
                                    id={"type": "su-map", "file": fid, "col": i},
                                    clearable=False,
                                    style={"minWidth": "11em"},
                                )
                            ),
                            html.Td(
                                f"{float(col.get('confidence') or 0):.0%} ({col.get('how')})",
                                className="low" if float(col.get("confidence") or 0) < 0.8 else "",
                            ),
                        ]
                    )
                    for i, col in enumerate(f.get("columns") or [])
                ]
            ),
        ],
        className="files mapping",
    )
    correct = html.Div(
        [
            html.Label(
                [
                    "Agency ",
                    dcc.Input(value=f["agency"], id={"type": "su-agency", "file": fid}),
                ]
            ),
            html.Button(
                "Save as this agency's profile and re-import",
                id={"type": "su-reimport", "file": fid},
                disabled=not kept,
            ),
            None
            if kept
            else html.Span(
                " The original upload is not kept on this server: upload the file again.",
                className="note",
            ),
        ],
        className="wf-row",
    )
    notes = [html.Li(n) for n in f.get("notes") or []]
    return html.Details(
        [
            html.Summary(
                [html.Strong(f["file_name"]), f" · {f['agency']} ({f.get('agency_source')})"]
            ),
            html.P(layout_line, className="layout-line"),
            html.Ul(notes, className="note") if notes else None,
            html.H4("Column mapping"),
            mapping,
            correct,
            html.H4("Rows that need attention"),
            _attention(records, quarantined),
        ],
        className="wf-file",
        id={"type": "su-file", "file": fid},
    )


@callback(
    Output("su-files", "children"),
    Output("su-kloes", "children"),
    Output("su-members", "children"),
    Input("su-version", "data"),
    State("su-review", "data"),
)
def render(_version, rid):
    try:
        actor = current_actor()
        s = store()
        files = [f for f in s.list_source_files(actor, rid) if not f.get("superseded_by")]
        records = s.list_records(actor, rid)
        quarantined = s.list_quarantined(actor, rid)
        kloes = s.list_kloes(actor, rid)
        members = s.list_members(actor, rid)
    except StoreError as exc:
        msg = html.P(str(exc), className="error")
        return msg, msg, msg
    by_file: dict[int, list] = {}
    for r in records:
        by_file.setdefault(r["source_file_id"], []).append(r)
    q_by_file: dict[int, list] = {}
    for q in quarantined:
        q_by_file.setdefault(q["source_file_id"], []).append(q)
    folder = uploads_dir(rid)
    cards = [
        _file_card(
            f,
            by_file.get(f["id"], []),
            q_by_file.get(f["id"], []),
            (folder / safe_upload_name(f["sha256"], f["file_name"])).exists(),
        )
        for f in files
    ] or [html.P("No files yet.", className="note")]
    kloe_rows = html.Table(
        [
            html.Thead(html.Tr([html.Th(h) for h in ("No.", "Title", "Description", "")])),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Td(
                                dcc.Input(
                                    value=k["number"],
                                    id={"type": "su-kn", "id": k["id"]},
                                    style={"width": "4em"},
                                )
                            ),
                            html.Td(
                                dcc.Input(
                                    value=k["title"],
                                    id={"type": "su-kt", "id": k["id"]},
                                    style={"width": "24em"},
                                )
                            ),
                            html.Td(
                                dcc.Input(
                                    value=k["description"], id={"type": "su-kd", "id": k["id"]}
                                )
                            ),
                            html.Td(
                                [
                                    html.Button(
                                        "Save",
                                        id={"type": "su-ksave", "id": k["id"], "v": k["version"]},
                                    ),
                                    html.Button(
                                        "Delete",
                                        id={"type": "su-kdel", "id": k["id"], "v": k["version"]},
                                    ),
                                ]
                            ),
                        ]
                    )
                    for k in kloes
                ]
            ),
        ],
        className="files kloes",
    )
    member_rows = html.Table(
        [
            html.Thead(html.Tr([html.Th(h) for h in ("Member", "Role", "Agency", "")])),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Td(f"{m['name']} ({m['email']})"),
                            html.Td(
                                dcc.Dropdown(
                                    ROLE_OPTIONS,
                                    m["role"],
                                    id={"type": "su-mrole", "email": m["email"]},
                                    clearable=False,
                                    style={"width": "11em"},
                                )
                            ),
                            html.Td(
                                dcc.Input(
                                    value=m["agency"] or "",
                                    id={"type": "su-magency", "email": m["email"]},
                                )
                            ),
                            html.Td(
                                [
                                    html.Button(
                                        "Save", id={"type": "su-msave", "email": m["email"]}
                                    ),
                                    html.Button(
                                        "Remove", id={"type": "su-mdel", "email": m["email"]}
                                    ),
                                ]
                            ),
                        ]
                    )
                    for m in members
                ]
            ),
        ],
        className="files members",
    )
    return cards, kloe_rows, member_rows


# ------------------------------------------------------------------------- imports


def _find_profile(rid: int, name: str) -> AgencyProfile | None:
    likely = AgencyDirectory().from_file_name(Path(name).stem)
    try:
        return next((p for p in profiles_in(profiles_dir(rid)) if p.applies_to(name, likely)), None)
    except ProfileError:
        return None


def _named(exc: IngestError, name: str) -> str:
    """The pipeline's message under the name the user gave the file (not the stored name)."""
    where = [f"'{name}'"]
    if exc.sheet:
        where.append(f"sheet '{exc.sheet}'")
    if exc.row is not None:
        where.append(f"row {exc.row}")
    return f"{', '.join(where)}: {exc.detail}"


@callback(
    Output("su-upload-msg", "children"),
    Output("su-version", "data", allow_duplicate=True),
    Input("su-upload", "contents"),
    State("su-upload", "filename"),
    State("su-review", "data"),
    State("su-version", "data"),
    prevent_initial_call=True,
)
def upload(contents, names, rid, version):
    """Each file is imported on its own: a bad file is reported (by name) and the others,
    and everything imported before, stay."""
    if not contents:
        return no_update, no_update
    try:
        actor = current_actor()
        if not store().may(actor, rid, IMPORT):  # nothing is written for a forged request
            return html.P("Only the lead reviewer imports files.", className="error"), no_update
    except StoreError as exc:
        return html.P(str(exc), className="error"), no_update
    if isinstance(contents, str):
        contents, names = [contents], [names]
    limit = max_upload_bytes()
    folder = uploads_dir(rid)
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for content, name in zip(contents, names, strict=False):
        name = Path(str(name).replace("\\", "/")).name or "upload"
        try:
            data = base64.b64decode(content.split(",", 1)[1], validate=False)
        except (IndexError, binascii.Error):
            lines.append(
                html.Li(f"'{name}': the upload arrived damaged; try again.", className="error")
            )
            continue
        if len(data) > limit:
            lines.append(
                html.Li(
                    f"'{name}' is {len(data) / 1048576:.1f} MB, more than the "
                    f"{limit // 1048576} MB allowed: not imported.",
                    className="error",
                )
            )
            continue
        sha = hashlib.sha256(data).hexdigest()
        path = folder / safe_upload_name(sha, name)
        path.write_bytes(data)
        profile = _find_profile(rid, name)
        try:
            (res,) = store().import_files(
                actor, rid, [path], profile=profile, display_names={str(path): name}
            )
        except IngestError as exc:
            path.unlink(missing_ok=True)
            lines.append(html.Li(f"Not imported: {_named(exc, name)}", className="error"))
            continue
        except StoreError as exc:
            lines.append(html.Li(f"'{name}' not imported: {exc}", className="error"))
            continue
        if res.get("unchanged"):
            lines.append(html.Li(f"'{name}' ({res['agency']}) is already imported, unchanged."))
        else:
            used = f", read with the saved {profile.agency} profile" if profile else ""
            lines.append(
                html.Li(
                    f"'{name}' imported as {res['agency']}{used}: {res['added']} new, "
                    f"{res['kept']} kept, {res['withdrawn']} withdrawn, "
                    f"{res['quarantined']} quarantined."
                )
            )
    return html.Ul(lines), (version or 0) + 1


@callback(
    Output("su-upload-msg", "children", allow_duplicate=True),
    Output("su-version", "data", allow_duplicate=True),
    Input({"type": "su-reimport", "file": ALL}, "n_clicks"),
    State({"type": "su-map", "file": ALL, "col": ALL}, "value"),
    State({"type": "su-map", "file": ALL, "col": ALL}, "id"),
    State({"type": "su-agency", "file": ALL}, "value"),
    State({"type": "su-agency", "file": ALL}, "id"),
    State("su-review", "data"),
    State("su-version", "data"),
    prevent_initial_call=True,
)
def reimport(clicks, fields, field_ids, agencies, agency_ids, rid, version):
    trigger = ctx.triggered_id
    if not trigger or not ctx.triggered[0].get("value"):
        return no_update, no_update
    fid = trigger["file"]
    try:
        actor = current_actor()
        s = store()
        f = next(x for x in s.list_source_files(actor, rid) if x["id"] == fid)
        agency = (
            next(
                (a for a, i in zip(agencies, agency_ids, strict=True) if i["file"] == fid), ""
            ).strip()
            or f["agency"]
        )
        headers = [c["header"] for c in f.get("columns") or []]
        columns = {
            headers[i["col"]]: v or ""
            for v, i in zip(fields, field_ids, strict=True)
            if i["file"] == fid and i["col"] < len(headers)
        }
        profile = AgencyProfile(
            agency=agency,
            columns=columns,
            sheet=f.get("sheet") or None,
            header_row=f.get("header_row"),
        ).validate()
        path = uploads_dir(rid) / safe_upload_name(f["sha256"], f["file_name"])
        res = s.reimport_file(
            actor,
            rid,
            fid,
            path,
            profile=profile,
            agency=agency if agency != f["agency"] else None,
            display_name=f["file_name"],
        )
        save_profile(profile, profiles_dir(rid))
    except StopIteration:
        return html.P("That file was replaced meanwhile.", className="error"), (version or 0) + 1
    except (IngestError, ProfileError) as exc:
        msg = _named(exc, f["file_name"]) if isinstance(exc, IngestError) else str(exc)
        return html.P(f"Not re-imported: {msg}", className="error"), no_update
    except StoreError as exc:
        return html.P(f"Not re-imported: {exc}", className="error"), no_update
    return (
        html.P(
            f"'{f['file_name']}' re-imported as {res['agency']} with the corrected mapping "
            f"(saved as the {agency} profile): {res['added']} new, {res['kept']} kept, "
            f"{res['withdrawn']} withdrawn. Run matching to update the timeline."
        ),
        (version or 0) + 1,
    )


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
        counts = store().run_matching(current_actor(), rid)
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
    if trigger is None:
        return no_update, no_update
    try:
        actor = current_actor()
        s = store()
        if trigger == "su-kloe-add":
            if not (number or "").strip() or not (title or "").strip():
                return "Give the KLOE a number and a title.", no_update
            s.add_kloe(actor, rid, number.strip(), title.strip(), (desc or "").strip())
            msg = f"KLOE {number.strip()} added."
        elif trigger["type"] == "su-ksave":
            kid = trigger["id"]
            s.update_kloe(
                actor,
                kid,
                trigger["v"],
                number=(_value_for(numbers, ids, "id", kid) or "").strip(),
                title=(_value_for(titles, ids, "id", kid) or "").strip(),
                description=(_value_for(descs, ids, "id", kid) or "").strip(),
            )
            msg = "KLOE saved."
        else:
            s.delete_kloe(actor, trigger["id"], trigger["v"])
            msg = "KLOE deleted."
    except StoreError as exc:
        return f"Not saved: {exc}", (version or 0) + 1
    return msg, (version or 0) + 1


# ------------------------------------------------------------------------- members


@callback(
    Output("su-mem-msg", "children"),
    Output("su-version", "data", allow_duplicate=True),
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
    if trigger is None:
        return no_update, no_update
    try:
        actor = current_actor()
        s = store()
        if trigger == "su-mem-add":
            if not (email or "").strip():
                return "Give the email of an existing account.", no_update
            m = s.add_member(actor, rid, email.strip(), role, (agency or "").strip() or None)
            msg = f"{m['email']} added as {role}."
        elif trigger["type"] == "su-msave":
            who = trigger["email"]
            new_role = _value_for(roles, role_ids, "email", who)
            new_agency = _value_for(agencies, role_ids, "email", who)
            s.add_member(actor, rid, who, new_role, (new_agency or "").strip() or None)
            msg = f"{who} is now {new_role}."
        else:
            s.remove_member(actor, rid, trigger["email"])
            msg = f"{trigger['email']} removed."
    except StoreError as exc:
        return f"Not changed: {exc}", no_update
    return msg, (version or 0) + 1
