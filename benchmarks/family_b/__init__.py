"""Family B: an independent labelled generator of agency chronologies.

Written from the domain notes alone (shared/domain), apart from the matcher and the first
generator, so that matching can be measured on data it was never tuned on. See README.md.

    case = generate(seed=1)                     # records already "imported", with truth
    files = write_files(case, tmp_path)         # the same case as agency files
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from benchmarks.family_b.build import Builder, Row, Table
from benchmarks.family_b.files import FilesTruth, unusual_headers, write_table
from benchmarks.family_b.people import Family, make_family
from benchmarks.family_b.story import AGENCIES, MEETINGS, ORDER, Event, plan_events
from ingest.records import SourceRecord

__all__ = [
    "AGENCIES",
    "MEETINGS",
    "Case",
    "FilesTruth",
    "generate",
    "true_pairs",
    "write_files",
]

STYLES = ("narrative", "short", "mixed")
LATEST_END = date(2025, 6, 30)


@dataclass(repr=False)
class Case:
    """One generated review: records, and which real event each record describes."""

    seed: int
    style: str
    records: list[SourceRecord]
    truth: dict[str, str]  # record id -> real event id
    related: dict[str, str]  # record id of a follow-up row -> the meeting's event id
    events: list[Event] = field(repr=False, default_factory=list)
    family: Family | None = field(repr=False, default=None)
    tables: dict[str, Table] = field(repr=False, default_factory=dict)  # agency code -> rows
    rows: dict[str, Row] = field(repr=False, default_factory=dict)  # record id -> its row
    period: tuple[date, date] | None = None

    @property
    def agencies(self) -> list[str]:
        return [AGENCIES[a] for a in self.tables]

    def __repr__(self) -> str:  # a summary: the full records would flood a test failure
        return (
            f"Case(seed={self.seed}, style={self.style!r}, {len(self.records)} records,"
            f" {len(set(self.truth.values()))} events, {len(self.related)} related)"
        )


def generate(
    seed: int,
    n_events: int = 300,
    n_agencies: int = 5,
    years: float = 3,
    style: str = "narrative",
) -> Case:
    """A deterministic case: `n_events` real events over `years` years recorded by the
    first `n_agencies` agencies of `story.ORDER` (at most 12). `style`: "narrative" (2-5
    sentences), "short" (one line) or "mixed" (each agency its own habit, fixed per seed)."""
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}, not {style!r}")
    if not 1 <= n_agencies <= len(ORDER):
        raise ValueError(f"n_agencies must be 1..{len(ORDER)}, not {n_agencies}")
    if n_events < 1 or years <= 0:
        raise ValueError("n_events must be at least 1 and years more than 0")
    rng = random.Random(f"family-b/{seed}")
    family = make_family(rng)
    # The story ends by mid-2025 whatever its length: no record dated in the future.
    span = timedelta(days=max(30, int(years * 365.25)))
    t0 = min(date(2013 + rng.randrange(6), rng.randint(1, 12), 1), LATEST_END - span)
    t1 = t0 + span
    present = ORDER[:n_agencies]
    events = plan_events(rng, n_events, present, t0, t1)
    builder = Builder(rng, family, style, present, f"family-b/{seed}")
    for ev in events:
        builder.add(ev)
    records, truth, related, rows = [], {}, {}, {}
    for rec, row in builder.records():
        records.append(rec)
        truth[rec.record_id] = row.event
        rows[rec.record_id] = row
        if row.related:
            related[rec.record_id] = row.related
    return Case(
        seed, style, records, truth, related, events, family, builder.tables, rows, (t0, t1)
    )


def write_files(case: Case, folder: str | Path, *, headers: str = "usual") -> FilesTruth:
    """Each agency's chronology as a file in its own layout, and the truth by (file, row).

    `headers="unusual"` writes the same cells under headers practitioners also use that a
    column mapper may not know ("Concern / incident", "Crew notes", "When" ...), to test
    reading a column from what it holds; the records' provenance keeps the usual headers."""
    if headers not in ("usual", "unusual"):
        raise ValueError(f"headers must be 'usual' or 'unusual', not {headers!r}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files, truth, related = [], {}, {}
    for table in case.tables.values():
        names = unusual_headers(table, case.seed) if headers == "unusual" else None
        path, row_numbers = write_table(table, folder, names)
        files.append(path)
        for row, number in zip(table.rows, row_numbers, strict=True):
            truth[(path.name, number)] = row.event
            if row.related:
                related[(path.name, number)] = row.related
    return FilesTruth(files, truth, related)


def true_pairs(case: Case, *, cross_agency: bool = True) -> set[tuple[str, str]]:
    """Every pair of record ids (sorted) that describe the same real event; with
    `cross_agency` only pairs from different agencies (split entries left out)."""
    by_event: dict[str, list[SourceRecord]] = {}
    for r in case.records:
        by_event.setdefault(case.truth[r.record_id], []).append(r)
    out = set()
    for recs in by_event.values():
        for i, a in enumerate(recs):
            for b in recs[i + 1 :]:
                if not cross_agency or a.agency != b.agency:
                    out.add(
                        (a.record_id, b.record_id)
                        if a.record_id < b.record_id
                        else (b.record_id, a.record_id)
                    )
    return out
