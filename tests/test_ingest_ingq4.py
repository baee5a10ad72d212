"""Issue 10, sixth session: the importer mechanisms behind the failure classes still open
(four-digit times that also read as years, a field named in a header's brackets, a coarse
date before a diary entry with only a space, a range written with "to" before an entry,
count rows, reference and one-value type columns taken for agencies, date wordings). Every
file here is written by hand for the test (none copied from a held-out file); expected
values are written out from the rows each test builds. All names are fictional."""

from __future__ import annotations

from datetime import date

import pytest

from ingest import import_file
from ingest.columns import score_header
from ingest.nonrecords import subtotal_reason
from tests.builders import write_csv, write_docx

TODAY = date(2026, 11, 26)


def by_row(result):
    return {r.provenance.row: r for r in result.records}


def times(result):
    return {
        r.provenance.row: (r.date.time.strftime("%H:%M") if r.date.time else "")
        for r in result.records
    }


# ---------------------------------------------------------------- 1. times that read as years


def test_iq401_clock_times_that_also_read_as_years_are_times(tmp_path):
    """Four digits "1915", "2110", "1940" read as years alone; among "0905" and "1330" in a
    column they are 24-hour times without their colon (and "N/K" is no time)."""
    text = "Telephone review with the mother about the baby's feeding and sleep"
    rows = [
        ["Date", "Clock", "Summary of contact"],
        ["03/02/2021", "0905", text],
        ["11/02/2021", "1915", "Home visit to Tansy Row; both children seen and well"],
        ["19/03/2021", "N/K", "Letter sent offering a parenting group place at the centre"],
        ["02/04/2021", "2110", "Out of hours call from the grandmother; advice given"],
        ["15/04/2021", "1330", "Joint visit with the school nurse to the family home"],
        ["30/04/2021", "1940", "Evening call from the mother to cancel the appointment"],
        ["07/05/2021", "2005", "Out of hours call from the father about the baby's rash"],
    ]
    result = import_file(write_csv(tmp_path / "visits.csv", rows), agency="Health Visiting")
    clock = next(c for c in result.columns if c.header == "Clock")
    assert clock.field == "time"
    assert times(result) == {
        2: "09:05",
        3: "19:15",
        4: "",
        5: "21:10",
        6: "13:30",
        7: "19:40",
        8: "20:05",
    }


def test_iq402_years_alone_among_dates_stay_dates(tmp_path):
    """The same four digits in a column of dates are years: the column stays the date."""
    rows = [
        ["When", "What happened"],
        ["2019", "Family moved into the area from the coast; registered at the surgery"],
        ["Spring 2020", "Referral to early help after the school raised attendance"],
        ["12/03/2021", "Strategy discussion held; section 47 enquiry started"],
        ["2021", "Mother attended a parenting course at the family hub"],
    ]
    result = import_file(write_csv(tmp_path / "summary.csv", rows), agency="Early Help")
    got = [(r.date.start, r.date.precision) for r in result.records]
    assert got == [
        (date(2019, 1, 1), "year"),
        (date(2020, 3, 1), "season"),
        (date(2021, 3, 12), "day"),
        (date(2021, 1, 1), "year"),
    ]


# ---------------------------------------------------------------- 2. a field in brackets


@pytest.mark.parametrize(
    ("header", "field"),
    [("At (time)", "time"), ("When (date)", "date"), ("Logged (time)", "time")],
)
def test_iq403_a_header_whose_field_is_in_brackets(header, field):
    got, confidence, _ = score_header(header)
    assert got == field and confidence == 0.9


def test_iq404_brackets_do_not_outrank_the_words_outside():
    assert score_header("Outcome (date)")[0] == "outcome"
    assert score_header("Time (24hr)")[0] == "time"
    assert score_header("Date")[1] == 1.0


# ---------------------------------------------------------------- 3. Word diaries


