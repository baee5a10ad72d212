#!/usr/bin/env python
"""Write TUNE_REPORT.md from evaluate.py's output on tune/ (never holdout/).

python3 evaluate.py tune --details /tmp/tune.json > /tmp/tune.txt
python3 make_report.py /tmp/tune.json /tmp/tune.txt HEAD_NOTES.md > TUNE_REPORT.md
"""

import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_files as mf  # noqa: E402

DATE_DESC = {
    "dmy": "dd/mm/yyyy text",
    "dmy_short": "d/m/yy text",
    "dmy_dot_short": "d.m.yy text",
    "dmy_dot": "dd.mm.yyyy text",
    "d_mon_y": "dd-Mon-yyyy text",
    "d_mon_yy": "'12 Mar 21'",
    "ordinal": "'12th March 2021'",
    "dayname": "'Friday 12 March 2021'",
    "dayname_short": "'Fri 12/03/2021'",
    "iso": "ISO 2021-03-12",
    "mdy": "US m/d/yyyy",
    "mdy0": "US mm/dd/yyyy",
    "xl_date": "real Excel dates (dd/mm/yyyy format)",
    "xl_date2": "real Excel dates (d-mmm-yy format)",
    "xl_serial": "Excel serial numbers in General format (44267)",
    "d_mon_dot": "'12 Mar. 2021' / '3 Sept. 2021'",
}
DT_DESC = {
    "xl_datetime": "real Excel date-times in one cell",
    "str_dt": "'12/03/2021 14:30' text",
    "str_dt_sec": "'12/03/2021 14:30:00'",
    "us_dt": "US '3/12/2021 2:30:00 PM'",
    "iso_dt": "ISO '2021-03-12T14:30:00'",
    "dmy_at": "'12/03/2021 @ 1430hrs'",
    "at_text": "'12/03/2021 at 14:30'",
    "dash_pm": "'12/03/21 - 2.30pm'",
    "dayname_dt": "'Fri 12/03/2021 14:30'",
    "xl_serial_dt": "Excel serial date-times as General numbers (44267.604)",
}
TIME_DESC = {
    "colon": "'14:30'",
    "dotpm": "'2.30pm'/'3pm'",
    "approx": "'approx 3pm'",
    "hhmm": "'1430'",
    "dot24": "'14.30'",
    "xl_time": "real Excel times",
    "ampm": "'2:30 PM'",
    "sec": "'14:30:00'",
    "xl_fraction": "Excel day fractions as General numbers (0.604)",
}


def describe(p):
    fmt = p.fmt
    if p.fmt == "csv":
        fmt += (
            f" ({p.enc}, " + {",": "comma", ";": "semicolon", "\t": "tab"}[p.delim] + "-separated)"
        )
    bits = [fmt]
    bits.append(f"agency {p.agency}" if not p.multi else f"multi-agency ({', '.join(p.multi)})")
    if p.paragraphs:
        bits.append(
            "chronology written as Word paragraphs, no table: "
            + (
                "'dd.mm.yyyy HH:MM – text' one paragraph per entry"
                if p.paragraphs == "dash"
                else "bold date line, text in the next paragraph"
            )
        )
        return "; ".join(bits)
    cols = [c if isinstance(c, str) else f"{c[0]}='{c[1]}'" for c in p.cols]
    bits.append("columns " + " | ".join(cols))
    if "date" in [c if isinstance(c, str) else c[0] for c in p.cols]:
        bits.append("dates " + DATE_DESC.get(p.date_style, p.date_style))
    if p.dt_style:
        bits.append("date and time in one cell: " + DT_DESC.get(p.dt_style, p.dt_style))
    if p.time_style:
        bits.append("times " + TIME_DESC.get(p.time_style, p.time_style))
    flags = {
        "merged_title": "merged title cells",
        "cover": "a cover sheet first (with 'Date requested'/'Return by' dates)",
        "guidance": "a guidance sheet",
        "reverse": "newest first",
        "sections": "half-year section rows",
        "year_sheets": "one sheet/table per year",
        "desc_lines": "line breaks inside cells",
        "gp_multirow": "EMIS-like consultations: dated row then undated History/Examination/Plan rows",
        "notes_row": "an 'NB: no records held ...' note row with a date inside",
        "cpoms": "CPOMS-like",
        "combined_outcome": "'Outcome:' line inside the description",
        "title_in_header_rows": "a merged title row inside the Word table",
        "keyinfo": "a key-information Word table before the chronology table",
        "no_header": "no header row",
        "bullets": "bulleted lines in cells",
        "title_dates": "title block with dated key/value rows (request, DOB, completed)",
        "example_row": "a template example row under the header",
        "key_legend": "an abbreviations key under the table",
        "agency_sections": "agency section heading rows instead of an agency column",
        "bom": "UTF-8 BOM",
    }
    for k, txt in flags.items():
        if getattr(p, k, False):
            bits.append(txt)
    if p.ditto:
        bits.append(
            {
                "quote": "same-day entries with '\"' ditto in the date cell",
                "word": "'ditto' in the date cell",
                "blank": "same-day entries with the date cell left blank",
            }[p.ditto]
        )
    if p.cont:
        bits.append(f"undated continuation rows (~{int(p.cont * 100)}%)")
    if p.spacers:
        bits.append("blank spacer rows")
    if p.mixed_approx:
        bits.append(
            f"~{int(p.mixed_approx * 100)}% approximate dates ('March 2021', 'w/c 08/03/2021', 'approx 12/03/2021')"
        )
    if p.ranges:
        bits.append(f"~{int(p.ranges * 100)}% date ranges ('12/03/2021 - 15/03/2021')")
    if p.messy_dates:
        bits.append(
            f"~{int(p.messy_dates * 100)}% dates with stray characters (' 12/03/2021 ', '12/03/2021.', '12/03/2021 (letter)', '12/03/2021*', apostrophe)"
        )
    if p.time_ranges:
        bits.append(f"~{int(p.time_ranges * 100)}% time ranges ('14:30-15:30')")
    if p.xl_mixed:
        bits.append(f"~{int(p.xl_mixed * 100)}% typed text dates among real Excel dates")
    if p.blank_header:
        bits.append(f"the {p.blank_header} column has no header")
    if p.group_header:
        bits.append(
            "two-row header: merged group labels above the field headers ("
            + ", ".join(f"'{a}'" for a, _ in p.group_header if a)
            + ")"
        )
    if p.repeat_header:
        bits.append(f"header repeated every {p.repeat_header} rows")
    if p.date_headings:
        bits.append("diary layout: a merged date heading row, then entries with only a time")
    if p.date_in_text:
        bits.append(
            "one text column: date (and time) at the start of each entry, '12/03/2021 14:30 - text'"
        )
    return "; ".join(bits)


