"""What a feed, sitemap or listing page lists: article URLs with the date the source gives them.

Feeds go through feedparser, sitemaps through defusedxml (no DTDs, no entities), listing
pages through the article pages' HTML parse (`pantau.extract.page.parsed`) with the source's
link pattern (time-limited: see `LinkPattern`). XML that
declares entities is refused before any parser sees it: no feed of ours needs them, and they
are how billion-laughs and external-entity attacks arrive.

Sitemap indexes are followed through a `fetch` callable, bounded in depth and count, newest
children first; `archive_items` reads an outlet's dated archive sitemaps for one past day.
"""

from __future__ import annotations

import re
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import defusedxml.ElementTree as SafeElementTree
import feedparser
from defusedxml import DefusedXmlException

from pantau.extract.page import parsed
from pantau.ingest.charsets import decoded_html
from pantau.ingest.urls import BadUrl, normalise_url
from pantau.models import PageRejected, Rejected
from pantau.registry.sources import MAX_URL_CHARS, PATTERN_PAGE_SECONDS, Archive, LinkPattern, Source

_ELEMENT_START = re.compile(rb"<[A-Za-z_]")
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_INTERNAL_DTD_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b"
# A gzipped sitemap (.xml.gz) may hold 50,000 URLs of ~200 bytes; more is not a sitemap.
_MAX_SITEMAP_BYTES = 50 * 2**20
# The period a sitemap covers, as outlets name it: 2025, 2025-07, 202507, 2025/07/08, 20250708.
_PERIOD_IN_URL = re.compile(
    r"(?<![0-9])(?P<year>(?:19|20)\d{2})(?:[-_/.]?(?P<month>0[1-9]|1[0-2])(?:[-_/.]?(?P<day>0[1-9]|[12]\d|3[01]))?)?(?![0-9])"
)
# Titles from the web are bounded before anything stores or prints them.
_MAX_TITLE_CHARS = 500

# Fetches the body of a child sitemap; raises FeedRejected (with the health reason) when it cannot.
SitemapFetch = Callable[[str], bytes]


class FeedRejected(Rejected):
    """A feed that yields nothing usable; `reason` is the health class (parse-error, hostile-xml...)."""


@dataclass(frozen=True)
class FeedItem:
    url: str  # as listed (absolute): the address to fetch
    key: str  # normalised: the page's identity in the store
    published: datetime | None  # tz-aware when the source dates the item
    title: str | None = None  # as listed (feed title, news:title, link text), without desk labels


@dataclass(frozen=True)
class SitemapChild:
    """A sitemap an index points at."""

    url: str
    lastmod: datetime | None
    position: int  # in the index, for a stable order among equally dated children

    def period(self, zone: ZoneInfo) -> tuple[datetime, datetime] | None:
        """[start, end) of the year, month or day its URL names, in the outlet's zone; None if none."""
        return _period_in_url(self.url, zone)


@dataclass(frozen=True)
class SitemapLimits:
    # Index levels below the listed URL: outlets nest one (index -> monthly sitemaps), rarely two.
    max_depth: int = 2
    # Sitemaps fetched for one listing, the first included. A live poll needs the newest few; an
    # archive read needs the children that can hold one day (one or two months, a few sections).
    max_sitemaps: int = 12


def listed_items(
    body: bytes,
    *,
    kind: str,
    base_url: str,
    content_type: str | None = None,
    link_pattern: str | LinkPattern | None = None,
    zone: ZoneInfo = ZoneInfo("UTC"),
    fetch: SitemapFetch | None = None,
    limits: SitemapLimits = SitemapLimits(),
) -> list[FeedItem]:
    """The items a feed (rss/atom), sitemap or listing page lists, in its order, each URL once.

    A sitemap index is followed through `fetch` (newest children first, within `limits`); without
    `fetch` it is a parse error naming what it is.
    """
    if kind == "listing":
        if not link_pattern:
            raise FeedRejected("parse-error", "a listing source needs a link_pattern")
        matcher = link_pattern if isinstance(link_pattern, LinkPattern) else LinkPattern(link_pattern)
        items = _listing_items(body, base_url, content_type, matcher)
    elif kind == "sitemap":
        items = sitemap_tree_items(body, base_url=base_url, zone=zone, fetch=fetch, limits=limits)
    else:
        _refuse_hostile_xml(body)
        items = _feed_items(body)
    return _unique(items)


