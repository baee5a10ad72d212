"""The navigation bar inside a review: one link per step of the review process."""

from __future__ import annotations

from dash import dcc, html

# (path suffix, label): the order follows the review process.
STEPS = (
    ("/setup", "Set-up"),
    ("/queue", "Duplicates"),
    ("", "Timeline"),
    ("/prepare", "Preparation"),
    ("/workshop", "Workshop"),
    ("/findings", "Findings"),
)


def review_nav(review_id: int, active: str) -> html.Nav:
    """`active` is the label of the current page."""
    return html.Nav(
        [
            dcc.Link(
                label,
                href=f"/review/{review_id}{suffix}",
                className="active" if label == active else "",
            )
            for suffix, label in STEPS
        ],
        className="review-nav",
        **{"aria-label": "Review steps"},
    )
