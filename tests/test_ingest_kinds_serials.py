"""Issue 10, classes of the second held-out evaluation: Excel date-times as plain numbers,
agencies known by the kind of service their name describes, and compiled chronologies
whose section headings name an agency with words after it. Every layout here is written
for these tests (not a copy of an evaluation file); all names are fictional."""

from __future__ import annotations

from datetime import date, time

import pytest

from ingest import import_file
from ingest.agencies import AgencyDirectory
from ingest.agency_evidence import heading_agency
from ingest.agency_kinds import agency_kind
from ingest.colprofile import profile_columns
from ingest.dates import parse_date
from ingest.header import classify_row, data_start
from ingest.titleblock import read_title_block
from tests.builders import write_csv, write_docx, write_xlsx

TODAY = date(2026, 11, 26)
TEXT = "Worker met the family at home; the children were seen and spoke about their week"


# ---------------------------------------------------------------- Excel serials as numbers


def test_ks101_serial_numbers_with_times_are_a_date_column(tmp_path):
    rows = [
        ["Fernhollow Housing Trust: tenancy sustainment log"],
        [],
        ["Ref", "Logged", "Officer", "Summary"],
        ["T-881", 44651.4375, "HO Bram Ketley", TEXT],  # 31/03/2022 10:30
        ["T-882", 44656.0, "HO Bram Ketley", TEXT + " (letter)"],  # 05/04/2022, no time
        ["T-883", 44660.7291666667, "HO Ines Vardy", TEXT + " (visit)"],  # 09/04/2022 17:30
        ["T-884", 44671.375, "HO Ines Vardy", TEXT + " (call)"],  # 20/04/2022 09:00
    ]
    r = import_file(write_xlsx(tmp_path / "tenancy log.xlsx", {"Log": rows}), today=TODAY)
    got = [(x.provenance.row, x.date.start, x.date.time) for x in r.records]
    assert got == [
        (4, date(2022, 3, 31), time(10, 30)),
        (5, date(2022, 4, 5), None),
        (6, date(2022, 4, 9), time(17, 30)),
        (7, date(2022, 4, 20), time(9, 0)),
    ]
    date_col = next(c for c in r.columns if c.field == "date")
    assert date_col.header == "Logged" and "read as dates" in date_col.reason


def test_ks102_whole_numbers_in_the_serial_range_stay_half_evidence():
    # case numbers 40001.. are not dates: no fraction, so they count at half weight
    rows = [[40001 + i, TEXT] for i in range(10)]
    p = profile_columns(rows, 2, AgencyDirectory())[0]
    assert p.date == pytest.approx(0.5)
    timed = [[40001 + i + 0.25, TEXT] for i in range(10)]
    q = profile_columns(timed, 2, AgencyDirectory())[0]
    assert q.date == pytest.approx(1.0) and q.datetime == pytest.approx(1.0)


def test_ks103_a_real_date_column_beats_serial_looking_numbers():
    rows = [
        ["Case", "Date", "Note"],
        [44001.5, "02/03/2021", TEXT],
        [44002.5, "09/03/2021", TEXT],
    ]
    assert data_start(rows) == 1  # found by the text dates, in the first pass
    assert data_start([["Case", "Note"], ["A1", TEXT], ["A2", TEXT]]) == -1


# ---------------------------------------------------------------- agency kinds


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("Corvell Drug and Alcohol Keywork Team", "Substance Misuse Service"),
        ("Tamsford Recovery Partnership", "Substance Misuse Service"),
        ("Quillon Bay Maternity Unit", "Midwifery"),
        ("North Ebbing PDU", "Probation"),
        ("Harthill Probation Delivery Unit", "Probation"),
        ("Saffron Lane Women's Refuge", "Domestic Abuse Service"),
        ("Wrexby Domestic Abuse Charity", "Domestic Abuse Service"),  # "charity": a form
        ("St Aldric's Infirmary", "Hospital"),
        ("Ottermere Befriending Scheme", "Voluntary Sector"),
    ],
)
def test_ks201_an_agency_name_maps_by_its_kind_words(name, agency):
    assert agency_kind(name, AgencyDirectory())[0] == agency


@pytest.mark.parametrize("name", ["Brackenfold Partnership", "Wendle Hub", "Team 4 North"])
def test_ks202_a_name_without_kind_words_maps_to_nothing(name):
    assert agency_kind(name)[0] is None


def test_ks203_title_line_after_a_marking_names_the_agency_by_kind(tmp_path):
    rows = [
        ["PROTECT - Corvell Drug and Alcohol Keywork Team"],
        ["Young person: K.O."],
        [],
        ["Date", "Keywork note"],
        ["04/02/2021", TEXT],
        ["11/02/2021", TEXT + " again"],
    ]
    r = import_file(write_xlsx(tmp_path / "return 7.xlsx", {"Sheet1": rows}), today=TODAY)
    assert r.agency == "Substance Misuse Service" and r.agency_source == "title block"


