from datetime import date, time

from timeline.view import (
    PALETTE,
    EventTags,
    Filters,
    Mark,
    age_label,
    age_ticks,
    agency_colours,
    apply_filters,
    contact_gaps,
    lane_order,
)


def mk(pk, event, agency, start, end=None, text="x", status="imported", precision="day"):
    return Mark(pk, event, agency, start, end or start, precision, None, text, status)


MARKS = [
    mk(1, 10, "Police", date(2021, 3, 12), text="Strategy discussion held"),
    mk(2, 10, "Children's Social Care", date(2021, 3, 13), text="Strategy meeting - s47"),
    mk(3, 11, "GP", date(2021, 4, 1), text="Seen with mother", status="needs_review"),
    mk(
        4,
        12,
        "Health Visiting",
        date(2021, 6, 1),
        date(2021, 6, 30),
        precision="month",
        text="Clinic contact",
    ),
]


def test_vw001_lanes_in_the_expected_order_and_stable_colours():
    lanes = lane_order(["GP", "Zoo Team", "Police", "Children's Social Care", "Alpha"])
    assert lanes == ["Children's Social Care", "Police", "GP", "Alpha", "Zoo Team"]
    colours = agency_colours(lanes)
    assert colours["Children's Social Care"] == PALETTE[0]
    assert len(set(colours.values())) == len(lanes)


def test_vw002_filters_keep_an_event_whole():
    ids = lambda ms: [m.pk for m in ms]  # noqa: E731
    assert ids(apply_filters(MARKS, {}, Filters(text="s47"))) == [1, 2]  # both voices
    assert ids(apply_filters(MARKS, {}, Filters(merged_only=True))) == [1, 2]
    assert ids(apply_filters(MARKS, {}, Filters(needs_review=True))) == [3]
    assert ids(apply_filters(MARKS, {}, Filters(agencies=frozenset({"GP"})))) == [3]
    # a month-long record overlaps a range that starts mid-month
    assert ids(apply_filters(MARKS, {}, Filters(start=date(2021, 6, 15)))) == [4]
    assert ids(apply_filters(MARKS, {}, Filters(end=date(2021, 3, 12)))) == [1]
    tags = {10: EventTags({"key_decision"}, {1}), 12: EventTags({"good_practice"}, {2})}
    assert ids(apply_filters(MARKS, tags, Filters(kinds=frozenset({"key_decision"})))) == [1, 2]
    assert ids(apply_filters(MARKS, tags, Filters(kloe_ids=frozenset({2})))) == [4]
    assert ids(apply_filters(MARKS, tags, Filters(kloe_ids=frozenset({3})))) == []


def test_vw003_gaps_without_contact_respect_partial_dates():
    assert contact_gaps(MARKS, 30) == [(date(2021, 4, 2), date(2021, 5, 31))]
    assert contact_gaps(MARKS, 90) == []
    assert contact_gaps([], 30) == []


def test_vw004_ages_as_reviewers_say_them():
    dob = date(2019, 8, 14)
    assert age_label(dob, date(2019, 8, 1)) == "pre-birth"
    assert age_label(dob, date(2019, 9, 4)) == "3 weeks"
    assert age_label(dob, date(2020, 1, 13)) == "4 months"
    assert age_label(dob, date(2020, 1, 14)) == "5 months"
    assert age_label(dob, date(2021, 11, 20)) == "2y 3m"


def test_vw005_age_ticks_are_birthdays_over_a_long_view():
    ticks = age_ticks(date(2019, 8, 14), date(2019, 1, 1), date(2021, 11, 22))
    assert [d for d, _ in ticks] == [
        date(2019, 8, 14),
        date(2020, 2, 14),
        date(2020, 8, 14),
        date(2021, 2, 14),
        date(2021, 8, 14),
    ]
    assert [label for _, label in ticks] == ["birth", "6 months", "12 months", "18 months", "2y 0m"]
    leap = age_ticks(date(2020, 1, 31), date(2020, 1, 1), date(2020, 4, 30))
    assert [d for d, _ in leap][:3] == [date(2020, 1, 31), date(2020, 2, 29), date(2020, 3, 31)]


def test_vw006_marks_keep_times():
    m = Mark(
        1, 1, "Police", date(2021, 3, 12), date(2021, 3, 12), "exact", time(14, 35), "x", "imported"
    )
    assert m.time == time(14, 35)
