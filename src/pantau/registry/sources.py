"""The source registry and the watch list: YAML in include/, validated on load."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pantau import config

LANGUAGES = ("en", "ms", "zh", "vi", "id")


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file, entry and field."""


class Politeness(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # Seconds between two requests to the same host; outlets block crawlers that hammer them.
    min_delay_seconds: float = Field(default=1.0, ge=0)
    # Requests in flight to one host at once.
    concurrency: int = Field(default=1, ge=1, le=8)


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    outlet: str = Field(min_length=1)
    language: Literal["en", "ms", "zh", "vi", "id"]
    timezone: str = "Asia/Kuala_Lumpur"
    kind: Literal["rss", "atom", "sitemap", "listing"]
    urls: tuple[str, ...] = Field(min_length=1)
    # For `listing` pages: a regex that article links match.
    link_pattern: str | None = None
    # URL prefixes (without scheme or "www.") of this source's article pages, used to tell which
    # source a page belongs to; defaults to the hosts of `urls`. Bernama's services share one host.
    match: tuple[str, ...] = ()
    # How often the source is polled at first; the poller adapts it within the bounds below.
    interval_minutes: int = Field(default=60, ge=5)
    # Floor for a feed that outruns its polls (its listing overlaps nothing of the previous one):
    # a feed polled more often than this is one the outlet notices.
    min_interval_minutes: int = Field(default=5, ge=5)
    # Ceiling for a quiet feed: even a weekly feed is looked at a few times a day.
    max_interval_minutes: int = Field(default=240, ge=5)
    politeness: Politeness = Politeness()
    profile: str | None = None
    # Set on the wire's own services (Bernama en/ms/zh): their articles are the originals.
    wire: str | None = None
    aggregator: bool = False
    # For feeds whose article addresses carry a running number (Bernama's `?id=`): after a gap,
    # fetch the numbers the two listings skipped. Off by default: on a number sequence shared by
    # several services, a guess may fetch another service's story.
    recover_by_number: bool = False
    # A source is failing after this many consecutive failed polls spanning at least
    # `alert_after_hours`: a feed that blips for a few minutes between polls pages nobody.
    alert_after_failures: int = Field(default=2, ge=1)
    alert_after_hours: float = Field(default=1.0, ge=0)
    # Hours without a new item before the source counts as stale.
    stale_after_hours: int = Field(default=48, ge=1)
    # Maximum article pages fetched per run, so one runaway feed cannot starve the others.
    max_items: int = Field(default=200, ge=1)

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("urls")
    @classmethod
    def _http_urls(cls, urls: tuple[str, ...]) -> tuple[str, ...]:
        for url in urls:
            if not re.match(r"^https?://", url):
                raise ValueError(f"not an http(s) URL: {url!r}")
        return urls

    @field_validator("link_pattern")
    @classmethod
    def _valid_regex(cls, pattern: str | None) -> str | None:
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad regex: {exc}") from exc
        return pattern

    @model_validator(mode="after")
    def _interval_bounds(self) -> Source:
        if not self.min_interval_minutes <= self.max_interval_minutes:
            raise ValueError("min_interval_minutes must not exceed max_interval_minutes")
        return self

    @property
    def starting_interval(self) -> int:
        """interval_minutes within the bounds: the interval a source is first polled at."""
        return min(max(self.interval_minutes, self.min_interval_minutes), self.max_interval_minutes)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def pool(self) -> str:
        """The Airflow pool its polls take a slot of: one per outlet, shared by all runs."""
        return outlet_pool(self.outlet)

    @property
    def url_prefixes(self) -> tuple[str, ...]:
        return self.match or tuple(dict.fromkeys(_bare(url).split("/")[0] for url in self.urls))


def outlet_pool(outlet: str) -> str:
    return "pantau_" + re.sub(r"[^a-z0-9]+", "_", outlet.lower()).strip("_")


def _bare(url: str) -> str:
    """A URL without scheme and leading "www." or "m.", for prefix matching."""
    return re.sub(r"^(https?://)?(www\.|m\.)?", "", url.strip().lower())


def source_for_url(url: str, sources: dict[str, Source] | list[Source]) -> Source | None:
    """The source whose URL prefix matches the page's URL most specifically, if any."""
    bare = _bare(url)
    candidates = sources.values() if isinstance(sources, dict) else sources
    best, best_length = None, 0
    for source in candidates:
        for prefix in source.url_prefixes:
            prefix = _bare(prefix)
            if bare.startswith(prefix) and len(prefix) > best_length:
                best, best_length = source, len(prefix)
    return best


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9_-]+$")
    name: str
    # Keywords per language; matched case-insensitively on word boundaries (by substring for zh).
    keywords: dict[Literal["en", "ms", "zh", "vi", "id"], tuple[str, ...]]


def _load_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}".replace("\n", " ")) from None


def _entries(path: Path, key: str) -> list:
    document = _load_yaml(path)
    if not isinstance(document, dict) or not isinstance(document.get(key), list):
        raise ConfigError(f"{path}: expected a top-level '{key}:' list")
    return document[key]


def _validated(path: Path, key: str, model: type[BaseModel]) -> list:
    items, seen = [], set()
    for position, entry in enumerate(_entries(path, key), start=1):
        name = entry.get("id", f"#{position}") if isinstance(entry, dict) else f"#{position}"
        try:
            item = model.model_validate(entry)
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(part) for part in error["loc"]) or "(entry)"
            raise ConfigError(f"{path}: {key} entry {name!r}: field '{field}': {error['msg']}") from None
        if item.id in seen:
            raise ConfigError(f"{path}: {key} entry {name!r}: field 'id': duplicate id")
        seen.add(item.id)
        items.append(item)
    return items


def load_sources(path: Path | None = None) -> list[Source]:
    return _validated(Path(path or config.sources_file()), "sources", Source)


def source_ids(path: Path | None = None) -> list[str]:
    """The ids of the registry's sources: cheap enough for DAG parsing (one small file, no validation)."""
    entries = _entries(Path(path or config.sources_file()), "sources")
    return [entry["id"] for entry in entries if isinstance(entry, dict) and "id" in entry]


def poll_groups(path: Path | None = None) -> dict[str, list[str]]:
    """Source ids by outlet pool, read cheaply for DAG parsing: one mapped poll task per outlet,
    so the outlet's Airflow pool caps the requests all runs together make to it."""
    groups: dict[str, list[str]] = {}
    for entry in _entries(Path(path or config.sources_file()), "sources"):
        if isinstance(entry, dict) and "id" in entry:
            groups.setdefault(outlet_pool(str(entry.get("outlet", entry["id"]))), []).append(entry["id"])
    return groups


def pool_slots(sources: list[Source]) -> dict[str, int]:
    """Each outlet pool's slots: the smallest concurrency any of its sources allows."""
    slots: dict[str, int] = {}
    for source in sources:
        slots[source.pool] = min(slots.get(source.pool, 8), source.politeness.concurrency)
    return slots


@lru_cache(maxsize=8)
def _registry(path: str) -> dict[str, Source]:
    return {source.id: source for source in load_sources(Path(path))}


def registry(path: Path | None = None) -> dict[str, Source]:
    """Sources by id, cached per file for the life of the process."""
    return _registry(str(path or config.sources_file()))


def load_watchlist(path: Path | None = None) -> list[Topic]:
    return _validated(Path(path or config.watchlist_file()), "topics", Topic)
