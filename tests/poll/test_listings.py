"""The registry's listing sources against real-style listing pages (see fixtures/listings/README.md),
and a hostile listing page against a catastrophic link pattern."""

from __future__ import annotations

from pathlib import Path

import pytest

from pantau.config import INCLUDE_DIR
from pantau.ingest.feeds import FeedRejected, listed_items, source_items
from pantau.registry.sources import load_sources

LISTINGS = Path(__file__).parent / "fixtures" / "listings"


@pytest.fixture(scope="module")
def registry():
    return {source.id: source for source in load_sources(INCLUDE_DIR / "sources.yaml")}


def links(source, page: str) -> list[str]:
    body = (LISTINGS / page).read_bytes()
    return [item.url for item in source_items(source, body, base_url=source.urls[0], content_type="text/html")]


def test_sinar_harian_keeps_its_own_articles_and_leaves_sister_sites_out(registry):
    assert links(registry["sinarharian"], "sinarharian_terkini.html") == [
        "https://www.sinarharian.com.my/article/788589/berita/politik/menteri-luar-tiba-di-kuala-lumpur",
        "https://www.sinarharian.com.my/article/788590/berita/nasional/asean-perlu-bersatu",
        "https://www.sinarharian.com.my/article/788588/global/myanmar-pilihan-raya",
    ]


def test_sin_chew_keeps_dated_news_links_and_leaves_sponsored_and_look_alike_hosts_out(registry):
    assert links(registry["sinchew"], "sinchew_home.html") == [
        "https://www.sinchew.com.my/news/20250708/nation/6741235",
        "https://www.sinchew.com.my/news/20250708/international/6741402",
        "https://www.sinchew.com.my/news/20250707/nation/6740118/",
    ]


def test_china_press_leaves_ticker_advertorials_and_subdomains_out(registry):
    assert links(registry["chinapress"], "chinapress_home.html") == [
        "https://www.chinapress.com.my/20250708/%e6%9d%b1%e7%9b%9f%e5%a4%96%e9%95%b7%e6%9c%83%e8%ad%b0%e9%96%8b%e5%b9%95/",
        "https://www.chinapress.com.my/20250708/緬甸選舉/",
        "https://www.chinapress.com.my/20250708/外長會面/",
    ]


def test_the_ministry_keeps_slug_and_asset_links_and_leaves_menus_and_other_hosts_out(registry):
    found = links(registry["kln"], "kln_press_releases.html")
    assert found[:2] == [
        "https://www.kln.gov.my/web/guest/-/kenyataan-media-malaysia-mengecam-pembunuhan-rakyat-palestin",
        "https://www.kln.gov.my/web/guest/-/mesyuarat-pegawai-kanan-asean-kuala-lumpur-7-julai-2025",
    ]
    assert len(found) == 3 and "_101_assetEntryId=1234567" in found[2]


@pytest.mark.timeout(30)
def test_a_catastrophic_pattern_on_a_hostile_listing_page_ends_with_a_clear_reason():
    hostile = "".join(f'<a href="https://x.example/{"a" * 1500}!{n}">x</a>' for n in range(500))
    body = f"<html><body>{hostile}</body></html>".encode()
    with pytest.raises(FeedRejected) as rejected:
        listed_items(body, kind="listing", base_url="https://x.example/", link_pattern=r"(a+)+$")
    assert rejected.value.reason == "pattern-timeout"
    assert "backtracks" in rejected.value.detail or "ran out of time" in rejected.value.detail


def test_a_listing_that_prints_links_after_closing_the_document_keeps_them():
    # Read as a browser reads it (and as article pages are): libxml2 puts what follows </html> in a
    # second root, where the links were found but never made absolute, and so were dropped.
    body = (
        b"<html><head><title>Terkini</title></head><body><a href='/article/1/berita'>Satu</a></body></html>"
        b"<div class='more'><a href='/article/2/berita'>Dua</a></div>"
    )
    items = listed_items(body, kind="listing", base_url="https://www.example.my/", link_pattern=r"/article/\d+/")
    assert [item.url for item in items] == [
        "https://www.example.my/article/1/berita",
        "https://www.example.my/article/2/berita",
    ]