def test_ks204_file_name_kind_beats_a_loose_spelling_match(tmp_path):
    rows = [["Date", "Note"], ["04/02/2021", TEXT], ["11/02/2021", TEXT + " again"]]
    r = import_file(write_csv(tmp_path / "Recovery_service_notes.csv", rows), today=TODAY)
    assert r.agency == "Substance Misuse Service" and r.agency_source == "file name"


def test_ks205_an_unknown_kind_keeps_its_own_name_with_a_note(tmp_path):
    rows = [
        ["Agency: Wendlebury Hub"],
        ["Date", "Note"],
        ["04/02/2021", TEXT],
        ["11/02/2021", TEXT + " again"],
    ]
    r = import_file(write_xlsx(tmp_path / "return 9.xlsx", {"Sheet1": rows}), today=TODAY)
    assert r.agency == "Wendlebury Hub"
    assert "does not know" in r.agency_evidence


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Housing - information provided", "Housing"),
        ("POLICE: entries", "Police"),
        ("Tamsford Recovery Partnership (return)", "Substance Misuse Service"),
        ("Quillon Bay Maternity Unit", "Midwifery"),
    ],
)
def test_ks301_heading_names_an_agency_with_words_after_it(text, agency):
    assert heading_agency(text, AgencyDirectory()) == agency


@pytest.mark.parametrize("text", ["Seen by GP", "Police attended 12 Elm Row", "Visit to refuge"])
def test_ks302_an_entry_naming_an_agency_is_not_a_heading(text):
    assert heading_agency(text, AgencyDirectory()) is None


def test_ks303_compiled_word_chronology_files_each_entry_under_its_heading(tmp_path):
    table = [
        ["When", "What happened", "Who"],
        ["Police - information provided", "", ""],
        ["03/05/2021", TEXT, "PC Adeyemi"],
        ["Tamsford Recovery Partnership (return)", "", ""],
        ["10/05/2021", TEXT + " at the service", "Keyworker J. Pell"],
        ["17/05/2021", TEXT + " by phone", "Keyworker J. Pell"],
    ]
    path = write_docx(tmp_path / "combined return.docx", ["Learning review: Child T", table])
    r = import_file(path, today=TODAY)
    got = {x.provenance.row: x.agency for x in r.records}
    assert got == {3: "Police", 5: "Substance Misuse Service", 6: "Substance Misuse Service"}
    assert not r.quarantined
    assert {s.row for s in r.skipped if "agency section heading" in s.reason} == {2, 4}


# ---------------------------------------------------------------- two date columns


def test_ks401_the_recording_date_gives_way_to_the_event_date(tmp_path):
    rows = [
        ["Input on", "Visit date", "Practitioner", "Account"],
        ["14/01/2022", "10/01/2022", "FSW Dara Quell", TEXT],
        ["14/01/2022", "12/01/2022", "FSW Dara Quell", TEXT + " (2)"],
        ["20/01/2022", "20/01/2022", "FSW Dara Quell", TEXT + " (3)"],
        ["02/02/2022", "25/01/2022", "FSW Dara Quell", TEXT + " (4)"],
    ]
    r = import_file(write_csv(tmp_path / "Early help visits.csv", rows), today=TODAY)
    assert [x.date.start.day for x in r.records] == [10, 12, 20, 25]
    assert r.records[0].extra["Input on"] == "14/01/2022"  # kept in the record's details
    assert any("'Visit date' used as the event's date" in n for n in r.notes)


def test_ks402_content_alone_tells_the_recording_date(tmp_path):
    # headers that say nothing: the column never earlier than the other is the recording
    rows = [
        ["Column A", "Column B", "Text"],
        ["03/03/2022", "01/03/2022", TEXT],
        ["09/03/2022", "08/03/2022", TEXT + " (2)"],
        ["16/03/2022", "16/03/2022", TEXT + " (3)"],
        ["30/03/2022", "21/03/2022", TEXT + " (4)"],
    ]
    r = import_file(write_csv(tmp_path / "Housing notes.csv", rows), today=TODAY)
    assert [x.date.start.day for x in r.records] == [1, 8, 16, 21]


def test_ks403_a_start_and_end_pair_is_not_a_recording_date(tmp_path):
    rows = [
        ["Start date", "End date", "Placement"],
        ["01/03/2022", "14/03/2022", TEXT],
        ["15/03/2022", "30/04/2022", TEXT + " (2)"],
        ["01/05/2022", "01/06/2022", TEXT + " (3)"],
    ]
    r = import_file(write_csv(tmp_path / "CSC placements.csv", rows), today=TODAY)
    assert [x.date.start for x in r.records] == [
        date(2022, 3, 1),
        date(2022, 3, 15),
        date(2022, 5, 1),
    ]


