"""Publication times as outlets print them: ISO stamps, local formats in five languages, "2 hours ago"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone, tzinfo

import dateparser

# Month names as the region's outlets print them (English, Malay, Indonesian), mapped to the
# English abbreviations %b reads.
_MONTHS = {
    "Jan": "january jan januari",
    "Feb": "february feb februari",
    "Mar": "march mar mac maret",
    "Apr": "april apr",
    "May": "may mei",
    "Jun": "june jun juni",
    "Jul": "july jul julai juli",
    "Aug": "august aug ogos ogo agustus agu",
    "Sep": "september sept sep",
    "Oct": "october oct oktober okt",
    "Nov": "november nov",
    "Dec": "december dec disember desember dis des",
}
_MONTH_WORDS = {word: abbr for abbr, names in _MONTHS.items() for word in names.split()}
# Any of them, longest first, as a regex alternation (compile with re.IGNORECASE).
MONTH_NAMES = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
_MONTH_RE = re.compile(rf"\b({MONTH_NAMES})\b\.?", re.IGNORECASE)

# Weekday names as printed before a date, in the same languages; a regex alternation, like MONTH_NAMES.
WEEKDAY_NAMES = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|isnin|selasa|rabu|khamis|jumaat|sabtu|ahad|senin|kamis|jumat|minggu"
    r"|thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật"
)
_WEEKDAY_RE = re.compile(rf"\b({WEEKDAY_NAMES})\b,?", re.IGNORECASE)
_ZH_WEEKDAY_RE = re.compile(r"(星期|周|週)[一二三四五六日天]")

# Zone labels printed after local times, and the offsets they stand for (MST as Malaysian outlets
# use it: Malaysia Standard Time).
_ZONE_LABELS = {"myt": 8, "mst": 8, "sgt": 8, "wib": 7, "wita": 8, "wit": 9, "ict": 7, "pht": 8}
# The labels foreign outlets print, in capitals only ("est" and "cet" are words in French and
# Latin); not CST, IST or ET/PT, which stand for more than one offset.
_FOREIGN_ZONE_LABELS = {
    **{"GMT": 0, "UTC": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3},
    **{"EST": -5, "EDT": -4, "CDT": -5, "MDT": -6, "PST": -8, "PDT": -7},
    **{"JST": 9, "KST": 9, "HKT": 8, "AWST": 8, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13},
}
_ZONE_RE = re.compile(
    r"\(?\b(?:(?:gmt|utc)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?"
    r"|(?P<label>" + "|".join(_ZONE_LABELS) + r")\b"
    r"|(?-i:(?P<foreign>" + "|".join(_FOREIGN_ZONE_LABELS) + r"))\b)\)?",
    re.IGNORECASE,
)
_MERIDIEM_RE = re.compile(r"(?<![a-z])([ap])\.?\s?m\.?(?![a-z])", re.IGNORECASE)
_START_RE = re.compile(r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")
# A time printed alone, perhaps with its zone or a label: "2:50 PM MYT", "14:05 WIB", "| 8:15pm".
_TIME_ONLY_RE = re.compile(
    r"^\W{0,3}(?:[^\W\d]+\s*:\s*)?(?P<time>\d{1,2}[:.h]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:\(?[A-Z]{2,4}(?:[+-]\d{1,2})?\)?)?)\s*$",
    re.IGNORECASE,
)
# "14:05", "2:05PM", "2.05 pm"; not "28.04.2023", a day.
_HAS_TIME_RE = re.compile(r"\b\d{1,2}(?::\d\d(?![\d.])|\.\d\d\s*[ap]\.?m\b)", re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")
_UNCONVERTED_RE = re.compile(r"unconverted data remains: (.*)$", re.DOTALL)

_RELATIVE_RE = re.compile(
    r"(?P<count>\d+|an?|se)\s*(?P<unit>minutes?|mins?|hours?|hrs?|h|days?|minit|jam|hari|phút|giờ|ngày|分钟|分鐘|小时|小時|天)"
    r"\s*(?:ago|lalu|yang lalu|yang lepas|trước|前)",
    re.IGNORECASE,
)
_UNIT_MINUTES = {
    **dict.fromkeys(("minute", "min", "minit", "phút", "分钟", "分鐘"), 1),
    **dict.fromkeys(("hour", "hr", "h", "jam", "giờ", "小时", "小時"), 60),
    **dict.fromkeys(("day", "hari", "ngày", "天"), 1440),
}


def relative_time(text: str, fetched_at: datetime | None) -> datetime | None:
    """'2 hours ago', '2 jam lalu', '2 giờ trước', '2小时前' against the fetch time, to the minute."""
    match = _RELATIVE_RE.search(text)
    if not match or fetched_at is None or fetched_at.tzinfo is None:
        return None
    count = match["count"].lower()
    amount = 1 if count in ("a", "an", "se") else int(count)
    moment = fetched_at - timedelta(minutes=amount * _UNIT_MINUTES[match["unit"].lower().removesuffix("s")])
    return moment.replace(second=0, microsecond=0)


def parse_iso(value: str, zone: tzinfo) -> datetime | None:
    """An ISO 8601 stamp with a time (as in JSON-LD and meta tags); one printed without an offset
    is local time. A bare day is None: it says nothing about the time."""
    if not re.match(r"^\s*\d{4}-\d\d-\d\d[T ]\d", value):
        return None
    text = value.strip().replace(" ", "T", 1) if re.match(r"^\d{4}-\d\d-\d\d \d", value.strip()) else value.strip()
    text = re.sub(r"Z$", "+00:00", text)
    text = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", text)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def parse_day(value: str) -> date | None:
    """The day of an ISO 8601 stamp that gives a day and no time ("2017-04-03")."""
    match = re.fullmatch(r"\s*(\d{4})-(\d\d)-(\d\d)\s*", value)
    try:
        return date(int(match[1]), int(match[2]), int(match[3])) if match else None
    except ValueError:
        return None


def _normalised(text: str) -> tuple[str, tzinfo | None]:
    """The date text with English month abbreviations, no weekday, and the zone label it carried."""
    zone = None
    match = _ZONE_RE.search(text)
    if match:
        if match["label"]:
            hours, minutes, sign = _ZONE_LABELS[match["label"].lower()], 0, 1
        elif match["foreign"]:
            hours, minutes, sign = _FOREIGN_ZONE_LABELS[match["foreign"]], 0, 1
        else:
            hours, minutes = int(match["hours"]), int(match["minutes"] or 0)
            sign = -1 if match["sign"] == "-" else 1
        zone = timezone(sign * timedelta(hours=hours, minutes=minutes))
        text = text[: match.start()] + " " + text[match.end() :]
    text = _WEEKDAY_RE.sub(" ", text)
    text = _ZH_WEEKDAY_RE.sub(" ", text)
    text = _MONTH_RE.sub(lambda m: _MONTH_WORDS[m.group(1).lower()], text)
    text = _MERIDIEM_RE.sub(lambda m: m.group(1).upper() + "M", text)
    text = re.sub(r"[@|•·]", " ", text)
    text = re.sub(r"(\d)h(\d\d)\b", r"\1:\2", text)  # "19h25", as Vietnamese outlets print times
    text = re.sub(r"日(?=\d)", "日 ", text)  # "2024年04月24日23:52": the time follows the day unspaced
    text = re.sub(r"\s+", " ", text)
    start = _START_RE.search(text)
    text = text[start.start() :] if start else text
    return text.strip(" ,-()").strip(), zone


def parse_local(text: str, formats: Iterable[str], zone: tzinfo) -> datetime | None:
    """A visible date in one of the strptime `formats`, trailing words ignored, read in `zone`."""
    normalised, printed_zone = _normalised(text)
    if not normalised:
        return None
    colon = ":" in normalised
    for form in formats:
        # A format's colon must be in the text: strptime is not asked to read "Comments (15)" or
        # "© 2012" in every format (on Dragnet's pages it was, 90 times a page).
        if colon or ":" not in form:
            moment = _strptime_prefix(normalised, form)
            if moment is not None:
                return moment.replace(tzinfo=printed_zone or zone)
    return None


def parse_visible(texts: Iterable[str], formats: Iterable[str], zone: tzinfo) -> datetime | None:
    """The first of `texts` that reads as a date with a time; else a day and a time printed in
    neighbouring elements ("Sunday, 26 Oct 2025" then "2:50 PM MYT"), read together."""
    # A date has digits: the many texts without one are not tried against every format.
    texts = [t for t in texts if t and len(t) < 120 and _DIGIT_RE.search(t)]
    formats = tuple(formats)
    for text in texts:
        moment = parse_local(text, formats, zone)
        if moment is not None:
            return moment
    for position, text in enumerate(texts):
        for neighbour in texts[position + 1 : position + 3]:
            match = _TIME_ONLY_RE.match(neighbour)
            if match:
                moment = parse_local(f"{text} {match['time']}", formats, zone)
                # "0:00" beside a day is a player's clock or a CMS default, not the time of publication.
                if moment is not None and (moment.hour, moment.minute) != (0, 0):
                    return moment
    return None


def parse_any(texts: Iterable[str], zone: tzinfo) -> datetime | None:
    """dateparser's reading of the first of `texts` with a date and a time our formats do not
    know: the last resort (it costs a millisecond or more a text, and guesses more)."""
    return next((m for m in (_dateparser_reading(t, zone) for t in texts if t and len(t) < 120) if m), None)


def _dateparser_reading(text: str, zone: tzinfo) -> datetime | None:
    if not _HAS_TIME_RE.search(text) or not re.search(r"\d{4}", text):
        return None
    normalised, printed_zone = _normalised(text)
    moment = dateparser.parse(
        normalised,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past", "STRICT_PARSING": True},
    )
    if moment is None or (moment.hour, moment.minute) == (0, 0):  # midnight: a day dateparser gave a time
        return None
    return moment.replace(tzinfo=None).replace(tzinfo=printed_zone or zone)


def _strptime_prefix(text: str, form: str) -> datetime | None:
    try:
        return datetime.strptime(text, form)
    except ValueError as exc:
        rest = _UNCONVERTED_RE.search(str(exc))
        if not rest or not rest.group(1) or rest.group(1)[0] not in " ,(":
            return None
        try:
            return datetime.strptime(text[: len(text) - len(rest.group(1))], form)
        except ValueError:
            return None
