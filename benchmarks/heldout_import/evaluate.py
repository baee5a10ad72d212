#!/usr/bin/env python
"""Evaluate the importer of a Learning Review Timeline checkout on a folder of files.

    python3 /work/heldout/evaluate.py /work/heldout/tune [--main /work/main]
            [--details OUT.json] [--cli] [--only SUBSTRING] [--jobs 1]

Each file (everything in DIR except *.truth.csv) is imported in a fresh subprocess with
MAIN/.venv/bin/python through the documented API ingest.import_file(path), because the
command line output does not carry skipped rows, continuation rows or quarantine reasons.
With --cli each file is also run through `python -m timeline import -o OUT.csv FILE`
and the exit status is shown.

Compared with NAME.truth.csv (see make_files.py for its columns):
  refused   import_file raised (IngestError or a crash) or timed out
  found     expected records imported at their source row (or, failing that, a record
            with the same date and description start: counted as found, "row differs")
  date      date start equal to the truth;  time: HH:MM equal (both empty counts)
  agency    record's agency equal to the reviewer's agency
  desc      the truth's first 40 characters (whitespace collapsed, case folded) appear
            at the start of the imported description (within its first 100 characters)
  cont      continuation rows joined to the entry they continue
  false     rows that are not records (title, footer, note, section, continuation)
            imported as records
  lost      truth rows neither imported, joined, quarantined nor skipped with a reason
Percentages are over the expected records (a record not found counts as wrong).
"""

import argparse
import csv
import json
import os
import re
import subprocess
import tempfile

WORKER = r"""
import json, sys, datetime
sys.path.insert(0, sys.argv[1])
import ingest
out = {}
try:
    fi = ingest.import_file(sys.argv[2])
except Exception as e:
    print(json.dumps({"refused": f"{type(e).__name__}: {e}"}))
    sys.exit(0)
def rowref(x):
    if isinstance(x, int):
        return [None, x]
    if isinstance(x, (tuple, list)) and len(x) == 2:
        return [str(x[0]), int(x[1])]
    s = getattr(x, "sheet", None); r = getattr(x, "row", None)
    return [s, r]
def rec(r):
    p = r.provenance
    d = r.date
    t = getattr(d, "time", None) if d is not None else None
    return {"sheet": p.sheet, "row": p.row,
            "cont": [rowref(x) for x in (getattr(p, "continued_rows", ()) or ())],
            "rows": [rowref(x) for x in (getattr(p, "rows", ()) or ())] if not callable(getattr(p, "rows", None)) else [],
            "date": d.start.isoformat() if d is not None and getattr(d, "start", None) else "",
            "precision": getattr(d, "precision", "") if d is not None else "",
            "approximate": bool(getattr(d, "approximate", False)) if d is not None else False,
            "time": t.strftime("%H:%M") if t else "",
            "agency": r.agency or "", "description": r.description or "",
            "status": getattr(r, "status", ""), "issues": [str(i) for i in (r.issues or [])][:3]}
def other(q):
    if hasattr(q, "provenance") and hasattr(q, "date") and hasattr(q, "description"):
        d = rec(q); d["reason"] = "; ".join(str(i) for i in (getattr(q, "issues", None) or [])) or getattr(q, "reason", "")
        return d
    p = getattr(q, "provenance", None)
    sheet = getattr(q, "sheet", None) if hasattr(q, "sheet") else getattr(p, "sheet", None)
    row = getattr(q, "row", None) if hasattr(q, "row") else getattr(p, "row", None)
    reason = getattr(q, "reason", None) or getattr(q, "issues", None) or ""
    return {"sheet": sheet, "row": row, "reason": str(reason), "cont": []}
out["records"] = [rec(r) for r in fi.records]
out["quarantined"] = [other(q) for q in fi.quarantined]
out["skipped"] = [other(q) for q in fi.skipped]
out["agency"] = str(getattr(fi, "agency", ""))
out["agency_source"] = str(getattr(fi, "agency_source", ""))
out["sheet"] = str(getattr(fi, "sheet", ""))
out["header_row"] = str(getattr(fi, "header_row", ""))
try:
    out["summary"] = fi.summary()[:3000]
except Exception as e:
    out["summary"] = repr(e)
print(json.dumps(out))
"""


def norm(s):
    s = (
        (s or "")
        .replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )
    return re.sub(r"\s+", " ", s).strip().casefold()


def desc_ok(expected40, got):
    e = norm(expected40)
    g = norm(got)
    if not e:
        return True
    return e in g[: len(e) + 60]


def agency_ok(expected, got):
    """equal, or the tool's name contains the canonical one ("Substance Misuse Service")"""
    e, g = norm(expected), norm(got)
    return e == g or (bool(g) and e in g)


