"""What the findings page shows and sends: event labels, form values to store fields and
back, and the text of an edit conflict. Pure functions (no Dash, no store), so the rules are
tested without a browser; pages/findings.py only wires them to components.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ingest.validate import fmt
from timeline.view import Mark

FINDING_KIND_LABELS = {
    "good_practice": "Good practice",
    "area_for_improvement": "Area for improvement",
}
ACTION_STATUS_LABELS = {
    "open": "Open",
    "in_progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}

# The fields of each form, in order: (store field, component property, label).
FORMS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "finding": (
        ("title", "value", "Title"),
        ("text", "value", "Finding"),
        ("kind", "value", "Good practice or area for improvement"),
        ("kloe_ids", "value", "Key lines of enquiry"),
        ("event_ids", "value", "Events that evidence it"),
        ("episode_ids", "value", "Key practice episodes that evidence it"),
    ),
    "escalation": (
        ("text", "value", "Issue"),
        ("escalated_to", "value", "Escalated to"),
        ("escalated_on", "date", "When"),
        ("finding_id", "value", "Finding"),
    ),
    "action": (
        ("text", "value", "Action"),
        ("owner_subgroup", "value", "Owner subgroup"),
        ("due_date", "date", "Due date"),
        ("status", "value", "Status"),
        ("monitoring_notes", "value", "Monitoring notes"),
        ("finding_id", "value", "Finding"),
    ),
}
_LISTS = {"kloe_ids", "event_ids", "episode_ids"}
_DATES = {"escalated_on", "due_date"}
_REQUIRED = {"finding": "title", "escalation": "text", "action": "text"}
_DEFAULTS = {"status": "open", "kind": ""}


class FormError(ValueError):
    """The form cannot be saved as filled in (the message says what to fix)."""


@dataclass(frozen=True)
class EventSummary:
    event_id: int
    start: date
    agencies: tuple[str, ...]
    text: str
    others: str = ""  # the other agencies' wording: found by a search, not shown

    @property
    def label(self) -> str:
        """`12 Mar 2019 · Police, School: wording...` (for choosing and for evidence)."""
        return f"{fmt(self.start)} · {', '.join(self.agencies)}: {shorten(self.text, 90)}"


def shorten(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def event_summaries(marks: Iterable[Mark], lanes: Sequence[str]) -> dict[int, EventSummary]:
    """One summary per merged event (records not in any event are left out), its agencies
    in lane order and the wording of its first agency's record."""
    rank = {a: i for i, a in enumerate(lanes)}
    grouped: dict[int, list[Mark]] = {}
    for m in marks:
        if m.event_id > 0:
            grouped.setdefault(m.event_id, []).append(m)
    out = {}
    for eid, ms in grouped.items():
        ms.sort(key=lambda m: (rank.get(m.agency, len(rank)), m.start, m.pk))
        agencies = tuple(dict.fromkeys(m.agency for m in ms))
        others = " ".join(dict.fromkeys(m.text for m in ms[1:] if m.text))
        out[eid] = EventSummary(eid, min(m.start for m in ms), agencies, ms[0].text, others)
    return out


def event_options(summaries: Mapping[int, EventSummary]) -> list[dict[str, Any]]:
    """Dropdown options in date order. Typing finds an event by any agency's wording (a
    school's "Operation Encompass" notice merged into the police incident it reports),
    not only by the first agency's words in its label."""
    ordered = sorted(summaries.values(), key=lambda s: (s.start, s.event_id))
    return [
        {"label": s.label, "value": s.event_id, "search": f"{s.label} {s.others}".strip()}
        for s in ordered
    ]


def parse_day(value: Any) -> date | None:
    """A date picker's value ('2022-03-31', maybe with a time) as a date; None when empty."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise FormError(f"not a date: {value!r}") from exc


def form_to_fields(kind: str, values: Sequence[Any]) -> dict[str, Any]:
    """The form's values (in FORMS order) as the store's keyword fields."""
    spec = FORMS[kind]
    out: dict[str, Any] = {}
    for (name, _prop, label), value in zip(spec, values, strict=True):
        if name in _LISTS:
            out[name] = [int(v) for v in (value or [])]
        elif name in _DATES:
            out[name] = parse_day(value)
        elif name == "finding_id":
            out[name] = int(value) if value not in (None, "") else None
        elif name in _DEFAULTS:
            out[name] = value or _DEFAULTS[name]
        else:
            out[name] = (value or "").strip()
            if name == _REQUIRED[kind] and not out[name]:
                raise FormError(f"{label} cannot be empty")
    return out


def fields_to_form(kind: str, row: Any | None) -> list[Any]:
    """A stored row (a frozen row of timeline.store.rows, or None: an empty form) as the
    form's values in FORMS order."""
    values = []
    for name, _prop, _label in FORMS[kind]:
        value = getattr(row, name, None)
        if name in _LISTS:
            value = list(value or [])
        elif name in _DATES:
            value = value.isoformat() if value else None
        elif name in _DEFAULTS:
            value = value or _DEFAULTS[name]
        elif name != "finding_id":
            value = value or ""
        values.append(value)
    return values


def describe(kind: str, row: Any, names: Mapping[str, Mapping[Any, str]]) -> list:
    """(label, text) pairs of a stored row (a frozen row) as a reader sees it; `names` maps
    the ids of lists ("kloe_ids", "event_ids", "episode_ids", "finding_id") to their labels."""
    out = []
    for name, _prop, label in FORMS[kind]:
        value = getattr(row, name)
        if name in _LISTS:
            text = "; ".join(names.get(name, {}).get(v, f"#{v}") for v in value or [])
        elif name in _DATES:
            text = fmt(value) if value else ""
        elif name == "finding_id":
            text = names.get(name, {}).get(value, "") if value else ""
        elif name == "kind":
            text = FINDING_KIND_LABELS.get(value or "", "")
        elif name == "status":
            text = ACTION_STATUS_LABELS.get(value or "", value or "")
        else:
            text = value or ""
        out.append((label, text))
    return out
