"""Two reported faults of the timeline, in a real browser: an event of the list opened with
the mouse after the list was scrolled, and a zoom followed at once by the chart's own size
report (an autosize relayout). Both failed before their fixes (assets/timeline.js)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import settled, sign_in

pytestmark = pytest.mark.browser
LEAD = "list.zoom.lead@example.org"
PASSWORD = "list-zoom-pass-1"
GRAPH = "document.querySelector('#tl-graph .js-plotly-plot')"


@pytest.fixture(scope="module")
def review(sample_site, tmp_path_factory):
    """About 500 generated records from ten agencies, with a lead of its own."""
    from tests.ten_agencies import ten_agency_review
    from timeline.store.auth import LOCAL_OPERATOR
    from timeline.store.service import Store

    store = Store.open(sample_site["url"], migrate=False)
    store.reviews.create_user(LOCAL_OPERATOR, LEAD, "Lee Zoom", PASSWORD)
    rid = ten_agency_review(store, tmp_path_factory.mktemp("listzoom"), LEAD)
    store.close()
    return rid


def open_review(page, base, rid):
    sign_in(page, base, LEAD, PASSWORD)
    page.goto(f"{base}/review/{rid}")
    page.wait_for_function(
        f"() => {{ const g = {GRAPH}; return g && g._fullLayout"
        " && document.querySelectorAll('#tl-graph .ytick text').length >= 10; }",
        timeout=30000,
    )
    page.wait_for_selector("#tl-events [role=option]")
    settled(page)


def test_lz001_a_mouse_click_opens_an_event_of_a_scrolled_list(live_app, review, page):
    """Pressing the mouse focused the list, which made its first option the active one
    and scrolled back to it: the button came up over another place, so the click reached
    no option and nothing opened (the keyboard was fine)."""
    open_review(page, live_app, review)
    page.evaluate(
        "() => { const l = document.getElementById('tl-events'); l.scrollTop = l.scrollHeight; }"
    )
    options = page.locator("#tl-events [role=option]")
    last = options.nth(options.count() - 1)
    box = last.bounding_box()
    wording = last.inner_text()
    # a person's click: the button goes down and comes up at one place on the screen
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function(
        "() => document.querySelector('#tl-events [aria-selected=true]')", timeout=10000
    )
    assert last.get_attribute("aria-selected") == "true"
    page.wait_for_selector("#tl-panel .record-card")
    assert wording.split(": ", 1)[1][:20].rstrip("…") in page.inner_text("#tl-panel")
    assert page.console_errors == []


def view_drawn(page) -> str:
    return page.evaluate(f"() => {GRAPH}.layout.uirevision")


def test_lz002_a_zoom_followed_at_once_by_a_size_report_is_kept(live_app, review, page):
    """The chart reports its new size (relayoutData {autosize: true}) right after a zoom:
    the zoom still becomes the view (records regrouped, the list following). The size
    report replaced the zoom's relayoutData before the callback ran, so the zoom was lost;
    the view is now read from the chart's axis."""
    open_review(page, live_app, review)
    page.evaluate(
        "() => { const g = " + GRAPH + ";"
        " return Plotly.relayout(g, {'xaxis.range': ['2020-03-01', '2020-04-01']})"
        ".then(() => Plotly.Plots.resize(g)); }"
    )
    page.wait_for_function(
        f"() => {GRAPH}.layout.uirevision === 'view 2020-03-01 2020-04-01'", timeout=15000
    )
    listed = page.locator("#tl-events [role=option]").all_inner_texts()
    assert listed and all(re.match(r"\d{1,2} (Feb|Mar|Apr) 2020", t) for t in listed)
    assert page.console_errors == []
