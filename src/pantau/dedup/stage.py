"""Syndication dedup: one wire story, shown once, with everyone who carried it.

The pipeline, in the order the code runs it:

1. normalise  story paragraphs without dateline, credit and boilerplate; tokens (Chinese by character)
2. shingle    overlapping 4-token shingles, hashed once, in numpy for a few hundred articles at a
              time (each token's code points, then the windows)
3. signature  64 min-hashes of the whole text and of its lead, a 1-in-4 sample of the shingles with
              their positions, and the numbers, quotes and names the text states
4. candidates LSH banding of both min-hash sets, and exact quote matches, done by sorting band keys
              in numpy (a dict-backed LSH costs ~1 KB of Python objects per key and band: a week of a
              million articles a day would not fit in memory)
5. verify     containment on the shingle samples, anchored at the start of both texts, with the
              numbers as a guard against daily template reports
6. join       each article joins the cluster of its best verified earlier match (one link, never a
              union of everything it touches: a page with an inlined story must not weld two stories);
              a new cluster stating nearly all the names and numbers of an earlier one of the same
              wire and language joins it (a paper retelling the wire's story in its own words)
7. canonical  the wire's own page (its latest version) when present, else the earliest published
8. stories    clusters in different languages are linked into one story by the names and numbers
              they share (idf-weighted), when close in time and credited to the same wire

Articles are compared with the last `WINDOW_DAYS` days, whose signatures are persisted (in the store,
or in Redis when PANTAU_DEDUP_REDIS_URL is set) so a daily run never re-hashes the week.
"""

from __future__ import annotations

import hashlib
import math
import os
import struct
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

import numpy as np
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from pantau.dedup import textnorm
from pantau.models import article_id
from pantau.store import ArticleRow, DedupAssignment, DedupSignature

if TYPE_CHECKING:
    from redis.typing import EncodableT, FieldT

WINDOW_DAYS = 7
# How long signatures are kept: the window, plus room for reruns of last week's days.
RETENTION = timedelta(days=2 * WINDOW_DAYS + 1)
SHINGLE_TOKENS = 4
LEAD_TOKENS = 50  # about the first paragraph: what trimmed copies and briefs always keep
NUM_PERM = 64
# (bands, rows): the probability that a pair becomes a candidate is 1-(1-J^rows)^bands, J its Jaccard.
BODY_BANDING = (21, 3)  # J=0.5 -> 0.94, J=0.3 -> 0.44, unrelated news (J~0.002) -> 2e-7
LEAD_BANDING = (16, 4)  # leads of copies agree almost entirely: J=0.6 -> 0.89
SAMPLE_ONE_IN = 4  # shingles kept for verification: containment estimates stay unbiased
NEIGHBOURS = 16  # within one bucket an article meets at most this many earlier ones (template reports)

NEAR_DUPLICATE = 0.8  # both texts share this much of their shingles: the same text, lightly edited
CONTAINMENT = 0.7  # the smaller text is mostly inside the larger: trimmed copy, brief, update
# A containment must start near the top of both texts: copies keep the lead, while a story inlined
# on a bigger page, or one quoted paragraph, sits in its middle.
ANCHOR_FRACTION, ANCHOR_TOKENS = 0.2, 60
NUMBERS_AGREE = 0.6  # share of the smaller text's numbers the other must state too
QUOTES_SHARED, QUOTES_AGREE = 2, 0.6  # rewrites keep the quotes word for word
REWRITE_MIN_OVERLAP = 0.1  # and some of the prose

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

_EMPTY = np.uint32(0xFFFFFFFF)
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


@dataclass(frozen=True)
class Assignment:
    article_id: str
    cluster: str
    story: str
    canonical: bool
    method: str  # "seed" (founded the cluster), "near-duplicate", "containment", "quotes" or "facts"
    score: float
    matched_with: str | None


