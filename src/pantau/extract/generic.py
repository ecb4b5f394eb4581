"""The generic path: trafilatura's reading of the page as served, with our title, authors and date
texts, overridden only where a rule of ours is known to do better (the end of the story, the JSON-LD
articleBody, the printed standfirst), and a page rejected as a listing only when trafilatura's own
text says so too."""

from __future__ import annotations

import html as html_entities
import re
from collections.abc import Iterable
from itertools import chain, islice

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from pantau.extract.bylines import generic_authors
from pantau.extract.page import (
    CJK_RE,
    Page,
    Reading,
    clean,
    element_text,
    holder,
    host_name,
    mark_line_breaks,
    paragraphs_of,
    squashed,
)
from pantau.extract.scoring import tokens
from pantau.models import PageRejected
from pantau.registry.profiles import ProfileBook
from pantau.registry.sources import Source

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
# And only when it reads at least this share of the list items missed: on Dragnet, where the rule
# fired on 3 pages, the two readings it spoiled read 0 and 0.03 of them (a page's table of links
# and a menu), the one it rescued 0.53; on WCXB dev the 8 it rescued read 0.92 or more.
LIST_ITEMS_READ = 0.5
# Trailing text past the end of the publisher's structured copy is dropped only when at least
# this share of trafilatura's text stays (chosen on the tune set, checked on the validation sets).
STRUCTURED_END_KEEPS = 0.6
_ENDING_CHARS = 40  # letters and digits that identify the structured copy's last line
# A description whose word trigrams are this much in the body's opening is said there already
# (an excerpt of the opening, not a standfirst): chosen on the tune and validation sets, where the
# descriptions added as standfirsts that helped had at most 0.64, those that hurt 0.96 or more.
LEAD_SAID_ALREADY = 0.8
# A run of lines trafilatura read twice, from two places on the page (a layout for phones beside
# the one for desktops, a gated copy of the story, a print version), holding at least this share
# of its text: the second copy goes. Chosen on the tune and validation sets: it lowers no page of
# them, and mends 3 of WCXB dev's pages and 8 of Dragnet's; at 0.05 it would also take a data
# notice an older page prints twice, which fundus keeps.
SECOND_COPY_SHARE = 0.1
_COPY_START_CHARS = 40  # the start of a line that finds where the page prints it
# What trafilatura drops that a reader reads (see _as_a_reader_sees_it): accordions' panels, and
# site builders' content blocks whose class it takes for page furniture by a part of a word
# ("embed", meant for embedded posts; "bar", for sidebars): Webflow's embed block, which pages fill
# with their tables and text (WCXB dev: cuboh.com 0.49 to 1.00, venteur.com, and two more), and
# Statamic's rich-text field (easy-lms.com, 0.11 to 0.94). Looked for in the markup first (0.1 ms a
# mark in a page of 250 kB); the tree, searched on every page, cost 2.2 ms, a tenth of trafilatura's time.
_PANEL_MARK = "ccordion"
_MISREAD_CLASSES = ("w-embed", "bard")
_READER_VIEW_MARKS = (_PANEL_MARK, *_MISREAD_CLASSES)
_READER_VIEW_XPATH = etree.XPath(
    f"//body//@class[{' or '.join(f'contains(., {mark!r})' for mark in _READER_VIEW_MARKS)}]/.."
    f" | //body//@id[contains(., {_PANEL_MARK!r})]/.."
)
_MISREAD_CLASS_RE = re.compile(rf"(?<![\w-])(?:{'|'.join(_MISREAD_CLASSES)})(?![\w-])")
# Hidden as trafilatura reads hiding: by aria-hidden, a style or a class.
_HIDING_STYLE_RE = re.compile(r"hidden|display:\s*none", re.I)
_HIDING_CLASS_RE = re.compile(r"(?<!\S)(?:hidden|hide|is-hidden)(?!\S)")
_TITLE_SEPARATORS_RE = re.compile(r"(\s+[|\-–—:»]\s+|\s*\|\s*)")
# A Chinese site's name glued to the headline: "标题-新华网", "标题_人民网", "标题 | 联合早报".
_CJK_SITE_SUFFIX_RE = re.compile(
    r"(?:\s*[-_|－—–]{1,2}\s*[\u4e00-\u9fff]{1,8})*\s*[-_|－—–]{1,2}\s*[\u4e00-\u9fff]{1,8}"
    r"(?:网|網|报|報|社|新闻|新聞|频道|頻道)\s*$"
)


