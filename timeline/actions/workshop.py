"""Workshop actions: the facilitator's move (its own row and counter, so nobody else's
screen redraws for it) and a tag on the event in view."""

from __future__ import annotations

from dataclasses import dataclass

from timeline.store import Actor, Store
from timeline.workflow import ANNOTATION_LABELS


@dataclass(frozen=True)
class Tagged:
    message: str
    version: int | None


def move(store: Store, actor: Actor, rid: int, step: dict, pos: dict) -> dict:
    """Save the facilitator's view (the step's period, label and episode, the event in
    view and the browser's move counter) for those who follow."""
    view = {k: step[k] for k in ("period", "label", "episode_id") if k in step}
    view["seq"] = pos.get("seq")
    if pos.get("event") is not None:
        view["event_id"] = pos["event"]
    return store.workshop.move(actor, rid, view)


def tag(
    store: Store, actor: Actor, rid: int, event_id: int | None, kind: str, kloe_id: int | None
) -> Tagged:
    if not event_id:
        return Tagged("Bring an event into view first (j).", None)
    store.annotations.add_annotation(actor, event_id, kind, "", [kloe_id] if kloe_id else [])
    return Tagged(
        f"Tagged: {ANNOTATION_LABELS.get(kind, kind)}.", store.reviews.review_version(actor, rid)
    )
