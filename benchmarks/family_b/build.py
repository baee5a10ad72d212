"""From planned events to each agency's chronology rows and the SourceRecords they import as."""

from __future__ import annotations

import calendar
import hashlib
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from benchmarks.family_b.habits import Habit
from benchmarks.family_b.layouts import (
    SEASON_START,
    SEASONS,
    Layout,
    choose_layouts,
    fmt_day,
    fmt_month,
    fmt_time,
)
from benchmarks.family_b.people import Family
from benchmarks.family_b.phrasebook import BOOK, GENERIC, MEETING_NAME, NAMES, WHAT, E
from benchmarks.family_b.story import AGENCIES, MEETINGS, Event
from ingest.records import DateInterval, Issue, Provenance, SourceRecord, stable_record_id

OTHER = {
    "CSC": "CSC",
    "POL": "police",
    "HV": "the HV",
    "SCH": "school",
    "GP": "the GP",
    "HOS": "the hospital",
    "AMB": "the ambulance service",
    "PRO": "probation",
    "DAS": "the IDVA",
    "MH": "the CPN",
    "MW": "the midwife",
    "HOU": "housing",
}
PRACT = {
    "CSC": ("SW", "SW", "SSW", "TM", "MASH SW"),
    "POL": ("PC 4471", "PC 2290", "DS 118", "MASH police"),
    "HV": ("HV", "HV", "Nursery nurse"),
    "SCH": ("DSL", "DDSL", "Class teacher"),
    "GP": ("GP", "Practice nurse", "Admin"),
    "HOS": ("ED nurse", "Paed registrar", "Safeguarding nurse"),
    "AMB": ("Paramedic",),
    "PRO": ("OM", "PO"),
    "DAS": ("IDVA",),
    "MH": ("CPN", "Psychiatrist"),
    "MW": ("Community MW",),
    "HOU": ("Housing officer",),
}
NAMED = {  # the case's own practitioners, as each agency writes them
    "CSC": "{sw}",
    "HV": "{hv} (HV)",
    "GP": "{gp}",
    "PRO": "{om}",
    "DAS": "{idva}",
    "SCH": "{dsl} (DSL)",
}
KIND_NAME = {
    "da_incident": "Domestic abuse incident",
    "gp_appt": "GP appointment",
    "hv_contact": "HV contact",
    "sw_home_visit": "Home visit",
}
SPLITTABLE = {
    ("POL", "da_incident"),
    ("CSC", "icpc"),
    ("CSC", "rcpc"),
    ("CSC", "strategy"),
    ("HOS", "ed_attendance"),
    ("CSC", "core_group"),
    ("CSC", "s47_visit"),
    ("CSC", "sw_home_visit"),
    ("HV", "hv_contact"),
}
SPLIT_P = 0.06
TYPO_P = 0.04
DUPLICATE_P = 0.004
ANONYMISED = ("Child A", "Child B", "Mother", "Mr X")


@dataclass(slots=True)
class Row:
    """One chronology row as the agency wrote it, and what it is."""

    agency: str  # code
    event: str  # the real event's id
    related: str | None
    cells: list[object]  # in the layout's column order; dates may be date/datetime (xlsx)
    texts: tuple[str, ...]  # the cells as the importer reads them back
    interval: DateInterval
    fields: dict[str, str]
    role: str = "P"  # P own contact, N notification, R report before, M month-only, F follow-up
    part: int = 0  # 1 for the second row of an entry the agency split in two


@dataclass
class Table:
    agency: str
    layout: Layout
    rows: list[Row] = field(default_factory=list)

    def body(self, headers: list[str] | None = None) -> tuple[list[list[object]], list[int]]:
        """The rows under the header as written (with any dividers and repeated headers),
        and the user-visible row number of each data row."""
        lay = self.layout
        first = 2 if lay.fmt == "docx" else len(lay.title) + 2
        headers = headers or [h for h, _ in lay.columns]
        out: list[list[object]] = []
        numbers = []
        year = None
        for i, row in enumerate(self.rows):
            if lay.dividers:
                d = row.interval.start
                school_year = d.year if d.month >= 9 else d.year - 1
                if school_year != year:
                    year = school_year
                    label = f"Academic year {school_year}/{(school_year + 1) % 100:02d}"
                    out.append([label] + [""] * (len(headers) - 1))
            if lay.repeat_header and i and i % lay.repeat_header == 0:
                out.append(list(headers))  # a page header kept from a printed report
            numbers.append(first + len(out))
            out.append(row.cells)
        return out, numbers


