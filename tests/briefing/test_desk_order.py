"""Held-out checks of the ranking: days the weights were never tuned on (desk_days.yaml, and
desk_days_fresh.yaml, which no rule was chosen on either), labelled with what the foreign-affairs desk
cares about most, ranked with the shipped weights and watch list."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from pantau import config, store
from pantau.days import BRIEFING_ZONE
from pantau.registry.sources import load_sources, load_watchlist
from pantau.report.build import build_briefing
from pantau.report.model import Story

from .briefing_store import article, assign, run

DESK_DAYS = [Path(__file__).with_name(name) for name in ("desk_days.yaml", "desk_days_fresh.yaml")]


def rows_of(days: dict, sources: dict) -> list:
    """The store's rows for the labelled days: articles, each story's dedup assignment, a run per source."""
    rows: list = []
    for day_text, stories in days.items():
        day = date.fromisoformat(day_text)
        polled = set()
        for story, entries in stories.items():
            for position, entry in enumerate(entries):
                if isinstance(entry, list):
                    entry = dict(zip(("source", "at", "title"), entry, strict=True))
                source = sources[entry["source"]]
                polled.add(source.id)
                published = datetime.combine(day, datetime.strptime(entry["at"], "%H:%M").time(), tzinfo=BRIEFING_ZONE)
                row = article(
                    source.id,
                    source.outlet,
                    source.language,
                    entry["title"],
                    published,
                    day=day,
                    body=entry.get("body"),
                    wire=source.wire,
                )
                rows += [row, assign(row, story, f"{story}-{day_text}-{source.language}", canonical=position == 0)]
        rows += [run(source_id, day) for source_id in sorted(polled)]
    return rows


@pytest.fixture(scope="module", params=DESK_DAYS, ids=lambda path: path.stem)
def judged(request, tmp_path_factory) -> tuple[dict[str, Story], dict]:
    labels = yaml.safe_load(request.param.read_text(encoding="utf-8"))
    sources = {source.id: source for source in load_sources(config.INCLUDE_DIR / "sources.yaml")}
    folder = tmp_path_factory.mktemp("desk")
    db_url = f"sqlite:///{folder / 'pantau.db'}"
    with store.session(db_url) as s:
        s.add_all(rows_of(labels["days"], sources))
    with store.session(db_url) as s:
        briefing = build_briefing(
            s,
            date.fromisoformat(labels["judged"]),
            folder,
            sources,
            load_watchlist(config.INCLUDE_DIR / "watchlist.yaml"),
        )
    return {story.id: story for story in briefing.stories}, labels


def test_the_desks_judgements_hold(judged):
    stories, labels = judged
    wrong = []
    for judgement in labels["desk_judgements"]:
        above, below = (key.strip() for key in judgement.split(">"))
        if stories[above].rank > stories[below].rank:
            wrong.append(f"{judgement} (ranks {stories[above].rank}, {stories[below].rank})")
    assert not wrong, "; ".join(wrong)


def test_routine_reports_are_grouped_after_every_other_story(judged):
    stories, labels = judged
    ordered = sorted(stories.values(), key=lambda story: story.rank)
    assert [story.routine for story in ordered] == sorted(story.routine for story in ordered)
    assert {story.id for story in ordered if story.routine} == set(labels["routine"])


def test_watch_list_tags_only_what_a_story_is_about(judged):
    stories, labels = judged
    assert {key: sorted(stories[key].topics) for key in labels["topics"]} == {
        key: sorted(topics) for key, topics in labels["topics"].items()
    }


def test_new_and_continuing_are_marked_against_the_previous_day(judged):
    stories, labels = judged
    assert {key: stories[key].new for key in labels["new"] + labels["continuing"]} == {
        **{key: True for key in labels["new"]},
        **{key: False for key in labels["continuing"]},
    }
    assert all(stories[key].score.novelty == 0 for key in labels["continuing"])
    assert all(stories[key].score.novelty > 0 for key in labels["new"])
