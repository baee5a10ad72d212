"""Helpers for the workflow browser tests (no tests here): a fresh review of one's own in
the shared test database, so tests that change things never depend on each other."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from timeline.actions.imports import import_paths
from timeline.actions.kloe import read_kloe_csv
from timeline.store.cli import SAMPLE_DOB, SAMPLE_PERIOD, sample_files
from timeline.store.service import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
LEAD = "lead@example.org"
CHRONOLOGIES = [
    "Police_chronology.csv",
    "GP Surgery chronology.csv",
    "Chronology - Childrens Services FINAL.xlsx",
]
# The sample review's members besides its lead (tests/conftest.py's sample_site signs them up).
SITE_MEMBERS = [
    ("pc.ward@example.org", "participant", "Police"),
    ("observer@example.org", "observer", None),
    ("facilitator@example.org", "facilitator", None),
]
T = TypeVar("T")


def own_review(
    site: dict,
    *,
    files: list[str] = (),
    members: list[tuple[str, str, str | None]] = (),
    match: bool = False,
    child: str = "Child T",
) -> int:
    """A new review led by the sample lead, with the sample KLOE, some sample files and
    members (email, role, agency)."""
    store = Store.open(site["url"])
    try:
        lead = store.reviews.actor(store.reviews.get_user(email=LEAD)["id"])
        rid = store.reviews.create_review(
            lead,
            f"Test review {uuid.uuid4().hex[:6]}",
            period=SAMPLE_PERIOD,
            child_pseudonym=child,
            child_dob=SAMPLE_DOB,
            kloes=read_kloe_csv(SAMPLE / "kloe.csv"),
        )
        for email, role, agency in members:
            store.reviews.add_member(lead, rid, email, role, agency)
        if files:
            import_paths(store, lead, rid, [SAMPLE / f for f in files])
        if match:
            store.records.run_matching(lead, rid)
        return rid
    finally:
        store.close()


def sample_review(site: dict) -> int:
    """A review of one's own with everything the sample review has: every sample file,
    matched, the sample KLOE and members. For a journey that changes state, so it never
    meets another test's tags, findings or decisions (about a second to build)."""
    return own_review(
        site,
        files=[p.name for p in sample_files(SAMPLE)],
        members=SITE_MEMBERS,
        match=True,
        child="Child M",
    )


def wait_until(read: Callable[[], T], done: Callable[[T], bool], timeout: float = 60) -> T:
    """Read stored state until `done` holds (the server saves some things a moment after
    the page says so); the last reading when it never does, for the test to assert on."""
    deadline = time.monotonic() + timeout
    value = read()
    while not done(value) and time.monotonic() < deadline:
        time.sleep(0.2)
        value = read()
    return value


def with_store(site: dict):
    return Store.open(site["url"])


def actor_of(store: Store, email: str):
    return store.reviews.actor(store.reviews.get_user(email=email)["id"])


def shot(page, name: str) -> None:
    """A documentation screenshot, taken only when docs/screenshots.py runs these tests
    (it sets LRT_DOC_SCREENSHOTS to the folder): a test run never writes into the checkout."""
    folder = os.environ.get("LRT_DOC_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)
