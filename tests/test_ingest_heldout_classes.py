"""Issue 10, the failure classes an independent evaluation found (agency kinds, layouts
refused, date forms, time spans, non-records, multi-row entries). Every file here is
written with wordings of its own: none is a copy of the evaluator's files. Expected
values are written out by hand from the rows each test builds; all names are fictional."""

from __future__ import annotations

from datetime import date, time

import pytest

from ingest import import_file
from ingest.agencies import AgencyDirectory
from ingest.dates import parse_date
from ingest.header import classify_row
from ingest.times import parse_time_approx
from ingest.titleblock import read_title_block
from tests.builders import write_csv, write_docx, write_xlsx

TODAY = date(2026, 11, 26)
TEXT = "Worker met the family at home; the children were seen and spoke about their week"


def by_row(result):
    return {r.provenance.row: r for r in result.records}


def reasons(result):
    return {s.row: s.reason for s in result.skipped}


# ---------------------------------------------------------------- 1. agencies


@pytest.mark.parametrize(
    ("stem", "agency"),
    [
        ("YOS_case_notes_2022", "Youth Justice"),
        ("youth offending team return", "Youth Justice"),
        ("EarlyHelpHub log", "Early Help"),
        ("TAF worker chronology", "Early Help"),
        ("VCSE partner entries", "Voluntary Sector"),
        ("HomeStart visits", "Voluntary Sector"),
        ("FamilyHub_contacts", "Early Help"),
    ],
)
def test_hc101_agency_kinds_and_abbreviations_in_file_names(stem, agency):
    assert AgencyDirectory().from_file_name(stem) == agency


@pytest.mark.parametrize(
    ("cell", "agency"),
    [
        ("Marrowby Family Hub", "Early Help"),
        ("Early Help Service (North)", "Early Help"),
        ("Pellingford Youth Justice Service", "Youth Justice"),
        ("Cobham Lane Parents Action Group", "Voluntary Sector"),
        ("Stennet Valley Women's Aid", "Domestic Abuse Service"),  # a DA charity
        # an NHS foundation trust is not a charity
        ("Stennet Valley Hospital NHS Foundation Trust", "Hospital"),
    ],
)
def test_hc102_agency_cells_map_by_kind(cell, agency):
    assert AgencyDirectory().canonical(cell) == agency


def test_hc103_a_title_cell_with_two_keys_gives_each_its_value():
    block = read_title_block(
        [["Agency name: Brindle Street Youth Project   Prepared by: Olwen Marchetti"]]
    )
    assert block.fields["agency"] == "Brindle Street Youth Project"
    assert block.fields["completed_by"] == "Olwen Marchetti"
    one = read_title_block([["Name of child: R.T.; Date of birth: 03/09/2015"]])
    assert one.fields["child"] == "R.T." and one.fields["dob"] == "03/09/2015"


def test_hc104_title_cell_with_an_author_still_names_the_agency(tmp_path):
    rows = [
        ["Organisation: Quarry End Community Action Group  Author: Pia Lindqvist"],
        [],
        ["Date", "What happened"],
        ["04/02/2021", TEXT],
        ["11/02/2021", TEXT + " again"],
    ]
    r = import_file(write_xlsx(tmp_path / "return 4.xlsx", {"Sheet1": rows}), today=TODAY)
    assert r.agency == "Voluntary Sector" and r.agency_source == "title block"


def test_hc105_agency_heading_rows_in_a_compiled_chronology(tmp_path):
    rows = [
        ["Combined chronology for the review of Child P"],
        ["Date", "Time", "Involvement", "Staff member"],
        ["Children's Services"],
        ["02/03/2020", "10:00", TEXT, "SW Tamsin Orrell"],
        ["09/03/2020", "", TEXT + " (2)", "SW Tamsin Orrell"],
        ["Health Visitor"],
        [
            "05/03/2020",
            "14:15",
            "Developmental review at the clinic; growth on track",
            "HV Ruth Danby",
        ],
        ["YOUTH OFFENDING SERVICE"],
        [
            "12/03/2020",
            "16:40",
            "Referral order panel held with the young person and carer",
            "YOS officer",
        ],
    ]
    merges = {"Chronology": ["A3:D3", "A6:D6", "A8:D8"]}
    path = write_xlsx(tmp_path / "combined.xlsx", {"Chronology": rows}, merges=merges)
    r = import_file(path, today=TODAY)
    got = {row: rec.agency for row, rec in by_row(r).items()}
    assert got == {
        4: "Children's Social Care",
        5: "Children's Social Care",
        7: "Health Visiting",
        9: "Youth Justice",
    }
    assert not r.quarantined
    assert "agency section heading" in reasons(r)[6]
    assert r.accounted


