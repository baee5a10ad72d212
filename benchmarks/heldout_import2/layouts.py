"""Table building and the writers (xlsx, xls, csv, docx) of the second held-out set."""

import datetime as dt

import texts

HEADERS = {
    "a": dict(
        date=[
            "Date",
            "Date of Event",
            "Event Date",
            "Date of contact",
            "DATE",
            "Dt",
            "Date of event (dd/mm/yyyy)",
        ],
        time=["Time", "Time of contact", "Start time", "Hrs"],
        datetime=["Date/Time", "Date & time of event", "Occurred"],
        recdate=["Date recorded", "Recorded on", "Entered Date"],
        desc=[
            "Details",
            "Summary of contact/event",
            "What happened",
            "Narrative",
            "Event details",
            "Brief description of involvement and any action taken by the agency",
        ],
        out=["Outcome", "Action taken", "Outcome / actions"],
        who=["Practitioner", "Worker", "Recorded by", "Officer"],
        typ=["Type", "Contact type", "Event type", "Category"],
        ref=["Ref", "Occurrence No.", "Case ref", "ID"],
        agency=["Agency", "Organisation", "Service"],
        id=["GUID"],
    ),
    "b": dict(
        date=[
            "When",
            "Contact Date",
            "Date of involvement",
            "Incident date",
            "Dated",
            "Day",
            "D.O.E.",
        ],
        time=["Time (24h)", "At", "Contact time", "Timed"],
        datetime=["When (date and time)", "DateTime", "Event start"],
        recdate=["Date entered", "Input date", "Created", "Record created"],
        desc=[
            "Description",
            "Information",
            "Record of contact",
            "Summary",
            "Entry",
            "Notes of contact",
            "Desc",
            "Information known to this agency about the child and family",
        ],
        out=["Result", "Next steps", "Action/Plan", "Decision"],
        who=["Staff member", "Author", "Clinician", "Professional"],
        typ=["Activity", "Nature of contact", "Reason", "Contact method"],
        ref=["Reference", "Log no", "Episode", "Unique ID"],
        agency=["Source agency", "Provider", "From"],
        id=["RowKey"],
    ),
}

ORG = {
    "csc": [
        "{P} County Council Children's Services",
        "{P} Children's Social Care",
        "City of {P} Council - Children and Families Social Work",
    ],
    "police": [
        "{P} Constabulary",
        "{P}shire Police",
        "{P} and {Q} Police - Public Protection Unit",
    ],
    "hv": [
        "{P} Community Health NHS Trust - Health Visiting",
        "0-19 Service ({P}) - Health Visiting team",
    ],
    "sn": ["School Nursing Service, {P} Healthcare NHS Trust", "{P} 5-19 School Nursing"],
    "gp": ["{S}", "{S} (GP practice)"],
    "ed": [
        "{P} General Hospital - Emergency Department",
        "{P} University Hospitals NHS Trust, Emergency Department (A&E)",
    ],
    "paed": [
        "{P} Hospitals NHS Foundation Trust - Paediatrics",
        "Children's Ward, {P} Royal Infirmary (paediatrics)",
    ],
    "mat": ["{P} Maternity Services", "Midwifery service, {P} Hospitals NHS Trust"],
    "camhs": ["{P} CAMHS", "Child and Adolescent Mental Health Service ({P})"],
    "amh": [
        "{P} Partnership NHS Trust - Adult Mental Health",
        "{P} Community Mental Health Team (adult)",
    ],
    "amb": ["{P} Ambulance Service NHS Trust", "{P} Ambulance Service"],
    "prob": ["Probation Service - {P} Probation Delivery Unit", "{P} Probation"],
    "yjs": ["{P} Youth Justice Service", "{P} Youth Offending Team"],
    "housing": ["{P} Homes (housing association)", "{P} Council Housing Services"],
    "eh": ["{P} Early Help Hub", "Family Support and Early Help, {P} Council"],
    "school": ["{SCH}"],
    "ey": ["{NUR}"],
    "sm": ["{P} Recovery Service (drug and alcohol)", "{P} Substance Misuse Service"],
    "da": ["{P} Women's Aid - IDVA Service", "{P} Domestic Abuse Service"],
    "vcs": ["Home-Start {P} (voluntary sector)", "{P} Community Trust (voluntary organisation)"],
}
TITLES = {
    "a": [
        "{org} - Chronology of involvement",
        "Agency: {org}",
        "{org}|Chronology for Learning Review: Child {X}",
        "Child Safeguarding Practice Review - Child {X}|Agency chronology: {org}",
        "Child Practice Review (Wales)|{org}",
    ],
    "b": [
        "Multi-agency learning review - information from {org}",
        "Submitted by: {org}",
        "{ORG} CHRONOLOGY",
        "Rapid review {X}{n}|Agency: {org}|Period: {p0} to {p1}",
        "Learning Review (Scotland) - {org}|Chronology of significant events",
    ],
}
HISTORY = [
    "{m} known to children's services as a child; subject of a CP plan (neglect).",
    "{m} attended A&E aged 15 after an overdose (background from records).",
    "{p} convicted of assault occasioning ABH on a former partner.",
    "{m} placed in foster care; returned home {y}.",
]
CONT = [
    "Cont'd - {m} said she would ring back after the weekend.",
    "...continued: advised to contact GP if worse.",
    "(cont) No further concerns raised at the time of the visit.",
    "and that {c} had not been to school since Tuesday.",
    "- contd - manager agreed to review on return from leave.",
]


