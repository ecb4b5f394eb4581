"""Every expectation through real GX validation: the clean day passes it, a day broken for it fails it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import delete, select, update

from pantau import store
from pantau.days import BRIEFING_ZONE
from pantau.models import article_id
from pantau.quality.stage import check_day, quality_suites
from pantau.store import ArticleRow, DedupAssignment, Quarantine, RawPage, SourceRun

from .clean_day import DAY, NOW, SOURCES, add_article, article_url, assign


def failures(url: str, now: datetime = NOW) -> set[str]:
    with store.session(url) as s:
        return {o.qualified_name for o in check_day(s, DAY, sources=SOURCES, now=now).outcomes if not o.success}


def todays(source_id: str, number: int) -> str:
    return article_id(article_url(source_id, DAY, number))


def set_articles(s, ids: list[str], **values) -> None:
    s.execute(update(ArticleRow).where(ArticleRow.id.in_(ids)).values(**values))


def at(hour: int, day=DAY) -> datetime:
    return datetime.combine(day, datetime.min.time(), BRIEFING_ZONE) + timedelta(hours=hour)


# name -> (how to break the clean day, the "<suite>.<expectation>"s that must then fail, `now` of the run)
Breakage = tuple[Callable, set[str], datetime]
BREAKAGES: dict[str, Breakage] = {
    "every_source_attempted": (
        lambda s: s.execute(delete(SourceRun).where(SourceRun.source_id == "thestar", SourceRun.day == DAY)),
        {"fetch.every_source_attempted"},
        NOW,
    ),
    "source_failed": (
        lambda s: s.execute(
            update(SourceRun)
            .where(SourceRun.source_id == "bharian", SourceRun.day == DAY)
            .values(status="failed", reason="http-503")
        ),
        {"fetch.source_failed"},
        NOW,
    ),
    "failed_sources_share": (
        lambda s: s.execute(
            update(SourceRun)
            .where(SourceRun.source_id.in_(["bharian", "sinchew"]), SourceRun.day == DAY)
            .values(status="failed")
        ),
        {"fetch.failed_sources_share", "fetch.source_failed"},
        NOW,
    ),
    "http_status_in_range": (
        lambda s: s.execute(update(RawPage).where(RawPage.url == article_url("thestar", DAY, 1)).values(status=999)),
        {"fetch.http_status_in_range"},
        NOW,
    ),
    "error_status_share": (
        lambda s: s.execute(
            update(RawPage)
            .where(RawPage.batch_day == DAY, RawPage.source_id == "sinchew", RawPage.kind == "article")
            .values(status=404)
        ),
        {"fetch.error_status_share"},
        NOW,
    ),
    "page_not_empty": (
        lambda s: s.execute(update(RawPage).where(RawPage.url == article_url("thestar", DAY, 1)).values(size=0)),
        {"fetch.page_not_empty"},
        NOW,
    ),
    "page_under_size_cap": (
        lambda s: s.execute(
            update(RawPage).where(RawPage.url == article_url("thestar", DAY, 1)).values(size=30 * 2**20)
        ),
        {"fetch.page_under_size_cap"},
        NOW,
    ),
    "url_unique": (
        lambda s: set_articles(s, [todays("thestar", 1)], url=article_url("thestar", DAY, 2)),
        {"articles.url_unique"},
        NOW,
    ),
    "url_well_formed": (
        lambda s: set_articles(s, [todays("thestar", 1)], url="thestar story one"),
        {"articles.url_well_formed"},
        NOW,
    ),
    "title_present": (lambda s: set_articles(s, [todays("thestar", 1)], title="  "), {"articles.title_present"}, NOW),
    "title_not_site_name": (
        lambda s: set_articles(s, [todays("thestar", n) for n in range(5)], title=" THE  Star"),
        {"articles.title_not_site_name"},
        NOW,
    ),
    "body_length_in_bounds": (
        lambda s: set_articles(s, [todays("bharian", n) for n in range(5)], body="Gambar sahaja."),
        {"articles.body_length_in_bounds"},
        NOW,
    ),
    "published_present": (
        lambda s: set_articles(s, [todays("thestar", 1)], published_at=None),
        {"articles.published_present"},
        NOW,
    ),
    "published_in_day_window": (
        lambda s: set_articles(s, [todays("thestar", 1)], published_at=at(8, DAY - timedelta(days=2))),
        {"articles.published_in_day_window"},
        NOW,
    ),
    # The run at noon of the day itself: an article stamped 20:00 is in the window but in the future.
    "published_not_in_future": (
        lambda s: set_articles(s, [todays("thestar", 1)], published_at=at(20)),
        {"articles.published_not_in_future"},
        at(12),
    ),
    "language_expected": (
        lambda s: set_articles(s, [todays("gnews", 1)], language="fr"),
        {"articles.language_expected"},
        NOW,
    ),
    "language_matches_source": (
        lambda s: set_articles(s, [todays("thestar", 1)], language="ms"),
        {"articles.language_matches_source"},
        NOW,
    ),
    "source_id_present": (
        lambda s: set_articles(s, [todays("thestar", 1)], source_id=None),
        {"articles.source_id_present"},
        NOW,
    ),
    "source_id_known": (
        lambda s: set_articles(s, [todays("thestar", 1)], source_id="the_star_old"),
        {"articles.source_id_known"},
        NOW,
    ),
    "outlet_known": (
        lambda s: set_articles(s, [todays("thestar", 1)], outlet="The Star Online"),
        {"articles.outlet_known"},
        NOW,
    ),
    "extractor_quarantine_share": (
        lambda s: s.add_all(
            Quarantine(stage="parse", day=DAY, item=f"https://www.thestar.com.my/x/{n}", reason="no-body")
            for n in range(20)
        ),
        {"articles.extractor_quarantine_share"},
        NOW,
    ),
    "article_in_one_cluster": (
        lambda s: s.execute(delete(DedupAssignment).where(DedupAssignment.article_id == todays("sinchew", 1))),
        {"dedup.article_in_one_cluster"},
        NOW,
    ),
    "one_canonical_per_cluster": (
        lambda s: s.execute(
            update(DedupAssignment).where(DedupAssignment.article_id == todays("sinchew", 1)).values(canonical=True)
        ),
        {"dedup.one_canonical_per_cluster"},
        NOW,
    ),
    "cluster_size_plausible": (
        lambda s: [
            assign(s, add_article(s, "gnews", DAY - timedelta(days=2), 100 + n), f"c-{todays('bharian', 0)}", False)
            for n in range(31)
        ],
        {"dedup.cluster_size_plausible"},
        NOW,
    ),
    "cluster_within_window": (
        lambda s: assign(s, add_article(s, "gnews", DAY - timedelta(days=9), 0), f"c-{todays('bharian', 0)}", False),
        {"dedup.cluster_within_window"},
        NOW,
    ),
    "volume_not_below_band": (
        lambda s: s.execute(
            update(ArticleRow)
            .where(ArticleRow.source_id == "sinchew", ArticleRow.batch_day == DAY)
            .values(batch_day=DAY - timedelta(days=1))
        ),
        {"volume.volume_not_below_band"},
        NOW,
    ),
    "volume_not_above_band": (
        lambda s: [add_article(s, "thestar", DAY - timedelta(days=1), 100 + n, batch_day=DAY) for n in range(40)],
        {"volume.volume_not_above_band"},
        NOW,
    ),
}


def test_the_clean_day_passes_every_expectation(good_day):
    assert failures(good_day) == set()


def test_every_expectation_has_a_breakage():
    names = {spec.name for suite in quality_suites() for spec in suite.expectations}
    assert names == set(BREAKAGES)


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_a_broken_batch_fails_its_expectation(good_day, name):
    breaking, expected, now = BREAKAGES[name]
    with store.session(good_day) as s:
        breaking(s)
    assert failures(good_day, now) == expected


def test_volume_is_not_judged_without_a_week_of_history(good_day):
    with store.session(good_day) as s:
        s.execute(delete(SourceRun).where(SourceRun.day.between(DAY - timedelta(days=7), DAY - timedelta(days=2))))
        s.execute(delete(ArticleRow).where(ArticleRow.source_id == "sinchew", ArticleRow.batch_day == DAY))
        assert s.scalar(select(SourceRun.day).where(SourceRun.day == DAY - timedelta(days=1)).limit(1))
    assert "volume.volume_not_below_band" not in failures(good_day)


def test_sources_without_a_time_are_exempt_from_published_present(good_day, tmp_path, monkeypatch):
    from pantau.quality.expectations import expectations_dir

    for path in expectations_dir().glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        (tmp_path / path.name).write_text(text.replace("sources_without_time: []", "sources_without_time: [thestar]"))
    monkeypatch.setenv("PANTAU_EXPECTATIONS", str(tmp_path))
    with store.session(good_day) as s:
        set_articles(s, [todays("thestar", 1)], published_at=None)
    assert failures(good_day) == set()
