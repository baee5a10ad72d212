"""A text table's plain rows made into records column by column (CSV's fast path).

Most rows of an export need none of the row loop's special cases: a date starting with a
digit that reads as a day (or finer) inside the review period with nothing to say about
it, a description, at least three filled cells, a readable time or none, no end date, the
file's width, and cells no other row repeats. `plain_records` finds those rows and builds
their records here: each column is stripped in one pass, each distinct date, time and
agency text is read once, and a tight loop fills the records. The row loop
(ingest/rowloop.py) takes these records in file order and reads every other row itself,
with the same caches, so the output is the one it would make row by row (tests:
tests/test_ingest_speed_columns.py compare the two on the awkward cases).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, time
from itertools import repeat
from operator import itemgetter
from typing import Any

from ingest.dates import _parse_text_cached as read_text
from ingest.records import (
    DateInterval,
    Provenance,
    RecordIds,
    SourceRecord,
    _IntervalSlots,
)
from ingest.role_agencies import role_agency
from ingest.rowparts import read_time, split_outcome
from ingest.tables import Table
from ingest.text_times import leading_time

TEXT_FIELDS = ("outcome", "practitioner", "source", "reference", "significance", "event_type")
_BAD = object()  # a time cell the row loop must read (a problem, or an approximate time)
_new = object.__new__
ENABLED = True  # False: every row goes through the row loop (the tests compare the two)


def plain_records(
    table: Table,
    ctx: Any,  # rowloop.Context (not imported: rowloop imports this module)
    mode: int,
    split: int,
    dates_read: dict[str, tuple[DateInterval | str | None, bool]],
    times_read: dict[str, tuple[time | None, bool, str | None]],
    roles_read: dict[str, str | None],
    period: tuple[date, date],
    bare: bool = False,
) -> list[SourceRecord | None] | None:
    """For each data row of a text table: its record when the row is plain, else None (the
    row loop reads it); None when no row can be (not text, date headings, rows a reader
    folded into the entry above, an end date). `period` is the review period with its end
    brought to today (a plain date is inside). `bare`: four digits opening an entry are its
    time (the row loop's reading of the column, text_times.bare_times).
    The records built for `role` agencies assume no agency heading above them: the row
    loop uses them only outside a compiled chronology's sections."""
    raw, headers = table.raw, table.headers
    idx = {c.field: c.index for c in table.mapping.columns if c.field}
    if not ENABLED or not raw.all_text or raw.date_headings or raw.folded or "end_date" in idx:
        return None
    rows = raw.rows[table.data_index :]
    if not rows:
        return None
    width = len(headers)
    n = len(rows)
    values = raw.stripped()[table.data_index :]  # a copy: the ragged rows change below
    empties = list(map(tuple.count, values, repeat("")))
    if list(map(len, rows)).count(width) != n:  # ragged: as the row loop pads or trims
        rows = list(rows)
        for k, r in enumerate(rows):
            if len(r) < width:
                rows[k] = list(r) + [""] * (width - len(r))
                values[k] += ("",) * (width - len(r))
                empties[k] = values[k].count("")
            elif len(r) > width:  # cells beyond the header: the row loop keeps them
                values[k] = values[k][:width]
                empties[k] = width
    if len(set(values)) != n:  # a repeated row: the row loop numbers the repeats
        counts = Counter(values)
        for k, v in enumerate(values):
            if counts[v] > 1:
                empties[k] = width
    most_empty = width - 3  # fewer than three filled cells: the row loop classifies it
    date_i, desc_i = idx["date"], idx["description"]
    dates = list(map(itemgetter(date_i), values))
    intervals = list(map(_date_readings(set(dates), mode, dates_read, period).__getitem__, dates))
    descriptions = list(map(itemgetter(desc_i), values))
    texts = [list(map(itemgetter(idx[f]), values)) if f in idx else None for f in TEXT_FIELDS]
    outcomes = texts[0] or [""] * n
    if split:
        for k, text in enumerate(descriptions):
            if text:
                descriptions[k], outcomes[k] = split_outcome(text, split == 2)
    time_i = idx.get("time", -1)
    if time_i >= 0:
        cells = list(map(itemgetter(time_i), rows))
        times = list(map(_time_readings(set(cells), times_read).__getitem__, cells))
    else:  # a time opening the text, "1435hrs - Call from ..."
        times = [leading_time(text, bare) for text in descriptions]
    agencies = _agencies(values, idx, ctx, roles_read)
    extra_idx = [(i, h) for i, h in enumerate(headers) if i not in set(idx.values())]
    by_agency: dict[str, Callable[[], Any]] = {ctx.agency: RecordIds(ctx.agency).fresh}
    name, sha256, header_t = ctx.name, ctx.sha256, tuple(headers)
    from_column = time_i >= 0  # a time column's time applies to a date without one
    out: list[SourceRecord | None] = []
    add = out.append
    blank = repeat("")
    for (
        vals,
        (sheet, row_no),
        empty,
        interval,
        t,
        description,
        outcome,
        practitioner,
        source,
        reference,
        significance,
        event_type,
        agency,
    ) in zip(
        values,
        raw.positions[table.data_index :],
        empties,
        intervals,
        times,
        descriptions,
        outcomes,
        *(col or blank for col in texts[1:]),
        agencies or repeat(ctx.agency),
        strict=False,
    ):
        if empty > most_empty or interval is None or not description or t is _BAD:
            add(None)
            continue
        if (
            t is not None
            and interval.precision == "day"
            and (not from_column or interval.time is None)
        ):
            timed = _IntervalSlots()  # make_interval(...) with the time, inlined (hot)
            timed.start = interval.start
            timed.end = interval.end
            timed.precision = "exact"
            timed.approximate = interval.approximate
            timed.time = t
            timed.alternative = interval.alternative
            timed.note = interval.note
            timed.__class__ = DateInterval
            interval = timed
        prov = _new(Provenance)  # Provenance.of_row(...), inlined (hot)
        prov.file_name = name
        prov.file_sha256 = sha256
        prov.sheet = sheet
        prov.row = row_no
        prov._raw = None
        prov.continued_rows = ()
        prov._headers = header_t
        prov._cells = vals
        fresh = by_agency.get(agency)
        if fresh is None:
            fresh = by_agency[agency] = RecordIds(agency).fresh
        h = fresh()  # RecordIds(agency)(vals, 0), inlined
        h.update(("\x1f".join(vals) + "\x1f0").encode())
        # its slots filled as the row loop fills them (rowloop._RECORD_FIELDS checks both)
        rec = _new(SourceRecord)
        rec.record_id = h.hexdigest()
        rec.agency = agency
        rec.date = interval
        rec.description = description
        rec.provenance = prov
        rec.outcome = outcome
        rec.practitioner = practitioner
        rec.source = source
        rec.reference = reference
        rec.significance = significance
        rec.event_type = event_type
        rec.extra = {hd: vals[i] for i, hd in extra_idx if vals[i]} if extra_idx else {}
        rec.issues = []
        add(rec)
    return out


def _date_readings(
    texts: set[str],
    mode: int,
    dates_read: dict[str, tuple[DateInterval | str | None, bool]],
    period: tuple[date, date],
) -> dict[str, DateInterval | None]:
    """Each distinct date text -> its reading when plain (see the row loop), else None."""
    start, end = period
    out: dict[str, DateInterval | None] = {}
    for text in texts:
        if not text[:1].isdigit():  # a ditto, a continuation, a heading: the row loop's
            out[text] = None
            continue
        try:
            interval, plain = dates_read[text]
        except KeyError:
            interval = read_text(text, mode)
            plain = interval.__class__ is DateInterval and not (
                interval.end < start
                or interval.start > end
                or interval.note
                or interval.alternative is not None
            )
            dates_read[text] = interval, plain
        out[text] = interval if plain else None  # type: ignore[assignment]
    return out


def _time_readings(
    cells: set[str], times_read: dict[str, tuple[time | None, bool, str | None]]
) -> dict[str, object]:
    """Each distinct time cell -> its time, None (blank, or no time), or _BAD."""
    out: dict[str, object] = {}
    for value in cells:
        if value == "":
            out[value] = None
            continue
        try:
            reading = times_read[value]
        except KeyError:
            reading = times_read[value] = read_time(value)
        t, approx, problem = reading
        out[value] = _BAD if problem is not None or approx else t
    return out


def _agencies(
    values: list[tuple[str, ...]], idx: dict[str, int], ctx: Any, roles_read: dict[str, str | None]
) -> list[str] | None:
    """Each row's agency when a column names it (its own cell, or the practitioner's
    role), else None: the file's agency for every row."""
    agency_i = idx["agency"] if ctx.agency_from_column else -1
    role_i = idx.get("practitioner", -1) if ctx.agency_by_role and agency_i < 0 else -1
    if agency_i < 0 and role_i < 0:
        return None
    cells = list(map(itemgetter(max(agency_i, role_i)), values))
    of: dict[str, str] = {"": ctx.agency}
    for cell in set(cells) - {""}:
        if agency_i >= 0:
            of[cell] = ctx.directory.agency_of(cell) or cell
        else:
            if cell not in roles_read:
                roles_read[cell] = role_agency(cell, ctx.directory)
            of[cell] = roles_read[cell] or ctx.agency
    return list(map(of.__getitem__, cells))
