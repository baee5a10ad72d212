"""Server-side sessions: one row per signed-in browser, checked on every request.

The browser holds a random token (inside Flask's signed cookie); the table keeps only its
SHA-256. A session ends when it is revoked (sign-out, password change, deactivation, "sign
out everywhere"), idle for longer than the idle time-out, or older than the absolute one;
nothing the browser keeps can bring it back.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from . import audit
from .auth import Actor
from .schema import User, UserSession, utcnow

if TYPE_CHECKING:
    from .service import Store


@dataclass(frozen=True)
class SessionInfo:
    id: int
    user_id: int
    email: str
    name: str
    method: str
    client: str
    created_at: datetime
    last_seen_at: datetime
    revoked_at: datetime | None
    revoked_reason: str


@dataclass(frozen=True)
class Timeouts:
    idle: timedelta
    absolute: timedelta

    @property
    def touch_every(self) -> timedelta:
        """How stale last_seen may get before a request writes it again: a tenth of the
        idle time-out (at most a minute), so most requests only read."""
        return min(self.idle / 10, timedelta(minutes=1))


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _info(row: UserSession, user: User) -> SessionInfo:
    return SessionInfo(
        id=row.id,
        user_id=row.user_id,
        email=user.email,
        name=user.name,
        method=row.method,
        client=row.client,
        created_at=row.created_at,
        last_seen_at=row.last_seen_at,
        revoked_at=row.revoked_at,
        revoked_reason=row.revoked_reason,
    )


class Sessions:
    def __init__(self, store: Store) -> None:
        self._store = store

    def create(self, user_id: int, *, method: str, client: str) -> tuple[str, SessionInfo]:
        """A new session for an active user: (the token for the cookie, the row)."""
        token = secrets.token_urlsafe(32)
        now = utcnow()
        with self._store._write() as s:
            user = s.get(User, user_id)
            if user is None or not user.is_active:
                raise ValueError("no such active account")
            row = UserSession(
                token_sha256=token_digest(token),
                user_id=user_id,
                method=method,
                client=client[:100],
                created_at=now,
                last_seen_at=now,
                revoked_reason="",
            )
            s.add(row)
            s.flush()
            who = Actor.user(user.id, user.email)
            facts = {"method": method, "client": row.client}
            audit.record(s, who, None, "sign_in", "session", row.id, None, facts)
            return token, _info(row, user)

    def check(self, token: str, timeouts: Timeouts) -> SessionInfo | None:
        """The live session for this token, its last-seen time renewed; None when the token
        is unknown, revoked, idle too long, too old, or its account deactivated."""
        now = utcnow()
        with self._store._read() as s:
            found = s.execute(
                select(UserSession, User)
                .join(User, User.id == UserSession.user_id)
                .where(UserSession.token_sha256 == token_digest(token))
            ).first()
        if found is None:
            return None
        row, user = found
        if row.revoked_at is not None or not user.is_active:
            return None
        if now - row.last_seen_at > timeouts.idle:
            self._revoke_where(UserSession.id == row.id, "idle time-out")
            return None
        if now - row.created_at > timeouts.absolute:
            self._revoke_where(UserSession.id == row.id, "absolute time-out")
            return None
        if now - row.last_seen_at >= timeouts.touch_every:
            with self._store._write() as s:
                s.execute(
                    update(UserSession)
                    .where(UserSession.id == row.id, UserSession.revoked_at.is_(None))
                    .values(last_seen_at=now)
                )
            row.last_seen_at = now
        return _info(row, user)

    def revoke(self, token: str, reason: str) -> None:
        """End one session (sign-out), audited as its user's."""
        with self._store._write() as s:
            row = s.scalar(
                select(UserSession).where(UserSession.token_sha256 == token_digest(token))
            )
            if row is None or row.revoked_at is not None:
                return
            row.revoked_at, row.revoked_reason = utcnow(), reason
            user = s.get(User, row.user_id)
            who = Actor.user(user.id, user.email)
            audit.record(s, who, None, "sign_out", "session", row.id, None, {"reason": reason})

    def revoke_all(self, user_id: int, reason: str) -> int:
        """End every live session of the user; the number ended."""
        return self._revoke_where(UserSession.user_id == user_id, reason)

    def revoke_all_in(self, s: Session, user_id: int, reason: str) -> None:
        """The same inside a caller's write transaction (a password change, a deactivation),
        so the change and the sign-out commit together."""
        s.execute(
            update(UserSession)
            .where(UserSession.user_id == user_id, UserSession.revoked_at.is_(None))
            .values(revoked_at=utcnow(), revoked_reason=reason)
        )

    def list_for(self, user_id: int) -> list[SessionInfo]:
        """The user's sessions, newest first (live and ended)."""
        with self._store._read() as s:
            rows = s.execute(
                select(UserSession, User)
                .join(User, User.id == UserSession.user_id)
                .where(UserSession.user_id == user_id)
                .order_by(UserSession.id.desc())
            ).all()
        return [_info(r, u) for r, u in rows]

    def _revoke_where(self, condition, reason: str) -> int:
        with self._store._write() as s:
            q = update(UserSession).where(condition, UserSession.revoked_at.is_(None))
            return s.execute(q.values(revoked_at=utcnow(), revoked_reason=reason)).rowcount
