"""`pantau dedup FILE`: one-line errors for bad lines, and streaming: its peak memory grows slowly
enough with the input that a million articles stay under 4 GB (the peak of the command's own
process, measured here at two sizes)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMALL, LARGE = 2_000, 20_000
BUDGET_MB_AT_A_MILLION = 4096


def test_a_bad_date_is_a_one_line_error_naming_the_line(tmp_path):
    articles = tmp_path / "articles.jsonl"
    articles.write_text(
        '{"url": "https://x.test/a", "title": "t", "body": "b", "language": "en"}\n\n'
        '{"url": "https://x.test/b", "title": "t", "body": "b", "language": "en", "published": "yesterday"}\n',
        encoding="utf-8",
    )
    finished = subprocess.run(
        [sys.executable, "-m", "pantau.cli", "dedup", str(articles)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        timeout=60,
    )
    assert finished.returncode == 2 and finished.stdout == ""
    assert finished.stderr.strip() == f"{articles}:3: published is not an ISO date-time: 'yesterday'"


@pytest.mark.slow  # signs 2k and 20k articles in child processes
def test_the_command_stays_within_a_memory_bound(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from bench_dedup import run_command, write_corpus  # one generator of synthetic news, shared

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    peaks = {}
    for size in (SMALL, LARGE):
        articles, output = tmp_path / f"articles-{size}.jsonl", tmp_path / f"deduped-{size}.jsonl"
        write_corpus(size, articles)
        _, peaks[size] = run_command(articles, output, env)
        with open(output, encoding="utf-8") as lines:
            assert sum(1 for _ in lines) == size
    per_article_mb = max(peaks[LARGE] - peaks[SMALL], 0) / (LARGE - SMALL)
    projected = peaks[SMALL] + per_article_mb * (1_000_000 - SMALL)
    print(
        f"pantau dedup peak RSS: {peaks[SMALL]:.0f} MB at {SMALL}, {peaks[LARGE]:.0f} MB at {LARGE}; "
        f"{per_article_mb * 1024:.2f} KB per article, {projected:.0f} MB projected at 1M"
    )
    assert projected < BUDGET_MB_AT_A_MILLION
