"""Find the chronology table(s) in what a reader returned, and each column's role.

A table is a chronology when it has dated entries: its header is the row naming known
fields, or the short row just above the first dated rows, or none at all ("Column 1..N"
then stand in). Rows above the header are the title block. A small key/value Word table
before the chronology is a title block too. Roles come from content and header together
(ingest/roles.py); dates are read in the order their column shows (ingest/dates.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter

from ingest.agencies import AgencyDirectory
from ingest.colprofile import profile_columns
from ingest.columns import Mapping, map_columns
from ingest.date_headings import carry_date_headings, is_diary
from ingest.dated_cells import event_date_in_cells
from ingest.dates import column_date_order
from ingest.errors import IngestError
from ingest.event_date import choose_event_date
from ingest.header import data_start, find_header, header_key, locate_header
from ingest.leading_dates import split_leading_dates
from ingest.profiles import AgencyProfile
from ingest.readers.base import RawTable, cell_text
from ingest.roles import assign_roles
from ingest.textnorm import norm_label
from ingest.titleblock import TitleBlock, read_title_block, title_pair
from ingest.year_sections import carry_section_years


@dataclass
class Table:
    raw: RawTable
    header_index: int  # -1: the table has no header row
    data_index: int  # the first row after the header (or the first dated row)
    mapping: Mapping
    headers: list[str]
    how: str = ""
    date_order: str = "day-first"  # "day-first" | "month-first" | "mixed"
    date_note: str = ""  # why, for the summary
    date_by: str = "default"  # "content" | "profile" | "default" (no evidence: day-first)
    date_witness: str = ""  # the date text that decided it, when the content did
    title_rows: list[list[object]] = field(default_factory=list)
    event_note: str = ""  # which of two date columns is the event's, and why


def choose_tables(
    name: str,
    raw_tables: list[RawTable],
    profile: AgencyProfile | None,
    notes: list[str],
    directory: AgencyDirectory,
) -> tuple[list[Table], TitleBlock]:
    """Every table with dated entries and a description; others are noted (or, when they
    are key/value lines, read as the title block)."""
    overrides = profile.columns if profile else {}
    chosen: list[Table] = []
    failures: list[str] = []
    title_lines: list[list[object]] = []
    for raw in raw_tables:
        label = raw.label or name
        if profile and profile.sheet and raw.label != profile.sheet:
            notes.append(f"'{raw.label}' ignored: the profile names '{profile.sheet}'")
            continue
        title_lines.extend([p] for p in raw.preamble)
        if not raw.rows:
            notes.append(f"'{label}' is empty")
            continue
        if not chosen and _is_key_value(raw):
            title_lines.extend(raw.rows)
            notes.append(f"'{label}' read as the title block (key and value lines)")
            continue
        table, failure = None, ""
        if is_diary(raw) and (split := carry_date_headings(raw)) is not None:
            table, _ = _table(split[0], label, profile, overrides, directory)
            if table is not None:  # read by its headings: its time column is no date
                notes.append(split[1])
        if table is None:
            table, failure = _table(raw, label, profile, overrides, directory)
            if table is not None and profile is None:  # "26.11.21 1.08pm TM J. Elmenby"
                build = partial(_table_only, label=label, overrides=overrides, directory=directory)
                if (better := event_date_in_cells(raw, table, build)) is not None:
                    table = better[0]
                    notes.append(better[1])
                if (years := _section_years(table, build)) is not None:
                    table = years[0]  # "12 Mar" under a "2021" row
                    notes.append(years[1])
        for reshape in (split_leading_dates, carry_date_headings):
            if table is not None:
                break
            if (split := reshape(raw)) is not None:
                table, _ = _table(split[0], label, profile, overrides, directory)
                if table is not None:
                    notes.append(split[1])
        if table is None:
            failures.append(failure)
            continue
        chosen.append(table)
        if table.event_note:
            notes.append(f"'{label}': {table.event_note}")
    if len(chosen) > 1 and profile is None:
        _pool_event_dates(chosen, directory, notes)
    covers = [t for t in chosen if _is_cover(t.raw)] if len(chosen) > 1 else []
    for t in covers if len(covers) < len(chosen) else []:
        chosen.remove(t)  # "Date requested | 01/03/2022" on a cover sheet is no event
        title_lines.extend(t.raw.rows)
        notes.append(f"'{t.raw.label}' read as a cover sheet (key and value lines)")
    if not chosen:
        raise IngestError(name, "no chronology table found. " + " | ".join(failures))
    for failure in failures:
        notes.append(f"not imported: {failure}")
    for t in chosen:
        title_lines.extend(t.title_rows)
    return chosen, read_title_block(title_lines)


SMALL_SHEET = 20  # data rows: fewer, and a sheet's own rows may not show which date is which
POOLED_ROWS = 400


def _pool_event_dates(chosen: list[Table], directory: AgencyDirectory, notes: list[str]) -> None:
    """Sheets of one workbook with the same columns (one sheet per agency) are read the
    same way: a small sheet whose own rows could not say which of two date columns is the
    event's is decided on the rows of all of them."""
    groups: dict[tuple[str, ...], list[Table]] = {}
    for t in chosen:  # sheets without a header row ("Column 1..N") go together
        groups.setdefault(tuple(t.headers) if t.header_index >= 0 else (), []).append(t)
    for tables in groups.values():
        small = [
            t for t in tables if not t.event_note and len(t.raw.rows) - t.data_index < SMALL_SHEET
        ]
        if len(tables) < 2 or not small:
            continue
        pooled = [r for t in tables for r in t.raw.rows[t.data_index :]][:POOLED_ROWS]
        profiles = profile_columns(pooled, max(len(t.headers) for t in tables), directory)
        for t in small:
            note = choose_event_date(t.mapping, profiles, pooled)
            if note:
                t.event_note = f"{note} (rows of the {len(tables)} sheets laid out alike)"
                _decide_date_order(t, None)
                notes.append(f"'{t.raw.label}': {t.event_note}")


