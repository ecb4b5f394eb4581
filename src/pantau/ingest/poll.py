"""The poll stage: fetch a source's feeds and the new articles they list, store them raw.

Every response is stored (zlib-compressed, with headers and status) before anything parses
it, so a parser fix can rerun on what was fetched. Feeds are fetched conditionally and an
unchanged feed is read again from the store, so an article whose fetch failed last hour is
tried again; an article URL already fetched is never fetched twice, in any of its spellings.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from pantau import store
from pantau.days import briefing_day_of, day_window
from pantau.health.runs import RunRecord, record_run
from pantau.ingest.archive import recover_day, sitemap_fetch
from pantau.ingest.cadence import ITEM_NUMBER as _ITEM_NUMBER_AT_END
from pantau.ingest.cadence import (
    NO_GAP,
    Gap,
    due_sources,
    item_number,
    listing_gap,
    record_cadence,
    skipped_numbers,
)
from pantau.ingest.feeds import FeedItem, FeedRejected, source_items
from pantau.ingest.fetch import FetchDeferred, Fetched, Fetcher, FetchFailed
from pantau.ingest.urls import normalise_url, origin
from pantau.redact import redacted
from pantau.registry.sources import Source
from pantau.store import ArticleRow, FeedListing, RawPage, SourceRun, UrlState

log = logging.getLogger(__name__)

# A past day's feed items are kept when dated within its window widened by this much on each
# side: outlets date items by their own clock, and a briefing day needs the evening before.
PAST_DAY_SLACK = timedelta(days=1)
# A day whose window closed longer ago than this is "past": it is replayed, not fetched live.
PAST_AFTER = timedelta(days=1)
# Article answers at or above this status are retried on the next poll; below, they are done.
RETRY_STATUS = 500


class SourceFailed(Exception):
    """A source's poll failed; raised after its run is recorded, so the task goes red and retries."""

    def __init__(self, summary: dict):
        super().__init__(f"{summary['source_id']}: {summary['reason']}: {summary['error']}")
        self.summary = summary
        self.reason: str = summary["reason"]
        self.detail: str = summary["error"]


@dataclass
class _Tally:
    items_seen: int = 0
    new: int = 0
    unchanged: int = 0  # feeds not modified + listed articles already collected
    bytes_received: int = 0
    feed_failures: list[FetchFailed | FeedRejected] = field(default_factory=list)
    item_failures: dict[str, FetchFailed] = field(default_factory=dict)  # by listed URL
    # Servers that asked for a longer pause than the source allows; their pages wait for a later poll.
    deferred: list[FetchDeferred] = field(default_factory=list)
    gap: Gap = NO_GAP
    recovered: int = 0  # pages of skipped items fetched by their guessed numbers


