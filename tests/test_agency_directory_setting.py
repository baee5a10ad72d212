"""A partnership's own agencies, aliases and case-management systems (LRT_AGENCY_DIRECTORY):
a prior added to the defaults, never a gate."""

from __future__ import annotations

import base64
import json
import os
from datetime import date

import pytest

from ingest import import_file
from ingest.agencies import AgencyDirectory
from timeline.actions import setup
from timeline.settings import Settings
from timeline.store import LOCAL_OPERATOR

from .builders import write_csv
from .test_store_helpers import Database

TODAY = date(2026, 11, 30)
PARTNERSHIP = {
    "agencies": {
        "Youth Justice": ["yjs", "yot", "youth offending team"],
        "School": ["Brookfield Academy"],
    },
    "systems": {"ChildView": "Youth Justice"},
}
ROWS = [["Date", "Details"], ["01/03/2021", "Robin seen at the office with his mother"]]


def test_ad001_partnership_names_and_systems_are_added_to_the_defaults():
    d = AgencyDirectory.from_partnership(PARTNERSHIP)
    assert d.canonical("YOT") == "Youth Justice"
    assert d.canonical("Brookfield Academy") == "School"
    assert d.canonical("Health visitor") == AgencyDirectory().canonical("Health visitor")
    assert d.from_system("ChildView export March") == ("Youth Justice", "childview")
    assert d.from_system("CPOMS export") == ("School", "cpoms")  # the defaults stay
    assert AgencyDirectory().from_system("ChildView export") == (None, "")


@pytest.mark.parametrize(
    "data,words",
    [
        ([], "expected an object"),
        ({"agency": {}}, "unknown key"),
        ({"agencies": {"YJS": "yot"}}, "list of aliases"),
        ({"systems": {"childview": ""}}, "agency's name"),
    ],
)
def test_ad002_a_wrong_shape_is_named(data, words):
    with pytest.raises(ValueError, match=words) as info:
        AgencyDirectory.from_partnership(data, "partnership.json")
    assert "partnership.json" in str(info.value)


def test_ad003_file_from_a_partnership_system_gets_its_agency(tmp_path):
    path = write_csv(tmp_path / "ChildView export.csv", ROWS)
    plain = import_file(path, today=TODAY)
    assert plain.agency_source == "fallback: file name"
    found = import_file(path, today=TODAY, directory=AgencyDirectory.from_partnership(PARTNERSHIP))
    assert (found.agency, found.agency_source) == ("Youth Justice", "system")
    # a prior, never a gate: an agency it does not list still imports
    other = write_csv(tmp_path / "Riverside Housing chronology.csv", ROWS)
    res = import_file(other, today=TODAY, directory=AgencyDirectory.from_partnership(PARTNERSHIP))
    assert res.accounted and len(res.records) == 1


def test_ad004_setting_reads_the_file_and_follows_changes(tmp_path):
    f = tmp_path / "agencies.json"
    f.write_text(json.dumps(PARTNERSHIP), encoding="utf-8")
    s = Settings.from_env({"LRT_AGENCY_DIRECTORY": str(f)})
    assert s.agency_directory_file == f
    assert s.agency_directory().canonical("yot") == "Youth Justice"
    f.write_text(json.dumps({"agencies": {"Early Help": ["tafs"]}}), encoding="utf-8")
    st = f.stat()
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert s.agency_directory().canonical("tafs") == "Early Help"
    assert Settings.from_env({}).agency_directory().canonical("tafs") is None
    f.write_text("{not json", encoding="utf-8")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
    with pytest.raises(ValueError, match="LRT_AGENCY_DIRECTORY"):
        s.agency_directory()
    missing = Settings.from_env({"LRT_AGENCY_DIRECTORY": str(tmp_path / "none.json")})
    with pytest.raises(ValueError, match="cannot be read"):
        missing.agency_directory()


def test_ad005_set_up_uploads_use_the_partnership_directory(tmp_path, monkeypatch):
    f = tmp_path / "agencies.json"
    f.write_text(json.dumps(PARTNERSHIP), encoding="utf-8")
    monkeypatch.setattr(
        setup, "get_settings", lambda: Settings(agency_directory_file=f, data_dir=tmp_path)
    )
    database = Database("sqlite", tmp_path)
    store = database.open()
    try:
        rid = store.reviews.create_review(LOCAL_OPERATOR, "Review of Robin (fictional)")
        data = "\r\n".join(",".join(r) for r in ROWS).encode()
        content = "data:text/csv;base64," + base64.b64encode(data).decode()
        (out,) = setup.upload_files(
            store, LOCAL_OPERATOR, rid, [("ChildView export.csv", content)], max_bytes=2**20
        ).files
        assert (out.status, out.agency) == ("imported", "Youth Justice"), out.message
        f.write_text("[1]", encoding="utf-8")  # a wrong file: named, the upload refused
        st = f.stat()
        os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        (bad,) = setup.upload_files(
            store, LOCAL_OPERATOR, rid, [("other.csv", content)], max_bytes=2**20
        ).files
        assert bad.status == "refused" and "LRT_AGENCY_DIRECTORY" in bad.message
    finally:
        store.close()
        database.drop()
