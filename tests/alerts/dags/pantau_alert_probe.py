"""Alert probe: the daily DAG's polling, wired to the source alert notifier exactly as the daily DAG is
(mapped poll tasks in a `poll` group), without pools and with one quick retry, so a test can watch a
failing source go through Airflow in seconds."""

from datetime import timedelta

from airflow.sdk import TaskGroup, dag

from pantau.airflow.notifiers import SourceAlertNotifier
from pantau.airflow.operators import PollSourceOperator
from pantau.airflow.schedule import DAILY_0700_MYT
from pantau.registry.sources import source_ids


@dag(
    schedule=DAILY_0700_MYT,
    default_args={"owner": "pantau", "retries": 1, "retry_delay": timedelta(0)},
    catchup=False,
    tags=["pantau", "test"],
    doc_md=__doc__,
    on_failure_callback=SourceAlertNotifier(all_sources=True),
)
def pantau_alert_probe():
    source_alerts = SourceAlertNotifier()
    callbacks = {"on_failure_callback": source_alerts, "on_success_callback": source_alerts}
    with TaskGroup("poll", default_args=callbacks):
        PollSourceOperator.partial(task_id="probe").expand(source_id=source_ids())


pantau_alert_probe()