def poll_source(
    source: Source,
    day: date,
    *,
    now: datetime | None = None,
    db_url: str | None = None,
    fetcher: Fetcher | None = None,
    parse: bool = True,
    log_url: str | None = None,
) -> dict:
    """Poll one source, file what it brings under `day`, and record the poll; raises SourceFailed if it failed.

    Returns {"source_id", "status", "items_seen", "new", "unchanged", "failed", "gap",
    "lost_estimate", "interval_minutes", "error", "reason"}: items listed (for a past day: dated
    near it), article pages stored by this poll (replayed: stored for the day before), feeds not
    modified plus listed articles collected earlier, failed feeds and articles, whether a feed's
    listing shared nothing with its previous one (items may have been lost; how many, where the
    listing tells), the source's interval from now on. With `parse`, the pages stored are parsed
    into articles at once. Records are timed on `now`'s clock (tests pass a simulated one).
    `log_url` is the log of the Airflow task running the poll, kept with the record for alerts.
    """
    now = now or datetime.now(timezone.utc)
    if now.tzinfo is None:
        raise ValueError("now must be tz-aware")
    started = time.monotonic()

    def clock() -> datetime:
        return now + timedelta(seconds=time.monotonic() - started)

    start, end = day_window(day)
    past = now - end > PAST_AFTER
    if past and (replay := _replay(source, day, db_url)):
        return replay
    keep = (start - PAST_DAY_SLACK, end + PAST_DAY_SLACK) if past else None
    if (until := _deferred_until(source, db_url)) and until > now:
        asked = _Tally(deferred=[FetchDeferred(f"the server asked not to be polled before {until.isoformat()}", 0)])
        if _has_run(source, day, db_url):  # the day's record keeps what the earlier poll brought
            return _summary(source.id, "deferred", asked, reason="retry-after", error=asked.deferred[0].detail)
        return _finish(source, day, asked, now, clock(), db_url, deferred_until=until, log_url=log_url)
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher()
    fetcher.trust_origins(source.configured_urls)
    try:
        tally = _poll_live(source, day, keep, db_url, fetcher, clock, parse=parse)
    except Exception as exc:  # a store or programming error: the run is still recorded, as failed
        tally = _Tally(feed_failures=[FetchFailed("internal", f"{type(exc).__name__}: {exc}")])
    finally:
        if own_fetcher:
            fetcher.close()
    pause = max((deferral.wait_seconds for deferral in tally.deferred), default=None)
    finished = clock()
    deferred_until = finished + timedelta(seconds=pause) if pause else None
    return _finish(source, day, tally, now, finished, db_url, deferred_until=deferred_until, log_url=log_url)


def poll_sources(
    sources: Sequence[Source],
    day: date,
    *,
    now: datetime | None = None,
    db_url: str | None = None,
    fetcher: Fetcher | None = None,
) -> list[dict]:
    """Poll many sources concurrently (politeness per host still holds); never raises for one source."""
    store.engine(db_url)  # create the tables once, before threads would race to
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher()

    def poll_one(source: Source) -> dict:
        try:
            return poll_source(source, day, now=now, db_url=db_url, fetcher=fetcher)
        except SourceFailed as failure:
            return failure.summary
        except Exception as exc:  # a store or programming error: report it, poll the rest
            error = redacted(f"{type(exc).__name__}: {exc}")
            return _summary(source.id, "failed", _Tally(), reason="internal", error=error)

    try:
        with ThreadPoolExecutor(max_workers=fetcher.settings.workers) as pool:
            futures = {position: pool.submit(poll_one, sources[position]) for position in _round_robin_by_host(sources)}
            return [futures[position].result() for position in range(len(sources))]
    finally:
        if own_fetcher:
            fetcher.close()


def poll_due(
    sources: Sequence[Source],
    now: datetime,
    *,
    early: timedelta = timedelta(0),
    db_url: str | None = None,
    fetcher: Fetcher | None = None,
) -> list[dict]:
    """One tick of all-day polling: poll the sources due by `now + early`, filing pages under the
    day of `now`. The polling DAG does the same with one task per due source; the demo and the
    tests call this on a simulated clock."""
    with store.session(db_url) as s:
        due = due_sources(s, sources, now, early=early)
    return poll_sources(due, briefing_day_of(now), now=now, db_url=db_url, fetcher=fetcher) if due else []


def _round_robin_by_host(sources: Sequence[Source]) -> list[int]:
    """Positions of the sources, ordered so that consecutive ones are on different hosts: the
    workers then keep every host busy at once instead of queueing on one host's gate."""
    by_host: dict[str, list[int]] = {}
    for position, source in enumerate(sources):
        by_host.setdefault(origin(source.urls[0]), []).append(position)
    queues = list(by_host.values())
    return [queue[n] for n in range(max(map(len, queues), default=0)) for queue in queues if n < len(queue)]


