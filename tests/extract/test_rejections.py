"""Pages with no usable article are rejected with a reason, for the quarantine."""

import pytest

from pantau.extract.article import extract_article
from pantau.models import PageRejected

LONG = " ".join(["The ASEAN foreign ministers met in Kuala Lumpur to discuss the region's future."] * 6)


def rejection(html: str, url: str = "https://example.org/story") -> str:
    with pytest.raises(PageRejected) as rejected:
        extract_article(html.encode("utf-8"), url)
    return rejected.value.reason


def test_no_title():
    assert rejection(f"<html><body><article><p>{LONG}</p><p>{LONG}</p></article></body></html>") == "no-title"


def test_a_page_without_a_headline_is_read_under_the_title_its_feed_listed():
    # Pages saved without their <head> (L3S-GN1): trafilatura reads the story, but no headline anywhere.
    html = f"<html><body><article><p>{LONG}</p><p>{LONG}</p></article></body></html>".encode()
    article = extract_article(html, "https://example.org/story", listed_title="ASEAN ministers meet in Kuala Lumpur")
    assert article.title == "ASEAN ministers meet in Kuala Lumpur" and article.body.startswith(LONG)


def test_too_short():
    html = '<html><head><meta property="og:type" content="article"></head><body><h1>ASEAN ministers meet today</h1><p>Story to follow.</p></body></html>'
    assert rejection(html) == "too-short"


def test_short_chinese_story_is_long_enough_in_characters():
    text = "东盟防长会议将从明日起至11月2日举行，美国、俄罗斯、澳大利亚和中国等八个对话伙伴国均已确认出席。国防部战略规划与政策司秘书指出，这些倡议反映大马作为轮值主席国的承诺。"
    html = f'<html><head><meta property="og:type" content="article"></head><body><h1>东盟防长会议明日举行</h1><article><p>{text}</p></article></body></html>'
    assert extract_article(html.encode("utf-8"), "https://example.my/zh").language == "zh"


def test_index_page():
    links = "".join(
        f'<li><a href="/news/{i}">ASEAN story number {i} about ministers and meetings</a></li>' for i in range(40)
    )
    html = f"<html><head><title>Latest news</title></head><body><h1>Latest</h1><ul>{links}</ul></body></html>"
    assert rejection(html, "https://example.org/news") == "index-page"


def test_article_with_related_itemlist_and_odd_json_ld_is_read():
    ld = (
        '[{"@type": "NewsArticle", "headline": "Asean ministers meet in Kuala Lumpur today",'
        ' "datePublished": ["2025-07-08"], "author": {"name": ["odd"]}},'
        ' {"@type": "ItemList", "itemListElement": []}, {"@type": {"x": 1}}]'
    )
    html = (
        f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
        f"<h1>Asean ministers meet in Kuala Lumpur today</h1><article><p>{LONG}</p><p>{LONG[::-1]}</p></article></body></html>"
    )
    article = extract_article(html.encode("utf-8"), "https://example.org/story")
    assert article.title == "Asean ministers meet in Kuala Lumpur today"
    assert article.published is None and article.byline is None
