"""Importer failure classes from the second held-out set's half b (issue 10, helper ingq).

Each test builds its own small fictional file: the mechanism, not the held-out wording.
"""

from __future__ import annotations

from datetime import date, time

import pytest

from ingest import import_file
from ingest.agencies import AgencyDirectory
from ingest.agency_kinds import agency_kind
from ingest.dates import DateError, parse_date
from ingest.leading_dates import leading_date
from ingest.text_times import leading_time
from tests.builders import write_csv, write_docx, write_xlsx

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # any wording the date reader knows, before a dash, colon, bar or a two-space gap
        ("late April 2022 - Rent arrears letter sent", ("late April 2022", "Rent arrears")),
        ("Autumn 2019: Ottilie started at nursery", ("Autumn 2019", "Ottilie started")),
        ("w/c 07/02/22 | core group held", ("w/c 07/02/22", "core group held")),
        ("Oct 2020  Referral from the school nurse", ("Oct 2020", "Referral from")),
        ("between 2nd and 4th March 2021 - respite", ("between 2nd and 4th March 2021", "respite")),
        # a range is not cut at its own dash
        ("03/05/2022 - 06/05/2022 - stayed at nan's", ("03/05/2022 - 06/05/2022", "stayed at")),
        ("11/06/2021 - 2 missed appointments", ("11/06/2021", "2 missed")),
        # no date before the separator: text
        ("Mum - upset, Dad - not present", None),
        ("Home visit, 20 minutes - Ottilie seen alone", None),
        ("2019 was a hard year, mother said", None),
        ("May 2020", None),  # a date alone is no entry
    ],
)
def test_iq001_a_leading_date_in_any_wording_the_date_reader_knows(text, expected):
    got = leading_date(text)
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert got[0] == expected[0]
        assert got[1].startswith(expected[1])


def test_iq002_diary_paragraphs_dated_by_month_or_part_of_one_are_entries_not_continuations(
    tmp_path,
):
    blocks = [
        "Pellbrook Family Hub - involvement with the Harrow family",
        "",
        "04.02.21  Family support worker visit, sleep routine agreed with Ottilie's mother.",
        "",
        "early March 2021 - Referral passed to the family hub from the school, mother agreed.",
        "",
        "April 2021  Team around the family meeting at Tollgate Primary, father invited.",
        "",
        "She said the weekend had been calm and the children were sleeping better.",
        "",
        "17.4.21  Case closed, family disengaged after three missed visits.",
    ]
    r = import_file(write_docx(tmp_path / "family hub diary.docx", blocks), today=TODAY)
    got = [
        (x.provenance.row, x.date.start, x.date.precision, x.date.approximate) for x in r.records
    ]
    assert got == [
        (3, date(2021, 2, 4), "day", False),
        (5, date(2021, 3, 1), "month", True),
        (7, date(2021, 4, 1), "month", False),
        (11, date(2021, 4, 17), "day", False),
    ]
    assert r.records[1].description.startswith("Referral passed to the family hub")
    # the undated paragraph under the April entry continues it
    assert r.records[2].provenance.continued_rows == (9,)
    assert "calm" in r.records[2].description


