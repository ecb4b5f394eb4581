"""Every DAG file imports cleanly, fast, without network or database work, and carries its metadata."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

DAGS_FOLDER = Path(__file__).resolve().parents[2] / "dags"


class _NoIOAtImport(Exception):
    pass


@pytest.fixture(scope="module")
def dag_bag():
    import sqlalchemy
    from airflow.dag_processing.dagbag import DagBag

    def refuse(*_args, **_kwargs):
        raise _NoIOAtImport("a DAG file opened a connection at import")

    patches = pytest.MonkeyPatch()
    patches.setattr(socket.socket, "connect", refuse)
    patches.setattr(sqlalchemy, "create_engine", refuse)
    try:
        return DagBag(dag_folder=str(DAGS_FOLDER))
    finally:
        patches.undo()


def test_no_import_errors(dag_bag):
    assert dag_bag.import_errors == {}
    assert dag_bag.dags, "no DAGs found"


def test_dag_files_parse_quickly(dag_bag):
    slow = [stat for stat in dag_bag.dagbag_stats if stat.duration.total_seconds() > 2]
    assert not slow, f"DAG files slow to parse: {slow}"


def test_every_dag_has_tags_owner_retries_and_doc(dag_bag):
    for dag_id, dag in dag_bag.dags.items():
        assert dag.tags, f"{dag_id} has no tags"
        assert dag.doc_md, f"{dag_id} has no doc_md"
        for task in dag.tasks:
            assert task.owner and task.owner != "airflow", f"{dag_id}.{task.task_id} has no owner"
            assert task.retries >= 1, f"{dag_id}.{task.task_id} has no retries"


def test_daily_briefing_runs_at_0700_kuala_lumpur(dag_bag):
    dag = dag_bag.dags["pantau_daily_briefing"]
    assert type(dag.timetable).__name__ == "CronDataIntervalTimetable"
    assert dag.timetable.expression == "0 7 * * *"
    assert str(dag.timetable.timezone) == "Asia/Kuala_Lumpur"
    assert dag.catchup is False
    order = [task.task_id for task in dag.topological_sort()]
    polls = [task_id for task_id in order if task_id.startswith("poll.")]
    assert polls, "no poll tasks"
    assert order[len(polls) :] == ["parse", "dedup", "quality", "briefing"]


def test_each_outlet_polls_in_its_own_pool(dag_bag):
    dag = dag_bag.dags["pantau_daily_briefing"]
    for task in dag.tasks:
        if task.task_id.startswith("poll."):
            assert task.pool == "pantau_" + task.task_id.removeprefix("poll.")


def test_polling_runs_all_day_one_run_at_a_time(dag_bag):
    dag = dag_bag.dags["pantau_polling"]
    assert dag.catchup is False and dag.max_active_runs == 1
    assert dag.timetable.expression == "*/5 * * * *"
    polls = [task for task in dag.tasks if task.task_id.endswith(".poll")]
    assert polls, "no poll tasks"
    for task in polls:
        outlet = task.task_id.removesuffix(".poll")
        assert task.pool == "pantau_" + outlet, "each outlet's polls hold its pool's slots"
        assert task.map_index_template == "{{ task.source_id }}", "mapped polls are named by source in the UI"
        assert [upstream.task_id for upstream in task.upstream_list] == [f"{outlet}.due_sources"]


def test_the_briefing_names_its_day_and_is_watched_at_0730(dag_bag):
    day = dag_bag.dags["pantau_daily_briefing"].params.get_param("day")
    assert day.value is None and day.schema["format"] == "date", "a date picker, empty for the scheduled day"
    watch = dag_bag.dags["pantau_briefing_watch"]
    assert (watch.timetable.expression, str(watch.timetable.timezone)) == ("30 7 * * *", "Asia/Kuala_Lumpur")


def test_a_run_triggered_for_a_named_day_briefs_that_day():
    from datetime import date, datetime, timezone

    from pantau.airflow.schedule import interval_day

    scheduled = {"data_interval_start": datetime(2025, 7, 7, 23, 0, tzinfo=timezone.utc), "params": {"day": None}}
    assert interval_day(scheduled) == date(2025, 7, 8), "07:00 MYT on 9 July covers 8 July"
    assert interval_day({**scheduled, "params": {"day": "2025-07-03"}}) == date(2025, 7, 3)


def test_pantau_creates_and_resizes_its_pools(airflow_db, tmp_path, capsys):
    import yaml
    from airflow.models.pool import Pool

    from pantau import cli

    def registry(concurrency: int):
        entry = {"id": "wire_en", "outlet": "Wire Agency", "language": "en", "kind": "rss"}
        entry |= {"urls": ["https://wire.test/feed"], "politeness": {"concurrency": concurrency}}
        path = tmp_path / f"sources{concurrency}.yaml"
        path.write_text(yaml.safe_dump({"sources": [entry]}), encoding="utf-8")
        return str(path)

    assert cli.main(["pools", "--apply", "--sources", registry(2)]) == 0
    assert Pool.get_pool("pantau_wire_agency").slots == 2
    assert cli.main(["pools", "--apply", "--sources", registry(3)]) == 0
    assert Pool.get_pool("pantau_wire_agency").slots == 3
    capsys.readouterr()
