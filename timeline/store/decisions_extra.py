"""Store additions for the review workflow screens (`store.workflow`):

- `undo_decision`: withdraw a match decision (the queue's undo). The decision row goes (the
  audit keeps it); the caller re-runs matching so the events follow the remaining decisions.
- `replace_reading`: store a new reading of a file (a corrected mapping or agency). The import
  keeps an unchanged file as it is (same sha256), so a correction needs its own path: the
  old file is superseded by the new reading and its records not read again are withdrawn.
- `set_workshop_view` / `get_workshop_view`: the facilitator's current view in the
  workshop, which participants may follow (`store.workshop`: its own row and sequence).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import events
from .audit import row_snapshot
from .auth import IMPORT, MATCH, Actor
from .errors import NotFound
from .importing import apply_import
from .schema import MatchDecision, SourceFile

VIEW_KEYS = {"episode_id", "period", "event_id", "kloe_id", "label", "seq"}
WORKSHOP_VIEW = "workshop.view"


if TYPE_CHECKING:
    from .service import Store


class Workflow:
    """A part of the store (`store.workflow`)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def undo_decision(self, actor: Actor, review_id: int, decision_id: int) -> dict:
        """Withdraw one match decision of this review; returns the withdrawn decision."""
        with self._store._change(actor, review_id, MATCH, "decide merges") as tx:
            d = tx.session.get(MatchDecision, decision_id)
            if d is None or d.review_id != review_id:
                raise NotFound(f"no decision {decision_id} in review {review_id}")
            before = row_snapshot(d)
            tx.audit("match.undo", "match_decision", d.id, before, None)
            tx.session.delete(d)
            return before

    def replace_reading(
        self, actor: Actor, review_id: int, source_file_id: int, fi: Any, *, confirm: bool = False
    ) -> dict[str, Any]:
        """Store `fi` (a new reading of the file behind `source_file_id`: a corrected mapping
        or agency) in place of that file's reading, in one transaction. Like any replacement,
        NeedsConfirmation when it would yield no records or withdraw more than half of the
        file's (unless `confirm`)."""
        with self._store._change(actor, review_id, IMPORT, "import files") as tx:
            s = tx.session
            old = s.get(SourceFile, source_file_id)
            if old is None or old.review_id != review_id:
                raise NotFound(f"no file {source_file_id} in review {review_id}")
            result = apply_import(s, actor, review_id, fi, replaces=old.id, confirm=confirm)
            result["replaced_file_id"] = old.id
            result["new_events"] = events.ensure_singletons(s, review_id)
            tx.audit(
                "import.reimport",
                "source_file",
                result.get("source_file_id"),
                {"source_file_id": old.id},
                result,
            )
            return result

    def set_workshop_view(self, actor: Actor, review_id: int, view: dict) -> dict:
        """The facilitator moves the workshop on (see store.workshop.move)."""
        return self._store.workshop.move(actor, review_id, view)

    def get_workshop_view(self, actor: Actor, review_id: int) -> dict | None:
        """The facilitator's latest view, or None before the workshop starts."""
        return self._store.workshop.current(actor, review_id)
