"""End to end: the daily DAG on the demo site through Airflow's dag.test(), then cleared and run again."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from sqlalchemy import inspect, select

from pantau import store
from pantau.demo import DEMO_DIR, run_after_for, write_sources

pytestmark = [pytest.mark.integration, pytest.mark.slow]

DAY = date(2025, 7, 8)
DAGS = Path(__file__).resolve().parents[1] / "dags"
# Columns that say when a run happened, not what it found.
RUN_TIMES = {"fetched_at", "started_at", "finished_at", "last_sent_at", "parsed_at"}


def run_daily_dag(day: date):
    from airflow.dag_processing.dagbag import DagBag

    dag = DagBag(dag_folder=str(DAGS)).dags["pantau_daily_briefing"]
    return dag.test(logical_date=datetime.fromisoformat(run_after_for(day)))


def only_sources(sources: Path, keep: set[str], *added: dict) -> Path:
    """The registry cut down to a few sources (fewer mapped polls, a shorter dag.test()), plus any added."""
    document = yaml.safe_load(sources.read_text(encoding="utf-8"))
    document["sources"] = [source for source in document["sources"] if source["id"] in keep] + list(added)
    sources.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return sources


def store_snapshot(url: str) -> dict[str, list[tuple]]:
    snapshot = {}
    with store.session(url) as s:
        for table in store.Base.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in RUN_TIMES]
            rows = s.execute(select(*columns)).all()
            snapshot[table.name] = sorted(tuple(map(repr, row)) for row in rows)
    return snapshot


# When the quality checks ran, in the report they write (and the "not in the future" bound that
# follows from it): a run's time, not its result.
CHECK_TIMES = re.compile(
    rb'"(checked_at|ge_load_time)": "[^"]*"|"max_value": "\d{4}-\d\d-\d\dT[^"]*"'
    rb"|Checked \d{4}-\d\d-\d\d \d\d:\d\d \w+"
)


def briefing_files(output: Path) -> dict[str, bytes]:
    folder = output / "briefings" / DAY.isoformat()
    return {
        str(p.relative_to(folder)): CHECK_TIMES.sub(b"<run time>", p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def expected_pages() -> list[dict]:
    lines = (DEMO_DIR / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory, airflow_db, demo_site):
    scratch = tmp_path_factory.mktemp("daily")
    db_url = f"sqlite:///{scratch / 'pantau.db'}"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PANTAU_SOURCES", str(write_sources(demo_site, scratch / "sources.yaml")))
        env.setenv("PANTAU_DB_URL", db_url)
        env.setenv("PANTAU_OUTPUT_DIR", str(scratch / "output"))
        first = run_daily_dag(DAY)
        yield {"run": first, "db_url": db_url, "output": scratch / "output", "rerun": run_daily_dag}


def test_the_run_succeeds_and_writes_the_briefing(demo_run):
    assert demo_run["run"].state == "success"
    files = briefing_files(demo_run["output"])
    for name in ("briefing.html", "briefing.md", "briefing.pdf", "stories.csv", "quality/index.html"):
        assert name in files, f"{name} missing"


def test_every_demo_page_became_an_article(demo_run):
    with store.session(demo_run["db_url"]) as s:
        urls = set(s.scalars(select(store.ArticleRow.url)))
    expected = {page["canonical_url"] for page in expected_pages()}
    assert expected <= urls


def test_the_top_wire_story_is_shown_once_with_its_carriers(demo_run):
    pages = expected_pages()
    by_story: dict[str, set[str]] = {}
    for page in pages:
        if page["published"] and page["published"].startswith(DAY.isoformat()):
            by_story.setdefault(page["story"], set()).add(page["outlet"])
    top_story = max(by_story, key=lambda story: len(by_story[story]))
    canonical = next(p for p in pages if p["story"] == top_story and p["canonical"] and p["language"] == "en")
    copies = [p for p in pages if p["story"] == top_story and not p["canonical"]]

    rows = list(csv.DictReader((demo_run["output"] / "briefings" / DAY.isoformat() / "stories.csv").open()))
    assert rows[0]["title"] == canonical["title"], "the top story is not first"
    titled_as_copy = [r for r in rows if r["title"] in {p["title"] for p in copies} - {canonical["title"]}]
    assert not titled_as_copy, f"copies listed as stories of their own: {titled_as_copy}"

    html = (demo_run["output"] / "briefings" / DAY.isoformat() / "briefing.html").read_text(encoding="utf-8")
    for outlet in by_story[top_story]:
        assert outlet in html


def test_clearing_and_rerunning_every_task_changes_nothing(demo_run):
    before_store = store_snapshot(demo_run["db_url"])
    before_files = briefing_files(demo_run["output"])
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PANTAU_SOURCES", str(Path(demo_run["output"]).parent / "sources.yaml"))
        env.setenv("PANTAU_DB_URL", demo_run["db_url"])
        env.setenv("PANTAU_OUTPUT_DIR", str(demo_run["output"]))
        again = demo_run["rerun"](DAY)
    assert again.state == "success"
    after_store = store_snapshot(demo_run["db_url"])
    for table in before_store:
        assert after_store[table] == before_store[table], f"table {table} changed on rerun"
    assert briefing_files(demo_run["output"]) == before_files


def test_store_schema_has_every_stage_table(demo_run):
    tables = set(inspect(store.engine(demo_run["db_url"])).get_table_names())
    assert {"raw_pages", "articles", "dedup_assignments", "source_runs", "quarantine", "quality_runs"} <= tables


BOT_WALL = b"<html><head><title>Just a moment...</title></head><body><p>Checking your browser.</p></body></html>"


def test_a_broken_batch_stops_the_briefing_and_names_the_expectation(tmp_path, airflow_db, capfd):
    """Four outlets answer every article with a bot wall: the pages are quarantined, the share
    of pages that parse falls under the critical threshold, and no briefing goes out."""
    import shutil

    from pantau.demo import SITE_DIR, serve_site

    site = tmp_path / "site"
    shutil.copytree(SITE_DIR, site)
    for outlet in ("bernama-en", "nst", "thestar", "malaymail"):
        for page in (site / outlet).rglob("*.html"):
            page.write_bytes(BOT_WALL)
    with serve_site(site) as base_url, pytest.MonkeyPatch.context() as env:
        sources = write_sources(base_url, tmp_path / "sources.yaml")
        env.setenv(
            "PANTAU_SOURCES", str(only_sources(sources, {"bernama_en", "nst", "thestar", "malaymail", "sinchew"}))
        )
        env.setenv("PANTAU_DB_URL", f"sqlite:///{tmp_path / 'pantau.db'}")
        env.setenv("PANTAU_OUTPUT_DIR", str(tmp_path / "output"))
        run = run_daily_dag(DAY)
    states = {ti.task_id: ti.state for ti in run.get_task_instances()}
    assert run.state == "failed"
    assert states["quality"] == "failed"
    assert states["briefing"] == "upstream_failed"
    assert not (tmp_path / "output" / "briefings" / DAY.isoformat() / "briefing.html").exists()
    logged = "".join(capfd.readouterr())
    assert "critical expectation(s) failed: articles.extractor_quarantine_share (rows: " in logged
    with store.session(f"sqlite:///{tmp_path / 'pantau.db'}") as s:
        bot_walls = s.scalars(select(store.Quarantine).where(store.Quarantine.stage == "parse")).all()
    assert len(bot_walls) == 15 and all(row.reason in {"too-short", "no-title"} for row in bot_walls)


def test_a_failing_source_fails_its_own_task_and_the_briefing_still_goes_out(tmp_path, airflow_db, demo_site):
    from airflow.dag_processing.dagbag import DagBag

    gone = {
        "id": "gone",
        "outlet": "Gone Daily",
        "language": "en",
        "kind": "rss",
        "urls": ["http://127.0.0.1:9/feed.xml"],
    }
    # Three of four sources answer: above the share of failed sources that stops the briefing.
    sources = only_sources(
        write_sources(demo_site, tmp_path / "sources.yaml"), {"bernama_en", "malaymail", "kln"}, gone
    )
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PANTAU_SOURCES", str(sources))
        env.setenv("PANTAU_DB_URL", f"sqlite:///{tmp_path / 'pantau.db'}")
        env.setenv("PANTAU_OUTPUT_DIR", str(tmp_path / "output"))
        dag = DagBag(dag_folder=str(DAGS)).dags["pantau_daily_briefing"]
        for task in dag.tasks:  # Airflow's retries would only make this test wait
            task.retries = 0
        run = dag.test(logical_date=datetime.fromisoformat(run_after_for(DAY)))
    states = {(ti.task_id, ti.map_index): ti.state for ti in run.get_task_instances()}
    assert states[("poll.gone_daily", 0)] == "failed"
    polled = [
        state for (task_id, _), state in states.items() if task_id.startswith("poll.") and task_id != "poll.gone_daily"
    ]
    assert polled and set(polled) == {"success"}
    assert [states[(task, -1)] for task in ("parse", "dedup", "quality", "briefing")] == ["success"] * 4
    with store.session(f"sqlite:///{tmp_path / 'pantau.db'}") as s:
        gone = s.get(store.SourceRun, ("gone", DAY))
    assert (gone.status, gone.reason) == ("failed", "connection")
    health = (tmp_path / "output" / "briefings" / DAY.isoformat() / "briefing.md").read_text(encoding="utf-8")
    assert "Gone Daily" in health
