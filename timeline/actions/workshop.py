"""Workshop actions: the steps the facilitator moves through, the facilitator's move (its
own row and counter, so nobody else's screen redraws for it) and a tag on the event in
view; and what a participant following the facilitator is shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.store import Actor, Store
from timeline.workflow import ANNOTATION_LABELS, episode_span, workshop_steps


@dataclass(frozen=True)
class Tagged:
    message: str
    version: int | None


def _day(value) -> date | None:
    """A day from a date or its ISO text (a step's period as the browser keeps it)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def steps(review: dict, episodes: list[dict], marks) -> list[dict]:
    """The workshop's steps as the browser keeps them: key practice episodes first, then
    the review period in blocks; each {"kind", "period", "label", "episode_id"?, "events"}
    with its events in date order (an episode's own events, else those with a mark in
    its period)."""
    by_event: dict[int, list] = {}
    for m in marks:
        by_event.setdefault(m.event_id, []).append(m)
    eps = []
    for e in episodes:
        span = episode_span(e, by_event)
        if span:
            eps.append((e["id"], e["title"], span[0], span[1]))
    period = None
    if review.get("period_start") and review.get("period_end"):
        period = (review["period_start"], review["period_end"])
    out = []
    for st in workshop_steps(eps, period):
        d = {"kind": st.kind, **st.view()}
        ep = next((e for e in episodes if e["id"] == st.episode_id), None)
        if ep and ep.get("event_ids"):
            d["events"] = list(ep["event_ids"])
        else:
            d["events"] = list(
                dict.fromkeys(
                    m.event_id
                    for m in marks
                    if m.event_id > 0 and m.start <= st.end and m.end >= st.start
                )
            )
        out.append(d)
    return out


def step_period(step: dict | None) -> tuple[date, date] | None:
    if not step or not step.get("period"):
        return None
    a, b = (_day(x) for x in step["period"])
    return a, b


def kloe_button_label(index: int, kloe: dict) -> str:
    """A KLOE button: its shortcut key, number and title ("1 · KLOE 1: Information
    sharing"); a KLOE without a title still says which it is."""
    title = (kloe.get("title") or "").strip()
    name = f"KLOE {kloe['number']}"
    return f"{index + 1} · {name}: {title}" if title else f"{index + 1} · {name}"


def move(store: Store, actor: Actor, rid: int, step: dict, pos: dict) -> dict:
    """Save the facilitator's view (the step's period, label and episode, the event in
    view and the browser's move counter) for those who follow."""
    view = {k: step[k] for k in ("period", "label", "episode_id") if k in step}
    view["seq"] = pos.get("seq")
    if pos.get("event") is not None:
        view["event_id"] = pos["event"]
    return store.workshop.move(actor, rid, view)


def tag(
    store: Store, actor: Actor, rid: int, event_id: int | None, kind: str, kloe_id: int | None
) -> Tagged:
    if not event_id:
        return Tagged("Bring an event into view first: press j (next event).", None)
    store.add_annotation(actor, event_id, kind, "", [kloe_id] if kloe_id else [])
    return Tagged(f"Tagged: {ANNOTATION_LABELS.get(kind, kind)}.", store.review_version(actor, rid))
