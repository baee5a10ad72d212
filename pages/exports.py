"""Exports from the app: the integrated chronology (.xlsx, .csv), the report (.docx) and the
timeline (.png, .svg), each as a normal or a publication copy; and the review's names list
that the publication copy applies.

Thin: every file is made by `timeline.export.export_review`, which checks the store's
export permission (lead reviewer only), audits the export and refuses a publication copy
that still holds a listed name. The names list is read and saved through the store
(`list_names`, `set_names`: lead only, versioned).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import dash
import dash_ag_grid as dag
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update

from timeline.export import ExportError, NamesListError, NoNamesList, export_review
from timeline.store.auth import EXPORT
from timeline.store.errors import Conflict, StoreError
from web.auth import current_actor
from web.review_page import load_review, not_found, review_head
from web.services import store

dash.register_page(__name__, path_template="/review/<review_id>/exports", title="Exports", order=70)

FILES = (
    ("Integrated chronology", (("xlsx", "Excel workbook (.xlsx)"), ("csv", "CSV (.csv)"))),
    ("Learning review report", (("docx", "Word document (.docx)"),)),
    ("Timeline figure", (("png", "Image (.png)"), ("svg", "Drawing (.svg)"))),
)
PART = {"xlsx": "chronology", "csv": "chronology", "docx": "report", "png": "timeline"}
COPIES = [
    {"label": "Normal copy (contains personal data)", "value": "normal"},
    {"label": "Publication copy (the names list applied)", "value": "publication"},
]


def file_name(review_id: int, fmt: str, publication: bool) -> str:
    part = PART.get(fmt, "timeline")
    return f"review-{review_id}-{part}{'-publication' if publication else ''}.{fmt}"


def _names_editor(rid: int, names: dict) -> html.Section:
    return html.Section(
        [
            html.H2("Names list for the publication copy"),
            html.P(
                "Each name or identifier (the child, family members, practitioners, "
                "addresses, schools, dates of birth, NHS numbers) and what the publication "
                "copy says instead. Possessives and capitals are covered (Jade's, JADE). "
                "Double-click a cell to edit it; clear both cells of a row to remove it.",
                className="note",
            ),
            dcc.Store(id="ex-names-version", data=names["version"]),
            dag.AgGrid(
                id="ex-names",
                columnDefs=[
                    {"field": "term", "headerName": "Name or identifier", "flex": 1},
                    {"field": "replacement", "headerName": "Replaced by", "flex": 1},
                ],
                rowData=[
                    {"term": r["term"], "replacement": r["replacement"]} for r in names["rows"]
                ],
                defaultColDef={"editable": True, "resizable": True},
                dashGridOptions={
                    "stopEditingWhenCellsLoseFocus": True,
                    "singleClickEdit": False,
                    "animateRows": False,
                    "domLayout": "autoHeight",
                },
                className="ag-theme-alpine ex-names-grid",
            ),
            html.Div(
                [
                    html.Button("Add a row", id="ex-names-add", className="fd-secondary"),
                    html.Button("Save names list", id="ex-names-save", className="primary"),
                ],
                className="fd-form-buttons",
            ),
            html.Div(id="ex-names-message", role="status", className="message"),
            html.Div(id="ex-names-conflict", role="alert"),
        ],
        className="fd-section",
    )


def layout(review_id: str | None = None, **_query) -> html.Div:
    page = load_review(review_id, EXPORT)
    if page is None:
        return not_found()
    rid, actor = page.rid, page.actor
    head = [
        dcc.Store(id="ex-review", data=rid),
        *review_head(page.review, rid, "Exports"),
        html.H2("Exports"),
    ]
    if not page.allowed:
        return html.Div(
            [
                *head,
                html.P("Only the lead reviewer makes exports of this review.", className="note"),
            ]
        )
    try:
        names = store().names.list_names(actor, rid)
    except StoreError as exc:
        return html.Div([*head, html.P(str(exc), className="error")])
    groups = [
        html.Div(
            [
                html.H3(title),
                *[
                    html.Button(label, id={"type": "ex-file", "fmt": fmt}, className="ex-button")
                    for fmt, label in formats
                ],
            ],
            className="ex-group",
        )
        for title, formats in FILES
    ]
    return html.Div(
        [
            *head,
            html.P(
                "Each export is recorded in the review's audit log. The normal copy holds "
                "personal data: keep it within the partnership. The publication copy replaces "
                "every name in the list below and is refused if any listed name would remain.",
                className="note",
            ),
            dcc.RadioItems(COPIES, "normal", id="ex-copy", className="ex-copy"),
            html.Div(groups, className="ex-groups"),
            dcc.Loading(html.Div(id="ex-message", role="status", className="message")),
            dcc.Download(id="ex-download"),
            _names_editor(rid, names),
            html.P(dcc.Link("Back to the findings", href=f"/review/{rid}/findings")),
        ],
        className="exports-page",
    )


NO_NAMES = (
    "No file: a publication copy needs the names to replace. Add each name and its "
    "replacement under \u201cNames list for the publication copy\u201d below, save the list, "
    "then export again."
)


@callback(
    Output("ex-download", "data"),
    Output("ex-message", "children"),
    Input({"type": "ex-file", "fmt": ALL}, "n_clicks"),
    State("ex-copy", "value"),
    State("ex-review", "data"),
    prevent_initial_call=True,
)
def download(_clicks, copy, review_id):
    trigger = ctx.triggered_id
    if not isinstance(trigger, dict) or not ctx.triggered[0].get("value"):
        return no_update, no_update
    fmt, publication = trigger["fmt"], copy == "publication"
    try:
        actor = current_actor()
        with tempfile.TemporaryDirectory(prefix="lrt-export-") as tmp:
            name = file_name(review_id, fmt, publication)
            result = export_review(
                store(), actor, review_id, fmt, Path(tmp) / name, publication=publication
            )
            content = result.path.read_bytes()
    except NoNamesList:
        return None, NO_NAMES
    except (StoreError, ExportError, NamesListError, OSError) as exc:
        return None, f"No file: {exc}"
    kind = "publication copy" if publication else "normal copy"
    return dcc.send_bytes(content, name), f"Exported {name} ({kind})."


@callback(
    Output("ex-names", "rowData"),
    Input("ex-names-add", "n_clicks"),
    State("ex-names", "rowData"),
    prevent_initial_call=True,
)
def add_row(_n, rows):
    return [*(rows or []), {"term": "", "replacement": ""}]


@callback(
    Output("ex-names-message", "children"),
    Output("ex-names-conflict", "children"),
    Output("ex-names-version", "data"),
    Output("ex-names", "rowData", allow_duplicate=True),
    Input("ex-names-save", "n_clicks"),
    State("ex-names", "rowData"),
    State("ex-names-version", "data"),
    State("ex-review", "data"),
    prevent_initial_call=True,
)
def save_names(_n, rows, version, review_id):
    try:
        actor = current_actor()
        saved = store().names.set_names(actor, review_id, rows or [], int(version or 0))
    except Conflict as exc:
        theirs = exc.current or {"version": version, "rows": []}
        listing = html.Ul([html.Li(f"{r['term']} → {r['replacement']}") for r in theirs["rows"]])
        box = html.Div(
            [
                html.P(
                    "Someone else saved the names list while you edited it; nothing was "
                    "overwritten. Their list is below and yours is still in the table: save "
                    "again to replace theirs with yours."
                ),
                listing,
            ],
            className="fd-conflict",
        )
        return f"Not saved: {exc}", box, theirs["version"], no_update
    except StoreError as exc:
        return f"Not saved: {exc}", None, no_update, no_update
    rows_out = [{"term": r["term"], "replacement": r["replacement"]} for r in saved["rows"]]
    return f"Names list saved ({len(rows_out)} entries).", None, saved["version"], rows_out