# --------------------------------------------------------------------------- signatures


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
            "<H?dI5I",
            len(text),
            bool(self.wire_pages[i]),
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
        header = struct.Struct("<H?dI5I")
        columns = defaultdict(list)
        clusters, stories = [], []
        for blob in blobs:
            text_length, wire_page, published, token_count, *lengths = header.unpack_from(blob)
            at = header.size
            ident, language, fingerprint, wire, cluster, story = blob[at : at + text_length].decode().split("\x1f")
            at += text_length
            for name, value in (
                ("ids", ident),
                ("languages", language),
                ("fingerprints", fingerprint),
                ("wires", wire or None),
                ("wire_pages", wire_page),
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
        published=np.array(columns["published"], dtype=np.float64),
        token_counts=np.array(columns["token_counts"], dtype=np.int32),
        minhash=np.array(columns["minhash"], dtype=np.uint32).reshape(-1, NUM_PERM),
        lead_minhash=np.array(columns["lead_minhash"], dtype=np.uint32).reshape(-1, NUM_PERM),
        **{name: Ragged.of(columns[name], dtype) for name, dtype in ragged.items()},
    )


def fingerprint(item: DedupItem) -> str:
    return hashlib.sha1(f"{item.language}\x1f{item.title}\x1f{item.body}".encode()).hexdigest()[:20]


def is_wire_page(item: DedupItem) -> bool:
    """The wire's own page (Bernama's services), as opposed to an outlet's copy of its story."""
    if not item.wire:
        return False
    wire = item.wire.lower()
    return item.outlet.strip().lower() == wire or (item.source_id or "").lower().startswith(wire + "_")


def _epoch(moment: datetime | None) -> float:
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
    out = np.full((count, NUM_PERM), _EMPTY, dtype=np.uint32)
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


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
SIGN_BATCH = 256  # articles whose tokens are hashed together: big enough for numpy, small in memory


