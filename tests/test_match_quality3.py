"""Sixth session's matching mechanisms (docs/matching.md): weekday names in the text,
the field's words of the devolved nations, a specialist agency's kind of event, a
meeting named as a plan, the news of another day, a GP's letter weeks later, news in
its source's words, and a report written before its meeting kept apart on request.
Fictional records only."""

from __future__ import annotations

from datetime import date, time, timedelta

import numpy as np

from tests.match_helpers import event_of, rec, together
from timeline.matching import MatchConfig, match_records
from timeline.matching.blocking import candidate_pairs
from timeline.matching.evidence import CITE_BONUS, NEWS_BONUS, field_rules
from timeline.matching.features import compute_features
from timeline.matching.kinds import record_kind
from timeline.matching.normalise import normalise
from timeline.matching.prepare import _TYPE_BIT, prepare
from timeline.matching.signals import is_notification, text_dates, text_facts

SAT = date(2023, 9, 30)  # a Saturday


def _kind(text: str) -> str:
    n = normalise(text)
    return record_kind(n, is_notification(n))


def _bonus(records, x: str, y: str) -> float:
    cfg = MatchConfig()
    prep = prepare(records, cfg)
    a, b = candidate_pairs(prep, cfg)
    feats = compute_features(prep, a, b)
    bonus = field_rules(prep, feats)[0]
    i, j = sorted((prep.index[x], prep.index[y]))
    k = np.flatnonzero((a == i) & (b == j))
    assert len(k) == 1, "not a candidate pair"
    return float(bonus[k[0]])


def test_mq3001_a_weekday_named_is_the_latest_such_day_before_the_record():
    wed = SAT + timedelta(days=4)
    assert text_dates("High risk referral in - incident on Saturday.", wed) == [SAT]
    assert text_dates("DA incident last Saturday night", wed) == [SAT]
    # named on the same weekday: a week back, not the record's own day
    assert text_dates("incident on Saturday", SAT + timedelta(days=7)) == [SAT]
    # a date written after the weekday is the date read; a plan is not read
    assert text_dates("incident on Saturday 30 Sep", wed) == [SAT]
    assert text_dates("Visit booked for next Monday", wed) == []


def test_mq3002_a_notice_naming_the_weekday_joins_the_call_out_of_that_day():
    wed = SAT + timedelta(days=4)
    records = [
        rec("p1", "Police", SAT, "Attended home address following 999 call.", at=time(20, 10)),
        rec("d1", "Domestic Abuse Service", wed, "High risk referral in - incident on Saturday."),
        rec(
            "c1",
            "Children's Social Care",
            SAT + timedelta(days=3),
            "PPN received from police re DA incident on Saturday 30 Sep.",
        ),
        # a call-out of the week before: not the one the notices name
        rec("p0", "Police", SAT - timedelta(days=6), "DA - mother v partner. DASH standard."),
    ]
    assert _bonus(records, "p1", "d1") == CITE_BONUS
    res = match_records(records)
    assert together(res, "p1", "d1", "c1")
    assert not together(res, "p0", "d1")
    # the same notice naming no day is not tied to the call-out four days before it
    records[1] = rec("d1", "Domestic Abuse Service", wed, "High risk referral in.")
    assert not together(match_records(records), "p1", "d1")


def test_mq3003_a_police_log_attending_the_home_address_is_the_call_out():
    types, _, _ = text_facts(normalise("Attended home address following 999 call at 20:10."))
    assert "domestic abuse" in types
    types, _, _ = text_facts(normalise("Home visit to the address, children seen."))
    assert "domestic abuse" not in types


def test_mq3004_a_specialist_agencys_records_are_about_its_specialism():
    records = [
        rec("d1", "Domestic Abuse Service", SAT, "High risk referral in - incident on 28/09."),
        rec("h1", "Housing", SAT, "High risk referral in - incident on 28/09."),
    ]
    prep = prepare(records, MatchConfig())
    da = _TYPE_BIT["domestic abuse"]
    assert prep.types[prep.index["d1"]] & da
    assert not prep.types[prep.index["h1"]] & da


def test_mq3005_the_devolved_nations_words_and_oe_are_read():
    assert "encompass" in normalise("OE call from police this morning")
    assert "police notification" in normalise("PSNI referral received re DA incident")
    assert "police notification" in normalise("Public Protection Notice received")
    assert "section47" in normalise("Article 66 visit completed")
    assert "strategy" in normalise("IRD held with police and health")
    assert "mash front door" in normalise("IAA team decision: NFA")
    assert is_notification(normalise("Contact from PSNI (PSNI referral) regarding a domestic"))


def test_mq3006_a_meeting_named_as_a_plan_is_not_that_meeting():
    decision = "MASH decision: strategy discussion to be convened."
    assert _kind(decision) == "other"
    assert "strategy" not in text_facts(normalise(decision))[0]
    assert _kind("Strategy discussion held with police and health.") == "meeting"
    day = date(2025, 1, 9)
    records = [
        rec("c0", "Children's Social Care", day, decision),
        rec("c1", "Children's Social Care", day, "Strat held by Teams."),
        rec("p1", "Police", day, "Attended strategy meeting (PPU)."),
        rec("g1", "GP", day, "Took part in strategy discussion re the children."),
    ]
    res = match_records(records)
    assert together(res, "c1", "p1", "g1")
    assert not together(res, "c0", "p1")


