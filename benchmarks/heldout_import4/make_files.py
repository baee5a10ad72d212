#!/usr/bin/env python
"""Write the fourth held-out set of agency chronologies (issue 10).

    python make_files.py --out DIR [--seed N]

writes DIR/a/ and DIR/b/ (45 files each, NAME.truth.csv beside every file) and
DIR/manifest.csv. Needs openpyxl, python-docx, xlwt, odfpy (see README.md). Generate
outside the repository; the generated files are never committed.
"""

import argparse
import csv
import datetime as dt
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import content as C  # noqa: E402
import render as R  # noqa: E402
import writers as W  # noqa: E402

TRUTH_COLS = ["sheet", "row", "kind", "date", "precision", "time", "agency", "desc40", "note"]
SPREAD = ("xlsx", "xls", "ods")

TIME_P = {
    "Police": 0.9,
    "Ambulance": 0.95,
    "Hospital": 0.85,
    "Children's Social Care": 0.55,
    "School": 0.5,
    "GP": 0.6,
    "Domestic Abuse Service": 0.4,
}
ROLE = {
    "Children's Social Care": ["SW", "SSW", "TM"],
    "Police": ["PC", "DC", "PS"],
    "Health Visiting": ["HV", "CNN"],
    "School Nursing": ["SN"],
    "GP": ["Dr", "PN"],
    "Hospital": ["Dr", "SN (ED)", "Reg"],
    "Midwifery": ["MW", "SMW"],
    "School": ["DSL", "DDSL", "Class teacher"],
    "Early Years": ["Manager", "Key person"],
    "Housing": ["Housing officer", "TSO"],
    "Probation": ["PO", "PSO"],
    "Ambulance": ["Paramedic", "EMT"],
    "Mental Health": ["CPN", "Psychiatrist"],
    "Domestic Abuse Service": ["IDVA"],
    "Substance Misuse Service": ["Recovery worker"],
    "Early Help": ["EH worker", "FSW"],
    "Youth Justice": ["YJ worker"],
    "Voluntary Sector": ["Volunteer", "Project worker"],
}

# header words, one vocabulary per half; roles not listed have no header in that half
HEAD = {
    "a": {
        "date": ["Date", "Date of event", "Event Date", "Date of contact", "When"],
        "datetime": ["Date/Time", "Date & time of event", "When (date, time)"],
        "time": ["Time", "Time (24hr)", "Approx time"],
        "dta": ["Date / Time / Author", "When and who"],
        "desc": ["Details", "Description of event", "Event / information", "What happened"],
        "outcome": ["Outcome", "Action taken", "Action / Outcome"],
        "author": ["Practitioner", "Recorded by", "Worker"],
        "ref": ["Ref", "Case ref", "Record no."],
        "type": ["Type", "Contact type", "Category"],
        "entered": ["Date entered", "Recorded on"],
        "agency": ["Agency", "Organisation"],
        "analysis": ["Significance", "Comment / analysis"],
        "group": {"when": "When", "what": "What", "who": "Who", "other": "Other"},
    },
    "b": {
        "date": ["Occurred", "Contact Dt", "Day of contact", "Happened on", "Incident date"],
        "datetime": ["Occurred (date time)", "Timestamp", "Dt/Tm"],
        "time": ["Hrs", "At", "Clock time"],
        "dta": ["Entry made (when, by)", "Dated/Timed/Signed"],
        "desc": ["Narrative", "Summary of involvement", "Entry", "Key information", "Note text"],
        "outcome": ["Response", "Result", "Next steps"],
        "author": ["Staff member", "Author", "By whom"],
        "ref": ["ID", "Occurrence No", "Log #"],
        "type": ["Nature of contact", "Event type", "Kind"],
        "entered": ["Input date", "Created"],
        "agency": ["Service", "Source agency", "Who (agency)"],
        "analysis": ["Impact on child", "Reviewer's note"],
        "group": {"when": "Event", "what": "Record", "who": "Staff", "other": "Admin"},
    },
}
UNITS = {
    "d/m/Y": "dd/mm/yyyy",
    "d.m.Y": "dd.mm.yyyy",
    "d/m/y": "dd/mm/yy",
    "d-m-Y": "dd-mm-yyyy",
    "Y-m-d": "yyyy-mm-dd",
    "m/d/Y": "mm/dd/yyyy",
    "excel": "dd/mm/yyyy",
}
GROUP_OF = {
    "date": "when",
    "time": "when",
    "entered": "other",
    "dta": "when",
    "desc": "what",
    "outcome": "what",
    "type": "what",
    "analysis": "what",
    "author": "who",
    "agency": "who",
    "ref": "other",
}

# column orders per half (the time column is added or dropped by the time placement)
COLSETS = {
    "a": [
        ["date", "time", "desc", "outcome", "author"],
        ["ref", "date", "time", "type", "desc"],
        ["date", "desc", "outcome"],
        ["date", "time", "author", "desc", "analysis"],
        ["entered", "date", "time", "desc", "author"],
        ["dta", "desc", "outcome"],
        ["date", "type", "desc", "outcome", "ref"],
    ],
    "b": [
        ["type", "date", "time", "desc"],
        ["date", "entered", "author", "desc", "outcome"],
        ["desc", "date", "time", "author"],
        ["ref", "dta", "type", "desc", "analysis"],
        ["date", "time", "desc", "outcome", "analysis"],
        ["author", "date", "desc"],
        ["date", "time", "ref", "desc", "outcome", "type"],
    ],
}
SHEETNAMES = {
    "a": ["Chronology", "Timeline", "Sheet1", "Events"],
    "b": ["Data", "Export", "Case history", "Log"],
}
COVER = {"a": ["Cover sheet", "Read me"], "b": ["Front page", "Instructions"]}
ABBREV = {"a": "Abbreviations", "b": "Glossary"}
ABBREV_ROWS = [
    ("CSC", "Children's social care"),
    ("DSL", "Designated safeguarding lead"),
    ("HV", "Health visitor"),
    ("WNB", "Was not brought"),
    ("PPN", "Police protection notice"),
    ("ICPC", "Initial child protection conference"),
]


