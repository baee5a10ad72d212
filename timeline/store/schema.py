"""SQLAlchemy 2 declarative models of a learning review.

Every table except `users` belongs to one review. Source records keep the stable
`record_id` that ingest derives from content, so a corrected re-import finds its rows again;
match decisions and annotation anchors refer to those stable ids, never to row numbers.
Timestamps are naive UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ROLES = ("lead", "facilitator", "participant", "observer")
RECORD_STATUSES = ("imported", "needs_review", "quarantined", "withdrawn")
DECISION_KINDS = ("same", "not_same", "remove")
ANNOTATION_KINDS = (
    "key_decision",
    "missed_opportunity",
    "good_practice",
    "needs_escalation",
    "key_practice_episode",
    "discrepancy",
    "reflection",
    "comment",
    "point_to_raise",  # a participant's point for the workshop (was a "comment" with a prefix)
)
# The kinds of change a screen may follow, each with its own counter on `reviews`: a
# facilitator's move bumps only "workshop", so screens that do not follow it never redraw.
CHANGE_KINDS = ("records", "annotations", "findings", "setup", "workshop")
UPLOAD_STATUSES = ("imported", "held", "refused")
ACTION_STATUSES = ("open", "in_progress", "done", "dropped")
# A key finding is either good practice or an area for improvement ("" while undecided).
FINDING_KINDS = ("", "good_practice", "area_for_improvement")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # NULL: the account cannot sign in until a password is set (restored accounts).
    password_hash: Mapped[str | None] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # "<issuer> <sub>" of the single sign-on identity first matched by email: a later
    # identity with the same email but another subject is refused (emails get reassigned).
    sso_subject: Mapped[str | None] = mapped_column(String(600))


class Review(Base):
    __tablename__ = "reviews"
    # Never reuse a deleted review's id: its audit trail is kept under that id.
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    child_pseudonym: Mapped[str] = mapped_column(String(200), default="")
    child_dob: Mapped[date | None] = mapped_column(Date)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    # Bumped in the same transaction as every change: browsers poll it to redraw.
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Version of the publication names list as a whole (it is saved as one list).
    names_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # One counter per kind of change (CHANGE_KINDS); `version` moves with all but "workshop".
    records_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    annotations_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    findings_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    setup_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    workshop_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # When the review's records are due for deletion (the home page warns as it nears).
    retain_until: Mapped[date | None] = mapped_column(Date)


class Membership(Base):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("review_id", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    role: Mapped[str] = mapped_column(String(20))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))


class Agency(Base):
    __tablename__ = "agencies"
    __table_args__ = (UniqueConstraint("review_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))


class SourceFile(Base):
    __tablename__ = "source_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    imported_by_label: Mapped[str] = mapped_column(String(320), default="")
    agency_source: Mapped[str] = mapped_column(String(100), default="")
    sheet: Mapped[str] = mapped_column(String(200), default="")
    header_row: Mapped[int | None] = mapped_column(Integer)
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    columns: Mapped[list[Any]] = mapped_column(default=list)
    summary: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[list[Any]] = mapped_column(default=list)
    # Set when a corrected file of the same agency replaced this one (kept for audit).
    superseded_by: Mapped[int | None] = mapped_column(ForeignKey("source_files.id"))
    # The import's counts (FileImport), as columns: never parsed back from `summary`.
    records_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    need_review_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    quarantined_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    skipped_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # What the importer learnt from the file (0005), as values: the title block's fields,
    # why this agency, and how the dates were read ("" when imported before 0005 and the
    # summary did not say).
    title_block: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=dict)
    agency_evidence: Mapped[str] = mapped_column(Text, default="", server_default="")
    date_order: Mapped[str] = mapped_column(String(20), default="", server_default="")
    date_order_by: Mapped[str] = mapped_column(String(20), default="", server_default="")
    date_order_witness: Mapped[str] = mapped_column(String(200), default="", server_default="")
    date_order_note: Mapped[str] = mapped_column(Text, default="", server_default="")


class Upload(Base):
    """An uploaded agency file, kept in the database by its content hash so that every app
    host can read it again (a corrected mapping, a replacement). A refused file stays listed
    with the reason, so it can be mapped and imported later."""

    __tablename__ = "uploads"
    __table_args__ = (UniqueConstraint("review_id", "sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(500))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(20), default="imported")  # UPLOAD_STATUSES
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # For a refused file: the header cells found (so the mapping editor can open on it).
    headers: Mapped[list[Any]] = mapped_column(default=list)
    header_row: Mapped[int | None] = mapped_column(Integer)
    sheet: Mapped[str] = mapped_column(String(200), default="", server_default="")
    source_file_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_files.id", ondelete="SET NULL")
    )
    # For a held file: the earlier file it looks like a new version of.
    candidate_file_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_files.id", ondelete="SET NULL")
    )


class AgencyProfileRow(Base):
    """An agency's saved column mapping (ingest.AgencyProfile as JSON), so the next file
    from that agency is read the same way on every app host."""

    __tablename__ = "agency_profiles"
    __table_args__ = (UniqueConstraint("review_id", "agency"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    agency: Mapped[str] = mapped_column(String(200))
    profile: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)


class WorkshopView(Base):
    """The facilitator's current view in the workshop (one row per review), which
    participants follow; `seq` is its own sequence, bumped by every move."""

    __tablename__ = "workshop_views"
    review_id: Mapped[int] = mapped_column(
        ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True
    )
    view: Mapped[dict[str, Any]] = mapped_column(default=dict)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    # The browser's move counter (a millisecond clock: beyond a 32-bit integer).
    client_seq: Mapped[int | None] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class SourceRecord(Base):
    __tablename__ = "source_records"
    __table_args__ = (UniqueConstraint("review_id", "record_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    record_id: Mapped[str] = mapped_column(String(64))  # ingest.records.stable_record_id
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    source_file_id: Mapped[int] = mapped_column(ForeignKey("source_files.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="imported")
    date_start: Mapped[date] = mapped_column(Date)
    date_end: Mapped[date] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(20))
    date_approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    date_time: Mapped[time | None] = mapped_column(Time)
    date_alt_start: Mapped[date | None] = mapped_column(Date)
    date_alt_end: Mapped[date | None] = mapped_column(Date)
    date_note: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    practitioner: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str] = mapped_column(Text, default="")
    significance: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prov_file_name: Mapped[str] = mapped_column(String(500))
    prov_file_sha256: Mapped[str] = mapped_column(String(64))
    prov_sheet: Mapped[str] = mapped_column(String(200), default="")
    prov_row: Mapped[int] = mapped_column(Integer)
    prov_raw: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # the continuation rows joined to this entry (its own row is prov_row), 0005
    prov_continued_rows: Mapped[list[Any] | None] = mapped_column(JSON, default=list)
    issues: Mapped[list[Any]] = mapped_column(default=list)


class QuarantinedRow(Base):
    __tablename__ = "quarantined_rows"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    source_file_id: Mapped[int] = mapped_column(ForeignKey("source_files.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    prov_file_name: Mapped[str] = mapped_column(String(500))
    prov_file_sha256: Mapped[str] = mapped_column(String(64))
    prov_sheet: Mapped[str] = mapped_column(String(200), default="")
    prov_row: Mapped[int] = mapped_column(Integer)
    prov_raw: Mapped[dict[str, Any]] = mapped_column(default=dict)
    issues: Mapped[list[Any]] = mapped_column(default=list)
    reason: Mapped[str] = mapped_column(Text, default="")


class MergedEvent(Base):
    __tablename__ = "merged_events"
    __table_args__ = (UniqueConstraint("review_id", "merged_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    merged_id: Mapped[str] = mapped_column(String(100))  # the matcher's id
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    evidence: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class EventMember(Base):
    """A source record's place in a merged event: a record is in at most one event."""

    __tablename__ = "event_members"
    event_id: Mapped[int] = mapped_column(
        ForeignKey("merged_events.id", ondelete="CASCADE"), primary_key=True
    )
    record_pk: Mapped[int] = mapped_column(
        ForeignKey("source_records.id", ondelete="CASCADE"), primary_key=True, unique=True
    )


