"""What every request and response passes through: the Origin check that refuses
cross-site writes (403), the response headers (CSP with Dash's script hashes, no framing,
no sniffing, HSTS over HTTPS), Secure cookies off localhost, 400 for a malformed Dash
callback, and the rule that a callback failing after its write never reports a failure.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, g, has_request_context, request
from flask.sessions import SecureCookieSessionInterface
from sqlalchemy import Engine, event
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from timeline.settings import SecuritySettings
from timeline.store.engine import WRITE_OPTION

log = logging.getLogger("lrt.web")

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")
# Paths whose content is the same for everyone and may be cached (the rest is no-store).
STATIC_PREFIXES = ("/assets/", "/_dash-component-suites/", "/_favicon.ico")
# Dash names each asset with its file's modification time (`/assets/x.js?m=1712...`): a
# changed file has a new address, so the browser may keep one for a year without asking
# again (no revalidation round trip per asset on every page, and Chromium keeps the 5 MB
# Plotly bundle compiled). Dash's own fingerprinted suites are cached the same way by Dash.
ASSET_CACHE = "public, max-age=31536000, immutable"
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()"
)
CALLBACK_PATH = "/_dash-update-component"


def is_local(host: str) -> bool:
    name = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
    return name in LOCAL_HOSTS or name.endswith(".localhost")


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


class _SessionCookies(SecureCookieSessionInterface):
    """Flask's signed cookie, Secure unless the request came to localhost (or the setting
    says otherwise): a deployment is safe without anyone remembering a variable."""

    def __init__(self, setting: bool | None) -> None:
        self.setting = setting

    def get_cookie_secure(self, app: Flask) -> bool:
        if self.setting is not None:
            return self.setting
        return not (has_request_context() and is_local(request.host))

    def get_cookie_name(self, app: Flask) -> str:
        # "__Host-": the browser keeps it to this host, over HTTPS, for every path.
        base = super().get_cookie_name(app)
        return f"__Host-{base}" if self.get_cookie_secure(app) else base


def content_security_policy(script_hashes: list[str]) -> str:
    # Dash and Plotly set inline style attributes: styles need 'unsafe-inline'; scripts
    # run only from this origin or when their hash is one of Dash's own inline scripts.
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(script_hashes),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def init_security(server: Flask, settings: SecuritySettings) -> None:
    """Install the request checks and response headers on the Flask server."""
    if settings.proxy_hops:
        n = settings.proxy_hops
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=n, x_proto=n, x_host=n, x_port=n)
    server.session_interface = _SessionCookies(settings.secure_cookies)
    server.config["LRT_SCRIPT_HASHES"] = lambda: []

    def check_origin():
        """CSRF: a state-changing request must come from a page of this app."""
        if request.method in SAFE_METHODS:
            return None
        own = origin_of(settings.public_url or request.host_url)
        claimed = request.headers.get("Origin") or origin_of(request.headers.get("Referer", ""))
        if not claimed or claimed.lower() != own:
            log.warning("refused %s %s from origin %r", request.method, request.path, claimed)
            return _plain("This request did not come from this site's own pages.", 403)
        return None

    # First of all the checks, before even the sign-in guard.
    server.before_request_funcs.setdefault(None, []).insert(0, check_origin)

    @server.after_request
    def headers(response: Response) -> Response:
        h = response.headers
        h["Content-Security-Policy"] = content_security_policy(server.config["LRT_SCRIPT_HASHES"]())
        h["X-Frame-Options"] = "DENY"
        h["X-Content-Type-Options"] = "nosniff"
        h["Referrer-Policy"] = "same-origin"
        h["Permissions-Policy"] = PERMISSIONS_POLICY
        h["Cross-Origin-Opener-Policy"] = "same-origin"
        h["Cross-Origin-Resource-Policy"] = "same-origin"
        if request.is_secure and settings.hsts_seconds:
            h["Strict-Transport-Security"] = f"max-age={settings.hsts_seconds}; includeSubDomains"
        if not request.path.startswith(STATIC_PREFIXES):
            h["Cache-Control"] = "no-store"
        elif _fingerprinted_asset(response):
            h["Cache-Control"] = ASSET_CACHE
        return response

    @server.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return _plain(exc.description or exc.name, exc.code or 500)


def _fingerprinted_asset(response: Response) -> bool:
    """An asset asked for by the address Dash gives it (with its `m` fingerprint), and
    found: only then is it the same file for as long as that address exists."""
    return (
        request.path.startswith("/assets/")
        and bool(request.args.get("m"))
        and response.status_code in (200, 304)
    )


def attach_dash(app: Any) -> None:
    """Tie the headers and the callback checks to the Dash app: its inline scripts' hashes
    (read at each response, so late-registered clientside callbacks count) and its
    callbacks (a request naming none is malformed)."""
    server = app.server
    server.config["LRT_SCRIPT_HASHES"] = app.csp_hashes

    @server.before_request  # after Dash's own set-up hook has filled its callback map
    def check_callback_body():
        is_callback = request.method == "POST" and request.path.endswith(CALLBACK_PATH)
        if is_callback and not _well_formed_callback(
            request.get_json(silent=True), app.callback_map
        ):
            return _plain("Malformed callback request.", 400)
        return None


def track_writes(server: Flask) -> None:
    """Count committed write transactions per request (of any engine: the store opens its
    own lazily), so that a callback failing after its write can be told apart from one
    failing before it."""

    @event.listens_for(Engine, "commit")
    def _committed(conn: Any) -> None:
        if has_request_context() and conn.get_execution_options().get(WRITE_OPTION):
            g.lrt_writes = g.get("lrt_writes", 0) + 1

    @server.before_request
    def _mark() -> None:  # registered after the sign-in guard: its session touch is not counted
        g.lrt_writes_before = g.get("lrt_writes", 0)


def callback_error(err: Exception) -> None:
    """Dash's on_error: the error is logged; if the callback had already saved something,
    the screen is left as it is (no 'failed' that would make people save it twice: the
    version poll redraws it); otherwise the error stands as a failed request."""
    log.error("callback failed: %s", err, exc_info=err)
    if g.get("lrt_writes", 0) > g.get("lrt_writes_before", 0):
        return None
    raise err


def _well_formed_callback(body: Any, callback_map: dict) -> bool:
    if not isinstance(body, dict):
        return False
    output = body.get("output")
    if not isinstance(output, str) or output not in callback_map:
        return False
    for key in ("inputs", "state"):
        items = body.get(key, [])
        if not isinstance(items, list) or not all(_dep_ok(i) for i in items):
            return False
    if "inputs" not in body:
        return False
    changed = body.get("changedPropIds", [])
    outputs = body.get("outputs")
    return isinstance(changed, list) and (outputs is None or isinstance(outputs, dict | list))


def _dep_ok(item: Any) -> bool:
    if isinstance(item, list):  # a pattern-matching group
        return all(_dep_ok(i) for i in item)
    return isinstance(item, dict) and "id" in item and isinstance(item.get("property"), str)


def _plain(message: str, status: int) -> tuple[dict, int] | tuple[str, int, dict]:
    if request.path.startswith("/_"):
        return {"error": message}, status
    page = (
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{status}</title>"
        '<link rel="stylesheet" href="/assets/style.css"></head>'
        f'<body class="signin"><main><h1>{status}</h1><p>{_escape(message)}</p>'
        '<p><a href="/">Back to your reviews</a></p></main></body></html>'
    )
    return page, status, {"Content-Type": "text/html; charset=utf-8"}


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))
