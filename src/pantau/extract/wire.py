"""Wire attribution: is this story Bernama's, however the copy credits it?"""

from __future__ import annotations

import re

BERNAMA = "bernama"

# "KUALA LUMPUR, Oct 26 (Bernama) --", "KUALA LUMPUR (Bernama):", "NEW DELHI, July 27 (Bernama) --",
# possibly after a section label and byline ("WORLD By Shakir Husain NEW DELHI, ...").
_DATELINE_RE = re.compile(r"^[^()\n]{0,80}\(\s*bernama\s*\)\s*(?:--|-|–|—|:)", re.IGNORECASE)
# "-- BERNAMA", "- BERNAMA", "— Bernama", "--BERNAMA", optionally with desk initials after it.
_SIGNOFF_RE = re.compile(r"(?:^|\s|[.\"”'])(?:--|-|–|—)\s*bernama\b[\s./A-Za-z]{0,12}$", re.IGNORECASE)
# Papers in other languages credit it in the text: by its Chinese name, often "（马新社）" at the
# end; "Theo hãng thông tấn Bernama" ("according to the Bernama news agency"); "menurut Bernama".
_CREDIT_RE = re.compile(
    r"马新社|馬新社|\btheo (?:hãng )?(?:thông tấn )?bernama\b|\b(?:menurut|dipetik daripada|dilansir|dikutip dari) bernama\b",
    re.IGNORECASE,
)
# Aggregators label the origin, and one of them spells it "Barnama".
_LABEL_RE = re.compile(r"^\s*b[ae]rnama(?:\s+news)?\s*$", re.IGNORECASE)
_BYLINE_RE = re.compile(r"\bbernama\b", re.IGNORECASE)


def is_bernama_label(label: str | None) -> bool:
    return bool(label and _LABEL_RE.match(label))


def wire_of(paragraphs: list[str], byline: str | None = None, origin_label: str | None = None) -> str | None:
    """'bernama' when the dateline, sign-off, an in-text credit, the byline or the aggregator's
    origin label says the story is Bernama's; None otherwise. Only the article's own
    paragraphs count: a related story's sign-off below it says nothing about it."""
    if is_bernama_label(origin_label) or (byline and _BYLINE_RE.search(byline)):
        return BERNAMA
    if not paragraphs:
        return None
    if _DATELINE_RE.match(paragraphs[0]) or _SIGNOFF_RE.search(paragraphs[-1]):
        return BERNAMA
    if len(paragraphs) > 1 and _DATELINE_RE.match(paragraphs[1]):
        return BERNAMA
    if any(_CREDIT_RE.search(paragraph) for paragraph in paragraphs):
        return BERNAMA
    return None


def canonical_outlet(label: str) -> str:
    """An aggregator's origin label as the outlet's name: "Barnama" is Bernama."""
    label = " ".join(label.split()).strip(" -–—")
    return "Bernama" if is_bernama_label(label) else label
