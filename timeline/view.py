"""What the shared timeline shows: records as marks, filters, lanes, gaps and ages.

Pure functions over plain values, so the screens stay thin and every rule is tested
without a browser. No Dash here; figures are built in `timeline/figures.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

# The order reviewers expect the lanes in: the statutory agencies first, then health,
# then the rest; agencies not listed follow in alphabetical order.
AGENCY_ORDER = (
    "Children's Social Care",
    "Police",
    "Health Visiting",
    "School Nursing",
    "Midwifery",
    "GP",
    "Hospital",
    "Ambulance",
    "Mental Health",
    "Early Years",
    "School",
    "Housing",
    "Probation",
    "Early Help",
    "Youth Justice",
    "Voluntary Sector",
    "Domestic Abuse Service",
    "Substance Misuse Service",
)

# Agency colours. The first ten were chosen (by a search over sRGB, see
# tests/test_colours.py) so that each has at least 3:1 contrast against the white
# background (WCAG 1.4.11) and every pair stays apart (CAM02-UCS distance above 10)
# with normal vision and under simulated protanopia, deuteranopia and tritanopia. A
# review with more agencies reuses darker neutrals; the lanes are labelled anyway.
PALETTE = (
    "#0069B4",
    "#C30F4B",
    "#3C6900",
    "#2D96C3",
    "#C34BFF",
    "#690F87",
    "#96005A",
    "#0F00FF",
    "#5A9600",
    "#C34B87",
    "#1B1B1B",
    "#767676",
    "#8A6200",
    "#00795C",
)

KIND_LABELS = {
    "key_decision": "Key decision",
    "missed_opportunity": "Missed opportunity",
    "good_practice": "Good practice",
    "needs_escalation": "Needs escalation",
    "key_practice_episode": "Key practice episode",
    "discrepancy": "Discrepancy between agencies",
    "reflection": "Reflection",
    "comment": "Comment",
}
# A distinct marker shape per kind, so tags read without colour as well.
KIND_SYMBOLS = {
    "key_decision": "diamond",
    "missed_opportunity": "x",
    "good_practice": "star",
    "needs_escalation": "triangle-up",
    "key_practice_episode": "square",
    "discrepancy": "hourglass",
    "reflection": "circle-open",
    "comment": "cross",
}


@dataclass(frozen=True, slots=True)
class Mark:
    """One source record as the timeline draws it."""

    pk: int  # the record's database id
    event_id: int
    agency: str
    start: date
    end: date
    precision: str
    time: time | None
    text: str
    status: str  # imported | needs_review


@dataclass(frozen=True)
class Filters:
    agencies: frozenset[str] | None = None  # None: every agency
    start: date | None = None
    end: date | None = None
    text: str = ""
    kloe_ids: frozenset[int] = frozenset()  # events tagged against any of these
    kinds: frozenset[str] = frozenset()  # events with any of these annotation kinds
    merged_only: bool = False  # events recorded by two or more agencies
    needs_review: bool = False  # records with validation issues


@dataclass
class EventTags:
    """What the annotations say about one merged event (for filters and markers)."""

    kinds: set[str] = field(default_factory=set)
    kloe_ids: set[int] = field(default_factory=set)


def lane_order(agencies: Iterable[str]) -> list[str]:
    present = set(agencies)
    known = [a for a in AGENCY_ORDER if a in present]
    return known + sorted(present - set(known))


def agency_colours(agencies: Sequence[str]) -> dict[str, str]:
    """A stable colour per agency: the lane order decides, so colours never shuffle."""
    return {a: PALETTE[i % len(PALETTE)] for i, a in enumerate(agencies)}


def event_sizes(marks: Iterable[Mark]) -> dict[int, int]:
    """How many agencies recorded each merged event."""
    agencies: dict[int, set[str]] = {}
    for m in marks:
        agencies.setdefault(m.event_id, set()).add(m.agency)
    return {e: len(a) for e, a in agencies.items()}


def apply_filters(marks: Sequence[Mark], tags: dict[int, EventTags], f: Filters) -> list[Mark]:
    """The marks that pass every filter. An event-level filter (KLOE, kind, merged) keeps
    or drops all of an event's marks together, so an event never shows half its voices."""
    sizes = event_sizes(marks) if f.merged_only else {}
    needle = f.text.casefold().strip()
    if needle:
        hit_events = {m.event_id for m in marks if needle in m.text.casefold()}
    out = []
    for m in marks:
        if f.agencies is not None and m.agency not in f.agencies:
            continue
        if f.start and m.end < f.start or f.end and m.start > f.end:
            continue
        if needle and m.event_id not in hit_events:
            continue
        if f.merged_only and sizes.get(m.event_id, 1) < 2:
            continue
        if f.needs_review and m.status != "needs_review":
            continue
        if f.kloe_ids or f.kinds:
            t = tags.get(m.event_id)
            if t is None:
                continue
            if f.kloe_ids and not (t.kloe_ids & f.kloe_ids):
                continue
            if f.kinds and not (t.kinds & f.kinds):
                continue
        out.append(m)
    return out


