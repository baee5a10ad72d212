"""match runs keep their parameters; related records (a meeting's paperwork) are stored

Revision ID: 0006_match_runs
Revises: 0005_import_details
Create Date: 2026-12-01

Adds to match_runs the matcher's parameters (settings and the weights it used after
adapting to the review) and a digest of those weights (`weights_version`), and a table
match_relations: one row per record related to another event but not the same event (the
minutes received or the outcome letter of a meeting), by stable record ids, with the kind
of relation and the reason in words.

Carries existing reviews over: earlier runs keep their counts and queue, with empty
parameters and weights_version "" (they were not recorded); no relations exist until the
next matching run finds them.

Written in parallel with another 0005 revision: the lead re-chains down_revision at merge.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_match_runs"
down_revision = "0005_import_details"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("match_runs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("parameters", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )
        batch_op.add_column(
            sa.Column("weights_version", sa.String(length=40), nullable=False, server_default="")
        )
    op.create_table(
        "match_relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("related_record_id", sa.String(length=64), nullable=False),
        sa.Column("event_merged_id", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_match_relations_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["match_runs.id"],
            name=op.f("fk_match_relations_run_id_match_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_relations")),
    )
    with op.batch_alter_table("match_relations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_match_relations_review_id"), ["review_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_match_relations_run_id"), ["run_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("match_relations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_relations_run_id"))
        batch_op.drop_index(batch_op.f("ix_match_relations_review_id"))
    op.drop_table("match_relations")
    with op.batch_alter_table("match_runs", schema=None) as batch_op:
        batch_op.drop_column("weights_version")
        batch_op.drop_column("parameters")
