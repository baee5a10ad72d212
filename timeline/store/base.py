"""The store's base: engine, sessions and transactions, role checks, and the helpers
every part shares (see service.py for the parts).

The service layer is the only code that talks to the review database.

Every function takes the acting user (`Actor`; the command line passes LOCAL_OPERATOR),
checks the actor's role in the review on the server, and returns plain dicts. Every change
runs in one write transaction that first bumps the review's version counter (which also
serialises writers of one review: a row lock on PostgreSQL, BEGIN IMMEDIATE on SQLite), then
checks, changes and writes its audit entry; a failure rolls all of it back.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Self

from sqlalchemy import Engine, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from . import audit
from .audit import row_snapshot
from .auth import (
    ANNOTATE,
    FINDINGS,
    IMPORT,
    MATCH,
    MODERATE,
    READ,
    WORKSHOP,
    Actor,
    hash_password,
    require,
)
from .engine import WRITE_OPTION, make_engine
from .errors import Conflict, InvalidInput, NotFound, no_review
from .migrate import upgrade
from .schema import (
    Annotation,
    Finding,
    KeyPracticeEpisode,
    Kloe,
    Membership,
    MergedEvent,
    Review,
    SourceRecord,
    User,
)

# ---------------------------------------------------------------------------- helpers


def parse_period(text: str) -> tuple[date, date]:
    """'2020-01-01:2021-06-30' -> (start, end)."""
    try:
        a, b = text.split(":")
        start, end = date.fromisoformat(a.strip()), date.fromisoformat(b.strip())
    except ValueError as exc:
        raise InvalidInput(f"a period is FROM:TO in ISO dates, got {text!r}") from exc
    if end < start:
        raise InvalidInput(f"the period ends before it starts: {text!r}")
    return start, end


def _columns(obj: Any) -> dict[str, Any]:
    """An ORM row's column values as they are: dates stay `date` objects (the audit trail
    makes its own JSON-safe copy)."""
    return {a.key: getattr(obj, a.key) for a in inspect(obj).mapper.column_attrs}


def _review_dict(r: Review, role: str | None = None) -> dict[str, Any]:
    d = _columns(r)
    d["role"] = role
    return d


def _record_dict(r: SourceRecord, agency: str, event_id: int | None = None) -> dict[str, Any]:
    return {
        "id": r.id,
        "record_id": r.record_id,
        "agency": agency,
        "agency_id": r.agency_id,
        "source_file_id": r.source_file_id,
        "status": r.status,
        "date_start": r.date_start,
        "date_end": r.date_end,
        "date_precision": r.date_precision,
        "date_approximate": r.date_approximate,
        "time": r.date_time,
        "date_alternative": (r.date_alt_start, r.date_alt_end) if r.date_alt_start else None,
        "date_note": r.date_note,
        "description": r.description,
        "outcome": r.outcome,
        "practitioner": r.practitioner,
        "source": r.source,
        "reference": r.reference,
        "significance": r.significance,
        "extra": r.extra,
        "provenance": {
            "file_name": r.prov_file_name,
            "file_sha256": r.prov_file_sha256,
            "sheet": r.prov_sheet,
            "row": r.prov_row,
            "raw": r.prov_raw,
            "continued_rows": list(r.prov_continued_rows or []),
        },
        "issues": r.issues,
        "event_id": event_id,
    }


def _annotation_dict(a: Annotation) -> dict[str, Any]:
    d = row_snapshot(a)
    d["kloe_ids"] = [k.id for k in a.kloes]
    return d


def _finding_dict(f: Finding) -> dict[str, Any]:
    d = row_snapshot(f)
    d["kloe_ids"] = [k.id for k in f.kloes]
    d["event_ids"] = [e.id for e in f.events]
    d["episode_ids"] = [k.id for k in f.episodes]
    return d


def _kpe_dict(k: KeyPracticeEpisode) -> dict[str, Any]:
    d = _columns(k)
    d["event_ids"] = [e.id for e in k.events]
    return d


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


# The counter each permission's changes move (see Store._change).
CHANGE_OF = {
    IMPORT: "records",
    MATCH: "records",
    ANNOTATE: "annotations",
    MODERATE: "annotations",
    WORKSHOP: "annotations",  # key practice episodes are drawn with the annotations
    FINDINGS: "findings",
}


@dataclass(frozen=True)
class Versions:
    """A review's change counters: `version` moves with every change but a workshop move."""

    version: int
    records: int
    annotations: int
    findings: int
    setup: int
    workshop: int


# The read session a snapshot() pins for the current thread (or task).
_SNAPSHOT: ContextVar[tuple[Any, Session] | None] = ContextVar("store_snapshot", default=None)


class _Retry(Exception):
    """Internal: the inputs changed under a long computation; roll back and redo it."""


@dataclass
class _Tx:
    session: Session
    actor: Actor
    review_id: int
    role: str | None

    def audit(self, action: str, object_type: str, object_id: Any = "", before=None, after=None):
        audit.record(
            self.session, self.actor, self.review_id, action, object_type, object_id, before, after
        )


