"""The one Store of this process (an engine and its connection pool; no review state)."""

from __future__ import annotations

from functools import cache

from timeline.store.service import Store


@cache
def store() -> Store:
    """Opened on first use with DATABASE_URL (default: the embedded SQLite file)."""
    return Store.open()