# ---------------------------------------------------------------- 2. layouts refused


def test_hc201_word_chronology_as_paragraphs(tmp_path):
    path = write_docx(
        tmp_path / "Constabulary narrative.docx",
        [
            "Ferrowby Constabulary",
            "Summary of police involvement prepared for the panel.",
            "3rd March 2021 at 09:40: Officers attended a disturbance; both adults spoken to.",
            "7 Mar 2021 - Crime report completed and shared with the MASH screening team.",
            "Nothing further held after this date.",
            "2021-03-19 1815hrs | Welfare check at the address; the children were asleep upstairs.",
        ],
    )
    r = import_file(path, today=TODAY)
    rec = by_row(r)
    assert sorted(rec) == [3, 4, 6]
    assert (rec[3].date.start, rec[3].date.time) == (date(2021, 3, 3), time(9, 40))
    assert rec[3].description.startswith("Officers attended a disturbance")
    assert (rec[4].date.start, rec[4].date.time) == (date(2021, 3, 7), None)
    assert (rec[6].date.start, rec[6].date.time) == (date(2021, 3, 19), time(18, 15))
    assert r.agency == "Police" and r.accounted


def test_hc202_word_document_of_prose_without_dates_is_still_refused(tmp_path):
    from ingest.errors import IngestError

    path = write_docx(tmp_path / "letter.docx", ["Dear panel,", "Please find our notes enclosed."])
    with pytest.raises(IngestError, match="no table"):
        import_file(path, today=TODAY)


def test_hc203_diary_with_date_heading_rows(tmp_path):
    rows = [
        ["Ambulance service incident diary"],
        ["Clock time", "Narrative", "Crew"],
        ["Tue 2 February 2021"],
        ["0810", "Call received from the mother; child with breathing difficulty", "Crew 4"],
        ["", "Conveyed to the children's emergency department with the mother", "Crew 4"],
        ["Thursday 4 February 2021"],
        ["22:05", "Second call; the child was well on arrival and left at home", "Crew 9"],
        ["5th February 2021"],
        ["7.15am", "Safeguarding referral submitted by the crew about the home", "Crew 9"],
    ]
    r = import_file(write_xlsx(tmp_path / "diary.xlsx", {"Log": rows}), today=TODAY)
    rec = by_row(r)
    assert {row: (x.date.start, x.date.time) for row, x in rec.items()} == {
        4: (date(2021, 2, 2), time(8, 10)),
        5: (date(2021, 2, 2), None),
        7: (date(2021, 2, 4), time(22, 5)),
        9: (date(2021, 2, 5), time(7, 15)),
    }
    assert "date heading row" in reasons(r)[3]
    assert not r.quarantined and r.accounted


def test_hc204_a_table_with_only_a_few_date_rows_is_not_a_diary(tmp_path):
    rows = [["Date", "Entry"]] + [[f"{d:02d}/05/2021", f"{TEXT} {d}"] for d in range(1, 9)]
    rows.insert(3, ["09/05/2021"])  # a date with no text: still an entry missing its text
    r = import_file(write_csv(tmp_path / "Housing log.csv", rows), today=TODAY)
    assert len(r.records) == 8 and len(r.quarantined) == 1


def test_hc205_single_column_log_under_a_two_cell_title_row(tmp_path):
    rows = [
        ["Marsh Lane Homes"],
        ["Officer:", "Ines Pavlou"],
        [],
        ["Tenancy notes"],
        ["01/06/2020 11.20am: Tenancy audit visit; the flat was cold and there was little food"],
        ["15/06/2020 - Arrears letter posted to the tenant, second reminder"],
        ["further contact attempted by phone"],
        ["22 June 2020 16:05 – Noise complaint from a neighbour about shouting at night"],
    ]
    r = import_file(write_xlsx(tmp_path / "tenancy.xlsx", {"Notes": rows}), today=TODAY)
    rec = by_row(r)
    assert sorted(rec) == [5, 6, 8]
    assert (rec[5].date.start, rec[5].date.time) == (date(2020, 6, 1), time(11, 20))
    assert rec[6].description.startswith("Arrears letter posted")
    assert (rec[8].date.start, rec[8].date.time) == (date(2020, 6, 22), time(16, 5))
    assert r.agency == "Housing" and r.accounted