def prec_eq(expected, got, approximate=False):
    """a truth precision (day|month|year|approximate|range) against the record's: 'exact'
    (a date with a time) counts as day. The importer keeps "approximate" as a flag beside
    the unit ("approx. June 2020" is month, approximate): the truth's 'approximate' is
    matched by the flag, any other truth precision by the unit with the flag unset."""
    g = str(got or "").rsplit(".", 1)[-1].casefold()
    g = "day" if g == "exact" else g
    if expected.casefold() == "approximate":
        return bool(approximate) or g == "approximate"
    return expected.casefold() == g and not approximate


def run_worker(main, path, timeout):
    py = os.path.join(main, ".venv", "bin", "python")
    try:
        p = subprocess.run(
            ["nice", "-n", "10", py, "-c", WORKER, main, path],
            cwd=main,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return {"refused": f"timeout after {timeout}s"}
    if p.returncode != 0 or not p.stdout.strip():
        return {"refused": f"crash rc={p.returncode}: {p.stderr.strip()[-400:]}"}
    return json.loads(p.stdout.strip().splitlines()[-1])


def run_cli(main, path, timeout):
    py = os.path.join(main, ".venv", "bin", "python")
    with tempfile.TemporaryDirectory() as td:
        try:
            p = subprocess.run(
                [
                    "nice",
                    "-n",
                    "10",
                    py,
                    "-m",
                    "timeline",
                    "import",
                    "-o",
                    os.path.join(td, "out.csv"),
                    path,
                ],
                cwd=main,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return "timeout"
        return str(p.returncode)


def sheet_eq(truth_sheet, got_sheet, single):
    if single:
        return True
    return norm(truth_sheet) == norm(got_sheet or "")


def evaluate_file(path, truth_path, res):
    truth = list(csv.DictReader(open(truth_path, encoding="utf-8")))
    for t in truth:
        t["row"] = int(t["row"])
    sheets = {t["sheet"] for t in truth}
    # CSV ("") and Word ("table N"): the sheet is not compared; spreadsheets: by name
    single = all(s == "" or s.startswith("table ") or s == "paragraphs" for s in sheets)
    fails = []
    st = dict(
        expected=0,
        found=0,
        date=0,
        time=0,
        agency=0,
        desc=0,
        perfect=0,
        cont=0,
        cont_exp=0,
        false=0,
        lost=0,
        quarantined=0,
        skipped_rec=0,
        row_differs=0,
        extra=0,
        refused=0,
        noise=0,
        prec=0,
        prec_exp=0,
    )
    exp_recs = [t for t in truth if t["kind"] == "record"]
    st["expected"] = len(exp_recs)
    st["cont_exp"] = sum(1 for t in truth if t["kind"] == "continuation")
    if "refused" in res:
        st["refused"] = 1
        st["lost"] = len(exp_recs)
        fails.append(
            dict(row="-", kind="refused", expected=f"{len(exp_recs)} records", got=res["refused"])
        )
        return st, fails
    recs = res["records"]

    def key_match(tsheet, trow, sheet, row):
        return row == trow and sheet_eq(tsheet, sheet, single)

    by_row = {}
    for i, r in enumerate(recs):
        by_row.setdefault(r["row"], []).append(i)
    used = set()
    matched_for = {}
    # pass 1: by row
    for t in exp_recs:
        for i in by_row.get(t["row"], []):
            if i not in used and sheet_eq(t["sheet"], recs[i]["sheet"], single):
                used.add(i)
                matched_for[id(t)] = i
                break
    # pass 2: by date + description
    for t in exp_recs:
        if id(t) in matched_for:
            continue
        for i, r in enumerate(recs):
            if (
                i not in used
                and r["date"] == t["date"]
                and desc_ok(t["desc40"], r["description"])
                and t["desc40"]
            ):
                used.add(i)
                matched_for[id(t)] = i
                st["row_differs"] += 1
                fails.append(
                    dict(
                        row=t["row"],
                        sheet=t["sheet"],
                        kind="row number differs",
                        expected=f"row {t['row']}",
                        got=f"row {r['row']} sheet {r['sheet']!r}",
                    )
                )
                break

    def where(tsheet, trow):
        for q in res["quarantined"]:
            if key_match(tsheet, trow, q.get("sheet"), q.get("row")):
                return "quarantined", q.get("reason", "")
        for q in res["skipped"]:
            if key_match(tsheet, trow, q.get("sheet"), q.get("row")):
                m = re.search(r"continuation of the entry at row (\d+)", q.get("reason", "") or "")
                if m:
                    return "joined", f"joined to the record at row {m.group(1)}"
                return "skipped", q.get("reason", "")
        for r in recs:
            for s, rr in r["cont"]:
                if rr == trow and (s is None or sheet_eq(tsheet, s, single)):
                    return "joined", f"joined to the record at row {r['row']}"
            if r["row"] == trow and sheet_eq(tsheet, r["sheet"], single):
                return "record", r
        return "lost", ""

    for t in exp_recs:
        tr = f"{t['date']} {t['time'] or '--:--'} {t['agency']} | {t['desc40']!r}"
        if id(t) not in matched_for:
            w, why = where(t["sheet"], t["row"])
            if w == "quarantined":
                st["quarantined"] += 1
            elif w == "skipped":
                st["skipped_rec"] += 1
            elif w == "lost":
                st["lost"] += 1
            fails.append(
                dict(
                    row=t["row"],
                    sheet=t["sheet"],
                    kind=f"record not imported ({w})",
                    expected=tr,
                    got=why if isinstance(why, str) else "",
                )
            )
            continue
        r = recs[matched_for[id(t)]]
        st["found"] += 1
        ok = True
        probs = []
        if r["date"] == t["date"]:
            st["date"] += 1
        else:
            ok = False
            probs.append("date")
        if r["time"] == t["time"]:
            st["time"] += 1
        else:
            ok = False
            probs.append("time")
        if agency_ok(t["agency"], r["agency"]):
            st["agency"] += 1
        else:
            ok = False
            probs.append("agency")
        if desc_ok(t["desc40"], r["description"]):
            st["desc"] += 1
        else:
            ok = False
            probs.append("description")
        # optional truth column (benchmarks/heldout_import2): how much of the date is known;
        # reported on its own line, not part of "all four"
        if t.get("precision"):
            st["prec_exp"] += 1
            if prec_eq(t["precision"], r.get("precision", ""), r.get("approximate", False)):
                st["prec"] += 1
            else:
                fails.append(
                    dict(
                        row=t["row"],
                        sheet=t["sheet"],
                        kind="date precision differs",
                        expected=f"{t['date']} {t['precision']}",
                        got=f"{r['date']} {r.get('precision', '')}"
                        + (" (approximate)" if r.get("approximate") else ""),
                    )
                )
        if ok:
            st["perfect"] += 1
        else:
            got = f"{r['date']} {r['time'] or '--:--'} {r['agency']} | {r['description'][:60]!r}"
            if r.get("issues"):
                got += f" [issues: {'; '.join(r['issues'])[:150]}]"
            fails.append(
                dict(
                    row=t["row"],
                    sheet=t["sheet"],
                    kind="wrong " + "+".join(probs),
                    expected=tr,
                    got=got,
                )
            )
    # continuation and skip rows
    for t in truth:
        if t["kind"] == "record":
            continue
        w, why = where(t["sheet"], t["row"])
        if t["kind"] == "continuation":
            parent = int(t["note"].split()[-1])
            if w == "joined":
                st["cont"] += 1
                if f"row {parent}" not in why:
                    fails.append(
                        dict(
                            row=t["row"],
                            sheet=t["sheet"],
                            kind="continuation joined to wrong entry",
                            expected=f"joined to row {parent}",
                            got=why,
                        )
                    )
                continue
            if w == "record":
                st["false"] += 1
                why = f"imported as its own record: {why['date']} {why['description'][:50]!r}"
            elif w == "lost":
                st["lost"] += 1
            fails.append(
                dict(
                    row=t["row"],
                    sheet=t["sheet"],
                    kind=f"continuation not joined ({w})",
                    expected=f"joined to row {parent}",
                    got=why,
                )
            )
        else:
            if w == "record":
                st["false"] += 1
                fails.append(
                    dict(
                        row=t["row"],
                        sheet=t["sheet"],
                        kind=f"{t['note']} imported as a record",
                        expected="skipped",
                        got=f"{why['date']} {why['description'][:60]!r}",
                    )
                )
            elif w == "quarantined":
                st["noise"] += 1
                fails.append(
                    dict(
                        row=t["row"],
                        sheet=t["sheet"],
                        kind=f"{t['note']} quarantined (not skipped)",
                        expected="skipped with a reason",
                        got=f"quarantined: {why}",
                    )
                )
            elif w == "lost":
                st["lost"] += 1
                fails.append(
                    dict(
                        row=t["row"],
                        sheet=t["sheet"],
                        kind=f"{t['note']} row lost",
                        expected="skipped with a reason",
                        got="not accounted for",
                    )
                )
    truth_keys = {(t["sheet"], t["row"]) for t in truth}
    for i, r in enumerate(recs):
        if i in used:
            continue
        if any(key_match(s, rr, r["sheet"], r["row"]) for s, rr in truth_keys):
            continue  # already reported above
        st["extra"] += 1
        fails.append(
            dict(
                row=r["row"],
                sheet=r["sheet"],
                kind="unexpected record",
                expected="(no row here in the truth: blank row?)",
                got=f"{r['date']} {r['description'][:60]!r}",
            )
        )
    return st, fails


def pct(a, b):
    return f"{100.0 * a / b:5.1f}" if b else "  -  "


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--main", default="/work/main")
    ap.add_argument("--details", help="write every failure (and each file's import) as JSON")
    ap.add_argument(
        "--cli", action="store_true", help="also run python -m timeline import per file"
    )
    ap.add_argument("--only", help="only files whose name contains this")
    ap.add_argument("--timeout", type=int, default=600)
    a = ap.parse_args()
    files = sorted(
        f for f in os.listdir(a.dir) if not f.endswith(".truth.csv") and not f.startswith(".")
    )
    if a.only:
        files = [f for f in files if a.only in f]
    cols = [
        "expected",
        "found",
        "date",
        "time",
        "agency",
        "desc",
        "perfect",
        "cont",
        "cont_exp",
        "false",
        "lost",
        "quarantined",
        "skipped_rec",
        "row_differs",
        "extra",
        "refused",
        "noise",
        "prec",
        "prec_exp",
    ]
    tot = {c: 0 for c in cols}
    details = {}
    hdr = f"{'file':44} {'ref':>3} {'exp':>5} {'found':>5} {'date%':>6} {'time%':>6} {'agcy%':>6} {'desc%':>6} {'perf%':>6} {'cont':>7} {'false':>5} {'lost':>5} {'quar':>4}"
    if a.cli:
        hdr += " cli"
    print(hdr)
    for f in files:
        path = os.path.abspath(os.path.join(a.dir, f))
        tp = os.path.join(a.dir, os.path.splitext(f)[0] + ".truth.csv")
        if not os.path.exists(tp):
            continue
        res = run_worker(a.main, path, a.timeout)
        st, fails = evaluate_file(path, tp, res)
        for c in cols:
            tot[c] += st[c]
        e = st["expected"]
        line = (
            f"{f[:44]:44} {'YES' if st['refused'] else '':>3} {e:5d} {st['found']:5d} "
            f"{pct(st['date'], e):>6} {pct(st['time'], e):>6} {pct(st['agency'], e):>6} "
            f"{pct(st['desc'], e):>6} {pct(st['perfect'], e):>6} "
            f"{st['cont']:3d}/{st['cont_exp']:<3d} {st['false']:5d} {st['lost']:5d} {st['quarantined']:4d}"
        )
        if a.cli:
            line += " " + run_cli(a.main, path, a.timeout)
        print(line, flush=True)
        details[f] = dict(
            stats=st,
            failures=fails,
            agency=res.get("agency"),
            agency_source=res.get("agency_source"),
            summary=res.get("summary", res.get("refused", "")),
        )
    e = tot["expected"]
    print("-" * len(hdr))
    print(
        f"{'TOTAL (' + str(len(details)) + ' files)':44} {tot['refused']:>3} {e:5d} {tot['found']:5d} "
        f"{pct(tot['date'], e):>6} {pct(tot['time'], e):>6} {pct(tot['agency'], e):>6} "
        f"{pct(tot['desc'], e):>6} {pct(tot['perfect'], e):>6} "
        f"{tot['cont']:3d}/{tot['cont_exp']:<3d} {tot['false']:5d} {tot['lost']:5d} {tot['quarantined']:4d}"
    )
    print(
        f"\nfiles refused: {tot['refused']}/{len(details)}; records found {pct(tot['found'], e)}%, "
        f"date correct {pct(tot['date'], e)}%, time {pct(tot['time'], e)}%, agency "
        f"{pct(tot['agency'], e)}%, description start {pct(tot['desc'], e)}%, all four "
        f"{pct(tot['perfect'], e)}%; continuation rows joined {tot['cont']}/{tot['cont_exp']}; "
        f"non-records imported as records {tot['false']}; rows lost {tot['lost']}; "
        f"expected records quarantined {tot['quarantined']}, skipped {tot['skipped_rec']}; "
        f"found at another row number {tot['row_differs']}; unexpected records {tot['extra']}; "
        f"non-record rows quarantined instead of skipped {tot['noise']}"
    )
    if tot["prec_exp"]:
        print(
            f"date precision as in the truth: {tot['prec']}/{tot['prec_exp']} "
            f"({pct(tot['prec'], tot['prec_exp']).strip()}%) of the found records that carry one"
        )
    if a.details:
        with open(a.details, "w", encoding="utf-8") as fh:
            json.dump(dict(totals=tot, files=details), fh, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
