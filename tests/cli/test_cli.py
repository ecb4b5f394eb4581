"""The `pantau` command's contract: JSON lines out, one-line errors and non-zero exits for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pantau.demo import SITE_DIR, write_sources
from pantau.registry.sources import load_sources, outlet_pool
from tests.demo_truth import expected_pages

SRC = Path(__file__).resolve().parents[2] / "src"
ARTICLE_KEYS = {"url", "outlet", "source_id", "title", "published", "language", "byline", "body", "wire"}


def pantau(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pantau.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC), **(env or {})},
        timeout=120,
    )


def assert_one_line_error(finished: subprocess.CompletedProcess, *fragments: str) -> None:
    assert finished.returncode != 0
    assert "Traceback" not in finished.stderr
    lines = finished.stderr.strip().splitlines()
    assert len(lines) == 1, finished.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def demo_pages(count: int | None = None) -> list[dict]:
    return expected_pages()[:count]


def test_no_command_is_a_one_line_error():
    assert_one_line_error(pantau(), "pantau")


def test_unknown_option_is_a_one_line_error():
    assert_one_line_error(pantau("extract", "--bogus"), "unrecognized arguments")


def test_missing_page_is_a_one_line_error(tmp_path):
    assert_one_line_error(pantau("extract", str(tmp_path / "nope.html"), "--url", "https://x.test/a"), "cannot read")


def test_broken_manifest_line_names_the_line(tmp_path):
    manifest = tmp_path / "pages.jsonl"
    manifest.write_text('{"url": "https://x.test/a"}\n', encoding="utf-8")
    assert_one_line_error(pantau("extract", "--manifest", str(manifest)), "pages.jsonl:1")


def test_dedup_of_a_broken_file_names_the_line(tmp_path):
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"url": "u", "title": "t", "body": "b", "language": "en"}\nnot json\n', encoding="utf-8")
    assert_one_line_error(pantau("dedup", str(articles)), "articles.jsonl:2")


def test_a_bad_source_entry_names_file_entry_and_field(tmp_path):
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        "sources:\n  - id: nst\n    outlet: NST\n    language: english\n    kind: rss\n"
        "    urls: [https://www.nst.com.my/feed]\n",
        encoding="utf-8",
    )
    assert_one_line_error(pantau("poll", "--sources", str(sources)), "sources.yaml", "'nst'", "language")


def test_extract_and_dedup_the_demo_pages(tmp_path):
    manifest = tmp_path / "pages.jsonl"
    pages = demo_pages()
    manifest.write_text(
        "".join(
            json.dumps({"url": p["canonical_url"], "path": str(SITE_DIR / p["path"].lstrip("/"))}) + "\n" for p in pages
        ),
        encoding="utf-8",
    )
    sources = write_sources("http://127.0.0.1:1", tmp_path / "sources.yaml")  # the registry, no server needed
    extracted = pantau("extract", "--manifest", str(manifest), "--sources", str(sources))
    assert extracted.returncode == 0, extracted.stderr
    records = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert len(records) == len(pages)
    assert all(ARTICLE_KEYS <= set(record) for record in records)

    articles = tmp_path / "articles.jsonl"
    articles.write_text(extracted.stdout, encoding="utf-8")
    deduped = pantau("dedup", str(articles))
    assert deduped.returncode == 0, deduped.stderr
    clustered = [json.loads(line) for line in deduped.stdout.splitlines()]
    assert len(clustered) == len(records)
    assert all({"cluster", "canonical", "story"} <= set(record) for record in clustered)
    by_url = {record["url"]: record for record in clustered}
    expected_clusters = {}
    for page in pages:
        expected_clusters.setdefault(page["cluster"], set()).add(by_url[page["canonical_url"]]["cluster"])
    assert all(len(found) == 1 for found in expected_clusters.values()), "copies of one story split apart"


@pytest.mark.slow  # a whole demo poll: every outlet's politeness delay, one host after another
def test_poll_prints_a_summary_per_source(tmp_path, demo_site):
    sources = write_sources(demo_site, tmp_path / "sources.yaml")
    finished = pantau(
        "poll",
        "--sources",
        str(sources),
        "--day",
        "2025-07-08",
        env={"PANTAU_DB_URL": f"sqlite:///{tmp_path / 'pantau.db'}"},
    )
    assert finished.returncode == 0, finished.stderr
    summaries = [json.loads(line) for line in finished.stdout.splitlines()]
    assert {s["source_id"] for s in summaries} == {p["source_id"] for p in demo_pages()}
    assert all({"status", "items_seen", "new", "error"} <= set(s) for s in summaries)
    assert sum(s["new"] for s in summaries) >= 30


def test_pools_gives_each_outlet_one_pool_sized_by_its_politeness(tmp_path):
    registry_file = write_sources("http://127.0.0.1:1", tmp_path / "sources.yaml")
    finished = pantau("pools", "--sources", str(registry_file))
    assert finished.returncode == 0, finished.stderr
    pools = json.loads(finished.stdout)
    sources = load_sources(registry_file)
    assert set(pools) == {outlet_pool(source.outlet) for source in sources}
    bernama = [source for source in sources if source.outlet == "Bernama"]
    assert len(bernama) == 3 and pools["pantau_bernama"]["slots"] == min(s.politeness.concurrency for s in bernama)


def test_extract_one_page_finds_its_source_in_the_registry_by_url():
    page = next(p for p in demo_pages() if p["source_id"] == "bernama_zh")
    finished = pantau("extract", str(SITE_DIR / page["path"].lstrip("/")), "--url", page["canonical_url"])
    assert finished.returncode == 0, finished.stderr
    (record,) = [json.loads(line) for line in finished.stdout.splitlines()]
    assert {key: record[key] for key in ("url", "source_id", "title", "published", "language", "wire")} == {
        "url": page["canonical_url"],
        "source_id": "bernama_zh",
        "title": page["title"],
        "published": page["published"],
        "language": "zh",
        "wire": "bernama",
    }