def read_generic(page: Page, source: Source | None, book: ProfileBook) -> Reading:
    """trafilatura's reading of the page as served, with our title, authors and dates; raises
    PageRejected("index-page") for a declared listing, or a link-heavy page without article markup,
    from which trafilatura gets no article-length text, or mostly link texts."""
    text = _trafilatura_text(page)
    # Streamed parts in place, a wrapper trafilatura discards by its class may hold the story
    # (LessWrong's table-of-contents layout): when it reads little of the page's paragraphs, the
    # page as served, its parts apart, is read too, and taken when it is twice as long.
    if (
        len(text) < RECALL_RETRY_SHARE * page.paragraph_chars
        and page.as_served is not None
        and len(served := _trafilatura_text(page.as_served)) >= RECALL_GAIN * len(text)
    ):
        text = served
    extracted = _without_second_copies(page, _lines(text))
    # A page without article markup is a listing, by its JSON-LD or by its links, only if
    # trafilatura's text bears it out (asked first: the link density walks all the page's text).
    if (
        not page.has_article_markup
        and (body_too_short("\n\n".join(extracted)) or page.link_share(extracted) > INDEX_LINK_DENSITY)
        and (page.is_listing or page.link_density() > INDEX_LINK_DENSITY)
    ):
        raise PageRejected("index-page", f"{page.url} lists links rather than telling a story")
    set_in: list[str] = []  # text nodes (lxml's str)
    ends: list[str] = []
    for marker in _end_markers(page, book):
        (set_in if _heads_set_in_box(marker) else ends).append(marker)
    story = _until_texts(extracted, _texts_after_end_marker(ends[0])) if ends else extracted
    # A set-in box's heading kept by trafilatura is no end of the story: the line goes, the story stays.
    set_in_lines = {clean(m) for m in set_in} - {clean(m) for m in ends}
    paragraphs = [p for p in story if p not in set_in_lines]
    article_body = page.article_data.get("articleBody")
    if isinstance(article_body, str) and len(article_body) >= MIN_BODY_CHARS:
        # trafilatura missed most of the story (a script-rendered page): the structured copy is better.
        subheadings = [t for t in map(element_text, page.tree.xpath("//body//h2 | //body//h3")) if len(t) > 8]
        structured = _json_ld_paragraphs(article_body, subheadings)
        # Or trafilatura read that same JSON-LD (its own fallback): one run-on block of text, where
        # the structured copy, split at the page's subheadings, has paragraphs.
        same_copy = bool(paragraphs) and squashed(paragraphs[0])[:60] == squashed(structured[0])[:60]
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
    authors = generic_authors(page)
    return Reading(
        _generic_title(page, source), paragraphs, " & ".join(authors) or None, date_texts, extracted=tuple(extracted)
    )


def _trafilatura_text(page: Page) -> str:
    """trafilatura's text of the page; asked again, favouring recall, when it misses most of what
    the page prints in paragraphs (a story in markup it does not expect) or in lists."""
    text = _bare_text(page, favor_recall=False)
    # What a reader sees only adds text: a shorter reading is trafilatura choosing another block
    # (a service page's opened accordions drew it away from the page's copy), and the first stays.
    if _as_a_reader_sees_it(page) and len(seen := _bare_text(page, favor_recall=False)) > len(text):
        text = seen
    listed = _list_item_chars(text)
    gain: float | None
    missed_list_items = 0
    # Against the paragraphs outside the comment threads, counted only when all the paragraphs
    # would ask: a blog post is not read again for its commenters' text. Of the 205 pages of the
    # tune and validation sets read twice this way, 143 were read for comments (most of them
    # Dragnet's), and none of those second readings was kept.
    if len(text) < RECALL_RETRY_SHARE * page.paragraph_chars and len(text) < RECALL_RETRY_SHARE * (
        page.story_paragraph_chars()
    ):
        gain = RECALL_GAIN
    elif (missed := page.list_chars - listed) > max(MISSED_LIST_CHARS, (LIST_RECALL_GAIN - 1) * len(text)):
        gain, missed_list_items = LIST_RECALL_GAIN, missed
    else:
        gain = None
    if gain is not None:
        recalled = _bare_text(page, favor_recall=True)
        # Read again for the story, not for a menu: a reading that is mostly the page's link texts
        # (a list of places, a site's sections) is not taken, nor one asked for the lists that
        # does not read them, nor one that reads fewer list items than the first reading did.
        if (
            len(recalled) >= gain * len(text)
            and page.link_share(_lines(recalled)) <= INDEX_LINK_DENSITY
            and _list_item_chars(recalled) - listed >= LIST_ITEMS_READ * missed_list_items
        ):
            text = recalled
    return text


