"""The import pipeline on files built the way agencies lay them out."""

from datetime import date, datetime, time

import pytest

from ingest import AgencyProfile, IngestError, import_file, save_profile
from ingest.profiles import load_profile
from tests.builders import write_csv, write_docx, write_xlsx

PERIOD = (date(2019, 1, 1), date(2022, 12, 31))
TODAY = date(2026, 11, 26)
HEADER = ["Date", "Event / Contact", "Outcome / Action", "Worker", "Significance"]


def by_row(result):
    return {r.provenance.row: r for r in result.records}


@pytest.fixture
def csc_xlsx(tmp_path):
    return write_xlsx(
        tmp_path / "Chronology - Childrens Services FINAL.xlsx",
        {
            "Cover": [["Learning review"], ["Author: Pat Example"], ["See the next sheet"]],
            "CSC entries": [
                ["Chronology of significant events"],  # 1 title (merged A1:E1)
                ["Child: Ellie-Mae Thornbury"],  # 2 title
                [None],  # 3 blank
                HEADER,  # 4 header
                [datetime(2021, 3, 12), "Strategy discussion held", "s47 agreed", "SW1", "High"],
                [None, None, None, None, None],  # 6 blank
                ["continued", None, None, None, None],  # 7
                HEADER,  # 8 repeated header
                ["TBC", "Home visit", "Child seen", "SW1", None],  # 9 unreadable date
                [datetime(2021, 3, 19), "Home visit", "Child seen", "SW1", None],  # 10
                [datetime(2021, 3, 19), "Home visit", "Child seen", "SW1", None],  # 11 duplicate
                [datetime(2031, 3, 19), "", "", "SW1", None],  # 12 no text -> quarantined
                [None, "Phone call to nursery", "", "SW1", None],  # 13 no date -> quarantined
                [datetime(2018, 5, 1), "Referral from school", "NFA", "SW2", None],  # 14 outside
                [datetime(2030, 1, 2), "Planned review", "", "SW2", None],  # 15 future
            ],
        },
        merges={"CSC entries": ["A1:E1"]},
    )


def test_pl001_xlsx_chooses_the_chronology_sheet_by_content_and_accounts_for_every_row(csc_xlsx):
    r = import_file(csc_xlsx, period=PERIOD, today=TODAY)
    assert r.sheet == "CSC entries"
    assert r.header_row == 4
    # the sheet name ("CSC entries") is better evidence than the file name, and is named
    assert r.agency == "Children's Social Care" and r.agency_source == "sheet name"
    assert "CSC entries" in r.agency_evidence
    assert [(s.row, s.reason) for s in r.skipped] == [
        (1, "title row"),
        (2, "title row"),
        (3, "blank row"),
        (4, "header row"),
        (6, "blank row"),
        (7, "'continued' row (table continues)"),
        (8, "repeated header row"),
    ]
    assert sorted(q.provenance.row for q in r.quarantined) == [9, 12, 13]
    assert sorted(by_row(r)) == [5, 10, 11, 14, 15]
    assert r.rows_read == 15 and r.accounted
    assert any("'Cover' is not a chronology" in n for n in r.notes)


def test_pl002_issues_name_the_problem_and_column(csc_xlsx):
    r = import_file(csc_xlsx, period=PERIOD, today=TODAY)
    q = {q.provenance.row: q for q in r.quarantined}
    assert q[9].issues[0].code == "bad_date" and q[9].issues[0].column == "Date"
    assert "TBC" in q[9].reason
    assert q[12].issues[0].code == "no_text"
    assert q[13].issues[0].code == "no_date"
    rec = by_row(r)
    assert rec[5].issues == [] and rec[5].status == "imported"
    assert [i.code for i in rec[11].issues] == ["duplicate_row"]
    assert "row 10" in rec[11].issues[0].message
    assert [i.code for i in rec[14].issues] == ["outside_period"]
    assert [i.code for i in rec[15].issues] == ["outside_period", "future_date", "suspect_date"]
    assert "2030: did you mean 2020?" in rec[15].issues[2].message
    assert rec[15].date.start == date(2030, 1, 2)  # flagged, never changed
    assert rec[15].status == "needs_review"


