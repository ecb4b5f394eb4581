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


def test_a_story_streamed_in_parts_is_read_with_its_parts_in_place():
    # The Motley Fool: React streams the story's sections after the page, in hidden parts that a
    # script moves into place; trafilatura, reading the page as served, keeps the first section.
    html, url, expected = wcxb_page("0046")
    assert token_f1(trafilatura.extract(html, url=url, include_comments=False) or "", expected) < 0.6
    assert token_f1(extract_article(html, url).body, expected) > 0.95


def test_a_story_told_in_folded_panels_is_read_with_them_open():
    # EnergySage: the guide's steps are an accordion whose panels the page hides until clicked.
    html, url, expected = wcxb_page("4193")
    assert token_f1(trafilatura.extract(html, url=url, include_comments=False) or "", expected) < 0.5
    assert token_f1(extract_article(html, url).body, expected) > 0.9


def test_panels_whose_opening_draws_trafilatura_away_from_the_page_stay_folded():
    # A service page (insight.com): opened, its accordions lead trafilatura to a block a third as
    # long; the page is read as folded.
    html, url, expected = wcxb_page("4287")
    assert token_f1(extract_article(html, url).body, expected) > 0.9


def test_a_site_builders_embed_block_is_read_as_the_page_it_holds():
    # Cuboh (Webflow): the guide's tables and text are in an embed block ("w-embed"), whose class
    # trafilatura takes for an embedded social post.
    html, url, expected = wcxb_page("0061")
    assert token_f1(trafilatura.extract(html, url=url, include_comments=False) or "", expected) < 0.6
    assert token_f1(extract_article(html, url).body, expected) > 0.95


def test_a_rich_text_field_named_bard_is_no_sidebar():
    # Easy LMS (Statamic): the article is in "bard" fields, which trafilatura's "bar" (for sidebars
    # and navigation bars) takes for page furniture.
    html, url, expected = wcxb_page("0113")
    assert token_f1(trafilatura.extract(html, url=url, include_comments=False) or "", expected) < 0.2
    assert token_f1(extract_article(html, url).body, expected) > 0.9
