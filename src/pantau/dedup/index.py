"""The window's signed articles, in memory and persisted (the article store, or Redis)."""

from __future__ import annotations

import os
import struct
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from pantau.dedup.signatures import PACKED_HEADER, Signatures, sign
from pantau.store import DedupSignature

WINDOW_DAYS = 7
# How long signatures are kept: the window, plus room for reruns of last week's days.
RETENTION = timedelta(days=2 * WINDOW_DAYS + 1)


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
            header, (language, cluster, story) = packed_fields(blob)
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
            pipe.hset(self._key(day), mapping=cast(Mapping[Any, bytes], entries))  # redis types its keys narrowly
            pipe.expire(self._key(day), RETENTION)
        pipe.execute()


def packed_fields(blob: bytes) -> tuple[str, tuple[str, str, str]]:
    """(fingerprint, (language, cluster, story)) of a packed signature, without unpacking the arrays."""
    text_length = struct.unpack_from("<H", blob)[0]
    at = struct.calcsize(PACKED_HEADER)
    _, language, fingerprint_, _, cluster, story = blob[at : at + text_length].decode().split("\x1f")
    return fingerprint_, (language, cluster, story)


def signature_store(s: Session) -> StoreSignatures | RedisSignatures:
    """Redis when PANTAU_DEDUP_REDIS_URL is set (keys under PANTAU_DEDUP_REDIS_PREFIX), else the store."""
    url = os.environ.get("PANTAU_DEDUP_REDIS_URL")
    if not url:
        return StoreSignatures(s)
    return RedisSignatures(url, os.environ.get("PANTAU_DEDUP_REDIS_PREFIX") or "pantau:dedup")
