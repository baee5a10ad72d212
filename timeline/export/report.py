"""The learning review report (.docx, python-docx).

Title page; introduction and terms of reference; KLOE; each agency's involvement; the
timeline figure; key practice episodes; key findings with the events behind them; good
practice (findings flagged so, and tagged events); issues escalated (to whom and when, and
tagged events); the action plan as a table with monitoring notes.
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Emu, Pt, RGBColor

from timeline.view import KIND_LABELS

from .data import FINDING_KIND_LABELS, Event, ReviewData
from .figure import build_figure, figure_texts, png_bytes
from .text import day, event_date, record_date, short

_STATUS = {"open": "Open", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"}
_KEY_KINDS = ("key_decision", "missed_opportunity", "needs_escalation", "good_practice")
NONE_RECORDED = "None recorded."


def _event_line(e: Event, limit: int = 220) -> str:
    """`12 Mar 2019 (Police, School): wording of the first agency`."""
    agencies = ", ".join(dict.fromkeys(e.agencies))
    return f"{event_date(e)} ({agencies}): {short(e.records[0].description, limit)}"


def _table(doc, header: list[str], rows: list[list[str]], widths_cm: list[float]):
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(w)
    return table


def _page(section, *, landscape: bool) -> None:
    """A4 with 2 cm margins."""
    long, short_side = Cm(29.7), Cm(21.0)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = long, short_side
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = short_side, long
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(2.0)


def _agency_summary(data: ReviewData) -> list[dict]:
    events_of: dict[str, list[Event]] = {a: [] for a in data.agencies}
    for e in data.events:
        for a in dict.fromkeys(e.agencies):
            events_of.setdefault(a, []).append(e)
    counts = Counter(r.agency for r in data.records)
    out = []
    for a in data.agencies:
        recs = [r for r in data.records if r.agency == a]
        if data.period_start and data.period_end:
            # First and last contact within the period: history and mistyped dates aside.
            in_period = [
                r
                for r in recs
                if r.date_end >= data.period_start and r.date_start <= data.period_end
            ]
            recs = in_period or recs
        evs = events_of.get(a, [])
        key = [e for e in evs if any(x.kind in _KEY_KINDS for x in e.annotations)]
        if not key:  # no tags yet: the agency's entries it marked as most significant
            key = [
                e
                for e in evs
                if any(r.agency == a and r.significance.lower() == "high" for r in e.records)
            ]
        out.append(
            {
                "agency": a,
                "records": counts.get(a, 0),
                "shared": sum(1 for e in evs if len(set(e.agencies)) > 1),
                "first": min(recs, key=lambda r: r.date_start) if recs else None,
                "last": max(recs, key=lambda r: r.date_end) if recs else None,
                "key": key[:6],
            }
        )
    return out


def write_docx(data: ReviewData, path: Path, *, publication: bool, produced: date) -> list[str]:
    """Write the report; returns the texts drawn on its figure (an image the publication
    check cannot read back)."""
    doc = Document()
    _page(doc.sections[0], landscape=False)
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)

    props = doc.core_properties
    props.title = f"Learning review report: {data.title}"
    props.author = "Learning Review Timeline"
    props.last_modified_by = ""
    props.comments = ""
    props.keywords = ""
    props.subject = "Publication copy" if publication else "Contains personal data"

    # Title page
    for _ in range(6):
        doc.add_paragraph()
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("Learning review report")
    r.bold, r.font.size = True, Pt(28)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(data.title).font.size = Pt(16)
    if data.child:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(f"Child: {data.child}").font.size = Pt(14)
    if data.period_start and data.period_end:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(f"Review period: {day(data.period_start)} to {day(data.period_end)}")
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(f"Produced {day(produced)}")
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    marking = (
        "Publication copy: names and identifiers replaced"
        if publication
        else "OFFICIAL-SENSITIVE: contains personal data. Not for publication."
    )
    r = p.add_run(marking)
    r.bold = True
    r.font.color.rgb = RGBColor(0x80, 0x00, 0x00) if not publication else RGBColor(0, 0, 0)
    p.add_run().add_break(WD_BREAK.PAGE)

    # 1 Introduction and terms of reference
    doc.add_heading("1. Introduction and terms of reference", level=1)
    period = (
        f"from {day(data.period_start)} to {day(data.period_end)}"
        if data.period_start and data.period_end
        else "(no review period set)"
    )
    doc.add_paragraph(
        f"This learning review concerns {data.child or 'the child'}. It examines the "
        f"involvement of {len(data.agencies)} agencies {period}, drawing on their own "
        f"chronologies merged into one integrated chronology of {len(data.events)} events "
        f"({len(data.records)} agency records)."
    )
    doc.add_paragraph("Agencies that contributed a chronology:")
    for a in data.agencies:
        doc.add_paragraph(a, style="List Bullet")
    if data.source_files:
        doc.add_paragraph("Chronologies received:")
        for f in data.source_files:
            doc.add_paragraph(f, style="List Bullet")
    if data.quarantined:
        doc.add_paragraph(
            f"{len(data.quarantined)} rows of the chronologies could not be placed on the "
            "timeline (for example, no date); they are listed in the integrated chronology "
            "workbook."
        )

    # 2 KLOE
    doc.add_heading("2. Key lines of enquiry", level=1)
    if not data.kloes:
        doc.add_paragraph(NONE_RECORDED)
    for k in data.kloes:
        p = doc.add_paragraph(style="List Number")
        p.add_run(f"{k.title}. ").bold = True
        p.add_run(k.description)

    # 3 Agencies
    doc.add_heading("3. Summary of each agency's involvement", level=1)
    summary = _agency_summary(data)
    _table(
        doc,
        ["Agency", "Records", "Events shared with other agencies", "First contact", "Last contact"],
        [
            [
                s["agency"],
                str(s["records"]),
                str(s["shared"]),
                record_date(s["first"]) if s["first"] else "",
                record_date(s["last"]) if s["last"] else "",
            ]
            for s in summary
        ],
        [5.0, 2.0, 3.5, 3.3, 3.3],
    )
    for s in summary:
        doc.add_heading(s["agency"], level=2)
        if s["records"]:
            doc.add_paragraph(
                f"{s['records']} records; first contact {record_date(s['first'])}, last "
                f"contact {record_date(s['last'])}; {s['shared']} of its events were also "
                "recorded by another agency."
            )
        else:
            doc.add_paragraph("No records in the integrated chronology.")
        if s["key"]:
            doc.add_paragraph("Key events:")
            for e in s["key"]:
                rec = next(r for r in e.records if r.agency == s["agency"])
                doc.add_paragraph(
                    f"{record_date(rec)}: {short(rec.description, 220)}", style="List Bullet"
                )

    # 4 Figure, on a landscape page of its own so its text is printed at full size
    landscape = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(landscape, landscape=True)
    doc.add_heading("4. The multi-agency timeline", level=1)
    usable = Emu(landscape.page_width - landscape.left_margin - landscape.right_margin)
    fig = build_figure(data, width_in=usable.inches, max_height_in=6.2)
    drawn = figure_texts(fig)
    doc.add_picture(io.BytesIO(png_bytes(fig)), width=usable)
    cap = doc.add_paragraph(
        "Figure 1. Each agency's records on its own line; a line joins the records of one "
        "event that several agencies recorded; a ring marks an event tagged in the review."
    )
    cap.runs[0].italic = True
    _page(doc.add_section(WD_SECTION.NEW_PAGE), landscape=False)

    # 5 Key practice episodes
    doc.add_heading("5. Key practice episodes", level=1)
    if not data.episodes:
        doc.add_paragraph(NONE_RECORDED)
    for ep in data.episodes:
        doc.add_heading(ep.title, level=2)
        if ep.date_start:
            doc.add_paragraph(
                f"Period: {day(ep.date_start)} to {day(ep.date_end or ep.date_start)}"
            )
        if ep.description:
            doc.add_paragraph(ep.description)
        for eid in ep.event_ids:
            e = data.event(eid)
            if e:
                doc.add_paragraph(_event_line(e), style="List Bullet")

    # 6 Findings
    doc.add_heading("6. Key findings", level=1)
    if not data.findings:
        doc.add_paragraph(NONE_RECORDED)
    for i, f in enumerate(data.findings, 1):
        doc.add_heading(f"Finding {i}: {f.title}", level=2)
        if f.kind:
            doc.add_paragraph().add_run(FINDING_KIND_LABELS.get(f.kind, f.kind)).bold = True
        if f.text:
            doc.add_paragraph(f.text)
        if f.kloes:
            doc.add_paragraph(f"Key lines of enquiry: {', '.join(f.kloes)}")
        if f.episodes:
            doc.add_paragraph(f"Key practice episodes: {'; '.join(f.episodes)}")
        events = [e for e in (data.event(x) for x in f.event_ids) if e]
        if events:
            doc.add_paragraph("The events behind this finding:")
            for e in sorted(events, key=lambda e: e.date_start):
                doc.add_paragraph(_event_line(e), style="List Bullet")

    # 7, 8 Good practice and escalations: the findings page's records, then the event tags
    numbered = {id(f): i for i, f in enumerate(data.findings, 1)}
    good_findings = [
        f"Finding {numbered[id(f)]}: {f.title}" for f in data.findings if f.kind == "good_practice"
    ]
    escalations = [
        e.text
        + (f". Escalated to {e.escalated_to}" if e.escalated_to else "")
        + (f" on {day(e.escalated_on)}" if e.escalated_on else "")
        + (f" (Finding: {e.finding})" if e.finding else "")
        for e in data.escalations
    ]
    for number, kind, heading, recorded in (
        (7, "good_practice", "Good practice", good_findings),
        (8, "needs_escalation", "Issues escalated", escalations),
    ):
        doc.add_heading(f"{number}. {heading}", level=1)
        tagged = [(e, a) for e in data.events for a in e.annotations if a.kind == kind]
        if not tagged and not recorded:
            doc.add_paragraph(NONE_RECORDED)
        for line in recorded:
            doc.add_paragraph(line, style="List Bullet")
        if recorded and tagged:
            doc.add_paragraph(f"Events tagged on the timeline as {KIND_LABELS[kind].lower()}:")
        for e, a in tagged:
            p = doc.add_paragraph(style="List Bullet")
            p.add_run(f"{event_date(e)} ({', '.join(dict.fromkeys(e.agencies))}): ").bold = True
            p.add_run(a.text or KIND_LABELS[kind])
            if a.kloes:
                p.add_run(f" [KLOE {', '.join(a.kloes)}]")

    # 9 Action plan
    doc.add_heading("9. Action plan", level=1)
    if not data.actions:
        doc.add_paragraph(NONE_RECORDED)
    else:
        _table(
            doc,
            ["Action", "Owner subgroup", "Due date", "Status", "Monitoring notes"],
            [
                [
                    a.text + (f"\n(Finding: {a.finding})" if a.finding else ""),
                    a.owner_subgroup,
                    day(a.due_date),
                    _STATUS.get(a.status, a.status),
                    a.monitoring_notes,
                ]
                for a in data.actions
            ],
            [6.0, 3.2, 2.4, 2.0, 3.4],
        )
    doc.save(str(path))
    return drawn
