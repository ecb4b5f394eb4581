"""Item 8: credentials in a source URL never reach errors, source health, the quality report or alerts."""

from __future__ import annotations

from datetime import date

import pytest

from pantau.health.alerts import Alert
from pantau.ingest.poll import SourceFailed, poll_source
from pantau.quality.stage import write_report
from pantau.redact import redacted

from ..poll.conftest import DAY, NOW, make_source
from .conftest import run_of

SECRETS = ("hunter2", "SECRETKEY", "tok-123")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://bob:hunter2@x.test/feed", "https://***@x.test/feed"),
        ("GET https://x.test/feed?apikey=SECRETKEY&page=2 failed", "GET https://x.test/feed?apikey=***&page=2 failed"),
        ("https://x.test/f?access_token=tok-123#top", "https://x.test/f?access_token=***#top"),
        ("https://x.test/f?sig=abc&API_KEY=k", "https://x.test/f?sig=***&API_KEY=***"),
        ("https://x.test/news?page=2&id=7", "https://x.test/news?page=2&id=7"),
    ],
)
def test_redacted_masks_credentials_and_keeps_the_rest(text, expected):
    assert redacted(text) == expected


def test_a_failing_source_with_credentials_in_its_url_records_no_secret(site, fetcher, db_url):
    site.reply("/feed.xml", b"down", status=500)
    host = site.origin.removeprefix("http://")
    source = make_source(site, urls=(f"http://bob:hunter2@{host}/feed.xml?apikey=SECRETKEY&token=tok-123",))
    with pytest.raises(SourceFailed) as failure:
        poll_source(source, DAY, now=NOW, db_url=db_url, fetcher=fetcher)
    run = run_of(db_url)
    alert = Alert(source.id, source.outlet, "failing", "alert", run.reason, run.error, run.started_at, None)
    for text in (str(failure.value), run.error, alert.text, alert.subject):
        assert not any(secret in text for secret in SECRETS), text
    assert "apikey=***" in run.error


def test_the_quality_report_quotes_urls_without_their_secrets(tmp_path):
    offending = "https://x.test/a?apikey=SECRETKEY"
    summaries = [{"suite": "fetch", "success": False, "critical_failures": 1, "warnings": 0, "expectations": [
        {"suite": "fetch", "expectation": "e", "severity": "critical", "success": False, "detail": offending,
         "unexpected": [offending]}]}]  # fmt: skip
    report = write_report(tmp_path, date(2025, 7, 8), NOW, summaries, {"raw": {"url": offending}})
    for written in (report, report.parent / "results.json"):
        assert "SECRETKEY" not in written.read_text(encoding="utf-8")
