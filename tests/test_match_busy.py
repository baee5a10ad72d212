"""Matching on a busy review: words a review uses often are never respelt, the field's
shorthand for a core group is read, a meeting's paperwork finds the meeting it names even
among many others, and a busy day's unrelated entries are capped (dates alone)."""

from __future__ import annotations

from datetime import date, timedelta

from tests.match_helpers import rec, together
from timeline.matching import MatchConfig, match_records
from timeline.matching.blocking import DATES_ONLY, candidate_pairs, prescore
from timeline.matching.kinds import meeting_words
from timeline.matching.normalise import Normaliser, frequent_words, normalise
from timeline.matching.prepare import prepare

D = date(2019, 7, 3)


def test_mb001_words_many_entries_use_are_not_respelt():
    texts = ["Plan to prevent harm", "prevent missed visits", "Prevent, protect", "fmily seen"]
    keep = frequent_words(texts)
    assert "prevent" in keep and "fmily" not in keep
    norm = Normaliser(keep=keep)
    assert norm("plan to prevent harm") == "plan to prevent harm"
    # a one-off slip is still put right
    assert "family" in norm("fmily seen")
    # without the review's own words the slip-fixer takes "prevent" for "present"
    assert "present" in Normaliser()("plan to prevent harm")
    # and never respells a word as a four-letter one ("case" / "care", "heard" / "head")
    assert Normaliser()("case heard") == "case heard"


def test_mb002_core_group_shorthand_is_one_meeting():
    for text in ("Core grp meeting", "CG meeting - plan reviewed", "core grp mtg held"):
        assert "coregroup" in meeting_words(normalise(text)), text
    assert normalise("ICPC conf report sent") == normalise("ICPC conference report sent")


def _core_groups():
    """Monthly core groups, each recorded by two agencies, and a month-only invitation."""
    out = []
    for k in range(4):
        day = D + timedelta(days=7 * k)
        out += [
            rec(f"c{k}", "Children's Social Care", day, "Core grp meeting"),
            rec(f"h{k}", "Health Visiting", day, "Attended core group - HV update given"),
        ]
    out.append(
        rec(
            "inv",
            "GP",
            date(2019, 7, 1),
            "Invited to core group - unable to attend",
            end=date(2019, 7, 31),
            precision="month",
        )
    )
    return out


def test_mb003_minutes_chased_link_to_the_meeting_whose_date_they_name():
    records = [
        *_core_groups(),
        rec(
            "fu", "Mental Health", D + timedelta(days=26), "Minutes chased - core group 10/07/2019"
        ),
    ]
    res = match_records(records)
    (rel,) = [r for r in res.relations if r.record_id == "fu"]
    # the meeting of 10 July (c1/h1), not the month-only invitation nor the latest one
    assert rel.related_record_id in {"c1", "h1"}
    assert "names its date" in rel.reason
    assert together(res, "c1", "h1") and not together(res, "fu", "c1")


def test_mb004_a_busy_days_date_only_pairs_are_capped_strong_ones_kept():
    agencies = ["Police", "School", "GP", "Housing", "Probation", "Health Visiting"]
    busy = [
        rec(f"b{k:02d}", agencies[k % 6], D, f"qz{k}a wq{k}b")  # nothing in common
        for k in range(48)
    ]
    pair = [
        rec("s1", "Children's Social Care", D, "Strategy meeting re Ellis, s47 agreed"),
        rec("s2", "Ambulance", D, "Strategy discussion attended re Ellis, s47 agreed"),
    ]
    records = busy + pair
    loose = MatchConfig(max_candidates=16, max_weak_candidates=None)
    tight = MatchConfig(max_candidates=16, max_weak_candidates=3)
    prep = prepare(records, tight)
    a, b = candidate_pairs(prep, tight)
    a1, b1 = candidate_pairs(prep, loose)
    assert len(a) < len(a1)
    weak = prescore(prep, a, b) <= DATES_ONLY
    per_record = [int(((a == i) | (b == i))[weak].sum()) for i in range(len(records))]
    # every busy record keeps its own best 3 date-only pairs (and those its partners
    # kept), so no record loses all its neighbours; in all at most 3 per record
    assert all(c >= 3 for c in per_record[: len(busy)])
    assert int(weak.sum()) <= 3 * len(records)
    kept = set(zip(a.tolist(), b.tolist(), strict=True))
    assert tuple(sorted((prep.index["s1"], prep.index["s2"]))) in kept
    assert together(match_records(records, config=tight), "s1", "s2")


