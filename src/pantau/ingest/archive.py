"""Recovering a past day from an outlet's archive sitemaps, for days the polls missed.

Feeds list only their newest items; outlets that keep dated sitemaps (NST's and Astro Awani's
monthly children, FMT's sitemap-posttype-post.YYYYMM.xml) can still say what they published on
a day weeks ago. `recover_day` reads only the sitemaps that can hold that day, newest first,
and returns the items dated in it; the caller fetches and stores the article pages, whose own
dates then decide their day.
"""

from __future__ import annotations

from datetime import date, timedelta

from pantau.days import day_window
from pantau.ingest.feeds import FeedItem, FeedRejected, SitemapFetch, SitemapLimits, archive_items
from pantau.ingest.fetch import Fetcher, FetchFailed
from pantau.registry.sources import Source

# An archive read for one day: a monthly index may nest a yearly level; a day near a month's
# edge in another zone needs two monthly children; a few spare for per-section children.
ARCHIVE_LIMITS = SitemapLimits(max_depth=2, max_sitemaps=8)
# Items kept when dated up to this long after the day ends: a sitemap's lastmod is at or after
# the article's publication, so an article edited the next morning is still found.
LASTMOD_SLACK = timedelta(days=1)


def sitemap_fetch(fetcher: Fetcher, source: Source) -> SitemapFetch:
    """A child-sitemap reader for `source` through the run's fetcher (robots, politeness, headers)."""

    def fetch(url: str) -> bytes:
        try:
            fetched = fetcher.get(url, politeness=source.politeness, headers=source.headers)
        except FetchFailed as failure:
            raise FeedRejected(failure.reason, failure.detail) from None
        if fetched.status >= 400:
            raise FeedRejected(f"http-{fetched.status}", f"{url} answered {fetched.status}")
        return fetched.body

    return fetch


def recover_day(
    source: Source, day: date, fetcher: Fetcher, *, limits: SitemapLimits = ARCHIVE_LIMITS
) -> list[FeedItem]:
    """The items `source`'s archive sitemaps date on the briefing day `day` (Asia/Kuala_Lumpur).

    Raises FeedRejected: reason `no-archive` when the source names no archive, else the reason
    the archive could not be read (http-404, dns, parse-error...), for the briefing to say which
    sources could not be recovered.
    """
    fetcher.trust_origins(source.configured_urls)
    return archive_items(
        source, sitemap_fetch(fetcher, source), window=day_window(day), slack=LASTMOD_SLACK, limits=limits
    )
