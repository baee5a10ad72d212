"""`python -m timeline export REVIEW --format xlsx|csv|docx|png|svg [--publication]
[--names FILE.csv] -o FILE`: write an export of a stored review, as the local operator.

The export is recorded in the review's audit log. A publication copy replaces the names
list's terms in every text and is refused (no file written) if any term survives. Without
`--names` it uses the names list saved for the review in the app.
"""

from __future__ import annotations

import argparse
import sys

from timeline.store import LOCAL_OPERATOR, Store, StoreError


def add_parser(sub: argparse._SubParsersAction) -> None:
    from timeline.export import FORMATS

    p = sub.add_parser(
        "export",
        help="export a review: chronology (xlsx, csv), report (docx), timeline (png, svg)",
        description="Export a stored review. xlsx: the integrated chronology (events, source "
        "records, quarantined rows); csv: its event table; docx: the learning review report; "
        "png/svg: the timeline figure.",
    )
    p.add_argument("review", metavar="REVIEW", help="review id (or a unique title)")
    p.add_argument("--format", required=True, choices=FORMATS, dest="fmt")
    p.add_argument(
        "--publication",
        action="store_true",
        help="the publication copy: apply the names list and refuse if a term survives",
    )
    p.add_argument(
        "--names",
        metavar="FILE.csv",
        help="names list with columns term,replacement (default: the review's saved list)",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from timeline.export import ExportError, NoNamesList, export_review, read_names_csv
    from timeline.store.cli import _review_id

    try:
        names = read_names_csv(args.names) if args.names else None
        store = Store.open()
        try:
            rid = _review_id(store, args.review)
            result = export_review(
                store,
                LOCAL_OPERATOR,
                rid,
                args.fmt,
                args.output,
                publication=args.publication,
                names=names,
            )
        finally:
            store.close()
    except NoNamesList as exc:
        print(
            f"error: {exc}: give --names FILE.csv, or save the list on the app's exports page",
            file=sys.stderr,
        )
        return 2
    except (ExportError, StoreError, OSError, ValueError) as exc:  # NamesListError is one
        print(f"error: {exc}", file=sys.stderr)
        return 2
    kind = "publication copy" if result.publication else "export"
    print(
        f"wrote {result.path} ({kind}, {result.format}): {result.events} events, "
        f"{result.records} records, {result.quarantined} quarantined rows"
    )
    return 0
