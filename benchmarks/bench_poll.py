"""Poll 200 feeds and 2,000 article pages from local hosts that add 50 ms to every answer.

Prints the wall time of a first poll against the ideal the politeness rules allow (the
busiest host's request count times its spacing), then polls again, unchanged, and prints
the bytes the hosts sent the second time as a share of the first (304s and no refetches).
--quick: 40 feeds and 400 pages.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

from pantau.days import briefing_day_of
from pantau.ingest.poll import poll_sources
from pantau.registry.sources import Source

LATENCY = 0.05
FEEDS_PER_HOST = 10
ARTICLES_PER_FEED = 10
# What a real outlet gets from Pantau: two requests in flight, starts 50 ms apart at most.
POLITENESS = {"min_delay_seconds": 0.05, "concurrency": 2}


def bytes_sent(origin: str) -> int:
    with urllib.request.urlopen(f"{origin}/__stats") as answer:
        return json.load(answer)["bytes_sent"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="40 feeds and 400 pages")
    args = parser.parse_args()
    hosts = 4 if args.quick else 20
    server = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("latency_server.py")),
            "--hosts",
            str(hosts),
            "--feeds-per-host",
            str(FEEDS_PER_HOST),
            "--articles-per-feed",
            str(ARTICLES_PER_FEED),
            "--latency",
            str(LATENCY),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
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
                    "politeness": POLITENESS,
                    "max_items": ARTICLES_PER_FEED,
                }
            )
            for h, origin in enumerate(origins)
            for f in range(FEEDS_PER_HOST)
        ]
        day = briefing_day_of(datetime.now(timezone.utc))
        with tempfile.TemporaryDirectory() as scratch:
            db_url = f"sqlite:///{scratch}/bench.db"
            before = bytes_sent(origins[0])
            started, cpu_started = time.monotonic(), time.process_time()
            first = poll_sources(sources, day, db_url=db_url)
            first_wall, first_cpu = time.monotonic() - started, time.process_time() - cpu_started
            first_bytes = bytes_sent(origins[0]) - before
            started = time.monotonic()
            second = poll_sources(sources, day, db_url=db_url)
            second_wall = time.monotonic() - started
            second_bytes = bytes_sent(origins[0]) - before - first_bytes
        failed = [s for s in first + second if s["status"] == "failed"]
        if failed:
            print(f"FAILED sources: {failed[:3]}", file=sys.stderr)
            return 1
        articles = sum(s["new"] for s in first)
        # Per host: robots.txt + its feeds + their articles, each start spaced by the politeness rule.
        per_host_requests = 1 + FEEDS_PER_HOST * (1 + ARTICLES_PER_FEED)
        spacing = max(POLITENESS["min_delay_seconds"], LATENCY / POLITENESS["concurrency"])
        ideal = per_host_requests * spacing
        print(f"feeds: {len(sources)}  article pages: {articles}  hosts: {hosts}  latency: {LATENCY * 1000:.0f} ms")
        print(f"first poll: {first_wall:.2f} s  ideal under politeness: {ideal:.2f} s  ratio: {first_wall / ideal:.2f}")
        print(
            f"  (serial, one request at a time: {(hosts * per_host_requests) * LATENCY:.1f} s; "
            f"client CPU {first_cpu:.2f} s = {first_cpu / (hosts * per_host_requests) * 1000:.1f} ms per request)"
        )
        print(f"second poll (unchanged): {second_wall:.2f} s  statuses: {sorted({s['status'] for s in second})}")
        print(f"bytes sent: first {first_bytes:,}  second {second_bytes:,}  ratio: {second_bytes / first_bytes:.4f}")
    finally:
        server.terminate()
        server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
