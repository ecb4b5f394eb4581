"""What a feed, sitemap or listing page lists: article URLs with the date the source gives them.

Feeds go through feedparser, sitemaps through defusedxml (no DTDs, no entities), listing
pages through lxml with the source's link pattern. XML that declares entities is refused
before any parser sees it: no feed of ours needs them, and they are how billion-laughs and
external-entity attacks arrive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import defusedxml.ElementTree as SafeElementTree
import feedparser
import lxml.etree
import lxml.html
from defusedxml import DefusedXmlException

from pantau.ingest.charsets import decoded_html
from pantau.ingest.urls import BadUrl, normalise_url
from pantau.models import Rejected

# Browsers and sitemaps (sitemaps.org) stop at 2,048 characters; no article address is longer.
MAX_URL_CHARS = 2048
_ELEMENT_START = re.compile(rb"<[A-Za-z_]")
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_INTERNAL_DTD_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


class FeedRejected(Rejected):
    """A feed that yields nothing usable; `reason` is the health class (parse-error, hostile-xml...)."""


@dataclass(frozen=True)
class FeedItem:
    url: str  # as listed (absolute): the address to fetch
    key: str  # normalised: the page's identity in the store
    published: datetime | None  # tz-aware when the source dates the item


def listed_items(
    body: bytes,
    *,
    kind: str,
    base_url: str,
    content_type: str | None = None,
    link_pattern: str | None = None,
    zone: ZoneInfo = ZoneInfo("UTC"),
) -> list[FeedItem]:
    """The items a feed (rss/atom), sitemap or listing page lists, in its order, each URL once."""
    if kind == "listing":
        if not link_pattern:
            raise FeedRejected("parse-error", "a listing source needs a link_pattern")
        items = _listing_items(body, base_url, content_type, re.compile(link_pattern))
    else:
        _refuse_hostile_xml(body)
        items = _sitemap_items(body, zone) if kind == "sitemap" else _feed_items(body)
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
        item = _item(link, datetime(*moment[:6]).replace(tzinfo=timezone.utc) if moment else None)
        if item:
            items.append(item)
    if not items:
        raise FeedRejected("parse-error" if parsed.bozo else "empty-feed", "no item in the feed has a link")
    return items


def _sitemap_items(body: bytes, zone: ZoneInfo) -> list[FeedItem]:
    try:
        root = SafeElementTree.fromstring(body, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise FeedRejected("hostile-xml", f"{type(exc).__name__}: {exc}") from None
    except SafeElementTree.ParseError as exc:
        raise FeedRejected("parse-error", f"not a readable sitemap: {exc}") from None
    if _local(root.tag) == "sitemapindex":
        raise FeedRejected("parse-error", "a sitemap index; point the source at one of its sitemaps")
    items = []
    for entry in root:
        # The page's own <loc> is a direct child; image:image and video blocks nest <loc>s of their own.
        fields = {_local(element.tag): (element.text or "").strip() for element in entry}
        news_dates = [e.text for e in entry.iter() if _local(e.tag) == "publication_date" and e.text]
        # Google News sitemaps date the article in news:publication_date; plain ones in lastmod.
        stamp = (news_dates[0].strip() if news_dates else None) or fields.get("lastmod")
        item = _item(fields.get("loc"), _w3c_datetime(stamp, zone))
        if item:
            items.append(item)
    if not items:
        raise FeedRejected("empty-feed", "the sitemap lists no URLs")
    return items


def _listing_items(body: bytes, base_url: str, content_type: str | None, pattern: re.Pattern) -> list[FeedItem]:
    try:
        document = lxml.html.document_fromstring(decoded_html(body, content_type), base_url=base_url)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise FeedRejected("parse-error", f"not a readable page: {exc}") from None
    document.make_links_absolute(base_url, handle_failures="discard")
    items = [item for href in document.xpath("//a/@href") if pattern.search(href) and (item := _item(href, None))]
    if not items:
        raise FeedRejected("empty-feed", f"no link on the page matches {pattern.pattern!r}")
    return items


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _item(url: str | None, published: datetime | None) -> FeedItem | None:
    """The listed page, or None for a link that is no http(s) URL (mailto:, javascript:, junk) or
    is longer than any article address (the store keeps URLs up to MAX_URL_CHARS)."""
    if not url or len(url) > MAX_URL_CHARS:
        return None
    try:
        return FeedItem(url.strip(), normalise_url(url), published)
    except BadUrl:
        return None


def _w3c_datetime(stamp: str | None, zone: ZoneInfo) -> datetime | None:
    """A sitemap date (W3C datetime, or a bare date) as tz-aware; no offset means the source's zone."""
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)
