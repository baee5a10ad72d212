"""Issue 12, the timeline's first render: the page arrives with its chart already drawn
(no callback round trip before it), nothing redraws it on load, and the assets Dash names
by their fingerprint are cached by the browser instead of being asked for again."""

from __future__ import annotations

import json

import pytest
import requests

from tests.conftest import settled
from tests.conftest import sign_in as sign_in_page
from tests.test_security_web import pages_body, sign_in


def _find(tree, ident: str) -> dict | None:
    """The component with id `ident` in a Dash layout tree."""
    if isinstance(tree, dict):
        if tree.get("props", {}).get("id") == ident:
            return tree["props"]
        children = tree.values()
    elif isinstance(tree, list):
        children = tree
    else:
        return None
    for child in children:
        found = _find(child, ident)
        if found is not None:
            return found
    return None


def _timeline_page(base: str, site: dict) -> dict:
    s = sign_in(base, site["lead"], site["password"])
    path = f"/review/{site['review_id']}"
    r = s.post(base + "/_dash-update-component", json=pages_body(s, base, path))
    assert r.status_code == 200, r.text[:300]
    return r.json()["response"]


def test_fd001_the_timeline_page_arrives_with_every_record_on_its_chart(live_app, sample_site):
    from timeline.store.auth import LOCAL_OPERATOR
    from timeline.store.service import Store

    store = Store.open(sample_site["url"], migrate=False)
    rid = sample_site["review_id"]
    records = len(store.timeline.timeline_marks(LOCAL_OPERATOR, rid))
    version = store.reviews.review_version(LOCAL_OPERATOR, rid)
    store.close()

    page = _timeline_page(live_app, sample_site)
    graph = _find(page, "tl-graph")
    assert graph is not None and graph.get("figure"), "the chart comes without its figure"
    data = graph["figure"]["data"]
    assert sum((t.get("meta") or {}).get("records", 0) for t in data) == records
    assert _find(page, "tl-strip-first")["data"]["data"], "the period strip is empty"
    assert _find(page, "tl-events-data")["data"], "the list of events in view is empty"
    assert "events in view" in _find(page, "tl-events-note")["children"]
    drawn = _find(page, "tl-drawn")["data"]
    assert drawn["version"] == version and drawn["draw"]
    assert _find(page, "tl-seen")["data"] == version


def test_fd002_no_callback_redraws_or_polls_when_the_page_opens(live_app, sample_site):
    """The figure, the version poll and the table's rows wait for a change: the page's
    own drawing stands, and the chart needs no round trip before it is drawn."""
    s = sign_in(live_app, sample_site["lead"], sample_site["password"])
    deps = s.get(live_app + "/_dash-dependencies").json()

    def callback(output: str) -> dict:
        return next(d for d in deps if d["output"].startswith(output))

    for output in ("..tl-graph.figure...tl-overview.figure", "..tl-seen.data", "tl-grid.rowData"):
        assert callback(output)["prevent_initial_call"], output


def test_fd003_fingerprinted_assets_are_cached_for_a_year_the_pages_never(live_app, sample_site):
    s = sign_in(live_app, sample_site["lead"], sample_site["password"])
    named = s.get(live_app + "/assets/plotly-strict-4.1.1.min.js?m=1796136922.45")
    assert named.status_code == 200
    assert named.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    # Without the fingerprint the file may change under the same address: asked again.
    plain = requests.get(live_app + "/assets/timeline.js")
    assert "max-age=31536000" not in plain.headers.get("Cache-Control", "")
    missing = s.get(live_app + "/assets/no-such-file.js?m=1")
    assert missing.status_code == 404
    assert "immutable" not in missing.headers.get("Cache-Control", "")
    page = s.get(live_app + f"/review/{sample_site['review_id']}")
    assert page.headers["Cache-Control"] == "no-store"
    assert "unsafe-eval" not in page.headers["Content-Security-Policy"]


