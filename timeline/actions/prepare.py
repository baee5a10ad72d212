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
