"""Family C: each agency's rows, in its own layout, built into records as ingest builds them.

A row's cells are the texts a file would hold (date written the agency's way, a time
column for some). The record id is `stable_record_id(agency, cells, occurrence)` over the
cells in column order, with the occurrence counting identical rows within the file; the
provenance names the file, its sheet ("" for CSV) and the row a user sees (header row 1).
"""

from __future__ import annotations

import hashlib
import random
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, time, timedelta

from benchmarks.family_c.people import Family
from benchmarks.family_c.phrases import describe
from benchmarks.family_c.story import (
    AMB,
    CSC,
    DAS,
    GP,
    HOSP,
    HSG,
    HV,
    MH,
    MW,
    POL,
    PROB,
    SCH,
    Event,
)
from ingest.records import DateInterval, Issue, Provenance, RecordIds, SourceRecord


@dataclass(frozen=True)
class Layout:
    file_name: str
    headers: tuple[str, ...]
    fields: tuple[str, ...]  # per column: date, time, datetime, desc, outcome, worker, ref, type
    date_style: str  # "slash", "dot", "long", "short_month"
    month_p: float  # share of rows dated by month only
    time_p: float  # share of rows with a time (when the layout has a time column)


LAYOUTS: dict[str, Layout] = {
    CSC: Layout(
        "CSC chronology.csv",
        ("Date", "Contact Type", "Case Note Summary", "Outcome", "Worker"),
        ("date", "type", "desc", "outcome", "worker"),
        "slash",
        0.02,
        0,
    ),
    POL: Layout(
        "Police chronology.csv",
        ("Date/Time", "Occurrence No.", "Incident Summary", "Officer"),
        ("datetime", "ref", "desc", "worker"),
        "slash",
        0.01,
        0.95,
    ),
    SCH: Layout(
        "School safeguarding log.csv",
        ("Date", "Time", "Event", "Action Taken", "Staff Member"),
        ("date", "time", "desc", "outcome", "worker"),
        "dot",
        0.02,
        0.5,
    ),
    HV: Layout(
        "Health Visiting chronology.csv",
        ("Date of Contact", "Type", "Entry", "Practitioner"),
        ("date", "type", "desc", "worker"),
        "long",
        0.02,
        0,
    ),
    GP: Layout(
        "GP chronology.csv",
        ("Date", "Consultation / Correspondence", "Clinician"),
        ("date", "desc", "worker"),
        "slash",
        0.04,
        0,
    ),
    HOSP: Layout(
        "Hospital ED chronology.csv",
        ("Attendance Date", "Arrival Time", "Details", "Outcome", "Clinician"),
        ("date", "time", "desc", "outcome", "worker"),
        "slash",
        0.01,
        0.9,
    ),
    PROB: Layout(
        "Probation chronology.csv",
        ("Date", "Contact", "Notes", "Officer"),
        ("date", "type", "desc", "worker"),
        "slash",
        0.08,
        0,
    ),
    HSG: Layout(
        "Housing chronology.csv",
        ("Date", "Details", "Officer"),
        ("date", "desc", "worker"),
        "short_month",
        0.12,
        0,
    ),
    DAS: Layout(
        "IDVA chronology.csv",
        ("Date", "Summary", "Outcome", "Worker"),
        ("date", "desc", "outcome", "worker"),
        "slash",
        0.05,
        0,
    ),
    MH: Layout(
        "Mental Health chronology.csv",
        ("Date", "Entry", "Clinician"),
        ("date", "desc", "worker"),
        "long",
        0.06,
        0,
    ),
    AMB: Layout(
        "Ambulance chronology.csv",
        ("Incident Date", "Call Time", "Details", "Clinician"),
        ("date", "time", "desc", "worker"),
        "slash",
        0.0,
        0.95,
    ),
    MW: Layout(
        "Midwifery chronology.csv",
        ("Date", "Contact Type", "Notes", "Practitioner"),
        ("date", "type", "desc", "worker"),
        "dot",
        0.03,
        0,
    ),
}

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _day_text(d: date, style: str, rng: random.Random) -> str:
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}"
    if style == "long":
        return f"{d.day} {_MONTHS[d.month - 1][:3]} {d.year}"
    if style == "short_month" and rng.random() < 0.5:
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


@dataclass
class Row:
    agency: str
    cells: tuple[str, ...]
    interval: DateInterval
    desc: str
    outcome: str
    worker: str
    ref: str
    etype: str
    eid: str
    meeting: str | None
    told: str  # P the agency's own contact, N a notification/letter about it, D a second row
    part: int  # 1 for the second row of a split entry
    sort: tuple
    # family B's codes, for breakdowns: P own contact, N notification, R report before a
    # conference, F other follow-up of a meeting, M month-only record, D a second row
    role: str = ""


