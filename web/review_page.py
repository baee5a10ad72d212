"""What every page of one review starts with: its id from the URL, the review (or a
"not found" that says no more than that), and the head with the review's step bar.

A page's layout starts with `page = load_review(review_id, PERMISSION)`: None is the
"not found" answer (no such review, or not the user's); otherwise `page.allowed` says
whether the user holds the page's permission, checked on the server."""

from __future__ import annotations

from dataclasses import dataclass

from dash import dcc, html

from timeline.store import Actor
from timeline.store.errors import StoreError
from web.auth import current_actor
from web.nav import review_nav
from web.services import store


@dataclass(frozen=True)
class ReviewPage:
    """The review a page shows, for the signed-in user."""

    rid: int
    actor: Actor
    review: dict
    allowed: bool  # the permission the page asked for (True when it asked for none)


def review_id_of(value: object) -> int | None:
    """The review id from the URL's path variable; None when it is not a number."""
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def load_review(review_id: object, permission: str | None = None) -> ReviewPage | None:
    """The review named by the URL's path variable, read for the signed-in user, and
    whether they hold `permission` in it; None when it does not exist, is not theirs or
    nobody is signed in (one answer for all three, so nothing leaks)."""
    rid = review_id_of(review_id)
    if rid is None:
        return None
    try:
        actor = current_actor()
        review = store().reviews.get_review(actor, rid)
        allowed = permission is None or store().reviews.may(actor, rid, permission)
    except StoreError:
        return None
    return ReviewPage(rid, actor, review, allowed)


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
