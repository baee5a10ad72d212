"""The two halves: 45 files each, own header words, sheet names, file names and wordings.

A plan fixes what a file must show (format, agencies, where the agency is stated, size,
date and time habits); everything it leaves open is drawn from the file's own seed.
"""

from content import AGENCIES, NATION_DOC, agency_name, any_day, person, place, refno, surname

HEAD = {
    "a": dict(
        date=["Date", "Date of Event", "Event Date", "Date of contact", "DATE", "When"],
        time=["Time", "Time of event", "Approx time", "TIME"],
        datetime=["Date/Time", "Date & time", "Event date/time"],
        desc=[
            "Details",
            "Event details",
            "Summary of contact",
            "What happened",
            "Description of event",
            "Narrative",
        ],
        agency=["Agency", "Organisation", "Source agency", "Service"],
        author=["Author", "Worker", "Entered by", "Practitioner"],
        role=["Role", "Designation", "Job title"],
        ref=["Ref", "Reference", "Record ID", "Case ref"],
        outcome=["Outcome", "Action taken", "Outcome / action"],
        type=["Type", "Contact type", "Event type"],
        entered=["Date entered", "Recorded on", "Input date", "Created"],
        commentary=["Comments", "Analysis", "Reviewer comments", "Significance"],
        seq=["No.", "#", "Seq"],
        child=["Child", "Subject"],
    ),
    "b": dict(
        date=[
            "Date of incident",
            "Occurrence date",
            "Contact Date",
            "Dated",
            "Event",
            "Date seen",
            "Episode date",
        ],
        time=["Hrs", "Time (24hr)", "At", "Start time"],
        datetime=["Occurred", "Date and time of contact", "Timestamp (event)"],
        desc=[
            "Entry",
            "Case note",
            "Account",
            "Information",
            "Record of contact",
            "Notes/Details",
            "Content",
        ],
        agency=["Recording agency", "Provider", "Organisation name", "From"],
        author=["Recorded by", "Staff member", "Professional", "Officer"],
        role=["Position", "Staff role"],
        ref=["Our ref", "Occurrence no.", "Unique ID", "System ID"],
        outcome=["Result", "Action/Outcome", "Next steps"],
        type=["Category", "Activity", "Kind of contact"],
        entered=["Logged", "Date recorded", "Entry made", "Written up"],
        commentary=["Reflection", "Learning", "Reviewer note", "Relevance to review"],
        seq=["Line", "Item", "Entry no"],
        child=["Young person", "Name"],
    ),
}

SHEETS = {
    "a": ["Chronology", "Agency chronology", "Sheet1", "Timeline", "Data"],
    "b": ["Events", "Export", "Chronology (final)", "Report 1", "Worksheet"],
}

SYSTEMS = {
    "Children's Social Care": ["Mosaic", "Liquidlogic LCS", "Eclipse", "CareFirst"],
    "Police": ["Niche RMS", "Athena", "Storm"],
    "GP": ["EMIS Web", "SystmOne", "Vision"],
    "Health Visiting": ["SystmOne", "RiO", "PARIS"],
    "School": ["CPOMS", "MyConcern", "SIMS"],
    "Probation": ["nDelius"],
    "Mental Health": ["RiO", "Carenotes", "PARIS"],
    "Hospital": ["Lorenzo", "Cerner", "Symphony ED"],
}

FOOTERS = {
    "a": [
        "End of chronology",
        "Completed by: {who}   Signature: ________   Date: {d}",
        "Total number of entries: {n}",
        "*** END OF REPORT ***",
    ],
    "b": [
        "-- end --",
        "Author of chronology: {who}, Designated Safeguarding Lead. Dated {d}",
        "{n} record(s) listed",
        "Checked and approved by line manager {who} on {d}",
    ],
}

NOISE_ALL = ["blank", "header", "furniture", "section", "note", "subtotal"]


def short(canon, k=0):
    return AGENCIES[canon]["short"][k]


def title_lines(half, rng, spec, fam, agency_text):
    doc = rng.choice(NATION_DOC[spec["nation"]])
    ref = refno(rng, "slash")
    period = f"{any_day(rng, spec['y0'])} to {any_day(rng, spec['y0'] + 3)}"
    if half == "a":
        lines = [
            f"{doc}: Child {fam.letter}",
            f"Agency chronology{' - ' + agency_text if agency_text else ''}",
            f"Period covered: {period}",
        ]
        if rng.random() < 0.5:
            lines.append(f"Review reference {ref}")
    else:
        lines = ["CHRONOLOGY OF SIGNIFICANT EVENTS", f"{doc} ({ref})"]
        if agency_text:
            lines.append(f"Information submitted by {agency_text}")
        lines.append(
            f"Subject: {fam.child} {fam.sur} (DOB {any_day(rng, spec['y0'] - rng.randint(2, 12))})"
        )
    return lines


