"""The article store: SQLAlchemy 2 on SQLite by default, PostgreSQL by PANTAU_DB_URL.

Every stage writes rows keyed by what they describe (a URL, an article, a source and day),
so running a stage again for the same interval replaces its rows instead of adding to them.
The schema is Alembic's (store_migrations/): the store upgrades itself on first use.

Much of what is stored comes from the web (headers, URLs, titles, error messages), so every
string is bounded and cleaned as it is written: no value a server sends can fail a write.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Connection,
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
    inspect,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, Session, mapped_column, sessionmaker
from sqlalchemy.types import TypeDecorator

from pantau import config

MIGRATIONS_DIR = Path(__file__).with_name("store_migrations")
# Not Alembic's default name: the store may share a PostgreSQL database with Airflow's own tables.
VERSION_TABLE = "pantau_alembic_version"
BASELINE_REVISION = "0001"  # the schema create_all made before migrations; older stores are stamped with it
# The newest revision in store_migrations/versions (tests/store checks it is Alembic's head): a store
# already there is opened without importing Alembic, which would cost every task process a third of a second.
HEAD_REVISION = "0005"
# pg_advisory_xact_lock key that every Pantau process upgrading a PostgreSQL store waits on ("pantau").
_UPGRADE_LOCK_KEY = 0x70616E746175


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


# Text columns holding messages a server can make long (errors, details) carry this in `info`.
_MESSAGE = {"max_chars": 4000}


@event.listens_for(Base, "before_insert", propagate=True)
@event.listens_for(Base, "before_update", propagate=True)
def _bounded_strings(mapper: Mapper, connection, row: Base) -> None:
    """Every string cut to its column's length and cleaned: PostgreSQL refuses a longer value, NUL
    characters and lone surrogates, and the value would fail the whole transaction with it."""
    for attribute in mapper.column_attrs:
        value = row.__dict__.get(attribute.key)  # only what is loaded is written
        column = attribute.columns[0]
        if value is None or not isinstance(column.type, String):  # Text is a String too
            continue
        limit = column.type.length or column.info.get("max_chars")
        cleaned = str(value).replace("\x00", "").encode("utf-8", "replace").decode("utf-8")[:limit]
        if cleaned != value:
            setattr(row, attribute.key, cleaned)


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
    # The feed's title for the page: the headline of a page that prints none.
    listed_title: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Set when the parse stage read this copy: the poll parses what it fetched right away, so the
    # briefing run finds little or nothing left to parse.
    parsed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

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
    # Quality and the briefing read one day's runs of every source; the key leads with the source.
    __table_args__ = (Index("ix_source_runs_day", "day"),)

    source_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # ok | unchanged | failed | replayed
    reason: Mapped[str | None] = mapped_column(String(32), nullable=True)  # failure class
    error: Mapped[str | None] = mapped_column(Text, nullable=True, info=_MESSAGE)
    items_seen: Mapped[int] = mapped_column(Integer, default=0)
    new_items: Mapped[int] = mapped_column(Integer, default=0)
    failed_items: Mapped[int] = mapped_column(Integer, default=0)
    bytes_received: Mapped[int] = mapped_column(BigInteger, default=0)  # 200 pages of 20 MB overflow 32 bits
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_new_item_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # A server's Retry-After beyond the source's cap: polls before this touch no network.
    deferred_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The day's polls, summed: the briefing's source-health section reads them.
    polls_ok: Mapped[int] = mapped_column(Integer, default=0)
    polls_failed: Mapped[int] = mapped_column(Integer, default=0)
    gaps: Mapped[int] = mapped_column(Integer, default=0)
    lost_estimate: Mapped[int] = mapped_column(Integer, default=0)


class SourcePoll(Base):
    """One poll attempt of one source: health counts failures in polls and hours, not in days."""

    __tablename__ = "source_polls"
    __table_args__ = (Index("ix_source_polls_source_started", "source_id", "started_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_id: Mapped[str] = mapped_column(String(64))
    day: Mapped[date] = mapped_column(Date, index=True)  # the MYT day the poll started on
    status: Mapped[str] = mapped_column(String(16))  # ok | unchanged | failed
    reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    items_seen: Mapped[int] = mapped_column(Integer, default=0)
    new_items: Mapped[int] = mapped_column(Integer, default=0)  # article pages this poll stored
    failed_items: Mapped[int] = mapped_column(Integer, default=0)
    bytes_received: Mapped[int] = mapped_column(BigInteger, default=0)
    gap: Mapped[bool] = mapped_column(Boolean, default=False)
    lost_estimate: Mapped[int | None] = mapped_column(Integer, nullable=True)  # None: a gap of unknown size
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The log of the Airflow task instance that ran the poll (its map index and try): what a source
    # alert links, whichever callback sends it. None outside Airflow (the CLI, the demo).
    log_url: Mapped[str | None] = mapped_column(String(2048), nullable=True)


class FeedListing(Base):
    """What a feed URL listed at its last successful poll, to tell whether the next listing overlaps it."""

    __tablename__ = "feed_listings"

    url: Mapped[str] = mapped_column(String(2048), primary_key=True)  # normalised feed URL
    source_id: Mapped[str] = mapped_column(String(64))
    # [normalised item URL, its time (the feed's, else its page's) or None], as the feed listed them
    items: Mapped[list] = mapped_column(JSON, default=list)
    listed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SourceCadence(Base):
    """When a source is next due and at what interval, adapted poll by poll within the registry's bounds."""

    __tablename__ = "source_cadence"

    source_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    interval_minutes: Mapped[int] = mapped_column(Integer)
    next_due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_polled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    quiet_polls: Mapped[int] = mapped_column(Integer, default=0)  # polls in a row that found nothing new


