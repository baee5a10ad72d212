"""Bounds on what an uploaded file may make us read: checked before and while reading.

Defaults are generous for real chronologies (the largest seen run to a few thousand rows)
yet stop zip bombs and runaway sheets long before memory is at risk. The app reads an
operator's own bounds from the environment (timeline.settings: LRT_MAX_FILE_MB, ...) and
passes them in; ingest/ itself reads no environment.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 50 * 1024 * 1024  # the file as uploaded
    max_uncompressed_bytes: int = 500 * 1024 * 1024  # sum of a zip's (xlsx/docx) entries
    max_zip_entries: int = 10_000
    max_compression_ratio: float = 200.0  # per entry; real xlsx XML compresses ~10-30x
    max_rows: int = 1_000_000  # per table
    max_columns: int = 200