def _poll_live(source: Source, day: date, keep, db_url, fetcher: Fetcher, clock, *, parse: bool) -> _Tally:
    tally = _Tally()
    listed: dict[str, FeedItem] = {}
    listings: dict[str, list[FeedItem]] = {}  # by normalised feed URL
    for feed_url in source.urls:
        try:
            items = _feed_listing(source, feed_url, day, db_url, fetcher, tally, clock)
        except FetchDeferred as deferral:
            tally.deferred.append(deferral)
            continue
        except (FetchFailed, FeedRejected) as failure:
            tally.feed_failures.append(failure)
            continue
        except SQLAlchemyError as exc:
            tally.feed_failures.append(FetchFailed("store-error", f"{feed_url}: {type(exc).__name__}: {exc}"[:1000]))
            continue
        listings[normalise_url(feed_url)] = items
        for item in items:
            listed.setdefault(item.key, item)
    if keep is not None:
        for item in archive_items(source, day, fetcher):
            listed.setdefault(item.key, item)
    wanted = list(listed.values())
    if keep is not None:
        # A past day: only what the feed dates inside it; undated items cannot be placed.
        wanted = [item for item in wanted if item.published and keep[0] <= item.published < keep[1]]
    tally.items_seen = len(wanted)
    fresh = _not_yet_collected(wanted, db_url)
    tally.unchanged += len(wanted) - len(fresh)
    fresh.sort(key=lambda item: item.published or datetime.min.replace(tzinfo=timezone.utc), reverse=True)

    def collect(item: FeedItem) -> tuple[FetchFailed | int | None, int]:
        """(failure, or the id of the new page stored; bytes received)."""
        if not fetcher.claim(item.key):  # another source of this run fetches the same page
            return None, 0
        try:
            fetched = fetcher.get(item.url, politeness=source.politeness, headers=source.headers)
        except FetchFailed as failure:
            fetcher.release(item.key)
            return failure, 0
        if fetched.status >= RETRY_STATUS:
            fetcher.release(item.key)
        try:
            stored = _store_page(
                fetched, item.key, source, day, "article", item.published, db_url, clock(), listed_title=item.title
            )
        except SQLAlchemyError as exc:  # one page the store refuses must not cost the source its run
            return FetchFailed("store-error", f"{item.url}: {type(exc).__name__}: {exc}"[:1000]), fetched.received
        if fetched.status >= 400:
            return FetchFailed(f"http-{fetched.status}", f"{item.url} answered {fetched.status}"), fetched.received
        return stored, fetched.received

    def collect_all(items: list[FeedItem], *, guessed: bool = False) -> dict[int, str]:
        """Fetch and store the items; the new pages' ids with their item keys. A guessed address
        that does not answer is no failure: the number was another service's, or never used."""
        stored: dict[int, str] = {}
        with ThreadPoolExecutor(max_workers=source.politeness.concurrency) as pool:
            for item, (outcome, received) in zip(items, pool.map(collect, items)):
                tally.bytes_received += received
                if isinstance(outcome, FetchDeferred):
                    tally.deferred.append(outcome)  # not a failure: left unrecorded, so a later poll fetches it
                elif isinstance(outcome, FetchFailed):
                    if not guessed:
                        tally.item_failures[item.url] = outcome
                elif outcome:
                    tally.new += 1
                    stored[outcome] = item.key
        return stored

    new_pages = collect_all(fresh[: source.max_items])
    page_times = _parsed_times(source, new_pages, db_url) if parse and new_pages else {}
    tally.gap, missing = _record_listings(source, listings, page_times, db_url, clock())
    if source.recover_by_number and missing and keep is None:
        guesses = _not_yet_collected(missing[: source.max_items], db_url)
        recovered = collect_all(guesses, guessed=True)
        tally.recovered = len(recovered)
        if parse and recovered:
            _parsed_times(source, recovered, db_url)
    return tally


def archive_items(source: Source, day: date, fetcher: Fetcher) -> list[FeedItem]:
    """The items a source's archive (its dated sitemaps) lists for a past day the polls missed.

    A source without an archive, or whose archive cannot be read, is rebuilt only from what its
    live feed still dates near that day, and the briefing names the sources it could not recover
    (`health.runs.unrecovered_sources`).
    """
    if source.archive is None:
        return []
    try:
        return recover_day(source, day, fetcher)
    except FeedRejected as failure:
        log.warning("%s: %s could not be recovered from the archive: %s", source.id, day, failure)
        return []


