"""A feed that lists only its newest items, undated, as Bernama's does, publishing on a test's clock.

feed = RollingFeed(site, listed=10)
feed.publish(10, start=t0, every=timedelta(minutes=6))   # ten stories, six minutes apart
poll ...                                                  # the feed lists the ten newest
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from email.utils import format_datetime

from .servers import LocalSite

FIRST_ID = 2442000
PARAGRAPHS = (
    "Foreign ministers of the Association of Southeast Asian Nations met in Kuala Lumpur on Tuesday "
    "to discuss regional cooperation, maritime security and the situation in Myanmar, officials said.",
    "The meeting, the {n}th of its kind this year, heard briefings from the secretariat on trade, "
    "disaster relief and the negotiations on a code of conduct for the South China Sea.",
    "Delegates are expected to issue a joint communique before the ministers leave on Friday.",
)


class RollingFeed:
    """Items are numbered like Bernama's (`/feed/2442001.html`), or named by slug with `numbered=False`;
    each article page prints its own publication time."""

    def __init__(self, site: LocalSite, *, path: str = "/feed.xml", listed: int = 10, numbered: bool = True):
        self.site, self.path, self.listed, self.numbered = site, path, listed, numbered
        self.published: list[tuple[str, datetime]] = []  # (article path, publication time), oldest first

    def url(self) -> str:
        return self.site.url(self.path)

    def article_path(self, number: int) -> str:
        slug = hashlib.sha1(str(number).encode()).hexdigest()[:8]  # no number in the URL to go by
        section = self.path.strip("/").split(".")[0]  # two feeds on one site never share an article
        return f"/{section}/{FIRST_ID + number}.html" if self.numbered else f"/{section}/asean-story-{slug}.html"

    def publish(self, count: int, *, start: datetime, every: timedelta) -> None:
        """`count` more stories, the first at `start`, then one every `every`; the feed then lists the newest."""
        self.publish_at([start + n * every for n in range(count)])

    def publish_at(self, moments: list[datetime]) -> None:
        """Stories published at these times (oldest first); the feed then lists the newest."""
        for moment in moments:
            number = len(self.published) + 1
            path = self.article_path(number)
            self.site.reply(path, article_page(number, moment), headers=HTML)
            self.published.append((path, moment))
        newest = self.published[-self.listed :][::-1]
        items = "".join(
            f"<item><title>Story {path}</title><link>{self.site.url(path)}</link></item>" for path, _ in newest
        )
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'
        self.site.reply(self.path, feed, headers={"Content-Type": "application/rss+xml"})


HTML = {"Content-Type": "text/html; charset=utf-8"}


def article_page(number: int, published: datetime) -> str:
    title = f"ASEAN story number {number}"
    data = json.dumps({"@type": "NewsArticle", "headline": title, "datePublished": published.isoformat()})
    return (
        f"<html><head><title>{title}</title><script type='application/ld+json'>{data}</script>"
        f"<meta property='article:published_time' content='{published.isoformat()}'></head>"
        f"<body><article><h1>{title}</h1><p>{format_datetime(published)}</p>"
        + "".join(f"<p>{paragraph.format(n=number)}</p>" for paragraph in PARAGRAPHS)
        + "</article></body></html>"
    )
