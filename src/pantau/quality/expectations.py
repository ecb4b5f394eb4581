"""The data-quality suites: YAML in include/expectations/, one file per stage, validated on load.

Each expectation names a Great Expectations expectation type, the batch (table) it checks, its
arguments and a severity. Arguments may refer to a value known only at run time (the day's
window, the registry's ids) as `{$PARAMETER: name}`, which GX fills in when it validates.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pantau import config
from pantau.config import ConfigError, invalid_field, load_yaml

SUITE_ORDER = ("fetch", "articles", "dedup", "volume")


def expectations_dir() -> Path:
    return Path(os.environ.get("PANTAU_EXPECTATIONS") or config.INCLUDE_DIR / "expectations")


class ExpectationSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9_]+$")
    batch: str
    type: str = Field(pattern=r"^expect_[a-z0-9_]+$")
    column: str | None = None
    kwargs: dict[str, Any] = {}
    severity: Literal["critical", "warning"]

    @property
    def gx_class_name(self) -> str:
        return "".join(part.capitalize() for part in self.type.split("_"))

    @property
    def columns(self) -> list[str]:
        """Every column the expectation reads, so a typo is caught before GX runs."""
        named = [self.column, self.kwargs.get("column_A"), self.kwargs.get("column_B")]
        return [column for column in named + list(self.kwargs.get("column_list", ())) if column]

    def parameters(self) -> set[str]:
        """The run-time parameters (`{$PARAMETER: name}`) its arguments use."""
        return {
            value["$PARAMETER"] for value in self.kwargs.values() if isinstance(value, dict) and "$PARAMETER" in value
        }


class NoSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ArticleSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    published_tolerance_hours: float = Field(ge=0)
    clock_skew_minutes: float = Field(ge=0)
    sources_without_time: tuple[str, ...]


class VolumeSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    history_days: int = Field(ge=1)
    min_history_days: int = Field(ge=1)
    min_median: float = Field(ge=0)
    low_factor: float = Field(ge=0)
    high_factor: float = Field(ge=1)

    @model_validator(mode="after")
    def _history_fits(self) -> VolumeSettings:
        if self.min_history_days > self.history_days:
            raise ValueError("min_history_days is larger than history_days")
        return self


SETTINGS: dict[str, type[BaseModel]] = {"articles": ArticleSettings, "volume": VolumeSettings}


class SuiteSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    suite: Literal["fetch", "articles", "dedup", "volume"]
    settings: dict[str, Any] = {}
    expectations: tuple[ExpectationSpec, ...] = Field(min_length=1)
    path: Path = Path()

    @model_validator(mode="after")
    def _unique_names(self) -> SuiteSpec:
        names = [spec.name for spec in self.expectations]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"duplicate expectation names: {', '.join(duplicates)}")
        return self

    @property
    def typed_settings(self) -> BaseModel:
        return SETTINGS.get(self.suite, NoSettings).model_validate(self.settings)


def load_suite(path: Path, batches: dict[str, set[str]], parameters: set[str]) -> SuiteSpec:
    """One suite file, checked against the batches (name -> columns) and run parameters that exist."""
    document = load_yaml(path)
    if not isinstance(document, dict):
        raise ConfigError(f"{path}: expected a mapping with 'suite:' and 'expectations:'")
    try:
        suite = SuiteSpec.model_validate({**document, "path": path})
    except ValidationError as exc:
        raise invalid_field(path, exc, whole="(suite)") from None
    if suite.suite != path.stem:
        raise ConfigError(f"{path}: field 'suite': {suite.suite!r} does not match the file name")
    try:
        _ = suite.typed_settings  # read by the run; checked here so a bad setting fails on load
    except ValidationError as exc:
        raise invalid_field(path, exc, prefix="settings.", whole="(suite)") from None
    for spec in suite.expectations:
        where = f"{path}: expectation {spec.name!r}"
        if spec.batch not in batches:
            raise ConfigError(f"{where}: unknown batch {spec.batch!r} (known: {', '.join(sorted(batches))})")
        unknown_columns = [column for column in spec.columns if column not in batches[spec.batch]]
        if unknown_columns:
            raise ConfigError(f"{where}: batch {spec.batch!r} has no column {unknown_columns[0]!r}")
        unknown_parameters = sorted(spec.parameters() - parameters)
        if unknown_parameters:
            raise ConfigError(f"{where}: unknown $PARAMETER {unknown_parameters[0]!r}")
    return suite


def load_suites(batches: dict[str, set[str]], parameters: set[str]) -> list[SuiteSpec]:
    """The four stage suites, in pipeline order."""
    return [load_suite(expectations_dir() / f"{name}.yaml", batches, parameters) for name in SUITE_ORDER]
