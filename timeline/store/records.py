"""Imports, source files, records, events and match decisions (`store.records`).

A part of the store: it holds the store and runs in its transactions
(`Store._change`, `Store._read`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from . import events
from .audit import row_snapshot
from .auth import (
    IMPORT,
    MATCH,
    Actor,
)
from .base import (
    _annotation_dict,
    _record_dict,
)
from .errors import InvalidInput
from .importing import apply_import
from .schema import (
    DECISION_KINDS,
    Agency,
    Annotation,
    EventMember,
    MatchDecision,
    MatchRun,
    MergedEvent,
    QuarantinedRow,
    SourceFile,
    SourceRecord,
)

if TYPE_CHECKING:
    from .service import Store


class Records:
    def __init__(self, store: Store) -> None:
        self._store = store

    def import_results(
        self,
        actor: Actor,
        review_id: int,
        imports: Sequence[Any],
        *,
        progress: Callable[[int, dict[str, Any]], None] | None = None,
        replaces: dict[str, int] | None = None,
        confirm: bool = False,
    ) -> list[dict[str, Any]]:
        """Store already-read `FileImport`s: all files or none (one transaction). A file
        adds records; it replaces an earlier file only when `replaces` maps its name to
        that file's id (see importing.apply_import)."""
        replaces = replaces or {}
        with self._store._change(actor, review_id, IMPORT, "import files") as tx:
            results = []
            for i, fi in enumerate(imports):
                res = apply_import(
                    tx.session,
                    actor,
                    review_id,
                    fi,
                    replaces=replaces.get(fi.file_name),
                    confirm=confirm,
                )
                results.append(res)
                tx.audit("import.file", "source_file", res.get("source_file_id"), None, res)
                if progress is not None:
                    progress(i, res)
            created = events.ensure_singletons(tx.session, review_id)
            for res in results:
                res["new_events"] = created
            return results

    def list_source_files(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            rows = s.execute(
                select(SourceFile, Agency.name)
                .join(Agency, Agency.id == SourceFile.agency_id)
                .where(SourceFile.review_id == review_id)
                .order_by(SourceFile.id)
            ).all()
            return [{**row_snapshot(f), "agency": a} for f, a in rows]

    def list_agencies(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            rows = s.scalars(
                select(Agency).where(Agency.review_id == review_id).order_by(Agency.id)
            )
            return [row_snapshot(a) for a in rows]

    def list_records(
        self, actor: Actor, review_id: int, *, include_withdrawn: bool = False
    ) -> list[dict[str, Any]]:
        """Source records of the review (date values are `date` objects), each with the id
        of the merged event it belongs to."""
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            q = (
                select(SourceRecord, Agency.name, EventMember.event_id)
                .join(Agency, Agency.id == SourceRecord.agency_id)
                .outerjoin(EventMember, EventMember.record_pk == SourceRecord.id)
                .where(SourceRecord.review_id == review_id)
                .order_by(SourceRecord.date_start, SourceRecord.id)
            )
            if not include_withdrawn:
                q = q.where(SourceRecord.status != "withdrawn")
            return [_record_dict(r, a, ev) for r, a, ev in s.execute(q).all()]

    def list_quarantined(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        """Quarantined rows of the current (not superseded) files."""
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            rows = s.execute(
                select(QuarantinedRow, Agency.name)
                .join(Agency, Agency.id == QuarantinedRow.agency_id)
                .join(SourceFile, SourceFile.id == QuarantinedRow.source_file_id)
                .where(QuarantinedRow.review_id == review_id, SourceFile.superseded_by.is_(None))
                .order_by(QuarantinedRow.id)
            ).all()
            return [{**row_snapshot(q), "agency": a} for q, a in rows]

    def list_events(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        """Merged events with their members' stable record ids and database ids."""
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            members: dict[int, list[tuple[int, str]]] = {}
            for ev, pk, rid in s.execute(
                select(EventMember.event_id, SourceRecord.id, SourceRecord.record_id)
                .join(SourceRecord, SourceRecord.id == EventMember.record_pk)
                .where(SourceRecord.review_id == review_id)
                .order_by(SourceRecord.id)
            ).all():
                members.setdefault(ev, []).append((pk, rid))
            out = []
            for e in s.scalars(
                select(MergedEvent)
                .where(MergedEvent.review_id == review_id)
                .order_by(MergedEvent.id)
            ):
                d = row_snapshot(e)
                m = members.get(e.id, [])
                d["record_pks"] = [pk for pk, _ in m]
                d["record_ids"] = [rid for _, rid in m]
                out.append(d)
            return out

    def get_event(self, actor: Actor, event_id: int) -> dict[str, Any]:
        """One merged event with its member records and its annotations (the event panel)."""
        review_id = self._store._review_of(MergedEvent, event_id)
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            e = s.get(MergedEvent, event_id)
            d = row_snapshot(e)
            rows = s.execute(
                select(SourceRecord, Agency.name)
                .join(EventMember, EventMember.record_pk == SourceRecord.id)
                .join(Agency, Agency.id == SourceRecord.agency_id)
                .where(EventMember.event_id == event_id)
                .order_by(Agency.name, SourceRecord.id)
            ).all()
            d["records"] = [_record_dict(r, a, event_id) for r, a in rows]
            anns = s.scalars(
                select(Annotation).where(Annotation.event_id == event_id).order_by(Annotation.id)
            )
            d["annotations"] = [_annotation_dict(a) for a in anns]
            d["related"] = _event_related(s, review_id, event_id)
            return d

    def list_relations(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        """Records related to another event but not the same event (a meeting's minutes
        received, its outcome letter), as the latest matching run found them (see
        events.related_records for the keys)."""
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            return events.related_records(s, review_id)

    def latest_match_run(self, actor: Actor, review_id: int) -> dict[str, Any] | None:
        """The latest matching run: when, by whom, its counts, parameters and weights."""
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            run = s.scalar(
                select(MatchRun)
                .where(MatchRun.review_id == review_id)
                .order_by(MatchRun.id.desc())
                .limit(1)
            )
            return None if run is None else row_snapshot(run)

    def record_decision(
        self, actor: Actor, review_id: int, kind: str, record_ids: Sequence[str], note: str = ""
    ) -> dict[str, Any]:
        """A reviewer's match decision; the stored events follow it at once, and matching
        receives it as a constraint every time it runs."""
        if kind not in DECISION_KINDS:
            raise InvalidInput(f"decision kind must be one of {', '.join(DECISION_KINDS)}")
        ids = list(dict.fromkeys(str(r) for r in record_ids))
        if kind == "remove" and len(ids) != 1:
            raise InvalidInput("a 'remove' decision names exactly one record")
        if kind != "remove" and len(ids) < 2:
            raise InvalidInput(f"a '{kind}' decision names two or more records")
        with self._store._change(actor, review_id, MATCH, "decide merges") as tx:
            events.apply_decision(tx.session, review_id, kind, ids)
            d = events.decision_row(review_id, kind, ids, note, actor)
            tx.session.add(d)
            tx.session.flush()
            tx.audit("match.decide", "match_decision", d.id, None, row_snapshot(d))
            return row_snapshot(d)

    def list_decisions(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            rows = s.scalars(
                select(MatchDecision)
                .where(MatchDecision.review_id == review_id)
                .order_by(MatchDecision.id)
            )
            return [row_snapshot(d) for d in rows]

    def store_match_result(self, actor: Actor, review_id: int, merged: Iterable[Any]) -> dict:
        """Save a matcher's events (objects with merged_id, record_ids, confidence, evidence)."""
        merged = list(merged)
        with self._store._change(actor, review_id, MATCH, "run matching") as tx:
            counts = events.store_events(tx.session, review_id, merged)
            tx.audit("match.store", "review", review_id, None, counts)
            return counts

    def run_matching(self, actor: Actor, review_id: int, *, config: Any = None) -> dict:
        """Match the review's active records (timeline.matching, imported when first used),
        honouring every recorded decision, and store the events and the review queue
        (see store.matching: the matcher runs outside the write transaction and runs again
        if a decision or an import landed meanwhile)."""
        return self._store.matching.run(actor, review_id, config=config)

    def match_queue(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        """The review queue left by the latest matching run (most useful decision first)."""
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            run = s.scalar(
                select(MatchRun)
                .where(MatchRun.review_id == review_id)
                .order_by(MatchRun.id.desc())
                .limit(1)
            )
            return [] if run is None else list(run.queue)


def _event_related(s, review_id: int, event_id: int) -> list[dict[str, Any]]:  # noqa: ANN001
    """The event's related records, each seen from this event: the other record (as a
    record dict, with its event id), which way the relation goes and why."""
    rels = events.related_records(s, review_id, event_id)
    if not rels:
        return []
    other_ids = {
        (r["related_record_id"] if r["record_event_id"] == event_id else r["record_id"])
        for r in rels
    }
    rows = s.execute(
        select(SourceRecord, Agency.name)
        .join(Agency, Agency.id == SourceRecord.agency_id)
        .where(SourceRecord.review_id == review_id, SourceRecord.record_id.in_(sorted(other_ids)))
    ).all()
    by_rid = {r.record_id: (r, a) for r, a in rows}
    out = []
    for r in rels:
        follows = r["record_event_id"] == event_id  # a record of this event follows up another
        other = r["related_record_id"] if follows else r["record_id"]
        other_event = r["related_event_id"] if follows else r["record_event_id"]
        rec, agency = by_rid[other]
        out.append(
            {
                "direction": "follows_up" if follows else "followed_up_by",
                "record_id": r["record_id"] if follows else r["related_record_id"],
                "record": _record_dict(rec, agency, other_event),
                "event_id": other_event,
                "kind": r["kind"],
                "reason": r["reason"],
            }
        )
    out.sort(key=lambda x: (x["record"]["date_start"], x["record"]["id"]))
    return out