def preamble(half, rng, spec, agency_text):
    sysname = spec.get("system") or "Case management system"
    run = f"{any_day(rng, 2024)} {rng.randint(8, 17):02d}:{rng.randint(10, 59)}"
    lines = [
        f"{sysname} - {'Chronology Report' if half == 'a' else 'Case Notes Extract'}",
        f"{'Run date' if half == 'a' else 'Extracted on'}: {run}",
        f"{'Run by' if half == 'a' else 'User'}: {surname(rng).lower()}{rng.randint(1, 99)}",
    ]
    if agency_text:
        lines.append(f"Organisation: {agency_text}")
    lines.append(f"Parameters: Person ID = {refno(rng, 'num')}; all dates")
    return lines


def file_name(half, rng, spec, fam, ext):
    canon = spec["agencies"][0]
    named = "filename" in spec["evidence"] or ("title" in spec["evidence"] and rng.random() < 0.4)
    word = short(canon, 0) if named else None
    n4 = refno(rng, "num")[:4]
    neutral_a = [
        f"Appendix {rng.randint(1, 6)} agency return",
        f"Chronology Child {fam.letter}",
        f"agency chronology v{rng.randint(2, 5)}",
        f"LR {n4} chronology",
        "Request for information - response",
        f"{fam.letter}{rng.randint(1, 9)} chronology (redacted)",
        f"Chronology template completed {rng.randint(1, 28)}.{rng.randint(1, 12)}.24",
    ]
    neutral_b = [
        f"Report({rng.randint(1, 9)})",
        f"export_{rng.randint(100, 999)}",
        "Submission FINAL",
        f"CPR{rng.randint(10, 99)} return",
        f"Document{rng.randint(1, 4)}",
        "timeline for panel",
        f"{spec['nation']}{n4}_chron",
        f"Copy of chronology {fam.letter} ({rng.randint(2, 6)})",
    ]
    if spec.get("multi"):
        word = None
        base = rng.choice(
            [
                f"Integrated chronology Child {fam.letter}",
                "merged chronology draft",
                f"multi agency timeline v{rng.randint(1, 6)}",
            ]
            if half == "a"
            else [
                "Combined agency timeline",
                f"Panel pack {fam.letter} - all agencies",
                f"MA chronology {n4}",
            ]
        )
    elif word:
        sysw = (
            (spec.get("system") or "").split()[0]
            if spec.get("system") and rng.random() < 0.4
            else ""
        )
        stamp = "".join(reversed(any_day(rng, 2024).split("/")))  # 2024mmdd
        if half == "a":
            base = rng.choice(
                [
                    f"{word} chronology Child {fam.letter}",
                    f"{word}_chronology_{refno(rng, 'num')}",
                    f"{word} - chronology for learning review",
                ]
            ) + (f" ({sysw})" if sysw else "")
        else:
            base = rng.choice(
                [
                    f"{word.upper().replace(' ', '_')}_Extract_{stamp}",
                    f"CPR {refno(rng, 'num')[:3]} {word} timeline FINAL",
                    f"{word} submission {fam.letter}",
                ]
            )
    else:
        base = rng.choice(neutral_a if half == "a" else neutral_b)
    return f"{base}.{ext}".replace("/", "-")


def agency_text_for(rng, spec):
    canon = spec["agencies"][0]
    return agency_name(rng, canon, spec["nation"])


