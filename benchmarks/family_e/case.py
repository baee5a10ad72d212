"""Family E's public API: generate a labelled case, write its files, list its true pairs."""

from __future__ import annotations

import random
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from itertools import combinations
from pathlib import Path

from ingest.errors import IngestError
from ingest.pipeline import import_file
from ingest.records import SourceRecord

from . import layouts as LY
from .kinds import CSC, HOS, ORDER
from .names import Family, make_family
from .phrases import CALL_PAIRS, facts_for, render
from .plan import Draft, Event, plan

STYLES = ("narrative", "short", "mixed")
QUOTE = 0.12  # a narrative notification quotes the notifier's entry word for word
TYPE_LABEL = {
    "home_visit": "Home visit",
    "no_access": "Home visit",
    "hv_no_access": "Home visit",
    "s47_visit": "Home visit",
    "prof_call": "Telephone call",
    "prof_call_mh": "Telephone call",
    "idva_call": "Telephone call",
    "note": "Case note",
    "closure_letter": "Letter",
    "eviction_letter": "Letter",
    "report": "Report",
    "minutes": "Correspondence",
    "outcome_letter": "Letter",
    "minutes_chased": "Email",
    "injury_episode": "ED",
    "overdose_episode": "ED",
    "intox_episode": "ED",
}


@dataclass
class Row:
    """One row a user sees in one agency's file, and what it is about."""

    agency: str
    event: int
    cells: tuple  # the values written, in the layout's column order (dates as written)
    told: str  # "P" own contact, "N" notification / letter about it, "D" second row
    role: str  # "P", "N", "R" report before a meeting, "F" follow-up, "M" month-only, "D"
    day: date | None = None  # the day the row is dated (an "M" row shows only its month)
    at: time | None = None  # the time the row carries, if any
    file: str = ""
    row: int = 0  # the row number a user sees (header and title rows count)


@dataclass
class Files:
    files: list[Path]
    truth: dict[tuple[str, int], int]  # (file name, row) -> event id
    related: dict[tuple[str, int], int]  # (file name, row) of a follow-up -> meeting id


@dataclass
class Case:
    seed: object
    style: str
    agencies: tuple[str, ...]
    period: tuple[date, date]
    family: Family
    events: list[Event]
    records: list[SourceRecord] = field(default_factory=list)
    truth: dict[str, int] = field(default_factory=dict)
    related: dict[str, int] = field(default_factory=dict)
    rows: dict[str, Row] = field(default_factory=dict)
    tables: dict[str, list[Row]] = field(default_factory=dict)  # agency -> rows in file order
    quarantined: int = 0  # rows the importer did not make records of (kept out of `rows`)
    unread: list[str] = field(default_factory=list)  # files the importer refused, and why


def _agency_styles(rng: random.Random, agencies, style: str) -> dict[str, str]:
    if style != "mixed":
        return {a: style for a in agencies}
    # each agency its own habit: mostly narrative, mostly one-liners, or both by turns
    return {a: rng.choice(("narrative", "short", "both")) for a in agencies}


def generate(
    seed, n_events: int = 300, n_agencies: int = 5, years: int = 3, style: str = "narrative"
) -> Case:
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}")
    if not 2 <= n_agencies <= len(ORDER):
        raise ValueError(f"n_agencies must be 2..{len(ORDER)}")
    rng = random.Random(f"family-e/{seed}")
    agencies = ORDER[:n_agencies]
    fam = make_family(rng)
    last = 2024 - years  # the case ends before 2025: no date lies in the future
    start = date(rng.randint(max(2000, last - 6), max(2000, last)), rng.randint(1, 12), 1)
    end = start + timedelta(days=365 * years - 1)
    pairs = [(a, b, w) for a, b, w in CALL_PAIRS if a in agencies and b in agencies]

    def pair_for():
        a, b, _ = rng.choices(pairs, [w for *_, w in pairs])[0]
        return (a, b) if rng.random() < 0.5 else (b, a)

    events, drafts = plan(
        rng,
        n_events,
        agencies,
        start,
        end,
        lambda kind, only=None: facts_for(rng, kind, only),
        pair_for,
    )
    case = Case(seed, style, agencies, (start, end), fam, events)
    _fill_tables(case, rng, drafts, _agency_styles(rng, agencies, style))
    with tempfile.TemporaryDirectory(prefix="family-e-") as tmp:
        written = write_files(case, tmp)
        _read_back(case, written)
    return case