def _parsed_times(source: Source, new_pages: dict[int, str], db_url) -> dict[str, datetime | None]:
    """Parse the pages just stored (the briefing run then has nothing left to parse); the publication
    time each page gives, by item key. A parse failure never fails the poll: the page stays pending."""
    from pantau.extract.parse import parse_pages

    try:
        with store.session(db_url) as s:
            parse_pages(s, list(new_pages), {source.id: source})
            rows = s.execute(
                select(ArticleRow.raw_page_id, ArticleRow.published_at).where(ArticleRow.raw_page_id.in_(new_pages))
            ).all()
    except Exception:
        log.exception("parsing the pages %s just stored failed; they stay pending", source.id)
        return {}
    return {new_pages[page_id]: published for page_id, published in rows}


def _record_listings(
    source: Source, listings: dict[str, list[FeedItem]], page_times: dict[str, datetime | None], db_url, at: datetime
) -> tuple[Gap, list[FeedItem]]:
    """Compare each feed's listing with its previous one and remember it: the source's gap, and the
    addresses of the items a numbered feed skipped (for sources that may recover them)."""
    gaps: list[Gap] = []
    missing: list[FeedItem] = []
    try:
        with store.session(db_url) as s:
            for feed_key, items in listings.items():
                previous = s.get(FeedListing, feed_key)
                earlier = {key: _moment(text) for key, text in previous.items} if previous else {}
                listing = [
                    (item.key, item.published or page_times.get(item.key) or earlier.get(item.key)) for item in items
                ]
                if previous is not None:
                    gaps.append(listing_gap(list(earlier.items()), listing))
                    missing += _skipped_items(list(earlier), items)
                else:
                    previous = FeedListing(url=feed_key, source_id=source.id)
                    s.add(previous)
                previous.items = [[key, moment.isoformat() if moment else None] for key, moment in listing]
                previous.listed_at = at
    except IntegrityError:  # a concurrent poll (the final sweep, a tick) stored the feed's first listing
        return NO_GAP, []
    return Gap.combined(gaps), missing


def _skipped_items(previous_keys: list[str], items: list[FeedItem]) -> list[FeedItem]:
    """The items a numbered feed's two listings leave out, addressed like the oldest item listed now."""
    oldest = min(items, key=lambda item: item_number(item.key) or 0, default=None)
    first = oldest and item_number(oldest.url)
    if oldest is None or not first:
        return []
    numbers = skipped_numbers(previous_keys, [item.key for item in items])
    guessed = [_ITEM_NUMBER_AT_END.sub(str(number), oldest.url) for number in numbers]
    return [FeedItem(url=url, key=normalise_url(url), published=None) for url in guessed]


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _feed_listing(source: Source, feed_url: str, day, db_url, fetcher: Fetcher, tally: _Tally, clock) -> list[FeedItem]:
    """The items one feed URL lists now; an unchanged feed is read from its stored copy."""
    key = normalise_url(feed_url)
    with store.session(db_url) as s:
        state = s.get(UrlState, key)
        validators = (state.etag, state.last_modified) if state else (None, None)
    fetched = fetcher.get(
        feed_url,
        politeness=source.politeness,
        etag=validators[0],
        last_modified=validators[1],
        headers=source.headers,
    )
    if fetched.not_modified:
        stored = _stored_copy(key, db_url)
        if stored is None:  # validators outlived the stored copy: ask for the page itself
            fetched = fetcher.get(feed_url, politeness=source.politeness, headers=source.headers)
        else:
            tally.unchanged += 1
            return _items(source, stored.body, stored.final_url, stored.headers.get("Content-Type"), fetcher)
    tally.bytes_received += fetched.received
    changed = _store_page(fetched, key, source, day, "feed", None, db_url, clock())
    if fetched.status >= 400:
        raise FetchFailed(f"http-{fetched.status}", f"{feed_url} answered {fetched.status}")
    if not changed:
        tally.unchanged += 1
    return _items(source, fetched.body, fetched.final_url, fetched.headers.get("Content-Type"), fetcher)


