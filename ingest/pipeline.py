"""Import one agency file: read -> locate table -> map columns -> parse -> validate.

Every physical row of the chosen table(s) ends as a record, a quarantined row (with a
reason) or a skipped row (blank, title, header, 'continued'), and `FileImport.accounted`
proves it. The pipeline knows nothing of matching, storage or Dash.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, time
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from ingest.agencies import AgencyDirectory
from ingest.columns import Mapping, map_columns
from ingest.dates import DateError, month_first_witness, parse_date, parse_time
from ingest.errors import IngestError
from ingest.filetype import detect_kind
from ingest.header import classify_row, find_header, header_key
from ingest.limits import Limits
from ingest.profiles import AgencyProfile
from ingest.readers.base import RawTable, cell_text
from ingest.readers.csv_reader import read_csv
from ingest.readers.docx_reader import read_docx
from ingest.readers.legacy import convert_legacy
from ingest.readers.xlsx_reader import read_xlsx
from ingest.records import (
    DateInterval,
    FileImport,
    Issue,
    Provenance,
    QuarantinedRow,
    SkippedRow,
    SourceRecord,
    stable_record_id,
)
from ingest.validate import date_issues, fmt

READERS = {"csv": read_csv, "xlsx": read_xlsx, "docx": read_docx}
TEXT_FIELDS = ("outcome", "practitioner", "source", "reference", "significance", "event_type")


@dataclass
class _Table:
    raw: RawTable
    header_index: int
    mapping: Mapping
    headers: list[str]


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
    problems with single rows never raise: they are quarantined or flagged."""
    path = Path(path)
    name = display_name or path.name
    limits = limits or Limits.from_env()
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
    read_path = convert_legacy(path, kind) if kind in ("xls", "doc") else path
    kind = {"xls": "xlsx", "doc": "docx"}.get(kind, kind)
    try:
        raw_tables, notes = READERS[kind](read_path, limits)
    except IngestError as exc:
        if exc.file_name != name:  # a converted copy: name the file the user gave us
            raise IngestError(name, exc.detail, sheet=exc.sheet, row=exc.row) from None
        raise

    tables = _choose_tables(name, raw_tables, profile, notes)

    # Agency: given by the user > profile > a column (per row) > file name > the name itself.
    agency_source = "given"
    if agency:
        agency = directory.canonical(agency) or agency.strip()
    elif profile and profile.agency:
        agency, agency_source = profile.agency, "profile"
    else:
        from_name = directory.from_file_name(Path(name).stem)
        if any(t.mapping.index_of("agency") is not None for t in tables):
            agency, agency_source = from_name or Path(name).stem, "column"
        elif from_name:
            agency, agency_source = from_name, "file name"
        else:
            agency, agency_source = Path(name).stem, "fallback: file name"
            notes.append(
                f"no agency could be found in a column or in the file name: the records are "
                f"filed under '{agency}'; give the agency (--agency) to correct it"
            )

    records: list[SourceRecord] = []
    quarantined: list[QuarantinedRow] = []
    skipped: list[SkippedRow] = []
    rows_read = 0
    for table in tables:
        rows_read += len(table.raw.rows)
        with _gc_paused():
            _import_table(
                table,
                name,
                sha256,
                agency,
                agency_source,
                directory,
                period,
                today,
                records,
                quarantined,
                skipped,
            )
        notes.extend(table.mapping.warnings)
        notes.extend(table.raw.notes)
    first = tables[0]
    return FileImport(
        file_name=name,
        file_sha256=sha256,
        agency=agency,
        agency_source=agency_source,
        sheet=", ".join(dict.fromkeys(s for t in tables for s, _ in t.raw.positions)),
        header_row=first.raw.positions[first.header_index][1],
        columns=first.mapping.columns,
        records=records,
        quarantined=quarantined,
        skipped=skipped,
        rows_read=rows_read,
        notes=notes,
    )


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while records are built: the loop allocates
    hundreds of thousands of acyclic objects, and collections triggered by them cost a
    third of the import time. Reference counting still frees memory meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _choose_tables(
    name: str, raw_tables: list[RawTable], profile: AgencyProfile | None, notes: list[str]
) -> list[_Table]:
    """Every table whose header names a date and a description; others are noted."""
    overrides = profile.columns if profile else {}
    chosen: list[_Table] = []
    failures: list[str] = []
    for raw in raw_tables:
        if profile and profile.sheet and raw.label != profile.sheet:
            notes.append(f"'{raw.label}' ignored: the profile names '{profile.sheet}'")
            continue
        if not raw.rows:
            notes.append(f"'{raw.label or name}' is empty")
            continue
        if profile and profile.header_row:
            index = next(
                (i for i, (_, r) in enumerate(raw.positions) if r == profile.header_row), -1
            )
        else:
            index, _ = find_header(raw.rows)
            if index < 0 and overrides:  # the profile's own headers may find it
                index = _find_by_overrides(raw.rows, overrides)
        if index < 0:
            # One recognisable header cell: say what is missing rather than "no header".
            index, _ = find_header(raw.rows, min_score=1)
            if index >= 0:
                headers = _unique_headers([cell_text(v) for v in raw.rows[index]])
                problems = map_columns(headers, overrides).problems
                row = raw.positions[index][1]
                failures.append(
                    f"'{raw.label or name}' likely header at row {row}: " + "; ".join(problems)
                )
                continue
            failures.append(
                f"'{raw.label or name}' is not a chronology (no header row naming a date and "
                "an event in its first 30 rows)"
            )
            continue
        headers = _unique_headers([cell_text(v) for v in raw.rows[index]])
        mapping = map_columns(headers, overrides)
        if not mapping.ok:
            row = raw.positions[index][1]
            failures.append(
                f"'{raw.label or name}' header at row {row}: " + "; ".join(mapping.problems)
            )
            continue
        chosen.append(_Table(raw, index, mapping, headers))
    if not chosen:
        raise IngestError(name, "no chronology table found. " + " | ".join(failures))
    for failure in failures:
        notes.append(f"not imported: {failure}")
    return chosen