def test_iq003_the_header_is_found_above_a_section_row_and_its_repeats_are_skipped(tmp_path):
    # header words in no synonym list, a period heading between it and the first entries
    table = [
        ["Log no.", "Occurred", "Clock", "What happened", "Kind"],
        ["Spring - Summer 2021", "", "", "", ""],
        [
            "K-1041",
            "2021-03-02",
            "09:30",
            "Ottilie seen at the clinic with her mother, weight fine.",
            "Clinic",
        ],
        [
            "K-1042",
            "2021-03-09",
            "10.15am",
            "Telephone call from the school nurse about attendance.",
            "Call",
        ],
        [
            "K-1043",
            "2021-04-20",
            "14:05",
            "Home visit, no answer, card left at the door for the family.",
            "Visit",
        ],
        ["Log no.", "Occurred", "Clock", "What happened", "Kind"],
        ["", "", "", "Cont'd - mother rang back the same afternoon and rebooked.", ""],
        [
            "K-1044",
            "2021-05-11",
            "",
            "Ottilie seen at the clinic with her mother, no concerns.",
            "Clinic",
        ],
    ]
    blocks = ["Tollgate Midwifery Team - chronology", table]
    r = import_file(write_docx(tmp_path / "midwifery return.docx", blocks), today=TODAY)
    assert r.header_row == 1
    assert [x.provenance.row for x in r.records] == [3, 4, 5, 8]
    assert not r.quarantined
    reasons = {s.row: s.reason for s in r.skipped}
    assert "period heading" in reasons[2]
    assert reasons[6] == "repeated header row"
    # the continuation after the repeated header joins the entry above it
    assert r.records[2].provenance.continued_rows == (7,)
    assert r.records[1].date.time == time(10, 15)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Emergency Dept", "Hospital"),
        ("Pellbrook Domestic Abuse Svc", "Domestic Abuse Service"),
        ("Tollgate Mental Hlth Team", "Mental Health"),
        ("Sch Nursing Team North", "School Nursing"),
        ("Childrens Soc Care", "Children's Social Care"),
        # services a review hears from under a broader agency
        ("Pellbrook Urgent Treatment Centre", "Hospital"),
        ("Tollgate Walk-in Centre", "Hospital"),
        ("Harrowby Children's Centre", "Early Help"),
        ("Family Nurse Partnership (Tollgate)", "Health Visiting"),
        # two short forms alone, or a short form of no kind word, name no kind
        ("Emerg Dept", None),
        ("Gen Dept", None),
        ("Tollgate Svc", None),
    ],
)
def test_iq004_a_kind_phrase_with_a_word_shortened_names_its_agency(name, expected):
    assert agency_kind(name, AgencyDirectory())[0] == expected


def test_iq005_a_file_named_with_a_shortened_kind_phrase_is_filed_under_it(tmp_path):
    rows = [
        ["Seen on", "Notes"],
        ["02/03/2021", "Ottilie brought in by her mother with a cut to the chin, glued."],
        ["19/04/2021", "Attended with a sprained wrist after a fall at the trampoline park."],
    ]
    r = import_file(write_csv(tmp_path / "Pellbrook Emergency Dept return.csv", rows), today=TODAY)
    assert (r.agency, r.agency_source) == ("Hospital", "file name")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.50 paid towards the rent arrears", None),  # a sum
        ("3.75 per week agreed for the repayment plan", None),
        ("12.50 - paid the worker a visit", time(12, 50)),  # a separator: a time
        ("14.35 Call from Tollgate Primary", time(14, 35)),  # a capital: a time
        ("14:35 call from the school", time(14, 35)),  # a colon is never a sum
        ("2.35pm home visit", time(14, 35)),
        ("0930hrs strategy discussion", time(9, 30)),
    ],
)
def test_iq006_a_sum_opening_the_text_is_no_time(text, expected):
    assert leading_time(text) == expected


def test_iq007_no_time_column_a_sum_stays_text_and_a_time_is_read(tmp_path):
    rows = [
        ["Date", "Entry"],
        ["04/05/2021", "12.50 paid to mother from the hardship fund for school shoes."],
        ["05/05/2021", "10.15 - Call from the housing officer about the rent arrears."],
    ]
    r = import_file(write_csv(tmp_path / "Early Help chronology.csv", rows), today=TODAY)
    assert [x.date.time for x in r.records] == [None, time(10, 15)]
    assert r.records[0].description.startswith("12.50 paid")


def test_iq008_a_log_of_dated_lines_keeps_a_sum_after_the_date_in_the_text(tmp_path):
    rows = [
        ["Housing officer's log"],
        ["12/03/2021 12.50 paid towards the arrears by the tenant at the office."],
        ["19/03/2021 14.20 Tenant rang to say the boiler had failed again."],
        ["26/03/2021 - Inspection visit, damp in the children's bedroom."],
    ]
    r = import_file(write_csv(tmp_path / "Housing log.csv", rows), today=TODAY)
    got = [(x.date.start, x.date.time, x.description[:10]) for x in r.records]
    assert got == [
        (date(2021, 3, 12), None, "12.50 paid"),
        (date(2021, 3, 19), time(14, 20), "Tenant ran"),
        (date(2021, 3, 26), None, "Inspection"),
    ]