def _section_years(table: Table, build: partial) -> tuple[Table, str] | None:
    date_i = table.mapping.index_of("date")
    if date_i is None:
        return None
    found = carry_section_years(table.raw, table.data_index, date_i)
    if found is None or (new := build(found[0])) is None:
        return None
    return (new, found[1]) if new.mapping.index_of("date") == date_i else None


def _table_only(
    raw: RawTable, label: str, overrides: dict[str, str], directory: AgencyDirectory
) -> Table | None:
    return _table(raw, label, None, overrides, directory)[0]


def _table(
    raw: RawTable,
    label: str,
    profile: AgencyProfile | None,
    overrides: dict[str, str],
    directory: AgencyDirectory,
) -> tuple[Table | None, str]:
    """The table's header, data rows and column roles, or (None, why not)."""
    header, start, how = _locate(raw, profile, overrides)
    if start < 0:
        return None, _not_found(raw, label, overrides)
    width = max(len(r) for r in raw.rows[max(0, header) : start + 400])
    if header >= 0:
        cells = list(raw.rows[header]) + [None] * width
        headers = _unique_headers([cell_text(v) for v in cells[:width]])
    else:
        headers = [f"Column {i + 1}" for i in range(width)]
    data = raw.rows[start:]
    profiles = profile_columns(data, width, directory)
    mapping = assign_roles(headers, profiles, overrides)
    event_note = choose_event_date(mapping, profiles, data) if mapping.ok else ""
    if not mapping.ok:
        where = f"header at row {raw.positions[header][1]}" if header >= 0 else "no header"
        return None, f"'{label}' {where}: " + "; ".join(mapping.problems)
    table = Table(raw, header, start, mapping, headers, how, event_note=event_note)
    table.title_rows = raw.rows[: header if header >= 0 else start]
    _decide_date_order(table, profile)
    return table, ""


