"""What every Dash page loads before its first drawing, set up once on the app.

Two costs of Dash's own loading, cut here (measured with benchmarks/bench_ui.py):
- Dash's polyfill (core-js 2) replaces the browser's String.prototype.trim, parseInt and
  parseFloat with regular-expression versions, which Plotly calls for every point: the
  browser's own are kept before the polyfill runs and put back after it
  (assets/native-keep.js, assets/native-restore.js).
- dcc loads its graph, dropdown and date picker code as lazy chunks at addresses without
  a fingerprint, so each visit asked the server again for each (a revalidation round trip
  before the chart could be drawn): they are loaded with the page instead, at
  fingerprinted addresses cached for a year (web/security.py).
"""

from __future__ import annotations

import os
from typing import Any

KEEP_SCRIPT = "native-keep.js"
# Shipped with the page instead of on demand: the components every review screen draws
# at once. The rest (markdown, upload, slider, ...) stay lazy.
EAGER_DCC_CHUNKS = ("dcc/async-graph.js", "dcc/async-dropdown.js", "dcc/async-datepicker.js")
ASSETS_IGNORE = r"^native-keep\.js$"  # for Dash(assets_ignore=...): loaded by hand, first


def install(app: Any, assets_folder: str) -> None:
    """Put the native-keeping script before every other (Dash's polyfill first of all),
    and the eager chunks among the page's scripts."""
    path = os.path.join(assets_folder, KEEP_SCRIPT)
    # The `m` fingerprint, as Dash gives its assets: cached for a year (web/security.py).
    src = f"{app.get_asset_url(KEEP_SCRIPT)}?m={os.path.getmtime(path)}"
    tag = f'<script src="{src}"></script>\n        {{%scripts%}}'
    assert app.index_string.count("{%scripts%}") == 1
    app.index_string = app.index_string.replace("{%scripts%}", tag, 1)
    for chunk in EAGER_DCC_CHUNKS:
        app.scripts.append_script({"relative_package_path": chunk, "namespace": "dash"})