def test_iq009_a_diary_dated_by_headings_of_a_day_a_month_or_an_approximate_month(tmp_path):
    blocks = [
        "Tollgate Youth Justice Service",
        "3 May 2021",
        "Ottilie attended her first appointment with the youth justice worker.",
        "approx. June 2021",
        "Referral to the substance misuse team agreed with Ottilie and her mother.",
        "14 June 2021",
        "Home visit with mother present, plan reviewed.",
    ]
    r = import_file(write_docx(tmp_path / "youth justice diary.docx", blocks), today=TODAY)
    got = [
        (x.provenance.row, x.date.start, x.date.precision, x.date.approximate) for x in r.records
    ]
    assert got == [
        (3, date(2021, 5, 3), "day", False),
        (5, date(2021, 6, 1), "month", True),
        (7, date(2021, 6, 14), "day", False),
    ]
    assert {s.row for s in r.skipped if s.reason.startswith("date heading row")} >= {4, 6}
    assert 2 in {s.row for s in r.skipped}  # the first heading, above the first entry


def test_iq010_a_date_and_its_entry_on_two_lines_of_one_paragraph(tmp_path):
    blocks = [
        "Pellbrook Housing Association - chronology",
        "12/03/2021\nTenancy sustainment visit, rent account discussed with mother.",
        "Summer 2021\nDamp reported in the children's bedroom, surveyor booked.",
    ]
    r = import_file(write_docx(tmp_path / "housing diary.docx", blocks), today=TODAY)
    got = [(x.date.start, x.date.precision, x.description[:8]) for x in r.records]
    assert got == [(date(2021, 3, 12), "day", "Tenancy "), (date(2021, 6, 1), "season", "Damp rep")]


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("wk commencing 3/5/21", date(2021, 5, 3), date(2021, 5, 9), "week"),
        ("w/e 07/05/2021", date(2021, 5, 1), date(2021, 5, 7), "week"),
        ("week ending 7 May 2021", date(2021, 5, 1), date(2021, 5, 7), "week"),
        ("Autumn term 2021", date(2021, 9, 1), date(2021, 12, 31), "season"),
        ("Spring term 2022", date(2022, 1, 1), date(2022, 4, 30), "season"),
        ("Summer term 2022", date(2022, 4, 1), date(2022, 7, 31), "season"),
        ("Spring 2022", date(2022, 3, 1), date(2022, 5, 31), "season"),  # the season itself
    ],
)
def test_iq011_week_wordings_and_school_terms(text, start, end, precision):
    iv = parse_date(text)
    assert (iv.start, iv.end, iv.precision) == (start, end, precision)


def test_iq012_an_unreadable_week_ending_is_an_error_not_a_guess():
    with pytest.raises(DateError):
        parse_date("w/e May 2021")


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        # a day not known, written as a placeholder: the month
        ("xx/05/2021", date(2021, 5, 1), date(2021, 5, 31), "month"),
        ("??/05/2021", date(2021, 5, 1), date(2021, 5, 31), "month"),
        ("00.11.19", date(2019, 11, 1), date(2019, 11, 30), "month"),
        ("xx/xx/2019", date(2019, 1, 1), date(2019, 12, 31), "year"),
        ("?22/05/2016", date(2016, 5, 22), date(2016, 5, 22), "day"),  # approximate, not this
        # a decade; two month or season names with one year
        ("1990s", date(1990, 1, 1), date(1999, 12, 31), "range"),
        ("early 2000s", date(2000, 1, 1), date(2009, 12, 31), "range"),
        ("May/June 2021", date(2021, 5, 1), date(2021, 6, 30), "range"),
        ("Spring/Summer 2021", date(2021, 3, 1), date(2021, 8, 31), "range"),
        ("05/2021", date(2021, 5, 1), date(2021, 5, 31), "month"),  # unchanged
    ],
)
def test_iq013_partial_dates_written_with_placeholders_decades_and_slashed_names(
    text, start, end, precision
):
    iv = parse_date(text)
    assert (iv.start, iv.end, iv.precision) == (start, end, precision)


