"""Write a built file (containers of rows) with the library an agency's export would use.

A container is one sheet, one CSV, one Word table or the paragraphs of a Word document;
its rows are numbered from 1 as a reviewer sees them (Excel row, CSV record, table row,
paragraph)."""

import csv
import datetime as dt

XL_DATE = "dd/mm/yyyy"
XL_DT = "dd/mm/yyyy hh:mm"


def _is_dt(v):
    return isinstance(v, dt.datetime)


def write_xlsx(path, sheets, date_fmt=XL_DATE, dt_fmt=XL_DT):
    import openpyxl
    from openpyxl.styles import Alignment, Font

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sh in sheets:
        ws = wb.create_sheet(sh["name"])
        width = max((len(r["cells"]) for r in sh["rows"]), default=1)
        for i, r in enumerate(sh["rows"], start=1):
            for j, v in enumerate(r["cells"], start=1):
                if v in ("", None):
                    continue
                c = ws.cell(row=i, column=j, value=v)
                if _is_dt(v):
                    c.number_format = dt_fmt if (v.hour or v.minute) else date_fmt
                elif isinstance(v, dt.time):
                    c.number_format = "hh:mm"
                elif isinstance(v, str) and "\n" in v:
                    c.alignment = Alignment(wrap_text=True, vertical="top")
            if r.get("merge") and width > 1:
                ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
            if r["kind"] in ("header", "title") and r["cells"] and r["cells"][0]:
                ws.cell(row=i, column=1).font = Font(bold=True)
        for j in range(1, width + 1):
            ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width = 18
        if sh.get("freeze"):
            ws.freeze_panes = ws.cell(row=sh["freeze"] + 1, column=1)
    wb.save(path)


def write_xls(path, sheets):
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    st_d = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    st_dt = xlwt.easyxf(num_format_str="DD/MM/YYYY HH:MM")
    st_t = xlwt.easyxf(num_format_str="HH:MM")
    st_wrap = xlwt.easyxf("align: wrap on, vert top")
    st_b = xlwt.easyxf("font: bold on")
    for sh in sheets:
        ws = wb.add_sheet(sh["name"])
        width = max((len(r["cells"]) for r in sh["rows"]), default=1)
        for i, r in enumerate(sh["rows"]):
            if r.get("merge") and width > 1:
                ws.write_merge(i, i, 0, width - 1, r["cells"][0] if r["cells"] else "", st_b)
                continue
            for j, v in enumerate(r["cells"]):
                if v in ("", None):
                    continue
                if _is_dt(v):
                    ws.write(i, j, v, st_dt if (v.hour or v.minute) else st_d)
                elif isinstance(v, dt.time):
                    ws.write(i, j, v, st_t)
                elif isinstance(v, str) and "\n" in v:
                    ws.write(i, j, v, st_wrap)
                elif r["kind"] == "header":
                    ws.write(i, j, v, st_b)
                else:
                    ws.write(i, j, v)
        for j in range(width):
            ws.col(j).width = 256 * 18
    wb.save(path)


def write_ods(path, sheets):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for sh in sheets:
        t = Table(name=sh["name"])
        width = max((len(r["cells"]) for r in sh["rows"]), default=1)
        for r in sh["rows"]:
            tr = TableRow()
            cells = list(r["cells"]) or [""]
            for j, v in enumerate(cells):
                if _is_dt(v):
                    iso = (
                        v.strftime("%Y-%m-%dT%H:%M:%S")
                        if (v.hour or v.minute)
                        else v.date().isoformat()
                    )
                    tc = TableCell(valuetype="date", datevalue=iso)
                    shown = (
                        v.strftime("%d/%m/%Y %H:%M")
                        if (v.hour or v.minute)
                        else v.strftime("%d/%m/%Y")
                    )
                    tc.addElement(P(text=shown))
                elif isinstance(v, dt.time):
                    tc = TableCell(valuetype="time", timevalue=v.strftime("PT%HH%MM00S"))
                    tc.addElement(P(text=v.strftime("%H:%M")))
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    tc = TableCell(valuetype="float", value=v)
                    tc.addElement(P(text=str(v)))
                elif v in ("", None):
                    tc = TableCell()
                else:
                    tc = TableCell(valuetype="string")
                    for line in str(v).split("\n"):
                        tc.addElement(P(text=line))
                if r.get("merge") and j == 0 and width > 1:
                    tc.setAttribute("numbercolumnsspanned", str(width))
                tr.addElement(tc)
            t.addElement(tr)
        doc.spreadsheet.addElement(t)
    doc.save(path)


def write_csv(path, rows, encoding, delimiter, pad=True, quoting=csv.QUOTE_MINIMAL):
    width = max((len(r["cells"]) for r in rows), default=1)
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
        for r in rows:
            if r.get("raw"):
                fh.write(str(r["cells"][0]) + "\r\n")
                continue
            cells = ["" if v is None else str(v) for v in r["cells"]]
            if pad and r["kind"] != "title":
                cells += [""] * (width - len(cells))
            w.writerow(cells)


def write_docx(path, blocks, header_text=None, footer_text=None):
    """blocks: ("para", text, style) or ("table", rows); rows as in the other writers"""
    import docx

    doc = docx.Document()
    if header_text:
        doc.sections[0].header.paragraphs[0].text = header_text
    if footer_text:
        doc.sections[0].footer.paragraphs[0].text = footer_text
    for b in blocks:
        if b[0] == "para":
            _, text, style = b
            doc.add_paragraph(text, style=style) if style else doc.add_paragraph(text)
            continue
        rows = b[1]
        width = max(len(r["cells"]) for r in rows)
        tbl = doc.add_table(rows=0, cols=width)
        tbl.style = "Table Grid"
        for r in rows:
            cells = tbl.add_row().cells
            if r.get("merge") and width > 1:
                m = cells[0].merge(cells[width - 1])
                m.text = str(r["cells"][0]) if r["cells"] else ""
                continue
            for j, v in enumerate(r["cells"]):
                cells[j].text = "" if v is None else str(v)
    doc.save(path)
