"""Deleting a review for good, and the date it is due for deletion.

The rows to delete are found from the SQLAlchemy metadata, not from a list: every table
with a foreign key to `reviews`, every table with a foreign key into those, and so on, is
the review's data (tables added later are covered without a change here). They are deleted
children first in one transaction. The audit trail stays, as who did what and when, but the
before/after copies of the review's data in it are erased; the deletion itself is audited
with counts only. Then the review's folders under the data folder (uploads, profiles,
anything named review-<id>) are removed.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Table, false, null, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from . import audit
from .auth import BACKUP, Actor, require
from .errors import InvalidInput, PermissionDenied, no_review
from .schema import AuditEntry, Base, Review

if TYPE_CHECKING:
    from .service import Store

REVIEWS = Review.__table__
AUDIT = AuditEntry.__table__


@dataclass(frozen=True)
class DeletionReport:
    review_id: int
    rows: dict[str, int]  # table -> rows deleted
    audit_entries_redacted: int
    folders_removed: tuple[str, ...]
    folders_left: tuple[str, ...]  # could not be removed (the error says why)


def owned_tables() -> list[Table]:
    """Tables holding a review's data, parents before children (reviews first)."""
    owned = {REVIEWS}
    grew = True
    while grew:
        grew = False
        for table in Base.metadata.tables.values():
            if table not in owned and any(fk.column.table in owned for fk in table.foreign_keys):
                owned.add(table)
                grew = True
    return [t for t in Base.metadata.sorted_tables if t in owned]


def _belongs(
    table: Table, review_id: int, owned: frozenset[Table], seen: frozenset[Table] = frozenset()
) -> ColumnElement[bool]:
    """SQL condition: this row references the review, directly or through its parents."""
    if table is REVIEWS:
        return REVIEWS.c.id == review_id
    parts = []
    for fk in table.foreign_keys:
        parent = fk.column.table
        if parent is table or parent in seen or parent not in owned:
            continue
        inner = select(fk.column).where(_belongs(parent, review_id, owned, seen | {table}))
        parts.append(fk.parent.in_(inner))
    return or_(*parts) if parts else false()


def review_folders(data_dir: Path, review_id: int) -> list[Path]:
    """Folders under the data folder (two levels deep) named for this review."""
    name = f"review-{int(review_id)}"
    if not data_dir.is_dir():
        return []
    found = [p for p in data_dir.glob(name) if p.is_dir()]
    found += [p for p in data_dir.glob(f"*/{name}") if p.is_dir()]
    return sorted(found)


class Deletion:
    def __init__(self, store: Store) -> None:
        self._store = store

    def delete_review(
        self, actor: Actor, review_id: int, confirmation: str, *, data_dir: Path | None = None
    ) -> DeletionReport:
        """Delete the review with everything in it. Only its lead (or the local operator),
        and only when `confirmation` is the review's title exactly as shown."""
        with self._store._write() as s:
            review = s.get(Review, review_id)
            if review is None:
                raise no_review(actor, review_id)
            require(actor, self._store._role(s, actor, review_id), BACKUP, "delete the review")
            if confirmation.strip() != review.title.strip():
                raise InvalidInput("type the review's title exactly to confirm the deletion")
            counts, redacted = self._purge(s, actor, review_id)
        removed, left = self._remove_folders(data_dir, review_id)
        return DeletionReport(review_id, counts, redacted, removed, left)

    def purge(self, actor: Actor, review_id: int, *, data_dir: Path | None = None) -> None:
        """The local operator's deletion without a typed confirmation (reloading the
        sample, the command line)."""
        if not actor.is_operator:
            raise PermissionDenied("only the local operator deletes a review without confirming")
        with self._store._write() as s:
            if s.get(Review, review_id) is None:
                raise no_review(actor, review_id)
            self._purge(s, actor, review_id)
        self._remove_folders(data_dir, review_id)

    @staticmethod
    def _purge(s: Session, actor: Actor, review_id: int) -> tuple[dict[str, int], int]:
        tables = owned_tables()
        owned = frozenset(tables)
        # Self-references (a file superseded by another) would block deleting the rows.
        for table in tables:
            for fk in table.foreign_keys:
                if fk.column.table is table and fk.parent.nullable:
                    s.execute(
                        update(table)
                        .where(_belongs(table, review_id, owned))
                        .values({fk.parent.name: None})
                    )
        rows: dict[str, int] = {}
        for table in reversed(tables):  # children first: their parents still exist
            rows[table.name] = s.execute(
                table.delete().where(_belongs(table, review_id, owned))
            ).rowcount
        # Plain review_id columns without a foreign key (the audit trail is kept).
        for table in Base.metadata.tables.values():
            if table in owned or table is AUDIT or "review_id" not in table.c:
                continue
            rows[table.name] = s.execute(
                table.delete().where(table.c.review_id == review_id)
            ).rowcount
        # The trail keeps who did what and when; the copies of the data in it go.
        redacted = s.execute(
            update(AUDIT).where(AUDIT.c.review_id == review_id).values(before=null(), after=null())
        ).rowcount
        counts = {k: v for k, v in rows.items() if v}
        facts = {"rows": counts, "audit_entries_redacted": redacted}
        audit.record(s, actor, review_id, "review.delete", "review", review_id, None, facts)
        return counts, redacted

    @staticmethod
    def _remove_folders(data_dir: Path | None, review_id: int) -> tuple[tuple, tuple]:
        removed, left = [], []
        for folder in review_folders(data_dir, review_id) if data_dir else []:
            try:
                shutil.rmtree(folder)
                removed.append(str(folder))
            except OSError as exc:
                left.append(f"{folder}: {exc}")
        return tuple(removed), tuple(left)

    def set_retention(self, actor: Actor, review_id: int, retain_until: date | None) -> None:
        """The lead sets (or clears) the date the review is due for deletion."""
        with self._store._change(actor, review_id, BACKUP, "set the retention date") as tx:
            review = tx.session.get(Review, review_id)
            before = {"retain_until": review.retain_until}
            review.retain_until = retain_until
            tx.audit(
                "review.retention", "review", review_id, before, {"retain_until": retain_until}
            )
