# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""Nothing withdrawn by accident (issue 10, item 9): a new file adds records; it replaces an
earlier file only when the user says so, and a replacement that yields nothing or withdraws
more than half of the file it replaces is refused unless confirmed."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.store import LOCAL_OPERATOR, InvalidInput, NeedsConfirmation, Store

from .test_store_helpers import db, make_import, store  # noqa: F401

D = date
OP = LOCAL_OPERATOR


def _review(store: Store) -> int:
    return store.reviews.create_review(
        OP, "Review of Ash (fictional)", period=(D(2020, 1, 1), D(2021, 12, 31))
    )


def _gp_rows(n: int, text: str) -> list[tuple[date, str]]:
    return [(D(2020, 1 + i % 12, 1 + i % 27), f"{text} {i}") for i in range(n)]


def _active(store: Store, rid: int) -> list[dict]:
    return store.records.list_records(OP, rid)


def test_wd001_a_second_file_from_the_same_agency_adds_and_withdraws_nothing(store):
    rid = _review(store)
    practice = make_import("GP", _gp_rows(47, "Surgery appointment"), file_name="GP practice.csv")
    ooh = make_import("GP", _gp_rows(5, "Out of hours call"), file_name="GP out of hours.csv")
    store.records.import_results(OP, rid, [practice])
    (res,) = store.records.import_results(OP, rid, [ooh])
    assert (res["added"], res["withdrawn"], res["superseded_file_ids"]) == (5, 0, [])
    recs = _active(store, rid)
    assert len(recs) == 52
    assert sum(r["description"].startswith("Surgery appointment") for r in recs) == 47
    files = store.records.list_source_files(OP, rid)
    assert [f["superseded_by"] for f in files] == [None, None]


def test_wd002_a_file_yielding_no_records_is_refused_and_changes_nothing(store):
    rid = _review(store)
    store.records.import_results(
        OP, rid, [make_import("GP", _gp_rows(49, "Visit"), file_name="gp.csv")]
    )
    version = store.reviews.review_version(OP, rid)
    header_only = make_import("GP", [], file_name="GP header only.csv")
    with pytest.raises(InvalidInput) as err:
        store.records.import_results(OP, rid, [header_only])
    assert "GP header only.csv" in str(err.value) and "as they were" in str(err.value)
    assert len(_active(store, rid)) == 49
    assert len(store.records.list_source_files(OP, rid)) == 1
    assert store.reviews.review_version(OP, rid) == version  # rolled back: nothing moved


def test_wd003_a_replacement_withdraws_only_when_asked_and_big_losses_need_confirming(store):
    rid = _review(store)
    (first,) = store.records.import_results(
        OP, rid, [make_import("Police", _gp_rows(10, "Call-out"), file_name="police v1.csv")]
    )
    old_id = first["source_file_id"]
    # keeps 4 of 10: withdrawing 6 (more than half) is refused without confirmation
    v2 = make_import("Police", _gp_rows(10, "Call-out")[:4], file_name="police v2.csv")
    with pytest.raises(NeedsConfirmation) as err:
        store.records.import_results(OP, rid, [v2], replaces={"police v2.csv": old_id})
    assert "withdraw 6 of its 10" in str(err.value) and "police v1.csv" in str(err.value)
    assert err.value.details["withdraw"] == 6
    assert len(_active(store, rid)) == 10
    # an empty replacement is refused too
    empty = make_import("Police", [], file_name="police empty.csv")
    with pytest.raises(NeedsConfirmation, match="yields no records"):
        store.records.import_results(OP, rid, [empty], replaces={"police empty.csv": old_id})
    assert len(_active(store, rid)) == 10
    # confirmed, the replacement goes ahead and withdraws (never deletes) the six
    (res,) = store.records.import_results(
        OP, rid, [v2], replaces={"police v2.csv": old_id}, confirm=True
    )
    assert (res["kept"], res["withdrawn"], res["superseded_file_ids"]) == (4, 6, [old_id])
    assert len(_active(store, rid)) == 4
    assert len(store.records.list_records(OP, rid, include_withdrawn=True)) == 10
    # withdrawing half or less needs no confirmation
    (third,) = store.records.import_results(
        OP,
        rid,
        [make_import("Police", _gp_rows(10, "Call-out")[:2], file_name="police v3.csv")],
        replaces={"police v3.csv": res["source_file_id"]},
    )
    assert third["withdrawn"] == 2


def test_wd004_a_replaced_file_cannot_be_replaced_again(store):
    rid = _review(store)
    (a,) = store.records.import_results(
        OP, rid, [make_import("GP", _gp_rows(3, "x"), file_name="a.csv")]
    )
    store.records.import_results(
        OP,
        rid,
        [make_import("GP", _gp_rows(3, "x"), file_name="b.csv", sha="b" * 64)],
        replaces={"b.csv": a["source_file_id"]},
    )
    with pytest.raises(InvalidInput, match="already replaced"):
        store.records.import_results(
            OP,
            rid,
            [make_import("GP", _gp_rows(3, "y"), file_name="c.csv")],
            replaces={"c.csv": a["source_file_id"]},
        )


def test_wd005_import_counts_are_columns(store):
    rid = _review(store)
    fi = make_import("GP", _gp_rows(3, "x"), file_name="gp.csv", quarantined=2)
    store.records.import_results(OP, rid, [fi])
    (f,) = store.records.list_source_files(OP, rid)
    assert (f["records_count"], f["quarantined_count"], f["skipped_count"]) == (3, 2, 0)
    assert f["need_review_count"] == 0
