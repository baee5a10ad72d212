"""Issue 10: columns from content, title blocks, agency evidence, date order, continuation
rows, footers, practitioners' times and suspect dates. Expected values are written out by
hand from the rows each test builds."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time

import pytest
import xlwt

from ingest import AgencyProfile, import_file, load_profile, save_profile
from ingest.agencies import AgencyDirectory
from ingest.profiles import ProfileError
from ingest.rowloop import split_outcome
from tests.builders import write_csv, write_docx, write_xlsx

TODAY = date(2026, 11, 26)
LONG = "Home visit by the allocated social worker; the child was seen alone and spoke about school"


def by_row(result):
    return {r.provenance.row: r for r in result.records}


def column(result, header):
    return next(c for c in result.columns if c.header == header)


def test_ic101_a_short_repetitive_column_headed_event_is_the_type(tmp_path):
    rows = [["Date", "Event", "Event / Details"]]
    kinds = ["Telephone", "DA", "Telephone", "Home visit", "DA", "Telephone"]
    for i, kind in enumerate(kinds):
        rows.append([f"{i + 1:02d}/03/2021", kind, f"{LONG} ({i})"])
    r = import_file(write_csv(tmp_path / "Police chronology.csv", rows), today=TODAY)
    assert [x.description for x in r.records][:2] == [f"{LONG} (0)", f"{LONG} (1)"]
    assert [x.event_type for x in r.records][:2] == ["Telephone", "DA"]
    event = column(r, "Event")
    assert event.field == "event_type" and "repeated values" in event.reason
    assert column(r, "Event / Details").field == "description"


@pytest.mark.parametrize("header", ["numbered", "none"])
def test_ic102_column_1_to_n_or_no_header_still_imports(tmp_path, header):
    data = [
        ["12/03/2021", LONG, "SW J. Marsh"],
        ["19/03/2021", "Strategy discussion held with police and health, s47 agreed", "TM"],
        ["02/04/2021", "Core group meeting held at school with the family support worker", "SW"],
    ]
    top = [["Column 1", "Column 2", "Column 3"]] if header == "numbered" else []
    path = write_csv(tmp_path / "Childrens Services chronology.csv", top + data)
    r = import_file(path, today=TODAY)
    first = 2 if header == "numbered" else 1
    rec = by_row(r)
    assert sorted(rec) == [first, first + 1, first + 2]
    assert rec[first].date.start == date(2021, 3, 12) and rec[first].description == LONG
    assert column(r, "Column 2").field == "description"
    assert column(r, "Column 1").how == "content"
    assert "read as dates" in column(r, "Column 1").reason
    assert r.header_row == (1 if header == "numbered" else None)
    assert r.accounted


def test_ic103_combined_details_outcome_splits_only_on_a_marker(tmp_path):
    assert split_outcome("Visit done. Outcome: NFA") == ("Visit done", "NFA")
    assert split_outcome("Plan: visit again") == ("Plan: visit again", "")
    assert split_outcome("Discussed the action plan with mum") == (
        "Discussed the action plan with mum",
        "",
    )
    rows = [
        ["Date", "Details / outcome"],
        ["12/03/2021", "Strategy discussion held. Action: s47 enquiry to start today"],
        ["13/03/2021", "Home visit; outcome was not recorded"],
    ]
    rec = by_row(import_file(write_csv(tmp_path / "CSC chron.csv", rows), today=TODAY))
    assert (rec[2].description, rec[2].outcome) == (
        "Strategy discussion held",
        "s47 enquiry to start today",
    )
    assert (rec[3].description, rec[3].outcome) == ("Home visit; outcome was not recorded", "")
    plain = [["Date", "Details"], ["12/03/2021", "Did not attend. Plan: rebook"]]
    (kept,) = import_file(write_csv(tmp_path / "GP chron.csv", plain), today=TODAY).records
    assert (kept.description, kept.outcome) == ("Did not attend. Plan: rebook", "")


def test_ic104_title_block_in_one_cell_or_two_and_a_dob_is_never_an_event(tmp_path):
    rows = [
        ["OFFICIAL-SENSITIVE"],
        ["Agency:", "Hollins Park Primary School"],
        ["Child: K. Vale"],
        ["DOB:", "14/05/2016"],
        ["Period covered: 01/01/2020 to 31/12/2022"],
        ["Occurred on", "What we knew and did"],
        ["12/03/2021", LONG],
    ]
    r = import_file(write_xlsx(tmp_path / "Return 4.xlsx", {"Sheet1": rows}), today=TODAY)
    assert [x.provenance.row for x in r.records] == [7]
    assert r.agency == "School" and r.agency_source == "title block"
    assert "Hollins Park Primary School" in r.agency_evidence
    assert r.title_block["child"] == "K. Vale" and r.title_block["dob"] == "14/05/2016"
    assert r.title_block["marking"] == "OFFICIAL-SENSITIVE"
    reasons = {s.row: s.reason for s in r.skipped}
    assert "date of birth" in reasons[4] and reasons[6] == "header row"
    assert "title block" in r.summary()


def test_ic105_word_key_value_table_before_the_chronology_is_the_title_block(tmp_path):
    blocks = [
        "Chronology of significant events",
        [["Agency", "Northmoor Police Division"], ["Date of Birth", "14/05/2016"]],
        [["Date or period of event", "Account"], ["12/03/2021", LONG]],
    ]
    r = import_file(write_docx(tmp_path / "Return 9.docx", blocks), today=TODAY)
    assert r.agency == "Police" and r.agency_source == "title block"
    assert len(r.records) == 1 and r.records[0].description == LONG
    assert any("read as the title block" in n for n in r.notes)


def test_ic106_agency_column_values_map_by_kind_and_systems_name_agencies(tmp_path):
    rows = [
        ["Date", "Agency", "Details"],
        ["12/03/2021", "Oakfield Academy", LONG],
        ["13/03/2021", "Larchfield Surgery", LONG + "!"],
        ["14/03/2021", "Brackenford Family Hub", LONG + "?"],
        ["15/03/2021", "Brackenford Boxing Club", LONG + "."],
    ]
    r = import_file(write_csv(tmp_path / "multi.csv", rows), today=TODAY)
    # a family hub is the early help service; a kind the directory does not know stays
    assert [x.agency for x in r.records] == [
        "School",
        "GP",
        "Early Help",
        "Brackenford Boxing Club",
    ]
    plain = [["Date", "Details"], ["12/03/2021", LONG]]
    cpoms = import_file(write_csv(tmp_path / "CPOMS export 3.csv", plain), today=TODAY)
    assert (cpoms.agency, cpoms.agency_source) == ("School", "system")
    assert "cpoms" in cpoms.agency_evidence
    # a partnership can name its own system
    mine = AgencyDirectory.with_extra(None, systems={"Carelink": "Housing"})
    own = import_file(write_csv(tmp_path / "carelink dump.csv", plain), directory=mine)
    assert own.agency == "Housing"
    named = import_file(write_csv(tmp_path / "GP practice chronology.csv", plain), today=TODAY)
    assert named.agency_source == "file name"
    assert any("taken from the file name" in n for n in named.notes)


def test_ic107_month_first_column_is_read_month_first_and_a_profile_overrides(tmp_path):
    rows = [
        ["Date", "Details"],
        ["12/25/2020", LONG],
        ["03/04/2021", LONG + " again"],
        ["04/13/2021", LONG + " once more"],
    ]
    path = write_csv(tmp_path / "RiO export.csv", rows)
    r = import_file(path, today=TODAY)
    rec = by_row(r)
    assert rec[3].date.start == date(2021, 3, 4)  # month first, as its column
    assert rec[3].issues == [] and rec[2].issues == []
    assert "month-first" in r.date_order["Date"] and "12/25/2020" in r.date_order["Date"]
    day_first = AgencyProfile(agency="Mental Health", date_order="day-first")
    rec2 = by_row(import_file(path, profile=day_first, today=TODAY))
    assert rec2[3].date.start == date(2021, 4, 3)


def test_ic108_continuation_rows_join_and_footers_are_skipped(tmp_path):
    rows = [
        ["Date", "Details", "Worker"],
        ["12/03/2021", LONG, "SW"],
        ["", "(cont.) the worker then spoke with the class teacher", ""],
        ["", "and agreed to visit again within ten days", ""],
        ["19/03/2021", "Strategy discussion held with police and health", "TM"],
        ["", "Cont'd: s47 agreed and the family told", ""],
        ["", "Phone call", "SW"],  # an entry missing its date: quarantined, not joined
        ["End of chronology"],
        ["Page 1 of 1"],
        ["20/03/2021", "Visit", "SW"],
        ["(cont'd)", "child seen", ""],  # the marker in the date cell
    ]
    r = import_file(write_csv(tmp_path / "CSC chronology.csv", rows), today=TODAY)
    rec = by_row(r)
    assert rec[2].description == (
        f"{LONG} the worker then spoke with the class teacher and agreed to visit again "
        "within ten days"
    )
    assert rec[2].provenance.rows == (2, 3, 4)
    assert rec[5].description.endswith("health s47 agreed and the family told")
    assert [q.provenance.row for q in r.quarantined] == [7]
    reasons = {s.row: s.reason for s in r.skipped}
    assert "joined" in reasons[3] and "row 2" in reasons[3]
    assert "footer" in reasons[8] and "footer" in reasons[9]
    assert rec[10].description == "Visit child seen" and rec[10].provenance.rows == (10, 11)
    assert r.accounted


@pytest.mark.parametrize(
    ("cell", "want", "approx"),
    [
        ("14:35", time(14, 35), False),
        ("1435hrs", time(14, 35), False),
        ("2.35pm", time(14, 35), False),
        ("2:35 PM", time(14, 35), False),
        ("approx 3pm", time(15, 0), True),
    ],
)
def test_ic109_times_as_practitioners_write_them(tmp_path, cell, want, approx):
    rows = [["Date", "Time", "Details"], ["12/03/2021", cell, LONG]]
    (rec,) = import_file(write_csv(tmp_path / "Police.csv", rows), today=TODAY).records
    assert (rec.date.time, rec.date.approximate) == (want, approx)
    assert rec.issues == []


def test_ic110_time_at_inside_the_date_cell(tmp_path):
    rows = [["Date", "Details"], ["12/03/2021 @ 1435hrs", LONG]]
    (rec,) = import_file(write_csv(tmp_path / "Police.csv", rows), today=TODAY).records
    assert (rec.date.start, rec.date.time) == (date(2021, 3, 12), time(14, 35))


def test_ic111_suspect_dates_are_flagged_with_the_likely_reading_never_changed(tmp_path):
    rows = [["Date", "Details"]]
    days = ["04/01/2021", "11/02/2021", "15/03/2012", "20/04/2021", "25/05/2021", "30/06/2021"]
    rows += [[d, f"{LONG} {i}"] for i, d in enumerate(days)]
    path = write_csv(tmp_path / "CSC chronology.csv", rows)
    rec = by_row(import_file(path, today=TODAY))  # no period: the neighbours speak
    assert rec[4].date.start == date(2012, 3, 15)
    (issue,) = rec[4].issues
    assert issue.code == "suspect_date" and "2012: did you mean 2021?" in issue.message
    assert all(not rec[n].issues for n in (2, 3, 5, 6, 7))
    period = (date(2020, 1, 1), date(2022, 12, 31))
    rec = by_row(import_file(path, today=TODAY, period=period))
    codes = [i.code for i in rec[4].issues]
    assert codes == ["outside_period", "suspect_date"] and rec[4].status == "needs_review"


def _write_ods(path, rows):
    """A minimal OpenDocument spreadsheet, written by hand (no LibreOffice here)."""
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
            for v in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Chronology">'
        f"{cells}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2"><manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml", manifest)
    return path


def test_ic112_ods_is_read_without_libreoffice_with_its_row_numbers(tmp_path):
    rows = [["Housing chronology"], [], ["Date", "Details"], ["12/03/2021", LONG]]
    r = import_file(_write_ods(tmp_path / "Housing chron.ods", rows), today=TODAY)
    (rec,) = r.records
    assert rec.provenance.row == 4 and rec.provenance.sheet == "Chronology"
    assert rec.description == LONG and r.agency == "Housing"


def test_ic113_xlsx_rows_keep_the_numbers_excel_shows(tmp_path):
    rows = [[None], [None], ["Chronology"], ["Date", "Details"], [date(2021, 3, 12), LONG]]
    r = import_file(write_xlsx(tmp_path / "Police.xlsx", {"Entries": rows}), today=TODAY)
    assert [x.provenance.row for x in r.records] == [5]
    assert r.header_row == 4


def test_ic114_a_repeated_date_column_under_an_unknown_header_is_not_the_event_date(tmp_path):
    rows = [["Born", "Seen", "Account"]]
    for i in range(6):
        rows.append(["14/05/2016", f"{i + 2:02d}/03/2021", f"{LONG} ({i})"])
    r = import_file(write_csv(tmp_path / "GP chronology.csv", rows), today=TODAY)
    assert column(r, "Seen").field == "date"
    assert [x.date.start for x in r.records][:2] == [date(2021, 3, 2), date(2021, 3, 3)]


def test_ic115_xls_is_read_without_libreoffice_with_dates_and_row_numbers(tmp_path):
    book = xlwt.Workbook()
    sheet = book.add_sheet("Police")
    sheet.write(0, 0, "Chronology export")
    for c, text in enumerate(["Date", "Time", "Details"]):
        sheet.write(2, c, text)
    style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    sheet.write(3, 0, datetime(2021, 3, 12), style)
    sheet.write(3, 1, "1435hrs")
    sheet.write(3, 2, LONG)
    path = tmp_path / "old export.xls"
    book.save(str(path))
    r = import_file(path, today=TODAY)
    (rec,) = r.records
    assert rec.provenance.row == 4 and rec.provenance.sheet == "Police"
    assert (rec.date.start, rec.date.time) == (date(2021, 3, 12), time(14, 35))
    assert r.agency == "Police" and r.agency_source == "sheet name"


def test_ic116_the_date_order_override_is_kept_in_the_agency_profile(tmp_path):
    saved = save_profile(AgencyProfile(agency="Police", date_order="month-first"), tmp_path)
    assert load_profile(saved).date_order == "month-first"
    with pytest.raises(ProfileError, match="date_order"):
        AgencyProfile(agency="Police", date_order="mdy").validate()
    rows = [["Date", "Details"], ["03/04/2021", LONG]]  # no evidence: day first by default
    path = write_csv(tmp_path / "Police.csv", rows)
    assert import_file(path, today=TODAY).records[0].date.start == date(2021, 4, 3)
    forced = import_file(path, profile=load_profile(saved), today=TODAY)
    assert forced.records[0].date.start == date(2021, 3, 4)
    assert "agency profile" in forced.date_order["Date"]


def test_ic117_page_furniture_under_an_entry_is_not_joined_to_it(tmp_path):
    rows = [
        ["Account", "Date"],
        [LONG, "12/03/2021"],
        ["Page 1 of 1", ""],
        ["Total entries: 1", ""],
    ]
    r = import_file(write_csv(tmp_path / "Police chronology.csv", rows), today=TODAY)
    assert [x.description for x in r.records] == [LONG]
    reasons = {s.row: s.reason for s in r.skipped}
    assert "footer" in reasons[3] and "not an event" in reasons[4]


def test_ic118_a_column_of_four_digit_times_is_the_time_not_a_reference(tmp_path):
    rows = [["Date of entry", "At", "What happened"]]
    # "1545-1630" reads as no single time: the cells are still times, not reference numbers.
    for i, at in enumerate(["1545", "", "1140", "0930", "2210", "1545-1630"]):
        rows.append([f"{i + 10}/09/2015", at, f"{LONG} ({i})"])
    r = import_file(write_csv(tmp_path / "Police chronology.csv", rows), today=TODAY)
    assert column(r, "At").field == "time"
    assert [x.date.time for x in r.records][:5] == [
        time(15, 45),
        None,
        time(11, 40),
        time(9, 30),
        time(22, 10),
    ]


def test_ic119_a_known_header_over_one_word_cells_loses_to_the_narrative_beside_it(tmp_path):
    # Three rows only: too few for the repeated-values test to call "Contact" a type.
    rows = [["Date", "Contact", "Record of contact"]]
    for i, kind in enumerate(["Contact", "Telephone", "Contact"]):
        rows.append([f"0{i + 1}/06/2017", kind, f"{LONG} ({i})"])
    r = import_file(write_csv(tmp_path / "Midwifery chronology.csv", rows), today=TODAY)
    assert column(r, "Record of contact").field == "description"
    assert [x.description for x in r.records] == [f"{LONG} ({i})" for i in range(3)]


def test_ic120_a_reference_header_close_to_a_description_word_keeps_its_role(tmp_path):
    rows = [["Incident no", "Call received", "Crew notes"]]
    for i in range(4):
        rows.append([f"INC-14-00{i}953", f"2{i}/06/2014 17:44", f"{LONG} ({i})"])
    r = import_file(write_csv(tmp_path / "Ambulance service chronology.csv", rows), today=TODAY)
    assert column(r, "Crew notes").field == "description"
    assert column(r, "Incident no").field != "description"
    assert r.records[0].description == f"{LONG} (0)"
