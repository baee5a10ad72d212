"""What the importer learnt, as the set-up screen reads it from the store, and the lead's
date-order override: a re-read with it reads ambiguous dates the chosen way, and is kept
in the agency's profile for its next file."""

from __future__ import annotations

import base64
from datetime import date

import pytest

from timeline.actions import setup
from timeline.store import LOCAL_OPERATOR

from .test_store_helpers import Database, make_user

OP = LOCAL_OPERATOR
MB = 1024 * 1024

# A school's export whose dates are all ambiguous (both numbers <= 12): nothing in it says
# month-first, so the day-first default reads 04/03/2021 as 4 March.
SCHOOL = (
    b"Agency: Brookfield Primary School (fictional)\r\n"
    b"Child: Robin (fictional)\r\n"
    b"DOB: 02/02/2015\r\n"
    b"Date,Details,Action\r\n"
    b"04/03/2021,Robin arrived late and hungry; the class teacher spoke to the DSL about "
    b"breakfast at home,Logged\r\n"
    b",(cont.) DSL phoned mother who said the family had run out of food this week,\r\n"
    b"05/06/2021,Robin said dad shouted at mum last night,Referral to MASH\r\n"
    b"07/08/2021,Attendance meeting with mother,Plan agreed\r\n"
    b"09/10/2021,\r\n"
)


def _content(data: bytes) -> str:
    return "data:text/csv;base64," + base64.b64encode(data).decode()


@pytest.fixture
def sq(tmp_path):
    database = Database("sqlite", tmp_path)
    yield database.open()
    database.drop()


def _setup(sq) -> tuple[int, dict]:
    rid = sq.reviews.create_review(
        OP, "Review of Robin (fictional)", period=(date(2020, 1, 1), date(2021, 12, 31))
    )
    (out,) = setup.upload_files(
        sq, OP, rid, [("school export.csv", _content(SCHOOL))], max_bytes=MB
    ).files
    assert out.status == "imported", out.message
    (f,) = sq.records.list_source_files(OP, rid)
    return rid, f


def _dates(sq, rid) -> dict[str, date]:
    return {r["description"][:12]: r["date_start"] for r in sq.records.list_records(OP, rid)}


def test_id001_screen_shows_what_the_import_found(sq):
    rid, f = _setup(sq)
    screen = setup.screen(sq, OP, rid)
    d = screen.details[f["id"]]
    assert d.date_order == "day-first" and d.date_override == ""
    assert "default" in d.date_order_words and "no date in the file" in d.date_order_words
    block = dict(d.title_block)
    assert block["Agency"] == "Brookfield Primary School (fictional)"
    assert block["Child"] == "Robin (fictional)"
    assert "Date of birth (not an event)" in block
    assert d.agency_source == "the file's title block"
    assert "Brookfield" in d.agency_evidence
    (joined,) = d.joined
    assert (joined.row, joined.continued) == (5, (6,))
    assert joined.text.startswith("Robin arrived late")
    # the quarantined row (no text) is listed with its reason, as before
    (q,) = screen.quarantined_by_file[f["id"]]
    assert q["prov_row"] == 9 and "no description" in q["reason"]


def test_id002_month_first_override_rereads_ambiguous_dates_and_is_kept(sq):
    rid, f = _setup(sq)
    assert _dates(sq, rid)["Robin arrive"] == date(2021, 3, 4)
    before = {r["record_id"] for r in sq.records.list_records(OP, rid)}
    out = setup.set_date_order(sq, OP, rid, f["id"], "month-first")
    assert (out.status, out.withdrawn) == ("imported", 0), out.message
    dates = _dates(sq, rid)
    assert dates["Robin arrive"] == date(2021, 4, 3)
    assert dates["Robin said d"] == date(2021, 5, 6)
    assert {
        r["record_id"] for r in sq.records.list_records(OP, rid)
    } == before  # same rows, re-read
    (current,) = [x for x in sq.records.list_source_files(OP, rid) if not x["superseded_by"]]
    assert (current["date_order"], current["date_order_by"]) == ("month-first", "profile")
    d = setup.screen(sq, OP, rid).details[current["id"]]
    assert d.date_override == "month-first" and "set for this agency" in d.date_order_words
    (profile,) = sq.profiles.list(OP, rid)
    assert profile.date_order == "month-first"

    # back to the evidence: day-first again, and the profile no longer says an order
    out = setup.set_date_order(sq, OP, rid, current["id"], "")
    assert out.status == "imported", out.message
    assert _dates(sq, rid)["Robin arrive"] == date(2021, 3, 4)
    assert sq.profiles.list(OP, rid)[0].date_order is None


def test_id003_override_is_checked_on_the_server(sq):
    rid, f = _setup(sq)
    assert setup.set_date_order(sq, OP, rid, f["id"], "year-first").status == "refused"
    part = make_user(sq, "p@example.org")
    sq.reviews.add_member(OP, rid, "p@example.org", "participant")
    with pytest.raises(Exception, match="lead"):
        setup.set_date_order(sq, part, rid, f["id"], "month-first")
    assert _dates(sq, rid)["Robin arrive"] == date(2021, 3, 4)
