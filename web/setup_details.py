"""The set-up page's "What the import found" part of a file's card (no callbacks): how the
dates were read and why, with the lead's choice of date order; the title block; why this
agency; the continuation rows joined to entries. Ids start with "su-" (the page's prefix).
"""

from __future__ import annotations

from dash import dcc, html

from ingest.filetype import KIND_BY_SUFFIX
from timeline.actions.file_details import FileDetails

# What the upload's file chooser offers: every kind the importer reads (.xls and .ods with
# python-calamine, no LibreOffice needed; .doc only where LibreOffice is installed).
UPLOAD_ACCEPT = ",".join(KIND_BY_SUFFIX)
UPLOAD_KINDS = "spreadsheets (.xlsx, .xls, .ods), CSV or Word (.docx)"

ORDER_OPTIONS = [
    {"label": "As the dates show (the evidence decides)", "value": ""},
    {"label": "Day-first (03/04/2021 is 3 April)", "value": "day-first"},
    {"label": "Month-first (03/04/2021 is 4 March)", "value": "month-first"},
]
SHOWN_JOINED = 10


def details_section(fid: int, d: FileDetails, kept: bool) -> html.Div:
    legend = f"Date order for this agency's files (file {fid})"
    choice = html.Fieldset(
        [
            html.Legend("Read this agency's dates", className="su-legend"),
            dcc.RadioItems(
                ORDER_OPTIONS,
                d.date_override,
                id={"type": "su-dateorder", "file": fid},
                className="su-dateorder",
                labelStyle={"display": "block"},
                inputStyle={"marginRight": "0.4em"},
            ),
            html.Button(
                "Re-read the dates this way",
                id={"type": "su-dateorder-go", "file": fid, "c": 0},
                disabled=not kept,
                **{"aria-label": f"Re-read the dates this way: {legend}"},
            ),
        ],
        className="su-date-choice",
    )
    title = (
        html.Dl(
            [part for label, value in d.title_block for part in (html.Dt(label), html.Dd(value))],
            className="su-title-block",
        )
        if d.title_block
        else html.P("No title block above the table.", className="note")
    )
    agency = [html.Strong("Why this agency: "), d.agency_source]
    if d.agency_evidence:
        agency.append(f" — {d.agency_evidence}")
    joined = (
        html.Ul(
            [
                html.Li(f"Row {j.row}: joined rows {', '.join(map(str, j.continued))} (“{j.text}”)")
                for j in d.joined[:SHOWN_JOINED]
            ]
            + (
                [html.Li(f"and {len(d.joined) - SHOWN_JOINED} more entries")]
                if len(d.joined) > SHOWN_JOINED
                else []
            ),
            className="su-joined",
        )
        if d.joined
        else html.P("No continuation rows were joined.", className="note")
    )
    return html.Div(
        [
            html.H4("What the import found"),
            html.P([html.Strong("Dates: "), d.date_order_words], className="su-date-words"),
            choice,
            html.H5("Title block"),
            title,
            html.P(agency, className="su-agency-why"),
            html.H5("Continuation rows joined to an entry"),
            joined,
        ],
        className="su-details",
        id={"type": "su-details", "file": fid},
    )
