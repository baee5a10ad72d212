from ingest.columns import header_fields, map_columns, score_header


def fields_of(mapping):
    return {c.header: c.field for c in mapping.columns}


def test_cm001_common_headers_map_by_synonym():
    m = map_columns(["Date", "Event / Contact", "Outcome / Action", "Worker", "Significance"])
    assert fields_of(m) == {
        "Date": "date",
        "Event / Contact": "description",
        "Outcome / Action": "outcome",
        "Worker": "practitioner",
        "Significance": "significance",
    }
    assert m.ok and all(c.confidence == 1.0 for c in m.columns)


def test_cm002_hospital_vocabulary():
    m = map_columns(
        ["Attendance date", "Arrival time", "Presenting complaint", "Outcome", "Clinician"]
    )
    assert fields_of(m) == {
        "Attendance date": "date",
        "Arrival time": "time",
        "Presenting complaint": "description",
        "Outcome": "outcome",
        "Clinician": "practitioner",
    }


def test_cm003_fuzzy_header_has_lower_confidence():
    field, conf, how = score_header("Descripton of evnt")  # typos
    assert field == "description" and how == "fuzzy" and 0.8 <= conf < 1.0


def test_cm004_date_of_birth_is_never_the_event_date():
    m = map_columns(["Date of birth", "Summary"])
    assert fields_of(m)["Date of birth"] is None
    assert not m.ok
    assert any("no column for the date" in p and "'Date of birth'" in p for p in m.problems)


def test_cm005_missing_description_is_a_clear_problem():
    m = map_columns(["Date", "Zebra", "Quokka"])
    assert m.problems == [
        "no column for the description was recognised among the headers 'Date', 'Zebra', "
        "'Quokka': map one in the column mapping (an agency profile)"
    ]


def test_cm006_two_columns_for_one_field_take_the_first_and_warn():
    m = map_columns(["Date", "Details", "Summary"])
    assert fields_of(m)["Details"] == "description"
    assert fields_of(m)["Summary"] is None
    assert m.ok
    assert m.warnings == [
        "the description could be in more than one column ('Details', 'Summary'): took "
        "'Details'; say which in the column mapping"
    ]


def test_cm007_profile_overrides_win_and_can_ignore_a_column():
    m = map_columns(["When", "Blurb", "Summary"], {"Blurb": "description", "Summary": ""})
    f = fields_of(m)
    assert f == {"When": "date", "Blurb": "description", "Summary": None}
    assert [c.how for c in m.columns] == ["synonym", "profile", "profile"]


def test_cm008_header_fields_scores_header_rows_above_titles():
    assert header_fields(["Date", "Event", "Outcome"]) >= 3
    assert header_fields(["Chronology of significant events - Ellie-Mae", None]) == 0
    assert header_fields([None, None]) == 0
