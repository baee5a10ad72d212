"""The app shell: nothing without signing in, and the reviews list for a member."""

import re

import pytest

from tests.live import running_app


def test_ap001_nothing_but_the_sign_in_page_without_a_session(live_app):
    import requests

    s = requests.Session()
    r = s.get(live_app + "/", allow_redirects=False)
    assert r.status_code == 302 and r.headers["Location"].endswith("/login?next=/")
    for path in ("/_dash-layout", "/_dash-dependencies", "/any/page"):
        r = s.get(live_app + path, allow_redirects=False)
        assert r.status_code in (302, 401) and "Sample review" not in r.text
    r = s.post(
        live_app + "/_dash-update-component",
        json={"output": "_pages_content.children", "inputs": [], "changedPropIds": []},
        headers={"Origin": live_app},
    )
    assert r.status_code == 401 and "Sample review" not in r.text
    assert "Sign in" in s.get(live_app + "/login").text


def test_ap002_wrong_password_is_refused(live_app, sample_site):
    import requests

    r = requests.post(
        live_app + "/login",
        data={"email": sample_site["lead"], "password": "not-the-password"},
        headers={"Origin": live_app},
        allow_redirects=False,
    )
    assert r.status_code == 401 and "do not match" in r.text


@pytest.mark.browser
def test_ap003_lead_signs_in_and_sees_the_sample_review(live_app, sample_site, page):
    page.goto(live_app + "/")
    assert "/login" in page.url
    page.fill("input[name=email]", sample_site["lead"])
    page.fill("input[name=password]", sample_site["password"])
    page.click("button[type=submit]")
    page.wait_for_selector("h2")
    assert page.inner_text("h2") == "Sample review: Child M (fictional)"
    table = page.inner_text("table.files")
    for name in ("Police_chronology.csv", "hv chron v2.docx", "school_chron.xlsx"):
        assert name in table
    assert re.search(r"119 rows read = 109 records", table)
    assert page.console_errors == []
    page.click("text=Sign out")
    page.wait_for_url(re.compile(r".*/login\?out=1"))
    page.goto(live_app + "/")
    assert "/login" in page.url


@pytest.mark.browser
def test_ap004_a_user_sees_only_reviews_they_are_a_member_of(live_app, page):
    page.goto(live_app + "/login")
    page.fill("input[name=email]", "outsider@example.org")
    page.fill("input[name=password]", "outsider-pass-1")
    page.click("button[type=submit]")
    page.wait_for_selector("text=You are not a member of any review yet.")
    assert "Sample review" not in page.content()
    assert page.console_errors == []


def _sign_in(base, site):
    import requests

    s = requests.Session()
    r = s.post(
        base + "/login",
        data={"email": site["lead"], "password": site["password"]},
        headers={"Origin": base},
        allow_redirects=False,
    )
    assert r.status_code == 302
    return s


def test_ap005_gunicorn_with_several_workers_shares_sessions(sample_site):
    import sys
    from pathlib import Path

    gunicorn = str(Path(sys.executable).with_name("gunicorn"))

    def command(port):
        return [gunicorn, "-w", "3", "-b", f"127.0.0.1:{port}", "app:server"]

    with running_app(sample_site["url"], sample_site["data_dir"], command=command) as base:
        s = _sign_in(base, sample_site)
        # many requests land on different workers: every one knows the session
        assert all(s.get(base + "/_dash-layout").status_code == 200 for _ in range(12))


def test_ap006_an_idle_session_expires(sample_site):
    import time

    with running_app(
        sample_site["url"], sample_site["data_dir"], env={"LRT_IDLE_MINUTES": "0.05"}
    ) as base:
        s = _sign_in(base, sample_site)
        assert s.get(base + "/_dash-layout").status_code == 200
        time.sleep(1.5)
        assert s.get(base + "/_dash-layout").status_code == 200  # activity renews it
        time.sleep(4)  # idle for longer than 3 s
        assert s.get(base + "/_dash-layout").status_code == 401
