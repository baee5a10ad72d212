"""python -m benchmarks.family_d [seeds] [--dense]: a case's figures per seed and style."""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict

from . import STYLES, generate


def figures(case) -> dict[str, float]:
    recs = case.records
    n_rows = len(recs)
    by_event: dict[int, set[str]] = defaultdict(set)
    for r in recs:
        by_event[case.truth[r.record_id]].add(r.agency)
    n_events = len(by_event)
    look = {e.id for e in case.events if e.trap_of is not None} | {
        e.trap_of for e in case.events if e.trap_of is not None
    }
    look &= set(by_event)
    per_day = Counter(e.day for e in case.events if e.id in by_event)
    busy = sum(1 for e in case.events if e.id in by_event and per_day[e.day] >= 3)
    roles = Counter(row.role for row in case.rows.values())
    told = Counter(row.told for row in case.rows.values())
    splits = sum(1 for row in case.rows.values() if row.part)
    dups = sum(1 for r in recs if any(i.code == "duplicate_row" for i in r.issues))
    prec = Counter(r.date.precision for r in recs)
    trap_rows = sum(1 for r in recs if case.truth[r.record_id] in look)
    return {
        "records": n_rows,
        "events": n_events,
        "records per event": n_rows / n_events,
        "multi-agency events %": 100 * sum(1 for a in by_event.values() if len(a) > 1) / n_events,
        "related rows %": 100 * len(case.related) / n_rows,
        "look-alike events %": 100 * len(look) / n_events,
        "look-alike rows %": 100 * trap_rows / n_rows,
        "notification rows %": 100 * told["N"] / n_rows,
        "events on busy days %": 100 * busy / n_events,
        "second rows (D) %": 100 * told["D"] / n_rows,
        "exact duplicates %": 100 * dups / n_rows,
        "split second rows %": 100 * splits / n_rows,
        "month-only %": 100 * prec["month"] / n_rows,
        "week %": 100 * prec["week"] / n_rows,
        "with a time %": 100 * prec["exact"] / n_rows,
        "reports (R) %": 100 * roles["R"] / n_rows,
        "other follow-ups (F) %": 100 * roles["F"] / n_rows,
    }


def main(argv: list[str]) -> None:
    dense = "--dense" in argv
    seeds = [int(a) for a in argv if not a.startswith("--")] or [1]
    for seed in seeds:
        for style in ("narrative",) if dense else STYLES:
            t0 = time.process_time()
            case = (
                generate(seed, n_events=20000, n_agencies=10, years=12, style=style)
                if dense
                else generate(seed, style=style)
            )
            cpu = time.process_time() - t0
            f = figures(case)
            print(
                f"seed {seed} {style} ({case.family.nation}, {len(case.agencies)} agencies, "
                f"{case.period[0]:%d %b %Y} - {case.period[1]:%d %b %Y}), generate {cpu:.2f} s CPU"
            )
            for k, v in f.items():
                print(f"  {k:26s} {v:10.2f}" if isinstance(v, float) else f"  {k:26s} {v:10d}")


if __name__ == "__main__":
    main(sys.argv[1:])
