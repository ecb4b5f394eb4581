"""The quality stage: Great Expectations over every stage's output for one briefing day.

Each batch is a pandas frame built from the store (the day's source runs, raw pages, articles,
dedup clusters, per-source volumes); the suites in include/expectations/ say what must hold.
A failed critical expectation stops the briefing (`QualityFailed`); a failed warning is only
reported. Offending rows are quarantined, results saved as JSON and rendered as HTML.
"""

from __future__ import annotations

import json
import logging
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import cast

import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from pantau import config
from pantau.config import ConfigError
from pantau.days import day_window
from pantau.files import write_atomically
from pantau.quality.expectations import ArticleSettings, SuiteSpec, VolumeSettings, load_suites
from pantau.redact import redacted
from pantau.registry.sources import Source
from pantau.store import ArticleRow, DedupAssignment, QualityRun, Quarantine, RawPage, SourceRun, quarantine

log = logging.getLogger("pantau.quality.stage")
STAGE = "quality"
REPORT_DIR = "quality"  # under output/briefings/<day>/; the briefing links to it relatively
MESSAGE_KEYS = 5  # offending rows named in the failure message
SUMMARY_KEYS = 20  # offending rows kept per expectation in the summary and the report


class QualityFailed(Exception):
    """A critical expectation failed; the message names each one and its first offending rows."""


@dataclass(frozen=True)
class RunInputs:
    """What the batches are built from besides the store."""

    day: date
    now: datetime
    sources: dict[str, Source]
    articles: ArticleSettings
    volume: VolumeSettings


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _source_runs(s: Session, run: RunInputs) -> list[dict]:
    """One row per source that should have been polled, with its run's status (None: never attempted)."""
    status = dict(s.execute(select(SourceRun.source_id, SourceRun.status).where(SourceRun.day == run.day)).all())
    return [{"source_id": source_id, "run_status": status.get(source_id)} for source_id in run.sources]


def _raw_pages(s: Session, run: RunInputs) -> list[dict]:
    query = select(RawPage.url, RawPage.status, RawPage.size).where(RawPage.batch_day == run.day)
    return [row._asdict() for row in s.execute(query)]


def _articles(s: Session, run: RunInputs) -> list[dict]:
    query = select(
        ArticleRow.url,
        ArticleRow.source_id,
        ArticleRow.outlet,
        ArticleRow.title,
        ArticleRow.published_at,
        ArticleRow.language,
        func.length(ArticleRow.body).label("body_length"),
    ).where(ArticleRow.day == run.day)
    rows = []
    for row in s.execute(query):
        source = run.sources.get(row.source_id)
        rows.append(
            {
                **row._asdict(),
                "title_folded": _fold(row.title),
                # Aggregators carry every language, so only single-language outlets have one to match.
                "source_language": source.language if source and not source.aggregator else None,
                "gives_time": row.source_id not in run.articles.sources_without_time,
            }
        )
    return rows


def _parse_outcomes(s: Session, run: RunInputs) -> list[dict]:
    """Every article page of the day's polls: parsed into an article, or quarantined by the extractor."""
    parsed = s.scalars(select(ArticleRow.url).where(ArticleRow.batch_day == run.day))
    rejected = s.scalars(select(Quarantine.item).where(Quarantine.stage == "parse", Quarantine.day == run.day))
    return [{"url": url, "outcome": "parsed"} for url in parsed] + [
        {"url": url, "outcome": "quarantined"} for url in rejected
    ]


def _dedup_articles(s: Session, run: RunInputs) -> list[dict]:
    query = (
        select(ArticleRow.url, func.count(DedupAssignment.article_id).label("assignments"))
        .outerjoin(DedupAssignment, DedupAssignment.article_id == ArticleRow.id)
        .where(ArticleRow.day == run.day)
        .group_by(ArticleRow.id, ArticleRow.url)
    )
    return [row._asdict() for row in s.execute(query)]


def _clusters(s: Session, run: RunInputs) -> list[dict]:
    """The clusters the day's articles joined, over all their members (earlier days' included)."""
    days_articles = select(ArticleRow.id).where(ArticleRow.day == run.day)
    touched = select(DedupAssignment.cluster).where(DedupAssignment.article_id.in_(days_articles))
    members = s.execute(
        select(DedupAssignment.cluster, DedupAssignment.canonical, ArticleRow.published_at)
        .outerjoin(ArticleRow, ArticleRow.id == DedupAssignment.article_id)
        .where(DedupAssignment.cluster.in_(touched))
    )
    clusters: dict[str, dict] = {}
    for cluster, canonical, published in members:
        entry = clusters.setdefault(cluster, {"cluster": cluster, "size": 0, "canonicals": 0, "published": []})
        entry["size"] += 1
        entry["canonicals"] += bool(canonical)
        if published is not None:
            entry["published"].append(published)
    for entry in clusters.values():
        published = entry.pop("published")
        entry["span_hours"] = (max(published) - min(published)) / timedelta(hours=1) if published else None
    return list(clusters.values())