def source_items(
    source: Source,
    body: bytes,
    *,
    base_url: str,
    content_type: str | None = None,
    fetch: SitemapFetch | None = None,
    limits: SitemapLimits = SitemapLimits(),
) -> list[FeedItem]:
    """What one of the source's feeds lists, with the outlet's quirks applied: its URL rewrites
    (Bernama's http:// and desk-path spellings) and its title label ("World : ") removed."""
    items = listed_items(
        body,
        kind=source.kind,
        base_url=base_url,
        content_type=content_type,
        link_pattern=source.link_matcher,
        zone=source.zone,
        fetch=fetch,
        limits=limits,
    )
    return _unique(_with_quirks(source, items))


def archive_items(
    source: Source,
    fetch: SitemapFetch,
    *,
    window: tuple[datetime, datetime],
    slack: timedelta = timedelta(days=1),
    limits: SitemapLimits = SitemapLimits(),
) -> list[FeedItem]:
    """The items the source's archive sitemaps date within `window` (the day's [start, end)) or up
    to `slack` after it (a sitemap's lastmod is at or after publication), reading only the
    children that can hold the window, newest first. Undated items cannot be placed and are left out."""
    archive = source.archive
    if archive is None:
        raise FeedRejected("no-archive", f"source {source.id!r} names no archive sitemaps")
    start, end = window
    zone = source.zone

    def can_hold(child: SitemapChild) -> bool:
        period = child.period(zone)
        if period is not None:
            return period[0] < end and start < period[1]
        return child.lastmod is None or child.lastmod >= start

    if archive.template is not None:
        urls = _templated_children(archive, start, end, zone)
        items: list[FeedItem] = []
        failures: list[FeedRejected] = []
        for url in urls[: limits.max_sitemaps]:
            try:
                items.extend(
                    sitemap_tree_items(
                        fetch(url), base_url=url, zone=zone, fetch=fetch, limits=limits, can_hold=can_hold
                    )
                )
            except FeedRejected as failure:
                failures.append(failure)
        if not items and failures:
            raise failures[0]
    else:
        index = archive.index or ""
        items = sitemap_tree_items(
            fetch(index), base_url=index, zone=zone, fetch=fetch, limits=limits, can_hold=can_hold
        )
    dated = [item for item in items if item.published is not None and start <= item.published < end + slack]
    return _unique(_with_quirks(source, dated))


def _templated_children(archive: Archive, start: datetime, end: datetime, zone: ZoneInfo) -> list[str]:
    """The templated sitemaps whose period overlaps [start, end) in the outlet's zone, newest first."""
    first, last = start.astimezone(zone).date(), (end - timedelta(microseconds=1)).astimezone(zone).date()
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return list(dict.fromkeys(archive.child_url(day) for day in reversed(days)))


def _with_quirks(source: Source, items: list[FeedItem]) -> list[FeedItem]:
    quirky = []
    for item in items:
        url = source.article_url(item.url)
        try:
            key = normalise_url(url) if url != item.url else item.key
        except BadUrl:
            continue
        quirky.append(FeedItem(url, key, item.published, source.clean_title(item.title)))
    return quirky


def _unique(items: list[FeedItem]) -> list[FeedItem]:
    unique: dict[str, FeedItem] = {}
    for item in items:
        unique.setdefault(item.key, item)
    return list(unique.values())


def _refuse_hostile_xml(body: bytes) -> None:
    first_element = _ELEMENT_START.search(body)
    prolog = body[: first_element.start()] if first_element else body
    if _ENTITY_DECLARATION.search(prolog) or _INTERNAL_DTD_SUBSET.search(prolog):
        raise FeedRejected("hostile-xml", "the document declares entities or an internal DTD")


