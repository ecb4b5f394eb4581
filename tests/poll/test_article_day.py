"""An article's day is its own publication day in Kuala Lumpur, whatever poll or run found it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from pantau.days import BRIEFING_ZONE, article_day, article_moment

JAKARTA = timezone(timedelta(hours=7))
SEEN = datetime(2025, 7, 10, 1, 0, tzinfo=timezone.utc)  # polled days later, by a backfill


def test_a_timed_page_is_placed_by_its_own_time_in_kuala_lumpur():
    assert article_day(datetime(2025, 7, 8, 23, 30, tzinfo=JAKARTA), None, SEEN) == date(2025, 7, 9)
    assert article_day(datetime(2025, 7, 8, 22, 0, tzinfo=JAKARTA), None, SEEN) == date(2025, 7, 8)


def test_a_date_only_page_takes_the_feed_items_time_on_its_date_else_its_date():
    page = datetime(2025, 7, 8, tzinfo=BRIEFING_ZONE)  # "8 Julai 2025", no time
    same_day = datetime(2025, 7, 8, 15, 0, tzinfo=BRIEFING_ZONE)
    assert article_moment(page, same_day, SEEN) == same_day
    assert article_moment(page, datetime(2025, 7, 7, 23, 0, tzinfo=BRIEFING_ZONE), SEEN) == date(2025, 7, 8)
    assert article_day(page, None, SEEN) == date(2025, 7, 8), "the ministry's statement of 8 July stays on 8 July"


def test_only_where_nothing_dates_it_the_time_it_was_first_seen():
    listed = datetime(2025, 7, 8, 9, 0, tzinfo=BRIEFING_ZONE)
    assert article_day(None, listed, SEEN) == date(2025, 7, 8)
    assert article_day(None, None, SEEN) == date(2025, 7, 10)
