# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""The store's command line, run as a user runs it (a subprocess with DATABASE_URL)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import write_csv
from timeline.store import LOCAL_OPERATOR, Store
from timeline.store.backup import dump_review
from timeline.store.cli import SAMPLE_DIR, SAMPLE_LEAD, SAMPLE_TITLE, load_sample, sample_files

from .test_store_helpers import Database, db  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]


def cli(url: str, *args, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "timeline.store.cli", *map(str, args)],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _police(path: Path, rows: list[list[str]]) -> Path:
    return write_csv(path, [["Date", "Details of contact", "Outcome"], *rows])


def test_cl001_review_lifecycle_from_the_command_line(db, tmp_path):
    url = db.env_url
    kloe = tmp_path / "kloe.csv"
    kloe.write_text("number,title,description\n1,Information sharing,How\n2,Voice,Was she seen\n")
    r = cli(
        url,
        "review",
        "create",
        "Review of Child A (fictional)",
        "--period",
        "01/01/2020:31/12/2021",
        "--kloe",
        kloe,
    )
    assert r.returncode == 0, r.stderr
    rid = r.stdout.strip().splitlines()[-1]
    assert rid.isdigit()
    r = cli(url, "review", "list")
    assert r.returncode == 0 and f"{rid}\tReview of Child A (fictional)" in r.stdout

    r = cli(
        url,
        "user",
        "add",
        "lead@example.org",
        "--name",
        "Lee Reviewer",
        "--password-stdin",
        stdin="a very long passphrase\n",
    )
    assert r.returncode == 0, r.stderr
    assert "a very long passphrase" not in r.stdout
    r = cli(url, "user", "add", "part@example.org", "--name", "Pat Participant")
    assert r.returncode == 0, r.stderr
    generated = r.stdout.strip().splitlines()[-1].rsplit(" ", 1)[-1]
    assert len(generated) >= 16
    store = Store.open(db.url, search_path=db.search_path)
    try:
        assert store.reviews.authenticate("lead@example.org", "a very long passphrase") is not None
        assert store.reviews.authenticate("part@example.org", generated) is not None
        assert (
            cli(
                url,
                "member",
                "add",
                rid,
                "part@example.org",
                "--role",
                "participant",
                "--agency",
                "Police",
            ).returncode
            == 0
        )
        bad = cli(url, "member", "add", rid, "nobody@example.org", "--role", "observer")
        assert bad.returncode == 2 and "no user" in bad.stderr

        v1 = _police(
            tmp_path / "Police_chronology.csv",
            [
                ["03/02/2020", "DA call-out to home address, child present", "PPN submitted"],
                ["15/03/2020", "Welfare check", "No concerns"],
            ],
        )
        r = cli(url, "review", "import", rid, v1, "--agency", f"{v1.name}=Police")
        assert r.returncode == 0, r.stderr
        assert "2 added" in r.stdout
        before = {x["record_id"]: x for x in store.records.list_records(LOCAL_OPERATOR, int(rid))}
        v2 = _police(
            tmp_path / "Police_chronology_v2.csv",
            [
                ["01/01/2020", "Neighbour reports shouting", "Log only"],
                ["03/02/2020", "DA call-out to home address, child present", "PPN submitted"],
            ],
        )
        # without --replaces a second file only adds: the welfare check stays
        r = cli(url, "review", "import", rid, v2, "--agency", f"{v2.name}=Police")
        assert r.returncode == 0, r.stderr
        assert "1 added, 1 kept, 0 reinstated, 0 withdrawn" in r.stdout
        assert len(store.records.list_records(LOCAL_OPERATOR, int(rid))) == 3
        # said to be the new version of v1, it withdraws what v1 held and it does not
        v3 = _police(
            tmp_path / "Police_chronology_v3.csv",
            [["03/02/2020", "DA call-out to home address, child present", "PPN submitted"]],
        )
        r = cli(
            url,
            "review",
            "import",
            rid,
            v3,
            "--agency",
            f"{v3.name}=Police",
            "--replaces",
            v1.name,
        )
        assert r.returncode == 0, r.stderr
        assert "0 added, 1 kept, 0 reinstated, 1 withdrawn" in r.stdout
        # a replacement withdrawing everything is refused unless confirmed
        empty = tmp_path / "Police_empty.csv"
        empty.write_text("Date,Event,Outcome\n01/01/2020,Neighbour reports shouting,Log only\n")
        r = cli(
            url,
            "review",
            "import",
            rid,
            empty,
            "--agency",
            f"{empty.name}=Police",
            "--replaces",
            v3.name,
        )
        assert r.returncode == 2 and "confirm" in r.stderr, r.stderr
        after = {x["record_id"]: x for x in store.records.list_records(LOCAL_OPERATOR, int(rid))}
        assert len(after) == 2
        kept = set(before) & set(after)
        assert len(kept) == 1 and all(before[k]["id"] == after[k]["id"] for k in kept)
        # an unreadable file: nothing at all is imported
        r = cli(url, "review", "import", rid, tmp_path / "missing.csv")
        assert r.returncode == 1
        assert store.records.list_records(LOCAL_OPERATOR, int(rid)) == list(after.values())

        ev = after[next(iter(kept))]["event_id"]
        store.annotations.add_annotation(
            LOCAL_OPERATOR, ev, "missed_opportunity", "no referral", kloe_ids=[1]
        )
        r = cli(url, "backup", rid, "-o", tmp_path / "b.json.gz")
        assert r.returncode == 0, r.stderr
        dump = dump_review(store, LOCAL_OPERATOR, int(rid))
        audit_actors = {e["actor_label"] for e in dump["tables"]["audit_entries"]}
        assert audit_actors == {LOCAL_OPERATOR.label}
        assert dump["tables"]["audit_entries"][-1]["action"] == "export.backup"
    finally:
        store.close()

    other = Database(db.kind, tmp_path / "o")
    (tmp_path / "o").mkdir()
    try:
        r = cli(other.env_url, "restore", tmp_path / "b.json.gz")
        assert r.returncode == 0, r.stderr
        assert r.stdout.strip().splitlines()[-1] == rid
        restored = other.open()
        got = dump_review(restored, LOCAL_OPERATOR, int(rid))
        got["tables"]["reviews"][0]["version"] -= 1
        assert got["tables"]["audit_entries"].pop()["action"] == "review.restore"
        assert got == dump
    finally:
        other.drop()


