"""Turn a file spec and its entries into sheets/tables of Rows (title, header, body, footer)."""

import datetime as dt

from content import ABBREV, labels, surname
from render import DASH, NO_TIME, day_text, time_text
from writers import Row


class L:
    """one file's layout: roles of the columns, their headers, how dates and times read"""

    def __init__(self, spec, rng, pool):
        self.spec = spec
        self.rng = rng
        self.roles = spec["roles"].split()
        H = spec.get("H")
        self.headers = H.split("|") if H else [rng.choice(pool[r]) for r in self.roles]
        self.ds = spec.get("ds", "dmy4").split()
        self.ts = spec.get("ts", "colon").split()
        self.tin = spec.get("tin", "").split()  # time written at the start of the text
        self.feats = set(spec.get("f", "").split())
        self.hand = spec.get("hand", True)  # typed by a practitioner (varied forms)
        self.sep = spec.get("sep", " ")
        self.outsep = spec.get("outsep", "\nOutcome: ")

    def pick(self, xs):
        return xs[0] if not self.hand else self.rng.choice(xs)

    def date(self, e, with_time):
        if e.partial_text:
            return e.partial_text
        if self.ds[0] == "cell":
            if with_time and e.t:
                return dt.datetime.combine(e.d, e.t)
            return dt.datetime.combine(e.d, dt.time()) if self.spec.get("dtcell") else e.d
        if self.ds[0] == "serial":
            from writers import serial

            v = dt.datetime.combine(e.d, e.t) if (with_time and e.t) else e.d
            return serial(v)
        s = day_text(e.d, self.pick(self.ds))
        if with_time and e.t:
            s += self.sep + time_text(e.t, self.pick(self.ts))
        return s

    def time(self, e):
        if e.t is None:
            return self.rng.choice(NO_TIME) if self.hand else ""
        if self.ts[0] == "cell":
            return e.t
        return time_text(e.t, self.pick(self.ts))

    def text(self, e):
        t = e.text
        if self.tin and e.t:
            t = time_text(e.t, self.pick(self.tin)) + self.rng.choice([DASH, " ", ": ", " - "]) + t
        return t

    def cell(self, role, e):
        r = self.rng
        if role == "date":
            return self.date(e, False)
        if role == "dt":
            return self.date(e, True)
        if role == "time":
            return self.time(e)
        if role == "text":
            return self.text(e)
        if role == "textout":
            return self.text(e) + self.outsep + e.outcome
        if role == "out":
            return e.outcome
        if role == "who":
            return e.who
        if role == "type":
            return e.etype
        if role == "agency":
            return e.label
        if role == "ref":
            return f"{r.choice(['', 'C', 'OC/', 'R-'])}{r.randint(10000, 999999)}"
        if role == "recorded":
            if e.prec != "day":
                return ""
            rd = e.d + dt.timedelta(days=r.choice([0, 0, 1, 2, 5]))
            return (
                rd
                if self.ds[0] == "cell"
                else day_text(rd, self.ds[0] if self.ds[0] not in ("serial",) else "dmy4")
            )
        if role == "impact":
            return r.choice(
                [
                    "",
                    "",
                    "Risk of harm increased",
                    "Basic care needs not met",
                    "Child exposed to DA",
                    "Protective factor",
                    "Missed opportunity",
                ]
            )
        if role == "comment":
            return r.choice(
                [
                    "",
                    "",
                    "",
                    "See also CSC record",
                    "Not shared with other agencies at the time",
                    "Good practice",
                ]
            )
        if role == "child":
            return self.spec["_child"]
        if role == "status":
            return r.choice(["Closed", "Closed", "Open", "Actioned"])
        if role == "id":
            return str(r.randint(1000000, 9999999))
        if role == "cat":
            return r.choice(
                [
                    "Safeguarding; Neglect",
                    "Attendance",
                    "Domestic abuse",
                    "Wellbeing",
                    "Safeguarding; Physical",
                ]
            )
        if role == "blank":
            return ""
        raise KeyError(role)


