"""Alembic migrations of the article store (see pantau.store.upgrade and docs/migrations.md)."""
