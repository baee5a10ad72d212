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


@dataclass(slots=True)  # not frozen: built once per row, and frozen init is slower
class Provenance:
    """Where a row came from, exactly as a user would find it again."""

    file_name: str  # base name
    file_sha256: str
    sheet: str  # sheet name (xlsx), "table N" (docx), "" (csv)
    row: int  # the row number a user sees: 1-based, header rows count
    raw: dict[str, str]  # header text -> cell text, as read
    continued_rows: tuple[int, ...] = ()  # rows joined to this entry (continuation rows)

    @property
    def rows(self) -> tuple[int, ...]:
        """Every row this entry came from: its own and the continuation rows joined to it."""
        return (self.row, *self.continued_rows)


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
