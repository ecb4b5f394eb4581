"""What dedup keeps of an article: normalised, shingled, min-hashed, with its numbers, quotes and names.

Tokens are hashed once, in numpy, for a few hundred articles at a time (each token's code points, then
the 4-token windows); each article keeps 64 min-hashes of its whole text and of its lead, a 1-in-4
sample of the shingles with their positions, and the numbers, quotes and names it states. Columns,
not per-article objects: a week of a million articles a day must fit in memory.
"""

from __future__ import annotations

import hashlib
import math
import struct
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np

from pantau.dedup import textnorm

SHINGLE_TOKENS = 4
LEAD_TOKENS = 50  # about the first paragraph: what trimmed copies and briefs always keep
NUM_PERM = 64
SAMPLE_ONE_IN = 4  # shingles kept for verification: containment estimates stay unbiased

RELEASE, REPORT = 1, 2  # Signatures.statements
# Packed header: text length, flags (wire page in bit 0, the statement kind above it; older
# signatures stored a bool there, which reads back as a wire page with no statement kind),
# published, token count, and the lengths of the five ragged columns.
PACKED_HEADER = "<HBdI5I"

EMPTY = np.uint32(0xFFFFFFFF)
_rng = np.random.default_rng(20250708)  # fixed: signatures are persisted and compared across runs
_PERM_A = (_rng.integers(1, 2**32, NUM_PERM, dtype=np.uint64) | 1).astype(np.uint32)
_PERM_B = _rng.integers(0, 2**32, NUM_PERM, dtype=np.uint64).astype(np.uint32)
_SHINGLE_MULTIPLIERS = _rng.integers(1, 2**63, SHINGLE_TOKENS, dtype=np.uint64) | np.uint64(1)
_CODE_POINT_WEIGHTS = _rng.integers(1, 2**63, 48, dtype=np.uint64) | np.uint64(1)  # tokens past 48 chars: cut


@dataclass(frozen=True)
class DedupItem:
    id: str
    url: str
    outlet: str
    source_id: str | None
    language: str
    title: str
    body: str
    published: datetime | None
    wire: str | None


class Ragged:
    """Variable-length uint arrays, one per article, kept as one array and offsets (no per-row objects)."""

    def __init__(self, values: np.ndarray, offsets: np.ndarray):
        self.values, self.offsets = values, offsets

    @classmethod
    def of(cls, rows: Sequence[np.ndarray], dtype) -> Ragged:
        offsets = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum([len(row) for row in rows], out=offsets[1:])
        values = np.concatenate(rows).astype(dtype, copy=False) if rows else np.zeros(0, dtype)
        return cls(values, offsets)

    def __getitem__(self, i: int) -> np.ndarray:
        return self.values[self.offsets[i] : self.offsets[i + 1]]

    def lengths(self) -> np.ndarray:
        return np.diff(self.offsets)

    def owners(self) -> np.ndarray:
        """The row of every value."""
        return np.repeat(np.arange(len(self.offsets) - 1, dtype=np.int32), self.lengths())

    def take(self, rows: np.ndarray) -> Ragged:
        """The given rows, in that order, gathered without a Python loop."""
        lengths = self.lengths()[rows]
        offsets = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        starts = np.repeat(self.offsets[rows] - offsets[:-1], lengths)
        return Ragged(self.values[np.arange(offsets[-1]) + starts], offsets)

    @staticmethod
    def concat(parts: Sequence[Ragged]) -> Ragged:
        values = np.concatenate([part.values for part in parts])
        offsets, base = [np.zeros(1, np.int64)], 0
        for part in parts:
            offsets.append(part.offsets[1:] + base)
            base += part.offsets[-1]
        return Ragged(values, np.concatenate(offsets))