def org_name(rng, kind, cast):
    return rng.choice(ORG[kind]).format(
        P=texts.place(rng), Q=texts.place(rng), S=cast.surgery, SCH=cast.school, NUR=cast.nursery
    )


def events(rng, kind, cast, n, start, end, times=0.5):
    """n events of one agency between start and end: dicts with d (date), t (time or
    None), typ, text, out, who"""
    span = (end - start).days
    out = []
    for _ in range(n):
        typ, text, res = rng.choice(texts.T[kind])
        d = start + dt.timedelta(days=rng.randint(0, span))
        t = (
            dt.time(rng.randint(7, 22), rng.choice([0, 5, 10, 15, 20, 30, 35, 40, 45, 50, 55]))
            if rng.random() < times
            else None
        )
        f = dict(
            c=cast.c,
            m=cast.m,
            p=cast.p,
            sib=cast.sib,
            pr=rng.choice(cast.pr),
            sch=cast.school,
            gp=cast.surgery,
            st=cast.st,
            n=rng.randint(2, 95),
            town=cast.town,
            nursery=cast.nursery,
        )
        text = text.format(**f)
        out.append(dict(d=d, t=t, typ=typ, text=text, out=res.format(**f), who=rng.choice(cast.pr)))
    out.sort(key=lambda e: (e["d"], e["t"] or dt.time(0)))
    return out


