"""The daily DAG's stages. Each reads its interval's inputs from the store and writes its outputs there."""

from __future__ import annotations

from airflow.sdk import BaseOperator, TriggerRule

from pantau import config, store
from pantau.airflow.schedule import interval_day
from pantau.registry.sources import registry


class PollSourceOperator(BaseOperator):
    """Fetch one source's feed and new article pages into the store (mapped: one task per source)."""

    template_fields = ("source_id",)
    ui_color = "#d8e8f8"

    def __init__(self, *, source_id: str, **kwargs):
        super().__init__(**kwargs)
        self.source_id = source_id

    def execute(self, context) -> dict:
        from airflow.sdk.exceptions import AirflowFailException

        from pantau.ingest.poll import poll_source

        source = registry().get(self.source_id)
        if source is None:  # the registry changed under a running DAG: retrying cannot help
            raise AirflowFailException(f"source {self.source_id!r} is not in {config.sources_file()}")
        return poll_source(source, interval_day(context))


class ParseOperator(BaseOperator):
    """Extract articles from the interval's stored pages; runs on whatever the sources brought."""

    ui_color = "#e0f0d8"

    def __init__(self, **kwargs):
        kwargs.setdefault("trigger_rule", TriggerRule.ALL_DONE)
        super().__init__(**kwargs)

    def execute(self, context) -> dict:
        from pantau.extract.parse import run_for_day

        with store.session() as s:
            return run_for_day(s, interval_day(context), registry())


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

    def execute(self, context) -> dict:
        from pantau.airflow.delivery import base_url, deliver_briefing
        from pantau.report.briefing import run_for_day

        day = interval_day(context)
        with store.session() as s:
            outputs = run_for_day(s, day, config.output_dir(), base_url=base_url())
        outputs["emailed"] = deliver_briefing(outputs, day)
        return outputs
