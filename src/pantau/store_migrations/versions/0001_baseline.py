"""Baseline: the schema create_all made before the store had migrations.

Written to match pantau.store's models as they were then, so a store created by create_all
is stamped with this revision and upgraded from it.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
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
        "alert_state",
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=True),
        sa.Column("last_sent_at", sa.DateTime(), nullable=True),
        sa.Column("last_reason", sa.String(length=32), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("source_id", "kind"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("source_id", sa.String(length=64), nullable=True),
        sa.Column("outlet", sa.String(length=128), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("published_iso", sa.String(length=40), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("byline", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("wire", sa.String(length=32), nullable=True),
        sa.Column("origin_outlet", sa.String(length=128), nullable=True),
        sa.Column("method", sa.String(length=64), nullable=False),
        sa.Column("raw_page_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("batch_day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_articles_day", "articles", ["day"])
    op.create_index("ix_articles_source_id", "articles", ["source_id"])
    op.create_table(
        "dedup_assignments",
        sa.Column("article_id", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("cluster", sa.String(length=40), nullable=False),
        sa.Column("story", sa.String(length=40), nullable=False),
        sa.Column("canonical", sa.Boolean(), nullable=False),
        sa.Column("method", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("matched_with", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("article_id"),
    )
    op.create_index("ix_dedup_cluster", "dedup_assignments", ["cluster"])
    op.create_index("ix_dedup_day", "dedup_assignments", ["day"])
    op.create_table(
        "dedup_signatures",
        sa.Column("article_id", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("fingerprint", sa.String(length=40), nullable=False),
        sa.Column("cluster", sa.String(length=40), nullable=False),
        sa.Column("story", sa.String(length=40), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("article_id"),
    )
    op.create_index("ix_dedup_signatures_day", "dedup_signatures", ["day"])
    op.create_table(
        "quality_runs",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("suite", sa.String(length=64), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.Column("critical_failures", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("day", "suite"),
    )
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("item", sa.String(length=2048), nullable=False),
        sa.Column("reason", sa.String(length=128), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("stage", "day", "item", "reason", name="uq_quarantine"),
    )
    op.create_index("ix_quarantine_day", "quarantine", ["day"])
    op.create_table(
        "raw_pages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("final_url", sa.String(length=2048), nullable=False),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("batch_day", sa.Date(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("headers", sa.JSON(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("body_z", sa.LargeBinary(), nullable=False),
        sa.Column("listed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("url", "content_hash", name="uq_raw_url_content"),
    )
    op.create_index("ix_raw_batch", "raw_pages", ["batch_day", "kind"])
    op.create_index("ix_raw_pages_source_id", "raw_pages", ["source_id"])
    op.create_table(
        "source_runs",
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("items_seen", sa.Integer(), nullable=False),
        sa.Column("new_items", sa.Integer(), nullable=False),
        sa.Column("failed_items", sa.Integer(), nullable=False),
        sa.Column("bytes_received", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=False),
        sa.Column("last_new_item_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("source_id", "day"),
    )
    op.create_table(
        "url_state",
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("etag", sa.String(length=512), nullable=True),
        sa.Column("last_modified", sa.String(length=128), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("url"),
    )


def downgrade() -> None:
    op.drop_table("url_state")
    op.drop_table("source_runs")
    op.drop_table("raw_pages")
    op.drop_table("quarantine")
    op.drop_table("quality_runs")
    op.drop_table("dedup_signatures")
    op.drop_table("dedup_assignments")
    op.drop_table("articles")
    op.drop_table("alert_state")
