"""The real-page benchmark's statistics."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def paired_difference(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from bench_extract_real import paired_difference

    return paired_difference


def test_the_difference_of_systems_that_read_alike_is_nil(paired_difference):
    assert paired_difference([0.9, 0.5, 1.0], [0.9, 0.5, 1.0]) == (0.0, 0.0, 0.0)


def test_a_difference_on_every_page_alike_has_no_spread(paired_difference):
    assert paired_difference([0.9, 0.6], [0.8, 0.5]) == pytest.approx((0.1, 0.1, 0.1))


def test_the_interval_holds_the_mean_and_zero_when_pages_disagree(paired_difference):
    ours = [1.0, 0.2] * 20
    theirs = [0.2, 1.0] * 20
    difference, low, high = paired_difference(ours, theirs)
    assert difference == pytest.approx(0.0)
    assert low < 0 < high
    assert paired_difference(ours, theirs) == (difference, low, high)  # seeded: each run alike


def test_a_page_lost_shows_as_a_difference_below_zero(paired_difference):
    ours = [0.95] * 49 + [0.0]
    theirs = [0.95] * 50
    difference, low, high = paired_difference(ours, theirs)
    assert difference == pytest.approx(-0.019)
    assert low < difference < high <= 0
