# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""Issue 14 in the store: server-side sessions, throttling and lock-out, password strength,
one answer for a missing review and a forbidden one, deleting a review leaving nothing,
and the 0003 migration over a database made at 0002."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, inspect, select, text, update

from timeline.actions.kloe import read_kloe_csv
from timeline.store import LOCAL_OPERATOR, InvalidInput, PermissionDenied, Store
from timeline.store.schema import AuditEntry, Base, SignInFailure, UserSession
from timeline.store.sessions import Timeouts
from timeline.store.throttle import Limits, Refusal, Throttle, Ticket

from .test_store_helpers import Database, db, make_import, make_user, store  # noqa: F401

D = date
LONG = Timeouts(idle=timedelta(minutes=30), absolute=timedelta(hours=12))
ACCOUNT_TABLES = {"users", "audit_entries", "user_sessions", "sign_in_failures"}


# ---------------------------------------------------------------- sessions


def test_se001_a_session_lives_until_revoked(store):
    alex = make_user(store, "alex@example.org")
    token, info = store.sessions.create(alex.user_id, method="password", client="10.0.0.1")
    assert info.user_id == alex.user_id and info.revoked_at is None
    assert store.sessions.check(token, LONG).id == info.id
    assert store.sessions.check(token + "x", LONG) is None
    store.sessions.revoke(token, "signed out")
    assert store.sessions.check(token, LONG) is None  # the same token never works again
    with store._read() as s:
        row = s.scalar(select(UserSession).where(UserSession.id == info.id))
        assert row.revoked_reason == "signed out" and token not in row.token_sha256
        actions = [a for (a,) in s.execute(select(AuditEntry.action))]
    assert "sign_in" in actions and "sign_out" in actions


def test_se002_idle_and_absolute_time_outs(store):
    alex = make_user(store, "alex@example.org")
    short = Timeouts(idle=timedelta(minutes=5), absolute=timedelta(hours=1))
    idle, _ = store.sessions.create(alex.user_id, method="password", client="a")
    old, _ = store.sessions.create(alex.user_id, method="password", client="b")
    busy, _ = store.sessions.create(alex.user_id, method="password", client="c")
    now = store.sessions.check(busy, short).created_at
    with store._write() as s:
        # idle: last seen 6 minutes ago; old: active a minute ago but signed in 61 min ago
        s.execute(
            update(UserSession)
            .where(UserSession.client == "a")
            .values(last_seen_at=now - timedelta(minutes=6))
        )
        s.execute(
            update(UserSession)
            .where(UserSession.client == "b")
            .values(created_at=now - timedelta(minutes=61), last_seen_at=now - timedelta(minutes=1))
        )
    assert store.sessions.check(idle, short) is None
    assert store.sessions.check(old, short) is None
    assert store.sessions.check(busy, short) is not None
    reasons = {s.client: s.revoked_reason for s in store.sessions.list_for(alex.user_id)}
    assert reasons == {"a": "idle time-out", "b": "absolute time-out", "c": ""}


def test_se003_password_change_deactivation_and_sign_out_everywhere_end_sessions(store):
    alex = make_user(store, "alex@example.org")
    tokens = [store.sessions.create(alex.user_id, method="password", client="x")[0] for _ in "ab"]
    with pytest.raises(InvalidInput, match="current password"):
        store.accounts.change_password(alex, "wrong current", "a new long passphrase")
    assert all(store.sessions.check(t, LONG) for t in tokens)  # a refused change ends nothing
    store.accounts.change_password(alex, "correct horse 42", "a new long passphrase 7")
    assert not any(store.sessions.check(t, LONG) for t in tokens)
    assert store.reviews.authenticate("alex@example.org", "a new long passphrase 7") is not None

    t2 = store.sessions.create(alex.user_id, method="password", client="y")[0]
    assert store.accounts.sign_out_everywhere(alex) == 1
    assert store.sessions.check(t2, LONG) is None

    t3 = store.sessions.create(alex.user_id, method="password", client="z")[0]
    with pytest.raises(PermissionDenied):
        store.accounts.set_active(alex, "alex@example.org", False)  # only the operator
    store.accounts.set_active(LOCAL_OPERATOR, "alex@example.org", False)
    assert store.sessions.check(t3, LONG) is None
    with pytest.raises(ValueError):
        store.sessions.create(alex.user_id, method="password", client="z")
    store.accounts.set_active(LOCAL_OPERATOR, "alex@example.org", True)
    assert store.sessions.check(t3, LONG) is None  # reactivation does not revive old sessions


# ---------------------------------------------------------------- throttling


def _fail(throttle: Throttle, account: str, client: str) -> Ticket | Refusal:
    t = throttle.attempt(account, client)
    if isinstance(t, Ticket):
        throttle.failed(t)
    return t


