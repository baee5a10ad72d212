"""Shared fixtures: a signed-up sample review in a temporary database, and a browser."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.live import CHROMIUM, CHROMIUM_ARGS, ROOT, free_port, running_app  # noqa: F401

# A loaded 2-core machine answers a callback in seconds, not milliseconds: every `expect`
# waits up to this long for the state it names (it returns as soon as the state holds).
EXPECT_TIMEOUT_MS = 20_000
PASSWORDS = {
    "pc.ward@example.org": "participant-pass-1",
    "observer@example.org": "observer-pass-1",
    "facilitator@example.org": "facilitator-pass-1",
}


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """A database holding the sample review, its lead's password, and an outsider."""
    from timeline.store.auth import LOCAL_OPERATOR
    from timeline.store.cli import load_sample
    from timeline.store.service import Store

    folder = tmp_path_factory.mktemp("site")
    url = f"sqlite:///{folder / 'review.db'}"
    store = Store.open(url)
    info = load_sample(store)
    store.reviews.create_user(
        LOCAL_OPERATOR, "outsider@example.org", "Not A Member", "outsider-pass-1"
    )
    rid = info["review_id"]
    for email, name, role, agency in [
        ("pc.ward@example.org", "PC Rowan Ward", "participant", "Police"),
        ("observer@example.org", "Sam Observer", "observer", None),
        ("facilitator@example.org", "Fran Facilitator", "facilitator", None),
    ]:
        store.reviews.create_user(LOCAL_OPERATOR, email, name, PASSWORDS[email])
        store.reviews.add_member(LOCAL_OPERATOR, rid, email, role, agency)
    store.close()
    return {
        "url": url,
        "data_dir": folder,
        "lead": "lead@example.org",
        "password": info["password"],
        "review_id": info["review_id"],
        "passwords": {**PASSWORDS, "lead@example.org": info["password"]},
    }


@pytest.fixture
def fresh_review(sample_site):
    """The id of a new review with everything the sample review has (every sample file,
    matched, its KLOE and members), for a journey that changes state: it never meets
    another test's tags, findings or decisions."""
    from tests.workflow_site import sample_review

    return sample_review(sample_site)


@pytest.fixture(scope="session")
def live_app(sample_site):
    """The real app (python app.py) on a free port, against the sample database."""
    folder = sample_site["data_dir"]
    with running_app(sample_site["url"], folder, log=folder / "app.log") as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (make test installs it when root)")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    """A fresh browser context; fails the test on console errors and keeps a screenshot
    of the page when a test fails."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.console_errors = errors
    yield pg
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        out = Path(tempfile.gettempdir()) / "lrt-test-results"  # never into the checkout
        out.mkdir(exist_ok=True)
        pg.screenshot(path=str(out / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    rep = yield
    setattr(item, f"rep_{rep.when}", rep)
    return rep


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Groups for `make test`, which runs two workers (pytest-xdist, --dist loadgroup): the
    browser journeys run one after another on one worker (two at once on two cores would
    each wait out the other's app and Chromium), and every other module stays whole on one
    worker, so its module-scoped fixtures are built once."""
    for item in items:
        group = "browser" if item.get_closest_marker("browser") else item.nodeid.split("::")[0]
        item.add_marker(pytest.mark.xdist_group(group))


def sign_in(page, base: str, email: str, password: str) -> None:
    page.goto(base + "/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")


# True once Dash has drawn the page and no callback is waiting, queued or running (the
# renderer's own bookkeeping, as dash.testing reads it); a poll's callbacks come and go.
_DASH_IDLE = """() => {
  const s = window.store && window.store.getState();
  if (!s || !s.callbacks || s.appLifecycle !== 'HYDRATED') { return false; }
  const c = s.callbacks;
  return ['requested', 'prioritized', 'blocked', 'executing', 'watched', 'executed']
    .every(k => !c[k] || c[k].length === 0);
}"""


_DASH_UPDATE = re.compile(r"/_dash-update-component(\?|$)")


@contextmanager
def poll_held(page, interval_id: str) -> Iterator[None]:
    """While inside, the page's poll `interval_id` (a dcc.Interval) is answered "no update"
    (Dash reads a 204 so), so the page cannot yet learn of a change made elsewhere: the
    state of a person who has not seen it, made certain instead of left to timing."""
    needle = f'"{interval_id}"'

    def answer(route):
        if needle in (route.request.post_data or ""):
            route.fulfill(status=204)
        else:
            route.continue_()

    # Dash 4 posts to /_dash-update-component?endId=...: a glob without the query never
    # matched, so the poll was not held at all.
    page.route(_DASH_UPDATE, answer)
    try:
        yield
    finally:
        page.unroute(_DASH_UPDATE, answer)


def settled(page, timeout: float = 30_000) -> None:
    """Wait until the page's callbacks have all answered: a click made before then can be
    lost when an answer redraws the control clicked (Dash drops a callback whose
    triggering component has left the page)."""
    page.wait_for_function(_DASH_IDLE, timeout=timeout)


@pytest.fixture(autouse=True)
def _fresh_settings():
    """A process reads its settings once; a test that sets an environment variable with
    monkeypatch is a new start, so the cached settings are dropped around every test."""
    from timeline.settings import get_settings

    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
