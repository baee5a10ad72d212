"""The plan of a case: its events, which agencies record each one, on which day, in how
many rows. Drawn before any word is chosen, so one seed gives the same plan in every
style (style effects can be read apart from case effects)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from .agencies import (
    AMB,
    CSC,
    DAS,
    EH,
    EY,
    GP,
    HOS,
    HOU,
    HV,
    LAYOUTS,
    MH,
    MW,
    POL,
    PRO,
    SCH,
    SMS,
    SN,
    VS,
    YJ,
)


@dataclass
class Event:
    id: str
    kind: str
    day: date
    time: time | None
    recorders: tuple[str, ...]
    meeting: str | None = None  # the meeting a report or follow-up relates to
    trap_of: str | None = None  # the earlier event this one looks like (never the same)
    subject: str = "child"  # child, sibling, mother, partner, father
    is_meeting: bool = False
    facts: dict = field(default_factory=dict)


@dataclass
class Slot:
    """One planned row of one agency's table."""

    agency: str
    event: str
    role: str  # actor, told, late, split, addendum, copy, report, summary
    day: date  # the date the row carries
    at: time | None  # the row's time, when it has one
    form: str  # day, month, approx, week, query, range
    span: int = 0  # days covered by a range
    part: int = 0  # 1 for the second row of a split / addendum / copy
    heard: date | None = None  # when a receiver that dates the row by the incident heard of it


# Kind: weight, lead agencies (one is chosen), other recorders (agency, p, lo, hi days later),
# hours when timed (None: no time), weekday only, meeting, look-alike rate, subjects.
@dataclass(frozen=True)
class Spec:
    w: float
    lead: tuple[str, ...]
    others: tuple[tuple[str, float, int, int], ...] = ()
    hours: tuple[int, int] | None = None
    weekday: bool = False
    meeting: bool = False
    look: float = 0.0
    subjects: tuple[str, ...] = ("child",)


