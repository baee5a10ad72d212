"""`python -m timeline`: each command loads only its own module, and no command is lost."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from timeline import cli

ROOT = Path(__file__).resolve().parents[1]


def _commands_of(module_name: str) -> set[str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    cli._register(sub, module_name)
    return set(sub.choices)


def test_cc001_every_module_registers_exactly_the_commands_mapped_to_it():
    for module_name in set(cli._COMMANDS.values()):
        mapped = {c for c, m in cli._COMMANDS.items() if m == module_name}
        assert _commands_of(module_name) == mapped, module_name


def test_cc002_help_lists_every_command():
    parser = cli.build_parser(None)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == set(cli._COMMANDS)
    assert "import" in cli.build_parser("nonsense").format_help()


def test_cc003_a_store_command_does_not_load_the_matcher_or_the_exporters(tmp_path):
    # A `review list` needs the store only: loading matplotlib, python-docx or the matcher
    # would cost every script and test that calls the CLI a second or two.
    heavy = ("matplotlib", "docx", "numpy", "zxcvbn", "timeline.matching")
    code = (
        "import sys; from timeline.cli import main; rc = main(['review', 'list']); "
        f"print('LOADED', [m for m in {heavy!r} if m in sys.modules]); sys.exit(rc)"
    )
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}",
        "LRT_DATA_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stdout, done.stdout
