"""Shared fixtures for the extraction tests: real outlet pages and their expected parse."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REAL = FIXTURES / "real"
# Real pages of outlets Pantau has a profile for (the rest test the generic path).
PROFILED = {"MalayMail": "malaymail", "VnExpress": "vnexpress"}


@dataclass(frozen=True)
class RealPage:
    name: str  # the publisher, as fundus names it
    page: str  # "<country>/<Publisher>_<date>"
    split: str  # "tune", or the validation or held-out set the benchmark reads it in
    url: str
    html: bytes
    title: str
    authors: tuple[str, ...]
    published: datetime | None
    paragraphs: tuple[str, ...]


def publisher(page: str) -> str:
    """The publisher of "<country>/<Publisher>_<yyyy>_<mm>_<dd>", as fundus names it."""
    return page.split("/")[1].rsplit("_", 3)[0]


def fundus_page(page: str, split: str, url: str, html: bytes, expected: dict) -> RealPage:
    """A saved page with fundus' expected parse of it: title, authors, date, and the body as its
    summary then each section's headline and paragraphs."""
    body = expected.get("body") or {"summary": [], "sections": []}
    paragraphs = tuple(body["summary"]) + tuple(p for s in body["sections"] for p in s["headline"] + s["paragraphs"])
    stamp = expected.get("publishing_date")
    return RealPage(
        name=publisher(page),
        page=page,
        split=split,
        url=url,
        html=html,
        title=expected.get("title") or "",
        authors=tuple(expected.get("authors") or ()),
        published=datetime.fromisoformat(stamp) if stamp else None,
        paragraphs=paragraphs,
    )


def real_pages(split: str | None = None) -> list[RealPage]:
    """The saved pages listed in fixtures/real/manifest.json (fundus' test data, MIT, see
    fixtures/real/LICENSE), with fundus' expected title, authors, date and text."""
    manifest = json.loads((REAL / "manifest.json").read_text(encoding="utf-8"))
    return [
        fundus_page(
            entry["page"],
            entry["set"],
            entry["url"],
            gzip.decompress((REAL / f"{entry['page']}.html.gz").read_bytes()),
            json.loads((REAL / f"{entry['page']}.json").read_text(encoding="utf-8")),
        )
        for entry in manifest["pages"]
        if split is None or entry["set"] == split
    ]


@pytest.fixture(params=[p for p in real_pages("tune") if p.name in PROFILED], ids=lambda page: page.name)
def real_page(request) -> RealPage:
    return request.param
