"""The parse stage: turn stored pages into articles, quarantining what is not one.

The poll parses each page right after storing it (`parse_pages`), so the 07:00 run has little
left to do; `run_for_day` re-reads every page that could hold a day's articles, for a rerun
after a parser fix or a backfill. An article's day is its own publication day
(`pantau.days.article_day`), never the day of the poll that fetched it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from pantau.config import ConfigError
from pantau.days import article_day
from pantau.extract.article import extract_article
from pantau.models import Article, PageRejected
from pantau.registry.sources import Source
from pantau.store import ArticleRow, Quarantine, RawPage, quarantine

log = logging.getLogger("pantau.extract.parse")
STAGE = "parse"


# Page bodies held in memory at once: a national day's pages do not fit.
PAGES_PER_READ = 200
# An article of day D may be fetched the evening before (an outlet's clock, a future-dated
# item) or after midnight (published at 23:55, polled at 00:05): pages fetched on these days
# around D are read when D is rebuilt.
FETCH_DAYS_AROUND = 1


@dataclass
class ParseCounts:
    pages: int = 0
    rejected: int = 0
    fallbacks: int = 0


def latest_page_ids(s: Session, first: date, last: date, *, pending_only: bool = False) -> list[int]:
    """The newest stored copy of each article URL fetched on days first..last, oldest first (error
    responses are kept raw for the record, but are not pages to parse)."""
    query = (
        select(RawPage.url, RawPage.id, RawPage.parsed_at)
        .where(RawPage.batch_day.between(first, last), RawPage.kind == "article", RawPage.status < 400)
        .order_by(RawPage.fetched_at, RawPage.id)
    )
    rows = s.execute(query).all()
    position = {page_id: n for n, (_, page_id, _) in enumerate(rows)}
    newest = {url: (page_id, parsed_at) for url, page_id, parsed_at in rows}
    chosen = [page_id for page_id, parsed_at in newest.values() if not (pending_only and parsed_at)]
    return sorted(chosen, key=position.__getitem__)


def article_row(article: Article, page: RawPage) -> ArticleRow:
    published = article.published
    return ArticleRow(
        id=article.id,
        url=article.url,
        source_id=article.source_id,
        outlet=article.outlet,
        title=article.title,
        published_at=published,
        published_iso=published.isoformat() if published else None,
        language=article.language,
        byline=article.byline,
        body=article.body,
        wire=article.wire,
        origin_outlet=article.origin_outlet,
        method=article.method,
        raw_page_id=page.id,
        day=article_day(published, page.listed_at, page.fetched_at),
        batch_day=page.batch_day,
    )


def parse_pages(s: Session, page_ids: Sequence[int], sources: dict[str, Source]) -> ParseCounts:
    """Parse stored pages into article rows (a later copy of an article replaces the earlier one)."""
    counts = ParseCounts()
    now = datetime.now(timezone.utc)
    for start in range(0, len(page_ids), PAGES_PER_READ):
        chunk = page_ids[start : start + PAGES_PER_READ]
        pages = {page.id: page for page in s.scalars(select(RawPage).where(RawPage.id.in_(chunk)))}
        for page in (pages[page_id] for page_id in chunk):
            counts.pages += 1
            try:
                article = extract_article(
                    page.body,
                    page.final_url,
                    source=sources.get(page.source_id),
                    fetched_at=page.fetched_at,
                    headers=page.headers,
                    listed_title=page.listed_title,
                )
            except PageRejected as exc:
                quarantine(s, STAGE, page.batch_day, page.final_url, exc.reason, exc.detail)
                counts.rejected += 1
                continue
            except ConfigError:  # a broken profile file is the deployment's fault, not the page's
                raise
            except Exception as exc:  # one bad page must not stop the others; it is kept with its reason
                log.exception("extraction crashed on %s", page.final_url)
                quarantine(s, STAGE, page.batch_day, page.final_url, "extract-error", f"{type(exc).__name__}: {exc}")
                counts.rejected += 1
                continue
            counts.fallbacks += article.method.startswith("generic-fallback")
            s.merge(article_row(article, page))
        s.execute(update(RawPage).where(RawPage.id.in_(chunk)).values(parsed_at=now))
        s.flush()
        s.expunge_all()  # let the chunk's pages and rows go
    return counts


def run_for_day(s: Session, day: date, sources: dict[str, Source], *, pending_only: bool = False) -> dict:
    """Parse every page that could hold the day's articles; with `pending_only`, only those the
    polls have not parsed yet. A full run replaces the rows of the pages it reads."""
    first, last = day - timedelta(days=FETCH_DAYS_AROUND), day + timedelta(days=FETCH_DAYS_AROUND)
    page_ids = latest_page_ids(s, first, last, pending_only=pending_only)
    if not pending_only:
        s.execute(delete(ArticleRow).where(ArticleRow.batch_day.between(first, last)))
        s.execute(delete(Quarantine).where(Quarantine.stage == STAGE, Quarantine.day.between(first, last)))
    counts = parse_pages(s, page_ids, sources)
    articles = s.scalar(select(func.count()).where(ArticleRow.day == day))
    log.info(
        "parsed %d pages: %d quarantined, %d profile fallbacks; %d articles dated %s",
        counts.pages,
        counts.rejected,
        counts.fallbacks,
        articles,
        day,
    )
    return {"pages": counts.pages, "articles": articles, "quarantined": counts.rejected, "fallbacks": counts.fallbacks}
