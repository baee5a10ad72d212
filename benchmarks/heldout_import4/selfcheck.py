#!/usr/bin/env python
"""Re-read every file of the fourth held-out set with the library that wrote it and check
that its truth points at real rows.

    python selfcheck.py DIR            (DIR holds a/ and b/, as written by make_files.py)
    python selfcheck.py DIR --dump NAME    print a file's rows as read back, with the truth

Checks, per file: every truth row exists; a record row holds the truth's description
start (whitespace collapsed) and, where the row holds a real date cell of the day, that
the date agrees; a continuation row is non-empty and points back at an earlier record;
a blank row is empty and the other skipped rows are not; after the first truth row of a
container every non-empty row is in the truth (nothing unlisted in the data area).
"""

import argparse
import codecs
import csv
import datetime as dt
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import render as R  # noqa: E402


def read_truth(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def norm(s):
    return re.sub(r"\s+", " ", str(s or "")).strip().casefold()


def sniff_encoding(path):
    with open(path, "rb") as fh:
        raw = fh.read(4)
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        with open(path, encoding="utf-8") as fh:
            fh.read()
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def read_containers(path, delimiter=None, encoding=None):
    """{container name: [row cells]} with rows in file order (index 0 = row 1)"""
    ext = os.path.splitext(path)[1].lower()
    if ext == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(path)
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb}
    if ext == ".xls":
        import xlrd

        book = xlrd.open_workbook(path)
        out = {}
        for sh in book.sheets():
            rows = []
            for i in range(sh.nrows):
                vals = []
                for c in sh.row(i):
                    if c.ctype == xlrd.XL_CELL_DATE:
                        vals.append(xlrd.xldate.xldate_as_datetime(c.value, book.datemode))
                    else:
                        vals.append(c.value)
                rows.append(vals)
            out[sh.name] = rows
        return out
    if ext == ".ods":
        from odf.namespaces import TABLENS
        from odf.opendocument import load
        from odf.table import Table, TableCell, TableRow

        doc = load(path)
        out = {}
        for t in doc.spreadsheet.getElementsByType(Table):
            rows = []
            for tr in t.getElementsByType(TableRow):
                vals = []
                for tc in tr.getElementsByType(TableCell):
                    rep = int(tc.attributes.get((TABLENS, "number-columns-repeated"), 1) or 1)
                    dv = tc.getAttribute("datevalue")
                    if dv:
                        v = dt.datetime.fromisoformat(dv)
                    else:
                        v = "\n".join(str(p) for p in tc.childNodes)
                    vals.extend([v] * rep)
                rep = int(tr.attributes.get((TABLENS, "number-rows-repeated"), 1) or 1)
                rows.extend([vals] * rep)
            out[t.getAttribute("name")] = rows
        return out
    if ext == ".csv":
        enc = encoding or sniff_encoding(path)
        with open(path, encoding=enc, newline="") as fh:
            text = fh.read()
        dl = delimiter or csv.Sniffer().sniff(text[:4000], delimiters=",;\t|").delimiter
        return {"": [list(r) for r in csv.reader(text.splitlines(keepends=True), delimiter=dl)]}
    if ext == ".docx":
        import docx

        d = docx.Document(path)
        out = {}
        for i, t in enumerate(d.tables, start=1):
            rows = []
            for r in t.rows:
                vals, seen = [], set()
                for c in r.cells:
                    if id(c._tc) in seen:
                        continue
                    seen.add(id(c._tc))
                    vals.append(c.text)
                rows.append(vals)
            out[f"table {i}"] = rows
        out["paragraphs"] = [[p.text] for p in d.paragraphs]
        return out
    raise ValueError(path)


def date_in_row(t, text, cells):
    """the truth's date is written in the row (or its block): an independent look at
    whether the truth points at the right row"""
    d = dt.date.fromisoformat(t["date"])
    if any(isinstance(v, dt.datetime) and v.date() == d for v in cells):
        return True
    forms = {norm(f(d)) for f in R.DATE_STYLES.values()}
    forms |= {norm(R.ordinal(d.day)), norm(f"{R.DOW[d.weekday()]} {d.day}")}
    if t["precision"] in ("month", "season", "year", "approximate"):
        forms |= {str(d.year), f"{d.year % 100:02d}"}
    return any(f in text for f in forms)


def cell_text(v):
    if isinstance(v, dt.datetime):
        return v.strftime("%d/%m/%Y %H:%M")
    return "" if v is None else str(v)