def _items(source: Source, body: bytes, base_url: str, content_type: str | None, fetcher: Fetcher) -> list[FeedItem]:
    fetch = sitemap_fetch(fetcher, source)  # a sitemap index's children
    return source_items(source, body, base_url=base_url, content_type=content_type, fetch=fetch)


def _store_page(
    fetched: Fetched,
    key: str,
    source: Source,
    day: date,
    kind: str,
    listed_at: datetime | None,
    db_url,
    fetched_at: datetime,
    *,
    listed_title: str | None = None,
) -> int | None:
    """Store the response raw and remember its validators; the new page's id, None when this exact
    body is stored already."""
    digest = hashlib.sha256(fetched.body).hexdigest()
    try:
        with store.session(db_url) as s:
            if fetched.status < 400:
                state = s.get(UrlState, key) or UrlState(url=key)
                state.etag = _validator(fetched.headers.get("ETag"), UrlState.etag)
                state.last_modified = _validator(fetched.headers.get("Last-Modified"), UrlState.last_modified)
                state.content_hash, state.fetched_at, state.status = digest, fetched_at, fetched.status
                s.merge(state)
            elif kind == "article":  # remembered so a 404 is not fetched again, a 5xx is
                s.merge(UrlState(url=key, fetched_at=fetched_at, status=fetched.status))
            if s.scalar(select(RawPage.id).where(RawPage.url == key, RawPage.content_hash == digest)):
                return None
            page = RawPage(
                url=key,
                final_url=fetched.final_url,
                source_id=source.id,
                kind=kind,
                batch_day=day,
                fetched_at=fetched_at,
                status=fetched.status,
                headers=fetched.headers,
                content_hash=digest,
                size=len(fetched.body),
                body_z=RawPage.compress(fetched.body),
                listed_at=listed_at,
                listed_title=listed_title,
            )
            s.add(page)
            s.flush()
            return page.id
    except IntegrityError:  # another task stored the same page at the same moment
        return None


def _validator(value: str | None, column) -> str | None:
    """A validator to send back later, or None for one too long to store whole (a cut one never matches)."""
    return value if value and len(value) <= column.type.length else None


def _stored_copy(key: str, db_url) -> RawPage | None:
    with store.session(db_url) as s:
        return s.scalars(
            select(RawPage).where(RawPage.url == key, RawPage.status < 400).order_by(RawPage.fetched_at.desc()).limit(1)
        ).first()


def _not_yet_collected(items: list[FeedItem], db_url) -> list[FeedItem]:
    done: set[str] = set()
    keys = [item.key for item in items]
    with store.session(db_url) as s:
        for offset in range(0, len(keys), 500):
            done.update(
                s.scalars(
                    select(UrlState.url).where(
                        UrlState.url.in_(keys[offset : offset + 500]), UrlState.status < RETRY_STATUS
                    )
                )
            )
    return [item for item in items if item.key not in done]


def _deferred_until(source: Source, db_url) -> datetime | None:
    """Until when the source's server asked, at an earlier poll, not to be fetched."""
    with store.session(db_url) as s:
        return s.scalar(select(func.max(SourceRun.deferred_until)).where(SourceRun.source_id == source.id))


def _has_run(source: Source, day: date, db_url) -> bool:
    with store.session(db_url) as s:
        return s.get(SourceRun, (source.id, day)) is not None


