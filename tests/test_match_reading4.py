"""Record reading of the seventh session (fictional records): conferences that do not
say initial or review, the nations' and partnerships' names for meetings, missing
episodes, "ltr", "over the weekend" and late entries."""

from __future__ import annotations

from datetime import date

from ingest.records import DateInterval, Provenance, SourceRecord
from tests.match_helpers import rec, together
from timeline.matching import MatchConfig, match_records, split_entries
from timeline.matching.kinds import record_kind
from timeline.matching.normalise import normalise
from timeline.matching.prepare import prepare
from timeline.matching.signals import event_types, text_dates

D = date(2024, 5, 13)  # a Monday


def _types(records, rid: str) -> frozenset[str]:
    prep = prepare(records, MatchConfig())
    return prep.type_names[prep.index[rid]]


def _icpc(day: date = D) -> list:
    return [
        rec(
            "c1", "Children's Social Care", day, "Initial child protection conference - plan agreed"
        ),
        rec("s1", "School", day, "Attended ICPC; DSL gave the school's view"),
    ]


def test_mr401_a_bare_case_conference_takes_the_kind_of_the_days_conference():
    gp = rec("g1", "GP", D, "Child protection case conference - CP plan, category neglect")
    records = [*_icpc(), gp]
    assert "initial conference" in _types(records, "g1")
    assert together(match_records(records), "c1", "s1", "g1")


def test_mr402_a_bare_conference_alone_or_among_two_kinds_stays_unread():
    gp = rec("g1", "GP", D, "Case conference - plan continues")
    assert _types([gp], "g1") == frozenset()
    rcpc = rec("p1", "Police", D, "Review child protection conference - plan continues")
    # an initial and a review conference named that day: which one is not guessed
    assert _types([*_icpc(), rcpc, gp], "g1") == frozenset()


def test_mr403_a_bare_conference_written_late_takes_the_conference_before_it():
    late = rec("g1", "GP", date(2024, 5, 15), "Case conference: CP plan made")
    assert "initial conference" in _types([*_icpc(), late], "g1")
    too_late = rec("g2", "GP", date(2024, 5, 20), "Case conference: CP plan made")
    assert _types([*_icpc(), too_late], "g2") == frozenset()


def test_mr404_scotland_and_northern_ireland_name_the_conferences_their_way():
    assert normalise("Review CPPM - plan continues") == "review conference plan continues"
    assert "initial conference" in event_types(normalise("Initial CPPM held"))
    assert "initial conference" in event_types(normalise("Attended ICPCC"))
    assert "review conference" in event_types(normalise("RCPCC: plan continues"))
    records = [
        rec("p1", "Police", D, "Review CPPM - plan continues under neglect"),
        rec(
            "c1",
            "Children's Social Care",
            D,
            "Review child protection conference - plan to continue",
        ),
    ]
    assert together(match_records(records), "p1", "c1")


def test_mr405_exploitation_and_transfer_in_meetings_are_multi_agency_meetings():
    for text in ("CE risk meeting: disruption plan", "MACE meeting held", "Transfer-in conference"):
        assert "meeting" in event_types(normalise(text)), text
    records = [
        rec("p1", "Police", D, "CE risk meeting: disruption plan agreed"),
        rec("s1", "School", D, "Attended MACE - DSL present"),
    ]
    assert together(match_records(records), "p1", "s1")


def test_mr406_an_ed_ltr_is_a_letter_about_the_attendance():
    text = normalise("ED ltr - Tobin to ED with a burn to the hand 26.6.19")
    assert record_kind(text, False) == "letter"
    records = [
        rec("h1", "Hospital", date(2019, 6, 26), "ED attendance 14:10 - burn to the hand, dressed"),
        rec("g1", "GP", date(2019, 7, 2), "ED ltr - Tobin to ED with a burn to the hand 26.6.19"),
    ]
    assert together(match_records(records), "h1", "g1")


def test_mr407_a_missing_episode_is_a_kind_of_event():
    assert "missing" in event_types(normalise("MFH - Tobin returned home at 01:00"))
    assert "missing" in event_types(normalise("PPN rec'd re Tobin reported missing"))
    records = [
        rec(
            "p1",
            "Police",
            date(2024, 2, 3),
            "MFH - Tobin located at a friend's flat, returned home",
        ),
        rec(
            "c1",
            "Children's Social Care",
            date(2024, 2, 5),
            "PPN rec'd re Tobin reported missing, located at a friend's flat 3/2",
        ),
    ]
    assert together(match_records(records), "p1", "c1")


def test_mr408_over_the_weekend_names_the_saturday_and_sunday_before():
    assert text_dates("returned home over the weekend", D) == [date(2024, 5, 11), date(2024, 5, 12)]
    # written on the Sunday: this weekend
    assert text_dates("at the weekend", date(2024, 5, 12)) == [date(2024, 5, 11), date(2024, 5, 12)]


