"""
### Pantau briefing watch

At 07:30 MYT, checks that the 07:00 run wrote the briefing for the day before; if not, warns in
the log and by email to the alert recipients (`pantau_alert_email_to`) and fails, so the miss is
red in the UI too.
"""

from datetime import timedelta

from airflow.sdk import dag, task

from pantau.airflow.schedule import BRIEFING_DUE_0730_MYT, DEFAULT_ARGS


@dag(
    schedule=BRIEFING_DUE_0730_MYT,
    default_args={**DEFAULT_ARGS, "retries": 1, "retry_delay": timedelta(minutes=1)},
    catchup=False,
    tags=["pantau", "briefing"],
    doc_md=__doc__,
)
def pantau_briefing_watch():
    @task
    def briefing_written(logical_date=None) -> str:
        from airflow.sdk.exceptions import AirflowFailException

        from pantau import config
        from pantau.airflow.notifiers import warn_if_briefing_missing
        from pantau.days import briefing_day_of

        day = briefing_day_of(logical_date) - timedelta(days=1)
        path = config.output_dir() / "briefings" / day.isoformat() / "briefing.html"
        if not warn_if_briefing_missing(day, path):
            raise AirflowFailException(f"no briefing for {day} at {path}")
        return str(path)

    briefing_written()


pantau_briefing_watch()
