"""The source registry and the watch list: YAML in include/, validated on load."""

from __future__ import annotations

import re
import time
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from pantau import config
from pantau.config import ConfigError, field_error, invalid_field, load_yaml
from pantau.models import Language

# `profile: generic` marks a source read by the generic extractor on purpose, so no profile-health
# alert is expected for it; in the model it is `profile=None`, as for a source naming no profile.
GENERIC_PROFILE = "generic"
# Politeness beyond five minutes between two requests is a typo, not a policy: a source polled
# every 15 minutes could not even read its feed and one article.
MAX_DELAY_SECONDS = 300.0
# Longer URLs are refused by many servers and by the store's URL columns.
MAX_URL_CHARS = 2048
# Patterns from the registry run on text from the web: each match gets this long before it
# counts as catastrophic backtracking, and a whole page this long (see `LinkPattern`).
PATTERN_MATCH_SECONDS = 0.05
PATTERN_PAGE_SECONDS = 1.0
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")
# Text a hostile page could carry: a long run of one URL character, then one that fails the match.
_HOSTILE_PROBES = tuple(f"https://x.example/{char * 1000}!" for char in "a0/-_.%")
_HEADER_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$")


def checked_url(url: str) -> str:
    """An absolute http(s) URL with a real host, as every fetched registry URL must be."""
    if not isinstance(url, str) or len(url) > MAX_URL_CHARS or any(c.isspace() for c in url):
        raise ValueError(f"not a usable URL (whitespace, or over {MAX_URL_CHARS} characters): {str(url)[:80]!r}")
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"bad port in {url!r}") from None
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"not an http(s) URL: {url!r}")
    host = (parts.hostname or "").rstrip(".")
    if not host or not (_HOST.match(host) or _is_ip(host)):
        raise ValueError(f"no host in {url!r}")
    if port == 0:
        raise ValueError(f"bad port in {url!r}")
    return url


