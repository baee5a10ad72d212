"""Family D: a fourth, independent labelled generator of learning-review cases for the
matcher's held-out judgement (issue 11). See README.md for how it was written and the
labelling rules."""

from __future__ import annotations

import csv
import hashlib
import io
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ingest.records import Issue, Provenance, RecordIds, SourceRecord, make_interval

from .habits import AGENCIES, FILE_NAMES, ORDER, Habit, build_habit, title_block
from .people import Family, build_family
from .render import Line, Renderer
from .story import Event, Story
from .xlsx import xlsx_bytes

__all__ = ["Case", "Event", "Row", "Written", "generate", "true_pairs", "write_files"]

STYLES = ("narrative", "short", "mixed")
PERIOD_END = date(2025, 8, 31)


@dataclass
class Row:
    cells: tuple[str, ...]
    part: int  # 1 for a split entry's second row
    told: str  # P own contact, N notification / letter about it, D a second row
    role: str  # P, N, R (report before a meeting), F (other follow-up), M (month only), D


@dataclass
class Case:
    family: Family
    period: tuple[date, date]
    agencies: list[str]  # canonical names, in family D's order
    style: str
    events: list[Event]  # events[i].id == i
    records: list[SourceRecord]
    truth: dict[str, int]  # record id -> real event id
    related: dict[str, int]  # record id of a follow-up -> the meeting's event id
    rows: dict[str, Row]
    habits: dict[str, Habit] = field(repr=False)
    # agency key -> file name, CSV bytes, record ids; and the lines above its header
    files: dict[str, tuple[str, bytes, list[str]]] = field(repr=False)
    titles: dict[str, list[str]] = field(repr=False)
    sheets: dict[str, str] = field(repr=False)  # key -> sheet name of an .xlsx file, "" for CSV
    seed: int = 0


@dataclass
class Written:
    files: list[Path]
    truth: dict[tuple[str, int], int]  # (file name, row a user sees) -> event id
    related: dict[tuple[str, int], int]


def generate(
    seed: int, n_events: int = 300, n_agencies: int = 5, years: int = 3, style: str = "narrative"
) -> Case:
    """A labelled case: n_events real events (follow-ups included) recorded by the first
    n_agencies agencies over `years` years ending 31 Aug 2025."""
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}")
    rng = random.Random(f"family-d/{seed}")
    period = (date(PERIOD_END.year - years, 9, 1), PERIOD_END)
    keys = ORDER[: max(1, min(n_agencies, len(ORDER)))]
    fam = build_family(rng, period)
    habits = {k: build_habit(k, rng) for k in keys}
    story = Story(rng, fam, period, habits)
    story.run(n_events)
    titles = {k: title_block(k, fam, period, fam.workers[k][-1], rng) for k in keys}
    # a fifth of the agencies send a workbook (a sheet of text cells), the rest CSV
    sheets = {k: rng.choice(_SHEETS) if rng.random() < 0.2 else "" for k in keys}
    # the words come from a second generator seeded from the first, so that every style
    # tells the same events
    words = random.Random(f"family-d/{seed}/{rng.getrandbits(64)}/{style}")
    renderer = Renderer(words, fam, habits, style, story.events)
    by_agency: dict[str, list[Line]] = {k: [] for k in keys}
    for ev, recs in zip(story.events, story.recs, strict=True):
        for line in renderer.lines(ev, recs):
            by_agency[line.agency].append(line)
    records: list[SourceRecord] = []
    truth: dict[str, int] = {}
    related: dict[str, int] = {}
    rows: dict[str, Row] = {}
    files: dict[str, tuple[str, bytes, list[str]]] = {}
    for key in keys:
        lines = sorted(by_agency[key], key=lambda ln: ln.sort)
        if not lines:
            continue
        h = habits[key]
        sheet = sheets[key]
        name = f"{FILE_NAMES[key]}.{'xlsx' if sheet else 'csv'}"
        data = _file_bytes(sheet, titles[key], h.headers, [ln.cells for ln in lines])
        # the title lines, a blank line and the header come first
        first_row = len(titles[key]) + 3 if titles[key] else 2
        sha = hashlib.sha256(data).hexdigest()
        agency = AGENCIES[key]
        ids = RecordIds(agency)
        seen: dict[tuple[str, ...], tuple[int, int]] = {}  # cells -> (first row, count)
        rids = []
        for i, ln in enumerate(lines):
            row_no = i + first_row
            values = tuple(c.strip() for c in ln.cells)
            first, count = seen.get(values, (row_no, 0))
            seen[values] = (first, count + 1)
            rid = ids(values, count)
            issues = (
                [Issue("duplicate_row", f"the same as row {first} of this file")] if count else []
            )
            rec = SourceRecord(
                record_id=rid,
                agency=agency,
                date=make_interval(
                    ln.start, ln.end, ln.precision, ln.approximate, ln.tm, None, ln.note
                ),
                description=_cell(h, ln, "desc"),
                provenance=Provenance.of_row(name, sha, sheet, row_no, tuple(h.headers), ln.cells),
                outcome=_cell(h, ln, "outcome"),
                practitioner=_cell(h, ln, "prac"),
                reference=_cell(h, ln, "ref"),
                event_type=_cell(h, ln, "type"),
                issues=issues,
            )
            records.append(rec)
            ev = story.events[ln.event]
            truth[rid] = ev.id
            if ev.meeting is not None:
                related[rid] = ev.meeting
            rows[rid] = Row(ln.cells, ln.part, ln.told, ln.role)
            rids.append(rid)
        files[key] = (name, data, rids)
    return Case(
        fam,
        period,
        [AGENCIES[k] for k in keys],
        style,
        story.events,
        records,
        truth,
        related,
        rows,
        habits,
        files,
        titles,
        sheets,
        seed,
    )


