"""Retention and deletion (lead reviewer): the date the review is due for deletion (the
home page warns as it nears), and deleting the review with everything in it once its
title is typed to confirm. Thin: the store checks the role and does the deleting."""

from __future__ import annotations

from datetime import date

import dash
from dash import Input, Output, State, callback, dcc, html, no_update

from timeline.settings import get_settings
from timeline.store.auth import BACKUP
from timeline.store.errors import StoreError
from web.auth import current_actor
from web.review_page import load_review, not_found, review_head
from web.services import store

dash.register_page(
    __name__,
    path_template="/review/<review_id>/retention",
    title="Retention and deletion",
    order=75,
)


def layout(review_id: str | None = None, **_query) -> html.Div:
    page = load_review(review_id, BACKUP)
    if page is None:
        return not_found()
    rid, review = page.rid, page.review
    head = [
        dcc.Store(id="rt-review", data=rid),
        *review_head(review, rid, ""),
        html.H2("Retention and deletion"),
    ]
    if not page.allowed:
        return html.Div(
            [*head, html.P("Only the lead reviewer deletes a review.", className="note")]
        )
    return html.Div(
        [
            *head,
            html.H3("Keep until"),
            html.P(
                "The date this review's records are due for deletion under the partnership's "
                "retention schedule. Its members are warned on the home page from a month "
                "before.",
                className="note",
            ),
            dcc.DatePickerSingle(
                id="rt-date", date=review.get("retain_until"), display_format="D MMM YYYY"
            ),
            html.Button("Save the date", id="rt-save"),
            html.Div(id="rt-saved", role="status", className="message"),
            html.H3("Delete this review"),
            html.P(
                "Deleting removes every record, file, upload, tag, finding, action and export "
                "setting of this review, for every member, and cannot be undone. The audit "
                "trail keeps who did what and when, without the review's data. Make a backup "
                "first if the partnership must keep one.",
                className="note",
            ),
            html.Label(
                [
                    "Type the review's title to confirm: ",
                    html.Strong(review["title"]),
                    dcc.Input(id="rt-confirm", type="text", debounce=False, autoComplete="off"),
                ]
            ),
            html.Button("Delete the review", id="rt-delete", className="danger"),
            html.Div(id="rt-deleted", role="status", className="message"),
        ],
        className="retention-page",
    )


@callback(
    Output("rt-saved", "children"),
    Input("rt-save", "n_clicks"),
    State("rt-date", "date"),
    State("rt-review", "data"),
    prevent_initial_call=True,
)
def save_date(n, value, review_id):
    if not n:
        return no_update
    try:
        when = date.fromisoformat(value[:10]) if value else None
        store().deletion.set_retention(current_actor(), review_id, when)
    except (StoreError, ValueError) as exc:
        return html.Span(f"Not saved: {exc}", className="error")
    return f"Saved: keep until {when:%d %B %Y}." if when else "Saved: no retention date."


@callback(
    Output("rt-deleted", "children"),
    Input("rt-delete", "n_clicks"),
    State("rt-confirm", "value"),
    State("rt-review", "data"),
    prevent_initial_call=True,
)
def delete(n, typed, review_id):
    if not n:
        return no_update
    try:
        report = store().deletion.delete_review(
            current_actor(), review_id, typed or "", data_dir=get_settings().data_dir
        )
    except StoreError as exc:
        return html.Span(f"Not deleted: {exc}", className="error")
    rows = sum(report.rows.values())
    said = [f"The review is deleted ({rows} rows, {len(report.folders_removed)} folders)."]
    if report.folders_left:
        said.append(
            html.Span(" Some files could not be removed: " + "; ".join(report.folders_left))
        )
    return html.Div([*said, " ", dcc.Link("Back to your reviews", href="/")])
