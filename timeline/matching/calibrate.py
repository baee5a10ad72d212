"""Fitting the level weights and choosing thresholds on labelled records.

Used by `benchmarks/bench_match.py --calibrate` on generated cases whose seed differs
from the evaluation seeds; the fitted values are written to weights.py and the chosen
thresholds to config.py's defaults (docs/matching.md has the figures).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import combinations

import numpy as np

from ingest.records import SourceRecord

from .blocking import candidate_pairs
from .config import MatchConfig
from .features import compute_features
from .prepare import prepare
from .scoring import fit_weights


def pairwise_scores(
    predicted: Sequence[Sequence[str]], truth: Mapping[str, str]
) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of predicted groups against record -> event truth."""
    pred_pairs = set()
    for group in predicted:
        for x, y in combinations(sorted(group), 2):
            pred_pairs.add((x, y))
    by_event: dict[str, list[str]] = {}
    for rid, ev in truth.items():
        by_event.setdefault(ev, []).append(rid)
    true_pairs = set()
    for rids in by_event.values():
        for x, y in combinations(sorted(rids), 2):
            true_pairs.add((x, y))
    tp = len(pred_pairs & true_pairs)
    precision = tp / len(pred_pairs) if pred_pairs else 1.0
    recall = tp / len(true_pairs) if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def fit_level_weights(
    records: Sequence[SourceRecord], truth: Mapping[str, str], config: MatchConfig | None = None
) -> tuple[dict[str, float], dict[str, float]]:
    """Fit level weights on the candidate pairs of labelled records.

    Returns the weights and blocking figures (pairs, true pairs, blocking recall).
    """
    config = config or MatchConfig()
    prep = prepare(records, config)
    a, b = candidate_pairs(prep, config)
    feats = compute_features(prep, a, b)
    ids = prep.ids
    y = np.array([truth[ids[i]] == truth[ids[j]] for i, j in zip(a, b, strict=True)], float)
    by_event: dict[str, int] = {}
    for ev in truth.values():
        by_event[ev] = by_event.get(ev, 0) + 1
    # cross-agency true pairs only are reachable with the default blocking
    n_true = 0
    events: dict[str, set[str]] = {}
    for rec in prep.records:
        events.setdefault(truth[rec.record_id], set()).add(rec.agency)
    for ags in events.values():
        n_true += len(ags) * (len(ags) - 1) // 2
    weights = fit_weights(feats.matrix(), y)
    stats = {
        "candidate_pairs": float(len(a)),
        "true_candidate_pairs": float(y.sum()),
        "true_pairs": float(n_true),
        "blocking_recall": float(y.sum() / n_true) if n_true else 1.0,
    }
    return weights, stats


def threshold_grid(
    cases: Sequence[tuple[Sequence[SourceRecord], Mapping[str, str]]],
    weights: Mapping[str, float],
    thresholds: Sequence[float],
    floors: Sequence[float],
) -> list[tuple[float, float, float, float, float]]:
    """(threshold, floor, precision, recall, F1) pooled over the labelled cases."""
    from . import match_records  # local: avoids a cycle at import time

    out = []
    for t in thresholds:
        for f in floors:
            if f > t:
                continue
            cfg = replace(MatchConfig(), weights=dict(weights), match_threshold=t, link_floor=f)
            tp = npred = ntrue = 0
            for records, truth in cases:
                res = match_records(records, config=cfg)
                pred = set()
                for ev in res.events:
                    pred |= set(combinations(sorted(ev.record_ids), 2))
                by_event: dict[str, list[str]] = {}
                for rid, e in truth.items():
                    by_event.setdefault(e, []).append(rid)
                true = {p for rids in by_event.values() for p in combinations(sorted(rids), 2)}
                tp += len(pred & true)
                npred += len(pred)
                ntrue += len(true)
            p = tp / npred if npred else 1.0
            r = tp / ntrue if ntrue else 1.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            out.append((t, f, p, r, f1))
    return out
