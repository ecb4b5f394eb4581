"""The Airflow notifier on real channels: an SMTP server and a webhook on 127.0.0.1, a SQLite store."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest

from pantau import store
from pantau.airflow.notifiers import AlertNotSent, SourceAlertNotifier, source_id_of
from pantau.airflow.operators import ParseOperator, PollSourceOperator

from ..mail import free_port, smtp_connection
from .history import record, record_articles, run_time

DAY = date(2025, 7, 8)
LOG_URL = "http://localhost:8080/dags/pantau_daily_briefing/runs/scheduled__2025-07-09/tasks/poll/mapped/0?try_number=3"


def poll_context(source_id: str, log_url: str = LOG_URL) -> dict:
    """What a poll task's callback gets on the worker: the unmapped operator, and the task instance."""
    return {
        "task": PollSourceOperator(task_id="poll", source_id=source_id),
        "ti": SimpleNamespace(log_url=log_url, map_index=0),
    }


class Clock:
    def __init__(self) -> None:
        self.now = run_time(DAY)

    def __call__(self) -> datetime:
        return self.now


def html_body(message) -> str:
    return message.get_body(("html",)).get_content()


def test_fail_fail_alert_suppressed_reminder_recover_on_smtp_and_slack(pantau_env, email_to, slack_to):
    clock = Clock()
    notifier = SourceAlertNotifier(clock=clock)
    dag_notifier = SourceAlertNotifier(all_sources=True, clock=clock)
    failure = {"reason": "http-503", "error": "https://www.thestar.com.my/rss/News answered 503"}

    def poll(day: date, status: str, minutes_after_seven: int = 2, **outcome) -> None:
        clock.now = run_time(day, minutes_after_seven)
        record(pantau_env, "thestar", day, status, at=clock.now, **outcome)
        notifier(poll_context("thestar"))

    poll(DAY, "failed", **failure)
    assert email_to.messages == [], "one failed run is below the source's threshold of two"
    day2 = DAY + timedelta(days=1)
    poll(day2, "failed", **failure)
    assert len(email_to.messages) == 1
    poll(day2, "failed", 40, **failure)  # the same day cleared and run again
    dag_notifier({"dag": None, "run_id": "scheduled__2025-07-10", "reason": "task_failure"})  # the DAG's callback too
    assert len(email_to.messages) == 1
    day3 = DAY + timedelta(days=2)
    poll(day3, "failed", **failure)
    assert len(email_to.messages) == 2
    day4 = DAY + timedelta(days=3)
    poll(day4, "ok", found_new=True)
    poll(day4, "ok", 50, found_new=True)

    alert, reminder, recovered = email_to.messages
    assert alert["Subject"] == "[Pantau] The Star (thestar) is failing: http-503"
    assert reminder["Subject"] == "[Pantau] The Star (thestar) is still failing: http-503"
    assert recovered["Subject"] == "[Pantau] The Star (thestar) is fetched again"
    assert alert["To"] == "desk@example.org, editor@example.org"
    body = html_body(alert)
    for expected in (
        "thestar (The Star)",
        "http-503",
        "answered 503",
        "Since: 2025-07-09 07:02 MYT",
        f'href="{LOG_URL.replace("&", "&amp;")}"',
    ):
        assert expected in body
    assert "Had been since: 2025-07-09 07:02 MYT" in html_body(recovered)

    texts = [post["text"] for post in slack_to.posts]
    assert [post["path"] for post in slack_to.posts] == ["/T000/B000/secret"] * 3
    assert texts[0].startswith("*The Star (thestar) is failing*")
    assert f"<{LOG_URL}|Task log>" in texts[0]
    assert "is still failing" in texts[1] and "is fetched again" in texts[2]


class Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_with_no_channel_configured_the_alert_goes_to_the_task_log(pantau_env, no_alert_channels):
    record(pantau_env, "vnexpress", DAY, "failed", reason="connection", error="connection refused")
    # Airflow replaces the root logger's handlers when it sets up logging, caplog's among them.
    kept, logger = Kept(), logging.getLogger("pantau.health.alerts")
    logger.addHandler(kept)
    try:
        SourceAlertNotifier(clock=lambda: run_time(DAY, 5))(poll_context("vnexpress"))
    finally:
        logger.removeHandler(kept)
    logged = kept.messages
    assert len(logged) == 1
    assert "VnExpress (vnexpress) is failing" in logged[0] and "Last error: connection refused" in logged[0]
    with store.session(pantau_env) as s:
        assert s.get(store.AlertState, ("vnexpress", "failing")).state == "alerting"


def test_one_channel_down_still_alerts_through_the_other(pantau_env, monkeypatch, slack_to, mailbox):

    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", smtp_connection(free_port()))  # nothing listens there
    monkeypatch.setenv("AIRFLOW_VAR_PANTAU_ALERT_EMAIL_TO", "desk@example.org")
    record(pantau_env, "vnexpress", DAY, "failed", reason="dns", error="no such host")
    SourceAlertNotifier(clock=lambda: run_time(DAY, 5))(poll_context("vnexpress"))
    assert len(slack_to.posts) == 1


def test_when_every_channel_fails_the_alert_is_sent_by_the_next_callback(pantau_env, monkeypatch, email_to):

    record(pantau_env, "vnexpress", DAY, "failed", reason="dns", error="no such host")
    notifier = SourceAlertNotifier(clock=lambda: run_time(DAY, 5))
    with monkeypatch.context() as down:
        down.setenv("AIRFLOW_CONN_SMTP_DEFAULT", smtp_connection(free_port()))
        with pytest.raises(AlertNotSent):
            notifier(poll_context("vnexpress"))
    notifier(poll_context("vnexpress"))
    assert [m["Subject"] for m in email_to.messages] == ["[Pantau] VnExpress (vnexpress) is failing: dns"]


def test_the_parse_task_reports_profile_fallbacks_with_its_log(pantau_env, email_to):
    record(pantau_env, "thestar", DAY, "ok", found_new=True)
    record_articles(pantau_env, "thestar", DAY, ["generic-fallback:thestar", "profile:thestar"])
    parse_log = "http://localhost:8080/dags/pantau_daily_briefing/runs/r/tasks/parse?try_number=1"
    context = {"task": ParseOperator(task_id="parse"), "ti": SimpleNamespace(log_url=parse_log, map_index=-1)}
    SourceAlertNotifier(clock=lambda: run_time(DAY, 20))(context)
    [message] = email_to.messages
    assert (
        message["Subject"] == "[Pantau] The Star (thestar) no longer matches its extraction profile: profile-mismatch"
    )
    assert "1 of 2 articles of 2025-07-08 fell back" in html_body(message) and parse_log in html_body(message)


def test_the_source_of_a_mapped_poll_task_when_the_dag_processor_runs_the_callback():
    from airflow.sdk import DAG

    with DAG("probe", schedule=None):
        mapped = PollSourceOperator.partial(task_id="poll").expand(source_id=["thestar", "vnexpress"])
    assert source_id_of({"task": mapped, "ti": SimpleNamespace(map_index=1)}) == "vnexpress"
    assert source_id_of({"task": PollSourceOperator(task_id="p", source_id="thestar")}) == "thestar"
    assert source_id_of({"task": ParseOperator(task_id="parse")}) is None


def test_recipients_can_come_from_the_environment_where_no_variable_is_set(
    pantau_env, monkeypatch, mailbox, no_alert_channels
):

    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", smtp_connection(mailbox.port))
    monkeypatch.setenv("PANTAU_ALERT_EMAIL_TO", "oncall@example.org")
    record(pantau_env, "vnexpress", DAY, "failed", reason="robots", error="robots.txt disallows /rss/")
    SourceAlertNotifier(clock=lambda: run_time(DAY, 5))(poll_context("vnexpress"))
    [message] = mailbox.messages
    assert message["To"] == "oncall@example.org" and message["From"] == "pantau@localhost"
