"""The briefing model from the store, for one day: stories with their carriers, ranked for the desk;
the ministry's statements and their pickup; comparisons only where there is history to compare with.

Everything is derived from the store, so the same store contents give the same briefing: no clock is
read, and times are shown in the briefing's time zone (MYT).
"""

from __future__ import annotations

import os
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from pantau.days import BRIEFING_ZONE, day_window
from pantau.health.runs import day_health, unrecovered_sources
from pantau.models import LANGUAGES
from pantau.redact import redacted
from pantau.registry.sources import Source, Topic
from pantau.report import charts, rank
from pantau.report.model import (
    LANGUAGE_NAMES,
    Briefing,
    Carrier,
    HealthIssue,
    Metric,
    Pickup,
    QualitySuite,
    Statement,
    Story,
    TopicTrend,
    Version,
)
from pantau.report.text import clock, long_day, pickup_delay, plural, two_sentence_lead
from pantau.store import ArticleRow, DedupAssignment, QualityRun, Quarantine, RawPage, SourceRun

TOP_STORIES = 10
# Per language in "Other languages": a long day has hundreds of Malay stories; the CSV has them all.
OTHER_LANGUAGE_STORIES = 15
STALE_AFTER_HOURS_DEFAULT = 48  # for sources no longer in the registry


@dataclass(frozen=True)
class _Item:
    article: ArticleRow
    published: datetime | None  # the page's time, else the feed item's
    cluster: str
    story: str
    canonical: bool
    method: str
    grouped_by: str


def _grouped_by(assignment: DedupAssignment | None) -> str:
    if assignment is None:
        return "not deduplicated"
    method = str(getattr(assignment, "method", "") or "unknown")
    if assignment.matched_with is None:
        return method
    return f"{method} {assignment.score:.2f}"


def _item_of(article: ArticleRow, assignment: DedupAssignment | None, listed_at: datetime | None) -> _Item:
    """An article with its dedup assignment; one dedup has not seen stands as its own story."""
    return _Item(
        article=article,
        # A ministry page gives its date only; its feed item carries the time.
        published=article.published_at or listed_at,
        cluster=assignment.cluster if assignment else article.id,
        story=assignment.story if assignment else article.id,
        canonical=bool(assignment and assignment.canonical),
        method=str(getattr(assignment, "method", "") or "").lower() if assignment else "",
        grouped_by=_grouped_by(assignment),
    )


def _select_items(s: Session, *conditions) -> list[_Item]:
    rows = s.execute(
        select(ArticleRow, DedupAssignment, RawPage.listed_at)
        .outerjoin(DedupAssignment, DedupAssignment.article_id == ArticleRow.id)
        .outerjoin(RawPage, RawPage.id == ArticleRow.raw_page_id)
        .where(*conditions)
        .order_by(ArticleRow.id)
    ).all()
    return [_item_of(article, assignment, listed_at) for article, assignment, listed_at in rows]


def _earlier_copies(s: Session, day: date, items: list[_Item]) -> list[_Item]:
    """Copies published before `day` of the stories the day's articles belong to, so that a story
    picked up today from yesterday's wire shows its original and how late the pickup came."""
    story_ids = sorted({item.story for item in items})
    if not story_ids:
        return []
    return _select_items(s, DedupAssignment.story.in_(story_ids), ArticleRow.day < day)


def _time_key(moment: datetime | None) -> tuple[bool, float]:
    """Sorts earliest first, undated last."""
    return (moment is None, moment.timestamp() if moment else 0.0)


def _relation(item: _Item, original: _Item) -> str:
    """How a copy relates to the story's original, in the reader's words; dedup's method names are
    read loosely, since the dedup stage may name them differently over time."""
    if item is original:
        return "original"
    source = original.article.outlet
    if item.article.language != original.article.language:
        return "translation"
    if item.article.outlet == source:
        return "updated version"
    method = item.method
    if any(word in method for word in ("near", "minhash", "exact", "duplicate", "identical")):
        return f"same text as {source}"
    if any(word in method for word in ("contain", "brief", "trim")):
        return "shortened copy"
    if any(word in method for word in ("rewrite", "quote", "fact")):
        return f"rewritten from {source}"
    return f"also reported by {item.article.outlet}" if method == "seed" else "same story"


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


def _local(moment: datetime | None) -> datetime | None:
    return moment.astimezone(BRIEFING_ZONE) if moment else None


