"""Create a review: title, the child's pseudonym, optional date of birth, review period.
The signed-in user who creates it becomes its lead reviewer."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, dcc, html, no_update

from timeline.findings_view import FormError, parse_day
from timeline.store.errors import StoreError
from web.auth import current_actor
from web.services import store

dash.register_page(__name__, path="/new", title="New review · Learning Review Timeline", order=1)


def layout(**_query) -> html.Div:
    return html.Div(
        [
            html.H1("New review"),
            html.P(
                "You will be the lead reviewer. Use a pseudonym for the child, never a name.",
                className="note",
            ),
            html.Div(
                [
                    html.Label(["Title", dcc.Input(id="nr-title", type="text", required=True)]),
                    html.Label(
                        ["Child's pseudonym", dcc.Input(id="nr-child", type="text", value="")]
                    ),
                    html.Label(
                        [
                            "Date of birth (optional, for the age axis)",
                            dcc.DatePickerSingle(
                                id="nr-dob", display_format="DD/MM/YYYY", clearable=True
                            ),
                        ]
                    ),
                    html.Label(
                        [
                            "Review period",
                            dcc.DatePickerRange(
                                id="nr-period",
                                display_format="DD/MM/YYYY",
                                start_date_placeholder_text="From",
                                end_date_placeholder_text="To",
                                clearable=True,
                            ),
                        ]
                    ),
                    html.Button("Create review", id="nr-create", className="primary"),
                ],
                className="wf-form",
            ),
            html.Div(id="nr-message", role="alert", className="message"),
            dcc.Location(id="nr-go", refresh=True),
        ]
    )


@callback(
    Output("nr-message", "children"),
    Output("nr-go", "href"),
    Input("nr-create", "n_clicks"),
    State("nr-title", "value"),
    State("nr-child", "value"),
    State("nr-dob", "date"),
    State("nr-period", "start_date"),
    State("nr-period", "end_date"),
    prevent_initial_call=True,
)
def create(n, title, child, dob, start, end):
    if not n:
        return no_update, no_update
    if bool(start) != bool(end):
        return "Give both ends of the review period, or neither.", no_update
    try:
        actor = current_actor()
        period = (parse_day(start), parse_day(end)) if start else None
        rid = store().reviews.create_review(
            actor,
            title or "",
            period=period,
            child_pseudonym=(child or "").strip(),
            child_dob=parse_day(dob),
        )
    except (StoreError, FormError) as exc:
        return f"Not created: {exc}", no_update
    return "Review created.", f"/review/{rid}/setup"