def test_se004_back_off_after_five_failures_and_the_right_password_waits_too(store, monkeypatch):
    # the clock stands still: on a loaded machine twenty attempts can outlast a 1-2 s back-off
    import timeline.store.throttle as throttle_module

    frozen = throttle_module.utcnow()
    monkeypatch.setattr(throttle_module, "utcnow", lambda: frozen)
    make_user(store, "alex@example.org")
    th = store.throttle
    results = [_fail(th, "Alex@Example.org", "10.0.0.9") for _ in range(20)]
    assert all(isinstance(r, Ticket) for r in results[:5])
    assert all(isinstance(r, Refusal) for r in results[5:])
    assert results[5].by == "account" and 1 <= results[5].retry_after <= 2
    assert not results[5].locked
    # even the right password is not checked while backing off
    assert isinstance(th.attempt("alex@example.org", "10.0.0.9"), Refusal)


def test_se005_lock_after_ten_failures_audited_and_shared_by_every_worker(db):
    a, b = db.open(), db.open()  # two workers: two engines, one database
    make_user(a, "alex@example.org")
    lim = Limits(backoff_after=100, lock_after=10, client_backoff_after=100, client_lock_after=100)
    wa, wb = Throttle(a, lim), Throttle(b, lim)
    for i in range(10):
        assert isinstance(_fail(wa if i % 2 else wb, "alex@example.org", f"10.0.0.{i}"), Ticket)
    refused = wb.attempt("alex@example.org", "10.9.9.9")
    assert isinstance(refused, Refusal) and refused.locked and refused.retry_after > 14 * 60
    with a._read() as s:
        actions = [x for (x,) in s.execute(select(AuditEntry.action).order_by(AuditEntry.id))]
    assert actions.count("sign_in.failure") == 10 and actions.count("sign_in.lock") == 1
    # another account from the same addresses is not locked
    assert isinstance(wa.attempt("sam@example.org", "10.0.0.1"), Ticket)


def test_se006_the_client_limit_holds_across_accounts_and_success_clears_the_account(store):
    lim = Limits(backoff_after=3, lock_after=50, client_backoff_after=4, client_lock_after=50)
    th = Throttle(store, lim)
    for name in ("a", "b", "c", "d"):
        assert isinstance(_fail(th, f"{name}@example.org", "10.1.1.1"), Ticket)
    spray = th.attempt("e@example.org", "10.1.1.1")
    assert isinstance(spray, Refusal) and spray.by == "client address"
    # an account with two failures from elsewhere that then signs in starts afresh
    for _ in range(2):
        _fail(th, "f@example.org", "10.2.2.2")
    ok = th.attempt("f@example.org", "10.2.2.2")
    th.succeeded(ok)
    with store._read() as s:
        left = s.scalar(
            select(func.count())
            .select_from(SignInFailure)
            .where(SignInFailure.account == "f@example.org")
        )
    assert left == 0


# ---------------------------------------------------------------- passwords


@pytest.mark.parametrize(
    "weak",
    ["aaaaaaaaaaaa", "password1234", "qwertyuiop123", "alex.morgan@example.org", "short"],
)
def test_se007_weak_passwords_are_refused(store, weak):
    with pytest.raises(ValueError):
        store.reviews.create_user(LOCAL_OPERATOR, "alex.morgan@example.org", "Alex Morgan", weak)
    assert store.reviews.get_user(email="alex.morgan@example.org") is None


def test_se008_a_long_unusual_passphrase_is_accepted(store):
    u = store.reviews.create_user(LOCAL_OPERATOR, "a@example.org", "A", "lantern otter velvet quay")
    assert store.reviews.authenticate("a@example.org", "lantern otter velvet quay")["id"] == u["id"]


# ---------------------------------------------------------------- one answer


def test_se009_a_missing_review_and_a_forbidden_one_answer_the_same(store):
    lead = make_user(store, "lead@example.org")
    outsider = make_user(store, "out@example.org")
    rid = store.reviews.create_review(lead, "Review of Robin (fictional)")
    answers = []
    for review_id in (rid, rid + 1000):
        for call in (
            lambda r: store.reviews.get_review(outsider, r),
            lambda r: store.records.list_records(outsider, r),
            lambda r: store.reviews.add_kloe(outsider, r, "9", "x"),
            lambda r: store.reviews.review_version(outsider, r),
        ):
            with pytest.raises(PermissionDenied) as exc:
                call(review_id)
            answers.append((type(exc.value), str(exc.value).replace(str(review_id), "N")))
    assert answers[:4] == answers[4:]


# ---------------------------------------------------------------- deletion