def _locate(
    raw: RawTable, profile: AgencyProfile | None, overrides: dict[str, str]
) -> tuple[int, int, str]:
    if profile and profile.header_row:
        index = next((i for i, (_, r) in enumerate(raw.positions) if r == profile.header_row), -1)
        return index, (index + 1 if index >= 0 else -1), "the profile names the header row"
    header, start, how = locate_header(raw.rows)
    if start < 0 and overrides:  # the profile's own headers may find it
        index = _find_by_overrides(raw.rows, overrides)
        if index >= 0:
            return index, index + 1, "the profile's headers"
    return header, start, how


def _not_found(raw: RawTable, label: str, overrides: dict[str, str]) -> str:
    index, _ = find_header(raw.rows, min_score=1)
    if index >= 0:
        headers = _unique_headers([cell_text(v) for v in raw.rows[index]])
        problems = map_columns(headers, overrides).problems
        where = f"'{label}' likely header at row {raw.positions[index][1]}"
        if not problems:
            return f"{where}, but no row under it has a date that can be read"
        return f"{where}: " + "; ".join(problems)
    return (
        f"'{label}' is not a chronology (no header row naming a date and an event, and no "
        "dated entries, in its first 30 rows)"
    )


def _is_cover(raw: RawTable) -> bool:
    """A small sheet of "label | value" lines ("Agency | ...", "Date requested | 01/03/2022"):
    labels of a few words without digits, values short, nothing else on a line."""
    if len(raw.rows) > 12:
        return False
    lines = [[t for t in map(cell_text, r) if t] for r in raw.rows]
    lines = [x for x in lines if x]
    pairs = [x for x in lines if len(x) == 2]
    if len(pairs) < 2 or any(len(x) > 2 for x in lines):
        return False
    return all(
        len(k.split()) <= 4 and not any(c.isdigit() for c in k) and len(v) <= 60 for k, v in pairs
    )


def _is_key_value(raw: RawTable) -> bool:
    """A small table of "Agency" | "..." lines, as Word templates put above the chronology."""
    if len(raw.rows) > 12 or max(len(r) for r in raw.rows) > 4:
        return False
    filled = [r for r in raw.rows if any(cell_text(v) for v in r)]
    keyed = sum(1 for r in filled if title_pair(r) is not None)
    return bool(filled) and keyed * 2 >= len(filled) and data_start(raw.rows) < 0


def _decide_date_order(table: Table, profile: AgencyProfile | None) -> None:
    date_i = table.mapping.index_of("date")
    if profile and profile.date_order in ("day-first", "month-first"):
        table.date_order = profile.date_order
        table.date_by = "profile"
        table.date_note = f"read {profile.date_order}, as the agency profile says"
        return
    if date_i is None:
        return
    rows = table.raw.rows[table.data_index :]
    # distinct texts in file order: the witness named is the first one in the file
    try:  # every row reaches the date column (the usual case): one pass in C
        cells = dict.fromkeys(map(itemgetter(date_i), rows))
    except IndexError:
        cells = dict.fromkeys(r[date_i] for r in rows if date_i < len(r))
    values = {v: None for v in cells if v.__class__ is str}
    order, witness = column_date_order(values)
    table.date_order = order
    table.date_by, table.date_witness = ("content", witness) if witness else ("default", "")
    if order == "month-first":
        table.date_note = (
            f"read month-first: '{witness}' can only be month-first and no date in the "
            f"column can only be day-first (override in the agency profile: date_order)"
        )
    elif order == "mixed":
        table.date_note = (
            f"read day-first, but '{witness}' can only be month-first: dates readable both "
            f"ways are flagged for review"
        )


def _find_by_overrides(rows: list[list[object]], overrides: dict[str, str]) -> int:
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
