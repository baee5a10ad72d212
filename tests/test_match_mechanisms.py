"""Mechanisms of issue 11's precision-first round (fictional records): how dates in the
text are read, boilerplate sentences, a meeting's own records before its paperwork,
notices of a call-out, and continuation rows."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from ingest.records import DateInterval, Provenance, SourceRecord
from tests.match_helpers import rec, together
from timeline.matching import MatchConfig, match_records
from timeline.matching.blocking import candidate_pairs
from timeline.matching.evidence import CITE_BONUS, NEWS_BONUS, field_rules
from timeline.matching.features import COMPARISONS, compute_features
from timeline.matching.normalise import normalise
from timeline.matching.prepare import NO_DATE, prepare
from timeline.matching.signals import event_types, is_notification, text_dates, without_boilerplate

D = date(2023, 3, 15)


def _pair(records, x: str, y: str):
    """(features, bonus, k) of the candidate pair x, y."""
    cfg = MatchConfig()
    prep = prepare(records, cfg)
    a, b = candidate_pairs(prep, cfg)
    feats = compute_features(prep, a, b)
    bonus = field_rules(prep, feats)[0]
    i, j = sorted((prep.index[x], prep.index[y]))
    k = np.flatnonzero((a == i) & (b == j))
    assert len(k) == 1, "not a candidate pair"
    return feats, bonus, int(k[0])


def _text_date_level(records, x: str, y: str) -> str:
    feats, _, k = _pair(records, x, y)
    return COMPARISONS["text_date"][int(feats.levels["text_date"][k])]


def _dates(prep, rid: str) -> list[date]:
    return [date.fromordinal(int(d)) for d in prep.td[prep.index[rid]] if d != NO_DATE]


def test_mm001_a_date_that_ends_a_sentence_is_read():
    assert text_dates("PPN received re DA incident on 23.02.23.", D) == [date(2023, 2, 23)]
    assert text_dates("Seen on 1/3. Plan agreed.", D) == [date(2023, 3, 1)]
    # a separator followed by another digit still continues the number
    assert text_dates("ref 1.2.3.4 logged", D) == []


def test_mm002_a_date_of_birth_is_no_quoted_date():
    police = "RCPC re Braanah Hartlow (14/02/2023), Zelon Quilley (06/01/2016)."
    assert text_dates(police, D) == []
    assert text_dates("Baby DOB 14/02/2023, seen 13/03/23", D) == [date(2023, 3, 13)]
    # a bracketed date after a thing, not a person, is the date of that thing
    assert text_dates("Strategy Discussion (10/03/2023) outcome", D) == [date(2023, 3, 10)]


def test_mm003_a_date_after_the_record_is_a_plan_unless_the_record_is_written_before():
    records = [
        rec(
            "c1",
            "Children's Social Care",
            D,
            "Core group held. Next core group booked for 12/04/23.",
        ),
        rec("g1", "GP", D, "Information shared for the RCPC on 22/03/2023."),
    ]
    prep = prepare(records, MatchConfig())
    assert _dates(prep, "c1") == []
    assert _dates(prep, "g1") == [date(2023, 3, 22)]


def test_mm004_abbreviations_inside_a_longer_term_complete_it():
    assert "review conference" in normalise("Review CP conf held for the children")
    assert "initial conference" in normalise("Initial CP conf today")
    assert "review conference" in event_types(normalise("Attended review CP conf."))
    # the second pass leaves a term that is part of an expansion alone
    assert normalise("front door referral") == "mash front door referral"


def _row(rid: str, agency: str, row: int, text: str) -> SourceRecord:
    prov = Provenance(f"{agency}.csv", "0" * 64, "", row, {"Event": text})
    return SourceRecord(rid, agency, DateInterval(D, D, "day"), text, prov)


def test_mm005_a_row_opening_cont_is_the_rest_of_the_entry_above():
    records = [
        _row(
            "p1", "Police", 5, "Attended re domestic incident, mother and partner arguing. (cont.)"
        ),
        _row("p2", "Police", 6, "Cont. - Action: DASH medium; no arrest."),
        _row("p3", "Police", 9, "Cont. - Action: none further."),  # not the next row
    ]
    res = match_records(records)
    assert together(res, "p1", "p2")
    assert not together(res, "p1", "p3")


def test_mm006_sentences_many_entries_repeat_are_not_compared():
    tail = " Information shared with the allocated SW."
    texts = [
        "Consultation: Ava seen re immunisations." + tail,
        "Visited family at home, no reply." + tail,
        "Dental appointment - attended." + tail,
        "Tenancy warning issued." + tail,
        "Attended TAF meeting." + tail,
        "Information shared with the allocated SW. Later text.",  # a lead always stays
    ]
    out = without_boilerplate(texts)
    assert out[0] == "Consultation: Ava seen re immunisations"
    assert out[5] == texts[5]
    # four repeats are not enough to call a sentence boilerplate
    assert without_boilerplate(texts[:4]) == texts[:4]
    agencies = ["GP", "Children's Social Care", "Hospital", "Housing", "School", "Police"]
    records = [
        rec(f"r{i}", ag, D, t) for i, (ag, t) in enumerate(zip(agencies, texts, strict=True))
    ]
    prep = prepare(records, MatchConfig())
    # "information shared" names a kind of event (a request answered): not from boilerplate
    assert "information request" not in prep.type_names[prep.index["r0"]]
    assert not together(match_records(records), "r0", "r1")


def test_mm007_two_agencies_reports_join_only_through_their_meeting():
    icpc = D + timedelta(days=3)
    reports = [
        rec("g1", "GP", D, "Report submitted for ICPC."),
        rec("d1", "Domestic Abuse Service", D + timedelta(days=1), "Report submitted for ICPC."),
    ]
    assert not together(match_records(reports), "g1", "d1")
    meeting = [
        rec("c1", "Children's Social Care", icpc, "ICPC held for the children."),
        rec("s1", "School", icpc, "Attended ICPC."),
    ]
    res = match_records(reports + meeting)
    assert together(res, "c1", "s1")


def test_mm008_an_agencys_attendance_claims_its_place_before_its_report():
    rcpc = D + timedelta(days=2)
    records = [
        rec("sr", "School", D, "Report submitted for RCPC."),
        rec("sa", "School", rcpc, "Attended RCPC. DSL attended."),
        rec("c1", "Children's Social Care", rcpc, "RCPC held for the children."),
    ]
    res = match_records(records)
    assert together(res, "sa", "c1")
    assert not together(res, "sr", "c1")


def test_mm009_a_day_a_meeting_mentions_is_context_not_a_conflict():
    records = [
        rec(
            "c1",
            "Children's Social Care",
            D,
            "Core group meeting (virtual). Move on 07/03 completed.",
        ),
        rec("s1", "School", D, "Core group meeting - DSL attended."),
    ]
    assert _text_date_level(records, "c1", "s1") == "none"
    assert together(match_records(records), "c1", "s1")
    # a notice naming another day than the record's own still conflicts with it
    notice = [
        rec("p1", "Police", D, "Attended domestic incident at the home address"),
        rec("c2", "Children's Social Care", D + timedelta(days=2), "PPN re DA incident 10/03/23"),
    ]
    assert _text_date_level(notice, "p1", "c2") == "conflict"


def test_mm010_a_day_named_well_before_another_notices_own_day_is_no_conflict():
    records = [
        rec(
            "c1",
            "Children's Social Care",
            D,
            "Received PPN - police attended home 09/03/2023, mother.",
        ),
        rec("h1", "Health Visiting", D + timedelta(days=6), "PPN: police called to the home."),
    ]
    assert _text_date_level(records, "c1", "h1") == "none"


def test_mm011_an_undated_notice_is_news_of_the_one_call_out_before_it():
    call_out = rec("p1", "Police", D, "Officers attended the home address following a call.")
    notice = rec("h1", "Health Visiting", D + timedelta(days=5), "PPN: police called to the home.")
    assert _pair([call_out, notice], "p1", "h1")[1][_pair([call_out, notice], "p1", "h1")[2]] == (
        NEWS_BONUS
    )
    # two call-outs on different days before it: which one is the reviewer's question
    second = rec("p2", "Police", D + timedelta(days=2), "Domestic incident, officers on scene.")
    _, bonus, k = _pair([call_out, second, notice], "p1", "h1")
    assert bonus[k] == 0.0


def test_mm012_a_contact_made_after_an_incident_is_not_its_report():
    log = rec("p1", "Police", D, "Domestic - mother and partner arguing, words of advice")
    call = rec("g1", "GP", D + timedelta(days=1), "T/c mum after DA incident 15.03.23, low mood")
    letter = rec("g2", "GP", D + timedelta(days=1), "Letter re DA incident 15.03.23, low mood")
    assert _pair([log, call], "p1", "g1")[1][_pair([log, call], "p1", "g1")[2]] == 0.0
    assert _pair([log, letter], "p1", "g2")[1][_pair([log, letter], "p1", "g2")[2]] == CITE_BONUS


def test_mm013_an_overnight_date_covers_the_next_day():
    text = "A&E discharge letter re attendance on 31/01/2024 (overnight) - head injury."
    assert text_dates(text, date(2024, 2, 2)) == [date(2024, 1, 31), date(2024, 2, 1)]
    assert text_dates("A&E letter re attendance on 31/01/2024", date(2024, 2, 2)) == [
        date(2024, 1, 31)
    ]


def test_mm014_notif_and_a_police_call_out_are_read():
    assert is_notification(normalise("ED attendance notif - Ava 2.4.23"))
    assert not is_notification(normalise("ED attendance - Ava, fever"))
    log = normalise("Officers attended the home address at 21:40 following a call from a neighbour")
    assert "domestic abuse" in event_types(log)
    assert "domestic abuse" not in event_types(normalise("Dental appointment attended"))
