"""The demo as a day: feeds change with a simulated clock, each outlet on its own loopback address,
and a replayed day of polls collects what the day published."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import feedparser
import pytest
import requests

from pantau import demo
from pantau.days import BRIEFING_ZONE, day_window

DAY = date(2025, 7, 8)


def read_feed(base: str, section: str) -> feedparser.FeedParserDict:
    return feedparser.parse(requests.get(f"{base}/{section}/feed.xml", timeout=5).content)


@pytest.mark.slow  # serves the site on a clock and reads every feed
def test_feeds_list_only_what_is_published_by_the_simulated_clock():
    clock = demo.SimulatedClock(datetime(2025, 7, 8, 14, 0, tzinfo=BRIEFING_ZONE))
    with demo.serve_outlets(clock=clock) as bases:
        early = read_feed(bases["thestar"], "thestar")
        clock.now += timedelta(hours=10)
        late = read_feed(bases["thestar"], "thestar")
        bernama = read_feed(bases["bernama-en"], "bernama-en")
    assert len(early.entries) == 1 and len(late.entries) == 3
    assert bernama.entries and not any("published" in entry for entry in bernama.entries), "undated, as the real one"


def test_bernama_lists_only_its_ten_newest():
    item = "<item><title>{n}</title><link>__BASE__/n/{n}</link><pubDate>Tue, 08 Jul 2025 {n:02d}:00:00 +0800</pubDate></item>"
    feed = ("<rss><channel>" + "".join(item.format(n=n) for n in range(12)) + "</channel></rss>").encode()
    shown = feedparser.parse(demo.feed_at(feed, datetime(2025, 7, 8, 23, tzinfo=BRIEFING_ZONE), 10))
    assert [entry.title for entry in shown.entries] == [str(n) for n in range(11, 1, -1)]


@pytest.mark.slow  # polls every demo outlet
def test_each_outlet_has_its_own_address_and_bernamas_services_share_one():
    with demo.serve_outlets() as bases:
        hosts = {section: base.split("//")[1].split(":")[0] for section, base in bases.items()}
    assert hosts["bernama-en"] == hosts["bernama-ms"] == hosts["bernama-zh"]
    assert len(set(hosts.values())) == len({demo.outlet_of(section) for section in hosts})
    assert all(host.startswith("127.0.0.") for host in hosts.values())


@pytest.mark.slow  # a simulated day of polls against every demo outlet
def test_a_replayed_day_collects_every_item_the_day_published(tmp_path):
    clock = demo.SimulatedClock(day_window(DAY)[0])
    db_url = f"sqlite:///{tmp_path / 'pantau.db'}"
    with demo.serve_outlets(clock=clock) as bases:
        sources = demo.write_sources(bases, tmp_path / "sources.yaml")
        summaries = demo.replay_day(DAY, sources, clock, db_url)
    collected, published = demo.collected_share(DAY, db_url)
    assert published == len(demo.published_on(DAY)) > 20
    assert collected == published
    assert not [summary for summary in summaries if summary["status"] == "failed"]
