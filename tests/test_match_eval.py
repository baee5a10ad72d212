"""Evaluation on a generated labelled case (fixed seed, not a calibration seed): the
matcher's pairwise precision and F1 stay above floors and above the naive baseline."""

from __future__ import annotations

import pytest

from benchmarks.gen_cases import generate
from timeline.matching import match_records
from timeline.matching.calibrate import pairwise_scores


@pytest.fixture(scope="module")
def case():
    return generate(300, seed=11)


def test_me001_matcher_meets_precision_and_f1_floors(case):
    records, truth = case
    groups = [ev.record_ids for ev in match_records(records).events]
    precision, recall, f1 = pairwise_scores(groups, truth)
    assert precision >= 0.94
    assert f1 >= 0.90


def test_me002_matcher_beats_the_naive_baseline(case):
    from benchmarks.bench_match import run_naive

    records, truth = case
    ours = pairwise_scores([ev.record_ids for ev in match_records(records).events], truth)
    naive = pairwise_scores(run_naive(records), truth)
    assert ours[2] > naive[2] + 0.1


def test_me003_pairwise_scores_count_pairs_not_groups():
    truth = {"a": "E1", "b": "E1", "c": "E1", "d": "E2"}
    p, r, f = pairwise_scores([["a", "b"], ["c"], ["d"]], truth)
    assert (p, round(r, 3)) == (1.0, 0.333)
    p, r, f = pairwise_scores([["a", "b", "c", "d"]], truth)
    assert (p, r) == (0.5, 1.0)
