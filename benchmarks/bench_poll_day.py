"""A simulated day of all-day polling: 200 sources on 20 hosts that add 50 ms to every answer.

Feeds list their newest 10, 20 or 50 items and publish 1, 4 or 8 an hour (a small outlet, a
section feed, a wire); a fifth list no dates. Every 5 simulated minutes a tick polls the sources
whose adaptive interval has run out (`poll.poll_due`, what the polling DAG does), on a clock the
hosts share. Prints, for the first tick (all 200 due) and the median busy tick: wall and client
CPU seconds against the politeness-bound ideal (the busiest host's requests times its spacing)
and against the goal of a third of the tick interval; the share of feed requests answered 304;
bytes the hosts sent, per day; gaps. --quick simulates 2 hours instead of 24 (bytes scaled to a day).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

from latency_server import NewsHandler, start_hosts

from pantau.ingest.fetch import Fetcher
from pantau.ingest.poll import poll_due
from pantau.registry.sources import Source

LATENCY = 0.05
HOSTS, FEEDS_PER_HOST = 20, 10
TICK = timedelta(minutes=5)
POLITENESS = {"min_delay_seconds": 0.05, "concurrency": 2}
# (items listed, items published per hour, dated): cycled over each host's feeds.
PROFILES = [(10, 8, False), (50, 4, True), (20, 4, True), (20, 1, True), (50, 8, True)]
START = datetime(2025, 7, 8, 6, 0, tzinfo=timezone.utc)
HISTORY = timedelta(hours=1)  # what the feeds had published before the first tick


def profile(feed: int) -> tuple[int, int, bool]:
    return PROFILES[feed % len(PROFILES)]


def serve(hosts: int) -> list[str]:
    """The hosts, in this process (the benchmark runs them in a child process of its own)."""
    lock = threading.Lock()
    stats = {"bytes_sent": 0, "feed_requests": 0, "not_modified": 0}
    clock = [START]
    filler = "<p>" + "ASEAN foreign ministers met in Kuala Lumpur to discuss the region. " * 30 + "</p>"

    class Handler(NewsHandler):
        def do_GET(self) -> None:
            parts = self.path.strip("/").split("/")
            if parts[0] == "__clock":
                clock[0] = datetime.fromisoformat(parts[1])
                self._answer(200, b"", "text/plain", count=False)
                return
            if parts == ["__stats"]:
                self._answer(200, json.dumps(stats).encode(), "application/json", count=False)
                return
            time.sleep(LATENCY)
            origin = f"http://{self.headers['Host']}"
            if parts[0] == "feed":
                feed = int(parts[1].removesuffix(".xml"))
                listed, per_hour, dated = profile(feed)
                published = int(((clock[0] - START + HISTORY).total_seconds() / 3600) * per_hour)
                etag = f'"{feed}-{published}"'
                with lock:
                    stats["feed_requests"] += 1
                if self.headers.get("If-None-Match") == etag:
                    with lock:
                        stats["not_modified"] += 1
                    self._answer(304, b"", None, etag)
                    return
                items = []
                for n in range(published, max(0, published - listed), -1):
                    moment = START - HISTORY + timedelta(hours=n / per_hour)
                    date = f"<pubDate>{format_datetime(moment)}</pubDate>" if dated else ""
                    items.append(f"<item><title>Story {n}</title><link>{origin}/article/{feed}/{n}</link>{date}</item>")
                body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F{feed}</title>{"".join(items)}</channel></rss>'
                self._answer(200, body.encode(), "application/rss+xml", etag)
            elif parts[0] == "article" and len(parts) == 3:
                feed, n = int(parts[1]), int(parts[2])
                moment = START - HISTORY + timedelta(hours=n / profile(feed)[1])
                body = (
                    f"<html><head><title>Story {feed} {n}</title>"
                    f"<meta property='article:published_time' content='{moment.isoformat()}'></head>"
                    f"<body><article><h1>Story {feed} {n}</h1>{filler * 8}</article></body></html>"
                )
                self._answer(200, body.encode(), "text/html; charset=utf-8")
            else:
                self._answer(404, b"not found", "text/plain")

        def _answer(self, status, body: bytes, content_type, etag=None, count=True) -> None:
            self.answer(status, body, content_type, etag)
            if count:
                with lock:
                    stats["bytes_sent"] += len(body) + 200  # about the status line and headers

    return start_hosts(hosts, Handler)


def call(origin: str, path: str) -> bytes:
    with urllib.request.urlopen(f"{origin}{path}") as answer:
        return answer.read()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 simulated hours instead of 24")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)  # the child process: serve N hosts
    args = parser.parse_args()
    if args.serve:
        print(json.dumps({"origins": serve(args.serve)}), flush=True)
        threading.Event().wait()
        return 0
    hours = 2 if args.quick else 24
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(HOSTS)], stdout=subprocess.PIPE, text=True)
    try:
        origins = json.loads(server.stdout.readline())["origins"]
        sources = [
            Source.model_validate(
                {
                    "id": f"feed_{h:02d}_{f:02d}",
                    "outlet": f"Host {h}",
                    "language": "en",
                    "kind": "rss",
                    "urls": [f"{origin}/feed/{f}.xml"],
                    "interval_minutes": 15,
                    "min_interval_minutes": 5,
                    "politeness": POLITENESS,
                }
            )
            for h, origin in enumerate(origins)
            for f in range(FEEDS_PER_HOST)
        ]
        ticks, gaps = [], 0
        with tempfile.TemporaryDirectory() as scratch, Fetcher() as fetcher:
            db_url = f"sqlite:///{scratch}/bench.db"
            now = START
            while now < START + timedelta(hours=hours):
                for origin in origins:
                    call(origin, f"/__clock/{now.isoformat()}")
                started, cpu_started = time.monotonic(), time.process_time()
                summaries = poll_due(sources, now, early=TICK / 2, db_url=db_url, fetcher=fetcher)
                wall, cpu = time.monotonic() - started, time.process_time() - cpu_started
                requests = sum(1 + s["new"] for s in summaries)
                ticks.append((now, len(summaries), requests, wall, cpu))
                gaps += sum(s["gap"] for s in summaries)
                now += TICK
        stats = json.loads(call(origins[0], "/__stats"))
    finally:
        server.terminate()
        server.wait()
    spacing = max(POLITENESS["min_delay_seconds"], LATENCY / POLITENESS["concurrency"])
    goal = TICK.total_seconds() / 3

    def describe(label: str, tick) -> None:
        _, polled, requests, wall, cpu = tick
        # The busiest host's share of the requests, spaced by the politeness rule (+ its robots.txt).
        ideal = (requests / HOSTS + 1) * spacing
        print(
            f"{label}: {polled} sources, {requests} requests; wall {wall:.2f} s (ideal {ideal:.2f} s, "
            f"ratio {wall / ideal:.2f}; goal {goal:.0f} s, {wall / goal:.3f} of it); client CPU {cpu:.2f} s"
        )

    busy = [tick for tick in ticks[1:] if tick[1]]
    print(f"sources: {len(sources)} on {HOSTS} hosts, latency {LATENCY * 1000:.0f} ms, {hours} simulated hours")
    describe("first tick (all due)", ticks[0])
    if busy:
        describe("median busy tick", sorted(busy, key=lambda tick: tick[3])[len(busy) // 2])
    polls = sum(tick[1] for tick in ticks)
    print(
        f"polls: {polls} in {len(ticks)} ticks ({polls / len(sources) / hours:.2f} per source per hour); "
        f"gaps: {gaps}; mean tick wall {statistics.mean(t[3] for t in ticks):.2f} s"
    )
    share_304 = stats["not_modified"] / max(1, stats["feed_requests"])
    print(f"feed requests answered 304: {stats['not_modified']} of {stats['feed_requests']} ({share_304:.1%})")
    print(f"bytes sent: {stats['bytes_sent']:,} in {hours} h, {stats['bytes_sent'] * 24 / hours / 1e6:.1f} MB per day")
    return 0


if __name__ == "__main__":
    sys.exit(main())
