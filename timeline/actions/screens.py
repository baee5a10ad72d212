"""Screen readers: what a screen draws, read in one transaction (`Store.snapshot`), so it
never shows a state of the review that did not exist (the marks of one moment with the tags
of the next)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from timeline.store import Actor, Store
from timeline.view import lane_order


@dataclass(frozen=True)
class TimelineScreen:
    marks: list  # timeline.view.Mark
    tags: dict
    review: dict
    lanes: list[str]
    episodes: list[dict]


def timeline(store: Store, actor: Actor, rid: int) -> TimelineScreen:
    with store.snapshot():
        return TimelineScreen(
            store.timeline.timeline_marks(actor, rid),
            store.timeline.event_tags(actor, rid),
            store.reviews.get_review(actor, rid),
            lane_order(a["name"] for a in store.records.list_agencies(actor, rid)),
            store.annotations.list_episodes(actor, rid),
        )


@dataclass(frozen=True)
class WorkshopScreen:
    marks: list
    tags: dict
    review: dict
    episodes: list[dict]
    annotations: list[dict]
    event: dict | None


def workshop(store: Store, actor: Actor, rid: int, event_id: int | None) -> WorkshopScreen:
    with store.snapshot():
        return WorkshopScreen(
            store.timeline.timeline_marks(actor, rid),
            store.timeline.event_tags(actor, rid),
            store.reviews.get_review(actor, rid),
            store.annotations.list_episodes(actor, rid),
            store.annotations.list_annotations(actor, rid),
            store.records.get_event(actor, event_id) if event_id else None,
        )


def findings_lists(store: Store, actor: Actor, rid: int) -> dict[str, Any]:
    """Everything the findings page's lists need (see pages/findings.py)."""
    with store.snapshot():
        return {
            "marks": store.timeline.timeline_marks(actor, rid),
            "kloes": store.reviews.list_kloes(actor, rid),
            "episodes": store.annotations.list_episodes(actor, rid),
            "findings": store.findings.list_findings(actor, rid),
            "escalations": store.escalations.list_escalations(actor, rid),
            "actions": store.findings.list_actions(actor, rid),
            "annotations": store.annotations.list_annotations(actor, rid),
            "can_edit": store.reviews.may(actor, rid, "findings"),
        }


@dataclass(frozen=True)
class Tagged:
    """A tag saved on the shared timeline, and what the tagger's screen shows next."""

    version: int  # the review's version after the tag
    x: Any  # where the tag marker goes (timeline.figures.tag_point)
    y: float
    event: dict  # the event panel's event, with the new tag
    kloes: list[dict]
    can_annotate: bool


def tag_event(
    store: Store,
    actor: Actor,
    rid: int,
    event_id: int,
    kind: str,
    text: str,
    kloe_ids: list[int],
) -> Tagged:
    """Save a tag (one write transaction), then read what the tagger's screen needs in
    one read transaction: the version, the marker's place and the event panel."""
    from timeline.figures import tag_point
    from timeline.store.auth import ANNOTATE

    store.annotations.add_annotation(actor, event_id, kind, text, kloe_ids)
    with store.snapshot():
        version = store.reviews.review_version(actor, rid)
        lanes = lane_order(a["name"] for a in store.records.list_agencies(actor, rid))
        x, y, _ = tag_point(store.timeline.event_marks(actor, event_id), lanes)
        event = store.records.get_event(actor, event_id)
        kloes = store.reviews.list_kloes(actor, rid)
        can = store.reviews.may(actor, rid, ANNOTATE)
    return Tagged(version, x, y, event, kloes, can)
