"""Store additions for the review workflow screens, mixed into `Store`:

- `undo_decision`: withdraw a match decision (the queue's undo). The decision row goes (the
  audit keeps it); the caller re-runs matching so the events follow the remaining decisions.
- `reimport_file`: read a file again with a corrected mapping or agency. The ordinary import
  keeps an unchanged file as it is (same sha256), so a correction needs its own path: the
  old file is superseded by the new reading and its records not read again are withdrawn.
- `set_workshop_view` / `get_workshop_view`: the facilitator's current view in the
  workshop, which participants may follow. Kept as audit entries ("workshop.view"): the
  latest is the current view, and the trail shows how the workshop moved (no schema change).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import events
from .audit import row_snapshot
from .auth import IMPORT, MATCH, Actor
from .errors import NotFound, PermissionDenied
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

    def reimport_file(
        self,
        actor: Actor,
        review_id: int,
        source_file_id: int,
        path: str | Path,
        *,
        profile: Any = None,  # ingest.AgencyProfile
        agency: str | None = None,
        display_name: str | None = None,
        confirm: bool = False,
    ) -> dict[str, Any]:
        """Read `path` (the file behind `source_file_id`) again and replace that file's
        reading; IngestError (naming the file) when it cannot be read, nothing changed.
        Like any replacement, NeedsConfirmation when it would yield no records or withdraw
        more than half of the file's (unless `confirm`)."""
        import ingest

        review = self._store.get_review(actor, review_id)
        if not self._store.may(actor, review_id, IMPORT):  # before the file is read at all
            raise PermissionDenied(f"a {review['role']} may not import files ({actor.label})")
        period = None
        if review["period_start"] and review["period_end"]:
            period = (review["period_start"], review["period_end"])
        fi = ingest.import_file(
            Path(path), agency=agency, profile=profile, period=period, display_name=display_name
        )
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
