import unicodedata
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from pantau.ingest.feeds import FeedRejected, decoded_html, listed_items

from .conftest import rss

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><item><title>&lol3;</title><link>https://example.com/a</link></item></channel></rss>"""

EXTERNAL_ENTITY_SITEMAP = b"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.com/&xxe;</loc></url></urlset>"""

GOOGLE_NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://www.channelnewsasia.com/asia/asean-foreign-ministers-kuala-lumpur-123</loc>
    <news:news><news:publication><news:name>CNA</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2025-07-08T10:15:00+08:00</news:publication_date>
      <news:title>ASEAN foreign ministers meet in Kuala Lumpur</news:title></news:news></url>
  <url><loc>https://www.channelnewsasia.com/asia/timor-leste-456</loc><lastmod>2025-07-07T22:00:00</lastmod></url>
</urlset>"""


def test_rss_items_keep_their_dates_and_listed_urls():
    body = rss(
        ("https://www.example.com/a?utm_source=rss", "Tue, 08 Jul 2025 09:30:00 +0800"), ("https://example.com/b", None)
    )
    items = listed_items(body, kind="rss", base_url="https://example.com/feed")
    assert [item.url for item in items] == ["https://www.example.com/a?utm_source=rss", "https://example.com/b"]
    assert items[0].key == "https://example.com/a"
    assert items[0].published == datetime(2025, 7, 8, 1, 30, tzinfo=timezone.utc)
    assert items[1].published is None


def test_an_item_listed_twice_in_two_spellings_is_listed_once():
    body = rss(("https://www.example.com/a", None), ("https://m.example.com/a/amp", None))
    assert len(listed_items(body, kind="rss", base_url="https://example.com/feed")) == 1


def test_billion_laughs_is_refused_before_feedparser_sees_it():
    with pytest.raises(FeedRejected) as rejected:
        listed_items(BILLION_LAUGHS, kind="rss", base_url="https://example.com/feed")
    assert rejected.value.reason == "hostile-xml"


@pytest.mark.parametrize("kind", ["sitemap", "rss"])
def test_external_entities_are_refused(kind):
    with pytest.raises(FeedRejected) as rejected:
        listed_items(EXTERNAL_ENTITY_SITEMAP, kind=kind, base_url="https://example.com/sitemap.xml")
    assert rejected.value.reason == "hostile-xml"


def test_google_news_sitemap_dates_come_from_publication_date_or_lastmod_in_the_source_zone():
    items = listed_items(
        GOOGLE_NEWS_SITEMAP,
        kind="sitemap",
        base_url="https://www.channelnewsasia.com/",
        zone=ZoneInfo("Asia/Singapore"),
    )
    assert [item.key for item in items] == [
        "https://channelnewsasia.com/asia/asean-foreign-ministers-kuala-lumpur-123",
        "https://channelnewsasia.com/asia/timor-leste-456",
    ]
    assert items[0].published == datetime(2025, 7, 8, 2, 15, tzinfo=timezone.utc)
    assert items[1].published == datetime(2025, 7, 7, 14, 0, tzinfo=timezone.utc)


def test_sitemap_image_blocks_do_not_replace_the_page_url():
    body = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
        b"<url><loc>https://thesun.my/local/asean-brief-1</loc>"
        b"<image:image><image:loc>https://thesun.my/img/photo.jpg</image:loc></image:image>"
        b"<lastmod>2025-07-08T04:05:00Z</lastmod></url></urlset>"
    )
    items = listed_items(body, kind="sitemap", base_url="https://thesun.my/")
    assert [item.url for item in items] == ["https://thesun.my/local/asean-brief-1"]


def test_sitemap_index_is_a_clear_parse_error():
    body = b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.com/a.xml</loc></sitemap></sitemapindex>'
    with pytest.raises(FeedRejected, match="sitemap index"):
        listed_items(body, kind="sitemap", base_url="https://x.com/")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<html><body>We are down for maintenance</body></html>", "parse-error"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', "empty-feed"),
        (b"", "parse-error"),
    ],
)
def test_unreadable_and_empty_feeds_are_told_apart(body, reason):
    with pytest.raises(FeedRejected) as rejected:
        listed_items(body, kind="rss", base_url="https://example.com/feed")
    assert rejected.value.reason == reason


def test_truncated_feed_keeps_the_items_before_the_break():
    body = rss(("https://example.com/a", None), ("https://example.com/b", None))[:-40]
    assert [item.key for item in listed_items(body, kind="rss", base_url="https://example.com/feed")][:1] == [
        "https://example.com/a"
    ]


def test_gbk_feed_served_with_a_latin1_header_reads_by_its_xml_declaration():
    body = rss(("https://www.sinchew.com.my/news/20250708/nation/1", None), encoding="gbk").replace(
        b"Item 0", "东盟外长会议".encode("gbk")
    )
    items = listed_items(
        body, kind="rss", base_url="https://www.sinchew.com.my/feed", content_type="text/xml; charset=ISO-8859-1"
    )
    assert items[0].key == "https://sinchew.com.my/news/20250708/nation/1"


GBK_LISTING = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>东盟</title></head>
<body><a href="/news/20250708/东盟外长">东盟外长会议在吉隆坡召开</a><a href="/about">关于我们</a>
<a href="https://www.chinapress.com.my/news/20250708/123">马泰边境</a></body></html>"""


