"""Tagging on the timeline in a real browser: the tagger's new tag is drawn the moment
"Add tag" is pressed, by its own trace alone, and stays; the save's answer confirms it
without the chart being drawn again, even when a poll comes back before that answer."""

import re

import pytest

from tests.conftest import settled
from tests.test_timeline_ui import open_review, select_row

pytestmark = pytest.mark.browser

_UPDATE = re.compile(r"/_dash-update-component(\?|$)")
# The points drawn (SVG) on the trace named `name`, found by its uid.
DRAWN = """(name) => {
  const gd = document.querySelector('#tl-graph .js-plotly-plot');
  const i = gd._fullData.findIndex(t => t.name === name);
  const g = gd.querySelector('.trace' + gd._fullData[i].uid);
  return g ? g.querySelectorAll('.point').length : 0;
}"""
# Every full drawing of the chart (Plotly's afterplot) from now on.
COUNT_PLOTS = """() => {
  const gd = document.querySelector('#tl-graph .js-plotly-plot');
  window.lrtPlots = 0;
  gd.on('plotly_afterplot', () => { window.lrtPlots += 1; });
}"""


def _wait(page, done, timeout_ms=30_000):
    """Wait on a condition of this side (the browser's events go on meanwhile)."""
    for _ in range(timeout_ms // 50):
        if done():
            return
        page.wait_for_timeout(50)
    raise AssertionError("timed out")


def test_tl013_a_new_tag_is_drawn_at_once_alone_and_a_poll_before_its_answer_redraws_nothing(
    live_app, sample_site, page, fresh_review
):
    open_review(page, live_app, sample_site, rid=fresh_review)
    select_row(page, "Strategy discussion")
    page.locator("#tl-tabs").get_by_text("Timeline", exact=True).click()
    settled(page)
    before = page.evaluate(DRAWN, "Good practice")

    # The save reaches the server (so the review's version moves on) but its answer is
    # held back until a poll asked after it has been answered.
    held, asked = {}, []

    def hold_save(route):
        body = route.request.post_data or ""
        if '"tl-tag-add"' in body and '"tl-panel"' in body and "response" not in held:
            held["response"] = route.fetch()
            held["route"] = route
        else:
            route.continue_()

    def note(request):
        if _UPDATE.search(request.url):
            asked.append((request, "response" in held))

    page.on("request", note)
    page.route(_UPDATE, hold_save)
    page.click("#tl-tag-kind")
    page.get_by_role("option", name="Good practice", exact=True).click()
    page.fill("#tl-tag-text", "Held save: drawn before the answer.")
    page.evaluate(COUNT_PLOTS)
    page.click("#tl-tag-add")
    _wait(page, lambda: "response" in held)
    # drawn on the tagger's chart before the answer, by that trace alone (no full redraw)
    page.wait_for_function(f"() => ({DRAWN})('Good practice') > {before}")
    assert page.evaluate("() => window.lrtPlots") == 0
    assert "Held save" not in page.inner_text("#tl-panel")

    def poll_answered():
        polls = [r for r, late in asked if late and '"tl-poll"' in (r.post_data or "")]
        return any(r.response() is not None for r in polls)

    _wait(page, poll_answered)
    page.wait_for_timeout(300)  # the poll's answer applied
    held["route"].fulfill(response=held["response"])
    page.wait_for_selector("text=Tag saved")
    page.wait_for_selector("#tl-panel >> text=Held save: drawn before the answer.")
    settled(page)
    page.unroute(_UPDATE, hold_save)
    # The version the poll saw was this screen's own save: the chart was not drawn again
    # (the draw callback writes the overview too), and the tag is still on it.
    assert not [r for r, _ in asked if "tl-overview.figure" in (r.post_data or "")]
    assert page.evaluate(DRAWN, "Good practice") == before + 1

    # Another event selected from the list (the selection ring is patched into the
    # figure, which Plotly draws again): the tag drawn at once is still there.
    page.locator("#tl-events [role=option][aria-selected=false]").first.click()
    page.wait_for_function(
        "() => !document.getElementById('tl-panel').innerText.includes('Held save')"
    )
    settled(page)
    assert page.evaluate(DRAWN, "Good practice") == before + 1
    assert page.console_errors == []
