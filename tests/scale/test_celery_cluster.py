"""The daily DAG on Airflow's CeleryExecutor: PostgreSQL, Redis, and two Celery workers as real processes.

The topology of docker-compose.yaml, run without Docker: the scheduler, dag-processor and api-server
and two workers (two slots each) share a PostgreSQL metadata database and a Redis broker, and the
tasks write Pantau's store in a PostgreSQL database of their own. The run must succeed, its mapped
polls must have run on both workers, and the store must hold every demo article with its title, as
a dag.test() run on SQLite does (tests/test_daily_dag.py).
"""

from __future__ import annotations

import importlib
from datetime import date, datetime, time, timedelta

import pytest
from airflow_cluster import AirflowCluster, reason_to_skip
from sqlalchemy import select
from tests.demo_truth import expected_pages

from pantau import store
from pantau.days import BRIEFING_ZONE
from pantau.demo import write_sources
from pantau.registry.sources import load_sources, pool_slots

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.timeout(900)]

DAG_ID = "pantau_daily_briefing"
DAY = date(2025, 7, 8)
RUN_TIMEOUT = 360  # seconds; the run takes about a minute on two cores
WORKERS = ("worker1", "worker2")


def _articles(db_url: str) -> dict[str, str]:
    with store.session(db_url) as s:
        return dict(s.execute(select(store.ArticleRow.url, store.ArticleRow.title)).all())


@pytest.fixture(scope="module")
def celery_run(tmp_path_factory, request):
    reason = reason_to_skip()
    if reason:
        pytest.skip(reason)
    try:  # what every worker imports first; a broken pin would otherwise surface as a dead worker
        importlib.import_module("airflow.providers.celery.executors.celery_executor_utils")
    except ImportError as exc:
        pytest.fail(f"the Celery provider does not import with the installed celery: {exc}")
    request.getfixturevalue("airflow_db")
    scratch = tmp_path_factory.mktemp("celery")
    sources = write_sources(request.getfixturevalue("demo_site"), scratch / "sources.yaml")

    interval_start = datetime.combine(DAY, time(7), tzinfo=BRIEFING_ZONE)
    cluster_env = {
        "PANTAU_SOURCES": str(sources),
        "PANTAU_DATA_DIR": str(scratch / "data"),
        "PANTAU_OUTPUT_DIR": str(scratch / "output"),
    }
    with AirflowCluster(scratch / "cluster", workers=len(WORKERS), concurrency=2, env=cluster_env) as cluster:
        cluster.create_pools(pool_slots(load_sources(sources)))
        run_id = cluster.trigger(DAG_ID, (interval_start, interval_start + timedelta(days=1)))
        yield {
            "state": cluster.wait_for_run(DAG_ID, run_id, timeout=RUN_TIMEOUT),
            "tasks": cluster.task_states(DAG_ID, run_id),
            "poll_hosts": cluster.hosts_of(DAG_ID, run_id, "poll"),
            "articles": _articles(cluster.store_url),
            "logs": cluster.workdir,
        }
        store.engine(cluster.store_url).dispose()  # so the cluster can drop its database


def test_the_run_succeeds(celery_run):
    failed = {task: state for task, state in celery_run["tasks"].items() if state != "success"}
    assert celery_run["state"] == "success", f"tasks not successful: {failed}; logs in {celery_run['logs']}"


def test_the_mapped_polls_ran_on_both_workers(celery_run):
    hosts = celery_run["poll_hosts"]
    assert set(hosts) == set(WORKERS), f"poll task instances per host: {dict(hosts)}"


def test_the_store_holds_every_demo_article(celery_run):
    expected = {page["canonical_url"]: page["title"] for page in expected_pages()}
    found = {url: title for url, title in celery_run["articles"].items() if url in expected}
    assert found == expected
