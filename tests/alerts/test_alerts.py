"""Which alert is due, decided from the store's run history and alert state, without Airflow."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone

import pytest

from pantau import store
from pantau.health.alerts import (
    ALERT,
    RECOVERED,
    REMINDER,
    Alert,
    failing_finding,
    next_notice,
    profile_finding,
    send_due_alerts,
    stale_finding,
)
from pantau.registry.sources import Source

from .history import record, record_articles, run_time

DAY = date(2025, 7, 8)
STAR = Source(
    id="thestar",
    outlet="The Star",
    language="en",
    kind="rss",
    urls=("https://www.thestar.com.my/rss/News",),
    profile="thestar",
)
NOON_MYT = datetime(2025, 7, 9, 4, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("state", "last_sent_at", "trouble", "now", "expected"),
    [
        (None, None, True, NOON_MYT, ALERT),
        ("ok", NOON_MYT - timedelta(days=3), True, NOON_MYT, ALERT),
        ("alerting", NOON_MYT - timedelta(hours=3), True, NOON_MYT, None),  # a retry or rerun the same day
        # 23:30 MYT and 00:30 MYT the next day are two calendar days in Kuala Lumpur, one in UTC.
        (
            "alerting",
            datetime(2025, 7, 9, 15, 30, tzinfo=timezone.utc),
            True,
            datetime(2025, 7, 9, 16, 30, tzinfo=timezone.utc),
            REMINDER,
        ),
        ("alerting", NOON_MYT - timedelta(days=1), True, NOON_MYT, REMINDER),
        ("alerting", NOON_MYT - timedelta(hours=1), False, NOON_MYT, RECOVERED),
        ("ok", NOON_MYT - timedelta(hours=1), False, NOON_MYT, None),
        (None, None, False, NOON_MYT, None),
        ("alerting", NOON_MYT - timedelta(days=2), None, NOON_MYT, None),  # no evidence: nothing to say
    ],
)
def test_next_notice(state, last_sent_at, trouble, now, expected):
    assert next_notice(state, last_sent_at, trouble, now) == expected


def test_a_source_is_failing_after_its_threshold_of_consecutive_failed_runs(sqlite_url):
    record(sqlite_url, "thestar", DAY - timedelta(days=2), "failed", reason="dns", error="no such host")
    record(sqlite_url, "thestar", DAY - timedelta(days=1), "ok", found_new=True)
    record(sqlite_url, "thestar", DAY, "failed", reason="timeout", error="read timed out")
    with store.session(sqlite_url) as s:
        assert failing_finding(s, STAR).trouble is None  # one failure in a row; the threshold is two
    record(sqlite_url, "thestar", DAY + timedelta(days=1), "failed", reason="http-503", error="feed answered 503")
    with store.session(sqlite_url) as s:
        found = failing_finding(s, STAR)
    assert (found.trouble, found.reason, found.error) == (True, "http-503", "feed answered 503")
    assert found.since == run_time(DAY), "the streak began with the first of the two failures"


def test_a_replayed_day_says_nothing_about_failing_and_a_success_clears_it(sqlite_url):
    record(sqlite_url, "thestar", DAY, "replayed")
    with store.session(sqlite_url) as s:
        assert failing_finding(s, STAR).trouble is None
    record(sqlite_url, "thestar", DAY + timedelta(days=1), "unchanged")
    with store.session(sqlite_url) as s:
        assert failing_finding(s, STAR).trouble is False


def test_a_source_that_answers_but_brings_nothing_new_goes_stale(sqlite_url):
    record(sqlite_url, "thestar", DAY - timedelta(days=2), "ok", found_new=True)
    record(sqlite_url, "thestar", DAY - timedelta(days=1), "unchanged")
    record(sqlite_url, "thestar", DAY, "unchanged")
    last_new = run_time(DAY - timedelta(days=2)) + timedelta(seconds=5)
    with store.session(sqlite_url) as s:
        assert stale_finding(s, STAR, last_new + timedelta(hours=47)).trouble is False
        found = stale_finding(s, STAR, last_new + timedelta(hours=50))
    assert (found.trouble, found.reason, found.since) == (True, "stale", last_new)
    assert "no new item for 50 h (expected within 48 h)" == found.error


def test_a_failing_source_is_not_called_stale(sqlite_url):
    record(sqlite_url, "thestar", DAY - timedelta(days=5), "ok", found_new=True)
    record(sqlite_url, "thestar", DAY, "failed", reason="dns", error="no such host")
    with store.session(sqlite_url) as s:
        assert stale_finding(s, STAR, run_time(DAY)).trouble is None


def test_fallbacks_of_the_newest_parse_mean_the_profile_stopped_matching(sqlite_url):
    record_articles(sqlite_url, "thestar", DAY - timedelta(days=1), ["profile:thestar"] * 3)
    with store.session(sqlite_url) as s:
        assert profile_finding(s, STAR).trouble is False
    record_articles(
        sqlite_url, "thestar", DAY, ["profile:thestar", "generic-fallback:thestar", "generic-fallback:thestar"]
    )
    with store.session(sqlite_url) as s:
        found = profile_finding(s, STAR)
        assert profile_finding(s, STAR.model_copy(update={"profile": None})).trouble is None
    assert (found.trouble, found.reason) == (True, "profile-mismatch")
    assert found.error == (
        "2 of 3 articles of 2025-07-08 fell back to generic extraction (profile 'thestar')"
        "; the profile is unverified (no real saved page tests it): check it against a saved page"
    )


def test_fallbacks_of_a_profile_proved_on_a_real_page_mean_the_outlet_changed(sqlite_url):
    mail = STAR.model_copy(update={"id": "malaymail", "outlet": "Malay Mail", "profile": "malaymail"})
    record_articles(sqlite_url, "malaymail", DAY, ["profile:malaymail", "generic-fallback:malaymail"])
    with store.session(sqlite_url) as s:
        found = profile_finding(s, mail)
    assert (found.trouble, found.reason) == (True, "profile-mismatch")
    assert found.error == "1 of 2 articles of 2025-07-08 fell back to generic extraction (profile 'malaymail')"


def test_the_sequence_alert_suppressed_reminder_recovered(sqlite_url):
    sent: list[Alert] = []

    def poll_and_check(day: date, status: str, now: datetime, **failure) -> list[str]:
        record(sqlite_url, "thestar", day, status, at=now, **failure)
        new = send_due_alerts([STAR], now + timedelta(minutes=1), sent.append, db_url=sqlite_url)
        return [f"{alert.kind}:{alert.notice}" for alert in new]

    failure = {"reason": "http-503", "error": "https://www.thestar.com.my/rss/News answered 503"}
    assert poll_and_check(DAY, "failed", run_time(DAY), **failure) == []
    day2 = DAY + timedelta(days=1)
    assert poll_and_check(day2, "failed", run_time(day2), **failure) == ["failing:alert"]
    assert poll_and_check(day2, "failed", run_time(day2, 90), **failure) == []  # the day rerun an hour later
    day3 = DAY + timedelta(days=2)
    assert poll_and_check(day3, "failed", run_time(day3), **failure) == ["failing:reminder"]
    day4 = DAY + timedelta(days=3)
    assert poll_and_check(day4, "ok", run_time(day4), found_new=True) == ["failing:recovered"]
    assert poll_and_check(day4, "ok", run_time(day4, 30), found_new=True) == []

    alert, reminder, recovered = sent
    assert alert.since == reminder.since == recovered.since == run_time(DAY)
    assert recovered.reason == "http-503"
    with store.session(sqlite_url) as s:
        state = s.get(store.AlertState, ("thestar", "failing"))
        assert (state.state, state.last_sent_at) == ("ok", run_time(day4) + timedelta(minutes=1))


def test_a_message_that_could_not_be_sent_is_due_again(sqlite_url):
    for day in (DAY, DAY + timedelta(days=1)):
        record(sqlite_url, "thestar", day, "failed", reason="dns", error="no such host")
    now = run_time(DAY + timedelta(days=1), 5)

    def refuse(alert: Alert) -> None:
        raise ConnectionRefusedError("mail server down")

    with pytest.raises(ConnectionRefusedError):
        send_due_alerts([STAR], now, refuse, db_url=sqlite_url)
    sent: list[Alert] = []
    send_due_alerts([STAR], now, sent.append, db_url=sqlite_url)
    assert [(a.kind, a.notice) for a in sent] == [("failing", ALERT)]


def test_each_message_links_the_log_of_the_poll_that_showed_it_whoever_sends_it(sqlite_url):
    """Any task's callback may send the message (parse checks every source): the link is the poll's."""
    poll_log = "http://airflow.example/dags/pantau_polling/runs/r{}/tasks/the_star.poll/mapped/0?try_number=1"
    parse_log = "http://airflow.example/dags/pantau_daily_briefing/runs/r/tasks/parse?try_number=1"
    failure = {"reason": "http-503", "error": "answered 503"}
    record(sqlite_url, "thestar", DAY, "failed", log_url=poll_log.format(1), **failure)
    record(sqlite_url, "thestar", DAY, "failed", at=run_time(DAY, 90), log_url=poll_log.format(2), **failure)
    [alert] = send_due_alerts([STAR], run_time(DAY, 95), lambda alert: None, log_url=parse_log, db_url=sqlite_url)
    assert alert.log_url == poll_log.format(2), "the newest failed poll's log"
    day2 = DAY + timedelta(days=1)
    record(sqlite_url, "thestar", day2, "ok", log_url=poll_log.format(3), found_new=True)
    [recovered] = send_due_alerts([STAR], run_time(day2, 5), lambda alert: None, log_url=parse_log, db_url=sqlite_url)
    assert (recovered.notice, recovered.log_url) == (RECOVERED, poll_log.format(3)), "the first poll to work again"
    # A poll run outside Airflow (the CLI, the demo) has no log to link: the sending task's it is.
    day3 = DAY + timedelta(days=2)
    for minutes in (0, 90):
        record(sqlite_url, "thestar", day3, "failed", at=run_time(day3, minutes), **failure)
    [cli] = send_due_alerts([STAR], run_time(day3, 95), lambda alert: None, log_url=parse_log, db_url=sqlite_url)
    assert cli.log_url == parse_log


def test_the_message_names_source_reason_error_since_and_log():
    alert = Alert(
        "thestar",
        "The Star",
        "failing",
        ALERT,
        "http-503",
        "feed answered 503",
        run_time(DAY),
        "http://airflow.example/dags/d/runs/r/tasks/poll/mapped/0?try_number=3",
    )
    assert alert.subject == "[Pantau] The Star (thestar) is failing: http-503"
    assert alert.text.splitlines() == [
        "The Star (thestar) is failing.",
        "Source: thestar (The Star)",
        "Reason: http-503",
        "Last error: feed answered 503",
        "Since: 2025-07-09 07:02 MYT",
        "Log: http://airflow.example/dags/d/runs/r/tasks/poll/mapped/0?try_number=3",
    ]


@pytest.mark.parametrize("notice", [ALERT, REMINDER])
def test_two_callbacks_at_once_send_one_message(db_url, notice):
    import threading

    for day in (DAY, DAY + timedelta(days=1)):
        record(db_url, "thestar", day, "failed", reason="dns", error="no such host")
    if notice == REMINDER:
        with store.session(db_url) as s:
            s.add(
                store.AlertState(
                    source_id="thestar",
                    kind="failing",
                    state="alerting",
                    since=run_time(DAY),
                    last_sent_at=run_time(DAY, 10),
                )
            )
    now = run_time(DAY + timedelta(days=1), 5)
    sending, sent, errors = threading.Event(), [], []

    def slow_send(alert: Alert) -> None:
        sending.set()
        time.sleep(0.5)  # the first callback is still talking to the mail server
        sent.append(alert)

    def callback() -> None:
        try:
            send_due_alerts([STAR], now, slow_send, db_url=db_url)
        except Exception as exc:  # reported below, with the thread's error
            errors.append(exc)

    first = threading.Thread(target=callback)
    first.start()
    assert sending.wait(5)
    callback()
    first.join()
    assert errors == []
    assert [(a.kind, a.notice) for a in sent] == [("failing", notice)]
