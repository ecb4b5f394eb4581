"""
### Pantau polling

Polls the sources all day, so the 07:00 briefing reads a whole day instead of one snapshot
of feeds that list only their newest items (Bernama's list its 10 newest).

- Every 5 minutes, each outlet's `due` task picks its sources whose adaptive interval has run
  out; the outlet's mapped poll task starts one instance per due source (named by its source
  id) and none at all when nothing of that outlet is due. Polls take slots of the outlet's pool.
- A poll stores the pages and parses them at once; an article's day is its own publication day.
- A feed whose listing shares nothing with its previous one records a gap (items may have been
  lost) and is polled more often, down to its `min_interval_minutes`; a quiet feed less often.
- One run at a time, no catch-up: a missed tick is made up by the next one, which finds the
  overdue sources due.
- Source alerts (failing after N polls over H hours, stale) go out from the poll tasks' callbacks.
"""

from airflow.sdk import TaskGroup, dag, task

from pantau.airflow.notifiers import SourceAlertNotifier
from pantau.airflow.operators import PollSourceOperator
from pantau.airflow.schedule import POLL_DEFAULT_ARGS, POLL_EVERY_5_MINUTES, POLL_TICK
from pantau.registry.sources import poll_groups


@task
def due_sources(pool: str) -> list[str]:
    from pantau.airflow.operators import due_source_ids

    return due_source_ids(pool)


@dag(
    schedule=POLL_EVERY_5_MINUTES,
    default_args=POLL_DEFAULT_ARGS,
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=POLL_TICK * 6,
    tags=["pantau", "polling"],
    doc_md=__doc__,
)
def pantau_polling():
    source_alerts = SourceAlertNotifier()
    callbacks = {"on_failure_callback": source_alerts, "on_success_callback": source_alerts}
    for pool in poll_groups():
        # A mapped task cannot take its pool from the data, so each outlet has its own small
        # `due` task (one query) and its own mapped poll task holding the outlet pool's slots.
        with TaskGroup(pool.removeprefix("pantau_")):
            PollSourceOperator.partial(
                task_id="poll", pool=pool, live=True, map_index_template="{{ task.source_id }}", **callbacks
            ).expand(source_id=due_sources(pool))


pantau_polling()
