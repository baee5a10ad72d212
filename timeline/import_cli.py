"""`python -m timeline import FILE... -o OUT.csv|OUT.xlsx`: normalise agency files."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import ingest
from ingest import AgencyProfile, IngestError, load_profile
from ingest.dates import DateError, parse_date
from ingest.profiles import ProfileError, profiles_in
from ingest.records import FileImport
from timeline.records_table import RECORD_COLUMNS, rows_for
from timeline.settings import get_settings
from timeline.tabular import write_rows


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import agency chronologies and write the normalised records",
        description="Import agency chronologies (.xlsx, .csv, .docx) and write one row per "
        "record; rows that need attention are written too, with the reason.",
    )
    add_import_arguments(p)
    p.add_argument("-o", "--output", required=True, help="OUT.csv or OUT.xlsx")
    p.set_defaults(handler=run)


def add_import_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments shared by every command that imports files."""
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--agency",
        action="append",
        default=[],
        metavar="FILE=NAME",
        help="the agency of a file (FILE is a path or a base name); repeatable",
    )
    p.add_argument(
        "--profile",
        action="append",
        default=[],
        metavar="FILE",
        help="an agency import profile (JSON) to apply; repeatable",
    )
    p.add_argument("--profiles-dir", metavar="DIR", help="a folder of agency profiles to apply")
    p.add_argument(
        "--period",
        metavar="FROM:TO",
        help="the review period, e.g. 01/01/2019:31/12/2021 (day first)",
    )


def parse_period(text: str | None) -> tuple[date, date] | None:
    if not text:
        return None
    start_text, sep, end_text = text.partition(":")
    if not sep:
        raise ValueError(f"--period '{text}' must be FROM:TO, e.g. 01/01/2019:31/12/2021")
    try:
        start, end = parse_date(start_text), parse_date(end_text)
    except DateError as exc:
        raise ValueError(f"--period '{text}': {exc}") from None
    if start is None or end is None:
        raise ValueError(f"--period '{text}' needs both a start and an end")
    if end.end < start.start:
        raise ValueError(f"--period '{text}' ends before it starts")
    return start.start, end.end


def parse_agencies(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        file_part, sep, name = pair.rpartition("=")
        if not sep or not file_part or not name.strip():
            raise ValueError(f"--agency '{pair}' must be FILE=NAME")
        out[file_part] = name.strip()
    return out


def agency_for(path: Path, given: dict[str, str]) -> str | None:
    for key, name in given.items():
        if key in (str(path), path.name) or Path(key).resolve() == path.resolve():
            return name
    return None


def import_all(args: argparse.Namespace) -> tuple[list[FileImport], list[str]]:
    """Import every file named; return the results and the messages of files that failed."""
    period = parse_period(args.period)
    given = parse_agencies(args.agency)
    profiles: list[AgencyProfile] = [load_profile(p) for p in args.profile]
    if args.profiles_dir:
        profiles += profiles_in(args.profiles_dir)
    directory = get_settings().agency_directory()  # the defaults + LRT_AGENCY_DIRECTORY
    results, failures = [], []
    for name in args.files:
        path = Path(name)
        agency = agency_for(path, given)
        # A profile is found by the agency given, else the one the file name suggests.
        likely = agency or directory.from_file_name(path.stem)
        profile = next((p for p in profiles if p.applies_to(path.name, likely)), None)
        try:
            result = ingest.import_file(
                path,
                agency=agency,
                profile=profile,
                period=period,
                limits=get_settings().limits,
                directory=directory,
            )
        except IngestError as exc:
            failures.append(str(exc))
            continue
        results.append(result)
    return results, failures


def report(results: list[FileImport], failures: list[str]) -> None:
    for result in results:
        print(result.summary(), file=sys.stderr)
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)


def check_output(path: str) -> None:
    if Path(path).suffix.lower() not in (".csv", ".xlsx"):
        raise ValueError(f"cannot write '{path}': use a .csv or .xlsx file name")


def run(args: argparse.Namespace) -> int:
    try:
        check_output(args.output)
        results, failures = import_all(args)
    except (ValueError, ProfileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_rows(args.output, RECORD_COLUMNS, rows_for(results))
    report(results, failures)
    total = sum(len(r.records) for r in results)
    print(f"wrote {total} records from {len(results)} file(s) to {args.output}", file=sys.stderr)
    return 1 if failures else 0
