#!/usr/bin/env python
"""Check the truth of every generated file against the file as its own library reads it back.

    selfcheck.py DIR [--dump FILE]

Reads each file with openpyxl / xlrd / odfpy / csv / python-docx (not with the generator's
row lists) and checks, per truth row:
  - the row exists; a record's row (with its continuation rows) holds desc40;
  - a record's row holds its date: a typed date cell on that day, or a written form of the
    date (day-first, month-first in a month-first file, a two-digit year, a day under a
    month heading); coarse dates: the year and a word of their kind (w/c, approx, Spring...);
  - a record's time, when the truth has one, is written in the row (or is a typed time);
  - a continuation follows its record with only continuations and skips between them;
  - a blank row is blank; every non-empty row after the first listed row is listed;
  - the agency is stated: in the row, a section row above it, its sheet's name, or (for a
    one-agency file) anywhere in the file or its name;
  - truth values are well formed (ISO date, HH:MM, known precision and agency).
Exit status 1 if anything fails.
"""

import argparse
import csv
import datetime as dt
import io
import os
import re
import sys
import zipfile

AGENCY_KEYS = [
    "Children's Social Care",
    "Early Help",
    "Youth Justice",
    "Voluntary Sector",
    "Police",
    "Health Visiting",
    "School Nursing",
    "GP",
    "Hospital",
    "Midwifery",
    "School",
    "Early Years",
    "Housing",
    "Probation",
    "Ambulance",
    "Mental Health",
    "Domestic Abuse Service",
    "Substance Misuse Service",
]

# words that name each kind of agency (written here independently of the generator)
WORDS = {
    "Children's Social Care": [
        "social care",
        "social work",
        "children's services",
        "childrens services",
        "csc",
        "csd",
        "gwasanaethau",
        "gateway",
        "family intervention",
        "children and families",
        "social worker",
        "senior practitioner",
        "team manager",
        "iro",
        "duty sw",
        "sw",
    ],
    "Police": [
        "police",
        "constabulary",
        "heddlu",
        "psni",
        "ppu",
        "pc",
        "dc",
        "ds",
        "oic",
        "concern hub",
    ],
    "Health Visiting": [
        "health visiting",
        "health visitor",
        "health visitors",
        "hv",
        "flying start",
        "community nursery nurse",
    ],
    "School Nursing": [
        "school nursing",
        "school nurse",
        "school nurses",
        "school health",
        "sn",
        "school staff nurse",
    ],
    "GP": [
        "gp",
        "surgery",
        "medical practice",
        "medical centre",
        "general practice",
        "health centre",
        "dr",
        "practice nurse",
    ],
    "Hospital": [
        "hospital",
        "emergency department",
        "ed",
        "a&e",
        "paediatric",
        "infirmary",
        "triage",
    ],
    "Midwifery": ["midwife", "midwifery", "midwives", "maternity", "mw"],
    "School": [
        "school",
        "academy",
        "ysgol",
        "dsl",
        "ddsl",
        "teacher",
        "senco",
        "pastoral",
        "primary",
    ],
    "Early Years": [
        "nursery",
        "pre-school",
        "meithrin",
        "childcare",
        "early learning",
        "early years",
        "key worker",
        "room leader",
        "setting dsl",
    ],
    "Early Help": [
        "early help",
        "family help",
        "families first",
        "team around the family",
        "family support",
        "eh",
        "taf",
        "lead professional",
    ],
    "Youth Justice": [
        "youth justice",
        "youth offending",
        "yot",
        "yjs",
        "yos",
        "yj worker",
        "case manager",
    ],
    "Probation": [
        "probation",
        "ndelius",
        "justice social work",
        "justice sw",
        "pdu",
        "po",
        "pso",
        "offender manager",
    ],
    "Housing": ["housing", "homes", "homeless", "tenancy"],
    "Ambulance": ["ambulance", "paramedic", "emt", "clinical hub"],
    "Mental Health": ["camhs", "mental health", "cmht", "cpn", "psychiatrist", "care co-ordinator"],
    "Domestic Abuse Service": [
        "domestic abuse",
        "idva",
        "women's aid",
        "womens aid",
        "outreach worker",
        "refuge",
    ],
    "Substance Misuse Service": [
        "drug and alcohol",
        "substance misuse",
        "alcohol and drug",
        "recovery",
        "keyworker",
        "nurse prescriber",
    ],
    "Voluntary Sector": [
        "voluntary",
        "charity",
        "third sector",
        "family project",
        "family centre",
        "project worker",
        "young carers",
        "support worker",
        "volunteer",
    ],
}
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def norm(s):
    s = str(s or "").replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", s).strip().casefold()


