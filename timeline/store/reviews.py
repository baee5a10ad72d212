"""Accounts, reviews, members and KLOE (`store.reviews`).

A part of the store: it holds the store and runs in its transactions
(`Store._change`, `Store._read`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from . import audit
from .audit import row_snapshot
from .auth import (
    KLOE,
    MEMBERS,
    Actor,
    hash_password,
    may,
    needs_rehash,
    verify_password,
)
from .base import (
    Versions,
    _dummy_hash,
    _review_dict,
)
from .errors import InvalidInput, NotFound, PermissionDenied
from .importing import agency_row
from .schema import (
    CHANGE_KINDS,
    ROLES,
    Agency,
    Kloe,
    Membership,
    Review,
    User,
)

if TYPE_CHECKING:
    from .service import Store


class Reviews:
    def __init__(self, store: Store) -> None:
        self._store = store

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
            with self._store._write() as s:
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
        with self._store._write() as s:
            user = s.scalar(select(User).where(User.email == email.strip().lower()))
            if user is None:
                raise NotFound(f"no user {email}")
            if not actor.is_operator and actor.user_id != user.id:
                raise PermissionDenied("only the user or the local operator may set a password")
            user.password_hash = pw_hash
            self._store.sessions.revoke_all_in(s, user.id, "password changed")
            audit.record(s, actor, None, "user.set_password", "user", user.id)

    def authenticate(self, email: str, password: str) -> dict[str, Any] | None:
        """The user dict when the password is right and the account active, else None."""
        with self._store._read() as s:
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
            with self._store._write() as s:
                s.get(User, info["id"]).password_hash = hash_password(password, check=False)
        return info

    def get_user(self, user_id: int | None = None, *, email: str | None = None) -> dict | None:
        with self._store._read() as s:
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
        with self._store._write() as s:
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
        with self._store._read() as s:
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
        with self._store._read() as s:
            role = self._store._check_read(s, actor, review_id)
            return _review_dict(s.get(Review, review_id), role)

    def review_versions(self, actor: Actor, review_id: int) -> Versions:
        """Every change counter of the review in one indexed query."""
        cols = [Review.version, *(getattr(Review, f"{k}_version") for k in CHANGE_KINDS)]
        with self._store._read() as s:
            q = select(*cols).where(Review.id == review_id)
            if not actor.is_operator:
                q = (
                    q.join(Membership, Membership.review_id == Review.id)
                    .join(User, User.id == Membership.user_id)
                    .where(Membership.user_id == actor.user_id, User.is_active.is_(True))
                )
            row = s.execute(q).first()
        if row is None:
            raise PermissionDenied(f"{actor.label} may not read review {review_id}")
        return Versions(row[0], *row[1:])

    def review_version(self, actor: Actor, review_id: int) -> int:
        """The review's version counter in one indexed query (browsers poll this)."""
        with self._store._read() as s:
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
        with self._store._read() as s:
            return self._store._role(s, actor, review_id)

    def may(self, actor: Actor, review_id: int, permission: str) -> bool:
        """For the UI to decide what to show; the service functions check again."""
        return actor.is_operator or may(self.role_in(actor, review_id), permission)

    def update_review(self, actor: Actor, review_id: int, **fields: Any) -> dict[str, Any]:
        allowed = {"title", "child_pseudonym", "child_dob", "period_start", "period_end"}
        unknown = set(fields) - allowed
        if unknown:
            raise InvalidInput(f"cannot change {sorted(unknown)}")
        with self._store._change(actor, review_id, KLOE, "change the review's setup") as tx:
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
        self._store.deletion.purge(actor, review_id)

    def add_member(
        self, actor: Actor, review_id: int, email: str, role: str, agency: str | None = None
    ) -> dict[str, Any]:
        """Add a user to the review, or change their role (and agency)."""
        if role not in ROLES:
            raise InvalidInput(f"role must be one of {', '.join(ROLES)}")
        with self._store._change(actor, review_id, MEMBERS, "manage members") as tx:
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
        with self._store._change(actor, review_id, MEMBERS, "manage members") as tx:
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
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            rows = s.execute(
                select(Membership, User.email, User.name, Agency.name)
                .join(User, User.id == Membership.user_id)
                .outerjoin(Agency, Agency.id == Membership.agency_id)
                .where(Membership.review_id == review_id)
                .order_by(User.email)
            ).all()
            return [{**row_snapshot(m), "email": e, "name": n, "agency": a} for m, e, n, a in rows]

    def list_kloes(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            rows = s.scalars(select(Kloe).where(Kloe.review_id == review_id).order_by(Kloe.id))
            return [row_snapshot(k) for k in rows]

    def add_kloe(
        self, actor: Actor, review_id: int, number: str, title: str, description: str = ""
    ) -> dict[str, Any]:
        with self._store._change(actor, review_id, KLOE, "edit KLOE") as tx:
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
        review_id = self._store._review_of(Kloe, kloe_id, versioned=True)
        with self._store._change(actor, review_id, KLOE, "edit KLOE") as tx:
            k = self._store._current(tx.session, Kloe, kloe_id, expected_version, row_snapshot)
            before = row_snapshot(k)
            for key, value in fields.items():
                setattr(k, key, value)
            k.version += 1
            tx.session.flush()
            tx.audit("kloe.update", "kloe", k.id, before, row_snapshot(k))
            return row_snapshot(k)

    def delete_kloe(self, actor: Actor, kloe_id: int, expected_version: int) -> None:
        review_id = self._store._review_of(Kloe, kloe_id, versioned=True)
        with self._store._change(actor, review_id, KLOE, "edit KLOE") as tx:
            k = self._store._current(tx.session, Kloe, kloe_id, expected_version, row_snapshot)
            tx.audit("kloe.delete", "kloe", k.id, row_snapshot(k), None)
            tx.session.delete(k)