def _review_with_everything(store: Store, title: str, who: str) -> int:
    lead = make_user(store, f"lead.{who}@example.org", f"Lead {who}")
    part = make_user(store, f"part.{who}@example.org", f"Participant {who}")
    rid = store.reviews.create_review(
        lead,
        title,
        period=(D(2020, 1, 1), D(2020, 12, 31)),
        kloes=read_kloe_csv("number,title,description\n1,Sharing,x\n2,Voice,y\n"),
    )
    store.reviews.add_member(lead, rid, part.label, "participant", agency="Police")
    store.records.import_results(
        lead,
        rid,
        [
            make_import(
                "Police",
                [(D(2020, 3, 1), f"Call-out {who}"), (D(2020, 4, 1), f"Arrest {who}")],
                file_name=f"police_{who}_v1.xlsx",
                quarantined=1,
            ),
            make_import(
                "Health visiting", [(D(2020, 3, 1), f"HV visit {who}")], file_name="hv.xlsx"
            ),
        ],
    )
    store.records.import_results(
        lead,
        rid,
        [
            make_import(
                "Police",
                [(D(2020, 3, 1), f"Call-out {who}"), (D(2020, 5, 1), f"Welfare check {who}")],
                file_name=f"police_{who}_v2.xlsx",
            )
        ],
    )
    recs = {r["description"]: r for r in store.records.list_records(lead, rid)}
    store.records.record_decision(
        lead,
        rid,
        "same",
        [recs[f"Call-out {who}"]["record_id"], recs[f"HV visit {who}"]["record_id"]],
    )
    ev = store.records.list_records(lead, rid)[0]["event_id"]
    kloes = [k["id"] for k in store.reviews.list_kloes(lead, rid)]
    store.annotations.add_annotation(part, ev, "reflection", f"Reflection of {who}", kloe_ids=kloes)
    f = store.findings.add_finding(
        lead, rid, f"Finding {who}", "text", kloe_ids=kloes[:1], event_ids=[ev]
    )
    store.findings.add_action(lead, rid, f"Action {who}", finding_id=f.id)
    store.annotations.add_episode(
        lead, rid, f"Episode {who}", date_start=D(2020, 3, 1), event_ids=[ev]
    )
    store.escalations.add_escalation(lead, rid, f"Escalation {who}", escalated_to="Board")
    store.names.set_names(lead, rid, [(f"Jade {who}", "Mother")], 0)
    return rid


def _counts(store: Store) -> dict[str, int]:
    with store._read() as s:
        return {
            t.name: s.scalar(select(func.count()).select_from(t))
            for t in Base.metadata.sorted_tables
            if t.name not in ACCOUNT_TABLES
        }


def _all_text(store: Store) -> str:
    """Every value of every table, as text: to search for any trace of a review's data."""
    with store._read() as s:
        return "\n".join(
            repr(tuple(row)) for t in Base.metadata.sorted_tables for row in s.execute(select(t))
        )


def test_se010_deleting_a_review_leaves_nothing_in_the_database_or_the_data_folder(store, tmp_path):
    from timeline.store.backup import dump_review

    keep = _review_with_everything(store, "Kept review (fictional)", "kept")
    before_gone = _counts(store)
    kept_dump = dump_review(store, LOCAL_OPERATOR, keep)
    gone = _review_with_everything(store, "Review of Casey (fictional)", "casey")
    assert "Reflection of casey" in _all_text(store)
    for sub in ("uploads", "profiles", "exports"):
        for rid in (keep, gone):
            folder = tmp_path / sub / f"review-{rid}"
            folder.mkdir(parents=True)
            (folder / "file.csv").write_text("Date,Event\n01/03/2020,Call-out\n")
    lead = store.reviews.actor(store.reviews.get_user(email="lead.casey@example.org")["id"])
    part = store.reviews.actor(store.reviews.get_user(email="part.casey@example.org")["id"])

    with pytest.raises(PermissionDenied):
        store.deletion.delete_review(part, gone, "Review of Casey (fictional)", data_dir=tmp_path)
    with pytest.raises(InvalidInput, match="title"):
        store.deletion.delete_review(lead, gone, "Review of Casey", data_dir=tmp_path)
    report = store.deletion.delete_review(
        lead, gone, "Review of Casey (fictional)", data_dir=tmp_path
    )
    assert report.folders_left == () and len(report.folders_removed) == 3

    # Every review table holds exactly what it held before the deleted review existed ...
    assert _counts(store) == before_gone
    # ... no column anywhere still names the review (nor a foreign key dangles) ...
    with store._read() as s:
        for t in Base.metadata.sorted_tables:
            if "review_id" in t.c and t.name != "audit_entries":
                n = s.scalar(select(func.count()).select_from(t).where(t.c.review_id == gone))
                assert n == 0, t.name
        if store.engine.dialect.name == "sqlite":
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []
    # ... no text of it survives, not even in the audit trail, which keeps who and when ...
    everything = _all_text(store)
    for trace in ("Review of Casey", "Reflection of casey", "Call-out casey", "Jade casey"):
        assert trace not in everything
    with store._read() as s:
        trail = s.execute(
            select(AuditEntry.action, AuditEntry.before, AuditEntry.after)
            .where(AuditEntry.review_id == gone)
            .order_by(AuditEntry.id)
        ).all()
    assert len(trail) > 5 and all(b is None and a is None for _, b, a in trail[:-1])
    assert trail[-1].action == "review.delete" and trail[-1].after["rows"]["source_records"] == 4
    # ... the data folder has no file of it, and the other review is untouched.
    assert [p for p in tmp_path.rglob("*") if f"review-{gone}" in str(p)] == []
    assert all((tmp_path / sub / f"review-{keep}" / "file.csv").exists() for sub in ("uploads",))
    assert dump_review(store, LOCAL_OPERATOR, keep) == kept_dump


