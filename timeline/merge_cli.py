"""`python -m timeline merge FILE... -o OUT.csv|OUT.xlsx`: import and match agency files.

One row per source record; records that share a `merged_id` are judged one event.
Quarantined rows are written too, with an empty merged_id, status `quarantined` and the
reason. The output does not depend on the order the files are named in.
"""

from __future__ import annotations

import argparse
import sys

from ingest.profiles import ProfileError
from ingest.records import FileImport
from timeline.import_cli import add_import_arguments, check_output, import_all, report
from timeline.matching import MatchConfig, MatchResult, match_records
from timeline.tabular import write_rows

MERGE_COLUMNS = [
    "merged_id",
    "event_date",
    "record_date",
    "agency",
    "description",
    "outcome",
    "source_file",
    "source_sheet",
    "source_row",
    "match_confidence",
    "records_in_event",
    "status",
    "issues",
    "record_id",
]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "merge",
        help="import agency chronologies and merge the events several agencies recorded",
        description="Import agency chronologies and write one row per source record; "
        "records sharing a merged_id are one event.",
    )
    add_import_arguments(p)
    p.add_argument("-o", "--output", required=True, help="OUT.csv or OUT.xlsx")
    p.set_defaults(handler=run)


def _fmt_day(d) -> str:  # noqa: ANN001 - a date
    return d.strftime("%d/%m/%Y")


def merged_rows(results: list[FileImport], result: MatchResult) -> list[dict[str, object]]:
    """Rows for the output table, in a stable order (event date, event, agency, record)."""
    by_id = {r.record_id: r for fi in results for r in fi.records}
    rows: list[dict[str, object]] = []
    for ev in result.events:
        members = [by_id[rid] for rid in ev.record_ids]
        event_date = min(r.date.start for r in members)
        for rec in members:
            rows.append(
                {
                    "merged_id": ev.merged_id,
                    "event_date": _fmt_day(event_date),
                    "record_date": _fmt_day(rec.date.start)
                    + ("" if rec.date.end == rec.date.start else " - " + _fmt_day(rec.date.end)),
                    "agency": rec.agency,
                    "description": rec.description,
                    "outcome": rec.outcome,
                    "source_file": rec.provenance.file_name,
                    "source_sheet": rec.provenance.sheet,
                    "source_row": rec.provenance.row,
                    "match_confidence": f"{ev.confidence:.2f}",
                    "records_in_event": len(members),
                    "status": rec.status,
                    "issues": "; ".join(i.message for i in rec.issues),
                    "record_id": rec.record_id,
                    "_key": (event_date, ev.merged_id, rec.agency, rec.record_id),
                }
            )
    rows.sort(key=lambda r: r["_key"])  # type: ignore[arg-type, return-value]
    quarantined = []
    for fi in results:
        for q in fi.quarantined:
            quarantined.append(
                {
                    "merged_id": "",
                    "agency": q.agency,
                    "source_file": q.provenance.file_name,
                    "source_sheet": q.provenance.sheet,
                    "source_row": q.provenance.row,
                    "description": q.provenance.raw.get("description", "")
                    or " | ".join(v for v in q.provenance.raw.values() if v),
                    "status": "quarantined",
                    "issues": q.reason,
                    "_key": (q.provenance.file_name, q.provenance.sheet, q.provenance.row),
                }
            )
    quarantined.sort(key=lambda r: r["_key"])  # type: ignore[arg-type, return-value]
    out = rows + quarantined
    for r in out:
        r.pop("_key", None)
    return out


def run(args: argparse.Namespace) -> int:
    try:
        check_output(args.output)
        results, failures = import_all(args)
    except (ValueError, ProfileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    records = [r for fi in results for r in fi.records]
    result = match_records(records, config=MatchConfig())
    write_rows(args.output, MERGE_COLUMNS, merged_rows(results, result))
    report(results, failures)
    multi = sum(1 for ev in result.events if len(ev.record_ids) > 1)
    print(
        f"wrote {len(records)} records in {len(result.events)} events ({multi} recorded by "
        f"several agencies; {len(result.queue)} pairs to review) to {args.output}",
        file=sys.stderr,
    )
    return 1 if failures else 0
