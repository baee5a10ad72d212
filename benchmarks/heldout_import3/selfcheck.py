#!/usr/bin/env python3
"""Check the generator, not the importer: re-read every file with openpyxl / xlrd / odfpy /
csv / python-docx and check that each truth row points at a real row holding its text.

    /work/venv-heldout3/bin/python benchmarks/heldout_import3/selfcheck.py /work/heldout3

Checks per truth row: a record's row holds its description start, a date that can be its
date and (if the truth has one) its time; a continuation's row has text and follows its
record; a blank row is empty, any other skipped row is not; every row between the first
and last listed row of a sheet is listed; the file states each record's agency somewhere
(in the row for a multi-agency file, else anywhere in the file or its name).
"""

import csv
import datetime as dt
import io
import os
import re
import sys
from collections import defaultdict

AGENCY_WORDS = {
    "Children's Social Care": [
        "children's services",
        "social care",
        "social work",
        "csc",
        "gateway team",
        "gwasanaethau plant",
        "sw",
        "social worker",
        "iro",
    ],
    "Early Help": ["early help", "earlyhelp", "eh"],
    "Youth Justice": ["youth offending", "youth justice", "yot"],
    "Voluntary Sector": ["charity", "voluntary"],
    "Police": ["police", "constabulary", "heddlu", "pc", "dc"],
    "Health Visiting": ["health visit", "hv", "ymwelwyr iechyd"],
    "School Nursing": ["school nurs", "schoolnursing"],
    "GP": [
        "surgery",
        "medical practice",
        "health centre",
        "(gp)",
        "gp",
        "general practice",
        "meddygfa",
        "practice nurse",
    ],
    "Hospital": ["hospital", "infirmary", "ed", "ysbyty"],
    "Midwifery": ["midwi", "maternity"],
    "School": ["school", "academy", "c of e primary", "ysgol", "dsl", "senco", "class teacher"],
    "Early Years": ["nursery", "pre-school", "early years"],
    "Housing": ["housing"],
    "Probation": ["probation"],
    "Ambulance": ["ambulance"],
    "Mental Health": ["camhs", "mental health"],
    "Domestic Abuse Service": ["domestic abuse", "idva"],
    "Substance Misuse Service": ["drug and alcohol", "substance misuse", "drugalcohol"],
}
EPOCH = dt.datetime(1899, 12, 30)


def norm(s):
    return re.sub(r"\s+", " ", str(s or "").replace("\u2019", "'")).strip().casefold()


def has_word(text, words):
    t = norm(text)
    # a short word (HV, PC, SW) must stand alone; a longer one may start a word ("midwi")
    return any(
        re.search(r"(?<![a-z])" + re.escape(w) + (r"(?![a-z])" if len(w) <= 3 else ""), t)
        for w in words
    )


# ---------------------------------------------------------------- readers: rows of cells
def read_xlsx(path):
    import openpyxl

    wb = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = [
            [c.value for c in row] for row in ws.iter_rows(min_row=1, max_row=ws.max_row)
        ]
    return out


def read_xls(path):
    import xlrd

    bk = xlrd.open_workbook(path)
    out = {}
    for sh in bk.sheets():
        rows = []
        for r in range(sh.nrows):
            cells = []
            for c in sh.row(r):
                if c.ctype == xlrd.XL_CELL_DATE:
                    cells.append(xlrd.xldate_as_datetime(c.value, bk.datemode))
                elif c.ctype == xlrd.XL_CELL_EMPTY:
                    cells.append(None)
                else:
                    cells.append(c.value)
            rows.append(cells)
        out[sh.name] = rows
    return out


def read_ods(path):
    from odf import teletype
    from odf.namespaces import OFFICENS, TABLENS
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow

    doc = load(path)
    out = {}
    for t in doc.spreadsheet.getElementsByType(Table):
        rows = []
        for tr in t.getElementsByType(TableRow):
            cells = []
            for c in tr.getElementsByType(TableCell):
                rep = int(c.attributes.get((TABLENS, "number-columns-repeated"), 1))
                vt = c.attributes.get((OFFICENS, "value-type"))
                if vt == "date":
                    v = dt.datetime.fromisoformat(c.attributes[(OFFICENS, "date-value")])
                elif vt == "float":
                    v = float(c.attributes[(OFFICENS, "value")])
                else:
                    v = "\n".join(teletype.extractText(p) for p in c.childNodes) or None
                cells += [v] * rep
            rows.append(cells)
        out[t.getAttribute("name")] = rows
    return out


def read_csv(path):
    with open(path, "rb") as fh:
        raw = fh.read()
    for enc in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    best = None
    for d in (",", ";", "\t", "|"):
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=d))
        widths = [len(r) for r in rows if len(r) > 1]
        score = (len(widths), -len(set(widths)))
        if best is None or score > best[0]:
            best = (score, rows)
    return {"": best[1]}


def read_docx(path):
    import docx

    d = docx.Document(path)
    out = {"paragraphs": [[p.text] for p in d.paragraphs]}
    for i, t in enumerate(d.tables, start=1):
        rows = []
        for r in t.rows:
            seen, cells = set(), []
            for c in r.cells:
                if id(c._tc) in seen:
                    continue
                seen.add(id(c._tc))
                cells.append(c.text)
            rows.append(cells)
        out[f"table {i}"] = rows
    return out


READERS = {
    ".xlsx": read_xlsx,
    ".xls": read_xls,
    ".ods": read_ods,
    ".csv": read_csv,
    ".docx": read_docx,
}


