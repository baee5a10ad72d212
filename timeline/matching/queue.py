"""The review queue: the pairs where a reviewer's decision would change the most.

"uncertain merge": a pair inside one merged event whose weight is close above the
threshold. "near miss": a strong pair left apart, close below the threshold or kept
apart by a rule (agency limit, weak link to another member). Priority is the
uncertainty (1 at the threshold, falling off either side) times the number of records
whose event would change with the decision.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .cluster import Clustering
from .config import MatchConfig
from .decisions import Constraints
from .model import PairEvidence, QueueItem


def build_queue(
    a: np.ndarray,
    b: np.ndarray,
    w: np.ndarray,
    ids: list[str],
    clustering: Clustering,
    constraints: Constraints,
    config: MatchConfig,
    evidence: Callable[[int], PairEvidence],
) -> list[QueueItem]:
    label = clustering.label
    sizes = np.bincount(label, minlength=len(label)) if len(label) else np.zeros(0, int)
    t, margin = config.match_threshold, config.review_margin
    near = (w >= t - margin) & (w < t + margin)
    items: list[QueueItem] = []
    for k in np.flatnonzero(near):
        i, j = int(a[k]), int(b[k])
        if constraints.decided_pair(i, j):
            continue
        same = label[i] == label[j]
        wk = float(w[k])
        if same:
            kind = "uncertain merge"
            impact = 1 + (int(sizes[label[i]]) > 2)  # splitting may move more than one
        else:
            if wk >= t and (i, j) not in clustering.blocked:
                continue
            kind = "near miss"
            impact = int(sizes[label[i]] + sizes[label[j]])
        uncertainty = float(2.0 ** (-abs(wk - t) / 2.0))
        priority = round(uncertainty * impact, 6)
        items.append(QueueItem((ids[i], ids[j]), kind, round(wk, 3), priority, evidence(int(k))))
    items.sort(key=lambda q: (-q.priority, q.record_ids))
    return items
