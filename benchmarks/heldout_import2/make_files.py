#!/usr/bin/env python
"""Second independent held-out set of agency chronology files (issue 10).

    /work/venv-heldout2/bin/python make_files.py --out /work/heldout2   # writes a/ and b/

Needs openpyxl and python-docx (xlwt too for the .xls files; without it they are left out).
Written without reading the importer, its tests, corpus, sample data or benchmarks.

Each file NAME.EXT has NAME.truth.csv beside it, one line per row that matters:
  sheet      sheet name (xlsx/xls); "" for CSV; "table N" (1-based, all tables of the
             document counted) for Word tables; "paragraphs" for a paragraphs-only document
  row        the row number a user sees: Excel row; CSV record number (1-based, a quoted
             newline does not start a new record); row within the Word table (1-based, its
             header counted); paragraph number (1-based, empty paragraphs counted)
  kind       record | continuation | skip
  date       ISO date of the event's start (records); precision says how much of it is known
  precision  day | week | month | season | year | approximate | range (evaluate.py prints
             a line of its own for it)
  time       HH:MM or empty
  agency     canonical agency (texts.CANON)
  desc40     the first 40 characters the description must start with
  note       continuation: "continuation of row N"; skip: what the row is (blank row,
             repeated header, footer, section, subtotal, note, page furniture)
Title blocks above a table's header and the header row itself are not listed.
"""

import argparse
import calendar
import csv
import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import texts  # noqa: E402
from layouts import build_file  # noqa: E402

MON = list(calendar.month_name)
MON3 = list(calendar.month_abbr)


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fmt_exact(d, style):
    return {
        "dmy4": f"{d:%d/%m/%Y}",
        "dmy2": f"{d:%d/%m/%y}",
        "dot2": f"{d.day}.{d.month}.{d:%y}",
        "dot4": f"{d:%d.%m.%Y}",
        "dash_b": f"{d:%d-%b-%y}",
        "long": f"{d.day} {MON[d.month]} {d.year}",
        "ord": f"{ordinal(d.day)} {MON[d.month]} {d.year}",
        "wk": f"{d:%a} {d:%d/%m/%Y}",
        "iso": f"{d:%Y-%m-%d}",
        "dmy_dash": f"{d:%d-%m-%Y}",
        "short_b": f"{d.day} {MON3[d.month]} {d.year}",
        "nopad": f"{d.day}/{d.month}/{d.year}",
        "mdy": f"{d:%m/%d/%Y}",
        "wklong": f"{d:%A} {ordinal(d.day)} {MON[d.month]} {d.year}",
    }[style]


def fmt_partial(rng, d, style):
    """a partial or uncertain date: (text, start, precision)"""
    kind = rng.choice(
        [
            "month",
            "month",
            "approx",
            "week",
            "range",
            "uncertain",
            "month3",
            "early",
            "season",
            "approxsfx",
            "year",
        ]
    )
    m1 = d.replace(day=1)
    if kind == "month":
        return f"{MON[d.month]} {d.year}", m1, "month"
    if kind == "month3":
        return rng.choice([f"{MON3[d.month]}-{d:%y}", f"{MON3[d.month]} {d.year}"]), m1, "month"
    if kind == "approx":
        return (
            rng.choice(
                [
                    f"approx. {MON[d.month]} {d.year}",
                    f"c. {MON[d.month]} {d.year}",
                    f"around {MON[d.month]} {d.year}",
                ]
            ),
            m1,
            "approximate",
        )
    if kind == "early":
        return f"early {MON[d.month]} {d.year}", m1, "approximate"
    if kind == "approxsfx":
        return f"{fmt_exact(d, 'dmy4')} (approx)", d, "approximate"
    if kind == "week":
        w = d - dt.timedelta(days=d.weekday())
        return (
            rng.choice(
                [
                    f"w/c {w:%d/%m/%y}",
                    f"w/c {w:%d.%m.%Y}",
                    f"week commencing {fmt_exact(w, 'long')}",
                ]
            ),
            w,
            "week",
        )
    if kind == "range":
        e = d + dt.timedelta(days=rng.randint(1, 4))
        if rng.random() < 0.5 or e.month != d.month:
            return (
                f"{fmt_exact(d, style if style not in ('mdy', 'wk', 'wklong') else 'dmy4')} - {fmt_exact(e, 'dmy4' if style in ('mdy', 'wk', 'wklong') else style)}",
                d,
                "range",
            )
        return f"between {ordinal(d.day)} and {ordinal(e.day)} {MON[d.month]} {d.year}", d, "range"
    if kind == "uncertain":
        return f"?{d:%d/%m/%Y}", d, "approximate"
    if kind == "season":
        s = {
            3: "Spring",
            4: "Spring",
            5: "Spring",
            6: "Summer",
            7: "Summer",
            8: "Summer",
            9: "Autumn",
            10: "Autumn",
            11: "Autumn",
        }.get(d.month)
        if s is None or d.month == 12:
            return f"{MON[d.month]} {d.year}", m1, "month"
        start = {"Spring": 3, "Summer": 6, "Autumn": 9}[s]
        return f"{s} {d.year}", dt.date(d.year, start, 1), "season"
    return f"{d.year}", dt.date(d.year, 1, 1), "year"