def _stories(
    items: list[_Item],
    day: date,
    sources: dict[str, Source],
    matcher: rank.TopicMatcher,
    ranking: rank.Ranking,
    compared: bool,
) -> list[Story]:
    wire_sources = {source_id for source_id, source in sources.items() if source.wire}
    wire_outlets = {source.outlet for source in sources.values() if source.wire}
    by_story: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        by_story[item.story].append(item)
    stories = []
    for story_id, members in by_story.items():
        # Earliest first; at the same minute the wire's own copy is the original.
        members.sort(
            key=lambda item: (
                *_time_key(item.published),
                item.article.source_id not in wire_sources,
                not item.canonical,
                item.article.id,
            )
        )
        original = members[0]
        lead = original.article
        # The headline links the copy dedup chose (the wire's own page, its latest version);
        # the outlet and time are those of the first publication.
        head = next((item.article for item in members if item.canonical and item.cluster == original.cluster), lead)
        carriers = [
            Carrier(
                outlet=item.article.outlet,
                language=item.article.language,
                title=item.article.title,
                url=item.article.url,
                published=_local(item.published),
                delay="original" if item is original else pickup_delay(original.published, item.published),
                relation=_relation(item, original),
                grouped_by=item.grouped_by,
                original=item is original,
            )
            for item in members
        ]
        places: dict[str, str] = {}
        for item in members:
            article = item.article
            found = matcher.where(article.language, article.title, two_sentence_lead(article.body), article.body)
            for topic, place in found.items():
                if topic not in places or rank.PLACE_ORDER[place] < rank.PLACE_ORDER[places[topic]]:
                    places[topic] = place
        # A wire story is one the wire wrote: its first publication is the wire's or credits it. A
        # ministry release that Bernama then reports is the ministry's, not a Bernama story left unpicked.
        wire = lead.wire
        outlets = list(dict.fromkeys(carrier.outlet for carrier in carriers))
        first_seen = min(item.article.day for item in members)
        official = any(item.article.source_id in ranking.official.sources for item in members)
        routine = rank.is_routine(head.title, ranking.routine) or rank.is_routine(lead.title, ranking.routine)
        story_score = rank.score(
            outlets=len(outlets),
            languages=len({carrier.language for carrier in carriers}),
            wire_pickups=len(set(outlets) - wire_outlets) if wire else 0,
            topic_places=places,
            official=official,
            new=compared and first_seen >= day,
            routine=routine,
            ranking=ranking,
        )
        stories.append(
            Story(
                id=story_id,
                title=head.title,
                url=head.url,
                outlet=lead.outlet,
                language=lead.language,
                published=carriers[0].published,
                lead=two_sentence_lead(head.body),
                topics=sorted(places, key=lambda topic: (rank.PLACE_ORDER[places[topic]], topic)),
                carriers=carriers,
                versions=_versions(members, lead.language),
                wire=wire,
                new=first_seen >= day,
                first_seen=first_seen,
                compared=compared,
                routine=routine,
                official=official,
                score=story_score,
            )
        )
    # Template reports go after every other story whatever their reach (the penalty alone would leave a
    # widely carried market report above a one-outlet story): grouped at the end, as the page lists them.
    stories.sort(
        key=lambda story: (
            story.routine,
            -story.score.total,
            -story.reach,
            -len(story.carriers),
            *_time_key(story.published),
            story.id,
        )
    )
    for position, story in enumerate(stories, start=1):
        story.rank = position
    return stories


def _statements(items: list[_Item], stories: list[Story], day: date, ranking: rank.Ranking) -> list[Statement]:
    """Every release of the day from the ministry's own sources, with the other outlets that carried its story."""
    by_id = {story.id: story for story in stories}
    statements = []
    for item in items:
        article = item.article
        if article.source_id not in ranking.statements_sources or article.day != day:
            continue
        story = by_id[item.story]
        others = sorted(
            (carrier for carrier in story.carriers if carrier.outlet != article.outlet),
            key=lambda carrier: _time_key(carrier.published),
        )
        released = _local(item.published)
        carriers = tuple(
            Carrier(
                outlet=carrier.outlet,
                language=carrier.language,
                title=carrier.title,
                url=carrier.url,
                published=carrier.published,
                delay=pickup_delay(released, carrier.published),
                relation=carrier.relation,
                grouped_by=carrier.grouped_by,
                original=False,
            )
            for carrier in others
        )
        statements.append(Statement(article.title, article.url, article.language, released, carriers, story))
    statements.sort(key=lambda statement: (*_time_key(statement.published), statement.title))
    return statements


# ---------------------------------------------------------------- comparisons with earlier days


def _collected_days(s: Session, first: date, last: date) -> set[date]:
    """Days in [first, last] with anything collected: a day the system did not run is no evidence of zero."""
    articles = s.scalars(select(ArticleRow.day).distinct().where(ArticleRow.day.between(first, last)))
    runs = s.scalars(select(SourceRun.day).distinct().where(SourceRun.day.between(first, last)))
    return set(articles) | set(runs)


def _history(s: Session, day: date, window: int) -> dict[date, tuple[int, ...]]:
    """Articles, stories, outlets and languages per day, for the day and the window before it."""
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
        .where(ArticleRow.day.between(day - timedelta(days=window), day))
        .group_by(ArticleRow.day)
    ).all()
    return {row[0]: tuple(row[1:]) for row in rows}