class StoreBase:
    """Transactions and role checks over one database; `Store` composes the parts on it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read_sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @classmethod
    def open(
        cls, url: str | None = None, *, migrate: bool = True, search_path: str | None = None
    ) -> Self:
        """Open the database at `url` (default DATABASE_URL or data/review.db) and bring its
        schema up to date with Alembic."""
        engine = make_engine(url, search_path=search_path)
        if migrate:
            upgrade(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        pinned = _SNAPSHOT.get()
        if pinned is not None and pinned[0] is self:
            yield pinned[1]  # inside snapshot(): every read shares its transaction
            return
        with self._read_sessions() as s, s.begin():
            yield s

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read of this store inside the block runs in one read transaction, so a
        screen sees one consistent state of the review (REPEATABLE READ on PostgreSQL; a
        WAL read transaction on SQLite). Role checks still run for each read."""
        pinned = _SNAPSHOT.get()
        if pinned is not None and pinned[0] is self:
            yield
            return
        with self._read_sessions() as s:
            if self.engine.dialect.name == "postgresql":
                s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            token = _SNAPSHOT.set((self, s))
            try:
                yield
            finally:
                _SNAPSHOT.reset(token)
                s.rollback()

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self._write_sessions() as s, s.begin():
            yield s

    def _role(self, s: Session, actor: Actor, review_id: int) -> str | None:
        if actor.is_operator:
            return "lead"
        if actor.user_id is None:
            return None
        row = s.execute(
            select(Membership.role, User.is_active)
            .join(User, User.id == Membership.user_id)
            .where(Membership.review_id == review_id, Membership.user_id == actor.user_id)
        ).first()
        if row is None or not row.is_active:
            return None
        return row.role

    @contextmanager
    def _change(
        self, actor: Actor, review_id: int, permission: str, what: str, kind: str | None = None
    ) -> Iterator[_Tx]:
        """A write transaction on one review: bump (and lock) the review, then check the role.

        `kind` (CHANGE_KINDS, default from the permission) names the counter that moves with
        the overall `version`; a "workshop" move bumps only its own counter, so screens that
        do not follow the facilitator never redraw for it."""
        kind = kind or CHANGE_OF.get(permission, "setup")
        counter = getattr(Review, f"{kind}_version")
        values = {counter: counter + 1}
        if kind != "workshop":
            values[Review.version] = Review.version + 1
        with self._write() as s:
            bumped = s.execute(update(Review).where(Review.id == review_id).values(values)).rowcount
            if not bumped:
                raise no_review(actor, review_id)
            role = self._role(s, actor, review_id)
            require(actor, role, permission, what)
            yield _Tx(s, actor, review_id, role)

    def _check_read(self, s: Session, actor: Actor, review_id: int) -> str:
        if s.get(Review, review_id) is None:
            raise no_review(actor, review_id)
        role = self._role(s, actor, review_id)
        require(actor, role, READ, "read")
        return role or "lead"

    def _review_of(self, model: type, object_id: int, *, versioned: bool = False) -> int:
        """The review an object belongs to. For an edit of a versioned row that is gone, a
        Conflict (someone deleted it since it was read) rather than NotFound."""
        with self._read() as s:
            rid = s.scalar(select(model.review_id).where(model.id == object_id))
        if rid is None:
            name = model.__tablename__[:-1].replace("_", " ")
            if versioned:
                raise Conflict(f"this {name} no longer exists (deleted by someone else)", None)
            raise NotFound(f"no {name} {object_id}")
        return rid

    @staticmethod
    def _current(s: Session, model: type, obj_id: int, expected: int, as_dict: Callable) -> Any:
        """The row under the review lock; Conflict when it changed or went since read."""
        obj = s.get(model, obj_id, populate_existing=True)
        name = model.__tablename__[:-1].replace("_", " ")
        if obj is None:
            raise Conflict(f"this {name} was deleted by someone else", None)
        if obj.version != expected:
            raise Conflict(
                f"this {name} was changed by someone else (version {obj.version}, you had "
                f"{expected}); nothing was overwritten",
                as_dict(obj),
            )
        return obj

    def _kloes_of(self, s: Session, review_id: int, kloe_ids: Iterable[int]) -> list[Kloe]:
        ids = list(dict.fromkeys(int(k) for k in kloe_ids))
        if not ids:
            return []
        found = list(s.scalars(select(Kloe).where(Kloe.id.in_(ids), Kloe.review_id == review_id)))
        if len(found) != len(ids):
            raise InvalidInput("a KLOE of another review, or no such KLOE")
        return sorted(found, key=lambda k: k.id)

    def _events_of(self, s: Session, review_id: int, event_ids: Iterable[int]) -> list:
        ids = list(dict.fromkeys(int(e) for e in event_ids))
        if not ids:
            return []
        found = list(
            s.scalars(
                select(MergedEvent).where(
                    MergedEvent.id.in_(ids), MergedEvent.review_id == review_id
                )
            )
        )
        if len(found) != len(ids):
            raise InvalidInput("an event of another review, or no such event")
        return sorted(found, key=lambda e: e.id)

    def _episodes_of(self, s: Session, review_id: int, episode_ids: Iterable[int]) -> list:
        ids = list(dict.fromkeys(int(k) for k in episode_ids))
        if not ids:
            return []
        found = list(
            s.scalars(
                select(KeyPracticeEpisode).where(
                    KeyPracticeEpisode.id.in_(ids), KeyPracticeEpisode.review_id == review_id
                )
            )
        )
        if len(found) != len(ids):
            raise InvalidInput("a key practice episode of another review, or no such episode")
        return sorted(found, key=lambda k: k.id)
