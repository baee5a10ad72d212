"""The app shell: nothing without signing in, and the reviews list for a member."""

import re

import pytest


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
    )
    assert r.status_code == 401 and "Sample review" not in r.text
    assert "Sign in" in s.get(live_app + "/login").text


def test_ap002_wrong_password_is_refused(live_app, sample_site):
    import requests

    r = requests.post(
        live_app + "/login",
        data={"email": sample_site["lead"], "password": "not-the-password"},
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


def _serve(cmd, env_extra, site, port):
    import os
    import socket
    import subprocess
    import time

    from tests.conftest import ROOT

    env = {
        **os.environ,
        "DATABASE_URL": site["url"],
        "LRT_DATA_DIR": str(site["data_dir"]),
        **env_extra,
    }
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"{cmd} did not start")


def _sign_in(base, site):
    import requests

    s = requests.Session()
    r = s.post(
        base + "/login",
        data={"email": site["lead"], "password": site["password"]},
        allow_redirects=False,
    )
    assert r.status_code == 302
    return s


def test_ap005_gunicorn_with_several_workers_shares_sessions(sample_site):
    import sys
    from pathlib import Path

    from tests.conftest import free_port

    port = free_port()
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    proc = _serve(
        [gunicorn, "-w", "3", "-b", f"127.0.0.1:{port}", "app:server"], {}, sample_site, port
    )
    try:
        base = f"http://127.0.0.1:{port}"
        s = _sign_in(base, sample_site)
        # many requests land on different workers: every one knows the session
        assert all(s.get(base + "/_dash-layout").status_code == 200 for _ in range(12))
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def test_ap006_an_idle_session_expires(sample_site):
    import sys
    import time

    from tests.conftest import free_port

    port = free_port()
    proc = _serve(
        [sys.executable, "app.py", "--port", str(port)],
        {"LRT_IDLE_MINUTES": "0.05"},
        sample_site,
        port,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        s = _sign_in(base, sample_site)
        assert s.get(base + "/_dash-layout").status_code == 200
        time.sleep(1.5)
        assert s.get(base + "/_dash-layout").status_code == 200  # activity renews it
        time.sleep(4)  # idle for longer than 3 s
        assert s.get(base + "/_dash-layout").status_code == 401
    finally:
        proc.terminate()
        proc.wait(timeout=15)
