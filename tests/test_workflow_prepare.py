"""Preparation in a real browser: the participant's agency highlighted and listed, a
reflection saved as they type (kept across a refresh and a dropped connection), points
to raise."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import settled, sign_in
from tests.workflow_site import CHRONOLOGIES, actor_of, own_review, shot, wait_until, with_store

pytestmark = pytest.mark.browser
PC = "pc.ward@example.org"


def annotations(site, rid, kind):
    store = with_store(site)
    try:
        return [
            a
            for a in store.annotations.list_annotations(actor_of(store, PC), rid)
            if a["kind"] == kind
        ]
    finally:
        store.close()


def saved_reflection(site, rid, ending):
    """The stored reflections once one ends with `ending` (the page saves within a second
    or two of the last keystroke)."""
    return wait_until(
        lambda: annotations(site, rid, "reflection"),
        lambda found: bool(found) and found[0]["text"].endswith(ending),
    )


def open_prepare(page, base, site, rid):
    sign_in(page, base, PC, site["passwords"][PC])
    page.goto(f"{base}/review/{rid}/prepare")
    page.wait_for_selector("#pr-entries li button", timeout=20000)
    settled(page)


def choose_entry(page, n: int) -> None:
    """Open entry n of the list: its reflection box becomes editable."""
    page.locator("#pr-entries li button").nth(n).click()
    expect(page.locator("#pr-text")).to_be_enabled()


def police_opacity(page):
    return page.evaluate(
        "() => Object.fromEntries(document.querySelector('#pr-graph .js-plotly-plot').data"
        ".filter(t => t.mode === 'markers' && t.customdata).map(t => [t.name, t.marker.opacity]))"
    )


def test_wf401_own_agency_highlighted_and_listed(live_app, sample_site, page):
    rid = own_review(
        sample_site,
        files=CHRONOLOGIES,
        match=True,
        members=[(PC, "participant", "Police")],
    )
    open_prepare(page, live_app, sample_site, rid)
    page.wait_for_function(
        "() => { const g = document.querySelector('#pr-graph .js-plotly-plot');"
        " return g && g.data && g.data.length > 0; }",
        timeout=20000,
    )
    op = police_opacity(page)
    assert op["Police"] == 0.9 and op["GP"] == 0.25
    store = with_store(sample_site)
    try:
        n_police = sum(
            1
            for r in store.records.list_records(actor_of(store, PC), rid)
            if r["agency"] == "Police"
        )
    finally:
        store.close()
    assert page.locator("#pr-entries li button").count() == n_police
    assert page.console_errors == []


def test_wf402_reflection_saved_as_typed_kept_on_refresh_and_offline(live_app, sample_site, page):
    rid = own_review(
        sample_site, files=["Police_chronology.csv"], members=[(PC, "participant", "Police")]
    )
    open_prepare(page, live_app, sample_site, rid)
    choose_entry(page, 1)
    page.locator("#pr-text").press_sequentially("I saw the risk as standard at the time", delay=10)
    (saved,) = saved_reflection(sample_site, rid, "at the time")
    assert saved["text"] == "I saw the risk as standard at the time"
    expect(page.locator("#pr-save-state")).to_have_text("All changes saved.")
    shot(page, "prepare")
    # refresh: the saved text comes back
    page.reload()
    page.wait_for_selector("#pr-entries li button")
    settled(page)
    choose_entry(page, 1)
    expect(page.locator("#pr-text")).to_have_value("I saw the risk as standard at the time")
    # a dropped connection: typing goes on, kept locally, saved when back
    page.context.set_offline(True)
    page.locator("#pr-text").press_sequentially(", because no injuries were seen.", delay=10)
    page.wait_for_function(
        "() => (window.localStorage.getItem('pr-local') || '').includes('no injuries were seen.')"
    )
    expect(page.locator("#pr-save-state")).to_contain_text("kept on this computer")
    page.context.set_offline(False)
    (saved,) = saved_reflection(sample_site, rid, "injuries were seen.")
    assert saved["text"].endswith("because no injuries were seen.")
    page.wait_for_function(
        "() => !(window.localStorage.getItem('pr-local') || '').includes('injuries')"
    )
    # the console errors here are the offline requests, which the test itself caused
    page.console_errors.clear()


def test_wf403_points_to_raise(live_app, sample_site, page):
    rid = own_review(
        sample_site, files=["Police_chronology.csv"], members=[(PC, "participant", "Police")]
    )
    open_prepare(page, live_app, sample_site, rid)
    page.get_by_role("button", name="Add point to raise").click()
    expect(page.locator("#pr-point-msg")).to_contain_text("Write the point first")
    choose_entry(page, 0)
    page.fill("#pr-point", "Why was no strategy discussion held?")
    page.get_by_role("button", name="Add point to raise").click()
    expect(page.locator("#pr-points")).to_contain_text("Why was no strategy discussion held?")
    (point,) = annotations(sample_site, rid, "point_to_raise")
    assert point["text"] == "Why was no strategy discussion held?"
    assert page.console_errors == []


def test_wf404_two_tabs_writing_one_reflection_get_both_texts_and_choose(
    live_app, sample_site, browser, page
):
    """The same participant in two windows on one entry: the first saves as they type; the
    second, begun before that save, is shown both texts and saves nothing until it
    chooses; taking the other text puts it in the box."""
    rid = own_review(
        sample_site, files=["Police_chronology.csv"], members=[(PC, "participant", "Police")]
    )
    open_prepare(page, live_app, sample_site, rid)
    other_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    other = other_ctx.new_page()
    try:
        open_prepare(other, live_app, sample_site, rid)  # both windows began with nothing
        for p in (page, other):
            p.locator("#pr-entries li button").nth(1).click()
            expect(p.locator("#pr-text")).to_be_enabled(timeout=10000)
        page.locator("#pr-text").press_sequentially("Written on the laptop", delay=10)
        (saved,) = saved_reflection(sample_site, rid, "on the laptop")
        other.locator("#pr-text").press_sequentially("Written on the tablet", delay=10)
        conflict = other.locator("#pr-conflict .tag-conflict")
        conflict.wait_for(timeout=15000)
        # their side is the text saved last (under load the panel may first show an earlier
        # autosave of the laptop's, "Written on the lapto", and catch up on the next tick)
        expect(conflict.locator(".conflict-theirs")).to_contain_text(
            "Written on the laptop", timeout=10000
        )
        # what the tablet goes on typing shows as its side (the autosave updates it)
        expect(conflict.locator(".conflict-mine")).to_have_text(
            "Written on the tablet", timeout=10000
        )
        other.wait_for_timeout(2500)  # autosave ticks go by: nothing of the tablet's is saved
        assert [a["text"] for a in annotations(sample_site, rid, "reflection")] == [
            "Written on the laptop"
        ]
        conflict.get_by_role("button", name="Take theirs").click()
        expect(other.locator("#pr-text")).to_have_value("Written on the laptop", timeout=10000)
        expect(other.locator("#pr-conflict .tag-conflict")).to_have_count(0)
        assert saved["version"] == annotations(sample_site, rid, "reflection")[0]["version"]
        assert page.console_errors == []
    finally:
        other_ctx.close()