class MatchDecision(Base):
    __tablename__ = "match_decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # same | not_same | remove
    record_ids: Mapped[list[Any]] = mapped_column()  # stable record ids, sorted
    note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_by_label: Mapped[str] = mapped_column(String(320), default="")
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class MatchRun(Base):
    """One run of the matcher: its counts and the review queue it left (most useful first)."""

    __tablename__ = "match_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    run_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    run_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    run_by_label: Mapped[str] = mapped_column(String(320), default="")
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    queue: Mapped[list[Any]] = mapped_column(default=list)
    # the matcher's settings and the weights it used (after adapting to the review), and
    # a short digest of those weights so two runs' models can be told apart at a glance
    parameters: Mapped[dict[str, Any]] = mapped_column(default=dict)
    weights_version: Mapped[str] = mapped_column(String(40), default="")


class MatchRelation(Base):
    """A record related to another event but not the same event (a meeting's minutes
    received, its outcome letter): `record_id` follows up `related_record_id`. Stable
    record ids, so the link survives events being replaced; the latest run's only."""

    __tablename__ = "match_relations"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("match_runs.id", ondelete="CASCADE"), index=True)
    record_id: Mapped[str] = mapped_column(String(64))  # the follow-up
    related_record_id: Mapped[str] = mapped_column(String(64))  # the record it is about
    event_merged_id: Mapped[str] = mapped_column(String(100), default="")  # as at the run
    kind: Mapped[str] = mapped_column(String(60))
    reason: Mapped[str] = mapped_column(Text, default="")