class FileMaker:
    def __init__(self, half, idx, plan, rng):
        self.half, self.idx, self.plan, self.rng = half, idx, plan, rng
        rg = rng
        self.child = R.person(rg, C.SYL1, C.SYL2)
        self.sib = R.person(rg, C.SYL1, C.SYL2)
        self.mother = R.person(rg, C.SYL1, C.SYL2)
        self.partner = R.person(rg, C.SYL1, C.SYL2)
        self.surname = R.surname(rg, C.SUR1, C.SUR2)
        self.place = rg.choice(C.PLACE1) + rg.choice(C.PLACE2)
        self.school = rg.choice(C.PLACE1) + rg.choice(["lea", "gate", "brook", "hill"])
        y = rg.randint(2018, 2022)
        self.start = dt.date(y, rg.randint(1, 12), 1)
        self.end = self.start + dt.timedelta(days=rg.randint(300, 800))
        self.dob = dt.date(y - rg.randint(4, 10), rg.randint(1, 12), rg.randint(1, 28))
        # half b: some authors' word processors turn apostrophes curly
        self.apos = "\u2019" if half == "b" and rg.random() < 0.5 else "'"
        self.labels = {}
        for a, opts in C.LABELS[half].items():
            self.labels[a] = rg.choice(opts).format(place=self.place, school=self.school)

    # ---------------------------------------------------------------- events
    def events(self, agencies, n):
        rg = self.rng
        evs = []
        span = (self.end - self.start).days
        decks, seen = {}, set()
        n = min(n, sum(len(C.TEXTS[a]) for a in agencies) * 2 - 2)
        openers = (
            ["Update - ", "Follow up: ", "Further contact. "]
            if self.half == "a"
            else ["Again: ", "Second occasion - ", "Repeat entry: "]
        )
        for k in range(n):
            ag = agencies[k % len(agencies)] if k < len(agencies) else rg.choice(agencies)
            if not decks.get(ag):
                decks[ag] = rg.sample(C.TEXTS[ag], len(C.TEXTS[ag]))
            typ, desc, out = decks[ag].pop()
            fill = dict(
                c=self.child,
                m=self.mother,
                f=self.partner,
                s=self.school + " school" if self.half == "a" else self.school + " Academy",
                w=R.person(rg, C.SYL1, C.SYL2),
                sib=self.sib,
                pl=self.place,
            )
            d = self.start + dt.timedelta(days=rg.randint(0, span))
            t = None
            if rg.random() < TIME_P.get(ag, 0.3):
                hours = [8, 9, 10, 11, 13, 14, 15, 16, 17]
                if ag in ("Police", "Ambulance", "Hospital", "Mental Health"):
                    hours += [0, 2, 19, 21, 22, 23]
                t = dt.time(rg.choice(hours), rg.randint(0, 59))
            role = rg.choice(ROLE[ag])
            author = f"{role} {R.person(rg, C.SYL1, C.SYL2)[0]}. {R.surname(rg, C.SUR1, C.SUR2)}"
            ref = rg.choice(["", "#", "REF"]) + str(rg.randint(10000, 999999))
            evs.append(
                dict(
                    agency=ag,
                    d=d,
                    t=t,
                    typ=typ,
                    desc=desc.format(**fill).replace("'", self.apos),
                    outcome=out.format(**fill),
                    author=author,
                    ref=ref,
                )
            )
        evs.sort(key=lambda e: (e["d"], e["t"] or dt.time(0)))
        for e in evs:
            if (e["agency"], e["desc"]) in seen:
                e["desc"] = rg.choice(openers) + e["desc"]
            else:
                seen.add((e["agency"], e["desc"]))
        return evs

    # ----------------------------------------------------------- one record row
    def render_when(self, ev):
        """(date cell, time text or time object, truth date, precision, truth time)"""
        p, rg = self.plan, self.rng
        kind = None
        if p["partial"] and rg.random() < p["partial"]:
            kind = rg.choice(p["partial_kinds"])
        place = p["time"]
        t = ev["t"] if place != "none" else None
        if kind:
            text, start, prec = R.partial(ev["d"], kind, rg, self.half, p["date"])
            return text, "", start, prec, ""
        ttext, ttruth = "", ""
        if t is not None:
            if place not in ("xltime", "xldt") and rg.random() < p["approx_time"]:
                ttext, t = R.approx_time(t, rg, self.half)
            elif place == "xltime":
                ttext = t
            else:
                ttext = R.time_text(t, p["tstyle"])
            ttruth = t.strftime("%H:%M")
        if p["date"] == "excel":
            dval = dt.datetime.combine(ev["d"], t if (place == "xldt" and t) else dt.time(0))
        else:
            dval = R.date_text(ev["d"], p["date"])
        return dval, ttext, ev["d"], "day", ttruth

    def split(self, desc):
        """first part (at least 40 characters) and the rest, at sentence ends"""
        parts = re.split(r"(?<=[.;])\s+", desc)
        if len(parts) < 2:
            return desc, []
        first, i = parts[0], 1
        while len(first) < 40 and i < len(parts) - 1:
            first, i = first + " " + parts[i], i + 1
        if len(first) < 40:
            return desc, []
        rest = parts[i:]
        if len(rest) >= 3 and self.rng.random() < 0.5:
            return first, [" ".join(rest[:1]), " ".join(rest[1:])]
        return first, [" ".join(rest)]

    def record(self, ev, roles, agency_in_row):
        p, rg = self.plan, self.rng
        dval, ttext, start, prec, ttruth = self.render_when(ev)
        desc = ev["desc"]
        conts = []
        if "cont" in p["noise"] and rg.random() < 0.3:
            desc, conts = self.split(desc)
        elif "multiline" in p["noise"] and rg.random() < 0.35:
            first, rest = self.split(desc)
            if rest:
                desc = first + "\n" + "\n".join(rest)
        desc40 = desc[:40].replace("\n", " ")
        cells = []
        for role in roles:
            if role == "date":
                v = dval
                if p["time"] == "date" and ttext and not isinstance(dval, dt.datetime):
                    # a Word table cell often holds the date and, below it, the time
                    v = f"{dval}\n{ttext}" if p["fmt"] == "docx" else f"{dval} {ttext}"
                cells.append(v)
            elif role == "time":
                cells.append(ttext)
            elif role == "dta":
                dv = dval.strftime("%d/%m/%Y") if isinstance(dval, dt.datetime) else dval
                cells.append(" ".join(x for x in (dv, ttext, ev["author"]) if x))
            elif role == "desc":
                if p["time"] == "desc" and ttext:
                    sep = (
                        rg.choice([" - ", ": ", " "])
                        if self.half == "a"
                        else rg.choice([" ", " – "])
                    )
                    cells.append(f"{ttext}{sep}{desc}")
                else:
                    cells.append(desc)
            elif role == "outcome":
                cells.append(ev["outcome"])
            elif role == "author":
                cells.append(ev["author"])
            elif role == "ref":
                cells.append(ev["ref"])
            elif role == "type":
                cells.append(ev["typ"])
            elif role == "entered":
                ed = ev["d"] + dt.timedelta(days=rg.choice([0, 0, 1, 2, 5]))
                if p["date"] == "excel":
                    cells.append(
                        dt.datetime.combine(ed, dt.time(rg.randint(8, 18), rg.randint(0, 59)))
                    )
                else:
                    cells.append(R.date_text(ed, p["date"]))
            elif role == "agency":
                cells.append(self.labels[ev["agency"]] if agency_in_row else "")
            elif role == "analysis":
                cells.append(
                    rg.choice(["", "", "Missed opportunity?", "Good practice", "Not shared"])
                )
        truth = dict(
            date=start.isoformat(),
            precision=prec,
            time=ttruth,
            agency=ev["agency"],
            desc40=desc40,
        )
        rows = [dict(cells=cells, kind="record", truth=truth)]
        di = roles.index("desc")
        for c in conts:
            cc = [""] * len(roles)
            cc[di] = c
            rows.append(dict(cells=cc, kind="continuation"))
        return rows

    # ------------------------------------------------------------ table pieces
    def headers(self, roles):
        p, rg = self.plan, self.rng
        hv = HEAD[self.half]
        if p["header"] == "none":
            return []
        if p["header"] == "colN":
            fmt = "Column{}" if self.half == "a" else "Column {}"
            return [[fmt.format(i + 1) for i in range(len(roles))]]
        names = []
        for role in roles:
            key = "datetime" if role == "date" and p["time"] in ("date", "xldt") else role
            names.append(rg.choice(hv[key]))
        if p["header"] == "units":
            hint = UNITS.get(p["date"])
            if hint:
                hint = f" ({hint})" if self.half == "a" else f" [{hint.upper()}]"
            names = [
                n
                + (hint if hint and r in ("date", "entered") else "")
                + (" (hh:mm)" if r == "time" and p["tstyle"] == "H:M" else "")
                for n, r in zip(names, roles, strict=True)
            ]
        if p["header"] == "two":
            groups, last = [], None
            for r in roles:
                g = hv["group"][GROUP_OF[r]]
                groups.append(g if g != last else "")
                last = g
            return [groups, names]
        return [names]

    def title_rows(self, agency_line):
        """the block above the header; agency_line is None when the agency is not named"""
        h = self.half
        dob = R.date_text(self.dob, "d/m/Y")
        per = f"{R.date_text(self.start, 'd/m/Y')} to {R.date_text(self.end, 'd/m/Y')}"
        kv = self.rng.random() < 0.5
        lines = []
        if h == "a":
            lines.append(("OFFICIAL-SENSITIVE", None))
            lines.append(("Chronology of significant events", None))
            if agency_line:
                key = "Source system:" if self.plan["agency"] == "system" else "Agency:"
                lines.append((key, agency_line))
            lines.append(("Child:", f"{self.child} {self.surname}"))
            lines.append(("DOB:", dob))
            lines.append(("Period:", per))
            lines.append(
                ("Completed by:", f"{R.person(self.rng, C.SYL1, C.SYL2)} {self.surname[:3]}ley")
            )
        else:
            lines.append(("Learning Review - agency timeline", None))
            if agency_line:
                key = "Source" if self.plan["agency"] == "system" else "Organisation"
                lines.append((key, agency_line))
            lines.append(("Subject", f"{self.child} {self.surname.upper()} (d.o.b. {dob})"))
            lines.append(("Review period", per.replace(" to ", " - ")))
            lines.append(("OFFICIAL - SENSITIVE (PERSONAL)", None))
        out = []
        for k, v in lines:
            if v is None:
                out.append([k])
            elif kv:
                out.append([k, v])
            else:
                out.append([f"{k} {v}" if k.endswith(":") else f"{k}: {v}"])
        return out

    def table_rows(self, evs, roles, agency_in_row, title, section_by_agency=False):
        """rows of one sheet / CSV / Word table, with title block, headers and noise"""
        p, rg = self.plan, self.rng
        noise = p["noise"]
        rows = []
        width = len(roles)
        for t in title:
            rows.append(dict(cells=t, kind="title", merge=len(t) == 1 and p["fmt"] != "csv"))
        if title and rg.random() < 0.7:
            rows.append(dict(cells=[], kind="title"))
        hdr = self.headers(roles)
        for h in hdr:
            rows.append(dict(cells=h, kind="header"))
        di = roles.index("desc")
        dcol = roles.index("date") if "date" in roles else roles.index("dta")
        every = rg.randint(7, 11)
        once = not getattr(self, "noted", False)
        self.noted = True
        dob_at = rg.randint(0, 2) if "dob" in noise and once else -1
        note_at = rg.randint(1, max(1, len(evs) - 2)) if "note" in noise and once else -1
        prev = None
        count_year = 0
        for k, ev in enumerate(evs):
            if section_by_agency and (prev is None or ev["agency"] != prev["agency"]):
                rows.append(
                    dict(cells=[self.labels[ev["agency"]]], kind="skip", note="section", merge=True)
                )
            if "subtotal" in noise and prev and ev["d"].year != prev["d"].year:
                cells = [""] * width
                cells[di] = (
                    f"Total entries {prev['d'].year}: {count_year}"
                    if self.half == "a"
                    else f"Sub-total ({prev['d'].year}) = {count_year} contacts"
                )
                rows.append(dict(cells=cells, kind="skip", note="subtotal"))
                count_year = 0
            if "yearsec" in noise and (prev is None or ev["d"].year != prev["d"].year):
                rows.append(
                    dict(cells=[str(ev["d"].year)], kind="skip", note="section", merge=True)
                )
            if "monthsec" in noise and (
                prev is None or (ev["d"].year, ev["d"].month) != (prev["d"].year, prev["d"].month)
            ):
                m = ev["d"]
                txt = (
                    f"{R.MONTH[m.month - 1]} {m.year}"
                    if self.half == "a"
                    else f"-- {R.MON[m.month - 1]} {m.year} --"
                )
                rows.append(dict(cells=[txt], kind="skip", note="section", merge=True))
            if k and k % every == 0 and ("rephdr" in noise or "furn" in noise):
                if "furn" in noise:
                    pg = k // every + 1
                    txt = (
                        f"Page {pg} of {len(evs) // every + 1}" if self.half == "a" else f"- {pg} -"
                    )
                    if rg.random() < 0.4:
                        txt = (
                            "OFFICIAL-SENSITIVE"
                            if self.half == "a"
                            else "OFFICIAL SENSITIVE - do not forward"
                        )
                    rows.append(dict(cells=[txt], kind="skip", note="page furniture"))
                if "rephdr" in noise and hdr:
                    for h in hdr:
                        rows.append(dict(cells=list(h), kind="skip", note="repeated header"))
            if k == dob_at:
                cells = [""] * width
                cells[dcol] = (
                    dt.datetime.combine(self.dob, dt.time(0))
                    if p["date"] == "excel"
                    else R.date_text(self.dob, p["date"] if p["date"] != "excel" else "d/m/Y")
                )
                cells[di] = (
                    f"Date of birth - {self.child}"
                    if self.half == "a"
                    else f"DOB of subject child ({self.child} {self.surname})"
                )
                rows.append(dict(cells=cells, kind="skip", note="note"))
            if k == note_at:
                rows.append(dict(cells=[rg.choice(C.NOTES[self.half])], kind="skip", note="note"))
            if "blank" in noise and k and rg.random() < 0.12:
                rows.append(dict(cells=[], kind="skip", note="blank row"))
            rows.extend(self.record(ev, roles, agency_in_row))
            prev = ev
            count_year += 1
        if "footer" in noise:
            if rg.random() < 0.5:
                rows.append(dict(cells=[], kind="skip", note="blank row"))
            txt = (
                rg.choice(
                    [
                        "End of chronology",
                        "*** END ***",
                        f"Signed: {self.mother[:2]}. Orrin  Date: {R.date_text(self.end, 'd/m/Y')}",
                    ]
                )
                if self.half == "a"
                else rg.choice(
                    [
                        "-- end of report --",
                        f"Printed {R.date_text(self.end + dt.timedelta(days=20), 'd/m/Y')} 10:14 by system",
                        "Total records: " + str(len(evs)),
                    ]
                )
            )
            rows.append(dict(cells=[txt], kind="skip", note="footer"))
        return rows

    # --------------------------------------------------------------- the file
    def agencies_for(self):
        p, rg = self.plan, self.rng
        allag = list(C.TEXTS)
        if p["agency"] in ("col", "section", "sheets"):
            return rg.sample(allag, rg.randint(3, 6))
        if p["agency"] == "system":
            sysname, ag = rg.choice(C.SYSTEMS[self.half])
            self.system = sysname
            return [ag]
        return [rg.choice(allag)]

    def roles(self):
        p, rg = self.plan, self.rng
        roles = list(rg.choice(COLSETS[self.half]))
        if p["time"] == "dta" and "dta" not in roles:
            i = roles.index("date")
            roles[i] = "dta"
            roles = [r for r in roles if r not in ("time", "author")]
        if p["time"] != "dta" and "dta" in roles:
            roles[roles.index("dta")] = "date"
            if p["time"] in ("col", "xltime"):
                roles.insert(roles.index("date") + 1, "time")
        if p["time"] not in ("col", "xltime"):
            roles = [r for r in roles if r != "time"]
        elif "time" not in roles:
            roles.insert(roles.index("date") + 1, "time")
        if "entered" in p["noise"] and "entered" not in roles:
            dc = roles.index("date") if "date" in roles else roles.index("dta")
            roles.insert(dc if rg.random() < 0.5 else len(roles), "entered")
        if p["agency"] in ("col", "rows"):
            roles.insert(rg.choice([0, 1, len(roles)]), "agency")
        return roles

    def name(self, agencies):
        p, h, rg = self.plan, self.half, self.rng
        ext = {"diary": "docx"}.get(p["fmt"], p["fmt"])
        lab = self.labels[agencies[0]]
        slug = re.sub(r"[^A-Za-z0-9]+", "_", lab).strip("_")
        if p["agency"] == "fname":
            base = (
                f"{slug.lower()}_chronology"
                if h == "a"
                else f"Chronology - {re.sub('[^A-Za-z0-9 -]', '', lab)}"
            )
        elif p["agency"] == "system":
            base = (
                f"{self.system.lower().replace(' ', '')}_export"
                if h == "a"
                else f"{self.system} extract"
            )
        elif p["agency"] in ("col", "section", "sheets"):
            base = (
                rg.choice(["integrated_chronology", "merged_timeline", "multiagency"])
                if h == "a"
                else rg.choice(
                    ["Combined chronology", "LR return (all agencies)", "Panel timeline"]
                )
            )
        else:
            base = (
                rg.choice(["chronology", "lr_submission", "timeline_v2"])
                if h == "a"
                else rg.choice(["Agency return", "Review submission FINAL", "Case timeline"])
            )
        return f"{h}{self.idx:02d}_{base}" if h == "a" else f"{self.idx:02d} {base}", ext

    def build(self):
        """containers: list of dict(name, rows, kind='sheet'|'table'|'paragraphs'|'cover')"""
        p, rg = self.plan, self.rng
        agencies = self.agencies_for()
        n = rg.randint(12, 26)
        evs = self.events(agencies, n)
        if p["fmt"] == "diary":
            return agencies, self.build_diary(evs, agencies)
        roles = self.roles()
        self.used_roles = roles
        mode = p["agency"]
        single = agencies[0]
        agency_line = None
        if mode == "title":
            agency_line = self.labels[single]
        elif mode == "system":
            agency_line = (
                f"{self.system} (extract)" if self.half == "a" else f"{self.system} case notes"
            )
        title = self.title_rows(agency_line) if p["title"] or mode in ("title", "system") else []
        if mode == "system" and not (p["title"] or rg.random() < 0.5):
            title = []
        conts = []
        if p["fmt"] in SPREAD and "cover" in p["noise"]:
            cover = [dict(cells=r, kind="title") for r in self.title_rows(agency_line)]
            cover.append(
                dict(cells=["Please see the next sheet for the chronology."], kind="title")
            )
            conts.append(dict(name=rg.choice(COVER[self.half]), rows=cover, kind="cover"))
            title = []
        if mode == "sheets":
            for ag in agencies:
                sub = [e for e in evs if e["agency"] == ag]
                if not sub:
                    continue
                nm = re.sub(r"[\[\]:*?/\\]", "", self.labels[ag])[:28]
                conts.append(
                    dict(name=nm, rows=self.table_rows(sub, roles, False, []), kind="sheet")
                )
        else:
            if mode == "section":
                evs.sort(key=lambda e: (agencies.index(e["agency"]), e["d"]))
            sheet = (
                self.labels[single][:28] if mode == "sheet" else rg.choice(SHEETNAMES[self.half])
            )
            sheet = re.sub(r"[\[\]:*?/\\]", "", sheet)
            rows = self.table_rows(evs, roles, mode in ("col", "rows"), title, mode == "section")
            if p["fmt"] == "docx" and mode == "section":
                return agencies, self.docx_sections(evs, roles, agencies, title)
            if p.get("sephint"):  # Excel's hint line naming the delimiter
                rows.insert(0, dict(cells=[f"sep={p['csv'][1]}"], kind="title", raw=True))
            conts.append(dict(name=sheet, rows=rows, kind="sheet"))
        if p.get("offset"):  # the table starts in column B or C
            k = 1 if self.half == "a" else 2
            for c in conts:
                for r in c["rows"]:
                    if r["cells"] and not r.get("merge"):
                        r["cells"] = [""] * k + list(r["cells"])
        if p["fmt"] in SPREAD and "abbrev" in p["noise"]:
            ab = [dict(cells=["Abbreviation", "Meaning"], kind="title")]
            ab += [dict(cells=list(x), kind="title") for x in ABBREV_ROWS]
            conts.append(dict(name=ABBREV[self.half], rows=ab, kind="cover"))
        return agencies, conts

    def docx_sections(self, evs, roles, agencies, title):
        """a Word document with a heading and a table per agency"""
        blocks = [
            (
                "para",
                "Multi-agency chronology" if self.half == "a" else "Combined agency timeline",
                "Title",
            )
        ]
        for t in title:
            blocks.append(("para", " ".join(str(x) for x in t), None))
        for ag in agencies:
            sub = [e for e in evs if e["agency"] == ag]
            if not sub:
                continue
            blocks.append(("para", self.labels[ag], "Heading 1"))
            blocks.append(("table", self.table_rows(sub, roles, False, [])))
        return blocks

    # ------------------------------------------------------------ diaries
    def build_diary(self, evs, agencies):
        p, rg, h = self.plan, self.rng, self.half
        st = p["diary"]
        rows = []
        rows.append(
            dict(cells=["Chronology" if h == "a" else "Case diary"], kind="title", style="Title")
        )
        if p["agency"] in ("title", "system"):
            line = (
                self.labels[agencies[0]]
                if p["agency"] == "title"
                else f"Extracted from {self.system}"
            )
            rows.append(
                dict(cells=[("Agency: " if h == "a" else "Service - ") + line], kind="title")
            )
        rows.append(
            dict(
                cells=[
                    f"Child: {self.child} {self.surname}   DOB: {R.date_text(self.dob, 'd/m/Y')}"
                ],
                kind="title",
            )
        )
        rows.append(dict(cells=[""], kind="title"))
        joiner = "\n" if rg.random() < 0.5 else "   "  # blocks1: line breaks or spaces
        section = p["agency"] == "section"
        if section:
            evs.sort(key=lambda e: (agencies.index(e["agency"]), e["d"]))
        prev = None
        for ev in evs:
            if section and (prev is None or ev["agency"] != prev["agency"]):
                rows.append(
                    dict(
                        cells=[self.labels[ev["agency"]]],
                        kind="skip",
                        note="section",
                        style="Heading 1",
                    )
                )
            if st == "monthly" and (
                prev is None
                or (ev["d"].year, ev["d"].month) != (prev["d"].year, prev["d"].month)
                or (section and ev["agency"] != prev["agency"])
            ):
                m = ev["d"]
                txt = (
                    f"{R.MONTH[m.month - 1]} {m.year}"
                    if h == "a"
                    else f"{R.MON[m.month - 1]} {m.year}"
                )
                rows.append(dict(cells=[txt], kind="skip", note="section", style="Heading 2"))
            prev = ev
            desc = ev["desc"]
            conts = []
            if "cont" in p["noise"] and rg.random() < 0.3:
                desc, conts = self.split(desc)
            t = ev["t"] if p["time"] != "none" else None
            if st == "monthly":
                d = ev["d"]
                dd = R.ordinal(d.day) if h == "a" else f"{R.DOW[d.weekday()]} {d.day}"
                ttext = R.time_text(t, p["tstyle"]) if t else ""
                lead = (
                    f"{dd}{', ' + ttext if ttext else ''} - "
                    if h == "a"
                    else f"{dd}{' ' + ttext if ttext else ''}: "
                )
                start, prec, tt = d, "day", t
            else:
                kind = (
                    rg.choice(p["partial_kinds"])
                    if p["partial"] and rg.random() < p["partial"]
                    else None
                )
                if kind:
                    dtext, start, prec = R.partial(ev["d"], kind, rg, h, p["date"])
                    t = None
                else:
                    dtext, start, prec = R.date_text(ev["d"], p["date"]), ev["d"], "day"
                ttext = R.time_text(t, p["tstyle"]) if t else ""
                tt = t
                if st == "dated":
                    lead = f"{dtext}{' ' + ttext if ttext else ''} " + ("- " if h == "a" else "– ")
                elif st == "blocks1":
                    parts = [f"Date: {dtext}"] + ([f"Time: {ttext}"] if ttext or h == "a" else [])
                    lead = joiner.join(parts) + joiner + ("Entry: " if h == "a" else "Details: ")
                else:  # blocks3: one paragraph a field
                    lead = None
            truth = dict(
                date=start.isoformat(),
                precision=prec,
                time=tt.strftime("%H:%M") if tt else "",
                agency=ev["agency"],
                desc40=desc[:40],
            )
            if st == "blocks3":
                first = len(rows) + 1
                rows.append(dict(cells=[f"Date: {dtext}"], kind="record", truth=truth))
                if ttext:
                    rows.append(dict(cells=[f"Time: {ttext}"], kind="continuation", parent=first))
                rows.append(
                    dict(
                        cells=[("Entry: " if h == "a" else "Recording: ") + desc],
                        kind="continuation",
                        parent=first,
                    )
                )
                for c in conts:
                    rows.append(dict(cells=[c], kind="continuation", parent=first))
                rows.append(
                    dict(
                        cells=[("By: " if h == "a" else "Author - ") + ev["author"]],
                        kind="continuation",
                        parent=first,
                    )
                )
                rows.append(dict(cells=[""], kind="skip", note="blank row"))
                continue
            rows.append(dict(cells=[lead + desc], kind="record", truth=truth))
            for c in conts:
                rows.append(dict(cells=[c], kind="continuation"))
            if "blank" in p["noise"] and rg.random() < 0.25:
                rows.append(dict(cells=[""], kind="skip", note="blank row"))
        if "footer" in p["noise"]:
            rows.append(
                dict(
                    cells=["End of entries" if h == "a" else "[end of document]"],
                    kind="skip",
                    note="footer",
                )
            )
        return [dict(name="paragraphs", rows=rows, kind="paragraphs")]


