"""Dedup on the labelled set (pairwise precision and recall), its hard cases, and the daily stage."""

from __future__ import annotations

import json
import socket
import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest
from sqlalchemy import select

from pantau import store
from pantau.dedup import candidates, index
from pantau.dedup import signatures as signatures_module
from pantau.dedup import stage as dedup
from pantau.dedup.cluster import Assignment, assign_clusters
from pantau.dedup.index import SignatureIndex
from pantau.dedup.records import dedup_records
from pantau.dedup.signatures import DedupItem, Signatures
from pantau.models import article_id
from pantau.store import ArticleRow, DedupAssignment, DedupSignature

from .labelled import Labelled, demo_pages, labelled_set
from .scoring import pairwise_scores


@pytest.fixture(scope="module")
def labelled() -> list[Labelled]:
    return labelled_set()


@pytest.fixture(scope="module")
def assigned(labelled) -> list[Assignment]:
    return assign_clusters([entry.item for entry in labelled])


def _by_case(labelled, assigned, case: str) -> list[Assignment]:
    return [a for entry, a in zip(labelled, assigned) if entry.case == case]


def test_clusters_on_the_labelled_set(labelled, assigned):
    precision, recall = pairwise_scores([a.cluster for a in assigned], [e.cluster for e in labelled])
    print(f"cluster pairwise precision={precision:.3f} recall={recall:.3f} over {len(labelled)} items")
    assert precision == 1.0
    assert recall >= 0.95


def test_stories_across_languages_on_the_labelled_set(labelled, assigned):
    precision, recall = pairwise_scores([a.story for a in assigned], [e.story for e in labelled])
    print(f"story pairwise precision={precision:.3f} recall={recall:.3f}")
    assert precision >= 0.95
    assert recall >= 0.8
    translations = [a for e, a in zip(labelled, assigned) if e.case.startswith("translation")]
    assert all(a.cluster != a.story for a in translations), "a translation keeps its own cluster"


def test_the_demo_stories():
    pages = [page for page, _ in demo_pages()]
    items = [item for _, item in demo_pages()]
    assigned = assign_clusters(items)
    cluster_p, cluster_r = pairwise_scores([a.cluster for a in assigned], [p["cluster"] for p in pages])
    story_p, story_r = pairwise_scores([a.story for a in assigned], [p["story"] for p in pages])
    print(f"demo: cluster P={cluster_p:.3f} R={cluster_r:.3f}, story P={story_p:.3f} R={story_r:.3f}")
    assert cluster_p == 1.0 and cluster_r >= 0.95
    assert story_p >= 0.95 and story_r >= 0.8
    expected_canonical = {p["canonical_url"] for p in pages if p["canonical"]}
    assert {a.article_id for a in assigned if a.canonical} == {article_id(url) for url in expected_canonical}


def test_every_article_says_why_it_joined(labelled, assigned):
    ids = {e.item.id for e in labelled}
    for a in assigned:
        if a.method == "seed":
            assert a.matched_with is None and a.cluster == f"c-{a.article_id}"
        else:
            assert a.matched_with in ids and 0 < a.score <= 1
    # Issue 15: a rewrite crediting the wire (here "- Bernama") is named for what it is, no longer "quotes".
    rewrite = _by_case(labelled, assigned, "rewrite keeping facts, quotes and credit")[0]
    assert rewrite.method == "rewrite"


def test_the_updated_wire_version_is_canonical(labelled, assigned):
    som = [a for e, a in zip(labelled, assigned) if e.cluster == "som"]
    assert [a.canonical for a in som].count(True) == 1
    assert _by_case(labelled, assigned, "updated wire version, longer: the canonical")[0].canonical


def test_without_the_wire_page_the_earliest_copy_is_canonical(labelled):
    copies = [e.item for e in labelled if e.cluster == "som" and e.item.outlet != "Bernama"]
    assigned = assign_clusters(copies)
    assert len({a.cluster for a in assigned}) == 1
    earliest = min(copies, key=lambda item: item.published)
    assert [a.article_id for a in assigned if a.canonical] == [earliest.id]


@pytest.mark.parametrize("page_first", [False, True])
def test_a_page_inlining_a_story_does_not_join_that_story(labelled, page_first):
    """Containment points one way: the inlined story is inside the page, the page is not a copy of it."""
    page = next(e.item for e in labelled if e.case.startswith("aggregator") and e.cluster == "som")
    inlined = next(e.item for e in labelled if e.cluster == "iran")
    when = (datetime(2025, 7, 7, 10, tzinfo=timezone.utc), datetime(2025, 7, 7, 12, tzinfo=timezone.utc))
    first, second = (page, inlined) if page_first else (inlined, page)
    assigned = assign_clusters([replace(first, published=when[0]), replace(second, published=when[1])])
    assert assigned[0].cluster != assigned[1].cluster


