"""Family B's chronologies (written apart from the importer) under headers the synonym list
does not know must import exactly as under their usual headers: the same row, date, time,
agency and text for every record. The importer was never tuned on seeds 5 and 6."""

from __future__ import annotations

import pytest

from benchmarks.family_b import generate, write_files
from ingest import import_file


def readings(path):
    result = import_file(path)
    assert result.accounted, result.summary()
    return {
        r.provenance.row: (r.date.start, r.date.end, r.date.time, r.agency, r.description)
        for r in result.records
    }


@pytest.mark.parametrize("seed", [5, 6])
def test_uh001_unusual_headers_import_as_the_usual_ones(tmp_path, seed):
    case = generate(seed, n_events=120, n_agencies=12, years=2)
    usual = write_files(case, tmp_path / "usual")
    unusual = write_files(case, tmp_path / "unusual", headers="unusual")
    wrong = []
    for a, b in zip(usual.files, unusual.files, strict=True):
        expected, got = readings(a), readings(b)
        assert expected, a.name
        if got != expected:
            wrong.append(b.name)
    assert wrong == []
