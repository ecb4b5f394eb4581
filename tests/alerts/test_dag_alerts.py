"""Through Airflow: a DAG run whose source answers 503 sends one email, however often the task is tried,
and running the day again once the source answers sends the recovery notice; on the real daily DAG,
the email links the failing poll's log even when another task's callback is the one that sends it."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import pytest

from pantau.days import briefing_day_of, day_window
from pantau.demo import run_after_for

from ..servers import LocalSite
from .history import write_sources

pytestmark = [pytest.mark.integration, pytest.mark.slow]

PROBE_DAGS = Path(__file__).resolve().parent / "dags"
DAGS = Path(__file__).resolve().parents[2] / "dags"


def run_probe(day: date):
    from airflow.dag_processing.dagbag import DagBag

    dag = DagBag(dag_folder=str(PROBE_DAGS)).dags["pantau_alert_probe"]
    return dag.test(logical_date=datetime.fromisoformat(run_after_for(day)))


def feed_for(site: LocalSite, day: date) -> str:
    published = format_datetime(day_window(day)[0] + timedelta(hours=9))
    item = f"<item><title>ASEAN ministers meet</title><link>{site.url('/a1.html')}</link><pubDate>{published}</pubDate></item>"
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Probe</title>{item}</channel></rss>'


def register_an_overloaded_source(site: LocalSite, tmp_path, monkeypatch) -> None:
    """Probe Daily, whose feed answers 503, as the whole registry; one failed poll alerts."""
    # Retry-After keeps the fetcher's own retries to a second each.
    site.reply("/feed.xml", "overloaded", status=503, headers={"Retry-After": "1"})
    sources = write_sources(
        tmp_path / "sources.yaml",
        {
            "id": "probe_daily",
            "outlet": "Probe Daily",
            "urls": [site.url("/feed.xml")],
            "alert_after_failures": 1,
            "alert_after_hours": 0,
        },
    )
    monkeypatch.setenv("PANTAU_SOURCES", str(sources))


def test_a_failing_source_alerts_once_through_airflow_and_recovers(airflow_db, monkeypatch, tmp_path, email_to):
    # Yesterday, as this morning's run covers it: a live poll (an older day would be replayed from the store).
    day = briefing_day_of(datetime.now(timezone.utc)) - timedelta(days=1)
    bundle = {
        "name": "pantau-alert-probe",
        "classpath": "airflow.dag_processing.bundles.local.LocalDagBundle",
        "kwargs": {"path": str(PROBE_DAGS)},
    }
    monkeypatch.setenv("AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST", json.dumps([bundle]))
    monkeypatch.setenv("PANTAU_DB_URL", f"sqlite:///{tmp_path / 'pantau.db'}")
    with LocalSite() as site:
        register_an_overloaded_source(site, tmp_path, monkeypatch)

        failed = run_probe(day)
        assert failed.state == "failed"
        [alert] = email_to.messages  # not one per try, nor one more from the DAG's own failure callback
        assert alert["Subject"] == "[Pantau] Probe Daily (probe_daily) is failing: http-503"
        body = alert.get_body(("html",)).get_content()
        assert "probe_daily (Probe Daily)" in body and "answered 503" in body
        assert "/dags/pantau_alert_probe/runs/" in body
        assert "/tasks/poll.probe/mapped/0?try_number=2" in body, "the link is to the log of the try that failed last"

        site.reply("/feed.xml", feed_for(site, day), headers={"Content-Type": "application/rss+xml"})
        site.reply(
            "/a1.html",
            "<html><head><title>ASEAN ministers meet</title></head><body><p>Text.</p></body></html>",
            headers={"Content-Type": "text/html"},
        )
        recovered = run_probe(day)  # the day cleared and run again
    assert recovered.state == "success"
    assert [m["Subject"] for m in email_to.messages[1:]] == ["[Pantau] Probe Daily (probe_daily) is fetched again"]


def test_the_daily_dags_alert_links_the_failing_poll_when_parse_sends_it(airflow_db, monkeypatch, tmp_path, email_to):
    """The poll's own callback finds the mail server busy, so the alert stays due and the parse task's
    callback (the next to check every source) sends it: the link is still the failing poll's log."""
    from airflow.dag_processing.dagbag import DagBag

    day = briefing_day_of(datetime.now(timezone.utc)) - timedelta(days=1)
    monkeypatch.setenv("PANTAU_DB_URL", f"sqlite:///{tmp_path / 'pantau.db'}")
    monkeypatch.setenv("PANTAU_OUTPUT_DIR", str(tmp_path / "output"))
    with LocalSite() as site:
        register_an_overloaded_source(site, tmp_path, monkeypatch)
        dag = DagBag(dag_folder=str(DAGS)).dags["pantau_daily_briefing"]
        for task in dag.tasks:
            task.retries = 0  # the schedule's retries wait minutes; one try shows the link
        email_to.refusals = 1
        dag.test(logical_date=datetime.fromisoformat(run_after_for(day)))
    [alert] = email_to.messages
    assert alert["Subject"] == "[Pantau] Probe Daily (probe_daily) is failing: http-503"
    body = alert.get_body(("html",)).get_content()
    assert "/dags/pantau_daily_briefing/runs/" in body
    assert "/tasks/poll.probe_daily/mapped/0?try_number=1" in body, "the failing poll's log, with its map index"
    assert "/tasks/parse" not in body