def _metrics(
    history: dict[date, tuple[int, ...]], collected: set[date], day: date, comparisons: rank.Comparisons
) -> list[Metric]:
    window = comparisons.history_days
    baseline_days = [
        day - timedelta(days=offset) for offset in range(1, window + 1) if day - timedelta(days=offset) in collected
    ]
    has_baseline = len(baseline_days) >= comparisons.min_baseline_days
    yesterday = day - timedelta(days=1)
    metrics = []
    for position, label in enumerate(("Articles", "Unique stories", "Outlets", "Languages")):
        past = [history.get(other, (0, 0, 0, 0))[position] for other in baseline_days]
        metrics.append(
            Metric(
                label=label,
                value=history.get(day, (0, 0, 0, 0))[position],
                previous=history.get(yesterday, (0, 0, 0, 0))[position] if yesterday in collected else None,
                usual=statistics.median(past) if has_baseline else None,
                baseline_days=len(baseline_days),
                window_days=window,
            )
        )
    return metrics


def is_spike(today: int, past: list[int], spike: rank.Spike) -> bool:
    """Today against a robust baseline: the median and the scaled median absolute deviation (MAD) of the
    past days, so one busy day in the window neither hides a spike nor makes one of a normal day."""
    if today < spike.min_articles or not past:
        return False
    median = statistics.median(past)
    spread = max(1.4826 * statistics.median(abs(count - median) for count in past), spike.min_spread)
    return today > median + spike.spread_multiple * spread


def spike_rule(comparisons: rank.Comparisons) -> str:
    spike = comparisons.spike
    return (
        f"A topic is flagged when it has at least {spike.min_articles} articles and exceeds its median of the "
        f"previous {comparisons.history_days} days by more than {spike.spread_multiple:g} times its usual "
        f"variation; with fewer than {comparisons.min_baseline_days} collected days there is no baseline yet "
        "and nothing is flagged."
    )


def _topic_trends(
    s: Session,
    day: date,
    topics: list[Topic],
    matcher: rank.TopicMatcher,
    stories: list[Story],
    collected: set[date],
    comparisons: rank.Comparisons,
) -> list[TopicTrend]:
    window = comparisons.history_days
    first = day - timedelta(days=window)
    counts: dict[str, Counter] = {topic.name: Counter() for topic in topics}
    rows = s.execute(
        select(ArticleRow.day, ArticleRow.language, ArticleRow.title, ArticleRow.body).where(
            ArticleRow.day.between(first, day)
        )
    )
    for article_day, language, title, body in rows:
        for name in matcher.where(language, title, two_sentence_lead(body), body):
            counts[name][article_day] += 1
    baseline_days = [
        first + timedelta(days=offset) for offset in range(window) if first + timedelta(days=offset) in collected
    ]
    has_baseline = len(baseline_days) >= comparisons.min_baseline_days
    trends = []
    for topic in topics:
        shown = [first + timedelta(days=offset) for offset in range(1, window + 1)]
        today = counts[topic.name][day]
        past = [counts[topic.name][other] for other in baseline_days]
        trends.append(
            TopicTrend(
                id=topic.id,
                name=topic.name,
                articles=today,
                stories=sum(topic.name in story.topics for story in stories),
                trend=tuple(
                    counts[topic.name][other] if other in collected or other == day else None for other in shown
                ),
                usual=statistics.median(past) if has_baseline else None,
                spike=has_baseline and is_spike(today, past, comparisons.spike),
            )
        )
    trends.sort(key=lambda trend: (not trend.spike, -trend.articles, trend.name))
    return trends


# ---------------------------------------------------------------- wire, languages, health, quality


def _wire_pickup(stories: list[Story], sources: dict[str, Source]) -> tuple[list, list[Pickup]]:
    wire_outlets = {source.outlet for source in sources.values() if source.wire}
    wire_stories = [story for story in stories if story.wire and not story.routine]
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
        entries: list = []
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


