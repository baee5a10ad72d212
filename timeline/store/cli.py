"""Command line for the review lifecycle (`python -m timeline review|user|member|backup|
restore|sample ...`). It acts as the local operator (whoever can run it already holds the
database) and is recorded as such in the audit log. The database comes from DATABASE_URL,
else the embedded SQLite file data/review.db.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from timeline.actions.kloe import read_kloe_csv
from timeline.settings import get_settings

from .auth import LOCAL_OPERATOR, generate_password
from .engine import REPO_ROOT
from .errors import InvalidInput, StoreError
from .service import Store, parse_period

SAMPLE_DIR = REPO_ROOT / "sample_data"
SAMPLE_TITLE = "Sample review: Child M (fictional)"
SAMPLE_PERIOD = (date(2019, 1, 1), date(2021, 11, 22))
SAMPLE_DOB = date(2019, 8, 14)
SAMPLE_LEAD = "lead@example.org"
APP_URL = get_settings().app_url  # LRT_APP_URL (make run sets it)
CHRONOLOGY_SUFFIXES = {".xlsx", ".xls", ".csv", ".docx", ".doc"}
NOT_CHRONOLOGIES = {"kloe.csv", "truth.csv"}


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register the store's commands on the `python -m timeline` parser."""
    review = subparsers.add_parser("review", help="create, import into and list reviews")
    rsub = review.add_subparsers(dest="review_command", required=True, metavar="ACTION")

    p = rsub.add_parser("create", help="create a review; prints its id on the last line")
    p.add_argument("title")
    p.add_argument("--period", metavar="FROM:TO", help="e.g. 2019-01-01:2021-11-22 or day first")
    p.add_argument("--kloe", metavar="FILE.csv", help="KLOE with columns number,title,description")
    p.add_argument("--child", default="", metavar="PSEUDONYM", help="the child's pseudonym")
    p.set_defaults(handler=_review_create)

    p = rsub.add_parser("import", help="import agency files into a review (all or none)")
    p.add_argument("review", metavar="REVIEW", help="review id")
    from timeline.import_cli import add_import_arguments

    add_import_arguments(p)
    p.add_argument(
        "--replaces",
        action="append",
        default=[],
        metavar="[NEW=]OLD",
        help="the file is a new version of the review's earlier file OLD (its name or id): "
        "OLD's records not in the new file are withdrawn. Without it a file only adds records",
    )
    p.add_argument(
        "--confirm",
        action="store_true",
        help="go ahead with a replacement that yields no records or withdraws more than half",
    )
    p.set_defaults(handler=_review_import)

    p = rsub.add_parser("list", help="one line per review: id, title, period, version")
    p.set_defaults(handler=_review_list)

    if _matching_available():
        p = rsub.add_parser("match", help="match the review's records into merged events")
        p.add_argument("review", metavar="REVIEW")
        p.set_defaults(handler=_review_match)

    user = subparsers.add_parser("user", help="user accounts")
    usub = user.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    p = usub.add_parser("add", help="add an account (prints a generated password once)")
    p.add_argument("email")
    p.add_argument("--name", required=True)
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p.set_defaults(handler=_user_add)
    p = usub.add_parser("password", help="set a new password (generated unless --password-stdin)")
    p.add_argument("email")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p.set_defaults(handler=_user_password)
    for action, helptext in (
        ("deactivate", "stop an account signing in and end all its sessions"),
        ("reactivate", "let a deactivated account sign in again"),
    ):
        p = usub.add_parser(action, help=helptext)
        p.add_argument("email")
        p.set_defaults(handler=_user_active, active=action == "reactivate")
    p = usub.add_parser("signout", help="end every session of an account")
    p.add_argument("email")
    p.set_defaults(handler=_user_signout)

    member = subparsers.add_parser("member", help="review membership and roles")
    msub = member.add_subparsers(dest="member_command", required=True, metavar="ACTION")
    p = msub.add_parser("add", help="add a user to a review (or change their role)")
    p.add_argument("review", metavar="REVIEW")
    p.add_argument("email")
    p.add_argument(
        "--role", required=True, choices=["lead", "facilitator", "participant", "observer"]
    )
    p.add_argument("--agency", metavar="NAME", help="the participant's agency")
    p.set_defaults(handler=_member_add)

    p = subparsers.add_parser("backup", help="write a review to a backup file")
    p.add_argument("review", metavar="REVIEW")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.json[.gz]")
    p.set_defaults(handler=_backup)

    p = subparsers.add_parser("restore", help="put a backed-up review back")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=_restore)

    sample = subparsers.add_parser("sample", help="the fictional sample review")
    ssub = sample.add_subparsers(dest="sample_command", required=True, metavar="ACTION")
    p = ssub.add_parser(
        "load", help="load the sample review (kept as it is when already loaded) and its lead"
    )
    p.add_argument(
        "--reset",
        action="store_true",
        help="delete the sample review (its tags included) and load it afresh",
    )
    p.set_defaults(handler=_sample_load)


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry (`python -m timeline.store.cli ...`), same commands."""
    parser = argparse.ArgumentParser(prog="python -m timeline")
    add_commands(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    args = parser.parse_args(argv)
    return int(args.handler(args) or 0)


# ---------------------------------------------------------------------------- helpers


def _matching_available() -> bool:
    # find_spec, not an import: the matcher (numpy, rapidfuzz) loads only for `review match`
    return importlib.util.find_spec("timeline.matching") is not None


def _guard(fn):
    """Print a store error as one line and exit 2 instead of a traceback."""

    def run(args: argparse.Namespace) -> int:
        try:
            return fn(args)
        except (StoreError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2

    run.__name__ = fn.__name__
    return run


def _period(text: str | None) -> tuple[date, date] | None:
    if not text:
        return None
    try:
        return parse_period(text)
    except ValueError:
        from timeline.import_cli import parse_period as day_first

        return day_first(text)


def _review_id(store: Store, text: str) -> int:
    if text.strip().isdigit():
        return int(text)
    matches = [r["id"] for r in store.reviews.list_reviews(LOCAL_OPERATOR) if r["title"] == text]
    if len(matches) != 1:
        raise ValueError(f"REVIEW must be a review id (or a unique title), got {text!r}")
    return matches[0]


def _read_password(from_stdin: bool) -> tuple[str, bool]:
    """(password, generated)."""
    if from_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise ValueError("no password on stdin")
        return line, False
    return generate_password(), True


# ---------------------------------------------------------------------------- commands


@_guard
def _review_create(args: argparse.Namespace) -> int:
    kloes = read_kloe_csv(Path(args.kloe)) if args.kloe else []
    store = Store.open()
    rid = store.reviews.create_review(
        LOCAL_OPERATOR,
        args.title,
        period=_period(args.period),
        child_pseudonym=args.child,
        kloes=kloes,
    )
    print(f"created review '{args.title}' with {len(kloes)} KLOE")
    print(rid)
    return 0


@_guard
def _review_import(args: argparse.Namespace) -> int:
    from timeline.import_cli import import_all, report

    store = Store.open()
    rid = _review_id(store, args.review)
    review = store.reviews.get_review(LOCAL_OPERATOR, rid)
    if not args.period and review["period_start"] and review["period_end"]:
        start, end = review["period_start"], review["period_end"]
        args.period = f"{start:%d/%m/%Y}:{end:%d/%m/%Y}"
    replaces = _replacements(store, rid, args)
    results, failures = import_all(args)
    report(results, failures)
    if failures:
        print("error: nothing was imported; correct the files above and run again", file=sys.stderr)
        return 1
    # a file is known by its name (FileImport.file_name), as --replaces names it
    imported = store.records.import_results(
        LOCAL_OPERATOR, rid, results, replaces=replaces, confirm=args.confirm
    )
    for res in imported:
        if res["unchanged"]:
            print(f"{res['file_name']}: already imported, unchanged")
            continue
        print(
            f"{res['file_name']} ({res['agency']}): {res['added']} added, {res['kept']} kept,"
            f" {res['reinstated']} reinstated, {res['withdrawn']} withdrawn,"
            f" {res['quarantined']} quarantined"
        )
    return 0


def _replacements(store: Store, rid: int, args: argparse.Namespace) -> dict[str, int]:
    """--replaces [NEW=]OLD as {new file's name: old source file id}."""
    current = [
        f for f in store.records.list_source_files(LOCAL_OPERATOR, rid) if not f["superseded_by"]
    ]
    out: dict[str, int] = {}
    for spec in args.replaces:
        new, sep, old = spec.rpartition("=")
        if not sep:
            if len(args.files) != 1:
                raise InvalidInput(
                    "with several files, say which replaces what: --replaces NEW=OLD"
                )
            new = Path(args.files[0]).name
        new = Path(new).name
        if new not in {Path(f).name for f in args.files}:
            raise InvalidInput(f"--replaces names {new!r}, which is not among the files given")
        found = [f for f in current if f["file_name"] == old or str(f["id"]) == old]
        if len(found) != 1:
            names = ", ".join(f"{f['file_name']} (id {f['id']})" for f in current) or "none"
            raise InvalidInput(f"no single current file {old!r} in this review; files: {names}")
        out[new] = found[0]["id"]
    return out


@_guard
def _review_list(args: argparse.Namespace) -> int:
    store = Store.open()
    for r in store.reviews.list_reviews(LOCAL_OPERATOR):
        period = f"{r['period_start']}:{r['period_end']}" if r["period_start"] else "-"
        print(f"{r['id']}\t{r['title']}\t{period}\tversion {r['version']}")
    return 0


@_guard
def _review_match(args: argparse.Namespace) -> int:
    store = Store.open()
    rid = _review_id(store, args.review)
    counts = store.records.run_matching(LOCAL_OPERATOR, rid)
    print(
        f"{counts['events']} merged events ({counts['created']} new, {counts['kept']} kept,"
        f" {counts['removed']} replaced)"
    )
    return 0


@_guard
def _user_add(args: argparse.Namespace) -> int:
    password, generated = _read_password(args.password_stdin)
    store = Store.open()
    user = store.reviews.create_user(LOCAL_OPERATOR, args.email, args.name, password)
    print(f"added user {user['email']} ({user['name']})")
    if generated:
        print(f"password (shown once, store it now): {password}")
    return 0


@_guard
def _user_password(args: argparse.Namespace) -> int:
    password, generated = _read_password(args.password_stdin)
    store = Store.open()
    store.reviews.set_password(LOCAL_OPERATOR, args.email, password)
    print(f"password set for {args.email.strip().lower()}")
    if generated:
        print(f"new password (shown once, store it now): {password}")
    return 0


@_guard
def _user_active(args: argparse.Namespace) -> int:
    user = Store.open().accounts.set_active(LOCAL_OPERATOR, args.email, args.active)
    state = "active" if user["is_active"] else "deactivated: every session ended"
    print(f"{user['email']}: {state}")
    return 0


@_guard
def _user_signout(args: argparse.Namespace) -> int:
    ended = Store.open().accounts.sign_out_user(LOCAL_OPERATOR, args.email)
    print(f"{args.email.strip().lower()}: {ended} session(s) ended")
    return 0


@_guard
def _member_add(args: argparse.Namespace) -> int:
    store = Store.open()
    rid = _review_id(store, args.review)
    m = store.reviews.add_member(LOCAL_OPERATOR, rid, args.email, args.role, agency=args.agency)
    extra = f" for {m['agency']}" if m["agency"] else ""
    print(f"{m['email']} is {args.role}{extra} in review {rid}")
    return 0


@_guard
def _backup(args: argparse.Namespace) -> int:
    from .backup import write_backup

    store = Store.open()
    rid = _review_id(store, args.review)
    counts = write_backup(store, LOCAL_OPERATOR, rid, args.output)
    print(f"review {rid} written to {args.output}: {json.dumps(counts)}")
    return 0


@_guard
def _restore(args: argparse.Namespace) -> int:
    from .backup import restore_review

    store = Store.open()
    rid = restore_review(store, LOCAL_OPERATOR, args.file)
    print(f"review {rid} restored from {args.file}")
    print(rid)
    return 0


def sample_files(folder: Path = SAMPLE_DIR) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in CHRONOLOGY_SUFFIXES and p.name.lower() not in NOT_CHRONOLOGIES
    )


