"""Fixtures and builders shared by the store tests (no tests here).

Every test gets a fresh database: a temporary SQLite file, and, when PostgreSQL is
reachable, a uniquely named schema that is dropped afterwards (parallel runs never collide).
"""

from __future__ import annotations

import os
import uuid
from datetime import date
from functools import cache

import pytest
from sqlalchemy import create_engine, text

from ingest.records import (
    DateInterval,
    FileImport,
    Issue,
    Provenance,
    QuarantinedRow,
    SourceRecord,
    stable_record_id,
)
from timeline.store import LOCAL_OPERATOR, Actor, Store

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def pg_url() -> str:
    return os.environ.get("TEST_DATABASE_URL") or PG_DEFAULT


@cache
def pg_unreachable() -> str | None:
    """None when PostgreSQL answers, else the reason to skip."""
    try:
        engine = create_engine(pg_url(), connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return None
    except Exception as exc:  # any failure means: not reachable here
        return f"PostgreSQL not reachable at {pg_url()}: {type(exc).__name__}"


class Database:
    """A fresh, empty database for one test: `url` + optional `search_path`."""

    def __init__(self, kind: str, tmp_path) -> None:
        self.kind = kind
        self.search_path = None
        if kind == "sqlite":
            self.url = f"sqlite:///{tmp_path / 'review.db'}"
        else:
            reason = pg_unreachable()
            if reason:
                pytest.skip(reason)
            self.url = pg_url()
            self.search_path = f"st_{os.getpid()}_{uuid.uuid4().hex[:10]}"
            admin = create_engine(self.url)
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{self.search_path}"'))
            admin.dispose()
        self._stores: list[Store] = []

    @property
    def env_url(self) -> str:
        """A URL carrying the schema, for subprocesses (DATABASE_URL)."""
        if self.search_path is None:
            return self.url
        return f"{self.url}?options=-csearch_path%3D{self.search_path}"

    def open(self) -> Store:
        store = Store.open(self.url, search_path=self.search_path)
        self._stores.append(store)
        return store

    def drop(self) -> None:
        for s in self._stores:
            s.close()
        if self.search_path:
            admin = create_engine(self.url)
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{self.search_path}" CASCADE'))
            admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path):
    database = Database(request.param, tmp_path)
    yield database
    database.drop()


@pytest.fixture
def store(db):
    return db.open()


def make_user(store: Store, email: str, name: str = "") -> Actor:
    u = store.reviews.create_user(
        LOCAL_OPERATOR, email, name or email.split("@")[0], "correct horse 42"
    )
    return Actor.user(u["id"], u["email"])


def make_record(
    agency: str,
    day: date,
    description: str,
    *,
    file_name: str,
    sha: str,
    row: int,
    occurrence: int = 0,
    issues: list[Issue] | None = None,
) -> SourceRecord:
    raw = {"Date": day.strftime("%d/%m/%Y"), "Event": description}
    rid = stable_record_id(agency, list(raw.values()), occurrence)
    return SourceRecord(
        record_id=rid,
        agency=agency,
        date=DateInterval(day, day, "day"),
        description=description,
        provenance=Provenance(file_name, sha, "Sheet1", row, raw),
        outcome="",
        issues=list(issues or []),
    )


def make_import(
    agency: str,
    rows: list[tuple[date, str]],
    *,
    file_name: str = "chronology.xlsx",
    sha: str | None = None,
    quarantined: int = 0,
) -> FileImport:
    """A FileImport as the pipeline would return for a simple two-column file."""
    sha = sha or uuid.uuid5(uuid.NAMESPACE_OID, repr((agency, rows, file_name))).hex * 2
    seen: dict[tuple, int] = {}
    records = []
    for i, (day, desc) in enumerate(rows):
        occ = seen.get((day, desc), 0)
        seen[(day, desc)] = occ + 1
        records.append(
            make_record(agency, day, desc, file_name=file_name, sha=sha, row=i + 2, occurrence=occ)
        )
    q = [
        QuarantinedRow(
            agency=agency,
            provenance=Provenance(file_name, sha, "Sheet1", len(rows) + 2 + i, {"Date": "??"}),
            issues=[Issue("date.unreadable", "the date '??' cannot be read", "Date", "error")],
        )
        for i in range(quarantined)
    ]
    return FileImport(
        file_name=file_name,
        file_sha256=sha,
        agency=agency,
        agency_source="given",
        sheet="Sheet1",
        header_row=1,
        columns=[],
        records=records,
        quarantined=q,
        skipped=[],
        rows_read=len(rows) + quarantined,
    )
