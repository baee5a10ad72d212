# ruff: noqa: F811  (pytest fixtures imported from test_export_helpers)
"""The learning review report (.docx) and the timeline figure (.png, .svg), re-read and
checked against the sample review."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET
from docx import Document
from PIL import Image

from timeline.export import export_review

from .test_export_helpers import (
    ACTION,
    ACTION_OWNER,
    EPISODE,
    ESCALATE,
    FINDING,
    GOOD,
    OP,
    POLICE_TEXT,
    out,  # noqa: F401
    sample,  # noqa: F401
)

ROOT = Path(__file__).resolve().parents[1]
HEADINGS = [
    "1. Introduction and terms of reference",
    "2. Key lines of enquiry",
    "3. Summary of each agency's involvement",
    "4. The multi-agency timeline",
    "5. Key practice episodes",
    "6. Key findings",
    "7. Good practice",
    "8. Issues escalated",
    "9. Action plan",
]


@pytest.fixture(scope="module")
def report(sample, tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "report.docx"
    export_review(sample.store, OP, sample.rid, "docx", path)
    return Document(str(path))


def _section(doc, heading: str) -> list[str]:
    """Texts of the paragraphs under a level-1 heading, up to the next one."""
    out, inside = [], False
    for p in doc.paragraphs:
        if p.style.name == "Heading 1":
            inside = p.text == heading
            continue
        if inside and p.text.strip():
            out.append(p.text)
    return out


def test_ex020_sections_in_order_and_title_page(report):
    h1 = [p.text for p in report.paragraphs if p.style.name == "Heading 1"]
    assert h1 == HEADINGS
    first = [p.text for p in report.paragraphs[:20] if p.text.strip()]
    assert first[0] == "Learning review report"
    assert "Sample review: Child M (fictional)" in first
    assert "Child: Child M" in first
    assert "Review period: 1 Jan 2019 to 22 Nov 2021" in first
    assert any("Not for publication" in t for t in first)


def test_ex021_terms_of_reference_name_the_agencies_and_period(sample, report):
    intro = _section(report, HEADINGS[0])
    agencies = [a["name"] for a in sample.store.records.list_agencies(OP, sample.rid)]
    for a in agencies:
        assert a in intro
    assert any("1 Jan 2019 to 22 Nov 2021" in t and "Child M" in t for t in intro)
    events = len(sample.store.records.list_events(OP, sample.rid))
    assert any(f"{events} events (365 agency records)" in t for t in intro)
    assert "Police_chronology.csv" in intro
    assert any("5 rows of the chronologies could not be placed" in t for t in intro)


def test_ex022_kloe_from_the_review(report):
    with (ROOT / "sample_data" / "kloe.csv").open(encoding="utf-8") as fh:
        kloes = list(csv.DictReader(fh))
    items = [p.text for p in report.paragraphs if p.style.name == "List Number"]
    assert len(items) == len(kloes) == 5
    for item, k in zip(items, kloes, strict=True):
        assert item.startswith(k["title"]) and k["description"] in item


def test_ex023_agency_summary_counts_and_contacts(sample, report):
    table = report.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header[:2] == ["Agency", "Records"]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    counts = Counter(r["agency"] for r in sample.store.records.list_records(OP, sample.rid))
    assert {a: int(v[1]) for a, v in rows.items()} == dict(counts)
    # Police's first contact in the period is the 12 Mar 2019 call-out (its 2017 entry is
    # history, before the period); the last is the day of the child's admission.
    assert rows["Police"][3] == "12 Mar 2019"
    assert rows["Police"][4] == "22 Nov 2021"
    section = _section(report, HEADINGS[2])
    assert any(POLICE_TEXT[:60] in t for t in section)  # a tagged event is a key event


def test_ex024_episodes_findings_good_practice_escalations(sample, report):
    episodes = _section(report, HEADINGS[4])
    assert EPISODE in episodes and "Period: 1 Sep 2021 to 30 Sep 2021" in episodes
    findings = _section(report, HEADINGS[5])
    assert f"Finding 1: {FINDING}" in findings
    assert "Key lines of enquiry: 1" in findings
    evidence = [t for t in findings if t.startswith("12 Mar 2019 (")]
    assert len(evidence) == 1 and "Police" in evidence[0]
    good = _section(report, HEADINGS[6])
    assert any(GOOD in t and "[KLOE 1, 4]" in t and t.startswith("12 Mar 2019") for t in good)
    escalated = _section(report, HEADINGS[7])
    assert len(escalated) == 1 and ESCALATE in escalated[0]


def test_ex025_action_plan_table(report):
    table = report.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [
        "Action",
        "Owner subgroup",
        "Due date",
        "Status",
        "Monitoring notes",
    ]
    assert len(table.rows) == 2
    action, owner, due, status, _notes = (c.text for c in table.rows[1].cells)
    assert action.startswith(ACTION) and FINDING in action
    assert (owner, due, status) == (ACTION_OWNER, "31 Mar 2022", "In progress")


def test_ex026_figure_embedded_across_a_landscape_a4_page(report):
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    shapes = report.inline_shapes
    assert len(shapes) == 1
    landscape = [s for s in report.sections if s.orientation == WD_ORIENT.LANDSCAPE]
    assert len(landscape) == 1
    page = landscape[0]
    assert abs(page.page_width - Cm(29.7)) < Cm(0.1)  # A4 landscape
    usable = page.page_width - page.left_margin - page.right_margin
    assert 0.8 * usable <= shapes[0].width <= usable
    assert shapes[0].height <= page.page_height - page.top_margin - page.bottom_margin
    blip = shapes[0]._inline.graphic.graphicData.pic.blipFill.blip
    image = report.part.related_parts[blip.embed].blob
    with Image.open(io.BytesIO(image)) as im:
        assert im.format == "PNG"
        assert im.width >= 1500 and im.width > im.height  # about 150 dpi across the page


def test_ex027_png_and_svg_are_the_timeline(sample, out):
    png, svg = out / "t.png", out / "t.svg"
    export_review(sample.store, OP, sample.rid, "png", png)
    export_review(sample.store, OP, sample.rid, "svg", svg)
    with Image.open(png) as im:
        assert im.format == "PNG" and im.width > im.height
    root = SafeET.parse(svg).getroot()
    texts = {"".join(t.itertext()) for t in root.iter() if t.tag.endswith("text")}
    for a in sample.store.records.list_agencies(OP, sample.rid):
        assert a["name"] in texts  # a lane per agency
    assert any("Sample review: Child M (fictional)" in t for t in texts)
    assert EPISODE in texts
    # Joins across lanes: one line per multi-agency event (matplotlib ids its lines).
    multi = sum(
        1 for e in sample.store.records.list_events(OP, sample.rid) if len(e["record_ids"]) > 1
    )
    lines = [g for g in root.iter() if g.get("id", "").startswith("line2d_")]
    assert len(lines) >= multi
