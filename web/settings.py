"""Every security setting of the web app, read once from the environment (documented in
docs/security.md). One frozen object so the app-wide settings can take it over whole."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta

from timeline.store.sessions import Timeouts
from timeline.store.throttle import Limits


def _num(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    return float(raw) if raw else default


def _flag(name: str) -> bool | None:
    """True for 1/yes/true, False for 0/no/false, None when unset (then: automatic)."""
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return None
    return raw in ("1", "yes", "true", "on")


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
    idle_minutes: float = 30
    absolute_hours: float = 12
    limits: Limits = field(default_factory=Limits)
    # None: Secure cookies unless the request came to localhost; True/False: always/never.
    secure_cookies: bool | None = None
    public_url: str = ""  # the app's own address behind a proxy, e.g. https://lrt.example.org
    proxy_hops: int = 0  # how many proxies' X-Forwarded-* headers to trust
    hsts_seconds: int = 31_536_000
    max_upload_mb: float = 60
    allow_password_sign_in: bool = True
    oidc: OidcSettings | None = None

    @property
    def timeouts(self) -> Timeouts:
        return Timeouts(
            idle=timedelta(minutes=self.idle_minutes), absolute=timedelta(hours=self.absolute_hours)
        )

    @classmethod
    def from_env(cls) -> SecuritySettings:
        d = Limits()
        limits = Limits(
            backoff_after=int(_num("LRT_BACKOFF_AFTER", d.backoff_after)),
            lock_after=int(_num("LRT_LOCK_AFTER", d.lock_after)),
            lock_minutes=_num("LRT_LOCK_MINUTES", d.lock_minutes),
            window_minutes=_num("LRT_FAILURE_WINDOW_MINUTES", d.window_minutes),
            client_backoff_after=int(_num("LRT_CLIENT_BACKOFF_AFTER", d.client_backoff_after)),
            client_lock_after=int(_num("LRT_CLIENT_LOCK_AFTER", d.client_lock_after)),
        )
        oidc = None
        if issuer := os.environ.get("LRT_OIDC_ISSUER", "").strip():
            oidc = OidcSettings(
                issuer=issuer,
                client_id=os.environ.get("LRT_OIDC_CLIENT_ID", ""),
                client_secret=os.environ.get("LRT_OIDC_CLIENT_SECRET", ""),
                label=os.environ.get("LRT_OIDC_LABEL", "").strip() or OidcSettings.label,
            )
        passwords = _flag("LRT_PASSWORD_SIGN_IN")
        return cls(
            idle_minutes=_num("LRT_IDLE_MINUTES", cls.idle_minutes),
            absolute_hours=_num("LRT_SESSION_HOURS", cls.absolute_hours),
            limits=limits,
            secure_cookies=_flag("LRT_SECURE_COOKIES"),
            public_url=os.environ.get("LRT_PUBLIC_URL", "").strip().rstrip("/"),
            proxy_hops=int(_num("LRT_PROXY_HOPS", 0)),
            hsts_seconds=int(_num("LRT_HSTS_SECONDS", cls.hsts_seconds)),
            max_upload_mb=_num("LRT_MAX_UPLOAD_MB", cls.max_upload_mb),
            allow_password_sign_in=True if passwords is None else passwords,
            oidc=oidc,
        )
