"""Merged events inside the caller's transaction: singletons for new records, reviewer
decisions applied at once, and the matcher's result stored without losing annotations.

Annotations keep the stable ids of their event's records (`anchor_record_ids`), so when an
event is replaced they move to the new event that holds most of those records.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from ingest.records import DateInterval, Issue, Provenance
from ingest.records import SourceRecord as CanonicalRecord

from .errors import InvalidInput
from .schema import (
    Annotation,
    EventMember,
    MatchDecision,
    MatchRelation,
    MergedEvent,
    SourceRecord,
    finding_events,
    kpe_events,
    utcnow,
)

ACTIVE = ("imported", "needs_review")
_MEMBERS = EventMember.__table__
_EVENTS = MergedEvent.__table__
_ANNOTATIONS = Annotation.__table__


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def to_json(value: Any) -> Any:
    """JSON-safe copy of the matcher's output (dataclasses, numpy numbers, tuples)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_json(v) for v in value]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if hasattr(value, "item") and callable(value.item):  # numpy scalar
        return value.item()
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return to_json(vars(value))
    if isinstance(value, float) and value != value:  # NaN is not JSON
        return None
    return value


def active_source_records(session: Session, review_id: int) -> list[CanonicalRecord]:
    """The review's imported and needs-review records as ingest's SourceRecord (for matching)."""
    from .schema import Agency

    rows = session.execute(
        select(SourceRecord, Agency.name)
        .join(Agency, Agency.id == SourceRecord.agency_id)
        .where(SourceRecord.review_id == review_id, SourceRecord.status.in_(ACTIVE))
        .order_by(SourceRecord.id)
    ).all()
    out = []
    for r, agency in rows:
        alt = (r.date_alt_start, r.date_alt_end) if r.date_alt_start and r.date_alt_end else None
        out.append(
            CanonicalRecord(
                record_id=r.record_id,
                agency=agency,
                date=DateInterval(
                    r.date_start,
                    r.date_end,
                    r.date_precision,
                    r.date_approximate,
                    r.date_time,
                    alt,
                    r.date_note,
                ),
                description=r.description,
                provenance=Provenance(
                    r.prov_file_name,
                    r.prov_file_sha256,
                    r.prov_sheet,
                    r.prov_row,
                    dict(r.prov_raw or {}),
                    tuple(r.prov_continued_rows or ()),
                ),
                outcome=r.outcome,
                practitioner=r.practitioner,
                source=r.source,
                reference=r.reference,
                significance=r.significance,
                extra=dict(r.extra or {}),
                issues=[Issue(**i) for i in r.issues or []],
            )
        )
    return out


def singleton_id(record_id: str) -> str:
    return f"r-{record_id}"


def _record_pks(session: Session, review_id: int) -> dict[str, int]:
    rows = session.execute(
        select(SourceRecord.record_id, SourceRecord.id).where(SourceRecord.review_id == review_id)
    )
    return {a: b for a, b in rows}


def _membership(session: Session, review_id: int) -> dict[int, int]:
    """record pk -> event id for the review."""
    rows = session.execute(
        select(EventMember.record_pk, EventMember.event_id)
        .join(MergedEvent, MergedEvent.id == EventMember.event_id)
        .where(MergedEvent.review_id == review_id)
    )
    return {a: b for a, b in rows}


def _free_merged_id(session: Session, review_id: int, wanted: str) -> str:
    taken = set(
        session.scalars(
            select(MergedEvent.merged_id).where(
                MergedEvent.review_id == review_id, MergedEvent.merged_id.startswith(wanted)
            )
        )
    )
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"


