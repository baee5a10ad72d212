"""How much of the timeline is drawn one record at a time (pure; no Plotly, no Dash).

A review can hold 20,000 records. Drawn one by one they make an unreadable smear and a
slow chart, so the timeline draws records one by one only where few are in view, and
groups the rest per lane into a count ("37 records, 3 Mar – 28 Mar 2021"); zooming in
(or clicking a group) brings the single records back. The view, the period strip's
range and the count of records outside the period are decided here too.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from timeline.view import Mark

DETAIL_LIMIT = 1500  # at most this many records in view are drawn one by one
BINS = 150  # groups across the view's width when it holds more than that
EPOCH = date(1900, 1, 1)  # bins are counted from a fixed day, so they do not shift


@dataclass(frozen=True, slots=True)
class Group:
    """Several records of one agency drawn as one mark with their count."""

    agency: str
    start: date  # the earliest record's first day
    end: date  # the latest record's first day
    centre: date  # where the mark is drawn (the middle of its bin)
    count: int
    event_ids: tuple[int, ...]


def parse_day(value) -> date | None:
    """A day from what Plotly and the date picker send: '2021-03-01', '2021-03-01
    12:30:00.5', a datetime or a date. None for anything else."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def view_from(value) -> tuple[date, date] | None:
    """The view as two days from a stored [start, end] pair (None: not set)."""
    if not value or not isinstance(value, list | tuple) or len(value) != 2:
        return None
    a, b = parse_day(value[0]), parse_day(value[1])
    if a is None or b is None:
        return None
    return (a, b) if a <= b else (b, a)


def view_in(stored, period: tuple[date | None, date | None]) -> tuple[date, date] | None:
    """The dates in view: the stored view; without one (None or "period", the page's
    start), the review period; "all" (a double click on the chart) or no period: None,
    everything."""
    if stored == "all":
        return None
    return view_from(stored) or (period if all(period) else None)


def view_from_relayout(relayout: dict | None):
    """What a zoom or pan on the chart asks for: (start, end) ISO days, "all" after a
    double click (autorange), or None when the relayout is not about the date axis."""
    if not relayout:
        return None
    if relayout.get("xaxis.autorange"):
        return "all"
    if "xaxis.range[0]" in relayout and "xaxis.range[1]" in relayout:
        pair = [relayout["xaxis.range[0]"], relayout["xaxis.range[1]"]]
    elif isinstance(relayout.get("xaxis.range"), list):
        pair = relayout["xaxis.range"]
    else:
        return None
    view = view_from(pair)
    return [view[0].isoformat(), view[1].isoformat()] if view else None


def _width_days(span_days: int, bins: int) -> int:
    return max(1, math.ceil(span_days / bins))


def bin_days(marks: Sequence[Mark], view: tuple[date, date] | None, bins: int = BINS) -> int:
    """The width in days of the bins records are grouped in near the view."""
    if view is None:
        view = (min(m.start for m in marks), max(m.end for m in marks))
    return _width_days(max(1, (view[1] - view[0]).days), bins)


