"""Test-wide set-up: Airflow and Pantau point at throwaway homes, never at data/ or ~/airflow."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
_SCRATCH = Path(tempfile.mkdtemp(prefix="pantau-tests-"))

# Set before anything imports Airflow: its configuration is read once, at import.
os.environ.update(
    {
        "AIRFLOW_HOME": str(_SCRATCH / "airflow"),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{_SCRATCH / 'airflow' / 'airflow.db'}",
        "AIRFLOW__CORE__DAGS_FOLDER": str(PROJECT_ROOT / "dags"),
        "AIRFLOW__CORE__PLUGINS_FOLDER": str(PROJECT_ROOT / "plugins"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        "PANTAU_DATA_DIR": str(_SCRATCH / "data"),
        "PANTAU_OUTPUT_DIR": str(_SCRATCH / "output"),
    }
)
(_SCRATCH / "airflow").mkdir(parents=True, exist_ok=True)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'pantau.db'}"


@pytest.fixture(scope="session")
def airflow_db() -> None:
    """Airflow's metadata database (SQLite in the scratch home), created once per test session."""
    import subprocess
    import sys

    finished = subprocess.run(
        [sys.executable, "-m", "airflow", "db", "migrate"], env=dict(os.environ), capture_output=True, text=True
    )
    assert finished.returncode == 0, finished.stderr[-2000:]


@pytest.fixture(scope="session")
def demo_site() -> dict[str, str]:
    """The demo replay site, each outlet on its own loopback address (so per-host politeness runs
    in parallel); yields the base URL of each site section, as `demo.write_sources` takes them."""
    from pantau.demo import serve_outlets

    with serve_outlets() as bases:
        yield bases


POSTGRES_ADMIN_URL = os.environ.get("PANTAU_TEST_POSTGRES", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")


@pytest.fixture
def postgres_url():
    """A fresh PostgreSQL database for one test, dropped afterwards; skips where none is reachable."""
    import uuid

    import sqlalchemy

    admin = sqlalchemy.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            name = f"pantau_test_{uuid.uuid4().hex[:10]}"
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sqlalchemy.exc.OperationalError as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {str(exc).splitlines()[0]}")
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    yield url
    from pantau import store

    store.forget_engine(url)
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """The store's backends: SQLite always, PostgreSQL where one is reachable."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'pantau.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def mailbox():
    """A real SMTP server on a free port of 127.0.0.1; yields its Mailbox."""
    from aiosmtpd.controller import Controller

    from .mail import Mailbox, free_port

    box = Mailbox()
    box.port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=box.port)
    controller.start()
    yield box
    controller.stop()
