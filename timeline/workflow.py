"""Pure helpers for the review workflow screens (set-up, duplicate queue, preparation,
workshop). No Dash, no database: the pages call these with what the store returned.

Points to raise: a participant's point for the workshop is an annotation of its own kind,
"point_to_raise" (until migration 0004 it was a "comment" whose text began "Point to raise: ").
The timeline draws it with the comments' marker, as before; the workshop page lists them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from timeline.view import KIND_LABELS

POINT = "point_to_raise"
REFLECTION = "reflection"
# Labels of every annotation kind (the timeline's tag kinds, and the point to raise).
ANNOTATION_LABELS = {**KIND_LABELS, POINT: "Point to raise"}


# ---------------------------------------------------------------- points and reflections


def is_point(annotation: dict) -> bool:
    return annotation.get("kind") == POINT


def point_body(annotation: dict) -> str:
    return str(annotation.get("text", ""))


def my_reflections(annotations: Iterable[dict], user_id: int | None) -> dict[int, dict]:
    """The user's reflection per event (their latest, if they somehow have several)."""
    out: dict[int, dict] = {}
    for a in annotations:
        if a.get("kind") == REFLECTION and a.get("author_id") == user_id and a.get("event_id"):
            out[a["event_id"]] = a
    return out


# ---------------------------------------------------------------- the duplicate queue


@dataclass(frozen=True)
class QueueItem:
    key: str  # the record ids joined: stable while the queue is redrawn
    kind: str  # "uncertain merge" | "near miss"
    record_ids: tuple[str, ...]
    summary: str
    reasons: tuple[str, ...]


SHOWN_WEIGHT = 0.05  # a contribution that rounds to +0.0 says nothing: it is not shown


def queue_summary(kind: str, weight: float | None, contributions: Sequence[dict]) -> str:
    """One sentence that agrees with what the matcher did with the pair: "merged" for an
    uncertain merge, "kept apart" for a near miss, with the probability the evidence gives
    and its strongest reasons (each with its weight; weights that round to zero left out).
    A near miss the evidence leans towards says so, and why the matcher still kept it apart,
    instead of calling it "likely the same event" under a "kept apart" heading."""
    parts = [c for c in contributions if abs(float(c.get("weight") or 0)) >= SHOWN_WEIGHT]
    parts.sort(key=lambda c: -abs(float(c["weight"])))
    if weight is None:
        weight = sum(float(c.get("weight") or 0) for c in contributions)
    p = 1.0 / (1.0 + 2.0 ** (-float(weight)))
    if kind == "near miss":
        head = f"Kept apart; the evidence gives a {p:.0%} chance that they are one event"
        if p >= 0.5:
            head += (
                " (it leans to one event, but the matcher's threshold or its rule of one "
                "record per agency in an event kept them apart)"
            )
    else:
        head = f"Merged; the evidence gives a {p:.0%} chance that they are one event"
    reasons = "; ".join(
        f"{c['words']} ({float(c['weight']):+.1f})" for c in parts[:3] if c.get("words")
    )
    return f"{head}: {reasons}." if reasons else f"{head}."


def queue_items(queue: Sequence[dict], known_records: set[str], limit: int = 50) -> list[QueueItem]:
    """The matcher's queue in its order (most useful decision first), without pairs whose
    records are gone, each with the evidence in words (strongest reasons first, none that
    weighs nothing)."""
    items = []
    for entry in queue:
        ids = tuple(str(r) for r in entry.get("record_ids", ()))
        if len(ids) < 2 or not set(ids) <= known_records:
            continue
        ev = entry.get("evidence") or {}
        contributions = ev.get("contributions") or []
        parts = sorted(contributions, key=lambda c: -abs(float(c.get("weight", 0))))
        reasons = tuple(
            f"{'for' if c['weight'] > 0 else 'against'}: {c['words']}"
            for c in parts[:5]
            if c.get("words") and abs(float(c.get("weight") or 0)) >= SHOWN_WEIGHT
        )
        kind = entry.get("kind", "")
        weight = ev.get("weight", entry.get("weight"))
        summary = queue_summary(kind, weight, contributions) if contributions else ""
        items.append(QueueItem("|".join(ids), kind, ids, summary, reasons))
        if len(items) >= limit:
            break
    return items


# ---------------------------------------------------------------- key practice episodes


def episode_span(episode: dict, by_event: dict[int, list]) -> tuple[date, date] | None:
    """An episode's dates: its own period, else the span of its events' marks
    (`by_event`: event id -> marks with .start and .end)."""
    start, end = episode.get("date_start"), episode.get("date_end")
    if start or end:
        return start or end, end or start
    marks = [m for e in episode.get("event_ids") or () for m in by_event.get(e, ())]
    if not marks:
        return None
    return min(m.start for m in marks), max(m.end for m in marks)


def episode_bands(episodes: Sequence[dict], marks: Iterable) -> list[tuple[date, date, str]]:
    """The store's episodes as the timeline figure's bands (start, end, title); an
    episode of one day still gets a visible band."""
    by_event: dict[int, list] = {}
    for m in marks:
        by_event.setdefault(m.event_id, []).append(m)
    bands = []
    for ep in episodes:
        span = episode_span(ep, by_event)
        if span is None:
            continue
        a, b = span
        if b <= a:
            b = date.fromordinal(a.toordinal() + 1)
        bands.append((a, b, ep.get("title", "")))
    return bands


# ---------------------------------------------------------------- workshop steps


@dataclass(frozen=True)
class Step:
    kind: str  # "episode" | "period"
    label: str
    start: date
    end: date
    episode_id: int | None = None

    def view(self) -> dict:
        v = {"period": [self.start.isoformat(), self.end.isoformat()], "label": self.label}
        if self.episode_id is not None:
            v["episode_id"] = self.episode_id
        return v


def _month_add(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, 1)


def periods(start: date, end: date, months: int = 6) -> list[tuple[date, date]]:
    """The review period cut into blocks of `months`, aligned to month starts."""
    out = []
    cur = date(start.year, start.month, 1)
    while cur <= end:
        nxt = _month_add(cur, months)
        out.append((max(cur, start), min(date.fromordinal(nxt.toordinal() - 1), end)))
        cur = nxt
    return out


def workshop_steps(
    episodes: Sequence[tuple[int, str, date, date]],
    review_period: tuple[date, date] | None,
    months: int = 6,
) -> list[Step]:
    """Key practice episodes first (in date order), then the review period in blocks:
    the facilitator steps through them with the keyboard."""
    steps = [
        Step("episode", title, a, b, eid)
        for eid, title, a, b in sorted(episodes, key=lambda e: (e[2], e[0]))
    ]
    if review_period:
        for a, b in periods(*review_period, months=months):
            steps.append(Step("period", f"{a:%b %Y} – {b:%b %Y}", a, b))
    return steps


def step_index(steps: Sequence[Step], current: int | None, key: str) -> int | None:
    """The next step for a key: n/ArrowRight forward, p/ArrowLeft back (bounded)."""
    if not steps:
        return None
    if current is None:
        return 0
    if key in ("n", "ArrowRight"):
        return min(current + 1, len(steps) - 1)
    if key in ("p", "ArrowLeft"):
        return max(current - 1, 0)
    return current
