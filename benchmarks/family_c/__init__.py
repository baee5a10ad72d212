"""Family C: a third, independently written labelled generator of learning-review cases.

    from benchmarks.family_c import generate, true_pairs, write_files
    case = generate(seed, n_events=300, n_agencies=5, years=3, style="narrative")

See README.md for what it models and the labelling rules.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path

from benchmarks.family_c.episodes import TABLE
from benchmarks.family_c.people import Family, make_family
from benchmarks.family_c.render import LAYOUTS, Row, build_rows, to_records
from benchmarks.family_c.story import AGENCIES, Event, Story
from ingest.records import SourceRecord

__all__ = ["AGENCIES", "Case", "Files", "generate", "true_pairs", "write_files"]

PERIOD_END = date(2025, 3, 31)  # every case ends here: nothing dated in the future
STYLES = ("narrative", "short", "mixed")


@dataclass
class Case:
    seed: int
    records: list[SourceRecord]
    truth: dict[str, str]  # record id -> event id (every record)
    related: dict[str, str]  # follow-up record id -> the meeting's event id
    events: list[Event]
    rows: dict[str, Row]  # record id -> the row it came from (role, part, cells)
    family: Family
    period: tuple[date, date]
    agencies: list[str] = field(default_factory=list)


@dataclass
class Files:
    files: list[Path]
    truth: dict[tuple[str, int], str]  # (file name, row a user sees) -> event id
    related: dict[tuple[str, int], str]


def generate(
    seed: int, n_events: int = 300, n_agencies: int = 5, years: int = 3, style: str = "narrative"
) -> Case:
    """One labelled case: exactly `n_events` real events over `years` years ending 31 Mar
    2025, recorded by the first `n_agencies` of AGENCIES (at least Children's Social Care)."""
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}, not {style!r}")
    if n_events < 1 or years < 1:
        raise ValueError("n_events and years must be at least 1")
    rng = random.Random(f"family-c/{seed}")
    agencies = list(AGENCIES[: max(1, min(n_agencies, len(AGENCIES)))])
    start = date(PERIOD_END.year - years, PERIOD_END.month + 1, 1)
    lo = date.fromordinal(start.toordinal() + 10)
    hi = date.fromordinal(PERIOD_END.toordinal() - 75)
    fam = make_family(rng, start, PERIOD_END)
    events = Story(rng, fam, agencies, lo, hi).build(n_events, TABLE)
    if style == "mixed":
        narrative = {a: rng.random() < 0.5 for a in AGENCIES}
    else:
        narrative = dict.fromkeys(AGENCIES, style == "narrative")
    rows = build_rows(events, fam, rng, narrative)
    records, by_id = to_records(rows, agencies)
    truth = {rid: r.eid for rid, r in by_id.items()}
    related = {rid: r.meeting for rid, r in by_id.items() if r.meeting is not None}
    return Case(seed, records, truth, related, events, by_id, fam, (start, PERIOD_END), agencies)


def true_pairs(case: Case, cross_agency: bool = True) -> list[tuple[str, str]]:
    """Sorted record-id pairs that record one event: different agencies only, or (with
    cross_agency=False) also two rows of one agency (a split entry or a duplicate)."""
    by_event: dict[str, list[SourceRecord]] = {}
    for rec in case.records:
        by_event.setdefault(case.truth[rec.record_id], []).append(rec)
    pairs = []
    for recs in by_event.values():
        for a, b in combinations(recs, 2):
            if cross_agency and a.agency == b.agency:
                continue
            pairs.append(tuple(sorted((a.record_id, b.record_id))))
    return sorted(pairs)


# headers="unusual": the same cells under headers an importer may not know
_UNUSUAL = {
    "date": "When",
    "datetime": "Incident Date & Time",
    "time": "Approx. Time",
    "desc": "What happened / information received",
    "outcome": "What we did",
    "worker": "Recorded by",
    "ref": "Log Number",
    "type": "Category",
}


def write_files(case: Case, folder: str | Path, headers: str = "usual") -> Files:
    """Each agency's chronology as a CSV in its own layout (header in row 1). With
    headers="unusual" the same cells go under headers a column mapper may not know (then
    reading them back to the same records depends on the mapping, not tested here)."""
    if headers not in ("usual", "unusual"):
        raise ValueError(f"headers must be 'usual' or 'unusual', not {headers!r}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = Files([], {}, {})
    by_agency: dict[str, list[SourceRecord]] = {}
    for rec in case.records:
        by_agency.setdefault(rec.agency, []).append(rec)
    for agency, recs in by_agency.items():
        lay = LAYOUTS[agency]
        path = folder / lay.file_name
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(lay.headers if headers == "usual" else [_UNUSUAL[f] for f in lay.fields])
            for rec in recs:
                w.writerow(case.rows[rec.record_id].cells)
                key = (lay.file_name, rec.provenance.row)
                out.truth[key] = case.truth[rec.record_id]
                if rec.record_id in case.related:
                    out.related[key] = case.related[rec.record_id]
        out.files.append(path)
    return out