def ensure_singletons(session: Session, review_id: int) -> int:
    """Give each active record that is in no event an event of its own; returns how many."""
    in_event = _membership(session, review_id)
    loose = session.execute(
        select(SourceRecord.id, SourceRecord.record_id).where(
            SourceRecord.review_id == review_id, SourceRecord.status.in_(ACTIVE)
        )
    ).all()
    loose = [(pk, rid) for pk, rid in loose if pk not in in_event]
    if not loose:
        return 0
    # One bulk INSERT of the events and one of their members, no ORM object per event. The
    # new events' ids are read back by their merged ids (unique in a review): SQLite would
    # run an INSERT ... RETURNING that must keep the rows' order one row at a time.
    session.flush()
    merged_ids = [singleton_id(rid) for _, rid in loose]
    session.execute(
        insert(_EVENTS),
        [{"review_id": review_id, "merged_id": m, "evidence": {}} for m in merged_ids],
    )
    event_ids: dict[str, int] = {}
    for part in _chunks(merged_ids):
        event_ids.update(
            session.execute(
                select(_EVENTS.c.merged_id, _EVENTS.c.id).where(
                    _EVENTS.c.review_id == review_id, _EVENTS.c.merged_id.in_(part)
                )
            ).all()
        )
    session.execute(
        insert(_MEMBERS),
        [
            {"event_id": event_ids[m], "record_pk": pk}
            for m, (pk, _) in zip(merged_ids, loose, strict=True)
        ],
    )
    return len(loose)


def _move_to_singleton(session: Session, review_id: int, pk: int, record_id: str) -> int:
    session.execute(delete(_MEMBERS).where(_MEMBERS.c.record_pk == pk))
    ev = MergedEvent(
        review_id=review_id,
        merged_id=_free_merged_id(session, review_id, singleton_id(record_id)),
        confidence=1.0,
        evidence={"reviewer": "separated by a reviewer's decision"},
    )
    session.add(ev)
    session.flush()
    session.execute(insert(EventMember), [{"event_id": ev.id, "record_pk": pk}])
    return ev.id


def _drop_empty_events(session: Session, review_id: int, candidates: Iterable[int], into: int):
    """Delete events left without members, moving their annotations and links to `into`."""
    for event_id in set(candidates):
        if event_id == into:
            continue
        if session.scalar(select(EventMember.record_pk).where(EventMember.event_id == event_id)):
            continue
        _repoint_links(session, {event_id: into})
        session.execute(
            update(_ANNOTATIONS).where(_ANNOTATIONS.c.event_id == event_id).values(event_id=into)
        )
        session.execute(delete(_EVENTS).where(_EVENTS.c.id == event_id))


def _repoint_links(session: Session, moves: dict[int, int | None]) -> None:
    """Move finding and key-practice-episode links from old events to their successors."""
    if not moves:
        return
    old_ids = list(moves)
    for table, owner in ((finding_events, "finding_id"), (kpe_events, "kpe_id")):
        rows = []
        for chunk in _chunks(old_ids):
            rows += session.execute(
                select(table.c[owner], table.c.event_id).where(table.c.event_id.in_(chunk))
            ).all()
        if not rows:
            continue
        for chunk in _chunks(old_ids):
            session.execute(delete(table).where(table.c.event_id.in_(chunk)))
        wanted = {(o, moves[ev]) for o, ev in rows if moves[ev] is not None}
        have: set[tuple[int, int]] = set()
        for chunk in _chunks(sorted({t for _, t in wanted})):
            have.update(
                (o, t)
                for o, t in session.execute(
                    select(table.c[owner], table.c.event_id).where(table.c.event_id.in_(chunk))
                )
            )
        add = [{owner: o, "event_id": t} for o, t in sorted(wanted - have)]
        if add:
            session.execute(insert(table), add)


