"""Issues needing escalation or urgent action: what, to whom and when (`store.escalations`).

Written by those who write findings (the lead reviewer); every member reads them. Edits
are versioned like findings: a stale edit raises Conflict with the row as it is now.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from .audit import row_snapshot
from .auth import FINDINGS, Actor
from .errors import InvalidInput
from .rows import EscalationRow
from .schema import Escalation, Finding, utcnow

_FIELDS = {"text", "escalated_to", "escalated_on", "finding_id"}


def _check_finding(s: Any, review_id: int, finding_id: int | None) -> None:
    if finding_id is None:
        return
    f = s.get(Finding, finding_id)
    if f is None or f.review_id != review_id:
        raise InvalidInput("a finding of another review, or no such finding")


if TYPE_CHECKING:
    from .service import Store


class Escalations:
    """A part of the store (`store.escalations`)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add_escalation(
        self,
        actor: Actor,
        review_id: int,
        text: str,
        *,
        escalated_to: str = "",
        escalated_on: date | None = None,
        finding_id: int | None = None,
    ) -> EscalationRow:
        if not text.strip():
            raise InvalidInput("say what the issue is")
        with self._store._change(actor, review_id, FINDINGS, "record escalations") as tx:
            s = tx.session
            _check_finding(s, review_id, finding_id)
            now = utcnow()
            e = Escalation(
                review_id=review_id,
                text=text.strip(),
                escalated_to=escalated_to.strip(),
                escalated_on=escalated_on,
                finding_id=finding_id,
                created_at=now,
                updated_at=now,
                version=1,
            )
            s.add(e)
            s.flush()
            tx.audit("escalation.add", "escalation", e.id, None, row_snapshot(e))
            return EscalationRow.of(e)

    def update_escalation(
        self, actor: Actor, escalation_id: int, expected_version: int, **fields: Any
    ) -> EscalationRow:
        unknown = set(fields) - _FIELDS
        if unknown:
            raise InvalidInput(f"cannot change {sorted(unknown)}")
        if "text" in fields and not str(fields["text"] or "").strip():
            raise InvalidInput("say what the issue is")
        review_id = self._store._review_of(Escalation, escalation_id, versioned=True)
        with self._store._change(actor, review_id, FINDINGS, "record escalations") as tx:
            s = tx.session
            e = self._store._current(
                s, Escalation, escalation_id, expected_version, EscalationRow.of
            )
            if "finding_id" in fields:
                _check_finding(s, review_id, fields["finding_id"])
            before = row_snapshot(e)
            for key, value in fields.items():
                setattr(e, key, value.strip() if isinstance(value, str) else value)
            e.version += 1
            e.updated_at = utcnow()
            s.flush()
            tx.audit("escalation.update", "escalation", e.id, before, row_snapshot(e))
            return EscalationRow.of(e)

    def delete_escalation(self, actor: Actor, escalation_id: int, expected_version: int):
        review_id = self._store._review_of(Escalation, escalation_id, versioned=True)
        with self._store._change(actor, review_id, FINDINGS, "record escalations") as tx:
            e = self._store._current(
                tx.session, Escalation, escalation_id, expected_version, EscalationRow.of
            )
            tx.audit("escalation.delete", "escalation", e.id, row_snapshot(e), None)
            tx.session.delete(e)

    def list_escalations(self, actor: Actor, review_id: int) -> list[EscalationRow]:
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            q = select(Escalation).where(Escalation.review_id == review_id).order_by(Escalation.id)
            return [EscalationRow.of(e) for e in s.scalars(q)]
