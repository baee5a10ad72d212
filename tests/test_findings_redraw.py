"""A save on the findings page is never swallowed by a redraw that lands while it is in
flight: another person's change (seen through the poll) or the page's own redraw re-draws
the lists and their Edit/Delete buttons, and the answer to the save must still reach the
person, exactly once, with the form as the answer says."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import settled, sign_in
from tests.workflow_site import own_review

pytestmark = pytest.mark.browser
LEAD = "lead@example.org"
SAVED = re.compile(r"^Saved")
# a regular expression: Dash 4 posts to /_dash-update-component?endId=..., which the glob
# "**/_dash-update-component" (tests/conftest.py poll_held) never matches
DASH_UPDATE = re.compile(r"/_dash-update-component(\?|$)")


@pytest.fixture(scope="module")
def site_store(sample_site):
    from timeline.store.service import Store

    store = Store.open(sample_site["url"], migrate=False)
    yield store
    store.close()


def _lead(store):
    return store.reviews.actor(store.reviews.get_user(email=LEAD)["id"])


def _open(page, base, site, rid):
    sign_in(page, base, LEAD, site["passwords"][LEAD])
    page.goto(f"{base}/review/{rid}/findings")
    page.wait_for_selector("#fd-finding-list > *", timeout=20000)
    settled(page)


def _open_with_a_finding(page, base, site, store, tag: str):
    """A review of its own with one finding already listed (so Edit buttons exist), open on
    the findings page as the lead: (review id, the lead as an actor)."""
    rid = own_review(site, files=["Police_chronology.csv"])
    lead = _lead(store)
    store.findings.add_finding(lead, rid, f"{tag} Already recorded", "So Edit buttons exist.")
    _open(page, base, site, rid)
    page.locator(".fd-card", has_text=f"{tag} Already recorded").wait_for()
    return rid, lead


class HeldSaves:
    """Holds each request made by a click on `button` (its changed prop is the button's
    n_clicks) until released, so a test decides what lands while the save is in flight."""

    def __init__(self, page, button: str, needles: tuple[str, ...] = ()):
        self.page, self.held = page, []
        needles = needles or (f'"{button}.n_clicks"',)

        def answer(route):
            changed = (route.request.post_data or "").split('"changedPropIds"', 1)[-1]
            if any(n in changed for n in needles):
                self.held.append(route)
            else:
                route.continue_()

        self.answer = answer

    def __enter__(self):
        self.page.route(DASH_UPDATE, self.answer)
        return self

    def release(self):
        for route in self.held:
            route.continue_()
        self.held = []

    def __exit__(self, *exc):
        self.release()
        self.page.unroute(DASH_UPDATE, self.answer)


def test_fr001_a_change_landing_while_a_save_is_in_flight_does_not_swallow_its_answer(
    live_app, sample_site, site_store, page
):
    rid, lead = _open_with_a_finding(page, live_app, sample_site, site_store, "fr001")

    title = "fr001 Health visiting did not hear of the notices"
    page.fill("#fd-finding-title", title)
    page.fill("#fd-finding-text", "The notices stopped at the school.")
    with HeldSaves(page, "fd-finding-save") as saves:
        page.click("#fd-finding-save")
        for _ in range(50):
            if saves.held:
                break
            page.wait_for_timeout(100)
        assert saves.held, "the save request was not made"
        # Meanwhile another tab of the lead agrees an action: the poll sees it and the page
        # redraws every list (and every Edit/Delete button) while the save is in flight.
        site_store.findings.add_action(lead, rid, "fr001 Agreed elsewhere meanwhile")
        expect(page.locator("#fd-action-list")).to_contain_text("fr001 Agreed elsewhere")
        saves.release()
        expect(page.locator("#fd-finding-message")).to_have_text(SAVED)
    settled(page)
    stored = [f for f in site_store.findings.list_findings(lead, rid) if f.title == title]
    assert len(stored) == 1
    # the answer was applied: the form is empty again, ready for the next finding
    assert page.input_value("#fd-finding-title") == ""
    assert page.locator(".fd-card", has_text=title).count() == 1
    assert page.console_errors == []


def test_fr002_two_quick_clicks_on_save_record_one_finding_and_say_so(
    live_app, sample_site, site_store, page
):
    rid, lead = _open_with_a_finding(page, live_app, sample_site, site_store, "fr002")

    title = "fr002 Nobody owned the referral"
    page.fill("#fd-finding-title", title)
    with HeldSaves(page, "fd-finding-save") as saves:
        page.click("#fd-finding-save")
        for _ in range(50):
            if saves.held:
                break
            page.wait_for_timeout(100)
        assert saves.held, "the save request was not made"
        # the impatient second click, while the first is still on its way (force: the
        # click is made whatever the button looks like)
        page.click("#fd-finding-save", force=True)
        page.wait_for_timeout(1000)
        saves.release()
        expect(page.locator("#fd-finding-message")).to_have_text(SAVED)
    settled(page)
    stored = [f for f in site_store.findings.list_findings(lead, rid) if f.title == title]
    assert len(stored) == 1
    assert page.input_value("#fd-finding-title") == ""
    expect(page.locator("#fd-finding-message")).to_have_text(SAVED)
    assert page.console_errors == []


def test_fr003_an_edit_clicked_while_a_redraw_lands_still_opens_the_finding(
    live_app, sample_site, site_store, page
):
    rid = own_review(sample_site, files=["Police_chronology.csv"])
    lead = _lead(site_store)
    title = "fr003 The school was not told"
    site_store.findings.add_finding(lead, rid, title, "Told a week late.")
    _open(page, live_app, sample_site, rid)
    card = page.locator(".fd-card", has_text=title)
    card.wait_for()
    # every request that answers a click on an Edit button, whichever way it is sent
    with HeldSaves(page, "", needles=("fd-edit", "fd-finding-click")) as clicks:
        card.get_by_role("button", name="Edit").click()
        for _ in range(50):
            if clicks.held:
                break
            page.wait_for_timeout(100)
        assert clicks.held, "the Edit click made no request"
        site_store.findings.add_action(lead, rid, "fr003 Agreed elsewhere meanwhile")
        expect(page.locator("#fd-action-list")).to_contain_text("fr003 Agreed elsewhere")
        page.wait_for_timeout(500)
        clicks.release()
        expect(page.locator("#fd-finding-title")).to_have_value(title)
    expect(page.locator("#fd-finding-heading")).to_contain_text("Edit finding")
    settled(page)
    page.fill("#fd-finding-text", "Told nine days late.")
    page.click("#fd-finding-save")
    expect(page.locator("#fd-finding-message")).to_have_text(SAVED)
    (stored,) = [f for f in site_store.findings.list_findings(lead, rid) if f.title == title]
    assert stored.text == "Told nine days late."  # an update, not a second finding
    assert page.console_errors == []
