"""Item 3 and 5: one deadline per request, headers included; Retry-After waited out up to the
source's cap, beyond which the source is deferred (not hammered, not failed); a timeout on every task."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import timedelta

import pytest

from pantau.ingest.fetch import Fetcher, FetchFailed
from pantau.ingest.poll import poll_source

from ..poll.conftest import DAY, FAST, NOW, make_source, serve_feed_with_articles
from .conftest import run_of


def test_a_server_dripping_its_headers_is_cut_at_the_deadline(site):
    # Each byte comes well within the read timeout; only the whole-request deadline can end it.
    with Fetcher(replace(FAST, read_timeout=0.5, max_seconds=1.0)) as fetcher:
        fetcher.trust_origins([site.origin])
        started = time.monotonic()
        with pytest.raises(FetchFailed) as failure:
            fetcher.get(site.url("/hostile/drip-headers"))
    assert failure.value.reason == "timeout"
    assert time.monotonic() - started < 1.0 + 2 * 0.5 + 1.0  # deadline, one read retry's start, slack


def test_retry_after_waits_do_not_count_against_the_request_deadline(site, sqlite_url):
    serve_feed_with_articles(site, 1)
    good_feed = site.replies["/feed.xml"]
    site.reply("/feed.xml", b"slow down", status=429, headers={"Retry-After": "1"})
    original_count = site._count

    def recover_after_two(path, headers):  # the third request of the feed gets the feed
        original_count(path, headers)
        if path == "/feed.xml" and site.hits[path] == 2:
            site.replies["/feed.xml"] = good_feed

    site._count = recover_after_two
    with Fetcher(replace(FAST, max_seconds=0.8)) as fetcher:  # shorter than the two waits together
        summary = poll_source(make_source(site), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    assert (summary["status"], summary["new"]) == ("ok", 1)
    assert site.hits["/feed.xml"] == 3


def test_a_retry_after_over_the_source_cap_defers_the_source(site, fetcher, db_url):
    serve_feed_with_articles(site, 1)
    site.reply("/feed.xml", b"come back in an hour", status=429, headers={"Retry-After": "3600"})
    summary = poll_source(make_source(site), DAY, now=NOW, db_url=db_url, fetcher=fetcher)
    assert (summary["status"], summary["reason"]) == ("deferred", "retry-after")
    assert site.hits["/feed.xml"] == 1, "the server was asked again within its hour"
    run = run_of(db_url)
    assert run.status == "deferred" and run.deferred_until >= NOW + timedelta(seconds=3600)

    # The next poll within the hour touches no network and says why.
    again = poll_source(make_source(site), DAY, now=NOW + timedelta(minutes=30), db_url=db_url, fetcher=fetcher)
    assert again["status"] == "deferred" and site.hits["/feed.xml"] == 1
    # After it, a later poll (its own fetcher, as every poll task has) fetches the source again.
    serve_feed_with_articles(site, 1)
    with Fetcher(FAST) as next_run:
        later = poll_source(make_source(site), DAY, now=NOW + timedelta(hours=2), db_url=db_url, fetcher=next_run)
    assert later["status"] == "ok" and run_of(db_url).deferred_until is None


def test_the_cap_is_per_source(site, fetcher, sqlite_url):
    serve_feed_with_articles(site, 1)
    site.reply("/feed.xml", b"wait", status=503, headers={"Retry-After": "1"})
    strict = make_source(site, politeness={"min_delay_seconds": 0, "max_retry_after_seconds": 0.5})
    assert poll_source(strict, DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)["status"] == "deferred"
    assert site.hits["/feed.xml"] == 1


def test_an_article_host_asking_for_a_long_pause_leaves_its_articles_for_later(site, fetcher, sqlite_url):
    serve_feed_with_articles(site, 3)
    site.reply("/news/2", b"busy", status=429, headers={"Retry-After": "7200"})
    one_at_a_time = make_source(site, politeness={"min_delay_seconds": 0, "concurrency": 1})
    summary = poll_source(one_at_a_time, DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    # Newest first: /news/2 defers the host, and the two others wait for a later poll too.
    assert (summary["status"], summary["new"], summary["failed"]) == ("deferred", 0, 0)
    assert site.hits["/news/2"] == 1 and site.hits["/news/1"] == 0 and site.hits["/news/0"] == 0


def test_every_task_has_an_execution_timeout():
    from pantau.airflow.schedule import DEFAULT_ARGS

    assert DEFAULT_ARGS["execution_timeout"] <= timedelta(hours=1)
