"""Family F: a sixth independent labelled matching family (see README.md).

case = generate(seed, n_events=300, n_agencies=5, years=3, style="narrative")
files = write_files(case, folder, headers="usual" | "unusual")
true_pairs(case)
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from .agencies import ORDER
from .compose import SATELLITES, Row, compose, draw_workers
from .files import Files, write_tables
from .people import Family, make_family
from .plan import Event, plan_events, plan_slots
from .voice import NATIONS

STYLES = ("short", "narrative", "mixed")
__all__ = ["Case", "Event", "Files", "Row", "generate", "true_pairs", "write_files"]


@dataclass
class Case:
    seed: int
    style: str
    period: tuple[date, date]
    agencies: tuple[str, ...]
    nation: str
    family: Family
    events: list[Event]
    tables: dict[str, list[Row]]  # agency -> rows in file order
    records: list = field(default_factory=list)  # SourceRecords as the importer read them
    truth: dict[str, str] = field(default_factory=dict)  # record id -> event id
    related: dict[str, str] = field(default_factory=dict)  # record id -> meeting event id
    rows: dict[str, Row] = field(default_factory=dict)  # record id -> its planned row
    quarantined: list = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # files the importer could not read
    lost: list[tuple[str, int]] = field(default_factory=list)  # rows that made no record
    unplanned: list = field(default_factory=list)  # records from no planned row (none so far)


def generate(
    seed: int,
    n_events: int = 300,
    n_agencies: int = 5,
    years: int = 3,
    style: str = "narrative",
) -> Case:
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}")
    if not 2 <= n_agencies <= len(ORDER):
        raise ValueError(f"n_agencies must be 2..{len(ORDER)}")
    rng = random.Random(f"family-f/{seed}")  # the plan: the same in every style
    agencies = ORDER[:n_agencies]
    start = date(2013 + rng.randrange(9), rng.randint(1, 12), 1)
    end = start + timedelta(days=round(365.25 * years) - 1)
    fam = make_family(rng, start.year)
    nation = rng.choice(NATIONS)
    events, clock = plan_events(rng, agencies, start, end, n_events)
    slots = plan_slots(rng, events, clock)
    habits = {a: rng.choice(("narrative", "short", "both")) for a in agencies}
    workers = draw_workers(rng, agencies)
    if style != "mixed":
        habits = dict.fromkeys(agencies, style)
    words = random.Random(f"family-f/{seed}/{style}")
    tables = compose(fam, nation, events, slots, style, habits, workers, words)
    case = Case(seed, style, (start, end), agencies, nation, fam, events, tables)
    with tempfile.TemporaryDirectory(prefix="family_f_") as tmp:
        files = write_files(case, tmp)
        _read_back(case, files)
    return case


def write_files(case: Case, folder: str | Path, headers: str = "usual") -> Files:
    """Write each agency's file into `folder`; the answer key is keyed by (file, row)."""
    if headers not in ("usual", "unusual"):
        raise ValueError("headers must be 'usual' or 'unusual'")
    files = write_tables(case.tables, Path(folder), headers, case.family, case.period)
    by_id = {e.id: e for e in case.events}
    for key, event in files.truth.items():
        ev = by_id[event]
        if ev.kind in SATELLITES and ev.meeting:
            files.related[key] = ev.meeting
    return files


def _read_back(case: Case, files: Files) -> None:
    from ingest import IngestError, import_file

    by_id = {e.id: e for e in case.events}
    for agency, path in files.files.items():
        try:
            fi = import_file(path, agency=agency)
        except IngestError:
            case.unread.append(path.name)
            continue
        case.quarantined.extend(fi.quarantined)
        seen = set()
        for rec in fi.records:
            for n in rec.provenance.rows:
                seen.add(n)
            row = files.rows.get((path.name, rec.provenance.row))
            if row is None:  # kept apart: a record the plan did not write has no truth
                case.unplanned.append(rec)
                continue
            case.records.append(rec)
            case.truth[rec.record_id] = row.event
            case.rows[rec.record_id] = row
            ev = by_id[row.event]
            if ev.kind in SATELLITES and ev.meeting:
                case.related[rec.record_id] = ev.meeting
        for (name, n), _row in files.rows.items():
            if name == path.name and n not in seen:
                case.lost.append((name, n))


def true_pairs(case: Case, cross_agency: bool = True) -> set[frozenset[str]]:
    """Every pair of records that tell one event (across agencies only, by default)."""
    by_event: dict[str, list[str]] = {}
    for rid, ev in case.truth.items():
        by_event.setdefault(ev, []).append(rid)
    agency = {r.record_id: r.agency for r in case.records}
    pairs = set()
    for rids in by_event.values():
        for a, b in combinations(rids, 2):
            if not cross_agency or agency[a] != agency[b]:
                pairs.add(frozenset((a, b)))
    return pairs