# ------------------------------------------------------------------ plans
FMT_COUNTS = [("xlsx", 9), ("xls", 5), ("ods", 5), ("csv", 14), ("docx", 7), ("diary", 5)]
CSV_VARIANTS = {
    "a": [
        ("utf-8", ","),
        ("utf-8-sig", ","),
        ("cp1252", ","),
        ("utf-16", "\t"),
        ("utf-8", ";"),
        ("cp1252", ";"),
        ("utf-8", "|"),
        ("utf-8-sig", "\t"),
        ("utf-8", ","),
        ("cp1252", "\t"),
        ("utf-8-sig", ";"),
        ("utf-16", ","),
        ("utf-8", "\t"),
        ("cp1252", "|"),
    ],
    "b": [
        ("cp1252", ","),
        ("utf-16", "\t"),
        ("utf-8-sig", ";"),
        ("utf-8", "|"),
        ("utf-8", ","),
        ("cp1252", ";"),
        ("utf-8-sig", ","),
        ("utf-16", ";"),
        ("utf-8", "\t"),
        ("cp1252", "|"),
        ("utf-8-sig", "|"),
        ("utf-8", ";"),
        ("cp1252", "\t"),
        ("utf-8-sig", "\t"),
    ],
}
DATES = {
    "a": ["d/m/Y", "j.n.y", "d-M-y", "jS F Y", "D j M Y", "d/m/y", "j/n/Y", "m/d/Y"],
    "b": [
        "d.m.Y",
        "d-M-Y",
        "l jS F Y",
        "j F Y",
        "j M y",
        "Y-m-d",
        "d-m-Y",
        "n/j/Y",
        "Ymd",
        "d/m/Y",
    ],
}
TSTYLES = {
    "a": ["H:M", "HMhrs", "h.Mpm", "@HM", "HM"],
    "b": ["H:M", "HM hrs", "h:M PM", "H.M", "H:M:S", "HMhrs"],
}
AG_MODES = ["title", "col", "fname", "section", "sheet", "system", "sheets", "rows"]
HEADERS = ["one", "two", "none", "colN", "one", "units"]
TIMES = ["col", "date", "desc", "dta", "none", "col"]
NOISE = [
    "blank",
    "cont",
    "rephdr",
    "furn",
    "note",
    "dob",
    "subtotal",
    "footer",
    "monthsec",
    "yearsec",
    "multiline",
    "entered",
    "cover",
    "abbrev",
]
PARTIALS = ["month", "season", "week", "year", "approx", "range"]
DIARIES = ["dated", "monthly", "blocks1", "blocks3", "dated"]


