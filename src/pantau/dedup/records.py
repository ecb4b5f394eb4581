"""`pantau dedup FILE`: the extracted records, each with its cluster, canonical flag, story and why.

The file is read three times rather than held: once to sign the articles 256 at a time, once to
keep the names and numbers of the articles others joined, once to write each record with its
assignment as it is read. What stays in memory is the signatures (while clustering) and the
assignments: a million articles fit in a few GB, where holding the records took three times more.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TextIO

from pantau.dedup import explain
from pantau.dedup.cluster import Assignment, assign_signatures
from pantau.dedup.index import SignatureIndex
from pantau.dedup.signatures import SIGN_BATCH, DedupItem, Signatures, sign
from pantau.models import article_id

REQUIRED = frozenset({"url", "title", "body", "language"})
# Fields read as text; any other type in them is a bad record, named, not a crash later on.
TEXT_FIELDS = ("url", "title", "body", "language", "outlet", "source_id", "wire", "published")


class BadRecord(ValueError):
    """A line of the input that is not an article record; the message names the line."""


def dedup_file(path: Path, out: TextIO) -> int:
    """Deduplicate the JSON lines of `path` onto `out`, one record per line; returns how many."""

    def read() -> Iterator[tuple[str, dict]]:
        with open(path, encoding="utf-8", errors="replace") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield f"{path}:{number}", _record(line, f"{path}:{number}")

    written = 0
    for record in _deduped(read):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        written += 1
    return written


def dedup_records(records: list[dict]) -> list[dict]:
    """The records, each with its cluster, canonical flag, story and why (for callers holding a list)."""
    return list(_deduped(lambda: ((record.get("url", "?"), record) for record in records)))


def _record(line: str, where: str) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadRecord(f"{where}: not JSON ({exc.msg})") from None
    missing = REQUIRED - set(record) if isinstance(record, dict) else {"object"}
    if missing:
        raise BadRecord(f"{where}: missing {', '.join(sorted(missing))}")
    for name in TEXT_FIELDS:
        value = record.get(name)
        if not isinstance(value, str) and (value is not None or name in REQUIRED):
            raise BadRecord(f"{where}: field {name!r} must be a string, not {value!r:.40}")
    return record


def _deduped(read: Callable[[], Iterable[tuple[str, dict]]]) -> Iterator[dict]:
    """The records `read()` yields (each call reads them again), with their assignments."""
    assignments = _assign(read)
    targets = {a.matched_with for a in assignments if a.matched_with}
    facts_of: dict[str, str] = {}  # joined by "\x1f": a third of the memory of a set of strings
    for where, record in read():
        ident = article_id(record["url"])
        if ident in targets and ident not in facts_of:
            facts_of[ident] = "\x1f".join(explain.facts(_item(record, where)))
    for (where, record), a in zip(read(), assignments):
        why = None
        if a.matched_with is not None:
            other = frozenset(facts_of[a.matched_with].split("\x1f"))
            why = explain.evidence(a.score, explain.facts(_item(record, where)), other)
        yield {
            **record,
            "cluster": a.cluster,
            "canonical": a.canonical,
            "story": a.story,
            "dedup_method": a.method,
            "dedup_score": a.score,
            "matched_with": a.matched_with,
            "dedup_evidence": why,
        }


def _assign(read: Callable[[], Iterable[tuple[str, dict]]]) -> list[Assignment]:
    signed, batch = [], []
    for where, record in read():
        batch.append(_item(record, where))
        if len(batch) == SIGN_BATCH:
            signed.append(sign(batch))
            batch = []
    signed.append(sign(batch))
    return assign_signatures(Signatures.concat(signed), SignatureIndex())


def _item(record: dict, where: str) -> DedupItem:
    return DedupItem(
        id=article_id(record["url"]),
        url=record["url"],
        outlet=record.get("outlet") or "",
        source_id=record.get("source_id"),
        language=record.get("language") or "en",
        title=record.get("title") or "",
        body=record.get("body") or "",
        published=_parse_published(record.get("published"), where),
        wire=record.get("wire"),
    )


def _parse_published(value: object, where: str) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise BadRecord(f"{where}: published is not an ISO date-time: {value!r}") from None
    if moment.tzinfo is None:
        raise BadRecord(f"{where}: published has no time zone: {value!r}")
    return moment
