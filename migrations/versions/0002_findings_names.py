"""findings, escalations, monitoring notes and the publication names list

Revision ID: 0002_findings_names
Revises: 0001
Create Date: 2026-11-26

Adds: findings.kind (good practice / area for improvement), finding_episodes (the key
practice episodes that evidence a finding), actions.monitoring_notes, escalations (issues
needing escalation: to whom and when), publication_names (the per-review names list of the
publication copy) and reviews.names_version (that list's optimistic-concurrency version).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_findings_names"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("names_version", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=30), nullable=False, server_default="")
        )
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("monitoring_notes", sa.Text(), nullable=False, server_default="")
        )

    op.create_table(
        "finding_episodes",
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["findings.id"],
            name=op.f("fk_finding_episodes_finding_id_findings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["key_practice_episodes.id"],
            name=op.f("fk_finding_episodes_episode_id_key_practice_episodes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("finding_id", "episode_id", name=op.f("pk_finding_episodes")),
    )
    op.create_table(
        "escalations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("escalated_to", sa.String(length=300), nullable=False),
        sa.Column("escalated_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["findings.id"],
            name=op.f("fk_escalations_finding_id_findings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_escalations_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalations")),
    )
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_escalations_review_id"), ["review_id"], unique=False)

    op.create_table(
        "publication_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=500), nullable=False),
        sa.Column("replacement", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_publication_names_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publication_names")),
    )
    with op.batch_alter_table("publication_names", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_publication_names_review_id"), ["review_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("publication_names", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_publication_names_review_id"))
    op.drop_table("publication_names")
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_escalations_review_id"))
    op.drop_table("escalations")
    op.drop_table("finding_episodes")
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_column("monitoring_notes")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_column("kind")
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_column("names_version")