def fmt_time(t, style):
    h12 = t.hour % 12 or 12
    ap = "am" if t.hour < 12 else "pm"
    return {
        "colon": f"{t:%H:%M}",
        "hhmm": f"{t:%H%M}",
        "hrs": f"{t:%H%M}hrs",
        "ampm": f"{h12}.{t:%M}{ap}",
        "dot": f"{t:%H.%M}",
        "sec": f"{t:%H:%M:%S}",
        "ampm2": f"{h12}:{t:%M} {ap.upper()}",
        "hrs2": f"{t:%H%M} hrs",
    }[style]


def serial(d):
    return (d - dt.date(1899, 12, 30)).days


# ---------------------------------------------------------------- plans per half
AG = list(texts.CANON)
FORMATS_A = ["xlsx", "xlsx", "csv", "csv", "docx", "xlsx", "csv", "docx", "xls"]
FORMATS_B = ["csv", "xlsx", "docx", "xlsx", "csv", "docx", "xlsx", "csv", "xls"]

NAMES = {
    "a": [
        "{Kind}_chronology_{Place}_{yr}",
        "{Sys} export - {kind}",
        "LR{n} {Kind} chron v{v}",
        "{place}_{kind}_timeline",
        "Chronology {Kind} FINAL",
        "{Kind} agency chronology (Child {X})",
    ],
    "b": [
        "CSPR-{n}_{kind}",
        "{Kind} submission {yr}",
        "{sys}_{kind}_extract_{n}",
        "{Place} {Kind} record",
        "rapid review {kind} info",
        "{kind} chronology draft {v}",
        "Learning Review - {Kind} - {Place}",
    ],
}
NEUTRAL = {
    "a": ["Appendix 3 - chronology", "chronology", "Copy of chronology (2)"],
    "b": ["Response to request for information", "LR info return", "timeline_final_v2"],
}
KIND_WORD = {
    "csc": ["CSC", "social care", "Childrens Services"],
    "police": ["Police", "police", "Constabulary"],
    "hv": ["HV", "health visiting", "0-19 HV"],
    "sn": ["school nursing", "SN", "School Nurse"],
    "gp": ["GP", "GP surgery", "primary care"],
    "ed": ["ED", "A&E", "Emergency Dept"],
    "paed": ["Paediatrics", "paeds", "Childrens ward"],
    "mat": ["Maternity", "midwifery", "maternity"],
    "camhs": ["CAMHS", "camhs"],
    "amh": ["AMH", "adult mental health", "CMHT"],
    "amb": ["Ambulance", "ambulance"],
    "prob": ["Probation", "probation"],
    "yjs": ["YJS", "youth justice", "YOT"],
    "housing": ["Housing", "housing"],
    "eh": ["Early Help", "early help", "EH"],
    "school": ["School", "school", "Education"],
    "ey": ["Nursery", "early years", "EY"],
    "sm": ["substance misuse", "Drug and Alcohol", "SMS"],
    "da": ["IDVA", "DA service", "Domestic Abuse"],
    "vcs": ["voluntary sector", "VCS", "Community"],
}


def file_name(rng, half, kind, i):
    pat = NAMES[half][i % len(NAMES[half])]
    w = rng.choice(KIND_WORD[kind])
    sys_ = rng.choice(texts.SYSTEMS.get(kind, [w]))
    if "{Sys}" in pat or "{sys}" in pat:
        w = rng.choice(KIND_WORD[kind])
    s = pat.format(
        Kind=w,
        kind=w.lower() if half == "b" else w,
        Place=texts.place(rng),
        place=texts.place(rng).lower(),
        yr=rng.choice([2022, 2023, 2024]),
        Sys=sys_,
        sys=sys_.replace(" ", "").lower(),
        n=rng.randint(10, 99),
        v=rng.randint(1, 4),
        X=rng.choice("ABCDFGHJKLMNPRSTW"),
    )
    return s.replace("/", "-")