# ---------------------------------------------------------------- Word entries, diaries


def test_ks501_word_paragraph_diary_with_a_date_paragraph_above_each_entry(tmp_path):
    path = write_docx(
        tmp_path / "Befriending scheme notes.docx",
        [
            "Ottermere Befriending Scheme",
            "Notes kept for the review",
            "Mon 3 May 2021 - 9.15am",
            "Volunteer visited; mum said the baby had been unsettled at night.",
            "Thursday 13 May 2021",
            "Phone call with mum to rearrange the visit; she sounded low.",
        ],
    )
    r = import_file(path, today=TODAY)
    got = [(x.date.start, x.date.time, x.description[:14]) for x in r.records]
    assert got == [
        (date(2021, 5, 3), time(9, 15), "Volunteer visi"),
        (date(2021, 5, 13), None, "Phone call wit"),
    ]
    assert r.agency == "Voluntary Sector"


def test_ks502_single_column_word_log_with_month_names_and_bracketed_times(tmp_path):
    table = [
        ["Log"],
        ["03-May-2021 (0930hrs): Office appointment attended; licence conditions reviewed."],
        ["11-May-2021: Letter sent about the missed appointment on 10 May."],
        ["19-May-2021 (1405hrs) - Home visit completed with the police offender manager."],
    ]
    path = write_docx(tmp_path / "PDU North notes.docx", ["Case log", table])
    r = import_file(path, today=TODAY)
    got = [(x.date.start, x.date.time) for x in r.records]
    assert got == [
        (date(2021, 5, 3), time(9, 30)),
        (date(2021, 5, 11), None),
        (date(2021, 5, 19), time(14, 5)),
    ]
    assert r.records[1].description.startswith("Letter sent")
    assert r.agency == "Probation"


def test_ks601_day_headings_over_time_only_rows_are_a_diary(tmp_path):
    rows = [
        ["Ward 7 nursing record"],
        ["Time", "Note", "Nurse"],
        ["Tuesday 4 May 2021", "", ""],
        ["9.15am", "Observations stable; child ate breakfast and played.", "SN Ilse Varga"],
        ["", "Mum visited; the child settled after she left.", "SN Ilse Varga"],
        ["Wednesday 5 May 2021", "", ""],
        ["14:40", "Reviewed by the registrar and discharged home with mum.", "Dr Oke Mensah"],
    ]
    r = import_file(write_xlsx(tmp_path / "ward notes.xlsx", {"Notes": rows}), today=TODAY)
    got = [(x.provenance.row, x.date.start, x.date.time) for x in r.records]
    assert got == [
        (4, date(2021, 5, 4), time(9, 15)),
        (5, date(2021, 5, 4), None),
        (7, date(2021, 5, 5), time(14, 40)),
    ]
    assert not r.quarantined


# ---------------------------------------------------------------- non-records, date remarks


@pytest.mark.parametrize(
    "text",
    [
        "Extract generated 14/11/2022 at 16:02",
        "Approved by team manager: R. Oduya",
        "Practitioner signature:",
        "This chronology is confidential and must not be copied.",
        "Glossary of terms",
        "CIN - Child In Need",
        "58 records",
    ],
)
def test_ks701_footers_sign_offs_statements_and_key_lines_are_skipped(text):
    assert classify_row([text, "", ""], ("date", "entry", "worker"), 0) is not None


@pytest.mark.parametrize(
    "text",
    ["Approved for the family to move in", "The chronology was sent to CSC", "Mum - upset"],
)
def test_ks702_undated_entries_that_look_like_footers_stay_data(text):
    assert classify_row([text, "", ""], ("date", "entry", "worker"), 0) is None


def test_ks703_template_placeholder_row_and_two_header_rows_are_skipped(tmp_path):
    rows = [
        ["Who", "When", "What"],
        ["Worker", "Date of contact", "Contact summary"],
        ["name", "DD.MM.YY", "Describe what happened"],
        ["FSW Ana Brook", "02.03.22", TEXT],
        ["FSW Ana Brook", "09.03.22", TEXT + " (2)"],
    ]
    r = import_file(write_xlsx(tmp_path / "EH return.xlsx", {"Return": rows}), today=TODAY)
    assert [x.provenance.row for x in r.records] == [4, 5]
    assert not r.quarantined
    assert r.header_row == 2


@pytest.mark.parametrize(
    ("text", "day", "note"),
    [
        ("(14/06/2021)", date(2021, 6, 14), "written in brackets"),
        ("[3 May 2021]", date(2021, 5, 3), "written in brackets"),
        ("14/06/2021 - see letter", date(2021, 6, 14), "'see letter' written beside the date"),
    ],
)
def test_ks704_a_date_in_brackets_or_with_a_remark_after_a_dash(text, day, note):
    iv = parse_date(text)
    assert iv.start == day and iv.precision == "day" and note in iv.note


