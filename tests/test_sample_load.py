"""`python -m timeline sample load` (what `make run` calls) keeps the reviewers' work."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(url, *args):
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "timeline", "sample", "load", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_sl001_second_load_keeps_the_review_and_its_tags_reset_starts_afresh(tmp_path):
    from timeline.store.auth import LOCAL_OPERATOR
    from timeline.store.service import Store

    url = f"sqlite:///{tmp_path / 'r.db'}"
    first = run(url)
    assert first.returncode == 0, first.stderr
    assert "password:" in first.stdout and "lead@example.org" in first.stdout
    store = Store.open(url)
    (review,) = store.reviews.list_reviews(LOCAL_OPERATOR)
    assert review["child_dob"] is not None  # the age axis has a date of birth to use
    event = store.records.list_events(LOCAL_OPERATOR, review["id"])[0]["id"]
    store.annotations.add_annotation(LOCAL_OPERATOR, event, "comment", "kept across restarts")

    second = run(url)
    assert second.returncode == 0, second.stderr
    assert "kept as it was" in second.stdout and "unchanged" in second.stdout
    (again,) = store.reviews.list_reviews(LOCAL_OPERATOR)
    assert again["id"] == review["id"]
    assert [
        a["text"] for a in store.annotations.list_annotations(LOCAL_OPERATOR, review["id"])
    ] == ["kept across restarts"]

    third = run(url, "--reset")
    assert third.returncode == 0 and "loaded:" in third.stdout
    (fresh,) = store.reviews.list_reviews(LOCAL_OPERATOR)
    assert store.annotations.list_annotations(LOCAL_OPERATOR, fresh["id"]) == []
