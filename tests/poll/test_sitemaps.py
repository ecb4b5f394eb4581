"""Sitemaps for real: indexes followed within bounds, news sitemaps read, and an outlet's dated
archive sitemaps used to recover a past day, reading only the children that can hold it."""

from __future__ import annotations

import gzip
from datetime import date, timedelta

import pytest

from pantau.ingest.archive import recover_day
from pantau.ingest.feeds import FeedRejected, SitemapLimits, listed_items
from pantau.ingest.poll import poll_source

from .conftest import DAY, NOW, article, make_source

INDEX = '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</sitemapindex>'
URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{}</urlset>'
)


def index(*children: str, lastmods: dict[str, str] | None = None) -> str:
    lastmods = lastmods or {}
    return INDEX.format(
        "".join(
            f"<sitemap><loc>{url}</loc>"
            + (f"<lastmod>{lastmods[url]}</lastmod>" if url in lastmods else "")
            + "</sitemap>"
            for url in children
        )
    )


def news_sitemap(*pages: tuple[str, str, str]) -> str:
    """A Google News sitemap of (url, publication date, title)."""
    return URLSET.format(
        "".join(
            f"<url><loc>{url}</loc><news:news><news:publication><news:name>Test</news:name>"
            f"<news:language>en</news:language></news:publication>"
            f"<news:publication_date>{published}</news:publication_date><news:title>{title}</news:title>"
            f"</news:news></url>"
            for url, published, title in pages
        )
    )


def plain_sitemap(*pages: tuple[str, str]) -> str:
    return URLSET.format("".join(f"<url><loc>{url}</loc><lastmod>{lastmod}</lastmod></url>" for url, lastmod in pages))


def test_a_poll_follows_a_sitemap_index_to_both_monthly_news_sitemaps_and_collects_every_page(site, fetcher, db_url):
    june = [(site.url(f"/2025/06/story-{n}"), f"2025-06-{20 + n}T10:00:00+08:00", f"June {n}") for n in range(3)]
    july = [(site.url(f"/2025/07/story-{n}"), f"2025-07-0{1 + n}T10:00:00+08:00", f"July {n}") for n in range(4)]
    site.reply("/sitemap.xml", index(site.url("/sitemaps/news-2025-06.xml"), site.url("/sitemaps/news-2025-07.xml")))
    site.reply("/sitemaps/news-2025-06.xml", news_sitemap(*june))
    site.reply("/sitemaps/news-2025-07.xml", news_sitemap(*july))
    for url, _, title in june + july:
        site.reply(url.removeprefix(site.origin), article(title), headers={"Content-Type": "text/html"})

    summary = poll_source(
        make_source(site, "/sitemap.xml", kind="sitemap"), DAY, now=NOW, db_url=db_url, fetcher=fetcher
    )

    assert (summary["status"], summary["items_seen"], summary["new"], summary["failed"]) == ("ok", 7, 7, 0)
    assert all(site.hits[url.removeprefix(site.origin)] == 1 for url, _, _ in june + july)


def test_a_news_sitemap_gives_each_page_its_publication_date_and_title():
    body = news_sitemap(("https://x.example/a", "2025-07-08T10:15:00+08:00", "ASEAN ministers meet")).encode()
    [item] = listed_items(body, kind="sitemap", base_url="https://x.example/")
    assert (item.title, item.published.isoformat()) == ("ASEAN ministers meet", "2025-07-08T10:15:00+08:00")


def test_an_index_that_points_at_itself_ends_within_the_depth_and_count_limits(site, fetcher):
    # Each level lists itself and the next level down (a different query string, so a new URL).
    for level in range(20):
        site.reply(
            f"/index.xml?level={level}",
            index(
                site.url(f"/index.xml?level={level}"), site.url(f"/index.xml?level={level + 1}"), site.url("/pages.xml")
            ),
        )
    site.reply("/pages.xml", plain_sitemap(("https://x.example/a", "2025-07-08")))
    fetch = _fetch_through(site, fetcher)
    root = fetch(site.url("/index.xml?level=0"))

    items = listed_items(
        root, kind="sitemap", base_url=site.url("/index.xml?level=0"), fetch=fetch, limits=SitemapLimits(max_depth=3)
    )

    assert [item.url for item in items] == ["https://x.example/a"]
    assert site.hits["/index.xml?level=0"] == 1  # read once, though it lists itself
    assert [site.hits[f"/index.xml?level={level}"] for level in range(1, 5)] == [1, 1, 1, 0]  # depth 3 holds
    assert site.hits["/pages.xml"] == 1


