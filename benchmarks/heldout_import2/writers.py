"""Writers of the second held-out set: each lays a built table out in one format and
returns the truth rows (see make_files.py for their meaning)."""

import csv
import datetime as dt

import texts

SHEETS = {
    "a": [
        "Chronology",
        "Chron",
        "Sheet1",
        "Data",
        "Agency chronology",
        "{K} chronology",
        "{S} export",
    ],
    "b": ["Timeline", "Events", "Export", "Report 1", "Involvement", "{K} involvement", "{S} data"],
}


def sheet_name(rng, spec):
    kw = spec["kind_word"]
    sysn = rng.choice(texts.SYSTEMS.get(spec["kind"], [kw]))
    return rng.choice(SHEETS[spec["half"]]).format(K=kw, S=sysn)[:31]


def cells_of(spec, item):
    c = item["cells"]
    vals = [c.get(col, "") for col in spec["cols"]]
    if "_first" in c:
        vals[0] = c["_first"]
    if item["kind"] == "continuation":
        vals = [c["desc"] if col == "desc" else "" for col in spec["cols"]]
    if item["kind"] == "skip" and item["note"] in ("section", "note", "page furniture", "subtotal"):
        vals = [c["_first"]] + [""] * (len(vals) - 1)
        if "_second" in c and len(vals) > 1:
            vals[-1 if spec["cols"][-1] != "id" else -2] = c["_second"]
    return vals


def truth_rows(items):
    out = []
    for it in items:
        base = dict(
            sheet=it["sheet"],
            row=it["row"],
            kind=it["kind"],
            date="",
            precision="",
            time="",
            agency="",
            desc40="",
            note="",
        )
        if it["kind"] == "record":
            base.update(it["truth"])
        elif it["kind"] == "continuation":
            base["note"] = f"continuation of row {it['parent']['row']}"
        else:
            base["note"] = it["note"]
        out.append(base)
    return out


def chunks(spec):
    """[(sheet suffix, body items)]: one chunk, or one per year when spec['years']; the
    non-record rows just before a year's first entry (its section row) go with that year"""
    if not spec["years"]:
        return [(None, spec["body"])]
    out, cur, pending, year = [], [], [], None
    for it in spec["body"]:
        if it["kind"] == "skip":
            pending.append(it)
            continue
        if it["kind"] == "record":
            y = it["truth"]["date"][:4]
            if y != year and year is not None:
                out.append((year, cur))
                cur = []
            year = y
        cur += pending + [it]
        pending = []
    out.append((year, cur + pending))
    return out


def text_of(v, spec, H):
    if isinstance(v, dt.datetime):
        return H["fmt_exact"](v.date(), "dmy4") + " " + v.strftime("%H:%M")
    if isinstance(v, dt.date):
        return H["fmt_exact"](v, "dmy4")
    if isinstance(v, dt.time):
        return v.strftime("%H:%M")
    return "" if v is None else str(v)


def cover(spec, rng):
    c = spec["cast"]
    return [
        ("Agency", spec["org"]),
        ("Review", f"Learning review - Child {rng.choice('ABCDEFGH')} ({c.fam} family)"),
        ("Completed by", f"{c.pr[1]}, safeguarding lead"),
        ("Date completed", f"{spec['p1'] + dt.timedelta(days=30):%d/%m/%Y}"),
        ("Period covered", f"{spec['p0']:%d/%m/%Y} to {spec['p1']:%d/%m/%Y}"),
    ]


