"""Mechanisms behind failures an independent set of agency files showed (the files are not
used here; these are new, fictional cases of the same habits)."""

from __future__ import annotations

from datetime import date, time

import pytest

from ingest import import_file
from ingest.agencies import AgencyDirectory
from ingest.dates import parse_date
from ingest.header import is_abbreviation_key, is_form_line
from ingest.times import parse_time_approx
from tests.builders import write_csv

TODAY = date(2026, 11, 30)
LONG = "Home visit by the family worker; Robin and his mother seen, the flat was cold"


@pytest.mark.parametrize(
    "stem,agency",
    [
        ("FamilyHub_notes", "Early Help"),
        ("EarlyHelpReturn", "Early Help"),
        ("YOS_return_2022", "Youth Justice"),
        ("youth offending team chronology", "Youth Justice"),
        ("WomensAid_outreach", "Domestic Abuse Service"),
        ("PoliceChronology", "Police"),
        ("CPOMS export", None),  # a system, not a name: found by from_system instead
    ],
)
def test_mc001_agency_from_file_names_with_words_run_together(stem, agency):
    assert AgencyDirectory().from_file_name(stem) == agency


def test_mc002_agency_column_values_of_the_early_help_kind():
    d = AgencyDirectory()
    assert d.canonical("Northgate Family Hub") == "Early Help"
    assert d.canonical("Early Help") == "Early Help"
    assert d.canonical("Children's services") == "Children's Social Care"


@pytest.mark.parametrize(
    "text,form",
    [
        ("Signature: __________  Date: __________", True),
        ("Print name ........ Role ........", True),
        ("Reviewed by: ________", True),
        ("Mum said ..... nothing more", False),
        ("Seen at 10:00 ____", False),
        ("Name: ____ Date: 12/03/2021", False),
    ],
)
def test_mc003_form_lines(text, form):
    assert is_form_line(text) is form


def test_mc004_abbreviation_keys():
    assert is_abbreviation_key("FW = Family Worker; SN = School Nurse")
    assert is_abbreviation_key(
        "DSL = Designated Safeguarding Lead, EWO = Education Welfare Officer"
    )
    assert not is_abbreviation_key("FW = Family Worker")
    assert not is_abbreviation_key("Robin seen; FW = worried about him")


def test_mc005_sign_off_and_key_rows_are_skipped_with_their_reason(tmp_path):
    rows = [
        ["Date", "Details", "Worker"],
        ["01/03/2021", LONG, "FW1"],
        ["02/03/2021", LONG + " again", "FW1"],
        ["FW = Family Worker; SN = School Nurse", "", ""],
        ["Signature: ______________   Date: ______________", "", ""],
    ]
    r = import_file(write_csv(tmp_path / "Early help.csv", rows), today=TODAY)
    assert r.accounted and len(r.records) == 2 and r.quarantined == []
    reasons = {s.row: s.reason for s in r.skipped}
    assert reasons[4].startswith("key to abbreviations")
    assert reasons[5].startswith("sign-off or form line")


@pytest.mark.parametrize(
    "text,at,approx",
    [
        ("10:15-11:00", time(10, 15), False),
        ("9am to 10am", time(9, 0), False),
        ("approx 16:00 – 17:00", time(16, 0), True),
    ],
)
def test_mc006_a_time_range_gives_its_start(text, at, approx):
    assert parse_time_approx(text) == (at, approx)


def test_mc007_an_unreadable_range_is_still_refused():
    with pytest.raises(ValueError, match="range of times"):
        parse_time_approx("10:15-later")


