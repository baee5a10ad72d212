"""Figures of family C cases: python -m benchmarks.family_c [seed ...] [--dense]."""

from __future__ import annotations

import sys
import time
from collections import Counter

from benchmarks.family_c import Case, generate, true_pairs


def figures(case: Case) -> dict[str, float]:
    """What a case holds, as shares: of events, of records."""
    n_ev, n_rec = len(case.events), len(case.records)
    agencies: dict[str, set[str]] = {}
    for r in case.records:
        agencies.setdefault(case.truth[r.record_id], set()).add(r.agency)
    roles = Counter(row.told for row in case.rows.values())
    precision = Counter(r.date.precision for r in case.records)
    traps = {e.eid for e in case.events if e.trap_of}
    per_day = Counter(e.day for e in case.events)
    return {
        "events": n_ev,
        "records": n_rec,
        "records per event": n_rec / n_ev,
        "multi-agency events": sum(len(s) > 1 for s in agencies.values()) / n_ev,
        "related rows": len(case.related) / n_rec,
        "look-alike events (near-duplicate traps)": len(traps) / n_ev,
        "rows of look-alike events": sum(case.truth[r] in traps for r in case.truth) / n_rec,
        "events on busy days (3+ events that day)": sum(per_day[e.day] >= 3 for e in case.events)
        / n_ev,
        "notification rows": roles["N"] / n_rec,
        "duplicate rows within an agency": roles["D"] / n_rec,
        "split entries (second rows)": sum(r.part for r in case.rows.values()) / n_rec,
        "month-only dates": precision["month"] / n_rec,
        "week dates": precision["week"] / n_rec,
        "rows with a time": precision["exact"] / n_rec,
        "cross-agency true pairs": len(true_pairs(case)),
    }


def main(argv: list[str]) -> None:
    dense = "--dense" in argv
    seeds = [int(a) for a in argv if not a.startswith("--")] or [1, 2, 3]
    for seed in seeds:
        for style in ("narrative", "short", "mixed"):
            kw = {"n_events": 20000, "n_agencies": 10, "years": 12} if dense else {}
            t0 = time.process_time()
            case = generate(seed, style=style, **kw)
            cpu = time.process_time() - t0
            print(f"seed {seed} {style} {kw or 'defaults'}: {cpu:.1f} s CPU")
            for k, v in figures(case).items():
                print(f"  {k}: {v:.3f}" if isinstance(v, float) else f"  {k}: {v}")


if __name__ == "__main__":
    main(sys.argv[1:])