def write_xlsx(rng, path, spec, H):
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    first = wb.active
    used_first = False
    if rng.random() < 0.4:
        first.title = rng.choice(["Cover", "Front sheet", "Information"])
        for i, (k, v) in enumerate(cover(spec, rng), start=2):
            first.cell(i, 1, k + ":").font = Font(bold=True)
            first.cell(i, 2, v)
        used_first = True
    dfmt = rng.choice(["dd/mm/yyyy", "d-mmm-yy", "dd mmmm yyyy", "dd/mm/yy", "mm/dd/yyyy"])
    wrap = rng.random() < 0.3  # header cells typed with a line break
    c0 = rng.choice([1, 1, 2])
    items = []
    for suffix, body in chunks(spec):
        ws = first if not used_first else wb.create_sheet()
        used_first = True
        ws.title = suffix if suffix else sheet_name(rng, spec)
        ncol = len(spec["cols"])
        r = 1
        for line in spec["title"]:
            ws.cell(r, c0, line).font = Font(bold=True, size=12)
            if ncol > 1 and rng.random() < 0.7:
                ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=c0 + ncol - 1)
            r += 1
        r += rng.choice([1, 1, 2])
        if spec["header"]:
            if spec["group_header"] and ncol > 2:
                # a group header row above the column names: "When" over the date columns
                nd = sum(
                    1
                    for c in spec["cols"][:2]
                    if c in ("date", "time", "datetime", "recdate", "ref")
                )
                ws.cell(r, c0, spec["group_header"][0]).font = Font(bold=True)
                ws.cell(r, c0 + max(nd, 1), spec["group_header"][1]).font = Font(bold=True)
                if nd > 1:
                    ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=c0 + nd - 1)
                r += 1
            for j, h in enumerate(spec["header"]):
                h = h.replace(" of ", " of\n", 1).replace(" / ", " /\n", 1) if wrap else h
                ws.cell(r, c0 + j, h).font = Font(bold=True)
            r += 1
            ws.freeze_panes = ws.cell(r, 1)
        for it in body:
            vals = cells_of(spec, it)
            for j, v in enumerate(vals):
                if v == "" or v is None:
                    continue
                cell = ws.cell(r, c0 + j, v)
                if isinstance(v, dt.datetime):
                    cell.number_format = "dd/mm/yyyy hh:mm"
                elif isinstance(v, dt.date):
                    cell.number_format = dfmt
                elif isinstance(v, dt.time):
                    cell.number_format = "hh:mm"
            if it["kind"] == "skip" and it["note"] == "section" and ncol > 1 and rng.random() < 0.5:
                ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=c0 + ncol - 1)
            it["sheet"], it["row"] = ws.title, r
            items.append(it)
            r += 1
        if spec["footers"]:
            r += 1
            for f in spec["footers"]:
                ws.cell(r, c0, f)
                items.append(dict(kind="skip", note="footer", sheet=ws.title, row=r))
                r += 1
        if spec["hidden"]:
            ws.column_dimensions[get_column_letter(c0 + spec["cols"].index("id"))].hidden = True
        for j, col in enumerate(spec["cols"]):
            ws.column_dimensions[get_column_letter(c0 + j)].width = 60 if col == "desc" else 16
    if rng.random() < 0.3:
        ab = wb.create_sheet(rng.choice(["Abbreviations", "Key", "Glossary"]))
        ab.append(["Abbreviation", "Meaning"])
        for k, v in [
            ("SW", "Social worker"),
            ("HV", "Health visitor"),
            ("DNA", "Did not attend"),
            ("T/C", "Telephone call"),
        ]:
            ab.append([k, v])
    wb.save(path)
    return truth_rows(items)


def write_xls(rng, path, spec, H):
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    dst = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    dtst = xlwt.easyxf(num_format_str="DD/MM/YYYY HH:MM")
    tst = xlwt.easyxf(num_format_str="HH:MM")
    bold = xlwt.easyxf("font: bold on")
    items = []
    if rng.random() < 0.4:
        cs = wb.add_sheet("Cover")
        for i, (k, v) in enumerate(cover(spec, rng), start=1):
            cs.write(i, 0, k, bold)
            cs.write(i, 1, v)
    for suffix, body in chunks(spec):
        name = suffix if suffix else sheet_name(rng, spec)
        ws = wb.add_sheet(name)
        ncol = len(spec["cols"])
        r = 0
        for line in spec["title"]:
            if ncol > 1:
                ws.write_merge(r, r, 0, ncol - 1, line, bold)
            else:
                ws.write(r, 0, line, bold)
            r += 1
        r += 1
        if spec["header"]:
            for j, h in enumerate(spec["header"]):
                ws.write(r, j, h, bold)
            r += 1
        for it in body:
            for j, v in enumerate(cells_of(spec, it)):
                if v == "" or v is None:
                    continue
                if isinstance(v, dt.datetime):
                    ws.write(r, j, v, dtst)
                elif isinstance(v, dt.date):
                    ws.write(r, j, dt.datetime.combine(v, dt.time()), dst)
                elif isinstance(v, dt.time):
                    ws.write(r, j, v, tst)
                else:
                    ws.write(r, j, v)
            it["sheet"], it["row"] = name, r + 1
            items.append(it)
            r += 1
        for f in spec["footers"]:
            r += 1
            ws.write(r, 0, f)
            items.append(dict(kind="skip", note="footer", sheet=name, row=r + 1))
    wb.save(path)
    return truth_rows(items)


