"""Importing files by path (the command line, the sample, tests and benchmarks): the file is
read with the import pipeline here, outside any transaction, and the store only stores what
was read (`store.records.import_results`, `store.workflow.replace_reading`). The store
itself never runs the pipeline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ingest
from timeline.settings import get_settings
from timeline.store import Actor, PermissionDenied, Store
from timeline.store.auth import IMPORT


def _period(store: Store, actor: Actor, rid: int):
    review = store.reviews.get_review(actor, rid)
    if not store.reviews.may(actor, rid, IMPORT):  # before any file is read at all
        raise PermissionDenied(f"a {review['role']} may not import files ({actor.label})")
    if review["period_start"] and review["period_end"]:
        return review["period_start"], review["period_end"]
    return None


def import_paths(
    store: Store,
    actor: Actor,
    rid: int,
    paths: Sequence[str | Path],
    *,
    agencies: dict[str, str] | None = None,
    profile: Any = None,  # ingest.AgencyProfile
    display_names: dict[str, str] | None = None,
    progress: Callable[[int, dict[str, Any]], None] | None = None,
    replaces: dict[str, int] | None = None,
    confirm: bool = False,
) -> list[dict[str, Any]]:
    """Read each file with the import pipeline, then store them all in one transaction.
    `agencies` maps a file's name (or path) to its agency; `display_names` maps a path to
    the name people know the file by; `replaces` maps a file's name to the id of the earlier
    file it is a new version of (without it a file only adds records)."""
    period = _period(store, actor, rid)
    agencies = agencies or {}
    imports = []
    for p in paths:
        p = Path(p)
        name = (display_names or {}).get(str(p))
        agency = agencies.get(str(p)) or agencies.get(p.name) or agencies.get(name or "")
        imports.append(
            ingest.import_file(
                p,
                agency=agency,
                profile=profile,
                period=period,
                display_name=name,
                limits=get_settings().limits,
            )
        )
    return store.records.import_results(
        actor, rid, imports, progress=progress, replaces=replaces, confirm=confirm
    )


def reimport_path(
    store: Store,
    actor: Actor,
    rid: int,
    source_file_id: int,
    path: str | Path,
    *,
    profile: Any = None,
    agency: str | None = None,
    display_name: str | None = None,
    confirm: bool = False,
) -> dict[str, Any]:
    """Read `path` (the file behind `source_file_id`) again, with a corrected profile or
    agency, and replace that file's reading (one transaction). IngestError (naming the
    file) when it cannot be read: nothing changed."""
    period = _period(store, actor, rid)
    fi = ingest.import_file(
        Path(path),
        agency=agency,
        profile=profile,
        period=period,
        display_name=display_name,
        limits=get_settings().limits,
    )
    return store.workflow.replace_reading(actor, rid, source_file_id, fi, confirm=confirm)
