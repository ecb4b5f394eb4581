"""The briefing as data: one model that the page, the Markdown, the PDF, the email and the CSV all render."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from pantau.health.runs import DayHealth
from pantau.models import LANGUAGE_NAMES
from pantau.report.rank import Score
from pantau.report.text import long_day

SPARK_BARS = "▁▂▃▄▅▆▇█"
NOT_COLLECTED = "·"


@dataclass(frozen=True)
class Carrier:
    """One article of a story: who carried it, in which language, how long after the original."""

    outlet: str
    language: str
    title: str
    url: str
    published: datetime | None  # MYT
    delay: str
    relation: str  # for the reader: "original", "same text as Bernama", "translation", ...
    grouped_by: str  # for the operator: the dedup method and score
    original: bool


@dataclass(frozen=True)
class Version:
    """The story in another language than its original: a translation of a wire story, say."""

    language: str
    title: str
    url: str
    outlets: tuple[str, ...]


@dataclass
class Story:
    id: str
    title: str
    url: str
    outlet: str
    language: str
    published: datetime | None  # MYT, first publication
    lead: str
    topics: list[str]
    carriers: list[Carrier]
    versions: list[Version]
    wire: str | None
    new: bool  # first seen on the briefing day; else it continues from an earlier day
    first_seen: date
    compared: bool  # whether any earlier day was collected: without one, "new" would be a guess
    routine: bool
    official: bool
    score: Score
    rank: int = 0

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(carrier.outlet for carrier in self.carriers))

    @property
    def reach(self) -> int:
        return len(self.outlets)

    @property
    def languages(self) -> list[str]:
        return list(dict.fromkeys(carrier.language for carrier in self.carriers))

    @property
    def anchor(self) -> str:
        return f"story-{self.id}"

    @property
    def status(self) -> str:
        """ "new", "continuing since 7 Jul", or "" on a first collected day, when there is nothing to compare with."""
        if not self.compared:
            return ""
        return "new" if self.new else f"continuing since {self.first_seen.day} {self.first_seen:%b}"


@dataclass(frozen=True)
class Statement:
    """One of the ministry's own releases of the day, and who carried it."""

    title: str
    url: str
    language: str
    published: datetime | None  # MYT; the feed's time when the page gives none
    carriers: tuple[Carrier, ...]  # other outlets' articles of the same story
    story: Story

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(carrier.outlet for carrier in self.carriers))

    @property
    def languages(self) -> list[str]:
        return list(dict.fromkeys(carrier.language for carrier in self.carriers))

    @property
    def first_pickup(self) -> str | None:
        return self.carriers[0].delay if self.carriers else None


@dataclass(frozen=True)
class Metric:
    label: str
    value: int
    previous: int | None  # the day before, when it was collected
    usual: float | None  # the median of the window's collected days, once there are enough of them
    baseline_days: int
    window_days: int

    @property
    def versus_previous(self) -> str:
        """The change since the day before, shown only once there is a baseline to judge it by."""
        if self.usual is None:
            return f"no baseline yet: {self.baseline_days} of {self.window_days} days collected"
        if self.previous is None:
            return "no data for the day before"
        return f"{self.value - self.previous:+d} vs day before"

    @property
    def versus_usual(self) -> str:
        if self.usual is None:
            return ""
        return f"usual {self.usual:g} a day ({self.window_days}-day median)"

    @property
    def trend(self) -> str:
        """ "up", "down" or "flat" against the day before, for colouring."""
        if self.usual is None or self.previous is None or self.value == self.previous:
            return "flat"
        return "up" if self.value > self.previous else "down"


@dataclass(frozen=True)
class Pickup:
    outlet: str
    picked: int
    of: int

    @property
    def rate(self) -> float:
        return self.picked / self.of if self.of else 0.0


@dataclass(frozen=True)
class TopicTrend:
    id: str
    name: str
    articles: int
    stories: int
    trend: tuple[int | None, ...]  # the window's days, today last; None: a day with nothing collected
    usual: float | None  # median of the window before today; None without a baseline
    spike: bool

    @property
    def sparkline(self) -> str:
        """A bar per day; a day nothing was collected is a gap (·), not a zero: no evidence of none."""
        top = max((count for count in self.trend if count is not None), default=0) or 1
        return "".join(
            NOT_COLLECTED if count is None else SPARK_BARS[round(count / top * (len(SPARK_BARS) - 1))]
            for count in self.trend
        )

    @property
    def trend_text(self) -> str:
        return ", ".join("not collected" if count is None else str(count) for count in self.trend)


@dataclass(frozen=True)
class HealthIssue:
    source: str
    outlet: str
    problem: str  # failed | stale | generic fallback | not polled
    detail: str
    since: str


@dataclass(frozen=True)
class QualitySuite:
    suite: str
    success: bool
    critical_failures: int
    warnings: int
    passed: int
    failed: tuple[dict, ...]
    report_link: str | None


@dataclass
class Briefing:
    day: date
    notice: str | None
    summary: list[str]  # the executive summary, two or three sentences
    metrics: list[Metric]
    stories: list[Story]  # every story of the day, ranked
    top_stories: list[Story]
    routine: list[Story]  # template reports, listed together
    statements: list[Statement]
    wire_stories: list[tuple[Story, list[Carrier]]]
    pickups: list[Pickup]
    chart_pngs: dict[str, bytes]
    topics: list[TopicTrend]
    other_languages: dict[str, list[tuple[Story, list[Version]]]]
    more_in_language: dict[str, int]
    health: list[HealthIssue]
    sources_polled: int
    sources_failed: int
    quality: list[QualitySuite]
    quarantined: list[tuple[str, str, int]]
    articles: int
    has_baseline: bool
    spike_rule: str
    undated: int = 0
    # Per source, the day's polls (ok, failed), items and gaps; and the sources a down day
    # could not be rebuilt for (no poll ran that day and no backfill brought anything).
    polls: list[DayHealth] = field(default_factory=list)
    unrecovered: list[str] = field(default_factory=list)
    languages: dict[str, str] = field(default_factory=lambda: dict(LANGUAGE_NAMES))

    @property
    def title(self) -> str:
        return f"Pantau daily briefing · {long_day(self.day)}"

    @property
    def checks_line(self) -> str:
        """One line for the reader on whether the data checks passed; the details are for operators."""
        if not self.quality:
            return "Data checks: none recorded for the day."
        critical = sum(suite.critical_failures for suite in self.quality)
        warnings = sum(suite.warnings for suite in self.quality)
        if critical:
            return f"Data checks: {critical} critical check{'s' * (critical != 1)} failed; treat today's figures with care."
        if warnings:
            return (
                f"Data checks passed, with {warnings} warning{'s' * (warnings != 1)} (see the appendix for operators)."
            )
        return "Data checks passed."
