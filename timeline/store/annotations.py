"""Annotations, reflections and key practice episodes (`store.annotations`).

A part of the store: it holds the store and runs in its transactions
(`Store._change`, `Store._read`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from .auth import (
    ANNOTATE,
    MODERATE,
    WORKSHOP,
    Actor,
    may,
)
from .base import (
    _annotation_dict,
    _kpe_dict,
    _Tx,
)
from .errors import Conflict, InvalidInput, NotFound, PermissionDenied
from .schema import (
    ANNOTATION_KINDS,
    Annotation,
    EventMember,
    KeyPracticeEpisode,
    MergedEvent,
    SourceRecord,
    utcnow,
)

if TYPE_CHECKING:
    from .service import Store


ANY_VERSION: Any = object()  # "save whatever version is there" (no check)


class Annotations:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add_annotation(
        self,
        actor: Actor,
        event_id: int,
        kind: str,
        text: str = "",
        kloe_ids: Iterable[int] = (),
    ) -> dict[str, Any]:
        if kind not in ANNOTATION_KINDS:
            raise InvalidInput(f"annotation kind must be one of {', '.join(ANNOTATION_KINDS)}")
        review_id = self._store._review_of(MergedEvent, event_id)
        with self._store._change(actor, review_id, ANNOTATE, "annotate") as tx:
            a = self._new_annotation(tx, event_id, kind, text, kloe_ids)
            return _annotation_dict(a)

    def _new_annotation(
        self, tx: _Tx, event_id: int, kind: str, text: str, kloe_ids: Iterable[int] = ()
    ) -> Annotation:
        s, review_id, actor = tx.session, tx.review_id, tx.actor
        if s.get(MergedEvent, event_id) is None:
            raise Conflict("this event was replaced while you wrote; choose it again", None)
        anchors = list(
            s.scalars(
                select(SourceRecord.record_id)
                .join(EventMember, EventMember.record_pk == SourceRecord.id)
                .where(EventMember.event_id == event_id)
                .order_by(SourceRecord.record_id)
            )
        )
        now = utcnow()
        a = Annotation(
            review_id=review_id,
            event_id=event_id,
            anchor_record_ids=anchors,
            kind=kind,
            text=text,
            author_id=actor.user_id,
            author_label=actor.label,
            created_at=now,
            updated_at=now,
            updated_by=actor.user_id,
            version=1,
            kloes=self._store._kloes_of(s, review_id, kloe_ids),
        )
        s.add(a)
        s.flush()
        tx.audit("annotation.add", "annotation", a.id, None, _annotation_dict(a))
        return a

    def save_reflection(
        self, actor: Actor, event_id: int, text: str, *, expected_version: Any = ANY_VERSION
    ) -> dict[str, Any]:
        """The actor's reflection on an event, added or updated in one transaction (the
        lookup runs under the review's write lock, so two tabs never make two).

        `expected_version`: the version of the reflection the writer started from (None: they
        saw none). When the saved one differs, Conflict with it and nothing saved. Left out,
        the text is saved whatever is there (the command line, the sample loader)."""
        review_id = self._store._review_of(MergedEvent, event_id)
        with self._store._change(actor, review_id, ANNOTATE, "annotate") as tx:
            mine = tx.session.scalars(
                select(Annotation)
                .where(
                    Annotation.review_id == review_id,
                    Annotation.event_id == event_id,
                    Annotation.kind == "reflection",
                    Annotation.author_id == actor.user_id
                    if actor.user_id is not None
                    else Annotation.author_id.is_(None),
                )
                .order_by(Annotation.id.desc())
            ).first()
            if expected_version is not ANY_VERSION:
                now = None if mine is None else mine.version
                if now != expected_version:
                    raise Conflict(
                        "your reflection was changed elsewhere (another tab or device) since "
                        "you began; nothing was overwritten",
                        None if mine is None else _annotation_dict(mine),
                    )
            if mine is None:
                return _annotation_dict(self._new_annotation(tx, event_id, "reflection", text))
            before = _annotation_dict(mine)
            mine.text = text
            mine.version += 1
            mine.updated_at = utcnow()
            mine.updated_by = actor.user_id
            tx.session.flush()
            after = _annotation_dict(mine)
            tx.audit("annotation.update", "annotation", mine.id, before, after)
            return after

    def _may_touch(self, tx: _Tx, a: Annotation) -> None:
        if tx.actor.is_operator or may(tx.role, MODERATE):
            return
        if a.author_id is not None and a.author_id == tx.actor.user_id:
            return
        raise PermissionDenied(f"a {tx.role} may change only their own annotations")

    def update_annotation(
        self,
        actor: Actor,
        annotation_id: int,
        expected_version: int,
        *,
        kind: str | None = None,
        text: str | None = None,
        kloe_ids: Iterable[int] | None = None,
    ) -> dict[str, Any]:
        """Change an annotation read at `expected_version`; Conflict (with the current row)
        when someone changed or deleted it since."""
        if kind is not None and kind not in ANNOTATION_KINDS:
            raise InvalidInput(f"annotation kind must be one of {', '.join(ANNOTATION_KINDS)}")
        review_id = self._store._review_of(Annotation, annotation_id, versioned=True)
        with self._store._change(actor, review_id, ANNOTATE, "annotate") as tx:
            a = self._store._current(
                tx.session, Annotation, annotation_id, expected_version, _annotation_dict
            )
            self._may_touch(tx, a)
            before = _annotation_dict(a)
            if kind is not None:
                a.kind = kind
            if text is not None:
                a.text = text
            if kloe_ids is not None:
                a.kloes = self._store._kloes_of(tx.session, review_id, kloe_ids)
            a.version += 1
            a.updated_at = utcnow()
            a.updated_by = actor.user_id
            tx.session.flush()
            after = _annotation_dict(a)
            tx.audit("annotation.update", "annotation", a.id, before, after)
            return after

    def delete_annotation(self, actor: Actor, annotation_id: int, expected_version: int) -> None:
        review_id = self._store._review_of(Annotation, annotation_id, versioned=True)
        with self._store._change(actor, review_id, ANNOTATE, "annotate") as tx:
            a = self._store._current(
                tx.session, Annotation, annotation_id, expected_version, _annotation_dict
            )
            self._may_touch(tx, a)
            tx.audit("annotation.delete", "annotation", a.id, _annotation_dict(a), None)
            tx.session.delete(a)

    def get_annotation(self, actor: Actor, annotation_id: int) -> dict[str, Any]:
        review_id = self._store._review_of(Annotation, annotation_id)
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            a = s.get(Annotation, annotation_id)
            if a is None:
                raise NotFound(f"no annotation {annotation_id}")
            return _annotation_dict(a)

    def list_annotations(
        self, actor: Actor, review_id: int, *, event_id: int | None = None
    ) -> list[dict[str, Any]]:
        """Annotations of the review (or of one event); `event_id` None in a row means
        re-matching left none of its records in any event."""
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            q = select(Annotation).where(Annotation.review_id == review_id)
            if event_id is not None:
                q = q.where(Annotation.event_id == event_id)
            return [_annotation_dict(a) for a in s.scalars(q.order_by(Annotation.id))]

    def annotations_by_event(self, actor: Actor, review_id: int) -> dict[int | None, list[dict]]:
        out: dict[int | None, list[dict]] = {}
        for a in self.list_annotations(actor, review_id):
            out.setdefault(a["event_id"], []).append(a)
        return out

    def add_episode(
        self,
        actor: Actor,
        review_id: int,
        title: str,
        *,
        description: str = "",
        date_start: date | None = None,
        date_end: date | None = None,
        event_ids: Iterable[int] = (),
    ) -> dict[str, Any]:
        with self._store._change(actor, review_id, WORKSHOP, "edit key practice episodes") as tx:
            k = KeyPracticeEpisode(
                review_id=review_id,
                title=title,
                description=description,
                date_start=date_start,
                date_end=date_end,
                events=self._store._events_of(tx.session, review_id, event_ids),
            )
            tx.session.add(k)
            tx.session.flush()
            tx.audit("episode.add", "key_practice_episode", k.id, None, _kpe_dict(k))
            return _kpe_dict(k)

    def update_episode(
        self, actor: Actor, episode_id: int, expected_version: int, **fields: Any
    ) -> dict[str, Any]:
        unknown = set(fields) - {"title", "description", "date_start", "date_end", "event_ids"}
        if unknown:
            raise InvalidInput(f"cannot change {sorted(unknown)}")
        review_id = self._store._review_of(KeyPracticeEpisode, episode_id, versioned=True)
        with self._store._change(actor, review_id, WORKSHOP, "edit key practice episodes") as tx:
            k = self._store._current(
                tx.session, KeyPracticeEpisode, episode_id, expected_version, _kpe_dict
            )
            before = _kpe_dict(k)
            for key, value in fields.items():
                if key == "event_ids":
                    k.events = self._store._events_of(tx.session, review_id, value)
                else:
                    setattr(k, key, value)
            k.version += 1
            tx.session.flush()
            tx.audit("episode.update", "key_practice_episode", k.id, before, _kpe_dict(k))
            return _kpe_dict(k)

    def delete_episode(self, actor: Actor, episode_id: int, expected_version: int) -> None:
        review_id = self._store._review_of(KeyPracticeEpisode, episode_id, versioned=True)
        with self._store._change(actor, review_id, WORKSHOP, "edit key practice episodes") as tx:
            k = self._store._current(
                tx.session, KeyPracticeEpisode, episode_id, expected_version, _kpe_dict
            )
            tx.audit("episode.delete", "key_practice_episode", k.id, _kpe_dict(k), None)
            tx.session.delete(k)

    def list_episodes(self, actor: Actor, review_id: int) -> list[dict[str, Any]]:
        with self._store._read() as s:
            self._store._check_read(s, actor, review_id)
            q = select(KeyPracticeEpisode).where(KeyPracticeEpisode.review_id == review_id)
            return [_kpe_dict(k) for k in s.scalars(q.order_by(KeyPracticeEpisode.id))]