def compress(rows):
    rows = sorted(set(int(r) for r in rows if str(r).isdigit()))
    out, i = [], 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1] == rows[j] + 1:
            j += 1
        out.append(str(rows[i]) if i == j else f"{rows[i]}-{rows[j]}")
        i = j + 1
    return ", ".join(out)


def main():
    det = json.load(open(sys.argv[1]))
    table = open(sys.argv[2]).read()
    head = open(sys.argv[3]).read() if len(sys.argv) > 3 else ""
    plans = {p.name: p for p in mf.plans_tune()}
    print(head)
    print("## Results per file (tune/ only)\n")
    print("```")
    print(table.strip())
    print("```\n")
    print("## Every failure, by file\n")
    print(
        "Rows: spreadsheets = Excel row of the sheet named; CSV = CSV record number (header = 1);"
        " Word = row of the table (header row = 1); 'paragraphs' = index in the document's"
        " paragraphs. Expected/got: `date time agency | description start`.\n"
    )
    for f, v in sorted(det["files"].items()):
        fails = v["failures"]
        if not fails:
            continue
        name = os.path.splitext(f)[0]
        p = plans.get(name)
        print(f"### {f}\n")
        if p:
            print(f"Layout: {describe(p)}.\n")
        print(
            f"Import: {v['summary'].splitlines()[0] if v['summary'] else ''}  \n"
            f"Agency source: {v.get('agency_source')} ({v.get('agency')})\n"
        )
        groups = {}
        for x in fails:
            groups.setdefault(x["kind"], []).append(x)
        for kind, xs in groups.items():
            print(f"- **{kind}** ({len(xs)} rows: {compress([x['row'] for x in xs]) or '-'})")
            for x in xs[:3]:
                sheet = f" [{x.get('sheet')}]" if x.get("sheet") else ""
                print(
                    f"  - row {x['row']}{sheet}: expected `{x['expected']}`; got `{str(x['got'])[:300]}`"
                )
            if len(xs) > 3:
                print(f"  - ... {len(xs) - 3} more rows like these (all in tune_failures.csv)")
        print()
    with open(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "tune_failures.csv"),
        "w",
        newline="",
        encoding="utf-8",
    ) as fh:
        w = csv.writer(fh)
        w.writerow(["file", "sheet", "row", "kind", "expected", "got"])
        for f, v in sorted(det["files"].items()):
            for x in v["failures"]:
                w.writerow([f, x.get("sheet", ""), x["row"], x["kind"], x["expected"], x["got"]])


if __name__ == "__main__":
    main()
