"""What happened to the family, and who wrote it down: real events, each with the rows
(recordings) that agencies hold about it. Wording is render.py's business."""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from .episodes_protection import ProtectionEpisodes
from .episodes_services import ServiceEpisodes
from .habits import AGENCIES, Habit
from .model import Event, Rec, _t, add_wd
from .people import Family

__all__ = ["Event", "Rec", "Story", "add_wd"]


class Story(ProtectionEpisodes, ServiceEpisodes):
    def __init__(
        self, rng: random.Random, fam: Family, period: tuple[date, date], habits: dict[str, Habit]
    ) -> None:
        self.rng = rng
        self.fam = fam
        self.period = period
        self.habits = habits  # present agencies only
        self.events: list[Event] = []
        self.recs: list[list[Rec]] = []
        self.days: list[date] = []  # episode start days, for clustering
        self.plans: list[tuple[date, date]] = []  # CP / CIN plan periods: one at a time

    def in_plan(self, day: date) -> bool:
        return any(a <= day <= b for a, b in self.plans)

    # ---- building blocks -------------------------------------------------------------
    def has(self, key: str) -> bool:
        return key in self.habits

    def inside(self, d: date) -> bool:
        return self.period[0] <= d <= self.period[1]

    def add(
        self,
        kind: str,
        day: date,
        tm: time | None,
        subjects,
        facts: dict,
        recs: list[Rec],
        meeting: int | None = None,
        trap_of: int | None = None,
    ) -> int | None:
        """Keep the rows of present agencies inside the period, apply each agency's habits
        (late write-up, month or week only, second rows, split entries) and add the event.
        None when nobody present recorded it."""
        rng = self.rng
        if not self.inside(day):
            return None
        kept: list[Rec] = []
        for r in recs:
            h = self.habits.get(r.agency)
            if h is None or not self.inside(r.day):
                continue
            if r.told == "P" and not r.follow and rng.random() < h.late_rate:
                later = r.day + timedelta(days=1)
                if self.inside(later):
                    r.day, r.tm = later, None  # written up the next day
            if h.time_in == "none":
                r.tm = None
            roll = rng.random()
            if roll < h.month_rate:
                first = r.day.replace(day=1)
                nxt = (first + timedelta(days=32)).replace(day=1)
                if first >= self.period[0] and nxt - timedelta(days=1) <= self.period[1]:
                    r.form, r.tm, r.approx = "month", None, rng.random() < 0.25
            elif roll < h.month_rate + h.week_rate:
                mon = r.day - timedelta(days=r.day.weekday())
                if mon >= self.period[0] and mon + timedelta(days=6) <= self.period[1]:
                    r.form, r.tm = "week", None
            kept.append(r)
            if r.form == "day" and rng.random() < h.split_rate:
                r.split = True
            if rng.random() < h.dup_rate:
                kids = [s for s in subjects if s in {c.first for c in self.fam.children}]
                how = rng.choices(["dup", "again", "child"], [3, 4, 3 if len(kids) > 1 else 0])[0]
                second = Rec(r.agency, "D", r.day, r.tm, r.follow, r.form, how, approx=r.approx)
                if how == "again" and rng.random() < 0.4 and r.form == "day":
                    nxt = add_wd(r.day, 1)
                    if self.inside(nxt):
                        second.day, second.tm = nxt, None
                if how == "child":
                    second.child = kids[1]
                kept.append(second)
        if not kept:
            return None
        eid = len(self.events)
        names = []
        for r in kept:
            if AGENCIES[r.agency] not in names:
                names.append(AGENCIES[r.agency])
        self.events.append(
            Event(eid, kind, day, tm, tuple(subjects), facts, tuple(names), meeting, trap_of)
        )
        self.recs.append(kept)
        return eid

    def kids(self, day: date) -> list[str]:
        return [c.first for c in self.fam.children_on(day)]

    def pick_child(self, day: date, pool=None) -> str | None:
        pool = pool if pool is not None else self.fam.children_on(day)
        return self.rng.choice(pool).first if pool else None

    # ---- the driver --------------------------------------------------------------------
    def run(self, n_events: int) -> None:
        rng = self.rng
        self.scheduled()
        start, end = self.period
        span = (end - start).days
        episodes = [
            (self.da, 14),
            (self.referral, 6),
            (self.sw_visit, 9),
            (self.hv, 8),
            (self.gp, 12),
            (self.ed, 4),
            (self.school, 12),
            (self.probation, 5),
            (self.housing, 4),
            (self.mh, 4),
            (self.das, 2),
            (self.ambulance, 1.5),
            (self.father_contact, 2),
            (self.prof_call, 5),
            (self.cp_chain, 1.0),
            (self.small_agency, 5),
            (self.move, 0.6),
        ]
        funcs = [f for f, _ in episodes]
        weights = [w for _, w in episodes]
        stalls = 0
        while len(self.events) < n_events and stalls < 2000:
            if self.days and rng.random() < 0.35:  # trouble comes in clusters
                day = rng.choice(self.days) + timedelta(days=rng.randint(-10, 14))
            else:
                day = start + timedelta(days=rng.randrange(span + 1))
            if not self.inside(day):
                continue
            before = len(self.events)
            rng.choices(funcs, weights)[0](day)
            if len(self.events) == before:
                stalls += 1  # nobody present could record it (or a weekend, August...)
            else:
                stalls = 0
                self.days.append(day)
        del self.events[n_events:]
        del self.recs[n_events:]

    # ---- scheduled contacts: births and the HV reviews ---------------------------------------
    def scheduled(self) -> None:
        rng = self.rng
        fam = self.fam
        for child in fam.children:
            dob = child.dob
            if self.inside(dob):
                booking = dob - timedelta(days=rng.randint(180, 215))
                self.add(
                    "mw_booking",
                    add_wd(booking, 0),
                    _t(rng, 9, 16),
                    (fam.mother.first,),
                    {},
                    [
                        Rec("MW", "P", add_wd(booking, 0), None),
                        Rec("GP", "N", add_wd(booking, rng.randint(3, 12))),
                    ],
                )
                for weeks in (16, 25, 28, 34, 36):
                    if rng.random() < 0.5:
                        d = add_wd(dob - timedelta(days=(40 - weeks) * 7 + rng.randint(-3, 3)), 0)
                        dna = rng.random() < 0.25
                        self.add(
                            "mw_antenatal",
                            d,
                            _t(rng, 9, 16),
                            (fam.mother.first,),
                            {"weeks": str(weeks), "dna": "1" if dna else ""},
                            [Rec("MW", "P", d)],
                        )
                tm = _t(rng, 0, 24)
                birth = self.add(
                    "birth",
                    dob,
                    tm,
                    (child.first, fam.mother.first),
                    {"weight": f"{rng.uniform(2.4, 4.1):.2f}"},
                    [
                        Rec("HOS", "P", dob, tm),
                        Rec("MW", "P", dob, tm),
                        Rec("HV", "N", dob + timedelta(days=rng.randint(2, 9))),
                        Rec("GP", "N", dob + timedelta(days=rng.randint(3, 20))),
                    ],
                )
                if rng.random() < 0.7:
                    d = dob + timedelta(days=rng.randint(1, 5))
                    self.add(
                        "mw_postnatal",
                        d,
                        _t(rng, 9, 16),
                        (child.first, fam.mother.first),
                        {},
                        [Rec("MW", "P", d)],
                    )
                if birth is not None and rng.random() < 0.3 and self.has("CSC"):
                    d = dob + timedelta(days=rng.randint(1, 3))
                    self.prof_call(d, "MW", "CSC")
            for kind, lo, hi in (
                ("hv_nbv", 10, 14),
                ("hv_68", 42, 56),
                ("hv_1yr", 358, 400),
                ("hv_2yr", 730, 820),
            ):
                d = add_wd(dob + timedelta(days=rng.randint(lo, hi)), 0)
                if not self.inside(d) or rng.random() < 0.1:
                    continue
                tm = _t(rng, 9, 16)
                wnb = kind != "hv_nbv" and rng.random() < 0.15
                facts = {"wnb": "1" if wnb else "", "epds": str(rng.randint(3, 16))}
                first = self.add(
                    kind, d, tm, (child.first, fam.mother.first), facts, [Rec("HV", "P", d, tm)]
                )
                if (
                    wnb and first is not None and rng.random() < 0.7
                ):  # rebooked, a look-alike days later
                    d2 = add_wd(d, rng.randint(3, 10))
                    self.add(
                        kind,
                        d2,
                        _t(rng, 9, 16),
                        (child.first, fam.mother.first),
                        {"wnb": "", "epds": facts["epds"]},
                        [Rec("HV", "P", d2)],
                        trap_of=first,
                    )

    # ---- episodes -----------------------------------------------------------------------