@dataclass
class Signatures:
    """What dedup keeps of each article, column by column."""

    ids: list[str]
    languages: list[str]
    fingerprints: list[str]  # of the text the signature came from: unchanged articles are not re-hashed
    wires: list[str | None]
    wire_pages: np.ndarray  # bool: the wire's own page, the canonical copy when present
    statements: np.ndarray  # uint8: RELEASE, REPORT (of a statement) or 0, for linking the two
    published: np.ndarray  # float64 epoch seconds, NaN when unknown
    token_counts: np.ndarray  # int32
    minhash: np.ndarray  # uint32 (n, NUM_PERM), whole text
    lead_minhash: np.ndarray  # uint32 (n, NUM_PERM), first LEAD_TOKENS tokens
    sample: Ragged  # uint32 sampled shingle hashes, sorted
    positions: Ragged  # uint16 token position of each sampled shingle
    numbers: Ragged  # uint32 hashes, sorted
    quotes: Ragged  # uint32 hashes, sorted
    facts: Ragged  # uint32 hashes, sorted: names, places and numbers, for linking translations

    def __len__(self) -> int:
        return len(self.ids)

    @staticmethod
    def concat(parts: list[Signatures]) -> Signatures:
        """The parts one after the other. Consumes `parts`: each column is released from the parts as
        soon as it is joined, so a million articles never sit in memory twice."""
        kept = [part for part in parts if len(part)] or parts[:1]
        parts.clear()
        if len(kept) == 1:
            return kept[0]
        joined: dict[str, Any] = {}
        for name, first in list(vars(kept[0]).items()):
            column = [vars(part).pop(name) for part in kept]
            if isinstance(first, list):
                joined[name] = [value for part in column for value in part]
            elif isinstance(first, Ragged):
                joined[name] = Ragged.concat(column)
            else:
                joined[name] = np.concatenate(column)
            del column
        return Signatures(**joined)

    def pack(self, i: int, cluster: str, story: str) -> bytes:
        """One article's signature, with the cluster and story it joined, as bytes for the index."""
        text = "\x1f".join(
            [self.ids[i], self.languages[i], self.fingerprints[i], self.wires[i] or "", cluster, story]
        ).encode("utf-8")
        ragged = [self.sample[i], self.positions[i], self.numbers[i], self.quotes[i], self.facts[i]]
        header = struct.pack(
            PACKED_HEADER,
            len(text),
            int(self.wire_pages[i]) | int(self.statements[i]) << 1,
            float(self.published[i]),
            int(self.token_counts[i]),
            *(len(part) for part in ragged),
        )
        return b"".join(
            [
                header,
                text,
                self.minhash[i].tobytes(),
                self.lead_minhash[i].tobytes(),
                *(part.tobytes() for part in ragged),
            ]
        )

    @staticmethod
    def unpack(blobs: Iterable[bytes]) -> tuple[Signatures, list[str], list[str]]:
        """Signatures, clusters and stories from `pack`ed bytes."""
        header = struct.Struct(PACKED_HEADER)
        columns = defaultdict(list)
        clusters, stories = [], []
        for blob in blobs:
            text_length, flags, published, token_count, *lengths = header.unpack_from(blob)
            at = header.size
            ident, language, fingerprint, wire, cluster, story = blob[at : at + text_length].decode().split("\x1f")
            at += text_length
            for name, value in (
                ("ids", ident),
                ("languages", language),
                ("fingerprints", fingerprint),
                ("wires", wire or None),
                ("wire_pages", flags & 1),
                ("statements", flags >> 1),
                ("published", published),
                ("token_counts", token_count),
            ):
                columns[name].append(value)
            clusters.append(cluster)
            stories.append(story)
            for name, count in (("minhash", NUM_PERM), ("lead_minhash", NUM_PERM)):
                columns[name].append(np.frombuffer(blob, np.uint32, count, at))
                at += 4 * count
            for name, count, dtype in zip(
                ("sample", "positions", "numbers", "quotes", "facts"),
                lengths,
                (np.uint32, np.uint16, np.uint32, np.uint32, np.uint32),
            ):
                columns[name].append(np.frombuffer(blob, dtype, count, at))
                at += np.dtype(dtype).itemsize * count
        if not clusters:
            return sign([]), [], []
        return _signatures_from_columns(columns), clusters, stories


def _signatures_from_columns(columns: dict[str, list]) -> Signatures:
    ragged = {
        "sample": np.uint32,
        "positions": np.uint16,
        "numbers": np.uint32,
        "quotes": np.uint32,
        "facts": np.uint32,
    }
    return Signatures(
        ids=columns["ids"],
        languages=columns["languages"],
        fingerprints=columns["fingerprints"],
        wires=columns["wires"],
        wire_pages=np.array(columns["wire_pages"], dtype=bool),
        statements=np.array(columns["statements"], dtype=np.uint8),
        published=np.array(columns["published"], dtype=np.float64),
        token_counts=np.array(columns["token_counts"], dtype=np.int32),
        minhash=np.array(columns["minhash"], dtype=np.uint32).reshape(-1, NUM_PERM),
        lead_minhash=np.array(columns["lead_minhash"], dtype=np.uint32).reshape(-1, NUM_PERM),
        **{name: Ragged.of(columns[name], dtype) for name, dtype in ragged.items()},
    )