def test_an_index_of_many_sitemaps_is_read_newest_first_up_to_the_count_limit(site, fetcher):
    months = [f"{year}-{month:02d}" for year in (2023, 2024, 2025) for month in range(1, 13)]
    site.reply("/index.xml", index(*(site.url(f"/sitemap-{month}.xml") for month in months)))
    for month in months:
        site.reply(f"/sitemap-{month}.xml", plain_sitemap((f"https://x.example/{month}", f"{month}-15")))
    fetch = _fetch_through(site, fetcher)

    items = listed_items(
        fetch(site.url("/index.xml")),
        kind="sitemap",
        base_url=site.url("/index.xml"),
        fetch=fetch,
        limits=SitemapLimits(max_sitemaps=4),
    )

    assert [item.url for item in items] == [f"https://x.example/2025-{month}" for month in ("12", "11", "10")]
    assert sum(site.hits.values()) - site.hits["/robots.txt"] == 4  # the index and three children


def test_without_a_fetcher_an_index_is_still_a_clear_parse_error():
    with pytest.raises(FeedRejected, match="sitemap index"):
        listed_items(index("https://x.example/a.xml").encode(), kind="sitemap", base_url="https://x.example/")


def test_a_past_day_is_recovered_from_the_monthly_child_that_holds_it_only(site, fetcher):
    months = ("2025-05", "2025-06", "2025-07")
    site.reply("/sitemap.xml", index(*(site.url(f"/sitemap/news-{month}.xml") for month in months)))
    site.reply(
        "/sitemap/news-2025-06.xml",
        news_sitemap(
            ("https://nst.example/a", "2025-06-15T09:00:00+08:00", "On the day"),
            ("https://nst.example/b", "2025-06-15T23:59:00+08:00", "Late on the day"),
            ("https://nst.example/c", "2025-06-14T23:00:00+08:00", "The evening before"),
            ("https://nst.example/d", "2025-06-20T09:00:00+08:00", "Days later"),
        ),
    )
    source = make_source(site, "/feed.xml", archive={"index": site.url("/sitemap.xml")})

    items = recover_day(source, date(2025, 6, 15), fetcher)

    assert [item.url for item in items] == ["https://nst.example/a", "https://nst.example/b"]
    assert site.hits["/sitemap/news-2025-06.xml"] == 1
    assert site.hits["/sitemap/news-2025-05.xml"] == site.hits["/sitemap/news-2025-07.xml"] == 0


def test_templated_monthly_archives_are_read_for_each_month_the_day_touches_newest_first(site, fetcher):
    template = site.url("/sitemap-posttype-post.{year}{month:02d}.xml")
    site.reply(
        "/sitemap-posttype-post.202507.xml", plain_sitemap(("https://fmt.example/july-1", "2025-07-01T08:00:00+08:00"))
    )
    site.reply(
        "/sitemap-posttype-post.202506.xml",
        gzip.compress(plain_sitemap(("https://fmt.example/june-30", "2025-06-30T23:30:00+07:00")).encode()),
    )
    # In Jakarta (UTC+7) the Kuala Lumpur day of 1 July begins at 23:00 on 30 June: two months.
    jakarta = make_source(site, timezone="Asia/Jakarta", archive={"template": template})
    assert [item.url for item in recover_day(jakarta, date(2025, 7, 1), fetcher)] == [
        "https://fmt.example/july-1",
        "https://fmt.example/june-30",
    ]
    kuala_lumpur = make_source(site, archive={"template": template})
    site.hits.clear()
    assert [item.url for item in recover_day(kuala_lumpur, date(2025, 7, 1), fetcher)] == ["https://fmt.example/july-1"]
    assert site.hits["/sitemap-posttype-post.202506.xml"] == 0


def test_a_source_without_archive_or_with_a_missing_one_says_why(site, fetcher):
    with pytest.raises(FeedRejected) as rejected:
        recover_day(make_source(site), DAY, fetcher)
    assert rejected.value.reason == "no-archive"
    gone = make_source(site, archive={"index": site.url("/no-such-sitemap.xml")})
    with pytest.raises(FeedRejected) as rejected:
        recover_day(gone, DAY, fetcher)
    assert rejected.value.reason == "http-404"


def _fetch_through(site, fetcher):
    from pantau.ingest.archive import sitemap_fetch

    source = make_source(site)
    fetcher.trust_origins(source.configured_urls)  # as a poll of the configured source does
    return sitemap_fetch(fetcher, source)


def test_a_missed_past_day_is_polled_from_the_archive_when_the_live_feed_has_moved_on(site, fetcher, db_url):
    # The live feed lists only today's story; the day the polls missed (DAY) is in the archive.
    today = NOW + timedelta(days=3)
    site.reply("/feed.xml", news_sitemap((site.url("/today"), today.isoformat(), "Today")))
    site.reply("/sitemap.xml", news_sitemap((site.url("/missed"), "2025-07-08T10:00:00+08:00", "On the missed day")))
    for path, title in (("/today", "Today"), ("/missed", "On the missed day")):
        site.reply(path, article(title), headers={"Content-Type": "text/html"})
    source = make_source(site, "/feed.xml", kind="sitemap", archive={"index": site.url("/sitemap.xml")})

    summary = poll_source(source, DAY, now=today, db_url=db_url, fetcher=fetcher)

    assert (summary["status"], summary["new"]) == ("ok", 1)
    assert site.hits["/missed"] == 1 and site.hits["/today"] == 0  # only what the archive dates on DAY
