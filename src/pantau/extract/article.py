"""Turn a fetched page into an Article: per-outlet profiles first, a generic extractor behind them.

The page is decoded and parsed once. A source's profile (include/profiles.yaml) reads title,
byline, date and body with CSS selectors; when it finds nothing the page goes to the generic
extractor and a warning names the stale profile. The generic extractor is trafilatura, handed
the page as served; its text is overridden only where a rule of ours is known to do better (the
JSON-LD articleBody when trafilatura missed most of the story, the printed standfirst), and a
page is rejected as too short or as a listing only when trafilatura's own text says so too.
"""

from __future__ import annotations

import html as html_entities
import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from itertools import chain, islice
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import htmldate
import lxml.html
import trafilatura
from lxml import etree
from trafilatura.metadata import normalize_authors
from trafilatura.settings import Document
from trafilatura.utils import trim

from pantau.config import ConfigError
from pantau.extract import dates, wire
from pantau.extract.language import detect_language
from pantau.extract.scoring import tokens
from pantau.ingest import charsets
from pantau.ingest.urls import registrable_domain
from pantau.models import Article, PageRejected
from pantau.registry.profiles import PatternSet, Profile, ProfileBook, profile_book
from pantau.registry.sources import Source

log = logging.getLogger("pantau.extract.article")

# A body shorter than this is a teaser, a paywall stub or an error page, not an article: a
# Bernama brief runs to 400 characters. One CJK character carries about what a word does.
MIN_BODY_CHARS = 250
MIN_BODY_CHARS_CJK = 80
# The most a dateline adds before a paragraph ("Neuss · ", "KUALA LUMPUR, Nov 22 — ").
_DATELINE_CHARS = 40
_STORY_PARAGRAPH_CHARS = 80  # a text at least this long after the headline: the story has begun
# A page without article markup whose text is mostly link text is a listing.
INDEX_LINK_DENSITY = 0.5
# trafilatura read less than this share of the text the page prints in paragraphs: it is asked
# again, favouring recall, and that reading is taken when it is at least RECALL_GAIN times longer.
# Chosen on the tune and validation sets: the readings it rescued had at most 0.33 of that text;
# about one page in 45 is read twice.
RECALL_RETRY_SHARE = 1 / 3
RECALL_GAIN = 2
# Or its reading leaves out more than MISSED_LIST_CHARS of the list items the page prints outside
# its navigation, enough to make it LIST_RECALL_GAIN times longer: the reading favouring recall,
# which keeps them, is taken when it is. Chosen on WCXB's dev split (it rescues in-story lists on
# 8 of its 709 pages, and reads 22 twice); it reads no tune page twice.
MISSED_LIST_CHARS = 500
LIST_RECALL_GAIN = 1.5
# Still under this share of the paragraphs' text after that: the page's paragraphs are taken, as
# trafilatura's baseline reads them, when its reading is within SAME_TEXT_TOLERANCE of their
# length. Chosen on the validation sets (it rescues 4 of WCXB dev's pages, none elsewhere); not when
# a comment thread holds more than that tolerance of them (WCXB dev's other page types showed it
# reading a thread twenty times the post's length as the text; it changes no article page).
PARAGRAPHS_MISSED_SHARE = 0.5
SAME_TEXT_TOLERANCE = 0.1
# Trailing text past the end of the publisher's structured copy is dropped only when at least
# this share of trafilatura's text stays (chosen on the tune set, checked on the validation sets).
STRUCTURED_END_KEEPS = 0.6
_ENDING_CHARS = 40  # letters and digits that identify the structured copy's last line
# A description whose word trigrams are this much in the body's opening is said there already
# (an excerpt of the opening, not a standfirst): chosen on the tune and validation sets, where the
# descriptions added as standfirsts that helped had at most 0.64, those that hurt 0.96 or more.
LEAD_SAID_ALREADY = 0.8
# Enough of an article's text to tell its language: the same as the whole text gives on every
# tune, seed and demo page (Malay from Indonesian too), and the detector's time grows with it.
LANGUAGE_SAMPLE_CHARS = 300
# The zone of times printed without one when neither a source nor a profile says (the registry's default).
DEFAULT_ZONE = ZoneInfo("Asia/Kuala_Lumpur")

_ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "ReportageNews",
    "AnalysisNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "Report",
    "PressRelease",
}
_LISTING_TYPES = {"CollectionPage", "ItemList", "SearchResultsPage"}
# Chinese pages often declare the older, smaller sets; gb18030 and big5hkscs decode all they cover.
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLOCK_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "tr"}
_CONTAINER_TAGS = {
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "table",
    "tbody",
    "thead",
    "center",
    "font",
    "body",
    "span",
}
_SKIPPED_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "head",
    "title",
    etree.Comment,
    etree.ProcessingInstruction,
}
_LINE_BREAK = "\u2028"  # stands for <br> until paragraphs are split
_BYLINE_PREFIX_RE = re.compile(
    r"^(?:(?:by|oleh|bởi|reporter|reported by|penulis|wartawan|pewarta|author|autor|autorin)\b|作者|记者|記者|文|撰文|报道)"
    r"\s*[:：/／]?\s*",
    re.IGNORECASE,
)
# A byline as printed under a headline: "By A & B", "Oleh A", "Pewarta: A".
_PRINTED_BYLINE_RE = re.compile(r"^(?:By|BY|Oleh|OLEH|Bởi|Von|VON|Pewarta\s*:|Reporter\s*:)\s+(\S.*)$")
# The prefix printed alone, the names in the elements after it ("By <a>A</a> and <a>B</a>").
_BYLINE_WORD_RE = re.compile(r"^(?:by|oleh|bởi|von|pewarta|reporter)\s*:?$", re.IGNORECASE)
_LONE_PREFIX_REACH = 12  # texts after the headline
_NAMES_JOINED_RE = re.compile(r"^(?:&|,|and|und|dan|và)$", re.IGNORECASE)
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_TITLE_SEPARATORS_RE = re.compile(r"(\s+[|\-–—:»]\s+|\s*\|\s*)")
# A Chinese site's name glued to the headline: "标题-新华网", "标题_人民网", "标题 | 联合早报".
_CJK_SITE_SUFFIX_RE = re.compile(
    r"(?:\s*[-_|－—–]{1,2}\s*[\u4e00-\u9fff]{1,8})*\s*[-_|－—–]{1,2}\s*[\u4e00-\u9fff]{1,8}"
    r"(?:网|網|报|報|社|新闻|新聞|频道|頻道)\s*$"
)


