"""Operational settings (recipients, connection ids): Airflow Variables, looked up as Airflow does.

A setting named `pantau_x` is the Airflow Variable `pantau_x`, found in Airflow's own order: a
secrets backend, then the environment variable `AIRFLOW_VAR_PANTAU_X`, then the metadata database.
Only where none of them has it (or it is empty) is `PANTAU_X` read from the environment, a fallback
for processes that run without Airflow's Variables (the CLI, a shell, tests); then the default.
Secrets stay in Airflow's connections, never in the repository.
"""

from __future__ import annotations

import os
import re
from typing import overload


@overload
def setting(name: str, default: str) -> str: ...
@overload
def setting(name: str, default: None = None) -> str | None: ...
def setting(name: str, default: str | None = None) -> str | None:
    from airflow.sdk import Variable

    # Variable.get reads AIRFLOW_VAR_<NAME> itself, before the database: no second lookup of it here.
    return Variable.get(name, default=None) or os.environ.get(name.upper()) or default


def addresses(name: str) -> list[str]:
    """A comma-, semicolon- or space-separated list of email addresses; empty when unset."""
    return [address for address in re.split(r"[,;\s]+", setting(name) or "") if address]
