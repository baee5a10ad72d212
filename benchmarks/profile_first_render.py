"""Where the timeline's first render spends the browser's CPU (a look, not a target).

Serves the review of an earlier bench_ui.py run, opens its timeline page in headless
Chromium with the CPU profiler on (CDP Profiler, 200 us samples) and prints the sampled
time per script and the functions that took most, averaged over the renders. Then it
draws the page's own figure again with Plotly in the same page, as served and with parts
left out (the groups' count labels, hover text, the range buttons, the legend), alternately,
so each part's cost is a same-run difference against the figure as served.

Run: python benchmarks/profile_first_render.py --reuse DIR [--renders 3] [--draws 9]
(DIR: the folder bench_ui.py printed as "review in DIR", with its bench.db)
"""

from __future__ import annotations

import argparse
import collections
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_ui import COUNT_MARKS, PASSWORD  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.live import CHROMIUM, CHROMIUM_ARGS, running_app  # noqa: E402
from timeline.store.auth import LOCAL_OPERATOR  # noqa: E402
from timeline.store.service import Store  # noqa: E402

# The figure as served, then with one part left out (JS functions of a copy of it).
VARIANTS = {
    "as served": "f => f",
    "no count labels": "f => { f.data.forEach(t => { if (t.name === 'grouped records')"
    " { delete t.text; t.mode = 'markers'; } }); return f; }",
    "no hover text": "f => { f.data.forEach(t => { delete t.hovertext; }); return f; }",
    "no range buttons": "f => { delete f.layout.xaxis.rangeselector; return f; }",
    "no legend": "f => { f.layout.showlegend = false; return f; }",
}
DRAW = (
    "async (fn) => { const g = document.querySelector('#tl-graph .js-plotly-plot');"
    " const f = eval(fn)(JSON.parse(JSON.stringify({data: g.data, layout: g.layout})));"
    " let d = document.getElementById('prof-draw'); if (d) { Plotly.purge(d); d.remove(); }"
    " d = document.createElement('div'); d.id = 'prof-draw';"
    " d.style.cssText = 'width:1200px;height:700px'; document.body.appendChild(d);"
    " await new Promise(r => setTimeout(r, 20)); const t = performance.now();"
    " await Plotly.newPlot(d, f.data, f.layout); return performance.now() - t; }"
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reuse", type=Path, required=True, help="a bench_ui.py review folder")
    ap.add_argument("--renders", type=int, default=3)
    ap.add_argument("--draws", type=int, default=9)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="lrt-profile-ui-"))
    shutil.copy(args.reuse / "bench.db", folder / "bench.db")
    url = f"sqlite:///{folder / 'bench.db'}"
    store = Store.open(url, migrate=False)
    rid = store.reviews.list_reviews(LOCAL_OPERATOR)[0]["id"]
    whole = f"() => ({COUNT_MARKS})() >= 20000"
    with running_app(url, folder, log=folder / "app.log") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        page.goto(base + "/login")
        page.fill("input[name=email]", "bench@example.org")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(base + "/")
        page.goto(f"{base}/review/{rid}")  # the server keeps this first drawing
        page.wait_for_function(whole, timeout=60000, polling="raf")
        by_fn, by_script = collections.Counter(), collections.Counter()
        for _ in range(args.renders):
            page.goto(base + "/")
            cdp = page.context.new_cdp_session(page)
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 200})
            cdp.send("Profiler.start")
            page.goto(f"{base}/review/{rid}")
            page.wait_for_function(whole, timeout=60000, polling="raf")
            prof = cdp.send("Profiler.stop")["profile"]
            cdp.detach()
            nodes = {n["id"]: n["callFrame"] for n in prof["nodes"]}
            for sample, dt in zip(prof["samples"], prof["timeDeltas"], strict=True):
                cf = nodes[sample]
                script = cf["url"].rsplit("/", 1)[-1].split("?")[0] or "(browser)"
                by_script[script] += dt
                by_fn[(cf["functionName"] or "(anonymous)", script)] += dt
        per = 1000.0 * args.renders  # us sampled -> ms per render
        print(f"CPU sampled per first render: {sum(by_script.values()) / per:.0f} ms")
        for script, us in by_script.most_common(10):
            print(f"  {us / per:7.1f} ms  {script}")
        print("functions that took most (self time):")
        for (fn, script), us in by_fn.most_common(20):
            print(f"  {us / per:7.1f} ms  {fn}  [{script}]")
        times = {k: [] for k in VARIANTS}
        for _ in range(args.draws):
            for name, fn in VARIANTS.items():
                times[name].append(page.evaluate(DRAW, fn))
        print("Plotly.newPlot of the page's figure, alternating (ms):  median   min")
        for name, ms in times.items():
            print(f"  {name:<20} {statistics.median(ms):7.1f} {min(ms):7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
