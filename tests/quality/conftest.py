"""The clean day, built once per session and copied for each test that breaks it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pantau import store

from .clean_day import build_good_day


@pytest.fixture(scope="session")
def clean_day_file(tmp_path_factory) -> Path:
    """Built once; each test gets a copy, so breaking it in one test leaves the others clean."""
    path = tmp_path_factory.mktemp("clean") / "pantau.db"
    url = f"sqlite:///{path}"
    build_good_day(url)
    store.engine(url).dispose()  # closing the last connection folds SQLite's WAL into the file
    return path


@pytest.fixture
def good_day(clean_day_file, tmp_path) -> str:
    shutil.copyfile(clean_day_file, tmp_path / "pantau.db")
    return f"sqlite:///{tmp_path / 'pantau.db'}"
