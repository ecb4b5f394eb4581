"""Turn a fetched page into an Article: per-outlet profiles first, the generic path behind them.

The page is decoded and parsed once (`page`). A source's profile (include/profiles.yaml) reads
title, byline, date and body with CSS selectors; when it finds nothing the page goes to the generic
path (`generic`: trafilatura's reading of the page as served, overridden only where a rule of ours
is known to do better) and a warning names the stale profile. Either reading then loses the text
after an end marker and the boilerplate lines, and gets its publication time, language and wire
here; `bylines` says who wrote it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

import htmldate
import lxml.html

from pantau.config import ConfigError
from pantau.extract import dates, wire
from pantau.extract.bylines import cleaned_byline, is_byline_line, listed_authors, split_authors
from pantau.extract.generic import body_too_short, read_generic
from pantau.extract.language import detect_language
from pantau.extract.page import (
    LINE_BREAK,
    Page,
    Reading,
    clean,
    decoded_html,
    element_text,
    host_name,
    mark_line_breaks,
    paragraphs_of,
    parsed,
    squashed,
)
from pantau.ingest.urls import registrable_domain
from pantau.models import Article, PageRejected
from pantau.registry.profiles import PatternSet, Profile, ProfileBook, profile_book
from pantau.registry.sources import Source

log = logging.getLogger("pantau.extract.article")
# Enough of an article's text to tell its language: the same as the whole text gives on every
# tune, seed and demo page (Malay from Indonesian too), and the detector's time grows with it.
LANGUAGE_SAMPLE_CHARS = 300
# The zone of times printed without one when neither a source nor a profile says (the registry's default).
DEFAULT_ZONE = ZoneInfo("Asia/Kuala_Lumpur")
# The most a headline printed again differs from the title in length: spaces, colons, dashes.
_HEADLINE_PUNCTUATION_CHARS = 10


def _first_line(tree, selectors: Iterable) -> str:
    for selector in selectors:
        for element in selector(tree):
            line = next((clean(l) for l in element.text_content().split(LINE_BREAK) if clean(l)), "")
            if line:
                return line
    return ""


def _first(tree, selectors: Iterable) -> lxml.html.HtmlElement | None:
    for selector in selectors:
        found = selector(tree)
        if found:
            return found[0]
    return None


def _first_text(tree, selectors: Iterable) -> str:
    for selector in selectors:
        for element in selector(tree):
            text = element_text(element)
            if text:
                return text
    return ""


def _truncate_from(element, container) -> None:
    """Remove `element` and everything after it inside `container`."""
    node = element
    while node is not container:
        for sibling in list(node.itersiblings()):
            sibling.getparent().remove(sibling)
        node = node.getparent()
    element.getparent().remove(element)


def _drop(element) -> None:
    if element.getparent() is not None:
        element.drop_tree()


def _until_end_marker(paragraphs: list[str], book: ProfileBook) -> list[str]:
    """The paragraphs before the first end marker: what follows belongs to the page, not the story."""
    for position, paragraph in enumerate(paragraphs):
        if book.end_marker_re.match(paragraph):
            return paragraphs[:position]
    return paragraphs


def _without_boilerplate(
    paragraphs: list[str], patterns: list[PatternSet], title: str, byline: str | None
) -> list[str]:
    # "<byline> is a former diplomat who writes on ...": the columnist's bio under the column.
    bio = f"{byline} is " if byline else None
    writers = split_authors(byline)
    # The headline as printed above the story, perhaps in capitals or without its colon; only a
    # paragraph about as long as the title is squashed (a regex pass over the text) to be compared.
    headline = squashed(title)
    return [
        p
        for p in paragraphs
        if not (abs(len(p) - len(title)) <= _HEADLINE_PUNCTUATION_CHARS and squashed(p) == headline)
        and not (bio and p.startswith(bio))
        and not (writers and is_byline_line(p, writers))
        and not any(pattern.search(p) for pattern in patterns)
        and not wire.is_sign_off_line(p)
    ]


def _accepted_canonical(canonical: str, url: str, source: Source | None, profile: Profile | None) -> str:
    """The canonical URL a page declares, if it is on the page's own site or its source's (its feed
    URLs' or its profile's hosts); another site's is only noted, so a page cannot take over another
    outlet's article in the store."""
    sites = [
        url,
        *(source.urls if source else ()),
        *(f"https://{host}/" for host in (profile.hosts if profile else ())),
    ]
    if registrable_domain(canonical) in {registrable_domain(site) for site in sites}:
        return canonical
    log.warning("%s declares %s as its canonical URL, on another site: the page keeps its own URL", url, canonical)
    return url