def build_file(rng, half, kind, fmt, n, o, path, H):
    cast = texts.Cast(rng)
    p0 = dt.date(rng.randint(2018, 2022), rng.randint(1, 12), 1)
    p1 = p0 + dt.timedelta(days=rng.choice([300, 500, 700, 1000]))
    kinds = [kind]
    if o.get("multi"):
        kinds = rng.sample(["police", "hv", "school", "gp", "csc", "ed", "housing", "da", "eh"], 5)
    evs = []
    share = max(2, n // len(kinds))
    for k in kinds:
        for e in events(
            rng, k, cast, share if len(kinds) > 1 else n, p0, p1, times=rng.choice([0.2, 0.5, 0.9])
        ):
            e["kind"] = k
            evs.append(e)
    if (
        kind in ("csc", "police", "gp", "hv")
        and len(kinds) == 1
        and not o.get("mdy")
        and rng.random() < 0.4
    ):
        # family background from long before the review period (two-digit years before 2000)
        for _ in range(rng.randint(2, 3)):
            d = dt.date(rng.randint(1994, 2008), rng.randint(1, 12), rng.randint(1, 28))
            txt = rng.choice(HISTORY).format(m=cast.m, p=cast.p, y=d.year)
            evs.append(dict(d=d, t=None, typ="Background", text=txt, out="", who="", kind=kind))
    evs.sort(key=lambda e: (e["d"], e["t"] or dt.time(0)))
    org = org_name(rng, kind, cast)
    if o.get("neighbour"):
        org = f"{texts.place(rng)} Council (neighbouring local authority) - Children's Services"
    orgs = {k: org_name(rng, k, cast) for k in kinds}
    big = o.get("big")
    # columns
    cols = ["date"]
    combined = rng.random() < 0.25 and not o.get("two_dates")
    if combined:
        cols = ["datetime"]
    elif rng.random() < 0.7:
        cols.append("time")
    if o.get("two_dates"):
        cols.insert(rng.choice([0, len(cols)]), "recdate")
    extra = [c for c in ["typ", "out", "who", "ref"] if rng.random() < 0.55]
    body_cols = ["desc"] + extra[:]
    if (
        o.get("multi")
        or rng.random() < 0.15
        or kind in ("school", "gp", "ey")
        and rng.random() < 0.5
    ):
        body_cols.append("agency")
    rng.shuffle(body_cols)
    cols = cols + body_cols if rng.random() < 0.75 else body_cols[:1] + cols + body_cols[1:]
    if "ref" in cols and rng.random() < 0.5:
        cols.remove("ref")
        cols.insert(0, "ref")
    hidden = fmt in ("xlsx",) and rng.random() < 0.3
    if hidden:
        cols.insert(rng.randint(1, len(cols)), "id")
    style = (
        "mdy"
        if o.get("mdy")
        else rng.choice(
            [
                "dmy4",
                "dmy2",
                "dot2",
                "dot4",
                "dash_b",
                "long",
                "ord",
                "wk",
                "iso",
                "dmy_dash",
                "short_b",
                "nopad",
                "wklong",
            ]
        )
    )
    if o.get("pstyle"):
        style = o["pstyle"]
    tstyle = rng.choice(["colon", "hhmm", "hrs", "ampm", "dot", "sec", "ampm2", "hrs2"])
    typed = fmt in ("xlsx", "xls") and rng.random() < 0.6 and not o.get("mdy")
    serial = o.get("serial")
    prate = 0 if o.get("mdy") else rng.choice([0, 0.05, 0.1, 0.15]) * (0.3 if big else 1)
    crate = rng.choice([0, 0, 0.05, 0.1])
    srate = rng.choice([0, 0.02, 0.05])
    sections = rng.random() < 0.25
    hmode = (
        "none"
        if o.get("noheader")
        else "cols"
        if o.get("colnames")
        else rng.choice(["plain"] * 5 + ["upper"])
    )
    names = {r: rng.choice(HEADERS[half][r]) for r in HEADERS[half]}
    if hmode == "upper":
        names = {r: v.upper() for r, v in names.items()}
    header = [names[c] for c in cols]
    if hmode == "cols":
        header = [(f"Column {i + 1}" if half == "a" else f"Field{i + 1}") for i in range(len(cols))]
    if hmode == "none":
        header = None
    paragraphs = o.get("paragraphs")
    qnl = fmt == "csv" and rng.random() < 0.4

    time_in_text = (
        "time" not in cols
        and "datetime" not in cols
        and rng.random() < 0.3
        and rng.choice(["hrs", "colon", "hrs2"])
    )
    nbsp = fmt == "docx" and rng.random() < 0.3

    def date_cell(e, with_time):
        d = e["d"]
        if prate and rng.random() < prate and not serial:
            txt, start, prec = H["fmt_partial"](rng, d, style)
            return txt, start, prec, False
        t = e["t"] if with_time else None
        if serial and not paragraphs:
            v = H["serial"](d) + ((t.hour * 60 + t.minute) / 1440 if t else 0)
            v = round(v, 6) if t else v
            return (v if fmt in ("xlsx", "xls") else str(v)), d, "day", bool(t)
        if typed and rng.random() < 0.9:  # a few cells typed in as text
            return (dt.datetime.combine(d, t) if t else d), d, "day", bool(t)
        txt = H["fmt_exact"](d, style)
        if t and style == "iso" and rng.random() < 0.6:
            return f"{d:%Y-%m-%d}T{t:%H:%M}:00", d, "day", True
        if t:
            tt = H["fmt_time"](t, tstyle if tstyle not in ("hhmm", "dot") else "colon")
            txt = f"{txt} {tt}" if rng.random() < 0.8 else f"{txt} at {tt}"
        return txt, d, "day", bool(t)

    body = []  # dicts: kind, cells (role -> value), truth

    def skip(note, cells):
        body.append(dict(kind="skip", cells=cells, note=note))

    year = None
    subtotals = srate and rng.random() < 0.5
    syear, scount = None, 0
    for e in evs:
        if subtotals and e["d"].year != syear:
            if scount:
                skip(
                    "subtotal",
                    {
                        "_first": rng.choice(
                            [f"Total contacts {syear}:", f"Sub-total ({syear})", f"{syear} total"]
                        ),
                        "_second": str(scount),
                    },
                )
            syear, scount = e["d"].year, 0
        scount += 1
        if sections and e["d"].year != year:
            year = e["d"].year
            skip(
                "section",
                {
                    "_first": rng.choice(
                        [f"{year}", f"--- {year} ---", f"Year {year}", f"January - December {year}"]
                    )
                },
            )
        if srate and rng.random() < srate:
            r = rng.random()
            if r < 0.4:
                skip("blank row", {})
            elif r < 0.6 and header:
                skip("repeated header", dict(zip(cols, header, strict=True)))
            elif r < 0.8:
                skip(
                    "note",
                    {
                        "_first": rng.choice(
                            [
                                "Note: entries before the review period are held on the archived paper file.",
                                "NB - some entries redacted (third party information)",
                                "Records for this period were migrated from the old system; formatting may vary.",
                            ]
                        )
                    },
                )
            else:
                skip(
                    "page furniture",
                    {"_first": f"Page {rng.randint(2, 9)} of {rng.randint(10, 12)}"},
                )
        cells = {}
        k = e["kind"]
        time_txt = ""
        if "datetime" in cols:
            v, start, prec, has_t = date_cell(e, True)
            cells["datetime"] = v
            time_txt = e["t"].strftime("%H:%M") if has_t else ""
        else:
            v, start, prec, _ = date_cell(e, False)
            cells["date"] = v
            if "time" in cols and e["t"] and prec == "day":
                tv = e["t"] if typed and rng.random() < 0.5 else H["fmt_time"](e["t"], tstyle)
                cells["time"] = tv
                time_txt = e["t"].strftime("%H:%M")
        if "recdate" in cols:
            rd = e["d"] + dt.timedelta(days=rng.choice([0, 1, 1, 2, 3, 5, 9]))
            cells["recdate"] = rd if typed else H["fmt_exact"](rd, style)
        text = e["text"]
        if time_in_text and e["t"] and prec == "day" and not time_txt:
            text = f"{H['fmt_time'](e['t'], time_in_text)} - {text}"
            time_txt = e["t"].strftime("%H:%M")
        if nbsp and isinstance(cells.get("date"), str):
            cells["date"] = cells["date"] + rng.choice(["\u00a0", " ", "  "])
        if qnl and rng.random() < 0.3 and ". " in text[45:]:
            i = text.index(". ", 45)
            text = text[: i + 1] + "\n" + text[i + 2 :]
        cells["desc"] = text
        cells["typ"], cells["out"], cells["who"] = e["typ"], e["out"], e["who"]
        cells["ref"] = f"{rng.choice(['OCC', 'C', 'EV', ''])}{rng.randint(100000, 999999)}"
        cells["agency"] = orgs[k]
        cells["id"] = f"{rng.getrandbits(48):012x}"
        body.append(
            dict(
                kind="record",
                cells=cells,
                truth=dict(
                    date=start.isoformat(),
                    precision=prec,
                    time=time_txt,
                    agency=texts.CANON[k],
                    desc40=e["text"][:40],
                ),
            )
        )
        if crate and rng.random() < crate:
            parent = body[-1]
            body.append(
                dict(
                    kind="continuation",
                    cells={"desc": rng.choice(CONT).format(m=cast.m, c=cast.c)},
                    parent=parent,
                )
            )
    footers = []
    if rng.random() < 0.6:
        footers = rng.sample(
            [
                f"End of chronology - {len(evs)} entries",
                f"Printed {p1 + dt.timedelta(days=40):%d/%m/%Y} 10:{rng.randint(10, 59)} by {cast.pr[0]}",
                "OFFICIAL - SENSITIVE",
                f"Total records: {len(evs)}",
                "Signed: ................  Designation: Safeguarding Lead",
            ],
            rng.randint(1, 2),
        )
    title = (
        rng.choice(TITLES[half])
        .format(
            org=org,
            ORG=org.upper(),
            X=rng.choice("ABCDEFGHJK"),
            n=rng.randint(1, 40),
            p0=f"{p0:%d/%m/%Y}",
            p1=f"{p1:%d/%m/%Y}",
        )
        .split("|")
    )
    spec = dict(
        cols=cols,
        header=header,
        body=body,
        footers=footers,
        title=title,
        org=org,
        cast=cast,
        typed=typed,
        hidden=hidden,
        style=style,
        tstyle=tstyle,
        years=o.get("years"),
        kind_word=o.get("kind_word", kind),
        group_header=rng.random() < 0.25
        and (("When", "What") if half == "a" else ("Event timing", "Event information")),
        half=half,
        kind=kind,
        p0=p0,
        p1=p1,
    )
    import writers

    if paragraphs:
        return writers.write_paragraphs(rng, path, spec, H)
    return getattr(writers, "write_" + fmt)(rng, path, spec, H)