def statement_kind(item: DedupItem, text: str) -> int:
    """RELEASE for an issuer's own statement (no wire credit, titled as one), REPORT for a wire story
    reporting a statement, else 0."""
    if not item.wire:
        return RELEASE if textnorm.is_release(item.title, item.body) else 0
    return REPORT if textnorm.reports_statement(text) else 0


def fingerprint(item: DedupItem) -> str:
    return hashlib.sha1(f"{item.language}\x1f{item.title}\x1f{item.body}".encode()).hexdigest()[:20]


def is_wire_page(item: DedupItem) -> bool:
    """The wire's own page (Bernama's services), as opposed to an outlet's copy of its story."""
    if not item.wire:
        return False
    wire = item.wire.lower()
    return item.outlet.strip().lower() == wire or (item.source_id or "").lower().startswith(wire + "_")


def epoch(moment: datetime | None) -> float:
    return moment.timestamp() if moment else math.nan


def _token_hashes(codes: np.ndarray) -> np.ndarray:
    """A 64-bit hash per token of a numpy str array, over the UTF-32 code points of all at once."""
    if not len(codes):
        return np.zeros(0, np.uint64)
    points = codes.view(np.uint32).reshape(len(codes), -1)
    hashed = np.zeros(len(codes), dtype=np.uint64)
    for column, weight in zip(points.T, _CODE_POINT_WEIGHTS):  # zero padding adds nothing to the sum
        hashed += column * weight
    hashed ^= hashed >> np.uint64(32)
    return hashed


