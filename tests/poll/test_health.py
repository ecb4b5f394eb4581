from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select

from pantau import store
from pantau.health.runs import RunRecord, consecutive_failures, record_run, staleness
from pantau.registry.sources import Source

SOURCE = Source(
    id="nst",
    outlet="NST",
    language="en",
    kind="rss",
    urls=("https://www.nst.com.my/feed",),
    stale_after_hours=24,
    alert_after_failures=2,
)
T0 = datetime(2025, 7, 1, 8, 0, tzinfo=timezone.utc)


def record(db_url, day_offset, status, *, found_new=False, reason=None):
    moment = T0 + timedelta(days=day_offset)
    with store.session(db_url) as s:
        record_run(
            s,
            SOURCE.id,
            date(2025, 7, 1) + timedelta(days=day_offset),
            RunRecord(
                status=status,
                reason=reason,
                error=f"{reason} details" if reason else None,
                items_seen=3,
                new_items=1 if found_new else 0,
                failed_items=0,
                bytes_received=100,
                started_at=moment,
                finished_at=moment,
                found_new=found_new,
            ),
        )


def test_failures_are_counted_back_from_the_newest_day(db_url):
    record(db_url, 0, "failed", reason="timeout")
    record(db_url, 1, "ok", found_new=True)
    record(db_url, 2, "failed", reason="dns")
    record(db_url, 3, "failed", reason="http-503")
    with store.session(db_url) as s:
        streak = consecutive_failures(s, SOURCE.id)
        earlier = consecutive_failures(s, SOURCE.id, through=date(2025, 7, 2))
    assert (streak.count, streak.since, streak.reason, streak.alerting(SOURCE)) == (
        2,
        date(2025, 7, 3),
        "http-503",
        True,
    )
    assert (earlier.count, earlier.alerting(SOURCE)) == (0, False)


def test_a_rerun_of_the_same_day_replaces_its_record(db_url):
    record(db_url, 0, "failed", reason="timeout")
    record(db_url, 0, "ok", found_new=True)
    with store.session(db_url) as s:
        assert consecutive_failures(s, SOURCE.id).count == 0


def test_a_source_fetched_fine_without_new_items_goes_stale(db_url):
    record(db_url, 0, "ok", found_new=True)
    record(db_url, 1, "unchanged")
    with store.session(db_url) as s:
        fresh = staleness(s, SOURCE, T0 + timedelta(hours=20))
        stale = staleness(s, SOURCE, T0 + timedelta(hours=30))
    assert not fresh.stale and fresh.last_new_item_at == T0
    assert stale.stale and stale.hours_without_new == 30.0 and stale.threshold_hours == 24


def test_a_failing_source_is_not_stale_and_a_new_item_resets_the_clock(db_url):
    record(db_url, 0, "ok", found_new=True)
    record(db_url, 2, "failed", reason="dns")
    with store.session(db_url) as s:
        assert not staleness(s, SOURCE, T0 + timedelta(days=3)).stale
    record(db_url, 3, "ok", found_new=True)
    with store.session(db_url) as s:
        result = staleness(s, SOURCE, T0 + timedelta(days=3, hours=1))
    assert not result.stale and result.last_new_item_at == T0 + timedelta(days=3)


def test_a_source_that_never_brought_anything_counts_from_its_first_run(db_url):
    record(db_url, 0, "unchanged")
    with store.session(db_url) as s:
        result = staleness(s, SOURCE, T0 + timedelta(hours=25))
    assert result.stale and result.last_new_item_at is None


def test_a_gap_of_unknown_size_is_recorded(db_url):
    with store.session(db_url) as s:
        record_run(
            s,
            SOURCE.id,
            date(2025, 7, 1),
            RunRecord("ok", None, None, 10, 10, 0, 100, T0, T0, True, stored=10, gap=True, lost_estimate=None),
        )
    with store.session(db_url) as s:
        poll = s.scalars(select(store.SourcePoll)).one()
        day = s.get(store.SourceRun, (SOURCE.id, date(2025, 7, 1)))
    assert (poll.gap, poll.lost_estimate, day.gaps, day.lost_estimate) == (True, None, 1, 0)


def test_the_days_polls_per_source_for_the_briefing(db_url):
    from pantau.health.runs import day_health, unrecovered_sources

    day = date(2025, 7, 1)
    record(db_url, 0, "ok", found_new=True)
    record(db_url, 0, "failed", reason="timeout")
    with store.session(db_url) as s:
        s.add(
            store.SourcePoll(
                source_id=SOURCE.id, day=day, status="ok", new_items=7, gap=True, lost_estimate=3,
                started_at=T0 + timedelta(hours=1), finished_at=T0 + timedelta(hours=1),
            )
        )  # fmt: skip
    with store.session(db_url) as s:
        health = day_health(s, day)[SOURCE.id]
        assert (health.polls_ok, health.polls_failed, health.items, health.gaps, health.lost_estimate) == (
            2,
            1,
            8,
            1,
            3,
        )
        assert unrecovered_sources(s, day, [SOURCE.id, "down_all_day"]) == ["down_all_day"]