def has_word(text, word):
    return re.search(r"(?<![a-z])" + re.escape(word) + r"(?![a-z])", text) is not None


# -- readers: {sheet: {row number: [cell values]}} -------------------------------------------


def read_xlsx(path):
    import openpyxl

    wb = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = {i: list(r) for i, r in enumerate(ws.iter_rows(values_only=True), 1)}
    return out


def read_xls(path):
    import xlrd

    wb = xlrd.open_workbook(path)
    out = {}
    for sh in wb.sheets():
        rows = {}
        for i in range(sh.nrows):
            vals = []
            for c in sh.row(i):
                if c.ctype == xlrd.XL_CELL_DATE:
                    v = xlrd.xldate_as_datetime(c.value, wb.datemode)
                    vals.append(v.time() if c.value < 1 else v)
                else:
                    vals.append(c.value)
            rows[i + 1] = vals
        out[sh.name] = rows
    return out


def read_ods(path):
    from odf.namespaces import OFFICENS, TABLENS
    from odf.opendocument import load
    from odf.table import Table, TableRow

    doc = load(path)
    out = {}
    for t in doc.spreadsheet.getElementsByType(Table):
        rows = {}
        n = 0
        for tr in t.getElementsByType(TableRow):
            rep = int(tr.attributes.get((TABLENS, "number-rows-repeated"), 1) or 1)
            vals = []
            for c in tr.childNodes:
                crep = int(c.attributes.get((TABLENS, "number-columns-repeated"), 1) or 1)
                vt = c.attributes.get((OFFICENS, "value-type"))
                if vt == "date":
                    s = c.attributes.get((OFFICENS, "date-value"))
                    v = dt.datetime.fromisoformat(s) if "T" in s else dt.date.fromisoformat(s)
                elif vt == "time":
                    m = re.match(r"PT(\d+)H(\d+)M", c.attributes.get((OFFICENS, "time-value")))
                    v = dt.time(int(m.group(1)), int(m.group(2)))
                else:
                    v = "\n".join(str(p) for p in c.childNodes if p.qname[1] == "p")
                vals += [v] * min(crep, 50)
            for _ in range(min(rep, 5)):
                n += 1
                rows[n] = vals
        out[t.getAttribute("name")] = rows
    return out


def read_csv(path, enc, delim):
    with open(path, "rb") as fh:
        data = fh.read()
    text = data.decode(enc)
    if text.startswith("\ufeff"):
        text = text[1:]
    rd = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    return {"": {i: r for i, r in enumerate(rd, 1)}}


def read_docx_tables(path):
    import docx

    d = docx.Document(path)
    out = {}
    for k, t in enumerate(d.tables, 1):
        rows = {}
        for i, r in enumerate(t.rows, 1):
            seen, vals = set(), []
            for c in r.cells:
                if id(c._tc) in seen:
                    continue
                seen.add(id(c._tc))
                vals.append("\n".join(p.text for p in c.paragraphs))
            rows[i] = vals
        out[f"table {k}"] = rows
    return out, "\n".join(p.text for p in d.paragraphs)


def read_paras(path):
    import docx

    d = docx.Document(path)
    return {"paragraphs": {i: [p.text] for i, p in enumerate(d.paragraphs, 1)}}, ""


# -- checks ------------------------------------------------------------------------------------


def text_of(cells):
    return " | ".join(norm(v if isinstance(v, str) else "") for v in cells if v not in (None, ""))


def typed_dates(cells):
    out = []
    for v in cells:
        if isinstance(v, dt.datetime):
            out.append(v.date())
        elif isinstance(v, dt.date):
            out.append(v)
    return out


