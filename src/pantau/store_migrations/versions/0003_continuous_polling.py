"""Continuous polling and a hostile web: one row per poll, feed listings and cadence for gaps and
adaptive intervals, the day's poll sums, when a page was parsed, deferred sources, 64-bit byte counts;
and the evidence behind each dedup link.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_polls",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("source_id", sa.String(64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(32), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("items_seen", sa.Integer(), nullable=False),
        sa.Column("new_items", sa.Integer(), nullable=False),
        sa.Column("failed_items", sa.Integer(), nullable=False),
        sa.Column("bytes_received", sa.BigInteger(), nullable=False),
        sa.Column("gap", sa.Boolean(), nullable=False),
        sa.Column("lost_estimate", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_source_polls_day", "source_polls", ["day"])
    op.create_index("ix_source_polls_source_started", "source_polls", ["source_id", "started_at"])
    op.create_table(
        "feed_listings",
        sa.Column("url", sa.String(2048), primary_key=True),
        sa.Column("source_id", sa.String(64), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("listed_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "source_cadence",
        sa.Column("source_id", sa.String(64), primary_key=True),
        sa.Column("interval_minutes", sa.Integer(), nullable=False),
        sa.Column("next_due_at", sa.DateTime(), nullable=False),
        sa.Column("last_polled_at", sa.DateTime(), nullable=True),
        sa.Column("quiet_polls", sa.Integer(), nullable=False),
    )
    # batch mode: SQLite alters a column's type by copying the table
    with op.batch_alter_table("source_runs") as table:
        table.add_column(sa.Column("deferred_until", sa.DateTime(), nullable=True))
        table.alter_column("bytes_received", type_=sa.BigInteger(), existing_type=sa.Integer())
        for counter in ("polls_ok", "polls_failed", "gaps", "lost_estimate"):
            table.add_column(sa.Column(counter, sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("raw_pages") as table:
        table.add_column(sa.Column("parsed_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("dedup_assignments") as table:
        table.add_column(sa.Column("evidence", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dedup_assignments") as table:
        table.drop_column("evidence")
    with op.batch_alter_table("raw_pages") as table:
        table.drop_column("parsed_at")
    with op.batch_alter_table("source_runs") as table:
        for counter in ("polls_ok", "polls_failed", "gaps", "lost_estimate"):
            table.drop_column(counter)
        table.alter_column("bytes_received", type_=sa.Integer(), existing_type=sa.BigInteger())
        table.drop_column("deferred_until")
    op.drop_table("source_cadence")
    op.drop_table("feed_listings")
    op.drop_table("source_polls")
