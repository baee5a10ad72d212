"""Every page runs under the Content-Security-Policy with no console error (a CSP
violation is one), the policy really refuses an injected inline script, and a review
that does not exist looks exactly like one the user may not see."""

from __future__ import annotations

import pytest

from tests.conftest import sign_in

pytestmark = pytest.mark.browser

REVIEW_PAGES = ("", "/setup", "/queue", "/prepare", "/workshop", "/findings", "/exports")


def _settle(page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_selector("h1")


def test_sb001_every_page_runs_under_the_csp_without_a_violation(live_app, sample_site, page):
    rid = sample_site["review_id"]
    sign_in(page, live_app, sample_site["lead"], sample_site["password"])
    visited = []
    for path in ["/", "/new", *[f"/review/{rid}{p}" for p in REVIEW_PAGES]]:
        response = page.goto(live_app + path)
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        _settle(page)
        visited.append(path)
        assert page.console_errors == [], (path, page.console_errors)
    response = page.goto(f"{live_app}/review/{rid}/retention")
    _settle(page)
    assert "Delete this review" in page.content() and page.console_errors == []
    response = page.goto(live_app + "/account")
    assert response.status == 200 and "Where you are signed in" in page.content()
    assert page.console_errors == []
    assert len(visited) == 9
    # The policy is really enforced: an inline script injected into the page does not run.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__injected = 1'; document.body.appendChild(s); }"
    )
    assert page.evaluate("() => window.__injected") is None
    assert any("Content Security Policy" in e for e in page.console_errors)


def test_sb002_a_missing_review_and_a_forbidden_one_look_the_same(live_app, sample_site, page):
    sign_in(page, live_app, "outsider@example.org", "outsider-pass-1")
    seen = []
    for rid in (sample_site["review_id"], 99999):
        for suffix in ("", "/setup", "/findings", "/retention"):
            page.goto(f"{live_app}/review/{rid}{suffix}")
            _settle(page)
            seen.append(page.inner_text("main"))
    assert len(set(seen)) == 1 and "Review not found" in seen[0]
    assert "Sample review" not in seen[0]
    assert page.console_errors == []


def test_sb003_sign_out_is_a_form_post_and_ends_the_session(live_app, sample_site, page):
    sign_in(page, live_app, sample_site["lead"], sample_site["password"])
    cookies = page.context.cookies()
    with page.expect_request(lambda r: r.url.endswith("/logout")) as req:
        page.click("text=Sign out")
    assert req.value.method == "POST"
    page.wait_for_url(f"{live_app}/login?out=1")
    # the cookies from before sign-out open nothing in a fresh context
    other = page.context.browser.new_context()
    other.add_cookies(cookies)
    again = other.new_page()
    again.goto(live_app + "/")
    assert "/login" in again.url
    other.close()
