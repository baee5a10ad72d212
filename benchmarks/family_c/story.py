"""Family C: the real events of one case, and which agencies recorded each one.

An event is one thing that happened on one day (a call-out, a visit, a conference, a
letter going out). Each recorder is (agency, role, lag in days): role "P" the agency's
own contact, "N" a notification or letter about it received later, "D" a second row the
same agency wrote about it (a duplicate). Follow-ups that are RELATED to a meeting but are
not the meeting (a report submitted before it, minutes received after it, an outcome letter)
are events of their own with `meeting` set to the meeting's event id.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from benchmarks.family_c.people import Family

CSC, POL, SCH, HV, GP, HOSP = (
    "Children's Social Care",
    "Police",
    "School",
    "Health Visiting",
    "GP",
    "Hospital",
)
PROB, HSG, DAS, MH, AMB, MW = (
    "Probation",
    "Housing",
    "Domestic Abuse Service",
    "Mental Health",
    "Ambulance",
    "Midwifery",
)
AGENCIES = (CSC, POL, SCH, HV, GP, HOSP, PROB, HSG, DAS, MH, AMB, MW)
MEETINGS = ("strategy", "icpc", "rcpc", "core_group", "cin_meeting", "marac")


@dataclass
class Event:
    eid: str
    kind: str
    day: date
    at: time | None
    subjects: list[str]  # person keys
    facts: dict[str, str]
    recorders: list[tuple[str, str, int]] = field(default_factory=list)
    meeting: str | None = None  # for a follow-up: the meeting's event id
    trap_of: str | None = None  # a look-alike of this other event (not the same event)


def working_days(day: date, n: int) -> date:
    """`n` working days after `day` (Saturday and Sunday skipped)."""
    d = day
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


class Story:
    """Builds events episode by episode until exactly `n_events` exist."""

    def __init__(self, rng: random.Random, fam: Family, agencies: list[str], lo: date, hi: date):
        self.rng, self.fam, self.agencies = rng, fam, agencies
        self.lo, self.hi = lo, hi  # event days lie in [lo, hi]
        self.events: list[Event] = []
        self.partner_on_probation = rng.random() < 0.6
        self._pending: list[Event] = []
        self._last: dict[str, Event] = {}
        self._serial = 0

    # -- helpers -----------------------------------------------------------------------
    def has(self, agency: str) -> bool:
        return agency in self.agencies

    def _new(self, kind: str, day: date, at: time | None, subjects: list[str], **facts) -> Event:
        self._serial += 1
        ev = Event(f"t{self._serial}", kind, day, at, subjects, facts)
        self._pending.append(ev)
        return ev

    def _rec(self, ev: Event, agency: str, role: str = "P", lag: int = 0, p: float = 1.0) -> bool:
        if agency in self.agencies and self.rng.random() < p:
            ev.recorders.append((agency, role, lag))
            return True
        return False

    def _time(self, lo: int = 8, hi: int = 18) -> time:
        return time(
            self.rng.randint(lo, hi - 1), self.rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50))
        )

    def _kids(self, day: date) -> list[str]:
        kids = [c.key for c in self.fam.children if c.dob <= day]
        return kids or [self.fam.children[-1].key]

    def _some_kids(self, day: date) -> list[str]:
        kids = self._kids(day)
        if len(kids) > 1 and self.rng.random() < 0.4:
            return [self.rng.choice(kids)]
        return kids

    def _school_kids(self, day: date) -> list[str]:
        return [c.key for c in self.fam.kids_at(day, 4.2, 16.5)]

    def _under5(self, day: date) -> list[str]:
        return [c.key for c in self.fam.kids_at(day, 0, 5)]

    def _notify(self, ev: Event, agency: str, p: float, lo: int, hi: int) -> None:
        lag = self.rng.randint(lo, hi)
        if agency in self.agencies and self.rng.random() < p:
            d = working_days(ev.day, lag) if lag else ev.day
            ev.recorders.append((agency, "N", (d - ev.day).days))

    # -- the driver --------------------------------------------------------------------
    def build(self, n_events: int, table) -> list[Event]:
        """Episodes from `table` ((episode, weight, agency) rows, the agency present) until
        exactly `n_events` events are kept: an event with no recorder present, or outside
        the story's days, is dropped, and so is a follow-up whose meeting was dropped."""
        rng = self.rng
        kinds = [(fn, w) for fn, w, agency in table if agency in self.agencies]
        fns = [fn for fn, _ in kinds]
        weights = [w for _, w in kinds]
        span = (self.hi - self.lo).days
        while len(self.events) < n_events:
            self._pending = []
            self._last = {}
            day = self.lo + timedelta(days=rng.randint(0, span))
            rng.choices(fns, weights)[0](self, day)
            final: dict[str, str] = {}
            for ev in self._pending:
                if len(self.events) >= n_events:
                    break
                if not ev.recorders or not self.lo <= ev.day <= self.hi:
                    continue
                if ev.meeting is not None:
                    if ev.meeting not in final:
                        continue
                    ev.meeting = final[ev.meeting]
                if ev.trap_of is not None:
                    ev.trap_of = final.get(ev.trap_of)
                final[ev.eid] = ev.eid = f"E{len(self.events):06d}"
                self.events.append(ev)
        return self.events
