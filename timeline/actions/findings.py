"""Findings-page actions: save a finding, an issue escalated or an action through an
explicit table of the store's functions (never a name built at run time).

A save is one store transaction (all its fields and links, or nothing) and its result says
which: `Saved` (the row as stored and the review's version after it) or `NotSaved` (an
edit begun from a version someone else has since replaced or deleted: nothing written, the
row as it is now and the app's one conflict message, from timeline.actions.edits)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from timeline.actions.edits import conflict_message
from timeline.store import Actor, Store
from timeline.store.errors import Conflict
from timeline.store.rows import ActionRow, EscalationRow, FindingRow

Row = FindingRow | EscalationRow | ActionRow
NOUN = {"finding": "finding", "escalation": "issue", "action": "action"}


@dataclass(frozen=True)
class Saved:
    row: Row  # as stored
    review_version: int  # the review's version after the save (the page redraws to it)


@dataclass(frozen=True)
class NotSaved:
    current: Row | None  # the row as it is now; None when it was deleted meanwhile
    message: str

    @property
    def deleted(self) -> bool:
        return self.current is None


SaveResult = Saved | NotSaved


@dataclass(frozen=True)
class Kind:
    add: Callable[..., Row]  # (store, actor, rid, fields) -> row
    update: Callable[..., Row]  # (store, actor, id, version, fields) -> row
    delete: Callable[..., None]  # (store, actor, id, version)


def headline(row: Row) -> str:
    """What a row is called in a message: a finding's title, else its text."""
    return getattr(row, "title", "") or row.text


def _add_finding(store: Store, actor: Actor, rid: int, fields: dict) -> FindingRow:
    fields = dict(fields)
    return store.findings.add_finding(actor, rid, fields.pop("title"), fields.pop("text"), **fields)


def _add_with_text(name: str) -> Callable[..., Row]:
    def add(store: Store, actor: Actor, rid: int, fields: dict) -> Row:
        fields = dict(fields)
        fn = {"escalation": store.escalations.add_escalation, "action": store.findings.add_action}[
            name
        ]
        return fn(actor, rid, fields.pop("text"), **fields)

    return add


KINDS: dict[str, Kind] = {
    "finding": Kind(
        _add_finding,
        lambda st, a, i, v, f: st.findings.update_finding(a, i, v, **f),
        lambda st, a, i, v: st.findings.delete_finding(a, i, v),
    ),
    "escalation": Kind(
        _add_with_text("escalation"),
        lambda st, a, i, v, f: st.escalations.update_escalation(a, i, v, **f),
        lambda st, a, i, v: st.escalations.delete_escalation(a, i, v),
    ),
    "action": Kind(
        _add_with_text("action"),
        lambda st, a, i, v, f: st.findings.update_action(a, i, v, **f),
        lambda st, a, i, v: st.findings.delete_action(a, i, v),
    ),
}


def save(
    store: Store,
    actor: Actor,
    rid: int,
    kind: str,
    obj_id: int | None,
    version: int | None,
    fields: dict[str, Any],
) -> Row:
    """Add (obj_id None) or update one row of `kind` (finding, escalation, action); a stale
    update raises Conflict. One store transaction: all the fields and links, or nothing."""
    k = KINDS[kind]
    if obj_id is None:
        return k.add(store, actor, rid, fields)
    return k.update(store, actor, obj_id, version, fields)


def submit(
    store: Store,
    actor: Actor,
    rid: int,
    kind: str,
    obj_id: int | None,
    version: int | None,
    fields: dict[str, Any],
) -> SaveResult:
    """`save`, its result said: `Saved`, or `NotSaved` when the row was changed or deleted
    since `version` (nothing written) unless it now holds exactly these fields (the same
    save repeated: nothing would be lost). Other refusals (role, invalid input) raise
    StoreError, nothing written."""
    try:
        row = save(store, actor, rid, kind, obj_id, version, fields)
    except Conflict as exc:
        current = exc.current
        if current is not None and _holds(current, fields):
            return Saved(current, store.reviews.review_version(actor, rid))
        return NotSaved(current, conflict_message(NOUN[kind], deleted=current is None))
    return Saved(row, store.reviews.review_version(actor, rid))


def _holds(row: Row, fields: dict[str, Any]) -> bool:
    """The stored row already says what `fields` say (lists of ids in any order)."""

    def norm(v: Any) -> Any:
        return tuple(sorted(v)) if isinstance(v, list | tuple) else v

    return all(norm(getattr(row, key, None)) == norm(value) for key, value in fields.items())


def rows(store: Store, actor: Actor, rid: int, kind: str) -> list[Row]:
    return {
        "finding": store.findings.list_findings,
        "escalation": store.escalations.list_escalations,
        "action": store.findings.list_actions,
    }[kind](actor, rid)


def delete(store: Store, actor: Actor, kind: str, obj_id: int, version: int) -> None:
    KINDS[kind].delete(store, actor, obj_id, version)
