"""A backfill over three demo days through Airflow's scheduler (LocalExecutor on PostgreSQL),
created with `airflow backfill create` as the README shows, ending with three briefings."""

from __future__ import annotations

import time
from datetime import date

import pytest
from airflow_cluster import AirflowCluster, ClusterError, reason_to_skip

from pantau import store
from pantau.demo import write_sources
from pantau.registry.sources import load_sources, pool_slots

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.timeout(1200)]

DAG_ID = "pantau_daily_briefing"
DAYS = [date(2025, 7, 7), date(2025, 7, 8), date(2025, 7, 9)]
BACKFILL_TIMEOUT = 600  # seconds for the three runs, one after another, on two cores


def _backfill_runs(cluster: AirflowCluster) -> list[tuple[str, str]]:
    """(data interval start, state) of the backfill's runs, in the order they started."""
    rows = cluster.query_airflow_db(
        "SELECT data_interval_start, state FROM dag_run WHERE dag_id = %s AND run_type = 'backfill' "
        "ORDER BY start_date NULLS LAST, data_interval_start",
        (DAG_ID,),
    )
    return [(start.isoformat(), state) for start, state in rows]


@pytest.fixture(scope="module")
def backfill(tmp_path_factory, request):
    reason = reason_to_skip()
    if reason:
        pytest.skip(reason)
    base_url = request.getfixturevalue("demo_site")
    scratch = tmp_path_factory.mktemp("backfill")
    sources = write_sources(base_url, scratch / "sources.yaml")
    output = scratch / "output"
    cluster_env = {
        "PANTAU_SOURCES": str(sources),
        "PANTAU_DATA_DIR": str(scratch / "data"),
        "PANTAU_OUTPUT_DIR": str(output),
    }
    with AirflowCluster(scratch / "cluster", executor="LocalExecutor", concurrency=4, env=cluster_env) as cluster:
        cluster.create_pools(pool_slots(load_sources(sources)))
        cluster.wait_for_dag(DAG_ID)
        cluster.api("PATCH", f"/dags/{DAG_ID}", json={"is_paused": False})
        # The runs of 07:00 MYT on 8, 9 and 10 July cover the days 7, 8 and 9 July.
        cluster.run_command(
            "backfill",
            [
                "backfill",
                "create",
                "--dag-id",
                DAG_ID,
                "--from-date",
                "2025-07-07T07:00:00+08:00",
                "--to-date",
                "2025-07-09T07:00:00+08:00",
                "--reprocess-behavior",
                "completed",
                "--max-active-runs",
                "1",
            ],
        )
        deadline = time.monotonic() + BACKFILL_TIMEOUT
        runs = _backfill_runs(cluster)
        while len(runs) < len(DAYS) or any(state not in ("success", "failed") for _, state in runs):
            if time.monotonic() > deadline:
                raise ClusterError(
                    f"the backfill did not finish in {BACKFILL_TIMEOUT} s: {runs}; logs in {cluster.workdir}"
                )
            time.sleep(3)
            runs = _backfill_runs(cluster)
        articles = {}
        with store.session(cluster.store_url) as s:
            for day in DAYS:
                articles[day] = s.query(store.ArticleRow).filter_by(day=day).count()
        yield {"runs": runs, "output": output, "articles": articles, "logs": cluster.workdir}
        store.engine(cluster.store_url).dispose()  # so the cluster can drop its database


def test_the_backfill_ran_three_days_oldest_first(backfill):
    assert [state for _, state in backfill["runs"]] == ["success"] * 3, f"logs in {backfill['logs']}"
    starts = [start for start, _ in backfill["runs"]]
    assert starts == sorted(starts) and len(set(starts)) == 3


def test_each_day_has_its_briefing(backfill):
    for day in DAYS:
        folder = backfill["output"] / "briefings" / day.isoformat()
        assert (folder / "briefing.html").is_file(), f"no briefing for {day}"
        assert (folder / "stories.csv").is_file()


def test_the_articles_land_on_their_own_days(backfill):
    # The demo's pages are dated 7 and 8 July: the 9 July briefing says there was nothing to brief on.
    assert backfill["articles"][DAYS[0]] > 0 and backfill["articles"][DAYS[1]] > 0
    assert backfill["articles"][DAYS[2]] == 0
    quiet = (backfill["output"] / "briefings" / DAYS[2].isoformat() / "briefing.md").read_text(encoding="utf-8")
    assert "No articles were collected" in quiet