def contact_gaps(marks: Iterable[Mark], min_days: int) -> list[tuple[date, date]]:
    """Periods longer than `min_days` in which no agency recorded anything. A partial
    date covers its whole interval, so "March 2021" closes a gap for all of March."""
    spans = sorted((m.start, m.end) for m in marks)
    gaps = []
    if not spans:
        return gaps
    covered_to = spans[0][1]
    for start, end in spans[1:]:
        if (start - covered_to).days > min_days:
            gaps.append((covered_to + timedelta(days=1), start - timedelta(days=1)))
        covered_to = max(covered_to, end)
    return gaps


def age_label(dob: date, day: date) -> str:
    """The child's age on `day` as reviewers say it: '3 weeks', '4 months', '2y 5m',
    or 'pre-birth'."""
    if day < dob:
        return "pre-birth"
    days = (day - dob).days
    if days < 7 * 8:
        return f"{days // 7} weeks"
    months = (day.year - dob.year) * 12 + day.month - dob.month - (day.day < dob.day)
    if months < 24:
        return f"{months} months"
    return f"{months // 12}y {months % 12}m"


def age_ticks(dob: date, start: date, end: date, max_ticks: int = 12) -> list[tuple[date, str]]:
    """Ticks for the age axis: birthdays, or month-birthdays when the view is short."""
    if end < dob:
        return [(start, "pre-birth")]
    span_months = (end.year - start.year) * 12 + end.month - start.month
    step = 12 if span_months > 36 else 6 if span_months > 12 else 1
    ticks = []
    months = 0
    while True:
        year, month = divmod(dob.month - 1 + months, 12)
        try:
            day = date(dob.year + year, month + 1, dob.day)
        except ValueError:  # born on the 29th-31st: use the month's last day
            day = (
                date(dob.year + year, month + 2, 1) - timedelta(days=1)
                if month < 11
                else date(dob.year + year, 12, 31)
            )
        if day > end:
            break
        if day >= start:
            ticks.append((day, "birth" if months == 0 else age_label(dob, day)))
        months += step
    if len(ticks) > max_ticks:
        ticks = ticks[:: -(-len(ticks) // max_ticks)]
    return ticks


def filters_from(
    agencies: Sequence[str] | None,
    start: str | None,
    end: str | None,
    text: str | None,
    kloe_ids: Sequence[int] | None,
    kinds: Sequence[str] | None,
    switches: Sequence[str] | None,
) -> Filters:
    """Filters from the screen's controls (ISO date strings, lists of choices)."""
    switches = set(switches or ())
    return Filters(
        agencies=frozenset(agencies) if agencies else None,
        start=date.fromisoformat(start[:10]) if start else None,
        end=date.fromisoformat(end[:10]) if end else None,
        text=(text or "").strip(),
        kloe_ids=frozenset(int(k) for k in kloe_ids or ()),
        kinds=frozenset(kinds or ()),
        merged_only="merged" in switches,
        needs_review="review" in switches,
    )


def grid_rows(marks: Sequence[Mark], lanes: Sequence[str]) -> list[dict]:
    """The integrated chronology as table rows: one per merged event, a column per agency
    with that agency's own wording, in date order."""
    by_event: dict[int, list[Mark]] = {}
    for m in marks:
        by_event.setdefault(m.event_id, []).append(m)
    rows = []
    for event_id, members in by_event.items():
        first = min(members, key=lambda m: (m.start, m.time or time.min))
        row: dict = {
            "event_id": event_id,
            "date": first.start.isoformat(),
            "shown_date": f"{first.start.day} {first.start:%b %Y}",
            "agencies": len({m.agency for m in members}),
        }
        for m in members:
            key = m.agency
            row[key] = f"{row[key]}\n{m.text}" if key in row else m.text
        rows.append(row)
    rows.sort(key=lambda r: (r["date"], r["event_id"]))
    return rows
