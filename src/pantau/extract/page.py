"""A fetched page, decoded and parsed once, and what it says about itself: its meta tags, JSON-LD,
canonical link, headline and the texts printed near it; and the text helpers every reader shares."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from pantau.ingest import charsets
from pantau.models import PageRejected

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
# Characters XML forbids (a stray BEL in a paragraph, a noncharacter): trafilatura builds its
# reading as XML and discards the whole page when a text holds one. Searched for in the text only
# when it may hold one: a byte below 32 other than white space, found faster in the bytes (0.7 ms
# for a page of a megabyte) than in the text (3 ms), or U+FFFE or U+FFFF, found at once in a text
# without characters that wide (Python stores it a byte a character), in 0.1 ms a megabyte in others.
_NOT_IN_XML_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CONTROL_BYTES = bytes(c for c in range(32) if c not in b"\t\n\r")
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
LINE_BREAK = "\u2028"  # stands for <br> until paragraphs are split
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def decoded_html(html: bytes, headers: Mapping[str, str] | None = None) -> str:
    """The page as text, its charset taken from the bytes, the page and the HTTP header, without
    the control characters XML forbids."""
    content_type = next((v for k, v in (headers or {}).items() if k.lower() == "content-type"), None)
    try:
        text = charsets.decoded_html(html, content_type)
    except charsets.Undecodable as exc:
        raise PageRejected("undecodable", str(exc)) from None
    if len(html.translate(None, _CONTROL_BYTES)) < len(html) or "\ufffe" in text or "\uffff" in text:
        text = _NOT_IN_XML_RE.sub("", text)
    return text


# Parsed as trafilatura parses a page itself: it loses the text after an HTML comment inside a
# paragraph when handed a tree that still has the comment.
_PARSER = lxml.html.HTMLParser(collect_ids=False, remove_comments=True, remove_pis=True)
# A page streamed by React keeps its comments until its streamed parts are in place: they mark
# where each part's placeholder ends.
_STREAMED_PARSER = lxml.html.HTMLParser(collect_ids=False)
# Every element lxml hands to Python, ours and trafilatura's (its copies keep the parser), gets
# lxml.html's classes from a lookup in C, not from lxml.html's lookup written in Python: that
# lookup ran about 5,000 times a page. Only the form controls' own classes are given up.
for _parser in (_PARSER, _STREAMED_PARSER):
    _parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
# React's streamed rendering (Next.js and others) sends the slow parts of a page after the rest,
# each in a hidden <div id="S:..."> with a script that moves it into its placeholder:
# $RC(boundary, part) replaces a boundary's fallback ("Loading..."), $RR the same once its styles
# have loaded, $RS(part, placeholder) fills a <template> placeholder.
_STREAMED_PART_RE = re.compile(r'\$R([CRS])\("([^"]{1,64})","([^"]{1,64})"')
# A streamed page moves tens of parts, each in place of a fallback of a few elements (a spinner,
# "Loading..."); a hostile page asking for thousands of moves, each fallback searched to the end
# of its siblings, would cost their product.
_MOST_STREAMED_PARTS = 256
_MOST_FALLBACK_NODES = 64
_BOUNDARY_START = frozenset(("$", "$?", "$!"))
_BOUNDARY_END = "/$"


def _streamed_parts(text: str) -> list[tuple[str, str, str]]:
    """The moves of a page's streamed parts, in its scripts' order: (kind, first id, second id)."""
    return _STREAMED_PART_RE.findall(text)[:_MOST_STREAMED_PARTS] if "$R" in text else []


def parsed(text: str, place_streamed: bool = True) -> lxml.html.HtmlElement:
    """The page's tree as a browser reads it: what follows </html> in the body, streamed parts in
    their places (unless `place_streamed` is false: the page as served)."""
    root = _document(text, _PARSER)
    # A streamed page has <template> placeholders: looked for in the tree first, as a search of a
    # page of a megabyte for the scripts' moves costs ten times an iteration of its elements.
    if place_streamed and next(root.iter("template"), None) is not None and (moves := _streamed_parts(text)):
        root = _document(text, _STREAMED_PARSER)
        _place_streamed_parts(root, moves)
        etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    return root


def _document(text: str, parser: lxml.html.HTMLParser) -> lxml.html.HtmlElement:
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise PageRejected("undecodable", f"not parseable as HTML: {exc}") from None
    _read_into_body(root)
    return root


def _place_streamed_parts(root: lxml.html.HtmlElement, moves: list[tuple[str, str, str]]) -> None:
    """Each streamed part moved into its place, in the order the page's scripts move them, as a
    browser running them reads the page: the story of a page whose paragraphs arrive streamed
    is otherwise a shell of placeholders, its text in hidden blocks at the end of the body."""
    wanted = {name for _, first, second in moves for name in (first, second)}
    by_id = {element.get("id"): element for element in root.iter() if element.get("id") in wanted}
    for kind, first, second in moves:
        if kind == "S":
            part, placeholder = by_id.get(first), by_id.get(second)
        else:
            part, placeholder = by_id.get(second), by_id.get(first)
        if part is None or placeholder is None or part.getparent() is None or placeholder.getparent() is None:
            continue
        if kind != "S":
            start = placeholder.getprevious()
            if start is None or start.tag is not etree.Comment or start.text not in _BOUNDARY_START:
                continue
            placeholder = _fallback_in_place_of(start)
        if placeholder is not None:
            _replace_with_contents(placeholder, part)


def _fallback_in_place_of(start):
    """Removes a boundary's fallback, from its start comment to the matching end comment (a
    fallback may hold boundaries of its own), and returns an empty element in its place; None,
    the page left as served, when the fallback has no end within _MOST_FALLBACK_NODES."""
    fallback = []
    depth = 0
    for node in islice(start.itersiblings(), _MOST_FALLBACK_NODES):
        if node.tag is etree.Comment:
            if node.text == _BOUNDARY_END:
                if depth == 0:
                    break
                depth -= 1
            elif node.text in _BOUNDARY_START:
                depth += 1
        fallback.append(node)
    else:
        return None
    for node in fallback:
        node.getparent().remove(node)  # with its tail, the fallback's text
    start.tail = None
    in_place = etree.Element("template")
    start.addnext(in_place)
    return in_place


def _replace_with_contents(placeholder, part) -> None:
    """The part's text and elements where the placeholder is; the part leaves its own place."""
    part.drop_tree()  # its tail stays where it was
    parent = placeholder.getparent()
    position = parent.index(placeholder)
    children = list(part)
    _add_text_before(placeholder, part.text)
    for offset, child in enumerate(children):
        parent.insert(position + offset, child)
    if children:
        children[-1].tail = (children[-1].tail or "") + (placeholder.tail or "")
    else:
        _add_text_before(placeholder, placeholder.tail)
    placeholder.tail = None
    parent.remove(placeholder)


