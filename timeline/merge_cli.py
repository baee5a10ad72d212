"""`python -m timeline merge FILE... -o OUT.csv|OUT.xlsx`: import and match agency files.

One row per source record; records that share a `merged_id` are judged one event. A
meeting's paperwork (minutes received, outcome letter) is an event of its own whose
`follows_up_event` names the meeting's merged_id, with the reason in `relation`.
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
from timeline.records_table import quarantined_row, record_row, relation_fields
from timeline.tabular import write_rows

MERGE_COLUMNS = [
    "merged_id",
    "event_date",
    "agency",
    "record_date",
    "record_end",
    "date_precision",
    "event_time",
    "description",
    "outcome",
    "practitioner",
    "source_file",
    "source_sheet",
    "source_row",
    "match_confidence",
    "records_in_event",
    "follows_up_event",
    "relation",
    "followed_up_by",
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


def merged_rows(results: list[FileImport], result: MatchResult) -> list[dict[str, object]]:
    """Rows for the output table in a stable order: events by date (then id), records in
    an event by agency; quarantined rows last, by file, sheet and row."""
    by_id = {r.record_id: r for fi in results for r in fi.records}
    # a meeting's paperwork (minutes received, outcome letter): its own event, related
    event_of = {rid: ev.merged_id for ev in result.events for rid in ev.record_ids}
    related = relation_fields(result.relations, event_of)
    keyed: list[tuple[tuple, dict[str, object]]] = []
    for ev in result.events:
        members = [by_id[rid] for rid in ev.record_ids]
        event_date = min(r.date.start for r in members)
        for rec in members:
            row = record_row(rec)
            row.update(
                merged_id=ev.merged_id,
                event_date=event_date.isoformat(),
                record_date=row["event_date"],
                record_end=row["event_end"],
                match_confidence=f"{ev.confidence:.2f}",
                records_in_event=len(members),
            )
            row.update(related.get(rec.record_id, {}))
            keyed.append(((0, event_date, ev.merged_id, rec.agency, rec.record_id), row))
    for fi in results:
        desc = next((c.header for c in fi.columns if c.field == "description"), None)
        for q in fi.quarantined:
            row = quarantined_row(q, desc)
            row["merged_id"] = ""
            prov = q.provenance
            keyed.append(((1, prov.file_name, prov.sheet, prov.row), row))
    keyed.sort(key=lambda kr: kr[0])
    return [row for _, row in keyed]


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
