"""Links by names and numbers: a paper's retelling of a wire story in the same language joins its
cluster; clusters in other languages join the story they translate.
"""

from __future__ import annotations

import math
import zlib

import numpy as np

from pantau.dedup.candidates import hashes_each, neighbour_pairs
from pantau.dedup.index import SignatureIndex
from pantau.dedup.signatures import Signatures

# Measured on the labelled set and the demo: translations of one wire story come within 4 hours of
# it, share 6 or more names and numbers and score 0.14 or more; other stories of the same event,
# in other languages, share up to 9 and score up to 0.32, but never with the same wire credit
# within 12 hours.
STORY_MAX_HOURS = 12
# Candidates come from rarer names and numbers: one in more than this many clusters of the window
# (a minister, a country) says little about which story it is. Clusters sharing one are paired
# with their FACT_NEIGHBOURS nearest in time only, which bounds the memory at a million a day.
RARE_FACT_MAX_CLUSTERS, FACT_NEIGHBOURS = 200, 2
STORY_MIN_SHARED = 5
STORY_SCORE = 0.12  # idf-weighted cosine of the two clusters' names and numbers
# A paper retelling the wire's story in the same language in its own words (no shared shingles):
# the demo's retold copy scores 0.81 with 29 shared; different stories, at most 0.59.
RETOLD_MAX_HOURS, RETOLD_MIN_SHARED, RETOLD_SCORE = 6, 20, 0.75


def _cluster_heads(index: SignatureIndex) -> dict[str, int]:
    """The row that stands for each cluster: its founder when in the window, else its first member."""
    heads: dict[str, int] = {}
    for row, cluster in enumerate(index.clusters):
        if cluster not in heads or cluster == f"c-{index.signatures.ids[row]}":
            heads[cluster] = row
    return heads


def merge_retold(
    index: SignatureIndex, first_new: int, rank: np.ndarray, joined: dict[int, tuple[str, float, int]]
) -> None:
    """A cluster founded here joins an earlier one of the same language and wire whose names and
    numbers it shares almost all of: a paper retelling the wire's story in its own words."""
    heads = _cluster_heads(index)
    links = _fact_links(
        index.signatures, np.array(list(heads.values()), dtype=np.int64), first_new, rank, same_language=True
    )
    target_of = {}
    for row in sorted(links, key=rank.__getitem__):
        score, partner = links[row]
        target_of[index.clusters[row]] = target_of.get(index.clusters[partner], index.clusters[partner])
        joined[row] = ("facts", score, partner)
    for row in range(first_new, len(index)):
        index.clusters[row] = target_of.get(index.clusters[row], index.clusters[row])


def link_stories(index: SignatureIndex, first_new: int, rank: np.ndarray) -> None:
    """Give every new row a story: its cluster's, or, for a new cluster, that of its best translation."""
    heads = _cluster_heads(index)
    story_of = {cluster: index.stories[row] for cluster, row in heads.items() if row < first_new}
    new_clusters = [cluster for cluster, row in heads.items() if row >= first_new and cluster not in story_of]
    links = _fact_links(
        index.signatures, np.array(list(heads.values()), dtype=np.int64), first_new, rank, same_language=False
    )
    for cluster in sorted(new_clusters, key=lambda c: rank[heads[c]]):
        partner = links[heads[cluster]][1] if heads[cluster] in links else None
        story_of[cluster] = story_of.get(index.clusters[partner], cluster) if partner is not None else cluster
    for row in range(first_new, len(index)):
        index.stories[row] = story_of[index.clusters[row]]


def _fact_links(
    sig: Signatures, heads: np.ndarray, first_new: int, rank: np.ndarray, same_language: bool
) -> dict[int, tuple[float, int]]:
    """For each head row from `first_new` on, (score, row) of the earlier head, in the same language or
    in another, credited to the same wire and close in time, whose names and numbers agree best."""
    wires = hashes_each([wire or "" for wire in sig.wires])
    heads = heads[wires[heads] != zlib.crc32(b"")]  # only wire stories link
    if len(heads) < 2 or heads.max() < first_new:
        return {}
    min_shared, min_score, max_hours = (
        (RETOLD_MIN_SHARED, RETOLD_SCORE, RETOLD_MAX_HOURS)
        if same_language
        else (STORY_MIN_SHARED, STORY_SCORE, STORY_MAX_HOURS)
    )
    facts = sig.facts.take(heads)
    owners = facts.owners()
    values, inverse, df = np.unique(facts.values, return_inverse=True, return_counts=True)
    rare = df[inverse] <= RARE_FACT_MAX_CLUSTERS
    weights = np.log(1 + len(heads) / df)
    pairs = neighbour_pairs(facts.values[rare].astype(np.uint64), owners[rare], rank[heads], FACT_NEIGHBOURS)
    codes, shared = np.unique(pairs[:, 0].astype(np.int64) * len(heads) + pairs[:, 1], return_counts=True)
    codes = codes[shared >= 2]  # two rare facts in common make a candidate
    later, earlier = codes // len(heads), codes % len(heads)  # neighbour_pairs puts the later first
    rows, others = heads[later], heads[earlier]
    languages = hashes_each(sig.languages)
    hours = np.abs(sig.published[rows] - sig.published[others]) / 3600
    keep = (
        (rows >= first_new)
        & ((languages[rows] == languages[others]) == same_language)
        & (wires[rows] == wires[others])
        & ~(hours > max_hours)
    )  # NaN (undated) passes
    total_weight = np.bincount(owners, weights=weights[inverse], minlength=len(heads))
    links: dict[int, tuple[float, int]] = {}
    for head, other_head, row, other in zip(
        later[keep].tolist(), earlier[keep].tolist(), rows[keep].tolist(), others[keep].tolist()
    ):
        common = np.intersect1d(facts[head], facts[other_head], assume_unique=True)
        if len(common) < min_shared:
            continue
        score = weights[np.searchsorted(values, common)].sum() / math.sqrt(
            total_weight[head] * total_weight[other_head]
        )
        if score >= min_score and score > links.get(row, (0.0, -1))[0]:
            links[row] = (float(score), other)
    return links
