"""Bounds on what an uploaded file may make us read: checked before and while reading.

Defaults are generous for real chronologies (the largest seen run to a few thousand rows)
yet stop zip bombs and runaway sheets long before memory is at risk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 50 * 1024 * 1024  # the file as uploaded
    max_uncompressed_bytes: int = 500 * 1024 * 1024  # sum of a zip's (xlsx/docx) entries
    max_zip_entries: int = 10_000
    max_compression_ratio: float = 200.0  # per entry; real xlsx XML compresses ~10-30x
    max_rows: int = 1_000_000  # per table
    max_columns: int = 200

    @classmethod
    def from_env(cls) -> Limits:
        """Operators can tune limits without code: LRT_MAX_FILE_MB, LRT_MAX_ROWS, ..."""
        base = cls()
        mb = 1024 * 1024

        def env_int(name: str, default: int, scale: int = 1) -> int:
            raw = os.environ.get(name)
            return int(raw) * scale if raw else default

        return cls(
            max_file_bytes=env_int("LRT_MAX_FILE_MB", base.max_file_bytes, mb),
            max_uncompressed_bytes=env_int(
                "LRT_MAX_UNCOMPRESSED_MB", base.max_uncompressed_bytes, mb
            ),
            max_zip_entries=env_int("LRT_MAX_ZIP_ENTRIES", base.max_zip_entries),
            max_compression_ratio=base.max_compression_ratio,
            max_rows=env_int("LRT_MAX_ROWS", base.max_rows),
            max_columns=env_int("LRT_MAX_COLUMNS", base.max_columns),
        )
