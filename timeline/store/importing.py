"""Apply one ingest `FileImport` to a review inside the caller's transaction.

A new file adds records; nothing is withdrawn by accident. A file replaces an earlier one
only when the user says so (`replaces`): it supersedes that file (kept, for audit); rows
whose stable id is unchanged keep their database row, so their events, annotations and
decisions stay; rows gone from the new version become `withdrawn` (never deleted); new rows
are added. A replacement that yields nothing or withdraws more than half needs confirming.
The same file twice is a no-op; a file yielding no records is refused.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import insert, or_, select, update
from sqlalchemy.orm import Session

from ingest.records import FileImport, SourceRecord
from ingest.records import QuarantinedRow as IngestQuarantined

from .audit import jsonable
from .auth import Actor
from .errors import InvalidInput, NeedsConfirmation
from .schema import Agency, QuarantinedRow, SourceFile
from .schema import SourceRecord as RecordRow

WITHDRAWN = "withdrawn"
_RECORDS = RecordRow.__table__
_QUARANTINED = QuarantinedRow.__table__


def agency_row(session: Session, review_id: int, name: str) -> Agency:
    name = name.strip()
    if not name:
        raise InvalidInput("an agency needs a name")
    found = session.scalar(select(Agency).where(Agency.review_id == review_id, Agency.name == name))
    if found is None:
        found = Agency(review_id=review_id, name=name)
        session.add(found)
        session.flush()
    return found


def _issues(issues: list[Any]) -> list[dict[str, Any]]:
    return [asdict(i) for i in issues]


_PLAIN = (str, int, float, bool, type(None))


def _json_dict(value: Any) -> dict[str, Any]:
    """`jsonable(dict(value))`, faster for the usual case (text cells): only the values
    that are not plain JSON scalars go through jsonable."""
    return {
        k if type(k) is str else str(k): v if type(v) in _PLAIN else jsonable(v)
        for k, v in value.items()
    }


def _record_values(rec: SourceRecord, source_file_id: int) -> dict[str, Any]:
    d = rec.date
    alt = d.alternative
    return {
        "source_file_id": source_file_id,
        "status": rec.status,
        "date_start": d.start,
        "date_end": d.end,
        "date_precision": d.precision,
        "date_approximate": bool(d.approximate),
        "date_time": d.time,
        "date_alt_start": alt[0] if alt else None,
        "date_alt_end": alt[1] if alt else None,
        "date_note": d.note or "",
        "description": rec.description or "",
        "outcome": rec.outcome or "",
        "practitioner": rec.practitioner or "",
        "source": rec.source or "",
        "reference": rec.reference or "",
        "significance": rec.significance or "",
        "extra": _json_dict(rec.extra),
        "prov_file_name": rec.provenance.file_name,
        "prov_file_sha256": rec.provenance.file_sha256,
        "prov_sheet": rec.provenance.sheet or "",
        "prov_row": int(rec.provenance.row),
        "prov_raw": _json_dict(rec.provenance.raw),
        "prov_continued_rows": [int(n) for n in rec.provenance.continued_rows],
        "issues": _issues(rec.issues),
    }


def _quarantined(q: IngestQuarantined, review_id: int, file_id: int, agency_id: int):
    """A quarantined row's column values (one dict of the bulk insert)."""
    return {
        "review_id": review_id,
        "source_file_id": file_id,
        "agency_id": agency_id,
        "prov_file_name": q.provenance.file_name,
        "prov_file_sha256": q.provenance.file_sha256,
        "prov_sheet": q.provenance.sheet or "",
        "prov_row": int(q.provenance.row),
        "prov_raw": dict(q.provenance.raw),
        "issues": _issues(q.issues),
        "reason": q.reason,
    }


