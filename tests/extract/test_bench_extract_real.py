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


@pytest.fixture
def bench(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import bench_extract_real

    return bench_extract_real


def test_passages_are_found_whatever_the_whitespace_between_their_words(bench):
    from validation_pages import SnippetPage

    page = SnippetPage("https://x.example/", b"", ("the  story\nbegins", "it ends"), ("Share this", "Menu"))
    assert bench.passages_found("The story begins.\n\nthe story begins here. Share\nthis", page) == (1, 1, 1, 1)


def test_passage_scores_count_every_page_passages_together_as_trafilatura_does(bench):
    # 3 wanted found, 1 unwanted found, 1 wanted missed, 3 unwanted left out.
    precision, recall, accuracy, f1 = bench.passage_scores([(2, 1, 0, 1), (1, 0, 1, 2)])
    assert (precision, recall, accuracy, f1) == pytest.approx((0.75, 0.75, 0.75, 0.75))


def test_a_passage_lost_on_one_page_shows_as_a_difference_below_zero(bench):
    theirs = [(3, 0, 0, 3)] * 40
    ours = theirs[:-1] + [(0, 0, 3, 3)]
    difference, low, high = bench.paired_passage_difference(ours, theirs)
    assert difference < 0
    assert low <= difference <= high <= 0
    assert bench.paired_passage_difference(theirs, theirs) == (0.0, 0.0, 0.0)
