"""Real pages trafilatura reads in part, from WCXB's dev split (CC-BY-4.0, fixtures/wcxb/README.md)."""

import gzip
import json
from pathlib import Path

import pytest
import trafilatura

from pantau.extract.article import extract_article
from pantau.extract.scoring import token_f1

WCXB = Path(__file__).parent / "fixtures" / "wcxb"


def wcxb_page(file_id: str) -> tuple[bytes, str, str]:
    """The page as saved, its address and its expected text."""
    truth = json.loads((WCXB / f"{file_id}.json").read_text(encoding="utf-8"))
    return (
        gzip.decompress((WCXB / f"{file_id}.html.gz").read_bytes()),
        truth["url"],
        truth["ground_truth"]["main_content"],
    )


@pytest.mark.parametrize(
    ("file_id", "trafilatura_below", "late_in_the_story"),
    [
        # A guide cut into many small blocks: trafilatura reads a few; the page's paragraphs are taken.
        ("4193", 0.4, "A DIY solar panel installation is not the best option"),
        # A brief whose lists trafilatura's balanced reading leaves out: read favouring recall.
        ("4519", 0.8, "- Support for education and training should supplement research funding."),
    ],
    ids=["paragraphs", "lists"],
)
def test_a_page_trafilatura_reads_in_part_is_read_whole(file_id, trafilatura_below, late_in_the_story):
    html, url, expected = wcxb_page(file_id)
    assert token_f1(trafilatura.extract(html, url=url, include_comments=False) or "", expected) < trafilatura_below
    body = extract_article(html, url).body
    assert late_in_the_story in body
    assert token_f1(body, expected) > 0.95


def test_a_comment_thread_under_the_text_is_not_read_as_its_paragraphs():
    # A post trafilatura reads whole, under which a comment thread prints twenty times its text in
    # paragraphs: the page's paragraphs would be mostly the thread.
    html, url, expected = wcxb_page("4316")
    body = extract_article(html, url).body
    assert "Be careful, it's addictive." not in body
    assert token_f1(body, expected) > 0.95