def plans(half):
    """list of (kind, fmt, n, opts) for one half; each half its own seed and mix"""
    rng = random.Random(7310 if half == "a" else 9462)
    fm = FORMATS_A if half == "a" else FORMATS_B
    out = []
    ags = AG[:] + [
        "csc",
        "police",
        "hv",
        "gp",
        "school",
        "ed",
        "csc",
        "police",
        "camhs",
        "eh",
        "housing",
        "prob",
        "da",
        "mat",
        "school",
        "sn",
        "amb",
        "ey",
        "sm",
        "yjs",
        "csc",
        "police",
        "gp",
        "amh",
        "vcs",
    ]
    rng.shuffle(ags)
    for i, kind in enumerate(ags[:44]):
        fmt = fm[i % len(fm)]
        n = rng.choice([8, 12, 15, 20, 25, 30, 40, 50, 60, 80, 120, 150, 200, 300])
        out.append((kind, fmt, n, {}))
    # the big ones, the odd ones
    big = (
        [("police", "csv", 3000, {"big": 1}), ("csc", "xlsx", 2200, {"big": 1})]
        if half == "a"
        else [("csc", "csv", 2800, {"big": 1}), ("gp", "xlsx", 1600, {"big": 1})]
    )
    for j, b in enumerate(big):
        out[j * 7 + 3] = b
    special_a = [
        ("police", "csv", 40, {"mdy": 1}),
        ("hv", "xlsx", 30, {"noheader": 1}),
        ("school", "csv", 25, {"colnames": 1}),
        ("eh", "xlsx", 60, {"multi": 1}),
        ("gp", "docx", 20, {"paragraphs": 1}),
        ("csc", "docx", 70, {"years": 1}),
        ("ed", "xlsx", 35, {"serial": 1}),
        ("police", "xlsx", 45, {"two_dates": 1}),
    ]
    special_b = [
        ("ed", "csv", 35, {"mdy": 1}),
        ("camhs", "csv", 20, {"noheader": 1}),
        ("housing", "xlsx", 30, {"colnames": 1}),
        ("csc", "docx", 50, {"multi": 1}),
        ("da", "docx", 18, {"paragraphs": 1}),
        ("police", "xlsx", 90, {"years": 1}),
        ("gp", "csv", 40, {"serial": 1}),
        ("csc", "csv", 50, {"two_dates": 1}),
    ]
    for j, s in enumerate(special_a if half == "a" else special_b):
        out[j * 5 + 1] = s
    out.append(("csc", "xlsx" if half == "a" else "docx", 40, {"neighbour": 1}))
    out[40] = (
        ("hv", "docx", 25, {"paragraphs": 1, "pstyle": "dmy4"})
        if half == "a"
        else ("eh", "docx", 30, {"paragraphs": 1, "pstyle": "dot2"})
    )
    # a neutral file name: the agency is only in the title block (xlsx, xls, docx always have one)
    for j in (8, 19, 33, 42):
        k, f, n, o = out[j]
        if f != "csv":
            out[j] = (k, f, n, dict(o, neutral=1))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/work/heldout2")
    ap.add_argument("--only", help="write only files whose name contains this")
    a = ap.parse_args()
    try:
        import xlwt  # noqa: F401

        have_xlwt = True
    except ImportError:
        have_xlwt = False
    counts = {}
    for half in ("a", "b"):
        d = os.path.join(a.out, half)
        os.makedirs(d, exist_ok=True)
        for i, (kind, fmt, n, opts) in enumerate(plans(half)):
            rng = random.Random(f"{half}-{i}-{kind}-{fmt}")
            if fmt == "xls" and not have_xlwt:
                fmt = "xlsx"
            opts = dict(opts, kind_word=rng.choice(KIND_WORD[kind]))
            if opts.get("neutral"):
                base = f"{half}{i:02d} " + rng.choice(NEUTRAL[half])
            else:
                base = f"{half}{i:02d} " + file_name(rng, half, kind, i)
            if a.only and a.only not in base:
                continue
            path = os.path.join(d, base + "." + fmt)
            truth = build_file(rng, half, kind, fmt, n, opts, path, HELP)
            with open(
                os.path.join(d, base + ".truth.csv"), "w", encoding="utf-8", newline=""
            ) as fh:
                w = csv.DictWriter(
                    fh,
                    [
                        "sheet",
                        "row",
                        "kind",
                        "date",
                        "precision",
                        "time",
                        "agency",
                        "desc40",
                        "note",
                    ],
                )
                w.writeheader()
                for t in truth:
                    w.writerow(t)
            counts[half] = counts.get(half, 0) + 1
    print("files written:", counts)


HELP = dict(fmt_exact=fmt_exact, fmt_partial=fmt_partial, fmt_time=fmt_time, serial=serial)

if __name__ == "__main__":
    main()