def test_se011_retention_date_is_the_leads_to_set(store):
    lead = make_user(store, "lead@example.org")
    part = make_user(store, "part@example.org")
    rid = store.reviews.create_review(lead, "Review of Robin (fictional)")
    store.reviews.add_member(lead, rid, "part@example.org", "participant")
    with pytest.raises(PermissionDenied):
        store.deletion.set_retention(part, rid, D(2031, 1, 1))
    store.deletion.set_retention(lead, rid, D(2031, 1, 1))
    assert store.reviews.get_review(part, rid)["retain_until"] == D(2031, 1, 1)
    assert [r["retain_until"] for r in store.reviews.list_reviews(part)] == [D(2031, 1, 1)]


# ---------------------------------------------------------------- migration


def test_se012_upgrade_from_0002_keeps_the_data_and_adds_the_security_tables(db):
    from alembic.script import ScriptDirectory

    from timeline.store.engine import make_engine
    from timeline.store.migrate import alembic_config, current_revision, upgrade

    engine = make_engine(db.url, search_path=db.search_path)
    upgrade(engine, "0002_findings_names")
    with engine.begin() as conn:
        assert "user_sessions" not in inspect(conn).get_table_names()
        conn.execute(
            text(
                "INSERT INTO reviews (title, child_pseudonym, version, created_at, names_version)"
                " VALUES ('Old review (fictional)', 'Child R', 3, '2026-11-01 10:00:00', 0)"
            )
        )
    engine.dispose()
    store = db.open()  # upgrades through 0003_security to head
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert current_revision(store.engine) == head
    with store.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        columns = {c["name"] for c in inspect(conn).get_columns("reviews")}
    assert {"user_sessions", "sign_in_failures"} <= tables and "retain_until" in columns
    [review] = store.reviews.list_reviews(LOCAL_OPERATOR)
    assert review["title"] == "Old review (fictional)" and review["retain_until"] is None
    alex = make_user(store, "alex@example.org")
    token, _ = store.sessions.create(alex.user_id, method="password", client="x")
    assert store.sessions.check(token, LONG) is not None


# ---------------------------------------------------------------- command line


def test_se013_the_operator_deactivates_an_account_from_the_command_line(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    url = f"sqlite:///{tmp_path / 'review.db'}"
    store = Store.open(url)
    alex = make_user(store, "alex@example.org")
    token, _ = store.sessions.create(alex.user_id, method="password", client="x")

    def cli(*args, stdin=None):
        return subprocess.run(
            [sys.executable, "-m", "timeline.store.cli", *args],
            cwd=Path(__file__).resolve().parents[1],
            env={**os.environ, "DATABASE_URL": url},
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )

    done = cli("user", "deactivate", "alex@example.org")
    assert done.returncode == 0 and "every session ended" in done.stdout
    assert store.sessions.check(token, LONG) is None
    assert store.reviews.authenticate("alex@example.org", "correct horse 42") is None
    assert cli("user", "reactivate", "alex@example.org").returncode == 0
    assert store.reviews.authenticate("alex@example.org", "correct horse 42") is not None
    t2, _ = store.sessions.create(alex.user_id, method="password", client="x")
    out = cli("user", "signout", "alex@example.org")
    assert out.returncode == 0 and "1 session(s) ended" in out.stdout
    assert store.sessions.check(t2, LONG) is None
    weak = cli("user", "password", "alex@example.org", "--password-stdin", stdin="password1234\n")
    assert weak.returncode == 2 and "too weak" in weak.stderr
    store.close()
