"""Same import output from two checkouts: every field of every record, its provenance
(raw cells included, in order), quarantined and skipped rows, notes and the file-level
fields, for a corpus of generated and sample files. A speed change to the importer must
leave this unchanged.

    python benchmarks/compare_import.py write FOLDER           # the corpus, written once
    python benchmarks/compare_import.py dump FOLDER OUT --root CHECKOUT
    python benchmarks/compare_import.py diff OUT_A OUT_B

`write` generates the corpus layouts (tests/corpus), family B, C and D files (usual and
unusual headers), the import benchmark's csv/xlsx and copies sample_data/ (plus any
folders given with --also). `dump` imports each file three ways (no hint, the agency
given, a review period) with the checkout at --root first on sys.path (run it with
PYTHONDONTWRITEBYTECODE=1 for a read-only checkout) and writes one line per file.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from datetime import date
from pathlib import Path

TODAY = date(2026, 1, 1)
PERIOD = (date(2016, 1, 1), date(2024, 12, 31))
HERE = Path(__file__).resolve().parents[1]


def write(folder: Path, also: list[str]) -> None:
    sys.path.insert(0, str(HERE))
    from benchmarks import bench_import, family_b, family_c, family_d
    from tests.corpus.layouts import all_layouts, write_layout

    folder.mkdir(parents=True, exist_ok=True)
    sub = folder / "corpus"
    sub.mkdir(exist_ok=True)
    for layout in all_layouts():
        write_layout(layout, sub)
    for seed, style in ((1, "narrative"), (2, "short"), (3, "mixed")):
        for headers in ("usual", "unusual"):
            for name, fam in (("b", family_b), ("c", family_c), ("d", family_d)):
                case = fam.generate(seed, n_events=120, style=style, n_agencies=8)
                fam.write_files(case, folder / f"family_{name}_{seed}_{headers}", headers=headers)
    shutil.copytree(HERE / "sample_data", folder / "sample_data", dirs_exist_ok=True)
    bench = folder / "bench"
    bench.mkdir(exist_ok=True)
    bench_import.CACHE = bench
    bench_import.build_files(3000)
    for i, src in enumerate(also):
        shutil.copytree(src, folder / f"also_{i}", dirs_exist_ok=True)


def _prov(p) -> list:
    return [p.file_name, p.file_sha256, p.sheet, repr(p.row), list(p.raw.items()), p.rows]


def _record(r) -> list:
    return [
        r.record_id,
        r.agency,
        repr(r.date),
        r.date_start.isoformat(),
        r.date_end.isoformat(),
        r.description,
        _prov(r.provenance),
        r.outcome,
        r.practitioner,
        r.source,
        r.reference,
        r.significance,
        r.event_type,
        list(r.extra.items()),
        [repr(i) for i in r.issues],
        r.status,
        type(r).__name__,
    ]


def _file(fi) -> dict:
    return {
        "head": [
            fi.file_name,
            fi.file_sha256,
            fi.agency,
            fi.agency_source,
            fi.sheet,
            fi.header_row,
            [repr(c) for c in fi.columns],
            fi.rows_read,
            fi.notes,
            fi.agency_evidence,
            list(fi.title_block.items()),
            list(fi.date_order.items()),
            fi.date_order_read,
            fi.date_order_by,
            fi.date_order_witness,
            fi.header_found,
            fi.accounted,
            fi.summary(),
        ],
        "records": [_record(r) for r in fi.records],
        "quarantined": [
            [q.agency, _prov(q.provenance), [repr(i) for i in q.issues], q.status, q.reason]
            for q in fi.quarantined
        ],
        "skipped": [repr(s) for s in fi.skipped],
    }


def dump(folder: Path, out: Path, root: str) -> None:
    sys.path.insert(0, str(Path(root).resolve()))
    from ingest import import_file
    from ingest.errors import IngestError

    files = sorted(
        p for p in folder.rglob("*") if p.is_file() and not p.name.endswith((".truth.csv", ".md"))
    )
    with out.open("w", encoding="utf-8") as fh:
        for path in files:
            for how, kwargs in (
                ("plain", {}),
                ("agency", {"agency": "Children's Social Care"}),
                ("period", {"period": PERIOD}),
            ):
                try:
                    got = _file(import_file(path, today=TODAY, **kwargs))
                except IngestError as exc:
                    got = {"error": str(exc)}
                except Exception as exc:  # noqa: BLE001 - a crash is an output too
                    got = {"crash": f"{type(exc).__name__}: {exc}"}
                line = {"file": str(path.relative_to(folder)), "how": how, **got}
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")


def diff(a: Path, b: Path) -> int:
    left = a.read_text(encoding="utf-8").splitlines()
    right = b.read_text(encoding="utf-8").splitlines()
    files = records = quarantined = skipped = errors = differ = 0
    for x, y in zip(left, right, strict=False):
        jx, jy = json.loads(x), json.loads(y)
        files += 1
        records += len(jx.get("records", ()))
        quarantined += len(jx.get("quarantined", ()))
        skipped += len(jx.get("skipped", ()))
        errors += "error" in jx or "crash" in jx
        if x != y:
            differ += 1
            for key in jx.keys() | jy.keys():
                if jx.get(key) != jy.get(key):
                    xs, ys = jx.get(key) or [], jy.get(key) or []
                    first = next(
                        (i for i, (u, v) in enumerate(zip(xs, ys, strict=False)) if u != v),
                        min(len(xs), len(ys)),
                    )
                    print(f"DIFF {jx['file']} ({jx['how']}) {key}[{first}]:")
                    print("  a:", str(xs[first : first + 1])[:600])
                    print("  b:", str(ys[first : first + 1])[:600])
    if len(left) != len(right):
        print(f"DIFF: {len(left)} imports against {len(right)}")
        differ += 1
    print(
        f"{files} imports compared ({files // 3} files x 3 ways): {records} records, "
        f"{quarantined} quarantined, {skipped} skipped rows, {errors} refused; "
        f"{differ} differ"
    )
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("step", choices=("write", "dump", "diff"))
    ap.add_argument("paths", nargs=2 if "diff" in sys.argv or "dump" in sys.argv else 1)
    ap.add_argument("--root", default=str(HERE))
    ap.add_argument("--also", action="append", default=[])
    args = ap.parse_args()
    if args.step == "write":
        write(Path(args.paths[0]), args.also)
        return 0
    if args.step == "dump":
        dump(Path(args.paths[0]), Path(args.paths[1]), args.root)
        return 0
    return diff(Path(args.paths[0]), Path(args.paths[1]))


if __name__ == "__main__":
    raise SystemExit(main())
