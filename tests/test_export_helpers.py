"""Fixtures and readers shared by the export tests (no tests here).

`sample` is the fictional sample review (sample_data/) in a temporary SQLite database, with
a few tags, an episode, a finding and actions added so every part of the report has
content. Expected values come from the store's read functions or from the sample files'
known text, never from the export code.
"""

from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from timeline.store import LOCAL_OPERATOR, Store
from timeline.store.cli import load_sample

OP = LOCAL_OPERATOR
# The police record of the first domestic abuse call-out (Police_chronology.csv row 3).
POLICE_REF = "DA/19/01877"
POLICE_TEXT = "Report from neighbour of shouting and banging at 14 Pennine Walk, Brackenford."
CSC_TEXT = "PPN received from police re DA incident 12/03/19 at family home."
SCHOOL_TEXT = "Operation Encompass notification from police - DA incident at home 12/03/19."
HV_TEXT = "DA notification received via MASH (PPN 12/03/19)."
QUARANTINED_TEXT = "S47 information requests sent to GP, HV, school, police, probation."

MISSED = "Information about the unborn baby was not shared with midwifery"
GOOD = "Prompt Operation Encompass notice to school before the next school day"
ESCALATE = "Escalated to the partnership board: DA notifications not reaching health"
FINDING = "Information about domestic abuse reached agencies but was not joined up"
ACTION = "Audit how PPNs are shared with health visiting"
ACTION_OWNER = "Quality Assurance subgroup"
EPISODE = "Step-down from child protection"


@dataclass
class Sample:
    store: Store
    rid: int
    url: str
    folder: Path
    police: dict  # the known police record (from the store)
    event_id: int  # its merged event
    other_event_id: int
    kloe_ids: list[int]


def build_sample(folder: Path) -> Sample:
    url = f"sqlite:///{folder / 'review.db'}"
    store = Store.open(url)
    rid = load_sample(store)["review_id"]
    records = store.records.list_records(OP, rid)
    police = next(r for r in records if r["reference"] == POLICE_REF)
    event_id = police["event_id"]
    kloes = [k["id"] for k in store.reviews.list_kloes(OP, rid)]
    # Another multi-agency event, some months later, for the escalation tag.
    later = next(
        r["event_id"]
        for r in records
        if r["event_id"] != event_id
        and r["date_start"] >= date(2019, 8, 1)
        and sum(1 for x in records if x["event_id"] == r["event_id"]) > 1
    )
    store.annotations.add_annotation(
        OP, event_id, "missed_opportunity", MISSED, kloe_ids=[kloes[0]]
    )
    store.annotations.add_annotation(
        OP, event_id, "good_practice", GOOD, kloe_ids=[kloes[0], kloes[3]]
    )
    store.annotations.add_annotation(OP, later, "needs_escalation", ESCALATE, kloe_ids=[kloes[1]])
    store.annotations.add_episode(
        OP,
        rid,
        EPISODE,
        description="The second review conference and the end of the plans.",
        date_start=date(2021, 9, 1),
        date_end=date(2021, 9, 30),
        event_ids=[later],
    )
    f = store.findings.add_finding(
        OP, rid, FINDING, "Notices went to every agency.", kloe_ids=[kloes[0]], event_ids=[event_id]
    )
    store.findings.add_action(
        OP,
        rid,
        ACTION,
        owner_subgroup=ACTION_OWNER,
        due_date=date(2022, 3, 31),
        status="in_progress",
        finding_id=f.id,
    )
    return Sample(store, rid, url, folder, police, event_id, later, kloes)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    s = build_sample(tmp_path_factory.mktemp("export"))
    yield s
    s.store.close()


@pytest.fixture
def out(tmp_path) -> Path:
    """An empty folder for the export files of one test."""
    return tmp_path


def sheet_rows(path: Path, sheet: str) -> tuple[list[str], list[dict[str, object]]]:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    rows = list(ws.iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    return header, [dict(zip(header, r, strict=True)) for r in rows[1:]]


def all_xlsx_texts(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    out = list(wb.sheetnames)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            out += [str(v) for v in row if v is not None]
    return out


def all_docx_texts(path: Path) -> list[str]:
    from docx import Document

    doc = Document(str(path))
    out = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            out += [c.text for c in row.cells]
    cp = doc.core_properties
    out += [cp.title or "", cp.subject or "", cp.author or ""]
    return out


def csv_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def zip_part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def export_entries(store: Store, rid: int) -> list[dict]:
    return [e for e in store.findings.audit_log(OP, rid) if e["action"].startswith("export.")]