@pytest.mark.browser
def test_fd004_opening_the_page_asks_the_server_for_nothing_but_the_page(
    live_app, sample_site, page
):
    """In the browser: the chart is drawn from the page itself, and no callback (no
    redraw, no selection, no poll) is asked for while it opens."""
    sign_in_page(page, live_app, sample_site["lead"], sample_site["password"])
    # the home page's own callbacks answered first: listening while they were still on their
    # way counted the home page's location callback as the timeline's (seen on two workers)
    settled(page)
    asked: list[list[str]] = []

    def on_request(request):
        if "/_dash-update-component" in request.url:
            body = json.loads(request.post_data or "{}")
            ids = body.get("changedPropIds") or []
            # The poll firing because its interval elapsed (a slow, loaded machine takes
            # longer than one interval to open the page) is the poll working, not a
            # callback asked for by the opening page.
            ticks = [
                i.get("value") or 0
                for i in _flat(body.get("inputs") or [])
                if i.get("id") == "tl-poll" and i.get("property") == "n_intervals"
            ]
            if ids == ["tl-poll.n_intervals"] and ticks and min(ticks) >= 1:
                return
            asked.append(ids)

    page.on("request", on_request)
    page.goto(f"{live_app}/review/{sample_site['review_id']}")
    page.wait_for_function(
        "() => { const g = document.querySelector('#tl-graph .js-plotly-plot');"
        " return g && g.data && g.data.some(t => t.meta && t.meta.records); }",
        timeout=20000,
    )
    page.wait_for_timeout(800)  # what would follow the page: Stores mounting, the chart
    triggers = [p for ids in asked for p in ids]
    assert triggers[:2] == ["_pages_location.pathname", "_pages_location.search"], triggers
    # Only the chart's own size report (relayoutData after autosize) may follow.
    assert set(triggers[2:]) <= {"tl-graph.relayoutData"}, triggers
    assert page.locator("#tl-events [role=option]").count() > 0
    assert not page.console_errors


def _flat(inputs: list) -> list[dict]:
    """Dash's callback inputs, with pattern-matching groups (lists) flattened."""
    out: list[dict] = []
    for i in inputs:
        out.extend(_flat(i) if isinstance(i, list) else [i])
    return out


@pytest.mark.browser
def test_fd005_the_table_and_its_grid_scripts_wait_until_the_table_is_first_shown(
    live_app, sample_site, page
):
    """Opening the page makes no grid and loads none of ag-grid's chunk; the Table tab
    makes it, with the rows, and the event list's options are there from the start."""
    sign_in_page(page, live_app, sample_site["lead"], sample_site["password"])
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url))
    page.goto(f"{live_app}/review/{sample_site['review_id']}")
    page.wait_for_function(
        "() => { const g = document.querySelector('#tl-graph .js-plotly-plot');"
        " return g && g.data && g.data.some(t => t.meta && t.meta.records); }",
        timeout=20000,
    )
    # the list is made once the chart is drawn (assets/timeline.js, afterChart)
    page.wait_for_selector("#tl-events [role=option]")
    options = page.locator("#tl-events [role=option]")
    assert options.count() > 0
    assert options.first.get_attribute("aria-selected") == "false"
    assert page.locator("#tl-grid").count() == 0
    assert not [u for u in loaded if "async-community" in u], loaded
    page.locator("#tl-tabs").get_by_text("Table", exact=True).click()
    page.wait_for_selector("#tl-grid .ag-center-cols-container .ag-row")
    assert [u for u in loaded if "async-community" in u]
    # back on the timeline, an event opened from the list is selected in the table too
    page.locator("#tl-tabs").get_by_text("Timeline", exact=True).click()
    page.focus("#tl-events")
    page.keyboard.press("Enter")
    page.wait_for_selector("#tl-panel .record-card")
    assert options.first.get_attribute("aria-selected") == "true"
    event_id = options.first.get_attribute("id").removeprefix("tl-ev-")
    page.locator("#tl-tabs").get_by_text("Table", exact=True).click()
    page.wait_for_function(
        "(id) => !!document.querySelector(`#tl-grid .ag-row-selected[row-id='${id}']`)",
        arg=event_id,
        timeout=20000,
    )
    assert not page.console_errors
