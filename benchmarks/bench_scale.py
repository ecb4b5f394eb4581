"""The poll stage on Airflow's CeleryExecutor with one Celery worker, then with two, same run.

    .venv/bin/python benchmarks/bench_scale.py [--quick] [--sources N]

Each source is a feed listing a few articles on a local server that answers every request after
50 ms. The cluster (tests/scale/airflow_cluster.py: PostgreSQL, Redis, scheduler, dag-processor,
api-server) starts with one worker and polls one set of sources, then a second worker joins and
an equal, fresh set is polled, so neither run finds pages the other fetched. Prints each run's
wall time (trigger to success) and the poll tasks' span, and the speed-up of two workers over one.
Needs PostgreSQL and Redis on 127.0.0.1, as the integration test does.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from datetime import time as clock_time
from email.utils import format_datetime
from pathlib import Path

import yaml

from pantau.days import BRIEFING_ZONE

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "scale"), str(ROOT / "tests")]
from airflow_cluster import AirflowCluster, missing_services  # noqa: E402  (the integration test's harness)

from servers import LocalSite  # noqa: E402  (the tests' scripted HTTP server)

LATENCY = 0.05  # seconds before every answer
ARTICLES_PER_FEED = 5
CONCURRENCY = 2  # task slots per worker: the machine has two cores
RUN_TIMEOUT = 1800
SETS = {"one_worker": "bench_poll_one_worker", "two_workers": "bench_poll_two_workers"}

# The poll stage alone, as the daily DAG maps it, one DAG per source set; the id prefix picks the set.
BENCH_DAG = (
    '''"""Benchmark DAGs written by benchmarks/bench_scale.py: the poll stage alone."""
from airflow.sdk import dag

from pantau.airflow.operators import PollSourceOperator
from pantau.registry.sources import source_ids


def poll_stage(dag_id, prefix):
    @dag(dag_id=dag_id, schedule=None, catchup=False)
    def stage():
        PollSourceOperator.partial(task_id="poll").expand(source_id=[i for i in source_ids() if i.startswith(prefix)])

    return stage()

'''
    + "\n".join(f'{name} = poll_stage("{dag_id}", "{name}_")' for name, dag_id in SETS.items())
    + "\n"
)


def rss(site: LocalSite, feed_path: str, article_paths: list[str], now: datetime) -> str:
    items = "".join(
        f"<item><title>Article {path}</title><link>{site.url(path)}</link>"
        f"<pubDate>{format_datetime(now)}</pubDate></item>"
        for path in article_paths
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{feed_path}</title>{items}</channel></rss>'


def article(title: str) -> str:
    paragraph = f"<p>{title}: the ministers met in Kuala Lumpur and agreed on the next steps of the plan.</p>"
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraph * 8}</article></body></html>"


def script_sources(site: LocalSite, per_set: int, now: datetime) -> list[dict]:
    """Feeds and articles on the site, and the source entries that list them."""
    site.reply("/robots.txt", "User-agent: *\nAllow: /\n", delay=LATENCY)
    sources = []
    for name in SETS:
        for number in range(per_set):
            source_id = f"{name}_{number:03d}"
            articles = [f"/{source_id}/{n}.html" for n in range(ARTICLES_PER_FEED)]
            for path in articles:
                site.reply(path, article(path), headers={"Content-Type": "text/html; charset=utf-8"}, delay=LATENCY)
            site.reply(
                f"/{source_id}/feed.xml",
                rss(site, source_id, articles, now),
                headers={"Content-Type": "application/rss+xml"},
                delay=LATENCY,
            )
            sources.append(
                {
                    "id": source_id,
                    "outlet": f"Bench {source_id}",
                    "language": "en",
                    "kind": "rss",
                    "urls": [site.url(f"/{source_id}/feed.xml")],
                    # The server's latency is the only wait: no gap between a source's requests.
                    "politeness": {"min_delay_seconds": 0, "concurrency": 1},
                }
            )
    return sources


def latest_finished_interval(now: datetime) -> tuple[datetime, datetime]:
    """The last daily interval that ended (at 07:00 MYT) by `now`: the scheduler starts no run before its end."""
    end = datetime.combine(now.astimezone(BRIEFING_ZONE).date(), clock_time(7), tzinfo=BRIEFING_ZONE)
    if end > now:
        end -= timedelta(days=1)
    return end - timedelta(days=1), end


def poll_span(cluster: AirflowCluster, dag_id: str, run_id: str) -> float:
    """Seconds from the first poll task's start to the last one's end."""
    (seconds,) = cluster.query_airflow_db(
        "SELECT EXTRACT(EPOCH FROM max(end_date) - min(start_date)) FROM task_instance"
        " WHERE dag_id = %s AND run_id = %s AND task_id = 'poll'",
        (dag_id, run_id),
    )[0]
    return float(seconds)


def timed_run(
    cluster: AirflowCluster, dag_id: str, interval: tuple[datetime, datetime], per_set: int
) -> tuple[float, float]:
    started = time.monotonic()
    run_id = cluster.trigger(dag_id, interval)
    state = cluster.wait_for_run(dag_id, run_id, timeout=RUN_TIMEOUT)
    wall = time.monotonic() - started
    if state != "success":
        failed = {task: s for task, s in cluster.task_states(dag_id, run_id).items() if s != "success"}
        sys.exit(f"bench_scale: {dag_id} ended {state}; tasks {failed}; logs in {cluster.workdir}")
    span = poll_span(cluster, dag_id, run_id)
    hosts = dict(sorted(cluster.hosts_of(dag_id, run_id, "poll").items()))
    print(
        f"  {dag_id}: {per_set} sources, {wall:6.1f} s wall, {span:6.1f} s poll span, tasks per worker {hosts}",
        flush=True,
    )
    return wall, span


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="40 sources per run instead of 200")
    parser.add_argument("--sources", type=int, help="sources per run (overrides --quick)")
    args = parser.parse_args()
    per_set = args.sources or (40 if args.quick else 200)
    if per_set < 1:
        parser.error("--sources must be at least 1")
    if reason := missing_services():
        print(f"bench_scale: skipped: {reason}", file=sys.stderr)
        return 0

    # A `kill` must still stop the cluster's processes and drop its databases on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    now = datetime.now(timezone.utc)
    interval = latest_finished_interval(now)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as scratch, LocalSite() as site:
        scratch = Path(scratch)
        sources_file = scratch / "sources.yaml"
        sources_file.write_text(yaml.safe_dump({"sources": script_sources(site, per_set, now)}), encoding="utf-8")
        (scratch / "dags").mkdir()
        (scratch / "dags" / "bench_poll.py").write_text(BENCH_DAG, encoding="utf-8")
        env = {
            "PANTAU_SOURCES": str(sources_file),
            "PANTAU_DATA_DIR": str(scratch / "data"),
            "PANTAU_OUTPUT_DIR": str(scratch / "output"),
            "AIRFLOW__LOGGING__LOGGING_LEVEL": "WARNING",
        }
        print(
            f"poll stage, {per_set} sources per run, {ARTICLES_PER_FEED} articles each, {LATENCY * 1000:.0f} ms"
            f" per response, {CONCURRENCY} slots per worker",
            flush=True,
        )
        with AirflowCluster(
            scratch / "cluster", workers=1, concurrency=CONCURRENCY, dags_folder=scratch / "dags", env=env
        ) as cluster:
            one_wall, one_span = timed_run(cluster, SETS["one_worker"], interval, per_set)
            cluster.add_worker("worker2")
            two_wall, two_span = timed_run(cluster, SETS["two_workers"], interval, per_set)
    print(f"speed-up of two workers over one: {one_wall / two_wall:.2f}x wall, {one_span / two_span:.2f}x poll span")
    return 0


if __name__ == "__main__":
    sys.exit(main())
