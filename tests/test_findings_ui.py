"""The findings and exports pages in a real browser: observers read, the lead writes, a
stale edit shows the other person's text, files download and read back, and the server
refuses what a role may not do (whatever the browser sends)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from playwright.sync_api import expect

from tests.conftest import ROOT, poll_held, settled, sign_in

pytestmark = pytest.mark.browser
SAVED = re.compile(r"^Saved")  # not "Not saved"
LEAD = "lead@example.org"
OBSERVER = "observer@example.org"
PARTICIPANT = "pc.ward@example.org"


@pytest.fixture(scope="module")
def site_store(sample_site):
    from timeline.store.service import Store

    store = Store.open(sample_site["url"], migrate=False)
    yield store
    store.close()


def lead_actor(store):
    return store.reviews.actor(store.reviews.get_user(email=LEAD)["id"])


def open_findings(page, base, site, email=LEAD, rid=None):
    sign_in(page, base, email, site["passwords"][email])
    page.goto(f"{base}/review/{rid or site['review_id']}/findings")
    # The lists are drawn by a callback: wait for its first answer.
    page.wait_for_selector("#fd-finding-list > *", timeout=20000)
    settled(page)


def first_police_event(store, rid):
    from timeline.store.auth import LOCAL_OPERATOR

    records = store.records.list_records(LOCAL_OPERATOR, rid)
    rec = next(r for r in records if "Operation Encompass" in r["description"])
    return rec["event_id"], rec


def pick(page, dropdown_id: str, option_text: str, search: str | None = None) -> None:
    """Choose an option of a dcc.Dropdown (Dash 4), typing `search` first if given."""
    page.click(f"#{dropdown_id}")
    box = page.locator("input.dash-dropdown-search")
    box.wait_for()
    if search:
        box.fill(search)
    page.locator(".dash-dropdown-option", has_text=option_text).first.click()
    page.keyboard.press("Escape")


def test_fd001_observer_reads_findings_and_the_server_refuses_a_forged_edit(
    live_app, sample_site, site_store, fresh_review, page
):
    rid = fresh_review
    lead = lead_actor(site_store)
    event_id, _rec = first_police_event(site_store, rid)
    kloe = site_store.reviews.list_kloes(lead, rid)[0]
    title = "fd001 Notices reached school the same day"
    site_store.findings.add_finding(
        lead,
        rid,
        title,
        "The school knew before the next school day.",
        kind="good_practice",
        kloe_ids=[kloe["id"]],
        event_ids=[event_id],
    )
    site_store.findings.add_action(
        lead, rid, "fd001 Share the Encompass model", owner_subgroup="QA"
    )

    open_findings(page, live_app, sample_site, OBSERVER, rid=rid)
    card = page.locator(".fd-card", has_text=title)
    card.wait_for()
    assert "Good practice" in card.inner_text()
    assert kloe["title"] in card.inner_text()
    wordings = [
        r["description"][:40] for r in site_store.records.get_event(lead, event_id)["records"]
    ]
    assert any(w in card.inner_text() for w in wordings)  # the evidencing event is shown
    assert "fd001 Share the Encompass model" in page.inner_text("#fd-action-list")
    assert page.get_by_role("button", name="Edit").count() == 0
    assert not page.locator("#fd-finding-save").is_visible()  # the form is not offered

    # Forge an edit: un-hide the form in this observer's browser and press Save.
    before = len(site_store.findings.list_findings(lead, rid))
    page.evaluate("() => document.querySelectorAll('.fd-form').forEach(f => f.hidden = false)")
    page.fill("#fd-finding-title", "fd001 forged by an observer")
    page.click("#fd-finding-save")
    message = page.locator("#fd-finding-message")
    message.filter(has_text="Not saved").wait_for()
    assert "observer" in message.inner_text()
    assert len(site_store.findings.list_findings(lead, rid)) == before
    assert page.console_errors == []


def test_fd002_lead_adds_a_finding_linked_to_a_kloe_and_an_event_and_an_action(
    live_app, sample_site, site_store, fresh_review, page
):
    rid = fresh_review
    lead = lead_actor(site_store)
    kloe = site_store.reviews.list_kloes(lead, rid)[1]
    open_findings(page, live_app, sample_site, rid=rid)

    title = "fd002 DA notices were not joined up"
    page.fill("#fd-finding-title", title)
    page.fill("#fd-finding-text", "Each agency knew part of the picture.")
    page.locator("#fd-finding-kind").get_by_text("Area for improvement").click()
    pick(page, "fd-finding-kloe_ids", f"{kloe['number']}. {kloe['title']}")
    # the notice is merged into the incident it reports: found by its words, labelled by the
    # incident's (the first agency's) wording
    pick(page, "fd-finding-event_ids", "", search="Operation Encompass")
    page.click("#fd-finding-save")
    page.locator("#fd-finding-message").filter(has_text=SAVED).wait_for()
    card = page.locator(".fd-card", has_text=title)
    card.wait_for()
    assert "Area for improvement" in card.inner_text() and kloe["title"] in card.inner_text()

    (finding,) = [f for f in site_store.findings.list_findings(lead, rid) if f.title == title]
    assert finding.kind == "area_for_improvement"
    assert finding.kloe_ids == (kloe["id"],)
    assert len(finding.event_ids) == 1
    chosen = site_store.records.get_event(lead, finding.event_ids[0])
    assert any("Operation Encompass" in r["description"] for r in chosen["records"])

    page.fill("#fd-action-text", "fd002 Audit how PPNs reach health visiting")
    page.fill("#fd-action-owner_subgroup", "Quality Assurance subgroup")
    page.fill("#fd-action-due_date", "31/03/2027")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # close the calendar
    pick(page, "fd-action-status", "In progress")
    pick(page, "fd-action-finding_id", title)
    page.fill("#fd-action-monitoring_notes", "First report due at the June board")
    page.click("#fd-action-save")
    page.locator("#fd-action-message").filter(has_text=SAVED).wait_for()
    row = page.locator("#fd-action-list tr", has_text="fd002 Audit how PPNs")
    row.wait_for()
    assert "31 Mar 2027" in row.inner_text() and "In progress" in row.inner_text()

    (action,) = [
        a for a in site_store.findings.list_actions(lead, rid) if a.text.startswith("fd002 Audit")
    ]
    assert action.owner_subgroup == "Quality Assurance subgroup"
    assert action.due_date == date(2027, 3, 31)
    assert action.status == "in_progress"
    assert action.finding_id == finding.id
    assert action.monitoring_notes == "First report due at the June board"
    assert page.console_errors == []


def test_fd003_two_browsers_edit_one_finding_and_the_second_sees_the_conflict(
    live_app, sample_site, site_store, fresh_review, browser
):
    rid = fresh_review
    lead = lead_actor(site_store)
    title = "fd003 Voice of the child"
    site_store.findings.add_finding(lead, rid, title, "Original text.")
    pages = []
    for _ in range(2):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        open_findings(pg, live_app, sample_site, rid=rid)
        pg.locator(".fd-card", has_text=title).get_by_role("button", name="Edit").click()
        pg.wait_for_function("() => document.querySelector('#fd-finding-text').value !== ''")
        pages.append(pg)
    first, second = pages
    # The second browser saves before its poll could tell it of the first's save (a redraw
    # in flight would otherwise swallow the answer to its click).
    with poll_held(second, "fd-poll"):
        settled(second)
        first.fill("#fd-finding-text", "First browser: Child M was not asked about home.")
        first.click("#fd-finding-save")
        first.locator("#fd-finding-message").filter(has_text=SAVED).wait_for()

        second.fill("#fd-finding-text", "Second browser: a stale edit.")
        second.click("#fd-finding-save")
        conflict = second.locator("#fd-finding-conflict .fd-conflict")
        conflict.wait_for()
    assert "First browser: Child M was not asked about home." in conflict.inner_text()
    # the app's one conflict message (timeline.actions.edits.conflict_message)
    said = second.inner_text("#fd-finding-message")
    assert said.startswith("Not saved: someone changed this finding while you edited it.")
    (stored,) = [f for f in site_store.findings.list_findings(lead, rid) if f.title == title]
    assert stored.text == "First browser: Child M was not asked about home."
    # The second person keeps their text and may now replace theirs knowingly.
    assert second.input_value("#fd-finding-text") == "Second browser: a stale edit."
    # its poll, no longer held, redraws the list with the first's text: then save again
    expect(second.locator("#fd-finding-list")).to_contain_text("First browser: Child M")
    settled(second)
    second.click("#fd-finding-save")
    second.locator("#fd-finding-message").filter(has_text=SAVED).wait_for()
    (stored,) = [f for f in site_store.findings.list_findings(lead, rid) if f.title == title]
    assert stored.text == "Second browser: a stale edit."
    for pg in pages:
        pg.context.close()


def _download(page, label: str, target: Path) -> Path:
    with page.expect_download(timeout=60000) as info:
        page.get_by_role("button", name=label).click()
    info.value.save_as(target)
    return target


def test_fd004_lead_downloads_the_chronology_and_a_publication_report(
    live_app, sample_site, site_store, fresh_review, page, tmp_path
):
    rid = fresh_review
    lead = lead_actor(site_store)
    current = site_store.names.list_names(lead, rid)
    site_store.names.set_names(
        lead, rid, [("Jade Calderbank", "Mother"), ("Jade", "Mother")], current["version"]
    )
    # A finding that names the mother, so the report surely has a name to replace
    # (other tests change which events the report lists).
    site_store.findings.add_finding(
        lead, rid, "Voice of the parent", "Nobody asked Jade what she needed after the assault."
    )
    sign_in(page, live_app, LEAD, sample_site["passwords"][LEAD])
    page.goto(f"{live_app}/review/{rid}/exports")
    page.wait_for_selector("#ex-copy")

    xlsx = _download(page, "Excel workbook (.xlsx)", tmp_path / "chronology.xlsx")
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames[0] == "Integrated chronology"
    texts = [str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row]
    assert any("Operation Encompass" in t for t in texts)
    assert any("Jade" in t for t in texts)  # the normal copy keeps the names

    page.get_by_label("Publication copy (the names list applied)").check()
    docx = _download(page, "Word document (.docx)", tmp_path / "report.docx")
    doc = Document(str(docx))
    body = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells
    )
    assert "Jade" not in body and "Mother" in body
    assert "Publication copy: names and identifiers replaced" in body
    exports = [
        e for e in site_store.findings.audit_log(lead, rid) if e["action"].startswith("export.")
    ]
    assert exports[-1]["action"] == "export.docx" and exports[-1]["after"]["publication"] is True
    assert exports[-1]["actor_label"] == LEAD
    assert page.console_errors == []


def test_fd009_a_refused_publication_copy_tells_a_web_user_what_to_do_here(
    live_app, sample_site, page
):
    """Without a names list the publication copy is refused with the app's own way to give
    one (the names list on this page), never the command line's "--names FILE.csv"."""
    from tests.workflow_site import own_review

    rid = own_review(sample_site, files=["Police_chronology.csv"])
    sign_in(page, live_app, LEAD, sample_site["passwords"][LEAD])
    page.goto(f"{live_app}/review/{rid}/exports")
    page.wait_for_selector("#ex-copy")
    page.get_by_label("Publication copy (the names list applied)").check()
    page.get_by_role("button", name="Excel workbook (.xlsx)").click()
    message = page.locator("#ex-message")
    message.locator("text=needs the names to replace").wait_for(timeout=15000)
    said = message.inner_text()
    assert "Names list for the publication copy" in said
    assert "--names" not in said and "FILE.csv" not in said
    assert page.get_by_role("heading", name="Names list for the publication copy").count() == 1
    assert page.console_errors == []


