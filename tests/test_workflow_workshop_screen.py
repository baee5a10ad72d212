"""The workshop on a projector, in a real browser: the whole screen fits the window without
scrolling at 1920×1080, 1366×768 and 1280×720 with every part the room needs in view, the text is
large (24 px and more at 1920×1080), long wording scrolls in its own region that the
keyboard reaches, axe-core finds no serious or critical problem, and a participant
following the facilitator sees the facilitator's event with its wording. Each test moves
the workshop of a review of its own."""

from __future__ import annotations

import json
import os
import subprocess
import tarfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import sign_in
from tests.workflow_site import CHRONOLOGIES, actor_of, own_review, with_store

pytestmark = pytest.mark.browser
FAC = "facilitator@example.org"
PC = "pc.ward@example.org"
MEMBERS = [(FAC, "facilitator", None), (PC, "participant", "Police")]
AXE_VERSION = "4.10.3"

# What the room must see, each a selector that must lie wholly inside the window.
PARTS = {
    "the step": "#ws-step-label",
    "the event's wording": "#ws-event-panel .ws-voice .wording",
    "the KLOE in focus with its title": "#ws-kloe-label",
    "the points to raise": "#ws-points li",
    "the strip": "#ws-graph .main-svg",
    "the strip's date axis": "#ws-graph .xtick text",
}
PART_BOX = """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }"""
HEIGHTS = """() => ({scroll: document.scrollingElement.scrollHeight, inner: innerHeight,
  width: document.scrollingElement.scrollWidth, innerW: innerWidth})"""


