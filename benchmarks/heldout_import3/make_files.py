#!/usr/bin/env python3
"""Third held-out set of agency chronology files, written without reading the importer.

    /work/venv-heldout3/bin/python benchmarks/heldout_import3/make_files.py --out /work/heldout3

writes DIR/a/ and DIR/b/ (each file NAME.EXT with NAME.truth.csv beside it) and
DIR/manifest.csv (one line a file: its layout signature). Deterministic per --seed.
"""

import argparse
import csv
import datetime as dt
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from content import Cast, labels, surname  # noqa: E402
from layout import (  # noqa: E402
    L,
    abbrev_rows,
    body_rows,
    cover_rows,
    header_rows,
    title_mentions_agency,
    title_rows,
)
from render import DASH, day_text, make_entries, time_text  # noqa: E402
from specs import AG, CLEAR_ROLES, HALVES, SHORT_NAMES  # noqa: E402
from writers import (  # noqa: E402
    Row,
    truth_rows,
    write_csv,
    write_docx,
    write_docx_paragraphs,
    write_ods,
    write_truth,
    write_xls,
    write_xlsx,
)


def region_label(rng, agency, cast, style):
    t = cast.town
    if style == "cy":
        cy = {
            "Children's Social Care": f"Gwasanaethau Plant / Children's Services {t}",
            "Police": f"Heddlu {t} / {t} Police",
            "GP": f"Meddygfa {t} Surgery",
            "Health Visiting": f"Ymwelwyr Iechyd / Health Visiting {t}",
            "School": cast.school,
            "Hospital": f"Ysbyty {t} Hospital",
        }
        if agency in cy:
            return cy[agency]
    if style == "sc":
        sc = {
            "Children's Social Care": f"{t} Council Social Work Services",
            "Police": f"Police – {t} Division",
            "Health Visiting": f"Health Visitor, {t} Health Board",
            "Hospital": f"{cast.hosp} (Health Board)",
            "School": cast.school,
        }
        if agency in sc:
            return sc[agency]
    if style == "ni":
        ni = {
            "Children's Social Care": f"Gateway Team, {t} HSC Trust (Social Services)",
            "Police": f"Police – {t} District",
            "School": cast.school,
            "Health Visiting": f"Health Visiting, {t} HSC Trust",
        }
        if agency in ni:
            return ni[agency]
    return labels(rng, agency, cast)


def file_name(rng, half, spec, ags, cast, used):
    w = half["agword"]
    ext = spec["fmt"].replace("docxp", "docx")
    single = len(ags) == 1
    need = single and not title_mentions_agency(spec)
    ag = w[ags[0]] if single else half["multiword"]
    for _ in range(50):
        pat = rng.choice(half["names"])
        if need and "{ag}" not in pat:
            continue
        name = pat.format(
            ag=ag,
            fam=cast.fam,
            n=rng.randint(1, 40),
            v=rng.randint(1, 5),
            ymd=f"2023{rng.randint(1, 9):02d}{rng.randint(1, 28):02d}",
            case=f"{rng.choice('ABCDEFGHJKLMNPRSTW')}{rng.randint(10, 99)}",
            sys=spec.get("sysname", "caserecord"),
        )
        if name not in used:
            used.add(name)
            return name + "." + ext
    raise RuntimeError("no free file name")


def signature(spec, lay):
    return "|".join(
        [
            spec["fmt"],
            spec.get("hdr", "normal"),
            ",".join(lay.headers),
            spec.get("tit", "none"),
            " ".join(sorted(lay.feats)),
            spec.get("dp", ""),
            spec.get("ds", ""),
        ]
    )


def diary_paras(spec, lay, entries, cast, label, period):
    """a Word diary: one paragraph an entry, the date (and time) at its start"""
    rng, dp, feats = lay.rng, spec["dp"], lay.feats
    paras = [
        (Row([f"Chronology: {label}"]), "Heading 1"),
        (Row([f"Child: {cast.c} {cast.fam}   DOB: {cast.dob:%d/%m/%Y}"]), None),
        (Row([f"Period: {period[0]:%d/%m/%Y} to {period[1]:%d/%m/%Y}"]), None),
        (Row([""]), None),
    ]
    year = None
    for e in entries:
        if "sections" in feats and e.d.year != year:
            paras.append(
                (
                    Row([spec.get("secfmt", "{y}").format(y=e.d.year)], "skip", note="section"),
                    "Heading 2",
                )
            )
            year = e.d.year
        d = e.partial_text or (day_text(e.d, lay.pick(lay.ds)))
        t = time_text(e.t, lay.pick(lay.ts)) if e.t else ""
        if dp == "dash":
            pre = f"{d}{DASH}{t}{DASH}" if t else f"{d}{DASH}"
        elif dp == "colon":
            pre = f"{d} at {t}: " if t else f"{d}: "
        elif dp == "tab":
            pre = f"{d}\t{t}\t{e.who}\t"
        elif dp == "bracket":
            pre = f"[{d} {t}] " if t else f"[{d}] "
        elif dp == "paren":
            pre = f"{d} ({t}) " if t else f"{d} "
        else:  # "bold": date in bold then the text
            pre = f"{d} {t} " if t else f"{d} "
        r = Row([pre + e.text], "record", entry=e)
        if dp in ("bold", "paren"):
            r.bold_to = len(pre)
        paras.append((r, None))
        for c in e.conts:
            paras.append((Row([c], "continuation", parent=r), None))
        if "gap" in feats:
            paras.append((Row([""], "skip", note="blank row"), None))
    if "footer" in feats:
        paras.append((Row([spec.get("endword", "End of chronology")], "skip", note="footer"), None))
        paras.append(
            (
                Row(
                    [
                        f"Author: {surname(rng)}, {rng.choice(['Named Nurse', 'Team Manager', 'DSL'])}"
                    ],
                    "skip",
                    note="footer",
                ),
                None,
            )
        )
    return paras


