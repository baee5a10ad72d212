"""The field's rules as evidence: record kinds, per-kind date windows, a meeting's
paperwork related to it rather than merged, and blocking capped on busy days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.match_helpers import event_of, rec, together
from timeline.matching import MatchConfig, MatchDecision, match_records
from timeline.matching.blocking import candidate_pairs
from timeline.matching.kinds import record_kind
from timeline.matching.normalise import normalise
from timeline.matching.prepare import prepare
from timeline.matching.signals import is_notification

D = date(2021, 3, 10)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Minutes of strategy meeting received", "follow-up"),
        ("ICPC minutes rec'd and filed", "follow-up"),
        ("Outcome letter sent to parents following core group", "follow-up"),
        ("Attended strategy meeting, minutes to follow", "meeting"),
        ("Core group. Plan reviewed", "meeting"),
        ("PPN received re DV incident 19/09/20", "notification"),
        ("Report for ICPC completed and sent", "report"),
        ("Seen in A&E with head injury", "attendance"),
        ("Call from HV re baby's weight", "call"),
        ("Home visit - children seen", "visit"),
        ("Police attended domestic incident at address", "incident"),
    ],
)
def test_mr001_record_kind_is_read_from_the_text(text, kind):
    t = normalise(text)
    assert record_kind(t, is_notification(t)) == kind


def _meeting_and_minutes(lag: int = 5):
    return [
        rec("m1", "Children's Social Care", D, "Strategy meeting held re Ellis, s47 agreed"),
        rec("m2", "Police", D, "Attended strategy discussion for Ellis, s47 agreed"),
        rec(
            "f1",
            "Health Visiting",
            D + timedelta(days=lag),
            "Minutes of strategy meeting re Ellis received",
        ),
    ]


def test_mr002_a_meetings_minutes_are_related_to_it_not_merged():
    res = match_records(_meeting_and_minutes())
    assert together(res, "m1", "m2")
    assert not together(res, "m1", "f1")
    (rel,) = res.relations
    assert (rel.record_id, rel.kind) == ("f1", "follow-up of a meeting")
    assert rel.related_record_id in {"m1", "m2"}
    assert rel.event_id == event_of(res, "m1").merged_id
    assert "10 Mar 2021" in rel.reason and "5 days later" in rel.reason
    # the pair is a relation, not a question for the reviewer
    assert all("f1" not in q.record_ids for q in res.queue)


def test_mr003_minutes_three_weeks_later_are_still_found():
    res = match_records(_meeting_and_minutes(lag=21))
    assert [r.record_id for r in res.relations] == ["f1"]


def test_mr004_a_reviewers_same_decision_overrides_the_rule():
    res = match_records(_meeting_and_minutes(), decisions=[MatchDecision("same", ("m1", "f1"))])
    assert together(res, "m1", "f1")
    assert res.relations == []


def test_mr005_a_report_written_days_before_its_conference_joins_it():
    records = [
        rec("c1", "Children's Social Care", D, "ICPC held - Ellis subject to CP plan, neglect"),
        rec("r1", "School", D - timedelta(days=5), "Report for ICPC completed and sent"),
    ]
    res = match_records(records)
    assert together(res, "c1", "r1")
    # outside the report's lead it is not even compared
    far = [records[0], rec("r1", "School", D - timedelta(days=12), records[1].description)]
    prep = prepare(far, MatchConfig())
    assert len(candidate_pairs(prep, MatchConfig())[0]) == 0


def test_mr006_a_letter_quoting_the_incident_date_joins_it_days_later():
    records = [
        rec("p1", "Police", D, "DV incident at home address, partner arrested, Ellis present"),
        rec(
            "g1",
            "GP",
            D + timedelta(days=6),
            "Letter from police re DV incident 10/03/21, Ellis present",
        ),
    ]
    assert together(match_records(records), "p1", "g1")


def test_mr007_two_incidents_of_one_agency_days_apart_stay_two_events():
    text = "DA incident at address, mother and partner arguing, children present"
    records = [
        rec("p1", "Police", D, text),
        rec("p2", "Police", D + timedelta(days=2), text),
        rec("s1", "School", D + timedelta(days=3), "Encompass notification re DA incident 12/03"),
    ]
    res = match_records(records)
    assert not together(res, "p1", "p2")
    assert together(res, "p2", "s1")


def test_mr008_the_candidate_cap_tightens_blocking_on_a_busy_day_only():
    agencies = ["Police", "GP", "School", "Housing", "Health Visiting", "Probation"]
    busy = [
        rec(f"b{k:02d}", agencies[k % 6], D + timedelta(days=k % 3), f"Routine entry {k}")
        for k in range(60)
    ]
    pair = [
        rec("s1", "Children's Social Care", D, "Strategy meeting re Ellis, s47 agreed"),
        rec("s2", "Ambulance", D, "Strategy discussion attended re Ellis, s47 agreed"),
    ]
    records = busy + pair
    capped = MatchConfig(max_candidates=8)
    prep = prepare(records, capped)
    a, b = candidate_pairs(prep, capped)
    a0, b0 = candidate_pairs(prep, MatchConfig(max_candidates=0))
    kept = set(zip(a.tolist(), b.tolist(), strict=True))
    assert kept < set(zip(a0.tolist(), b0.tolist(), strict=True))
    assert (prep.index["s1"], prep.index["s2"]) in kept
    per_record = [sum(1 for p in kept if i in p) for i in range(len(records))]
    assert max(per_record) < max(
        sum(1 for p in zip(a0.tolist(), b0.tolist(), strict=True) if i in p)
        for i in range(len(records))
    )
    assert together(match_records(records, config=capped), "s1", "s2")
    # a quiet review (fewer candidates than the cap) is untouched
    quiet = prepare(pair, capped)
    assert len(candidate_pairs(quiet, capped)[0]) == 1


def test_mr009_a_row_pasted_twice_is_one_event_and_still_joins_other_agencies():
    from ingest.records import Issue

    text = "Strategy meeting held re Ellis, s47 agreed"
    first = rec("c1", "Children's Social Care", D, text)
    twice = rec("c2", "Children's Social Care", D, text)
    twice.issues.append(Issue("duplicate_row", "the same as row 2 of this file"))
    police = rec("a1", "Police", D, "Attended strategy discussion for Ellis, s47 agreed")
    res = match_records([first, twice, police])
    assert together(res, "a1", "c1", "c2")
    # (the police record sorts first, so the pasted pair is the group that joins it)
    # the same text on the same day without the flag: two records, one of them kept apart
    unflagged = rec("c2", "Children's Social Care", D, text)
    res = match_records([first, unflagged, police])
    assert not together(res, "c1", "c2")


def test_mr010_a_same_decision_within_one_agency_does_not_block_other_agencies():
    records = [
        rec("c1", "Children's Social Care", D, "Strategy meeting held re Ellis, s47 agreed"),
        rec("c2", "Children's Social Care", D, "Strategy discussion notes typed re Ellis"),
        rec("a1", "Police", D, "Attended strategy discussion for Ellis, s47 agreed"),
    ]
    res = match_records(records, decisions=[MatchDecision("same", ("c1", "c2"))])
    assert together(res, "a1", "c1", "c2")


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("PPN re DA/19/92148", {"1992148"}),
        ("Crime ref DA/20/08813.", {"2008813"}),
        ("ref 20/08813 discussed", {"2008813"}),
        ("INC-44712 logged", {"44712"}),
        ("DV incident 19/09/20", set()),  # a date, not a reference
        ("seen 19.09.2020, EPDS 13", set()),
    ],
)
def test_mr011_reference_numbers_are_read_by_their_digits(text, refs):
    from timeline.matching.signals import references

    assert references(text) == refs


def test_mr012_a_shared_reference_number_is_evidence_a_different_one_against():
    from timeline.matching.features import COMPARISONS, compute_features
    from timeline.matching.scoring import score_pairs

    log = rec("p1", "Police", D, "Call to address, verbal argument between adults")
    log.outcome = "DASH standard. Ref DA/21/04417."
    later = D + timedelta(days=4)
    quoting = rec("c1", "Children's Social Care", later, "PPN received (DA/21/04417)")
    other = rec("c1", "Children's Social Care", later, "PPN received (DA/21/05190)")
    cfg = MatchConfig()
    weights, levels = [], []
    for pair in ([log, quoting], [log, other]):
        prep = prepare(pair, cfg)
        a, b = candidate_pairs(prep, cfg)
        feats = compute_features(prep, a, b)
        levels.append(COMPARISONS["reference"][int(feats.levels["reference"][0])])
        weights.append(float(score_pairs(feats, cfg.weights)[0]))
    assert levels == ["shared", "different"]
    assert weights[0] > weights[1] + 1.0
    assert together(match_records([log, quoting]), "p1", "c1")
    assert not together(match_records([log, other]), "p1", "c1")


def test_mr013_a_narrative_entry_is_the_kind_its_lead_sentence_says():
    visit = "Home visit. Mum says the children are sleeping better. History of DA incidents noted."
    records = [
        rec("h1", "Health Visiting", D, visit),
        rec("p1", "Police", D, "Attended DA incident at home address, male arrested"),
    ]
    prep = prepare(records, MatchConfig())
    i = prep.index["h1"]
    assert "home visit" in prep.type_names[i] and "domestic abuse" not in prep.type_names[i]
    whole = prepare(records, MatchConfig(lead_sentence=False))
    assert "domestic abuse" in whole.type_names[whole.index["h1"]]
    assert not together(match_records(records), "h1", "p1")
