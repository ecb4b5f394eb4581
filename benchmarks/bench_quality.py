"""The quality stage's cost per run: run_for_day on a clean day against reading its batches alone.

    .venv/bin/python benchmarks/bench_quality.py [--quick]

The day is the quality tests' clean day (tests/quality/clean_day.py: four sources, a week of
history, articles clustered in pairs) at 40 articles, and with --quick omitted also at 400. The
baseline is building the seven batch frames from the store without validating them, so the
ratio is what Great Expectations and the report add. Importing GX and building its context
happens once per process (once per Airflow task) and is timed on its own.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "quality"))

from clean_day import DAY, NOW, SOURCES, build_good_day  # noqa: E402

from pantau import store  # noqa: E402
from pantau.quality.stage import BATCHES, RunInputs, frame, quality_suites, run_for_day, validation_context  # noqa: E402


def median_seconds(action, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bench(per_source: int, repeats: int, scratch: Path) -> None:
    url = f"sqlite:///{scratch / f'day-{per_source}.db'}"
    build_good_day(url, per_source)
    output = scratch / f"output-{per_source}"
    settings = {suite.suite: suite.typed_settings for suite in quality_suites()}
    inputs = RunInputs(DAY, NOW, SOURCES, settings["articles"], settings["volume"])

    def read_batches():
        with store.session(url) as s:
            for name in BATCHES:
                frame(s, name, inputs)

    def quality_run():
        with store.session(url) as s:
            run_for_day(s, DAY, output, sources=SOURCES, now=NOW)

    baseline = median_seconds(read_batches, repeats)
    warm = median_seconds(quality_run, repeats)
    articles = per_source * len(SOURCES)
    print(
        f"{articles:>4} articles: run_for_day {warm * 1000:7.1f} ms, reading the batches {baseline * 1000:6.1f} ms, "
        f"ratio {warm / baseline:5.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="40 articles, 3 repeats")
    args = parser.parse_args()
    started = time.perf_counter()
    validation_context()
    print(f"once per process: importing GX and building its context {time.perf_counter() - started:.2f} s")
    with tempfile.TemporaryDirectory() as scratch:
        for per_source in (10,) if args.quick else (10, 100):
            bench(per_source, 3 if args.quick else 10, Path(scratch))


if __name__ == "__main__":
    main()
