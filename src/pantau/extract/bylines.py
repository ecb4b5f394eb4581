"""Who wrote the story: the byline the page prints under its headline or credits by role, the
authors its metadata lists, the author markup trafilatura reads, or the desk it credits."""

from __future__ import annotations

import html
import re
from itertools import chain

from lxml import etree
from trafilatura.metadata import normalize_authors
from trafilatura.utils import trim

from pantau.extract import dates
from pantau.extract.page import LINE_BREAK, Page, clean, holder, squashed

_BYLINE_PREFIX_RE = re.compile(
    r"^(?:(?:by|(?:written|posted|reported) by|oleh|ditulis oleh|bởi|reporter|penulis|wartawan|pewarta|author|autor"
    r"|autorin)\b|作者|记者|記者|文|撰文|报道)"
    r"\s*[:：/／]?\s*",
    re.IGNORECASE,
)
# A byline as printed under a headline: "By A & B", "Oleh A", "Pewarta: A".
_PRINTED_BYLINE_RE = re.compile(
    r"^(?:By|BY|(?:Written|Posted) by:?|Oleh|OLEH|Ditulis oleh:?|Bởi|Von|VON|Pewarta\s*:|Reporter\s*:)\s+(\S.*)$"
)
# A form's small print, not a byline: "By submitting your email ...", "By clicking ...".
_FORM_SENTENCE_RE = re.compile(r"^[a-z]+ing\b")
# The prefix printed alone, the names in the elements after it ("By <a>A</a> and <a>B</a>").
_BYLINE_WORD_RE = re.compile(
    r"^(?:(?:written|posted) by|by|oleh|ditulis oleh|bởi|von|pewarta|reporter)\s*:?$", re.IGNORECASE
)
_LONE_PREFIX_REACH = 12  # texts after the headline
_NAMES_JOINED_RE = re.compile(r"^(?:&|,|and|und|dan|và)$", re.IGNORECASE)


def is_byline_line(paragraph: str, writers: list[str]) -> bool:
    """The printed byline ("By A and B"), which trafilatura keeps as the body's first line."""
    match = _PRINTED_BYLINE_RE.match(paragraph) if len(paragraph) < 150 else None
    return match is not None and split_authors(cleaned_byline(match.group(1))) == writers


def cleaned_byline(text: str | None) -> str | None:
    """A printed byline's first line without its prefix ("By", "Oleh", "记者") or the date it may
    print after the names ("Posted by A on Tuesday, August 29, 2023"): the names."""
    text = clean((text or "").split(LINE_BREAK)[0]).split("|")[0].strip(" -–—,")
    text = _DATE_AFTER_THE_NAMES_RE.sub("", _BYLINE_PREFIX_RE.sub("", text)).strip(" -–—,")
    return text or None


# The date a byline or an author box prints after the names ("Cazzy Magennis Last Updated:
# August 1, 2025", "A on Tuesday, August 29, 2023"), in the names the date reader knows.
_DATE_AFTER_THE_NAMES_RE = re.compile(
    rf"\s*\b(?:(?:last\s+)?updated|published|posted|on)?:?\s*(?:\b(?:{dates.WEEKDAY_NAMES})\b,?\s+)?"
    rf"\b(?:{dates.MONTH_NAMES})\b\.?\s+\d{{1,2}}\b.*$",
    re.IGNORECASE,
)


# Where several writers share a byline: "A & B", "A, B and C", "A dan B", "A và B", "A、B".
_AUTHOR_SEPARATORS_RE = re.compile(r"\s*(?:&|,|;|、|\band\b|\bdan\b|\bvà\b|\bund\b|\bog\b)\s*(?![^()]*\))")
# A printed byline is names: a few words, no quotes or sentence punctuation ("By clicking “Sign
# up”, you accept our terms" is a form's small print).
_NAME_RE = re.compile(r"^[^\W\d_][^\"“”?!:;]{0,60}$")


