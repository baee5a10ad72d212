"""Server-side sessions in the web app: Flask-Login keeps only the session token in the
signed cookie, and every request looks that token up (store.sessions.check). Also the
account page: the user's sessions, a password change and "sign out everywhere"."""

from __future__ import annotations

from flask import Flask, redirect, render_template_string, request, session, url_for
from flask_login import UserMixin, current_user, login_user, logout_user

from timeline.settings import SecuritySettings
from timeline.store.auth import Actor
from timeline.store.errors import StoreError
from timeline.store.sessions import SessionInfo, Timeouts
from web.services import store


class SessionUser(UserMixin):
    """The signed-in user of this request. `id` is the user's id; the cookie holds the
    session token (`get_id`), never the user id, so a cookie can be revoked."""

    def __init__(self, info: SessionInfo, token: str) -> None:
        self.id = str(info.user_id)
        self.email = info.email
        self.name = info.name or info.email
        self.session = info
        self.token = token

    def get_id(self) -> str:
        return self.token

    @property
    def actor(self) -> Actor:
        return Actor.user(int(self.id), self.email)


def client_address() -> str:
    return request.remote_addr or "unknown"


def load_session(token: str, settings: SecuritySettings) -> SessionUser | None:
    info = store().sessions.check(token, Timeouts(settings.idle, settings.absolute))
    return SessionUser(info, token) if info else None


def start_session(user_id: int, method: str) -> None:
    """A fresh session at sign-in (the old cookie's content is dropped: no fixation)."""
    token, info = store().sessions.create(user_id, method=method, client=client_address())
    session.clear()
    session.permanent = True
    login_user(SessionUser(info, token))


def end_session(reason: str = "signed out") -> None:
    if current_user.is_authenticated:
        store().sessions.revoke(current_user.token, reason)
    logout_user()
    session.clear()


ACCOUNT_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Your account · Learning Review Timeline</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/style.css"></head>
<body class="signin account"><main>
<p><a href="/">Back to your reviews</a></p>
<h1>Your account</h1>
<p>Signed in as {{ email }}.</p>
{% if message %}<p class="note" role="status">{{ message }}</p>{% endif %}
{% if error %}<p class="error" role="alert">{{ error }}</p>{% endif %}
<h2>Where you are signed in</h2>
<table class="sessions"><thead><tr><th>Signed in</th><th>Last active</th><th>How</th>
<th>From</th><th></th></tr></thead><tbody>
{% for s in sessions %}<tr><td>{{ s.created_at.strftime('%d %b %Y %H:%M') }} UTC</td>
<td>{{ s.last_seen_at.strftime('%d %b %Y %H:%M') }} UTC</td><td>{{ s.method }}</td>
<td>{{ s.client }}</td><td>{{ 'this browser' if s.id == current else '' }}</td></tr>{% endfor %}
</tbody></table>
<form method="post" action="/account/sign-out-everywhere">
<button type="submit">Sign out everywhere</button></form>
{% if passwords %}
<h2>Change your password</h2>
<p>At least 12 characters and not easy to guess: a few unrelated words work well.
Changing it signs you out everywhere else.</p>
<form method="post" action="/account/password">
<label>Current password <input name="current" type="password"
 autocomplete="current-password"></label>
<label>New password <input name="new" type="password" autocomplete="new-password" required
 minlength="12"></label>
<label>New password again <input name="again" type="password" autocomplete="new-password"
 required></label>
<button type="submit">Change password</button></form>
{% endif %}
</main></body></html>"""


def init_account_routes(server: Flask, settings: SecuritySettings) -> None:
    def page(message: str | None = None, error: str | None = None, status: int = 200):
        live = [s for s in store().sessions.list_for(int(current_user.id)) if not s.revoked_at]
        html = render_template_string(
            ACCOUNT_PAGE,
            email=current_user.email,
            sessions=live,
            current=current_user.session.id,
            passwords=settings.allow_password_sign_in,
            message=message,
            error=error,
        )
        return html, status

    @server.route("/account", methods=["GET"])
    def account():
        return page(message="Password changed." if request.args.get("changed") else None)

    @server.route("/account/password", methods=["POST"])
    def change_password():
        new = request.form.get("new", "")
        if new != request.form.get("again", ""):
            return page(error="The two new passwords differ.", status=400)
        user_id = int(current_user.id)
        try:
            current = request.form.get("current", "")
            store().accounts.change_password(current_user.actor, current, new)
        except StoreError as exc:
            return page(error=f"Not changed: {exc}.", status=400)
        # Every session ended with the change; this browser carries on in a new one.
        logout_user()
        start_session(user_id, "password")
        return redirect(url_for("account", changed=1))

    @server.route("/account/sign-out-everywhere", methods=["POST"])
    def sign_out_everywhere():
        store().accounts.sign_out_everywhere(current_user.actor)
        logout_user()
        session.clear()
        return redirect(url_for("login", out="all"))