def _read_with_profile(page: Page, profile: Profile, book: ProfileBook) -> Reading | None:
    """What the profile's selectors find, or None when the title or the body is missing.
    Edits the page's tree: a fallback must read a fresh one."""
    selectors = profile.compiled
    title = _first_text(page.tree, selectors["title"])
    container = _first(page.tree, selectors["body"])
    if not title or container is None:
        return None
    byline = _first_line(page.tree, selectors["byline"]) or " & ".join(listed_authors(page))
    # Each date element, then the element after it: outlets print the time apart ("Sunday,
    # 26 Oct 2025" then "2:50 PM MYT").
    date_texts = tuple(
        text
        for selector in selectors["date"]
        for element in selector(page.tree)[:3]
        for text in (
            element.get("datetime") or element.get("content") or element_text(element),
            element_text(element.getnext()),
        )
        if text
    )
    origin = _first_text(page.tree, selectors["origin"]) or None
    lead = [element_text(e) for s in selectors["lead"] for e in s(page.tree)[:1]]
    stop = _first(container, selectors["stop"])
    if stop is not None and stop is not container:
        _truncate_from(stop, container)
    for selector in (*book.removed, *selectors["remove"]):
        for element in selector(container):
            if element is not container:
                _drop(element)
    for table in container.xpath(".//table[.//img]"):  # a photo with its caption, laid out as a table
        _drop(table)
    paragraphs = [p for p in lead if p] + paragraphs_of(container)
    if not paragraphs:
        return None
    return Reading(title, paragraphs, cleaned_byline(byline), date_texts, origin)


def _published(page: Page, reading: Reading, formats: tuple[str, ...], zone, fetched_at) -> datetime | None:
    """Structured stamps first, then the outlet's visible date, then a <time> element; None when the
    page gives no time (a day alone is not a publication time). When the structured data gives the
    day alone, a time found on another day is not the publication's but an update's (Wirecutter
    gives its first publication's day in JSON-LD, its last update's time in <time>)."""
    stamps = [value for value in page.structured_dates() if value]
    found = next((moment for moment in (dates.parse_iso(value, zone) for value in stamps) if moment), None)
    if found is not None:
        return found
    day = next((d for d in map(dates.parse_day, stamps) if d), None)
    return next(
        (
            moment
            for moment in _printed_times(page, list(reading.date_texts), formats, zone, fetched_at)
            # A day either side: the structured day may be another zone's.
            if moment is not None and (day is None or abs((moment.date() - day).days) <= 1)
        ),
        None,
    )


def _printed_times(
    page: Page, texts: list[str], formats: tuple[str, ...], zone, fetched_at
) -> Iterator[datetime | None]:
    """The times the page prints, read in turn, each only when the ones before it are not taken:
    "2 hours ago", the outlet's visible date, <time> elements, htmldate, dateparser."""
    yield from (dates.relative_time(text, fetched_at) for text in texts)
    yield dates.parse_visible(texts, formats, zone)
    yield from (dates.parse_iso(value, zone) for value in page.time_elements())
    yield _htmldate_published(page, zone)
    yield dates.parse_any(texts, zone)