def _is_ip(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class LinkPattern:
    """A registry regex run against text from the web, with a time limit per match and per page.

    Compiled with the `regex` module, which can stop a match after a timeout: a pattern such as
    `(a+)+$` backtracks exponentially on a long run of "a"s, and a hostile listing page provides one.
    """

    def __init__(self, pattern: str):
        try:
            self.compiled = regex.compile(pattern)
        except regex.error as exc:
            raise ValueError(f"bad regex {pattern!r}: {exc}") from None
        self.pattern = pattern

    def refuse_backtracking(self) -> None:
        """Refuse, at load, a pattern that cannot finish on a long run of one URL character: on a
        hostile page it would spend the whole page's time budget on its first link."""
        for probe in _HOSTILE_PROBES:
            try:
                self.compiled.search(probe, timeout=PATTERN_MATCH_SECONDS)
            except TimeoutError:
                raise ValueError(f"pattern {self.pattern!r} backtracks catastrophically (on {probe[:24]}...)") from None

    def search(self, text: str, *, deadline: float | None = None) -> bool:
        """Whether the pattern occurs in text; TimeoutError when this match or the page's deadline runs out."""
        budget = PATTERN_MATCH_SECONDS
        if deadline is not None:
            budget = min(budget, deadline - time.monotonic())
            if budget <= 0:
                raise TimeoutError(f"pattern {self.pattern!r} ran out of time on this page")
        try:
            return self.compiled.search(text, timeout=budget) is not None
        except TimeoutError:
            raise TimeoutError(f"pattern {self.pattern!r} backtracks catastrophically (over {budget:.2f} s)") from None

    def sub(self, replacement: str, text: str) -> str:
        try:
            return self.compiled.sub(replacement, text, count=1, timeout=PATTERN_MATCH_SECONDS)
        except TimeoutError:
            return text  # a rule that cannot decide in time leaves the text as it was


class Politeness(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # Seconds between two requests to the same host; outlets block crawlers that hammer them.
    min_delay_seconds: float = Field(default=1.0, ge=0, le=MAX_DELAY_SECONDS, allow_inf_nan=False)
    # Requests in flight to one host at once.
    concurrency: int = Field(default=1, ge=1, le=8)
    # A 429/503 asking to wait longer than this defers the source to a later poll instead.
    max_retry_after_seconds: float = Field(default=120.0, ge=0, le=3600)


class UrlRewrite(BaseModel):
    """One spelling of an outlet's article URL turned into its usual one, before fetching and keying."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    pattern: str
    replace: str

    @field_validator("pattern")
    @classmethod
    def _valid_regex(cls, pattern: str) -> str:
        LinkPattern(pattern).refuse_backtracking()
        return pattern


class Archive(BaseModel):
    """Where an outlet keeps sitemaps of past days, read only when a missed day must be recovered."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    # A sitemap index whose children cover periods (monthly, daily) named in their URLs or lastmod.
    index: str | None = None
    # Or one sitemap per period, its URL built from the day: {year}, {month:02d}, {day:02d}.
    template: str | None = None

    @model_validator(mode="after")
    def _one_way(self) -> Archive:
        if (self.index is None) == (self.template is None):
            raise ValueError("give exactly one of 'index' or 'template'")
        if self.index is not None:
            checked_url(self.index)
        if self.template is not None:
            if "{year" not in self.template:
                raise ValueError(f"template has no {{year}}: {self.template!r}")
            try:
                checked_url(self.child_url(date(2025, 7, 8)))
            except (KeyError, IndexError, ValueError) as exc:
                raise ValueError(f"bad template {self.template!r}: {exc}") from None
        return self

    @property
    def period(self) -> Literal["day", "month", "year"]:
        """How much of the calendar one templated child covers."""
        template = self.template or ""
        return "day" if "{day" in template else "month" if "{month" in template else "year"

    def child_url(self, day: date) -> str:
        return (self.template or "").format(year=day.year, month=day.month, day=day.day)


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    outlet: str = Field(min_length=1)
    language: Language
    timezone: str = "Asia/Kuala_Lumpur"
    kind: Literal["rss", "atom", "sitemap", "listing"]
    urls: tuple[str, ...] = Field(min_length=1)
    # For `listing` pages: a regex that article links match.
    link_pattern: str | None = Field(default=None, validate_default=True)
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
    # The outlet whose Airflow pool its polls take, when it is read through another outlet's host
    # (The Star through Google News): the pool caps requests to the host actually hit.
    pool_outlet: str | None = None
    # A label the outlet prints before its feed titles and that is no part of the headline
    # (Bernama's "World : "); removed from listed titles.
    title_label: str | None = None
    # Spellings of one article URL made one before fetching (Bernama lists http:// links).
    url_rewrites: tuple[UrlRewrite, ...] = ()
    # Extra request headers for this outlet (the fetcher's User-Agent names Pantau and a contact URL).
    headers: dict[str, str] = Field(default_factory=dict)
    # Sitemaps of past days, for recovering a day the polls missed.
    archive: Archive | None = None

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

    @property
    def configured_urls(self) -> tuple[str, ...]:
        """Every URL the registry names for this source (feeds and archive): their exact origins
        may be reached whatever their address (see ingest.fetch.AddressPolicy)."""
        archive = [self.archive.index or self.archive.template] if self.archive else []
        return self.urls + tuple(url for url in archive if url)

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
            checked_url(url)
        return urls

    @field_validator("link_pattern", "title_label")
    @classmethod
    def _valid_regex(cls, pattern: str | None, info: ValidationInfo) -> str | None:
        if pattern is not None:
            LinkPattern(pattern).refuse_backtracking()
        elif info.field_name == "link_pattern" and info.data.get("kind") == "listing":
            raise ValueError("a listing source needs a link_pattern")
        return pattern

    @field_validator("profile")
    @classmethod
    def _generic_is_no_profile(cls, profile: str | None) -> str | None:
        return None if profile == GENERIC_PROFILE else profile

    @field_validator("headers")
    @classmethod
    def _plain_headers(cls, headers: dict[str, str]) -> dict[str, str]:
        for name, value in headers.items():
            if not _HEADER_NAME.match(name) or not value.isprintable() or len(value) > 512:
                raise ValueError(f"bad request header {name!r}")
        return headers

    @cached_property
    def link_matcher(self) -> LinkPattern | None:
        return LinkPattern(self.link_pattern) if self.link_pattern else None

    @cached_property
    def title_label_matcher(self) -> LinkPattern | None:
        return LinkPattern(self.title_label) if self.title_label else None

    @cached_property
    def rewrite_rules(self) -> tuple[tuple[LinkPattern, str], ...]:
        return tuple((LinkPattern(rewrite.pattern), rewrite.replace) for rewrite in self.url_rewrites)

    def clean_title(self, title: str | None) -> str | None:
        """A listed title without the outlet's desk label."""
        if title is None or self.title_label_matcher is None:
            return title
        return self.title_label_matcher.sub("", title).strip() or title

    def article_url(self, url: str) -> str:
        """A listed URL in the spelling this outlet's rewrites make usual."""
        for pattern, replacement in self.rewrite_rules:
            url = pattern.sub(replacement, url)
        return url

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
        return outlet_pool(self.pool_outlet or self.outlet)

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
    keywords: dict[Language, tuple[str, ...]]


_Entry = TypeVar("_Entry", Source, Topic)


def _entries(path: Path, key: str) -> list:
    document = load_yaml(path)
    if not isinstance(document, dict) or not isinstance(document.get(key), list):
        raise ConfigError(f"{path}: expected a top-level '{key}:' list")
    return document[key]


def _validated(path: Path, key: str, model: type[_Entry]) -> list[_Entry]:
    items: list[_Entry] = []
    seen: set[str] = set()
    for position, entry in enumerate(_entries(path, key), start=1):
        name = entry.get("id", f"#{position}") if isinstance(entry, dict) else f"#{position}"
        try:
            item = model.model_validate(entry)
        except ValidationError as exc:
            raise invalid_field(path, exc, where=f"{key} entry {name!r}") from None
        if item.id in seen:
            raise field_error(path, ["id"], "duplicate id", where=f"{key} entry {name!r}")
        seen.add(item.id)
        items.append(item)
    return items


def load_sources(path: Path | None = None, *, profiles: Path | None = None) -> list[Source]:
    """The registry, validated: each entry by its schema, and each named profile against `profiles`
    (include/profiles.yaml by default), so a typo fails at load instead of at the first parse."""
    from pantau.registry.profiles import profile_ids

    path = Path(path or config.sources_file())
    sources = _validated(path, "sources", Source)
    known = profile_ids(profiles)
    for source in sources:
        if source.profile is not None and source.profile not in known:
            raise ConfigError(
                f"{path}: sources entry {source.id!r}: field 'profile': unknown profile {source.profile!r}; "
                f"name one of the extraction profiles or '{GENERIC_PROFILE}'"
            )
    return sources


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
            outlet = entry.get("pool_outlet") or entry.get("outlet", entry["id"])
            groups.setdefault(outlet_pool(str(outlet)), []).append(entry["id"])
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