def _feed_items(body: bytes) -> list[FeedItem]:
    # Bytes, not text, and no HTTP headers: feedparser then trusts the XML declaration,
    # which outlets get right more often than their servers' Content-Type.
    parsed = feedparser.parse(body)
    if not parsed.entries:
        if not parsed.get("version"):  # feedparser found no RSS or Atom at all (an HTML error page, nothing)
            raise FeedRejected(
                "parse-error", f"not an RSS or Atom feed: {parsed.get('bozo_exception', 'no feed element')}"
            )
        if parsed.bozo:
            raise FeedRejected("parse-error", f"not a readable feed: {parsed.bozo_exception}")
        raise FeedRejected("empty-feed", "the feed lists no items")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or next((l.get("href") for l in entry.get("links", []) if l.get("href")), None)
        moment = entry.get("published_parsed") or entry.get("updated_parsed")
        item = _item(link, datetime(*moment[:6]).replace(tzinfo=timezone.utc) if moment else None, entry.get("title"))
        if item:
            items.append(item)
    if not items:
        raise FeedRejected("parse-error" if parsed.bozo else "empty-feed", "no item in the feed has a link")
    return items


def sitemap_tree_items(
    body: bytes,
    *,
    base_url: str,
    zone: ZoneInfo,
    fetch: SitemapFetch | None,
    limits: SitemapLimits = SitemapLimits(),
    can_hold: Callable[[SitemapChild], bool] | None = None,
) -> list[FeedItem]:
    """The pages a sitemap lists; for an index, the pages of its children that `can_hold` admits,
    newest first, at most `limits.max_depth` index levels down and `limits.max_sitemaps` sitemaps
    in all (each URL read once, so an index pointing at itself ends)."""
    fetched = 1
    visited = {_visit_key(base_url)}
    failures: list[FeedRejected] = []

    def read(body: bytes, depth: int) -> list[FeedItem]:
        nonlocal fetched
        items, children = _parse_sitemap(body, zone)
        if not children:
            return items
        if fetch is None:
            raise FeedRejected("parse-error", "a sitemap index; point the source at one of its sitemaps")
        if depth >= limits.max_depth:
            return items
        for child in _newest_first([c for c in children if can_hold is None or can_hold(c)], zone):
            key = _visit_key(child.url)
            if key in visited:
                continue
            if fetched >= limits.max_sitemaps:
                break
            visited.add(key)
            fetched += 1
            try:
                items.extend(read(fetch(child.url), depth + 1))
            except FeedRejected as failure:  # one broken child costs its own pages, not the others'
                failures.append(failure)
        return items

    items = read(body, 0)
    if not items:
        if failures:
            raise FeedRejected(failures[0].reason, f"no child sitemap could be read: {failures[0].detail}")
        raise FeedRejected("empty-feed", "the sitemap lists no URLs")
    return items


