"""The service layer: the only code that talks to the review database.

Every function takes the acting user (`Actor`; the command line passes LOCAL_OPERATOR),
checks the actor's role in the review on the server, and returns plain dicts. Every change
runs in one write transaction that first bumps the review's version counter (which also
serialises writers of one review: a row lock on PostgreSQL, BEGIN IMMEDIATE on SQLite), then
checks, changes and writes its audit entry; a failure rolls all of it back.
"""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from . import audit, events
from .accounts import Accounts
from .audit import jsonable, row_snapshot
from .auth import (
    ANNOTATE,
    BACKUP,
    EXPORT,
    FINDINGS,
    IMPORT,
    KLOE,
    MATCH,
    MEMBERS,
    MODERATE,
    READ,
    WORKSHOP,
    Actor,
    hash_password,
    may,
    needs_rehash,
    require,
    verify_password,
)
from .decisions_extra import WorkflowStore
from .deletion import Deletion
from .engine import WRITE_OPTION, make_engine
from .errors import Conflict, InvalidInput, NotFound, PermissionDenied, no_review
from .escalations import EscalationsMixin
from .importing import agency_row, apply_import
from .migrate import upgrade
from .names import NamesMixin
from .schema import (
    ACTION_STATUSES,
    ANNOTATION_KINDS,
    DECISION_KINDS,
    FINDING_KINDS,
    ROLES,
    Action,
    Agency,
    Annotation,
    EventMember,
    Finding,
    KeyPracticeEpisode,
    Kloe,
    MatchDecision,
    MatchRun,
    Membership,
    MergedEvent,
    QuarantinedRow,
    Review,
    SourceFile,
    SourceRecord,
    User,
    utcnow,
)
from .sessions import Sessions
from .throttle import Throttle
from .timeline_queries import TimelineQueries

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


def read_kloe_csv(source: str | Path) -> list[dict[str, str]]:
    """KLOE from a CSV with the columns number,title,description (a path or the text)."""
    text = Path(source).read_text(encoding="utf-8-sig") if isinstance(source, Path) else source
    reader = csv.DictReader(io.StringIO(text))
    fields = {(f or "").strip().lower() for f in reader.fieldnames or []}
    if not {"number", "title"} <= fields:
        raise InvalidInput("a KLOE file needs the columns number,title,description")
    out = []
    for row in reader:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not row.get("number") and not row.get("title"):
            continue
        if not row.get("number") or not row.get("title"):
            raise InvalidInput(f"a KLOE row needs a number and a title: {row}")
        out.append(
            {
                "number": row["number"],
                "title": row["title"],
                "description": row.get("description", ""),
            }
        )
    numbers = [k["number"] for k in out]
    if len(set(numbers)) != len(numbers):
        raise InvalidInput("two KLOE share a number")
    return out


def _review_dict(r: Review, role: str | None = None) -> dict[str, Any]:
    d = row_snapshot(r)
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
    d = row_snapshot(k)
    d["event_ids"] = [e.id for e in k.events]
    return d


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


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


# ---------------------------------------------------------------------------- the store