def _as_a_reader_sees_it(page: Page) -> bool:
    """The page's tree as a reader sees it, where trafilatura drops what a reader reads: an
    accordion's folded panels opened, as a click opens them (WCXB dev's energysage.com tells its
    guide in an accordion: 0.35 to 0.95), and site builders' content blocks no longer taken for
    page furniture by their class (_READER_VIEW_MARKS). Whether it changed anything."""
    if all(page.source.find(mark, page.body_start) < 0 for mark in _READER_VIEW_MARKS):
        return False
    changed = False
    for marked in _READER_VIEW_XPATH(page.tree):
        classes = marked.get("class", "")
        if _MISREAD_CLASS_RE.search(classes):
            marked.set("class", classes := _MISREAD_CLASS_RE.sub(" ", classes))
            changed = True
        if _PANEL_MARK not in f"{classes} {marked.get('id', '')}":
            continue
        for panel in (marked, *marked):
            if _folded(panel):
                changed = True
                for attribute in ("aria-hidden", "style"):
                    panel.attrib.pop(attribute, None)
                if panel_classes := panel.get("class"):
                    panel.set("class", _HIDING_CLASS_RE.sub(" ", panel_classes))
    return changed


def _folded(panel) -> bool:
    return (
        panel.get("aria-hidden") == "true"
        or bool(_HIDING_STYLE_RE.search(panel.get("style", "")))
        or bool(_HIDING_CLASS_RE.search(panel.get("class", "")))
    )


def _lines(text: str) -> list[str]:
    return [line for line in map(clean, text.splitlines()) if line]


def _without_second_copies(page: Page, lines: list[str]) -> list[str]:
    """The lines without the second copy of a run the page prints in two places (see
    SECOND_COPY_SHARE). A text repeated in the flow of the story, in blocks side by side (a
    refrain, the same warm-up in each week's plan), is the story's and stays."""
    while (run := _longest_repeated_run(lines)) is not None:
        start, length = run
        copy = lines[start : start + length]
        if sum(map(len, copy)) < SECOND_COPY_SHARE * sum(map(len, lines)) or not _printed_apart(
            page, max(copy, key=len)
        ):
            break
        lines = lines[:start] + lines[start + length :]
    return lines


def _longest_repeated_run(lines: list[str]) -> tuple[int, int] | None:
    """The start and length of the second copy of the run of at least two lines read twice, one
    copy after the other, with the most text; None when no run is read twice. Each line is matched
    with its next occurrence only, and a run from its start only: linear in the lines for a
    page of one line repeated, and in the lines times the copies' length at worst."""
    following: dict[int, int] = {}
    last_seen: dict[str, int] = {}
    for position in range(len(lines) - 1, -1, -1):
        if (later := last_seen.get(lines[position])) is not None:
            following[position] = later
        last_seen[lines[position]] = position
    best: tuple[int, int, int] | None = None  # characters, start, length
    for first, second in following.items():
        if first > 0 and following.get(first - 1) == second - 1:
            continue  # inside a run that began earlier
        length = 0
        while (
            second + length < len(lines) and first + length < second and lines[first + length] == lines[second + length]
        ):
            length += 1
        chars = sum(map(len, lines[second : second + length]))
        if length >= 2 and (best is None or chars > best[0]):
            best = (chars, second, length)
    return (best[1], best[2]) if best else None


