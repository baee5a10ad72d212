"""The duplicate review queue in a real browser, by keyboard only: move, accept, reject,
take out, undo; the stored events follow every decision."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import settled, sign_in
from tests.workflow_site import CHRONOLOGIES, LEAD, actor_of, own_review, shot, with_store

pytestmark = pytest.mark.browser


def decisions(site, rid):
    store = with_store(site)
    try:
        return store.records.list_decisions(actor_of(store, LEAD), rid)
    finally:
        store.close()


def events_with(site, rid, record_ids):
    """The event id of each record."""
    store = with_store(site)
    try:
        out = {}
        for e in store.records.list_events(actor_of(store, LEAD), rid):
            for r in e["record_ids"]:
                if r in record_ids:
                    out[r] = e["id"]
        return out
    finally:
        store.close()


def open_queue(page, base, site, rid):
    sign_in(page, base, LEAD, site["passwords"][LEAD])
    page.goto(f"{base}/review/{rid}/queue")
    page.wait_for_selector(".wf-queue .wf-item", timeout=20000)
    settled(page)


def pair_shown(page, pair):
    return page.locator(f".wf-item[data-key='{'|'.join(pair)}']")


def test_wf301_keyboard_only_accept_reject_undo(live_app, sample_site, page):
    rid = own_review(sample_site, files=CHRONOLOGIES, match=True)
    open_queue(page, live_app, sample_site, rid)
    shot(page, "queue")
    first = page.locator(".wf-item").first
    pair = first.get_attribute("data-key").split("|")
    assert first.get_by_role("button", name="Same event (a)").is_visible()
    page.keyboard.press("j")  # focus moves to the second pair
    expect(page.locator(".wf-item").nth(1)).to_be_focused()
    page.keyboard.press("k")
    expect(first).to_be_focused()
    page.keyboard.press("a")  # same event
    expect(page.locator("#qu-message")).to_contain_text("Recorded as one event", timeout=20000)
    made = decisions(sample_site, rid)
    assert [d["kind"] for d in made] == ["same"] and sorted(made[0]["record_ids"]) == sorted(pair)
    where = events_with(sample_site, rid, set(pair))
    assert len(set(where.values())) == 1  # the timeline follows: one event now
    # the decided pair has left the queue
    expect(pair_shown(page, pair)).to_have_count(0)
    settled(page)
    page.keyboard.press("u")
    expect(page.locator("#qu-message")).to_contain_text("Undone", timeout=20000)
    assert decisions(sample_site, rid) == []
    # the queue is drawn again with the pair back in it: only then is its first pair known
    expect(pair_shown(page, pair)).to_have_count(1)
    settled(page)
    # reject the pair now first in the queue
    page.locator(".wf-item").first.focus()
    nxt = page.locator(".wf-item").first.get_attribute("data-key").split("|")
    page.keyboard.press("r")
    expect(page.locator("#qu-message")).to_contain_text("different events", timeout=20000)
    made = decisions(sample_site, rid)
    assert [d["kind"] for d in made] == ["not_same"]
    assert sorted(made[0]["record_ids"]) == sorted(nxt)
    where = events_with(sample_site, rid, set(nxt))
    assert len(set(where.values())) == 2
    assert page.console_errors == []


def test_wf302_take_a_record_out_and_the_queue_is_for_the_lead_only(
    live_app, sample_site, page, browser
):
    rid = own_review(
        sample_site,
        files=CHRONOLOGIES,
        match=True,
        members=[("pc.ward@example.org", "participant", "Police")],
    )
    open_queue(page, live_app, sample_site, rid)
    item = page.locator(".wf-item").first
    second = item.get_attribute("data-key").split("|")[-1]
    item.focus()
    page.keyboard.press("o")
    expect(page.locator("#qu-message")).to_contain_text("out of its event", timeout=20000)
    (d,) = decisions(sample_site, rid)
    assert d["kind"] == "remove" and d["record_ids"] == [second]
    other = browser.new_context()
    try:
        p2 = other.new_page()
        sign_in(
            p2, live_app, "pc.ward@example.org", sample_site["passwords"]["pc.ward@example.org"]
        )
        p2.goto(f"{live_app}/review/{rid}/queue")
        p2.wait_for_selector("text=Only the lead reviewer decides duplicates.")
        assert p2.locator(".wf-item").count() == 0
    finally:
        other.close()
