"""Health per poll, in hours: a source polled every 5 minutes is failing only after
`alert_after_failures` failed polls spanning `alert_after_hours`; one alert, one recovery notice."""

from __future__ import annotations

from datetime import datetime, timedelta

from pantau.days import BRIEFING_ZONE
from pantau.health.alerts import send_due_alerts
from pantau.registry.sources import Source

from .history import record

START = datetime(2025, 7, 8, 8, 0, tzinfo=BRIEFING_ZONE)
POLL = timedelta(minutes=5)
SOURCE = Source(
    id="wire",
    outlet="Wire",
    language="en",
    kind="rss",
    urls=("https://wire.test/feed",),
    alert_after_failures=3,
    alert_after_hours=1,
)


def poll_for(sqlite_url, start: datetime, duration: timedelta, status: str) -> list:
    """Poll every 5 minutes for `duration` with the same outcome; the alerts each poll's callback sends."""
    sent = []
    moment = start
    while moment < start + duration:
        reason = "timeout" if status == "failed" else None
        record(sqlite_url, SOURCE.id, moment.date(), status, reason=reason, at=moment, found_new=status == "ok")
        sent += send_due_alerts([SOURCE], moment + timedelta(seconds=10), lambda alert: None, db_url=sqlite_url)
        moment += POLL
    return sent


def test_a_ten_minute_outage_raises_nothing(sqlite_url):
    sent = poll_for(sqlite_url, START, timedelta(hours=1), "ok")
    sent += poll_for(sqlite_url, START + timedelta(hours=1), timedelta(minutes=10), "failed")
    sent += poll_for(sqlite_url, START + timedelta(hours=1, minutes=10), timedelta(hours=1), "ok")
    assert sent == []


def test_failed_polls_over_the_hours_raise_one_alert_and_recovery_one_notice(sqlite_url):
    sent = poll_for(sqlite_url, START, timedelta(minutes=30), "ok")
    outage = poll_for(sqlite_url, START + timedelta(minutes=30), timedelta(hours=3), "failed")
    recovered = poll_for(sqlite_url, START + timedelta(hours=3, minutes=30), timedelta(hours=1), "ok")
    assert sent == []
    [alert] = outage
    assert (alert.kind, alert.notice, alert.reason) == ("failing", "alert", "timeout")
    assert alert.since == START + timedelta(minutes=30), "since the first failed poll"
    assert [(notice.kind, notice.notice) for notice in recovered] == [("failing", "recovered")]
