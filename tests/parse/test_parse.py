"""The parse stage on a real store: the newest copy of each page, rejects quarantined, reruns replace."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from pantau import store
from pantau.demo import SITE_DIR, write_sources
from pantau.extract import parse
from pantau.registry.sources import load_sources
from tests.demo_truth import expected_pages

DAY = date(2025, 7, 8)
FETCHED = datetime(2025, 7, 8, 23, 0, tzinfo=timezone.utc)


def demo_page(source_id: str) -> dict:
    return next(page for page in expected_pages() if page["source_id"] == source_id)


def raw(url: str, source_id: str, body: bytes, *, status: int = 200, minutes: int = 0) -> store.RawPage:
    return store.RawPage(
        url=url,
        final_url=url,
        source_id=source_id,
        kind="article",
        batch_day=DAY,
        fetched_at=FETCHED + timedelta(minutes=minutes),
        status=status,
        headers={"Content-Type": "text/html; charset=utf-8"},
        content_hash=hashlib.sha256(body).hexdigest(),
        size=len(body),
        body_z=store.RawPage.compress(body),
    )


@pytest.fixture
def stored_day(db_url, tmp_path):
    sources = {s.id: s for s in load_sources(write_sources("http://127.0.0.1:1", tmp_path / "sources.yaml"))}
    nst, star = demo_page("nst"), demo_page("thestar")
    nst_html = (SITE_DIR / nst["path"].lstrip("/")).read_bytes()
    star_html = (SITE_DIR / star["path"].lstrip("/")).read_bytes()
    with store.session(db_url) as s:
        s.add_all(
            [
                raw("https://nst.test/a", "nst", b"<html><body><p>An earlier, broken copy.</p></body></html>"),
                raw("https://nst.test/a", "nst", nst_html, minutes=5),  # the newest copy of that URL
                raw("https://thestar.test/b", "thestar", star_html),
                raw("https://thestar.test/gone", "thestar", b"<html>Not found</html>", status=404),
                raw("https://thestar.test/wall", "thestar", b"<html><title>Just a moment</title><p>...</p></html>"),
            ]
        )
    return {"db_url": db_url, "sources": sources, "titles": {nst["title"], star["title"]}}


def test_the_newest_copy_of_each_page_becomes_an_article_and_rejects_are_quarantined(stored_day, monkeypatch):
    monkeypatch.setattr(parse, "PAGES_PER_READ", 1)  # one page body in memory at a time
    with store.session(stored_day["db_url"]) as s:
        counts = parse.run_for_day(s, DAY, stored_day["sources"])
    assert counts == {"pages": 3, "articles": 2, "quarantined": 1, "fallbacks": 0}
    with store.session(stored_day["db_url"]) as s:
        assert set(s.scalars(select(store.ArticleRow.title))) == stored_day["titles"]
        (wall,) = s.scalars(select(store.Quarantine)).all()
    assert (wall.stage, wall.item) == ("parse", "https://thestar.test/wall")


def test_a_page_without_a_headline_is_stored_under_the_title_its_feed_listed(db_url):
    story = "".join(
        f"<p>The foreign ministers of ASEAN met in Kuala Lumpur on Tuesday to agree point {n} of a plan.</p>"
        for n in range(4)
    )
    page = raw("https://nst.test/headless", "nst", f"<html><body><article>{story}</article></body></html>".encode())
    page.listed_title = "ASEAN ministers agree a plan"
    with store.session(db_url) as s:
        s.add(page)
    with store.session(db_url) as s:
        assert parse.run_for_day(s, DAY, {})["quarantined"] == 0
    with store.session(db_url) as s:
        assert s.scalars(select(store.ArticleRow.title)).all() == ["ASEAN ministers agree a plan"]


def test_a_rerun_replaces_the_days_rows(stored_day):
    def parse_and_snapshot():
        with store.session(stored_day["db_url"]) as s:
            parse.run_for_day(s, DAY, stored_day["sources"])
        with store.session(stored_day["db_url"]) as s:
            articles = sorted(s.execute(select(store.ArticleRow.id, store.ArticleRow.body)).all())
            rejects = sorted(s.execute(select(store.Quarantine.item, store.Quarantine.reason)).all())
        return articles, rejects

    first = parse_and_snapshot()
    assert len(first[0]) == 2 and len(first[1]) == 1
    assert parse_and_snapshot() == first