def write_csv(rng, path, spec, H):
    enc = rng.choice(["utf-8", "utf-8-sig", "cp1252", "utf-8"])
    delim = rng.choice([",", ",", ";", "\t"])
    rows = []
    items = []
    kind = spec["kind"]
    if rng.random() < 0.5:
        sysname = rng.choice(texts.SYSTEMS.get(kind, ["Case management system"]))
        rows += [
            [f"Report: {sysname} chronology export"],
            [f"Run date: {spec['p1'] + dt.timedelta(days=20):%d/%m/%Y} 09:{rng.randint(10, 59)}"],
            [f"Organisation: {spec['org']}"],
            [],
        ]
    elif rng.random() < 0.5:
        rows += [[t] for t in spec["title"]] + [[]]
    if spec["header"]:
        rows.append(list(spec["header"]))
    for it in spec["body"]:
        vals = [text_of(v, spec, H) for v in cells_of(spec, it)]
        rows.append(vals if it["kind"] != "skip" or it["note"] != "blank row" else [])
        it["sheet"], it["row"] = "", len(rows)
        items.append(it)
    if spec["footers"]:
        rows.append([])
        for f in spec["footers"]:
            rows.append([f])
            items.append(dict(kind="skip", note="footer", sheet="", row=len(rows)))
    with open(path, "w", encoding=enc, newline="") as fh:
        w = csv.writer(
            fh,
            delimiter=delim,
            quoting=rng.choice([csv.QUOTE_MINIMAL, csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
        )
        for r in rows:
            w.writerow(r)
    return truth_rows(items)


def _repeat_header(row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def write_docx(rng, path, spec, H):
    import docx

    doc = docx.Document()
    for i, line in enumerate(spec["title"]):
        doc.add_heading(line, level=1 if i == 0 else 2)
    ntab = 0
    if rng.random() < 0.5:
        t = doc.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        for k, v in cover(spec, rng):
            r = t.add_row().cells
            r[0].text, r[1].text = k, v
        ntab += 1
        doc.add_paragraph("")
    literal_repeat = rng.random() < 0.3 and spec["header"]
    vmerge = rng.random() < 0.5 and "date" in spec["cols"]
    items = []
    ncol = len(spec["cols"])
    for suffix, body in chunks(spec):
        if suffix:
            doc.add_heading(suffix, level=2)
        t = doc.add_table(rows=0, cols=ncol)
        t.style = "Table Grid"
        ntab += 1
        sheet = f"table {ntab}"
        nrow = 0
        if spec["header"]:
            hr = t.add_row()
            for j, h in enumerate(spec["header"]):
                hr.cells[j].text = h
            _repeat_header(hr)
            nrow = 1
        prev = None
        since = 0
        for it in body:
            if literal_repeat and since >= 25:
                hr = t.add_row()
                for j, h in enumerate(spec["header"]):
                    hr.cells[j].text = h
                nrow += 1
                items.append(dict(kind="skip", note="repeated header", sheet=sheet, row=nrow))
                since = 0
                prev = None
            vals = [text_of(v, spec, H) for v in cells_of(spec, it)]
            row = t.add_row()
            nrow += 1
            since += 1
            di = spec["cols"].index("date") if "date" in spec["cols"] else None
            merged = (
                vmerge
                and prev is not None
                and it["kind"] == "record"
                and prev[0]["kind"] == "record"
                and vals[di] == prev[1][di]
                and not vals[di].startswith(("w/c", "between"))
            )
            for j, v in enumerate(vals):
                if merged and j == di:
                    continue
                row.cells[j].text = v
            if merged:
                prev[2].cells[di].merge(row.cells[di])
            elif (
                it["kind"] == "skip"
                and it["note"] in ("section", "note", "page furniture")
                and ncol > 1
            ):
                row.cells[0].merge(row.cells[ncol - 1])
            prev = (it, vals, row) if not merged else prev
            it["sheet"], it["row"] = sheet, nrow
            items.append(it)
        doc.add_paragraph("")
    for f in spec["footers"]:
        doc.add_paragraph(f)
    doc.save(path)
    return truth_rows(items)


def write_paragraphs(rng, path, spec, H):
    import docx

    doc = docx.Document()
    for line in spec["title"]:
        doc.add_paragraph(line, style="Title" if rng.random() < 0.5 else None)
    doc.add_paragraph(
        f"This diary summarises the agency's involvement with the {spec['cast'].fam} family."
    )
    gap = rng.random() < 0.5
    form = rng.choice(["dash", "bold", "colon"])
    items = []
    for it in spec["body"]:
        if it["kind"] == "skip":
            if it["note"] in ("section",):
                doc.add_heading(it["cells"]["_first"], level=2)
                items.append(dict(it, sheet="paragraphs", row=len(doc.paragraphs)))
            continue
        if it["kind"] == "continuation":
            doc.add_paragraph(it["cells"]["desc"])
            it["sheet"], it["row"] = "paragraphs", len(doc.paragraphs)
            items.append(it)
            continue
        c = it["cells"]
        d = text_of(c.get("date", c.get("datetime", "")), spec, H)
        tm = text_of(c.get("time", ""), spec, H)
        when = f"{d} {tm}".strip()
        if gap:
            doc.add_paragraph("")
        p = doc.add_paragraph()
        if form == "bold":
            p.add_run(when).bold = True
            p.add_run("  " + c["desc"].replace("\n", " "))
        else:
            p.add_run(f"{when} {'-' if form == 'dash' else ':'} {c['desc']}".replace("\n", " "))
        it["sheet"], it["row"] = "paragraphs", len(doc.paragraphs)
        items.append(it)
    for f in spec["footers"]:
        doc.add_paragraph(f)
        items.append(dict(kind="skip", note="footer", sheet="paragraphs", row=len(doc.paragraphs)))
    doc.save(path)
    return truth_rows(items)
