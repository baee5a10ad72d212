"""Words for the plan: each slot becomes one row's cells in its agency's own voice."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, time, timedelta

from . import texts2, texts3  # noqa: F401 - they fill TEXT
from .agencies import AMB, CSC, GP, HEALTH, HOS, HV, LAYOUTS, MW, POL, SN, TITLES
from .people import Family, worker
from .plan import Event, Slot
from .render import clock, date_cell, quote_date, shorthand, typo
from .texts import ANY, TEXT, facts
from .texts2 import HV_WHAT, SUPERVISION
from .texts3 import MORE
from .voice import TERSE, Slots, agency_word, term

# How a row names the event that led to it.
CAUSE = {
    "da_incident": ("DA incident", "police notification", "domestic"),
    "referral": ("referral", "contact received", "concerns raised"),
    "home_visit": ("home visit", "last visit"),
}
SIGNS = {HV: "HV", SN: "SN", MW: "MW", GP: "", CSC: "SW"}
SATELLITES = {"report", "minutes", "outcome_letter", "chaser"}
MEETING_TERM = {
    "icpc": "icpc",
    "rcpc": "rcpc",
    "strategy": "strategy",
    "cin_meeting": "cin_meeting",
}
MEETING_WORD = {"core_group": "core group", "taf_meeting": "TAF meeting", "marac": "MARAC"}


@dataclass
class Row:
    agency: str
    event: str
    cells: tuple  # in the layout's column order (str, or datetime for Excel date cells)
    told: date  # the date the row carries
    role: str
    day: date  # the event's day
    at: time | None
    file: str = ""
    row: int = 0


def fill(template: str, sl: Slots) -> str:
    """Fill a template; a slot's words may name slots of their own ("{p} pushed {m}")."""
    out = template.format_map(sl)
    for _ in range(2):
        if "{" not in out:
            break
        out = out.format_map(sl)
    return out


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _entry(kind: str, persp: str, agency: str):
    book = TEXT[kind]
    for p in (persp, "actor", *book):
        if p in book:
            side = book[p]
            if agency in side:
                return side[agency]
            if ANY in side:
                return side[ANY]
    return next(iter(next(iter(book.values())).values()))


def _meeting_name(nation: str, kind: str, rng: random.Random) -> str:
    if kind in MEETING_TERM:
        return term(nation, MEETING_TERM[kind], rng)
    return MEETING_WORD.get(kind, kind)


