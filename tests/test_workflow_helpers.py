"""Pure helpers behind the workflow screens."""

from __future__ import annotations

from datetime import date

from tests.test_view import MARKS
from timeline.actions.setup import safe_upload_name
from timeline.figures import timeline_figure
from timeline.view import lane_order
from timeline.workflow import (
    episode_bands,
    is_point,
    my_reflections,
    point_body,
    queue_items,
    queue_summary,
    step_index,
    workshop_steps,
)


def test_wf102_upload_names_never_leave_the_folder():
    assert safe_upload_name("ab12", "../../etc/passwd") == "ab12"
    assert safe_upload_name("ab12", "C:\\tmp\\Police.XLSX") == "ab12.xlsx"
    assert safe_upload_name("ab12", "hv chron v2.docx") == "ab12.docx"


def test_wf103_points_to_raise_are_their_own_kind():
    a = {"kind": "point_to_raise", "text": "Why no strategy meeting?"}
    assert is_point(a) and point_body(a) == "Why no strategy meeting?"
    assert not is_point({"kind": "comment", "text": "Point to raise: an old-style comment"})
    assert not is_point({"kind": "reflection", "text": a["text"]})


def test_wf104_my_reflections_only_mine():
    anns = [
        {"kind": "reflection", "author_id": 1, "event_id": 5, "text": "mine"},
        {"kind": "reflection", "author_id": 2, "event_id": 5, "text": "theirs"},
        {"kind": "comment", "author_id": 1, "event_id": 6, "text": "a comment"},
    ]
    assert {k: v["text"] for k, v in my_reflections(anns, 1).items()} == {5: "mine"}


def test_wf105_queue_items_keep_order_drop_gone_records_and_explain():
    queue = [
        {
            "record_ids": ["a", "b"],
            "kind": "uncertain merge",
            "evidence": {
                "summary": "likely the same",
                "contributions": [
                    {"weight": 0.2, "words": "small"},
                    {"weight": -2.5, "words": "different days"},
                    {"weight": 1.1, "words": "same words"},
                ],
            },
        },
        {"record_ids": ["a", "gone"], "kind": "near miss", "evidence": {}},
        {"record_ids": ["c", "b"], "kind": "near miss", "evidence": {}},
    ]
    items = queue_items(queue, {"a", "b", "c"})
    assert [i.key for i in items] == ["a|b", "c|b"]
    assert items[0].reasons == ("against: different days", "for: same words", "for: small")


def test_wf108_queue_wording_agrees_with_the_decision_and_hides_zero_weights():
    """A near miss at 51% used to read "kept apart" above "likely the same event (weight
    +0.0)": the sentence now follows the matcher's decision and drops weights of nothing."""
    contributions = [
        {"feature": "starting point", "weight": -3.0, "words": "before any evidence"},
        {"feature": "date gap", "weight": 2.04, "words": "same day"},
        {"feature": "time", "weight": 0.0, "words": "no time on either"},
        {"feature": "wording", "weight": 1.0, "words": "wording 75-90% alike"},
        {"feature": "kind", "weight": 0.02, "words": "both are visits"},
    ]
    queue = [
        {
            "record_ids": ["a", "b"],
            "kind": "near miss",
            "weight": 0.04,
            "evidence": {"weight": 0.04, "contributions": contributions},
        },
        {
            "record_ids": ["c", "d"],
            "kind": "uncertain merge",
            "weight": 0.04,
            "evidence": {"weight": 0.04, "contributions": contributions},
        },
    ]
    near, merged = queue_items(queue, {"a", "b", "c", "d"})
    assert near.summary.startswith("Kept apart") and "51%" in near.summary
    assert "rule of one record per agency" in near.summary
    assert "likely the same" not in near.summary
    assert merged.summary.startswith("Merged") and "rule" not in merged.summary
    for item in (near, merged):
        assert "+0.0" not in item.summary and "weight +0" not in item.summary
        assert "no time on either" not in item.summary
        assert not any("no time on either" in r or "both are visits" in r for r in item.reasons)
    assert "same day (+2.0)" in near.summary
    # a near miss the evidence is against is not said to lean to one event
    low = queue_summary("near miss", -2.0, contributions)
    assert "20%" in low and "leans" not in low


def test_wf106_workshop_steps_episodes_then_periods_and_keys():
    steps = workshop_steps(
        [
            (2, "Later", date(2021, 5, 1), date(2021, 6, 1)),
            (1, "First", date(2020, 1, 1), date(2020, 2, 1)),
        ],
        (date(2020, 3, 15), date(2021, 2, 1)),
    )
    assert [s.label for s in steps] == [
        "First",
        "Later",
        "Mar 2020 – Aug 2020",
        "Sep 2020 – Feb 2021",
    ]
    assert steps[2].start == date(2020, 3, 15) and steps[3].end == date(2021, 2, 1)
    assert steps[0].view() == {
        "period": ["2020-01-01", "2020-02-01"],
        "label": "First",
        "episode_id": 1,
    }
    assert step_index(steps, None, "n") == 0
    assert step_index(steps, 0, "ArrowRight") == 1
    assert step_index(steps, 3, "n") == 3
    assert step_index(steps, 0, "p") == 0
    assert step_index([], 0, "n") is None


def test_wf107_episodes_as_bands_by_period_or_by_events():
    episodes = [
        {"title": "Spring visits", "date_start": date(2021, 3, 1), "date_end": date(2021, 4, 15)},
        {"title": "The GP visit", "date_start": None, "date_end": None, "event_ids": [11]},
        {"title": "Nothing to draw", "date_start": None, "date_end": None, "event_ids": []},
    ]
    bands = episode_bands(episodes, MARKS)
    assert bands == [
        (date(2021, 3, 1), date(2021, 4, 15), "Spring visits"),
        (date(2021, 4, 1), date(2021, 4, 2), "The GP visit"),  # one day, widened to show
    ]
    fig = timeline_figure(MARKS, lane_order({m.agency for m in MARKS}), episodes=bands)
    assert [a["text"] for a in fig["layout"]["annotations"]] == ["Spring visits", "The GP visit"]
