"""Duplicate-queue actions: decide and undo, each with its re-match in one transaction
(store.matching), and the queue screen read in one snapshot."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.validate import fmt
from timeline.store import Actor, Store
from timeline.workflow import QueueItem, queue_items

WORDS = {"same": "same event", "not_same": "not the same", "remove": "taken out"}


@dataclass(frozen=True)
class QueueScreen:
    items: tuple[QueueItem, ...]
    records: dict[str, dict]  # by stable record id
    decisions: int
    last: str  # the latest decision in words ("" when none)


@dataclass(frozen=True)
class Decided:
    message: str
    events: int  # events after the re-match


def screen(store: Store, actor: Actor, rid: int, limit: int = 50) -> QueueScreen:
    with store.snapshot():
        queue = store.records.match_queue(actor, rid)
        records = {r["record_id"]: r for r in store.records.list_records(actor, rid)}
        decisions = store.records.list_decisions(actor, rid)
    last = ""
    if decisions:
        d = decisions[-1]
        when = str(d.get("decided_at", ""))[:16].replace("T", " ")
        last = (
            f"Last decision: {WORDS.get(d['kind'], d['kind'])} "
            f"({len(d['record_ids'])} record(s)) by {d['decided_by_label']} at {when} UTC."
            f" {len(decisions)} decision(s) so far."
        )
    items = tuple(queue_items(queue, set(records), limit=limit))
    return QueueScreen(items, records, len(decisions), last)


def _describe(kind: str, recs: list[dict]) -> str:
    def one(r):
        return f"{r['agency']} {fmt(r['date_start'])}"

    if kind == "same":
        return "Recorded as one event: " + " and ".join(one(r) for r in recs) + "."
    if kind == "not_same":
        return "Recorded as different events: " + " and ".join(one(r) for r in recs) + "."
    return f"Took the {one(recs[0])} record out of its event."


def decide(store: Store, actor: Actor, rid: int, kind: str, record_ids: list[str]) -> Decided:
    """A reviewer's decision on a queue item ("remove" takes out its last record) and the
    re-match that follows it: one transaction."""
    ids = record_ids[-1:] if kind == "remove" else list(record_ids)
    records = {r["record_id"]: r for r in store.records.list_records(actor, rid)}
    out = store.matching.decide(actor, rid, kind, ids)
    message = _describe(kind, [records[i] for i in ids if i in records])
    return Decided(message, out.counts.get("events", 0))


def undo(store: Store, actor: Actor, rid: int) -> Decided:
    """Withdraw the latest decision and re-match: one transaction."""
    if not store.records.list_decisions(actor, rid):
        return Decided("There is no decision to undo.", 0)
    out = store.matching.undo(actor, rid)
    kind = (out.decision or {}).get("kind", "")
    return Decided(
        f"Undone: the last '{kind.replace('_', ' ')}' decision.", out.counts.get("events", 0)
    )
