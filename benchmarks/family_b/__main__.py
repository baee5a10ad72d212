"""Describe a family-B case: what it holds, how hard it is, and how long it takes.

    python -m benchmarks.family_b                      # the default case
    python -m benchmarks.family_b --dense --write DIR  # 20,000 events, 10 agencies, 12 years

The "same day" baseline (every cross-agency pair of records dated the same day is one
event) shows how much the dates alone give away; generation time is printed against the
import of the written files, measured in the same run.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from benchmarks.family_b import generate, write_files


def _pairs(case) -> tuple[set, set]:
    """True cross-agency pairs, and same-day cross-agency pairs (the naive guess)."""
    by_event = defaultdict(list)
    by_day = defaultdict(list)
    for r in case.records:
        by_event[case.truth[r.record_id]].append(r)
        if r.date.start == r.date.end:
            by_day[r.date.start].append(r)
    true = {
        tuple(sorted((a.record_id, b.record_id)))
        for rs in by_event.values()
        for a, b in combinations(rs, 2)
        if a.agency != b.agency
    }
    guess = {
        tuple(sorted((a.record_id, b.record_id)))
        for rs in by_day.values()
        for a, b in combinations(rs, 2)
        if a.agency != b.agency
    }
    return true, guess


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--events", type=int, default=300)
    ap.add_argument("--agencies", type=int, default=5)
    ap.add_argument("--years", type=float, default=3)
    ap.add_argument("--style", default="narrative", choices=("narrative", "short", "mixed"))
    ap.add_argument("--dense", action="store_true", help="20,000 events, 10 agencies, 12 years")
    ap.add_argument("--write", metavar="DIR", nargs="?", const="", help="also write and import")
    args = ap.parse_args(argv)
    if args.dense:
        args.events, args.agencies, args.years = 20000, 10, 12

    t0, c0 = time.perf_counter(), time.process_time()
    case = generate(args.seed, args.events, args.agencies, args.years, args.style)
    gen_s, gen_cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    n_rec, n_ev = len(case.records), len(set(case.truth.values()))
    agencies = defaultdict(set)
    for r in case.records:
        agencies[case.truth[r.record_id]].add(r.agency)
    multi = [len(a) for a in agencies.values() if len(a) > 1]
    print(f"family B seed {args.seed}: {n_rec} records, {n_ev} events, {len(case.related)} related")
    print(f"  agencies: {', '.join(case.agencies)}; period {case.period[0]} to {case.period[1]}")
    print(
        f"  records per event {n_rec / n_ev:.2f}; multi-agency events {len(multi)}"
        f" with {sum(multi) / max(1, len(multi)):.2f} agencies on average"
    )
    kinds = Counter(e.kind for e in case.events)
    print("  kinds: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print(
        "  precisions: "
        + ", ".join(
            f"{k} {n}" for k, n in Counter(r.date.precision for r in case.records).most_common()
        )
    )
    roles = Counter(row.role for row in case.rows.values())
    print("  roles: " + ", ".join(f"{k} {n}" for k, n in roles.most_common()))
    true, guess = _pairs(case)
    hit = len(true & guess)
    p = hit / max(1, len(guess))
    r_ = hit / max(1, len(true))
    print(
        f"  cross-agency true pairs {len(true)}; same-day baseline: precision {p:.3f}"
        f" recall {r_:.3f} F1 {2 * p * r_ / max(1e-9, p + r_):.3f}"
    )
    sig = defaultdict(set)  # what a matcher sees of a record, without its provenance
    for r in case.records:
        sig[(r.agency, r.date, r.description, r.outcome)].add(case.truth[r.record_id])
    twins = sum(
        1 for r in case.records if len(sig[(r.agency, r.date, r.description, r.outcome)]) > 1
    )
    print(
        f"  records identical (agency, date, text) to a record of another event: {twins}"
        f" ({twins / max(1, n_rec):.1%}; no matcher can place these)"
    )
    print(f"  generate: {gen_s:.2f} s ({gen_cpu:.2f} s CPU), process peak RSS {peak:.0f} MB")

    if args.write is not None:
        from ingest import import_file

        folder = Path(args.write) if args.write else Path(tempfile.mkdtemp(prefix="family_b_"))
        t0 = time.perf_counter()
        files = write_files(case, folder)
        write_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        imported = sum(len(import_file(f).records) for f in files.files)
        import_s = time.perf_counter() - t0
        print(f"  write: {write_s:.2f} s to {folder}")
        print(
            f"  import (same run, baseline): {imported} records in {import_s:.2f} s;"
            f" generate / import = {gen_s / import_s:.2f}"
        )


if __name__ == "__main__":
    main()
