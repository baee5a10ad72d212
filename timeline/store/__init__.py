"""The review store: SQL persistence (SQLite by default, PostgreSQL via DATABASE_URL),
users and roles, audit trail, optimistic concurrency. Open it with `Store.open()`; the service
functions on `Store` are the only code that talks to the database."""

from .auth import LOCAL_OPERATOR, Actor
from .errors import (
    Conflict,
    InvalidInput,
    NeedsConfirmation,
    NotFound,
    PermissionDenied,
    StoreError,
)
from .service import Store, parse_period

__all__ = [
    "LOCAL_OPERATOR",
    "Actor",
    "Conflict",
    "InvalidInput",
    "NeedsConfirmation",
    "NotFound",
    "PermissionDenied",
    "Store",
    "StoreError",
    "parse_period",
]
