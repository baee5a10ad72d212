"""Word .docx tables through python-docx. The paragraphs before a table are kept as its
preamble (a title block: agency, child, marking); a chronology
split into several tables (after a page break or a "continued" paragraph) is joined
when the tables have the same columns, each row keeping its own table and row number."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table, _Row

from ingest.agencies import AgencyDirectory
from ingest.agency_evidence import heading_agency
from ingest.colprofile import is_date_value
from ingest.date_headings import heading_date
from ingest.errors import IngestError
from ingest.filetype import check_zip
from ingest.labelled_paragraphs import read_labelled
from ingest.leading_dates import leading_date
from ingest.limits import Limits
from ingest.readers.base import RawTable
from ingest.tabbed_paragraphs import split_tabbed
from ingest.titleblock import title_pair


def read_docx(path: Path, limits: Limits) -> tuple[list[RawTable], list[str]]:
    name = path.name
    check_zip(path, limits)
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise IngestError(
            name, f"the file is damaged or not a real Word document ({exc})"
        ) from None
    except Exception as exc:
        raise IngestError(
            name, f"the document could not be read safely ({type(exc).__name__}: {exc})"
        ) from None

    tables: list[RawTable] = []
    notes: list[str] = []
    count = 0
    paragraphs: list[str] = []  # text since the last table: a title block, a "continued"
    every: list[list[object]] = []  # every paragraph, for a chronology written without a table
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            text = _paragraph_text(element).strip()
            if len(every) < limits.max_rows:
                every.append([text])
            if text and len(paragraphs) < 40:
                paragraphs.append(text)
            continue
        if not element.tag.endswith("}tbl"):
            continue
        count += 1
        label = f"table {count}"
        rows = _table_rows(Table(element, document), name, label, limits)
        positions = [(label, i) for i in range(1, len(rows) + 1)]
        previous = tables[-1] if tables else None
        if (
            previous is not None
            and rows
            and _width(previous.rows) == _width(rows)
            and not _key_value(previous.rows)  # a title table is not the chronology's start
        ):
            heading = _agency_paragraph(paragraphs)
            if heading:  # "Housing" above the next part of a compiled chronology
                previous.rows.append([heading] + [None] * (_width(rows) - 1))
                previous.positions.append((label, 0))  # row 0: the paragraph above it
                notes.append(
                    f"the paragraph '{heading}' above {label} names an agency: the entries "
                    "below it are filed under it"
                )
            previous.rows.extend(rows)
            previous.positions.extend(positions)
            notes.append(f"{label} continues the table before it (same columns): joined")
        else:
            tables.append(RawTable(label, rows, positions, preamble=paragraphs))
        paragraphs = []
    if not any(_chronology_like(t.rows) for t in tables) and (
        labelled := read_labelled(every, "paragraphs")
    ):  # "Date: ... / Time: ... / Entry: ..." blocks: a table without the table
        notes.append(labelled[1])
        return [*tables, labelled[0]], notes
    if not tables and (tabbed := split_tabbed(every)) is not None:
        every = tabbed[0]  # columns typed between tabs: a table without the table
        notes.append(tabbed[1])
    if tables and not any(_chronology_like(t.rows) for t in tables):
        # only a front table of key and value lines (or tables without a date): the
        # entries may be the paragraphs, offered after the tables when they are dated
        if sum(1 for cell in every if leading_date(str(cell[0]))) >= 2:
            positions = [("paragraphs", i) for i in range(1, len(every) + 1)]
            notes.append("no table holds dated entries: the paragraphs were read as the entries")
            tables.append(RawTable("paragraphs", every, positions))
        return tables, notes
    if not tables:
        if not any(
            leading_date(str(cell[0])) or heading_date(cell, coarse=True) or len(cell) > 1
            for cell in every
        ):
            raise IngestError(
                name,
                "the document has no table, and no paragraph starts with a date: a "
                "chronology must be in a Word table or one dated paragraph per entry",
            )
        # Entries written as paragraphs ("11.05.2018 11:50 – text", or a paragraph holding
        # only the date above the entry's text): one row per paragraph, numbered as Word
        # counts them; the importer reads the date at the start of each, or carries it down.
        positions = [("paragraphs", i) for i in range(1, len(every) + 1)]
        notes.append("the document has no table: its paragraphs were read as the entries")
        return [RawTable("paragraphs", every, positions)], notes
    return tables, notes


_DEFAULT_AGENCIES = AgencyDirectory()


def _agency_paragraph(paragraphs: list[str]) -> str:
    """The last paragraph before a table when it is a heading naming an agency, or ""."""
    if not paragraphs:
        return ""
    last = paragraphs[-1]
    return last if heading_agency(last, _DEFAULT_AGENCIES) else ""


def _key_value(rows: list[list[object]]) -> bool:
    filled = [r for r in rows if any(r)]
    return bool(filled) and sum(1 for r in filled if title_pair(r)) * 2 >= len(filled)


def _chronology_like(rows: list[list[object]]) -> bool:
    """Not key and value lines, and some cell reads as a date: a table of entries."""
    return not _key_value(rows) and any(is_date_value(v)[0] for r in rows for v in r if v)


def _width(rows: list[list[object]]) -> int:
    return max((len(r) for r in rows), default=0)


def _table_rows(table: Table, file_name: str, label: str, limits: Limits) -> list[list[object]]:
    rows: list[list[object]] = []
    for number, row in enumerate(table.rows, start=1):
        if number > limits.max_rows:
            raise IngestError(file_name, f"more than {limits.max_rows} rows", sheet=label)
        tcs = row._tr.findall(_TC)
        if all(map(_plain_tc, tcs)):  # no merged cell: one cell per <w:tc>
            cells: list[object] = [_cell_text(tc).strip() for tc in tcs]
        else:
            cells = _merged_row_cells(row)
        if len(cells) > limits.max_columns:
            raise IngestError(
                file_name, f"more than {limits.max_columns} columns", sheet=label, row=number
            )
        rows.append(cells)
    return rows


_P, _R, _HYPERLINK = qn("w:p"), qn("w:r"), qn("w:hyperlink")
_TC, _TCPR, _VMERGE, _GRIDSPAN = qn("w:tc"), qn("w:tcPr"), qn("w:vMerge"), qn("w:gridSpan")
_RUN_TEXT = frozenset(map(qn, ("w:br", "w:cr", "w:noBreakHyphen", "w:ptab", "w:t", "w:tab")))


def _cell_text(tc: object) -> str:
    """python-docx's `cell.text` (its paragraphs' texts, one per line) read by walking
    the cell's elements: python-docx runs an XPath query per paragraph and per run, nine
    tenths of reading a long Word chronology."""
    return "\n".join([_paragraph_text(p) for p in tc if p.tag == _P])  # type: ignore[attr-defined]


def _paragraph_text(p: object) -> str:
    """python-docx's `Paragraph.text`: the text of the paragraph's runs and of the runs
    of its hyperlinks, in order; within a run its text, tab, break and hyphen elements
    as python-docx renders each (str() of its element class)."""
    parts: list[str] = []
    for child in p:  # type: ignore[attr-defined]
        tag = child.tag
        if tag == _R:
            parts.extend(str(e) for e in child if e.tag in _RUN_TEXT)
        elif tag == _HYPERLINK:
            for run in child:
                if run.tag == _R:
                    parts.extend(str(e) for e in run if e.tag in _RUN_TEXT)
    return "".join(parts)


def _plain_tc(tc: object) -> bool:
    """A <w:tc> merged with no other (no vMerge, no gridSpan in its properties): python-
    docx's `row.cells` gives it once, as itself; the others go through python-docx."""
    props = tc.find(_TCPR)  # type: ignore[attr-defined]
    return props is None or (props.find(_VMERGE) is None and props.find(_GRIDSPAN) is None)


def _merged_row_cells(row: _Row) -> list[object]:
    """A row with merged cells as python-docx's `row.cells` gives it: a horizontally
    merged cell once per grid column (kept once, None after it), a vertically merged
    one as the cell it continues."""
    cells: list[object] = []
    last_tc = None
    for cell in row.cells:
        if cell._tc is last_tc:
            cells.append(None)
            continue
        last_tc = cell._tc
        cells.append(_cell_text(cell._tc).strip())
    return cells
