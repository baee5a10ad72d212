"""The importer's fast paths give exactly what the general forms give."""

import gc
from datetime import date, time

import pytest

from ingest import import_file
from ingest.records import (
    DateInterval,
    Provenance,
    RecordIds,
    make_interval,
    stable_record_id,
)
from tests.builders import write_csv

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize("agency", ["Children's Social Care", "GP", "ÉCOLE Straße", ""])
@pytest.mark.parametrize(
    "values,occurrence",
    [(("12/03/2021", "Home visit"), 0), (("",), 3), ((), 0), (("x", "", " y"), 12)],
)
def test_fp001_record_ids_are_the_stable_ids(agency, values, occurrence):
    assert RecordIds(agency)(values, occurrence) == stable_record_id(agency, values, occurrence)


def test_fp002_ids_keep_their_known_value():
    # a stored review's ids must not move: the id this row had before the fast path
    known = "b9c13ba0e39faadf9513"
    assert stable_record_id("GP", ("01/02/2021", "Seen in clinic"), 0) == known
    assert RecordIds("GP")(("01/02/2021", "Seen in clinic")) == known


def test_fp003_lazy_raw_is_the_row_and_takes_additions():
    prov = Provenance.of_row("a.csv", "0" * 64, "", 7, ("Date", "Event"), ("1/2/21", "Visit"))
    eager = Provenance("a.csv", "0" * 64, "", 7, {"Date": "1/2/21", "Event": "Visit"})
    assert prov.raw == {"Date": "1/2/21", "Event": "Visit"}
    assert prov == eager
    prov.raw["(row 8)"] = "more"
    assert prov.raw["(row 8)"] == "more" and prov != eager
    assert prov.rows == (7,)
    prov.continued_rows = (8,)
    assert prov.rows == (7, 8)
    assert "raw={'Date': '1/2/21'" in repr(prov)


def test_fp004_intervals_built_by_slot_equal_the_dataclass():
    args = (date(2021, 3, 12), date(2021, 3, 12), "exact", True, time(14, 35), None, "n")
    fast, slow = make_interval(*args), DateInterval(*args)
    assert fast == slow and hash(fast) == hash(slow)
    with pytest.raises(AttributeError):
        fast.start = date(2020, 1, 1)  # still frozen


def test_fp005_times_read_once_per_text_still_flag_each_row(tmp_path):
    rows = [["Date", "Time", "Event"]]
    rows += [[f"{d:02d}/03/2021", "14:35", f"Visit {d}"] for d in range(1, 6)]
    rows += [["06/03/2021", "teatime", "Call"], ["07/03/2021", "teatime", "Call 2"]]
    rows += [["08/03/2021", "approx 3pm", "Visit"], ["08/03/2021", "approx 3pm", "Visit b"]]
    result = import_file(write_csv(tmp_path / "GP.csv", rows), agency="GP", today=TODAY)
    assert result.accounted and len(result.records) == 9
    by_text = {r.description: r for r in result.records}
    assert all(by_text[f"Visit {d}"].date.time == time(14, 35) for d in range(1, 6))
    for text in ("Call", "Call 2"):
        assert [i.code for i in by_text[text].issues] == ["bad_time"]
        assert by_text[text].date.precision == "day"
    for text in ("Visit", "Visit b"):
        assert by_text[text].date.time == time(15, 0) and by_text[text].date.approximate


def test_fp006_collector_left_as_found(tmp_path):
    path = write_csv(tmp_path / "GP.csv", [["Date", "Event"], ["01/03/2021", "Visit"]])
    assert gc.isenabled()
    import_file(path, agency="GP", today=TODAY)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        import_file(path, agency="GP", today=TODAY)
        assert not gc.isenabled()
    finally:
        gc.enable()
    held = [object() for _ in range(3)]  # a server that froze its start-up state
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        import_file(path, agency="GP", today=TODAY)
        assert gc.get_freeze_count() == frozen  # its frozen objects stay frozen
    finally:
        gc.unfreeze()
    del held
