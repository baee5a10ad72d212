"""The workshop's current view (`store.workshop`): the facilitator's position, which
participants may follow. One row per review with its own sequence; a move bumps only the
review's "workshop" counter, so the timeline, preparation and findings screens of everyone
else do not redraw for it. The audit trail still shows how the workshop moved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .auth import READ, WORKSHOP, Actor, require
from .errors import InvalidInput, no_review
from .schema import Review, WorkshopView, utcnow

if TYPE_CHECKING:
    from .service import Store

VIEW_KEYS = {"episode_id", "period", "event_id", "kloe_id", "label", "seq"}


class Workshop:
    def __init__(self, store: Store) -> None:
        self._store = store

    def move(self, actor: Actor, review_id: int, view: dict) -> dict:
        """The facilitator moves the workshop on (to an episode, a period or an event).
        `seq` (the browser's move counter) keeps a late request from undoing a newer move
        when the facilitator presses keys faster than the server answers."""
        unknown = set(view) - VIEW_KEYS
        if unknown:
            raise InvalidInput(f"a workshop view has no {sorted(unknown)}")
        store = self._store
        with store._change(actor, review_id, WORKSHOP, "lead the workshop", "workshop") as tx:
            row = tx.session.get(WorkshopView, review_id)
            client = view.get("seq")
            if row is not None and client is not None and (row.client_seq or 0) >= client:
                return _with_seq(row)
            if row is None:
                row = WorkshopView(review_id=review_id, seq=0)
                tx.session.add(row)
            row.view = {k: v for k, v in view.items() if k != "seq"}
            row.client_seq = client
            row.seq = (row.seq or 0) + 1
            row.updated_at = utcnow()
            row.updated_by = actor.user_id
            tx.session.flush()
            tx.audit("workshop.view", "review", review_id, None, dict(view))
            return _with_seq(row)

    def current(self, actor: Actor, review_id: int) -> dict | None:
        """The facilitator's latest view (with the browser's `seq`), or None before the
        workshop starts."""
        store = self._store
        with store._read() as s:
            if s.get(Review, review_id) is None:
                raise no_review(actor, review_id)
            require(actor, store._role(s, actor, review_id), READ, "read")
            row = s.get(WorkshopView, review_id)
            return None if row is None else _with_seq(row)


def _with_seq(row: WorkshopView) -> dict:
    out = dict(row.view or {})
    if row.client_seq is not None:
        out["seq"] = row.client_seq
    return out
