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


# A configuration file is a few hundred lines; anything this large is the wrong file (or a device).
MAX_CONFIG_BYTES = 5 * 2**20


def load_yaml(path: Path) -> object:
    """A YAML file of include/ (or its override), parsed safely; a missing or broken file is a ConfigError."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
        if len(raw) > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: over {MAX_CONFIG_BYTES // 2**20} MB: not a configuration file")
        return yaml.safe_load(raw.decode("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:  # a directory, a binary file, no permission
        raise ConfigError(f"{path}: not a readable YAML file: {getattr(exc, 'strerror', None) or exc}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}".replace("\n", " ")) from None


def invalid_field(
    path: Path, exc: ValidationError, where: str = "", prefix: str = "", whole: str = "(entry)"
) -> ConfigError:
    """pydantic's first complaint as one line: `<file>: [<where>:] field '<a.b>': <message>`.

    `where` names the entry ("profile 'nst'"), `prefix` the part of the document that was validated
    on its own ("settings."), `whole` the field to name when the error is about the entry itself.
    """
    message = exc.errors()[0]["msg"].removeprefix("Value error, ")
    return field_error(path, exc.errors()[0]["loc"], message, where, prefix, whole)


def field_error(
    path: Path, location: Sequence[str | int], message: str, where: str = "", prefix: str = "", whole: str = "(entry)"
) -> ConfigError:
    field = ".".join(str(part) for part in location) or whole
    return ConfigError(f"{path}:{f' {where}:' if where else ''} field '{prefix}{field}': {message}")