def test_mc008_dates_with_a_remark_or_a_dashed_time():
    starred = parse_date("03/02/2021†")
    assert (starred.start, starred.precision) == (date(2021, 2, 3), "day")
    assert "'†' written beside the date" in starred.note
    phone = parse_date("04/02/2021 (phone call)")
    assert phone.start == date(2021, 2, 4) and "phone call" in phone.note
    timed = parse_date("05/02/21 - 3.15pm")
    assert (timed.start, timed.precision, timed.time) == (date(2021, 2, 5), "exact", time(15, 15))
    span = parse_date("05/02/2021 - 07/02/2021")  # a range stays a range
    assert (span.precision, span.end) == ("range", date(2021, 2, 7))
    with pytest.raises(ValueError):
        parse_date("(letter)")


def test_mc009_a_ditto_mark_takes_the_date_of_the_entry_above(tmp_path):
    rows = [
        ["Date", "Time", "Details"],
        ['"', "08:00", "Ditto before any entry: no date to repeat"],
        ["12/03/2021", "09:30", LONG],
        ['"', "14:10", "Second call the same day from the neighbour about shouting"],
        ["ditto", "", "Third contact the same day, a letter to the mother"],
        ["13/03/2021", "", "Next day visit"],
    ]
    r = import_file(write_csv(tmp_path / "Police log.csv", rows), today=TODAY)
    assert r.accounted
    (q,) = r.quarantined
    assert q.provenance.row == 2
    by_row = {x.provenance.row: x for x in r.records}
    assert (by_row[4].date.start, by_row[4].date.time) == (date(2021, 3, 12), time(14, 10))
    assert by_row[5].date.start == date(2021, 3, 12) and by_row[5].date.precision == "day"
    assert "ditto" in by_row[5].date.note
    assert by_row[6].date.start == date(2021, 3, 13)


def test_mc010_two_key_values_in_one_title_cell(tmp_path):
    rows = [
        ["Name of agency: Millbrook Family Action Group Author: Priya Fenwick (fictional)"],
        ["Date", "Details"],
        ["01/03/2021", LONG],
    ]
    r = import_file(write_csv(tmp_path / "return.csv", rows), today=TODAY)
    assert r.title_block["agency"] == "Millbrook Family Action Group"
    assert r.title_block["completed_by"] == "Priya Fenwick (fictional)"
    assert (r.agency, r.agency_source) == ("Voluntary Sector", "title block")


def test_mc011_agency_headings_of_a_compiled_chronology(tmp_path):
    rows = [
        ["Agency: Ashby Children's Services"],
        ["Date", "Details"],
        ["01/03/2021", "Strategy discussion held; section 47 enquiry agreed by the team"],
        ["POLICE", ""],
        ["02/03/2021", "Officers attended the address after a call about shouting"],
        ["Health visiting", ""],
        ["03/03/2021", "New birth visit; mother low in mood, EPDS completed"],
    ]
    r = import_file(write_csv(tmp_path / "compiled.csv", rows), today=TODAY)
    assert r.accounted and r.quarantined == []
    agencies = [(x.provenance.row, x.agency) for x in r.records]
    assert agencies == [(3, "Children's Social Care"), (5, "Police"), (7, "Health Visiting")]
    reasons = {s.row: s.reason for s in r.skipped}
    assert reasons[4] == "agency section heading: the entries below are Police's"
    # a row that only mentions an agency inside its text is not a heading
    assert AgencyDirectory().exact("Home visit by HV") is None


def test_mc012_a_single_column_log_is_read_from_the_date_at_the_start(tmp_path):
    from tests.builders import write_xlsx

    rows = [
        ["Hollowfield Homes (fictional)", None],
        ["Completed by:", "Jo Example"],
        [None, None],
        ["Contacts", None],
        ["04/02/2021 10:20 - Tenancy visit; Robin and his mother seen, the flat was cold", None],
        ["09/02/2021 - Letter about rent arrears sent to the mother", None],
        ["16th February 2021 at 3pm: repairs team attended the broken window", None],
    ]
    r = import_file(write_xlsx(tmp_path / "log.xlsx", {"Log": rows}), today=TODAY)
    assert r.accounted and r.quarantined == []
    got = [(x.provenance.row, x.date.start, x.date.time, x.description[:12]) for x in r.records]
    assert got == [
        (5, date(2021, 2, 4), time(10, 20), "Tenancy visi"),
        (6, date(2021, 2, 9), None, "Letter about"),
        (7, date(2021, 2, 16), time(15, 0), "repairs team"),
    ]
    assert r.agency == "Housing" and r.title_block["completed_by"] == "Jo Example"
    assert any("start with their date" in n for n in r.notes)