def test_ks206_agency_column_cells_map_by_kind_and_unknown_names_stay(tmp_path):
    rows = [
        ["Date", "Agency", "Summary"],
        ["02/03/2022", "Police", TEXT],
        ["04/03/2022", "Tamsford Recovery Partnership", TEXT + " (2)"],
        ["07/03/2022", "Quillon Bay Maternity Unit", TEXT + " (3)"],
        ["09/03/2022", "Wendle Hub", TEXT + " (4)"],
    ]
    r = import_file(write_csv(tmp_path / "combined chronology.csv", rows), today=TODAY)
    assert [x.agency for x in r.records] == [
        "Police",
        "Substance Misuse Service",
        "Midwifery",
        "Wendle Hub",
    ]


@pytest.mark.parametrize(
    "row",
    [
        ["Practitioner signature:", "", "Date submitted: 04/07/2022"],
        ["CIN - Child In Need", "LAC - Looked After Child", ""],
    ],
)
def test_ks705_a_two_cell_footer_or_key_line_is_skipped(row):
    assert classify_row(row, ("date", "entry", "worker"), 0) is not None


def test_ks706_a_footer_under_a_diary_takes_no_date(tmp_path):
    rows = [
        ["Time", "Note", "Nurse"],
        ["Tuesday 4 May 2021", "", ""],
        ["9.15am", "Observations stable; child ate breakfast and played.", "SN Ilse Varga"],
        ["Wednesday 5 May 2021", "", ""],
        ["14:40", "Reviewed by the registrar and discharged home with mum.", "Dr Oke Mensah"],
        ["Nurse signature:", "", "Date completed: 06/05/2021"],
    ]
    r = import_file(write_xlsx(tmp_path / "ward notes.xlsx", {"Notes": rows}), today=TODAY)
    assert [x.provenance.row for x in r.records] == [3, 5]
    assert not r.quarantined and 6 in {s.row for s in r.skipped}


def test_ks304_word_heading_paragraphs_between_tables_name_each_part(tmp_path):
    head = ["Date", "Entry", "By"]
    path = write_docx(
        tmp_path / "Combined chronology Child K.docx",
        [
            "Learning review: Child K",
            "Police",
            [head, ["02/03/2021", TEXT, "PC Ama Lowe"], ["05/03/2021", TEXT + " 2", "PC Ama Lowe"]],
            "Housing - information provided",
            [head, ["09/03/2021", TEXT + " 3", "HO Ben Tate"]],
            "Tamsford Recovery Partnership",
            [head, ["11/03/2021", TEXT + " 4", "Keyworker Jo Pell"]],
        ],
    )
    r = import_file(path, today=TODAY)
    got = [(x.provenance.sheet, x.provenance.row, x.agency) for x in r.records]
    assert got == [
        ("table 1", 2, "Police"),
        ("table 1", 3, "Police"),
        ("table 2", 2, "Housing"),
        ("table 3", 2, "Substance Misuse Service"),
    ]
    assert not r.quarantined and r.accounted


def test_ks207_a_sentence_in_the_title_is_no_agency_name_but_a_named_charity_is():
    directory = AgencyDirectory()
    sentence = read_title_block(
        [["Subject: K.O."], ["Summary of work with mum after her drug and alcohol relapse"]]
    )
    assert sentence.agency(directory) == (None, "")
    named = read_title_block([["Upper Brindle Women's Aid"], ["Subject: K.O."]])
    assert named.agency(directory)[0] == "Domestic Abuse Service"
    charity = read_title_block([["Upper Brindle Befriending Charity"], ["Subject: K.O."]])
    assert charity.agency(directory)[0] == "Voluntary Sector"


def test_ks801_a_time_without_a_date_under_a_dated_entry_takes_its_day(tmp_path):
    rows = [
        ["Date", "Time", "Contact", "Nurse"],
        ["03/05/2021", "09:10", TEXT, "SN Ilse Varga"],
        ["", "15:45", "Second visit the same afternoon; baby weighed and feeding well.", "SN Oke"],
        ["", "", "no time and no date: joined to the entry above as its continuation", ""],
        ["06/05/2021", "11:00", TEXT + " (3)", "SN Ilse Varga"],
    ]
    r = import_file(write_xlsx(tmp_path / "HV contacts.xlsx", {"HV": rows}), today=TODAY)
    got = [(x.provenance.row, x.date.start, x.date.time) for x in r.records]
    assert got == [
        (2, date(2021, 5, 3), time(9, 10)),
        (3, date(2021, 5, 3), time(15, 45)),
        (5, date(2021, 5, 6), time(11, 0)),
    ]
    assert any(i.code == "same_day" for i in r.records[1].issues)  # flagged for review
    assert not r.quarantined