def test_fd005_the_names_list_is_edited_and_saved_in_the_grid(
    live_app, sample_site, site_store, fresh_review, page
):
    rid = fresh_review
    lead = lead_actor(site_store)
    site_store.names.set_names(
        lead, rid, [("Tyler", "Sibling")], site_store.names.list_names(lead, rid)["version"]
    )
    sign_in(page, live_app, LEAD, sample_site["passwords"][LEAD])
    page.goto(f"{live_app}/review/{rid}/exports")
    page.locator("#ex-names .ag-row", has_text="Tyler").wait_for()
    page.click("#ex-names-add")
    rows = page.locator("#ex-names .ag-center-cols-container .ag-row")
    rows.nth(1).wait_for()
    for col, value in (("term", "Connor Pryce"), ("replacement", "Father")):
        rows.nth(1).locator(f"[col-id={col}]").dblclick()
        page.keyboard.type(value)
        page.keyboard.press("Enter")
    page.click("#ex-names-save")
    page.locator("#ex-names-message").filter(has_text="saved").wait_for()
    saved = site_store.names.list_names(lead, rid)
    assert [(r["term"], r["replacement"]) for r in saved["rows"]] == [
        ("Tyler", "Sibling"),
        ("Connor Pryce", "Father"),
    ]
    # Someone else saves meanwhile: this page's next save is a conflict, not an overwrite.
    site_store.names.set_names(lead, rid, [("Sandra", "Maternal grandmother")], saved["version"])
    page.click("#ex-names-save")
    page.locator("#ex-names-conflict .fd-conflict").wait_for()
    assert "Sandra" in page.inner_text("#ex-names-conflict")
    assert [r["term"] for r in site_store.names.list_names(lead, rid)["rows"]] == ["Sandra"]
    assert page.console_errors == []


