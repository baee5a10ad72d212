"""Everything an export needs from the store, read once, as plain data.

The writers (xlsx, csv, docx, figure) only see a `ReviewData`; for the publication copy the
whole of it goes through the names list first (`pseudonymised`), so every text any writer
draws from it is replaced in one place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from timeline.store import Actor, Store
from timeline.view import agency_colours, lane_order
from timeline.workflow import REFLECTION

# Okabe–Ito: eight colours told apart with every common colour-vision deficiency.
PARTIAL_PRECISIONS = {"week", "month", "season", "year", "range", "approximate"}


@dataclass
class Record:
    pk: int
    record_id: str
    agency: str
    status: str
    date_start: date
    date_end: date
    precision: str
    approximate: bool
    time: time | None
    date_note: str
    description: str
    outcome: str
    practitioner: str
    reference: str
    significance: str
    extra: dict[str, str]
    file_name: str
    sheet: str
    row: int | None
    issues: list[str]
    event_id: int | None
    # a meeting's paperwork (minutes received, outcome letter): the merged_id of the event
    # it follows up, and why; related to that event, not merged into it
    follows_up: str = ""
    relation: str = ""


@dataclass
class Related:
    """A record of another event related to this one ("related, not the same")."""

    direction: str  # "follows_up" (this event's record follows up that record) | "followed_up_by"
    record: Record  # the other event's record
    merged_id: str  # the other event's id
    reason: str


@dataclass
class Annotation:
    id: int
    event_id: int | None
    kind: str
    text: str
    author: str
    kloes: list[str]  # KLOE numbers


@dataclass
class Event:
    id: int
    merged_id: str
    confidence: float | None
    records: list[Record]  # in agency order
    annotations: list[Annotation] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)  # by the other record's date

    @property
    def first(self) -> Record:
        return min(self.records, key=lambda r: (r.date_start, r.date_end, r.pk))

    @property
    def date_start(self) -> date:
        return self.first.date_start

    @property
    def agencies(self) -> list[str]:
        return [r.agency for r in self.records]

    @property
    def kloes(self) -> list[str]:
        nums = {k for a in self.annotations for k in a.kloes}
        return sorted(nums, key=_number_key)


@dataclass
class Quarantined:
    agency: str
    file_name: str
    sheet: str
    row: int | None
    reason: str
    issues: list[str]
    content: str


@dataclass
class Kloe:
    id: int
    number: str
    title: str
    description: str


@dataclass
class Episode:
    title: str
    description: str
    date_start: date | None
    date_end: date | None
    event_ids: list[int]


FINDING_KIND_LABELS = {
    "good_practice": "Good practice",
    "area_for_improvement": "Area for improvement",
}


@dataclass
class Finding:
    id: int
    title: str
    text: str
    kloes: list[str]
    event_ids: list[int]
    kind: str = ""  # good_practice | area_for_improvement | "" (not said)
    episodes: list[str] = field(default_factory=list)  # titles of the evidencing episodes


@dataclass
class Action:
    text: str
    owner_subgroup: str
    due_date: date | None
    status: str
    finding: str
    monitoring_notes: str = ""


@dataclass
class Escalation:
    text: str
    escalated_to: str
    escalated_on: date | None
    finding: str


@dataclass
class ReviewData:
    review_id: int
    title: str
    child: str
    period_start: date | None
    period_end: date | None
    agencies: list[str]  # canonical order
    kloes: list[Kloe]
    records: list[Record]  # every active source record, by date
    events: list[Event]  # by date
    quarantined: list[Quarantined]
    episodes: list[Episode]
    findings: list[Finding]
    actions: list[Action]
    source_files: list[str]
    escalations: list[Escalation] = field(default_factory=list)

    def event(self, event_id: int) -> Event | None:
        return self._by_id().get(event_id)

    def _by_id(self) -> dict[int, Event]:
        return {e.id: e for e in self.events}

    def colour(self, agency: str) -> str:
        return agency_colours(self.agencies).get(agency, "#999999")


def _number_key(n: str) -> tuple:
    return (0, int(n), "") if n.isdigit() else (1, 0, n)


def agency_order(names: list[str]) -> list[str]:
    """The lanes' order on screen (social care first), so exports read the same way."""
    return lane_order(names)


