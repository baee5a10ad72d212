"""The service layer: the only code that talks to the review database.

`Store` is composed of parts, each a class holding the store (`store.reviews`,
`store.records`, `store.matching`, `store.annotations`, `store.findings`,
`store.escalations`, `store.names`, `store.timeline`, `store.workshop`, `store.uploads`,
`store.profiles`, `store.workflow`); the transactions, role checks and shared helpers are in
`base.StoreBase`. The methods below keep the store's established API: each hands its
arguments to the part that does the work.

Every function takes the acting user (`Actor`; the command line passes LOCAL_OPERATOR),
checks the actor's role in the review on the server, and returns plain dicts. Every change
runs in one write transaction that first bumps the review's version counters (which also
serialises writers of one review: a row lock on PostgreSQL, BEGIN IMMEDIATE on SQLite), then
checks, changes and writes its audit entry; a failure rolls all of it back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from .accounts import Accounts
from .annotations import Annotations
from .base import StoreBase, Versions, parse_period, read_kloe_csv
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

__all__ = ["Store", "Versions", "parse_period", "read_kloe_csv"]


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

    # -- the established API, handed to the parts -------------------------------------

    def create_user(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.create_user(*args, **kwargs)

    def set_password(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.set_password(*args, **kwargs)

    def authenticate(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.authenticate(*args, **kwargs)

    def get_user(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.get_user(*args, **kwargs)

    def actor(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.actor(*args, **kwargs)

    def create_review(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.create_review(*args, **kwargs)

    def list_reviews(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.list_reviews(*args, **kwargs)

    def get_review(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.get_review(*args, **kwargs)

    def review_versions(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.review_versions(*args, **kwargs)

    def review_version(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.review_version(*args, **kwargs)

    def role_in(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.role_in(*args, **kwargs)

    def may(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.may(*args, **kwargs)

    def update_review(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.update_review(*args, **kwargs)

    def delete_review(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.delete_review(*args, **kwargs)

    def add_member(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.add_member(*args, **kwargs)

    def remove_member(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.remove_member(*args, **kwargs)

    def list_members(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.list_members(*args, **kwargs)

    def list_kloes(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.list_kloes(*args, **kwargs)

    def add_kloe(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.add_kloe(*args, **kwargs)

    def update_kloe(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.update_kloe(*args, **kwargs)

    def delete_kloe(self, *args: Any, **kwargs: Any) -> Any:
        return self.reviews.delete_kloe(*args, **kwargs)

    def import_results(self, *args: Any, **kwargs: Any) -> Any:
        return self.records.import_results(*args, **kwargs)

    def list_source_files(self, *args: Any, **kwargs: Any) -> Any:
        return self.records.list_source_files(*args, **kwargs)

    def list_agencies(self, *args: Any, **kwargs: Any) -> Any:
        return self.records.list_agencies(*args, **kwargs)

    def list_records(self, *args: Any, **kwargs: Any) -> Any:
        return self.records.list_records(*args, **kwargs)

    def list_quarantined(self, *args: Any, **kwargs: Any) -> Any:
        return self.records.list_quarantined(*args, **kwargs)

    def list_events(self, *args: Any, **kwargs: Any) -> Any:
        return self.records.list_events(*args, **kwargs)

    def get_event(self, *args: Any, **kwargs: Any) -> Any:
        return self.records.get_event(*args, **kwargs)

    def list_relations(self, *args: Any, **kwargs: Any) -> Any:
        return self.records.list_relations(*args, **kwargs)

    def latest_match_run(self, *args: Any, **kwargs: Any) -> Any:
        return self.records.latest_match_run(*args, **kwargs)

    def record_decision(self, *args: Any, **kwargs: Any) -> Any:
        return self.records.record_decision(*args, **kwargs)

    def list_decisions(self, *args: Any, **kwargs: Any) -> Any:
        return self.records.list_decisions(*args, **kwargs)

    def store_match_result(self, *args: Any, **kwargs: Any) -> Any:
        return self.records.store_match_result(*args, **kwargs)

    def run_matching(self, *args: Any, **kwargs: Any) -> Any:
        return self.records.run_matching(*args, **kwargs)

    def match_queue(self, *args: Any, **kwargs: Any) -> Any:
        return self.records.match_queue(*args, **kwargs)

    def add_annotation(self, *args: Any, **kwargs: Any) -> Any:
        return self.annotations.add_annotation(*args, **kwargs)

    def save_reflection(self, *args: Any, **kwargs: Any) -> Any:
        return self.annotations.save_reflection(*args, **kwargs)

    def update_annotation(self, *args: Any, **kwargs: Any) -> Any:
        return self.annotations.update_annotation(*args, **kwargs)

    def delete_annotation(self, *args: Any, **kwargs: Any) -> Any:
        return self.annotations.delete_annotation(*args, **kwargs)

    def get_annotation(self, *args: Any, **kwargs: Any) -> Any:
        return self.annotations.get_annotation(*args, **kwargs)

    def list_annotations(self, *args: Any, **kwargs: Any) -> Any:
        return self.annotations.list_annotations(*args, **kwargs)

    def annotations_by_event(self, *args: Any, **kwargs: Any) -> Any:
        return self.annotations.annotations_by_event(*args, **kwargs)

    def add_episode(self, *args: Any, **kwargs: Any) -> Any:
        return self.annotations.add_episode(*args, **kwargs)

    def update_episode(self, *args: Any, **kwargs: Any) -> Any:
        return self.annotations.update_episode(*args, **kwargs)

    def delete_episode(self, *args: Any, **kwargs: Any) -> Any:
        return self.annotations.delete_episode(*args, **kwargs)

    def list_episodes(self, *args: Any, **kwargs: Any) -> Any:
        return self.annotations.list_episodes(*args, **kwargs)

    def add_finding(self, *args: Any, **kwargs: Any) -> Any:
        return self.findings.add_finding(*args, **kwargs)

    def update_finding(self, *args: Any, **kwargs: Any) -> Any:
        return self.findings.update_finding(*args, **kwargs)

    def delete_finding(self, *args: Any, **kwargs: Any) -> Any:
        return self.findings.delete_finding(*args, **kwargs)

    def list_findings(self, *args: Any, **kwargs: Any) -> Any:
        return self.findings.list_findings(*args, **kwargs)

    def add_action(self, *args: Any, **kwargs: Any) -> Any:
        return self.findings.add_action(*args, **kwargs)

    def update_action(self, *args: Any, **kwargs: Any) -> Any:
        return self.findings.update_action(*args, **kwargs)

    def delete_action(self, *args: Any, **kwargs: Any) -> Any:
        return self.findings.delete_action(*args, **kwargs)

    def list_actions(self, *args: Any, **kwargs: Any) -> Any:
        return self.findings.list_actions(*args, **kwargs)

    def record_export(self, *args: Any, **kwargs: Any) -> Any:
        return self.findings.record_export(*args, **kwargs)

    def audit_log(self, *args: Any, **kwargs: Any) -> Any:
        return self.findings.audit_log(*args, **kwargs)

    def count(self, *args: Any, **kwargs: Any) -> Any:
        return self.findings.count(*args, **kwargs)

    def timeline_marks(self, *args: Any, **kwargs: Any) -> Any:
        return self.timeline.timeline_marks(*args, **kwargs)

    def event_marks(self, *args: Any, **kwargs: Any) -> Any:
        return self.timeline.event_marks(*args, **kwargs)

    def event_tags(self, *args: Any, **kwargs: Any) -> Any:
        return self.timeline.event_tags(*args, **kwargs)

    def list_names(self, *args: Any, **kwargs: Any) -> Any:
        return self.names.list_names(*args, **kwargs)

    def set_names(self, *args: Any, **kwargs: Any) -> Any:
        return self.names.set_names(*args, **kwargs)

    def add_escalation(self, *args: Any, **kwargs: Any) -> Any:
        return self.escalations.add_escalation(*args, **kwargs)

    def update_escalation(self, *args: Any, **kwargs: Any) -> Any:
        return self.escalations.update_escalation(*args, **kwargs)

    def delete_escalation(self, *args: Any, **kwargs: Any) -> Any:
        return self.escalations.delete_escalation(*args, **kwargs)

    def list_escalations(self, *args: Any, **kwargs: Any) -> Any:
        return self.escalations.list_escalations(*args, **kwargs)

    def undo_decision(self, *args: Any, **kwargs: Any) -> Any:
        return self.workflow.undo_decision(*args, **kwargs)

    def replace_reading(self, *args: Any, **kwargs: Any) -> Any:
        return self.workflow.replace_reading(*args, **kwargs)

    def set_workshop_view(self, *args: Any, **kwargs: Any) -> Any:
        return self.workflow.set_workshop_view(*args, **kwargs)

    def get_workshop_view(self, *args: Any, **kwargs: Any) -> Any:
        return self.workflow.get_workshop_view(*args, **kwargs)