def test_iq411_coarse_date_before_an_entry_with_only_a_space(tmp_path):
    """A diary whose entries start with their date: "Summer 2019 Mother ..." with a single
    space is an entry of its own (season precision), not a line of the entry above; a
    line opening with a year and a lower-case word, or a sentence opening "In May 2019",
    still continues its entry."""
    blocks = [
        "Chronology: Wexcombe Family Hub",
        "",
        "04/03/2019 (0930hrs) Home visit to the family; the children were seen and well.",
        "",
        "Summer 2019 Mother attended the parenting group on three occasions.",
        "",
        "17/09/2019 Telephone call with the school about attendance this term.",
        "2019 was a hard year for the family, the mother said.",
        "In May 2019 Mother had moved the children to her sister's flat for a month.",
        "",
        "March 2020 Case stepped down to universal services after a review.",
    ]
    result = import_file(write_docx(tmp_path / "Hub diary.docx", blocks), agency="Early Help")
    got = {
        r.provenance.row: (r.date.start, r.date.precision, r.description[:16])
        for r in result.records
    }
    assert got == {
        3: (date(2019, 3, 4), "exact", "Home visit to th"),
        5: (date(2019, 6, 1), "season", "Mother attended "),
        7: (date(2019, 9, 17), "day", "Telephone call w"),
        11: (date(2020, 3, 1), "month", "Case stepped dow"),
    }
    assert "2019 was a hard year" in by_row(result)[7].description
    assert "In May 2019 Mother had moved" in by_row(result)[7].description  # narration


def test_iq412_a_range_written_with_to_before_the_entry(tmp_path):
    blocks = [
        "Chronology: Pelham Road Children's Services",
        "03/11/2020 – Home visit; the children were seen alone in their rooms.",
        "24/12/20 to 02/01/21 – Respite stay with the maternal aunt over the holiday.",
        "12/01/2021 to be confirmed – strategy meeting date to be set by the police.",
    ]
    result = import_file(write_docx(tmp_path / "CSC diary.docx", blocks), today=TODAY)
    got = {r.provenance.row: (r.date.start, r.date.end, r.date.precision) for r in result.records}
    assert got[3] == (date(2020, 12, 24), date(2021, 1, 2), "range")
    assert by_row(result)[3].description.startswith("Respite stay")
    assert got[4][0] == date(2021, 1, 12) and got[4][2] == "day"  # "to be ..." is text
    assert by_row(result)[4].description.startswith("to be confirmed")


# ---------------------------------------------------------------- 4. rows that are no entry


@pytest.mark.parametrize(
    "cells",
    [
        ["Entries for 2019: 6", "", ""],
        ["Contacts in the period", "", "14"],
        ["", "Home visits (2020) = 3", ""],
    ],
)
def test_iq421_a_count_of_the_rows_is_a_subtotal(cells):
    assert subtotal_reason(cells) is not None


@pytest.mark.parametrize(
    "cells",
    [
        ["Entries for 2019", "", ""],  # no count: a heading, not a total
        ["", "Visits to the home were refused 3 times", ""],
        ["Entries for 2019", "Six", ""],
    ],
)
def test_iq422_no_count_or_a_sentence_is_no_subtotal(cells):
    assert subtotal_reason(cells) is None


def test_iq423_count_rows_in_a_table_are_skipped_not_quarantined(tmp_path):
    rows = [
        ["Date", "Details", "Worker"],
        ["03/05/2019", "Home visit; Perrin seen with his sister in the garden", "SW Dunmore"],
        ["14/06/2019", "School reported Perrin arrived hungry two days running", "SW Dunmore"],
        ["Entries for 2019: 2", "", ""],
        ["09/01/2020", "Child protection conference held; plan continues", "TM Halsey"],
        ["Entries for 2020: 1", "", ""],
    ]
    result = import_file(write_csv(tmp_path / "CSC log.csv", rows), agency="Children's Social Care")
    assert [r.provenance.row for r in result.records] == [2, 3, 5]
    assert not result.quarantined
    reasons = {s.row: s.reason for s in result.skipped}
    assert reasons[4].startswith("subtotal row") and reasons[6].startswith("subtotal row")


# ---------------------------------------------------------------- 5. agency columns by evidence

_VISITS = [
    "Attended with a cut to the hand after a fall at home; dressed and discharged",
    "Brought in by the mother with a breathing difficulty; observed for four hours",
    "Head injury after a fall from a climbing frame; scan normal, advice given",
]


def _one_value_file(tmp_path, name, header, value):
    rows = [["Date", header, "Details"]]
    rows += [[f"0{i + 3}/02/2021", value, text] for i, text in enumerate(_VISITS)]
    return import_file(write_csv(tmp_path / name, rows), today=TODAY)


