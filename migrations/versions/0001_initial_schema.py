"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=True),
        sa.Column("actor_user_id", sa.Integer(), nullable=True),
        sa.Column("actor_label", sa.String(length=320), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=100), nullable=False),
        sa.Column("object_type", sa.String(length=50), nullable=False),
        sa.Column("object_id", sa.String(length=100), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_user_id"], ["users.id"], name=op.f("fk_audit_entries_actor_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entries_review_id"), ["review_id"], unique=False)

    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("child_pseudonym", sa.String(length=200), nullable=False),
        sa.Column("child_dob", sa.Date(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_reviews_created_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "agencies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_agencies_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agencies")),
        sa.UniqueConstraint("review_id", "name", name=op.f("uq_agencies_review_id_name")),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_findings_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_findings_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    op.create_table(
        "key_practice_episodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_key_practice_episodes_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_practice_episodes")),
    )
    op.create_table(
        "kloes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_kloes_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kloes")),
        sa.UniqueConstraint("review_id", "number", name=op.f("uq_kloes_review_id_number")),
    )
    op.create_table(
        "match_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("record_ids", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_by_label", sa.String(length=320), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["users.id"], name=op.f("fk_match_decisions_decided_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_match_decisions_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_decisions")),
    )
    with op.batch_alter_table("match_decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_match_decisions_review_id"), ["review_id"], unique=False
        )

    op.create_table(
        "match_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("run_at", sa.DateTime(), nullable=False),
        sa.Column("run_by", sa.Integer(), nullable=True),
        sa.Column("run_by_label", sa.String(length=320), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("queue", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_match_runs_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["run_by"], ["users.id"], name=op.f("fk_match_runs_run_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_runs")),
    )
    with op.batch_alter_table("match_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_match_runs_review_id"), ["review_id"], unique=False)

    op.create_table(
        "merged_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("merged_id", sa.String(length=100), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_merged_events_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merged_events")),
        sa.UniqueConstraint(
            "review_id", "merged_id", name=op.f("uq_merged_events_review_id_merged_id")
        ),
    )
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner_subgroup", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["findings.id"],
            name=op.f("fk_actions_finding_id_findings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_actions_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
    )
    op.create_table(
        "annotations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("anchor_record_ids", sa.JSON(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("author_label", sa.String(length=320), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_annotations_author_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["merged_events.id"],
            name=op.f("fk_annotations_event_id_merged_events"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_annotations_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_annotations_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annotations")),
    )
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_annotations_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_annotations_review_id"), ["review_id"], unique=False)

    op.create_table(
        "finding_events",
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["merged_events.id"],
            name=op.f("fk_finding_events_event_id_merged_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["findings.id"],
            name=op.f("fk_finding_events_finding_id_findings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("finding_id", "event_id", name=op.f("pk_finding_events")),
    )
    op.create_table(
        "finding_kloes",
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("kloe_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["findings.id"],
            name=op.f("fk_finding_kloes_finding_id_findings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kloe_id"],
            ["kloes.id"],
            name=op.f("fk_finding_kloes_kloe_id_kloes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("finding_id", "kloe_id", name=op.f("pk_finding_kloes")),
    )
    op.create_table(
        "kpe_events",
        sa.Column("kpe_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["merged_events.id"],
            name=op.f("fk_kpe_events_event_id_merged_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kpe_id"],
            ["key_practice_episodes.id"],
            name=op.f("fk_kpe_events_kpe_id_key_practice_episodes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("kpe_id", "event_id", name=op.f("pk_kpe_events")),
    )
    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_memberships_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_memberships_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_memberships_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
        sa.UniqueConstraint("review_id", "user_id", name=op.f("uq_memberships_review_id_user_id")),
    )
    op.create_table(
        "source_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.Integer(), nullable=True),
        sa.Column("imported_by_label", sa.String(length=320), nullable=False),
        sa.Column("agency_source", sa.String(length=100), nullable=False),
        sa.Column("sheet", sa.String(length=200), nullable=False),
        sa.Column("header_row", sa.Integer(), nullable=True),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("columns", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_source_files_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["imported_by"], ["users.id"], name=op.f("fk_source_files_imported_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_source_files_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"],
            ["source_files.id"],
            name=op.f("fk_source_files_superseded_by_source_files"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_files")),
    )
    with op.batch_alter_table("source_files", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_files_review_id"), ["review_id"], unique=False)

    op.create_table(
        "annotation_kloes",
        sa.Column("annotation_id", sa.Integer(), nullable=False),
        sa.Column("kloe_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["annotation_id"],
            ["annotations.id"],
            name=op.f("fk_annotation_kloes_annotation_id_annotations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kloe_id"],
            ["kloes.id"],
            name=op.f("fk_annotation_kloes_kloe_id_kloes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("annotation_id", "kloe_id", name=op.f("pk_annotation_kloes")),
    )
    op.create_table(
        "quarantined_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("source_file_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("prov_file_name", sa.String(length=500), nullable=False),
        sa.Column("prov_file_sha256", sa.String(length=64), nullable=False),
        sa.Column("prov_sheet", sa.String(length=200), nullable=False),
        sa.Column("prov_row", sa.Integer(), nullable=False),
        sa.Column("prov_raw", sa.JSON(), nullable=False),
        sa.Column("issues", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_quarantined_rows_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_quarantined_rows_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_file_id"],
            ["source_files.id"],
            name=op.f("fk_quarantined_rows_source_file_id_source_files"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarantined_rows")),
    )
    with op.batch_alter_table("quarantined_rows", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_quarantined_rows_source_file_id"), ["source_file_id"], unique=False
        )

    op.create_table(
        "source_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("source_file_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.Column("date_precision", sa.String(length=20), nullable=False),
        sa.Column("date_approximate", sa.Boolean(), nullable=False),
        sa.Column("date_time", sa.Time(), nullable=True),
        sa.Column("date_alt_start", sa.Date(), nullable=True),
        sa.Column("date_alt_end", sa.Date(), nullable=True),
        sa.Column("date_note", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("practitioner", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("significance", sa.Text(), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("prov_file_name", sa.String(length=500), nullable=False),
        sa.Column("prov_file_sha256", sa.String(length=64), nullable=False),
        sa.Column("prov_sheet", sa.String(length=200), nullable=False),
        sa.Column("prov_row", sa.Integer(), nullable=False),
        sa.Column("prov_raw", sa.JSON(), nullable=False),
        sa.Column("issues", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_source_records_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_source_records_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_file_id"],
            ["source_files.id"],
            name=op.f("fk_source_records_source_file_id_source_files"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_records")),
        sa.UniqueConstraint(
            "review_id", "record_id", name=op.f("uq_source_records_review_id_record_id")
        ),
    )
    with op.batch_alter_table("source_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_source_records_agency_id"), ["agency_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_source_records_source_file_id"), ["source_file_id"], unique=False
        )

    op.create_table(
        "event_members",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("record_pk", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["merged_events.id"],
            name=op.f("fk_event_members_event_id_merged_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_pk"],
            ["source_records.id"],
            name=op.f("fk_event_members_record_pk_source_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "record_pk", name=op.f("pk_event_members")),
        sa.UniqueConstraint("record_pk", name=op.f("uq_event_members_record_pk")),
    )


def downgrade() -> None:
    op.drop_table("event_members")
    with op.batch_alter_table("source_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_records_source_file_id"))
        batch_op.drop_index(batch_op.f("ix_source_records_agency_id"))

    op.drop_table("source_records")
    with op.batch_alter_table("quarantined_rows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quarantined_rows_source_file_id"))

    op.drop_table("quarantined_rows")
    op.drop_table("annotation_kloes")
    with op.batch_alter_table("source_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_files_review_id"))

    op.drop_table("source_files")
    op.drop_table("memberships")
    op.drop_table("kpe_events")
    op.drop_table("finding_kloes")
    op.drop_table("finding_events")
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_annotations_review_id"))
        batch_op.drop_index(batch_op.f("ix_annotations_event_id"))

    op.drop_table("annotations")
    op.drop_table("actions")
    op.drop_table("merged_events")
    with op.batch_alter_table("match_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_runs_review_id"))

    op.drop_table("match_runs")
    with op.batch_alter_table("match_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_decisions_review_id"))

    op.drop_table("match_decisions")
    op.drop_table("kloes")
    op.drop_table("key_practice_episodes")
    op.drop_table("findings")
    op.drop_table("agencies")
    op.drop_table("reviews")
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entries_review_id"))

    op.drop_table("audit_entries")
    op.drop_table("users")
