"""Security fixtures: the hostile site, a second local service links must not reach, a fast fetcher."""

from __future__ import annotations

import pytest

from pantau import store
from pantau.ingest.fetch import Fetcher
from pantau.store import Quarantine, SourceRun

from ..poll.conftest import DAY, FAST
from ..servers import LocalSite
from .hostile_server import HostileSite


@pytest.fixture
def site():
    with HostileSite() as running:
        yield running


@pytest.fixture
def internal_service():
    """Another port of 127.0.0.1 standing for what must stay private (a database, cloud metadata)."""
    with LocalSite() as running:
        running.reply("/", b"secret")
        running.reply("/latest/meta-data", b"secret")
        yield running


@pytest.fixture
def fetcher():
    with Fetcher(FAST) as client:
        yield client


def run_of(db_url, source_id="testsource"):
    with store.session(db_url) as s:
        return s.get(SourceRun, (source_id, DAY))


def quarantined(db_url) -> dict[str, Quarantine]:
    with store.session(db_url) as s:
        return {row.item: row for row in s.query(Quarantine)}
