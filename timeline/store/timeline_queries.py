"""Lean read queries for the shared timeline: only the columns the figure draws, so a
20,000-record review loads in one round trip and a few megabytes. Mixed into `Store`."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from sqlalchemy import String, select, type_coerce

from timeline.store.schema import (
    Agency,
    Annotation,
    EventMember,
    MergedEvent,
    SourceRecord,
    annotation_kloes,
)
from timeline.view import EventTags, Mark

if TYPE_CHECKING:
    from .service import Store


class TimelineReads:
    """A part of the store (`store.timeline`)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def timeline_marks(self, actor, review_id: int) -> list[Mark]:
        """Every current (not withdrawn) record of the review as a timeline mark."""
        return self._marks(actor, review_id, None)

    def event_marks(self, actor, event_id: int) -> list[Mark]:
        """The marks of one merged event (to patch a tag into a drawn figure)."""
        return self._marks(actor, self._store._review_of(MergedEvent, event_id), event_id)

    def _marks(self, actor, review_id: int, event_id: int | None) -> list[Mark]:
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            q = (
                select(
                    SourceRecord.id,
                    EventMember.event_id,
                    Agency.name,
                    # Read as they are stored and turned into dates below: SQLAlchemy's
                    # own conversion (and the ORM's row handling, skipped by running the
                    # query on the connection) cost more than the query on 20,000 rows.
                    type_coerce(SourceRecord.date_start, String),
                    type_coerce(SourceRecord.date_end, String),
                    SourceRecord.date_precision,
                    type_coerce(SourceRecord.date_time, String),
                    SourceRecord.description,
                    SourceRecord.outcome,
                    SourceRecord.status,
                )
                .join(Agency, Agency.id == SourceRecord.agency_id)
                .outerjoin(EventMember, EventMember.record_pk == SourceRecord.id)
                .where(SourceRecord.review_id == review_id, SourceRecord.status != "withdrawn")
                .order_by(SourceRecord.date_start, SourceRecord.id)
            )
            if event_id is not None:
                # One event's few members, found by the event's index: SQLite would
                # otherwise walk the review's 20,000 records (0.1 s, now about 0.01 s).
                members = select(EventMember.record_pk).where(EventMember.event_id == event_id)
                q = q.where(SourceRecord.id.in_(members.scalar_subquery()))
            rows = s.connection().execute(q).all()
        # A record not yet in any event stands alone (its own negative id, never clashing).
        days: dict = {}  # each stored day read once: a review's records share few days
        marks = []
        for pk, ev, agency, start, end, precision, t, desc, outcome, status in rows:
            a = days.get(start)
            if a is None:
                a = days[start] = _day(start)
            b = days.get(end)
            if b is None:
                b = days[end] = _day(end)
            marks.append(
                Mark(
                    pk,
                    ev if ev is not None else -pk,
                    agency,
                    a,
                    b,
                    precision,
                    None if t is None else _time(t),
                    desc or outcome,
                    status,
                )
            )
        return marks

    def event_tags(self, actor, review_id: int) -> dict[int, EventTags]:
        """Annotation kinds and KLOE per merged event (filters and tag markers)."""
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            tags: dict[int, EventTags] = {}
            for event_id, kind in s.execute(
                select(Annotation.event_id, Annotation.kind).where(
                    Annotation.review_id == review_id, Annotation.event_id.is_not(None)
                )
            ):
                # a point to raise is drawn as the comments are (as before it had its kind)
                kind = "comment" if kind == "point_to_raise" else kind
                tags.setdefault(event_id, EventTags()).kinds.add(kind)
            for event_id, kloe_id in s.execute(
                select(Annotation.event_id, annotation_kloes.c.kloe_id)
                .join(annotation_kloes, annotation_kloes.c.annotation_id == Annotation.id)
                .where(Annotation.review_id == review_id, Annotation.event_id.is_not(None))
            ):
                tags.setdefault(event_id, EventTags()).kloe_ids.add(kloe_id)
        return tags


def _day(value) -> date:
    """A stored day: SQLite gives its ISO text, PostgreSQL a date."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def _time(value) -> time:
    """A stored time of day: ISO text on SQLite, a time on PostgreSQL."""
    return value if isinstance(value, time) else time.fromisoformat(value)
