# ruff: noqa: F811  (pytest fixtures imported from test_export_helpers)
"""Exports use what the findings page records: the saved names list (the CLI's default for
--publication), escalations with to whom and when, finding flags and episodes, monitoring
notes. Expected texts are the ones stored here, never computed by the exporter."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document

from timeline.cli import main
from timeline.export import ExportError, export_review

from .test_export_helpers import OP, all_docx_texts, export_entries, out, sample  # noqa: F401

ESC_TEXT = "Unborn baby not known to midwifery"
ESC_TO = "Head of Midwifery, Brackenford Hospital Trust"
GOOD_FINDING = "Schools heard about incidents before the next school day"
EPISODE_TITLE = "Step-down from child protection"  # the sample helper's episode
NOTES = "Reported to the QA subgroup in March: half of PPNs reached HV in time"


def _section(doc, heading: str) -> list[str]:
    out, inside = [], False
    for p in doc.paragraphs:
        if p.style.name == "Heading 1":
            inside = p.text == heading
            continue
        if inside and p.text.strip():
            out.append(p.text)
    return out


@pytest.fixture
def cli_db(sample, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", sample.url)
    return sample


def test_fd050_cli_publication_without_names_needs_a_saved_list(cli_db, out, capsys):
    cli_db.store.names.set_names(
        OP, cli_db.rid, [], cli_db.store.names.list_names(OP, cli_db.rid)["version"]
    )
    target = out / "pub.docx"
    code = main(["export", str(cli_db.rid), "--format", "docx", "--publication", "-o", str(target)])
    assert code == 2 and "needs a names list" in capsys.readouterr().err
    assert not target.exists()


def test_fd051_cli_publication_uses_the_saved_names_list(cli_db, out, capsys):
    store, rid = cli_db.store, cli_db.rid
    version = store.names.list_names(OP, rid)["version"]
    store.names.set_names(OP, rid, [("Jade", "Mother"), ("Tyler", "Sibling")], version)
    target = out / "pub.docx"
    code = main(["export", str(rid), "--format", "docx", "--publication", "-o", str(target)])
    assert code == 0, capsys.readouterr().err
    texts = "\n".join(all_docx_texts(target))
    assert "Jade" not in texts and "Tyler" not in texts
    assert "Mother" in texts and "Sibling" in texts
    last = export_entries(store, rid)[-1]
    assert last["after"]["publication"] is True and last["after"]["names_listed"] == 2
    # --names still wins over the saved list
    names = out / "names.csv"
    names.write_text("term,replacement\nTyler,Brother T\n", encoding="utf-8")
    target2 = out / "pub2.docx"
    code = main(
        [
            "export",
            str(rid),
            "--format",
            "docx",
            "--publication",
            "--names",
            str(names),
            "-o",
            str(target2),
        ]
    )
    assert code == 0
    texts2 = "\n".join(all_docx_texts(target2))
    assert "Brother T" in texts2 and "Tyler" not in texts2 and "Jade" in texts2


def test_fd052_export_review_refuses_a_publication_copy_with_an_empty_saved_list(sample, out):
    store, rid = sample.store, sample.rid
    store.names.set_names(OP, rid, [], store.names.list_names(OP, rid)["version"])
    with pytest.raises(ExportError, match="needs a names list"):
        export_review(store, OP, rid, "csv", out / "a.csv", publication=True)
    assert list(out.iterdir()) == []


def test_fd053_report_lists_escalations_flags_episodes_and_monitoring_notes(sample, out):
    store, rid = sample.store, sample.rid
    episode = next(
        e for e in store.annotations.list_episodes(OP, rid) if e["title"] == EPISODE_TITLE
    )
    finding = store.findings.add_finding(
        OP,
        rid,
        GOOD_FINDING,
        "Operation Encompass worked as intended.",
        kind="good_practice",
        event_ids=[sample.event_id],
        episode_ids=[episode["id"]],
    )
    store.escalations.add_escalation(
        OP,
        rid,
        ESC_TEXT,
        escalated_to=ESC_TO,
        escalated_on=date(2022, 2, 3),
        finding_id=finding.id,
    )
    store.findings.add_action(
        OP, rid, "Check PPN routing", owner_subgroup="QA subgroup", monitoring_notes=NOTES
    )
    path = out / "report.docx"
    export_review(store, OP, rid, "docx", path)
    doc = Document(str(path))

    findings = _section(doc, "6. Key findings")
    at = findings.index(next(t for t in findings if t.endswith(GOOD_FINDING)))
    assert findings[at + 1] == "Good practice"
    assert f"Key practice episodes: {EPISODE_TITLE}" in findings[at:]

    good = _section(doc, "7. Good practice")
    assert any(t.endswith(GOOD_FINDING) and t.startswith("Finding ") for t in good)

    escalated = _section(doc, "8. Issues escalated")
    line = next(t for t in escalated if t.startswith(ESC_TEXT))
    assert f"Escalated to {ESC_TO} on 3 Feb 2022" in line
    assert f"(Finding: {GOOD_FINDING})" in line
    assert any("tagged on the timeline as needs escalation" in t for t in escalated)

    table = doc.tables[-1]
    assert [c.text for c in table.rows[0].cells][-1] == "Monitoring notes"
    row = next(r for r in table.rows if r.cells[0].text.startswith("Check PPN routing"))
    assert row.cells[-1].text == NOTES