def apply_import(
    session: Session,
    actor: Actor,
    review_id: int,
    fi: FileImport,
    *,
    replaces: int | None = None,
    confirm: bool = False,
) -> dict[str, Any]:
    """Store `fi` in the review; returns counts for people and the audit entry.

    A new file adds its records and withdraws nothing. Only with `replaces` (the id of an
    earlier, current file: the user said this is its new version) are that file's records
    not in `fi` withdrawn; a replacement yielding no records, or withdrawing more than half
    of the replaced file's records, raises NeedsConfirmation unless `confirm`.
    """
    agency = agency_row(session, review_id, fi.agency)
    old = None
    if replaces is not None:
        old = session.get(SourceFile, replaces)
        if old is None or old.review_id != review_id:
            raise InvalidInput(f"{fi.file_name}: the file it replaces is not in this review")
        if old.superseded_by is not None:
            raise InvalidInput(f"'{old.file_name}' was already replaced by a newer import")
    current = list(
        session.scalars(
            select(SourceFile).where(
                SourceFile.review_id == review_id, SourceFile.superseded_by.is_(None)
            )
        )
    )
    result: dict[str, Any] = {
        "file_name": fi.file_name,
        "sha256": fi.file_sha256,
        "agency": agency.name,
        "added": 0,
        "kept": 0,
        "reinstated": 0,
        "withdrawn": 0,
        "quarantined": len(fi.quarantined),
        "skipped": len(fi.skipped),
        "superseded_file_ids": [old.id] if old is not None else [],
        "unchanged": False,
    }
    same = next(
        (f for f in current if f.sha256 == fi.file_sha256 and (old is None or f.id != old.id)),
        None,
    )
    if same is not None:
        result.update(source_file_id=same.id, unchanged=True, superseded_file_ids=[])
        result["quarantined"] = 0
        result["skipped"] = 0
        return result
    if not fi.records and old is None:
        raise InvalidInput(
            f"'{fi.file_name}': no row could be read as a record ({fi.rows_read} rows read: "
            f"{len(fi.quarantined)} quarantined, {len(fi.skipped)} skipped). Nothing was "
            f"imported; {agency.name}'s records are as they were."
        )
    ids = [r.record_id for r in fi.records]
    if len(set(ids)) != len(ids):
        raise InvalidInput(f"{fi.file_name}: two records share a record id")
    keep = set(ids)
    if old is not None:
        old_active = list(
            session.scalars(
                select(RecordRow.record_id).where(
                    RecordRow.source_file_id == old.id, RecordRow.status != WITHDRAWN
                )
            )
        )
        gone = sum(1 for r in old_active if r not in keep)
        if not confirm and (not fi.records or gone * 2 > len(old_active)):
            why = (
                "yields no records"
                if not fi.records
                else f"would withdraw {gone} of its {len(old_active)} records"
            )
            raise NeedsConfirmation(
                f"'{fi.file_name}' {why} as the new version of '{old.file_name}'. Nothing "
                "was changed; confirm to replace it anyway.",
                file_name=fi.file_name,
                replaces=old.id,
                withdraw=gone,
                of=len(old_active),
            )
    # A file may carry an agency column: each record is filed under its own agency.
    agencies = {agency.name: agency}
    for name in dict.fromkeys(r.agency.strip() for r in fi.records):
        if name not in agencies:
            agencies[name] = agency_row(session, review_id, name)

    flagged = sum(1 for r in fi.records if r.issues)
    sf = SourceFile(
        review_id=review_id,
        agency_id=agency.id,
        file_name=fi.file_name,
        sha256=fi.file_sha256,
        imported_by=actor.user_id,
        imported_by_label=actor.label,
        agency_source=fi.agency_source,
        sheet=fi.sheet or "",
        header_row=fi.header_row,
        rows_read=fi.rows_read,
        records_count=len(fi.records),
        need_review_count=flagged,
        quarantined_count=len(fi.quarantined),
        skipped_count=len(fi.skipped),
        columns=jsonable([asdict(c) for c in fi.columns]),
        summary=fi.summary(),
        notes=list(fi.notes),
        title_block=jsonable(dict(fi.title_block)),
        agency_evidence=fi.agency_evidence or "",
        date_order=fi.date_order_read,
        date_order_by=fi.date_order_by,
        date_order_witness=(fi.date_order_witness or "")[:200],
        date_order_note="; ".join(fi.date_order.values()),
    )
    session.add(sf)
    session.flush()
    superseded = [old.id] if old is not None else []
    if old is not None:
        old.superseded_by = sf.id
    result["source_file_id"] = sf.id

    # Rows this file may meet again: the same content already in the review (same stable
    # id), and whatever the replaced file held.
    # Read as plain rows, changed by one bulk UPDATE by primary key: no ORM object per row.
    cols = _RECORDS.c
    existing = {
        r["record_id"]: r
        for r in session.execute(
            select(_RECORDS).where(
                cols.review_id == review_id,
                or_(cols.record_id.in_(ids), cols.source_file_id.in_(superseded)),
            )
        ).mappings()
    }
    # New rows go in as one Core bulk INSERT (executemany / insertmanyvalues batches), in
    # the file's order, with no ORM object per row: the unit of work was most of a big save.
    new_rows = []
    changes = []
    agency_ids = {name: a.id for name, a in agencies.items()}
    for rec in fi.records:
        values = _record_values(rec, sf.id)
        row = existing.get(rec.record_id)
        if row is None:
            values["review_id"] = review_id
            values["record_id"] = rec.record_id
            values["agency_id"] = agency_ids[rec.agency.strip()]
            new_rows.append(values)
            continue
        if row["status"] == WITHDRAWN:
            result["reinstated"] += 1
        else:
            result["kept"] += 1
            if row["source_file_id"] not in superseded:
                continue  # already current through another file: that file keeps it
        changed = {key: value for key, value in values.items() if row[key] != value}
        if changed:
            changes.append({"id": row["id"], **changed})
    result["added"] = len(new_rows)
    for rid, row in existing.items():
        if rid not in keep and row["status"] != WITHDRAWN and row["source_file_id"] in superseded:
            changes.append({"id": row["id"], "status": WITHDRAWN})
            result["withdrawn"] += 1
    session.flush()
    if changes:  # the kept, reinstated and withdrawn rows (grouped by the columns changed)
        session.execute(update(RecordRow), changes)
    if new_rows:
        session.execute(insert(_RECORDS), new_rows)
    quarantined = [_quarantined(q, review_id, sf.id, agency.id) for q in fi.quarantined]
    if quarantined:
        session.execute(insert(_QUARANTINED), quarantined)
    return result
