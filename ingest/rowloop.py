"""One table's rows into records, quarantined rows and skipped rows (the hot loop).

Rows above the header are title rows; a continuation row ("(cont.) ...", "Cont'd: ...",
or an undated row of text only under a long entry) is joined to the entry above, which
then lists every row it came from; footers and page furniture are skipped with their
reason. A combined column ("Details / outcome") gives an outcome only where the text marks one
("Outcome:", "Plan:", "Action:"); in a plain "Details" column only "Outcome:" does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date, time
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Any

from ingest.agencies import AgencyDirectory
from ingest.agency_evidence import heading_agency
from ingest.date_headings import same_day_as_above
from ingest.dates import MONTH_FIRST, DateError, parse_date
from ingest.dates import _parse_text_cached as read_text
from ingest.group_rows import group_row, row_key
from ingest.header import classify_row, header_key
from ingest.nonrecords import birth_note, stray_note
from ingest.readers.base import cell_text
from ingest.records import (
    DateInterval,
    Issue,
    Provenance,
    QuarantinedRow,
    RecordIds,
    SkippedRow,
    SourceRecord,
    _IntervalSlots,
    make_interval,
)
from ingest.role_agencies import role_agency
from ingest.rowfast import plain_records
from ingest.rowparts import (
    COMBINED,
    CONTINUES_INTO,
    MARKER_ONLY,
    continuation,
    join_continuation,
    read_time,
    split_outcome,
)
from ingest.tables import Table
from ingest.text_times import bare_times, leading_time
from ingest.titleblock import title_pair
from ingest.validate import date_issues, fmt

TEXT_FIELDS = ("outcome", "practitioner", "source", "reference", "significance", "event_type")


@dataclass
class Context:
    name: str
    sha256: str
    agency: str
    agency_from_column: bool
    directory: AgencyDirectory
    period: tuple[date, date] | None
    today: date
    agency_by_role: bool = False  # no agency column: each practitioner's role names it


def import_table(
    table: Table,
    ctx: Context,
    records: list[SourceRecord],
    quarantined: list[QuarantinedRow],
    skipped: list[SkippedRow],
) -> None:
    raw, mapping, headers = table.raw, table.mapping, table.headers
    idx = {c.field: c.index for c in mapping.columns if c.field}
    date_i = idx["date"]
    date_col = headers[date_i]
    desc_i = idx["description"]
    get_texts = itemgetter(*(idx.get(f, -1) for f in TEXT_FIELDS))  # -1: no such column
    mapped = set(idx.values())
    extra_idx = [(i, h) for i, h in enumerate(headers) if i not in mapped]
    width = len(headers)
    # With no outcome column, "Outcome:" names the missing field and splits any text; a
    # "Plan:" or "Action:" splits only a combined column ("Details / outcome"): elsewhere
    # it is part of the agency's own narrative.
    split = 0 if "outcome" in idx else (2 if COMBINED.search(headers[desc_i]) else 1)
    text_cols = {idx[f] for f in CONTINUES_INTO if f in idx}
    # columns whose short value may label a continuation row: the type, or one unmapped
    label_cols = {i for i, _ in extra_idx} | ({idx["event_type"]} if "event_type" in idx else set())
    author_cols = {idx["practitioner"]} if "practitioner" in idx else set()
    header = header_key(raw.rows[table.header_index]) if table.header_index >= 0 else ()
    header = header + ("",) * (width - len(header))
    group = group_row(raw.rows, table.header_index)  # "When | What | | Other" above it
    named = row_key(raw.rows[table.header_index]) if table.header_index >= 0 else None

    for i in range(table.data_index):
        sheet, row_no = raw.positions[i]
        row = raw.rows[i]
        if i == table.header_index:
            reason = "header row"
        elif not any(cell_text(v) for v in row):
            reason = "blank row"
        elif (pair := title_pair(row)) and pair[0] == "dob":
            reason = "title block: a date of birth (never an event)"
        else:
            reason = "title row"
        skipped.append(SkippedRow(sheet, row_no, reason))

    data_rows = raw.rows[table.data_index :]
    data_pos = raw.positions[table.data_index :]
    mixed = table.date_order == "mixed"
    month_first = table.date_order == "month-first"
    mode = MONTH_FIRST if month_first else int(mixed)
    # identical rows -> (sheet and row of the first, how many so far)
    seen: dict[tuple[str, ...], tuple[str, int]] = {}  # row -> where it first appeared
    repeats: dict[tuple[str, ...], int] = {}  # how many times a repeated row was seen
    time_i, end_i = idx.get("time", -1), idx.get("end_date", -1)
    all_text = raw.all_text
    period_start, period_end = ctx.period or (date.min, date.max)
    name, sha256, file_agency, today = ctx.name, ctx.sha256, ctx.agency, ctx.today
    agency_i = idx["agency"] if ctx.agency_from_column else -1
    role_i = idx.get("practitioner", -1) if ctx.agency_by_role and agency_i < 0 else -1
    roles_read: dict[str, str | None] = {}  # practitioner text -> the agency its role names
    last: SourceRecord | None = None  # the entry a continuation row would join
    ditto_of: DateInterval | None = None  # the last entry's date, for a ditto mark under it
    section_agency = ""  # under an agency heading row of a compiled chronology
    # the common case needs no date_issues call: a plain date inside the period, in the past
    period_end = min(period_end, today)
    times_read: dict[str, tuple[time | None, bool, str | None]] = {}  # time text -> reading
    # date text -> (reading, plain: a date needing no date_issues call) for text cells
    dates_read: dict[str, tuple[DateInterval | str | None, bool]] = {}
    ids_of: dict[str, Callable[[], Any]] = {}  # agency -> a new hash with its id's start
    file_hash = RecordIds(file_agency).fresh
    header_t = tuple(headers)
    errors: list[Issue] = []  # a new list only after a row was quarantined with it

    # "0006 - Call ...": four-digit times opening the text, when the column shows them
    bare = time_i < 0 and bare_times(
        [cell_text(r[desc_i]) for r in data_rows[:400] if len(r) > desc_i]
    )
    # a text table's plain rows, made column by column (ingest/rowfast.py); None: read here
    made_of = plain_records(
        table,
        ctx,
        mode,
        split,
        dates_read,
        times_read,
        roles_read,
        (period_start, period_end),
        bare=bare,
    )
    if made_of is not None and made_of.count(None) == 0:  # every row plain (a clean export)
        records.extend(made_of)
        return
    headings, folded = raw.date_headings, raw.folded
    for row, pos, made in zip(data_rows, data_pos, made_of or repeat(None), strict=False):
        if made is not None and not section_agency:
            records.append(made)
            last = made
            ditto_of = made.date
            continue
        sheet, row_no = pos
        if headings and pos in headings:
            skipped.append(
                SkippedRow(sheet, row_no, "date heading row: the entries below are dated by it")
            )
            last = None
            continue
        if folded and pos in folded and last is not None:  # the reader put it in `last`
            last.provenance.continued_rows = (*last.provenance.continued_rows, row_no)
            skipped.append(SkippedRow(sheet, row_no, _joined(last)))
            continue
        # Hot loop (100k+ rows/s): strings, the usual cell, skip the generic converter.
        texts = (
            list(map(str.strip, row))
            if all_text
            else [v.strip() if v.__class__ is str else cell_text(v) for v in row]
        )
        n_cells = len(texts)
        if n_cells < width:
            texts += [""] * (width - n_cells)
            row = list(row) + [None] * (width - len(row))
            n_cells = width
        date_text = texts[date_i]
        # most dates start with a digit: then the row is no continuation, ditto or heading
        digit = date_text[:1].isdigit()
        if (
            not digit
            and last is not None
            and (not date_text or (date_text[0] in "([Cc" and MARKER_ONLY.match(date_text)))
        ):
            if date_text:  # "(cont.)" in the date cell: the text is in the others
                texts[date_i] = ""
            joined = continuation(texts, text_cols, last, bool(date_text), label_cols, author_cols)
            if joined is not None and _agency_heading(texts, ctx.directory, bool(section_agency)):
                joined = None  # "Elmside Project (charity)": the next agency's section
            if joined is None:
                texts[date_i] = date_text
            else:
                join_continuation(last, joined, texts, desc_i, idx, row_no)
                skipped.append(SkippedRow(sheet, row_no, _joined(last)))
                continue
        # classify_row's own answer for a dated row of three or more cells, without the call
        if digit and n_cells - texts.count("") > 2:
            reason = None
        else:
            reason = classify_row(texts, header, date_i)
        if reason:
            skipped.append(SkippedRow(sheet, row_no, reason))
            continue
        if agency_i < 0 and not digit:
            heading = _agency_heading(texts, ctx.directory, bool(section_agency))
            if heading is not None:  # a compiled chronology's section: "POLICE", "GP"
                section_agency = heading
                skipped.append(
                    SkippedRow(
                        sheet, row_no, f"agency section heading: the entries below are {heading}'s"
                    )
                )
                last = None
                continue
        beyond = None
        if n_cells > width:
            beyond = [t for t in texts[width:] if t]
            del texts[width:]
        values = tuple(texts)
        # Provenance.of_row(name, sha256, sheet, row_no, header_t, values), inlined (hot)
        prov = _new(Provenance)
        prov.file_name = name
        prov.file_sha256 = sha256
        prov.sheet = sheet
        prov.row = row_no
        prov._raw = None
        prov.continued_rows = ()
        prov._headers = header_t
        prov._cells = values  # raw: built when read
        if beyond:  # text beyond the header's last column: keep it
            prov.raw["(beyond header)"] = " | ".join(beyond)
        row_agency = section_agency or file_agency
        if role_i >= 0 and not section_agency and (role := texts[role_i]):
            if role not in roles_read:
                roles_read[role] = role_agency(role, ctx.directory)
            row_agency = roles_read[role] or row_agency
        if agency_i >= 0 and texts[agency_i]:
            cell = texts[agency_i]
            row_agency = ctx.directory.agency_of(cell) or cell

        issues: list[Issue] = []
        plain = False  # known to need no date_issues call (a text date, read once)
        if (
            not digit
            and date_text
            and len(date_text) <= 8
            and date_text.casefold() in _DITTO
            and ditto_of is not None
        ):  # a ditto mark: the date of the entry above
            interval = _ditto(ditto_of)
            issues.append(
                Issue("ditto_date", f"{date_text!r}: the date of the entry above", date_col)
            )
        elif not date_text and ditto_of is not None and time_i >= 0 and texts[time_i]:
            interval = same_day_as_above(ditto_of)  # a time but no date, under a dated entry
            issues.append(Issue("same_day", interval.note, date_col))
        elif all_text:  # text cells, already stripped: straight to the cached reader
            try:  # a subscript is cheaper than .get(); a miss is once per distinct text
                interval, plain = dates_read[date_text]
            except KeyError:
                interval = read_text(date_text, mode)
                plain = interval.__class__ is DateInterval and not (
                    interval.end < period_start
                    or interval.start > period_end
                    or interval.note
                    or interval.alternative is not None
                )
                dates_read[date_text] = interval, plain
            if interval.__class__ is not DateInterval:
                interval = _text_problem(interval, date_col, errors)
        else:
            interval = _parse_interval(row[date_i], date_col, mixed, month_first, errors)
        description = texts[desc_i]
        texts.append("")  # a sentinel: index -1 (no such column) reads ""
        outcome, practitioner, source, reference, significance, event_type = get_texts(texts)
        if split and description:
            description, outcome = split_outcome(description, split == 2)
        if not description and not outcome:
            errors.append(Issue("no_text", "no description or outcome", headers[desc_i], "error"))
        elif not description:
            issues.append(
                Issue(
                    "empty_description",
                    "empty description (the outcome is kept)",
                    headers[desc_i],
                )
            )
        if errors:
            # a note across the table, or someone's date of birth: no entry
            if (group and row_key(texts) == group) or row_key(texts) == named:
                note = "repeated header (the column names, or the group row above them)"
            else:
                note = stray_note(texts, text_cols) or birth_note(texts, date_i)
            if note:
                skipped.append(SkippedRow(sheet, row_no, note))
                errors = []
                last = None
                continue
            quarantined.append(QuarantinedRow(row_agency, prov, errors))
            errors = []
            last = None
            continue
        assert interval is not None
        if time_i >= 0 and interval.time is None:  # a separate time column (inlined: hot)
            value = row[time_i]
            if value is not None and value != "":
                if all_text:  # text: each time text is read once per file
                    try:
                        reading = times_read[value]
                    except KeyError:
                        reading = times_read[value] = read_time(value)
                else:
                    reading = read_time(value)
                t, approx, problem = reading
                if problem is not None:
                    issues.append(Issue("bad_time", problem, headers[time_i]))
                if t is not None and interval.precision == "day":
                    # text: date and time pairs seldom repeat, so the interval is built
                    # here rather than looked up in the shared cache (hashing costs more)
                    if not all_text:
                        interval = _at_time(interval, t, approx)
                    elif approx:  # a note on the time: check the dates again
                        interval = _timed_interval(interval, t, approx)
                        plain = False
                    else:  # make_interval(...) as _timed_interval(interval, t) does, inlined
                        timed = _IntervalSlots()
                        timed.start = interval.start
                        timed.end = interval.end
                        timed.precision = "exact"
                        timed.approximate = interval.approximate
                        timed.time = t
                        timed.alternative = interval.alternative
                        timed.note = interval.note
                        timed.__class__ = DateInterval
                        interval = timed
        elif (  # no time column: a time opening the text, "1435hrs - Call from ..."
            time_i < 0
            and interval.precision == "day"
            and (t := leading_time(description, bare)) is not None
        ):
            interval = _timed_interval(interval, t)
        if end_i >= 0:
            interval = _with_end(interval, row[end_i], headers[end_i], month_first, issues)
            plain = False
        if not plain and (  # period_end is also today, when sooner
            interval.end < period_start
            or interval.start > period_end
            or interval.note
            or interval.alternative is not None
        ):
            issues.extend(date_issues(interval, date_col, period=ctx.period, today=ctx.today))
        first = seen.setdefault(values, pos)  # the position tuple itself: nothing allocated
        occurrence = 0
        if first is not pos:
            first_sheet, first_row = first
            occurrence = repeats[values] = repeats.get(values, 0) + 1
            where = f"row {first_row}" + (f" of {first_sheet}" if first_sheet != sheet else "")
            issues.append(Issue("duplicate_row", f"the same as {where} of this file"))
        if row_agency is file_agency:
            hsh = file_hash()
        else:
            fresh = ids_of.get(row_agency)
            if fresh is None:
                fresh = ids_of[row_agency] = RecordIds(row_agency).fresh
            hsh = fresh()
        # RecordIds(row_agency)(values, occurrence), inlined (hot): values is never empty,
        # and texts is values and the sentinel, which now holds the occurrence
        texts[-1] = "0" if occurrence == 0 else str(occurrence)
        hsh.update("\x1f".join(texts).encode())
        # SourceRecord(...), its slots filled directly (a third cheaper than its __init__;
        # _RECORD_FIELDS below checks that these are all its fields)
        last = _new(SourceRecord)
        last.record_id = hsh.hexdigest()
        last.agency = row_agency
        last.date = interval
        last.description = description
        last.provenance = prov
        last.outcome = outcome
        last.practitioner = practitioner
        last.source = source
        last.reference = reference
        last.significance = significance
        last.event_type = event_type
        last.extra = {h: texts[i] for i, h in extra_idx if texts[i]} if extra_idx else {}
        last.issues = issues
        records.append(last)
        ditto_of = interval


_new = object.__new__
# the fields import_table sets on each SourceRecord it builds, in order: all of them
_RECORD_FIELDS = (
    "record_id",
    "agency",
    "date",
    "description",
    "provenance",
    "outcome",
    "practitioner",
    "source",
    "reference",
    "significance",
    "event_type",
    "extra",
    "issues",
)
if tuple(f.name for f in fields(SourceRecord)) != _RECORD_FIELDS:  # pragma: no cover
    raise RuntimeError(
        "SourceRecord's fields changed: update the record filling in import_table and "
        "rowfast.plain_records"
    )


def _joined(last: SourceRecord) -> str:
    return f"continuation of the entry at row {last.provenance.row}: joined to it"


def _agency_heading(
    texts: list[str], directory: AgencyDirectory, loose: bool = False
) -> str | None:
    """The agency a row names when it is only a heading: one short cell that is exactly an
    agency's name or alias ("POLICE", "Health visiting"), nothing else; `loose` under an
    agency heading already (see heading_agency)."""
    filled = [t for t in texts if t]
    if len(filled) != 1:
        return None
    return heading_agency(filled[0], directory, loose)


# A ditto mark in the date cell: the same date as the entry above.
_DITTO = frozenset(('"', "”", "“", "〃", "''", "ditto", "do", "do.", "as above", "same"))


def _ditto(above: DateInterval) -> DateInterval:
    note = "the date of the entry above (a ditto mark)"
    return make_interval(
        above.start,
        above.end,
        "day" if above.precision == "exact" else above.precision,
        above.approximate,
        None,
        above.alternative,
        f"{above.note}; {note}" if above.note else note,
    )


def _text_problem(result: str | None, column: str, errors: list[Issue]) -> None:
    if result is None:
        errors.append(Issue("no_date", "no date", column, "error"))
    else:
        errors.append(Issue("bad_date", result, column, "error"))
    return None


def _parse_interval(
    value: object, column: str, mixed: bool, month_first: bool, errors: list[Issue]
) -> DateInterval | None:
    try:
        interval = parse_date(value, month_first_evidence=mixed, month_first=month_first)
    except DateError as exc:
        errors.append(Issue("bad_date", str(exc), column, "error"))
        return None
    if interval is None:
        errors.append(Issue("no_date", "no date", column, "error"))
    return interval


def _timed_interval(interval: DateInterval, t: time, approx: bool = False) -> DateInterval:
    """The day at a time from the time column."""
    note = interval.note
    if approx:
        note = "; ".join(n for n in (note, f"approximate time ({t:%H:%M})") if n)
    return make_interval(
        interval.start,
        interval.end,
        "exact",
        interval.approximate or approx,
        t,
        interval.alternative,
        note,
    )


# cached for cells that are not text: a chronology repeats the same dates and times
_at_time = lru_cache(maxsize=65536)(_timed_interval)


def _with_end(
    interval: DateInterval, value: object, column: str, month_first: bool, issues: list[Issue]
) -> DateInterval:
    """Fold an end-date column into the interval (a range), or flag it."""
    try:
        end = parse_date(value, month_first=month_first)
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