def build_rows(
    events: list[Event], fam: Family, rng: random.Random, narrative: dict[str, bool]
) -> dict[str, list[Row]]:
    """Every agency's rows, in event order (sorted into date order by `to_records`)."""
    by_id = {e.eid: e for e in events}
    rows: dict[str, list[Row]] = {}
    seq = 0
    for ev in events:
        mday = by_id[ev.meeting].day if ev.meeting else None
        for agency, role, lag in ev.recorders:
            lay = LAYOUTS[agency]
            day = ev.day + timedelta(days=lag)
            if role == "P" and agency in (CSC, GP, PROB) and rng.random() < 0.06:
                day += timedelta(days=1)  # written up the next day, dated when written
            desc, outcome, etype = describe(ev, agency, role, fam, rng, narrative[agency], mday)
            at = _row_time(ev, agency, role, lay, rng)
            cells_date, cells_time, iv = _date_cells(day, at, lay, rng)
            worker = rng.choice(fam.workers[agency]) if rng.random() < 0.85 else ""
            ref = ev.facts.get("ref", "") if agency == POL else ""
            if agency == POL and not ref:
                ref = f"{rng.choice('KLMNPR')}{rng.randint(10000, 99999)}/{day.year % 100:02d}"
            parts = [(desc, outcome, role, 0)]
            if rng.random() < 0.012:  # the same entry written again by a colleague
                parts = [(desc, outcome, role, 0), (desc, outcome, "D", 0)]
            elif rng.random() < 0.03:  # one entry over two rows
                sentences = desc.split(". ")
                cut = max(1, len(sentences) // 2)
                first = ". ".join(sentences[:cut]).rstrip(".") + "."
                rest = ". ".join(sentences[cut:]) or f"Action: {outcome or 'none further'}."
                parts = [(first + " (cont.)", "", role, 0), ("Cont. - " + rest, outcome, role, 1)]
            for i, (text, out, row_role, part) in enumerate(parts):
                if i == 1 and part == 0:  # the colleague's copy: another name on it
                    worker = rng.choice([w for w in fam.workers[agency] if w != worker])
                values = {
                    "date": cells_date,
                    "datetime": cells_date,
                    "time": cells_time,
                    "desc": text,
                    "outcome": out,
                    "worker": worker,
                    "ref": ref,
                    "type": etype,
                }
                cells = tuple(values[f].strip() for f in lay.fields)
                seq += 1
                sort = (iv.start, iv.time or time(0), seq)
                rows.setdefault(agency, []).append(
                    Row(
                        agency,
                        cells,
                        iv,
                        text,
                        out if "outcome" in lay.fields else "",
                        worker,
                        ref,
                        etype if "type" in lay.fields else "",
                        ev.eid,
                        ev.meeting,
                        row_role,
                        part,
                        sort,
                        _role(ev, row_role, iv),
                    )
                )
    return rows


def _role(ev: Event, told: str, iv: DateInterval) -> str:
    if ev.meeting is not None:
        return "R" if ev.kind == "report_submitted" else "F"
    if iv.precision == "month":
        return "M"
    return told


def _row_time(ev: Event, agency: str, role: str, lay: Layout, rng: random.Random) -> time | None:
    if "time" not in lay.fields and "datetime" not in lay.fields:
        return None
    if rng.random() >= lay.time_p:
        return None
    if role == "P" and ev.at is not None:
        if agency == POL and rng.random() < 0.4:  # attendance time, not the call time
            minutes = ev.at.hour * 60 + ev.at.minute + rng.randint(10, 70)
            return time(min(23, minutes // 60), minutes % 60 if minutes < 24 * 60 else 59)
        return ev.at
    return time(rng.randint(8, 17), rng.choice((0, 12, 25, 33, 47)))


def _date_cells(
    day: date, at: time | None, lay: Layout, rng: random.Random
) -> tuple[str, str, DateInterval]:
    r = rng.random()
    if r < lay.month_p:
        last = monthrange(day.year, day.month)[1]
        approx = rng.random() < 0.25
        month = _MONTHS[day.month - 1]
        text = f"{month} {day.year}" if rng.random() < 0.7 else f"{month[:3]}-{day.year % 100:02d}"
        if approx:
            text = "approx. " + text
        iv = DateInterval(day.replace(day=1), day.replace(day=last), "month", approx)
        return text, "", iv
    if lay.fields[0] == "date" and r < lay.month_p + 0.015 and lay.date_style == "slash":
        monday = day - timedelta(days=day.weekday())
        iv = DateInterval(monday, monday + timedelta(days=6), "week")
        return f"w/c {monday:%d/%m/%Y}", "", iv
    text = _day_text(day, lay.date_style, rng)
    if at is None:
        return text, "", DateInterval(day, day, "day")
    iv = DateInterval(day, day, "exact", time=at)
    if "datetime" in lay.fields:
        return f"{text} {at:%H:%M}", "", iv
    return text, (f"{at:%H:%M}" if rng.random() < 0.6 else f"{at:%H%M}"), iv


def to_records(
    rows: dict[str, list[Row]], agencies: list[str]
) -> tuple[list[SourceRecord], dict[str, Row]]:
    """Records in agency order, each agency's rows in date order, with ingest's ids."""
    records: list[SourceRecord] = []
    by_id: dict[str, Row] = {}
    for agency in agencies:
        agency_rows = sorted(rows.get(agency, []), key=lambda r: r.sort)
        if not agency_rows:
            continue
        lay = LAYOUTS[agency]
        digest = hashlib.sha256()
        for r in agency_rows:
            digest.update("\x1f".join(r.cells).encode("utf-8") + b"\n")
        sha = digest.hexdigest()
        ids = RecordIds(agency)
        seen: dict[tuple[str, ...], int] = {}
        first_row: dict[tuple[str, ...], int] = {}
        for i, r in enumerate(agency_rows):
            occ = seen.get(r.cells, 0)
            seen[r.cells] = occ + 1
            first_row.setdefault(r.cells, i + 2)
            rid = ids(r.cells, occ)
            prov = Provenance.of_row(lay.file_name, sha, "", i + 2, lay.headers, r.cells)
            # as ingest flags it: a row the same as an earlier one (here, always another
            # event or a colleague's copy told the same way)
            issues = []
            if occ:
                where = f"the same as row {first_row[r.cells]} of this file"
                issues.append(Issue("duplicate_row", where))
            records.append(
                SourceRecord(
                    record_id=rid,
                    agency=agency,
                    date=r.interval,
                    description=r.desc,
                    provenance=prov,
                    outcome=r.outcome,
                    practitioner=r.worker,
                    reference=r.ref,
                    event_type=r.etype,
                    issues=issues,
                )
            )
            by_id[rid] = r
    return records, by_id
