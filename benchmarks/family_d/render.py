"""Words and cells: each recording becomes one row (two for a split entry) of its
agency's file, in that agency's layout and habits."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from . import phrases as ph
from .habits import Habit, spoken_date, spoken_time, write_date, write_month, write_time
from .people import Family
from .story import Event, Rec

_MON = [
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
]


@dataclass
class Line:
    """A row before it has an id: cells in the agency's column order."""

    agency: str  # key
    cells: tuple[str, ...]
    event: int
    part: int  # 1 for a split entry's second row
    told: str  # P, N, D
    role: str  # P, N, R, F, M, D
    day: date  # for ordering and the record's date
    start: date
    end: date
    precision: str
    approximate: bool
    tm: object  # datetime.time | None
    note: str
    sort: tuple


def _sentences(text: str) -> list[str]:
    out, cur = [], ""
    for piece in text.split(". "):
        cur = f"{cur}. {piece}" if cur else piece
        if len(cur) > 12:
            out.append(cur if cur.endswith(".") else cur + ".")
            cur = ""
    if cur:
        out.append(cur if cur.endswith(".") else cur + ".")
    return out


_NATION_TYPES = {
    "strategy": lambda w: w["strat"][0].upper() + w["strat"][1:],
    "s47_visit": lambda w: f"{w['s47']} visit",
    "icpc": lambda w: w["icpc"],
    "rcpc": lambda w: w["rcpc"],
    "cin": lambda w: w["cin"][0].upper() + w["cin"][1:],
}
_VISIT_LINES = ["Discussed routines.", "Bedrooms seen.", "Safety plan reviewed."]


