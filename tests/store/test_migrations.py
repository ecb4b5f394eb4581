"""The store's Alembic migrations on SQLite and PostgreSQL: a new store, a store from before migrations,
and several processes starting on one new store at once."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, create_engine, inspect, select, text

from pantau import cli, store

from .test_store import ARTICLE


def differences(url: str, metadata: MetaData = store.Base.metadata) -> list:
    """What autogenerate would write to bring the database to `metadata` (empty when they agree)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"version_table": store.VERSION_TABLE})
            return compare_metadata(context, metadata)
    finally:
        engine.dispose()


def revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return store.stored_revision(connection)
    finally:
        engine.dispose()


def legacy_store(url: str) -> None:
    """A store as create_all made it before migrations: the baseline schema (revision 0001 was
    written to equal it, checked against the models of that time) with no version table."""
    engine = create_engine(url)
    with engine.connect() as connection:
        command.upgrade(store._alembic_config(connection), store.BASELINE_REVISION)
        connection.execute(text(f"DROP TABLE {store.VERSION_TABLE}"))
        connection.commit()
    engine.dispose()


def test_head_revision_is_alembics_head():
    from alembic.script import ScriptDirectory

    assert ScriptDirectory.from_config(store._alembic_config()).get_heads() == [store.HEAD_REVISION]


def test_a_new_store_is_upgraded_to_exactly_the_models(db_url):
    store.engine(db_url)
    assert revision(db_url) == store.HEAD_REVISION
    assert differences(db_url) == []


def test_a_store_from_before_migrations_is_stamped_and_upgraded_keeping_its_rows(db_url):
    legacy_store(db_url)
    legacy = create_engine(db_url)
    with legacy.begin() as connection:
        connection.execute(store.ArticleRow.__table__.insert(), [ARTICLE])
    legacy.dispose()
    assert revision(db_url) is None

    with store.session(db_url) as s:
        assert s.scalars(select(store.ArticleRow.title)).one() == "T"
    assert revision(db_url) == store.HEAD_REVISION
    assert differences(db_url) == []
    engine = create_engine(db_url)
    indexes = {index["name"] for index in inspect(engine).get_indexes("articles")}
    engine.dispose()
    assert "ix_articles_batch_day" in indexes


UPGRADE_AT = """
import sys, time
from pantau import store
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))  # start together, to race for the upgrade
print(store.upgrade(store.engine(sys.argv[1])))
"""


@pytest.mark.slow  # three interpreters, started together a few seconds from now
def test_processes_starting_together_on_a_new_store_all_get_the_upgraded_schema(db_url):
    start = time.time() + 3  # after every interpreter has imported the store
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", UPGRADE_AT, db_url, str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [worker.communicate(timeout=120) for worker in workers]
    for worker, (out, err) in zip(workers, results):
        assert worker.returncode == 0, err[-2000:]
        assert out.strip() == store.HEAD_REVISION
    assert differences(db_url) == []


def test_db_upgrade_command_reports_the_revision(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert cli.main(["db", "upgrade", "--url", url]) == 0
    assert capsys.readouterr().out.strip() == f"{url}: schema at revision {store.HEAD_REVISION}"
    assert differences(url) == []


def test_db_upgrade_of_an_unreachable_store_is_one_line_on_stderr(capsys):
    assert cli.main(["db", "upgrade", "--url", "postgresql+psycopg2://nobody@127.0.0.1:1/pantau"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("pantau db upgrade: ") and captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
