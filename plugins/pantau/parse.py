"""The parse stage: turn one interval's stored pages into articles, quarantining what is not one."""
from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pantau.days import briefing_day_of
from pantau.extract import extract_article
from pantau.models import Article, PageRejected
from pantau.sources import ConfigError, Source
from pantau.store import ArticleRow, Quarantine, RawPage, quarantine

log = logging.getLogger("pantau.parse")
STAGE = "parse"


def latest_pages(s: Session, day: date) -> list[RawPage]:
    """The newest stored copy of each article URL the day's polls fetched (error responses are kept
    raw for the record, but are not pages to parse)."""
    pages = s.scalars(
        select(RawPage)
        .where(RawPage.batch_day == day, RawPage.kind == "article", RawPage.status < 400)
        .order_by(RawPage.fetched_at, RawPage.id)
    ).all()
    return list({page.url: page for page in pages}.values())


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
    pages = latest_pages(s, day)
    s.execute(delete(ArticleRow).where(ArticleRow.batch_day == day))
    s.execute(delete(Quarantine).where(Quarantine.stage == STAGE, Quarantine.day == day))
    articles: dict[str, ArticleRow] = {}
    rejected = fallbacks = 0
    for page in pages:
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
        articles[article.id] = article_row(article, page)
    for row in articles.values():
        s.merge(row)
    log.info("parsed %d pages: %d articles, %d quarantined, %d profile fallbacks",
             len(pages), len(articles), rejected, fallbacks)
    return {"pages": len(pages), "articles": len(articles), "quarantined": rejected, "fallbacks": fallbacks}
