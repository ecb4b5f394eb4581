"""The article store: SQLAlchemy 2 on SQLite by default, PostgreSQL by PANTAU_DB_URL.

Every stage writes rows keyed by what they describe (a URL, an article, a source and day),
so running a stage again for the same interval replaces its rows instead of adding to them.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.types import TypeDecorator

from pantau import config


class UTCDateTime(TypeDecorator):
    """Stored as naive UTC on every backend, returned tz-aware; SQLite keeps no offsets."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; attach a time zone")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        return value.replace(tzinfo=timezone.utc) if value is not None else None


class Base(DeclarativeBase):
    pass


class RawPage(Base):
    """A fetched response, kept compressed before anything parses it."""

    __tablename__ = "raw_pages"
    __table_args__ = (
        UniqueConstraint("url", "content_hash", name="uq_raw_url_content"),
        Index("ix_raw_batch", "batch_day", "kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(String(2048))  # normalised request URL
    final_url: Mapped[str] = mapped_column(String(2048))
    source_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # "feed" or "article"
    batch_day: Mapped[date] = mapped_column(Date)  # the interval whose poll fetched it
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[int] = mapped_column(Integer)
    headers: Mapped[dict] = mapped_column(JSON, default=dict)
    content_hash: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    body_z: Mapped[bytes] = mapped_column(LargeBinary)
    listed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)  # the feed's date

    @property
    def body(self) -> bytes:
        return zlib.decompress(self.body_z)

    @staticmethod
    def compress(body: bytes) -> bytes:
        return zlib.compress(body, 6)


class UrlState(Base):
    """What the last fetch of a URL said, for conditional requests."""

    __tablename__ = "url_state"

    url: Mapped[str] = mapped_column(String(2048), primary_key=True)
    etag: Mapped[str | None] = mapped_column(String(512), nullable=True)
    last_modified: Mapped[str | None] = mapped_column(String(128), nullable=True)
    content_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[int] = mapped_column(Integer)


class SourceRun(Base):
    """One source's poll for one interval: what it brought, or why it failed."""

    __tablename__ = "source_runs"

    source_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # ok | unchanged | failed | replayed
    reason: Mapped[str | None] = mapped_column(String(32), nullable=True)  # failure class
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    items_seen: Mapped[int] = mapped_column(Integer, default=0)
    new_items: Mapped[int] = mapped_column(Integer, default=0)
    failed_items: Mapped[int] = mapped_column(Integer, default=0)
    bytes_received: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_new_item_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ArticleRow(Base):
    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_day", "day"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    url: Mapped[str] = mapped_column(String(2048))
    source_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    outlet: Mapped[str] = mapped_column(String(128))
    title: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    published_iso: Mapped[str | None] = mapped_column(String(40), nullable=True)  # with its own offset
    language: Mapped[str] = mapped_column(String(8))
    byline: Mapped[str | None] = mapped_column(Text, nullable=True)
    body: Mapped[str] = mapped_column(Text)
    wire: Mapped[str | None] = mapped_column(String(32), nullable=True)
    origin_outlet: Mapped[str | None] = mapped_column(String(128), nullable=True)
    method: Mapped[str] = mapped_column(String(64))
    raw_page_id: Mapped[int] = mapped_column(Integer)
    # The briefing day the article belongs to: its publication day in the briefing's time
    # zone, or the day it was collected when the page gives no time.
    day: Mapped[date] = mapped_column(Date)
    batch_day: Mapped[date] = mapped_column(Date)


class Quarantine(Base):
    """Something a stage would not pass on, with the reason; nothing is deleted."""

    __tablename__ = "quarantine"
    __table_args__ = (UniqueConstraint("stage", "day", "item", "reason", name="uq_quarantine"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stage: Mapped[str] = mapped_column(String(32))
    day: Mapped[date] = mapped_column(Date, index=True)
    item: Mapped[str] = mapped_column(String(2048))  # URL, article id or row key
    reason: Mapped[str] = mapped_column(String(128))
    detail: Mapped[str] = mapped_column(Text, default="")


class DedupAssignment(Base):
    """Which cluster (same story, same language) and story (across languages) an article joined."""

    __tablename__ = "dedup_assignments"
    __table_args__ = (Index("ix_dedup_day", "day"), Index("ix_dedup_cluster", "cluster"))

    article_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    cluster: Mapped[str] = mapped_column(String(40))
    story: Mapped[str] = mapped_column(String(40))
    canonical: Mapped[bool] = mapped_column(Boolean, default=False)
    method: Mapped[str] = mapped_column(String(64))  # why it joined: pantau.dedup.cluster.Assignment.method
    score: Mapped[float] = mapped_column(Float, default=1.0)
    matched_with: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # JSON {"score", "shared": the names and numbers both state, "shared_count"}; None for a seed.
    evidence: Mapped[dict | None] = mapped_column(JSON, nullable=True)


class DedupSignature(Base):
    """An article's dedup signature, kept so a daily run compares with the past week without re-hashing it."""

    __tablename__ = "dedup_signatures"
    __table_args__ = (Index("ix_dedup_signatures_day", "day"),)

    article_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(8))
    fingerprint: Mapped[str] = mapped_column(String(40))  # of the text signed: a changed article is re-signed
    cluster: Mapped[str] = mapped_column(String(40))
    story: Mapped[str] = mapped_column(String(40))
    signature: Mapped[bytes] = mapped_column(LargeBinary)  # dedup.Signatures.pack


class QualityRun(Base):
    __tablename__ = "quality_runs"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    suite: Mapped[str] = mapped_column(String(64), primary_key=True)
    success: Mapped[bool] = mapped_column(Boolean)
    critical_failures: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[dict] = mapped_column(JSON, default=dict)


class AlertState(Base):
    """Where each source stands in the alert sequence, so alerts go out once, not per retry."""

    __tablename__ = "alert_state"

    source_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # failing | stale | profile
    state: Mapped[str] = mapped_column(String(16))  # ok | alerting
    since: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the mapped poll tasks write while another task reads; busy_timeout waits for locks.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


_schema_lock = threading.Lock()


def engine(url: str | None = None) -> Engine:
    """The engine for a store URL (PANTAU_DB_URL by default), its schema created on first use."""
    url = url or config.db_url()
    with _schema_lock:  # concurrent first users (poll threads) must not both create the tables
        return _engine(url)


def forget_engine(url: str) -> None:
    """Close an engine's connections and drop it from the cache (before its database is dropped)."""
    with _schema_lock:
        _engine(url).dispose()
        _engine.cache_clear()


@lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        created = create_engine(url)
        event.listen(created, "connect", _sqlite_pragmas)
    else:
        created = create_engine(url, pool_pre_ping=True)
    Base.metadata.create_all(created)
    return created


@contextmanager
def session(url: str | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    factory = sessionmaker(engine(url), expire_on_commit=False)
    with factory() as s:
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise


def quarantine(s: Session, stage: str, day: date, item: str, reason: str, detail: str = "") -> None:
    """Record a rejected item once per stage, day and reason (a rerun does not add it again)."""
    existing = s.query(Quarantine).filter_by(stage=stage, day=day, item=item[:2048], reason=reason[:128]).one_or_none()
    if existing is None:
        s.add(Quarantine(stage=stage, day=day, item=item[:2048], reason=reason[:128], detail=detail))
    else:
        existing.detail = detail