def test_iq431_a_one_value_type_column_does_not_outrank_the_files_agency(tmp_path):
    """ "ED attendance" in every row names the hospital; the GP's file name says whose
    entries they are: the column is the contact type, the records are the GP's."""
    result = _one_value_file(tmp_path, "gp_chronology.csv", "Contact type", "ED attendance")
    assert {r.agency for r in result.records} == {"GP"}
    assert [r.event_type for r in result.records] == ["ED attendance"] * 3
    column = next(c for c in result.columns if c.header == "Contact type")
    assert column.field == "event_type"


def test_iq432_with_nothing_else_naming_the_agency_the_column_is_kept(tmp_path):
    result = _one_value_file(tmp_path, "Tansy child.csv", "Contact type", "ED attendance")
    assert {r.agency for r in result.records} == {"Hospital"}
    assert result.agency_source == "column"


def test_iq433_a_real_agency_column_of_one_value_stays_the_agency_column(tmp_path):
    """Headed as the agency, or naming another agency by its name in every row: the cells
    are the evidence, whatever the file name says."""
    by_header = _one_value_file(tmp_path, "hospital_chronology.csv", "Agency", "Police")
    assert {r.agency for r in by_header.records} == {"Police"}
    by_name = _one_value_file(tmp_path, "hospital_chronology2.csv", "Logged by", "Police")
    assert {r.agency for r in by_name.records} == {"Police"}
    assert by_name.agency_source == "column"


def test_iq434_reference_numbers_are_no_agency_and_no_person(tmp_path):
    """ "GP/68468", "ED/24031" start with an agency's short name: they are reference numbers
    under a header the importer does not know, and name no agency."""
    rows = [["Date", "Log no.", "What happened"]]
    refs = ["ED/68468", "GP/24031", "ED/68512"]
    rows += [[f"0{i + 3}/02/2021", ref, text] for i, (ref, text) in enumerate(zip(refs, _VISITS))]
    result = import_file(write_csv(tmp_path / "Tansy child.csv", rows), agency="Hospital")
    column = next(c for c in result.columns if c.header == "Log no.")
    assert column.field == "reference"
    assert [r.reference for r in result.records] == refs
    nameless = import_file(write_csv(tmp_path / "Tansy child 2.csv", rows), today=TODAY)
    assert nameless.agency_source == "fallback: file name"  # the numbers name nobody


# ---------------------------------------------------------------- 6. date and agency wordings


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "approximate"),
    [
        ("c May 2021", date(2021, 5, 1), date(2021, 5, 31), "month", True),
        ("ca Spring 2019", date(2019, 3, 1), date(2019, 5, 31), "season", True),
        ("first week of May 2021", date(2021, 5, 1), date(2021, 5, 7), "week", False),
        ("the 2nd week of March 2020", date(2020, 3, 8), date(2020, 3, 14), "week", False),
        ("last week in February 2021", date(2021, 2, 22), date(2021, 2, 28), "week", False),
        ("October half term 2020", date(2020, 10, 1), date(2020, 10, 31), "month", False),
        ("half term Feb 2021", date(2021, 2, 1), date(2021, 2, 28), "month", False),
        ("Summer half-term 2019", date(2019, 5, 1), date(2019, 5, 31), "month", False),
    ],
)
def test_iq441_worded_dates(text, start, end, precision, approximate):
    from ingest.dates import parse_date

    iv = parse_date(text)
    assert (iv.start, iv.end, iv.precision, iv.approximate) == (start, end, precision, approximate)


@pytest.mark.parametrize("text", ["half term", "half term 2021", "first week of May", "cmay 2021"])
def test_iq442_worded_dates_without_what_they_need_do_not_read(text):
    from ingest.dates import DateError, parse_date

    with pytest.raises(DateError):
        parse_date(text)


@pytest.mark.parametrize(
    ("cell", "agency"),
    [
        ("Emerg Dept", "Hospital"),
        ("Hosp.", "Hospital"),
        ("Wexcombe Hosp", "Hospital"),
        ("Soc Care", "Children's Social Care"),
        ("Sch Nurse", "School Nursing"),  # the longer alias wins over "school"
        ("Prob Service", "Probation"),
    ],
)
def test_iq443_short_forms_of_agency_names(cell, agency):
    from ingest.agencies import AgencyDirectory

    assert AgencyDirectory().canonical(cell) == agency


