"""A date quoted in the text (evidence.py): a notice or letter that names the day of an
event it agrees with reports that event; a visit that mentions an earlier day, or a
letter that names another agency, does not get the rule."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from tests.match_helpers import rec, together
from timeline.matching import MatchConfig, match_records
from timeline.matching.blocking import candidate_pairs
from timeline.matching.evidence import CITE_BONUS, field_rules
from timeline.matching.features import compute_features
from timeline.matching.prepare import prepare

D = date(2015, 5, 28)
OFF = MatchConfig(field_rules=False)


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


def _letter_case():
    return [
        rec("e1", "Hospital", D, "Attended ED with bruising"),
        rec("a1", "Ambulance", D, "Call 15:26: bruising, pt conveyed to ED"),
        rec("s1", "School", D + timedelta(days=1), "Absence: Ruby at A&E (bruising)"),
        rec("g1", "GP", D + timedelta(days=2), "ED d/c letter 28/05/2015 - filed"),
    ]


def test_mq001_a_letter_naming_the_attendances_day_reports_it():
    records = _letter_case()
    assert _bonus(records, "e1", "g1") == CITE_BONUS
    assert together(match_records(records), "e1", "a1", "g1")
    # without the rule the letter's unlike wording keeps it apart
    off = match_records(records, config=OFF)
    assert together(off, "e1", "a1", "s1")
    assert not together(off, "e1", "g1")


def test_mq002_the_rule_is_worded_in_the_evidence_and_adds_up():
    res = match_records(_letter_case())
    ev = next(e for e in res.events if "g1" in e.record_ids)
    (pair,) = [
        p
        for p in ev.evidence
        if "g1" in (p.record_a, p.record_b) and "e1" in (p.record_a, p.record_b)
    ]
    quoted = [c for c in pair.contributions if c.feature == "date quoted"]
    assert quoted and quoted[0].weight == CITE_BONUS
    assert abs(sum(c.weight for c in pair.contributions) - pair.weight) < 0.05


def test_mq003_a_visit_mentioning_yesterdays_attendance_is_its_own_event():
    records = [
        rec("e1", "Hospital", D, "Seen in emergency department, burn to hand"),
        rec(
            "v1",
            "Health Visiting",
            D + timedelta(days=1),
            "Home visit. Discussed ED attendance yesterday, burn to hand healing",
        ),
    ]
    assert _bonus(records, "e1", "v1") == 0.0


def test_mq004_a_letter_naming_another_agency_does_not_report_this_ones_record():
    # the ED letter reports the hospital's attendance, not the police log of that day
    records = [
        rec("p1", "Police", D, "Domestic - mother and partner arguing, words of advice"),
        rec("a1", "Hospital", D, "Adult attendance: assaulted at home, bruising to face"),
        rec("g1", "GP", D + timedelta(days=2), "ED letter re Jo: assault by partner 28/05/15"),
    ]
    assert _bonus(records, "p1", "g1") == 0.0
    assert _bonus(records, "a1", "g1") == CITE_BONUS


def test_mq005_two_notices_naming_one_day_with_the_same_subject():
    records = [
        rec("s1", "School", D, "Concern logged - had a bruise on the upper arm"),
        rec("c1", "Children's Social Care", D + timedelta(days=1), "Notified re bruising 28/05/15"),
        rec("h1", "Health Visiting", D + timedelta(days=3), "Told of bruise to arm (28.5.15)"),
    ]
    assert _bonus(records, "c1", "h1") > 0
    # a GP hears weeks later: a notice naming a day up to six weeks before it still
    # reports it; one written more than six weeks after the day is not this rule's
    late = [*records[:1], rec("g1", "GP", D + timedelta(days=20), "Bruising 28/05/15 noted")]
    assert _bonus(late, "s1", "g1") == CITE_BONUS
    later = [*records[:1], rec("g1", "GP", D + timedelta(days=45), "Bruising 28/05/15 noted")]
    assert _bonus(later, "s1", "g1") == 0.0


def _month_case(second_day: date | None = None):
    day = date(2014, 12, 9)
    out = [
        rec("c1", "Children's Social Care", day, "CG meeting"),
        rec("s1", "School", day, "Core group meeting - school attended"),
        rec("h1", "Health Visiting", day, "HV at CG, health update"),
        rec(
            "g1",
            "GP",
            date(2014, 12, 1),
            "Invited to CG - unable to attend",
            end=date(2014, 12, 31),
            precision="month",
        ),
    ]
    # the school's report a week later, a month-dated entry's look-alike
    out.append(rec("r1", "School", date(2014, 12, 16), "Report submitted for core group"))
    if second_day:
        out.append(rec("c2", "Probation", second_day, "OM attended core group"))
    return out


def test_mq006_a_month_dated_meeting_is_the_one_meeting_of_its_kind_that_month():
    records = _month_case()
    assert together(match_records(records), "c1", "s1", "h1", "g1")
    off = match_records(records, config=OFF)
    assert together(off, "c1", "s1", "h1")
    # without the rule it is not joined to the school's report either: a report's link to
    # a meeting is taken after the meeting's own records have claimed their places
    assert not together(off, "g1", "r1")
    ev = next(e for e in match_records(records).events if "g1" in e.record_ids)
    assert any(c.feature == "meeting of the month" for p in ev.evidence for c in p.contributions)


def test_mq007_two_meetings_of_that_kind_in_the_month_leave_the_question_open():
    res = match_records(_month_case(second_day=date(2014, 12, 23)))
    assert not together(res, "c1", "g1")
    assert not together(res, "c2", "g1")


def test_mq008_not_attending_is_not_being_there():
    from timeline.matching.kinds import record_kind
    from timeline.matching.normalise import normalise
    from timeline.matching.signals import is_notification

    for text, kind in [
        ("Conference report submitted - not attending", "report"),
        ("Report for ICPC sent - unable to attend", "report"),
        ("Attended ICPC, report shared", "meeting"),
    ]:
        t = normalise(text)
        assert record_kind(t, is_notification(t)) == kind


def test_mq009_a_report_naming_the_meetings_day_is_part_of_it():
    day = date(2016, 6, 2)
    records = [
        rec("c1", "Children's Social Care", day, "RCPC - continue CP plan"),
        rec("s1", "School", day, "Review CP conference - school attended"),
        rec("g1", "GP", day - timedelta(days=2), "Report for RCPC 02/06/2016"),
        # another meeting of that kind a day later is not the one the report names
        rec("c2", "Children's Social Care", day + timedelta(days=1), "RCPC (sibling)"),
    ]
    assert _bonus(records, "c1", "g1") > 0
    assert _bonus(records, "c2", "g1") == 0.0


def test_mq010_a_notice_naming_its_source_agency_and_the_day_reports_that_agencys_record():
    day = date(2015, 11, 28)
    records = [
        rec("p1", "Police", day, "Officers deployed at 11:32 after a neighbour called 999"),
        rec(
            "s1",
            "School",
            day + timedelta(days=2),
            "OE notification rec'd from police about an incident on 28th Nov 2015",
        ),
        # the same notice, naming no agency, shares nothing with the police log's words
        rec("s2", "Nursery Setting", day + timedelta(days=2), "Told of an incident on 28/11/15"),
    ]
    assert _bonus(records, "p1", "s1") == CITE_BONUS
    assert _bonus(records, "p1", "s2") == 0.0
