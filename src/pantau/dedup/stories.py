"""Links by names and numbers: a paper's retelling of a wire story in the same language joins its
cluster; clusters in other languages join the story they translate.
"""

from __future__ import annotations

import math
import zlib
from collections import defaultdict

import numpy as np

from pantau.dedup.candidates import hashes_each, neighbour_pairs
from pantau.dedup.index import SignatureIndex
from pantau.dedup.signatures import RELEASE, REPORT, Signatures

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
    best: dict[int, tuple[float, int]] = {}
    for later, earlier, score in _fact_links(index.signatures, _head_rows(heads), first_new, rank, RETOLD):
        if score > best.get(later, (0.0, -1))[0]:
            best[later] = (score, earlier)
    target_of: dict[str, str] = {}
    for row in sorted(best, key=rank.__getitem__):
        score, partner = best[row]
        target_of[index.clusters[row]] = target_of.get(index.clusters[partner], index.clusters[partner])
        joined[row] = ("rewrite", score, partner)
    for row in range(first_new, len(index)):
        index.clusters[row] = target_of.get(index.clusters[row], index.clusters[row])


def link_stories(
    index: SignatureIndex, first_new: int, rank: np.ndarray, joined: dict[int, tuple[str, float, int]]
) -> None:
    """Give every new row a story: its cluster's, or, for a new cluster, the story it reports or translates.

    A story is one original cluster and the clusters that report or translate it. A new cluster joins
    the best-scoring story whose original it matches, never a story through one of its translations
    (that is how different stories of one event got chained), and a story holds one cluster per
    language and wire: when two want the same place, the better-scoring one keeps it. A wire's report
    of a statement joins the statement's story, the statement being the original.
    """
    sig = index.signatures
    heads = _cluster_heads(index)
    story_of = {cluster: index.stories[row] for cluster, row in heads.items() if row < first_new}
    holder: dict[tuple[str, str, str], str] = {}  # (story, language, wire) -> the cluster in that place
    for cluster, story in story_of.items():
        holder.setdefault(_place(sig, story, heads[cluster]), cluster)
    joined_with: dict[str, float] = {}  # new cluster -> the score it joined its story with
    head_rows = _head_rows(heads)

    for later, earlier, score in sorted(
        _fact_links(sig, head_rows, first_new, rank, STATEMENT), key=lambda link: -link[2]
    ):
        release, report = (later, earlier) if sig.statements[later] == RELEASE else (earlier, later)
        statement, reporting = index.clusters[release], index.clusters[report]
        if reporting in story_of or story_of.setdefault(statement, statement) != statement:
            continue
        holder.setdefault(_place(sig, statement, release), statement)
        if holder.setdefault(_place(sig, statement, report), reporting) != reporting:
            continue  # the wire's better-scoring report of it holds the place
        story_of[reporting] = statement
        joined[report] = ("statement", score, release)

    originals: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for later, earlier, score in _fact_links(sig, head_rows, first_new, rank, TRANSLATION):
        originals[later].append((score, earlier))
    new_clusters = [cluster for cluster, row in heads.items() if row >= first_new and cluster not in story_of]
    for cluster in sorted(new_clusters, key=lambda c: rank[heads[c]]):
        head = heads[cluster]
        candidates = [(score, row) for score, row in originals.get(head, []) if _is_original(index, story_of, row)]
        if not candidates:
            story_of[cluster] = cluster
            holder.setdefault(_place(sig, cluster, head), cluster)
            continue
        score, original = max(candidates, key=lambda candidate: (candidate[0], -rank[candidate[1]]))
        story = index.clusters[original]
        place = _place(sig, story, head)
        previous = holder.get(place)
        if previous is not None and not (previous in joined_with and joined_with[previous] < score):
            story_of[cluster] = cluster  # the place is taken by a better translation, or the original
            holder.setdefault(_place(sig, cluster, head), cluster)
            continue
        if previous is not None:  # a worse translation gives way and stands alone
            story_of[previous] = previous
            del joined_with[previous], joined[heads[previous]]
        story_of[cluster], holder[place], joined_with[cluster] = story, cluster, score
        joined[head] = ("translation", score, original)
    for row in range(first_new, len(index)):
        index.stories[row] = story_of[index.clusters[row]]


def _head_rows(heads: dict[str, int]) -> np.ndarray:
    return np.array(list(heads.values()), dtype=np.int64)


def _place(sig: Signatures, story: str, row: int) -> tuple[str, str, str]:
    return story, sig.languages[row], sig.wires[row] or ""


def _is_original(index: SignatureIndex, story_of: dict[str, str], row: int) -> bool:
    """Whether `row`'s cluster founded its story (is not itself a translation or report)."""
    cluster = index.clusters[row]
    return story_of.get(cluster) == cluster


RETOLD, TRANSLATION, STATEMENT = "retold", "translation", "statement"


def _fact_links(
    sig: Signatures, heads: np.ndarray, first_new: int, rank: np.ndarray, kind: str
) -> list[tuple[int, int, float]]:
    """(later head, earlier head, score) of head pairs, the later from `first_new` on, whose names and
    numbers agree, close in time: of the same language and wire (RETOLD), of the same wire in
    different languages (TRANSLATION), or a statement and a wire's report of it (STATEMENT)."""
    wires = hashes_each([wire or "" for wire in sig.wires])
    heads = heads[(wires[heads] != zlib.crc32(b"")) | (sig.statements[heads] == RELEASE)]
    if len(heads) < 2 or heads.max() < first_new:
        return []
    min_shared, min_score, max_hours = (
        (RETOLD_MIN_SHARED, RETOLD_SCORE, RETOLD_MAX_HOURS)
        if kind == RETOLD
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
    same_wire = (wires[rows] == wires[others]) & (wires[rows] != zlib.crc32(b""))
    if kind == STATEMENT:
        kind_ok = ((sig.statements[rows] == RELEASE) & (sig.statements[others] == REPORT)) | (
            (sig.statements[rows] == REPORT) & (sig.statements[others] == RELEASE)
        )
    else:
        kind_ok = same_wire & ((languages[rows] == languages[others]) == (kind == RETOLD))
    keep = (rows >= first_new) & kind_ok & ~(hours > max_hours)  # NaN (undated) passes
    total_weight = np.bincount(owners, weights=weights[inverse], minlength=len(heads))
    links = []
    for head, other_head, row, other in zip(
        later[keep].tolist(), earlier[keep].tolist(), rows[keep].tolist(), others[keep].tolist()
    ):
        common = np.intersect1d(facts[head], facts[other_head], assume_unique=True)
        if len(common) < min_shared:
            continue
        score = weights[np.searchsorted(values, common)].sum() / math.sqrt(
            total_weight[head] * total_weight[other_head]
        )
        if score >= min_score:
            links.append((row, other, float(score)))
    return links