def _add_text_before(element, text: str | None) -> None:
    if not text:
        return
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent = element.getparent()
        parent.text = (parent.text or "") + text


def _read_into_body(root: lxml.html.HtmlElement) -> None:
    """What a page prints after its </body> or </html> goes into its body, as a browser reads it.
    libxml2 leaves it beside the body, or in a second root after the document, where trafilatura
    and every path under //body miss it: a template that closes the document early and prints
    the story after it loses the story."""
    strays = [child for child in root if child.tag not in ("head", "body")]
    for later_root in list(root.itersiblings()):
        # Its text and elements, in a block: a second head goes, a second body is a block in it.
        for element in list(later_root.iterchildren("head", "body")):
            if element.tag == "head":
                later_root.remove(element)
            else:
                element.tag = "div"
        later_root.tag = "div"
        strays.append(later_root)
    if not strays:
        return
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    body.extend(strays)


def clean(text: str | None) -> str:
    return " ".join((text or "").split())


def element_text(element) -> str:
    return clean(element.text_content()) if element is not None else ""


def holder(text):
    """The element that prints a text node (lxml's str): for a tail, its element's parent, not the
    element it follows (`<h2><a id="comments"></a>Comments</h2>`: the heading, not the anchor)."""
    element = text.getparent()
    if text.is_tail and element.getparent() is not None:
        return element.getparent()
    return element


def mark_line_breaks(tree) -> None:
    """Keep <br> visible in text: paragraphs and bylines ("Pewarta: X<br>Editor: Y") split on it."""
    for br in tree.iter("br"):
        br.tail = LINE_BREAK + (br.tail or "")


def paragraphs_of(container) -> list[str]:
    """The text of `container` as paragraphs: block elements, and <br>-separated lines in them."""
    found: list[str] = []
    _collect(container, found)
    paragraphs: list[str] = []
    for chunk in found:
        for line in chunk.split(LINE_BREAK):
            line = clean(line)
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


def _prints_title(heading: str, title: str) -> bool:
    return len(heading) > 15 and len(title) > 15 and (heading in title or title in heading)


def _json_of(script_text: str) -> str:
    """A JSON-LD script's JSON, out of the CDATA section some CMSs wrap it in, commented out for
    browsers that would read the markers as code: "<![CDATA[ {...} ]]>", "//<![CDATA[ {...} //]]>",
    "/*<![CDATA[*/ {...} /*]]>*/". Cut with string searches: a pattern would backtrack on a long run
    of white space, which a hostile page may send."""
    start = script_text.find("<![CDATA[", 0, 40)
    if start < 0:
        return script_text
    inner = script_text[start + len("<![CDATA[") :]
    end = inner.rfind("]]>")
    inner = (inner[:end] if end >= 0 else inner).strip().removeprefix("*/")
    return inner.rstrip().removesuffix("//").removesuffix("/*")


