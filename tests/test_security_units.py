"""The web security helpers on their own: the rule for callbacks failing after a write,
the write counter, the well-formed callback check, local hosts and the settings."""

from __future__ import annotations

import pytest
from flask import Flask, g
from sqlalchemy import text

from timeline.settings import SecuritySettings
from timeline.store.engine import WRITE_OPTION, make_engine
from web.security import (
    _well_formed_callback,
    callback_error,
    content_security_policy,
    is_local,
    origin_of,
    track_writes,
)


def test_su001_a_callback_failing_after_a_write_reports_nothing_before_one_it_fails(tmp_path):
    server = Flask("t")
    track_writes(server)
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as conn, conn.begin():
        conn.execute(text("create table t (x int)"))
    with server.test_request_context("/_dash-update-component", method="POST"):
        server.preprocess_request()  # runs the before-request mark
        with engine.connect() as conn, conn.begin():  # a read: not a write
            conn.execute(text("select 1"))
        with pytest.raises(ZeroDivisionError):
            callback_error(ZeroDivisionError("before any write"))
        writer = engine.execution_options(**{WRITE_OPTION: True})
        with writer.connect() as conn, conn.begin():
            conn.execute(text("insert into t values (1)"))
        assert g.lrt_writes == 1
        assert callback_error(ZeroDivisionError("after the write")) is None
    engine.dispose()


def test_su002_well_formed_callbacks():
    known = {"a.children": {}, "..b.data...c.value..": {}}
    ok = {"output": "a.children", "inputs": [{"id": "x", "property": "value"}]}
    assert _well_formed_callback(ok, known)
    group = {**ok, "output": "..b.data...c.value..", "state": [[{"id": "y", "property": "v"}]]}
    assert _well_formed_callback(group, known)
    for bad in (
        None,
        [],
        {"output": "z.children", "inputs": []},
        {"output": "a.children"},
        {"output": "a.children", "inputs": [{"id": "x"}]},
        {"output": "a.children", "inputs": [], "changedPropIds": "x"},
        {"output": 3, "inputs": []},
    ):
        assert not _well_formed_callback(bad, known), bad


def test_su003_local_hosts_and_origins():
    assert all(map(is_local, ["localhost:8050", "127.0.0.1", "[::1]:8050", "app.localhost"]))
    assert not any(map(is_local, ["lrt.example.org", "10.0.0.5:8050", "localhost.example.org"]))
    assert origin_of("https://LRT.example.org/review/1?x=2") == "https://lrt.example.org"
    assert origin_of("not a url") == ""
    csp = content_security_policy(["'sha256-abc='"])
    assert "script-src 'self' 'sha256-abc='" in csp and "unsafe-inline" not in csp.split(";")[1]


def test_su004_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv("LRT_IDLE_MINUTES", "5")
    monkeypatch.setenv("LRT_LOCK_AFTER", "7")
    monkeypatch.setenv("LRT_SECURE_COOKIES", "0")
    monkeypatch.setenv("LRT_OIDC_ISSUER", "https://login.example.org/tenant/v2.0/")
    monkeypatch.setenv("LRT_OIDC_CLIENT_ID", "abc")
    monkeypatch.setenv("LRT_PASSWORD_SIGN_IN", "no")
    s = SecuritySettings.from_env()
    assert s.idle.total_seconds() == 300 and s.limits.lock_after == 7
    assert s.secure_cookies is False and s.allow_password_sign_in is False
    assert s.oidc.metadata_url == (
        "https://login.example.org/tenant/v2.0/.well-known/openid-configuration"
    )
    for name in ("LRT_IDLE_MINUTES", "LRT_LOCK_AFTER", "LRT_SECURE_COOKIES", "LRT_OIDC_ISSUER"):
        monkeypatch.delenv(name)
    monkeypatch.delenv("LRT_PASSWORD_SIGN_IN")
    d = SecuritySettings.from_env()
    assert d.secure_cookies is None and d.oidc is None and d.limits.backoff_after == 5
