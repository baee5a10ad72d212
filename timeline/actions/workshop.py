"""Workshop actions: the steps the facilitator moves through, the facilitator's move (its
own row and counter, so nobody else's screen redraws for it) and a tag on the event in
view; and what a participant following the facilitator is shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ingest.dates import DateError, parse_date
from timeline.store import Actor, Store
from timeline.workflow import ANNOTATION_LABELS, episode_span, is_point, workshop_steps


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
    store.annotations.add_annotation(actor, event_id, kind, "", [kloe_id] if kloe_id else [])
    return Tagged(
        f"Tagged: {ANNOTATION_LABELS.get(kind, kind)}.", store.reviews.review_version(actor, rid)
    )


@dataclass(frozen=True)
class StepPoints:
    here: list[dict]  # points to raise on this step's events
    outside: list[dict]  # on events no step reaches (outside the review period)
    elsewhere: int  # how many are on other steps' events


def step_points(annotations: list[dict], steps: list[dict], step_i: int | None) -> StepPoints:
    """The participants' points to raise for the step in view. A point on an event that no
    step reaches (say, a record from before the review period) is listed with every step,
    so it is never out of sight for the whole workshop."""
    points = [a for a in annotations if is_point(a)]
    if not steps or step_i is None or not 0 <= step_i < len(steps):
        return StepPoints(points, [], 0)
    here_ids = set(steps[step_i].get("events") or [])
    reached = {e for st in steps for e in st.get("events") or []}
    here = [a for a in points if a["event_id"] in here_ids]
    outside = [a for a in points if a["event_id"] not in reached]
    return StepPoints(here, outside, len(points) - len(here) - len(outside))


@dataclass(frozen=True)
class EpisodeResult:
    message: str
    version: int | None  # None: nothing saved


def _typed_day(text: str | None, end: bool) -> date | None:
    """A day typed day first ("02/11/2019", "2 Nov 2019", "Nov 2019"): the first day of
    what was typed for "from", the last for "to". Raises DateError when unreadable."""
    if not (text or "").strip():
        return None
    iv = parse_date(text)
    return iv.end if end else iv.start


def add_episode(
    store: Store,
    actor: Actor,
    rid: int,
    title: str | None,
    description: str | None,
    start: str | None,
    end: str | None,
    event_ids: list[int] | None,
) -> EpisodeResult:
    """A key practice episode: a period (typed day first) or a choice of events."""
    title = (title or "").strip()
    if not title:
        return EpisodeResult("Name the episode first.", None)
    try:
        a, b = _typed_day(start, False), _typed_day(end, True)
    except DateError as exc:
        return EpisodeResult(f"Not saved: {exc}. Type dates day first, e.g. 02/11/2019.", None)
    if (a is None) != (b is None) and not event_ids:
        return EpisodeResult("Give the episode both a start and an end date.", None)
    if a is None and not event_ids:
        return EpisodeResult("Give the episode a period or choose its events.", None)
    if a is not None and b is not None and b < a:
        return EpisodeResult("The episode ends before it starts: check the dates.", None)
    store.annotations.add_episode(
        actor,
        rid,
        title,
        description=(description or "").strip(),
        date_start=a if b is not None else None,
        date_end=b if a is not None else None,
        event_ids=list(event_ids or []),
    )
    return EpisodeResult(f"Episode '{title}' added.", store.reviews.review_version(actor, rid))


def delete_episode(
    store: Store, actor: Actor, rid: int, episode_id: int, version: int
) -> EpisodeResult:
    store.annotations.delete_episode(actor, episode_id, version)
    return EpisodeResult("Episode deleted.", store.reviews.review_version(actor, rid))
