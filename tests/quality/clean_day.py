"""One clean briefing day in a store: 40 articles from four sources, with a week of history.

The quality tests break it one expectation at a time; the benchmark times runs on it."""

from __future__ import annotations

import zlib
from datetime import date, datetime, timedelta

from pantau import store
from pantau.days import BRIEFING_ZONE
from pantau.models import article_id
from pantau.registry.sources import Source
from pantau.store import ArticleRow, DedupAssignment, Quarantine, RawPage, SourceRun

DAY = date(2025, 7, 8)
NOW = datetime(2025, 7, 9, 7, 0, tzinfo=BRIEFING_ZONE)  # the morning run that covers DAY
ARTICLES_PER_SOURCE = 10
HISTORY_DAYS = 7

SOURCES = {
    source.id: source
    for source in (
        Source(id="thestar", outlet="The Star", language="en", kind="rss", urls=("https://www.thestar.com.my/rss",)),
        Source(
            id="bharian", outlet="Berita Harian", language="ms", kind="rss", urls=("https://www.bharian.com.my/rss",)
        ),
        Source(
            id="sinchew", outlet="Sin Chew Daily", language="zh", kind="rss", urls=("https://www.sinchew.com.my/rss",)
        ),
        Source(
            id="gnews",
            outlet="Google News",
            language="en",
            kind="rss",
            aggregator=True,
            urls=("https://news.google.com/rss",),
        ),
    )
}
BODIES = {
    "en": "Foreign ministers of the Association of Southeast Asian Nations met in Kuala Lumpur. " * 4,
    "ms": "Menteri-menteri luar negara ASEAN bermesyuarat di Kuala Lumpur hari ini untuk membincangkan. " * 4,
    "zh": "东盟各国外交部长今天在吉隆坡举行会议，讨论南海行为准则谈判的进展以及区域经济合作的前景。" * 5,
    "vi": "Các bộ trưởng ngoại giao ASEAN đã họp tại Kuala Lumpur để thảo luận về Biển Đông. " * 4,
}
# The aggregator carries other languages: it is exempt from matching a source language.
AGGREGATED_LANGUAGES = ("vi", "ms")


def article_url(source_id: str, day: date, number: int) -> str:
    host = SOURCES[source_id].urls[0].split("/")[2]
    return f"https://{host}/news/{day.isoformat()}/story-{number}"


def add_article(s, source_id: str, day: date, number: int, *, batch_day: date | None = None) -> ArticleRow:
    """Article `number` of a source on `day`, published that morning, with the raw page it came from."""
    source = SOURCES[source_id]
    language = AGGREGATED_LANGUAGES[number % 2] if source.aggregator else source.language
    url = article_url(source_id, day, number)
    page = RawPage(
        url=url,
        final_url=url,
        source_id=source_id,
        kind="article",
        batch_day=batch_day or day,
        fetched_at=NOW,
        status=200,
        headers={},
        content_hash=article_id(url),
        size=20_000,
        body_z=zlib.compress(b"<html></html>"),
    )
    s.add(page)
    s.flush()
    published = datetime.combine(day, datetime.min.time(), BRIEFING_ZONE) + timedelta(hours=8, minutes=number)
    row = ArticleRow(
        id=article_id(url),
        url=url,
        source_id=source_id,
        outlet=source.outlet,
        title=f"{source.outlet} story {number} on ASEAN talks",
        published_at=published,
        published_iso=published.isoformat(),
        language=language,
        byline=None,
        body=BODIES[language],
        wire=None,
        origin_outlet=None,
        method="generic",
        raw_page_id=page.id,
        day=day,
        batch_day=batch_day or day,
    )
    s.add(row)
    return row


def assign(s, article: ArticleRow, cluster: str, canonical: bool) -> None:
    s.add(
        DedupAssignment(
            article_id=article.id,
            day=article.day,
            cluster=cluster,
            story=cluster,
            canonical=canonical,
            method="seed" if canonical else "minhash",
            score=1.0,
        )
    )


def build_good_day(url: str, per_source: int = ARTICLES_PER_SOURCE) -> None:
    """DAY as it should look: every source polled, pages fine, articles clean and clustered in pairs."""
    started = NOW - timedelta(hours=1)
    with store.session(url) as s:
        for source_id in SOURCES:
            for back in range(HISTORY_DAYS + 1):
                day = DAY - timedelta(days=back)
                s.add(
                    SourceRun(
                        source_id=source_id,
                        day=day,
                        status="ok",
                        items_seen=per_source,
                        new_items=per_source,
                        started_at=started,
                        finished_at=NOW,
                    )
                )
                articles = [add_article(s, source_id, day, n) for n in range(per_source)]
                if back == 0:
                    for first, second in zip(articles[::2], articles[1::2]):
                        assign(s, first, f"c-{first.id}", True)
                        assign(s, second, f"c-{first.id}", False)
            s.add(
                RawPage(
                    url=SOURCES[source_id].urls[0],
                    final_url=SOURCES[source_id].urls[0],
                    source_id=source_id,
                    kind="feed",
                    batch_day=DAY,
                    fetched_at=NOW,
                    status=200,
                    headers={},
                    content_hash=f"feed-{source_id}",
                    size=8_000,
                    body_z=zlib.compress(b"<rss/>"),
                )
            )
        # A story first reported three days earlier: its cluster spans days, within the window.
        earlier = s.get(ArticleRow, article_id(article_url("thestar", DAY - timedelta(days=3), 0)))
        assign(s, earlier, f"c-{article_id(article_url('thestar', DAY, 0))}", False)
        s.add(Quarantine(stage="parse", day=DAY, item="https://www.thestar.com.my/video/1", reason="no-body"))
