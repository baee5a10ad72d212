"""Create or upgrade the schema by running Alembic's `upgrade head` programmatically."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

from .engine import REPO_ROOT, WRITE_OPTION

ALEMBIC_INI = REPO_ROOT / "alembic.ini"
MIGRATIONS = REPO_ROOT / "migrations"
_PG_LOCK_KEY = 72_410_001  # any constant: serialises concurrent upgrades of one database


def alembic_config() -> Config:
    cfg = Config(str(ALEMBIC_INI))
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to `revision`. Safe when several processes start at once: on
    SQLite the upgrade runs inside BEGIN IMMEDIATE, on PostgreSQL under an advisory lock."""
    cfg = alembic_config()
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
