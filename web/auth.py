"""Sign-in (password, throttled; or single sign-on, web/oidc.py), sign-out, and the guard
that keeps every Dash page and callback behind a live server-side session (web/sessions.py),
checked on the server for each request.

Without a signed-in user, nothing but the sign-in page and static assets is served:
Dash's layout, callbacks and component code all answer 401 (or redirect a page load to
the sign-in page), so no review data can leave the server.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path

from flask import Flask, redirect, render_template_string, request, url_for
from flask_login import LoginManager, current_user

from timeline.store.auth import Actor
from timeline.store.errors import PermissionDenied
from timeline.store.throttle import Refusal
from web.services import store
from web.sessions import (
    client_address,
    end_session,
    init_account_routes,
    load_session,
    start_session,
)
from web.settings import SecuritySettings

PUBLIC_PATHS = ("/login", "/login/sso", "/login/sso/callback", "/favicon.ico")
PUBLIC_PREFIXES = ("/assets/",)
SIGNED_OUT = {"1": "You have been signed out.", "all": "You have been signed out everywhere."}


def current_actor() -> Actor:
    """The Actor for this request; refuses when nobody is signed in (the guard already
    stops such requests: this is the second lock for every callback)."""
    if not current_user.is_authenticated:
        raise PermissionDenied("sign in first")
    return store().actor(int(current_user.id))


def secret_key(data_dir: Path) -> str:
    """LRT_SECRET_KEY, else a key generated once and kept in data/ (so sessions survive a
    restart and every gunicorn worker on the host shares it)."""
    if key := os.environ.get("LRT_SECRET_KEY"):
        return key
    path = data_dir / "secret_key"
    if not path.exists():
        # Several workers may start at once: write a candidate aside, then link it into
        # place; whoever links first wins and everyone reads the same key.
        data_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=data_dir, prefix=".secret_key.")
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    return path.read_text().strip()


LOGIN_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Sign in · Learning Review Timeline</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/style.css"></head>
<body class="signin"><main>
<h1>Learning Review Timeline</h1>
<p>Sign in to see the reviews you are a member of.</p>
{% if error %}<p class="error" role="alert">{{ error }}</p>{% endif %}
{% if sso %}<p><a class="button-link" href="/login/sso" id="sso">{{ sso }}</a></p>{% endif %}
{% if passwords %}<form method="post" action="/login">
<label>Email <input name="email" type="email" autocomplete="username" required autofocus
 value="{{ email }}"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"
 required></label>
<button type="submit">Sign in</button>
</form>{% endif %}
{% if message %}<p class="note">{{ message }}</p>{% endif %}
</main></body></html>"""


def login_page(status: int = 200, *, error: str | None = None, email: str = "", message=None):
    settings: SecuritySettings = current_app_settings()
    html = render_template_string(
        LOGIN_PAGE,
        error=error,
        email=email,
        message=message,
        sso=settings.oidc.label if settings.oidc else None,
        passwords=settings.allow_password_sign_in,
    )
    return html, status


def current_app_settings() -> SecuritySettings:
    from flask import current_app

    return current_app.config["LRT_SECURITY"]


def init_auth(server: Flask, data_dir: Path, settings: SecuritySettings) -> None:
    server.config.update(
        LRT_SECURITY=settings,
        SECRET_KEY=secret_key(data_dir),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        # The cookie outlives no session: the server ends it sooner (idle, revoked).
        PERMANENT_SESSION_LIFETIME=timedelta(hours=settings.absolute_hours),
        MAX_CONTENT_LENGTH=int(settings.max_upload_mb * 1024 * 1024),
        REMEMBER_COOKIE_DURATION=timedelta(0),
    )
    manager = LoginManager(server)
    manager.session_protection = "strong"

    @manager.user_loader
    def load_user(token: str):
        return load_session(token, settings)

    @server.before_request
    def guard():
        path = request.path
        if (
            path in PUBLIC_PATHS
            or path.startswith(PUBLIC_PREFIXES)
            or current_user.is_authenticated
        ):
            return None
        if request.method in ("GET", "HEAD") and not path.startswith("/_"):
            return redirect(url_for("login", next=path))
        return {"error": "sign in first"}, 401

    @server.route("/login", methods=["GET", "POST"])
    def login():
        if request.method in ("GET", "HEAD"):  # HEAD is a GET without the body, never a sign-in
            return login_page(message=SIGNED_OUT.get(request.args.get("out", "")))
        if not settings.allow_password_sign_in:
            return login_page(403, error="Sign in with your organisation's account.")
        email = request.form.get("email", "")
        ticket = store().throttle.attempt(email, client_address())
        if isinstance(ticket, Refusal):
            return too_many(ticket, email)
        info = store().authenticate(email, request.form.get("password", ""))
        if info is None:
            locked = store().throttle.failed(ticket)
            error = "That email and password do not match an active account."
            if locked:
                minutes = settings.limits.lock_minutes
                error += f" Sign-in is now locked for {minutes:g} minutes after repeated failures."
            return login_page(401, error=error, email=email)
        store().throttle.succeeded(ticket)
        start_session(info["id"], "password")
        return redirect(safe_next(request.args.get("next", "/")))

    @server.route("/logout", methods=["POST"])  # POST only: no other site can sign you out
    def logout():
        end_session()
        return redirect(url_for("login", out=1))

    init_account_routes(server, settings)


def safe_next(target: str) -> str:
    """Only a path on this site (an open redirect would lend our name to phishing)."""
    ok = target.startswith("/") and not target.startswith(("//", "/\\"))
    return target if ok else "/"


def too_many(refusal: Refusal, email: str):
    wait = refusal.retry_after
    when = f"{wait} seconds" if wait < 120 else f"{round(wait / 60)} minutes"
    what = "locked" if refusal.locked else "paused"
    error = (
        f"Too many failed sign-ins for this {refusal.by}: sign-in is {what}. Try again in {when}."
    )
    html, status = login_page(429, error=error, email=email)
    return html, status, {"Retry-After": str(wait)}