def _cell(h: Habit, ln: Line, role: str) -> str:
    return ln.cells[h.columns.index(role)].strip() if role in h.columns else ""


_SHEETS = ["Chronology", "Sheet1", "Chronology of involvement"]


def _file_bytes(
    sheet: str, title: list[str], headers: list[str], rows: list[tuple[str, ...]]
) -> bytes:
    return xlsx_bytes(sheet, title, headers, rows) if sheet else csv_bytes(headers, rows, title)


def csv_bytes(headers: list[str], rows: list[tuple[str, ...]], title: list[str]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    if title:
        writer.writerows([line] for line in title)
        writer.writerow([])
    writer.writerow(headers)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def true_pairs(case: Case, cross_agency: bool = True) -> list[tuple[str, str]]:
    """Sorted pairs of record ids that record the same real event (of different agencies
    unless cross_agency is False)."""
    groups: dict[int, list[SourceRecord]] = {}
    for r in case.records:
        groups.setdefault(case.truth[r.record_id], []).append(r)
    pairs = []
    for members in groups.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if cross_agency and a.agency == b.agency:
                    continue
                pairs.append(tuple(sorted((a.record_id, b.record_id))))
    return sorted(pairs)


def write_files(case: Case, folder: str | Path, headers: str = "usual") -> Written:
    """One CSV per agency. headers="unusual": the same cells under headers a column mapper
    may not know (the record ids stay the same: they come from the cells)."""
    if headers not in ("usual", "default", "standard", "unusual"):
        raise ValueError('headers must be "usual" (or "default", "standard") or "unusual"')
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    by_id = {r.record_id: r for r in case.records}
    out: list[Path] = []
    truth: dict[tuple[str, int], int] = {}
    related: dict[tuple[str, int], int] = {}
    for key, (name, data, rids) in case.files.items():
        if headers == "unusual":
            h = case.habits[key]
            rows = [case.rows[rid].cells for rid in rids]
            data = _file_bytes(case.sheets[key], case.titles[key], h.unusual, rows)
        path = folder / name
        path.write_bytes(data)
        out.append(path)
        for rid in rids:
            row = by_id[rid].provenance.row
            truth[(name, row)] = case.truth[rid]
            if rid in case.related:
                related[(name, row)] = case.related[rid]
    return Written(out, truth, related)
