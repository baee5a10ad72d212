"""The set-up page's uploads take .xls and .ods as they take .xlsx: imported with the row
numbers the spreadsheet shows, or, when the layout is not recognised, refused in red with
the header cells offered for mapping, then mapped and imported from the page."""

from __future__ import annotations

import base64
from datetime import datetime

import pytest
import xlwt

from ingest.profiles import AgencyProfile
from timeline.actions import setup
from timeline.store import LOCAL_OPERATOR
from web.setup_details import UPLOAD_ACCEPT

from .test_ingest_content import _write_ods
from .test_store_helpers import Database

OP = LOCAL_OPERATOR
TEXT = "Officer attended the address after a call from a neighbour about shouting"


def _content(data: bytes) -> str:
    return "data:application/octet-stream;base64," + base64.b64encode(data).decode()


def _xls(path, header, rows):
    book = xlwt.Workbook()
    sheet = book.add_sheet("Incidents")
    sheet.write(0, 0, "Police chronology (fictional)")
    for c, text in enumerate(header):
        sheet.write(2, c, text)
    style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row):
            if isinstance(value, datetime):
                sheet.write(r, c, value, style)
            else:
                sheet.write(r, c, value)
    book.save(str(path))
    return path.read_bytes()


@pytest.fixture
def sq(tmp_path):
    database = Database("sqlite", tmp_path)
    yield database.open()
    database.drop()


def _upload(sq, rid, name, data):
    (out,) = setup.upload_files(sq, OP, rid, [(name, _content(data))], max_bytes=2**22).files
    return out


def test_fm001_the_file_chooser_offers_xls_and_ods():
    offered = UPLOAD_ACCEPT.split(",")
    assert {".xls", ".ods", ".xlsx", ".csv", ".docx"} <= set(offered)


def test_fm002_xls_and_ods_uploads_are_imported_with_their_rows(sq, tmp_path):
    rid = sq.reviews.create_review(OP, "Review of Robin (fictional)")
    xls = _xls(
        tmp_path / "p.xls",
        ["Date", "Details"],
        [[datetime(2021, 3, 12), TEXT], [datetime(2021, 3, 14), TEXT + " again"]],
    )
    out = _upload(sq, rid, "Police export.xls", xls)
    assert (out.status, out.agency, out.added) == ("imported", "Police", 2), out.message
    ods = _write_ods(
        tmp_path / "h.ods",
        [
            ["Housing chronology"],
            [],
            ["Date", "Details"],
            ["12/03/2021", "Housing visit, flat cold"],
        ],
    ).read_bytes()
    out = _upload(sq, rid, "Housing chron.ods", ods)
    assert (out.status, out.agency, out.added) == ("imported", "Housing", 1), out.message
    rows = {(r["agency"], r["provenance"]["row"]) for r in sq.records.list_records(OP, rid)}
    assert rows == {("Police", 4), ("Police", 5), ("Housing", 4)}
    # the uploads are kept, so a correction can re-read them on any host
    assert {u.file_name for u in sq.uploads.list(OP, rid)} == {
        "Police export.xls",
        "Housing chron.ods",
    }


def test_fm003_a_refused_xls_is_mapped_and_imported_from_the_page(sq, tmp_path):
    rid = sq.reviews.create_review(OP, "Review of Robin (fictional)")
    # a saved profile that ignores both columns: the file is refused, listed with its
    # header cells (read from the .xls) for the mapping editor
    sq.profiles.save(OP, rid, AgencyProfile(agency="Police", columns={"When": "", "Notes": ""}))
    xls = _xls(
        tmp_path / "p.xls",
        ["When", "Notes"],
        [[datetime(2021, 3, 12), TEXT], [datetime(2021, 3, 14), TEXT + " again"]],
    )
    out = _upload(sq, rid, "Police export.xls", xls)
    assert out.status == "refused" and "Police export.xls" in out.message
    assert sq.records.list_records(OP, rid) == []
    (up,) = sq.uploads.list(OP, rid)
    assert up.status == "refused"
    assert (up.headers[:2], up.header_row) == (("When", "Notes"), 3)
    done = setup.import_upload(
        sq,
        OP,
        rid,
        up.id,
        columns={"When": "date", "Notes": "description"},
        agency="Police",
        header_row=up.header_row,
    )
    assert (done.status, done.added) == ("imported", 2), done.message
    assert sorted(r["date_start"].day for r in sq.records.list_records(OP, rid)) == [12, 14]
    assert sq.profiles.list(OP, rid)[0].columns == {"When": "date", "Notes": "description"}
