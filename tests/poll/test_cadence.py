"""Gaps and cadence: a feed that outran its polls is noticed, with how many items it likely lost,
and polled more often; a quiet one less often. Then the `pantau poll` contract over repeated calls."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
import yaml

from pantau import cli, store
from pantau.ingest.cadence import NO_GAP, Gap, listing_gap, next_interval, skipped_numbers
from pantau.registry.sources import Source
from pantau.store import SourceCadence

from ..rolling_feed import RollingFeed
from ..servers import LocalSite

T0 = datetime(2025, 7, 8, 0, 0, tzinfo=timezone.utc)
SOURCE = Source(
    id="wire", outlet="Wire", language="en", kind="rss", urls=("https://wire.test/feed",), interval_minutes=30
)


def numbered(*ids: int):
    return [(f"https://wire.test/news.php?id={2442000 + n}", None) for n in ids]


def timed(*minutes: int):
    return [(f"https://wire.test/story-{m}", T0 + timedelta(minutes=m)) for m in minutes]


def test_a_listing_that_overlaps_the_previous_one_has_no_gap():
    assert listing_gap(numbered(10, 9, 8), numbered(12, 11, 10)) == NO_GAP
    assert listing_gap([], numbered(3, 2, 1)) == NO_GAP


def test_contiguous_item_numbers_mean_nothing_was_lost_even_without_overlap():
    assert listing_gap(numbered(*range(10, 0, -1)), numbered(*range(20, 10, -1))) == Gap(False, 0)


def test_a_hole_in_the_numbers_is_a_gap_and_its_size_the_estimate():
    assert listing_gap(numbered(*range(10, 0, -1)), numbered(*range(25, 15, -1))) == Gap(True, 5)
    # A sequence shared with another service (Bernama's en and ms take turns): steps of two are normal.
    assert listing_gap(numbered(*range(20, 0, -2)), numbered(*range(40, 20, -2))) == Gap(False, 0)
    assert listing_gap(numbered(*range(20, 0, -2)), numbered(*range(60, 40, -2))) == Gap(True, 10)


def test_times_measure_the_hole_where_urls_carry_no_numbers():
    assert listing_gap(timed(0, 6, 12), timed(18, 24, 30)) == Gap(False, 0)
    assert listing_gap(timed(0, 6, 12), timed(48, 54, 60)) == Gap(True, 5)


def test_the_numbers_two_listings_skipped():
    keys = lambda listing: [key for key, _ in listing]  # noqa: E731
    assert skipped_numbers(keys(numbered(3, 2, 1)), keys(numbered(8, 7, 6))) == [2442004, 2442005]
    assert skipped_numbers(keys(numbered(3, 2, 1)), keys(numbered(5, 4, 3))) == [], "overlapping"
    assert skipped_numbers(keys(numbered(3, 2, 1)), keys(numbered(300, 299))) == [], "an outage, not a burst"
    assert skipped_numbers(keys(timed(1, 2)), keys(timed(9, 10))) == []


def test_no_evidence_is_a_gap_of_unknown_size():
    assert listing_gap([("https://a.test/x", None)], [("https://a.test/y", None)]) == Gap(True, None)


def test_a_gap_halves_the_interval_down_to_the_floor_and_quiet_polls_lengthen_it_up_to_the_ceiling():
    source = SOURCE.model_copy(update={"min_interval_minutes": 10, "max_interval_minutes": 60})
    assert next_interval(source, 30, 0, gap=True, found_new=True) == (15, 0)
    assert next_interval(source, 15, 0, gap=True, found_new=True) == (10, 0)
    assert next_interval(source, 10, 0, gap=True, found_new=True) == (10, 0)
    interval, quiet = 40, 0
    for _ in range(4):
        interval, quiet = next_interval(source, interval, quiet, gap=False, found_new=False)
    assert (interval, quiet) == (60, 0)
    assert next_interval(source, 60, 3, gap=False, found_new=False) == (60, 0)
    assert next_interval(source, 20, 2, gap=False, found_new=True) == (20, 0), "news resets the quiet count"


def test_bounds_must_be_ordered():
    with pytest.raises(ValueError, match="min_interval_minutes"):
        Source.model_validate({**SOURCE.model_dump(), "min_interval_minutes": 90, "max_interval_minutes": 60})


def poll_calls(feed: RollingFeed, sources_file, per_call: int, calls: int, capsys) -> list[dict]:
    """`pantau poll --sources FILE` called `calls` times, the feed publishing `per_call` stories between calls."""
    summaries = []
    moment = T0
    for _ in range(calls):
        feed.publish(per_call, start=moment, every=timedelta(minutes=1))
        moment += timedelta(minutes=per_call)
        assert cli.main(["poll", "--sources", str(sources_file)]) == 0
        (line,) = capsys.readouterr().out.splitlines()
        summaries.append(json.loads(line))
    return summaries


@pytest.mark.slow  # twenty polls against a live feed
@pytest.mark.parametrize("numbered", [True, False], ids=["numbered-urls", "slug-urls-dated-pages"])
def test_the_poll_contract_over_twenty_calls(numbered, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PANTAU_DB_URL", f"sqlite:///{tmp_path / 'pantau.db'}")
    with LocalSite() as site:
        feeds = {per_call: RollingFeed(site, path=f"/feed{per_call}.xml", numbered=numbered) for per_call in (10, 15)}
        results = {}
        for per_call, feed in feeds.items():
            sources = tmp_path / f"sources{per_call}.yaml"
            entry = {
                "id": f"wire{per_call}",
                "outlet": "Wire",
                "language": "en",
                "kind": "rss",
                "urls": [feed.url()],
                "politeness": {"min_delay_seconds": 0.0, "concurrency": 4},
            }
            sources.write_text(yaml.safe_dump({"sources": [entry]}), encoding="utf-8")
            results[per_call] = poll_calls(feed, sources, per_call, 20, capsys)
    keeping_up, outrun = results[10], results[15]
    assert set(keeping_up[0]) >= {"source_id", "status", "items_seen", "new", "failed", "gap", "error"}
    assert sum(summary["new"] for summary in keeping_up) == 200
    assert not any(summary["gap"] for summary in keeping_up)
    assert [summary["gap"] for summary in outrun] == [False] + [True] * 19
    assert [summary["lost_estimate"] for summary in outrun[1:]] == [5] * 19
    with store.session() as s:
        assert s.get(SourceCadence, "wire15").interval_minutes == 5, "the overflowing feed is polled at its floor"
        assert s.get(SourceCadence, "wire10").interval_minutes == 60
