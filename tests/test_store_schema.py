# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""The Alembic migration builds exactly the models' schema; SQLite runs in WAL mode."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from timeline.store.migrate import current_revision, upgrade
from timeline.store.schema import Base

from .test_store_helpers import db, store  # noqa: F401


def test_sc001_migration_result_equals_the_models(db):
    store = db.open()  # runs `upgrade head`
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
        tables = set(inspect(conn).get_table_names())
    assert diff == []
    assert tables == set(Base.metadata.tables) | {"alembic_version"}


def test_sc002_upgrade_is_idempotent_and_at_head(store):
    rev = current_revision(store.engine)
    upgrade(store.engine)
    from alembic.script import ScriptDirectory

    from timeline.store.migrate import alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert current_revision(store.engine) == rev == head


def test_sc003_sqlite_pragmas(tmp_path):
    from timeline.store import Store

    store = Store.open(f"sqlite:///{tmp_path / 'x.db'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    store.close()


def test_sc004_default_url_is_the_embedded_file_in_the_data_folder(monkeypatch, tmp_path):
    from timeline.settings import Settings, get_settings
    from timeline.store.engine import REPO_ROOT, default_url

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("LRT_DATA_DIR", raising=False)
    get_settings.cache_clear()
    try:
        assert default_url() == f"sqlite:///{REPO_ROOT / 'data' / 'review.db'}"
    finally:
        get_settings.cache_clear()
    # the data folder setting moves the database too
    moved = Settings.from_env({"LRT_DATA_DIR": str(tmp_path)})
    assert moved.database == f"sqlite:///{tmp_path / 'review.db'}"
    pg = Settings.from_env({"DATABASE_URL": "postgresql+psycopg://u@h/db"})
    assert pg.database == "postgresql+psycopg://u@h/db"
