"""`python -m timeline profile save ...`: write an agency's import profile (JSON).

The reviewer's correction of a column mapping, saved once and reused by every later
import of that agency's files (`import --profiles-dir DIR` or `--profile FILE`).
"""

from __future__ import annotations

import argparse
import sys

from ingest.columns import FIELDS
from ingest.profiles import AgencyProfile, ProfileError, save_profile


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("profile", help="save an agency's import profile (column mapping)")
    psub = p.add_subparsers(dest="profile_command", required=True, metavar="ACTION")
    s = psub.add_parser(
        "save",
        help="write <DIR>/<agency>.json",
        description=f"Fields: {', '.join(FIELDS)}. Map a header to '' to ignore it.",
    )
    s.add_argument("--agency", required=True, help="the agency the profile is for")
    s.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="map a header to a field; repeatable",
    )
    s.add_argument("--sheet", help="the chronology sheet, when content alone is not enough")
    s.add_argument("--header-row", type=int, help="the header's row number (1-based)")
    s.add_argument("--file-pattern", help="apply to file names matching this glob")
    s.add_argument(
        "--date-order",
        choices=["day-first", "month-first"],
        help="read this agency's numeric dates in this order, whatever the file suggests",
    )
    s.add_argument("-o", "--output-dir", required=True, metavar="DIR")
    s.set_defaults(handler=run_save)


def run_save(args: argparse.Namespace) -> int:
    columns = {}
    for pair in args.column:
        header, sep, field = pair.rpartition("=")
        if not sep or not header:
            print(f"error: --column '{pair}' must be HEADER=FIELD", file=sys.stderr)
            return 2
        columns[header] = field.strip()
    profile = AgencyProfile(
        agency=args.agency,
        columns=columns,
        sheet=args.sheet,
        header_row=args.header_row,
        file_pattern=args.file_pattern,
        date_order=args.date_order,
    )
    try:
        path = save_profile(profile, args.output_dir)
    except ProfileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(path)
    return 0
