"""The daily schedule and the task defaults every Pantau DAG shares."""

from __future__ import annotations

from datetime import date, timedelta

from airflow.sdk import CronDataIntervalTimetable

from pantau.days import BRIEFING_ZONE, briefing_day_of

# 07:00 in Kuala Lumpur; each run's data interval is the 24 hours before it, and the briefing
# covers the calendar day on which that interval starts (the run of 9 July covers 8 July).
DAILY_0700_MYT = CronDataIntervalTimetable("0 7 * * *", timezone=str(BRIEFING_ZONE))

DEFAULT_ARGS = {
    "owner": "pantau",
    "retries": 2,
    "retry_delay": timedelta(minutes=2),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=30),
    # No task may hang the day: a poll of 200 pages at one a second with 2-minute request
    # deadlines ends well within this, and so does parsing, deduplicating or reporting a day.
    "execution_timeout": timedelta(hours=1),
}


def interval_day(context) -> date:
    """The briefing day a task instance covers, from its run's data interval."""
    return briefing_day_of(context["data_interval_start"])
