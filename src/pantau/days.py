"""Briefing days: one Asia/Kuala_Lumpur calendar day, covered by the run at 07:00 the next morning."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

BRIEFING_ZONE = ZoneInfo("Asia/Kuala_Lumpur")


def day_window(day: date) -> tuple[datetime, datetime]:
    """[start, end) of a briefing day, tz-aware."""
    start = datetime.combine(day, time(0), tzinfo=BRIEFING_ZONE)
    return start, start + timedelta(days=1)


def briefing_day_of(moment: datetime) -> date:
    """The briefing day a moment belongs to."""
    return moment.astimezone(BRIEFING_ZONE).date()


def parse_day(text: str) -> date:
    """A YYYY-MM-DD day, with a one-line error for anything else."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a day (YYYY-MM-DD): {text!r}") from None


def article_moment(published: datetime | None, listed_at: datetime | None, first_seen: datetime) -> datetime | date:
    """When an article was published, as well as anything about it says, for placing it in a day.

    The page's own time wins (an undated feed item is dated by its page). A page that prints a
    date but no time (it parses to midnight) takes the feed item's time when that falls on the
    page's date, else the page's date itself. Only where nothing dates it, the time it was first
    seen. Never the poll or run that found it: a day's briefing must not depend on which ran when.
    """
    if published is not None:
        if published.timetz().replace(tzinfo=None) != time(0):
            return published
        if listed_at is not None and listed_at.astimezone(published.tzinfo).date() == published.date():
            return listed_at
        return published.date()
    return listed_at or first_seen


def article_day(published: datetime | None, listed_at: datetime | None, first_seen: datetime) -> date:
    """The briefing day an article belongs to (see article_moment)."""
    moment = article_moment(published, listed_at, first_seen)
    return briefing_day_of(moment) if isinstance(moment, datetime) else moment
