"""The parse stage: turn one interval's stored pages into articles, quarantining what is not one."""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pantau.config import ConfigError
from pantau.days import briefing_day_of
from pantau.extract.article import extract_article
from pantau.models import Article, PageRejected
from pantau.registry.sources import Source
from pantau.store import ArticleRow, Quarantine, RawPage, quarantine

log = logging.getLogger("pantau.extract.parse")
STAGE = "parse"


# Page bodies held in memory at once: a national day's pages do not fit.
PAGES_PER_READ = 200


def latest_page_ids(s: Session, day: date) -> list[int]:
    """The newest stored copy of each article URL the day's polls fetched, oldest first (error
    responses are kept raw for the record, but are not pages to parse)."""
    rows = s.execute(
        select(RawPage.url, RawPage.id)
        .where(RawPage.batch_day == day, RawPage.kind == "article", RawPage.status < 400)
        .order_by(RawPage.fetched_at, RawPage.id)
    ).all()
    position = {page_id: n for n, (_, page_id) in enumerate(rows)}
    newest = {url: page_id for url, page_id in rows}
    return sorted(newest.values(), key=position.__getitem__)


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
        day=briefing_day_of(published) if published else page.batch_day,
        batch_day=page.batch_day,
    )


def run_for_day(s: Session, day: date, sources: dict[str, Source]) -> dict:
    """Re-parse every page the day's polls stored; the day's previous results are replaced."""
    page_ids = latest_page_ids(s, day)
    s.execute(delete(ArticleRow).where(ArticleRow.batch_day == day))
    s.execute(delete(Quarantine).where(Quarantine.stage == STAGE, Quarantine.day == day))
    article_ids: set[str] = set()
    rejected = fallbacks = 0
    for start in range(0, len(page_ids), PAGES_PER_READ):
        chunk = page_ids[start : start + PAGES_PER_READ]
        pages = {page.id: page for page in s.scalars(select(RawPage).where(RawPage.id.in_(chunk)))}
        for page in (pages[page_id] for page_id in chunk):
            try:
                article = extract_article(
                    page.body,
                    page.final_url,
                    source=sources.get(page.source_id),
                    fetched_at=page.fetched_at,
                    headers=page.headers,
                )
            except PageRejected as exc:
                quarantine(s, STAGE, day, page.final_url, exc.reason, exc.detail)
                rejected += 1
                continue
            except ConfigError:  # a broken profile file is the deployment's fault, not the page's
                raise
            except Exception as exc:  # one bad page must not stop the others; it is kept with its reason
                log.exception("extraction crashed on %s", page.final_url)
                quarantine(s, STAGE, day, page.final_url, "extract-error", f"{type(exc).__name__}: {exc}")
                rejected += 1
                continue
            fallbacks += article.method.startswith("generic-fallback")
            # A later copy of the same article (an AMP page, a refetch) replaces the earlier one.
            s.merge(article_row(article, page))
            article_ids.add(article.id)
        s.flush()
        s.expunge_all()  # let the chunk's pages and rows go
    log.info(
        "parsed %d pages: %d articles, %d quarantined, %d profile fallbacks",
        len(page_ids),
        len(article_ids),
        rejected,
        fallbacks,
    )
    return {"pages": len(page_ids), "articles": len(article_ids), "quarantined": rejected, "fallbacks": fallbacks}
