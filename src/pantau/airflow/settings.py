"""Operational settings (recipients, connection ids) from Airflow Variables or the environment.

A setting named `pantau_x` is the Airflow Variable `pantau_x`, else the environment variable
`PANTAU_X`, else its default: secrets stay in Airflow's connections, never in the repo.
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

    return Variable.get(name, default=None) or os.environ.get(name.upper()) or default


def addresses(name: str) -> list[str]:
    """A comma-, semicolon- or space-separated list of email addresses; empty when unset."""
    return [address for address in re.split(r"[,;\s]+", setting(name) or "") if address]