def test_gbk_listing_with_a_wrong_latin1_header_yields_its_links():
    items = listed_items(
        GBK_LISTING.encode("gbk"),
        kind="listing",
        base_url="https://www.chinapress.com.my/latest",
        content_type="text/html; charset=ISO-8859-1",
        link_pattern=r"/news/\d{8}/",
    )
    assert [item.key for item in items] == [
        "https://chinapress.com.my/news/20250708/%E4%B8%9C%E7%9B%9F%E5%A4%96%E9%95%BF",
        "https://chinapress.com.my/news/20250708/123",
    ]


@pytest.mark.parametrize(
    "declaration",
    ['<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" encoding="utf-8"'],
    ids=["xhtml", "cut-short"],
)
def test_a_listing_served_as_xhtml_yields_its_links(declaration):
    # lxml refuses a text that declares its encoding, and one whose declaration is left open.
    page = f"""{declaration}
<html xmlns="http://www.w3.org/1999/xhtml"><body><a href="/article/123">Asean ministers meet</a></body></html>"""
    items = listed_items(page.encode(), kind="listing", base_url="https://x.com/", link_pattern=r"/article/\d+")
    assert [item.key for item in items] == ["https://x.com/article/123"]


def test_listing_without_matching_links_is_an_empty_feed():
    with pytest.raises(FeedRejected) as rejected:
        listed_items(
            b"<html><body><a href='/x'>x</a></body></html>",
            kind="listing",
            base_url="https://x.com/",
            link_pattern=r"/article/\d+",
        )
    assert rejected.value.reason == "empty-feed"


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese sites wrote it: base letters plus combining tone marks."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in tones))
            out.append((base + "".join(p for p in parts if p in tones)).encode("cp1258"))
    return b"".join(out)


VIETNAMESE = "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 58 tại Kuala Lumpur"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (_cp1258(f'<html><head><meta charset="windows-1258"></head><body>{VIETNAMESE}</body></html>'), "text/html"),
        (_cp1258(f"<html><body>{VIETNAMESE}</body></html>"), "text/html; charset=ISO-8859-1"),
        (f"<html><body>{VIETNAMESE}</body></html>".encode(), "text/html; charset=windows-1258"),
    ],
    ids=["declared-1258", "undeclared-1258-latin1-header", "utf8-mislabelled-1258"],
)
def test_vietnamese_pages_decode_to_precomposed_text(body, content_type):
    assert VIETNAMESE in decoded_html(body, content_type)


def test_big5_page_labelled_big5_reads_hkscs_characters():
    text = "<html><head><meta charset='big5'></head><body>東盟峰會 香港</body></html>"
    assert "東盟峰會" in decoded_html(text.encode("big5hkscs"), None)


def test_bernama_s_feed_quirks_come_out_as_data_from_the_registry():
    from pantau.config import INCLUDE_DIR
    from pantau.ingest.feeds import source_items
    from pantau.registry.sources import registry

    bernama = registry(INCLUDE_DIR / "sources.yaml")["bernama_en"]
    body = (
        b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>BERNAMA</title>'
        b"<item><title>World : Malaysia Condemns Killing Of Aid Seekers In Gaza</title>"
        b"<link>http://www.bernama.com/en/news.php?id=2442187</link></item>"
        b"<item><title>General : 58th AMM Opens</title>"
        b"<link>http://www.bernama.com/en/general/news.php?id=2442050</link></item>"
        b"<item><title>General : 58th AMM Opens</title>"
        b"<link>https://www.bernama.com/en/news.php?id=2442050</link></item>"
        b"</channel></rss>"
    )
    items = source_items(bernama, body, base_url=bernama.urls[0])
    assert [(item.url, item.title, item.published) for item in items] == [
        ("https://www.bernama.com/en/news.php?id=2442187", "Malaysia Condemns Killing Of Aid Seekers In Gaza", None),
        ("https://www.bernama.com/en/news.php?id=2442050", "58th AMM Opens", None),
    ]
