"""Learning Review Timeline: the Dash app shell.

`server` is the WSGI object (`gunicorn app:server`); `python app.py [--host H] [--port P]`
runs the development server. The database comes from DATABASE_URL (default: the
embedded SQLite file under data/). Pages live in pages/ and stay thin: layout plus
callbacks that call timeline/ functions.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import dash
from dash import Dash, dcc, html
from flask import Flask

from timeline.settings import get_settings
from web import page_scripts
from web.auth import init_auth
from web.oidc import init_oidc
from web.security import attach_dash, callback_error, init_security, track_writes

ROOT = Path(__file__).resolve().parent
SETTINGS = get_settings()  # every environment variable, read once (docs/settings.md)

server = Flask(__name__)
init_security(server, SETTINGS.security)
init_auth(server, SETTINGS)
init_oidc(server, SETTINGS.security)
track_writes(server)

app = Dash(
    __name__,
    server=server,
    use_pages=True,
    pages_folder=str(ROOT / "pages"),
    title="Learning Review Timeline",
    suppress_callback_exceptions=True,
    on_error=callback_error,
    assets_ignore=page_scripts.ASSETS_IGNORE,
)
# Every page is in British English (WCAG 3.1.1); Dash's own index page has no `lang`.
app.index_string = app.index_string.replace("<html>", '<html lang="en-GB">', 1)
assert 'lang="en-GB"' in app.index_string
attach_dash(app)
page_scripts.install(app, str(ROOT / "assets"))
app.layout = html.Div(
    [
        html.Header(
            [
                dcc.Link("Learning Review Timeline", href="/", className="brand"),
                html.A("Your account", href="/account", className="account"),
                # POST only, so no other site can sign anyone out; the Origin check holds.
                html.Form(
                    html.Button("Sign out", type="submit", className="signout"),
                    method="POST",
                    action="/logout",
                    className="signout-form",
                ),
            ],
            className="topbar",
        ),
        html.Main(dash.page_container, className="content"),
    ]
)


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the Learning Review Timeline app.")
    parser.add_argument("--host", default=SETTINGS.host)
    parser.add_argument("--port", type=int, default=SETTINGS.port)
    args = parser.parse_args()
    # The Werkzeug debugger runs code: only for local development, never by default.
    debug = SETTINGS.debug and args.host in ("127.0.0.1", "localhost")
    print(f"Learning Review Timeline on http://{args.host}:{args.port}")
    app.run(host=args.host, port=args.port, debug=debug)


if __name__ == "__main__":
    main()
