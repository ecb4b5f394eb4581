"""Where Pantau reads its configuration and writes its data, overridable by environment."""

from __future__ import annotations

import os
from pathlib import Path

# The checkout (src/pantau/ sits two levels down), or PANTAU_HOME where the package is installed
# into an image and include/ is mounted beside dags/.
PROJECT_ROOT = Path(os.environ.get("PANTAU_HOME") or Path(__file__).resolve().parents[2])
INCLUDE_DIR = PROJECT_ROOT / "include"


def _path_from_env(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default


def data_dir() -> Path:
    return _path_from_env("PANTAU_DATA_DIR", PROJECT_ROOT / "data")


def output_dir() -> Path:
    return _path_from_env("PANTAU_OUTPUT_DIR", PROJECT_ROOT / "output")


def sources_file() -> Path:
    return _path_from_env("PANTAU_SOURCES", INCLUDE_DIR / "sources.yaml")


def watchlist_file() -> Path:
    return _path_from_env("PANTAU_WATCHLIST", INCLUDE_DIR / "watchlist.yaml")


def db_url() -> str:
    """PostgreSQL (or any SQLAlchemy URL) from PANTAU_DB_URL, else a SQLite file under data/."""
    return os.environ.get("PANTAU_DB_URL") or f"sqlite:///{data_dir() / 'pantau.db'}"