def apply_decision(session: Session, review_id: int, kind: str, record_ids: list[str]) -> None:
    """Make the stored events agree with a reviewer's decision straight away."""
    pks = _record_pks(session, review_id)
    missing = [r for r in record_ids if r not in pks]
    if missing:
        raise InvalidInput(f"no such record in this review: {', '.join(missing)}")
    member = _membership(session, review_id)
    if kind == "same":
        events = [member.get(pks[r]) for r in record_ids]
        counts = Counter(e for e in events if e is not None)
        if counts:
            target = counts.most_common(1)[0][0]
        else:
            target = _move_to_singleton(session, review_id, pks[record_ids[0]], record_ids[0])
        olds = []
        for rid in record_ids:
            pk = pks[rid]
            old = member.get(pk)
            if old == target:
                continue
            session.execute(delete(_MEMBERS).where(_MEMBERS.c.record_pk == pk))
            session.execute(insert(EventMember), [{"event_id": target, "record_pk": pk}])
            if old is not None:
                olds.append(old)
        _drop_empty_events(session, review_id, olds, into=target)
        session.execute(update(_EVENTS).where(_EVENTS.c.id == target).values(confidence=1.0))
    elif kind == "not_same":
        seen: set[int] = set()
        for rid in record_ids:
            ev = member.get(pks[rid])
            if ev is None:
                continue
            if ev in seen:
                _move_to_singleton(session, review_id, pks[rid], rid)
            seen.add(ev)
    elif kind == "remove":
        for rid in record_ids:
            ev = member.get(pks[rid])
            if ev is None:
                continue
            others = session.scalar(
                select(EventMember.record_pk).where(
                    EventMember.event_id == ev, EventMember.record_pk != pks[rid]
                )
            )
            if others is not None:
                _move_to_singleton(session, review_id, pks[rid], rid)
    else:
        raise InvalidInput(f"unknown decision kind {kind!r}")


def store_events(session: Session, review_id: int, events: Iterable[Any]) -> dict[str, int]:
    """Replace the review's events by the matcher's (`merged_id`, `record_ids`, `confidence`,
    `evidence`). Events whose merged_id is unchanged keep their row; annotations, findings and
    episodes of replaced events move to the new event holding most of their records."""
    pks = _record_pks(session, review_id)
    by_pk_rid = {pk: rid for rid, pk in pks.items()}
    old_rows = {
        e.merged_id: e
        for e in session.scalars(select(MergedEvent).where(MergedEvent.review_id == review_id))
    }
    old_members: dict[int, list[str]] = {}
    for pk, ev in _membership(session, review_id).items():
        old_members.setdefault(ev, []).append(by_pk_rid[pk])

    plan: list[tuple[MergedEvent, list[str]]] = []
    created = kept = 0
    seen_records: set[str] = set()
    for ev in events:
        rids = [str(r) for r in ev.record_ids]
        unknown = [r for r in rids if r not in pks]
        if unknown:
            raise InvalidInput(f"matching returned unknown record ids: {unknown[:3]}")
        dup = seen_records.intersection(rids)
        if dup:
            raise InvalidInput(f"a record is in two merged events: {sorted(dup)[:3]}")
        seen_records.update(rids)
        evidence = to_json(ev.evidence)
        if not isinstance(evidence, dict):
            evidence = {"pairs": evidence, "decided": bool(getattr(ev, "decided", False))}
        row = old_rows.get(str(ev.merged_id))
        if row is None:
            row = MergedEvent(review_id=review_id, merged_id=str(ev.merged_id))
            session.add(row)
            created += 1
        else:
            kept += 1
        row.confidence = float(ev.confidence)
        row.evidence = evidence
        plan.append((row, rids))
    session.flush()  # one batch: new events get their ids
    new_assign: dict[str, int] = {r: row.id for row, rids in plan for r in rids}
    keep_ids = {row.id for row, _ in plan}

    # Re-point what hung on events that disappear.
    gone = [e for mid, e in old_rows.items() if e.id not in keep_ids]

    def successor(record_ids: list[str]) -> int | None:
        votes = Counter(new_assign[r] for r in record_ids if r in new_assign)
        return votes.most_common(1)[0][0] if votes else None

    moves = {e.id: successor(old_members.get(e.id, [])) for e in gone}
    _repoint_links(session, moves)
    for chunk in _chunks([e.id for e in gone]):
        for ann in session.scalars(select(Annotation).where(Annotation.event_id.in_(chunk))):
            ann.event_id = successor(list(ann.anchor_record_ids or [])) or moves.get(ann.event_id)
    session.flush()

    event_ids = [e.id for e in old_rows.values()]
    for chunk in _chunks(event_ids):
        session.execute(delete(_MEMBERS).where(_MEMBERS.c.event_id.in_(chunk)))
    if new_assign:
        session.execute(
            insert(EventMember),
            [{"event_id": ev, "record_pk": pks[r]} for r, ev in new_assign.items()],
        )
    for chunk in _chunks([e.id for e in gone]):
        session.execute(delete(_EVENTS).where(_EVENTS.c.id.in_(chunk)))
    for e in gone:
        session.expunge(e)
    singles = ensure_singletons(session, review_id)
    return {
        "events": len(keep_ids) + singles,
        "created": created,
        "kept": kept,
        "removed": len(gone),
        "singletons": singles,
    }


