"""Adapting the fitted weights to one review, statelessly (recomputed on every run).

Two steps, both starting from the fitted weights and bounded by them:

1. The share of candidate pairs that are matches differs between reviews (a dense
   chronology has many more look-alike neighbours per event than the labelled cases).
   EM over this review's candidate pairs re-estimates that share with the fitted model
   (Saerens, Latinne & Decaestecker 2002: posteriors re-weighted by the new prior,
   the prior re-estimated as their mean, until it settles); only the prior moves: down
   by at most `prior_bound` bits, up by at most `prior_bound_up` (precision first).
2. Every reviewer decision is a labelled pair of this review. The weights are
   recalibrated on those pairs (a slope and a shift of the match weight, fitted by a
   penalised logistic regression centred on "no change", the shift within
   `decision_bound` bits): twenty answers adjust the model, they do not replace it.

The decisions are passed in on every run, so the model of a review is a function of its
records and decisions: nothing is saved between runs.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .decisions import Constraints
from .features import FEATURE_NAMES, PairFeatures
from .scoring import LN2, weight_vector


def em_prior_shift(
    w: np.ndarray, fitted_share: float, *, bound: float, bound_up: float = 0.0, iters: int = 100
) -> float:
    """Bits to add to every pair's weight so the prior fits this review's pairs.

    `fitted_share`: the share of matches among the candidate pairs the weights were
    fitted on (their posteriors are calibrated to it)."""
    if len(w) == 0 or not 0 < fitted_share < 1:
        return 0.0
    p = 1.0 / (1.0 + np.power(2.0, -np.clip(w, -60, 60)))
    base = fitted_share
    prior = base
    for _ in range(iters):
        up, down = prior / base * p, (1 - prior) / (1 - base) * (1 - p)
        new = float((up / (up + down)).mean())
        done = abs(new - prior) < 1e-7
        prior = min(max(new, 1e-6), 1 - 1e-6)
        if done:
            break
    shift = np.log2(prior / (1 - prior)) - np.log2(base / (1 - base))
    return float(np.clip(shift, -bound, bound_up))


def decision_labels(a: np.ndarray, b: np.ndarray, constraints: Constraints) -> dict[int, float]:
    """Candidate pair index -> 1.0 (decided the same) or 0.0 (decided apart)."""
    out: dict[int, float] = {}
    if not (constraints.groups or constraints.forbidden or constraints.removed):
        return out
    group = constraints.group_of()
    involved = set(group) | constraints.removed | {i for p in constraints.forbidden for i in p}
    ai, bi = a.tolist(), b.tolist()
    for k, (i, j) in enumerate(zip(ai, bi, strict=True)):
        if i not in involved and j not in involved:
            continue
        if (i, j) in constraints.forbidden or i in constraints.removed or j in constraints.removed:
            out[k] = 0.0
        elif i in group and group.get(j) == group[i]:
            out[k] = 1.0
    return out


def refit_on_decisions(
    feats: PairFeatures,
    labels: Mapping[int, float],
    weights: Mapping[str, float],
    *,
    penalty: float,
    bound: float,
    iters: int = 30,
) -> dict[str, float]:
    """The weights recalibrated on the reviewer's answers: every pair's weight w becomes
    slope * w + shift, fitted by logistic regression on the decided pairs with a
    Gaussian penalty centred on (1, 0), the shift within +-`bound` bits and the slope
    within [1/2, 2].

    Two numbers, not one per level: the queue asks about pairs near the threshold, and
    refitting hundreds of level weights on a few dozen such answers moved every shared
    level together and undid the model (F1 0.96 -> 0.39 after 50 answers on calibration
    seeds 201-203). A slope and a shift say how far this review's pairs are from the
    labelled cases' calibration, which is what its answers can tell.
    """
    if not labels:
        return dict(weights)
    ks = np.fromiter(labels, dtype=np.int64, count=len(labels))
    y = np.fromiter(labels.values(), dtype=np.float64, count=len(labels))
    vec, prior = weight_vector(weights)
    z0 = (vec[feats.feature_index()[ks]].sum(axis=1) + prior) * LN2  # natural log-odds
    x = np.stack([z0, np.ones(len(ks))], axis=1)
    theta0 = np.array([1.0, 0.0])

    def loss(t: np.ndarray) -> float:
        z = x @ t
        return float(np.sum(np.logaddexp(0.0, z) - y * z) + penalty / 2 * np.sum((t - theta0) ** 2))

    theta = theta0.copy()
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ theta, -30, 30)))
        grad = x.T @ (p - y) + penalty * (theta - theta0)
        hess = (x * (p * (1 - p))[:, None]).T @ x + penalty * np.eye(2)
        step = np.linalg.solve(hess, grad)
        # damped Newton: halve the step until the penalised loss goes down
        now, t = loss(theta), 1.0
        while t > 1e-4 and loss(theta - t * step) > now:
            t /= 2
        theta = theta - t * step
        if np.max(np.abs(t * step)) < 1e-7:
            break
    slope = float(np.clip(theta[0], 0.5, 2.0))
    shift = float(np.clip(theta[1] / LN2, -bound, bound))
    out = {k: (round(v * slope, 4) if k in _LEVELS else v) for k, v in weights.items()}
    out["prior"] = round(float(weights.get("prior", 0.0)) * slope + shift, 4)
    return out


_LEVELS = frozenset(FEATURE_NAMES)


# The comparisons that say what kind of pair this is: a decision teaches about pairs of
# the same kind (a notification and an incident two days apart naming its date, two
# core group records of one day), not about every pair of the review.
LOCAL_SIGNATURE = ("kinds", "shared_type", "date", "event_type", "text_date", "topic")


def signature_key(feats: PairFeatures) -> np.ndarray:
    """One integer per pair: its levels of LOCAL_SIGNATURE (what kind of pair it is)."""
    return _key(feats, LOCAL_SIGNATURE)


# A coarser view of the same: the kinds of record and of event only. An answer about
# "two meeting records of one core group" also speaks, more weakly, for such pairs a day
# apart or naming no date, which the fine signature counts as other kinds.
COARSE_SIGNATURE = ("kinds", "shared_type", "event_type")
# how many answers the model's own view counts as (smoothing of each kind's answers)
PRIOR_ANSWERS = 2.0
# the most a kind's answers move it, in units of `bound` (many answers of one kind that
# all disagree with the model say more than one)
MAX_BOUNDS = 3.0


def _key(feats: PairFeatures, comparisons: tuple[str, ...]) -> np.ndarray:
    key = np.zeros(len(feats), dtype=np.int64)
    for c in comparisons:
        key = key * 1000 + feats.levels[c]
    return key


def _kind_shifts(
    key: np.ndarray, labels: Mapping[int, float], p: np.ndarray, bound: float
) -> tuple[np.ndarray, np.ndarray]:
    """Per kind of pair that has answers (sorted keys): the shift in bits that its answers
    call for. The answers' match rate, smoothed towards the model's mean probability
    for those pairs by PRIOR_ANSWERS pseudo-answers, against that mean, in log2 odds:
    one answer moves its kind about a bit and a half at most, five consistent ones
    about three; clipped to `bound` per answer and MAX_BOUNDS x `bound` in all."""
    ks = np.fromiter(labels, dtype=np.int64, count=len(labels))
    y = np.fromiter(labels.values(), dtype=np.float64, count=len(labels))
    keys, inv = np.unique(key[ks], return_inverse=True)
    n = np.bincount(inv, minlength=len(keys)).astype(np.float64)
    sy = np.bincount(inv, weights=y, minlength=len(keys))
    mp = np.clip(np.bincount(inv, weights=p[ks], minlength=len(keys)) / n, 1e-4, 1 - 1e-4)
    rate = np.clip((sy + PRIOR_ANSWERS * mp) / (n + PRIOR_ANSWERS), 1e-4, 1 - 1e-4)
    shift = np.log2(rate / (1 - rate)) - np.log2(mp / (1 - mp))
    cap = bound * np.minimum(n, MAX_BOUNDS)
    return keys, np.clip(shift, -cap, cap)


def local_shifts(
    feats: PairFeatures,
    labels: Mapping[int, float],
    w: np.ndarray,
    *,
    bound: float,
) -> tuple[np.ndarray, int]:
    """Bits to add to each pair's weight from the reviewer's answers, local and bounded.

    Each decided pair speaks for the pairs of its own kind (the same levels of
    LOCAL_SIGNATURE) and, at half strength, for pairs of its coarser kind
    (COARSE_SIGNATURE: the same kinds of record and event, other dates) that no answer
    of their own kind speaks for; pairs of other kinds do not move at all. A kind's
    shift is what its answers say against the model's probabilities for them
    (`_kind_shifts`): a "not the same" to a pair the model thought 70% likely moves its
    kind down about 1.4 bits, three such answers 3 bits. Returns the shifts and how
    many kinds moved."""
    shift = np.zeros(len(w))
    if not labels or not len(w):
        return shift, 0
    p = 1.0 / (1.0 + np.power(2.0, -np.clip(w, -60, 60)))
    moved = 0
    for comparisons, strength in ((COARSE_SIGNATURE, 0.5), (LOCAL_SIGNATURE, 1.0)):
        key = _key(feats, comparisons)
        keys, vals = _kind_shifts(key, labels, p, bound)
        pos = np.clip(np.searchsorted(keys, key), 0, len(keys) - 1)
        hit = keys[pos] == key
        # the fine kind's own answers replace the coarse kind's for its pairs
        shift[hit] = strength * vals[pos[hit]]
        moved = max(moved, int(np.count_nonzero(vals)))
    return shift, moved
