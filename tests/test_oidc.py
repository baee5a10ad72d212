"""Single sign-on end to end: the app against a local OpenID Connect provider started by
the test (tests/oidc_provider.py). Accounts are matched by the provider's verified email;
an unknown or unverified email opens nothing; a forged or replayed callback is refused."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tests.live import running_app
from tests.oidc_provider import Person, running_provider


@pytest.fixture(scope="module")
def sso(sample_site, tmp_path_factory):
    log = tmp_path_factory.mktemp("sso") / "app.log"
    with running_provider() as provider:
        env = {
            "LRT_OIDC_ISSUER": provider.issuer,
            "LRT_OIDC_CLIENT_ID": provider.client.client_id,
            "LRT_OIDC_CLIENT_SECRET": provider.client.client_secret,
            "LRT_OIDC_LABEL": "Sign in with Fictional Council",
            # Both sides run on plain HTTP on this machine only.
            "AUTHLIB_INSECURE_TRANSPORT": "1",
        }
        with running_app(sample_site["url"], sample_site["data_dir"], env=env, log=log) as base:
            provider.client.redirect_uris = [base + "/login/sso/callback"]
            yield provider, base


@pytest.fixture(autouse=True)
def _insecure_transport_for_the_provider(monkeypatch):
    monkeypatch.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")


def round_trip(base: str) -> tuple[requests.Session, requests.Response, str]:
    """Follow the redirects by hand: app -> provider -> app callback."""
    s = requests.Session()
    r = s.get(base + "/login/sso", allow_redirects=False)
    assert r.status_code == 302
    at_provider = r.headers["Location"]
    r = s.get(at_provider, allow_redirects=False)
    if r.status_code != 302:
        return s, r, at_provider
    callback = r.headers["Location"]
    assert callback.startswith(base + "/login/sso/callback?")
    return s, s.get(callback, allow_redirects=False), callback


def test_os001_a_member_signs_in_through_the_provider(sso, sample_site):
    provider, base = sso
    assert "Sign in with Fictional Council" in requests.get(base + "/login").text
    provider.person = Person(sub="u-1", email="Lead@Example.org", name="Lead Reviewer")
    s, r, callback = round_trip(base)
    query = parse_qs(urlsplit(callback).query)
    assert "code" in query and "state" in query
    assert r.status_code == 302 and r.headers["Location"] == "/"
    assert s.get(base + "/_dash-layout").status_code == 200
    body = s.get(base + "/account").text
    assert "lead@example.org" in body and "<td>oidc</td>" in body
    assert provider.tokens_issued >= 1
    # the request carried PKCE and a nonce
    first = s.get(base + "/login/sso", allow_redirects=False).headers["Location"]
    params = parse_qs(urlsplit(first).query)
    assert params["code_challenge_method"] == ["S256"] and params["nonce"]
    # signing out ends the single sign-on session like any other
    s.headers["Origin"] = base
    s.post(base + "/logout")
    assert s.get(base + "/_dash-layout").status_code == 401


@pytest.mark.parametrize(
    "person, said",
    [
        (Person(sub="u-2", email="nobody@example.org"), "no active account"),
        (Person(sub="u-3", email="lead@example.org", email_verified=False), "verified email"),
    ],
    ids=["unknown-email", "unverified-email"],
)
def test_os002_an_unknown_or_unverified_email_opens_nothing(sso, person, said):
    provider, base = sso
    provider.person = person
    s, r, _ = round_trip(base)
    assert r.status_code == 403 and said in r.text.lower().replace("there is ", "")
    assert s.get(base + "/_dash-layout").status_code == 401


def test_os003_a_forged_or_replayed_callback_is_refused(sso):
    provider, base = sso
    provider.person = Person(sub="u-1", email="lead@example.org")
    s, r, callback = round_trip(base)
    assert r.status_code == 302
    # the same callback again (code used, state spent) in a fresh browser
    other = requests.Session()
    assert other.get(callback, allow_redirects=False).status_code == 400
    assert other.get(base + "/_dash-layout").status_code == 401
    # a callback with a made-up code and state
    forged = base + "/login/sso/callback?code=abc&state=def"
    assert requests.get(forged, allow_redirects=False).status_code == 400


def test_os005_the_same_email_from_another_identity_is_refused(sso):
    provider, base = sso
    provider.person = Person(sub="u-1", email="lead@example.org")
    assert round_trip(base)[1].status_code == 302  # binds the account to subject u-1
    provider.person = Person(sub="u-9", email="lead@example.org")  # email reassigned
    s, r, _ = round_trip(base)
    assert r.status_code == 403 and s.get(base + "/_dash-layout").status_code == 401


@pytest.mark.browser
def test_os004_single_sign_on_in_the_browser_under_the_csp(sso, sample_site, page):
    provider, base = sso
    provider.person = Person(sub="u-1", email="lead@example.org")
    page.goto(base + "/login")
    page.click("#sso")
    page.wait_for_url(base + "/")
    page.wait_for_selector("h2")
    assert "Sample review" in page.inner_text("h2")
    assert page.console_errors == []
    seen = provider.app.config["request_log"]
    assert "/authorize" in seen and "/token" in seen and "/jwks" in seen
