"""The store on SQLite and PostgreSQL: compressed raw pages, offsets kept, upserts that do not duplicate."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, select

from pantau import store

MYT = timezone(timedelta(hours=8))


def raw_page(body: bytes) -> store.RawPage:
    return store.RawPage(
        url="https://www.bernama.com/en/news.php?id=1",
        final_url="https://www.bernama.com/en/news.php?id=1",
        source_id="bernama_en",
        kind="article",
        batch_day=date(2025, 7, 8),
        fetched_at=datetime(2025, 7, 8, 23, 0, tzinfo=timezone.utc),
        status=200,
        headers={"Content-Type": "text/html; charset=utf-8"},
        content_hash="abc",
        size=len(body),
        body_z=store.RawPage.compress(body),
    )


def test_raw_pages_are_compressed_and_read_back(db_url):
    body = "<html><p>Mesyuarat Menteri Luar ASEAN ke-58 马新社</p></html>".encode() * 200
    with store.session(db_url) as s:
        s.add(raw_page(body))
    with store.session(db_url) as s:
        page = s.scalars(select(store.RawPage)).one()
        assert page.body == body
        assert len(page.body_z) < len(body) / 10
        assert page.fetched_at == datetime(2025, 7, 8, 23, 0, tzinfo=timezone.utc)


def test_times_come_back_tz_aware_as_the_same_instant(db_url):
    published = datetime(2025, 7, 8, 11, 42, tzinfo=MYT)
    with store.session(db_url) as s:
        s.add(
            store.SourceRun(
                source_id="nst",
                day=date(2025, 7, 8),
                status="ok",
                started_at=published,
                finished_at=published,
                last_new_item_at=published,
            )
        )
    with store.session(db_url) as s:
        run = s.scalars(select(store.SourceRun)).one()
        assert run.last_new_item_at == published
        assert run.last_new_item_at.utcoffset() == timedelta(0)


ARTICLE = dict(
    id="a1",
    url="https://nst.com.my/x",
    source_id="nst",
    outlet="New Straits Times",
    title="T",
    language="en",
    body="b",
    method="generic",
    raw_page_id=1,
    day=date(2025, 7, 8),
    batch_day=date(2025, 7, 8),
)


def test_merging_an_article_twice_keeps_one_row(db_url):
    row = ARTICLE
    for title in ("First title", "Corrected title"):
        with store.session(db_url) as s:
            s.merge(store.ArticleRow(**{**row, "title": title}))
    with store.session(db_url) as s:
        assert s.scalar(select(func.count()).select_from(store.ArticleRow)) == 1
        assert s.scalars(select(store.ArticleRow.title)).one() == "Corrected title"


def test_quarantine_records_a_reason_once_per_day(db_url):
    for _ in range(2):
        with store.session(db_url) as s:
            store.quarantine(s, "parse", date(2025, 7, 8), "https://x/1", "too-short", "12 characters")
    with store.session(db_url) as s:
        assert s.scalar(select(func.count()).select_from(store.Quarantine)) == 1


def test_a_naive_time_is_refused(db_url):
    import pytest
    from sqlalchemy.exc import StatementError

    with pytest.raises(StatementError, match="naive datetime"):
        with store.session(db_url) as s:
            s.add(
                store.SourceRun(
                    source_id="x",
                    day=date(2025, 7, 8),
                    status="ok",
                    started_at=datetime(2025, 7, 8),
                    finished_at=datetime(2025, 7, 8),
                )
            )
