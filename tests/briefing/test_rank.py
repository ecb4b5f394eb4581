"""The importance score, watch-list relevance, the robust spike rule and the briefing's settings file."""

from __future__ import annotations

import pytest

from pantau.registry.sources import ConfigError, Topic
from pantau.report import rank
from pantau.report.build import is_spike

MYANMAR = Topic(id="myanmar", name="Myanmar crisis", keywords={"en": ("Myanmar", "junta"), "zh": ("缅甸",)})


def test_a_topic_counts_in_the_title_the_lead_or_when_repeated_not_in_passing():
    matcher = rank.TopicMatcher([MYANMAR], rank.WatchlistWeights(repeated_mentions=3))
    body = "Tariffs rise. Exporters worry. Rates: Laos and Myanmar 40 percent."
    assert matcher.where("en", "US tariffs bite", "Tariffs rise. Exporters worry.", body) == {}
    assert matcher.where("en", "Myanmar polls", "", "") == {"Myanmar crisis": "title"}
    assert matcher.where("en", "Polls", "The junta said so.", "") == {"Myanmar crisis": "lead"}
    repeated = "A. B. Myanmar one. Myanmar two. The junta three."
    assert matcher.where("en", "Polls", "A. B.", repeated) == {"Myanmar crisis": "repeated"}
    assert matcher.where("zh", "缅甸大选", "", "") == {"Myanmar crisis": "title"}  # no word boundaries in Chinese
    assert matcher.where("ms", "Myanmar", "", "") == {}  # no Malay keywords given for this topic


def test_score_parts_add_up_and_routine_reports_go_down():
    ranking = rank.Ranking(routine=rank.RoutineRule(penalty=-6, titles=(r"^Bursa Malaysia opens",)))
    assert rank.is_routine("Bursa Malaysia Opens Higher", ranking.routine)
    assert not rank.is_routine("Bursa Malaysia chief resigns", ranking.routine)
    wire = rank.score(
        outlets=9,
        languages=4,
        wire_pickups=6,
        topic_places={"ASEAN": "title", "Myanmar crisis": "repeated"},
        official=False,
        new=True,
        routine=False,
        ranking=ranking,
    )
    assert wire.parts == {"reach": 8 + 4.5 + 3, "watchlist": 3.0, "official": 0.0, "novelty": 1.5, "routine": 0.0}
    assert wire.total == sum(wire.parts.values())
    market = rank.score(
        outlets=1,
        languages=1,
        wire_pickups=0,
        topic_places={},
        official=False,
        new=True,
        routine=True,
        ranking=ranking,
    )
    assert market.total < 0
    many = rank.score(
        outlets=1,
        languages=1,
        wire_pickups=0,
        topic_places={name: "title" for name in "ABCDEF"},
        official=True,
        new=False,
        routine=False,
        ranking=ranking,
    )
    assert many.watchlist == 3 * ranking.watchlist.in_title and many.official == ranking.official.weight


@pytest.mark.parametrize(
    ("today", "past", "spike"),
    [
        (10, [0, 0, 0, 1, 0, 0, 0], True),
        (3, [2, 2, 2, 2, 2, 2, 2], False),
        (2, [0, 0, 0, 0, 0, 0, 0], False),  # too few articles to be a spike
        # One busy day in the week: a mean and standard deviation (4.3 ± 10.5) would hide this jump.
        (5, [0, 0, 0, 30, 0, 0, 0], True),
        (12, [8, 10, 9, 11, 10, 9, 10], False),  # a busy topic on a busy day
    ],
)
def test_spikes_are_measured_against_the_median_and_its_spread(today, past, spike):
    assert is_spike(today, past, rank.Spike()) is spike


def test_the_shipped_settings_load():
    settings = rank.load_settings()
    assert "kln" in settings.ranking.official.sources and settings.ranking.statements_sources == ("kln",)
    assert settings.comparisons.min_baseline_days <= settings.comparisons.history_days


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ranking: {routine: {titles: ['(unclosed']}}", "field 'ranking.routine.titles'"),
        ("ranking: {reach: {per_outlet: 1, per_mile: 2}}", "field 'ranking.reach.per_mile'"),
        ("comparisons: {history_days: 1}", "field 'comparisons.history_days'"),
        ("ranking: [", "not valid YAML"),
    ],
)
def test_bad_settings_are_one_clear_error(tmp_path, text, message):
    path = tmp_path / "briefing.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace(".", r"\.").replace("(", r"\(")):
        rank.load_settings(path)
