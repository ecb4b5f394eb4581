"""The daily briefing: what a communications team reads at 07:00, as a page, a document and a spreadsheet.

Everything here is derived from the store for one briefing day, so the same store contents give the
same bytes: no clock is read, and times are shown in the briefing's time zone (MYT).
"""

from __future__ import annotations

import csv
import io
import os
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from fpdf import FPDF
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from pantau import config
from pantau.days import BRIEFING_ZONE, day_window
from pantau.health.runs import DayHealth, day_health, unrecovered_sources
from pantau.models import LANGUAGE_NAMES, LANGUAGES
from pantau.redact import redacted
from pantau.registry.sources import Source, Topic, load_watchlist, registry
from pantau.report import charts
from pantau.store import ArticleRow, DedupAssignment, QualityRun, Quarantine, SourceRun

TEMPLATES_DIR = config.INCLUDE_DIR / "templates"
TOP_STORIES = 10
# Per language in "Other languages": a long day has hundreds of Malay stories; the CSV has them all.
OTHER_LANGUAGE_STORIES = 15
TREND_DAYS = 7
# A topic spikes when today's article count is at least SPIKE_MIN_COUNT, more than SPIKE_RATIO times
# the mean of the previous TREND_DAYS days, and more than that mean plus SPIKE_SIGMAS standard
# deviations: the first keeps one-article topics quiet, the second and third ask for a jump that is
# both large and unusual for that topic.
SPIKE_MIN_COUNT = 3
SPIKE_RATIO = 2.0
SPIKE_SIGMAS = 2.0
SPIKE_RULE = (
    f"A spike is flagged when a topic has at least {SPIKE_MIN_COUNT} articles today, more than "
    f"{SPIKE_RATIO:g}× its average over the previous {TREND_DAYS} days, and more than that average "
    f"plus {SPIKE_SIGMAS:g} standard deviations."
)
STALE_AFTER_HOURS_DEFAULT = 48  # for sources no longer in the registry
SPARK_BARS = "▁▂▃▄▅▆▇█"