def test_pl003_provenance_and_fields(csc_xlsx):
    rec = by_row(import_file(csc_xlsx, period=PERIOD, today=TODAY))[5]
    assert rec.date.start == rec.date.end == date(2021, 3, 12)
    assert rec.description == "Strategy discussion held"
    assert rec.outcome == "s47 agreed" and rec.practitioner == "SW1"
    assert rec.significance == "High"
    p = rec.provenance
    assert (p.file_name, p.sheet, p.row) == (csc_xlsx.name, "CSC entries", 5)
    assert len(p.file_sha256) == 64
    assert p.raw["Event / Contact"] == "Strategy discussion held"
    assert p.raw["Date"] == "2021-03-12"


def test_pl004_record_ids_survive_rows_inserted_above(tmp_path):
    rows = [["Date", "Details"], ["12/03/2021", "Strategy discussion"], ["19/03/2021", "Visit"]]
    first = import_file(write_csv(tmp_path / "police.csv", rows), today=TODAY)
    rows2 = [rows[0], ["01/03/2021", "New entry added"], *rows[1:]]
    second = import_file(write_csv(tmp_path / "police2.csv", rows2), agency="Police", today=TODAY)
    ids1 = {r.description: r.record_id for r in first.records}
    ids2 = {r.description: r.record_id for r in second.records}
    assert ids1["Strategy discussion"] == ids2["Strategy discussion"]
    assert ids1["Visit"] == ids2["Visit"]
    # identical rows in one file get different ids
    dup = import_file(write_csv(tmp_path / "p3.csv", [rows[0], rows[1], rows[1]]), agency="Police")
    assert len({r.record_id for r in dup.records}) == 2


def test_pl005_cp1252_semicolon_csv_with_date_and_time_in_one_cell(tmp_path):
    rows = [
        ["Date/Time", "Occurrence", "Officer", "Action taken", "Ref"],
        [
            "12/03/2021 14:35",
            "DA incident – partner’s car damaged, £200",
            "PC 123",
            "DASH: medium",
            "R1",
        ],
        ["13/03/2021 0910hrs", "Strat disc with CSC", "DS 45", "s47 agreed", "R2"],
    ]
    path = write_csv(tmp_path / "Police_chronology.csv", rows, encoding="cp1252", delimiter=";")
    r = import_file(path, today=TODAY)
    assert r.agency == "Police"
    assert any("cp1252" in n and "semicolon" in n for n in r.notes)
    first, second = sorted(r.records, key=lambda x: x.provenance.row)
    assert first.description == "DA incident – partner’s car damaged, £200"
    assert (first.date.start, first.date.time, first.date.precision) == (
        date(2021, 3, 12),
        time(14, 35),
        "exact",
    )
    assert second.date.time == time(9, 10)
    assert first.reference == "R1" and first.provenance.sheet == "" and first.provenance.row == 2


def test_pl006_utf8_bom_csv_with_separate_time_column_and_multiline_cells(tmp_path):
    rows = [
        ["Date", "Time", "Entry", "Seen by"],
        ["12.3.21", "1435", "Seen with mother,\nweight checked", "GP1"],
        ["15/03/2021", "2.35pm", "Call from HV re weight", "GP2"],
        ["16/03/2021", "25:00", "Letter sent", "GP2"],
    ]
    path = write_csv(tmp_path / "GP Surgery chronology.csv", rows, encoding="utf-8-sig")
    r = import_file(path, today=TODAY)
    rec = by_row(r)
    assert r.agency == "GP" and sorted(rec) == [2, 3, 4]  # a quoted newline stays in its row
    assert rec[2].description == "Seen with mother,\nweight checked"
    assert rec[2].date.time == time(14, 35) and rec[2].date.precision == "exact"
    assert rec[3].date.time == time(14, 35)
    assert rec[4].date.time is None and [i.code for i in rec[4].issues] == ["bad_time"]