def open_workshop(browser, base, site, rid, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.console_errors = errors
    sign_in(page, base, FAC, site["passwords"][FAC])
    page.goto(f"{base}/review/{rid}/workshop")
    expect(page.locator("#ws-step-label")).to_contain_text("1/", timeout=20000)
    return context, page


def bring_event_into_view(page, steps_forward: int = 1):
    for _ in range(steps_forward):
        page.keyboard.press("n")
    # the label is drawn by the server: room for a loaded test machine
    expect(page.locator("#ws-step-label")).to_contain_text(f"{steps_forward + 1}/", timeout=15000)
    page.keyboard.press("j")
    expect(page.locator("#ws-event-panel")).to_contain_text("Event in view", timeout=10000)
    page.wait_for_selector("#ws-graph .xtick text", timeout=10000)


@pytest.mark.parametrize(
    "size", [(1920, 1080), (1366, 768), (1280, 720)], ids=["1920x1080", "1366x768", "1280x720"]
)
def test_wf511_the_workshop_fits_the_window_with_every_part_in_view(
    live_app, sample_site, browser, size
):
    rid = own_review(sample_site, files=CHRONOLOGIES, match=True, members=MEMBERS)
    context, page = open_workshop(browser, live_app, sample_site, rid, size)
    try:
        bring_event_into_view(page)
        page.keyboard.press("2")
        expect(page.locator("#ws-kloe-label")).to_contain_text("2. Injuries")
        h = page.evaluate(HEIGHTS)
        assert h["scroll"] <= h["inner"], h  # no scrolling, down or across
        assert h["width"] <= h["innerW"], h
        w, ht = size
        for name, sel in PARTS.items():
            box = page.evaluate(PART_BOX, sel)
            inside = box["top"] >= 0 and box["left"] >= 0
            assert inside and box["bottom"] <= ht and box["right"] <= w, (name, box)
        # every tag key and every KLOE button is on screen, each KLOE with its title
        for sel in (".ws-tags button", ".ws-kloes button"):
            for i in range(page.locator(sel).count()):
                box = page.locator(sel).nth(i).bounding_box()
                assert box["y"] >= 0 and box["y"] + box["height"] <= ht, (sel, i, box)
        assert page.locator(".ws-tags button").count() == 5
        expect(page.locator(".ws-kloes button").nth(1)).to_have_text(
            "2 · KLOE 2: Injuries to a non-mobile baby and a young child"
        )
        assert page.locator(".ws-kloes button.current").inner_text().startswith("2 · KLOE 2")
        if size == (1920, 1080):  # readable from the back of the room
            sizes = page.evaluate(
                """() => ['.ws-voice .wording', '#ws-points li', '#ws-kloe-label',
                          '.ws-tags button', '.ws-kloes button', '.ws-voice h3']
                   .map(s => [s, parseFloat(getComputedStyle(document.querySelector(s))
                                            .fontSize)])"""
            )
            assert all(px >= 24 for _, px in sizes), sizes
        assert page.console_errors == []
    finally:
        context.close()


def test_wf512_long_wording_scrolls_in_its_own_region_reached_by_keyboard(
    live_app, sample_site, browser, tmp_path
):
    long_text = " ".join(
        f"Sentence {i}: the family worker visited and recorded what the children said."
        for i in range(90)
    )
    csv = tmp_path / "Police chronology.csv"
    csv.write_text(f"Date,Occurrence\n10/02/2019,{long_text}\n12/03/2019,A short entry\n")
    rid = own_review(sample_site, files=[str(csv)], match=True, members=MEMBERS)
    context, page = open_workshop(browser, live_app, sample_site, rid, (1280, 720))
    try:
        page.keyboard.press("j")  # the long entry is the first event of step 1
        expect(page.locator("#ws-event-panel")).to_contain_text("Sentence 89", timeout=10000)
        h = page.evaluate(HEIGHTS)
        assert h["scroll"] <= h["inner"], h
        region = page.locator("#ws-event-panel")
        assert region.evaluate("el => el.scrollHeight > el.clientHeight")
        # Tab reaches the region (no mouse), and the arrow keys then scroll it
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.id") == "ws-event-panel":
                break
        else:
            pytest.fail("Tab never reached the event's wording")
        for _ in range(5):
            page.keyboard.press("ArrowDown")
        page.wait_for_function("() => document.getElementById('ws-event-panel').scrollTop > 0")
        assert page.console_errors == []
    finally:
        context.close()


def test_wf513_a_follower_sees_the_facilitators_event_with_its_wording(
    live_app, sample_site, page, browser
):
    rid = own_review(sample_site, files=CHRONOLOGIES, match=True, members=MEMBERS)
    sign_in(page, live_app, PC, sample_site["passwords"][PC])
    page.goto(f"{live_app}/review/{rid}/prepare")
    page.wait_for_selector("#pr-entries li button", timeout=20000)
    # opening Preparation: what to do next, not a dead end
    note = page.locator("#pr-event-note")
    expect(note).to_contain_text("Choose one of your agency's entries")
    expect(page.locator("#pr-event")).not_to_contain_text("not in an event yet")
    page.get_by_label("Follow the facilitator").check()
    expect(note).to_contain_text("The workshop has not started yet", timeout=5000)
    context, fac = open_workshop(browser, live_app, sample_site, rid, (1920, 1080))
    try:
        bring_event_into_view(fac)
        fac_words = fac.locator("#ws-event-panel .ws-voice .wording").first.inner_text()
        store = with_store(sample_site)
        try:
            view = store.workflow.get_workshop_view(actor_of(store, FAC), rid)
        finally:
            store.close()
        assert view["event_id"]
        # the participant's panel moves to the facilitator's event, with its wording
        expect(page.locator("#pr-event")).to_contain_text(fac_words[:60], timeout=8000)
        expect(note).to_contain_text("The facilitator's event in view")
        assert not page.locator("#pr-text").is_disabled()  # and they can reflect on it
        # the facilitator moves on to the next event: the follower follows
        fac.keyboard.press("j")
        expect(fac.locator("#ws-event-panel .ws-voice .wording").first).not_to_have_text(
            fac_words, timeout=8000
        )
        next_words = fac.locator("#ws-event-panel .ws-voice .wording").first.inner_text()
        expect(page.locator("#pr-event")).to_contain_text(next_words[:60], timeout=8000)
        assert page.console_errors == [] and fac.console_errors == []
    finally:
        context.close()


def axe_source(cache: Path) -> str:
    """axe-core from the npm registry (`npm pack`, pinned), kept in a cache outside the
    checkout; LRT_AXE_JS may name an axe.min.js already on disk."""
    named = os.environ.get("LRT_AXE_JS")
    if named and Path(named).exists():
        return Path(named).read_text()
    target = cache / AXE_VERSION / "package" / "axe.min.js"
    if not target.exists():
        (cache / AXE_VERSION).mkdir(parents=True, exist_ok=True)
        try:
            out = subprocess.run(
                ["npm", "pack", f"axe-core@{AXE_VERSION}", "--silent"],
                cwd=cache / AXE_VERSION,
                capture_output=True,
                text=True,
                timeout=120,
                check=True,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            pytest.skip(f"axe-core could not be fetched with npm: {exc}")
        with tarfile.open(cache / AXE_VERSION / out.stdout.strip().splitlines()[-1]) as tar:
            tar.extract("package/axe.min.js", cache / AXE_VERSION, filter="data")
    return target.read_text()


def test_wf514_axe_finds_no_serious_problem_and_text_contrast_is_7_to_1(
    live_app, sample_site, browser
):
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "lrt-axe"
    source = axe_source(cache)
    rid = own_review(sample_site, files=CHRONOLOGIES, match=True, members=MEMBERS)
    context, page = open_workshop(browser, live_app, sample_site, rid, (1920, 1080))
    try:
        bring_event_into_view(page)
        page.get_by_text("Key practice episodes").click()  # the editor's fields too
        first = page.locator("#ws-ep-choices button").first
        expect(first).to_have_attribute("aria-pressed", "false")
        first.focus()
        page.keyboard.press("Enter")  # choose an event of the step for an episode
        expect(page.locator("#ws-ep-choices button").first).to_have_attribute(
            "aria-pressed", "true"
        )
        page.evaluate(source)  # evaluated by the browser's devtools: the page's CSP holds
        page.wait_for_function("() => window.axe && window.axe.run")
        result = page.evaluate(
            """async () => (await axe.run(document, {runOnly: {type: 'tag', values:
                 ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})).violations
               .map(v => ({id: v.id, impact: v.impact, n: v.nodes.length,
                           where: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""
        )
        bad = [v for v in result if v["impact"] in ("serious", "critical")]
        assert bad == [], json.dumps(bad, indent=1)
        # text contrast at least 7:1 (WCAG 1.4.6, AAA), for a projector in a lit room
        enhanced = page.evaluate(
            """async () => (await axe.run(document, {runOnly: {type: 'rule',
                 values: ['color-contrast-enhanced']}})).violations
               .flatMap(v => v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary))"""
        )
        assert enhanced == [], enhanced
        assert page.evaluate("() => document.documentElement.lang").startswith("en")
    finally:
        context.close()