def _streak_start(days_desc: list[date], day: date) -> date:
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

    def outlet(source_id: str) -> str:
        return sources[source_id].outlet if source_id in sources else source_id

    issues = []
    failed = sorted(source_id for source_id, run in runs.items() if run.status == "failed")
    for source_id in failed:
        failed_days = s.scalars(
            select(SourceRun.day)
            .where(SourceRun.source_id == source_id, SourceRun.day < day, SourceRun.status == "failed")
            .order_by(SourceRun.day.desc())
        ).all()
        run = runs[source_id]
        detail = (run.reason or "failed") + (f": {redacted(run.error).splitlines()[0][:160]}" if run.error else "")
        issues.append(
            HealthIssue(
                source_id,
                outlet(source_id),
                "failed",
                detail,
                f"since {long_day(_streak_start(list(failed_days), day))}",
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
    for fallback_source, count in fallbacks:
        history = s.scalars(
            select(ArticleRow.day)
            .distinct()
            .where(
                ArticleRow.source_id == fallback_source,
                ArticleRow.day < day,
                ArticleRow.method.like("generic-fallback%"),
            )
            .order_by(ArticleRow.day.desc())
        ).all()
        issues.append(
            HealthIssue(
                fallback_source or "?",
                outlet(fallback_source or "?"),
                "generic fallback",
                f"{plural(count, 'article')} read without its extraction profile",
                f"since {long_day(_streak_start(list(history), day))}",
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


def _summary(notice: str | None, top: list[Story], statements: list[Statement], topics: list[TopicTrend]) -> list[str]:
    """Two or three sentences from the day's data: what led, whether our statements were carried, what spiked."""
    if notice:
        return [notice]
    sentences = []
    lead = top[0]
    reach = (
        f", carried by {plural(lead.reach, 'outlet')} in {plural(len(lead.languages), 'language')}"
        if lead.reach > 1
        else ""
    )
    sentences.append(f"The day's leading story: “{lead.title}” ({lead.outlet}){reach}.")
    if statements:
        carried = [statement for statement in statements if statement.carriers]
        fastest = min(
            (statement for statement in carried),
            key=lambda statement: _time_key(statement.carriers[0].published),
            default=None,
        )
        detail = (
            f"; the first pickup was {fastest.carriers[0].outlet}, {fastest.first_pickup} after release"
            if fastest and fastest.first_pickup not in (None, "time unknown")
            else ""
        )
        missing = len(statements) - len(carried)
        if len(statements) == 1:
            sentences.append(
                f"The ministry's statement was carried by {plural(len(carried[0].outlets), 'outlet')}{detail}."
                if carried
                else "The ministry's statement has not been carried by other outlets yet."
            )
        elif not carried:
            sentences.append(
                f"None of the ministry's {len(statements)} statements has been carried by other outlets yet."
            )
        else:
            sentences.append(
                f"The ministry issued {plural(len(statements), 'statement')}: {len(carried)} carried by other outlets"
                + (f", {missing} not yet carried" if missing else "")
                + f"{detail}."
            )
    spikes = [topic for topic in topics if topic.spike]
    if spikes:
        names = ", ".join(f"{topic.name} ({topic.articles} articles, usually {topic.usual:g})" for topic in spikes[:2])
        sentences.append(f"Coverage jumped for {names}.")
    elif len(top) > 1:
        sentences.append("Also high on the list: " + " and ".join(f"“{story.title}”" for story in top[1:3]) + ".")
    return sentences[:3]


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


def build_briefing(
    s: Session,
    day: date,
    output_dir: Path,
    sources: dict[str, Source],
    topics: list[Topic],
    settings: rank.BriefingSettings | None = None,
) -> Briefing:
    settings = settings or rank.settings()
    ranking, comparisons = settings.ranking, settings.comparisons
    matcher = rank.TopicMatcher(topics, ranking.watchlist)
    window = comparisons.history_days
    collected = _collected_days(s, day - timedelta(days=window), day - timedelta(days=1))
    items = _select_items(s, ArticleRow.day == day)
    stories = _stories(items + _earlier_copies(s, day, items), day, sources, matcher, ranking, bool(collected))
    top = [story for story in stories if not story.routine][:TOP_STORIES]
    statements = _statements(items, stories, day, ranking)
    wire_stories, pickups = _wire_pickup(stories, sources)
    other_languages, more = _other_languages(stories)
    health, polled, failed = _health(s, day, sources)
    trends = _topic_trends(s, day, topics, matcher, stories, collected, comparisons)
    articles = [item.article for item in items]
    notice = _notice(len(articles), polled, failed, day)
    return Briefing(
        day=day,
        notice=notice,
        summary=_summary(notice, top, statements, trends),
        metrics=_metrics(_history(s, day, window), collected, day, comparisons),
        stories=stories,
        top_stories=top,
        routine=[story for story in stories if story.routine],
        statements=statements,
        wire_stories=wire_stories,
        pickups=pickups,
        chart_pngs=_chart_pngs(articles),
        topics=trends,
        other_languages=other_languages,
        more_in_language=more,
        health=health,
        polls=sorted(day_health(s, day).values(), key=lambda row: row.source_id),
        unrecovered=unrecovered_sources(s, day, sorted(sources)),
        sources_polled=polled,
        sources_failed=failed,
        quality=_quality(s, day, output_dir / "briefings" / day.isoformat()),
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
        has_baseline=len(collected) >= comparisons.min_baseline_days,
        spike_rule=spike_rule(comparisons),
        undated=sum(article.published_at is None for article in articles),
    )
