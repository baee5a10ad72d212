"""The Word reader's own walk over a cell's elements reads the text python-docx's
`cell.text` and `Paragraph.text` read (its XPath queries were most of a long Word
chronology's import): tabs, line and page breaks, non-breaking hyphens, hyperlinks,
several paragraphs, merged cells, and a nested table's text left out as python-docx does."""

from __future__ import annotations

import copy

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph

from ingest.readers.docx_reader import _cell_text, _paragraph_text

HYPERLINK = (
    f"<w:hyperlink {nsdecls('w', 'r')} r:id='rId99'>"
    "<w:r><w:t xml:space='preserve'>link </w:t></w:r><w:r><w:t>text</w:t></w:r>"
    "</w:hyperlink>"
)
HYPHEN = f"<w:r {nsdecls('w')}><w:t>non</w:t><w:noBreakHyphen/><w:t>breaking</w:t></w:r>"


def _document():
    d = docx.Document()
    d.add_paragraph("Chronology of Children's Social Care (fictional)")
    p = d.add_paragraph("Before\tthe table")
    p.add_run().add_break(WD_BREAK.LINE)
    p.add_run("after a break")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).text = "Date"
    t.cell(0, 1).text = "Entry"
    t.cell(1, 0).text = "  03/02/2021 "
    c = t.cell(1, 1)
    c.text = "Home visit\tchild seen"
    run = c.paragraphs[0].add_run(" then a page")
    run.add_break(WD_BREAK.PAGE)
    run.add_text("break")
    c.add_paragraph("A second paragraph")
    c.paragraphs[0]._p.append(parse_xml(HYPERLINK))
    c.paragraphs[0]._p.append(parse_xml(HYPHEN))
    t.cell(1, 2).merge(t.cell(2, 2)).text = "merged down"
    t.cell(2, 0).merge(t.cell(2, 1)).text = "merged across"
    inner = t.cell(0, 2).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "nested"
    t.cell(0, 2).paragraphs[0].text = "Outcome"
    empty = d.add_table(rows=1, cols=1)
    empty.cell(0, 0)._tc.append(copy.deepcopy(empty.cell(0, 0)._tc.p_lst[0]))
    return d


def test_sd001_cell_text_as_python_docx_reads_it(tmp_path):
    path = tmp_path / "cells.docx"
    _document().save(path)
    d = docx.Document(str(path))
    seen = []
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                assert _cell_text(cell._tc) == cell.text
                seen.append(cell.text)
    assert "Home visit\tchild seen then a pagebreak\nA second paragraph" in {
        s.replace("link text", "").replace("non-breaking", "") for s in seen
    }
    assert any("link text" in s and "non-breaking" in s for s in seen)
    assert "merged down" in seen and "Outcome\n" in seen  # the nested table: left out
    assert not any("nested" in s for s in seen)
    for element in d.element.body.iterchildren():
        if element.tag.endswith("}p"):
            assert _paragraph_text(element) == Paragraph(element, d).text
    assert _paragraph_text(d.element.body[1]) == "Before\tthe table\nafter a break"


def test_sd002_rows_with_and_without_merged_cells_as_python_docx_gives_them(tmp_path):
    from ingest.limits import Limits
    from ingest.readers.docx_reader import _table_rows

    path = tmp_path / "rows.docx"
    _document().save(path)
    d = docx.Document(str(path))
    for table in d.tables:
        want = []
        for row in table.rows:  # python-docx's own cells: a merged cell once, then None
            cells, last = [], None
            for cell in row.cells:
                cells.append(None if cell._tc is last else cell.text.strip())
                last = cell._tc
            want.append(cells)
        assert _table_rows(table, "rows.docx", "table", Limits()) == want
    first = _table_rows(d.tables[0], "rows.docx", "table", Limits())
    assert first[2] == ["merged across", None, "merged down"]
    assert first[1][0] == "03/02/2021"
