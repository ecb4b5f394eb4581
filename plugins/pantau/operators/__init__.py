"""One thin operator per stage: Airflow context in, a call of the pantau package, ids and counts out."""
from pantau.operators.stages import (
    BriefingOperator,
    DedupOperator,
    ParseOperator,
    PollSourceOperator,
    QualityOperator,
)

__all__ = ["PollSourceOperator", "ParseOperator", "DedupOperator", "QualityOperator", "BriefingOperator"]
