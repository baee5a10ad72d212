"""shared state in the database: uploads, agency profiles, import counts, the workshop view

Revision ID: 0004_state_in_db
Revises: 0002_findings_names
Create Date: 2026-12-01

Adds: uploads (each uploaded file by its sha256, with its content, or the reason it was
refused), agency_profiles (saved column mappings), workshop_views (the facilitator's view,
one row per review with its own sequence), the import counts of source_files as columns,
and one version counter per kind of change on reviews.

Carries existing reviews over: uploads and profiles kept on disk under the data folder
(LRT_DATA_DIR, default data/) are read in, the counts are parsed once from the old import
summaries, the latest "workshop.view" audit entry becomes the review's view, and comments
starting "Point to raise: " become annotations of their own kind. The files on disk are
left where they are (a later clean-up may remove them); nothing is deleted.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0004_state_in_db"
down_revision = "0003_security"
branch_labels = None
depends_on = None

COUNTERS = ("records", "annotations", "findings", "setup", "workshop")
COUNTS = ("records_count", "need_review_count", "quarantined_count", "skipped_count")
_SUMMARY = re.compile(
    r"(\d+) rows read = (\d+) records \((\d+) need review\) \+ (\d+) quarantined"
    r" \+ (\d+) skipped"
)
POINT_PREFIX = "Point to raise: "


def _data_dir() -> Path:
    """The data folder whose uploads/ and profiles/ the database takes over (LRT_DATA_DIR)."""
    from timeline.settings import get_settings

    return get_settings().data_dir


def upgrade() -> None:
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        for kind in COUNTERS:
            batch_op.add_column(
                sa.Column(f"{kind}_version", sa.Integer(), nullable=False, server_default="0")
            )
    with op.batch_alter_table("source_files", schema=None) as batch_op:
        for name in COUNTS:
            batch_op.add_column(sa.Column(name, sa.Integer(), nullable=False, server_default="0"))

    op.create_table(
        "uploads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.Column("uploaded_by", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("headers", sa.JSON(), nullable=False),
        sa.Column("header_row", sa.Integer(), nullable=True),
        sa.Column("sheet", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("source_file_id", sa.Integer(), nullable=True),
        sa.Column("candidate_file_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["candidate_file_id"],
            ["source_files.id"],
            name=op.f("fk_uploads_candidate_file_id_source_files"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_uploads_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by"], ["users.id"], name=op.f("fk_uploads_uploaded_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["source_file_id"],
            ["source_files.id"],
            name=op.f("fk_uploads_source_file_id_source_files"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_uploads")),
        sa.UniqueConstraint("review_id", "sha256", name=op.f("uq_uploads_review_id_sha256")),
    )
    with op.batch_alter_table("uploads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_uploads_review_id"), ["review_id"], unique=False)
    op.create_table(
        "agency_profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("agency", sa.String(length=200), nullable=False),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_agency_profiles_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_agency_profiles_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_profiles")),
        sa.UniqueConstraint(
            "review_id", "agency", name=op.f("uq_agency_profiles_review_id_agency")
        ),
    )
    op.create_table(
        "workshop_views",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("view", sa.JSON(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("client_seq", sa.BigInteger(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_workshop_views_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_workshop_views_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("review_id", name=op.f("pk_workshop_views")),
    )
    _carry_over(op.get_bind())


def _carry_over(conn: sa.Connection) -> None:
    meta = sa.MetaData()
    reviews = sa.Table("reviews", meta, autoload_with=conn)
    files = sa.Table("source_files", meta, autoload_with=conn)
    uploads = sa.Table("uploads", meta, autoload_with=conn)
    profiles = sa.Table("agency_profiles", meta, autoload_with=conn)
    views = sa.Table("workshop_views", meta, autoload_with=conn)
    audit = sa.Table("audit_entries", meta, autoload_with=conn)
    annotations = sa.Table("annotations", meta, autoload_with=conn)
    now = sa.func.now()

    # Import counts, parsed once from the prose they were kept in.
    for fid, summary in conn.execute(sa.select(files.c.id, files.c.summary)).all():
        m = _SUMMARY.search(summary or "")
        if m:
            _rows, records, need, quarantined, skipped = (int(g) for g in m.groups())
            conn.execute(
                files.update()
                .where(files.c.id == fid)
                .values(
                    records_count=records,
                    need_review_count=need,
                    quarantined_count=quarantined,
                    skipped_count=skipped,
                )
            )

    data = _data_dir()
    review_ids = [r for (r,) in conn.execute(sa.select(reviews.c.id))]
    for rid in review_ids:
        # Uploads kept as <data>/uploads/review-<id>/<sha256><suffix>.
        folder = data / "uploads" / f"review-{rid}"
        current = conn.execute(
            sa.select(files.c.id, files.c.sha256, files.c.file_name, files.c.imported_by)
            .where(files.c.review_id == rid)
            .order_by(files.c.id)
        ).all()
        by_sha = {f.sha256: f for f in current}  # the latest file of that content
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                sha = path.name.split(".", 1)[0]
                if not path.is_file() or not re.fullmatch(r"[0-9a-f]{64}", sha):
                    continue
                f = by_sha.get(sha)
                content = path.read_bytes()
                conn.execute(
                    uploads.insert().values(
                        review_id=rid,
                        sha256=sha,
                        file_name=f.file_name if f else path.name,
                        size=len(content),
                        content=content,
                        uploaded_at=now,
                        uploaded_by=f.imported_by if f else None,
                        status="imported" if f else "refused",
                        reason="" if f else "kept from before this version; not imported",
                        headers=[],
                        header_row=None,
                        sheet="",
                        source_file_id=f.id if f else None,
                    )
                )
        # Profiles kept as <data>/profiles/review-<id>/<agency>.json.
        pfolder = data / "profiles" / f"review-{rid}"
        if pfolder.is_dir():
            seen: set[str] = set()
            for path in sorted(pfolder.glob("*.json")):
                try:
                    profile = json.loads(path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    continue  # unreadable then, unreadable now: it was never applied
                if not isinstance(profile, dict):
                    continue
                agency = str(profile.get("agency") or path.stem)
                if agency in seen:
                    continue
                seen.add(agency)
                conn.execute(
                    profiles.insert().values(
                        review_id=rid,
                        agency=agency,
                        profile=profile,
                        updated_at=now,
                        updated_by=None,
                        version=1,
                    )
                )
        # The workshop's view: the latest audit entry becomes the row.
        latest = conn.execute(
            sa.select(audit.c.after, audit.c.actor_user_id)
            .where(audit.c.review_id == rid, audit.c.action == "workshop.view")
            .order_by(audit.c.id.desc())
            .limit(1)
        ).first()
        if latest is not None:
            view = latest.after if isinstance(latest.after, dict) else json.loads(latest.after)
            moves = conn.scalar(
                sa.select(sa.func.count())
                .select_from(audit)
                .where(audit.c.review_id == rid, audit.c.action == "workshop.view")
            )
            conn.execute(
                views.insert().values(
                    review_id=rid,
                    view={k: v for k, v in view.items() if k != "seq"},
                    seq=moves,
                    client_seq=view.get("seq"),
                    updated_at=now,
                    updated_by=latest.actor_user_id,
                )
            )
            conn.execute(reviews.update().where(reviews.c.id == rid).values(workshop_version=moves))

    # Points to raise: their own kind of annotation, the prefix gone from the text.
    points = conn.execute(
        sa.select(annotations.c.id, annotations.c.text).where(
            annotations.c.kind == "comment", annotations.c.text.like(POINT_PREFIX + "%")
        )
    ).all()
    for aid, text in points:
        conn.execute(
            annotations.update()
            .where(annotations.c.id == aid)
            .values(kind="point_to_raise", text=text[len(POINT_PREFIX) :])
        )


def downgrade() -> None:
    conn = op.get_bind()
    meta = sa.MetaData()
    annotations = sa.Table("annotations", meta, autoload_with=conn)
    conn.execute(
        annotations.update()
        .where(annotations.c.kind == "point_to_raise")
        .values(kind="comment", text=sa.literal(POINT_PREFIX) + annotations.c.text)
    )
    op.drop_table("workshop_views")
    op.drop_table("agency_profiles")
    with op.batch_alter_table("uploads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_uploads_review_id"))
    op.drop_table("uploads")
    with op.batch_alter_table("source_files", schema=None) as batch_op:
        for name in COUNTS:
            batch_op.drop_column(name)
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        for kind in COUNTERS:
            batch_op.drop_column(f"{kind}_version")
