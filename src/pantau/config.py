"""Where Pantau reads its configuration and writes its data, overridable by environment; how a
configuration file is read, and how what is wrong with it is said."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from pydantic import ValidationError

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


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file, entry and field."""


def load_yaml(path: Path) -> object:
    """A YAML file of include/ (or its override), parsed safely; a missing or broken file is a ConfigError."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}".replace("\n", " ")) from None


def invalid_field(
    path: Path, exc: ValidationError, where: str = "", prefix: str = "", whole: str = "(entry)"
) -> ConfigError:
    """pydantic's first complaint as one line: `<file>: [<where>:] field '<a.b>': <message>`.

    `where` names the entry ("profile 'nst'"), `prefix` the part of the document that was validated
    on its own ("settings."), `whole` the field to name when the error is about the entry itself.
    """
    return field_error(path, exc.errors()[0]["loc"], exc.errors()[0]["msg"], where, prefix, whole)


def field_error(
    path: Path, location: Sequence[str | int], message: str, where: str = "", prefix: str = "", whole: str = "(entry)"
) -> ConfigError:
    field = ".".join(str(part) for part in location) or whole
    return ConfigError(f"{path}:{f' {where}:' if where else ''} field '{prefix}{field}': {message}")