# ---------------------------------------------------------------- evidence in a row
def cell_text(v):
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return "" if v is None else str(v)


def date_ok(cells, iso, prec):
    d = dt.date.fromisoformat(iso)
    for v in cells:
        if isinstance(v, dt.datetime) and v.date() == d:
            return True
        if isinstance(v, dt.date) and not isinstance(v, dt.datetime) and v == d:
            return True
        if isinstance(v, str) and re.fullmatch(r"\d{5}(\.\d+)?", v.strip()):
            v = float(v)
        if (
            isinstance(v, (int, float))
            and 20000 < v < 60000
            and (EPOCH + dt.timedelta(days=v)).date() == d
        ):
            return True
    text = " ".join(cell_text(v) for v in cells if isinstance(v, str))
    return str(d.year) in text or re.search(rf"[./-]{d:%y}\b", text) is not None


def time_ok(cells, hhmm):
    h, m = int(hhmm[:2]), int(hhmm[3:])
    for v in cells:
        if isinstance(v, dt.datetime) and (v.hour, v.minute) == (h, m):
            return True
        if isinstance(v, dt.time) and (v.hour, v.minute) == (h, m):
            return True
        if isinstance(v, str) and re.fullmatch(r"\d{5}\.\d+", v.strip()):
            v = float(v)
        if isinstance(v, float) and 20000 < v < 60000:
            t = EPOCH + dt.timedelta(days=v, seconds=1)
            if (t.hour, t.minute) == (h, m):
                return True
    text = " ".join(cell_text(v) for v in cells if isinstance(v, str))
    h12 = h % 12 or 12
    forms = [
        f"{h:02d}:{m:02d}",
        f"{h:02d}{m:02d}",
        f"{h:02d}.{m:02d}",
        f"{h12}.{m:02d}",
        f"{h12}:{m:02d}",
    ]
    return any(f in text for f in forms)


def check_file(path, truth_path):
    errs = []
    book = READERS[os.path.splitext(path)[1].lower()](path)
    with open(truth_path, encoding="utf-8") as fh:
        truth = list(csv.DictReader(fh))
    if not truth:
        return [f"{os.path.basename(path)}: empty truth"]
    whole = (
        os.path.basename(path)
        + " "
        + " ".join(cell_text(v) for rows in book.values() for r in rows for v in r)
    )
    by_sheet = defaultdict(dict)
    multi = len({t["agency"] for t in truth if t["kind"] == "record"}) > 1
    for t in truth:
        by_sheet[t["sheet"]][int(t["row"])] = t
    for sheet, rows_t in by_sheet.items():
        if sheet not in book:
            errs.append(f"no sheet {sheet!r}")
            continue
        rows = book[sheet]
        lo, hi = min(rows_t), max(rows_t)
        for r in range(lo, hi + 1):
            if r not in rows_t:
                errs.append(f"{sheet}!{r}: row inside the table not in the truth")
        for r, t in rows_t.items():
            where = f"{sheet}!{r}"
            if r > len(rows):
                errs.append(f"{where}: beyond the last row ({len(rows)})")
                continue
            cells = rows[r - 1]
            text = " ".join(cell_text(v) for v in cells)
            if t["kind"] == "record":
                if norm(t["desc40"]) not in norm(text):
                    errs.append(f"{where}: description {t['desc40']!r} not in {text[:80]!r}")
                if not date_ok(cells, t["date"], t["precision"]):
                    errs.append(f"{where}: no date evidence for {t['date']} in {text[:60]!r}")
                if t["time"] and not time_ok(cells, t["time"]):
                    errs.append(f"{where}: no time evidence for {t['time']} in {text[:60]!r}")
                words = AGENCY_WORDS[t["agency"]]
                if not has_word(text if multi else whole, words):
                    errs.append(f"{where}: agency {t['agency']} not stated")
                if t["precision"] not in (
                    "day",
                    "week",
                    "month",
                    "season",
                    "year",
                    "approximate",
                    "range",
                ):
                    errs.append(f"{where}: bad precision {t['precision']!r}")
            elif t["kind"] == "continuation":
                parent = int(t["note"].split()[-1])
                if not norm(text):
                    errs.append(f"{where}: continuation row is empty")
                if rows_t.get(parent, {}).get("kind") != "record" or parent >= r:
                    errs.append(f"{where}: continuation points at {parent}, not an earlier record")
            elif t["kind"] == "skip":
                if (t["note"] == "blank row") != (not norm(text)):
                    errs.append(f"{where}: {t['note']} but text {text[:50]!r}")
            else:
                errs.append(f"{where}: kind {t['kind']!r}")
    return [f"{os.path.basename(path)}: {e}" for e in errs]


def main():
    root = sys.argv[1]
    n_files = n_rows = 0
    errs = []
    for half in sorted(os.listdir(root)):
        d = os.path.join(root, half)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(".truth.csv"):
                continue
            tp = os.path.join(d, os.path.splitext(f)[0] + ".truth.csv")
            if not os.path.exists(tp):
                errs.append(f"{f}: no truth file")
                continue
            n_files += 1
            with open(tp, encoding="utf-8") as fh:
                n_rows += sum(1 for _ in csv.DictReader(fh))
            errs += check_file(os.path.join(d, f), tp)
    for e in errs:
        print(e)
    print(f"{n_files} files, {n_rows} truth rows, {len(errs)} problems")
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
