"""axe-core in the browser tests: run the WCAG 2.0–2.2 A/AA rules on a page and fail with a
readable list of the critical and serious violations.

axe-core comes from the npm registry (`make axe` fetches the pinned version into a cache
folder outside the checkout); `LRT_AXE_JS` names another copy of `axe.min.js`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

AXE_VERSION = "4.10.3"
AXE_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "lrt-axe"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = ("critical", "serious")


def axe_source() -> str:
    """The text of axe.min.js; skips the test when it has not been fetched."""
    named = os.environ.get("LRT_AXE_JS")
    path = Path(named) if named else AXE_CACHE / AXE_VERSION / "package" / "axe.min.js"
    if not path.exists():
        pytest.skip(f"axe-core is not at {path} (`make axe` fetches it from the npm registry)")
    return path.read_text(encoding="utf-8")


def run_axe(page) -> list[dict]:
    """Every violation axe reports on the page as it is now, with the WCAG A/AA rules."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which the app's Content Security Policy
        # (rightly) does not let an inline <script> tag do; the page's policy stays as it is.
        page.evaluate("(source) => { (0, eval)(source); }", axe_source())
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                               resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact,
                                          html: n.html.slice(0, 160)})),
            }));
        }""",
        WCAG_TAGS,
    )
    return result


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']}")
        for n in v["nodes"][:5]:
            lines.append(f"    {n['target']}  {n['html']}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


def assert_no_serious_violations(page, context: str) -> None:
    """Fail, naming each rule and the elements that break it, when axe finds a critical or
    serious WCAG A/AA violation on the page. `context` says which page or state it was."""
    found = blocking(run_axe(page))
    if found:
        count = sum(len(v["nodes"]) for v in found)
        pytest.fail(
            f"axe: {count} critical or serious WCAG A/AA violations on {context}:\n"
            + describe(found),
            pytrace=False,
        )