def _replay(source: Source, day: date, db_url) -> dict | None:
    """A past day already collected: report what is stored and touch no network. The day's run
    record stays as the original poll wrote it, so a rerun changes nothing. A past day whose poll
    failed is not collected: it is polled again, keeping only items dated near it."""
    with store.session(db_url) as s:
        run = s.get(SourceRun, (source.id, day))
        if run is None or run.status == "failed":
            return None
        articles = s.scalars(
            select(func.count()).where(
                RawPage.source_id == source.id, RawPage.batch_day == day, RawPage.kind == "article"
            )
        ).one()
    return _summary(source.id, "replayed", _Tally(items_seen=articles, new=articles))


def _finish(
    source: Source,
    day: date,
    tally: _Tally,
    started_at: datetime,
    finished_at: datetime,
    db_url,
    *,
    deferred_until: datetime | None = None,
    log_url: str | None = None,
) -> dict:
    status, reason, error = _verdict(tally)
    run = RunRecord(
        status=status,
        reason=reason,
        error=error,
        items_seen=tally.items_seen,
        new_items=0,
        failed_items=len(tally.item_failures),
        bytes_received=tally.bytes_received,
        started_at=started_at,
        finished_at=finished_at,
        found_new=tally.new > 0,
        deferred_until=deferred_until,
        stored=tally.new,
        gap=tally.gap.gap,
        lost_estimate=tally.gap.lost_estimate,
        log_url=log_url,
    )
    # Its own transaction, first: the run record is what says the source was attempted. Two polls
    # of the source finishing together both insert the rows (run, cadence); the loser writes again
    # as an update.
    for attempt in range(2):
        try:
            with store.session(db_url) as s:
                stored_for_day = s.scalar(
                    select(func.count()).where(
                        RawPage.source_id == source.id, RawPage.batch_day == day, RawPage.kind == "article"
                    )
                )
                record_run(s, source.id, day, replace(run, new_items=stored_for_day or 0))
                cadence = record_cadence(
                    s, source, started_at, failed=status == "failed", gap=tally.gap.gap, found_new=tally.new > 0
                )
            break
        except IntegrityError:
            if attempt:
                raise
    with store.session(db_url) as s:
        for url, failure in tally.item_failures.items():
            store.quarantine(s, "poll", day, url, failure.reason, failure.detail)
    if tally.gap.gap:
        log.warning(
            "%s: the listing shares nothing with the previous one; %s item(s) may have been lost; interval now %d min",
            source.id,
            "unknown" if tally.gap.lost_estimate is None else tally.gap.lost_estimate,
            cadence.interval_minutes,
        )
    summary = _summary(source.id, status, tally, reason=reason, error=error, interval=cadence.interval_minutes)
    if status == "failed":
        raise SourceFailed(summary)
    return summary


def _verdict(tally: _Tally) -> tuple[str, str | None, str | None]:
    """failed if a feed failed or every article fetch did; deferred if a server asked for a pause
    and nothing new came; else ok with new articles, unchanged without."""
    if tally.feed_failures:
        first = tally.feed_failures[0]
        return "failed", first.reason, "; ".join(failure.detail for failure in tally.feed_failures)[:2000]
    if tally.deferred and tally.new == 0:
        return "deferred", "retry-after", tally.deferred[0].detail
    if tally.item_failures and tally.new == 0:
        failures = list(tally.item_failures.values())
        reason, _ = Counter(failure.reason for failure in failures).most_common(1)[0]
        return "failed", reason, f"all {len(failures)} article fetches failed; first: {failures[0].detail}"
    return ("ok" if tally.new else "unchanged"), None, None


def _summary(
    source_id: str,
    status: str,
    tally: _Tally,
    *,
    reason: str | None = None,
    error: str | None = None,
    interval: int | None = None,
) -> dict:
    return {
        "source_id": source_id,
        "status": status,
        "items_seen": tally.items_seen,
        "new": tally.new,
        "unchanged": tally.unchanged,
        "failed": len(tally.item_failures) + len(tally.feed_failures),
        "gap": tally.gap.gap,
        "lost_estimate": tally.gap.lost_estimate,
        "recovered": tally.recovered,
        "interval_minutes": interval,
        "error": error,
        "reason": reason,
    }