def _names(names: list[str]) -> str:
    if not names:
        return "the children"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class Renderer:
    def __init__(
        self,
        rng: random.Random,
        fam: Family,
        habits: dict[str, Habit],
        style: str,
        events: list[Event],
    ) -> None:
        self.rng = rng
        self.fam = fam
        self.habits = habits
        self.style = style
        self.events = events
        self.words = ph.NATION[fam.nation]
        # health agencies sometimes write children as initials
        self.initials = {
            k: k in ("HV", "GP", "HOS", "MH", "SN") and rng.random() < 0.35 for k in habits
        }
        # "mixed": each agency its own habit, and at least one of each kind when it can
        self.narrative_pick = {k: rng.random() < h.narrative for k, h in habits.items()}
        if len(habits) > 1 and len(set(self.narrative_pick.values())) == 1:
            keys = list(habits)
            flip = (
                max(keys, key=lambda k: habits[k].narrative)
                if not self.narrative_pick[keys[0]]
                else min(keys, key=lambda k: habits[k].narrative)
            )
            self.narrative_pick[flip] = not self.narrative_pick[flip]
        self.abbreviates = {k: rng.random() < 0.5 for k in habits}

    # ---- words -----------------------------------------------------------------------
    def template(self, kind: str, agency: str, told: str) -> str:
        by_agency = ph.T.get(kind, {})
        for key in (agency, "*"):
            pool = by_agency.get(key, {}).get(told) or by_agency.get(key, {}).get(
                "P" if told == "N" else "N"
            )
            if pool:
                return self.rng.choice(pool)
        return "{kind_words} - {agency_word} involvement."

    def slots(self, ev: Event, rec: Rec, worker: str) -> dict[str, str]:
        rng, fam, w = self.rng, self.fam, self.words
        f = ev.facts
        kids = [s for s in ev.subjects if s in {c.first for c in fam.children}]
        child = (
            rec.child
            or f.get("child")
            or (kids[0] if kids else (fam.children[0].first if fam.children else "the child"))
        )

        def nm(first: str) -> str:
            if self.initials.get(rec.agency):
                for c in fam.children:
                    if c.first == first:
                        return c.initials()
            return first

        perp = f.get("perp", fam.partner.first)
        delay = (rec.day - ev.day).days
        if rec.form == "month":
            on = f"in {_MON[ev.day.month - 1]}"
        elif ev.time is not None and ev.time.hour < 5 and rng.random() < 0.4:
            # an incident after midnight is told as the night before it
            eve = ev.day - timedelta(days=1)
            on = (
                f"overnight {eve.day}/{ev.day.day} {_MON[ev.day.month - 1][:3]}"
                if eve.month == ev.day.month
                else f"overnight {eve:%d/%m} into {ev.day:%d/%m}"
            )
        else:
            on = spoken_date(ev.day, rng, delay)
        meeting = self.events[ev.meeting] if ev.meeting is not None else None
        mword = {
            "icpc": w["icpc"],
            "rcpc": w["rcpc"],
            "core_group": w["cg"],
            "cin": w["cin"],
            "marac": "MARAC",
            "strategy": w["strat"],
        }
        decision = f.get("decision", "")
        conf_decision = {
            "plan": f"{w['plan']} under the category of {f.get('category', 'neglect')}",
            "no plan": "no CP plan - CIN plan to be offered",
            "continue": "to remain on the plan",
            "step down": "plan ended, step down to CIN",
        }.get(decision, "plan to continue")
        seen = f.get("seen", "seen")
        seen_words = {
            "seen": "seen",
            "seen alone": "seen alone in bedroom",
            "not seen": "not seen (at nursery/school)",
            "no access": "not seen - no access, card left",
        }[seen]
        home = rng.choice(
            ["acceptable", "poor", "cluttered", "clean and tidy", "cold, no heating on"]
        )
        other_key = f.get("to") if rec.agency == f.get("from") else f.get("from", "CSC")
        s = {
            "c": nm(child),
            "cs": _names([nm(k) for k in kids]),
            "m": fam.mother.first,
            "M": fam.mother.full,
            "p": perp,
            "P_full": f.get("perp_full", fam.partner.full),
            "f": fam.father.first,
            "w": worker,
            "sw": fam.workers["CSC"][0],
            "addr": fam.address,
            "hosp": fam.hospital,
            "surg": fam.surgery,
            "sch": fam.school,
            "on": on,
            "at": spoken_time(ev.time, rng) if ev.time else "",
            "dash": f.get("dash", "standard"),
            "caller": f.get("caller", "mother"),
            "ref": f.get("ref", ""),
            "kids_present": "Children present at the time."
            if f.get("present")
            else "Children not present.",
            "kids_where": "present" if f.get("present") else "not present",
            "arrest_words": "arrested" if f.get("arrest") else "left prior to police arrival",
            "mood": rng.choice(["quiet", "tired", "settled", "withdrawn", "upset"]),
            "m_mood": rng.choice(["low in mood", "engaging", "guarded", "coping well", "tearful"]),
            "home": home,
            "home_cap": f"Home conditions {home}",
            "seen_words": seen_words,
            "announced_cap": "Announced" if f.get("announced") else "Unannounced",
            "visit_line": f"{nm(child)} {seen_words}. {rng.choice(_VISIT_LINES)}",
            "purpose_cap": "Assessment " if f.get("purpose") == "assessment" else "Statutory ",
            "mash_outcome": {
                "NFA": "NFA, advice to referrer",
                "early help": "step across to early help",
                "assessment": "progress to C&F assessment",
                "strategy": "strategy discussion to be convened",
            }.get(f.get("outcome", ""), "NFA"),
            "strat": w["strat"],
            "s47": w["s47"],
            "strat_cap": w["strat"][0].upper() + w["strat"][1:],
            "pol": w["pol"],
            "ppn": w["ppn"],
            "mash": w["mash"],
            "icpc": w["icpc"],
            "rcpc": w["rcpc"],
            "cg": w["cg"],
            "cg_cap": w["cg"].capitalize(),
            "cin": w["cin"],
            "cin_cap": w["cin"][0].upper() + w["cin"][1:],
            "conf_decision": conf_decision,
            "category": f.get("category", "neglect"),
            "chair": f"IRO {fam.workers['CSC'][-1].split(' ', 1)[1]}",
            "update": rng.choice(
                [
                    "attendance figures",
                    "health update",
                    "an update on home conditions",
                    "concerns about presentation",
                ]
            ),
            "p_or_f": rng.choice([fam.partner.first, fam.father.first, "her mother"]),
            "meeting_word": mword.get(meeting.kind, "meeting") if meeting else "conference",
            "meeting_date": write_date(meeting.day, "dmy4") if meeting else "",
            "meeting_on": spoken_date(meeting.day, rng, (rec.day - meeting.day).days).replace(
                "dated ", "on "
            )
            if meeting
            else "",
            "weight": f.get("weight", "3.4"),
            "epds": f.get("epds", "8"),
            "wnb_words": "- WNB, rebooked" if f.get("wnb") else "completed at home",
            "weight_centile": f.get("weight_centile", "25th"),
            "weeks": f.get("weeks", "28"),
            "dna_words": " - DNA, rebooked" if f.get("dna") else "",
            "pn_day": str(
                next(((ev.day - c.dob).days for c in fam.children if c.first == child), 3)
            ),
            "who": nm(f.get("who", ev.subjects[0] if ev.subjects else child)),
            "reason": f.get("reason", "review"),
            "plan": rng.choice(["Review 2/52", "Rx given", "Safety netting", "Bloods"]),
            "companion": rng.choice(
                ["mother", "both parents", "grandmother", f"mother's partner {fam.partner.first}"]
            ),
            "conveyed_words": "conveyed to ED"
            if f.get("conveyed")
            else "not conveyed, care plan given",
            "conveyed_cap": "Conveyed to hospital"
            if f.get("conveyed")
            else "Left at home with advice",
            "what": f.get("what", "was tired"),
            "sender": ph.AGENCY_WORD.get(f.get("sender", ""), "a professional"),
            "how": f.get("how", "phone"),
            "concern": f.get("concern", "neglect"),
            "rsr": f.get("rsr", "medium"),
            "level": f.get("level", "1"),
            "amount": f.get("amount", "0"),
            "went": f.get("went", "well"),
            "dir": "to" if rec.agency == f.get("from") else "from",
            "other": ph.AGENCY_WORD.get(other_key or "CSC", "CSC"),
            "topic": f.get("topic", "the children"),
            "nth": rng.choice(["second", "third", "fourth"]),
            "att": str(rng.randint(72, 95)),
            "wnb": "WNB"
            if f.get("who", "") in kids or f.get("who", "") in {c.first for c in fam.children}
            else "DNA",
            "arrest_line": f"{perp} was arrested and taken into custody."
            if f.get("arrest")
            else f"{perp} had left before officers arrived.",
            "kind_words": ev.kind.replace("_", " "),
            "agency_word": ph.AGENCY_WORD.get(rec.agency, rec.agency),
        }
        return s

    def describe(self, ev: Event, rec: Rec, worker: str) -> str:
        text = self._describe(ev, rec, worker)
        return text[:1].upper() + text[1:]

    def _describe(self, ev: Event, rec: Rec, worker: str) -> str:
        rng = self.rng
        kind = ev.kind
        told = "N" if rec.told == "N" else "P"
        s = self.slots(ev, rec, worker)
        first = self.template(kind, rec.agency, told).format_map(s)
        narrative = self.style == "narrative" or (
            self.style == "mixed" and self.narrative_pick[rec.agency]
        )
        if not narrative:
            # one line: the first sentence, and the next while the line stays short
            sentences = _sentences(first)
            text = sentences[0]
            for more in sentences[1:]:
                if len(text) + len(more) > 70:
                    break
                text = f"{text} {more}"
            if self.abbreviates[rec.agency] and rng.random() < 0.6:
                for long, short in ph.ABBREV:
                    text = text.replace(long, short)
            return text
        n_extra = rng.choices([0, 1, 2, 3, 4, 5], [3, 4, 3, 2, 1, 0.5])[0]
        pool = ph.EXTRA_KIND.get(kind, []) + ph.EXTRA_AGENCY.get(rec.agency, ph.EXTRA_AGENCY["*"])
        extra = []
        for _ in range(n_extra):
            sentence = rng.choice(pool)
            if sentence not in extra:
                extra.append(sentence)
        return " ".join([first, *extra]).format_map(s)

    # ---- cells --------------------------------------------------------------------------
    def lines(self, ev: Event, recs: list[Rec]) -> list[Line]:
        out: list[Line] = []
        previous: dict[str, Line] = {}
        for rec in recs:
            h = self.habits[rec.agency]
            if rec.copy == "dup" and rec.agency in previous:
                p = previous[rec.agency]
                out.append(
                    Line(
                        rec.agency,
                        p.cells,
                        ev.id,
                        0,
                        "D",
                        "D",
                        p.day,
                        p.start,
                        p.end,
                        p.precision,
                        p.approximate,
                        p.tm,
                        p.note,
                        (*p.sort[:2], ev.id, len(out)),
                    )
                )
                continue
            workers = self.fam.workers[rec.agency]
            worker = workers[(rec.day.year + (1 if rec.copy == "again" else 0)) % len(workers)]
            text = self.describe(ev, rec, worker)
            if rec.copy == "again":
                text = (
                    self.rng.choice(["Duty: ", "Entry by duty worker - ", "Late entry: ", ""])
                    + text
                )
            role = rec.follow or (
                "D" if rec.told == "D" else "M" if rec.form == "month" else rec.told
            )
            parts = [text]
            if rec.split:
                sent = _sentences(text)
                if len(sent) < 2:
                    sent.append(
                        self.rng.choice(
                            ["(cont.) Record updated.", "cont'd - see above.", "Actions as above."]
                        )
                    )
                cut = max(1, len(sent) // 2)
                parts = [" ".join(sent[:cut]), " ".join(sent[cut:])]
            head = None
            for part, desc in enumerate(parts):
                line = self.cells(ev, rec, h, desc, worker, part, head)
                line.role = "D" if part else role
                line.told = "D" if part else rec.told
                if head is not None:  # a continuation row sits right under its first row
                    line.sort = (*head.sort[:3], 1)
                head = head or line
                out.append(line)
                previous.setdefault(rec.agency, line)
        return out

    def cells(
        self,
        ev: Event,
        rec: Rec,
        h: Habit,
        desc: str,
        worker: str,
        part: int,
        head: Line | None = None,
    ) -> Line:
        rng = self.rng
        tm = rec.tm if (part == 0 and rec.form == "day" and h.time_in != "none") else None
        approximate, note = False, ""
        if rec.form == "month":
            text, approximate = write_month(rec.day, rec.approx, rng), rec.approx
            start = rec.day.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            precision, note = "month", ("approximate" if approximate else "")
        elif rec.form == "week":
            start = rec.day - timedelta(days=rec.day.weekday())
            end = start + timedelta(days=6)
            text = f"w/c {write_date(start, 'dmy4')}"
            precision, note = (
                "week",
                f"week commencing {start.day} {_MON[start.month - 1][:3]} {start.year}",
            )
        else:
            start = end = rec.day
            text = write_date(rec.day, h.date_style)
            if head is not None:  # the continuation row repeats its first row's date
                text = head.cells[h.columns.index("date")]
                text = text[:-6] if h.time_in == "date" and head.tm is not None else text
            if h.time_in == "date" and tm is not None:
                text = f"{text} {tm.hour:02d}:{tm.minute:02d}"
            precision = "exact" if tm is not None else "day"
        kind = ev.kind
        cells = []
        for col in h.columns:
            if col == "date":
                cells.append(text)
            elif col == "time":
                cells.append(write_time(tm, h.time_style) if tm is not None else "")
            elif col == "desc":
                cells.append(desc)
            elif col == "outcome":
                pool = (
                    ph.OUTCOME["*"]
                    if rec.told == "N" or rec.follow
                    else ph.OUTCOME.get(kind, ph.OUTCOME["*"])
                )
                cells.append("" if part else rng.choice(pool))
            elif col == "prac":
                cells.append(worker)
            elif col == "type":
                types = ph.TYPE.get(rec.agency, ph.TYPE["*"])
                word = types.get(kind) or types.get("*", "Contact")
                if rec.agency == "CSC" and kind in _NATION_TYPES:  # the nation's own word
                    word = _NATION_TYPES[kind](self.words)
                if rec.told == "N":
                    word = rng.choice(["Notification", "Correspondence", "Information received"])
                elif rec.follow:
                    word = {"R": "Report", "F": "Correspondence"}[rec.follow]
                cells.append(word)
            elif col == "ref":
                ref = (
                    ev.facts.get("ref")
                    if rec.agency == "POL" and ev.facts.get("ref")
                    else f"{h.ref_prefix}/{rng.randint(10000, 99999)}"
                )
                cells.append(ref)
        sort = (start, (tm.hour * 60 + tm.minute) if tm is not None else -1, ev.id, part)
        return Line(
            rec.agency,
            tuple(cells),
            ev.id,
            part,
            rec.told,
            "",
            rec.day,
            start,
            end,
            precision,
            approximate,
            tm,
            note,
            sort,
        )
