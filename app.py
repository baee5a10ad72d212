"""Learning Review Timeline: the Dash app shell.

`server` is the WSGI object (`gunicorn app:server`); `python app.py [--host H] [--port P]`
runs the development server. The database comes from DATABASE_URL (default: the
embedded SQLite file under data/). Pages live in pages/ and stay thin: layout plus
callbacks that call timeline/ functions.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import dash
from dash import Dash, dcc, html
from flask import Flask

from web.auth import init_auth

ROOT = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("LRT_DATA_DIR", ROOT / "data"))

server = Flask(__name__)
init_auth(server, DATA_DIR)

app = Dash(
    __name__,
    server=server,
    use_pages=True,
    pages_folder=str(ROOT / "pages"),
    title="Learning Review Timeline",
    suppress_callback_exceptions=True,
)
app.layout = html.Div(
    [
        html.Header(
            [
                dcc.Link("Learning Review Timeline", href="/", className="brand"),
                html.A("Sign out", href="/logout", className="signout"),
            ],
            className="topbar",
        ),
        html.Main(dash.page_container, className="content"),
    ]
)


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the Learning Review Timeline app.")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8050")))
    args = parser.parse_args()
    # The Werkzeug debugger runs code: only for local development, never by default.
    debug = os.environ.get("LRT_DEBUG") == "1" and args.host in ("127.0.0.1", "localhost")
    print(f"Learning Review Timeline on http://{args.host}:{args.port}")
    app.run(host=args.host, port=args.port, debug=debug)


if __name__ == "__main__":
    main()
