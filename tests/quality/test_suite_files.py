"""The suite files: the shipped ones load, and a mistake in one is a one-line error naming it."""

from __future__ import annotations

import pytest

from pantau import store
from pantau.config import ConfigError
from pantau.quality.expectations import expectations_dir
from pantau.quality.stage import QualityFailed, check_day, quality_suites, run_for_day

from .clean_day import DAY, NOW, SOURCES

GOOD_EXPECTATION = """
  - name: url_unique
    batch: articles
    type: expect_column_values_to_be_unique
    column: url
    severity: critical
"""


def test_the_shipped_suites_load_in_pipeline_order():
    assert [suite.suite for suite in quality_suites()] == ["fetch", "articles", "dedup", "volume"]


@pytest.fixture
def suites_dir(tmp_path, monkeypatch):
    """A copy of the shipped suites whose dedup.yaml a test replaces."""
    for path in expectations_dir().glob("*.yaml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("PANTAU_EXPECTATIONS", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize(
    ("expectations", "message"),
    [
        (GOOD_EXPECTATION.replace("batch: articles", "batch: artciles"), "unknown batch 'artciles'"),
        (GOOD_EXPECTATION.replace("column: url", "column: link"), "batch 'articles' has no column 'link'"),
        (GOOD_EXPECTATION.replace("severity: critical", "severity: fatal"), "field 'expectations.0.severity'"),
        (GOOD_EXPECTATION + GOOD_EXPECTATION, "duplicate expectation names: url_unique"),
        (GOOD_EXPECTATION + "    kwargs: {value_set: {$PARAMETER: outlets}}\n", "unknown $PARAMETER 'outlets'"),
    ],
)
def test_a_mistake_is_caught_on_load(suites_dir, expectations, message):
    (suites_dir / "dedup.yaml").write_text(f"suite: dedup\nexpectations:{expectations}", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        quality_suites()
    assert message in str(caught.value)
    assert str(suites_dir / "dedup.yaml") in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_suite_named_unlike_its_file_is_refused(suites_dir):
    (suites_dir / "dedup.yaml").write_text(f"suite: volume\nexpectations:{GOOD_EXPECTATION}", encoding="utf-8")
    with pytest.raises(ConfigError, match="'volume' does not match the file name"):
        quality_suites()


def test_missing_settings_are_named(suites_dir):
    text = (suites_dir / "volume.yaml").read_text(encoding="utf-8")
    (suites_dir / "volume.yaml").write_text(text.replace("  min_median: 3\n", ""), encoding="utf-8")
    with pytest.raises(ConfigError, match="volume.yaml: field 'settings.min_median': Field required"):
        quality_suites()


@pytest.mark.parametrize(
    ("expectations", "message"),
    [
        (
            GOOD_EXPECTATION.replace("values_to_be_unique", "values_to_be_lovely"),
            "GX has no expectation 'expect_column_values_to_be_lovely'",
        ),
        (GOOD_EXPECTATION + "    kwargs: {mostly: 3}\n", "mostly ensure this value is less than or equal to 1.0"),
    ],
)
def test_what_only_gx_knows_is_caught_before_validating(suites_dir, good_day, expectations, message):
    (suites_dir / "dedup.yaml").write_text(f"suite: dedup\nexpectations:{expectations}", encoding="utf-8")
    with store.session(good_day) as s, pytest.raises(ConfigError) as caught:
        check_day(s, DAY, sources=SOURCES, now=NOW)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_table_level_and_crashing_expectations_are_reported_by_what_gx_saw(suites_dir, good_day, tmp_path):
    (suites_dir / "dedup.yaml").write_text(
        """suite: dedup
expectations:
  - {name: enough_sources, batch: volume, type: expect_table_row_count_to_be_between,
     kwargs: {min_value: 10}, severity: critical}
  - {name: url_compared_to_a_number, batch: articles, type: expect_column_values_to_be_between,
     column: url, kwargs: {min_value: 1}, severity: critical}
""",
        encoding="utf-8",
    )
    with store.session(good_day) as s, pytest.raises(QualityFailed) as failed:
        run_for_day(s, DAY, tmp_path, sources=SOURCES, now=NOW)
    message = str(failed.value)
    assert "dedup.enough_sources (observed 4)" in message
    assert "dedup.url_compared_to_a_number (could not run: " in message
