"""Each matching stage on its own: normalise, signals, blocking, features, scoring,
clustering, decisions."""

from __future__ import annotations

from datetime import date

import numpy as np
from rapidfuzz import fuzz

from tests.match_helpers import rec
from timeline.matching import MatchConfig, MatchDecision
from timeline.matching.blocking import candidate_pairs
from timeline.matching.cluster import best_first
from timeline.matching.decisions import build_constraints
from timeline.matching.features import COMPARISONS, compute_features
from timeline.matching.kinds import KINDS
from timeline.matching.normalise import Normaliser, tokens
from timeline.matching.prepare import prepare
from timeline.matching.scoring import fit_weights, score_pairs
from timeline.matching.signals import event_types, is_notification, text_dates


def test_ms001_glossary_expands_field_shorthand():
    norm = Normaliser()
    assert norm("Strat disc re S47") == norm("Strategy meeting regarding section 47")
    assert "section47" in norm("s.47 agreed") and "section47" in norm("Sec 47 enquiry")
    assert norm("Seen in A&E") == norm("seen in ED") == "seen in emergency department"
    assert norm("WNB") == norm("DNA") == "not brought"
    assert norm("ICPC held") == "initial conference hold"
    assert "coregroup" in norm("Core group.") and "coregroup" in norm("CG mtg")
    for short in ("CIN", "CPP", "RCPC", "MASH", "LADO", "CAMHS", "EHCP", "PLO", "TAF", "s17"):
        assert norm(short) != short.casefold(), short


def test_ms002_review_can_add_its_own_terms():
    assert Normaliser()("FSW visit") == "fsw visit"
    extra = Normaliser({"FSW": "family support worker"})
    assert extra("FSW visit") == "family support worker visit"


def test_ms003_tokens_drop_stopwords():
    assert tokens("visit to the home of mother") == ["visit", "home", "mother"]


def test_ms004_dates_written_in_text_are_read_day_first():
    anchor = date(2021, 3, 15)
    assert text_dates("notification of the incident on 2nd March", anchor) == [date(2021, 3, 2)]
    assert text_dates("seen in A&E on 10/3", anchor) == [date(2021, 3, 10)]
    assert text_dates("PPN re DA 09.03.21", anchor) == [date(2021, 3, 9)]
    assert text_dates("incident at home yesterday", anchor) == [date(2021, 3, 14)]
    assert text_dates("attended 10/3, 8 week check", anchor) == [date(2021, 3, 10)]
    # a year-less date is the nearest one before the record, across new year
    assert text_dates("seen 30th December", date(2021, 1, 4)) == [date(2020, 12, 30)]
    assert text_dates("Home visit - children seen", anchor) == []


def test_ms005_notification_and_event_type_wording():
    norm = Normaliser()
    assert is_notification(norm("PPN received re DA incident"))
    assert is_notification(norm("Op Encompass notification received"))
    assert is_notification(norm("ED liaison notification: attended A&E"))
    assert is_notification(norm("Referral received from school re bruising"))
    assert not is_notification(norm("Attended DA incident at home address, male arrested"))
    assert not is_notification(norm("Home visit - children seen"))
    assert "strategy" in event_types(norm("Attended strat disc re Child"))
    assert "telephone call" in event_types(norm("Call from HV - worried re baby's weight"))
    assert "telephone call" in event_types(norm("Phoned GP surgery to share concerns"))
    assert "telephone call" not in event_types(norm("Call to address re domestic"))


def _brute_pairs(records, window, lag):
    """All cross-agency pairs whose widened intervals overlap, by comparing every pair."""
    cfg = MatchConfig(window_days=window, notification_lag_days=lag, max_candidates=0)
    prep = prepare(records, cfg)
    out = set()
    n = len(prep.ids)
    for i in range(n):
        for j in range(i + 1, n):
            if prep.agency[i] == prep.agency[j]:
                continue
            ivs_i = [(prep.start[i] - window - (lag if prep.notification[i] else 0), prep.end[i])]
            ivs_j = [(prep.start[j] - window - (lag if prep.notification[j] else 0), prep.end[j])]
            ivs_i += [(d - window, d + window) for d in prep.text_dates[i]]
            ivs_j += [(d - window, d + window) for d in prep.text_dates[j]]
            overlap = any(a0 <= b1 and b0 <= a1 for a0, a1 in ivs_i for b0, b1 in ivs_j)
            if overlap and not _far_and_unrelated(prep, i, j, window):
                out.add((i, j))
    return prep, cfg, out


def _far_and_unrelated(prep, i, j, window) -> bool:
    """Weeks apart, a meeting's paperwork is compared only with a meeting, and a
    notification with a meeting or report only when it names the other's day."""
    gap = max(prep.start[j] - prep.end[i], prep.start[i] - prep.end[j], 0)
    if gap <= window:
        return False
    ki, kj = KINDS[prep.rkind[i]], KINDS[prep.rkind[j]]
    if "follow-up" in (ki, kj):
        return {ki, kj} != {"follow-up", "meeting"}
    for x, y, ky in ((i, j, kj), (j, i, ki)):
        if prep.notification[x] and ky in ("meeting", "report"):
            named = any(prep.start[y] - 1 <= d <= prep.end[y] for d in prep.text_dates[x])
            named |= any(prep.start[x] - 1 <= d <= prep.end[x] for d in prep.text_dates[y])
            return not named
    return False