def make_plans(half, rng):
    plans = []
    i = 0
    off = 0 if half == "a" else 3
    for fmt, count in FMT_COUNTS:
        for k in range(count):
            p = dict(fmt=fmt)
            mode = AG_MODES[(i * 3 + off) % len(AG_MODES)]
            if mode in ("sheet", "sheets") and fmt not in SPREAD:
                mode = "fname" if k % 2 else "col"
            if fmt == "diary" and mode in ("col", "rows"):
                mode = "section" if k % 2 else "title"
            p["agency"] = mode
            p["header"] = HEADERS[(i + off) % len(HEADERS)]
            p["time"] = TIMES[(i * 5 + off) % len(TIMES)]
            ds = DATES[half]
            p["date"] = ds[(i * 7 + off) % len(ds)]
            if fmt in SPREAD and rng.random() < 0.6:
                p["date"] = "excel"
                p["time"] = rng.choice(["xltime", "xldt", "col", "desc", "none"])
            if p["date"] in R.MONTH_FIRST and fmt not in ("csv", "xls"):
                p["date"] = ds[0]
            if p["date"] == "Ymd" and fmt != "csv":
                p["date"] = ds[0]
            p["tstyle"] = TSTYLES[half][(i * 3 + off) % len(TSTYLES[half])]
            p["approx_time"] = rng.choice([0, 0, 0.15])
            p["partial"] = rng.choice([0, 0.1, 0.15, 0.2])
            kinds = rng.sample(PARTIALS, rng.randint(2, 4))
            if p["date"] in R.MONTH_FIRST:
                kinds = ["month", "year"]
            p["partial_kinds"] = kinds
            if p["date"] == "Ymd":  # a system's export: full dates only
                p["partial"] = 0
            nz = {NOISE[(i + j * 5 + off) % len(NOISE)] for j in range(rng.randint(2, 5))}
            if fmt == "csv":
                nz.discard("cover")
                nz.discard("abbrev")
            if "multiline" in nz:
                nz.discard("cont")
            if "monthsec" in nz:
                nz.discard("yearsec")
            p["noise"] = sorted(nz)
            p["title"] = rng.random() < 0.6
            p["offset"] = fmt in SPREAD and rng.random() < 0.3
            p["sephint"] = fmt == "csv" and half == "b" and rng.random() < 0.3
            if fmt == "csv":
                p["csv"] = CSV_VARIANTS[half][k]
            if fmt == "diary":
                p["diary"] = DIARIES[k]
                p["time"] = "desc"
                if p["date"] in R.MONTH_FIRST:
                    p["date"] = "d/m/Y"
                    p["partial_kinds"] = rng.sample(PARTIALS, 3)
            plans.append(p)
            i += 1
    return plans