def _find_by_overrides(rows: list[list[object]], overrides: dict[str, str]) -> int:
    from ingest.textnorm import norm_label

    wanted = {norm_label(h) for h in overrides}
    for index, row in enumerate(rows[:30]):
        if len(wanted & set(header_key(row))) >= min(2, len(wanted)):
            return index
    return -1


def _unique_headers(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, h in enumerate(headers):
        h = " ".join(h.split()) or f"Column {i + 1}"
        seen[h] = seen.get(h, 0) + 1
        out.append(h if seen[h] == 1 else f"{h} ({seen[h]})")
    return out


def _import_table(
    table: _Table,
    name: str,
    sha256: str,
    agency: str,
    agency_source: str,
    directory: AgencyDirectory,
    period: tuple[date, date] | None,
    today: date,
    records: list[SourceRecord],
    quarantined: list[QuarantinedRow],
    skipped: list[SkippedRow],
) -> None:
    raw, mapping, headers = table.raw, table.mapping, table.headers
    idx = {c.field: c.index for c in mapping.columns if c.field}
    date_i = idx["date"]
    date_col = headers[date_i]
    get_texts = itemgetter(*(idx.get(f, -1) for f in TEXT_FIELDS))  # -1: no such column
    mapped = set(idx.values())
    extra_idx = [(i, h) for i, h in enumerate(headers) if i not in mapped]
    width = len(headers)
    header = header_key(raw.rows[table.header_index])

    for i in range(table.header_index + 1):
        sheet, row_no = raw.positions[i]
        if i == table.header_index:
            reason = "header row"
        else:
            reason = "blank row" if not any(cell_text(v) for v in raw.rows[i]) else "title row"
        skipped.append(SkippedRow(sheet, row_no, reason))

    data_rows = raw.rows[table.header_index + 1 :]
    data_pos = raw.positions[table.header_index + 1 :]
    column = [r[date_i] if date_i < len(r) else None for r in data_rows]
    evidence = month_first_witness(v for v in column if isinstance(v, str)) is not None
    # identical rows -> (sheet and row of the first, how many so far)
    seen: dict[tuple[str, ...], tuple[str, int, int]] = {}
    time_i, end_i = idx.get("time", -1), idx.get("end_date", -1)
    all_text = raw.all_text
    period_start, period_end = period or (date.min, date.max)

    for row, (sheet, row_no) in zip(data_rows, data_pos, strict=True):
        # Hot loop (100k+ rows/s): strings, the usual cell, skip the generic converter.
        texts = (
            list(map(str.strip, row))
            if all_text
            else [v.strip() if v.__class__ is str else cell_text(v) for v in row]
        )
        reason = classify_row(texts, header, date_i)
        if reason:
            skipped.append(SkippedRow(sheet, row_no, reason))
            continue
        beyond = None
        if len(texts) < width:
            texts += [""] * (width - len(texts))
            row = row + [None] * (width - len(row))
        elif len(texts) > width:
            beyond = [t for t in texts[width:] if t]
            del texts[width:]
        values = tuple(texts)
        raw_cells = dict(zip(headers, texts, strict=False))  # same length: padded or cut
        if beyond:  # text beyond the header's last column: keep it
            raw_cells["(beyond header)"] = " | ".join(beyond)
        prov = Provenance(name, sha256, sheet, row_no, raw_cells)
        row_agency = agency
        if agency_source == "column" and "agency" in idx and texts[idx["agency"]]:
            cell = texts[idx["agency"]]
            row_agency = directory.canonical(cell) or cell

        issues: list[Issue] = []
        errors: list[Issue] = []
        interval = _parse_interval(row[date_i], date_col, evidence, errors)
        description = texts[idx["description"]]
        texts.append("")  # a sentinel: index -1 (no such column) reads ""
        outcome, practitioner, source, reference, significance, event_type = get_texts(texts)
        if not description and not outcome:
            errors.append(
                Issue(
                    "no_text",
                    "no description or outcome",
                    headers[idx["description"]],
                    "error",
                )
            )
        elif not description:
            issues.append(
                Issue(
                    "empty_description",
                    "empty description (the outcome is kept)",
                    headers[idx["description"]],
                )
            )
        if errors:
            quarantined.append(QuarantinedRow(row_agency, prov, errors))
            continue
        assert interval is not None
        if time_i >= 0 and interval.time is None:  # a separate time column (inlined: hot)
            value = row[time_i]
            if value is not None and value != "":
                try:
                    t = parse_time(value)
                except DateError as exc:
                    issues.append(Issue("bad_time", str(exc), headers[time_i]))
                    t = None
                if t is not None and interval.precision == "day":
                    interval = _at_time(interval, t)
        if end_i >= 0:
            interval = _with_end(interval, row[end_i], headers[end_i], evidence, issues)
        if (  # the common case needs no call: a plain date inside the period, in the past
            interval.end < period_start
            or interval.start > period_end
            or interval.start > today
            or interval.note
            or interval.alternative is not None
        ):
            issues.extend(date_issues(interval, date_col, period=period, today=today))
        first_sheet, first_row, occurrence = seen.get(values, (sheet, row_no, 0))
        seen[values] = (first_sheet, first_row, occurrence + 1)
        if occurrence:
            where = f"row {first_row}" + (f" of {first_sheet}" if first_sheet != sheet else "")
            issues.append(Issue("duplicate_row", f"the same as {where} of this file"))
        records.append(
            SourceRecord(  # positional: this runs for every row
                stable_record_id(row_agency, values, occurrence),
                row_agency,
                interval,
                description,
                prov,
                outcome,
                practitioner,
                source,
                reference,
                significance,
                event_type,
                {h: texts[i] for i, h in extra_idx if texts[i]} if extra_idx else {},
                issues,
            )
        )


def _parse_interval(
    value: object, column: str, evidence: bool, errors: list[Issue]
) -> DateInterval | None:
    try:
        interval = parse_date(value, month_first_evidence=evidence)
    except DateError as exc:
        errors.append(Issue("bad_date", str(exc), column, "error"))
        return None
    if interval is None:
        errors.append(Issue("no_date", "no date", column, "error"))
    return interval


@lru_cache(maxsize=65536)
def _at_time(interval: DateInterval, t: time) -> DateInterval:
    """The day at a time from the time column (cached: frozen dataclasses build slowly, and
    a chronology repeats the same dates and times)."""
    return DateInterval(
        interval.start,
        interval.end,
        "exact",
        interval.approximate,
        t,
        interval.alternative,
        interval.note,
    )


def _with_end(
    interval: DateInterval, value: object, column: str, evidence: bool, issues: list[Issue]
) -> DateInterval:
    """Fold an end-date column into the interval (a range), or flag it."""
    try:
        end = parse_date(value, month_first_evidence=evidence)
    except DateError as exc:
        issues.append(Issue("bad_end_date", f"end date: {exc}", column))
        return interval
    if end is None:
        return interval
    if end.end < interval.start:
        issues.append(
            Issue(
                "end_before_start",
                f"the end date {fmt(end.end)} is before the start {fmt(interval.start)}",
                column,
            )
        )
        return interval
    if end.end > interval.end:
        return replace(interval, end=end.end, precision="range", time=None)
    return interval
