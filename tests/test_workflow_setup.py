"""Set-up in a real browser: create a review, upload files (good and bad), correct a
mapping and re-import, run matching, KLOE and members."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import settled, sign_in
from tests.workflow_site import LEAD, SAMPLE, actor_of, own_review, shot, with_store

pytestmark = pytest.mark.browser


def lead_in(page, base, site):
    sign_in(page, base, LEAD, site["passwords"][LEAD])


def upload(page, paths):
    page.set_input_files("#su-upload input[type=file]", [str(p) for p in paths])


def test_wf201_a_new_review_from_the_home_page_lands_on_set_up(live_app, sample_site, page):
    lead_in(page, live_app, sample_site)
    page.get_by_role("link", name="New review").click()
    page.wait_for_url(re.compile(r".*/new$"))
    page.fill("#nr-title", "Walkthrough review")
    page.fill("#nr-child", "Child W")
    shot(page, "new_review")
    page.get_by_role("button", name="Create review").click()
    page.wait_for_url(re.compile(r".*/review/\d+/setup$"), timeout=15000)
    rid = int(re.search(r"/review/(\d+)/setup", page.url).group(1))
    page.wait_for_selector("#su-upload")
    store = with_store(sample_site)
    try:
        review = store.reviews.get_review(actor_of(store, LEAD), rid)
        assert review["title"] == "Walkthrough review" and review["role"] == "lead"
        assert review["child_pseudonym"] == "Child W"
    finally:
        store.close()
    assert page.console_errors == []


def test_wf202_a_bad_file_is_named_and_nothing_else_is_lost(live_app, sample_site, page, tmp_path):
    rid = own_review(sample_site)
    lead_in(page, live_app, sample_site)
    page.goto(f"{live_app}/review/{rid}/setup")
    upload(page, [SAMPLE / "Police_chronology.csv", SAMPLE / "GP Surgery chronology.csv"])
    page.wait_for_selector("details.wf-file >> text=Police_chronology.csv", timeout=30000)
    page.wait_for_selector("details.wf-file >> text=GP Surgery chronology.csv")
    # A PDF dressed as a spreadsheet and an empty file, next to a good one.
    fake = tmp_path / "Probation chronology.xlsx"
    fake.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    empty = tmp_path / "School notes.csv"
    empty.write_bytes(b"")
    upload(page, [fake, empty, SAMPLE / "school_chron.xlsx"])
    msg = page.locator("#su-upload-msg")
    msg.locator("text=Probation chronology.xlsx").wait_for(timeout=30000)
    text = msg.inner_text()
    assert "Probation chronology.xlsx" in text and "School notes.csv" in text
    assert text.count("Not imported") == 2
    assert "'school_chron.xlsx' imported" in text
    page.wait_for_selector("details.wf-file >> text=school_chron.xlsx")
    names = page.locator("details.wf-file:not(.refused) summary strong").all_inner_texts()
    assert sorted(names) == [
        "GP Surgery chronology.csv",
        "Police_chronology.csv",
        "school_chron.xlsx",
    ]
    # the refused files stay listed, in red, with the reason
    refused = page.locator("details.wf-file.refused summary strong").all_inner_texts()
    assert sorted(refused) == ["Probation chronology.xlsx", "School notes.csv"]
    assert "empty" in page.locator("details.wf-file.refused p.error").nth(1).inner_text()
    store = with_store(sample_site)
    try:
        files = store.records.list_source_files(actor_of(store, LEAD), rid)
        assert len(files) == 3  # the earlier imports are untouched
    finally:
        store.close()
    assert page.console_errors == []


def test_wf203_layout_mapping_attention_and_a_corrected_reimport(live_app, sample_site, page):
    rid = own_review(sample_site)
    lead_in(page, live_app, sample_site)
    page.goto(f"{live_app}/review/{rid}/setup")
    upload(page, [SAMPLE / "Chronology - Childrens Services FINAL.xlsx"])
    card = page.locator("details.wf-file").first
    card.wait_for(timeout=30000)
    card.locator("summary").click()
    line = card.locator(".layout-line").inner_text()
    assert "sheet CSC entries, header row 5" in line
    assert "2 quarantined" in line and "8 skipped" in line
    assert "100% (synonym)" in card.locator("table.mapping").inner_text()
    attention = card.locator("table.attention").inner_text()
    assert "quarantined" in attention and "no date" in attention
    shot(page, "setup")
    # The agency box shows the whole name the file was read as, not its first seven letters.
    agency = card.get_by_label("Agency", exact=True)
    expect(agency).to_have_value("Children's Social Care")
    assert agency.evaluate("e => e.scrollWidth <= e.clientWidth && e.clientWidth > 0")
    # The reviewer decides "Significance" is not wanted: choose "(not used)" and re-import.
    row = card.locator("table.mapping tr", has_text="Significance")
    row.locator(".dash-dropdown").click()
    page.get_by_role("option", name="(not used)").click()
    card.get_by_role("button", name="Save as this agency's profile and re-import").click()
    page.locator("#su-upload-msg >> text=re-imported").wait_for(timeout=30000)
    store = with_store(sample_site)
    try:
        files = store.records.list_source_files(actor_of(store, LEAD), rid)
        current = [f for f in files if not f["superseded_by"]]
        assert len(files) == 2 and len(current) == 1
        fields = {c["header"]: c["field"] for c in current[0]["columns"]}
        assert fields["Significance"] in (None, "")
        # the corrected mapping is the agency's profile, in the database (every host sees it)
        (saved,) = store.profiles.list(actor_of(store, LEAD), rid)
        assert saved.agency == "Children's Social Care"
        assert saved.columns["Significance"] == ""
    finally:
        store.close()
    assert page.console_errors == []


def test_wf204_run_matching_kloe_editor_and_members(live_app, sample_site, page):
    rid = own_review(sample_site, files=["Police_chronology.csv", "GP Surgery chronology.csv"])
    lead_in(page, live_app, sample_site)
    page.goto(f"{live_app}/review/{rid}/setup")
    page.wait_for_selector("#su-upload")
    settled(page)
    page.get_by_role("button", name="Run matching").click()
    page.locator("#su-match-msg >> text=Matching done").wait_for(timeout=60000)
    # KLOE: add, edit, delete
    page.fill("#su-kloe-number", "9")
    page.fill("#su-kloe-title", "Information sharing at weekends")
    page.get_by_role("button", name="Add KLOE").click()
    page.locator("#su-kloe-msg >> text=KLOE 9 added").wait_for()
    settled(page)  # the lists it redraws are drawn again before the next click
    expect(page.locator("table.kloes tbody tr")).to_have_count(6)  # the sample's 5 + 1
    # the form is empty for the next KLOE
    for field in ("#su-kloe-number", "#su-kloe-title", "#su-kloe-desc"):
        expect(page.locator(field)).to_have_value("")
    row = page.locator("table.kloes tbody tr").last
    row.locator("input").nth(1).fill("Information sharing out of hours")
    row.get_by_role("button", name="Save").click()
    page.locator("#su-kloe-msg >> text=KLOE saved").wait_for()
    settled(page)  # the lists it redraws are drawn again before the next click
    store = with_store(sample_site)
    try:
        lead = actor_of(store, LEAD)
        titles = [k["title"] for k in store.reviews.list_kloes(lead, rid)]
        assert "Information sharing out of hours" in titles
        page.locator("table.kloes tbody tr").last.get_by_role("button", name="Delete").click()
        page.locator("#su-kloe-msg >> text=KLOE deleted").wait_for()
        settled(page)
        assert "Information sharing out of hours" not in [
            k["title"] for k in store.reviews.list_kloes(lead, rid)
        ]
        # members: add an existing account by email, then change the role
        page.fill("#su-mem-email", "observer@example.org")
        page.fill("#su-mem-agency", "School")
        page.get_by_role("button", name="Add member").click()
        page.locator("#su-mem-msg >> text=observer@example.org added").wait_for()
        expect(page.locator("table.members tbody tr")).to_have_count(2)
        settled(page)
        expect(page.locator("#su-mem-email")).to_have_value("")
        expect(page.locator("#su-mem-agency")).to_have_value("")
        row = page.locator("table.members tr", has_text="observer@example.org")
        row.locator(".dash-dropdown").click()
        page.get_by_role("option", name="facilitator").click()
        row.get_by_role("button", name="Save").click()
        page.locator("#su-mem-msg >> text=is now facilitator").wait_for()
        settled(page)
        m = {x["email"]: x for x in store.reviews.list_members(lead, rid)}["observer@example.org"]
        assert (m["role"], m["agency"]) == ("facilitator", "School")
        # an unknown account is refused with a message
        page.fill("#su-mem-email", "nobody@example.org")
        page.get_by_role("button", name="Add member").click()
        page.locator("#su-mem-msg >> text=Not changed").wait_for()
        # a refused add keeps what was typed, to correct it
        expect(page.locator("#su-mem-email")).to_have_value("nobody@example.org")
    finally:
        store.close()
    assert page.console_errors == []


def test_wf205_set_up_is_refused_to_a_participant(live_app, sample_site, page):
    rid = own_review(sample_site, members=[("pc.ward@example.org", "participant", "Police")])
    sign_in(page, live_app, "pc.ward@example.org", sample_site["passwords"]["pc.ward@example.org"])
    page.goto(f"{live_app}/review/{rid}/setup")
    page.wait_for_selector("text=Only the lead reviewer sets up the review.")
    assert page.locator("#su-upload").count() == 0


def test_wf206_an_oversize_file_is_refused_by_name(live_app, sample_site, page, tmp_path):
    rid = own_review(sample_site)
    lead_in(page, live_app, sample_site)
    page.goto(f"{live_app}/review/{rid}/setup")
    page.wait_for_selector("#su-upload")
    limit = int(page.get_attribute("#su-size-msg", "data-max-bytes"))
    big = tmp_path / "Huge police export.csv"
    with big.open("wb") as fh:
        fh.truncate(limit + 1)
    upload(page, [big])
    msg = page.locator("#su-size-msg")
    expect(msg).to_contain_text("'Huge police export.csv' is", timeout=10000)
    expect(msg).to_contain_text("MB allowed")
    page.wait_for_timeout(500)
    store = with_store(sample_site)
    try:
        assert store.records.list_source_files(actor_of(store, LEAD), rid) == []
    finally:
        store.close()
    assert page.console_errors == []


def test_wf207_a_forged_upload_by_a_participant_is_refused_and_nothing_is_kept(
    live_app, sample_site, page
):
    import base64

    rid = own_review(sample_site, members=[("pc.ward@example.org", "participant", "Police")])
    sign_in(page, live_app, "pc.ward@example.org", sample_site["passwords"]["pc.ward@example.org"])
    deps = page.evaluate(f"() => fetch('{live_app}/_dash-dependencies').then(r => r.json())")
    dep = next(d for d in deps if d["output"].startswith("..su-upload-msg.children"))
    data = (SAMPLE / "Police_chronology.csv").read_bytes()
    body = {
        "output": dep["output"],
        "outputs": [
            {"id": "su-upload-msg", "property": "children"},
            {"id": "su-version", "property": "data"},
        ],
        "inputs": [
            {
                "id": "su-upload",
                "property": "contents",
                "value": ["data:text/csv;base64," + base64.b64encode(data).decode()],
            }
        ],
        "state": [
            {"id": "su-upload", "property": "filename", "value": ["Police_chronology.csv"]},
            {"id": "su-review", "property": "data", "value": rid},
            {"id": "su-version", "property": "data", "value": 0},
        ],
        "changedPropIds": ["su-upload.contents"],
    }
    reply = page.evaluate(
        "([url, body]) => fetch(url, {method: 'POST', headers: {'Content-Type': "
        "'application/json'}, body: JSON.stringify(body)}).then(r => r.text())",
        [f"{live_app}/_dash-update-component", body],
    )
    assert "Only the lead reviewer imports files" in reply
    store = with_store(sample_site)
    try:
        assert store.records.list_source_files(actor_of(store, LEAD), rid) == []
        assert store.uploads.list(actor_of(store, LEAD), rid) == []  # nothing kept
    finally:
        store.close()


def _gp_csv(path, rows):
    lines = ["Date,Time,Type,Clinician,Details,Action"] + [
        f"{d},10:00,Face to face,Dr A Fenwick,{t},Review in 2 weeks" for d, t in rows
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_wf205_nothing_is_withdrawn_by_accident_and_a_refused_file_is_mapped(
    live_app, sample_site, page, tmp_path
):
    """Issue 10 item 9 through the page: a second GP file adds; an empty and a header-only
    file leave the GP records as they were and are named in red; a refused file is mapped
    and imported from the page."""
    rid = own_review(sample_site)
    store = with_store(sample_site)
    try:
        lead = actor_of(store, LEAD)
        # A saved mapping that ignores the probation file's date and details: refused.
        from ingest.profiles import AgencyProfile

        store.profiles.save(
            lead, rid, AgencyProfile(agency="Probation", columns={"Date": "", "Details": ""})
        )
    finally:
        store.close()
    lead_in(page, live_app, sample_site)
    page.goto(f"{live_app}/review/{rid}/setup")
    practice = _gp_csv(
        tmp_path / "GP practice chronology.csv",
        [
            (f"{d:02d}/03/2020", f"Surgery appointment {d}: mother and baby seen")
            for d in range(1, 8)
        ],
    )
    ooh = _gp_csv(
        tmp_path / "GP out of hours chronology.csv",
        [("04/04/2020", "Out of hours call: baby unsettled, advice given")],
    )
    upload(page, [practice])
    page.wait_for_selector("details.wf-file >> text=GP practice chronology.csv", timeout=30000)
    upload(page, [ooh])
    page.wait_for_selector("details.wf-file >> text=GP out of hours chronology.csv", timeout=30000)
    header_only = tmp_path / "GP chronology update.csv"
    header_only.write_text("Date,Time,Type,Clinician,Details,Action\n", encoding="utf-8")
    empty = tmp_path / "GP practice chronology v2.csv"
    empty.write_bytes(b"")
    upload(page, [header_only, empty])
    page.wait_for_selector(
        "details.wf-file.refused >> text=GP chronology update.csv", timeout=30000
    )
    page.wait_for_selector("details.wf-file.refused >> text=GP practice chronology v2.csv")
    msg = page.locator("#su-upload-msg li.error")
    expect(msg).to_have_count(2)
    color = page.locator("details.wf-file.refused p.error").first.evaluate(
        "e => getComputedStyle(e).color"
    )
    assert color != "rgb(0, 0, 0)"  # named in red, not ordinary text
    store = with_store(sample_site)
    try:
        recs = store.records.list_records(actor_of(store, LEAD), rid)
        assert sum(r["agency"] == "GP" for r in recs) == 8  # 7 + 1: nothing withdrawn
    finally:
        store.close()
    # The refused probation file: its card is open on the mapping; map and import it.
    probation = _gp_csv(
        tmp_path / "Probation chronology.csv",
        [("05/05/2020", "Supervision appointment: attended, discussed housing")],
    )
    upload(page, [probation])
    card = page.locator("details.wf-file.refused", has_text="Probation chronology.csv")
    card.wait_for(timeout=30000)
    row = card.locator("table.mapping tr", has_text="Details")
    row.locator(".dash-dropdown").click()
    page.get_by_role("option", name="description", exact=True).click()
    row = card.locator("table.mapping tr", has_text="Date")
    row.locator(".dash-dropdown").first.click()
    page.get_by_role("option", name="date", exact=True).click()
    card.get_by_role("button", name="Import with this mapping").click()
    page.locator("#su-upload-msg >> text='Probation chronology.csv' imported").wait_for(
        timeout=30000
    )
    page.wait_for_selector("details.wf-file:not(.refused) >> text=Probation chronology.csv")
    store = with_store(sample_site)
    try:
        recs = store.records.list_records(actor_of(store, LEAD), rid)
        assert sum(r["agency"] == "Probation" for r in recs) == 1
    finally:
        store.close()
    assert page.console_errors == []


def test_wf208_what_the_import_found_and_the_date_order_override(
    live_app, sample_site, page, tmp_path
):
    """The file's card says how its dates were read and why, its title block, why this
    agency and the joined continuation rows; the lead chooses month-first and the file's
    ambiguous dates are read again that way."""
    rid = own_review(sample_site)
    school = tmp_path / "Brookfield export.csv"
    school.write_bytes(
        b"Agency: Brookfield Primary School (fictional)\r\n"
        b"Date,Details,Action\r\n"
        b"04/03/2020,Robin arrived late and hungry; the class teacher spoke to the DSL "
        b"about breakfast at home,Logged\r\n"
        b",(cont.) DSL phoned mother who said the family had run out of food,\r\n"
        b"05/06/2020,Robin said dad shouted at mum last night,Referral to MASH\r\n"
    )
    lead_in(page, live_app, sample_site)
    page.goto(f"{live_app}/review/{rid}/setup")
    upload(page, [school])
    card = page.locator("details.wf-file", has_text="Brookfield export.csv")
    card.wait_for(timeout=30000)
    card.locator("summary").click()
    found = card.locator(".su-details")
    text = found.inner_text()
    assert "Read day-first, the default" in text
    assert "Brookfield Primary School (fictional)" in text
    assert "Why this agency: the file's title block" in text
    assert "Row 3: joined rows 4" in text
    group = found.get_by_role("group", name="Read this agency's dates")
    group.get_by_label("Month-first (03/04/2021 is 4 March)").check()
    found.get_by_role("button", name=re.compile("Re-read the dates this way")).click()
    page.locator("#su-upload-msg >> text=re-read with its dates").wait_for(timeout=30000)
    # the card is drawn again from the store (closed): its text says the lead's choice
    card = page.locator("details.wf-file", has_text="Brookfield export.csv")
    expect(card.locator(".su-details")).to_contain_text("as set for this agency", timeout=30000)
    store = with_store(sample_site)
    try:
        records = store.records.list_records(actor_of(store, LEAD), rid)
        starts = sorted(r["date_start"].isoformat() for r in records if r["agency"] == "School")
        assert starts == ["2020-04-03", "2020-05-06"]
    finally:
        store.close()
    assert page.console_errors == []