def signature(p, conts, roles):
    s = [p["fmt"]]
    if p["fmt"] == "csv":
        enc, dl = p["csv"]
        s.append(f"{enc}/{ {',': 'comma', ';': 'semicolon', chr(9): 'tab', '|': 'pipe'}[dl] }")
    if p["fmt"] == "diary":
        s.append(f"diary={p['diary']}")
    s.append(f"agency={p['agency']}")
    s.append("containers=" + "+".join(c["name"] for c in conts))
    if roles:
        s.append(f"hdr={p['header']}")
        s.append("cols=" + ",".join(roles))
    s.append(f"date={p['date']}")
    s.append(f"time={p['time']}:{p['tstyle']}")
    if p["partial"]:
        s.append("partial=" + ",".join(p["partial_kinds"]))
    if p["noise"]:
        s.append("noise=" + ",".join(p["noise"]))
    if p.get("offset"):
        s.append("offset-columns")
    if p.get("sephint"):
        s.append("sep-line")
    return ";".join(s)


def write_file(path, fmt, plan, conts):
    if fmt == "xlsx":
        W.write_xlsx(path, conts)
    elif fmt == "xls":
        W.write_xls(path, conts)
    elif fmt == "ods":
        W.write_ods(path, conts)
    elif fmt == "csv":
        enc, dl = plan["csv"]
        W.write_csv(path, conts[0]["rows"], enc, dl)
    elif plan["fmt"] == "diary":
        blocks = [("para", str(r["cells"][0]), r.get("style")) for r in conts[0]["rows"]]
        W.write_docx(path, blocks)
    else:
        W.write_docx(path, conts, header_text="OFFICIAL-SENSITIVE" if plan["title"] else None)


