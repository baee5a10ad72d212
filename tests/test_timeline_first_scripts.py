"""Issue 12, the timeline's first render, what the browser loads and runs before the chart:
the browser's own string trimming and number parsing (not Dash's polyfill's, which Plotly
called for every point), dcc's graph, dropdown and date picker code with the page at
fingerprinted addresses (no round trip each to ask for them again), and the chart drawn
before the period strip and the list of events in view (web/page_scripts.py,
assets/timeline.js)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import settled
from tests.conftest import sign_in as sign_in_page

pytestmark = pytest.mark.browser

CHART_DRAWN = (
    "() => { const g = document.querySelector('#tl-graph .js-plotly-plot');"
    " return g && g.data && g.data.some(t => t.meta && t.meta.records); }"
)
# Which functions are the browser's own: read with a fresh frame's Function toString (the
# polyfill hooks this window's own toString to call its replacements native).
NATIVE = """() => {
  const frame = document.createElement('iframe');
  document.body.appendChild(frame);
  const show = frame.contentWindow.Function.prototype.toString;
  const own = f => typeof f === 'function' && /\\[native code\\]/.test(show.call(f));
  const p = String.prototype;
  const out = {trim: own(p.trim), trimStart: own(p.trimStart), trimEnd: own(p.trimEnd),
    parseInt: own(window.parseInt), parseFloat: own(window.parseFloat),
    numberParseInt: own(Number.parseInt), numberParseFloat: own(Number.parseFloat),
    works: ' \\u00a0a b\\t'.trim() === 'a b' && parseInt(' 08') === 8
      && parseFloat(' 2.5e1x') === 25 && !Object.keys(Object.getPrototypeOf('')).length};
  frame.remove();
  return out;
}"""
# Every Plotly draw, in order: which chart, and whether its figure had any trace.
DRAWS = """(() => { let real; window.lrtDraws = [];
  Object.defineProperty(window, 'Plotly', { configurable: true, get() { return real; },
    set(v) { real = v; for (const name of ['react', 'newPlot']) { const f = v[name];
      v[name] = function (gd, data, ...rest) {
        const fig = data && data.data ? data.data : data;
        const el = typeof gd === 'string' ? document.getElementById(gd) : gd;
        const host = el && el.closest && el.closest('#tl-graph, #tl-overview');
        window.lrtDraws.push({id: host ? host.id : '', traces: (fig || []).length});
        return f.call(this, gd, data, ...rest); }; } } }); })();"""


def _open(page, live_app, site) -> None:
    sign_in_page(page, live_app, site["lead"], site["password"])
    settled(page)
    page.goto(f"{live_app}/review/{site['review_id']}")
    page.wait_for_function(CHART_DRAWN, timeout=20000)


def test_fs001_the_page_keeps_the_browsers_own_trim_and_number_parsing(live_app, sample_site, page):
    _open(page, live_app, sample_site)
    native = page.evaluate(NATIVE)
    assert all(native.values()), native
    assert not page.console_errors


def test_fs002_graph_dropdown_and_date_code_come_with_the_page_fingerprinted(
    live_app, sample_site, page
):
    sign_in_page(page, live_app, sample_site["lead"], sample_site["password"])
    settled(page)
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(f"{live_app}/review/{sample_site['review_id']}")
    page.wait_for_function(CHART_DRAWN, timeout=20000)
    page.wait_for_selector("#tl-f-from")  # the date picker drawn
    chunks = [u for u in asked if "/dcc/async-" in u]
    for name in ("graph", "dropdown", "datepicker"):
        # Dash's fingerprint (version and file time): cached for a year, never asked again
        named = [u for u in chunks if re.search(rf"/async-{name}\.v[0-9_]+m\d+\.js$", u)]
        assert named, (name, chunks)
        assert not [u for u in chunks if u.split("?")[0].endswith(f"/async-{name}.js")], chunks
    assert not page.console_errors


def test_fs003_the_chart_is_drawn_before_the_period_strip_and_the_list(live_app, sample_site, page):
    page.add_init_script(DRAWS)
    _open(page, live_app, sample_site)
    page.wait_for_selector("#tl-events [role=option]")
    page.wait_for_function(
        "() => { const s = document.querySelector('#tl-overview .js-plotly-plot');"
        " return s && s.data && s.data.length > 0; }",
        timeout=20000,
    )
    settled(page)
    draws = page.evaluate("window.lrtDraws")
    chart = [i for i, d in enumerate(draws) if d["id"] == "tl-graph"]
    strip = [d for d in draws if d["id"] == "tl-overview"]
    assert chart and strip, draws
    # the strip's place is drawn empty at first, its bars once the chart is drawn
    assert strip[0]["traces"] == 0, draws
    first_bars = next(i for i, d in enumerate(draws) if d["id"] == "tl-overview" and d["traces"])
    assert chart[0] < first_bars, draws
    bars = page.evaluate("document.querySelector('#tl-overview .js-plotly-plot').data.length")
    lanes = page.locator("#tl-graph .ytick text").count()
    assert bars == lanes  # a strip of counts for every agency, as before
    # the list is whole and in step with the note under it
    note = page.inner_text("#tl-events-note")
    options = page.locator("#tl-events [role=option]").count()
    assert f"{options} events in view" in note or f"first {options} of" in note, note
    assert not page.console_errors