def check_file(path, truth_path, delimiter=None, encoding=None):
    errs = []
    conts = read_containers(path, delimiter, encoding)
    truth = read_truth(truth_path)
    if not truth:
        return ["empty truth"]
    bykey = {}
    for t in truth:
        k = (t["sheet"], int(t["row"]))
        if k in bykey:
            errs.append(f"truth lists {k} twice")
        bykey[k] = t
        if t["kind"] not in ("record", "continuation", "skip"):
            errs.append(f"{k}: bad kind {t['kind']}")
    nrec = 0
    for (sheet, row), t in bykey.items():
        rows = conts.get(sheet)
        if rows is None:
            errs.append(f"no container {sheet!r}")
            continue
        if row < 1 or row > len(rows):
            errs.append(f"{sheet!r} row {row} beyond the {len(rows)} rows")
            continue
        cells = rows[row - 1]
        text = norm(" ".join(cell_text(v) for v in cells))
        if t["kind"] == "record":
            nrec += 1
            block = (
                text
                + " "
                + " ".join(
                    norm(" ".join(cell_text(v) for v in rows[r - 1]))
                    for (s2, r), t2 in bykey.items()
                    if s2 == sheet and t2["note"] == f"continuation of row {row}" and r <= len(rows)
                )
            )
            if norm(t["desc40"]) not in block:
                errs.append(f"{sheet!r} row {row}: {t['desc40']!r} not in {text[:90]!r}")
            if not date_in_row(t, block, cells):
                errs.append(
                    f"{sheet!r} row {row}: {t['date']} ({t['precision']}) not in {text[:60]!r}"
                )
            dts = [v for v in cells if isinstance(v, dt.datetime)]
            if dts and t["precision"] == "day":
                if t["date"] not in {v.date().isoformat() for v in dts}:
                    errs.append(f"{sheet!r} row {row}: date {t['date']} not among the date cells")
                if (
                    t["time"]
                    and not re.search(r"approx|around|about|c\.", text)
                    and not any(v.strftime("%H:%M") == t["time"] for v in dts)
                    and not any(
                        norm(f(dt.time.fromisoformat(t["time"]))) in block
                        for f in R.TIME_STYLES.values()
                    )
                ):
                    errs.append(f"{sheet!r} row {row}: time {t['time']} not in the row")
            for fld in ("date", "precision", "agency", "desc40"):
                if not t[fld]:
                    errs.append(f"{sheet!r} row {row}: record without {fld}")
        elif t["kind"] == "continuation":
            m = re.fullmatch(r"continuation of row (\d+)", t["note"])
            if not text:
                errs.append(f"{sheet!r} row {row}: empty continuation")
            if not m or int(m.group(1)) >= row:
                errs.append(f"{sheet!r} row {row}: bad note {t['note']!r}")
            elif bykey.get((sheet, int(m.group(1))), {}).get("kind") != "record":
                errs.append(f"{sheet!r} row {row}: parent row is not a record")
        else:
            if not t["note"]:
                errs.append(f"{sheet!r} row {row}: skip without a note")
            if (t["note"] == "blank row") != (text == ""):
                errs.append(f"{sheet!r} row {row}: {t['note']} but text {text[:60]!r}")
    # nothing unlisted after the first listed row of each container
    for sheet in {s for s, _ in bykey}:
        rows = conts.get(sheet) or []
        first = min(r for s, r in bykey if s == sheet)
        for i in range(first, len(rows) + 1):
            text = norm(" ".join(cell_text(v) for v in rows[i - 1]))
            if text and (sheet, i) not in bykey:
                errs.append(f"{sheet!r} row {i} not in the truth: {text[:70]!r}")
    if nrec == 0:
        errs.append("no records in the truth")
    return errs


def csv_params(manifest_layout):
    m = re.search(r"csv;([\w-]+)/(\w+)", manifest_layout or "")
    if not m:
        return None, None
    dl = {"comma": ",", "semicolon": ";", "tab": "\t", "pipe": "|"}[m.group(2)]
    return dl, m.group(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--dump")
    a = ap.parse_args()
    man = {}
    mp = os.path.join(a.dir, "manifest.csv")
    if os.path.exists(mp):
        for m in read_truth(mp):
            man[(m["half"], m["file"])] = m
    bad = total = 0
    for half in ("a", "b"):
        d = os.path.join(a.dir, half)
        for f in sorted(os.listdir(d)):
            if f.endswith(".truth.csv"):
                continue
            if a.dump and a.dump not in f:
                continue
            path = os.path.join(d, f)
            tp = os.path.join(d, os.path.splitext(f)[0] + ".truth.csv")
            dl, enc = csv_params(man.get((half, f), {}).get("layout"))
            if a.dump:
                truth = {(t["sheet"], int(t["row"])): t for t in read_truth(tp)}
                for name, rows in read_containers(path, dl, enc).items():
                    print(f"=== {name!r}")
                    for i, r in enumerate(rows, start=1):
                        t = truth.get((name, i))
                        tag = (
                            f"{t['kind']}:{t['date']}/{t['precision']}/{t['time']}/"
                            f"{t['agency']}/{t['note']}"
                            if t
                            else "-"
                        )
                        print(f"{i:3d} {tag:58.58} | {' | '.join(cell_text(v) for v in r)[:150]}")
                continue
            total += 1
            if not os.path.exists(tp):
                print(f"{half}/{f}: no truth file")
                bad += 1
                continue
            errs = check_file(path, tp, dl, enc)
            if errs:
                bad += 1
                print(f"{half}/{f}: {len(errs)} problems")
                for e in errs[:8]:
                    print("   ", e)
    if not a.dump:
        print(f"{total - bad}/{total} files pass")
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
