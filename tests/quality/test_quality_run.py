"""run_for_day end to end on a store: what it writes, when it fails, and how its failure reads."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import delete, select, update

from pantau import store
from pantau.models import article_id
from pantau.quality.expectations import ArticleSettings, VolumeSettings
from pantau.quality.stage import RUN_PARAMETERS, QualityFailed, RunInputs, check_day, run_for_day, run_parameters
from pantau.store import ArticleRow, QualityRun, Quarantine, SourceRun

from .clean_day import DAY, NOW, SOURCES, article_url, build_good_day


def run(url: str, output_dir, now: datetime = NOW) -> dict:
    with store.session(url) as s:
        return run_for_day(s, DAY, output_dir, sources=SOURCES, now=now)


def quality_quarantine(url: str) -> set[tuple[str, str]]:
    with store.session(url) as s:
        rows = s.scalars(select(Quarantine).where(Quarantine.stage == "quality", Quarantine.day == DAY))
        return {(row.item, row.reason) for row in rows}


def break_urls(url: str, count: int, replacement=lambda n: f"story {n}") -> None:
    with store.session(url) as s:
        for n in range(count):
            s.execute(
                update(ArticleRow)
                .where(ArticleRow.id == article_id(article_url("sinchew", DAY, n)))
                .values(url=replacement(n))
            )


def test_a_clean_day_writes_its_report_and_one_quality_run_per_suite(good_day, tmp_path):
    result = run(good_day, tmp_path)

    report = tmp_path / "briefings" / DAY.isoformat() / "quality" / "index.html"
    assert result == {"suites": 4, "failed_critical": 0, "warnings": 0, "report": str(report)}
    assert "Data quality for 2025-07-08" in report.read_text(encoding="utf-8")
    saved = json.loads((report.parent / "results.json").read_text(encoding="utf-8"))
    assert set(saved["validations"]) == {
        "fetch.source_runs",
        "fetch.raw_pages",
        "articles.articles",
        "articles.parse_outcomes",
        "dedup.dedup_articles",
        "dedup.clusters",
        "volume.volume",
    }
    assert all(validation["success"] for validation in saved["validations"].values())
    with store.session(good_day) as s:
        runs = {r.suite: r for r in s.scalars(select(QualityRun).where(QualityRun.day == DAY))}
    assert set(runs) == {"fetch", "articles", "dedup", "volume"}
    articles = runs["articles"]
    assert articles.success and articles.critical_failures == 0 and articles.warnings == 0
    assert articles.summary["report_path"] == "quality/index.html"
    first = articles.summary["expectations"][0]
    assert first == {
        "suite": "articles",
        "expectation": "url_unique",
        "severity": "critical",
        "success": True,
        "detail": "0 of 40 rows unexpected",
        "unexpected": [],
    }
    assert quality_quarantine(good_day) == set()


def test_a_failed_warning_lets_the_run_pass_and_is_reported(good_day, tmp_path):
    with store.session(good_day) as s:
        s.execute(
            update(SourceRun).where(SourceRun.source_id == "bharian", SourceRun.day == DAY).values(status="failed")
        )

    result = run(good_day, tmp_path)

    assert result["failed_critical"] == 0 and result["warnings"] == 1
    with store.session(good_day) as s:
        fetch = s.get(QualityRun, (DAY, "fetch"))
    assert fetch.success and fetch.warnings == 1
    failed = [e for e in fetch.summary["expectations"] if not e["success"]]
    assert failed == [
        {
            "suite": "fetch",
            "expectation": "source_failed",
            "severity": "warning",
            "success": False,
            "detail": "1 of 4 rows unexpected",
            "unexpected": ["bharian"],
        }
    ]
    assert quality_quarantine(good_day) == {("bharian", "fetch.source_failed")}


def test_a_failed_critical_names_expectations_and_rows_and_keeps_its_record(good_day, tmp_path):
    break_urls(good_day, 2)
    with store.session(good_day) as s:
        s.execute(delete(SourceRun).where(SourceRun.source_id == "gnews", SourceRun.day == DAY))

    with pytest.raises(QualityFailed) as failed:
        run(good_day, tmp_path)

    assert str(failed.value) == (
        "critical expectation(s) failed: fetch.every_source_attempted (rows: gnews); "
        "articles.url_well_formed (rows: story 0, story 1)"
    )
    # The caller's session rolled back on the exception; what run_for_day wrote was committed first.
    with store.session(good_day) as s:
        articles = s.get(QualityRun, (DAY, "articles"))
        assert not articles.success and articles.critical_failures == 1
    assert quality_quarantine(good_day) == {
        ("gnews", "fetch.every_source_attempted"),
        ("story 0", "articles.url_well_formed"),
        ("story 1", "articles.url_well_formed"),
    }
    assert (tmp_path / "briefings" / DAY.isoformat() / "quality" / "results.json").exists()


def test_the_message_names_the_first_rows_and_how_many_there_are(good_day, tmp_path):
    break_urls(good_day, 8)
    with pytest.raises(
        QualityFailed,
        match=r"url_well_formed \(rows: story 0, story 1, story 2, story 3, "
        r"story 4, \.\.\. 8 in all\)",
    ):
        run(good_day, tmp_path)


def test_a_rerun_replaces_the_quarantine_of_the_run_before(good_day, tmp_path):
    with store.session(good_day) as s:
        s.execute(
            update(SourceRun).where(SourceRun.source_id == "bharian", SourceRun.day == DAY).values(status="failed")
        )
    run(good_day, tmp_path)
    with store.session(good_day) as s:
        s.execute(update(SourceRun).where(SourceRun.source_id == "bharian", SourceRun.day == DAY).values(status="ok"))

    run(good_day, tmp_path)

    assert quality_quarantine(good_day) == set()


def test_the_report_escapes_what_the_pages_said(good_day, tmp_path):
    break_urls(good_day, 1, lambda n: "<script>alert(1)</script>")
    with pytest.raises(QualityFailed):
        run(good_day, tmp_path)
    html = (tmp_path / "briefings" / DAY.isoformat() / "quality" / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_naive_now_is_refused(good_day):
    with store.session(good_day) as s, pytest.raises(ValueError, match="now must be tz-aware"):
        check_day(s, DAY, sources=SOURCES, now=datetime(2025, 7, 9, 7))


def test_the_clean_day_passes_on_postgresql(postgres_url):
    build_good_day(postgres_url)
    with store.session(postgres_url) as s:
        outcomes = check_day(s, DAY, sources=SOURCES, now=NOW).outcomes
    assert [o.qualified_name for o in outcomes if not o.success] == []


def test_every_run_parameter_the_suites_may_name_is_computed():
    inputs = RunInputs(
        DAY,
        NOW,
        SOURCES,
        ArticleSettings(published_tolerance_hours=2, clock_skew_minutes=10, sources_without_time=()),
        VolumeSettings(history_days=14, min_history_days=7, min_median=3, low_factor=0.25, high_factor=4),
    )
    assert set(run_parameters(inputs)) == RUN_PARAMETERS
