"""Source health: one record per poll attempt, each day's polls summed, and the signals alerting reads.

A poll is `ok` (brought new articles), `unchanged` (fetched fine, nothing new), `deferred` (the
server asked for a pause longer than the source allows) or `failed` with a reason class: dns,
timeout, connection, redirect-loop, http-<status>, too-large, content-encoding, parse-error,
hostile-xml, empty-feed, robots, refused-address, store-error, internal. A day's row
(`SourceRun`) sums its polls; a past day served from the store is `replayed`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Integer, func, select
from sqlalchemy.orm import Session

from pantau.days import day_window
from pantau.registry.sources import Source
from pantau.store import ArticleRow, SourcePoll, SourceRun

SUCCEEDED = ("ok", "unchanged", "replayed")


@dataclass(frozen=True)
class RunRecord:
    status: str
    reason: str | None
    error: str | None
    items_seen: int
    new_items: int  # article pages stored for the day so far, this poll's and earlier polls'
    failed_items: int
    bytes_received: int
    started_at: datetime
    finished_at: datetime
    found_new: bool  # this poll stored a new article
    deferred_until: datetime | None = None  # the server asked not to be fetched again before
    stored: int | None = None  # article pages this poll stored (default: 1 if found_new else 0)
    gap: bool = False  # the listing shared nothing with the previous one: items may have been lost
    lost_estimate: int | None = None  # how many, where the listing gives evidence
    log_url: str | None = None  # the log of the Airflow task instance that ran the poll


def record_run(s: Session, source_id: str, day: date, run: RunRecord) -> SourceRun:
    """Record one poll attempt, and add it to the (source, day) row the briefing and quality read."""
    previous_new = s.scalar(select(func.max(SourceRun.last_new_item_at)).where(SourceRun.source_id == source_id))
    s.add(
        SourcePoll(
            source_id=source_id,
            day=day,
            status=run.status,
            reason=run.reason,
            error=run.error,
            items_seen=run.items_seen,
            new_items=run.stored if run.stored is not None else int(run.found_new),
            failed_items=run.failed_items,
            bytes_received=run.bytes_received,
            gap=run.gap,
            lost_estimate=run.lost_estimate,
            started_at=run.started_at,
            finished_at=run.finished_at,
            log_url=run.log_url,
        )
    )
    row = s.get(SourceRun, (source_id, day))
    if row is None:
        row = SourceRun(source_id=source_id, day=day, polls_ok=0, polls_failed=0, gaps=0, lost_estimate=0)
        row.bytes_received, row.started_at = 0, run.started_at
        s.add(row)
    failed = run.status == "failed"
    row.polls_ok, row.polls_failed = row.polls_ok + (not failed), row.polls_failed + failed
    row.gaps += run.gap
    row.lost_estimate += run.lost_estimate or 0
    # The day failed only while none of its polls worked; the newest failure says why. A deferred
    # newest poll says so until a later poll reaches the server again.
    if not row.polls_ok:
        row.status = "failed"
    elif run.status == "deferred":
        row.status = "deferred"
    else:
        row.status = "ok" if run.new_items else "unchanged"
    if failed:
        row.reason, row.error = run.reason, run.error
    elif not row.polls_failed:
        row.reason = row.error = None
    row.items_seen, row.new_items = max(row.items_seen or 0, run.items_seen), run.new_items
    row.failed_items = run.failed_items
    row.bytes_received = (row.bytes_received or 0) + run.bytes_received
    row.finished_at = run.finished_at
    row.last_new_item_at = run.finished_at if run.found_new else previous_new
    row.deferred_until = run.deferred_until
    return row


@dataclass(frozen=True)
class FailureStreak:
    source_id: str
    count: int  # consecutive failed polls, counted back from the newest
    since: date | None  # the day of the streak's first failed poll
    since_at: datetime | None  # when that poll started
    hours: float  # from the first failed poll of the streak to the newest
    reason: str | None  # of the newest failure
    error: str | None

    def alerting(self, source: Source) -> bool:
        """Failing: enough failed polls, over enough hours, that it is not a blip."""
        return self.count >= source.alert_after_failures and self.hours >= source.alert_after_hours


def consecutive_failures(s: Session, source_id: str, *, through: date | None = None) -> FailureStreak:
    """How many of the source's newest polls (up to the day `through`) failed in a row."""
    query = (
        select(SourcePoll)
        .where(SourcePoll.source_id == source_id)
        .order_by(SourcePoll.started_at.desc(), SourcePoll.id.desc())
    )
    if through is not None:
        query = query.where(SourcePoll.day <= through)
    count, first, newest = 0, None, None
    for poll in s.scalars(query):
        if poll.status != "failed":
            break
        newest = newest or poll
        count, first = count + 1, poll
    hours = (newest.started_at - first.started_at).total_seconds() / 3600 if newest and first else 0.0
    return FailureStreak(
        source_id=source_id,
        count=count,
        since=first.day if first else None,
        since_at=first.started_at if first else None,
        hours=hours,
        reason=newest.reason if newest else None,
        error=newest.error if newest else None,
    )