class ArticleRow(Base):
    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_day", "day"),
        # Parse replaces, quality checks and the volume check counts one batch day's articles per source.
        Index("ix_articles_batch_day", "batch_day", "source_id"),
    )

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
    # The briefing day the article belongs to: its publication day in the briefing's time zone
    # (see pantau.days.article_day); never the day of the poll or run that found it.
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
    detail: Mapped[str] = mapped_column(Text, default="", info=_MESSAGE)


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
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True, info=_MESSAGE)


_WAL_SWITCH_ATTEMPTS = 300  # 30 s, as busy_timeout


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # busy_timeout waits for locks, first: switching a fresh file to WAL takes one, and another
    # process may hold it. WAL lets the mapped poll tasks write while another task reads.
    cursor.execute("PRAGMA busy_timeout=30000")
    # SQLite answers "locked" at once, without the busy handler, when the switch would deadlock
    # with a process that holds the write lock (another process upgrading a fresh store): retry.
    for attempt in range(_WAL_SWITCH_ATTEMPTS):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError:
            if attempt == _WAL_SWITCH_ATTEMPTS - 1:
                raise
            time.sleep(0.1)
    cursor.close()


def _alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    alembic_config = Config()
    alembic_config.set_main_option("script_location", str(MIGRATIONS_DIR))
    alembic_config.attributes["connection"] = connection
    return alembic_config


def stored_revision(connection: Connection) -> str | None:
    """The revision the store's schema is at; None for a new store or one from before migrations."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalar()


def _take_upgrade_lock(connection: Connection) -> None:
    """Hold, until the transaction ends, a lock that any other process upgrading this store waits for."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_UPGRADE_LOCK_KEY})")
    elif connection.dialect.name == "sqlite":
        # SQLite's write lock, taken now rather than at the first write; a waiting process retries
        # for the busy_timeout. The whole upgrade is then one transaction (SQLite DDL is transactional).
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def upgrade(bind: Engine) -> str:
    """Bring the store's schema to the newest revision and return it.

    Safe when several processes start on a new store at once: one upgrades while holding the lock,
    the others wait for it and then find nothing left to do. A store made by create_all before
    migrations existed is stamped with the baseline revision, which is its schema, then upgraded.
    """
    with bind.connect() as connection:
        if stored_revision(connection) == HEAD_REVISION:  # the common case: no lock, no Alembic
            return HEAD_REVISION
    from alembic import command

    with bind.connect() as connection:
        _take_upgrade_lock(connection)
        current = stored_revision(connection)
        if current is None and inspect(connection).has_table(ArticleRow.__tablename__):
            command.stamp(_alembic_config(connection), BASELINE_REVISION)
        if current != HEAD_REVISION:
            command.upgrade(_alembic_config(connection), HEAD_REVISION)
        connection.commit()
    return HEAD_REVISION


_schema_lock = threading.Lock()


def engine(url: str | None = None) -> Engine:
    """The engine for a store URL (PANTAU_DB_URL by default), its schema upgraded on first use."""
    url = url or config.db_url()
    with _schema_lock:  # concurrent first users (poll threads) must not both upgrade the schema
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
    upgrade(created)
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
