"""Item 10: processes creating a fresh store together, polls of one source finishing together, and
sources of one run sharing an article URL."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pantau.ingest.fetch import Fetcher
from pantau.ingest.poll import poll_source, poll_sources

from ..poll.conftest import DAY, FAST, NOW, make_source, rss, serve_feed_with_articles
from .conftest import run_of

SRC = Path(__file__).resolve().parents[2] / "src"
CREATORS = 4


@pytest.mark.slow  # four Python processes racing to create the store
def test_processes_creating_a_fresh_store_together_all_succeed(db_url):
    start = time.time() + 3  # after every process has imported SQLAlchemy
    script = (
        "import sys, time; from pantau import store; "
        "time.sleep(max(0, float(sys.argv[2]) - time.time())); store.engine(sys.argv[1]); print('created')"
    )
    creators = [
        subprocess.Popen(
            [sys.executable, "-c", script, db_url, str(start)],
            env={**os.environ, "PYTHONPATH": str(SRC)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(CREATORS)
    ]
    outcomes = [creator.communicate(timeout=120) for creator in creators]
    assert [out.strip() for out, _ in outcomes] == ["created"] * CREATORS, [err[-500:] for _, err in outcomes]


def test_two_polls_of_one_source_finishing_together_both_record_the_run(site, db_url):
    serve_feed_with_articles(site, 2)
    source = make_source(site)
    from pantau import store

    store.engine(db_url)
    barrier, results = threading.Barrier(2), []

    def poll() -> None:
        with Fetcher(FAST) as own:  # two tasks: two processes' worth of fetchers
            barrier.wait()
            results.append(poll_source(source, DAY, now=NOW, db_url=db_url, fetcher=own))

    threads = [threading.Thread(target=poll) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2 and {summary["status"] for summary in results} <= {"ok", "unchanged"}
    assert run_of(db_url).new_items == 2


def test_sources_sharing_an_article_fetch_it_once_per_run(site, sqlite_url):
    paths = serve_feed_with_articles(site, 2)
    site.reply("/other.xml", rss(*[(site.url(path), None) for path in paths]))
    sources = [make_source(site), make_source(site, "/other.xml", id="other")]
    summaries = poll_sources(sources, DAY, now=NOW, db_url=sqlite_url, fetcher=Fetcher(FAST))
    assert all(summary["status"] in ("ok", "unchanged") for summary in summaries)
    assert site.hits["/news/0"] == 1 and site.hits["/news/1"] == 1
