"""Continuous polling and a hostile web: deferred sources, 64-bit byte counts.

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
    # batch mode: SQLite alters a column's type by copying the table
    with op.batch_alter_table("source_runs") as table:
        table.add_column(sa.Column("deferred_until", sa.DateTime(), nullable=True))
        table.alter_column("bytes_received", type_=sa.BigInteger(), existing_type=sa.Integer())


def downgrade() -> None:
    with op.batch_alter_table("source_runs") as table:
        table.alter_column("bytes_received", type_=sa.Integer(), existing_type=sa.BigInteger())
        table.drop_column("deferred_until")
