#!/usr/bin/env python
"""Write the fifth held-out set of agency chronologies, with the reviewer's truth beside each.

    make_files.py --out DIR [--seed N]      (default seed 5)

DIR/a/ and DIR/b/ (45 files each, NAME.truth.csv beside each file) and DIR/manifest.csv.
Truth columns (what benchmarks/heldout_import/evaluate.py reads):
  sheet      sheet name; "" for CSV; "table N" for Word tables (all tables counted from 1);
             "paragraphs" for a Word diary
  row        1-based: Excel row, CSV record, row in the Word table, paragraph number
  kind       record | continuation (note "continuation of row N") | skip (note says why)
  date       start of the event (ISO); precision day|week|month|season|year|approximate|range
  time       HH:MM written for the event, else empty
  agency     a key of DEFAULT_AGENCIES
  desc40     first 40 characters of the description (whitespace collapsed), after a leading time
"""

import argparse
import csv
import datetime as dt
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import writers  # noqa: E402
from content import Family, new_rng, person, text_for  # noqa: E402
from layout import Row, body_rows, collapse, header_rows, para_entries, sheet_rows  # noqa: E402
from plans import PLANS  # noqa: E402
from render import background_date, draw_entry, fmt_day  # noqa: E402
from specs import fill, short  # noqa: E402


def fmt_is_diary(spec):
    return spec["fmt"] == "paras"


def make_entries(spec, rng, fam):
    start = dt.date(spec["y0"], rng.randint(1, 12), rng.randint(1, 28))
    span = rng.randint(300, 1200)
    ags = spec["agencies"]
    weights = [rng.randint(1, 4) for _ in ags]
    out = []
    for _ in range(spec["n"]):
        day = start + dt.timedelta(days=rng.randint(0, span))
        ag = rng.choices(ags, weights)[0]
        d2 = fmt_day(
            day - dt.timedelta(days=rng.randint(3, 60)), rng.choice(["dmy", "ord", "dmy_short"])
        )
        out.append(
            draw_entry(
                rng, ag, day, spec["partial_rate"], spec["time_rate"], text_for(rng, ag, fam, d2)
            )
        )
    if spec.get("multi") == "sections":
        out.sort(key=lambda e: (ags.index(e.agency), e.date))
    else:
        out.sort(key=lambda e: e.date, reverse=spec["descending"])
    if spec.get("us"):
        # a month-first export shows itself: its first entry has a day above 12
        e = out[0]
        e.kind, e.precision, e.end = "day", "day", None
        e.date = e.date.replace(day=max(13, e.date.day))
    bg = []
    for _ in range(spec["background"]):
        d, s = background_date(rng)
        e = draw_entry(rng, ags[0], d, 0, 0, text_for(rng, ags[0], fam, "an earlier date"))
        e.extra["background"] = s
        bg.append(e)
    bg.sort(key=lambda e: e.date)
    return bg + out


def sheet_extra(spec, first=True):
    ex = dict(start_col=spec["start_col"])
    if spec.get("dfmt"):
        ex["dfmt"] = spec["dfmt"]
    if spec.get("freeze"):
        ex["freeze"] = (
            len(spec.get("title", [])) + (1 if spec.get("title") else 0) + spec["header_rows"]
        )
    return ex


