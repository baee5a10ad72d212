"""Write tables of Rows as .xlsx, .xls, .ods, .csv and .docx, and the truth beside them.

A sheet is (name, rows, options); a row's number is its 1-based place in the list, so the
truth is computed from the same list the writer writes and cannot drift from the file.
"""

import csv
import datetime as dt

EPOCH = dt.datetime(1899, 12, 30)


class Row:
    def __init__(self, cells, kind=None, entry=None, parent=None, note="", merge=False, bold=False):
        self.cells = list(cells)
        self.kind, self.entry, self.parent, self.note = kind, entry, parent, note
        self.merge, self.bold = merge, bold


def serial(v):
    if isinstance(v, dt.datetime):
        return round((v - EPOCH).total_seconds() / 86400.0, 8)
    return float((v - EPOCH.date()).days)


def as_text(v, opts):
    """how a cell value reads when it has to be text (CSV, Word)"""
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.strftime(opts.get("dt_text", "%d/%m/%Y %H:%M"))
    if isinstance(v, dt.date):
        return v.strftime(opts.get("d_text", "%d/%m/%Y"))
    if isinstance(v, dt.time):
        return v.strftime("%H:%M")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def truth_rows(sheet_name, rows):
    out = []
    index = {id(r): i + 1 for i, r in enumerate(rows)}
    for i, r in enumerate(rows, start=1):
        if r.kind is None:
            continue
        rec = {
            "sheet": sheet_name,
            "row": i,
            "kind": r.kind,
            "date": "",
            "precision": "",
            "time": "",
            "agency": "",
            "desc40": "",
            "note": r.note,
        }
        if r.kind == "record":
            e = r.entry
            rec.update(
                date=e.d.isoformat(),
                precision=e.prec,
                time=e.t.strftime("%H:%M") if e.t else "",
                agency=e.agency,
                desc40=" ".join(e.text.split())[:40],
                note="",
            )
        elif r.kind == "continuation":
            rec["note"] = f"continuation of row {index[id(r.parent)]}"
        out.append(rec)
    return out


def write_truth(path, recs):
    cols = ["sheet", "row", "kind", "date", "precision", "time", "agency", "desc40", "note"]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        w.writerows(recs)


# ---------------------------------------------------------------- spreadsheets
def write_xlsx(path, sheets, opts):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows, so in sheets:
        ws = wb.create_sheet(name)
        width = max((len(r.cells) for r in rows), default=1)
        for i, r in enumerate(rows, start=1):
            for j, v in enumerate(r.cells, start=1):
                if v is None or v == "":
                    continue
                c = ws.cell(row=i, column=j, value=v)
                if isinstance(v, dt.datetime):
                    c.number_format = opts.get("xl_dt", "dd/mm/yyyy hh:mm")
                elif isinstance(v, dt.date):
                    c.number_format = opts.get("xl_d", "dd/mm/yyyy")
                elif isinstance(v, dt.time):
                    c.number_format = "hh:mm"
                elif isinstance(v, str) and "\n" in v:
                    c.alignment = Alignment(wrap_text=True, vertical="top")
                if r.bold:
                    c.font = Font(bold=True)
            if r.merge and width > 1 and any(x not in (None, "") for x in r.cells):
                ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
        for j in range(1, width + 1):
            ws.column_dimensions[get_column_letter(j)].width = so.get("widths", {}).get(j - 1, 16)
        for j in so.get("hidden", ()):
            ws.column_dimensions[get_column_letter(j + 1)].hidden = True
        if so.get("freeze"):
            ws.freeze_panes = so["freeze"]
        if so.get("group_merges"):
            for r0, c0, c1 in so["group_merges"]:
                ws.merge_cells(start_row=r0, start_column=c0 + 1, end_row=r0, end_column=c1 + 1)
    wb.save(path)


def write_xls(path, sheets, opts):
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    st_d = xlwt.easyxf(num_format_str=opts.get("xl_d", "dd/mm/yyyy"))
    st_dt = xlwt.easyxf(num_format_str=opts.get("xl_dt", "dd/mm/yyyy hh:mm"))
    st_t = xlwt.easyxf(num_format_str="hh:mm")
    st_b = xlwt.easyxf("font: bold on")
    for name, rows, so in sheets:
        ws = wb.add_sheet(name)
        width = max((len(r.cells) for r in rows), default=1)
        for i, r in enumerate(rows):
            if r.merge and width > 1 and r.cells and r.cells[0] not in (None, ""):
                ws.write_merge(i, i, 0, width - 1, r.cells[0], st_b)
                continue
            for j, v in enumerate(r.cells):
                if v is None or v == "":
                    continue
                if isinstance(v, dt.datetime):
                    ws.write(i, j, v, st_dt)
                elif isinstance(v, dt.date):
                    ws.write(i, j, dt.datetime.combine(v, dt.time()), st_d)
                elif isinstance(v, dt.time):
                    ws.write(i, j, v, st_t)
                else:
                    ws.write(i, j, v, st_b if r.bold else xlwt.Style.default_style)
        for j in so.get("hidden", ()):
            ws.col(j).hidden = True
        for j in range(width):
            ws.col(j).width = 256 * so.get("widths", {}).get(j, 16)
    wb.save(path)