def truth_rows(conts, fmt):
    out = []
    for c in conts:
        if c["kind"] == "cover":
            continue
        sheet = "" if fmt == "csv" else c["name"]
        last_rec = None
        for i, r in enumerate(c["rows"], start=1):
            k = r["kind"]
            if k in ("title", "header"):
                continue
            row = dict(
                sheet=sheet,
                row=i,
                kind=k,
                date="",
                precision="",
                time="",
                agency="",
                desc40="",
                note=r.get("note", ""),
            )
            if k == "record":
                row.update(r["truth"])
                last_rec = i
            elif k == "continuation":
                row["note"] = f"continuation of row {r.get('parent') or last_rec}"
            out.append(row)
    return out


def docx_containers(blocks):
    """number the tables of a Word document: 'table N' for every table, title tables too"""
    conts, n = [], 0
    for b in blocks:
        if b[0] == "table":
            n += 1
            conts.append(dict(name=f"table {n}", rows=b[1], kind="table"))
    return conts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=4)
    a = ap.parse_args()
    manifest = []
    for half in ("a", "b"):
        rng = random.Random(f"{a.seed}-{half}")
        d = os.path.join(a.out, half)
        os.makedirs(d, exist_ok=True)
        for idx, plan in enumerate(make_plans(half, rng), start=1):
            fm = FileMaker(half, idx, plan, random.Random(f"{a.seed}-{half}-{idx}"))
            agencies, built = fm.build()
            stem, ext = fm.name(agencies)
            path = os.path.join(d, f"{stem}.{ext}")
            roles = getattr(fm, "used_roles", None)
            if plan["fmt"] == "docx":
                if built and isinstance(built[0], tuple):
                    blocks = built
                else:
                    blocks = []
                    title = [r for r in built[0]["rows"] if r["kind"] == "title" and r["cells"]]
                    data = [r for r in built[0]["rows"] if r["kind"] != "title"]
                    if title and fm.rng.random() < 0.5:
                        kv = [dict(cells=(r["cells"] + [""])[:2], kind="title") for r in title]
                        blocks.append(("table", kv))
                    else:
                        for r in title:
                            blocks.append(("para", " ".join(str(x) for x in r["cells"]), None))
                    if fm.rng.random() < 0.4:
                        head = "Chronology - " + (
                            fm.labels[agencies[0]] if plan["agency"] != "col" else "all agencies"
                        )
                        data.insert(0, dict(cells=[head], kind="title", merge=True))
                    blocks.append(("table", data))
                write_file(path, "docx", plan, blocks)
                conts = docx_containers(blocks)
            else:
                conts = built
                write_file(path, ext if plan["fmt"] != "diary" else "diary", plan, conts)
            truth = truth_rows(conts, plan["fmt"])
            with open(
                os.path.join(d, f"{stem}.truth.csv"), "w", encoding="utf-8", newline=""
            ) as fh:
                w = csv.DictWriter(fh, fieldnames=TRUTH_COLS)
                w.writeheader()
                w.writerows(truth)
            manifest.append(
                dict(
                    half=half,
                    file=f"{stem}.{ext}",
                    format=plan["fmt"] if plan["fmt"] != "diary" else "docx (paragraphs)",
                    agencies="; ".join(sorted(agencies)),
                    records=sum(1 for t in truth if t["kind"] == "record"),
                    layout=signature(plan, conts, roles),
                )
            )
    with open(os.path.join(a.out, "manifest.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(manifest[0]))
        w.writeheader()
        w.writerows(manifest)
    print(f"wrote {len(manifest)} files under {a.out}")


if __name__ == "__main__":
    main()