def test_template_reports_of_different_days_are_not_merged(labelled, assigned):
    reports = [(e, a) for e, a in zip(labelled, assigned) if e.case == "template report"]
    assert len({a.cluster for _, a in reports}) == len(reports) == 5
    # The wording alone is that of a copy; the figures are not.
    signatures = signatures_module.sign([reports[0][0].item, reports[1][0].item])
    shared = len(np.intersect1d(signatures.sample[0], signatures.sample[1]))
    assert shared / min(len(signatures.sample[0]), len(signatures.sample[1])) >= candidates.CONTAINMENT
    assert candidates._agreement(signatures.numbers[0], signatures.numbers[1]) < candidates.NUMBERS_AGREE


def test_index_carries_clusters_across_calls(labelled):
    som = [e.item for e in labelled if e.cluster == "som"]
    index = SignatureIndex()
    first = assign_clusters(som[:1], index)
    later = assign_clusters(som[1:3], index)
    assert {a.cluster for a in later} == {first[0].cluster}
    assert len(index) == 3


def test_signatures_survive_packing(labelled):
    signatures = signatures_module.sign([e.item for e in labelled[:4]])
    restored, clusters, stories = Signatures.unpack(
        [signatures.pack(i, f"c-{i}", f"s-{i}") for i in range(len(signatures))]
    )
    assert restored.ids == signatures.ids and clusters[2] == "c-2" and stories[3] == "s-3"
    assert np.array_equal(restored.minhash, signatures.minhash)
    assert np.array_equal(restored.sample.values, signatures.sample.values)
    assert np.array_equal(restored.positions.values, signatures.positions.values)


def test_dedup_records_for_the_cli(labelled):
    records = [
        {
            "url": e.item.url,
            "outlet": e.item.outlet,
            "source_id": e.item.source_id,
            "title": e.item.title,
            "published": e.item.published.isoformat(),
            "language": e.item.language,
            "byline": None,
            "body": e.item.body,
            "wire": e.item.wire,
        }
        for e in labelled
        if e.cluster in {"turkiye", "opinion"}
    ]
    deduped = dedup_records(records)
    assert [r["url"] for r in deduped] == [r["url"] for r in records]
    assert all({"cluster", "canonical", "story"} <= set(r) for r in deduped)
    assert all(r["story"] == r["cluster"] for r in deduped)
    assert sum(r["canonical"] for r in deduped) == 2
    json.dumps(deduped)


def test_dedup_records_rejects_a_bad_date_in_one_line():
    record = {"url": "https://x.test/a", "title": "t", "body": "b", "language": "en", "published": "yesterday"}
    with pytest.raises(ValueError, match=r"^https://x.test/a: published is not an ISO date-time"):
        dedup_records([record])


# --------------------------------------------------------------------------- the daily stage


def _store_articles(s, items: list[DedupItem], day: date) -> None:
    for item in items:
        s.merge(
            ArticleRow(
                id=item.id,
                url=item.url,
                source_id=item.source_id,
                outlet=item.outlet,
                title=item.title,
                published_at=item.published,
                published_iso=item.published.isoformat() if item.published else None,
                language=item.language,
                byline=None,
                body=item.body,
                wire=item.wire,
                origin_outlet=None,
                method="generic",
                raw_page_id=0,
                day=day,
                batch_day=day,
            )
        )


def _rows(s, day: date) -> list[tuple]:
    return [
        (a.article_id, a.cluster, a.story, a.canonical, a.method, a.score, a.matched_with)
        for a in s.scalars(select(DedupAssignment).order_by(DedupAssignment.article_id))
    ]


def _two_days(labelled) -> tuple[list[DedupItem], list[DedupItem]]:
    first_day = [e.item for e in labelled if e.item.published.day == 7 and "updated" not in e.case]
    second_day = [e.item for e in labelled if e.item.published.day == 8 or "updated" in e.case]
    # The update comes the next morning, and a copy of it with it.
    second_day = [replace(item, published=item.published.replace(day=8)) for item in second_day]
    return first_day, second_day


def _count_signed(monkeypatch) -> list[int]:
    signed: list[int] = []
    real_sign = dedup.sign

    def counting_sign(items):
        signed.append(len(items))
        return real_sign(items)

    monkeypatch.setattr(dedup, "sign", counting_sign)
    return signed


