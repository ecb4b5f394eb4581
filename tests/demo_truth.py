"""The demo site's ground truth: one record per page, as tools/demo_site/build.py writes it."""

from __future__ import annotations

import json

from pantau.demo import DEMO_DIR

EXPECTED = DEMO_DIR / "expected.jsonl"


def expected_pages() -> list[dict]:
    lines = EXPECTED.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
