"""The service layer: the only code that talks to the review database.

`Store` is composed of parts, each a class holding the store (`store.reviews`,
`store.records`, `store.matching`, `store.annotations`, `store.findings`,
`store.escalations`, `store.names`, `store.timeline`, `store.workshop`, `store.uploads`,
`store.profiles`, `store.workflow`); the transactions, role checks and shared helpers are in
`base.StoreBase`. Callers use the parts (`store.findings.add_finding(...)`); the store itself
has no methods of the parts' own.

Every function takes the acting user (`Actor`; the command line passes LOCAL_OPERATOR),
checks the actor's role in the review on the server, and returns plain dicts or frozen
rows (findings, actions, escalations: `rows.py`). Every change
runs in one write transaction that first bumps the review's version counters (which also
serialises writers of one review: a row lock on PostgreSQL, BEGIN IMMEDIATE on SQLite), then
checks, changes and writes its audit entry; a failure rolls all of it back.
"""

from __future__ import annotations

from sqlalchemy import Engine

from .accounts import Accounts
from .annotations import Annotations
from .base import StoreBase, Versions, parse_period
from .decisions_extra import Workflow
from .deletion import Deletion
from .escalations import Escalations
from .findings import Findings
from .matching import Matching
from .names import Names
from .records import Records
from .reviews import Reviews
from .sessions import Sessions
from .throttle import Throttle
from .timeline_queries import TimelineReads
from .uploads import Profiles, Uploads
from .workshop import Workshop

__all__ = ["Store", "Versions", "parse_period"]


class Store(StoreBase):
    """Service functions over one database. Thread-safe: it holds no mutable state beyond
    the engine's connection pool; open one per process."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self.reviews = Reviews(self)
        self.records = Records(self)
        self.matching = Matching(self)
        self.annotations = Annotations(self)
        self.findings = Findings(self)
        self.escalations = Escalations(self)
        self.names = Names(self)
        self.timeline = TimelineReads(self)
        self.workshop = Workshop(self)
        self.uploads = Uploads(self)
        self.profiles = Profiles(self)
        self.workflow = Workflow(self)
        self.sessions = Sessions(self)
        self.throttle = Throttle(self)
        self.accounts = Accounts(self)
        self.deletion = Deletion(self)
