"""Extraction speed and quality: Pantau's extractor against trafilatura on the same pages, same run.

    .venv/bin/python benchmarks/bench_extract.py [--quick]

Pages: the real outlet pages in tests/extract/fixtures/real (fundus' expected text) and the demo
site's pages (include/demo/expected.jsonl), when it has been built. Prints body token F1 against
the expected text (Pantau with profiles, Pantau without them, trafilatura), pages per second of
Pantau and trafilatura, and the speed ratio (>1: Pantau is faster).
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from pantau import demo
from pantau.extract.article import extract_article
from pantau.extract.scoring import token_f1
from pantau.models import PageRejected
from pantau.registry.sources import Source, load_sources, registry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "extract"))
from conftest import real_pages  # noqa: E402  (the fixtures' loader, shared with the tests)

DEMO_BASE = "http://127.0.0.1:8765"  # where the demo server would serve the pages; never contacted
REAL_SOURCES = {"MalayMail": "malaymail", "VnExpress": "vnexpress"}


@dataclass(frozen=True)
class Page:
    name: str
    url: str
    html: bytes
    expected_body: str
    source: Source | None


def pages() -> list[Page]:
    found = [
        Page(p.name, p.url, p.html, "\n".join(p.paragraphs), registry()[REAL_SOURCES[p.name]])
        for p in real_pages()
        if p.name in REAL_SOURCES
    ]
    expected = demo.DEMO_DIR / "expected.jsonl"
    if expected.exists():
        with tempfile.TemporaryDirectory() as scratch:
            sources = {s.id: s for s in load_sources(demo.write_sources(DEMO_BASE, Path(scratch) / "sources.yaml"))}
        for line in expected.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            html = (demo.SITE_DIR / record["path"].lstrip("/")).read_bytes()
            found.append(
                Page(record["path"], DEMO_BASE + record["path"], html, record["body"], sources[record["source_id"]])
            )
    return found


def ours(page: Page) -> str:
    try:
        return extract_article(page.html, page.url, source=page.source).body
    except PageRejected:
        return ""


def ours_generic(page: Page) -> str:
    """Pantau without the page's profile: how it reads an outlet it has no profile for."""
    source = page.source.model_copy(update={"profile": None}) if page.source else None
    try:
        return extract_article(page.html, page.url, source=source).body
    except PageRejected:
        return ""


def theirs(page: Page) -> str:
    return trafilatura.extract(page.html, url=page.url, include_comments=False, include_tables=False) or ""


def pages_per_second(extract, corpus: list[Page], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for page in corpus:
            extract(page)
    return rounds * len(corpus) / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer timing rounds (well under a minute)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # stale-profile warnings are the tests' business, not the timer's

    corpus = pages()
    ours(corpus[0]), theirs(corpus[0])  # load models and profiles outside the timed runs

    print(f"{'page':58} {'pantau':>7} {'generic':>7} {'trafila':>7}")
    scores = {ours: [], ours_generic: [], theirs: []}
    for page in corpus:
        row = [token_f1(extract(page), page.expected_body) for extract in scores]
        for extract, score in zip(scores, row):
            scores[extract].append(score)
        print(f"{page.name[-58:]:58} " + " ".join(f"{score:7.3f}" for score in row))
    means = [statistics.mean(values) for values in scores.values()]
    print(f"{'mean body F1 over ' + str(len(corpus)) + ' pages':58} " + " ".join(f"{m:7.3f}" for m in means))
    print("(pantau: with the outlet's profile; generic: without it; trafila: trafilatura.extract)")

    rounds = 3 if args.quick else 20
    ours_speed = pages_per_second(ours, corpus, rounds)
    theirs_speed = pages_per_second(theirs, corpus, rounds)
    print(
        f"pages/s: pantau {ours_speed:.1f}, trafilatura {theirs_speed:.1f}, "
        f"ratio {ours_speed / theirs_speed:.2f}x (>1 means pantau is faster)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
