"""Adapting to each review: EM moves the prior (down only), decisions recalibrate the
weights within bounds, and the run reports what it used. Stateless: the same records
and decisions give the same model."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.gen_cases import generate
from timeline.matching import MatchConfig, MatchDecision, match_records
from timeline.matching.adapt import em_prior_shift, refit_on_decisions
from timeline.matching.blocking import candidate_pairs
from timeline.matching.features import compute_features
from timeline.matching.prepare import prepare
from timeline.matching.scoring import score_pairs


def _posterior_weights(p: np.ndarray) -> np.ndarray:
    return np.log2(p / (1 - p))


def test_ma001_em_lowers_the_prior_when_the_review_has_fewer_matches():
    rng = np.random.default_rng(3)
    # posteriors of a model fitted where 30% of pairs matched, on a review where ~10% do
    p = np.concatenate([rng.uniform(0.6, 0.95, 100), rng.uniform(0.02, 0.3, 900)])
    shift = em_prior_shift(_posterior_weights(p), 0.3, bound=2.0)
    assert -2.0 <= shift < -0.3


def test_ma002_em_never_raises_the_prior_beyond_its_upward_bound():
    p = np.full(500, 0.8)
    assert em_prior_shift(_posterior_weights(p), 0.1, bound=2.0) == 0.0
    assert em_prior_shift(_posterior_weights(p), 0.1, bound=2.0, bound_up=0.5) == 0.5


@pytest.fixture(scope="module")
def case():
    records, truth = generate(150, seed=31)
    cfg = MatchConfig()
    prep = prepare(records, cfg)
    a, b = candidate_pairs(prep, cfg)
    return records, truth, prep, compute_features(prep, a, b), cfg


def test_ma003_answers_against_the_model_move_it_within_bounds(case):
    _, _, _, feats, cfg = case
    w = score_pairs(feats, cfg.weights)
    strong = np.flatnonzero(w > 2)[:30]
    # the reviewer says "not the same" to thirty pairs the model is sure of
    moved = refit_on_decisions(
        feats, {int(k): 0.0 for k in strong}, cfg.weights, penalty=1.0, bound=1.0
    )
    w2 = score_pairs(feats, moved)
    assert (w2[strong] < w[strong]).all()
    # bounded: a weight w becomes slope * w + shift, slope in [1/2, 2], |shift| <= 1 bit
    assert np.all(np.abs(w2 - w) <= np.abs(w) / 2 + 1.0 + 1e-6)
    # answers that a pair is not the same never push another pair over the threshold
    assert not np.any((w < 0) & (w2 >= 0))


def test_ma004_decisions_are_learnt_statelessly_and_reported(case):
    records, truth, _, _, _ = case
    res0 = match_records(records)
    items = res0.queue[:10]
    decisions = [
        MatchDecision(
            "same" if truth[q.record_ids[0]] == truth[q.record_ids[1]] else "not_same", q.record_ids
        )
        for q in items
    ]
    one = match_records(records, decisions=decisions)
    two = match_records(list(reversed(records)), decisions=decisions)
    assert [e.merged_id for e in one.events] == [e.merged_id for e in two.events]
    assert one.parameters["decided_pairs_learnt"] >= len(items)
    assert one.parameters["weights"] == two.parameters["weights"]
    off = match_records(
        records, decisions=decisions, config=MatchConfig(learn_from_decisions=False)
    )
    assert off.parameters["decided_pairs_learnt"] == 0
    # every answer is honoured whatever the weights
    ev = one.event_of()
    for d in decisions:
        x, y = d.record_ids
        assert (ev[x] is ev[y]) == (d.kind == "same")


def test_ma005_an_answer_moves_only_pairs_of_its_own_kind_and_within_its_bound(case):
    from timeline.matching.adapt import COARSE_SIGNATURE, LOCAL_SIGNATURE, MAX_BOUNDS, local_shifts

    _, _, _, feats, cfg = case
    w = score_pairs(feats, cfg.weights)
    strong = np.flatnonzero(w > 2)[:30]
    labels = {int(k): 0.0 for k in strong}
    shift, moved = local_shifts(feats, labels, w, bound=1.0)
    assert moved > 0 and (shift[strong] < 0).all()
    # a kind moves at most a bound per answer of its kind, MAX_BOUNDS in all
    sig = np.stack([feats.levels[c] for c in LOCAL_SIGNATURE], axis=1)
    answers: dict[tuple, int] = {}
    for r in sig[strong].tolist():
        answers[tuple(r)] = answers.get(tuple(r), 0) + 1
    for k in strong.tolist():
        cap = min(answers[tuple(sig[k].tolist())], MAX_BOUNDS)
        assert abs(shift[k]) <= cap + 1e-9
    assert np.all(np.abs(shift) <= MAX_BOUNDS + 1e-9)
    # pairs of another kind, coarse too (other kinds of record or event), do not move
    coarse = np.stack([feats.levels[c] for c in COARSE_SIGNATURE], axis=1)
    decided = {tuple(r) for r in coarse[strong].tolist()}
    other = np.array([tuple(r) not in decided for r in coarse.tolist()])
    assert other.any() and not shift[other].any()
    # the same coarse kind on other dates moves, at half the strength of its own kind
    fine = {tuple(r) for r in sig[strong].tolist()}
    cousins = np.array(
        [
            tuple(s) not in fine and tuple(c) in decided
            for s, c in zip(sig.tolist(), coarse.tolist())
        ]
    )
    assert cousins.any() and (shift[cousins] <= 0).all()
    assert np.all(np.abs(shift[cousins]) <= MAX_BOUNDS / 2 + 1e-9)
    # the global recalibration moved every pair
    moved_all = score_pairs(
        feats, refit_on_decisions(feats, labels, cfg.weights, penalty=1.0, bound=1.0)
    )
    assert np.count_nonzero(moved_all[other] != w[other]) > 0


def test_ma007_consistent_answers_of_one_kind_say_more_than_one():
    from timeline.matching.adapt import local_shifts
    from timeline.matching.features import PairFeatures

    # eight pairs of one kind the model puts at 30%: one "same" answer moves them less
    # than four, and the old rule (the residual sum, clipped to a bit) would stop at 1
    n = 8
    levels = {c: np.zeros(n, dtype=np.int64) for c in _signature_columns()}
    feats = PairFeatures.__new__(PairFeatures)
    feats.levels = levels
    feats.a = np.arange(n)
    feats.b = np.arange(n) + n
    w = np.full(n, np.log2(0.3 / 0.7))
    one, _ = local_shifts(feats, {0: 1.0}, w, bound=1.0)
    four, _ = local_shifts(feats, {0: 1.0, 1: 1.0, 2: 1.0, 3: 1.0}, w, bound=1.0)
    assert 0 < one[5] <= 1.0 + 1e-9
    assert four[5] > 1.0 and four[5] > one[5]
    # a mixed answer cancels: one "same" and one "not the same" at 30% leave them near
    mixed, _ = local_shifts(feats, {0: 1.0, 1: 0.0}, w, bound=1.0)
    assert abs(mixed[5]) < one[5]


def _signature_columns():
    from timeline.matching.adapt import COARSE_SIGNATURE, LOCAL_SIGNATURE

    return sorted(set(COARSE_SIGNATURE) | set(LOCAL_SIGNATURE))


def test_ma006_the_queue_puts_first_the_answer_that_moves_most_pairs_of_its_kind():
    from timeline.matching.cluster import Clustering
    from timeline.matching.decisions import Constraints
    from timeline.matching.queue import build_queue

    # four near misses at the same distance below the threshold, all singletons; pairs
    # 0 and 1 are of a kind with three more pairs close to the threshold, 2 and 3 not
    n = 16
    a = np.array([0, 2, 4, 6, 8, 10, 12], dtype=np.int64)
    b = a + 1
    cfg = MatchConfig()
    t = cfg.match_threshold
    w = np.array([t - 0.5, t - 0.5, t - 0.5, t - 0.5, t - 0.8, t + 0.9, t - 0.8])
    key = np.array([5, 7, 9, 11, 7, 7, 7], dtype=np.int64)
    clustering = Clustering(label=np.arange(n), blocked={})
    ids = [f"r{i:02d}" for i in range(n)]

    def order(kind_key):
        q = build_queue(
            a, b, w, ids, clustering, Constraints(), cfg, lambda k: None, None, kind_key
        )
        return [x.record_ids for x in q[:4]]

    # without the kind count the four ties go by record id
    assert order(None)[0] == ("r00", "r01")
    assert order(key)[0] == ("r02", "r03")  # its kind (7) has three others near
    off = MatchConfig(learn_from_decisions=False)
    q = build_queue(a, b, w, ids, clustering, Constraints(), off, lambda k: None, None, key)
    assert q[0].record_ids == ("r00", "r01")  # no learning: an answer binds its pair only


def test_ma008_the_queue_asks_first_what_an_answer_is_likeliest_to_change():
    from timeline.matching.cluster import Clustering
    from timeline.matching.decisions import Constraints
    from timeline.matching.queue import build_queue

    # records 0-1 in one event, a pair inside it half a bit above the threshold (likely
    # enough to be a false merge); 2 and 3 apart, half a bit below (a match less often):
    # the near miss moves two records, the merge one, but the merge is the likelier
    # change; a near miss far below the threshold asks little
    cfg = MatchConfig()
    t = cfg.match_threshold
    a = np.array([0, 2, 4], dtype=np.int64)
    b = np.array([1, 3, 5], dtype=np.int64)
    w = np.array([t + 0.5, t - 0.5, t - 3.5])
    clustering = Clustering(label=np.array([0, 0, 2, 3, 4, 5]), blocked={})
    ids = ["r0", "r1", "r2", "r3", "r4", "r5"]
    q = build_queue(a, b, w, ids, clustering, Constraints(), cfg, lambda k: None)
    assert [x.record_ids for x in q] == [("r0", "r1"), ("r2", "r3"), ("r4", "r5")]
    assert q[0].kind == "uncertain merge" and q[1].kind == "near miss"
    # the chance of a change: the match probability apart, one minus it together
    p = 1 / (1 + 2 ** -(t - 0.5))
    assert q[1].priority == pytest.approx(2 * p, abs=1e-5)
