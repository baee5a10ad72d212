"""`python -m timeline ...`: the command line for scripts, tests and operators."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from timeline import export_cli, import_cli, merge_cli, profile_cli
from timeline.store import cli as store_cli


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m timeline",
        description="Learning Review Timeline: import, merge and review agency chronologies.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    import_cli.add_parser(sub)
    merge_cli.add_parser(sub)
    profile_cli.add_parser(sub)
    store_cli.add_commands(sub)
    export_cli.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