def load(store: Store, actor: Actor, review_id: int) -> ReviewData:
    """Read the review through the store's service functions (the actor needs read access)."""
    review = store.reviews.get_review(actor, review_id)
    kloes = [
        Kloe(k["id"], str(k["number"]), k["title"], k.get("description") or "")
        for k in store.reviews.list_kloes(actor, review_id)
    ]
    kloe_number = {k.id: k.number for k in kloes}

    records = [
        Record(
            pk=r["id"],
            record_id=r["record_id"],
            agency=r["agency"],
            status=r["status"],
            date_start=r["date_start"],
            date_end=r["date_end"] or r["date_start"],
            precision=r["date_precision"] or "day",
            approximate=bool(r["date_approximate"]),
            time=r["time"],
            date_note=r["date_note"] or "",
            description=r["description"] or "",
            outcome=r["outcome"] or "",
            practitioner=r["practitioner"] or "",
            reference=r["reference"] or "",
            significance=r["significance"] or "",
            extra={str(k): str(v) for k, v in (r["extra"] or {}).items()},
            file_name=r["provenance"]["file_name"] or "",
            sheet=r["provenance"]["sheet"] or "",
            row=r["provenance"]["row"],
            issues=[i.get("message", "") for i in (r["issues"] or [])],
            event_id=r["event_id"],
        )
        for r in store.records.list_records(actor, review_id)
    ]
    agencies = agency_order(
        sorted(
            {a["name"] for a in store.records.list_agencies(actor, review_id)}
            | {r.agency for r in records}
        )
    )
    rank = {a: i for i, a in enumerate(agencies)}
    by_pk = {r.pk: r for r in records}

    annotations: dict[int | None, list[Annotation]] = {}
    for a in store.annotations.list_annotations(actor, review_id):
        if a["kind"] == REFLECTION:
            # A participant's reflection ("what was happening for me at the time") is their
            # own preparation: it never leaves the tool in an export, of any kind.
            continue
        annotations.setdefault(a["event_id"], []).append(
            Annotation(
                id=a["id"],
                event_id=a["event_id"],
                kind=a["kind"],
                text=a["text"] or "",
                author=a.get("author_label") or "",
                kloes=sorted(
                    (kloe_number[k] for k in a["kloe_ids"] if k in kloe_number), key=_number_key
                ),
            )
        )

    events = []
    for e in store.records.list_events(actor, review_id):
        members = [by_pk[pk] for pk in e["record_pks"] if pk in by_pk]
        if not members:
            continue  # only withdrawn records left: nothing to show
        members.sort(key=lambda r: (rank.get(r.agency, len(rank)), r.date_start, r.pk))
        events.append(
            Event(
                e["id"], e["merged_id"], e.get("confidence"), members, annotations.get(e["id"], [])
            )
        )
    events.sort(key=lambda ev: (ev.date_start, ev.first.date_end, ev.first.time or time(0), ev.id))
    _attach_relations(events, store.records.list_relations(actor, review_id), records)

    quarantined = [
        Quarantined(
            agency=q["agency"],
            file_name=q["prov_file_name"] or "",
            sheet=q["prov_sheet"] or "",
            row=q["prov_row"],
            reason=q["reason"] or "",
            issues=[i.get("message", "") for i in (q["issues"] or [])],
            content=" | ".join(f"{k}: {v}" for k, v in (q["prov_raw"] or {}).items() if v),
        )
        for q in store.records.list_quarantined(actor, review_id)
    ]
    stored_episodes = store.annotations.list_episodes(actor, review_id)
    episodes = [
        Episode(
            k["title"],
            k.get("description") or "",
            k["date_start"],
            k["date_end"],
            k["event_ids"],
        )
        for k in stored_episodes
    ]
    episode_title = {k["id"]: k["title"] for k in stored_episodes}
    findings = [
        Finding(
            f.id,
            f.title,
            f.text,
            sorted((kloe_number[k] for k in f.kloe_ids if k in kloe_number), key=_number_key),
            list(f.event_ids),
            f.kind,
            [episode_title[k] for k in f.episode_ids if k in episode_title],
        )
        for f in store.findings.list_findings(actor, review_id)
    ]
    finding_title = {f.id: f.title for f in findings}
    actions = [
        Action(
            a.text,
            a.owner_subgroup,
            a.due_date,
            a.status,
            finding_title.get(a.finding_id, ""),
            a.monitoring_notes,
        )
        for a in store.findings.list_actions(actor, review_id)
    ]
    escalations = [
        Escalation(
            e.text,
            e.escalated_to,
            e.escalated_on,
            finding_title.get(e.finding_id, ""),
        )
        for e in store.escalations.list_escalations(actor, review_id)
    ]
    files = [
        f["file_name"]
        for f in store.records.list_source_files(actor, review_id)
        if not f.get("superseded_by")
    ]
    return ReviewData(
        review_id=review_id,
        title=review["title"] or "",
        child=review.get("child_pseudonym") or "",
        period_start=review.get("period_start"),
        period_end=review.get("period_end"),
        agencies=agencies,
        kloes=kloes,
        records=records,
        events=events,
        quarantined=quarantined,
        episodes=episodes,
        findings=findings,
        actions=actions,
        source_files=files,
        escalations=escalations,
    )


def _attach_relations(events: list[Event], relations: list[dict], records: list[Record]) -> None:
    """Each related pair on both events (and the follow-up record's own columns)."""
    by_id = {e.id: e for e in events}
    by_rid = {r.record_id: r for r in records}
    for rel in relations:
        follow, meeting = by_rid.get(rel["record_id"]), by_rid.get(rel["related_record_id"])
        fe, me = by_id.get(rel["record_event_id"]), by_id.get(rel["related_event_id"])
        if follow is None or meeting is None or fe is None or me is None:
            continue
        follow.follows_up, follow.relation = me.merged_id, rel["reason"]
        fe.related.append(Related("follows_up", meeting, me.merged_id, rel["reason"]))
        me.related.append(Related("followed_up_by", follow, fe.merged_id, rel["reason"]))
    for e in events:
        e.related.sort(key=lambda x: (x.record.date_start, x.record.pk))


def map_text(data: ReviewData, fn: Callable[[str], str]) -> ReviewData:
    """A copy of `data` with `fn` applied to every string in it (names, texts, agency names,
    file names, dictionary keys...), keeping shared objects shared."""
    memo: dict[int, Any] = {}

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return fn(value)
        if isinstance(value, (int, float, bool, date, time)) or value is None:
            return value
        key = id(value)
        if key in memo:
            return memo[key]
        if isinstance(value, list):
            out: Any = [walk(v) for v in value]
        elif isinstance(value, tuple):
            out = tuple(walk(v) for v in value)
        elif isinstance(value, dict):
            out = {walk(k): walk(v) for k, v in value.items()}
        elif dataclasses.is_dataclass(value):
            out = dataclasses.replace(
                value, **{f.name: walk(getattr(value, f.name)) for f in dataclasses.fields(value)}
            )
        else:
            raise TypeError(f"unexpected {type(value).__name__} in export data")
        memo[key] = out
        return out

    return walk(data)