# ---------------------------------------------------------------- 3. date forms


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("03/11/19 - 4.45pm", date(2019, 11, 3), time(16, 45)),
        ("3.11.2019 – 0930hrs", date(2019, 11, 3), time(9, 30)),
        ("03/11/2019-16:45", date(2019, 11, 3), time(16, 45)),
    ],
)
def test_hc301_date_and_time_joined_by_a_dash(text, day, at):
    iv = parse_date(text)
    assert (iv.start, iv.time) == (day, at)


def test_hc302_a_dash_before_a_year_is_still_a_range():
    iv = parse_date("2018 - 2019")
    assert (iv.start, iv.end, iv.precision) == (date(2018, 1, 1), date(2019, 12, 31), "range")


@pytest.mark.parametrize(
    ("text", "mark"),
    [("21/10/2020**", "**"), ("21/10/2020 (phone)", "(phone)"), ("21/10/2020 [email]", "[email]")],
)
def test_hc303_an_annotation_after_a_date_is_a_note(text, mark):
    iv = parse_date(text)
    assert iv.start == date(2020, 10, 21) and mark in iv.note


def test_hc304_ditto_marks_take_the_date_above(tmp_path):
    rows = [
        ["Date", "Time", "Account"],
        ["14/07/2021", "10:00", TEXT],
        ["〃", "11:30", TEXT + " later"],
        ["ditto", "15:00", TEXT + " in the afternoon"],
        ["16/07/2021", "09:00", TEXT + " two days on"],
        ['"', "", TEXT + " same day"],
    ]
    r = import_file(write_xlsx(tmp_path / "Police log.xlsx", {"Log": rows}), today=TODAY)
    rec = by_row(r)
    assert [(rec[n].date.start, rec[n].date.time) for n in (3, 4, 6)] == [
        (date(2021, 7, 14), time(11, 30)),
        (date(2021, 7, 14), time(15, 0)),
        (date(2021, 7, 16), None),
    ]
    assert any(i.code == "ditto_date" for i in rec[3].issues)
    assert not any(i.code == "ditto_date" for i in rec[2].issues)


# ---------------------------------------------------------------- 4. time spans


@pytest.mark.parametrize(
    ("text", "start"),
    [("09:15 - 10:45", time(9, 15)), ("1pm to 2.30pm", time(13, 0)), ("1600-1730hrs", time(16, 0))],
)
def test_hc401_a_time_span_files_its_start(text, start):
    assert parse_time_approx(text) == (start, False)


def test_hc402_time_span_cell_stays_in_the_provenance(tmp_path):
    rows = [["Contact date", "Contact time", "Notes"], ["02/02/2022", "13:00-14:00", TEXT]]
    r = import_file(write_csv(tmp_path / "Probation contacts.csv", rows), today=TODAY)
    (rec,) = r.records
    assert rec.date.time == time(13, 0) and not rec.issues
    assert rec.provenance.raw["Contact time"] == "13:00-14:00"


# ---------------------------------------------------------------- 5. non-records


@pytest.mark.parametrize(
    "texts",
    [
        ["Signature: ..............", ""],
        ["Countersigned by manager: ________", ""],
        ["Print name: ________", "Date: ________"],
        ["SW - social worker; IRO - independent reviewing officer; LAC - looked after child", ""],
        ["Abbreviations: see the glossary sheet", ""],
    ],
)
def test_hc501_sign_off_lines_and_keys_are_skipped(texts):
    assert classify_row(texts, ("date", "details"), 0) is not None


def test_hc502_an_event_mentioning_a_signature_is_data():
    assert classify_row(["12/03/2021", "Mother signed the safety plan"], ("date", "d"), 0) is None
    assert classify_row(["Signed off work", "Mother off sick"], ("date", "d"), 0) is None


def test_hc503_example_rows_period_rows_and_dated_title_rows_are_skipped(tmp_path):
    rows = [
        ["Date requested:", "05/01/2022"],
        ["Deadline for return:", "28/01/2022"],
        [],
        ["Date", "Type", "Details of contact"],
        ["Example: 01/01/2021", "Visit", "Describe what happened and what was decided"],
        ["Autumn term 2021"],
        ["06/09/2021", "Meeting", TEXT],
        ["13/09/2021", "Call", TEXT + " by phone"],
        ["January - March 2022"],
        ["10/01/2022", "Visit", TEXT + " in the new year"],
    ]
    r = import_file(write_xlsx(tmp_path / "School return.xlsx", {"Return": rows}), today=TODAY)
    assert sorted(by_row(r)) == [7, 8, 10]
    skipped = reasons(r)
    assert "example" in skipped[5] and "section row" in skipped[6] and "section row" in skipped[9]
    assert skipped[1] == "title row" and skipped[2] == "title row"
    assert not r.quarantined and r.header_row == 4


