"""`python -m timeline ...`: the command line for scripts, tests and operators."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Each command's module is imported only when that command runs (all of them for --help):
# the export stack (matplotlib, python-docx) or the matcher cost seconds to import, and a
# `review list` or `user add` should not pay for them.
_STORE = "timeline.store.cli"
_COMMANDS = {
    "import": "timeline.import_cli",
    "merge": "timeline.merge_cli",
    "profile": "timeline.profile_cli",
    "review": _STORE,
    "user": _STORE,
    "member": _STORE,
    "backup": _STORE,
    "restore": _STORE,
    "sample": _STORE,
    "export": "timeline.export_cli",
}


def _register(sub: argparse._SubParsersAction, module_name: str) -> None:
    module = importlib.import_module(module_name)
    if module_name == _STORE:
        module.add_commands(sub)
    else:
        module.add_parser(sub)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser for one command's module, or for every command when `command` is not
    one of them (help, a typo: argparse then lists every command)."""
    parser = argparse.ArgumentParser(
        prog="python -m timeline",
        description="Learning Review Timeline: import, merge and review agency chronologies.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    if command in _COMMANDS:
        _register(sub, _COMMANDS[command])
    else:
        for module_name in dict.fromkeys(_COMMANDS.values()):
            _register(sub, module_name)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in args_list if not a.startswith("-")), None)
    parser = build_parser(first)
    args = parser.parse_args(args_list)
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
