"""Home: the reviews the signed-in user is a member of, with each file's import summary."""

from __future__ import annotations

from datetime import date, timedelta

import dash
from dash import dcc, html

from ingest.validate import fmt
from timeline.store.errors import PermissionDenied
from web.auth import current_actor
from web.services import store

dash.register_page(__name__, path="/", title="Reviews · Learning Review Timeline", order=0)


def _period(review: dict) -> str:
    if not review.get("period_start"):
        return "no review period set"
    return f"{fmt(review['period_start'])} to {fmt(review['period_end'])}"


WARN_BEFORE = timedelta(days=30)


def _retention(review: dict, today: date | None = None) -> list:
    """A warning when the review is due for deletion within a month (or overdue), and for
    its lead the way to the deletion page."""
    out = []
    if review.get("retain_until"):
        due = review["retain_until"]
        today = today or date.today()
        if due <= today:
            out.append(
                html.P(
                    f"Due for deletion since {fmt(due)}: the lead reviewer should delete it.",
                    className="warning retention",
                    role="alert",
                )
            )
        elif due - today <= WARN_BEFORE:
            out.append(
                html.P(
                    f"Due for deletion on {fmt(due)} ({(due - today).days} days).",
                    className="warning retention",
                )
            )
    if review.get("role") == "lead":
        link = dcc.Link("Retention and deletion", href=f"/review/{review['id']}/retention")
        out.append(html.P(link, className="note"))
    return out


def _file_rows(actor, review_id: int) -> list:
    files = store().records.list_source_files(actor, review_id)
    head = html.Tr([html.Th(h) for h in ("File", "Agency", "Sheet", "Rows read", "Summary")])
    body = [
        html.Tr(
            [
                html.Td(f["file_name"]),
                html.Td(f["agency"]),
                html.Td(f.get("sheet") or "—"),
                html.Td(f.get("rows_read")),
                html.Td(f.get("summary", "").split("\n")[0].split(": ", 1)[-1]),
            ]
        )
        for f in files
        if not f.get("superseded_by")
    ]
    return [html.Table([html.Thead(head), html.Tbody(body)], className="files")]


def layout(**_query) -> html.Div:
    try:
        actor = current_actor()
    except PermissionDenied:
        return html.Div("Sign in to see your reviews.")
    reviews = store().reviews.list_reviews(actor)
    new = dcc.Link("New review", href="/new", className="button-link", id="home-new")
    if not reviews:
        return html.Div(
            [html.H1("Reviews"), new, html.P("You are not a member of any review yet.")]
        )
    cards = [
        html.Section(
            [
                html.H2(dcc.Link(r["title"], href=f"/review/{r['id']}")),
                html.P(f"Review period: {_period(r)} · your role: {r['role']}"),
                *_retention(r),
                *_file_rows(actor, r["id"]),
            ],
            className="review",
        )
        for r in reviews
    ]
    return html.Div([html.H1("Reviews"), new, *cards])