def _fill_tables(case: Case, rng: random.Random, drafts: list[Draft], styles) -> None:
    fam, events = case.family, case.events
    by_event: dict[int, list[Draft]] = defaultdict(list)
    for d in drafts:
        by_event[d.event].append(d)
    per_agency: dict[str, list[tuple]] = defaultdict(list)
    month_form = rng.randrange(3)
    said: dict[int, str] = {}  # event -> the first own-contact text written about it
    refs: dict[tuple[str, int], int] = {}  # (agency, event) -> the agency's own reference
    for d in drafts:
        ev = events[d.event]
        own = [x.agency for x in by_event[d.event] if x.told == "P"]
        lead = own[0] if own and own[0] != d.agency else (own[1] if len(own) > 1 else None)
        if lead is None and own:
            lead = own[0]
        others = [a for a in own if a != d.agency]
        layout = LY.LAYOUTS[d.agency]
        habit = styles[d.agency]
        style = habit if habit != "both" else rng.choice(("narrative", "short"))
        if d.copy:
            prev = per_agency[d.agency][-1]
            per_agency[d.agency].append(
                (
                    prev[0],
                    prev[1],
                    Row(d.agency, d.event, prev[2].cells, "D", "D", prev[2].day, prev[2].at),
                )
            )
            continue
        text, act, by = render(rng, fam, ev, d, style, lead, others)
        if d.told == "P" and d.role == "P" and not d.late:
            said.setdefault(d.event, text)
        elif d.told == "N" and style == "narrative" and d.event in said and rng.random() < QUOTE:
            # a receiver pastes the notifier's own words under its first sentence
            text = f'{text.split(". ")[0].rstrip(".")}. Their entry reads: "{said[d.event]}"'
        cols = layout.cols
        if "action" not in cols and act and style == "narrative":
            text = f"{text} {act}"
        month = d.role == "M"
        values = {
            "date": LY.date_cell(layout.date_form, d.day, month, month_form),
            "datetime": LY.datetime_cell(layout.date_form, d.day, d.time, month, month_form),
            "time": "" if month else LY.time_text(layout.time_form, d.time),
            "text": text,
            "action": act,
            "by": by,
            "type": _type_label(ev, d),
            "ref": f"{d.agency[:2].upper()}/{d.day:%y}/{_ref(refs, rng, d):05d}",
        }
        cells = tuple(values[c] for c in cols)
        sort_time = d.time.isoformat() if d.time else "99"
        per_agency[d.agency].append(
            (
                d.day,
                (sort_time, d.seq),
                Row(d.agency, d.event, cells, d.told, d.role, d.day, None if month else d.time),
            )
        )
    for agency in case.agencies:
        entries = sorted(per_agency.get(agency, []), key=lambda e: (e[0], e[1]))
        if LY.LAYOUTS[agency].newest_first:
            entries.reverse()
        case.tables[agency] = [e[2] for e in entries]


def _ref(refs: dict, rng: random.Random, d: Draft) -> int:
    """The agency's own reference number for the event: one per event within the agency,
    drawn at random so that nothing links two agencies' numbers."""
    key = (d.agency, d.event)
    if key not in refs:
        refs[key] = rng.randint(10000, 99999)
    return refs[key]


def _type_label(ev: Event, d: Draft) -> str:
    if d.agency == HOS:  # the hospital's column is the department that wrote the entry
        if ev.kind in ("injury_episode", "overdose_episode", "intox_episode"):
            return "ED" if ev.subject == "mother" else "Paediatric ED"
        return "Paediatrics" if ev.kind == "cp_medical" else "Safeguarding team"
    if d.told == "N":
        return "Notification" if ev.kind not in ("minutes", "outcome_letter") else "Letter in"
    if ev.is_meeting:
        return "Meeting"
    return TYPE_LABEL.get(ev.kind, "Contact")


def _file_name(case: Case, agency: str) -> str:
    layout = LY.LAYOUTS[agency]
    fam = case.family
    stem = layout.stem.format(surname=fam.surname, SURNAME=fam.surname.upper(), school=fam.school)
    return f"{stem}.{layout.ext}"


def write_files(case: Case, folder, headers: str = "usual") -> Files:
    """One file per agency in `folder`, each in its own layout; the same cells whichever
    headers. Returns the files and the truth keyed by (file name, row a user sees)."""
    if headers not in ("usual", "unusual"):
        raise ValueError("headers must be 'usual' or 'unusual'")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fam = case.family
    out = Files([], {}, {})
    for agency in case.agencies:
        layout = LY.LAYOUTS[agency]
        rows = case.tables[agency]
        if not rows:
            continue
        name = _file_name(case, agency)
        title = tuple(
            t.format(
                **{
                    "town": fam.town,
                    "child": fam.child,
                    "surname": fam.surname,
                    "school": fam.school,
                }
            )
            for t in layout.title
        )
        head = layout.unusual if headers == "unusual" else layout.headers
        LY.write(folder / name, layout, head, [r.cells for r in rows], title)
        first = LY.header_rows(layout, headers == "unusual") + 1
        for i, r in enumerate(rows):
            r.file, r.row = name, first + i
            out.truth[(name, r.row)] = r.event
            meeting = case.events[r.event].meeting
            if meeting is not None:
                out.related[(name, r.row)] = meeting
        out.files.append(folder / name)
    return out


def _read_back(case: Case, written: Files) -> None:
    by_place = {(r.file, r.row): r for rows in case.tables.values() for r in rows}
    for agency, path in zip(
        [a for a in case.agencies if case.tables[a]], written.files, strict=True
    ):
        try:
            fi = import_file(path, agency=agency)
        except IngestError as exc:  # the importer's verdict on our file: kept, not hidden
            case.unread.append(f"{path.name}: {exc}")
            case.quarantined += len(case.tables[agency])
            continue
        case.quarantined += len(fi.quarantined)
        for rec in fi.records:
            row = by_place.get((path.name, rec.provenance.row))
            if row is None:
                raise RuntimeError(f"family_e: {path.name} row {rec.provenance.row} is not ours")
            case.records.append(rec)
            case.rows[rec.record_id] = row
            case.truth[rec.record_id] = row.event
            meeting = case.events[row.event].meeting
            if meeting is not None:
                case.related[rec.record_id] = meeting


def true_pairs(case: Case, cross_agency: bool = True) -> list[tuple[str, str]]:
    """Sorted record-id pairs describing one event (different agencies; with
    cross_agency=False, pairs within one agency too)."""
    groups: dict[int, list[SourceRecord]] = defaultdict(list)
    for rec in case.records:
        groups[case.truth[rec.record_id]].append(rec)
    out = []
    for recs in groups.values():
        for a, b in combinations(recs, 2):
            if cross_agency and a.agency == b.agency:
                continue
            out.append(tuple(sorted((a.record_id, b.record_id))))
    return sorted(out)


__all__ = ["CSC", "Case", "Files", "Row", "generate", "true_pairs", "write_files"]
