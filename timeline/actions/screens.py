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
            store.timeline_marks(actor, rid),
            store.event_tags(actor, rid),
            store.get_review(actor, rid),
            lane_order(a["name"] for a in store.list_agencies(actor, rid)),
            store.list_episodes(actor, rid),
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
            store.timeline_marks(actor, rid),
            store.event_tags(actor, rid),
            store.get_review(actor, rid),
            store.list_episodes(actor, rid),
            store.list_annotations(actor, rid),
            store.get_event(actor, event_id) if event_id else None,
        )


def findings_lists(store: Store, actor: Actor, rid: int) -> dict[str, Any]:
    """Everything the findings page's lists need (see pages/findings.py)."""
    with store.snapshot():
        return {
            "marks": store.timeline_marks(actor, rid),
            "kloes": store.list_kloes(actor, rid),
            "episodes": store.list_episodes(actor, rid),
            "findings": store.list_findings(actor, rid),
            "escalations": store.list_escalations(actor, rid),
            "actions": store.list_actions(actor, rid),
            "annotations": store.list_annotations(actor, rid),
            "can_edit": store.may(actor, rid, "findings"),
        }
