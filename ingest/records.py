"""Canonical records that ingest produces: the contract between ingest/ and timeline/.

ingest/ builds these from agency files; timeline/ (matching, store, exports) consumes
them. Nothing here knows about matching, storage or Dash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time
from functools import lru_cache

# Precision of a record's date interval, coarsest last. "exact" means a date with a time.
PRECISIONS = ("exact", "day", "week", "month", "season", "year", "range")

STATUS_IMPORTED = "imported"  # a record with no issue
STATUS_NEEDS_REVIEW = "needs_review"  # a record, but a person should look at its issues
STATUS_QUARANTINED = "quarantined"  # cannot become an event; kept with the reason

_new = object.__new__


@dataclass(frozen=True, slots=True)
class Issue:
    """A validation issue a person can act on. `code` is stable; `message` is for people."""

    code: str
    message: str
    column: str | None = None
    severity: str = "warning"  # "warning" keeps the record; "error" quarantines the row


@dataclass(frozen=True, slots=True)
class DateInterval:
    """A date as practitioners write it: an inclusive interval with a precision.

    Partial dates are intervals, never midpoints: "March 2021" is 1-31 Mar 2021.
    """

    start: date
    end: date
    precision: str  # one of PRECISIONS
    approximate: bool = False  # "approx.", "c.", "?" markers
    time: time | None = None
    # A second reading when the text could be read two ways (e.g. month-first).
    alternative: tuple[date, date] | None = None
    note: str = ""  # how it was read, for people ("read as week commencing 15 Mar 2021")


class _IntervalSlots:
    """DateInterval's slots, unfrozen: `make_interval` fills one and then makes it a
    DateInterval (a __class__ assignment, which Python allows between classes of the same
    layout and checks: a field added to one and not the other fails loudly)."""

    __slots__ = DateInterval.__slots__


def make_interval(
    start: date,
    end: date,
    precision: str,
    approximate: bool = False,
    at: time | None = None,
    alternative: tuple[date, date] | None = None,
    note: str = "",
) -> DateInterval:
    """DateInterval(...) with the same fields, built in a third of the time: the frozen
    dataclass's __init__ sets each field through object.__setattr__, this stores the slots
    directly (the hot loop builds one per timed row). The result is an ordinary frozen
    DateInterval."""
    iv = _IntervalSlots()
    iv.start = start
    iv.end = end
    iv.precision = precision
    iv.approximate = approximate
    iv.time = at
    iv.alternative = alternative
    iv.note = note
    iv.__class__ = DateInterval  # type: ignore[assignment]
    return iv  # type: ignore[return-value]


class Provenance:
    """Where a row came from, exactly as a user would find it again.

    `raw` (header text -> cell text, as read) is built on first use from the row's cells
    and the table's headers when the importer made it with `of_row`: most records are
    stored or matched without anyone reading it, and a dict per row is the dearest part of
    building one."""

    # `_headers` and `_cells` hold the row until `raw` is first read (then None). The
    # importer's hot loop (ingest/rowloop.py) fills these slots as `of_row` does, inline.
    __slots__ = (
        "file_name",
        "file_sha256",
        "sheet",
        "row",
        "_raw",
        "continued_rows",
        "_headers",
        "_cells",
    )

    def __init__(
        self,
        file_name: str,  # base name
        file_sha256: str,
        sheet: str,  # sheet name (xlsx), "table N" (docx), "" (csv)
        row: int,  # the row number a user sees: 1-based, header rows count
        raw: dict[str, str] | None = None,
        continued_rows: tuple[int, ...] = (),  # rows joined to this entry (continuation rows)
    ) -> None:
        self.file_name = file_name
        self.file_sha256 = file_sha256
        self.sheet = sheet
        self.row = row
        self._raw = {} if raw is None else raw
        self.continued_rows = continued_rows
        self._headers: Sequence[str] | None = None
        self._cells: Sequence[str] | None = None

    @classmethod
    def of_row(
        cls,
        file_name: str,
        file_sha256: str,
        sheet: str,
        row: int,
        headers: Sequence[str],
        cells: Sequence[str],
    ) -> Provenance:
        """A row's provenance whose `raw` is zip(headers, cells), built when first read.
        `cells` must not change afterwards (the importer passes a tuple)."""
        self = _new(cls)
        self.file_name = file_name
        self.file_sha256 = file_sha256
        self.sheet = sheet
        self.row = row
        self._raw = None
        self.continued_rows = ()
        self._headers = headers
        self._cells = cells
        return self

    @property
    def raw(self) -> dict[str, str]:
        raw = self._raw
        if raw is None:
            raw = self._raw = dict(zip(self._headers, self._cells, strict=False))  # type: ignore[arg-type]
            self._headers = self._cells = None
        return raw

    @raw.setter
    def raw(self, value: dict[str, str]) -> None:
        self._raw, self._headers, self._cells = value, None, None

    @property
    def rows(self) -> tuple[int, ...]:
        """Every row this entry came from: its own and the continuation rows joined to it."""
        return (self.row, *self.continued_rows)

    def _key(self) -> tuple:
        return (self.file_name, self.file_sha256, self.sheet, self.row, self.raw)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key() and self.continued_rows == other.continued_rows

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass it replaced

    def __repr__(self) -> str:
        return (
            f"Provenance(file_name={self.file_name!r}, file_sha256={self.file_sha256!r}, "
            f"sheet={self.sheet!r}, row={self.row!r}, raw={self.raw!r}, "
            f"continued_rows={self.continued_rows!r})"
        )


@dataclass(slots=True)
class SourceRecord:
    """One row of one agency's chronology, normalised."""

    record_id: str
    agency: str
    date: DateInterval
    description: str
    provenance: Provenance
    outcome: str = ""
    practitioner: str = ""
    source: str = ""
    reference: str = ""
    significance: str = ""
    event_type: str = ""  # "Contact type" and the like, when the agency records one
    extra: dict[str, str] = field(default_factory=dict)  # unmapped columns, kept
    issues: list[Issue] = field(default_factory=list)

    @property
    def status(self) -> str:
        return STATUS_NEEDS_REVIEW if self.issues else STATUS_IMPORTED

    @property
    def date_start(self) -> date:
        return self.date.start

    @property
    def date_end(self) -> date:
        return self.date.end