_PRINTED_XPATH = etree.XPath(
    "//body//text()[contains(normalize-space(), $start)][not(ancestor::script or ancestor::style)]"
)
# The elements a line of text is printed in as a whole: paragraphs and their containers, not inline
# elements (page.py's _BLOCK_TAGS are those that split a container's text into paragraphs).
_PRINTING_BLOCK_TAGS = frozenset(
    "p div li td th dd dt ul ol table section article main aside header footer blockquote pre body".split()
    + [f"h{level}" for level in range(1, 7)]
)


def _printed_apart(page: Page, line: str) -> bool:
    """Whether the page prints the line as the whole text of two blocks that are not side by side
    (not children of one element)."""
    text = line.removeprefix("- ")
    blocks = dict.fromkeys(_block_of(found) for found in _PRINTED_XPATH(page.tree, start=text[:_COPY_START_CHARS]))
    printing = [block for block in blocks if element_text(block) == text]
    return len(printing) >= 2 and printing[0].getparent() is not printing[1].getparent()


def _block_of(text):
    """The block element (a paragraph, a list item, a division) that prints a text node."""
    element = holder(text)
    while element.tag not in _PRINTING_BLOCK_TAGS and element.getparent() is not None:
        element = element.getparent()
    return element


def _list_item_chars(text: str) -> int:
    """The text of the list items in trafilatura's reading ("- " lines)."""
    return sum(len(line) for line in text.splitlines() if line.startswith("- "))


def _bare_text(page: Page, favor_recall: bool) -> str:
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


def _without_site_name(title: str, site_names: set[str]) -> str:
    parts = _TITLE_SEPARATORS_RE.split(title)  # text, separator, text, ...
    while len(parts) > 2 and squashed(parts[-1]) in site_names:
        del parts[-2:]
    while len(parts) > 2 and squashed(parts[0]) in site_names:
        del parts[:2]
    return "".join(parts)


def _generic_title(page: Page, source: Source | None) -> str:
    headings = [h for h in (element_text(h) for h in islice(page.tree.iter("h1", "h2", "h3"), 12)) if h]
    host = host_name(page.url)
    site_names = {squashed(n) for n in (page.site_name, source and source.outlet, host, host.split(".")[0]) if n}
    for raw in (
        page.article_data.get("headline"),
        page.meta.get("og:title"),
        page.meta.get("twitter:title"),
        page.tree.findtext(".//title"),
    ):
        # Metadata written by a CMS that escaped its HTML twice: "&quot;No&quot;", "&#8216;".
        raw = clean(html_entities.unescape(raw)) if isinstance(raw, str) else ""
        if not raw:
            continue
        for heading in headings:  # the page's own heading, when it is the title without decoration
            # Long enough not to be a section name; a CJK character carries about what a word does.
            if (len(heading) > 15 or len(CJK_RE.findall(heading)) > 5) and heading in raw:
                return heading
        return _CJK_SITE_SUFFIX_RE.sub("", _without_site_name(raw, site_names)) or raw
    return headings[0] if headings else ""


