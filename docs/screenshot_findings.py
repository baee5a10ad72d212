"""Screenshots of the findings and exports pages for the docs, from a fresh copy of the
fictional sample review with a few findings, an escalation and actions recorded.

    python docs/screenshot_findings.py [OUT_DIR]     (default docs/screenshots)

Needs Debian chromium (/usr/bin/chromium). Writes findings.png and exports.png.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _fill(url: str) -> tuple[int, str]:
    """Load the sample review and record an outcome; returns (review id, lead password)."""
    from timeline.store.auth import LOCAL_OPERATOR as OP
    from timeline.store.cli import load_sample
    from timeline.store.service import Store

    store = Store.open(url)
    info = load_sample(store)
    rid = info["review_id"]
    records = store.records.list_records(OP, rid)
    ppn = next(r for r in records if r["description"].startswith("PPN received from police"))
    encompass = next(r for r in records if "Operation Encompass" in r["description"])
    kloes = store.reviews.list_kloes(OP, rid)
    f1 = store.findings.add_finding(
        OP,
        rid,
        "Notices of domestic abuse reached each agency but were not joined up",
        "Police, school and health visiting each received a notice after the March 2019 "
        "incident; nobody brought them together before the strategy discussion.",
        kind="area_for_improvement",
        kloe_ids=[kloes[0]["id"]],
        event_ids=[ppn["event_id"]],
    )
    store.findings.add_finding(
        OP,
        rid,
        "The school heard of each incident before the next school day",
        "Operation Encompass worked as intended: the designated safeguarding lead was told "
        "in time to check on the children in the morning.",
        kind="good_practice",
        kloe_ids=[kloes[0]["id"]],
        event_ids=[encompass["event_id"]],
    )
    store.escalations.add_escalation(
        OP,
        rid,
        "Notifications of domestic abuse do not reach the health visiting service",
        escalated_to="Partnership business manager",
        escalated_on=date(2022, 2, 3),
        finding_id=f1.id,
    )
    store.findings.add_action(
        OP,
        rid,
        "Route every PPN to health visiting through the MASH",
        owner_subgroup="Quality Assurance subgroup",
        due_date=date(2022, 6, 30),
        status="in_progress",
        monitoring_notes="Audit of 20 PPNs to be reported at the June board",
        finding_id=f1.id,
    )
    store.findings.add_action(
        OP,
        rid,
        "Share the Operation Encompass model with early years settings",
        owner_subgroup="Learning and Development subgroup",
        due_date=date(2022, 9, 30),
        finding_id=None,
    )
    store.names.set_names(
        OP,
        rid,
        [
            ("Jade Calderbank", "Mother"),
            ("Maisie-Rose", "Child M"),
            ("Connor Pryce", "Father"),
            ("14 Pennine Walk", "[address]"),
        ],
        0,
    )
    store.close()
    return rid, info["password"]


def _shoot(browser, base: str, rid: int, password: str, out_dir: Path) -> list[Path]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/login")
    page.fill("input[name=email]", "lead@example.org")
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")
    page.goto(f"{base}/review/{rid}/findings")
    page.wait_for_selector(".fd-card")
    page.wait_for_selector("#fd-action-list tr")
    written = [out_dir / "findings.png", out_dir / "exports.png"]
    page.screenshot(path=str(written[0]), full_page=True)
    page.goto(f"{base}/review/{rid}/exports")
    page.wait_for_selector("#ex-names .ag-row")
    page.screenshot(path=str(written[1]), full_page=True)
    page.close()
    return written


def main(out_dir: Path, browser=None) -> list[Path]:
    """Write the screenshots to `out_dir`, with `browser` (a Playwright browser) or a
    chromium started here."""
    from playwright.sync_api import sync_playwright

    from tests.live import CHROMIUM, CHROMIUM_ARGS, running_app

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'review.db'}"
        rid, password = _fill(url)
        with running_app(url, Path(tmp)) as base:
            if browser is not None:
                return _shoot(browser, base, rid, password, out_dir)
            with sync_playwright() as p:
                own = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    return _shoot(own, base, rid, password, out_dir)
                finally:
                    own.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    for path in main(target):
        print(f"wrote {path}")
