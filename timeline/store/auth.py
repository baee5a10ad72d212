"""Passwords (argon2id), roles and the permission table.

Roles are per review. Each role holds every permission of the roles below it:
observer < participant < facilitator < lead. The command line acts as the local operator,
who holds every permission (whoever can run it already holds the database file).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from .errors import UNAVAILABLE, PermissionDenied

_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024  # long passphrases welcome; this only bounds the hashing work
MIN_STRENGTH = 3  # zxcvbn's score (0-4): 3 is "safely unguessable" against online attacks
_STRENGTH_CHARS = 100  # zxcvbn's matching grows with length; the first 100 decide
# Words anyone would try first against this tool (ASVS 6.1.2): counted as known words.
CONTEXT_WORDS = (
    "learning review timeline",
    "learning",
    "review",
    "timeline",
    "safeguarding",
    "partnership",
    "chronology",
    "council",
    "children",
    "lrt",
)

# Permissions (strings so the UI can ask `may(role, "annotate")`).
READ = "read"
ANNOTATE = "annotate"  # add annotations and reflections; edit or delete one's own
MODERATE = "moderate"  # edit or delete anyone's annotation in the workshop
WORKSHOP = "workshop"  # key practice episodes
IMPORT = "import"
MATCH = "match"  # run matching and record match decisions
KLOE = "kloe"
FINDINGS = "findings"  # findings and actions
EXPORT = "export"
MEMBERS = "members"  # add members, change roles
BACKUP = "backup"

_OBSERVER = frozenset({READ})
_PARTICIPANT = _OBSERVER | {ANNOTATE}
_FACILITATOR = _PARTICIPANT | {MODERATE, WORKSHOP}
_LEAD = _FACILITATOR | {IMPORT, MATCH, KLOE, FINDINGS, EXPORT, MEMBERS, BACKUP}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "observer": _OBSERVER,
    "participant": _PARTICIPANT,
    "facilitator": _FACILITATOR,
    "lead": _LEAD,
}
ALL_PERMISSIONS = _LEAD


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in user (by id) or the command line's local operator."""

    user_id: int | None
    label: str  # email of the user, or "local operator"
    is_operator: bool = False

    @classmethod
    def user(cls, user_id: int, email: str = "") -> Actor:
        return cls(user_id=user_id, label=email or f"user {user_id}")


LOCAL_OPERATOR = Actor(user_id=None, label="local operator (command line)", is_operator=True)


def permissions(role: str | None) -> frozenset[str]:
    return ROLE_PERMISSIONS.get(role or "", frozenset())


def may(role: str | None, permission: str) -> bool:
    return permission in permissions(role)


def require(actor: Actor, role: str | None, permission: str, what: str = "") -> None:
    """Raise PermissionDenied unless the actor's role in the review grants `permission`."""
    if actor.is_operator or may(role, permission):
        return
    who = actor.label
    if role is None:  # worded as for a review that does not exist (errors.no_review)
        raise PermissionDenied(UNAVAILABLE)
    raise PermissionDenied(f"a {role} may not {what or permission} in this review ({who})")


def check_password(password: str, user_inputs: tuple[str, ...] = ()) -> None:
    """Refuse a password that is short or easy to guess: common passwords, keyboard runs,
    repeats, dates, words with digits, or the user's own email and name (zxcvbn)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValueError(f"a password may have at most {MAX_PASSWORD_LENGTH} characters")
    inputs = [p for v in user_inputs for p in (v, *re.split(r"[@.\s_-]+", v)) if p]
    inputs += CONTEXT_WORDS
    from zxcvbn import zxcvbn  # its dictionaries take a while to load: only when a password is set

    result = zxcvbn(password[:_STRENGTH_CHARS], user_inputs=inputs)
    if result["score"] < MIN_STRENGTH:
        hint = " ".join(result["feedback"].get("suggestions") or [])
        warning = result["feedback"].get("warning") or "it is easy to guess"
        raise ValueError(f"this password is too weak: {warning.rstrip('.')}. {hint}".strip())


def hash_password(password: str, *, user_inputs: tuple[str, ...] = (), check: bool = True) -> str:
    """The argon2id hash of a new password, which must pass `check_password` (`check=False`
    only to re-hash a password already accepted, when the parameters change)."""
    if check:
        check_password(password, user_inputs)
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _HASHER.check_needs_rehash(password_hash)


def generate_password() -> str:
    """A random password of about 120 bits, easy to copy (no ambiguous punctuation)."""
    return secrets.token_urlsafe(15)
