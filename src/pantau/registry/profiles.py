"""Per-outlet extraction profiles: YAML in include/, validated on load, selectors compiled once."""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property, lru_cache
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cssselect import SelectorError
from lxml.cssselect import CSSSelector
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails

from pantau import config
from pantau.config import ConfigError, field_error, load_yaml

Selectors = tuple[str, ...]


def profiles_file() -> Path:
    return config.INCLUDE_DIR / "profiles.yaml"


def _compiled(selectors: Selectors) -> tuple[CSSSelector, ...]:
    return tuple(CSSSelector(selector) for selector in selectors)


def _check_selectors(selectors: Selectors) -> Selectors:
    for selector in selectors:
        try:
            CSSSelector(selector)
        except SelectorError as exc:
            raise ValueError(f"bad CSS selector {selector!r}: {exc}") from None
    return selectors


# Furniture is a line, not a paragraph of the story: the patterns not anchored at its start
# ("subscribe ... newsletter") are looked for in texts up to this long, so a story paragraph that
# mentions a newsletter stays, and long paragraphs are not scanned for them.
FLOATING_REACH = 400


class PatternSet:
    """Patterns searched as two regexes: those anchored at the start ("^...") under one "^", so a
    paragraph is scanned once for the few that are not. No patterns match nothing."""

    def __init__(self, patterns: Selectors):
        anchored = [p[1:] for p in patterns if p.startswith("^")]
        floating = [p for p in patterns if not p.startswith("^")]
        self._anchored = re.compile("|".join(f"(?:{p})" for p in anchored), re.IGNORECASE) if anchored else None
        self._floating = re.compile("|".join(f"(?:{p})" for p in floating), re.IGNORECASE) if floating else None

    def search(self, text: str) -> bool:
        return bool(
            (self._anchored is not None and self._anchored.match(text))
            or (self._floating is not None and len(text) <= FLOATING_REACH and self._floating.search(text))
        )

    def match(self, text: str) -> bool:
        return bool(
            (self._anchored is not None and self._anchored.match(text))
            or (self._floating is not None and self._floating.match(text))
        )


def _any_of(patterns: Selectors) -> PatternSet:
    return PatternSet(patterns)


def _check_patterns(patterns: Selectors) -> Selectors:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"bad regex {pattern!r}: {exc}") from None
    return patterns


_LAYOUT_FIELDS = ("title", "body", "byline", "date", "date_formats", "lead", "origin", "remove", "stop")


class Layout(BaseModel):
    """An outlet's earlier page layout, kept (as fundus keeps dated parser versions) rather than
    growing one selector list: its selectors replace the profile's, which describe the current one."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # The last day pages were seen in this layout.
    until: dt.date
    title: Selectors = ()
    body: Selectors = ()
    byline: Selectors = ()
    date: Selectors = ()
    date_formats: Selectors = ()
    lead: Selectors = ()
    origin: Selectors = ()
    remove: Selectors = ()
    stop: Selectors = ()
    evidence: Selectors = ()

    @field_validator("title", "body", "byline", "date", "lead", "origin", "remove", "stop")
    @classmethod
    def _valid_selectors(cls, selectors: Selectors) -> Selectors:
        return _check_selectors(selectors)


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    # Hosts (without "www.") whose pages this profile reads when the caller names no source.
    hosts: Selectors = ()
    language: str | None = None
    # Zone for dates printed without one, when the caller gives no source.
    timezone: str = "Asia/Kuala_Lumpur"
    aggregator: bool = False
    title: Selectors = Field(min_length=1)
    body: Selectors = Field(min_length=1)
    byline: Selectors = ()
    date: Selectors = ()
    date_formats: Selectors = ()
    # A standfirst printed outside the body container; it opens the body.
    lead: Selectors = ()
    # For aggregators: the name of the outlet the story was taken from.
    origin: Selectors = ()
    remove: Selectors = ()
    # The body ends at the first match: everything from it on belongs to the page, not the story.
    stop: Selectors = ()
    # Regexes for this outlet's own boilerplate paragraphs, on top of the shared ones.
    boilerplate: Selectors = ()
    # The real saved pages that prove the profile ("<country>/<Publisher>_<date>" under
    # tests/extract/fixtures/real; tests/extract/test_profiles.py reads each through it). A profile
    # no real page proves says `unverified: true`: written from the outlet's markup as seen, not tested.
    evidence: Selectors = ()
    unverified: bool = False
    # Earlier layouts, tried newest first when the current selectors find no title or body.
    layouts: tuple[Layout, ...] = ()

    @model_validator(mode="after")
    def _evidence_or_unverified(self) -> Profile:
        if self.evidence and self.unverified:
            raise ValueError("a profile with evidence is verified: drop 'unverified: true'")
        return self

    @property
    def verified(self) -> bool:
        return bool(self.evidence)

    @cached_property
    def versions(self) -> tuple[tuple[str, Profile], ...]:
        """(label, profile) for the current layout ("<id>") and each earlier one ("<id>@<until>"),
        newest first; an earlier layout keeps the profile's selectors where it names none."""
        older = sorted(self.layouts, key=lambda layout: layout.until, reverse=True)
        return ((self.id, self),) + tuple(
            (
                f"{self.id}@{layout.until.isoformat()}",
                self.model_copy(
                    update={field: getattr(layout, field) for field in _LAYOUT_FIELDS if getattr(layout, field)}
                    | {"layouts": (), "evidence": layout.evidence or self.evidence}
                ),
            )
            for layout in older
        )

    @field_validator("title", "body", "byline", "date", "lead", "origin", "remove", "stop")
    @classmethod
    def _valid_selectors(cls, selectors: Selectors) -> Selectors:
        return _check_selectors(selectors)

    @field_validator("boilerplate")
    @classmethod
    def _valid_patterns(cls, patterns: Selectors) -> Selectors:
        return _check_patterns(patterns)

    @cached_property
    def boilerplate_re(self) -> PatternSet:
        return _any_of(self.boilerplate)

    @cached_property
    def compiled(self) -> dict[str, tuple[CSSSelector, ...]]:
        fields = ("title", "body", "byline", "date", "lead", "origin", "remove", "stop")
        return {field: _compiled(getattr(self, field)) for field in fields}