def _row(rid, agency, day, text, row):
    from dataclasses import replace

    from ingest.records import Provenance

    r = rec(rid, agency, day, text)
    p = r.provenance  # a slotted class (not a dataclass): built again with the row
    moved = Provenance(p.file_name, p.file_sha256, p.sheet, row, dict(p.raw), p.continued_rows)
    return replace(r, provenance=moved)


def test_mb005_an_entry_split_over_two_rows_is_one_event_with_the_others():
    police = [
        _row("p1", "Police", D, "Domestic at address, an assault; suspect was arrested", 5),
        _row("p2", "Police", D, "Update: PPN submitted to MASH.", 6),
        _row("p3", "Police", D + timedelta(days=1), "Update: bail conditions set.", 7),
    ]
    others = [
        rec("a1", "Ambulance", D, "999 call - assault at address, police on scene"),
        rec("c1", "Children's Social Care", D + timedelta(days=2), "PPN received re DA at home"),
    ]
    res = match_records(police + others)
    assert together(res, "p1", "p2", "a1")
    # the next day's update is not the rest of that entry (another day: its own row)
    assert not together(res, "p1", "p3")
    # a reviewer who says the two rows are not the same is obeyed
    from timeline.matching import MatchDecision

    apart = match_records(police + others, decisions=[MatchDecision("not_same", ("p1", "p2"))])
    assert not together(apart, "p1", "p2")


def test_mb006_an_update_row_of_another_file_or_agency_is_not_a_continuation():
    rows = [
        _row("p1", "Police", D, "Domestic at address, an assault; suspect was arrested", 5),
        _row("s1", "School", D, "Update: Encompass call taken, DSL informed.", 6),
        _row("p9", "Police", D, "Update: second call-out, male returned to the address", 9),
    ]
    res = match_records(rows)
    # police row 9 is not the row after 5 (rows between were others: a second call-out)
    assert not together(res, "p1", "p9")
    from timeline.matching import split_entries
    from timeline.matching.prepare import prepare as prep_of

    assert split_entries(prep_of(rows, MatchConfig())) == []


def test_mb007_a_notification_naming_another_day_is_not_merged_unasked():
    d = date(2014, 5, 7)
    records = [
        rec("p1", "Police", d, "Domestic incident at the home, assault, children present"),
        rec(
            "c1",
            "Children's Social Care",
            d + timedelta(days=3),
            "PPN received re DA incident on 09/05/14, assault, children present",
        ),
    ]
    # the PPN names the 9th: the news of another incident than the 7th's
    res = match_records(records)
    assert not together(res, "p1", "c1")
    assert any(set(q.record_ids) == {"p1", "c1"} for q in res.queue)  # asked, not merged
    # naming the 7th, the same PPN is the news of that incident
    named = [
        records[0],
        rec(
            "c1",
            records[1].agency,
            records[1].date.start,
            "PPN received re DA incident on 07/05/14, assault, children present",
        ),
    ]
    assert together(match_records(named), "p1", "c1")


def test_mb008_a_narrative_entry_is_dated_by_its_lead_sentence():
    d = date(2014, 5, 7)
    records = [
        rec("p1", "Police", d, "Domestic incident reported, IP grabbed by the arms."),
        rec("p2", "Police", d + timedelta(days=2), "Domestic incident reported, phone smashed."),
        rec(
            "c1",
            "Children's Social Care",
            d + timedelta(days=4),
            "PPN received regarding a DA incident on 09/05/14. Info shared with the SW. "
            "The PPN for 07/05/14 was screened last week.",
        ),
    ]
    res = match_records(records)
    assert together(res, "p2", "c1") and not together(res, "p1", "c1")