def _parse_sitemap(body: bytes, zone: ZoneInfo) -> tuple[list[FeedItem], list[SitemapChild]]:
    """A sitemap's pages, or an index's child sitemaps."""
    body = _gunzipped(body)
    _refuse_hostile_xml(body)
    try:
        root = SafeElementTree.fromstring(body, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise FeedRejected("hostile-xml", f"{type(exc).__name__}: {exc}") from None
    except SafeElementTree.ParseError as exc:
        raise FeedRejected("parse-error", f"not a readable sitemap: {exc}") from None
    if _local(root.tag) == "sitemapindex":
        children = []
        for position, entry in enumerate(root):
            fields = {_local(element.tag): (element.text or "").strip() for element in entry}
            loc = fields.get("loc", "")
            if re.match(r"^https?://", loc, re.IGNORECASE) and len(loc) <= MAX_URL_CHARS:
                children.append(SitemapChild(loc, _w3c_datetime(fields.get("lastmod"), zone), position))
        if not children:
            raise FeedRejected("empty-feed", "the sitemap index lists no sitemaps")
        return [], children
    items = []
    for entry in root:
        # The page's own <loc> is a direct child; image:image and video blocks nest <loc>s of their own.
        fields = {_local(element.tag): (element.text or "").strip() for element in entry}
        news = {
            _local(e.tag): (e.text or "").strip()
            for e in entry.iter()
            if _local(e.tag) in ("publication_date", "title")
        }
        # Google News sitemaps date the article in news:publication_date; plain ones in lastmod.
        stamp = news.get("publication_date") or fields.get("lastmod")
        item = _item(fields.get("loc"), _w3c_datetime(stamp, zone), news.get("title"))
        if item:
            items.append(item)
    return items, []


def _gunzipped(body: bytes) -> bytes:
    """A .xml.gz sitemap served as a file (no Content-Encoding), inflated within a size cap."""
    if not body.startswith(_GZIP_MAGIC):
        return body
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        inflated = inflater.decompress(body, _MAX_SITEMAP_BYTES)
    except zlib.error as exc:
        raise FeedRejected("parse-error", f"a gzipped sitemap that does not inflate: {exc}") from None
    if inflater.unconsumed_tail:
        raise FeedRejected("too-large", f"a gzipped sitemap over {_MAX_SITEMAP_BYTES} bytes inflated")
    return inflated


def _newest_first(children: list[SitemapChild], zone: ZoneInfo) -> list[SitemapChild]:
    """Children by the period their URL names, else their lastmod, newest first; undated ones
    last, in the index's order."""

    def newness(child: SitemapChild) -> tuple[int, float, int]:
        period = child.period(zone)
        moment = period[0] if period else child.lastmod
        return (0, -moment.timestamp(), child.position) if moment else (1, 0.0, child.position)

    return sorted(children, key=newness)


def _period_in_url(url: str, zone: ZoneInfo) -> tuple[datetime, datetime] | None:
    path = re.sub(r"^[a-z]+://[^/]*", "", url, flags=re.IGNORECASE)
    matches = list(_PERIOD_IN_URL.finditer(path))
    if not matches:
        return None
    found = matches[-1]
    year, month, day = int(found["year"]), found["month"], found["day"]
    try:
        if day:
            start = date(year, int(month), int(day))
            end = start + timedelta(days=1)
        elif month:
            start = date(year, int(month), 1)
            end = date(year + (start.month == 12), start.month % 12 + 1, 1)
        else:
            start, end = date(year, 1, 1), date(year + 1, 1, 1)
    except ValueError:  # 2025-02-30
        return None
    midnight = datetime.min.time()
    return datetime.combine(start, midnight, tzinfo=zone), datetime.combine(end, midnight, tzinfo=zone)


def _visit_key(url: str) -> str:
    try:
        return normalise_url(url)
    except BadUrl:
        return url


def _listing_items(body: bytes, base_url: str, content_type: str | None, pattern: LinkPattern) -> list[FeedItem]:
    try:
        document = parsed(decoded_html(body, content_type))  # as the article pages: links after </html> too
    except PageRejected as exc:
        raise FeedRejected("parse-error", exc.detail) from None
    document.make_links_absolute(base_url, handle_failures="discard")
    deadline = time.monotonic() + PATTERN_PAGE_SECONDS
    items = []
    for link in document.xpath("//a[@href]"):
        href = link.get("href", "")
        if len(href) > MAX_URL_CHARS:
            continue
        try:
            matched = pattern.search(href, deadline=deadline)
        except TimeoutError as exc:
            raise FeedRejected("pattern-timeout", str(exc)) from None
        if matched and (item := _item(href, None, link.text_content())):
            items.append(item)
    if not items:
        raise FeedRejected("empty-feed", f"no link on the page matches {pattern.pattern!r}")
    return items


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _item(url: str | None, published: datetime | None, title: str | None = None) -> FeedItem | None:
    """The listed page, or None for a link that is no http(s) URL (mailto:, javascript:, junk) or
    is longer than any article address (the store keeps URLs up to MAX_URL_CHARS)."""
    if not url or len(url) > MAX_URL_CHARS:
        return None
    try:
        key = normalise_url(url)
    except BadUrl:
        return None
    title = " ".join(title.split())[:_MAX_TITLE_CHARS] if isinstance(title, str) else None
    return FeedItem(url.strip(), key, published, title or None)


def _w3c_datetime(stamp: str | None, zone: ZoneInfo) -> datetime | None:
    """A sitemap date (W3C datetime, or a bare date) as tz-aware; no offset means the source's zone."""
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)
