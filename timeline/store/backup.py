"""Backup and restore of one review as a JSON document.

The backup holds every row of the review (records, events, decisions, annotations, findings,
actions, escalations, the publication names list, audit trail...) with its own ids, and the
referenced accounts by email (never their password hashes). Restore puts the review back
with the same ids, in one transaction; it refuses when the review's id (or any of its rows'
ids) is taken in the target database. The audit entries of a deleted review are still in its
database (without the data copies, which deletion erases), so restoring there keeps them and
puts their data back.
Accounts are matched by email; missing ones are created without a password (set one with
`python -m timeline user password EMAIL`).
"""

from __future__ import annotations

import base64
import gzip
import json
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    LargeBinary,
    Table,
    Time,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from . import audit
from .auth import BACKUP, Actor, require
from .deletion import owned_tables
from .errors import InvalidInput, PermissionDenied, no_review
from .schema import Base, Review, User, utcnow
from .service import Store

FORMAT = "learning-review-backup"
FORMAT_VERSION = 1
USERS = Base.metadata.tables["users"]
AUDIT = Base.metadata.tables["audit_entries"]

# How each table's rows belong to a review: a review_id column, or a parent table.
_PARENT = {
    "event_members": ("event_id", "merged_events"),
    "annotation_kloes": ("annotation_id", "annotations"),
    "kpe_events": ("kpe_id", "key_practice_episodes"),
    "finding_kloes": ("finding_id", "findings"),
    "finding_events": ("finding_id", "findings"),
    "finding_episodes": ("finding_id", "findings"),
}


def _tables() -> list[Table]:
    """Review tables in insert order (parents first) and the audit trail; users are handled
    by email, and account-wide tables (sessions, sign-in failures) are no review's data."""
    owned = set(owned_tables())
    return [t for t in Base.metadata.sorted_tables if t in owned or t is AUDIT]


def _user_columns(table: Table) -> list[str]:
    return [
        c.name
        for c in table.columns
        if any(fk.column.table.name == "users" for fk in c.foreign_keys)
    ]


def _self_refs(table: Table) -> list[str]:
    return [c.name for c in table.columns if any(fk.column.table is table for fk in c.foreign_keys)]


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):  # an upload's content
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _decode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in row.items():
        col_type = table.c[k].type
        if v is not None and isinstance(col_type, DateTime):
            v = datetime.fromisoformat(v)
        elif v is not None and isinstance(col_type, Date):
            v = date.fromisoformat(v)
        elif v is not None and isinstance(col_type, Time):
            v = time.fromisoformat(v)
        elif v is not None and isinstance(col_type, LargeBinary):
            v = base64.b64decode(v)
        out[k] = v
    return out


def _select_rows(s: Session, table: Table, review_id: int, id_sets: dict[str, list[int]]):
    if "review_id" in table.c:
        q = select(table).where(table.c.review_id == review_id)
    elif table.name == "reviews":
        q = select(table).where(table.c.id == review_id)
    else:
        col, parent = _PARENT[table.name]
        q = select(table).where(table.c[col].in_(id_sets.get(parent, [])))
    order = [c for c in table.primary_key.columns]
    return [dict(r._mapping) for r in s.execute(q.order_by(*order))]


def dump_review(store: Store, actor: Actor, review_id: int) -> dict[str, Any]:
    """Every row of the review, JSON-safe, user ids replaced by emails: two dumps are equal
    exactly when the reviews are identical."""
    with store._read() as s:
        if s.get(Review, review_id) is None:
            raise no_review(actor, review_id)
        require(actor, store._role(s, actor, review_id), BACKUP, "back up the review")
        return _dump(s, review_id)


def _dump(s: Session, review_id: int) -> dict[str, Any]:
    emails = {a: b for a, b in s.execute(select(User.id, User.email))}
    tables: dict[str, list[dict[str, Any]]] = {}
    id_sets: dict[str, list[int]] = {}
    used: set[int] = set()
    for table in _tables():
        rows = _select_rows(s, table, review_id, id_sets)
        if "id" in table.c:
            id_sets[table.name] = [r["id"] for r in rows]
        ucols = _user_columns(table)
        for r in rows:
            for c in ucols:
                if r[c] is not None:
                    used.add(r[c])
                    r[c] = emails[r[c]]
        tables[table.name] = [{k: _encode(v) for k, v in r.items()} for r in rows]
    users = [
        {"email": u.email, "name": u.name, "is_active": u.is_active}
        for u in s.scalars(select(User).where(User.id.in_(used)).order_by(User.email))
    ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "review_id": review_id,
        "users": users,
        "tables": tables,
    }


