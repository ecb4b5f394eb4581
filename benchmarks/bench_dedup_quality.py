"""Dedup quality: pairwise precision, recall and F1 at copy (cluster) and story level, per labelled set.

Two kinds of set, reported separately (docs/dedup.md):
- regression sets, which the thresholds were chosen on: tests/dedup/labelled.py and the demo's
  include/demo/expected.jsonl. High scores here catch regressions, not overfitting.
- the held-out set, never tuned on: tests/dedup/heldout/summit.py. Goal: copy F1 >= 0.95, story F1
  >= 0.90 with story precision >= 0.95.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_dedup_quality.py [--quick]

(--quick is accepted for symmetry with the other benchmarks: the sets are small, it changes nothing.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the labelled sets live in the test package

from tests.dedup.heldout.summit import heldout_set  # noqa: E402
from tests.dedup.labelled import demo_pages, labelled_set  # noqa: E402
from tests.dedup.scoring import pairwise_scores  # noqa: E402

from pantau.dedup.cluster import assign_clusters  # noqa: E402
from pantau.dedup.signatures import DedupItem  # noqa: E402

GOALS = {"copy F1": 0.95, "story F1": 0.90, "story precision": 0.95}


def demo_set() -> list[tuple[DedupItem, str, str]]:
    return [(item, page["cluster"], page["story"]) for page, item in demo_pages() if page.get("body")]


def scores(entries: list[tuple[DedupItem, str, str]]) -> dict[str, float]:
    assigned = assign_clusters([item for item, _, _ in entries])
    found = {}
    for level, predicted, expected in (
        ("copy", [a.cluster for a in assigned], [cluster for _, cluster, _ in entries]),
        ("story", [a.story for a in assigned], [story for _, _, story in entries]),
    ):
        precision, recall = pairwise_scores(predicted, expected)
        found[f"{level} precision"], found[f"{level} recall"] = precision, recall
        found[f"{level} F1"] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.parse_args()
    sets = {
        "regression: labelled (tuned on)": [(e.item, e.cluster, e.story) for e in labelled_set()],
        "regression: demo (tuned on)": demo_set(),
        "held-out: summit (never tuned on)": [(e.item, e.cluster, e.story) for e in heldout_set()],
    }
    print(
        f"{'set':36} {'items':>5}  {'copy P':>6} {'copy R':>6} {'copy F1':>7}  {'story P':>7} {'story R':>7} {'story F1':>8}"
    )
    missed = []
    for name, entries in sets.items():
        found = scores(entries)
        print(
            f"{name:36} {len(entries):5d}  {found['copy precision']:6.3f} {found['copy recall']:6.3f} "
            f"{found['copy F1']:7.3f}  {found['story precision']:7.3f} {found['story recall']:7.3f} "
            f"{found['story F1']:8.3f}"
        )
        if name.startswith("held-out"):
            missed = [f"{goal} {found[goal]:.3f} < {bound}" for goal, bound in GOALS.items() if found[goal] < bound]
    print("held-out goals: " + ("met" if not missed else "MISSED: " + "; ".join(missed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
