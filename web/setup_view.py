"""The set-up page's pieces (no callbacks): each file's card with its layout, mapping and
rows needing attention; the cards of uploads not imported (refused, in red, with the mapping
editor open; held, with the choice of replacing an earlier file or adding alongside); the
KLOE and members tables. Component ids start with "su-" (the page's prefix)."""

from __future__ import annotations

from dash import dcc, html

from ingest.columns import FIELDS
from timeline.actions.setup import suggested_fields
from timeline.store.schema import ROLES
from web.forms import labelled

SHOWN_ROWS = 25  # rows needing attention listed per file (the rest are counted)
FIELD_OPTIONS = [{"label": "(not used)", "value": ""}] + [{"label": f, "value": f} for f in FIELDS]
ROLE_OPTIONS = [{"label": r, "value": r} for r in ROLES]


def attention(records: list[dict], quarantined: list[dict]) -> html.Div:
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


def file_card(
    f: dict, records: list[dict], quarantined: list[dict], kept: bool, details=None
) -> html.Details:
    fid = f["id"]
    layout_line = (
        f"sheet {f.get('sheet') or '—'}, header row {f.get('header_row') or '—'}: "
        f"{f['rows_read']} rows read = {f['records_count']} records "
        f"({f['need_review_count']} need review) + {f['quarantined_count']} quarantined "
        f"+ {f['skipped_count']} skipped"
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
                    dcc.Input(
                        value=f["agency"],
                        id={"type": "su-agency", "file": fid},
                        className="agency-input",
                    ),
                ]
            ),
            html.Button(
                "Save as this agency's profile and re-import",
                id={"type": "su-reimport", "file": fid, "c": 0},
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
            attention(records, quarantined),
            details,  # web/setup_details.py: what the import found
        ],
        className="wf-file",
        id={"type": "su-file", "file": fid},
    )


def upload_card(u, files_by_id: dict[int, dict]) -> html.Details:
    """An upload that is not (or not yet) imported: refused in red with the reason and the
    mapping editor open; held with the lead's choice."""
    uid = u.id
    parts: list = [
        html.Summary(
            [
                html.Strong(u.file_name),
                " · not imported" if u.status == "refused" else " · waiting for your choice",
            ]
        ),
        html.P(u.reason, className="error" if u.status == "refused" else "warning"),
    ]
    old = files_by_id.get(u.candidate_file_id) if u.candidate_file_id else None
    if u.status == "held" and old is not None:
        parts.append(
            html.Div(
                [
                    html.Button(
                        f"Replace '{old['file_name']}' with it",
                        id={"type": "su-replace", "upload": uid, "file": old["id"], "c": 0},
                    ),
                    html.Button("Add it alongside", id={"type": "su-add", "upload": uid}),
                ],
                className="wf-row",
            )
        )
    elif u.status == "refused" and old is not None and "confirm" in u.reason:
        parts.append(
            html.Div(
                html.Button(
                    f"Replace '{old['file_name']}' anyway",
                    id={"type": "su-replace", "upload": uid, "file": old["id"], "c": 1},
                    className="danger",
                ),
                className="wf-row",
            )
        )
    if u.status == "refused" and u.headers:
        suggested = suggested_fields(u.headers)
        parts += [
            html.H4("Column mapping"),
            html.P(
                f"Header row {u.header_row or '—'}: say which column holds the date and "
                "which the description, then import.",
                className="note",
            ),
            html.Table(
                [
                    html.Thead(html.Tr([html.Th("Column"), html.Th("Read as")])),
                    html.Tbody(
                        [
                            html.Tr(
                                [
                                    html.Td(h),
                                    html.Td(
                                        dcc.Dropdown(
                                            FIELD_OPTIONS,
                                            suggested[i],
                                            id={"type": "su-umap", "upload": uid, "col": i},
                                            clearable=False,
                                            style={"minWidth": "11em"},
                                        )
                                    ),
                                ]
                            )
                            for i, h in enumerate(u.headers)
                        ]
                    ),
                ],
                className="files mapping",
            ),
            html.Div(
                [
                    html.Label(
                        [
                            "Agency ",
                            dcc.Input(
                                value="",
                                id={"type": "su-uagency", "upload": uid},
                                className="agency-input",
                            ),
                        ]
                    ),
                    html.Button(
                        "Import with this mapping", id={"type": "su-uimport", "upload": uid}
                    ),
                ],
                className="wf-row",
            ),
        ]
    return html.Details(
        parts,
        open=True,
        className=f"wf-file {u.status}",
        id={"type": "su-upload-card", "upload": uid},
    )


def _kloe_cell(k: dict, what: str, key: str, id_type: str, width: str | None) -> html.Td:
    """One editable field of a KLOE's row, labelled for screen readers ("Title of KLOE 2")."""
    style = {"width": width} if width else None
    box = dcc.Input(value=k[key], id={"type": id_type, "id": k["id"]}, style=style)
    return html.Td(labelled(f"{what} of KLOE {k['number']}", box, hidden=True))


def kloe_table(kloes: list[dict]) -> html.Table:
    return html.Table(
        [
            html.Thead(html.Tr([html.Th(h) for h in ("No.", "Title", "Description", "")])),
            html.Tbody(
                [
                    html.Tr(
                        [
                            _kloe_cell(k, "Number", "number", "su-kn", "4em"),
                            _kloe_cell(k, "Title", "title", "su-kt", "24em"),
                            _kloe_cell(k, "Description", "description", "su-kd", None),
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


def member_table(members: list[dict]) -> html.Table:
    return html.Table(
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
                                labelled(
                                    f"Agency of {m['name']}",
                                    dcc.Input(
                                        value=m["agency"] or "",
                                        id={"type": "su-magency", "email": m["email"]},
                                    ),
                                    hidden=True,
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