def test_iq014_a_placeholder_day_with_no_month_is_an_error():
    with pytest.raises(DateError):
        parse_date("xx/13/2021")


def test_iq015_a_time_cell_saying_no_time_was_noted_is_blank_not_unreadable(tmp_path):
    rows = [
        ["Date", "Time", "Details"],
        ["03/05/2021", "N/K", "Ottilie seen at clinic with her mother, weight plotted."],
        ["04/05/2021", "--:--", "Letter to the GP about the missed review appointment."],
        ["05/05/2021", "14:35", "Telephone call from mother asking to rebook the review."],
        ["06/05/2021", "morning", "Home visit, Ottilie seen in her bedroom, no concerns."],
        ["07/05/2021", "09:10", "Core group meeting held at the family hub, plan reviewed."],
        ["08/05/2021", "16:00", "Mother rang to say the family would be away next week."],
        ["09/05/2021", "10:20", "School nurse rang about Ottilie's attendance at school."],
    ]
    r = import_file(write_csv(tmp_path / "Health Visiting log.csv", rows), today=TODAY)
    got = [x.date.time for x in r.records]
    assert got == [None, None, time(14, 35), None, time(9, 10), time(16, 0), time(10, 20)]
    codes = [[i.code for i in x.issues] for x in r.records]
    assert codes[:3] == [[], [], []]
    assert "bad_time" in codes[3]  # a part of the day is no time this tool reads: said so


def test_iq016_a_paragraph_diary_whose_entries_run_over_several_paragraphs(tmp_path):
    blocks = [
        "Tollgate School Nursing Service",
        "03/05/2021 - Drop-in session.",
        "Ottilie came alone and talked about sleeping badly.",
        "No concerns.",
        "2021 - 2022",  # a section heading: never part of an entry
        "17/05/2021: Call to mother.",
        "She did not answer; message left.",
        "POLICE",  # an agency's heading in a compiled diary
        "24/05/2021 - Officers attended after a call from a neighbour about shouting.",
        "End of chronology",
    ]
    r = import_file(write_docx(tmp_path / "school nursing diary.docx", blocks), today=TODAY)
    got = [(x.provenance.row, x.agency, x.provenance.continued_rows) for x in r.records]
    assert got == [
        (2, "School Nursing", (3, 4)),
        (6, "School Nursing", (7,)),
        (9, "Police", ()),
    ]
    assert r.records[0].description.endswith("sleeping badly. No concerns.")
    reasons = {s.row: s.reason for s in r.skipped}
    assert "continuation" not in reasons[5] and "continuation" not in reasons[10]
    assert reasons[8].startswith("agency section heading")
    assert not r.quarantined


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "approximate"),
    [
        ("03/05/2021 evening", date(2021, 5, 3), date(2021, 5, 3), "day", False),
        ("Monday 3rd May 2021, afternoon", date(2021, 5, 3), date(2021, 5, 3), "day", False),
        ("03/05/21 & 04/05/21", date(2021, 5, 3), date(2021, 5, 4), "range", False),
        ("03/05/2021, 06/05/2021", date(2021, 5, 3), date(2021, 5, 6), "range", False),
        ("03/05/2021 or 04/05/2021", date(2021, 5, 3), date(2021, 5, 4), "range", True),
        # a comma that is part of one date or of a date and time is not two dates
        ("Friday, 12 March 2021", date(2021, 3, 12), date(2021, 3, 12), "day", False),
        ("March 12, 2021", date(2021, 3, 12), date(2021, 3, 12), "day", False),
        ("12/03/2021, 14:35", date(2021, 3, 12), date(2021, 3, 12), "exact", False),
    ],
)
def test_iq017_a_part_of_the_day_or_two_dates_in_one_date_cell(
    text, start, end, precision, approximate
):
    iv = parse_date(text)
    assert (iv.start, iv.end, iv.precision, iv.approximate) == (start, end, precision, approximate)
    assert iv.time is None or precision == "exact"


