"""`pantau check-sources`: does every source in a registry answer, now, with dated items?

What an operator runs after deploying or editing the registry. Each feed URL is fetched once
(no retries: this is a probe, not a poll), through the same fetcher, robots rules, politeness
and parsers as the poll stage, and nothing is stored. One row per source, whatever happens to
it; the whole check ends within a deadline even when the network is gone or a host hangs, so
sources still unanswered then are reported as failed with that reason.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone

from pantau.ingest.archive import sitemap_fetch
from pantau.ingest.feeds import FeedItem, FeedRejected, SitemapLimits, source_items
from pantau.ingest.fetch import Fetcher, FetchFailed, FetchSettings
from pantau.ingest.urls import origin
from pantau.registry.sources import Source

# One attempt per URL, short timeouts: a probe says what the network does now; the polls retry.
PROBE_FETCH = FetchSettings(connect_timeout=5.0, read_timeout=10.0, max_seconds=30.0, retries=0, backoff_jitter=0.0)
# A sitemap index is probed through its newest couple of children, not read whole.
PROBE_SITEMAPS = SitemapLimits(max_depth=2, max_sitemaps=3)
# The whole check; a Crawl-delay or a hanging host must not keep the operator waiting longer.
DEADLINE_SECONDS = 120.0
# Failures that say the host itself is out of reach: its other URLs are not tried in this check.
HOST_DOWN_REASONS = frozenset({"dns", "connection", "timeout"})


@dataclass(frozen=True)
class CheckSettings:
    fetch: FetchSettings = PROBE_FETCH
    sitemaps: SitemapLimits = PROBE_SITEMAPS
    deadline_seconds: float = DEADLINE_SECONDS


@dataclass
class _Probe:
    items: list[FeedItem] = field(default_factory=list)
    status: int | None = None
    robots_allowed: bool | None = None  # None: robots.txt could not be read (the host did not answer)
    errors: list[str] = field(default_factory=list)


def check_sources(
    sources: list[Source], *, settings: CheckSettings | None = None, now: datetime | None = None
) -> list[dict]:
    """One row per source, in registry order: {source_id, ok, status, items, dated,
    newest_age_hours, robots_allowed, error}. Never raises for a source."""
    settings = settings or CheckSettings()
    now = now or datetime.now(timezone.utc)
    fetcher = Fetcher(settings.fetch)
    rows: dict[int, dict] = {}
    slots = threading.BoundedSemaphore(settings.fetch.workers)
    down_hosts = _DownHosts()
    by_host: dict[str, list[int]] = {}
    for position, source in enumerate(sources):
        fetcher.trust_origins(source.configured_urls)
        by_host.setdefault(origin(source.urls[0]), []).append(position)

    def probe(positions: list[int]) -> None:
        # One host's sources one after the other: once the host is found out of reach, the rest
        # of them say so at once instead of each waiting its turn at the host's politeness gate.
        with slots:
            for position in positions:
                rows[position] = check_source(
                    sources[position], fetcher, settings=settings, now=now, down_hosts=down_hosts
                )

    # Daemon threads: a host that never answers cannot hold the process past the deadline.
    threads = [
        threading.Thread(target=probe, args=(positions,), name=f"check-{host}", daemon=True)
        for host, positions in by_host.items()
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + settings.deadline_seconds
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    if not any(thread.is_alive() for thread in threads):
        fetcher.close()  # else the stragglers keep it; the process ends them
    unanswered = f"deadline: no answer within the check's {settings.deadline_seconds:g} s"
    return [
        rows.get(position) or _row(source, _Probe(errors=[unanswered]), now) for position, source in enumerate(sources)
    ]


class _DownHosts:
    """Hosts found out of reach in this check, with the failure that showed it."""

    def __init__(self) -> None:
        self._failures: dict[str, FetchFailed] = {}
        self._lock = threading.Lock()

    def failure(self, url: str) -> FetchFailed | None:
        with self._lock:
            return self._failures.get(origin(url))

    def note(self, url: str, failure: FetchFailed) -> None:
        if failure.reason in HOST_DOWN_REASONS:
            with self._lock:
                self._failures.setdefault(origin(url), failure)


def check_source(
    source: Source,
    fetcher: Fetcher,
    *,
    settings: CheckSettings,
    now: datetime,
    down_hosts: _DownHosts | None = None,
) -> dict:
    """Probe each of the source's URLs once; the source is ok when every URL lists items."""
    result = _Probe()
    down_hosts = down_hosts or _DownHosts()
    for url in source.urls:
        if known := down_hosts.failure(url):
            result.errors.append(f"{known.reason}: {url}: host out of reach earlier in this check ({known.detail})")
            continue
        try:
            fetched = fetcher.get(url, politeness=source.politeness, headers=source.headers)
        except FetchFailed as failure:
            if failure.reason == "robots":
                result.robots_allowed = False
            down_hosts.note(url, failure)
            result.errors.append(f"{failure.reason}: {failure.detail}")
            continue
        except Exception as exc:  # an error of ours must still give the source its row
            result.errors.append(f"internal: {type(exc).__name__}: {exc}")
            continue
        result.robots_allowed = result.robots_allowed is not False
        result.status = fetched.status if result.status is None or result.status < 400 else result.status
        if fetched.status >= 400:
            result.errors.append(f"http-{fetched.status}: {url} answered {fetched.status}")
            continue
        try:
            result.items.extend(
                source_items(
                    source,
                    fetched.body,
                    base_url=fetched.final_url,
                    content_type=fetched.headers.get("Content-Type"),
                    fetch=sitemap_fetch(fetcher, source),
                    limits=settings.sitemaps,
                )
            )
        except FeedRejected as rejected:
            result.errors.append(f"{rejected.reason}: {url}: {rejected.detail}")
    return _row(source, result, now)


def _row(source: Source, probe: _Probe, now: datetime) -> dict:
    unique = {item.key: item for item in probe.items}
    dates = [item.published for item in unique.values() if item.published is not None]
    newest = max(dates, default=None)
    return {
        "source_id": source.id,
        "ok": not probe.errors,
        "status": probe.status,
        "items": len(unique),
        "dated": round(len(dates) / len(unique), 2) if unique else 0.0,
        "newest_age_hours": round((now - newest).total_seconds() / 3600, 1) if newest else None,
        "robots_allowed": probe.robots_allowed,
        "error": "; ".join(probe.errors)[:1000] or None,
    }


def summary_line(rows: list[dict]) -> str:
    """One line for the operator: how many answered, and which did not, with their reasons."""
    failed = [row for row in rows if not row["ok"]]
    line = f"pantau check-sources: {len(rows) - len(failed)} of {len(rows)} sources ok"
    if failed:
        reasons = ", ".join(f"{row['source_id']} ({(row['error'] or '').split(':', 1)[0]})" for row in failed)
        line += f"; failed: {reasons}"
    return line


def run(sources: list[Source], *, settings: CheckSettings | None = None) -> int:
    """Print one JSON object per source on stdout and the summary on stderr; 1 if any failed."""
    import json

    rows = check_sources(sources, settings=settings)
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    print(summary_line(rows), file=sys.stderr)
    return 1 if any(not row["ok"] for row in rows) else 0
