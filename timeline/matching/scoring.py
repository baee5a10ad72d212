"""One match weight per pair: the sum of its comparison levels' log2 weights plus a prior.

The weights are Fellegi-Sunter-style log2 Bayes factors, but fitted jointly (logistic
regression on the one-hot levels) on labelled pairs, so that correlated text comparisons
are not counted twice as independent m/u estimates would.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from .features import FEATURE_NAMES, PairFeatures

LN2 = math.log(2.0)


def weight_vector(weights: Mapping[str, float]) -> tuple[np.ndarray, float]:
    """Level weights in FEATURE_NAMES order (missing levels weigh 0) and the prior."""
    vec = np.array([float(weights.get(f, 0.0)) for f in FEATURE_NAMES], dtype=np.float64)
    return vec, float(weights.get("prior", 0.0))


def score_pairs(feats: PairFeatures, weights: Mapping[str, float]) -> np.ndarray:
    """Total log2 weight of every candidate pair."""
    vec, prior = weight_vector(weights)
    if len(feats) == 0:
        return np.zeros(0)
    # The levels' sum is kept per weight vector: a run scores once with the fitted weights
    # and again with only the prior moved (adapt.py), on a dense review 450,000 pairs.
    cache = feats.__dict__.setdefault("_level_sums", {})
    key = vec.tobytes()
    if key not in cache:
        cache.clear()
        idx = feats.feature_index()
        total = np.empty(len(idx))
        step = 65_536  # rows at a time: the gathered weights stay in cache
        for s in range(0, len(idx), step):
            total[s : s + step] = vec[idx[s : s + step]].sum(axis=1)
        cache[key] = total
    return cache[key] + prior


def fit_weights(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0, iters: int = 50) -> dict:
    """L2-regularised logistic regression by Newton's method; returns log2 weights.

    x: one-hot levels (pairs x FEATURE_NAMES); y: 1 for a true match, 0 otherwise.
    """
    n, k = x.shape
    xa = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(k + 1)
    reg = np.full(k + 1, l2)
    reg[-1] = 1e-6  # the intercept is not shrunk
    for _ in range(iters):
        z = np.clip(xa @ beta, -30, 30)
        p = 1.0 / (1.0 + np.exp(-z))
        grad = xa.T @ (p - y) + reg * beta
        hess = (xa * (p * (1 - p))[:, None]).T @ xa + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.max(np.abs(step)) < 1e-6:
            break
    out = {name: round(float(b / LN2), 3) for name, b in zip(FEATURE_NAMES, beta[:-1], strict=True)}
    out["prior"] = round(float(beta[-1] / LN2), 3)
    return out


def probability(weight: float | np.ndarray) -> float | np.ndarray:
    """Match probability from a log2 weight."""
    return 1.0 / (1.0 + np.power(2.0, -np.asarray(weight, dtype=np.float64)))