def _entry(agency: str, kind: str, role: str, fu: str | None) -> E:
    if kind == "followup":
        return BOOK.get((agency, "followup", fu or ""), GENERIC[fu or "other"])
    for key in ((agency, kind, role), (agency, "*", role)):
        if key in BOOK:
            return BOOK[key]
    if kind == "prof_call":
        return GENERIC["call"]
    if kind == "referral":
        return GENERIC["referral"]
    if kind == "da_disclosure":
        return GENERIC["disclosure"]
    if kind == "household_change":
        return GENERIC["household"]
    if kind == "wnb":
        return GENERIC["wnb"]
    if role in ("P", "M") and kind in MEETINGS:
        return GENERIC["P"]
    if role == "R":
        return GENERIC["R"]
    if role == "N":
        return BOOK.get(("HV", "*", "N"))  # a plain "notification received" form
    return GENERIC["other"]


def _contact_type(kind: str, role: str) -> str:
    if role == "N":
        return "Notification"
    if role in ("R", "F") or kind == "followup":
        return "Letter/email"
    if kind in MEETINGS or kind in ("s47_visit",):
        return "Meeting"
    if kind in ("sw_home_visit", "hv_contact", "household_change"):
        return "Home visit"
    if kind == "prof_call":
        return "Telephone"
    if kind == "referral":
        return "Referral"
    return "Contact"


def _shift(d: date, lo: date, hi: date) -> date:
    """Off a weekend, staying within [lo, hi] when possible."""
    wd = d.weekday()
    if wd < 5:
        return d
    fwd, back = d + timedelta(days=7 - wd), d - timedelta(days=wd - 4)
    if fwd <= hi:
        return fwd
    if back >= lo:
        return back
    return d


