import csv

import openpyxl
import pytest

from timeline.tabular import csv_safe, write_rows

TRIGGERS = ["=SUM(A1)", "+44 7700", "-5", "@cmd", "\tx", "\rx", "\x00x"]


@pytest.mark.parametrize("text", TRIGGERS)
def test_tb001_formula_triggers_are_neutralised_in_csv(text):
    assert csv_safe(text) == "'" + text


def test_tb002_plain_values_untouched():
    assert csv_safe("Home visit") == "Home visit"
    assert csv_safe(5) == 5 and csv_safe("") == ""


def test_tb003_csv_and_xlsx_round_trip(tmp_path):
    rows = [{"a": t, "b": i} for i, t in enumerate(TRIGGERS)] + [{"a": "£ ok"}]
    write_rows(tmp_path / "o.csv", ["a", "b"], rows)
    with open(tmp_path / "o.csv", encoding="utf-8-sig", newline="") as fh:
        back = list(csv.DictReader(fh))
    assert [r["a"] for r in back] == ["'" + t for t in TRIGGERS] + ["£ ok"]
    assert back[-1]["b"] == ""
    write_rows(tmp_path / "o.xlsx", ["a", "b"], rows)
    ws = openpyxl.load_workbook(tmp_path / "o.xlsx").active
    cells = [r[0] for r in ws.iter_rows(min_row=2)]
    # text kept exactly (a NUL, which XLSX cannot hold, is shown as its picture ␀)...
    assert [c.value for c in cells[:-1]] == [*TRIGGERS[:-1], "\u2400x"]
    assert {c.data_type for c in cells} == {"s"}  # ...as text, never a formula


def test_tb004_unknown_suffix(tmp_path):
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        write_rows(tmp_path / "o.json", ["a"], [])