def sign(items: Sequence[DedupItem]) -> Signatures:
    """Normalise, shingle and sign articles (the only step that reads their text)."""
    if len(items) > SIGN_BATCH:
        return Signatures.concat([sign(items[i : i + SIGN_BATCH]) for i in range(0, len(items), SIGN_BATCH)])
    columns: dict[str, list] = {
        name: [] for name in ("ids", "languages", "fingerprints", "wires", "wire_pages", "published", "token_counts")
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
        columns["published"].append(_epoch(item.published))
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
    assert sample_positions is not None  # positions were given
    # Numbers as digits only: "58th", "ke-58" and "第58届" all state 58. Separators were dropped
    # ("1,534.56" is "153456"), so copies state their numbers alike.
    stripped = np.strings.strip(codes, _LETTERS) if len(codes) else codes
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


# --------------------------------------------------------------------------- index


class SignatureIndex:
    """The window's signed articles and the cluster and story each joined, in memory."""

    def __init__(self, signatures: Signatures | None = None, clusters: Sequence[str] = (), stories: Sequence[str] = ()):
        self.signatures = signatures if signatures is not None else sign([])
        self.clusters, self.stories = list(clusters), list(stories)

    def __len__(self) -> int:
        return len(self.signatures)

    def add(self, signatures: Signatures, clusters: Sequence[str], stories: Sequence[str]) -> None:
        """Append rows; the index takes `signatures` over (see `Signatures.concat`)."""
        self.signatures = Signatures.concat([self.signatures, signatures])
        self.clusters += clusters
        self.stories += stories

    def packed(self, start: int = 0) -> dict[str, bytes]:
        """Entries from row `start` on, as bytes by article id, for a persisted index."""
        return {
            self.signatures.ids[i]: self.signatures.pack(i, self.clusters[i], self.stories[i])
            for i in range(start, len(self))
        }

    @classmethod
    def of_packed(cls, blobs: Iterable[bytes]) -> SignatureIndex:
        return cls(*Signatures.unpack(blobs))


class StoreSignatures:
    """The persisted index in the article store (table dedup_signatures), one row per article."""

    def __init__(self, s: Session):
        self.s = s

    def load(self, days: Sequence[date]) -> dict[date, dict[str, bytes]]:
        found: dict[date, dict[str, bytes]] = {day: {} for day in days}
        rows = self.s.execute(
            select(DedupSignature.day, DedupSignature.article_id, DedupSignature.signature).where(
                DedupSignature.day.in_(list(days))
            )
        )
        for day, ident, blob in rows:
            found[day][ident] = blob
        return found

    def replace(self, day: date, entries: dict[str, bytes]) -> None:
        self.s.execute(delete(DedupSignature).where(DedupSignature.day == day))
        ids = list(entries)
        for start in range(0, len(ids), 500):  # an article may have been kept under another day before
            self.s.execute(delete(DedupSignature).where(DedupSignature.article_id.in_(ids[start : start + 500])))
        rows = []
        for ident, blob in entries.items():
            header, (language, cluster, story) = _packed_fields(blob)
            rows.append(
                {
                    "article_id": ident,
                    "day": day,
                    "language": language,
                    "fingerprint": header,
                    "cluster": cluster,
                    "story": story,
                    "signature": blob,
                }
            )
        if rows:
            self.s.execute(insert(DedupSignature), rows)
        self.s.execute(delete(DedupSignature).where(DedupSignature.day < day - RETENTION))


class RedisSignatures:
    """The persisted index in Redis, for workers on several machines: one hash per day, expiring."""

    def __init__(self, url: str, prefix: str):
        import redis

        self.redis = redis.Redis.from_url(url)
        self.prefix = prefix

    def _key(self, day: date) -> str:
        return f"{self.prefix}:{day.isoformat()}"

    def load(self, days: Sequence[date]) -> dict[date, dict[str, bytes]]:
        pipe = self.redis.pipeline()
        for day in days:
            pipe.hgetall(self._key(day))
        return {
            day: {ident.decode(): blob for ident, blob in found.items()} for day, found in zip(days, pipe.execute())
        }

    def replace(self, day: date, entries: dict[str, bytes]) -> None:
        pipe = self.redis.pipeline(transaction=True)
        pipe.delete(self._key(day))
        if entries:
            pipe.hset(self._key(day), mapping=cast("Mapping[FieldT, EncodableT]", entries))
            pipe.expire(self._key(day), RETENTION)
        pipe.execute()


def _packed_fields(blob: bytes) -> tuple[str, tuple[str, str, str]]:
    """(fingerprint, (language, cluster, story)) of a packed signature, without unpacking the arrays."""
    text_length = struct.unpack_from("<H", blob)[0]
    at = struct.calcsize("<H?dI5I")
    _, language, fingerprint_, _, cluster, story = blob[at : at + text_length].decode().split("\x1f")
    return fingerprint_, (language, cluster, story)


def signature_store(s: Session) -> StoreSignatures | RedisSignatures:
    """Redis when PANTAU_DEDUP_REDIS_URL is set (keys under PANTAU_DEDUP_REDIS_PREFIX), else the store."""
    url = os.environ.get("PANTAU_DEDUP_REDIS_URL")
    if not url:
        return StoreSignatures(s)
    return RedisSignatures(url, os.environ.get("PANTAU_DEDUP_REDIS_PREFIX") or "pantau:dedup")


# --------------------------------------------------------------------------- candidates


def _band_keys(minhash: np.ndarray, banding: tuple[int, int], languages: np.ndarray) -> np.ndarray:
    """(n, bands) uint64 keys; rows of one band of one language collide when their values all agree."""
    bands, rows = banding
    values = minhash[:, : bands * rows].reshape(len(minhash), bands, rows)  # a view: no copy
    language_keys = np.repeat(languages.astype(np.uint64)[:, None], bands, axis=1)
    keys: np.ndarray = language_keys + np.arange(bands, dtype=np.uint64)  # numpy's stubs would say float64
    for r in range(rows):
        keys ^= values[:, :, r]
        keys *= np.uint64(0x100000001B3)
    return keys


def _neighbour_pairs(
    keys: np.ndarray, owners: np.ndarray, rank: np.ndarray, neighbours: int = NEIGHBOURS
) -> np.ndarray:
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
    languages = _hashes_each(signatures.languages)
    found = []
    for matrix, banding in ((signatures.minhash, BODY_BANDING), (signatures.lead_minhash, LEAD_BANDING)):
        usable = np.flatnonzero(matrix[:, 0] != _EMPTY)
        keys = _band_keys(matrix[usable], banding, languages[usable])
        bands = keys.shape[1]
        found.append(_neighbour_pairs(keys.ravel(), np.repeat(usable, bands), rank))
    quote_owners = signatures.quotes.owners()
    quote_keys = signatures.quotes.values.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15) + languages[
        quote_owners
    ].astype(np.uint64)
    found.append(_neighbour_pairs(quote_keys, quote_owners, rank))
    pairs = np.concatenate(found)
    pairs = pairs[pairs[:, 0] >= first_new]
    codes = np.unique(pairs[:, 0].astype(np.int64) * len(signatures) + pairs[:, 1])
    return np.stack([codes // len(signatures), codes % len(signatures)], axis=1)


def _hashes_each(strings: Sequence[str]) -> np.ndarray:
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
    if (
        shared_quotes >= QUOTES_SHARED
        and overlap_big >= REWRITE_MIN_OVERLAP
        and overlap_small < CONTAINMENT
        and shared_quotes / min(len(quotes_a), len(quotes_b)) >= QUOTES_AGREE
    ):
        return "quotes", shared_quotes / max(len(quotes_a), len(quotes_b))
    return None


# --------------------------------------------------------------------------- clustering


def _processing_rank(sig: Signatures, start: int) -> np.ndarray:
    """Order of rows from `start` on: by publication time (undated last), then id; earlier rows first."""
    published = np.where(np.isnan(sig.published), np.inf, sig.published)
    order = sorted(range(start, len(sig)), key=lambda row: (published[row], sig.ids[row]))
    rank = np.arange(len(sig), dtype=np.int64)
    rank[order] = np.arange(start, len(sig))
    return rank


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
            if verdict and (best is None or (verdict[1], -rank[earlier]) > (best[1], -rank[best[2]])):
                best = (*verdict, earlier)
        if best:
            joined[row] = best
            index.clusters[row] = index.clusters[best[2]]
        else:
            index.clusters[row] = f"c-{sig.ids[row]}"
    del pairs, bounds  # before the fact links, which need the room at a million articles

    _merge_retold(index, first_new, rank, joined)
    _link_stories(index, first_new, rank)
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


# --------------------------------------------------------------------------- links by names and numbers


def _cluster_heads(index: SignatureIndex) -> dict[str, int]:
    """The row that stands for each cluster: its founder when in the window, else its first member."""
    heads: dict[str, int] = {}
    for row, cluster in enumerate(index.clusters):
        if cluster not in heads or cluster == f"c-{index.signatures.ids[row]}":
            heads[cluster] = row
    return heads


def _merge_retold(
    index: SignatureIndex, first_new: int, rank: np.ndarray, joined: dict[int, tuple[str, float, int]]
) -> None:
    """A cluster founded here joins an earlier one of the same language and wire whose names and
    numbers it shares almost all of: a paper retelling the wire's story in its own words."""
    heads = _cluster_heads(index)
    links = _fact_links(
        index.signatures, np.array(list(heads.values()), dtype=np.int64), first_new, rank, same_language=True
    )
    target_of: dict[str, str] = {}
    for row in sorted(links, key=rank.__getitem__):
        score, partner = links[row]
        target_of[index.clusters[row]] = target_of.get(index.clusters[partner], index.clusters[partner])
        joined[row] = ("facts", score, partner)
    for row in range(first_new, len(index)):
        index.clusters[row] = target_of.get(index.clusters[row], index.clusters[row])


def _link_stories(index: SignatureIndex, first_new: int, rank: np.ndarray) -> None:
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
    wires = _hashes_each([wire or "" for wire in sig.wires])
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
    pairs = _neighbour_pairs(facts.values[rare].astype(np.uint64), owners[rare], rank[heads], FACT_NEIGHBOURS)
    codes, shared = np.unique(pairs[:, 0].astype(np.int64) * len(heads) + pairs[:, 1], return_counts=True)
    codes = codes[shared >= 2]  # two rare facts in common make a candidate
    later, earlier = codes // len(heads), codes % len(heads)  # _neighbour_pairs puts the later first
    rows, others = heads[later], heads[earlier]
    languages = _hashes_each(sig.languages)
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


# --------------------------------------------------------------------------- entry points


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
            _write_assignments(s, earlier, [a for a in assigned if a.article_id not in with_rows], replace_day=False)
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
    _write_assignments(s, day, assignments)
    return {
        "articles": len(assignments),
        "clusters": len({a.cluster for a in assignments}),
        "stories": len({a.story for a in assignments}),
        "joined": sum(a.method != "seed" for a in assignments),
    }


def _stored_fingerprint(blob: bytes | None) -> str | None:
    return _packed_fields(blob)[0] if blob else None


def _write_assignments(s: Session, day: date, assignments: list[Assignment], *, replace_day: bool = True) -> None:
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
                    (is_wire_page(item), _epoch(item.published), item.id)
                    for item in (_item(article) for _, article in group)
                ]
            )
            for position, (assignment, _) in enumerate(group):
                assignment.canonical = position == chosen
    s.flush()