class Builder:
    def __init__(
        self,
        rng: random.Random,
        family: Family,
        style: str,
        present: tuple[str, ...],
        seed_text: str = "family-b",
    ):
        self.rng = rng
        self.family = family
        self.style = style
        # "mixed": each agency writes in its own habit (GP terse, police and CSC narrative).
        mix = random.Random(f"{seed_text}/styles")
        self.styles = {
            a: style
            if style != "mixed"
            else (
                "short"
                if a in ("GP", "AMB")
                else "narrative"
                if a in ("POL", "CSC")
                else mix.choice(("short", "narrative"))
            )
            for a in present
        }
        layouts = choose_layouts(random.Random(f"{seed_text}/layouts"), present)
        self.tables = {a: Table(a, layouts[a]) for a in present}
        fam = {k: getattr(family, k) for k in family.__dataclass_fields__}
        self.names = {a: tuple(n.format(**fam) for n in NAMES[a]) for a in present}
        # Some agencies send their chronology already anonymised for the review.
        pick = random.Random(f"{seed_text}/anonymised")
        for a in pick.sample(present, min(len(present), pick.choice((0, 1, 1, 2)))):
            self.names[a] = ANONYMISED
        self.anonymised = {a for a, n in self.names.items() if n is ANONYMISED}
        self.habits = {a: Habit(random.Random(f"{seed_text}/habit/{a}")) for a in present}
        self.seed_text = seed_text
        self._words: dict[tuple[str, int], E] = {}
        self.fam = fam
        self.note_no = 100000 + rng.randrange(800000)
        self.amb_no = 1000 + rng.randrange(8000)

    # -------------------------------------------------------------- dates
    def _when(self, ev: Event, agency: str, role: str, lag: int) -> tuple[DateInterval, str, str]:
        """The row's date interval, its date-cell text and its time-cell text."""
        lay = self.tables[agency].layout
        rng = self.rng
        if role == "N":
            day = _shift(ev.day + timedelta(days=lag), ev.day, ev.day + timedelta(days=7))
        elif role == "R":
            day = _shift(ev.day + timedelta(days=lag), ev.day - timedelta(days=7), ev.day)
        else:
            day = ev.day
        kind = ev.kind
        if role == "M":
            return self._month(day, lay, approx=False)
        if kind == "household_change":
            form = rng.choice(("month", "approx_month", "approx_day", "season", "day"))
            if form == "month":
                return self._month(day, lay, approx=False)
            if form == "approx_month":
                return self._month(day, lay, approx=True)
            if form == "season" and day.month in SEASONS:
                name = SEASONS[day.month]
                m0 = SEASON_START[name]
                iv = DateInterval(
                    date(day.year, m0, 1),
                    date(day.year, m0 + 2, calendar.monthrange(day.year, m0 + 2)[1]),
                    "season",
                )
                return iv, f"{name} {day.year}", ""
            if form == "approx_day":
                mark = rng.choice(("approx ", "c. ", "?"))
                return (
                    DateInterval(day, day, "day", approximate=True),
                    mark + fmt_day(day, "dmy4"),
                    "",
                )
        if (
            kind == "school_concern"
            and agency == "SCH"
            and ev.facts.get("topic") in ("attendance", "late")
        ):
            form = rng.random()
            if form < 0.25:  # "attendance for January 2022 was 81%"
                return self._month(day, lay, approx=False)
            if form < 0.85:
                return self._week(day)
        if kind == "ed_attendance" and agency == "HOS" and ev.end_day:
            iv = DateInterval(day, ev.end_day, "range")
            return iv, f"{fmt_day(day, 'dmy4')} - {fmt_day(ev.end_day, 'dmy4')}", ""
        t = None
        if role == "P" and ev.time is not None:
            t = ev.time
            if agency == "AMB" and kind == "ed_attendance":  # the 999 call precedes arrival
                dt0 = datetime.combine(day, t) - timedelta(minutes=rng.randint(25, 80))
                day, t = dt0.date(), dt0.time()
            elif agency == "HOS" and kind == "da_incident":  # she reaches ED later
                dt0 = datetime.combine(day, t) + timedelta(minutes=rng.randint(40, 150))
                if dt0.date() == day:
                    t = dt0.time()
        elif lay.entry_times:  # typed in at some time of the working day
            t = time(rng.randint(8, 18), rng.randrange(60))
        has_time_col = "time" in lay.fields
        if t is not None and (has_time_col or lay.combined):
            iv = DateInterval(day, day, "exact", time=t)
            if lay.combined:
                if lay.date_cells:
                    return iv, datetime.combine(day, t), ""
                return iv, f"{fmt_day(day, lay.date_style)} {fmt_time(t, lay.time_style)}", ""
            return iv, self._day_cell(day, lay), fmt_time(t, lay.time_style)
        return DateInterval(day, day, "day"), self._day_cell(day, lay), ""

    def _week(self, day: date) -> tuple[DateInterval, str, str]:
        monday = day - timedelta(days=day.weekday())
        mark = self.rng.choice(("w/c ", "W/C ", "w/c "))
        iv = DateInterval(monday, monday + timedelta(days=6), "week")
        return iv, f"{mark}{fmt_day(monday, 'dmy4')}", ""

    def _day_cell(self, day: date, lay: Layout) -> object:
        return day if lay.date_cells else fmt_day(day, lay.date_style)

    def _month(self, day: date, lay: Layout, approx: bool) -> tuple[DateInterval, str, str]:
        last = calendar.monthrange(day.year, day.month)[1]
        iv = DateInterval(
            date(day.year, day.month, 1),
            date(day.year, day.month, last),
            "month",
            approximate=approx,
        )
        text = fmt_month(day, lay.month_style)
        return iv, (("approx. " if approx else "") + text), ""

    # -------------------------------------------------------------- text
    def _values(self, ev: Event, agency: str, role: str, when: DateInterval) -> dict[str, object]:
        f = ev.facts
        lay = self.tables[agency].layout
        c, s, m, p = self.names[agency]
        subj = {"child": c, "sibling": s, "mother": m, "partner": p}[ev.subject]
        v: dict[str, object] = dict(self.fam)
        v.update(f)
        anchor = f.get("anchor", "")
        if ev.kind == "prof_call":
            anchor = f["callee"] if agency == f["caller"] else f["caller"]
        mday = f.get("mday") or ev.day
        meeting = f.get("meeting") or ev.kind
        names = MEETING_NAME.get(meeting, ("meeting",))
        what = WHAT.get(ev.kind, {})
        t = when.time or ev.time
        v.update(
            C=c,
            S=s,
            M=m,
            P=p,
            X=subj,
            q=fmt_day(ev.day, lay.quote_style),
            t=fmt_time(t, "colon") if t else "an unknown time",
            addr=self.family.address,
            other=OTHER.get(anchor, "a professional"),
            mt=self.rng.choice(names),
            md=fmt_day(mday, lay.quote_style),
            kindname=KIND_NAME.get(ev.kind, ev.kind.replace("_", " ")),
            decision=f.get("decision", "continue"),
            # other dates a practitioner writes into the text: not the event's own date
            nx=fmt_day(_weekday(ev.day + timedelta(days=28)), lay.quote_style),
            nx6=fmt_day(_weekday(ev.day + timedelta(days=182)), lay.quote_style),
            nx10=fmt_day(_weekday(ev.day + timedelta(days=14)), lay.quote_style),
            pv=fmt_day(f["prev"], lay.quote_style) if f.get("prev") else None,
        )
        w = what.get(agency, what.get("*", KIND_NAME.get(ev.kind, ev.kind.replace("_", " "))))
        v["W"] = w.format(**v)
        return v

    def _compose(self, entry: E, v: dict, has_outcome: bool, style: str) -> tuple[list[str], str]:
        """Sentences of the description, and the outcome cell."""
        rng = self.rng
        out = rng.choice(entry["o"]).format(**v) if entry["o"] else ""
        if style == "short":
            desc = [_capital(rng.choice(entry["s"]).format(**v))]
            if rng.random() < TYPO_P:
                desc[0] = _typo(desc[0], rng)
            if not has_outcome and out and rng.random() < 0.5:
                desc[0] = f"{desc[0]} - {out.lower()}"
            return desc, out if has_outcome and rng.random() < 0.75 else ""
        more = [x for x in entry["m"] if v["pv"] is not None or "{pv}" not in x]
        room = 4 if has_outcome or not out else 3
        k = rng.randint(1, min(room, len(more))) if more else 0
        sents = [rng.choice(entry["n"])] + rng.sample(more, k)
        sents = list(dict.fromkeys(_sentence(x.format(**v)) for x in sents))  # no repeats
        if rng.random() < TYPO_P:  # typed in a hurry
            i = rng.randrange(len(sents))
            sents[i] = _typo(sents[i], rng)
        if not has_outcome and out:
            sents.append(_sentence(f"Plan: {out}"))
            out = ""
        if len(sents) < 2:
            sents.append(_sentence("Recorded on the system"))
        return sents, out

    def _own_words(self, agency: str, entry: E) -> E:
        """This review's author of `agency` uses some of the phrasebook's forms, not all:
        repeated entries read alike within a case and differently across seeds."""
        key = (agency, id(entry))
        own = self._words.get(key)
        if own is None:
            pick = random.Random(f"{self.seed_text}/words/{agency}/{_entry_key(entry)}")
            own = {
                part: tuple(pick.sample(forms, max(1, round(len(forms) * share))))
                if forms
                else forms
                for part, forms, share in (
                    ("s", entry["s"], 0.6),
                    ("n", entry["n"], 0.7),
                    ("m", entry["m"], 0.85),
                    ("o", entry["o"], 0.75),
                )
            }
            self._words[key] = own
        return own

    # -------------------------------------------------------------- rows
    def add(self, ev: Event) -> None:
        for agency, role, lag in ev.recorders:
            table = self.tables[agency]
            lay = table.layout
            when, date_cell, time_cell = self._when(ev, agency, role, lag)
            fu = ev.facts.get("fu") if ev.kind == "followup" else None
            if ev.kind == "sw_home_visit" and agency == "CSC" and len(ev.recorders) > 1:
                entry = self._own_words(agency, BOOK[("CSC", "sw_home_visit", "joint")])
            else:
                entry = self._own_words(agency, _entry(agency, ev.kind, role, fu))
            v = self._values(ev, agency, role, when)
            has_outcome = "outcome" in lay.fields
            sents, outcome = self._compose(entry, v, has_outcome, self.styles[agency])
            habit = self.habits[agency]
            sents, outcome = [habit(x) for x in sents], habit(outcome)
            split = (
                (agency, ev.kind) in SPLITTABLE and role == "P" and (self.rng.random() < SPLIT_P)
            )
            parts = [(sents, outcome)]
            pract = self._pract(agency)  # one author for both rows of a split entry
            if split:
                if len(sents) >= 3:
                    cut = self.rng.randint(1, len(sents) - 1)
                    parts = [(sents[:cut], ""), (sents[cut:], outcome)]
                else:
                    second = outcome or (entry["o"][0].format(**v) if entry["o"] else "Noted")
                    parts = [(sents, ""), ([_sentence(f"Update: {second}")], "")]
            for part, (sents_i, outcome_i) in enumerate(parts):
                fields = {
                    "date": date_cell,
                    "time": time_cell,
                    "desc": " ".join(sents_i),
                    "outcome": outcome_i,
                    "pract": pract,
                    "ref": self._ref(ev, agency, role),
                    "type": _contact_type(ev.kind, role),
                    "subject": (
                        dict(
                            zip(("child", "sibling", "mother", "partner"), ANONYMISED, strict=True)
                        )
                        if agency in self.anonymised
                        else {
                            "child": self.family.child,
                            "sibling": self.family.sibling,
                            "mother": "Mother",
                            "partner": "Partner",
                        }
                    )[ev.subject],
                }
                cells = [fields[f] for f in lay.fields]
                texts = tuple(_cell_text(x) for x in cells)
                table.rows.append(
                    Row(
                        agency,
                        ev.eid,
                        ev.related_to,
                        cells,
                        texts,
                        when,
                        {f: t for f, t in zip(lay.fields, texts, strict=True)},
                        role,
                        part,
                    )
                )
            if self.rng.random() < DUPLICATE_P:  # pasted twice: the same row again, one event
                last = table.rows[-1]
                table.rows.append(
                    Row(
                        last.agency,
                        last.event,
                        last.related,
                        list(last.cells),
                        last.texts,
                        last.interval,
                        dict(last.fields),
                        last.role,
                        last.part,
                    )
                )

    def _pract(self, agency: str) -> str:
        # the allocated worker by name most of the time, a role otherwise
        named = NAMED.get(agency) if agency not in self.anonymised else None
        if named and self.rng.random() < 0.6:
            return named.format(**self.fam)
        return self.rng.choice(PRACT[agency])

    def _ref(self, ev: Event, agency: str, role: str) -> str:
        if agency == "CSC":
            self.note_no += self.rng.randint(1, 40)
            return f"CN{self.note_no}"
        if agency == "POL":
            return str(ev.facts.get("ref") or "") if role == "P" else ""
        if agency == "HOS":
            if ev.kind == "ed_attendance":
                return str(ev.facts["ref"])
            return f"OP{self.rng.randint(100000, 999999)}" if ev.kind == "wnb" else ""
        if agency == "AMB":
            self.amb_no += self.rng.randint(3, 400)
            return f"INC-{ev.day.year % 100:02d}-{self.amb_no:06d}"
        return ""

    # -------------------------------------------------------------- records
    def records(self) -> list[tuple[SourceRecord, Row]]:
        out = []
        for agency, table in self.tables.items():
            lay = table.layout
            # A chronology is in date order (rows of one event keep their order: stable sort).
            table.rows.sort(key=lambda r: (r.interval.start, r.interval.time or time(0)))
            agency_name = AGENCIES[agency]
            headers = [h for h, _ in lay.columns]
            subject_header = next((h for h, f in lay.columns if f == "subject"), "")
            numbers = table.body()[1]
            sheet = lay.sheet if lay.fmt == "xlsx" else ("table 1" if lay.fmt == "docx" else "")
            digest = hashlib.sha256()
            for row in table.rows:
                digest.update("\x1f".join(row.texts).encode())
                digest.update(b"\n")
            sha = digest.hexdigest()
            seen: dict[tuple[str, ...], tuple[int, int]] = {}  # texts -> (first row, count)
            for row, number in zip(table.rows, numbers, strict=True):
                first_row, occ = seen.get(row.texts, (number, 0))
                seen[row.texts] = (first_row, occ + 1)
                # as ingest flags it: the id stays distinct, the row is not lost
                issues = (
                    [Issue("duplicate_row", f"the same as row {first_row} of this file")]
                    if occ
                    else []
                )
                f = row.fields
                prov = Provenance(
                    lay.file_name, sha, sheet, number, dict(zip(headers, row.texts, strict=True))
                )
                rec = SourceRecord(
                    stable_record_id(agency_name, row.texts, occ),
                    agency_name,
                    row.interval,
                    f["desc"],
                    prov,
                    outcome=f.get("outcome", ""),
                    practitioner=f.get("pract", ""),
                    reference=f.get("ref", ""),
                    event_type=f.get("type", ""),
                    extra={subject_header: f["subject"]} if subject_header else {},
                    issues=issues,
                )
                out.append((rec, row))
        return out


def _entry_key(entry: E) -> str:
    """A stable name for a phrasebook entry (its first short form): ids change per run."""
    return (entry["s"] or entry["n"] or ("",))[0]


def _typo(text: str, rng: random.Random) -> str:
    """One slip of the keyboard in a longer word: two letters swapped or one dropped."""
    words = text.split(" ")
    long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha() and w.islower()]
    if not long:
        return text
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :] if rng.random() < 0.6 else w[:j] + w[j + 1 :]
    return " ".join(words)


def _weekday(d: date) -> date:
    return d + timedelta(days=7 - d.weekday()) if d.weekday() >= 5 else d


def _capital(s: str) -> str:
    s = s.strip()
    return s[0].upper() + s[1:] if s else s


def _sentence(s: str) -> str:
    s = _capital(s)
    return s if s.endswith((".", "!", "?")) else s + "."


def _cell_text(x: object) -> str:
    """What ingest.readers.base.cell_text gives back for a cell we wrote."""
    if isinstance(x, datetime):
        return x.isoformat(sep=" ") if x.time() != time(0) else x.date().isoformat()
    if isinstance(x, date):
        return x.isoformat()
    return str(x).strip()
