"""The dense-review speed-ups keep the matcher's answers: per-text work done once per
distinct text, text comparisons once per distinct pair of texts, the cyclic garbage
collector paused (and restored) around a run."""

from __future__ import annotations

import gc
from datetime import date, timedelta

import numpy as np
from rapidfuzz import fuzz

import timeline.matching as matching
from tests.match_helpers import rec
from timeline.matching import MatchConfig, match_records
from timeline.matching.blocking import candidate_pairs
from timeline.matching.features import compute_features, text_pairs
from timeline.matching.prepare import prepare

TEXTS = (
    "Home visit",
    "Home visit - children seen, mother low in mood",
    "Strategy discussion re bruise to Tamsin's arm",
    "strat disc: bruising, Tamsin",
    "Telephone call to school DSL",
    "Home visit",  # repeated word for word, as chronologies do
)
AGENCIES = ("Children's Social Care", "Police", "Health Visiting", "School")


def _records(days: int = 6) -> list:
    out = []
    for d in range(days):
        for k, text in enumerate(TEXTS):
            ag = AGENCIES[(d + k) % len(AGENCIES)]
            out.append(rec(f"r{d:02d}{k}", ag, date(2021, 3, 1) + timedelta(days=d), text))
    return out


def test_msp001_distinct_texts_index_every_record():
    prep = prepare(_records(), MatchConfig())
    assert len(prep.distinct) < len(prep.texts)
    assert [prep.distinct[t] for t in prep.text_id.tolist()] == prep.texts
    # `first` is the first record of each distinct text, and the token rows agree
    for t, i in enumerate(prep.first.tolist()):
        assert prep.texts[i] == prep.distinct[t]
        assert prep.texts.index(prep.distinct[t]) == i
        same = prep.text_id == t
        assert (prep.tok[same] == prep.tok[i]).all()
        assert np.allclose(prep.tok_w[same], prep.tok_w[i])
    assert prep.sorted_words == [" ".join(sorted(t.split())) for t in prep.distinct]


def test_msp002_text_pairs_spread_back_to_every_record_pair():
    config = MatchConfig()
    prep = prepare(_records(), config)
    a, b = candidate_pairs(prep, config)
    ua, ub, inv = text_pairs(prep, a, b)
    assert len(ua) < len(a)  # "Home visit" / "Home visit" and the like, once
    assert (ua[inv] == prep.text_id[a]).all() and (ub[inv] == prep.text_id[b]).all()
    # wording is still token_sort_ratio of each record pair's texts
    feats = compute_features(prep, a, b)
    want = [fuzz.token_sort_ratio(prep.texts[i], prep.texts[j]) for i, j in zip(a, b, strict=True)]
    assert np.array_equal(feats.wording, np.asarray(want, dtype=np.float32))


def test_msp003_collector_paused_during_a_run_and_restored(monkeypatch):
    seen = []
    real = matching.prepare

    def spy(records, config):  # noqa: ANN001, ANN202
        seen.append(gc.isenabled())
        return real(records, config)

    monkeypatch.setattr(matching, "prepare", spy)
    assert gc.isenabled()
    match_records(_records(2))
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        match_records(_records(2))
        assert not gc.isenabled()  # a caller's own choice is left as it was
    finally:
        gc.enable()


def test_msp004_bench_bounds_a_method_run_and_says_it_was_stopped(tmp_path):
    import pickle
    import sys

    from benchmarks.bench_match import run_method

    data = tmp_path / "records.pkl"
    data.write_bytes(pickle.dumps(_records(2)))
    res = run_method(sys.executable, "matcher", str(data), timeout=0.01)
    assert "groups" not in res and "stopped" in res["error"] and res["timeout"]


def test_msp005_agency_limit_above_one_counts_records_per_agency():
    """The bit-mask agency check (limit 1) and the per-agency counts (higher limits) give
    the limit's own answer: two of one agency may share an event under a limit of 2, a
    third may not; under a limit of 1 not even two."""
    from timeline.matching.cluster import best_first
    from timeline.matching.decisions import Constraints

    a = np.array([0, 0, 1, 0, 1, 2])
    b = np.array([1, 2, 2, 3, 3, 3])
    w = np.array([10.0, 9.0, 8.0, 7.0, 6.0, 5.0])
    agency = np.array([0, 0, 0, 1])
    two = best_first(4, a, b, w, agency, Constraints(), MatchConfig(max_records_per_agency=2))
    assert two.label[0] == two.label[1] == two.label[3] != two.label[2]
    assert two.blocked[(0, 2)] == "agency limit" and two.blocked[(2, 3)] == "agency limit"
    one = best_first(4, a, b, w, agency, Constraints(), MatchConfig(max_records_per_agency=1))
    assert one.label[0] == one.label[3] and len({one.label[i] for i in (0, 1, 2)}) == 3
    assert one.blocked[(0, 1)] == "agency limit"


def test_msp006_prescore_reads_long_reference_numbers_exactly():
    """Arrays are narrowed to int32 only when their values fit: two reference numbers
    2**32 apart (equal in their low 32 bits) are different references."""
    import dataclasses

    from timeline.matching.blocking import prescore

    day = date(2021, 3, 1)
    texts = ("Crime report logged", "Police log entry", "Crime report logged")
    recs = [rec(f"r{k}", ag, day, t) for k, (ag, t) in enumerate(zip(AGENCIES, texts))]
    prep = prepare(recs, MatchConfig())
    base = 10**10
    refs = np.array([[base], [base + 2**32], [base]], dtype=np.int64)
    none = np.full((3, 1), -1, dtype=np.int64)
    a, b = np.array([0, 0]), np.array([1, 2])
    with_refs = prescore(dataclasses.replace(prep, refs=refs), a, b)
    without = prescore(dataclasses.replace(prep, refs=none), a, b)
    assert (with_refs - without).tolist() == [0, 6]
