"""Issue 10, classes of the third held-out evaluation (tuning half): a time written at the
start of the entry text, domestic abuse services named as charities or beside another
agency's alias, early years settings and school nursing as agencies of their own. Every
layout here is written for these tests; all names are fictional."""

from __future__ import annotations

from datetime import date, time

import pytest

from ingest import import_file
from ingest.agencies import AgencyDirectory
from ingest.dates import parse_date
from ingest.nonrecords import stray_note, subtotal_reason
from ingest.text_times import leading_time
from ingest.titleblock import read_title_block
from tests.builders import write_csv, write_docx, write_xlsx
from timeline.view import AGENCY_ORDER, lane_order

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1435hrs - Call from school about bruising", time(14, 35)),
        ("0905 hrs: strategy discussion", time(9, 5)),
        ("09:10 HV visit, baby weighed", time(9, 10)),
        ("7.45pm - mother rang the duty line", time(19, 45)),
        ("3 pm visit cancelled by father", time(15, 0)),
        # a span gives its start, as a time column's "14:30-15:30" does (docs/dates.md)
        ("10:30-11:00 core group", time(10, 30)),
        # never from the middle of a sentence, a date or a bare number
        ("Visit at 14:35 with the social worker", None),
        ("14.05.2021 review of the plan", None),
        ("2019 - family moved to the area", None),
        ("1435 contacts logged this year", None),
        ("25:10 not a time", None),
        ("12:30", None),  # a time alone is no entry text
    ],
)
def test_if301_a_time_opening_the_text(text, expected):
    assert leading_time(text) == expected


def test_if302_a_file_without_a_time_column_takes_the_time_from_the_text(tmp_path):
    rows = [
        ["Date of contact", "Narrative", "Category"],
        ["03/05/2021", "1435hrs - Call from Pellow Primary about Tamsin's bruise", "Contact"],
        ["04/05/2021", "Home visit, Tamsin seen alone, 14:35 agreed as the next slot", "Visit"],
        ["05/05/2021 16:20", "0900hrs - strategy discussion with the police", "Meeting"],
        ["May 2021", "1100hrs - supervision, plan reviewed", "Supervision"],
    ]
    r = import_file(write_csv(tmp_path / "CSC chronology.csv", rows), today=TODAY)
    got = [(x.date.start, x.date.time, x.description[:7]) for x in r.records]
    assert got == [
        (date(2021, 5, 3), time(14, 35), "1435hrs"),  # read, and kept in the text
        (date(2021, 5, 4), None, "Home vi"),  # mid-sentence: not a time of the entry
        (date(2021, 5, 5), time(16, 20), "0900hrs"),  # the date cell's own time stands
        (date(2021, 5, 1), None, "1100hrs"),  # a month: no time of day on it
    ]
    assert r.records[0].date.precision == "exact"


def test_if303_a_time_column_is_not_overridden_by_the_text(tmp_path):
    rows = [
        ["Date", "Time", "Details"],
        ["03/05/2021", "10:00", "0930hrs - referral received (logged at ten)"],
        ["04/05/2021", "", "1515hrs - phone call to mother"],
    ]
    r = import_file(write_xlsx(tmp_path / "HV contacts.xlsx", {"HV": rows}), today=TODAY)
    assert [x.date.time for x in r.records] == [time(10, 0), None]


@pytest.mark.parametrize(
    ("cell", "agency"),
    [
        ("Lanternfield DA Charity", "Domestic Abuse Service"),
        ("Orrick Vale Refuge Charity", "Domestic Abuse Service"),
        ("Hembury Women's Aid - IDVA Service", "Domestic Abuse Service"),
        ("Hembury Family Action - IDVA Service", "Domestic Abuse Service"),
        ("Ottermere Charity", "Voluntary Sector"),  # a charity alone stays one
        ("Cobley Befriending Scheme", "Voluntary Sector"),
        ("Little Acorns Day Nursery", "Early Years"),
        ("Brackenby Pre-School Playgroup", "Early Years"),
        ("Harwick Primary School", "School"),
        ("Westfold School Nursing Team", "School Nursing"),
        ("School Health Service (North)", "School Nursing"),
        ("MASH Police", "Police"),  # a longer alias holding a shorter one still wins
    ],
)
def test_if304_agency_cells_by_kind(cell, agency):
    assert AgencyDirectory().agency_of(cell) == agency


@pytest.mark.parametrize(
    ("stem", "agency"),
    [
        ("SN agency chronology (Child T)", "School Nursing"),
        ("EY chronology v2", "Early Years"),
        ("early years setting return", "Early Years"),
        ("Nursery_chronology_FINAL", "Early Years"),
    ],
)
def test_if305_file_names_of_early_years_and_school_nursing(stem, agency):
    assert AgencyDirectory().from_file_name(stem) == agency


def test_if306_a_nursery_named_in_the_title_block_is_early_years(tmp_path):
    rows = [
        ["Agency chronology: Little Wrenfold Nursery"],
        [],
        ["Date", "Details"],
        ["03/05/2021", "Tamsin arrived hungry and in the same clothes as Friday"],
        ["04/05/2021", "Mother collected Tamsin late, smelled of alcohol"],
    ]
    r = import_file(write_xlsx(tmp_path / "chronology.xlsx", {"Data": rows}), today=TODAY)
    assert {x.agency for x in r.records} == {"Early Years"}