# Debian's fonts-dejavu-core (Latin, Vietnamese) and fonts-noto-cjk (Chinese) for the PDF.
PDF_FONTS = {
    "Body": {
        "": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "B": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    },
    "CJK": {
        "": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "B": "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    },
}
CJK_SIMPLIFIED_FACE = 2  # the "SC" face in Noto's collections: Malaysian Chinese press uses simplified
# A full stop after these is not the end of a sentence.
ABBREVIATIONS = {
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Prof",
    "St",
    "No",
    "Gen",
    "Lt",
    "Col",
    "Capt",
    "Sen",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Hj",
    "vs",
    "i.e",
    "e.g",
    "U.S",
    "U.N",
}
SENTENCE_BOUNDARY = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+|(?<=[。！？])")


# ---------------------------------------------------------------- the briefing as data


@dataclass(frozen=True)
class Carrier:
    """One article of a story: who carried it, in which language, how long after the original."""

    outlet: str
    language: str
    title: str
    url: str
    published: datetime | None  # MYT
    delay: str
    grouped_by: str
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


@dataclass(frozen=True)
class Metric:
    label: str
    value: int
    previous: int | None
    average: float | None  # over the previous TREND_DAYS days

    @property
    def versus_previous(self) -> str:
        if self.previous is None:
            return "no data for the day before"
        return f"{self.value - self.previous:+d} vs day before"

    @property
    def versus_average(self) -> str:
        if not self.average:
            return f"no {TREND_DAYS}-day history"
        change = (self.value - self.average) / self.average
        return f"{change:+.0%} vs {TREND_DAYS}-day avg {self.average:.1f}"

    @property
    def trend(self) -> str:
        """ "up", "down" or "flat" against the day before, for colouring."""
        if self.previous is None or self.value == self.previous:
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
    trend: tuple[int, ...]  # the last TREND_DAYS days, today last
    average: float  # of the TREND_DAYS days before today
    spike: bool

    @property
    def sparkline(self) -> str:
        top = max(self.trend) or 1
        return "".join(SPARK_BARS[round(count / top * (len(SPARK_BARS) - 1))] for count in self.trend)


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
    metrics: list[Metric]
    stories: list[Story]  # every story of the day, ranked
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
    undated: int = 0
    # Per source, the day's polls (ok, failed), items and gaps; and the sources a down day
    # could not be rebuilt for (no poll ran that day and no backfill brought anything).
    polls: list[DayHealth] = field(default_factory=list)
    unrecovered: list[str] = field(default_factory=list)
    spike_rule: str = SPIKE_RULE
    languages: dict[str, str] = field(default_factory=lambda: dict(LANGUAGE_NAMES))

    @property
    def title(self) -> str:
        return f"Pantau daily briefing · {long_day(self.day)}"

    @property
    def top_stories(self) -> list[Story]:
        return self.stories[:TOP_STORIES]

    @property
    def charts(self) -> dict[str, str]:
        return {name: charts.data_uri(png) for name, png in self.chart_pngs.items()}


# ---------------------------------------------------------------- formatting


def long_day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def clock(moment: datetime | None, day: date) -> str:
    """A MYT time, with its date when it is not on the briefing day."""
    if moment is None:
        return "time unknown"
    local = moment.astimezone(BRIEFING_ZONE)
    if local.date() == day:
        return f"{local:%H:%M} MYT"
    return f"{local.day} {local:%b %H:%M} MYT"


def pickup_delay(original: datetime | None, copy: datetime | None) -> str:
    """How long after the original a copy appeared: "+40 min", "+3 h 5 min", "+1 d 2 h"."""
    if original is None or copy is None:
        return "time unknown"
    minutes = round((copy - original).total_seconds() / 60)
    if minutes <= 0:
        return "same time" if minutes == 0 else f"{minutes} min"
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"+{days} d {hours} h" if hours else f"+{days} d"
    if hours:
        return f"+{hours} h {minutes} min" if minutes else f"+{hours} h"
    return f"+{minutes} min"


def two_sentence_lead(body: str, limit: int = 420) -> str:
    """The first two sentences of an article's body (Latin or CJK punctuation), at most `limit` chars."""
    text = " ".join(body.split())
    sentences, start = [], 0
    for boundary in SENTENCE_BOUNDARY.finditer(text):
        sentence = text[start : boundary.start()].strip()
        last_word = sentence.rsplit(" ", 1)[-1].rstrip(".")
        if sentence.endswith(".") and (last_word in ABBREVIATIONS or len(last_word) == 1):
            continue
        sentences.append(sentence)
        start = boundary.end()
        if len(sentences) == 2:
            break
    else:
        sentences.append(text[start:].strip())
    lead = ""
    for sentence in filter(None, sentences):
        lead += sentence if not lead or lead.endswith(("。", "！", "？")) else " " + sentence
    if len(lead) > limit:
        lead = lead[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return lead


def markdown_text(text: str) -> str:
    """Text safe inside Markdown: markup characters escaped, so a title cannot become a tag or a link."""
    return re.sub(r"([\\`*_\[\]<>#|!])", r"\\\1", " ".join(str(text).split()))


def safe_link(url: str) -> str:
    """A link target that can only open a page: http(s) or relative, never `javascript:` and the like."""
    url = str(url).strip()
    if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.IGNORECASE) and not re.match(r"^https?://", url, re.IGNORECASE):
        return "#"
    # Spaces and parentheses would end a Markdown link early.
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


# ---------------------------------------------------------------- reading the store


@dataclass(frozen=True)
class _Item:
    article: ArticleRow
    cluster: str
    story: str
    canonical: bool
    grouped_by: str


def _grouped_by(assignment: DedupAssignment | None) -> str:
    if assignment is None:
        return "not deduplicated"
    if assignment.matched_with is None:
        return assignment.method
    return f"{assignment.method} {assignment.score:.2f}"


def _items(s: Session, day: date) -> list[_Item]:
    rows = s.execute(
        select(ArticleRow, DedupAssignment)
        .outerjoin(DedupAssignment, DedupAssignment.article_id == ArticleRow.id)
        .where(ArticleRow.day == day)
        .order_by(ArticleRow.id)
    ).all()
    return [_item_of(article, assignment) for article, assignment in rows]


def _item_of(article: ArticleRow, assignment: DedupAssignment | None) -> _Item:
    """An article with its dedup assignment; one dedup has not seen stands as its own story."""
    return _Item(
        article=article,
        cluster=assignment.cluster if assignment else article.id,
        story=assignment.story if assignment else article.id,
        canonical=bool(assignment and assignment.canonical),
        grouped_by=_grouped_by(assignment),
    )


def _earlier_copies(s: Session, day: date, items: list[_Item]) -> list[_Item]:
    """Copies published before `day` of the stories the day's articles belong to, so that a story
    picked up today from yesterday's wire shows its original and how late the pickup came."""
    story_ids = sorted({item.story for item in items})
    rows = (
        s.execute(
            select(ArticleRow, DedupAssignment)
            .join(DedupAssignment, DedupAssignment.article_id == ArticleRow.id)
            .where(DedupAssignment.story.in_(story_ids), ArticleRow.day < day)
            .order_by(ArticleRow.id)
        ).all()
        if story_ids
        else []
    )
    return [_item_of(article, assignment) for article, assignment in rows]


def _topic_patterns(topics: list[Topic]) -> dict[str, dict[str, re.Pattern]]:
    """Per topic name and language, one pattern for its keywords (word boundaries, except in Chinese)."""
    patterns: dict[str, dict[str, re.Pattern]] = {}
    for topic in topics:
        patterns[topic.name] = {}
        for language, keywords in topic.keywords.items():
            if not keywords:
                continue
            alternatives = "|".join(re.escape(keyword) for keyword in keywords)
            if language != "zh":
                alternatives = rf"(?<!\w)(?:{alternatives})(?!\w)"
            patterns[topic.name][language] = re.compile(alternatives, re.IGNORECASE)
    return patterns


def _topics_of(patterns: dict[str, dict[str, re.Pattern]], language: str, text: str) -> list[str]:
    return [
        topic
        for topic, by_language in patterns.items()
        if language in by_language and by_language[language].search(text)
    ]


def _is_wire_original(article: ArticleRow, sources: dict[str, Source]) -> bool:
    source = sources.get(article.source_id or "")
    return bool(source and source.wire)


def _time_key(moment: datetime | None) -> tuple[bool, float]:
    """Sorts earliest first, undated last."""
    return (moment is None, moment.timestamp() if moment else 0.0)


def _stories(items: list[_Item], sources: dict[str, Source], patterns) -> list[Story]:
    by_story: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        by_story[item.story].append(item)
    stories = []
    for story_id, members in by_story.items():
        # Earliest first; at the same minute the wire's own copy is the original.
        members.sort(
            key=lambda item: (
                *_time_key(item.article.published_at),
                not _is_wire_original(item.article, sources),
                not item.canonical,
                item.article.id,
            )
        )
        lead = members[0].article
        # The headline links the copy dedup chose (the wire's own page, its latest version);
        # the outlet and time are those of the first publication.
        head = next((item.article for item in members if item.canonical and item.cluster == members[0].cluster), lead)
        carriers = [
            Carrier(
                outlet=item.article.outlet,
                language=item.article.language,
                title=item.article.title,
                url=item.article.url,
                published=item.article.published_at.astimezone(BRIEFING_ZONE) if item.article.published_at else None,
                delay="original" if index == 0 else pickup_delay(lead.published_at, item.article.published_at),
                grouped_by=item.grouped_by,
                original=index == 0,
            )
            for index, item in enumerate(members)
        ]
        topics: dict[str, None] = {}
        for item in members:
            text = f"{item.article.title}\n{item.article.body}"
            topics.update(dict.fromkeys(_topics_of(patterns, item.article.language, text)))
        stories.append(
            Story(
                id=story_id,
                title=head.title,
                url=head.url,
                outlet=lead.outlet,
                language=lead.language,
                published=carriers[0].published,
                lead=two_sentence_lead(head.body),
                topics=list(topics),
                carriers=carriers,
                versions=_versions(members, lead.language),
                wire=next((item.article.wire for item in members if item.article.wire), None),
            )
        )
    stories.sort(key=lambda story: (-story.reach, -len(story.carriers), *_time_key(story.published), story.id))
    for rank, story in enumerate(stories, start=1):
        story.rank = rank
    return stories


def _versions(members: list[_Item], lead_language: str) -> list[Version]:
    """The story's clusters in other languages, each under its canonical (else earliest) title."""
    clusters: dict[str, list[_Item]] = defaultdict(list)
    for item in members:
        if item.article.language != lead_language:
            clusters[item.cluster].append(item)
    versions = []
    for cluster in clusters.values():
        head = next((item for item in cluster if item.canonical), cluster[0]).article
        outlets = tuple(dict.fromkeys(item.article.outlet for item in cluster))
        versions.append(Version(head.language, head.title, head.url, outlets))
    return versions


def _history(s: Session, day: date) -> dict[date, tuple[int, ...]]:
    """Articles, stories, outlets and languages per day, for the day and the TREND_DAYS before it."""
    story = func.coalesce(DedupAssignment.story, ArticleRow.id)
    rows = s.execute(
        select(
            ArticleRow.day,
            func.count(ArticleRow.id),
            func.count(distinct(story)),
            func.count(distinct(ArticleRow.outlet)),
            func.count(distinct(ArticleRow.language)),
        )
        .outerjoin(DedupAssignment, DedupAssignment.article_id == ArticleRow.id)
        .where(ArticleRow.day.between(day - timedelta(days=TREND_DAYS), day))
        .group_by(ArticleRow.day)
    ).all()
    return {row[0]: tuple(row[1:]) for row in rows}


def _metrics(history: dict[date, tuple[int, ...]], day: date) -> list[Metric]:
    previous_days = [day - timedelta(days=offset) for offset in range(1, TREND_DAYS + 1)]
    has_history = any(other in history for other in previous_days)
    metrics = []
    for position, label in enumerate(("Articles", "Unique stories", "Outlets", "Languages")):
        past = [history.get(other, (0, 0, 0, 0))[position] for other in previous_days]
        metrics.append(
            Metric(
                label=label,
                value=history.get(day, (0, 0, 0, 0))[position],
                previous=past[0] if has_history else None,
                average=statistics.fmean(past) if has_history else None,
            )
        )
    return metrics


def _topic_trends(s: Session, day: date, topics: list[Topic], patterns, stories: list[Story]) -> list[TopicTrend]:
    first = day - timedelta(days=TREND_DAYS)
    counts: dict[str, Counter] = {topic.name: Counter() for topic in topics}
    rows = s.execute(
        select(ArticleRow.day, ArticleRow.language, ArticleRow.title, ArticleRow.body).where(
            ArticleRow.day.between(first, day)
        )
    )
    for article_day, language, title, body in rows:
        for topic_name in _topics_of(patterns, language, f"{title}\n{body}"):
            counts[topic_name][article_day] += 1
    trends = []
    for topic in topics:
        per_day = [counts[topic.name][first + timedelta(days=offset)] for offset in range(TREND_DAYS + 1)]
        today, previous = per_day[-1], per_day[:-1]
        average, spread = statistics.fmean(previous), statistics.pstdev(previous)
        trends.append(
            TopicTrend(
                id=topic.id,
                name=topic.name,
                articles=today,
                stories=sum(topic.name in story.topics for story in stories),
                trend=tuple(per_day[1:]),
                average=average,
                spike=today >= SPIKE_MIN_COUNT
                and today > SPIKE_RATIO * average
                and today > average + SPIKE_SIGMAS * spread,
            )
        )
    trends.sort(key=lambda trend: (not trend.spike, -trend.articles, trend.name))
    return trends


def _wire_pickup(stories: list[Story], sources: dict[str, Source]) -> tuple[list, list[Pickup]]:
    wire_outlets = {source.outlet for source in sources.values() if source.wire}
    wire_stories = [story for story in stories if story.wire]
    picked = []
    for story in wire_stories:
        originals = wire_outlets | {story.outlet}
        picked.append((story, [carrier for carrier in story.carriers if carrier.outlet not in originals]))
    counts = Counter(outlet for _, carriers in picked for outlet in {carrier.outlet for carrier in carriers})
    pickups = [Pickup(outlet, count, len(wire_stories)) for outlet, count in counts.items()]
    pickups.sort(key=lambda pickup: (-pickup.rate, pickup.outlet))
    return picked, pickups


def _other_languages(stories: list[Story]) -> tuple[dict, dict[str, int]]:
    """Non-English stories by language, each under the story it belongs to (its wire original, say)."""
    grouped: dict[str, list] = {}
    more: dict[str, int] = {}
    for language in (other for other in LANGUAGES if other != "en"):
        entries: list[tuple[Story, list[Version]]] = []
        for story in stories:
            if story.language == language:
                entries.append((story, []))
            else:
                versions = [version for version in story.versions if version.language == language]
                if versions:
                    entries.append((story, versions))
        if entries:
            grouped[language] = entries[:OTHER_LANGUAGE_STORIES]
            more[language] = max(0, len(entries) - OTHER_LANGUAGE_STORIES)
    return grouped, more


def _streak_start(days_desc: Sequence[date], day: date) -> date:
    """The first day of the run of consecutive days ending at `day`."""
    start = day
    for other in days_desc:
        if other == start - timedelta(days=1):
            start = other
        elif other < start:
            break
    return start


def _health(s: Session, day: date, sources: dict[str, Source]) -> tuple[list[HealthIssue], int, int]:
    runs = {run.source_id: run for run in s.scalars(select(SourceRun).where(SourceRun.day == day))}
    outlet = lambda source_id: sources[source_id].outlet if source_id in sources else source_id  # noqa: E731
    issues = []
    failed = sorted(source_id for source_id, run in runs.items() if run.status == "failed")
    for source_id in failed:
        history = s.scalars(
            select(SourceRun.day)
            .where(SourceRun.source_id == source_id, SourceRun.day < day, SourceRun.status == "failed")
            .order_by(SourceRun.day.desc())
        ).all()
        run = runs[source_id]
        detail = (run.reason or "failed") + (f": {redacted(run.error).splitlines()[0][:160]}" if run.error else "")
        issues.append(
            HealthIssue(
                source_id, outlet(source_id), "failed", detail, f"since {long_day(_streak_start(history, day))}"
            )
        )
    _, day_end = day_window(day)
    for source_id in sorted(set(runs) - set(failed)):
        last_new = s.scalar(
            select(func.max(SourceRun.last_new_item_at)).where(SourceRun.source_id == source_id, SourceRun.day <= day)
        )
        limit = sources[source_id].stale_after_hours if source_id in sources else STALE_AFTER_HOURS_DEFAULT
        if last_new is None or day_end - last_new > timedelta(hours=limit):
            since = f"last new item {clock(last_new, day)}" if last_new else "no new item on record"
            issues.append(
                HealthIssue(source_id, outlet(source_id), "stale", f"nothing new for more than {limit} h", since)
            )
    fallbacks = s.execute(
        select(ArticleRow.source_id, func.count(ArticleRow.id))
        .where(ArticleRow.day == day, ArticleRow.method.like("generic-fallback%"))
        .group_by(ArticleRow.source_id)
        .order_by(ArticleRow.source_id)
    ).all()
    for fallback_source_id, count in fallbacks:
        history = s.scalars(
            select(ArticleRow.day)
            .distinct()
            .where(
                ArticleRow.source_id == fallback_source_id,
                ArticleRow.day < day,
                ArticleRow.method.like("generic-fallback%"),
            )
            .order_by(ArticleRow.day.desc())
        ).all()
        issues.append(
            HealthIssue(
                fallback_source_id or "?",
                outlet(fallback_source_id),
                "generic fallback",
                f"{count} article{'s' * (count != 1)} read without its extraction profile",
                f"since {long_day(_streak_start(history, day))}",
            )
        )
    for source_id in sorted(set(sources) - set(runs)):
        issues.append(HealthIssue(source_id, outlet(source_id), "not polled", "no poll recorded for the day", ""))
    return issues, len(runs), len(failed)


def _report_link(report_path: str | None, briefing_dir: Path) -> str | None:
    """The quality page as a link from the briefing: relative paths already are (quality.REPORT_DIR)."""
    if not report_path:
        return None
    path = Path(report_path)
    if path.is_absolute():
        path = Path(os.path.relpath(path, briefing_dir))
    return path.as_posix()


def _quality(s: Session, day: date, briefing_dir: Path) -> list[QualitySuite]:
    suites = []
    for run in s.scalars(select(QualityRun).where(QualityRun.day == day).order_by(QualityRun.suite)):
        summary = run.summary or {}
        results = summary.get("expectations", [])
        suites.append(
            QualitySuite(
                suite=run.suite,
                success=run.success,
                critical_failures=run.critical_failures,
                warnings=run.warnings,
                passed=sum(bool(result.get("success")) for result in results),
                failed=tuple(result for result in results if not result.get("success")),
                report_link=_report_link(summary.get("report_path"), briefing_dir),
            )
        )
    return suites


def _notice(articles: int, polled: int, failed: int, day: date) -> str | None:
    if polled and failed == polled:
        return (
            f"Every source failed on {long_day(day)} ({failed} of {polled}): no new articles could be "
            "collected. The reasons are under Source health."
        )
    if articles == 0:
        return f"No articles were collected for {long_day(day)}: there is nothing to brief on."
    return None


def build_briefing(
    s: Session, day: date, output_dir: Path, sources: dict[str, Source], topics: list[Topic]
) -> Briefing:
    items = _items(s, day)
    patterns = _topic_patterns(topics)
    stories = _stories(items + _earlier_copies(s, day, items), sources, patterns)
    wire_stories, pickups = _wire_pickup(stories, sources)
    other_languages, more = _other_languages(stories)
    health, polled, failed = _health(s, day, sources)
    briefing_dir = output_dir / "briefings" / day.isoformat()
    articles = [item.article for item in items]
    return Briefing(
        day=day,
        notice=_notice(len(articles), polled, failed, day),
        metrics=_metrics(_history(s, day), day),
        stories=stories,
        wire_stories=wire_stories,
        pickups=pickups,
        chart_pngs=_chart_pngs(articles),
        topics=_topic_trends(s, day, topics, patterns, stories),
        other_languages=other_languages,
        more_in_language=more,
        health=health,
        polls=sorted(day_health(s, day).values(), key=lambda row: row.source_id),
        unrecovered=unrecovered_sources(s, day, sorted(sources)),
        sources_polled=polled,
        sources_failed=failed,
        quality=_quality(s, day, briefing_dir),
        quarantined=[
            (stage, reason, count)
            for stage, reason, count in s.execute(
                select(Quarantine.stage, Quarantine.reason, func.count(Quarantine.id))
                .where(Quarantine.day == day)
                .group_by(Quarantine.stage, Quarantine.reason)
                .order_by(Quarantine.stage, Quarantine.reason)
            )
        ],
        articles=len(articles),
        undated=sum(article.published_at is None for article in articles),
    )


def _chart_pngs(articles: list[ArticleRow]) -> dict[str, bytes]:
    if not articles:
        return {}
    per_hour = [0] * 24
    for article in articles:
        if article.published_at is not None:
            per_hour[article.published_at.astimezone(BRIEFING_ZONE).hour] += 1
    by_language = Counter(
        f"{LANGUAGE_NAMES.get(article.language, article.language)} ({article.language})" for article in articles
    )
    return {
        "by_outlet": charts.horizontal_bars(Counter(article.outlet for article in articles), "Articles by outlet"),
        "by_language": charts.horizontal_bars(by_language, "Articles by language"),
        "by_hour": charts.hourly_volume(per_hour, "Articles by hour of publication (MYT)"),
    }


# ---------------------------------------------------------------- writing it out


def _environment() -> Environment:
    # Autoescape for the HTML page; the Markdown template escapes through the `md` filter instead.
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = markdown_text
    environment.filters["link"] = safe_link
    environment.filters["clock"] = clock
    environment.filters["long_day"] = long_day
    return environment


def render_html(briefing: Briefing) -> str:
    return _environment().get_template("briefing.html").render(b=briefing)


def render_markdown(briefing: Briefing) -> str:
    return _environment().get_template("briefing.md").render(b=briefing)


CSV_COLUMNS = (
    "day",
    "rank",
    "story_id",
    "title",
    "language",
    "outlet",
    "first_published_myt",
    "url",
    "reach",
    "outlets",
    "languages",
    "articles",
    "wire",
    "topics",
    "lead",
)


def render_csv(briefing: Briefing) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for story in briefing.stories:
        writer.writerow(
            (
                briefing.day.isoformat(),
                story.rank,
                story.id,
                story.title,
                story.language,
                story.outlet,
                story.published.isoformat() if story.published else "",
                story.url,
                story.reach,
                "; ".join(story.outlets),
                "; ".join(story.languages),
                len(story.carriers),
                story.wire or "",
                "; ".join(story.topics),
                story.lead,
            )
        )
    return buffer.getvalue()


class _BriefingPDF(FPDF):
    def __init__(self, day: date):
        super().__init__(format="A4")
        self.day = day
        self.set_margins(16, 16, 16)
        self.set_auto_page_break(True, margin=16)
        for family, styles in PDF_FONTS.items():
            for style, path in styles.items():
                if not Path(path).exists():
                    raise FileNotFoundError(
                        f"font for the PDF briefing is missing: {path} "
                        "(apt-get install fonts-dejavu-core fonts-noto-cjk)"
                    )
                self.add_font(
                    family, style, path, collection_font_number=CJK_SIMPLIFIED_FACE if path.endswith(".ttc") else 0
                )
        self.set_fallback_fonts(["CJK"])

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font("Body", "", 7)
        self.set_text_color(120, 130, 140)
        self.cell(0, 5, f"Pantau daily briefing · {long_day(self.day)} · page {self.page_no()}/{{nb}}", align="C")

    def text_block(
        self,
        text: str,
        size: float = 9.5,
        style: str = "",
        color=(31, 41, 51),
        height: float | None = None,
        link: str = "",
    ) -> None:
        self.set_font("Body", style, size)
        self.set_text_color(*color)
        self.multi_cell(0, height or size * 0.5, text, new_x="LMARGIN", new_y="NEXT", link=link)

    def heading(self, text: str) -> None:
        if self.get_y() > self.h - 50:
            self.add_page()
        self.ln(4)
        self.text_block(text, size=13, style="B", color=(11, 110, 153), height=8)
        self.set_draw_color(203, 210, 217)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(2)


SMALL, MUTED = 7.5, (110, 120, 130)


def render_pdf(briefing: Briefing) -> bytes:
    pdf = _BriefingPDF(briefing.day)
    pdf.set_title(briefing.title)
    pdf.set_lang("en")
    # The briefing day at 07:00 MYT, not the clock: the same store gives the same document.
    pdf.set_creation_date(
        datetime.combine(briefing.day + timedelta(days=1), datetime.min.time(), tzinfo=BRIEFING_ZONE).replace(hour=7)
    )
    pdf.add_page()
    pdf.text_block("PANTAU · DAILY BRIEFING", size=8, style="B", color=MUTED)
    pdf.text_block(long_day(briefing.day), size=20, style="B", height=11)
    pdf.text_block("ASEAN and Malaysia's foreign affairs in the news · 00:00-24:00 MYT", size=9, color=MUTED)
    if briefing.notice:
        pdf.ln(3)
        pdf.text_block(briefing.notice, size=11, style="B", color=(180, 83, 9), height=6)
    pdf.heading("Summary")
    for metric in briefing.metrics:
        pdf.text_block(f"{metric.label}: {metric.value}   ({metric.versus_previous}; {metric.versus_average})")
    if briefing.top_stories:
        pdf.heading("Top stories by reach")
    for story in briefing.top_stories:
        pdf.ln(1.5)
        pdf.text_block(f"{story.rank}. {story.title}", size=11, style="B", height=5.5, link=story.url)
        pdf.text_block(
            f"{story.outlet} · {clock(story.published, briefing.day)} · "
            f"{story.reach} outlet{'s' * (story.reach != 1)} · "
            f"{', '.join(story.languages)}",
            size=8.5,
            color=MUTED,
        )
        if story.lead:
            pdf.text_block(story.lead, size=9.5)
        if story.topics:
            pdf.text_block("Topics: " + ", ".join(story.topics), size=8.5, color=(11, 110, 153))
        if len(story.carriers) > 1:
            carried = "; ".join(f"{c.outlet} ({c.language}, {c.delay})" for c in story.carriers)
            pdf.text_block(f"Carried by: {carried}", size=8.5)
            grouped = "; ".join(f"{c.outlet}: {c.grouped_by}" for c in story.carriers[1:])
            pdf.text_block(f"Grouped by: {grouped}", size=SMALL, color=MUTED)
        for version in story.versions:
            pdf.text_block(f"[{version.language}] {version.title} ({', '.join(version.outlets)})", size=9)
    if briefing.wire_stories:
        pdf.heading("Wire pickup")
        for story, pickers in briefing.wire_stories:
            picked = ", ".join(f"{c.outlet} {c.delay}" for c in pickers) or "not picked up"
            pdf.text_block(f"{story.title} ({story.outlet}, {clock(story.published, briefing.day)})", size=9, style="B")
            pdf.text_block(f"Picked up by: {picked}", size=8.5)
        pdf.ln(1)
        pdf.text_block(
            "Pickup rate: " + "; ".join(f"{p.outlet} {p.picked}/{p.of} ({p.rate:.0%})" for p in briefing.pickups),
            size=8.5,
        )
    if briefing.chart_pngs:
        pdf.heading("Coverage")
        for png in briefing.chart_pngs.values():
            pdf.image(io.BytesIO(png), w=pdf.epw * 0.62)
            pdf.ln(2)
    if briefing.topics:
        pdf.heading("Watch list")
        for topic in briefing.topics:
            flag = "  SPIKE" if topic.spike else ""
            pdf.text_block(
                f"{topic.name}: {topic.articles} articles, {topic.stories} stories · "
                f"{TREND_DAYS} days {topic.sparkline} · avg {topic.average:.1f}{flag}",
                style="B" if topic.spike else "",
            )
        pdf.text_block(briefing.spike_rule, size=SMALL, color=MUTED)
    for language, entries in briefing.other_languages.items():
        pdf.heading(f"In {LANGUAGE_NAMES[language]}")
        for story, versions in entries:
            if versions:
                pdf.text_block(f"{story.title} ({story.outlet})", size=8.5, color=MUTED)
                for version in versions:
                    pdf.text_block(f"   {version.title} · {', '.join(version.outlets)}", size=9.5)
            else:
                pdf.text_block(f"{story.title} · {', '.join(story.outlets)}", size=9.5)
        if briefing.more_in_language.get(language):
            pdf.text_block(f"… and {briefing.more_in_language[language]} more in stories.csv", size=SMALL, color=MUTED)
    pdf.heading("Source health")
    pdf.text_block(f"{briefing.sources_polled} sources polled, {briefing.sources_failed} failed.")
    for issue in briefing.health:
        pdf.text_block(
            f"{issue.outlet} ({issue.source}): {issue.problem}, {issue.detail}"
            + (f" · {issue.since}" if issue.since else ""),
            size=8.5,
        )
    for stage, reason, count in briefing.quarantined:
        pdf.text_block(f"Quarantined at {stage}: {reason} × {count}", size=8.5)
    pdf.heading("Data quality")
    if not briefing.quality:
        pdf.text_block("No data-quality run recorded for the day.")
    for suite in briefing.quality:
        verdict = "passed" if suite.success else "FAILED"
        pdf.text_block(
            f"{suite.suite}: {verdict} · {suite.passed} checks passed, {suite.critical_failures} "
            f"critical, {suite.warnings} warnings",
            style="" if suite.success else "B",
        )
        for result in suite.failed:
            pdf.text_block(
                f"   {result.get('severity', '')}: {result.get('expectation', '')} {result.get('detail', '')}", size=8.5
            )
        if suite.report_link:
            pdf.text_block(f"Details: {suite.report_link}", size=SMALL, color=MUTED)
    return bytes(pdf.output())


def run_for_day(
    s: Session,
    day: date,
    output_dir: Path,
    *,
    sources: dict[str, Source] | None = None,
    topics: list[Topic] | None = None,
) -> dict:
    """Write the day's briefing (HTML, Markdown, PDF, CSV) under <output_dir>/briefings/<day>/."""
    output_dir = Path(output_dir)
    briefing = build_briefing(
        s, day, output_dir, registry() if sources is None else sources, load_watchlist() if topics is None else topics
    )
    folder = output_dir / "briefings" / day.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "html": folder / "briefing.html",
        "md": folder / "briefing.md",
        "pdf": folder / "briefing.pdf",
        "csv": folder / "stories.csv",
    }
    paths["html"].write_text(render_html(briefing), encoding="utf-8")
    paths["md"].write_text(render_markdown(briefing), encoding="utf-8")
    paths["pdf"].write_bytes(render_pdf(briefing))
    # With a byte-order mark, spreadsheet programs read the Chinese and Vietnamese titles as UTF-8.
    paths["csv"].write_text(render_csv(briefing), encoding="utf-8-sig")
    return {
        **{kind: str(path) for kind, path in paths.items()},
        "stories": len(briefing.stories),
        "articles": briefing.articles,
    }
