# ruff: noqa: F811  (pytest fixtures imported from test_export_helpers)
"""`python -m timeline export`, the audit entry of every export, and the roles that may
export (the store's `export` permission: lead reviewers only)."""

from __future__ import annotations

import pytest

from timeline.cli import main
from timeline.export import FORMATS, export_review
from timeline.store import Actor, NotFound, PermissionDenied
from timeline.store.auth import EXPORT

from .test_export_helpers import OP, export_entries, out, sample  # noqa: F401

CLI_LABEL = "local operator (command line)"


@pytest.fixture
def cli_db(sample, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", sample.url)
    return sample


def _names_file(folder, rows: str):
    path = folder / "names.csv"
    path.write_text("term,replacement\n" + rows, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_ex060_cli_writes_each_format_and_audits_it(cli_db, out, capsys, fmt):
    before = len(export_entries(cli_db.store, cli_db.rid))
    target = out / f"review.{fmt}"
    code = main(["export", str(cli_db.rid), "--format", fmt, "-o", str(target)])
    assert code == 0, capsys.readouterr().err
    assert target.stat().st_size > 1000
    assert target.stat().st_mode & 0o077 == 0  # special-category data: owner only
    assert f"wrote {target}" in capsys.readouterr().out
    entries = export_entries(cli_db.store, cli_db.rid)
    assert len(entries) == before + 1
    last = entries[-1]
    assert last["action"] == f"export.{fmt}"
    assert last["actor_label"] == CLI_LABEL and last["actor_user_id"] is None
    assert last["object_type"] == "review" and str(last["object_id"]) == str(cli_db.rid)
    assert last["after"]["publication"] is False and last["after"]["format"] == fmt
    assert last["after"]["file"] == target.name


def test_ex061_cli_publication_copy_is_audited_as_such(cli_db, out, capsys):
    names = _names_file(out, "Jade,Mother\nTyler,Sibling\n")
    target = out / "pub.xlsx"
    code = main(
        [
            "export",
            str(cli_db.rid),
            "--format",
            "xlsx",
            "--publication",
            "--names",
            str(names),
            "-o",
            str(target),
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert "publication copy" in capsys.readouterr().out
    last = export_entries(cli_db.store, cli_db.rid)[-1]
    assert last["after"]["publication"] is True and last["after"]["names_listed"] == 2
    assert "Jade" not in str(last["after"])  # the audit log holds no listed name


def test_ex062_cli_errors_leave_no_file(cli_db, out, capsys):
    before = len(export_entries(cli_db.store, cli_db.rid))
    target = out / "pub.docx"
    code = main(["export", str(cli_db.rid), "--format", "docx", "--publication", "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 2 and "needs a names list" in err and "--names FILE.csv" in err
    code = main(
        [
            "export",
            str(cli_db.rid),
            "--format",
            "docx",
            "--names",
            str(_names_file(out, "Jade,Mother\n")),
            "-o",
            str(target),
        ]
    )
    assert code == 2 and "add --publication" in capsys.readouterr().err
    # "Agencies" is a word of the exporter's own (a table header): it survives, so refusal.
    names = _names_file(out, "Jade,Mother\nagencies,[x]\n")
    code = main(
        [
            "export",
            str(cli_db.rid),
            "--format",
            "docx",
            "--publication",
            "--names",
            str(names),
            "-o",
            str(target),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and "refused" in err and "agencies" in err
    code = main(["export", "999", "--format", "csv", "-o", str(out / "x.csv")])
    assert code == 2 and "no review 999" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["names.csv"]
    assert len(export_entries(cli_db.store, cli_db.rid)) == before


def _member(sample, email: str, role: str) -> Actor:
    if sample.store.reviews.get_user(email=email) is None:
        sample.store.reviews.create_user(OP, email, email.split("@")[0], "correct-horse-battery-1")
    sample.store.reviews.add_member(OP, sample.rid, email, role)
    user = sample.store.reviews.get_user(email=email)
    return sample.store.reviews.actor(user["id"])


@pytest.mark.parametrize("role", ["observer", "participant", "facilitator"])
def test_ex063_only_the_lead_may_export(sample, out, role):
    actor = _member(sample, f"{role}@example.org", role)
    assert not sample.store.reviews.may(actor, sample.rid, EXPORT)  # the store's rule
    before = len(export_entries(sample.store, sample.rid))
    with pytest.raises(PermissionDenied, match=role):
        export_review(sample.store, actor, sample.rid, "xlsx", out / "c.xlsx")
    assert list(out.iterdir()) == []
    assert len(export_entries(sample.store, sample.rid)) == before


def test_ex064_a_lead_user_exports_and_is_named_in_the_audit_log(sample, out):
    actor = _member(sample, "second.lead@example.org", "lead")
    export_review(sample.store, actor, sample.rid, "csv", out / "c.csv")
    last = export_entries(sample.store, sample.rid)[-1]
    assert last["actor_label"] == "second.lead@example.org"
    assert last["actor_user_id"] == actor.user_id
    assert last["action"] == "export.csv" and last["after"]["publication"] is False


def test_ex065_outsiders_and_unknown_reviews(sample, out):
    if sample.store.reviews.get_user(email="outsider@example.org") is None:
        sample.store.reviews.create_user(
            OP, "outsider@example.org", "Outsider", "correct-horse-battery-2"
        )
    outsider = sample.store.reviews.actor(
        sample.store.reviews.get_user(email="outsider@example.org")["id"]
    )
    with pytest.raises(PermissionDenied, match="not a member"):
        export_review(sample.store, outsider, sample.rid, "csv", out / "c.csv")
    with pytest.raises(NotFound):
        export_review(sample.store, OP, 424242, "csv", out / "c.csv")
    assert list(out.iterdir()) == []
