"""The review's publication names list: names and identifiers with their replacements in
the publication copy ("Jade" -> "Mother"). Mixed into `Store`.

The list is read and saved as a whole, under one version number (`Review.names_version`):
a save made from a stale copy raises Conflict with the list as it is now, so two people
editing it never overwrite each other silently. Only those who may export (the lead
reviewer) read or change it: it is the key from the publication copy back to the people.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from timeline.export.pseudonymise import NamesList, NamesListError

from .auth import EXPORT, Actor, require
from .errors import Conflict, InvalidInput, no_review
from .schema import PublicationName, Review


def clean_names(rows: Iterable[Mapping[str, Any] | tuple[str, str]]) -> list[dict[str, str]]:
    """Rows as {"term", "replacement"}, trimmed, blank rows dropped; InvalidInput when a row
    lacks a term or a replacement, a term is listed twice, or a replacement holds a term."""
    out = []
    for row in rows:
        if isinstance(row, Mapping):
            term, repl = row.get("term"), row.get("replacement")
        else:
            term, repl = row
        term, repl = str(term or "").strip(), str(repl or "").strip()
        if term or repl:
            out.append({"term": term, "replacement": repl})
    try:
        NamesList((r["term"], r["replacement"]) for r in out)  # the exporter's own rules
    except NamesListError as exc:
        raise InvalidInput(str(exc)) from exc
    return out


def _rows(s: Session, review_id: int) -> list[dict[str, Any]]:
    q = (
        select(PublicationName)
        .where(PublicationName.review_id == review_id)
        .order_by(PublicationName.position, PublicationName.id)
    )
    return [{"id": n.id, "term": n.term, "replacement": n.replacement} for n in s.scalars(q)]


if TYPE_CHECKING:
    from .service import Store


class Names:
    """A part of the store (`store.names`)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def list_names(self, actor: Actor, review_id: int) -> dict[str, Any]:
        """{"version": n, "rows": [{"id", "term", "replacement"}, ...]} in the saved order;
        pass `version` back to `set_names`."""
        with self._store._read() as s:
            review = s.get(Review, review_id)
            if review is None:
                raise no_review(actor, review_id)
            require(actor, self._store._role(s, actor, review_id), EXPORT, "see the names list")
            return {"version": review.names_version, "rows": _rows(s, review_id)}

    def set_names(
        self,
        actor: Actor,
        review_id: int,
        rows: Iterable[Mapping[str, Any] | tuple[str, str]],
        expected_version: int,
    ) -> dict[str, Any]:
        """Replace the whole list (rows of term and replacement) read at `expected_version`;
        Conflict (with the current list) when someone saved it since. Audited without the
        names themselves: the audit log must not become a second copy of the key."""
        cleaned = clean_names(rows)
        with self._store._change(actor, review_id, EXPORT, "change the names list") as tx:
            s = tx.session
            review = s.get(Review, review_id, populate_existing=True)
            if review.names_version != expected_version:
                current = {"version": review.names_version, "rows": _rows(s, review_id)}
                raise Conflict(
                    f"the names list was changed by someone else (version "
                    f"{review.names_version}, you had {expected_version}); nothing was "
                    "overwritten",
                    current,
                )
            before = len(_rows(s, review_id))
            s.execute(delete(PublicationName).where(PublicationName.review_id == review_id))
            for i, r in enumerate(cleaned):
                s.add(PublicationName(review_id=review_id, position=i, **r))
            review.names_version = expected_version + 1
            s.flush()
            tx.audit(
                "names.set",
                "publication_names",
                review_id,
                {"rows": before, "version": expected_version},
                {"rows": len(cleaned), "version": review.names_version},
            )
            return {"version": review.names_version, "rows": _rows(s, review_id)}
