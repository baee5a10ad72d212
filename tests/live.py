"""Run the real app on a free port in headless Chromium's reach: shared by the browser
tests, `benchmarks/bench_ui.py` and the docs' screenshot scripts, so each starts the app
and launches the browser the same way."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium stalls on this closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def app_command(port: int) -> list[str]:
    return [sys.executable, "app.py", "--port", str(port)]


@contextmanager
def running_app(
    database_url: str,
    data_dir: Path,
    *,
    command: Callable[[int], list[str]] = app_command,
    env: dict[str, str] | None = None,
    log: Path | None = None,
) -> Iterator[str]:
    """Start the app (by default `python app.py`) against `database_url`, wait until it
    accepts connections, yield its base URL, and stop it afterwards."""
    port = free_port()
    full_env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "LRT_DATA_DIR": str(data_dir),
        **(env or {}),
    }
    out = log.open("w") if log else subprocess.DEVNULL
    proc = subprocess.Popen(
        command(port), cwd=ROOT, env=full_env, stdout=out, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    said = log.read_text() if log else ""
                    raise RuntimeError(f"the app did not start: {command(port)}\n{said}") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a loaded machine: gunicorn's workers slow to stop
            proc.kill()
            proc.wait(timeout=30)
        if log:
            out.close()
