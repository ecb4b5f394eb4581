"""Which pairs to compare (LSH banding and shared quotes, by sorting keys in numpy) and whether a pair is
a copy (containment on the shingle samples, anchored at the top, with the numbers as a guard).

A dict-backed LSH costs ~1 KB of Python objects per key and band: a week of a million articles a
day would not fit in memory, sorted numpy keys do.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

from pantau.dedup.signatures import EMPTY, Signatures

# (bands, rows): the probability that a pair becomes a candidate is 1-(1-J^rows)^bands, J its Jaccard.
BODY_BANDING = (21, 3)  # J=0.5 -> 0.94, J=0.3 -> 0.44, unrelated news (J~0.002) -> 2e-7
LEAD_BANDING = (16, 4)  # leads of copies agree almost entirely: J=0.6 -> 0.89
NEIGHBOURS = 16  # within one bucket an article meets at most this many earlier ones (template reports)

NEAR_DUPLICATE = 0.8  # both texts share this much of their shingles: the same text, lightly edited
CONTAINMENT = 0.7  # the smaller text is mostly inside the larger: trimmed copy, brief, update
# A containment must start near the top of both texts: copies keep the lead, while a story inlined
# on a bigger page, or one quoted paragraph, sits in its middle.
ANCHOR_FRACTION, ANCHOR_TOKENS = 0.2, 60
NUMBERS_AGREE = 0.6  # share of the smaller text's numbers the other must state too
QUOTES_SHARED, QUOTES_AGREE = 2, 0.6  # rewrites keep the quotes word for word
REWRITE_MIN_OVERLAP = 0.1  # and some of the prose
# A paper's rewrite of a wire story in its own words, crediting the wire: few shingles match, but it
# keeps the quotes and the names and numbers, and comes within hours. The labelled rewrite states
# only names and numbers of its wire story (all 19 of its 19) and keeps half of the story's (19 of
# 38); an opinion piece quoting one paragraph shares 3 of its 12. A page inlining the story under
# its own states many the story does not: the share is of the later text's names and numbers.
REWRITE_MAX_HOURS, REWRITE_MIN_FACTS = 6, 8
REWRITE_FACTS_AGREE = 0.7  # share of the rewrite's names and numbers that the wire story states
REWRITE_FACTS_KEPT = 0.4  # share of the wire story's that the rewrite keeps


def _band_keys(minhash: np.ndarray, banding: tuple[int, int], languages: np.ndarray) -> np.ndarray:
    """(n, bands) uint64 keys; rows of one band of one language collide when their values all agree."""
    bands, rows = banding
    values = minhash[:, : bands * rows].reshape(len(minhash), bands, rows)  # a view: no copy
    keys: np.ndarray = np.repeat(languages.astype(np.uint64)[:, None], bands, axis=1) + np.arange(
        bands, dtype=np.uint64
    )
    for r in range(rows):
        keys ^= values[:, :, r]
        keys *= np.uint64(0x100000001B3)
    return keys


def neighbour_pairs(keys: np.ndarray, owners: np.ndarray, rank: np.ndarray, neighbours: int = NEIGHBOURS) -> np.ndarray:
    """(later, earlier) owner pairs that share a key, each owner meeting its `neighbours` predecessors."""
    order = np.lexsort((rank[owners], keys))
    keys, owners = keys[order], owners[order]
    pairs = []
    for distance in range(1, neighbours + 1):
        same = (keys[distance:] == keys[:-distance]) & (owners[distance:] != owners[:-distance])
        pairs.append(np.stack([owners[distance:][same], owners[:-distance][same]], axis=1))
    return np.concatenate(pairs)


def candidate_pairs(signatures: Signatures, rank: np.ndarray, first_new: int) -> np.ndarray:
    """Unique (later, earlier) row pairs worth verifying, where `later` is a new row (>= first_new)."""
    languages = hashes_each(signatures.languages)
    found = []
    for matrix, banding in ((signatures.minhash, BODY_BANDING), (signatures.lead_minhash, LEAD_BANDING)):
        usable = np.flatnonzero(matrix[:, 0] != EMPTY)
        keys = _band_keys(matrix[usable], banding, languages[usable])
        bands = keys.shape[1]
        found.append(neighbour_pairs(keys.ravel(), np.repeat(usable, bands), rank))
    quote_owners = signatures.quotes.owners()
    quote_keys = signatures.quotes.values.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15) + languages[
        quote_owners
    ].astype(np.uint64)
    found.append(neighbour_pairs(quote_keys, quote_owners, rank))
    pairs = np.concatenate(found)
    pairs = pairs[pairs[:, 0] >= first_new]
    codes = np.unique(pairs[:, 0].astype(np.int64) * len(signatures) + pairs[:, 1])
    return np.stack([codes // len(signatures), codes % len(signatures)], axis=1)


def hashes_each(strings: Sequence[str]) -> np.ndarray:
    table = {value: zlib.crc32(value.encode()) for value in set(strings)}
    return np.fromiter((table[value] for value in strings), np.uint32, len(strings))


# --------------------------------------------------------------------------- verification


def _agreement(a: np.ndarray, b: np.ndarray) -> float | None:
    """Share of the smaller set found in the other; None when either is empty."""
    if not len(a) or not len(b):
        return None
    return len(np.intersect1d(a, b, assume_unique=True)) / min(len(a), len(b))


def _anchored(positions: np.ndarray, token_count: int) -> bool:
    """Whether the shared text starts near the top (its 10th percentile position)."""
    start = np.percentile(positions, 10)
    return start <= max(ANCHOR_TOKENS, ANCHOR_FRACTION * token_count)


def verify(sig: Signatures, later: int, earlier: int) -> tuple[str, float] | None:
    """(method, score) when `later` is a copy of `earlier`'s story; None when it is not."""
    if sig.wires[later] and sig.wires[earlier] and sig.wires[later] != sig.wires[earlier]:
        return None
    numbers = _agreement(sig.numbers[later], sig.numbers[earlier])
    if numbers is not None and numbers < NUMBERS_AGREE:  # same template, another day's figures
        return None
    a, b = sig.sample[later], sig.sample[earlier]
    if not len(a) or not len(b):
        return None
    _, in_a, in_b = np.intersect1d(a, b, assume_unique=True, return_indices=True)
    shared = len(in_a)
    overlap_small, overlap_big = shared / min(len(a), len(b)), shared / max(len(a), len(b))
    if overlap_big >= NEAR_DUPLICATE:
        return "near-duplicate", overlap_big
    if (
        overlap_small >= CONTAINMENT
        and _anchored(sig.positions[later][in_a], int(sig.token_counts[later]))
        and _anchored(sig.positions[earlier][in_b], int(sig.token_counts[earlier]))
    ):
        return "containment", overlap_small
    quotes_a, quotes_b = sig.quotes[later], sig.quotes[earlier]
    shared_quotes = len(np.intersect1d(quotes_a, quotes_b, assume_unique=True))
    if shared_quotes and shared_quotes / min(len(quotes_a), len(quotes_b)) >= QUOTES_AGREE:
        rewrite = _rewrite_score(sig, later, earlier)
        if rewrite is not None:
            return "rewrite", rewrite
    if (
        shared_quotes >= QUOTES_SHARED
        and overlap_big >= REWRITE_MIN_OVERLAP
        and overlap_small < CONTAINMENT
        and shared_quotes / min(len(quotes_a), len(quotes_b)) >= QUOTES_AGREE
    ):
        return "quotes", shared_quotes / max(len(quotes_a), len(quotes_b))
    return None


def _rewrite_score(sig: Signatures, later: int, earlier: int) -> float | None:
    """Share of `later`'s names and numbers that `earlier` states too, when `later` credits `earlier`'s
    wire, came within REWRITE_MAX_HOURS of it and keeps a good part of its names and numbers; else None."""
    wire = sig.wires[later]
    if not wire or wire != sig.wires[earlier]:
        return None
    if not abs(sig.published[later] - sig.published[earlier]) <= REWRITE_MAX_HOURS * 3600:  # NaN: unknown
        return None
    facts_a, facts_b = sig.facts[later], sig.facts[earlier]
    common = len(np.intersect1d(facts_a, facts_b, assume_unique=True))
    if common < REWRITE_MIN_FACTS or common / len(facts_b) < REWRITE_FACTS_KEPT:
        return None
    agreement = common / len(facts_a)
    return agreement if agreement >= REWRITE_FACTS_AGREE else None