def test_iq018_two_dates_out_of_order_are_not_a_span():
    with pytest.raises(DateError):
        parse_date("06/05/2021, 03/05/2021")


def test_iq019_the_header_is_found_above_blank_and_section_rows_together(tmp_path):
    rows = [
        ["Tollgate Housing Association - chronology", "", ""],
        ["Logged", "Tenancy note", "Officer"],
        ["", "", ""],
        ["--- 2021 ---", "", ""],
        ["", "", ""],
        ["03/05/2021", "Tenancy sustainment visit, rent account discussed with mother.", "K. Pell"],
        ["10/05/2021", "Damp reported in the children's bedroom, surveyor booked.", "K. Pell"],
        ["Logged", "Tenancy note", "Officer"],
        ["17/05/2021", "Surveyor visited, mould treatment booked for next month.", "R. Oake"],
    ]
    r = import_file(write_csv(tmp_path / "housing return.csv", rows), today=TODAY)
    assert r.header_row == 2
    assert [x.provenance.row for x in r.records] == [6, 7, 9]
    assert {s.row: s.reason for s in r.skipped}[8] == "repeated header row"
    assert not r.quarantined


def test_iq020_a_front_table_of_key_and_value_lines_then_the_entries_as_paragraphs(tmp_path):
    blocks = [
        "Learning review - information return",
        [["Agency", "Tollgate Early Help Service"], ["Child", "Ottilie Harrow"]],
        "Chronology",
        "03/05/2021 - Family support worker visit, routines discussed with mother.",
        "10/05/2021 - Team around the family meeting, school attended.",
        "She agreed to a parenting course.",
        "17/05/2021 - Case closed, family disengaged.",
    ]
    r = import_file(write_docx(tmp_path / "information return.docx", blocks), today=TODAY)
    assert (r.agency, r.agency_source) == ("Early Help", "title block")
    got = [(x.provenance.sheet, x.provenance.row, x.date.start) for x in r.records]
    assert got == [
        ("paragraphs", 3, date(2021, 5, 3)),
        ("paragraphs", 4, date(2021, 5, 10)),
        ("paragraphs", 6, date(2021, 5, 17)),
    ]
    assert r.records[1].provenance.continued_rows == (5,)


def test_iq021_a_table_of_entries_is_never_joined_by_the_paragraphs_around_it(tmp_path):
    blocks = [
        "Tollgate Early Help Service - chronology",
        "03/05/2021 - draft agreed with the team manager before it was sent.",
        "04/05/2021 - returned to the review panel.",
        [
            ["Date", "Entry"],
            ["01/04/2021", "Family support worker visit, routines discussed with mother."],
            ["08/04/2021", "Team around the family meeting held at Tollgate Primary."],
        ],
    ]
    r = import_file(write_docx(tmp_path / "early help chronology.docx", blocks), today=TODAY)
    assert [x.provenance.sheet for x in r.records] == ["table 1", "table 1"]


def test_iq022_a_workbook_of_one_sheet_per_agency_files_each_sheet_under_its_own(tmp_path):
    sheets = {
        "Emergency Dept": [
            ["Date", "Notes"],
            ["03/05/2021", "Ottilie brought in with a cut to the chin, glued and discharged."],
            ["10/05/2021", "Attended with a sprained wrist after a fall at the park."],
        ],
        "School Nursing": [
            ["Date", "Notes"],
            ["12/05/2021", "Health review at school, weight plotted, no concerns raised."],
        ],
        "Chronology": [  # a generic name: the file's agency
            ["Date", "Notes"],
            ["14/05/2021", "Strategy discussion held with police and children's social care."],
        ],
    }
    r = import_file(write_xlsx(tmp_path / "health return.xlsx", sheets), today=TODAY)
    assert (r.agency, r.agency_source) == ("Hospital", "sheet name")
    got = [(x.provenance.sheet, x.agency) for x in r.records]
    assert got == [
        ("Emergency Dept", "Hospital"),
        ("Emergency Dept", "Hospital"),
        ("School Nursing", "School Nursing"),
        ("Chronology", "Hospital"),
    ]
