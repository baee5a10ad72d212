"""The integrated chronology as tables: merged events, source records, quarantined rows.

The .xlsx writes all three sheets; the .csv writes the event table only.
"""

from __future__ import annotations

from dataclasses import dataclass

from .data import Event, ReviewData
from .text import (
    annotation_text,
    event_date,
    precision_label,
    record_date,
    record_wording,
    time_text,
)


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[object]]
    widths: list[int]  # characters, for the spreadsheet
    agency_columns: dict[int, str]  # column index -> agency whose colour it takes
    agency_of_row: int | None = None  # column index holding each row's agency


def _confidence(e: Event) -> object:
    if len(e.records) < 2 or e.confidence is None:
        return ""
    return round(float(e.confidence), 2)


def related_text(e: Event) -> str:
    """Records of other events related to this one, in words: related, not the same."""
    lines = []
    for rel in e.related:
        r = rel.record
        what = "Follows up" if rel.direction == "follows_up" else "Followed up by"
        lines.append(f"{what} {record_date(r)} {r.agency}: {r.description} (event {rel.merged_id})")
    return "\n".join(lines)


def event_table(data: ReviewData) -> Table:
    """One row per merged event in date order, a column per agency with its own entry."""
    agency_cols = list(data.agencies)
    columns = [
        "Date",
        "Date precision",
        "Time",
        "Agencies",
        *agency_cols,
        "Tags and annotations",
        "KLOE",
        "Related records",
        "Match confidence",
        "Event id",
        "Sort date",
    ]
    rows: list[list[object]] = []
    for e in data.events:
        by_agency: dict[str, list[str]] = {}
        for r in e.records:
            by_agency.setdefault(r.agency, []).append(record_wording(r, e))
        rows.append(
            [
                event_date(e),
                precision_label(e.first),
                time_text(e.first),
                ", ".join(dict.fromkeys(e.agencies)),
                *["\n\n".join(by_agency.get(a, [])) for a in data.agencies],
                "\n".join(annotation_text(a) for a in e.annotations),
                ", ".join(e.kloes),
                related_text(e),
                _confidence(e),
                e.merged_id,
                e.first.date_start,  # a real date: the Date column is text, this one sorts
            ]
        )
    widths = [13, 11, 7, 22, *[40] * len(agency_cols), 40, 8, 40, 11, 22, 12]
    first_agency = 4
    return Table(
        "Integrated chronology",
        columns,
        rows,
        widths,
        {first_agency + i: a for i, a in enumerate(data.agencies)},
    )


def record_table(data: ReviewData) -> Table:
    """Every active source record with its provenance, status and issues."""
    merged = {e.id: e for e in data.events}
    columns = [
        "Agency",
        "Date",
        "Date precision",
        "Time",
        "Description",
        "Outcome",
        "Practitioner",
        "Reference",
        "Significance",
        "Other fields",
        "Date note",
        "Status",
        "Issues",
        "Event id",
        "Agencies in event",
        "Follows up event",
        "Relation",
        "File",
        "Sheet",
        "Row",
        "Record id",
        "Sort date",
    ]
    rows: list[list[object]] = []
    for r in data.records:
        e = merged.get(r.event_id) if r.event_id is not None else None
        rows.append(
            [
                r.agency,
                record_date(r),
                precision_label(r),
                time_text(r),
                r.description,
                r.outcome,
                r.practitioner,
                r.reference,
                r.significance,
                "; ".join(f"{k}: {v}" for k, v in r.extra.items()),
                r.date_note,
                r.status.replace("_", " "),
                "\n".join(r.issues),
                e.merged_id if e else "",
                len(e.records) if e else "",
                r.follows_up,
                r.relation,
                r.file_name,
                r.sheet,
                r.row if r.row is not None else "",
                r.record_id,
                r.date_start,
            ]
        )
    widths = [20, 13, 11, 7, 50, 40, 22, 14, 12, 20, 24, 12, 40, 22, 10, 22, 40, 30, 16, 6, 22, 12]
    return Table("Source records", columns, rows, widths, {}, agency_of_row=0)


def quarantine_table(data: ReviewData) -> Table:
    """Rows that could not become records, with the reason a person can act on."""
    columns = ["Agency", "File", "Sheet", "Row", "Reason", "Issues", "Row content"]
    rows: list[list[object]] = [
        [
            q.agency,
            q.file_name,
            q.sheet,
            q.row if q.row is not None else "",
            q.reason,
            "\n".join(q.issues),
            q.content,
        ]
        for q in data.quarantined
    ]
    widths = [20, 30, 16, 6, 30, 40, 70]
    return Table("Quarantined rows", columns, rows, widths, {}, agency_of_row=0)
