"""Print each case's figures and the CPU time to generate it (files written and read back).

python -m benchmarks.family_f [seeds...] [--dense] [--style short|narrative|mixed]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from . import generate, true_pairs


def figures(case) -> dict[str, int]:
    recorders = Counter()
    agencies_of: dict[str, set[str]] = {}
    for rid, ev in case.truth.items():
        agencies_of.setdefault(ev, set()).add(case.rows[rid].agency)
        recorders[ev] += 1
    roles = Counter(r.role for r in case.rows.values())
    return {
        "events": len(case.events),
        "records": len(case.records),
        "multi-agency events": sum(1 for a in agencies_of.values() if len(a) > 1),
        "cross-agency pairs": len(true_pairs(case)),
        "same-agency pairs": len(true_pairs(case, cross_agency=False)) - len(true_pairs(case)),
        "look-alikes": sum(1 for e in case.events if e.trap_of),
        "related rows": len(case.related),
        "told rows": roles["told"],
        "late / split / addendum / copy": roles["late"]
        + roles["split"]
        + roles["addendum"]
        + roles["copy"],
        "quarantined": len(case.quarantined),
        "lost rows": len(case.lost),
        "unread files": len(case.unread),
    }


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.family_f")
    ap.add_argument("seeds", nargs="*", type=int, default=[1, 2, 3])
    ap.add_argument("--dense", action="store_true", help="20,000 events, 10 agencies, 12 years")
    ap.add_argument("--style", default="narrative", choices=("short", "narrative", "mixed"))
    args = ap.parse_args()
    size = dict(n_events=20_000, n_agencies=10, years=12) if args.dense else {}
    for seed in args.seeds:
        t0 = time.process_time()
        case = generate(seed, style=args.style, **size)
        cpu = time.process_time() - t0
        figs = ", ".join(f"{k} {v}" for k, v in figures(case).items())
        print(f"seed {seed} ({case.nation}, {args.style}): {figs}; CPU {cpu:.2f} s")


if __name__ == "__main__":
    main()
