"""Family E (benchmarks/family_e): a labelled matching family written apart from the matcher.

These tests check the family against itself and against the importer used as a black
box: the files it writes read back as exactly its records, it is deterministic, and its
truth is consistent (every record has an event, follow-ups point at meetings,
look-alikes are other events, n_events is exact)."""

import csv
import hashlib
import os
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from benchmarks.family_e import generate, true_pairs, write_files
from ingest.pipeline import import_file

CSC, POL = "Children's Social Care", "Police"


@pytest.fixture(scope="module")
def cases():
    return {
        "narrative": generate(1, n_events=160, n_agencies=8),
        "short": generate(2, n_events=160, n_agencies=6, style="short"),
        "mixed": generate(3, n_events=160, n_agencies=10, style="mixed"),
    }


def _key(rec):
    return (rec.record_id, rec.agency, rec.date, rec.description, rec.provenance.row)


@pytest.mark.parametrize("style", ["narrative", "short", "mixed"])
def test_fe001_files_read_back_as_the_case_records(cases, style, tmp_path):
    case = cases[style]
    files = write_files(case, tmp_path)
    assert len(files.files) == len({p.name for p in files.files})
    read, seen_places = [], set()
    for path in files.files:
        agency = case.rows[
            next(r.record_id for r in case.records if r.provenance.file_name == path.name)
        ].agency
        fi = import_file(path, agency=agency)
        for rec in fi.records:
            place = (path.name, rec.provenance.row)
            assert place in files.truth
            assert files.truth[place] == case.truth[rec.record_id]
            seen_places.add(place)
        read.extend(fi.records)
    assert [_key(r) for r in read] == [_key(r) for r in case.records]
    # every row a user sees is labelled; the importer made a record of each one here
    assert seen_places == set(files.truth)
    assert case.quarantined == 0 and not case.unread


def test_fe002_unusual_headers_keep_the_same_cells(cases, tmp_path):
    case = cases["narrative"]
    usual = write_files(case, tmp_path / "a")
    unusual = write_files(case, tmp_path / "b", headers="unusual")
    assert usual.truth == unusual.truth and usual.related == unusual.related
    csvs = [p for p in usual.files if p.suffix == ".csv"]
    assert csvs
    for path in csvs:
        with path.open(encoding="utf-8") as f:
            a = list(csv.reader(f))
        with (tmp_path / "b" / path.name).open(encoding="utf-8") as f:
            b = list(csv.reader(f))
        assert a[1:] == b[1:]
        assert set(a[0]).isdisjoint(b[0])


def test_fe003_deterministic_per_seed():
    a = generate("det", n_events=90, n_agencies=6, style="mixed")
    b = generate("det", n_events=90, n_agencies=6, style="mixed")
    c = generate("other", n_events=90, n_agencies=6, style="mixed")
    assert [_key(r) for r in a.records] == [_key(r) for r in b.records]
    assert a.truth == b.truth and a.related == b.related and a.events == b.events
    assert [_key(r) for r in a.records] != [_key(r) for r in c.records]


def test_fe008_same_case_in_another_process():
    """No set order or hash seed leaks in: another interpreter makes the same case."""
    code = (
        "import hashlib; from benchmarks.family_e import generate; "
        "c = generate('proc', n_events=60, n_agencies=7, style='mixed'); "
        "print(hashlib.sha256(repr([(r.record_id, c.truth[r.record_id], r.description) "
        "for r in c.records]).encode()).hexdigest())"
    )
    root = Path(__file__).resolve().parent.parent
    outs = []
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed, PYTHONPATH=str(root))
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        outs.append(done.stdout.strip())
    case = generate("proc", n_events=60, n_agencies=7, style="mixed")
    here = [(r.record_id, case.truth[r.record_id], r.description) for r in case.records]
    assert outs[0] == outs[1] == hashlib.sha256(repr(here).encode()).hexdigest()


@pytest.mark.parametrize("n", [1, 37, 160])
def test_fe004_n_events_is_exact(n):
    case = generate(n, n_events=n, n_agencies=5)
    assert len(case.events) == n
    assert [e.id for e in case.events] == list(range(n))
    assert set(case.truth.values()) == set(range(n))  # every event has a record


@pytest.mark.parametrize("style", ["narrative", "short", "mixed"])
def test_fe005_truth_is_consistent(cases, style):
    case = cases[style]
    events = case.events
    assert case.agencies[:2] == (CSC, POL)
    ids = [r.record_id for r in case.records]
    assert len(ids) == len(set(ids)) == len(case.truth) == len(case.rows)
    for rec in case.records:
        row = case.rows[rec.record_id]
        ev = events[case.truth[rec.record_id]]
        assert row.event == ev.id and row.agency == rec.agency
        assert rec.agency in ev.recorders and set(ev.recorders) <= set(case.agencies)
        if row.role == "M":
            assert rec.date.precision == "month" and rec.date.start.month == row.day.month
        else:
            assert rec.date.start == row.day
        if row.told == "N":  # a notification or letter comes after its event, within 7 days
            assert timedelta(0) <= row.day - ev.day <= timedelta(days=7)
        if row.role == "R":
            assert ev.kind == "report" and events[ev.meeting].day > ev.day
        if row.role == "F":
            assert ev.meeting is not None and events[ev.meeting].day < ev.day
    for rid, meeting in case.related.items():
        ev = events[case.truth[rid]]
        assert ev.meeting == meeting and events[meeting].is_meeting
        assert case.rows[rid].role in ("R", "F", "D")
    for ev in events:
        assert ev.recorders, ev
        if ev.trap_of is not None:
            assert ev.trap_of < ev.id and events[ev.trap_of].id != ev.id
        if ev.meeting is not None:
            assert events[ev.meeting].is_meeting and not ev.is_meeting
    start, end = case.period
    assert all(start <= ev.day <= end + timedelta(days=30) for ev in events)


def test_fe006_the_case_has_what_the_brief_asks_for(cases, tmp_path):
    case = cases["mixed"]
    roles = Counter(row.role for row in case.rows.values())
    told = Counter(row.told for row in case.rows.values())
    assert {"P", "N", "D"} <= set(told)
    assert {"P", "N", "F", "D"} <= set(roles)
    assert any(e.trap_of is not None for e in case.events)
    assert any(e.subject in ("partner", "sibling") for e in case.events)
    assert sum(len(e.recorders) > 1 for e in case.events) > len(case.events) // 5
    assert {p.suffix for p in write_files(case, tmp_path).files} == {".csv", ".xlsx", ".docx"}


def test_fe007_true_pairs(cases):
    case = cases["narrative"]
    cross = true_pairs(case)
    every = true_pairs(case, cross_agency=False)
    assert cross == sorted(cross) and every == sorted(every)
    assert set(cross) < set(every)
    agency = {r.record_id: r.agency for r in case.records}
    for a, b in every:
        assert a < b and case.truth[a] == case.truth[b]
    assert all(agency[a] != agency[b] for a, b in cross)
    within = set(every) - set(cross)
    assert all(agency[a] == agency[b] for a, b in within)
    # a hand count: an event recorded by k different agencies gives k*(k-1)/2 cross pairs
    per_event = Counter()
    for rid, eid in case.truth.items():
        per_event[(eid, agency[rid])] += 1
    expected = 0
    for eid in set(case.truth.values()):
        counts = [n for (e, _), n in per_event.items() if e == eid]
        total = sum(counts)
        expected += (total * (total - 1) - sum(n * (n - 1) for n in counts)) // 2
    assert len(cross) == expected