def test_fd006_a_participant_gets_no_export_even_by_a_forged_request(
    live_app, sample_site, site_store, page
):
    rid = sample_site["review_id"]
    lead = lead_actor(site_store)
    before = len(site_store.findings.audit_log(lead, rid))
    sign_in(page, live_app, PARTICIPANT, sample_site["passwords"][PARTICIPANT])
    page.goto(f"{live_app}/review/{rid}/exports")
    page.get_by_text("Only the lead reviewer makes exports").wait_for()
    assert page.locator(".ex-button").count() == 0
    body = {
        "output": "..ex-download.data...ex-message.children..",
        "outputs": [
            {"id": "ex-download", "property": "data"},
            {"id": "ex-message", "property": "children"},
        ],
        "inputs": [
            [{"id": {"fmt": "xlsx", "type": "ex-file"}, "property": "n_clicks", "value": 1}]
        ],
        "state": [
            {"id": "ex-copy", "property": "value", "value": "normal"},
            {"id": "ex-review", "property": "data", "value": rid},
        ],
        "changedPropIds": [
            json.dumps({"fmt": "xlsx", "type": "ex-file"}, separators=(",", ":")) + ".n_clicks"
        ],
    }
    reply = page.evaluate(
        "([url, body]) => fetch(url, {method: 'POST', headers: {'Content-Type': "
        "'application/json'}, body: JSON.stringify(body)}).then(r => r.text())",
        [f"{live_app}/_dash-update-component", body],
    )
    data = json.loads(reply)["response"]
    assert data["ex-download"]["data"] is None
    assert "No file" in data["ex-message"]["children"] and "participant" in reply
    assert (
        len(site_store.findings.audit_log(lead, rid)) == before
    )  # nothing exported, nothing audited


