"""Fixtures for the briefing tests; the store contents are built in briefing_store.py."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from pantau import store
from pantau.days import BRIEFING_ZONE
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


DEMO_DAYS = (date(2025, 7, 7), date(2025, 7, 8))


@pytest.fixture(scope="session")
def demo_days(tmp_path_factory) -> dict:
    """The demo site's 7 and 8 July through the real stages (poll, parse, dedup, quality, briefing), as
    the 07:00 runs of 8 and 9 July would: the demo site on 127.0.0.1, politeness delays at zero."""
    from pantau.dedup import stage as dedup
    from pantau.demo import serve_site, write_sources
    from pantau.extract import parse
    from pantau.ingest.poll import poll_sources
    from pantau.quality import stage as quality
    from pantau.registry.sources import Politeness, load_sources

    folder = tmp_path_factory.mktemp("demo-days")
    db_url = f"sqlite:///{folder / 'pantau.db'}"
    output = folder / "output"
    paths = {}
    with serve_site() as base_url:
        listed = load_sources(write_sources(base_url, folder / "sources.yaml"))
        # One host serves every outlet here, so politeness would only add waiting.
        polled = [source.model_copy(update={"politeness": Politeness(min_delay_seconds=0)}) for source in listed]
        sources = {source.id: source for source in polled}
        for day in DEMO_DAYS:
            run_at = datetime.combine(day + timedelta(days=1), time(7), tzinfo=BRIEFING_ZONE)
            poll_sources(polled, day, now=run_at, db_url=db_url)
            with store.session(db_url) as s:
                parse.run_for_day(s, day, sources)
            with store.session(db_url) as s:
                dedup.run_for_day(s, day)
            with store.session(db_url) as s:
                quality.run_for_day(s, day, output, sources=sources, now=run_at)
            with store.session(db_url) as s:
                paths[day] = briefing.run_for_day(s, day, output, sources=sources)
    return {"paths": paths, "db_url": db_url, "sources": sources}
