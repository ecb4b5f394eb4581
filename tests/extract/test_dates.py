"""Publication times in the outlets' own formats, read in their time zones."""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from pantau.extract.dates import parse_any, parse_day, parse_iso, parse_local, parse_visible, relative_time
from pantau.registry.profiles import profile_book

MYT = ZoneInfo("Asia/Kuala_Lumpur")
ICT = ZoneInfo("Asia/Ho_Chi_Minh")
FETCHED = datetime(2025, 10, 26, 12, 30, 41, tzinfo=MYT)


@pytest.mark.parametrize(
    ("text", "zone", "expected"),
    [
        ("26/10/2025 11:42 AM", MYT, "2025-10-26T11:42:00+08:00"),
        ("Sunday, 26 Oct 2025 1:45 PM MYT", MYT, "2025-10-26T13:45:00+08:00"),
        ("Oktober 9, 2025 @ 8:15pm", MYT, "2025-10-09T20:15:00+08:00"),
        ("2025-10-26 14:05", MYT, "2025-10-26T14:05:00+08:00"),
        ("26/10/2025 15:20", ICT, "2025-10-26T15:20:00+07:00"),
        ("Thứ tư, 22/10/2025, 19:25 (GMT+7)", MYT, "2025-10-22T19:25:00+07:00"),
        ("Minggu, 26 Oktober 2025 14:05 WIB", MYT, "2025-10-26T14:05:00+07:00"),
        ("Published at Oct 29, 2025 12:06 pm", MYT, "2025-10-29T12:06:00+08:00"),
        ("2025年10月26日 14:05", MYT, "2025-10-26T14:05:00+08:00"),
        ("Ogos 9, 2025 @ 8:15am", MYT, "2025-08-09T08:15:00+08:00"),
        # Foreign outlets' zone labels, in capitals; "est" in lower case is a word, not a zone.
        ("Mar 11, 2026 9:00 am PDT", MYT, "2026-03-11T09:00:00-07:00"),
        ("Jan 17, 2025 1:39 PM EST", MYT, "2025-01-17T13:39:00-05:00"),
        ("Feb 1, 2015 11:57 AM GMT", MYT, "2015-02-01T11:57:00+00:00"),
        ("Oct 29, 2025 12:06 pm est", MYT, "2025-10-29T12:06:00+08:00"),
    ],
)
def test_visible_formats(text, zone, expected):
    assert parse_local(text, profile_book().date_formats, zone).isoformat() == expected


def test_a_profile_format_is_tried_first():
    # 05/10 read day-first is 5 October; a month-first outlet says so in its profile.
    assert parse_local("10/05/2025 09:00", ("%m/%d/%Y %H:%M",), MYT) == datetime(2025, 10, 5, 9, 0, tzinfo=MYT)


@pytest.mark.parametrize("text", ["2 hours ago", "2 jam lalu", "2 giờ trước", "2小时前", "Updated 2 hrs ago"])
def test_relative_times_resolve_against_the_fetch(text):
    assert relative_time(text, FETCHED) == datetime(2025, 10, 26, 10, 30, tzinfo=MYT)


def test_relative_time_without_fetch_time_is_unknown():
    assert relative_time("2 hours ago", None) is None


def test_text_without_a_date_is_none():
    assert parse_local("Kuala Lumpur", profile_book().date_formats, MYT) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-04-03", date(2017, 4, 3)),
        (" 2017-04-03 ", date(2017, 4, 3)),
        ("2017-04-03T10:00:00Z", None),
        ("2017-02-30", None),
        ("April 3, 2017", None),
    ],
)
def test_a_bare_day_is_read_as_a_day(value, expected):
    assert parse_day(value) == expected


def test_iso_stamps_keep_their_offset_and_naive_ones_are_local():
    assert parse_iso("2025-10-22T19:25:52+07:00", MYT).utcoffset() == timedelta(hours=7)
    assert parse_iso("2024-11-22 16:55:35", MYT) == datetime(2024, 11, 22, 16, 55, 35, tzinfo=MYT)
    assert parse_iso("2025-10-22T12:25:52Z", MYT) == datetime(2025, 10, 22, 12, 25, 52, tzinfo=timezone.utc)
    assert parse_iso("yesterday", MYT) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年04月24日23:52", "2024-04-24T23:52:00+08:00"),
        ("2024年04月24日23:52 | 来源：人民网", "2024-04-24T23:52:00+08:00"),
        ("Thứ hai, 20/10/2025, 14:05 (GMT+7)", "2025-10-20T14:05:00+07:00"),
    ],
)
def test_layouts_named_in_issue_14(text, expected):
    assert parse_local(text, profile_book().date_formats, MYT).isoformat() == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Sunday, 26 Oct 2025", "2:50 PM MYT"], "2025-10-26T14:50:00+08:00"),
        (["Oktober 9, 2025", "@ 8:15pm"], "2025-10-09T20:15:00+08:00"),
        (["Selasa, 21 Oktober 2025", "14:05 WIB"], "2025-10-21T14:05:00+07:00"),
        (["By Tan Sue Lin", "Sunday, 26 Oct 2025", "Updated: 2:50 PM MYT"], "2025-10-26T14:50:00+08:00"),
    ],
)
def test_a_day_and_a_time_printed_apart_are_read_together(texts, expected):
    assert parse_visible(texts, profile_book().date_formats, MYT).isoformat() == expected


def test_a_day_beside_a_number_that_is_no_time_gives_none():
    assert parse_visible(["26 Oct 2025", "12 comments"], profile_book().date_formats, MYT) is None


def test_dateparser_reads_what_the_formats_do_not():
    assert parse_any(["Updated 21 Oct 2025, 2:05PM"], MYT) == datetime(2025, 10, 21, 14, 5, tzinfo=MYT)


def test_dateparser_is_not_asked_about_a_day_without_a_time():
    assert parse_any(["21 Oct 2025"], MYT) is None
