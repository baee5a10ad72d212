"""The process's settings: every environment variable the app reads, read once into one
frozen object (documented in docs/settings.md; the security ones also in docs/security.md).
Nothing else reads `os.environ` (tests aside).

This module imports no store module (the store imports it: `store.engine` takes the
database URL, `store.throttle` its limits from here), so there is no import cycle.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache, lru_cache
from pathlib import Path

from ingest.agencies import AgencyDirectory
from ingest.limits import Limits

REPO_ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024


def _text(env: Mapping[str, str], name: str) -> str:
    return (env.get(name) or "").strip()


def _num(env: Mapping[str, str], name: str, default: float) -> float:
    raw = _text(env, name)
    return float(raw) if raw else default


def _switch(env: Mapping[str, str], name: str) -> bool | None:
    """True for 1/yes/true/on, False for anything else set, None when unset (automatic)."""
    raw = _text(env, name).lower()
    if not raw:
        return None
    return raw in ("1", "yes", "true", "on")


@dataclass(frozen=True)
class SignInLimits:
    """Sign-in throttling (timeline.store.throttle): per account and per client address."""

    backoff_after: int = 5
    lock_after: int = 10
    lock_minutes: float = 15
    window_minutes: float = 15
    # One council office may sign in from one address: the client limits are looser.
    client_backoff_after: int = 20
    client_lock_after: int = 50

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> SignInLimits:
        d = cls()
        return cls(
            backoff_after=int(_num(env, "LRT_BACKOFF_AFTER", d.backoff_after)),
            lock_after=int(_num(env, "LRT_LOCK_AFTER", d.lock_after)),
            lock_minutes=_num(env, "LRT_LOCK_MINUTES", d.lock_minutes),
            window_minutes=_num(env, "LRT_FAILURE_WINDOW_MINUTES", d.window_minutes),
            client_backoff_after=int(_num(env, "LRT_CLIENT_BACKOFF_AFTER", d.client_backoff_after)),
            client_lock_after=int(_num(env, "LRT_CLIENT_LOCK_AFTER", d.client_lock_after)),
        )


@dataclass(frozen=True)
class OidcSettings:
    issuer: str  # e.g. https://login.microsoftonline.com/<tenant>/v2.0
    client_id: str
    client_secret: str
    label: str = "Sign in with your organisation's account"
    scopes: str = "openid email profile"

    @property
    def metadata_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"


@dataclass(frozen=True)
class SecuritySettings:
    """Sessions, sign-in, cookies, the proxy and single sign-on (docs/security.md)."""

    idle_minutes: float = 30
    absolute_hours: float = 12
    limits: SignInLimits = field(default_factory=SignInLimits)
    # None: Secure cookies unless the request came to localhost; True/False: always/never.
    secure_cookies: bool | None = None
    public_url: str = ""  # the app's own address behind a proxy, e.g. https://lrt.example.org
    proxy_hops: int = 0  # how many proxies' X-Forwarded-* headers to trust
    hsts_seconds: int = 31_536_000
    max_upload_mb: float = 60  # the largest request (Flask's MAX_CONTENT_LENGTH)
    allow_password_sign_in: bool = True
    oidc: OidcSettings | None = None

    @property
    def idle(self) -> timedelta:
        return timedelta(minutes=self.idle_minutes)

    @property
    def absolute(self) -> timedelta:
        return timedelta(hours=self.absolute_hours)

    @property
    def max_request_bytes(self) -> int:
        return int(self.max_upload_mb * MB)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> SecuritySettings:
        env = os.environ if env is None else env
        oidc = None
        if issuer := _text(env, "LRT_OIDC_ISSUER"):
            oidc = OidcSettings(
                issuer=issuer,
                client_id=env.get("LRT_OIDC_CLIENT_ID", ""),
                client_secret=env.get("LRT_OIDC_CLIENT_SECRET", ""),
                label=_text(env, "LRT_OIDC_LABEL") or OidcSettings.label,
            )
        passwords = _switch(env, "LRT_PASSWORD_SIGN_IN")
        return cls(
            idle_minutes=_num(env, "LRT_IDLE_MINUTES", cls.idle_minutes),
            absolute_hours=_num(env, "LRT_SESSION_HOURS", cls.absolute_hours),
            limits=SignInLimits.from_env(env),
            secure_cookies=_switch(env, "LRT_SECURE_COOKIES"),
            public_url=_text(env, "LRT_PUBLIC_URL").rstrip("/"),
            proxy_hops=int(_num(env, "LRT_PROXY_HOPS", 0)),
            hsts_seconds=int(_num(env, "LRT_HSTS_SECONDS", cls.hsts_seconds)),
            max_upload_mb=_num(env, "LRT_MAX_UPLOAD_MB", cls.max_upload_mb),
            allow_password_sign_in=True if passwords is None else passwords,
            oidc=oidc,
        )


def _import_limits(env: Mapping[str, str]) -> Limits:
    """The import bounds (ingest.limits.Limits) an operator may tune: LRT_MAX_FILE_MB, ..."""
    base = Limits()

    def whole(name: str, default: int, scale: int = 1) -> int:
        raw = _text(env, name)
        return int(raw) * scale if raw else default

    return Limits(
        max_file_bytes=whole("LRT_MAX_FILE_MB", base.max_file_bytes, MB),
        max_uncompressed_bytes=whole("LRT_MAX_UNCOMPRESSED_MB", base.max_uncompressed_bytes, MB),
        max_zip_entries=whole("LRT_MAX_ZIP_ENTRIES", base.max_zip_entries),
        max_compression_ratio=base.max_compression_ratio,
        max_rows=whole("LRT_MAX_ROWS", base.max_rows),
        max_columns=whole("LRT_MAX_COLUMNS", base.max_columns),
    )


@dataclass(frozen=True)
class Settings:
    data_dir: Path = REPO_ROOT / "data"
    database_url: str = ""  # "" : the embedded SQLite file under data_dir
    secret_key: str = ""  # "" : generated once into data_dir/secret_key
    app_url: str = "http://127.0.0.1:8050"
    host: str = "127.0.0.1"
    port: int = 8050
    debug: bool = False
    limits: Limits = field(default_factory=Limits)  # what an imported file may make us read
    security: SecuritySettings = field(default_factory=SecuritySettings)
    agency_directory_file: Path | None = None  # a partnership's agencies, aliases, systems

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        base = cls()
        return cls(
            data_dir=Path(_text(env, "LRT_DATA_DIR") or base.data_dir),
            database_url=_text(env, "DATABASE_URL"),
            secret_key=env.get("LRT_SECRET_KEY", ""),
            app_url=_text(env, "LRT_APP_URL") or base.app_url,
            host=_text(env, "HOST") or base.host,
            port=int(_text(env, "PORT") or base.port),
            debug=bool(_switch(env, "LRT_DEBUG")),
            limits=_import_limits(env),
            security=SecuritySettings.from_env(env),
            agency_directory_file=Path(_text(env, "LRT_AGENCY_DIRECTORY"))
            if _text(env, "LRT_AGENCY_DIRECTORY")
            else None,
        )

    def agency_directory(self) -> AgencyDirectory:
        """The agency directory the importer uses: the defaults, plus the partnership's own
        file (LRT_AGENCY_DIRECTORY) when set, read again when the file changes."""
        if self.agency_directory_file is None:
            return AgencyDirectory()
        path = self.agency_directory_file
        try:
            stamp = path.stat().st_mtime_ns
        except OSError as exc:
            msg = f"LRT_AGENCY_DIRECTORY: {path} cannot be read ({exc.strerror})"
            raise ValueError(msg) from None
        return _directory_file(str(path), stamp)

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "review.db"

    @property
    def database(self) -> str:
        """The database URL: DATABASE_URL, else the SQLite file in the data folder."""
        return self.database_url or f"sqlite:///{self.sqlite_path}"

    @property
    def max_upload_bytes(self) -> int:
        """The largest file the set-up page accepts: the import limit, and no more than one
        request may carry (an upload travels as base64, 4/3 of its size, plus the form)."""
        return min(self.limits.max_file_bytes, int(self.security.max_request_bytes * 0.74))


@lru_cache(maxsize=4)
def _directory_file(path: str, _stamp: int) -> AgencyDirectory:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"LRT_AGENCY_DIRECTORY: {path} is not readable JSON ({exc})") from None
    return AgencyDirectory.from_partnership(data, f"LRT_AGENCY_DIRECTORY ({path})")


@cache
def get_settings() -> Settings:
    """The settings, read from the environment on first use."""
    return Settings.from_env()