@pytest.mark.parametrize(
    "cell",
    ["Home", "Pol", "Hope", "Note", "Home visit", "Tel call", "Child A", "Mar 2019", "1 Mar 2020"],
)
def test_iq444_words_are_not_short_forms_of_agency_names(cell):
    from ingest.agencies import AgencyDirectory

    assert AgencyDirectory().canonical(cell) is None


def test_iq445_a_diary_of_worded_dates(tmp_path):
    blocks = [
        "Chronology: Wexcombe Primary School",
        "04/03/2021 – Class teacher raised a concern about Perrin's lunch box.",
        "first week of May 2021 – Perrin absent for four days; mother rang twice.",
        "c June 2021 Perrin said his older brother looks after him at night.",
        "October half term 2021 – Family went to stay with the grandparents.",
    ]
    result = import_file(write_docx(tmp_path / "School diary.docx", blocks), today=TODAY)
    got = [(r.date.start, r.date.precision, r.date.approximate) for r in result.records]
    assert got == [
        (date(2021, 3, 4), "day", False),
        (date(2021, 5, 1), "week", False),
        (date(2021, 6, 1), "month", True),
        (date(2021, 10, 1), "month", False),
    ]
    assert result.records[2].description.startswith("Perrin said his older brother")


# ---------------------------------------------------------------- 7. what an entry takes in


def test_iq451_a_short_undated_sentence_is_joined_and_flagged(tmp_path):
    """A diary paragraph without a date under a finished entry may be an entry whose date
    was left out: it stays with the entry (nothing lost) and the entry is flagged; a line
    that goes on with the sentence, or a labelled part, is joined without a flag."""
    blocks = [
        "Chronology: Tansy Lane Surgery",
        "03/02/2021 – Consultation with the mother about the baby's rash and feeding.",
        "Telephone call to the health visitor, no answer.",
        "11/02/2021 – Letter received from the hospital about an attendance with a scald",
        "and the dressing clinic booked for the following week.",
        "19/03/2021 – Repeat prescription issued for the mother after a review.",
        "Plan: review in two weeks at the surgery.",
    ]
    result = import_file(write_docx(tmp_path / "Surgery diary.docx", blocks), today=TODAY)
    rows = by_row(result)
    assert sorted(rows) == [2, 4, 6]
    assert "Telephone call to the health visitor" in rows[2].description
    assert [i.code for i in rows[2].issues] == ["joined_line"]
    assert "row 3" in rows[2].issues[0].message
    assert "dressing clinic booked" in rows[4].description and not rows[4].issues
    assert "review in two weeks" in rows[6].description and not rows[6].issues


def test_iq452_headings_and_sign_offs_are_not_joined_to_the_entry_above(tmp_path):
    """Headings ("Entries for 2019") between a diary's entries, "January - June 2020"
    under a table's entry and "Author: ..." after the end of a chronology are skipped, not
    taken in."""
    blocks = [
        "Chronology: Wexcombe Junior School",
        "Entries for 2018",
        "04/10/2018 – Class teacher raised a concern about Perrin's lunch box.",
        "Entries for 2019",
        "17/01/2019 – Attendance meeting with the mother; attendance now 81%.",
        "End of chronology",
        "Author: Fenwick Dale, Designated Safeguarding Lead",
    ]
    diary = import_file(write_docx(tmp_path / "School diary.docx", blocks), today=TODAY)
    assert [r.description for r in diary.records] == [
        "Class teacher raised a concern about Perrin's lunch box.",
        "Attendance meeting with the mother; attendance now 81%.",
    ]
    reasons = {s.row: s.reason for s in diary.skipped}
    assert 4 in reasons and 7 in reasons
    rows = [
        ["Date", "Details"],
        ["03/12/2019", "Home visit; both children seen, the home was warm and tidy enough"],
        ["", "January - June 2020"],
        ["14/01/2020", "Core group meeting held at the school with the mother present"],
    ]
    table = import_file(write_csv(tmp_path / "CSC log.csv", rows), agency="Children's Social Care")
    assert [r.provenance.row for r in table.records] == [2, 4]
    assert "January" not in table.records[0].description
    assert {s.row for s in table.skipped} >= {3}
