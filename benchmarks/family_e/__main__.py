"""python -m benchmarks.family_e [seeds] [--dense]: each case's figures and the CPU time
to generate it (files written and read back through the importer included)."""

from __future__ import annotations

import sys
import time
from collections import Counter

from . import generate, true_pairs


def describe(case, cpu: float) -> str:
    roles = Counter(case.rows[r.record_id].role for r in case.records)
    told = Counter(case.rows[r.record_id].told for r in case.records)
    multi = Counter(len(e.recorders) for e in case.events)
    traps = sum(1 for e in case.events if e.trap_of is not None)
    meetings = sum(1 for e in case.events if e.is_meeting)
    follow = sum(1 for e in case.events if e.meeting is not None)
    wrong_day = sum(
        1
        for r in case.records
        if case.rows[r.record_id].role != "M" and r.date.start != case.rows[r.record_id].day
    )
    lines = [
        f"seed {case.seed!r}: style {case.style}, {len(case.agencies)} agencies, "
        f"{case.period[0]:%d %b %Y} - {case.period[1]:%d %b %Y}",
        f"  events {len(case.events)} (meetings {meetings}, reports/follow-ups {follow}, "
        f"look-alikes {traps}); recorders per event {dict(sorted(multi.items()))}",
        f"  records {len(case.records)} (quarantined rows {case.quarantined}); "
        f"roles {dict(sorted(roles.items()))}; told {dict(sorted(told.items()))}",
        f"  true pairs: cross-agency {len(true_pairs(case))}, "
        f"with same-agency {len(true_pairs(case, cross_agency=False))}; "
        f"related rows {len(case.related)}; dates read off their written day {wrong_day}",
        *(f"  file not read: {u}" for u in case.unread),
        f"  CPU to generate {cpu:.2f} s",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    dense = "--dense" in argv
    seeds = [a for a in argv if not a.startswith("--")] or ["1", "2", "3"]
    for seed in seeds:
        t0 = time.process_time()
        if dense:
            case = generate(seed, n_events=20000, n_agencies=10, years=12, style="narrative")
        else:
            case = generate(seed)
        print(describe(case, time.process_time() - t0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
