"""poll_source against a local site that misbehaves on purpose: each case leaves the right
source-health record, keeps everything good that was reachable, and never crashes."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from pantau import store
from pantau.ingest.fetch import Fetcher
from pantau.ingest.poll import SourceFailed, poll_source, poll_sources
from pantau.registry.sources import Source
from pantau.store import Quarantine, RawPage, SourcePoll, SourceRun

from ..servers import gzip_bomb
from .conftest import DAY, FAST, NOW, article, make_source, rss, serve_feed_with_articles


def stored(db_url, kind=None):
    with store.session(db_url) as s:
        query = select(RawPage).order_by(RawPage.id)
        if kind:
            query = query.where(RawPage.kind == kind)
        return list(s.scalars(query))


def run_of(db_url, source_id="testsource"):
    with store.session(db_url) as s:
        return s.get(SourceRun, (source_id, DAY))


def failed_poll(source, db_url, fetcher) -> SourceFailed:
    with pytest.raises(SourceFailed) as failure:
        poll_source(source, DAY, now=NOW, db_url=db_url, fetcher=fetcher)
    return failure.value


def test_a_good_feed_stores_the_feed_and_its_articles_raw(site, fetcher, db_url):
    paths = serve_feed_with_articles(site, 3)
    summary = poll_source(make_source(site), DAY, now=NOW, db_url=db_url, fetcher=fetcher)
    assert summary == {
        "source_id": "testsource",
        "status": "ok",
        "items_seen": 3,
        "new": 3,
        "unchanged": 0,
        "failed": 0,
        "gap": False,  # a first listing has nothing to be compared with
        "lost_estimate": 0,
        "recovered": 0,
        "interval_minutes": 60,
        "error": None,
        "reason": None,
    }
    feeds, articles = stored(db_url, "feed"), stored(db_url, "article")
    assert len(feeds) == 1 and feeds[0].body.startswith(b"<?xml")
    assert sorted(page.final_url for page in articles) == sorted(site.url(p) for p in paths)
    assert {page.batch_day for page in articles} == {DAY}
    assert all(page.url.startswith("https://127.0.0.1:") for page in articles)  # normalised identity
    assert articles[0].listed_at.tzinfo is not None and articles[0].headers["Content-Type"].startswith("text/html")
    assert sorted(page.listed_title for page in articles) == ["Item 0", "Item 1", "Item 2"]  # the feed's titles
    run = run_of(db_url)
    assert (run.status, run.new_items, run.last_new_item_at is not None) == ("ok", 3, True)
    assert site.request_headers["/feed.xml"][0]["User-Agent"].startswith("Pantau/0.1 (+https://github.com/pantau")


def test_a_feed_answering_304_is_unchanged_and_its_articles_are_not_fetched_again(site, fetcher, db_url):
    serve_feed_with_articles(site, 2, etag='"v1"')
    poll_source(make_source(site), DAY, now=NOW, db_url=db_url, fetcher=fetcher)
    summary = poll_source(make_source(site), DAY, now=NOW, db_url=db_url, fetcher=fetcher)
    assert site.request_headers["/feed.xml"][1]["If-None-Match"] == '"v1"'
    assert (summary["status"], summary["new"], summary["unchanged"]) == ("unchanged", 0, 3)  # feed + 2 articles
    assert site.hits["/news/0"] == 1 and len(stored(db_url)) == 3
    assert run_of(db_url).status == "ok", "the day's row sums its polls: the day brought articles"
    with store.session(db_url) as s:
        polls = s.scalars(select(SourcePoll.status).order_by(SourcePoll.id)).all()
    assert polls == ["ok", "unchanged"]


def test_a_server_ignoring_validators_is_caught_by_the_body_hash(site, fetcher, sqlite_url):
    serve_feed_with_articles(site, 2)
    poll_source(make_source(site), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    summary = poll_source(make_source(site), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    assert summary["status"] == "unchanged" and len(stored(sqlite_url, "feed")) == 1


def test_an_article_that_failed_is_retried_when_the_feed_is_unchanged(site, fetcher, sqlite_url):
    serve_feed_with_articles(site, 2, etag='"v1"')
    site.reply("/news/1", b"busy", status=503)
    poll_source(make_source(site), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    site.reply("/news/1", article("Back"), headers={"Content-Type": "text/html"})
    summary = poll_source(make_source(site), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    assert (summary["status"], summary["new"]) == ("ok", 1)


def test_spelling_variants_of_a_collected_article_are_not_fetched(site, fetcher, sqlite_url):
    serve_feed_with_articles(site, 1)
    poll_source(make_source(site), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    site.reply("/feed2.xml", rss((site.url("/news/0/amp?utm_source=x#top"), None), (site.url("/news/0/"), None)))
    summary = poll_source(make_source(site, "/feed2.xml"), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    assert (summary["new"], summary["unchanged"]) == (0, 1)
    assert site.hits["/news/0"] == 1 and not site.hits["/news/0/amp?utm_source=x"]


def test_a_slow_feed_times_out_and_is_recorded(site, fetcher, sqlite_url):
    site.reply("/feed.xml", rss(), delay=1.5)
    failure = failed_poll(make_source(site), sqlite_url, fetcher)
    assert failure.reason == "timeout"
    run = run_of(sqlite_url)
    assert (run.status, run.reason) == ("failed", "timeout") and "feed.xml" in run.error


def test_connection_resets_are_a_connection_failure(site, fetcher, sqlite_url):
    site.reply("/feed.xml", reset=True)
    assert failed_poll(make_source(site), sqlite_url, fetcher).reason == "connection"
    assert run_of(sqlite_url).reason == "connection"


def test_a_refused_connection_is_a_connection_failure_not_a_timeout(fetcher, sqlite_url):
    import socket

    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    source = Source(id="gone", outlet="Gone", language="en", kind="rss", urls=(f"http://127.0.0.1:{port}/feed.xml",))
    assert failed_poll(source, sqlite_url, fetcher).reason == "connection"


def test_500s_are_retried_then_recorded_with_the_status(site, fetcher, sqlite_url):
    site.reply("/feed.xml", b"oops", status=500)
    assert failed_poll(make_source(site), sqlite_url, fetcher).reason == "http-500"
    assert site.hits["/feed.xml"] == 3  # the request and two retries
    assert stored(sqlite_url, "feed")[0].status == 500  # the error page is kept raw too


def test_429_with_retry_after_is_waited_for_then_succeeds(site, fetcher, sqlite_url):
    serve_feed_with_articles(site, 1)
    good_feed = site.replies["/feed.xml"]
    site.reply("/feed.xml", b"slow down", status=429, headers={"Retry-After": "1"})
    store.engine(sqlite_url)  # the schema is set up before the clock starts: the poll's first fetch is the 429

    def recover():
        time.sleep(0.3)
        site.replies["/feed.xml"] = good_feed

    threading.Thread(target=recover).start()
    started = time.monotonic()
    summary = poll_source(make_source(site), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    assert summary["status"] == "ok" and time.monotonic() - started >= 0.9
    assert site.hits["/feed.xml"] == 2


def test_a_redirect_loop_is_cut(site, fetcher, sqlite_url):
    site.reply("/feed.xml", status=302, headers={"Location": "/loop"})
    site.reply("/loop", status=302, headers={"Location": "/feed.xml"})
    assert failed_poll(make_source(site), sqlite_url, fetcher).reason == "redirect-loop"


def test_a_gzip_bomb_article_is_cut_off_and_the_other_articles_are_kept(site, fetcher, sqlite_url):
    serve_feed_with_articles(site, 3)
    site.reply("/news/1", gzip_bomb(200_000_000), headers={"Content-Encoding": "gzip", "Content-Type": "text/html"})
    summary = poll_source(make_source(site), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    assert (summary["status"], summary["new"], summary["failed"]) == ("ok", 2, 1)
    assert run_of(sqlite_url).failed_items == 1


def test_a_gzip_bomb_feed_fails_as_too_large(site, fetcher, sqlite_url):
    site.reply("/feed.xml", gzip_bomb(50_000_000), headers={"Content-Encoding": "gzip"})
    assert failed_poll(make_source(site), sqlite_url, fetcher).reason == "too-large"


def test_a_50_mb_article_is_refused_without_reading_it_all(site, fetcher, sqlite_url):
    serve_feed_with_articles(site, 2)
    site.reply("/news/0", stream_bytes=50 * 2**20, headers={"Content-Type": "text/html"})
    started = time.monotonic()
    summary = poll_source(make_source(site), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    assert (summary["new"], summary["failed"]) == (1, 1) and time.monotonic() - started < 5


def test_a_50_mb_body_without_content_length_is_cut_while_streaming(site, fetcher, sqlite_url):
    serve_feed_with_articles(site, 2)
    site.reply("/news/0", stream_bytes=50 * 2**20, close_delimited=True, headers={"Content-Type": "text/html"})
    summary = poll_source(make_source(site), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    assert (summary["new"], summary["failed"]) == (1, 1)
    with store.session(sqlite_url) as s:
        quarantined = s.scalars(select(Quarantine).where(Quarantine.stage == "poll")).one()
    assert (quarantined.stage, quarantined.item, quarantined.reason) == ("poll", site.url("/news/0"), "too-large")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<rss><channel><item><link>https://x.com/a</link", "parse-error"),
        (b"<html><body>maintenance</body></html>", "parse-error"),
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss>&b;</rss>',
            "hostile-xml",
        ),
        (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>', "hostile-xml"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>', "empty-feed"),
    ],
    ids=["truncated", "html", "billion-laughs", "external-entity", "empty"],
)
def test_bad_feeds_fail_with_their_class_and_are_kept_raw(site, fetcher, sqlite_url, body, reason):
    site.reply("/feed.xml", body)
    assert failed_poll(make_source(site), sqlite_url, fetcher).reason == reason
    assert stored(sqlite_url, "feed")[0].body == body


def test_hostile_sitemap_is_refused(site, fetcher, sqlite_url):
    site.reply("/sitemap.xml", b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "http://evil/">]><urlset/>')
    assert failed_poll(make_source(site, "/sitemap.xml", kind="sitemap"), sqlite_url, fetcher).reason == "hostile-xml"


def test_a_gbk_listing_with_a_wrong_header_is_followed(site, fetcher, sqlite_url):
    page = (
        '<html><head><meta charset="gbk"></head><body><a href="/news/20250708/1">东盟外长会议</a>'
        '<a href="/news/20250708/2">泰柬边境</a><a href="/about">关于</a></body></html>'
    ).encode("gbk")
    site.reply("/latest", page, headers={"Content-Type": "text/html; charset=ISO-8859-1"})
    for n in (1, 2):
        site.reply(
            f"/news/20250708/{n}",
            "<html><meta charset='gbk'><p>东盟</p></html>".encode("gbk"),
            headers={"Content-Type": "text/html; charset=ISO-8859-1"},
        )
    source = make_source(site, "/latest", kind="listing", link_pattern=r"/news/\d{8}/\d+", language="zh")
    summary = poll_source(source, DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    assert (summary["status"], summary["new"]) == ("ok", 2)
    assert stored(sqlite_url, "article")[0].body == "<html><meta charset='gbk'><p>东盟</p></html>".encode("gbk")


def test_robots_forbidding_the_feed_fails_without_fetching_it(site, fetcher, sqlite_url):
    site.reply("/robots.txt", "User-agent: *\nDisallow: /\n")
    site.reply("/feed.xml", rss())
    assert failed_poll(make_source(site), sqlite_url, fetcher).reason == "robots"
    assert site.hits["/feed.xml"] == 0


def test_robots_forbidding_some_articles_skips_only_those(site, fetcher, sqlite_url):
    serve_feed_with_articles(site, 2)
    site.reply("/robots.txt", "User-agent: Pantau\nDisallow: /news/1\n")
    summary = poll_source(make_source(site), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    assert (summary["status"], summary["new"], summary["failed"]) == ("ok", 1, 1)
    assert site.hits["/news/1"] == 0


def test_articles_all_failing_fail_the_source(site, fetcher, sqlite_url):
    serve_feed_with_articles(site, 2)
    site.reply("/news/0", b"gone", status=404)
    site.reply("/news/1", b"gone", status=404)
    assert failed_poll(make_source(site), sqlite_url, fetcher).reason == "http-404"


def test_unknown_host_is_a_dns_failure(fetcher, sqlite_url):
    source = Source(
        id="testsource", outlet="T", language="en", kind="rss", urls=("http://pantau-test.invalid/feed.xml",)
    )
    assert failed_poll(source, sqlite_url, fetcher).reason == "dns"


def test_max_items_bounds_the_articles_per_run_newest_first(site, fetcher, sqlite_url):
    serve_feed_with_articles(site, 5)
    summary = poll_source(make_source(site, max_items=2), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    assert summary["new"] == 2 and site.hits["/news/4"] == 1 and site.hits["/news/0"] == 0


def test_a_failing_source_does_not_stop_the_others(site, sqlite_url):
    serve_feed_with_articles(site, 2)
    site.reply("/broken.xml", b"oops", status=500)
    good = make_source(site)
    broken = make_source(site, "/broken.xml", id="broken")
    with Fetcher(FAST) as shared:
        summaries = poll_sources([broken, good], DAY, now=NOW, db_url=sqlite_url, fetcher=shared)
    assert [(s["source_id"], s["status"], s["reason"]) for s in summaries] == [
        ("broken", "failed", "http-500"),
        ("testsource", "ok", None),
    ]
    assert len(stored(sqlite_url, "article")) == 2
    assert run_of(sqlite_url, "broken").status == "failed"


def test_a_past_day_already_collected_is_replayed_without_network(site, fetcher, db_url):
    serve_feed_with_articles(site, 2)
    poll_source(make_source(site), DAY, now=NOW, db_url=db_url, fetcher=fetcher)
    hits = sum(site.hits.values())
    later = NOW + timedelta(days=5)
    summary = poll_source(make_source(site), DAY, now=later, db_url=db_url, fetcher=fetcher)
    assert (summary["status"], summary["new"]) == ("replayed", 2)
    assert sum(site.hits.values()) == hits
    assert run_of(db_url).status == "ok" and run_of(db_url).new_items == 2, "the original record was rewritten"


def test_a_past_day_whose_poll_failed_is_polled_again(site, fetcher, sqlite_url):
    site.reply("/feed.xml", b"down", status=503)
    later = NOW + timedelta(days=5)
    with pytest.raises(SourceFailed):
        poll_source(make_source(site), DAY, now=later, db_url=sqlite_url, fetcher=fetcher)
    serve_feed_with_articles(site, 2)
    summary = poll_source(make_source(site), DAY, now=later, db_url=sqlite_url, fetcher=fetcher)
    assert summary["status"] == "ok" and run_of(sqlite_url).status == "ok"


def test_a_past_day_not_collected_keeps_only_items_dated_near_it(site, fetcher, sqlite_url):
    items = {
        "/news/before": "Sun, 06 Jul 2025 12:00:00 +0800",  # outside the slack
        "/news/eve": "Mon, 07 Jul 2025 09:00:00 +0800",  # the day before: inside the slack
        "/news/day": "Tue, 08 Jul 2025 09:00:00 +0800",
        "/news/undated": None,
        "/news/later": "Fri, 11 Jul 2025 09:00:00 +0800",
    }
    for path in items:
        site.reply(path, article(path))
    site.reply("/feed.xml", rss(*[(site.url(path), date) for path, date in items.items()]))
    summary = poll_source(make_source(site), DAY, now=NOW + timedelta(days=30), db_url=sqlite_url, fetcher=fetcher)
    assert (summary["status"], summary["items_seen"], summary["new"]) == ("ok", 2, 2)
    assert {page.final_url for page in stored(sqlite_url, "article")} == {site.url("/news/eve"), site.url("/news/day")}
