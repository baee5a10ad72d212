"""The matcher's public data: decisions in, merged events and a review queue out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

DECISION_KINDS = ("same", "not_same", "remove")


@dataclass(frozen=True)
class MatchDecision:
    """A reviewer's decision, honoured by every later run.

    kind "same": the records are one event (even across the usual limits); "not_same":
    no two of them may share an event; "remove": the one record stands alone.
    """

    kind: str
    record_ids: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.kind not in DECISION_KINDS:
            raise ValueError(f"unknown decision kind {self.kind!r}")
        if self.kind == "remove" and len(self.record_ids) != 1:
            raise ValueError("a 'remove' decision names exactly one record")
        if self.kind != "remove" and len(set(self.record_ids)) < 2:
            raise ValueError(f"a {self.kind!r} decision names two or more records")


@dataclass
class Contribution:
    """One feature's part in a pair's weight, e.g. ("date gap", 1.0, +2.1, "recorded 1 day
    apart"). `weight` is in log2 units (bits): +1 doubles the odds of a match."""

    feature: str
    value: float
    weight: float
    words: str


@dataclass
class PairEvidence:
    record_a: str
    record_b: str
    weight: float  # total log2 match weight, prior included
    contributions: list[Contribution]
    summary: str  # words a reviewer understands

    @property
    def probability(self) -> float:
        return 1.0 / (1.0 + 2.0 ** (-self.weight))


@dataclass
class MergedEvent:
    merged_id: str
    record_ids: list[str]
    confidence: float
    evidence: list[PairEvidence] = field(default_factory=list)
    decided: bool = False  # True when a reviewer's "same" decision holds it together


@dataclass
class QueueItem:
    record_ids: tuple[str, ...]
    kind: str  # "uncertain merge" | "near miss"
    weight: float
    priority: float
    evidence: PairEvidence


class _LazyEvidence:
    """Mixin: `evidence` may be given as a function and is worded on first read.

    Wording the evidence of every pair of a 20,000-record review costs more than the
    matching itself; screens read it for the few events a person opens.
    """

    @property
    def evidence(self):  # noqa: ANN201 - list[PairEvidence] | PairEvidence
        value = self.__dict__.get("_evidence")
        if callable(value):
            value = value()
            self.__dict__["_evidence"] = value
        return value

    @evidence.setter
    def evidence(self, value) -> None:  # noqa: ANN001
        self.__dict__["_evidence"] = value


class LazyMergedEvent(_LazyEvidence, MergedEvent):
    pass


class LazyQueueItem(_LazyEvidence, QueueItem):
    pass


@dataclass
class MatchResult:
    events: list[MergedEvent]  # every input record is in exactly one event
    queue: list[QueueItem]  # highest priority first
    # Records related to another event but not part of it (relations.Relation: a
    # meeting's minutes received, its outcome letter), one per follow-up record.
    relations: list = field(default_factory=list)
    # What this run used (thresholds, the weights after adapting to this review, how
    # many decisions it learnt from): to store with the run.
    parameters: dict = field(default_factory=dict)

    def event_of(self) -> dict[str, MergedEvent]:
        """record id -> its merged event."""
        return {rid: ev for ev in self.events for rid in ev.record_ids}


def merged_id_for(record_ids: list[str] | tuple[str, ...]) -> str:
    """Deterministic id from the sorted member ids: the same group gets the same id in any
    run and any input order."""
    payload = "\x1f".join(sorted(record_ids)).encode("utf-8")
    return "ev-" + hashlib.sha256(payload).hexdigest()[:16]