def header_rows(lay):
    mode = lay.spec.get("hdr", "normal")
    n = len(lay.roles)
    if mode == "none":
        return [], None
    if mode == "colN":
        h = [f"{lay.spec.get('colword', 'Column')} {i + 1}" for i in range(n)]
        return [Row(h, bold=True)], h
    if mode == "two":
        top = [""] * n
        groups = {
            "date": "When",
            "time": "When",
            "dt": "When",
            "text": "What happened",
            "textout": "What happened",
            "out": "What happened",
            "who": "Who",
            "agency": "Who",
            "type": "What happened",
        }
        words = lay.spec.get("groups", {})
        last = None
        for i, rl in enumerate(lay.roles):
            g = words.get(groups.get(rl, ""), groups.get(rl, ""))
            if g != last:
                top[i] = g
            last = g
        return [Row(top, bold=True), Row(lay.headers, bold=True)], lay.headers
    return [Row(lay.headers, bold=True)], lay.headers


def body_rows(lay, entries, hdr):
    rng, feats, n = lay.rng, lay.feats, len(lay.roles)
    ti = next((i for i, rl in enumerate(lay.roles) if rl in ("text", "textout")), n - 1)
    rows = []

    def put(col, txt, kind="skip", note="", parent=None, merge=False):
        c = [None] * n
        c[col] = txt
        return Row(
            c,
            kind,
            parent=parent,
            note=note,
            merge=merge,
            bold=kind == "skip" and note == "section",
        )

    if "dob" in feats:
        sp = lay.spec
        rows.append(
            put(
                ti,
                f"Subject: {sp['_child']}, date of birth {sp['_dob']:%d/%m/%Y}, NHS no. {rng.randint(400, 499)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                note="note (subject details, date of birth)",
            )
        )
        rows.append(
            put(
                ti,
                f"Sibling: {sp['_sib']}, DOB {sp['_sdob']:%d/%m/%Y}",
                note="note (sibling details, date of birth)",
            )
        )
    year, cnt, since = None, 0, 0
    page = 1
    note_at = rng.randint(2, max(3, len(entries) - 2)) if "note" in feats else -1
    for k, e in enumerate(entries):
        if "sections" in feats and e.d.year != year:
            if year is not None and "subtotal" in feats:
                rows.append(
                    put(
                        0,
                        f"{lay.spec.get('totword', 'Total entries')} {year}: {cnt}",
                        note="subtotal",
                    )
                )
            sec = lay.spec.get("secfmt", "{y}").format(y=e.d.year, y1=e.d.year + 1)
            rows.append(put(0, sec, note="section", merge="merge" in feats))
            year, cnt = e.d.year, 0
        if k == note_at:
            rows.append(
                put(
                    ti,
                    rng.choice(
                        [
                            "NB: the entries below were added from the paper file and are not in the electronic record.",
                            "Note – no records held for the period between these entries (family moved out of area).",
                            "Reviewer's note: entry below was recorded late; see author's comment.",
                        ]
                    ),
                    note="note",
                )
            )
        rec = Row([lay.cell(rl, e) for rl in lay.roles], "record", entry=e)
        rows.append(rec)
        cnt += 1
        since += 1
        for c in e.conts:
            rows.append(put(ti, c, kind="continuation", parent=rec))
        if "blank" in feats and rng.random() < 0.12:
            rows.append(Row([None] * n, "skip", note="blank row"))
        if "repeat" in feats and since >= lay.spec.get("every", 9) and k < len(entries) - 2:
            page += 1
            since = 0
            rows.append(
                put(
                    0,
                    lay.spec.get("pagefmt", "Page {p}").format(p=page, n=page + 1),
                    note="page furniture",
                )
            )
            if hdr:
                rows.append(Row(list(hdr), "skip", note="repeated header", bold=True))
    if "sections" in feats and "subtotal" in feats and year is not None:
        rows.append(
            put(0, f"{lay.spec.get('totword', 'Total entries')} {year}: {cnt}", note="subtotal")
        )
    if "footer" in feats:
        if rng.random() < 0.6:
            rows.append(Row([None] * n, "skip", note="blank row"))
        sp = lay.spec
        opts = [
            (f"{sp.get('endword', 'End of chronology')}", "footer"),
            (
                f"Completed by: {surname(rng)}, {rng.choice(['Safeguarding Lead', 'Team Manager', 'Named Nurse', 'Designated Safeguarding Lead'])}",
                "footer",
            ),
            (
                f"Signed ........................   Date: {dt.date(2023, rng.randint(1, 6), rng.randint(1, 28)):%d/%m/%Y}",
                "footer",
            ),
            (f"Total number of entries: {len(entries)}", "subtotal"),
            (
                f"Printed {dt.date(2023, rng.randint(7, 9), rng.randint(1, 28)):%d/%m/%Y} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d} by {surname(rng).lower()}",
                "page furniture",
            ),
        ]
        for txt, note in rng.sample(opts, rng.randint(1, 3)):
            rows.append(put(0, txt, note=note))
    if "furniture" in feats:
        rows.append(
            put(
                0,
                rng.choice(
                    [
                        "OFFICIAL – SENSITIVE",
                        "OFFICIAL-SENSITIVE: PERSONAL",
                        "CONFIDENTIAL – not to be shared without consent",
                    ]
                ),
                note="page furniture",
            )
        )
    while rows and rows[-1].note == "blank row":  # a trailing empty row is not in the file
        rows.pop()
    return rows


