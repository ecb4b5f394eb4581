"""Pairwise precision and recall of a clustering against labels."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations


def pairwise_scores(predicted: Sequence[str], expected: Sequence[str]) -> tuple[float, float]:
    """(precision, recall) over all pairs of items: a pair is positive when both share a group."""
    true_positive = predicted_pairs = expected_pairs = 0
    for i, j in combinations(range(len(predicted)), 2):
        same_predicted, same_expected = predicted[i] == predicted[j], expected[i] == expected[j]
        predicted_pairs += same_predicted
        expected_pairs += same_expected
        true_positive += same_predicted and same_expected
    precision = true_positive / predicted_pairs if predicted_pairs else 1.0
    recall = true_positive / expected_pairs if expected_pairs else 1.0
    return precision, recall