def write_ods(path, sheets, opts):
    from odf.number import DateStyle, Day, Hours, Minutes, Month, TimeStyle, Year
    from odf.number import Text as NText
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableColumnProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    ds = DateStyle(name="D1")
    for part in (
        Day(style="long"),
        NText(text="/"),
        Month(style="long"),
        NText(text="/"),
        Year(style="long"),
    ):
        ds.addElement(part)
    dts = DateStyle(name="D2")
    for part in (
        Day(style="long"),
        NText(text="/"),
        Month(style="long"),
        NText(text="/"),
        Year(style="long"),
        NText(text=" "),
        Hours(style="long"),
        NText(text=":"),
        Minutes(style="long"),
    ):
        dts.addElement(part)
    tst = TimeStyle(name="T1")
    for part in (Hours(style="long"), NText(text=":"), Minutes(style="long")):
        tst.addElement(part)
    for s in (ds, dts, tst):
        doc.automaticstyles.addElement(s)
    c_d = Style(name="cd", family="table-cell", datastylename="D1")
    c_dt = Style(name="cdt", family="table-cell", datastylename="D2")
    c_t = Style(name="ct", family="table-cell", datastylename="T1")
    col_vis = Style(name="co1", family="table-column")
    col_vis.addElement(TableColumnProperties(columnwidth="1.2in"))
    for s in (c_d, c_dt, c_t, col_vis):
        doc.automaticstyles.addElement(s)
    for name, rows, so in sheets:
        t = Table(name=name)
        width = max((len(r.cells) for r in rows), default=1)
        for j in range(width):
            kw = {"stylename": col_vis}
            if j in so.get("hidden", ()):
                kw["visibility"] = "collapse"
            t.addElement(TableColumn(**kw))
        for r in rows:
            tr = TableRow()
            cells = r.cells or [None]
            for v in cells:
                if v is None or v == "":
                    tr.addElement(TableCell())
                    continue
                if isinstance(v, dt.datetime):
                    c = TableCell(
                        valuetype="date", datevalue=v.strftime("%Y-%m-%dT%H:%M:%S"), stylename=c_dt
                    )
                    c.addElement(P(text=v.strftime("%d/%m/%Y %H:%M")))
                elif isinstance(v, dt.date):
                    c = TableCell(valuetype="date", datevalue=v.isoformat(), stylename=c_d)
                    c.addElement(P(text=v.strftime("%d/%m/%Y")))
                elif isinstance(v, dt.time):
                    c = TableCell(
                        valuetype="time", timevalue=v.strftime("PT%HH%MM00S"), stylename=c_t
                    )
                    c.addElement(P(text=v.strftime("%H:%M")))
                elif isinstance(v, (int, float)):
                    c = TableCell(valuetype="float", value=str(v))
                    c.addElement(P(text=as_text(v, opts)))
                else:
                    c = TableCell(valuetype="string")
                    for line in str(v).split("\n"):
                        c.addElement(P(text=line))
                tr.addElement(c)
            t.addElement(tr)
        doc.spreadsheet.addElement(t)
    doc.save(path)


def write_csv(path, rows, opts):
    enc = opts.get("enc", "utf-8")
    with open(path, "w", encoding=enc, newline="") as fh:
        w = csv.writer(
            fh,
            delimiter=opts.get("delim", ","),
            lineterminator=opts.get("eol", "\r\n"),
            quoting=opts.get("quoting", csv.QUOTE_MINIMAL),
        )
        for r in rows:
            w.writerow([as_text(v, opts) for v in r.cells])


# ---------------------------------------------------------------- Word
def _docx():
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(10)
    return d


def add_table(d, rows, opts):
    width = max(len(r.cells) for r in rows)
    t = d.add_table(rows=0, cols=width)
    t.style = "Table Grid"
    for r in rows:
        cells = t.add_row().cells
        if r.merge and width > 1:
            m = cells[0].merge(cells[width - 1])
            m.text = as_text(r.cells[0], opts)
            if r.bold:
                for run in m.paragraphs[0].runs:
                    run.bold = True
            continue
        for j in range(width):
            v = r.cells[j] if j < len(r.cells) else None
            cells[j].text = as_text(v, opts)
            if r.bold and cells[j].paragraphs[0].runs:
                cells[j].paragraphs[0].runs[0].bold = True
    return t


def write_docx(path, parts, opts):
    """parts: ('p', text, style) | ('table', rows) | ('kv', [(k, v)]) | ('break',)"""
    d = _docx()
    if opts.get("page_header"):
        d.sections[0].header.paragraphs[0].text = opts["page_header"]
    for part in parts:
        if part[0] == "p":
            if part[2]:
                d.add_paragraph(part[1], style=part[2])
            else:
                d.add_paragraph(part[1])
        elif part[0] == "table":
            add_table(d, part[1], opts)
        elif part[0] == "kv":
            t = d.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            for k, v in part[1]:
                c = t.add_row().cells
                c[0].text, c[1].text = k, v
        elif part[0] == "break":
            d.add_page_break()
    d.save(path)


def write_docx_paragraphs(path, paras, opts):
    """paras: list of (Row-like with a single text cell, style); one paragraph each"""
    d = _docx()
    if opts.get("page_header"):
        d.sections[0].header.paragraphs[0].text = opts["page_header"]
    if opts.get("page_footer"):
        d.sections[0].footer.paragraphs[0].text = opts["page_footer"]
    for r, style in paras:
        text = r.cells[0] if r.cells else ""
        if style and text:
            d.add_paragraph(text, style=style)
        else:
            p = d.add_paragraph()
            if text:
                bold_to = getattr(r, "bold_to", 0)
                if bold_to:
                    p.add_run(text[:bold_to]).bold = True
                    p.add_run(text[bold_to:])
                else:
                    p.add_run(text)
    d.save(path)