def _shingle_hashes(token_hashes: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(hash, article, token position) of every SHINGLE_TOKENS-token window of every article at once.

    `token_hashes` holds the articles' tokens one after the other, `counts` how many each has; an
    article shorter than a shingle gets one window, padded.
    """
    pad = SHINGLE_TOKENS - 1
    article_of_token = np.repeat(np.arange(len(counts)), counts)
    padded = np.zeros(len(token_hashes) + pad * len(counts) + pad, dtype=np.uint64)
    padded_starts = np.concatenate([[0], np.cumsum(counts + pad)[:-1]]).astype(np.int64)
    padded[np.arange(len(token_hashes)) + pad * article_of_token] = token_hashes
    windows = len(padded) - pad
    mixed = np.zeros(windows, dtype=np.uint64)
    for offset, multiplier in enumerate(_SHINGLE_MULTIPLIERS):
        mixed += padded[offset : offset + windows] * multiplier
    mixed ^= mixed >> np.uint64(31)  # a finaliser, so the low and the top bits are both well mixed
    mixed *= np.uint64(0x94D049BB133111EB)
    mixed ^= mixed >> np.uint64(29)
    article = np.repeat(np.arange(len(counts)), counts + pad)
    position = np.arange(len(article)) - padded_starts[article]
    valid = (position <= np.maximum(counts - SHINGLE_TOKENS, 0)[article]) & (counts[article] > 0)
    return mixed[: len(article)][valid], article[valid], position[valid]


def _minhashes(values: np.ndarray, articles: np.ndarray, count: int) -> np.ndarray:
    """NUM_PERM min-hashes per article under (a*x+b) mod 2**32, a few articles at a time to stay in cache.

    `values` are grouped by article (`articles`, ascending); articles without values stay all-ones."""
    out = np.full((count, NUM_PERM), EMPTY, dtype=np.uint32)
    present, starts = np.unique(articles, return_index=True)
    group = 8
    for first in range(0, len(present), group):
        rows = present[first : first + group]
        begin = starts[first]
        end = starts[first + group] if first + group < len(present) else len(values)
        permuted = values[begin:end, None] * _PERM_A[None, :]
        permuted += _PERM_B[None, :]
        out[rows] = np.minimum.reduceat(permuted, starts[first : first + group] - begin, axis=0)
    return out


def _ragged_unique(
    articles: np.ndarray, values: np.ndarray, count: int, positions: np.ndarray | None = None
) -> tuple[Ragged, Ragged | None]:
    """Per article, its distinct values sorted (and the first position of each, when given)."""
    order = np.lexsort((positions, values, articles) if positions is not None else (values, articles))
    articles, values = articles[order], values[order]
    first = np.ones(len(values), dtype=bool)
    first[1:] = (articles[1:] != articles[:-1]) | (values[1:] != values[:-1])
    offsets = np.searchsorted(articles[first], np.arange(count + 1)).astype(np.int64)
    kept_positions = None
    if positions is not None:
        kept_positions = Ragged(np.minimum(positions[order][first], 65535).astype(np.uint16), offsets)
    return Ragged(values[first], offsets), kept_positions


SIGN_BATCH = 256  # articles whose tokens are hashed together: big enough for numpy, small in memory


def sign(items: Sequence[DedupItem]) -> Signatures:
    """Normalise, shingle and sign articles (the only step that reads their text)."""
    if len(items) > SIGN_BATCH:
        return Signatures.concat([sign(items[i : i + SIGN_BATCH]) for i in range(0, len(items), SIGN_BATCH)])
    columns: dict[str, list] = {
        name: []
        for name in (
            "ids",
            "languages",
            "fingerprints",
            "wires",
            "wire_pages",
            "statements",
            "published",
            "token_counts",
        )
    }
    quotes: list[int] = []
    quote_counts: list[int] = []
    words: list[str] = []
    names: list[str] = []
    name_counts: list[int] = []
    for item in items:
        paragraphs = textnorm.story_paragraphs(item.body, item.language)
        text = "\n".join(paragraphs)
        tokens = textnorm.tokens(text, item.language)
        words += tokens
        found = textnorm.names(f"{item.title}\n{text}", item.language)
        names += found
        name_counts.append(len(found))
        found_quotes = [zlib.crc32(q.encode()) for p in paragraphs for q in textnorm.quotes(p, item.language)]
        quotes += found_quotes
        quote_counts.append(len(found_quotes))
        columns["ids"].append(item.id)
        columns["languages"].append(item.language)
        columns["fingerprints"].append(fingerprint(item))
        columns["wires"].append(item.wire)
        columns["wire_pages"].append(is_wire_page(item))
        columns["statements"].append(statement_kind(item, text))
        columns["published"].append(epoch(item.published))
        columns["token_counts"].append(len(tokens))
    count = len(items)
    counts = np.array(columns["token_counts"], dtype=np.int64)
    codes = np.array(words, dtype=str)
    token_hashes = _token_hashes(codes)
    shingles, articles, positions = _shingle_hashes(token_hashes, counts)
    low = (shingles & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    in_lead = positions <= LEAD_TOKENS - SHINGLE_TOKENS
    sampled = shingles % np.uint64(SAMPLE_ONE_IN) == 0
    sample, sample_positions = _ragged_unique(articles[sampled], low[sampled], count, positions[sampled])
    assert sample_positions is not None  # asked for with the positions
    # Numbers as digits only: "58th", "ke-58" and "第58届" all state 58. Separators were dropped
    # ("1,534.56" is "153456"), so copies state their numbers alike.
    stripped = np.strings.strip(codes, textnorm.LETTERS) if len(codes) else codes
    digits = np.strings.isdigit(stripped) if len(codes) else np.zeros(0, dtype=bool)
    token_articles = np.repeat(np.arange(count), counts)
    number_articles = token_articles[digits]
    number_values = _token_hashes(stripped[digits]).astype(np.uint32)
    name_values = _token_hashes(np.array(names, dtype=str)).astype(np.uint32)
    name_articles = np.repeat(np.arange(count), name_counts)
    signatures = Signatures(
        ids=columns["ids"],
        languages=columns["languages"],
        fingerprints=columns["fingerprints"],
        wires=columns["wires"],
        wire_pages=np.array(columns["wire_pages"], dtype=bool),
        statements=np.array(columns["statements"], dtype=np.uint8),
        published=np.array(columns["published"], dtype=np.float64),
        token_counts=counts.astype(np.int32),
        minhash=_minhashes(low, articles, count),
        lead_minhash=_minhashes(low[in_lead], articles[in_lead], count),
        sample=sample,
        positions=sample_positions,
        numbers=_ragged_unique(number_articles, number_values, count)[0],
        quotes=_ragged_unique(np.repeat(np.arange(count), quote_counts), np.array(quotes, dtype=np.uint32), count)[0],
        facts=_ragged_unique(
            np.concatenate([number_articles, name_articles]), np.concatenate([number_values, name_values]), count
        )[0],
    )
    return signatures
