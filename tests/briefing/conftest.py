"""Fixtures for the briefing tests; the store contents are built in briefing_store.py."""

from __future__ import annotations

import pytest

from pantau import store
from pantau.report import briefing

from .briefing_store import DAY, config_from, demo_rows


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> dict:
    """The demo day's store and its briefing, written once for the tests that only read it."""
    folder = tmp_path_factory.mktemp("demo")
    db_url = f"sqlite:///{folder / 'pantau.db'}"
    output = folder / "output"
    sources, topics = config_from(folder)
    with store.session(db_url) as s:
        s.add_all(demo_rows())
    with store.session(db_url) as s:
        paths = briefing.run_for_day(s, DAY, output, sources=sources, topics=topics)
    return {"paths": paths, "db_url": db_url, "output": output, "sources": sources, "topics": topics}
