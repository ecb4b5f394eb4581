"""`pantau dedup FILE`: the extracted records, each with its cluster, canonical flag and story."""

from __future__ import annotations

from datetime import datetime

from pantau.dedup.cluster import assign_clusters
from pantau.dedup.signatures import DedupItem
from pantau.models import article_id


def _parse_published(value: object, where: str) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{where}: published is not an ISO date-time: {value!r}") from None
    if moment.tzinfo is None:
        raise ValueError(f"{where}: published has no time zone: {value!r}")
    return moment


def dedup_records(records: list[dict]) -> list[dict]:
    """`pantau dedup`: the extracted records, each with its cluster, canonical flag and story."""
    items = [
        DedupItem(
            id=article_id(record["url"]),
            url=record["url"],
            outlet=record.get("outlet") or "",
            source_id=record.get("source_id"),
            language=record.get("language") or "en",
            title=record.get("title") or "",
            body=record.get("body") or "",
            published=_parse_published(record.get("published"), record["url"]),
            wire=record.get("wire"),
        )
        for record in records
    ]
    assignments = assign_clusters(items)
    return [
        {
            **record,
            "cluster": a.cluster,
            "canonical": a.canonical,
            "story": a.story,
            "dedup_method": a.method,
            "dedup_score": a.score,
            "matched_with": a.matched_with,
        }
        for record, a in zip(records, assignments)
    ]
