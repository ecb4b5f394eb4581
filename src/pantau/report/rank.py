"""Which stories matter to a foreign-affairs desk: a score from reach, watch-list relevance, official
sources and novelty, with routine template reports ranked down. Weights live in include/briefing.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pantau import config
from pantau.registry.sources import ConfigError, Topic

SETTINGS_FILE = config.INCLUDE_DIR / "briefing.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReachWeights(_Strict):
    per_outlet: float = 1.0
    per_language: float = 1.5
    per_wire_pickup: float = 0.5


class WatchlistWeights(_Strict):
    in_title: float = 2.0
    in_lead: float = 1.0
    repeated: float = 1.0
    repeated_mentions: int = Field(default=3, ge=1)
    max_topics: int = Field(default=3, ge=1)


class OfficialWeights(_Strict):
    sources: tuple[str, ...] = ("kln", "aseansec")
    weight: float = 3.0


class NoveltyWeights(_Strict):
    new: float = 1.5


class RoutineRule(_Strict):
    penalty: float = -6.0
    titles: tuple[str, ...] = ()

    @field_validator("titles")
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a regular expression: {exc}") from None
        return patterns


class Ranking(_Strict):
    reach: ReachWeights = ReachWeights()
    watchlist: WatchlistWeights = WatchlistWeights()
    official: OfficialWeights = OfficialWeights()
    novelty: NoveltyWeights = NoveltyWeights()
    routine: RoutineRule = RoutineRule()
    statements_sources: tuple[str, ...] = ("kln",)


class Spike(_Strict):
    min_articles: int = Field(default=3, ge=1)
    spread_multiple: float = Field(default=3.0, gt=0)
    min_spread: float = Field(default=1.0, gt=0)


class Comparisons(_Strict):
    history_days: int = Field(default=7, ge=2, le=60)
    min_baseline_days: int = Field(default=5, ge=1)
    spike: Spike = Spike()


class BriefingSettings(_Strict):
    ranking: Ranking = Ranking()
    comparisons: Comparisons = Comparisons()


def load_settings(path: Path | None = None) -> BriefingSettings:
    path = Path(path or SETTINGS_FILE)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return BriefingSettings.model_validate(document)
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}".replace("\n", " ")) from None
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"]) or "(document)"
        raise ConfigError(f"{path}: field '{field}': {error['msg']}") from None


@lru_cache(maxsize=4)
def settings(path: str | None = None) -> BriefingSettings:
    return load_settings(Path(path) if path else None)


# ---------------------------------------------------------------- watch-list relevance


class TopicMatcher:
    """Tags an article with the watch-list topics it is about: named in the headline or lead, or
    named repeatedly further down. A passing mention (a tariffs story naming Myanmar once) does not tag."""

    def __init__(self, topics: list[Topic], weights: WatchlistWeights):
        self.weights = weights
        self.patterns: dict[str, dict[str, re.Pattern]] = {}
        for topic in topics:
            self.patterns[topic.name] = {}
            for language, keywords in topic.keywords.items():
                if not keywords:
                    continue
                alternatives = "|".join(re.escape(keyword) for keyword in keywords)
                if language != "zh":  # Chinese has no spaces between words: substrings it is
                    alternatives = rf"(?<!\w)(?:{alternatives})(?!\w)"
                self.patterns[topic.name][language] = re.compile(alternatives, re.IGNORECASE)

    def where(self, language: str, title: str, lead: str, body: str) -> dict[str, str]:
        """Topic name -> "title", "lead" or "repeated", for the topics this article is about."""
        found: dict[str, str] = {}
        for topic, by_language in self.patterns.items():
            pattern = by_language.get(language)
            if pattern is None:
                continue
            if pattern.search(title):
                found[topic] = "title"
            elif pattern.search(lead):
                found[topic] = "lead"
            elif len(pattern.findall(body)) >= self.weights.repeated_mentions:
                found[topic] = "repeated"
        return found


# ---------------------------------------------------------------- the score


@dataclass(frozen=True)
class Score:
    """A story's importance, part by part (the parts add up to `total`)."""

    reach: float
    watchlist: float
    official: float
    novelty: float
    routine: float

    @property
    def total(self) -> float:
        return round(self.reach + self.watchlist + self.official + self.novelty + self.routine, 2)

    @property
    def parts(self) -> dict[str, float]:
        return {
            "reach": self.reach,
            "watchlist": self.watchlist,
            "official": self.official,
            "novelty": self.novelty,
            "routine": self.routine,
        }


# Where a topic is named, most telling first.
PLACE_ORDER = {"title": 0, "lead": 1, "repeated": 2}


def is_routine(title: str, rule: RoutineRule) -> bool:
    return any(re.search(pattern, title, re.IGNORECASE) for pattern in rule.titles)


def score(
    *,
    outlets: int,
    languages: int,
    wire_pickups: int,
    topic_places: dict[str, str],
    official: bool,
    new: bool,
    routine: bool,
    ranking: Ranking,
) -> Score:
    """The story's score from its facts; `topic_places` maps each topic to where the story names it."""
    reach = (
        ranking.reach.per_outlet * max(outlets - 1, 0)
        + ranking.reach.per_language * max(languages - 1, 0)
        + ranking.reach.per_wire_pickup * wire_pickups
    )
    weights = ranking.watchlist
    by_place = {"title": weights.in_title, "lead": weights.in_lead, "repeated": weights.repeated}
    best = sorted(topic_places.values(), key=PLACE_ORDER.__getitem__)[: weights.max_topics]
    return Score(
        reach=round(reach, 2),
        watchlist=round(sum((by_place[place] for place in best), 0.0), 2),
        official=ranking.official.weight if official else 0.0,
        novelty=ranking.novelty.new if new else 0.0,
        routine=ranking.routine.penalty if routine else 0.0,
    )