def write_backup(store: Store, actor: Actor, review_id: int, path: str | Path) -> dict[str, int]:
    """Write the review to `path` (gzip when it ends in .gz) and audit the export."""
    with store._change(actor, review_id, BACKUP, "back up the review") as tx:
        # The entry goes in first so that the backup holds its own export entry: a restore
        # then gives back exactly the review as it was after the backup.
        tx.audit("export.backup", "review", review_id, None, {"file": Path(path).name})
        tx.session.flush()
        data = _dump(tx.session, review_id)
        counts = {name: len(rows) for name, rows in data["tables"].items()}
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(gzip.compress(payload) if path.suffix == ".gz" else payload)
    tmp.replace(path)
    return counts


def read_backup(path: str | Path) -> dict[str, Any]:
    raw = Path(path).read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    data = json.loads(raw)
    if data.get("format") != FORMAT or data.get("format_version") != FORMAT_VERSION:
        raise InvalidInput(f"{path} is not a review backup this version can read")
    return data


def _new_audit_rows(s: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The audit trail outlives a deleted review: entries already present (same id, same
    action and time) are kept as they are; a different entry under the same id is refused."""
    ids = [r["id"] for r in rows]
    present = {
        r.id: (r.action, r.at.isoformat())
        for r in s.execute(
            select(AUDIT.c.id, AUDIT.c.action, AUDIT.c.at).where(AUDIT.c.id.in_(ids))
        )
    }
    for r in rows:
        if r["id"] in present and present[r["id"]] != (r["action"], r["at"]):
            raise InvalidInput("this database holds a different audit trail under the same ids")
        if r["id"] in present:  # deleting the review erased the data copies: put them back
            s.execute(
                update(AUDIT)
                .where(AUDIT.c.id == r["id"])
                .values(before=r.get("before"), after=r.get("after"))
            )
    return [r for r in rows if r["id"] not in present]


def restore_review(store: Store, actor: Actor, path: str | Path) -> int:
    """Put a backed-up review back (local operator only); returns its id."""
    if not actor.is_operator:
        raise PermissionDenied("only the local operator restores a review")
    data = read_backup(path)
    review_id = int(data["review_id"])
    with store._write() as s:
        if s.get(Review, review_id) is not None:
            raise InvalidInput(f"review {review_id} already exists in this database")
        user_ids = {}
        for u in data["users"]:
            uid = s.scalar(select(User.id).where(User.email == u["email"]))
            if uid is None:
                uid = s.execute(
                    insert(USERS).values(
                        email=u["email"],
                        name=u["name"],
                        is_active=u["is_active"],
                        password_hash=None,
                        created_at=utcnow(),
                    )
                ).inserted_primary_key[0]
            user_ids[u["email"]] = uid
        try:
            for table in _tables():
                rows = data["tables"].get(table.name, [])
                if table is AUDIT:
                    rows = _new_audit_rows(s, rows)
                if not rows:
                    continue
                ucols, selfs = _user_columns(table), _self_refs(table)
                later = []
                values = []
                for r in rows:
                    r = _decode(table, r)
                    for c in ucols:
                        if r[c] is not None:
                            r[c] = user_ids[r[c]]
                    for c in selfs:
                        if r[c] is not None:
                            later.append((r["id"], c, r[c]))
                            r[c] = None
                    values.append(r)
                s.execute(insert(table), values)
                for row_id, col, value in later:
                    s.execute(update(table).where(table.c.id == row_id).values({col: value}))
        except IntegrityError as exc:
            raise InvalidInput(
                "some of this review's row ids are taken in this database; restore it into "
                "an empty database"
            ) from exc
        if s.get_bind().dialect.name == "postgresql":
            for table in _tables():
                if "id" in table.c and table.c.id.autoincrement is not False:
                    # Table names come from our own metadata, never from input.
                    sql = (
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "  # noqa: S608
                        f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}), false)"
                    )
                    s.execute(text(sql))
        s.execute(update(Review).where(Review.id == review_id).values(version=Review.version + 1))
        audit.record(
            s,
            actor,
            review_id,
            "review.restore",
            "review",
            review_id,
            None,
            {"file": Path(path).name},
        )
    return review_id
