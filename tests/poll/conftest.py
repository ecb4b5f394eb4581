"""Poll-stage fixtures: a scripted local site, a fetcher tuned to fail in milliseconds, feeds."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from pantau.ingest.fetch import Fetcher, FetchSettings
from pantau.registry.sources import Source

from ..servers import LocalSite

DAY = date(2025, 7, 8)
# Mid-afternoon of DAY in Kuala Lumpur: a live poll, not a past day.
NOW = datetime(2025, 7, 8, 7, 0, tzinfo=timezone.utc)

FAST = FetchSettings(
    connect_timeout=1.0,
    read_timeout=0.5,
    max_seconds=3.0,
    max_body_bytes=1_000_000,
    max_redirects=3,
    retries=2,
    backoff_factor=0.01,
    backoff_jitter=0.0,
)


@pytest.fixture
def site():
    with LocalSite() as running:
        yield running


@pytest.fixture
def fetcher():
    with Fetcher(FAST) as client:
        yield client


def make_source(site: LocalSite, path: str = "/feed.xml", **fields) -> Source:
    values = {
        "id": "testsource",
        "outlet": "Test Outlet",
        "language": "en",
        "kind": "rss",
        "urls": (site.url(path),),
        "politeness": {"min_delay_seconds": 0.0, "concurrency": 2},
    }
    values.update(fields)
    return Source.model_validate(values)


def rss(*items: tuple[str, str | None], encoding: str = "utf-8") -> bytes:
    """An RSS 2.0 feed of (link, RFC 822 date or None) items."""
    entries = "".join(
        f"<item><title>Item {n}</title><link>{link}</link>"
        + (f"<pubDate>{published}</pubDate>" if published else "")
        + "</item>"
        for n, (link, published) in enumerate(items)
    )
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
        f"<title>Test</title><link>https://example.com/</link>{entries}</channel></rss>"
    ).encode(encoding)


def article(title: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body><p>{title}</p></body></html>".encode()


def serve_feed_with_articles(site: LocalSite, count: int = 3, path: str = "/feed.xml", **feed_options) -> list[str]:
    """A feed of `count` dated articles, all served; returns the article paths."""
    paths = [f"/news/{n}" for n in range(count)]
    for n, article_path in enumerate(paths):
        site.reply(article_path, article(f"Story {n}"), headers={"Content-Type": "text/html; charset=utf-8"})
    site.reply(
        path,
        rss(*[(site.url(p), f"Tue, 08 Jul 2025 0{n}:00:00 +0800") for n, p in enumerate(paths)]),
        headers={"Content-Type": "application/rss+xml"},
        **feed_options,
    )
    return paths
