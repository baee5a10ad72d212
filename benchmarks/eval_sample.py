"""Held-out check of the matcher on the fictional sample review in sample_data/.

    python benchmarks/eval_sample.py [--quiet]

Imports every agency file (as tests/test_sample_import.py does), matches the records and
prints pairwise precision, recall and F1 against sample_data/truth.csv, then every false
merge and every missed pair (agency, date, text) so a person can see why.

The sample is HELD OUT: no weight or threshold is ever fitted on it (365 rows would be
overfitted at once). It shows what the generator lacks; the generator is then fixed and
the matcher recalibrated on generated data.
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest import import_file  # noqa: E402
from ingest.records import SourceRecord  # noqa: E402

SAMPLE = ROOT / "sample_data"
PERIOD = (date(2019, 1, 1), date(2021, 11, 22))
TODAY = date(2026, 11, 26)
AGENCY_FILES = (
    "Chronology - Childrens Services FINAL.xlsx",
    "GP Surgery chronology.csv",
    "Hospital Trust - ED attendances.xlsx",
    "Housing chronology (Brackenford Homes).xlsx",
    "Police_chronology.csv",
    "hv chron v2.docx",
    "school_chron.xlsx",
)


def load_sample() -> tuple[list[SourceRecord], dict[str, str]]:
    """The sample's imported records and record_id -> event_id from truth.csv.

    Records whose row has no event_id (the GP row with an empty description) get an event
    of their own, so they count as singletons.
    """
    truth_rows: dict[tuple[str, str, int], str] = {}
    with open(SAMPLE / "truth.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            truth_rows[(row["file"], row["sheet"], int(row["row"]))] = row["event_id"]
    records: list[SourceRecord] = []
    truth: dict[str, str] = {}
    for name in AGENCY_FILES:
        fi = import_file(SAMPLE / name, period=PERIOD, today=TODAY)
        for rec in fi.records:
            p = rec.provenance
            ev = truth_rows.get((p.file_name, p.sheet, p.row), "")
            records.append(rec)
            truth[rec.record_id] = ev or f"alone:{rec.record_id}"
    return records, truth


def pair_sets(
    groups: list[list[str]], truth: dict[str, str]
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    pred = {p for g in groups for p in combinations(sorted(g), 2)}
    by_event: dict[str, list[str]] = {}
    for rid, ev in truth.items():
        by_event.setdefault(ev, []).append(rid)
    true = {p for rids in by_event.values() for p in combinations(sorted(rids), 2)}
    return pred, true


def evaluate(config=None) -> dict[str, object]:  # noqa: ANN001
    """Match the sample; figures and the wrong pairs."""
    from timeline.matching import match_records

    records, truth = load_sample()
    res = match_records(records, config=config)
    groups = [ev.record_ids for ev in res.events]
    pred, true = pair_sets(groups, truth)
    tp = len(pred & true)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(true) if true else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "records": records,
        "truth": truth,
        "predicted": len(pred),
        "true": len(true),
        "tp": tp,
        "precision": p,
        "recall": r,
        "f1": f1,
        "false_merges": sorted(pred - true),
        "missed": sorted(true - pred),
    }


def _line(rec: SourceRecord) -> str:
    d = rec.date
    when = d.start.isoformat() if d.start == d.end else f"{d.start}..{d.end}"
    text = " ".join(f"{rec.description} | {rec.outcome}".split())[:110]
    return f"{rec.agency[:14]:14} {when:22} {text}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args()
    out = evaluate()
    by_id = {r.record_id: r for r in out["records"]}
    print(
        f"records {len(by_id)}; pairwise: predicted {out['predicted']} pairs, "
        f"true {out['true']}, true positives {out['tp']} -> precision "
        f"{out['precision']:.3f}, recall {out['recall']:.3f}, F1 {out['f1']:.3f}"
    )
    if args.quiet:
        return
    truth = out["truth"]
    for title, pairs in (("FALSE MERGES", out["false_merges"]), ("MISSED", out["missed"])):
        print(f"\n{title} ({len(pairs)})")
        for x, y in sorted(pairs, key=lambda p: (by_id[p[0]].date.start, p)):
            print(f"  [{truth[x]}] {_line(by_id[x])}")
            print(f"  [{truth[y]}] {_line(by_id[y])}")
            print()


if __name__ == "__main__":
    main()
