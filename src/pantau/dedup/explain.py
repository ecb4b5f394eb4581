"""Why an article was grouped with another, as evidence (the names and numbers both state) and in words."""

from __future__ import annotations

from pantau.dedup import textnorm
from pantau.dedup.signatures import DedupItem

EVIDENCE_NAMES = 24  # enough to recognise the story; the count says how many there were

# What each method means to a reader of the briefing, with and without the outlet grouped with.
_PHRASES = {
    "seed": ("first report", "first report"),
    "near-duplicate": ("same text as {source}", "same text"),
    "containment": ("shortened copy of {source}", "shortened copy"),
    "quotes": ("same quotes as {source}", "same quotes"),
    "rewrite": ("rewritten from {source}", "rewritten"),
    "translation": ("translation of {source}'s story", "translation"),
    "statement": ("reports {source}'s statement", "reports a statement"),
}


def why_grouped(method: str, source: str | None = None) -> str:
    """The method of an assignment in plain words: "same text as Bernama", "translation of Bernama's story"."""
    with_source, alone = _PHRASES.get(method, (method, method))
    return with_source.format(source=source) if source else alone


def facts(item: DedupItem) -> frozenset[str]:
    """The names, places and numbers an article states, as compared across copies and languages."""
    text = "\n".join(textnorm.story_paragraphs(item.body, item.language))
    numbers = {token.strip(textnorm.LETTERS) for token in textnorm.tokens(text, item.language)}
    return frozenset(textnorm.names(f"{item.title}\n{text}", item.language)) | {
        number for number in numbers if number.isdigit()
    }


def evidence(score: float, own: frozenset[str], other: frozenset[str]) -> dict:
    """What a link rests on: its score and the names and numbers both articles state (names first)."""
    shared = sorted(own & other, key=lambda fact: (fact.isdigit(), fact))
    return {"score": round(score, 4), "shared": shared[:EVIDENCE_NAMES], "shared_count": len(shared)}