def cover_rows(spec, fam, rng):
    return [
        Row([f"{spec['title'][0] if spec.get('title') else 'Chronology'}", ""], bold=True),
        Row(["", ""]),
        Row(["Agency", spec["agency_text"]]),
        Row(["Completed by", person(rng)]),
        Row(["Child", f"Child {fam.letter}"]),
        Row(["Date submitted", f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024"]),
        Row(["Version", "v" + str(rng.randint(1, 4))]),
    ]


ABBREV = [
    ("CP", "Child protection"),
    ("DNA", "Did not attend"),
    ("HV", "Health visitor"),
    ("NFA", "No further action"),
    ("SW", "Social worker"),
    ("TAF", "Team around the family"),
    ("WNB", "Was not brought"),
]


def spreadsheet_sheets(spec, entries, rng, fam):
    sheets = []
    if spec.get("cover"):
        sheets.append(
            ("Cover" if spec["half"] == "a" else "Front sheet", cover_rows(spec, fam, rng), {})
        )
    if spec.get("multi") == "sheets":
        for k, a in enumerate(spec["agencies"]):
            es = [e for e in entries if e.agency == a]
            if not es:
                continue
            sub = dict(spec, agencies=[a], title=spec["title"] if k == 0 else [])
            name = short(a, 0) if spec["half"] == "a" else f"{short(a, 0)} entries"
            sheets.append((name, sheet_rows(sub, es, rng, fam), sheet_extra(sub)))
    elif spec.get("years"):
        for k, y in enumerate(sorted({e.date.year for e in entries})):
            es = [e for e in entries if e.date.year == y]
            sub = dict(spec, title=spec["title"] if k == 0 else [])
            name = str(y) if spec["half"] == "a" else f"Year {y}"
            sheets.append((name, sheet_rows(sub, es, rng, fam), sheet_extra(sub)))
    else:
        sheets.append((spec["sheet"], sheet_rows(spec, entries, rng, fam), sheet_extra(spec)))
    if spec.get("abbrev"):
        sheets.append(
            (
                "Abbreviations" if spec["half"] == "a" else "Glossary",
                [Row(list(x)) for x in ABBREV],
                {},
            )
        )
    return sheets


def docx_blocks(spec, entries, rng, fam):
    blocks = [("p", t, "Title" if k == 0 else "") for k, t in enumerate(spec.get("title", []))]
    if spec.get("kv"):
        blocks.append(
            (
                "kv",
                [
                    ("Agency", spec["agency_text"]),
                    ("Child", f"{fam.child} {fam.sur}"),
                    ("Author", person(rng)),
                    ("Date completed", f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024"),
                ],
            )
        )
    groups = [(None, entries)]
    if spec.get("years"):
        groups = [
            (y, [e for e in entries if e.date.year == y])
            for y in sorted({e.date.year for e in entries})
        ]
    for y, es in groups:
        if y is not None:
            blocks.append(("p", str(y), "Heading 2"))
        hdr, names = header_rows(spec)
        blocks.append(("table", hdr + body_rows(spec, es, rng, fam, names)))
    for f in spec.get("footer", []):
        blocks.append(("p", f.format(n=len(entries), who=person(rng), d="14/05/2024"), ""))
    return blocks


def rows_of(fmt, built):
    if fmt in ("xlsx", "xls", "ods"):
        return [r for _, rows, _ in built for r in rows]
    if fmt == "docx":
        return [r for b in built if b[0] == "table" for r in b[1]]
    return built


def truth_rows(rows, where):
    out = []
    for r in rows:
        if not r.kind:
            continue
        sheet, rn = where[id(r)]
        if r.kind == "record":
            e = r.entry
            out.append(
                dict(
                    sheet=sheet,
                    row=rn,
                    kind="record",
                    date=e.date.isoformat(),
                    precision=e.precision,
                    time=e.time,
                    agency=e.agency,
                    desc40=collapse(r.desc)[:40].strip(),
                    note="",
                )
            )
        elif r.kind == "continuation":
            out.append(
                dict(
                    sheet=sheet,
                    row=rn,
                    kind="continuation",
                    date="",
                    precision="",
                    time="",
                    agency="",
                    desc40="",
                    note=f"continuation of row {where[id(r.parent)][1]}",
                )
            )
        else:
            out.append(
                dict(
                    sheet=sheet,
                    row=rn,
                    kind="skip",
                    date="",
                    precision="",
                    time="",
                    agency="",
                    desc40="",
                    note=r.note,
                )
            )
    return out


def build(half, k, plan, seed, outdir, taken):
    rng = new_rng(seed, half, k)
    fam = Family(rng)
    if plan["fmt"] == "paras":
        plan = dict({"time_mode": "para", "noise_rate": 0.05, "cont_rate": 0.1}, **plan)
    spec = fill(half, k, plan, rng, fam)
    if fmt_is_diary(spec) and spec["tstyle"] in ("secs", "range"):
        spec["tstyle"] = "colon"  # people writing a diary do not write seconds
    if spec["header_rows"] == 0:
        spec["noise"] = [n for n in spec["noise"] if n != "header"]
    entries = make_entries(spec, rng, fam)
    fmt = spec["fmt"]
    # the truth file is named after the stem: stems are unique within a half
    stem, ext = os.path.splitext(spec["fname"])
    n = 2
    while os.path.splitext(spec["fname"])[0].casefold() in taken:
        spec["fname"] = f"{stem} ({n}){ext}"
        n += 1
    taken.add(os.path.splitext(spec["fname"])[0].casefold())
    path = os.path.join(outdir, spec["fname"])
    if fmt in ("xlsx", "xls", "ods"):
        built = spreadsheet_sheets(spec, entries, rng, fam)
        where = getattr(writers, f"write_{fmt}")(path, built, spec)
    elif fmt == "csv":
        built = sheet_rows(spec, entries, rng, fam)
        where = writers.write_csv(path, built, spec)
    elif fmt == "docx":
        built = docx_blocks(spec, entries, rng, fam)
        where = writers.write_docx(path, built, spec)
    else:
        built = para_entries(spec, entries, rng, fam)
        where = writers.write_paras(path, built, spec)
    truth = truth_rows(rows_of(fmt, built), where)
    tpath = os.path.splitext(path)[0] + ".truth.csv"
    with open(tpath, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(
            fh, ["sheet", "row", "kind", "date", "precision", "time", "agency", "desc40", "note"]
        )
        w.writeheader()
        w.writerows(truth)
    sig = [
        fmt,
        spec.get("multi") or "single",
        "ev=" + "+".join(spec["evidence"]),
        spec["nation"],
        "time=" + spec["time_mode"],
        "d=" + spec.get("dstyle", ""),
        "hdr=" + str(spec["header_rows"]),
    ]
    for f in (
        "typed",
        "us",
        "descending",
        "years",
        "cover",
        "kv",
        "pstyle",
        "encoding",
        "delimiter",
        "system",
    ):
        if spec.get(f):
            sig.append(
                f"{f}={spec[f]!r}" if f in ("delimiter", "encoding", "pstyle", "system") else f
            )
    return dict(
        half=half,
        file=spec["fname"],
        format=fmt,
        agencies="; ".join(spec["agencies"]),
        encoding=spec.get("encoding", ""),
        delimiter=spec.get("delimiter", ""),
        date_col="" if fmt == "paras" else spec["start_col"] + spec["cols"].index("date"),
        records=sum(1 for t in truth if t["kind"] == "record"),
        truth_rows=len(truth),
        layout=" ".join(sig),
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=5)
    a = ap.parse_args()
    man = []
    for half in ("a", "b"):
        d = os.path.join(a.out, half)
        os.makedirs(d, exist_ok=True)
        names = set()
        for k, plan in enumerate(PLANS[half]):
            m = build(half, k, plan, a.seed, d, names)
            man.append(m)
            print(f"{half} {m['records']:5d} {m['file']}", flush=True)
    with open(os.path.join(a.out, "manifest.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, list(man[0]))
        w.writeheader()
        w.writerows(man)


if __name__ == "__main__":
    main()