class Kloe(Base):
    __tablename__ = "kloes"
    __table_args__ = (UniqueConstraint("review_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)


annotation_kloes = Table(
    "annotation_kloes",
    Base.metadata,
    Column("annotation_id", ForeignKey("annotations.id", ondelete="CASCADE"), primary_key=True),
    Column("kloe_id", ForeignKey("kloes.id", ondelete="CASCADE"), primary_key=True),
)


class Annotation(Base):
    __tablename__ = "annotations"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    # NULL when re-matching left no event holding any of the anchor records.
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("merged_events.id", ondelete="SET NULL"), index=True
    )
    # The event's stable record ids when the annotation was made: re-matching re-attaches it.
    anchor_record_ids: Mapped[list[Any]] = mapped_column(default=list)
    kind: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    author_label: Mapped[str] = mapped_column(String(320), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)  # optimistic concurrency
    kloes: Mapped[list[Kloe]] = relationship(secondary=annotation_kloes, order_by=Kloe.id)


kpe_events = Table(
    "kpe_events",
    Base.metadata,
    Column("kpe_id", ForeignKey("key_practice_episodes.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", ForeignKey("merged_events.id", ondelete="CASCADE"), primary_key=True),
)


class KeyPracticeEpisode(Base):
    __tablename__ = "key_practice_episodes"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    events: Mapped[list[MergedEvent]] = relationship(secondary=kpe_events, order_by=MergedEvent.id)


finding_kloes = Table(
    "finding_kloes",
    Base.metadata,
    Column("finding_id", ForeignKey("findings.id", ondelete="CASCADE"), primary_key=True),
    Column("kloe_id", ForeignKey("kloes.id", ondelete="CASCADE"), primary_key=True),
)
finding_events = Table(
    "finding_events",
    Base.metadata,
    Column("finding_id", ForeignKey("findings.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", ForeignKey("merged_events.id", ondelete="CASCADE"), primary_key=True),
)
finding_episodes = Table(
    "finding_episodes",
    Base.metadata,
    Column("finding_id", ForeignKey("findings.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "episode_id", ForeignKey("key_practice_episodes.id", ondelete="CASCADE"), primary_key=True
    ),
)


class Finding(Base):
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text, default="")
    # FINDING_KINDS: good practice or an area for improvement.
    kind: Mapped[str] = mapped_column(String(30), default="", server_default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    kloes: Mapped[list[Kloe]] = relationship(secondary=finding_kloes, order_by=Kloe.id)
    events: Mapped[list[MergedEvent]] = relationship(
        secondary=finding_events, order_by=MergedEvent.id
    )
    episodes: Mapped[list[KeyPracticeEpisode]] = relationship(
        secondary=finding_episodes, order_by=KeyPracticeEpisode.id
    )


class Action(Base):
    __tablename__ = "actions"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    finding_id: Mapped[int | None] = mapped_column(ForeignKey("findings.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    owner_subgroup: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    monitoring_notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Escalation(Base):
    """An issue needing escalation or urgent action: to whom it went and when."""

    __tablename__ = "escalations"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    finding_id: Mapped[int | None] = mapped_column(ForeignKey("findings.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    escalated_to: Mapped[str] = mapped_column(String(300), default="")
    escalated_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)


class PublicationName(Base):
    """One row of a review's names list: a name or identifier and its replacement in the
    publication copy. The list is saved as a whole (`Review.names_version`)."""

    __tablename__ = "publication_names"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    term: Mapped[str] = mapped_column(String(500))
    replacement: Mapped[str] = mapped_column(String(500))


class AuditEntry(Base):
    """Append-only: the service layer has no function that edits or deletes these rows.

    `review_id` has no foreign key on purpose: the trail outlives a deleted review.
    """

    __tablename__ = "audit_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int | None] = mapped_column(Integer, index=True)
    actor_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_label: Mapped[str] = mapped_column(String(320))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(100))
    object_type: Mapped[str] = mapped_column(String(50))
    object_id: Mapped[str] = mapped_column(String(100), default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


# ---------------------------------------------------------------- sign-in and sessions


class UserSession(Base):
    """One signed-in browser. The cookie carries a random token; only its SHA-256 is kept,
    so a copy of the database opens no session. Checked on every request."""

    __tablename__ = "user_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(20), default="password")  # password | oidc
    client: Mapped[str] = mapped_column(String(100), default="")  # address at sign-in
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_reason: Mapped[str] = mapped_column(String(100), default="")


class SignInFailure(Base):
    """A failed (or still running) sign-in attempt, counted per account and per client
    address by every worker: the database is the one store they share."""

    __tablename__ = "sign_in_failures"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    account: Mapped[str] = mapped_column(String(320), index=True)  # the email as typed
    client: Mapped[str] = mapped_column(String(100), index=True)