@dataclass(slots=True)
class QuarantinedRow:
    """A data row that could not become a record, kept with the reason(s)."""

    agency: str
    provenance: Provenance
    issues: list[Issue]
    status: str = STATUS_QUARANTINED

    @property
    def reason(self) -> str:
        return "; ".join(i.message for i in self.issues)


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A row that is not data: blank, title, 'continued', a repeated header."""

    sheet: str
    row: int
    reason: str


@dataclass(slots=True)
class ColumnMatch:
    header: str  # header text as in the file
    index: int  # 0-based column index in the table
    field: str | None  # canonical field, or None when unmapped (kept in `extra`)
    confidence: float  # 0..1
    how: str  # "profile", "synonym", "fuzzy", "content", "none"
    reason: str = ""  # why this role, in words: what the cells hold and what the header says


@dataclass(slots=True)
class FileImport:
    """Everything one file produced, and the accounting that proves nothing was lost."""

    file_name: str
    file_sha256: str
    agency: str
    agency_source: str  # "given", "profile", "column", "title block", "sheet name", "system",
    # "file name", "fallback: file name"
    sheet: str
    header_row: int | None
    columns: list[ColumnMatch]
    records: list[SourceRecord]
    quarantined: list[QuarantinedRow]
    skipped: list[SkippedRow]
    rows_read: int  # every physical row of the chosen table(s), header rows included
    notes: list[str] = field(default_factory=list)  # file-level messages for people
    agency_evidence: str = ""  # why this agency, in words ("the title block says ...")
    title_block: dict[str, str] = field(default_factory=dict)  # "agency", "child", "period"...
    date_order: dict[str, str] = field(default_factory=dict)  # date column -> order, why
    # How the file's dates were read, as values (the notes above say it in words): the
    # order, what decided it ("content", "profile", "default": no evidence, day-first) and
    # the date text that did, when the content decided.
    date_order_read: str = "day-first"  # "day-first" | "month-first" | "mixed"
    date_order_by: str = "default"
    date_order_witness: str = ""
    header_found: str = ""  # how the header row was found (or that there was none)

    @property
    def accounted(self) -> bool:
        return self.rows_read == len(self.records) + len(self.quarantined) + len(self.skipped)

    def summary(self) -> str:
        flagged = sum(1 for r in self.records if r.issues)
        head = (
            f"{self.file_name}: {self.rows_read} rows read = {len(self.records)} records"
            f" ({flagged} need review) + {len(self.quarantined)} quarantined"
            f" + {len(self.skipped)} skipped; agency {self.agency} ({self.agency_source})"
        )
        lines = [head]
        if self.agency_evidence:
            lines.append(f"  agency: {self.agency_evidence}")
        if self.title_block:
            shown = "; ".join(
                f"{k}: {v}" if k != "dob" else "a date of birth (not an event)"
                for k, v in self.title_block.items()
            )
            lines.append(f"  title block: {shown}")
        for column, order in self.date_order.items():
            lines.append(f"  dates in '{column}': {order}")
        for c in self.columns:
            if c.reason:
                lines.append(f"  column '{c.header}': {c.reason} (confidence {c.confidence:.2f})")
        return "\n".join([*lines, *(f"  note: {n}" for n in self.notes)])


@lru_cache(maxsize=256)
def _folded(agency: str) -> str:
    return agency.casefold()


def stable_record_id(agency: str, raw_values: Sequence[str], occurrence: int) -> str:
    """Id from the row's content, not its position: an unchanged row keeps its id when a
    corrected file is re-imported, even if rows were added above it. `occurrence`
    separates identical rows within one file. `raw_values` are the row's stripped cell
    texts in column order."""
    payload = "\x1f".join([_folded(agency), *raw_values, str(occurrence)])
    return hashlib.blake2b(payload.encode("utf-8"), digest_size=10).hexdigest()


class RecordIds:
    """`stable_record_id` for one agency, with the agency's part of the payload hashed once
    (the importer makes an id per row): the same ids, cheaper."""

    __slots__ = ("_agency", "_base", "fresh")

    def __init__(self, agency: str) -> None:
        self._agency = agency
        self._base = hashlib.blake2b((_folded(agency) + "\x1f").encode("utf-8"), digest_size=10)
        # a new hash holding the agency's part: the importer's loop finishes it inline,
        # h = fresh(); h.update(f"{'\x1f'.join(values)}\x1f{occurrence}".encode()); h.hexdigest()
        self.fresh = self._base.copy

    def __call__(self, raw_values: Sequence[str], occurrence: int = 0) -> str:
        if not raw_values:  # the general form joins no separator for no values
            return stable_record_id(self._agency, raw_values, occurrence)
        h = self._base.copy()
        tail = "\x1f0" if occurrence == 0 else f"\x1f{occurrence}"
        h.update(("\x1f".join(raw_values) + tail).encode("utf-8"))
        return h.hexdigest()
