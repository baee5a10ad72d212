"""Store benchmark (issue 4): import, match and save a 20,000-record review; then 30
simulated users each writing an annotation every second (every fifth write an edit of a
shared annotation, retried on conflict) for 60 s. Prints writes/s, p50 and p95 latency,
conflicts and lost updates (must be 0), for SQLite and, when reachable, PostgreSQL.

Run: python benchmarks/bench_store.py [--records N] [--users U] [--seconds S]

With --save N, only the save of one N-row csv (default 50,000) into a new review (then of its
new version lacking the first tenth of the rows, replacing it: "replace"), old code
against new in the same run: each measurement is a fresh process that reads the csv and
times `Records.import_results` (CPU s of the process, and wall s), alternating this checkout
with the store code of --baseline (a git ref, extracted with `git archive` into a temporary
folder; default 23fc9a5, the ORM unit-of-work save), --repeat times per backend. Prints the
medians, the spread and the baseline/new ratio, for SQLite and, when reachable, PostgreSQL.
Run: python benchmarks/bench_store.py --save 50000 [--repeat 3] [--baseline REF]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sqlalchemy import create_engine, text  # noqa: E402

from ingest import import_file  # noqa: E402
from timeline.store import LOCAL_OPERATOR, Actor, Conflict, Store  # noqa: E402

AGENCIES = [
    "Police",
    "Children's Social Care",
    "Health Visiting",
    "GP",
    "Hospital",
    "School",
    "Housing",
    "Probation",
]
EVENTS = [
    "Home visit, child seen",
    "Strategy discussion",
    "Core group meeting",
    "Phone call from school DSL",
    "ED attendance",
    "WNB to clinic",
    "DA incident reported, DASH medium",
    "ICPC held",
]
PG_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def write_files(folder: Path, n: int) -> list[Path]:
    rnd = random.Random(11)
    per = n // len(AGENCIES)
    paths = []
    for agency in AGENCIES:
        path = folder / f"{agency.replace(' ', '_').replace(chr(39), '')}_chronology.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["Date", "Details of contact", "Outcome"])
            for i in range(per):
                d = date(2018, 1, 1) + timedelta(days=rnd.randrange(0, 1400))
                w.writerow([f"{d:%d/%m/%Y}", f"{rnd.choice(EVENTS)} ({agency[:3]} {i})", "NFA"])
        paths.append(path)
    return paths


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def baseline_writes(store: Store, n: int = 200) -> list[float]:
    """Latency of the cheapest durable write on this engine: one row, one transaction."""
    with store.engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS bench_baseline (x VARCHAR(50))"))
    out = []
    for i in range(n):
        start = time.perf_counter()
        with store.engine.begin() as conn:
            conn.execute(text("INSERT INTO bench_baseline (x) VALUES (:x)"), {"x": f"row {i}"})
        out.append(time.perf_counter() - start)
    return out


def bench(label: str, store: Store, files: list[Path], users: int, seconds: float) -> None:
    t0 = time.perf_counter()
    imports = [import_file(p, agency=a) for p, a in zip(files, AGENCIES, strict=True)]
    t1 = time.perf_counter()
    rid = store.reviews.create_review(LOCAL_OPERATOR, f"Benchmark review {label} (fictional)")
    store.records.import_results(LOCAL_OPERATOR, rid, imports)
    t2 = time.perf_counter()
    matched = "matcher not available: singleton events"
    try:
        counts = store.records.run_matching(LOCAL_OPERATOR, rid)
        matched = f"{counts['events']} events"
    except ImportError:
        pass
    t3 = time.perf_counter()
    events = [e["id"] for e in store.records.list_events(LOCAL_OPERATOR, rid)]
    n_records = sum(len(i.records) for i in imports)
    print(
        f"[{label}] {n_records} records: read {t1 - t0:.2f} s, save {t2 - t1:.2f} s, "
        f"match+save {t3 - t2:.2f} s ({matched})"
    )

    actors = []
    for i in range(users):
        u = store.reviews.create_user(
            LOCAL_OPERATOR, f"bench{i}-{uuid.uuid4().hex[:6]}@example.org", f"User {i}", None
        )
        store.reviews.add_member(LOCAL_OPERATOR, rid, u["email"], "facilitator")
        actors.append(Actor.user(u["id"], u["email"]))
    shared = [
        store.annotations.add_annotation(LOCAL_OPERATOR, events[k], "comment", "")["id"]
        for k in range(5)
    ]
    latencies: list[float] = []
    added: list[int] = []
    edits: dict[int, list[tuple[int, str]]] = {a: [] for a in shared}
    conflicts = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def user(i: int) -> None:
        rnd = random.Random(i)
        n = 0
        next_at = time.perf_counter() + rnd.random()
        while True:
            time.sleep(max(0.0, next_at - time.perf_counter()))
            if time.perf_counter() >= stop:
                return
            next_at += 1.0
            n += 1
            start = time.perf_counter()
            if n % 5 == 0:
                ann = rnd.choice(shared)
                while True:
                    cur = store.annotations.get_annotation(actors[i], ann)
                    mark = f"u{i}n{n}"
                    try:
                        new = store.annotations.update_annotation(
                            actors[i], ann, cur["version"], text=mark
                        )
                        with lock:
                            edits[ann].append((new["version"], mark))
                        break
                    except Conflict:
                        with lock:
                            conflicts[0] += 1
            else:
                a = store.annotations.add_annotation(
                    actors[i], rnd.choice(events), "reflection", f"u{i}n{n}"
                )
                with lock:
                    added.append(a["id"])
            with lock:
                latencies.append(time.perf_counter() - start)

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    t4 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t4

    final = {a["id"]: a for a in store.annotations.list_annotations(LOCAL_OPERATOR, rid)}
    lost = sum(1 for a in added if a not in final)
    for ann, done in edits.items():
        if not done:
            continue
        versions = sorted(v for v, _ in done)
        last_text = max(done)[1]
        expected = list(range(2, 2 + len(done)))
        if versions != expected or final[ann]["text"] != last_text:
            lost += 1
    base = baseline_writes(store)
    writes = len(latencies)
    print(
        f"[{label}] {users} users x {seconds:.0f} s: {writes} writes, "
        f"{writes / elapsed:.1f} writes/s, p50 {1000 * pct(latencies, 0.5):.1f} ms, "
        f"p95 {1000 * pct(latencies, 0.95):.1f} ms, max {1000 * max(latencies):.1f} ms, "
        f"conflicts {conflicts[0]} (retried), lost updates {lost}"
    )
    print(
        f"[{label}] mean write latency {1000 * statistics.fmean(latencies):.1f} ms; baseline "
        f"(bare one-row INSERT + COMMIT, same engine, same run) p50 {1000 * pct(base, 0.5):.2f}"
        f" ms: service/baseline p50 ratio {pct(latencies, 0.5) / pct(base, 0.5):.1f}"
    )


# What the baseline's store needs of its checkout (the schema comes from its migrations).
BASELINE_PATHS = ["ingest", "timeline", "migrations", "alembic.ini"]
# Run in a fresh process whose working directory is the checkout being measured.
SAVE_CHILD = """
import json, os, sys, tempfile, time, uuid
from datetime import date
from pathlib import Path
from sqlalchemy import create_engine, text
from ingest import import_file
from timeline.store import LOCAL_OPERATOR, Store
csv_path, backend, pg_url = sys.argv[1:4]
fi = import_file(Path(csv_path), agency="Children's Social Care", today=date(2025, 1, 1))
with tempfile.TemporaryDirectory() as tmp:
    schema = None
    if backend == "sqlite":
        store = Store.open(f"sqlite:///{tmp}/save.db")
    else:
        schema = f"bench_save_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        admin = create_engine(pg_url)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        store = Store.open(pg_url, search_path=schema)
    try:
        rid = store.reviews.create_review(LOCAL_OPERATOR, "Save benchmark (fictional)")
        c0, t0 = time.process_time(), time.perf_counter()
        store.records.import_results(LOCAL_OPERATOR, rid, [fi])
        cpu, wall = time.process_time() - c0, time.perf_counter() - t0
        n = len(store.records.list_records(LOCAL_OPERATOR, rid))
        ev = len(store.records.list_events(LOCAL_OPERATOR, rid))
        # its new version without the first tenth of the rows: 90% kept, 10% withdrawn
        import dataclasses
        rest = fi.records[len(fi.records) // 10 :]
        fi2 = dataclasses.replace(fi, file_sha256="f" * 64, records=rest)
        sf = store.records.list_source_files(LOCAL_OPERATOR, rid)[0]["id"]
        c0, t0 = time.process_time(), time.perf_counter()
        store.records.import_results(LOCAL_OPERATOR, rid, [fi2], replaces={fi.file_name: sf})
        rcpu, rwall = time.process_time() - c0, time.perf_counter() - t0
    finally:
        store.close()
        if schema:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            admin.dispose()
out = {"cpu": cpu, "wall": wall, "records": n, "events": ev, "rcpu": rcpu, "rwall": rwall}
print(json.dumps(out))
"""


def write_save_csv(path: Path, n: int) -> None:
    rnd = random.Random(5)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Date", "Time", "Details of contact", "Outcome", "Worker", "Ref"])
        for i in range(n):
            d = date(2018, 1, 1) + timedelta(days=rnd.randrange(0, 1500))
            w.writerow(
                [
                    f"{d:%d/%m/%Y}",
                    f"{rnd.randrange(0, 24):02d}:{rnd.randrange(0, 60):02d}",
                    f"{rnd.choice(EVENTS)} ({i})",
                    rnd.choice(["NFA", "Plan reviewed", ""]),
                    f"SW{rnd.randrange(1, 30)}",
                    f"R{i:06d}",
                ]
            )


def save_once(code: Path, csv_path: Path, backend: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", SAVE_CHILD, str(csv_path), backend, PG_URL],
        cwd=code,
        capture_output=True,
        text=True,
    )
    if out.returncode:
        raise SystemExit(f"the save in {code} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_save(n: int, repeat: int, baseline: str) -> None:
    here = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        old = folder / "baseline"
        old.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(here), "archive", baseline, *BASELINE_PATHS],
            capture_output=True,
            check=True,
        )
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
        csv_path = folder / "save.csv"
        write_save_csv(csv_path, n)
        backends = ["sqlite"]
        try:
            admin = create_engine(PG_URL, connect_args={"connect_timeout": 3})
            with admin.connect() as conn:
                conn.execute(text("select 1"))
            admin.dispose()
            backends.append("postgresql")
        except Exception as exc:  # no server: say so, measure SQLite only
            print(f"[PostgreSQL] skipped: not reachable at {PG_URL} ({type(exc).__name__})")
        for backend in backends:
            runs: dict[str, list[dict]] = {"baseline": [], "new": []}
            for _ in range(repeat):  # alternate, so both see the same load
                runs["baseline"].append(save_once(old, csv_path, backend))
                runs["new"].append(save_once(here, csv_path, backend))
            for step, c, w in (("save", "cpu", "wall"), ("replace", "rcpu", "rwall")):
                med = {}
                for name, rs in runs.items():
                    cpu = [r[c] for r in rs]
                    wall = [r[w] for r in rs]
                    med[name] = statistics.median(cpu)
                    what = baseline if name == "baseline" else "this checkout"
                    print(
                        f"[{backend}] {step} {n} rows, {name:8} ({what}):"
                        f" CPU s median {med[name]:.2f} (min {min(cpu):.2f}, max {max(cpu):.2f}),"
                        f" wall s median {statistics.median(wall):.2f} (min {min(wall):.2f},"
                        f" max {max(wall):.2f}); stored {rs[0]['records']} records,"
                        f" {rs[0]['events']} events"
                    )
                ratio = med["baseline"] / med["new"]
                print(f"[{backend}] {step}: baseline/new CPU ratio {ratio:.1f}x")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=20_000)
    ap.add_argument("--users", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--save", type=int, nargs="?", const=50_000, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", default="23fc9a5")
    args = ap.parse_args()
    if args.save:
        bench_save(args.save, args.repeat, args.baseline)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = write_files(folder, args.records)
        store = Store.open(f"sqlite:///{folder / 'bench.db'}")
        bench("SQLite", store, files, args.users, args.seconds)
        store.close()
        schema = f"bench_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        try:
            admin = create_engine(PG_URL, connect_args={"connect_timeout": 3})
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        except Exception as exc:  # no server: say so and stop
            print(f"[PostgreSQL] skipped: not reachable at {PG_URL} ({type(exc).__name__})")
            return 0
        try:
            store = Store.open(PG_URL, search_path=schema)
            bench("PostgreSQL", store, files, args.users, args.seconds)
            store.close()
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
