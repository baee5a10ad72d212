"""Family F (benchmarks/family_f): a held-out labelled matching family. These tests check the
generator's contract and the answer key's own rules; they never run the matcher."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from itertools import combinations

import pytest

from benchmarks.family_f import generate, true_pairs, write_files
from benchmarks.family_f.agencies import ORDER
from ingest import import_file

SATELLITES = {"report", "minutes", "outcome_letter", "chaser"}


@pytest.fixture(scope="module")
def case():
    return generate(11, n_events=300, n_agencies=8, years=3, style="mixed")


def test_ff001_deterministic_per_seed():
    a = generate(5, n_events=120, n_agencies=6, style="narrative")
    b = generate(5, n_events=120, n_agencies=6, style="narrative")
    assert [r.record_id for r in a.records] == [r.record_id for r in b.records]
    assert a.truth == b.truth and a.related == b.related
    assert [r.description for r in a.records] == [r.description for r in b.records]
    c = generate(6, n_events=120, n_agencies=6, style="narrative")
    assert [r.description for r in c.records] != [r.description for r in a.records]


def test_ff002_every_row_read_back_with_a_truth(case):
    planned = sum(len(rows) for rows in case.tables.values())
    assert planned > len(case.events)  # many events have several rows
    assert len(case.records) == planned
    assert not case.quarantined and not case.unread and not case.lost and not case.unplanned
    assert set(case.truth) == {r.record_id for r in case.records}
    events = {e.id for e in case.events}
    assert set(case.truth.values()) == events  # every event has at least one record


def test_ff003_api_shape(case):
    assert len(case.events) == 300
    assert case.agencies == ORDER[:8]
    assert {r.agency for r in case.records} <= set(case.agencies)
    start, end = case.period
    assert end - start >= timedelta(days=3 * 365 - 1)
    for rid, row in case.rows.items():
        assert case.truth[rid] == row.event
        assert row.file and row.row >= 2
    for e in case.events:
        assert start <= e.day <= end and e.recorders


@pytest.mark.parametrize("headers", ["usual", "unusual"])
def test_ff004_written_files_read_back_whole(case, tmp_path, headers):
    files = write_files(case, tmp_path, headers=headers)
    got = {}
    for agency, path in files.files.items():
        fi = import_file(path, agency=agency)
        assert not fi.quarantined, fi.summary()
        for rec in fi.records:
            got[path.name, rec.provenance.row] = rec
    assert set(got) == set(files.truth)
    assert set(files.related) <= set(files.truth)


def test_ff005_truth_rules(case):
    by_id = {e.id: e for e in case.events}
    records_of: dict[str, list[str]] = {}
    for rid, ev in case.truth.items():
        records_of.setdefault(ev, []).append(rid)
    traps = [e for e in case.events if e.trap_of]
    assert traps  # the family has look-alikes
    for e in traps:  # rule 6: a look-alike is another event, never the original's
        first = by_id[e.trap_of]
        assert first.kind == e.kind and first.day < e.day
        assert not set(records_of[e.id]) & set(records_of[first.id])
    for rid, meeting in case.related.items():  # rule 4: reports and follow-ups are apart
        ev = by_id[case.truth[rid]]
        assert ev.kind in SATELLITES and by_id[meeting].is_meeting
        assert case.truth[rid] != meeting
    assert any(by_id[m].kind != "report" for m in case.related.values())
    for rid, row in case.rows.items():  # rule 2: notifications arrive days after
        ev = by_id[row.event]
        gap = (row.told - ev.day).days
        if row.role == "told":  # clinic letters take up to three weeks
            # (a call in the small hours may be filed under the evening before)
            night = ev.time is not None and ev.time.hour < 3
            assert (-1 if night else 0) <= gap <= (21 if ev.kind == "mh_appt" else 14)
        if row.role == "report":  # written before the meeting
            assert row.told < by_id[ev.meeting].day
    per_agency = Counter((row.agency, row.event) for row in case.rows.values())
    for (agency, event), n in per_agency.items():  # rule 7: two rows only as split etc.
        if n > 1:
            roles = {r.role for r in case.rows.values() if (r.agency, r.event) == (agency, event)}
            assert roles & {"split", "addendum", "copy"}


def test_ff006_ed_referral_is_its_own_event():
    for seed in range(20, 40):
        c = generate(seed, n_events=200, n_agencies=6, style="short")
        refs = [e for e in c.events if e.kind == "hospital_referral"]
        eds = {(e.day, e.subject): e.id for e in c.events if e.kind == "ed_attendance"}
        paired = [e for e in refs if (e.day, e.subject) in eds]
        if paired:
            e = paired[0]
            assert eds[e.day, e.subject] != e.id
            assert set(c.truth.values()) >= {e.id, eds[e.day, e.subject]}
            return
    pytest.fail("no ED attendance with a same-day safeguarding referral in 20 seeds")


def test_ff007_true_pairs_match_the_rows(case):
    agency = {r.record_id: r.agency for r in case.records}
    by_event: dict[str, list[str]] = {}
    for rid, row in case.rows.items():
        by_event.setdefault(row.event, []).append(rid)
    cross = {
        frozenset(p)
        for rids in by_event.values()
        for p in combinations(rids, 2)
        if agency[p[0]] != agency[p[1]]
    }
    assert true_pairs(case) == cross and cross
    assert true_pairs(case, cross_agency=False) > cross


def test_ff008_styles_share_one_plan():
    a = generate(3, n_events=150, n_agencies=5, style="short")
    b = generate(3, n_events=150, n_agencies=5, style="narrative")
    assert [(e.id, e.kind, e.day, e.recorders) for e in a.events] == [
        (e.id, e.kind, e.day, e.recorders) for e in b.events
    ]
    assert sorted(a.truth.values()) == sorted(b.truth.values())
    mean = [sum(len(r.description) for r in c.records) / len(c.records) for c in (a, b)]
    assert mean[0] < mean[1]  # short rows are shorter


@pytest.mark.parametrize("n_agencies", [2, 18])
def test_ff009_agency_counts(n_agencies):
    c = generate(8, n_events=150, n_agencies=n_agencies, style="narrative")
    assert c.agencies == ORDER[:n_agencies]
    assert not c.quarantined and not c.lost and len(c.events) == 150


def test_ff010_bad_arguments():
    with pytest.raises(ValueError):
        generate(1, style="poetic")
    with pytest.raises(ValueError):
        generate(1, n_agencies=19)
