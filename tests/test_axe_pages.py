"""axe-core (WCAG 2.0–2.2 A and AA rules) on every page of the app, as the lead reviewer of
the sample review: none may have a critical or serious violation."""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.axe_helper import assert_no_serious_violations, axe_source, blocking, run_axe
from tests.conftest import sign_in

pytestmark = pytest.mark.browser

# (name, path under the review or absolute, an element the page draws once it is ready)
PAGES = [
    ("home", "/", "main h1"),
    ("new review", "/new", "#nr-title"),
    ("set-up", "{r}/setup", "#su-upload"),
    ("queue", "{r}/queue", "main h1"),
    ("timeline", "{r}", "main h1"),
    ("prepare", "{r}/prepare", "main h1"),
    ("workshop", "{r}/workshop", "main h1"),
    ("findings", "{r}/findings", "main h1"),
    ("exports", "{r}/exports", "main h1"),
    ("retention", "{r}/retention", "main h1"),
]


@pytest.fixture(scope="module")
def lead_page(browser, live_app, sample_site):
    axe_source()  # skip early when axe-core has not been fetched
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    sign_in(page, live_app, sample_site["lead"], sample_site["password"])
    yield page
    context.close()


def settle(page, ready: str) -> None:
    """Wait for the page's own content and for its first callbacks to answer."""
    page.wait_for_selector(ready, timeout=30000)
    # A page that polls may never be idle for long, and the chart may keep a loading mark:
    # its content is there either way.
    with contextlib.suppress(PlaywrightError):
        page.wait_for_load_state("networkidle", timeout=10000)
    with contextlib.suppress(PlaywrightError):
        page.wait_for_function(
            "() => !document.querySelector('[data-dash-is-loading]')", timeout=5000
        )


@pytest.mark.parametrize("name,path,ready", PAGES, ids=[p[0] for p in PAGES])
def test_ax001_no_serious_violation_on_each_page(
    lead_page, live_app, sample_site, name, path, ready
):
    url = live_app + path.format(r=f"/review/{sample_site['review_id']}")
    lead_page.goto(url)
    settle(lead_page, ready)
    assert lead_page.evaluate("() => document.documentElement.lang") == "en-GB"
    assert_no_serious_violations(lead_page, f"{name} ({path})")


def test_ax002_the_sign_in_page_has_no_serious_violation(browser, live_app):
    axe_source()
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    try:
        page.goto(live_app + "/login")
        page.wait_for_selector("input[name=email]")
        assert_no_serious_violations(page, "sign in (/login)")
    finally:
        context.close()


def test_ax003_the_checker_finds_a_planted_violation(browser):
    """The helper can fail: an unlabelled input and a missing lang are reported."""
    axe_source()
    context = browser.new_context()
    page = context.new_page()
    try:
        page.set_content("<html><body><main><input type='text'></main></body></html>")
        found = {v["id"] for v in blocking(run_axe(page))}
        assert {"label", "html-has-lang"} <= found
        with pytest.raises(pytest.fail.Exception, match="label"):
            assert_no_serious_violations(page, "a planted page")
    finally:
        context.close()


FOCUS_RING = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    for (let e = el, up = 0; e && up < 4; e = e.parentElement, up++) {
        const s = getComputedStyle(e);
        if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) return true;
    }
    return (el.id || el.tagName) + ' ' + (el.className || '');
}"""


@pytest.mark.parametrize("path,ready", [("/new", "#nr-title"), ("{r}/setup", "#su-upload")])
def test_ax004_every_control_reached_by_tab_shows_a_focus_ring(
    lead_page, live_app, sample_site, path, ready
):
    """Tab through the first controls of the page: each shows an outline of at least 2 px
    (on itself or on the component that holds it), Dash's own inputs included."""
    lead_page.goto(live_app + path.format(r=f"/review/{sample_site['review_id']}"))
    settle(lead_page, ready)
    lead_page.locator("main").click(position={"x": 1, "y": 1})
    missing = []
    for _ in range(14):
        lead_page.keyboard.press("Tab")
        ring = lead_page.evaluate(FOCUS_RING)
        if ring not in (True, None):
            missing.append(ring)
    assert missing == [], f"focus not visible on: {missing}"