SPECS: dict[str, Spec] = {
    "da_incident": Spec(
        6,
        (POL,),
        (
            (CSC, 0.85, 0, 3),
            (SCH, 0.55, 0, 1),
            (HV, 0.45, 1, 10),
            (GP, 0.3, 2, 14),
            (DAS, 0.5, 1, 7),
            (EY, 0.25, 0, 2),
            (PRO, 0.35, 1, 5),
            (HOU, 0.1, 2, 14),
            (MH, 0.1, 3, 14),
        ),
        (0, 23),
        look=0.25,
        subjects=("mother",),
    ),
    "referral": Spec(
        6,
        (SCH, HV, GP, EY, MH, HOU, VS, SN, MW, SMS, DAS, EH, YJ, PRO),
        ((CSC, 0.93, 0, 2),),
        (9, 16),
        weekday=True,
        look=0.08,
    ),
    "strategy": Spec(
        2.5,
        (CSC,),
        ((POL, 0.9, 0, 0), (HV, 0.4, 0, 0), (HOS, 0.3, 0, 0), (GP, 0.3, 0, 0), (SCH, 0.35, 0, 0)),
        (9, 16),
        weekday=True,
        meeting=True,
    ),
    "icpc": Spec(
        1.0,
        (CSC,),
        (
            (POL, 0.6, 0, 0),
            (SCH, 0.8, 0, 0),
            (GP, 0.35, 0, 0),
            (HV, 0.7, 0, 0),
            (MH, 0.3, 0, 0),
            (DAS, 0.3, 0, 0),
            (SMS, 0.3, 0, 0),
            (EY, 0.4, 0, 0),
            (PRO, 0.3, 0, 0),
            (SN, 0.3, 0, 0),
        ),
        (9, 15),
        weekday=True,
        meeting=True,
    ),
    "rcpc": Spec(
        1.2,
        (CSC,),
        (
            (POL, 0.3, 0, 0),
            (SCH, 0.8, 0, 0),
            (GP, 0.25, 0, 0),
            (HV, 0.6, 0, 0),
            (MH, 0.25, 0, 0),
            (DAS, 0.3, 0, 0),
            (SMS, 0.3, 0, 0),
            (EY, 0.4, 0, 0),
            (SN, 0.3, 0, 0),
        ),
        (9, 15),
        weekday=True,
        meeting=True,
    ),
    "core_group": Spec(
        2.5,
        (CSC,),
        ((SCH, 0.7, 0, 0), (HV, 0.55, 0, 0), (DAS, 0.2, 0, 0), (EY, 0.3, 0, 0), (SMS, 0.25, 0, 0)),
        (9, 16),
        weekday=True,
        meeting=True,
    ),
    "cin_meeting": Spec(
        1.5,
        (CSC,),
        ((SCH, 0.7, 0, 0), (HV, 0.4, 0, 0), (EH, 0.2, 0, 0), (MH, 0.15, 0, 0)),
        (9, 16),
        weekday=True,
        meeting=True,
    ),
    "taf_meeting": Spec(
        1.2,
        (EH, SCH),
        ((SCH, 0.7, 0, 0), (HV, 0.45, 0, 0), (EY, 0.3, 0, 0), (VS, 0.3, 0, 0)),
        (9, 15),
        weekday=True,
        meeting=True,
    ),
    "marac": Spec(
        0.5,
        (DAS, POL),
        ((POL, 0.9, 0, 0), (CSC, 0.8, 0, 0), (HV, 0.35, 0, 0), (GP, 0.3, 0, 0), (HOU, 0.3, 0, 0)),
        (9, 13),
        weekday=True,
        meeting=True,
        subjects=("mother",),
    ),
    "home_visit": Spec(
        7,
        (CSC,),
        ((POL, 0.05, 0, 0), (HV, 0.07, 0, 0)),
        (9, 18),
        look=0.15,
    ),
    "hv_contact": Spec(5, (HV,), (), (9, 16), weekday=True, look=0.08),
    "gp_appt": Spec(
        5, (GP,), (), (8, 18), weekday=True, look=0.12, subjects=("child", "mother", "sibling")
    ),
    "ed_attendance": Spec(
        2.5,
        (HOS,),
        (
            (AMB, 0.5, 0, 0),
            (GP, 0.75, 1, 7),
            (HV, 0.5, 2, 10),
            (SN, 0.2, 2, 10),
            (SCH, 0.15, 1, 3),
            (CSC, 0.25, 1, 5),
        ),
        (0, 23),
        look=0.2,
        subjects=("child", "child", "sibling"),
    ),
    "hospital_referral": Spec(0, (HOS,), ((CSC, 0.95, 0, 1),), (8, 22)),
    "school_concern": Spec(6, (SCH,), ((SN, 0.05, 0, 3),), (8, 16), weekday=True, look=0.3),
    "school_attendance": Spec(2, (SCH,), ((EH, 0.2, 0, 7), (CSC, 0.15, 1, 7)), weekday=True),
    "missing": Spec(
        1.5,
        (POL,),
        ((CSC, 0.8, 0, 2), (SCH, 0.3, 0, 3), (YJ, 0.3, 0, 5)),
        (15, 23),
        look=0.35,
        subjects=("child", "sibling"),
    ),
    "partner_arrest": Spec(
        1.2,
        (POL,),
        ((PRO, 0.6, 0, 5), (CSC, 0.4, 0, 4), (DAS, 0.2, 1, 6)),
        (0, 23),
        subjects=("partner", "father"),
    ),
    "probation_contact": Spec(
        2, (PRO,), (), (9, 17), weekday=True, look=0.1, subjects=("partner", "father")
    ),
    "mh_appt": Spec(
        2.5, (MH,), ((GP, 0.5, 5, 21),), (9, 17), weekday=True, subjects=("mother", "child")
    ),
    "midwife_contact": Spec(1.2, (MW,), ((GP, 0.1, 3, 14),), (9, 17), subjects=("mother",)),
    "birth": Spec(
        0.15,
        (MW, HOS),
        ((HOS, 0.7, 0, 0), (HV, 0.8, 1, 10), (GP, 0.6, 2, 14), (CSC, 0.3, 0, 3)),
        (0, 23),
        subjects=("mother",),
    ),
    "housing_contact": Spec(1.5, (HOU,), ((CSC, 0.25, 0, 7),), weekday=True, subjects=("mother",)),
    "sms_appt": Spec(
        2, (SMS,), (), (9, 17), weekday=True, look=0.12, subjects=("mother", "partner")
    ),
    "prof_call": Spec(5, (CSC, SCH, HV, GP, POL, HOS, EH, DAS, MH, PRO), (), (9, 17), weekday=True),
    "csc_internal": Spec(3, (CSC,), (), weekday=True),
    "das_contact": Spec(2, (DAS,), (), (9, 18), subjects=("mother",)),
    "ey_session": Spec(2, (EY,), (), (8, 17), weekday=True, look=0.15),
    "yj_contact": Spec(1.5, (YJ,), ((POL, 0.05, 0, 0),), (10, 18), subjects=("sibling",)),
    "vs_session": Spec(1.5, (VS,), (), (10, 18)),
    "sn_contact": Spec(1.5, (SN,), ((SCH, 0.2, 0, 2),), (9, 15), weekday=True),
    "eh_contact": Spec(2, (EH,), (), (9, 17), weekday=True),
    "period_summary": Spec(1.2, (HV, GP, SCH, EH, VS, SMS, PRO, DAS, EY, MH)),
    "report": Spec(0, (CSC,)),
    "minutes": Spec(0, (CSC,)),
    "outcome_letter": Spec(0, (CSC,)),
    "chaser": Spec(0, (CSC,)),
}

