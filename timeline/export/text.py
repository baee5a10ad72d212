"""Dates and short texts as people read them in an export (`12 Mar 2021`, day first)."""

from __future__ import annotations

from datetime import date

from timeline.workflow import ANNOTATION_LABELS

from .data import PARTIAL_PRECISIONS, Annotation, Event, Record

_SEASONS = {3: "Spring", 6: "Summer", 9: "Autumn", 12: "Winter"}


def day(d: date | None) -> str:
    """`12 Mar 2021` (no leading zero), or '' for no date."""
    return f"{d.day} {d:%b %Y}" if d else ""


def record_date(r: Record) -> str:
    """The record's date at the precision it was written with."""
    if r.precision == "year":
        text = f"{r.date_start:%Y}"
        if r.date_end.year != r.date_start.year:
            text += f" – {r.date_end:%Y}"
    elif r.precision == "month":
        text = f"{r.date_start:%b %Y}"
        if (r.date_end.year, r.date_end.month) != (r.date_start.year, r.date_start.month):
            text += f" – {r.date_end:%b %Y}"
    elif r.precision == "week":
        text = f"w/c {day(r.date_start)}"
    elif r.precision == "season":
        season = _SEASONS.get(r.date_start.month)
        y = r.date_start.year
        if season == "Winter":
            text = f"Winter {y}/{(y + 1) % 100:02d}"
        elif season:
            text = f"{season} {y}"
        else:
            text = f"{r.date_start:%b %Y} – {r.date_end:%b %Y}"
    elif r.date_end != r.date_start:
        text = f"{day(r.date_start)} – {day(r.date_end)}"
    else:
        text = day(r.date_start)
    if r.approximate:
        text = "c. " + text
    return text


def precision_label(r: Record) -> str:
    """'' for an exact day; else what the date is (month, year, range, approximate)."""
    if r.approximate:
        return "approximate"
    if r.precision in PARTIAL_PRECISIONS:
        return r.precision
    if r.date_end != r.date_start:
        return "range"
    return ""


def time_text(r: Record) -> str:
    return r.time.strftime("%H:%M") if r.time else ""


def event_date(e: Event) -> str:
    return record_date(e.first)


def annotation_text(a: Annotation) -> str:
    """`Missed opportunity [KLOE 2]: text (author)`."""
    label = ANNOTATION_LABELS.get(a.kind, a.kind)
    if a.kloes:
        label += f" [KLOE {', '.join(a.kloes)}]"
    text = f"{label}: {a.text}" if a.text else label
    if a.author:
        text += f" ({a.author})"
    return text


def record_wording(r: Record, e: Event | None = None) -> str:
    """An agency's own entry for an event cell: its date if it differs from the event's,
    the wording, and the outcome on its own line."""
    parts = []
    if e is not None and (r.date_start, r.date_end) != (e.first.date_start, e.first.date_end):
        parts.append(f"(recorded {record_date(r)})")
    parts.append(r.description)
    text = " ".join(p for p in parts if p)
    if r.outcome:
        text += f"\nOutcome: {r.outcome}"
    return text


def short(text: str, limit: int = 160) -> str:
    """One line, at most `limit` characters (cut at a word)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"