def test_pl007_utf16_tab_separated(tmp_path):
    rows = [["Date", "Description"], ["12/03/2021", "Home visit – child seen"]]
    path = write_csv(tmp_path / "hv.csv", rows, encoding="utf-16", delimiter="\t")
    r = import_file(path, today=TODAY)
    assert [x.description for x in r.records] == ["Home visit – child seen"]
    assert r.agency == "Health Visiting"


def test_pl008_word_tables_split_with_continued_paragraph_are_joined(tmp_path):
    header = ["Date", "Contact type", "Summary", "Plan", "Practitioner"]
    path = write_docx(
        tmp_path / "hv chron v2.docx",
        [
            "Health Visiting chronology",
            "Prepared for the learning review. Entries in date order.",
            [
                header,
                ["March 2020", "Antenatal", "Antenatal contact", "New birth visit", "HV1"],
                ["w/c 15/03/2021", "Home visit", "Weight checked", "Review 2/52", "HV1"],
            ],
            "Chronology continued",
            [header, ["approx. June 2020", "Clinic", "Seen in clinic", "", "HV2"]],
        ],
    )
    r = import_file(path, today=TODAY)
    assert r.agency == "Health Visiting"
    assert r.sheet == "table 1, table 2"
    positions = sorted((x.provenance.sheet, x.provenance.row) for x in r.records)
    assert positions == [("table 1", 2), ("table 1", 3), ("table 2", 2)]
    assert [(s.sheet, s.row, s.reason) for s in r.skipped] == [
        ("table 1", 1, "header row"),
        ("table 2", 1, "repeated header row"),
    ]
    assert r.accounted and r.rows_read == 5
    recs = {x.description: x for x in r.records}
    assert recs["Antenatal contact"].date.precision == "month"
    assert recs["Antenatal contact"].event_type == "Antenatal"
    assert (recs["Weight checked"].date.start, recs["Weight checked"].date.end) == (
        date(2021, 3, 15),
        date(2021, 3, 21),
    )
    assert recs["Seen in clinic"].date.approximate


def test_pl009_month_first_dates_make_ambiguous_dates_in_the_file_flagged(tmp_path):
    rows = [
        ["Date", "Details"],
        ["12/25/2020", "Christmas call-out"],
        ["03/04/2021", "Visit"],
        ["13/04/2021", "Visit"],
    ]
    r = import_file(write_csv(tmp_path / "police.csv", rows), today=TODAY)
    rec = by_row(r)
    assert rec[2].date.start == date(2020, 12, 25)
    assert [i.code for i in rec[2].issues] == ["month_first_date"]
    assert rec[3].date.start == date(2021, 4, 3)  # still day first...
    assert [i.code for i in rec[3].issues] == ["ambiguous_date"]  # ...but flagged
    assert "3 Apr 2021" in rec[3].issues[0].message and "4 Mar 2021" in rec[3].issues[0].message
    assert rec[4].issues == []  # 13/04 can only be one date


def test_pl010_agency_from_column_given_or_fallback(tmp_path):
    rows = [
        ["Date", "Agency", "Details"],
        ["12/03/2021", "PPU", "Strat"],
        ["12/03/2021", "Childrens Services", "Strat"],
    ]
    r = import_file(write_csv(tmp_path / "multi agency.csv", rows), today=TODAY)
    assert r.agency_source == "column"
    assert sorted(x.agency for x in r.records) == ["Children's Social Care", "Police"]
    plain = [["Date", "Details"], ["12/03/2021", "Visit"]]
    r2 = import_file(write_csv(tmp_path / "export 7.csv", plain), today=TODAY)
    assert r2.agency == "export 7" and r2.agency_source == "fallback: file name"
    assert any("no agency could be found" in n for n in r2.notes)
    r3 = import_file(write_csv(tmp_path / "export 8.csv", plain), agency="housing")
    assert (r3.agency, r3.agency_source) == ("Housing", "given")


