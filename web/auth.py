"""Sign-in and sessions (Flask-Login), and the guard that keeps every Dash page and
callback behind a signed-in user, checked on the server for each request.

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

from flask import Flask, redirect, render_template_string, request, session, url_for
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user

from timeline.store.auth import Actor
from timeline.store.errors import PermissionDenied
from web.services import store

IDLE_MINUTES = float(os.environ.get("LRT_IDLE_MINUTES", "30"))
PUBLIC_PATHS = ("/login", "/favicon.ico")
PUBLIC_PREFIXES = ("/assets/",)


class SessionUser(UserMixin):
    def __init__(self, info: dict) -> None:
        self.id = str(info["id"])
        self.email = info["email"]
        self.name = info.get("name") or info["email"]

    @property
    def actor(self) -> Actor:
        return Actor.user(int(self.id), self.email)


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
<form method="post" action="/login">
<label>Email <input name="email" type="email" autocomplete="username" required autofocus
 value="{{ email }}"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"
 required></label>
<button type="submit">Sign in</button>
</form>
{% if message %}<p class="note">{{ message }}</p>{% endif %}
</main></body></html>"""


def init_auth(server: Flask, data_dir: Path) -> None:
    server.config.update(
        SECRET_KEY=secret_key(data_dir),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=os.environ.get("LRT_SECURE_COOKIES") == "1",
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=IDLE_MINUTES),
        SESSION_REFRESH_EACH_REQUEST=True,  # the lifetime is an idle timeout
        MAX_CONTENT_LENGTH=int(os.environ.get("LRT_MAX_UPLOAD_MB", "60")) * 1024 * 1024,
    )
    manager = LoginManager(server)
    manager.session_protection = "strong"

    @manager.user_loader
    def load_user(user_id: str) -> SessionUser | None:
        info = store().get_user(int(user_id))
        return SessionUser(info) if info and info.get("is_active") else None

    @server.before_request
    def guard():
        path = request.path
        if (
            path in PUBLIC_PATHS
            or path.startswith(PUBLIC_PREFIXES)
            or current_user.is_authenticated
        ):
            return None
        if request.method == "GET" and not path.startswith("/_"):
            return redirect(url_for("login", next=path))
        return {"error": "sign in first"}, 401

    @server.route("/login", methods=["GET", "POST"])
    def login():
        if request.method == "GET":
            return render_template_string(
                LOGIN_PAGE,
                error=None,
                email="",
                message="You have been signed out." if request.args.get("out") else None,
            )
        email = request.form.get("email", "")
        info = store().authenticate(email, request.form.get("password", ""))
        if info is None:
            return render_template_string(
                LOGIN_PAGE,
                error="That email and password do not match an active account.",
                email=email,
                message=None,
            ), 401
        session.clear()  # a new session at sign-in: no fixation
        session.permanent = True
        login_user(SessionUser(info))
        target = request.args.get("next", "/")
        return redirect(target if target.startswith("/") and not target.startswith("//") else "/")

    @server.route("/logout", methods=["GET", "POST"])
    def logout():
        logout_user()
        session.clear()
        return redirect(url_for("login", out=1))
