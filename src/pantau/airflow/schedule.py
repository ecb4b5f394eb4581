"""The schedules (polling all day, the briefing at 07:00), the briefing's day, the task defaults."""

from __future__ import annotations

from datetime import date, timedelta

from airflow.sdk import CronDataIntervalTimetable, CronTriggerTimetable, Param

from pantau.days import BRIEFING_ZONE, briefing_day_of, parse_day

# 07:00 in Kuala Lumpur; each run's data interval is the 24 hours before it, and the briefing
# covers the calendar day on which that interval starts (the run of 9 July covers 8 July).
DAILY_0700_MYT = CronDataIntervalTimetable("0 7 * * *", timezone=str(BRIEFING_ZONE))

# The polling DAG's tick: every source's interval is a few ticks, and a tick polls only the due ones.
POLL_EVERY_5_MINUTES = CronTriggerTimetable("*/5 * * * *", timezone=str(BRIEFING_ZONE))
POLL_TICK = timedelta(minutes=5)
# The briefing is due by 07:30 MYT. (A DeadlineAlert on the briefing DAG would be the natural
# tool, but Airflow 3.3.2's dag.test() fails on any DAG that has one, and the demo runs that.)
BRIEFING_DUE_0730_MYT = CronTriggerTimetable("30 7 * * *", timezone=str(BRIEFING_ZONE))

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


# A polled page waits for no retry: the next tick polls the source again when it is due.
POLL_DEFAULT_ARGS = {**DEFAULT_ARGS, "retries": 1, "retry_delay": timedelta(seconds=30), "max_retry_delay": None}

BRIEFING_PARAMS = {
    "day": Param(
        None,
        type=["null", "string"],
        format="date",
        title="Day to brief",
        description="The Kuala Lumpur calendar day the briefing covers. Empty: the day the schedule "
        "covers (the day before the run's 07:00).",
    ),
    "reparse": Param(
        False,
        type="boolean",
        title="Parse again",
        description="Parse every page fetched around the day again (after an extraction fix), not only "
        "what the polls left unparsed. Past days are always parsed again.",
    ),
}


def interval_day(context) -> date:
    """The briefing day a task instance covers: the run's `day` param when an operator named one,
    else the day its data interval starts on (the run at 07:00 on 9 July covers 8 July)."""
    named = (context.get("params") or {}).get("day")
    if named:
        return parse_day(str(named)[:10])
    return briefing_day_of(context["data_interval_start"])