def test_cl002_bad_input_is_one_line_not_a_traceback(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    r = cli(url, "review", "create", "X", "--period", "2021-01-01:2020-01-01")
    assert r.returncode == 2 and r.stderr.startswith("error:") and "Traceback" not in r.stderr
    r = cli(url, "user", "add", "a@example.org", "--name", "A", "--password-stdin", stdin="short\n")
    assert r.returncode == 2 and "at least" in r.stderr


def _mini_sample(folder: Path) -> Path:
    folder.mkdir()
    (folder / "kloe.csv").write_text("number,title,description\n1,Sharing,x\n")
    _police(folder / "Police_chronology.csv", [["03/02/2020", "DA call-out", "PPN"]])
    write_csv(
        folder / "GP Surgery chronology.csv",
        [["Date", "Entry"], ["04/02/2020", "Mother seen, low mood"], ["nonsense", "Seen"]],
    )
    (folder / "truth.csv").write_text("file,sheet,row,event_id\n")
    return folder


def test_cl003_sample_load_is_idempotent(db, tmp_path):
    store = db.open()
    folder = _mini_sample(tmp_path / "sample")
    assert [p.name for p in sample_files(folder)] == [
        "GP Surgery chronology.csv",
        "Police_chronology.csv",
    ]
    first = load_sample(store, folder)
    assert first["password"] and store.reviews.authenticate(SAMPLE_LEAD, first["password"])
    assert first["records"] == 2
    lead = store.reviews.actor(store.reviews.get_user(email=SAMPLE_LEAD)["id"])
    second = load_sample(store, folder)
    assert second["password"] is None
    assert second["review_id"] != first["review_id"]  # ids are never reused
    assert store.reviews.authenticate(SAMPLE_LEAD, first["password"])  # password kept
    reviews = store.reviews.list_reviews(lead)
    assert [(r["title"], r["role"]) for r in reviews] == [(SAMPLE_TITLE, "lead")]
    assert len(store.records.list_records(lead, second["review_id"])) == 2
    assert [k["title"] for k in store.reviews.list_kloes(lead, second["review_id"])] == ["Sharing"]


@pytest.mark.skipif(
    not (SAMPLE_DIR.is_dir() and sample_files(SAMPLE_DIR)),
    reason="sample_data/ has no chronologies yet",
)
def test_cl004_sample_load_command_prints_how_to_sign_in(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    r = cli(url, "sample", "load")
    assert r.returncode == 0, r.stderr
    assert "http://127.0.0.1:8050" in r.stdout and SAMPLE_LEAD in r.stdout
    assert "shown once" in r.stdout
    r = cli(url, "sample", "load")
    assert r.returncode == 0 and "user password lead@example.org" in r.stdout
    assert cli(url, "review", "list").stdout.count(SAMPLE_TITLE) == 1


@pytest.mark.skipif(
    importlib.util.find_spec("timeline.matching") is None, reason="the matcher is not here"
)
def test_cl005_review_match_merges_the_same_event_across_agencies(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    rid = cli(url, "review", "create", "Match review (fictional)").stdout.strip().splitlines()[-1]
    police = _police(
        tmp_path / "Police_chronology.csv",
        [
            [
                "12/03/2021",
                "Domestic abuse incident at home address, child present, DASH medium",
                "PPN to children's social care",
            ]
        ],
    )
    csc = write_csv(
        tmp_path / "CSC chronology.csv",
        [
            ["Date", "Event", "Outcome"],
            [
                "13/03/2021",
                "PPN received from police: domestic abuse incident 12/03/2021, child present",
                "MASH screening",
            ],
        ],
    )
    r = cli(
        url,
        "review",
        "import",
        rid,
        police,
        csc,
        "--agency",
        f"{police.name}=Police",
        "--agency",
        f"{csc.name}=Children's Social Care",
    )
    assert r.returncode == 0, r.stderr
    r = cli(url, "review", "match", rid)
    assert r.returncode == 0, r.stderr
    assert "merged events" in r.stdout
    store = Store.open(url)
    try:
        events = store.records.list_events(LOCAL_OPERATOR, int(rid))
        assert sorted(len(e["record_ids"]) for e in events) == [2]
    finally:
        store.close()
