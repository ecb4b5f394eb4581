"""Clustering: each article joins the cluster of its best verified earlier match (one link, never a
union of everything it touches: a page with an inlined story must not weld two stories); the
canonical copy is the wire's own page (its latest version) when present, else the earliest published.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from pantau.dedup.candidates import candidate_pairs, verify
from pantau.dedup.index import SignatureIndex
from pantau.dedup.signatures import DedupItem, Signatures, sign
from pantau.dedup.stories import link_stories, merge_retold


@dataclass(frozen=True, slots=True)
class Assignment:
    article_id: str
    cluster: str
    story: str
    canonical: bool
    # Why it joined: "seed" (founded its cluster and story), "near-duplicate", "containment", "quotes",
    # "rewrite" (its cluster); "translation", "statement" (its cluster joined a story; the head only).
    method: str
    score: float
    matched_with: str | None


def _processing_rank(sig: Signatures, start: int) -> np.ndarray:
    """Order of rows from `start` on: by publication time (undated last), then id; earlier rows first."""
    published = np.where(np.isnan(sig.published), np.inf, sig.published)
    order = sorted(range(start, len(sig)), key=lambda row: (published[row], sig.ids[row]))
    rank = np.arange(len(sig), dtype=np.int64)
    rank[order] = np.arange(start, len(sig))
    return rank


def _preference(verdict: tuple, earlier: int, rank: np.ndarray) -> tuple[bool, float, int]:
    """Which verified match an article joins: a copy of the text before a rewrite around the same quotes
    (a page inlining the story states its quotes and names too), then the best score, then the earliest."""
    return verdict[0] in COPY_METHODS, verdict[1], -rank[earlier]


COPY_METHODS = frozenset({"near-duplicate", "containment"})


def canonical_copy(copies: Sequence[tuple[bool, float, str]]) -> int:
    """Which of (wire page?, published epoch or NaN, id) copies is canonical: the wire's own page, its
    latest version when updated; else the earliest published."""
    wire_pages = [i for i, (wire_page, _, _) in enumerate(copies) if wire_page]
    if wire_pages:
        return max(wire_pages, key=lambda i: (np.nan_to_num(copies[i][1], nan=-np.inf), copies[i][2]))
    return min(range(len(copies)), key=lambda i: (np.nan_to_num(copies[i][1], nan=np.inf), copies[i][2]))


def assign_clusters(items: Sequence[DedupItem], index: SignatureIndex | None = None) -> list[Assignment]:
    """Cluster `items` against each other and against what `index` holds; the items join the index."""
    return assign_signatures(sign(items), index if index is not None else SignatureIndex())


def assign_signatures(new: Signatures, index: SignatureIndex) -> list[Assignment]:
    first_new = len(index)
    index.add(new, [""] * len(new), [""] * len(new))
    sig = index.signatures
    rank = _processing_rank(sig, first_new)
    pairs = candidate_pairs(sig, rank, first_new)  # sorted by the later row
    bounds = np.searchsorted(pairs[:, 0], np.arange(len(sig) + 1))

    joined: dict[int, tuple[str, float, int]] = {}
    for row in sorted(range(first_new, len(sig)), key=rank.__getitem__):
        best = None
        for earlier in pairs[bounds[row] : bounds[row + 1], 1].tolist():
            verdict = verify(sig, row, earlier)
            if verdict and (best is None or _preference(verdict, earlier, rank) > _preference(best, best[2], rank)):
                best = (*verdict, earlier)
        if best:
            joined[row] = best
            index.clusters[row] = index.clusters[best[2]]
        else:
            index.clusters[row] = f"c-{sig.ids[row]}"
    del pairs, bounds  # before the fact links, which need the room at a million articles

    merge_retold(index, first_new, rank, joined)
    link_stories(index, first_new, rank, joined)
    members: dict[str, list[int]] = defaultdict(list)
    for row, cluster in enumerate(index.clusters):
        members[cluster].append(row)
    canonical = {
        cluster: rows[canonical_copy([(sig.wire_pages[r], sig.published[r], sig.ids[r]) for r in rows])]
        for cluster, rows in members.items()
    }
    assignments = []
    for row in range(first_new, len(sig)):
        method, score, matched = joined.get(row, ("seed", 1.0, None))
        cluster = index.clusters[row]
        assignments.append(
            Assignment(
                article_id=sig.ids[row],
                cluster=cluster,
                story=index.stories[row],
                canonical=canonical[cluster] == row,
                method=method,
                score=round(float(score), 4),
                matched_with=sig.ids[matched] if matched is not None else None,
            )
        )
    return assignments