def decision_row(review_id: int, kind: str, ids: list[str], note: str, actor: Any) -> Any:
    """A reviewer's MatchDecision, stamped with who made it and when (one shape for the
    queue's decide and for the re-match that replays an undo)."""
    return MatchDecision(
        review_id=review_id,
        kind=kind,
        record_ids=ids,
        note=note,
        decided_by=actor.user_id,
        decided_by_label=actor.label,
        decided_at=utcnow(),
    )


def store_relations(session: Session, review_id: int, run_id: int, result: Any) -> int:
    """Replace the review's related records by this run's (a meeting's minutes received,
    its outcome letter): related to the meeting's event, not merged into it."""
    session.execute(delete(MatchRelation.__table__).where(MatchRelation.review_id == review_id))
    rows = [
        {
            "review_id": review_id,
            "run_id": run_id,
            "record_id": str(rel.record_id),
            "related_record_id": str(rel.related_record_id),
            "event_merged_id": str(rel.event_id),
            "kind": str(rel.kind),
            "reason": str(rel.reason),
        }
        for rel in getattr(result, "relations", []) or []
    ]
    if rows:
        session.execute(insert(MatchRelation), rows)
    return len(rows)


def related_records(session: Session, review_id: int, event_id: int | None = None) -> list[dict]:
    """Related records of the review (or those of one event, on either side), each with both
    records' stable ids, the events they are in now, the kind of relation and its reason:
    {"record_id", "record_event_id", "related_record_id", "related_event_id", "kind",
    "reason"}. A pair a reviewer has since put in one event is no longer listed."""
    q = select(MatchRelation).where(MatchRelation.review_id == review_id)
    if event_id is not None:
        mine = list(
            session.scalars(
                select(SourceRecord.record_id)
                .join(EventMember, EventMember.record_pk == SourceRecord.id)
                .where(EventMember.event_id == event_id)
            )
        )
        if not mine:
            return []
        q = q.where(MatchRelation.record_id.in_(mine) | MatchRelation.related_record_id.in_(mine))
    rels = list(session.scalars(q.order_by(MatchRelation.id)))
    if not rels:
        return []
    wanted = sorted({r.record_id for r in rels} | {r.related_record_id for r in rels})
    where: dict[str, int] = {}
    for chunk in _chunks(wanted):
        where.update(
            session.execute(
                select(SourceRecord.record_id, EventMember.event_id)
                .join(EventMember, EventMember.record_pk == SourceRecord.id)
                .where(
                    SourceRecord.review_id == review_id,
                    SourceRecord.status.in_(ACTIVE),
                    SourceRecord.record_id.in_(chunk),
                )
            ).all()
        )
    out = []
    for r in rels:
        a, b = where.get(r.record_id), where.get(r.related_record_id)
        if a is None or b is None or a == b:
            continue  # withdrawn since, or a reviewer has put the two in one event
        out.append(
            {
                "record_id": r.record_id,
                "record_event_id": a,
                "related_record_id": r.related_record_id,
                "related_event_id": b,
                "kind": r.kind,
                "reason": r.reason,
            }
        )
    return out
