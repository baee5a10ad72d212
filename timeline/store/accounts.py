"""Account changes that end sessions: a password change by its owner, deactivation and
reactivation by the local operator, "sign out everywhere", and the match of a single
sign-on identity to an account by its verified email."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from . import audit
from .audit import row_snapshot
from .auth import Actor, verify_password
from .errors import InvalidInput, NotFound, PermissionDenied
from .schema import User

if TYPE_CHECKING:
    from .service import Store


class Accounts:
    def __init__(self, store: Store) -> None:
        self._store = store

    def change_password(self, actor: Actor, current: str, new: str) -> None:
        """The signed-in user changes their own password (the current one first, unless the
        account has none, e.g. single sign-on only). Ends all their sessions."""
        if actor.user_id is None:
            raise PermissionDenied("sign in first")
        with self._store._read() as s:
            user = s.get(User, actor.user_id)
            if user is None or not user.is_active:
                raise PermissionDenied("no such active account")
            email, pw_hash = user.email, user.password_hash
        if pw_hash and not verify_password(pw_hash, current):
            raise InvalidInput("the current password is not right")
        if new == current:
            raise InvalidInput("the new password is the same as the current one")
        try:
            self._store.reviews.set_password(actor, email, new)  # revokes every session of the user
        except ValueError as exc:
            raise InvalidInput(str(exc)) from exc

    def set_active(self, actor: Actor, email: str, active: bool) -> dict[str, Any]:
        """The local operator deactivates (ending every session) or reactivates an account."""
        if not actor.is_operator:
            raise PermissionDenied("only the local operator deactivates accounts")
        with self._store._write() as s:
            user = s.scalar(select(User).where(User.email == email.strip().lower()))
            if user is None:
                raise NotFound(f"no user {email}")
            user.is_active = active
            if not active:
                self._store.sessions.revoke_all_in(s, user.id, "account deactivated")
            action = "user.reactivate" if active else "user.deactivate"
            audit.record(s, actor, None, action, "user", user.id, None, {"is_active": active})
            return row_snapshot(user, exclude=("password_hash",))

    def sign_out_everywhere(self, actor: Actor) -> int:
        if actor.user_id is None:
            raise PermissionDenied("sign in first")
        ended = self._store.sessions.revoke_all(actor.user_id, "signed out everywhere")
        with self._store._write() as s:
            audit.record(
                s,
                actor,
                None,
                "sign_out.everywhere",
                "user",
                actor.user_id,
                None,
                {"sessions": ended},
            )
        return ended

    def audit_refusal(self, account: str, who: str, why: str) -> None:
        """A sign-in refused before any session (e.g. single sign-on for an unknown email)."""
        with self._store._write() as s:
            actor = Actor(user_id=None, label=who[:320])
            audit.record(s, actor, None, "sign_in.refused", "account", account, None, {"why": why})

    def for_verified_email(self, email: str, subject: str) -> dict[str, Any] | None:
        """The active account whose email is this identity provider's verified email, bound
        to the provider's subject ("<issuer> <sub>") at its first single sign-on. None when
        there is no such account or it is bound to another subject (the email was given to
        someone else at the provider)."""
        with self._store._write() as s:
            user = s.scalar(select(User).where(User.email == email.strip().lower()))
            if user is None or not user.is_active:
                return None
            if user.sso_subject is None:
                user.sso_subject = subject[:600]
                who = Actor.user(user.id, user.email)
                audit.record(
                    s, who, None, "user.sso_bind", "user", user.id, None, {"subject": subject}
                )
            elif user.sso_subject != subject[:600]:
                return None
            return row_snapshot(user, exclude=("password_hash",))

    def sign_out_user(self, actor: Actor, email: str) -> int:
        """The local operator ends every session of one account."""
        if not actor.is_operator:
            raise PermissionDenied("only the local operator signs others out")
        user = self._store.reviews.get_user(email=email)
        if user is None:
            raise NotFound(f"no user {email}")
        ended = self._store.sessions.revoke_all(user["id"], "signed out by the operator")
        with self._store._write() as s:
            facts = {"sessions": ended}
            audit.record(s, actor, None, "sign_out.by_operator", "user", user["id"], None, facts)
        return ended
