"""what the importer learns, kept as values: continuation rows, title block, agency
evidence, date order

Revision ID: 0005_import_details
Revises: 0004_state_in_db
Create Date: 2026-12-01

Adds to source_records: prov_continued_rows (the continuation rows joined to the entry;
its own row stays prov_row). Adds to source_files: title_block (the fields read above the
table), agency_evidence (why this agency), date_order / date_order_by / date_order_witness /
date_order_note (how the dates were read: "day-first" | "month-first" | "mixed", decided by
"content" | "profile" | "default", the date text that decided it, the note in words).

Carries existing imports over without reading any file again: a joined continuation row
left a "(row N)" entry in the record's raw cells, so those become prov_continued_rows; the
import summary (written by the same code for every file) gives the agency evidence, the
title block and the date-order note, from its "agency:", "title block:" and "dates in"
lines. What a summary does not say stays empty (never guessed): date_order "" means
"imported before this was recorded".
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0005_import_details"
down_revision = "0004_state_in_db"
branch_labels = None
depends_on = None

FILE_TEXT = ("agency_evidence", "date_order_note")
FILE_SHORT = (("date_order", 20), ("date_order_by", 20), ("date_order_witness", 200))
_JOINED = re.compile(r"^\(row (\d+)\)$")
_DATES = re.compile(r"^  dates in '(.*)': (.*)$")
_WITNESS = re.compile(r"'([^']+)' can only be")


def upgrade() -> None:
    with op.batch_alter_table("source_records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prov_continued_rows", sa.JSON(), nullable=True))
    with op.batch_alter_table("source_files", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title_block", sa.JSON(), nullable=True))
        for name in FILE_TEXT:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
        for name, length in FILE_SHORT:
            batch_op.add_column(
                sa.Column(name, sa.String(length=length), nullable=False, server_default="")
            )
    _carry_over(op.get_bind())


def _carry_over(conn) -> None:
    meta = sa.MetaData()
    records = sa.Table("source_records", meta, autoload_with=conn)
    files = sa.Table("source_files", meta, autoload_with=conn)
    updates = []
    for rid, raw in conn.execute(sa.select(records.c.id, records.c.prov_raw)):
        joined = sorted(int(m.group(1)) for key in (raw or {}) if (m := _JOINED.match(str(key))))
        if joined:
            updates.append({"rid": rid, "rows": joined})
    if updates:
        conn.execute(
            records.update()
            .where(records.c.id == sa.bindparam("rid"))
            .values(prov_continued_rows=sa.bindparam("rows")),
            updates,
        )
    for fid, summary in conn.execute(sa.select(files.c.id, files.c.summary)):
        values = read_summary(summary or "")
        if values:
            conn.execute(files.update().where(files.c.id == fid).values(**values))


def read_summary(summary: str) -> dict:
    """The values an import summary states (FileImport.summary's own line forms)."""
    out: dict = {}
    notes = []
    for line in summary.splitlines():
        if line.startswith("  agency: "):
            out["agency_evidence"] = line[len("  agency: ") :]
        elif line.startswith("  title block: "):
            block = {}
            for part in line[len("  title block: ") :].split("; "):
                key, sep, value = part.partition(": ")
                if sep and key and " " not in key:
                    block[key] = value
            if block:
                out["title_block"] = block
        elif m := _DATES.match(line):
            notes.append(m.group(2))
    if notes:
        note = "; ".join(notes)
        out["date_order_note"] = note
        if "as the agency profile says" in note:
            out["date_order_by"] = "profile"
            out["date_order"] = "month-first" if "month-first" in note else "day-first"
        elif note.startswith("read month-first"):
            out["date_order"], out["date_order_by"] = "month-first", "content"
        elif "dates readable both ways are flagged" in note:
            out["date_order"], out["date_order_by"] = "mixed", "content"
        if out.get("date_order_by") == "content" and (w := _WITNESS.search(note)):
            out["date_order_witness"] = w.group(1)[:200]
    return out


def downgrade() -> None:
    with op.batch_alter_table("source_files", schema=None) as batch_op:
        for name, _length in reversed(FILE_SHORT):
            batch_op.drop_column(name)
        for name in reversed(FILE_TEXT):
            batch_op.drop_column(name)
        batch_op.drop_column("title_block")
    with op.batch_alter_table("source_records", schema=None) as batch_op:
        batch_op.drop_column("prov_continued_rows")