def test_mr409_a_late_entry_is_compared_on_the_day_it_names():
    late = rec(
        "s1", "School", date(2024, 7, 18), "Core group: actions updated (late entry re 15/07)"
    )
    cg = rec(
        "c1", "Children's Social Care", date(2024, 7, 15), "Core group meeting - plan reviewed"
    )
    records = [late, cg]
    prep = prepare(records, MatchConfig())
    assert date.fromordinal(int(prep.start[prep.index["s1"]])) == date(2024, 7, 15)
    assert together(match_records(records), "s1", "c1")
    # without the words of a late entry, a meeting's record keeps its own day
    plain = rec("s2", "School", date(2024, 7, 18), "Core group: actions updated; see 15/07")
    prep = prepare([plain, cg], MatchConfig())
    assert date.fromordinal(int(prep.start[prep.index["s2"]])) == date(2024, 7, 18)


def test_mr410_social_care_s_contact_goes_with_the_ed_s_referral_not_the_attendance():
    day = date(2024, 3, 9)
    records = [
        rec("h1", "Hospital", day, "PED: bruising to the left cheek, 8 month old"),
        rec("a1", "Ambulance", day, "999 - infant, bruising to the left cheek, conveyed to ED"),
        rec("h2", "Hospital", day, "Ref to duty re injury; to stay on the ward pending checks"),
        rec("c1", "Children's Social Care", day, "Contact from ED re baby Nyla"),
    ]
    result = match_records(records)
    assert together(result, "h2", "c1")
    assert together(result, "h1", "a1")
    assert not together(result, "c1", "h1")


def _row(rid: str, agency: str, row: int, day: date, text: str) -> SourceRecord:
    prov = Provenance(f"{agency}.csv", "0" * 64, "", row, {"Event": text})
    return SourceRecord(rid, agency, DateInterval(day, day, "day"), text, prov)


def test_mr411_further_to_above_continues_the_row_above():
    day = date(2024, 2, 29)
    records = [
        _row("d1", "Domestic Abuse Service", 7, day, "Core group took place; plan reviewed."),
        _row("d2", "Domestic Abuse Service", 8, day, "Cont. from previous entry: client came."),
        _row("c1", "Children's Social Care", 3, day, "Core group held at the civic offices."),
        _row("c2", "Children's Social Care", 4, day, "Further to above - housing discussed."),
        _row("s1", "School", 2, day, "DSL at the CG. Outcome: plan reviewed."),
        _row("p1", "Police", 4, day, "T/C to school re the register"),
        _row("p2", "Police", 5, day, "Further to our call, school sent the register."),
    ]
    assert together(match_records(records), "d1", "d2", "c1", "c2", "s1")
    # an ordinary entry that opens "Further to our call" is no continuation
    assert [(h, c) for h, c in split_entries(prepare(records, MatchConfig()))] == [(0, 1), (2, 3)]


def test_mr412_a_late_entry_naming_no_day_covers_the_days_before_it():
    records = [
        rec("c1", "Children's Social Care", date(2024, 7, 24), "CG held at the civic offices."),
        rec(
            "d1",
            "Domestic Abuse Service",
            date(2024, 7, 26),
            "LATE ENTRY - represented the client at the CG.",
        ),
    ]
    prep = prepare(records, MatchConfig())
    k = prep.index["d1"]
    assert (date.fromordinal(int(prep.start[k])), date.fromordinal(int(prep.end[k]))) == (
        date(2024, 7, 23),
        date(2024, 7, 26),
    )
    assert not prep.precise[k]
    assert together(match_records(records), "c1", "d1")


def test_mr413_police_informed_is_no_police_notification():
    assert "domestic abuse" in event_types(normalise("Dom inc - held by the throat"))
    assert "domestic abuse" not in event_types(
        normalise("999 call: teenager drunk. Police informed by EOC.")
    )
    assert "domestic abuse" in event_types(normalise("PPN received re incident"))


def test_mr414_officers_attending_with_social_care_is_a_joint_visit():
    assert "joint visit" in event_types(normalise("Officers attended with CSC. Children seen."))
    assert "joint visit" in event_types(normalise("Joint CP investigation visit with police"))


def test_mr415_a_report_done_is_a_report_and_r_v_conference_a_review_conference():
    assert record_kind(normalise("CG report done"), False) == "report"
    assert "review conference" in event_types(normalise("Att r/v conference"))


def test_mr416_a_child_protection_medical_is_a_kind_of_event():
    assert "child protection medical" in event_types(normalise("CP med - findings"))
    records = [
        rec("c1", "Children's Social Care", D, "CP medical"),
        rec("h1", "Hospital", D, "CP med - findings consistent with a fall"),
    ]
    assert together(match_records(records), "c1", "h1")
    assert "joint visit" in event_types(normalise("S47 visit - joint"))
    assert "joint visit" in event_types(normalise("Jt visit w/ SW"))
