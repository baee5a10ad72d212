"""Set-up actions against a real store, no browser: uploads kept in the database, nothing
withdrawn by accident, a refused file mapped and imported, a corrected mapping."""

from __future__ import annotations

import base64
from datetime import date

import pytest

from ingest.profiles import AgencyProfile
from timeline.actions import setup
from timeline.store import LOCAL_OPERATOR

from .test_store_helpers import Database, make_user

OP = LOCAL_OPERATOR
MB = 1024 * 1024
HEADER = "Date,Time,Type,Clinician,Details,Action\n"


def _gp_csv(n: int, what: str) -> bytes:
    rows = [
        f"{1 + i % 27:02d}/{1 + i % 12:02d}/2020,10:00,Face to face,Dr A Fenwick,"
        f"{what} number {i}: seen with mother; weight checked,Review in 2 weeks\n"
        for i in range(n)
    ]
    return (HEADER + "".join(rows)).encode()


def _content(data: bytes) -> str:
    return "data:text/csv;base64," + base64.b64encode(data).decode()


def _review(store) -> int:
    return store.reviews.create_review(
        OP, "Review of Ash (fictional)", period=(date(2019, 1, 1), date(2021, 12, 31))
    )


def _upload(store, rid, *files):
    return setup.upload_files(
        store, OP, rid, [(n, _content(d)) for n, d in files], max_bytes=5 * MB
    ).files


def _count(store, rid, agency="GP"):
    return sum(1 for r in store.records.list_records(OP, rid) if r["agency"] == agency)


@pytest.fixture
def sq(tmp_path):
    """A real SQLite store (the actions are engine-neutral; the store's own tests run on
    both engines)."""
    database = Database("sqlite", tmp_path)
    yield database.open()
    database.drop()


def test_ac001_a_second_file_from_an_agency_adds_its_records(sq):
    rid = _review(sq)
    (a,) = _upload(sq, rid, ("GP practice chronology.csv", _gp_csv(47, "Surgery visit")))
    assert a.status == "imported" and a.added == 47 and a.agency == "GP"
    (b,) = _upload(sq, rid, ("GP out of hours chronology.csv", _gp_csv(5, "Out of hours call")))
    assert (b.status, b.added, b.withdrawn) == ("imported", 5, 0)
    assert _count(sq, rid) == 52
    # both uploads are kept in the database, by content
    ups = sq.uploads.list(OP, rid)
    assert [u.status for u in ups] == ["imported", "imported"]
    _info, data = sq.uploads.content(OP, rid, ups[0].id)
    assert data == _gp_csv(47, "Surgery visit")


def test_ac002_an_empty_or_header_only_file_is_refused_and_nothing_is_withdrawn(sq):
    rid = _review(sq)
    _upload(sq, rid, ("GP practice chronology.csv", _gp_csv(49, "Surgery visit")))
    header_only, empty = _upload(
        sq, rid, ("GP update.csv", HEADER.encode()), ("GP latest.csv", b"")
    )
    assert header_only.status == "refused" and "as they were" in header_only.message
    assert empty.status == "refused" and "empty" in empty.message
    assert "GP latest.csv" in empty.message
    assert _count(sq, rid) == 49
    refused = setup.uploads_by_status(sq, OP, rid)["refused"]
    assert {u.file_name for u in refused} == {"GP update.csv", "GP latest.csv"}
    assert next(u for u in refused if u.file_name == "GP update.csv").headers[:2] == (
        "Date",
        "Time",
    )


def test_ac003_a_new_version_is_held_until_the_lead_says_it_replaces(sq):
    rid = _review(sq)
    (first,) = _upload(sq, rid, ("Police chronology.csv", _gp_csv(10, "Call-out")))
    old_id = sq.records.list_source_files(OP, rid)[0]["id"]
    # the same name with a version mark, 4 of the 10 rows: held, nothing changed
    v2 = _gp_csv(10, "Call-out").splitlines(keepends=True)
    (held,) = _upload(sq, rid, ("Police chronology v2.csv", b"".join(v2[:5])))
    assert held.status == "held" and held.candidate.source_file_id == old_id
    assert "Police chronology.csv" in held.message
    assert _count(sq, rid, first.agency) == 10
    # as a replacement it would withdraw 6 of 10: refused until confirmed
    out = setup.import_upload(sq, OP, rid, held.upload_id, replaces=old_id)
    assert out.status == "refused" and out.needs_confirmation and "6 of its 10" in out.message
    assert _count(sq, rid, first.agency) == 10
    out = setup.import_upload(sq, OP, rid, held.upload_id, replaces=old_id, confirm=True)
    assert (out.status, out.kept, out.withdrawn) == ("imported", 4, 6)
    assert _count(sq, rid, first.agency) == 4


