"""Each poll keeps the log address of the Airflow task instance that ran it, so a source alert links
the failing poll's log whichever task's callback sends it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("source_polls") as table:
        table.add_column(sa.Column("log_url", sa.String(2048), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("source_polls") as table:
        table.drop_column("log_url")
