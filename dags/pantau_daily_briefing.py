"""
### Pantau daily briefing

Poll every registered source, parse the pages into articles, deduplicate syndicated copies,
check the batch with Great Expectations, and write the briefing for one Asia/Kuala_Lumpur day.

- Runs at 07:00 MYT; the run of 9 July covers 8 July. Triggered by hand, the `day` param (a date
  picker) names the day to brief; left empty, the day the schedule covers.
- The `pantau_polling` DAG collects all day; `poll` here is the final sweep, one poll of every
  source at 07:00 (mapped per outlet, named by source id), so dedup starts only once the day's
  last items are in. For a past day (a backfill) it replays what was stored instead. Each
  outlet's tasks take slots of its own pool (`pantau_<outlet>`), shared with the polling DAG.
- `parse` only parses what the polls left unparsed; an article belongs to its own publication day.
- `pantau_briefing_watch` warns when the briefing is not written by 07:30.
- Source alerts (failing, stale, extraction profile gone stale) go to email and Slack as
  configured, else to the task log; see the README's "Operations" section.
- Every stage reads its day's inputs from the store and upserts its outputs, so clearing any
  task and running it again gives the same result.
"""

from airflow.sdk import TaskGroup, dag

from pantau.airflow.notifiers import SourceAlertNotifier
from pantau.airflow.operators import BriefingOperator, DedupOperator, ParseOperator, PollSourceOperator, QualityOperator
from pantau.airflow.schedule import BRIEFING_PARAMS, DAILY_0700_MYT, DEFAULT_ARGS
from pantau.registry.sources import poll_groups


@dag(
    schedule=DAILY_0700_MYT,
    default_args=DEFAULT_ARGS,
    catchup=False,
    max_active_runs=2,
    params=BRIEFING_PARAMS,
    tags=["pantau", "briefing"],
    doc_md=__doc__,
    on_failure_callback=SourceAlertNotifier(all_sources=True),
)
def pantau_daily_briefing():
    # One alert when a source starts failing, a daily reminder, one notice when it recovers.
    source_alerts = SourceAlertNotifier()
    callbacks = {"on_failure_callback": source_alerts, "on_success_callback": source_alerts}
    with TaskGroup("poll", default_args=callbacks) as polled:
        for pool, ids in poll_groups().items():
            PollSourceOperator.partial(
                task_id=pool.removeprefix("pantau_"), pool=pool, map_index_template="{{ task.source_id }}"
            ).expand(source_id=ids)
    (
        polled
        >> ParseOperator(task_id="parse", on_success_callback=source_alerts)
        >> DedupOperator(task_id="dedup")
        >> QualityOperator(task_id="quality")
        >> BriefingOperator(task_id="briefing")
    )


pantau_daily_briefing()
