"""Second rows of one agency for one event (timeline/matching/secondrows.py): an entry
continued on the next row; two entries of one kind stay two."""

from __future__ import annotations

from datetime import date

from ingest.records import DateInterval, Provenance, SourceRecord
from timeline.matching import MatchConfig, match_records
from timeline.matching.prepare import prepare
from timeline.matching.secondrows import split_entries

D = date(2022, 3, 14)


def _row(rid, agency, day, text, row, file="file.csv", outcome=""):  # noqa: ANN001, ANN202
    prov = Provenance(file, "0" * 64, "", row, {"Event": text})
    return SourceRecord(rid, agency, DateInterval(day, day, "day"), text, prov, outcome=outcome)


def _together(res, x, y) -> bool:  # noqa: ANN001
    ev = res.event_of()
    return ev[x] is ev[y]


def _pairs(rows):  # noqa: ANN001, ANN202
    prep = prepare(rows, MatchConfig())
    return {(prep.ids[h], prep.ids[c]) for h, c in split_entries(prep)}


def test_ms001_continuation_words_join_the_row_written_before():
    rows = [
        _row("h1", "Children's Social Care", D, "Police notification: Tamsin Orrick missing", 4),
        _row("c1", "Children's Social Care", D, "Further to above - returned home at 03:00", 5),
        _row("h2", "Children's Social Care", date(2022, 3, 20), "Home visit, Tamsin seen", 6),
        _row(
            "c2",
            "Children's Social Care",
            date(2022, 3, 20),
            "Cont. from previous entry: bedroom seen",
            7,
        ),
        _row("h3", "Children's Social Care", date(2022, 3, 25), "Strategy discussion held", 8),
        _row("c3", "Children's Social Care", date(2022, 3, 25), "(cont) s47 agreed", 9),
    ]
    assert _pairs(rows) == {("h1", "c1"), ("h2", "c2"), ("h3", "c3")}
    # the old pattern read only "Update:", "Cont'd:" and "Addendum:" with a colon
    res = match_records(rows)
    assert _together(res, "h1", "c1") and _together(res, "h3", "c3")


def test_ms002_a_file_listed_newest_first_has_the_head_on_the_row_below():
    days = [date(2022, 5, 9), D, D, date(2022, 2, 1)]
    rows = [
        _row("p0", "Police", days[0], "Stop and search, nothing found", 2),
        _row("pc", "Police", days[1], "(cont) Taken home by officers.", 3),
        _row("ph", "Police", days[2], "Missing person report, found at a friend's address", 4),
        _row("p3", "Police", days[3], "Domestic incident, verbal argument", 5),
    ]
    assert _pairs(rows) == {("ph", "pc")}
    # the same rows oldest first: the continuation's previous row is above it
    asc = [
        _row("p3", "Police", days[3], "Domestic incident, verbal argument", 2),
        _row("ph", "Police", D, "Missing person report, found at a friend's address", 3),
        _row("pc", "Police", D, "(cont) Taken home by officers.", 4),
        _row("p0", "Police", days[0], "Stop and search, nothing found", 5),
    ]
    assert _pairs(asc) == {("ph", "pc")}


def test_ms003_a_continuation_never_joins_another_day_or_a_row_apart():
    rows = [
        _row("h", "School", D, "Absence call, no reply", 3),
        _row("x", "School", D, "Welfare check requested", 4),
        _row("c", "School", date(2022, 3, 15), "Further to above - mum called back", 5),
        _row("y", "School", date(2022, 3, 18), "Addendum: reading book sent home", 8),
    ]
    assert _pairs(rows) == set()


def test_ms005_two_entries_of_one_kind_a_day_stay_two():
    rows = [
        _row("p1", "Police", D, "Domestic incident: verbal argument, officers attended", 10),
        _row("p2", "Police", D, "Domestic incident: second call, male returned, arrested", 11),
        # same words a row apart (another row between) and same words another day
        _row("p3", "Police", D, "Welfare check at the address", 12),
        _row("p4", "Police", D, "Stop and search", 13),
        _row("p5", "Police", D, "Welfare check at the address", 14),
    ]
    prep = prepare(rows, MatchConfig())
    assert split_entries(prep) == []
    res = match_records(rows)
    assert not _together(res, "p1", "p2") and not _together(res, "p3", "p5")