def _end_markers(page: Page, book: ProfileBook) -> list[str]:
    """The end markers below the story's start ("Related Articles") as text nodes, in page order:
    not one between the headline and the story's first paragraph ("Comments" on a button in the
    byline's bar), where the story has not begun."""
    # Text nodes, not elements: an element's string value costs its whole subtree, on every element.
    markers = [
        text
        for text in page.short_texts_after_headline
        if book.end_marker_re.match(clean(text)) and not _inside(holder(text), ("pre", "code"))  # a program's word
    ]
    if markers and page.headline is not None:
        story_start = _FIRST_LONG_TEXT_XPATH(page.headline)
        if story_start:
            begun = _position(holder(story_start[0]))
            return [marker for marker in markers if _position(holder(marker)) > begun]
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
    heading = holder(marker)
    if _inside(heading, ("a", "script", "style", "aside", "p")):
        return True
    box = next((a for a in heading.iterancestors(None) if clean(a.text_content()) != clean(marker)), None)
    if box is None or box.getparent() is None:
        return False
    later = _LATER_TEXTS_XPATH(heading)
    inside = [t for t in later if _within(holder(t), box)]
    beyond = next((t for t in later if not _within(holder(t), box)), None)
    return (
        bool(inside)
        and all(_inside(holder(t), ("a",)) for t in inside)
        and beyond is not None
        and not _inside(holder(beyond), ("a",))
        and _within(holder(beyond), box.getparent())
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
    heading = holder(end)
    following = [t for t in _LATER_TEXTS_XPATH(heading) if len(clean(t)) >= 40]
    # Only what the marker's box holds (its nearest ancestor with long text after the marker):
    # the story may go on after a box of related links set into it.
    for box in heading.iterancestors(None):
        inside = [clean(t)[:40] for t in following if _within(holder(t), box)]
        if inside:
            # A related story the story also links inline, above the marker, is no end.
            return tuple(s for s in inside[:5] if not _EARLIER_TEXT_XPATH(heading, start=s))
    return ()


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
    end = squashed(structured[-1])[-_ENDING_CHARS:]
    if len(end) < _ENDING_CHARS // 2:
        return paragraphs  # too short to be known by
    for position in range(len(paragraphs) - 1, -1, -1):
        squashed_line = squashed(paragraphs[position])
        # Or the paragraph is the last line's tail: trafilatura split the structured copy's last line.
        if end in squashed_line or (
            len(squashed_line) >= _ENDING_CHARS // 2 and end.endswith(squashed_line[-_ENDING_CHARS:])
        ):
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
        mark_line_breaks(fragment)
        text = "\n".join(paragraphs_of(fragment))
    for heading in subheadings:
        text = text.replace(heading, f"\n{heading}\n")
    return [clean(line) for line in re.split(r"\n+", text) if clean(line)]


def _dated_texts(page: Page) -> Iterable[str]:
    """The texts of the first elements whose class says they hold a date or a time."""
    yield from (element_text(e) for e in _DATED_ELEMENTS_XPATH(page.tree)[:8])


_DATED_ELEMENTS_XPATH = etree.XPath(
    "//*[contains(@class,'date') or contains(@class,'time') or contains(@class,'publish')]"
    "[not(self::script or self::style or self::body or self::html)]"
)


def _printed_lead(page: Page, paragraphs: list[str]) -> str | None:
    """The standfirst (sapo) printed above the body when trafilatura left it out of its
    `paragraphs`: the page's description when the page also prints it, whole, as a paragraph of
    its own."""
    description = clean(page.meta.get("og:description") or page.meta.get("description"))
    if (
        len(description) < 40
        or any(p.endswith(description) and len(p) - len(description) <= _DATELINE_CHARS for p in paragraphs)
        or _opening_says(description, paragraphs)
    ):
        return None  # none, or trafilatura has it, perhaps after a dateline ("Neuss · <lead>")
    # Printed: at the start of a text in the body's markup (not only in its JSON-LD).
    if not re.compile(rf">\s*{re.escape(description[:30])}").search(page.source, page.body_start):
        return None
    # It is in the markup as it is in the description: contains() spares normalising every text.
    found = page.tree.xpath("//body//text()[contains(., $start)]", start=description[:30])
    printed = any(
        clean(text).startswith(description[:30]) and element_text(holder(text)) == description for text in found
    )
    return description if printed else None


def _opening_says(description: str, paragraphs: list[str]) -> bool:
    """The body's opening says the description already: it begins alike, or has most of its word
    trigrams (a description made of the headline and the first paragraphs, or of an "Updated on"
    line's paragraph)."""
    if paragraphs and squashed(paragraphs[0])[:30] == squashed(description)[:30]:
        return True
    words = tokens(description)
    said = _trigrams(words)
    opening = _trigrams(tokens("\n".join(paragraphs)[: 2 * len(description) + 400])[: len(words) + 60])
    return bool(said) and len(said & opening) >= LEAD_SAID_ALREADY * len(said)


def _trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[n : n + 3]) for n in range(len(words) - 2)}


def body_too_short(body: str) -> bool:
    cjk = len(CJK_RE.findall(body))
    return len(body) < MIN_BODY_CHARS and not (cjk > len(body) / 3 and len(body) >= MIN_BODY_CHARS_CJK)
