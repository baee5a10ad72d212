"""Child protection and the family's crises: DA call-outs, referrals and MASH decisions,
strategy discussions, conferences and their paperwork, core groups, CIN, SW visits,
MARAC, contact with the father, calls between professionals."""

from __future__ import annotations

from datetime import date, time, timedelta

from .model import OFFICE, Rec, _t, add_wd


class ProtectionEpisodes:
    """Episode methods of Story (story.py holds the state and `add`)."""

    def da(self, day: date, trap_of: int | None = None, tm: time | None = None) -> int | None:
        rng, fam = self.rng, self.fam
        if not self.has("POL"):
            return None
        r = rng.random()
        tm = tm or (_t(rng, 18, 24) if r < 0.6 else _t(rng, 0, 4) if r < 0.85 else _t(rng, 8, 18))
        perp = fam.partner if rng.random() < 0.7 else fam.father
        dash = rng.choices(["standard", "medium", "high"], [4, 4, 2])[0]
        facts = {
            "perp": perp.first,
            "perp_full": perp.full,
            "dash": dash,
            "caller": rng.choice(
                [
                    "mother",
                    "a neighbour",
                    "the eldest child",
                    "an anonymous caller",
                    "the mother's friend",
                ]
            ),
            "arrest": "1" if rng.random() < (0.7 if dash == "high" else 0.3) else "",
            "injury": "1" if rng.random() < 0.3 else "",
            "present": "1" if rng.random() < 0.6 else "",
            "ref": f"{rng.randint(100, 999)}-{day:%d%m%y}",
        }
        recs = [Rec("POL", "P", day, tm)]
        kids = self.kids(day)
        if rng.random() < 0.9:
            recs.append(Rec("CSC", "N", add_wd(day, rng.randint(1, 4)), _t(rng, *OFFICE)))
        if fam.school_age(day) and rng.random() < 0.85:
            recs.append(Rec("SCH", "N", add_wd(day + timedelta(days=1), 0), _t(rng, 8, 10)))
        if fam.under5(day) and rng.random() < 0.7:
            recs.append(Rec("HV", "N", add_wd(day, rng.randint(2, 8)), _t(rng, *OFFICE)))
        if perp is fam.partner and fam.partner_on_probation and rng.random() < 0.7:
            recs.append(Rec("PRO", "N", add_wd(day, rng.randint(1, 5))))
        if rng.random() < {"high": 0.8, "medium": 0.35, "standard": 0.05}[dash]:
            recs.append(Rec("DAS", "N", add_wd(day, rng.randint(1, 6))))
        if rng.random() < 0.25:
            recs.append(Rec("GP", "N", add_wd(day, rng.randint(7, 30)), _t(rng, *OFFICE)))
        if fam.mother_mental_health and rng.random() < 0.2:
            recs.append(Rec("MH", "N", add_wd(day, rng.randint(3, 12))))
        if fam.under5(day) and rng.random() < 0.3:
            recs.append(Rec("EY", "N", add_wd(day + timedelta(days=1), rng.randint(0, 2))))
        if facts["injury"] and rng.random() < 0.4:
            recs.append(
                Rec("AMB", "P", day, time(tm.hour, min(59, tm.minute + rng.randint(4, 25))))
            )
        eid = self.add(
            "da", day, tm, (fam.mother.first, perp.first, *kids), facts, recs, trap_of=trap_of
        )
        if eid is None or trap_of is not None:
            return eid
        roll = rng.random()
        if roll < 0.05 and tm.hour < 22 and tm.hour >= 17:  # called back the same night
            self.da(day, trap_of=eid, tm=time(tm.hour + rng.randint(1, 2), rng.randrange(0, 60, 5)))
        elif roll < 0.23:  # another incident days later: a different event
            self.da(day + timedelta(days=rng.randint(1, 9)), trap_of=eid)
        told = [r.day for r in self.recs[eid] if r.agency == "CSC" and r.told == "N"]
        if told and rng.random() < 0.5:  # screened after the notification arrived
            self.mash_decision(add_wd(told[0], rng.randint(0, 2)), None)
        if dash == "high" and rng.random() < 0.3:
            self.cp_chain(add_wd(day, rng.randint(1, 3)))
        elif rng.random() < 0.12:
            self.sw_visit(add_wd(day, rng.randint(0, 2)))
        if dash == "high" and rng.random() < 0.5:
            self.marac(add_wd(day + timedelta(days=rng.randint(14, 30)), 0))
        return eid

    def referral(
        self, day: date, sender: str | None = None, concern: str | None = None
    ) -> int | None:
        rng, fam = self.rng, self.fam
        if not self.has("CSC"):
            return None
        day = add_wd(day, 0)
        if sender is None:
            options = [
                k
                for k in (
                    "SCH",
                    "HV",
                    "GP",
                    "HOS",
                    "HOU",
                    "MH",
                    "EH",
                    "DAS",
                    "POL",
                    "SN",
                    "EY",
                    "VS",
                    "SMS",
                )
                if self.has(k)
            ]
            if not fam.school_age(day):
                options = [k for k in options if k not in ("SCH", "SN")]
            if not fam.under5(day):
                options = [k for k in options if k not in ("HV", "EY")]
            if not options:
                return None
            sender = rng.choice(options)
        child = self.pick_child(day)
        if child is None:
            return None
        concern = concern or rng.choice(
            [
                "neglect",
                "home conditions",
                "DA",
                "mother's mental health",
                "injury",
                "presentation",
                "substance use",
                "behaviour",
            ]
        )
        facts = {
            "sender": sender,
            "concern": concern,
            "how": rng.choice(["phone", "MARF", "email", "online referral"]),
            "child": child,
        }
        tm = _t(rng, *OFFICE)
        recs = [
            Rec(sender, "P", day, tm),
            Rec("CSC", "P", day if rng.random() < 0.7 else add_wd(day, 1), tm),
        ]
        eid = self.add("referral", day, tm, (child,), facts, recs)
        if eid is not None:
            self.mash_decision(add_wd(day, rng.randint(1, 3)), sender)
        return eid

    def mash_decision(self, day: date, referrer: str | None) -> int | None:
        rng = self.rng
        outcome = rng.choices(["NFA", "early help", "assessment", "strategy"], [3, 2.5, 3, 1.5])[0]
        recs = [Rec("CSC", "P", day, _t(rng, *OFFICE))]
        if referrer and rng.random() < 0.5:
            recs.append(Rec(referrer, "N", add_wd(day, rng.randint(1, 7))))
        eid = self.add(
            "mash",
            day,
            None,
            tuple(self.kids(day)),
            {"outcome": outcome, "referrer": referrer or ""},
            recs,
        )
        if eid is None:
            return None
        if outcome == "strategy":
            self.cp_chain(add_wd(day, rng.randint(0, 1)))
        elif outcome == "assessment":
            self.sw_visit(add_wd(day, rng.randint(1, 6)), purpose="assessment")
        elif outcome == "early help" and self.has("EH"):
            self.small_agency(add_wd(day, rng.randint(5, 15)), key="EH")
        return eid

    def cp_chain(self, day: date) -> int | None:
        rng, fam = self.rng, self.fam
        if not self.has("CSC"):
            return None
        day = add_wd(day, 0)
        tm = _t(rng, 9, 16)
        kids = tuple(self.kids(day))
        if not kids:
            return None
        recs = [Rec("CSC", "P", day, tm)]
        if rng.random() < 0.85:
            recs.append(Rec("POL", "P", day, tm))
        health = [k for k in ("HV", "GP", "HOS", "SN") if self.has(k)]
        if health and rng.random() < 0.5:
            recs.append(Rec(rng.choice(health), "P", day, tm))
        if fam.school_age(day) and rng.random() < 0.35:
            recs.append(Rec("SCH", "P", day, tm))
        strat = self.add("strategy", day, tm, kids, {}, recs)
        if strat is None:
            return None
        for r in list(self.recs[strat]):
            if (
                r.agency != "CSC" and r.told == "P" and rng.random() < 0.15
            ):  # the written record arrives later
                d2 = add_wd(day, rng.randint(2, 8))
                self.add(
                    "minutes",
                    d2,
                    None,
                    (),
                    {"for": "strategy"},
                    [Rec(r.agency, "N", d2, follow="F")],
                    meeting=strat,
                )
        d = add_wd(day, rng.randint(0, 2))
        tm2 = _t(rng, 10, 18)
        joint = rng.random() < 0.35
        self.add(
            "s47_visit",
            d,
            tm2,
            kids,
            {"joint": "1" if joint else ""},
            [Rec("CSC", "P", d, tm2)] + ([Rec("POL", "P", d, tm2)] if joint else []),
        )
        if self.in_plan(day):  # already on a plan: the enquiry feeds the next review
            return strat
        if rng.random() > 0.75:
            self.cin_series(add_wd(d, rng.randint(10, 20)))
            return strat
        plan = [day, day]
        self.plans.append((day, add_wd(day, 15)))
        conf = self.conference("icpc", add_wd(day, rng.randint(10, 15)))
        while conf is not None:
            cday = self.events[conf].day
            plan[1] = max(plan[1], cday)
            self.plans[-1] = (plan[0], add_wd(cday, 20))
            weekly = rng.random() < 0.15
            d = add_wd(cday, rng.randint(5, 10))
            prev = None
            review = add_wd(
                cday,
                rng.randint(60, 68) if self.events[conf].kind == "icpc" else rng.randint(120, 135),
            )
            while d < review:
                prev = self.core_group(d, trap_of=prev if weekly else None)
                if rng.random() < 0.5:
                    self.sw_visit(add_wd(d, rng.randint(1, 8)))
                d = add_wd(d, rng.randint(4, 6) if weekly else rng.randint(18, 28))
            if not self.inside(review):
                break
            self.plans[-1] = (plan[0], review)
            conf = self.conference("rcpc", review)
            if conf is not None and self.events[conf].facts["decision"] == "step down":
                self.cin_series(add_wd(review, rng.randint(10, 20)))
                break
        return strat

    def conference(self, kind: str, day: date) -> int | None:
        rng, fam = self.rng, self.fam
        tm = _t(rng, 9, 15)
        chances = {
            "CSC": 1.0,
            "POL": 0.55,
            "SCH": 0.8 if fam.school_age(day) else 0.0,
            "HV": 0.8 if fam.under5(day) else 0.0,
            "GP": 0.25,
            "PRO": 0.5 if fam.partner_on_probation else 0.0,
            "MH": 0.4 if fam.mother_mental_health else 0.0,
            "HOU": 0.2,
            "DAS": 0.35,
            "SMS": 0.4 if fam.substance_use else 0.0,
            "EY": 0.5 if fam.under5(day) else 0.0,
            "SN": 0.3,
        }
        attend = [k for k, p in chances.items() if self.has(k) and rng.random() < p]
        decision = (
            ("plan" if rng.random() < 0.85 else "no plan")
            if kind == "icpc"
            else ("continue" if rng.random() < 0.4 else "step down")
        )
        facts = {
            "decision": decision,
            "category": rng.choice(["neglect", "emotional abuse", "physical abuse", "neglect"]),
        }
        conf = self.add(
            kind, day, tm, tuple(self.kids(day)), facts, [Rec(k, "P", day, tm) for k in attend]
        )
        if conf is None:
            return None
        for k in attend[1:]:
            if rng.random() < 0.5:  # reports written before the conference
                d = add_wd(day - timedelta(days=rng.randint(4, 9)), 0)
                self.add(
                    "report", d, None, (), {"for": kind}, [Rec(k, "P", d, follow="R")], meeting=conf
                )
        if self.has("GP") and "GP" not in attend and rng.random() < 0.3:
            d = add_wd(day - timedelta(days=rng.randint(4, 9)), 0)
            self.add(
                "report", d, None, (), {"for": kind}, [Rec("GP", "P", d, follow="R")], meeting=conf
            )
        if rng.random() < 0.75:  # minutes circulated, received by some
            d = add_wd(day, rng.randint(5, 20))
            recs = ([Rec("CSC", "P", d, follow="F")] if rng.random() < 0.4 else []) + [
                Rec(k, "N", add_wd(d, rng.randint(0, 4)), follow="F")
                for k in attend[1:]
                if rng.random() < 0.5
            ]
            if recs:
                self.add("minutes", d, None, (), {"for": kind}, recs, meeting=conf)
        if self.has("GP") and "GP" not in attend and rng.random() < 0.35:
            d = add_wd(day, rng.randint(3, 15))
            self.add(
                "outcome_letter",
                d,
                None,
                (),
                {"for": kind, "decision": decision},
                [Rec("GP", "N", d, follow="F")],
                meeting=conf,
            )
        if len(attend) > 1 and rng.random() < 0.12:
            k = rng.choice(attend[1:])
            d = add_wd(day, rng.randint(15, 30))
            self.add(
                "chase", d, None, (), {"for": kind}, [Rec(k, "P", d, follow="F")], meeting=conf
            )
        return conf

    def core_group(self, day: date, trap_of: int | None) -> int | None:
        rng, fam = self.rng, self.fam
        tm = _t(rng, 9, 16)
        recs = [Rec("CSC", "P", day, tm)]
        for k, p in (
            ("SCH", 0.5 if fam.school_age(day) else 0),
            ("HV", 0.5 if fam.under5(day) else 0),
            ("EY", 0.3),
            ("PRO", 0.15),
            ("MH", 0.15),
            ("SMS", 0.15),
        ):
            if rng.random() < p:
                recs.append(Rec(k, "P", day, tm))
        eid = self.add("core_group", day, tm, tuple(self.kids(day)), {}, recs, trap_of=trap_of)
        if eid is not None and len(recs) > 1 and rng.random() < 0.2:
            d = add_wd(day, rng.randint(5, 15))
            self.add(
                "minutes",
                d,
                None,
                (),
                {"for": "core_group"},
                [Rec(recs[1].agency, "N", d, follow="F")],
                meeting=eid,
            )
        return eid

    def cin_series(self, day: date) -> None:
        rng, fam = self.rng, self.fam
        if self.in_plan(day):
            return
        d = day
        n = rng.randint(2, 6)
        self.plans.append((day, add_wd(day, 30 * n)))
        for _ in range(n):
            if not self.inside(d):
                return
            tm = _t(rng, 9, 16)
            recs = [Rec("CSC", "P", d, tm)]
            if fam.school_age(d) and rng.random() < 0.5:
                recs.append(Rec("SCH", "P", d, tm))
            if fam.under5(d) and rng.random() < 0.4:
                recs.append(Rec("HV", "P", d, tm))
            if rng.random() < 0.2:
                recs.append(Rec(rng.choice(["EH", "HOU", "MH", "PRO", "EY"]), "P", d, tm))
            eid = self.add("cin", d, tm, tuple(self.kids(d)), {}, recs)
            if eid is not None and rng.random() < 0.2 and len(recs) > 1:
                d2 = add_wd(d, rng.randint(5, 15))
                self.add(
                    "minutes",
                    d2,
                    None,
                    (),
                    {"for": "cin"},
                    [Rec(recs[1].agency, "N", d2, follow="F")],
                    meeting=eid,
                )
            if rng.random() < 0.6:
                self.sw_visit(add_wd(d, rng.randint(3, 12)))
            d = add_wd(d, rng.randint(20, 40))

    def sw_visit(self, day: date, purpose: str = "", trap_of: int | None = None) -> int | None:
        rng, fam = self.rng, self.fam
        if not self.has("CSC"):
            return None
        day = add_wd(day, 0) if rng.random() < 0.9 else day
        tm = _t(rng, 9, 19)
        seen = rng.choices(["seen", "seen alone", "not seen", "no access"], [4, 3, 1, 1.5])[0]
        facts = {"seen": seen, "announced": "" if rng.random() < 0.4 else "1", "purpose": purpose}
        recs = [Rec("CSC", "P", day, tm)]
        if rng.random() < 0.08 and fam.under5(day):
            recs.append(Rec("HV", "P", day, tm))
            facts["joint"] = "HV"
        elif rng.random() < 0.04:
            recs.append(Rec("POL", "P", day, tm))
            facts["joint"] = "POL"
        eid = self.add("sw_visit", day, tm, tuple(self.kids(day)), facts, recs, trap_of=trap_of)
        if eid is None or trap_of is not None:
            return eid
        roll = rng.random()
        if seen == "no access" and roll < 0.3 and tm.hour < 15:  # tried again that afternoon
            self.sw_visit_same_day(day, eid)
        elif roll < 0.2:
            self.sw_visit(day + timedelta(days=rng.randint(1, 4)), purpose, trap_of=eid)
        return eid

    def sw_visit_same_day(self, day: date, first: int) -> None:
        tm = _t(self.rng, 15, 19)
        self.add(
            "sw_visit",
            day,
            tm,
            tuple(self.kids(day)),
            {"seen": "seen", "announced": "", "purpose": "revisit"},
            [Rec("CSC", "P", day, tm)],
            trap_of=first,
        )

    def marac(self, day: date) -> int | None:
        rng, fam = self.rng, self.fam
        tm = _t(rng, 9, 15)
        recs = [Rec(k, "P", day, tm) for k in ("DAS", "POL", "CSC")]
        for k, p in (
            ("HV", 0.5 if fam.under5(day) else 0),
            ("SCH", 0.4 if fam.school_age(day) else 0),
            ("PRO", 0.4),
            ("HOU", 0.3),
            ("GP", 0.2),
            ("MH", 0.3),
        ):
            if rng.random() < p:
                recs.append(Rec(k, "P", day, tm))
        eid = self.add("marac", day, tm, (fam.mother.first,), {}, recs)
        if eid is not None:
            for r in self.recs[eid]:
                if r.agency not in ("DAS", "POL", "CSC") and r.told == "P" and rng.random() < 0.3:
                    d = add_wd(day, rng.randint(2, 10))
                    self.add(
                        "minutes",
                        d,
                        None,
                        (),
                        {"for": "marac"},
                        [Rec(r.agency, "N", d, follow="F")],
                        meeting=eid,
                    )
        return eid

    def father_contact(self, day: date) -> int | None:
        rng, fam = self.rng, self.fam
        kids = self.kids(day)
        if not self.has("CSC") or not kids:
            return None
        d, prev = add_wd(day, 0), None
        for _ in range(rng.randint(1, 4)):  # weekly sessions: look-alikes
            prev = (
                self.add(
                    "contact",
                    d,
                    _t(rng, 10, 16),
                    (fam.father.first, *kids),
                    {"went": rng.choice(["well", "poorly", "father late", "cancelled"])},
                    [Rec("CSC", "P", d)],
                    trap_of=prev,
                )
                or prev
            )
            d = d + timedelta(days=7)
        return prev

    def prof_call(self, day: date, a: str | None = None, b: str | None = None) -> int | None:
        rng = self.rng
        if a is None:
            pairs = [
                (x, y)
                for x, y in (
                    ("SCH", "CSC"),
                    ("HV", "CSC"),
                    ("GP", "CSC"),
                    ("HV", "GP"),
                    ("POL", "CSC"),
                    ("PRO", "CSC"),
                    ("DAS", "CSC"),
                    ("MH", "CSC"),
                    ("HOU", "CSC"),
                    ("SN", "SCH"),
                    ("EY", "HV"),
                    ("EH", "SCH"),
                )
                if self.has(x) and self.has(y)
            ]
            if not pairs:
                return None
            a, b = rng.choice(pairs)
        if not (self.has(a) and self.has(b)):
            return None
        day = add_wd(day, 0)
        tm = _t(rng, 9, 17)
        topic = rng.choice(
            [
                "attendance",
                "home conditions",
                "mother's presentation",
                "the partner",
                "weight loss",
                "an injury",
                "the plan",
                "contact arrangements",
            ]
        )
        recs = [Rec(a, "P", day, tm), Rec(b, "P", day, tm)]
        return self.add(
            "call", day, tm, tuple(self.kids(day)), {"from": a, "to": b, "topic": topic}, recs
        )
