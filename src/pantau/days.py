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
