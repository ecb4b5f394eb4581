"""Source history for alert tests, written the way the poll stage writes it (`health.record_run`)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import yaml

from pantau import store
from pantau.days import BRIEFING_ZONE
from pantau.health.runs import RunRecord, record_run


def run_time(day: date, minutes_after_seven: int = 2) -> datetime:
    """When the daily run covering `day` polls: 07:00 MYT the next morning, plus a little."""
    return datetime.combine(day + timedelta(days=1), time(7), tzinfo=BRIEFING_ZONE) + timedelta(
        minutes=minutes_after_seven
    )


def record(
    db_url: str,
    source_id: str,
    day: date,
    status: str,
    *,
    reason: str | None = None,
    error: str | None = None,
    at: datetime | None = None,
    found_new: bool = False,
    log_url: str | None = None,
) -> None:
    at = at or run_time(day)
    with store.session(db_url) as s:
        record_run(
            s,
            source_id,
            day,
            RunRecord(
                status=status,
                reason=reason,
                error=error,
                items_seen=3,
                new_items=int(found_new),
                failed_items=0,
                bytes_received=100,
                started_at=at,
                finished_at=at + timedelta(seconds=5),
                found_new=found_new,
                log_url=log_url,
            ),
        )


def record_articles(db_url: str, source_id: str, day: date, methods: list[str]) -> None:
    """The day's parse output for a source: one article per extraction method given."""
    with store.session(db_url) as s:
        for n, method in enumerate(methods):
            s.merge(
                store.ArticleRow(
                    id=f"{source_id}-{day:%Y%m%d}-{n}",
                    url=f"https://example.org/{source_id}/{day}/{n}",
                    source_id=source_id,
                    outlet=source_id,
                    title=f"Article {n}",
                    language="en",
                    body="Text.",
                    method=method,
                    raw_page_id=n,
                    day=day,
                    batch_day=day,
                )
            )


def write_sources(path: Path, *entries: dict) -> Path:
    defaults = {"language": "en", "kind": "rss", "politeness": {"min_delay_seconds": 0.0}}
    path.write_text(yaml.safe_dump({"sources": [{**defaults, **entry} for entry in entries]}), encoding="utf-8")
    return path