# What a meeting may lead to, and what a kind may lead to (story flow; every one a new event).
NEXT = {
    "da_incident": (("strategy", 0.15, 1, 3), ("home_visit", 0.3, 1, 5)),
    "referral": (("strategy", 0.15, 1, 4), ("home_visit", 0.35, 1, 6)),
    "strategy": (("icpc", 0.45, 10, 15), ("home_visit", 0.5, 0, 2)),
    "icpc": (("core_group", 0.8, 8, 14), ("rcpc", 0.7, 84, 95)),
    "rcpc": (("core_group", 0.6, 10, 30), ("rcpc", 0.3, 170, 185)),
    "cin_meeting": (("cin_meeting", 0.5, 40, 60),),
    "marac": (("das_contact", 0.5, 1, 4),),
}
CALLERS = {CSC, SCH, HV, GP, POL, HOS, EH, DAS, MH, PRO, HOU, SMS, EY, SN, MW, YJ, VS}
SATELLITE_KINDS = {"report", "minutes", "outcome_letter", "chaser"}
REPORTS = {"icpc": 0.5, "rcpc": 0.45, "cin_meeting": 0.2, "marac": 0.3, "taf_meeting": 0.15}


def _weekday(d: date) -> date:
    """The next working day (weekends and the fixed bank holidays skipped)."""
    while d.weekday() >= 5 or (d.month, d.day) in ((12, 25), (12, 26), (1, 1)):
        d += timedelta(days=1)
    return d