def test_mc013_a_word_chronology_written_as_paragraphs(tmp_path):
    from tests.builders import write_docx

    path = write_docx(
        tmp_path / "return.docx",
        [
            "Riverside Police (fictional)",
            "Chronology for the learning review",
            "02.03.2021 09:15 – Officers attended the address after a call about shouting",
            "",
            "05.03.2021 – Referral sent to children's services through the MASH",
        ],
    )
    r = import_file(path, today=TODAY)
    assert r.accounted and r.agency == "Police"
    got = [(x.provenance.sheet, x.provenance.row, x.date.start, x.date.time) for x in r.records]
    assert got == [
        ("paragraphs", 3, date(2021, 3, 2), time(9, 15)),
        ("paragraphs", 5, date(2021, 3, 5), None),
    ]
    assert r.records[1].description.startswith("Referral sent")


def test_mc014_a_diary_layout_carries_each_heading_date_down(tmp_path):
    from tests.builders import write_xlsx

    rows = [
        ["Agency: Riverside Police (fictional)", None, None],
        [None, None, None],
        ["Time", "Entry", "Officer"],
        ["Tuesday 2 March 2021", None, None],
        ["09:15", "Officers attended the address after a call about shouting", "PC Example"],
        [None, "Robin seen at school by the beat officer; no concerns raised", "PC Example"],
        ["Friday 5 March 2021", None, None],
        ["14:00", "Referral sent to children's services through the MASH", "DC Sample"],
        ["End of entries", None, None],
    ]
    r = import_file(write_xlsx(tmp_path / "diary.xlsx", {"Log": rows}), today=TODAY)
    assert r.accounted and r.quarantined == []
    got = [(x.provenance.row, x.date.start, x.date.time) for x in r.records]
    assert got == [
        (5, date(2021, 3, 2), time(9, 15)),
        (6, date(2021, 3, 2), None),
        (8, date(2021, 3, 5), time(14, 0)),
    ]
    reasons = {s.row: s.reason for s in r.skipped}
    assert reasons[4].startswith("date heading") and reasons[7].startswith("date heading")
    assert "furniture" in reasons[9]


def test_mc015_a_consultation_over_several_rows_is_joined_with_its_labels(tmp_path):
    rows = [
        ["Date", "Part", "Entry", "Clinician"],
        [
            "01/03/2021",
            "Consultation",
            "Seen with mother for a cough; chest clear on listening",
            "Dr A",
        ],
        ["", "History", "Mother says the flat is damp and cold this winter", ""],
        ["", "Plan", "Review in two weeks if the cough has not settled", ""],
        ["", "Visit", "", ""],  # a label alone is not more text: an entry missing its date
        ["02/03/2021", "Telephone", "Mother rang to cancel the review; no reason given", "Dr A"],
    ]
    r = import_file(write_csv(tmp_path / "GP.csv", rows), today=TODAY)
    assert r.accounted
    first = r.records[0]
    assert first.provenance.rows == (2, 3, 4)
    assert first.description.endswith(
        "History: Mother says the flat is damp and cold this winter "
        "Plan: Review in two weeks if the cough has not settled"
    )
    assert [q.provenance.row for q in r.quarantined] == [5]