def typed_times(cells):
    out = []
    for v in cells:
        if isinstance(v, dt.datetime) and (v.hour or v.minute) or isinstance(v, dt.time):
            out.append(f"{v.hour:02d}:{v.minute:02d}")
    return out


def suffix(n):
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def day_forms(d, us):
    y, m, dd = d.year, d.month, d.day
    mon = MONTHS[m - 1]
    f = {
        f"{dd:02d}/{m:02d}/{y}",
        f"{dd}/{m}/{y % 100:02d}",
        f"{dd}/{m}/{y}",
        f"{dd:02d}.{m:02d}.{y}",
        f"{dd}.{m}.{y % 100:02d}",
        f"{dd:02d}-{m:02d}-{y}",
        f"{dd:02d}-{mon[:3]}-{y % 100:02d}",
        f"{dd:02d}-{mon[:3]}-{y}",
        f"{dd} {mon[:3]} {y}",
        f"{dd} {mon} {y}",
        f"{d.isoformat()}",
        f"{y}{m:02d}{dd:02d}",
        f"{dd:02d}/{m:02d}/{y % 100:02d}",
    }
    suf = suffix(dd)
    f.add(f"{dd}{suf} {mon} {y}")
    wd = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][d.weekday()]
    f |= {f"{wd} {dd}{suf} {mon} {y}", f"{wd[:3]} {dd:02d}/{m:02d}/{y}"}
    if us:
        f |= {f"{m:02d}/{dd:02d}/{y}", f"{m}/{dd}/{y}", f"{m:02d}-{dd:02d}-{y}"}
    return f


def time_forms(t):
    h, m = int(t[:2]), int(t[3:])
    h12 = h % 12 or 12
    ap = "am" if h < 12 else "pm"
    return {
        f"{h:02d}:{m:02d}",
        f"{h:02d}{m:02d}",
        f"{h12}.{m:02d}{ap}",
        f"{h12}:{m:02d} {ap}",
        f"{h12}.{m:02d} {ap[0]}.m.",
        f"{h:02d}.{m:02d}",
        f"{h12}:{m:02d}:00 {ap}",
    }


KIND_WORDS = {
    "week": ["w/c", "week"],
    "season": ["spring", "summer", "autumn"],
    "approximate": ["approx", "c.", "?", "circa", "around", "early", "tbc"],
    "range": [" - ", " to ", "–", "between", "-"],
}


def check_date(t, cells, ctx_text, us):
    """cells: the date cell alone where the file has a date column, else the row"""
    d = dt.date.fromisoformat(t["date"])
    txt = text_of(cells)
    p = t["precision"]
    if p == "day" and d in typed_dates(cells):
        return True
    if p == "range":
        # a range is read from its first date
        s = re.sub(r"^(date: |on )?(between )?", "", txt)
        mon = MONTHS[d.month - 1]
        return (
            any(s.startswith(f) for f in day_forms(d, us))
            or re.match(rf"{d.day}-\d+ {mon} {d.year}", s) is not None
            or s.startswith(f"{d.day}{suffix(d.day)} {mon} {d.year}")
        )
    if p in ("day", "range", "approximate", "week") and any(f in txt for f in day_forms(d, us)):
        return p != "approximate" or any(w in txt for w in KIND_WORDS["approximate"])
    y = str(d.year)
    if p == "day":
        # a two-digit year (family history) or a day under a month heading
        if f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}" in txt:
            return True
        head = f"{MONTHS[d.month - 1]} {d.year}"
        return head in ctx_text and re.match(rf"^(\w+ )?{d.day}(st|nd|rd|th)?\b", txt) is not None
    if y not in txt and not re.search(rf"[a-z]{{3}}-{d.year % 100:02d}\b", txt):
        return False
    # coarse dates start on the 1st of their month, which the text names
    mon = MONTHS[d.month - 1]
    names_month = mon[:3] in txt or f"{d.month:02d}/{d.year}" in txt
    if p == "year":
        return (d.month, d.day) == (1, 1)
    if p == "month":
        return d.day == 1 and names_month
    if p == "season":
        return d.day == 1 and {3: "spring", 6: "summer", 9: "autumn"}.get(d.month, "-") in txt
    if p == "approximate":
        return d.day == 1 and names_month and any(w in txt for w in KIND_WORDS["approximate"])
    if p == "week":
        return d.weekday() == 0 and any(w in txt for w in KIND_WORDS["week"])
    return False


