"""Shared fixtures for the extraction tests: the real outlet pages and their expected parse."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REAL = FIXTURES / "real"


@dataclass(frozen=True)
class RealPage:
    name: str
    url: str
    html: bytes
    title: str
    authors: tuple[str, ...]
    published: datetime
    paragraphs: tuple[str, ...]


def real_pages() -> list[RealPage]:
    """The fundus pages (MIT, see fixtures/real/LICENSE) with their expected title, date and text."""
    pages = []
    for expected_file in sorted(REAL.glob("*/*.json")):
        expected = json.loads(expected_file.read_text(encoding="utf-8"))["V1"]
        meta = json.loads((expected_file.parent / "meta.info").read_text(encoding="utf-8"))
        ((html_name, info),) = meta.items()
        body = expected["body"]
        paragraphs = tuple(body["summary"]) + tuple(
            p for s in body["sections"] for p in s["headline"] + s["paragraphs"]
        )
        pages.append(
            RealPage(
                name=expected_file.stem,
                url=info["url"],
                html=gzip.decompress((expected_file.parent / html_name).read_bytes()),
                title=expected["title"],
                authors=tuple(expected["authors"]),
                published=datetime.fromisoformat(expected["publishing_date"]),
                paragraphs=paragraphs,
            )
        )
    return pages


@pytest.fixture(params=real_pages(), ids=lambda page: page.name)
def real_page(request) -> RealPage:
    return request.param