class ProfileBook(BaseModel):
    """The whole file: shared cleaning rules and the profiles."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    remove: Selectors = ()
    furniture: Selectors = ()
    boilerplate: Selectors = ()
    end_markers: Selectors = ()
    date_formats: Selectors = ()
    zones_by_domain: dict[str, str] = {}
    profiles: tuple[Profile, ...]

    @field_validator("zones_by_domain")
    @classmethod
    def _valid_zones(cls, zones: dict[str, str]) -> dict[str, str]:
        for zone in zones.values():
            try:
                ZoneInfo(zone)
            except (ZoneInfoNotFoundError, ValueError):
                raise ValueError(f"unknown time zone {zone!r}") from None
        return zones

    def zone_for_url(self, url: str) -> ZoneInfo | None:
        """The zone of an outlet known only by its address, from the end of its host name."""
        host = (urlsplit(url).hostname or "").lower()
        while host:
            if host in self.zones_by_domain:
                return ZoneInfo(self.zones_by_domain[host])
            host = host.partition(".")[2]
        return None

    @field_validator("remove")
    @classmethod
    def _valid_selectors(cls, selectors: Selectors) -> Selectors:
        return _check_selectors(selectors)

    @field_validator("furniture", "boilerplate", "end_markers")
    @classmethod
    def _valid_patterns(cls, patterns: Selectors) -> Selectors:
        return _check_patterns(patterns)

    @cached_property
    def by_id(self) -> dict[str, Profile]:
        return {profile.id: profile for profile in self.profiles}

    @cached_property
    def by_host(self) -> dict[str, Profile]:
        return {host: profile for profile in self.profiles for host in profile.hosts}

    @cached_property
    def removed(self) -> tuple[CSSSelector, ...]:
        return _compiled(self.remove)

    @cached_property
    def furniture_re(self) -> re.Pattern[str]:
        """A paragraph that is only furniture; one anchored alternation, cheap enough for dedup's every paragraph."""
        return re.compile("^(?:" + "|".join(self.furniture or ("(?!)",)) + r")\W*$", re.IGNORECASE)

    @cached_property
    def boilerplate_re(self) -> PatternSet:
        return _any_of((*self.boilerplate, self.furniture_re.pattern))

    @cached_property
    def end_marker_re(self) -> PatternSet:
        return _any_of(self.end_markers)

    def for_url(self, url: str) -> Profile | None:
        host = (urlsplit(url).hostname or "").removeprefix("www.").removeprefix("m.")
        while host:
            if host in self.by_host:
                return self.by_host[host]
            host = host.partition(".")[2]
        return None


def _located_error(path: Path, document: dict, error: ErrorDetails) -> ConfigError:
    """The error, naming the profile by its id when it is inside one."""
    location = list(error["loc"])
    where = ""
    if location[:1] == ["profiles"] and len(location) > 1 and isinstance(location[1], int):
        entries = document.get("profiles") or []
        entry = entries[location[1]] if location[1] < len(entries) else None
        name = entry.get("id", f"#{location[1] + 1}") if isinstance(entry, dict) else f"#{location[1] + 1}"
        where, location = f"profile {name!r}", location[2:]
    return field_error(path, location, error["msg"], where=where)


def load_profiles(path: Path | None = None) -> ProfileBook:
    path = Path(path or profiles_file())
    document = load_yaml(path)
    if not isinstance(document, dict):
        raise ConfigError(f"{path}: expected a mapping with a 'profiles:' list")
    try:
        book = ProfileBook.model_validate(document)
    except ValidationError as exc:
        raise _located_error(path, document, exc.errors()[0]) from None
    ids = [profile.id for profile in book.profiles]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise field_error(path, ["id"], "duplicate id", where=f"profile {duplicates[0]!r}")
    return book


@lru_cache(maxsize=4)
def _book(path: str) -> ProfileBook:
    return load_profiles(Path(path))


def profile_book(path: Path | None = None) -> ProfileBook:
    """The profiles, loaded and compiled once per file for the life of the process."""
    return _book(str(path or profiles_file()))


def profile_ids(path: Path | None = None) -> set[str]:
    return set(profile_book(path).by_id)
