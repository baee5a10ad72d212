"""One writer per format. Each takes the rows it writes and returns, per listed row, the
(sheet, row number) a reader of that file sees, so the truth follows the file exactly."""

import csv
import datetime as dt
import io

DATE_FMT = {"dmy": "DD/MM/YYYY", "mon": "D-MMM-YY", "long": "D MMMM YYYY", "us": "MM/DD/YYYY"}


def cell_text(v, spec):
    """what a cell shows when a format has no types (CSV, Word)"""
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.strftime("%d/%m/%Y %H:%M")
    if isinstance(v, dt.date):
        return v.strftime("%d/%m/%Y")
    if isinstance(v, dt.time):
        return v.strftime("%H:%M")
    return str(v)


# -- xlsx -------------------------------------------------------------------------------------


def write_xlsx(path, sheets, spec):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.remove(wb.active)
    where = {}
    for name, rows, extra in sheets:
        ws = wb.create_sheet(name)
        c0 = extra.get("start_col", 0) + 1
        r0 = extra.get("start_row", 0)
        ncol = max((len(r.cells) for r in rows), default=1)
        for i, row in enumerate(rows):
            rn = r0 + i + 1
            for j, v in enumerate(row.cells):
                if v == "" or v is None:
                    continue
                c = ws.cell(rn, c0 + j, v)
                if isinstance(v, dt.datetime):
                    c.number_format = extra.get("dtfmt", "DD/MM/YYYY HH:MM")
                elif isinstance(v, dt.date):
                    c.number_format = extra.get("dfmt", "DD/MM/YYYY")
                elif isinstance(v, dt.time):
                    c.number_format = "HH:MM"
                if isinstance(v, str) and "\n" in v:
                    c.alignment = Alignment(wrap_text=True, vertical="top")
                if row.bold:
                    c.font = Font(bold=True)
            if row.merge and ncol > 1 and row.cells and row.cells[0] != "":
                ws.merge_cells(start_row=rn, start_column=c0, end_row=rn, end_column=c0 + ncol - 1)
            if row.kind:
                where[id(row)] = (name, rn)
        if extra.get("freeze"):
            ws.freeze_panes = ws.cell(extra["freeze"] + 1, 1)
        if extra.get("hide_col"):
            ws.column_dimensions[extra["hide_col"]].hidden = True
        for j in range(ncol):
            ws.column_dimensions[chr(ord("A") + c0 - 1 + j)].width = 14 if j else 16
    wb.save(path)
    return where


# -- xls --------------------------------------------------------------------------------------


def write_xls(path, sheets, spec):
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    where = {}
    st_d = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    st_dt = xlwt.easyxf(num_format_str="DD/MM/YYYY HH:MM")
    st_t = xlwt.easyxf(num_format_str="HH:MM")
    st_b = xlwt.easyxf("font: bold on")
    st_w = xlwt.easyxf("alignment: wrap on")
    for name, rows, extra in sheets:
        ws = wb.add_sheet(name[:31])
        c0 = extra.get("start_col", 0)
        r0 = extra.get("start_row", 0)
        ncol = max((len(r.cells) for r in rows), default=1)
        for i, row in enumerate(rows):
            rn = r0 + i
            if row.merge and ncol > 1 and row.cells and row.cells[0] != "":
                ws.write_merge(
                    rn,
                    rn,
                    c0,
                    c0 + ncol - 1,
                    row.cells[0],
                    st_b if row.bold else xlwt.Style.default_style,
                )
            else:
                for j, v in enumerate(row.cells):
                    if v == "" or v is None:
                        continue
                    if isinstance(v, dt.datetime):
                        ws.write(rn, c0 + j, v, st_dt)
                    elif isinstance(v, dt.date):
                        ws.write(rn, c0 + j, v, st_d)
                    elif isinstance(v, dt.time):
                        ws.write(rn, c0 + j, v, st_t)
                    else:
                        ws.write(
                            rn,
                            c0 + j,
                            v,
                            st_b
                            if row.bold
                            else (
                                st_w
                                if isinstance(v, str) and "\n" in v
                                else xlwt.Style.default_style
                            ),
                        )
            if row.kind:
                where[id(row)] = (name[:31], rn + 1)
    wb.save(path)
    return where


# -- ods --------------------------------------------------------------------------------------