def test_if307_the_new_agencies_have_lanes_in_order():
    assert {"Early Years", "School Nursing"} <= set(AGENCY_ORDER)
    lanes = lane_order(["School", "Early Years", "Health Visiting", "School Nursing"])
    assert lanes == ["Health Visiting", "School Nursing", "Early Years", "School"]
    assert {"Early Years", "School Nursing"} <= set(AgencyDirectory().names)


def test_if308_the_agency_chronology_line_names_the_agency_not_the_reviews_name(tmp_path):
    rows = [
        ["Local Child Safeguarding Practice Review - Child T"],
        ["Agency chronology: Brindlecombe Community Trust (voluntary organisation)"],
        [],
        ["Date", "Details", "Worker"],
        ["03/05/2021", "Volunteer visit, mother tired and low, baby settled", "Ilse Varga"],
        ["10/05/2021", "Youth club session attended, Tamsin quiet", "Ilse Varga"],
    ]
    r = import_file(write_xlsx(tmp_path / "Appendix 2.xlsx", {"Data": rows}), today=TODAY)
    assert {x.agency for x in r.records} == {"Voluntary Sector"}
    block = read_title_block([["Serious Case Review - Child R"], ["Wendle Hub"]])
    assert block.organisation == ""  # the review's name is no organisation


@pytest.mark.parametrize(
    "text", ["12/03/2021 - approx", "12/03/2021 – approximately", "12/03/2021 [est.]"]
)
def test_if309_an_approx_remark_beside_the_date_marks_it_approximate(text):
    iv = parse_date(text)
    assert (iv.start, iv.precision, iv.approximate) == (date(2021, 3, 12), "day", True)
    assert parse_date("12/03/2021 - see note").approximate is False


def test_if310_subtotals_notes_sections_and_printed_footers_are_skipped(tmp_path):
    note = "Entries before this point were copied across from the paper file; spelling kept."
    rows = [
        ["Date", "Entry", "Ref"],
        ["Year 2021"],
        ["03/05/2021", "Home visit, Tamsin seen with her brother", "R1001"],
        ["04/05/2021", "School rang about a bruise on Tamsin's arm", "R1002"],
        ["Total entries 2021:", "", "2"],
        [note, "", ""],
        ["", "", "Sub-total (May)"],
        ["05/05/2021", "Strategy discussion held with the police", "R1003"],
        ["2021 total", "1", ""],
        ["Printed 06/05/2021 09:12 by Ilse Varga"],
    ]
    r = import_file(write_csv(tmp_path / "CSC chronology.csv", rows), today=TODAY)
    assert [x.provenance.row for x in r.records] == [3, 4, 8]
    assert not r.quarantined
    reasons = {s.row: s.reason for s in r.skipped}
    assert all(n in reasons for n in (2, 5, 6, 7, 9, 10))
    assert "subtotal" in reasons[5] and "note" in reasons[6] and "subtotal" in reasons[9]


@pytest.mark.parametrize(
    "cells",
    [
        ["", "Total loss of contact with the family since 12/03/2021", ""],
        ["12/03/2021", "Totally withdrawn in class today", ""],
    ],
)
def test_if311_an_entry_about_a_total_is_no_subtotal(cells):
    assert subtotal_reason(cells) is None


def test_if312_a_sentence_in_an_entry_text_column_is_no_stray_note():
    text = "Mother said the family had moved out of the area in the spring of that year."
    assert stray_note(["", text, ""], {1}) is None  # an entry without its date: quarantined
    assert stray_note([text, "", ""], {1}) is not None
    assert stray_note(["Brindle Street Youth Project Team North", "", ""], {1}) is None


def test_if313_diary_paragraphs_dated_approximately_or_by_year_are_entries(tmp_path):
    blocks = [
        "Wendle Surgery - chronology",
        "02/03/2020 : Telephone consultation with mother, low mood, review in two weeks.",
        "?09/03/2020  Letter received from the ED about a scald to Tamsin's hand.",
        "2021 : Tamsin not brought to her review, second missed appointment.",
        "approx. June 2021 - family moved to Brindle Street, records transferred.",
        "2019 was a hard year for the family, mother said (continues the entry above).",
        "14/07/2021 - Immunisations given, no concerns noted.",
        "21/07/2021 (approx) : Seen at the baby clinic, weight on the 9th centile.",
    ]
    r = import_file(write_docx(tmp_path / "GP entries.docx", blocks), today=TODAY)
    got = [(x.date.start, x.date.precision, x.date.approximate) for x in r.records]
    assert got == [
        (date(2020, 3, 2), "day", False),
        (date(2020, 3, 9), "day", True),
        (date(2021, 1, 1), "year", False),
        (date(2021, 6, 1), "month", True),
        (date(2021, 7, 14), "day", False),
        (date(2021, 7, 21), "day", True),
    ]
    assert "2019 was a hard year" in r.records[3].description
    assert r.records[5].description.startswith("Seen at the baby clinic")
