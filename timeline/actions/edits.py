"""Edits checked against the version a person started from (tag text, reflections).

A save names the version of the row the person began editing. If someone else saved in
between, nothing is written: the result is an `EditConflict` holding both texts and the
version now saved, and the person chooses (keep mine, take theirs, or merge by editing),
which is a new save against the version they have now seen. No Dash here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from timeline.store import Actor, Store
from timeline.store.errors import Conflict


@dataclass(frozen=True)
class EditSaved:
    row: dict[str, Any]  # the row as saved
    review_version: int


@dataclass(frozen=True)
class EditConflict:
    mine: str  # what the person typed (not saved)
    theirs: str | None  # the text saved meanwhile; None when the row was deleted
    theirs_version: int | None  # save against this to replace theirs deliberately
    message: str

    @property
    def deleted(self) -> bool:
        return self.theirs_version is None


EditResult = EditSaved | EditConflict
Choice = Literal["mine", "theirs", "merged"]


def _same_words(exc: Conflict, mine: str) -> bool:
    """The text saved meanwhile is the very text being saved (a double click, or a save
    repeated by the same page): nothing would be lost, so it is no conflict."""
    return exc.current is not None and (exc.current.get("text") or "") == mine


def conflict_message(what: str, deleted: bool) -> str:
    """What a person whose edit was stale is told, on every screen (the one writer of it):
    `what` names the thing edited ("tag", "finding", ...); `deleted` when it is gone."""
    if deleted:
        return f"Not saved: this {what} was deleted while you edited it."
    return (
        f"Not saved: someone changed this {what} while you edited it. Both texts are "
        "shown: keep yours, take theirs, or merge them and save."
    )


def _conflict(exc: Conflict, mine: str, what: str) -> EditConflict:
    current = exc.current
    if current is None:
        return EditConflict(mine, None, None, conflict_message(what, deleted=True))
    return EditConflict(
        mine,
        current.get("text") or "",
        int(current["version"]),
        conflict_message(what, deleted=False),
    )


def edit_tag_text(
    store: Store, actor: Actor, rid: int, annotation_id: int, base_version: int, text: str
) -> EditResult:
    """Save a tag's new text if it is still at `base_version` (the version the edit began
    from); otherwise an EditConflict and nothing saved."""
    try:
        row = store.annotations.update_annotation(actor, annotation_id, base_version, text=text)
    except Conflict as exc:
        if _same_words(exc, text):
            return EditSaved(exc.current, store.reviews.review_version(actor, rid))
        return _conflict(exc, text, "tag")
    return EditSaved(row, store.reviews.review_version(actor, rid))


def resolve_tag(
    store: Store,
    actor: Actor,
    rid: int,
    annotation_id: int,
    conflict_version: int | None,
    choice: Choice,
    text: str,
) -> EditResult | None:
    """The person's choice after a conflict: "theirs" saves nothing (None); "mine" and
    "merged" save `text` against the version shown in the conflict, so a third change
    meanwhile is a new conflict, never an overwrite. A deleted tag cannot be saved."""
    if choice == "theirs":
        return None
    if conflict_version is None:
        return EditConflict(text, None, None, "Not saved: this tag was deleted meanwhile.")
    return edit_tag_text(store, actor, rid, annotation_id, conflict_version, text)


def save_reflection(
    store: Store,
    actor: Actor,
    rid: int,
    event_id: int,
    text: str,
    base_version: int | None,
) -> EditResult:
    """The actor's reflection on an event, saved if it is still at `base_version` (None: the
    person began with no reflection saved). Two tabs or two devices of the same person each
    writing from what they last saw get a conflict, never a silent overwrite."""
    try:
        row = store.annotations.save_reflection(
            actor, event_id, text, expected_version=base_version
        )
    except Conflict as exc:
        if _same_words(exc, text):
            return EditSaved(exc.current, store.reviews.review_version(actor, rid))
        return _conflict(exc, text, "reflection")
    return EditSaved(row, store.reviews.review_version(actor, rid))
