"""Real pages trafilatura reads in part, from WCXB's dev split (CC-BY-4.0, fixtures/wcxb/README.md)."""

import gzip
import json
from pathlib import Path

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


def test_a_list_trafilatura_leaves_out_is_read_favouring_recall():
    # A brief whose lists trafilatura's balanced reading leaves out.
    html, url, expected = wcxb_page("4519")
    assert token_f1(trafilatura.extract(html, url=url, include_comments=False) or "", expected) < 0.8
    body = extract_article(html, url).body
    assert "- Support for education and training should supplement research funding." in body
    assert token_f1(body, expected) > 0.95


def test_a_comment_thread_under_the_text_is_not_read_as_its_paragraphs():
    # A post trafilatura reads whole, under which a comment thread prints twenty times its text in
    # paragraphs.
    html, url, expected = wcxb_page("4316")
    body = extract_article(html, url).body
    assert "Be careful, it's addictive." not in body
    assert token_f1(body, expected) > 0.95
