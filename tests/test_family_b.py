"""Family B, the independent labelled generator (benchmarks/family_b): its stated properties."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest

from benchmarks.family_b import AGENCIES, MEETINGS, generate, write_files
from ingest import import_file
from ingest.records import PRECISIONS, DateInterval, SourceRecord

ALL = len(AGENCIES)


@pytest.fixture(scope="module")
def full():
    """Every agency, the default size: the case most properties are checked on."""
    return generate(11, n_events=600, n_agencies=ALL, years=4)


@pytest.fixture(scope="module")
def short():
    return generate(12, n_events=400, n_agencies=ALL, years=3, style="short")


def _events(case):
    return {e.eid: e for e in case.events}


def test_fb001_same_seed_same_case_other_seed_other_case():
    a, b, c = generate(5), generate(5), generate(6)
    key = [(r.record_id, r.agency, r.date, r.description, r.outcome) for r in a.records]
    assert key == [(r.record_id, r.agency, r.date, r.description, r.outcome) for r in b.records]
    assert a.truth == b.truth and a.related == b.related
    assert [r.description for r in c.records] != [r.description for r in a.records]


def test_fb002_truth_covers_every_record_and_counts_the_events(full):
    ids = [r.record_id for r in full.records]
    assert len(ids) == len(set(ids))
    assert set(full.truth) == set(ids)
    assert len(set(full.truth.values())) == 600
    assert set(full.related) <= set(ids)


def test_fb003_records_are_valid_source_records(full, short):
    for case in (full, short):
        for r in case.records:
            assert isinstance(r, SourceRecord) and isinstance(r.date, DateInterval)
            assert r.agency in AGENCIES.values()
            assert r.date.precision in PRECISIONS
            assert r.date.start <= r.date.end
            assert (r.date.time is not None) == (r.date.precision == "exact")
            assert r.description.strip()
            assert r.provenance.row >= 2 and r.provenance.file_name
            assert len(r.provenance.file_sha256) == 64
            assert r.provenance.raw and all(isinstance(v, str) for v in r.provenance.raw.values())


def test_fb004_recording_lags_stay_within_their_bounds(full):
    events = _events(full)
    seen_roles = Counter()
    for rid, row in full.rows.items():
        ev = events[full.truth[rid]]
        iv = row.interval
        seen_roles[row.role] += 1
        if row.role == "N":  # a notification or letter: on the day or up to 7 days later
            assert 0 <= (iv.start - ev.day).days <= 7, (row.fields, ev.day)
        elif row.role == "R":  # a report written for a conference: up to 7 days before
            assert -7 <= (iv.start - ev.day).days <= 0, (row.fields, ev.day)
        elif row.role == "M":
            assert iv.precision == "month" and iv.start <= ev.day <= iv.end
        elif iv.precision in ("exact", "day") and row.agency != "AMB":
            assert iv.start == ev.day, (row.fields, ev.day)
        else:  # partial dates and the 999 call (minutes before arrival) cover the event
            assert iv.start - timedelta(days=1) <= ev.day <= iv.end, (row.fields, ev.day)
    assert {"P", "N", "R", "M", "F"} <= set(seen_roles)
    lagged = [
        (row.interval.start - events[full.truth[rid]].day).days
        for rid, row in full.rows.items()
        if row.role == "N"
    ]
    assert max(lagged) >= 5 and min(lagged) == 0  # lags really spread over the week


def test_fb005_related_rows_point_at_meetings_and_are_their_own_events(full):
    events = _events(full)
    assert len(full.related) >= 30
    kinds = Counter()
    for rid, meeting_id in full.related.items():
        meeting = events[meeting_id]
        assert meeting.kind in MEETINGS
        own = events[full.truth[rid]]
        assert own.kind == "followup" and own.eid != meeting_id
        kinds[own.facts["fu"]] += 1
        gap = (full.rows[rid].interval.start - meeting.day).days
        assert -9 <= gap <= 16
    assert set(kinds) == {
        "minutes_received",
        "minutes_chased",
        "outcome_letter",
        "report_submitted",
    }
    # every follow-up event is single-agency: nobody else records that act
    per_event = Counter(full.truth[rid] for rid in full.related)
    assert all(n == 1 for n in per_event.values())


def test_fb006_multi_agency_events_have_several_agencies(full):
    agencies = defaultdict(set)
    for r in full.records:
        agencies[full.truth[r.record_id]].add(r.agency)
    multi = [len(a) for a in agencies.values() if len(a) > 1]
    assert len(multi) >= 150
    assert sum(multi) / len(multi) >= 2.3


def _sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", text) if s.strip()])


def test_fb007_narrative_entries_have_two_to_five_sentences_short_ones_one(full, short):
    rows = Counter((r.agency, full.truth[r.record_id]) for r in full.records)
    whole = [r for r in full.records if rows[(r.agency, full.truth[r.record_id])] == 1]
    counts = Counter(_sentences(r.description) for r in whole)
    assert set(counts) <= {2, 3, 4, 5}
    assert counts[2] and counts[4] and counts[5]
    assert max(len(r.description) for r in short.records) < 160
    assert sum(_sentences(r.description) == 1 for r in short.records) / len(short.records) > 0.9


def test_fb008_partial_dates_carry_their_precision(full):
    by = defaultdict(list)
    for r in full.records:
        by[r.date.precision].append(r)
    for precision in ("exact", "day", "week", "month", "season", "range"):
        assert by[precision], precision
    for r in by["week"]:
        assert r.date.start.weekday() == 0 and (r.date.end - r.date.start).days == 6
    for r in by["month"]:
        assert r.date.start.day == 1 and (r.date.end + timedelta(days=1)).day == 1
    assert any(r.date.approximate for r in full.records)


def test_fb009_notifications_quote_the_incident_date(full):
    events = _events(full)
    quoted = 0
    n = 0
    for rid, row in full.rows.items():
        ev = events[full.truth[rid]]
        if ev.kind == "da_incident" and row.role == "N" and row.agency == "CSC":
            n += 1
            quoted += ev.day.strftime("%d/%m/%y") in row.fields["desc"]
    assert n >= 20 and quoted / n > 0.8


def test_fb010_hard_cases_are_present(full, short):
    events = _events(full)
    # repeated call-outs two or three days apart are different events
    da = sorted(e.day for e in full.events if e.kind == "da_incident")
    assert any(1 <= (b - a).days <= 3 for a, b in zip(da, da[1:]))
    # split entries: one agency, one event, two rows
    rows_per = Counter((r.agency, full.truth[r.record_id]) for r in full.records)
    assert any(n == 2 for n in rows_per.values())
    # entries about the sibling and the mother's partner
    subjects = Counter(events[full.truth[r.record_id]].subject for r in full.records)
    assert subjects["sibling"] >= 30 and subjects["partner"] >= 30
    # same day, different agencies, different events
    by_day = defaultdict(set)
    for r in full.records:
        if r.date.precision in ("day", "exact"):
            by_day[r.date.start].add((r.agency, full.truth[r.record_id]))
    assert (
        sum(
            1
            for pairs in by_day.values()
            if len({a for a, _ in pairs}) >= 2 and len({e for _, e in pairs}) >= 2
        )
        >= 20
    )
    # same wording, different days, different events (short entries)
    texts = defaultdict(set)
    for r in short.records:
        texts[(r.agency, r.description)].add((r.date.start, short.truth[r.record_id]))
    assert sum(1 for v in texts.values() if len({e for _, e in v}) >= 3) >= 10
    # an ED attendance with the 999 call and a discharge letter
    trio = Counter()
    for r in full.records:
        ev = events[full.truth[r.record_id]]
        if ev.kind == "ed_attendance":
            trio[ev.eid] |= 0
            trio[ev.eid] += {"Ambulance": 1, "Hospital": 10, "GP": 100}.get(r.agency, 0)
    assert any(v == 111 for v in trio.values())


def test_fb011_every_kind_appears_with_all_agencies():
    case = generate(3, n_events=3000, n_agencies=ALL, years=6)
    kinds = Counter(e.kind for e in case.events)
    from benchmarks.family_b.story import SPEC

    assert set(SPEC) | {"followup"} == set(kinds)
    assert len(set(case.truth.values())) == 3000
    assert {r.agency for r in case.records} == set(AGENCIES.values())


@pytest.mark.parametrize("n_agencies", [1, 2, 5])
def test_fb012_fewer_agencies_still_make_a_whole_case(n_agencies):
    case = generate(4, n_events=120, n_agencies=n_agencies, years=2)
    assert len(set(case.truth.values())) == 120
    assert len({r.agency for r in case.records}) == n_agencies


def test_fb013_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="style"):
        generate(1, style="long")
    with pytest.raises(ValueError, match="n_agencies"):
        generate(1, n_agencies=0)


def test_fb014_written_files_reimport_row_for_row(tmp_path):
    case = generate(21, n_events=150, n_agencies=ALL, years=2)
    files = write_files(case, tmp_path)
    assert {p.suffix for p in files.files} == {".csv", ".xlsx", ".docx"}
    assert len(files.truth) == len(case.records)
    by_id = {r.record_id: r for r in case.records}
    headers = set()
    for path in files.files:
        result = import_file(path)
        assert result.accounted, result.summary()
        assert not result.quarantined, result.summary()
        headers.add(tuple(c.header for c in result.columns))
        for rec in result.records:
            key = (path.name, rec.provenance.row)
            assert key in files.truth, key
            mine = by_id[rec.record_id]  # the same id as the generated record
            assert case.truth[mine.record_id] == files.truth[key]
            assert mine.agency == rec.agency
            assert (rec.date.start, rec.date.end, rec.date.precision, rec.date.time) == (
                mine.date.start,
                mine.date.end,
                mine.date.precision,
                mine.date.time,
            ), (path.name, rec.provenance.raw)
            assert rec.date.approximate == mine.date.approximate
            assert rec.description == mine.description
            assert rec.outcome == mine.outcome
            assert rec.provenance.row == mine.provenance.row
        assert len(result.records) == sum(1 for k in files.truth if k[0] == path.name)
    assert len(headers) == len(files.files)  # every agency its own layout
    assert set(files.related) == {
        (by_id[r].provenance.file_name, by_id[r].provenance.row) for r in case.related
    }


def test_fb015_names_are_the_invented_family(full):
    fam = full.family
    text = " ".join(r.description for r in full.records)
    assert fam.child in text and fam.sibling in text
    assert date(2013, 1, 1) <= full.period[0] < full.period[1]
