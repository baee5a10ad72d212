"""Sign-in throttling and lock-out, per account and per client address.

Every attempt first reserves a failure row (so parallel attempts on several workers are all
counted) and only then is the password checked; a success removes the account's rows. With
`backoff_after` failures in the window each further attempt must wait (1 s, 2 s, 4 s ... up
to a minute) after the last one; with `lock_after` the key is locked for `lock_minutes`.
A refused attempt never checks the password, so even the right one is refused while locked.
Failures and locks go into the audit trail (review_id NULL).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select

from timeline.settings import SignInLimits as Limits  # the settings own the numbers

from . import audit
from .auth import Actor
from .schema import SignInFailure, utcnow

if TYPE_CHECKING:
    from .service import Store

MAX_BACKOFF = timedelta(minutes=1)


@dataclass(frozen=True)
class Refusal:
    """Why an attempt was refused without checking the password, and for how long."""

    retry_after: int  # whole seconds
    locked: bool
    by: str  # "account" or "client address"


@dataclass(frozen=True)
class Ticket:
    """A reserved attempt: pass it to `failed` or `succeeded`."""

    id: int
    account: str
    client: str
    at: datetime


def _wait(count: int, last: datetime | None, now: datetime, backoff: int, lock: int, lim: Limits):
    """(seconds to wait, locked?) for a key with `count` failures, the last at `last`."""
    if last is None or count < min(backoff, lock):
        return 0, False
    if count >= lock:
        until = last + timedelta(minutes=lim.lock_minutes)
        locked = True
    else:
        until = last + min(timedelta(seconds=2 ** (count - backoff)), MAX_BACKOFF)
        locked = False
    left = (until - now).total_seconds()
    return (max(1, int(left + 0.999)), locked) if left > 0 else (0, False)


def _actor(client: str) -> Actor:
    return Actor(user_id=None, label=f"sign-in from {client}"[:320])


class Throttle:
    def __init__(self, store: Store, limits: Limits | None = None) -> None:
        self._store = store
        self.limits = limits or Limits()

    def attempt(self, account: str, client: str) -> Ticket | Refusal:
        """Reserve an attempt for (account, client), or refuse it while backing off."""
        account = account.strip().lower()[:320]
        client = client[:100]
        lim = self.limits
        now = utcnow()
        since = now - timedelta(minutes=max(lim.window_minutes, lim.lock_minutes))
        with self._store._write() as s:
            for column, key, backoff, lock, by in (
                (SignInFailure.account, account, lim.backoff_after, lim.lock_after, "account"),
                (
                    SignInFailure.client,
                    client,
                    lim.client_backoff_after,
                    lim.client_lock_after,
                    "client address",
                ),
            ):
                count, last = s.execute(
                    select(func.count(), func.max(SignInFailure.at)).where(
                        column == key, SignInFailure.at >= since
                    )
                ).one()
                wait, locked = _wait(count, last, now, backoff, lock, lim)
                if wait:
                    return Refusal(retry_after=wait, locked=locked, by=by)
            row = SignInFailure(at=now, account=account, client=client)
            s.add(row)
            s.flush()
            return Ticket(row.id, account, client, now)

    def succeeded(self, ticket: Ticket) -> None:
        """The right password: the account starts afresh (the client's count stays)."""
        with self._store._write() as s:
            s.execute(
                delete(SignInFailure).where(
                    SignInFailure.account == ticket.account, SignInFailure.client == ticket.client
                )
            )
            s.execute(delete(SignInFailure).where(SignInFailure.id == ticket.id))
        self.clear_old()  # rows past every window count for nothing (the audit keeps them)

    def failed(self, ticket: Ticket, *, user_id: int | None = None) -> bool:
        """Audit the failure (and the lock it causes); True when the account is now locked."""
        lim = self.limits
        since = ticket.at - timedelta(minutes=lim.window_minutes)
        with self._store._write() as s:
            count = s.scalar(
                select(func.count()).where(
                    SignInFailure.account == ticket.account, SignInFailure.at >= since
                )
            )
            client_count = s.scalar(
                select(func.count()).where(
                    SignInFailure.client == ticket.client, SignInFailure.at >= since
                )
            )
            who = _actor(ticket.client)
            facts = {"failures": count, "client_failures": client_count, "client": ticket.client}
            audit.record(s, who, None, "sign_in.failure", "account", ticket.account, None, facts)
            locked = count == lim.lock_after or client_count == lim.client_lock_after
            if locked:
                facts["lock_minutes"] = lim.lock_minutes
                audit.record(s, who, None, "sign_in.lock", "account", ticket.account, None, facts)
            return count >= lim.lock_after

    def clear_old(self, older_than: timedelta = timedelta(days=1)) -> int:
        """Forget failures long past (the audit trail keeps them)."""
        with self._store._write() as s:
            cutoff = utcnow() - older_than
            return s.execute(delete(SignInFailure).where(SignInFailure.at < cutoff)).rowcount
