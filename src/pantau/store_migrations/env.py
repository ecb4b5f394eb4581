"""Alembic's environment for the article store.

pantau.store.upgrade passes an open connection (already holding the upgrade lock); the `alembic`
command line (alembic.ini beside this file) connects to PANTAU_DB_URL itself.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from pantau import config as pantau_config
from pantau.store import VERSION_TABLE, Base, UTCDateTime


def _render_item(type_, obj, autogen_context):
    # Migrations spell plain SQLAlchemy types, so they never import a class that may later change.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=VERSION_TABLE,
        render_item=_render_item,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or pantau_config.db_url())
    with engine.connect() as own_connection:
        _run(own_connection)
    engine.dispose()
