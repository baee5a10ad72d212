"""Family E's case trajectory: which real events happened, and who wrote a row about each.

`plan` returns the events (ids 0..n-1, exactly n) and one `Draft` per row an agency
writes. Nothing here chooses words (phrases.py) or layouts (layouts.py).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from .kinds import AMB, CSC, HOS, KINDS, STRAND_KINDS, STRANDS


@dataclass(frozen=True)
class Event:
    id: int
    kind: str
    day: date
    time: time | None
    recorders: tuple[str, ...]  # canonical agency names, in the case's agency order
    meeting: int | None  # for a report or follow-up: the meeting event it relates to
    trap_of: int | None  # an earlier event this one looks like (a different event)
    subject: str = "child"  # child, sibling, mother, partner
    is_meeting: bool = False
    facts: dict = field(default_factory=dict, compare=False)


@dataclass
class Draft:
    """One row an agency writes about one event (before its words are chosen)."""

    event: int
    agency: str
    told: str  # "P" own contact, "N" notification / letter about it, "D" its second row
    role: str  # "P", "N", "R", "F", "M", "D"
    day: date  # the date the row carries
    time: time | None
    late: bool = False
    copy: bool = False  # an exact copy of the row before it (role "D")
    seq: int = 0  # order of writing, for a stable sort


# Rates, set once by judgement (see README): per row of an agency's own contact.
MONTH_ONLY = {"GP": 0.04, "Housing": 0.06, "Mental Health": 0.03, "Probation": 0.05}
MONTH_ONLY_OTHER = 0.01
LATE = 0.04
SPLIT = 0.04
COPY = 0.01
NOTE_WEIGHT = {CSC: 4, "School": 3, "GP": 3, "Police": 2, "Health Visiting": 2}
AGAIN = 0.15  # an ordinary contact repeated 1-14 days later (a look-alike)
CHAIN = 0.005  # per episode: strategy, s47, ICPC, core groups, RCPCs, step down


def _weekday(d: date, back: bool = False) -> date:
    """The working day on or after `d` (before it when `back`)."""
    while d.weekday() >= 5 or (d.month, d.day) in ((12, 25), (12, 26), (1, 1)):
        d += timedelta(days=-1 if back else 1)
    return d


class _Builder:
    def __init__(self, rng: random.Random, agencies: tuple[str, ...], start: date, end: date):
        self.rng = rng
        self.agencies = agencies
        self.present = set(agencies)
        self.start, self.end = start, end
        self.events: list[Event] = []
        self.drafts: list[Draft] = []
        self._stage: list[tuple[dict, list[Draft]]] = []

    # -- staging: an episode is built whole, then kept only if it fits ---------------------
    def stage(self, kind: str, day: date, **kw) -> int | None:
        """Stage one event; returns its future id, or None when no present agency records it."""
        rng = self.rng
        k = KINDS[kind]
        if k.weekday:
            day = _weekday(day, back=kind == "report")  # a report stays before its meeting
        at = kw.pop("at", None)
        if at is None and rng.random() < k.timed:
            at = time(
                rng.choice((8, 9, 9, 10, 11, 13, 14, 15, 16, 17, 19, 21, 23)),
                rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50)),
            )
        rows: list[tuple[str, str, str, int]] = kw.pop("rows", None) or []
        if not rows:
            for i, (agency, p) in enumerate(k.parts):
                if agency in self.present and (i == 0 or rng.random() < p):
                    rows.append((agency, "P", "P", 0))
            for agency, p, lo, hi in k.notes:
                if agency in self.present and rng.random() < p:
                    rows.append((agency, "N", "N", rng.randint(lo, hi)))
        seen: list[str] = []
        keep = []
        for agency, told, role, delay in rows:
            if agency in self.present and agency not in seen:
                seen.append(agency)
                keep.append((agency, told, role, delay))
        if not keep:
            return None
        if at is not None and k.name.endswith("_episode") and any(a[0] == AMB for a in keep):
            # the ambulance call comes first; the ED records the arrival, 35-95 minutes later
            arrival = datetime.combine(day, at) + timedelta(minutes=rng.randint(35, 95))
            arrival_time = arrival.time() if arrival.date() == day else None
        else:
            arrival_time = at
        eid = len(self.events) + len(self._stage)
        facts = kw.pop("facts", {})
        spec = dict(kind=kind, day=day, time=at, facts=facts, **kw)
        drafts = [
            self._draft(eid, k.name, a, t, r, day, arrival_time if a == HOS else at, d)
            for a, t, r, d in keep
        ]
        self._stage.append((spec, [d for ds in drafts for d in ds]))
        return eid

    def _draft(self, eid, kind, agency, told, role, day, at, delay) -> list[Draft]:
        rng = self.rng
        written = day + timedelta(days=delay)
        late = False
        if told == "P" and role == "P":
            if not KINDS[kind].meeting and rng.random() < MONTH_ONLY.get(agency, MONTH_ONLY_OTHER):
                role = "M"
            elif rng.random() < LATE:
                late = True
                written = day + timedelta(days=rng.randint(1, 3))
        shown = at if told == "P" and not late else None
        if told == "N" and rng.random() < 0.3:
            shown = time(rng.randint(8, 17), rng.choice((0, 12, 25, 33, 47)))
        out = [Draft(eid, agency, told, role, written, shown, late)]
        r = rng.random()
        if role != "M" and r < SPLIT:
            out.append(Draft(eid, agency, "D", "D", written, None))
        elif role != "M" and r < SPLIT + COPY:
            out.append(Draft(eid, agency, "D", "D", written, shown, late, copy=True))
        return out

    def commit(self, limit: int) -> None:
        """Keep the staged episode if it fits in `limit` more events, else drop it whole."""
        if len(self._stage) <= limit:
            for spec, drafts in self._stage:
                eid = len(self.events)
                recorders = tuple(a for a in self.agencies if any(d.agency == a for d in drafts))
                k = KINDS[spec["kind"]]
                self.events.append(
                    Event(
                        id=eid,
                        kind=spec["kind"],
                        day=spec["day"],
                        time=spec["time"],
                        recorders=recorders,
                        meeting=spec.get("meeting"),
                        trap_of=spec.get("trap_of"),
                        subject=spec.get("subject", k.subject),
                        is_meeting=k.meeting,
                        facts=spec["facts"],
                    )
                )
                for d in drafts:
                    d.seq = len(self.drafts)
                    self.drafts.append(d)
        self._stage = []

    def staged_facts(self, eid: int) -> dict:
        return self._stage[eid - len(self.events)][0]["facts"]

    def staged_agencies(self, eid: int) -> list[str]:
        return [d.agency for d in self._stage[eid - len(self.events)][1] if d.told == "P"]

    def day(self, lo: int = 0, hi: int = 12) -> date:
        span = (self.end - self.start).days - lo - hi
        return self.start + timedelta(days=lo + self.rng.randint(0, max(span, 1)))


def _meeting(b: _Builder, kind: str, day: date, facts_for) -> int | None:
    """A meeting with its reports before it and its follow-ups after it."""
    rng = b.rng
    mid = b.stage(kind, day, facts=facts_for(kind))
    if mid is None:
        return None
    attendees = b.staged_agencies(mid)
    mday = b._stage[-1][0]["day"]
    big = kind in ("icpc", "rcpc")
    for agency in attendees:  # reports written days before (role "R": see README)
        if agency != CSC and rng.random() < (0.45 if big else 0.2):
            rows = [(agency, "P", "R", 0)]
            if rng.random() < 0.2:
                rows.append((CSC, "N", "R", rng.randint(0, 2)))
            b.stage(
                "report",
                mday - timedelta(days=rng.randint(1, 7)),
                rows=rows,
                meeting=mid,
                facts=dict(meeting_kind=kind, meeting_day=mday),
            )
    if rng.random() < 0.6:
        rows = [(CSC, "P", "F", 0)] if CSC in attendees and rng.random() < 0.35 else []
        rows += [
            (a, "N", "F", rng.randint(0, 2)) for a in attendees if a != CSC and rng.random() < 0.35
        ]
        if rows:
            b.stage(
                "minutes",
                mday + timedelta(days=rng.randint(1, 7)),
                rows=rows,
                meeting=mid,
                facts=dict(meeting_kind=kind, meeting_day=mday),
                at=None,
            )
    if kind in ("icpc", "rcpc", "cin_meeting", "strategy") and rng.random() < 0.4:
        rows = [(CSC, "P", "F", 0)]
        rows += [(a, "N", "F", rng.randint(1, 3)) for a in ("GP", "School") if rng.random() < 0.4]
        b.stage(
            "outcome_letter",
            mday + timedelta(days=rng.randint(1, 5)),
            rows=rows,
            meeting=mid,
            facts=dict(meeting_kind=kind, meeting_day=mday),
        )
    others = [a for a in attendees if a != CSC]
    if others and rng.random() < 0.15:
        b.stage(
            "minutes_chased",
            mday + timedelta(days=rng.randint(8, 20)),
            rows=[(rng.choice(others), "P", "F", 0)],
            meeting=mid,
            facts=dict(meeting_kind=kind, meeting_day=mday),
        )
    return mid


def _cp_chain(b: _Builder, day: date, facts_for) -> None:
    rng = b.rng
    _meeting(b, "strategy", day, facts_for)
    b.stage("s47_visit", day + timedelta(days=rng.randint(0, 3)), facts=facts_for("s47_visit"))
    icpc = day + timedelta(days=rng.randint(12, 21))
    _meeting(b, "icpc", icpc, facts_for)
    d, review = (
        icpc + timedelta(days=rng.randint(7, 10)),
        icpc + timedelta(days=rng.randint(84, 95)),
    )
    reviews = rng.randint(1, 3)
    while reviews and d < b.end - timedelta(days=14):
        if d >= review:
            _meeting(b, "rcpc", review, facts_for)
            reviews -= 1
            d, review = review + timedelta(days=rng.randint(20, 30)), review + timedelta(days=182)
            continue
        _meeting(b, "core_group", d, facts_for)
        d += timedelta(days=rng.randint(28, 42))
    if d < b.end - timedelta(days=14):
        _meeting(b, "cin_meeting", d, facts_for)
        b.stage(
            "closure_letter",
            d + timedelta(days=rng.randint(40, 90)),
            facts=facts_for("closure_letter"),
        )


def plan(rng, n_events, agencies, start, end, facts_for, pair_for) -> tuple[list, list]:
    """Events and drafts for one case. `facts_for(kind)` gives an event's facts (words),
    `pair_for()` two present agencies for a call between professionals."""
    b = _Builder(rng, agencies, start, end)
    strands = rng.sample(STRANDS, rng.randint(2, 3))
    weights = (5, 3, 2)[: len(strands)]
    special = {
        "da": ("da_cluster", "marac"),
        "neglect": ("weekly", "attendance_meeting", "sib_gp"),
        "infant": ("injury",),
        "mh": ("overdose",),
        "exploit": ("missing_run", "exploitation_meeting", "intox"),
        "move": ("transfer_in",),
    }
    while len(b.events) < n_events:
        room = n_events - len(b.events)
        r = rng.random()
        strand = rng.choices(strands, weights)[0]
        day = b.day()
        if r < CHAIN:
            _cp_chain(b, day, facts_for)
        elif r < 0.09:
            _busy_day(b, day, strands, facts_for, pair_for)
        elif r < 0.15:
            a, c = pair_for()
            e = b.stage(
                "prof_call",
                day,
                rows=[(a, "P", "P", 0), (c, "P", "P", 0)],
                facts=facts_for("prof_call"),
            )
            if e is not None and rng.random() < 0.2:  # the same two, same day, another matter
                b.stage(
                    "prof_call",
                    b._stage[-1][0]["day"],
                    rows=[(a, "P", "P", 0), (c, "P", "P", 0)],
                    facts=facts_for("prof_call"),
                    trap_of=e,
                )
        elif r < 0.24:
            who = rng.choices(agencies, [NOTE_WEIGHT.get(a, 1) for a in agencies])[0]
            b.stage("note", day, rows=[(who, "P", "P", 0)], facts=facts_for("note"))
        elif r < 0.45:
            _special(b, rng.choice(special[strand]), day, facts_for)
        else:
            kinds, w = zip(*STRAND_KINDS[strand], strict=True)
            kind = rng.choices(kinds, w)[0]
            first = b.stage(kind, day, facts=facts_for(kind))
            if first is not None and rng.random() < AGAIN:  # the same again, days later
                b.stage(
                    kind,
                    day + timedelta(days=rng.randint(1, 14)),
                    facts=dict(b.staged_facts(first)),
                    trap_of=first,
                )

        b.commit(room)
    return b.events, b.drafts


def _busy_day(b: _Builder, day: date, strands, facts_for, pair_for) -> None:
    rng = b.rng
    for _ in range(rng.randint(3, 5)):
        kinds, w = zip(*STRAND_KINDS[rng.choice(strands)], strict=True)
        kind = rng.choices(kinds, w)[0]
        if not KINDS[kind].weekday or day.weekday() < 5:
            b.stage(kind, day, facts=facts_for(kind))
    a, c = pair_for()
    b.stage(
        "prof_call", day, rows=[(a, "P", "P", 0), (c, "P", "P", 0)], facts=facts_for("prof_call")
    )


def _special(b: _Builder, what: str, day: date, facts_for) -> None:
    rng = b.rng
    if what in ("marac", "attendance_meeting", "exploitation_meeting", "transfer_in"):
        _meeting(b, what, day, facts_for)
    elif what == "da_cluster":
        first = b.stage("da_incident", day, facts=facts_for("da_incident"))
        if first is not None and rng.random() < 0.5:
            again = dict(b.staged_facts(first))
            again.update(facts_for("da_incident", only=("what",)))
            b.stage(
                "da_incident", day + timedelta(days=rng.randint(2, 10)), facts=again, trap_of=first
            )
        if rng.random() < 0.5:
            b.stage(
                "idva_call", day + timedelta(days=rng.randint(1, 6)), facts=facts_for("idva_call")
            )
    elif what == "weekly":
        facts = facts_for("home_visit")
        first = b.stage("home_visit", day, facts=facts)
        prev = first
        for week in range(1, rng.randint(2, 4)):
            if prev is None:
                break
            prev = b.stage(
                "home_visit",
                day + timedelta(days=7 * week),
                facts=dict(facts, same=first),
                trap_of=prev,
            )
    elif what == "sib_gp":
        first = b.stage("gp_appt", day, facts=facts_for("gp_appt"))
        if first is not None:
            at = b._stage[-1][0]["time"]
            later = None if at is None else time(min(at.hour + 1, 23), at.minute)
            b.stage(
                "gp_appt",
                day,
                facts=facts_for("gp_appt"),
                subject="sibling",
                trap_of=first,
                at=later,
            )
    elif what == "injury":
        facts = facts_for("injury_episode")
        first = b.stage("injury_episode", day, facts=facts)
        if first is not None:
            b.stage("hospital_referral", day, facts=dict(facts), trap_of=first)
            if rng.random() < 0.5:
                _cp_chain(b, day + timedelta(days=rng.randint(0, 2)), facts_for)
            else:
                b.stage("cp_medical", day + timedelta(days=rng.randint(1, 3)), facts=dict(facts))
    elif what == "overdose":
        b.stage("overdose_episode", day, facts=facts_for("overdose_episode"))
        if rng.random() < 0.5:
            b.stage(
                "cmht_appt", day + timedelta(days=rng.randint(2, 9)), facts=facts_for("cmht_appt")
            )
    elif what == "intox":
        b.stage("intox_episode", day, facts=facts_for("intox_episode"))
    elif what == "missing_run":
        first = b.stage("missing", day, facts=facts_for("missing"))
        if first is not None:
            b.stage("rhi", day + timedelta(days=rng.randint(1, 4)), facts=facts_for("rhi"))
            if rng.random() < 0.4:
                again = dict(b.staged_facts(first))
                again.update(facts_for("missing", only=("found",)))
                b.stage(
                    "missing", day + timedelta(days=rng.randint(3, 9)), facts=again, trap_of=first
                )
