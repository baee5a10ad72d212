"""Small form pieces shared by the pages: every control carries a label (WCAG 1.3.1, 4.1.2)."""

from __future__ import annotations

from dash import html


def labelled(text: str, control, *, hidden: bool = False, class_name: str = "field") -> html.Label:
    """`control` inside a <label> that names it. `hidden=True` keeps the name for screen
    readers only, for a control whose column header already says what it is."""
    caption = html.Span(text, className="visually-hidden" if hidden else "field-label")
    return html.Label([caption, control], className=class_name)
