"""The timeline page's first drawing is kept per review version (pages/timeline.py): a
visit at the same version gets the same drawing, a change of the review (which bumps its
version) a new one, and every page its own drawing id."""

from __future__ import annotations

import pytest

from tests.test_timeline_first_draw import _find, _timeline_page

LEAD = "kept.lead@example.org"
PASSWORD = "kept-drawing-pass-1"


@pytest.fixture(scope="module")
def site(sample_site, tmp_path_factory):
    """A review of its own (about 500 records from ten agencies) and its lead."""
    from tests.ten_agencies import ten_agency_review
    from timeline.store.auth import LOCAL_OPERATOR
    from timeline.store.service import Store

    store = Store.open(sample_site["url"], migrate=False)
    store.reviews.create_user(LOCAL_OPERATOR, LEAD, "Kit Kept", PASSWORD)
    rid = ten_agency_review(store, tmp_path_factory.mktemp("kept"), LEAD, n=300, seed=41)
    store.close()
    return {"lead": LEAD, "password": PASSWORD, "review_id": rid, "url": sample_site["url"]}


def comments(page: dict) -> int:
    data = _find(page, "tl-graph")["figure"]["data"]
    return sum(len(t["x"]) for t in data if t.get("name") == "Comment")


def test_fk001_a_change_is_on_the_next_visit_and_each_page_has_its_own_drawing(live_app, site):
    from timeline.actions import screens
    from timeline.store.auth import LOCAL_OPERATOR
    from timeline.store.service import Store

    first = _timeline_page(live_app, site)
    again = _timeline_page(live_app, site)
    assert _find(again, "tl-graph")["figure"] == _find(first, "tl-graph")["figure"]
    assert _find(again, "tl-drawn")["data"]["draw"] != _find(first, "tl-drawn")["data"]["draw"]
    assert comments(first) == 0

    store = Store.open(site["url"], migrate=False)
    rid = site["review_id"]
    event = next(m.event_id for m in store.timeline.timeline_marks(LOCAL_OPERATOR, rid))
    screens.tag_event(store, LOCAL_OPERATOR, rid, event, "comment", "kept-drawing check", [])
    version = store.reviews.review_version(LOCAL_OPERATOR, rid)
    store.close()

    after = _timeline_page(live_app, site)
    assert _find(after, "tl-drawn")["data"]["version"] == version
    assert _find(after, "tl-seen")["data"] == version
    assert comments(after) == 1  # the new tag is drawn: not the drawing kept before it