def test_mc016_a_cover_sheet_of_labels_and_dates_is_no_chronology(tmp_path):
    from tests.builders import write_xlsx

    sheets = {
        "Front": [
            ["Northgate Partnership (fictional)", None],
            ["Agency", "Housing"],
            ["Date of request", "01/02/2022"],
            ["Due back", "28/02/2022"],
        ],
        "Entries": [
            ["Date", "Details"],
            *[[f"{d:02d}/03/2021", f"{LONG} ({d})"] for d in range(1, 6)],
        ],
    }
    r = import_file(write_xlsx(tmp_path / "return.xlsx", sheets), today=TODAY)
    assert r.accounted and len(r.records) == 5
    assert {x.provenance.sheet for x in r.records} == {"Entries"}
    assert any("'Front' read as a cover sheet" in n for n in r.notes)
    assert r.title_block["agency"] == "Housing"


def test_mc017_period_headings_and_template_examples_are_skipped(tmp_path):
    rows = [
        ["Date", "Details", "Worker"],
        ["e.g. 01/01/2020", "Example: describe the contact and what was done", "Name, role"],
        ["January - June 2020", "", ""],
        ["03/02/2020", LONG, "FW1"],
        ["July - December 2020", "", ""],
        ["04/08/2020", LONG + " again", "FW1"],
        ["05/09/2020", "", ""],  # a lone day date is an entry missing its text
    ]
    r = import_file(write_csv(tmp_path / "EH return.csv", rows), today=TODAY)
    assert r.accounted and [x.provenance.row for x in r.records] == [4, 6]
    reasons = {s.row: s.reason for s in r.skipped}
    assert reasons[2].startswith("template example row")
    assert reasons[3].startswith("period heading") and reasons[5].startswith("period heading")
    assert [q.provenance.row for q in r.quarantined] == [7]


def test_mc018_a_dashed_key_is_a_key_only_when_the_initials_spell_each_short_form():
    assert is_abbreviation_key("CP - child protection; DSL - designated safeguarding lead")
    # capitals and dashes, but the words after them are what happened, not a meaning
    assert not is_abbreviation_key("SW - visited the home; HV - weighed the baby")
    assert not is_abbreviation_key("Mum - upset about the move, Dad - not present")


def test_mc019_a_label_and_its_value_above_the_header_is_a_title_row(tmp_path):
    rows = [
        ["Request received:", "03/01/2022"],
        ["Return by:", "31/01/2022"],
        ["Date", "Details"],
        ["04/01/2022", LONG],
        ["05/01/2022", LONG + " again"],
    ]
    r = import_file(write_csv(tmp_path / "GP return.csv", rows), today=TODAY)
    assert r.header_row == 3 and [x.provenance.row for x in r.records] == [4, 5]
    assert {s.row: s.reason for s in r.skipped if s.row < 3} == {1: "title row", 2: "title row"}


def test_mc020_bracketed_remarks_beside_a_date_are_kept_whole():
    iv = parse_date("02/02/2021 [text message]")
    assert iv.start == date(2021, 2, 2) and "'[text message]'" in iv.note
    with pytest.raises(ValueError):
        parse_date("[text message]")


def test_mc021_short_repetitive_entries_are_still_the_records_text(tmp_path):
    """A log whose entries are a few repeated words ("Visit completed") beside an equally
    short result column is still imported: the longer text is the description (a record
    needs its text; a type or an outcome is optional), not "no column for the description"."""
    entries = ["Appointment kept", "Appointment kept", "Did not attend", "Home visit done"]
    results = ["Logged", "", "Letter sent", "Logged"]
    rows = [["When", "Entry", "Result"]]
    for i in range(40):
        rows.append([f"{(i % 27) + 1:02d}/0{(i % 8) + 1}/2021", entries[i % 4], results[i % 4]])
    r = import_file(write_csv(tmp_path / "Resettlement log.csv", rows))
    assert len(r.records) == 40 and r.accounted
    assert r.records[2].description == "Did not attend"
    desc = next(c for c in r.columns if c.field == "description")
    assert desc.header == "Entry" and "a record needs its text" in desc.reason