def write_ods(path, sheets, spec):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import LineBreak, P

    doc = OpenDocumentSpreadsheet()
    where = {}
    for name, rows, extra in sheets:
        t = Table(name=name)
        c0 = extra.get("start_col", 0)
        ncol = max((len(r.cells) for r in rows), default=1)
        for i, row in enumerate(rows):
            tr = TableRow()
            for _ in range(c0):
                tr.addElement(TableCell())
            if row.merge and ncol > 1 and row.cells and row.cells[0] != "":
                tc = TableCell(valuetype="string", numbercolumnsspanned=ncol)
                tc.addElement(P(text=str(row.cells[0])))
                tr.addElement(tc)
                for _ in range(ncol - 1):
                    tr.addElement(CoveredTableCell())
            else:
                for v in row.cells:
                    tr.addElement(ods_cell(v, TableCell, P, LineBreak))
            t.addElement(tr)
            if row.kind:
                where[id(row)] = (name, i + 1)
        doc.spreadsheet.addElement(t)
    doc.save(path)
    return where


def ods_cell(v, TableCell, P, LineBreak):
    if v == "" or v is None:
        return TableCell()
    if isinstance(v, dt.datetime):
        tc = TableCell(valuetype="date", datevalue=v.strftime("%Y-%m-%dT%H:%M:%S"))
        tc.addElement(P(text=v.strftime("%d/%m/%Y %H:%M")))
    elif isinstance(v, dt.date):
        tc = TableCell(valuetype="date", datevalue=v.isoformat())
        tc.addElement(P(text=v.strftime("%d/%m/%Y")))
    elif isinstance(v, dt.time):
        tc = TableCell(valuetype="time", timevalue=f"PT{v.hour:02d}H{v.minute:02d}M00S")
        tc.addElement(P(text=v.strftime("%H:%M")))
    elif isinstance(v, (int, float)):
        tc = TableCell(valuetype="float", value=v)
        tc.addElement(P(text=str(v)))
    else:
        tc = TableCell(valuetype="string")
        for line in str(v).split("\n"):
            tc.addElement(P(text=line))  # one paragraph a line, as Calc writes a wrapped cell
    return tc


# -- csv --------------------------------------------------------------------------------------


def write_csv(path, rows, spec):
    buf = io.StringIO()
    quoting = csv.QUOTE_ALL if spec.get("quote_all") else csv.QUOTE_MINIMAL
    w = csv.writer(
        buf, delimiter=spec["delimiter"], quoting=quoting, lineterminator=spec.get("eol", "\r\n")
    )
    where = {}
    for i, row in enumerate(rows):
        cells = [cell_text(v, spec) for v in row.cells]
        if row.kind is None and spec.get("trim_title") and not row.bold:
            while cells and cells[-1] == "":
                cells.pop()
        if row.merge and spec.get("trim_title"):
            cells = [cells[0]]
        w.writerow(cells)
        if row.kind:
            where[id(row)] = ("", i + 1)
    data = buf.getvalue()
    with open(path, "wb") as fh:
        fh.write(data.encode(spec["encoding"], errors="strict"))
    return where


# -- docx -------------------------------------------------------------------------------------


def _repeat_header(row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def write_docx(path, blocks, spec):
    """blocks: ("p", text, style) | ("kv", [(k, v)]) | ("table", rows)"""
    from docx import Document

    doc = Document()
    where = {}
    ntab = 0
    for b in blocks:
        if b[0] == "p":
            if b[2]:
                doc.add_paragraph(b[1], style=b[2])
            else:
                doc.add_paragraph(b[1])
        elif b[0] == "kv":
            ntab += 1
            t = doc.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            for k, v in b[1]:
                cells = t.add_row().cells
                cells[0].text, cells[1].text = k, v
        else:
            ntab += 1
            rows = b[1]
            ncol = max(len(r.cells) for r in rows)
            t = doc.add_table(rows=0, cols=ncol)
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                r = t.add_row()
                if row.merge and ncol > 1:
                    m = r.cells[0].merge(r.cells[ncol - 1])
                    m.text = str(row.cells[0])
                else:
                    for j, v in enumerate(row.cells):
                        s = cell_text(v, spec)
                        if "\n" in s and spec.get("cell_paras"):
                            parts = s.split("\n")
                            r.cells[j].text = parts[0]
                            for p in parts[1:]:
                                r.cells[j].add_paragraph(p)
                        else:
                            r.cells[j].text = s
                if row.bold:
                    for c in r.cells:
                        for p in c.paragraphs:
                            for run in p.runs:
                                run.bold = True
                if i == 0 and spec.get("repeat_header"):
                    _repeat_header(r)
                if row.kind:
                    where[id(row)] = (f"table {ntab}", i + 1)
    doc.save(path)
    return where


def write_paras(path, rows, spec):
    from docx import Document

    doc = Document()
    where = {}
    for i, row in enumerate(rows):
        text = row.cells[0]
        p = doc.add_paragraph(style=row.style or None)
        if text:
            run = p.add_run(text)
            run.bold = row.bold
        if row.kind:
            where[id(row)] = ("paragraphs", i + 1)
    doc.save(path)
    return where