def test_pl011_unknown_headers_import_by_content_and_a_profile_still_wins(tmp_path):
    rows = [["When", "Blurb", "Who"], ["12/03/2021", "Visit", "HV1"]]
    path = write_csv(tmp_path / "Housing chron.csv", rows)
    by_content = import_file(path, today=TODAY)
    assert [x.description for x in by_content.records] == ["Visit"]
    blurb = next(c for c in by_content.columns if c.header == "Blurb")
    assert blurb.how == "content" and blurb.reason.startswith("description")
    # a table with no text column at all is truly ambiguous: it says so, naming the file
    numbers = [["When", "Amount"], ["12/03/2021", "12"], ["13/03/2021", "14"]]
    with pytest.raises(IngestError) as err:
        import_file(write_csv(tmp_path / "Housing money.csv", numbers), today=TODAY)
    msg = str(err.value)
    assert "'Housing money.csv'" in msg and "no column for the description" in msg
    assert "'Amount'" in msg
    saved = save_profile(
        AgencyProfile(agency="Housing", columns={"Blurb": "description"}), tmp_path / "profiles"
    )
    profile = load_profile(saved)
    r = import_file(path, profile=profile, today=TODAY)
    assert [x.description for x in r.records] == ["Visit"]
    assert [c.how for c in r.columns if c.header == "Blurb"] == ["profile"]
    ignore = AgencyProfile(agency="Housing", columns={"Blurb": "", "Who": "description"})
    r2 = import_file(path, profile=ignore, today=TODAY)
    assert [x.description for x in r2.records] == ["HV1"]


def test_pl012_header_beyond_row_30_is_not_found(tmp_path):
    rows = [[f"note {i}"] for i in range(31)] + [["Date", "Details"], ["12/03/2021", "Visit"]]
    with pytest.raises(IngestError, match="no header row"):
        import_file(write_csv(tmp_path / "gp.csv", rows), today=TODAY)


def test_pl013_end_date_column_makes_a_range(tmp_path):
    rows = [
        ["Start date", "End date", "Event"],
        ["12/03/2021", "14/03/2021", "Admitted"],
        ["12/03/2021", "10/03/2021", "Typo"],
    ]
    rec = by_row(import_file(write_csv(tmp_path / "hospital.csv", rows), today=TODAY))
    assert (rec[2].date.start, rec[2].date.end, rec[2].date.precision) == (
        date(2021, 3, 12),
        date(2021, 3, 14),
        "range",
    )
    assert [i.code for i in rec[3].issues] == ["end_before_start"]


def test_pl014_the_collector_is_paused_only_while_a_file_is_read(tmp_path, monkeypatch):
    """import_file pauses the cyclic garbage collector while it builds records and gives it
    back as it was, when the file imports and when it cannot be read; its bounds are the
    caller's (ingest reads no environment)."""
    import gc

    import ingest.pipeline as pipeline

    seen = []
    real = pipeline.import_table

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "import_table", spy)
    monkeypatch.setenv("LRT_MAX_ROWS", "1")  # ignored: the caller passes limits
    path = write_csv(tmp_path / "police.csv", [["Date", "Event"], ["12/03/2021", "Visit"]])
    assert gc.isenabled()
    fi = import_file(path, today=TODAY)
    assert seen == [False] and gc.isenabled() and len(fi.records) == 1
    with pytest.raises(IngestError):
        import_file(tmp_path / "missing.csv", today=TODAY)
    assert gc.isenabled()
    gc.disable()
    try:
        import_file(path, today=TODAY)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
