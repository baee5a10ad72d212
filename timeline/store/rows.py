"""What the findings and escalations parts return: frozen rows with real `date` and
`datetime` fields (never ISO strings), built from the ORM objects inside the transaction.

The audit trail keeps its own JSON-safe copies (`audit.row_snapshot`); these are for the
actions and screens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .schema import Action, Escalation, Finding


@dataclass(frozen=True)
class FindingRow:
    id: int
    review_id: int
    title: str
    text: str
    kind: str  # schema.FINDING_KINDS: "", good_practice, area_for_improvement
    kloe_ids: tuple[int, ...]
    event_ids: tuple[int, ...]
    episode_ids: tuple[int, ...]
    created_by: int | None
    created_at: datetime
    updated_at: datetime
    version: int

    @classmethod
    def of(cls, f: Finding) -> FindingRow:
        return cls(
            id=f.id,
            review_id=f.review_id,
            title=f.title,
            text=f.text or "",
            kind=f.kind or "",
            kloe_ids=tuple(k.id for k in f.kloes),
            event_ids=tuple(e.id for e in f.events),
            episode_ids=tuple(k.id for k in f.episodes),
            created_by=f.created_by,
            created_at=f.created_at,
            updated_at=f.updated_at,
            version=f.version,
        )


@dataclass(frozen=True)
class ActionRow:
    """An agreed action: owner subgroup, due date, status and monitoring notes."""

    id: int
    review_id: int
    finding_id: int | None
    text: str
    owner_subgroup: str
    due_date: date | None
    status: str  # schema.ACTION_STATUSES
    monitoring_notes: str
    created_at: datetime
    updated_at: datetime
    version: int

    @classmethod
    def of(cls, a: Action) -> ActionRow:
        return cls(
            id=a.id,
            review_id=a.review_id,
            finding_id=a.finding_id,
            text=a.text or "",
            owner_subgroup=a.owner_subgroup or "",
            due_date=a.due_date,
            status=a.status,
            monitoring_notes=a.monitoring_notes or "",
            created_at=a.created_at,
            updated_at=a.updated_at,
            version=a.version,
        )


@dataclass(frozen=True)
class EscalationRow:
    """An issue escalated: what, to whom and when."""

    id: int
    review_id: int
    finding_id: int | None
    text: str
    escalated_to: str
    escalated_on: date | None
    created_at: datetime
    updated_at: datetime
    version: int

    @classmethod
    def of(cls, e: Escalation) -> EscalationRow:
        return cls(
            id=e.id,
            review_id=e.review_id,
            finding_id=e.finding_id,
            text=e.text or "",
            escalated_to=e.escalated_to or "",
            escalated_on=e.escalated_on,
            created_at=e.created_at,
            updated_at=e.updated_at,
            version=e.version,
        )
