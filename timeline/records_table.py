"""Flatten imported records and quarantined rows into table rows for files and screens."""

from __future__ import annotations

from collections.abc import Iterable

from ingest.records import FileImport, QuarantinedRow, SourceRecord

RECORD_COLUMNS = [
    "record_id",
    "event_date",
    "event_end",
    "date_precision",
    "date_approximate",
    "event_time",
    "agency",
    "description",
    "outcome",
    "practitioner",
    "event_type",
    "reference",
    "source_file",
    "source_sheet",
    "source_row",
    "status",
    "issues",
]


def record_row(record: SourceRecord) -> dict[str, object]:
    d = record.date
    return {
        "record_id": record.record_id,
        "event_date": d.start.isoformat(),
        "event_end": d.end.isoformat(),
        "date_precision": d.precision,
        "date_approximate": "yes" if d.approximate else "",
        "event_time": d.time.strftime("%H:%M") if d.time else "",
        "agency": record.agency,
        "description": record.description,
        "outcome": record.outcome,
        "practitioner": record.practitioner,
        "event_type": record.event_type,
        "reference": record.reference,
        "source_file": record.provenance.file_name,
        "source_sheet": record.provenance.sheet,
        "source_row": record.provenance.row,
        "status": record.status,
        "issues": "; ".join(i.message for i in record.issues),
    }


RELATION_COLUMNS = ["follows_up_event", "relation", "followed_up_by"]


def relation_fields(relations: Iterable, event_of: dict[str, str]) -> dict[str, dict]:
    """The related-record columns of each record a relation touches: for a follow-up
    (minutes received, outcome letter) the event it follows up and why; for a meeting's
    record the events that follow it up. `relations`: the matcher's Relation list;
    `event_of`: record id -> merged id. Related, not the same: each keeps its own event."""
    out: dict[str, dict] = {}

    def row(rid: str) -> dict:
        return out.setdefault(rid, {"follows_up_event": "", "relation": "", "followed_up_by": ""})

    followed: dict[str, set[str]] = {}
    for rel in relations:
        r = row(rel.record_id)
        r["follows_up_event"], r["relation"] = rel.event_id, rel.reason
        row(rel.related_record_id)
        followed.setdefault(rel.related_record_id, set()).add(event_of.get(rel.record_id, ""))
    for rid, evs in followed.items():
        out[rid]["followed_up_by"] = "; ".join(sorted(evs - {""}))
    return out


def quarantined_row(
    row: QuarantinedRow, description_header: str | None = None
) -> dict[str, object]:
    raw = row.provenance.raw
    text = raw.get(description_header, "") if description_header else ""
    return {
        "agency": row.agency,
        "description": text or " | ".join(v for v in raw.values() if v),
        "source_file": row.provenance.file_name,
        "source_sheet": row.provenance.sheet,
        "source_row": row.provenance.row,
        "status": row.status,
        "issues": row.reason,
    }


def file_rows(result: FileImport) -> list[dict[str, object]]:
    """Records and quarantined rows of one file, in the order they appear in it."""
    desc = next((c.header for c in result.columns if c.field == "description"), None)
    items: list[tuple[tuple[str, int], dict[str, object]]] = []
    items += [((r.provenance.sheet, r.provenance.row), record_row(r)) for r in result.records]
    items += [
        ((q.provenance.sheet, q.provenance.row), quarantined_row(q, desc))
        for q in result.quarantined
    ]
    order = {}
    for sheet in result.sheet.split(", "):
        order.setdefault(sheet, len(order))
    items.sort(key=lambda it: (order.get(it[0][0], len(order)), it[0][0], it[0][1]))
    return [row for _, row in items]


def rows_for(results: Iterable[FileImport]) -> list[dict[str, object]]:
    return [row for result in results for row in file_rows(result)]