def test_mq3007_paperwork_and_letters_read_as_such():
    chair = "Letter received from the conference chair: ICPC held on 5.3.24, outcome no CP plan."
    assert _kind(chair) == "follow-up"
    gp = "Correspondence received re domestic abuse incident on 30/09/2023 - mother victim."
    assert _kind(gp) == "notification"
    assert is_notification(normalise("Feedback from CSC on referral - NFA."))


def test_mq3008_a_gp_letter_five_weeks_later_names_the_incident():
    records = [
        rec("p1", "Police", SAT, "DA incident at 12 Fernby Row, Ashcombe.", at=time(21, 5)),
        rec("s1", "School", SAT + timedelta(days=2), "Op Encompass: domestic at home on 30/09."),
        rec(
            "g1",
            "GP",
            SAT + timedelta(days=33),
            "Correspondence received re domestic abuse incident on 30/09/2023 - mother victim.",
        ),
    ]
    assert _bonus(records, "p1", "g1") == CITE_BONUS
    assert together(match_records(records), "p1", "s1", "g1")


def test_mq3009_the_news_of_another_day_is_no_event_of_its_own_day():
    mon = date(2022, 12, 12)
    records = [
        # the school's note written on the 12th is about the incident of the 9th
        rec(
            "s1",
            "School",
            mon,
            "OE call from police this morning - DA incident at home on 9th December.",
        ),
        rec(
            "c1",
            "Children's Social Care",
            mon + timedelta(days=3),
            "Contact from police (PPN) regarding a domestic on Monday 12 Dec.",
        ),
        rec(
            "p1",
            "Police",
            mon,
            "Attended home address following 999 call at 2220hrs.",
            at=time(22, 20),
        ),
        rec(
            "p0",
            "Police",
            mon - timedelta(days=3),
            "DA - mother v partner. DASH standard.",
            at=time(3, 55),
        ),
    ]
    assert _bonus(records, "s1", "c1") == 0.0
    res = match_records(records)
    assert together(res, "p1", "c1")
    assert not together(res, "s1", "c1")


def test_mq3010_news_in_the_words_of_the_source_it_names():
    day = date(2024, 6, 14)
    decision = rec(
        "c1", "Children's Social Care", day, "IAA team decision: progress to C&F assessment."
    )
    letter = rec(
        "d1",
        "Domestic Abuse Service",
        day + timedelta(days=6),
        "Outcome of referral received from IAA team: progress to C&F assessment.",
    )
    assert _bonus([decision, letter], "c1", "d1") == NEWS_BONUS
    assert together(match_records([decision, letter]), "c1", "d1")
    # two such decisions in the fortnight before it: which one is the reviewer's question
    other = rec(
        "c2",
        "Children's Social Care",
        day + timedelta(days=2),
        "IAA team decision: progress to C&F assessment.",
    )
    assert _bonus([decision, other, letter], "c1", "d1") == 0.0


def _conference_case():
    icpc = date(2024, 11, 27)
    return [
        rec("c1", "Children's Social Care", icpc, "ICPC held - agreed subject to CP plan."),
        rec("s1", "School", icpc, "Attended ICPC; conference agreed CP plan under neglect."),
        rec("g1", "GP", icpc - timedelta(days=6), "Report submitted for ICPC on 27/11/2024."),
    ]


def test_mq3011_a_report_written_before_its_meeting_may_be_kept_related():
    records = _conference_case()
    assert together(match_records(records), "c1", "s1", "g1")  # the default: part of it
    res = match_records(records, config=MatchConfig(report_before_meeting="related"))
    assert together(res, "c1", "s1")
    assert not together(res, "c1", "g1")
    (rel,) = [r for r in res.relations if r.record_id == "g1"]
    assert rel.event_id == event_of(res, "c1").merged_id
    assert rel.reason.startswith("a report for the")


def _date_level(records, x: str, y: str) -> str:
    from timeline.matching.features import COMPARISONS

    cfg = MatchConfig()
    prep = prepare(records, cfg)
    a, b = candidate_pairs(prep, cfg)
    feats = compute_features(prep, a, b)
    i, j = sorted((prep.index[x], prep.index[y]))
    (k,) = np.flatnonzero((a == i) & (b == j))
    return COMPARISONS["date"][int(feats.levels["date"][k])]


def test_mq3012_two_reports_of_one_earlier_day_are_not_news_before_the_event():
    school = rec(
        "s1", "School", SAT + timedelta(days=2), "Op Encompass: domestic at home on 30/09."
    )
    later = rec(
        "d1", "Domestic Abuse Service", SAT + timedelta(days=4), "Referral in - incident 30/09."
    )
    assert _date_level([school, later], "s1", "d1") == "gap_2_3"
    # a contact made after the day it names is an event of its own: the notice came first
    call = rec("g1", "GP", SAT + timedelta(days=4), "T/c mum after DA incident 30/09.")
    assert _date_level([school, call], "s1", "g1") == "notified_before"
    # and a record naming no day is still dated after a notice of it
    plain = rec("h1", "Housing", SAT + timedelta(days=4), "Tenancy visit - noise complaint.")
    assert _date_level([school, plain], "s1", "h1") == "notified_before"