class Planner:
    def __init__(self, rng: random.Random, agencies: tuple[str, ...], start: date, end: date):
        self.rng, self.agencies, self.start, self.end = rng, agencies, start, end
        self.have = set(agencies)
        self.events: list[Event] = []
        self.clock = {a: rng.randint(-4, 4) for a in agencies}  # each agency's clock error
        self.kinds = [k for k, s in SPECS.items() if s.w and self.have & set(s.lead)]
        self.weights = [SPECS[k].w for k in self.kinds]
        self.span = (end - start).days

    def _new(self, kind: str, day: date, **kw) -> Event | None:
        spec = SPECS[kind]
        if spec.weekday:
            day = _weekday(day)
        if not (self.start <= day <= self.end):
            return None
        rng = self.rng
        leads = [a for a in spec.lead if a in self.have]
        if not leads:
            return None
        lead = kw.pop("lead", None) or rng.choice(leads)
        recorders = [lead]
        for a, p, _lo, _hi in spec.others:
            if a in self.have and a not in recorders and rng.random() < p:
                recorders.append(a)
        if kind == "prof_call":  # a call between two of the agencies that phone each other
            other = [a for a in self.agencies if a != lead and a in CALLERS] or [
                a for a in self.agencies if a != lead
            ]
            recorders.append(rng.choice(other))
        at = None
        if spec.hours and (spec.meeting or rng.random() < 0.75):
            lo, hi = spec.hours
            at = time(rng.randint(lo, hi), rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50, 55)))
        subject = kw.pop("subject", None) or rng.choice(spec.subjects)
        ev = Event(
            id="",
            kind=kind,
            day=day,
            time=at,
            recorders=tuple(recorders),
            subject=subject,
            is_meeting=spec.meeting,
            facts={"v": rng.randrange(10_000), "w": rng.randrange(10_000), "r": rng.random()},
            **kw,
        )
        self.events.append(ev)
        return ev

    def episode(self) -> None:
        rng = self.rng
        if self.events and rng.random() < 0.1:  # a busy day: another event on a day already used
            day = rng.choice(self.events).day
        else:
            day = self.start + timedelta(days=rng.randrange(self.span + 1))
        kind = rng.choices(self.kinds, self.weights)[0]
        self._grow(kind, day, depth=0)

    def _grow(self, kind: str, day: date, depth: int, cause: Event | None = None) -> None:
        rng = self.rng
        ev = self._new(kind, day)
        if ev is None:
            return
        if cause is not None:  # its rows may name what led to it (another event, another date)
            ev.facts["cause"] = (cause.kind, cause.day)
        if ev.is_meeting:
            self._meeting_satellites(ev)
        if kind == "ed_attendance" and HOS in self.have and rng.random() < 0.35:
            self._new("hospital_referral", ev.day, subject=ev.subject)
        spec = SPECS[kind]
        if spec.look and rng.random() < spec.look:
            twin = self._new(
                kind,
                ev.day + timedelta(days=rng.randint(1, 9)),
                trap_of=ev,
                lead=ev.recorders[0],
                subject=ev.subject,
            )
            if twin is not None and rng.random() < 0.6:
                twin.facts["v"] = ev.facts["v"]  # the same kind of thing again, in like words
        if depth < 3:
            for nxt, p, lo, hi in NEXT.get(kind, ()):
                if rng.random() < p:
                    day = ev.day + timedelta(days=rng.randint(lo, hi))
                    self._grow(nxt, day, depth + 1, cause=ev)

    def _meeting_satellites(self, ev: Event) -> None:
        rng = self.rng
        chair = ev.recorders[0]
        p = REPORTS.get(ev.kind, 0.0)
        for a in ev.recorders[1:] + ((GP,) if GP in self.have and GP not in ev.recorders else ()):
            if rng.random() < p:
                self._new("report", ev.day - timedelta(days=rng.randint(1, 6)), meeting=ev, lead=a)
        if (
            ev.kind
            in (
                "icpc",
                "rcpc",
                "cin_meeting",
                "core_group",
                "strategy",
                "marac",
                "taf_meeting",
            )
            and rng.random() < 0.45
        ):
            m = self._new("minutes", ev.day + timedelta(days=rng.randint(2, 20)), meeting=ev)
            if m is not None:
                got = [a for a in ev.recorders if a != chair and rng.random() < 0.35]
                m.recorders = (chair, *got)
        if ev.kind in ("icpc", "rcpc") and GP in self.have and rng.random() < 0.4:
            m = self._new("outcome_letter", ev.day + timedelta(days=rng.randint(2, 14)), meeting=ev)
            if m is not None:
                m.recorders = (GP,) if rng.random() < 0.7 else (GP, CSC)
        if rng.random() < 0.12 and len(ev.recorders) > 1:
            who = rng.choice(ev.recorders[1:])
            m = self._new("chaser", ev.day + timedelta(days=rng.randint(14, 35)), meeting=ev)
            if m is not None:
                m.recorders = (who,) if rng.random() < 0.6 else (who, chair)


