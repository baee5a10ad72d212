"""Preparation actions: a reflection saved (one transaction: two tabs never make two) and
points to raise (annotations of their own kind)."""

from __future__ import annotations

from dataclasses import dataclass

from timeline.store import Actor, Store
from timeline.workflow import POINT


@dataclass(frozen=True)
class Saved:
    saved: dict[str, str]  # "review:event" -> the text now saved
    version: int


def save_reflections(
    store: Store, actor: Actor, rid: int, edits: dict[str, str], saved: dict[str, str]
) -> Saved:
    """Each edited reflection ("review:event" -> text) saved as the actor's reflection on
    that event; edits for another review are ignored."""
    out = dict(saved or {})
    for key, text in edits.items():
        krid, event_id = (int(x) for x in key.split(":"))
        if krid != rid:
            continue
        store.annotations.save_reflection(actor, event_id, text)
        out[key] = text
    return Saved(out, store.reviews.review_version(actor, rid))


@dataclass(frozen=True)
class PointResult:
    message: str
    version: int | None  # None: nothing changed
    clear: bool = False  # empty the text box


def add_point(store: Store, actor: Actor, rid: int, event_id: int | None, text: str):
    if not (text or "").strip():
        return PointResult("Write the point first.", None)
    if event_id is None or event_id < 0:
        return PointResult("Choose the entry the point is about first.", None)
    store.annotations.add_annotation(actor, event_id, POINT, text.strip())
    return PointResult(
        "Point saved: the facilitator will see it.", store.reviews.review_version(actor, rid), True
    )


def delete_point(store: Store, actor: Actor, rid: int, annotation_id: int, version: int):
    store.annotations.delete_annotation(actor, annotation_id, version)
    return PointResult("Point deleted.", store.reviews.review_version(actor, rid))


# ---------------------------------------------------------------- following the facilitator

NO_EVENT_YET = (
    "This entry is in no merged event yet, so it cannot take a reflection. The lead "
    "reviewer places it by running matching on the Set-up page."
)


def followed_event(view: dict | None, following: bool) -> int | None:
    """The event a participant's panel moves to when the facilitator moves: the event the
    facilitator has in view, while the participant follows; else None (stay put)."""
    if not following or not view:
        return None
    event_id = view.get("event_id")
    return int(event_id) if event_id is not None else None


def panel_note(selected: int | None, view: dict | None, following: bool) -> str:
    """What the event panel says above the event (or instead of it): where the event
    shown comes from, or what to do next when there is none."""
    label = (view or {}).get("label") or "the current step"
    if following and view and selected is not None and view.get("event_id") == selected:
        return f"The facilitator's event in view ({label})."
    if selected is not None and selected < 0:
        return NO_EVENT_YET
    if selected is not None:
        return ""
    if following and view is None:
        return (
            "The workshop has not started yet. When the facilitator brings an event into "
            "view it shows here; meanwhile choose one of your entries below."
        )
    if following:
        return (
            f"The facilitator is on {label} and has no event in view yet; it shows here "
            "when they bring one into view. Meanwhile choose one of your entries below."
        )
    return (
        "Choose one of your agency's entries below (or a mark on the timeline) to read "
        "what every agency wrote and add your reflection."
    )