@dataclass(frozen=True)
class DayHealth:
    """One source's polls over one day, for the briefing's source-health section."""

    source_id: str
    polls_ok: int
    polls_failed: int
    items: int  # article pages stored that day
    gaps: int
    lost_estimate: int  # items the gaps may have lost, where a listing gave evidence


def day_health(s: Session, day: date) -> dict[str, DayHealth]:
    """Per source: the day's polls that worked and failed, items brought, gaps."""
    rows = s.execute(
        select(
            SourcePoll.source_id,
            func.sum(func.cast(SourcePoll.status != "failed", Integer)),
            func.sum(func.cast(SourcePoll.status == "failed", Integer)),
            func.sum(SourcePoll.new_items),
            func.sum(func.cast(SourcePoll.gap, Integer)),
            func.sum(func.coalesce(SourcePoll.lost_estimate, 0)),
        )
        .where(SourcePoll.day == day)
        .group_by(SourcePoll.source_id)
    ).all()
    return {
        source_id: DayHealth(source_id, int(ok or 0), int(failed or 0), int(items or 0), int(gaps or 0), int(lost or 0))
        for source_id, ok, failed, items, gaps, lost in rows
    }


@dataclass(frozen=True)
class Staleness:
    source_id: str
    stale: bool
    last_new_item_at: datetime | None  # None: never brought anything
    hours_without_new: float | None
    threshold_hours: int


def unrecovered_sources(s: Session, day: date, source_ids: list[str]) -> list[str]:
    """Sources the day has nothing from: no poll ran during the day (the system was down) and no
    later poll (a backfill, an archive sitemap) brought an article dated on it."""
    start, end = day_window(day)
    polled_live = set(
        s.scalars(select(SourcePoll.source_id).where(SourcePoll.started_at >= start, SourcePoll.started_at < end))
    )
    with_articles = set(s.scalars(select(ArticleRow.source_id).where(ArticleRow.day == day)))
    return sorted(set(source_ids) - polled_live - with_articles)


def newest_poll(s: Session, source_id: str) -> SourcePoll | None:
    query = select(SourcePoll).where(SourcePoll.source_id == source_id)
    return s.scalars(query.order_by(SourcePoll.started_at.desc(), SourcePoll.id.desc()).limit(1)).first()


def staleness(s: Session, source: Source, now: datetime) -> Staleness:
    """Stale: the source is fetched fine but brought no new item for over `stale_after_hours`.

    Wall-clock hours, checked after every poll. A failing source is not stale (the failure
    streak reports it); a source that has never brought anything counts from its first poll.
    """
    newest = newest_poll(s, source.id)
    last_new = s.scalar(select(func.max(SourceRun.last_new_item_at)).where(SourceRun.source_id == source.id))
    if newest is None or newest.status not in SUCCEEDED:
        return Staleness(source.id, False, last_new, None, source.stale_after_hours)
    since = last_new or s.scalar(select(func.min(SourcePoll.started_at)).where(SourcePoll.source_id == source.id))
    assert since is not None  # the newest poll exists, so some poll has started
    hours = (now - since).total_seconds() / 3600
    return Staleness(source.id, hours > source.stale_after_hours, last_new, round(hours, 2), source.stale_after_hours)