class Store(TimelineQueries, NamesMixin, EscalationsMixin, WorkflowStore):
    """Service functions over one database. Thread-safe: it holds no mutable state beyond
    the engine's connection pool; open one per process."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read_sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )
        self.sessions = Sessions(self)
        self.throttle = Throttle(self)
        self.accounts = Accounts(self)
        self.deletion = Deletion(self)

    @classmethod
    def open(
        cls, url: str | None = None, *, migrate: bool = True, search_path: str | None = None
    ) -> Store:
        """Open the database at `url` (default DATABASE_URL or data/review.db) and bring its
        schema up to date with Alembic."""
        engine = make_engine(url, search_path=search_path)
        if migrate:
            upgrade(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- transactions --------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._read_sessions() as s, s.begin():
            yield s

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
    def _change(self, actor: Actor, review_id: int, permission: str, what: str) -> Iterator[_Tx]:
        """A write transaction on one review: bump (and lock) the review, then check the role."""
        with self._write() as s:
            bumped = s.execute(
                update(Review).where(Review.id == review_id).values(version=Review.version + 1)
            ).rowcount
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

    # -- users ------------------------------------------------------------------------

    def create_user(
        self, actor: Actor, email: str, name: str, password: str | None
    ) -> dict[str, Any]:
        """Only the local operator creates accounts. `password` None leaves the account
        unable to sign in until a password is set."""
        if not actor.is_operator:
            raise PermissionDenied("only the local operator (command line) creates accounts")
        email = email.strip().lower()
        if "@" not in email:
            raise InvalidInput(f"not an email address: {email!r}")
        pw_hash = (
            hash_password(password, user_inputs=(email, name)) if password is not None else None
        )
        try:
            with self._write() as s:
                if s.scalar(select(User.id).where(User.email == email)) is not None:
                    raise InvalidInput(f"a user {email} already exists")
                user = User(email=email, name=name.strip() or email, password_hash=pw_hash)
                s.add(user)
                s.flush()
                audit.record(
                    s,
                    actor,
                    None,
                    "user.create",
                    "user",
                    user.id,
                    None,
                    row_snapshot(user, exclude=("password_hash",)),
                )
                return row_snapshot(user, exclude=("password_hash",))
        except IntegrityError as exc:
            raise InvalidInput(f"a user {email} already exists") from exc

    def set_password(self, actor: Actor, email: str, password: str) -> None:
        """The local operator, or the user themself, sets a new password."""
        pw_hash = hash_password(password, user_inputs=(email,))
        with self._write() as s:
            user = s.scalar(select(User).where(User.email == email.strip().lower()))
            if user is None:
                raise NotFound(f"no user {email}")
            if not actor.is_operator and actor.user_id != user.id:
                raise PermissionDenied("only the user or the local operator may set a password")
            user.password_hash = pw_hash
            self.sessions.revoke_all_in(s, user.id, "password changed")
            audit.record(s, actor, None, "user.set_password", "user", user.id)

    def authenticate(self, email: str, password: str) -> dict[str, Any] | None:
        """The user dict when the password is right and the account active, else None."""
        with self._read() as s:
            user = s.scalar(select(User).where(User.email == email.strip().lower()))
            if user is None or not user.password_hash:
                verify_password(_dummy_hash(), password)  # same time whether or not it exists
                return None
            ok = user.is_active and verify_password(user.password_hash, password)
            if not ok:
                return None
            info = row_snapshot(user, exclude=("password_hash",))
            stale = needs_rehash(user.password_hash or "")
        if stale:
            with self._write() as s:
                s.get(User, info["id"]).password_hash = hash_password(password, check=False)
        return info

    def get_user(self, user_id: int | None = None, *, email: str | None = None) -> dict | None:
        with self._read() as s:
            if email is not None:
                user = s.scalar(select(User).where(User.email == email.strip().lower()))
            else:
                user = s.get(User, user_id)
            return None if user is None else row_snapshot(user, exclude=("password_hash",))

    def actor(self, user_id: int) -> Actor:
        """The Actor for a signed-in user id (refuses unknown or deactivated accounts)."""
        user = self.get_user(user_id)
        if user is None or not user["is_active"]:
            raise PermissionDenied("no such active account")
        return Actor.user(user["id"], user["email"])

    # -- reviews ----------------------------------------------------------------------

    def create_review(
        self,
        actor: Actor,
        title: str,
        *,
        period: tuple[date, date] | None = None,
        child_pseudonym: str = "",
        child_dob: date | None = None,
        kloes: Sequence[dict[str, str]] = (),
    ) -> int:
        """Any active user (who becomes its lead) or the local operator creates a review."""
        if not title.strip():
            raise InvalidInput("a review needs a title")
        if period and period[1] < period[0]:
            raise InvalidInput("the review period ends before it starts")
        with self._write() as s:
            if not actor.is_operator:
                user = s.get(User, actor.user_id) if actor.user_id else None
                if user is None or not user.is_active:
                    raise PermissionDenied("only a signed-in user may create a review")
            review = Review(
                title=title.strip(),
                child_pseudonym=child_pseudonym,
                child_dob=child_dob,
                period_start=period[0] if period else None,
                period_end=period[1] if period else None,
                created_by=actor.user_id,
                version=1,
            )
            s.add(review)
            s.flush()
            if actor.user_id is not None:
                s.add(Membership(review_id=review.id, user_id=actor.user_id, role="lead"))
            for k in kloes:
                s.add(
                    Kloe(
                        review_id=review.id,
                        number=k["number"],
                        title=k["title"],
                        description=k.get("description", ""),
                    )
                )
            s.flush()
            after = row_snapshot(review)
            after["kloes"] = [dict(k) for k in kloes]
            audit.record(s, actor, review.id, "review.create", "review", review.id, None, after)
            return review.id

    def list_reviews(self, actor: Actor) -> list[dict[str, Any]]:
        """The reviews the actor may see, with the actor's role in each."""
        with self._read() as s:
            if actor.is_operator:
                return [
                    _review_dict(r, "lead") for r in s.scalars(select(Review).order_by(Review.id))
                ]
            rows = s.execute(
                select(Review, Membership.role)
                .join(Membership, Membership.review_id == Review.id)
                .join(User, User.id == Membership.user_id)
                .where(Membership.user_id == actor.user_id, User.is_active.is_(True))
                .order_by(Review.id)
            ).all()
            return [_review_dict(r, role) for r, role in rows]

    def get_review(self, actor: Actor, review_id: int) -> dict[str, Any]:
        with self._read() as s:
            role = self._check_read(s, actor, review_id)
            return _review_dict(s.get(Review, review_id), role)

    def review_version(self, actor: Actor, review_id: int) -> int:
        """The review's version counter in one indexed query (browsers poll this)."""
        with self._read() as s:
            q = select(Review.version).where(Review.id == review_id)
            if not actor.is_operator:
                q = (
                    q.join(Membership, Membership.review_id == Review.id)
                    .join(User, User.id == Membership.user_id)
                    .where(Membership.user_id == actor.user_id, User.is_active.is_(True))
                )
            version = s.scalar(q)
        if version is None:
            raise PermissionDenied(f"{actor.label} may not read review {review_id}")
        return version

    def role_in(self, actor: Actor, review_id: int) -> str | None:
        with self._read() as s:
            return self._role(s, actor, review_id)

    def may(self, actor: Actor, review_id: int, permission: str) -> bool:
        """For the UI to decide what to show; the service functions check again."""
        return actor.is_operator or may(self.role_in(actor, review_id), permission)

    def update_review(self, actor: Actor, review_id: int, **fields: Any) -> dict[str, Any]:
        allowed = {"title", "child_pseudonym", "child_dob", "period_start", "period_end"}
        unknown = set(fields) - allowed
        if unknown:
            raise InvalidInput(f"cannot change {sorted(unknown)}")
        with self._change(actor, review_id, KLOE, "change the review's setup") as tx:
            review = tx.session.get(Review, review_id)
            before = row_snapshot(review)
            for k, v in fields.items():
                setattr(review, k, v)
            tx.session.flush()
            after = row_snapshot(review)
            tx.audit("review.update", "review", review_id, before, after)
            return _review_dict(review, tx.role)

    def delete_review(self, actor: Actor, review_id: int) -> None:
        """Local operator only (e.g. reloading the sample): `deletion.purge`, which finds
        the review's rows from the schema. The lead's deletion is `deletion.delete_review`."""
        self.deletion.purge(actor, review_id)

    # -- members -----------------------------------------------------------------------

    def add_member(
        self, actor: Actor, review_id: int, email: str, role: str, agency: str | None = None
    ) -> dict[str, Any]:
        """Add a user to the review, or change their role (and agency)."""
        if role not in ROLES:
            raise InvalidInput(f"role must be one of {', '.join(ROLES)}")
        with self._change(actor, review_id, MEMBERS, "manage members") as tx:
            s = tx.session
            user = s.scalar(select(User).where(User.email == email.strip().lower()))
            if user is None:
                raise NotFound(f"no user {email}; add the account first")
            agency_id = agency_row(s, review_id, agency).id if agency else None
            m = s.scalar(
                select(Membership).where(
                    Membership.review_id == review_id, Membership.user_id == user.id
                )
            )
            before = row_snapshot(m) if m else None
            if m is None:
                m = Membership(review_id=review_id, user_id=user.id)
                s.add(m)
            m.role, m.agency_id = role, agency_id
            s.flush()
            after = row_snapshot(m)
            tx.audit("member.set", "membership", m.id, before, after)
            return {**after, "email": user.email, "agency": agency}

    def remove_member(self, actor: Actor, review_id: int, email: str) -> None:
        with self._change(actor, review_id, MEMBERS, "manage members") as tx:
            s = tx.session
            m = s.scalar(
                select(Membership)
                .join(User, User.id == Membership.user_id)
                .where(Membership.review_id == review_id, User.email == email.strip().lower())
            )
            if m is None:
                raise NotFound(f"{email} is not a member of review {review_id}")
            tx.audit("member.remove", "membership", m.id, row_snapshot(m), None)
            s.delete(m)

    def list_members(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        with self._read() as s:
            self._check_read(s, actor, review_id)
            rows = s.execute(
                select(Membership, User.email, User.name, Agency.name)
                .join(User, User.id == Membership.user_id)
                .outerjoin(Agency, Agency.id == Membership.agency_id)
                .where(Membership.review_id == review_id)
                .order_by(User.email)
            ).all()
            return [{**row_snapshot(m), "email": e, "name": n, "agency": a} for m, e, n, a in rows]

    # -- KLOE --------------------------------------------------------------------------

    def list_kloes(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        with self._read() as s:
            self._check_read(s, actor, review_id)
            rows = s.scalars(select(Kloe).where(Kloe.review_id == review_id).order_by(Kloe.id))
            return [row_snapshot(k) for k in rows]

    def add_kloe(
        self, actor: Actor, review_id: int, number: str, title: str, description: str = ""
    ) -> dict[str, Any]:
        with self._change(actor, review_id, KLOE, "edit KLOE") as tx:
            exists = tx.session.scalar(
                select(Kloe.id).where(Kloe.review_id == review_id, Kloe.number == number)
            )
            if exists:
                raise InvalidInput(f"KLOE {number} already exists")
            k = Kloe(review_id=review_id, number=number, title=title, description=description)
            tx.session.add(k)
            tx.session.flush()
            tx.audit("kloe.add", "kloe", k.id, None, row_snapshot(k))
            return row_snapshot(k)

    def update_kloe(
        self, actor: Actor, kloe_id: int, expected_version: int, **fields: Any
    ) -> dict[str, Any]:
        unknown = set(fields) - {"number", "title", "description"}
        if unknown:
            raise InvalidInput(f"cannot change {sorted(unknown)}")
        review_id = self._review_of(Kloe, kloe_id, versioned=True)
        with self._change(actor, review_id, KLOE, "edit KLOE") as tx:
            k = self._current(tx.session, Kloe, kloe_id, expected_version, row_snapshot)
            before = row_snapshot(k)
            for key, value in fields.items():
                setattr(k, key, value)
            k.version += 1
            tx.session.flush()
            tx.audit("kloe.update", "kloe", k.id, before, row_snapshot(k))
            return row_snapshot(k)

    def delete_kloe(self, actor: Actor, kloe_id: int, expected_version: int) -> None:
        review_id = self._review_of(Kloe, kloe_id, versioned=True)
        with self._change(actor, review_id, KLOE, "edit KLOE") as tx:
            k = self._current(tx.session, Kloe, kloe_id, expected_version, row_snapshot)
            tx.audit("kloe.delete", "kloe", k.id, row_snapshot(k), None)
            tx.session.delete(k)

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

    # -- imports ----------------------------------------------------------------------

    def import_files(
        self,
        actor: Actor,
        review_id: int,
        paths: Sequence[str | Path],
        *,
        agencies: dict[str, str] | None = None,
        profile: Any = None,  # ingest.AgencyProfile
        display_names: dict[str, str] | None = None,
        progress: Callable[[int, dict[str, Any]], None] | None = None,
    ) -> list[dict[str, Any]]:
        """Read each file with the import pipeline, then store them all in one transaction.
        `agencies` maps a file's name (or path) to its agency; `display_names` maps a path to
        the name people know the file by (an upload saved under a temporary name)."""
        import ingest  # the pipeline (ingest/pipeline.py), imported when first needed

        agencies = agencies or {}
        review = self.get_review(actor, review_id)
        if not self.may(actor, review_id, IMPORT):
            raise PermissionDenied(f"a {review['role']} may not import files ({actor.label})")
        period = None
        if review["period_start"] and review["period_end"]:
            period = (
                date.fromisoformat(review["period_start"]),
                date.fromisoformat(review["period_end"]),
            )
        imports = []
        for p in paths:
            p = Path(p)
            name = (display_names or {}).get(str(p))
            agency = agencies.get(str(p)) or agencies.get(p.name) or agencies.get(name or "")
            imports.append(
                ingest.import_file(
                    p, agency=agency, profile=profile, period=period, display_name=name
                )
            )
        return self.import_results(actor, review_id, imports, progress=progress)

    def import_results(
        self,
        actor: Actor,
        review_id: int,
        imports: Sequence[Any],
        *,
        progress: Callable[[int, dict[str, Any]], None] | None = None,
    ) -> list[dict[str, Any]]:
        """Store already-read `FileImport`s: all files or none (one transaction)."""
        with self._change(actor, review_id, IMPORT, "import files") as tx:
            results = []
            for i, fi in enumerate(imports):
                res = apply_import(tx.session, actor, review_id, fi)
                results.append(res)
                tx.audit("import.file", "source_file", res.get("source_file_id"), None, res)
                if progress is not None:
                    progress(i, res)
            created = events.ensure_singletons(tx.session, review_id)
            for res in results:
                res["new_events"] = created
            return results

    def list_source_files(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        with self._read() as s:
            self._check_read(s, actor, review_id)
            rows = s.execute(
                select(SourceFile, Agency.name)
                .join(Agency, Agency.id == SourceFile.agency_id)
                .where(SourceFile.review_id == review_id)
                .order_by(SourceFile.id)
            ).all()
            return [{**row_snapshot(f), "agency": a} for f, a in rows]

    def list_agencies(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        with self._read() as s:
            self._check_read(s, actor, review_id)
            rows = s.scalars(
                select(Agency).where(Agency.review_id == review_id).order_by(Agency.id)
            )
            return [row_snapshot(a) for a in rows]

    # -- records and events -------------------------------------------------------------

    def list_records(
        self, actor: Actor, review_id: int, *, include_withdrawn: bool = False
    ) -> list[dict[str, Any]]:
        """Source records of the review (date values are `date` objects), each with the id
        of the merged event it belongs to."""
        with self._read() as s:
            self._check_read(s, actor, review_id)
            q = (
                select(SourceRecord, Agency.name, EventMember.event_id)
                .join(Agency, Agency.id == SourceRecord.agency_id)
                .outerjoin(EventMember, EventMember.record_pk == SourceRecord.id)
                .where(SourceRecord.review_id == review_id)
                .order_by(SourceRecord.date_start, SourceRecord.id)
            )
            if not include_withdrawn:
                q = q.where(SourceRecord.status != "withdrawn")
            return [_record_dict(r, a, ev) for r, a, ev in s.execute(q).all()]

    def list_quarantined(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        """Quarantined rows of the current (not superseded) files."""
        with self._read() as s:
            self._check_read(s, actor, review_id)
            rows = s.execute(
                select(QuarantinedRow, Agency.name)
                .join(Agency, Agency.id == QuarantinedRow.agency_id)
                .join(SourceFile, SourceFile.id == QuarantinedRow.source_file_id)
                .where(QuarantinedRow.review_id == review_id, SourceFile.superseded_by.is_(None))
                .order_by(QuarantinedRow.id)
            ).all()
            return [{**row_snapshot(q), "agency": a} for q, a in rows]

    def list_events(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        """Merged events with their members' stable record ids and database ids."""
        with self._read() as s:
            self._check_read(s, actor, review_id)
            members: dict[int, list[tuple[int, str]]] = {}
            for ev, pk, rid in s.execute(
                select(EventMember.event_id, SourceRecord.id, SourceRecord.record_id)
                .join(SourceRecord, SourceRecord.id == EventMember.record_pk)
                .where(SourceRecord.review_id == review_id)
                .order_by(SourceRecord.id)
            ).all():
                members.setdefault(ev, []).append((pk, rid))
            out = []
            for e in s.scalars(
                select(MergedEvent)
                .where(MergedEvent.review_id == review_id)
                .order_by(MergedEvent.id)
            ):
                d = row_snapshot(e)
                m = members.get(e.id, [])
                d["record_pks"] = [pk for pk, _ in m]
                d["record_ids"] = [rid for _, rid in m]
                out.append(d)
            return out

    def get_event(self, actor: Actor, event_id: int) -> dict[str, Any]:
        """One merged event with its member records and its annotations (the event panel)."""
        review_id = self._review_of(MergedEvent, event_id)
        with self._read() as s:
            self._check_read(s, actor, review_id)
            e = s.get(MergedEvent, event_id)
            d = row_snapshot(e)
            rows = s.execute(
                select(SourceRecord, Agency.name)
                .join(EventMember, EventMember.record_pk == SourceRecord.id)
                .join(Agency, Agency.id == SourceRecord.agency_id)
                .where(EventMember.event_id == event_id)
                .order_by(Agency.name, SourceRecord.id)
            ).all()
            d["records"] = [_record_dict(r, a, event_id) for r, a in rows]
            anns = s.scalars(
                select(Annotation).where(Annotation.event_id == event_id).order_by(Annotation.id)
            )
            d["annotations"] = [_annotation_dict(a) for a in anns]
            return d

    def record_decision(
        self, actor: Actor, review_id: int, kind: str, record_ids: Sequence[str], note: str = ""
    ) -> dict[str, Any]:
        """A reviewer's match decision; the stored events follow it at once, and matching
        receives it as a constraint every time it runs."""
        if kind not in DECISION_KINDS:
            raise InvalidInput(f"decision kind must be one of {', '.join(DECISION_KINDS)}")
        ids = list(dict.fromkeys(str(r) for r in record_ids))
        if kind == "remove" and len(ids) != 1:
            raise InvalidInput("a 'remove' decision names exactly one record")
        if kind != "remove" and len(ids) < 2:
            raise InvalidInput(f"a '{kind}' decision names two or more records")
        with self._change(actor, review_id, MATCH, "decide merges") as tx:
            events.apply_decision(tx.session, review_id, kind, ids)
            d = MatchDecision(
                review_id=review_id,
                kind=kind,
                record_ids=ids,
                note=note,
                decided_by=actor.user_id,
                decided_by_label=actor.label,
                decided_at=utcnow(),
            )
            tx.session.add(d)
            tx.session.flush()
            tx.audit("match.decide", "match_decision", d.id, None, row_snapshot(d))
            return row_snapshot(d)

    def list_decisions(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        with self._read() as s:
            self._check_read(s, actor, review_id)
            rows = s.scalars(
                select(MatchDecision)
                .where(MatchDecision.review_id == review_id)
                .order_by(MatchDecision.id)
            )
            return [row_snapshot(d) for d in rows]

    def store_match_result(self, actor: Actor, review_id: int, merged: Iterable[Any]) -> dict:
        """Save a matcher's events (objects with merged_id, record_ids, confidence, evidence)."""
        merged = list(merged)
        with self._change(actor, review_id, MATCH, "run matching") as tx:
            counts = events.store_events(tx.session, review_id, merged)
            tx.audit("match.store", "review", review_id, None, counts)
            return counts

    def run_matching(self, actor: Actor, review_id: int, *, config: Any = None) -> dict:
        """Match the review's active records (timeline.matching, imported when first used),
        honouring every recorded decision, and store the events and the review queue.

        The matcher runs outside the write transaction; if a decision or an import lands
        meanwhile, it runs again so that a stale result never undoes a decision."""
        from timeline.matching import MatchDecision as Decision
        from timeline.matching import match_records

        for _attempt in range(5):
            with self._read() as s:
                if s.get(Review, review_id) is None:
                    raise no_review(actor, review_id)
                require(actor, self._role(s, actor, review_id), MATCH, "run matching")
                stamp = self._matching_inputs_stamp(s, review_id)
                records = events.active_source_records(s, review_id)
                known = {r.record_id for r in records}
                decisions = []
                for d in s.scalars(
                    select(MatchDecision)
                    .where(MatchDecision.review_id == review_id)
                    .order_by(MatchDecision.id)
                ):
                    ids = tuple(r for r in d.record_ids if r in known)
                    if len(ids) >= (1 if d.kind == "remove" else 2):
                        decisions.append(Decision(d.kind, ids))
            kwargs = {"decisions": decisions}
            if config is not None:
                kwargs["config"] = config
            result = match_records(records, **kwargs)
            try:
                with self._change(actor, review_id, MATCH, "run matching") as tx:
                    if self._matching_inputs_stamp(tx.session, review_id) != stamp:
                        raise _Retry  # rolls back the version bump too
                    counts = events.store_events(tx.session, review_id, result.events)
                    counts["records"] = len(records)
                    counts["decisions"] = len(decisions)
                    tx.session.add(
                        MatchRun(
                            review_id=review_id,
                            run_by=actor.user_id,
                            run_by_label=actor.label,
                            summary=counts,
                            queue=events.to_json(getattr(result, "queue", [])),
                        )
                    )
                    tx.audit("match.run", "review", review_id, None, counts)
                    return counts
            except _Retry:
                continue
        raise Conflict("the review kept changing while matching ran; run it again", None)

    @staticmethod
    def _matching_inputs_stamp(s: Session, review_id: int) -> tuple:
        """Changes when a decision is recorded or a file imported."""
        return (
            s.scalar(
                select(func.max(MatchDecision.id)).where(MatchDecision.review_id == review_id)
            ),
            s.scalar(select(func.max(SourceFile.id)).where(SourceFile.review_id == review_id)),
        )

    def match_queue(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        """The review queue left by the latest matching run (most useful decision first)."""
        with self._read() as s:
            self._check_read(s, actor, review_id)
            run = s.scalar(
                select(MatchRun)
                .where(MatchRun.review_id == review_id)
                .order_by(MatchRun.id.desc())
                .limit(1)
            )
            return [] if run is None else list(run.queue)

    # -- annotations ----------------------------------------------------------------------

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

    def add_annotation(
        self,
        actor: Actor,
        event_id: int,
        kind: str,
        text: str = "",
        kloe_ids: Iterable[int] = (),
    ) -> dict[str, Any]:
        if kind not in ANNOTATION_KINDS:
            raise InvalidInput(f"annotation kind must be one of {', '.join(ANNOTATION_KINDS)}")
        review_id = self._review_of(MergedEvent, event_id)
        with self._change(actor, review_id, ANNOTATE, "annotate") as tx:
            s = tx.session
            if s.get(MergedEvent, event_id) is None:
                raise Conflict("this event was replaced while you wrote; choose it again", None)
            anchors = list(
                s.scalars(
                    select(SourceRecord.record_id)
                    .join(EventMember, EventMember.record_pk == SourceRecord.id)
                    .where(EventMember.event_id == event_id)
                    .order_by(SourceRecord.record_id)
                )
            )
            now = utcnow()
            a = Annotation(
                review_id=review_id,
                event_id=event_id,
                anchor_record_ids=anchors,
                kind=kind,
                text=text,
                author_id=actor.user_id,
                author_label=actor.label,
                created_at=now,
                updated_at=now,
                updated_by=actor.user_id,
                version=1,
                kloes=self._kloes_of(s, review_id, kloe_ids),
            )
            s.add(a)
            s.flush()
            tx.audit("annotation.add", "annotation", a.id, None, _annotation_dict(a))
            return _annotation_dict(a)

    def _may_touch(self, tx: _Tx, a: Annotation) -> None:
        if tx.actor.is_operator or may(tx.role, MODERATE):
            return
        if a.author_id is not None and a.author_id == tx.actor.user_id:
            return
        raise PermissionDenied(f"a {tx.role} may change only their own annotations")

    def update_annotation(
        self,
        actor: Actor,
        annotation_id: int,
        expected_version: int,
        *,
        kind: str | None = None,
        text: str | None = None,
        kloe_ids: Iterable[int] | None = None,
    ) -> dict[str, Any]:
        """Change an annotation read at `expected_version`; Conflict (with the current row)
        when someone changed or deleted it since."""
        if kind is not None and kind not in ANNOTATION_KINDS:
            raise InvalidInput(f"annotation kind must be one of {', '.join(ANNOTATION_KINDS)}")
        review_id = self._review_of(Annotation, annotation_id, versioned=True)
        with self._change(actor, review_id, ANNOTATE, "annotate") as tx:
            a = self._current(
                tx.session, Annotation, annotation_id, expected_version, _annotation_dict
            )
            self._may_touch(tx, a)
            before = _annotation_dict(a)
            if kind is not None:
                a.kind = kind
            if text is not None:
                a.text = text
            if kloe_ids is not None:
                a.kloes = self._kloes_of(tx.session, review_id, kloe_ids)
            a.version += 1
            a.updated_at = utcnow()
            a.updated_by = actor.user_id
            tx.session.flush()
            after = _annotation_dict(a)
            tx.audit("annotation.update", "annotation", a.id, before, after)
            return after

    def delete_annotation(self, actor: Actor, annotation_id: int, expected_version: int) -> None:
        review_id = self._review_of(Annotation, annotation_id, versioned=True)
        with self._change(actor, review_id, ANNOTATE, "annotate") as tx:
            a = self._current(
                tx.session, Annotation, annotation_id, expected_version, _annotation_dict
            )
            self._may_touch(tx, a)
            tx.audit("annotation.delete", "annotation", a.id, _annotation_dict(a), None)
            tx.session.delete(a)

    def get_annotation(self, actor: Actor, annotation_id: int) -> dict[str, Any]:
        review_id = self._review_of(Annotation, annotation_id)
        with self._read() as s:
            self._check_read(s, actor, review_id)
            a = s.get(Annotation, annotation_id)
            if a is None:
                raise NotFound(f"no annotation {annotation_id}")
            return _annotation_dict(a)

    def list_annotations(
        self, actor: Actor, review_id: int, *, event_id: int | None = None
    ) -> list[dict[str, Any]]:
        """Annotations of the review (or of one event); `event_id` None in a row means
        re-matching left none of its records in any event."""
        with self._read() as s:
            self._check_read(s, actor, review_id)
            q = select(Annotation).where(Annotation.review_id == review_id)
            if event_id is not None:
                q = q.where(Annotation.event_id == event_id)
            return [_annotation_dict(a) for a in s.scalars(q.order_by(Annotation.id))]

    def annotations_by_event(self, actor: Actor, review_id: int) -> dict[int | None, list[dict]]:
        out: dict[int | None, list[dict]] = {}
        for a in self.list_annotations(actor, review_id):
            out.setdefault(a["event_id"], []).append(a)
        return out

    # -- key practice episodes ---------------------------------------------------------------

    def add_episode(
        self,
        actor: Actor,
        review_id: int,
        title: str,
        *,
        description: str = "",
        date_start: date | None = None,
        date_end: date | None = None,
        event_ids: Iterable[int] = (),
    ) -> dict[str, Any]:
        with self._change(actor, review_id, WORKSHOP, "edit key practice episodes") as tx:
            k = KeyPracticeEpisode(
                review_id=review_id,
                title=title,
                description=description,
                date_start=date_start,
                date_end=date_end,
                events=self._events_of(tx.session, review_id, event_ids),
            )
            tx.session.add(k)
            tx.session.flush()
            tx.audit("episode.add", "key_practice_episode", k.id, None, _kpe_dict(k))
            return _kpe_dict(k)

    def update_episode(
        self, actor: Actor, episode_id: int, expected_version: int, **fields: Any
    ) -> dict[str, Any]:
        unknown = set(fields) - {"title", "description", "date_start", "date_end", "event_ids"}
        if unknown:
            raise InvalidInput(f"cannot change {sorted(unknown)}")
        review_id = self._review_of(KeyPracticeEpisode, episode_id, versioned=True)
        with self._change(actor, review_id, WORKSHOP, "edit key practice episodes") as tx:
            k = self._current(
                tx.session, KeyPracticeEpisode, episode_id, expected_version, _kpe_dict
            )
            before = _kpe_dict(k)
            for key, value in fields.items():
                if key == "event_ids":
                    k.events = self._events_of(tx.session, review_id, value)
                else:
                    setattr(k, key, value)
            k.version += 1
            tx.session.flush()
            tx.audit("episode.update", "key_practice_episode", k.id, before, _kpe_dict(k))
            return _kpe_dict(k)

    def delete_episode(self, actor: Actor, episode_id: int, expected_version: int) -> None:
        review_id = self._review_of(KeyPracticeEpisode, episode_id, versioned=True)
        with self._change(actor, review_id, WORKSHOP, "edit key practice episodes") as tx:
            k = self._current(
                tx.session, KeyPracticeEpisode, episode_id, expected_version, _kpe_dict
            )
            tx.audit("episode.delete", "key_practice_episode", k.id, _kpe_dict(k), None)
            tx.session.delete(k)

    def list_episodes(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        with self._read() as s:
            self._check_read(s, actor, review_id)
            q = select(KeyPracticeEpisode).where(KeyPracticeEpisode.review_id == review_id)
            return [_kpe_dict(k) for k in s.scalars(q.order_by(KeyPracticeEpisode.id))]

    # -- findings and actions ----------------------------------------------------------------

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
    ) -> dict[str, Any]:
        if kind not in FINDING_KINDS:
            raise InvalidInput(f"a finding's kind must be one of {', '.join(FINDING_KINDS[1:])}")
        with self._change(actor, review_id, FINDINGS, "write findings") as tx:
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
                kloes=self._kloes_of(s, review_id, kloe_ids),
                events=self._events_of(s, review_id, event_ids),
                episodes=self._episodes_of(s, review_id, episode_ids),
            )
            s.add(f)
            s.flush()
            tx.audit("finding.add", "finding", f.id, None, _finding_dict(f))
            return _finding_dict(f)

    def update_finding(
        self, actor: Actor, finding_id: int, expected_version: int, **fields: Any
    ) -> dict[str, Any]:
        unknown = set(fields) - {"title", "text", "kind", "kloe_ids", "event_ids", "episode_ids"}
        if unknown:
            raise InvalidInput(f"cannot change {sorted(unknown)}")
        if "kind" in fields and fields["kind"] not in FINDING_KINDS:
            raise InvalidInput(f"a finding's kind must be one of {', '.join(FINDING_KINDS[1:])}")
        review_id = self._review_of(Finding, finding_id, versioned=True)
        with self._change(actor, review_id, FINDINGS, "write findings") as tx:
            s = tx.session
            f = self._current(s, Finding, finding_id, expected_version, _finding_dict)
            before = _finding_dict(f)
            for key, value in fields.items():
                if key == "kloe_ids":
                    f.kloes = self._kloes_of(s, review_id, value)
                elif key == "event_ids":
                    f.events = self._events_of(s, review_id, value)
                elif key == "episode_ids":
                    f.episodes = self._episodes_of(s, review_id, value)
                else:
                    setattr(f, key, value)
            f.version += 1
            f.updated_at = utcnow()
            s.flush()
            tx.audit("finding.update", "finding", f.id, before, _finding_dict(f))
            return _finding_dict(f)

    def delete_finding(self, actor: Actor, finding_id: int, expected_version: int) -> None:
        review_id = self._review_of(Finding, finding_id, versioned=True)
        with self._change(actor, review_id, FINDINGS, "write findings") as tx:
            f = self._current(tx.session, Finding, finding_id, expected_version, _finding_dict)
            tx.audit("finding.delete", "finding", f.id, _finding_dict(f), None)
            tx.session.delete(f)

    def list_findings(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        with self._read() as s:
            self._check_read(s, actor, review_id)
            q = select(Finding).where(Finding.review_id == review_id).order_by(Finding.id)
            return [_finding_dict(f) for f in s.scalars(q)]

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
    ) -> dict[str, Any]:
        if status not in ACTION_STATUSES:
            raise InvalidInput(f"status must be one of {', '.join(ACTION_STATUSES)}")
        with self._change(actor, review_id, FINDINGS, "write actions") as tx:
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
            return row_snapshot(a)

    def update_action(
        self, actor: Actor, action_id: int, expected_version: int, **fields: Any
    ) -> dict[str, Any]:
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
        review_id = self._review_of(Action, action_id, versioned=True)
        with self._change(actor, review_id, FINDINGS, "write actions") as tx:
            a = self._current(tx.session, Action, action_id, expected_version, row_snapshot)
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
            return row_snapshot(a)

    def delete_action(self, actor: Actor, action_id: int, expected_version: int) -> None:
        review_id = self._review_of(Action, action_id, versioned=True)
        with self._change(actor, review_id, FINDINGS, "write actions") as tx:
            a = self._current(tx.session, Action, action_id, expected_version, row_snapshot)
            tx.audit("action.delete", "action", a.id, row_snapshot(a), None)
            tx.session.delete(a)

    def list_actions(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        with self._read() as s:
            self._check_read(s, actor, review_id)
            q = select(Action).where(Action.review_id == review_id).order_by(Action.id)
            return [row_snapshot(a) for a in s.scalars(q)]

    # -- audit and exports -----------------------------------------------------------------

    def record_export(
        self, actor: Actor, review_id: int, what: str, details: dict[str, Any] | None = None
    ) -> None:
        """Exporters call this (in their own request) before handing out a file."""
        with self._change(actor, review_id, EXPORT, "export") as tx:
            tx.audit(f"export.{what}", "review", review_id, None, jsonable(details or {}))

    def audit_log(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        """The review's audit entries, oldest first (lead reviewer only)."""
        with self._read() as s:
            if s.get(Review, review_id) is None:
                raise no_review(actor, review_id)
            require(actor, self._role(s, actor, review_id), BACKUP, "read the audit log")
            return audit.entries(s, review_id)

    def count(self, model: type, review_id: int) -> int:
        """Row count of one table for a review (tests and diagnostics)."""
        with self._read() as s:
            return s.scalar(
                select(func.count()).select_from(model).where(model.review_id == review_id)
            )
