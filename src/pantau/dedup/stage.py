"""The DAG's dedup stage: the day's articles against the past week, idempotently, into the store."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from pantau.dedup import explain
from pantau.dedup.cluster import Assignment, assign_signatures, canonical_copy
from pantau.dedup.index import WINDOW_DAYS, SignatureIndex, packed_fields, signature_store
from pantau.dedup.signatures import DedupItem, Signatures, epoch, fingerprint, is_wire_page, sign
from pantau.store import ArticleRow, DedupAssignment


def _item(row: ArticleRow) -> DedupItem:
    return DedupItem(
        id=row.id,
        url=row.url,
        outlet=row.outlet,
        source_id=row.source_id,
        language=row.language,
        title=row.title,
        body=row.body,
        published=row.published_at,
        wire=row.wire,
    )


def run_for_day(s: Session, day: date) -> dict:
    """The DAG's dedup stage: assign the day's articles against the past week, idempotently."""
    persisted = signature_store(s)
    first = day - timedelta(days=WINDOW_DAYS)
    days = [first + timedelta(days=n) for n in range(WINDOW_DAYS + 1)]
    stored = persisted.load(days)
    rows = s.scalars(select(ArticleRow).where(ArticleRow.day.between(first, day))).all()
    by_day: dict[date, list[ArticleRow]] = defaultdict(list)
    for row in rows:
        by_day[row.day].append(row)
    explained = _Explained({row.id: row for row in rows})

    # Sorted, so a rerun builds the same index whatever order the backend returns rows in.
    def past_week() -> SignatureIndex:
        return SignatureIndex.of_packed(blob for d in days[:-1] for _, blob in sorted(stored[d].items()))

    index = past_week()
    late = False
    for earlier in days[:-1]:  # articles dedup never saw (a day it never ran for, a late page): sign them
        missing = sorted((row for row in by_day[earlier] if row.id not in stored[earlier]), key=lambda row: row.id)
        if missing:
            start = len(index)
            # Their rows too, where they have none, so today's copies of them show their original
            # and its canonical flag (signatures past their retention are signed again, rows stay).
            assigned = assign_signatures(sign([_item(row) for row in missing]), index)
            ids = [row.id for row in missing]
            with_rows = {
                ident
                for start in range(0, len(ids), 500)
                for ident in s.scalars(
                    select(DedupAssignment.article_id).where(DedupAssignment.article_id.in_(ids[start : start + 500]))
                )
            }
            _write_assignments(
                s, earlier, [a for a in assigned if a.article_id not in with_rows], explained, replace_day=False
            )
            persisted.replace(earlier, {**stored[earlier], **index.packed(start)})
            late = True
    if late:  # today is matched against the week as a rerun will read it back, so both agree
        stored = persisted.load(days)
        index = past_week()

    today = sorted(by_day[day], key=lambda row: row.id)
    reusable = stored[day]
    fresh = [row for row in today if _stored_fingerprint(reusable.get(row.id)) != fingerprint(_item(row))]
    fresh_ids = {row.id for row in fresh}
    kept = [reusable[row.id] for row in today if row.id not in fresh_ids]
    signatures = Signatures.concat([Signatures.unpack(kept)[0], sign([_item(row) for row in fresh])])
    start = len(index)
    assignments = assign_signatures(signatures, index)
    persisted.replace(day, index.packed(start))
    _write_assignments(s, day, assignments, explained)
    return {
        "articles": len(assignments),
        "clusters": len({a.cluster for a in assignments}),
        "stories": len({a.story for a in assignments}),
        "joined": sum(a.method != "seed" for a in assignments),
    }


def _stored_fingerprint(blob: bytes | None) -> str | None:
    return packed_fields(blob)[0] if blob else None


class _Explained:
    """The evidence of each link, from the texts of the window's articles. The names and numbers of
    the articles others joined are kept (as one string each: many copies join one original)."""

    def __init__(self, articles: dict[str, ArticleRow]):
        self.articles = articles
        self.targets: dict[str, str] = {}

    def evidence(self, a: Assignment) -> dict | None:
        if a.matched_with is None or a.article_id not in self.articles or a.matched_with not in self.articles:
            return None
        if a.matched_with not in self.targets:
            self.targets[a.matched_with] = "\x1f".join(explain.facts(_item(self.articles[a.matched_with])))
        other = frozenset(self.targets[a.matched_with].split("\x1f"))
        return explain.evidence(a.score, explain.facts(_item(self.articles[a.article_id])), other)


def _write_assignments(
    s: Session, day: date, assignments: list[Assignment], explained: _Explained, *, replace_day: bool = True
) -> None:
    """Replace the day's rows (or, with replace_day off, just these articles' rows), then re-decide
    the canonical copy of every cluster they joined."""
    ids = [a.article_id for a in assignments]
    if replace_day:
        s.execute(delete(DedupAssignment).where(DedupAssignment.day == day))
    for start in range(0, len(ids), 500):
        s.execute(delete(DedupAssignment).where(DedupAssignment.article_id.in_(ids[start : start + 500])))
    if assignments:
        s.execute(
            insert(DedupAssignment),
            [
                {
                    "article_id": a.article_id,
                    "day": day,
                    "cluster": a.cluster,
                    "story": a.story,
                    "canonical": False,
                    "method": a.method,
                    "score": a.score,
                    "matched_with": a.matched_with,
                    "evidence": explained.evidence(a),
                }
                for a in assignments
            ],
        )
    clusters = sorted({a.cluster for a in assignments})
    for start in range(0, len(clusters), 500):
        members = s.execute(
            select(DedupAssignment, ArticleRow)
            .join(ArticleRow, ArticleRow.id == DedupAssignment.article_id)
            .where(DedupAssignment.cluster.in_(clusters[start : start + 500]))
        ).all()
        grouped: dict[str, list[tuple[DedupAssignment, ArticleRow]]] = defaultdict(list)
        for assignment, article in members:
            grouped[assignment.cluster].append((assignment, article))
        for group in grouped.values():
            chosen = canonical_copy(
                [
                    (is_wire_page(item), epoch(item.published), item.id)
                    for item in (_item(article) for _, article in group)
                ]
            )
            for position, (assignment, _) in enumerate(group):
                assignment.canonical = position == chosen
    s.flush()
