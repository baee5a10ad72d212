"""Import speed: a generated 50,000-row .xlsx and .csv, imported in full (reading, header
detection, mapping, date parsing, validation), against bare pandas reads of the same
files in the same run.

Targets (issue 10): xlsx in at most 0.5x the time of pandas.read_excel (openpyxl engine)
on the same file in the same run; csv >= 150,000 rows/s. Figures depend on the machine's
load: compare the ratio, which is measured in the same run.
With --store, also the user's whole step for the csv: imported and saved into a new SQLite
review (timeline.store), once, so that work moved from the import to the save shows.
Run: python benchmarks/bench_import.py [--rows N] [--repeat R] [--store]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from ingest import import_file  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"
HEADER = ["Date", "Time", "Event / Contact", "Outcome / Action", "Worker", "Reference"]
EVENTS = [
    "Home visit, child seen",
    "Strategy discussion with police",
    "Core group meeting",
    "Phone call from school DSL",
    "ED attendance, head injury",
    "WNB to clinic",
    "DA incident reported, DASH medium",
    "ICPC held, CP plan neglect",
]


def make_rows(n: int, seed: int = 7) -> list[list[object]]:
    rnd = random.Random(seed)
    start = date(2018, 1, 1)
    rows = []
    for i in range(n):
        d = start + timedelta(days=rnd.randrange(0, 1500))
        rows.append(
            [
                d,
                f"{rnd.randrange(0, 24):02d}:{rnd.randrange(0, 60):02d}",
                f"{rnd.choice(EVENTS)} ({i})",
                rnd.choice(["NFA", "Plan reviewed", ""]),
                f"SW{rnd.randrange(1, 30)}",
                f"R{i:06d}",
            ]
        )
    return rows


def build_files(n: int) -> tuple[Path, Path]:
    CACHE.mkdir(exist_ok=True)
    xlsx, csv_path = CACHE / f"bench_{n}.xlsx", CACHE / f"bench_{n}.csv"
    if not xlsx.exists() or not csv_path.exists():
        rows = make_rows(n)
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("Chronology")
        ws.append(["Children's Social Care chronology"])  # a title row, as agencies do
        ws.append(HEADER)
        for r in rows:
            ws.append(r)
        wb.save(xlsx)
        with csv_path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(HEADER)
            for r in rows:
                w.writerow([r[0].strftime("%d/%m/%Y"), *r[1:]])
    return xlsx, csv_path


CPU: dict[str, float] = {}  # step -> best CPU seconds of this process (load-independent-ish)


def best_of(repeat: int, fn, name: str = "") -> float:
    """Best wall-clock seconds of `repeat` runs; the best CPU seconds go to CPU[name]: on a
    shared, loaded machine wall-clock time mostly measures the other processes."""
    times, cpu = [], []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    if name:
        CPU[name] = min(cpu)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--store", action="store_true", help="also import and save into SQLite")
    args = ap.parse_args()
    xlsx, csv_path = build_files(args.rows)
    n = args.rows
    today = date(2026, 1, 1)

    def ours(path: Path) -> None:
        result = import_file(path, agency="Children's Social Care", today=today)
        assert len(result.records) == n and result.accounted, result.summary()

    figures = {}
    figures["pandas.read_csv"] = best_of(
        args.repeat, lambda: pd.read_csv(csv_path), "pandas.read_csv"
    )
    figures["import csv"] = best_of(args.repeat, lambda: ours(csv_path), "import csv")
    figures["pandas.read_excel"] = best_of(
        args.repeat, lambda: pd.read_excel(xlsx, header=1, engine="openpyxl"), "pandas.read_excel"
    )
    figures["import xlsx"] = best_of(args.repeat, lambda: ours(xlsx), "import xlsx")

    print(f"{n} rows, best of {args.repeat} runs")
    print(f"{'step':<20}{'seconds':>10}{'rows/s':>12}{'cpu s':>10}{'rows/cpu s':>12}")
    for name, secs in figures.items():
        cpu = CPU.get(name) or secs
        print(f"{name:<20}{secs:>10.3f}{n / secs:>12,.0f}{cpu:>10.3f}{n / cpu:>12,.0f}")
    csv_ratio = figures["import csv"] / figures["pandas.read_csv"]
    xlsx_ratio = figures["import xlsx"] / figures["pandas.read_excel"]
    csv_rate = n / figures["import csv"]
    csv_cpu = CPU.get("import csv") or figures["import csv"]
    csv_cpu_rate = n / csv_cpu
    print(
        f"csv:  import / pandas.read_csv   = {csv_ratio:.2f}x; {csv_rate:,.0f} rows/s "
        f"(target >= 150,000 rows/s: {'met' if csv_rate >= 150_000 else 'NOT met'}); "
        f"{csv_cpu_rate:,.0f} rows per CPU second, {csv_cpu * 50_000 / n:.3f} CPU s per 50k "
        f"rows (less load-dependent; <= 0.27 s keeps a quarter in hand)"
    )
    print(
        f"xlsx: import / pandas.read_excel = {xlsx_ratio:.2f}x "
        f"(target <= 0.5x: {'met' if xlsx_ratio <= 0.5 else 'NOT met'})"
    )
    if args.store:
        store_step(csv_path, n, today)
    return 0


def store_step(csv_path: Path, n: int, today: date) -> None:
    """The csv imported and saved into a new SQLite review: CPU and wall seconds of each."""
    from timeline.store import LOCAL_OPERATOR, Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
        review = store.reviews.create_review(LOCAL_OPERATOR, "Import benchmark (fictional)")
        c0, t0 = time.process_time(), time.perf_counter()
        result = import_file(csv_path, agency="Children's Social Care", today=today)
        c1, t1 = time.process_time(), time.perf_counter()
        store.records.import_results(LOCAL_OPERATOR, review, [result])
        c2, t2 = time.process_time(), time.perf_counter()
        store.close()
    print(
        f"csv into a SQLite review ({n} records): import {c1 - c0:.2f} CPU s "
        f"({t1 - t0:.2f} s), save {c2 - c1:.2f} CPU s ({t2 - t1:.2f} s), "
        f"total {c2 - c0:.2f} CPU s ({t2 - t0:.2f} s)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
