# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""Migration 0004 carries an existing review over: a database made at 0002, with uploads
and profiles on disk, counts in prose, the workshop view in audit entries and points to
raise as prefixed comments, upgraded to head on both engines."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

import sqlalchemy as sa

from timeline.store import LOCAL_OPERATOR
from timeline.store.migrate import upgrade
from timeline.store.service import Store

from .test_store_helpers import db  # noqa: F401

NOW = datetime(2026, 11, 30, 9, 0)


def _made_at_0002(engine, data_dir) -> dict:
    upgrade(engine, "0002_findings_names")
    meta = sa.MetaData()
    meta.reflect(engine)
    t = meta.tables
    content = b"Date,Details\n01/02/2020,Home visit by the health visitor\n"
    sha = hashlib.sha256(content).hexdigest()
    with engine.begin() as conn:
        rid = conn.execute(
            t["reviews"]
            .insert()
            .values(
                title="Review of Ash (fictional)", child_pseudonym="Ash", version=7, created_at=NOW
            )
        ).inserted_primary_key[0]
        aid = conn.execute(
            t["agencies"].insert().values(review_id=rid, name="Health visiting")
        ).inserted_primary_key[0]
        common = dict(
            review_id=rid,
            agency_id=aid,
            imported_at=NOW,
            imported_by_label="lead@example.org",
            agency_source="given",
            sheet="",
            columns=[],
            notes=[],
        )
        fid = conn.execute(
            t["source_files"]
            .insert()
            .values(
                file_name="hv chronology.csv",
                sha256=sha,
                rows_read=12,
                summary="hv chronology.csv: 12 rows read = 9 records (2 need review) + 1 "
                "quarantined + 2 skipped; agency Health visiting (given)",
                **common,
            )
        ).inserted_primary_key[0]
        # the audit trail of two workshop moves (the latest is the current view)
        for seq, label in ((1, "Jan 2020 – Jun 2020"), (2, "Jul 2020 – Dec 2020")):
            conn.execute(
                t["audit_entries"]
                .insert()
                .values(
                    review_id=rid,
                    actor_label="facilitator@example.org",
                    at=NOW,
                    action="workshop.view",
                    object_type="review",
                    object_id=str(rid),
                    after={"label": label, "period": ["2020-07-01", "2020-12-31"], "seq": seq},
                )
            )
        for kind, text in (
            ("comment", "Point to raise: Why was no strategy meeting held?"),
            ("comment", "An ordinary comment"),
        ):
            conn.execute(
                t["annotations"]
                .insert()
                .values(
                    review_id=rid,
                    anchor_record_ids=[],
                    kind=kind,
                    text=text,
                    author_label="p@example.org",
                    created_at=NOW,
                    updated_at=NOW,
                    version=1,
                )
            )
    folder = data_dir / "uploads" / f"review-{rid}"
    folder.mkdir(parents=True)
    (folder / f"{sha}.csv").write_bytes(content)
    pfolder = data_dir / "profiles" / f"review-{rid}"
    pfolder.mkdir(parents=True)
    (pfolder / "health-visiting.json").write_text(
        json.dumps({"agency": "Health visiting", "columns": {"Details": "description"}})
    )
    return {"rid": rid, "fid": fid, "sha": sha, "content": content}


def test_mg001_upgrade_from_0002_carries_the_review_over(db, tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    monkeypatch.setenv("LRT_DATA_DIR", str(data_dir))
    engine = Store.open(db.url, migrate=False, search_path=db.search_path).engine
    made = _made_at_0002(engine, data_dir)
    upgrade(engine)
    store = Store(engine)
    try:
        rid, op = made["rid"], LOCAL_OPERATOR
        (f,) = store.records.list_source_files(op, rid)
        assert (f["records_count"], f["need_review_count"]) == (9, 2)
        assert (f["quarantined_count"], f["skipped_count"]) == (1, 2)
        (up,) = store.uploads.list(op, rid)
        assert (up.sha256, up.status, up.source_file_id) == (made["sha"], "imported", f["id"])
        assert up.file_name == "hv chronology.csv"
        assert store.uploads.content(op, rid, up.id)[1] == made["content"]
        (profile,) = store.profiles.list(op, rid)
        assert profile.agency == "Health visiting"
        assert profile.columns == {"Details": "description"}
        view = store.workshop.current(op, rid)
        assert view["label"] == "Jul 2020 – Dec 2020" and view["seq"] == 2
        versions = store.reviews.review_versions(op, rid)
        assert versions.version == 7 and versions.workshop == 2
        kinds = sorted((a["kind"], a["text"]) for a in store.annotations.list_annotations(op, rid))
        assert kinds == [
            ("comment", "An ordinary comment"),
            ("point_to_raise", "Why was no strategy meeting held?"),
        ]
        # the next move continues the sequence and leaves the overall version alone
        store.workshop.move(op, rid, {"label": "next", "seq": 1_764_579_600_000})  # Date.now()
        after = store.reviews.review_versions(op, rid)
        assert (after.version, after.workshop) == (7, 3)
    finally:
        store.close()
