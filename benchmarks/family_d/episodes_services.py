"""Universal and adult services' own contacts: health visiting, GP, ambulance and ED,
school, probation, housing, mental health, the DA service and the smaller agencies."""

from __future__ import annotations

from datetime import date, time, timedelta

from .model import OFFICE, Rec, _t, add_wd


class ServiceEpisodes:
    """Episode methods of Story (story.py holds the state and `add`)."""

    def hv(self, day: date, trap_of: int | None = None) -> int | None:
        rng, fam = self.rng, self.fam
        kids = fam.under5(day)
        if not self.has("HV") or not kids:
            return None
        day = add_wd(day, 0)
        child = rng.choice(kids).first
        kind = rng.choices(["hv_visit", "hv_clinic", "hv_phone", "hv_wnb"], [5, 2, 2, 1.5])[0]
        tm = _t(rng, 9, 16)
        recs = [Rec("HV", "P", day, tm)]
        if kind == "hv_wnb" and rng.random() < 0.3:
            recs.append(Rec("GP", "N", add_wd(day, rng.randint(2, 7))))
        eid = self.add(
            kind,
            day,
            tm,
            (child, fam.mother.first),
            {"weight_centile": rng.choice(["2nd", "9th", "25th", "50th", "75th"])},
            recs,
            trap_of=trap_of,
        )
        if eid is not None and trap_of is None and rng.random() < 0.2:
            self.hv(day + timedelta(days=rng.randint(2, 6)), trap_of=eid)
        elif eid is not None and rng.random() < 0.1 and self.has("GP"):
            self.prof_call(day, "HV", "GP")
        return eid

    def gp(self, day: date, who: str | None = None, trap_of: int | None = None) -> int | None:
        rng, fam = self.rng, self.fam
        if not self.has("GP"):
            return None
        if day.weekday() >= 5:
            return None
        kids = self.kids(day)
        if who is None:
            r = rng.random()
            who = (
                rng.choice(kids)
                if kids and r < 0.5
                else fam.mother.first
                if r < 0.85
                else fam.partner.first
            )
        child = who in kids
        kind = rng.choices(
            ["gp_f2f", "gp_tel", "gp_wnb", "gp_imms"],
            [5, 4, 1.5 if child else 0.5, 1 if child else 0],
        )[0]
        tm = _t(rng, 8, 18)
        reason = rng.choice(
            [
                "cough",
                "rash",
                "earache",
                "low mood",
                "sleep",
                "review",
                "bruising",
                "chest infection",
                "anxiety",
            ]
            if not child
            else [
                "cough",
                "rash",
                "earache",
                "temperature",
                "constipation",
                "bruising",
                "eczema",
                "behaviour",
            ]
        )
        recs = [Rec("GP", "P", day, tm)]
        if kind == "gp_wnb" and child and fam.under5(day) and rng.random() < 0.35:
            recs.append(Rec("HV", "N", add_wd(day, rng.randint(2, 8))))
        eid = self.add(kind, day, tm, (who,), {"reason": reason, "who": who}, recs, trap_of=trap_of)
        if eid is not None and trap_of is None and child and len(kids) > 1 and rng.random() < 0.1:
            other = rng.choice([k for k in kids if k != who])  # the sibling seen later that day
            self.gp(day, who=other, trap_of=eid)
        return eid

    def ambulance(self, day: date, who: str | None = None, tm: time | None = None) -> int | None:
        rng, fam = self.rng, self.fam
        if not self.has("AMB"):
            return None
        tm = tm or _t(rng, 0, 24)
        who = who or self.pick_child(day) or fam.mother.first
        reason = rng.choice(
            ["breathing difficulty", "fall", "seizure", "head injury", "overdose", "chest pain"]
        )
        conveyed = rng.random() < 0.6
        eid = self.add(
            "amb",
            day,
            tm,
            (who,),
            {"reason": reason, "conveyed": "1" if conveyed else "", "who": who},
            [Rec("AMB", "P", day, tm)],
        )
        if eid is not None and conveyed and self.has("HOS") and tm.hour < 23:
            self.ed(day, who=who, tm=time(tm.hour + 1, tm.minute))
        return eid

    def ed(self, day: date, who: str | None = None, tm: time | None = None) -> int | None:
        rng, fam = self.rng, self.fam
        if not self.has("HOS"):
            return None
        if who is None and self.has("AMB") and rng.random() < 0.25:
            return self.ambulance(day)  # conveyed: the call-out and the attendance are two events
        tm = tm or _t(rng, 0, 24)
        kids = self.kids(day)
        who = who or (rng.choice(kids) if kids and rng.random() < 0.7 else fam.mother.first)
        child = who in kids
        reason = rng.choice(
            [
                "head injury",
                "burn to hand",
                "ingestion of tablets",
                "fall from sofa",
                "breathing difficulty",
                "fever",
            ]
            if child
            else ["assault", "overdose", "facial injury", "chest pain", "self-harm"]
        )
        recs = [Rec("HOS", "P", day, tm), Rec("GP", "N", add_wd(day, rng.randint(1, 6)))]
        if child and fam.under5(day) and rng.random() < 0.6:
            recs.append(Rec("HV", "N", add_wd(day, rng.randint(2, 9))))
        if child and fam.school_age(day) and rng.random() < 0.4:
            recs.append(Rec("SN", "N", add_wd(day, rng.randint(2, 9))))
        if rng.random() < 0.25:
            recs.append(Rec("CSC", "N", add_wd(day, rng.randint(1, 3)), _t(rng, *OFFICE)))
        if not child and reason in ("overdose", "self-harm") and rng.random() < 0.7:
            recs.append(Rec("MH", "N", add_wd(day, rng.randint(1, 5))))
        return self.add("ed", day, tm, (who,), {"reason": reason, "who": who}, recs)

    def school(self, day: date) -> int | None:
        rng, fam = self.rng, self.fam
        pupils = fam.school_age(day)
        if not self.has("SCH") or not pupils or day.weekday() >= 5 or day.month == 8:
            return None
        child = rng.choice(pupils).first
        kind = rng.choices(
            ["sch_concern", "sch_absence", "sch_late", "sch_call", "sch_meeting", "sch_disclosure"],
            [7, 4, 2, 2, 2, 1],
        )[0]
        tm = _t(rng, 8, 16)
        facts = {
            "child": child,
            "what": rng.choice(
                [
                    "came in hungry",
                    "appeared unkempt",
                    "was very tired",
                    "was upset on arrival",
                    "had a bruise on the arm",
                    "smelt of smoke",
                    "had no coat",
                    "had head lice",
                    "was aggressive to peers",
                ]
            ),
        }
        if kind == "sch_absence":
            first = None
            d = day
            for _ in range(
                rng.choices([1, 2, 3, 4], [3, 3, 2, 1])[0]
            ):  # each day's absence its own event
                eid = self.add(
                    kind,
                    d,
                    tm,
                    (child,),
                    {**facts, "n": ""},
                    [Rec("SCH", "P", d, _t(rng, 8, 10))],
                    trap_of=first,
                )
                first = first if first is not None else eid
                d = add_wd(d, 1)
            return first
        recs = [Rec("SCH", "P", day, tm)]
        if kind == "sch_meeting" and self.has("EH") and rng.random() < 0.3:
            recs.append(Rec("EH", "P", day, tm))
        eid = self.add(kind, day, tm, (child,), facts, recs)
        if (
            eid is not None
            and kind in ("sch_disclosure", "sch_concern")
            and rng.random() < (0.7 if kind == "sch_disclosure" else 0.12)
        ):
            self.referral(
                day,
                sender="SCH",
                concern="disclosure" if kind == "sch_disclosure" else "presentation",
            )
        elif eid is not None and rng.random() < 0.08 and self.has("CSC"):
            self.prof_call(day, "SCH", "CSC")
        return eid

    def probation(self, day: date) -> int | None:
        rng, fam = self.rng, self.fam
        if not self.has("PRO") or not fam.partner_on_probation:
            return None
        day = add_wd(day, 0)
        kind = rng.choices(
            ["pro_super", "pro_homevisit", "pro_review", "pro_mappa", "pro_dna"],
            [6, 1.5, 1, 0.7, 1.5],
        )[0]
        tm = _t(rng, 9, 17)
        recs = [Rec("PRO", "P", day, tm)]
        if kind == "pro_mappa":
            recs += [Rec("POL", "P", day, tm)] + (
                [Rec("CSC", "P", day, tm)] if rng.random() < 0.5 else []
            )
        if kind == "pro_homevisit" and rng.random() < 0.2:
            recs.append(Rec("POL", "P", day, tm))
        facts = {"rsr": rng.choice(["low", "medium", "high"]), "level": rng.choice(["1", "2"])}
        eid = self.add(kind, day, tm, (fam.partner.first,), facts, recs)
        if eid is not None and kind == "pro_super":  # weekly or fortnightly: look-alikes
            step = rng.choice([7, 14])
            d, prev = day, eid
            for _ in range(rng.randint(0, 3)):
                d = add_wd(d + timedelta(days=step), 0)
                prev = (
                    self.add(
                        "pro_super",
                        d,
                        _t(rng, 9, 17),
                        (fam.partner.first,),
                        facts,
                        [Rec("PRO", "P", d)],
                        trap_of=prev,
                    )
                    or prev
                )
        if eid is not None and rng.random() < 0.1 and self.has("CSC"):
            self.prof_call(day, "PRO", "CSC")
        return eid

    def housing(self, day: date) -> int | None:
        rng, fam = self.rng, self.fam
        if not self.has("HOU"):
            return None
        day = add_wd(day, 0)
        kind = rng.choice(
            ["hou_arrears", "hou_repair", "hou_damp", "hou_asb", "hou_visit", "hou_homeless"]
        )
        recs = [Rec("HOU", "P", day, _t(rng, 9, 17))]
        eid = self.add(
            kind, day, None, (fam.mother.first,), {"amount": f"{rng.randint(3, 28) * 50}"}, recs
        )
        if (
            eid is not None and kind == "hou_asb" and rng.random() < 0.3
        ):  # a second complaint days later
            d = add_wd(day, rng.randint(1, 6))
            self.add(
                kind,
                d,
                None,
                (fam.mother.first,),
                {"amount": ""},
                [Rec("HOU", "P", d)],
                trap_of=eid,
            )
        return eid

    def mh(self, day: date) -> int | None:
        rng, fam = self.rng, self.fam
        if not self.has("MH") or not fam.mother_mental_health:
            return None
        kind = rng.choices(["mh_cpn", "mh_opa", "mh_crisis", "mh_dna"], [4, 2, 1, 1.5])[0]
        if kind != "mh_crisis":
            day = add_wd(day, 0)
        tm = _t(rng, 0, 24) if kind == "mh_crisis" else _t(rng, 9, 17)
        recs = [Rec("MH", "P", day, tm)]
        if kind in ("mh_opa", "mh_crisis", "mh_dna") and rng.random() < 0.5:
            recs.append(Rec("GP", "N", add_wd(day, rng.randint(3, 14))))
        return self.add(kind, day, tm, (fam.mother.first,), {}, recs)

    def das(self, day: date) -> int | None:
        rng, fam = self.rng, self.fam
        if not self.has("DAS"):
            return None
        day = add_wd(day, 0)
        kind = rng.choice(["das_call", "das_safety", "das_refuge"])
        eid = self.add(
            kind, day, None, (fam.mother.first,), {}, [Rec("DAS", "P", day, _t(rng, 9, 17))]
        )
        if eid is not None and kind == "das_call" and rng.random() < 0.3:
            d = add_wd(day, rng.randint(1, 4))
            self.add(kind, d, None, (fam.mother.first,), {}, [Rec("DAS", "P", d)], trap_of=eid)
        return eid

    def small_agency(self, day: date, key: str | None = None) -> int | None:
        """Early help, substance misuse, school nursing, early years, voluntary sector,
        youth justice: their own contacts."""
        rng, fam = self.rng, self.fam
        options = (
            [k for k in ("EH", "SMS", "SN", "EY", "VS", "YJ") if self.has(k)]
            if key is None
            else [key]
        )
        if not options:
            return None
        key = rng.choice(options)
        day = add_wd(day, 0)
        tm = _t(rng, 9, 17)
        if key == "YJ":
            teen = [c for c in fam.children_on(day) if c.age(day) >= 10]
            if not teen:
                return None
            who = (teen[-1].first,)
        elif key in ("SN",):
            if not fam.school_age(day):
                return None
            who = (rng.choice(fam.school_age(day)).first,)
        elif key == "EY":
            if not fam.under5(day):
                return None
            who = (rng.choice(fam.under5(day)).first,)
        elif key == "SMS":
            if not fam.substance_use:
                return None
            who = (fam.mother.first if rng.random() < 0.5 else fam.partner.first,)
        else:
            who = (fam.mother.first, *self.kids(day))
        recs = [Rec(key, "P", day, tm)]
        if key == "EH" and rng.random() < 0.4:  # a TAF meeting: school and HV attend
            for k in ("SCH", "HV"):
                if self.has(k) and rng.random() < 0.5:
                    recs.append(Rec(k, "P", day, tm))
        eid = self.add(key.lower(), day, tm, who, {"taf": "1" if len(recs) > 1 else ""}, recs)
        if eid is not None and key in ("SMS", "YJ", "VS") and rng.random() < 0.25:
            d = add_wd(day, rng.randint(2, 7))
            self.add(key.lower(), d, None, who, {"taf": ""}, [Rec(key, "P", d)], trap_of=eid)
        return eid

    def move(self, day: date) -> int | None:
        """A move of address: housing knows the day, others only the month."""
        rng, fam = self.rng, self.fam
        recs = [Rec("HOU", "P", day)]
        for k in ("GP", "SCH", "CSC", "HV"):
            if rng.random() < 0.4:
                recs.append(Rec(k, "N", day + timedelta(days=rng.randint(3, 25)), form="month"))
        eid = self.add("move", day, None, (fam.mother.first,), {}, recs)
        if eid is not None:
            for r in self.recs[eid]:
                if r.form == "month":
                    first = r.day.replace(day=1)
                    nxt = (first + timedelta(days=32)).replace(day=1)
                    if first < self.period[0] or nxt - timedelta(days=1) > self.period[1]:
                        r.form = "day"
        return eid
