"""Findings-page actions: save a finding, an issue escalated or an action through an
explicit table of the store's functions (never a name built at run time)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from timeline.store import Actor, Store
from timeline.store.rows import ActionRow, EscalationRow, FindingRow

Row = FindingRow | EscalationRow | ActionRow


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
    """Add (obj_id None) or update one row of `kind` (finding, escalation, action)."""
    k = KINDS[kind]
    if obj_id is None:
        return k.add(store, actor, rid, fields)
    return k.update(store, actor, obj_id, version, fields)


def rows(store: Store, actor: Actor, rid: int, kind: str) -> list[Row]:
    return {
        "finding": store.findings.list_findings,
        "escalation": store.escalations.list_escalations,
        "action": store.findings.list_actions,
    }[kind](actor, rid)


def delete(store: Store, actor: Actor, kind: str, obj_id: int, version: int) -> None:
    KINDS[kind].delete(store, actor, obj_id, version)
