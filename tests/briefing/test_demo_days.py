"""The demo's 7 and 8 July briefings, built by the real stages from the demo site: what a foreign-affairs
desk reads first, the ministry's statements and their pickup, and no comparison without a baseline."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from pantau import store

from .conftest import DEMO_DAYS

JULY_7, JULY_8 = DEMO_DAYS
BURSA = "Bursa Malaysia Opens Higher"
AMM_OPENS = "UPDATED: 58th ASEAN Foreign Ministers' Meeting Opens In Kuala Lumpur"
CHINA_VISIT = "王毅10日起访马 出席东盟外长系列会议"  # China's foreign minister to visit from the 10th
MINISTERIAL_WEEK = "KL Gears Up For ASEAN Ministerial Week As SOM Concludes Successfully"
AMM_ROAD_CLOSURES = "东盟外长会议明起举行 吉隆坡市中心多条道路将封闭"  # the ministers' meeting opens tomorrow
TARIFFS = "Malaysia teruskan rundingan dengan AS selepas dikenakan tarif 25 peratus"
GAZA_RELEASE = "KENYATAAN MEDIA: MALAYSIA MENGECAM PEMBUNUHAN RAKYAT PALESTIN DI TAPAK PENGAGIHAN BANTUAN DI GAZA"


def page(demo_days, day) -> BeautifulSoup:
    return BeautifulSoup(Path(demo_days["paths"][day]["html"]).read_text(encoding="utf-8"), "html.parser")


def ranks(demo_days, day) -> dict[str, dict]:
    with open(demo_days["paths"][day]["csv"], encoding="utf-8-sig", newline="") as handle:
        return {row["title"]: row for row in csv.DictReader(handle)}


def rank_of(rows: dict[str, dict], title: str) -> int:
    matches = [int(row["rank"]) for found, row in rows.items() if found.startswith(title)]
    assert matches, f"{title!r} is not in stories.csv"
    return matches[0]


@pytest.mark.parametrize(
    ("day", "important"),
    [(JULY_7, [MINISTERIAL_WEEK, AMM_ROAD_CLOSURES]), (JULY_8, [AMM_OPENS, CHINA_VISIT])],
    ids=["7-july", "8-july"],
)
def test_the_desks_stories_rank_above_the_market_report(demo_days, day, important):
    rows = ranks(demo_days, day)
    for title in important:
        assert rank_of(rows, title) < rank_of(rows, BURSA), f"{title} is not above the market report"
    assert rows[BURSA]["routine"] == "yes" and float(rows[BURSA]["score_routine"]) < 0
    html = page(demo_days, day)
    top = [card.h3.a.get_text() for card in html.select("#top-stories li.card")]
    assert BURSA not in top, "a template report is among the top stories"
    assert BURSA in html.select_one("#routine").get_text()


def test_the_top_story_on_8_july_is_the_meeting_with_its_reach(demo_days):
    first = page(demo_days, JULY_8).select_one("#top-stories li.card")
    assert first.h3.a.get_text() == AMM_OPENS
    meta = first.select_one(".meta").get_text(" ", strip=True)
    assert "9 outlets" in meta and "in 4 languages" in meta
    relations = {row.find_all("td")[2].get_text(strip=True) for row in first.select("table tr")[1:]}
    assert {"original", "translation", "same text as Bernama", "shortened copy"} <= relations
    assert "containment" not in first.get_text() and "near-duplicate" not in first.get_text()


def test_score_breakdown_adds_up_in_the_csv(demo_days):
    for day in DEMO_DAYS:
        for row in ranks(demo_days, day).values():
            parts = sum(
                float(row[f"score_{part}"]) for part in ("reach", "watchlist", "official", "novelty", "routine")
            )
            assert float(row["score"]) == pytest.approx(parts)
        ordered = sorted(ranks(demo_days, day).values(), key=lambda row: int(row["rank"]))
        # By score, routine template reports grouped after the rest.
        keys = [(row["routine"] == "yes", -float(row["score"])) for row in ordered]
        assert keys == sorted(keys)


def test_a_passing_mention_does_not_tag_a_story(demo_days):
    row = ranks(demo_days, JULY_8)[TARIFFS]  # names Myanmar once, in a list of tariff rates
    assert "US tariffs" in row["topics"] and "Myanmar crisis" not in row["topics"]


def test_statements_section_lists_every_ministry_release_of_the_day(demo_days):
    for day in DEMO_DAYS:
        with store.session(demo_days["db_url"]) as s:
            releases = set(
                s.scalars(
                    select(store.ArticleRow.title).where(
                        store.ArticleRow.source_id == "kln", store.ArticleRow.day == day
                    )
                )
            )
        section = page(demo_days, day).select_one("#statements")
        if not releases:
            assert section is None
            continue
        listed = [item.select_one("strong").get_text() for item in section.select(".statement")]
        assert sorted(listed) == sorted(releases)
        for item in section.select(".statement"):
            text = item.get_text(" ", strip=True)
            assert "Released " in text and "time unknown" not in text  # the feed's time when the page has none
            assert "Carried by" in text or "Not yet carried" in text


def test_no_delta_or_spike_without_a_baseline(demo_days):
    for day in DEMO_DAYS:
        html = page(demo_days, day)
        tiles = [tile.get_text(" ", strip=True) for tile in html.select(".tile")]
        assert all("no baseline yet" in tile for tile in tiles), tiles
        assert not any("vs day before" in tile or "%" in tile for tile in tiles)
        assert not html.select("#watchlist .spike")
        assert "No baseline yet" in html.select_one("#watchlist").get_text()
        assert "SPIKE" not in Path(demo_days["paths"][day]["md"]).read_text(encoding="utf-8")
    # Nor a trend: the days before the first collected one are gaps, not zero bars under today's.
    sparks = {
        day: [spark.get_text() for spark in page(demo_days, day).select("#watchlist .spark")] for day in DEMO_DAYS
    }
    assert sparks[JULY_7] and all(spark.startswith("······") for spark in sparks[JULY_7])
    assert sparks[JULY_8] and all(spark.startswith("·····") and "·" not in spark[5:] for spark in sparks[JULY_8])


def test_a_story_from_yesterday_is_marked_continuing(demo_days):
    # 7 July is the first day collected: nothing to compare with, so no marker at all.
    assert {row["status"] for row in ranks(demo_days, JULY_7).values()} == {""}
    assert not page(demo_days, JULY_7).select(".status")
    row = ranks(demo_days, JULY_8)[MINISTERIAL_WEEK]  # Daily8's copy next morning
    assert row["status"] == "continuing" and float(row["score_novelty"]) == 0
    assert ranks(demo_days, JULY_8)[AMM_OPENS]["status"] == "new"


def test_executive_summary_names_the_lead_story_in_two_or_three_sentences(demo_days):
    summary = page(demo_days, JULY_8).select_one("#summary .exec").get_text(" ", strip=True)
    assert summary.startswith(f"The day's leading story: “{AMM_OPENS}” (Bernama), carried by 9 outlets in 4 languages.")
    assert 2 <= summary.count(".") - summary.count("...") <= 4 and CHINA_VISIT in summary
    checks = page(demo_days, JULY_8).select_one("#summary .checks").get_text(" ", strip=True)
    assert checks.startswith("Data checks passed")


def test_the_summary_says_plainly_whether_the_ministrys_statement_was_carried(demo_days):
    summaries = {day: page(demo_days, day).select_one("#summary .exec").get_text(" ", strip=True) for day in DEMO_DAYS}
    assert "The ministry's statement has not been carried by other outlets yet." in summaries[JULY_7]
    assert (
        "The ministry's statement was carried by 1 outlet; the first pickup was Bernama, +3 h 31 min after release."
        in summaries[JULY_8]
    )


def test_a_ministry_release_that_bernama_reports_is_not_a_bernama_story_left_unpicked(demo_days):
    html = page(demo_days, JULY_8)
    carried = next(item for item in html.select("#statements .statement") if GAZA_RELEASE in item.get_text())
    assert "Carried by 1 outlet in en: Bernama" in carried.get_text(" ", strip=True)
    assert GAZA_RELEASE not in html.select_one("#wire").get_text()
    assert ranks(demo_days, JULY_8)[GAZA_RELEASE]["wire"] == ""


def test_operator_details_are_in_the_appendix_only(demo_days):
    html = page(demo_days, JULY_8)
    appendix = html.select_one("#appendix")
    for section in ("#health", "#grouping", "#quality"):
        assert appendix.select_one(section) is not None
    reader = "".join(section.get_text() for section in html.select("main > section"))
    for jargon in ("containment", "near-duplicate", "seed", "Quarantined", "expectation"):
        assert jargon not in reader
