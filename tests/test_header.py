from ingest.header import classify_row, find_header, header_key

HEADER = header_key(["Date", "Event / Contact", "Outcome"])


def test_hd001_header_found_below_titles_and_blank_rows():
    rows = [
        ["Chronology of significant events"],
        [None],
        ["Date", "Event", "Outcome"],
        ["12/03/2021", "Visit", "Seen"],
    ]
    assert find_header(rows) == (2, 4)  # 3 fields + 1 for having date and description


def test_hd002_no_header_when_fewer_than_two_fields_are_named():
    assert find_header([["Chronology"], ["Date", "Zebra"]]) == (-1, 0)
    assert find_header([["Chronology"], ["Date", "Zebra"]], min_score=1) == (1, 1)


def test_hd003_rows_that_are_not_events():
    assert classify_row(["", "", ""], HEADER, 0) == "blank row"
    assert classify_row(["Continued", "", ""], HEADER, 0) == "'Continued' row (table continues)"
    assert classify_row(
        ["Chronology continued – 2021", "Chronology continued – 2021", ""], HEADER, 0
    ).endswith("(table continues)")
    assert classify_row(["date", "EVENT/CONTACT", "Outcome"], HEADER, 0) == "repeated header row"
    assert classify_row(["--- Academic year 2020/21 ---", "", ""], HEADER, 0).startswith(
        "section divider"
    )
    assert classify_row(["Total records: 33", "", ""], HEADER, 0).startswith("subtotal row")
    assert classify_row(["Source: extract 06/01/2022", "", ""], HEADER, 0).startswith("note row")


def test_hd004_rows_that_are_data_even_if_odd():
    # an event with no date is data (it will be quarantined), never skipped
    assert classify_row(["", "S47 information requests sent", ""], HEADER, 0) is None
    assert classify_row(["12/03/2021", "Date", "Outcome"], HEADER, 0) is None
    assert classify_row(["12/03/2021", "continued concerns about weight", ""], HEADER, 0) is None
    assert classify_row(["Notes from the strategy meeting", "", ""], HEADER, 0) is None
