# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""Concurrent writers with real threads and processes, on SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
import time
from datetime import date, timedelta

import pytest

from timeline.store import LOCAL_OPERATOR, Conflict, Store
from timeline.store.backup import dump_review

from .test_store_helpers import db, make_import, make_user, store  # noqa: F401


def _review_with_events(store: Store, n: int) -> tuple[int, list[dict]]:
    rid = store.reviews.create_review(LOCAL_OPERATOR, "Concurrency review (fictional)")
    rows = [(date(2020, 1, 1) + timedelta(days=i), f"Home visit number {i}") for i in range(n)]
    store.records.import_results(LOCAL_OPERATOR, rid, [make_import("Health visiting", rows)])
    return rid, store.records.list_events(LOCAL_OPERATOR, rid)


def _run_threads(n: int, target) -> list[BaseException]:
    barrier = threading.Barrier(n)
    errors: list[BaseException] = []

    def wrapped(i: int) -> None:
        try:
            barrier.wait()
            target(i)
        except BaseException as exc:  # collected and asserted on by the test
            errors.append(exc)

    threads = [threading.Thread(target=wrapped, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return errors


def test_cc001_twenty_writers_on_one_annotation_exactly_one_wins_per_version(store):
    rid, evs = _review_with_events(store, 1)
    users = [make_user(store, f"fac{i}@example.org") for i in range(20)]
    for u in users:
        store.reviews.add_member(LOCAL_OPERATOR, rid, u.label, "facilitator")
    ann = store.annotations.add_annotation(users[0], evs[0]["id"], "comment", "start")
    for rnd in range(3):
        version = store.annotations.list_annotations(LOCAL_OPERATOR, rid)[0]["version"]
        wins: list[int] = []
        conflicts: list[Conflict] = []

        def write(i: int, version=version, wins=wins, conflicts=conflicts) -> None:
            try:
                store.annotations.update_annotation(
                    users[i], ann["id"], version, text=f"round {rnd} by {i}"
                )
                wins.append(i)
            except Conflict as exc:
                conflicts.append(exc)

        errors = _run_threads(20, write)
        assert errors == []
        assert len(wins) == 1 and len(conflicts) == 19
        now = store.annotations.list_annotations(LOCAL_OPERATOR, rid)[0]
        assert now["version"] == version + 1
        assert now["text"] == f"round {rnd} by {wins[0]}"
        # every loser was shown the winner's row, not silently overwritten
        assert all(c.current["text"] == now["text"] for c in conflicts if c.current)


def test_cc002_retrying_writers_lose_no_update(store):
    """20 writers each append their mark, re-reading on conflict: all 20 marks survive."""
    rid, evs = _review_with_events(store, 1)
    ann = store.annotations.add_annotation(LOCAL_OPERATOR, evs[0]["id"], "comment", "")
    attempts = []

    def write(i: int) -> None:
        while True:
            cur = store.annotations.list_annotations(LOCAL_OPERATOR, rid)[0]
            try:
                store.annotations.update_annotation(
                    LOCAL_OPERATOR, ann["id"], cur["version"], text=cur["text"] + f"[{i}]"
                )
                return
            except Conflict:
                attempts.append(i)

    assert _run_threads(20, write) == []
    final = store.annotations.list_annotations(LOCAL_OPERATOR, rid)[0]
    assert final["version"] == 21
    assert sorted(final["text"].strip("[]").split("][")) == sorted(str(i) for i in range(20))
    updates = [
        e
        for e in store.findings.audit_log(LOCAL_OPERATOR, rid)
        if e["action"] == "annotation.update"
    ]
    assert sorted(e["after"]["version"] for e in updates) == list(range(2, 22))


def test_cc003_thirty_writers_on_different_events_lose_nothing(store):
    rid, evs = _review_with_events(store, 30)
    v0 = store.reviews.review_version(LOCAL_OPERATOR, rid)

    def write(i: int) -> None:
        for k in range(5):
            store.annotations.add_annotation(
                LOCAL_OPERATOR, evs[i]["id"], "reflection", f"w{i} n{k}"
            )

    errors = _run_threads(30, write)
    assert errors == []  # in particular no "database is locked"
    by_event = store.annotations.annotations_by_event(LOCAL_OPERATOR, rid)
    for i, ev in enumerate(evs):
        assert sorted(a["text"] for a in by_event[ev["id"]]) == [f"w{i} n{k}" for k in range(5)]
    assert store.reviews.review_version(LOCAL_OPERATOR, rid) == v0 + 150


def _proc_writer(url: str, search_path: str | None, event_ids: list[int], tag: str) -> None:
    store = Store.open(url, search_path=search_path, migrate=False)
    for ev in event_ids:
        for k in range(5):
            store.annotations.add_annotation(LOCAL_OPERATOR, ev, "comment", f"{tag}-{ev}-{k}")
    store.close()


def test_cc004_writer_processes_lose_nothing(db):
    store = db.open()
    rid, evs = _review_with_events(store, 12)
    ctx = mp.get_context("spawn")
    procs = [
        ctx.Process(
            target=_proc_writer,
            args=(db.url, db.search_path, [e["id"] for e in evs[i::3]], f"p{i}"),
        )
        for i in range(3)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    texts = sorted(a["text"] for a in store.annotations.list_annotations(LOCAL_OPERATOR, rid))
    expected = sorted(f"p{i}-{e['id']}-{k}" for i in range(3) for e in evs[i::3] for k in range(5))
    assert texts == expected


def _killed_importer(url: str, search_path: str | None, review_id: int, started) -> None:
    store = Store.open(url, search_path=search_path, migrate=False)
    rows = [(date(2019, 1, 1) + timedelta(days=i), f"Contact {i}") for i in range(2000)]
    files = [
        make_import("Police", rows, file_name="police.xlsx"),
        make_import("School", rows[:500], file_name="school.xlsx"),
    ]

    def progress(i: int, _res: dict) -> None:
        started.set()  # the first file is written (uncommitted); wait to be killed
        time.sleep(300)

    store.records.import_results(LOCAL_OPERATOR, review_id, files, progress=progress)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_cc005_killed_import_leaves_the_review_as_before(db):
    store = db.open()
    rid, evs = _review_with_events(store, 3)
    store.annotations.add_annotation(LOCAL_OPERATOR, evs[0]["id"], "comment", "before the import")
    before = dump_review(store, LOCAL_OPERATOR, rid)
    ctx = mp.get_context("spawn")
    started = ctx.Event()
    proc = ctx.Process(target=_killed_importer, args=(db.url, db.search_path, rid, started))
    proc.start()
    assert started.wait(120), "the importer never reached the middle of its import"
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(30)
    assert proc.exitcode == -signal.SIGKILL
    assert dump_review(store, LOCAL_OPERATOR, rid) == before
    # and the review is writable again straight away
    store.annotations.add_annotation(LOCAL_OPERATOR, evs[1]["id"], "comment", "after")
    assert len(store.annotations.list_annotations(LOCAL_OPERATOR, rid)) == 2
