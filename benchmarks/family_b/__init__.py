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
from benchmarks.family_b.files import FilesTruth, write_table
from benchmarks.family_b.people import Family, make_family
from benchmarks.family_b.story import AGENCIES, MEETINGS, ORDER, Event, plan_events
from ingest.records import SourceRecord

__all__ = ["Case", "FilesTruth", "generate", "write_files", "AGENCIES", "MEETINGS"]

STYLES = ("narrative", "short")


@dataclass
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


def generate(
    seed: int,
    n_events: int = 300,
    n_agencies: int = 5,
    years: float = 3,
    style: str = "narrative",
) -> Case:
    """A deterministic case: `n_events` real events over `years` years recorded by the
    first `n_agencies` agencies of `story.ORDER` (at most 12)."""
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}, not {style!r}")
    if not 1 <= n_agencies <= len(ORDER):
        raise ValueError(f"n_agencies must be 1..{len(ORDER)}, not {n_agencies}")
    if n_events < 1 or years <= 0:
        raise ValueError("n_events must be at least 1 and years more than 0")
    rng = random.Random(f"family-b/{seed}")
    family = make_family(rng)
    t0 = date(2013 + rng.randrange(6), rng.randint(1, 12), 1)
    t1 = t0 + timedelta(days=max(30, int(years * 365.25)))
    present = ORDER[:n_agencies]
    events = plan_events(rng, n_events, present, t0, t1)
    builder = Builder(rng, family, style, present)
    for ev in events:
        builder.add(ev)
    records, truth, related, rows = [], {}, {}, {}
    for rec, row in builder.records(seed):
        records.append(rec)
        truth[rec.record_id] = row.event
        rows[rec.record_id] = row
        if row.related:
            related[rec.record_id] = row.related
    return Case(
        seed, style, records, truth, related, events, family, builder.tables, rows, (t0, t1)
    )


def write_files(case: Case, folder: str | Path) -> FilesTruth:
    """Each agency's chronology as a file in its own layout, and the truth by (file, row)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files, truth, related = [], {}, {}
    for table in case.tables.values():
        path, row_numbers = write_table(table, folder)
        files.append(path)
        for row, number in zip(table.rows, row_numbers, strict=True):
            truth[(path.name, number)] = row.event
            if row.related:
                related[(path.name, number)] = row.related
    return FilesTruth(files, truth, related)
