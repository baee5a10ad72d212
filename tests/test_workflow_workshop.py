"""Workshop mode in a real browser: keyboard-only stepping and tagging against the KLOE in
focus, a participant following the facilitator from a second browser, the participants'
points to raise, and key practice episodes drawn as bands."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.conftest import sign_in
from tests.workflow_site import CHRONOLOGIES, actor_of, own_review, shot, with_store
from timeline.workflow import POINT

pytestmark = pytest.mark.browser
FAC = "facilitator@example.org"
PC = "pc.ward@example.org"
MEMBERS = [(FAC, "facilitator", None), (PC, "participant", "Police")]


def open_workshop(page, base, site, rid):
    sign_in(page, base, FAC, site["passwords"][FAC])
    page.goto(f"{base}/review/{rid}/workshop")
    expect(page.locator("#ws-step-label")).to_contain_text("1/", timeout=20000)


def test_wf501_keyboard_only_steps_and_quick_tags(live_app, sample_site, page):
    rid = own_review(sample_site, files=CHRONOLOGIES, match=True, members=MEMBERS)
    open_workshop(page, live_app, sample_site, rid)
    label = page.locator("#ws-step-label")
    expect(label).to_contain_text("Period: Jan 2019 – Jun 2019")
    page.keyboard.press("ArrowRight")
    expect(label).to_contain_text("2/")
    expect(label).to_contain_text("Jul 2019 – Dec 2019")
    page.keyboard.press("p")
    expect(label).to_contain_text("1/")
    page.keyboard.press("n")
    expect(label).to_contain_text("2/")
    page.keyboard.press("j")  # the first event of the step comes into view
    expect(page.locator("#ws-event-panel")).to_contain_text("Event in view", timeout=10000)
    page.keyboard.press("2")  # KLOE 2 in focus
    expect(page.locator("#ws-kloe-label")).to_contain_text("2. Injuries")
    page.keyboard.press("m")  # missed opportunity
    expect(page.locator("#ws-message")).to_contain_text("Tagged: Missed opportunity")
    expect(page.locator("#ws-event-tags")).to_contain_text("Missed opportunity", timeout=10000)
    store = with_store(sample_site)
    try:
        fac = actor_of(store, FAC)
        (tag,) = [
            a
            for a in store.annotations.list_annotations(fac, rid)
            if a["kind"] == "missed_opportunity"
        ]
        kloe2 = next(k for k in store.reviews.list_kloes(fac, rid) if k["number"] == "2")
        assert tag["kloe_ids"] == [kloe2["id"]]
        view = store.workflow.get_workshop_view(fac, rid)
        assert view["event_id"] == tag["event_id"]
        assert view["period"][0] == "2019-07-01"
    finally:
        store.close()
    # large type on the projector: the strip's text is the screen's text size (which
    # scales with the window: 1280x900 here), never the ordinary timeline's 13 px
    size, body = page.evaluate(
        "() => [document.querySelector('#ws-graph .js-plotly-plot').layout.font.size,"
        " parseFloat(getComputedStyle(document.querySelector('.ws-screen')).fontSize)]"
    )
    assert size == body and body >= 16
    shot(page, "workshop")
    assert page.console_errors == []


def test_wf502_a_participant_follows_the_facilitator_and_sees_the_tags(
    live_app, sample_site, page, browser
):
    rid = own_review(sample_site, files=CHRONOLOGIES, match=True, members=MEMBERS)
    store = with_store(sample_site)
    try:
        pc = actor_of(store, PC)
        police = next(r for r in store.records.list_records(pc, rid) if r["agency"] == "Police")
        store.annotations.add_annotation(pc, police["event_id"], POINT, "Out-of-hours cover")
    finally:
        store.close()
    # the participant, in a browser of their own, opts in to follow
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        pp = other.new_page()
        sign_in(pp, live_app, PC, sample_site["passwords"][PC])
        pp.goto(f"{live_app}/review/{rid}/prepare")
        pp.wait_for_selector("#pr-entries li button", timeout=20000)
        pp.get_by_label("Follow the facilitator").check()
        open_workshop(page, live_app, sample_site, rid)
        # the facilitator sees the participant's point to raise
        expect(page.locator("#ws-points")).to_contain_text("Out-of-hours cover")
        for _ in range(3):
            page.keyboard.press("n")
        expect(page.locator("#ws-step-label")).to_contain_text("4/")
        step = page.locator("#ws-step-label").inner_text().split(": ", 1)[1]
        # the participant's screen follows (it polls every second: FOLLOW_POLL_MS; the
        # timeout leaves room for a busy test machine)
        expect(pp.locator("#pr-follow-banner")).to_contain_text(step, timeout=5000)
        pp.wait_for_function(
            "() => String(document.querySelector('#pr-graph .js-plotly-plot')"
            ".layout.xaxis.range[0]).startsWith('2020-07-01')",
            timeout=5000,
        )
        page.keyboard.press("j")
        expect(page.locator("#ws-event-panel")).to_contain_text("Event in view", timeout=10000)
        page.keyboard.press("d")  # key decision
        expect(page.locator("#ws-message")).to_contain_text("Tagged: Key decision")
        # the tag shows on the participant's timeline (their page polls the review version)
        pp.wait_for_function(
            "() => document.querySelector('#pr-graph .js-plotly-plot').data"
            ".some(t => t.name === 'Key decision')",
            timeout=5000,
        )
        assert pp.locator("#pr-graph .js-plotly-plot").count() == 1
    finally:
        other.close()


def test_wf503_episodes_are_steps_and_bands(live_app, sample_site, page):
    rid = own_review(sample_site, files=CHRONOLOGIES, match=True, members=MEMBERS)
    open_workshop(page, live_app, sample_site, rid)
    page.get_by_text("Key practice episodes").click()
    page.fill("#ws-ep-title", "Strangulation disclosure")
    page.fill("#ws-ep-desc", "From the 999 call to the strategy discussion")
    page.fill("#ws-ep-dates", "02/11/2019")
    page.press("#ws-ep-dates", "Tab")
    page.fill("#ws-ep-dates-end-date", "20/11/2019")
    page.press("#ws-ep-dates-end-date", "Tab")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Add episode").click()
    expect(page.locator("#ws-ep-msg")).to_contain_text("added")
    expect(page.locator("#ws-episodes")).to_contain_text("Strangulation disclosure")
    # the episode is now the first step, and a labelled band on the timeline
    expect(page.locator("#ws-step-label")).to_contain_text(
        "Episode: Strangulation disclosure", timeout=10000
    )
    labels = page.evaluate(
        "() => (document.querySelector('#ws-graph .js-plotly-plot').layout.annotations || [])"
        ".map(a => a.text)"
    )
    assert "Strangulation disclosure" in labels
    store = with_store(sample_site)
    try:
        (ep,) = store.annotations.list_episodes(actor_of(store, FAC), rid)
        assert (ep["date_start"], ep["date_end"]) == (date(2019, 11, 2), date(2019, 11, 20))
    finally:
        store.close()
    assert page.console_errors == []
