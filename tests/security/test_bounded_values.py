"""Item 2: no header, URL or error from the web can fail a write, and the run record is always
written (PostgreSQL enforces column lengths and refuses NUL; SQLite does neither)."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import select, text

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


def _refuse_pages_named(db_url: str, marker: str) -> None:
    """A trigger in the database itself refusing some article rows: a write failing for real."""
    engine = store.engine(db_url)
    if engine.dialect.name == "sqlite":
        statements = [
            # Not RAISE(): SQLite reports it as a constraint, which the poll reads as a duplicate;
            # malformed JSON is a plain error, raised when the row is written.
            f"CREATE TRIGGER refuse BEFORE INSERT ON raw_pages WHEN NEW.url LIKE '%{marker}%' "
            "BEGIN SELECT json('refused by the test'); END"
        ]
    else:
        statements = [
            "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
            f"IF NEW.url LIKE '%{marker}%' THEN RAISE EXCEPTION 'refused by the test'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER refuse BEFORE INSERT ON raw_pages FOR EACH ROW EXECUTE FUNCTION refuse()",
        ]
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def test_an_article_the_store_refuses_costs_only_that_article(site, fetcher, db_url):
    _refuse_pages_named(db_url, "explode")
    site.reply("/news/good", article("Good"))
    site.reply("/news/explode", article("Boom"))
    site.reply("/feed.xml", rss((site.url("/news/good"), None), (site.url("/news/explode"), None)))
    summary = poll_source(make_source(site), DAY, now=NOW, db_url=db_url, fetcher=fetcher)
    assert (summary["status"], summary["new"], summary["failed"]) == ("ok", 1, 1)
    run = run_of(db_url)
    assert (run.status, run.failed_items) == ("ok", 1)