def make_one(half, spec, rng, outdir, used):
    spec = dict(spec)
    style = spec.get("style", "en")
    cast = Cast(rng, style)
    ags = [AG[a] for a in spec["ag"].split("+")]
    labs = {a: region_label(rng, a, cast, style) for a in ags}
    if spec.get("agnames") == "short":  # the agency column says only "HV", "Police", ...
        labs = {a: rng.choice(SHORT_NAMES[a]) for a in ags}
    start = dt.date(rng.randint(2017, 2020), rng.randint(1, 12), 1)
    end = start + dt.timedelta(days=rng.randint(500, 1300))
    # the child is born before the period the chronology covers
    cast.dob = start - dt.timedelta(days=rng.randint(200, 2600))
    cast.sdob = cast.dob + dt.timedelta(days=rng.randint(400, 1500))
    n = spec.get("n") or rng.randint(9, 20)
    roles = spec["roles"].split()
    has_time = bool({"time", "dt"} & set(roles)) or bool(spec.get("tin")) or spec["fmt"] == "docxp"
    if spec["fmt"] == "docxp" and not spec.get("ts"):
        has_time = False
    month_first = spec.get("ds", "").startswith("mdy")
    hand = spec.get("hand", True)
    feats = set(spec.get("f", "").split())
    fmt0 = spec["fmt"]
    entries = make_entries(
        rng,
        cast,
        ags,
        n,
        start,
        end,
        partial=spec.get(
            "p", 0.12 if hand and spec.get("ds", "dmy4") not in ("cell", "serial") else 0.0
        ),
        time_rate=(spec.get("tr", 0.6) if has_time else 0.0),
        conts=0.22 if "cont" in feats else 0.0,
        month_first=month_first,
        welsh=style == "cy",
        style=style,
        labels=labs,
        long=0.5 if "long" in feats else 0.0,
        breaks=fmt0 in ("xlsx", "xls", "ods", "docx"),
    )
    if spec.get("ds", "").split()[0] in ("cell", "serial"):
        for e in entries:  # a date cell cannot hold "Spring 2020"
            assert e.partial_text is None or spec.get("p")
    if spec.get("clearroles"):  # an integrated file that names the practitioner, not the agency
        for e in entries:
            e.who = rng.choice(CLEAR_ROLES[e.agency]) + " " + surname(rng)
    if spec.get("newest_first"):
        entries.reverse()
    if month_first:
        # the evidence a reviewer needs: the first entry's day cannot be a month
        e0 = entries[0]
        e0.d = e0.d.replace(day=rng.randint(13, 28))
    spec["_child"], spec["_dob"] = f"{cast.c} {cast.fam}", cast.dob
    spec["_sib"], spec["_sdob"] = f"{cast.s} {cast.fam}", cast.sdob
    lay = L(spec, rng, half["headers"])
    partnership = (
        f"{cast.town} Child Protection Committee – multi-agency chronology"
        if style == "sc"
        else f"{cast.town} Safeguarding Children Partnership – integrated chronology"
    )
    label = labs[ags[0]] if len(ags) == 1 else spec.get("mlabel", partnership)
    period = (start, end)
    fname = file_name(rng, half, spec, ags, cast, used)
    path = os.path.join(outdir, fname)
    truth = []
    fmt = spec["fmt"]
    opts = {
        "xl_d": spec.get("xl_d", "dd/mm/yyyy"),
        "xl_dt": spec.get("xl_dt", "dd/mm/yyyy hh:mm"),
        "enc": spec.get("enc", "utf-8"),
        "delim": spec.get("delim", ","),
        "d_text": "%m/%d/%Y" if month_first else "%d/%m/%Y",
        "dt_text": "%m/%d/%Y %I:%M %p" if month_first else "%d/%m/%Y %H:%M",
    }
    if opts["enc"] == "latin-1":
        for e in entries:  # latin-1 has no dashes or curly quotes
            e.text = e.text.replace("–", "-").replace("’", "'")
            e.conts = [c.replace("–", "-") for c in e.conts]
            e.label = e.label.replace("–", "-")
            if e.partial_text:
                e.partial_text = e.partial_text.replace("–", "-")
        label = label.replace("–", "-")
    if fmt == "docxp":
        paras = diary_paras(spec, lay, entries, cast, label, period)
        write_docx_paragraphs(path, paras, {"page_header": spec.get("page_header")})
        truth = truth_rows("paragraphs", [r for r, _ in paras])
        return fname, truth, signature(spec, lay)
    hdr_rows, hdr = header_rows(lay)
    titles = title_rows(lay, label, cast, period)
    if fmt in ("xlsx", "xls", "ods"):
        sheets = []
        so = {
            "hidden": [i for i, r in enumerate(lay.roles) if r in spec.get("hide", "").split()],
            "freeze": spec.get("freeze"),
        }
        if "cover" in feats:
            sheets.append(
                (spec.get("cover_name", half["cover"]), cover_rows(label, cast, period, lay), {})
            )
        if "peryear" in feats:
            years = sorted({e.d.year for e in entries})
            for k, y in enumerate(years):
                rows = (
                    (titles if k == 0 else [])
                    + hdr_rows
                    + body_rows(lay, [e for e in entries if e.d.year == y], hdr)
                )
                sheets.append((spec.get("yfmt", "{y}").format(y=y), rows, so))
        else:
            rows = titles + hdr_rows + body_rows(lay, entries, hdr)
            sheets.append((spec.get("sheet") or rng.choice(half["sheets"]), rows, so))
        if "abbrev" in feats:
            sheets.append((spec.get("abbrev_name", half["abbrev"]), abbrev_rows(), {}))
        {"xlsx": write_xlsx, "xls": write_xls, "ods": write_ods}[fmt](path, sheets, opts)
        for name, rows, _ in sheets:
            truth += truth_rows(name, rows)
    elif fmt == "csv":
        rows = titles + hdr_rows + body_rows(lay, entries, hdr)
        for r in rows:  # an Excel "Save as CSV" pads every record to the full width
            if not r.cells:
                r.cells = [None] * len(lay.roles)
        write_csv(path, rows, opts)
        truth = truth_rows("", rows)
    elif fmt == "docx":
        parts, k = [], 0
        if spec.get("tit") == "kv":
            parts.append(("p", spec.get("kvtitle", "Agency chronology"), "Title"))
            parts.append(
                (
                    "kv",
                    [
                        ("Agency", label),
                        ("Child", f"{cast.c} {cast.fam}"),
                        ("Date of birth", f"{cast.dob:%d/%m/%Y}"),
                        ("Period under review", f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"),
                        ("Completed by", f"{surname(rng)}, safeguarding lead"),
                    ],
                )
            )
            k = 1
        else:
            for t in titles:
                txt = " ".join(str(c) for c in t.cells if c)
                parts.append(("p", txt, None))
        tt = (
            [Row([spec.get("kvtitle", f"Chronology – {label}")], merge=True, bold=True)]
            if "tabletitle" in feats
            else []
        )
        if "peryear" in feats:
            for y in sorted({e.d.year for e in entries}):
                parts.append(("p", spec.get("secfmt", "{y}").format(y=y), "Heading 2"))
                rows = hdr_rows + body_rows(lay, [e for e in entries if e.d.year == y], hdr)
                parts.append(("table", rows))
                k += 1
                truth += truth_rows(f"table {k}", rows)
        else:
            rows = tt + hdr_rows + body_rows(lay, entries, hdr)
            parts.append(("table", rows))
            k += 1
            truth += truth_rows(f"table {k}", rows)
        if spec.get("after"):
            parts.append(("p", spec["after"], None))
        write_docx(
            path,
            parts,
            {
                "page_header": spec.get("page_header"),
                "d_text": opts["d_text"],
                "dt_text": opts["dt_text"],
            },
        )
    else:
        raise ValueError(fmt)
    return fname, truth, signature(spec, lay)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=3)
    a = ap.parse_args()
    manifest = []
    for hname, half in HALVES.items():
        outdir = os.path.join(a.out, hname)
        if os.path.isdir(outdir):
            shutil.rmtree(outdir)
        os.makedirs(outdir)
        used = set()
        for i, spec in enumerate(half["specs"]):
            rng = random.Random(f"{a.seed}-{half['seed']}-{i}")
            fname, truth, sig = make_one(half, spec, rng, outdir, used)
            write_truth(os.path.join(outdir, os.path.splitext(fname)[0] + ".truth.csv"), truth)
            manifest.append((hname, fname, spec["fmt"], spec["ag"], sig))
    with open(os.path.join(a.out, "manifest.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["half", "file", "format", "agencies", "layout"])
        w.writerows(manifest)
    for hname in HALVES:
        files = [m for m in manifest if m[0] == hname]
        print(f"{hname}: {len(files)} files")
    print(f"distinct layouts: {len({m[4] for m in manifest})} of {len(manifest)} files")


if __name__ == "__main__":
    main()
