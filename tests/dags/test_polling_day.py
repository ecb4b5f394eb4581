"""A replayed day of all-day polling: a wire feed that lists only its 10 newest items, undated,
publishes 200 stories with a morning burst. Polled on its adaptive cadence, every story is
collected and dated by its own page; the burst shows as gaps and the interval shortens.
Then the polling DAG itself, through Airflow, on the same kind of feed."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from pantau import store
from pantau.days import BRIEFING_ZONE, briefing_day_of
from pantau.ingest.fetch import Fetcher, FetchSettings
from pantau.ingest.poll import poll_due
from pantau.registry.sources import Source
from pantau.store import ArticleRow, SourceCadence, SourcePoll

from ..rolling_feed import RollingFeed
from ..servers import LocalSite

DAY = date(2025, 7, 8)
MIDNIGHT = datetime.combine(DAY, time(0), tzinfo=BRIEFING_ZONE)
TICK = timedelta(minutes=5)


def wire_day() -> list[datetime]:
    """200 publication times: a quiet night, a busy morning, a burst at 09:00, a steady day."""

    def spread(start_hour: float, hours: float, count: int) -> list[datetime]:
        start = MIDNIGHT + timedelta(hours=start_hour)
        return [start + timedelta(hours=hours) * n / count for n in range(count)]

    return spread(0, 6, 12) + spread(6, 3, 36) + spread(9, 1, 40) + spread(10, 12, 112)


def wire_source(feed: RollingFeed) -> Source:
    return Source.model_validate(
        {
            "id": "wire_en",
            "outlet": "Wire",
            "language": "en",
            "kind": "rss",
            "urls": [feed.url()],
            "interval_minutes": 60,
            "min_interval_minutes": 5,
            "recover_by_number": True,
            "politeness": {"min_delay_seconds": 0.0, "concurrency": 4},
        }
    )


def test_a_replayed_day_collects_all_200_stories_of_a_10_item_feed(sqlite_url):
    moments = wire_day()
    assert len(moments) == 200
    summaries = []
    with LocalSite() as site, Fetcher(FetchSettings(retries=0)) as fetcher:
        feed = RollingFeed(site, listed=10)
        source = wire_source(feed)
        now = MIDNIGHT
        while now <= MIDNIGHT + timedelta(days=1):
            feed.publish_at([moment for moment in moments[len(feed.published) :] if moment <= now])
            summaries += poll_due([source], now, early=TICK / 2, db_url=sqlite_url, fetcher=fetcher)
            now += TICK
    with store.session(sqlite_url) as s:
        articles = s.execute(select(ArticleRow.title, ArticleRow.published_at, ArticleRow.day)).all()
        polls = s.scalar(select(func.count()).select_from(SourcePoll))
        final_interval = s.get(SourceCadence, "wire_en").interval_minutes
    assert len(articles) == 200, "every story of the day collected"
    published = dict(zip((f"ASEAN story number {n}" for n in range(1, 201)), moments, strict=True))
    assert all(moment == published[title] for title, moment, _ in articles), "each article dated by its page"
    assert {day for _, _, day in articles} == {DAY}
    gaps = [summary for summary in summaries if summary["gap"]]
    assert gaps, "the burst outran the feed's 10 items"
    assert sum(summary["recovered"] for summary in gaps) == sum(summary["lost_estimate"] for summary in gaps)
    intervals = [summary["interval_minutes"] for summary in summaries]
    assert min(intervals) < 60, "the overflowing feed is polled more often"
    assert polls == len(summaries) < 24 * 12, "a source not due is not polled"
    assert final_interval > min(intervals), "and less often again once it is quiet"


@pytest.mark.integration
@pytest.mark.slow
def test_the_polling_dag_polls_the_due_sources_through_airflow(airflow_db, tmp_path, monkeypatch):
    from airflow.dag_processing.dagbag import DagBag

    dags = Path(__file__).resolve().parents[2] / "dags"
    with LocalSite() as site:
        feed = RollingFeed(site, listed=10)
        feed.publish(10, start=datetime.now(BRIEFING_ZONE) - timedelta(hours=1), every=timedelta(minutes=5))
        entry = {**wire_source(feed).model_dump(mode="json"), "id": "wire_en"}
        sources = tmp_path / "sources.yaml"
        sources.write_text(yaml.safe_dump({"sources": [entry]}), encoding="utf-8")
        monkeypatch.setenv("PANTAU_SOURCES", str(sources))
        monkeypatch.setenv("PANTAU_DB_URL", f"sqlite:///{tmp_path / 'pantau.db'}")
        dag = DagBag(dag_folder=str(dags)).dags["pantau_polling"]
        first = dag.test()
        second = dag.test()  # a tick later: the source is not due, nothing is polled
    assert (first.state, second.state) == ("success", "success")
    with store.session(f"sqlite:///{tmp_path / 'pantau.db'}") as s:
        polls = s.scalars(select(SourcePoll)).all()
        articles = s.scalar(select(func.count()).select_from(ArticleRow))
    assert [(poll.source_id, poll.new_items) for poll in polls] == [("wire_en", 10)]
    assert articles == 10 and briefing_day_of(polls[0].started_at) == briefing_day_of(datetime.now(BRIEFING_ZONE))
    # What a source alert links: this poll task instance's log, by its outlet group and map index.
    assert "/dags/pantau_polling/runs/" in polls[0].log_url
    assert "/tasks/wire.poll/mapped/0?try_number=1" in polls[0].log_url
