"""Matching and match decisions as one transaction each (`store.matching`).

A decision (or its undo) and the re-match that follows it are saved together: the matcher
runs outside the write lock on the records and decisions as they will be, then one write
transaction records the decision, stores the events and the review queue, and writes both
audit entries, provided no decision or import landed meanwhile (else it runs again). So a
screen never sees a decision without its events, and a failure leaves neither.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from . import events
from .audit import row_snapshot
from .auth import MATCH, Actor, require
from .errors import Conflict, InvalidInput, NotFound, no_review
from .schema import DECISION_KINDS, MatchDecision, MatchRun, Review, SourceFile

if TYPE_CHECKING:
    from .service import Store


@dataclass(frozen=True)
class MatchOutcome:
    counts: dict[str, Any]  # events created / kept / removed, records, decisions
    decision: dict[str, Any] | None = None  # the decision recorded, or the one undone


def weights_version(weights: dict[str, Any]) -> str:
    """A short digest of a model's weights: two runs with the same model show the same."""
    if not weights:
        return ""
    text = json.dumps(weights, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


class _Retry(Exception):
    """The inputs changed under the matcher: roll back and run it again."""


def check_decision(kind: str, record_ids: Sequence[str]) -> list[str]:
    if kind not in DECISION_KINDS:
        raise InvalidInput(f"decision kind must be one of {', '.join(DECISION_KINDS)}")
    ids = list(dict.fromkeys(str(r) for r in record_ids))
    if kind == "remove" and len(ids) != 1:
        raise InvalidInput("a 'remove' decision names exactly one record")
    if kind != "remove" and len(ids) < 2:
        raise InvalidInput(f"a '{kind}' decision names two or more records")
    return ids


def _stamp(s, review_id: int) -> tuple:
    """Changes when a decision is recorded or undone, or a file imported."""
    return (
        s.scalar(select(func.max(MatchDecision.id)).where(MatchDecision.review_id == review_id)),
        s.scalar(select(func.count(MatchDecision.id)).where(MatchDecision.review_id == review_id)),
        s.scalar(select(func.max(SourceFile.id)).where(SourceFile.review_id == review_id)),
    )


class Matching:
    def __init__(self, store: Store) -> None:
        self._store = store

    def run(self, actor: Actor, review_id: int, *, config: Any = None) -> dict:
        """Match the active records honouring every decision; store events and queue."""
        return self._rematch(actor, review_id, config=config).counts

    def decide(
        self, actor: Actor, review_id: int, kind: str, record_ids: Sequence[str], note: str = ""
    ) -> MatchOutcome:
        """Record a decision and re-match, in one transaction."""
        ids = check_decision(kind, record_ids)
        return self._rematch(actor, review_id, add=(kind, ids, note))

    def undo(self, actor: Actor, review_id: int, decision_id: int | None = None) -> MatchOutcome:
        """Withdraw a decision (default: the latest) and re-match, in one transaction."""
        return self._rematch(actor, review_id, drop=decision_id if decision_id else -1)

    def _rematch(
        self,
        actor: Actor,
        review_id: int,
        *,
        config: Any = None,
        add: tuple[str, list[str], str] | None = None,
        drop: int | None = None,
    ) -> MatchOutcome:
        from timeline.matching import MatchDecision as Decision
        from timeline.matching import match_records

        store = self._store
        for _attempt in range(5):
            with store._read() as s:
                if s.get(Review, review_id) is None:
                    raise no_review(actor, review_id)
                require(actor, store._role(s, actor, review_id), MATCH, "run matching")
                stamp = _stamp(s, review_id)
                records = events.active_source_records(s, review_id)
                rows = list(
                    s.scalars(
                        select(MatchDecision)
                        .where(MatchDecision.review_id == review_id)
                        .order_by(MatchDecision.id)
                    )
                )
            if drop is not None:
                if not rows:
                    raise InvalidInput("there is no decision to undo")
                target = rows[-1].id if drop == -1 else drop
                if target not in {d.id for d in rows}:
                    raise NotFound(f"no decision {drop} in review {review_id}")
                rows = [d for d in rows if d.id != target]
            given = [(d.kind, d.record_ids) for d in rows]
            if add is not None:
                given.append((add[0], add[1]))
            known = {r.record_id for r in records}
            decisions = []
            for kind, rids in given:
                ids = tuple(r for r in rids if r in known)
                if len(ids) >= (1 if kind == "remove" else 2):
                    decisions.append(Decision(kind, ids))
            kwargs: dict[str, Any] = {"decisions": decisions}
            if config is not None:
                kwargs["config"] = config
            result = match_records(records, **kwargs)
            try:
                with store._change(actor, review_id, MATCH, "decide merges") as tx:
                    ses = tx.session
                    if _stamp(ses, review_id) != stamp:
                        raise _Retry  # rolls back the version bump too
                    decision = None
                    if drop is not None:
                        d = ses.get(MatchDecision, target)
                        decision = row_snapshot(d)
                        tx.audit("match.undo", "match_decision", d.id, decision, None)
                        ses.delete(d)
                        ses.flush()
                    if add is not None:
                        kind, ids, note = add
                        d = events.decision_row(review_id, kind, ids, note, actor)
                        ses.add(d)
                        ses.flush()
                        decision = row_snapshot(d)
                        tx.audit("match.decide", "match_decision", d.id, None, decision)
                    counts = events.store_events(ses, review_id, result.events)
                    counts["records"] = len(records)
                    counts["decisions"] = len(decisions)
                    counts["relations"] = len(getattr(result, "relations", []))
                    parameters = events.to_json(getattr(result, "parameters", {}) or {})
                    run = MatchRun(
                        review_id=review_id,
                        run_by=actor.user_id,
                        run_by_label=actor.label,
                        summary=counts,
                        queue=events.to_json(getattr(result, "queue", [])),
                        parameters=parameters,
                        weights_version=weights_version(parameters.get("weights", {})),
                    )
                    ses.add(run)
                    ses.flush()
                    events.store_relations(ses, review_id, run.id, result)
                    tx.audit("match.run", "review", review_id, None, counts)
                    return MatchOutcome(counts, decision)
            except _Retry:
                continue
        raise Conflict("the review kept changing while matching ran; run it again", None)