def test_mb009_lenient_pairs_do_not_block_a_merge_vetoed_ones_do():
    import numpy as np

    from timeline.matching.cluster import best_first
    from timeline.matching.decisions import Constraints

    a, b = np.array([0, 0, 1]), np.array([1, 2, 2])
    w = np.array([5.0, 4.0, -6.0])  # 1 and 2 read nothing alike
    agency = np.array([0, 1, 2])
    cfg = MatchConfig()

    def groups(**kw):
        label = best_first(3, a, b, w, agency, Constraints(), cfg, **kw).label
        return len(set(label.tolist()))

    assert groups() == 2  # the weak 1-2 link keeps 2 out
    assert groups(lenient={(1, 2)}) == 1  # two notices of one date: not held against it
    assert groups(vetoed={(0, 1)}) == 2  # 0-1 never merged: 0 takes 2 instead
    assert groups(vetoed={(0, 1)}, lenient={(1, 2)}) == 2


def test_mb010_two_notices_naming_different_days_are_not_merged_unasked():
    d = date(2014, 5, 13)
    records = [
        rec("c1", "Children's Social Care", d, "PPN rec'd re DA 09/05/14, children present"),
        rec("h1", "Health Visiting", d, "DV notification rec'd re 12.5.14, children present"),
    ]
    res = match_records(records)
    assert not together(res, "c1", "h1")
    same_day = [records[0], rec("h1", "Health Visiting", d, "DV notification rec'd re 9.5.14")]
    assert together(match_records(same_day), "c1", "h1")


def test_mb011_a_case_heard_at_marac_is_the_meeting_not_its_paperwork():
    from timeline.matching.kinds import record_kind
    from timeline.matching.signals import is_notification

    for text, kind in (
        ("MARAC - case heard - actions circulated", "meeting"),
        ("MARAC minutes circulated", "follow-up"),
    ):
        t = normalise(text)
        assert record_kind(t, is_notification(t)) == kind, text


def test_mb012_weeks_apart_only_paperwork_and_its_meeting_or_named_news_are_compared():
    d = date(2019, 7, 3)
    records = [
        rec("m1", "Children's Social Care", d, "Core group meeting, plan reviewed"),
        rec("v1", "Police", d, "Welfare check at the address, all well"),
        rec("f1", "Health Visiting", d + timedelta(days=12), "Core group minutes received"),
        rec("n1", "GP", d + timedelta(days=10), "Notification received - MARAC 03/07/2019"),
        rec("n2", "School", d + timedelta(days=10), "Notification received from the police"),
    ]
    cfg = MatchConfig()
    prep = prepare(records, cfg)
    a, b = candidate_pairs(prep, cfg)
    pairs = {tuple(sorted((prep.ids[i], prep.ids[j]))) for i, j in zip(a.tolist(), b.tolist())}
    assert ("f1", "m1") in pairs  # paperwork and its meeting, 12 days apart
    assert ("f1", "v1") not in pairs  # paperwork and anything else: the ordinary window
    assert ("m1", "n1") in pairs  # news naming the meeting's day
    assert ("m1", "n2") not in pairs  # news naming no day, 10 days after a meeting
    assert ("n2", "v1") in pairs  # ... but still compared with the events before it


def test_mb013_a_report_sent_after_the_meeting_it_names_is_related_not_merged():
    d = date(2015, 2, 19)
    records = [
        rec("c1", "Children's Social Care", d, "Core group meeting held at the family home"),
        rec("h1", "Health Visiting", d, "HV attended the core group meeting"),
        rec(
            "s1",
            "School",
            d + timedelta(days=5),
            "Report submitted to the chair for the core group on 19th Feb 2015",
        ),
        # a report for the meeting, written before it: part of the meeting
        rec("g1", "GP", d - timedelta(days=2), "GP report for the core group on 19/02/2015"),
    ]
    res = match_records(records)
    assert together(res, "c1", "h1") and not together(res, "c1", "s1")
    (rel,) = [r for r in res.relations if r.record_id == "s1"]
    assert rel.related_record_id in {"c1", "h1"} and "names its date" in rel.reason
    assert all(r.record_id != "g1" for r in res.relations)


def test_mb014_an_update_sent_after_the_meeting_it_names_is_its_paperwork():
    d = date(2015, 2, 19)
    records = [
        rec("c1", "Children's Social Care", d, "Core grp meeting"),
        rec("h1", "Health Visiting", d, "Core grp: HV attended"),
        rec("s1", "School", d + timedelta(days=5), "Update submitted re CG 19th Feb 2015"),
    ]
    res = match_records(records)
    assert together(res, "c1", "h1") and not together(res, "c1", "s1")
    assert [r.record_id for r in res.relations] == ["s1"]