@_guard
def _sample_load(args: argparse.Namespace) -> int:
    info = load_sample(Store.open(), reset=args.reset)
    print(
        f"sample review {info['review_id']} {'kept as it was' if info['kept'] else 'loaded'}: "
        f"{info['files']} files, "
        f"{info['records']} records, {info['quarantined']} quarantined rows, "
        f"{info['events']} events"
    )
    print(f"open {APP_URL}/review/{info['review_id']} (the sample's merged timeline) and sign in:")
    print(f"  email:    {SAMPLE_LEAD}")
    if info["password"]:
        print(f"  password: {info['password']}  (new account: shown once, store it now)")
    else:
        print("  password: unchanged (the account already existed); to reset it run")
        print(f"            python -m timeline user password {SAMPLE_LEAD}")
    return 0


def load_sample(store: Store, folder: Path = SAMPLE_DIR, *, reset: bool = True) -> dict[str, Any]:
    """Load the sample review from sample_data/ and make sure its lead exists. An existing
    sample review is kept (with its tags and decisions) unless `reset` or its files have
    changed since it was loaded."""
    import ingest

    files = sample_files(folder) if folder.is_dir() else []
    if not files:
        raise ValueError(f"no sample chronologies in {folder}; run `make sample` first")
    existing = [r for r in store.reviews.list_reviews(LOCAL_OPERATOR) if r["title"] == SAMPLE_TITLE]
    kept = None
    if existing and not reset:
        loaded = {
            f["sha256"]
            for f in store.records.list_source_files(LOCAL_OPERATOR, existing[-1]["id"])
            if not f.get("superseded_by")
        }
        if loaded == {hashlib.sha256(p.read_bytes()).hexdigest() for p in files}:
            kept = existing[-1]["id"]
    if kept is not None:
        rid = kept
        imports = None
    else:
        kloe_file = folder / "kloe.csv"
        kloes = read_kloe_csv(kloe_file) if kloe_file.exists() else []
        limits = get_settings().limits
        imports = [ingest.import_file(p, period=SAMPLE_PERIOD, limits=limits) for p in files]
        for r in existing:
            store.reviews.delete_review(LOCAL_OPERATOR, r["id"])
        rid = store.reviews.create_review(
            LOCAL_OPERATOR,
            SAMPLE_TITLE,
            period=SAMPLE_PERIOD,
            child_pseudonym="Child M",
            child_dob=SAMPLE_DOB,
            kloes=kloes,
        )
        store.records.import_results(LOCAL_OPERATOR, rid, imports)
        if _matching_available():
            store.records.run_matching(LOCAL_OPERATOR, rid)

    password = None
    if store.reviews.get_user(email=SAMPLE_LEAD) is None:
        password = generate_password()
        store.reviews.create_user(LOCAL_OPERATOR, SAMPLE_LEAD, "Lead Reviewer (sample)", password)
    store.reviews.add_member(LOCAL_OPERATOR, rid, SAMPLE_LEAD, "lead")
    return {
        "review_id": rid,
        "files": len(files),
        "kept": kept is not None,
        "records": len(store.records.list_records(LOCAL_OPERATOR, rid)),
        "quarantined": len(store.records.list_quarantined(LOCAL_OPERATOR, rid)),
        "events": len(store.records.list_events(LOCAL_OPERATOR, rid)),
        "password": password,
    }


if __name__ == "__main__":
    raise SystemExit(main())