# ---------------------------------------------------------------- decoding


def decoded_html(html: bytes, headers: Mapping[str, str] | None = None) -> str:
    """The page as text, its charset taken from the bytes, the page and the HTTP header."""
    content_type = next((v for k, v in (headers or {}).items() if k.lower() == "content-type"), None)
    try:
        return charsets.decoded_html(html, content_type)
    except charsets.Undecodable as exc:
        raise PageRejected("undecodable", str(exc)) from None


# Parsed as trafilatura parses a page itself: it loses the text after an HTML comment inside a
# paragraph when handed a tree that still has the comment.
_PARSER = lxml.html.HTMLParser(collect_ids=False, remove_comments=True, remove_pis=True)


def _parsed(text: str) -> lxml.html.HtmlElement:
    text = _XML_DECLARATION_RE.sub("", text, count=1)
    try:
        return lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise PageRejected("undecodable", f"not parseable as HTML: {exc}") from None


# ---------------------------------------------------------------- text helpers


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _element_text(element) -> str:
    return _clean(element.text_content()) if element is not None else ""


def _first_line(tree, selectors: Iterable) -> str:
    for selector in selectors:
        for element in selector(tree):
            line = next((_clean(l) for l in element.text_content().split(_LINE_BREAK) if _clean(l)), "")
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
            text = _element_text(element)
            if text:
                return text
    return ""


def _mark_line_breaks(tree) -> None:
    """Keep <br> visible in text: paragraphs and bylines ("Pewarta: X<br>Editor: Y") split on it."""
    for br in tree.iter("br"):
        br.tail = _LINE_BREAK + (br.tail or "")


def _paragraphs(container) -> list[str]:
    """The text of `container` as paragraphs: block elements, and <br>-separated lines in them."""
    found: list[str] = []
    _collect(container, found)
    paragraphs: list[str] = []
    for chunk in found:
        for line in chunk.split(_LINE_BREAK):
            line = _clean(line)
            if line and (not paragraphs or paragraphs[-1] != line):
                paragraphs.append(line)
    return paragraphs


def _collect(element, found: list[str]) -> None:
    loose = [element.text or ""]
    for child in element:
        if child.tag in _SKIPPED_TAGS:
            loose.append(child.tail or "")
        elif child.tag in _BLOCK_TAGS:
            found.append("".join(loose))
            found.append(child.text_content())
            loose = [child.tail or ""]
        elif child.tag in _CONTAINER_TAGS and _has_blocks(child):
            found.append("".join(loose))
            _collect(child, found)
            loose = [child.tail or ""]
        elif child.tag in _CONTAINER_TAGS and child.tag not in ("span", "font"):
            found.append("".join(loose))
            found.append(child.text_content())
            loose = [child.tail or ""]
        else:
            loose.append(child.text_content() + (child.tail or ""))
    found.append("".join(loose))


def _has_blocks(element) -> bool:
    return any(child.tag in _BLOCK_TAGS or child.tag in _CONTAINER_TAGS for child in element.iterdescendants())


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
    writers = _split_authors(byline)
    return [
        p
        for p in paragraphs
        if p != title
        and not (bio and p.startswith(bio))
        and not (writers and _is_byline_line(p, writers))
        and not any(pattern.search(p) for pattern in patterns)
    ]


def _is_byline_line(paragraph: str, writers: list[str]) -> bool:
    """The printed byline ("By A and B"), which trafilatura keeps as the body's first line."""
    match = _PRINTED_BYLINE_RE.match(paragraph) if len(paragraph) < 150 else None
    return match is not None and _split_authors(_byline(match.group(1))) == writers


def _byline(text: str | None) -> str | None:
    text = _clean((text or "").split(_LINE_BREAK)[0]).split("|")[0].strip(" -–—,")
    text = _BYLINE_PREFIX_RE.sub("", text).strip(" -–—,")
    return text or None


# Where several writers share a byline: "A & B", "A, B and C", "A dan B", "A và B", "A、B".
_AUTHOR_SEPARATORS_RE = re.compile(r"\s*(?:&|,|;|、|\band\b|\bdan\b|\bvà\b|\bund\b|\bog\b)\s*(?![^()]*\))")
# A printed byline is names: a few words, no quotes or sentence punctuation ("By clicking “Sign
# up”, you accept our terms" is a form's small print).
_NAME_RE = re.compile(r"^[^\W\d_][^\"“”?!:;]{0,60}$")


def _is_name(text: str) -> bool:
    """A person's or desk's name, not a CMS user id ("105092"), an e-mail, a profile URL or the
    label of an author box's follow button ("Folgen")."""
    return (
        bool(text)
        and bool(re.search(r"[^\W\d_]", text))
        and "@" not in text
        and "://" not in text
        and len(text) < 80
        and text.lower() not in _FOLLOW_LABELS
    )


# The button an author box holds beside the name, read as the name when it is the box's only text.
_FOLLOW_LABELS = frozenset(
    ["follow", "folgen", "suivre", "seguir", "segui", "volgen", "følg", "följ", "ikuti", "theo dõi", "关注", "關注"]
)


_AFTER_THE_NAMES = frozenset("in at on for of with di pada im am auf bei".split())


def _split_authors(byline: str | None) -> list[str]:
    # "Corina Gall (cog.)": the initials the paper signs with; "Autor Monika Bolliger": the role.
    names = [
        _BYLINE_PREFIX_RE.sub("", re.sub(r"\s*\([^()]*\)$", "", _clean(n))).strip(" -–—")
        for n in _AUTHOR_SEPARATORS_RE.split(byline or "")
    ]
    # "By TPN, in News": the word after the names is no writer ("dpa" is).
    return list(dict.fromkeys(n for n in names if _is_name(n) and n not in _AFTER_THE_NAMES))


def _person_name(person: dict) -> object:
    """A schema.org Person's name, or its given and family names ("Anna Giulia" "Fink")."""
    parts = [person.get("givenName"), person.get("familyName")]
    return person.get("name") or " ".join(p for p in parts if isinstance(p, str))


