"""Import one agency file: read -> locate table -> column roles -> parse -> validate.

Every physical row of the chosen table(s) ends as a record, a quarantined row (with a
reason) or a skipped row (blank, title, header, continuation joined, footer), and
`FileImport.accounted` proves it. The pipeline knows nothing of matching, storage or Dash.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import hashlib
from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain, groupby
from operator import itemgetter
from pathlib import Path
from typing import ParamSpec, TypeVar

from ingest.agencies import AgencyDirectory
from ingest.agency_column import demote_single_value_agency
from ingest.agency_evidence import file_agency, sheet_agency
from ingest.errors import IngestError
from ingest.filetype import detect_kind
from ingest.leading_dates import flag_doubtful_joins
from ingest.limits import Limits
from ingest.nonrecords import birth_label
from ingest.profiles import AgencyProfile
from ingest.readers.csv_reader import read_csv
from ingest.readers.docx_reader import read_docx
from ingest.readers.legacy import convert_legacy
from ingest.readers.xlsx_reader import read_xlsx
from ingest.records import FileImport, QuarantinedRow, SkippedRow, SourceRecord
from ingest.role_agencies import one_agency_by_role, role_evidence, source_as_agency
from ingest.rowloop import Context, import_table
from ingest.signoff_agency import signature_agency, signoff_agency
from ingest.suspect import flag_suspect_dates
from ingest.tables import Table, choose_tables

P = ParamSpec("P")
R = TypeVar("R")
READERS = {"csv": read_csv, "xlsx": read_xlsx, "xls": read_xlsx, "ods": read_xlsx}
READERS["docx"] = read_docx
_ORDER_RANK = {"month-first": 0, "mixed": 1, "day-first": 2}


def _sheets(table: Table) -> Iterator[str]:
    """The sheets of the table's rows, in order, once per run of rows on one sheet."""
    return (sheet for sheet, _ in groupby(map(itemgetter(0), table.raw.positions)))


def _drop_birth_labels(records: list[SourceRecord], start: int, skipped: list[SkippedRow]) -> None:
    """Skip the records from `start` on whose whole text names whose birth date the date is
    ("Date of birth - Kelua"): a person's details on a dated row, not an event."""
    births = [
        r
        for r in records[start:]
        if len(d := r.description) <= 60 and _may_be_birth(d)  # most entries are longer
    ]
    for r in births:
        records.remove(r)
        prov = r.provenance
        skipped.append(SkippedRow(prov.sheet, prov.row, "a date of birth, not an event"))


def _may_be_birth(text: str) -> bool:
    # substring tests first: a regex per record would cost an eighth of a CSV's import
    return (
        len(text) <= 60
        and ("irth" in text or "OB" in text or "ob" in text or ".B" in text or ".b" in text)
        and birth_label(text)
    )


def _gc_paused(fn: Callable[P, R]) -> Callable[P, R]:
    """Pause the cyclic garbage collector while `fn` builds records: the loop allocates
    hundreds of thousands of acyclic objects, and collections triggered by them cost a
    third of the import time. Reference counting still frees memory meanwhile."""

    @functools.wraps(fn)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_enabled:
                # The objects made meanwhile (the records, which live on) go straight to the
                # oldest generation (freeze, then unfreeze: two list splices) instead of being
                # traversed by the collection the next allocation would run (a seventh of the
                # import). Skipped when the process keeps frozen objects of its own (a server
                # that froze its start-up state before forking).
                if gc.get_freeze_count() == 0:
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()

    return paused