def test_ac004_a_held_file_can_be_added_alongside(sq):
    rid = _review(sq)
    _upload(sq, rid, ("GP chronology.csv", _gp_csv(6, "Surgery visit")))
    (held,) = _upload(sq, rid, ("GP chronology (2).csv", _gp_csv(8, "Surgery visit")))
    assert held.status == "held"
    out = setup.import_upload(sq, OP, rid, held.upload_id)
    assert (out.status, out.added, out.kept, out.withdrawn) == ("imported", 2, 6, 0)
    assert _count(sq, rid) == 8


def test_ac005_a_refused_file_is_mapped_and_imported_and_the_mapping_is_kept(sq):
    rid = _review(sq)
    # A saved mapping that ignores the date and the details: the file is refused.
    sq.profiles.save(OP, rid, AgencyProfile(agency="GP", columns={"Date": "", "Details": ""}))
    (out,) = _upload(sq, rid, ("GP chronology.csv", _gp_csv(3, "Surgery visit")))
    assert out.status == "refused" and "GP chronology.csv" in out.message
    assert _count(sq, rid) == 0
    (up,) = sq.uploads.list(OP, rid)
    assert up.status == "refused" and "Details" in up.headers
    columns = dict(zip(up.headers, setup.suggested_fields(up.headers), strict=True))
    columns.update(Date="date", Details="description")
    done = setup.import_upload(
        sq, OP, rid, up.id, columns=columns, agency="GP", header_row=up.header_row
    )
    assert done.status == "imported" and done.added == 3
    assert sq.uploads.list(OP, rid)[0].status == "imported"
    # the corrected mapping is the agency's profile from now on, on every host
    (profile,) = sq.profiles.list(OP, rid)
    assert profile.columns["Details"] == "description"


def test_ac006_damaged_too_large_and_forged_uploads(sq):
    rid = _review(sq)
    damaged, big = setup.upload_files(
        sq,
        OP,
        rid,
        [("a.csv", "no comma here"), ("b.csv", _content(b"x" * (2 * MB)))],
        max_bytes=MB,
    ).files
    assert damaged.status == "damaged" and "a.csv" in damaged.message
    assert big.status == "too large" and "2.0 MB" in big.message
    assert sq.uploads.list(OP, rid) == []
    part = make_user(sq, "p@example.org")
    sq.reviews.add_member(OP, rid, "p@example.org", "participant")
    with pytest.raises(Exception, match="lead"):
        setup.upload_files(sq, part, rid, [("c.csv", _content(_gp_csv(1, "x")))], max_bytes=MB)
    assert sq.uploads.list(OP, rid) == []


def test_ac007_a_corrected_mapping_replaces_the_files_reading_in_one_step(sq):
    rid = _review(sq)
    _upload(sq, rid, ("GP chronology.csv", _gp_csv(4, "Surgery visit")))
    f = sq.records.list_source_files(OP, rid)[0]
    columns = {c["header"]: c.get("field") or "" for c in f["columns"]}
    columns["Action"] = ""  # the outcome column is not used after all
    out = setup.correct_file(sq, OP, rid, f["id"], columns, "GP")
    assert (out.status, out.kept, out.withdrawn) == ("imported", 4, 0)
    assert all(r["outcome"] == "" for r in sq.records.list_records(OP, rid))
    files = sq.records.list_source_files(OP, rid)
    assert files[0]["superseded_by"] == files[1]["id"]
    assert sq.profiles.list(OP, rid)[0].columns["Action"] == ""