def group_marks(marks: Sequence[Mark], width_days: int) -> tuple[list[Mark], list[Group]]:
    """Records per lane in bins of `width_days`: a bin holding one record gives it back
    as itself (it stays clickable); a bin holding several gives one Group."""
    bins: dict[tuple[str, int], list[Mark]] = defaultdict(list)
    epoch = EPOCH.toordinal()  # day numbers: no timedelta made per record
    for m in marks:
        bins[(m.agency, (m.start.toordinal() - epoch) // width_days)].append(m)
    singles: list[Mark] = []
    groups: list[Group] = []
    for (agency, k), ms in bins.items():
        if len(ms) == 1:
            singles.append(ms[0])
            continue
        groups.append(
            Group(
                agency,
                min(m.start for m in ms),
                max(m.start for m in ms),
                EPOCH + timedelta(days=k * width_days + width_days // 2),
                len(ms),
                tuple(sorted({m.event_id for m in ms})),
            )
        )
    groups.sort(key=lambda g: (g.centre, g.agency))
    return singles, groups


def level_of_detail(
    marks: Sequence[Mark],
    view: tuple[date, date] | None,
    *,
    limit: int = DETAIL_LIMIT,
    bins: int = BINS,
) -> tuple[list[Mark], list[Group]]:
    """The records to draw one by one and the groups to draw for the rest.

    Near the view (the view and one view-width either side, so a short pan needs no
    redraw) records are drawn one by one when at most `limit` of them are in view, and
    in `bins` groups across the view's width otherwise. Further away they are grouped
    coarsely (`bins` across all the records), so a pan still shows where records are."""
    if len(marks) <= limit:  # few enough to draw every one, wherever the view is
        return list(marks), []
    lo = min(m.start for m in marks)
    hi = max(m.end for m in marks)
    v0, v1 = view or (lo, hi)
    span = max(1, (v1 - v0).days)
    pad = timedelta(days=span)
    near, far = [], []
    in_view = 0
    for m in marks:
        if m.end >= v0 - pad and m.start <= v1 + pad:
            near.append(m)
            in_view += m.end >= v0 and m.start <= v1
        else:
            far.append(m)
    if in_view <= limit:
        singles, groups = list(near), []
    else:
        singles, groups = group_marks(near, _width_days(span, bins))
    if far:
        far_singles, far_groups = group_marks(far, _width_days(max(1, (hi - lo).days), bins))
        singles += far_singles
        groups += far_groups
    return singles, groups


@dataclass(frozen=True, slots=True)
class Window:
    """The period the overview strip spans, and how many records fall outside it."""

    start: date
    end: date
    before: int
    after: int


def _without_strays(starts: list[date]) -> tuple[date, date]:
    """The first and last date once strays are set aside: a date is a stray when it lies
    further than a quarter of the central 98%'s span beyond it (a mistyped year)."""
    cut = len(starts) // 100
    lo, hi = starts[cut], starts[len(starts) - 1 - cut]
    slack = timedelta(days=max(31, (hi - lo).days // 4))
    kept = [d for d in starts if lo - slack <= d <= hi + slack]
    return kept[0], kept[-1]


def strip_window(
    marks: Sequence[Mark], period: tuple[date | None, date | None] = (None, None)
) -> Window | None:
    """The review period when it is set; otherwise the span of the records once
    stray dates are set aside (a few mistyped years must not squeeze the real
    period into a corner). Records outside are counted, not drawn."""
    if not marks:
        if all(period):
            return Window(period[0], period[1], 0, 0)
        return None
    starts = sorted(m.start for m in marks)
    if all(period):
        a, b = period
    else:
        a, b = _without_strays(starts)
        a, b = period[0] or a, period[1] or b
    before = sum(1 for m in marks if m.end < a)
    after = sum(1 for m in marks if m.start > b)
    return Window(a, b, before, after)


LIST_LIMIT = 400  # events listed at once in the keyboard list


@dataclass(frozen=True, slots=True)
class ListedEvent:
    """One line of the keyboard list of events: when, who recorded it, what it says."""

    event_id: int
    start: date
    when: str
    agencies: str
    summary: str


def events_in_view(
    marks: Sequence[Mark],
    view: tuple[date, date] | None,
    lanes: Sequence[str],
    limit: int = LIST_LIMIT,
    chars: int = 80,
) -> tuple[list[ListedEvent], int]:
    """The merged events with a voice in view, in date order (the first `limit`), and how
    many there are: the same events the chart shows, for the keyboard and screen
    readers."""
    order = {a: i for i, a in enumerate(lanes)}
    # One pass for each event's first day in view; the voices only of the events listed
    # (a review holds thousands of events, the list at most `limit`).
    first: dict[int, date] = {}
    for m in marks:
        if m.agency not in order:
            continue
        if view is None or (m.end >= view[0] and m.start <= view[1]):
            seen = first.get(m.event_id)
            if seen is None or m.start < seen:
                first[m.event_id] = m.start
    firsts = heapq.nsmallest(limit, ((start, event_id) for event_id, start in first.items()))
    by_event: dict[int, list[Mark]] = {event_id: [] for _, event_id in firsts}
    for m in marks:
        if (
            m.event_id in by_event
            and m.agency in order
            and (view is None or (m.end >= view[0] and m.start <= view[1]))
        ):
            by_event[m.event_id].append(m)
    out = []
    for start, event_id in firsts:
        ms = sorted(by_event[event_id], key=lambda m: order[m.agency])
        text = " ".join(ms[0].text.split())
        out.append(
            ListedEvent(
                event_id,
                start,
                f"{start.day} {start:%b %Y}",
                ", ".join(dict.fromkeys(m.agency for m in ms)),
                text if len(text) <= chars else text[: chars - 1] + "…",
            )
        )
    return out, len(first)
