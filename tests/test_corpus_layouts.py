"""Every row of every corpus layout imports with its date, time, agency and text.

The held-out third (tests/corpus/layouts.py) uses no header text the synonym list knows:
those layouts import on content alone.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ingest import import_file
from ingest.columns import SYNONYMS
from ingest.textnorm import norm_label
from tests.corpus.layouts import all_layouts, write_layout

TODAY = date(2026, 1, 1)
LAYOUTS = all_layouts()


def test_co001_corpus_size_and_held_out_third():
    assert len(LAYOUTS) >= 60
    assert len({layout.name for layout in LAYOUTS}) == len(LAYOUTS)
    held = [layout for layout in LAYOUTS if layout.held_out]
    assert len(held) * 3 >= len(LAYOUTS)


def test_co002_held_out_headers_are_not_in_the_synonym_list():
    known = {norm_label(s) for syns in SYNONYMS.values() for s in syns}
    for layout in LAYOUTS:
        if layout.held_out:
            for header, _ in layout.columns:
                assert norm_label(header) not in known, (layout.name, header)


def _params():
    for layout in LAYOUTS:
        marks = ()
        if layout.known_failure:
            marks = pytest.mark.xfail(strict=True, reason=layout.known_failure)
        yield pytest.param(layout, marks=marks, id=layout.name)


@pytest.mark.parametrize("layout", list(_params()))
def test_co003_every_row_imported_with_date_time_agency_and_text(layout, tmp_path):
    path, truth = write_layout(layout, tmp_path)
    result = import_file(path, today=TODAY)
    assert result.accounted, result.summary()
    assert result.quarantined == [], [q.reason for q in result.quarantined]
    # every column: one role (or none), a confidence and the reason in words
    assert all(c.reason and 0.0 <= c.confidence <= 1.0 for c in result.columns)
    assert result.agency_evidence
    got = sorted(result.records, key=lambda r: (r.provenance.sheet, r.provenance.row))
    assert len(got) == len(truth), result.summary()
    for rec, want in zip(got, truth, strict=True):
        where = f"{layout.name} row {want.row}"
        assert rec.provenance.row == want.row, where
        assert rec.date.start == want.when, where
        assert rec.date.time == want.at, where
        if want.approx_time:
            assert rec.date.approximate, where
        assert rec.agency == want.agency, where
        assert rec.description == want.text, where


def _run(*args):
    root = Path(__file__).resolve().parents[1]
    return subprocess.run(
        [sys.executable, "-m", "timeline", *map(str, args)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("command", ["import", "merge"])
def test_co004_cli_import_and_merge_exit_0_on_every_corpus_file(command, tmp_path):
    """One call with every corpus file: exit 0 and one output row per entry in the truth."""
    files, expected = [], 0
    for layout in LAYOUTS:
        path, truth = write_layout(layout, tmp_path)
        files.append(path)
        expected += len(truth)
    out = tmp_path / f"{command}.csv"
    done = _run(command, *files, "-o", out)
    assert done.returncode == 0, done.stderr[-3000:]
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == expected
    assert {r["status"] for r in rows} <= {"imported", "needs_review"}
    assert len({r["source_file"] for r in rows}) == len(LAYOUTS)