def fill(half, k, plan, rng, fam):
    """a full spec from a plan: every choice the plan leaves open is drawn here"""
    H = HEAD[half]
    s = dict(
        half=half,
        k=k,
        nation=rng.choice("EEEWWSSN"),
        noise_rate=0.06,
        cont_rate=0.05,
        multiline_rate=0.08,
        partial_rate=0.1,
        time_rate=0.5,
        header_rows=1,
        start_col=0,
        typed=False,
        typed_time=False,
        us=False,
        descending=False,
        background=0,
        n=rng.randint(14, 80),
        y0=rng.randint(2018, 2022),
        evidence=["title"],
        multi=None,
        noise=list(NOISE_ALL),
    )
    s.update(plan)
    fmt = s["fmt"]
    if s["multi"]:
        if "agencies" not in plan:
            pool = [a for a in AGENCIES]
            rng.shuffle(pool)
            s["agencies"] = pool[: rng.randint(3, 6)]
    elif "agencies" not in plan:
        s["agencies"] = [rng.choice(list(AGENCIES))]
    canon = s["agencies"][0]
    if "system" not in plan and canon in SYSTEMS and rng.random() < 0.5:
        s["system"] = rng.choice(SYSTEMS[canon])
    # columns
    if "cols" not in plan:
        cols = ["date"]
        if s.get("time_mode", "col") == "col":
            cols.append("time")
        extra = [
            c
            for c in ["type", "author", "role", "outcome", "ref", "entered", "commentary"]
            if rng.random() < 0.3
        ]
        cols += [c for c in extra if c in ("type",)] + ["desc"] + [c for c in extra if c != "type"]
        if rng.random() < 0.2:
            cols.insert(0, "seq")
        if s["multi"] == "column":
            cols.insert(rng.choice([1, len(cols)]), "agency")
        s["cols"] = cols
    if "time_mode" not in plan:
        s["time_mode"] = (
            "col"
            if "time" in s["cols"]
            else rng.choice(["in_date", "text_start", "none", "date_newline"])
        )
    if s["time_mode"] == "none":
        s["time_rate"] = 0
    if "tstyle" not in plan:
        s["tstyle"] = rng.choice(
            [
                "colon",
                "four",
                "hrs",
                "hrs_sp",
                "dot",
                "secs",
                "ampm_dot",
                "ampm_colon",
                "ampm_pdot",
                "approx",
                "range",
                "colon_hrs",
                "hours",
            ]
        )
    if "dstyle" not in plan:
        s["dstyle"] = rng.choice(
            [
                "dmy",
                "dmy",
                "dmy_short",
                "dmy_nopad",
                "dot",
                "dot_short",
                "dash",
                "d_mon_y2",
                "d_MON_y",
                "d_mon_y",
                "long",
                "ord",
                "wk_ord",
                "wk_short",
                "iso",
            ]
        )
    if s["us"]:
        # system exports with US regional settings: exact dates only, month first
        s["dstyle"] = plan.get("dstyle", "us_nopad")
        s["partial_rate"], s["background"] = 0, 0
    head = {}
    for r in s["cols"]:
        if r == "date" and s["time_mode"] == "in_date":
            head[r] = rng.choice(H["datetime"])
        else:
            head[r] = rng.choice(H[r])
    head.update(plan.get("head", {}))
    if s["header_rows"] >= 1 and rng.random() < 0.15:
        head = {r: v.upper() for r, v in head.items()}
    hint = {"date": " (dd/mm/yyyy)", "time": " (hh:mm)"}
    if half == "a" and rng.random() < 0.2 and not s["us"] and s["time_mode"] != "in_date":
        head = {r: v + hint.get(r, "") for r, v in head.items()}  # a template's format hints
    if half == "b" and rng.random() < 0.25:
        head = {r: v.replace(" ", "\n", 1) for r, v in head.items()}  # wrapped header cells
    s["head"] = head
    s["nk_times"] = rng.random() < 0.3
    # where the agency is stated
    at = agency_text_for(rng, s)
    s["agency_text"] = at
    ev = s["evidence"]
    if s["multi"]:
        # a merged chronology spells one agency one way, or (pasted together) two ways
        s["labels"] = {
            a: [
                agency_name(rng, a, s["nation"])
                if rng.random() < 0.5
                else rng.choice(AGENCIES[a]["short"][:2])
            ]
            for a in s["agencies"]
        }
        if rng.random() < 0.4:
            for a in s["agencies"]:
                s["labels"][a].append(rng.choice(AGENCIES[a]["short"][:2]))
        s["section_labels"] = {
            a: rng.choice(
                [
                    agency_name(rng, a, s["nation"]).upper(),
                    AGENCIES[a]["short"][0].upper(),
                    agency_name(rng, a, s["nation"]),
                ]
            )
            for a in s["agencies"]
        }
    if s.get("kvtitle"):
        # a template's front block: label cells with the answers beside them
        k = (
            ["Agency:", "Child:", "Completed by:", "Date completed:"]
            if half == "a"
            else ["Organisation", "Subject", "Author", "Date of submission"]
        )
        s["title"] = [
            rng.choice(NATION_DOC[s["nation"]]) + " - agency chronology",
            (k[0], at),
            (k[1], f"{fam.child} {fam.sur}"),
            (k[2], person(rng)),
            (k[3], f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024"),
        ]
    elif "title" not in plan:
        if s["multi"] or "title" in ev:
            s["title"] = title_lines(
                half, rng, s, fam, at if "title" in ev and not s["multi"] else ""
            )
        elif "preamble" in ev:
            s["title"] = preamble(half, rng, s, at)
        elif rng.random() < 0.6:
            s["title"] = title_lines(half, rng, s, fam, "")
        else:
            s["title"] = []
    if "footer" not in plan:
        s["footer"] = rng.sample(FOOTERS[half], rng.choice([0, 1, 1, 2]))
    if "sheet" not in plan:
        s["sheet"] = short(canon, rng.choice([0, 1])) if "sheet" in ev else rng.choice(SHEETS[half])
    ext = {"paras": "docx", "docx": "docx"}.get(fmt, fmt)
    if "fname" not in plan:
        s["fname"] = file_name(half, rng, s, fam, ext)
    if fmt == "csv":
        s.setdefault("encoding", rng.choice(["utf-8", "utf-8", "utf-8-sig", "cp1252"]))
        s.setdefault("delimiter", rng.choice([",", ",", ";", "\t"]))
    s["place"] = place(rng)
    return s
