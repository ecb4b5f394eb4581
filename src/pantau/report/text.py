"""How the briefing writes days, times, delays, leads and links; and cells that are safe in a spreadsheet."""

from __future__ import annotations

import re
from datetime import date, datetime

from pantau.days import BRIEFING_ZONE

# A full stop after these is not the end of a sentence.
ABBREVIATIONS = {
    *("Dr", "Mr", "Mrs", "Ms", "Prof", "St", "No", "Gen", "Lt", "Col", "Capt", "Sen", "Hj", "vs"),
    *("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"),
    *("i.e", "e.g", "U.S", "U.N"),
}
SENTENCE_BOUNDARY = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+|(?<=[。！？])")
# OWASP's CSV injection rule: a spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def long_day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def clock(moment: datetime | None, day: date) -> str:
    """A MYT time, with its date when it is not on the briefing day."""
    if moment is None:
        return "time unknown"
    local = moment.astimezone(BRIEFING_ZONE)
    if local.date() == day:
        return f"{local:%H:%M} MYT"
    return f"{local.day} {local:%b %H:%M} MYT"


def pickup_delay(original: datetime | None, copy: datetime | None) -> str:
    """How long after the original a copy appeared: "+40 min", "+3 h 5 min", "+1 d 2 h"."""
    if original is None or copy is None:
        return "time unknown"
    minutes = round((copy - original).total_seconds() / 60)
    if minutes <= 0:
        return "same time" if minutes == 0 else f"{minutes} min"
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"+{days} d {hours} h" if hours else f"+{days} d"
    if hours:
        return f"+{hours} h {minutes} min" if minutes else f"+{hours} h"
    return f"+{minutes} min"


def two_sentence_lead(body: str, limit: int = 420) -> str:
    """The first two sentences of an article's body (Latin or CJK punctuation), at most `limit` chars."""
    text = " ".join(body.split())
    sentences, start = [], 0
    for boundary in SENTENCE_BOUNDARY.finditer(text):
        sentence = text[start : boundary.start()].strip()
        last_word = sentence.rsplit(" ", 1)[-1].rstrip(".")
        if sentence.endswith(".") and (last_word in ABBREVIATIONS or len(last_word) == 1):
            continue
        sentences.append(sentence)
        start = boundary.end()
        if len(sentences) == 2:
            break
    else:
        sentences.append(text[start:].strip())
    lead = ""
    for sentence in filter(None, sentences):
        lead += sentence if not lead or lead.endswith(("。", "！", "？")) else " " + sentence
    if len(lead) > limit:
        lead = lead[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return lead


def markdown_text(text: str) -> str:
    """Text safe inside Markdown: markup characters escaped, so a title cannot become a tag or a link."""
    return re.sub(r"([\\`*_\[\]<>#|!])", r"\\\1", " ".join(str(text).split()))


def safe_link(url: str) -> str:
    """A link target that can only open a page: http(s) or relative, never `javascript:` and the like."""
    url = str(url).strip()
    if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.IGNORECASE) and not re.match(r"^(https?|cid):", url, re.IGNORECASE):
        return "#"
    # Spaces and parentheses would end a Markdown link early.
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def csv_cell(value: object) -> object:
    """A cell a spreadsheet shows as text: text that would start a formula gets a leading quote (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural_form or noun + 's'}"
