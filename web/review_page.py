"""What every page of one review starts with: its id from the URL, the review (or a
"not found" that says no more than that), and the head with the review's step bar."""

from __future__ import annotations

from dash import dcc, html

from web.nav import review_nav


def review_id_of(value: object) -> int | None:
    """The review id from the URL's path variable; None when it is not a number."""
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def not_found() -> html.Div:
    """The same answer for a review that does not exist and one the user may not see."""
    return html.Div(
        [
            html.H1("Review not found"),
            html.P("It does not exist, or you are not a member of it."),
            dcc.Link("Back to your reviews", href="/"),
        ]
    )


def review_head(review: dict, review_id: int, active: str) -> list:
    """The review's title, the user's role in it and the bar of review steps."""
    return [
        html.Div(
            [html.H1(review["title"]), html.Span(f"your role: {review['role']}", className="role")],
            className="page-head",
        ),
        review_nav(review_id, active),
    ]
