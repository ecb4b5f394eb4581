"""Indexes for the stages that read one day: articles by batch day (and source), runs by day.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_articles_batch_day", "articles", ["batch_day", "source_id"])
    op.create_index("ix_source_runs_day", "source_runs", ["day"])


def downgrade() -> None:
    op.drop_index("ix_source_runs_day", table_name="source_runs")
    op.drop_index("ix_articles_batch_day", table_name="articles")
