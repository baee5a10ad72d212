"""The audit trail: append-only entries written in the same transaction as the change.

This module only adds entries and reads them; nothing in the service layer edits or deletes
an audit entry.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from .auth import Actor
from .schema import AuditEntry, utcnow


def jsonable(value: Any) -> Any:
    """A JSON-safe copy: dates become ISO strings, tuples lists."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def row_snapshot(obj: Any, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """The column values of an ORM object, JSON-safe (for before/after)."""
    mapper = inspect(obj).mapper
    return {
        attr.key: jsonable(getattr(obj, attr.key))
        for attr in mapper.column_attrs
        if attr.key not in exclude
    }


def record(
    session: Session,
    actor: Actor,
    review_id: int | None,
    action: str,
    object_type: str,
    object_id: Any = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEntry(
            review_id=review_id,
            actor_user_id=actor.user_id,
            actor_label=actor.label,
            at=utcnow(),
            action=action,
            object_type=object_type,
            object_id="" if object_id is None else str(object_id),
            before=jsonable(before) if before is not None else None,
            after=jsonable(after) if after is not None else None,
        )
    )


def entries(session: Session, review_id: int | None) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(AuditEntry).where(AuditEntry.review_id == review_id).order_by(AuditEntry.id)
    )
    return [row_snapshot(r) for r in rows]