@_gc_paused  # reading and the rows allocate many acyclic objects: see _gc_paused
def import_file(
    path: str | Path,
    *,
    agency: str | None = None,
    profile: AgencyProfile | None = None,
    period: tuple[date, date] | None = None,
    today: date | None = None,
    limits: Limits | None = None,
    directory: AgencyDirectory | None = None,
    display_name: str | None = None,
) -> FileImport:
    """Import one file. Raises IngestError (naming the file) when it cannot be read at all;
    problems with single rows never raise: they are quarantined or flagged. `limits` are
    the bounds on reading it (the defaults when None; the app passes its settings')."""
    path = Path(path)
    name = display_name or path.name
    limits = limits or Limits()
    directory = directory or AgencyDirectory()
    today = today or date.today()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(name, f"the file cannot be opened ({exc.strerror})") from None
    if size > limits.max_file_bytes:
        raise IngestError(
            name,
            f"the file is {size // (1024 * 1024)} MB, more than the "
            f"{limits.max_file_bytes // (1024 * 1024)} MB allowed",
        )
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    kind = detect_kind(path, data[:8])
    read_path = convert_legacy(path, kind) if kind == "doc" else path
    kind = {"doc": "docx"}.get(kind, kind)
    try:
        raw_tables, notes = READERS[kind](read_path, limits)
    except IngestError as exc:
        if exc.file_name != name:  # a converted copy: name the file the user gave us
            raise IngestError(name, exc.detail, sheet=exc.sheet, row=exc.row) from None
        raise

    tables, title = choose_tables(name, raw_tables, profile, notes, directory)
    has_column = any(t.mapping.index_of("agency") is not None for t in tables)

    # Agency: given > profile > a column (per row) > title block > sheet > system > file name.
    evidence = ""
    if agency:
        agency, agency_source = directory.canonical(agency) or agency.strip(), "given"
        evidence = "given when the file was imported"
    elif profile and profile.agency:
        agency, agency_source = profile.agency, "profile"
        evidence = "the agency profile names it"
    else:
        sheets = [t.raw.label for t in tables]
        found, source, evidence = file_agency(name, title, sheets, directory)
        if has_column:  # one value in every row: the file's own agency outranks it
            notes.extend(demote_single_value_agency(tables, found, directory))
            has_column = any(t.mapping.index_of("agency") is not None for t in tables)
        if not has_column:  # a multi-agency file's "Source" column may name each agency
            has_column = bool(source_as_agency(name, title, tables, found, directory))
        if has_column:
            agency, agency_source = found or Path(name).stem, "column"
            evidence = "each row's agency column" + (
                f"; rows without one: {found} ({evidence})" if found else ""
            )
        elif found:
            agency, agency_source = found, source
        elif own := one_agency_by_role(tables, directory):  # one agency's own staff
            agency, evidence = own
            agency_source = "practitioner role"
        elif (own := signoff_agency(tables, directory)) or (
            own := signature_agency(tables, directory)
        ):  # "Completed by: ..., Vale Academy"; else each entry's "N. Nettle, GP"
            agency, evidence = own
            agency_source = "sign-off"
        else:
            agency, agency_source = Path(name).stem, "fallback: file name"
            evidence = f"nothing named an agency: the records are filed under '{agency}'"
            notes.append(
                f"no agency could be found in a column, the title block, the sheet name or "
                f"the file name: the records are filed under '{agency}'; give the agency "
                f"(--agency) to correct it"
            )
    by_role = None
    by_sheet = agency_source == "sheet name"  # one sheet per agency, even if roles name some
    if agency_source not in ("given", "profile", "column"):
        # no agency column: an integrated chronology may name each entry's practitioner
        by_role = role_evidence(name, title, tables, agency_source, directory)
        if by_role:
            agency_source = "practitioner role"
            evidence = f"each entry's practitioner's role ({by_role}); rows without one: {agency}"
    if agency_source == "file name":
        notes.append(f"the agency ({agency}) was taken from the file name: {evidence}")

    records: list[SourceRecord] = []
    quarantined: list[QuarantinedRow] = []
    skipped: list[SkippedRow] = []
    ctx = Context(name, sha256, agency, agency_source == "column", directory, period, today)
    ctx.agency_by_role = bool(by_role)
    rows_read = 0
    date_order: dict[str, str] = {}
    for table in tables:
        rows_read += len(table.raw.rows)
        # a workbook of one sheet per agency: each sheet's entries are its own agency's
        # (a row whose practitioner's role names no agency is its sheet's agency's)
        own = sheet_agency(table.raw.label, directory) if by_sheet else None
        table_ctx = ctx
        if ctx.agency_from_column and table.mapping.index_of("agency") is None:
            # another sheet has an agency column, this one none: its sheet's name, or the file's
            own = sheet_agency(table.raw.label, directory)
            table_ctx = dataclasses.replace(ctx, agency_from_column=False)
        if own and own != agency:
            table_ctx = dataclasses.replace(table_ctx, agency=own)
            notes.append(f"'{table.raw.label}': its entries are {own}'s (the sheet's name)")
        first_new = len(records)
        import_table(table, table_ctx, records, quarantined, skipped)
        if table.raw.doubtful_joins:
            flag_doubtful_joins(records[first_new:], table.raw.doubtful_joins)
        _drop_birth_labels(records, first_new, skipped)
        notes.extend(table.mapping.warnings)
        notes.extend(table.raw.notes)
        if table.date_note:
            date_i = table.mapping.index_of("date")
            date_order[table.headers[date_i] if date_i is not None else ""] = table.date_note
        if table.header_index < 0:
            notes.append(f"'{table.raw.label or name}': {table.how}")
    flag_suspect_dates(records, period)
    first = tables[0]
    # the file's reading: month-first where a table was read so, else mixed, else day-first
    decisive = min(tables, key=lambda t: (_ORDER_RANK.get(t.date_order, 9), t.date_by == "default"))
    return FileImport(
        file_name=name,
        file_sha256=sha256,
        agency=agency,
        agency_source=agency_source,
        sheet=", ".join(dict.fromkeys(chain.from_iterable(_sheets(t) for t in tables))),
        header_row=(
            first.raw.positions[first.header_index][1] if first.header_index >= 0 else None
        ),
        columns=first.mapping.columns,
        records=records,
        quarantined=quarantined,
        skipped=skipped,
        rows_read=rows_read,
        notes=notes,
        agency_evidence=evidence,
        title_block={
            **title.fields,
            **({"organisation": title.organisation} if title.organisation else {}),
            **({"marking": title.marking} if title.marking else {}),
        },
        date_order=date_order,
        date_order_read=decisive.date_order,
        date_order_by=decisive.date_by,
        date_order_witness=decisive.date_witness,
        header_found=first.how,
    )
