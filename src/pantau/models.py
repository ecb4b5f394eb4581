"""The article as every stage sees it, its JSON form (the CLI contract), the languages Pantau reads,
and the shape of everything from the web that a stage turns away."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Literal, get_args

# The languages Pantau reads (ISO 639-1): a source's language, the watch list's keywords, the
# briefing's sections, in the briefing's order (English, its own language, first).
Language = Literal["en", "ms", "zh", "vi", "id"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
LANGUAGE_NAMES: dict[str, str] = {  # keyed by str: an article may be in a language not listed
    "en": "English",
    "ms": "Malay",
    "zh": "Chinese",
    "vi": "Vietnamese",
    "id": "Indonesian",
}


def article_id(url: str) -> str:
    """A stable id for an article, from its canonical URL."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Article:
    url: str
    outlet: str
    source_id: str | None
    title: str
    published: datetime | None  # tz-aware, in the offset the outlet publishes in
    language: str  # ISO 639-1
    byline: str | None
    body: str  # paragraphs separated by a blank line
    wire: str | None  # "bernama" when the story is Bernama's or a copy of it
    origin_outlet: str | None = None  # the outlet an aggregator took the story from
    method: str = "generic"  # "profile:<id>" or "generic": how the page was read
    authors: tuple[str, ...] = ()  # each writer the page names; `byline` joins them

    @property
    def id(self) -> str:
        return article_id(self.url)

    def record(self) -> dict:
        """The JSON object `pantau extract` prints for this article."""
        fields = asdict(self)
        fields["published"] = self.published.isoformat() if self.published else None
        return fields


class Rejected(Exception):
    """Something from the web a stage cannot use: `reason` is a short class (what source health and
    the quarantine count by), `detail` says why, in words."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class PageRejected(Rejected):
    """A page that yields no usable article."""