class Composer:
    def __init__(
        self,
        fam: Family,
        nation: str,
        events: dict[str, Event],
        style: str,
        habits: dict[str, str],
        workers: dict[str, list[str]],
        rng: random.Random,
    ):
        self.fam, self.nation, self.events, self.style = fam, nation, events, style
        self.habits, self.workers, self.rng = habits, workers, rng

    def slots_for(self, ev: Event, slot: Slot) -> Slots:
        rng, fam = self.rng, self.fam
        f = ev.facts
        v = f["v"]
        extra = facts(ev.kind, f)
        for key, options in MORE.items():
            extra[key] = options[v % len(options)]
        extra["hvwhat"], extra["hvwhat_s"] = HV_WHAT[v % len(HV_WHAT)]
        extra["sup"] = SUPERVISION[v % len(SUPERVISION)]
        extra["sup_cap"] = extra["sup"][0].upper() + extra["sup"][1:]
        extra["seen_cap"] = extra["seen"][0].upper() + extra["seen"][1:]
        heard = slot.heard or slot.day
        extra["when"] = (
            quote_date(rng, ev.day, heard)
            if heard != ev.day
            else rng.choice(("today", "earlier today", f"on {ev.day:%d/%m}", ""))
        )
        if ev.time is not None and ev.time.hour < 3 and slot.role == "told" and rng.random() < 0.5:
            extra["when"] = (
                rng.choice(("last night", "overnight"))
                if (heard - ev.day).days <= 1
                else quote_date(rng, ev.day - timedelta(days=1), heard)
            )
        extra["nhs"] = nhs_number(fam, ev.subject)
        extra["t"] = f"{ev.time:%H:%M}" if ev.time else "teatime"
        yy = ev.day.strftime("%y")
        extra["crime"] = f"CR/{(v * 37 + f['w']) % 1_000_000:06d}/{yy}"
        extra["age"] = f"{max(1, ev.day.year - fam.child.born)}yrs"
        extra["pct"] = str(62 + v % 27)
        extra["arrears"] = str(200 + (v % 40) * 35)
        extra["n"] = str(4 + v % 9)
        extra["k"] = str(v % 4)
        extra["place"] = rng.choice(("", "", " at the office", " on Teams", " at school"))
        extra["me"] = rng.choice(TITLES[slot.agency])
        extra["chair"] = rng.choice(
            ("the IRO", "IRO", "the TM", "the CP chair", "the conference chair")
        )
        kind = ev.kind
        if kind in SATELLITES and ev.meeting:
            mt = self.events[ev.meeting]
            kind = mt.kind
            extra["mdate"] = quote_date(rng, mt.day, slot.day)
            extra["dec"], extra["dec_s"] = (
                facts(mt.kind, mt.facts)["dec"],
                facts(mt.kind, mt.facts)["dec_s"],
            )
        else:
            extra["mdate"] = ""
        extra["mt"] = _meeting_name(self.nation, kind, rng)
        if ev.is_meeting:
            others = [agency_word(a, rng) for a in ev.recorders if a != slot.agency]
            extra["who"] = ", ".join(others) or "family and SW"
            dec = texts2.MEETING_DECISION.get(ev.kind)
            if dec:
                extra["dec"] = extra["dec_s"] = dec[v % len(dec)]
        extra["referrer"] = agency_word(ev.recorders[0], rng)
        if len(ev.recorders) > 1:
            other = ev.recorders[1] if slot.agency == ev.recorders[0] else ev.recorders[0]
            extra["other"] = agency_word(other, rng)
        else:
            extra["other"] = agency_word(CSC, rng)
        return Slots(rng, fam, slot.agency, self.nation, ev, extra)

    def text(self, ev: Event, slot: Slot, persp: str) -> tuple[str, str, str]:
        rng = self.rng
        types, cores, extras, shorts, outcomes = _entry(ev.kind, persp, slot.agency)
        sl = self.slots_for(ev, slot)
        habit = self.habits[slot.agency]
        short = habit == "short" or (habit == "both" and rng.random() < 0.5)
        if short and shorts:
            desc = fill(rng.choice(shorts), sl)
            if extras and rng.random() < 0.3:
                desc = (
                    desc.rstrip(".")
                    + rng.choice((". ", "; ", " - "))
                    + fill(rng.choice(extras), sl)
                )
            desc = shorthand(rng, desc, 0.7)
        else:
            n = min(len(extras), rng.choice((0, 1, 1, 2, 2, 3, 4)))
            parts = [rng.choice(cores), *rng.sample(extras, n)]
            desc = " ".join(_cap(fill(p, sl)) for p in parts)
            desc = shorthand(rng, desc, TERSE.get(slot.agency, 0.05))
        cause = ev.facts.get("cause")
        if cause and rng.random() < (0.3 if short else 0.6):
            what = CAUSE.get(cause[0]) or (_meeting_name(self.nation, cause[0], rng),)
            when = quote_date(rng, cause[1], slot.day)
            if short:
                desc = f"F/u {rng.choice(what)} {when} - {desc}"
            else:
                desc = (
                    f"{rng.choice(('Following', 'Further to', 'As agreed at'))} the "
                    f"{rng.choice(what)} {when}. {desc}"
                )
        desc = " ".join(desc.split()).replace(" .", ".").replace(": .", ".").replace(" ,", ",")
        desc = desc[0].upper() + desc[1:] if desc else desc
        if slot.heard:
            desc = (
                rng.choice(
                    ("Received {:%d/%m/%y}: ", "(rec'd {:%d.%m.%y}) ", "Info rec'd {:%d/%m}. ")
                ).format(slot.heard)
                + desc
            )
        if slot.agency in HEALTH and rng.random() < 0.08:
            desc += rng.choice((" NHS no {nhs}.", " (NHS {nhs})", " Pt NHS number {nhs}.")).format(
                nhs=sl["nhs"]
            )
        if slot.agency in SIGNS and rng.random() < 0.15:  # initials at the end of a note
            who = self.worker(slot.agency).replace(".", "").split()
            desc += f" {who[0][0]}{who[-1][0]}/{SIGNS[slot.agency]}".rstrip("/")
        if rng.random() < 0.06:
            desc = typo(rng, desc)
        outcome = fill(rng.choice(outcomes), sl)
        return rng.choice(types), desc, outcome

    def follow_on(self, ev: Event, slot: Slot, persp: str, first: tuple) -> tuple[str, str, str]:
        """The second row of a split entry, an addendum or a late addendum."""
        rng = self.rng
        types, _cores, extras, _shorts, outcomes = _entry(ev.kind, persp, slot.agency)
        sl = self.slots_for(ev, slot)
        more = " ".join(_cap(fill(x, sl)) for x in rng.sample(extras, min(2, len(extras))))
        if slot.role == "split":
            lead = rng.choice(("(cont.) ", "Continued: ", "", "...", "Cont'd - "))
        else:
            lead = rng.choice(
                (
                    f"Addendum to entry of {ev.day:%d/%m/%Y}: ",
                    "Addendum: ",
                    f"Late entry re {quote_date(rng, ev.day, slot.day)}: ",
                    "Further to above, ",
                )
            )
        desc = lead + (more or "no further information.")
        return first[0], desc, fill(rng.choice(outcomes), sl)

    def worker(self, agency: str) -> str:
        return self.rng.choice(self.workers[agency])

    def ref(self, ev: Event, agency: str) -> str:
        v = ev.facts["v"]
        yy = ev.day.strftime("%y")
        if agency == POL:
            return (
                f"{yy}{v * 7 + ev.facts['w']:07d}"
                if ev.kind != "da_incident"
                else f"CR/{(v * 37 + ev.facts['w']) % 1_000_000:06d}/{yy}"
            )
        if agency == AMB:
            return f"{ev.day:%y%m%d}-{ev.facts['w'] % 9000 + 1000}"
        if agency == HOS:  # the patient's hospital number: the same for every row about them
            return f"RX{abs(hash_person(self.fam, ev.subject)) % 10_000_000:07d}"
        return ""

    def cells(self, agency: str, ev: Event, slot: Slot, words: tuple[str, str, str]) -> tuple:
        lay = LAYOUTS[agency]
        etype, desc, outcome = words
        if "outcome" not in lay.columns and outcome and self.rng.random() < 0.4:
            desc = f"{desc} Plan: {outcome}."
        out = []
        for col in lay.columns:
            if col == "date":
                style = lay.date_style
                if style not in ("excel", "slash") and self.rng.random() < 0.05:
                    style = "slash"  # a hand-kept column drifts between date habits
                out.append(date_cell(slot.day, style, slot.form, slot.span))
            elif col == "datetime":
                d = date_cell(slot.day, lay.date_style, slot.form, slot.span)
                out.append(f"{d} {slot.at:%H:%M}" if slot.at else d)
            elif col == "time":
                out.append(clock(slot.at, lay.time_style) if slot.at else "")
            elif col == "type":
                out.append(etype)
            elif col == "desc":
                out.append(desc)
            elif col == "outcome":
                out.append(outcome)
            elif col == "worker":
                out.append(self.worker(agency))
            elif col == "ref":
                out.append(self.ref(ev, agency))
        return tuple(out)


