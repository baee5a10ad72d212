"""Findings, agreed actions, the export audit and counts (`store.findings`).

A part of the store: it holds the store and runs in its transactions
(`Store._change`, `Store._read`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from . import audit
from .audit import jsonable, row_snapshot
from .auth import (
    BACKUP,
    EXPORT,
    FINDINGS,
    Actor,
    require,
)
from .base import (
    _finding_dict,
)
from .errors import InvalidInput, no_review
from .rows import ActionRow, FindingRow
from .schema import (
    ACTION_STATUSES,
    FINDING_KINDS,
    Action,
    Finding,
    Review,
    utcnow,
)

if TYPE_CHECKING:
    from .service import Store


class Findings:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add_finding(
        self,
        actor: Actor,
        review_id: int,
        title: str,
        text: str = "",
        *,
        kloe_ids: Iterable[int] = (),
        event_ids: Iterable[int] = (),
        episode_ids: Iterable[int] = (),
        kind: str = "",
    ) -> FindingRow:
        if kind not in FINDING_KINDS:
            raise InvalidInput(f"a finding's kind must be one of {', '.join(FINDING_KINDS[1:])}")
        with self._store._change(actor, review_id, FINDINGS, "write findings") as tx:
            s = tx.session
            now = utcnow()
            f = Finding(
                review_id=review_id,
                title=title,
                text=text,
                kind=kind,
                created_by=actor.user_id,
                created_at=now,
                updated_at=now,
                kloes=self._store._kloes_of(s, review_id, kloe_ids),
                events=self._store._events_of(s, review_id, event_ids),
                episodes=self._store._episodes_of(s, review_id, episode_ids),
            )
            s.add(f)
            s.flush()
            tx.audit("finding.add", "finding", f.id, None, _finding_dict(f))
            return FindingRow.of(f)

    def update_finding(
        self, actor: Actor, finding_id: int, expected_version: int, **fields: Any
    ) -> FindingRow:
        unknown = set(fields) - {"title", "text", "kind", "kloe_ids", "event_ids", "episode_ids"}
        if unknown:
            raise InvalidInput(f"cannot change {sorted(unknown)}")
        if "kind" in fields and fields["kind"] not in FINDING_KINDS:
            raise InvalidInput(f"a finding's kind must be one of {', '.join(FINDING_KINDS[1:])}")
        review_id = self._store._review_of(Finding, finding_id, versioned=True)
        with self._store._change(actor, review_id, FINDINGS, "write findings") as tx:
            s = tx.session
            f = self._store._current(s, Finding, finding_id, expected_version, FindingRow.of)
            before = _finding_dict(f)
            for key, value in fields.items():
                if key == "kloe_ids":
                    f.kloes = self._store._kloes_of(s, review_id, value)
                elif key == "event_ids":
                    f.events = self._store._events_of(s, review_id, value)
                elif key == "episode_ids":
                    f.episodes = self._store._episodes_of(s, review_id, value)
                else:
                    setattr(f, key, value)
            f.version += 1
            f.updated_at = utcnow()
            s.flush()
            tx.audit("finding.update", "finding", f.id, before, _finding_dict(f))
            return FindingRow.of(f)

    def delete_finding(self, actor: Actor, finding_id: int, expected_version: int) -> None:
        review_id = self._store._review_of(Finding, finding_id, versioned=True)
        with self._store._change(actor, review_id, FINDINGS, "write findings") as tx:
            f = self._store._current(
                tx.session, Finding, finding_id, expected_version, FindingRow.of
            )
            tx.audit("finding.delete", "finding", f.id, _finding_dict(f), None)
            tx.session.delete(f)

    def list_findings(self, actor: Actor, review_id: int) -> list[FindingRow]:
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            q = select(Finding).where(Finding.review_id == review_id).order_by(Finding.id)
            return [FindingRow.of(f) for f in s.scalars(q)]

    def add_action(
        self,
        actor: Actor,
        review_id: int,
        text: str,
        *,
        owner_subgroup: str = "",
        due_date: date | None = None,
        status: str = "open",
        finding_id: int | None = None,
        monitoring_notes: str = "",
    ) -> ActionRow:
        if status not in ACTION_STATUSES:
            raise InvalidInput(f"status must be one of {', '.join(ACTION_STATUSES)}")
        with self._store._change(actor, review_id, FINDINGS, "write actions") as tx:
            s = tx.session
            if finding_id is not None:
                f = s.get(Finding, finding_id)
                if f is None or f.review_id != review_id:
                    raise InvalidInput("a finding of another review, or no such finding")
            now = utcnow()
            a = Action(
                review_id=review_id,
                text=text,
                owner_subgroup=owner_subgroup,
                due_date=due_date,
                status=status,
                finding_id=finding_id,
                monitoring_notes=monitoring_notes,
                created_at=now,
                updated_at=now,
            )
            s.add(a)
            s.flush()
            tx.audit("action.add", "action", a.id, None, row_snapshot(a))
            return ActionRow.of(a)

    def update_action(
        self, actor: Actor, action_id: int, expected_version: int, **fields: Any
    ) -> ActionRow:
        unknown = set(fields) - {
            "text",
            "owner_subgroup",
            "due_date",
            "status",
            "finding_id",
            "monitoring_notes",
        }
        if unknown:
            raise InvalidInput(f"cannot change {sorted(unknown)}")
        if "status" in fields and fields["status"] not in ACTION_STATUSES:
            raise InvalidInput(f"status must be one of {', '.join(ACTION_STATUSES)}")
        review_id = self._store._review_of(Action, action_id, versioned=True)
        with self._store._change(actor, review_id, FINDINGS, "write actions") as tx:
            a = self._store._current(tx.session, Action, action_id, expected_version, ActionRow.of)
            if fields.get("finding_id") is not None:
                f = tx.session.get(Finding, fields["finding_id"])
                if f is None or f.review_id != review_id:
                    raise InvalidInput("a finding of another review, or no such finding")
            before = row_snapshot(a)
            for key, value in fields.items():
                setattr(a, key, value)
            a.version += 1
            a.updated_at = utcnow()
            tx.session.flush()
            tx.audit("action.update", "action", a.id, before, row_snapshot(a))
            return ActionRow.of(a)

    def delete_action(self, actor: Actor, action_id: int, expected_version: int) -> None:
        review_id = self._store._review_of(Action, action_id, versioned=True)
        with self._store._change(actor, review_id, FINDINGS, "write actions") as tx:
            a = self._store._current(tx.session, Action, action_id, expected_version, ActionRow.of)
            tx.audit("action.delete", "action", a.id, row_snapshot(a), None)
            tx.session.delete(a)

    def list_actions(self, actor: Actor, review_id: int) -> list[ActionRow]:
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            q = select(Action).where(Action.review_id == review_id).order_by(Action.id)
            return [ActionRow.of(a) for a in s.scalars(q)]

    def record_export(
        self, actor: Actor, review_id: int, what: str, details: dict[str, Any] | None = None
    ) -> None:
        """Exporters call this (in their own request) before handing out a file."""
        with self._store._change(actor, review_id, EXPORT, "export") as tx:
            tx.audit(f"export.{what}", "review", review_id, None, jsonable(details or {}))

    def audit_log(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        """The review's audit entries, oldest first (lead reviewer only)."""
        with self._store._read() as s:
            if s.get(Review, review_id) is None:
                raise no_review(actor, review_id)
            require(actor, self._store._role(s, actor, review_id), BACKUP, "read the audit log")
            return audit.entries(s, review_id)

    def count(self, model: type, review_id: int) -> int:
        """Row count of one table for a review (tests and diagnostics)."""
        with self._store._read() as s:
            return s.scalar(
                select(func.count()).select_from(model).where(model.review_id == review_id)
            )
