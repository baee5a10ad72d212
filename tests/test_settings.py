"""One settings object: every environment variable is read in timeline/settings.py, into
one frozen Settings (app, import bounds, security), documented in docs/settings.md."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import FrozenInstanceError
from datetime import timedelta
from pathlib import Path

import pytest

from timeline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "timeline" / "settings.py"


def test_se001_one_object_holds_the_app_the_import_bounds_and_security(tmp_path):
    s = Settings.from_env(
        {
            "LRT_DATA_DIR": str(tmp_path),
            "LRT_SECRET_KEY": "k",
            "LRT_MAX_FILE_MB": "2",
            "LRT_MAX_ROWS": "300",
            "LRT_IDLE_MINUTES": "5",
            "LRT_LOCK_AFTER": "7",
            "LRT_SECURE_COOKIES": "0",
            "LRT_PUBLIC_URL": "https://lrt.example.org/",
            "LRT_MAX_UPLOAD_MB": "1",
            "LRT_DEBUG": "1",
            "PORT": "9000",
        }
    )
    assert s.database == f"sqlite:///{tmp_path / 'review.db'}" and s.secret_key == "k"
    assert s.limits.max_file_bytes == 2 * 1024 * 1024 and s.limits.max_rows == 300
    assert s.security.idle == timedelta(minutes=5) and s.security.limits.lock_after == 7
    assert s.security.secure_cookies is False
    assert s.security.public_url == "https://lrt.example.org"
    assert s.security.max_request_bytes == 1024 * 1024
    # the largest upload is bounded by what one request may carry as base64
    assert s.max_upload_bytes == int(1024 * 1024 * 0.74)
    assert s.debug is True and s.port == 9000
    with pytest.raises(FrozenInstanceError):
        s.port = 1  # type: ignore[misc]


def test_se002_unset_means_the_documented_defaults():
    s = Settings.from_env({})
    assert s.security.secure_cookies is None  # automatic: Secure unless on localhost
    assert s.security.allow_password_sign_in is True and s.security.oidc is None
    assert s.security.limits.backoff_after == 5 and s.limits.max_columns == 200
    assert s.debug is False and (s.host, s.port) == ("127.0.0.1", 8050)


def test_se003_every_variable_read_is_documented():
    read = set(re.findall(r'"((?:LRT_|DATABASE_URL|HOST\b|PORT\b)[A-Z_]*)"', SOURCE.read_text()))
    assert {"LRT_DATA_DIR", "LRT_OIDC_ISSUER", "LRT_MAX_ROWS"} <= read
    doc = (ROOT / "docs" / "settings.md").read_text()
    assert sorted(n for n in read if f"`{n}`" not in doc) == []


def test_se004_nothing_else_reads_the_environment():
    """Outside the settings, only tests and the scripts that start the app for them (the
    benchmarks, the docs' screenshot scripts) may touch os.environ."""
    found = []
    for folder in ("app.py", "ingest", "timeline", "web", "pages", "migrations"):
        for path in [ROOT / folder] if folder.endswith(".py") else (ROOT / folder).rglob("*.py"):
            if path == SOURCE:
                continue
            text = path.read_text()
            if "os.environ" in text or "os.getenv" in text:
                found.append(str(path.relative_to(ROOT)))
    assert found == []


def test_se005_the_settings_import_no_store_module():
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, timeline.settings; print([m for m in sys.modules if m.startswith("
            "('timeline.store', 'web', 'dash'))])",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "[]"