def _is_name(text: str) -> bool:
    """A person's or desk's name, not a CMS user id ("105092"), an e-mail, a profile URL, a label
    the author box prints where a name would be ("Folgen", "The Author") or a month left of the
    box's date ("Dec")."""
    return (
        bool(text)
        and bool(re.search(r"[^\W\d_]", text))
        and "@" not in text
        and "://" not in text
        and len(text) < 80
        and text.lower() not in _AUTHOR_BOX_LABELS
        and not _MONTH_ALONE_RE.match(text)
    )


# What an author box prints beside or in place of the name, read as the name when it is the box's
# only text: its follow button, its heading, a template's placeholder, WordPress' default user.
_AUTHOR_BOX_LABELS = frozenset(
    ["follow", "folgen", "suivre", "seguir", "segui", "volgen", "følg", "följ", "ikuti", "theo dõi", "关注", "關注"]
    + ["author", "authors", "the author", "about the author", "name", "admin", "administrator"]
)
# A CMS login in the metadata's author: lower case, a dot or an underscore inside, no space
# ("andrew.keaveney"); not as a credited desk, where it is the outlet's domain ("mbl.is").
_USER_ID_RE = re.compile(r"^[a-z0-9]+(?:[._][a-z0-9]+)+$")
_MONTH_ALONE_RE = re.compile(rf"^(?:{dates.MONTH_NAMES})\.?$", re.IGNORECASE)


# The small words that join a role's words and seldom a name's ("Director of Operations").
_ROLE_WORDS_RE = re.compile(r"\s(?:of|on|at|for|with|from|the)\s")
_AFTER_THE_NAMES = frozenset("in at on for of with di pada im am auf bei".split())


def split_authors(byline: str | None) -> list[str]:
    # "Corina Gall (cog.)": the initials the paper signs with; "Autor Monika Bolliger": the role.
    names = [
        _BYLINE_PREFIX_RE.sub("", re.sub(r"\s*\([^()]*\)$", "", clean(n))).strip(" -–—")
        for n in _AUTHOR_SEPARATORS_RE.split(byline or "")
    ]
    # "By TPN, in News": the word after the names is no writer ("dpa" is); nor is the role after a
    # name ("Andrew Hayden, Software Engineer on Google Play").
    return list(
        dict.fromkeys(
            n
            for position, n in enumerate(names)
            if _is_name(n) and n not in _AFTER_THE_NAMES and not (position and _ROLE_WORDS_RE.search(n))
        )
    )


def _person_name(person: dict) -> object:
    """A schema.org Person's name, or its given and family names ("Anna Giulia" "Fink")."""
    parts = [person.get("givenName"), person.get("familyName")]
    return person.get("name") or " ".join(p for p in parts if isinstance(p, str))


def listed_authors(page: Page) -> list[str]:
    """The people the page's metadata names as its authors; the outlet naming itself, a CMS
    user id or login or a profile URL is no byline."""
    candidates = [
        _person_name(p) if isinstance(p, dict) else p
        for p in page.author_entries
        if not (isinstance(p, dict) and p.get("@type") == "Organization")
    ]
    # Escaped twice by some CMSs: "Maria &amp; Katerina".
    found = [clean(html.unescape(n)) for n in candidates if isinstance(n, str) and clean(n)] or [
        page.meta.get("author") or page.meta.get("article:author") or ""
    ]
    return [n for n in found if _is_name(n) and not _USER_ID_RE.match(n) and not page.names_the_outlet(n)]


def _credited_desks(page: Page) -> list[str]:
    """Who the metadata credits when it names no writer: a desk, an agency or the outlet itself
    ("DER SPIEGEL", "Reuters", "Redaktion hessenschau.de")."""
    names = [p.get("name") if isinstance(p, dict) else p for p in page.author_entries]
    names.append(page.meta.get("author"))
    return list(dict.fromkeys(clean(n) for n in names if isinstance(n, str) and _is_name(clean(n))))