def test_fd008_lead_records_an_escalation_and_deletes_an_action(
    live_app, sample_site, site_store, fresh_review, page
):
    rid = fresh_review
    lead = lead_actor(site_store)
    doomed = site_store.findings.add_action(lead, rid, "fd008 Action agreed by mistake")
    open_findings(page, live_app, sample_site, rid=rid)

    page.fill("#fd-escalation-text", "fd008 Unborn baby not known to midwifery")
    page.fill("#fd-escalation-escalated_to", "Head of Midwifery")
    page.fill("#fd-escalation-escalated_on", "03/02/2022")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.click("#fd-escalation-save")
    page.locator("#fd-escalation-message").filter(has_text=SAVED).wait_for()
    row = page.locator("#fd-escalation-list tr", has_text="fd008 Unborn baby")
    row.wait_for()
    assert "Head of Midwifery" in row.inner_text() and "3 Feb 2022" in row.inner_text()
    (esc,) = [
        e for e in site_store.escalations.list_escalations(lead, rid) if e.text.startswith("fd008")
    ]
    assert esc.escalated_to == "Head of Midwifery" and esc.escalated_on == date(2022, 2, 3)

    page.locator("#fd-action-list tr", has_text="fd008 Action agreed").get_by_role(
        "button", name="Delete"
    ).click()
    page.locator("#fd-action-message").filter(has_text="Deleted").wait_for()
    assert all(a.id != doomed.id for a in site_store.findings.list_actions(lead, rid))
    page.locator("#fd-action-list tr", has_text="fd008 Action agreed").wait_for(state="detached")
    assert page.console_errors == []


def test_fd007_the_docs_screenshot_script_draws_both_pages(browser, tmp_path):
    """docs/screenshot_findings.py (a fresh sample review, its own app) writes the docs'
    screenshots; here into a temporary folder so a test run leaves docs/ alone."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "screenshot_findings", ROOT / "docs" / "screenshot_findings.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.main(tmp_path, browser)
    assert [p.name for p in written] == ["findings.png", "exports.png"]
    for p in written:
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size > 20000