def _prints_title(heading: str, title: str) -> bool:
    return len(heading) > 15 and len(title) > 15 and (heading in title or title in heading)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


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


def _squashed(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


# ---------------------------------------------------------------- page metadata


class _Page:
    """What a page says about itself: meta tags, JSON-LD, canonical link. Read lazily, once."""

    def __init__(self, tree, url: str, source: str = ""):
        self.tree = tree
        self.url = url
        # The markup from <body> on: a substring test there is cheaper than a search of the tree.
        self.body_source = source[max(source.find("<body"), 0) :]

    @cached_property
    def meta(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for element in self.tree.iter("meta"):
            key = element.get("property") or element.get("name") or element.get("itemprop")
            content = element.get("content")
            if key and content and key.lower() not in found:
                found[key.lower()] = content.strip()
        return found

    @cached_property
    def linked_data(self) -> list[dict]:
        items: list[dict] = []
        for script in self.tree.xpath('//script[@type="application/ld+json"]'):
            try:
                data = json.loads(script.text or "", strict=False)
            except ValueError:
                continue
            stack = data if isinstance(data, list) else [data]
            while stack:
                item = stack.pop(0)
                if isinstance(item, dict):
                    items.append(item)
                    stack.extend(item.get("@graph") or [])
                elif isinstance(item, list):
                    stack.extend(item)
        return items

    @staticmethod
    def _types(item: dict) -> set[str]:
        kind = item.get("@type")
        return {k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}

    @cached_property
    def article_data(self) -> dict:
        # schema.org's article types all end in "Article" (ReportageNewsArticle, TechArticle, ...).
        return next(
            (
                item
                for item in self.linked_data
                if self._types(item) & _ARTICLE_TYPES or any(t.endswith("Article") for t in self._types(item))
            ),
            {},
        )

    @cached_property
    def is_listing(self) -> bool:
        # Article pages may carry an ItemList too (their related links): only a page without an
        # article in its JSON-LD or its meta tags is a listing by its JSON-LD.
        return not self.has_article_markup and any(self._types(item) & _LISTING_TYPES for item in self.linked_data)

    @cached_property
    def has_article_markup(self) -> bool:
        return bool(self.article_data) or self.meta.get("og:type") == "article" or "article:published_time" in self.meta

    @cached_property
    def canonical_url(self) -> str:
        # In the head, where a canonical link belongs: a search of the whole tree costs more.
        for href in self.tree.xpath('/html/head/link[@rel="canonical"]/@href') + [self.meta.get("og:url", "")]:
            absolute = urljoin(self.url, href.strip())
            if href.strip() and absolute.startswith(("http://", "https://")):
                return absolute
        return self.url

    @cached_property
    def site_name(self) -> str | None:
        publisher = self.article_data.get("publisher")
        name = self.meta.get("og:site_name") or (publisher.get("name") if isinstance(publisher, dict) else None)
        return _clean(name) if isinstance(name, str) and _clean(name) else None

    @cached_property
    def author_entries(self) -> list:
        """The structured data's `author`: one entry or several, as schema.org allows."""
        people = self.article_data.get("author") or []
        return people if isinstance(people, list) else [people]

    def authors(self) -> list[str]:
        """The people the page's metadata names as its authors; the outlet naming itself, a CMS
        user id or a profile URL is no byline."""
        candidates = [
            _person_name(p) if isinstance(p, dict) else p
            for p in self.author_entries
            if not (isinstance(p, dict) and p.get("@type") == "Organization")
        ]
        found = [_clean(n) for n in candidates if isinstance(n, str) and _clean(n)] or [
            self.meta.get("author") or self.meta.get("article:author") or ""
        ]
        return [n for n in found if _is_name(n) and not self.names_the_outlet(n)]

    def credited_desks(self) -> list[str]:
        """Who the metadata credits when it names no writer: a desk, an agency or the outlet itself
        ("DER SPIEGEL", "Reuters", "Redaktion hessenschau.de")."""
        names = [p.get("name") if isinstance(p, dict) else p for p in self.author_entries]
        names.append(self.meta.get("author"))
        return list(dict.fromkeys(_clean(n) for n in names if isinstance(n, str) and _is_name(_clean(n))))

    def author_aliases(self) -> list[str]:
        """The short names the metadata's authors sign with (schema.org alternateName)."""
        aliases = [p.get("alternateName") for p in self.author_entries if isinstance(p, dict)]
        return [_clean(a) for a in aliases if isinstance(a, str) and _clean(a)]

    def names_the_outlet(self, name: str) -> bool:
        """ "Lesotho Times", "mdr.de", "Deutsche Welle (www.dw.com)": the outlet, not a writer."""
        host = _host(self.url)
        outlets = {_squashed(n) for n in (self.site_name, host, host.split(".")[0]) if n}
        return _squashed(name) in outlets or _squashed(host) in _squashed(name)

    def structured_dates(self) -> Iterable[str]:
        published = self.article_data.get("datePublished")
        yield published if isinstance(published, str) else ""
        for key in (
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "pubdate",
            "publishdate",
            "publish-date",
            "date",
            "dc.date.issued",
            "dcterms.created",
            "dc.date",
            "parsely-pub-date",
            "publication_date",
            "published_date",
            "sailthru.date",
        ):
            yield self.meta.get(key, "")

    def time_elements(self) -> Iterable[str]:
        yield from self.tree.xpath('//time[@itemprop="datePublished" or @pubdate]/@datetime')
        yield from self.tree.xpath("//article//time/@datetime")[:1]
        yield from self.tree.xpath("//time/@datetime")[:1]

    @cached_property
    def headline(self) -> lxml.html.HtmlElement | None:
        """The first <h1> (found by iteration, which stops there; "(//h1)[1]" searches the whole
        tree); on a page without one, the first <h2> or <h3> that prints the page's title (perhaps
        after a kicker: "Premiere in Eisenhüttenstadt: <title>")."""
        first = next(self.tree.iter("h1"), None)
        if first is not None:
            return first
        title = _clean(self.meta.get("og:title") or self.tree.findtext(".//title"))
        return next(
            (h for h in self.tree.iter("h2", "h3") if _prints_title(_element_text(h), title)),
            None,
        )

    def texts_after_headline(self, condition: str) -> list:
        return self.headline.xpath(f"following::text()[{condition}]") if self.headline is not None else []

    @cached_property
    def short_texts_after_headline(self) -> list:
        """The short texts after the headline, where end markers and writer labels are printed (one
        scan for both: a scan of a page's texts costs more than the tests on them)."""
        return self.texts_after_headline("string-length() < 120][normalize-space()")

    @cached_property
    def near_headline(self) -> list[str]:
        """Short texts printed just after the headline: where outlets put the byline and the date."""
        near = []
        for text in self.texts_after_headline("position() <= 200"):
            if text.strip() and text.getparent().tag not in ("script", "style"):
                near.append(text)
                if len(near) == 40:
                    break
        return [_clean(t) for t in near if len(t.strip()) < 80]

    def link_share(self, paragraphs: list[str]) -> float:
        """How much of `paragraphs` (trafilatura's text) is the text of the page's links."""
        links = {_clean(a.text_content()) for a in self.tree.iter("a")}
        total = sum(map(len, paragraphs))
        return sum(len(p) for p in paragraphs if p in links) / total if total else 1.0

    @cached_property
    def paragraph_chars(self) -> int:
        """How much text the page prints in paragraphs."""
        return sum(len(text) for text in self.tree.xpath("//body//p//text()"))

    @property
    def list_chars(self) -> int:
        """How much text the page prints in list items outside its navigation, header, footer,
        asides, menus, comments, sliders and sharing buttons, leaving out lists of links."""
        return sum(len(_clean(item.text_content())) for item in _STORY_LIST_ITEMS_XPATH(self.tree))

    def link_density(self) -> float:
        body = self.tree.find("body")
        if body is None:
            return 0.0
        total = sum(len(t.strip()) for t in body.xpath(".//text()[not(ancestor::script or ancestor::style)]"))
        linked = sum(len(t.strip()) for t in body.xpath(".//a//text()"))
        return linked / total if total else 1.0


# ---------------------------------------------------------------- readings


@dataclass
class _Reading:
    title: str
    paragraphs: list[str]
    byline: str | None = None
    date_texts: Iterable[str] = ()  # read only when the page's structured stamps give no time
    origin_label: str | None = None
    # trafilatura's text, kept when our cleanup leaves too little: its evidence decides rejection.
    extracted: tuple[str, ...] = ()


def _read_with_profile(page: _Page, profile: Profile, book: ProfileBook) -> _Reading | None:
    """What the profile's selectors find, or None when the title or the body is missing.
    Edits the page's tree: a fallback must read a fresh one."""
    selectors = profile.compiled
    title = _first_text(page.tree, selectors["title"])
    container = _first(page.tree, selectors["body"])
    if not title or container is None:
        return None
    byline = _first_line(page.tree, selectors["byline"]) or " & ".join(page.authors())
    # Each date element, then the element after it: outlets print the time apart ("Sunday,
    # 26 Oct 2025" then "2:50 PM MYT").
    date_texts = tuple(
        text
        for selector in selectors["date"]
        for element in selector(page.tree)[:3]
        for text in (
            element.get("datetime") or element.get("content") or _element_text(element),
            _element_text(element.getnext()),
        )
        if text
    )
    origin = _first_text(page.tree, selectors["origin"]) or None
    lead = [_element_text(e) for s in selectors["lead"] for e in s(page.tree)[:1]]
    stop = _first(container, selectors["stop"])
    if stop is not None and stop is not container:
        _truncate_from(stop, container)
    for selector in (*book.removed, *selectors["remove"]):
        for element in selector(container):
            if element is not container:
                _drop(element)
    for table in container.xpath(".//table[.//img]"):  # a photo with its caption, laid out as a table
        _drop(table)
    paragraphs = [p for p in lead if p] + _paragraphs(container)
    if not paragraphs:
        return None
    return _Reading(title, paragraphs, _byline(byline), date_texts, origin)


def _without_site_name(title: str, site_names: set[str]) -> str:
    parts = _TITLE_SEPARATORS_RE.split(title)  # text, separator, text, ...
    while len(parts) > 2 and _squashed(parts[-1]) in site_names:
        del parts[-2:]
    while len(parts) > 2 and _squashed(parts[0]) in site_names:
        del parts[:2]
    return "".join(parts)


def _generic_title(page: _Page, source: Source | None) -> str:
    headings = [h for h in (_element_text(h) for h in islice(page.tree.iter("h1", "h2", "h3"), 12)) if h]
    host = _host(page.url)
    site_names = {_squashed(n) for n in (page.site_name, source and source.outlet, host, host.split(".")[0]) if n}
    for raw in (
        page.article_data.get("headline"),
        page.meta.get("og:title"),
        page.meta.get("twitter:title"),
        page.tree.findtext(".//title"),
    ):
        # Metadata written by a CMS that escaped its HTML twice: "&quot;No&quot;", "&#8216;".
        raw = _clean(html_entities.unescape(raw)) if isinstance(raw, str) else ""
        if not raw:
            continue
        for heading in headings:  # the page's own heading, when it is the title without decoration
            # Long enough not to be a section name; a CJK character carries about what a word does.
            if (len(heading) > 15 or len(_CJK_RE.findall(heading)) > 5) and heading in raw:
                return heading
        return _CJK_SITE_SUFFIX_RE.sub("", _without_site_name(raw, site_names)) or raw
    return headings[0] if headings else ""


def _end_markers(page: _Page, book: ProfileBook) -> list[str]:
    """The end markers below the story's start ("Related Articles") as text nodes, in page order:
    not one between the headline and the story's first paragraph ("Comments" on a button in the
    byline's bar), where the story has not begun."""
    # Text nodes, not elements: an element's string value costs its whole subtree, on every element.
    markers = [
        text
        for text in page.short_texts_after_headline
        if book.end_marker_re.match(_clean(text)) and not _inside(text.getparent(), ("pre", "code"))  # a program's word
    ]
    if markers and page.headline is not None:
        story_start = _FIRST_LONG_TEXT_XPATH(page.headline)
        if story_start:
            begun = _position(story_start[0].getparent())
            return [marker for marker in markers if _position(marker.getparent()) > begun]
    return markers


_FIRST_LONG_TEXT_XPATH = etree.XPath(
    f"following::text()[string-length(normalize-space()) >= {_STORY_PARAGRAPH_CHARS}]"
    "[not(ancestor::script or ancestor::style)][1]"
)
_POSITION_XPATH = etree.XPath("count(preceding::*) + count(ancestor::*)")


def _position(element) -> int:
    """The element's place in document order."""
    return int(_POSITION_XPATH(element))


def _heads_set_in_box(marker) -> bool:
    """Whether an end marker heads a box set into the story, which goes on after it: the marker is
    in a link, an aside or a paragraph, or its box (its nearest ancestor holding more than the marker)
    holds only links and the story's text follows it in the same container."""
    heading = marker.getparent()
    if _inside(heading, ("a", "script", "style", "aside", "p")):
        return True
    box = next((a for a in heading.iterancestors(None) if _clean(a.text_content()) != _clean(marker)), None)
    if box is None or box.getparent() is None:
        return False
    later = _LATER_TEXTS_XPATH(heading)
    inside = [t for t in later if _within(t.getparent(), box)]
    beyond = next((t for t in later if not _within(t.getparent(), box)), None)
    return (
        bool(inside)
        and all(_inside(t.getparent(), ("a",)) for t in inside)
        and beyond is not None
        and not _inside(beyond.getparent(), ("a",))
        and _within(beyond.getparent(), box.getparent())
    )


_LATER_TEXTS_XPATH = etree.XPath(
    "following::text()[normalize-space()][not(ancestor::script or ancestor::style)][position() <= 30]"
)


def _inside(element, tags: tuple[str, ...]) -> bool:
    """Whether the element is, or is inside, an element of one of these tags."""
    return element.tag in tags or next(element.iterancestors(*tags), None) is not None


def _texts_after_end_marker(end) -> tuple[str, ...]:
    """The starts of the first long texts after the end marker that ends the story ("Related
    Articles"): trafilatura may keep an aggregator's inlined related stories, and drop the heading
    that says where the article ended."""
    heading = end.getparent()
    following = [t for t in _LATER_TEXTS_XPATH(heading) if len(_clean(t)) >= 40]
    # Only what the marker's box holds (its nearest ancestor with long text after the marker):
    # the story may go on after a box of related links set into it.
    for box in heading.iterancestors(None):
        inside = [_clean(t)[:40] for t in following if _within(t.getparent(), box)]
        if inside:
            # A related story the story also links inline, above the marker, is no end.
            return tuple(s for s in inside[:5] if not _EARLIER_TEXT_XPATH(heading, start=s))
    return ()


# Innermost items only (a nested list's text is its items'); a link list's item is mostly its link;
# not in a menu, a comment thread, a slider or the sharing buttons, by their class.
_STORY_LIST_ITEMS_XPATH = etree.XPath(
    "//body//li[not(.//li)][not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside)]"
    "[not(.//a) or string-length(normalize-space()) > 2 * string-length(normalize-space(.//a))]"
    "[not(ancestor-or-self::*[contains(@class, 'menu') or contains(@class, 'comment')"
    " or contains(@class, 'slider') or contains(@class, 'social') or contains(@class, 'share')])]"
)
_EARLIER_TEXT_XPATH = etree.XPath("preceding::text()[contains(., $start)][not(ancestor::script or ancestor::style)]")


def _within(element, box) -> bool:
    return element is box or any(ancestor is box for ancestor in element.iterancestors(None))


def _until_texts(paragraphs: list[str], starts: tuple[str, ...]) -> list[str]:
    """The paragraphs before the first that begins with one of `starts`."""
    if not starts:
        return paragraphs
    position = next((n for n, p in enumerate(paragraphs) if p.startswith(starts)), len(paragraphs))
    return paragraphs[:position]


def _until_structured_end(paragraphs: list[str], structured: list[str]) -> list[str]:
    """trafilatura's paragraphs up to the one the publisher's own copy (JSON-LD articleBody) ends
    with: what follows is the page's (a subscription notice, a donation appeal, a book list). Not
    when that would leave less than STRUCTURED_END_KEEPS of the text: some copies hold only the
    first paragraphs."""
    end = _squashed(structured[-1])[-_ENDING_CHARS:]
    if len(end) < _ENDING_CHARS // 2:
        return paragraphs  # too short to be known by
    for position in range(len(paragraphs) - 1, -1, -1):
        squashed = _squashed(paragraphs[position])
        # Or the paragraph is the last line's tail: trafilatura split the structured copy's last line.
        if end in squashed or (len(squashed) >= _ENDING_CHARS // 2 and end.endswith(squashed[-_ENDING_CHARS:])):
            kept = paragraphs[: position + 1]
            if sum(map(len, kept)) >= STRUCTURED_END_KEEPS * sum(map(len, paragraphs)):
                return kept
            return paragraphs
    return paragraphs


_MARKUP_RE = re.compile(r"<(?:p|br|div|h[1-6]|li|strong|em|b|i|a|span)\b[^>]*>", re.IGNORECASE)


def _json_ld_paragraphs(article_body: str, subheadings: list[str]) -> list[str]:
    """JSON-LD articleBody as paragraphs: entities and markup some CMSs leave in it ("&nbsp;",
    "<p>") decoded, and the subheadings the page prints set apart where the CMS ran them into the
    next sentence."""
    text = html_entities.unescape(html_entities.unescape(article_body)).replace("\u00a0", " ")
    if _MARKUP_RE.search(text):
        # Some CMSs put the story's HTML there (Die Welt's "<p>...</p>"): its paragraphs, not its tags.
        fragment = lxml.html.fragment_fromstring(text, create_parent="div")
        _mark_line_breaks(fragment)
        text = "\n".join(_paragraphs(fragment))
    for heading in subheadings:
        text = text.replace(heading, f"\n{heading}\n")
    return [_clean(line) for line in re.split(r"\n+", text) if _clean(line)]


# Where outlets credit the writer by role, anywhere on the page (ANTARA at the story's foot:
# "Pewarta: A" then "Editor: B"; the editor is not the writer).
_WRITER_LABELS = ("pewarta", "penulis", "wartawan", "reporter", "phóng viên", "记者", "記者")
_LABELLED_TEXT_XPATH = etree.XPath(
    "//body//text()[contains(., ':') or contains(., '：')][string-length() < 120]["
    + " or ".join(
        f"starts-with(normalize-space(), '{variant}')"
        for label in _WRITER_LABELS
        for variant in dict.fromkeys((label, label.capitalize(), label.upper()))
    )
    + "]"
)
_WRITER_LABEL_RE = re.compile(
    r"^(?:pewarta|penulis|wartawan|reporter|phóng viên|记者|記者)\s*[:：]\s*(.*)$", re.IGNORECASE
)


def _printed_authors(page: _Page) -> list[str]:
    """The writers printed under the headline ("By A and B", "Oleh A", "Pewarta: A"), or credited
    by role elsewhere on the page."""
    printed = _byline_near_headline(page.near_headline)
    if printed is None:
        # Under the headline (ANTARA's "Pewarta: A" ends the story); anywhere on a page without one.
        labelled = page.short_texts_after_headline if page.headline is not None else _LABELLED_TEXT_XPATH(page.tree)
        for text in labelled:
            match = _WRITER_LABEL_RE.match(_clean(text))
            if match and text.getparent().tag not in ("script", "style"):
                printed = match.group(1) or _clean(_next_text(text))
                break
    return _split_authors(_byline(printed))


def _byline_near_headline(near: list[str]) -> str | None:
    for position, text in enumerate(near):
        match = _PRINTED_BYLINE_RE.match(text)
        if match:
            return match.group(1)
        # Only right under the headline: a teaser further down has its own "von <writer>".
        if position < _LONE_PREFIX_REACH and _BYLINE_WORD_RE.match(text) and position + 1 < len(near):
            names = [near[position + 1]]
            rest = near[position + 2 :]
            while len(rest) >= 2 and _NAMES_JOINED_RE.match(rest[0]):
                names.append(rest[1])
                rest = rest[2:]
            return " & ".join(names)
    return None


def _next_text(text) -> str:
    """The text printed right after a label ("<b>Pewarta:</b> A")."""
    following = text.getparent().xpath("following::text()[normalize-space()][1]")
    return following[0] if following else ""


def _same_person(a: str, b: str) -> bool:
    a, b = _squashed(a), _squashed(b)
    return bool(a) and bool(b) and (a in b or b in a)


# trafilatura's author markup (`trafilatura.metadata.extract_author`, from its AUTHOR_XPATHS and
# AUTHOR_DISCARD_XPATHS), tested in Python on the few elements whose attributes could match: its
# XPaths test every element of the page, and it copies the whole tree to prune it first (6 ms a
# page, 16 on a large one). Per test: the tags it applies to (None: any) and what the attributes
# must match; the tests are tried in turn, most specific first.
_AUTHOR_MARKUP_TESTS: tuple[tuple[frozenset[str] | None, tuple[tuple[str, re.Pattern], ...]], ...] = (
    (
        frozenset("a address div link p span strong".split()),
        (
            ("rel", re.compile(r"^author$")),
            ("id", re.compile(r"^author$")),
            ("class", re.compile(r"^author$|author-?name|AuthorName|authorName")),
            ("itemprop", re.compile(r"^author name$")),
            ("data-testid", re.compile(r"^Author(?:Card|URL)$")),
        ),
    ),
    (
        frozenset("a div h3 h4 p span".split()),
        (
            ("class", re.compile(r"^(?:byline|username|byl|BBL)$")),
            ("itemprop", re.compile(r"author")),
            ("id", re.compile(r"author|zuozhe|bianji|xiaobian")),
            (
                "class",
                re.compile(r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"),
            ),
        ),
    ),
    (
        None,
        (
            ("data-component", re.compile(r"Byline")),
            ("itemprop", re.compile(r"author")),
            ("id", re.compile(r"[Aa]uthor")),
            ("class", re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")),
        ),
    ),
)
_MAY_NAME_AN_AUTHOR = (
    "Author author Byl byl BBL username screenname writer zuozhe bianji xiaobian channel-name submitted-by"
    " posted-by journalist-name"
).split()
# The attributes that may name an author, chosen in XPath: a page has thousands of class names.
_AUTHOR_ATTRIBUTES_XPATH = etree.XPath(
    "(//@class | //@id | //@itemprop | //@rel | //@data-component | //@data-testid)"
    f"[{' or '.join(f'contains(., {word!r})' for word in _MAY_NAME_AN_AUTHOR)}] | //author"
)
# Where trafilatura does not look for an author (comments, sidebars, dates, figures, ...): in
# these tags, with these ids or classes; and <time> and <figure>.
_NOT_AN_AUTHOR_TAGS = frozenset("a div section span".split())
_NOT_AN_AUTHOR_ID_RE = re.compile(r"^comments|comment-?list|ProductReviews")
_NOT_AN_AUTHOR_CLASS_RE = re.compile(
    r"^(?:comments|title|date)$|^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
    r"|article-(?:share|support)|print|category|meta-date|meta-reviewer"
)


def _not_an_author(element) -> bool:
    if element.tag in ("time", "figure"):
        return True
    return element.tag in _NOT_AN_AUTHOR_TAGS and bool(
        _NOT_AN_AUTHOR_ID_RE.search(element.get("id", ""))
        or _NOT_AN_AUTHOR_CLASS_RE.search(element.get("class", ""))
        or "Figure" in element.get("data-component", "")
    )


def _kept_text(element, parts: list[str]) -> list[str]:
    """The element's texts, less those of the parts trafilatura prunes (their tails stay)."""
    parts.append(element.text or "")
    for child in element:
        if not _not_an_author(child):
            _kept_text(child, parts)
        parts.append(child.tail or "")
    return parts


def _marked_up_author(page: _Page) -> str | None:
    """The author trafilatura finds in the page's author markup (several joined by "; ")."""
    found = _AUTHOR_ATTRIBUTES_XPATH(page.tree)  # in document order
    candidates = [
        element
        for element in dict.fromkeys(f if isinstance(f, etree._Element) else f.getparent() for f in found)
        if not any(map(_not_an_author, chain((element,), element.iterancestors())))
    ]
    for rank, (tags, tests) in enumerate(_AUTHOR_MARKUP_TESTS):
        for element in candidates:
            if (rank == 0 and element.tag == "author") or (
                (tags is None or element.tag in tags)
                and any(pattern.search(element.get(attribute, "")) for attribute, pattern in tests)
            ):
                content = trim(" ".join(_kept_text(element, [])))
                if 2 < len(content) < 120:
                    return normalize_authors(None, content)
    return None


def _generic_authors(page: _Page) -> list[str]:
    """The writers the page prints; the metadata's list instead when it names one of them too
    (it is cleaner, and names co-writers the page prints elsewhere), but not when it names
    someone else (some CMSs put the editor there); else trafilatura's find in the author markup;
    else the desk or outlet the metadata credits."""
    # "Von t-online, jse": the outlet is no writer.
    printed = [n for n in _printed_authors(page) if not page.names_the_outlet(n)]
    if not all(_NAME_RE.match(n) and len(n.split()) <= 6 for n in printed):
        printed = []  # one part is no name: the whole line is something else
    listed = page.authors()
    known_as = listed + page.author_aliases()  # "jse" is Julian Seiferth's signature
    if printed and not any(_same_person(p, m) for p in printed for m in known_as):
        return printed
    # Each fallback is read only when the ones before it find nobody (the author markup costs 3 ms).
    return listed or printed or _marked_up_names(page) or page.credited_desks()


def _marked_up_names(page: _Page) -> list[str]:
    # An author box may also print the date: "Cazzy Magennis Last Updated: August 1, 2025".
    names = (_DATE_IN_AUTHOR_BOX_RE.sub("", _clean(a)) for a in (_marked_up_author(page) or "").split(";"))
    return [n for n in names if _is_name(n)]


# The date an author box prints after the name, in the month names the date reader knows.
_DATE_IN_AUTHOR_BOX_RE = re.compile(
    rf"\s*\b(?:(?:last\s+)?updated|published|posted|on)?:?\s*\b(?:{dates.MONTH_NAMES})\b\.?\s+\d{{1,2}}\b.*$",
    re.IGNORECASE,
)


def _read_generic(page: _Page, source: Source | None, book: ProfileBook) -> _Reading:
    """trafilatura's reading of the page as served, with our title, authors and dates; raises
    PageRejected("index-page") for a declared listing, or a link-heavy page without article markup,
    from which trafilatura gets no article-length text, or mostly link texts."""
    text = _trafilatura_text(page)
    extracted = [_clean(line) for line in text.splitlines() if _clean(line)]
    # A page without article markup is a listing, by its JSON-LD or by its links, only if
    # trafilatura's text bears it out (asked first: the link density walks all the page's text).
    if (
        not page.has_article_markup
        and (_body_too_short("\n\n".join(extracted)) or page.link_share(extracted) > INDEX_LINK_DENSITY)
        and (page.is_listing or page.link_density() > INDEX_LINK_DENSITY)
    ):
        raise PageRejected("index-page", f"{page.url} lists links rather than telling a story")
    set_in: list[str] = []  # text nodes (lxml's str)
    ends: list[str] = []
    for marker in _end_markers(page, book):
        (set_in if _heads_set_in_box(marker) else ends).append(marker)
    story = _until_texts(extracted, _texts_after_end_marker(ends[0])) if ends else extracted
    # A set-in box's heading kept by trafilatura is no end of the story: the line goes, the story stays.
    set_in_lines = {_clean(m) for m in set_in} - {_clean(m) for m in ends}
    paragraphs = [p for p in story if p not in set_in_lines]
    article_body = page.article_data.get("articleBody")
    if isinstance(article_body, str) and len(article_body) >= MIN_BODY_CHARS:
        # trafilatura missed most of the story (a script-rendered page): the structured copy is better.
        subheadings = [t for t in map(_element_text, page.tree.xpath("//body//h2 | //body//h3")) if len(t) > 8]
        structured = _json_ld_paragraphs(article_body, subheadings)
        # Or trafilatura read that same JSON-LD (its own fallback): one run-on block of text, where
        # the structured copy, split at the page's subheadings, has paragraphs.
        same_copy = bool(paragraphs) and _squashed(paragraphs[0])[:60] == _squashed(structured[0])[:60]
        if sum(map(len, structured)) > 2 * sum(map(len, paragraphs)) or (
            same_copy and len(paragraphs) <= 2 < len(structured)
        ):
            paragraphs = structured
        else:
            paragraphs = _until_structured_end(paragraphs, structured)
    lead = _printed_lead(page, paragraphs)
    if lead:
        paragraphs = [lead, *paragraphs]
    date_texts = chain(
        _dated_texts(page),  # read only when no structured stamp has a time
        (text for text in page.near_headline),
    )
    authors = _generic_authors(page)
    return _Reading(
        _generic_title(page, source), paragraphs, " & ".join(authors) or None, date_texts, extracted=tuple(extracted)
    )


def _trafilatura_text(page: _Page) -> str:
    """trafilatura's text of the page; asked again, favouring recall, when it misses most of what
    the page prints in paragraphs (a story in markup it does not expect) or in lists; the page's
    paragraphs, as trafilatura's baseline reads them, when it still misses half of them."""
    text = _bare_text(page, favor_recall=False)
    gain: float | None
    if len(text) < RECALL_RETRY_SHARE * page.paragraph_chars:
        gain = RECALL_GAIN
    elif page.list_chars - sum(len(line) for line in text.splitlines() if line.startswith("- ")) > max(
        MISSED_LIST_CHARS, (LIST_RECALL_GAIN - 1) * len(text)
    ):
        gain = LIST_RECALL_GAIN
    else:
        gain = None
    if gain is not None:
        recalled = _bare_text(page, favor_recall=True)
        if len(recalled) >= gain * len(text):
            text = recalled
    if len(text) < PARAGRAPHS_MISSED_SHARE * page.paragraph_chars and next(page.tree.iter("article"), None) is None:
        # On a page without <article> markup (where an aggregator's inlined stories would be read
        # with the story), the baseline reads the paragraphs outside the boilerplate it knows
        # (navigation, footers, asides): when that is nearly all of them, they are the story.
        # A comment thread's paragraphs would be read as the story's.
        commented = sum(len(text) for text in _COMMENT_PARAGRAPH_TEXTS_XPATH(page.tree))
        if commented <= SAME_TEXT_TOLERANCE * page.paragraph_chars:
            _, paragraphs, length = trafilatura.baseline(page.tree)
            if abs(length - page.paragraph_chars) <= SAME_TEXT_TOLERANCE * page.paragraph_chars:
                return paragraphs
    return text


_COMMENT_PARAGRAPH_TEXTS_XPATH = etree.XPath(
    "//body//p[ancestor::*[contains(@class, 'comment') or contains(@id, 'comment')]]//text()"
)


def _bare_text(page: _Page, favor_recall: bool) -> str:
    # The tree as parsed (trafilatura copies it before cleaning); no metadata, which we read ourselves.
    # The retry favouring recall skips the comparison with other extractors (`fast`): it costs less
    # (15 % on the tune pages) and gives the same reading on every tune and validation page.
    document = trafilatura.bare_extraction(
        page.tree,
        url=page.url,
        include_comments=False,
        with_metadata=False,
        favor_recall=favor_recall,
        fast=favor_recall,
    )
    return (document.text if isinstance(document, Document) else "") or ""


def _dated_texts(page: _Page) -> Iterable[str]:
    """The texts of the first elements whose class says they hold a date or a time."""
    yield from (_element_text(e) for e in _DATED_ELEMENTS_XPATH(page.tree)[:8])


_DATED_ELEMENTS_XPATH = etree.XPath(
    "//*[contains(@class,'date') or contains(@class,'time') or contains(@class,'publish')]"
    "[not(self::script or self::style or self::body or self::html)]"
)


def _printed_lead(page: _Page, paragraphs: list[str]) -> str | None:
    """The standfirst (sapo) printed above the body when trafilatura left it out of its
    `paragraphs`: the page's description when the page also prints it, whole, as a paragraph of
    its own."""
    description = _clean(page.meta.get("og:description") or page.meta.get("description"))
    if (
        len(description) < 40
        or any(p.endswith(description) and len(p) - len(description) <= _DATELINE_CHARS for p in paragraphs)
        or _opening_says(description, paragraphs)
    ):
        return None  # none, or trafilatura has it, perhaps after a dateline ("Neuss · <lead>")
    # Printed: at the start of a text in the body's markup (not only in its JSON-LD).
    if not re.search(rf">\s*{re.escape(description[:30])}", page.body_source):
        return None
    # It is in the markup as it is in the description: contains() spares normalising every text.
    found = page.tree.xpath("//body//text()[contains(., $start)]", start=description[:30])
    printed = any(
        _clean(text).startswith(description[:30]) and _element_text(text.getparent()) == description for text in found
    )
    return description if printed else None


def _opening_says(description: str, paragraphs: list[str]) -> bool:
    """The body's opening says the description already: it begins alike, or has most of its word
    trigrams (a description made of the headline and the first paragraphs, or of an "Updated on"
    line's paragraph)."""
    if paragraphs and _squashed(paragraphs[0])[:30] == _squashed(description)[:30]:
        return True
    words = tokens(description)
    said = _trigrams(words)
    opening = _trigrams(tokens("\n".join(paragraphs)[: 2 * len(description) + 400])[: len(words) + 60])
    return bool(said) and len(said & opening) >= LEAD_SAID_ALREADY * len(said)


def _trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[n : n + 3]) for n in range(len(words) - 2)}


# ---------------------------------------------------------------- the article


def _published(page: _Page, reading: _Reading, formats: tuple[str, ...], zone, fetched_at) -> datetime | None:
    """Structured stamps first, then the outlet's visible date, then a <time> element; None when the
    page gives no time (a day alone is not a publication time)."""
    structured = (dates.parse_iso(value, zone) for value in page.structured_dates() if value)
    found = next((moment for moment in structured if moment is not None), None)
    texts: list[str] = []
    if found is None:
        texts = list(reading.date_texts)
        found = next((m for m in (dates.relative_time(t, fetched_at) for t in texts) if m), None) or (
            dates.parse_visible(texts, formats, zone)
        )
    timed = (dates.parse_iso(value, zone) for value in page.time_elements())
    found = found or next((moment for moment in timed if moment is not None), None)
    return found or _htmldate_published(page, zone) or dates.parse_any(texts, zone)


def _htmldate_published(page: _Page, zone) -> datetime | None:
    """htmldate's reading of the page's original date, when it finds a time with it."""
    try:
        found = htmldate.find_date(
            page.tree, url=page.url, original_date=True, extensive_search=False, outputformat="%Y-%m-%dT%H:%M:%S%z"
        )
    except ValueError:
        return None
    moment = dates.parse_iso(found, zone) if found else None
    return moment if moment and (moment.hour, moment.minute, moment.second) != (0, 0, 0) else None


def _body_too_short(body: str) -> bool:
    cjk = len(_CJK_RE.findall(body))
    return len(body) < MIN_BODY_CHARS and not (cjk > len(body) / 3 and len(body) >= MIN_BODY_CHARS_CJK)


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
) -> Article:
    """The article on a fetched page; raises PageRejected when there is none to be had."""
    text = decoded_html(html, headers)
    page = _Page(_parsed(text), url, text)
    book = profile_book()
    profile = _profile_for(source, url, book)
    zone = source.zone if source else ZoneInfo(profile.timezone) if profile else book.zone_for_url(url)

    reading, method = None, "generic"
    if profile is not None:
        _mark_line_breaks(page.tree)
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
            page = _Page(_parsed(text), url, text)  # the profile edited the tree; trafilatura reads it as served
    if reading is None:
        reading = _read_generic(page, source, book)

    if not reading.title:
        raise PageRejected("no-title", f"{url} has no headline")
    story = _until_end_marker(reading.paragraphs, book)
    patterns = [book.boilerplate_re] + ([profile.boilerplate_re] if profile and profile.boilerplate else [])
    body = "\n\n".join(_without_boilerplate(story, patterns, reading.title, reading.byline))
    if _body_too_short(body) and not _body_too_short("\n\n".join(reading.extracted)):
        body = "\n\n".join(reading.extracted)  # our cleanup went wrong; trafilatura found an article
    if _body_too_short(body):
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
        outlet=source.outlet if source else page.site_name or _host(url),
        source_id=source.id if source else None,
        title=reading.title,
        published=published,
        language=detect_language(f"{reading.title}\n{body}"[:LANGUAGE_SAMPLE_CHARS], hint),
        byline=reading.byline,
        authors=tuple(_split_authors(reading.byline)),
        body=body,
        # Read before boilerplate goes: a sign-off alone on its line is a credit, not body text.
        wire=(source.wire if source and source.wire else None)
        or wire.wire_of(story, reading.byline, reading.origin_label, (source.outlet,) if source else ()),
        origin_outlet=origin,
        method=method,
    )