def host_name(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def squashed(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


class Page:
    """What a page says about itself: meta tags, JSON-LD, canonical link. Read lazily, once."""

    def __init__(self, tree, url: str, source: str = ""):
        self.tree = tree
        self.url = url
        # The markup, searched from <body> on: a substring test there is cheaper than a search of
        # the tree (and a search from an offset than a copy of the page from it).
        self.source = source
        self.body_start = max(source.find("<body"), 0)

    @cached_property
    def as_served(self) -> Page | None:
        """The page as served, when a browser moves streamed parts into it (None otherwise)."""
        if not _streamed_parts(self.source):
            return None
        return Page(parsed(self.source, place_streamed=False), self.url, self.source)

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
                data = json.loads(_json_of(script.text or ""), strict=False)
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
        return clean(name) if isinstance(name, str) and clean(name) else None

    @cached_property
    def author_entries(self) -> list:
        """The structured data's `author`: one entry or several, as schema.org allows."""
        people = self.article_data.get("author") or []
        return people if isinstance(people, list) else [people]

    def names_the_outlet(self, name: str) -> bool:
        """ "Lesotho Times", "mdr.de", "Deutsche Welle (www.dw.com)": the outlet, not a writer."""
        host = host_name(self.url)
        outlets = {squashed(n) for n in (self.site_name, host, host.split(".")[0]) if n}
        return squashed(name) in outlets or squashed(host) in squashed(name)

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
        title = clean(self.meta.get("og:title") or self.tree.findtext(".//title"))
        return next(
            (h for h in self.tree.iter("h2", "h3") if _prints_title(element_text(h), title)),
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
            if text.strip() and holder(text).tag not in ("script", "style"):
                near.append(text)
                if len(near) == 40:
                    break
        return [clean(t) for t in near if len(t.strip()) < 80]

    @cached_property
    def _link_texts(self) -> set[str]:
        # Read once: a retried reading and the listing check both ask about the same links.
        return {clean(a.text_content()) for a in self.tree.iter("a")}

    def link_share(self, paragraphs: list[str]) -> float:
        """How much of `paragraphs` (trafilatura's text) is the text of the page's links."""
        total = sum(map(len, paragraphs))
        return sum(len(p) for p in paragraphs if p in self._link_texts) / total if total else 1.0

    @cached_property
    def paragraph_chars(self) -> int:
        """How much text the page prints in paragraphs."""
        return sum(len(text) for text in self.tree.xpath("//body//p//text()"))

    def story_paragraph_chars(self) -> int:
        """How much text the page prints in paragraphs outside its comment threads (four times as
        long to count as `paragraph_chars`, which is never less)."""
        return sum(len(text) for text in _STORY_PARAGRAPH_TEXTS_XPATH(self.tree))

    @property
    def list_chars(self) -> int:
        """How much text the page prints in list items outside its navigation, header, footer,
        asides, menus, comments, sliders and sharing buttons, leaving out lists of links."""
        return sum(len(clean(item.text_content())) for item in _STORY_LIST_ITEMS_XPATH(self.tree))

    def link_density(self) -> float:
        body = self.tree.find("body")
        if body is None:
            return 0.0
        total = sum(len(t.strip()) for t in body.xpath(".//text()[not(ancestor::script or ancestor::style)]"))
        linked = sum(len(t.strip()) for t in body.xpath(".//a//text()"))
        return linked / total if total else 1.0


@dataclass
class Reading:
    """What a reader, a profile or the generic path, took from the page."""

    title: str
    paragraphs: list[str]
    byline: str | None = None
    date_texts: Iterable[str] = ()  # read only when the page's structured stamps give no time
    origin_label: str | None = None
    # trafilatura's text, kept when our cleanup leaves too little: its evidence decides rejection.
    extracted: tuple[str, ...] = ()


_STORY_PARAGRAPH_TEXTS_XPATH = etree.XPath(
    "//body//p[not(ancestor-or-self::*[contains(@class, 'comment') or contains(@id, 'comment')])]//text()"
)
# Innermost items only (a nested list's text is its items'); a link list's item is mostly its link;
# not in a menu, a comment thread, a slider or the sharing buttons, by their class.
_STORY_LIST_ITEMS_XPATH = etree.XPath(
    "//body//li[not(.//li)][not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside)]"
    "[not(.//a) or string-length(normalize-space()) > 2 * string-length(normalize-space(.//a))]"
    "[not(ancestor-or-self::*[contains(@class, 'menu') or contains(@class, 'comment')"
    " or contains(@class, 'slider') or contains(@class, 'social') or contains(@class, 'share')])]"
)
