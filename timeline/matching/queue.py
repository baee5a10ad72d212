"""The review queue: the pairs where a reviewer's decision would change the most.

"uncertain merge": a pair inside one merged event whose weight is close above the
threshold. "near miss": a strong pair left apart, close below the threshold or kept
apart by a rule (agency limit, weak link to another member). Priority is the chance
that the answer changes the events (a near miss: its match probability; an uncertain
merge: one minus it) times the number of records whose event would change with the
decision: the answer expected to change most first. Pairs a decision already
settles are left out; the queue is cut at `config.max_queue` items.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .cluster import Clustering
from .config import MatchConfig
from .decisions import Constraints
from .model import LazyQueueItem, PairEvidence, QueueItem


def build_queue(
    a: np.ndarray,
    b: np.ndarray,
    w: np.ndarray,
    ids: list[str],
    clustering: Clustering,
    constraints: Constraints,
    config: MatchConfig,
    evidence: Callable[[int], PairEvidence],
    apart: set[tuple[int, int]] | None = None,
    kind_key: np.ndarray | None = None,
) -> list[QueueItem]:
    """`kind_key`: what kind of pair each is (adapt.signature_key); an answer also moves
    the review's other pairs of its kind (adapt.local_shifts), so a pair whose kind has
    many others close to the threshold is worth more."""
    label = clustering.label
    if len(a) == 0:
        return []
    sizes = np.bincount(label, minlength=len(label))
    t, margin = config.match_threshold, config.review_margin
    same = label[a] == label[b]
    blocked = np.zeros(len(a), dtype=bool)
    if clustering.blocked:
        keys = {i * len(ids) + j for i, j in clustering.blocked}
        blocked = np.isin(a * len(ids) + b, np.fromiter(keys, dtype=np.int64, count=len(keys)))
    near = (w >= t - margin) & (w < t + margin) & (same | (w < t) | blocked)
    ks = np.flatnonzero(near)
    if constraints.removed or constraints.forbidden or constraints.groups:
        ks = np.array(
            [k for k in ks if not constraints.decided_pair(int(a[k]), int(b[k]))], dtype=np.int64
        )
    if apart and len(ks):
        # a meeting and its follow-up: a relation, not a question for the reviewer
        # (Python ints from tolist(), not a numpy scalar per pair)
        pairs = zip(a[ks].tolist(), b[ks].tolist(), strict=True)
        ks = ks[np.fromiter((p not in apart for p in pairs), dtype=bool, count=len(ks))]
    if len(ks) == 0:
        return []
    sa, sb = sizes[label[a[ks]]], sizes[label[b[ks]]]
    impact = np.where(same[ks], 1 + (sa > 2), sa + sb).astype(np.float64)
    if kind_key is not None and config.learn_from_decisions:
        # the other pairs of this kind within the learning bound of the threshold: an
        # answer may carry them across it (half a record each: they may not flip)
        close = np.abs(w - t) < config.decision_bound
        keys, counts = np.unique(kind_key[close], return_counts=True)
        pos = np.clip(np.searchsorted(keys, kind_key[ks]), 0, max(len(keys) - 1, 0))
        found = len(keys) > 0
        n_close = np.where(found & (keys[pos] == kind_key[ks]), counts[pos], 0) if found else 0
        impact += 0.5 * np.maximum(n_close - close[ks], 0)
    # the chance that the answer changes the events: a pair left apart is "the same"
    # with the probability its weight gives (the review's answers included), a pair in
    # one event is "not the same" with the rest; times the records it would move
    p = 1.0 / (1.0 + np.power(2.0, -np.clip(w[ks], -60, 60)))
    uncertainty = np.where(same[ks], 1.0 - p, p)
    priority = np.round(uncertainty * impact, 6)
    # highest priority first; ties by record ids (stable across input orders)
    # (record indices follow the sorted record ids, so index order is id order)
    order = np.lexsort((b[ks], a[ks], -priority)).tolist()
    items: list[QueueItem] = []
    for x in order[: config.max_queue]:
        k = int(ks[x])
        i, j = int(a[k]), int(b[k])
        kind = "uncertain merge" if same[k] else "near miss"
        items.append(
            LazyQueueItem(
                (ids[i], ids[j]),
                kind,
                round(float(w[k]), 3),
                float(priority[x]),
                (lambda k=k: evidence(k)),
            )
        )
    return items