def _author_aliases(page: Page) -> list[str]:
    """The short names the metadata's authors sign with (schema.org alternateName)."""
    aliases = [p.get("alternateName") for p in page.author_entries if isinstance(p, dict)]
    return [clean(a) for a in aliases if isinstance(a, str) and clean(a)]


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


def _printed_authors(page: Page) -> list[str]:
    """The writers printed under the headline ("By A and B", "Oleh A", "Pewarta: A"), or credited
    by role elsewhere on the page."""
    printed = _byline_near_headline(page.near_headline)
    if printed is None:
        # Under the headline (ANTARA's "Pewarta: A" ends the story); anywhere on a page without one.
        labelled = page.short_texts_after_headline if page.headline is not None else _LABELLED_TEXT_XPATH(page.tree)
        for text in labelled:
            match = _WRITER_LABEL_RE.match(clean(text))
            if match and holder(text).tag not in ("script", "style"):
                printed = match.group(1) or clean(_next_text(text))
                break
    return split_authors(cleaned_byline(printed))


def _byline_near_headline(near: list[str]) -> str | None:
    for position, text in enumerate(near):
        match = _PRINTED_BYLINE_RE.match(text)
        if match and not _FORM_SENTENCE_RE.match(match.group(1)):
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
    """The text printed right after a label ("<b>Pewarta:</b> A", "<i></i>Pewarta: <b>A</b>")."""
    # A label printed as a tail (after an icon) is itself the first text following its element.
    following = text.getparent().xpath("following::text()[normalize-space()][position() <= 2]")[int(text.is_tail) :]
    return following[0] if following else ""


def _same_person(a: str, b: str) -> bool:
    a, b = squashed(a), squashed(b)
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
# The attributes that may name an author, and <author>: one regex for the words, which tests a
# page's thousands of class names in half the time XPath's contains() takes for each word.
_AUTHOR_ATTRIBUTES_XPATH = etree.XPath(
    "//@class | //@id | //@itemprop | //@rel | //@data-component | //@data-testid | //author"
)
_MAY_NAME_AN_AUTHOR_RE = re.compile("|".join(map(re.escape, _MAY_NAME_AN_AUTHOR)))
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


def marked_up_author(page: Page) -> str | None:
    """The author trafilatura finds in the page's author markup (several joined by "; ")."""
    found = (
        f if isinstance(f, etree._Element) else f.getparent()
        for f in _AUTHOR_ATTRIBUTES_XPATH(page.tree)  # in document order
        if isinstance(f, etree._Element) or _MAY_NAME_AN_AUTHOR_RE.search(f)
    )
    candidates = [
        element
        for element in dict.fromkeys(found)
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


def generic_authors(page: Page) -> list[str]:
    """The writers the page prints; the metadata's list instead when it names one of them too
    (it is cleaner, and names co-writers the page prints elsewhere), but not when it names
    someone else (some CMSs put the editor there); else trafilatura's find in the author markup;
    else the desk or outlet the metadata credits."""
    # "Von t-online, jse": the outlet is no writer.
    printed = [n for n in _printed_authors(page) if not page.names_the_outlet(n)]
    if not all(_NAME_RE.match(n) and len(n.split()) <= 6 for n in printed):
        printed = []  # one part is no name: the whole line is something else
    listed = listed_authors(page)
    known_as = listed + _author_aliases(page)  # "jse" is Julian Seiferth's signature
    if printed and not any(_same_person(p, m) for p in printed for m in known_as):
        return printed
    # Each fallback is read only when the ones before it find nobody (the author markup costs 2 ms).
    return listed or printed or _marked_up_names(page) or _credited_desks(page)


def _marked_up_names(page: Page) -> list[str]:
    # An author box may also print the date: "Cazzy Magennis Last Updated: August 1, 2025".
    names = (_DATE_AFTER_THE_NAMES_RE.sub("", clean(a)) for a in (marked_up_author(page) or "").split(";"))
    return [n for n in names if _is_name(n)]