def agency_stated(canon, texts):
    return any(has_word(x, w) for x in texts for w in WORDS[canon])


def check_file(path, fmt, enc, delim, truth, date_col=None):
    errs = []
    extra_text = ""
    if fmt == "xlsx":
        book = read_xlsx(path)
    elif fmt == "xls":
        book = read_xls(path)
    elif fmt == "ods":
        book = read_ods(path)
    elif fmt == "csv":
        book = read_csv(path, enc, delim)
    elif fmt == "docx":
        book, extra_text = read_docx_tables(path)
    else:
        book, extra_text = read_paras(path)
    us = False
    name = norm(os.path.basename(path))
    all_text = (
        [name, norm(extra_text)]
        + [norm(s) for s in book]
        + [text_of(r) for rows in book.values() for r in rows.values()]
    )
    agencies = {t["agency"] for t in truth if t["kind"] == "record"}
    by_key = {(t["sheet"], t["row"]): t for t in truth}
    # month-first files: a record written mm/dd/yyyy with a day above 12 shows it
    for t in truth:
        if t["kind"] == "record" and t["precision"] == "day":
            d = dt.date.fromisoformat(t["date"])
            cells = book.get(t["sheet"], {}).get(t["row"])
            if (
                cells
                and d.day > 12
                and f"{d.month}/{d.day}/{d.year}"
                in text_of(cells).replace(f"{d.month:02d}/", f"{d.month}/")
            ):
                us = True
                break
    for t in truth:
        sh, rn = t["sheet"], t["row"]
        where = f"{sh or '-'}!{rn}"
        if sh not in book or rn not in book[sh]:
            errs.append(f"{where}: no such row")
            continue
        cells = book[sh][rn]
        txt = text_of(cells)
        if t["kind"] == "record":
            if t["agency"] not in AGENCY_KEYS:
                errs.append(f"{where}: agency {t['agency']!r} is not a key")
            if t["precision"] not in (
                "day",
                "week",
                "month",
                "season",
                "year",
                "approximate",
                "range",
            ):
                errs.append(f"{where}: precision {t['precision']!r}")
            if t["time"] and not re.fullmatch(r"\d\d:\d\d", t["time"]):
                errs.append(f"{where}: time {t['time']!r}")
            block = [txt] + [
                text_of(book[sh][r])
                for r in range(rn + 1, rn + 5)
                if (sh, r) in by_key
                and by_key[(sh, r)]["kind"] == "continuation"
                and by_key[(sh, r)]["note"].endswith(f" {rn}")
                and r in book[sh]
            ]
            if not t["desc40"] or norm(t["desc40"]) not in " ".join(block):
                errs.append(f"{where}: desc40 {t['desc40']!r} not in the row")
            ctx = " ".join(
                text_of(book[sh][r])
                for r in range(max(1, rn - 400), rn)
                if by_key.get((sh, r), {}).get("note") == "section"
            )
            dcells = [cells[date_col]] if date_col is not None and date_col < len(cells) else cells
            if not check_date(t, dcells, ctx, us):
                errs.append(f"{where}: date {t['date']} {t['precision']} not in {txt[:80]!r}")
            if t["time"]:
                btxt = " ".join(block)
                if t["time"] not in typed_times(cells) and not any(
                    f in btxt for f in time_forms(t["time"])
                ):
                    errs.append(f"{where}: time {t['time']} not in the row")
            if len(agencies) > 1:
                # the last section row above that names an agency
                secs = [
                    text_of(book[sh][r])
                    for r in range(1, rn)
                    if by_key.get((sh, r), {}).get("note") == "section"
                ]
                secs = [x for x in secs if any(agency_stated(a, [x]) for a in agencies)]
                if not agency_stated(t["agency"], [txt, norm(sh)] + secs[-1:]):
                    errs.append(
                        f"{where}: agency {t['agency']} not stated in the row, its section or sheet"
                    )
        elif t["kind"] == "continuation":
            parent = int(t["note"].split()[-1])
            if by_key.get((sh, parent), {}).get("kind") != "record" or parent >= rn:
                errs.append(f"{where}: continuation of {parent}, which is not a record above it")
            for r in range(parent + 1, rn):
                k = by_key.get((sh, r), {})
                if k.get("kind") == "record":
                    errs.append(f"{where}: a record between it and row {parent}")
            if not txt:
                errs.append(f"{where}: continuation row is empty")
        elif t["note"] == "blank row":
            if txt:
                errs.append(f"{where}: blank row holds {txt[:60]!r}")
        elif not txt and not any(v not in (None, "") for v in cells):
            errs.append(f"{where}: {t['note']} row is empty")
    for a in agencies:
        if len(agencies) == 1 and not agency_stated(a, all_text):
            errs.append(f"{a} not stated anywhere in the file")
    # coverage: every non-empty row after the first listed one is listed, and so is
    # every blank row between two records
    for sh in {t["sheet"] for t in truth}:
        first = min(t["row"] for t in truth if t["sheet"] == sh)
        recs = [t["row"] for t in truth if t["sheet"] == sh and t["kind"] == "record"]
        for r, cells in book[sh].items():
            if min(recs) < r < max(recs) and (sh, r) not in by_key and not text_of(cells):
                errs.append(f"{sh or '-'}!{r}: blank row between records not in the truth")
        for r, cells in book[sh].items():
            listed = (sh, r) in by_key
            if (
                r > first
                and not listed
                and text_of(cells)
                and any(v not in (None, "") for v in cells)
            ):
                errs.append(
                    f"{sh or '-'}!{r}: non-empty row not in the truth: {text_of(cells)[:60]!r}"
                )
    return errs