def _volume(s: Session, run: RunInputs) -> list[dict]:
    """Per source: articles from today's poll against the trailing history of polled days."""
    settings = run.volume
    first = run.day - timedelta(days=settings.history_days)
    polled: dict[str, set[date]] = {}
    for source_id, day in s.execute(
        select(SourceRun.source_id, SourceRun.day).where(SourceRun.day >= first, SourceRun.day < run.day)
    ):
        polled.setdefault(source_id, set()).add(day)
    counts = dict(
        ((source_id, day), count)
        for source_id, day, count in s.execute(
            select(ArticleRow.source_id, ArticleRow.batch_day, func.count())
            .where(ArticleRow.batch_day >= first, ArticleRow.batch_day <= run.day)
            .group_by(ArticleRow.source_id, ArticleRow.batch_day)
        )
    )
    rows = []
    for source_id in run.sources:
        history = [counts.get((source_id, day), 0) for day in sorted(polled.get(source_id, ()))]
        median = statistics.median(history) if history else 0.0  # an empty history is never judged
        # A band only where there is enough history and enough articles for a ratio to mean something.
        judged = len(history) >= settings.min_history_days and median >= settings.min_median
        rows.append(
            {
                "source_id": source_id,
                "today": counts.get((source_id, run.day), 0),
                "band_low": median * settings.low_factor if judged else None,
                "band_high": median * settings.high_factor if judged else None,
            }
        )
    return rows


@dataclass(frozen=True)
class Batch:
    build: Callable[[Session, RunInputs], list[dict]]
    columns: tuple[str, ...]
    key: str  # the column that names an offending row in messages and in quarantine
    quarantined: bool = True  # False where the offending rows are already another stage's quarantine


BATCHES = {
    "source_runs": Batch(_source_runs, ("source_id", "run_status"), key="source_id"),
    "raw_pages": Batch(_raw_pages, ("url", "status", "size"), key="url"),
    "articles": Batch(
        _articles,
        (
            "url",
            "source_id",
            "outlet",
            "title",
            "title_folded",
            "published_at",
            "language",
            "body_length",
            "source_language",
            "gives_time",
        ),
        key="url",
    ),
    "parse_outcomes": Batch(_parse_outcomes, ("url", "outcome"), key="url", quarantined=False),
    "dedup_articles": Batch(_dedup_articles, ("url", "assignments"), key="url"),
    "clusters": Batch(_clusters, ("cluster", "size", "canonicals", "span_hours"), key="cluster"),
    "volume": Batch(_volume, ("source_id", "today", "band_low", "band_high"), key="source_id"),
}

RUN_PARAMETERS = frozenset(
    {
        "earliest_published",
        "latest_published",
        "latest_possible",
        "registry_source_ids",
        "registry_outlets",
        "registry_outlets_folded",
    }
)


def run_parameters(run: RunInputs) -> dict:
    """The values suites refer to as {$PARAMETER: name}, known only for this day and registry."""
    start, end = day_window(run.day)
    tolerance = timedelta(hours=run.articles.published_tolerance_hours)
    return {
        "earliest_published": start - tolerance,
        "latest_published": end + tolerance,
        "latest_possible": run.now + timedelta(minutes=run.articles.clock_skew_minutes),
        "registry_source_ids": sorted(run.sources),
        "registry_outlets": sorted({source.outlet for source in run.sources.values()}),
        "registry_outlets_folded": sorted({_fold(source.outlet) for source in run.sources.values()}),
    }


def quality_suites() -> list[SuiteSpec]:
    """The suites from include/expectations/, checked against the batches and parameters above."""
    return load_suites({name: set(batch.columns) for name, batch in BATCHES.items()}, set(RUN_PARAMETERS))


def frame(s: Session, name: str, run: RunInputs) -> pd.DataFrame:
    batch = BATCHES[name]
    built = pd.DataFrame(batch.build(s, run), columns=list(batch.columns))
    if "published_at" in built:
        built["published_at"] = pd.to_datetime(built["published_at"], utc=True)
    return built


@dataclass(frozen=True)
class Outcome:
    """One expectation's verdict on one day."""

    suite: str
    expectation: str
    severity: str
    success: bool
    detail: str
    unexpected: tuple[str, ...]  # keys of the offending rows, all of them
    quarantined: bool

    @property
    def qualified_name(self) -> str:
        return f"{self.suite}.{self.expectation}"

    def summary(self) -> dict:
        return {
            "suite": self.suite,
            "expectation": self.expectation,
            "severity": self.severity,
            "success": self.success,
            "detail": self.detail,
            "unexpected": list(self.unexpected[:SUMMARY_KEYS]),
        }


@lru_cache(maxsize=1)
def validation_context() -> tuple[object, dict]:
    """One ephemeral GX context per process, with a whole-dataframe batch definition per batch."""
    # GX logs hundreds of info lines on import (its docs decorators); Airflow would show them all.
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    datasource = context.data_sources.add_pandas("pantau")
    definitions = {
        name: datasource.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name) for name in BATCHES
    }
    return gx, definitions


def _gx_suite(gx, suite: SuiteSpec, batch: str):
    expectations = []
    for spec in suite.expectations:
        if spec.batch != batch:
            continue
        expectation_class = getattr(gx.expectations, spec.gx_class_name, None)
        if expectation_class is None:
            raise ConfigError(f"{suite.path}: expectation {spec.name!r}: GX has no expectation {spec.type!r}")
        arguments = {**spec.kwargs, "severity": spec.severity, "meta": {"name": spec.name}}
        if spec.column:
            arguments["column"] = spec.column
        try:
            expectations.append(expectation_class(**arguments))
        except (ValueError, TypeError) as exc:  # GX's pydantic errors are ValueErrors
            reason = " ".join(str(exc).split())
            raise ConfigError(f"{suite.path}: expectation {spec.name!r}: {reason}") from None
    return gx.ExpectationSuite(name=f"{suite.suite}.{batch}", expectations=expectations)


def _exception_message(exception_info: dict) -> str | None:
    """GX reports an exception either directly or per metric that failed to compute."""
    if exception_info.get("raised_exception"):
        return exception_info.get("exception_message")
    for info in exception_info.values():
        if isinstance(info, dict) and info.get("raised_exception"):
            return info.get("exception_message")
    return None


def _detail(result: dict, kwargs: dict, error: str | None) -> str:
    if error:
        return f"could not run: {error}"
    if "unexpected_count" not in result:
        return f"observed {result.get('observed_value')!r}"
    if not result.get("element_count"):
        return "no rows"
    detail = f"{result['unexpected_count']} of {result['element_count']} rows unexpected"
    mostly = kwargs.get("mostly", 1.0)
    return detail + (f" ({(1 - mostly):.0%} allowed)" if mostly < 1 else "")


def _offending_keys(result: dict, key: str) -> tuple[str, ...]:
    """The key of every offending row, once each, in the batch's order."""
    keys: list[str] = []
    # Without unexpected values GX lists all keys under one entry; with them, one entry per row.
    for entry in result.get("unexpected_index_list") or ():
        value = entry[key]
        keys.extend(map(str, value) if isinstance(value, list) else [str(value)])
    return tuple(dict.fromkeys(keys))


@dataclass(frozen=True)
class DayCheck:
    outcomes: list[Outcome]
    validations: dict[str, dict]  # GX's validation result per "<suite>.<batch>", as JSON


def check_day(
    s: Session, day: date, *, sources: dict[str, Source], now: datetime, suites: list[SuiteSpec] | None = None
) -> DayCheck:
    """Validate the day's batches against the suites; writes nothing."""
    if now.tzinfo is None:
        raise ValueError("now must be tz-aware")
    suites = suites or quality_suites()
    by_name = {suite.suite: suite for suite in suites}
    run = RunInputs(
        day,
        now,
        sources,
        cast(ArticleSettings, by_name["articles"].typed_settings),
        cast(VolumeSettings, by_name["volume"].typed_settings),
    )
    parameters = run_parameters(run)
    gx, definitions = validation_context()
    frames: dict[str, pd.DataFrame] = {}
    outcomes: list[Outcome] = []
    validations: dict[str, dict] = {}
    for suite in suites:
        specs = {spec.name: spec for spec in suite.expectations}
        verdicts: dict[str, Outcome] = {}
        for batch_name in dict.fromkeys(spec.batch for spec in suite.expectations):
            batch = BATCHES[batch_name]
            if batch_name not in frames:
                frames[batch_name] = frame(s, batch_name, run)
            result = (
                definitions[batch_name]
                .get_batch(batch_parameters={"dataframe": frames[batch_name]})
                .validate(
                    _gx_suite(gx, suite, batch_name),
                    result_format={
                        "result_format": "COMPLETE",
                        "unexpected_index_column_names": [batch.key],
                        "exclude_unexpected_values": True,
                        "return_unexpected_index_query": False,
                    },
                    expectation_parameters=parameters,
                )
            )
            validations[f"{suite.suite}.{batch_name}"] = result.to_json_dict()
            for verdict in result.results:
                spec = specs[verdict.expectation_config.meta["name"]]
                error = _exception_message(verdict.exception_info)
                verdicts[spec.name] = Outcome(
                    suite=suite.suite,
                    expectation=spec.name,
                    severity=spec.severity,
                    success=bool(verdict.success) and not error,
                    detail=_detail(verdict.result, spec.kwargs, error),
                    unexpected=_offending_keys(verdict.result, batch.key),
                    quarantined=batch.quarantined,
                )
        outcomes.extend(verdicts[name] for name in specs)
    return DayCheck(outcomes, validations)


def _failure_message(failed: list[Outcome]) -> str:
    parts = []
    for outcome in failed:
        keys = outcome.unexpected
        if keys:
            shown = ", ".join(keys[:MESSAGE_KEYS]) + (f", ... {len(keys)} in all" if len(keys) > MESSAGE_KEYS else "")
            parts.append(f"{outcome.qualified_name} (rows: {shown})")
        else:
            parts.append(f"{outcome.qualified_name} ({outcome.detail})")
    return redacted("critical expectation(s) failed: " + "; ".join(parts))


def report_dir(output_dir: Path, day: date) -> Path:
    return output_dir / "briefings" / day.isoformat() / REPORT_DIR


def _suite_summaries(suites: list[SuiteSpec], outcomes: list[Outcome]) -> list[dict]:
    summaries = []
    for suite in suites:
        own = [outcome for outcome in outcomes if outcome.suite == suite.suite]
        critical = sum(not o.success and o.severity == "critical" for o in own)
        summaries.append(
            {
                "suite": suite.suite,
                "success": critical == 0,
                "critical_failures": critical,
                "warnings": sum(not o.success and o.severity == "warning" for o in own),
                "expectations": [o.summary() for o in own],
            }
        )
    return summaries


def write_report(output_dir: Path, day: date, now: datetime, summaries: list[dict], validations: dict) -> Path:
    """results.json (our summary and GX's full results) and index.html beside it; returns the HTML path."""
    directory = report_dir(output_dir, day)
    directory.mkdir(parents=True, exist_ok=True)
    summaries, validations = redacted(summaries), redacted(validations)  # offending rows quote URLs
    document = {"day": day.isoformat(), "checked_at": now.isoformat(), "suites": summaries, "validations": validations}
    write_atomically(directory / "results.json", json.dumps(document, indent=1, default=str))
    environment = Environment(
        loader=FileSystemLoader(config.INCLUDE_DIR / "templates"), autoescape=select_autoescape(default=True)
    )
    html = environment.get_template("quality.html.j2").render(day=day, checked_at=now, suites=summaries)
    path = directory / "index.html"
    write_atomically(path, html)
    return path


def _record(s: Session, day: date, outcomes: list[Outcome], summaries: list[dict]) -> None:
    """The QualityRun row per suite, and failed expectations' offending rows in quarantine.

    The stage's earlier quarantine rows for the day are replaced, as every stage's rows are on a rerun.
    """
    for summary in summaries:
        s.merge(
            QualityRun(
                day=day,
                suite=summary["suite"],
                success=summary["success"],
                critical_failures=summary["critical_failures"],
                warnings=summary["warnings"],
                summary={"expectations": summary["expectations"], "report_path": f"{REPORT_DIR}/index.html"},
            )
        )
    s.execute(delete(Quarantine).where(Quarantine.stage == STAGE, Quarantine.day == day))
    for outcome in outcomes:
        # A passing expectation's few offending rows are within what it tolerates (`mostly`).
        if outcome.success or not outcome.quarantined:
            continue
        for key in outcome.unexpected:
            quarantine(s, STAGE, day, key, outcome.qualified_name, f"{outcome.severity}: {outcome.detail}")


def run_for_day(
    s: Session, day: date, output_dir: Path, *, sources: dict[str, Source], now: datetime | None = None
) -> dict:
    """Check the day; write the report, QualityRun rows and quarantine, then fail if a critical check did.

    Commits before raising `QualityFailed`, so the record of the failure survives the caller's rollback.
    """
    now = now or datetime.now(timezone.utc)
    suites = quality_suites()
    checked = check_day(s, day, sources=sources, now=now, suites=suites)
    summaries = _suite_summaries(suites, checked.outcomes)
    report = write_report(output_dir, day, now, summaries, checked.validations)
    _record(s, day, checked.outcomes, summaries)
    s.commit()
    critical = [o for o in checked.outcomes if not o.success and o.severity == "critical"]
    warnings = [o for o in checked.outcomes if not o.success and o.severity == "warning"]
    for outcome in warnings:
        log.warning("quality warning %s: %s", outcome.qualified_name, outcome.detail)
    if critical:
        raise QualityFailed(_failure_message(critical))
    log.info("quality: %d suites passed, %d warnings; report %s", len(suites), len(warnings), report)
    return {"suites": len(suites), "failed_critical": 0, "warnings": len(warnings), "report": str(report)}
