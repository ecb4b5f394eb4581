"""Real pages trafilatura reads in part, from WCXB's dev split (CC-BY-4.0, fixtures/wcxb/README.md)."""

import gzip
import json
from pathlib import Path

import trafilatura

from pantau.extract.article import extract_article
from pantau.extract.scoring import token_f1

WCXB = Path(__file__).parent / "fixtures" / "wcxb"


def read(file_id: str) -> tuple[bytes, str, str]:
    truth = json.loads((WCXB / f"{file_id}.json").read_text(encoding="utf-8"))
    return (
        gzip.decompress((WCXB / f"{file_id}.html.gz").read_bytes()),
        truth["url"],
        truth["ground_truth"]["main_content"],
    )


def test_a_guide_trafilatura_reads_in_part_is_read_from_its_paragraphs():
    html, url, expected = read("4193")
    assert token_f1(trafilatura.extract(html, url=url, include_comments=False) or "", expected) < 0.4
    body = extract_article(html, url).body
    assert "A DIY solar panel installation is not the best option" in body
    assert token_f1(body, expected) > 0.95


def test_a_brief_whose_lists_trafilatura_leaves_out_is_read_favouring_recall():
    html, url, expected = read("4519")
    assert token_f1(trafilatura.extract(html, url=url, include_comments=False) or "", expected) < 0.8
    body = extract_article(html, url).body
    assert "- Support for education and training should supplement research funding." in body
    assert token_f1(body, expected) > 0.95
