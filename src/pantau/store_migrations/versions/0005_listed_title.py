"""Each fetched article page keeps the title its feed listed it under: a page that prints no
headline of its own is read under that title instead of being lost as no-title.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("raw_pages") as table:
        table.add_column(sa.Column("listed_title", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("raw_pages") as table:
        table.drop_column("listed_title")
