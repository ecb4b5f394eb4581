"""Source health: each source's run per day, and the two signals alerting reads from them.

A run is `ok` (brought new articles), `unchanged` (fetched fine, nothing new), `replayed`
(a past day served from the store), `deferred` (the server asked for a pause longer than the
source allows) or `failed` with a reason class: dns, timeout, connection, redirect-loop,
http-<status>, too-large, content-encoding, parse-error, hostile-xml, empty-feed, robots,
refused-address, store-error, internal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pantau.registry.sources import Source
from pantau.store import SourceRun

SUCCEEDED = ("ok", "unchanged", "replayed")


@dataclass(frozen=True)
class RunRecord:
    status: str
    reason: str | None
    error: str | None
    items_seen: int
    new_items: int  # article pages stored for the day so far, this run's and earlier runs'
    failed_items: int
    bytes_received: int
    started_at: datetime
    finished_at: datetime
    found_new: bool  # this run stored a new article
    deferred_until: datetime | None = None  # the server asked not to be fetched again before


def record_run(s: Session, source_id: str, day: date, run: RunRecord) -> SourceRun:
    """Write the run as the (source, day) row: a rerun or retry of the day replaces it."""
    previous_new = s.scalar(select(func.max(SourceRun.last_new_item_at)).where(SourceRun.source_id == source_id))
    row = s.get(SourceRun, (source_id, day))
    if row is None:
        row = SourceRun(source_id=source_id, day=day)
        s.add(row)
    row.status, row.reason, row.error = run.status, run.reason, run.error
    row.items_seen, row.new_items, row.failed_items = run.items_seen, run.new_items, run.failed_items
    row.bytes_received = run.bytes_received
    row.started_at, row.finished_at = run.started_at, run.finished_at
    row.last_new_item_at = run.finished_at if run.found_new else previous_new
    row.deferred_until = run.deferred_until
    return row


@dataclass(frozen=True)
class FailureStreak:
    source_id: str
    count: int  # consecutive failed days, counted back from the newest
    since: date | None  # the first day of the streak
    reason: str | None  # of the newest failure
    error: str | None

    def alerting(self, source: Source) -> bool:
        return self.count >= source.alert_after_failures


def consecutive_failures(s: Session, source_id: str, *, through: date | None = None) -> FailureStreak:
    """How many of the source's newest runs (up to `through`) failed in a row."""
    query = select(SourceRun).where(SourceRun.source_id == source_id).order_by(SourceRun.day.desc())
    if through is not None:
        query = query.where(SourceRun.day <= through)
    count, since, newest = 0, None, None
    for run in s.scalars(query):
        if run.status != "failed":
            break
        newest = newest or run
        count, since = count + 1, run.day
    return FailureStreak(
        source_id=source_id,
        count=count,
        since=since,
        reason=newest.reason if newest else None,
        error=newest.error if newest else None,
    )


@dataclass(frozen=True)
class Staleness:
    source_id: str
    stale: bool
    last_new_item_at: datetime | None  # None: never brought anything
    hours_without_new: float | None
    threshold_hours: int


def staleness(s: Session, source: Source, now: datetime) -> Staleness:
    """Stale: the source is fetched fine but brought no new item for over `stale_after_hours`.

    A failing source is not stale (the failure streak reports it); a source that has never
    brought anything counts from its first run.
    """
    runs = select(SourceRun).where(SourceRun.source_id == source.id)
    newest = s.scalars(runs.order_by(SourceRun.day.desc(), SourceRun.finished_at.desc()).limit(1)).first()
    last_new = s.scalar(select(func.max(SourceRun.last_new_item_at)).where(SourceRun.source_id == source.id))
    if newest is None or newest.status not in SUCCEEDED:
        return Staleness(source.id, False, last_new, None, source.stale_after_hours)
    since = last_new or s.scalar(select(func.min(SourceRun.started_at)).where(SourceRun.source_id == source.id))
    assert since is not None  # the newest run exists, so some run has started
    hours = (now - since).total_seconds() / 3600
    return Staleness(source.id, hours > source.stale_after_hours, last_new, round(hours, 2), source.stale_after_hours)
