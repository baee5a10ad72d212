"""Take the README's screenshots of the main pages from the real app in headless Chromium.

Run: .venv/bin/python docs/screenshots.py   (writes docs/screenshots/*.png; the only
thing that does: tests never write into the checkout)
     .venv/bin/python docs/screenshots.py --only workshop   (just the workshop on a
projector, 1920×1080, and on a laptop, 1366×768)
     .venv/bin/python docs/screenshots.py --ten-agencies   (only the timeline of the
generated ten-agency review, about 500 records, at 1920×1080 and 1366×768)
It loads the fictional sample review into a temporary database, starts the app, signs in
and photographs each page; nothing here is drawn by hand.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


WORKSHOP_SIZES = ((1920, 1080), (1366, 768))


def workshop_shots(browser, base: str, rid: int, state: dict) -> None:
    """The workshop as the room sees it: the second period, its first event in view."""
    for w, h in WORKSHOP_SIZES:
        context = browser.new_context(viewport={"width": w, "height": h}, storage_state=state)
        page = context.new_page()
        page.goto(f"{base}/review/{rid}/workshop")
        page.wait_for_selector("#ws-step-label:has-text('1/')", timeout=30000)
        page.keyboard.press("n")
        page.wait_for_selector("#ws-step-label:has-text('2/')")
        for _ in range(40):  # on to the first event that several agencies recorded
            page.keyboard.press("j")
            page.wait_for_selector("#ws-event-panel .ws-voice", timeout=30000)
            time.sleep(0.4)
            if page.locator("#ws-event-panel .ws-voice").count() >= 2:
                break
        page.keyboard.press("2")
        page.wait_for_selector("#ws-graph .xtick text")
        time.sleep(1.5)
        page.screenshot(path=str(OUT / f"workshop-{w}x{h}.png"))
        context.close()


def ten_agency_timeline() -> None:
    """timeline-10-agencies*.png: about 500 generated records from ten agencies, a few
    tags, one event open, at 1920x1080 and 1366x768 (the chart fits each screen)."""
    from playwright.sync_api import sync_playwright

    from tests.live import CHROMIUM, CHROMIUM_ARGS, running_app
    from tests.ten_agencies import ten_agency_review
    from timeline.store.auth import LOCAL_OPERATOR
    from timeline.store.service import Store

    folder = Path(tempfile.mkdtemp(prefix="lrt-shots-ten-"))
    url = f"sqlite:///{folder / 'r.db'}"
    store = Store.open(url)
    email, password = "ten.lead@example.org", "ten-agencies-screenshot-1"
    store.reviews.create_user(LOCAL_OPERATOR, email, "Tess Lead", password)
    rid = ten_agency_review(store, folder, email)
    lead = store.reviews.actor(store.reviews.get_user(email=email)["id"])
    events = [
        e for e in store.records.list_events(LOCAL_OPERATOR, rid) if len(e["record_ids"]) >= 2
    ]
    for i, kind in enumerate(
        ["key_decision", "missed_opportunity", "good_practice", "needs_escalation", "comment"]
    ):
        store.annotations.add_annotation(
            lead, events[i * 7]["id"], kind, "Tagged for the screenshot.", []
        )
    store.annotations.add_annotation(
        lead, events[0]["id"], "comment", "A second tag on one event.", []
    )
    store.close()
    OUT.mkdir(parents=True, exist_ok=True)
    with running_app(url, folder) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for (w, h), name in [((1920, 1080), ""), ((1366, 768), "-1366x768")]:
            page = browser.new_page(viewport={"width": w, "height": h})
            page.goto(base + "/login")
            page.fill("input[name=email]", email)
            page.fill("input[name=password]", password)
            page.click("button[type=submit]")
            page.wait_for_url(base + "/")
            page.goto(f"{base}/review/{rid}")
            page.wait_for_selector("#tl-events [role=option]")
            page.wait_for_function("() => !document.title.startsWith('Updating')")
            page.focus("#tl-events")  # open the fourth event from the keyboard
            for _ in range(3):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Enter")
            page.wait_for_selector(".record-card", timeout=60000)
            time.sleep(2)
            page.screenshot(path=str(OUT / f"timeline-10-agencies{name}.png"))
            page.close()
        browser.close()


def main() -> int:
    if "--ten-agencies" in sys.argv[1:]:  # only the ten-agency timeline
        ten_agency_timeline()
        print(f"screenshots written to {OUT}")
        return 0
    from playwright.sync_api import sync_playwright

    from tests.live import CHROMIUM, CHROMIUM_ARGS, running_app
    from timeline.store.auth import LOCAL_OPERATOR
    from timeline.store.cli import load_sample
    from timeline.store.service import Store

    folder = Path(tempfile.mkdtemp(prefix="lrt-shots-"))
    url = f"sqlite:///{folder / 'r.db'}"
    store = Store.open(url)
    info = load_sample(store)
    rid = info["review_id"]
    lead = store.reviews.actor(store.reviews.get_user(email="lead@example.org")["id"])
    kloes = store.reviews.list_kloes(LOCAL_OPERATOR, rid)
    events = [
        e for e in store.records.list_events(LOCAL_OPERATOR, rid) if len(e["record_ids"]) >= 3
    ]
    for event, kind, text in [
        (events[0], "key_decision", "Strategy discussion agreed a joint s47 enquiry."),
        (events[3], "missed_opportunity", "Nobody asked the school what Tyler had said."),
        (events[5], "good_practice", "Health visitor shared concerns with the GP the same day."),
    ]:
        store.annotations.add_annotation(lead, event["id"], kind, text, [kloes[0]["id"]])
    store.close()

    OUT.mkdir(parents=True, exist_ok=True)
    with running_app(url, folder) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(base + "/login")
        page.screenshot(path=str(OUT / "sign-in.png"))
        page.fill("input[name=email]", "lead@example.org")
        page.fill("input[name=password]", info["password"])
        page.click("button[type=submit]")
        page.wait_for_selector("h2 a")
        if "--only" in sys.argv and sys.argv[-1] == "workshop":
            workshop_shots(browser, base, rid, page.context.storage_state())
            browser.close()
            print(f"workshop screenshots written to {OUT}")
            return 0
        page.screenshot(path=str(OUT / "reviews.png"), full_page=True)
        page.goto(f"{base}/review/{rid}")
        page.wait_for_function(
            "() => { const g = document.querySelector('#tl-graph .js-plotly-plot');"
            " return g && g.data && g.data.length > 3; }"
        )
        page.fill("#tl-f-text", "strategy")
        page.press("#tl-f-text", "Enter")
        page.locator("#tl-tabs").get_by_text("Table", exact=True).click()
        page.locator(".ag-center-cols-container .ag-row").first.click()
        page.wait_for_selector(".record-card")
        page.screenshot(path=str(OUT / "table.png"), full_page=True)
        page.fill("#tl-f-text", "")
        page.press("#tl-f-text", "Enter")
        page.locator("#tl-tabs").get_by_text("Timeline", exact=True).click()
        time.sleep(2)
        page.screenshot(path=str(OUT / "timeline.png"), full_page=True)
        workshop_shots(browser, base, rid, page.context.storage_state())
        browser.close()
    ten_agency_timeline()
    # The workflow pages' screenshots come from their browser tests, which take them
    # only when asked (LRT_DOC_SCREENSHOTS): a plain test run never writes into docs/.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_workflow_setup.py",
            "tests/test_workflow_queue.py",
            "tests/test_workflow_prepare.py",
            "tests/test_workflow_workshop.py",
            "-k",
            "wf201 or wf203 or queue or prepare or workshop",
        ],
        cwd=ROOT,
        env={**os.environ, "LRT_DOC_SCREENSHOTS": str(OUT)},
        check=False,
    )
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