def test_hc504_a_cover_sheet_of_labels_and_dates_is_the_title_block(tmp_path):
    cover = [["Review of Child D"], ["Requested on", "02/05/2022"], ["Due back", "30/05/2022"]]
    chron = [["Date", "Summary"], ["03/03/2022", TEXT], ["09/03/2022", TEXT + " again"]]
    path = write_xlsx(tmp_path / "GP return.xlsx", {"Front page": cover, "Entries": chron})
    r = import_file(path, today=TODAY)
    assert [x.provenance.sheet for x in r.records] == ["Entries", "Entries"]


# ---------------------------------------------------------------- 6. multi-row entries


def test_hc601_labelled_undated_rows_join_the_consultation_above(tmp_path):
    rows = [
        ["Consultation date", "Section", "Entry text", "Clinician"],
        [
            "11/11/2020",
            "Face to face",
            "Mother attended with the baby for a review",
            "Dr Ama Boateng",
        ],
        ["", "Subjective", "Baby feeding well but mother is tired and low", ""],
        ["", "Safeguarding", "Health visitor to be informed of the low mood", ""],
        ["19/11/2020", "Telephone", "Call with mother about the prescription and sleep", "Dr A B"],
        ["", "", "Night feeds are going better since the last review", ""],
        ["", "", "Dr Ama Boateng", ""],
    ]
    r = import_file(write_xlsx(tmp_path / "Surgery.xlsx", {"Journal": rows}), today=TODAY)
    rec = by_row(r)
    assert sorted(rec) == [2, 5]
    assert rec[2].description == (
        "Mother attended with the baby for a review Subjective: Baby feeding well but mother "
        "is tired and low Safeguarding: Health visitor to be informed of the low mood"
    )
    assert rec[2].provenance.rows == (2, 3, 4)
    # an undated row with a person's name only is not text to join: it stays visible
    assert [q.provenance.row for q in r.quarantined] == [7]


# ---------------------------------------------------------------- guards: what stays as it was


def test_hc701_a_lone_undated_entry_naming_an_agency_is_not_a_heading(tmp_path):
    rows = [
        ["Date", "Entry", "Worker"],
        ["01/04/2021", TEXT, "SW1"],
        ["Seen by GP"],
        ["08/04/2021", TEXT + " later", "SW1"],
    ]
    r = import_file(write_xlsx(tmp_path / "CSC log.xlsx", {"Log": rows}), today=TODAY)
    assert [x.agency for x in r.records] == ["Children's Social Care"] * 2
    assert [q.provenance.row for q in r.quarantined] == [3]


def test_hc702_a_short_chronology_with_the_date_second_is_not_a_cover_sheet(tmp_path):
    rows = [["Event", "Date"], ["Home visit", "02/03/2021"], ["Core group", "09/03/2021"]]
    r = import_file(write_xlsx(tmp_path / "CSC short.xlsx", {"Sheet1": rows}), today=TODAY)
    assert [x.description for x in r.records] == ["Home visit", "Core group"]


def test_hc703_a_continuation_that_looks_like_a_key_is_still_joined(tmp_path):
    rows = [
        ["Date", "Details"],
        ["03/05/2021", TEXT],
        ["", "Mum - upset about the move, Dad - not present at the visit"],
    ]
    r = import_file(write_csv(tmp_path / "HV notes.csv", rows), today=TODAY)
    (rec,) = r.records
    assert rec.description.endswith("Dad - not present at the visit")
    assert rec.provenance.rows == (2, 3)


def test_hc704_an_undated_row_with_its_own_worker_is_not_joined_as_a_part(tmp_path):
    rows = [
        ["Date", "Type", "Details", "Worker"],
        ["03/05/2021", "Visit", TEXT, "HV Lois Penner"],
        ["", "Clinic", "Weighed at the baby clinic; growth on the centile", "HV Lois Penner"],
    ]
    r = import_file(write_csv(tmp_path / "HV clinic.csv", rows), today=TODAY)
    assert len(r.records) == 1 and [q.provenance.row for q in r.quarantined] == [3]
