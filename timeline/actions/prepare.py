"""Preparation actions: a reflection saved (one transaction: two tabs never make two) and
points to raise (annotations of their own kind)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from timeline.actions import edits as edits_actions
from timeline.store import Actor, Store
from timeline.workflow import POINT


@dataclass(frozen=True)
class Saved:
    saved: dict[str, str]  # "review:event" -> the text now saved
    version: int
    versions: dict[str, int | None] = field(default_factory=dict)  # key -> reflection version
    # key -> {"mine", "theirs", "theirs_v"}: saved elsewhere since this page began; not saved
    conflicts: dict[str, dict] = field(default_factory=dict)


def save_reflections(
    store: Store,
    actor: Actor,
    rid: int,
    edits: dict[str, str],
    saved: dict[str, str],
    versions: dict[str, int | None] | None = None,
    conflicts: dict[str, dict] | None = None,
) -> Saved:
    """Each edited reflection ("review:event" -> text) saved as the actor's reflection on
    that event; edits for another review are ignored.

    With `versions` (key -> the version this page last saw, None: it saw none) each save is
    checked against it: a reflection changed meanwhile in another tab or device is not
    overwritten but returned in `conflicts` with both texts; keys already in `conflicts`
    wait for the person's choice (resolve_reflection) and are not sent."""
    out = dict(saved or {})
    seen = dict(versions or {})
    waiting = dict(conflicts or {})
    for key, text in edits.items():
        krid, event_id = (int(x) for x in key.split(":"))
        if krid != rid:
            continue
        if key in waiting:  # held for the person's choice; what they type goes on showing
            # and so does the other side's latest save: taking theirs takes what is saved now
            waiting[key] = {
                **waiting[key],
                "mine": text,
                **_theirs_now(store, actor, rid, event_id),
            }
            continue
        if versions is None:
            row = store.annotations.save_reflection(actor, event_id, text)
        else:
            result = edits_actions.save_reflection(store, actor, rid, event_id, text, seen.get(key))
            if isinstance(result, edits_actions.EditConflict):
                waiting[key] = {
                    "mine": result.mine,
                    "theirs": result.theirs,
                    "theirs_v": result.theirs_version,
                }
                continue
            row = result.row
        out[key] = text
        seen[key] = row["version"]
    return Saved(out, store.reviews.review_version(actor, rid), seen, waiting)


def _theirs_now(store: Store, actor: Actor, rid: int, event_id: int) -> dict[str, Any]:
    """The actor's reflection on the event as saved now (another tab or device may have
    saved again since the conflict was found): its text and version, None when deleted."""
    rows = [
        a
        for a in store.annotations.list_annotations(actor, rid, event_id=event_id)
        if a["kind"] == "reflection" and a["author_id"] == actor.user_id
    ]
    mine = max(rows, key=lambda a: a["id"]) if rows else None
    return {
        "theirs": None if mine is None else mine["text"],
        "theirs_v": None if mine is None else mine["version"],
    }


@dataclass(frozen=True)
class Resolved:
    conflicts: dict[str, dict]
    versions: dict[str, int | None]
    saved: dict[str, str]
    local: dict[str, str]  # the browser's unsaved copies
    text: str | None  # the text for the box (None: leave it as it is)


def resolve_reflection(
    choice: str,
    key: str,
    conflicts: dict[str, dict],
    versions: dict[str, int | None],
    saved: dict[str, str],
    local: dict[str, str],
) -> Resolved:
    """The person's choice after a reflection conflict (no store access: the next autosave
    writes it). "mine": the text in the box is saved over theirs (to merge, edit the box
    first); "theirs": their text is taken and the unsaved copy dropped."""
    conflicts, versions = dict(conflicts or {}), dict(versions or {})
    saved, local = dict(saved or {}), dict(local or {})
    c = conflicts.pop(key, None)
    if c is None:
        return Resolved(conflicts, versions, saved, local, None)
    versions[key] = c.get("theirs_v")
    if choice != "theirs":
        return Resolved(conflicts, versions, saved, local, None)
    theirs = c.get("theirs") or ""
    if c.get("theirs_v") is None:
        saved.pop(key, None)
    else:
        saved[key] = theirs
    local.pop(key, None)
    return Resolved(conflicts, versions, saved, local, theirs)


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
