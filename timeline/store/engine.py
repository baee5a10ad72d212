"""Engine and session factory for the review store.

SQLite is the embedded default (a file under `data/`); `DATABASE_URL` points the same code at
PostgreSQL. On SQLite every connection runs in WAL mode with a busy timeout and foreign keys
on, and write transactions start with BEGIN IMMEDIATE so that two read-then-write transactions
queue for the write lock instead of failing with "database is locked" at their first write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from timeline.settings import get_settings

REPO_ROOT = Path(__file__).resolve().parents[2]
BUSY_TIMEOUT_MS = 30_000

# Execution option that asks for BEGIN IMMEDIATE on SQLite (ignored elsewhere).
WRITE_OPTION = "timeline_store_write"


def default_url() -> str:
    """The database URL from DATABASE_URL, else the embedded SQLite file in the data folder
    (LRT_DATA_DIR, default data/): see timeline.settings."""
    return get_settings().database


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str | None = None, *, search_path: str | None = None, **kw: Any) -> Engine:
    """Create an engine for `url` (default: `default_url()`).

    `search_path` (PostgreSQL only) puts every connection in that schema; the tests use it to
    give each run its own schema.
    """
    url = url or default_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, **kw)
    engine = create_engine(url, pool_pre_ping=True, **kw)
    if search_path:
        if not search_path.replace("_", "").isalnum():
            raise ValueError(f"unsafe schema name: {search_path!r}")

        @event.listens_for(engine, "connect")
        def _set_search_path(dbapi_conn: Any, _rec: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute(f'SET search_path TO "{search_path}"')
            cur.close()
            dbapi_conn.commit()

    return engine


def _sqlite_engine(url: str, **kw: Any) -> Engine:
    db = make_url(url).database
    if db and db != ":memory:":
        Path(db).parent.mkdir(parents=True, exist_ok=True)
    connect_args = kw.pop("connect_args", {})
    connect_args.setdefault("timeout", BUSY_TIMEOUT_MS / 1000)
    connect_args.setdefault("check_same_thread", False)
    engine = create_engine(url, connect_args=connect_args, **kw)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _rec: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own BEGIN is deferred).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine
