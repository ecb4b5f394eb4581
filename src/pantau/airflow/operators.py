"""The DAGs' stages. Each reads its inputs from the store and writes its outputs there."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from airflow.sdk import BaseOperator, TriggerRule

from pantau import config, store
from pantau.airflow.links import BriefingLink
from pantau.airflow.schedule import POLL_TICK, interval_day
from pantau.registry.sources import registry


class PollSourceOperator(BaseOperator):
    """Fetch one source's feed and new article pages into the store, and parse them (mapped: one
    task per source). In the briefing DAG the pages are filed under the run's day (its final
    sweep, or a backfill's replay); with `live=True` (the polling DAG) under the day of the poll."""

    template_fields = ("source_id",)
    ui_color = "#d8e8f8"

    def __init__(self, *, source_id: str, live: bool = False, **kwargs):
        kwargs.setdefault("map_index_template", "{{ task.source_id }}")
        super().__init__(**kwargs)
        self.source_id = source_id
        self.live = live

    def execute(self, context) -> dict:
        from airflow.sdk.exceptions import AirflowFailException

        from pantau.days import briefing_day_of
        from pantau.ingest.poll import poll_source

        source = registry().get(self.source_id)
        if source is None:  # the registry changed under a running DAG: retrying cannot help
            raise AirflowFailException(f"source {self.source_id!r} is not in {config.sources_file()}")
        now = datetime.now(timezone.utc)
        day = briefing_day_of(now) if self.live else interval_day(context)
        # The poll keeps its own log's address: a source alert links it, whichever callback sends it.
        return poll_source(source, day, now=now, log_url=getattr(context.get("ti"), "log_url", None))


def due_source_ids(pool: str) -> list[str]:
    """The ids of one outlet pool's sources that are due now; an empty list starts no poll at all."""
    from pantau.ingest.cadence import due_sources

    sources = [source for source in registry().values() if source.pool == pool]
    with store.session() as s:
        return [source.id for source in due_sources(s, sources, datetime.now(timezone.utc), early=POLL_TICK / 2)]


# The scheduled run parses its day about seven hours after the day ends; later, it is a rebuild.
PAST_PARSE_AFTER = timedelta(days=1)


class ParseOperator(BaseOperator):
    """Extract articles from the interval's stored pages; runs on whatever the sources brought."""

    ui_color = "#e0f0d8"

    def __init__(self, **kwargs):
        kwargs.setdefault("trigger_rule", TriggerRule.ALL_DONE)
        super().__init__(**kwargs)

    def execute(self, context) -> dict:
        from pantau.days import day_window
        from pantau.extract.parse import run_for_day

        day = interval_day(context)
        # The polls parsed what they fetched: the day's own run parses only what they left. A
        # past day (a backfill, a rerun) or an operator's `reparse` re-reads every page around it.
        past = datetime.now(timezone.utc) - day_window(day)[1] > PAST_PARSE_AFTER
        reparse = past or bool((context.get("params") or {}).get("reparse"))
        with store.session() as s:
            return run_for_day(s, day, registry(), pending_only=not reparse)


class DedupOperator(BaseOperator):
    ui_color = "#f8f0d0"

    def execute(self, context) -> dict:
        from pantau.dedup.stage import run_for_day

        with store.session() as s:
            return run_for_day(s, interval_day(context))


class QualityOperator(BaseOperator):
    """Great Expectations over the interval's batches; a failed critical expectation fails the task."""

    ui_color = "#f8e0e0"

    def execute(self, context) -> dict:
        from airflow.sdk.exceptions import AirflowFailException

        from pantau.quality.stage import QualityFailed, run_for_day

        try:
            with store.session() as s:
                return run_for_day(s, interval_day(context), config.output_dir(), sources=registry())
        except QualityFailed as exc:
            # The same data would fail the same checks again: no retries, stop the briefing now.
            raise AirflowFailException(str(exc)) from exc


class BriefingOperator(BaseOperator):
    ui_color = "#e8d8f8"
    operator_extra_links = (BriefingLink(),)

    def execute(self, context) -> dict:
        from pantau.airflow.delivery import base_url, deliver_briefing
        from pantau.report.briefing import run_for_day

        day = interval_day(context)
        with store.session() as s:
            outputs = run_for_day(s, day, config.output_dir(), base_url=base_url())
        outputs["emailed"] = deliver_briefing(outputs, day)
        return outputs