def dump(path, fmt, enc, delim, truth):
    if fmt in ("docx",):
        book, _ = read_docx_tables(path)
    elif fmt == "paras":
        book, _ = read_paras(path)
    else:
        book = (
            {"xlsx": read_xlsx, "xls": read_xls, "ods": read_ods}[fmt](path)
            if fmt != "csv"
            else read_csv(path, enc, delim)
        )
    by_key = {(t["sheet"], t["row"]): t for t in truth}
    for sh, rows in book.items():
        for r, cells in rows.items():
            t = by_key.get((sh, r))
            tt = ""
            if t:
                tt = f"{t['kind']:5.5} {t['date']} {t['precision']:5.5} {t['time']:5} "
                tt += f"{t['agency'][:12]:12} {t['note']}"
            print(f"{sh[:10]:10} {r:5d} {tt:60} | {text_of(cells)[:90]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--dump")
    a = ap.parse_args()
    with open(os.path.join(a.dir, "manifest.csv"), encoding="utf-8") as fh:
        man = list(csv.DictReader(fh))
    bad = 0
    nrows = 0
    for m in man:
        path = os.path.join(a.dir, m["half"], m["file"])
        if a.dump and a.dump not in m["file"]:
            continue
        tpath = os.path.splitext(path)[0] + ".truth.csv"
        with open(tpath, encoding="utf-8") as fh:
            truth = list(csv.DictReader(fh))
        for t in truth:
            t["row"] = int(t["row"])
        nrows += len(truth)
        if a.dump:
            dump(path, m["format"], m["encoding"], m["delimiter"], truth)
            continue
        if m["format"] in ("xlsx", "docx", "paras"):
            zipfile.ZipFile(path).testzip()
        dc = int(m["date_col"]) if m["date_col"] != "" else None
        errs = check_file(path, m["format"], m["encoding"], m["delimiter"], truth, dc)
        if errs:
            bad += 1
            print(f"{m['half']}/{m['file']}: {len(errs)} problem(s)")
            for e in errs[:8]:
                print("   ", e)
    if not a.dump:
        print(f"{len(man)} files, {nrows} truth rows checked; {bad} file(s) with problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
