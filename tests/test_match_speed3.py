"""The third round of dense-review speed-ups keeps the matcher's answers: wording facts
read once per distinct (description, outcome) yet dated and referenced per record, the
rare-word overlap found column by column, runs of pairs compared in threads."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pytest
from rapidfuzz import fuzz

import timeline.matching.parallel as parallel
from tests.match_helpers import rec
from timeline.matching import MatchConfig, match_records
from timeline.matching.blocking import candidate_pairs
from timeline.matching.features import _overlap, compute_features
from timeline.matching.prepare import prepare
from timeline.matching.signals import without_boilerplate

AGENCIES = ("Children's Social Care", "Police", "Health Visiting", "School", "GP")
TEXTS = (
    "Home visit",
    "Home visit - children seen, mother low in mood",
    "Strategy discussion re bruise to Tamsin's arm",
    "strat disc: bruising, Tamsin",
    "PPN received re DA incident on 09/05, Tamsin and Oskar present",
    "Telephone call to school DSL re Oskar's attendance",
    "Core group meeting held, plan reviewed",
)


def _records(days: int = 8) -> list:
    out = []
    for d in range(days):
        for k, text in enumerate(TEXTS):
            ag = AGENCIES[(d + k) % len(AGENCIES)]
            out.append(rec(f"r{d:02d}{k}", ag, date(2021, 5, 8) + timedelta(days=d), text))
    return out


@pytest.fixture
def two_threads(monkeypatch):
    """Runs of a few pairs, two threads, whatever the machine; records how many runs."""
    monkeypatch.setattr(parallel, "MIN_PAIRS", 7)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    used = []
    real = parallel.map_runs

    def spy(fn, n, min_size=parallel.MIN_PAIRS):  # noqa: ANN001, ANN202
        used.append(len(parallel.runs(n, parallel.MIN_PAIRS)))
        return real(fn, n, parallel.MIN_PAIRS)

    monkeypatch.setattr("timeline.matching.features.map_runs", spy)
    return used


def test_ms3001_runs_cover_every_item_once_in_order():
    parallel_runs = parallel.runs(10, min_size=3)
    assert [list(range(10))[s] for s in parallel_runs] == [
        list(range(s.start, s.stop)) for s in parallel_runs
    ]
    assert [i for s in parallel_runs for i in range(s.start, s.stop)] == list(range(10))
    assert len(parallel.runs(0)) == 1 and len(parallel.runs(5, min_size=10)) == 1


def test_ms3002_features_in_threads_are_the_single_thread_features(two_threads):
    config = MatchConfig()
    prep = prepare(_records(), config)
    a, b = candidate_pairs(prep, config)
    threaded = compute_features(prep, a, b)
    assert max(two_threads) > 1  # the pairs were cut into runs
    two_threads.clear()
    parallel.MIN_PAIRS = 10**9  # (monkeypatched: restored after the test)
    single = compute_features(prep, a, b)
    assert max(two_threads) == 1
    for name in ("gap", "later", "wording", "cover_min", "cover_max", "text_date_gap"):
        assert np.array_equal(getattr(threaded, name), getattr(single, name)), name
    assert np.array_equal(threaded.evidence, single.evidence)
    assert threaded.levels.keys() == single.levels.keys()
    assert all(np.array_equal(threaded.levels[c], single.levels[c]) for c in single.levels)
    # and wording is still token_sort_ratio of each record pair's texts
    want = [fuzz.token_sort_ratio(prep.texts[i], prep.texts[j]) for i, j in zip(a, b, strict=True)]
    assert np.array_equal(threaded.wording, np.asarray(want, dtype=np.float32))


def test_ms3004_match_in_threads_gives_the_same_events(two_threads):
    records = _records()
    threaded = match_records(records)
    assert max(two_threads) > 1
    parallel.MIN_PAIRS = 10**9
    single = match_records(records)
    assert [e.record_ids for e in threaded.events] == [e.record_ids for e in single.events]
    assert [q.record_ids for q in threaded.queue] == [q.record_ids for q in single.queue]


def test_ms3005_overlap_is_the_weighted_share_of_shared_tokens():
    """Checked against sets of token ids, pair by pair."""
    config = MatchConfig()
    prep = prepare(_records(2), config)
    a, b = candidate_pairs(prep, config)
    cmin, cmax = _overlap(prep, a, b)
    for k, (i, j) in enumerate(zip(a.tolist(), b.tolist(), strict=True)):
        wa = {int(t): float(w) for t, w in zip(prep.tok[i], prep.tok_w[i], strict=True) if t >= 0}
        tb = {int(t) for t in prep.tok[j] if t >= 0}
        shared = sum(w for t, w in wa.items() if t in tb)
        ta_total, tb_total = float(prep.tok_total[i]), float(prep.tok_total[j])
        assert math.isclose(cmin[k], shared / max(min(ta_total, tb_total), 1e-6), rel_tol=1e-5)
        assert math.isclose(cmax[k], shared / max(max(ta_total, tb_total), 1e-6), rel_tol=1e-5)


def test_ms3006_one_wording_many_records_each_keeps_its_own_dates_and_references():
    """Facts of the wording are read once per (description, outcome); the dates it names
    are still resolved against each record's own date, the reference is each record's."""
    text = "PPN received re DA incident on 09/05"
    r1 = rec("x1", "Children's Social Care", date(2021, 5, 10), text)
    r2 = rec("x2", "Children's Social Care", date(2022, 5, 11), text)
    r3 = rec("x3", "Health Visiting", date(2021, 5, 10), text)
    r1.reference, r2.reference = "CN 10/44712", "CN 10/55821"
    r3.outcome = "Strategy discussion to be convened"
    prep = prepare([r1, r2, r3], MatchConfig())
    i1, i2, i3 = (prep.index[x] for x in ("x1", "x2", "x3"))
    assert prep.text_dates[i1] == [date(2021, 5, 9).toordinal()]
    assert prep.text_dates[i2] == [date(2022, 5, 9).toordinal()]
    assert prep.refs[i1, 0] == 1044712 and prep.refs[i2, 0] == 1055821
    assert prep.refs[i3, 0] == -1
    # the same wording: one text, one kind; the outcome makes the third another text
    assert prep.texts[i1] == prep.texts[i2] != prep.texts[i3]
    assert prep.notification[i1] and prep.notification[i2] and prep.notification[i3]
    assert prep.text_id[i1] == prep.text_id[i2] != prep.text_id[i3]


def test_ms3007_boilerplate_is_counted_per_entry_not_per_distinct_wording():
    tail = " Recorded on case notes."
    five = ["Home visit." + tail] * 3 + ["Telephone call." + tail] * 2
    assert without_boilerplate(five) == ["Home visit"] * 3 + ["Telephone call"] * 2
    # four entries (two distinct wordings) are not enough
    assert without_boilerplate(five[1:]) == five[1:]