def _htmldate_published(page: Page, zone) -> datetime | None:
    """htmldate's reading of the page's original date, when it finds a time with it."""
    try:
        found = htmldate.find_date(
            page.tree, url=page.url, original_date=True, extensive_search=False, outputformat="%Y-%m-%dT%H:%M:%S%z"
        )
    except ValueError:
        return None
    moment = dates.parse_iso(found, zone) if found else None
    return moment if moment and (moment.hour, moment.minute, moment.second) != (0, 0, 0) else None


def _profile_for(source: Source | None, url: str, book: ProfileBook) -> Profile | None:
    if source is None:
        return book.for_url(url)
    if source.profile is None:
        return None
    if source.profile not in book.by_id:
        raise ConfigError(f"source {source.id!r}: unknown profile {source.profile!r}")
    return book.by_id[source.profile]


def extract_article(
    html: bytes,
    url: str,
    *,
    source: Source | None = None,
    fetched_at: datetime | None = None,
    headers: Mapping[str, str] | None = None,
    listed_title: str | None = None,
) -> Article:
    """The article on a fetched page; raises PageRejected when there is none to be had. A page that
    prints no headline is read under `listed_title`, the title its feed listed it under, if any."""
    text = decoded_html(html, headers)
    page = Page(parsed(text), url, text)
    book = profile_book()
    profile = _profile_for(source, url, book)
    zone = source.zone if source else ZoneInfo(profile.timezone) if profile else book.zone_for_url(url)

    reading, method = None, "generic"
    if profile is not None:
        mark_line_breaks(page.tree)
        for label, version in profile.versions:  # the current layout, then earlier ones
            reading = _read_with_profile(page, version, book)
            if reading is not None:
                method = f"profile:{label}"
                break
        if reading is None:
            log.warning(
                "profile %r found no title or body on %s: read generically; the profile may be stale", profile.id, url
            )
            method = f"generic-fallback:{profile.id}"
            page = Page(parsed(text), url, text)  # the profile edited the tree; trafilatura reads it as served
    if reading is None:
        reading = read_generic(page, source, book)

    title = reading.title or clean(listed_title)
    if not title:
        raise PageRejected("no-title", f"{url} has no headline")
    story = _until_end_marker(reading.paragraphs, book)
    patterns = [book.boilerplate_re] + ([profile.boilerplate_re] if profile and profile.boilerplate else [])
    body = "\n\n".join(_without_boilerplate(story, patterns, title, reading.byline))
    if body_too_short(body) and not body_too_short("\n\n".join(reading.extracted)):
        body = "\n\n".join(reading.extracted)  # our cleanup went wrong; trafilatura found an article
    if body_too_short(body):
        raise PageRejected("too-short", f"{url} has {len(body)} characters of body")

    formats = (profile.date_formats if profile else ()) + book.date_formats
    published = _published(page, reading, formats, zone or DEFAULT_ZONE, fetched_at)
    if published is not None and zone is not None:
        published = published.astimezone(zone)

    aggregator = bool((source and source.aggregator) or (profile and profile.aggregator))
    origin = wire.canonical_outlet(reading.origin_label) if aggregator and reading.origin_label else None
    declared = (page.tree.get("lang") or page.meta.get("og:locale") or "")[:2].lower() or None
    hint = (profile.language if profile else None) or (source.language if source else None) or declared
    return Article(
        url=_accepted_canonical(page.canonical_url, url, source, profile),
        outlet=source.outlet if source else page.site_name or host_name(url),
        source_id=source.id if source else None,
        title=title,
        published=published,
        language=detect_language(f"{title}\n{body}"[:LANGUAGE_SAMPLE_CHARS], hint),
        byline=reading.byline,
        authors=tuple(split_authors(reading.byline)),
        body=body,
        # Read before boilerplate goes: a sign-off alone on its line is a credit, not body text.
        wire=(source.wire if source and source.wire else None)
        or wire.wire_of(story, reading.byline, reading.origin_label, (source.outlet,) if source else ()),
        origin_outlet=origin,
        method=method,
    )