def nhs_number(fam: Family, subject: str) -> str:
    """A fictional NHS-style number whose check digit is deliberately wrong (mod 11), so it
    can never be a real person's."""
    digits = [int(d) for d in f"{hash_person(fam, subject) % 10**9:09d}"]
    total = sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    wrong = (check + 1) % 10 if check < 10 else 3
    n = "".join(map(str, digits)) + str(wrong)
    return f"{n[:3]} {n[3:6]} {n[6:]}"


def hash_person(fam: Family, subject: str) -> int:
    key = {"mother": fam.mother, "partner": fam.partner, "father": fam.father}.get(subject)
    p = key or (fam.siblings[0] if subject == "sibling" and fam.siblings else fam.child)
    return sum(ord(c) * (i + 1) for i, c in enumerate(p.full)) * 7919 + p.born


def draw_workers(rng: random.Random, agencies: tuple[str, ...]) -> dict[str, list[str]]:
    return {
        a: [worker(rng, rng.choice(TITLES[a])) for _ in range(rng.randint(2, 4))] for a in agencies
    }


def compose(
    fam: Family,
    nation: str,
    events: list[Event],
    slots: list[Slot],
    style: str,
    habits: dict[str, str],
    workers: dict[str, list[str]],
    rng: random.Random,
) -> dict[str, list[Row]]:
    by_id = {e.id: e for e in events}
    order = {e.id: i for i, e in enumerate(events)}
    comp = Composer(fam, nation, by_id, style, habits, workers, rng)
    keyed: dict[str, list[tuple]] = {}
    firsts: dict[tuple[str, str], tuple] = {}  # (agency, event) -> (persp, words, cells, time)
    for s in slots:  # plan order: a first row is always composed before its follow-on
        ev = by_id[s.event]
        agency = s.agency
        if s.part == 0:
            persp = {"late": "actor"}.get(s.role, s.role)
            if ev.kind == "period_summary":
                persp = "summary"
            words = comp.text(ev, s, persp)
            if s.role == "late":
                words = (words[0], f"Late entry for {ev.day:%d/%m/%Y}: {words[1]}", words[2])
            cells = comp.cells(agency, ev, s, words)
            at_key = s.at or time(0)
            firsts[agency, s.event] = (persp, words, cells, at_key)
        else:
            persp, words0, cells0, at0 = firsts[agency, s.event]
            if s.role == "copy":
                cells = cells0
            else:
                cells = comp.cells(agency, ev, s, comp.follow_on(ev, s, persp, words0))
            at_key = max(s.at or time(0), at0)  # a follow-on never sorts above its first row
        row = Row(agency, ev.id, cells, s.day, s.role, ev.day, s.at)
        keyed.setdefault(agency, []).append((s.day, at_key, order[s.event], s.part, row))
    tables: dict[str, list[Row]] = {}
    for agency, items in keyed.items():
        items.sort(key=lambda t: t[:4])
        tables[agency] = [t[4] for t in items]
    return tables
