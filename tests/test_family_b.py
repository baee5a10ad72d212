"""Family B, the independent labelled generator (benchmarks/family_b): its stated properties."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest

from benchmarks.family_b import AGENCIES, MEETINGS, generate, true_pairs, write_files
from ingest import import_file
from ingest.records import PRECISIONS, DateInterval, SourceRecord

ALL = len(AGENCIES)


@pytest.fixture(scope="module")
def full():
    """Every agency over four years: the case most properties are checked on."""
    return generate(11, n_events=600, n_agencies=ALL, years=4)


@pytest.fixture(scope="module")
def big():
    """Large enough that rare forms (a season, an admission over days) surely occur."""
    return generate(3, n_events=3000, n_agencies=ALL, years=6)


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
            assert r.date.start <= r.date.end <= date(2025, 7, 31)  # nothing in the future
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
        elif row.agency == "AMB" and ev.kind == "ed_attendance":
            # the 999 call comes 25-80 minutes before arrival: the same day or the day before
            assert 0 <= (ev.day - iv.start).days <= 1, (row.fields, ev.day)
        elif iv.precision in ("exact", "day"):
            assert iv.start == ev.day, (row.fields, ev.day)
        else:  # partial dates cover the event
            assert iv.start <= ev.day <= iv.end, (row.fields, ev.day)
    assert {"P", "N", "R", "M", "F"} <= set(seen_roles)
    lagged = [
        (row.interval.start - events[full.truth[rid]].day).days
        for rid, row in full.rows.items()
        if row.role == "N"
    ]
    assert max(lagged) >= 5 and min(lagged) == 0  # lags really spread over the week
    for e in full.events:  # professionals meet and visit on working days
        if e.kind in MEETINGS or e.kind in ("sw_home_visit", "hv_contact", "followup"):
            assert e.day.weekday() < 5 and (e.day.month, e.day.day) != (12, 25), e


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


def test_fb008_partial_dates_carry_their_precision(big):
    by = defaultdict(list)
    for r in big.records:
        by[r.date.precision].append(r)
    for precision in ("exact", "day", "week", "month", "season", "range"):
        assert by[precision], precision
    for r in by["week"]:
        assert r.date.start.weekday() == 0 and (r.date.end - r.date.start).days == 6
    for r in by["month"]:
        assert r.date.start.day == 1 and (r.date.end + timedelta(days=1)).day == 1
    assert any(r.date.approximate for r in big.records)


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


def test_fb010_hard_cases_are_present(full, short, big):
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
    # dates in the text that are not the event's own: the call-out before, the next meeting
    quoting_other = 0
    for rid, row in full.rows.items():
        prev = events[full.truth[rid]].facts.get("prev")
        if prev and any(prev.strftime(f) in row.fields["desc"] for f in ("%d/%m/%y", "%d/%m/%Y")):
            quoting_other += 1
    assert quoting_other >= 3
    # a row pasted twice: same texts, distinct ids, one event, flagged as ingest flags it;
    # identical rows can also be two events (a month-only "invited to core group" row)
    dups = [r for r in big.records if any(i.code == "duplicate_row" for i in r.issues)]
    same_event = 0
    for r in dups:
        twins = [
            o
            for o in big.records
            if o.agency == r.agency and o.provenance.raw == r.provenance.raw and o is not r
        ]
        assert twins
        same_event += any(big.truth[o.record_id] == big.truth[r.record_id] for o in twins)
    assert same_event >= 5
    # an ED attendance with the 999 call and a discharge letter
    trio = Counter()
    for r in full.records:
        ev = events[full.truth[r.record_id]]
        if ev.kind == "ed_attendance":
            trio[ev.eid] |= 0
            trio[ev.eid] += {"Ambulance": 1, "Hospital": 10, "GP": 100}.get(r.agency, 0)
    assert any(v == 111 for v in trio.values())


def test_fb011_every_kind_appears_with_all_agencies(big):
    case = big
    kinds = Counter(e.kind for e in case.events)
    from benchmarks.family_b.build import _entry
    from benchmarks.family_b.phrasebook import GENERIC
    from benchmarks.family_b.story import SPEC

    assert set(SPEC) | {"followup"} == set(kinds)
    # every row an agency writes comes from a phrase written for it, not the catch-all
    catch_all = GENERIC["other"]
    for ev in case.events:
        for agency, role, _lag in ev.recorders:
            assert _entry(agency, ev.kind, role, ev.facts.get("fu")) is not catch_all, (
                agency,
                ev.kind,
                role,
            )
    assert len(set(case.truth.values())) == 3000
    assert {r.agency for r in case.records} == set(AGENCIES.values())


@pytest.mark.parametrize(
    ("n_agencies", "n_events", "years"),
    [(1, 120, 2), (2, 120, 2), (5, 120, 2), (12, 1, 0.05), (3, 7, 0.5), (6, 900, 0.2)],
)
def test_fb012_any_size_makes_a_whole_case(n_agencies, n_events, years):
    case = generate(4, n_events=n_events, n_agencies=n_agencies, years=years)
    assert len(set(case.truth.values())) == n_events
    assert set(case.truth) == {r.record_id for r in case.records}
    assert len({r.agency for r in case.records}) <= n_agencies
    if n_events >= 100:
        assert len({r.agency for r in case.records}) == n_agencies


def test_fb013_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="style"):
        generate(1, style="long")
    with pytest.raises(ValueError, match="n_agencies"):
        generate(1, n_agencies=0)


LAYOUT_SEEDS = (21, 23, 24, 25)  # between them, both layouts of every agency


def test_fb016_layout_seeds_cover_both_layouts_of_each_agency():
    from benchmarks.family_b.layouts import LAYOUTS, VARIANTS

    used = defaultdict(set)
    for seed in LAYOUT_SEEDS:
        case = generate(seed, n_events=40, n_agencies=ALL, years=1)
        for code, table in case.tables.items():
            used[code].add(table.layout)
    for code in AGENCIES:
        assert used[code] == {LAYOUTS[code], VARIANTS[code]}, code


@pytest.mark.parametrize("seed", LAYOUT_SEEDS)
def test_fb014_written_files_reimport_row_for_row(tmp_path, seed):
    case = generate(seed, n_events=150, n_agencies=ALL, years=2)
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
            assert [(i.code, i.message) for i in rec.issues] == [
                (i.code, i.message) for i in mine.issues
            ]
        assert len(result.records) == sum(1 for k in files.truth if k[0] == path.name)
        table = next(t for t in case.tables.values() if t.layout.file_name == path.name)
        reasons = " ".join(s.reason for s in result.skipped)
        if table.layout.dividers:
            assert "divider" in reasons
        if table.layout.repeat_header and len(table.rows) > table.layout.repeat_header:
            assert "repeated header" in reasons
    assert len(headers) == len(files.files)  # every agency its own layout
    assert set(files.related) == {
        (by_id[r].provenance.file_name, by_id[r].provenance.row) for r in case.related
    }


def test_fb015_names_are_the_invented_family(full):
    fam = full.family
    text = " ".join(r.description for r in full.records)
    assert fam.child in text and fam.sibling in text
    assert date(2013, 1, 1) <= full.period[0] < full.period[1]


def test_fb017_mixed_style_gives_each_agency_its_own_habit():
    case = generate(9, n_events=500, n_agencies=ALL, years=3, style="mixed")
    rows = Counter((r.agency, case.truth[r.record_id]) for r in case.records)
    one = defaultdict(list)
    for r in case.records:
        if rows[(r.agency, case.truth[r.record_id])] == 1:
            one[r.agency].append(_sentences(r.description))
    assert max(one["GP"]) == 1  # terse
    assert min(one["Police"]) >= 2 and min(one["Children's Social Care"]) >= 2
    assert case.style == "mixed"


def test_fb018_true_pairs_follow_the_truth(full):
    pairs = true_pairs(full)
    by_id = {r.record_id: r for r in full.records}
    assert pairs
    for a, b in pairs:
        assert a < b and full.truth[a] == full.truth[b] and by_id[a].agency != by_id[b].agency
    with_split = true_pairs(full, cross_agency=False)
    assert pairs < with_split  # split entries add same-agency pairs
    # counted independently: sum over events of n*(n-1)/2
    sizes = Counter(full.truth.values())
    assert len(with_split) == sum(n * (n - 1) // 2 for n in sizes.values())


def test_fb019_each_author_writes_terms_in_their_own_shorthand():
    import random

    from benchmarks.family_b.habits import Habit

    text = "Strategy discussion held after the domestic abuse incident; telephone call to SW."
    forms = {Habit(random.Random(f"t/{i}"))(text) for i in range(40)}
    assert len(forms) >= 10
    assert all(f[0].isupper() and f.endswith("to SW.") for f in forms)
    # one author keeps one form throughout
    h = Habit(random.Random("t/3"))
    assert len({h("The domestic abuse incident.") for _ in range(5)}) == 1
    # in a case, CSC's author writes "received" one way throughout; other seeds, other ways
    used = []
    for seed in range(1, 9):
        case = generate(seed, n_events=150, n_agencies=2, years=1)
        words = Counter(
            w
            for r in case.records
            if r.agency == "Children's Social Care"
            for w in r.description.split()
            if w in ("received", "rec'd", "recvd")
        )
        assert len(words) == 1, words
        used.append(next(iter(words)))
    assert len(set(used)) >= 2


def test_fb020_same_case_in_processes_with_other_hash_seeds():
    """No set or dict order leaks in: another interpreter with another hash seed agrees."""
    import os
    import subprocess
    import sys

    code = (
        "import hashlib; from benchmarks.family_b import generate; "
        "c = generate(5, n_events=400, n_agencies=12, years=3, style='mixed'); "
        "print(hashlib.sha256(repr([(r.record_id, r.description, r.date, c.truth[r.record_id])"
        " for r in c.records]).encode()).hexdigest())"
    )
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outs) == 1 and len(next(iter(outs)).strip()) == 64


def test_fb021_a_printed_reports_page_headers_are_skipped_rows_keep_their_numbers(tmp_path):
    case = generate(21, n_events=500, n_agencies=2, years=2)  # seed 21: police's xlsx layout
    table = case.tables["POL"]
    assert table.layout.repeat_header and len(table.rows) > 2 * table.layout.repeat_header
    files = write_files(case, tmp_path)
    path = next(p for p in files.files if p.name == table.layout.file_name)
    result = import_file(path)
    repeated = [s for s in result.skipped if "repeated header" in s.reason]
    assert len(repeated) == (len(table.rows) - 1) // table.layout.repeat_header
    assert {(path.name, r.provenance.row) for r in result.records} == {
        k for k in files.truth if k[0] == path.name
    }
    assert all(
        files.truth[(path.name, r.provenance.row)] == case.truth[r.record_id]
        for r in result.records
    )


def test_fb022_anonymised_chronologies_never_name_the_children():
    anonymised = 0
    for seed in range(1, 12):
        case = generate(seed, n_events=200, n_agencies=ALL, years=2)
        fam = case.family
        for code, table in case.tables.items():
            texts = [" ".join(r.texts) for r in table.rows]
            if not any("Child A" in t or "Child B" in t for t in texts):
                continue
            anonymised += 1
            for t in texts:
                assert fam.child not in t and fam.sibling not in t, (seed, code, t)
                assert fam.surname not in t and fam.partner_surname not in t, (seed, code, t)
    assert anonymised >= 3


def test_fb023_unusual_headers_change_only_the_header_row(tmp_path):
    import csv

    case = generate(2, n_events=200, n_agencies=ALL, years=2)
    usual = write_files(case, tmp_path / "usual")
    unusual = write_files(case, tmp_path / "unusual", headers="unusual")
    assert usual.truth == unusual.truth and usual.related == unusual.related
    compared = 0
    for a, b in zip(usual.files, unusual.files, strict=True):
        assert a.name == b.name
        if a.suffix != ".csv":
            continue
        rows_a = list(csv.reader(a.open(encoding="utf-8")))
        rows_b = list(csv.reader(b.open(encoding="utf-8")))
        header = next(i for i, r in enumerate(rows_a) if len(r) > 1)
        assert rows_a[header] != rows_b[header]
        assert rows_a[:header] + rows_a[header + 1 :] == rows_b[:header] + rows_b[header + 1 :]
        compared += 1
    assert compared >= 3
    with pytest.raises(ValueError, match="headers"):
        write_files(case, tmp_path / "x", headers="odd")
