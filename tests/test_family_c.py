"""Family C, the held-out labelled generator for matching (benchmarks/family_c)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.family_c import AGENCIES, generate, true_pairs, write_files
from benchmarks.family_c.story import MEETINGS
from ingest import import_file
from ingest.records import PRECISIONS, stable_record_id


def _signature(case):
    return [
        (r.record_id, r.agency, r.date, r.description, r.outcome, r.practitioner)
        for r in case.records
    ]


def test_fc001_deterministic_per_seed():
    a, b = generate(11), generate(11)
    assert _signature(a) == _signature(b)
    assert a.truth == b.truth and a.related == b.related
    assert true_pairs(a) == true_pairs(b)
    assert _signature(generate(12)) != _signature(a)


@pytest.mark.parametrize(
    ("n_events", "n_agencies", "years"),
    [(1, 5, 3), (7, 1, 1), (300, 5, 3), (300, 12, 3), (999, 3, 6)],
)
def test_fc002_n_events_is_exact(n_events, n_agencies, years):
    case = generate(3, n_events=n_events, n_agencies=n_agencies, years=years)
    assert len(set(case.truth.values())) == n_events
    assert len(case.events) == n_events
    assert {r.agency for r in case.records} <= set(AGENCIES[:n_agencies])


@pytest.mark.parametrize("style", ["narrative", "short", "mixed"])
def test_fc003_truth_covers_every_record_and_ids_are_unique(style):
    case = generate(5, style=style)
    ids = [r.record_id for r in case.records]
    assert len(ids) == len(set(ids))
    assert set(case.truth) == set(ids)
    assert set(case.truth.values()) == {e.eid for e in case.events}
    assert set(case.related) <= set(ids)


def test_fc004_records_are_valid_and_ids_built_as_ingest_builds_them():
    case = generate(8, n_agencies=12, years=4)
    lo, hi = case.period
    assert lo == hi.replace(year=hi.year - 4, month=4, day=1)
    occurrences: Counter = Counter()
    rows_seen: set = set()
    for r in case.records:
        assert lo <= r.date.start <= r.date.end <= hi
        assert r.date.precision in PRECISIONS
        assert (r.date.precision == "exact") == (r.date.time is not None)
        assert r.description.strip() == r.description and r.description
        raw = list(r.provenance.raw.values())
        key = (r.agency, tuple(raw))
        assert r.record_id == stable_record_id(r.agency, raw, occurrences[key])
        occurrences[key] += 1
        where = (r.provenance.file_name, r.provenance.row)
        assert where not in rows_seen and r.provenance.row >= 2
        rows_seen.add(where)
    # each agency's rows are in date order, as a chronology is
    for agency in case.agencies:
        starts = [r.date.start for r in case.records if r.agency == agency]
        assert starts == sorted(starts)


def test_fc005_related_truth_points_at_meetings_not_at_the_row_own_event():
    case = generate(21, n_events=600, n_agencies=8)
    kinds = {e.eid: e.kind for e in case.events}
    assert len(case.related) > 20
    for rid, meeting in case.related.items():
        assert kinds[meeting] in MEETINGS
        assert case.truth[rid] != meeting
        assert kinds[case.truth[rid]] in ("report_submitted", "minutes_received", "outcome_letter")
    for rid in case.related:
        assert case.rows[rid].role in ("R", "F")
    # reports come before their meeting, minutes after it
    day = {e.eid: e.day for e in case.events}
    for e in case.events:
        if e.kind == "report_submitted":
            assert day[e.eid] < day[e.meeting]
        if e.kind == "minutes_received":
            assert day[e.eid] > day[e.meeting]


def test_fc006_look_alikes_are_other_events_and_some_events_are_multi_agency():
    case = generate(2, n_events=800, n_agencies=6)
    by_id = {e.eid: e for e in case.events}
    traps = [e for e in case.events if e.trap_of]
    assert len(traps) > 0.05 * len(case.events)
    for e in traps:
        other = by_id[e.trap_of]
        assert other.eid != e.eid and other.kind == e.kind
        assert abs((other.day - e.day).days) <= 50
    agencies_of: dict[str, set] = {}
    for r in case.records:
        agencies_of.setdefault(case.truth[r.record_id], set()).add(r.agency)
    multi = sum(1 for s in agencies_of.values() if len(s) > 1)
    assert 0.25 < multi / len(case.events) < 0.6


def test_fc007_true_pairs_cross_agency_and_within_agency():
    case = generate(4, n_events=500, n_agencies=6)
    agency = {r.record_id: r.agency for r in case.records}
    cross = true_pairs(case)
    every = true_pairs(case, cross_agency=False)
    assert cross and set(cross) < set(every)
    for a, b in cross:
        assert a < b and agency[a] != agency[b] and case.truth[a] == case.truth[b]
    same_agency = [p for p in every if agency[p[0]] == agency[p[1]]]
    assert same_agency  # split entries and duplicates within one agency
    assert all(case.truth[a] == case.truth[b] for a, b in same_agency)


def test_fc008_dense_case_cpu_and_records_per_event():
    t0 = time.process_time()  # CPU time, not wall-clock: the machine is shared
    case = generate(1, n_events=20000, n_agencies=10, years=12)
    assert time.process_time() - t0 < 60
    assert len(set(case.truth.values())) == 20000
    assert 1.6 <= len(case.records) / 20000 <= 2.0


def test_fc009_written_files_import_back_to_the_same_records(tmp_path):
    # a case with two rows told the same way, which ingest flags (short style has them)
    case = next(
        c
        for c in (generate(s, n_events=400, n_agencies=12, style="short") for s in range(1, 40))
        if any(r.issues for r in c.records)
    )
    files = write_files(case, tmp_path)
    assert len(files.files) == len(case.agencies)
    by_id = {r.record_id: r for r in case.records}
    imported = []
    for path in files.files:
        fi = import_file(path, period=case.period, today=case.period[1])
        assert not fi.quarantined and fi.accounted
        imported.extend(fi.records)
    assert sorted(r.record_id for r in imported) == sorted(by_id)
    for r in imported:
        g = by_id[r.record_id]
        for attr in ("agency", "description", "outcome", "practitioner", "reference"):
            assert getattr(r, attr) == getattr(g, attr), attr
        assert (r.event_type, r.extra, r.issues) == (g.event_type, g.extra, g.issues)
        assert (r.date.start, r.date.end, r.date.precision, r.date.time) == (
            g.date.start,
            g.date.end,
            g.date.precision,
            g.date.time,
        )
        assert files.truth[(r.provenance.file_name, r.provenance.row)] == case.truth[r.record_id]


def test_fc010_unusual_headers_same_cells(tmp_path):
    case = generate(9, n_events=60, n_agencies=4)
    usual = write_files(case, tmp_path / "a")
    unusual = write_files(case, tmp_path / "b", headers="unusual")
    assert usual.truth == unusual.truth
    for a, b in zip(usual.files, unusual.files, strict=True):
        lines_a = a.read_text(encoding="utf-8").splitlines()
        lines_b = b.read_text(encoding="utf-8").splitlines()
        assert lines_a[0] != lines_b[0] and lines_a[1:] == lines_b[1:]


def test_fc011_narratives_have_one_to_six_sentences():
    case = generate(3, n_events=800, n_agencies=12, style="narrative")
    counts = {
        r.description.count(". ") + 1
        for r in case.records
        if case.rows[r.record_id].part == 0 and "(cont.)" not in r.description
    }
    assert counts == {1, 2, 3, 4, 5, 6}


_DIGEST = """
import hashlib
from benchmarks.family_c import generate
c = generate(7, n_events=400, n_agencies=12, style="mixed")
h = hashlib.sha256()
for r in c.records:
    h.update((r.record_id + c.truth[r.record_id] + r.description + repr(r.date)).encode())
print(h.hexdigest())
"""


def test_fc013_same_case_whatever_the_hash_seed():
    root = Path(__file__).resolve().parents[1]
    digests = set()
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed, PYTHONPATH=str(root))
        out = subprocess.run(
            [sys.executable, "-c", _DIGEST], env=env, cwd=root, capture_output=True, text=True
        )
        assert out.returncode == 0, out.stderr
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_fc012_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        generate(1, style="poetic")
    with pytest.raises(ValueError):
        generate(1, n_events=0)
    with pytest.raises(ValueError):
        write_files(generate(1, n_events=5), "/nonexistent/never", headers="odd")
