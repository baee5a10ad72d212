"""A fictional review of generated records from ten agencies, imported through the real
pipeline and matched: for the timeline's browser tests and its screenshot."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import ingest
from benchmarks.gen_cases import CSV_COLUMNS, generate, write_agency_csvs
from timeline.actions.imports import import_paths
from timeline.store.auth import LOCAL_OPERATOR


def ten_agency_review(store, folder: Path, email: str, n: int = 500, seed: int = 31) -> int:
    """Write one CSV per agency into `folder`, import them into a new review with the
    period of the records and a child's date of birth, match, and make `email` (an
    existing user) its lead. Returns the review's id."""
    records, _ = generate(n_records=n, seed=seed)
    files = write_agency_csvs(records, folder)
    first = min(r.date.start for r in records)
    last = max(r.date.start for r in records)
    rid = store.reviews.create_review(LOCAL_OPERATOR, "Ten agencies (fictional)")
    store.reviews.update_review(
        LOCAL_OPERATOR,
        rid,
        period_start=first,
        period_end=last,
        child_dob=date(first.year, first.month, 1),
    )
    import_paths(
        store,
        LOCAL_OPERATOR,
        rid,
        files,
        agencies={str(p): p.stem.replace(" chronology", "") for p in files},
        profile=ingest.AgencyProfile(columns=dict(CSV_COLUMNS)),
    )
    store.records.run_matching(LOCAL_OPERATOR, rid)
    store.reviews.add_member(LOCAL_OPERATOR, rid, email, "lead")
    return rid
