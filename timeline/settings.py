"""The process's settings: every environment variable the app reads, read once into one
frozen object (documented in docs/settings.md). Nothing else reads `os.environ`, apart from
`ingest.limits.Limits.from_env` (ingest/ stays usable on its own), which this calls once.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from ingest.agencies import AgencyDirectory
from ingest.limits import Limits

REPO_ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024


def _flag(env: Mapping[str, str], name: str) -> bool:
    return env.get(name, "").strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Settings:
    data_dir: Path = REPO_ROOT / "data"
    database_url: str = ""  # "" : the embedded SQLite file under data_dir
    secret_key: str = ""  # "" : generated once into data_dir/secret_key
    secure_cookies: bool = False
    idle_minutes: float = 30.0
    max_request_bytes: int = 60 * MB  # Flask's MAX_CONTENT_LENGTH
    app_url: str = "http://127.0.0.1:8050"
    host: str = "127.0.0.1"
    port: int = 8050
    debug: bool = False
    limits: Limits = field(default_factory=Limits)
    agency_directory_file: Path | None = None  # a partnership's agencies, aliases, systems

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        base = cls()
        data_dir = Path(env.get("LRT_DATA_DIR") or base.data_dir)
        return cls(
            data_dir=data_dir,
            database_url=env.get("DATABASE_URL", "").strip(),
            secret_key=env.get("LRT_SECRET_KEY", ""),
            secure_cookies=_flag(env, "LRT_SECURE_COOKIES"),
            idle_minutes=float(env.get("LRT_IDLE_MINUTES") or base.idle_minutes),
            max_request_bytes=int(env.get("LRT_MAX_UPLOAD_MB") or 60) * MB,
            app_url=env.get("LRT_APP_URL") or base.app_url,
            host=env.get("HOST") or base.host,
            port=int(env.get("PORT") or base.port),
            debug=_flag(env, "LRT_DEBUG"),
            limits=Limits.from_env(),
            agency_directory_file=Path(env["LRT_AGENCY_DIRECTORY"])
            if env.get("LRT_AGENCY_DIRECTORY", "").strip()
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
        return min(self.limits.max_file_bytes, int(self.max_request_bytes * 0.74))


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
