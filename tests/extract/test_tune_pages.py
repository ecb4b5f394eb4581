"""Rules found on the enlarged tune set (fundus' pages of other countries' publishers), each
tested on the real page that showed the failure, and the scoring and speed-ups they rest on."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from trafilatura.metadata import extract_author

from pantau.extract.article import extract_article
from pantau.extract.bylines import marked_up_author
from pantau.extract.page import Page, decoded_html, parsed
from pantau.extract.scoring import token_f1

from .conftest import RealPage, real_pages


def tune_page(page: str) -> RealPage:
    return next(p for p in real_pages("tune") if p.page == page)


def test_a_comment_counter_above_the_story_does_not_end_it():
    # Times of India prints "Comments" in the byline's bar, above the story: not an end marker.
    real = tune_page("ind/TimesOfIndia_2026_04_16")
    body = extract_article(real.html, real.url).body
    assert real.paragraphs[-1] in body
    assert token_f1(body, "\n".join(real.paragraphs)) >= 0.99


def test_a_standfirst_trafilatura_has_after_a_dateline_is_not_added_again():
    # Rheinische Post: "Neuss · <standfirst>" is trafilatura's first paragraph.
    real = tune_page("de/RheinischePost_2024_04_21")
    body = extract_article(real.html, real.url).body
    assert body.count(real.paragraphs[0]) == 1


def test_a_standfirst_repeated_inside_a_later_paragraph_is_still_added():
    # Rolling Stone prints its standfirst above the story and again inside a paragraph of it.
    real = tune_page("us/RollingStone_2024_08_27")
    assert extract_article(real.html, real.url).body.startswith(real.paragraphs[0])


def test_scoring_does_not_depend_on_the_unicode_normal_form():
    assert token_f1("Gesellschaft für Allgemeinmedizin", "Gesellschaft fu\u0308r Allgemeinmedizin") == 1.0


@pytest.mark.parametrize("real", real_pages("tune"), ids=lambda page: page.page)
def test_author_markup_is_read_as_trafilatura_reads_it(real):
    text = decoded_html(real.html)
    page = Page(parsed(text), real.url, text)
    assert marked_up_author(page) == extract_author(page.tree)


@pytest.mark.parametrize(
    ("page", "writers"),
    [
        ("de/LTO_2025_10_20", ("Dr. Max Kolter",)),  # "von" alone, the name in the link after it
        ("de/Stern_2024_11_05", ("Jemima Kelly",)),  # the same under a section label ("capital")
        ("at/DerStandard_2024_05_03", ("Birgit Baumann", "Anna Giulia Fink", "Jan Michael Marchart")),
        ("pt/ThePortugalNews_2025_02_03", ("TPN",)),  # "By TPN, in News"
        ("de/Gamestar_2024_04_28", ("Duy Linh Dinh",)),  # not the "von <writer>" of a teaser below
        ("de/TOnline_2026_04_15", ("Julian Seiferth",)),  # "Von t-online, jse": the JSON-LD's "jse"
    ],
)
def test_printed_writers(page, writers):
    real = tune_page(page)
    assert extract_article(real.html, real.url).authors == writers


def test_json_ld_person_named_by_given_and_family_name():
    person = '{"@type": "Person", "givenName": "Anna Giulia", "familyName": "Fink"}'
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "author": ['
        + person
        + "]}</script></head><body><h1>Kalifat-Rufe in Hamburg</h1>"
        + "<p>Die Aufregung nach dem Aufmarsch von Islamisten in Hamburg bleibt groß, auch in Wien.</p>" * 5
        + "</body></html>"
    ).encode()
    assert extract_article(html, "https://example.at/story").authors == ("Anna Giulia Fink",)


def test_a_page_without_h1_is_read_under_the_heading_that_prints_its_title():
    # rbb24 sets its headline in an <h3> after a dozen widget headings; the date under it is
    # printed German-style: "Do 25.04.24 | 14:07 Uhr".
    real = tune_page("de/RBB24_2024_04_25")
    article = extract_article(real.html, real.url)
    assert article.published == datetime(2024, 4, 25, 14, 7, tzinfo=ZoneInfo("Europe/Berlin"))


def test_a_players_clock_beside_the_day_is_no_publication_time():
    # Krautreporter prints "22.08.2024" and then an audio player's "0:00".
    real = tune_page("de/Krautreporter_2024_08_22")
    assert extract_article(real.html, real.url).published == real.published