def plan_events(
    rng: random.Random, agencies: tuple[str, ...], start: date, end: date, n: int
) -> tuple[list[Event], dict[str, int]]:
    p = Planner(rng, agencies, start, end)
    while len(p.events) < n:
        p.episode()
    # Satellites follow their meeting in creation order, so a cut keeps every meeting named.
    events = p.events[:n]
    kept = {id(e) for e in events}
    for e in events:
        if e.trap_of is not None and id(e.trap_of) not in kept:
            e.trap_of = None
    events.sort(key=lambda e: (e.day, e.time or time(0), e.kind))
    for i, e in enumerate(events, 1):
        e.id = f"F{i:05d}"
    for e in events:  # object references become ids
        if e.meeting is not None:
            e.meeting = e.meeting.id
        if e.trap_of is not None:
            e.trap_of = e.trap_of.id
    p.events = events
    return events, p.clock


def plan_slots(rng: random.Random, events: list[Event], clock: dict[str, int]) -> list[Slot]:
    slots: list[Slot] = []
    for ev in events:
        spec = SPECS[ev.kind]
        delays = {a: (lo, hi) for a, _p, lo, hi in spec.others}
        for k, a in enumerate(ev.recorders):
            lay = LAYOUTS[a]
            timed_col = bool({"time", "datetime"} & set(lay.columns))
            role, day = "actor", ev.day
            lo, hi = delays.get(a, (0, 0))
            if k > 0 and hi > 0 and ev.kind not in ("prof_call",):
                role, day = "told", ev.day + timedelta(days=rng.randint(lo, hi))
            if ev.kind in ("minutes", "outcome_letter") and k > 0:
                role, day = "told", ev.day + timedelta(days=rng.randint(0, 5))
            if ev.kind == "report":
                role = "report"
            heard = None
            if (
                role == "told"
                and day > ev.day
                and ev.kind not in SATELLITE_KINDS
                and (rng.random() < 0.3)
            ):  # the receiver filed it under the incident's date, and says when it heard
                heard, day = day, ev.day
                if ev.time is not None and ev.time.hour < 3 and rng.random() < 0.5:
                    day = ev.day - timedelta(days=1)  # a small-hours call filed as "last night"
            if (
                role == "actor"
                and rng.random() < 0.04
                and not ev.is_meeting
                and spec.w
                and (ev.kind != "period_summary")
            ):
                role, day = "late", ev.day + timedelta(days=rng.randint(1, 5))
            at = None
            if ev.time is not None and timed_col and role == "actor":
                at = _shift(ev.time, clock[a] + rng.randint(-2, 2))
                if a == HOS and ev.kind == "ed_attendance":
                    at = _shift(ev.time, rng.randint(25, 70))  # arrival after the 999 call
            elif timed_col and rng.random() < 0.5:
                at = time(rng.randint(8, 17), rng.randrange(60))
            form, span = "day", 0
            x = rng.random()
            if ev.kind == "period_summary":
                form, span = rng.choice((("range", rng.randint(27, 92)), ("month", 0)))
            elif not ev.is_meeting and role != "report":
                if x < 0.025:
                    form = "month"
                elif x < 0.035:
                    form = "approx"
                elif x < 0.045:
                    form = "week"
                elif x < 0.052:
                    form = "query"
            if form != "day":
                at = None
            slots.append(Slot(a, ev.id, role, day, at, form, span, heard=heard))
            y = rng.random()
            if form != "day" or ev.kind == "period_summary":
                continue
            if y < 0.025:
                slots.append(Slot(a, ev.id, "split", day, at, "day", part=1))
            elif y < 0.05:
                late = day + timedelta(days=rng.randint(0, 3))
                slots.append(Slot(a, ev.id, "addendum", late, None, "day", part=1))
            elif y < 0.062:
                slots.append(Slot(a, ev.id, "copy", day, at, "day", part=1))
    return slots


def _shift(t: time, minutes: int) -> time:
    m = max(0, min(24 * 60 - 1, t.hour * 60 + t.minute + minutes))
    return time(m // 60, m % 60)
