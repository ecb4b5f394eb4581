"""Wire attribution: which news agency, if any, a story credits (the agencies are data:
include/wires.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml

from pantau import config
from pantau.registry.sources import ConfigError

BERNAMA = "bernama"
_DASH = r"(?:--|-|–|—)"
# Lines an outlet appends after a wire's sign-off: "Follow us on Telegram", "Download our app".
# Longer paragraphs are story text, so a sign-off above them is a quoted or related story's.
_PROMO_MAX_CHARS = 160
_PROMO_LINES = 4
# A sign-off alone on its line: the wire's name, perhaps a desk's initials ("-- BERNAMA/AB").
_SIGN_OFF_LINE_CHARS = 40


def _is_acronym(name: str) -> bool:
    return name.isupper() and len(name) <= 5


def _name_re(name: str) -> str:
    escaped = re.escape(name).replace(r"\ ", r"\s+")
    if re.match(r"[\u3400-\u9fff]", name):
        return escaped
    # Acronyms ("AP", "AFP", "VNA") only in capitals: "ap" or "vna" in running text is no credit.
    return rf"(?-i:\b{escaped}\b)" if _is_acronym(name) else rf"\b{escaped}\b"


@dataclass(frozen=True)
class Wire:
    id: str
    names: tuple[str, ...]
    credits: tuple[str, ...]
    outlets: tuple[str, ...]

    @property
    def _names_re(self) -> str:
        return "(?:" + "|".join(map(_name_re, self.names)) + ")"

    @property
    def dateline_re(self) -> re.Pattern:
        # "KUALA LUMPUR, Oct 26 (Bernama) --", "JAKARTA (ANTARA) -", "HANOI, July 8 (VNA) –",
        # possibly after a section label and byline ("WORLD By Shakir Husain NEW DELHI, ...").
        return re.compile(rf"^[^()\n]{{0,80}}[(（]\s*{self._names_re}\s*[)）]\s*(?:{_DASH}|:)", re.IGNORECASE)

    @property
    def signoff_re(self) -> re.Pattern:
        # "-- BERNAMA", "— Reuters", "--AFP", optionally with desk initials after it; "（马新社）".
        return re.compile(
            rf"(?:(?:^|\s|[.\"”'])(?:{_DASH})\s*{self._names_re}[\s./A-Za-z]{{0,12}}$|[(（]{self._names_re}[)）]\s*$)",
            re.IGNORECASE,
        )

    @property
    def credit_re(self) -> re.Pattern | None:
        return re.compile("|".join(self.credits), re.IGNORECASE) if self.credits else None

    @property
    def label_re(self) -> re.Pattern:
        # An aggregator's origin label or a byline naming the agency alone ("Bernama", "Bernama News").
        return re.compile(rf"^\s*{self._names_re}(?:\s+news)?\s*$", re.IGNORECASE)

    @property
    def byline_re(self) -> re.Pattern:
        return re.compile(rf"(?:^|[\s/(,&]){self._names_re}(?:$|[\s/),&])", re.IGNORECASE)

    def owns(self, outlet: str | None) -> bool:
        return outlet is not None and outlet.strip().lower() in {o.lower() for o in self.outlets}


@dataclass(frozen=True)
class _Compiled:
    wire: Wire
    dateline: re.Pattern
    signoff: re.Pattern
    credit: re.Pattern | None
    label: re.Pattern
    byline: re.Pattern


@cache
def wires() -> tuple[_Compiled, ...]:
    """The agencies in include/wires.yaml, their patterns compiled; a bad file is a ConfigError."""
    path = config.INCLUDE_DIR / "wires.yaml"
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))["wires"]
        found = []
        for entry in entries:
            wire = Wire(
                id=str(entry["id"]),
                names=tuple(map(str, entry["names"])),
                credits=tuple(map(str, entry.get("credits") or ())),
                outlets=tuple(map(str, entry.get("outlets") or ())),
            )
            found.append(
                _Compiled(wire, wire.dateline_re, wire.signoff_re, wire.credit_re, wire.label_re, wire.byline_re)
            )
    except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return tuple(found)


def _mentions_a_wire(text: str) -> bool:
    """Whether any wire's name occurs in `text` at all (every credit pattern names its wire): most
    stories mention none, and are done with in a few substring searches instead of many regexes."""
    lowered = text.lower()
    return any(
        (name in text) if _is_acronym(name) else (name.lower() in lowered) for w in wires() for name in w.wire.names
    )


def _wire_label(label: str | None) -> str | None:
    return next((w.wire.id for w in wires() if label and w.label.match(label)), None)


def is_bernama_label(label: str | None) -> bool:
    return _wire_label(label) == BERNAMA


def _signed_off(paragraphs: list[str], signoff: re.Pattern) -> bool:
    """The sign-off ends the story's last paragraph, or one followed only by short promo lines."""
    for position in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 1 - _PROMO_LINES), -1):
        if signoff.search(paragraphs[position]):
            return True
        if len(paragraphs[position]) > _PROMO_MAX_CHARS:
            return False
    return False


def wire_of(
    paragraphs: list[str],
    byline: str | None = None,
    origin_label: str | None = None,
    outlets: tuple[str | None, ...] = (),
) -> str | None:
    """The id of the wire the story credits (its dateline, sign-off, an in-text credit, the byline
    or the aggregator's origin label), None when it credits none. Only the article's own
    paragraphs count: a related story's sign-off far below it says nothing about it. A wire's
    own outlet (`outlets`: the names of the page's source) credits nobody: its story is the original."""
    candidates = [w for w in wires() if not any(w.wire.owns(o) for o in outlets)]
    label = _wire_label(origin_label)
    if label and any(w.wire.id == label for w in candidates):
        return label
    if not _mentions_a_wire("\n".join([byline or "", *paragraphs])):
        return None
    for evidence in (
        lambda w: bool(byline) and (w.label.match(byline) or w.byline.search(byline)),
        lambda w: any(w.dateline.match(p) for p in paragraphs[:2]),
        lambda w: _signed_off(paragraphs, w.signoff),
        lambda w: w.credit is not None and any(w.credit.search(p) for p in paragraphs),
    ):
        for w in candidates:
            if evidence(w):
                return w.wire.id
    return None


def is_sign_off_line(line: str) -> bool:
    """A wire's sign-off alone on its line ("-- BERNAMA", "— AFP", "--马新社"): a credit, not story
    text. Only a wire's name: "- Salz" is a list item, "— JS" a blogger's signature."""
    return len(line) <= _SIGN_OFF_LINE_CHARS and any(w.signoff.match(line) for w in wires())


def canonical_outlet(label: str) -> str:
    """An aggregator's origin label as the outlet's name: "Barnama" is Bernama."""
    label = " ".join(label.split()).strip(" -–—")
    return "Bernama" if is_bernama_label(label) else label
