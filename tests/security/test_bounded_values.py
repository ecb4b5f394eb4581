"""Item 2: no header, URL or error from the web can fail a write, and the run record is always
written (PostgreSQL enforces column lengths and refuses NUL; SQLite does neither)."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import select

from pantau import store
from pantau.ingest.poll import poll_source
from pantau.store import RawPage, SourceRun, UrlState

from ..poll.conftest import DAY, NOW, article, make_source, rss
from .conftest import run_of


def test_oversized_validators_and_urls_do_not_stop_the_source(site, fetcher, db_url):
    long_etag = '"' + "e" * 600 + '"'
    long_date = "Tue, 08 Jul 2025 00:00:00 GMT" + " " * 200
    too_long_link = site.url("/news/" + "x" * 3000)
    site.reply("/news/1", article("One"), headers={"ETag": long_etag, "X-Junk": "j" * 50_000})
    site.reply(
        "/feed.xml",
        rss((site.url("/news/1"), None), (too_long_link, None)),
        headers={"ETag": long_etag, "Last-Modified": long_date},
    )
    summary = poll_source(make_source(site), DAY, now=NOW, db_url=db_url, fetcher=fetcher)
    assert (summary["status"], summary["new"], summary["items_seen"]) == ("ok", 1, 1)  # the 3,000-char link dropped
    assert run_of(db_url).status == "ok"
    with store.session(db_url) as s:
        states = list(s.scalars(select(UrlState)))
        page = s.scalars(select(RawPage).where(RawPage.kind == "article")).one()
    # A validator that cannot be stored whole is not stored: a cut one would never match.
    assert all(state.etag is None and state.last_modified is None for state in states)
    assert len(page.headers["X-Junk"]) == 4096


def test_every_string_column_takes_whatever_the_web_sends(db_url):
    moment = datetime(2025, 7, 8, tzinfo=timezone.utc)
    with store.session(db_url) as s:
        s.add(
            RawPage(
                url="https://x.test/" + "u" * 5000,
                final_url="https://x.test/\x00" + "f" * 5000,
                source_id="s" * 100,
                kind="article",
                batch_day=DAY,
                fetched_at=moment,
                status=200,
                headers={},
                content_hash="h" * 64,
                size=0,
                body_z=RawPage.compress(b""),
            )
        )
        s.add(
            SourceRun(
                source_id="testsource",
                day=DAY,
                status="failed",
                reason="http-" + "9" * 100,
                error="\x00" + "e" * 100_000 + "\ud800",
                started_at=moment,
                finished_at=moment,
                bytes_received=5 * 2**31,
            )
        )
    with store.session(db_url) as s:
        page = s.scalars(select(RawPage)).one()
        run = s.get(SourceRun, ("testsource", DAY))
    assert len(page.url) == 2048 and "\x00" not in page.final_url
    assert len(run.reason) == 32 and len(run.error) == 4000 and run.bytes_received == 5 * 2**31
    assert run.error.startswith("eee")