def _run_two_days(url: str, labelled, monkeypatch) -> None:
    first_day, second_day = _two_days(labelled)
    day1, day2 = date(2025, 7, 7), date(2025, 7, 8)
    with store.session(url) as s:
        _store_articles(s, first_day, day1)
        _store_articles(s, second_day, day2)
    with store.session(url) as s:
        counts = dedup.run_for_day(s, day1)
    assert counts["articles"] == len(first_day) and counts["joined"] > 0
    assert counts["stories"] < counts["clusters"]  # the translations joined the English story

    with store.session(url) as s:
        wire_page = next(i for i in first_day if i.outlet == "Bernama" and i.language == "en" and "SOM" in i.title)
        assert s.get(DedupAssignment, wire_page.id).canonical
    signed = _count_signed(monkeypatch)
    with store.session(url) as s:
        counts = dedup.run_for_day(s, day2)
        rows = _rows(s, day2)
    assert sum(signed) == len(second_day), "the past week is read from the index, not hashed again"
    with store.session(url) as s:
        update = next(i for i in second_day if i.title.startswith("UPDATED"))
        assert s.get(DedupAssignment, update.id).cluster == f"c-{wire_page.id}"
        assert s.get(DedupAssignment, update.id).canonical
        assert not s.get(DedupAssignment, wire_page.id).canonical, "the earlier version gave way"

    signed.clear()
    with store.session(url) as s:
        assert dedup.run_for_day(s, day2) == counts
        assert _rows(s, day2) == rows, "a rerun gives identical rows"
    assert sum(signed) == 0, "unchanged articles are not signed again"


def test_run_for_day_with_the_store_index(db_url, labelled, monkeypatch):
    monkeypatch.delenv("PANTAU_DEDUP_REDIS_URL", raising=False)
    _run_two_days(db_url, labelled, monkeypatch)
    with store.session(db_url) as s:
        assert s.query(DedupSignature).count() == sum(len(d) for d in _two_days(labelled))
        joined = s.scalars(select(DedupAssignment).where(DedupAssignment.method != "seed")).all()
        assert joined and all(a.evidence["shared_count"] > 0 and a.evidence["score"] == a.score for a in joined)
        assert all(
            a.evidence is None for a in s.scalars(select(DedupAssignment).where(DedupAssignment.method == "seed"))
        )


def _redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_reachable(), reason="no Redis at 127.0.0.1:6379")
def test_run_for_day_with_the_redis_index(sqlite_url, labelled, monkeypatch):
    import redis

    prefix = f"pantau-test:{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("PANTAU_DEDUP_REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("PANTAU_DEDUP_REDIS_PREFIX", prefix)
    try:
        _run_two_days(sqlite_url, labelled, monkeypatch)
        with store.session(sqlite_url) as s:
            assert s.query(DedupSignature).count() == 0, "Redis holds the index"
        assert redis.Redis().exists(f"{prefix}:2025-07-08")
    finally:
        client = redis.Redis()
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)


def test_a_day_dedup_never_ran_for_is_signed_once_into_the_window(sqlite_url, labelled, monkeypatch):
    monkeypatch.delenv("PANTAU_DEDUP_REDIS_URL", raising=False)
    first_day, second_day = _two_days(labelled)
    with store.session(sqlite_url) as s:
        _store_articles(s, first_day, date(2025, 7, 7))
        _store_articles(s, second_day, date(2025, 7, 8))
    signed = _count_signed(monkeypatch)
    with store.session(sqlite_url) as s:
        dedup.run_for_day(s, date(2025, 7, 8))
        update = next(i for i in second_day if i.title.startswith("UPDATED"))
        assert s.get(DedupAssignment, update.id).method == "containment"
        assert s.query(DedupSignature).count() == len(first_day) + len(second_day)
        # The earlier day's articles get their rows too: the briefing shows today's copies with their
        # original, and the wire's page stays the canonical one until its update arrives.
        wire_page = next(i for i in first_day if i.outlet == "Bernama" and i.language == "en" and "SOM" in i.title)
        assert s.get(DedupAssignment, wire_page.id).day == date(2025, 7, 7)
        assert s.get(DedupAssignment, update.id).canonical and not s.get(DedupAssignment, wire_page.id).canonical
        rows = _rows(s, date(2025, 7, 7))
    assert sum(signed) == len(first_day) + len(second_day)
    with store.session(sqlite_url) as s:
        dedup.run_for_day(s, date(2025, 7, 8))
        assert _rows(s, date(2025, 7, 7)) == rows, "a rerun leaves the earlier day's rows as they were"


def test_signatures_past_their_retention_are_dropped_and_signed_again_without_touching_rows(
    sqlite_url, labelled, monkeypatch
):
    monkeypatch.delenv("PANTAU_DEDUP_REDIS_URL", raising=False)
    first_day, second_day = _two_days(labelled)
    day1, day2 = date(2025, 7, 7), date(2025, 7, 8)
    with store.session(sqlite_url) as s:
        _store_articles(s, first_day, day1)
        _store_articles(s, second_day, day2)
    with store.session(sqlite_url) as s:
        dedup.run_for_day(s, day1)
        dedup.run_for_day(s, day2)
        rows = _rows(s, day2)
    later = day2 + index.RETENTION + timedelta(days=1)
    with store.session(sqlite_url) as s:
        dedup.run_for_day(s, later)  # a day with no articles still keeps the table to its retention
        assert s.query(DedupSignature).filter(DedupSignature.day < later - index.RETENTION).count() == 0
    with store.session(sqlite_url) as s:
        dedup.run_for_day(s, day2)  # a backfill of the old day signs its week again
        assert _rows(s, day2) == rows
