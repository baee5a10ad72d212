"""Two app hosts on one PostgreSQL (docs/deploy.md): a file uploaded, a profile saved and a
workshop move made through one host are seen through the other. Each host has its own data
folder, as separate machines would: nothing is shared but the database."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from tests.conftest import sign_in
from tests.live import running_app
from tests.test_store_helpers import pg_unreachable, pg_url
from timeline.store import LOCAL_OPERATOR, Store

pytestmark = pytest.mark.browser
LEAD, PASSWORD = "lead.two@example.org", "two-hosts-pass-1"
SECRET = "two-hosts-test-secret-key-0123456789"


@pytest.fixture
def pg_schema():
    reason = pg_unreachable()
    if reason:
        pytest.skip(f"two app hosts need PostgreSQL: {reason}")
    schema = f"two_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg_url())
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield schema
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def _csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = ["Date,Time,Type,Clinician,Details,Action"] + [
        f"{d},10:00,Face to face,Dr A Fenwick,{t},Review in 2 weeks" for d, t in rows
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_th001_what_one_host_saves_the_other_sees(pg_schema, browser, tmp_path):
    store = Store.open(pg_url(), search_path=pg_schema)
    try:
        store.reviews.create_user(LOCAL_OPERATOR, LEAD, "Lee Lead", PASSWORD)
        lead = store.reviews.actor(store.reviews.get_user(email=LEAD)["id"])
        from datetime import date

        rid = store.reviews.create_review(
            lead, "Two hosts (fictional)", period=(date(2020, 1, 1), date(2020, 12, 31))
        )
    finally:
        store.close()
    url = f"{pg_url()}?options=-csearch_path%3D{pg_schema}"
    env = {"LRT_SECRET_KEY": SECRET}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with (
        running_app(url, tmp_path / "a", env=env, log=tmp_path / "a.log") as host_a,
        running_app(url, tmp_path / "b", env=env, log=tmp_path / "b.log") as host_b,
    ):
        ctx_a = browser.new_context(viewport={"width": 1280, "height": 900})
        ctx_b = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            a, b = ctx_a.new_page(), ctx_b.new_page()
            sign_in(a, host_a, LEAD, PASSWORD)
            sign_in(b, host_b, LEAD, PASSWORD)
            # 1. A file uploaded through host A ...
            a.goto(f"{host_a}/review/{rid}/setup")
            first = _csv(
                tmp_path / "GP chronology.csv",
                [("03/03/2020", "Baby seen with mother: weight checked, no concerns")],
            )
            a.set_input_files("#su-upload input[type=file]", [str(first)])
            a.locator("#su-upload-msg >> text='GP chronology.csv' imported").wait_for(timeout=30000)
            # ... is listed through host B, which can read it again (its bytes are in the
            # database, not on host A's disk): a corrected mapping saved as GP's profile.
            b.goto(f"{host_b}/review/{rid}/setup")
            card = b.locator("details.wf-file", has_text="GP chronology.csv")
            card.wait_for(timeout=30000)
            card.locator("summary").click()
            row = card.locator("table.mapping tr", has_text="Action")
            row.locator(".dash-dropdown").click()
            b.get_by_role("option", name="(not used)").click()
            card.get_by_role("button", name="Save as this agency's profile and re-import").click()
            b.locator("#su-upload-msg >> text=re-imported").wait_for(timeout=30000)
            # 2. The profile saved through B reads the next GP file uploaded through A.
            second = _csv(
                tmp_path / "GP out of hours.csv",
                [("04/04/2020", "Out of hours call: baby unsettled, advice given")],
            )
            a.set_input_files("#su-upload input[type=file]", [str(second)])
            msg = a.locator("#su-upload-msg")
            expect(msg).to_contain_text("read with the saved GP profile", timeout=30000)
            # 3. A workshop move made through A is followed through B.
            a.goto(f"{host_a}/review/{rid}/workshop")
            label = a.locator("#ws-step-label")
            expect(label).to_contain_text("1/", timeout=20000)
            a.keyboard.press("n")
            expect(label).to_contain_text("2/")
            step = label.inner_text().split(": ", 1)[1]
            b.goto(f"{host_b}/review/{rid}/prepare")
            b.get_by_label("Follow the facilitator").check()
            expect(b.locator("#pr-follow-banner")).to_contain_text(step, timeout=10000)
        finally:
            ctx_a.close()
            ctx_b.close()
    store = Store.open(pg_url(), search_path=pg_schema)
    try:
        recs = store.records.list_records(LOCAL_OPERATOR, rid)
        assert len(recs) == 2 and all(r["outcome"] == "" for r in recs)
        assert store.profiles.list(LOCAL_OPERATOR, rid)[0].columns["Action"] == ""
    finally:
        store.close()
