"""Errors the service layer raises; the app and the command line show their messages."""

from __future__ import annotations

from typing import Any


class StoreError(Exception):
    """Base class of the store's errors."""


class PermissionDenied(StoreError):
    """The acting user's role in this review does not allow this."""


class NotFound(StoreError):
    """No such review, user or object (or not in this review)."""


class Conflict(StoreError):
    """Somebody else changed or deleted the row since it was read.

    `current` is the row as it is now (as the part's read functions return it: a dict, or a
    frozen row for findings, actions and escalations), or None when it was deleted; the
    caller shows it instead of overwriting it silently.
    """

    def __init__(self, message: str, current: Any) -> None:
        super().__init__(message)
        self.current = current


class InvalidInput(StoreError, ValueError):
    """Input the store refuses (unknown kind, bad period, KLOE of another review...)."""


class NeedsConfirmation(InvalidInput):
    """A change that would withdraw much of what is saved: refused unless the user confirms
    (a replacement yielding no records, or withdrawing more than half of the file's)."""

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.details = details


# One wording for "no such review" and "not a member": an id must not reveal which.
UNAVAILABLE = "this review does not exist or you are not a member of it"


def no_review(actor: Any, review_id: object) -> StoreError:
    """The error for a review that does not exist. A signed-in user gets exactly what a
    non-member gets (so an id reveals nothing); the local operator, who holds the whole
    database anyway, is told plainly."""
    if getattr(actor, "is_operator", False):
        return NotFound(f"no review {review_id}")
    return PermissionDenied(UNAVAILABLE)