def test_ms006_blocking_finds_exactly_the_overlapping_cross_agency_pairs():
    rng = np.random.default_rng(5)
    agencies = ["Police", "GP", "School", "Housing"]
    texts = ["Home visit", "PPN received re DA", "Core group", "seen in A&E on 3/2"]
    records = []
    for k in range(120):
        d = date(2021, 1, 1).fromordinal(date(2021, 1, 1).toordinal() + int(rng.integers(0, 90)))
        partial = rng.random() < 0.2
        end = date.fromordinal(d.toordinal() + 30) if partial else None
        records.append(
            rec(
                f"r{k:03d}",
                agencies[k % 4],
                d,
                texts[int(rng.integers(0, 4))],
                end=end,
                precision="month" if partial else "day",
            )
        )
    prep, cfg, expected = _brute_pairs(records, 3, 14)
    a, b = candidate_pairs(prep, cfg)
    assert set(zip(a.tolist(), b.tolist(), strict=True)) == expected
    assert len(expected) > 0


def test_ms007_blocking_uses_partial_dates_as_intervals_not_midpoints():
    records = [
        rec(
            "a",
            "Housing",
            date(2021, 3, 1),
            "Tenancy visit",
            end=date(2021, 3, 31),
            precision="month",
        ),
        rec("b", "CSC", date(2021, 3, 29), "Tenancy visit with SW"),
        rec("c", "Police", date(2021, 4, 20), "Tenancy visit"),
    ]
    cfg = MatchConfig()
    prep = prepare(records, cfg)
    a, b = candidate_pairs(prep, cfg)
    got = {(prep.ids[i], prep.ids[j]) for i, j in zip(a, b, strict=True)}
    assert ("a", "b") in got  # 29 March is inside "March 2021"
    assert ("a", "c") not in got and ("b", "c") not in got


def test_ms008_subset_trap_is_seen_by_the_features():
    short, long = "Home visit", "Home visit cancelled, child not seen"
    assert fuzz.token_set_ratio(short.casefold(), long.casefold()) == 100  # the trap
    records = [rec("a", "CSC", date(2021, 5, 3), short), rec("b", "HV", date(2021, 5, 3), long)]
    cfg = MatchConfig()
    prep = prepare(records, cfg)
    a, b = candidate_pairs(prep, cfg)
    f = compute_features(prep, a, b)
    assert COMPARISONS["extra_words"][f.levels["extra_words"][0]] in ("many", "most")
    assert COMPARISONS["rare_words"][f.levels["rare_words"][0]] == "subset"
    assert COMPARISONS["wording"][f.levels["wording"][0]] in ("ge45", "lt45")


def test_ms009_scoring_sums_level_weights_and_fitting_recovers_direction():
    records = [
        rec("a", "CSC", date(2021, 5, 3), "Strategy meeting"),
        rec("b", "Police", date(2021, 5, 3), "Strategy discussion"),
    ]
    cfg = MatchConfig()
    prep = prepare(records, cfg)
    a, b = candidate_pairs(prep, cfg)
    f = compute_features(prep, a, b)
    w = {"prior": -1.0, "date:same_day": 2.5, "event_type:agree": 1.5}
    assert score_pairs(f, w)[0] == 3.0
    # a feature present only in matches gets a positive weight, one only in non-matches
    # a negative one
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 400).astype(float)
    x = np.zeros((400, len(f.matrix()[0])))
    x[:, 0] = y
    x[:, 1] = 1 - y
    fitted = fit_weights(x, y)
    names = list(fitted)
    assert fitted[names[0]] > 1 and fitted[names[1]] < -1


def test_ms010_best_first_never_chains_through_a_middle_record():
    # A~B strong, B~C strong, A~C very weak: C must not join A-B.
    a = np.array([0, 1, 0])
    b = np.array([1, 2, 2])
    w = np.array([6.0, 5.0, -9.0])
    agency = np.array([0, 1, 2])
    cl = best_first(3, a, b, w, agency, build_constraints([], {}), MatchConfig())
    assert cl.label[0] == cl.label[1] != cl.label[2]


def test_ms011_best_first_keeps_one_record_per_agency_unless_configured():
    # two records of agency 0 both match record 2 (agency 1)
    a, b, w = np.array([0, 1]), np.array([2, 2]), np.array([6.0, 5.0])
    agency = np.array([0, 0, 1])
    cl = best_first(3, a, b, w, agency, build_constraints([], {}), MatchConfig())
    assert cl.label[0] == cl.label[2] != cl.label[1]
    a2, b2, w2 = np.array([0, 0, 1]), np.array([1, 2, 2]), np.array([4.0, 6.0, 5.0])
    cfg = MatchConfig(max_records_per_agency=2)
    cl = best_first(3, a2, b2, w2, agency, build_constraints([], {}), cfg)
    assert cl.label[0] == cl.label[1] == cl.label[2]


def test_ms012_decisions_become_constraints_in_order():
    index = {"a": 0, "b": 1, "c": 2}
    c = build_constraints(
        [
            MatchDecision("same", ("a", "b", "gone")),
            MatchDecision("not_same", ("b", "c")),
            MatchDecision("remove", ("zzz",)),
        ],
        index,
    )
    assert c.groups == [{0, 1}] and c.forbidden == {(1, 2)} and c.removed == set()
    # a later "not_same" overrides an earlier "same"; a later "remove" takes a record out
    c = build_constraints(
        [
            MatchDecision("same", ("a", "b", "c")),
            MatchDecision("not_same", ("a", "c")),
            MatchDecision("remove", ("b",)),
        ],
        index,
    )
    assert c.groups == [] and c.removed == {1}