def title_rows(lay, label, cast, period):
    mode = lay.spec.get("tit", "none")
    ch = f"{cast.c} {cast.fam}"
    p0, p1 = period
    fmt = "%m/%d/%Y" if "mdy" in lay.ds[0] else "%d/%m/%Y"
    out = []
    if mode == "cell1":
        out = [[f"{label} – chronology for {ch} (DOB {cast.dob:{fmt}})"], []]
    elif mode == "cell1b":
        out = [
            [
                f"Chronology – {label}. Child: {ch}, d.o.b. {cast.dob:{fmt}}. Period {p0:{fmt}} to {p1:{fmt}}"
            ]
        ]
    elif mode == "cell2":
        out = [["Agency", label], ["Child", ch], ["Date of birth", cast.dob.strftime(fmt)], []]
    elif mode == "kv":
        out = [
            [lay.spec.get("kvtitle", "CHRONOLOGY OF SIGNIFICANT EVENTS")],
            [],
            ["Name of agency:", label],
            ["Child's name:", ch],
            ["D.O.B.:", cast.dob.strftime(fmt)],
            ["Period covered:", f"{p0:{fmt}} – {p1:{fmt}}"],
            ["Author / role:", f"{surname(lay.rng)}, safeguarding lead"],
            [],
        ]
    elif mode == "banner":
        out = [
            [f"{label.upper()}"],
            [lay.spec.get("kvtitle", "Chronology for the learning review")],
            [f"Child A: {ch}"],
            [],
        ]
    elif mode == "preamble":
        out = [
            [lay.spec.get("rptname", "Report: Case chronology export")],
            [f"Organisation: {label}"],
            [f"Run on {dt.date(2023, 6, 14):{fmt}} 10:22:51 by {surname(lay.rng).upper()}"],
            [f"Parameters: person ID {cast.ref}; from {p0:{fmt}} to {p1:{fmt}}"],
            [],
        ]
    elif mode == "preamble2":
        out = [
            [f"{label}"],
            ["Extract for child safeguarding practice review"],
            [f"Subject: {ch} ({cast.ref})"],
        ]
    n = len(lay.roles)
    rows = []
    for cells in out:
        cells = list(cells) + [None] * (n - len(cells))
        rows.append(
            Row(
                cells[: max(n, len(cells))],
                merge=(
                    mode in ("banner", "kv")
                    and len([c for c in cells if c]) == 1
                    and "merge" in lay.feats
                ),
            )
        )
    return rows


def title_mentions_agency(spec):
    return spec.get("tit", "none") in (
        "cell1",
        "cell1b",
        "cell2",
        "kv",
        "banner",
        "preamble",
        "preamble2",
    )


def abbrev_rows():
    return [Row(["Abbreviation", "Meaning"], bold=True)] + [Row([a, b]) for a, b in ABBREV]


def cover_rows(label, cast, period, lay):
    p0, p1 = period
    return [
        Row(["Learning review – agency chronology"]),
        Row([]),
        Row(["Agency", label]),
        Row(["Child", f"{cast.c} {cast.fam}"]),
        Row(["Date of birth", cast.dob.strftime("%d/%m/%Y")]),
        Row(["Sibling", f"{cast.s} {cast.fam} (DOB {cast.sdob:%d/%m/%Y})"]),
        Row(["Address", f"{cast.house} {cast.street}, {cast.town}"]),
        Row(["Review period", f"{p0:%d/%m/%Y} to {p1:%d/%m/%Y}"]),
        Row(["Prepared by", f"{surname(lay.rng)} (Safeguarding)"]),
        Row(["Date submitted", f"{dt.date(2023, 5, lay.rng.randint(1, 28)):%d/%m/%Y}"]),
    ]


__all__ = ["L", "header_rows", "body_rows", "title_rows", "abbrev_rows", "cover_rows", "labels"]
